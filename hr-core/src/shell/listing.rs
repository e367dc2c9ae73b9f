//! Listings: `find` (one path a line) and `ls -la` / `ls -laR`.
//!
//! find keeps every path of a rare file type (an extension held by at most 5% of the paths) and
//! the first path under each top-level directory; the common types fold into per-type counts.
//! ls keeps directory headers, symlinks and files of unusual size (beyond 3 sigma); ordinary
//! entries fold into counts.

use std::collections::HashMap;

use super::{plan_from, plural, Slot};
use crate::plan::{Plan, Priority};
use crate::re::re;

/// Share of the listed paths at or below which a file type counts as rare.
const RARE_SHARE: f64 = 0.05;

pub(crate) fn is_path(line: &str) -> bool {
    !line.is_empty()
        && line.len() < 4096
        && line.contains('/')
        && re!(r"^[^\s:][^:\t]*$").is_match(line)
}

fn extension(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext,
        _ => "",
    }
}

/// Where a directory tree starts: the first directory below the part that every path shares
/// (`jest-circus` in `jest-circus/build/x.js`, `./a` in `./a/b/c.js`).
fn top_dir(path: &str, common: usize) -> &str {
    match path[common.min(path.len())..].find('/') {
        Some(k) => &path[..common + k],
        None => "",
    }
}

/// Length of the directory prefix (ending in `/`, or 0) that all `paths` share.
fn common_dir(paths: &[&str]) -> usize {
    let Some(first) = paths.first() else { return 0 };
    let mut len = first.rfind('/').map_or(0, |k| k + 1);
    for p in &paths[1..] {
        while len > 0 && !(p.len() >= len && p.as_bytes()[..len] == first.as_bytes()[..len]) {
            len = first[..len - 1].rfind('/').map_or(0, |k| k + 1);
        }
    }
    len
}

pub(crate) fn plan_find(lines: &[&str]) -> Plan {
    let paths: Vec<usize> = (0..lines.len()).filter(|&i| is_path(lines[i])).collect();
    let mut by_ext: HashMap<&str, usize> = HashMap::new();
    for &i in &paths {
        *by_ext.entry(extension(lines[i])).or_default() += 1;
    }
    let total = paths.len().max(1) as f64;
    let listed: Vec<&str> = paths.iter().map(|&i| lines[i]).collect();
    let common = common_dir(&listed);
    let mut slots = vec![Slot::Keep(Priority::Ordinary); lines.len()];
    let mut last_top = None;
    for &i in &paths {
        let p = lines[i];
        let top = top_dir(p, common);
        if by_ext[extension(p)] as f64 / total <= RARE_SHARE {
            slots[i] = Slot::Keep(Priority::Notable);
        } else if last_top != Some(top) {
            slots[i] = Slot::Keep(Priority::Summary);
        } else {
            slots[i] = Slot::Fold;
        }
        last_top = Some(top);
    }
    plan_from(lines, &slots, |s, e| {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for l in &lines[s..e] {
            if l.trim().is_empty() {
                continue;
            }
            let ext = extension(l);
            match counts.iter_mut().find(|(x, _)| *x == ext) {
                Some((_, k)) => *k += 1,
                None => counts.push((ext, 1)),
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        let n: usize = counts.iter().map(|c| c.1).sum();
        let parts: Vec<String> = counts
            .iter()
            .take(3)
            .map(|(x, k)| {
                if x.is_empty() {
                    format!("{k} without extension")
                } else {
                    format!("{k} .{x}")
                }
            })
            .collect();
        let more = if counts.len() > 3 { ", …" } else { "" };
        format!("{}: {}{more}", plural(n, "path", "paths"), parts.join(", "))
    })
}

struct Entry {
    kind: u8,
    size: Option<f64>,
    name_is_dot: bool,
}

fn parse_ls(line: &str) -> Option<Entry> {
    if !is_ls_line(line) {
        return None;
    }
    let f: Vec<&str> = line.split_whitespace().collect();
    let size = f.get(4).and_then(|s| s.parse::<f64>().ok());
    let name = f.last().copied().unwrap_or("");
    Some(Entry {
        kind: line.as_bytes()[0],
        size,
        name_is_dot: name == "." || name == "..",
    })
}

pub(crate) fn is_ls_line(line: &str) -> bool {
    re!(r"^[-dlcbps][rwxsStT-]{9}[.+@]?\s+\d+\s").is_match(line)
}

pub(crate) fn plan_ls(lines: &[&str]) -> Plan {
    let entries: Vec<Option<Entry>> = lines.iter().map(|l| parse_ls(l)).collect();
    let recursive = lines.iter().any(|l| re!(r"^\S.*:$").is_match(l));
    let sizes: Vec<f64> = entries
        .iter()
        .flatten()
        .filter(|e| e.kind == b'-')
        .filter_map(|e| e.size)
        .collect();
    let n = sizes.len().max(1) as f64;
    let mean = sizes.iter().sum::<f64>() / n;
    let sd = (sizes.iter().map(|s| (s - mean).powi(2)).sum::<f64>() / n).sqrt();
    let mut slots = vec![Slot::Keep(Priority::Ordinary); lines.len()];
    for (i, line) in lines.iter().enumerate() {
        if re!(r"^total \d").is_match(line) {
            slots[i] = Slot::Fold;
        } else if let Some(e) = &entries[i] {
            let outlier =
                e.kind == b'-' && sd > 0.0 && e.size.is_some_and(|s| (s - mean).abs() > 3.0 * sd);
            slots[i] = match e.kind {
                b'l' => Slot::Keep(Priority::Notable),
                _ if outlier => Slot::Keep(Priority::Notable),
                b'd' if e.name_is_dot || recursive => Slot::Fold,
                b'-' => Slot::Fold,
                _ => Slot::Keep(Priority::Ordinary),
            };
        } else if re!(r"^\S.*:$").is_match(line) {
            slots[i] = Slot::Keep(Priority::Summary);
        }
    }
    plan_from(lines, &slots, |s, e| {
        let files = entries[s..e]
            .iter()
            .flatten()
            .filter(|x| x.kind == b'-')
            .count();
        let dirs = entries[s..e]
            .iter()
            .flatten()
            .filter(|x| x.kind == b'd')
            .count();
        let mut parts = vec![];
        if files > 0 {
            parts.push(plural(files, "file", "files"));
        }
        if dirs > 0 {
            parts.push(plural(dirs, "dir entry", "dir entries"));
        }
        if parts.is_empty() {
            plural(e - s, "line", "lines")
        } else {
            parts.join(", ")
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::shell::{compress, detect, Format};
    use crate::Options;

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
    fn find_keeps_rare_types() {
        let mut t = String::new();
        for d in 0..3 {
            for f in 0..30 {
                t.push_str(&format!("pkg{d}/build/file{f}.js\n"));
            }
            t.push_str(&format!("pkg{d}/README.md\n"));
        }
        assert_eq!(detect(&t), Some(Format::Find));
        let out = run(&t);
        for d in 0..3 {
            assert!(out.contains(&format!("pkg{d}/README.md")), "{out}");
            assert!(out.contains(&format!("pkg{d}/build/file0.js")), "{out}");
        }
        assert!(out.contains("29 paths: 29 .js"), "{out}");
    }

    #[test]
    fn ls_keeps_headers_symlinks_and_outliers() {
        let mut t = String::from(".:\ntotal 80\ndrwxr-xr-x 3 u u 4096 Jan  1 10:00 .\ndrwxr-xr-x 3 u u 4096 Jan  1 10:00 ..\n");
        for i in 0..30 {
            t.push_str(&format!(
                "-rw-r--r-- 1 u u {} Jan  1 10:00 file{i}.txt\n",
                1000 + i
            ));
        }
        t.push_str("-rw-r--r-- 1 u u 98765432 Jan  1 10:00 huge.bin\nlrwxrwxrwx 1 u u 9 Jan  1 10:00 link -> file1.txt\n\n./sub:\ntotal 4\n-rw-r--r-- 1 u u 1001 Jan  1 10:00 a.txt\n");
        assert_eq!(detect(&t), Some(Format::Ls));
        let out = run(&t);
        for needle in [".:", "./sub:", "huge.bin", "link -> file1.txt"] {
            assert!(out.contains(needle), "{needle}: {out}");
        }
        assert!(!out.contains("file7.txt"), "{out}");
    }
}
