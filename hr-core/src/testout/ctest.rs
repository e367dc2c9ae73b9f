//! CTest (CMake's test driver): a `Start N: name` line as each test starts, and a result line as
//! it ends, `17/150 Test  #17: check_17 ......***Failed    0.01 sec`; then the share that passed
//! and `The following tests FAILED:` with one line per failure.

use super::rules::{rule, Act, Runner};
use super::{re, Cat};
use crate::plan::Priority::Critical;

pub(crate) const CTEST: Runner = Runner {
    present: |t| re!(r"(?m)^ *\d+/\d+ Test +#\d+: ").is_match(t),
    trim: true,
    rules: &[
        rule(|l| re!(r"^Start +\d+: \S").is_match(l), Act::Fold(Cat::Quiet)),
        rule(|l| result(l).is_some_and(|r| r == "Passed"), Act::Fold(Cat::Tests(1, 0))),
        // every other result failed, or did not run: `***Failed`, `***Exception: SegFault`,
        // `Subprocess aborted***Exception:`, `***Timeout`, `***Not Run`, `Not Run (Disabled)`
        rule(|l| result(l).is_some(), Act::Keep(Critical)),
        rule(|l| re!(r"^\d+% tests passed, \d+ tests? failed out of \d+").is_match(l), Act::Keep(Critical)),
        rule(|l| l == "The following tests FAILED:", Act::Keep(Critical)),
        // a failure's line in that list: `17 - check_17 (Failed)`
        rule(|l| re!(r"^\d+ - \S+ \([^)]*\)").is_match(l), Act::Keep(Critical)),
    ],
};

/// What a result line says of its test, from the dots after its name to its time.
fn result(line: &str) -> Option<&str> {
    let c = re!(r"^\d+/\d+ Test +#\d+: \S+ \.* *(.*?) +[\d.]+ sec$").captures(line)?;
    Some(c.get(1)?.as_str())
}

#[cfg(test)]
mod tests {
    use crate::testout::testutil::run;

    #[test]
    fn passed_tests_fold_and_each_failure_stays() {
        let mut t = String::from("Test project /w/build\n");
        for i in 1..=60 {
            t += &format!("        Start {i:3}: check_{i}\n");
            let result = match i {
                17 => "***Failed  ",
                33 => "***Exception: SegFault",
                41 => "Subprocess aborted***Exception: ",
                52 => "***Timeout ",
                _ => "  Passed   ",
            };
            t += &format!("{i:3}/60 Test {:>4}: check_{i} {:.<26}{result}  0.01 sec\n", format!("#{i}"), "");
        }
        t += "\n93% tests passed, 4 tests failed out of 60\n\nThe following tests FAILED:\n\t 17 - check_17 (Failed)\n\t 33 - check_33 (SEGFAULT)\n";
        let out = run(&t);
        for kept in ["#17: check_17", "***Exception: SegFault", "Subprocess aborted***Exception:", "***Timeout", "93% tests passed",
            "The following tests FAILED:", "\t 33 - check_33 (SEGFAULT)"] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
        assert!(!out.contains("check_20 ."), "{out}");
        assert!(out.lines().count() < 20, "{out}");
    }
}
