//! Maven (Surefire) and Gradle.

use super::rules::{rule, Act, Memory, Runner};
use super::{re, Cat, Classifier};
use crate::plan::Priority::{Critical, Notable, Verdict};

/// Frames of the JDK, JUnit and the build tool inside a Java stack trace.
fn framework_frame(line: &str) -> bool {
    re!(r"^\s+at (java\.base/|jdk\.internal\.|java\.lang\.reflect\.|sun\.reflect\.|org\.junit\.|junit\.framework\.|org\.apache\.maven\.|org\.gradle\.|worker\.org\.gradle\.|com\.sun\.proxy\.|org\.testng\.internal\.)")
        .is_match(line)
}

pub(crate) const MAVEN: Runner = Runner {
    present: |t| t.contains("[INFO]") || t.contains("[ERROR]"),
    trim: false,
    rules: &[
        rule(framework_frame, Act::Fold(Cat::Frames)),
        rule(
            |l| {
                re!(r"^\[INFO\] Tests run: \d+, Failures: 0, Errors: 0, Skipped: \d+").is_match(l)
                    && !l.contains("<<<")
            },
            Act::Region(tests_run),
        ),
        rule(
            |l| re!(r"^\[INFO\] Running \S+$").is_match(l),
            Act::Fold(Cat::Quiet),
        ),
        rule(
            |l| re!(r"^(\[INFO\] )?(Download(ing|ed) from |Progress \(\d+\))").is_match(l),
            Act::Fold(Cat::Progress),
        ),
        rule(
            |l| {
                l.starts_with("[ERROR]")
                    || re!(r"^[\w.$]+(Exception|Error|Failure)\b|^(org\.opentest4j|java\.lang|junit)\.\S+: ")
                        .is_match(l)
            },
            Act::Region(java_trace),
        ),
        rule(|l| l.starts_with("[WARNING]"), Act::Once(Notable)),
        // the Reactor Summary's module that failed (`[INFO] acme-legacy ...... FAILURE [  0.047 s]`)
        rule(|l| re!(r"^\[INFO\] \S.* \.+ FAILURE( \[|$)").is_match(l), Act::Keep(Critical)),
        rule(
            |l| re!(r"^\[INFO\] (BUILD (SUCCESS|FAILURE)|Tests run:|Total time:)").is_match(l),
            Act::Keep(Verdict),
        ),
    ],
};

/// A passing class's `Tests run:` line folds into the count; the run's total stays.
fn tests_run(c: &mut Classifier, i: usize, _: &mut Memory) -> usize {
    let line = c.lines[i];
    let number = |pattern: &regex::Regex| -> u32 {
        pattern
            .captures(line)
            .map_or(0, |m| m[1].parse().unwrap_or(0))
    };
    let tests = number(re!(r"Tests run: (\d+)"));
    let skipped = number(re!(r"Skipped: (\d+)"));
    let in_class = line.rsplit(" - in ").next().unwrap_or("");
    if c.lines
        .get(i + 1)
        .is_some_and(|next| next.starts_with("[INFO] Results") || next.trim() == "[INFO]")
    {
        c.keep(i, Verdict);
    } else {
        c.fold_in(
            i,
            Cat::Tests(tests.saturating_sub(skipped), skipped),
            in_class,
        );
    }
    i + 1
}

/// An `[ERROR]` line or an exception, with the stack trace under it: the framework's frames
/// fold, the rest stays.
fn java_trace(c: &mut Classifier, i: usize, _: &mut Memory) -> usize {
    c.keep(i, Critical);
    let mut j = i + 1;
    while j < c.len() && !c.claimed(j) {
        let l = c.lines[j];
        if framework_frame(l) {
            c.fold(j, Cat::Frames);
        } else if l.starts_with('\t')
            || l.starts_with("Caused by:")
            || re!(r"^\s+\.\.\. \d+ more").is_match(l)
        {
            c.keep(j, Critical);
        } else {
            break;
        }
        j += 1;
    }
    j
}

pub(crate) const GRADLE: Runner = Runner {
    present: |t| {
        t.contains("> Task :")
            || t.contains("BUILD SUCCESSFUL")
            || t.contains("BUILD FAILED")
            || t.contains(" FAILED\n")
    },
    trim: false,
    rules: &[
        rule(
            |l| re!(r"^(\S.*) > (\S.*) (PASSED|SKIPPED|FAILED)$").is_match(l),
            Act::Region(gradle_test),
        ),
        rule(
            |l| re!(r"^> Task :\S+( (UP-TO-DATE|NO-SOURCE|FROM-CACHE|SKIPPED))?$").is_match(l),
            Act::Fold(Cat::Progress),
        ),
        rule(
            |l| l.starts_with("* What went wrong:"),
            Act::Region(what_went_wrong),
        ),
        rule(
            |l| {
                re!(r"^(BUILD (SUCCESSFUL|FAILED) in |\d+ tests? completed|FAILURE: |Execution failed for task)").is_match(l)
            },
            Act::Keep(Verdict),
        ),
    ],
};

/// `Class > test() PASSED` folds; a `FAILED` one keeps the exception and frames beneath it.
fn gradle_test(c: &mut Classifier, i: usize, _: &mut Memory) -> usize {
    let m = re!(r"^(\S.*) > (\S.*) (PASSED|SKIPPED|FAILED)$")
        .captures(c.lines[i])
        .unwrap();
    let class = m.get(1).unwrap().as_str();
    match m.get(3).unwrap().as_str() {
        "PASSED" => c.fold_in(i, Cat::Tests(1, 0), class),
        "SKIPPED" => c.fold_in(i, Cat::Tests(0, 1), class),
        _ => {
            let mut j = i + 1;
            while j < c.len() && (c.lines[j].starts_with("    ") || c.lines[j].trim().is_empty()) {
                if framework_frame(c.lines[j]) {
                    c.fold(j, Cat::Frames);
                }
                j += 1;
            }
            c.keep_block(i, j, Critical);
            return j;
        }
    }
    i + 1
}

/// Gradle's `* What went wrong:` section, up to `* Try:`.
fn what_went_wrong(c: &mut Classifier, i: usize, _: &mut Memory) -> usize {
    c.keep(i, Verdict);
    let mut j = i + 1;
    while j < c.len() && !c.lines[j].starts_with("* Try:") {
        c.keep(j, Critical);
        j += 1;
    }
    j
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
        t.push_str("[ERROR] com.ex.BadTest.adds  Time elapsed: 0.01 s  <<< FAILURE!\norg.opentest4j.AssertionFailedError: expected: <3> but was: <2>\n\tat org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:55)\n\tat com.ex.BadTest.adds(BadTest.java:12)\n\tat java.base/java.lang.reflect.Method.invoke(Method.java:568)\n\tat org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:727)\n\tat org.junit.jupiter.engine.execution.MethodInvocation.proceed(MethodInvocation.java:60)\n\n");
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
    fn the_reactor_summarys_failed_module_stays() {
        let mut t = String::from("[INFO] Reactor Summary for acme 1.0:\n[INFO] \n");
        for (k, module) in ["acme-parent", "acme-api", "acme-core", "acme-legacy", "acme-web", "acme-app"].iter().enumerate() {
            let status = match k { 3 => "FAILURE", 4 | 5 => "SKIPPED", _ => "SUCCESS" };
            t += &format!("[INFO] {module} {} {status} [  {k}.487 s]\n", ".".repeat(40 - module.len()));
        }
        t += "[INFO] ------------------------------------------------------------------------\n[INFO] BUILD FAILURE\n";
        let failed = crate::testout::failure_lines(&t.lines().collect::<Vec<_>>());
        assert!(failed.contains(&5), "{failed:?}");
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
