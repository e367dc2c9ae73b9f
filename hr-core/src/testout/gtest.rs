//! GoogleTest: `[ RUN      ] Suite.Name` as each test starts, `[       OK ] …` or `[  FAILED  ] …`
//! as it ends. A failed assertion prints its place (`tests/geom.cpp:67: Failure`) and what it
//! compared, up to the next bracketed line: the values are the failure's message, and no other
//! failure's (two assertions of one file fail with other values).

use super::diag::extent;
use super::{re, Cat};
use super::rules::{rule, Act, Runner};
use crate::plan::Priority::Critical;

pub(crate) const GTEST: Runner = Runner {
    present: |t| t.contains("[ RUN      ] "),
    trim: false,
    rules: &[
        rule(|l| l.starts_with("[ RUN      ] "), Act::Fold(Cat::Quiet)),
        rule(|l| l.starts_with("[       OK ] "), Act::Fold(Cat::Tests(1, 0))),
        // a failed test, the count of those that passed and failed, and the failures' list
        rule(|l| l.starts_with("[  FAILED  ] ") || l.starts_with("[  PASSED  ] "), Act::Keep(Critical)),
        rule(
            failed_assertion,
            Act::Region(|c, i, _| {
                let more = |l: &str| !l.trim().is_empty() && !l.starts_with('[') && !failed_assertion(l);
                let end = extent(c, i + 1, more).min(i + 1 + MAX_COMPARED_LINES);
                c.keep_block(i, end, Critical);
                end
            }),
        ),
    ],
};

/// Lines of what an assertion compared kept with its place; a longer dump (two large strings
/// compared) is left to the other rules past them.
const MAX_COMPARED_LINES: usize = 40;

/// `tests/geom.cpp:67: Failure`, and as MSVC builds print it, `geom.cpp(67): error: …`.
fn failed_assertion(line: &str) -> bool {
    re!(r"^\S+:\d+: Failure$|^\S+\(\d+\): error: ").is_match(line)
}

#[cfg(test)]
mod tests {
    use crate::testout::testutil::run;

    #[test]
    fn a_failed_assertion_keeps_what_it_compared() {
        let mut t = String::from("[==========] Running 40 tests from 1 test suite.\n");
        for i in 0..40 {
            t += &format!("[ RUN      ] Histogram.Case{i}\n");
            if i % 13 == 4 {
                t += &format!("tests/geom.cpp:{}: Failure\nExpected equality of these values:\n  h[{i}]\n    Which is: {}\n  1\n", 60 + i, i * 2);
                t += &format!("[  FAILED  ] Histogram.Case{i} (0 ms)\n");
            } else {
                t += &format!("[       OK ] Histogram.Case{i} (0 ms)\n");
            }
        }
        t += "[==========] 40 tests from 1 test suite ran. (1 ms total)\n[  PASSED  ] 37 tests.\n[  FAILED  ] 3 tests, listed below:\n";
        let out = run(&t);
        for i in [4, 17, 30] {
            for kept in [format!("tests/geom.cpp:{}: Failure", 60 + i), format!("  h[{i}]"), format!("    Which is: {}", i * 2)] {
                assert!(out.contains(&kept), "{kept}: {out}");
            }
        }
        assert!(!out.contains("Case33 "), "{out}");
    }
}
