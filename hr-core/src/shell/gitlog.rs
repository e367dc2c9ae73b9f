//! `git log` (default, `--stat`, `--shortstat`, `--name-only`): each commit keeps its hash line,
//! author, date, subject and change summary; the rest of the message and the per-file stats fold
//! (the summary joins their marker as `4 files +10 -3`), and so does an author line that repeats
//! the commit above.

use super::{plan_from, plural, Slot};
use crate::plan::{Plan, Priority};
use crate::re::re;

pub(crate) fn plan(lines: &[&str]) -> Plan {
    let mut slots = vec![Slot::Keep(Priority::Ordinary); lines.len()];
    let mut patch = vec![false; lines.len()];
    let mut subject_seen = true;
    let mut last_author: Option<&str> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.starts_with("diff --git ") {
            // `git log -p`: the patch runs to the next commit and reads like `git diff`
            let mut j = i + 1;
            while j < lines.len() && !re!(r"^commit [0-9a-f]{7,64}\b").is_match(lines[j]) {
                j += 1;
            }
            slots[i..j].copy_from_slice(&crate::diff::slots(&lines[i..j]));
            patch[i..j].fill(true);
            i = j;
            continue;
        }
        if re!(r"^commit [0-9a-f]{7,64}\b").is_match(line) {
            slots[i] = Slot::Keep(Priority::Critical);
            subject_seen = false;
        } else if line.starts_with("Author: ") {
            // the same author as the commit above is said once
            slots[i] = if last_author == Some(line) {
                Slot::Fold
            } else {
                Slot::Keep(Priority::Summary)
            };
            last_author = Some(line);
        } else if re!(r"^(Merge|AuthorDate|Commit|CommitDate|Date):\s").is_match(line) {
            slots[i] = Slot::Keep(Priority::Summary);
        } else if line.starts_with("    ") {
            if subject_seen {
                slots[i] = Slot::Fold;
            } else if !line.trim().is_empty() {
                slots[i] = Slot::Keep(Priority::Summary);
                subject_seen = true;
            }
        } else if re!(r"^ \d+ files? changed").is_match(line) {
            // after its stat lines the summary joins their marker, said as `4 files +10 -3`
            slots[i] = if i > 0 && is_stat(lines[i - 1]) {
                Slot::Fold
            } else {
                Slot::Keep(Priority::Summary)
            };
        } else if is_stat(line) {
            slots[i] = Slot::Fold;
        }
        i += 1;
    }
    plan_from(lines, &slots, |s, e| {
        if patch[s] {
            return crate::diff::describe(&lines[s..e]);
        }
        if lines[s..e].iter().all(|l| l.starts_with("Author: ")) {
            return "author as above".to_string();
        }
        let stats = lines[s..e].iter().filter(|l| is_stat(l)).count();
        let body = lines[s..e]
            .iter()
            .filter(|l| l.starts_with("    ") && !l.trim().is_empty())
            .count();
        let mut parts = vec![];
        if body > 0 {
            parts.push(plural(body, "message line", "message lines"));
        }
        let summary = lines[s..e].iter().find_map(|l| shortstat(l));
        if let Some(summary) = summary {
            parts.push(summary);
        } else if stats > 0 {
            parts.push(plural(stats, "file stat", "file stats"));
        }
        if parts.is_empty() {
            plural(e - s, "line", "lines")
        } else {
            parts.join(", ")
        }
    })
}

/// ` 4 files changed, 10 insertions(+), 3 deletions(-)` said as `4 files +10 -3`.
fn shortstat(line: &str) -> Option<String> {
    let c =
        re!(r"^ (\d+) files? changed(?:, (\d+) insertions?\(\+\))?(?:, (\d+) deletions?\(-\))?$")
            .captures(line)?;
    let files: usize = c[1].parse().ok()?;
    let mut out = plural(files, "file", "files");
    if let Some(n) = c.get(2) {
        out.push_str(&format!(" +{}", n.as_str()));
    }
    if let Some(n) = c.get(3) {
        out.push_str(&format!(" -{}", n.as_str()));
    }
    Some(out)
}

/// ` src/main.rs | 12 +++---` (or a `--name-status` / `--name-only` line).
fn is_stat(line: &str) -> bool {
    re!(r"^ \S.* \| +(\d+ ?[+-]*|Bin .*)$|^[AMDRCTU]\d*\t\S").is_match(line)
}

#[cfg(test)]
mod tests {
    use crate::shell::compress;
    use crate::Options;

    fn run(t: &str) -> String {
        let opts = Options {
            hash: "h".into(),
            budget_chars: None,
            ..Default::default()
        };
        compress(t, &opts).text
    }

    #[test]
    fn log_with_patches_reads_like_a_diff() {
        let mut t = String::new();
        for i in 0..3 {
            t.push_str(&format!("commit {:040x}\nAuthor: Dev <dev@example.com>\nDate:   Sat Feb 14 14:48:30 2026 +0100\n\n    fix: thing {i}\n\ndiff --git a/x.py b/x.py\nindex 1..2 100644\n--- a/x.py\n+++ b/x.py\n@@ -1,9 +1,9 @@\n", 0xbeef0 + i));
            for k in 0..6 {
                t.push_str(&format!("     line {k}\n"));
            }
            t.push_str(&format!("-    old {i}\n+    new {i}\n"));
            for k in 6..12 {
                t.push_str(&format!("     line {k}\n"));
            }
        }
        let out = run(&t);
        for i in 0..3 {
            for n in [
                format!("commit {:040x}", 0xbeef0 + i),
                format!("+    new {i}"),
                format!("-    old {i}"),
            ] {
                assert!(out.contains(&n), "{n}: {out}");
            }
        }
        assert!(
            out.contains("@@ -1,9 +1,9 @@") && out.contains("6 context lines"),
            "{out}"
        );
    }

    #[test]
    fn keeps_hashes_subjects_and_summaries() {
        let mut t = String::new();
        for i in 0..5 {
            t.push_str(&format!("commit {:040x}\nAuthor: github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>\nDate:   Sat Feb 14 14:48:30 2026 +0100\n\n    feat: change number {i}\n    \n    A longer explanation of change {i}\n    over several lines of text.\n\n src/a.rs | 2 +-\n src/b.rs | 7 +++++++\n 2 files changed, 8 insertions(+), 1 deletion(-)\n\n", 0xabc0 + i));
        }
        let out = run(&t);
        for i in 0..5 {
            assert!(
                out.contains(&format!("commit {:040x}", 0xabc0 + i)),
                "{out}"
            );
            assert!(
                out.contains(&format!("    feat: change number {i}")),
                "{out}"
            );
        }
        assert!(out.contains("2 message lines, 2 files +8 -1"), "{out}");
        assert_eq!(
            out.matches("Author: github-actions[bot]").count(),
            1,
            "{out}"
        );
        assert_eq!(out.matches("author as above").count(), 4, "{out}");
        assert!(!out.contains("src/b.rs"), "{out}");
        assert!(!out.contains("A longer explanation"), "{out}");
    }

    #[test]
    fn an_author_folds_only_when_it_repeats_the_commit_above() {
        let authors = [
            "Alice Longname <41898282+alice.longname@users.noreply.github.com>",
            "Bob Otherperson <51898282+bob.otherperson@users.noreply.github.com>",
        ];
        let mut t = String::new();
        for (i, a) in [0, 1, 1, 0].repeat(3).iter().enumerate() {
            t.push_str(&format!("commit {:040x}\nAuthor: {}\nDate:   Sat Feb 14 14:48:30 2026 +0100\n\n    fix: {i}\n    \n    Why the fix {i} was needed,\n    told over two lines.\n\n", 0xf00 + i, authors[*a]));
        }
        let out = run(&t);
        assert_eq!(out.matches("Author: Alice").count(), 4, "{out}");
        assert_eq!(out.matches("Author: Bob").count(), 3, "{out}");
        assert_eq!(out.matches("author as above").count(), 5, "{out}");
    }
}
