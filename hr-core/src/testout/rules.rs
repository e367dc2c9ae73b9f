//! The one classifying loop: a runner is a table of line rules, tried in order on every line no
//! earlier runner claimed. A rule keeps its line, folds it, keeps only its first exact copy, or
//! hands a region (a failure with its trace, a diagnostic with its excerpt) to a function that
//! classifies it and says where it ends. Adding a runner means adding a table and its tests.

use std::collections::HashSet;

use super::{Cat, Classifier};
use crate::plan::Priority;

/// What a rule does with a line it matches.
#[derive(Clone, Copy)]
pub(crate) enum Act {
    Keep(Priority),
    Fold(Cat),
    /// keep the first of identical lines (trimmed), fold the later copies
    Once(Priority),
    /// classify the region that starts here; returns the index after it
    Region(fn(&mut Classifier, usize, &mut Memory) -> usize),
}

pub(crate) struct Rule {
    when: fn(&str) -> bool,
    act: Act,
}

/// A table entry: lines for which `when` holds get `act`.
pub(crate) const fn rule(when: fn(&str) -> bool, act: Act) -> Rule {
    Rule { when, act }
}

/// A runner family's table.
pub(crate) struct Runner {
    /// whether the input holds this runner's output at all (a cheap look at the whole text)
    pub present: fn(&str) -> bool,
    /// match rules against the line without its indentation
    pub trim: bool,
    pub rules: &'static [Rule],
}

/// What one runner's rules remember while reading an input.
#[derive(Default)]
pub(crate) struct Memory {
    /// lines (or keys) already kept, so later copies fold
    pub said: HashSet<String>,
    /// diagnostic messages and elaboration shapes shown so far
    pub heads: HashSet<String>,
    pub shapes: HashSet<String>,
}

impl Memory {
    /// Keep line `i` the first time its trimmed text is seen, fold it after that.
    pub fn once(&mut self, c: &mut Classifier, i: usize, p: Priority) {
        if self.said.insert(c.lines[i].trim().to_string()) {
            c.keep(i, p);
        } else {
            c.fold(i, Cat::Repeat);
        }
    }
}

/// Run `runner`'s rules over every line no earlier rule claimed.
pub(crate) fn run(c: &mut Classifier, runner: &Runner) {
    if !(runner.present)(c.text) {
        return;
    }
    let mut memory = Memory::default();
    let mut i = 0;
    while i < c.len() {
        if c.claimed(i) {
            i += 1;
            continue;
        }
        let line = if runner.trim {
            c.lines[i].trim_start()
        } else {
            c.lines[i]
        };
        let mut next = i + 1;
        if let Some(rule) = runner.rules.iter().find(|r| (r.when)(line)) {
            match rule.act {
                Act::Keep(p) => c.keep(i, p),
                Act::Fold(cat) => c.fold(i, cat),
                Act::Once(p) => memory.once(c, i, p),
                Act::Region(f) => next = f(c, i, &mut memory).max(i + 1),
            }
        }
        i = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Priority::{Critical, Notable};

    /// A runner is its table: this one keeps `FAIL` lines, folds `ok` lines, keeps one copy of
    /// a warning and hands `BEGIN` regions to a function.
    const TOY: Runner = Runner {
        present: |t| t.contains("toy"),
        trim: true,
        rules: &[
            rule(|l| l.starts_with("FAIL "), Act::Keep(Critical)),
            rule(|l| l.starts_with("ok "), Act::Fold(Cat::Tests(1, 0))),
            rule(|l| l.starts_with("warn: "), Act::Once(Notable)),
            rule(
                |l| l == "BEGIN",
                Act::Region(|c, i, _| {
                    let end = (i..c.len())
                        .find(|&k| c.lines[k] == "END")
                        .map_or(c.len(), |k| k + 1);
                    c.keep_block(i, end, Critical);
                    end
                }),
            ),
        ],
    };

    #[test]
    fn one_loop_runs_a_table() {
        let text = "toy run\nok a\n  FAIL b\nwarn: old\nwarn: old\nBEGIN\nok inside\nEND\nok c\n";
        let lines: Vec<&str> = text.lines().collect();
        let mut c = Classifier::new(text, lines);
        run(&mut c, &TOY);
        let roles: Vec<Option<super::super::Role>> = (0..c.len()).map(|i| c.roles[i]).collect();
        use super::super::Role::{Fold, Keep};
        assert_eq!(
            roles,
            vec![
                None,
                Some(Fold(Cat::Tests(1, 0))),
                Some(Keep(Critical)),
                Some(Keep(Notable)),
                Some(Fold(Cat::Repeat)),
                Some(Keep(Critical)),
                Some(Keep(Critical)), // inside the region: the region decides, not the `ok` rule
                Some(Keep(Critical)),
                Some(Fold(Cat::Tests(1, 0))),
            ]
        );
        // a runner whose output is absent claims nothing
        let mut other = Classifier::new("ok a\n", vec!["ok a"]);
        run(&mut other, &TOY);
        assert_eq!(other.roles[0], None);
    }
}
