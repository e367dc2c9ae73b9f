//! `grep -rn` (and `rg -n`, `git grep -n`): every file keeps its first match, so every distinct
//! path stays; further matches in the same file fold into a count.

use super::{plan_from, Slot};
use crate::plan::{Plan, Priority};
use crate::re::re;

/// `path:12:text`, a context line `path-12-text`, or the `--` group separator. Compiler
/// diagnostics share the shape but are not search results, nor is a client's address and port
/// that a server's log opens each line with (busybox httpd's `127.0.0.1:38216: response:404`).
pub(crate) fn is_match_line(line: &str) -> bool {
    (re!(r"^[^\s:]*[/.][^\s:]*:\d+:").is_match(line)
        || re!(r"^[^\s:]*[/.][^\s:]*-\d+-").is_match(line)
        || line == "--")
        && !crate::logline::is_finding(line)
        && !re!(r"^\d{1,3}(\.\d{1,3}){3}:\d+:").is_match(line)
}

/// A match line's path and line number: `src/a.py:12:text`.
pub(crate) fn match_at(line: &str) -> Option<(&str, usize)> {
    let c = re!(r"^([^\s:]*[/.][^\s:]*):(\d+):").captures(line)?;
    Some((c.get(1)?.as_str(), c[2].parse().ok()?))
}

fn path_of(line: &str) -> Option<&str> {
    if let Some((path, _)) = match_at(line) {
        return Some(path);
    }
    re!(r"^([^\s:]*?[/.][^\s:]*?)-\d+-")
        .captures(line)
        .map(|m| m.get(1).unwrap().as_str())
}

pub(crate) fn plan(lines: &[&str]) -> Plan {
    let mut slots = vec![Slot::Keep(Priority::Ordinary); lines.len()];
    let mut i = 0;
    while i < lines.len() {
        let Some(path) = path_of(lines[i]) else {
            i += 1;
            continue;
        };
        slots[i] = Slot::Keep(Priority::Summary);
        let mut j = i + 1;
        while j < lines.len() && (path_of(lines[j]) == Some(path) || lines[j] == "--") {
            j += 1;
        }
        // whether the fold pays is weighed after (`keep_cheap_folds`)
        slots[i + 1..j].fill(Slot::Fold);
        i = j;
    }
    let mut plan = plan_from(lines, &slots, |s, e| {
        let n = lines[s..e]
            .iter()
            .filter(|l| re!(r"^\S[^:]*:\d+:").is_match(l))
            .count();
        // more matches of the file above (context lines count in the range, not here)
        format!("{} more", crate::marker::count(n))
    });
    // a match in a minified file is one line of the whole file
    plan.cut_long_lines = true;
    plan.cut_frames = true;
    plan
}

#[cfg(test)]
mod tests {
    use crate::shell::testutil::run;

    #[test]
    fn every_path_stays() {
        let mut t = String::new();
        for f in 0..6 {
            for k in 0..(f + 1) {
                t.push_str(&format!(
                    "./pkg/mod{f}.py:{}:    warnings.warn('x', DeprecationWarning)\n",
                    k * 10 + 1
                ));
            }
        }
        let out = run(&t);
        for f in 0..6 {
            assert!(out.contains(&format!("./pkg/mod{f}.py:1:")), "{out}");
        }
        assert!(
            out.contains(
                "./pkg/mod5.py:1:    warnings.warn('x', DeprecationWarning)\n[hr 5 more L17-21]"
            ),
            "{out}"
        );
    }

    #[test]
    fn further_matches_that_cost_less_than_a_marker_stay() {
        let mut t = String::new();
        for f in 0..4 {
            t.push_str(&format!("./m{f}.py:1:    import warnings\n"));
        }
        t.push_str("./m4.py:1:x\n./m4.py:2:y\n./m4.py:3:z\n");
        let out = run(&t);
        assert_eq!(out, t);
    }
}
