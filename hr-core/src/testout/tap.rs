//! TAP and its harness `prove` (git's, Perl's and many C projects' test suites): `ok 3 - name`
//! and `not ok 5 - name` lines, and prove's one line per test script,
//! `[22:21:27] t9001-send-email.sh ....... ok    56477 ms ( 0.41 usr … CPU)`.

use super::rules::{rule, Act, Runner};
use super::{re, Cat};
use crate::plan::Priority::Critical;

pub(crate) const TAP: Runner = Runner {
    present: |t| re!(r"(?m)^(not )?ok \d+|\.{2,} ok\b").is_match(t),
    trim: false,
    rules: &[
        rule(passed_script, Act::Fold(Cat::Tests(1, 0))),
        rule(
            |l| re!(r"^ok \d+( |$)").is_match(l) && !is_directive(l),
            Act::Fold(Cat::Tests(1, 0)),
        ),
        rule(
            |l| re!(r"^not ok \d+( |$)").is_match(l) && !is_directive(l),
            Act::Keep(Critical),
        ),
    ],
};

/// A test script prove reports as passed as a whole (its own failures print below it).
fn passed_script(line: &str) -> bool {
    re!(r"^(\[\d{2}:\d{2}:\d{2}\] )?\S+\.(t|sh|pl|tap) \.{2,} ok(\s|$)").is_match(line)
}

/// `# TODO` and `# SKIP` results are not the verdict they read as: they stay as lines.
fn is_directive(line: &str) -> bool {
    re!(r"(?i)#\s*(todo|skip)\b").is_match(line)
}

#[cfg(test)]
mod tests {
    use crate::testout::testutil::run;

    #[test]
    fn passed_scripts_and_tests_fold_and_failures_stay() {
        let mut t = String::new();
        for i in 0..40 {
            t.push_str(&format!(
                "[22:21:{:02}] t{:04}-check-{i}.sh ...................... ok    {} ms ( 0.41 usr  0.01 sys + 47.59 cusr 20.08 csys = 68.09 CPU)\n",
                i % 60,
                1000 + i,
                500 + i * 13
            ));
        }
        t.push_str("[22:22:12] t9806-git-p4-options.sh ............. \nDubious, test returned 1 (wstat 256, 0x100)\nFailed 1/5 subtests \n");
        for i in 1..=12 {
            t.push_str(&format!("ok {i} - step {i} of the clone and fetch checks\n"));
        }
        t.push_str("not ok 13 - sync when no master branch prints a nice error\nnot ok 14 - known breakage # TODO\n");
        let out = run(&t);
        assert!(!out.contains("t1005-check-5.sh"), "{out}");
        assert!(
            out.contains("[hr 40 passed · hr expand abcdef012345 --lines 1-40]"),
            "{out}"
        );
        for kept in ["t9806-git-p4-options.sh", "Dubious, test returned 1", "Failed 1/5 subtests", "not ok 13 - sync when no master", "not ok 14 - known breakage # TODO"] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
        assert!(!out.contains("ok 7 - step 7"), "{out}");
        // and the sniffer knows it for a test run; one such line in prose is no test run
        assert_eq!(crate::sniff::sniff(t.as_bytes()), crate::sniff::Kind::Test);
        let prose: String = (0..30)
            .map(|i| if i == 15 { "ok 1 - the health check answered\n".to_string() } else { format!("The service {i} starts on boot and answers the health check within a second or two.\n") })
            .collect();
        assert_ne!(crate::sniff::sniff(prose.as_bytes()), crate::sniff::Kind::Test);
    }
}
