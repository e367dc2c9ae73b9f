//! Terminal escape sequences in captured output: colours and cursor moves (ANSI CSI), window
//! titles and links (OSC), and the application commands CI agents stamp lines with (Buildkite's
//! `ESC _bk;t=1729032357206 BEL`). They say how a terminal should draw a line, not what the line
//! says, so lines are read without them; output keeps them, as every kept line is verbatim.
//!
//! A leaf, like `logline`: the sniffer and the compressors may all call it.

const ESC: u8 = 0x1b;
const BEL: u8 = 0x07;

/// `text` without its escape sequences, line breaks kept (a sequence never runs past the end of
/// its line), or `None` when it holds none.
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

/// Where the escape sequence that starts at `b[at]` (an ESC) ends. Every byte that delimits one
/// is ASCII, so the ends fall on character boundaries.
fn sequence_end(b: &[u8], at: usize) -> usize {
    let line_end = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |k| at + k);
    let skip = |mut i: usize, pred: fn(u8) -> bool| {
        while i < line_end && pred(b[i]) {
            i += 1;
        }
        i
    };
    match b.get(at + 1).filter(|_| at + 1 < line_end) {
        None => at + 1,
        // CSI: parameter and intermediate bytes, then one final byte (`ESC[1;32m`, `ESC[2K`)
        Some(b'[') => (skip(at + 2, |c| (0x20..=0x3f).contains(&c)) + 1).min(line_end),
        // OSC, DCS, SOS, PM, APC: a string up to BEL or ST (`ESC\`)
        Some(b']' | b'P' | b'X' | b'^' | b'_') => {
            let i = skip(at + 2, |c| c != BEL && c != ESC);
            match b.get(i) {
                Some(&BEL) => i + 1,
                Some(&ESC) if b.get(i + 1) == Some(&b'\\') => i + 2,
                _ => i,
            }
        }
        // intermediate bytes, then one final byte (`ESC(B`, `ESC=`, `ESC7`)
        Some(_) => (skip(at + 1, |c| (0x20..=0x2f).contains(&c)) + 1).min(line_end),
    }
}

#[cfg(test)]
mod tests {
    use super::strip;

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
    fn text_without_escapes_is_left_alone() {
        assert_eq!(strip("plain\ntext\n"), None);
    }
}
