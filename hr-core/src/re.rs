//! Regexes compiled once per process, with ASCII classes.
//!
//! `hr` is a one-shot CLI: every call pays for compiling the patterns it uses, and Unicode
//! classes make a pattern cost a millisecond or more. Tool output spells its numbers, names and
//! separators in ASCII, so `re!` compiles with ASCII `\d`, `\w`, `\s` and `\b`.

/// Same as `Regex::new(..).unwrap()` behind a `OnceLock`, so each pattern compiles once, with
/// ASCII classes (see `ascii_classes`).
macro_rules! re {
    ($pat:expr) => {{
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        RE.get_or_init(|| regex::Regex::new(&$crate::re::ascii_classes($pat)).unwrap())
    }};
}
pub(crate) use re;

/// A `memchr::memmem::Finder` for `$needle`, built once per process: `memmem::find` builds one
/// on every call, which costs more than searching a log line.
macro_rules! finder {
    ($needle:expr) => {{
        static F: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
            std::sync::OnceLock::new();
        F.get_or_init(|| memchr::memmem::Finder::new($needle))
    }};
}
pub(crate) use finder;

/// `\d`, `\w`, `\s` and `\b` as their ASCII forms. Runner output spells its numbers, names and
/// separators in ASCII, and the Unicode tables make each pattern cost a millisecond to compile,
/// which a one-shot CLI pays on every call. (`\S` stays: it is cheap and must not match bytes.)
pub(crate) fn ascii_classes(pat: &str) -> String {
    let mut out = String::with_capacity(pat.len() + 16);
    let mut in_class = false;
    let mut chars = pat.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => {
                let Some(next) = chars.next() else { break };
                let (inside, outside) = match next {
                    'd' => ("0-9", "[0-9]"),
                    'w' => ("A-Za-z0-9_", "[A-Za-z0-9_]"),
                    's' => (" \\t\\n\\r\\x0B\\x0C", "[ \\t\\n\\r\\x0B\\x0C]"),
                    'b' if !in_class => ("", "(?-u:\\b)"),
                    _ => {
                        out.push('\\');
                        out.push(next);
                        continue;
                    }
                };
                out.push_str(if in_class { inside } else { outside });
            }
            '[' if !in_class => {
                in_class = true;
                out.push(ch);
                // a `]` right after `[` or `[^` is a literal
                if chars.peek() == Some(&'^') {
                    out.push(chars.next().unwrap());
                }
                if chars.peek() == Some(&']') {
                    out.push(chars.next().unwrap());
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn ascii_classes_rewrite() {
        use super::ascii_classes as a;
        assert_eq!(a(r"^\d+ \w"), "^[0-9]+ [A-Za-z0-9_]");
        assert_eq!(a(r"[\d.]+s\b"), "[0-9.]+s(?-u:\\b)");
        assert_eq!(a(r"\S+\.py\(x\)"), r"\S+\.py\(x\)");
        assert_eq!(a(r"[^\s:]"), "[^ \\t\\n\\r\\x0B\\x0C:]");
    }

    #[test]
    fn macro_compiles_once_and_matches_ascii() {
        fn digits() -> &'static regex::Regex {
            re!(r"^\d+$")
        }
        assert!(digits().is_match("123"));
        assert!(!digits().is_match("١٢٣")); // Arabic-Indic digits are not ASCII
        assert!(std::ptr::eq(digits(), digits()));
    }
}
