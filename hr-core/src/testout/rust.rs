//! cargo test (libtest output), cargo-nextest, and cargo's own progress lines.

use super::repeat::{Format, Shown};
use super::{re, Cat, Classifier};
use crate::plan::Priority::{Critical, Notable, Verdict};

pub(crate) fn classify(c: &mut Classifier) {
    let t = c.text;
    if !(t.contains("test ")
        || t.contains("Compiling")
        || t.contains("PASS [")
        || t.contains("FAIL ["))
    {
        return;
    }
    let n = c.len();
    let mut shown = Shown::default();
    let mut i = 0;
    while i < n {
        let line = c.lines[i];
        if c.claimed(i) {
            i += 1;
            continue;
        }
        // `---- name stdout ----` opens a failure's captured output, up to the next one or the
        // `failures:` list that follows them all; nextest's `--- STDOUT: name ---` likewise
        if line.contains("--- ")
            && (re!(r"^---- \S.* (stdout|stderr) ----$").is_match(line)
                || re!(r"^\s*--- STD(OUT|ERR): +\S.* ---$").is_match(line))
        {
            let mut j = i + 1;
            while j < n
                && !re!(r"^---- \S.* (stdout|stderr) ----$|^failures:$|^test result: |^\s*--- STD(OUT|ERR): |^\s+(PASS|FAIL|SIGSEGV|SIGABRT|TIMEOUT|LEAK) \[|^\s*Summary \[|^─+$|^-{3,}\s*$").is_match(c.lines[j])
            {
                j += 1;
            }
            backtrace_frames(c, i, j);
            shown.block(c, i, j, &LIBTEST_FAILURE);
            i = j;
            continue;
        }
        if line == "failures:" {
            // either the header of the captured outputs or the list of failed names
            c.keep(i, Critical);
            let mut j = i + 1;
            while j < n && (c.lines[j].starts_with("    ") || c.lines[j].is_empty()) {
                c.keep(j, Critical);
                j += 1;
            }
            i = j;
            continue;
        }
        line_rule(c, i);
        i += 1;
    }
}

/// How libtest prints a failure's output: `---- name stdout ----`, the panic with its location
/// and values, then the backtrace.
const LIBTEST_FAILURE: Format = Format {
    title_lines: 1,
    name: |l| {
        re!(r"^(?:---- (\S.*) (?:stdout|stderr) ----|\s*--- STD(?:OUT|ERR): +(\S.*) ---)$")
            .captures(l)
            .and_then(|m| m.get(1).or(m.get(2)))
            .map(|m| m.as_str())
    },
    location: |l| l.contains(" panicked at ") || re!(r"^\s+at \S+:\d+:\d+$").is_match(l),
    // the panic line and its message, at column 0 like the values it prints; frames are indented
    error: |l| {
        !l.trim().is_empty()
            && !l.starts_with([' ', '\t'])
            && !l.starts_with("stack backtrace:")
            && !l.starts_with("note: ")
            || re!(r"^\s*(left|right)\s*:").is_match(l)
    },
};

fn line_rule(c: &mut Classifier, i: usize) {
    let line = c.lines[i];
    let indented = line.starts_with(' ');
    if !indented && !line.starts_with("test ") && !line.starts_with("error") && !line.starts_with('[') {
        return;
    }
    // unit tests (`test a::b ... ok`, `test a::b - should panic ... ok`) and doc-tests
    // (`test src/lib.rs - a::b (line 12) ... ok`)
    if let Some(m) = re!(r"^test (\S+( - should panic)?|\S+ - .+? \(line \d+\)( - compile( fail)?)?) \.\.\. (ok|ignored|FAILED)\b").captures(line) {
        let name = m.get(1).unwrap().as_str();
        let module = module_of(name.strip_suffix(" - should panic").unwrap_or(name));
        match m.get(5).unwrap().as_str() {
            "ok" => c.fold_in(i, Cat::Tests(1, 0), module),
            "ignored" => c.fold_in(i, Cat::Tests(0, 1), module),
            _ => c.keep(i, Critical),
        }
    } else if line.starts_with("test result: ") || re!(r"^error: (test failed|\d+ targets? failed)").is_match(line) {
        c.keep(i, Verdict);
    } else if let Some(m) = re!(r"^\s+(PASS|SKIP|FAIL|SIGSEGV|SIGABRT|TIMEOUT|FLAKY|LEAK|TRY \d+ \w+) \[ *[\d.]+s\] (\S+)").captures(line) {
        // nextest: `        PASS [   0.004s] crate::tests::name`
        match m.get(1).unwrap().as_str() {
            "PASS" => c.fold_in(i, Cat::Tests(1, 0), module_of(m.get(2).unwrap().as_str())),
            "SKIP" => c.fold(i, Cat::Tests(0, 1)),
            _ => c.keep(i, Critical),
        }
    } else if re!(r"^\s*Summary \[ *[\d.]+s\]").is_match(line) {
        c.keep(i, Verdict);
    } else if re!(r"^\s+((Compiling|Checking|Documenting) \S+ v\S+ \((/|[A-Za-z]:[\\/])|Blocking )").is_match(line) {
        // a crate built from a path is the project's own (a registry's crates are progress), and
        // cargo waiting for a lock another cargo holds says why the build stood still
        c.keep(i, Notable);
    } else if re!(r"^\s+(Compiling|Checking|Downloaded|Downloading|Fetching|Updating|Locking|Adding|Documenting|Fresh|Unpacking|Packaging|Verifying|Archiving|Installing|Installed|Replacing|Replaced|Removed) \S").is_match(line)
        || re!(r"^\s+Downloaded \d+ crates?").is_match(line)
        // `cargo build -v`: the command each unit ran; `-vv`: what build scripts told cargo
        // (`cargo:warning=` stays)
        || re!(r"^\s+Running `").is_match(line)
        || re!(r"^\[[\w-]+ \d+\.\d+\.\d+\S*\] cargo:(rustc-|rerun-if-)").is_match(line)
    {
        c.fold(i, Cat::Progress);
    } else if re!(r"^\s+(Finished|Running|Doc-tests|Starting|Executable) ").is_match(line) {
        c.keep(i, Notable);
    }
}

/// Inside a panic's backtrace, the frames of std/core and the test harness fold; the test's own
/// frames (and their `at file:line`) stay.
fn backtrace_frames(c: &mut Classifier, start: usize, end: usize) {
    let frame = re!(r"^\s+\d+: (.*)$");
    let internal = re!(
        r"^(__rustc::|std::|core::|alloc::|test::|<(alloc|core|std)::|<fn\(\)|rust_begin_unwind|__rust_|_start$|__libc_start|main$|<unknown>)"
    );
    let mut i = start;
    while i < end {
        if let Some(m) = frame.captures(c.lines[i]) {
            let is_internal = internal.is_match(m.get(1).unwrap().as_str());
            let mut j = i + 1;
            while j < end && c.lines[j].trim_start().starts_with("at ") {
                j += 1;
            }
            if is_internal {
                for k in i..j {
                    c.fold(k, Cat::Frames);
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
}

/// `ast::parse::tests::name` -> `ast::parse`: the module stands in for the file.
fn module_of(name: &str) -> &str {
    if let Some((file, _)) = name.split_once(" - ") {
        return file;
    }
    let base = name.split("::tests::").next().unwrap_or(name);
    match base.rfind("::") {
        Some(k) if base.len() == name.len() => &base[..k],
        _ => base,
    }
}

#[cfg(test)]
mod tests {
    use crate::testout::testutil::assert_kept;

    #[test]
    fn cargo_test_failure_and_backtrace() {
        let mut t = String::from("   Compiling demo v0.1.0 (/tmp/demo)\n    Finished `test` profile [unoptimized + debuginfo] target(s) in 0.50s\n     Running unittests src/lib.rs (target/debug/deps/demo-1234)\n\nrunning 22 tests\n");
        for i in 0..20 {
            t.push_str(&format!("test tests::passes_{i} ... ok\n"));
            if i == 10 {
                // a `#[should_panic]` test that passed is a pass like the others
                t.push_str("test tests::panics_as_it_should - should panic ... ok\n");
            }
        }
        t.push_str("test tests::skipped ... ignored\ntest tests::breaks ... FAILED\n\nfailures:\n\n---- tests::breaks stdout ----\n");
        t.push_str("thread 'tests::breaks' panicked at src/lib.rs:12:9:\nassertion `left == right` failed\n  left: 1\n right: 2\nstack backtrace:\n");
        t.push_str("   0: __rustc::rust_begin_unwind\n             at /rustc/abc/library/std/src/panicking.rs:689:5\n   1: core::panicking::panic_fmt\n             at /rustc/abc/library/core/src/panicking.rs:80:14\n");
        t.push_str("   2: demo::tests::breaks\n             at ./src/lib.rs:12:9\n   3: core::ops::function::FnOnce::call_once\n             at /rustc/abc/library/core/src/ops/function.rs:250:5\n");
        t.push_str("note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.\n\n\nfailures:\n    tests::breaks\n\n");
        t.push_str("test result: FAILED. 21 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.00s\n\nerror: test failed, to rerun pass `--lib`\n");
        let out = assert_kept(
            &t,
            &[
                "---- tests::breaks stdout ----",
                "panicked at src/lib.rs:12:9:",
                "assertion `left == right` failed",
                "   2: demo::tests::breaks",
                "             at ./src/lib.rs:12:9",
                "    tests::breaks\n",
                "test result: FAILED. 21 passed; 1 failed; 1 ignored",
                "error: test failed",
            ],
        );
        // the failing test's verdict line folds with the passes: its report below names it
        assert!(
            out.contains(
                "[hr 21 passed, 1 skipped, 1 failed · hr expand abcdef012345 --lines 6-28]"
            ),
            "{out}"
        );
        assert!(!out.contains("should panic"), "{out}");
        assert!(!out.contains("panicking.rs"), "{out}");
    }

    #[test]
    fn a_verbose_builds_commands_and_build_script_directives_are_progress() {
        let mut t = String::new();
        for krate in ["serde", "memchr", "itoa", "ryu"] {
            t.push_str(&format!("   Compiling {krate} v1.0.1\n     Running `CARGO=/usr/bin/cargo rustc --crate-name {krate} --edition=2021 src/lib.rs`\n"));
            t.push_str(&format!("[{krate} 1.0.1] cargo:rerun-if-changed=build.rs\n[{krate} 1.0.1] cargo:rustc-cfg=fast_path\n"));
        }
        t.push_str("[ryu 1.0.1] cargo:warning=no SIMD here\nerror[E0308]: mismatched types\n  --> src/main.rs:17:25\n");
        let out = assert_kept(&t, &["cargo:warning=no SIMD here", "error[E0308]: mismatched types", "--> src/main.rs:17:25"]);
        assert!(out.starts_with("[hr 16 progress lines"), "{out}");
        assert!(!out.contains("Running `") && !out.contains("cargo:rustc-cfg"), "{out}");
    }

    #[test]
    fn the_projects_own_crates_and_a_wait_for_the_lock_stay_among_progress() {
        // a registry's crates are progress; a crate built from a path is the project's own, and
        // cargo waiting for another cargo's lock says why the build stood still
        let mut t = String::from("    Blocking waiting for file lock on build directory\n");
        for krate in ["serde", "memchr", "itoa", "ryu", "libc", "cc"] {
            t.push_str(&format!("   Compiling {krate} v1.0.1\n"));
        }
        t.push_str("   Compiling rubbl_core v0.3.0 (/Users/dev/Code/rubbl/core)\n    Checking tool v0.1.0 (C:\\src\\tool)\n");
        t.push_str("error[E0308]: mismatched types\n  --> src/main.rs:17:25\n");
        let out = assert_kept(
            &t,
            &[
                "    Blocking waiting for file lock on build directory\n",
                "   Compiling rubbl_core v0.3.0 (/Users/dev/Code/rubbl/core)\n",
                "    Checking tool v0.1.0 (C:\\src\\tool)\n",
                "error[E0308]: mismatched types",
            ],
        );
        assert!(out.contains("[hr 6 progress lines"), "{out}");
        assert!(!out.contains("Compiling memchr"), "{out}");
    }

    #[test]
    fn doc_tests_fold_by_file() {
        let mut t = String::from("   Doc-tests demo\n\nrunning 24 tests\n");
        for i in 0..12 {
            t.push_str(&format!(
                "test src/lib.rs - Thing::method_{i} (line {}) ... ok\n",
                10 + i
            ));
            t.push_str(&format!(
                "test src/util.rs - helper_{i} (line {}) ... ok\n",
                10 + i
            ));
        }
        t.push_str("\ntest result: ok. 24 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.20s\n");
        let out = assert_kept(&t, &["test result: ok. 24 passed; 0 failed"]);
        assert!(out.contains("24 passed in 2 files"), "{out}");
    }

    #[test]
    fn nextest() {
        let mut t = String::from("    Starting 25 tests across 1 binary\n");
        for i in 0..24 {
            t.push_str(&format!("        PASS [   0.004s] demo tests::ok_{i}\n"));
        }
        t.push_str("        FAIL [   0.005s] demo tests::bad\n--- STDOUT:              demo tests::bad ---\n\nrunning 1 test\n--- STDERR:              demo tests::bad ---\nthread 'tests::bad' panicked at src/lib.rs:3:5:\nboom\n\n");
        t.push_str("────────────\n     Summary [   0.010s] 25 tests run: 24 passed, 1 failed, 0 skipped\n        FAIL [   0.005s] demo tests::bad\nerror: test run failed\n");
        let out = assert_kept(
            &t,
            &[
                "FAIL [   0.005s] demo tests::bad",
                "panicked at src/lib.rs:3:5:",
                "boom",
                "Summary [   0.010s] 25 tests run: 24 passed, 1 failed, 0 skipped",
            ],
        );
        assert!(out.contains("24 passed"), "{out}");
    }
}
