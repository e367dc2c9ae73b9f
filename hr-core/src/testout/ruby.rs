//! Ruby's test runners. RSpec numbers each failure a few spaces in (`  3) Cart#total counts
//! case 4 with tax`) over its `Failure/Error:` and trace, lists the failed examples to run
//! again (`rspec ./spec/cart_spec.rb:17 # Cart#total counts case 4 with tax`) and ends with
//! `54 examples, 14 failures`. Minitest numbers each failure over the test that failed
//! (`  1) Failure:`, then `CartTest#test_total [test/cart_test.rb:9]:`) and ends with
//! `20 runs, 20 assertions, 2 failures, 0 errors, 0 skips`.

use super::rules::{rule, Act, Memory, Runner};
use super::{re, Classifier};
use crate::plan::Priority::{Critical, Verdict};

pub(crate) const RUBY: Runner = Runner {
    present: |t| re!(r"(?m)^\d+ examples?, \d+ failures?|^ +Failure/Error: |^\d+ runs, \d+ assertions, ").is_match(t),
    trim: false,
    rules: &[
        rule(|l| re!(r"^ +\d+\) \S").is_match(l), Act::Region(failure)),
        rule(|l| re!(r"^rspec \S+ # ").is_match(l), Act::Keep(Critical)),
        rule(is_summary, Act::Keep(Verdict)),
    ],
};

/// RSpec's and Minitest's last count: `54 examples, 14 failures, 2 pending`, `20 runs, 20
/// assertions, 2 failures, 0 errors, 0 skips`.
pub(super) fn is_summary(line: &str) -> bool {
    re!(r"^\d+ examples?, \d+ failures?|^\d+ runs, \d+ assertions, \d+ failures, \d+ errors").is_match(line)
}

/// A numbered failure: its header and what it says up to the next failure, or to a line at
/// the margin after a blank one (RSpec's `Finished in …`, Minitest's count): the test's name,
/// the expectation or the exception, and the trace that places it. (RSpec indents it all and
/// sets its parts apart with blank lines; Minitest writes it at the margin, in one paragraph.)
fn failure(c: &mut Classifier, i: usize, _: &mut Memory) -> usize {
    let numbered = re!(r"^ +\d+\) \S");
    let blank = |l: &str| l.trim().is_empty();
    let after_a_gap_at_the_margin = |k: usize| blank(c.lines[k - 1]) && !blank(c.lines[k]) && !c.lines[k].starts_with(' ');
    let mut end = i + 1;
    while end < c.len() && !c.claimed(end) && !numbered.is_match(c.lines[end]) && !after_a_gap_at_the_margin(end) {
        end += 1;
    }
    // (the blank lines that close it belong to what follows)
    while end > i + 1 && blank(c.lines[end - 1]) {
        end -= 1;
    }
    c.keep_block(i, end, Critical);
    end
}

#[cfg(test)]
mod tests {
    use crate::testout::testutil::run;

    #[test]
    fn each_failure_and_the_examples_to_run_again_stay() {
        // `rspec` on a spec whose 14 examples of 54 fail, its progress on one line
        let mut t = String::from("\nRandomized with seed 1\nFF.F......FF..F....FF...............FF...F...F..F.F...\n\nFailures:\n\n");
        for k in 1..=14 {
            t += &format!("  {k}) Cart#total counts case {k} with tax\n     Failure/Error: expect(Cart.new([10, i + 1]).total).to eq(10 + i)\n\n       expected: {}\n            got: {}\n\n       (compared using ==)\n     # ./spec/cart_spec.rb:17:in `block (4 levels) in <top (required)>'\n\n", 10 + k, 11 + k);
        }
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
    fn minitests_failures_stay_with_the_test_they_name() {
        let mut t = String::from("Run options: --seed 7\n\n# Running:\n\n");
        t += &".".repeat(18);
        t += "FF\n\nFinished in 0.004 s, 5000 runs/s, 5000 assertions/s.\n\n";
        for k in 1..=2 {
            t += &format!("  {k}) Failure:\nCartTest#test_total_{k} [test/cart_test.rb:{}]:\nExpected: {k}\n  Actual: {}\n\n", 8 + k, k + 1);
        }
        t += "20 runs, 20 assertions, 2 failures, 0 errors, 0 skips\n";
        let out = run(&t);
        for k in 1..=2 {
            assert!(out.contains(&format!("  {k}) Failure:\nCartTest#test_total_{k} [test/cart_test.rb:{}]:\nExpected: {k}\n", 8 + k)), "{out}");
        }
        assert!(out.contains("20 runs, 20 assertions, 2 failures, 0 errors, 0 skips"), "{out}");
    }
}
