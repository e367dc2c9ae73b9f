//! Text with stray bytes that are no UTF-8: a Windows path in its code page inside a Django
//! log, a Latin-1 name in a syslog line. Such input is still text, and is read as text: each
//! stray byte stands for itself as a private-use character while it is compressed, and is
//! written back as the byte it was. A line kept is then the line as it came, byte for byte, and
//! no byte is replaced by anything (never invent). Python's `surrogateescape` does the same for
//! the code compressor; a Rust `str` cannot hold surrogates, hence the private-use plane.

use std::borrow::Cow;

/// The stray byte `b` (always 0x80 or above: ASCII is valid UTF-8) stands for U+10FF00 + `b`,
/// U+10FF80..=U+10FFFF, the top of the last private-use plane, which text hardly ever holds.
const BASE: u32 = 0x10_FF00;
/// How UTF-8 writes U+10FF80..=U+10FFFF: these two bytes, then 0xBE or 0xBF, then one more.
const PREFIX: [u8; 2] = [0xF4, 0x8F];

/// Input with more than one stray byte (or control byte, see `is_control`, NULs among them) in
/// this many is no text with a few stray bytes but some other encoding or a binary format (a
/// compressed stream, bytecode, UTF-16): it passes through. A few NULs beside a few stray
/// bytes are still text: a serial console's, where a board reset mid-line (`\0\xfc` before
/// its first line again).
const BYTES_PER_STRAY: usize = 32;
/// Text with stray bytes is read through a copy, which the memory bound (`bound.rs`) has no
/// share for: it fits in the bound's fixed part up to this size (measured, whole process: 69 MB
/// of the 87 MB bound on 8 MB of distinct error lines each with a stray byte, read as a log; a
/// syslog of a few megabytes with a Latin-1 name in it is read). Larger such input passes
/// through as it did before.
const MAX_COPIED: usize = 8 << 20;

/// `data` as text: itself when it is UTF-8, with each stray byte standing for itself when a few
/// are (see `BASE`), or `None` when it is no text (too many stray bytes, or characters of its
/// own where stray bytes would stand, which would not be told apart) or too large to copy.
pub fn as_text(data: &[u8]) -> Option<Cow<'_, str>> {
    if let Ok(text) = std::str::from_utf8(data) {
        return Some(Cow::Borrowed(text));
    }
    // what rules the input out is looked for before anything is copied
    let most = data.len() / BYTES_PER_STRAY;
    if data.len() > MAX_COPIED {
        return None;
    }
    let mut odd = data.iter().filter(|&&b| is_control(b)).count();
    if odd > most {
        return None;
    }
    let mut text = String::with_capacity(data.len() + data.len() / 8);
    for chunk in data.utf8_chunks() {
        let valid = chunk.valid();
        if holds_stand_ins(valid) || odd > most {
            return None;
        }
        text.push_str(valid);
        // an invalid sequence, or a truncated one at the end
        for &b in chunk.invalid() {
            text.push(char::from_u32(BASE + u32::from(b))?);
        }
        odd += chunk.invalid().len();
    }
    (odd <= most).then_some(Cow::Owned(text))
}

/// Whether valid text holds a character of the range stray bytes stand for.
fn holds_stand_ins(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(PREFIX[0], b).any(|at| stand_in_at(b, at))
}

/// Whether the UTF-8 `bytes` hold, from `at`, a character that stands for a stray byte (in
/// UTF-8, 0xF4 only ever opens a character, so no other reading of these bytes exists).
fn stand_in_at(bytes: &[u8], at: usize) -> bool {
    bytes[at..].starts_with(&PREFIX) && matches!(bytes.get(at + 2), Some(0xBE | 0xBF))
}

/// A control byte that text does not hold (a NUL, a length in a binary header), unlike a tab,
/// a line's end, a form feed, a backspace or a terminal escape: a binary format such as Python
/// bytecode, with strings in it, holds many beside its stray bytes.
fn is_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x08 | 0x1b)
}

/// `text` as the bytes it stands for: each character that stands for a stray byte (see
/// `as_text`) written back as that byte, in place (the bytes never outgrow the text, which may
/// be as large as the input).
pub fn to_bytes(text: String) -> Vec<u8> {
    let mut bytes = text.into_bytes();
    let (mut read, mut write) = (0, 0);
    while read < bytes.len() {
        if stand_in_at(&bytes, read) {
            // U+10FF00 + b is F4 8F, then 0xBE for b below 0xC0 or 0xBF, then 0x80 | b's low six
            // bits
            bytes[write] = 0x80 | ((bytes[read + 2] & 1) << 6) | (bytes[read + 3] & 0x3F);
            read += 4;
        } else {
            bytes[write] = bytes[read];
            read += 1;
        }
        write += 1;
    }
    bytes.truncate(write);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_itself() {
        assert!(matches!(as_text("café ✓\n".as_bytes()), Some(Cow::Borrowed("café ✓\n"))));
    }

    #[test]
    fn stray_bytes_come_back_as_they_were() {
        // a cp1256 path in a UTF-8 log, a Latin-1 é, a truncated sequence at the very end
        let mut data = b"INFO 2026-01-27 path C:\\Users\\\xe3\xcd\xe3\xcf\\app ok\n".to_vec();
        data.extend_from_slice(&b"INFO caf\xe9 served the static file \xe2\x9c\x93 to the client\n".repeat(20));
        data.extend_from_slice(b"WARN end \xe2\x9c");
        let text = as_text(&data).unwrap();
        assert!(matches!(text, Cow::Owned(_)));
        // each stray byte is one character, the valid ✓ stays itself, lines stay lines
        assert_eq!(text.lines().count(), 22);
        assert!(text.contains("file ✓ to"));
        let stand_ins = |t: &str| t.chars().filter(|&c| (BASE + 0x80..=BASE + 0xFF).contains(&u32::from(c))).count();
        assert_eq!(stand_ins(&text), 4 + 20 + 2);
        assert_eq!(to_bytes(text.into_owned()), data);
    }

    #[test]
    fn every_stray_byte_comes_back() {
        let data: Vec<u8> = (0x80..=0xFFu8).flat_map(|b| [&b"a line of text, and then one byte:"[..], &[b, b'\n']].concat()).collect();
        let text = as_text(&data).unwrap();
        assert_eq!(text.lines().count(), 128);
        assert_eq!(to_bytes(text.into_owned()), data);
    }

    #[test]
    fn a_fold_of_lines_with_stray_bytes_keeps_them_verbatim() {
        let mut data = Vec::new();
        for i in 0..40 {
            data.extend_from_slice(format!("2026-01-27 14:22:{:02} INFO served /static/{i}.css\n", i % 60).as_bytes());
        }
        data.extend_from_slice(b"2026-01-27 14:23:00 ERROR cannot open C:\\Users\\\xe3\xcd\xe3\xcf\\db.sqlite3\n");
        assert_eq!(crate::sniff::sniff(&data), crate::Kind::Log);
        let text = as_text(&data).unwrap();
        let out = crate::compress(crate::Kind::Log, &text, &crate::Options { hash: "abc123".into(), ..Default::default() });
        assert!(out.text.len() < text.len(), "{}", out.text);
        let out = to_bytes(out.text);
        let error = b"ERROR cannot open C:\\Users\\\xe3\xcd\xe3\xcf\\db.sqlite3\n";
        assert!(out.windows(error.len()).any(|w| w == error));
    }

    #[test]
    fn text_too_large_to_copy_is_not_read() {
        let line = b"2025-08-08 07:06:00 INFO caf\xe9 served the menu\n";
        let mut data = line.repeat(MAX_COPIED / line.len());
        assert!(as_text(&data).is_some());
        data.extend_from_slice(line);
        assert!(as_text(&data).is_none());
    }

    #[test]
    fn mostly_stray_bytes_or_characters_that_would_pass_for_them_are_no_text() {
        // a binary stream: far more than one byte in 32 stray
        let binary: Vec<u8> = (0..4096u32).map(|i| (i * 151 % 256) as u8 | 0x80).collect();
        assert!(as_text(&binary).is_none());
        // just under the share and just over it
        let mut few = b"x".repeat(31);
        few.push(0xff);
        assert!(as_text(&few).is_some());
        few.remove(0);
        assert!(as_text(&few).is_none());
        // bytecode: strings behind a type and a length, and NULs; its few stray bytes alone
        // would pass for text
        let mut pyc = b"\xa7\r\r\n\0\0\0\0".to_vec();
        let words = [&b"print_all_the_values_of_a_table"[..], b"format_the_caf\xe9_menu_to_fit_it"];
        for word in words.repeat(40) {
            pyc.extend_from_slice(&[b'z', word.len() as u8]);
            pyc.extend_from_slice(word);
        }
        assert!(as_text(&pyc).is_none());
        pyc.retain(|&b| b != 0);
        assert!(as_text(&pyc).is_none());
        let stray_only: Vec<u8> = pyc.iter().copied().filter(|&b| b >= 0x20).collect();
        assert!(as_text(&stray_only).is_some());
        // a serial console's few NULs and a stray byte where the board reset: text
        let mut console = b"I (312) wifi:mode : sta (24:0a:c4:00:01:02)\n".repeat(40);
        console.extend_from_slice(b"ets Jun  8 2016 00:22:57\n\0\n\0\xfcrst:0x1 (POWERON_RESET),boot:0x13\n");
        assert!(as_text(&console).is_some_and(|t| t.contains("rst:0x1 (POWERON_RESET)")));
        // UTF-16, a NUL in every other byte, is not
        let utf16: Vec<u8> = "2026-12-07 10:00:00 caf\u{e9} starting\r\n".repeat(20).encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(as_text(&[&[0xff, 0xfe][..], &utf16].concat()).is_none());
        // the input holds a character of the plane stray bytes stand for: they would be read
        // back as bytes that were not there
        let mut own = "\u{10FFE9} ".repeat(40).into_bytes();
        own.push(0xe9);
        assert!(as_text(&own).is_none());
    }
}
