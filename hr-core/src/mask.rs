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
}
