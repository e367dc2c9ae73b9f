//! xcodebuild: the build's steps and the commands they ran, XCTest's and swift-testing's
//! results, the failed commands and the verdict.
//!
//! Each step (`SwiftCompile normal arm64 /src/A.swift (in target 'App' from project 'App')`)
//! is followed by the indented `cd` and command lines it ran, a few kilobytes each: all of it
//! is progress. The compiler's diagnostics come after them at column 0, where the diagnostics
//! runner keeps them; so do the list of failed commands, every failed test and the verdict.

use super::rules::{rule, Act, Memory, Runner};
use super::{re, Cat, Classifier};
use crate::plan::Priority::{Critical, Verdict};

pub(crate) const XCODEBUILD: Runner = Runner {
    present: |t| {
        t.contains(" from project '") || t.contains("Test Case '") || t.contains("Test case '") || t.contains("Test run with ")
    },
    trim: false,
    rules: &[
        rule(is_step, Act::Region(step)),
        rule(|l| is_verdict(l) || is_count(l), Act::Keep(Verdict)),
        rule(|l| l == "The following build commands failed:", Act::Region(failed_commands)),
        // XCTest: `Test Case '-[AppTests.FooTests testA]' passed (0.001 seconds).`; Xcode 15
        // and later: `Test case 'FooTests.testA()' passed on 'iPhone 15' (0.001 seconds)`
        rule(|l| re!(r"^Test [Cc]ase '.+' passed ").is_match(l), Act::Fold(Cat::Tests(1, 0))),
        rule(|l| re!(r"^Test [Cc]ase '.+' skipped ").is_match(l), Act::Fold(Cat::Tests(0, 1))),
        rule(
            |l| re!(r"^Test [Cc]ase '.+' started\.?$|^Test [Ss]uite '.+' (started|passed) at ").is_match(l),
            Act::Fold(Cat::Quiet),
        ),
        // swift-testing: `✔ Test parses() passed after 0.001 seconds.`, `◇ Test parses() started.`
        rule(|l| re!(r"^✔ (Test|Suite) .+ passed after ").is_match(l), Act::Fold(Cat::Tests(1, 0))),
        rule(|l| re!(r"^➜ (Test|Suite) .+ skipped").is_match(l), Act::Fold(Cat::Tests(0, 1))),
        rule(|l| re!(r"^◇ (Test|Suite) .+ started\.$").is_match(l), Act::Fold(Cat::Quiet)),
        rule(
            |l| re!(r"^Test [Cc]ase '.+' failed |^Test [Ss]uite '.+' failed at |^✘ ").is_match(l),
            Act::Keep(Critical),
        ),
    ],
};

/// A build step: its name, what it works on, and the target it belongs to.
fn is_step(line: &str) -> bool {
    re!(r"^[A-Z][A-Za-z]+ \S.*\(in target '[^']*' from project '[^']*'\)$").is_match(line)
        || re!(r"^(ExecuteExternalTool|ClangStatCache|CreateBuildDirectory|MkDir|WriteAuxiliaryFile) /").is_match(line)
}

/// `** BUILD SUCCEEDED **`, `** TEST FAILED **`, `** ARCHIVE SUCCEEDED **`
fn is_verdict(line: &str) -> bool {
    re!(r"^\*\* [A-Z]+( [A-Z]+)? (SUCCEEDED|FAILED|INTERRUPTED) \*\*$").is_match(line)
}

/// XCTest's `Executed 24 tests, with 2 failures (0 unexpected) in 0.9 (0.9) seconds`,
/// swift-testing's `✘ Test run with 75 tests in 9 suites failed after 4.0 seconds with 1 issue.`
fn is_count(line: &str) -> bool {
    re!(r"^\s*Executed \d+ tests?, with \d+ failures? |^[✔✘] Test run with \d+ tests? ").is_match(line)
}

/// A step and the indented lines under it fold (a problem a script printed there is error-ish
/// and the signal guard puts it back).
fn step(c: &mut Classifier, i: usize, _: &mut Memory) -> usize {
    c.fold(i, Cat::Progress);
    let mut j = i + 1;
    while j < c.len() && !c.claimed(j) && c.lines[j].starts_with([' ', '\t']) && !c.lines[j].trim().is_empty() {
        c.fold(j, Cat::Progress);
        j += 1;
    }
    j
}

/// `The following build commands failed:`, the indented commands, and `(2 failures)`.
fn failed_commands(c: &mut Classifier, i: usize, _: &mut Memory) -> usize {
    c.keep(i, Critical);
    let mut j = i + 1;
    while j < c.len() && !c.claimed(j) && (c.lines[j].starts_with([' ', '\t']) || re!(r"^\(\d+ failures?\)$").is_match(c.lines[j])) {
        c.keep(j, Critical);
        j += 1;
    }
    j
}

#[cfg(test)]
mod tests {
    use super::super::testutil::assert_kept;

    const STEP: &str = "SwiftCompile normal arm64 /src/App/Model{i}.swift (in target 'App' from project 'App')\n    cd /src/App\n    /Applications/Xcode.app/Contents/Developer/Toolchains/XcodeDefault.xctoolchain/usr/bin/swift-frontend -c /src/App/Model{i}.swift -target arm64-apple-ios17.0-simulator -enable-testing -g -module-name App -Onone -o /build/Model{i}.o\n\n";

    fn steps(n: usize) -> String {
        (0..n).map(|i| STEP.replace("{i}", &i.to_string())).collect()
    }

    #[test]
    fn a_builds_steps_and_their_commands_fold_its_errors_and_verdict_stay() {
        let text = format!(
            "Command line invocation:\n    /usr/bin/xcodebuild -scheme App build\n\n{}/src/App/Model3.swift:12:5: error: cannot find 'price' in scope\n        price += 1\n        ^~~~~\n\nThe following build commands failed:\n\tSwiftCompile normal arm64 /src/App/Model3.swift (in target 'App' from project 'App')\n(1 failure)\n** BUILD FAILED **\n",
            steps(30)
        );
        let out = assert_kept(
            &text,
            &[
                "/src/App/Model3.swift:12:5: error: cannot find 'price' in scope",
                "The following build commands failed:\n\tSwiftCompile normal arm64 /src/App/Model3.swift (in target 'App' from project 'App')\n(1 failure)",
                "** BUILD FAILED **",
            ],
        );
        assert!(!out.contains("swift-frontend"), "{out}");
        assert!(out.contains("progress lines"), "{out}");
        assert!(out.len() * 10 < text.len(), "{out}");
    }

    #[test]
    fn a_problem_printed_under_a_step_stays() {
        // the step's lines fold; the signal guard puts the error back in place
        let text = format!(
            "{}PhaseScriptExecution Lint /build/Script-1.sh (in target 'App' from project 'App')\n    cd /src/App\n    /bin/sh -c /build/Script-1.sh\n    error: SwiftLint not installed\n\n** BUILD FAILED **\n",
            steps(20)
        );
        assert_kept(&text, &["    error: SwiftLint not installed", "** BUILD FAILED **"]);
    }

    #[test]
    fn xctest_passes_fold_failures_and_counts_stay() {
        let mut text = String::from("Test Suite 'All tests' started at 2026-10-02 10:00:00.000.\n");
        for i in 0..40 {
            text += &format!("Test Case '-[AppTests.ModelTests test{i}]' started.\n");
            if i == 17 {
                text += "/src/AppTests/ModelTests.swift:40: error: -[AppTests.ModelTests test17] : XCTAssertEqual failed: (\"1\") is not equal to (\"2\")\n";
                text += "Test Case '-[AppTests.ModelTests test17]' failed (0.002 seconds).\n";
            } else {
                text += &format!("Test Case '-[AppTests.ModelTests test{i}]' passed (0.001 seconds).\n");
            }
        }
        text += "Test Suite 'All tests' failed at 2026-10-02 10:00:01.001.\n\t Executed 40 tests, with 1 failure (0 unexpected) in 0.912 (0.916) seconds\n** TEST FAILED **\n";
        let out = assert_kept(
            &text,
            &[
                "XCTAssertEqual failed: (\"1\") is not equal to (\"2\")",
                "Test Case '-[AppTests.ModelTests test17]' failed (0.002 seconds).",
                "Executed 40 tests, with 1 failure",
                "** TEST FAILED **",
            ],
        );
        assert!(!out.contains("test16]' passed"), "{out}");
        assert!(out.contains("[hr 17 passed") && out.contains("[hr 22 passed"), "{out}");
    }

    #[test]
    fn swift_testing_passes_fold_its_failures_and_count_stay() {
        let mut text = String::from("◇ Test run started.\n");
        for i in 0..30 {
            text += &format!("◇ Test parses{i}() started.\n");
            if i == 9 {
                text += "✘ Test parses9() recorded an issue at ParserTests.swift:31:9: Expectation failed: (tokens.count → 2) == 3\n✘ Test parses9() failed after 0.004 seconds with 1 issue.\n";
            } else {
                text += &format!("✔ Test parses{i}() passed after 0.001 seconds.\n");
            }
        }
        text += "✘ Test run with 30 tests in 1 suite failed after 0.120 seconds with 1 issue.\n";
        let out = assert_kept(
            &text,
            &[
                "Expectation failed: (tokens.count → 2) == 3",
                "✘ Test parses9() failed after 0.004 seconds with 1 issue.",
                "✘ Test run with 30 tests in 1 suite failed",
            ],
        );
        assert!(!out.contains("parses8() passed"), "{out}");
    }
}
