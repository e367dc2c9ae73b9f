//! The sniffer: which kind of content is this, from the bytes alone.
//!
//! It looks at a bounded prefix (plus a cheap full check for JSON), so it costs microseconds
//! even on large inputs. A wrong guess is never fatal: every compressor keeps what it does not
//! understand, and the never-worse check sits behind all of them.

use crate::re::re;
use regex::Regex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Binary,
    Json,
    Log,
    Test,
    Code,
    Diff,
    Text,
    /// git log, grep -rn, find, ls -laR (see `shell.rs`)
    Shell,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Binary,
        Kind::Json,
        Kind::Log,
        Kind::Test,
        Kind::Code,
        Kind::Diff,
        Kind::Text,
        Kind::Shell,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Binary => "binary",
            Kind::Json => "json",
            Kind::Log => "log",
            Kind::Test => "test",
            Kind::Code => "code",
            Kind::Diff => "diff",
            Kind::Text => "text",
            Kind::Shell => "shell",
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
    if crate::testout::is_go_test_json(text) {
        return Kind::Test;
    }
    if looks_like_json(text) {
        return Kind::Json;
    }
    let head = prefix_str(text, PREFIX);
    let lines: Vec<&str> = head.lines().take(2000).collect();
    if lines.is_empty() {
        return Kind::Text;
    }
    use crate::shell::Format;
    if matches!(
        crate::shell::detect(head),
        Some(Format::GitLog | Format::Ls | Format::Du | Format::Tree)
    ) {
        // `git log -p` holds diffs but reads commit by commit; a listing's names (`test_x.py`)
        // say nothing about what kind it is
        return Kind::Shell;
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
    if is_test_output(probe) || crate::testout::looks_like(probe, suffix_str(text, 4096)) {
        return Kind::Test;
    }
    if crate::shell::detect(head).is_some() {
        return Kind::Shell;
    }
    if share(&lines, |l| log_line().is_match(l)) >= 0.5 {
        return Kind::Log;
    }
    if is_code(&prose) {
        return Kind::Code;
    }
    Kind::Text
}

/// The first `n` bytes (or fewer) of `text`, cut at a character boundary.
pub(crate) fn prefix_str(text: &str, n: usize) -> &str {
    if text.len() <= n {
        return text;
    }
    let mut end = n;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The last `n` bytes (or fewer) of `text`: runners print their verdict at the end.
fn suffix_str(text: &str, n: usize) -> &str {
    let mut start = text.len().saturating_sub(n);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
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
    let starts = lines
        .iter()
        .take(50)
        .any(|l| l.starts_with("diff --git ") || l.starts_with("--- a/"));
    starts && lines.iter().any(|l| l.starts_with("@@ "))
}

pub(crate) fn is_test_output(head: &str) -> bool {
    re!(concat!(
            r"(?m)^(=+ test session starts =+|=+ (FAILURES|ERRORS|short test summary info) =+|",
            r"collected \d+ items?|Ran \d+ tests? in |test result: (ok|FAILED)\.|running \d+ tests?$|",
            r"(PASS|FAIL) \S+\.(js|ts|jsx|tsx|mjs|cjs)|Tests?: +\d+ |=== RUN +\S|--- (PASS|FAIL): |",
            r"(ok|FAIL|\?) +\S+\s+(\d+\.\d+s|\[no test files\]|\(cached\))|\S+\.\w+\(\d+,\d+\): error TS\d+|",
            r"error(\[E\d{4}\])?: |warning: .*\n +--> |\[INFO\] Tests run: |\[ERROR\] Tests run: |",
            r"Tests run: \d+, Failures: |\d+ passing \(|\S+:\d+:\d+: (error|warning): |",
            r"\S+\.py:\d+: error: |Found \d+ errors? in \d+ files?)"
        ))
    .is_match(head)
}

fn log_line() -> &'static Regex {
    re!(concat!(
        r"^\s*(\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[?\d{2,4}[-/]\d{2}[-/]\d{2,4}[ T,-]+\d{1,2}:\d{2}|",
        r"\[?[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2}|\[?[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}|",
        r"\d{2}:\d{2}:\d{2}[.,]\d+|\d{10}(\.\d+)? |\d{6,8}[ -]\d{6}|\[\d+(\.\d+)?\]|",
        r"\d{2}-\d{2} \d{2}:\d{2}:\d{2}|\d{8}-\d{2}:\d{2}:\d{2}|\S*\d\S* (\S+ ){0,3}\d{10} |\S+ \d{10} \d{4}\.\d{2}\.\d{2} |",
        r"\S+ \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}|\[[^\]]{0,30}\d{2}:\d{2}:\d{2}|",
        r"- - \[\d{2}/[A-Z][a-z]{2}/\d{4}|\S+ +- +- +\[|",
        r"(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|FATAL|CRITICAL|[IWEDF])[ :/\]]|",
        r"\d+ \d+ \d+ \d+ )"
    ))
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
    let re = re!(concat!(
        r"^\s*(import |from \S+ import |#include |package |use |fn |pub |impl |def |async def |class |",
        r"func |type \w+ |const |let |var |function |export |module\.exports|require\(|struct |enum |",
        r"interface |public |private |protected |static |return |if \(|for \(|while \(|\}|@\w+|#!/)"
    ));
    // C-style comment lines say nothing either way: a well-documented file is still code
    let uncommented: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !is_comment_line(l))
        .collect();
    let base = if uncommented.iter().filter(|l| !l.trim().is_empty()).count() >= 10 {
        &uncommented[..]
    } else {
        lines
    };
    let code_like = share(base, |l| {
        re.is_match(l) || is_preprocessor(l) || l.trim_end().ends_with(['{', ';', ':'])
    });
    code_like >= 0.35 || is_python(lines) || has_definitions(lines) || has_shebang(lines)
}

fn is_comment_line(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("//") || t.starts_with("/*") || t.starts_with('*')
}

fn is_preprocessor(line: &str) -> bool {
    re!(r"^\s*#\s*(if|ifdef|ifndef|endif|else|elif|define|undef|include|pragma)\b").is_match(line)
}

/// Lines that only source code starts with: Go, Rust, C and C++, TypeScript declarations.
fn has_definitions(lines: &[&str]) -> bool {
    let re = re!(concat!(
        r"^(package \w+\s*$|func (\([^)]*\) )?\w+(\[.*\])?\(|import \($|(pub(\(\w+\))? )?(fn|struct|enum|trait|mod) \w+|",
        r"impl(<.*>)? \w|use [\w:]+(::\{.*\})?;|#\s*(include|define|ifndef)\b|typedef |namespace \w+|template\s*<|",
        r"(export )?(declare |interface \w+|type \w+(<.*>)? = ))"
    ));
    if lines.iter().any(|l| l.starts_with("```")) {
        return false;
    }
    let hits = lines.iter().filter(|l| re.is_match(l)).count();
    hits >= 5 && share(lines, |l| re.is_match(l)) >= 0.04
}

/// A script names its interpreter on the first line.
fn has_shebang(lines: &[&str]) -> bool {
    re!(r"^#!\s*/\S*/(env\s+)?((ba|z|k|da)?sh|python[\d.]*|node|ruby|perl|php)\b")
        .is_match(lines.first().copied().unwrap_or(""))
}

/// Python with long docstrings has few lines that end like code, but its `def`, `class` and
/// import lines are distinctive; prose with a code sample (markdown fences) does not count.
fn is_python(lines: &[&str]) -> bool {
    let re =
        re!(r"^\s*((async )?def \w+\s*\(|class \w+\s*[(:]|import [\w.]+|from [.\w]+ import \S)");
    if lines.iter().any(|l| l.starts_with("```")) {
        return false;
    }
    let hits = lines.iter().filter(|l| re.is_match(l)).count();
    hits >= 5 && share(lines, |l| re.is_match(l)) >= 0.02
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
        // Android logcat, HealthApp, HPC and Thunderbird headers (loghub)
        for line in [
            "03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogs",
            "20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579",
            "134681 node-246 unix.hw state_change.unavailable 1077804742 1 Component State Change",
            "- 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228 crond[2916]: (root) CMD",
            "APPREAD 1117869872 2005.06.04 R04-M1-N4-I:J18-U11 2005-06-04-00.24.32.432192 RAS APP FATAL",
            "nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:00:00.008 25746 INFO nova.osapi_compute",
            "[10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 open through proxy",
        ] {
            assert_eq!(sniff(format!("{line}\n{line}\n").as_bytes()), Kind::Log, "{line}");
        }
        let py = "import os\n\ndef main():\n    return 1\n\nclass A:\n    pass\n";
        assert_eq!(sniff(py.as_bytes()), Kind::Code);
        let doc = format!(
            "\"\"\"A module.\n\n{}\"\"\"\n",
            "Prose that explains it at length.\n".repeat(12)
        );
        let py_doc = format!("{doc}import os\nimport re\nfrom a import b\n\ndef f(x):\n    \"\"\"Doc.\n\n    More.\n    \"\"\"\n\n\nclass A(object):\n    \"\"\"Doc.\n\n    Words.\n    \"\"\"\n    def g(self):\n        pass\n");
        assert_eq!(sniff(py_doc.as_bytes()), Kind::Code);
        let doc_comment =
            "/**\n * Words about the next function, which does what it says.\n */\n".repeat(8);
        let ts = format!(
            "{doc_comment}export interface A {{\n  x: number\n  y: string\n}}\n{}",
            "/** More. */\nf(a: number): void;\n".repeat(8)
        );
        assert_eq!(sniff(ts.as_bytes()), Kind::Code);
        let go = format!(
            "package main\n\n{}",
            "// Doc line one.\n// Doc line two, longer.\n// And three.\nfunc F(a int) int\n\n"
                .repeat(6)
        );
        assert_eq!(sniff(go.as_bytes()), Kind::Code);
        let sh = "#!/bin/sh\n\necho hello world\ncp a b\nmv b c\n";
        assert_eq!(sniff(sh.as_bytes()), Kind::Code);
        assert_eq!(
            sniff(b"node-1 says python is up\nnode-2 says python is down\n"),
            Kind::Text
        );
        let prose =
            "Some words about code.\n// not really\nAnd a closing line of prose.\n".repeat(5);
        assert_eq!(sniff(prose.as_bytes()), Kind::Text);
        let t = "============================= test session starts ==============================\ncollected 3 items\n";
        assert_eq!(sniff(t.as_bytes()), Kind::Test);
        let d = "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n";
        assert_eq!(sniff(d.as_bytes()), Kind::Diff);
        assert_eq!(
            sniff(b"Just a sentence of prose.\nAnd another one here.\n"),
            Kind::Text
        );
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
