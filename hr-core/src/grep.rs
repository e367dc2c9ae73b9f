//! `hr expand --grep`: which lines of an original match a pattern the user (or an agent) gave.
//!
//! Patterns come from outside and are hostile until proven otherwise: the `regex` crate runs in
//! time linear in the input (no backtracking blow-up on `(a+)+$`), and the size limits below
//! turn a pattern that would compile to something huge (`a{1000}{1000}`) into an error.

use regex::bytes::RegexBuilder;

/// Longest pattern accepted, in bytes.
pub const MAX_PATTERN: usize = 4096;
/// Limits on the compiled program and on the lazy DFA's cache, in bytes.
const SIZE_LIMIT: usize = 4 << 20;
const DFA_SIZE_LIMIT: usize = 8 << 20;
const NEST_LIMIT: u32 = 64;

/// The 0-based numbers of the lines of `data` that `pattern` matches. Lines are split on `\n`,
/// and line endings (`\n`, `\r`) are not part of what is matched, as in `grep`. Err holds a
/// one-line reason when the pattern is invalid or too big.
pub fn grep_lines(
    data: &[u8],
    pattern: &str,
    case_insensitive: bool,
) -> Result<Vec<usize>, String> {
    if pattern.len() > MAX_PATTERN {
        return Err(format!(
            "pattern too long ({} bytes; at most {MAX_PATTERN})",
            pattern.len()
        ));
    }
    let rx = RegexBuilder::new(pattern)
        .case_insensitive(case_insensitive)
        .size_limit(SIZE_LIMIT)
        .dfa_size_limit(DFA_SIZE_LIMIT)
        .nest_limit(NEST_LIMIT)
        .build()
        .map_err(|e| one_line(&e.to_string()))?;
    let mut hits = Vec::new();
    let body = data.strip_suffix(b"\n").unwrap_or(data);
    if data.is_empty() {
        return Ok(hits);
    }
    for (i, line) in body.split(|&b| b == b'\n').enumerate() {
        let end = line.iter().rposition(|&b| b != b'\r').map_or(0, |p| p + 1);
        if rx.is_match(&line[..end]) {
            hits.push(i);
        }
    }
    Ok(hits)
}

/// The regex crate explains errors over several lines (pattern, caret, message); keep the message.
fn one_line(text: &str) -> String {
    let last = text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or(text);
    last.trim().trim_start_matches("error: ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_matching_lines_without_their_endings() {
        let data = b"ok\nERROR one\r\nfine\nerror two\n";
        assert_eq!(grep_lines(data, "ERROR", false).unwrap(), vec![1]);
        assert_eq!(grep_lines(data, "error", true).unwrap(), vec![1, 3]);
        assert_eq!(grep_lines(data, "one$", false).unwrap(), vec![1]);
        assert_eq!(grep_lines(b"", "x", false).unwrap(), Vec::<usize>::new());
        assert_eq!(grep_lines(b"a\nb", "^b$", false).unwrap(), vec![1]);
        assert_eq!(grep_lines(b"a\n\n", "^$", false).unwrap(), vec![1]);
    }

    #[test]
    fn invalid_utf8_lines_still_match_their_ascii() {
        assert_eq!(
            grep_lines(b"\xff\xfe ERROR\nok\n", "ERROR", false).unwrap(),
            vec![0]
        );
    }

    #[test]
    fn nested_quantifiers_are_linear() {
        // exponential for a backtracking engine; linear here (no wall-clock check: it simply ends)
        let line = format!("{}!\n", "a".repeat(5000));
        let data = line.repeat(400);
        assert!(grep_lines(data.as_bytes(), "(a+)+$", false)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn hostile_patterns_are_errors_on_one_line() {
        for bad in ["a{1000}{1000}", "(", "(?<=a)b", "\\1", &"(".repeat(100)] {
            let err = grep_lines(b"a\n", bad, false).unwrap_err();
            assert!(!err.is_empty() && !err.contains('\n'), "{bad}: {err}");
        }
        assert!(grep_lines(b"a\n", &"a".repeat(MAX_PATTERN + 1), false).is_err());
    }
}
