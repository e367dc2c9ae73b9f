//! A failure that repeats one shown above: many tests broken by one bug print the same
//! traceback again and again (every test of a class whose setup raises, every caller of a broken
//! helper). Every failure stays whole. Under a budget, though, a later one with the same raising
//! line and the same error gives up first what it shares with the first: what identifies it (its
//! title, first and last frame locations, first and last error lines), its error lines that
//! differ from the first's and every line whose shape the first did not have rank as failures;
//! the rest ranks below everything else, so it is the first thing a budget cuts.

use std::collections::{HashMap, HashSet};

use super::Classifier;
use crate::mask::shape;
use crate::plan::Priority::{Critical, Repeated};

/// How one runner prints a failure block.
pub(crate) struct Format {
    /// lines at the top of the block that name the test (`____ test_x ____`)
    pub title_lines: usize,
    /// a frame location (`tests/test_a.py:12: in test_x`, `  File "a.py", line 3, in f`)
    pub location: fn(&str) -> bool,
    /// a line of the error itself (`E   assert 1 == 2`, `ValueError: boom`)
    pub error: fn(&str) -> bool,
}

/// The failure blocks shown so far, by what they raised and where.
#[derive(Default)]
pub(crate) struct Shown {
    first: HashMap<String, (usize, usize)>,
}

impl Shown {
    /// Classify the failure block `start..end`: kept whole unless an earlier block raised the
    /// same error from the same line.
    pub fn block(&mut self, c: &mut Classifier, start: usize, end: usize, f: &Format) {
        let body = start + f.title_lines.min(end - start)..end;
        let Some(key) = key(&c.lines[body.clone()], f) else {
            c.keep_block(start, end, Critical);
            return;
        };
        let Some(&(s0, e0)) = self.first.get(&key) else {
            self.first.insert(key, (start, end));
            c.keep_block(start, end, Critical);
            return;
        };
        let original = &c.lines[s0..e0];
        let known: HashSet<String> = original.iter().map(|l| shape(l.trim_end())).collect();
        let said: HashSet<&str> = original.iter().map(|l| l.trim_end()).collect();
        let locations: Vec<usize> = body.clone().filter(|&k| (f.location)(c.lines[k])).collect();
        let errors: Vec<usize> = body.clone().filter(|&k| (f.error)(c.lines[k])).collect();
        for k in start..end {
            let line = c.lines[k].trim_end();
            let identifies = k < body.start
                || locations.first() == Some(&k)
                || locations.last() == Some(&k)
                || errors.first() == Some(&k)
                || errors.last() == Some(&k);
            // an error line with other values (`assert 3 == 4` where the first had `1 == 2`)
            // or a line of a shape the first failure did not print is news
            let new = !line.trim().is_empty()
                && (!known.contains(&shape(line)) || errors.contains(&k) && !said.contains(line));
            c.keep(
                k,
                if identifies || new {
                    Critical
                } else {
                    Repeated
                },
            );
        }
    }
}

/// What a failure raised and where: the last frame location and the error lines' shapes.
fn key(body: &[&str], f: &Format) -> Option<String> {
    let location = body.iter().rev().find(|l| (f.location)(l))?;
    let mut key = location.trim().to_string();
    let mut errors = body.iter().filter(|l| (f.error)(l)).peekable();
    errors.peek()?;
    for l in errors {
        key.push('\n');
        key.push_str(&shape(l.trim_end()));
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use crate::testout::testutil::{run, run_within};

    /// Two pytest failures raised by one bug (CPython 3.11 test_argparse with `action.const`
    /// misspelt in argparse.py), then one unrelated failure.
    fn pytest_same_bug() -> String {
        let mut t = String::from(
            "=================================== FAILURES ===================================\n",
        );
        for (name, via) in [
            ("listargs", "parser.parse_args(args)"),
            ("sysargs", "parser.parse_args()"),
        ] {
            t.push_str(&format!("________ TestOptionalsNargsOptional.test_successes_many_groups_{name} ________\n\n"));
            t.push_str(&format!("self = <test_argparse.TestOptionalsNargsOptional testMethod=test_successes_many_groups_{name}>\n"));
            t.push_str("test_func = <bound method AddTests.test_successes of <AddTests object at 0x7f248d673890>>\n\n");
            t.push_str("    def wrapper(self, test_func=test_func):\n>       test_func(self)\n\ntest_argparse.py:265: \n");
            t.push_str("_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ \n");
            t.push_str("test_argparse.py:291: in test_successes\n    result_ns = self._parse_args(parser, args)\n");
            t.push_str(&format!(
                "test_argparse.py:2{}: in {name}\n    return {via}\n",
                if name == "sysargs" { 45 } else { 38 }
            ));
            t.push_str("argparse.py:1869: in parse_args\n    args, argv = self.parse_known_args(args, namespace)\n");
            t.push_str("argparse.py:1962: in take_action\n    argument_values = self._get_values(action, argument_strings)\n");
            t.push_str("_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ \n\n");
            t.push_str("    def _get_values(self, action, arg_strings):\n        # for everything but PARSER, REMAINDER args, strip out first '--'\n");
            t.push_str("        if not arg_strings and action.nargs == OPTIONAL:\n            if action.option_strings:\n");
            t.push_str(
                ">               value = action.konst\n                        ^^^^^^^^^^^^\n",
            );
            t.push_str("E               AttributeError: '_StoreAction' object has no attribute 'konst'\n\nargparse.py:2476: AttributeError\n");
        }
        t.push_str("________ TestAddSubparsers.test_parse_args ________\n\nself = <test_argparse.TestAddSubparsers testMethod=test_parse_args>\n\n");
        t.push_str("    def test_parse_args(self):\n>       self.assertEqual(NS(foo=False, bar=0.5), self.parser.parse_args('0.5 1 b -w 7'.split()))\n");
        t.push_str("E       AssertionError: Namespace(foo=False, bar=0.5, w=7, x='b') != Namespace(foo=False, bar=0.5, w=7, x=None)\n\ntest_argparse.py:2001: AssertionError\n");
        t.push_str(
            "=========================== short test summary info ============================\n",
        );
        t.push_str("FAILED test_argparse.py::TestOptionalsNargsOptional::test_successes_many_groups_listargs\n");
        t.push_str("FAILED test_argparse.py::TestOptionalsNargsOptional::test_successes_many_groups_sysargs\n");
        t.push_str(
            "FAILED test_argparse.py::TestAddSubparsers::test_parse_args - AssertionError\n",
        );
        t.push_str(
            "============ 3 failed, 1651 passed, 48 skipped, 1 warning in 2.02s =============\n",
        );
        t
    }

    /// What the second, repeated failure of `pytest_same_bug` shares with the first.
    const SHARED_FRAME: &str = "argparse.py:1869: in parse_args";

    /// The original line numbers (1-based) that markers in `out` stand for.
    fn cut_lines(out: &str) -> Vec<usize> {
        let re = regex::Regex::new(r"· L(\d+)(?:-(\d+))?").unwrap();
        let mut cut = Vec::new();
        for line in out.lines().filter(|l| l.starts_with("[hr: ")) {
            let c = re.captures(line).unwrap();
            let a: usize = c[1].parse().unwrap();
            let b: usize = c.get(2).map_or(a, |m| m.as_str().parse().unwrap());
            cut.extend(a..=b);
        }
        cut
    }

    /// 1-based line numbers of the block that starts at the line containing `title` and ends
    /// before the next line starting with `next`.
    fn block(t: &str, title: &str, next: &str) -> std::ops::RangeInclusive<usize> {
        let lines: Vec<&str> = t.lines().collect();
        let start = lines.iter().position(|l| l.contains(title)).unwrap();
        let end = (start + 1..lines.len())
            .find(|&i| lines[i].starts_with(next))
            .unwrap();
        start + 1..=end
    }

    #[test]
    fn every_failure_stays_whole_without_a_budget() {
        let t = pytest_same_bug();
        let out = run(&t);
        assert_eq!(out.matches(SHARED_FRAME).count(), 2, "{out}");
        assert_eq!(
            out.matches("def _get_values(self, action, arg_strings):")
                .count(),
            2,
            "{out}"
        );
    }

    #[test]
    fn under_a_budget_a_repeated_failure_gives_up_what_it_shares_first() {
        let t = pytest_same_bug();
        let whole = run(&t);
        let out = run_within(&t, Some(whole.len() - 300));
        assert!(out.len() < whole.len());
        let second = block(&t, "test_successes_many_groups_sysargs ____", "____");
        let cut = cut_lines(&out);
        assert!(!cut.is_empty());
        assert!(
            cut.iter().all(|n| second.contains(n)),
            "only the repeat gives way: {cut:?} {second:?}\n{out}"
        );
        for needle in [
            "TestOptionalsNargsOptional.test_successes_many_groups_sysargs ________",
            "E       AssertionError: Namespace(foo=False, bar=0.5, w=7, x='b')",
            "    def test_parse_args(self):",
            "============ 3 failed, 1651 passed, 48 skipped, 1 warning in 2.02s =============",
        ] {
            assert!(out.contains(needle), "lost {needle:?} in:\n{out}");
        }
        assert_eq!(
            out.matches("E               AttributeError").count(),
            2,
            "{out}"
        );
    }

    #[test]
    fn unittest_errors_like_one_above_go_first_under_a_budget() {
        let mut t = String::new();
        for name in [
            "test_failures_many_groups_listargs",
            "test_failures_many_groups_sysargs",
        ] {
            t.push_str("======================================================================\n");
            t.push_str(&format!(
                "ERROR: {name} (test_argparse.TestOptionalsNargsOptional.{name})\n"
            ));
            t.push_str("----------------------------------------------------------------------\nTraceback (most recent call last):\n");
            t.push_str(
                "  File \"/tmp/pyt/test_argparse.py\", line 265, in wrapper\n    test_func(self)\n",
            );
            t.push_str("  File \"/tmp/pyt/test_argparse.py\", line 291, in test_successes\n    result_ns = self._parse_args(parser, args)\n");
            t.push_str("  File \"/tmp/pyt/argparse.py\", line 1962, in take_action\n    argument_values = self._get_values(action, argument_strings)\n");
            t.push_str("  File \"/tmp/pyt/argparse.py\", line 2476, in _get_values\n    value = action.konst\n            ^^^^^^^^^^^^\n");
            t.push_str("AttributeError: '_StoreAction' object has no attribute 'konst'\n\n");
        }
        t.push_str("----------------------------------------------------------------------\nRan 1706 tests in 0.622s\n\nFAILED (errors=2, skipped=48)\n");
        let whole = run(&t);
        assert_eq!(whole.matches("line 1962, in take_action").count(), 2);
        let out = run_within(&t, Some(whole.len() - 100));
        let second = block(
            &t,
            "ERROR: test_failures_many_groups_sysargs",
            "-----------------------------------",
        );
        let second = *second.start()..=second.end() + 14;
        let cut = cut_lines(&out);
        assert!(
            !cut.is_empty() && cut.iter().all(|n| second.contains(n)),
            "{cut:?}\n{out}"
        );
        for needle in [
            "ERROR: test_failures_many_groups_sysargs",
            "Ran 1706 tests",
            "FAILED (errors=2, skipped=48)",
        ] {
            assert!(out.contains(needle), "lost {needle:?} in:\n{out}");
        }
        assert_eq!(
            out.matches("AttributeError: '_StoreAction'").count(),
            2,
            "{out}"
        );
    }

    #[test]
    fn different_errors_from_one_line_are_no_repeat() {
        let t =
            pytest_same_bug().replacen("has no attribute 'konst'", "has no attribute 'const2'", 1);
        let whole = run(&t);
        let out = run_within(&t, Some(whole.len() - 300));
        // nothing ranks below a failure here, so the budget cuts from the end, not the middle
        let second = block(&t, "test_successes_many_groups_sysargs ____", "____");
        assert!(
            !cut_lines(&out).is_empty() && cut_lines(&out).iter().all(|n| !second.contains(n)),
            "{out}"
        );
    }
}
