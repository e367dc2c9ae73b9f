//! A job's log that ends with a test run: each failure its runner reports comes back in place,
//! where the log's templates would fold it among the passes of its shape.

use super::Level;
use crate::hash::{FxHashMap, FxHashSet};
use crate::lines::Lines;
use crate::plan::{Plan, Priority};

/// How much of a log's end is read for a test run's verdict.
const TEST_VERDICT: usize = 64 * 1024;

/// `plan` with every line that a test runner reports as a failure, its message or its verdict
/// put back in place, when the log ends with a test run (a CI job's log): the log's templates
/// would fold a failing test among passing ones of its shape (`--- FAIL: TestMany/case17`
/// under `--- PASS: TestMany/case0`), and a failure's message with no error word. Where
/// streams are interleaved (concurrently's `[tests] `, a compose service's `api-1  | `), each
/// stream that ends with a test run is read on its own, as its runner wrote it: `prefixes`
/// gives each line's stream and what it said (see `stream_prefixes`), if the lines are streams.
pub(super) fn keep_test_failures(plan: Plan, lines: &Lines, prefixes: Option<&[(&str, &str)]>) -> Plan {
    let mut failures = match prefixes {
        // a runner's lines as it wrote them, without the stamp a CI service puts before each
        None => test_failures(lines, None, |i| crate::logline::unstamped(lines.lines[i].strip_suffix('\r').unwrap_or(lines.lines[i]))),
        Some(prefixes) => {
            let mut streams: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
            for (i, &(tag, _)) in prefixes.iter().enumerate() {
                streams.entry(tag).or_default().push(i);
            }
            let body = |i: usize| prefixes[i].1.strip_suffix('\r').unwrap_or(prefixes[i].1);
            streams.values().flat_map(|stream| test_failures(lines, Some(stream), body)).collect()
        }
    };
    if failures.is_empty() {
        return plan;
    }
    failures.sort_unstable();
    failures.dedup();
    let failures: Vec<usize> = heads_and_tails(&failures).into_iter().map(|i| i + 1).collect();
    crate::guard::keep_in_place(&plan, failures, lines, Priority::Critical)
}

/// Lines of one failure's output put back in a row at most: its head, where the test and its
/// error are named, and its tail, where it ends. What a failure prints in between beyond them
/// (a grid of 1,500 cells compared one by one) is left to the log's own plan, which keeps its
/// new lines and folds its repeats.
const FAILURE_HEAD: usize = 60;
const FAILURE_TAIL: usize = 20;

/// `lines` (ascending indices), each run of consecutive ones cut to its first `FAILURE_HEAD`
/// and last `FAILURE_TAIL`.
fn heads_and_tails(lines: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(lines.len());
    let mut start = 0;
    while start < lines.len() {
        let mut end = start + 1;
        while end < lines.len() && lines[end] == lines[end - 1] + 1 {
            end += 1;
        }
        let run = &lines[start..end];
        if run.len() <= FAILURE_HEAD + FAILURE_TAIL {
            out.extend_from_slice(run);
        } else {
            out.extend_from_slice(&run[..FAILURE_HEAD]);
            out.extend_from_slice(&run[run.len() - FAILURE_TAIL..]);
        }
        start = end;
    }
    out
}

/// The lines of a stream (`stream`, indices of the log's lines; all of them if none) that
/// report a test's failure, its message or its verdict, as indices of the log's lines, when the
/// stream ends with a test run (see `keep_test_failures`). `said` gives a line as its runner
/// wrote it.
fn test_failures<'a>(lines: &Lines, stream: Option<&[usize]>, said: impl Fn(usize) -> &'a str) -> Vec<usize> {
    let len = stream.map_or(lines.lines.len(), <[usize]>::len);
    let at = |k: usize| stream.map_or(k, |s| s[k]);
    // (the last lines up to `TEST_VERDICT` bytes, the earliest of them cut to its end: a line
    // longer than that, a one-line JSON array of 25 MB read as a log, is not copied whole)
    let mut parts = Vec::new();
    let mut size = 0;
    for k in (len.saturating_sub(TEST_VERDICT / 64)..len).rev() {
        if size >= TEST_VERDICT {
            break;
        }
        let part = crate::lines::suffix_str(said(at(k)), TEST_VERDICT - size);
        size += part.len() + 1;
        parts.push(part);
    }
    parts.reverse();
    let tail = parts.join("\n");
    let tail = crate::lines::suffix_str(&tail, TEST_VERDICT);
    // a linter's or a compiler's findings, each at its place (`pkg/a.py:55:7: D101 Missing
    // docstring in public class`): each message keeps a place, where the log's templates would
    // fold a finding under another's message (D101 under D103's); the same message at other
    // places folds, as a log's errors fold by message
    let findings = crate::testout::mostly_diagnostics(tail);
    if !(findings || crate::testout::is_test_output(tail) || crate::testout::looks_like("", tail)) {
        return Vec::new();
    }
    let said: Vec<&str> = (0..len).map(|k| said(at(k))).collect();
    // (a line that states an error's level is the log's own error, which folds by its message:
    // a compiler's `[ERROR] …/A.java:[139,73] cannot find symbol` at each of sixty places; and
    // a stack frame is its trace's, which folds by its frames, a pointer to those shown above;
    // though the exception a test's failure names right under the test is the failure's, however
    // like one above: Minitest's `ArgumentError: bad price -6` under `CartTest#test_negative_5:`)
    let mut failures: Vec<usize> = crate::testout::failure_lines(&said)
        .into_iter()
        .filter(|&k| !super::trace_like(said[k]) || (k > 0 && crate::testout::names_a_failed_test(said[k - 1])))
        .map(at)
        .filter(|&i| super::level(lines.lines[i]) < Level::Error)
        .collect();
    if findings {
        let mut messages = FxHashSet::default();
        let said_first = |k: &usize| {
            let finding = said[*k];
            // (what the finding says, after its place)
            let says = finding.split_once(' ').map_or("", |(_, says)| says);
            crate::logline::is_finding(finding) && messages.insert(super::message_of(says))
        };
        failures.extend((0..said.len()).filter(said_first).map(at));
    }
    failures
}
