//! jest, vitest, mocha, and npm's own lines.

use super::repeat::{Format, Shown};
use super::rules::{self, rule, Act, Runner};
use super::{re, Cat, Classifier};
use crate::plan::Priority::{Critical, Notable, Verdict};

pub(crate) fn classify(c: &mut Classifier) {
    let t = c.text;
    if t.contains('✓')
        || t.contains('✕')
        || t.contains('●')
        || t.contains('✔')
        || t.contains('×')
        || t.contains("passing")
        || t.contains("PASS ")
        || t.contains("FAIL ")
    {
        jest_vitest(c);
        mocha(c);
    }
    rules::run(c, &NPM);
}

fn jest_vitest(c: &mut Classifier) {
    let n = c.len();
    // the file a test line belongs to (the last PASS/FAIL header), and whether it passed
    let mut suite: Option<(&str, bool)> = None;
    let mut shown = Shown::default();
    let mut i = 0;
    while i < n {
        if c.claimed(i) {
            i += 1;
            continue;
        }
        let line = c.lines[i];
        if let Some(m) = re!(r"^\s*(PASS|FAIL)\s+(\S+)").captures(line) {
            let pass = m.get(1).unwrap().as_str() == "PASS";
            suite = Some((m.get(2).unwrap().as_str(), pass));
            if pass {
                c.fold(i, Cat::PassedFile);
            } else {
                c.keep(i, Critical);
            }
        } else if re!(r"^  ● ").is_match(line) && !line.starts_with("  ● Console") {
            // a jest failure: everything up to the next `●` or a line at column 0
            let end = block_end(c, i + 1);
            shown.block(c, i, end, &JEST_FAILURE);
            i = end;
            continue;
        } else if line.starts_with("  ● Console") {
            let end = block_end(c, i + 1);
            if suite.is_some_and(|(_, pass)| pass) {
                for k in i..end {
                    c.fold(k, Cat::PassOutput);
                }
            }
            i = end;
            continue;
        } else if re!(r"^⎯+ Failed Tests? \d+ ⎯+$|^⎯+ (Unhandled )?Errors? \d* ?⎯+$").is_match(line) {
            // vitest: the failure details run to the summary
            let mut j = i + 1;
            while j < n && !re!(r"^\s*Test Files\s+\d").is_match(c.lines[j]) {
                j += 1;
            }
            vitest_failures(c, i, j, &mut shown);
            i = j;
            continue;
        } else if let Some(m) = re!(r"^\s+(✓|√|✔|○|↓|✕|×|✗|❯|◯)\s+(.*)$").captures(line) {
            let rest = m.get(2).unwrap().as_str();
            let file = suite.map(|(f, _)| f).unwrap_or("");
            match m.get(1).unwrap().as_str() {
                // vitest prints a whole file as `✓ src/a.test.ts (3 tests) 5ms`
                "✓" | "√" | "✔" => c.fold_in(i, Cat::Tests(vitest_count(rest).unwrap_or(1), 0), file),
                "○" | "↓" | "◯" => c.fold_in(i, Cat::Tests(0, 1), file),
                "❯" if !rest.contains("failed") => {}
                _ => c.keep(i, Critical),
            }
        } else if re!(r"^\s*(Tests?|Test Suites|Test Files|Snapshots):\s+\d|^\s*(Tests|Test Files)\s+\d+ (passed|failed)|^Ran all test suites").is_match(line) {
            c.keep(i, Verdict);
        }
        i += 1;
    }
}

/// How jest prints a failure: `● name`, the message with its expected and received values, an
/// excerpt of the test and the `at …(file:line:col)` frames.
const JEST_FAILURE: Format = Format {
    title_lines: 1,
    name: |l| l.strip_prefix("  ● "),
    location: |l| re!(r"^\s+at .*:\d+:\d+\)?$").is_match(l),
    error: |l| re!(r"^\s*(Expected|Received|expect\(|[-+] |\w*Error\b|thrown:)").is_match(l),
};

/// How vitest prints one: ` FAIL  file > name`, the error and its values, ` ❯ file:line:col`,
/// an excerpt, and a `⎯⎯⎯[3/32]⎯` rule.
const VITEST_FAILURE: Format = Format {
    title_lines: 1,
    name: |l| {
        re!(r"^\s*FAIL\s+\S+ > (.+)$")
            .captures(l)
            .map(|m| m.get(1).unwrap().as_str())
    },
    location: |l| re!(r"^\s*❯ \S+:\d+:\d+").is_match(l),
    error: |l| re!(r"^(\w*Error\b|Expected|Received|[-+] |\s*FAIL\s)").is_match(l),
};

/// vitest's failure details (`start..end`, from the `Failed Tests` rule): one block per
/// failure, each from its ` FAIL ` line(s) to its `⎯⎯[n/m]⎯` rule.
fn vitest_failures(c: &mut Classifier, start: usize, end: usize, shown: &mut Shown) {
    let opens = |c: &Classifier, k: usize| {
        re!(r"^\s*FAIL\s").is_match(c.lines[k]) && !re!(r"^\s*FAIL\s").is_match(c.lines[k - 1])
    };
    let mut i = start + 1;
    c.keep_block(start, i, Critical);
    while i < end {
        if !opens(c, i) {
            c.keep(i, Critical);
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < end && !opens(c, j) {
            j += 1;
        }
        shown.block(c, i, j, &VITEST_FAILURE);
        i = j;
    }
}

fn vitest_count(rest: &str) -> Option<u32> {
    re!(r"\((\d+) tests?\)")
        .captures(rest)?
        .get(1)?
        .as_str()
        .parse()
        .ok()
}

fn block_end(c: &Classifier, from: usize) -> usize {
    let mut j = from;
    while j < c.len()
        && !c.lines[j].starts_with("  ● ")
        && (c.lines[j].is_empty() || c.lines[j].starts_with(' '))
    {
        j += 1;
    }
    j
}

/// mocha: `✔ name` lines fold; after `N failing` come the failure details, kept whole.
fn mocha(c: &mut Classifier) {
    let Some(failing) = c
        .lines
        .iter()
        .position(|l| re!(r"^\s+\d+ failing$").is_match(l))
    else {
        for i in 0..c.len() {
            if re!(r"^\s+\d+ (passing|pending)( \(\d+m?s\))?$").is_match(c.lines[i]) {
                c.keep(i, Verdict);
            }
        }
        return;
    };
    for i in 0..failing {
        if c.claimed(i) {
            continue;
        }
        let line = c.lines[i];
        if re!(r"^\s+\d+ (passing|pending)").is_match(line) {
            c.keep(i, Verdict);
        } else if re!(r"^\s+\d+\) \S").is_match(line) {
            c.keep(i, Critical);
        }
    }
    c.keep_block(failing, c.len(), Critical);
}

/// npm's own lines around a test run or an install.
const NPM: Runner = Runner {
    present: |t| t.contains("npm "),
    trim: false,
    rules: &[
        rule(
            |l| re!(r"^npm (ERR!|error) ").is_match(l),
            Act::Keep(Critical),
        ),
        rule(
            |l| re!(r"^npm (WARN|warn) ").is_match(l),
            Act::Once(Notable),
        ),
        rule(
            |l| re!(r"^npm (http|timing|verbose|info|sill|silly) ").is_match(l),
            Act::Fold(Cat::Progress),
        ),
        rule(
            |l| {
                re!(r"^(added|removed|changed|up to date|audited) .*packages?|^found \d+ vulnerabilit|^\d+ vulnerabilit|^\d+ packages? (is|are) looking for funding").is_match(l)
            },
            Act::Keep(Critical),
        ),
    ],
};

#[cfg(test)]
mod tests {
    use crate::testout::testutil::{assert_kept, run};

    #[test]
    fn jest_failure_block_and_passes() {
        let mut t = String::from("PASS src/ok.test.js\n");
        for i in 0..20 {
            t.push_str(&format!("  ✓ works number {i} (3 ms)\n"));
        }
        t.push_str("FAIL src/bad.test.js\n  ✕ adds (5 ms)\n\n  ● adds\n\n    expect(received).toBe(expected) // Object.is equality\n\n    Expected: 3\n    Received: 2\n\n");
        t.push_str("      3 | test('adds', () => {\n    > 4 |   expect(add(1, 1)).toBe(3);\n        |                     ^\n\n      at Object.toBe (src/bad.test.js:4:21)\n\n");
        t.push_str("Test Suites: 1 failed, 1 passed, 2 total\nTests:       1 failed, 20 passed, 21 total\nSnapshots:   0 total\nTime:        0.5 s\nRan all test suites.\n");
        let out = assert_kept(
            &t,
            &[
                "FAIL src/bad.test.js",
                "● adds",
                "expect(received).toBe(expected)",
                "Received: 2",
                "src/bad.test.js:4:21",
                "Tests:       1 failed, 20 passed, 21 total",
            ],
        );
        assert!(out.contains("20 passed"), "{out}");
    }

    #[test]
    fn mocha_failures() {
        let mut t = String::from("\n  math\n");
        for i in 0..20 {
            t.push_str(&format!("    ✔ adds case {i}\n"));
        }
        t.push_str("    1) subtracts\n\n\n  20 passing (12ms)\n  1 failing\n\n  1) math\n       subtracts:\n\n      AssertionError [ERR_ASSERTION]: 1 == 2\n      + expected - actual\n\n      at Context.<anonymous> (test/math.test.js:9:12)\n      at process.processImmediate (node:internal/timers:476:21)\n\n");
        let out = assert_kept(
            &t,
            &[
                "1) subtracts",
                "20 passing (12ms)",
                "1 failing",
                "AssertionError [ERR_ASSERTION]: 1 == 2",
                "test/math.test.js:9:12",
            ],
        );
        assert!(out.contains("20 passed"), "{out}");
    }

    #[test]
    fn vitest_verbose() {
        let mut t = String::from("\n RUN  v2.1.9 /tmp/proj\n\n");
        for i in 0..30 {
            t.push_str(&format!(" ✓ sum.test.js > add > adds case {i} 1ms\n"));
        }
        t.push_str(" × sum.test.js > add > adds wrong 4ms\n   → expected 4 to be 5 // Object.is equality\n\n⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯\n\n FAIL  sum.test.js > add > adds wrong\nAssertionError: expected 4 to be 5 // Object.is equality\n ❯ sum.test.js:7:46\n\n⎯⎯⎯⎯[1/1]⎯\n\n Test Files  1 failed (1)\n      Tests  1 failed | 30 passed (31)\n");
        let out = assert_kept(
            &t,
            &[
                "FAIL  sum.test.js > add > adds wrong",
                "AssertionError: expected 4 to be 5",
                "sum.test.js:7:46",
                "Tests  1 failed | 30 passed (31)",
            ],
        );
        // the cross line and its message fold with the passes: the report below repeats both
        assert!(
            out.contains("[hr 30 passed, 1 failed · hr expand abcdef012345 --lines 4-35]"),
            "{out}"
        );
        assert!(!out.contains(" × sum.test.js"), "{out}");
        assert!(!out.contains("→"), "{out}");
    }

    /// 30 passes around a failing `×` verdict whose `→` message is `arrow`, then a report that
    /// names the test and says `report`.
    fn vitest_with_failure(arrow: &str, report: &str) -> String {
        vitest_with_message(&format!("   → {arrow}"), report)
    }

    fn vitest_with_message(message: &str, report: &str) -> String {
        let mut t = String::from("\n RUN  v2.1.9 /tmp/proj\n\n");
        for i in 0..30 {
            t.push_str(&format!(" ✓ sum.test.js > add > adds case {i} 1ms\n"));
            if i == 14 {
                t.push_str(&format!(
                    " × sum.test.js > add > adds wrong 4ms\n{message}\n"
                ));
            }
        }
        t.push_str(&format!("\n⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯\n\n FAIL  sum.test.js > add > adds wrong\n{report}\n ❯ sum.test.js:7:46\n\n⎯⎯⎯⎯[1/1]⎯\n\n Test Files  1 failed (1)\n      Tests  1 failed | 30 passed (31)\n"));
        t
    }

    #[test]
    fn vitest_verdict_and_message_fold_together_when_the_report_repeats_both() {
        let t = vitest_with_failure(
            "expected 4 to be 5 // Object.is equality",
            "AssertionError: expected 4 to be 5 // Object.is equality",
        );
        let out = run(&t);
        assert!(
            out.contains("[hr 30 passed, 1 failed · hr expand abcdef012345 --lines 4-35]"),
            "{out}"
        );
        assert!(!out.contains("   → expected 4 to be 5"), "{out}");
        assert!(
            out.contains("AssertionError: expected 4 to be 5 // Object.is equality"),
            "{out}"
        );
    }

    /// vitest's default reporter (vitest 2.1.9 on unjs/ufo, trimmed): a file's failing tests
    /// under its header, with no passing test around them, then the report of each.
    fn vitest_default(report_says: &str) -> String {
        let mut t = String::from("\n RUN  v2.1.9 /home/dev/build/ufo\n\n");
        t.push_str(" ❯ test/base.test.ts (32 tests | 2 failed) 10ms\n");
        t.push_str("   × withBase > \"/foo\" + \"/bar\" 4ms\n");
        t.push_str("     → expected '/foo//bar' to be '/foo/bar' // Object.is equality\n");
        t.push_str("   × withBase > \"/admin/\" + \"/admin-dashboard\" 1ms\n");
        t.push_str("     → expected '/admin//admin-dashboard' to be '/admin/admin-dashboard' // Object.is equality\n");
        t.push_str(" ❯ test/url.test.ts (6 tests | 1 failed) 9ms\n");
        t.push_str("   × $URL > append 4ms\n");
        t.push_str("     → expected 'https://john:doe@example.com:1080/pat…' to deeply equal 'https://john:doe@example.com:1080/pat…'\n");
        t.push_str("\n Test Files  2 failed (2)\n      Tests  3 failed | 35 passed (38)\n\n");
        t.push_str("⎯⎯⎯⎯⎯⎯ Failed Tests 3 ⎯⎯⎯⎯⎯⎯⎯\n\n");
        for (name, said) in [
            ("withBase > \"/foo\" + \"/bar\"", "AssertionError: expected '/foo//bar' to be '/foo/bar' // Object.is equality".to_string()),
            ("withBase > \"/admin/\" + \"/admin-dashboard\"", report_says.to_string()),
            ("$URL > append", "AssertionError: expected 'https://john:doe@example.com:1080/pat…' to deeply equal 'https://john:doe@example.com:1080/pat…'".to_string()),
        ] {
            let file = if name.starts_with('$') { "url" } else { "base" };
            t.push_str(&format!(" FAIL  test/{file}.test.ts > {name}\n{said}\n\n ❯ test/{file}.test.ts:36:41\n\n"));
        }
        t
    }

    #[test]
    fn vitest_default_reporter_folds_a_files_failures_the_report_repeats() {
        let said = "AssertionError: expected '/admin//admin-dashboard' to be '/admin/admin-dashboard' // Object.is equality";
        let out = run(&vitest_default(said));
        // the two failures of base.test.ts fold under their file's line; each is read in its report
        assert!(
            out.contains(" ❯ test/base.test.ts (32 tests | 2 failed) 10ms\n[hr 2 failed · hr expand abcdef012345 --lines 5-8]\n"),
            "{out}"
        );
        assert!(
            out.contains(said)
                && out.contains(" FAIL  test/base.test.ts > withBase > \"/foo\" + \"/bar\""),
            "{out}"
        );
        // a lone failure stays: a marker would save little and interrupt more
        assert!(
            out.contains("   × $URL > append 4ms\n     → expected 'https://john"),
            "{out}"
        );
    }

    #[test]
    fn vitest_default_reporter_keeps_failures_the_report_does_not_repeat() {
        // the report says another message for the second failure: it stays with its message,
        // and so does the first, which would be a marker of its own between kept lines
        let out = run(&vitest_default(
            "Error: connect ECONNREFUSED 127.0.0.1:5432",
        ));
        assert!(
            out.contains(concat!(
                " ❯ test/base.test.ts (32 tests | 2 failed) 10ms\n",
                "   × withBase > \"/foo\" + \"/bar\" 4ms\n",
                "     → expected '/foo//bar' to be '/foo/bar' // Object.is equality\n",
                "   × withBase > \"/admin/\" + \"/admin-dashboard\" 1ms\n",
                "     → expected '/admin//admin"
            )),
            "{out}"
        );
        assert!(!out.contains("[hr 1 failed"), "{out}");
    }

    #[test]
    fn a_failure_whose_name_only_begins_another_reported_name_stays() {
        // jest --verbose cut by `| head`: the report of `handles empty input` is there, that of
        // `handles empty` is not; the first name holds the second followed by more words
        let names = [
            "handles empty input",
            "rejects a malformed date",
            "rejects a negative amount",
            "keeps the currency code",
            "handles empty",
        ];
        let mut t = String::from("FAIL src/parse.test.js\n  parse\n");
        for (i, name) in names.iter().enumerate() {
            t.push_str(&format!("    ✕ {name} ({} ms)\n", i + 1));
        }
        for name in &names[..4] {
            t.push_str(&format!("\n  ● parse › {name}\n\n    expect(received).toBe(expected) // Object.is equality\n\n    Expected: \"\"\n    Received: undefined\n"));
        }
        let out = run(&t);
        // the others fold, each read in its report
        assert!(out.contains("[hr 4 failed"), "{out}");
        assert!(out.contains("    ✕ handles empty (5 ms)\n"), "{out}");
    }

    #[test]
    fn vitest_verdict_and_message_stay_together_when_the_report_says_otherwise() {
        // the progress line shortens the values; the report prints them whole
        let t = vitest_with_failure(
            "expected 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…' to be 'b' // Object.is equality",
            "AssertionError: expected 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' to be 'b' // Object.is equality",
        );
        let out = run(&t);
        assert!(
            out.contains(concat!(
                "--lines 4-18]\n × sum.test.js > add > adds wrong 4ms\n",
                "   → expected 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…' to be 'b' // Object.is equality\n",
                "[hr 15 passed L21-35]\n"
            )),
            "{out}"
        );
    }

    #[test]
    fn a_message_the_signal_guard_would_put_back_keeps_its_verdict() {
        // folded, the error line would come back alone under the marker
        let said = "Error: connect ECONNREFUSED 127.0.0.1:5432";
        let out = run(&vitest_with_message(&format!("   {said}"), said));
        assert!(
            out.contains(&format!(
                " × sum.test.js > add > adds wrong 4ms\n   {said}\n[hr 15 passed"
            )),
            "{out}"
        );
    }

    #[test]
    fn vitest_message_repeating_one_above_stays_under_its_verdict() {
        // two failures with one message, neither named by a report: each keeps its message,
        // though the second is word for word the first
        let mut t = String::new();
        let said = "expected 'a value long enough' to be 'another value long enough' // Object.is equality";
        for k in 0..2 {
            t.push_str(&format!(
                " × sum.test.js > add > adds wrong {k} 4ms\n   → {said}\n"
            ));
            for i in 0..10 {
                t.push_str(&format!(" ✓ sum.test.js > add > adds case {k}.{i} 1ms\n"));
            }
        }
        t.push_str("\n Test Files  1 failed (1)\n      Tests  2 failed | 20 passed (22)\n");
        let out = run(&t);
        for k in 0..2 {
            let failure =
                format!(" × sum.test.js > add > adds wrong {k} 4ms\n   → {said}\n[hr 10 passed");
            assert!(out.contains(&failure), "{out}");
        }
        assert!(!out.contains("repeated line"), "{out}");
    }

    #[test]
    fn npm_install() {
        let mut t = String::new();
        for i in 0..10 {
            t.push_str(&format!(
                "npm warn deprecated pkg{i}@1.0.0: no longer supported\n"
            ));
        }
        t.push_str(
            &"npm warn deprecated glob@7.2.3: Glob versions prior to v9 are no longer supported\n"
                .repeat(3),
        );
        t.push_str(
            "\nadded 304 packages, and audited 305 packages in 9s\n\nfound 0 vulnerabilities\n",
        );
        let out = assert_kept(
            &t,
            &[
                "npm warn deprecated pkg9@1.0.0",
                "added 304 packages, and audited 305 packages in 9s",
                "found 0 vulnerabilities",
            ],
        );
        assert_eq!(out.matches("glob@7.2.3").count(), 1, "{out}");
    }
}
