//! go test: plain, `-v` and `-json`.

use std::collections::HashSet;

use super::{re, Cat, Classifier};
use crate::plan::Priority::{Critical, Notable, Verdict};

pub(crate) fn classify(c: &mut Classifier) {
    let t = c.text;
    if t.contains("\"Action\":") {
        json(c);
    }
    if !(t.contains("--- ")
        || t.contains("=== RUN")
        || t.contains("ok  ")
        || t.contains("FAIL")
        || t.contains("[no test files]"))
    {
        return;
    }
    // output lines belong to the test named by the last `=== RUN/CONT/NAME` or `--- X:` line
    let failed: Vec<&str> = c
        .lines
        .iter()
        .filter_map(|l| re!(r"^\s*--- FAIL: (\S+)").captures(l))
        .map(|m| m.get(1).unwrap().as_str())
        .collect();
    let passed: HashSet<&str> = c
        .lines
        .iter()
        .filter_map(|l| re!(r"^\s*--- PASS: (\S+)").captures(l))
        .map(|m| m.get(1).unwrap().as_str())
        .collect();
    let mut current: Option<&str> = None;
    for i in 0..c.len() {
        if c.claimed(i) {
            continue;
        }
        let line = c.lines[i];
        if let Some(m) = re!(r"^\s*=== (RUN|PAUSE|CONT|NAME)\s+(\S+)").captures(line) {
            current = Some(m.get(2).unwrap().as_str());
            c.fold(i, Cat::Quiet);
        } else if let Some(m) = re!(r"^(\s*)--- (PASS|SKIP|FAIL): (\S+)").captures(line) {
            current = Some(m.get(3).unwrap().as_str());
            match m.get(2).unwrap().as_str() {
                "PASS" => c.fold(i, Cat::Tests(1, 0)),
                "SKIP" => c.fold(i, Cat::Tests(0, 1)),
                _ => c.keep(i, Critical),
            }
        } else if re!(r"^ok\s+\S+\s+(\(cached\)|[\d.]+s)").is_match(line)
            || re!(r"^(FAIL|PASS)(\s|$)|^ok\s*$").is_match(line)
        {
            current = None;
            c.keep(i, Verdict);
        } else if re!(r"^\?\s+\S+\s+\[no test files\]").is_match(line) {
            c.fold(i, Cat::Quiet);
        } else if re!(r"^\s+\S+_test\.go:\d+: ").is_match(line) {
            // t.Log / t.Error output: kept unless its test is known to have passed, as a
            // failure's message when its test failed
            match current {
                Some(t) if failed.contains(&t) => c.keep(i, Critical),
                Some(t) if passed.contains(t) => c.fold(i, Cat::PassOutput),
                _ => c.keep(i, Notable),
            }
        } else if re!(r"^panic: |^goroutine \d+ \[").is_match(line) {
            c.keep(i, Critical);
        }
    }
}

/// `go test -json`: one event per line. Events of tests that failed (and package verdicts) stay;
/// the events of passing tests fold. A test of a failed package that never ended, with no
/// verdict of its own, ran when its package died (`panic: test timed out after 25s`, then every
/// goroutine's stack): what it printed stays as a failed test's does, but for the runner's own
/// `=== RUN`/`=== PAUSE` lines (a thousand parallel tests paused at the timeout) and a
/// benchmark's (test2json gives a benchmark no verdict).
fn json(c: &mut Classifier) {
    struct Event {
        action: Option<String>,
        package: Option<String>,
        test: Option<String>,
    }
    let field =
        |v: &serde_json::Value, k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
    let events: Vec<Option<Event>> = c
        .lines
        .iter()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            Some(Event {
                action: field(&v, "Action"),
                package: field(&v, "Package"),
                test: field(&v, "Test"),
            })
        })
        .collect();
    let mut failed: HashSet<(&str, &str)> = HashSet::new();
    let mut ended: HashSet<(&str, &str)> = HashSet::new();
    for e in events.iter().flatten() {
        let key = (e.package.as_deref().unwrap_or(""), e.test.as_deref().unwrap_or(""));
        match e.action.as_deref() {
            Some("fail") => {
                failed.insert(key);
                ended.insert(key);
            }
            Some("pass" | "skip") => {
                ended.insert(key);
            }
            _ => {}
        }
    }
    for (i, e) in events.iter().enumerate() {
        let Some(e) = e else { continue };
        let key = (
            e.package.as_deref().unwrap_or(""),
            e.test.as_deref().unwrap_or(""),
        );
        let pkg = pkg_of(c.lines[i]).unwrap_or("");
        match (e.action.as_deref().unwrap_or(""), e.test.as_deref()) {
            (_, Some(test)) if failed.contains(&key) || died_in(&ended, &failed, key, test, e.action.as_deref(), c.lines[i]) => c.keep(i, Critical),
            ("pass", Some(_)) => c.fold_in(i, Cat::Tests(1, 0), pkg),
            ("skip", Some(_)) => c.fold_in(i, Cat::Tests(0, 1), pkg),
            (_, Some(_)) => c.fold(i, Cat::Quiet),
            ("pass" | "fail" | "skip", None) => c.keep(i, Verdict),
            (_, None) if failed.contains(&key) => c.keep(i, Critical),
            _ => c.fold(i, Cat::Quiet),
        }
    }
}

/// Whether event `line` of `test` (its `key`, its `action`) is output a test printed as its
/// package died under it: the test never ended and its package failed; the runner's `=== RUN`
/// lines and a benchmark's results are none.
fn died_in(ended: &HashSet<(&str, &str)>, failed: &HashSet<(&str, &str)>, key: (&str, &str), test: &str, action: Option<&str>, line: &str) -> bool {
    action == Some("output")
        && !ended.contains(&key)
        && failed.contains(&(key.0, ""))
        && !test.starts_with("Benchmark")
        && !line.contains("\"Output\":\"=== ")
}

/// The package name as it sits in the event's own text (borrowed from the input).
fn pkg_of(line: &str) -> Option<&str> {
    let rest = &line[line.find("\"Package\":\"")? + 11..];
    Some(&rest[..rest.find('"')?])
}

#[cfg(test)]
mod tests {
    use crate::testout::testutil::assert_kept;

    #[test]
    fn go_test_v() {
        let mut t = String::new();
        for i in 0..20 {
            t.push_str(&format!(
                "=== RUN   TestOk{i}\n--- PASS: TestOk{i} (0.00s)\n"
            ));
        }
        t.push_str("=== RUN   TestBad\n    calc_test.go:12: Add(1, 1) = 3, want 2\n--- FAIL: TestBad (0.00s)\nFAIL\nFAIL\texample.com/calc\t0.004s\nFAIL\n");
        let out = assert_kept(
            &t,
            &[
                "calc_test.go:12: Add(1, 1) = 3, want 2",
                "--- FAIL: TestBad (0.00s)",
                "FAIL\texample.com/calc\t0.004s",
            ],
        );
        assert!(out.contains("20 passed"), "{out}");
    }

    #[test]
    fn go_test_json() {
        let mut t = String::new();
        for i in 0..20 {
            t.push_str(&format!("{{\"Action\":\"run\",\"Package\":\"ex/calc\",\"Test\":\"TestOk{i}\"}}\n{{\"Action\":\"output\",\"Package\":\"ex/calc\",\"Test\":\"TestOk{i}\",\"Output\":\"=== RUN   TestOk{i}\\n\"}}\n{{\"Action\":\"pass\",\"Package\":\"ex/calc\",\"Test\":\"TestOk{i}\",\"Elapsed\":0}}\n"));
        }
        t.push_str("{\"Action\":\"output\",\"Package\":\"ex/calc\",\"Test\":\"TestBad\",\"Output\":\"    calc_test.go:12: want 2\\n\"}\n{\"Action\":\"fail\",\"Package\":\"ex/calc\",\"Test\":\"TestBad\",\"Elapsed\":0}\n{\"Action\":\"fail\",\"Package\":\"ex/calc\",\"Elapsed\":0.01}\n");
        let out = assert_kept(
            &t,
            &[
                "calc_test.go:12: want 2",
                "\"Action\":\"fail\",\"Package\":\"ex/calc\",\"Test\":\"TestBad\"",
                "{\"Action\":\"fail\",\"Package\":\"ex/calc\",\"Elapsed\":0.01}",
            ],
        );
        assert!(out.contains("20 passed"), "{out}");
        // a test the package's timeout killed has no verdict of its own: its output stays
        let hung = t.replace(
            "{\"Action\":\"output\",\"Package\":\"ex/calc\",\"Test\":\"TestBad\",\"Output\":\"    calc_test.go:12: want 2\\n\"}\n{\"Action\":\"fail\",\"Package\":\"ex/calc\",\"Test\":\"TestBad\",\"Elapsed\":0}\n",
            "{\"Action\":\"run\",\"Package\":\"ex/calc\",\"Test\":\"TestHangs\"}\n{\"Action\":\"output\",\"Package\":\"ex/calc\",\"Test\":\"TestHangs\",\"Output\":\"panic: test timed out after 25s\\n\"}\n{\"Action\":\"output\",\"Package\":\"ex/calc\",\"Test\":\"TestHangs\",\"Output\":\"\\t/w/queue_test.go:39 +0x10b\\n\"}\n",
        );
        assert!(hung.contains("TestHangs"));
        let out = assert_kept(&hung, &["panic: test timed out after 25s", "/w/queue_test.go:39 +0x10b"]);
        // (but not the runner's lines of the parallel tests it had paused)
        let paused: String = (0..40).map(|i| format!("{{\"Action\":\"run\",\"Package\":\"ex/calc\",\"Test\":\"TestPar{i}\"}}\n{{\"Action\":\"output\",\"Package\":\"ex/calc\",\"Test\":\"TestPar{i}\",\"Output\":\"=== PAUSE TestPar{i}\\n\"}}\n{{\"Action\":\"pause\",\"Package\":\"ex/calc\",\"Test\":\"TestPar{i}\"}}\n")).collect();
        let out2 = crate::testout::testutil::run(&(paused + &hung));
        assert!(!out2.contains("=== PAUSE TestPar7"), "{out2}");
        assert!(out2.contains("panic: test timed out after 25s"), "{out2}");
        assert!(out.len() < hung.len());
        // a benchmark has no verdict of its own: in a package that passed, its results fold
        let mut bench = String::new();
        for i in 0..30 {
            bench.push_str(&format!("{{\"Action\":\"run\",\"Package\":\"ex/calc\",\"Test\":\"BenchmarkAdd{i}\"}}\n{{\"Action\":\"output\",\"Package\":\"ex/calc\",\"Test\":\"BenchmarkAdd{i}\",\"Output\":\"BenchmarkAdd{i}-2   \\t1000000000\\t         0.{i} ns/op\\n\"}}\n"));
        }
        bench.push_str("{\"Action\":\"pass\",\"Package\":\"ex/calc\",\"Elapsed\":1.2}\n");
        let out3 = crate::testout::testutil::run(&bench);
        assert!(out3.lines().count() < 10, "{out3}");
    }
}
