//! `git log` (default, `--stat`, `--shortstat`, `--name-only`): each commit keeps its hash line,
//! author, date, subject and change summary; the rest of the message and the per-file stats fold.

use super::{plan_from, plural, Slot};
use crate::plan::{Plan, Priority};
use crate::testout::re;

pub(crate) fn plan(lines: &[&str]) -> Plan {
    let mut slots = vec![Slot::Keep(Priority::Ordinary); lines.len()];
    let mut subject_seen = true;
    for (i, line) in lines.iter().enumerate() {
        if re!(r"^commit [0-9a-f]{7,64}\b").is_match(line) {
            slots[i] = Slot::Keep(Priority::Critical);
            subject_seen = false;
        } else if re!(r"^(Merge|Author|AuthorDate|Commit|CommitDate|Date):\s").is_match(line) {
            slots[i] = Slot::Keep(Priority::Summary);
        } else if line.starts_with("    ") {
            if subject_seen {
                slots[i] = Slot::Fold;
            } else if !line.trim().is_empty() {
                slots[i] = Slot::Keep(Priority::Summary);
                subject_seen = true;
            }
        } else if re!(r"^ \d+ files? changed").is_match(line) {
            slots[i] = Slot::Keep(Priority::Summary);
        } else if is_stat(line) {
            slots[i] = Slot::Fold;
        }
    }
    plan_from(lines, &slots, |s, e| {
        let stats = lines[s..e].iter().filter(|l| is_stat(l)).count();
        let body = lines[s..e].iter().filter(|l| l.starts_with("    ") && !l.trim().is_empty()).count();
        let mut parts = vec![];
        if body > 0 {
            parts.push(plural(body, "message line", "message lines"));
        }
        if stats > 0 {
            parts.push(plural(stats, "file stat", "file stats"));
        }
        if parts.is_empty() {
            plural(e - s, "line", "lines")
        } else {
            parts.join(", ")
        }
    })
}

/// ` src/main.rs | 12 +++---` (or a `--name-status` / `--name-only` line).
fn is_stat(line: &str) -> bool {
    re!(r"^ \S.* \| +(\d+ ?[+-]*|Bin .*)$|^[AMDRCTU]\d*\t\S").is_match(line)
}

#[cfg(test)]
mod tests {
    use crate::shell::compress;
    use crate::Options;

    #[test]
    fn keeps_hashes_subjects_and_summaries() {
        let mut t = String::new();
        for i in 0..5 {
            t.push_str(&format!("commit {:040x}\nAuthor: Dev <dev@example.com>\nDate:   Sat Feb 14 14:48:30 2026 +0100\n\n    feat: change number {i}\n    \n    A longer explanation of change {i}\n    over several lines of text.\n\n src/a.rs | 2 +-\n src/b.rs | 7 +++++++\n 2 files changed, 8 insertions(+), 1 deletion(-)\n\n", 0xabc0 + i));
        }
        let out = compress(&t, &Options { hash: "h".into(), budget_chars: None }).text;
        for i in 0..5 {
            assert!(out.contains(&format!("commit {:040x}", 0xabc0 + i)), "{out}");
            assert!(out.contains(&format!("    feat: change number {i}")), "{out}");
        }
        assert!(out.contains("2 files changed, 8 insertions(+), 1 deletion(-)"), "{out}");
        assert!(out.contains("2 message lines, 2 file stats"), "{out}");
        assert!(!out.contains("A longer explanation"), "{out}");
    }
}
