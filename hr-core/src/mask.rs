//! Line shapes: a line with its variable parts (numbers, hex ids) masked, so that lines that
//! differ only in those parts compare equal.

/// `"took 12ms (id 3fa9c2d1e0)"` -> `"took 0ms (id 0)"`. Runs of digits become `0`; a word of
/// hex digits that holds a digit becomes `0` too.
pub fn shape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let word = &line[start..i];
            let has_digit = word.bytes().any(|c| c.is_ascii_digit());
            if has_digit && word.bytes().all(|c| c.is_ascii_hexdigit()) {
                out.push('0');
            } else if has_digit {
                // mixed word such as `v2` or `part12`: mask only its digit runs
                let mut in_digits = false;
                for c in word.chars() {
                    if c.is_ascii_digit() {
                        if !in_digits {
                            out.push('0');
                        }
                        in_digits = true;
                    } else {
                        out.push(c);
                        in_digits = false;
                    }
                }
            } else {
                out.push_str(word);
            }
        } else {
            let ch = line[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// Masks one whitespace-separated token of a log line for template mining, appending the result
/// to `out`: digit runs and hex ids as in [`shape`], a path or URL as `/*`, and a quoted value as
/// `"*"`. Words without digits stay, so `sshd[0]:` and `crond[0]:` remain distinct.
pub fn mask_log_token(tok: &str, out: &mut String) {
    if is_path(tok) {
        out.push_str("/*");
        return;
    }
    let b = tok.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            let start = i;
            let mut digits = false;
            let mut hex = true;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                digits |= b[i].is_ascii_digit();
                hex &= b[i].is_ascii_hexdigit();
                i += 1;
            }
            let word = &b[start..i];
            if !digits {
                out.push_str(&tok[start..i]);
            } else if hex || random_id(word) {
                out.push('0');
            } else {
                let mut in_digits = false;
                for &d in word {
                    if d.is_ascii_digit() {
                        if !in_digits {
                            out.push('0');
                        }
                        in_digits = true;
                    } else {
                        out.push(d as char);
                        in_digits = false;
                    }
                }
            }
        } else if c == b'"' {
            match memchr::memchr(b'"', &b[i + 1..]) {
                Some(k) => {
                    // a one-word value varies freely (`"127.0.0.1"`, `"View"`); words in a
                    // quoted text are its message (`"Thread started"`), as in a plain line
                    let inner = &tok[i + 1..i + 1 + k];
                    if inner.contains(' ') {
                        out.push('"');
                        for (n, w) in inner.split(' ').enumerate() {
                            if n > 0 {
                                out.push(' ');
                            }
                            mask_log_token(w, out);
                        }
                        out.push('"');
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
            out.push(c as char);
            i += 1;
        } else {
            let ch = tok[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
}

/// A generated id such as Zeek's `C3uA171rRDUxvYyTmj`: long, letters mixed with several runs
/// of digits. `x86`, `utf8mb4` or `sha256WithRSAEncryption` are names, not ids.
fn random_id(word: &[u8]) -> bool {
    let runs = word
        .windows(2)
        .filter(|w| w[1].is_ascii_digit() && !w[0].is_ascii_digit())
        .count()
        + word[0].is_ascii_digit() as usize;
    word.len() >= 8 && runs >= 2
}

/// `/var/log/x.log`, `./a/b`, `~/x`, `C:\Windows\x`, `https://host/p`: names that vary freely.
fn is_path(tok: &str) -> bool {
    let b = tok.as_bytes();
    let slashes = b.iter().filter(|&&c| c == b'/' || c == b'\\').count();
    if slashes == 0 {
        return false;
    }
    (b[0] == b'/' && b.len() > 1 && b[1] != b'/')
        || tok.starts_with("./")
        || tok.starts_with("../")
        || tok.starts_with("~/")
        || tok.contains("://")
        || (b.len() > 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_numbers_and_hex() {
        assert_eq!(shape("took 12ms (id 3fa9c2d1e0)"), "took 0ms (id 0)");
        assert_eq!(shape("step 7/100"), "step 0/0");
        assert_eq!(shape("no digits here"), "no digits here");
        assert_eq!(shape("héllo 5"), "héllo 0");
    }

    fn log_token(t: &str) -> String {
        let mut s = String::new();
        mask_log_token(t, &mut s);
        s
    }

    #[test]
    fn masks_log_tokens() {
        assert_eq!(log_token("blk_-6952295868487656571"), "blk_-0");
        assert_eq!(log_token("10.251.73.220:50010"), "0.0.0.0:0");
        assert_eq!(log_token("sshd[24200]:"), "sshd[0]:");
        assert_eq!(log_token("/etc/httpd/conf/workers2.properties"), "/*");
        assert_eq!(log_token("C:\\Windows\\winsxs"), "/*");
        assert_eq!(log_token("tag=\"View\""), "tag=\"*\"");
        assert_eq!(
            log_token("9f4ef63-1b2c-4d5e-8f90-a1b2c3d4e5f6"),
            "0-0-0-0-0"
        );
        assert_eq!(log_token("user"), "user");
        assert_eq!(log_token("uid=C3uA171rRDUxvYyTmj"), "uid=0");
        assert_eq!(
            log_token("sha256WithRSAEncryption"),
            "sha0WithRSAEncryption"
        );
        assert_eq!(log_token("utf8mb4"), "utf0mb0");
        assert_eq!(log_token("a/b"), "a/b");
    }
}
