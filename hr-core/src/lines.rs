//! Splitting text into lines without losing a byte: `\r` stays part of its line, and whether the
//! last line ended with `\n` is remembered, so kept lines are always verbatim.

pub struct Lines<'a> {
    pub lines: Vec<&'a str>,
    pub trailing_newline: bool,
}

pub fn split(text: &str) -> Lines<'_> {
    Lines {
        lines: iter(text).collect(),
        trailing_newline: text.ends_with('\n'),
    }
}

/// The lines of `plain`, `original` with its terminal escapes stripped, as many as `original`
/// has: stripping keeps every `\n`, but a last line of escapes alone with no newline after it
/// (a colour reset) strips to nothing, and `plain` then ends at the newline before it.
pub fn split_stripped<'a>(plain: &'a str, original: &str) -> Lines<'a> {
    let mut lines = split(plain);
    if !original.is_empty() && !original.ends_with('\n') && (plain.is_empty() || lines.trailing_newline) {
        lines.lines.push("");
        lines.trailing_newline = false;
    }
    lines
}

/// Bytes `split_scanning` reads at once: both its searches read a block while the cache holds it.
const BLOCK: usize = 64 << 10;

/// Bytes of text from which `split_scanning` reads its second half on another core.
const TWO_HALVES_FROM: usize = 4 << 20;

/// `split`, and whether `text` holds an ESC byte (a terminal's escape), read in one pass a block
/// at a time: on 100 MB of log, the newlines counted, an escape looked for and the lines split
/// in a pass over all of it each took 46 ms, this one 25 ms; a large text's second half is read
/// on another core meanwhile. `None` once `text` holds more than `most` newlines: their lines
/// are not held past the block where their count passes it.
pub fn split_scanning(text: &str, most: usize) -> Option<(Lines<'_>, bool)> {
    if text.is_empty() {
        return Some((Lines { lines: Vec::new(), trailing_newline: false }, false));
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    let trailing_newline = body.len() < text.len();
    let most = most.checked_sub(usize::from(trailing_newline))?;
    // (halves that meet at a newline, the first one's last line ending there)
    let middle = (body.len() >= TWO_HALVES_FROM)
        .then(|| memchr::memchr(b'\n', &body.as_bytes()[body.len() / 2..]).map(|at| body.len() / 2 + at))
        .flatten();
    let (lines, escaped) = match middle {
        Some(at) => std::thread::scope(|s| {
            let Ok(second) = std::thread::Builder::new().spawn_scoped(s, || scan(&body[at + 1..], most)) else {
                return scan(body, most);
            };
            let first = scan(&body[..at], most);
            let ((mut lines, escaped), (rest, escaped_later)) = (first?, second.join().ok().flatten()?);
            lines.extend_from_slice(&rest);
            Some((lines, escaped || escaped_later))
        })?,
        None => scan(body, most)?,
    };
    // (its newlines, those between its lines)
    (lines.len() - 1 <= most).then_some((Lines { lines, trailing_newline }, escaped))
}

/// `body.split('\n')`, and whether `body` holds an ESC byte, read a block at a time; `None` once
/// it holds more than `most` newlines.
fn scan(body: &str, most: usize) -> Option<(Vec<&str>, bool)> {
    let mut lines = Vec::new();
    let (mut escaped, mut from) = (false, 0);
    for (k, block) in body.as_bytes().chunks(BLOCK).enumerate() {
        escaped |= memchr::memchr(0x1b, block).is_some();
        for end in memchr::memchr_iter(b'\n', block) {
            let end = k * BLOCK + end;
            lines.push(&body[from..end]);
            from = end + 1;
        }
        if lines.len() > most {
            return None;
        }
    }
    lines.push(&body[from..]);
    Some((lines, escaped))
}

/// The lines `split` would give, one at a time: for passes over large inputs that need no
/// random access (a `Vec` of lines costs 16 bytes a line, 1.6 GB for 100 MB of empty lines).
pub fn iter(text: &str) -> impl Iterator<Item = &str> {
    // `body.split('\n')`, with memchr's SIMD search: std's char search is a word at a time,
    // and every compressor splits its whole input
    let body = text.strip_suffix('\n').unwrap_or(text);
    let mut ends = memchr::memchr_iter(b'\n', body.as_bytes());
    let mut start = (!text.is_empty()).then_some(0);
    std::iter::from_fn(move || {
        let from = start?;
        match ends.next() {
            Some(end) => {
                start = Some(end + 1);
                Some(&body[from..end])
            }
            None => {
                start = None;
                Some(&body[from..])
            }
        }
    })
}

/// Byte offset of `line` (a slice of `text`, as `iter` and `split` give) within `text`.
pub fn offset(text: &str, line: &str) -> usize {
    let at = line.as_ptr() as usize - text.as_ptr() as usize;
    debug_assert!(at + line.len() <= text.len());
    at
}

/// The first `n` bytes (or fewer) of `text`, cut at a character boundary.
pub fn prefix_str(text: &str, n: usize) -> &str {
    if text.len() <= n {
        return text;
    }
    let mut end = n;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Where to cut `text` at or before byte `end` (a character boundary) so that no word is cut in
/// two: at the last word's end among the `within` bytes before `end` (before a space or a tab,
/// or after a `,` `;` `:` `=` that ends a field or a key, so that `status=ERROR:` stays when
/// the value after it runs on), or at `end` when none ends there (a blob, a minified line). A
/// word cut in two reads as another word (a version `3.2.2-3.1ubun`, a path that does not
/// exist), however plainly a marker follows it.
pub fn word_cut(text: &str, end: usize, within: usize) -> usize {
    let b = text.as_bytes();
    let blank = |c: u8| c == b' ' || c == b'\t';
    let separator = |c: u8| matches!(c, b',' | b';' | b':' | b'=');
    if end >= b.len() || end == 0 || blank(b[end]) || blank(b[end - 1]) || separator(b[end - 1]) {
        return end;
    }
    let from = end.saturating_sub(within);
    // (a space, a tab and a separator are characters of their own: a cut beside one is a
    // character boundary)
    match b[from..end].iter().rposition(|&c| blank(c) || separator(c)).map(|k| from + k) {
        // before the blanks that run up to it, as far back as the window reaches
        Some(at) if blank(b[at]) => b[from..at].iter().rposition(|&c| !blank(c)).map_or(at, |w| from + w + 1),
        Some(at) => at + 1,
        None => end,
    }
}

/// The last `n` bytes (or fewer) of `text`, cut at a character boundary.
pub fn suffix_str(text: &str, n: usize) -> &str {
    let mut start = text.len().saturating_sub(n);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_ends_at_a_word_where_one_ends_near_it() {
        let text = "Install: libc6:amd64 (2.27-3ubuntu1), libarchive13:amd64 (3.2.2-3.1ubuntu0.6)";
        let at = text.find("3.1ubun").unwrap() + "3.1ubun".len();
        // the version cut in two is left out whole, and the space before it
        assert_eq!(&text[..word_cut(text, at, 16)], "Install: libc6:amd64 (2.27-3ubuntu1), libarchive13:amd64");
        // no word ends near enough: the cut stays where it was asked
        assert_eq!(word_cut(text, at, 4), at);
        // a cut at a word's end, before a space or after one, or at the end, cuts no word
        let end = text.find(" (2.27").unwrap();
        assert_eq!(word_cut(text, end, 16), end);
        assert_eq!(word_cut(text, end + 1, 16), end + 1);
        assert_eq!(word_cut(text, text.len(), 16), text.len());
        // a blob with no space is cut where asked; blanks are left out as far as the window
        // reaches back, never further
        assert_eq!(word_cut(&"x".repeat(100), 50, 16), 50);
        assert_eq!(word_cut("   xxxxxxxx", 8, 16), 2);
        let padded = format!("ERROR x{}tailword", " ".repeat(100));
        assert_eq!(word_cut(&padded, padded.len() - 4, 16), padded.len() - "tailword".len() - 1);
        // a key and its separator stay when its value runs on past the cut
        let field = format!("k1 k2 status=ERROR:{}", "x".repeat(100));
        assert_eq!(&field[..word_cut(&field, 40, 32)], "k1 k2 status=ERROR:");
        // words in other scripts end at a character boundary
        let greek = "αβγ δεζηθ";
        assert_eq!(&greek[..word_cut(greek, greek.find('ζ').unwrap(), 16)], "αβγ");
    }

    #[test]
    fn keeps_cr_and_final_newline_state() {
        let l = split("a\r\nb\r\n");
        assert_eq!(l.lines, vec!["a\r", "b\r"]);
        assert!(l.trailing_newline);
        let l = split("a\nb");
        assert_eq!(l.lines, vec!["a", "b"]);
        assert!(!l.trailing_newline);
        assert!(split("").lines.is_empty());
    }

    #[test]
    fn lines_split_while_scanning_are_those_split_alone() {
        let long = format!("{}\n", "x".repeat(BLOCK - 3));
        let texts = [
            String::new(),
            "\n".into(),
            "a".into(),
            "a\nb\n".into(),
            "a\r\n\nb".into(),
            // lines across blocks, a newline last in a block and first in the next
            long.repeat(3) + "tail",
            "y".repeat(BLOCK - 1) + "\n\nz\n",
            "\n".repeat(BLOCK + 2),
        ];
        for text in &texts {
            let (lines, escaped) = split_scanning(text, usize::MAX).unwrap();
            let alone = split(text);
            assert_eq!((&lines.lines, lines.trailing_newline), (&alone.lines, alone.trailing_newline), "{text:?}");
            assert!(!escaped);
        }
        // an escape anywhere, the last block's included
        for at in [0, BLOCK - 1, BLOCK, 3 * BLOCK - 8] {
            let mut text = long.repeat(3);
            text.replace_range(at..at + 1, "\x1b");
            assert!(split_scanning(&text, usize::MAX).unwrap().1, "at {at}");
        }
        // past `most` newlines, no lines
        let text = "a\n".repeat(3 * BLOCK);
        assert!(split_scanning(&text, 3 * BLOCK).is_some());
        assert!(split_scanning(&text, 3 * BLOCK - 1).is_none());
        assert!(split_scanning("a\nb", 1).is_some());
        assert!(split_scanning("a\nb\n", 1).is_none());
    }

    #[test]
    fn a_large_text_split_in_halves_is_split_as_a_whole() {
        let line = "2024-01-02 10:00:00 INFO worker polled the queue\n";
        let base = line.repeat(TWO_HALVES_FROM / line.len() + 10);
        let coloured = |at: usize| {
            let mut text = base.clone();
            text.replace_range(at..at + 1, "\x1b");
            text
        };
        let texts = [base.clone(), base.clone() + "\n", base.trim_end().to_string(), coloured(10), coloured(base.len() - 10)];
        for (k, text) in texts.iter().enumerate() {
            let (lines, escaped) = split_scanning(text, usize::MAX).unwrap();
            let alone = split(text);
            assert!(lines.lines == alone.lines && lines.trailing_newline == alone.trailing_newline, "text {k}");
            assert_eq!(escaped, k >= 3, "text {k}");
            // the bound counts the newlines of both halves
            let newlines = text.matches('\n').count();
            assert!(split_scanning(text, newlines).is_some() && split_scanning(text, newlines - 1).is_none(), "text {k}");
        }
    }

    #[test]
    fn stripped_lines_are_as_many_as_the_originals() {
        for (original, plain) in [
            ("a\nb\n\x1b[0m", "a\nb\n"),
            ("\x1b[0m", ""),
            ("a\n\x1b[0m\n", "a\n\n"),
            ("a\x1b[0m", "a"),
            ("", ""),
        ] {
            let l = split_stripped(plain, original);
            assert_eq!(l.lines.len(), split(original).lines.len(), "{original:?}");
            assert_eq!(l.trailing_newline, original.ends_with('\n'));
        }
    }
}
