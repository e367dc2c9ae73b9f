//! The generic line folder: runs of identical or near-identical lines (same shape once numbers
//! and ids are masked) fold into one marker with a count. Used for every kind that has no
//! compressor of its own, and as the base the others fall back on.
//!
//! Without a budget, the output is written while the input is scanned, so memory stays bounded
//! by the output and the longest line, not by the number of lines (100 MB of two-byte lines).
//! With error lines, a first pass asks the signal guard which error templates would have no
//! example, in memory bounded by the distinct templates (100 MB of `error` lines).

use crate::guard::{self, Watch};
use crate::lines::{iter, offset, split, Lines};
use crate::logline;
use crate::marker::{count, Compressed, Writer};
use crate::mask::shape;
use crate::plan::{cuts_frames, describe, frames_cut, marker_pays, piece_range, policed, render, write_kept, Piece, Plan, Priority};
use crate::Options;

/// A run must be at least this long to fold; its first and last lines stay as examples.
const MIN_RUN: usize = 4;

pub fn compress(text: &str, opts: &Options) -> Compressed {
    // A budget or a learnt policy goes through the plan; the rest (most large inputs) streams,
    // and so does a learnt policy on input with more lines than a plan can hold
    if opts.budget_chars.is_some() || opts.min_fold_run > 1 {
        if crate::bound::plan_fits(text) {
            let lines = split(text);
            return render(&plan(&lines), &lines, opts);
        }
        // more lines than a plan can hold within the memory bound
        if let Some(budget) = opts.budget_chars.filter(|&b| b < text.len()) {
            return head_and_tail(text, budget, &opts.hash);
        }
    }
    stream(text, opts)
}

/// What `render` would do with `plan`, behind the same guard and learnt policy, written while
/// the input is scanned, without a `Vec` of the lines.
fn stream(text: &str, opts: &Options) -> Compressed {
    let missing = if iter(text).any(logline::is_errorish) {
        guarded(text, opts.min_fold_run)
    } else {
        Vec::new()
    };
    let mut missing = missing.into_iter().peekable();
    let crlf = iter(text).next().is_some_and(|l| l.ends_with('\r'));
    let frames = cuts_frames(iter(text).take(2).count(), text.ends_with('\n'));
    let mut w = Writer::new(&opts.hash, text.len().min(1 << 20), crlf);
    let mut parts = Vec::new();
    for run in runs(iter(text)) {
        let mut lines = run.lines(text);
        parts.clear();
        for piece in run.pieces().map(|p| policed(p, opts.min_fold_run)) {
            // the fold's lines, read only if the guard splits it
            let folded = run.lines(text).skip(piece_range(&piece).0 - run.start - 1);
            guard::split(&piece, &mut missing, &mut parts, folded, Priority::Critical);
        }
        for piece in &parts {
            match piece {
                Piece::Fold { start, end, what } => {
                    let n = end - start + 1;
                    let folded = lines.clone().take(n).map(|l| l.len() + 1).sum();
                    if marker_pays(folded, what, *start, *end) {
                        w.fold(*start, *end, what);
                        lines.nth(n - 1);
                    } else {
                        lines.by_ref().take(n).for_each(|l| w.line(l));
                    }
                }
                Piece::Keep { start, end, priority } => {
                    for (n, l) in (*start..=*end).zip(lines.by_ref()) {
                        write_kept(&mut w, n, l, frames.then(|| frames_cut(*priority, l)).flatten());
                    }
                }
                Piece::Restate { start, end, .. } => {
                    lines.by_ref().take(end - start + 1).for_each(|l| w.line(l));
                }
            }
        }
    }
    w.finish(text.ends_with('\n'))
}

/// What the first marker of a cut to a budget takes, with the restore command and the errors it
/// counts; each later marker, at most `[hr 999,999,999 lines cut to fit the budget, 999,999,999 of
/// them from errors or failures L999999999-999999999]`, takes less.
const BUDGET_MARKER_CHARS: usize = 160;
const LATER_MARKER_CHARS: usize = 110;

/// Input too large to plan under a budget, in memory bounded by the budget: a line of each error
/// message that fits in half of it first, in order; then the first and the last lines that fit in what is
/// left; between them, markers that count the lines cut and the errors among them.
fn head_and_tail(text: &str, budget: usize, hash: &str) -> Compressed {
    // room for the first marker, which also gives the restore command
    let room = budget.saturating_sub(BUDGET_MARKER_CHARS);
    // errors first (DESIGN "Budgets"), one line of each message (its shape), each with the
    // marker that a kept line between cuts adds
    let (mut errors, mut error_chars, mut total) = (Vec::new(), 0, 0);
    let mut shown = crate::hash::FxHashSet::default();
    for (i, line) in iter(text).enumerate() {
        total += 1;
        let cost = line.len() + 1 + LATER_MARKER_CHARS;
        if logline::is_errorish(line) && error_chars + cost <= room / 2 && shown.insert(shape(line)) {
            errors.push(i + 1);
            error_chars += cost;
        }
    }
    let half = (room - error_chars) / 2;
    let (mut head, mut head_chars) = (0, 0);
    for line in iter(text) {
        head_chars += line.len() + 1;
        if head_chars > half {
            break;
        }
        head += 1;
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    let (mut tail, mut tail_chars) = (0, 0);
    for line in body.rsplit('\n') {
        tail_chars += line.len() + 1;
        if tail_chars > half || head + tail + 1 >= total {
            break;
        }
        tail += 1;
    }
    let crlf = iter(text).next().is_some_and(|l| l.ends_with('\r'));
    let mut w = Writer::new(hash, budget.min(1 << 20), crlf);
    let mut errors = errors.into_iter().peekable();
    // the cut being made: its first line and the errors in it
    let mut cut: Option<(usize, usize)> = None;
    for (i, line) in iter(text).enumerate() {
        let n = i + 1;
        let error = errors.next_if_eq(&n).is_some();
        if n <= head || n > total - tail || error {
            if let Some((start, critical)) = cut.take() {
                w.fold(start, n - 1, &describe(n - start, critical));
            }
            w.line(line);
        } else {
            let (_, critical) = cut.get_or_insert((n, 0));
            *critical += logline::is_errorish(line) as usize;
        }
    }
    if let Some((start, critical)) = cut {
        w.fold(start, total, &describe(total + 1 - start, critical));
    }
    w.finish(text.ends_with('\n'))
}

/// The first pass for the guard: the first line of each error template that the runs would
/// fold away entirely.
fn guarded(text: &str, min_fold_run: usize) -> Vec<usize> {
    let mut watch = Watch::default();
    for run in runs(iter(text)) {
        let mut lines = run.lines(text);
        for piece in run.pieces().map(|p| policed(p, min_fold_run)) {
            let (start, end, kept) = match piece {
                Piece::Fold { start, end, .. } => (start, end, false),
                Piece::Keep { start, end, .. } | Piece::Restate { start, end, .. } => {
                    (start, end, true)
                }
            };
            for (n, line) in (start..=end).zip(lines.by_ref()) {
                watch.see(n, line, kept);
            }
        }
    }
    watch.missing()
}

pub fn plan(lines: &Lines) -> Plan {
    let mut plan = Plan { cut_frames: true, ..Plan::default() };
    for run in runs(lines.lines.iter().copied()) {
        for piece in run.pieces() {
            match piece {
                // one by one, so that a budget can fold them one by one
                Piece::Keep {
                    start,
                    end,
                    priority,
                } => (start..=end).for_each(|n| plan.keep(n, priority)),
                piece => plan.pieces.push(piece),
            }
        }
    }
    plan
}

/// Lines `start..end` (0-based) that share a shape.
struct Run<'a> {
    start: usize,
    end: usize,
    first: &'a str,
    last: &'a str,
    /// characters of the lines between the first and the last
    inner_chars: usize,
    identical: bool,
}

impl Run<'_> {
    /// The run's lines, as slices of `text`, the input whose lines `runs` read.
    fn lines<'t>(&self, text: &'t str) -> std::str::Split<'t, char> {
        let from = offset(text, self.first);
        text[from..offset(text, self.last) + self.last.len()].split('\n')
    }

    /// What the run becomes: its first and last lines kept around a marker, or all its lines
    /// kept as one range (`plan` keeps them one by one, for a budget; streaming, one piece per
    /// long run that does not fold is enough).
    fn pieces(&self) -> impl Iterator<Item = Piece> {
        let (first, last) = (self.start + 1, self.end);
        let keep = |start, end, priority| Piece::Keep {
            start,
            end,
            priority,
        };
        let (head, fold, tail) = match self.fold() {
            Some(what) => (
                keep(first, first, Priority::Summary),
                Some(Piece::Fold {
                    start: first + 1,
                    end: last - 1,
                    what,
                }),
                Some(keep(last, last, Priority::Summary)),
            ),
            None => (keep(first, last, Priority::Ordinary), None, None),
        };
        std::iter::once(head).chain(fold).chain(tail)
    }

    /// What the marker says, if the run is worth folding.
    fn fold(&self) -> Option<String> {
        let run = self.end - self.start;
        if run < MIN_RUN || self.inner_chars <= 80 {
            return None;
        }
        Some(if self.identical {
            format!("{} identical", count(run - 2))
        } else {
            format!("{} like above", count(run - 2))
        })
    }
}

/// What the lines of a run share: their shape (numbers and ids masked), or, for a line that
/// names a file (`\tmodified:   src/util/step_3.py`, a diffstat's line: see `names_a_file`),
/// the line itself: a list of names whose numbers differ is no run of one thing.
fn run_key(line: &str) -> std::borrow::Cow<'_, str> {
    if crate::mask::names_a_file(line) {
        std::borrow::Cow::Borrowed(line)
    } else {
        std::borrow::Cow::Owned(shape(line))
    }
}

/// The runs of `lines`, in order. One shape at a time: memory stays bounded by the longest
/// line, not the input.
fn runs<'a>(lines: impl Iterator<Item = &'a str>) -> impl Iterator<Item = Run<'a>> {
    let mut lines = lines.enumerate().peekable();
    std::iter::from_fn(move || {
        let (start, first) = lines.next()?;
        let key = run_key(first);
        let mut run = Run {
            start,
            end: start + 1,
            first,
            last: first,
            inner_chars: 0,
            identical: true,
        };
        while let Some((i, line)) = lines.next_if(|(_, l)| run_key(l) == key) {
            if run.end > start + 1 {
                run.inner_chars += run.last.len(); // the previous last is now inside the run
            }
            run.identical &= line == first;
            run.end = i + 1;
            run.last = line;
        }
        Some(run)
    })
}

#[cfg(test)]
mod tests {
    use super::*;


    /// Checks `out` against `text`: every line is the next input line, or a marker whose span
    /// starts there (the spans in order, tiling what was cut); returns the markers.
    fn markers_tile(text: &str, out: &Compressed) -> Vec<String> {
        let input: Vec<&str> = iter(text).collect();
        let (mut next, mut spans, mut markers) = (0, out.spans.iter(), Vec::new());
        for line in iter(&out.text) {
            if line.starts_with("[hr ") {
                let span = spans.next().expect("a span for each marker");
                assert_eq!(span.start, next + 1, "{line}");
                assert_eq!(
                    crate::marker::span_of(line),
                    Some((span.start, span.end)),
                    "{line}"
                );
                next = span.end;
                markers.push(line.trim_end_matches('\r').to_string());
            } else {
                assert_eq!(line, input[next], "line {}", next + 1);
                next += 1;
            }
        }
        assert_eq!((next, spans.next()), (input.len(), None));
        assert_eq!(out.text.ends_with('\n'), text.ends_with('\n'));
        markers
    }

    #[test]
    fn input_too_large_to_plan_keeps_its_errors_head_and_tail_within_a_budget() {
        // 1.5 million short lines: a plan of them would break the memory bound
        let mut text = "ok\n".repeat(1_500_000);
        text.replace_range(30_000..30_003, "ERROR: disk full\n");
        let opts = Options::for_test(Some(2_000));
        let c = compress(&text, &opts);
        assert!(c.text.len() <= 2_000, "{}", c.text.len());
        // the error comes first, in place, between two cuts
        assert_eq!(
            markers_tile(&text, &c),
            [
                "[hr 9,715 lines cut to fit the budget · hr expand abcdef012345 --lines 286-10000]",
                "[hr 1,489,714 lines cut to fit the budget L10002-1499715]",
            ]
        );
        assert!(c.text.contains("\nERROR: disk full\n"));
        // more errors than fit: the first ones stay, the markers count the rest; CRLF and a
        // last line without its newline are kept as they were
        let mut text = "ok\r\n".repeat(1_500_000);
        for at in (0..100).rev().map(|i| 3_000 + i * 40_000 + i % 2 * 4) {
            // a message of its own each: numbers would make them one message
            let word: String = at.to_string().bytes().map(|b| (b'k' + b - b'0') as char).collect();
            text.replace_range(at..at + 4, &format!("error {word}\r\n"));
        }
        text.push_str("last");
        let c = compress(&text, &opts);
        assert!(c.text.len() <= 2_000, "{}", c.text.len());
        let markers = markers_tile(&text, &c);
        let kept = iter(&c.text).filter(|l| l.starts_with("error ")).count();
        assert!((5..100).contains(&kept), "{kept}");
        let counted: usize = markers
            .iter()
            .filter_map(|m| m.split(", ").nth(1)?.split(' ').next()?.replace(',', "").parse::<usize>().ok())
            .sum();
        assert_eq!(counted + kept, 100);
        assert!(c.text.ends_with("last"), "{:?}", &c.text[c.text.len() - 20..]);
        // an error repeated keeps one example; the markers count the others
        let text = "ok\n".repeat(500_000) + &"error: disk full\n".repeat(200_000) + &"ok\n".repeat(500_000);
        let c = compress(&text, &opts);
        assert_eq!(c.text.matches("error: disk full\n").count(), 1);
        assert!(markers_tile(&text, &c)[1].contains("199,999 of them from errors"), "{}", c.text);
        // a budget below one line keeps nothing but the marker
        let tiny = Options { budget_chars: Some(10), ..opts.clone() };
        let c = compress(&text, &tiny);
        assert_eq!(markers_tile(&text, &c).len(), 1);
        assert_eq!(c.spans, vec![crate::marker::Span { start: 1, end: 1_200_000 }]);
    }

    fn opts() -> Options {
        Options::for_test(None)
    }

    #[test]
    fn the_learnt_policy_holds_on_input_too_many_lines_to_plan() {
        // 30,000 runs of six like lines: each folds its middle four, its ends stay as examples
        let mut text = String::new();
        for i in 0..30_000 {
            text.push_str(&format!("d{i}\n"));
            text.push_str(&"the same line of the build, printed again\n".repeat(6));
        }
        assert!(!crate::bound::plan_fits(&text), "the input must stream");
        let c = compress(&text, &opts());
        assert_eq!(c.spans.len(), 30_000, "every run folds without a policy");
        // the agent kept fetching folds this short: they stay whole, as in a plan
        let learnt = Options { min_fold_run: 5, ..opts() };
        let c = compress(&text, &learnt);
        assert!(c.spans.is_empty(), "{}", &c.text[..200]);
        assert_eq!(c.text, text);
        // a policy shorter than the folds leaves them folded
        let c = compress(&text, &Options { min_fold_run: 4, ..opts() });
        assert_eq!(c.spans.len(), 30_000);
    }

    #[test]
    fn folds_near_duplicate_runs_keeping_ends() {
        let mut text = String::from("start\n");
        for i in 0..50 {
            text.push_str(&format!("downloading chunk {i} of 50 from the mirror\n"));
        }
        text.push_str("done\n");
        let c = compress(&text, &opts());
        let out: Vec<&str> = c.text.lines().collect();
        assert_eq!(out[0], "start");
        assert_eq!(out[1], "downloading chunk 0 of 50 from the mirror");
        assert_eq!(
            out[2],
            "[hr 48 like above · hr expand abcdef012345 --lines 3-50]"
        );
        assert_eq!(out[3], "downloading chunk 49 of 50 from the mirror");
        assert_eq!(out[4], "done");
        assert_eq!(c.spans.len(), 1);
    }

    #[test]
    fn identical_runs_say_identical() {
        let text = "same line repeated over and over again\n".repeat(10);
        let c = compress(&text, &opts());
        assert!(
            c.text
                .contains("[hr 8 identical · hr expand abcdef012345 --lines 2-9]"),
            "{}",
            c.text
        );
    }

    #[test]
    fn a_line_a_progress_meter_drew_over_itself_keeps_its_head_and_last_frame() {
        // Keras's console: each epoch's bar one line of frames drawn over one another, between
        // a framework's warnings and a traceback, read by no compressor of its own
        let bar = |epoch: usize| {
            let frames: String = (1..=375).map(|k| format!("\r\x1b[1m{k:3}/375\x1b[0m \x1b[37m{}\x1b[0m - loss: 2.{k:04}{}", "━".repeat(20), "\x08".repeat(30))).collect();
            format!("{frames}\r375/375 - loss: 2.2230 - val_loss: 1.{epoch}")
        };
        let mut text = String::new();
        for epoch in 1..=3 {
            text += &format!("Epoch {epoch}/3\n{}\n", bar(epoch));
        }
        text += "Traceback (most recent call last):\n  File \"train.py\", line 14, in <module>\nValueError: bad label\n";
        let out = compress(&text, &opts()).text;
        assert!(out.len() < text.len() / 10, "{out}");
        for epoch in 1..=3 {
            assert!(out.contains(&format!("Epoch {epoch}/3\n\r\x1b[1m  1/375")) && out.contains(&format!("] … 375/375 - loss: 2.2230 - val_loss: 1.{epoch}\n")), "{out}");
        }
        assert!(out.ends_with("ValueError: bad label\n"), "{out}");
        // as the plan renders it
        let lines = split(&text);
        assert_eq!(render(&plan(&lines), &lines, &opts()).text, out);
        // a frame that reports a failure keeps its line whole
        let failed = text.replacen("\r\x1b[1m200/375", "\rZeroDivisionError: division by zero\r\x1b[1m200/375", 1);
        assert!(compress(&failed, &opts()).text.contains("\rZeroDivisionError: division by zero\r"));
        // a file whose lines end in `\r` alone is one line to us, its rows no frames: it stays
        let mac: String = (0..40).map(|k| if k == 21 { "thread 'main' panicked at src/main.rs:10:5:\r".to_string() } else { format!("[{k:4}] building module_{k}.o with the release profile and full optimisations\r") }).collect();
        let out = compress(&mac, &opts()).text;
        assert!(out.contains("panicked at src/main.rs:10:5") && !out.contains("more chars"), "{out}");
        // while a bar that is a download's whole output, one line that a newline closes, is cut
        let bar: String = (0..=400).map(|k| format!("\r{:3}%|{:<40}| {k}/400 [00:{:02}<00:10, 41.2it/s]", k / 4, "█".repeat(k / 10), k % 60)).collect::<String>() + "\n";
        let out = compress(&bar, &opts()).text;
        assert!(out.contains(" more chars") && out.ends_with("| 400/400 [00:40<00:10, 41.2it/s]\n"), "{out}");
    }

    #[test]
    fn short_runs_and_unique_lines_stay() {
        let text = "a 1\na 2\na 3\nb\nc\n";
        assert_eq!(compress(text, &opts()).text, text);
    }

    #[test]
    fn streaming_output_is_what_the_plan_renders() {
        let mut cases = vec![
            String::new(),
            "\n".repeat(500),
            "a\n".repeat(300),
            "x\r\ny\r\nz".into(),
            "a 1\na 2\na 3\nb\nc\n".into(),
        ];
        let mut text = String::new();
        for i in 0..400 {
            text.push_str(&format!(
                "step {} of the long build took {}ms\n",
                i % 37,
                i * 7 % 13
            ));
            if i % 50 == 0 {
                text.push_str("\n\nerror: something different here\n");
            }
        }
        cases.push(text.clone());
        cases.push(text.trim_end().replace('\n', "\r\n"));
        // error lines the runs fold away: the guard puts the first of each template back,
        // splitting the fold around it, and the parts too short for a marker stay as lines
        cases.push("error\n".repeat(200));
        let mut access = String::new();
        for i in 0..300 {
            let status = match i {
                117 | 118 => 404,
                230 => 500,
                298 => 503,
                _ => 200,
            };
            access.push_str(&format!(
                "10.0.0.1 - - [10/Oct/2023:13:00:{:02} +0000] \"GET /index.html HTTP/1.1\" {status} 1{i:03}\n",
                i % 60
            ));
        }
        cases.push(access.clone());
        let out = compress(&access, &opts()).text;
        for status in ["404", "500", "503"] {
            assert!(out.contains(&format!("HTTP/1.1\" {status} ")), "{status}: {out}");
        }
        for case in cases {
            let lines = split(&case);
            let planned = render(&plan(&lines), &lines, &opts());
            let streamed = compress(&case, &opts());
            assert_eq!(streamed.text, planned.text, "{case:?}");
            let spans =
                |c: &Compressed| c.spans.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>();
            assert_eq!(spans(&streamed), spans(&planned));
        }
    }

    #[test]
    fn streaming_splits_around_errors_and_holds_a_policy_as_the_plan_does() {
        // a long run of like lines with an error one line into its fold: the guard puts the
        // error back, and the line before it is too few tokens for a marker of its own
        let mut text = String::new();
        for i in 0..40 {
            let status = if i == 2 { 500 } else { 200 };
            text.push_str(&format!("{{\"status\":{status},\"req\":{i}}}\n"));
        }
        let crlf = text.replace('\n', "\r\n");
        let cut = text.trim_end().to_string();
        for case in [&text, &crlf, &cut] {
            for min_fold_run in [0, 3, 5, 60] {
                let opts = Options { min_fold_run, ..opts() };
                let lines = split(case);
                let planned = render(&plan(&lines), &lines, &opts);
                let streamed = stream(case, &opts);
                assert_eq!(streamed.text, planned.text, "{min_fold_run} {case:?}");
                assert_eq!(streamed.spans, planned.spans);
            }
        }
    }

    #[test]
    fn missing_final_newline_and_crlf_survive() {
        let text = "x\r\ny\r\nz";
        assert_eq!(compress(text, &opts()).text, text);
    }
}
