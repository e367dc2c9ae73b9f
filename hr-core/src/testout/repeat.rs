//! A failure that repeats one shown above: many tests broken by one bug print the same
//! traceback again and again (every test of a class whose setup raises, every caller of a broken
//! helper, every case of a parametrized test). The first failure of each kind stays whole. A later
//! one keeps what identifies it (its title, first and last frame locations, its first frame in a
//! test file, its first and last
//! error lines and every error line with other values), and every line whose shape (numbers and
//! the test's own name masked) the first did not print; the rest folds into a marker that points
//! at the failure above (`[hr 14 lines as in test_x L80-93]`, with the failure's own lines
//! when its name is cut: `as in TestCase.test_a_very_lon… (20-51)`). Once a marker has named
//! it, later ones point at its lines alone (`[hr 14 lines as in L80-93 · L120-133]`).

use std::collections::HashSet;

use super::{re, Cat, Classifier, Reference};
use crate::mask::shape;
use crate::plan::Priority::Critical;

/// How one runner prints a failure block.
pub(crate) struct Format {
    /// lines at the top of the block that name the test (`____ test_x ____`)
    pub title_lines: usize,
    /// the test's name, from the title line that holds it (`None`: not a title line)
    pub name: fn(&str) -> Option<&str>,
    /// a frame location (`tests/test_a.py:12: in test_x`, `  File "a.py", line 3, in f`)
    pub location: fn(&str) -> bool,
    /// a line of the error itself (`E   assert 1 == 2`, `ValueError: boom`)
    pub error: fn(&str) -> bool,
}

/// A failure block kept whole, which later ones may point at.
struct Original {
    /// index into the classifier's references (`test_x`)
    reference: u32,
    shapes: HashSet<String>,
    said: HashSet<String>,
}

/// Whether a frame's location is in a test file (`tests/test_h.py`, `x_test.go`, `a.spec.ts`):
/// the failing test's own frame, under a runner's own frames.
fn in_test_file(line: &str) -> bool {
    re!(r"(^|[/\\\s\x22'(])(test_\w*|\w+_test|\w+[._](spec|test))\.\w+\b|[/\\]tests?[/\\]").is_match(line)
}

/// The failure blocks shown whole so far.
#[derive(Default)]
pub(crate) struct Shown {
    originals: Vec<Original>,
}

/// A repeat must share at least this many lines with the failure it points at.
const MIN_SHARED: usize = 4;
/// How many failures a new one is compared with (the latest ones): a run with thousands of
/// distinct failures stays linear.
const MAX_ORIGINALS: usize = 64;

impl Shown {
    /// Classify the failure block `start..end`: kept whole, unless most of it repeats a failure
    /// shown above, in which case what it shares with that one folds.
    pub fn block(&mut self, c: &mut Classifier, start: usize, end: usize, f: &Format) {
        let body = start + f.title_lines.min(end - start)..end;
        let name = (start..body.start)
            .find_map(|k| (f.name)(c.lines[k]))
            .unwrap_or("");
        let words = name_words(name);
        let shapes: Vec<String> = c.lines[start..end]
            .iter()
            .map(|l| masked(l, &words))
            .collect();
        let content: Vec<usize> = body
            .clone()
            .filter(|&k| !c.lines[k].trim().is_empty())
            .collect();
        // the failure above that this one repeats most of
        let best = self
            .originals
            .iter()
            .map(|o| {
                let shared = content
                    .iter()
                    .filter(|&&k| o.shapes.contains(&shapes[k - start]))
                    .count();
                (shared, o)
            })
            .filter(|(shared, _)| *shared >= MIN_SHARED && 2 * shared >= content.len())
            .max_by_key(|(shared, o)| (*shared, std::cmp::Reverse(o.reference)));
        let Some((_, original)) = best else {
            self.remember(c, name, start, end, shapes);
            c.keep_block(start, end, Critical);
            return;
        };
        let locations: Vec<usize> = body.clone().filter(|&k| (f.location)(c.lines[k])).collect();
        // the failing test's own frame: the first in a test file (under the runner's frames)
        let own = locations.iter().copied().find(|&k| in_test_file(c.lines[k]));
        let errors: Vec<usize> = body.clone().filter(|&k| (f.error)(c.lines[k])).collect();
        let mut news = 0;
        let reference = original.reference;
        // per line: kept (Some(true)), folded (Some(false)) or blank (None)
        let mut keep: Vec<Option<bool>> = Vec::with_capacity(end - start);
        for k in start..end {
            let line = c.lines[k].trim_end();
            let identifies = k < body.start
                || locations.first() == Some(&k)
                || own == Some(k)
                || locations.last() == Some(&k)
                || errors.first() == Some(&k)
                || errors.last() == Some(&k);
            // an error line with other values (`assert 3 == 4` where the first had `1 == 2`)
            // or a line of a shape the first failure did not print is news
            let new = !line.trim().is_empty()
                && (!original.shapes.contains(&shapes[k - start])
                    || errors.contains(&k) && !original.said.contains(line));
            // frames the failure above did not print, not the values of its error lines
            news += usize::from(new && k >= body.start && !errors.contains(&k));
            keep.push(if line.trim().is_empty() && !identifies {
                None
            } else {
                Some(identifies || new)
            });
        }
        // a frame's place stays with its line of code that stays: a line of code without the
        // file and line it stands in reads as the frame above's (see `places_code_below`)
        for k in 0..keep.len().saturating_sub(1) {
            if keep[k] == Some(false) && keep[k + 1] == Some(true) && crate::logline::places_code_below(c.lines[start + k]) {
                keep[k] = Some(true);
            }
        }
        // a blank line between folded lines joins their fold; elsewhere it stays with the kept
        // lines around it, which stay (or, under a budget, go) together as one block
        let folded = |x: Option<&Option<bool>>| matches!(x, Some(Some(false)));
        let mut k = 0;
        while k < keep.len() {
            if folded(keep.get(k)) {
                c.fold(start + k, Cat::SameAs(reference));
                k += 1;
                continue;
            }
            let mut j = k;
            while j < keep.len() && !folded(keep.get(j)) {
                j += 1;
            }
            let (mut a, mut b) = (k, j);
            // blank lines at the edges of a kept run that touch a fold belong to the fold
            while a < b && keep[a].is_none() && a > 0 {
                a += 1;
            }
            while b > a && keep[b - 1].is_none() && b < keep.len() {
                b -= 1;
            }
            if a < b {
                c.keep_block(start + a, start + b, Critical);
            }
            k = j;
        }
        if news >= MIN_SHARED / 2 {
            // it printed frames the failure above did not: later failures may repeat it more
            self.remember(c, name, start, end, shapes);
        }
    }

    fn remember(
        &mut self,
        c: &mut Classifier,
        name: &str,
        start: usize,
        end: usize,
        shapes: Vec<String>,
    ) {
        // a whole name says which failure; a cut one or none needs the failure's lines too
        let short = short_name(name);
        let range = crate::marker::line_range(start + 1, end);
        let first = if name.is_empty() || short != name {
            let what = if name.is_empty() {
                "the failure"
            } else {
                &short
            };
            format!("{what} ({range})")
        } else {
            short
        };
        let reference = c.reference(Reference {
            first,
            lines: (start + 1, end),
        });
        if self.originals.len() == MAX_ORIGINALS {
            self.originals.remove(0);
        }
        self.originals.push(Original {
            reference,
            shapes: shapes.into_iter().collect(),
            said: c.lines[start..end]
                .iter()
                .map(|l| l.trim_end().to_string())
                .collect(),
        });
    }
}

/// The words of a test's name long enough to mask where the name recurs in its own failure
/// (`self = <Case testMethod=test_x>`, a backtrace frame `crate::tests::test_x`).
fn name_words(name: &str) -> Vec<&str> {
    let mut words: Vec<&str> = name
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
        .filter(|w| w.len() >= 4)
        .collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
}

/// A line's shape with the test's own name masked and runs of blanks as one (an excerpt's
/// gutter widens with its line numbers: `   66 |   },` and `  178 |   },` are one shape).
fn masked(line: &str, words: &[&str]) -> String {
    let mut l = line.trim_end().to_string();
    for w in words {
        if l.contains(w) {
            l = l.replace(w, "_");
        }
    }
    let mut out = String::with_capacity(l.len());
    for part in shape(&l).split_whitespace() {
        out.push(' ');
        // a caret line's length follows the expression it points at
        let mut last = ' ';
        for ch in part.chars() {
            if !(ch == last && (ch == '^' || ch == '~')) {
                out.push(ch);
            }
            last = ch;
        }
    }
    out
}

/// A failure's name as a marker cites it: long parametrized names are cut.
fn short_name(name: &str) -> String {
    const MAX: usize = 40;
    match name.char_indices().nth(MAX) {
        Some((k, _)) => format!("{}…", &name[..k]),
        None => name.to_string(),
    }
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
        let mut cut = Vec::new();
        for line in out.lines().filter(|l| l.starts_with("[hr ")) {
            let (a, b) = crate::marker::span_of(line).unwrap();
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
    fn a_repeated_failure_folds_what_it_shares_and_points_at_the_first() {
        let t = pytest_same_bug();
        let out = run(&t);
        let first = block(&t, "test_successes_many_groups_listargs ____", "____");
        let second = block(&t, "test_successes_many_groups_sysargs ____", "____");
        // the shared frames are said once, by the first failure
        assert_eq!(out.matches(SHARED_FRAME).count(), 1, "{out}");
        let cut = cut_lines(&out);
        assert!(
            !cut.is_empty() && cut.iter().all(|n| second.contains(n)),
            "{cut:?}\n{out}"
        );
        // a long name is cut in the marker; the range says which failure it is
        assert!(
            out.contains(&format!(
                "as in TestOptionalsNargsOptional.test_successe… ({}-{})",
                first.start(),
                first.end()
            )),
            "{out}"
        );
        // every failure keeps its name, its message, its locations and the summary
        for needle in [
            "TestOptionalsNargsOptional.test_successes_many_groups_sysargs ________",
            "test_argparse.py:265: ",
            "argparse.py:2476: AttributeError",
            "E       AssertionError: Namespace(foo=False, bar=0.5, w=7, x='b')",
            "============ 3 failed, 1651 passed, 48 skipped, 1 warning in 2.02s =============",
        ] {
            assert!(out.contains(needle), "lost {needle:?} in:\n{out}");
        }
        assert_eq!(
            out.matches("E               AttributeError").count(),
            2,
            "{out}"
        );
        assert_eq!(
            out.matches("argparse.py:2476: AttributeError").count(),
            2,
            "{out}"
        );
    }

    #[test]
    fn a_frame_whose_code_stays_keeps_its_place() {
        // the second failure passes other arguments through a library frame: its code is news,
        // and the frame's place, said by the first failure too, stays with it
        let t = unittest_same_bug(&["test_failures_many_groups_listargs", "test_failures_many_groups_sysargs"]);
        let at = t.rfind("self._get_values(action, argument_strings)").unwrap();
        let t = format!("{}self._get_values(action, strings){}", &t[..at], &t[at + "self._get_values(action, argument_strings)".len()..]);
        let out = run(&t);
        let place = "  File \"/tmp/pyt/argparse.py\", line 1962, in take_action\n";
        assert!(out.contains(&format!("{place}    argument_values = self._get_values(action, strings)\n")), "{out}");
    }

    /// unittest's report of the same bug in each of `names`.
    fn unittest_same_bug(names: &[&str]) -> String {
        let mut t = String::new();
        for name in names {
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
        t.push_str(&format!("----------------------------------------------------------------------\nRan 1706 tests in 0.622s\n\nFAILED (errors={}, skipped=48)\n", names.len()));
        t
    }

    #[test]
    fn unittest_errors_like_one_above_fold_to_their_identity() {
        let t = unittest_same_bug(&[
            "test_failures_many_groups_listargs",
            "test_failures_many_groups_sysargs",
        ]);
        let out = run(&t);
        assert_eq!(out.matches("line 1962, in take_action").count(), 1, "{out}");
        assert!(
            out.contains("[hr 5 lines as in test_failures_many_groups_listargs · hr expand abcdef012345 --lines 21-25]"),
            "{out}"
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
        assert_eq!(out.matches("line 265, in wrapper").count(), 2, "{out}");
        assert_eq!(out.matches("line 2476, in _get_values").count(), 2, "{out}");
    }

    #[test]
    fn a_failure_cited_again_is_cited_by_its_lines() {
        // the name is read once, with the lines; later markers give the lines alone
        let t = unittest_same_bug(&[
            "test_failures_many_groups_listargs",
            "test_failures_many_groups_sysargs",
            "test_failures_many_groups_dictargs",
        ]);
        let out = run(&t);
        assert_eq!(out.matches("as in test_failures_many_groups_listargs").count(), 1, "{out}");
        let cited: Vec<&str> = out.lines().filter(|l| l.contains(" as in ")).collect();
        assert_eq!(cited.len(), 2, "{out}");
        // lines 1-15 are the first failure, from its rule to the blank line after it
        let lines: Vec<&str> = t.lines().collect();
        assert!(lines[1].starts_with("ERROR: test_failures_many_groups_listargs"));
        assert!(lines[15].starts_with("=====") && lines[16].contains("sysargs"));
        assert_eq!(cited[1], "[hr 5 lines as in L1-15 · L36-40]", "{out}");
    }

    #[test]
    fn a_marker_that_cites_a_failure_points_at_its_lines() {
        // so that a budget that cuts the failure cuts the markers citing it (`plan::render`)
        let t = unittest_same_bug(&[
            "test_failures_many_groups_listargs",
            "test_failures_many_groups_sysargs",
            "test_failures_many_groups_dictargs",
        ]);
        let lines: Vec<&str> = t.lines().collect();
        let mut c = crate::testout::Classifier::new(&t, lines);
        crate::testout::classify(&mut c);
        let plan = crate::testout::to_plan(&c);
        let pointers: Vec<_> = plan.pointers.iter().map(|p| (p.fold, p.at)).collect();
        assert_eq!(pointers, [((21, 25), (1, 15)), ((36, 40), (1, 15))]);
    }

    #[test]
    fn an_error_with_other_values_stays() {
        let t =
            pytest_same_bug().replacen("has no attribute 'konst'", "has no attribute 'const2'", 1);
        let out = run(&t);
        assert!(out.contains("has no attribute 'const2'"), "{out}");
        assert!(out.contains("has no attribute 'konst'"), "{out}");
    }

    #[test]
    fn under_a_budget_failures_keep_their_names_first() {
        let t = pytest_same_bug();
        let whole = run(&t);
        let out = run_within(&t, Some(whole.len() - 300));
        assert!(out.len() < whole.len());
        for needle in [
            "test_successes_many_groups_sysargs ________",
            "============ 3 failed, 1651 passed, 48 skipped, 1 warning in 2.02s =============",
        ] {
            assert!(out.contains(needle), "lost {needle:?} in:\n{out}");
        }
    }
}
