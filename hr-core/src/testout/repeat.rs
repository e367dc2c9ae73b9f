//! A failure that repeats one shown above: many tests broken by one bug print the same
//! traceback again and again (every test of a class whose setup raises, every caller of a broken
//! helper). The first is kept whole; a later one with the same raising line and the same error
//! keeps what identifies it (its title, first and last frame locations, first and last error
//! lines), its error lines that differ from the first's, and every line whose shape the first
//! did not have. The rest folds as `lines like a failure above`.

use std::collections::{HashMap, HashSet};

use super::{Cat, Classifier};
use crate::mask::shape;
use crate::plan::Priority::Critical;

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
            if identifies || new {
                c.keep(k, Critical);
            } else {
                c.fold(k, Cat::SameFailure);
            }
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
    use crate::testout::testutil::{assert_kept, run};

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

    #[test]
    fn a_pytest_failure_like_one_above_keeps_what_identifies_it() {
        let out = assert_kept(
            &pytest_same_bug(),
            &[
                "TestOptionalsNargsOptional.test_successes_many_groups_sysargs ________",
                "self = <test_argparse.TestOptionalsNargsOptional testMethod=test_successes_many_groups_sysargs>",
                "test_argparse.py:265: \n",
                "test_argparse.py:245: in sysargs",
                "    return parser.parse_args()\n",
                "E               AttributeError: '_StoreAction' object has no attribute 'konst'",
                "argparse.py:2476: AttributeError",
                "E       AssertionError: Namespace(foo=False, bar=0.5, w=7, x='b')",
                "test_argparse.py:2001: AssertionError",
            ],
        );
        // the second traceback's shared frames fold, the first one's stay
        assert_eq!(
            out.matches("argparse.py:1869: in parse_args").count(),
            1,
            "{out}"
        );
        assert_eq!(
            out.matches("def _get_values(self, action, arg_strings):")
                .count(),
            1,
            "{out}"
        );
        assert_eq!(
            out.matches("E               AttributeError").count(),
            2,
            "{out}"
        );
        assert!(out.contains("like a failure above"), "{out}");
        // a different failure stays whole
        assert!(out.contains("    def test_parse_args(self):"), "{out}");
    }

    #[test]
    fn unittest_errors_like_one_above_fold() {
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
        let out = assert_kept(
            &t,
            &[
                "ERROR: test_failures_many_groups_sysargs (test_argparse.TestOptionalsNargsOptional.test_failures_many_groups_sysargs)",
                "test_argparse.py\", line 265",
                "argparse.py\", line 2476",
                "Ran 1706 tests",
                "FAILED (errors=2, skipped=48)",
            ],
        );
        assert_eq!(
            out.matches("AttributeError: '_StoreAction'").count(),
            2,
            "{out}"
        );
        assert_eq!(out.matches("line 1962, in take_action").count(), 1, "{out}");
    }

    #[test]
    fn error_lines_with_other_values_stay() {
        let mut t = String::new();
        for (name, a, b) in [("test_a", 1, 2), ("test_b", 3, 4)] {
            t.push_str("======================================================================\n");
            t.push_str(&format!("FAIL: {name} (tests.test_x.T.{name})\n"));
            t.push_str("----------------------------------------------------------------------\nTraceback (most recent call last):\n");
            t.push_str("  File \"/src/tests/test_x.py\", line 10, in check\n    self.assertEqual(f(x), y)\n");
            t.push_str("  File \"/src/lib.py\", line 5, in f\n    return g(x)\n");
            t.push_str(
                "  File \"/src/lib.py\", line 9, in g\n    return h(normalise(x, strict=True))\n",
            );
            t.push_str(
                "  File \"/src/lib.py\", line 14, in h\n    assert_equal(value, expected_value)\n",
            );
            t.push_str(&format!("AssertionError: {a} != {b}\n\n"));
        }
        t.push_str("----------------------------------------------------------------------\nRan 40 tests in 0.1s\n\nFAILED (failures=2)\n");
        let out = assert_kept(
            &t,
            &[
                "AssertionError: 1 != 2",
                "AssertionError: 3 != 4",
                "FAIL: test_b (tests.test_x.T.test_b)",
            ],
        );
        assert_eq!(out.matches("    return g(x)").count(), 1, "{out}");
    }

    #[test]
    fn different_errors_from_one_line_stay_whole() {
        let t =
            pytest_same_bug().replacen("has no attribute 'konst'", "has no attribute 'const2'", 1);
        let out = run(&t);
        assert_eq!(
            out.matches("argparse.py:1869: in parse_args").count(),
            2,
            "{out}"
        );
    }
}
