//! The signal guard: whatever a compressor decided, every distinct error-ish line of the input
//! keeps at least one verbatim example in the output.
//!
//! A wrong sniff or a blind spot in one compressor may then cost savings, never a failure. A
//! line is error-ish when `logline::is_errorish` says so (a level of error or worse, an HTTP
//! status ≥ 400 in an access log, a failed syscall, an error word in a line with no level).
//! In a log (`Plan::error_words_anywhere`), so is a line with no level whose error words stand
//! anywhere, in a quoted value or an argument (`logline::Problem::Named`), grouped also by those
//! words. Lines are grouped by template (source tag dropped, numbers, ids, paths and quoted
//! values masked), and a template none of whose lines is kept gets its first line back, in
//! place: the fold around it splits in two, each part a marker with its own count and range.
//!
//! One pass over the lines, memory bounded by the number of distinct error templates (capped).

use crate::hash::{FxHashMap, FxHasher};
use crate::lines::Lines;
use crate::logline::{self, Problem};
use crate::mask::mask_log_token;
use crate::plan::{pays_in_tokens, Piece, Plan, Priority};
use crate::probes::{Probes, RequestKey};
use crate::re::re;
use std::hash::Hasher;

/// Error templates remembered: past this many, new ones are no longer checked (memory stays
/// bounded on input where every line is a new error).
const MAX_TEMPLATES: usize = 100_000;

/// `plan` with the first line of every error-ish template it keeps no line of put back in
/// place, or `None` when nothing is missing.
pub fn patch(plan: &Plan, lines: &Lines, problems: Option<&[Problem]>) -> Option<Plan> {
    let missing = missing(plan, lines, problems);
    (!missing.is_empty()).then(|| keep_in_place(plan, missing, lines, Priority::Critical))
}

/// `plan` with lines `keep` (1-based, ascending) written verbatim in place, with `priority`: a
/// fold that holds some of them splits around them, and those a piece already writes stay as
/// they are. A traceback's line of code comes back with the line above that places it: folded
/// alone, it would read as the frame above's (`return self.cursor.execute(sql, params)` under a
/// marker that holds `File "…/utils.py", line 105, in _execute`).
pub fn keep_in_place(plan: &Plan, keep: Vec<usize>, lines: &Lines, priority: Priority) -> Plan {
    let mut pieces = Vec::with_capacity(plan.pieces.len() + 2 * keep.len());
    let steps = BuildSteps::of(&lines.lines, &keep);
    let places: Vec<usize> = keep.iter().flat_map(|&n| where_it_stands(&lines.lines, n).into_iter().chain(steps.header(&lines.lines, n))).collect();
    let mut keep: Vec<usize> = keep.iter().copied().chain(places).collect();
    keep.sort_unstable();
    keep.dedup();
    let mut next = keep.into_iter().peekable();
    for piece in &plan.pieces {
        match piece {
            Piece::Fold { start, end, .. } => {
                let folded = lines.lines[start - 1..*end].iter().copied();
                split(piece, &mut next, &mut pieces, folded, priority)
            }
            Piece::Keep { end, .. } | Piece::Restate { end, .. } => {
                while next.next_if(|&n| n <= *end).is_some() {}
                pieces.push(piece.clone());
            }
        }
    }
    Plan {
        pieces,
        pointers: plan.pointers.clone(),
        ..*plan
    }
}

/// Appends `piece` to `out`, or, if it is a fold that holds some of the lines in `missing`
/// (1-based, ascending), its parts around them with those lines kept in place with `priority`.
/// `folded` gives the fold's lines, read only when it splits: a part too short to pay for a
/// marker of its own (`plan::pays_in_tokens`) is written as its lines.
pub fn split<'l>(
    piece: &Piece,
    missing: &mut std::iter::Peekable<impl Iterator<Item = usize>>,
    out: &mut Vec<Piece>,
    mut folded: impl Iterator<Item = &'l str> + Clone,
    priority: Priority,
) {
    let Piece::Fold { start, end, .. } = piece else {
        out.push(piece.clone());
        return;
    };
    let (start, end) = (*start, *end);
    // (a fold that counted its errors or its stack traces has its parts count theirs: each
    // part's lines are read again for them, which only such a fold asks)
    let said = |word: &str| matches!(piece, Piece::Fold { what, .. } if what.contains(word));
    let counts = (said(" error"), said(" stack trace"));
    // (but a large fold of errors that gives up only its last line, one that reports none,
    // leaves its count to the part before it, which pays for its marker whatever its lines:
    // the log's last line, which says how it ended, under a fold of most of a large log, whose
    // lines would all be read again)
    let known = match piece {
        Piece::Fold { what, .. } if counts == (true, false) => counted(what, "error", "errors"),
        _ => 0,
    };
    let last_alone = missing.peek() == Some(&end) && end - start >= LARGE_PART && known > 0 && {
        let last = lines_at(&folded, end - start);
        logline::problem(last) != Problem::Reported && traces_opened(&[last]) == 0
    };
    if last_alone {
        missing.next();
        let what = crate::marker::lines_counting(end - start, &[(known, "error", "errors")]);
        out.push(Piece::Fold { start, end: end - 1, what });
        out.push(Piece::Keep { start: end, end, priority });
        return;
    }
    let mut from = start;
    while let Some(n) = missing.next_if(|&n| n <= end) {
        if n > from {
            out.push(part(from, n - 1, &mut folded, counts));
        }
        folded.next();
        out.push(Piece::Keep {
            start: n,
            end: n,
            priority,
        });
        from = n + 1;
    }
    if from == start {
        out.push(piece.clone());
    } else if from <= end {
        out.push(part(from, end, &mut folded, counts));
    }
}

/// What is left of a fold the guard split (lines `start..=end`, the next ones of `folded`): its
/// description no longer holds, its count does, and the counts of its errors and its stack
/// traces when the fold gave them (`counts`); or its lines, when too few to pay for that.
fn part<'l>(start: usize, end: usize, folded: &mut impl Iterator<Item = &'l str>, (errors, traces): (bool, bool)) -> Piece {
    let lines: Vec<&str> = folded.take(end - start + 1).collect();
    let failed = if errors { reported_events(&lines) } else { 0 };
    let raised = if traces { traces_opened(&lines) } else { 0 };
    let what = crate::marker::lines_counting(end - start + 1, &[(failed, "error", "errors"), (raised, "stack trace", "stack traces")]);
    // (a line alone between lines put back is read with them, unless it is long: a marker in
    // its stead, one more interruption, would hide a failure's `[left]:` between its message
    // and its `[right]:`)
    let alone_and_short = end == start && lines[0].len() < LONE_LINE_FOLDS * crate::marker::marker_chars(&what, start, end);
    if !alone_and_short && pays_in_tokens(lines, start, end, &what) {
        Piece::Fold { start, end, what }
    } else {
        Piece::Keep {
            start,
            end,
            priority: Priority::Ordinary,
        }
    }
}

/// Lines from which a part a split leaves pays for its marker, however short they are.
const LARGE_PART: usize = 64;

/// A line alone that a split leaves folds only when it is this many times its marker's
/// characters.
const LONE_LINE_FOLDS: usize = 8;

/// Line `k` (0-based) of a fold's lines, which `folded` gives.
fn lines_at<'l>(folded: &(impl Iterator<Item = &'l str> + Clone), k: usize) -> &'l str {
    folded.clone().nth(k).unwrap_or_default()
}

/// The count a fold's description gives of a noun (`2` of `181 lines, 2 errors`, `103,777` of
/// `103,777 errors`), 0 for none or for one it gives no number of.
fn counted(what: &str, one: &str, many: &str) -> usize {
    [many, one]
        .iter()
        .find_map(|noun| {
            let at = what.find(&format!(" {noun}"))?;
            let digits = what[..at].rsplit(' ').next()?;
            digits.replace(',', "").parse().ok()
        })
        .unwrap_or(0)
}

/// The errors `lines` report, counted as the log compressor counts them, an event at a time: a
/// line that opens no event and states no level, below one that did (Dask's `Exception: '…'`
/// under its `ERROR - Compute Failed`), is that event's, not another error.
fn reported_events(lines: &[&str]) -> usize {
    // (java.util.logging states its level on a line of its own, under its record's time)
    let opens = |line: &str| logline::opens_event(line) || logline::declared(line).is_some();
    let mut in_event = false;
    let mut failed = 0;
    for line in lines {
        let reported = logline::problem(line) == Problem::Reported;
        // once in an event, only a reported line asks whether it opens one (a fold the guard
        // splits can hold most of a log)
        if in_event {
            failed += (reported && opens(line)) as usize;
        } else {
            in_event = opens(line);
            failed += reported as usize;
        }
    }
    failed
}

/// The stack traces `lines` open: Python's `Traceback (most recent call last):`, or a line
/// that names an exception (`\tjava.lang.IllegalArgumentException: Invalid character …`) over
/// a frame (`\t\tat org.apache.coyote…`).
fn traces_opened<'l>(lines: &[&'l str]) -> usize {
    // (as the program wrote it: behind a CI service's stamp and a stream's prefix)
    let said = |l: &'l str| logline::as_streamed(l).1.trim_start();
    (0..lines.len())
        .filter(|&k| {
            let t = said(lines[k]);
            t.starts_with(crate::log::TRACEBACK) || (crate::log::exception_header(t) && lines.get(k + 1).is_some_and(|l| said(l).starts_with("at ")))
        })
        .count()
}

/// The error words `line` holds, lowercased, as one hash.
fn error_words_key(line: &str) -> u64 {
    let mut h = FxHasher::default();
    for m in logline::error_word_matches(line) {
        h.write(m.to_ascii_lowercase().as_bytes());
    }
    h.finish()
}

/// The first line (1-based) of each error-ish template that no kept line shows, in order;
/// `problems`, if given, is `logline::problem` of each line, read already (`log/ahead.rs`).
fn missing(plan: &Plan, lines: &Lines, problems: Option<&[Problem]>) -> Vec<usize> {
    missing_in_sections(plan, lines, problems, |_| 0)
}

/// `missing`, of each section of the lines on its own: `section` names the section of line
/// `n` (1-based; 0 for none), and a template shown in one section is missing from another (the
/// same database error in each of several files `tail` prints).
pub fn missing_in_sections(plan: &Plan, lines: &Lines, problems: Option<&[Problem]>, section: impl Fn(usize) -> u64) -> Vec<usize> {
    // verdicts read elsewhere must be of these very lines (as written, escapes and all): a
    // sample is checked in debug builds
    debug_assert!(problems.map_or(true, |p| p.len() == lines.lines.len()
        && p.iter().zip(&lines.lines).step_by(97).all(|(p, line)| *p == logline::problem(line))));
    let mut watch = Watch {
        error_words_anywhere: plan.error_words_anywhere,
        ..Watch::default()
    };
    for piece in &plan.pieces {
        let (start, end, kept) = match piece {
            // a restatement says its lines again in fewer words (a listing's names) or stands
            // for content that tools write (a lockfile's hunks, under their headers): a name
            // like `error.log` or `is-error` there is no failure to put back
            Piece::Keep { start, end, .. } | Piece::Restate { start, end, .. } => {
                (*start, *end, true)
            }
            Piece::Fold { start, end, .. } => (*start, *end, false),
        };
        for n in start..=end {
            let line = lines.lines[n - 1];
            let problem = problems.map_or_else(|| logline::problem(line), |p| p[n - 1]);
            watch.section = section(n);
            watch.see_as(n, line, kept, problem);
        }
    }
    watch.missing()
}

/// The guard's view of the lines, given one at a time and in order with whether each is kept:
/// its memory grows with the distinct error templates (capped), not with the lines, so a
/// compressor that streams its output can ask it too (`fold.rs`).
#[derive(Default)]
pub struct Watch {
    templates: Templates,
    /// whether a line that names a failure in words anywhere counts too (`Plan::error_words_anywhere`)
    pub error_words_anywhere: bool,
    /// the templates of such lines, grouped also by the words they hold
    named: Templates,
    toks: Vec<u64>,
    /// the paths each client failed on (an access log's)
    probes: Probes,
    /// the section the lines seen now belong to (see `missing_in_sections`; 0: none)
    section: u64,
}

impl Watch {
    /// Line `n` (1-based), kept verbatim or not.
    pub fn see(&mut self, n: usize, line: &str, kept: bool) {
        self.see_as(n, line, kept, logline::problem(line))
    }

    /// `see`, with how the line speaks of a problem already known.
    fn see_as(&mut self, n: usize, line: &str, kept: bool, problem: Problem) {
        // (a line is read as a terminal shows it, without its colours: see `logline::problem`)
        let plain = matches!(problem, Problem::Reported | Problem::Named).then(|| crate::escapes::strip(line)).flatten();
        let line = plain.as_deref().unwrap_or(line);
        match problem {
            Problem::Reported => {
                tokens(line, &mut self.toks, &mut self.probes);
                self.in_section();
                self.templates.add(&self.toks, n, kept);
            }
            Problem::Named if self.error_words_anywhere => {
                tokens(line, &mut self.toks, &mut self.probes);
                // the words go first: a template's first token must agree (see `similar`)
                self.toks.insert(0, error_words_key(line));
                self.in_section();
                self.named.add(&self.toks, n, kept);
            }
            Problem::Named | Problem::None => {}
        }
    }

    /// The tokens of the line seen now, made its section's: its first token, which a template's
    /// lines must agree in (see `Templates::similar`), takes in the section.
    fn in_section(&mut self) {
        if self.section != 0 {
            match self.toks.first_mut() {
                Some(first) => *first = first.rotate_left(17) ^ self.section,
                None => self.toks.push(self.section),
            }
        }
    }

    /// The first line of each error-ish template that no kept line showed, in order.
    pub fn missing(self) -> Vec<usize> {
        let mut out: Vec<usize> = [self.templates, self.named]
            .iter()
            .flat_map(|t| (0..t.first.len()).filter(|&i| !t.kept[i]).map(|i| t.first[i]))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Error templates in the manner of Drain: lines with the same masked tokens are one template,
/// and so are lines of as many tokens that differ from a template's first line in at most a
/// quarter of them (a user name, a host), so one example stands for the lot.
#[derive(Default)]
struct Templates {
    exact: FxHashMap<u64, u32>,
    by_len: FxHashMap<usize, Vec<u32>>,
    tokens: Vec<Vec<u64>>,
    first: Vec<usize>,
    kept: Vec<bool>,
}

/// Templates compared per token count: bounds the work when every error is new.
const GROUP_CAP: usize = 64;

impl Templates {
    fn add(&mut self, toks: &[u64], n: usize, kept: bool) {
        let key = hash_all(toks);
        let t = match self.exact.get(&key) {
            Some(&t) => Some(t),
            None => self.similar(toks),
        };
        if let Some(t) = t {
            self.kept[t as usize] |= kept;
            if self.exact.len() < MAX_TEMPLATES {
                self.exact.insert(key, t);
            }
            return;
        }
        if self.first.len() >= MAX_TEMPLATES {
            return;
        }
        let t = self.first.len() as u32;
        self.exact.insert(key, t);
        let group = self.by_len.entry(toks.len()).or_default();
        if group.len() < GROUP_CAP {
            group.push(t);
        }
        self.tokens.push(toks.to_vec());
        self.first.push(n);
        self.kept.push(kept);
    }

    fn similar(&self, toks: &[u64]) -> Option<u32> {
        let allowed = toks.len() / 4;
        if allowed == 0 {
            return None;
        }
        self.by_len.get(&toks.len())?.iter().copied().find(|&t| {
            let other = &self.tokens[t as usize];
            // the first token (a level, a status, a month) must agree
            other[0] == toks[0]
                && other.iter().zip(toks).filter(|(a, b)| a != b).count() <= allowed
        })
    }
}

/// The lines (1-based) that say where kept line `n` stands in a traceback: the frame's place
/// over its line of code (`File "…/utils.py", line 105, in _execute`); under a value loguru
/// notes beneath the code (`          │      └ {'kind': 'sync', 'id': 'inv-7'}`), the code and
/// its place (`> File "…/lg.py", line 39, in <module>`).
fn where_it_stands(lines: &[&str], n: usize) -> Vec<usize> {
    const NOTES_UNDER_CODE: usize = 32;
    // (loguru notes a handful of values under a line: a long run of such lines is a drawing)
    let mut code = n;
    while code >= 2 && logline::notes_a_value(lines[code - 1]) {
        if n - code >= NOTES_UNDER_CODE {
            return Vec::new();
        }
        code -= 1;
    }
    let mut at = Vec::new();
    if code < n && !lines[code - 1].trim().is_empty() {
        at.push(code);
    }
    // (the frame's line as its program wrote it, behind a CI service's stamp and a stream's
    // prefix, as the line of code is, in the same stream: another service's frame interleaved
    // above places no code of this one's)
    if code >= 2 {
        let ((tag, frame), (code_tag, _)) = (logline::as_streamed(lines[code - 2]), logline::as_streamed(lines[code - 1]));
        if tag == code_tag && logline::places_code_below(frame) {
            at.push(code - 1);
        }
    }
    at
}

/// Lines looked back over for the header of a BuildKit step (see `BuildSteps`).
const BUILD_STEP_LOOKBACK: usize = 5000;

/// Where each step of a BuildKit build is headed, for the lines put back among its lines: a
/// step's lines carry its number alone (`#27 7.578 -- Detected processor: aarch64`, `#27 DONE
/// 12.5s`), its header what it runs (`#27 [linux/arm64 11/18] RUN cmake …`). The header is
/// printed again wherever another step's lines came between: its first (within
/// `BUILD_STEP_LOOKBACK` lines above) says it once for all of the step's lines. Read once,
/// and only when a line to put back is a step's.
#[derive(Default)]
struct BuildSteps {
    /// the lines (1-based, ascending) that head each step
    headers: FxHashMap<u32, Vec<usize>>,
}

impl BuildSteps {
    fn of(lines: &[&str], keep: &[usize]) -> BuildSteps {
        let mut steps = BuildSteps::default();
        if !keep.iter().any(|&n| step_line(lines[n - 1]).is_some()) {
            return steps;
        }
        for (k, line) in lines.iter().enumerate() {
            if !hashed_early(line) {
                continue;
            }
            let header = logline::unstamped(line);
            let Some((number, rest)) = header.strip_prefix('#').and_then(|h| h.split_once(' ')) else {
                continue;
            };
            if let (Ok(step), true) = (number.parse(), re!(r"^\[[^\]]+\] [^:]").is_match(rest)) {
                steps.headers.entry(step).or_default().push(k + 1);
            }
        }
        steps
    }

    /// The header of the step line `n` is of, if it is a step's line (see `BuildSteps`).
    fn header(&self, lines: &[&str], n: usize) -> Option<usize> {
        let headers = self.headers.get(&step_line(lines[n - 1])?)?;
        let first = headers.partition_point(|&h| h < n.saturating_sub(BUILD_STEP_LOOKBACK).max(1));
        headers.get(first).copied().filter(|&h| h < n)
    }
}

/// Whether `line` holds a `#` among its first bytes, as a BuildKit step's line and header do,
/// behind a stamp at most: a cheap look before a closer one.
fn hashed_early(line: &str) -> bool {
    memchr::memchr(b'#', &line.as_bytes()[..line.len().min(48)]).is_some()
}

/// The step a BuildKit step's line is of (`#27 7.578 …`, `#27 DONE 12.5s`). (`unstamped` reads
/// a step's number and time as a stamp: the line is read as written, or behind a CI service's
/// stamp.)
fn step_line(line: &str) -> Option<u32> {
    if !hashed_early(line) {
        return None;
    }
    let line = [line, logline::unstamped(line)].into_iter().find(|l| re!(r"^#\d+ (\d+\.\d+ |DONE |CACHED|ERROR)").is_match(l))?;
    line[1..line.find(' ')?].parse().ok()
}

fn hash_all(toks: &[u64]) -> u64 {
    let mut h = FxHasher::default();
    for t in toks {
        h.write_u64(*t);
    }
    h.finish()
}

/// Tokens that need to be held: this many per line at most.
const MAX_TOKENS: usize = 48;

/// What a line says, as hashes of its tokens with what varies from one occurrence to the next
/// masked: its source tag dropped, numbers, ids, paths and quoted values masked; for a JSON
/// event, its level and the words of its message; for an access log, its status, method, path
/// and virtual host.
fn tokens(line: &str, out: &mut Vec<u64>, probes: &mut Probes) {
    out.clear();
    let line = line.strip_suffix('\r').unwrap_or(line);
    let rest = &line[logline::source_prefix_len(line).unwrap_or(0)..];
    let mut buf = String::new();
    // an access log's failure is its status, method and path (query and numbers masked): one
    // example of each, with no slack, but for the paths a client probes (see `Probes`)
    if let Some(status) = logline::http_status(rest) {
        out.push(status as u64);
        if let Some((method, path)) = logline::http_request(rest) {
            push(out, method, &mut buf);
            // a host name is a word to mask in a log line, but names another site here
            let host = logline::virtual_host(rest).unwrap_or("");
            out.push(probes.message(rest, RequestKey::new(method, host, status, &[], path)));
        }
        return;
    }
    if rest.starts_with('{') {
        push(out, &format!("{:?}", logline::severity(rest)), &mut buf);
        let msg = re!(r#""(?i:msg|message|error|err|@m|@mt|@message|messagetemplate)" *: *"((?:[^"\\]|\\.)*)""#);
        if let Some(c) = msg.captures(rest) {
            for tok in c[1].split_ascii_whitespace().take(MAX_TOKENS) {
                push(out, tok, &mut buf);
            }
        }
        return;
    }
    for tok in rest.split_ascii_whitespace().take(MAX_TOKENS) {
        push(out, tok, &mut buf);
    }
    if out.is_empty() {
        push(out, "", &mut buf);
    }
}

fn push(out: &mut Vec<u64>, tok: &str, buf: &mut String) {
    buf.clear();
    mask_log_token(tok, buf);
    let mut h = FxHasher::default();
    h.write(buf.as_bytes());
    out.push(h.finish());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split;
    use crate::plan::render;
    use crate::{compress, Kind, Options};

    fn opts() -> Options {
        Options::for_test(None)
    }

    #[test]
    fn a_value_loguru_notes_stands_under_its_code_and_place() {
        let lines = [
            "Traceback (most recent call last):",
            "",
            "> File \"/tmp/app/lg.py\", line 39, in <module>",
            "    res = handle(job)",
            "          │      └ {'kind': 'config', 'raw': 'ten'}",
            "          └ <function handle at 0x7f7d6a4d84a0>",
            "",
            "ValueError: invalid literal for int() with base 10: 'ten'",
        ];
        assert_eq!(where_it_stands(&lines, 5), vec![4, 3]);
        assert_eq!(where_it_stands(&lines, 6), vec![4, 3]);
        assert_eq!(where_it_stands(&lines, 4), vec![3]);
        assert!(where_it_stands(&lines, 8).is_empty());
        // a long run of such lines is a drawing (`tree`'s), not a value's notes
        let tree: Vec<String> = std::iter::once("src".to_string()).chain((0..100).map(|k| format!("  │   └── file{k}.rs"))).collect();
        let tree: Vec<&str> = tree.iter().map(String::as_str).collect();
        assert!(where_it_stands(&tree, 90).is_empty());
    }

    #[test]
    fn a_line_of_code_stands_under_its_frame_behind_a_stamp_in_its_own_stream() {
        let stamped = ["2024-07-12T17:22:03.2236140Z   File \"/w/t.py\", line 7, in test_k", "2024-07-12T17:22:03.2237136Z     gm = make_fx(test)(t0, t1)"];
        assert_eq!(where_it_stands(&stamped, 2), vec![1]);
        let streams = ["api-1  |   File \"/w/t.py\", line 7, in test_k", "api-1  |     gm = make_fx(test)(t0, t1)"];
        assert_eq!(where_it_stands(&streams, 2), vec![1]);
        // another service's frame above places no code of this one's
        let interleaved = ["web-1  |   File \"/w/t.py\", line 7, in test_k", "api-1  |     gm = make_fx(test)(t0, t1)"];
        assert!(where_it_stands(&interleaved, 2).is_empty());
        // a compiler's excerpt stands under its diagnostic, behind a Jenkins branch's name too
        let gcc = ["[Build on Ubuntu 18.04] backtrace_execinfo.c:56:13: warning: ignoring return value of 'write' [-Wunused-result]", "[Build on Ubuntu 18.04]              write (fd, prefix, strlen (prefix));"];
        assert_eq!(where_it_stands(&gcc, 2), vec![1]);
        assert_eq!(where_it_stands(&["src/io.c:56:13: error: 'fd' undeclared", "   56 |   write (fd, buf, len);"], 2), vec![1]);
        assert!(where_it_stands(&["make: *** [Makefile:12: all] Error 2", "make: Leaving directory '/src'"], 2).is_empty());
    }

    #[test]
    fn a_build_steps_line_stands_under_the_steps_first_header() {
        let build = [
            "#24 [linux/amd64 11/18] RUN cmake ..",
            "#24 0.640 -- Detected processor: x86_64",
            "#27 [linux/arm64 11/18] RUN cmake ..",
            "#27 7.578 -- Detected processor: aarch64",
            "#24 1.002 -- Found Python",
            "#27 [linux/arm64 11/18] RUN cmake ..",
            "#27 9.737 -- Could NOT find PythonInterp",
            "#27 DONE 12.5s",
        ];
        let header = |lines: &[&str], n: usize| BuildSteps::of(lines, &[n]).header(lines, n);
        assert_eq!(header(&build, 4), Some(3));
        assert_eq!(header(&build, 7), Some(3));
        assert_eq!(header(&build, 8), Some(3));
        assert_eq!(header(&build, 5), Some(1));
        // behind a GitHub Actions stamp too; a PHP trace's frames are no steps
        let stamped = ["2026-01-02T10:00:00.1Z #5 [builder 2/4] COPY . .", "2026-01-02T10:00:01.1Z #5 0.512 copied"];
        assert_eq!(header(&stamped, 2), Some(1));
        let php = ["#0 [internal function]: App\\Http\\Kernel->handle()", "#0 /var/www/app/index.php(12): run()"];
        assert_eq!(header(&php, 2), None);
        // a step's first header further up than the look-back is another build's
        let far: Vec<String> = std::iter::once("#7 [builder 1/2] RUN make".to_string()).chain((0..BUILD_STEP_LOOKBACK + 5).map(|k| format!("#7 {k}.0 cc -c f{k}.c"))).collect();
        let far: Vec<&str> = far.iter().map(String::as_str).collect();
        assert_eq!(header(&far, 3), Some(1));
        assert_eq!(header(&far, far.len()), None);
    }

    #[test]
    fn the_parts_of_a_fold_that_counted_its_errors_count_theirs() {
        let lines: Vec<String> = (1..=40)
            .map(|n| match n % 4 {
                0 => format!("2024-01-01 10:00:{n:02} ERROR upstream {n} timed out after 30s while the request was still waiting"),
                _ => format!("2024-01-01 10:00:{n:02} INFO request {n} served in {n} ms by worker pool one of the service"),
            })
            .collect();
        let folded = || lines.iter().map(String::as_str);
        let cut = |what: &str| {
            let fold = Piece::Fold { start: 1, end: 40, what: what.to_string() };
            let mut out = Vec::new();
            super::split(&fold, &mut [20].into_iter().peekable(), &mut out, folded(), Priority::Critical);
            out.iter()
                .filter_map(|p| match p {
                    Piece::Fold { what, .. } => Some(what.clone()),
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        // lines 1-19 hold 4 errors, lines 21-40 hold 5
        assert_eq!(cut("40 lines, 10 errors"), ["19 lines, 4 errors", "20 lines, 5 errors"]);
        // a fold that said nothing of errors still says its count alone
        assert_eq!(cut("40 like above"), ["19", "20"]);
    }

    #[test]
    fn the_parts_of_a_fold_that_counted_its_stack_traces_count_theirs() {
        // Tomcat's request it could not parse, logged at INFO with its trace, among warnings
        let event = ["17-Jan-2020 01:37:08.111 INFO [exec-8] o.a.c.h.Http11Processor.service Error parsing HTTP request header", " Note: further occurrences will be logged at DEBUG level.", "\tjava.lang.IllegalArgumentException: Invalid character found in method name", "\t\tat org.apache.coyote.http11.Http11InputBuffer.parseRequestLine(Http11InputBuffer.java:430)", "\t\tat java.lang.Thread.run(Thread.java:748)"];
        let warning = "18-Jan-2020 19:27:37.512 WARNING [exec-6] o.a.c.r.LockOutRealm.filterLockedAccounts An attempt was made to authenticate the locked user [root]";
        let mut lines: Vec<&str> = Vec::new();
        for _ in 0..3 {
            lines.extend(std::iter::repeat(warning).take(10));
            lines.extend(event);
        }
        lines.push("30-Jan-2020 14:29:25.392 INFO [main] org.apache.catalina.startup.Catalina.start Server startup in 428 ms");
        let fold = Piece::Fold { start: 1, end: lines.len(), what: format!("{} lines, 3 stack traces", lines.len()) };
        let mut out = Vec::new();
        super::split(&fold, &mut [lines.len()].into_iter().peekable(), &mut out, lines.iter().copied(), Priority::Critical);
        assert!(matches!(&out[0], Piece::Fold { what, .. } if what == "45 lines, 3 stack traces"), "{out:?}");
        // behind GitHub Actions' stamps too
        let stamped: Vec<String> = lines.iter().map(|l| format!("2026-01-02T10:00:00.1234567Z {l}")).collect();
        let mut out = Vec::new();
        super::split(&fold, &mut [lines.len()].into_iter().peekable(), &mut out, stamped.iter().map(String::as_str), Priority::Critical);
        assert!(matches!(&out[0], Piece::Fold { what, .. } if what == "45 lines, 3 stack traces"), "{out:?}");
    }

    #[test]
    fn a_split_fold_counts_an_error_event_once_as_the_log_compressor_does() {
        // Dask: an error, then its detail lines, one of them an exception's (without a time of
        // its own, it is the event's); an unstamped error line of its own counts
        let event = ["2026-12-05 05:07:55,331 - distributed.worker - ERROR - Compute Failed", "Key:       parse_record-e2f688af36", "Exception: 'ValueError(\"malformed record 56\")'", ""];
        let mut lines: Vec<&str> = event.iter().chain(&event).copied().collect();
        assert_eq!(reported_events(&lines), 2);
        lines.insert(0, "Exception: 'ValueError(\"malformed record 12\")'");
        assert_eq!(reported_events(&lines), 3);
        // java.util.logging's record: its level on a line of its own, under its time
        let record = ["Dec 05, 2026 5:39:01 AM io.vertx.ext.web.RoutingContext", "SEVERE: Unhandled exception in router", "java.lang.NumberFormatException: For input string: \"abc12\""];
        assert_eq!(reported_events(&[record, record].concat()), 2);
    }

    #[test]
    fn a_large_fold_that_gives_up_its_last_line_keeps_its_count() {
        // the log compressor folded a log's lines, its errors counted, and puts back the last
        // line, which reports none: the count stands, and no line is read again for it (the
        // count here is the fold's own, 66, where reading the lines again would give 67)
        let t: String = (0..200)
            .map(|i| if i % 3 == 0 { format!("app[1]: cannot open /srv/x{i}\n") } else { format!("app[1]: step {i} went through\n") })
            .collect();
        let lines = split(&t);
        let mut plan = Plan::default();
        plan.fold(1, 200, "200 lines, 66 errors");
        let plan = keep_in_place(&plan, vec![200], &lines, Priority::Critical);
        assert!(matches!(&plan.pieces[..], [Piece::Fold { start: 1, end: 199, what }, Piece::Keep { start: 200, end: 200, .. }] if what == "199 lines, 66 errors"), "{:?}", plan.pieces);
        // a line put back elsewhere has the parts count their errors again
        let plan = keep_in_place(&{
            let mut p = Plan::default();
            p.fold(1, 200, "200 lines, 66 errors");
            p
        }, vec![100], &lines, Priority::Critical);
        assert!(matches!(&plan.pieces[0], Piece::Fold { end: 99, what, .. } if what == "99 lines, 33 errors"), "{:?}", plan.pieces);
        assert_eq!(counted("103,777 errors", "error", "errors"), 103_777);
        assert_eq!(counted("12-line stack trace like one above, 1 error", "stack trace", "stack traces"), 0);
    }

    /// Every error-ish template of `input` has a verbatim example in `out`, and every marker's
    /// range, restored, gives back the input with the kept lines.
    fn assert_guarded(input: &str, kind: Kind) -> String {
        let c = compress(kind, input, &opts());
        let out_lines: std::collections::HashSet<&str> = c.text.lines().collect();
        // every error line is kept, or one of its template (same tokens but a quarter) is
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let kept: Vec<&str> = input.lines().filter(|l| out_lines.contains(l)).collect();
        for l in input.lines().filter(|l| logline::is_errorish(l)) {
            tokens(l, &mut a, &mut Probes::default());
            let shown = kept.iter().any(|k| {
                tokens(k, &mut b, &mut Probes::default());
                a.len() == b.len() && a.iter().zip(&b).filter(|(x, y)| x != y).count() <= a.len() / 4
            });
            assert!(shown, "{kind:?} lost {l:?}:\n{}", c.text);
        }
        assert_ranges_truthful(input, &c.text);
        c.text
    }

    /// Markers and kept lines, in order, account for every input line once.
    fn assert_ranges_truthful(input: &str, out: &str) {
        let input: Vec<&str> = input.lines().collect();
        let mut next = 1;
        for l in out.lines() {
            if let Some((a, b)) = crate::marker::span_of(l) {
                assert_eq!(a, next, "marker {l} does not start where the output left off");
                next = b + 1;
            } else {
                assert_eq!(input[next - 1], l, "kept line {next} is not verbatim");
                next += 1;
            }
        }
        assert_eq!(next, input.len() + 1, "the output does not cover the input");
    }

    /// 300 lines of an access log; line `i` (from 0) requests `request(i)`: what opens the line
    /// before the client (a virtual host), the path and the status.
    fn access_log_of(request: impl Fn(usize) -> (&'static str, &'static str, u16)) -> String {
        let mut t = String::new();
        for i in 0..300 {
            let (host, path, status) = request(i);
            t.push_str(&format!(
                "{host}10.0.0.{} - - [10/Oct/2023:13:{:02}:{:02} +0000] \"GET {path} HTTP/1.1\" {status} {} \"-\" \"curl/8.0\"\n",
                i % 7,
                i / 60,
                i % 60,
                1000 + i
            ));
        }
        t
    }

    fn access_log() -> String {
        access_log_of(|i| match i {
            117 => ("", "/index.html", 404),
            230 => ("", "/index.html", 500),
            231 => ("", "/wp-login.php", 404),
            _ => ("", "/index.html", 200),
        })
    }

    #[test]
    fn an_access_log_through_the_json_and_text_compressors_keeps_its_errors() {
        let log = access_log();
        for kind in [Kind::Json, Kind::Text, Kind::Shell, Kind::Diff] {
            let out = assert_guarded(&log, kind);
            assert!(out.contains("\"GET /index.html HTTP/1.1\" 404"), "{kind:?}: {out}");
            assert!(out.contains("\"GET /index.html HTTP/1.1\" 500"), "{kind:?}: {out}");
            assert!(out.contains("\"GET /wp-login.php HTTP/1.1\" 404"), "{kind:?}: {out}");
            // the diff compressor keeps what is no diff; the others fold the repeats around
            assert!(kind == Kind::Diff || out.len() < log.len() / 4, "{kind:?} folds the rest: {out}");
        }
    }

    #[test]
    fn an_access_log_stamped_by_its_collector_keeps_its_errors() {
        // `docker logs -t`, `kubectl logs --timestamps`: the collector's time opens each line
        let stamp = "2023-10-10T13:01:57.123456789Z ";
        let t = access_log_of(|i| match i {
            117 => (stamp, "/index.html", 404),
            231 => (stamp, "/wp-login.php", 500),
            _ => (stamp, "/index.html", 200),
        });
        for kind in [Kind::Json, Kind::Text, Kind::Shell] {
            let out = assert_guarded(&t, kind);
            assert!(out.contains("\"GET /index.html HTTP/1.1\" 404"), "{kind:?}: {out}");
            assert!(out.contains("\"GET /wp-login.php HTTP/1.1\" 500"), "{kind:?}: {out}");
        }
    }

    #[test]
    fn a_dev_servers_access_log_keeps_its_errors() {
        // Django's runserver opens the line with its time, uvicorn with its level: neither
        // is the combined format, and the status still follows the quoted request; morgan
        // quotes no request, and Gin gives its status a field before it
        let django = |i: usize, status: u16| format!("[10/Oct/2023 13:{:02}:{:02}] \"GET /polls/ HTTP/1.1\" {status} 179\n", i / 60, i % 60);
        let uvicorn = |_: usize, status: u16| format!("INFO:     10.0.0.1:5000 - \"GET /polls/ HTTP/1.1\" {status} {}\n", if status == 200 { "OK" } else { "Error" });
        let morgan = |i: usize, status: u16| format!("GET /polls/ {status} {}.{:03} ms - 179\n", i % 9, i);
        let gin = |i: usize, status: u16| format!("[GIN] 2023/10/10 - 13:{:02}:{:02} | {status} |    1.209ms |       127.0.0.1 | GET      \"/polls/\"\n", i / 60, i % 60);
        for line in [&django as &dyn Fn(usize, u16) -> String, &uvicorn, &morgan, &gin] {
            let t: String = (0..300).map(|i| line(i, match i { 117 => 404, 231 => 500, _ => 200 })).collect();
            for kind in [Kind::Log, Kind::Json, Kind::Text, Kind::Shell] {
                let out = assert_guarded(&t, kind);
                for failed in [line(117, 404), line(231, 500)] {
                    assert!(out.contains(failed.trim_end()), "{kind:?}: {out}");
                }
            }
        }
    }

    #[test]
    fn a_status_printed_before_the_request_is_its_status_and_the_size_after_is_none() {
        // an nginx `log_format` of `$remote_addr [$time_local] $status "$request"
        // $body_bytes_sent`: sizes of 100 to 599 bytes after the request are no failures
        let line = |i: usize, status: u16, size: usize| format!("10.0.0.{} [08/Mar/2020:10:{:02}:{:02} +0000] {status} \"GET /polls/ HTTP/1.1\" {size}\n", i % 250, i / 60, i % 60);
        let t: String = (0..300)
            .map(|i| match i {
                117 => line(i, 404, 179),
                231 => line(i, 500, 179),
                _ => line(i, 200, 100 + i * 37 % 500),
            })
            .collect();
        for kind in [Kind::Log, Kind::Json, Kind::Text, Kind::Shell] {
            let out = assert_guarded(&t, kind);
            for failed in [line(117, 404, 179), line(231, 500, 179)] {
                assert!(out.contains(failed.trim_end()), "{kind:?}: {out}");
            }
        }
        let out = assert_guarded(&t, Kind::Log);
        assert!(out.lines().count() < 12, "{out}");
    }

    #[test]
    fn a_load_balancer_s_status_is_the_first_count_before_the_request() {
        // an AWS load balancer prints its status, the backend's and the bytes received and sent
        // before the request: bytes of 100 to 599 are no status, and a backend's `-` no size
        let line = |i: usize, status: &str, sent: usize| {
            format!("2015-05-13T23:{:02}:{:02}.945958Z lb 192.168.131.{}:2817 10.0.0.1:80 0.000073 0.001048 0.000057 {status} 0 {sent} \"GET http://www.example.com:80/api/items HTTP/1.1\" \"curl/7.38.0\" - -\n", i / 60, i % 60, i % 250)
        };
        let t: String = (0..300)
            .map(|i| match i {
                117 => line(i, "503 -", 57),
                231 => line(i, "404 404", 503),
                _ => line(i, "200 200", 100 + i * 37 % 500),
            })
            .collect();
        for kind in [Kind::Log, Kind::Json, Kind::Text, Kind::Shell] {
            let out = assert_guarded(&t, kind);
            for failed in [line(117, "503 -", 57), line(231, "404 404", 503)] {
                assert!(out.contains(failed.trim_end()), "{kind:?}: {out}");
            }
        }
        let out = assert_guarded(&t, Kind::Log);
        assert!(out.lines().count() < 12, "{out}");
    }

    #[test]
    fn a_squid_log_keeps_a_denied_request() {
        // Squid's native format: the cache's result and the status in one field, no level,
        // and `DENIED` inside a word, where no error word stands alone
        let line = |i: usize, result: &str, host: &str| {
            format!("{}.{:03} {:6} 192.168.0.{} {result} {} GET http://{host}/ - HIER_DIRECT/93.184.216.34 text/html\n", 1286536308 + i, i % 1000, 5 + i * 7 % 3000, 2 + i % 250, 200 + i * 31 % 90000)
        };
        let t: String = (0..300)
            .map(|i| match i {
                77 => line(i, "TCP_DENIED/403", "blocked.example.net"),
                _ => line(i, "TCP_MISS/200", ["example.org", "pypi.org", "cdn.jsdelivr.net"][i % 3]),
            })
            .collect();
        for kind in [Kind::Log, Kind::Text, Kind::Shell] {
            let out = assert_guarded(&t, kind);
            assert!(out.contains(line(77, "TCP_DENIED/403", "blocked.example.net").trim_end()), "{kind:?}: {out}");
        }
        // a scanner's `TRACE` refused is a failed request too, as its `DELETE` is
        let traced: String = (0..300)
            .map(|i| match i % 20 {
                7 => line(i, "TCP_MISS/405", "example.org").replace(" GET ", " DELETE "),
                13 => line(i, "TCP_MISS/405", "example.org").replace(" GET ", " TRACE "),
                _ => line(i, "TCP_MISS/200", "example.org"),
            })
            .collect();
        let out = assert_guarded(&traced, Kind::Log);
        assert!(out.lines().any(|l| l.contains(" TCP_MISS/405 ") && l.contains(" TRACE ")), "{out}");
    }

    #[test]
    fn an_access_record_keeps_a_failed_request_of_each_path_whatever_its_format() {
        // records that give their status under their own key (logfmt's, Traefik's JSON) or in
        // brackets (PHP's built-in server), with no level that says the request failed
        let formats: [fn(usize, u16, &str) -> String; 9] = [
            |i, status, path| format!("2026-12-03T10:{:02}:{:02}.081274+00:00 heroku[router]: at=info method=GET path=\"{path}\" host=a.herokuapp.com request_id={i:08x} fwd=\"10.0.0.{}\" dyno=web.1 connect=0ms service={}ms status={status} bytes={}\n", i / 60, i % 60, i % 250, i * 7 % 900, 100 + i * 37 % 9000),
            |i, status, path| format!("I1203 10:{:02}:{:02}.709010       1 httplog.go:132] \"HTTP\" verb=\"GET\" URI=\"{path}\" latency=\"{}.2ms\" audit-ID=\"{i:08x}\" srcIP=\"10.0.0.{}:38212\" resp={status}\n", i / 60, i % 60, i % 90, i % 250),
            |i, status, path| format!("{{\"ClientHost\":\"10.0.0.{}\",\"DownstreamContentSize\":{},\"DownstreamStatus\":{status},\"RequestMethod\":\"GET\",\"RequestPath\":\"{path}\",\"level\":\"info\",\"time\":\"2026-12-03T10:{:02}:{:02}Z\"}}\n", i % 250, 100 + i * 37 % 9000, i / 60, i % 60),
            |i, status, path| format!("[Thu Dec  3 10:{:02}:{:02} 2026] 127.0.0.1:{} [{status}]: GET {path}\n", i / 60, i % 60, 30000 + i * 7 % 30000),
            // an absolute URL, then the status (Sanic), past empty fields (ASP.NET Core)
            |i, status, path| format!("[2026-12-03 10:{:02}:{:02} +0000] - (sanic.access)[INFO][10.0.0.{}:5000]: GET http://localhost:8000{path}  {status} {}\n", i / 60, i % 60, i % 250, 100 + i * 37 % 9000),
            |i, status, path| format!("info: Microsoft.AspNetCore.Hosting.Diagnostics[2] Request finished HTTP/1.1 GET http://localhost:5000{path} - {status} 0 - {}.{:04}ms\n", i % 90, i * 37 % 10000),
            // chi names the client between the request and its status
            |i, status, path| format!("2026/12/03 10:{:02}:{:02} \"GET http://localhost:3333{path} HTTP/1.1\" from 127.0.0.1:{} - {status} {}B in {}.{}µs\n", i / 60, i % 60, 30000 + i * 7 % 30000, 2 + i * 37 % 9000, i % 99, i % 10),
            // uWSGI gives it with its protocol, Plug on a line of its own
            |i, status, path| format!("[pid: 1234|app: 0|req: {}/{}] 10.0.0.{} () {{34 vars in 412 bytes}} [Thu Dec  3 10:{:02}:{:02} 2026] GET {path} => generated {} bytes in {} msecs (HTTP/1.1 {status}) 2 headers in 80 bytes (1 switches on core 0)\n", i + 1, i + 1, i % 250, i / 60, i % 60, 100 + i * 37 % 9000, i % 90),
            |i, status, path| format!("10:{:02}:{:02}.{:03} request_id=F{i:08x} [info] GET {path}\n10:{:02}:{:02}.{:03} request_id=F{i:08x} [info] Sent {status} in {}ms\n", i / 60, i % 60, i % 1000, i / 60, i % 60, i % 1000, i % 90),
        ];
        for line in formats {
            let t: String = (0..300)
                .map(|i| match i {
                    97 => line(i, 404, "/wp-login.php"),
                    211 => line(i, 500, "/api/orders"),
                    _ => line(i, 200, ["/", "/api/items", "/health"][i % 3]),
                })
                .collect();
            for kind in [Kind::Log, Kind::Text] {
                let out = assert_guarded(&t, kind);
                for failed in [line(97, 404, "/wp-login.php"), line(211, 500, "/api/orders")] {
                    // (Plug's status is on the second line of the two)
                    let failed = failed.trim_end().lines().last().unwrap();
                    assert!(out.lines().any(|l| l == failed), "{kind:?}: {out}");
                }
            }
        }
    }

    #[test]
    fn a_gin_log_keeps_a_failed_request_of_each_path() {
        // Gin quotes the path alone; a 404 of a path the site has and one of a probe's
        let line = |path: &str, status: u16| format!("[GIN] 2026/12/03 - 17:39:43 | {status} | 28.604µs |       127.0.0.1 | GET      \"{path}\"\n");
        let t: String = (0..300)
            .map(|i| match i {
                100 => line("/api/items/0", 404),
                200 => line("/wp-login.php", 404),
                _ => line(&format!("/api/items/{}", 1 + i % 50), 200),
            })
            .collect();
        for kind in [Kind::Log, Kind::Text] {
            let out = assert_guarded(&t, kind);
            assert!(out.contains(line("/api/items/0", 404).trim_end()), "{kind:?}: {out}");
            assert!(out.contains(line("/wp-login.php", 404).trim_end()), "{kind:?}: {out}");
        }
    }

    #[test]
    fn a_vhost_access_log_keeps_a_failed_request_of_each_virtual_host() {
        // Apache's vhost_combined: the same path failing on another host is another request
        let t = access_log_of(|i| match i {
            117 => ("shop.example.org:443 ", "/index.html", 404),
            231 => ("www.example.org:80 ", "/index.html", 404),
            _ => ("www.example.org:80 ", "/index.html", 200),
        });
        for kind in [Kind::Log, Kind::Json, Kind::Text] {
            let out = assert_guarded(&t, kind);
            assert!(out.contains("shop.example.org:443 10.0.0.5 - - [10/Oct/2023:13:01:57 +0000] \"GET /index.html HTTP/1.1\" 404"), "{kind:?}: {out}");
            assert!(out.contains("www.example.org:80 10.0.0.0 - - [10/Oct/2023:13:03:51 +0000] \"GET /index.html HTTP/1.1\" 404"), "{kind:?}: {out}");
        }
    }

    #[test]
    fn a_log_keeps_an_example_of_each_template_whose_words_name_a_failure() {
        // a traced script echoes its messages: the quoted values are masked, so the one that
        // names a failure is of the template of the others, and would fold among them
        let words = ["fetching", "unpacking", "configuring", "linking", "copying", "testing"];
        let mut t = String::new();
        for i in 0..60 {
            t.push_str(&format!("+ echo \"{}\"\n", words[i % 6]));
            if i == 30 {
                t.push_str("+ echo \"[setup.sh:error]\"\n");
            }
        }
        let out = compress(Kind::Log, &t, &opts()).text;
        assert!(out.contains("+ echo \"[setup.sh:error]\"\n"), "{out}");
        // the others still fold
        assert!(!out.contains("\"testing\""), "{out}");
        // a line that states its level is judged by it, whatever words its values hold
        let t = t.replace("+ echo", "INFO echo");
        let out = compress(Kind::Log, &t, &opts()).text;
        assert!(!out.contains("[setup.sh:error]"), "{out}");
    }

    #[test]
    fn a_pytest_run_through_the_log_compressor_keeps_its_failures() {
        let mut t = String::from("============================= test session starts ==============================\n");
        for i in 0..200 {
            t.push_str(&format!("tests/test_api.py::test_case_{i} PASSED [{:>3}%]\n", i / 2));
        }
        t.push_str("tests/test_api.py::test_upload FAILED [100%]\n");
        t.push_str("E       ConnectionRefusedError: [Errno 111] Connection refused\n");
        t.push_str("=========================== short test summary info ============================\n");
        t.push_str("FAILED tests/test_api.py::test_upload - ConnectionRefusedError: [Errno 111] Connection refused\n");
        for kind in [Kind::Log, Kind::Shell, Kind::Text] {
            let out = assert_guarded(&t, kind);
            assert!(out.contains("ConnectionRefusedError: [Errno 111] Connection refused"), "{out}");
        }
    }

    #[test]
    fn strace_and_syslog_errors_survive_the_generic_folder() {
        let mut t = String::new();
        for i in 0..100 {
            t.push_str(&format!("openat(AT_FDCWD, \"/usr/lib/x86_64-linux-gnu/lib{i}.so\", O_RDONLY|O_CLOEXEC) = 3\n"));
            if i == 60 {
                t.push_str("openat(AT_FDCWD, \"/etc/missing.conf\", O_RDONLY) = -1 ENOENT (No such file or directory)\n");
            }
        }
        let out = assert_guarded(&t, Kind::Code);
        assert!(out.contains("= -1 ENOENT"), "{out}");
    }

    #[test]
    fn repeats_of_one_error_need_one_example_and_markers_stay_truthful() {
        let mut t = String::new();
        for i in 0..400 {
            t.push_str(&format!("step {i} of the migration went through without trouble at all\n"));
            if i % 50 == 7 {
                t.push_str(&format!("worker-{i}: could not reach the database, retrying\n"));
            }
        }
        // a compressor that folds everything but the first line
        let lines = split(&t);
        let mut plan = Plan::default();
        plan.keep(1, Priority::Ordinary);
        plan.fold(2, lines.lines.len(), "everything else");
        let out = render(&plan, &lines, &opts()).text;
        assert_eq!(out.matches("could not reach the database").count(), 1, "{out}");
        assert_ranges_truthful(&t, &out);
        assert!(out.contains("[hr 7 lines · hr expand abcdef012345 --lines 2-8]"), "{out}");
    }

    #[test]
    fn a_part_too_short_to_pay_for_its_marker_stays_as_its_lines() {
        let t = String::from("step 1 went through\nworker-7: could not reach the database, retrying\n")
            + &"step n went through without any trouble at all, as the others did before it\n".repeat(22);
        let lines = split(&t);
        let mut plan = Plan::default();
        plan.fold(1, lines.lines.len(), "everything");
        let out = render(&plan, &lines, &opts()).text;
        // the guard keeps the error; the one line before it stays a line (a marker would cost
        // as much), and the long rest after it folds
        assert!(out.starts_with("step 1 went through\nworker-7: could not reach the database, retrying\n[hr 22 lines · hr expand abcdef012345 --lines 3-24]\n"), "{out}");
        assert_ranges_truthful(&t, &out);
    }

    #[test]
    fn a_frame_s_place_comes_back_with_its_line_of_code() {
        // Python's place above its code, behind an exception group's rails too, and pytest's
        for frame in [
            "  File \"/srv/venv/lib/python3.11/site-packages/django/db/backends/utils.py\", line 105, in _execute\n",
            "    |   File \"/srv/app/test_eg.py\", line 12, in gather\n",
            "q/test_chain.py:107: in step35\n",
        ] {
            let filler = "step n went through without any trouble at all, as the others did before it\n".repeat(22);
            let t = filler.clone() + frame + "    return self.cursor.execute(sql, params)\n" + &filler;
            let lines = split(&t);
            let mut plan = Plan::default();
            plan.fold(1, lines.lines.len(), "everything");
            let plan = keep_in_place(&plan, vec![24], &lines, Priority::Critical);
            let out = render(&plan, &lines, &opts()).text;
            assert!(out.contains(&format!("--lines 1-22]\n{frame}    return self.cursor.execute(sql, params)\n[hr 22 L25-46]")), "{out}");
            assert_ranges_truthful(&t, &out);
        }
        assert!(!logline::places_code_below("File \"config.yaml\" not found"));
    }

    #[test]
    fn a_short_line_a_split_leaves_alone_is_read_with_the_lines_put_back() {
        // a test failure's lines put back around its `[left]:`: the line stays, where a long
        // line alone between them still folds
        let left = "E           [left]:  [nan, 1.577840461000001e+18]\n";
        let long = format!("E           [left]:  [{}]\n", "1.5778404610000, ".repeat(40));
        for (between, folds) in [(left.to_string(), false), (long, true)] {
            let t = format!("{}E           numpy array values are different (100.0 %)\n{between}E           [right]: [<NA>, 2020-01-01 01:01:01.000001]\n{}", "x\n".repeat(30), "y\n".repeat(30));
            let lines = split(&t);
            let mut plan = Plan::default();
            plan.fold(1, lines.lines.len(), "everything");
            let plan = keep_in_place(&plan, vec![31, 33], &lines, Priority::Critical);
            let out = render(&plan, &lines, &opts()).text;
            assert_eq!(out.contains(between.trim_end()), !folds, "{out}");
            assert_eq!(out.contains("[hr 1 L32]"), folds, "{out}");
            assert_ranges_truthful(&t, &out);
        }
    }

    #[test]
    fn templates_group_what_varies() {
        let mut t = Templates::default();
        let mut toks = Vec::new();
        let mut add = |line: &str, n: usize| {
            tokens(line, &mut toks, &mut Probes::default());
            t.add(&toks, n, false);
        };
        add(r#"{"level":"error","ts":1.5,"msg":"db timeout after 30s"}"#, 1);
        add(r#"{"level":"error","ts":2.5,"msg":"db timeout after 31s"}"#, 2);
        add(r#"{"level":"error","ts":2.5,"msg":"disk full"}"#, 3);
        add("sshd[1]: Failed password for invalid user cisco from 1.2.3.4 port 5 ssh2", 4);
        add("sshd[2]: Failed password for invalid user admin from 1.2.3.5 port 6 ssh2", 5);
        add("sshd[3]: Connection closed by 1.2.3.4 port 5 [preauth] after an error", 6);
        assert_eq!(t.first, vec![1, 3, 4, 6]);
    }
}
