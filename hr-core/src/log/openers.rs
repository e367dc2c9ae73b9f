//! Lines put back beside the lines a plan keeps, to say what they belong to: the line that
//! opens the event they continue, the header over a record or a file's lines, a finding's place,
//! the line that opened an error's request.

use crate::hash::FxHashSet;
use crate::lines::Lines;
use crate::logline::continues;
use crate::plan::{Piece, Plan, Priority};
use crate::re::re;

/// `plan` with the line that opens an event put back where a fold ends right above lines that
/// continue it: a thread's frames under another thread's (gdb's `Thread 1 (… "crash"):` folded
/// among the idle threads above, its `#4 … in main () at crash.c:10` kept) read as that
/// thread's. Only the opener stays; the fold around it splits. So does an event that announces
/// the lines below it with a colon, above a kept line that shows them. So does the header that
/// java.util.logging writes above a record's level and message (`Dec 05, 2026 12:13:54 AM
/// OrderService main`, then `SEVERE: order rejected`): it says when and where.
pub(super) fn keep_openers(plan: Plan, lines: &Lines) -> Plan {
    let mut openers = Vec::new();
    let mut fold = None;
    for piece in &plan.pieces {
        // the place a kept line's finding is at, on the line below it, folded away (ruff's
        // `UP031 Use format specifiers…`, then ` --> src/inventory/parse.py:4:32`)
        if let Piece::Keep { end, priority, .. } | Piece::Restate { end, priority, .. } = *piece {
            if priority >= Priority::Notable && lines.lines.get(end).is_some_and(|l| is_place_below(crate::logline::unstamped(l))) {
                openers.push(end + 1);
            }
        }
        match *piece {
            Piece::Fold { start, end, .. } => fold = Some((start, end)),
            Piece::Keep { start, priority, .. } | Piece::Restate { start, priority, .. } => {
                let news = priority >= Priority::Notable;
                // (1-based: line `k` is `lines.lines[k - 1]`)
                let line = lines.lines[start - 1];
                // (a record java.util.logging writes on two lines is one, whatever it says)
                let above = fold.take().filter(|&(_, to)| to + 1 == start);
                // (the record of apt's history the line is a field of, if it is one)
                let apt_record = above.filter(|_| news).and_then(|_| crate::logline::apt_record_head(&lines.lines, start - 1));
                match above {
                    Some((from, to)) if news && continues(line) => {
                        let opener = (from..=to).rev().find(|&k| !continues(lines.lines[k - 1]));
                        openers.extend(opener.filter(|&k| !lines.lines[k - 1].trim().is_empty()));
                    }
                    Some((_, to)) if crate::logline::is_jul_record(lines.lines[to - 1], line) => openers.push(to),
                    // a field of a run of apt's record in its history (`Install: git-man:amd64
                    // …`) under a fold reads as the run's above: its own record's fields above
                    // it say which run it is (`Start-Date:`, `Commandline: apt-get install git`)
                    Some((from, _)) if apt_record.is_some() => {
                        openers.extend(apt_record.into_iter().flatten().map(|k| k + 1).filter(|&n| n >= from && n < start));
                    }
                    // an event that announces the lines below it (gin's `[Recovery] … panic
                    // recovered:` over the panic's message and frames): they are its
                    Some((_, to)) if news && announces(lines.lines[to - 1]) => openers.push(to),
                    // a kernel frame shown the first time, under a `Call Trace:` that folded as a
                    // repeat: the frame is that trace's, not the one shown above; and so is the
                    // report the trace is of, its `WARNING: CPU: 4 PID: 305 at …` or `BUG: …`
                    // over the registers (a warning repeated by another path through the code)
                    Some((from, to)) if super::kernel_frame(line).is_some() || calls_traced(line) => {
                        let first = from.max(to.saturating_sub(CALL_TRACE_LOOKBACK));
                        let header = if calls_traced(line) { Some(start) } else { (first..=to).rev().find(|&k| calls_traced(lines.lines[k - 1])) };
                        // (the report heads the registers above the trace, which may have
                        // split into folds and kept lines: looked for over them all)
                        let report = header.and_then(|h| (h.saturating_sub(CALL_TRACE_LOOKBACK).max(1)..h).rev().find(|&k| crate::logline::opens_kernel_report(lines.lines[k - 1])));
                        openers.extend(report);
                        openers.extend(header.filter(|&h| h <= to));
                    }
                    _ => {}
                }
            }
        }
    }
    if openers.is_empty() {
        plan
    } else {
        crate::guard::keep_in_place(&plan, openers, lines, Priority::Notable)
    }
}

/// `plan` with what says where each kept line stands put back where it was folded, asked last,
/// of the plan every other rule has put lines back in: the header of the file it came from,
/// which `tail` and `head` over several files print over each file's lines (a worker's
/// warning under a folded `==> worker.log <==` reads as the file's above), and a traceback
/// frame's place over its line of code (`return self.run_it(2)` under a folded `File
/// "/srv/tests/test_m.py", line 10, in test_x` reads as the frame above's).
pub(super) fn keep_where_lines_stand(plan: Plan, lines: &Lines) -> Plan {
    // (what `tail` says of a file it cannot read, `2>&1`, comes before the first header)
    let tailed = lines.lines.iter().find(|l| !l.trim().is_empty() && !l.starts_with("tail: ") && !l.starts_with("head: ")).is_some_and(|l| is_tail_header(l));
    let headers: Vec<usize> = if tailed { (1..=lines.lines.len()).filter(|&k| is_tail_header(lines.lines[k - 1])).collect() } else { Vec::new() };
    let plan = if headers.is_empty() { plan } else { keep_each_files_own(plan, lines, &headers) };
    // headers, and the kept lines right under a fold, whose place `keep_in_place` puts back
    // with them
    let (mut needed, mut under_folds) = (Vec::new(), Vec::new());
    let mut folded_above = false;
    for piece in &plan.pieces {
        if let Piece::Keep { start, .. } | Piece::Restate { start, .. } = *piece {
            // (the last header at or above the piece's first line)
            needed.extend(headers.partition_point(|&h| h <= start).checked_sub(1).map(|at| headers[at]));
            if folded_above {
                under_folds.push(start);
            }
        }
        folded_above = matches!(piece, Piece::Fold { .. });
    }
    needed.dedup();
    let plan = if needed.is_empty() { plan } else { crate::guard::keep_in_place(&plan, needed, lines, Priority::Notable) };
    crate::guard::keep_in_place(&plan, under_folds, lines, Priority::Critical)
}

/// `plan` over `tail`'s output of several files (`headers`: the lines of its `==> f <==`
/// headers), with each file's own put back: the first header of each file, which says that
/// its lines were printed, where a fold ran over it into the next file's alike lines; and an
/// example of each of its errors, which says that this file's program failed, where the same
/// error was shown under another file's header (each service that lost its database). Such an
/// example repeats one shown: under a budget it goes before any first example, and before the
/// headers, which say where the first examples stand.
fn keep_each_files_own(plan: Plan, lines: &Lines, headers: &[usize]) -> Plan {
    // (a file's name as its header gives it; never 0, the section of the lines above any header)
    let files: Vec<u64> = headers.iter().map(|&h| crate::hash::of_text(lines.lines[h - 1].trim_end()) | 1).collect();
    // (the lines' problems read once for both passes; an error no file shows is put back
    // first, as the guard would: a first example)
    let problems: Vec<_> = lines.lines.iter().map(|l| crate::logline::problem(l)).collect();
    let plan = crate::guard::patch(&plan, lines, Some(&problems)).unwrap_or(plan);
    let section = |n: usize| headers.partition_point(|&h| h <= n).checked_sub(1).map_or(0, |at| files[at]);
    let copies = crate::guard::missing_in_sections(&plan, lines, Some(&problems), section);
    let plan = if copies.is_empty() { plan } else { crate::guard::keep_in_place(&plan, copies, lines, Priority::Repeated) };
    let mut seen = FxHashSet::default();
    let firsts: Vec<usize> = headers.iter().zip(&files).filter(|(_, f)| seen.insert(**f)).map(|(&h, _)| h).collect();
    crate::guard::keep_in_place(&plan, firsts, lines, Priority::Notable)
}

/// ` --> src/inventory/parse.py:4:32`: the place in a file of what the line above says, as
/// rustc and ruff print it.
fn is_place_below(line: &str) -> bool {
    line.trim_start().strip_prefix("--> ").is_some_and(|place| re!(r"^\S+:\d+(:\d+)?$").is_match(place.trim_end()))
}

/// `==> run/api.log <==`: the header `tail` prints over the lines of each file it follows.
pub(super) fn is_tail_header(line: &str) -> bool {
    line.starts_with("==> ") && line.ends_with(" <==")
}

/// Whether `line` heads a kernel's call trace (`[    2.436126] Call Trace:`).
fn calls_traced(line: &str) -> bool {
    line.trim_end().ends_with("Call Trace:")
}

/// Lines of a fold looked back over for the `Call Trace:` a kernel frame kept below it is under.
const CALL_TRACE_LOOKBACK: usize = 64;

/// Whether `line` opens an event that announces the lines below it: its last word ends with a
/// colon (`panic recovered:`; a shell's `|| :` says nothing of what follows).
fn announces(line: &str) -> bool {
    let t = line.trim_end();
    t.strip_suffix(':').is_some_and(|w| w.ends_with(|c: char| c.is_alphabetic())) && super::announces_lines(line)
}

/// Lines looked back over for the line that opened an error's request.
const REQUEST_LOOKBACK: usize = 500;

/// The line (1-based) that opened the request an error line names by its id, a UUID or a
/// random id in brackets (`request_id`): the first of the lines above, within
/// `REQUEST_LOOKBACK`, that carry it, unless the id is older than those lines. Rails tags each
/// line of a request (`[a0072a93-cf85-…] Started GET "/orders/99999"`, then `… Completed 404`,
/// then the exception under `FATAL`), Mojolicious its own way (`[trace] [Z5e6jhboYlLL] GET
/// "/no/such/page"`, then `[Z5e6jhboYlLL] 404 Not Found`), and a task queue names its task by a
/// UUID when it is queued: the error's message says what failed, the opener which request or
/// task it was.
pub(super) fn request_opener(lines: &[&str], i: usize) -> Option<usize> {
    let (id, drawn) = request_id(lines[i])?;
    let finder = memchr::memmem::Finder::new(id.as_bytes());
    let from = i.saturating_sub(REQUEST_LOOKBACK);
    if drawn {
        // (an id a server draws may be drawn again, and a name in brackets that passes for one,
        // a thread's, is on many lines: the nearest line above with it that asks for a request)
        return (from..i)
            .rev()
            .find(|&k| finder.find(lines[k].as_bytes()).is_some() && crate::logline::http_request(lines[k]).is_some())
            .map(|k| k + 1);
    }
    let opener = (from..i).find(|&k| finder.find(lines[k].as_bytes()).is_some())?;
    // (an id on every line, a run's or a process's, names no request: it opens no later than
    // the lines looked back over)
    (opener > from || from == 0).then_some(opener + 1)
}

/// A request's id on `line`: a UUID, or a random id in brackets, as Mojolicious draws one
/// (`[Z5e6jhboYlLL]`: letters of both cases and digits, which most names in brackets lack),
/// with its brackets; and whether it is the latter.
fn request_id(line: &str) -> Option<(&str, bool)> {
    if let Some(uuid) = re!(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").find(line) {
        return Some((uuid.as_str(), false));
    }
    let drawn = |id: &str| {
        let count = |f: fn(&u8) -> bool| id.bytes().filter(f).count();
        count(u8::is_ascii_uppercase) >= 2 && count(u8::is_ascii_lowercase) >= 2 && count(u8::is_ascii_digit) >= 1
    };
    re!(r"\[[A-Za-z0-9_-]{8,24}\]").find_iter(line).map(|m| m.as_str()).find(|id| drawn(id)).map(|id| (id, true))
}
