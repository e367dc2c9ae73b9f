//! Maven (Surefire) and Gradle.

use std::collections::HashSet;

use super::{fold_repeat, re, Cat, Classifier};
use crate::plan::Priority::{Critical, Notable, Verdict};

pub(crate) fn classify(c: &mut Classifier) {
    let t = c.text;
    if t.contains("[INFO]") || t.contains("[ERROR]") {
        maven(c);
    }
    if t.contains("> Task :")
        || t.contains("BUILD SUCCESSFUL")
        || t.contains("BUILD FAILED")
        || t.contains(" FAILED\n")
    {
        gradle(c);
    }
}

/// Frames of the JDK, JUnit and the build tool inside a Java stack trace.
fn framework_frame(line: &str) -> bool {
    re!(r"^\s+at (java\.base/|jdk\.internal\.|java\.lang\.reflect\.|sun\.reflect\.|org\.junit\.|junit\.framework\.|org\.apache\.maven\.|org\.gradle\.|worker\.org\.gradle\.|com\.sun\.proxy\.|org\.testng\.internal\.)")
        .is_match(line)
}

fn maven(c: &mut Classifier) {
    let mut seen = HashSet::new();
    let mut in_trace = false;
    for i in 0..c.len() {
        if c.claimed(i) {
            continue;
        }
        let line = c.lines[i];
        if framework_frame(line) {
            c.fold(i, Cat::Frames);
            continue;
        }
        if in_trace
            && (line.starts_with('\t')
                || line.starts_with("\tat ")
                || line.starts_with("Caused by:")
                || re!(r"^\s+\.\.\. \d+ more").is_match(line))
        {
            c.keep(i, Critical);
            continue;
        }
        in_trace = false;
        if re!(r"^\[INFO\] Tests run: \d+, Failures: 0, Errors: 0, Skipped: (\d+)").is_match(line)
            && !line.contains("<<<")
        {
            let tests: u32 = re!(r"Tests run: (\d+)").captures(line).unwrap()[1]
                .parse()
                .unwrap_or(0);
            let skipped: u32 = re!(r"Skipped: (\d+)").captures(line).unwrap()[1]
                .parse()
                .unwrap_or(0);
            let in_class = line.rsplit(" - in ").next().unwrap_or("");
            if i + 1 < c.len()
                && (c.lines[i + 1].starts_with("[INFO] Results")
                    || c.lines[i + 1].trim() == "[INFO]")
            {
                c.keep(i, Verdict); // the run's total
            } else {
                c.fold_in(
                    i,
                    Cat::Tests(tests.saturating_sub(skipped), skipped),
                    in_class,
                );
            }
        } else if re!(r"^\[INFO\] Running \S+$").is_match(line) {
            c.fold(i, Cat::Quiet);
        } else if re!(r"^(\[INFO\] )?(Download(ing|ed) from |Progress \(\d+\))").is_match(line) {
            c.fold(i, Cat::Progress);
        } else if line.starts_with("[ERROR]") {
            c.keep(i, Critical);
            in_trace = true;
        } else if line.starts_with("[WARNING]") {
            fold_repeat(c, i, &mut seen, Notable);
        } else if re!(r"^\[INFO\] (BUILD (SUCCESS|FAILURE)|Tests run:|Total time:)").is_match(line)
        {
            c.keep(i, Verdict);
        } else if re!(
            r"^[\w.$]+(Exception|Error|Failure)\b|^(org\.opentest4j|java\.lang|junit)\.\S+: "
        )
        .is_match(line)
        {
            c.keep(i, Critical);
            in_trace = true;
        }
    }
}

fn gradle(c: &mut Classifier) {
    let n = c.len();
    let mut i = 0;
    while i < n {
        if c.claimed(i) {
            i += 1;
            continue;
        }
        let line = c.lines[i];
        if let Some(m) = re!(r"^(\S.*) > (\S.*) (PASSED|SKIPPED|FAILED)$").captures(line) {
            let class = m.get(1).unwrap().as_str();
            match m.get(3).unwrap().as_str() {
                "PASSED" => c.fold_in(i, Cat::Tests(1, 0), class),
                "SKIPPED" => c.fold_in(i, Cat::Tests(0, 1), class),
                _ => {
                    // the failure's exception and frames are indented beneath it
                    let mut j = i + 1;
                    while j < n && (c.lines[j].starts_with("    ") || c.lines[j].trim().is_empty()) {
                        if framework_frame(c.lines[j]) {
                            c.fold(j, Cat::Frames);
                        }
                        j += 1;
                    }
                    c.keep_block(i, j, Critical);
                    i = j;
                    continue;
                }
            }
        } else if re!(r"^> Task :\S+( (UP-TO-DATE|NO-SOURCE|FROM-CACHE|SKIPPED))?$").is_match(line) {
            c.fold(i, Cat::Progress);
        } else if re!(r"^(BUILD (SUCCESSFUL|FAILED) in |\d+ tests? completed|FAILURE: |\* What went wrong:|Execution failed for task)").is_match(line) {
            c.keep(i, Verdict);
            if line.starts_with("* What went wrong:") {
                let mut j = i + 1;
                while j < n && !c.lines[j].starts_with("* Try:") {
                    c.keep(j, Critical);
                    j += 1;
                }
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::testout::testutil::assert_kept;

    #[test]
    fn maven_surefire() {
        let mut t = String::from("[INFO] Scanning for projects...\n");
        for i in 0..10 {
            t.push_str(&format!("[INFO] Downloading from central: https://repo/x{i}.pom\n[INFO] Downloaded from central: https://repo/x{i}.pom (2 kB at 10 kB/s)\n"));
        }
        for i in 0..10 {
            t.push_str(&format!("[INFO] Running com.ex.OkTest{i}\n[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.01 s - in com.ex.OkTest{i}\n"));
        }
        t.push_str("[INFO] Running com.ex.BadTest\n[ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.02 s <<< FAILURE! - in com.ex.BadTest\n");
        t.push_str("[ERROR] com.ex.BadTest.adds  Time elapsed: 0.01 s  <<< FAILURE!\norg.opentest4j.AssertionFailedError: expected: <3> but was: <2>\n\tat org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:55)\n\tat com.ex.BadTest.adds(BadTest.java:12)\n\tat java.base/java.lang.reflect.Method.invoke(Method.java:568)\n\n");
        t.push_str("[INFO] \n[INFO] Results:\n[ERROR] Failures: \n[ERROR]   BadTest.adds:12 expected: <3> but was: <2>\n[ERROR] Tests run: 32, Failures: 1, Errors: 0, Skipped: 0\n[INFO] BUILD FAILURE\n");
        let out = assert_kept(
            &t,
            &[
                "<<< FAILURE! - in com.ex.BadTest",
                "expected: <3> but was: <2>",
                "at com.ex.BadTest.adds(BadTest.java:12)",
                "[ERROR] Tests run: 32, Failures: 1",
                "[INFO] BUILD FAILURE",
            ],
        );
        assert!(out.contains("30 passed in 10 files"), "{out}");
        assert!(!out.contains("Method.invoke"), "{out}");
    }

    #[test]
    fn gradle_tests() {
        let mut t = String::from("> Task :compileJava\n> Task :processResources NO-SOURCE\n> Task :classes\n> Task :compileTestJava\n> Task :test\n\n");
        for i in 0..20 {
            t.push_str(&format!("CalcTest > addsCase{i}() PASSED\n"));
        }
        t.push_str("CalcTest > subtracts() FAILED\n    org.opentest4j.AssertionFailedError at CalcTest.java:21\n\n21 tests completed, 1 failed\n\nFAILURE: Build failed with an exception.\n\n* What went wrong:\nExecution failed for task ':test'.\n\n* Try:\n> Run with --scan.\n\nBUILD FAILED in 2s\n");
        let out = assert_kept(
            &t,
            &[
                "CalcTest > subtracts() FAILED",
                "AssertionFailedError at CalcTest.java:21",
                "21 tests completed, 1 failed",
                "Execution failed for task ':test'.",
                "BUILD FAILED in 2s",
            ],
        );
        assert!(out.contains("20 passed"), "{out}");
    }
}
