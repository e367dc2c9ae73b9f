//! `git log` (default, `--stat`, `--shortstat`, `--name-only`): each commit keeps its hash line,
//! author, date and subject; the rest of the message and the file stats fold into one short
//! marker with the commit's size (`[hr message, 4 files +10 -3 L6-13]`: the range counts the
//! lines), and so do the author and date lines of a commit by the author of the commit above on
//! the same day (a marker of their own: the subject stands between them and the message). A fold
//! whose lines are not clearly more tokens than its marker stays as its lines (`keep_cheap_folds`).

use super::{plan_from, plural, Slot};
use crate::plan::{Plan, Priority};
use crate::re::re;

pub(crate) fn plan(lines: &[&str]) -> Plan {
    let mut slots = vec![Slot::Keep(Priority::Ordinary); lines.len()];
    let mut patch = vec![false; lines.len()];
    let mut subject_seen = true;
    // the author and day of the commit above
    let mut last: (Option<&str>, Option<(&str, &str)>) = (None, None);
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
            slots[i] = Slot::Keep(Priority::Heading);
            subject_seen = false;
        } else if line.starts_with("Author: ") {
            // an author who wrote the commit above on the same day: both lines fold together
            let date = lines.get(i + 1).filter(|l| l.starts_with("Date: "));
            let day = date.and_then(|d| day_of(d));
            if last.0 == Some(line) && day.is_some() && last.1 == day {
                slots[i..i + 2].fill(Slot::Fold);
                i += 2;
                continue;
            }
            slots[i] = Slot::Keep(Priority::Summary);
            last = (Some(line), day);
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
    let plan = plan_from(lines, &slots, |s, e| {
        if patch[s] {
            return crate::diff::describe(&lines[s..e]);
        }
        if lines[s].starts_with("Author: ") {
            return SAME_AUTHOR_AND_DAY.to_string();
        }
        // the range counts the lines; the words say what they were, and a commit's size
        let size = lines[s..e].iter().find_map(|l| shortstat(l));
        let body = lines[s..e]
            .iter()
            .any(|l| l.starts_with("    ") && !l.trim().is_empty());
        match (body, size) {
            (true, Some(size)) => format!("message, {size}"),
            (false, Some(size)) => size,
            (true, None) if lines[s..e].iter().any(|l| is_stat(l)) => "message and stat".into(),
            (true, None) => "message".to_string(),
            (false, None) if lines[s..e].iter().any(|l| is_stat(l)) => "stat".into(),
            (false, None) => crate::marker::plain_lines(e - s),
        }
    });
    // weighed before the hunk headers are said again, as `git diff` is
    let plan = crate::plan::keep_cheap_folds(plan, lines);
    crate::diff::restate_hunk_headers(plan, lines)
}

const SAME_AUTHOR_AND_DAY: &str = "same author and day";

/// The day of a `Date:` line: `Sat Feb 14 2026 +0100` of `Date:   Sat Feb 14 14:48:30 2026 +0100`
/// (or `2026-02-14` of an ISO date).
fn day_of(line: &str) -> Option<(&str, &str)> {
    let c = re!(r"^Date:\s+(?:(\w{3} \w{3} \d+) [\d:]+ (\d{4} [+-]\d{4})|(\d{4}-\d\d-\d\d)[ T])")
        .captures(line)?;
    let day = c.get(1).or(c.get(3))?.as_str();
    Some((day, c.get(2).map_or("", |y| y.as_str())))
}

/// A `--stat` summary said short: ` 4 files changed, 10 insertions(+), 3 deletions(-)` is
/// `4 files +10 -3`.
fn shortstat(line: &str) -> Option<String> {
    let c =
        re!(r"^ (\d+) files? changed(?:, (\d+) insertions?\(\+\))?(?:, (\d+) deletions?\(-\))?$")
            .captures(line)?;
    let files: usize = c[1].parse().ok()?;
    let mut out = plural(files, "file", "files");
    for (k, sign) in [(2, '+'), (3, '-')] {
        if let Some(n) = c.get(k) {
            out.push_str(&format!(" {sign}{}", n.as_str()));
        }
    }
    Some(out)
}

/// `git log --oneline` (`--graph`, `git reflog`): nearly every line a commit, or the graph's
/// drawing alone (a merge pads it with spaces: `*   hash Merge …`, `|\  `). Commit hashes are
/// random, so consecutive ones seldom share their first two digits; the offsets and addresses
/// that lead `od`, `hexdump` and `nm` lines do, and so do `git blame`'s runs of one commit:
/// those are no list of commits.
pub(crate) fn is_commit_list(lines: &[&str]) -> bool {
    let commit = re!(r"^(?:[*|\\/_.] *)*(?:([0-9a-f]{7,40}) \S|$)");
    let mut matched = 0;
    let mut heads = Vec::new();
    for l in lines {
        if let Some(c) = commit.captures(l) {
            matched += 1;
            heads.extend(c.get(1).map(|h| &h.as_str()[..2]));
        }
    }
    let alike = heads.windows(2).filter(|w| w[0] == w[1]).count();
    matched as f64 >= 0.9 * lines.len() as f64 && alike * 2 < heads.len()
}

/// ` src/main.rs | 12 +++---` (or a `--name-status` / `--name-only` line).
fn is_stat(line: &str) -> bool {
    re!(r"^ \S.* \| +(\d+ ?[+-]*|Bin .*)$|^[AMDRCTU]\d*\t\S").is_match(line)
}

#[cfg(test)]
mod tests {
    use crate::logline;
    use crate::shell::testutil::{run, run_within};

    #[test]
    fn a_one_line_log_keeps_every_commit() {
        // subjects that read like prose, a test run or a log say nothing about the kind
        let subjects = ["fix: 3 failed, 40 passed in CI", "ERROR handling for retries", "docs"];
        let mut t = String::new();
        for i in 0..60 {
            let graph = if i % 7 == 3 { "| * " } else { "* " };
            // abbreviated hashes are random (a SHA-1's first digits)
            let hash = (i as u32).wrapping_mul(0x9e37_79b1) >> 4;
            t.push_str(&format!("{graph}{hash:07x} {} ({i})\n", subjects[i % 3]));
            if i % 7 == 3 {
                t.push_str("|/\n");
            }
        }
        assert_eq!(crate::sniff::sniff(t.as_bytes()), crate::sniff::Kind::Shell);
        assert_eq!(run(&t), t);
    }

    #[test]
    fn a_budget_keeps_the_newest_commits_that_fit() {
        let t: String = (0..300u32)
            .map(|i| format!("{:07x} fix: the parser reads step {i} before writing\n", i.wrapping_mul(0x9e37_79b1) >> 4))
            .collect();
        let out = run_within(&t, Some(4_000));
        assert!(out.len() <= 4_000, "{}", out.len());
        let kept: Vec<&str> = out.lines().take_while(|l| !l.starts_with("[hr ")).collect();
        assert!(kept.len() > 50, "{out}");
        assert!(t.starts_with(&(kept.join("\n") + "\n")), "{out}");
        assert!(out.contains("lines cut to fit the budget"), "{out}");
    }

    #[test]
    fn offsets_and_addresses_are_no_commits() {
        // `od -x`, `hexdump` and `nm` lead with hex too, but with offsets or addresses, whose
        // first digits stay alike from line to line; random commit hashes' do not
        let words = |i: usize| -> String {
            (0..8).map(|k| format!(" {:04x}", (i * 31 + k * 977) % 65536)).collect()
        };
        let od: String = (0..300).map(|i| format!("{:07o}{}\n", i * 16, words(i))).collect();
        let hexdump: String = (0..300).map(|i| format!("{:07x}{}\n", i * 16, words(i))).collect();
        // `nm` sorts by name, so its addresses go up and down
        let nm: String = (0..300)
            .map(|i| {
                let address = 0x4_1000 + i * 1_237 % 50_000;
                format!("{address:016x} T _ZN7hr_core5shell4func{i}17h{:016x}E\n", i * 7_919)
            })
            .collect();
        for t in [od, hexdump, nm] {
            assert_ne!(crate::shell::detect(&t), Some(crate::shell::Format::Commits), "{t}");
            assert_ne!(run(&t), t, "{t}");
        }
    }

    #[test]
    fn log_with_patches_reads_like_a_diff() {
        let mut t = String::new();
        for i in 0..3 {
            t.push_str(&format!("commit {:040x}\nAuthor: Dev <dev@example.com>\nDate:   Sat Feb 14 14:48:30 2026 +0100\n\n    fix: thing {i}\n\ndiff --git a/x.py b/x.py\nindex 1..2 100644\n--- a/x.py\n+++ b/x.py\n@@ -1,9 +1,9 @@\n", 0xbeef0 + i));
            for k in 0..6 {
                t.push_str(&format!("     let value_{k} = compute_something({k});\n"));
            }
            t.push_str(&format!("-    old {i}\n+    new {i}\n"));
            for k in 6..12 {
                t.push_str(&format!("     let value_{k} = compute_something({k});\n"));
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
            out.contains("@@ -1,9 +1,9 @@")
                && out.contains("[hr context · hr expand h --lines 12-17]"),
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
        // the message and stat fold says the commit's size
        assert!(
            out.contains("[hr message, 2 files +8 -1 · hr expand h --lines 6-12]"),
            "{out}"
        );
        // the same author on the same day: said once, then the two lines fold
        assert_eq!(
            out.matches("Author: github-actions[bot]").count(),
            1,
            "{out}"
        );
        assert_eq!(out.matches("Date:   Sat Feb 14").count(), 1, "{out}");
        // every marker stands where its lines were: the subject between the two folds stays
        // in its place
        assert!(
            out.contains("abc1\n[hr same author and day L15-16]\n\n    feat: change number 1\n[hr message, 2 files +8 -1 L19-25]\n\ncommit"),
            "{out}"
        );
        assert!(!out.contains("src/b.rs"), "{out}");
        assert!(!out.contains("A longer explanation"), "{out}");
    }

    #[test]
    fn folds_that_are_not_clearly_more_tokens_than_their_marker_stay_whole() {
        let head = |h: &str| {
            format!("commit 0000000000000000000000000000000000000{h}\nAuthor: Augusta Ada King, Countess of Lovelace <augusta.ada.king@analytical-engine.example.org>\nDate:   Sat Feb 14 14:48:30 2026 +0100\n\n")
        };
        let mut t = head("abc");
        // a one-file stat: fewer tokens than two markers, it stays
        t.push_str(
            "    fix: a\n\n a.rs | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n\n",
        );
        // a three-file stat pays, and so does an author said on the commit above that day
        t.push_str(&head("abd"));
        t.push_str("    fix: b\n\n src/parser/lexical/lexer.rs | 2 +-\n src/parser/lexical/reader.rs | 2 +-\n src/parser/lexical/writer.rs | 2 +-\n 3 files changed, 3 insertions(+), 3 deletions(-)\n\n");
        // a long body: its fold pays
        t.push_str(&head("abe"));
        t.push_str("    feat: c\n    \n");
        for k in 0..20 {
            t.push_str(&format!(
                "    Why the change was needed, reason number {k} of many.\n"
            ));
        }
        t.push('\n');
        let out = run(&t);
        assert!(
            out.contains(
                "    fix: a\n\n a.rs | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n"
            ),
            "{out}"
        );
        assert!(
            out.contains("abd\n[hr same author and day · hr expand h --lines 11-12]\n\n    fix: b\n\n[hr 3 files +3 -3 L16-19]\n"),
            "{out}"
        );
        assert!(
            out.contains(
                "abe\n[hr same author and day L22-23]\n\n    feat: c\n[hr message L26-46"
            ),
            "{out}"
        );
        assert_eq!(out.matches("[hr ").count(), 4, "{out}");
    }

    #[test]
    fn a_message_with_an_error_line_keeps_its_own_fold_for_the_guard_to_split() {
        let mut t = String::new();
        for i in 0..2 {
            t.push_str(&format!("commit {:040x}\nAuthor: github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>\nDate:   Sat Feb 14 14:48:30 2026 +0100\n\n    fix: change {i}\n    \n    ERROR: build failed on the mismatched types before this change,\n    told over two lines of explanation text.\n\n", 0xabc0 + i));
        }
        let out = run(&t);
        assert!(logline::is_errorish(
            "    ERROR: build failed on the mismatched types before this change,"
        ));
        // the first commit's message: the guard shows its error line, and the parts of the
        // fold around it are too short to pay for markers of their own, so they stay as lines
        assert!(
            out.contains("    fix: change 0\n    \n    ERROR: build failed on the mismatched types before this change,\n    told over two lines of explanation text.\n\ncommit "),
            "{out}"
        );
        assert!(
            out.contains("abc1\n[hr same author and day · hr expand h --lines 11-12]\n"),
            "{out}"
        );
        // the guard shows the error once (its first line), the second commit's repeat folds
        assert_eq!(out.matches("\n    ERROR: build failed").count(), 1, "{out}");
    }
}
