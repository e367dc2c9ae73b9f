//! Line shapes: a line with its variable parts (numbers, hex ids) masked, so that lines that
//! differ only in those parts compare equal.

use crate::re::re;

/// `"took 12ms (id 3fa9c2d1e0)"` -> `"took 0ms (id 0)"`. Runs of digits become `0`; a word of
/// hex digits that holds a digit becomes `0` too, and so do a hex literal (`0x563bbca289b0`) and
/// a generated id (`waHadM704UeNU2VQU5ef`, see `random_id`), as where lines are mined.
pub fn shape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    shape_into(line, &mut out);
    out
}

/// `line`'s shape (see `shape`), appended to `out`: a buffer filled again spares an allocation
/// for each word of each error a log's miner reads.
pub fn shape_into(line: &str, out: &mut String) {
    let bytes = line.as_bytes();
    // (an IPv6 address holds colons: most lines hold none)
    let colons = memchr::memchr(b':', bytes).is_some();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(end) = colons.then(|| ipv6_end(bytes, i)).flatten() {
            out.push('0');
            i = end;
            continue;
        }
        if b.is_ascii_alphanumeric() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let word = &line[start..i];
            let has_digit = word.bytes().any(|c| c.is_ascii_digit());
            let hex = word.bytes().all(|c| c.is_ascii_hexdigit()) || hex_literal(word.as_bytes());
            if has_digit && (hex || random_id(word.as_bytes()) || lone_lower_id(word.as_bytes())) {
                out.push('0');
            } else if has_digit {
                // mixed word such as `v2` or `part12`: mask only its digit runs
                push_digit_runs(word, out);
            } else {
                out.push_str(word);
            }
        } else {
            let ch = line[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
}

/// Where an IPv6 address that starts at `i` ends (`2607:f8b0:4008:813::2004`, `::1`,
/// `fe80::1%eth0` up to its zone): groups of at most four hex digits, seven colons or one `::`,
/// bounded by no letter or digit; with two colons only, a first group that holds a digit or
/// none (`fe80::1`, `::1`: not a name's `add::42`). A time (`12:05:33`) has too few colons.
fn ipv6_end(b: &[u8], i: usize) -> Option<usize> {
    if !(b[i].is_ascii_hexdigit() || b[i] == b':') || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
        return None;
    }
    // (an address is 45 bytes at most: a longer run, a hex dump, is read no further)
    let len = b[i..].iter().take(IPV6_MAX + 1).take_while(|c| c.is_ascii_hexdigit() || **c == b':' || **c == b'.').count();
    let run = &b[i..i + len];
    // (a trailing `:` or `.` is the sentence's: `… to [::1]:`, `at fe80::1.`)
    let run = &run[..run.len() - run.iter().rev().take_while(|c| matches!(c, b':' | b'.')).count()];
    if run.len() > IPV6_MAX || b.get(i + run.len()).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    let colons = run.iter().filter(|&&c| c == b':').count();
    let gaps = run.windows(2).filter(|w| w == b"::").count();
    let mut groups = run.split(|&c| c == b':');
    let first = groups.next().unwrap_or_default();
    // (the last group may be an IPv4 address: `::ffff:10.0.0.7`)
    let fits = std::iter::once(first).chain(groups).all(|g| g.len() <= 4 && g.iter().all(u8::is_ascii_hexdigit) || g.contains(&b'.'));
    let ipv6 = fits
        && (colons == 7 && gaps == 0 || gaps == 1 && (colons >= 3 || first.is_empty() || first.iter().any(u8::is_ascii_digit)))
        && run.iter().any(u8::is_ascii_digit);
    ipv6.then_some(i + run.len())
}

/// The longest IPv6 address written out, an IPv4 address at its end included.
const IPV6_MAX: usize = 45;

/// A line that names a file: it ends with a path or a file name (`\tmodified:   src/app.py`,
/// `Only in a/docs: x.json`), or it is a diffstat's line (` src/app.py | 3 ++-`).
pub fn names_a_file(line: &str) -> bool {
    let last = line.split_ascii_whitespace().last().unwrap_or("");
    re!(r"^([\w.@+-]*(/[\w.@+-]+)+/?|[\w@+-]+(\.[\w-]+)*\.[A-Za-z]\w{0,5})$").is_match(last)
        || re!(r"^ \S+ +\| +(\d+ ?[+-]*|Bin \d+ -> \d+ bytes)$").is_match(line)
}

/// Where the quoted value that `rest` continues ends: its first quote not escaped by a
/// backslash (strace shows a binary read's quote as `\"`).
fn closing_quote(rest: &[u8]) -> Option<usize> {
    let mut from = 0;
    loop {
        let k = from + memchr::memchr(b'"', &rest[from..])?;
        if !escaped(&rest[..k]) {
            return Some(k);
        }
        from = k + 1;
    }
}

/// `line` without what its double quotes hold, quotes and all: strace's quoted arguments
/// (`write(2, "…", 22` gives `write(2, , 22`), the names a program's messages quote.
pub(crate) fn without_quoted(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut quoted = false;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            _ if !quoted => out.push(c),
            _ => {}
        }
    }
    out
}

/// `line` without what its single quotes hold, quotes and all, where a quote opens at a word's
/// start and closes at its end (Nix's `building of '/nix/store/…-expat-2.6.0.drv!out' from
/// .drv file: woken up`): an apostrophe inside a word (`didn't`) quotes nothing, as in
/// `single_quoted_value`, and an unclosed quote leaves the rest as it is.
pub(crate) fn without_single_quoted(line: &str) -> String {
    let b = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let mut from = 0;
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'\'', &b[i..]).map(|k| i + k) {
        let opens = k == 0 || !b[k - 1].is_ascii_alphanumeric();
        let close = opens
            .then(|| memchr::memchr_iter(b'\'', &b[k + 1..]).map(|c| k + 1 + c).find(|&c| !b.get(c + 1).is_some_and(u8::is_ascii_alphanumeric)))
            .flatten();
        match close {
            Some(c) => {
                out.push_str(&line[from..k]);
                (from, i) = (c + 1, c + 1);
            }
            None => i = k + 1,
        }
    }
    out.push_str(&line[from..]);
    out
}

/// Whether the byte after `before` is escaped: an odd run of backslashes ends `before`.
pub(crate) fn escaped(before: &[u8]) -> bool {
    before.iter().rev().take_while(|&&c| c == b'\\').count() % 2 == 1
}

/// Whether two bytes at one place in two lines read alike once numbers are masked: the same
/// byte, or two digits (another time, pid or counter).
pub(crate) fn alike_but_digits(a: u8, b: u8) -> bool {
    a == b || (a.is_ascii_digit() && b.is_ascii_digit())
}

/// Masks one whitespace-separated token of a log line for template mining, appending the result
/// to `out`: digit runs and hex ids as in [`shape`], a path or URL as `/*`, and a quoted value as
/// `"*"` (a quoted key stays, see `names_a_key`), or as `'*'` in single quotes (see
/// `single_quoted_value`). Words without digits stay, so `sshd[0]:` and `crond[0]:` remain
/// distinct.
// inlined where lines are mined (`Masked::push_token`), which calls it on every token
#[inline(always)]
pub fn mask_log_token(tok: &str, out: &mut String) {
    // most tokens are words (`Scheduled`, `[worker-3]`, `ms,`): with no digit, no quote and no
    // byte that a path or a URL needs, a token is its own mask
    let any = classes(tok);
    if any & (DIGIT | MARKS) == 0 {
        out.push_str(tok);
        return;
    }
    // a number, a date, a time or an address (`2023-11-14`, `22:13:26,795`, `10.0.0.7:443`):
    // with no letter, no mark and no byte past ASCII, its digit runs are its only values
    if any & (LETTER | MARKS | WIDE) == 0 {
        push_digit_runs(tok, out);
        return;
    }
    mask_any_token(tok, out);
}

/// Appends ASCII `text` (a word, a number) with each run of digits as one `0`, byte by byte:
/// its runs between digits are a byte or two, where a copy would cost more.
fn push_digit_runs(text: &str, out: &mut String) {
    debug_assert!(text.is_ascii());
    let mut in_digits = false;
    for c in text.bytes() {
        let digit = c.is_ascii_digit();
        if !digit {
            out.push(c as char);
        } else if !in_digits {
            out.push('0');
        }
        in_digits = digit;
    }
}

/// The byte classes (see `CLASS`) that any byte of `tok` has.
fn classes(tok: &str) -> u8 {
    tok.bytes().fold(0, |any, c| any | CLASS[c as usize])
}

/// `mask_log_token` for any token, read byte by byte: the one definition of each mask, which
/// the shortcuts above agree with.
fn mask_any_token(tok: &str, out: &mut String) {
    if path_prefix(tok) {
        out.push_str("/*");
        return;
    }
    // a URL (`://` anywhere in the token, or in one word of a quoted text) and a source location
    // (`src/a.rs:39:58`) are paths too: they are looked for in the one scan below, which then
    // takes back what it wrote (this runs on every token mined)
    let from = out.len();
    let (mut slash, mut colon) = (false, false);
    let as_path = |out: &mut String| {
        out.truncate(from);
        out.push_str("/*");
    };
    let b = tok.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if CLASS[c as usize] & ALNUM != 0 {
            let start = i;
            // one table lookup per byte: this loop runs on every byte of every line mined
            let (mut any, mut all) = (0, ALNUM | DIGIT | HEX);
            while i < b.len() && CLASS[b[i] as usize] & ALNUM != 0 {
                any |= CLASS[b[i] as usize];
                all &= CLASS[b[i] as usize];
                i += 1;
            }
            let (digits, hex) = (any & DIGIT != 0, all & HEX != 0);
            let word = &b[start..i];
            if !digits {
                out.push_str(&tok[start..i]);
            } else if hex || random_id(word) || hex_literal(word) {
                out.push('0');
            } else {
                push_digit_runs(&tok[start..i], out);
            }
        } else if c == b'"' {
            match closing_quote(&b[i + 1..]) {
                Some(k) => {
                    // a one-word value varies freely (`"127.0.0.1"`, `"View"`); words in a
                    // quoted text are its message (`"Thread started"`), as in a plain line
                    let inner = &tok[i + 1..i + 1 + k];
                    if inner.contains("://") && !inner.contains(' ') {
                        return as_path(out);
                    }
                    if inner.contains(' ') {
                        out.push('"');
                        for (n, w) in inner.split(' ').enumerate() {
                            if n > 0 {
                                out.push(' ');
                            }
                            mask_log_token(w, out);
                        }
                        out.push('"');
                    } else if names_a_key(&b[..i], &b[i + 2 + k..]) {
                        // a key names what its value is (`"user_id"=>"1"`, `"id":7`)
                        out.push_str(&tok[i..i + k + 2]);
                    } else {
                        out.push_str("\"*\"");
                    }
                    i += k + 2;
                }
                None => {
                    out.push('"');
                    i += 1;
                }
            }
        } else if c < 0x80 {
            if c == b':' && b[i + 1..].starts_with(b"//") {
                return as_path(out);
            }
            if c == b'\'' && i == 0 {
                if let Some(end) = single_quoted_value(tok) {
                    out.push_str("'*'");
                    out.push_str(&tok[end..]);
                    return;
                }
            }
            if c == b'/' && (i == 0 || !path_byte(b[i - 1])) && in_temp_dir(&b[i..]) {
                // a temporary file's name is generated (a Node frame's
                // `(/tmp/execjs20140613-10048-1ngtz44.js:2357:10754)`, `file=/tmp/tmpk2j4x`): the
                // same file for a template, whatever it is called; what follows the path
                // (`:2357:10754)`) is masked as usual
                out.push_str("/*");
                i += b[i..].iter().position(|&c| c != b'/' && !path_byte(c)).unwrap_or(b.len() - i);
                continue;
            }
            slash |= c == b'/';
            colon |= c == b':';
            out.push(c as char);
            i += 1;
        } else {
            let ch = tok[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    if slash && colon && source_location(tok) {
        as_path(out);
    }
}

/// Where a one-word value in single quotes ends in `tok`, if `tok` is one: `'dataSource'`,
/// `'/api/users',`, `'tunnel'.`, as a message names a bean, a path or a service, and as a
/// one-word value in double quotes is masked. What may follow it closes a sentence, a clause or
/// a list; an apostrophe inside is no quote (`'don't'`).
fn single_quoted_value(tok: &str) -> Option<usize> {
    let rest = tok.strip_prefix('\'')?.trim_end_matches([',', '.', ':', ';', ')']);
    let inner = rest.strip_suffix('\'')?;
    (!inner.is_empty() && !inner.contains('\'')).then_some(rest.len() + 1)
}

/// Byte classes for `mask_log_token`: ASCII letters and digits, digits, hex digits, and the
/// bytes that open a quoted value or make a path (`/`, and `\\` in a Windows path).
const ALNUM: u8 = 1;
const DIGIT: u8 = 2;
const HEX: u8 = 4;
const MARKS: u8 = 8;
const LETTER: u8 = 16;
const WIDE: u8 = 32;
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = ((b.is_ascii_alphanumeric() as u8) * ALNUM)
            | ((b.is_ascii_digit() as u8) * DIGIT)
            | ((b.is_ascii_hexdigit() as u8) * HEX)
            | ((matches!(b, b'"' | b'\'' | b'/' | b'\\') as u8) * MARKS)
            | ((b.is_ascii_alphabetic() as u8) * LETTER)
            | ((!b.is_ascii() as u8) * WIDE);
        c += 1;
    }
    t
};

/// A generated id such as Zeek's `C3uA171rRDUxvYyTmj`: long, letters mixed with several runs
/// of digits. `x86`, `utf8mb4` or `sha256WithRSAEncryption` are names, not ids. A shorter
/// one, of six or seven, opens with a digit and holds another run of them, as a number written
/// in base 36 may (Sidekiq's thread `TID-3wiv7o`), where a name opens with a letter.
fn random_id(word: &[u8]) -> bool {
    let first_digit = word[0].is_ascii_digit();
    let runs = word
        .windows(2)
        .filter(|w| w[1].is_ascii_digit() && !w[0].is_ascii_digit())
        .count()
        + first_digit as usize;
    runs >= 2 && (word.len() >= 8 || (first_digit && word.len() >= 6))
}

/// A generated id of few digits whose lower-case letters stand alone between capitals and
/// digits (exim's message id `1xZbPB`, Dovecot's session `mD3xGdZhjKF`), where a name's words
/// go on in lower case after their capital (`IPv6Address`, `OAuth2Client`). What a message
/// says is read with it masked (`shape`); lines are mined with it as it is, a column of such
/// ids being a wildcard to the miner by then.
fn lone_lower_id(word: &[u8]) -> bool {
    let lower = |i: usize| word.get(i).is_some_and(u8::is_ascii_lowercase);
    word.len() >= 6 && (0..word.len()).filter(|&i| lower(i) && !(i > 0 && lower(i - 1)) && !lower(i + 1)).count() >= 2
}

/// `0xfdffffff`, `0x1c`: a number written in hex, however few of its digits are decimal, as
/// template miners (drain3's usual masking) read it, so that address ranges are one shape.
fn hex_literal(word: &[u8]) -> bool {
    word.len() > 2
        && (word.starts_with(b"0x") || word.starts_with(b"0X"))
        && word[2..].iter().all(u8::is_ascii_hexdigit)
}

/// Appends the words of `text`, each masked as a log's token (`mask_log_token`), a space after
/// each: what a line says once what varies is masked.
pub fn push_masked_words(text: &str, out: &mut String) {
    for tok in text.split_ascii_whitespace() {
        mask_log_token(tok, out);
        out.push(' ');
    }
}

/// Appends the places in code that `frame` (a stack frame) names by line, in order: each
/// number right after a file's name and a `:` (`app.rb:16:in`, `Foo.java:123)`, `main.go:57`)
/// or after `line ` (`line 14, in f`). Masking takes them out with the frame's other numbers,
/// where they tell one call site from another in the same function; an address (`0x55f1…`),
/// a column, a time or a port (`10.0.0.7:5432`) is no such place.
pub fn push_line_numbers(frame: &str, out: &mut String) {
    let b = frame.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            i += 1;
            continue;
        }
        if b[..i].ends_with(b"line ") || after_a_file_name(&b[..i]) {
            out.push_str(&frame[i..i + digits]);
            out.push(',');
        }
        i += digits;
    }
}

/// Whether `head` ends with a file's name and a `:`: `.rb:`, `.java:` (an extension that
/// starts with a letter).
fn after_a_file_name(head: &[u8]) -> bool {
    let Some(head) = head.strip_suffix(b":") else {
        return false;
    };
    let ext = head.iter().rev().take_while(|c| c.is_ascii_alphanumeric()).count();
    ext > 0 && head.len() > ext && head[head.len() - ext - 1] == b'.' && head[head.len() - ext].is_ascii_alphabetic()
}

/// `/var/log/x.log`, `./a/b`, `~/x`, `C:\\Windows\\x`: names that vary freely, told by their
/// first bytes (a URL, `https://host/p`, is told by its `://` in `mask_log_token`).
fn path_prefix(tok: &str) -> bool {
    let b = tok.as_bytes();
    (b.len() > 1 && b[0] == b'/' && b[1] != b'/')
        || tok.starts_with("./")
        || tok.starts_with("../")
        || tok.starts_with("~/")
        || (b.len() > 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'\\')
}

/// Whether `path` lies in a directory for temporary files, whose names are generated.
fn in_temp_dir(path: &[u8]) -> bool {
    [&b"/tmp/"[..], b"/var/tmp/", b"/var/folders/", b"/private/var/folders/"]
        .iter()
        .any(|dir| path.len() > dir.len() && path.starts_with(dir))
}

/// A byte of a file's or directory's name; what follows a path in a token (`:12`, `)`, `",`)
/// is none.
fn path_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-' | b'+')
}

/// Whether a quoted word between `before` and `after` in one token is a key, which names what
/// its value is: Ruby's `"user_id"=>"1"`, JSON's `{"id":7` or `,"id":`; not a quoted value that
/// a message ends with a colon (Go's `parsing "12a":`, `skipping "item-7":`).
fn names_a_key(before: &[u8], after: &[u8]) -> bool {
    after.starts_with(b"=>")
        || (after.starts_with(b":") && (after.len() > 1 || matches!(before.last(), Some(b'{' | b','))))
}

/// `src/ui/history.rs:39:58`, `lib/a.c:12:`: a relative path to a file and a line in it, as a
/// compiler or a linter points at code; where a diagnostic stands, not what it says.
fn source_location(tok: &str) -> bool {
    let Some(slash) = tok.rfind('/') else {
        return false;
    };
    let (dir, file) = (&tok[..slash], &tok[slash + 1..]);
    let Some((name, line)) = file.split_once(':') else {
        return false;
    };
    let path_bytes = |s: &str, extra: u8| s.bytes().all(|c| path_byte(c) || c == extra);
    !dir.is_empty()
        && path_bytes(dir, b'/')
        && path_bytes(name, b'.')
        && name.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty() && !ext.is_empty() && ext.bytes().all(|c| c.is_ascii_alphanumeric())
        })
        && line.trim_end_matches([':', ',']).split(':').take(3).enumerate().all(|(n, d)| {
            // a line, and a column: digits alone
            n < 2 && !d.is_empty() && d.bytes().all(|c| c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_numbers_and_hex() {
        assert_eq!(shape("took 12ms (id 3fa9c2d1e0)"), "took 0ms (id 0)");
        assert_eq!(shape("step 7/100"), "step 0/0");
        // an id of few digits, its lower-case letters alone between capitals and digits; a
        // name's words go on in lower case
        assert_eq!(shape("1xZbPB-00020f-24 Frozen"), "0-0-0 Frozen");
        assert_eq!(shape("imap(bob)<9592><mD3xGdZhjKF/AAAB>:"), "imap(bob)<0><0/AAAB>:");
        assert_eq!(shape("IPv6Address OAuth2Client v1beta1"), "IPv0Address OAuth0Client v0beta0");
        // an address in hex is one value, whatever its letters
        assert_eq!(shape("at 0x563bbca289b0, 0x1c"), "at 0, 0");
        assert_eq!(shape("no digits here"), "no digits here");
        // a generated id is one value, a name with a version in it keeps its letters
        assert_eq!(shape("req waHadM704UeNU2VQU5ef done"), "req 0 done");
        assert_eq!(shape("utf8mb4 sha256WithRSAEncryption"), "utf0mb0 sha0WithRSAEncryption");
        // and so is a short one in base 36, which opens with a digit (Sidekiq's thread ids)
        assert_eq!(shape("TID-3wiv7o ERROR: boom"), "TID-0 ERROR: boom");
        assert_eq!(shape("TID-3wiv7o"), shape("TID-3th1yg"));
        assert_eq!(shape("4k60 3des"), "0k0 0des");
        assert_eq!(shape("héllo 5"), "héllo 0");
    }

    #[test]
    fn an_ipv6_address_is_one_value_whatever_its_groups() {
        // squid pinging hosts it has no route to: one error, whichever address
        let a = shape("SendEcho ERROR: sending to ICMPv6 packet to [2607:f8b0:4008:813::2004]: (101) Network is unreachable");
        let b = shape("SendEcho ERROR: sending to ICMPv6 packet to [2600:9000:2011:2000:a:da5e:7900:93a1]: (101) Network is unreachable");
        assert_eq!(a, b);
        assert_eq!(shape("listen [::1]:8080 and fe80::1%eth0"), "listen [0]:0 and 0%eth0");
        // a time, a path of names and a name's key are no address
        assert_eq!(shape("at 12:05:33.120"), "at 0:0:0.0");
        assert_eq!(shape("std::vec::Vec"), "std::vec::Vec");
        assert_ne!(shape("lookup failed for add::42"), shape("lookup failed for bad::42"));
        assert_ne!(shape("dead::beef1 ABC::DEF::f1"), shape("cafe::beef1 ABC::BED::f1"));
        assert_eq!(shape("from ::ffff:10.0.0.7 port"), "from 0 port");
        // a hex dump is no address, and is read once
        let dump = "de:ad:".repeat(50_000);
        assert_eq!(shape(&dump).len(), dump.len());
    }

    fn log_token(t: &str) -> String {
        let mut s = String::new();
        mask_log_token(t, &mut s);
        s
    }

    #[test]
    fn a_temporary_files_name_is_a_value_wherever_it_stands() {
        assert_eq!(log_token("(/tmp/execjs20140613-10048-1ngtz44.js:2357:10754)"), "(/*:0:0)");
        assert_eq!(log_token("(/tmp/execjs20140613-10048-j2mak.js:2357:10754)"), "(/*:0:0)");
        assert_eq!(log_token("file=/var/folders/x1/T/tmpqzkab,"), "file=/*,");
        // a directory called tmp inside a path is no temporary directory, and a path's own
        // files keep their names
        assert_eq!(log_token("(machine/learn/tmp/BernoulliNB)"), "(machine/learn/tmp/BernoulliNB)");
        assert_eq!(log_token("(/srv/app/index.js:12:3)"), "(/srv/app/index.js:0:0)");
    }

    #[test]
    fn the_shortcuts_mask_as_the_whole_reading_does() {
        // tokens of the bytes that decide a shortcut: digits, letters (hex ones too), marks,
        // punctuation and a character past ASCII, many lengths, from a fixed seed
        let alphabet: Vec<char> = "0123456789abfxzXZ-.:,+_[]()=%/\\\"'·é".chars().collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let (mut numbers, mut words) = (0, 0);
        for _ in 0..200_000 {
            let len = 1 + next(12);
            // most tokens from digits and punctuation alone, the shape the number shortcut takes
            let pool = if next(2) == 0 { 15 } else { alphabet.len() };
            let tok: String = (0..len).map(|_| alphabet[next(pool)]).collect();
            let (mut fast, mut whole) = (String::new(), String::new());
            mask_log_token(&tok, &mut fast);
            mask_any_token(&tok, &mut whole);
            assert_eq!(fast, whole, "{tok:?}");
            let any = classes(&tok);
            numbers += (any & (LETTER | MARKS | WIDE) == 0 && any & DIGIT != 0) as usize;
            words += (any & (DIGIT | MARKS) == 0) as usize;
        }
        // both shortcuts were taken, many times
        assert!(numbers > 10_000 && words > 1_000, "{numbers} numbers, {words} words");
    }

    #[test]
    fn a_number_is_masked_by_its_digit_runs() {
        assert_eq!(log_token("2023-11-14"), "0-0-0");
        assert_eq!(log_token("22:13:26,795"), "0:0:0,0");
        assert_eq!(log_token("+12.5%"), "+0.0%");
        // a letter, a mark or a character past ASCII is read whole
        assert_eq!(log_token("12·5"), "0·0");
        assert_eq!(log_token("/12"), "/*");
        assert_eq!(log_token("0x1f"), "0");
    }

    #[test]
    fn masks_log_tokens() {
        assert_eq!(log_token("blk_-6952295868487656571"), "blk_-0");
        assert_eq!(log_token("10.251.73.220:50010"), "0.0.0.0:0");
        assert_eq!(log_token("sshd[24200]:"), "sshd[0]:");
        assert_eq!(log_token("/etc/httpd/conf/workers2.properties"), "/*");
        assert_eq!(log_token("C:\\Windows\\winsxs"), "/*");
        assert_eq!(log_token("tag=\"View\""), "tag=\"*\"");
        // a URL alone is a path; a text that holds one is still words, its URL one of them
        assert_eq!(log_token("\"https://github.com/yyuu/pyenv\""), "/*");
        assert_eq!(log_token("\"# see https://github.com/yyuu/pyenv/issues/397 for\""), "\"# see /* for\"");
        assert_eq!(
            log_token("9f4ef63-1b2c-4d5e-8f90-a1b2c3d4e5f6"),
            "0-0-0-0-0"
        );
        assert_eq!(log_token("user"), "user");
        // a token with no digit is still a path, a URL or a quoted value
        assert_eq!(log_token("/usr/bin/env"), "/*");
        assert_eq!(log_token("https://example.com/a"), "/*");
        assert_eq!(log_token("(/tmp/tmpqzkab)"), "(/*)");
        assert_eq!(log_token("src/ui/main.rs:12"), "/*");
        assert_eq!(log_token("uid=C3uA171rRDUxvYyTmj"), "uid=0");
        assert_eq!(
            log_token("sha256WithRSAEncryption"),
            "sha0WithRSAEncryption"
        );
        assert_eq!(log_token("utf8mb4"), "utf0mb0");
        assert_eq!(log_token("a/b"), "a/b");
        // where a compiler points is a path, a line and a column
        assert_eq!(log_token("src/ui/components/history.rs:39:58"), "/*");
        assert_eq!(log_token("lib/a.c:12:"), "/*");
        assert_eq!(log_token("a/b.rs"), "a/b.rs");
        assert_eq!(log_token("1/2:3"), "0/0:0");
        assert_eq!(log_token("ghcr.io/o/app.v2:1.0"), "ghcr.io/o/app.v0:0.0");
        // a quoted value a message ends with a colon is a value, not a key
        assert_eq!(log_token("\"lima-7\":"), "\"*\":");
        assert_eq!(log_token("{\"lima\":"), "{\"lima\":");
        // a Java frame names its module and method: no file of its own
        assert_eq!(log_token("org.es@8.4.1/org.es.Ex.toX(Ex.java:123)"), "org.es@0.0.0/org.es.Ex.toX(Ex.java:0)");
        // a hex number is one value whatever its digits: `[mem 0x0-0x0]` for every range
        assert_eq!(log_token("0xfdffffff]"), "0]");
        assert_eq!(log_token("0x1c:"), "0:");
        assert_eq!(log_token("0xZZ"), "0xZZ");
        // a quoted key names its value: another key is another field
        assert_eq!(log_token("{\"user_id\"=>\"1\","), "{\"user_id\"=>\"*\",");
        assert_eq!(log_token("{\"id\":7,"), "{\"id\":0,");
        // a one-word value in single quotes, as in double quotes
        assert_eq!(log_token("'dataSource'"), "'*'");
        assert_eq!(log_token("'tunnel'."), "'*'.");
        assert_eq!(log_token("'/api/v1/users',"), "'*',");
        assert_eq!(log_token("'don't'"), "'don't'");
        assert_eq!(log_token("'"), "'");
        assert_eq!(log_token("''"), "''");
    }
}
