//! `git log` (default, `--stat`, `--shortstat`, `--name-only`): each commit keeps its hash line,
//! author, date and subject; the rest of the message and the file stats fold into one short
//! marker (`[hr: message and stat · L6-13]`: the range counts the lines), and so do the author and
//! date lines of a commit by the author of the commit above on the same day. Such a commit has one
//! marker for both folds (`one_marker_per_commit`). A fold whose lines are not three times its
//! marker stays as its lines (`keep_cheap_folds`).

use super::{plan_from, plural, Slot};
use crate::logline;
use crate::plan::{Piece, Plan, Priority};
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
            slots[i] = Slot::Keep(Priority::Critical);
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
            return AUTHOR_AS_ABOVE.to_string();
        }
        // the range counts the lines; the words say what they were (a commit's size is one
        // `hr expand` away: counts here would cost every commit a third more marker)
        let stat = lines[s..e].iter().any(|l| is_stat(l));
        let body = lines[s..e]
            .iter()
            .any(|l| l.starts_with("    ") && !l.trim().is_empty());
        match (body, stat) {
            (true, true) => "message and stat".to_string(),
            (true, false) => "message".to_string(),
            (false, true) => "stat".to_string(),
            (false, false) => plural(e - s, "line", "lines"),
        }
    });
    let plan = crate::diff::restate_hunk_headers(plan, lines);
    let plan = crate::diff::one_marker_between_changes(plan, lines);
    // folds that share a marker are weighed together: only what still stands alone must pay
    super::keep_cheap_folds(one_marker_per_commit(plan, lines), lines)
}

const AUTHOR_AS_ABOVE: &str = "author and day as above";

/// A commit whose author and date lines fold and whose message and stat fold too gets one marker
/// for both, where the first fold was, with the subject between them written after it:
/// `[hr: author and day as above; message and stat · L15-26]` then the blank line and subject.
/// Not when the folded message has an error-ish line: the signal guard then splits that fold.
fn one_marker_per_commit(plan: Plan, lines: &[&str]) -> Plan {
    let mut out = Plan::default();
    let mut pieces = plan.pieces.into_iter().peekable();
    while let Some(p) = pieces.next() {
        let Piece::Fold { start, end, what } = p else {
            out.pieces.push(p);
            continue;
        };
        if what != AUTHOR_AS_ABOVE {
            out.fold(start, end, what);
            continue;
        }
        // the kept lines up to the next fold: the blank line and the subject
        let mut kept = vec![];
        while let Some(Piece::Keep { .. }) = pieces.peek() {
            kept.push(pieces.next().unwrap());
        }
        let shown: usize = kept
            .iter()
            .map(|k| match k {
                Piece::Keep { start, end, .. } => end - start + 1,
                _ => 0,
            })
            .sum();
        let next = match pieces.peek() {
            Some(Piece::Fold {
                start: s,
                end: e,
                what: w,
            }) if shown <= 3
                && *s == end + shown + 1
                && w != AUTHOR_AS_ABOVE
                && !lines[s - 1..*e].iter().any(|l| logline::is_errorish(l)) =>
            {
                Some((*e, w.clone()))
            }
            _ => None,
        };
        match next {
            Some((last, w)) => {
                pieces.next();
                let body = lines[end..end + shown]
                    .iter()
                    .map(|l| l.to_string())
                    .collect();
                out.restate(start, last, format!("{AUTHOR_AS_ABOVE}; {w}"), body);
            }
            None => {
                out.fold(start, end, what);
                out.pieces.extend(kept);
            }
        }
    }
    out
}

/// The day of a `Date:` line: `Sat Feb 14 2026 +0100` of `Date:   Sat Feb 14 14:48:30 2026 +0100`
/// (or `2026-02-14` of an ISO date).
fn day_of(line: &str) -> Option<(&str, &str)> {
    let c = re!(r"^Date:\s+(?:(\w{3} \w{3} \d+) [\d:]+ (\d{4} [+-]\d{4})|(\d{4}-\d\d-\d\d)[ T])")
        .captures(line)?;
    let day = c.get(1).or(c.get(3))?.as_str();
    Some((day, c.get(2).map_or("", |y| y.as_str())))
}

/// ` src/main.rs | 12 +++---` (or a `--name-status` / `--name-only` line).
fn is_stat(line: &str) -> bool {
    re!(r"^ \S.* \| +(\d+ ?[+-]*|Bin .*)$|^[AMDRCTU]\d*\t\S").is_match(line)
}

#[cfg(test)]
mod tests {
    use crate::logline;
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
            out.contains("@@ -1,9 +1,9 @@") && out.contains("[hr: context · L12-17"),
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
        assert!(out.contains("[hr: message and stat · L6-12"), "{out}");
        // the same author on the same day: said once, then the two lines fold
        assert_eq!(
            out.matches("Author: github-actions[bot]").count(),
            1,
            "{out}"
        );
        assert_eq!(out.matches("Date:   Sat Feb 14").count(), 1, "{out}");
        assert!(
            out.contains("abc1\n[hr: author and day as above; message and stat · L15-25]\n\n    feat: change number 1\n\ncommit"),
            "{out}"
        );
        assert!(!out.contains("src/b.rs"), "{out}");
        assert!(!out.contains("A longer explanation"), "{out}");
    }

    #[test]
    fn folds_that_do_not_pay_three_times_their_marker_stay_whole() {
        let mut t = String::new();
        t.push_str("commit 0000000000000000000000000000000000000abc\nAuthor: Dev <dev@example.com>\nDate:   Sat Feb 14 14:48:30 2026 +0100\n\n    fix: a\n    Fixes #1.\n\n");
        // the same short author on the same day, and a short body: nothing pays for a marker
        t.push_str("commit 0000000000000000000000000000000000000abd\nAuthor: Dev <dev@example.com>\nDate:   Sat Feb 14 14:48:30 2026 +0100\n\n    fix: b\n    Fixes #2.\n\n");
        // a long body: its fold pays, and the author's fold shares its marker
        t.push_str("commit 0000000000000000000000000000000000000abe\nAuthor: Dev <dev@example.com>\nDate:   Sat Feb 14 14:48:30 2026 +0100\n\n    feat: c\n    \n");
        for k in 0..20 {
            t.push_str(&format!(
                "    Why the change was needed, reason number {k} of many.\n"
            ));
        }
        t.push_str("\n");
        let out = run(&t);
        assert!(out.contains("    fix: a\n    Fixes #1.\n"), "{out}");
        assert!(out.contains("abd\nAuthor: Dev <dev@example.com>\nDate:   Sat Feb 14 14:48:30 2026 +0100\n\n    fix: b\n    Fixes #2.\n"), "{out}");
        assert!(
            out.contains("abe\n[hr: author and day as above; message · L16-40"),
            "{out}"
        );
        assert!(out.contains("]\n\n    feat: c\n"), "{out}");
        assert_eq!(out.matches("[hr: ").count(), 1, "{out}");
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
        assert!(
            out.contains("abc1\n[hr: author and day as above · L11-12]\n"),
            "{out}"
        );
        // the guard shows the error once (its first line), the second commit's repeat folds
        assert_eq!(out.matches("\n    ERROR: build failed").count(), 1, "{out}");
    }
}
