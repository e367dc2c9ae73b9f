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
        rule(
            |l| is_verdict(l) || re!(r"^[✔✘] Test run with \d+ tests? ").is_match(l),
            Act::Keep(Verdict),
        ),
        rule(|l| re!(r"^Test [Ss]uite '.+' (passed|failed) at ").is_match(l), Act::Region(suite_end)),
        rule(
            |l| l == "The following build commands failed:" || l == "Failing tests:" || l == "Testing failed:",
            Act::Region(failure_list),
        ),
        // XCTest: `Test Case '-[AppTests.FooTests testA]' passed (0.001 seconds).`; Xcode 15
        // and later: `Test case 'FooTests.testA()' passed on 'iPhone 15' (0.001 seconds)`
        rule(|l| re!(r"^Test [Cc]ase '.+' passed ").is_match(l), Act::Fold(Cat::Tests(1, 0))),
        rule(|l| re!(r"^Test [Cc]ase '.+' skipped ").is_match(l), Act::Fold(Cat::Tests(0, 1))),
        // swift-testing: `✔ Test parses() passed after 0.001 seconds.`; a suite is no test
        rule(|l| re!(r"^✔ Test .+ passed after ").is_match(l), Act::Fold(Cat::Tests(1, 0))),
        rule(|l| re!(r"^➜ Test .+ skipped").is_match(l), Act::Fold(Cat::Tests(0, 1))),
        rule(
            |l| {
                re!(r"^Test [Cc]ase '.+' started\.?$|^Test [Ss]uite '.+' started at |^◇ (Test|Suite) .+ started\.$|^✔ Suite .+ passed after |^➜ Suite .+ skipped")
                    .is_match(l)
            },
            Act::Fold(Cat::Quiet),
        ),
        rule(|l| re!(r"^Test [Cc]ase '.+' failed |^✘ ").is_match(l), Act::Keep(Critical)),
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

/// A step folds with the commands it ran under it (`cd`, `export`, `write-file`, `builtin-…`, a
/// tool's path); anything else indented there is what a script printed, and is read as usual.
fn step(c: &mut Classifier, i: usize, _: &mut Memory) -> usize {
    c.fold(i, Cat::Progress);
    let mut j = i + 1;
    while j < c.len() && !c.claimed(j) && c.lines[j].starts_with([' ', '\t']) && !c.lines[j].trim().is_empty() {
        if re!(r#"^(cd |export |write-file |builtin-|/|"/)"#).is_match(c.lines[j].trim_start()) {
            c.fold(j, Cat::Progress);
        }
        j += 1;
    }
    j
}

/// XCTest's `Test Suite 'X' passed at …` and the count under it (`Executed 8 tests, with 0
/// failures …`): a suite that passed folds with its tests; a failed suite and the whole run's
/// suite (`All tests`, `Selected tests`) stay with their counts.
fn suite_end(c: &mut Classifier, i: usize, _: &mut Memory) -> usize {
    let line = c.lines[i];
    let count = c.lines.get(i + 1).is_some_and(|l| re!(r"^\s*Executed \d+ tests?, with \d+ failures? ").is_match(l));
    let end = i + 1 + usize::from(count);
    if line.contains(" failed at ") {
        c.keep_block(i, end, Critical);
    } else if re!(r"^Test Suite '(All|Selected) tests' ").is_match(line) {
        c.keep_block(i, end, Verdict);
    } else {
        for k in i..end {
            c.fold(k, Cat::Quiet);
        }
    }
    end
}

/// A list of what failed (`The following build commands failed:`, `Failing tests:`): the
/// header, the indented entries, and `(2 failures)`.
fn failure_list(c: &mut Classifier, i: usize, _: &mut Memory) -> usize {
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
    fn what_a_script_prints_under_its_step_stays() {
        // the step and its commands fold; the script's own lines are read as usual (an error
        // would stay in any case: the signal guard puts it back)
        let text = format!(
            "{}PhaseScriptExecution [CP]\\ Check\\ Pods /build/Script-1.sh (in target 'App' from project 'App')\n    cd /src/App\n    export ACTION\\=build\n    /bin/sh -c /build/Script-1.sh\n    diff: /src/Podfile.lock: No such file or directory\n    The sandbox is not in sync with the Podfile.lock. Run 'pod install' or update your CocoaPods installation.\n\n** BUILD FAILED **\n",
            steps(20)
        );
        let out = assert_kept(
            &text,
            &[
                "    diff: /src/Podfile.lock: No such file or directory\n    The sandbox is not in sync with the Podfile.lock.",
                "** BUILD FAILED **",
            ],
        );
        assert!(!out.contains("export ACTION"), "{out}");
    }

    /// The tests the markers of `out` count as passed (`[hr 29 passed …]`).
    fn passed_in_markers(out: &str) -> u32 {
        let count = |l: &str| l.strip_prefix("[hr ")?.strip_suffix(']')?.split(" passed").next()?.parse::<u32>().ok();
        out.lines().filter_map(count).sum()
    }

    /// XCTest's output for suites of `tests` tests each; `failing` names the one that fails.
    fn xctest(suites: usize, tests: usize, failing: (usize, usize)) -> String {
        let mut text = String::from("Test Suite 'All tests' started at 2026-10-02 10:00:00.000.\n");
        for s in 0..suites {
            text += &format!("Test Suite 'Suite{s}Tests' started at 2026-10-02 10:00:00.001.\n");
            for t in 0..tests {
                let name = format!("-[AppTests.Suite{s}Tests test{t}]");
                text += &format!("Test Case '{name}' started.\n");
                if (s, t) == failing {
                    text += &format!("/src/AppTests/Suite{s}Tests.swift:40: error: {name} : XCTAssertEqual failed: (\"1\") is not equal to (\"2\")\n");
                    text += &format!("Test Case '{name}' failed (0.002 seconds).\n");
                } else {
                    text += &format!("Test Case '{name}' passed (0.001 seconds).\n");
                }
            }
            let (verdict, failures) = if s == failing.0 { ("failed", "1 failure") } else { ("passed", "0 failures") };
            text += &format!("Test Suite 'Suite{s}Tests' {verdict} at 2026-10-02 10:00:01.000.\n\t Executed {tests} tests, with {failures} (0 unexpected) in 0.012 (0.013) seconds\n");
        }
        let all = suites * tests;
        text += &format!("Test Suite 'All tests' failed at 2026-10-02 10:00:01.001.\n\t Executed {all} tests, with 1 failure (0 unexpected) in 0.912 (0.916) seconds\n** TEST FAILED **\n");
        text
    }

    #[test]
    fn xctest_passes_and_passed_suites_fold_failures_and_counts_stay() {
        let text = xctest(6, 8, (3, 5));
        let out = assert_kept(
            &text,
            &[
                "XCTAssertEqual failed: (\"1\") is not equal to (\"2\")",
                "Test Case '-[AppTests.Suite3Tests test5]' failed (0.002 seconds).",
                "Test Suite 'Suite3Tests' failed at 2026-10-02 10:00:01.000.\n\t Executed 8 tests, with 1 failure",
                "Test Suite 'All tests' failed at 2026-10-02 10:00:01.001.\n\t Executed 48 tests, with 1 failure",
                "** TEST FAILED **",
            ],
        );
        assert!(!out.contains("with 0 failures"), "{out}");
        assert!(!out.contains("test4]' passed"), "{out}");
        assert_eq!(passed_in_markers(&out), 47, "{out}");
    }

    #[test]
    fn the_list_of_failing_tests_stays_whole() {
        let names: String = (0..12).map(|t| format!("\t\tModelTests.testParsesRecord{t}()\n")).collect();
        let list = format!("Failing tests:\n\tAppTests:\n{names}");
        let text = format!("{}\n{list}\n** TEST FAILED **\n", xctest(4, 6, (1, 2)));
        assert_kept(&text, &[&list, "** TEST FAILED **"]);
    }

    #[test]
    fn under_a_budget_an_xctest_failure_and_verdict_outlast_the_passing_suites() {
        let text = xctest(150, 8, (75, 2));
        let out = super::super::testutil::run_within(&text, Some(8000));
        for kept in ["XCTAssertEqual failed", "Test Case '-[AppTests.Suite75Tests test2]' failed", "Executed 1200 tests, with 1 failure", "** TEST FAILED **"] {
            assert!(out.contains(kept), "lost {kept:?} in:\n{out}");
        }
    }

    #[test]
    fn swift_testing_passes_fold_its_failures_and_count_stay() {
        let mut text = String::from("◇ Test run started.\n");
        for suite in 0..3 {
            text += &format!("◇ Suite Parser{suite}Tests started.\n");
            for i in 0..10 {
                text += &format!("◇ Test parses{suite}x{i}() started.\n");
                if (suite, i) == (1, 4) {
                    text += "✘ Test parses1x4() recorded an issue at ParserTests.swift:31:9: Expectation failed: (tokens.count → 2) == 3\n✘ Test parses1x4() failed after 0.004 seconds with 1 issue.\n";
                } else {
                    text += &format!("✔ Test parses{suite}x{i}() passed after 0.001 seconds.\n");
                }
            }
            if suite == 1 {
                text += "✘ Suite Parser1Tests failed after 0.040 seconds with 1 issue.\n";
            } else {
                text += &format!("✔ Suite Parser{suite}Tests passed after 0.040 seconds.\n");
            }
        }
        text += "✘ Test run with 30 tests in 3 suites failed after 0.120 seconds with 1 issue.\n";
        let out = assert_kept(
            &text,
            &[
                "Expectation failed: (tokens.count → 2) == 3",
                "✘ Test parses1x4() failed after 0.004 seconds with 1 issue.",
                "✘ Test run with 30 tests in 3 suites failed",
            ],
        );
        assert!(!out.contains("parses1x3() passed"), "{out}");
        // the markers count the 29 tests that passed, not the suites
        assert_eq!(passed_in_markers(&out), 29, "{out}");
    }
}
