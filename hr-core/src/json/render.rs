//! Writing a parsed JSON document back out, compactly, and (in lossy mode) with what is not worth
//! reading folded away.
//!
//! The output is always valid JSON. Small values go on one line. A collection of objects (an
//! array of objects, or an object whose values are objects) whose items share their keys becomes
//! a table: its first element is a note naming the columns, and every item is a row, a JSON array
//! of its values in column order (`"~"` where the item lacks the key). In lossy mode long strings
//! are cut and collections keep only their first, last and outlying items (see `outliers`); every
//! cut is a marker string in place, giving the exact `hr expand … --items …` that fetches it.

use super::node::{unescape, Node};
use super::outliers;
use super::table::{table, Table, ABSENT};
use super::Top;
use crate::hash::FxHashSet;
use crate::marker::{count, items_target, json_marker, json_note, json_original, json_reference};
use std::collections::HashMap;

/// A value whose compact form fits in this many characters is written on one line.
const WIDTH: usize = 120;
/// In lossy mode, strings longer than this (in chars) are cut…
const LONG_STRING: usize = 600;
/// …to this many chars (more than a needle-sized prefix of 200)…
const KEEP_CHARS: usize = 240;
/// …or fewer by at most this many bytes, to end at a word's end.
const WORD_CUT: usize = 32;
/// Collections shorter than this are never folded (there is little to gain).
const MIN_FOLD: usize = 8;
/// Lists of scalars keep this many items at each end when folded.
const LIST_HEAD: usize = 5;
const LIST_TAIL: usize = 3;
/// Objects with only scalar values and at least this many members fold their middle (lossy)…
const MIN_SCALAR_MAP: usize = 40;
/// …and so do maps from names to strings (dependencies, scripts, version -> date) this large.
const MIN_STRING_MAP: usize = 12;
/// Strings sharing their first this many bytes with an earlier member's value are derived.
const DERIVED_PREFIX: usize = 30;
/// A run is folded only when it is longer than this (in compact chars, about 50 tokens)…
const MIN_FOLD_CHARS: usize = 200;
/// …and than this many times its marker, which grows with the pointer it names: a fold that
/// saves little more than its marker costs is a loss for the agent who reads both.
const FOLD_PAYS: usize = 6;
/// A marker's chars besides its pointer (`"[hr 1,234 members :120-1353]",` and indent).
const MARKER_CHARS: usize = 32;
/// Values repeated verbatim are written as a reference when longer than this (in compact chars)…
const MIN_REPEAT_CHARS: usize = 200;
/// …and not longer than this (big repeats are rare, and fingerprinting them costs time).
const MAX_REPEAT_CHARS: usize = 64 * 1024;

/// Lossless writes everything; lossy cuts long strings and folds all but the first, last and
/// (at most `max_outliers` per collection) outlying items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Lossless,
    Lossy { max_outliers: usize },
}

pub struct Renderer<'a> {
    out: String,
    hash: &'a str,
    lossy: bool,
    max_outliers: usize,
    /// Whether a marker has given the whole restore command (`hr expand HASH --items …`).
    restored: bool,
    /// Where the first note named the original (` · original: hr expand HASH`): said once, and
    /// taken out again when a marker gives the restore command after all.
    original_note: Option<std::ops::Range<usize>>,
    /// JSON Pointer of the value being written.
    ptr: String,
    /// Writing stops (leaving a truncated text) once the output is longer than this.
    limit: usize,
    /// A note for the first element of the next array written (what NDJSON became).
    note: Option<String>,
    /// Lossy mode: fingerprints of the big values written so far, with their pointers, so that
    /// a repeat (the same user object in every record) is written as a reference.
    seen: HashMap<u128, String>,
    /// Set while writing a record of a collection big enough for field statistics: its fields
    /// (through nested objects) are what rare values and outliers are made of, so none of them
    /// is folded away.
    keep_fields: bool,
}

/// Write `doc`. `top` says whether the input was values one after another (shown as one
/// array). Returns None as soon as the output grows beyond `limit` characters.
pub fn render(doc: &Node, top: Top, hash: &str, mode: Mode, limit: usize) -> Option<String> {
    let capacity = limit.min(1 << 20);
    let mut r = Renderer {
        out: String::with_capacity(capacity),
        hash,
        lossy: mode != Mode::Lossless,
        max_outliers: match mode {
            Mode::Lossy { max_outliers } => max_outliers,
            Mode::Lossless => usize::MAX,
        },
        restored: false,
        original_note: None,
        ptr: String::new(),
        limit,
        note: None,
        seen: HashMap::new(),
        keep_fields: false,
    };
    if let (Top::Lines | Top::Values, Node::Arr(items)) = (top, doc) {
        r.note = Some(if top == Top::Lines {
            format!(
                "NDJSON: {} lines shown as one JSON array, numbered from 0",
                count(items.len())
            )
        } else {
            format!(
                "{} JSON values shown as one JSON array, numbered from 0",
                count(items.len())
            )
        });
        if items.len() >= 2 && items.iter().all(Node::is_object) {
            let entries: Vec<(Option<&str>, &Node)> = items.iter().map(|x| (None, x)).collect();
            r.collection(&entries, false, 0);
        } else {
            r.list(items, 0);
        }
        r.out.push('\n');
    } else if let Node::Obj(map) = doc {
        // every top-level key stays visible: the top level is never a table nor folded; when it
        // is a map of records, their fields are kept whole as in any big collection
        r.keep_fields = map.len() >= outliers::MIN_STATS && map.iter().all(|(_, v)| v.is_object());
        r.object_members(map, 0, false);
        r.out.push('\n');
    } else {
        r.block(doc, 0);
        r.out.push('\n');
    }
    if let (true, Some(range)) = (r.restored, r.original_note.take()) {
        r.out.replace_range(range, "");
    }
    (r.out.len() <= limit).then_some(r.out)
}

#[derive(Clone, Copy)]
enum Piece {
    Item(usize),
    Fold(usize, usize),
}

/// Which items to write and which runs to fold, from a keep mask and the items' compact sizes
/// (`size(i, limit)`, capped at `limit`): a run not longer than `min_chars` is written.
fn pieces(keep: &[bool], min_chars: usize, size: impl Fn(usize, usize) -> usize) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < keep.len() {
        if keep[i] {
            out.push(Piece::Item(i));
            i += 1;
        } else {
            let start = i;
            let mut chars = 0usize;
            while i < keep.len() && !keep[i] {
                if chars <= min_chars {
                    chars += size(i, min_chars + 1);
                }
                i += 1;
            }
            if chars > min_chars {
                out.push(Piece::Fold(start, i - 1));
            } else {
                out.extend((start..i).map(Piece::Item));
            }
        }
    }
    out
}

impl<'a> Renderer<'a> {
    fn indent(&mut self, n: usize) {
        self.out.push('\n');
        for _ in 0..n {
            self.out.push(' ');
        }
    }

    /// Extends the pointer by a raw key; returns the length to truncate back to.
    fn push_ptr(&mut self, raw_key: &str) -> usize {
        let len = self.ptr.len();
        self.ptr.push('/');
        for c in unescape(raw_key).chars() {
            match c {
                '~' => self.ptr.push_str("~0"),
                '/' => self.ptr.push_str("~1"),
                _ => self.ptr.push(c),
            }
        }
        len
    }

    fn push_index(&mut self, i: usize) -> usize {
        let len = self.ptr.len();
        self.ptr.push('/');
        self.ptr.push_str(&i.to_string());
        len
    }

    /// Writes a container's pieces by `write`, a comma between each two; false when the output
    /// passed its limit first, and the caller stops writing too.
    fn write_pieces(&mut self, ps: &[Piece], mut write: impl FnMut(&mut Self, Piece)) -> bool {
        for (pi, &p) in ps.iter().enumerate() {
            if self.out.len() > self.limit {
                return false;
            }
            write(self, p);
            if pi + 1 < ps.len() {
                self.out.push(',');
            }
        }
        true
    }

    /// How long a run in the collection being written must be to be folded.
    fn min_fold_chars(&self) -> usize {
        MIN_FOLD_CHARS.max(FOLD_PAYS * (MARKER_CHARS + self.ptr.len()))
    }

    /// Whether this is the output's first marker (the one that gives the whole command).
    fn first_marker(&mut self) -> bool {
        !std::mem::replace(&mut self.restored, true)
    }

    fn marker(&mut self, what: &str, range: Option<(usize, usize)>) -> String {
        let first = self.first_marker();
        json_marker(what, self.hash, &items_target(&self.ptr, range), first)
    }

    /// A note as a JSON string. The first one names the original, unless a marker already did.
    fn note(&mut self, text: &str) {
        let named = !self.restored && self.original_note.is_none();
        let note = json_note(text, named.then_some(self.hash));
        self.string_raw(&note);
        if named {
            // the note's string ends with ` · original: hr expand HASH]"`
            let end = self.out.len() - 2;
            let start = end - json_original(self.hash).len();
            self.original_note = Some(start..end);
        }
    }

    /// Text of our own (a marker, a note) as a JSON string.
    fn string_raw(&mut self, s: &str) {
        // serializing a &str cannot fail
        self.out
            .push_str(&serde_json::to_string(s).unwrap_or_default());
    }

    /// A string of the input, from its raw text: verbatim, or cut in lossy mode.
    fn string(&mut self, raw: &str) {
        self.out.push('"');
        if self.lossy && raw.len() > LONG_STRING {
            // (a space is never inside an escape: a cut before one splits none)
            let cut = crate::lines::word_cut(raw, decoded_prefix(raw, KEEP_CHARS).0, WORD_CUT);
            let (_, kept) = decoded_prefix(&raw[..cut], usize::MAX);
            let (_, chars) = decoded_prefix(raw, usize::MAX);
            if chars > LONG_STRING {
                let what = format!("{} more chars", count(chars - kept));
                let m = self.marker(&what, None);
                self.out.push_str(&raw[..cut]);
                self.out.push_str("… ");
                let m = serde_json::to_string(&m).unwrap_or_default();
                self.out.push_str(&m[1..m.len() - 1]);
                self.out.push('"');
                return;
            }
        }
        self.out.push_str(raw);
        self.out.push('"');
    }

    fn key(&mut self, raw: &str) {
        self.out.push('"');
        self.out.push_str(raw);
        self.out.push('"');
    }

    fn scalar(&mut self, v: &Node) {
        match v {
            Node::Str(s) => self.string(s),
            Node::Num(n) => self.out.push_str(n),
            Node::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Node::Null => self.out.push_str("null"),
            _ => self.inline(v),
        }
    }

    /// The compact one-line form (long strings still cut in lossy mode).
    fn inline(&mut self, v: &Node) {
        match v {
            Node::Obj(map) => {
                self.out.push('{');
                for (i, (k, x)) in map.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.key(k);
                    self.out.push(':');
                    let len = self.push_ptr(k);
                    self.inline(x);
                    self.ptr.truncate(len);
                }
                self.out.push('}');
            }
            Node::Arr(items) => {
                self.out.push('[');
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    let len = self.push_index(i);
                    self.inline(x);
                    self.ptr.truncate(len);
                }
                self.out.push(']');
            }
            _ => self.scalar(v),
        }
    }

    /// A value in block context: the cursor is after `"key": ` (or at an item's indent).
    fn block(&mut self, v: &Node, indent: usize) {
        if fits(v, WIDTH.saturating_sub(indent)) {
            return self.inline(v);
        }
        if self.lossy && !fits(v, MIN_REPEAT_CHARS) && fits(v, MAX_REPEAT_CHARS) {
            let fp = v.fingerprint();
            if let Some(first) = self.seen.get(&fp) {
                let target = items_target(first, None);
                let first = self.first_marker();
                let m = json_reference(&target, self.hash, first);
                return self.string_raw(&m);
            }
            self.seen.insert(fp, self.ptr.clone());
        }
        match v {
            Node::Obj(map) => {
                if map.len() >= 3 && map.iter().all(|(_, x)| x.is_object()) {
                    let entries: Vec<(Option<&str>, &Node)> =
                        map.iter().map(|(k, x)| (Some(*k), x)).collect();
                    self.collection(&entries, true, indent);
                } else {
                    self.object_members(map, indent, self.lossy);
                }
            }
            Node::Arr(items) => {
                if items.len() >= 3 && items.iter().all(Node::is_object) {
                    let entries: Vec<(Option<&str>, &Node)> =
                        items.iter().map(|x| (None, x)).collect();
                    self.collection(&entries, false, indent);
                } else {
                    self.list(items, indent);
                }
            }
            _ => self.scalar(v),
        }
    }

    /// An object written one member per line. With `lossy`, runs of members that say little
    /// are folded: the middle of a big map (version -> date, name -> spec), and strings that
    /// start like an earlier member's value (the `*_url` families of REST APIs).
    fn object_members(&mut self, map: &[(&str, Node)], indent: usize, lossy: bool) {
        let n = map.len();
        let mut keep = vec![true; n];
        if lossy && !self.keep_fields {
            let scalar_map = n >= MIN_SCALAR_MAP && map.iter().all(|(_, v)| !v.is_container());
            let string_map = n >= MIN_STRING_MAP && map.iter().all(|(_, v)| v.is_string());
            if scalar_map || string_map {
                for (i, (k, v)) in map.iter().enumerate() {
                    keep[i] = i < LIST_HEAD
                        || i + LIST_TAIL >= n
                        || errorish_scalar(k)
                        || errorish_value(v);
                }
            } else if n >= MIN_STRING_MAP {
                let mut starts: Vec<&str> = Vec::new();
                for (i, (k, v)) in map.iter().enumerate() {
                    let Some(s) = v.as_str().filter(|s| {
                        s.len() >= DERIVED_PREFIX
                            && !errorish_scalar(k)
                            && !outliers::is_id_field(k)
                    }) else {
                        continue;
                    };
                    let start = &s.as_bytes()[..DERIVED_PREFIX];
                    if starts.iter().any(|p| p.as_bytes() == start) {
                        keep[i] = false;
                    } else if let Some(p) = s.get(..DERIVED_PREFIX) {
                        starts.push(p);
                    }
                }
            }
        }
        self.out.push('{');
        let ps = pieces(&keep, self.min_fold_chars(), |i, limit| {
            map[i].0.len() + 4 + compact_len(&map[i].1, limit)
        });
        let written = self.write_pieces(&ps, |r, p| {
            r.indent(indent + 2);
            match p {
                Piece::Item(i) => {
                    let (k, v) = &map[i];
                    r.key(k);
                    r.out.push_str(": ");
                    let len = r.push_ptr(k);
                    r.block(v, indent + 2);
                    r.ptr.truncate(len);
                }
                Piece::Fold(a, b) => {
                    let m = r.marker(&how_many(b - a + 1, "member"), Some((a, b)));
                    r.string_raw(&m);
                    r.out.push_str(": null");
                }
            }
        });
        if !written {
            return;
        }
        if !ps.is_empty() {
            self.indent(indent);
        }
        self.out.push('}');
    }

    /// A list that is not a collection of objects: scalars packed several to a line, other
    /// values one per line. Lossy mode folds its middle.
    fn list(&mut self, items: &[Node], indent: usize) {
        let n = items.len();
        let keep: Vec<bool> = if self.lossy && n >= MIN_FOLD {
            let mut reported = FxHashSet::default();
            items
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    i < LIST_HEAD
                        || i + LIST_TAIL >= n
                        || errorish_value(v)
                        || outliers::is_errorish(v)
                        || v.as_str().is_some_and(|s| first_report(s, &mut reported))
                })
                .collect()
        } else {
            vec![true; n]
        };
        self.out.push('[');
        let ps = pieces(&keep, self.min_fold_chars(), |i, limit| {
            compact_len(&items[i], limit) + 1
        });
        if let Some(note) = self.note.take() {
            self.indent(indent + 2);
            self.note(&note);
            if !ps.is_empty() {
                self.out.push(',');
            }
        }
        let mut line_len = usize::MAX; // force a new line first
        let written = self.write_pieces(&ps, |r, p| match p {
            Piece::Item(i) => {
                let v = &items[i];
                let len = r.push_index(i);
                if v.is_object() || v.is_array() || line_len > WIDTH {
                    r.indent(indent + 2);
                    line_len = indent + 2;
                }
                let start = r.out.len();
                if v.is_object() || v.is_array() {
                    // a list's items are not fields of the record holding it
                    let outer = std::mem::replace(&mut r.keep_fields, false);
                    r.block(v, indent + 2);
                    r.keep_fields = outer;
                    line_len = usize::MAX;
                } else {
                    r.scalar(v);
                    line_len = line_len.saturating_add(r.out.len() - start + 1);
                }
                r.ptr.truncate(len);
            }
            Piece::Fold(a, b) => {
                r.indent(indent + 2);
                let m = r.marker(&how_many(b - a + 1, "item"), Some((a, b)));
                r.string_raw(&m);
                line_len = usize::MAX;
            }
        });
        if !written {
            return;
        }
        self.indent(indent);
        self.out.push(']');
    }

    /// A collection of objects: a table when the items share their keys, else one item per
    /// line; in lossy mode only first, last and outlying items stay.
    fn collection(&mut self, entries: &[(Option<&str>, &Node)], keyed: bool, indent: usize) {
        let n = entries.len();
        let records: Vec<&Node> = entries.iter().map(|(_, v)| *v).collect();
        let outlying = if self.lossy && n >= MIN_FOLD {
            outliers::keep(&records)
        } else {
            vec![true; n]
        };
        // over budget, only the first outliers stay
        let mut keep = outlying.clone();
        let mut kept = 0;
        for k in keep.iter_mut().take(n.saturating_sub(1)).skip(1) {
            kept += usize::from(*k);
            *k &= kept <= self.max_outliers;
        }
        let folds = keep.iter().any(|k| !k);
        let table = table(&records);
        let (open, close) = if keyed { ('{', '}') } else { ('[', ']') };
        self.out.push(open);
        let ps = pieces(&keep, self.min_fold_chars(), |i, limit| {
            compact_len(entries[i].1, limit) + entries[i].0.map_or(1, |k| k.len() + 4)
        });
        let pre = self.note.take();
        if let (Some(note), None) = (&pre, &table) {
            self.indent(indent + 2);
            self.note(note);
            if !ps.is_empty() {
                self.out.push(',');
            }
        }
        if let Some(t) = &table {
            self.indent(indent + 2);
            let index = folds && !keyed;
            let mut cols: Vec<String> = Vec::new();
            if index {
                cols.push("#".into());
            }
            cols.extend(t.columns.iter().map(|c| c.to_string()));
            let mut note = pre.map(|p| p + " · ").unwrap_or_default();
            // the rows show how many there are; the note says only how to read them
            note += &format!(
                "table, {} [{}]",
                if keyed { "each value is" } else { "rows are" },
                cols.join(", ")
            );
            if index {
                note.push_str(" (# = index)");
            }
            if t.any_absent {
                note.push_str(&format!(" · \"{ABSENT}\" = absent"));
            }
            if !t.constants.is_empty() {
                let consts: Vec<String> = t
                    .constants
                    .iter()
                    .map(|(k, v)| format!("{k}={}", scalar_text(v)))
                    .collect();
                note.push_str(&format!(" · same in all: {}", consts.join(", ")));
            }
            self.note(&note);
            if keyed {
                self.out.push_str(": null");
            }
            if !ps.is_empty() {
                self.out.push(',');
            }
        }
        let written = self.write_pieces(&ps, |r, p| {
            r.indent(indent + 2);
            match p {
                Piece::Item(i) => {
                    let (key, v) = entries[i];
                    if let Some(k) = key {
                        r.key(k);
                        r.out.push_str(": ");
                    }
                    let len = match key {
                        Some(k) => r.push_ptr(k),
                        None => r.push_index(i),
                    };
                    match &table {
                        Some(t) => r.row(v, t, (folds && !keyed).then_some(i)),
                        None => {
                            let outer = r.keep_fields;
                            r.keep_fields = n >= outliers::MIN_STATS;
                            r.block(v, indent + 2);
                            r.keep_fields = outer;
                        }
                    }
                    r.ptr.truncate(len);
                }
                Piece::Fold(a, b) => {
                    let noun = if keyed { "member" } else { "item" };
                    let dropped = outlying[a..=b].iter().filter(|k| **k).count();
                    let mut what = how_many(b - a + 1, noun);
                    if dropped > 0 {
                        what += &format!(" ({} outliers, over budget)", count(dropped));
                    }
                    let m = r.marker(&what, Some((a, b)));
                    r.string_raw(&m);
                    if keyed {
                        r.out.push_str(": null");
                    }
                }
            }
        });
        if !written {
            return;
        }
        self.indent(indent);
        self.out.push(close);
    }

    fn row(&mut self, v: &Node, t: &Table, index: Option<usize>) {
        self.out.push('[');
        let mut first = true;
        if let Some(i) = index {
            self.out.push_str(&i.to_string());
            first = false;
        }
        for c in &t.columns {
            if !first {
                self.out.push(',');
            }
            first = false;
            match v.get(c) {
                Some(x) => {
                    let len = self.push_ptr(c);
                    self.inline(x);
                    self.ptr.truncate(len);
                }
                None => self.string_raw(ABSENT),
            }
        }
        self.out.push(']');
    }
}

/// `348 items`, `1 item`: what a fold stands for (its range is in its target).
fn how_many(n: usize, noun: &str) -> String {
    format!("{} {noun}{}", count(n), if n == 1 { "" } else { "s" })
}

fn errorish_scalar(s: &str) -> bool {
    s.len() <= 80 && outliers::error_words().is_match(s)
}

/// Whether `s` reports a failure as a log's line does (a CI job's log kept as a list of its
/// lines: `…Z ERROR worker[3] batch=42 failed: connection reset by peer`), and is the first
/// of its template (numbers, ids and paths masked) in the list: one example of each stays, as
/// the signal guard keeps one of each line-based output's (`guard.rs`).
fn first_report(s: &str, seen: &mut FxHashSet<u64>) -> bool {
    if s.len() > MAX_REPORT_CHARS || crate::logline::problem(s) != crate::logline::Problem::Reported {
        return false;
    }
    let mut masked = String::with_capacity(s.len());
    crate::mask::push_masked_words(s, &mut masked);
    seen.insert(crate::hash::of_text(&masked))
}

/// A string longer than this is a document, not a log's line.
const MAX_REPORT_CHARS: usize = 2048;

fn errorish_value(v: &Node) -> bool {
    v.as_str().is_some_and(errorish_scalar)
}

/// Whether the compact form of `v` is at most `limit` characters (an estimate: escapes are not
/// counted), without walking more of `v` than that.
pub fn fits(v: &Node, limit: usize) -> bool {
    compact_len(v, limit) <= limit
}

/// The estimated compact length of `v`, or something above `limit` once it is known to exceed it.
pub fn compact_len(v: &Node, limit: usize) -> usize {
    fn size(v: &Node, budget: &mut isize) {
        if *budget < 0 {
            return;
        }
        match v {
            Node::Null | Node::Bool(_) => *budget -= 5,
            Node::Num(n) => *budget -= n.len() as isize,
            Node::Str(s) => *budget -= s.len() as isize + 2,
            Node::Arr(a) => {
                *budget -= 2;
                for x in a {
                    size(x, budget);
                    *budget -= 1;
                    if *budget < 0 {
                        return;
                    }
                }
            }
            Node::Obj(m) => {
                *budget -= 2;
                for (k, x) in m {
                    *budget -= k.len() as isize + 4;
                    size(x, budget);
                    if *budget < 0 {
                        return;
                    }
                }
            }
        }
    }
    let mut budget = limit as isize;
    size(v, &mut budget);
    (limit as isize - budget) as usize
}

/// A scalar as it is written in JSON.
fn scalar_text(v: &Node) -> String {
    match v {
        Node::Str(s) => format!("\"{s}\""),
        Node::Num(n) => n.to_string(),
        Node::Bool(b) => b.to_string(),
        _ => "null".to_string(),
    }
}

/// The byte length of the raw string's first `n` decoded chars (escapes count as one, and so
/// does an escaped surrogate pair, which is never split), and how many chars that is (all of
/// them when the string is shorter).
fn decoded_prefix(raw: &str, n: usize) -> (usize, usize) {
    let b = raw.as_bytes();
    // `\uDXYY` at `i`, with X one of `seconds`: a high (8-b) or low (c-f) surrogate escape
    let surrogate = |i: usize, seconds: &[u8]| {
        b.get(i..i + 4).is_some_and(|e| {
            e[0] == b'\\' && e[1] == b'u' && e[2].eq_ignore_ascii_case(&b'd') && seconds.contains(&e[3])
        })
    };
    let (mut i, mut chars) = (0, 0);
    while i < b.len() && chars < n {
        i += match b[i] {
            b'\\' if surrogate(i, b"89abAB") && surrogate(i + 6, b"cdefCDEF") => 12,
            b'\\' if b.get(i + 1) == Some(&b'u') => 6,
            b'\\' => 2,
            c if c < 0x80 => 1,
            c if c >= 0xf0 => 4,
            c if c >= 0xe0 => 3,
            _ => 2,
        };
        chars += 1;
    }
    (i.min(b.len()), chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_escaped_surrogate_pair_is_one_char_and_never_split() {
        // `json.dumps` writes 🦋 as two escapes; Python and the agent see one char
        let raw = r"a\ud83e\udd8bb\u00e9";
        assert_eq!(decoded_prefix(raw, usize::MAX), (raw.len(), 4));
        assert_eq!(decoded_prefix(raw, 2), (13, 2));
        assert_eq!(decoded_prefix(raw, 1), (1, 1));
        // a lone high surrogate is one escape like any other, also before another escape
        assert_eq!(decoded_prefix(r"\ud83ex", 1), (6, 1));
        assert_eq!(decoded_prefix(r"\ud83e\n\u00e9", 1), (6, 1));
        assert_eq!(decoded_prefix(r"\ud83e\n\u00e9", 2), (8, 2));
    }
}
