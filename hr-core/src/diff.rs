//! Unified diffs (`git diff`, `diff -u`): every file header, hunk header and changed line stays;
//! context lines more than one line away from a change fold.

use crate::lines::split;
use crate::marker::Compressed;
use crate::plan::{plan_from, plural, render, Priority, Slot};
use crate::re::re;
use crate::Options;

/// Context lines kept on each side of a change.
const CONTEXT: usize = 1;
/// A run of folded context shorter than this stays: its marker would cost as much.
const MIN_FOLD: usize = 3;
/// A run of added (or removed) lines longer than LONG_RUN keeps its first HEAD and last TAIL
/// lines: a new file or a rewritten block reads from its start, the rest is one fetch away.
const LONG_RUN: usize = 40;
const HEAD: usize = 20;
const TAIL: usize = 5;

/// A unified diff: a file header near the top and a hunk header.
pub fn detect(lines: &[&str]) -> bool {
    let starts = lines.iter().take(50).enumerate().any(|(i, l)| {
        l.starts_with("diff --git ")
            || l.starts_with("--- a/")
            // `diff -u old new`: a `---` header right above a `+++` one
            || (l.starts_with("--- ") && lines.get(i + 1).is_some_and(|n| n.starts_with("+++ ")))
    });
    starts && lines.iter().any(|l| l.starts_with("@@ "))
}

pub fn compress(text: &str, opts: &Options) -> Compressed {
    let lines = split(text);
    let ls = &lines.lines;
    let slots = slots(ls);
    let plan = plan_from(ls, &slots, |s, e| describe(&ls[s..e]));
    render(&plan, &lines, opts)
}

/// What a run of folded diff lines held.
pub(crate) fn describe(folded: &[&str]) -> String {
    let added = folded.iter().filter(|l| l.starts_with('+')).count();
    let removed = folded.iter().filter(|l| l.starts_with('-')).count();
    let context = folded.len() - added - removed;
    let mut parts = vec![];
    if added > 0 {
        parts.push(format!("{} more added", crate::marker::count(added)));
    }
    if removed > 0 {
        parts.push(format!("{} more removed", crate::marker::count(removed)));
    }
    if context > 0 {
        parts.push(plural(context, "context line", "context lines"));
    }
    parts.join(", ")
}

/// Keep or fold each line of a diff (or of the patch part of `git log -p`).
pub(crate) fn slots(ls: &[&str]) -> Vec<Slot> {
    let mut slots = vec![Slot::Keep(Priority::Ordinary); ls.len()];
    let mut in_hunk = false;
    for (i, line) in ls.iter().enumerate() {
        if line.starts_with("@@") {
            in_hunk = true;
            slots[i] = Slot::Keep(Priority::Critical);
        } else if re!(r"^(diff |index |--- |\+\+\+ |new file mode|deleted file mode|similarity index|dissimilarity index|rename (from|to) |copy (from|to) |old mode|new mode|Binary files )").is_match(line)
            && !(in_hunk && (line.starts_with("--- ") || line.starts_with("+++ ")) && !next_is_header(ls, i))
        {
            in_hunk = false;
            slots[i] = Slot::Keep(Priority::Critical);
        } else if in_hunk && (line.starts_with('+') || line.starts_with('-')) {
            slots[i] = Slot::Keep(Priority::Notable);
        } else if in_hunk && (line.starts_with(' ') || line.is_empty()) {
            slots[i] = Slot::Fold;
        }
    }
    // context next to a change stays
    for i in 0..ls.len() {
        if matches!(slots[i], Slot::Keep(Priority::Notable)) {
            let end = (i + CONTEXT + 1).min(ls.len());
            for s in &mut slots[i.saturating_sub(CONTEXT)..end] {
                if *s == Slot::Fold {
                    *s = Slot::Keep(Priority::Ordinary);
                }
            }
        }
    }
    // a short folded run is not worth a marker
    let mut i = 0;
    while i < ls.len() {
        let mut j = i;
        while j < ls.len() && slots[j] == Slot::Fold {
            j += 1;
        }
        if j - i < MIN_FOLD {
            for s in &mut slots[i..j] {
                *s = Slot::Keep(Priority::Ordinary);
            }
        }
        i = j.max(i + 1);
    }
    long_runs(ls, &mut slots);
    slots
}

/// The middle of long runs of changed lines folds.
fn long_runs(ls: &[&str], slots: &mut [Slot]) {
    let mut i = 0;
    while i < ls.len() {
        let sign = ls[i].as_bytes().first().copied();
        let changed = matches!(slots[i], Slot::Keep(Priority::Notable));
        if !changed {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < ls.len()
            && matches!(slots[j], Slot::Keep(Priority::Notable))
            && ls[j].as_bytes().first().copied() == sign
        {
            j += 1;
        }
        if j - i > LONG_RUN {
            for s in &mut slots[i + HEAD..j - TAIL] {
                *s = Slot::Fold;
            }
        }
        i = j;
    }
}

/// Inside a hunk, `--- x` is a removed line unless a `+++` header follows it.
fn next_is_header(ls: &[&str], i: usize) -> bool {
    ls[i].starts_with("--- ") && ls.get(i + 1).is_some_and(|l| l.starts_with("+++ "))
        || ls[i].starts_with("+++ ") && i > 0 && ls[i - 1].starts_with("--- ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_headers_and_changes_folds_far_context() {
        let mut t = String::from("diff --git a/x.rs b/x.rs\nindex 111..222 100644\n--- a/x.rs\n+++ b/x.rs\n@@ -1,12 +1,12 @@\n");
        for i in 0..5 {
            t.push_str(&format!(" context line {i}\n"));
        }
        t.push_str("-old line\n+new line\n");
        for i in 5..10 {
            t.push_str(&format!(" context line {i}\n"));
        }
        let out = compress(
            &t,
            &Options {
                hash: "h".into(),
                budget_chars: None,
                ..Default::default()
            },
        )
        .text;
        for n in [
            "diff --git a/x.rs b/x.rs",
            "@@ -1,12 +1,12 @@",
            "-old line",
            "+new line",
            " context line 4",
            " context line 5",
        ] {
            assert!(out.contains(n), "{n}: {out}");
        }
        assert!(out.contains("4 context lines"), "{out}");
        assert!(!out.contains("context line 0"), "{out}");
    }
}
