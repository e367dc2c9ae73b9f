//! The sniffer: which kind of content is this, from the bytes alone.
//!
//! It looks at a bounded prefix (plus a cheap full check for JSON), so it costs microseconds
//! even on large inputs. A wrong guess is never fatal: every compressor keeps what it does not
//! understand, and the never-worse check sits behind all of them.

use regex::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Binary,
    Json,
    Log,
    Test,
    Code,
    Diff,
    Text,
}

impl Kind {
    pub const ALL: [Kind; 7] =
        [Kind::Binary, Kind::Json, Kind::Log, Kind::Test, Kind::Code, Kind::Diff, Kind::Text];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Binary => "binary",
            Kind::Json => "json",
            Kind::Log => "log",
            Kind::Test => "test",
            Kind::Code => "code",
            Kind::Diff => "diff",
            Kind::Text => "text",
        }
    }

    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// How much of the input the line-based heuristics read.
const PREFIX: usize = 64 * 1024;

pub fn sniff(data: &[u8]) -> Kind {
    let head = &data[..data.len().min(PREFIX)];
    if memchr::memchr(0, head).is_some() {
        return Kind::Binary;
    }
    let text = match std::str::from_utf8(data) {
        Ok(t) => t,
        Err(_) => return Kind::Binary,
    };
    if looks_like_json(text) {
        return Kind::Json;
    }
    let head = prefix_str(text, PREFIX);
    let lines: Vec<&str> = head.lines().take(2000).collect();
    if lines.is_empty() {
        return Kind::Text;
    }
    if is_diff(&lines) {
        return Kind::Diff;
    }
    // what markdown quotes inside code fences (an `error: …` line, a test run) says nothing
    // about the document itself
    let prose = outside_fences(&lines);
    let joined;
    let probe = if prose.len() < lines.len() {
        joined = prose.join("\n");
        joined.as_str()
    } else {
        head
    };
    if is_test_output(probe) {
        return Kind::Test;
    }
    if share(&lines, |l| log_line().is_match(l)) >= 0.5 {
        return Kind::Log;
    }
    if is_code(&prose) {
        return Kind::Code;
    }
    Kind::Text
}

fn prefix_str(text: &str, n: usize) -> &str {
    if text.len() <= n {
        return text;
    }
    let mut end = n;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn share(lines: &[&str], pred: impl Fn(&str) -> bool) -> f64 {
    let nonblank: Vec<&&str> = lines.iter().filter(|l| !l.trim().is_empty()).collect();
    if nonblank.is_empty() {
        return 0.0;
    }
    nonblank.iter().filter(|l| pred(l)).count() as f64 / nonblank.len() as f64
}

/// A whole JSON document, or NDJSON (every non-blank line a JSON object or array).
pub fn looks_like_json(text: &str) -> bool {
    let t = text.trim_start();
    if !(t.starts_with('{') || t.starts_with('[')) {
        return false;
    }
    if serde_json::from_str::<serde::de::IgnoredAny>(t).is_ok() {
        return true;
    }
    let mut any = false;
    for line in t.lines().filter(|l| !l.trim().is_empty()) {
        let l = line.trim();
        if !(l.starts_with('{') || l.starts_with('['))
            || serde_json::from_str::<serde::de::IgnoredAny>(l).is_err()
        {
            return false;
        }
        any = true;
    }
    any
}

fn is_diff(lines: &[&str]) -> bool {
    let starts = lines.iter().take(50).any(|l| l.starts_with("diff --git ") || l.starts_with("--- a/"));
    starts && lines.iter().any(|l| l.starts_with("@@ "))
}

fn is_test_output(head: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"(?m)^(=+ test session starts =+|=+ (FAILURES|ERRORS|short test summary info) =+|",
            r"collected \d+ items?|Ran \d+ tests? in |test result: (ok|FAILED)\.|running \d+ tests?$|",
            r"(PASS|FAIL) \S+\.(js|ts|jsx|tsx|mjs|cjs)|Tests?: +\d+ |=== RUN +\S|--- (PASS|FAIL): |",
            r"(ok|FAIL|\?) +\S+\s+(\d+\.\d+s|\[no test files\]|\(cached\))|\S+\.\w+\(\d+,\d+\): error TS\d+|",
            r"error(\[E\d{4}\])?: |warning: .*\n +--> |\[INFO\] Tests run: |\[ERROR\] Tests run: |",
            r"Tests run: \d+, Failures: |\d+ passing \(|\S+:\d+:\d+: (error|warning): |",
            r"\S+\.py:\d+: error: |Found \d+ errors? in \d+ files?)"
        ))
        .unwrap()
    })
    .is_match(head)
}

fn log_line() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"^\s*(\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[?\d{2,4}[-/]\d{2}[-/]\d{2,4}[ T,-]+\d{1,2}:\d{2}|",
            r"\[?[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2}|\[?[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}|",
            r"\d{2}:\d{2}:\d{2}[.,]\d+|\d{10}(\.\d+)? |\d{6,8}[ -]\d{6}|\[\d+(\.\d+)?\]|",
            r"- - \[\d{2}/[A-Z][a-z]{2}/\d{4}|\S+ +- +- +\[|",
            r"(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|FATAL|CRITICAL|[IWEDF])[ :/\]]|",
            r"\d+ \d+ \d+ \d+ )"
        ))
        .unwrap()
    })
}

/// The lines outside markdown code fences: a README full of examples is prose, not code.
fn outside_fences<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let mut inside = false;
    let mut out = Vec::with_capacity(lines.len());
    for l in lines {
        let t = l.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            inside = !inside;
        } else if !inside {
            out.push(*l);
        }
    }
    out
}

fn is_code(lines: &[&str]) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(concat!(
            r"^\s*(import |from \S+ import |#include |package |use |fn |pub |impl |def |async def |class |",
            r"func |type \w+ |const |let |var |function |export |module\.exports|require\(|struct |enum |",
            r"interface |public |private |protected |static |return |if \(|for \(|while \(|\}|@\w+|#!/)"
        ))
        .unwrap()
    });
    let code_like = share(lines, |l| re.is_match(l) || l.trim_end().ends_with(['{', ';', ':']));
    code_like >= 0.35
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0"), Kind::Binary);
        assert_eq!(sniff(b"caf\xe9 au lait"), Kind::Binary);
        assert_eq!(sniff(b"  {\"a\": [1, 2]}\n"), Kind::Json);
        assert_eq!(sniff(b"{\"a\":1}\n{\"a\":2}\n"), Kind::Json);
        assert_eq!(sniff(b"{not json"), Kind::Text);
        let log = "2024-01-02 10:00:01,123 INFO started\n2024-01-02 10:00:02,456 WARN slow\n";
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
        let py = "import os\n\ndef main():\n    return 1\n\nclass A:\n    pass\n";
        assert_eq!(sniff(py.as_bytes()), Kind::Code);
        let t = "============================= test session starts ==============================\ncollected 3 items\n";
        assert_eq!(sniff(t.as_bytes()), Kind::Test);
        let d = "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n";
        assert_eq!(sniff(d.as_bytes()), Kind::Diff);
        assert_eq!(sniff(b"Just a sentence of prose.\nAnd another one here.\n"), Kind::Text);
        let md = "# Setup\n\nInstall it and configure it:\n\n```js\nconst a = require('a');\nmodule.exports = {};\n```\n\nThen run it.\n";
        assert_eq!(sniff(md.as_bytes()), Kind::Text);
        let md = "# Pushing\n\nIf the push fails you see:\n\n```console\nerror: failed to push some refs\n```\n\nThen rebase.\n";
        assert_eq!(sniff(md.as_bytes()), Kind::Text);
    }

    #[test]
    fn names_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Kind::parse("nope"), None);
    }
}
