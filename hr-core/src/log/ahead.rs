//! Reading a large log ahead of the miner, on another core: each line masked for mining as a
//! plain line (`Masked::fill`) and its level (`severity::severity`, as a log with no column
//! header reads it); then the guard's reading of each line (`logline::problem`). All read one
//! line at a time, with no state, and cost more than half of what mining a log does.
//!
//! The lines are cut into chunks, and each chunk is read once, by whichever thread claims it
//! first: the reader claims them one after the other, and the miner claims the next one itself
//! rather than wait for the reader. The miner takes the chunks in order and puts each back in
//! a pool, to be filled again by either thread: memory stays a few chunks whatever the log's
//! size, and a line's buffers are seldom allocated anew (three allocations a line). The
//! outcome is the one the miner would reach alone: a line's mask is the same whoever made it.
//!
//! The guard's verdicts are given last, block by block, by the reader once no chunk is left to
//! claim, and by the miner once its work is done: while both threads mine, both cores are busy,
//! and what the miner does alone after mining (its plan) leaves the reader's core free.

use super::fields::Columns;
use super::severity::{severity, Severity};
use crate::drain::Masked;
use crate::logline::{self, Problem};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TryRecvError};

/// Lines from which the reading is done ahead: below, a thread costs more than it saves.
const AHEAD_FROM: usize = 10_000;

/// A chunk ends after this many lines, or after the line that brings it to `CHUNK_BYTES`.
const CHUNK: usize = 512;
const CHUNK_BYTES: usize = 64 << 10;

/// Lines a thread gives the guard's verdicts on at once.
const VERDICTS: usize = 4096;

/// A mask whose buffers hold more than this (filled with a long line) is let go rather than
/// filled again: each slot of a chunk would otherwise keep the room of the longest line it held.
const KEPT_BYTES: usize = 1 << 10;

/// Chunks the miner reads itself ahead of the one it waits for, at most.
const CLAIMED_AHEAD: usize = 2;
/// Chunks sent on and not yet taken.
const SENT: usize = 2;
/// Taken chunks kept to be filled again, at most.
const POOLED: usize = 2;
/// Chunks alive at once, at most: those above, the current one and the one each thread fills.
const ALIVE: usize = CLAIMED_AHEAD + SENT + POOLED + 3;

/// Lines `bounds[k]..bounds[k + 1]`, read: each line's mask and its level.
#[derive(Default)]
struct Chunk {
    masked: Vec<Masked>,
    severities: Vec<Severity>,
}

/// The lines to read, where each chunk begins, and which chunk is the next to claim.
struct Reading<'a> {
    plain: &'a [&'a str],
    /// the first line of each chunk, and the number of lines last
    bounds: Vec<usize>,
    next: AtomicUsize,
    /// chunks the miner has taken, to be filled again
    pool: Mutex<Vec<Chunk>>,
}

impl<'a> Reading<'a> {
    fn new(plain: &'a [&'a str]) -> Reading<'a> {
        let mut bounds = vec![0];
        let (mut lines, mut bytes) = (0, 0);
        for (i, line) in plain.iter().enumerate() {
            (lines, bytes) = (lines + 1, bytes + line.len() + 1);
            if lines == CHUNK || bytes >= CHUNK_BYTES {
                bounds.push(i + 1);
                (lines, bytes) = (0, 0);
            }
        }
        if lines > 0 {
            bounds.push(plain.len());
        }
        Reading { plain, bounds, next: AtomicUsize::new(0), pool: Mutex::new(Vec::with_capacity(POOLED)) }
    }

    fn chunks(&self) -> usize {
        self.bounds.len() - 1
    }

    /// The next chunk no thread has claimed yet, if any is left.
    fn claim(&self) -> Option<usize> {
        let k = self.next.fetch_add(1, Ordering::Relaxed);
        (k < self.chunks()).then_some(k)
    }

    /// Chunk `k`'s lines read, into the buffers of a chunk from the pool when it has one.
    fn read_chunk(&self, k: usize) -> Chunk {
        let mut chunk = self.pool().pop().unwrap_or_default();
        self.read(k, &mut chunk);
        chunk
    }

    /// Puts a chunk taken back into the pool, unless the pool is full.
    fn give_back(&self, chunk: Chunk) {
        let mut pool = self.pool();
        if pool.len() < POOLED {
            pool.push(chunk);
        }
    }

    fn pool(&self) -> std::sync::MutexGuard<'_, Vec<Chunk>> {
        // (nothing panics while the lock is held)
        self.pool.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Chunk `k`'s lines read into `chunk`, whose buffers are filled again.
    fn read(&self, k: usize, chunk: &mut Chunk) {
        let (from, to) = (self.bounds[k], self.bounds[k + 1]);
        chunk.masked.resize_with(to - from, Masked::default);
        for (masked, line) in chunk.masked.iter_mut().zip(&self.plain[from..to]) {
            if masked.capacity() > KEPT_BYTES {
                *masked = Masked::default();
            }
            masked.fill(line, false);
        }
        let columns = Columns::default();
        chunk.severities.clear();
        chunk.severities.extend(self.plain[from..to].iter().map(|line| severity(line, &columns)));
    }
}

/// The guard's verdict on each line of `raw` (`logline::problem`), given a block at a time by
/// whichever thread claims the block first.
struct Verdicts<'a, 'v> {
    raw: &'a [&'a str],
    blocks: Mutex<std::iter::Enumerate<std::slice::ChunksMut<'v, Problem>>>,
}

impl<'a, 'v> Verdicts<'a, 'v> {
    fn new(raw: &'a [&'a str], verdicts: &'v mut [Problem]) -> Verdicts<'a, 'v> {
        Verdicts { raw, blocks: Mutex::new(verdicts.chunks_mut(VERDICTS).enumerate()) }
    }

    /// Gives verdicts until no block is left.
    fn give(&self) {
        // (a block is claimed under the lock, and read outside it; nothing panics while it is held)
        let claim = || self.blocks.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).next();
        while let Some((k, block)) = claim() {
            for (verdict, line) in block.iter_mut().zip(&self.raw[k * VERDICTS..]) {
                *verdict = logline::problem(line);
            }
        }
    }
}

/// The miner's end: the chunks, taken in order.
pub struct Ahead<'a> {
    reading: &'a Reading<'a>,
    /// the reader's chunks, in the order it claimed them
    from_reader: Receiver<(usize, Chunk)>,
    /// chunks the miner read itself, ahead of the one it waits for
    own: Vec<(usize, Chunk)>,
    current: Chunk,
    /// the index of `current`, or `usize::MAX` before the first
    at: usize,
    /// the lowest line that may be asked for next: lines are asked in ascending order, a mask
    /// once, after the line's level
    asked: usize,
}

impl<'a> Ahead<'a> {
    fn new(reading: &'a Reading<'a>, from_reader: Receiver<(usize, Chunk)>) -> Ahead<'a> {
        Ahead {
            reading,
            from_reader,
            own: Vec::new(),
            current: Chunk::default(),
            at: usize::MAX,
            asked: 0,
        }
    }

    /// Bytes this reading may hold beside the miner, at most: the chunks alive, and the guard's
    /// verdict on each line (held by `read_ahead`).
    pub fn held(&self) -> usize {
        let line = KEPT_BYTES + std::mem::size_of::<Masked>() + std::mem::size_of::<Severity>();
        ALIVE * (CHUNK * line + CHUNK_BYTES) + self.reading.plain.len() * std::mem::size_of::<Problem>()
    }

    /// Line `i`'s mask, to be taken (`Miner::add_premasked` leaves another there): lines are
    /// asked for in ascending order, each once at most.
    pub fn masked(&mut self, i: usize) -> &mut Masked {
        let j = self.reach(i);
        self.asked = i + 1;
        // the next line's mask is loaded while this one is mined (3-4% less time on a large log)
        if let Some(next) = self.current.masked.get(j + 1) {
            next.prefetch();
        }
        &mut self.current.masked[j]
    }

    /// Line `i`'s level, read as in a log whose columns no header named (see `Columns`): asked
    /// before its mask, if at all.
    pub fn severity(&mut self, i: usize) -> Severity {
        let j = self.reach(i);
        self.asked = i;
        self.current.severities[j]
    }

    /// Makes the chunk that holds line `i` the current one; returns where `i` stands in it.
    /// Lines are asked for in ascending order (a line's level before its mask).
    fn reach(&mut self, i: usize) -> usize {
        debug_assert!(i >= self.asked, "line {i} asked for, below line {}", self.asked);
        while self.at == usize::MAX || i >= self.reading.bounds[self.at + 1] {
            self.take(self.at.wrapping_add(1));
        }
        i - self.reading.bounds[self.at]
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
                Ok(sent) => break Self::sent(k, sent),
                // a reader that stopped (it panicked; the scope reports it) leaves the rest
                Err(TryRecvError::Disconnected) => break self.reading.read_chunk(k),
                // rather than wait, read the next chunk nobody has claimed (`k` itself, when
                // the reader is still behind it)
                Err(TryRecvError::Empty) => match (self.own.len() < CLAIMED_AHEAD).then(|| self.reading.claim()).flatten() {
                    Some(next) => {
                        let chunk = self.reading.read_chunk(next);
                        self.own.push((next, chunk));
                    }
                    // the reader claimed `k`
                    None => match self.from_reader.recv() {
                        Ok(sent) => break Self::sent(k, sent),
                        Err(_) => break self.reading.read_chunk(k),
                    },
                },
            }
        };
        self.reading.give_back(spent);
        self.current = chunk;
        self.at = k;
    }

    /// Chunk `k`, as the reader sent it.
    fn sent(k: usize, (got, chunk): (usize, Chunk)) -> Chunk {
        debug_assert_eq!(got, k, "the reader's chunks come in the order claimed");
        chunk
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
    let reading = Reading::new(plain);
    let mut problems = vec![Problem::None; raw.len()];
    let verdicts = Verdicts::new(raw, &mut problems);
    let (out, given) = std::thread::scope(|s| {
        let (to_miner, from_reader) = sync_channel(SENT);
        let (reading, verdicts) = (&reading, &verdicts);
        let reader = std::thread::Builder::new().spawn_scoped(s, move || {
            read(reading, to_miner);
            verdicts.give();
        });
        if reader.is_err() {
            return (work(None), false);
        }
        let mut ahead = Ahead::new(reading, from_reader);
        let out = work(Some(&mut ahead));
        // (a reader waiting to send a chunk no one will take stops, and gives verdicts too)
        drop(ahead);
        verdicts.give();
        (out, true)
    });
    (out, given.then_some(problems))
}

/// The reader's end: claims and reads chunks until none is left or the miner stops taking them.
fn read(reading: &Reading, to_miner: SyncSender<(usize, Chunk)>) {
    while let Some(k) = reading.claim() {
        if to_miner.send((k, reading.read_chunk(k))).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::escapes::{line_colours, strip};
    use crate::lines::{split, split_stripped};
    use crate::log::plan;
    use crate::plan::render;
    use crate::Options;

    /// A log of `n` events of many shapes: plain events with values, warnings, errors, records
    /// (JSON, access log, logfmt), a stack trace now and then, quoted words and messages; with
    /// `colours`, its levels coloured as a terminal shows them.
    fn mixed_log(n: usize, colours: bool) -> String {
        let level = |name: &str, code: &str| if colours { format!("\x1b[{code}m{name}\x1b[0m") } else { name.to_string() };
        let (info, warn, error, e) = (level("INFO", "32"), level("WARN", "33"), level("ERROR", "1;31"), level("E", "31"));
        let mut s = String::new();
        for i in 0..n {
            let line = match i % 13 {
                0 => format!("2024-03-01 10:00:{:02} {info} worker-{} took {} ms", i % 60, i % 7, i * 7 % 991),
                1 => format!("2024-03-01 10:00:{:02} {warn} disk /var/lib/x{} at {}%", i % 60, i % 3, 80 + i % 20),
                2 => format!("2024-03-01 10:00:{:02} {error} request {} failed: timeout after {}s", i % 60, i, i % 5),
                3 => format!(r#"{{"time":"2024-03-01T10:00:00Z","level":"info","msg":"served {}","status":{}}}"#, i, 200 + i % 3),
                4 => format!(r#"10.0.0.{} - - [01/Mar/2024:10:00:00 +0000] "GET /item/{} HTTP/1.1" {} 512"#, i % 250, i, if i % 26 == 4 { 404 } else { 200 }),
                5 => format!("time=2024-03-01T10:00:00Z level=debug msg=\"cache hit for {}\" key=k{}", i % 9, i),
                6 if i % 3 == 0 => "java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)\n\tat a.B.d(B.java:2)".to_string(),
                7 => format!("2024-03-01 10:00:{:02} {info} \"session opened for user u{}\" from src/app.rs:{}:7", i % 60, i % 11, i % 40),
                // a quoted word second and a message in `key="…"`: masked as values, not as a record's
                8 => format!("Processing \"{}\" via /usr/bin/x{} msg=\"cache warmed for shard {}\"", ["orders", "users", "items"][i % 3], i % 4, ["eu", "us"][i % 2]),
                // logcat's level, a letter: coloured, the guard reads no level in it
                10 => format!("03-01 10:00:{:02}.000  1234  5678 {e} Sync: job {} gave up", i % 60, i),
                // a line longer than a mask kept for refilling
                9 if i % 39 == 9 => format!("2024-03-01 10:00:00 {info} payload {}", "abc ".repeat(400 + i % 7)),
                _ => format!("2024-03-01 10:00:{:02} {info} job sync-{} finished in {} ms, {} bytes written", i % 60, i, i % 4157, i * 31),
            };
            s.push_str(&line);
            s.push('\n');
        }
        s
    }

    fn verdicts(lines: &[&str]) -> Vec<Problem> {
        lines.iter().map(|line| logline::problem(line)).collect()
    }

    #[test]
    fn a_log_read_ahead_is_compressed_as_the_miner_alone_compresses_it() {
        let opts = Options { hash: "0123456789ab".into(), budget_chars: None, min_fold_run: 0 };
        for colours in [false, true] {
            // as `log::compress` reads a log: mined without its colours, written with them
            let text = mixed_log(3 * AHEAD_FROM, colours);
            let stripped = strip(&text);
            let plain = stripped.as_deref().unwrap_or(&text);
            let (lines, raw) = (split_stripped(plain, &text), split(&text));
            let line_colours = line_colours(&raw.lines, &lines.lines);
            let alone = plan(&lines, &raw, line_colours.as_deref(), 0, None).unwrap();
            let alone = render(&alone, &raw, &opts);
            assert!(alone.text.len() < text.len() / 2, "the log folds");
            assert_eq!(crate::log::compress(&text, &opts), alone);
            // the guard reads lines as they were written
            let (_, problems) = read_ahead(&lines.lines, &raw.lines, |ahead| {
                assert!(ahead.is_some(), "a log this long is read ahead");
            });
            assert_eq!(problems.unwrap(), verdicts(&raw.lines));
            // (and reads them as a terminal shows them: colours change no verdict)
            assert_eq!(verdicts(&raw.lines), verdicts(&lines.lines));
        }
    }

    #[test]
    fn a_column_log_read_ahead_is_read_by_its_header() {
        // the reader reads levels as if no header named the columns: an IIS log's requests
        // fail by its status column, which only the header names (a 404 three words from the end)
        let opts = Options { hash: "0123456789ab".into(), budget_chars: None, min_fold_run: 0 };
        let mut text = String::from("#Software: Microsoft Internet Information Services 10.0\n#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port c-ip sc-status sc-substatus sc-win32-status time-taken\n");
        for i in 0..2 * AHEAD_FROM {
            let missing = ["/gone.aspx", "/old/login.aspx", "/admin.php"];
            let (path, status) = if i % 500 == 7 { (missing[i % 3].to_string(), 404) } else { (format!("/p{}.aspx", i % 40), 200) };
            text.push_str(&format!("2024-01-02 10:{:02}:{:02} 10.0.0.1 GET {path} - 80 10.0.0.{} {status} 0 0 {}\n", i / 60 % 60, i % 60, i % 200, i % 997));
        }
        let lines = split(&text);
        let alone = render(&plan(&lines, &lines, None, 0, None).unwrap(), &lines, &opts);
        assert_eq!(crate::log::compress(&text, &opts), alone);
        for path in ["/gone.aspx", "/old/login.aspx", "/admin.php"] {
            assert!(alone.text.contains(&format!("GET {path} ")), "{}", alone.text);
        }
    }

    /// What the miner gets for every other line (it skips records and traces), and the verdicts.
    fn take_every_other(ahead: &mut Ahead, lines: &[&str]) {
        let mut alone = Masked::default();
        for (i, line) in lines.iter().enumerate().step_by(2) {
            alone.fill(line, false);
            assert_eq!(ahead.masked(i), &alone, "line {i}");
        }
    }

    #[test]
    fn each_line_read_ahead_is_masked_as_the_miner_masks_a_plain_line() {
        let text = mixed_log(2 * AHEAD_FROM, false);
        let lines = split(&text);
        let (_, problems) = read_ahead(&lines.lines, &lines.lines, |ahead| take_every_other(ahead.unwrap(), &lines.lines));
        assert_eq!(problems.unwrap(), verdicts(&lines.lines));
    }

    #[test]
    fn the_miner_reads_what_the_reader_has_not_sent() {
        let text = mixed_log(AHEAD_FROM, false);
        let lines = split(&text);
        let reading = Reading::new(&lines.lines);
        assert!(reading.chunks() > 10);
        // a reader that read chunk 0 and claimed chunk 1, and sends chunk 1 only once the miner
        // has claimed the two chunks after it: the miner reads those itself, then waits
        let (to_miner, from_reader) = sync_channel(SENT);
        let mut first = Chunk::default();
        reading.read(reading.claim().unwrap(), &mut first);
        to_miner.send((0, first)).unwrap();
        assert_eq!(reading.claim(), Some(1));
        std::thread::scope(|s| {
            s.spawn(|| {
                while reading.next.load(Ordering::Relaxed) < 2 + CLAIMED_AHEAD {
                    std::thread::yield_now();
                }
                let mut second = Chunk::default();
                reading.read(1, &mut second);
                to_miner.send((1, second)).unwrap();
            });
            let mut ahead = Ahead::new(&reading, from_reader);
            take_every_other(&mut ahead, &lines.lines);
        });
    }

    #[test]
    fn a_reader_that_stopped_leaves_the_rest_to_the_miner() {
        let text = mixed_log(AHEAD_FROM, false);
        let lines = split(&text);
        let reading = Reading::new(&lines.lines);
        // it claimed chunks 0 to 2 and is gone: the miner reads those too
        for _ in 0..3 {
            reading.claim();
        }
        let (to_miner, from_reader) = sync_channel(SENT);
        drop(to_miner);
        let mut ahead = Ahead::new(&reading, from_reader);
        take_every_other(&mut ahead, &lines.lines);
    }

    #[test]
    fn every_line_has_its_verdict_however_far_the_miner_read() {
        let text = mixed_log(3 * AHEAD_FROM, true);
        let lines = split(&text);
        let all = verdicts(&lines.lines);
        // (a miner that reads nothing, one that stops a third of the way, one that reads all)
        for stop in [0, AHEAD_FROM, 3 * AHEAD_FROM] {
            let (_, problems) = read_ahead(&lines.lines, &lines.lines, |ahead| {
                let ahead = ahead.unwrap();
                for i in (0..stop).step_by(3) {
                    ahead.masked(i);
                }
            });
            assert!(problems.unwrap() == all, "stopped at {stop}");
        }
        // the verdicts are given a block at a time: one thread alone gives them all
        let mut given = vec![Problem::None; lines.lines.len()];
        Verdicts::new(&lines.lines, &mut given).give();
        assert!(given == all);
        assert!(all.len() > 2 * VERDICTS && all.contains(&Problem::Reported));
    }

    #[test]
    fn chunks_end_at_a_count_of_lines_or_of_bytes() {
        let long = "x".repeat(CHUNK_BYTES / 4);
        let lines: Vec<&str> = (0..2 * CHUNK).map(|i| if (10..20).contains(&i) { long.as_str() } else { "a b" }).collect();
        let reading = Reading::new(&lines);
        // the fourth long line fills a chunk, and so does the eighth; then `CHUNK` lines, and the rest
        assert_eq!(reading.bounds, vec![0, 14, 18, 18 + CHUNK, 2 * CHUNK]);
    }

    #[test]
    fn a_short_log_is_not_read_ahead() {
        let text = mixed_log(AHEAD_FROM, false);
        let lines = split(&text);
        let few = &lines.lines[..AHEAD_FROM - 1];
        let (_, problems) = read_ahead(few, few, |ahead| assert!(ahead.is_none()));
        assert!(problems.is_none());
        let enough = &lines.lines[..AHEAD_FROM];
        let (_, problems) = read_ahead(enough, enough, |ahead| assert!(ahead.is_some()));
        assert_eq!(problems.map(|p| p.len()), Some(AHEAD_FROM));
    }
}
