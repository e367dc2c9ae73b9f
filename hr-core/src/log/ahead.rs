//! Reading a large log ahead of the miner, on another core: each line masked for mining as a
//! plain line (`Masked::fill`), and the guard's reading of each line (`logline::problem`). Both
//! read one line at a time, with no state, and cost more than half of what mining a log does.
//!
//! The lines are cut into chunks, and each chunk is read once, by whichever thread claims it
//! first: the reader claims them one after the other, and the miner claims the next one itself
//! rather than wait for the reader. The miner takes the chunks in order and hands each back to
//! be filled again, so memory stays a few chunks whatever the log's size. The outcome is the
//! one the miner would reach alone: a line's mask is the same whoever made it.

use crate::drain::Masked;
use crate::logline::{self, Problem};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TryRecvError, TrySendError};

/// Lines from which the reading is done ahead: below, a thread costs more than it saves.
const AHEAD_FROM: usize = 10_000;

/// Lines in a chunk.
const CHUNK: usize = 1024;

/// Chunks the miner reads itself ahead of the one it waits for, at most.
const CLAIMED_AHEAD: usize = 2;

#[derive(Default)]
struct Chunk {
    masked: Vec<Masked>,
    problems: Vec<Problem>,
}

/// The lines to read, and which chunk is the next to claim.
struct Reading<'a> {
    plain: &'a [&'a str],
    raw: &'a [&'a str],
    next: AtomicUsize,
}

impl Reading<'_> {
    /// The next chunk no thread has claimed yet, if any is left.
    fn claim(&self) -> Option<usize> {
        let k = self.next.fetch_add(1, Ordering::Relaxed);
        (k * CHUNK < self.plain.len()).then_some(k)
    }

    /// Chunk `k`'s lines read into `chunk`, whose buffers are filled again.
    fn read(&self, k: usize, chunk: &mut Chunk) {
        let (from, to) = (k * CHUNK, ((k + 1) * CHUNK).min(self.plain.len()));
        chunk.masked.resize_with(to - from, Masked::default);
        for (masked, line) in chunk.masked.iter_mut().zip(&self.plain[from..to]) {
            masked.fill(line, false);
        }
        chunk.problems.clear();
        chunk.problems.extend(self.raw[from..to].iter().map(|line| logline::problem(line)));
    }
}

/// The miner's end: the chunks, taken in order.
pub struct Ahead<'a> {
    reading: &'a Reading<'a>,
    /// the reader's chunks, in the order it claimed them
    from_reader: Receiver<(usize, Chunk)>,
    spent: SyncSender<Chunk>,
    /// chunks the miner read itself, ahead of the one it waits for
    own: Vec<(usize, Chunk)>,
    current: Chunk,
    /// the index of `current`, or `usize::MAX` before the first
    at: usize,
    /// a taken chunk whose buffers the miner fills again, when the reader has enough
    spare: Option<Chunk>,
    problems: Vec<Problem>,
}

impl Ahead<'_> {
    /// Line `i`'s mask, for lines asked in ascending order.
    pub fn masked(&mut self, i: usize) -> &mut Masked {
        let k = i / CHUNK;
        while self.at != k {
            self.take(self.at.wrapping_add(1));
        }
        &mut self.current.masked[i % CHUNK]
    }

    /// Makes chunk `k` the current one, once it is read.
    fn take(&mut self, k: usize) {
        let spent = std::mem::take(&mut self.current);
        let chunk = loop {
            if let Some(at) = self.own.iter().position(|(own, _)| *own == k) {
                break self.own.swap_remove(at).1;
            }
            // the reader's chunks come in order, and those before `k` were taken
            match self.from_reader.try_recv() {
                Ok((got, chunk)) => {
                    debug_assert_eq!(got, k);
                    break chunk;
                }
                // a reader that stopped (it panicked; the scope reports it) leaves the rest
                Err(TryRecvError::Disconnected) => break self.read_own(k),
                // rather than wait, read the next chunk nobody has claimed (`k` itself, when
                // the reader is still behind it)
                Err(TryRecvError::Empty) => match (self.own.len() < CLAIMED_AHEAD).then(|| self.reading.claim()).flatten() {
                    Some(next) => {
                        let chunk = self.read_own(next);
                        self.own.push((next, chunk));
                    }
                    None => break self.wait(k),
                },
            }
        };
        if let Err(TrySendError::Full(spent) | TrySendError::Disconnected(spent)) = self.spent.try_send(spent) {
            self.spare = Some(spent);
        }
        self.problems.extend_from_slice(&chunk.problems);
        self.current = chunk;
        self.at = k;
    }

    /// Chunk `k`, which the reader claimed, once it comes.
    fn wait(&mut self, k: usize) -> Chunk {
        match self.from_reader.recv() {
            Ok((got, chunk)) => {
                debug_assert_eq!(got, k);
                chunk
            }
            Err(_) => self.read_own(k),
        }
    }

    fn read_own(&mut self, k: usize) -> Chunk {
        let mut chunk = self.spare.take().unwrap_or_default();
        self.reading.read(k, &mut chunk);
        chunk
    }

    /// The guard's reading of every line, once every chunk is taken.
    fn problems(mut self) -> Vec<Problem> {
        let chunks = self.reading.plain.len().div_ceil(CHUNK);
        while self.at.wrapping_add(1) < chunks {
            self.take(self.at.wrapping_add(1));
        }
        self.problems
    }
}

/// `work`, given the log's lines read ahead on another core when there are enough of them, and
/// the guard's reading of each line of `raw` (`logline::problem`) when it was done. `plain` is
/// `raw` without its terminal escapes, line for line.
pub fn read_ahead<T>(plain: &[&str], raw: &[&str], work: impl FnOnce(Option<&mut Ahead>) -> T) -> (T, Option<Vec<Problem>>) {
    debug_assert_eq!(plain.len(), raw.len());
    if plain.len() < AHEAD_FROM {
        return (work(None), None);
    }
    let reading = Reading {
        plain,
        raw,
        next: AtomicUsize::new(0),
    };
    std::thread::scope(|s| {
        let (to_miner, from_reader) = sync_channel(2);
        let (spent, to_reader) = sync_channel(4);
        let reading = &reading;
        let reader = std::thread::Builder::new().spawn_scoped(s, move || read(reading, to_miner, to_reader));
        if reader.is_err() {
            return (work(None), None);
        }
        let mut ahead = Ahead {
            reading,
            from_reader,
            spent,
            own: Vec::new(),
            current: Chunk::default(),
            at: usize::MAX,
            spare: None,
            problems: Vec::with_capacity(raw.len()),
        };
        let out = work(Some(&mut ahead));
        (out, Some(ahead.problems()))
    })
}

/// The reader's end: claims and reads chunks until none is left or the miner stops taking them.
fn read(reading: &Reading, to_miner: SyncSender<(usize, Chunk)>, spent: Receiver<Chunk>) {
    while let Some(k) = reading.claim() {
        let mut chunk = spent.try_recv().unwrap_or_default();
        reading.read(k, &mut chunk);
        if to_miner.send((k, chunk)).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split;
    use crate::log::plan;
    use crate::plan::{render, render_classified};
    use crate::Options;

    /// A log of `n` events of many shapes: plain events with values, warnings, errors, records
    /// (JSON, access log, logfmt), a stack trace now and then, quoted words and messages.
    fn mixed_log(n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            let line = match i % 13 {
                0 => format!("2024-03-01 10:00:{:02} INFO worker-{} took {} ms", i % 60, i % 7, i * 7 % 991),
                1 => format!("2024-03-01 10:00:{:02} WARN disk /var/lib/x{} at {}%", i % 60, i % 3, 80 + i % 20),
                2 => format!("2024-03-01 10:00:{:02} ERROR request {} failed: timeout after {}s", i % 60, i, i % 5),
                3 => format!(r#"{{"time":"2024-03-01T10:00:00Z","level":"info","msg":"served {}","status":{}}}"#, i, 200 + i % 3),
                4 => format!(r#"10.0.0.{} - - [01/Mar/2024:10:00:00 +0000] "GET /item/{} HTTP/1.1" {} 512"#, i % 250, i, if i % 26 == 4 { 404 } else { 200 }),
                5 => format!("time=2024-03-01T10:00:00Z level=debug msg=\"cache hit for {}\" key=k{}", i % 9, i),
                6 if i % 3 == 0 => "java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)\n\tat a.B.d(B.java:2)".to_string(),
                7 => format!("2024-03-01 10:00:{:02} INFO \"session opened for user u{}\" from src/app.rs:{}:7", i % 60, i % 11, i % 40),
                // a quoted word second and a message in `key="…"`: masked as values, not as a record's
                8 => format!("Processing \"{}\" via /usr/bin/x{} msg=\"cache warmed for shard {}\"", ["orders", "users", "items"][i % 3], i % 4, ["eu", "us"][i % 2]),
                _ => format!("2024-03-01 10:00:{:02} INFO job sync-{} finished in {} ms, {} bytes written", i % 60, i, i % 4157, i * 31),
            };
            s.push_str(&line);
            s.push('\n');
        }
        s
    }

    #[test]
    fn a_log_read_ahead_is_planned_as_the_miner_alone_plans_it() {
        let text = mixed_log(3 * AHEAD_FROM);
        let lines = split(&text);
        let opts = Options { hash: "0123456789ab".into(), budget_chars: None, min_fold_run: 0 };
        let alone = plan(&lines, &lines, None, 0, None).unwrap();
        let (ahead, problems) = read_ahead(&lines.lines, &lines.lines, |ahead| {
            assert!(ahead.is_some(), "a log this long is read ahead");
            plan(&lines, &lines, None, 0, ahead)
        });
        let problems = problems.unwrap();
        let read: Vec<Problem> = lines.lines.iter().map(|line| logline::problem(line)).collect();
        assert_eq!(problems, read);
        let (alone, ahead) = (render(&alone, &lines, &opts), render_classified(&ahead.unwrap(), &lines, &opts, Some(&problems)));
        assert!(alone.text.len() < text.len() / 2, "the log folds");
        assert_eq!(alone, ahead);
    }

    #[test]
    fn each_line_read_ahead_is_masked_as_the_miner_masks_a_plain_line() {
        let text = mixed_log(2 * AHEAD_FROM);
        let lines = split(&text);
        let mut alone = Masked::default();
        read_ahead(&lines.lines, &lines.lines, |ahead| {
            let ahead = ahead.unwrap();
            // every other line, as the miner skips records and traces
            for (i, line) in lines.lines.iter().enumerate().step_by(2) {
                alone.fill(line, false);
                assert_eq!(ahead.masked(i), &alone, "line {i}");
            }
        });
    }

    #[test]
    fn a_short_log_is_not_read_ahead() {
        let text = mixed_log(AHEAD_FROM);
        let lines = split(&text);
        let few = &lines.lines[..AHEAD_FROM - 1];
        let (_, problems) = read_ahead(few, few, |ahead| assert!(ahead.is_none()));
        assert!(problems.is_none());
        let enough = &lines.lines[..AHEAD_FROM];
        let (_, problems) = read_ahead(enough, enough, |ahead| assert!(ahead.is_some()));
        assert_eq!(problems.map(|p| p.len()), Some(AHEAD_FROM));
    }
}
