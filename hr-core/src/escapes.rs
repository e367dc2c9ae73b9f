//! Terminal escape sequences in captured output: colours and cursor moves (ANSI CSI), window
//! titles and links (OSC), and the application commands CI agents stamp lines with (Buildkite's
//! `ESC _bk;t=1729032357206 BEL`). They say how a terminal should draw a line, not what the line
//! says, so lines are read without them; output keeps them, as every kept line is verbatim.
//!
//! A leaf, like `logline`: the sniffer and the compressors may all call it.

use crate::hash::{FxHashMap, FxHashSet, FxHasher};
use std::collections::hash_map::Entry;
use std::hash::Hasher;

pub(crate) const ESC: u8 = 0x1b;
const BEL: u8 = 0x07;

/// `text` without its escape sequences, line breaks kept (a sequence never runs past the end of
/// its line), or `None` when it holds none. Linear in the length of `text`.
pub fn strip(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let first = memchr::memchr(ESC, b)?;
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut i = first;
    while i < b.len() {
        let Some(at) = memchr::memchr(ESC, &b[i..]).map(|k| i + k) else {
            out.push_str(&text[i..]);
            break;
        };
        out.push_str(&text[i..at]);
        i = sequence_end(b, at);
    }
    Some(out)
}

/// Where the escape sequence that starts at `b[at]` (an ESC) ends: never past the end of its
/// line, and never inside a character (a byte that cannot belong to the sequence ends it).
pub(crate) fn sequence_end(b: &[u8], at: usize) -> usize {
    let skip = |mut i: usize, pred: fn(u8) -> bool| {
        while i < b.len() && pred(b[i]) {
            i += 1;
        }
        i
    };
    // the byte that ends a sequence, when it is one (a final byte of the range `finals`)
    let end_with = |i: usize, finals: std::ops::RangeInclusive<u8>| match b.get(i) {
        Some(c) if finals.contains(c) => i + 1,
        _ => i,
    };
    match b.get(at + 1) {
        // CSI: parameter and intermediate bytes, then one final byte (`ESC[1;32m`, `ESC[2K`)
        Some(b'[') => end_with(skip(at + 2, |c| (0x20..=0x3f).contains(&c)), 0x40..=0x7e),
        // OSC, DCS, SOS, PM, APC: a string up to BEL or ST (`ESC\`), within its line
        Some(b']' | b'P' | b'X' | b'^' | b'_') => {
            let i = skip(at + 2, |c| c != BEL && c != ESC && c != b'\n');
            match b.get(i) {
                Some(&BEL) => i + 1,
                Some(&ESC) if b.get(i + 1) == Some(&b'\\') => i + 2,
                _ => i,
            }
        }
        // intermediate bytes, then one final byte (`ESC(B`, `ESC=`, `ESC7`)
        Some(_) => end_with(skip(at + 1, |c| (0x20..=0x2f).contains(&c)), 0x30..=0x7e),
        None => at + 1,
    }
}

/// The lines (0-based) whose text, read without escapes, repeats a line above, but in colours
/// (its `ESC[…m` sequences) that text was not shown in above: a build run again with colour
/// on. Rules fold repeats by their text; these are the first of their colours, which a search
/// for the coloured line must find. Other escapes (cursor moves, CI timestamps) do not count.
/// `plain` is `raw` without escapes, line for line.
///
/// Texts and colours are held as hashes, a few words a line: this runs beside a whole
/// classification of a run's output, within the memory bound (`bound.rs`). (The log compressor
/// asks `line_colours` itself, and keeps a template's first line in new colours.)
pub fn recoloured_repeats(raw: &[&str], plain: &[&str]) -> Vec<usize> {
    let Some(colours) = line_colours(raw, plain) else {
        return Vec::new();
    };
    // each text seen (by its 64-bit hash: two texts that collided would read as one), with the
    // colours it was first shown in; the texts shown in other colours too, with those
    let mut first: FxHashMap<u64, u64> = FxHashMap::default();
    let mut more: FxHashSet<(u64, u64)> = FxHashSet::default();
    let mut out = Vec::new();
    for (i, (line, colours)) in plain.iter().zip(colours).enumerate() {
        let text = crate::hash::of_text(line.trim());
        match first.entry(text) {
            Entry::Vacant(e) => {
                e.insert(colours);
            }
            Entry::Occupied(e) => {
                if *e.get() != colours && more.insert((text, colours)) {
                    out.push(i);
                }
            }
        }
    }
    out
}

/// Each line's colours (its `ESC[…m` sequences hashed, 0 for none; a line of escapes alone, all
/// but a CI agent's stamps: see `sequences`), or `None` when every line
/// is in the same colours (a coloured log's every line, or none), and no repeat can be in
/// others. `plain` is `raw` without escapes, line for line: a line as long as its copy has
/// none to look for.
pub fn line_colours(raw: &[&str], plain: &[&str]) -> Option<Vec<u64>> {
    let colours: Vec<u64> = raw
        .iter()
        .zip(plain)
        .map(|(r, p)| match (r.len() == p.len(), p.trim().is_empty()) {
            (true, _) => 0,
            // a line of escapes alone says nothing but how the terminal is drawn: a screen a
            // dialog opens (`ESC[?1049h ESC[1;39r …`) is all the line shows
            (false, true) => sequences(r, true),
            (false, false) => sequences(r, false),
        })
        .collect();
    let first = *colours.first()?;
    colours.iter().any(|&c| c != first).then_some(colours)
}

/// The escape sequences of `line` that say how it reads, in order, hashed (0: none): its
/// colours (`ESC[…m`) and a charset switch (`ESC%G`, `ESC(B`), which a search for the line
/// holds too; the cursor's moves and erasures (`ESC[2K`) a redrawn progress line varies and
/// the modes set only when `all` are asked for; never the strings a CI agent stamps lines with
/// (Buildkite's `ESC_bk;t=…`), which differ from line to line.
fn sequences(line: &str, all: bool) -> u64 {
    let b = line.as_bytes();
    let mut h = FxHasher::default();
    let mut any = false;
    for at in memchr::memchr_iter(ESC, b) {
        let end = sequence_end(b, at);
        let (kind, last) = (b.get(at + 1), b[end - 1]);
        let colour = kind == Some(&b'[') && last == b'm';
        let charset = matches!(kind, Some(b'%' | b'(' | b')'));
        let string = matches!(kind, Some(b']' | b'P' | b'X' | b'^' | b'_'));
        if colour || charset || (all && !string && end > at + 1) {
            // (a cursor's move or a line's erasure, by its kind alone: a screen drawn a row at
            // a time, `ESC[12;1H ESC[K`, is one line again and again; a region or a mode set,
            // `ESC[1;39r`, says how the screen is drawn)
            let moves = kind == Some(&b'[') && b"ABCDEFGHKdf".contains(&last);
            h.write(if moves { &b[end - 1..end] } else { &b[at..end] });
            any = true;
        }
    }
    if any {
        h.finish() | 1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::{recoloured_repeats, strip};

    /// `recoloured_repeats` of `raw` and its copy without escapes.
    fn recoloured_in(raw: &[&str]) -> Vec<usize> {
        let plain: Vec<String> = raw.iter().map(|l| strip(l).unwrap_or(l.to_string())).collect();
        let plain: Vec<&str> = plain.iter().map(String::as_str).collect();
        recoloured_repeats(raw, &plain)
    }

    #[test]
    fn a_repeat_in_colours_not_shown_before_is_found_once() {
        let raw = [
            "[INFO] Scanning for projects...",
            "[INFO] Scanning for projects...",
            "[\x1b[1;34mINFO\x1b[m] Scanning for projects...",
            "[\x1b[1;34mINFO\x1b[m] Scanning for projects...",
            "[\x1b[1;31mINFO\x1b[m] Scanning for projects...",
            // a CI timestamp or a cursor move is no colour
            "\x1b_bk;t=1729032357206\x07[INFO] Scanning for projects...",
            "\x1b[2K[INFO] Scanning for projects...",
            // a charset switch a console put before it is part of how the line reads
            "\x1b%G[INFO] Scanning for projects...",
            // the first showing of a text in colour is no repeat
            "\x1b[1mBUILD SUCCESS\x1b[m",
        ];
        assert_eq!(recoloured_in(&raw), [2, 4, 7]);
    }

    #[test]
    fn a_recoloured_repeat_is_found_in_crlf_lines_and_lines_of_escapes_alone() {
        let raw = [
            "\x1b[1mBUILD SUCCESS\x1b[m\r",
            "BUILD SUCCESS\r",
            "\x1b[1mBUILD SUCCESS\x1b[m\r",
            "\r",
            "\x1b[0m\r",
            "\x1b[0m",
            // a cursor's move alone is all the line shows; a timestamp alone is an empty line
            "\x1b[2K",
            "\x1b[2K\r",
            "\x1b_bk;t=1729032357206\x07",
        ];
        assert_eq!(recoloured_in(&raw), [1, 4, 6]);
        // no colours at all: nothing is a repeat in new colours
        let raw = ["\x1b[2Ka", "a", "\x1b_bk;t=1\x07a"];
        let plain = ["a", "a", "a"];
        assert!(recoloured_repeats(&raw, &plain).is_empty());
    }

    #[test]
    fn colours_and_cursor_moves_go() {
        assert_eq!(
            strip("\x1b[32m2025-08-08 07:06:59.594 INFO     ready\x1b[0m").as_deref(),
            Some("2025-08-08 07:06:59.594 INFO     ready")
        );
        assert_eq!(strip("\x1b[1A\x1b[2Kabc\x1b[K").as_deref(), Some("abc"));
    }

    #[test]
    fn string_commands_go_to_their_terminator() {
        // Buildkite's timestamps (APC ended by BEL), a link (OSC ended by ST)
        assert_eq!(
            strip("\x1b_bk;t=1729032357206\x07~~~ Preparing\r").as_deref(),
            Some("~~~ Preparing\r")
        );
        assert_eq!(
            strip("see \x1b]8;;https://x.org\x1b\\here\x1b]8;;\x1b\\").as_deref(),
            Some("see here")
        );
    }

    #[test]
    fn short_sequences_and_broken_ones_never_cross_a_line() {
        assert_eq!(strip("\x1b(Bok\x1b=").as_deref(), Some("ok"));
        // an unterminated string command ends with its line; the next line is untouched
        assert_eq!(strip("a\x1b]0;title\nb\n").as_deref(), Some("a\nb\n"));
        assert_eq!(strip("a\x1b[\nb\x1b").as_deref(), Some("a\nb"));
        assert_eq!(strip("é\x1b[1mü\x1b[0m€").as_deref(), Some("éü€"));
    }

    #[test]
    fn a_sequence_ends_at_a_byte_that_cannot_belong_to_it() {
        // a character after ESC or inside CSI stays whole; a line break and a CR stay
        assert_eq!(strip("a\x1bé\n").as_deref(), Some("aé\n"));
        assert_eq!(strip("a\x1b[é\n").as_deref(), Some("aé\n"));
        assert_eq!(strip("a\x1b[\r\nb").as_deref(), Some("a\r\nb"));
        assert_eq!(strip("\x1b[12").as_deref(), Some(""));
    }

    #[test]
    fn one_long_line_of_escapes_is_stripped_in_linear_time() {
        // a progress bar saved by CI: one line, many sequences (quadratic work would take
        // minutes here; the test only checks the result, the bench measures time)
        let line = "\x1b[K downloading 12% ".repeat(200_000);
        assert_eq!(strip(&line).unwrap().len(), " downloading 12% ".len() * 200_000);
    }

    #[test]
    fn text_without_escapes_is_left_alone() {
        assert_eq!(strip("plain\ntext\n"), None);
    }
}
