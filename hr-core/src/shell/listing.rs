//! Listings: `find` (one path a line), `ls -l` / `ls -la` / `ls -laR`, `du` and `tree`.
//!
//! An agent lists a directory to learn the names, so every name stays. What folds is what the
//! names repeat around them: the directory part of a `find` or `du` path, the permission, owner
//! and group columns of `ls` (said once per directory block, an entry that differs is
//! annotated), the drawing of `tree`. A run of entries is restated under one short marker, its
//! names written as lines after it (names are content, not marker; what hr says about them is
//! marker): `[hr 38 entries: files -rw-r--r-- root root, dirs drwxr-xr-x root root (marked /),
//! … L5-42]`, then `a.conf apt/ …`. What stands out stays verbatim: `ls` directory headers;
//! symlinks (with their target), other special files and sizes beyond 3 sigma, each on a line
//! of its own inside the run; `du` directory totals; `tree` directories. A `find` path of a rare
//! file type (an extension held by at most 5% of the paths) is named in full, and leads the line
//! of its directory (`pkg/README.md index.js util.js`).

use std::collections::HashMap;

use crate::marker::{count, marker_chars};
use crate::plan::{Plan, Priority};
use crate::re::re;
use crate::shell::plural;

/// Share of the listed paths at or below which a file type counts as rare.
const RARE_SHARE: f64 = 0.05;
/// Marks a `by_dir` entry named in full (a path of a rare type), not under its directory.
const FULL: &str = "\0";
/// Runs of fewer entries stay verbatim: a marker would cost what it saves.
const MIN_RUN: usize = 3;
/// Under a budget, restated names go before what ties them together: `ls` directory headers,
/// `du` directory totals, `tree` directories (and lines that stand out, kept alone).
const NAMES: Priority = Priority::Summary;
const STRUCTURE: Priority = Priority::Notable;

/// Per line: kept verbatim with a priority, or a member of a run said again in fewer words, under
/// its own short name. Runs only join entries of one group (one depth of a `tree`); `line`
/// starts a new line of the restatement (a new directory).
/// `Inline` is a line that stands out (a symlink with its target, a size beyond 3 sigma): it
/// stays verbatim, on a line of its own inside the run around it.
enum Slot {
    Keep(Priority),
    Inline,
    Entry {
        group: usize,
        name: String,
        line: bool,
    },
}

fn entry(group: usize, name: String) -> Slot {
    Slot::Entry {
        group,
        name,
        line: false,
    }
}

/// How a restated run begins: the marker's words (`12 paths`, with what the entries share for
/// `ls`: words of hr's belong in the marker, never on a line that could pass for the input's),
/// and what leads the first line of names (`tree`'s drawing).
struct Head {
    what: String,
    lead: String,
}

fn head(what: String) -> Head {
    Head {
        what,
        lead: String::new(),
    }
}

/// Turn slots into a plan: each run of `MIN_RUN` or more entries is restated under one marker,
/// begun as `head(start, end)` (0-based `start..end`) says. The names follow, `sep`
/// between them: a space where names are single words (quoted by `shown` when they are not), a
/// comma where an entry is several (`du`'s `12K a.js`). A run whose restatement would not be
/// clearly shorter than its lines stays verbatim. `room` is how many characters of names (and of
/// the lines that stand out among them) the restatements may spend in all (a budget's share):
/// past it, the marker counts what is left. Under a budget a restatement ranks as `NAMES`.
fn plan_entries(
    lines: &[&str],
    slots: Vec<Slot>,
    sep: &str,
    mut room: usize,
    mut head: impl FnMut(usize, usize) -> Head,
) -> Plan {
    let mut plan = Plan::default();
    let n = slots.len();
    let mut i = 0;
    while i < n {
        let mut j = i;
        if let Slot::Entry { group, .. } = slots[i] {
            while j < n
                && match slots[j] {
                    Slot::Inline => true,
                    Slot::Entry { group: g, .. } => g == group,
                    Slot::Keep(_) => false,
                }
            {
                j += 1;
            }
            // a run ends on a name
            while matches!(slots[j - 1], Slot::Inline) {
                j -= 1;
            }
        }
        let names = slots[i..j]
            .iter()
            .filter(|s| matches!(s, Slot::Entry { .. }))
            .count();
        if names >= MIN_RUN {
            let Head { mut what, lead } = head(i, j);
            let mut body: Vec<String> = Vec::new();
            let mut current = lead;
            let mut fresh = true;
            let mut shown = 0;
            let mut left_out = 0;
            for (k, slot) in slots[i..j].iter().enumerate() {
                let Slot::Entry { name, line, .. } = slot else {
                    // a line that stands out stays whole, on its own line
                    if room <= lines[i + k].len() {
                        left_out += 1;
                        continue;
                    }
                    room -= lines[i + k].len() + 1;
                    if !fresh {
                        body.push(std::mem::take(&mut current));
                        fresh = true;
                    }
                    body.push(lines[i + k].to_string());
                    continue;
                };
                if room < name.len() + sep.len() {
                    continue;
                }
                room -= name.len() + sep.len();
                shown += 1;
                if *line && !fresh {
                    body.push(std::mem::take(&mut current));
                    fresh = true;
                }
                if !fresh {
                    current.push_str(sep);
                }
                current.push_str(name);
                fresh = false;
            }
            if !fresh {
                body.push(current);
            }
            if shown < names {
                what.push_str(&format!(", {} not named", count(names - shown)));
            }
            if left_out > 0 {
                let other = plural(left_out, "other line", "other lines");
                what.push_str(&format!(", {other} not shown"));
            }
            let said: usize = body.iter().map(|l| l.len() + 1).sum::<usize>() + marker_chars(&what, i + 1, j);
            let original: usize = lines[i..j].iter().map(|l| l.len() + 1).sum();
            if said < original * 9 / 10 {
                plan.restate(i + 1, j, what, body, NAMES);
                i = j;
                continue;
            }
        }
        // a short run, a run not worth restating, or a kept line
        let end = j.max(i + 1);
        for (k, slot) in slots[i..end].iter().enumerate() {
            let p = match slot {
                Slot::Keep(p) => *p,
                Slot::Inline => STRUCTURE,
                Slot::Entry { .. } => Priority::Ordinary,
            };
            plan.keep(i + k + 1, p);
        }
        i = end;
    }
    plan
}

/// A name as a marker lists it: quoted when a space (or a quote) would make it read as two.
fn shown(name: &str) -> String {
    if name.is_empty() || name.contains(|c: char| c.is_whitespace() || c == '"') {
        format!("{name:?}")
    } else {
        name.to_string()
    }
}

/// Entries for `(dir, name)` pairs: where the directory changes, a new line says it
/// (`dir/ name`). With `nest` (names that are paths, as `find` lists them), a subdirectory of the
/// line's directory is named relative to it (`pkg/ LICENSE build/index.js build/index.d.ts`)
/// where that is shorter than a line of its own (and the line that says the directory again
/// after it).
fn by_dir(parts: &[(&str, String)], nest: bool) -> Vec<Slot> {
    let mut out = Vec::with_capacity(parts.len());
    let mut last: Option<&str> = None;
    let mut k = 0;
    while k < parts.len() {
        let (dir, rest) = (parts[k].0, &parts[k].1);
        if let Some(full) = rest.strip_prefix(FULL) {
            // a path named in full leads its directory's line: the names after it share it
            out.push(Slot::Entry {
                group: 0,
                name: full.to_string(),
                line: true,
            });
            last = Some(dir);
        } else if last == Some(dir) {
            out.push(entry(0, rest.clone()));
        } else if let Some(sub) = last
            .filter(|_| nest)
            .and_then(|l| subdir(l, dir))
            .filter(|sub| shown(sub) == *sub)
        {
            let n = parts[k..]
                .iter()
                .take_while(|(d, r)| *d == dir && !r.starts_with(FULL))
                .count();
            let line = last.unwrap();
            let back = parts.get(k + n).is_some_and(|(d, _)| *d == line);
            let own = dir.len() + 2 + if back { line.len() + 2 } else { 0 };
            if (sub.len() + 1) * n < own {
                for (_, r) in &parts[k..k + n] {
                    out.push(entry(0, format!("{sub}/{r}")));
                }
                k += n;
                continue;
            }
            out.push(dir_line(dir, rest));
            last = Some(dir);
        } else {
            out.push(dir_line(dir, rest));
            last = Some(dir);
        }
        k += 1;
    }
    out
}

/// `dir`'s part below `parent` (`build/lib` of `pkg/build/lib` under `pkg`).
fn subdir<'a>(parent: &str, dir: &'a str) -> Option<&'a str> {
    dir.strip_prefix(parent)?
        .strip_prefix('/')
        .filter(|s| !parent.is_empty() && !s.is_empty())
}

/// The first entry of a directory's line: `dir/ name`.
fn dir_line(dir: &str, rest: &str) -> Slot {
    Slot::Entry {
        group: 0,
        name: if dir.is_empty() {
            rest.to_string()
        } else {
            format!("{}/ {rest}", shown(dir))
        },
        line: true,
    }
}

/// A line that names one path, as `find` or `git ls-files` prints it (a name may hold spaces);
/// not a table's row whose last column is a path (see `columns_before_path`).
pub(crate) fn is_path(line: &str) -> bool {
    !line.is_empty()
        && line.len() < 4096
        && line.contains('/')
        && !columns_before_path(line)
        && re!(r"^[^\s:][^:\t]*$").is_match(line)
}

/// Whether `line` holds columns beside a path: aligned by a run of spaces before its first `/`
/// (`md5sum`'s `d41d8cd9…  docs/a.md`), or words before a path that starts after one of them
/// (bpftrace's `84 13701 perl 3 /dev/urandom`, `find -printf '%s %p'`'s `0 ./a/b.txt`, a
/// command line's `/usr/bin/python3 /srv/app/w.py`). A folder below the first may hold two
/// spaces (`Music/Now  That's Music 12/01.mp3`), but a name seldom ends with one.
fn columns_before_path(line: &str) -> bool {
    let head = &line[..line.find('/').unwrap_or(line.len())];
    line.contains(" /") || head.contains("  ") || head.rsplit_once(' ').is_some_and(|(_, start)| matches!(start, "." | ".." | "~"))
}

fn split_dir(path: &str) -> (&str, &str) {
    match path.rsplit_once('/') {
        Some((d, n)) => (d, n),
        None => ("", path),
    }
}

fn extension(path: &str) -> &str {
    let name = split_dir(path).1;
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext,
        _ => "",
    }
}

/// Entries that stand out by size: beyond 3 standard deviations from the mean of `sizes`.
fn size_outliers(sizes: &[(usize, f64)]) -> Vec<usize> {
    let n = sizes.len() as f64;
    if sizes.len() < 3 {
        return vec![];
    }
    let mean = sizes.iter().map(|s| s.1).sum::<f64>() / n;
    let sd = (sizes.iter().map(|s| (s.1 - mean).powi(2)).sum::<f64>() / n).sqrt();
    sizes
        .iter()
        .filter(|s| sd > 0.0 && (s.1 - mean).abs() > 3.0 * sd)
        .map(|s| s.0)
        .collect()
}

fn paths_head(n: usize) -> String {
    format!("{} {}", count(n), if n == 1 { "path" } else { "paths" })
}

/// The directory a path is listed under: the deepest one it shares with a neighbour
/// (`src/a/x.py` next to `src/a/y.py` is under `src/a`; `src/m1/index.ts` next to
/// `src/m2/index.ts` under `src`), so that a run of paths says each directory once.
fn shared_dir<'a>(path: &'a str, neighbours: [Option<&str>; 2]) -> &'a str {
    let mut best = 0;
    for n in neighbours.into_iter().flatten() {
        let common = common_dir(path, n);
        best = best.max(common);
    }
    if best == 0 {
        split_dir(path).0
    } else {
        &path[..best]
    }
}

/// Length of the directory prefix (without its last `/`) that `a` and `b` share.
fn common_dir(a: &str, b: &str) -> usize {
    let mut last = 0;
    for ((i, x), y) in a.char_indices().zip(b.chars()) {
        if x != y {
            break;
        }
        if x == '/' {
            last = i;
        }
    }
    last
}

pub(crate) fn plan_find(lines: &[&str], room: usize) -> Plan {
    let paths = lines.iter().filter(|l| is_path(l)).count().max(1) as f64;
    let mut by_ext: HashMap<&str, usize> = HashMap::new();
    for l in lines.iter().filter(|l| is_path(l)) {
        *by_ext.entry(extension(l)).or_default() += 1;
    }
    let path_at = |i: usize| lines.get(i).copied().filter(|l| is_path(l));
    let mut slots = Vec::with_capacity(lines.len());
    let mut run: Vec<(&str, String)> = vec![];
    for (i, l) in lines.iter().enumerate() {
        // the first path stays as it is: the listing reads as what it is
        if !is_path(l) || slots.is_empty() && run.is_empty() {
            slots.extend(by_dir(&run, true));
            run.clear();
            slots.push(Slot::Keep(Priority::Ordinary));
            continue;
        }
        if by_ext[extension(l)] as f64 / paths <= RARE_SHARE {
            // a path of a rare type is named in full, so that it reads on its own
            run.push((split_dir(l).0, format!("{FULL}{}", shown(l))));
        } else {
            let dir = shared_dir(l, [i.checked_sub(1).and_then(path_at), path_at(i + 1)]);
            let rest = l[dir.len()..].trim_start_matches('/');
            run.push((dir, shown(rest)));
        }
    }
    slots.extend(by_dir(&run, true));
    plan_entries(lines, slots, " ", room, |s, e| head(paths_head(e - s)))
}

/// One `ls -l` entry.
struct Entry<'a> {
    /// the type and permission column, `-rw-r--r--`
    mode: &'a str,
    owner: &'a str,
    group: &'a str,
    size: Option<f64>,
    /// the size as `ls` printed it (`12345`, or `12K` with `-h`)
    size_text: &'a str,
    date: String,
    name: &'a str,
}

pub(crate) fn is_ls_line(line: &str) -> bool {
    re!(r"^[-dlcbps][rwxsStT-]{9}[.+@]?\s+\d+\s").is_match(line)
}

/// The header of a directory's entries in `ls -lR`: `/etc/dhcp:`, `./sub:`.
pub(crate) fn is_ls_dir(line: &str) -> bool {
    re!(r"^\S.*:$").is_match(line)
}

fn parse_ls(line: &str) -> Option<Entry<'_>> {
    let c = re!(r"^([-dlcbps][rwxsStT-]{9}[.+@]?)\s+\d+\s+(\S+)\s+(\S+)\s+(\d+(?:,\s*\d+)?|\d+(?:\.\d+)?[KMGTPE]?)\s+(\S+\s+\S+\s+\S+)\s(.*)$")
        .captures(line)?;
    Some(Entry {
        mode: c.get(1)?.as_str(),
        owner: c.get(2)?.as_str(),
        group: c.get(3)?.as_str(),
        // `ls -lh` sizes (`4.0K`) read like `du`'s; a device's `major, minor` is no size
        size: Some(c.get(4)?.as_str())
            .filter(|t| !t.contains(','))
            .map(du_size),
        size_text: c.get(4)?.as_str(),
        date: c
            .get(5)?
            .as_str()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        name: c.get(6)?.as_str(),
    })
}

/// The attributes most entries of one kind share: `-rw-r--r-- root root`.
fn usual(entries: &[&Entry], kind: u8) -> Option<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for e in entries.iter().filter(|e| e.mode.as_bytes()[0] == kind) {
        *counts.entry(attrs(e)).or_default() += 1;
    }
    // the most common; ties go to the smaller string so that output is deterministic
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|c| c.0)
}

fn attrs(e: &Entry) -> String {
    format!("{} {} {}", e.mode, e.owner, e.group)
}

pub(crate) fn plan_ls(lines: &[&str], room: usize) -> Plan {
    let entries: Vec<Option<Entry>> = lines.iter().map(|l| parse_ls(l)).collect();
    let sizes: Vec<(usize, f64)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let e = e.as_ref()?;
            (e.mode.starts_with('-')).then_some((i, e.size?))
        })
        .collect();
    let outliers = size_outliers(&sizes);
    // what is usual is decided per directory block (`ls -laR` lists several)
    let mut usual_at: Vec<(Option<String>, Option<String>)> = vec![(None, None); lines.len()];
    let mut block_at = vec![0..0; lines.len()];
    let mut start = 0;
    for end in 0..=lines.len() {
        if end == lines.len() || (end > start && is_ls_dir(lines[end])) {
            let block: Vec<&Entry> = entries[start..end].iter().flatten().collect();
            let u = (usual(&block, b'-'), usual(&block, b'd'));
            for slot in &mut usual_at[start..end] {
                *slot = u.clone();
            }
            block_at[start..end].fill(start..end);
            start = end;
        }
    }
    // the entries restated by name: files and directories, but for sizes that stand out
    let named = |i: usize| {
        entries[i]
            .as_ref()
            .filter(|e| matches!(e.mode.as_bytes()[0], b'-' | b'd') && !outliers.contains(&i))
    };
    let mut slots = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let slot = match (named(i), &entries[i]) {
            (Some(e), _) => {
                let (files, dirs) = &usual_at[i];
                let dir = e.mode.starts_with('d');
                let usual = if dir { dirs } else { files };
                let mark = if dir { "/" } else { "" };
                if usual.as_deref() == Some(attrs(e).as_str()) {
                    entry(0, format!("{}{mark}", shown(e.name)))
                } else {
                    entry(0, format!("{}{mark} ({})", shown(e.name), attrs(e)))
                }
            }
            // symlinks (with their target), devices, sockets, pipes, outlying sizes
            (None, Some(_)) => Slot::Inline,
            (None, None) if re!(r"^\S.*:$").is_match(line) => Slot::Keep(STRUCTURE),
            (None, None) => Slot::Keep(Priority::Ordinary),
        };
        slots.push(slot);
    }
    // the columns a block's names share are said once, before its first restated run
    let mut said: Option<usize> = None;
    plan_entries(lines, slots, " ", room, |s, e| {
        let names = (s..e).filter(|&i| named(i).is_some()).count();
        let what = plural(names, "entry", "entries");
        let block = block_at[s].clone();
        if said == Some(block.start) {
            return head(format!("{what}, columns as above"));
        }
        said = Some(block.start);
        let regular: Vec<&Entry> = block.filter_map(named).collect();
        let (files, dirs) = &usual_at[s];
        let mut shared = vec![];
        let has = |k: u8| regular.iter().any(|x| x.mode.as_bytes()[0] == k);
        if let (Some(f), true) = (files, has(b'-')) {
            shared.push(format!("files {f}"));
        }
        if let (Some(d), true) = (dirs, has(b'd')) {
            shared.push(format!("dirs {d} (marked /)"));
        }
        let mut sizes: Vec<&&Entry> = regular
            .iter()
            .filter(|x| x.mode.starts_with('-') && x.size.is_some())
            .collect();
        sizes.sort_by(|a, b| {
            a.size
                .partial_cmp(&b.size)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        if let (Some(lo), Some(hi)) = (sizes.first(), sizes.last()) {
            shared.push(format!("file sizes {}-{}", lo.size_text, hi.size_text));
        }
        let first = &regular[0].date;
        if regular.iter().all(|x| &x.date == first) {
            shared.push(format!("dated {first}"));
        } else {
            shared.push("dates vary".to_string());
        }
        head(format!("{what}: {}", shared.join(", ")))
    })
}

/// `du` lines: a size, a tab, a path (one tab: TSV records such as Zeek's have more fields).
pub(crate) fn is_du_line(line: &str) -> bool {
    re!(r"^\d+(\.\d+)?[KMGTPE]?\t[^\t]+$").is_match(line)
}

fn du_size(s: &str) -> f64 {
    let (num, unit) = match s.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((k, _)) => (&s[..k], &s[k..]),
        None => (s, ""),
    };
    let scale = match unit {
        "K" => 1024f64,
        "M" => 1024f64.powi(2),
        "G" => 1024f64.powi(3),
        "T" => 1024f64.powi(4),
        "P" | "E" => 1024f64.powi(5),
        _ => 1.0,
    };
    num.parse::<f64>().unwrap_or(0.0) * scale
}

pub(crate) fn plan_du(lines: &[&str], room: usize) -> Plan {
    let parsed: Vec<Option<(&str, &str)>> = lines
        .iter()
        .map(|l| l.split_once('\t').filter(|_| is_du_line(l)))
        .collect();
    let sizes: Vec<(usize, f64)> = parsed
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.map(|(s, _)| (i, du_size(s))))
        .collect();
    let outliers = size_outliers(&sizes);
    let mut slots = Vec::with_capacity(lines.len());
    let mut run: Vec<(&str, String)> = vec![];
    for (i, p) in parsed.iter().enumerate() {
        // a directory's total follows its contents: `12K\tlib/a.js` then `40K\tlib`
        let total = p.is_some_and(|(_, path)| {
            i > 0 && parsed[i - 1].is_some_and(|(_, prev)| prev.starts_with(&format!("{path}/")))
        });
        match p {
            Some((size, path)) if !total && !outliers.contains(&i) => {
                let (dir, name) = split_dir(path);
                run.push((dir, format!("{size} {}", shown(name))));
            }
            _ => {
                slots.extend(by_dir(&run, false));
                run.clear();
                slots.push(Slot::Keep(if p.is_some() {
                    STRUCTURE
                } else {
                    Priority::Ordinary
                }));
            }
        }
    }
    slots.extend(by_dir(&run, false));
    plan_entries(lines, slots, ", ", room, |s, e| head(paths_head(e - s)))
}

/// `tree` drawing: `├── name`, `│   └── name` (or the ASCII `|--`, `` `-- ``).
fn tree_entry(line: &str) -> Option<(usize, &str)> {
    // tree pads with no-break spaces in a UTF-8 locale; `npm ls` draws two columns a depth and
    // `─┬` for an entry with children (only depths relative to each other matter)
    let c = re!(concat!(
        r"^((?:(?:│|\|)[ \x{a0}]{3}|[ \x{a0}]{4}|│ |  )*)",
        r"(?:├──|└──|├─┬|└─┬|\|--|`--)[ \x{a0}](.*)$"
    ))
    .captures(line)?;
    Some((c.get(1)?.as_str().chars().count(), c.get(2)?.as_str()))
}

pub(crate) fn is_tree_line(line: &str) -> bool {
    tree_entry(line).is_some()
}

pub(crate) fn plan_tree(lines: &[&str], room: usize) -> Plan {
    let entries: Vec<Option<(usize, &str)>> = lines.iter().map(|l| tree_entry(l)).collect();
    let slots = entries
        .iter()
        .enumerate()
        .map(|(i, e)| match e {
            // a directory (the next entry is deeper) stays
            Some((depth, name))
                if !entries
                    .get(i + 1)
                    .and_then(|n| *n)
                    .is_some_and(|(d, _)| d > *depth) =>
            {
                entry(*depth, shown(name))
            }
            _ => Slot::Keep(STRUCTURE),
        })
        .collect();
    plan_entries(lines, slots, " ", room, |s, e| {
        // the names read at their depth: the first one's drawing leads them
        let name = entries[s].map_or("", |(_, name)| name);
        Head {
            what: plural(e - s, "entry", "entries"),
            lead: lines[s][..lines[s].len() - name.len()].to_string(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::is_ls_dir;
    use crate::re::re;
    use crate::shell::testutil::{run, run_within};
    use crate::shell::{detect, Format};

    #[test]
    fn a_budget_names_what_fits_and_counts_the_rest() {
        let t: String = (0..3000)
            .map(|i| format!("src/module_{i:04}/index.ts\n"))
            .collect();
        let out = run_within(&t, Some(20_000));
        assert!(out.len() <= 20_000, "{}", out.len());
        assert!(
            out.starts_with("src/module_0000/index.ts\n[hr 2,999 paths, "),
            "{out}"
        );
        assert!(
            out.contains("]\nsrc/ module_0001/index.ts module_0002/index.ts"),
            "{out}"
        );
        assert!(
            re!(r", [\d,]+ not named · hr expand h --lines 2-3000\]").is_match(&out),
            "{out}"
        );
    }

    #[test]
    fn tree_keeps_every_name() {
        let mut t = String::from(".\n");
        for d in 0..3 {
            t.push_str(&format!("├── pkg{d}\n│\u{a0}\u{a0} └── src\n"));
            for f in 0..15 {
                t.push_str(&format!("│\u{a0}\u{a0}     ├── part_{f}.rs\n"));
            }
        }
        t.push_str("\n7 directories, 45 files\n");
        assert_eq!(detect(&t), Some(Format::Tree));
        let out = run(&t);
        for f in 0..15 {
            assert!(out.contains(&format!("part_{f}.rs")), "{out}");
        }
        assert!(
            out.contains("├── pkg2") && out.contains("7 directories, 45 files"),
            "{out}"
        );
        // the names of one depth follow their marker, led by the first one's drawing
        assert!(
            out.contains("[hr 15 entries L21-35]\n│\u{a0}\u{a0}     ├── part_0.rs part_1.rs"),
            "{out}"
        );
    }

    #[test]
    fn an_npm_ls_tree_keeps_every_package() {
        let mut t = String::from("app@1.0.0 /srv/app\n├─┬ express@5.3.0\n");
        for i in 0..20 {
            t.push_str(&format!("│ ├── dep-{i}@1.{i}.0 deduped\n"));
        }
        t.push_str("│ └─┬ router@2.3.0\n│   └── path-to-regexp@8.3.0\n└── left-pad@1.3.0\n");
        assert_eq!(detect(&t), Some(Format::Tree));
        let out = run(&t);
        for i in 0..20 {
            assert!(out.contains(&format!("dep-{i}@1.{i}.0")), "{out}");
        }
        for name in ["├─┬ express@5.3.0", "router@2.3.0", "path-to-regexp@8.3.0", "└── left-pad@1.3.0"] {
            assert!(out.contains(name), "{name}: {out}");
        }
    }

    #[test]
    fn ls_of_small_directories_is_a_listing_whatever_its_headers_and_totals() {
        // `ls -lR --full-time /etc`: a header and a total for every few entries, and a time on
        // every entry that reads like a log's
        let t = "/etc/dbus-1/session.d:\ntotal 0\n/etc/dbus-1/system.d:\ntotal 20\n\
-rw-r--r-- 1 root root  792 2022-12-12 21:04:11.000000000 +0000 com.redhat.NewPrinterNotification.conf\n\
-rw-r--r-- 1 root root  662 2022-12-16 21:39:48.000000000 +0000 com.ubuntu.SoftwareProperties.conf\n\
-rw-r--r-- 1 root root 1331 2026-04-21 14:49:31.000000000 +0000 org.freedesktop.PackageKit.conf\n\
/etc/debuginfod:\ntotal 0\n/etc/default:\ntotal 40\n\
-rw-r--r-- 1 root root  219 2023-04-19 11:51:49.000000000 +0000 avahi-daemon\n\
-rw------- 1 root root  384 2023-12-03 12:04:00.000000000 +0000 cacerts\n\
-rw-r--r-- 1 root root  297 2023-09-16 10:03:58.000000000 +0000 dbus\n\
-rw-r--r-- 1 root root   81 2024-11-21 20:01:54.000000000 +0000 hwclock\n\
/etc/dhcp:\ntotal 4\n/etc/dhcp/dhclient-exit-hooks.d:\ntotal 4\n\
-rw-r--r-- 1 root root 1388 2025-05-29 17:04:02.000000000 +0000 timesyncd\n";
        assert_eq!(detect(t), Some(Format::Ls));
        assert_eq!(crate::sniff::sniff(t.as_bytes()), crate::sniff::Kind::Shell);
        let out = run(t);
        for l in t.lines().filter(|l| is_ls_dir(l)) {
            assert!(out.contains(l), "{l}: {out}");
        }
    }

    #[test]
    fn ls_keeps_every_name_headers_symlinks_and_outliers() {
        let mut t = String::from(".:\ntotal 80\ndrwxr-xr-x 3 u u 4096 Jan  1 10:00 .\ndrwxr-xr-x 3 u u 4096 Jan  1 10:00 ..\n");
        for i in 0..30 {
            t.push_str(&format!(
                "-rw-r--r-- 1 u u {} Jan  1 10:00 file{i}.txt\n",
                1000 + i
            ));
        }
        t.push_str("-rwsr-xr-x 1 root u 1003 Jan  1 10:00 setuid-tool\n-rw-r--r-- 1 u u 98765432 Jan  1 10:00 huge.bin\nlrwxrwxrwx 1 u u 9 Jan  1 10:00 link -> file1.txt\n\n./sub:\ntotal 4\n-rw-r--r-- 1 u u 1001 Jan  1 10:00 a.txt\n");
        assert_eq!(detect(&t), Some(Format::Ls));
        let out = run(&t);
        for needle in [
            ".:",
            "./sub:",
            "98765432 Jan  1 10:00 huge.bin",
            "link -> file1.txt",
            "a.txt",
        ] {
            assert!(out.contains(needle), "{needle}: {out}");
        }
        for i in 0..30 {
            assert!(out.contains(&format!("file{i}.txt")), "{out}");
        }
        assert!(out.contains("files -rw-r--r-- u u"), "{out}");
        // the symlink, the set-uid file and the outlier stand inside the one run of `.`
        assert!(
            out.contains("\n-rw-r--r-- 1 u u 98765432 Jan  1 10:00 huge.bin\nlrwxrwxrwx 1 u u 9 Jan  1 10:00 link -> file1.txt\n"),
            "{out}"
        );
        assert_eq!(out.matches("[hr ").count(), 1, "{out}");
        assert!(out.contains("setuid-tool (-rwsr-xr-x root u)"), "{out}");
        assert!(!out.contains("1003 Jan"), "{out}");
    }

    #[test]
    fn ls_h_sizes_fold_and_stand_out_as_printed() {
        let mut t = String::from("total 9.1M\n");
        for i in 0..30 {
            t.push_str(&format!(
                "-rw-r--r-- 1 u u {}.{}K Jan  1 10:00 f{i}.txt\n",
                1 + i % 9,
                i % 10
            ));
        }
        t.push_str("-rw-r--r-- 1 u u 9.0M Jan  1 10:00 big.bin\n");
        assert_eq!(detect(&t), Some(Format::Ls));
        let out = run(&t);
        assert!(
            out.contains(
                "[hr 30 entries: files -rw-r--r-- u u, file sizes 1.0K-9.8K, dated Jan 1 10:00 · hr expand h --lines 2-31]"
            ) && out.contains("]\nf0.txt f1.txt"),
            "{out}"
        );
        assert!(
            out.contains("-rw-r--r-- 1 u u 9.0M Jan  1 10:00 big.bin"),
            "{out}"
        );
    }

    #[test]
    fn lines_that_repeat_a_few_paths_are_no_listing() {
        // status lines read as paths (`HTTP/` and a name), a handful said again and again
        let t: String = (0..200).map(|i| format!("HTTP/1.1 {}\n", ["200 OK", "404 NOT FOUND", "301 MOVED PERMANENTLY"][i % 3])).collect();
        assert_eq!(detect(&t), None);
        // a listing names each path once
        let t: String = (0..200).map(|i| format!("src/module_{i:04}/index.ts\n")).collect();
        assert_eq!(detect(&t), Some(Format::Find));
        // a name may hold a space, a folder's two; a table whose last column is a path
        // (bpftrace's opensnoop, `md5sum`, `find -printf '%s %p'`) is no listing, its columns
        // aligned or not
        for name in ["./My Documents/report", "Music/Now  That's Music 12/track"] {
            let t: String = (0..200).map(|i| format!("{name} {i}.txt\n")).collect();
            assert_eq!(detect(&t), Some(Format::Find), "{t}");
        }
        for row in ["84    13701    perl     3 /usr/lib/perl5/M", "84 13701 perl 3 /usr/lib/perl5/M", "d41d8cd98f00b204e9800998ecf8427e  docs/M", "4096 ./docs/M", "/usr/bin/python3 /srv/app/worker"] {
            let t: String = (0..200).map(|i| format!("{row}{i}.pm\n")).collect();
            assert_eq!(detect(&t), None, "{t}");
        }
    }

    #[test]
    fn find_names_every_path_and_rare_types_in_full() {
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
            assert!(out.contains(&format!("pkg{d}/build/ file")), "{out}");
        }
        // one marker, then a line per directory
        assert!(
            out.starts_with("pkg0/build/file0.js\n[hr 92 paths · hr expand h --lines 2-93]\npkg0/build/ file1.js file2.js"),
            "{out}"
        );
        assert!(
            out.contains("\npkg1/build/ file0.js file1.js")
                && out.contains("file29.js\npkg1/README.md\n"),
            "{out}"
        );
        assert_eq!(out.matches("[hr ").count(), 1, "{out}");
    }

    #[test]
    fn a_rare_path_leads_the_line_of_its_directory_and_a_small_subdirectory_joins_it() {
        let mut t = String::new();
        for d in 0..3 {
            t.push_str(&format!(
                "pkg{d}/README.md\npkg{d}/index.js\npkg{d}/util.js\npkg{d}/lib/a.js\npkg{d}/lib/b.js\n"
            ));
            for f in 0..20 {
                t.push_str(&format!("pkg{d}/build/file{f}.js\n"));
            }
        }
        let out = run(&t);
        // the first path stays as it is
        assert!(out.contains("]\npkg0/ index.js util.js lib/a.js lib/b.js\n"), "{out}");
        for d in 1..3 {
            // named in full, then the names of its directory on the same line; a subdirectory of
            // two names is cheaper named relative to it, one of twenty on a line of its own
            assert!(
                out.contains(&format!(
                    "\npkg{d}/README.md index.js util.js lib/a.js lib/b.js\npkg{d}/build/ file0.js file1.js"
                )),
                "{out}"
            );
        }
        assert!(!out.contains("pkg1/ index.js") && !out.contains("build/file1.js"), "{out}");
    }

    #[test]
    fn find_says_a_shared_directory_once_even_one_file_deep() {
        let t: String = (0..50)
            .map(|i| format!("src/module_{i:04}/index.ts\n"))
            .collect();
        let out = run(&t);
        assert!(
            out.contains("src/ module_0001/index.ts module_0002/index.ts"),
            "{out}"
        );
        assert!(out.len() < t.len(), "{out}");
    }

    #[test]
    fn du_keeps_sizes_names_and_totals() {
        let mut t = String::new();
        for f in 0..20 {
            t.push_str(&format!("4.0K\tlib/rules/r{f}.js\n"));
        }
        t.push_str("80K\tlib/rules\n900M\tlib/blob.bin\n1.1G\tlib\n");
        assert_eq!(detect(&t), Some(Format::Du));
        let out = run(&t);
        assert!(out.contains("lib/rules/ 4.0K r0.js, 4.0K r1.js"), "{out}");
        for kept in ["80K\tlib/rules", "900M\tlib/blob.bin", "1.1G\tlib"] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
    }

    #[test]
    fn a_crlf_listing_restates_names_without_the_carriage_return() {
        let mut t = String::from("total 80\r\n");
        for i in 0..30 {
            t.push_str(&format!(
                "-rw-r--r-- 1 u u 100{i} Jan  1 10:00 file{i}.txt\r\n"
            ));
        }
        t.push_str("lrwxrwxrwx 1 u u 9 Jan  1 10:00 link -> file1.txt\r\n-rw-r--r-- 1 u u 1003 Jan  1 10:00 last.txt\r\n");
        let out = run(&t);
        assert!(
            out.contains("\r\nfile0.txt file1.txt file2.txt "),
            "{out:?}"
        );
        assert!(
            out.contains("\r\nlrwxrwxrwx 1 u u 9 Jan  1 10:00 link -> file1.txt\r\nlast.txt\r\n"),
            "{out:?}"
        );
        assert!(!out.contains("\r\r") && !out.contains('"'), "{out:?}");
    }
}
