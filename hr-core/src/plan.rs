//! Plans: what a line-based compressor decided, before it is written out.
//!
//! A compressor walks the input once and says, for every original line, whether it is kept
//! (with a priority) or folded into a marker. `render` then writes kept lines verbatim and one
//! marker per run of folded lines. With a budget it spends the room by priority: the lowest
//! pieces are folded first, later ones before earlier ones, so that what is kept stays in order.

use crate::hash::FxHashMap;
use crate::lines::Lines;
use crate::logline::Problem;
use crate::marker::{count, marker_chars, marker_text, Compressed, Writer};
use crate::Options;

/// How much a kept line matters when a budget forces a choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    Ordinary = 0,
    /// an error like one already kept: under a budget its repeats go before any first example
    Repeated = 1,
    /// a kept example of something that repeats
    Summary = 2,
    /// warnings and rare events
    Notable = 3,
    /// errors, failures and the lines that explain them
    Critical = 4,
    /// what the rest hangs on: a diff's `diff --git` lines, a log's `commit <hash>` lines
    Heading = 5,
    /// a run's final verdict (`3 failed, 40 passed in 0.5s`): the last line a budget cuts
    Verdict = 6,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Original lines `start..=end` (1-based), written verbatim.
    Keep {
        start: usize,
        end: usize,
        priority: Priority,
    },
    /// Original lines `start..=end`, replaced by one marker saying `what`.
    Fold {
        start: usize,
        end: usize,
        what: String,
    },
    /// Original lines `start..=end`, said again in fewer words: a marker saying `what`, then the
    /// lines of `body` (a listing's names grouped, the columns they share said once). What they
    /// restate is content, so it is written as lines, not inside the marker. Under a budget it
    /// stays or goes whole, with the priority of what it restates.
    Restate {
        start: usize,
        end: usize,
        what: String,
        body: Vec<String>,
        priority: Priority,
    },
}

#[derive(Debug, Default)]
pub struct Plan {
    pub pieces: Vec<Piece>,
    /// Whether a kept line too long to read keeps only its head (see `LONG_LINE`): a log's or
    /// grep's lines may be payloads and minified files, a failure's assertion may not.
    pub cut_long_lines: bool,
    /// Whether a kept line that a progress meter drew over itself, or that NULs pad, keeps its
    /// head and its end (see `frames_cut`): what is cut says nothing. Where lines are machine
    /// output (a log, grep's, what the generic folder reads), not in a document or in code; and
    /// only in input that holds a `\n`, as rendering checks (`cuts_frames`): a file whose lines
    /// end in `\r` alone reads as one line of frames.
    pub cut_frames: bool,
    /// Whether the guard also keeps an example of each line that names a failure in words
    /// wherever they stand, though it states no level (`logline::Problem::Named`): a log's
    /// reader searches for them; in prose, a man page or a diff they are no failure.
    pub error_words_anywhere: bool,
    /// The lines folds point at (`12 frames as in L4-15`, `5 lines as in test_x`): a budget
    /// that cuts them cuts the fold too, so that no marker points to lines it does not show.
    pub pointers: Vec<Pointer>,
}

/// A fold (by its first and last line, 1-based) that points at lines `at` shown above.
#[derive(Debug, Clone, PartialEq)]
pub struct Pointer {
    pub fold: (usize, usize),
    pub at: (usize, usize),
}

impl Plan {
    /// Keep line `n`. Lines kept one by one can be folded one by one under a budget.
    pub fn keep(&mut self, n: usize, priority: Priority) {
        self.keep_range(n, n, priority);
    }

    /// Keep lines `start..=end` as a block: under a budget they stay or go together (a traceback,
    /// a failure report).
    pub fn keep_range(&mut self, start: usize, end: usize, priority: Priority) {
        self.pieces.push(Piece::Keep {
            start,
            end,
            priority,
        });
    }

    pub fn fold(&mut self, start: usize, end: usize, what: impl Into<String>) {
        self.pieces.push(Piece::Fold {
            start,
            end,
            what: what.into(),
        });
    }

    /// Fold lines `start..=end` into a marker saying `what`, which points at the lines `at`.
    pub fn fold_pointing(
        &mut self,
        start: usize,
        end: usize,
        what: impl Into<String>,
        at: impl IntoIterator<Item = (usize, usize)>,
    ) {
        self.fold(start, end, what);
        self.pointers
            .extend(at.into_iter().map(|at| Pointer { fold: (start, end), at }));
    }

    pub fn restate(
        &mut self,
        start: usize,
        end: usize,
        what: impl Into<String>,
        body: Vec<String>,
        priority: Priority,
    ) {
        self.pieces.push(Piece::Restate {
            start,
            end,
            what: what.into(),
            body,
            priority,
        });
    }
}

/// Rough size of a marker line, for budget arithmetic.
const MARKER_CHARS: usize = 48;

/// Write `plan` over `lines`, behind the signal guard (`guard.rs`). Lines that no piece covers
/// are never dropped silently: the plan must cover every line once, in order (checked in debug
/// builds).
pub fn render(plan: &Plan, lines: &Lines, opts: &Options) -> Compressed {
    render_classified(plan, lines, opts, None)
}

/// `render`, with the guard's reading of each line (`logline::problem`) done already.
pub fn render_classified(plan: &Plan, lines: &Lines, opts: &Options, problems: Option<&[Problem]>) -> Compressed {
    debug_assert!(covers_all(plan, lines.lines.len()));
    let unfolded;
    let plan = if opts.min_fold_run > 1 {
        unfolded = keep_short_folds(plan, opts.min_fold_run);
        &unfolded
    } else {
        plan
    };
    // whatever the compressor decided, every distinct error keeps an example
    let guarded = crate::guard::patch(plan, lines, problems);
    let plan = guarded.as_ref().unwrap_or(plan);
    let crlf = lines.lines.first().is_some_and(|l| l.ends_with('\r'));
    let dropped = match opts.budget_chars {
        Some(budget) => {
            let mut dropped = choose_drops(plan, lines, budget);
            cut_pointing_folds(plan, &mut dropped);
            dropped
        }
        None => vec![false; plan.pieces.len()],
    };
    let mut w = Writer::new(&opts.hash, lines.lines.len() * 16, crlf);
    let mut i = 0;
    while i < plan.pieces.len() {
        match &plan.pieces[i] {
            Piece::Keep {
                start,
                end,
                priority,
            } if !dropped[i] => {
                for n in *start..=*end {
                    let line = lines.lines[n - 1];
                    write_kept(&mut w, n, line, kept_cut(plan, lines, *priority, line));
                }
                i += 1;
            }
            Piece::Restate {
                start,
                end,
                what,
                body,
                ..
            } if !dropped[i] => {
                w.fold(*start, *end, what);
                for l in body {
                    // a restated line ends like the input's lines do
                    w.line(&if crlf { format!("{l}\r") } else { l.clone() });
                }
                i += 1;
            }
            _ => {
                // a run of folded or dropped pieces becomes one marker
                let mut j = i;
                let mut critical = 0;
                // a piece the budget dropped merges with the folds around it, and so does every
                // fold after it up to the next kept piece (a fold may point to the lines cut,
                // `12 frames as in L25-36`); two folds that simply follow each other keep their
                // own markers
                let mut cut = false;
                let mut merges = |j: usize| {
                    cut |= dropped[j - 1];
                    dropped[j] || (matches!(plan.pieces[j], Piece::Fold { .. }) && cut)
                };
                while j < plan.pieces.len() && (j == i || merges(j)) {
                    if let Piece::Keep {
                        start,
                        end,
                        priority,
                    } = plan.pieces[j]
                    {
                        if matches!(
                            priority,
                            Priority::Critical | Priority::Verdict | Priority::Repeated
                        ) {
                            critical += end - start + 1;
                        }
                    }
                    j += 1;
                }
                let start = piece_range(&plan.pieces[i]).0;
                let end = piece_range(&plan.pieces[j - 1]).1;
                if j == i + 1 && !dropped[i] && !worth_a_marker(&plan.pieces[i], lines) {
                    for n in start..=end {
                        w.line(lines.lines[n - 1]);
                    }
                    i = j;
                    continue;
                }
                let what = match &plan.pieces[i] {
                    // a fold the budget cut points at lines it cut (`cut_pointing_folds`)
                    Piece::Fold { what, .. } if j == i + 1 && !dropped[i] => what.clone(),
                    _ => describe(end - start + 1, critical),
                };
                w.fold(start, end, &what);
                i = j;
            }
        }
    }
    w.finish(lines.trailing_newline)
}

/// Folds that point at lines a budget cut (`12 frames as in L4-15`) are cut with them, wherever
/// above the lines were: a marker never points at lines the output does not show. A fold cut so
/// is lines cut too, for the folds below that point at them (a failure's excerpt that pointed at
/// a failure the budget cut, and a later failure that points at that excerpt's failure).
fn cut_pointing_folds(plan: &Plan, dropped: &mut [bool]) {
    if plan.pointers.is_empty() || !dropped.contains(&true) {
        return;
    }
    // the ranges the budget cut, in order, and the folds cut with them, in order as found
    let cut: Vec<(usize, usize)> = plan
        .pieces
        .iter()
        .zip(dropped.iter())
        .filter(|(_, &d)| d)
        .map(|(p, _)| piece_range(p))
        .collect();
    let mut cut_folds: Vec<(usize, usize)> = Vec::new();
    let overlaps = |cut: &[(usize, usize)], (a, b): (usize, usize)| {
        let k = cut.partition_point(|&(_, e)| e < a);
        k < cut.len() && cut[k].0 <= b
    };
    let mut points_at: FxHashMap<(usize, usize), Vec<(usize, usize)>> = FxHashMap::default();
    for p in &plan.pointers {
        points_at.entry(p.fold).or_default().push(p.at);
    }
    // folds point at lines above them: in order, every fold cut above is known when a fold is
    // looked at
    for (p, d) in plan.pieces.iter().zip(dropped.iter_mut()) {
        let Piece::Fold { start, end, .. } = p else { continue };
        if *d {
            continue;
        }
        let at = points_at.get(&(*start, *end)).map_or(&[][..], Vec::as_slice);
        if at.iter().any(|&r| overlaps(&cut, r) || overlaps(&cut_folds, r)) {
            *d = true;
            cut_folds.push((*start, *end));
        }
    }
}

/// A kept line longer than this (in bytes) is not read whole: a prompt or a payload dumped into
/// a log, a minified file in grep's output. Its first `LONG_LINE_HEAD` bytes stay, and a marker
/// on the same line says how many more characters there are.
const LONG_LINE: usize = 3000;
const LONG_LINE_HEAD: usize = 800;
/// The head ends at a word's end among its last this many bytes, where one does.
const HEAD_WORD_CUT: usize = 64;

/// What of a long `line` a reader reads: its head, or the whole line when it is not long.
/// Whether a line reads as an error is judged on this (a word deep in a payload does not make
/// the line an error).
pub fn readable_head(line: &str) -> &str {
    if line.len() <= LONG_LINE {
        return line;
    }
    let end = crate::lines::word_cut(line, crate::lines::prefix_str(line, LONG_LINE_HEAD).len(), HEAD_WORD_CUT);
    // a cut inside an escape sequence would hide the marker in it: walk the head's sequences
    let b = line.as_bytes();
    let mut at = 0;
    while let Some(esc) = memchr::memchr(0x1b, &b[at..end]).map(|k| at + k) {
        let next = crate::escapes::sequence_end(b, esc);
        if next > end {
            return &line[..esc];
        }
        at = next;
    }
    &line[..end]
}

/// An error's line longer than this (in bytes) is not read whole either: a server's state
/// dumped into a crash report (Erlang's `** When Server state == {state,…}`, 32 KB of terms).
/// Its head stays, as a long line's does, and so do its last `LONG_ERROR_TAIL` bytes, where a
/// message dumped whole may end with what went wrong.
const LONG_ERROR_LINE: usize = 16 * 1024;
const LONG_ERROR_TAIL: usize = 200;

/// The head and the tail of a kept `line` to write in its place, around a marker for what is
/// between (the tail is empty but for a progress line and an error's): a progress line's or a
/// padded line's where the plan cuts frames (see `frames_cut`); a long line's where it cuts long
/// lines and this one may be cut: errors, failures, headings and verdicts, and a line whose
/// head reads as an error, stay whole unless far too long to read (`LONG_ERROR_LINE`).
fn kept_cut<'l>(plan: &Plan, lines: &Lines, priority: Priority, line: &'l str) -> Option<(&'l str, &'l str)> {
    let frames = plan.cut_frames && cuts_frames(lines.lines.len(), lines.trailing_newline);
    if let Some(cut) = frames.then(|| frames_cut(priority, line)).flatten() {
        return Some(cut);
    }
    if !plan.cut_long_lines || line.len() <= LONG_LINE {
        return None;
    }
    let critical = priority >= Priority::Critical;
    let head = readable_head(line);
    // a level field deep in a long record says what the record is (`{"msg": "…", "level":
    // "error"}`), unless the line states its own level first: an `INFO` line that quotes a
    // command's output (`… stderr: ['time=… level="fatal" …']`) is no error for it
    if crate::logline::declared(head).is_none() && crate::logline::level_field_says_error(line) {
        return None;
    }
    let plain = crate::escapes::strip(head);
    if !critical && !crate::logline::is_errorish(plain.as_deref().unwrap_or(head)) {
        return Some((head, ""));
    }
    (line.len() > LONG_ERROR_LINE).then(|| (head, error_tail(line)))
}

/// The head and the tail of a kept `line` at `priority` that a progress meter drew over itself
/// or NULs pad (see `progress_cut`, `padding_cut`). A progress line's frames are cut only where
/// the line may be; a line padded with NULs whatever its priority: a syslog a power cut left
/// with 2,000 NULs before its next line, an error, says nothing in them.
pub(crate) fn frames_cut(priority: Priority, line: &str) -> Option<(&str, &str)> {
    let critical = priority >= Priority::Critical;
    (!critical).then(|| progress_cut(line)).flatten().or_else(|| padding_cut(line))
}

/// Whether a text of `lines` lines may hold progress lines whose frames are cut
/// (`Plan::cut_frames`): it holds a line's end, `\n`, after its first line or closing it (a bar
/// that is a download's whole output ends so). A file whose lines end in `\r` alone (an old
/// Mac's) holds none: one line to us, every row a "frame", all but its first rows and its last
/// would be cut out of sight.
pub(crate) fn cuts_frames(lines: usize, trailing_newline: bool) -> bool {
    lines > 1 || trailing_newline
}

/// Writes kept line `n`, or its head and tail around a marker for what `cut` takes out.
pub(crate) fn write_kept(w: &mut Writer, n: usize, line: &str, cut: Option<(&str, &str)>) {
    match cut {
        Some((head, tail)) => w.cut_line(n, head, cut_chars(line, head, tail), tail),
        None => w.line(line),
    }
}

/// The end of a long error's `line` that stays after its cut: its last `LONG_ERROR_TAIL` bytes
/// (without a CRLF's `\r`, which the line's end writes again), from a word's start where one
/// starts among their first few, and past an escape sequence the cut falls in.
fn error_tail(line: &str) -> &str {
    let body = line.strip_suffix('\r').unwrap_or(line);
    let tail = crate::lines::suffix_str(body, LONG_ERROR_TAIL);
    let b = tail.as_bytes();
    let tail = match b[..b.len().min(HEAD_WORD_CUT)].iter().position(|&c| c == b' ' || c == b'\t') {
        Some(at) => tail[at..].trim_start(),
        None => tail,
    };
    let start = body.len() - tail.len();
    let bytes = body.as_bytes();
    match memchr::memrchr(0x1b, &bytes[..start]).map(|esc| crate::escapes::sequence_end(bytes, esc)) {
        Some(end) if end > start => body.get(end..).unwrap_or(tail),
        _ => tail,
    }
}

/// NUL bytes in a row that pad a line (see `padding_cut`): a power cut leaves a syslog a run of
/// a few hundred to a few thousand before its next line.
pub(crate) const PADDING_RUN: usize = 256;

/// The head and the tail of a line around the NUL bytes that pad it (`PADDING_RUN` or more in
/// a row, within its first `LONG_LINE` bytes), when what follows them is no longer than a long
/// line: a log truncated in place opens with the NULs that stand for what it held before
/// (logrotate's `copytruncate`), and its first line follows them. The NULs say nothing, but
/// the line's first `KEPT_HEAD` characters stay, NULs or not, as any cut line's do; the NULs past
/// them are cut where they pay for the marker (`CUT_PAYS`).
fn padding_cut(line: &str) -> Option<(&str, &str)> {
    // (a CRLF line's `\r` is no part of its tail: the writer ends the line as the input did)
    let body = line.strip_suffix('\r').unwrap_or(line);
    let b = body.as_bytes();
    let start = memchr::memchr(0, &b[..b.len().min(LONG_LINE)])?;
    let end = start + b[start..].iter().position(|&c| c != 0).unwrap_or(b.len() - start);
    // (NULs are bytes of their own: the head may end among them)
    let head = start.max(end.min(head_end(body, 0)));
    (end - start >= PADDING_RUN && end - head >= CUT_PAYS && b.len() - end <= LONG_LINE).then(|| (&body[..head], &body[end..]))
}

/// Carriage returns inside a line that make it a progress meter's frames, each drawn over the
/// one before (git's `Receiving objects: 12% (…)\r…`, apt's `(Reading database ... 5%\r…`).
const PROGRESS_FRAMES: usize = 4;
/// Bytes a cut between a line's head and its tail takes out at least, to pay for its marker
/// and the signs around it: 71 at most for a cut this short (` … [hr 999 more chars · hr
/// expand 0123456789ab --lines 1234567] … `, the first marker's restore command included).
const CUT_PAYS: usize = 96;
/// Characters at the head of a cut line that stay at least (a progress line's, a padded
/// line's): a line is searched for by its head.
const KEPT_HEAD: usize = 200;

/// Where the first `KEPT_HEAD` characters of `line` from byte `from` end: a search takes a
/// line's head by characters (Keras's bar, `━` three bytes each, fills 200 bytes with 70).
fn head_end(line: &str, from: usize) -> usize {
    line[from..].char_indices().nth(KEPT_HEAD).map_or(line.len(), |(at, _)| from + at)
}

/// The head and the tail of a line a progress meter drew over itself: its head up to the first
/// frame that ends `KEPT_HEAD` characters past its first word, and its last frame, the one a terminal shows, where the
/// meter says how it ended (`100% (40/40), done.`, Maven's `Downloaded from central: <url>
/// (42 kB at 203 kB/s)`), when that is no longer than a long line's head. The frames between
/// say the same thing at other counts. A line whose later frames name a failure, in any words,
/// stays whole.
fn progress_cut(line: &str) -> Option<(&str, &str)> {
    let b = line.as_bytes();
    // (counted from its first word: the blanks a meter draws its first frame over, nvm's `\r`
    // and 75 spaces before `0.0%`, say nothing)
    let from = line.len() - line.trim_start().len();
    // (bytes are as many as characters at least: a line of fewer bytes has too few characters)
    if b.len() < from + 2 * KEPT_HEAD || memchr::memchr_iter(b'\r', b).take(PROGRESS_FRAMES).count() < PROGRESS_FRAMES {
        return None;
    }
    let head = head_end(line, from);
    let cut = head + memchr::memchr(b'\r', &b[head..])?;
    let rest = &line[cut..];
    let plain = crate::escapes::strip(rest);
    let plain = plain.as_deref().unwrap_or(rest);
    // (a frame that reports a failure as a line would, `ZeroDivisionError: …`, keeps it whole too)
    if rest.len() < KEPT_HEAD || crate::logline::error_words(plain) || plain.split('\r').any(crate::logline::is_errorish) {
        return None;
    }
    let body = line.strip_suffix('\r').unwrap_or(line);
    let last = body.rfind('\r').map_or(body.len(), |at| at + 1);
    let tail = &body[last..];
    let shown = last > cut && tail.len() <= LONG_LINE_HEAD && !tail.trim().is_empty();
    // (frames between the head and the last shown too few to pay for the marker stay)
    if shown && last - cut < CUT_PAYS {
        return None;
    }
    Some((&line[..cut], if shown { tail } else { "" }))
}

/// The characters a kept line takes in the output: its head and marker when it is cut.
fn kept_chars(plan: &Plan, lines: &Lines, priority: Priority, n: usize) -> usize {
    let line = lines.lines[n - 1];
    match kept_cut(plan, lines, priority, line) {
        Some((head, tail)) => {
            let what = crate::marker::cut_what(cut_chars(line, head, tail));
            let around = if tail.is_empty() { 0 } else { crate::marker::CUT_SIGN.len() + tail.len() };
            head.len() + crate::marker::CUT_SIGN.len() + marker_chars(&what, n, n) + around
        }
        None => line.len() + 1,
    }
}

/// The characters of `line` cut between `head` and `tail` (a CRLF's `\r` is no character of
/// the line).
fn cut_chars(line: &str, head: &str, tail: &str) -> usize {
    let body = line.strip_suffix('\r').unwrap_or(line);
    body[head.len()..body.len() - tail.len()].chars().count()
}

/// `plan` with every fold of fewer than `min` lines kept verbatim instead: the learnt policy
/// for output the agent kept fetching (a budget may still cut them, as ordinary lines).
fn keep_short_folds(plan: &Plan, min: usize) -> Plan {
    Plan {
        pieces: plan.pieces.iter().map(|p| policed(p.clone(), min)).collect(),
        pointers: plan.pointers.clone(),
        ..*plan
    }
}

/// `p`, or the lines it folds kept verbatim when it is a fold of fewer than `min` lines.
pub(crate) fn policed(p: Piece, min: usize) -> Piece {
    match p {
        Piece::Fold { start, end, .. } if end - start + 1 < min => Piece::Keep {
            start,
            end,
            priority: Priority::Ordinary,
        },
        p => p,
    }
}

/// A fold pays for itself only when its lines are clearly more tokens than its marker (what
/// the reader pays for): this many times. Below it the lines say more for little more room, and
/// every marker is one more interruption to read (markers are kept under 5% of what is read).
const FOLD_PAYS: usize = 3;

/// `plan` with every fold whose lines are not `FOLD_PAYS` times its marker's tokens
/// written as its lines.
pub fn keep_cheap_folds(plan: Plan, lines: &[&str]) -> Plan {
    let mut out = Plan {
        cut_long_lines: plan.cut_long_lines,
        cut_frames: plan.cut_frames,
        error_words_anywhere: plan.error_words_anywhere,
        pointers: plan.pointers,
        ..Plan::default()
    };
    for p in plan.pieces {
        match p {
            Piece::Fold {
                start,
                end,
                ref what,
            } if !pays_in_tokens(lines[start - 1..end].iter().copied(), start, end, what) => {
                out.keep_range(start, end, Priority::Ordinary)
            }
            p => out.pieces.push(p),
        }
    }
    out
}

/// Whether the `folded` lines `start..=end` are `FOLD_PAYS` times the tokens of the marker
/// saying `what`. Both are weighed as lines, each with its newline: a marker stands on a line
/// of its own. The lines are weighed only until they pay (a fold the guard splits can hold
/// most of a log: weighing all of it took a syslog with traces a fifth of its time).
pub(crate) fn pays_in_tokens<'l>(
    folded: impl IntoIterator<Item = &'l str>,
    start: usize,
    end: usize,
    what: &str,
) -> bool {
    let line = |l: &str| crate::tokens::estimate(l) + 1;
    let needed = FOLD_PAYS * line(&marker_text(what, start, end, None));
    let mut weighed = 0;
    folded.into_iter().any(|l| {
        weighed += line(l);
        weighed >= needed
    })
}

/// A fold whose lines are no longer than its marker would be is written as the lines: they
/// say more for the same room.
fn worth_a_marker(p: &Piece, lines: &Lines) -> bool {
    match p {
        Piece::Fold { start, end, what } => {
            marker_pays(lines.lines[start - 1..*end].iter().map(|l| l.len() + 1).sum(), what, *start, *end)
        }
        Piece::Keep { .. } | Piece::Restate { .. } => true,
    }
}

/// Whether a marker saying `what` for lines `start..=end` is shorter than the `folded`
/// characters (newlines counted) it replaces; if not, `render` writes the lines themselves.
pub fn marker_pays(folded: usize, what: &str, start: usize, end: usize) -> bool {
    folded > marker_chars(what, start, end)
}

/// What a budget's marker says of the `n` lines it cut, `critical` of them errors or failures.
pub(crate) fn describe(n: usize, critical: usize) -> String {
    let lines = if n == 1 {
        "1 line".to_string()
    } else {
        format!("{} lines", count(n))
    };
    if critical > 0 {
        format!(
            "{lines} cut to fit the budget, {} of them from errors or failures",
            count(critical)
        )
    } else {
        format!("{lines} cut to fit the budget")
    }
}

pub(crate) fn piece_range(p: &Piece) -> (usize, usize) {
    match p {
        Piece::Keep { start, end, .. }
        | Piece::Fold { start, end, .. }
        | Piece::Restate { start, end, .. } => (*start, *end),
    }
}

fn piece_chars(plan: &Plan, p: &Piece, lines: &Lines) -> usize {
    match p {
        Piece::Keep {
            start,
            end,
            priority,
        } => (*start..=*end)
            .map(|n| kept_chars(plan, lines, *priority, n))
            .sum(),
        Piece::Fold { start, end, what } => marker_chars(what, *start, *end),
        Piece::Restate { start, end, what, body, .. } => {
            marker_chars(what, *start, *end) + body.iter().map(|l| l.len() + 1).sum::<usize>()
        }
    }
}

/// The priority a budget weighs a piece by; folds are already as small as they get.
fn priority(p: &Piece) -> Option<Priority> {
    match p {
        Piece::Keep { priority, .. } | Piece::Restate { priority, .. } => Some(*priority),
        Piece::Fold { .. } => None,
    }
}

/// Which kept or restated pieces to fold so the output fits `budget`: lowest priority first,
/// and within a priority the later pieces first.
fn choose_drops(plan: &Plan, lines: &Lines, budget: usize) -> Vec<bool> {
    let sizes: Vec<usize> = plan.pieces.iter().map(|p| piece_chars(plan, p, lines)).collect();
    let mut total: usize = sizes.iter().sum();
    let mut dropped = vec![false; plan.pieces.len()];
    let mut order: Vec<(Priority, std::cmp::Reverse<usize>)> = (0..plan.pieces.len())
        .filter_map(|i| Some((priority(&plan.pieces[i])?, std::cmp::Reverse(i))))
        .collect();
    order.sort();
    let order: Vec<usize> = order.into_iter().map(|(_, i)| i.0).collect();
    let level = |i: usize| priority(&plan.pieces[i]);
    // Level by level, lowest first, so that a piece goes only when the lower ones could. At each
    // level: first every drop up to it that makes the output smaller (a lone short line would
    // cost a marker longer than itself; one whose neighbours went now pays), then the pieces of
    // the level that join a neighbour as low as they are (the run shrinks as it grows). Last,
    // if still too long: whatever it takes, lowest first.
    let mut levels: Vec<Option<Priority>> = order.iter().map(|&i| level(i)).collect();
    levels.dedup();
    let mut passes: Vec<(Option<Priority>, Pass)> = levels
        .into_iter()
        .flat_map(|l| [(l, Pass::Shrink), (l, Pass::Join)])
        .collect();
    passes.push((Some(Priority::Verdict), Pass::Any));
    for (top, pass) in passes {
        for &i in &order {
            if total <= budget {
                return dropped;
            }
            let at = level(i);
            if dropped[i] || at > top || (pass == Pass::Join && at < top) {
                continue;
            }
            // the piece joins the markers next to it: their sizes give way to one budget marker
            let cut = MARKER_CHARS + 16;
            let before = (i > 0 && dropped_or_fold(plan, &dropped, i - 1))
                .then(|| marker_size(&dropped, &sizes, i - 1, i.checked_sub(2), cut));
            let after = dropped_or_fold(plan, &dropped, i + 1)
                .then(|| marker_size(&dropped, &sizes, i + 1, Some(i + 2), cut));
            let freed = sizes[i] + before.unwrap_or(0) + after.unwrap_or(0);
            let joins = [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .any(|j| {
                    j < dropped.len() && !dropped[j] && level(j).is_some_and(|l| Some(l) <= top)
                });
            let go = match pass {
                Pass::Shrink => freed > cut,
                Pass::Join => freed > cut || joins,
                Pass::Any => true,
            };
            if go {
                dropped[i] = true;
                total = (total + cut).saturating_sub(freed);
            }
        }
    }
    dropped
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    Shrink,
    Join,
    Any,
}

/// The size of the marker that piece `j` (dropped or a fold) is part of, before piece `j`'s
/// other neighbour `beyond` is considered: a fold alone keeps its own description, anything
/// merged becomes a budget marker.
fn marker_size(
    dropped: &[bool],
    sizes: &[usize],
    j: usize,
    beyond: Option<usize>,
    cut: usize,
) -> usize {
    let alone = beyond.map_or(true, |k| k >= dropped.len() || !dropped[k]);
    if !dropped[j] && alone {
        sizes[j]
    } else {
        cut
    }
}

fn dropped_or_fold(plan: &Plan, dropped: &[bool], i: usize) -> bool {
    i < plan.pieces.len() && (dropped[i] || matches!(plan.pieces[i], Piece::Fold { .. }))
}

fn covers_all(plan: &Plan, n: usize) -> bool {
    let mut next = 1;
    for p in &plan.pieces {
        let (s, e) = piece_range(p);
        if s != next || e < s {
            return false;
        }
        next = e + 1;
    }
    next == n + 1
}

/// Per line: kept with a priority, or folded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    Keep(Priority),
    Fold,
}

/// Folded runs shorter than this (in characters) stay.
const MIN_FOLD_CHARS: usize = 60;

/// Turn slots into a plan: each run of folded lines (blank lines between folded ones join the
/// run) becomes one marker, described by `describe(start, end)` over 0-based `start..end`.
pub(crate) fn plan_from(
    lines: &[&str],
    slots: &[Slot],
    mut describe: impl FnMut(usize, usize) -> String,
) -> Plan {
    let mut plan = Plan::default();
    let n = slots.len();
    let mut i = 0;
    while i < n {
        if slots[i] == Slot::Fold {
            let mut j = i + 1;
            loop {
                if j < n && slots[j] == Slot::Fold {
                    j += 1;
                    continue;
                }
                // a blank line followed by more folded lines joins the run
                let mut k = j;
                while k < n && lines[k].trim().is_empty() {
                    k += 1;
                }
                if k > j && k < n && slots[k] == Slot::Fold {
                    j = k;
                    continue;
                }
                break;
            }
            let chars: usize = lines[i..j].iter().map(|l| l.len() + 1).sum();
            if chars < MIN_FOLD_CHARS {
                // a marker would cost more than the lines it replaces
                for k in i..j {
                    plan.keep(k + 1, Priority::Ordinary);
                }
            } else {
                plan.fold(i + 1, j, describe(i, j));
            }
            i = j;
        } else {
            let Slot::Keep(p) = slots[i] else {
                unreachable!()
            };
            plan.keep(i + 1, p);
            i += 1;
        }
    }
    plan
}

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        crate::marker::count(n),
        if n == 1 { one } else { many }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split;

    fn opts(budget: Option<usize>) -> Options {
        Options::for_test(budget)
    }

    #[test]
    fn a_long_line_is_read_to_its_last_whole_word() {
        // apt's history: packages and versions, a line of thousands of characters
        let line = format!("Install: {}", (0..400).map(|i| format!("libpkg{i}:amd64 (3.2.2-3.1ubuntu0.{i})")).collect::<Vec<_>>().join(", "));
        let head = readable_head(&line);
        assert!(head.len() <= LONG_LINE_HEAD && head.len() > LONG_LINE_HEAD - HEAD_WORD_CUT, "{}", head.len());
        // (it ends before a space, or at a field's separator: `libpkg21:` of `libpkg21:amd64`)
        assert!(line[head.len()..].starts_with(' ') || head.ends_with([',', ':']), "{}", &head[head.len() - 40..]);
        assert!(!head.ends_with("ubun") && !head.ends_with("3.2.2-"), "{}", &head[head.len() - 40..]);
        // a line of no spaces is read to the head's length
        let blob = "x".repeat(LONG_LINE + 1);
        assert_eq!(readable_head(&blob).len(), LONG_LINE_HEAD);
        // a key whose value runs past the cut stays, and says how it went
        let keys: String = (0..200).map(|i| format!("k{i} ")).collect();
        let field = format!("{}status=ERROR:{}", &keys[..LONG_LINE_HEAD - 20], "x".repeat(LONG_LINE));
        assert!(readable_head(&field).ends_with(" status=ERROR:"), "{}", &readable_head(&field)[700..]);
    }

    #[test]
    fn renders_keeps_and_folds_in_order() {
        let long = "a line long enough that a marker is shorter than two of it";
        let text = format!("a\n{long}\n{long}\nd\n");
        let lines = split(&text);
        let mut p = Plan::default();
        p.keep(1, Priority::Ordinary);
        p.fold(2, 3, "2 lines like a");
        p.keep(4, Priority::Ordinary);
        let c = render(&p, &lines, &opts(None));
        assert_eq!(
            c.text,
            "a\n[hr 2 lines like a · hr expand abcdef012345 --lines 2-3]\nd\n"
        );
        assert_eq!(c.spans, vec![crate::Span { start: 2, end: 3 }]);
    }

    #[test]
    fn a_fold_pays_when_its_lines_outweigh_its_marker_line_newlines_and_all() {
        // words of one token each: a line of `k` of them is `k + 1` tokens with its newline
        let line = |k: usize| vec!["word"; k].join(" ");
        let marker = crate::tokens::estimate(&marker_text("context", 2, 4, None));
        let weigh = |per_line: usize| {
            let lines = [line(1), line(per_line), line(per_line), line(per_line), line(1)];
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            let mut p = Plan::default();
            p.keep(1, Priority::Ordinary);
            p.fold(2, 4, "context");
            p.keep(5, Priority::Ordinary);
            keep_cheap_folds(p, &lines).pieces.iter().any(|p| matches!(p, Piece::Fold { .. }))
        };
        // lines of FOLD_PAYS times the marker's tokens, their newlines counted, fold only
        // when they also outweigh the marker's own newline
        assert!(!weigh(marker - 1), "{marker}");
        assert!(weigh(marker), "{marker}");
    }

    #[test]
    fn folds_shorter_than_the_minimum_run_stay_verbatim() {
        let long = "a line long enough that a marker is shorter than it is";
        let text = format!("a\n{}", format!("{long}\n").repeat(5));
        let lines = split(&text);
        let mut p = Plan::default();
        p.keep(1, Priority::Ordinary);
        p.fold(2, 3, "2 lines like a");
        p.fold(4, 6, "3 lines like a");
        let o = Options {
            min_fold_run: 3,
            ..opts(None)
        };
        let c = render(&p, &lines, &o);
        let kept =
            format!("a\n{long}\n{long}\n[hr 3 lines like a · hr expand abcdef012345 --lines 4-6]");
        assert!(c.text.starts_with(&kept), "{}", c.text);
        assert_eq!(c.spans.len(), 1);
        let all = render(
            &p,
            &lines,
            &Options {
                min_fold_run: 4,
                ..opts(None)
            },
        );
        assert_eq!(all.text, text);
    }

    #[test]
    fn adjacent_folds_keep_their_own_markers() {
        let long = "a line long enough that a marker is shorter than it is";
        let text = format!("a\n{long}\n{long}\n{long}\n");
        let lines = split(&text);
        let mut p = Plan::default();
        p.keep(1, Priority::Ordinary);
        p.fold(2, 2, "one thing");
        p.fold(3, 4, "another thing");
        let c = render(&p, &lines, &opts(None));
        assert!(
            c.text
                .contains("[hr one thing · hr expand abcdef012345 --lines 2]"),
            "{}",
            c.text
        );
        assert!(c.text.contains("[hr another thing L3-4]"), "{}", c.text);
    }

    #[test]
    fn a_restatement_is_its_marker_then_its_lines() {
        let lines = split("a\r\nb\r\nc\r\nd\r\n");
        let mut p = Plan::default();
        p.keep(1, Priority::Ordinary);
        p.restate(2, 4, "3 names", vec!["b c d".into()], Priority::Summary);
        let c = render(&p, &lines, &opts(None));
        assert_eq!(
            c.text,
            "a\r\n[hr 3 names · hr expand abcdef012345 --lines 2-4]\r\nb c d\r\n"
        );
        assert_eq!(c.spans, vec![crate::Span { start: 2, end: 4 }]);
    }

    #[test]
    fn a_budget_drops_a_restatement_before_the_headers_it_hangs_on() {
        let mut text = String::new();
        let mut p = Plan::default();
        for b in 0..2 {
            text.push_str(&format!("./dir{b}:\n"));
            let names: Vec<String> = (0..30).map(|i| format!("file_number_{i}.txt")).collect();
            for n in &names {
                text.push_str(&format!("-rw-r--r-- 1 u u 100 Jan  1 10:00 {n}\n"));
            }
            let h = 1 + b * 31;
            p.keep(h, Priority::Notable);
            p.restate(
                h + 1,
                h + 30,
                "30 entries",
                vec![names.join(" ")],
                Priority::Summary,
            );
        }
        let lines = split(&text);
        let c = render(&p, &lines, &opts(Some(700)));
        assert!(c.text.len() <= 770, "{}", c.text.len());
        assert!(
            c.text.starts_with("./dir0:\n[hr 30 entries · hr expand abcdef012345 --lines 2-31]\nfile_number_0.txt file_number_1.txt"),
            "{}",
            c.text
        );
        assert!(
            c.text
                .ends_with("\n./dir1:\n[hr 30 lines cut to fit the budget L33-62]\n"),
            "{}",
            c.text
        );
        // tighter: the names go, both headers stay
        let c = render(&p, &lines, &opts(Some(200)));
        assert_eq!(
            c.text,
            "./dir0:\n[hr 30 lines cut to fit the budget · hr expand abcdef012345 --lines 2-31]\n./dir1:\n[hr 30 lines cut to fit the budget L33-62]\n"
        );
    }

    #[test]
    fn a_fold_longer_than_its_lines_writes_the_lines() {
        let lines = split("a\nb\nc\nd\n");
        let mut p = Plan::default();
        p.keep(1, Priority::Ordinary);
        p.fold(2, 3, "2 lines like a");
        p.keep(4, Priority::Ordinary);
        let c = render(&p, &lines, &opts(None));
        assert_eq!(c.text, "a\nb\nc\nd\n");
        assert!(c.spans.is_empty());
    }

    #[test]
    fn budget_drops_ordinary_before_critical() {
        let mut text = String::new();
        for i in 0..100 {
            text.push_str(&format!(
                "ordinary line number {i} with some padding text\n"
            ));
        }
        text.push_str("ERROR the thing that matters\n");
        let lines = split(&text);
        let mut p = Plan::default();
        for n in 1..=100 {
            p.keep(n, Priority::Ordinary);
        }
        p.keep(101, Priority::Critical);
        let c = render(&p, &lines, &opts(Some(600)));
        assert!(c.text.contains("ERROR the thing that matters"));
        assert!(c.text.len() <= 700, "{}", c.text.len());
        // what is kept of the ordinary lines is the earliest part, in order
        assert!(c.text.starts_with("ordinary line number 0 "));
    }

    #[test]
    fn folds_that_point_into_lines_a_budget_cut_are_cut_with_them() {
        // a trace whose own frames are kept, then two turns of a recursion that point to them
        let frame = "\tat engine.Task.run(Task.java:151) padded to be a long enough frame line";
        let text = format!("{}ERROR the verdict\n", format!("{frame}\n").repeat(7));
        let lines = split(&text);
        let mut p = Plan::default();
        p.keep_range(1, 3, Priority::Critical);
        p.fold(4, 5, "2 frames as in L2-3 ·");
        p.fold(6, 7, "2 frames as in L2-3 ·");
        p.keep(8, Priority::Verdict);
        let c = render(&p, &lines, &opts(Some(120)));
        // lines 2-3 are gone: no marker may point to them
        assert!(!c.text.contains("as in"), "{}", c.text);
        assert!(c.text.starts_with("[hr 7 lines cut to fit the budget"), "{}", c.text);
        assert!(c.text.ends_with("\nERROR the verdict\n"), "{}", c.text);
    }

    #[test]
    fn a_fold_that_points_far_above_is_cut_when_the_budget_cuts_what_it_points_at() {
        // a trace's frames, a short error line the budget keeps, then a fold pointing at the
        // frames: the budget cuts them, so the fold may not point at them any more
        let frame = "\tat engine.Task.run(Task.java:151) padded to be a long enough frame line";
        let text = format!("{}E: x\n{}", format!("{frame}\n").repeat(6), format!("{frame}\n").repeat(6));
        let lines = split(&text);
        let mut p = Plan::default();
        p.keep_range(1, 6, Priority::Critical);
        p.keep(7, Priority::Critical);
        p.fold_pointing(8, 13, "6 frames as in L1-6 ·", [(1, 6)]);
        let c = render(&p, &lines, &opts(Some(200)));
        assert!(c.text.contains("\nE: x\n"), "{}", c.text);
        assert!(!c.text.contains("as in"), "{}", c.text);
        assert!(c.text.ends_with("[hr 6 lines cut to fit the budget L8-13]\n"), "{}", c.text);
        // without a budget, or with one that keeps the frames, the pointer stays
        for budget in [None, Some(2000)] {
            let c = render(&p, &lines, &opts(budget));
            assert!(c.text.starts_with(&format!("{frame}\n")), "{}", c.text);
            assert!(c.text.ends_with("\nE: x\n[hr 6 frames as in L1-6 · hr expand abcdef012345 --lines 8-13]\n"), "{}", c.text);
        }
    }

    #[test]
    fn a_fold_that_points_at_lines_holding_a_fold_the_budget_cut_is_cut_too() {
        // a failure's excerpt points at a failure the budget cuts, so it is cut; a later
        // failure points at the excerpt's failure, whose lines it matches are now cut too
        let frame = "\tat engine.Task.run(Task.java:151) padded to be a long enough frame line";
        let frames = format!("{frame}\n").repeat(6);
        let text = format!("{frames}E: x\n{frames}E: y\n{frames}E: z\n");
        let lines = split(&text);
        let mut p = Plan::default();
        p.keep_range(1, 6, Priority::Ordinary);
        p.keep(7, Priority::Critical);
        p.fold_pointing(8, 13, "6 frames as in L1-6 ·", [(1, 6)]);
        p.keep(14, Priority::Critical);
        p.fold_pointing(15, 20, "6 frames as in L7-14 ·", [(7, 14)]);
        p.keep(21, Priority::Critical);
        let c = render(&p, &lines, &opts(Some(300)));
        assert!(c.text.contains("\nE: x\n") && c.text.contains("\nE: y\n"), "{}", c.text);
        assert!(!c.text.contains(frame), "{}", c.text);
        assert!(!c.text.contains("as in"), "{}", c.text);
        let c = render(&p, &lines, &opts(None));
        assert!(c.text.contains("[hr 6 frames as in L7-14 · L15-20]"), "{}", c.text);
    }

    #[test]
    fn critical_lines_cut_are_counted() {
        let text = "E1 error one, padded to forty characters\nE2 error two, padded to forty characters\nE3 error three, padded to forty chars..\n";
        let lines = split(text);
        let mut p = Plan::default();
        for n in 1..=3 {
            p.pieces.push(Piece::Keep {
                start: n,
                end: n,
                priority: Priority::Critical,
            });
        }
        let c = render(&p, &lines, &opts(Some(110)));
        assert!(
            c.text
                .starts_with("E1 error one, padded to forty characters\n[hr "),
            "{}",
            c.text
        );
        assert!(
            c.text
                .contains("2 lines cut to fit the budget, 2 of them from errors or failures"),
            "{}",
            c.text
        );
    }
}
