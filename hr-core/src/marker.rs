//! The one place that decides how markers look.
//!
//! A marker stands exactly where lines were removed and says what and how much, and which lines:
//! `[hr 57 like above L3-59]`. The first marker of an output says instead, once, how to get them
//! back, the range written once as the command takes it (`[hr 57 like above · hr expand HASH
//! --lines 3-59]`); later markers cite only their range, since markers are read on every call
//! and the command is the same but for the range.
//! Line numbers are 1-based and inclusive, counted in the original input.

/// A run of original lines that a marker stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compressed {
    pub text: String,
    pub spans: Vec<Span>,
}

pub const PREFIX: &str = "[hr ";

/// Builds an output from verbatim lines and markers.
pub struct Writer<'a> {
    hash: &'a str,
    text: String,
    spans: Vec<Span>,
    eol: &'static str,
    hinted: bool,
    /// whether the last thing written was a marker (its line ending is ours, not the input's)
    last_was_marker: bool,
}

impl<'a> Writer<'a> {
    /// `crlf` makes markers end like the input's lines do.
    pub fn new(hash: &'a str, capacity: usize, crlf: bool) -> Self {
        Writer {
            hash,
            text: String::with_capacity(capacity),
            spans: Vec::new(),
            eol: if crlf { "\r\n" } else { "\n" },
            hinted: false,
            last_was_marker: false,
        }
    }

    /// A verbatim line of the input (without its `\n`; a `\r` stays part of it).
    pub fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
        self.last_was_marker = false;
    }

    /// A marker for original lines `start..=end` (1-based), described by `what`.
    pub fn fold(&mut self, start: usize, end: usize, what: &str) {
        let text = self.marker_text(start, end, what);
        self.text.push_str(&text);
        self.text.push_str(self.eol);
        self.last_was_marker = true;
    }

    /// A kept line cut short (line `n`, 1-based): its head, a marker for the `cut_chars`
    /// characters cut, and its tail when it has one (a progress meter's last frame), on the same
    /// line. `hr expand HASH --lines n` gives the whole line.
    pub fn cut_line(&mut self, n: usize, head: &str, cut_chars: usize, tail: &str) {
        let marker = self.marker_text(n, n, &cut_what(cut_chars));
        self.text.push_str(head);
        self.text.push_str(CUT_SIGN);
        self.text.push_str(&marker);
        if !tail.is_empty() {
            self.text.push_str(CUT_SIGN);
            self.text.push_str(tail);
        }
        self.text.push_str(self.eol);
        self.last_was_marker = tail.is_empty();
    }

    /// The marker text alone, for compressors that embed it in their own syntax (a comment, a
    /// JSON string). Records the span like `fold` does.
    pub fn marker_text(&mut self, start: usize, end: usize, what: &str) -> String {
        self.spans.push(Span { start, end });
        let restore = (!self.hinted).then_some(self.hash);
        self.hinted = true;
        marker_text(what, start, end, restore)
    }

    /// Finish; `trailing_newline` says whether the input's last line ended with `\n`.
    pub fn finish(mut self, trailing_newline: bool) -> Compressed {
        if !trailing_newline && self.text.ends_with('\n') {
            self.text.pop();
            if self.last_was_marker && self.eol == "\r\n" {
                // a marker's own CRLF ending: drop all of it (a kept line's `\r` is input)
                self.text.pop();
            }
        }
        Compressed {
            text: self.text,
            spans: self.spans,
        }
    }
}

/// `[hr WHAT LA-B]`, and with `restore` (on an output's first marker) how to get the lines
/// back, which names the range: `[hr WHAT · hr expand HASH --lines A-B]`. Also used by the
/// Python code compressor, which wraps it in the language's comment syntax.
pub fn marker_text(what: &str, start: usize, end: usize, restore: Option<&str>) -> String {
    let range = line_range(start, end);
    match restore {
        Some(hash) => {
            let what = named(what.strip_suffix(" ·").unwrap_or(what));
            format!("{PREFIX}{what} · hr expand {hash} --lines {range}]")
        }
        // a bare count with more said after it (`12 · 10:01 to 10:44`) is not beside its range
        None if said_after_count(what) => format!("{PREFIX}{} L{range}]", named(what)),
        None => format!("{PREFIX}{what} L{range}]"),
    }
}

/// What a fold of `n` plain lines says: the count alone (`[hr 57 L3-59]`), since the range
/// beside it already says they are lines, and every word of a marker is read on every call.
/// A fold that says more (`57 like above`, `57 lines, 2 errors`) names its unit.
pub fn plain_lines(n: usize) -> String {
    count(n)
}

/// What a fold of `n` lines says when `errors` of them are errors (`57 lines, 2 errors`): the
/// errors a run hides are counted, as they may repeat a shown message with other values.
pub fn lines_and_errors(n: usize, errors: usize) -> String {
    lines_counting(n, &[(errors, "error", "errors")])
}

/// What a fold of `n` lines says when it holds some of each thing `counts` names, with its
/// singular and plural (`57 lines, 2 errors, 7 stack traces`); the count alone when it holds
/// none of them.
pub fn lines_counting(n: usize, counts: &[(usize, &str, &str)]) -> String {
    let mut what = String::new();
    for &(k, one, many) in counts.iter().filter(|&&(k, _, _)| k > 0) {
        what.push_str(", ");
        what.push_str(&crate::plan::plural(k, one, many));
    }
    if what.is_empty() {
        plain_lines(n)
    } else {
        format!("{}{what}", crate::plan::plural(n, "line", "lines"))
    }
}

/// The lines (1-based, inclusive) that a marker line stands for, read back from either form of
/// its range (`LA-B]`, or `--lines A-B]` on the first): for tests that check markers.
#[cfg(test)]
pub(crate) fn span_of(line: &str) -> Option<(usize, usize)> {
    let c = crate::re::re!(r"^\[hr .*(?: L| --lines )(\d+)(?:-(\d+))?\]\r?$").captures(line)?;
    let a: usize = c[1].parse().ok()?;
    Some((a, c.get(2).map_or(a, |m| m.as_str().parse().unwrap())))
}

/// `what` with the noun of a bare count said (`12 · 10:01 to 10:44` → `12 lines · 10:01 to
/// 10:44`): on a first marker no `L` range says that the count is of lines, and on a later
/// one the range is not beside a count that more words follow.
fn named(what: &str) -> String {
    match count_noun(what) {
        Some((n, noun)) => format!("{n} {noun}{}", &what[n.len()..]),
        None => what.to_string(),
    }
}

/// The bare count that `what` starts with (all of it, or up to a ` · `) and its noun.
fn count_noun(what: &str) -> Option<(&str, &'static str)> {
    let n = &what[..what.find(" · ").unwrap_or(what.len())];
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return None;
    }
    Some((n, if n == "1" { "line" } else { "lines" }))
}

/// Whether `what` is a bare count that more words follow: a later marker names its noun too.
fn said_after_count(what: &str) -> bool {
    count_noun(what).is_some_and(|(n, _)| n.len() < what.len())
}

/// `A-B`, or `A` for one line: the range as `--lines` takes it.
pub fn line_range(start: usize, end: usize) -> String {
    if start == end {
        start.to_string()
    } else {
        format!("{start}-{end}")
    }
}

/// The characters of the marker `marker_text(what, start, end, None)` writes, its line end
/// included, without writing it: what every compressor weighs a fold's lines against.
pub fn marker_chars(what: &str, start: usize, end: usize) -> usize {
    let digits = |n: usize| n.checked_ilog10().unwrap_or(0) as usize + 1;
    let range = digits(start) + if start == end { 0 } else { 1 + digits(end) };
    let noun = match count_noun(what) {
        Some((_, noun)) if said_after_count(what) => 1 + noun.len(),
        _ => 0,
    };
    PREFIX.len() + what.len() + noun + " L".len() + range + "]\n".len()
}

/// What stands between a cut line's head and its marker.
pub const CUT_SIGN: &str = " … ";

/// What a cut line's marker says: `86,012 more chars`.
pub fn cut_what(rest_chars: usize) -> String {
    format!("{} more chars", count(rest_chars))
}

/// `1204` -> `1,204`: counts in markers are read by people and models alike.
pub fn count(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A marker for part of a JSON document (folded items, a cut string), written inside the JSON
/// as a string so the output stays valid: `[hr 348 items /packages:41-388]`. It ends with the
/// `--items` argument that fetches its part (`target`, see `items_target`); the first of an
/// output gives the whole command instead, once, so later ones cost only their count and target.
pub fn json_marker(what: &str, hash: &str, target: &str, first: bool) -> String {
    if first {
        format!("{PREFIX}{what} · hr expand {hash} --items {target}]")
    } else {
        format!("{PREFIX}{what} {target}]")
    }
}

/// A JSON value written as a reference to an equal one above: `[hr same as /0/user]`. The
/// pointer of the first copy is itself the `--items` argument that fetches this value.
pub fn json_reference(target: &str, hash: &str, first: bool) -> String {
    if first {
        format!("{PREFIX}same as {target} · hr expand {hash} --items {target}]")
    } else {
        format!("{PREFIX}same as {target}]")
    }
}

/// A short note in a JSON output that removes nothing (e.g. a table's column header). The first
/// note or marker of an output names the original, since even a lossless rewrite changes bytes.
pub fn json_note(text: &str, original: Option<&str>) -> String {
    let original = original.map(json_original).unwrap_or_default();
    format!("{PREFIX}{text}{original}]")
}

/// How a note names the original: ` · original: hr expand HASH`.
pub fn json_original(hash: &str) -> String {
    format!(" · original: hr expand {hash}")
}

/// The `--items` argument for items `start..=end` (0-based, as JSON indexes) of the collection at
/// JSON Pointer `pointer` (`""` = the top level): `41-388`, `/packages:41-388`, or the pointer
/// alone for one value. Quoted for the shell when the pointer needs it.
pub fn items_target(pointer: &str, range: Option<(usize, usize)>) -> String {
    let range = range.map(|(a, b)| {
        if a == b {
            a.to_string()
        } else {
            format!("{a}-{b}")
        }
    });
    let t = match (pointer.is_empty(), range) {
        (true, Some(r)) => r,
        (false, Some(r)) => format!("{pointer}:{r}"),
        (_, None) => pointer.to_string(),
    };
    let safe = |c: char| c.is_ascii_alphanumeric() || "_@%+=:,./~-".contains(c);
    if !t.is_empty() && t.chars().all(safe) {
        t
    } else {
        format!("'{}'", t.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fold_of_one_line_says_line() {
        assert_eq!(lines_counting(1, &[(1, "error", "errors")]), "1 line, 1 error");
        assert_eq!(lines_counting(1_204, &[(2, "error", "errors"), (0, "stack trace", "stack traces")]), "1,204 lines, 2 errors");
    }

    #[test]
    fn first_marker_says_how_to_restore_once() {
        let mut w = Writer::new("0123456789ab", 64, false);
        w.line("a");
        w.fold(2, 9, "8 like above");
        w.fold(11, 11, "1");
        w.fold(12, 13, "2");
        let c = w.finish(true);
        assert_eq!(
            c.text,
            "a\n[hr 8 like above · hr expand 0123456789ab --lines 2-9]\n[hr 1 L11]\n[hr 2 L12-13]\n"
        );
        assert_eq!(
            c.spans,
            vec![
                Span { start: 2, end: 9 },
                Span { start: 11, end: 11 },
                Span { start: 12, end: 13 }
            ]
        );
    }

    #[test]
    fn a_first_marker_of_plain_lines_names_them() {
        assert_eq!(
            marker_text(&plain_lines(1), 4, 4, Some("h")),
            "[hr 1 line · hr expand h --lines 4]"
        );
        assert_eq!(
            marker_text(&plain_lines(1_204), 4, 1207, Some("h")),
            "[hr 1,204 lines · hr expand h --lines 4-1207]"
        );
        assert_eq!(
            marker_text(&plain_lines(1_204), 4, 1207, None),
            "[hr 1,204 L4-1207]"
        );
        assert_eq!(
            marker_text("12 like above", 4, 15, Some("h")),
            "[hr 12 like above · hr expand h --lines 4-15]"
        );
        assert_eq!(
            marker_text("", 4, 15, Some("h")),
            "[hr  · hr expand h --lines 4-15]"
        );
        assert_eq!(
            marker_text("198 · 10:00:01 to 10:01:39", 3, 200, Some("h")),
            "[hr 198 lines · 10:00:01 to 10:01:39 · hr expand h --lines 3-200]"
        );
        // on a later marker too, a count that more words follow is not beside its range
        assert_eq!(
            marker_text("198 · 10:00:01 to 10:01:39", 3, 200, None),
            "[hr 198 lines · 10:00:01 to 10:01:39 L3-200]"
        );
        assert_eq!(
            marker_text("1 · at 10:00:01", 3, 3, None),
            "[hr 1 line · at 10:00:01 L3]"
        );
        // a description that ends in a pointer's separator (`12 frames as in L4-15 ·`) needs it
        // before a later marker's range only
        assert_eq!(
            marker_text("12 frames as in L4-15 ·", 19, 30, Some("h")),
            "[hr 12 frames as in L4-15 · hr expand h --lines 19-30]"
        );
        assert_eq!(
            marker_text("12 frames as in L4-15 ·", 19, 30, None),
            "[hr 12 frames as in L4-15 · L19-30]"
        );
    }

    #[test]
    fn the_test_parser_reads_both_forms_of_range() {
        assert_eq!(
            span_of("[hr 12 like above · hr expand h --lines 4-15]"),
            Some((4, 15))
        );
        assert_eq!(span_of("[hr 1 L11]"), Some((11, 11)));
        assert_eq!(span_of("[hr 2 lines, 1 error L3-4]"), Some((3, 4)));
        assert_eq!(span_of("a line"), None);
    }

    #[test]
    fn a_kept_last_line_keeps_its_carriage_return() {
        let mut w = Writer::new("h", 8, true);
        w.fold(1, 3, "3");
        w.line("final line\r");
        assert!(w.finish(false).text.ends_with("]\r\nfinal line\r"));
        let mut w = Writer::new("h", 8, true);
        w.line("a\r");
        w.fold(2, 3, "2");
        assert!(w
            .finish(false)
            .text
            .ends_with("[hr 2 lines · hr expand h --lines 2-3]"));
    }

    #[test]
    fn no_final_newline_is_kept() {
        let mut w = Writer::new("h", 8, false);
        w.line("a");
        assert_eq!(w.finish(false).text, "a");
    }

    #[test]
    fn marker_chars_is_the_length_of_the_marker_line() {
        for (what, start, end) in [
            ("12 lines", 3, 14),
            ("1 line", 7, 7),
            ("x", 999, 1000),
            ("", 1, 1_234_567),
            ("12", 3, 14),
            ("198 · 10:00:01 to 10:01:39", 3, 200),
            ("1 · at 10:00:01", 3, 3),
            ("12 frames as in L4-15 ·", 19, 30),
        ] {
            assert_eq!(
                marker_chars(what, start, end),
                marker_text(what, start, end, None).len() + 1
            );
        }
    }

    #[test]
    fn json_markers_name_their_command() {
        assert_eq!(items_target("", Some((41, 388))), "41-388");
        assert_eq!(items_target("/files", Some((3, 3))), "/files:3");
        assert_eq!(items_target("/a b/it's", None), "'/a b/it'\\''s'");
        assert_eq!(
            json_marker("348 items", "0123456789ab", "41-388", true),
            "[hr 348 items · hr expand 0123456789ab --items 41-388]"
        );
        assert_eq!(
            json_marker("3 members", "h", "/a:2-4", false),
            "[hr 3 members /a:2-4]"
        );
        assert_eq!(
            json_reference("/0/user", "h", true),
            "[hr same as /0/user · hr expand h --items /0/user]"
        );
        assert_eq!(json_reference("'/a b'", "h", false), "[hr same as '/a b']");
    }

    #[test]
    fn counts_have_separators() {
        assert_eq!(count(7), "7");
        assert_eq!(count(1204), "1,204");
        assert_eq!(count(1234567), "1,234,567");
    }
}
