//! pytest (default, `-v`, `-q`, `-rA`, xdist) and unittest (plain and `-v`).

use super::repeat::{Format, Shown};
use super::{re, Cat, Classifier, Role};
use crate::plan::Priority::{Critical, Notable, Verdict};

pub(crate) fn classify(c: &mut Classifier) {
    if c.text.contains("test session starts")
        || c.text.contains("::")
        || re!(r"(?m)^=+ .* =+$").is_match(c.text)
    {
        pytest(c);
    }
    if c.text.contains("Ran ") || c.text.contains(" ... ") {
        unittest(c);
    }
}

/// The kind of `=== title ===` section a line opens.
#[derive(Clone, Copy, PartialEq)]
enum Section {
    Progress,
    Failures,
    Passes,
    Warnings,
    ShortSummary,
    Other,
}

fn pytest(c: &mut Classifier) {
    let header = re!(r"^=+ (.+?) =+$");
    let summary = re!(concat!(
        r"^(=+ )?(\d+ (passed|failed|errors?|skipped|deselected|xfailed|xpassed|warnings?|rerun)",
        r"(, )?)+.* in [\d.]+s\b.*$|^=+ no tests ran.*=+$|^no tests ran in "
    ));
    let block_title = re!(r"^_{2,} (.+) _{2,}$");
    let mut section = Section::Progress;
    let mut block_start: Option<usize> = None;
    let mut file: Option<&str> = None;
    let mut shown = Shown::default();
    let is_summary = |line: &str| matches!(line.as_bytes().first(), Some(b'=' | b'0'..=b'9' | b'n')) && summary.is_match(line);
    // inside a run that a failing test started itself (pytester's), printed in its captured
    // output: all of it, up to its own summary, is the failure's, whose block holds it. The
    // output's last summary is the outer run's (a run a test started and killed printed none)
    let mut nested = false;
    let n = c.len();
    let last_summary = (0..n).rev().find(|&i| is_summary(c.lines[i]));
    for i in 0..n {
        let line = c.lines[i];
        let starts = line.as_bytes().first().copied().unwrap_or(b' ');
        if nested && Some(i) != last_summary {
            nested = !is_summary(line);
            continue;
        }
        nested = false;
        if section == Section::Failures && block_start.is_some() && starts == b'=' {
            nested = header.captures(line).is_some_and(|m| m[1].starts_with("test session starts"));
            if nested {
                continue;
            }
        }
        if is_summary(line) {
            close_block(c, &mut block_start, i, section, &mut shown);
            c.keep(i, Verdict);
            section = Section::Other;
            continue;
        }
        if let Some(m) = if starts == b'=' {
            header.captures(line)
        } else {
            None
        } {
            close_block(c, &mut block_start, i, section, &mut shown);
            let title = m.get(1).unwrap().as_str();
            section = match title {
                "FAILURES" | "ERRORS" => Section::Failures,
                "PASSES" => Section::Passes,
                "warnings summary" => Section::Warnings,
                "short test summary info" => Section::ShortSummary,
                t if t.starts_with("test session starts") => Section::Progress,
                _ => Section::Other,
            };
            let p = if section == Section::Failures {
                Critical
            } else {
                Notable
            };
            c.keep(i, p);
            continue;
        }
        match section {
            Section::Failures => {
                if starts == b'_' && block_title.is_match(line) {
                    close_block(c, &mut block_start, i, section, &mut shown);
                    block_start = Some(i);
                } else if block_start.is_none() {
                    c.keep(i, Critical);
                }
            }
            Section::Passes => c.fold(i, Cat::PassOutput),
            Section::Warnings => {
                if re!(r"^\S+::\S+$").is_match(line)
                    && i > 0
                    && re!(r"^\S+::\S+$").is_match(c.lines[i - 1])
                {
                    c.fold(i, Cat::Similar);
                } else if !line.trim().is_empty() {
                    c.keep(i, Notable);
                }
            }
            Section::ShortSummary => {
                if line.starts_with("FAILED ") || line.starts_with("ERROR ") {
                    c.keep(i, Critical);
                } else if let Some(rest) = line.strip_prefix("PASSED ") {
                    let f = rest.split("::").next().unwrap_or(rest);
                    c.fold_in(i, Cat::Tests(1, 0), f);
                }
            }
            Section::Progress | Section::Other => progress_line(c, i, &mut file),
        }
    }
    close_block(c, &mut block_start, n, section, &mut shown);
}

/// How pytest prints a failure: `____ title ____`, frames located by `path.py:12: in f`, the
/// error on `E   ` lines; with `--tb=native`, a traceback as Python prints one (`  File "…",
/// line N, in f` frames, then `ValueError: …`).
const PYTEST_FAILURE: Format = Format {
    title_lines: 1,
    name: |l| {
        re!(r"^_{2,} (.+?) _{2,}$")
            .captures(l)
            .map(|m| m.get(1).unwrap().as_str())
    },
    location: |l| re!(r"^\S+:\d+:( |$)").is_match(l) || l.starts_with("  File \""),
    error: |l| l.starts_with("E ") || re!(r"^[\w.]+(Error|Exception|Warning)\b").is_match(l),
};

/// How unittest prints one: a `=====` rule, `ERROR: name`, a `-----` rule, then a traceback
/// whose frames are `  File "…", line N` and whose error lines start in column 0.
const UNITTEST_FAILURE: Format = Format {
    title_lines: 3,
    name: |l| {
        re!(r"^(?:ERROR|FAIL|UNEXPECTED SUCCESS): (\S+)")
            .captures(l)
            .map(|m| m.get(1).unwrap().as_str())
    },
    location: |l| l.starts_with("  File \""),
    error: |l| !l.trim().is_empty() && !l.starts_with([' ', '\t']) && !l.starts_with("Traceback ("),
};

/// A `FAILURES` block stays whole, or keeps what identifies it when it repeats a failure above;
/// a `PASSES` one was folded line by line already.
fn close_block(
    c: &mut Classifier,
    start: &mut Option<usize>,
    end: usize,
    section: Section,
    shown: &mut Shown,
) {
    if let Some(s) = start.take() {
        if section == Section::Failures {
            shown.block(c, s, end, &PYTEST_FAILURE);
        }
    }
}

/// One line of a run's progress: `-v` result lines and rows of dots.
fn progress_line<'a>(c: &mut Classifier<'a>, i: usize, file: &mut Option<&'a str>) {
    let line = c.lines[i];
    let verbose = re!(
        r"^(\S+?)::\S.*? (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS|SUBPASSED|SUBFAILED|SUBSKIPPED|SUBPASS|SUBFAIL|SUBSKIP)\b.*?(\[\s*\d+%\])?\s*$"
    );
    if !line.contains("::") && !line.contains(['.', 's']) {
        return;
    }
    // a test that runs subtests is announced alone before its result line
    if let Some(m) = if has_no_space(line) {
        re!(r"^((\S+?)::\S+)\s*$").captures(line)
    } else {
        None
    } {
        if let Some(next) = c.lines.get(i + 1) {
            if next.starts_with(m.get(1).unwrap().as_str()) {
                if re!(r" (PASSED|SKIPPED|SUBPASSED|SUBPASS)\b").is_match(next) {
                    c.fold_in(i, Cat::Quiet, m.get(2).unwrap().as_str());
                } else {
                    c.keep(i, Notable);
                }
            }
        }
        return;
    }
    let xdist = re!(r"^\[gw\d+\] \[\s*\d+%\] (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS) (\S+?)::");
    let dots = re!(r"^(\S+\.py )?([.sxXFE]+)\s*(\[\s*\d+%\])?\s*$");
    let has_ids = line.contains("::");
    let (status, f) = if let Some(m) = if has_ids {
        verbose.captures(line)
    } else {
        None
    } {
        (m.get(2).unwrap().as_str(), m.get(1).unwrap().as_str())
    } else if let Some(m) = if line.starts_with("[gw") {
        xdist.captures(line)
    } else {
        None
    } {
        (m.get(1).unwrap().as_str(), m.get(2).unwrap().as_str())
    } else if let Some(m) = if line.len() < 400 && !has_ids {
        dots.captures(line)
    } else {
        None
    } {
        if let Some(f) = m.get(1) {
            *file = Some(f.as_str().trim_end());
        } else if m.get(3).is_none() {
            return; // a bare row of dots without a percentage: not sure it is pytest's
        }
        let d = m.get(2).unwrap().as_str();
        if d.contains(['F', 'E', 'X', 'x']) {
            c.keep(i, Notable);
        } else {
            let passed = d.bytes().filter(|&b| b == b'.').count() as u32;
            let skipped = d.bytes().filter(|&b| b == b's').count() as u32;
            match *file {
                Some(f) => c.fold_in(i, Cat::Tests(passed, skipped), f),
                None => c.fold(i, Cat::Tests(passed, skipped)),
            }
        }
        return;
    } else {
        return;
    };
    match status {
        "PASSED" | "SUBPASSED" | "SUBPASS" => c.fold_in(i, Cat::Tests(1, 0), f),
        "SKIPPED" | "SUBSKIPPED" | "SUBSKIP" => c.fold_in(i, Cat::Tests(0, 1), f),
        "FAILED" | "ERROR" | "SUBFAILED" | "SUBFAIL" => c.keep(i, Critical),
        _ => c.keep(i, Notable),
    }
}

fn unittest(c: &mut Classifier) {
    let result =
        re!(r"^(.*) \.\.\. (ok|skipped\b.*|expected failure|FAIL|ERROR|unexpected success)$");
    let name_only = re!(r"^\w+ \(([\w.]+)\)$");
    let rule = re!(r"^={50,}$");
    let thin = re!(r"^-{50,}$");
    let ran = re!(r"^Ran \d+ tests? in ");
    let has_ran = c.lines.iter().any(|l| ran.is_match(l));
    if !has_ran && !c.lines.iter().any(|l| result.is_match(l)) {
        return;
    }
    let n = c.len();
    let mut shown = Shown::default();
    let mut i = 0;
    while i < n {
        let line = c.lines[i];
        if line.starts_with("====")
            && rule.is_match(line)
            && i + 1 < n
            && re!(r"^(ERROR|FAIL|UNEXPECTED SUCCESS): ").is_match(c.lines[i + 1])
        {
            // the block ends at the next ===== rule or at the ----- rule before "Ran N tests"
            let mut j = i + 1;
            while j < n
                && !rule.is_match(c.lines[j])
                && !(thin.is_match(c.lines[j]) && j + 1 < n && ran.is_match(c.lines[j + 1]))
            {
                j += 1;
            }
            shown.block(c, i, j, &UNITTEST_FAILURE);
            i = j;
            continue;
        }
        if line.starts_with("Ran ") && ran.is_match(line) {
            c.keep(i, Verdict);
            if i > 0 && thin.is_match(c.lines[i - 1]) {
                c.keep(i - 1, Critical);
            }
            // the verdict: OK, OK (skipped=2), FAILED (failures=1)
            let mut j = i + 1;
            while j < n && c.lines[j].trim().is_empty() {
                j += 1;
            }
            if j < n && re!(r"^(OK|FAILED)\b").is_match(c.lines[j]) {
                c.keep(j, Verdict);
            }
        } else if let Some(m) = if line.contains(" ... ") && !is_libtest(line) {
            result.captures(line)
        } else {
            None
        } {
            let verdict = m.get(2).unwrap().as_str();
            // a test with a docstring prints its name on the line before
            let named_before = i > 0
                && !c.claimed(i - 1)
                && name_only.is_match(c.lines[i - 1])
                && !m.get(1).unwrap().as_str().contains(" (");
            let module = module_of(if named_before { c.lines[i - 1] } else { line });
            let role = match verdict {
                "ok" => Some(Role::Fold(Cat::Tests(1, 0))),
                v if v.starts_with("skipped") => Some(Role::Fold(Cat::Tests(0, 1))),
                "FAIL" | "ERROR" | "unexpected success" => Some(Role::Keep(Critical)),
                _ => None,
            };
            if let Some(role) = role {
                for k in if named_before { i - 1..=i } else { i..=i } {
                    // the name line of a two-line entry is not a second test
                    let role = match role {
                        Role::Fold(_) if k + 1 == i => Role::Fold(Cat::Quiet),
                        r => r,
                    };
                    match (role, module) {
                        (Role::Fold(cat), Some(m)) => c.fold_in(k, cat, m),
                        _ => c.set(k, role),
                    }
                }
            }
        } else if has_ran && line.len() < 400 && re!(r"^[.sxEFu]+$").is_match(line) {
            if line.contains(['E', 'F', 'u']) {
                c.keep(i, Notable);
            } else {
                let passed = line.bytes().filter(|&b| b == b'.').count() as u32;
                let skipped = line.bytes().filter(|&b| b == b's').count() as u32;
                c.fold(i, Cat::Tests(passed, skipped));
            }
        }
        i += 1;
    }
}

/// cargo's `test path::to::name ... ok` shares unittest's shape; rust.rs reads it. A unittest
/// docstring line may start with the word too (`test simple repeats ... ok`), but it has spaces
/// where libtest has one path.
fn is_libtest(line: &str) -> bool {
    re!(r"^test \S+ (\.\.\.|-) ").is_match(line)
}

/// A node id alone on its line (trailing blanks aside).
fn has_no_space(line: &str) -> bool {
    line.contains("::") && !line.trim_end().contains(' ')
}

/// `test_x (pkg.test_mod.Class.test_x)` -> `pkg.test_mod`, for grouping by file.
fn module_of(line: &str) -> Option<&str> {
    let inner = line.split(" (").nth(1)?.split(')').next()?;
    let parts: Vec<&str> = inner.split('.').collect();
    let keep = parts.len().saturating_sub(2).max(1);
    let end: usize = parts[..keep].iter().map(|p| p.len()).sum::<usize>() + keep - 1;
    Some(&inner[..end])
}

#[cfg(test)]
mod tests {
    use crate::testout::testutil::{assert_kept, run};

    fn pytest_v() -> String {
        let mut t = String::from("============================= test session starts ==============================\nplatform linux -- Python 3.11.7, pytest-9.2.0\ncollecting ... collected 42 items\n\n");
        for i in 0..40 {
            t.push_str(&format!(
                "tests/test_a.py::test_ok_{i} PASSED                                 [ {i:>2}%]\n"
            ));
        }
        t.push_str("tests/test_b.py::test_bad FAILED                                   [ 98%]\n");
        t.push_str("tests/test_b.py::test_skip SKIPPED (no db)                         [100%]\n\n");
        t.push_str(
            "=================================== FAILURES ===================================\n",
        );
        t.push_str(
            "___________________________________ test_bad ___________________________________\n\n",
        );
        t.push_str("    def test_bad():\n>       assert add(1, 1) == 3\nE       assert 2 == 3\n\ntests/test_b.py:7: AssertionError\n");
        t.push_str("----------------------------- Captured stdout call -----------------------------\nadding 1 and 1\n");
        t.push_str(
            "=========================== short test summary info ============================\n",
        );
        t.push_str("FAILED tests/test_b.py::test_bad - assert 2 == 3\n");
        t.push_str(
            "=================== 1 failed, 40 passed, 1 skipped in 0.12s ====================\n",
        );
        t
    }

    #[test]
    fn pytest_verbose_keeps_failure_folds_passes() {
        let out = assert_kept(
            &pytest_v(),
            &[
                ">       assert add(1, 1) == 3",
                "E       assert 2 == 3",
                "tests/test_b.py:7: AssertionError",
                "adding 1 and 1",
                "FAILED tests/test_b.py::test_bad - assert 2 == 3",
                "=================== 1 failed, 40 passed, 1 skipped in 0.12s ====================",
            ],
        );
        // the failing test's verdict line folds with the passes: its report below names it
        assert!(
            out.contains(
                "[hr 40 passed, 1 skipped, 1 failed in 2 files · hr expand abcdef012345 --lines 5-46]"
            ),
            "{out}"
        );
        assert!(!out.contains("tests/test_b.py::test_bad FAILED"), "{out}");
        assert!(!out.contains("test_ok_7 PASSED"), "{out}");
    }

    #[test]
    fn a_run_a_failing_test_started_is_the_failures() {
        // pytester's run inside a failure's captured output: its progress line and summary are
        // what the failure printed, and the failure after it is one still
        let rule = |title: &str| format!("{:=^80}\n", format!(" {title} "));
        let mut t = rule("test session starts") + "collected 60 items\n\n";
        for f in 0..6 {
            t += &format!("testing/test_{f}.py {} [{:>3}%]\n", ".".repeat(10), f * 16);
        }
        t += "testing/test_mark.py FF [100%]\n\n";
        t += &rule("FAILURES");
        t += &format!("{:_^80}\n\n", " test_marked_class_run_twice ");
        t += "E       AssertionError: {'passed': 3} != {'passed': 6}\n\ntesting/test_mark.py:62: AssertionError\n";
        t += &format!("{:-^80}\n", " Captured stdout call ");
        t += &rule("test session starts");
        t += "collected 3 items\n\n";
        t += "test_marked_class_run_twice.py ...                                       [100%]\n\n";
        t += &rule("3 passed in 0.01s");
        t += &format!("{:_^80}\n\n", " test_keyword_option ");
        t += "E       assert 0 == 1\n\ntesting/test_mark.py:90: AssertionError\n";
        t += &rule("2 failed, 60 passed in 1.20s");
        let out = assert_kept(
            &t,
            &[
                "test_marked_class_run_twice.py ...                                       [100%]",
                "E       assert 0 == 1",
                "testing/test_mark.py:90: AssertionError",
                "2 failed, 60 passed in 1.20s",
            ],
        );
        assert!(out.contains("60 passed in 6 files"), "{out}");
        // a run the test started and killed printed no summary: the output's last is the
        // outer run's, its verdict, under the failures' summary
        let killed = t.replace(&rule("3 passed in 0.01s"), "").replace(&rule("2 failed, 60 passed in 1.20s"), "")
            + &rule("short test summary info")
            + "FAILED testing/test_mark.py::test_marked_class_run_twice - AssertionError\nFAILED testing/test_mark.py::test_keyword_option - assert 0 == 1\n"
            + &rule("2 failed, 60 passed in 1.20s");
        // (under a budget, where the verdict is what stays first)
        let out = crate::testout::testutil::run_within(&killed, Some(400));
        assert!(out.contains("2 failed, 60 passed in 1.20s"), "{out}");
    }

    #[test]
    fn pytest_dots_fold_with_counts_per_file() {
        let mut t = String::from("============================= test session starts ==============================\ncollected 300 items\n\n");
        for f in 0..10 {
            t.push_str(&format!(
                "tests/test_{f}.py {}s{} [ {:>2}%]\n",
                ".".repeat(20),
                ".".repeat(8),
                f * 10
            ));
        }
        t.push_str("tests/test_z.py ..F. [100%]\n\n=================================== FAILURES ===================================\n_____ test_z _____\nE   assert 1 == 2\n");
        t.push_str("========================= 1 failed, 283 passed, 10 skipped in 1.00s =========================\n");
        let out = assert_kept(
            &t,
            &[
                "tests/test_z.py ..F. [100%]",
                "E   assert 1 == 2",
                "1 failed, 283 passed, 10 skipped in 1.00s",
            ],
        );
        assert!(out.contains("280 passed, 10 skipped in 10 files"), "{out}");
    }

    #[test]
    fn unittest_verbose() {
        let mut t = String::new();
        for i in 0..30 {
            t.push_str(&format!("test_{i} (tests.test_mod.Case.test_{i}) ... ok\n"));
        }
        t.push_str(
            "test_doc (tests.test_mod.Case.test_doc)\nDoes a thing with a docstring ... ok\ntest_doc2 (tests.test_mod.Case.test_doc2)\ntest that starts like cargo's lines ... ok\n",
        );
        t.push_str("test_bad (tests.test_mod.Case.test_bad) ... FAIL\n\n");
        t.push_str("======================================================================\nFAIL: test_bad (tests.test_mod.Case.test_bad)\n----------------------------------------------------------------------\n");
        t.push_str("Traceback (most recent call last):\n  File \"/x/tests/test_mod.py\", line 12, in test_bad\n    self.assertEqual(1, 2)\nAssertionError: 1 != 2\n\n");
        t.push_str("----------------------------------------------------------------------\nRan 32 tests in 0.010s\n\nFAILED (failures=1)\n");
        let out = assert_kept(
            &t,
            &[
                "FAIL: test_bad (tests.test_mod.Case.test_bad)",
                "tests/test_mod.py\", line 12",
                "AssertionError: 1 != 2",
                "Ran 32 tests in 0.010s",
                "FAILED (failures=1)",
            ],
        );
        assert!(
            out.contains("[hr 32 passed, 1 failed · hr expand abcdef012345 --lines 1-35]"),
            "{out}"
        );
        assert!(
            !out.contains("Does a thing") && !out.contains("starts like cargo"),
            "{out}"
        );
    }

    #[test]
    fn all_pass_keeps_only_what_the_runner_said() {
        let mut t = String::new();
        for i in 0..30 {
            t.push_str(&format!("pkg/tests/test_x.py::test_{i} PASSED [ {i}%]\n"));
        }
        t.push_str(
            "============================== 30 passed in 0.05s ==============================\n",
        );
        let out = run(&t);
        assert!(out.ends_with("============================== 30 passed in 0.05s ==============================\n"), "{out}");
        assert!(!out.to_lowercase().contains("all passed"), "{out}");
    }
}
