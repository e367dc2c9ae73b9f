//! Unified diffs (`git diff`, `diff -u`): every file header, hunk header and changed line of a
//! source file stays; context lines fold (`[hr context L6-10]`), and so do the `index`, `---`
//! and `+++` lines that repeat the `diff --git` line's paths. Every marker stands where its lines
//! were: context above a hunk header and context below it fold apart, so that the header still
//! says where the lines after it are; a fold whose lines are not clearly more tokens than its
//! marker stays as its lines (`keep_cheap_folds`). Files that are written by tools rather
//! than read (lockfiles, snapshots, minified and generated files) keep their file headers and
//! fold their hunks whole: the marker counts the hunks, added and removed lines, and the hunk
//! headers follow it.

use crate::lines::split;
use crate::marker::Compressed;
use crate::plan::{keep_cheap_folds, plan_from, plural, render, Piece, Plan, Priority, Slot};
use crate::re::re;
use crate::Options;

/// Context lines kept on each side of a change: none, the hunk header says where it is.
const CONTEXT: usize = 0;
/// A changed line this long (with few spaces) is minified or generated content: its file folds
/// like a lockfile.
const MINIFIED_LINE: usize = 500;

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
    let plan = keep_cheap_folds(plan, ls);
    let plan = restate_hunk_headers(plan, ls);
    render(&plan, &lines, opts)
}

/// What a fold of a file's `index`, `---` and `+++` lines says (git calls them header lines; the
/// `diff --git` line above already names the paths they repeat).
const HEADERS: &str = "headers";
/// What a fold of context lines says: the range counts them.
const CONTEXT_ONLY: &str = "context";

/// A generated file's folded hunks, said again as their hunk headers (content: the agent reads
/// where they changed) under one marker with the counts. Under a budget they go before the changes
/// of files written by hand.
pub(crate) fn restate_hunk_headers(plan: Plan, ls: &[&str]) -> Plan {
    let pieces = plan
        .pieces
        .into_iter()
        .map(|p| match p {
            Piece::Fold { start, end, what }
                if ls[start - 1..end].iter().any(|l| l.starts_with("@@")) =>
            {
                let body = ls[start - 1..end]
                    .iter()
                    .filter(|l| l.starts_with("@@"))
                    .map(|l| l.to_string())
                    .collect();
                Piece::Restate {
                    start,
                    end,
                    what,
                    body,
                    priority: Priority::Summary,
                }
            }
            p => p,
        })
        .collect();
    Plan {
        pieces,
        pointers: plan.pointers,
        ..plan
    }
}

/// What a run of folded diff lines held: counts, and the hunk headers folded with them.
pub(crate) fn describe(folded: &[&str]) -> String {
    if folded.iter().all(|l| redundant_header(l)) {
        return HEADERS.to_string();
    }
    let hunks: Vec<&str> = folded
        .iter()
        .copied()
        .filter(|l| l.starts_with("@@"))
        .collect();
    let headers = folded.iter().filter(|l| redundant_header(l)).count();
    let added = folded
        .iter()
        .filter(|l| l.starts_with('+') && !redundant_header(l))
        .count();
    let removed = folded
        .iter()
        .filter(|l| l.starts_with('-') && !redundant_header(l))
        .count();
    let context = folded.len() - added - removed - hunks.len() - headers;
    let mut parts = vec![];
    if !hunks.is_empty() {
        // the hunk headers follow the marker (`restate_hunk_headers`)
        return format!(
            "generated file, {} +{} -{}, headers below",
            plural(hunks.len(), "hunk", "hunks"),
            crate::marker::count(added),
            crate::marker::count(removed),
        );
    }
    if added > 0 {
        parts.push(format!("{} more added", crate::marker::count(added)));
    }
    if removed > 0 {
        parts.push(format!("{} more removed", crate::marker::count(removed)));
    }
    if context > 0 && parts.is_empty() {
        // context alone: the range says how many lines
        return CONTEXT_ONLY.to_string();
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
            // a file's `diff` line is what a budget cuts last
            let p = if line.starts_with("diff ") {
                Priority::Heading
            } else {
                Priority::Critical
            };
            slots[i] = Slot::Keep(p);
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
    fold_generated(ls, &mut slots);
    fold_redundant_headers(ls, &mut slots);
    slots
}

/// `index 1d351df..228dbb4 100644`, `--- a/x`, `+++ b/x` right after `diff --git a/x b/x` say
/// nothing the `diff --git` line does not (a new or deleted file, a rename, a mode change say
/// it on lines of their own, which stay).
fn fold_redundant_headers(ls: &[&str], slots: &mut [Slot]) {
    for i in 0..ls.len() {
        let Some(paths) = ls[i].strip_prefix("diff --git ") else {
            continue;
        };
        // past the lines that say a file is new, deleted, renamed or changed mode (they stay)
        let mut k = i + 1;
        while k < ls.len() && re!(r"^(new file mode|deleted file mode|similarity index|rename (from|to) |old mode|new mode)").is_match(ls[k]) {
            k += 1;
        }
        if k + 2 >= ls.len() || !ls[k].starts_with("index ") {
            continue;
        }
        let (Some(old), Some(new)) = (
            ls[k + 1].strip_prefix("--- "),
            ls[k + 2].strip_prefix("+++ "),
        ) else {
            continue;
        };
        // a new or deleted file's `/dev/null` side is the other side's path
        let old = match (old, new.strip_prefix("b/")) {
            ("/dev/null", Some(path)) => format!("a/{path}"),
            _ => old.to_string(),
        };
        let new = match (new, old.strip_prefix("a/")) {
            ("/dev/null", Some(path)) => format!("b/{path}"),
            _ => new.to_string(),
        };
        if format!("{old} {new}") == paths {
            slots[k..=k + 2].fill(Slot::Fold);
        }
    }
}

fn redundant_header(l: &str) -> bool {
    l.starts_with("index ")
        || l.starts_with("--- a/")
        || l.starts_with("+++ b/")
        || l == "--- /dev/null"
        || l == "+++ /dev/null"
}

/// Files that tools write (lockfiles, snapshots, minified or generated code) fold from their first
/// hunk header to the next file: nobody reviews them line by line.
fn fold_generated(ls: &[&str], slots: &mut [Slot]) {
    let mut i = 0;
    while i < ls.len() {
        if !(ls[i].starts_with("diff ") || (ls[i].starts_with("--- ") && next_is_header(ls, i))) {
            i += 1;
            continue;
        }
        // one file: its header lines, then its hunks up to the next file
        let mut end = i + 1;
        while end < ls.len() && !ls[end].starts_with("diff ") && !is_next_file(ls, end) {
            end += 1;
        }
        let path = ls[i..end]
            .iter()
            .find_map(|l| {
                l.strip_prefix("+++ ")
                    .or_else(|| l.strip_prefix("diff --git "))
            })
            .unwrap_or("");
        let first_hunk = (i..end).find(|&k| ls[k].starts_with("@@"));
        let minified =
            (i..end).any(|k| matches!(slots[k], Slot::Keep(Priority::Notable)) && minified(ls[k]));
        if let Some(h) = first_hunk {
            if generated_path(path) || minified {
                for s in &mut slots[h..end] {
                    *s = Slot::Fold;
                }
            }
        }
        i = end;
    }
}

/// A long line with few spaces: minified code, not a long line of prose.
fn minified(line: &str) -> bool {
    line.len() > MINIFIED_LINE && line.bytes().filter(|&b| b == b' ').count() * 20 < line.len()
}

/// Inside a file, a `--- x` line followed by `+++ y` starts the next file of a plain `diff -u`.
fn is_next_file(ls: &[&str], i: usize) -> bool {
    ls[i].starts_with("--- ")
        && next_is_header(ls, i)
        && !ls.get(i.wrapping_sub(1)).is_some_and(|l| {
            l.starts_with("index ") || l.starts_with("diff ") || l.contains(" mode ")
        })
}

/// Lockfiles, snapshots, minified and generated files, by their path.
fn generated_path(path: &str) -> bool {
    re!(r"(?x)
        (^|/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|Cargo\.lock
             |poetry\.lock|Pipfile\.lock|uv\.lock|pdm\.lock|composer\.lock|Gemfile\.lock|go\.sum
             |flake\.lock|gradle\.lockfile|packages\.lock\.json|mix\.lock|Podfile\.lock|pubspec\.lock)(\s|$)
        | \.(snap|min\.js|min\.css|map|pb\.go|lock)(\s|$)
        | _pb2(_grpc)?\.py(\s|$) | \.generated\.\w+(\s|$) | (^|/)__snapshots__/
    ").is_match(path)
}

/// Inside a hunk, `--- x` is a removed line unless a `+++` header follows it.
fn next_is_header(ls: &[&str], i: usize) -> bool {
    ls[i].starts_with("--- ") && ls.get(i + 1).is_some_and(|l| l.starts_with("+++ "))
        || ls[i].starts_with("+++ ") && i > 0 && ls[i - 1].starts_with("--- ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(t: &str) -> String {
        compress(
            t,
            &Options {
                hash: "h".into(),
                budget_chars: None,
                ..Default::default()
            },
        )
        .text
    }

    #[test]
    fn context_folds_when_it_is_clearly_more_tokens_than_its_marker() {
        let mut t = String::from("diff --git a/src/x.rs b/src/x.rs\nindex 1111111..2222222 100644\n--- a/src/x.rs\n+++ b/src/x.rs\n@@ -1,9 +1,9 @@\n");
        // two long lines of context between changes fold, however few they are
        t.push_str("-old a\n+new a\n    let configuration = load_configuration_from(path, &environment_overrides)?;\n    let registry = PluginRegistry::discover(&configuration.plugin_directories)?;\n-old b\n+new b\n");
        // two short ones stay: a marker would cost about what they do
        t.push_str("     }\n }\n-old c\n+new c\n");
        let out = run(&t);
        assert!(
            out.contains("+new a\n[hr context · hr expand h --lines 8-9]\n-old b\n"),
            "{out}"
        );
        assert!(out.contains("+new b\n     }\n }\n-old c\n"), "{out}");
    }

    #[test]
    fn keeps_headers_and_changes_folds_context() {
        let mut t = String::from("diff --git a/src/parser/x.rs b/src/parser/x.rs\nindex 1111111..2222222 100644\n--- a/src/parser/x.rs\n+++ b/src/parser/x.rs\n@@ -1,12 +1,12 @@\n");
        // context lines long enough that five of them pay for a marker
        for i in 0..5 {
            t.push_str(&format!(" context line {i} of the parser\n"));
        }
        t.push_str("-old line\n+new line\n");
        for i in 5..10 {
            t.push_str(&format!(" context line {i} of the parser\n"));
        }
        t.push_str("@@ -30,12 +30,12 @@ fn second()\n");
        for i in 10..15 {
            t.push_str(&format!(" context line {i} of the parser\n"));
        }
        t.push_str("-old two\n+new two\n");
        for i in 15..20 {
            t.push_str(&format!(" context line {i} of the parser\n"));
        }
        let out = run(&t);
        for n in [
            "diff --git a/src/parser/x.rs b/src/parser/x.rs",
            "-old line",
            "+new line",
            "-old two",
            "+new two",
        ] {
            assert!(out.contains(n), "{n}: {out}");
        }
        // every marker stands where its lines were: the context above a hunk header and the
        // context below it fold apart, so the header still says where the next line is
        assert!(
            out.starts_with("diff --git a/src/parser/x.rs b/src/parser/x.rs\n[hr headers · hr expand h --lines 2-4]\n@@ -1,12 +1,12 @@\n[hr context L6-10]\n-old line\n"),
            "{out}"
        );
        assert!(
            out.contains(
                "+new line\n[hr context L13-17]\n@@ -30,12 +30,12 @@ fn second()\n[hr context L19-23]\n-old two\n"
            ),
            "{out}"
        );
        assert!(out.ends_with("+new two\n[hr context L26-30]\n"), "{out}");
        assert!(!out.contains(" context line"), "{out}");
    }

    #[test]
    fn context_with_an_error_line_keeps_its_own_fold_for_the_guard() {
        let mut t = String::from("diff --git a/log.txt b/log.txt\nindex 1..2 100644\n--- a/log.txt\n+++ b/log.txt\n@@ -1,12 +1,12 @@\n");
        for i in 0..5 {
            t.push_str(&format!(" plain line number {i} of the file\n"));
        }
        t.push_str("-old line\n+new line\n");
        t.push_str(" ERROR: disk full while writing the report\n");
        for i in 5..9 {
            t.push_str(&format!(" plain line number {i} of the file\n"));
        }
        t.push_str("@@ -30,12 +30,12 @@\n");
        for i in 10..15 {
            t.push_str(&format!(" plain line number {i} of the file\n"));
        }
        t.push_str("-old two\n+new two\n");
        let out = run(&t);
        assert!(
            out.contains(" ERROR: disk full while writing the report"),
            "{out}"
        );
        assert!(
            out.contains("]\n@@ -30,12 +30,12 @@\n[hr context L19-23]\n-old two"),
            "{out}"
        );
    }

    #[test]
    fn a_new_or_renamed_file_folds_the_headers_that_repeat_its_paths() {
        let mut t = String::from("diff --git a/src/parser/new_tokenizer.rs b/src/parser/new_tokenizer.rs\nnew file mode 100644\nindex 0000000000..5167539f3a\n--- /dev/null\n+++ b/src/parser/new_tokenizer.rs\n@@ -0,0 +1,2 @@\n+fn a() {}\n+fn b() {}\n");
        t.push_str("diff --git a/src/old.rs b/src/renamed.rs\nsimilarity index 96%\nrename from src/old.rs\nrename to src/renamed.rs\nindex 7ff88744ec..ebf5ed1e72 100644\n--- a/src/old.rs\n+++ b/src/renamed.rs\n@@ -1 +1 @@\n-fn c() {}\n+fn d() {}\n");
        // a header that does not repeat the paths stays
        t.push_str("diff --git a/x.rs b/x.rs\nindex 1..2 100644\n--- a/y.rs\n+++ b/x.rs\n@@ -1 +1 @@\n-fn e() {}\n+fn f() {}\n");
        let out = run(&t);
        for kept in [
            "new file mode 100644",
            "rename from src/old.rs",
            "rename to src/renamed.rs",
            "similarity index 96%",
            "--- a/y.rs",
            "+fn b() {}",
            "+fn d() {}",
        ] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
        assert!(
            out.contains("new file mode 100644\n[hr headers · hr expand h --lines 3-5]"),
            "{out}"
        );
        assert!(
            out.contains("rename to src/renamed.rs\n[hr headers L13-15]"),
            "{out}"
        );
        assert!(
            !out.contains("--- /dev/null") && !out.contains("+++ b/src/renamed.rs"),
            "{out}"
        );
    }

    #[test]
    fn lockfiles_fold_by_file_with_counts_and_hunk_headers() {
        let mut t = String::from("diff --git a/Cargo.lock b/Cargo.lock\nindex 1..2 100644\n--- a/Cargo.lock\n+++ b/Cargo.lock\n@@ -10,7 +10,7 @@\n");
        for i in 0..20 {
            t.push_str(&format!("-version = \"0.{i}.0\"\n+version = \"0.{i}.1\"\n"));
        }
        t.push_str("diff --git a/src/a.rs b/src/a.rs\nindex 3..4 100644\n--- a/src/a.rs\n+++ b/src/a.rs\n@@ -1,3 +1,3 @@\n");
        for i in 0..60 {
            t.push_str(&format!("+let added_{i} = {i};\n"));
        }
        let out = run(&t);
        // the marker counts, the hunk header follows it
        assert!(
            out.contains(
                "[hr generated file, 1 hunk +20 -20, headers below · hr expand h --lines 2-45]"
            ) && out.contains("]\n@@ -10,7 +10,7 @@\ndiff --git a/src/a.rs"),
            "{out}"
        );
        assert!(!out.contains("0.3.1"), "{out}");
        // every changed line of a source file stays, however long the run
        for i in 0..60 {
            assert!(out.contains(&format!("+let added_{i} = {i};")), "{out}");
        }
        assert!(
            out.contains("diff --git a/Cargo.lock b/Cargo.lock") && out.contains("@@ -1,3 +1,3 @@"),
            "{out}"
        );
    }
}
