//! Ruby's test runners. RSpec numbers each failure a few spaces in (`  3) Cart#total counts
//! case 4 with tax`) over its `Failure/Error:` and trace, lists the failed examples to run
//! again (`rspec ./spec/cart_spec.rb:17 # Cart#total counts case 4 with tax`) and ends with
//! `54 examples, 14 failures`. Minitest numbers each failure over the test that failed
//! (`  1) Failure:`, then `CartTest#test_total [test/cart_test.rb:9]:`) and ends with
//! `20 runs, 20 assertions, 2 failures, 0 errors, 0 skips`.

use super::rules::{rule, Act, Memory, Runner};
use super::{re, Classifier};
use crate::plan::Priority::{self, Critical, Notable, Verdict};

pub(crate) const RUBY: Runner = Runner {
    present: |t| re!(r"(?m)^ +Failure/Error: ").is_match(t) || t.lines().any(is_summary),
    trim: false,
    rules: &[
        rule(|l| l.starts_with("Pending: "), Act::Region(pending)),
        rule(is_numbered, Act::Region(failure)),
        rule(|l| l.starts_with("An error occurred while loading "), Act::Region(load_error)),
        // (a name a line, to run it again: what a budget cuts last, with the count)
        rule(|l| re!(r"^rspec \S+ # ").is_match(l), Act::Keep(Verdict)),
        rule(is_summary, Act::Keep(Verdict)),
    ],
};

/// RSpec's and Minitest's last count: `54 examples, 14 failures, 2 pending`, `20 runs, 20
/// assertions, 2 failures, 0 errors, 0 skips`.
pub(super) fn is_summary(line: &str) -> bool {
    re!(r"^\d+ examples?, \d+ failures?|^\d+ runs, \d+ assertions, \d+ failures, \d+ errors").is_match(line)
}

/// The test Minitest names under a failure's header, at the margin: `CartTest#test_total
/// [test/cart_test.rb:9]:`, or `CartTest#test_negative_1:` over the exception it raised.
pub(crate) fn names_a_failed_test(line: &str) -> bool {
    re!(r"^[A-Z][\w:]*#\w+( \[\S+:\d+\])?:$").is_match(line)
}

/// A numbered entry a few spaces in: RSpec's failure or pending example, Minitest's failure,
/// error or skip.
fn is_numbered(line: &str) -> bool {
    re!(r"^ +\d+\) \S").is_match(line)
}

/// A numbered failure: its header and what it says up to the next entry, or to a line at the
/// margin after an empty one (RSpec's `Finished in …`, Minitest's count): the test's name, the
/// expectation or the exception, and the trace that places it. (RSpec indents it all and sets
/// its parts apart with empty lines; Minitest writes it at the margin, in one paragraph, where
/// an empty line of a diff it shows is a space.) A test Minitest skipped is no failure.
fn failure(c: &mut Classifier, i: usize, _: &mut Memory) -> usize {
    let p = if c.lines[i].trim_end().ends_with(") Skipped:") { Notable } else { Critical };
    entry(c, i, p)
}

/// RSpec's pending examples, under their heading: expected to fail, each kept below the
/// failures that count.
fn pending(c: &mut Classifier, i: usize, _: &mut Memory) -> usize {
    c.keep(i, Notable);
    let mut k = i + 1;
    while k < c.len() && (blank(c.lines[k]) || is_numbered(c.lines[k])) && !c.claimed(k) {
        k = if blank(c.lines[k]) { k + 1 } else { entry(c, k, Notable) };
    }
    k
}

/// Entry `i` kept whole at `p` (see `failure`); returns the index after it.
fn entry(c: &mut Classifier, i: usize, p: Priority) -> usize {
    let after_a_gap_at_the_margin = |k: usize| c.lines[k - 1].is_empty() && !c.lines[k].is_empty() && !c.lines[k].starts_with(' ');
    let mut end = i + 1;
    while end < c.len() && !c.claimed(end) && !is_numbered(c.lines[end]) && !after_a_gap_at_the_margin(end) {
        end += 1;
    }
    keep_up_to(c, i, end, p)
}

/// Lines `i..end` kept at `p` but for the blank lines that close them, which belong to what
/// follows; returns where the kept block ends.
fn keep_up_to(c: &mut Classifier, i: usize, mut end: usize, p: Priority) -> usize {
    while end > i + 1 && blank(c.lines[end - 1]) {
        end -= 1;
    }
    c.keep_block(i, end, p);
    end
}

fn blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// A spec file RSpec could not load: what failed there, written at the margin over single
/// empty lines, up to two empty lines in a row, the next such file, or what RSpec writes after
/// it (its failures, `Finished in …`).
fn load_error(c: &mut Classifier, i: usize, _: &mut Memory) -> usize {
    let closes = |k: usize| {
        let l = c.lines[k];
        (l.is_empty() && c.lines[k - 1].is_empty())
            || is_numbered(l)
            || ["An error occurred ", "Finished in ", "Run options: ", "No examples found.", "Failures:", "Pending: "].iter().any(|p| l.starts_with(p))
    };
    let mut end = i + 1;
    while end < c.len() && end - i < LOAD_ERROR_LINES && !c.claimed(end) && !closes(end) {
        end += 1;
    }
    keep_up_to(c, i, end, Critical)
}

/// Lines a spec file's load error is read over at most.
const LOAD_ERROR_LINES: usize = 60;

#[cfg(test)]
mod tests {
    use crate::testout::testutil::{run, run_within};

    /// Whether a line of `out` ends with `said` (behind a stamp or not).
    fn says(out: &str, said: &str) -> bool {
        out.lines().any(|l| l.ends_with(said))
    }

    /// `text` as a CI job's log shows it, each line behind the runner's stamp, compressed as
    /// the log it is: its test run's failures come back in place as the runner's rules read them.
    fn in_a_ci_log(text: &str) -> String {
        let stamped: String = text.lines().enumerate().map(|(k, l)| format!("2026-12-07T10:04:{:02}.{:07}Z {l}\n", k / 100 % 60, k * 37)).collect();
        crate::compress(crate::Kind::Log, &stamped, &crate::Options::for_test(None)).text
    }

    /// RSpec's report of `failed` failures (`expected: 11`, `got: 12` for the first).
    fn rspec_failures(failed: usize) -> String {
        let mut t = String::from("Failures:\n\n");
        for k in 1..=failed {
            t += &format!("  {k}) Cart#total counts case {k} with tax\n     Failure/Error: expect(Cart.new([10, i + 1]).total).to eq(10 + i)\n\n       expected: {}\n            got: {}\n\n       (compared using ==)\n     # ./spec/cart_spec.rb:17:in `block (4 levels) in <top (required)>'\n\n", 10 + k, 11 + k);
        }
        t
    }

    #[test]
    fn each_failure_and_the_examples_to_run_again_stay() {
        // `rspec` on a spec whose 14 examples of 54 fail, its progress on one line
        let mut t = String::from("\nRandomized with seed 1\nFF.F......FF..F....FF...............FF...F...F..F.F...\n\n") + &rspec_failures(14);
        t += "Finished in 0.0183 seconds (files took 0.0611 seconds to load)\n54 examples, 14 failures\n\nFailed examples:\n\n";
        for k in 1..=14 {
            t += &format!("rspec ./spec/cart_spec.rb[1:1:{}] # Cart#total counts case {k} with tax\n", 40 + k);
        }
        let out = run(&t);
        for k in 1..=14 {
            assert!(out.contains(&format!("  {k}) Cart#total counts case {k} with tax\n")), "{k}: {out}");
            assert!(out.contains(&format!("# Cart#total counts case {k} with tax\n")), "{k}: {out}");
            assert!(out.contains(&format!("       expected: {}\n            got: {}\n", 10 + k, 11 + k)), "{k}: {out}");
        }
        assert!(out.contains("54 examples, 14 failures\n"), "{out}");
        assert_eq!(crate::sniff::sniff(t.as_bytes()), crate::sniff::Kind::Test);
    }

    #[test]
    fn pending_examples_give_way_to_failures_under_a_budget() {
        // RSpec numbers its pending examples as it numbers its failures: expected to fail, they
        // went first under a budget as failures do, and pushed the failures out
        let mut t = String::from("**F\n\nPending: (Failures listed here are expected and do not affect your suite's status)\n\n");
        for k in 1..=12 {
            t += &format!("  {k}) Cart is not done yet {k}\n     # Temporarily skipped with xit\n     # ./spec/cart_spec.rb:{}\n\n", k + 2);
        }
        t += &rspec_failures(3);
        t += "Finished in 0.00889 seconds (files took 0.06241 seconds to load)\n15 examples, 3 failures, 12 pending\n";
        let out = run_within(&t, Some(1_400));
        for k in 1..=3 {
            assert!(out.contains(&format!("       expected: {}\n            got: {}\n", 10 + k, 11 + k)), "{k}: {out}");
        }
        assert!(out.contains("15 examples, 3 failures, 12 pending"), "{out}");
    }

    #[test]
    fn a_spec_that_fails_to_load_stays_and_so_do_rspec_failures_before_mochas() {
        // files RSpec could not load, written at the margin over empty lines; then a Rails
        // job's JavaScript tests under mocha, whose numbered failures share RSpec's shape
        let mut t = String::new();
        let files = ["orders", "invoices", "refunds", "coupons", "payments", "shipments", "returns", "taxes"];
        for f in files {
            t += &format!("\nAn error occurred while loading ./spec/{f}_spec.rb.\nFailure/Error: require_relative \"../lib/{f}\"\n\nLoadError:\n  cannot load such file -- /app/lib/{f}\n# ./spec/{f}_spec.rb:1:in `require_relative'\n# ./spec/{f}_spec.rb:1:in `<top (required)>'\n\n");
        }
        t += &("\n".to_string() + &rspec_failures(18) + "Finished in 0.02 seconds (files took 0.1 seconds to load)\n40 examples, 18 failures, 8 errors occurred outside of examples\n\n");
        t += "\n  ....................\n\n  20 passing (12ms)\n  2 failing\n\n  1) cart\n       totals:\n     AssertionError: expected 3 to equal 4\n      at Context.<anonymous> (test/cart.test.js:9:12)\n\n  2) cart\n       taxes:\n     AssertionError: expected 5 to equal 6\n      at Context.<anonymous> (test/cart.test.js:14:12)\n\n";
        for out in [run(&t), in_a_ci_log(&t)] {
            for f in files {
                assert!(out.contains(&format!("  cannot load such file -- /app/lib/{f}\n")), "{f}: {out}");
            }
            for k in 1..=18 {
                assert!(says(&out, &format!("expected: {}", 10 + k)) && says(&out, &format!("got: {}", 11 + k)), "{k}: {out}");
            }
            assert!(out.contains("AssertionError: expected 3 to equal 4") && out.contains("AssertionError: expected 5 to equal 6"), "{out}");
        }
    }

    #[test]
    fn minitests_failures_stay_with_the_test_they_name_and_what_they_compared() {
        // Minitest writes a failure at the margin, one paragraph; a diff it shows writes an
        // empty line of the strings compared as one space, which ended the failure there
        let mut t = String::from("Run options: --seed 7\n\n# Running:\n\n");
        t += &".".repeat(300);
        t += "FFFFFFFFFFFF\n\nFinished in 0.004 s, 5000 runs/s, 5000 assertions/s.\n\n";
        for k in 1..=12 {
            t += &format!("{k:>3}) Failure:\nReportTest#test_report_{k} [test/report_test.rb:4]:\n--- expected\n+++ actual\n@@ -1,4 +1,4 @@\n \"Total\n \n-sum: {}\n+sum: {}\n \"\n\n\n", 3 * k, 3 * k + 1);
        }
        t += "312 runs, 312 assertions, 12 failures, 0 errors, 0 skips\n";
        for out in [run(&t), in_a_ci_log(&t)] {
            for k in 1..=12 {
                assert!(out.contains(&format!("ReportTest#test_report_{k} [test/report_test.rb:4]:\n")), "{out}");
                assert!(says(&out, &format!("-sum: {}", 3 * k)) && says(&out, &format!("+sum: {}", 3 * k + 1)), "{k}: {out}");
            }
            assert!(out.contains("312 runs, 312 assertions, 12 failures, 0 errors, 0 skips"), "{out}");
        }
    }
}
