//! Compiler and linter diagnostics: rustc/cargo, gcc/clang, tsc, mypy, ruff, eslint, go build.
//!
//! Every headline stays with its location. An error keeps its excerpt and notes the first time
//! its message (masked: numbers and quoted names) is seen; a later error with the same message
//! keeps its headline and location, and its elaboration folds. Elaboration lines (tsc's chains of
//! `Type 'X' is not assignable to type 'Y'.`, rustc's `= note:` lines) that repeat one shown
//! above in shape fold wherever they are. A warning keeps its headline and location, and its
//! excerpt the first time its message is seen: the code at fault, which a needle for a build
//! log's rare lines asks for. A diagnostic, note or warning identical to one shown earlier folds.

use super::rules::{rule, Act, Memory, Runner};
use super::{re, Cat, Classifier};
use crate::mask::shape;
use crate::plan::Priority::{self, Critical, Notable, Verdict};

pub(crate) const DIAGNOSTICS: Runner = Runner {
    present: |_| true,
    trim: false,
    rules: &[
        rule(|l| rustc_headline(l).is_some(), Act::Region(rustc_block)),
        rule(|l| cc_headline(l).is_some(), Act::Region(cc_block)),
        // tsc: continuation lines are indented under the headline
        rule(
            |l| re!(r"^\S+\(\d+,\d+\): (error|warning) TS\d+: ").is_match(l),
            Act::Region(|c, i, m| {
                let end = extent(c, i + 1, |l| l.starts_with("  "));
                elaborated(c, i, i + 1..end, m)
            }),
        ),
        // tsc --pretty: a blank line, then the excerpt up to the next blank line
        rule(
            |l| re!(r"^\S+:\d+:\d+ - (error|warning) TS\d+: ").is_match(l),
            Act::Region(|c, i, m| {
                let blank = c.lines.get(i + 1).is_some_and(|l| l.trim().is_empty());
                let from = (i + 1 + usize::from(blank)).min(c.len());
                let end = extent(c, from, |l| !l.trim().is_empty());
                elaborated(c, i, i + 1..end, m)
            }),
        ),
        // ruff's full format: the code, then `--> file:line:col` and an excerpt to the blank line.
        // A finding said before (`D101 Missing docstring in public class`, at each class) keeps
        // its headline and place; its excerpt, the code at that place, folds
        rule(
            |l| re!(r"^[A-Z]+\d+ (\[\*\] )?\S").is_match(l),
            Act::Region(|c, i, m| {
                if !c
                    .lines
                    .get(i + 1)
                    .is_some_and(|l| re!(r"^\s*--> \S+:\d+:\d+$").is_match(l))
                {
                    return i + 1;
                }
                let end = extent(c, i + 1, |l| !l.trim().is_empty());
                if m.heads.insert(c.lines[i].to_string()) {
                    c.keep_block(i, end, Critical);
                } else {
                    c.keep_block(i, i + 2, Critical);
                    for k in i + 2..end {
                        c.fold(k, Cat::WarningDetail);
                    }
                }
                end
            }),
        ),
        // ruff concise, go build and go vet, eslint's unix and compact formats, shellcheck's place
        // (its carets under it, one said at another place before, fold as repeats): a finding
        rule(|l| crate::logline::is_finding(l) || re!(r"^\S+\.go:\d+(:\d+)?: ").is_match(l), Act::Keep(Critical)),
        rule(is_eslint_entry, Act::Region(eslint)),
        rule(
            |l| {
                re!(concat!(
                r"^(Found \d+ errors?|Success: no issues found|\d+ (warnings?|errors?)( and \d+ errors?)? generated\.|",
                r"✖ \d+ problems?|All checks passed!|\[\*\] \d+ fixable|collect2: error|\S*ld(\.\w+)?: .*(undefined reference|cannot find)|",
                r"make(\[\d+\])?: \*\*\*|compilation terminated\.|Compilation failed|error: )"
            ))
            .is_match(l)
            },
            Act::Keep(Verdict),
        ),
        rule(
            |l| re!(r"^(warning|Warning|WARNING)[:\[ ]").is_match(l),
            Act::Keep(Notable),
        ),
    ],
};

/// Keep the headline at `i` and the elaboration `body` of a diagnostic: whole the first time
/// its message is seen, else folded; lines of a shape shown above fold either way. A `-->`
/// location always stays. Returns the end of the body.
fn elaborated(c: &mut Classifier, i: usize, body: std::ops::Range<usize>, m: &mut Memory) -> usize {
    let p = severity(c.lines[i]);
    c.keep(i, p);
    let again = !m.heads.insert(template(message(c.lines[i])));
    let end = body.end;
    for k in body {
        let line = c.lines[k];
        if re!(r"^\s*--> \S").is_match(line) {
            c.keep(k, p);
            continue;
        }
        let t = template(line);
        if line.trim().is_empty() || !m.shapes.insert(t) && !is_excerpt(line) || again {
            c.fold(k, Cat::Elaboration);
        } else {
            c.keep(k, p);
        }
    }
    end
}

/// A source excerpt or caret line (`  12 |     x = 1;`, `     |     ^~~`, tsc's `12   x = 1`):
/// it repeats a shape only by accident, so it folds only with its whole diagnostic.
fn is_excerpt(line: &str) -> bool {
    re!(r"^\s*\d*\s*\|| ~+\s*$|^\s*[\^~]+|^\d+\s{2}").is_match(line)
}

/// A headline without its location: `a.ts(3,5): error TS2322: …` -> `error TS2322: …`.
fn message(head: &str) -> &str {
    re!(r"^\S+?(\(\d+,\d+\)|:\d+(:\d+)?)(:| -) ")
        .find(head)
        .map_or(head, |m| &head[m.end()..])
}

/// A line's template: numbers masked (as `shape` does) and quoted values as `'*'`.
fn template(line: &str) -> String {
    let quoted = re!(r#"'[^']*'|"[^"]*"|‘[^’]*’|`[^`]*`"#);
    shape(&quoted.replace_all(line.trim_end(), "'*'"))
}

/// An entry of eslint's stylish format: its line and column, its severity and what is wrong
/// (`   158:25  error    Expected { after 'if' condition  curly`), under its file's path.
pub(crate) fn is_eslint_entry(line: &str) -> bool {
    re!(r"^\s+\d+:\d+\s+(error|warning)\s+").is_match(line)
}

/// eslint stylish: the file's path is the line above the first entry.
fn eslint(c: &mut Classifier, i: usize, _: &mut Memory) -> usize {
    c.keep(i, severity(c.lines[i]));
    let mut k = i;
    while k > 0 && is_eslint_entry(c.lines[k - 1]) {
        k -= 1;
    }
    if k > 0 && !c.lines[k - 1].starts_with(' ') && !c.lines[k - 1].is_empty() {
        c.force(k - 1, super::Role::Keep(Critical));
    }
    i + 1
}

/// `file:line[:col]: severity: message` (gcc, clang, mypy): the severity.
fn cc_headline(line: &str) -> Option<&str> {
    re!(r"^(\S.*?):(\d+):(?:(\d+):)? (fatal error|error|warning|note|remark): (.*)$")
        .captures(line)
        .map(|m| m.get(4).unwrap().as_str())
}

fn severity(line: &str) -> Priority {
    if line.contains("error") {
        Critical
    } else {
        Notable
    }
}

/// First index at or after `from` whose line does not satisfy `more`.
pub(super) fn extent(c: &Classifier, from: usize, more: impl Fn(&str) -> bool) -> usize {
    let mut j = from;
    while j < c.len() && !c.claimed(j) && more(c.lines[j]) {
        j += 1;
    }
    j
}

/// `error[E0308]: mismatched types` -> Critical; cargo's closing lines are summaries, no block.
fn rustc_headline(line: &str) -> Option<&'static str> {
    let m = re!(r"^(error|warning)(\[\w+\])?: \S").captures(line)?;
    Some(if m.get(1).unwrap().as_str() == "error" {
        "error"
    } else {
        "warning"
    })
}

fn rustc_block(c: &mut Classifier, i: usize, m: &mut Memory) -> usize {
    let line = c.lines[i];
    let sev = rustc_headline(line).unwrap_or("error");
    let summary = re!(concat!(
        r"^(warning: .* generated \d+ warnings?|warning: \d+ warnings? emitted|error: aborting due to|",
        r"error: could not compile|warning: build failed|error: test failed|error: \d+ targets? failed|",
        r"warning: unused manifest key|error: failed to run custom build)"
    ));
    if summary.is_match(line) {
        c.keep(i, Verdict);
        return i + 1;
    }
    // the block runs over rustc's own lines, to the blank line at most; an indented `-->`
    // names the location
    let end = extent(c, i + 1, rustc_body);
    let loc = (i + 1..end).find(|&k| re!(r"^\s*--> ").is_match(c.lines[k]));
    let key = format!("{line}\n{}", loc.map_or("", |k| c.lines[k]));
    if !m.said.insert(key) {
        for k in i..end {
            c.fold(k, Cat::Repeat);
        }
        return end;
    }
    if sev == "error" {
        notes(c, i + 1, end, &mut m.said);
        // what an error's carets say at its place is what went wrong there: a message said
        // before (`mismatched types`) keeps its excerpt when a label is new (``^^^ expected
        // `i32`, found `&str` `` after ``expected `u32`, found `u16` ``)
        let mut new_label = false;
        for k in i + 1..end {
            if let Some(label) = primary_label(c.lines[k]) {
                new_label |= m.said.insert(format!("label {label}"));
            }
        }
        elaborated(c, i, i + 1..end, m);
        if new_label {
            for k in i + 1..end {
                if is_excerpt(c.lines[k]) {
                    c.force(k, super::Role::Keep(Critical));
                }
            }
        }
    } else {
        // a warning's excerpt and help, the code at fault and its fix, stay the first time its
        // message is seen; a later warning of that message keeps its headline and location
        c.keep(i, Notable);
        if let Some(k) = loc {
            c.keep(k, Notable);
        }
        if !m.heads.contains(&template(message(line))) {
            elaborated(c, i, i + 1..end, m);
        }
        for k in i + 1..end {
            c.fold(k, Cat::WarningDetail);
        }
    }
    end
}

/// A line of a rustc diagnostic's body: its location (` --> src/a.rs:2:9`), a gutter and its
/// excerpt or suggestion (`  |`, `12 |     let x = 5;`, `12 ~     let _x = 5;`, `...`; `LL` for
/// the line number in rustc's own tests), a note or help (`  = note: …`, `help: …`), or
/// a line indented under them. Another tool's `warning: …` line shares rustc's headline, but
/// not its body: what follows it is the tool's output (a build's next steps, a crash's
/// location), never the warning's detail.
fn rustc_body(line: &str) -> bool {
    re!(r"^\s+\S|^(\d+|LL) +[|~+-]( |$)|^\.\.\.|^(note|help)(\[\w+\])?: ").is_match(line)
}

/// What the primary carets of a rustc excerpt say (`   |     ^^^ expected `i32`, found `&str``).
fn primary_label(line: &str) -> Option<&str> {
    re!(r"^\s*\|.*?\^+ (\S.*)$").captures(line).map(|m| m.get(1).unwrap().as_str())
}

/// gcc, clang and mypy: `file:line:col: severity: message`, then an excerpt with `|` gutters.
fn cc_block(c: &mut Classifier, i: usize, m: &mut Memory) -> usize {
    let line = c.lines[i];
    let sev = cc_headline(line).unwrap_or("error");
    // mypy --pretty wraps a long message onto lines of its own, up to the `[error-code]`
    let mut from = i + 1;
    if re!(r"^\S+:\d+: (error|note): ").is_match(line) && !line.trim_end().ends_with(']') {
        while from < c.len()
            && !c.claimed(from)
            && !c.lines[from].starts_with(' ')
            && !c.lines[from].trim().is_empty()
            && !re!(r"^\S+:(\d+:)? ").is_match(c.lines[from])
        {
            c.keep(from, if sev == "error" { Critical } else { Notable });
            from += 1;
            if c.lines[from - 1].trim_end().ends_with(']') {
                break;
            }
        }
    }
    // gcc and clang excerpts have `|` gutters; mypy's are indented under the headline
    let end = extent(c, from.min(c.len()), |l| {
        re!(r"^\s+(\d+ )?\|").is_match(l)
            || re!(r"^\s+\^").is_match(l)
            || re!(r"^ {4,}\S").is_match(l)
    });
    if !m.said.insert(line.to_string())
        || (sev == "note" && !m.said.insert(note_text(line).to_string()))
    {
        for k in i..end {
            c.fold(k, Cat::Repeat);
        }
        return end;
    }
    match sev {
        "error" | "fatal error" => {
            elaborated(c, i, from..end, m);
        }
        // the first time its message is seen, a warning stays whole with the code at fault
        "warning" if m.heads.insert(template(message(line))) => c.keep_block(i, end, Notable),
        "warning" => {
            c.keep(i, Notable);
            for k in i + 1..end {
                c.fold(k, Cat::WarningDetail);
            }
        }
        _ => c.keep_block(i, end, Notable),
    }
    end
}

/// A note's message without its location: the same note at many places is one note.
fn note_text(line: &str) -> &str {
    line.split_once(": note: ").map_or(line, |(_, t)| t)
}

/// Notes and helps inside an error block that repeat one shown earlier fold.
fn notes(
    c: &mut Classifier,
    start: usize,
    end: usize,
    seen: &mut std::collections::HashSet<String>,
) {
    for k in start..end {
        let t = c.lines[k].trim_start();
        if (t.starts_with("= note: ") || t.starts_with("= help: ")) && !seen.insert(t.to_string()) {
            c.fold(k, Cat::Repeat);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testout::testutil::{assert_kept, run};

    #[test]
    fn another_tools_warning_has_no_rustc_body_to_fold() {
        // a build script's own warning, then its output, then Node's report of where it threw
        let mut t = String::from("> node build.js\n\nwarning: deprecated option --legacy used\n");
        for i in 0..60 {
            t.push_str(&format!("[build] compiled module {i} in {} ms\n", i * 7 % 90));
        }
        t.push_str("/app/build.js:5\nthrow e;\n^\n\nError: Cannot find module ./missing-plugin\n    at Object.<anonymous> (/app/build.js:3:11)\n\nNode.js v20.20.2\n");
        let out = assert_kept(&t, &["warning: deprecated option --legacy used", "/app/build.js:5", "throw e;", "Error: Cannot find module"]);
        assert!(!out.contains("details"), "no line below the warning is its detail: {out}");
    }

    #[test]
    fn rustc_warnings_keep_headline_and_location() {
        let mut t = String::new();
        for i in 0..12 {
            t.push_str(&format!("warning: unused variable: `x{i}`\n --> src/main.rs:{i}:9\n  |\n{i} |     let x{i} = 1;\n  |         ^^ help: if this is intentional, prefix it with an underscore: `_x{i}`\n  |\n  = note: `#[warn(unused_variables)]` on by default\n\n"));
        }
        t.push_str("error[E0308]: mismatched types\n --> src/main.rs:20:5\n   |\n20 |     1u8\n   |     ^^^ expected `()`, found `u8`\n\nerror: aborting due to 1 previous error; 12 warnings emitted\n");
        let out = assert_kept(
            &t,
            &[
                "warning: unused variable: `x3`",
                " --> src/main.rs:3:9",
                "error[E0308]: mismatched types",
                " --> src/main.rs:20:5",
                "^^^ expected `()`, found `u8`",
                "error: aborting due to 1 previous error",
            ],
        );
        assert!(out.contains("[hr 5 details L"), "{out}");
    }

    #[test]
    fn a_rustc_warnings_excerpt_and_fix_stay_the_first_time_its_message_is_seen() {
        // clippy, as cargo prints it: two lints, the second twice
        let lint = |line: u32, var: &str| {
            format!(
                "warning: manual implementation of an assign operation\n --> src/lib.rs:{line}:9\n  |\n{line} |         {var} = {var} + v[i];\n  |         ^^^^^^^^^^^^ help: replace it with: `{var} += v[i]`\n  |\n  = help: for further information visit https://rust-lang.github.io/rust-clippy/master/index.html#assign_op_pattern\n\n"
            )
        };
        let mut t = String::from("    Checking shop v0.1.0 (/src/shop)\nwarning: length comparison to zero\n  --> src/lib.rs:10:8\n   |\n10 |     if v.len() == 0 { return 0.0; }\n   |        ^^^^^^^^^^^^ help: using `is_empty` is clearer and more explicit: `v.is_empty()`\n   |\n   = note: `#[warn(clippy::len_zero)]` on by default\n\n");
        t += &lint(4, "s");
        t += &lint(17, "total");
        t += "warning: `shop` (lib) generated 3 warnings\n    Finished `dev` profile [unoptimized + debuginfo] target(s) in 0.16s\n";
        let out = assert_kept(
            &t,
            &[
                "10 |     if v.len() == 0 { return 0.0; }",
                "help: using `is_empty` is clearer and more explicit: `v.is_empty()`",
                "4 |         s = s + v[i];",
                "help: replace it with: `s += v[i]`",
                " --> src/lib.rs:17:9",
                "generated 3 warnings",
            ],
        );
        // the same lint again keeps its headline and place; its excerpt folds
        assert!(!out.contains("total = total + v[i]"), "{out}");
        assert!(out.contains("[hr 5 details"), "{out}");
    }

    #[test]
    fn a_rustc_error_said_again_keeps_what_its_carets_say_when_it_is_new() {
        // `mismatched types` twice: what was expected and found differs, and is the error;
        // the same message with the same label at a third place folds its excerpt
        let error = |line: usize, code: &str, label: &str| {
            format!("error[E0308]: mismatched types\n  --> src/main.rs:{line}:18\n   |\n{line} |     {code}\n   |            ---   ^^^ {label}\n   |            |\n   |            expected due to this\n\n")
        };
        let mut t = error(23, "let port: u32 = cfg.port;", "expected `u32`, found `u16`");
        t.push_str(&error(29, "let n: i32 = \"5\";", "expected `i32`, found `&str`"));
        t.push_str(&error(31, "let m: i32 = \"6\";", "expected `i32`, found `&str`"));
        t.push_str("error: could not compile `probe` (bin \"probe\") due to 3 previous errors\n");
        let out = assert_kept(&t, &["^^^ expected `u32`, found `u16`", "^^^ expected `i32`, found `&str`", "29 |     let n: i32 = \"5\";", "  --> src/main.rs:31:18"]);
        assert!(!out.contains("31 |     let m: i32"), "{out}");
    }

    #[test]
    fn gcc_and_tsc_headlines() {
        let t = concat!(
            "cJSON.c: In function ‘parse_number’:\n",
            "cJSON.c:315:5: error: expected ‘,’ or ‘;’ before ‘cJSON_bool’\n  315 |     cJSON_bool x = false;\n      |     ^~~~~~~~~~\n",
            "cJSON.c:348:17: note: each undeclared identifier is reported only once\n",
            "cJSON.c:593:28: warning: unused variable ‘hooks_copy’ [-Wunused-variable]\n  593 |     struct internal_hooks *hooks_copy = output_buffer;\n      |                            ^~~~~~~~~~\n",
            "cJSON.c:700:28: warning: unused variable ‘spare_hooks’ [-Wunused-variable]\n  700 |     struct internal_hooks *spare_hooks = output_buffer;\n      |                            ^~~~~~~~~~~\n",
            "cJSON.c:601:17: note: each undeclared identifier is reported only once\n",
            "src/a.ts(3,5): error TS2322: Type 'string' is not assignable to type 'number'.\n  Details of the mismatch.\n",
        );
        let mut long = t.to_string();
        long.push_str(&"filler that repeats itself in this build log line\n".repeat(30));
        let out = assert_kept(
            &long,
            &[
                "cJSON.c:315:5: error: expected",
                "  315 |     cJSON_bool x = false;",
                "cJSON.c:593:28: warning: unused variable",
                // a warning's excerpt stays the first time its message is seen
                "  593 |     struct internal_hooks *hooks_copy = output_buffer;",
                "cJSON.c:700:28: warning: unused variable",
                "src/a.ts(3,5): error TS2322",
                "  Details of the mismatch.",
            ],
        );
        assert!(!out.contains("cJSON.c:601:17: note"), "{out}");
        // and folds when a warning with the same message (another name quoted) comes again
        assert!(!out.contains("  700 |     struct internal_hooks *spare_hooks"), "{out}");
    }

    #[test]
    fn mypy_ruff_eslint() {
        let mut t = String::new();
        for i in 0..8 {
            t.push_str(&format!("src/app.py:{}: error: Incompatible return value type (got \"str\", expected \"int\")  [return-value]\n", 10 + i));
            t.push_str(&format!("src/app.py:{}: note: See https://mypy.rtfd.io/en/stable/_refs.html#code-return-value\n", 10 + i));
            t.push_str(&format!(
                "src/app.py:{}: note: Use \"-> None\" if function does not return a value\n",
                10 + i
            ));
        }
        t.push_str("Found 8 errors in 1 file (checked 3 source files)\n");
        let out = assert_kept(
            &t,
            &[
                "src/app.py:10: error: Incompatible return value",
                "src/app.py:17: error:",
                "Found 8 errors in 1 file",
            ],
        );
        assert_eq!(out.matches("note: See https").count(), 1, "{out}");
        assert_eq!(out.matches("[hr 2 repeated lines ").count(), 7, "{out}");
        // a blank line between the folded lines is counted too: the counts add up to the range
        let spaced = crate::testout::testutil::run(&t.replace("code-return-value\n", "code-return-value\n\n"));
        assert!(spaced.contains(" repeated lines"), "{spaced}");
        for marker in spaced.lines().filter(|l| l.contains(" repeated line")) {
            let (a, b) = crate::marker::span_of(marker).expect(marker);
            let counted: usize = marker.split(", ").map(|part| part.trim_start_matches("[hr ").split(' ').next().unwrap_or("").parse::<usize>().unwrap_or(0)).sum();
            assert_eq!(counted, b - a + 1, "{marker}");
        }

        let mut r = String::new();
        for i in 0..10 {
            r.push_str(&format!(
                "src/mod.py:{i}:1: F401 [*] `os` imported but unused\n"
            ));
        }
        r.push_str("Found 10 errors.\n[*] 10 fixable with the `--fix` option.\n");
        assert_kept(
            &r,
            &[
                "src/mod.py:0:1: F401",
                "src/mod.py:9:1: F401",
                "Found 10 errors.",
            ],
        );

        let mut e = String::from("\n/home/u/proj/a.js\n");
        for i in 0..10 {
            e.push_str(&format!(
                "  {}:5  error    'x{i}' is not defined  no-undef\n",
                i + 1
            ));
        }
        e.push_str("\n✖ 10 problems (10 errors, 0 warnings)\n");
        assert_kept(
            &e,
            &[
                "/home/u/proj/a.js",
                "  1:5  error    'x0' is not defined  no-undef",
                "✖ 10 problems (10 errors, 0 warnings)",
            ],
        );
    }
    #[test]
    fn repeated_elaborations_fold_and_every_headline_stays() {
        let mut t = String::new();
        for i in 0..6 {
            t.push_str(&format!("src/h.ts({},14): error TS2322: Type '(e: {{ port: string; }}) => void' is not assignable to type 'Handler'.\n", i + 3));
            t.push_str("  Types of parameters 'e' and 'event' are incompatible.\n    Type 'Event' is not assignable to type '{ port: string; }'.\n");
            t.push_str(&format!("      Types of property 'port' are incompatible.\n        Type 'number' is not assignable to type 'string{i}'.\n"));
        }
        t.push_str("src/h.ts(20,3): error TS2345: Argument of type 'number' is not assignable to parameter of type 'string'.\n  Property 'other' is missing in type 'A' but required in type 'B'.\n");
        let out = run(&t);
        for i in 0..6 {
            assert!(
                out.contains(&format!("src/h.ts({},14): error TS2322", i + 3)),
                "{out}"
            );
        }
        assert_eq!(
            out.matches("Types of parameters 'e' and 'event'").count(),
            1,
            "{out}"
        );
        assert!(
            out.contains("[hr 4 details · hr expand abcdef012345 --lines 7-10]"),
            "{out}"
        );
        // an elaboration of a shape not shown above stays
        assert!(
            out.contains("  Property 'other' is missing in type 'A'"),
            "{out}"
        );
    }

    #[test]
    fn mypy_pretty_keeps_wrapped_headlines_and_folds_repeated_excerpts() {
        let mut t = String::new();
        for (i, f) in ["alpha", "beta", "gamma", "delta"].iter().enumerate() {
            t.push_str(&format!("pkg/mod.py: note: In function \"{f}\":\n"));
            t.push_str(&format!(
                "pkg/mod.py:{}: error: Function is missing a type annotation \n[no-untyped-def]\n",
                10 + 20 * i
            ));
            t.push_str(&format!(
                "    def {f}(self, source_text, options=None, strict=False):\n    ^{}\n",
                "~".repeat(50)
            ));
        }
        t.push_str("Found 4 errors in 1 file (checked 1 source file)\n");
        let out = run(&t);
        assert_eq!(out.matches("[no-untyped-def]").count(), 4, "{out}");
        assert!(out.contains("    def alpha(self, source_text"), "{out}");
        assert!(!out.contains("    def delta(self, source_text"), "{out}");
        assert!(out.contains("Found 4 errors in 1 file"), "{out}");
    }
}
