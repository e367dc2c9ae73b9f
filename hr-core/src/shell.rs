//! Output of everyday shell commands: `git log`, `grep -rn`, `find`, `ls -laR`, `du`, `tree`,
//! `npm ls`.
//!
//! Each format keeps its structure and every handle an agent needs to act on (commit hashes,
//! distinct paths, every name of a listing, directory headers, symlinks, unusual sizes or file
//! types) and folds the bulk that repeats (message bodies and file stats, further matches in a
//! file, the columns and directory parts that listed names share).

mod gitlog;
pub(crate) mod grep;
mod listing;

use crate::lines::split;
use crate::marker::Compressed;
use crate::plan::render;
use crate::re::re;
use crate::Options;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    GitLog,
    /// `git log --oneline` (`--graph`, `git reflog`): a commit a line, each a handle to act on
    Commits,
    Grep,
    Find,
    Ls,
    Du,
    Tree,
}

/// Which shell format `head` (a prefix of the input) is, if any.
pub fn detect(head: &str) -> Option<Format> {
    let lines: Vec<&str> = head
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(400)
        .collect();
    if lines.len() < 3 {
        return None;
    }
    if re!(r"^commit [0-9a-f]{7,64}\b").is_match(lines[0])
        && lines.iter().take(6).any(|l| l.starts_with("Author: "))
    {
        return Some(Format::GitLog);
    }
    let share = |pred: &dyn Fn(&str) -> bool| {
        lines.iter().filter(|l| pred(l)).count() as f64 / lines.len() as f64
    };
    if gitlog::is_commit_list(&lines) {
        return Some(Format::Commits);
    }
    if share(&|l| grep::is_match_line(l)) >= 0.8 {
        return Some(Format::Grep);
    }
    // `ls -lR` of small directories prints a header and a total for every few entries
    let listed = |l: &str| listing::is_ls_line(l) || listing::is_ls_dir(l) || l.starts_with("total ");
    if share(&listed) >= 0.6
        && share(&|l| listing::is_ls_line(l)) >= 0.3
        && lines.iter().any(|l| l.starts_with("total "))
    {
        return Some(Format::Ls);
    }
    if share(&|l| listing::is_du_line(l)) >= 0.9 {
        return Some(Format::Du);
    }
    if share(&|l| listing::is_tree_line(l)) >= 0.6 {
        return Some(Format::Tree);
    }
    // a listing names each path once (`find`, `git ls-files`): lines that say a few "paths"
    // again and again are records (`HTTP/1.1 404 NOT FOUND`), not a listing
    let mostly_distinct = || 2 * lines.iter().collect::<crate::hash::FxHashSet<_>>().len() >= lines.len();
    if lines.len() >= 10 && share(&|l| listing::is_path(l)) >= 0.95 && mostly_distinct() {
        return Some(Format::Find);
    }
    None
}

pub fn compress(text: &str, opts: &Options) -> Compressed {
    let lines = split(text);
    let head = crate::lines::prefix_str(text, 64 * 1024);
    // a listing's restatements name every entry; under a budget they name what fits in half
    // of it (their markers, and the headers and totals that tie the names together, need room)
    let room = opts.budget_chars.map_or(usize::MAX, |b| b / 2);
    // restated names come without a CRLF line's `\r` (the restatement ends its lines like the
    // input's)
    let bare = || -> Vec<&str> {
        lines
            .lines
            .iter()
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .collect()
    };
    let plan = match detect(head) {
        Some(Format::GitLog) => gitlog::plan(&lines.lines),
        // every line names a commit: there is nothing to fold; a budget cuts the oldest (each
        // line is a piece of its own, or the budget would cut them all)
        Some(Format::Commits) => {
            let mut plan = crate::plan::Plan::default();
            for n in 1..=lines.lines.len() {
                plan.keep(n, crate::plan::Priority::Ordinary);
            }
            plan
        }
        Some(Format::Grep) => keep_cheap_folds(grep::plan(&lines.lines), &lines.lines),
        Some(Format::Find) => listing::plan_find(&bare(), room),
        Some(Format::Ls) => listing::plan_ls(&bare(), room),
        Some(Format::Du) => listing::plan_du(&bare(), room),
        Some(Format::Tree) => listing::plan_tree(&bare(), room),
        None => return crate::fold::compress(text, opts),
    };
    render(&plan, &lines, opts)
}

pub(crate) use crate::plan::{keep_cheap_folds, plan_from, plural, Slot};

/// What the format modules' tests compress with: the short hash `h`, and a budget if asked.
#[cfg(test)]
pub(crate) mod testutil {
    pub fn run(text: &str) -> String {
        run_within(text, None)
    }

    pub fn run_within(text: &str, budget_chars: Option<usize>) -> String {
        let opts = crate::Options {
            hash: "h".into(),
            budget_chars,
            ..Default::default()
        };
        super::compress(text, &opts).text
    }
}
