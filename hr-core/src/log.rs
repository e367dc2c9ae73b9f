//! Logs: every event that is new stays verbatim and in place; repetition folds into markers.
//!
//! One pass mines templates (`drain.rs`); a second writes the plan. A line stays when it is the
//! first of its template, belongs to a template seen at most twice, shows a word its template
//! had not shown yet that recurs at most twice (a rare event), has a number of words that no
//! other line of its template has (see `Role::Event::words`), is its template's first in colours
//! it was not shown in, or belongs to a stack trace. The
//! rest repeat what was shown above, and each run of them folds into one marker with its count
//! and line range (`[hr 37 L100-137]`), the errors it holds unless it repeats one template,
//! and for a long run its time span and, if it holds one template, the values that varied. A
//! run folds only when it clearly outweighs its marker.
//! Errors rank first under a budget, then warnings and rare events. Output order is input
//! order, so a cause still comes before its effect. A stack trace that repeats an earlier one
//! line for line keeps its first line and folds its frames; a new one stays, but for a stretch
//! of frames a trace above printed too (`frames.rs`).

mod ahead;
mod crash_modules;
pub(crate) mod fields;
mod frames;
mod names;
mod openers;
mod records;
mod severity;
mod test_runs;
mod values;

use crate::drain::{drain_merges, filed_apart, unmasked_stamp, Drain, Miner, Seen, NO_TEXT};
use crate::hash::{FxHashMap, FxHashSet, FxHasher};
use crate::lines::Lines;
use crate::logline::{continues, error_words, is_logfmt_event, is_tagged_logfmt_event, unstamped};
use crate::marker::{count, lines_counting, marker_chars, Compressed};
use crate::plan::{plural, render_classified, Piece, Plan, Priority};
use crate::probes::Probes;
use crate::re::re;
use crate::Options;
use ahead::{read_ahead, Ahead};
use fields::{json_words, Columns};
use openers::{keep_openers, request_opener};
use test_runs::keep_test_failures;
use names::{code_place_at_end, codes_given, names_given, places_given, addresses_given, FirstNames, CODES_PER_MESSAGE, PLACES_PER_MESSAGE, ADDRESSES_PER_MESSAGE, WARNINGS_PER_TEMPLATE};
pub use severity::Level;
use severity::{level_at, severity};
use std::hash::Hasher;
use values::Values;

/// A run of repeats folds only when it holds this many times the characters of its marker
/// (about eleven times its tokens over our log sets: log text averages 2.8 characters a token,
/// a marker 2.0). Every marker is read and interrupts the lines around it; a short run reads
/// better, and costs little more, verbatim. Markers stay under 5% of what is read.
const FOLD_PAYS: usize = 15;
/// A template seen at most this often is a rare event: under a budget it outranks the first
/// examples of frequent templates.
const RARE: usize = 3;
/// A JSON record of at least this many words (`key=value` pairs, and the words of their texts)
/// that differs from its template's in a value is one more request or event of its kind (an
/// access log's record of a hundred words, whose headers, path or client differ): a few words
/// are a small share of it. So is a record of fields alone, each value one word (Zeek's record of
/// a connection or a DNS query, Suricata's of a flow: addresses, ports, names, codes), which
/// says no event in words (see `fields::holds_text`). In a shorter record with a text (an
/// application's message and a few fields) the words that differ may be most of it, and say
/// what happened: it folds only as its template's repeats do.
const RECORD_WORDS: u16 = 40;
/// A template seen at most this often is kept whole: rare events are signal.
const KEEP_ALL_UP_TO: usize = 2;
/// An error message repeated at least this often also keeps its last occurrence.
const LAST_AFTER: usize = 10;
/// An error message repeated into a log's last this many lines also keeps its last occurrence:
/// how a log ends is the state it leaves (a backend that flaps down, up, down ends down).
const TAIL: usize = 10;
/// The lines that opened the log, said again in the same order, mark the program starting
/// again (after a crash, a restart): each time, the first of them stays, unless it recurs more
/// often than this (a crash loop's many restarts fold as repeats do).
const RESTARTS_SHOWN: usize = 8;
/// Continuation lines an error event may hold.
const MAX_EVENT_LINES: usize = 50;
/// Lines folded for saying what a line kept above said must be this many times their marker's
/// characters (see `fold_said_above`): less than `FOLD_PAYS`, since they say nothing new.
const SAID_PAYS: usize = 3;
/// Lines said above that fold with no fold beside them: at least this many in a row.
const SAID_ALONE: usize = 3;
/// A line says something worth the comparison from this many characters after its time: a
/// blank or a brace is no repeat to point out.
const SAID_MIN_CHARS: usize = 4;
/// Runs at least this long say what varied in them: in a short run the lines say it better.
const VALUES_MIN_LINES: usize = 20;
/// Runs at least this long say the time span they cover, where lines carry times.
const SPAN_MIN_LINES: usize = 20;

/// What the first pass learnt about one line.
#[derive(Clone, Copy)]
enum Role {
    /// a mined line: its template, what it showed, its level and (for errors) its message
    Event {
        template: u32,
        /// its masked shape, when the miner kept count of it
        shape: Option<u32>,
        seen: Seen,
        level: Level,
        /// whether the line states its level (a level word, a JSON `level`, a status)
        declared: bool,
        message: u64,
        /// whether `message` is a client's probes', not its own request's (see `Probes`)
        probing: bool,
        /// continuation lines of an error event that follow it (see `continues_event`)
        more: u16,
        /// where a variant changed: for a record, the field whose quoted text brought a word it
        /// had not shown; for a line, the argument of its message after the word that names
        /// its event (see `changes_an_argument`); `drain::NO_TEXT` otherwise. One more name,
        /// and a value, when what stands there turns over in the whole log
        text_at: u8,
        /// how many whitespace-separated words it has. Masking makes a quoted value or a list
        /// one token, so lines of one template may differ in length: an empty list where the
        /// others hold values, a quoted text of other words. A line whose length no other line
        /// of its template shares is an event seen once to a miner that groups lines by their
        /// number of words first, as Drain does, and it stays.
        words: u16,
        /// for a JSON record of `RECORD_WORDS` words or more, or of fields alone, its lengths
        /// to a miner that splits on whitespace (see `fields::record_lengths`); 0 for any
        /// other line
        record: u32,
    },
    /// a continuation line of the error event above, handled by its first line
    InEvent,
    /// the first line of a stack trace block that runs to `end` (1-based, inclusive)
    Trace { end: usize, repeat: bool },
    /// inside a stack trace block, handled by its first line
    InTrace,
}

pub fn compress(text: &str, opts: &Options) -> Compressed {
    // (the lines as written, split in the pass that looks for an escape)
    let scanned = crate::lines::split_scanning(text, most_lines(text.len()));
    let Some((raw, escaped)) = scanned.filter(|(raw, escaped)| !too_many_lines(newlines(raw), text.len(), *escaped)) else {
        return crate::fold::compress(text, opts);
    };
    // a log read as written, or the generic folder's when its plan would not fit the bound
    let as_written = |raw: Lines| {
        let (plan, problems) = read_ahead(&raw.lines, &raw.lines, |ahead| plan(&raw, &raw, None, 0, ahead));
        let Some(plan) = plan else {
            drop(raw);
            return crate::fold::compress(text, opts);
        };
        render_classified(&plan, &raw, opts, problems.as_deref())
    };
    // a container runtime's records are mined by the lines they hold (see `records`), and
    // lines without their terminal escapes (colours, CI timestamps), which are no part of what
    // they say; both are kept as written (a log without an escape is not searched for one again)
    let record_lines = records::record_lines(&raw);
    let records = record_lines.is_some();
    let (read, escaped) = match &record_lines {
        Some(lines) => (lines.as_str(), memchr::memchr(crate::escapes::ESC, lines.as_bytes()).is_some()),
        None => (text, escaped),
    };
    // the copy mined: the lines read without their escapes, or the records' lines when they have
    // none; records' lines with escapes are held only until their colours are read
    let (plain, coloured) = match escaped.then(|| crate::escapes::strip(read)).flatten() {
        Some(stripped) => (Some(stripped), record_lines),
        None => (record_lines, None),
    };
    match plain {
        Some(plain) => {
            let lines = crate::lines::split_stripped(&plain, text);
            let colours = escaped
                .then(|| match &coloured {
                    Some(record_lines) => crate::escapes::line_colours(&crate::lines::split_stripped(record_lines, text).lines, &lines.lines),
                    None => crate::escapes::line_colours(&raw.lines, &lines.lines),
                })
                .flatten();
            drop(coloured);
            // the copy mined and the lines' colours are held beside the plan
            let held = plain.len() + colours.as_ref().map_or(0, |c| c.len() * COLOUR_BYTES);
            let (plan, problems) = read_ahead(&lines.lines, &raw.lines, |ahead| plan(&lines, &raw, colours.as_deref(), held, ahead));
            // the copy is gone before the output is written
            drop(colours);
            drop(lines);
            drop(plain);
            match plan {
                Some(plan) => render_classified(&plan, &raw, opts, problems.as_deref()),
                // (records whose lines' plan would not fit beside their copy are read as written)
                None if records => as_written(raw),
                None => {
                    drop(raw);
                    crate::fold::compress(text, opts)
                }
            }
        }
        None => as_written(raw),
    }
}

/// Whether a CI service stamps the lines (see `unstamped`), as far as the first of them tell.
/// (Only for a log of lines whose state the memory bound leaves free.)
fn stamped(lines: &[&str]) -> bool {
    lines.len() <= FREE_LINES && lines.iter().take(STREAM_SAMPLE).any(|l| unstamped(l).len() < l.len())
}

/// Bytes of working state mining costs per line: the line's slice, its role, and its share of
/// the plan.
const STATE_PER_LINE: usize = 64;
/// Lines any input may have before their state counts against the memory bound.
const FREE_LINES: usize = 500_000;

/// Whether mining a text of `size` bytes and `newlines` lines would cost more than twice its
/// size in per-line state (once its size when it is mined through a copy without its escapes):
/// input of lines far shorter than log events (100 MB of two-byte lines is 50 million lines, 3
/// GB of state). Peak memory must stay under three times the input plus 64 MB, so such input
/// goes to the generic folder, which streams it in bounded memory, as the sniffer would send it.
fn too_many_lines(newlines: usize, size: usize, escaped: bool) -> bool {
    let room = if escaped { size } else { 2 * size };
    newlines > FREE_LINES && newlines * STATE_PER_LINE > room
}

/// Newlines past which a text of `size` bytes has too many lines (see `too_many_lines`),
/// escaped or not: their slices (16 bytes a line) are not held past that.
fn most_lines(size: usize) -> usize {
    FREE_LINES.max(2 * size / STATE_PER_LINE)
}

/// The newlines of the text split into `lines`.
fn newlines(lines: &Lines) -> usize {
    lines.lines.len().saturating_sub(usize::from(!lines.trailing_newline))
}

/// Plans a log, or `None` when planning it would not stay within the memory bound (see
/// `plan_fits`) beside the `held` bytes the caller holds for it. `lines` are read without
/// their escapes, `raw` as written, line for line; `colours` are the lines' colours when they
/// differ (`escapes::line_colours`).
pub fn plan(lines: &Lines, raw: &Lines, colours: Option<&[u64]>, held: usize, ahead: Option<&mut Ahead>) -> Option<Plan> {
    // the miner's share of the memory bound: the heap it frees is still held while the output,
    // which can be as large as the input, is written and copied out
    // (the input's size: the copy mined, of records' lines, may be half of it)
    let size: usize = raw.lines.iter().map(|l| l.len() + 1).sum();
    let room = crate::bound::state_room(size);
    let mut miner = Miner::within(room / 4);
    // the lines read ahead are held beside the plan, and so are the paths clients failed on
    let held = held + ahead.as_ref().map_or(0, |ahead| ahead.held()) + Probes::HELD;
    // what the lines say behind a syslog header or a stream's prefix, where traces and details
    // continue events (a syslog's ISO time reads as a CI service's stamp: the header first)
    // (a stream whose prefix is a stamp alone may be a syslog behind ISO times; a tagged one,
    // `packages/core test: `, reads as a host and a program, and stays a stream)
    let prefixed = stream_prefixes(&lines.lines);
    let stamped_only = |(p, _): &(Vec<(&str, &str)>, bool)| p.iter().all(|(tag, _)| tag.is_empty());
    let behind_headers = prefixed.as_ref().map_or(true, stamped_only).then(|| syslog_bodies(&lines.lines)).flatten();
    let syslogged = behind_headers.is_some();
    let prefixed = if syslogged { None } else { prefixed };
    let bodies = match &prefixed {
        Some((p, _)) => Some(stream_bodies(&lines.lines, p)),
        None => behind_headers,
    };
    // (a log of streams interleaved, each of its services read on its own)
    let prefixes = prefixed.as_ref().filter(|&&(_, all)| all).map(|(p, _)| p.as_slice());
    let bodies = bodies.as_deref().unwrap_or(&lines.lines);
    let roles = mine(lines, raw, bodies, prefixes, colours, &mut miner, ahead);
    if !plan_fits(lines, bodies, &roles, &miner, room - room / 4, held) {
        return None;
    }
    // the lines behind a stream's prefix, a syslog's header, or the stamp a CI service writes
    // before each, where a trace's frames repeat those of a trace above (another service that
    // fails along the same path prints the same frames behind its own tag, a service under
    // systemd at another time); read when a trace is
    let unstamped_lines = std::cell::OnceCell::new();
    let frame_texts = || {
        unstamped_lines
            .get_or_init(|| match &prefixed {
                Some((p, _)) => Some(p.iter().map(|&(_, body)| body).collect::<Vec<_>>()),
                None if syslogged => Some(lines.lines.iter().map(|l| crate::logline::syslog_message(l)).collect()),
                None => stamped(&lines.lines).then(|| lines.lines.iter().map(|l| unstamped(l)).collect::<Vec<_>>()),
            })
            .as_deref()
            .unwrap_or(&lines.lines)
    };
    // how often each error message occurs, and where last
    let mut messages: FxHashMap<u64, (usize, usize)> = FxHashMap::default();
    for (i, r) in roles.iter().enumerate() {
        if let Role::Event { level, message, .. } = *r {
            if level >= Level::Error {
                let e = messages.entry(message).or_insert((0, 0));
                e.0 += 1;
                e.1 = i;
            }
        }
    }
    let (lengths, record_lengths) = lengths(&roles);
    // (a log that opens with blank lines, a banner's, opens with its first line that says something)
    let opening = lines.lines.iter().position(|l| !l.trim().is_empty()).unwrap_or(0);
    let starts = start_templates(&roles[opening..]);
    let mut drained = DrainedErrors::new(raw);
    // a payload dumped into a log is no more read whole than it was written to be
    let mut plan = Plan {
        cut_long_lines: true,
        cut_frames: true,
        error_words_anywhere: true,
        ..Plan::default()
    };
    let mut run = Run::default();
    let mut shown: FxHashSet<u64> = FxHashSet::default();
    // the restarts shown after the log's first line (see `restarted`)
    let mut restarts_shown = 0;
    // the lines that opened the requests whose errors are shown (see `request_opener`)
    let mut openers: Vec<usize> = Vec::new();
    // the names the warnings shown gave, by template, and the services' addresses the errors
    // shown named, by message
    let mut warned = FirstNames::new(WARNINGS_PER_TEMPLATE);
    // the commands a job's script ran, as echoed (see `echoed_command`)
    let mut commands: FxHashSet<&str> = FxHashSet::default();
    let mut warned_at = FirstNames::new(PLACES_PER_MESSAGE);
    // (a warning's addresses apart from its names: clients' ports may be as low as services')
    let mut warned_addresses = FirstNames::new(ADDRESSES_PER_MESSAGE);
    let mut addressed = FirstNames::new(ADDRESSES_PER_MESSAGE);
    let mut placed = FirstNames::new(PLACES_PER_MESSAGE);
    let mut coded = FirstNames::new(CODES_PER_MESSAGE);
    // and those the failures a line tells by its words alone named, by template
    let mut failed_at = FirstNames::new(ADDRESSES_PER_MESSAGE);
    // whether the lines of each shape tell a failure by their words (see `tells_a_failure`)
    let mut told_shapes: FxHashMap<u32, bool> = FxHashMap::default();
    // and the places in the code they failed at, by template (see `code_place_at_end`)
    let mut failed_in = FirstNames::new(PLACES_PER_MESSAGE);
    // what the error events kept verbatim say (see `said`), word for word: a hash of it would
    // take two texts that collide for one, and fold an error never shown
    let mut said_above: FxHashSet<((&str, &str), u64)> = FxHashSet::default();
    let mut frames = frames::ShownFrames::default();
    // the colours each template was shown in (see `line_colours`)
    let mut coloured: FxHashSet<(u32, u64)> = FxHashSet::default();
    let mut i = 0;
    while i < roles.len() {
        let n = i + 1;
        match roles[i] {
            Role::Trace { end, repeat } => {
                // (each message is marked shown, and the lines that say one not shown before
                // are noted: a trace has a few such lines)
                let mut news = Vec::new();
                for (k, message) in trace_says(&lines.lines, bodies, i, end) {
                    if shown.insert(message) {
                        news.push(k);
                    }
                }
                let first = !news.is_empty();
                // (how a log ends is the state it leaves: a crash that repeats into its last
                // lines keeps the line that raised it there, as a repeated error's message does)
                let ending = i + TAIL >= roles.len() && {
                    // (the last of its traces there)
                    let raised = message_of(lines.lines[i]);
                    !(end..roles.len()).any(|k| matches!(roles[k], Role::Trace { .. }) && message_of(lines.lines[k]) == raised)
                };
                // (an error shown right above that says nothing past its level, Rails' `F, […]
                // FATAL -- : `, says it with the trace's first line, `ActionController::
                // RoutingError (No route matches [GET] "/x"):`, which stays with it)
                let headed = i > 0
                    && says_nothing_past_level(lines.lines[i - 1])
                    && matches!(plan.pieces.last(), Some(Piece::Keep { end, .. }) if *end == i);
                if repeat && !first && !ending && !headed {
                    // the same error raised the same trace above: the whole event is a repeat,
                    // and folds with the repeats around it
                    let raised = raised_level(lines.lines[i]);
                    for m in n..=end {
                        let level = if m == n { raised } else { Level::Other };
                        run.push(m, lines.lines[m - 1].len() + 1, level);
                    }
                    run.traces += 1;
                    run.raised += (raised < Level::Error) as usize;
                } else if repeat {
                    // the line that raised it stays, and so does a line that says what was raised
                    // where that is new (the frames of a `For input string: "N/A"` are those of
                    // `"12.50"` above); the frames fold with the repeats around them
                    run.flush(&mut plan, lines, &roles);
                    plan.keep(n, Priority::Critical);
                    // (a Python traceback names what was raised on its last line, under its
                    // frames: a crash the log ends with shows it)
                    let closing = (ending && (i..end).any(|k| opens_traceback(lines.lines[k])) && is_exception_line(lines.lines[end - 1]))
                        .then_some(end);
                    for m in n + 1..=end {
                        // (`news` is in line order)
                        if news.binary_search(&(m - 1)).is_ok() || closing == Some(m) {
                            run.flush(&mut plan, lines, &roles);
                            plan.keep(m, Priority::Critical);
                        } else {
                            run.push(m, lines.lines[m - 1].len() + 1, Level::Other);
                        }
                    }
                    run.traces += (end > n) as usize;
                } else {
                    run.flush(&mut plan, lines, &roles);
                    // frames shown above are repeats the pointer leads back to: they fold when
                    // they pay like any repeat, not by the bar for a run of log lines
                    frames.keep_new_trace(&mut plan, frame_texts(), n, end, |what, s, e| {
                        crate::plan::pays_in_tokens(lines.lines[s - 1..e].iter().copied(), s, e, what)
                    });
                }
                i = end;
                continue;
            }
            Role::InTrace | Role::InEvent => {
                unreachable!("trace and event bodies are consumed by their first line")
            }
            Role::Event {
                template,
                shape,
                seen,
                level,
                declared,
                message,
                probing,
                more,
                words,
                record,
                ..
            } => {
                // a template's first line in colours it was not shown in (a build run again
                // with colour on) is news to a search for the coloured line, and stays
                let recoloured = colours.is_some_and(|c| coloured.insert((template, c[i]))) && seen != Seen::New;
                let alone = lengths[&(template, words)] == 1;
                let frequent = miner.templates[template as usize].count > KEEP_ALL_UP_TO && !alone;
                // a variant whose exact shape recurs shows a value, not a rare event: it folds
                // like a repeat, and the marker says what varied. So does a large record, or one
                // of fields alone, that differs from its template's first in a value, one more
                // request or query of its kind (see `RECORD_WORDS`),
                // unless a miner that splits on whitespace reads it as an event seen once: no
                // other record of its template has its length, counted the ways such a miner may
                let recurring = recurs(&miner, &roles[i])
                    || (record != 0
                        && seen == Seen::Variant
                        && level < Level::Warn
                        && record_lengths[&(template, words, record)] > 1);
                if level >= Level::Error {
                    // errors fold by message: the first of each stays, and the last of a long
                    // run or of the log's end; identical repeats between them fold with their
                    // count
                    // an event with continuation lines stays or folds whole
                    let first = shown.insert(message);
                    // (a service's address is noted shown either way)
                    let addresses = addresses_given(lines.lines[i]);
                    let at_another_address = addresses != 0 && addressed.first_of(message, addresses) && !first;
                    let (times, last) = messages[&message];
                    let end = n + more as usize;
                    // (and so are the places in files its lines name: a parser's second unknown
                    // command, under the line that failed on it; and the codes it failed with)
                    let places = lines.lines[i..end].iter().fold(0u64, |set, l| set.wrapping_add(places_given(l)));
                    let at_another_place = places != 0 && placed.first_of(message, places) && !first;
                    let codes = codes_given(lines.lines[i]);
                    let with_another_code = codes != 0 && coded.first_of(message, codes) && !first;
                    // an event whose every line says, word for word after its time, what a line
                    // shown above said repeats it, whatever the miner makes of a word in its
                    // stamp; unless Drain, reading the log as written, files it in a cluster of
                    // no error shown (Apache's day name, new past midnight, is the first word
                    // Drain keys its tree on). A run of apt says which it is in its record's
                    // command, above: its failure with another command is another (see
                    // `apt_command`)
                    let another_run = first && apt_command(&lines.lines, i).is_some();
                    let repeats_said = !another_run && (i..end).all(|k| said_above.contains(&said_in(&lines.lines, colours, k)));
                    // (a path a client probes past its first few is a value, not another failure;
                    // Drain is asked last, and only reads the log as far as an error asks it)
                    let new = first
                        || at_another_address
                        || at_another_place
                        || with_another_code
                        || (seen != Seen::Known && !recurring && !probing)
                        || raises_a_new_trace(&roles, &lines.lines, end);
                    // (and a program's crash loop shows its first few restarts, word for word
                    // as they may repeat)
                    if recoloured || (!repeats_said && new) || restarted(&mut restarts_shown, lines.lines[i]) || drained.unshown(i) {
                        run.flush(&mut plan, lines, &roles);
                        plan.keep_range(n, end, Priority::Critical);
                        if first {
                            openers.extend(request_opener(&lines.lines, i));
                        }
                        said_above.extend((i..end).map(|k| said_in(&lines.lines, colours, k)));
                        drained.shown(i);
                    } else if last == i && (times >= LAST_AFTER || i + TAIL >= roles.len()) {
                        run.flush(&mut plan, lines, &roles);
                        plan.keep_range(n, end, Priority::Repeated);
                        drained.shown(i);
                    } else {
                        run.push_event(n, lines.lines[i], level, template);
                        for m in n + 1..=end {
                            run.push(m, lines.lines[m - 1].len() + 1, Level::Other);
                        }
                    }
                    i = end;
                    continue;
                }
                let told_by_words = !declared && level < Level::Warn;
                // a warning that names what its template's warnings shown did not, or gives
                // another code (DISM's `CBS AddSource failed with HRESULT=0x8007007b!` after
                // `=0x8007010b!`), stays (its names are noted shown either way: a repeat of
                // them folds); and a warning, or
                // a failure a line with no level tells by its words, at another place in the
                // code (a driver's `NVRM: nvAssertFailedNoLog: Assertion failed: … @
                // rs_server.c:259` after one `@ rs_client.c:844`). (The names of word-told
                // failures fold: sshd's failed passwords name a scanner's guesses.)
                let names_more = (level == Level::Warn
                    && (warned.first_of(u64::from(template), names_given(lines.lines[i]).wrapping_add(codes_given(lines.lines[i]))) | {
                        let addresses = addresses_given(lines.lines[i]);
                        addresses != 0 && warned_addresses.first_of(u64::from(template), addresses)
                    } | {
                        let places = places_given(lines.lines[i]);
                        places != 0 && warned_at.first_of(u64::from(template), places)
                    }))
                    || (told_by_words && {
                        let place = code_place_at_end(lines.lines[i]);
                        place != 0 && error_words(crate::plan::readable_head(lines.lines[i])) && failed_in.first_of(u64::from(template), place)
                    });
                // so does a failure that a line with no level tells by its words, at another
                // service's address than its template's failures shown (Traffic Server's `CONNECT:
                // attempt fail [CONNECTION_ERROR] to 127.0.0.1:38611 for host='app.test'` after
                // a dozen for another backend's port): another backend down
                // (its addresses are noted shown when it stays for an error word: see below)
                let at_another_address = |failed_at: &mut FirstNames| {
                    let addresses = addresses_given(lines.lines[i]);
                    addresses != 0 && error_words(crate::plan::readable_head(lines.lines[i])) && failed_at.first_of(u64::from(template), addresses)
                };
                // (the program starting again: what its later lines hang on, as a fold said again.
                // The line it opened the log with, said again word for word, says so by itself:
                // Transmission's `Transmission 3.00 (bb6b5a062e) started` after a `kill -9`,
                // which left no line, and whose next lines differ from the first run's)
                // So does a line that says the host or a program started again (a syslog of many
                // boots, a crash loop), for the first few such
                let restarts = i > opening
                    && ((miner.templates[template as usize].count <= RESTARTS_SHOWN
                        && template_of(&roles[opening]) == Some(template)
                        && (said(lines.lines[i]) == said(lines.lines[opening]) || starts_again(&roles, &lines.lines, i, starts)))
                        || restarted(&mut restarts_shown, lines.lines[i]));
                // and so does each command a job's script ran, the first time it ran
                let ran = echoed_command(lines.lines[i]).is_some_and(|command| commands.len() < COMMANDS_SHOWN && commands.insert(command));
                if (seen == Seen::Known || recurring) && frequent && !recoloured && !names_more
                    && !restarts
                    && !ran
                    && !(told_by_words && at_another_address(&mut failed_at))
                    // (a line that states a level below warning, `INFO`, raised no trace)
                    && (declared && level < Level::Warn || !raises_a_new_trace(&roles, &lines.lines, n))
                {
                    // a repeat of a template shown above, warnings included: the first of each
                    // stays verbatim, and the marker says what varied (and counts errors only,
                    // a failure a line with no level tells by its words among them: the
                    // kernel's `/dev/sdb: Can't open blockdev` folded among other lines after
                    // `/dev/sdd`'s is one more disk that failed; a tally of none, `0 failed`,
                    // tells none. Their values are not listed: read on every call, a list for
                    // the words of each would cost more)
                    run.push_event(n, lines.lines[i], level, template);
                    if told_by_words && error_words(crate::plan::readable_head(lines.lines[i])) && !crate::logline::tallies_no_failure(lines.lines[i]) {
                        // (the guard's reading of a line costs much where a third of a log's
                        // lines hold error words: it is asked once a shape, values masked)
                        let line = lines.lines[i];
                        if shape.map_or_else(|| tells_a_failure(line), |s| *told_shapes.entry(s).or_insert_with(|| tells_a_failure(line))) {
                            run.push_told();
                        }
                    }
                } else {
                    run.flush(&mut plan, lines, &roles);
                    // a line that states a level below warning is no error for a word in its
                    // text (`INFO - retry: … 'error_list': …`): it may be cut like any other;
                    // a warning's error words may say what failed (`W0102 … failed to list …`)
                    let informs = declared && level < Level::Warn;
                    let priority = if restarts {
                        Priority::Heading
                    } else if !informs
                        && error_words(crate::plan::readable_head(lines.lines[i]))
                    {
                        if told_by_words {
                            at_another_address(&mut failed_at);
                        }
                        Priority::Critical
                    } else if level == Level::Warn
                        || alone
                        || miner.templates[template as usize].count <= RARE
                    {
                        Priority::Notable
                    } else {
                        Priority::Summary
                    };
                    plan.keep(n, priority);
                }
            }
        }
        i += 1;
    }
    run.flush(&mut plan, lines, &roles);
    let mut plan = keep_openers(fold_said_above(plan, lines, &roles, colours), lines);
    openers.extend(last_word(&plan, lines, &roles));
    // (past the first restarts shown, the last says how many there were: systemd's `restart
    // counter is at 554`)
    if restarts_shown == RESTARTS_SHOWN {
        openers.extend((1..=lines.lines.len()).rev().find(|&n| crate::logline::says_restarted(lines.lines[n - 1])));
    }
    if !openers.is_empty() {
        openers.sort_unstable();
        openers.dedup();
        plan = crate::guard::keep_in_place(&plan, openers, lines, Priority::Notable);
    }
    let plan = crash_modules::keep_first_frames(keep_test_failures(plan, lines, prefixes), lines);
    Some(openers::keep_where_lines_stand(plan, lines))
}

/// The log's last line (1-based), when a fold of several kinds of lines ends the log: the last
/// line says how it all ended (a watcher's `Found 0 errors. Watching for file changes.` after
/// its `Found 1 error.`, a server listening again after its crash), which the lines shown above
/// the fold may say otherwise. A fold of one template's lines says what they are already.
fn last_word(plan: &Plan, lines: &Lines, roles: &[Role]) -> Option<usize> {
    let Some(&Piece::Fold { start, end, .. }) = plan.pieces.last() else {
        return None;
    };
    let mut templates = roles[start - 1..end].iter().filter_map(template_of);
    let first = templates.next()?;
    if templates.all(|t| t == first) {
        return None;
    }
    // (a stamp over a blank line says nothing; nor does a line that says word for word what
    // the last line shown above the fold says, a job's `##[endgroup]`)
    let last = (start..=end).rev().find(|&n| !said(lines.lines[n - 1]).1.trim().is_empty())?;
    let shown_last = plan.pieces.iter().rev().find_map(|p| match *p {
        Piece::Keep { end, .. } | Piece::Restate { end, .. } => Some(end),
        Piece::Fold { .. } => None,
    });
    (shown_last.map(|n| said(lines.lines[n - 1])) != Some(said(lines.lines[last - 1]))).then_some(last)
}

/// Drain's clusters of a short log's lines, read as far as an error asks (see `unshown`), and
/// the clusters with an error shown.
struct DrainedErrors<'a> {
    /// the lines as written; none for a log past `drain::READS_WHOLE_UP_TO` lines
    raw: &'a [&'a str],
    drain: Drain,
    /// each line's cluster read so far, by its serial (see `Drain::cluster`)
    clusters: Vec<Option<u32>>,
    shown: FxHashSet<u32>,
    /// error lines shown past the lines read
    pending: Vec<usize>,
}

impl<'a> DrainedErrors<'a> {
    fn new(raw: &'a Lines) -> DrainedErrors<'a> {
        let raw = if raw.lines.len() <= crate::drain::READS_WHOLE_UP_TO { &raw.lines[..] } else { &[] };
        DrainedErrors { raw, drain: Drain::default(), clusters: Vec::new(), shown: FxHashSet::default(), pending: Vec::new() }
    }

    /// Whether error line `i`, which our miner takes for a repeat of a message shown above, is
    /// the first error of its cluster to Drain reading the whole log as written: it is another
    /// event to Drain when words it reads as the event's differ (another tenant's ids in an
    /// OpenStack request's context, another disk's name). One of them stays.
    fn unshown(&mut self, i: usize) -> bool {
        self.cluster(i).is_some_and(|c| !self.shown.contains(&c))
    }

    /// Error line `i` stays.
    fn shown(&mut self, i: usize) {
        if i < self.clusters.len() {
            if let Some(c) = self.clusters[i] {
                self.shown.insert(c);
            }
        } else if i < self.raw.len() {
            self.pending.push(i);
        }
    }

    /// Line `i`'s cluster, once Drain has read the lines up to it (only when an error asks: a
    /// log whose errors are all new needs none of it). None for a JSON record, whose errors
    /// fold by their fields (a request's by its method, path and status, see `Probes`), where
    /// Drain would read its punctuation as words.
    fn cluster(&mut self, i: usize) -> Option<u32> {
        if i >= self.raw.len() || self.raw[i].trim_start().starts_with('{') {
            return None;
        }
        while self.clusters.len() <= i {
            let line = self.raw[self.clusters.len()];
            self.clusters.push(self.drain.cluster(line));
        }
        for k in std::mem::take(&mut self.pending) {
            self.shown(k);
        }
        self.clusters[i]
    }
}

/// A line that says word for word, after its time, what a line kept verbatim above said (a
/// job's `##[endgroup]`, the preamble each `dnf` run logs, a second boot's kernel lines) says
/// nothing new: it folds even where a run of repeats is too short to pay for a marker by
/// `FOLD_PAYS`, when the folded lines are `SAID_PAYS` times its marker. A fold beside it joins
/// its marker. Errors keep their own rules (by message, with their last occurrence: see `plan`).
fn fold_said_above(plan: Plan, lines: &Lines, roles: &[Role], colours: Option<&[u64]>) -> Plan {
    let pointed: FxHashSet<(usize, usize)> = plan.pointers.iter().map(|p| p.fold).collect();
    let pointed = |start: usize, end: usize| pointed.contains(&(start, end));
    // what each kept line says, and in which colours: the lines kept that say it
    let mut shown: FxHashMap<((&str, &str), u64), Vec<usize>> = FxHashMap::default();
    let says = |n: usize| said_in(&lines.lines, colours, n - 1);
    // (a line Drain files under another first word than every kept line that says it, a
    // syslog's month, is another branch of its tree, an event seen once to it: the same boot's
    // lines in another month)
    let said_above = |shown: &FxHashMap<_, Vec<usize>>, says, n: usize| {
        shown.get(&says).is_some_and(|kept: &Vec<usize>| kept.iter().any(|&k| !filed_apart(lines.lines[k - 1], lines.lines[n - 1])))
    };
    // (one kept line a branch is enough to compare with)
    let note = |shown: &mut FxHashMap<_, Vec<usize>>, n: usize| {
        if !said_above(shown, says(n), n) {
            shown.entry(says(n)).or_default().push(n);
        }
    };
    // pieces, and for each whether it is a line folded here
    let mut pieces: Vec<(Piece, bool)> = Vec::with_capacity(plan.pieces.len());
    for piece in &plan.pieces {
        match *piece {
            Piece::Keep { start, end, priority } if priority < Priority::Critical && priority != Priority::Repeated => {
                for n in start..=end {
                    let says = says(n);
                    let error = matches!(roles[n - 1], Role::Event { level, .. } if level >= Level::Error);
                    // (a line too short to say much stays, unless it says nothing: a blank line
                    // behind its stamp joins the folds around it)
                    let says_enough = says.0 .1.trim().len() >= SAID_MIN_CHARS || says.0 .1.trim().is_empty();
                    if !error && says_enough && said_above(&shown, says, n) {
                        pieces.push((Piece::Fold { start: n, end: n, what: String::new() }, true));
                    } else {
                        note(&mut shown, n);
                        pieces.push((Piece::Keep { start: n, end: n, priority }, false));
                    }
                }
            }
            Piece::Keep { start, end, .. } | Piece::Restate { start, end, .. } => {
                for n in start..=end {
                    note(&mut shown, n);
                }
                pieces.push((piece.clone(), false));
            }
            Piece::Fold { .. } => pieces.push((piece.clone(), false)),
        }
    }
    let mut out = Plan { pieces: Vec::with_capacity(pieces.len()), ..plan };
    let mut i = 0;
    while i < pieces.len() {
        // a stretch of folds that holds a line folded here, with no pointed fold in it
        let joins = |(p, _): &(Piece, bool)| matches!(p, Piece::Fold { start, end, .. } if !pointed(*start, *end));
        let mut j = i;
        while j < pieces.len() && joins(&pieces[j]) {
            j += 1;
        }
        if j == i || !pieces[i..j].iter().any(|(_, new)| *new) {
            out.pieces.push(pieces[i].0.clone());
            i += 1;
            continue;
        }
        let (start, _) = crate::plan::piece_range(&pieces[i].0);
        let (_, end) = crate::plan::piece_range(&pieces[j - 1].0);
        let errors = roles[start - 1..end]
            .iter()
            .zip(&lines.lines[start - 1..end])
            .filter(|(r, line)| match r {
                Role::Event { level, .. } => *level >= Level::Error,
                Role::Trace { .. } => raised_level(line) >= Level::Error,
                _ => false,
            })
            .count();
        // the stack traces the joined folds held are still counted (see `Run::raised`), and
        // frames among them are no repeats of the line above; whether the fold pays does not
        // hang on the words that say so (as a run's, see `Run::flush`)
        let traces = folded_traces(&roles[start - 1..end], &lines.lines[start - 1..end]);
        let above = shown_above(&out.pieces, roles, start);
        // (no time span: the lines kept around it say when)
        let what = describe(start, end, roles, above, traces, errors);
        let chars: usize = lines.lines[start - 1..end].iter().map(|l| l.len() + 1).sum();
        // folded lines with no fold beside them stand alone in their marker: one more
        // interruption, worth it for a stretch of them only
        let alone = pieces[i..j].iter().all(|(_, new)| *new) && end - start + 1 < SAID_ALONE;
        if !alone && chars >= SAID_PAYS * marker_chars(&describe(start, end, roles, above, (0, 0), errors), start, end) {
            out.fold(start, end, what);
        } else {
            // too short to fold even so: the lines stay, the folds beside them as they were
            for (p, new) in &pieces[i..j] {
                match (p, new) {
                    (Piece::Fold { start, .. }, true) => out.keep(*start, Priority::Ordinary),
                    (p, _) => out.pieces.push(p.clone()),
                }
            }
        }
        i = j;
    }
    out
}

/// The stack traces among folded `roles` (with their `lines`), a trace's frames without the
/// line that raised it counted too, and of them those raised below error, each folded with
/// the line that raised it: as `describe` takes them.
fn folded_traces(roles: &[Role], lines: &[&str]) -> (usize, usize) {
    let frames_alone = usize::from(matches!(roles.first(), Some(Role::InTrace)));
    let raised = roles.iter().zip(lines).filter(|(r, _)| matches!(r, Role::Trace { .. })).map(|(_, l)| raised_level(l));
    raised.fold((frames_alone, 0), |(traces, below), level| (traces + 1, below + usize::from(level < Level::Error)))
}

/// The level a trace's first line raises it at: the level its line states (a warning's trace
/// is no error, nor is a goroutine's in a dump of them all, nor a stack that opens with a frame,
/// zap's under the error it logged (`redis-priv-operator/pkg/logger.ERROR` names a function), nor a slow request's that
/// php-fpm's slowlog dumps under its `script_filename = /var/www/x.php`, nor a thread's in a
/// crash report, `Stack trace of thread 36188:`, which says no more than where it stood); a bare exception
/// line is an error.
fn raised_level(line: &str) -> Level {
    // (what the line says behind a syslog header, where a service's dump was written line by line)
    let said = crate::logline::syslog_message(line);
    let opens_with_a_frame = frames::is_frame(said) && !raises_an_exception(said);
    if crate::logline::is_goroutine_header(said) || said.starts_with("script_filename = ") || lists_a_thread(said) || opens_with_a_frame {
        Level::Other
    } else {
        crate::logline::declared(line).unwrap_or(Level::Error)
    }
}

/// Whether `said` names an exception raised, though it reads as a frame: a bare exception's
/// name reads as a Go function's (`java.lang.OutOfMemoryError` as `pkg/logger.ERROR`). A bare
/// name is an exception's only as a class's, capitalised and ending in `Exception` or `Error`
/// (`main.handleError` and `os.Exit` are functions).
fn raises_an_exception(said: &str) -> bool {
    let t = said.trim();
    exception_header(t)
        && (t.contains(": ")
            || t.rsplit('.').next().is_some_and(|name| {
                name.starts_with(|c: char| c.is_ascii_uppercase()) && (name.ends_with("Exception") || name.ends_with("Error"))
            }))
}

/// Bytes of state each line holds once mined: its slice and its role.
const MINED_BYTES: usize = std::mem::size_of::<&str>() + std::mem::size_of::<Role>() + LENGTHS_BYTES;
/// Bytes a line's template and word count may add to `lengths`, with room for its map to grow.
const LENGTHS_BYTES: usize = 2 * std::mem::size_of::<((u32, u16), u32)>() + 2 * std::mem::size_of::<((u32, u16, u32), u32)>();
/// Bytes each line that stays costs: its piece of the plan, two more while `fold_said_above`
/// rewrites the plan (its pieces, then the plan it writes), and what the line says among the
/// lines shown there, with room for that set to grow. (A log whose every line is new, 8 MB of
/// random words, peaked at 93 MB against a bound of 90 when only the first piece counted.)
const KEPT_BYTES: usize = 3 * std::mem::size_of::<Piece>() + 2 * std::mem::size_of::<((&str, &str), u64)>();
/// Bytes an error message adds: its count and its place among the messages shown.
const MESSAGE_BYTES: usize = 48;
/// Bytes each line's colours hold, when lines differ in them (`escapes::line_colours`), with
/// the colours each template was shown in.
const COLOUR_BYTES: usize = 8 + 24;
/// Bytes each line of an error event kept verbatim adds: what it says (`said`, a slice of the
/// line), with room for its set to grow.
const SAID_BYTES: usize = 32;

/// Whether a variant of a template recurs in its exact shape, or differs only in an argument:
/// it shows a value, not a rare event, and folds like a repeat. A warning or an error that
/// differs in an argument gives another reason or names another failure (which web
/// application failed to start): it folds only when its shape recurs.
fn recurs(miner: &Miner, role: &Role) -> bool {
    let Role::Event { template, shape, seen, level, text_at, .. } = *role else {
        return false;
    };
    // an argument is a name among names (another package, another pod in a label set), and a
    // value, when what stands there turns over in the whole log, not in the lines read so far:
    // a handful of commands seen early turn over until they recur, and the states an order
    // goes through recur, so a new one (`refunded`) is another event
    let argument = text_at != NO_TEXT && level < Level::Warn && miner.names_at(template, text_at);
    seen == Seen::Variant && (argument || shape.is_some_and(|s| miner.shape_count(s) > KEEP_ALL_UP_TO))
}

/// Whether planning the mined `roles` stays within `room` bytes: the roles, a piece of the plan
/// for each line that may stay, the error messages counted, and the larger of the `held` bytes
/// (the copy without escapes, gone before the output is written) and the output, which holds
/// the lines that stay and is copied out once. The lines that stay are counted as `plan` keeps
/// them: a repeat of a frequent template folds, warnings included, as does an error or a
/// repeated trace whose message was shown above; a new trace stays whole (though the frames
/// it shares with a trace above may fold). Input whose lines are mostly new (every line an
/// error of its own, or words at random) would take several times its size; the generic
/// folder, which streams, takes it, as it takes input of very short lines (`too_many_lines`).
fn plan_fits(lines: &Lines, bodies: &[&str], roles: &[Role], miner: &Miner, room: usize, held: usize) -> bool {
    // the roles, then a piece for each line that stays, and the messages
    let mut state = lines.lines.len() * MINED_BYTES;
    // the bytes of the lines that stay, in the output and in its copy
    let mut output = 0;
    // the messages of the errors and traces shown so far
    let mut shown: FxHashSet<u64> = FxHashSet::default();
    let mut i = 0;
    while i < roles.len() {
        let start = i;
        let stays = match roles[i] {
            Role::Trace { end, repeat } => {
                let mut first = false;
                for (_, message) in trace_says(&lines.lines, bodies, i, end) {
                    first |= shown.insert(message);
                }
                i = end;
                // a repeated trace keeps the line that raised it, the first time only
                match (repeat, first) {
                    (false, _) => end,
                    (true, true) => start + 1,
                    (true, false) => start,
                }
            }
            Role::Event {
                template,
                seen,
                level,
                message,
                more,
                ..
            } => {
                let repeat = seen == Seen::Known || recurs(miner, &roles[i]);
                let folds = if level >= Level::Error {
                    // a message's count and place are held once, what an event says for each
                    // that stays: a repeat that folds holds no more than its role (a scanner's
                    // 300,000 failed requests under a few messages)
                    let new = shown.insert(message);
                    let folds = !new && repeat;
                    state += if new { MESSAGE_BYTES } else { 0 } + if folds { 0 } else { SAID_BYTES * (1 + more as usize) };
                    i += 1 + more as usize;
                    folds
                } else {
                    i += 1;
                    repeat && miner.templates[template as usize].count > KEEP_ALL_UP_TO
                };
                if folds {
                    start
                } else {
                    i
                }
            }
            Role::InTrace | Role::InEvent => {
                i += 1;
                i
            }
        };
        let stay = &lines.lines[start..stays];
        state += stay.len() * KEPT_BYTES;
        output += 2 * stay.iter().map(|l| l.len() + 1).sum::<usize>();
        // the messages counted so far hold memory too: stop as soon as the answer is known
        if state + held.max(output) > room {
            return false;
        }
    }
    true
}

/// First pass: stack trace blocks, then templates and levels of every other line.
fn mine(
    lines: &Lines,
    raw: &Lines,
    bodies: &[&str],
    prefixes: Option<&[(&str, &str)]>,
    colours: Option<&[u64]>,
    miner: &mut Miner,
    mut ahead: Option<&mut Ahead>,
) -> Vec<Role> {
    let mut roles = Vec::with_capacity(lines.lines.len());
    let mut traces: FxHashSet<u64> = FxHashSet::default();
    // the functions a kernel's call traces named so far (see `kernel_frame`)
    let mut kernel_calls: FxHashSet<u64> = FxHashSet::default();
    let mut continuations = ContinuationRun::default();
    let mut masked = String::new();
    let mut words = String::new();
    let mut columns = Columns::default();
    let mut probes = Probes::default();
    let mut named_errors = NamedErrors::default();
    let mut processes = Processes::default();
    // each template's first line, which Drain would compare the others with, whether it opens
    // with a stamp Drain cannot mask, and whether it is strace's
    let mut firsts: Vec<(usize, bool, bool)> = Vec::new();
    // Drain's own clusters of the lines behind a stamp it cannot mask, and of strace's
    let mut drain = Drain::default();
    // and of the variants Drain would not join to their template's first line: it joins a
    // variant to the event the first like it opened (strace's read of each perl module's text
    // after the first, where the first read was of a library's header)
    let mut variants = Drain::default();
    // the variants that changed several words of their template's first line, which Drain
    // joins to it: values, if every position they changed turned into a wildcard
    let mut several: Vec<(usize, u32, u64)> = Vec::new();
    // the variants that brought a state's name (see `Mined::state_at`)
    let mut states: Vec<(usize, u32, u8)> = Vec::new();
    // where the last stack trace ended
    let mut last_trace_end: Option<usize> = None;
    let mut i = 0;
    while i < lines.lines.len() {
        if let Some(end) = trace_block(bodies, i, &mut continuations) {
            // a trace repeats when its frames have the same shapes as an earlier one's, at the
            // same lines of code, whatever the line that raised it says
            let mut h = FxHasher::default();
            for l in &bodies[i + 1..end] {
                masked.clear();
                crate::mask::push_masked_words(l, &mut masked);
                if frames::is_frame(l) {
                    crate::mask::push_line_numbers(l, &mut masked);
                }
                h.write(masked.as_bytes());
                h.write_u8(b'\n');
            }
            // a crash report's other threads, their stacks listed one under the other after the
            // crashing thread's (systemd-coredump's `Stack trace of thread 36188:`), fold as a
            // repeat's frames do: their first lines stay
            let another_thread = lists_a_thread(bodies[i])
                && last_trace_end.is_some_and(|e| e <= i && bodies[e..i].iter().all(|l| l.trim().is_empty()));
            let repeat = !traces.insert(h.finish()) || another_thread;
            last_trace_end = Some(end);
            roles.push(Role::Trace { end, repeat });
            roles.extend(std::iter::repeat(Role::InTrace).take(end - i - 1));
            i = end;
            continue;
        }
        let line = lines.lines[i];
        if i == 0 { columns.learn_first(line) } else { columns.learn(line) };
        let sev = match ahead.as_deref_mut() {
            Some(ahead) if !columns.known() => ahead.severity(i),
            _ => severity(line, &columns),
        };
        // a header behind a stream's prefix states its level as an unprefixed one does
        // (`rabbitmq-1  | =CRASH REPORT==== … ===`, `browser-1  | [6256:6329:…:ERROR:bus.cc:405]`)
        let sev = match crate::logline::banner_level(bodies[i]) {
            Some((level, _)) if bodies[i].len() < line.len() => severity::stated(level),
            _ => sev,
        };
        // a record whose fields are printed a line each under it (pino-pretty) fails by the
        // request's status among them, as an access log's line does
        let pretty = (sev.level < Level::Error).then(|| fields::pretty_failure(line, &bodies[i + 1..])).flatten();
        let sev = pretty.map_or(sev, |(failed, _)| failed);
        // (whether the line is plain, not a record, and whether it is a logfmt record)
        let (mut logfmt, mut console) = (false, false);
        let mut json = false;
        let (mined, plain) = if json_words(line, &mut words) {
            console = quotes_before_fields(line);
            json = true;
            (miner.add_record(&words), false)
        } else if sev.http || (columns.known() && !line.starts_with('#')) {
            (miner.add_record(line), false)
        } else if is_logfmt_event(line) || is_tagged_logfmt_event(line) {
            logfmt = true;
            (miner.add_record(line), false)
        } else {
            let warning = sev.level >= Level::Warn;
            match ahead.as_deref_mut().map(|ahead| ahead.masked(i)) {
                Some(masked) => (miner.add_premasked(line, masked, warning), true),
                None if warning => (miner.add_warning(line), true),
                None => (miner.add(line), true),
            }
        };
        // (read only where the rule that asks for them applies: parsing a record costs)
        let record = if json && (mined.words >= u32::from(RECORD_WORDS) || !crate::log::fields::holds_text(raw.lines[i])) {
            crate::log::fields::record_lengths(raw.lines[i])
        } else {
            0
        };
        let template = mined.template as usize;
        if template >= firsts.len() {
            firsts.resize(template + 1, (i, plain && unmasked_stamp(line), plain && crate::logline::is_strace(line)));
        }
        let (first, stamped, traced) = firsts[template];
        // (a line Drain files apart from its template's first, under another first word)
        let apart = plain && !stamped && !traced && mined.seen != Seen::New && filed_apart(lines.lines[first], line);
        let mut probing = false;
        let mut message = match sev.key {
            Some(key) => {
                let message = probes.message(line, key);
                probing = message != key.request;
                message
            }
            // (a record's by its fields, whose ids are values: see `json_words`)
            // (and by the service that failed, for a message's first few services as for its
            // first few files: five replicas that each find no GPU are five failures, where the
            // log's templates are mined per service too; five hundred fold past the first)
            None if sev.level >= Level::Error => {
                let message = named_errors.message(messages_of(if json { &words } else { line }));
                let message = match prefixes.and_then(|p| crate::logline::service_name(p[i].0)) {
                    Some(service) => named_errors.message((message, message.rotate_left(3) ^ crate::hash::of_text(service))),
                    None => message,
                };
                // (and a run of apt's failure by its command: dpkg's `returned an error code
                // (1)` installing ethtool is another failure than installing insserv. Each
                // command, not a message's first few services': a host installs each on purpose)
                apt_command(&lines.lines, i).map_or(message, |command| message.rotate_left(9) ^ crate::hash::of_text(command))
            }
            None => 0, // only errors fold by message
        };
        let mut more = 0;
        if let Some((_, fields)) = pretty {
            // the record's fields are its request's, which its key names: its id is no part of it
            more = fields;
        } else if sev.level >= Level::Error {
            // the event's continuation lines are part of its message
            let announced = if announces_lines(line) {
                paragraph_below(&bodies[i + 1..])
            } else if crate::logline::is_report_header(bodies[i]) {
                report_below(&bodies[i + 1..])
            } else {
                0
            };
            while i + 1 + more < lines.lines.len()
                && more < MAX_EVENT_LINES
                && (more < announced
                    || continues_event(bodies[i + 1 + more])
                    || details_the_event(line, lines.lines[i + 1 + more])
                    || relays_a_frame(line, lines.lines[i + 1 + more])
                    || (more > 0 && blank_within(bodies[i + 1], &bodies[i + 1 + more..])))
            {
                message = message.rotate_left(5) ^ continuation_says(bodies[i + 1 + more]);
                more += 1;
            }
            // and so are their colours, as a template's first line in other colours stays (see
            // `escapes::line_colours`): a search for a line of the event in colours not shown (a
            // compiler's secondary span, blue where the primary one was red) finds it only if
            // the event stays
            for &c in colours.map_or(&[][..], |c| &c[i..=i + more]) {
                message = message.rotate_left(7) ^ c;
            }
        }
        // a variant that Drain reads as another event (see `drain_merges`) is a rare event,
        // whatever shape and argument our miner finds in it, unless Drain joins it to the
        // event a variant like it opened above. Drain reads a line as it was written, colours
        // and all: a number glued to them is no number it masks
        let drained = if plain && (stamped || traced) {
            // behind a stamp Drain cannot mask, which makes every line differ in one more word,
            // Drain itself says (see `Drain`); and for strace's lines, whose call our miner takes
            // for the event's name (`rt_sigaction(SIGTERM, …)` after `rt_sigaction(SIGINT,
            // …)`): one it joins to a cluster is a repeat below, and one it opens a cluster for
            // is another event (a call whose first word holds its path, `stat("/etc/x",`, is
            // keyed on it, where our miner masks the path)
            drain.opens_at(raw.lines[i], i)
        } else if (plain || logfmt) && quotes_a_value(line) {
            // Drain reads a quoted value as the words it holds, where our miner masks it: a
            // short line of other quoted words is another event to Drain (`("handler" =>
            // "file")` after `("logger" => "audit-log")`, a server's dump of its settings; a
            // client's list of `['item2', 'item1', …]`, each list another); one it joins is
            // left to our miner. So is a logfmt record's quoted message, which Drain reads as
            // any line's words, its time included (`time="…27T22:15:17…"`)
            drain.opens_at(raw.lines[i], i).filter(|&opens| opens)
        } else {
            if (plain && (SHORT_LINE.contains(&mined.words) || mined.mostly_bytes)) || console || apart {
                // (read for `alone_to_drain`; what Drain makes of it is asked there)
                drain.opens_at(raw.lines[i], i);
            }
            None
        };
        let another_event = (logfmt && drained == Some(true))
            || plain && match drained.filter(|&opens| stamped || opens) {
                Some(opens) => opens,
                // (past Drain's longest line, a repeat is compared with its template's first)
                None => {
                    (mined.seen == Seen::Variant || (mined.seen == Seen::Known && stamped)) && {
                        // our tokens are Drain's words unless a quoted text holds spaces
                        let aligned = miner.tokens_in(mined.template) == mined.words as usize;
                        let varied = |p| aligned && miner.varied_at(mined.template, p);
                        !drain_merges(lines.lines[first], line, varied)
                    } && variants.opens(raw.lines[i]) != Some(false)
                }
            };
        if mined.seen == Seen::Variant && !another_event && mined.changed_at == usize::MAX && sev.level < Level::Warn {
            several.push((roles.len(), mined.template, mined.varied));
        }
        if mined.state_at != NO_TEXT {
            states.push((roles.len(), mined.template, mined.state_at));
        }
        // a kernel's call trace, each frame a line behind the log's header (dmesg's, syslog's):
        // to our miner the frames are one template whose function is a value, and a trace
        // would fold whole, though its frames say where the kernel was. Each function stays
        // the first time a trace names it; a trace through the same calls again folds
        // So does each place a panel drawn around a trace names (rich's `│ /app/biz.py:20 in
        // parse_config │`), whose code and locals, drawn under it, a run of lines may fold
        let kernel_call = plain && kernel_frame(line).or_else(|| panel_frame(line)).is_some_and(|call| kernel_calls.insert(crate::hash::of_text(call)));
        // a record from a process the log had not heard from, after another's, is the program
        // started again (pino's and bunyan's `"pid":114039` after `98446`): it stays, as a
        // restart does, for the first few processes
        let stays_new = kernel_call || (json && processes.another(line));
        roles.push(Role::Event {
            template: mined.template,
            shape: mined.shape.filter(|_| !another_event && !stays_new),
            seen: match (another_event, drained) {
                _ if stays_new => Seen::New,
                (true, _) if mined.seen != Seen::New => Seen::Variant,
                // a line Drain joins to an event it has read is a repeat to it (an error keeps
                // the miner's reading: a new word in it may be another failure, and so does a
                // line that tells a failure in its words, `trim_tfa.service: Failed with result
                // 'exit-code'.` after another unit's)
                (false, Some(false)) if mined.seen == Seen::Variant && sev.level < Level::Error && !tells_a_failure(line) => Seen::Known,
                _ => mined.seen,
            },
            level: sev.level,
            declared: sev.from_field,
            // (`changed_at` is below MAX_TOKENS where it is set)
            text_at: if mined.seen == Seen::Variant && !another_event && changes_an_argument(line, mined.changed_at) {
                mined.changed_at as u8
            } else {
                mined.text_at
            },
            message,
            probing,
            more: more as u16,
            words: mined.words.min(u16::MAX as u32) as u16,
            record,
        });
        roles.extend(std::iter::repeat(Role::InEvent).take(more));
        i += 1 + more;
    }
    for (at, template, varied) in several {
        if let Role::Event { seen: seen @ Seen::Variant, .. } = &mut roles[at] {
            if miner.wild_at_all(template, varied) {
                *seen = Seen::Known;
            }
        }
    }
    // a state reached for the first time is an event, whatever Drain and the line's shape say,
    // unless the names there turned over: names, not states
    for (at, template, state_at) in states {
        if let Role::Event { seen, shape, .. } = &mut roles[at] {
            if miner.states_at(template, state_at) {
                *seen = Seen::Variant;
                *shape = None;
            }
        }
    }
    alone_to_drain(&mut roles, &drain, &lines.lines);
    roles
}

/// Each line without the prefix a collector writes before every line of a stream (`prefixes`,
/// see `stream_prefixes`): a compose service's `api-1  | `, `kubectl logs --prefix`'s
/// `[pod/api-0/api] `, a CI service's stamp (`unstamped`). A stack trace's frames and an error's
/// detail lines are read there, where they continue the event above as they do unprefixed. A
/// line keeps a prefix other than the line's above: another service's line (two services'
/// traces interleaved) continues no event of the first's; unless it opens a trace, which
/// continues nothing (vLLM's `(APIServer pid=1) Traceback …` under its engine's lines). (Held
/// beside the lines while they are mined: only for a log of lines whose state the memory
/// bound leaves free.)
fn stream_bodies<'a>(lines: &[&'a str], prefixes: &[(&'a str, &'a str)]) -> Vec<&'a str> {
    let mut above = "";
    let bodies = prefixes.iter().zip(lines).map(|(&(tag, body), line)| {
        let same = tag == above;
        above = tag;
        if same || opens_trace(body) { body } else { *line }
    });
    bodies.collect()
}

/// Each line of a syslog as its program wrote it, behind the header (`syslog_message_at`),
/// where it continues the line above from the same host and program (the header alike but
/// for its digits: another second, another pid): a stack trace a service wrote to the journal
/// a line at a time, its exception and frames each behind a header (Java's `\tat …`; Go's
/// frames, their places with the tab the journal drops). Read there, it is a trace as it is
/// unprefixed. Other lines are read as written. None unless nearly every line has a header
/// and some line is read behind it, or for a log of lines whose state the memory bound does
/// not leave free.
fn syslog_bodies<'a>(lines: &[&'a str]) -> Option<Vec<&'a str>> {
    if lines.len() > FREE_LINES {
        return None;
    }
    let (mut seen, mut headed) = (0, 0);
    for line in lines.iter().filter(|l| !l.trim().is_empty()).take(STREAM_SAMPLE) {
        seen += 1;
        headed += usize::from(crate::logline::syslog_message_at(line).is_some());
    }
    if seen == 0 || headed * 10 < seen * 9 {
        return None;
    }
    // (built at the first line read behind its header: most syslogs hold none)
    let mut bodies: Vec<&str> = Vec::new();
    // (where the header of the line above ends, if it was read behind it)
    let mut header_above = None;
    for (k, &line) in lines.iter().enumerate() {
        let said = k.checked_sub(1).and_then(|above| said_below(lines[above], header_above, line));
        header_above = said.map(|said| line.len() - said.len());
        let Some(said) = said else {
            if !bodies.is_empty() {
                bodies.push(line);
            }
            continue;
        };
        if bodies.is_empty() {
            bodies.reserve_exact(lines.len());
            bodies.extend_from_slice(&lines[..k]);
        }
        bodies.push(said);
    }
    (!bodies.is_empty()).then_some(bodies)
}

/// What `line` says behind its syslog header where it continues an event of the line above's
/// program (see `syslog_bodies`). The header ends at its line's first `: ` (it holds no other),
/// within the bytes that open both lines alike but for their digits; only a line that
/// continues an event is asked whether that is a syslog header at all (a pattern on every line
/// cost 6%), unless the line above was read behind a header that ends there: opening alike,
/// the line has it too.
fn said_below<'a>(above: &str, header_above: Option<usize>, line: &'a str) -> Option<&'a str> {
    let alike = line.bytes().zip(above.bytes()).take_while(|&(a, b)| crate::mask::alike_but_digits(a, b)).count();
    let at = crate::re::finder!(b": ").find(&line.as_bytes()[..alike])? + 2;
    let said = &line[at..];
    ((continues(said) || opens_trace(said) || crate::logline::go_place(said))
        && (header_above == Some(at) || crate::logline::syslog_message_at(line) == Some(at))
        && same_source(&above[..at], &line[..at]))
    .then_some(said)
}

/// Whether two syslog headers alike but for their digits (see `said_below`) name one host and
/// program: their digits differ only in the time and in the pid's brackets (`web01` and
/// `web02`, `worker1[7]` and `worker2[7]`, `10.0.0.5` and `10.0.0.6`, are two sources).
fn same_source(above: &str, header: &str) -> bool {
    let b = header.as_bytes();
    (0..b.len()).filter(|&i| b[i] != above.as_bytes()[i]).all(|i| {
        let start = b[..i].iter().rposition(|&c| c == b' ').map_or(0, |s| s + 1);
        let end = b[i..].iter().position(|&c| c == b' ').map_or(b.len(), |e| i + e);
        let token = &b[start..end];
        let in_brackets = b[start..i].contains(&b'[') && b[i..end].contains(&b']');
        // (a time holds a colon, a day none; a host's address holds dots only)
        let time = token.contains(&b':') && token.iter().all(|&c| c.is_ascii_digit() || matches!(c, b':' | b'-' | b'.' | b',' | b'+' | b'T' | b'Z'));
        in_brackets || time || token.iter().all(u8::is_ascii_digit)
    })
}

/// Each line's stream prefix (see `stream_bodies`; after the stamp a CI service writes, if
/// any) and what the stream said after it, when nearly every line has one: the log is streams
/// interleaved (the bool says so). Or, among other lines, where processes tag theirs with
/// their names and pids (the workers vLLM or Ray start, `(EngineCore_DP0 pid=275) `, under
/// the server's own lines): their traces are read behind their tags all the same. Another tag
/// among other lines may be a request's (Rails' `[4bfa81de-…] `), one more value. (Only for
/// a log of lines whose state the memory bound leaves free.)
fn stream_prefixes<'a>(lines: &[&'a str]) -> Option<(Vec<(&'a str, &'a str)>, bool)> {
    if lines.len() > FREE_LINES {
        return None;
    }
    let prefix = crate::logline::as_streamed;
    let pid_tagged = |tag: &str| tag.starts_with('(');
    let sample = lines.iter().filter(|l| !l.trim().is_empty()).take(STREAM_SAMPLE);
    // (valgrind's `==6166== ` names a process: no other line opens so, and its report is read
    // behind it however much of the program's own output lies between)
    let (mut seen, mut prefixed, mut process, mut pids) = (0, 0, false, false);
    for line in sample {
        let (tag, body) = prefix(line);
        seen += 1;
        prefixed += usize::from(body.len() < line.len());
        process |= tag.starts_with("==");
        pids |= pid_tagged(tag);
    }
    let all = seen > 0 && (prefixed * 10 >= seen * 9 || process);
    if !all && !pids {
        return None;
    }
    // (among other lines, a line a process did not tag is read as written, its stamp and all)
    let read = |line: &'a str| match prefix(line) {
        (tag, _) if !all && !pid_tagged(tag) => ("", line),
        tagged => tagged,
    };
    Some((lines.iter().map(|line| read(line)).collect(), all))
}

/// Lines looked at for a stream's prefix.
const STREAM_SAMPLE: usize = 200;

/// Plain lines of one to three words (`Rendered /app/views/_row.erb (0.4ms)`, `Downloaded
/// serde v1.0.219`, a cached file's path alone), which Drain reads too (see `alone_to_drain`):
/// where our miner folds them as one template, Drain reads one value that differs beside one
/// that varied as another event (a third of the words in common is below its similarity), and
/// a word alone as the same event only as the same word.
const SHORT_LINE: std::ops::RangeInclusive<u32> = 1..=3;

/// Marks each line Drain read (short lines, and those behind a stamp, traced calls, quoted
/// texts and console lines that quote a text before their fields, see `mine`) that no other
/// line joined in its cluster as an event seen once, which stays, whatever our miner makes of
/// it: a logfmt record whose quoted id no other record shares (one more of Grafana's
/// migrations, to our miner a name among names), a short line of other words. Drain decides
/// only once the whole log is read, as a line that opens a cluster may be joined later. A word
/// alone that says nothing of its own stays folded (see `says_something`).
fn alone_to_drain(roles: &mut [Role], drain: &Drain, lines: &[&str]) {
    for at in drain.alone() {
        if let Role::Event { seen, shape, text_at, words, record, .. } = &mut roles[at] {
            if (*words > 1 || says_something(lines[at])) && matches!(*seen, Seen::Known | Seen::Variant) {
                // (and no record of one more request: see `plan`)
                (*seen, *shape, *text_at, *record) = (Seen::Variant, None, NO_TEXT, 0);
            }
        }
    }
}

/// Whether the event that ends before line `at` (0-based) raised a stack trace not seen before,
/// right under it or after a blank line (PHP's `Uncaught Error: …` above its `Stack trace:`,
/// Sinatra's `- NoMethodError - undefined method `-' for nil:NilClass`, at no level, above the
/// line of code and its frames): the trace stays whole, and so does the line that says what it
/// is, whatever message it repeats.
fn raises_a_new_trace(roles: &[Role], lines: &[&str], at: usize) -> bool {
    // (asked of every line that would fold: the role below first)
    let new_trace = |k: usize| matches!(roles.get(k), Some(Role::Trace { repeat: false, .. }));
    new_trace(at) || (new_trace(at + 1) && lines[at].trim().is_empty())
}

/// Whether `line` tells a failure by its words where it states no level (`logline::problem`).
fn tells_a_failure(line: &str) -> bool {
    crate::logline::problem(line) == crate::logline::Problem::Reported
}

/// Whether `line` quotes a value: a double quote anywhere, or a list of single-quoted values
/// (Python's `['item2', 'item1', …]`). A single-quoted value alone (`KeyError: 'x'`, on
/// every line of a Python service's log) our miner masks as Drain does: asking Drain of each
/// such line made such a log 3 times slower for nothing.
fn quotes_a_value(line: &str) -> bool {
    let b = line.as_bytes();
    memchr::memchr2_iter(b'"', b'\'', b).any(|at| b[at] == b'"' || (at > 0 && b[at - 1] == b'['))
}

/// Bytes at a line's end that hold a kernel frame's offset and size, and its module.
const KERNEL_FRAME_TAIL: usize = 48;

/// The function a kernel's call-trace frame names, at the end of its line after any header
/// (`Jan 30 14:55:04 host kernel:  ? flush_tlb_mm_range+0xb4/0xe0 [nvme]`): its symbol, offset
/// and size.
fn kernel_frame(line: &str) -> Option<&str> {
    // (a look at the line's end first: this asks every plain line)
    let b = line.trim_ascii_end().as_bytes();
    if !b.last().is_some_and(|&c| c.is_ascii_hexdigit() || c == b']') {
        return None;
    }
    let tail = &b[b.len().saturating_sub(KERNEL_FRAME_TAIL)..];
    let slash = memchr::memrchr(b'/', tail)?;
    if !tail[slash..].starts_with(b"/0x") {
        return None;
    }
    let c = re!(r"(?:^|\s)(?:\? )?([A-Za-z_][\w.]*)\+0x[0-9a-f]+/0x[0-9a-f]+(?: \[[\w-]+\])?\s*$").captures(line)?;
    c.get(1).map(|m| m.as_str())
}

/// Whether `line` opens one thread's stack in a crash report that lists them all
/// (systemd-coredump's `Stack trace of thread 36188:`).
fn lists_a_thread(line: &str) -> bool {
    line.trim_start().starts_with("Stack trace of thread ")
}

/// The place a frame of a trace drawn in a panel names, on a line of its own (rich's
/// tracebacks, which structlog and `RichHandler` print: `│ /app/biz.py:20 in parse_config   │`).
fn panel_frame(line: &str) -> Option<&str> {
    let inner = line.strip_prefix("│ ")?.trim_end().trim_end_matches('│').trim_end();
    re!(r"^\S+:\d+ in \S+$").is_match(inner).then_some(inner)
}

/// Whether `word`, before `exited`, names the process that ended: a name (`elastic_es02_1`,
/// `web.1`), not its id, bare or under a key (`(16460)`, gunicorn's `(pid:16074)`, `pid=123`,
/// `proc[123]`, a container's id in hex).
fn names_a_process(word: &str) -> bool {
    word.bytes().any(|c| c.is_ascii_alphabetic())
        && !word.contains(['(', '[', ':', '='])
        && !word.bytes().all(|c| c.is_ascii_hexdigit())
}

/// Whether a console line that ends in its fields as a JSON object quotes a text before them
/// (Monolog's `log.DEBUG: Response ["index1 0 2 gateway done …"] {"file":…}`): our miner masks
/// the quoted text as one value, where Drain reads its words, so that a line whose text no
/// other line's resembles is an event seen once (see `alone_to_drain`).
fn quotes_before_fields(line: &str) -> bool {
    let b = line.trim_start().as_bytes();
    b.first() != Some(&b'{') && memchr::memchr(b'"', b).is_some_and(|q| q > 0 && b[q - 1] != b'{')
}

/// Characters a word alone needs to say something (`}`, `done.` and `100%` do not).
const SAYS_CHARS: usize = 6;

/// Whether a line of one word says something of its own: a time alone (a blank line a CI runner
/// stamped, `2026-01-28T18:03:49.7171488Z`) and a few characters do not, however rarely they
/// occur.
fn says_something(line: &str) -> bool {
    let word = line.trim();
    let rest = leading_time(word).map_or(word, |time| &word[word.find(time).unwrap_or(0) + time.len()..]);
    rest.chars().count() >= SAYS_CHARS
}

/// Whether a variant whose first change is at token `at` keeps the word that names its event:
/// in a line that states its level, the message's first word after the level (and the
/// separator, logger or tag that may follow it) says what happened, the words after it are
/// its arguments (`INFO -  Running setup.py egg_info for package mozfile`); so in a line that a
/// syslog header or a time opens (dpkg.log's `2025-06-24 14:36:25 install netbase:all …`); in
/// a line with none of these, its first word names it, as Drain's tree keys a line on it
/// (`- Setting fs.defaultFS=…`, a compiler's command `mpicxx … -o pipeline.o …`; Drain itself
/// decides for a traced call, see `mine`). A change in the event's name (`D AudioManager:
/// isWiredHeadsetOn...`) stays a rare event. Whether an argument holds one name among many is
/// asked of the whole log (`Miner::names_at`): a new state an order reaches (`2026-… order 1005
/// refunded`) among states that recur stays.
fn changes_an_argument(line: &str, at: usize) -> bool {
    let (_, end) = level_at(line);
    // a syslog line states no level, but its header ends where the program's message begins
    let end = if end == 0 { crate::logline::syslog_message_at(line).unwrap_or(0) } else { end };
    // so does a line's leading time, but not a traced call's (`16:56:30.629885 read(3, "…"`):
    // Drain decides for a traced call (see `mine`)
    let time = (end == 0 && !crate::logline::is_strace(line)).then(|| crate::logline::time_head_end(line)).flatten();
    let timed = time.is_some();
    let end = time.unwrap_or(end);
    let (Some(head), Some(message)) = (line.get(..end), line.get(end..)) else {
        return false;
    };
    if at == usize::MAX {
        return false;
    }
    let separator = |t: &str| t.bytes().all(|b| b == b'-') || matches!(t, ":" | "|");
    let mut words = message.split_ascii_whitespace().peekable();
    // the name's index: past the head, and past the process id, separators, thread and
    // logger that may follow it (`12345 --- [main] c.e.App :`, `AudioManager:`)
    let mut name = head.split_ascii_whitespace().count();
    loop {
        let Some(word) = words.next() else {
            return false;
        };
        // a bracket that closes in a later word is one tag whose padding or spaces split it
        // (kern.log's `[  107.051913]`, Kafka's `[Consumer clientId=c-1, groupId=g]`)
        if word.starts_with('[') && !word.contains(']') {
            name += 1 + words.by_ref().position(|w| w.contains(']')).map_or(0, |k| k + 1);
            continue;
        }
        let tag = word.ends_with([':', ']']) || words.peek().is_some_and(|w| separator(w));
        let pid = word.bytes().all(|b| b.is_ascii_digit());
        // the rest of a time: its zone and year (`date`'s `10:00:00 UTC 2026`)
        let zone = timed && (2..=5).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase());
        if !(separator(word) || tag || pid || zone) {
            break;
        }
        name += 1;
    }
    // in a message of two words after a time (`Running FooTest`) the second is half of it:
    // Drain reads such lines as each another event
    at > name && (!timed || words.nth(1).is_some())
}

/// Lines counted by template and number of words.
type LineLengths = FxHashMap<(u32, u16), u32>;
/// JSON records counted by template, number of words and length (`fields::record_lengths`).
type RecordLengths = FxHashMap<(u32, u16, u32), u32>;

/// How many lines of each template have each number of words; and how many JSON records of
/// each template share a length, counted that way and the ways of `fields::record_lengths`.
fn lengths(roles: &[Role]) -> (LineLengths, RecordLengths) {
    let mut lines = LineLengths::default();
    let mut records = RecordLengths::default();
    for r in roles {
        if let Role::Event { template, words, record, .. } = *r {
            *lines.entry((template, words)).or_default() += 1;
            if record != 0 {
                *records.entry((template, words, record)).or_default() += 1;
            }
        }
    }
    (lines, records)
}

/// `line` after its first `n` words.
fn after_words(line: &str, n: usize) -> &str {
    let mut rest = line;
    for _ in 0..n {
        rest = rest.trim_start_matches([' ', '\t']);
        rest = &rest[rest.find([' ', '\t']).unwrap_or(rest.len())..];
    }
    rest
}

/// A run of consecutive repeats, folded into one marker when large enough.
#[derive(Default)]
struct Run {
    start: usize,
    end: usize,
    chars: usize,
    errors: usize,
    warnings: usize,
    /// repeated stack traces folded in this run
    traces: usize,
    /// of them, those folded whole, the line that raised each with them, at a level below
    /// error: a marker over other lines counts them beside its errors, as a crash that repeats
    /// is one more crash, whatever level the line above it was logged at (Python's uncaught
    /// exception under a worker's `INFO` line)
    raised: usize,
    /// what varied, while the run holds one template
    values: Values,
    template: Option<u32>,
    mixed: bool,
    /// what varied in the errors it folds, while they are of one template: in a run of
    /// several, the errors that repeat a shown message may name other hosts, users or paths.
    /// (Listing the errors of each of several templates would take markers past 5% of what
    /// is read, on the shared corpus.)
    failures: Values,
    failed_template: Option<u32>,
    /// how many words of a time the failures open with
    failure_stamp: Option<usize>,
    /// the order of the keys of the run's first JSON record (see `fields::key_order`)
    key_order: Option<u64>,
}

impl Run {
    fn push(&mut self, n: usize, chars: usize, level: Level) {
        self.mixed = true;
        // (an error whose values are not read, a trace's, makes a list of the others' a lie
        // about all of them)
        if level >= Level::Error {
            self.failures.mix();
        }
        self.push_line(n, chars, level);
    }

    /// A folded line of template `template`: its values are summarised while the run holds
    /// that template only.
    fn push_event(&mut self, n: usize, line: &str, level: Level, template: u32) {
        if self.chars == 0 {
            self.template = Some(template);
        }
        self.mixed |= self.template != Some(template);
        if !self.mixed {
            // values are read by their place on the line: records that order their keys
            // otherwise (`journalctl -o json`, a Go map) hold other fields there
            let order = fields::key_order(line);
            if *self.key_order.get_or_insert(order) != order {
                self.values.mix();
            }
            self.values.push(line);
        }
        if level >= Level::Error {
            if *self.failed_template.get_or_insert(template) != template {
                self.failures.mix();
            }
            // (what the line says after its time: a day of the month is no failure's value.
            // The lines of a template open with as many words of time as the first)
            let stamp = *self.failure_stamp.get_or_insert_with(|| {
                let says = said(line).1;
                line[..line.len() - says.len()].split_ascii_whitespace().count()
            });
            self.failures.push(after_words(line, stamp));
        }
        self.push_line(n, line.len() + 1, level);
    }

    /// Counts the line just pushed, at no level, as an error its words tell: the failures listed
    /// are those of errors at a level, and a list of them would pass for all the errors counted.
    fn push_told(&mut self) {
        self.errors += 1;
        self.failures.mix();
    }

    fn push_line(&mut self, n: usize, chars: usize, level: Level) {
        if self.chars == 0 {
            self.start = n;
        }
        self.end = n;
        self.chars += chars;
        self.errors += (level >= Level::Error) as usize;
        self.warnings += (level == Level::Warn) as usize;
    }

    fn flush(&mut self, plan: &mut Plan, lines: &Lines, roles: &[Role]) {
        if self.chars == 0 {
            return;
        }
        let (start, end) = (self.start, self.end);
        let what = |above: Option<(u32, bool)>, errors: usize, written: bool| {
            let raised = if written { self.raised } else { 0 };
            let mut what = describe(start, end, roles, above, (self.traces, raised), errors);
            if !self.mixed && end - start + 1 >= VALUES_MIN_LINES {
                what.push_str(&self.values.describe());
            } else if written && self.mixed && errors > 1 {
                what.push_str(&self.failures.describe_failures());
            }
            what.extend(time_span(start, end, lines));
            what
        };
        // whether a run pays for its marker does not hang on the line that stands above it, nor
        // on the errors a run of one template counts, nor on what varied in them, nor on the
        // stack traces it counts (the marker says them where it can)
        let errors = if self.mixed { self.errors } else { 0 };
        if pays_for_marker(self.chars, &what(self.template.map(|t| (t, false)), errors, false), start, end) {
            plan.fold(start, end, what(shown_above(&plan.pieces, roles, start), self.errors, true));
        } else {
            for n in start..=end {
                // too short to fold: repeated errors and warnings still rank above the rest
                plan.keep(
                    n,
                    if self.errors + self.warnings > 0 {
                        Priority::Summary
                    } else {
                        Priority::Ordinary
                    },
                );
            }
        }
        *self = Run::default();
    }
}

/// Whether folding `chars` characters into a marker saying `what` saves clearly more than the
/// marker costs: the marker is read on every call, and a span barely longer than it says less.
fn pays_for_marker(chars: usize, what: &str, start: usize, end: usize) -> bool {
    chars >= FOLD_PAYS * marker_chars(what, start, end)
}

/// Lines a program prints as it starts that, printed again in the same order further down,
/// say it started again.
const START_LINES: usize = 3;

/// The templates of the log's first `START_LINES` lines, when each is an event of its own, of
/// a template of its own (one event over and over is no start).
fn start_templates(roles: &[Role]) -> Option<[u32; START_LINES]> {
    let mut starts = [0; START_LINES];
    for (k, role) in roles.get(..START_LINES)?.iter().enumerate() {
        starts[k] = template_of(role).filter(|t| !starts[..k].contains(t))?;
    }
    Some(starts)
}

/// Whether the lines from `i` on, the first of the log's first line's template, open as the
/// log opened, with templates `starts` (see `start_templates`): the program starting again.
/// Right after the program failed (a crash's trace, a supervisor's `exited with code 1`), the
/// first line alone says it: what the program does once started may differ from run to run.
/// (A failed request above is no program's end: a record of one more request is no start.)
fn starts_again(roles: &[Role], lines: &[&str], i: usize, starts: Option<[u32; START_LINES]>) -> bool {
    // (a trace the program logged, under a line that states its level, ended no program: an
    // uncaught one says so in a line of its own, `Traceback …`, `panic: …`, `TypeError: …`,
    // whatever line it hangs under; Node's `Node.js v20.11.0` and blank lines close it)
    let after_failure = || {
        let above = (0..i).rev().find(|&k| !lines[k].trim().is_empty() && !lines[k].starts_with("Node.js v"));
        above.is_some_and(|k| match roles[k] {
            Role::Event { .. } => severity::failed_code(lines[k]) || uncaught(lines[k]),
            Role::Trace { .. } | Role::InTrace => {
                let start = roles[..=k].iter().rposition(|r| matches!(r, Role::Trace { .. })).unwrap_or(k);
                (start..=k).any(|m| uncaught(lines[m]))
                    || crate::logline::declared(lines[start]).is_none() && raised_level(lines[start]) >= Level::Error
            }
            Role::InEvent => false,
        })
    };
    let as_it_opened = || {
        starts.is_some_and(|s| roles.get(i..i + START_LINES).is_some_and(|r| r.iter().map(template_of).eq(s.map(Some))))
    };
    i > 0 && (as_it_opened() || after_failure())
}

/// Whether `line` says the host or a program started again (`logline::says_restarted`) and is
/// one of the first `RESTARTS_SHOWN` such, counted in `shown`: each stays.
fn restarted(shown: &mut usize, line: &str) -> bool {
    let restarted = *shown < RESTARTS_SHOWN && crate::logline::says_restarted(line);
    *shown += usize::from(restarted);
    restarted
}

/// Bytes a stamp and the prompt after it take at most (see `echoed_command`).
const ECHO_AT_MOST: usize = 72;

/// Commands of a job's script shown at most (see `echoed_command`): a script's lines are a
/// few dozen; a transcript of thousands of commands (a loop echoed, a shell session) shows its
/// first, the rest folding with their output.
const COMMANDS_SHOWN: usize = 32;

/// The command a CI job's script ran, as its runner echoes it before the command's output:
/// GitLab's, Travis's and CircleCI's `$ export CI_NODE_TOTAL=${JOB_NAME[-1]}`. Each is a step
/// of the job, however like the one before it reads (eight `export`s in a row set eight
/// variables); a program's own lines never open so.
fn echoed_command(line: &str) -> Option<&str> {
    // (a look for the prompt among the first bytes first: this asks every event line)
    let head = &line.as_bytes()[..line.len().min(ECHO_AT_MOST)];
    memchr::memchr_iter(b'$', head).find(|&at| head.get(at + 1) == Some(&b' '))?;
    let command = unstamped(line).strip_prefix("$ ")?.trim_end();
    (!command.is_empty()).then_some(command)
}

/// Whether `line` states a level and nothing after it but separators (Rails' `F,
/// [2017-01-19T00:29:02.974551 #9392] FATAL -- : `, its message on the line below).
fn says_nothing_past_level(line: &str) -> bool {
    let (_, end) = level_at(line);
    end > 0 && line[end..].trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | ':' | '|')).is_empty()
}

/// Whether `line` says an exception went uncaught, in a line of its own at the margin:
/// Python's `Traceback (most recent call last):`, Go's `panic: …`, a Go dump's running
/// goroutine. (Python prints a logged exception's traceback so too: the log's first line right
/// after one is read as a start, one line kept of at most `RESTARTS_SHOWN`.)
fn uncaught(line: &str) -> bool {
    line.starts_with(TRACEBACK) || line.starts_with("panic: ") || (crate::logline::is_goroutine_header(line) && line.contains("[running]"))
}

/// The template of the line a plan of `pieces` shows right above line `start`, if it shows one
/// there, verbatim, and whether that line is an error.
fn shown_above(pieces: &[Piece], roles: &[Role], start: usize) -> Option<(u32, bool)> {
    match pieces.last()? {
        Piece::Keep { end, .. } if end + 1 == start => match roles[end - 1] {
            Role::Event { template, level, .. } => Some((template, level >= Level::Error)),
            _ => None,
        },
        _ => None,
    }
}

fn template_of(role: &Role) -> Option<u32> {
    match role {
        Role::Event { template, .. } => Some(*template),
        _ => None,
    }
}

/// `12 like above` (repeats of the template of the line shown right above, `above`, with the
/// errors among them counted: `7 like above, 4 errors`), `40 lines, 2 errors` (several
/// templates, or one shown further up: `like above` under another line reads as repeats of
/// that line), or with a repeated stack trace alone, `6-line stack trace like one above`.
fn describe(
    start: usize,
    end: usize,
    roles: &[Role],
    above: Option<(u32, bool)>,
    (traces, raised): (usize, usize),
    errors: usize,
) -> String {
    let n = end - start + 1;
    let mut ids = roles[start - 1..end].iter().filter_map(template_of);
    // (an access log's requests are one template, whatever their status: the line above may
    // have succeeded where some below failed, and the errors are counted; under a failure,
    // `like above` would read as failures that were successes)
    let like_above = |first: u32| above.is_some_and(|(t, failed)| t == first && !(failed && errors < n));
    match ids.next() {
        // (the line that raised it may be an error whose message was shown with another trace)
        None if traces == 1 => match errors {
            0 => format!("{}-line stack trace like one above", count(n)),
            k => format!("{}-line stack trace like one above, {}", count(n), plural(k, "error", "errors")),
        },
        Some(first) if traces == 0 && like_above(first) && ids.all(|t| t == first) => match errors {
            0 => format!("{} like above", count(n)),
            k => format!("{} like above, {}", count(n), plural(k, "error", "errors")),
        },
        _ => {
            // a run of several templates may hide errors that repeat a shown message with other
            // paths or values (masked out): the marker says they are there. Warnings are not
            // counted: every distinct one is shown, and the count would be read on every call.
            // Stack traces folded whole are, whatever level they were raised at (those raised
            // below error beside the errors)
            lines_counting(n, &[(errors, "error", "errors"), (raised, "stack trace", "stack traces")])
        }
    }
}

/// ` · 10:01:02 to 10:44:13` for a long run whose first and last lines carry times, unless
/// the lines right around the run carry their own: they stay verbatim and already bound it.
fn time_span(start: usize, end: usize, lines: &Lines) -> Option<String> {
    if end - start + 1 < SPAN_MIN_LINES {
        return None;
    }
    let around = |i: usize| lines.lines.get(i).and_then(|l| leading_time(l));
    if start >= 2 && around(start - 2).is_some() && around(end).is_some() {
        return None;
    }
    let a = leading_time(lines.lines[start - 1])?;
    let b = leading_time(lines.lines[end - 1])?;
    if a == b {
        return Some(format!(" · at {a}"));
    }
    // the end drops the date part it shares with the start: `2024-01-02 10:00:01 to 10:44:13`
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let cut = a[..common].rfind([' ', 'T']).map_or(0, |i| i + 1);
    Some(format!(" · {a} to {}", &b[cut..]))
}

/// The timestamp a log line starts with, in the common formats.
fn leading_time(line: &str) -> Option<&str> {
    let re = re!(concat!(
        r"^\[?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?|\d{2,4}/\d{2}/\d{2,4}[ :]\d{2}:\d{2}:\d{2}|",
        r"[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2}|\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?|",
        r"\d{6} \d{6}|\d{8}-\d{2}:\d{2}:\d{2}(?::\d+)?|[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} \d{4})"
    ));
    re.captures(line).and_then(|c| c.get(1)).map(|m| m.as_str())
}

/// The severity a line declares in its first tokens (`ERROR`, `[error]`, `W/Tag:`, ...).
pub fn level(line: &str) -> Level {
    level_at(line).0
}

/// What line `k` says (see `said`) and in which colours: a line in new colours is news to a
/// search for it (see `escapes::line_colours`).
fn said_in<'a>(lines: &[&'a str], colours: Option<&[u64]>, k: usize) -> ((&'a str, &'a str), u64) {
    (said(lines[k]), colours.map_or(0, |c| c[k]))
}

/// What `line` says, word for word, after the time it opens with (GitHub Actions stamps every
/// line), and who says it (its source tag: a compose service, a file): two lines that say the
/// same at other times say it alike; another source saying it is news of that source.
fn said(line: &str) -> (&str, &str) {
    let (tag, time) = crate::logline::tag_and_time_end(line);
    // a stamp over a blank line (a job's paragraphs apart) says nothing
    if let Some(end) = time.filter(|&end| end < line.len() && line[end..].trim().is_empty() && tag <= end) {
        return (&line[..tag], &line[end..end]);
    }
    // a time that runs to the line's end says nothing after it: it is the line's whole text
    // (a CSV record, `2026-11-29,10:00:01,GET,/x,404`, whose time ends at no space)
    let from = time
        .filter(|&end| line[..end].bytes().any(|b| b.is_ascii_digit()) && !line[end..].trim().is_empty())
        .unwrap_or(0);
    let tag = if tag <= from { tag } else { 0 };
    // a kernel line behind a syslog header states the seconds since boot after its host and
    // program (`ip-10-0-0-5 kernel: [    0.001013] e820: …`): another boot says it at another
    // second. Who says it is the host and program, and the padding of the seconds with them:
    // `[ 3232.3]` is two words to Drain, `[18440.1]` one, and another line
    if tag == 0 {
        if let Some(c) = re!(r"^( *\S+ \S+: \[ *)\d+\.\d+\] ").captures(&line[from..]) {
            let (who, all) = (c.get(1).unwrap(), c.get(0).unwrap());
            return (&line[from..from + who.end()], &line[from + all.end()..]);
        }
    }
    (&line[..tag], &line[from..])
}

/// What the stack trace on lines `i..end` says, as messages (`message_of`) with their lines: the
/// line that raised it, and each line between its frames that names what was raised (a
/// `java.lang.NumberFormatException: For input string: "N/A"` under the event that logged it,
/// a `Caused by:`, Python's closing `KeyError: 'x'`). Two traces through the same frames that
/// raise other errors are two errors. Frames are told from `bodies`, the lines behind a stream's
/// prefix (a compose service's frames are indented behind its tag).
fn trace_says<'a>(lines: &'a [&'a str], bodies: &'a [&'a str], i: usize, end: usize) -> impl Iterator<Item = (usize, u64)> + 'a {
    (i..end)
        .filter(move |&k| k == i || !frames::is_frame_under(bodies[k], bodies[i]))
        .map(move |k| (k, message_of(lines[k])))
}

/// The command of the run of apt whose record in `history.log` line `i` is a field of
/// (`Commandline: apt-get install ethtool`), if it is one.
fn apt_command<'a>(lines: &[&'a str], i: usize) -> Option<&'a str> {
    crate::logline::apt_record_head(lines, i)?.map(|k| lines[k]).find(|l| l.starts_with("Commandline: "))
}

/// An error's message: the line with its numbers and ids masked (`mask::shape`) and its paths
/// masked, like a template's, so repeats that differ in a timestamp, a pid, a counter or a
/// path (a shell trying each folder of `$PATH`) are one message, while another user, error
/// code or wording is another.
fn message_of(line: &str) -> u64 {
    messages_of(line).0
}

/// An error's message (see `message_of`), and the same message naming what each path in it
/// names last (`Cannot find module '../../favoriteLocation/data'`: `data`), which tells the
/// failures on other files apart (see `NamedErrors`); the message itself if it holds no path.
fn messages_of(line: &str) -> (u64, u64) {
    // the page a client came from, which Apache appends to an error it logs for a request
    // (`…: KeyError: 'user_', referer: https://example.com/`), is no part of the error
    let line = line.rsplit_once(", referer: ").filter(|(_, page)| !page.contains(' ')).map_or(line, |(said, _)| said);
    let mut h = FxHasher::default();
    let mut names: Option<FxHasher> = None;
    // (each word's shape, written to a hasher as soon as it is made)
    let mut shaped = String::new();
    let mut write_shape = |hasher: &mut FxHasher, word: &str| {
        shaped.clear();
        crate::mask::shape_into(word, &mut shaped);
        hasher.write(shaped.as_bytes());
    };
    // the process that ended names the failure whole, digits and all: compose's
    // `elastic_es02_1 exited with code 137` is another node's death than `elastic_es03_1`'s
    // and so does the program the kernel reports crashed, without its pid (`kernel:
    // crasher[15353]: segfault at c ip …` is another program's crash than `python3[881]: …`'s)
    let mut ended = None;
    let mut before: Option<(usize, &str)> = None;
    for (k, t) in line.split_ascii_whitespace().enumerate() {
        if matches!(t, "exited" | "stopped" | "died") {
            ended = before.filter(|(_, w)| names_a_process(w));
            break;
        }
        if t == "segfault" {
            ended = before.and_then(|(k, w)| Some((k, w.strip_suffix("]:")?.split_once('[')?.0)));
            break;
        }
        before = Some((k, t));
    }
    let mut after_method = false;
    // (whether the word before says what failed, `fatal:`, `failed:`: see below)
    let mut after_failure = false;
    let mut in_request = None;
    // (and so does the path a framework names after the reason a request failed: Django's
    // `Internal Server Error: /api/chat/7/` and `…: /api/chat/7/history/`)
    let failed_path = crate::logline::reason_request(line).map(|(_, _, path)| path.as_ptr());
    for (n, tok) in line.split_ascii_whitespace().enumerate() {
        // a request's path after its method says which request failed, as an access log's
        // failures are told apart by it (Rails' `No route matches [GET] "/admin/.env"`): its
        // first part and its depth, so that a scanner's thousand paths under a few folders are
        // a few messages (and not its query: `?a=1&b=2` and `?b=2&a=1` ask the same)
        let method_before = std::mem::replace(&mut after_method, crate::logline::is_method(tok.trim_matches(|c| matches!(c, '[' | ']' | '"')).as_bytes()));
        let failure_before = std::mem::replace(&mut after_failure, tok.ends_with(':') && crate::logline::error_words(tok));
        if (method_before || failed_path == Some(tok.as_ptr())) && tok.contains('/') {
            // (behind the quote or bracket that opens it: a quote is no part of the path)
            let path = tok.trim_start_matches(['"', '\'', '[', '(']).split(['?', '"', '\'']).next().unwrap_or(tok);
            let mut parts = path.split('/').filter(|p| !p.is_empty());
            write_shape(&mut h, parts.next().unwrap_or(""));
            h.write_usize(parts.count());
            h.write_u8(b' ');
            // (a route names what failed, as a file's path does: a developer's mistyped routes,
            // `/api/character` after `/api/expores`, are each shown, the first few; a file a
            // client asked for, a scanner's `/wp-admin/shell.php`, is one more probe)
            if !names_a_file(path) {
                write_shape(names.get_or_insert_with(FxHasher::default), path);
            }
            continue;
        }
        if let Some((_, name)) = ended.filter(|&(k, _)| k == n) {
            h.write(name.as_bytes());
            h.write_u8(b' ');
            continue;
        }
        if n == 0 {
            // a first word names the event, as Drain's tree keys a line on it: whole, but for
            // the numbers Drain masks (`lgetxattr("/etc/ssl",` is another call than
            // `lgetxattr("/usr/lib/gconv",`; `…/B.java:[11,4] error: …` another file's error
            // than `…/A.java:[10,3]`'s, `A.java:[39,32]` the same file's)
            let mut word = Vec::new();
            crate::drain::drain_mask(tok, &mut word);
            if !word.iter().any(u8::is_ascii_digit) {
                h.write(&word);
                h.write_u8(b' ');
                continue;
            }
        }
        // a name in brackets that a colon closes, right after the failure, is who or what
        // failed, whole, digits and all: Ansible's `fatal: [edge02]: UNREACHABLE!` is another
        // host's failure than `[edge01]`'s (not a thread's or a request's name in brackets after
        // a level, `ERROR [http-nio-8080-exec-17]:`; nor a time, `[12:00:01]:`)
        let subject = tok.strip_prefix('[').and_then(|t| t.strip_suffix("]:"));
        if let Some(name) = subject.filter(|n| failure_before && names_a_subject(n)) {
            names.get_or_insert_with(FxHasher::default).write(name.as_bytes());
        }
        // a `key=value` field that holds an address, a host or a number holds a value: another
        // host, the same message (a word such as `user=guest` may name another message)
        // (a result's code is one too: see `codes_given`)
        let field = tok.split_once('=');
        // (a path field names a request, unless it names a file outside a request's record, one
        // with no method or status: a job's `path=/usr/lib/python3/dist-packages/apt/__init__.py`,
        // whose failure on another file is the same message)
        let request = field.is_some_and(|(key, value)| {
            crate::logline::PATH_KEYS.contains(&key) && (!names_a_file(value) || *in_request.get_or_insert_with(|| names_a_request(line)))
        });
        let tok = match field {
            Some((key, value)) if !request && is_field_name(key) && holds_value(value) => &tok[..=key.len()],
            _ => tok,
        };
        // a request's path is its template, as an access log's failures are told apart by it
        // (`path=/api/users/7 status=503` and `path=/api/orders/7 status=503`); another path
        // is otherwise the same message (a shell trying each folder of `$PATH`)
        let named = if request { None } else { tok.find('/').map(|p| (&tok[..=p], last_name(tok))) };
        // (and not by its query, which may carry a token made for each request: Nextcloud's
        // `url=/index.php/apps/x/index?fileId=667&requesttoken=QcR2P6wt…`)
        let tok = if request { tok.split('?').next().unwrap_or(tok) } else { tok };
        let whole = tok;
        let tok = named.map_or(tok, |(dir, _)| dir);
        write_shape(&mut h, tok);
        // (a quoted path is what the error is about, `Cannot find module '../models/Request'`,
        // and so is one a colon closes, before what failed on it, `FileNotFoundException:
        // /data/system/password.key: open failed: ENOENT`; one in the words around, `GET
        // /cgi-bin/app/get_config`, no more than where it was)
        let subject = tok.starts_with(['\'', '"', '`']) || (whole.starts_with('/') && whole.ends_with(':'));
        if let Some((_, Some(name))) = named.filter(|_| subject) {
            write_shape(names.get_or_insert_with(FxHasher::default), name);
        }
        h.write_u8(b' ');
    }
    // a frame logged as an error of its own (Apache's `AH01215: stderr from app.py:   File
    // "…/app.py", line 18, in <module>`) names the line of code it ran, no value; so does a
    // Rust panic's place (another line is another panic)
    if re!(r#"File "[^"]+", line \d|\bat \S+ ?\(\S+\.[A-Za-z]\w*:\d| panicked at \S+\.[A-Za-z]\w*:\d"#).is_match(line) {
        let mut places = String::new();
        crate::mask::push_line_numbers(line, &mut places);
        h.write(places.as_bytes());
    }
    let message = h.finish();
    let named = names.map_or(message, |mut names| {
        names.write_u64(message);
        names.finish()
    });
    (message, named)
}

/// The processes a JSON log's records came from (their `pid`), and how many of them after the
/// first were shown starting (see `mine`).
#[derive(Default)]
struct Processes {
    seen: FxHashSet<u64>,
    shown: usize,
}

impl Processes {
    /// Whether `record` is the first from a process after another's, one of the first
    /// `RESTARTS_SHOWN` such (and of the first `NAMED_MESSAGES` processes: a bound on memory).
    fn another(&mut self, record: &str) -> bool {
        if self.shown >= RESTARTS_SHOWN || self.seen.len() >= NAMED_MESSAGES || memchr::memmem::find(record.as_bytes(), b"\"pid\"").is_none() {
            return false;
        }
        let Some(pid) = crate::log::fields::json_field(record, "pid") else {
            return false;
        };
        let first = self.seen.is_empty();
        if !self.seen.insert(crate::hash::of_text(pid)) || first {
            return false;
        }
        self.shown += 1;
        true
    }
}

/// The errors told apart by the files their paths name (see `messages_of`): a message's first
/// `NAMES_SHOWN` names are each a message of their own, each missing module or file shown once;
/// past them (a scanner's thousand missing files, strace's search of every folder) the names
/// fold as the one message. (At most `NAMED_MESSAGES` of each are held, a few hundred KB
/// whatever the log: past them, every error folds by its message.)
#[derive(Default)]
struct NamedErrors {
    names: FxHashMap<u64, u8>,
    shown: FxHashSet<u64>,
}

/// Names a message is told apart by at most (see `NamedErrors`).
const NAMES_SHOWN: u8 = 8;
/// Messages and named messages `NamedErrors` holds at most.
const NAMED_MESSAGES: usize = 4096;

impl NamedErrors {
    /// The message an error folds by, given its message and its named message (`messages_of`).
    fn message(&mut self, (message, named): (u64, u64)) -> u64 {
        if named == message || self.shown.contains(&named) {
            return named;
        }
        if self.shown.len() >= NAMED_MESSAGES || (self.names.len() >= NAMED_MESSAGES && !self.names.contains_key(&message)) {
            return message;
        }
        let names = self.names.entry(message).or_default();
        if *names >= NAMES_SHOWN {
            return message;
        }
        *names += 1;
        self.shown.insert(named);
        named
    }
}

/// Whether `name`, in brackets before a colon, names a host or a node (`edge02`,
/// `web-1.example.net`): a letter first, then letters, digits, dots, dashes and underscores.
fn names_a_subject(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic()) && name.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_'))
}

/// Whether a path's last name has an extension, as a file's does (`__init__.py`, not `7`).
fn names_a_file(path: &str) -> bool {
    last_name(path).and_then(|n| n.rsplit_once('.')).is_some_and(|(stem, ext)| !stem.is_empty() && ext.bytes().any(|c| c.is_ascii_alphabetic()))
}

/// Whether a record's `key=value` words give a request's method or its HTTP status
/// (`method=GET`, `verb=POST`, `status=503`).
fn names_a_request(words: &str) -> bool {
    words.split_ascii_whitespace().any(|t| {
        t.split_once('=').is_some_and(|(key, value)| {
            let value = value.trim_matches('"');
            let named = |keys: &[&str]| keys.iter().any(|k| key.eq_ignore_ascii_case(k));
            (named(&crate::logline::METHOD_KEYS) && crate::logline::is_method(value.as_bytes()))
                || (named(&crate::logline::STATUS_KEYS) && crate::logline::status_word(value.as_bytes()).is_some())
        })
    })
}

/// The last name a path names (`data` in `'../../favoriteLocation/data'`), without the quotes
/// and punctuation around it.
fn last_name(path: &str) -> Option<&str> {
    path.rsplit(['/', '\\'])
        .map(|part| part.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '_' | '-' | '.')))
        .find(|part| !part.is_empty())
}

/// `10.0.0.7`, `host-7.example.net`, `350ms`: a field's value with digits or dots; not a
/// qualified name whose last part is capitalised (`java.io.IOException`, `io.EOF`,
/// `org.h2.JdbcSQLException`), which names the type of error, not where it happened.
fn holds_value(value: &str) -> bool {
    let last = value.rsplit('.').next().unwrap_or(value);
    value.bytes().any(|c| c == b'.' || c.is_ascii_digit())
        && !last.starts_with(|c: char| c.is_ascii_uppercase())
}

/// `rhost`, `user_id`, `db.name`: what names a value in a `key=value` field.
fn is_field_name(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
}

/// A line that continues the event above it without being a trace: indented (unless it has a
/// time or level of its own, `logline::indented_event`), one of the detail lines that
/// databases and compilers print under a message, or a value's brace alone.
// not logline::continues: frames, `#1 `, `}`/`]` lines and exception lines do not continue an error event here
fn continues_event(line: &str) -> bool {
    let b = line.as_bytes();
    (!b.is_empty() && (b[0] == b' ' || b[0] == b'\t') && !line.trim().is_empty() && !crate::logline::indented_event(line))
        || [
            "DETAIL:",
            "HINT:",
            "CONTEXT:",
            "STATEMENT:",
            "QUERY:",
            "LOCATION:",
            "Caused by:",
        ]
        .iter()
        .any(|p| line.starts_with(p))
        || crate::logline::journal_catalog(line)
        // an Erlang/OTP report's lines under its header
        || line.starts_with("** ")
        // a brace or a bracket alone, that opens or closes a value printed over the lines
        // between them (pandera's report of what failed, under its `ERROR … failed validation:`)
        || matches!(line.trim_end(), "{" | "[" | "}" | "]")
}

/// Whether error `line` announces lines that follow it, as its event's: it opens an event (a
/// time or a level of its own) and ends with a colon. Tomcat's `SEVERE […] … threw exception
/// [org.apache.jasper.JasperException: Unable to compile class for JSP: ` is followed by a blank
/// line, then the JSP's file, line and error, which tell one page's failure from another's.
fn announces_lines(line: &str) -> bool {
    line.trim_end().ends_with(':') && crate::logline::opens_event(line)
}

/// How many of `lines` a paragraph set off by blank lines takes, the blank lines above it
/// included: none unless a blank line closes it within `MAX_EVENT_LINES`, and none where a line
/// of it opens an event of its own. A program's frames below its error run on to its next
/// event, and fold as frames do.
fn paragraph_below(lines: &[&str]) -> usize {
    let blank = |l: &str| l.trim().is_empty();
    let above = lines.iter().take_while(|l| blank(l)).count();
    let end = above + lines[above..].iter().take_while(|l| !blank(l)).count();
    let closed = above > 0 && end > above && end < lines.len() && end <= MAX_EVENT_LINES;
    if closed && !lines[above..end].iter().any(|l| crate::logline::opens_event(l)) {
        end
    } else {
        0
    }
}

/// What a continuation line adds to its event's message: its own message, or, for a line of
/// one word, the word as Drain reads it (`drain::drain_mask`: numbers masked, not digits among
/// letters).
/// Drain reads a line of one word as an event of its own unless the word recurs so, and so is
/// a bad input an Elixir error quotes under it (`    :erlang.binary_to_integer("12x380")`): two
/// such events are two messages, where `{post,"acct-051",5},` and `{post,"acct-017",9},` are one.
fn continuation_says(line: &str) -> u64 {
    let mut words = line.split_ascii_whitespace();
    let (Some(word), None) = (words.next(), words.next()) else {
        return message_of(line);
    };
    let mut masked = Vec::new();
    crate::drain::drain_mask(word, &mut masked);
    let mut h = FxHasher::default();
    h.write(&masked);
    h.finish()
}

/// Whether `lines` open with a blank line inside an event whose reason stands on a `** ` line,
/// `reason`, its first below it: the line below the blank one continues the event. Elixir's Logger sets a
/// message's parts apart so (`** (ArgumentError) errors were found…`, a blank line, `  * 1st
/// argument: …`, a blank line, the frames); elsewhere a blank line ends an event (a CI log's
/// script, its lines indented, after a line that names an error).
fn blank_within(reason: &str, lines: &[&str]) -> bool {
    reason.starts_with("** ") && lines[0].trim().is_empty() && lines.get(1).is_some_and(|l| continues_event(l))
}

/// How many of `lines` an Erlang/OTP report takes under its header: up to a blank line or the
/// next line that opens an event (the next report's header), within `MAX_EVENT_LINES`. Its
/// message stands at the start of a line, where no other log's continuation would.
fn report_below(lines: &[&str]) -> usize {
    lines
        .iter()
        .take(MAX_EVENT_LINES)
        .take_while(|l| !l.trim().is_empty() && !crate::logline::opens_event(l))
        .count()
}

/// Whether `line` is a detail that a database server writes under the error `event` with the
/// same prefix, its time and process: PostgreSQL with a `log_line_prefix` (`2024-05-01 10:00:00.734
/// UTC [544] app@db DETAIL:  Key (id)=(1) already exists.` under `… [544] app@db ERROR:  duplicate
/// key value …`, then its `STATEMENT:`). Unprefixed, such a line continues the event as any
/// indented one does.
fn details_the_event(event: &str, line: &str) -> bool {
    let Some(c) = re!(r" (DETAIL|HINT|CONTEXT|STATEMENT|QUERY|LOCATION):  ").find(line) else {
        return false;
    };
    let prefix = &line[..c.start() + 1];
    event.len() > prefix.len()
        && event.starts_with(prefix)
        && re!(r"^(ERROR|FATAL|PANIC|WARNING|LOG):  ").is_match(&event[prefix.len()..])
}

/// Whether `line` is a frame of a trace that a harness relays under error `event` a line at a
/// time, each behind a header like the event's, its time and level (mozharness: `[task …]
/// 11:00:27     INFO - TEST-UNEXPECTED-FAIL | … | A promise chain failed to handle a
/// rejection`, then `[task …] 11:00:27     INFO - startWatchingNetworkResources@resource://…
/// /webconsole-ui.js:395:26`): the frames are the error's, as they would be unprefixed.
fn relays_a_frame(event: &str, line: &str) -> bool {
    let (_, end) = level_at(line);
    if end == 0 || end > event.len() {
        return false;
    }
    // (the same header but for its digits: another time)
    let alike = event.as_bytes()[..end].iter().zip(&line.as_bytes()[..end]).all(|(&a, &b)| crate::mask::alike_but_digits(a, b));
    let said = line[end..].trim_start_matches([' ', '-', ':']).trim_end();
    alike && (crate::logline::is_js_engine_frame(said) || crate::logline::is_full_at_frame(said))
}


/// `java.lang.IllegalStateException: msg`, `ValueError: boom`, `KeyError`.
// not logline's `(Exception|Error)` rule: this one takes Throwable/Exit/Interrupt/Warning and refuses a bare `Error:`
pub(crate) fn exception_header(line: &str) -> bool {
    // the name is a dotted name of word bytes up to a `:` or the line's end, read in one pass
    // over its bytes (this is asked of every line of a log); Ruby's joins its modules with
    // `::` (`ActionController::RoutingError`)
    let b = line.as_bytes();
    let mut name = 0;
    while name < b.len() {
        match b[name] {
            c if c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'$') => name += 1,
            b':' if name > 0 && b.get(name + 1) == Some(&b':') && b.get(name + 2).is_some_and(u8::is_ascii_alphabetic) => name += 2,
            _ => break,
        }
    }
    let (head, rest) = line.split_at(name);
    // (Rails puts the message in parentheses: `ArgumentError (unsupported currency: "DOGE"):`,
    // closed on a line below when the message goes on, as `NoMethodError (undefined method
    // `is_array' for #<Api::CharactersController:0x…>` over `Did you mean?  is_a?):`)
    let parenthesised = rest.strip_prefix(" (").is_some_and(|said| said.trim_end().ends_with("):") || !said.contains(')'));
    (rest.is_empty() || rest.starts_with(": ") || rest == ":" || parenthesised)
        && !head.is_empty()
        && [
            "Exception",
            "Error",
            "Throwable",
            "Exit",
            "Interrupt",
            "Warning",
        ]
        .iter()
        // a bare `Error: …` line is a message, not a traceback's exception line
        .any(|s| head.len() > s.len() && head.ends_with(s))
}

/// Frames and headers that make a block of continuation lines a stack trace.
fn trace_like(line: &str) -> bool {
    // (Dropwizard chains a trace's causes, the root first, with `Causing: `)
    let t = crate::logline::dropwizard_marked(line).unwrap_or(line).trim_start();
    t.starts_with("at ")
        // valgrind's callers: `by 0x109359: main (leak.c:17)`
        || t.starts_with("by 0x")
        // glog's failure handler's: `@     0x564b973543bc deref_config()`
        || (t.starts_with("@ ") && re!(r"^@ +0x[0-9a-f]+ +\S").is_match(t))
        || crate::logline::is_native_frame(t)
        // a Go frame (its function, then its place: `/app/main.go:57 +0xf4`)
        || crate::logline::is_go_frame(line)
        || crate::logline::go_place(t)
        // a Rust backtrace's numbered frames: `19:     0x55f1a314bd46 - app::main::hd698b3`,
        // `3: std::panicking::begin_panic` (each may have its `at src/main.rs:24:7` below)
        || (t.starts_with(|c: char| c.is_ascii_digit()) && re!(r"^\d+: +(0x[0-9a-f]+ - |\S*::)").is_match(t))
        || frames::numbered_frame(line).is_some()
        || crate::logline::is_ruby_frame(line)
        || crate::logline::is_slowlog_frame(line)
        || crate::logline::is_xdebug_frame(line)
        // Perl's Carp: `Shop::Inventory::_check_qty(HASH(0x55dd5fa0a708), 5) called at
        // lib/Shop/Inventory.pm line 17`
        || (t.contains(" called at ") && re!(r" called at \S+ line \d+\.?\s*$").is_match(t))
        || t.starts_with("File \"")
        || t.starts_with(TRACEBACK)
        || t.starts_with("Caused by: ")
        || t.starts_with("Causing: ")
        || t.starts_with("... ")
        || exception_header(t)
}

/// If a stack trace starts at line index `i`, the index one past its end. A trace is the event
/// line that introduces it plus the continuation lines after it, when they hold frames.
fn trace_block(lines: &[&str], i: usize, run: &mut ContinuationRun) -> Option<usize> {
    // a blank line opens no event: the trace Node prints under one (`TypeError: …` and its
    // frames, after the source line and its caret) starts at its exception line
    if lines[i].bytes().all(|b| b.is_ascii_whitespace()) {
        return None;
    }
    let python_here = lines[i].starts_with(TRACEBACK);
    let starts_here = opens_trace(lines[i]);
    let (mut end, frames, traceback) = run.after(lines, i);
    let frames = frames + starts_here as usize;
    let python = traceback || python_here;
    // Python ends a traceback with an unindented `Type: message` line
    if end < lines.len() && python && end > i + 1 && is_python_frame(lines[end - 1]) && is_exception_line(lines[end]) {
        end += 1;
    }
    // mostly frames: an indented dump or a log whose lines all start with a space is no trace.
    // A Python frame takes up to three lines: its place, its source line, and since Python
    // 3.11 the carets that point into it
    let lines_per_frame = if python { 3 } else { 2 };
    let mostly = frames * lines_per_frame >= end - i - 1;
    (mostly && (frames >= 2 || (starts_here && end > i + 1))).then_some(end)
}

pub(crate) const TRACEBACK: &str = "Traceback (most recent call last)";

/// Whether `line` opens a stack trace by itself: Python's `Traceback (most recent call last):`,
/// or the exception a trace is of (`java.lang.IllegalStateException: closed`).
pub(crate) fn opens_trace(line: &str) -> bool {
    line.starts_with(TRACEBACK) || exception_header(line)
}

/// Whether a continuation line opens a Python traceback (a chained one is indented).
fn opens_traceback(line: &str) -> bool {
    line.trim_start().starts_with(TRACEBACK)
}

/// The run of continuation lines `trace_block` read last, counted from the line it was asked
/// after. Every line of a long indented block (a setup log's device section, a dump) asks
/// whether a trace starts there: reading the rest of the block each time made a block of
/// 10,000 lines cost 50 million reads. Lines are asked in order, so the run is read once,
/// and each line's share is taken off as it passes.
#[derive(Default)]
struct ContinuationRun {
    /// the first line counted, and the first line past the run (`None` before any read)
    span: Option<(usize, usize)>,
    /// lines counted that look like frames, and that open a Python traceback
    frames: usize,
    tracebacks: usize,
}

impl ContinuationRun {
    /// For the continuation lines after line `i`: the index one past them, how many look like
    /// frames, and whether one opens a Python traceback.
    fn after(&mut self, lines: &[&str], i: usize) -> (usize, usize, bool) {
        let from = i + 1;
        let (mut at, end) = match self.span {
            Some((at, end)) if at <= from && from <= end => (at, end),
            _ => {
                let mut end = from;
                (self.frames, self.tracebacks) = (0, 0);
                // (a Python traceback right under another's last line, its exception under a
                // frame, is another trace: a crash loop prints one after another, where a
                // chained one is told apart by a paragraph between, `During handling of the
                // above exception, …`. Read from the lines alone, so that the run is the same
                // from whichever line it is asked: `ERROR: Exception in ASGI application`,
                // under no frame, opens its traceback)
                let another_traceback = |end: usize| {
                    end >= 2 && lines[end].starts_with(TRACEBACK) && is_exception_line(lines[end - 1]) && is_python_frame(lines[end - 2])
                };
                while end < lines.len() && (continues(lines[end]) || zap_frame(lines, end)) && !another_traceback(end) {
                    self.frames += trace_like(lines[end]) as usize;
                    self.tracebacks += opens_traceback(lines[end]) as usize;
                    end += 1;
                }
                (from, end)
            }
        };
        while at < from {
            self.frames -= trace_like(lines[at]) as usize;
            self.tracebacks -= opens_traceback(lines[at]) as usize;
            at += 1;
        }
        self.span = Some((at, end));
        (end, self.frames, self.tracebacks > 0)
    }
}

/// Whether line `k` is a Go function zap prints bare over its place (see
/// `logline::is_bare_go_function`): a frame that continues the event above.
fn zap_frame(lines: &[&str], k: usize) -> bool {
    crate::logline::is_bare_go_function(lines[k]) && lines.get(k + 1).is_some_and(|l| crate::logline::is_go_place(l))
}

/// The source line or `File "…"` line that a Python traceback prints before its last line.
fn is_python_frame(line: &str) -> bool {
    line.starts_with("    ") || line.trim_start().starts_with("File \"")
}

/// The last line of a Python traceback: `pkg.mod.Error: message` or a bare exception name.
fn is_exception_line(line: &str) -> bool {
    let head = line.split(": ").next().unwrap_or("");
    !head.is_empty()
        && !head.contains(' ')
        && head.bytes().next().is_some_and(|c| c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> Options {
        Options::for_test(None)
    }

    #[test]
    fn an_erlang_reports_message_stands_under_its_header() {
        // OTP's default format: a header states the level, the message opens the next line,
        // unindented. A new failure (`noproc`, once the supervisor gave up) after many of
        // another (`timeout`) is another message, though every header reads the same
        let report = |i: usize, reason: &str| {
            format!(
                "=ERROR REPORT==== 5-Dec-2026::11:28:{:02}.{:06} ===\ninvoice INV-{i:06} call exited: {{{reason},\n                                 {{gen_server,call,\n                                  [invoice_srv,{{invoice,#{{id => \"INV-{i:06}\"}}}},1000]}}}}\n",
                i % 60,
                i * 7919 % 1_000_000
            )
        };
        let mut text = String::new();
        for i in 0..200 {
            text += &report(i, "timeout");
            text += &format!("=INFO REPORT==== 5-Dec-2026::11:28:{:02}.000001 ===\n    invoice INV-{i:06} retried\n", i % 60);
        }
        text += "=SUPERVISOR REPORT==== 5-Dec-2026::11:29:00.757847 ===\n    supervisor: {local,billing_sup}\n    errorContext: shutdown\n    reason: reached_max_restart_intensity\n\n";
        for i in 200..400 {
            text += &report(i, "noproc");
        }
        let out = compress(&text, &opts()).text;
        for said in ["call exited: {timeout,", "call exited: {noproc,", "reason: reached_max_restart_intensity"] {
            assert!(out.contains(said), "{said}: {out}");
        }
        assert!(out.lines().count() < 60, "{out}");
    }

    #[test]
    fn lager_s_reports_state_their_level_after_its_time() {
        // lager's crash.log: a worker crashes again and again until its supervisor gives up;
        // the give-up is another reason, under the same header, and stays
        let mut text = String::new();
        let report = |t: usize, context: &str, reason: &str| {
            format!("2018-07-24 01:27:{t:02} =SUPERVISOR REPORT====\n     Supervisor: {{local,node_worker_sup}}\n     Context:    {context}\n     Reason:     {reason}\n     Offender:   [{{pid,<0.{}.0>}},{{id,node_ping_worker}}]\n\n", 900 + t)
        };
        for t in 0..12 {
            text += &format!("2018-07-24 01:27:{t:02} =PROGRESS REPORT====\n     supervisor: {{local,node_worker_sup}}\n     started: [{{pid,<0.{}.0>}},{{id,node_ping_worker}}]\n\n", 800 + t);
            text += &report(t, "child_terminated", "{undef,[{grisp_led,color,[1,green],[]}]}");
        }
        text += &report(13, "shutdown", "reached_max_restart_intensity");
        for t in 14..30 {
            text += &format!("2018-07-24 01:27:{t:02} =PROGRESS REPORT====\n     application: node\n     started_at: node@host\n\n");
        }
        let out = compress(&text, &opts()).text;
        assert!(out.contains("     Reason:     reached_max_restart_intensity"), "{out}");
        assert_eq!(crate::logline::banner_level("2018-07-24 01:27:44 =CRASH REPORT====").map(|l| l.0), Some(crate::logline::Severity::Error));
    }

    #[test]
    fn an_erlang_report_behind_a_streams_prefix_states_its_level() {
        // a compose service's crash reports are errors, counted where they fold
        let mut text = String::new();
        for i in 0..40 {
            text += &format!("rabbit-1  | =INFO REPORT==== 5-Dec-2026::11:28:{:02}.000001 ===\nrabbit-1  |     accepting AMQP connection {i}\n", i % 60);
            if i % 10 == 5 {
                text += &format!("rabbit-1  | =CRASH REPORT==== 5-Dec-2026::11:28:{:02}.962830 ===\nrabbit-1  |   crasher:\nrabbit-1  |     initial call: rate_cache:init/1\nrabbit-1  |     exception error: no match of right hand side value {{gen,{}}}\n", i % 60, i / 10);
            }
        }
        let out = compress(&text, &opts()).text;
        assert!(out.contains("rabbit-1  |     exception error: no match of right hand side value {gen,0}"), "{out}");
        // (each later report is one error, its lines one event with the header)
        assert!(out.contains("[hr 79 lines, 3 errors L17-95]"), "{out}");
    }

    #[test]
    fn an_elixir_errors_parts_set_apart_by_blank_lines_are_one_event() {
        // the frames below the blank lines say where each crash was: the second crash, through
        // other code, stays whole, the third, as the first, folds
        let crash = |t: u32, table: &str, line: u32| {
            format!(
                "11:26:{t:02}.269 [error] Task #PID<0.{t}07.0> started from #PID<0.96.0> terminating\n** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: the table identifier does not refer to an existing ETS table\n\n    (stdlib 4.2) :ets.lookup(:{table}, 146)\n    (shopq 0.1.0) lib/shopq/application.ex:{line}: anonymous fn/1 in Shopq.Load.run/2\n    (elixir 1.14.0) lib/task/supervised.ex:89: Task.Supervised.invoke_mfa/2\nFunction: #Function<5.62684449/0 in Shopq.Load.run/2>\n    Args: []\n\n"
            )
        };
        let mut text = String::new();
        for t in 0..40 {
            text += &format!("11:25:{:02}.100 [info] sweeper run={t} expired_carts={}\n\n", t % 60, t % 7);
        }
        text += &crash(1, "no_such_table", 153);
        text += &crash(2, "carts", 171);
        text += &crash(3, "no_such_table", 153);
        let out = compress(&text, &opts()).text;
        for said in ["application.ex:153:", "application.ex:171:", ":ets.lookup(:carts, 146)"] {
            assert!(out.contains(said), "{said}: {out}");
        }
        assert_eq!(out.matches("application.ex:153:").count(), 1, "{out}");
    }

    #[test]
    fn a_word_alone_under_an_error_is_its_message_as_drain_reads_it() {
        // a bad input quoted on a line of its own tells one failure from another; a number
        // there is a value, as Drain masks it
        let crash = |t: u32, word: &str| {
            format!("11:26:{t:02}.269 [error] GenServer #PID<0.{t}07.0> terminating\n** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a textual representation of an integer\n\n    {word}\n    (shopq 0.1.0) lib/shopq/application.ex:98: Shopq.Parse.run/1\n\n")
        };
        let mut text = String::new();
        for t in 0..30 {
            text += &format!("11:25:{:02}.100 [info] sweeper run={t} expired_carts={}\n\n", t % 60, t % 7);
        }
        for (t, word) in [(1, "12x380"), (2, "12x468"), (3, "12x380")] {
            text += &crash(t, &format!(":erlang.binary_to_integer(\"{word}\")"));
        }
        for t in 4..8 {
            text += &crash(t, &format!("{{post,\"acct-0{t}1\",{t}}},"));
        }
        let out = compress(&text, &opts()).text;
        assert!(out.contains("(\"12x380\")") && out.contains("(\"12x468\")"), "{out}");
        assert_eq!(out.matches("12x380").count(), 1, "{out}");
        // (the first and the last of a run of one message stay, those between fold)
        assert!(!out.contains("acct-051") && !out.contains("acct-061"), "{out}");
    }

    #[test]
    fn xdebugs_stamped_frames_are_the_trace_of_the_error_above() {
        // each frame a record of its own in PHP's error_log: the innermost call, which failed,
        // stays with its trace, and a trace through the same calls folds whole
        let trace = |file: &str| {
            let at = "[05-Dec-2026 11:39:28 UTC] PHP";
            format!(
                "{at} Warning:  file_get_contents({file}): Failed to open stream: No such file or directory in /app/worker.php on line 27\n{at} Stack trace:\n{at}   1. {{main}}() /app/worker.php:0\n{at}   2. JobRunner->run($job = class Job {{ public int $id = 3; }}) /app/worker.php:40\n{at}   3. JobRunner->resize($file = '{file}') /app/worker.php:16\n{at}   4. file_get_contents($filename = '{file}') /app/worker.php:27\n"
            )
        };
        let mut text = String::new();
        for i in 0..40 {
            text += &format!("[05-Dec-2026 11:39:{:02} UTC] job {i} done in {} ms\n", i % 60, 100 + i * 7 % 90);
            if i % 10 == 3 {
                text += &trace(&format!("/uploads/img{i}.png"));
            }
        }
        let out = compress(&text, &opts()).text;
        assert!(out.contains("PHP   4. file_get_contents($filename = '/uploads/img3.png') /app/worker.php:27"), "{out}");
        assert!(out.contains("3 stack traces"), "{out}");
        assert!(!out.contains("img23.png"), "{out}");
    }

    #[test]
    fn an_error_on_another_quoted_file_is_another_error_up_to_a_few_names() {
        // a Node service's missing modules: each one is another failure to fix
        let modules = ["../../../favoriteLocation/data", "./upload/routes/", "../models/Request", "../../global_values/status", "./routes/auth"];
        let mut text = String::new();
        for i in 0..400 {
            text += &format!("2024-06-11 05:{:02}:{:02} INFO heartbeat ok after {} ms\n", i / 60, i % 60, 3 + i % 17);
            if i % 16 == 5 {
                text += &format!("2024-06-11 05:{:02}:{:02} ERROR uncaughtException: Cannot find module '{}'\n", i / 60, i % 60, modules[i / 16 % modules.len()]);
            }
        }
        let out = compress(&text, &opts()).text;
        for module in modules {
            assert!(out.contains(&format!("Cannot find module '{module}'\n")), "{module}: {out}");
        }
        // and so is an error on another file whose path a colon closes, before what failed
        let keys = ["password.key", "gatekeeper.password.key", "gatekeeper.pattern.key", "gesture.key"];
        let mut text = String::new();
        for i in 0..200 {
            text += &format!("05-12 10:01:{:02}.{i:03}  1817  2025 I ActivityManager: Start proc {}:com.example.app/u0a{i} for service\n", i % 60, 7000 + i);
            if i % 20 == 9 {
                text += &format!("05-12 10:01:{:02}.{i:03}  1817  1902 E LockSettingsStorage: Cannot read file java.io.FileNotFoundException: /data/system/{}: open failed: ENOENT (No such file or directory)\n", i % 60, keys[i / 20 % keys.len()]);
            }
        }
        let out = compress(&text, &opts()).text;
        for key in keys {
            assert!(out.contains(&format!("/data/system/{key}: open failed")), "{key}: {out}");
        }
        // a search through many files that are not there shows a few of them, not each
        let mut text = String::new();
        for i in 0..300 {
            text += &format!("openat(AT_FDCWD, \"/usr/lib/python3.11/site-packages/mod{}x.so\", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)\n", ["alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi"][i % 16]);
            text += &format!("read(3, \"\\177ELF\\2\\1\", 832) = {}\n", 800 + i % 32);
        }
        text += &"write(1, \"done\\n\", 5) = 5\n".repeat(12);
        let out = compress(&text, &opts()).text;
        // (the names' first few and the message past them, each with its last in a long run)
        let shown: FxHashSet<&str> = out.lines().filter(|l| l.contains("ENOENT")).collect();
        assert!((2..=usize::from(NAMES_SHOWN) + 2).contains(&shown.len()), "{}: {out}", shown.len());
        // a host Ansible names in brackets, each host that failed, the same way, and the same
        // host's other failures fold
        let mut text = String::new();
        for (k, host) in ["app01", "app02", "app03", "app03", "app04", "edge01", "edge02"].iter().enumerate() {
            for other in 0..20 {
                text += &format!("2026-12-07 17:23:{:02},{other:03} p=3300 u=root n=ansible | ok: [node{other:02}] => {{\"changed\": false}}\n", k * 5);
            }
            text += &format!("2026-12-07 17:23:{:02},500 p=3300 u=root n=ansible | fatal: [{host}]: UNREACHABLE! => {{\"changed\": false, \"msg\": \"Failed to connect to the host via ssh\", \"unreachable\": true}}\n", k * 5 + 1);
        }
        text += &"2026-12-07 17:23:59,000 p=3300 u=root n=ansible | PLAY RECAP ******\n".repeat(3);
        let out = compress(&text, &opts()).text;
        for host in ["app01", "app02", "app03", "app04", "edge01", "edge02"] {
            assert_eq!(out.matches(&format!("fatal: [{host}]: UNREACHABLE!")).count(), 1, "{host}: {out}");
        }
        // (a time in brackets names no one)
        assert!(!names_a_subject("12:00:01") && names_a_subject("web-1.example.net"));
        // nor does a thread's name in brackets after a level: its errors are one message
        let mut text = String::new();
        for k in 0..40 {
            text += &format!("2026-12-07 17:23:{:02},000 INFO [main]: heartbeat ok\n", k % 60);
            if k % 4 == 1 {
                text += &format!("2026-12-07 17:23:{:02},500 ERROR [http-nio-8080-exec-{k}]: Connection refused to db-primary:5432\n", k % 60);
            }
        }
        text += &"2026-12-07 17:24:00,000 INFO [main]: stopping\n".repeat(3);
        // (its first and, the run being long, its last)
        let out = compress(&text, &opts()).text;
        assert!(out.matches("Connection refused to db-primary").count() <= 2, "{out}");
    }

    #[test]
    fn a_json_log_shows_each_process_that_started_after_the_first() {
        // pino's records name their process: a new one after another's is the server restarted
        let pids = [98446, 114039, 116912];
        let text: String = (0..600)
            .map(|i| format!("{{\"level\":30,\"time\":{},\"pid\":{},\"hostname\":\"desk\",\"req\":{{\"method\":\"GET\",\"url\":\"/api/stats\"}},\"msg\":\"request completed\"}}\n", 1679122252745u64 + i as u64 * 1000, pids[i / 200]))
            .collect();
        let out = compress(&text, &opts()).text;
        for pid in pids {
            assert!(out.contains(&format!("\"pid\":{pid},")), "{pid}: {out}");
        }
    }

    #[test]
    fn a_crash_loop_shows_each_of_its_first_restarts() {
        // compose restarting a service that fails the same way each time: the same lines, word
        // for word, and the supervisor's line saying it restarts it
        let mut text = String::new();
        for round in 0..3 {
            for i in 0..40 {
                text += &format!("web-1  | 2026-02-10 08:2{round}:{i:02} INFO serving static file /assets/app.{i}.js\n");
            }
            text += "api-1  | Error: Could not resolve placeholder 'huggingface.api.key'\napi-1 exited with code 1 (restarting)\n";
        }
        let out = compress(&text, &opts()).text;
        assert_eq!(out.matches("api-1 exited with code 1 (restarting)").count(), 3, "{out}");
    }

    #[test]
    fn each_run_of_apt_that_failed_shows_with_its_command() {
        // apt's history.log: dpkg fails alike whatever was installed; the record's command says
        // which run failed, and the record's fields belong to it
        let record = |k: usize, command: &str, error: bool| {
            let error = if error { "Error: Sub-process /usr/bin/dpkg returned an error code (1)\n" } else { "" };
            format!("Start-Date: 2013-01-10  1{}:{:02}:06\nCommandline: apt-get install {command}\nInstall: {command}:amd64 (1.{k}-1)\n{error}End-Date: 2013-01-10  1{}:{:02}:07\n\n", k / 60, k % 60, k / 60, k % 60)
        };
        let mut text = String::new();
        for k in 0..40 {
            text += &record(k, &format!("pkg{}", k % 4), false);
        }
        for (k, command) in ["rabbitmq-server", "rabbitmq-server", "ethtool", "insserv", "ipcalc"].iter().enumerate() {
            text += &record(40 + k, command, true);
        }
        for k in 45..60 {
            text += &record(k, &format!("pkg{}", k % 4), false);
        }
        text += &record(60, "git-man git liberror-perl patch", false);
        let c = compress(&text, &opts());
        for command in ["rabbitmq-server", "ethtool", "insserv", "ipcalc"] {
            let at = c.text.find(&format!("Commandline: apt-get install {command}\n")).unwrap_or_else(|| panic!("{command}: {}", c.text));
            assert!(c.text[at..].lines().take(4).any(|l| l.starts_with("Error: ")), "{command}: {}", c.text);
        }
        // a run's new field after a fold stays under its own record's start and command
        let install = c.text.find("Install: git-man git liberror-perl patch:amd64").unwrap_or_else(|| panic!("{}", c.text));
        assert!(c.text[..install].ends_with("Start-Date: 2013-01-10  11:00:06\nCommandline: apt-get install git-man git liberror-perl patch\n"), "{}", c.text);
        // a line that begins as an apt field does, outside apt's history, keeps what it belongs to
        let mut text = String::new();
        for k in 0..120 {
            text += &format!("2024-01-01 10:{:02}:{:02} INFO sync: uploaded chunk {k} ok\n", k / 60, k % 60);
            if k % 20 == 19 {
                text += &format!("2024-01-01 10:{:02}:{:02} WARN sync: remote replied:\nError: {} for object {k}\n", k / 60, k % 60, ["quota exceeded", "permission denied", "checksum mismatch", "bucket missing", "token expired", "rate limited"][k / 20]);
            }
        }
        let c = compress(&text, &opts());
        for error in ["permission denied", "checksum mismatch", "token expired"] {
            let at = c.text.find(&format!("Error: {error}")).unwrap_or_else(|| panic!("{error}: {}", c.text));
            assert!(c.text[..at].ends_with("WARN sync: remote replied:\n"), "{error}: {}", c.text);
        }
    }

    #[test]
    fn each_boot_of_a_syslog_of_many_boots_is_shown() {
        // the host restarted: the kernel's first line of each boot says so, among lines that
        // repeat from one boot to the next
        // (the log opens before the first boot it holds)
        let mut text: String = (0..50).map(|i| format!("Jun 09 23:59:{i:02} srv CRON[{}]: (root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)\n", 900 + i)).collect();
        for boot in 0..4 {
            text += &format!("Jun {:02} 10:00:00 srv kernel: [    0.000000] Linux version 5.4.0-216-generic (buildd@lcy02-amd64-032) #236-Ubuntu SMP\n", 10 + boot);
            for i in 0..120 {
                text += &format!("Jun {:02} 10:{:02}:{:02} srv kernel: [   {i}.{:06}] usb 1-{}: new high-speed USB device number {i} using xhci_hcd\n", 10 + boot, i / 60, i % 60, i * 37 % 1_000_000, i % 4);
                text += &format!("Jun {:02} 10:{:02}:{:02} srv CRON[{}]: (root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)\n", 10 + boot, i / 60, i % 60, 1000 + i);
            }
        }
        let out = compress(&text, &opts()).text;
        assert_eq!(out.matches("Linux version 5.4.0-216-generic").count(), 4, "{out}");
        // a host of many boots shows its first few, and its last (the boot the log ends in)
        let many = text.replace("Jun 1", "Jul 1") + &text.replace("Jun 1", "Aug 1") + &text;
        let out = compress(&many, &opts()).text;
        assert_eq!(out.matches("Linux version 5.4.0-216-generic").count(), RESTARTS_SHOWN + 1, "{out}");
        assert!(out.contains("Jun 13 10:00:00 srv kernel: [    0.000000] Linux version"), "{out}");
        // a unit restarted hundreds of times shows how many times last
        let mut looped = String::new();
        for k in 1..=300 {
            looped += &format!("Oct 03 20:{:02}:{:02} pad ollama[{}]: Error: listen tcp 127.0.0.1:11434: bind: address already in use\n", k / 60 % 60, k % 60, 1000 + k);
            looped += &format!("Oct 03 20:{:02}:{:02} pad systemd[1]: ollama.service: Scheduled restart job, restart counter is at {k}.\n", k / 60 % 60, k % 60);
        }
        looped += &"Oct 03 21:00:00 pad systemd[1]: Started session 4 of user alice.\n".repeat(30);
        let out = compress(&looped, &opts()).text;
        assert!(out.contains("restart counter is at 300."), "{out}");
        assert!(crate::logline::says_restarted("[    0.000000] Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org)"));
        assert!(crate::logline::says_restarted("wissen-backend exited with code 1 (restarting)"));
        assert!(crate::logline::says_restarted("Jun 10 10:00:00 srv systemd[1]: api.service: Scheduled restart job, restart counter is at 3."));
        assert!(crate::logline::says_restarted("Mar 05 03:59:09 nixxin kernel: Linux version 6.6.19 (nixbld@localhost)"));
        assert!(!crate::logline::says_restarted("Mar 05 03:59:09 nixxin sshd[7]: banner: Linux version 6.6.19"));
    }

    #[test]
    fn an_android_service_that_crash_loops_shows_each_restart_scheduled() {
        // Android restarts a crashed service after 1 s, and after 30 minutes once it crashes
        // again: how long it waits says the service crash-loops
        let mut text = String::new();
        for (k, delay) in [(0, 1000), (1, 1800000)] {
            for i in 0..40 {
                text += &format!("03-13 10:01:{:02}.{i:03}  1817  2025 I ActivityManager: Start proc {}:com.example.app/u0a{i} for service\n", 20 + k, 7000 + i);
            }
            text += &format!("03-13 10:01:{:02}.846  1817  3093 W ActivityManager: Scheduling restart of crashed service com.mgoogle.android.gms/org.microg.gms.gcm.McsService in {delay}ms for start-requested\n", 23 + k);
        }
        let out = compress(&text, &opts()).text;
        assert!(out.contains("McsService in 1800000ms"), "{out}");
        assert!(crate::logline::says_restarted("03-13 10:01:50.813  1817  2025 W ActivityManager: Scheduling restart of crashed service com.x/a.NetworkService in 1000ms"));
    }

    #[test]
    fn a_unit_that_fails_after_another_is_shown_behind_an_iso_syslog_time() {
        // rsyslog's high-precision format (Debian 12, Ubuntu 24.04): a time Drain cannot mask,
        // where its reading of which lines repeat rules, and it joins one unit's failure to
        // another's; the classic header's log shows each
        for iso in [true, false] {
            let mut text = String::new();
            for i in 0..300 {
                let time = if iso { format!("2025-10-14T11:{:02}:{:02}.{:06}+08:00", i / 60, i % 60, i * 7919 % 1_000_000) } else { format!("Oct 14 11:{:02}:{:02}", i / 60, i % 60) };
                text += &format!("{time} nas smartd[1202]: Device: /dev/sd{}, SMART Usage Attribute: 190 Airflow_Temperature_Cel changed from {} to {}\n", ["a", "b", "c"][i % 3], 60 + i % 5, 61 + i % 5);
                if let Some(unit) = [(50, "trim_wayland"), (120, "trim_miniscreen"), (200, "trim_tfa")].iter().find(|(at, _)| *at == i).map(|(_, u)| u) {
                    text += &format!("{time} nas systemd[1]: {unit}.service: Failed with result 'exit-code'.\n{time} nas systemd[1]: Failed to start {unit}.service - Trim Service.\n");
                }
            }
            let out = compress(&text, &opts()).text;
            for unit in ["trim_wayland", "trim_miniscreen", "trim_tfa"] {
                assert!(out.contains(&format!("systemd[1]: Failed to start {unit}.service")), "{iso} {unit}: {out}");
            }
        }
        // the status a unit's process exited with is a failure's, told by systemd after how it
        // ended, with no failing word (`status=2/INVALIDARGUMENT`)
        let mut text = String::new();
        for i in 0..300 {
            text += &format!("2025-10-14T11:{:02}:{:02}.{:06}+08:00 nas smartd[1202]: Device: /dev/sda, SMART Usage Attribute: 190 Airflow_Temperature_Cel changed from {} to {}\n", i / 60, i % 60, i * 7919 % 1_000_000, 60 + i % 5, 61 + i % 5);
            if let Some(unit) = [(50, "trim_wayland"), (120, "trim_miniscreen"), (200, "trim_tfa")].iter().find(|(at, _)| *at == i).map(|(_, u)| u) {
                text += &format!("2025-10-14T11:{:02}:{:02}.000001+08:00 nas systemd[1]: {unit}.service: Main process exited, code=exited, status=2/INVALIDARGUMENT\n", i / 60, i % 60);
            }
        }
        let out = compress(&text, &opts()).text;
        for unit in ["trim_wayland", "trim_miniscreen", "trim_tfa"] {
            assert!(out.contains(&format!("systemd[1]: {unit}.service: Main process exited, code=exited, status=2/INVALIDARGUMENT")), "{unit}: {out}");
        }
        assert!(severity::failed_code("systemd[1]: x.service: Main process exited, code=exited, status=1/FAILURE"));
        assert!(!severity::failed_code("systemd[1]: x.service: Main process exited, code=exited, status=0/SUCCESS"));
    }

    #[test]
    fn each_service_of_a_compose_log_that_fails_is_shown_failing() {
        // five replicas of one image, each finding no GPU: five failures, not one repeated
        let mut text = String::new();
        for i in 0..200 {
            let server = 1 + i % 5;
            let pad = if i < 100 { "" } else { "    " };
            text += &format!("server_{server}-1  {pad}| 2024-10-15T07:17:{:02}.25Z INFO loading shard {} of model\n", i % 60, i % 7);
            if [21, 62, 103, 144, 185].contains(&i) {
                text += &format!("server_{server}-1  {pad}| 2024-10-15T07:17:{:02}.26Z ERROR: No supported GPU(s) detected to run this container\n", i % 60);
            }
        }
        let out = compress(&text, &opts()).text;
        for server in 1..=5 {
            assert!(out.contains(&format!("server_{server}-1  ")) && out.lines().any(|l| l.starts_with(&format!("server_{server}-1 ")) && l.contains("No supported GPU")), "{server}: {out}");
        }
        // fifty replicas failing alike show the first few of them, not each
        let mut text: String = (0..2000)
            .map(|i| format!("worker-{}  | 2024-10-15T07:17:{:02}.26Z ERROR could not connect to broker amqp://rabbit:5672: connection refused\n", i % 50, i % 60))
            .collect();
        text += &"api-1     | 2024-10-15T07:18:00.00Z INFO shutting down\n".repeat(12);
        let out = compress(&text, &opts()).text;
        // (each one's first, the message's past them, and their last in a long run)
        let failing: FxHashSet<&str> = out.lines().filter(|l| l.contains("connection refused")).filter_map(|l| l.split_whitespace().next()).collect();
        assert!((2..=usize::from(NAMES_SHOWN) + 2).contains(&failing.len()), "{}: {out}", failing.len());
        assert_eq!(crate::logline::service_name("server_4-1      | "), Some("server_4-1"));
        assert_eq!(crate::logline::service_name("07:25:20 web.1    | "), Some("web.1"));
        assert_eq!(crate::logline::service_name("[pod/api-0/api] "), Some("[pod/api-0/api]"));
        assert_eq!(crate::logline::service_name("[api] "), None);
    }

    #[test]
    fn a_request_django_logs_as_failed_fails_by_its_status_and_path() {
        // `django.request` logs each failed request at WARNING by its reason and path; each path
        // that failed is another failure, as an access log's is
        let mut text = String::new();
        for i in 0..300 {
            text += &format!("2025-01-03 02:{:02}:{:02},711 - nautobot.core.api - INFO - Listed {} objects for user admin\n", i / 60, i % 60, i % 40);
            if i % 20 == 7 {
                let path = ["/api/users/config/", "/api/dcim/devices/", "/api/ipam/vrfs/"][i / 20 % 3];
                text += &format!("2025-01-03 02:{:02}:{:02},758 - django.request - WARNING - Forbidden: {path}\n", i / 60, i % 60);
            }
        }
        let out = compress(&text, &opts()).text;
        for path in ["/api/users/config/", "/api/dcim/devices/", "/api/ipam/vrfs/"] {
            assert!(out.contains(&format!("WARNING - Forbidden: {path}\n")), "{path}: {out}");
        }
    }

    #[test]
    fn a_ruby_exception_is_an_error_and_a_request_it_names_tells_it_apart() {
        // Rails' development log: no time, no level; each route that failed is another failure
        let mut text = String::new();
        for round in 0..6 {
            for (method, path) in [("GET", "/wp-login.php"), ("GET", "/admin/.env"), ("DELETE", "/products/4"), ("GET", "/products/12/edit")] {
                text += &format!("Started {method} \"{path}\" for 127.0.0.1 at 2026-12-05 11:50:{round:02} +0000\n  \nActionController::RoutingError (No route matches [{method}] \"{path}\"):\n  \n");
            }
        }
        let out = compress(&text, &opts()).text;
        for failed in ["[GET] \"/admin/.env\"", "[DELETE] \"/products/4\"", "[GET] \"/products/12/edit\""] {
            assert!(out.contains(&format!("ActionController::RoutingError (No route matches {failed}):")), "{failed}: {out}");
        }
        assert!(out.contains(" errors"), "{out}");
        assert_eq!(crate::logline::problem("ActionController::RoutingError (No route matches [GET] \"/x\"):"), crate::logline::Problem::Reported);
        // the quote that opens a path is no folder of it: paths as deep under other folders are
        // other requests (a missing asset after a missing stylesheet)
        let routed = |path: &str| message_of(&format!("ActionController::RoutingError (No route matches [GET] \"{path}\"):"));
        assert_ne!(routed("/img/layout/sidebar-bg.png"), routed("/public/assets/app.css"));
        assert_ne!(routed("/pros/sign_in"), routed("/assets/app.css.map"));
        assert_eq!(routed("/admin/a/.env"), routed("/admin/b/.git"));
    }

    #[test]
    fn a_request_in_an_error_is_told_apart_by_its_first_folder_and_depth() {
        let failed = |path: &str| message_of(&format!("2024-05-01 10:00:07,491 ERROR [exec-8] Request failed: POST {path} -> 500 Internal Server Error"));
        // a scanner's paths under one folder are one message (a review's case: 1,500 paths
        // kept 945 lines)
        assert_eq!(failed("/static/shell.jsp"), failed("/static/cmd.php"));
        assert_eq!(failed("/api/orders/7?x=1"), failed("/api/carts/12"));
        assert_ne!(failed("/static/shell.jsp"), failed("/cgi-bin/test.zip"));
        assert_ne!(failed("/api/orders"), failed("/api/orders/7"));
        // so is the path Django names after the reason a request failed
        let django = |path: &str| message_of(&format!("Internal Server Error: {path}"));
        assert_ne!(django("/api/chat/65867822/"), django("/api/chat/65867822/history/"));
        assert_eq!(django("/api/chat/65867822/"), django("/api/chat/63689169/"));
    }

    #[test]
    fn an_intrusion_alerts_priority_is_its_level() {
        // Suricata's fast.log: among thousands of low-priority alerts, each high-priority
        // signature stays
        let alert = |i: usize, sid: u32, msg: &str, class: &str, priority: u8| {
            format!("12/05/2026-11:52:{:02}.{:06}  [**] [1:{sid}:2] {msg} [**] [Classification: {class}] [Priority: {priority}] {{TCP}} 127.0.0.1:{} -> 127.0.0.1:47811\n", i / 1000 % 60, i * 37 % 1_000_000, 30000 + i)
        };
        let mut text = String::new();
        for i in 0..600 {
            text += &match i {
                200 => alert(i, 9000003, "PROBE XSS script tag in URI", "Web Application Attack", 1),
                400 => alert(i, 9000011, "PROBE Nmap XMAS scan", "Attempted Information Leak", 2),
                _ => alert(i, 2200074, "SURICATA TCPv4 invalid checksum", "Generic Protocol Command Decode", 3),
            };
        }
        let out = compress(&text, &opts()).text;
        assert!(out.contains("PROBE XSS script tag in URI"), "{out}");
        assert!(out.contains("PROBE Nmap XMAS scan"), "{out}");
        assert!(out.lines().count() < 12, "{out}");
        assert_eq!(crate::logline::alert_priority("a [**] [1:1:1] x [**] [Classification: y] [Priority: 1] {TCP}"), Some(crate::logline::Severity::Error));
        assert_eq!(crate::logline::alert_priority("job [Priority: 1] queued"), None);
    }

    #[test]
    fn counted_failures_are_errors() {
        // Ansible's recap: a host with a failed task is an error, which a fold counts
        let mut text = String::from("PLAY RECAP *********************************************************************\n");
        for h in 1..=30 {
            let failed = (h % 3 == 0) as u32;
            text += &format!("web{h:02}                      : ok={}   changed=3    unreachable=0    failed={failed}    skipped=0    rescued=0    ignored=0\n", 5 + h % 4);
        }
        let out = compress(&text, &opts()).text;
        assert!(out.contains("failed=1"), "{out}");
        // (the first failed host and the last stay; the 8 between are counted)
        assert!(out.contains("26 lines, 8 errors") && out.contains("failed 0×18 1×8"), "{out}");
    }

    #[test]
    fn a_csv_access_log_keeps_a_failed_request_of_each_path() {
        // its header row names the status column, and a record's time ends at a comma, not a
        // space: what a record says is the whole record, not the nothing after its time
        let mut text = String::from("date,time,client,method,path,status,bytes,ms\n");
        for i in 0..300 {
            let (method, status) = match i {
                77 => ("GET", 502),
                201 => ("GET", 404),
                250 => ("POST", 404),
                _ => (["GET", "POST"][i % 2], 200),
            };
            text += &format!("2026-11-29,10:{:02}:{:02},10.0.0.{},{method},/api/v1/items/{},{status},{},{}\n", i / 60, i % 60, i % 7, i % 97, 100 + i * 31 % 9000, i % 300);
        }
        let out = compress(&text, &opts()).text;
        for failed in [",GET,/api/v1/items/77,502,", ",GET,/api/v1/items/7,404,", ",POST,/api/v1/items/56,404,"] {
            assert!(out.contains(failed), "{failed}: {out}");
        }
        assert!(out.lines().count() < 20, "{out}");
    }

    #[test]
    fn a_request_logged_without_quotes_or_a_level_fails_by_its_status() {
        // morgan's `tiny` format: every failed request is an error, which a fold counts, as a
        // quoted request's is; an application's line that states its level is read by it
        let mut text = String::new();
        let mut failed = 0;
        for i in 0..400 {
            if i % 9 == 4 {
                failed += 1;
                text += &format!("GET /missing/{} 404 148 - 0.{i:03} ms\n", i % 5);
            } else {
                text += &format!("GET /items/{} 200 6 - 0.{i:03} ms\n", i * 7 % 300);
            }
        }
        let out = compress(&text, &opts()).text;
        assert!(out.contains("GET /missing/4 404 148 - 0.004 ms"), "{out}");
        // (a fold counts them among its errors, or by their status among its values)
        let shown = out.lines().filter(|l| l.contains(" 404 ")).count();
        let count = |l: &str, after: &str| l.split(after).nth(1).and_then(|n| n.split([' ', ',']).next()?.parse::<usize>().ok());
        let folded: usize = out
            .lines()
            .filter(|l| l.starts_with("[hr "))
            .map(|l| count(l, "404×").or_else(|| count(l, "lines, ").filter(|_| l.contains(" error"))).unwrap_or(0))
            .sum();
        assert_eq!(shown + folded, failed, "every failed request is shown or counted: {out}");
        // and so does one an application logs at info, as the guard reads it: its level says
        // how the application took it, its status how the request went
        let app = "2026-11-29 10:00:00,120 INFO [w-3] GET /missing/4 404 148ms\n";
        assert_eq!(severity(app, &Columns::default()).level, Level::Error);
        assert_eq!(crate::logline::problem(app), crate::logline::Problem::Reported);
    }

    #[test]
    fn a_value_in_single_quotes_varies_as_one_in_double_quotes() {
        // Spring names each bean in single quotes, and its class after it: one event,
        // whichever bean it names
        let beans = ["dataSource", "entityManagerFactory", "transactionManager", "jdbcTemplate", "cacheManager", "taskExecutor"];
        let text: String = beans
            .iter()
            .enumerate()
            .map(|(i, bean)| {
                let class = format!("{}{}Config", bean[..1].to_uppercase(), &bean[1..]);
                format!("2024-03-01 10:00:{i:02}.120  INFO 4242 --- [main] o.s.b.f.s.DefaultListableBeanFactory : Overriding bean definition for bean '{bean}' with a different definition: replacing [Root bean: class [{class}]]\n")
            })
            .collect();
        let out = compress(&text, &opts()).text;
        assert!(out.contains("bean 'dataSource' with"), "{out}");
        assert!(!out.contains("'entityManagerFactory'") && out.contains("5 like above"), "{out}");
    }

    #[test]
    fn a_logfmt_line_that_drain_reads_as_another_event_stays() {
        // Drain reads a logfmt message's words as a plain line's: once other messages have
        // made the words of `Stopping server gracefully` wildcards of its cluster, the time
        // decides, and the hour Drain cannot mask (`27T22`) makes the line another event
        // (traefik's shutdown after an hour); a repeat within the hour folds
        let at = |h: u32, s: u32| format!("time=\"2022-10-27T{h}:35:{s:02}-06:00\" level=info msg=");
        let mut text = String::new();
        for s in 0..3 {
            text += &format!("{}\"Stopping server gracefully\"\n", at(21, s));
            for provider in ["*file.Provider", "*docker.Provider"] {
                text += &format!("{}\"Starting provider {provider}\"\n", at(21, s));
            }
        }
        let later = format!("{}\"Stopping server gracefully\"", at(22, 9));
        text += &format!("{later}\n{}\"Starting provider *file.Provider\"\n", at(22, 9));
        let out = compress(&text, &opts()).text;
        assert!(out.contains(&later), "{out}");
        assert!(!out.contains(&format!("{}\"Stopping", at(21, 1))), "a repeat within the hour folds: {out}");
    }

    #[test]
    fn an_error_drain_reads_as_another_event_stays_once() {
        // OpenStack names the tenant of each request, by ids Drain reads as words: once the
        // words of a tenant's cluster have turned into wildcards, another tenant's request
        // shares too few words with it, and the same error is another event to Drain (to our
        // miner the ids are values, and the line a repeat). Its first line stays; the others
        // fold with the lines around them
        let tenants = ["3f1c9d0e2b4a4c6d8e0f1a2b3c4d5e6f 9a8b7c6d5e4f40312a1b0c9d8e7f6a5b", "c0ffee11deadbeef22cafe33babe4444 55aa66bb77cc88dd99ee00ff11aa22bb"];
        let line = |k: usize, tenant: usize, level: &str, what: &str| {
            format!("2014-04-17 14:{:02}:{:02}.576 1455 {level} nova.compute.manager [req-{k:08x}-1a2b-4c3d-8e9f-0a1b2c3d4e5f {}] [instance: {k:08x}-9f8e-4d7c-8b6a-5f4e3d2c1b0a] {what}",
                    k / 60, k % 60, tenants[tenant])
        };
        let mut text = String::new();
        for k in 0..40 {
            let tenant = usize::from(k >= 20);
            let what = ["Terminating instance now please", "Rebooting instance as asked", "Get console output here"][k % 3];
            text += &line(k, tenant, "INFO", what);
            text.push('\n');
            if k % 5 == 4 {
                text += &line(k, tenant, "ERROR", "Instance failed to spawn");
                text.push('\n');
            }
        }
        let (first, other) = (line(24, 1, "ERROR", "Instance failed to spawn"), line(29, 1, "ERROR", "Instance failed to spawn"));
        let out = compress(&text, &opts()).text;
        assert!(out.contains(&first), "{out}");
        assert!(!out.contains(&other) && !out.contains(&line(9, 0, "ERROR", "Instance failed to spawn")), "repeats fold: {out}");
        // a short log only: Drain's reading of every line would cost as much as mining past it
        let long = text.repeat(crate::drain::READS_WHOLE_UP_TO / 48 + 1);
        assert!(!compress(&long, &opts()).text.contains(&first));
    }

    #[test]
    fn a_logfmt_record_whose_quoted_text_no_other_shares_stays() {
        // Grafana's migrations behind a compose tag, each id named once: names among names to
        // our miner, and to Drain one cluster of each length, the ids of a few words alike. An
        // id of ten words that no other record shares leaves Drain too few words alike with
        // any: an event of its own, and so is the other such id
        let things = ["user", "org", "team", "star", "alert", "quota", "tag", "role", "file", "cache", "dashboard", "playlist"];
        let forms = ["create {} table", "add index {}.login", "drop index UQE_{}_email - v1", "Rename table {} to {}_v1 - v1",
                     "Update {} table charset", "add column help_flags1 to {} table"];
        let ids: Vec<String> = things.iter().flat_map(|t| forms.iter().map(move |f| f.replace("{}", t))).collect();
        let at = |i: usize| format!("grafana-1  | logger=migrator t=2026-04-28T08:38:{:02}.{:09}Z level=info msg=\"Executing migration\" id=", i % 60, i * 7919);
        let once = [
            "Set created for temp users that will otherwise prematurely expire",
            "backfill empty share column fields with default of public access",
        ];
        let mut text = String::new();
        for (i, generated) in ids.iter().enumerate().take(70) {
            let id = match i {
                40 => once[0],
                60 => once[1],
                _ => generated,
            };
            text += &format!("{}\"{id}\"\n", at(i));
        }
        let out = compress(&text, &opts()).text;
        for id in once {
            assert!(out.contains(id), "{id}: {out}");
        }
        // the names fold
        assert!(out.lines().count() < 10, "{out}");
    }

    #[test]
    fn a_short_line_no_other_joins_in_drain_stays() {
        // Rails renders partials in lines of three words: the partial and its time vary, so
        // Drain's cluster for one partial soon holds its time as a wildcard, and a partial
        // rendered once, whose time no other line shares, is an event of its own to Drain
        let partials = ["_row.html.erb", "_cell.html.erb"];
        let mut text = String::new();
        for k in 0..40 {
            text += &format!("  Rendered /srv/app/views/{} ({}.{}ms)\n", partials[k % 2], k % 7, k % 3);
        }
        let once = "  Rendered /srv/app/views/routes/_route.html.erb (0.4ms)";
        let lines: Vec<&str> = text.lines().collect();
        let text = format!("{}\n{once}\n{}\n", lines[..20].join("\n"), lines[20..].join("\n"));
        let out = compress(&text, &opts()).text;
        assert!(out.contains(once), "{out}");
        // a partial rendered again with another time joins its cluster, and folds
        assert!(!out.contains(lines[30]), "{out}");
        assert!(out.lines().count() < 10, "{out}");
    }

    #[test]
    fn a_word_alone_no_other_line_repeats_stays_unless_it_says_nothing() {
        // a CI job's steps, each followed by a blank line the runner stamped: a time alone,
        // which says nothing however rarely each time occurs, and folds with the steps
        let mut text = String::new();
        for k in 0..40 {
            text += &format!("2026-01-28T18:03:49.71{k:02}488Z Step {k} done\n2026-01-28T18:03:49.72{k:02}488Z \n");
        }
        // then the cache files it packs, a path a line: each a word no other line holds, an
        // event of its own to Drain
        let paths: Vec<String> = (0..6u64)
            .map(|k| format!("/home/ci/.npm/_cacache/content-v2/sha512/{:02x}/{}", k * 37, format!("{:016x}", k.wrapping_mul(0x9e37_79b9_7f4a_7c15)).repeat(8)))
            .collect();
        for p in &paths {
            text += &format!("{p}\n");
        }
        let out = compress(&text, &opts()).text;
        for p in &paths {
            assert!(out.contains(p.as_str()), "{p}: {out}");
        }
        assert!(!out.contains("2026-01-28T18:03:49.7205488Z"), "{out}");
        assert!(out.lines().count() < 12, "{out}");
    }

    #[test]
    fn a_console_record_whose_quoted_text_no_other_resembles_stays() {
        // Monolog (elasticsearch-php's test log, Apache-2.0): a message, a quoted text, the
        // context as a JSON object. Our miner reads the responses' texts as variants of one
        // event; Drain reads their words, and the recoveries' table (the second) shares none
        // with the others: an event seen once
        let lines = [
            r#"[2014-12-17 13:44:24] log.DEBUG: Response ["{\"cluster_name\":\"elasticsearch_zach\",\"status\":\"yellow\",\"timed_out\":false,\"number_of_nodes\":1,\"number_of_data_nodes\":1,\"active_primary_shards\":5,\"active_shards\":5,\"relocating_shards\":0,\"initializing_shards\":0,\"unassigned_shards\":5}"] {"file":"src/Connections/AbstractConnection.php","line":134}"#,
            r#"[2014-12-17 13:44:24] log.DEBUG: Response ["index1 0 2 gateway done zacharys-air zacharys-air n/a n/a 0 0.0% 0 0.0% \nindex1 1 2 gateway done zacharys-air zacharys-air n/a n/a 0 0.0% 0 0.0% \nindex1 2 2 gateway done zacharys-air zacharys-air n/a n/a 0 0.0% 0 0.0% \nindex1 3 2 gateway done zacharys-air zacharys-air n/a n/a 0 0.0% 0 0.0% \nindex1 4 2 gateway done zacharys-air zacharys-air n/a n/a 0 0.0% 0 0.0% \n"] {"file":"src/Connections/AbstractConnection.php","line":134}"#,
            r#"[2014-12-17 13:44:24] log.DEBUG: Response ["index1 2 p STARTED    0 115b 192.168.1.128 Wyatt Wingfoot \nindex1 2 r UNASSIGNED                                     \nindex1 0 p STARTED    0 115b 192.168.1.128 Wyatt Wingfoot \nindex1 0 r UNASSIGNED                                     \nindex1 3 p STARTED    0 115b 192.168.1.128 Wyatt Wingfoot \nindex1 3 r UNASSIGNED                                     \nindex1 1 p STARTED    0 115b 192.168.1.128 Wyatt Wingfoot \nindex1 1 r UNASSIGNED                                     \nindex1 4 p STARTED    0 115b 192.168.1.128 Wyatt Wingfoot \nindex1 4 r UNASSIGNED                                     \n"] {"file":"src/Connections/AbstractConnection.php","line":134}"#,
            r#"[2014-12-17 13:44:25] log.DEBUG: Response ["index1 2 p STARTED    0 115b 192.168.1.128 Wyatt Wingfoot \nindex1 2 r UNASSIGNED                                     \nindex1 0 p STARTED    0 115b 192.168.1.128 Wyatt Wingfoot \nindex1 0 r UNASSIGNED                                     \nindex1 3 p STARTED    0 115b 192.168.1.128 Wyatt Wingfoot \nindex1 3 r UNASSIGNED                                     \nindex1 1 p STARTED    0 115b 192.168.1.128 Wyatt Wingfoot \nindex1 1 r UNASSIGNED                                     \nindex1 4 p STARTED    0 115b 192.168.1.128 Wyatt Wingfoot \nindex1 4 r UNASSIGNED                                     \nindex2 2 p STARTED    0 115b 192.168.1.128 Wyatt Wingfoot \nindex2 0 p STARTED    0 115b 192.168.1.128 Wyatt Wingfoot \nindex2 3 p STARTED    0 115b 192.168.1.128 Wyatt Wingfoot \nindex2 1 p STARTED    0 115b 192.168.1.128 Wyatt Wingfoot \nindex2 4 p STARTED    0 115b 192.168.1.128 Wyatt Wingfoot \n"] {"file":"src/Connections/AbstractConnection.php","line":134}"#,
            r#"[2014-12-17 13:44:25] log.DEBUG: Response ["index2 4 p STARTED 0 115b 192.168.1.128 Wyatt Wingfoot \nindex2 0 p STARTED 0 115b 192.168.1.128 Wyatt Wingfoot \nindex2 3 p STARTED 0 115b 192.168.1.128 Wyatt Wingfoot \nindex2 1 p STARTED 0 115b 192.168.1.128 Wyatt Wingfoot \nindex2 2 p STARTED 0 115b 192.168.1.128 Wyatt Wingfoot \n"] {"file":"src/Connections/AbstractConnection.php","line":134}"#,
        ];
        let text = lines.join("\n") + "\n";
        let out = compress(&text, &opts()).text;
        assert!(out.contains(lines[1]), "{out}");
    }

    #[test]
    fn a_client_that_fails_on_many_paths_folds_past_its_first() {
        let line = |who: &str, s: usize, path: &str, status: u16| {
            format!("{who} - - [29/Feb/2024:12:38:{:02} +0800] \"GET {path} HTTP/1.1\" {status} 512\n", s % 60)
        };
        let mut text: String = (0..5).map(|s| line("10.0.0.1", s, "/", 200)).collect();
        // a scanner's wordlist: each path fails once
        let words = ["admin", "backup", "config", "debug", "env", "git", "hidden", "install", "jenkins", "key"];
        let probed: Vec<String> = (0..40).map(|k| format!("/{}.{}", words[k % 10], ["php", "bak", "zip", "old"][k / 10])).collect();
        for (k, path) in probed.iter().enumerate() {
            text += &line("10.0.0.66", 5 + k, path, 404);
        }
        // another client's few broken links
        let broken = ["/app.js", "/style.css", "/logo.png"];
        for (k, path) in broken.iter().enumerate() {
            text += &line("10.0.0.7", 50 + k, path, 404);
        }
        let c = compress(&text, &opts());
        let shown = |path: &str| c.text.contains(&format!("GET {path} HTTP"));
        // the first paths it failed on stay, each its own failure; past them they fold
        assert!(probed[..8].iter().all(|p| shown(p)), "{}", c.text);
        assert!(!shown(&probed[20]), "{}", c.text);
        assert!(broken.iter().all(|p| shown(p)), "{}", c.text);
        assert!(c.text.lines().count() < 20, "{}", c.text);
    }

    #[test]
    fn a_variant_drain_joins_to_one_like_it_above_folds() {
        // strace of perl loading its modules: a read of a module's text is another event than
        // the read of a library's header (Drain finds two words of seven alike), but each
        // module's read after the first is one more of that event, and folds
        let mut text = String::from("read(3, \"\\177ELF\\2\\1\\1\\3\"..., 832) = 832\n");
        for m in ["Fcntl", "Exporter", "Carp", "Tie", "Hash", "Data", "Dumper", "Heavy", "Config", "Socket"]
            .iter()
            .cycle()
            .take(40)
        {
            text += &format!("openat(AT_FDCWD, \"/usr/share/perl/5.36/{m}.pm\", O_RDONLY|O_CLOEXEC) = 5\n");
            text += &format!("read(5, \"package {m};\\n\\nuse strict;\\n\\nuse\"..., 8192) = 2100\n");
            text += "close(5)                                = 0\n";
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("read(5, \"package Fcntl;"), "{}", c.text);
        assert!(!c.text.contains("read(5, \"package Dumper;"), "{}", c.text);
    }

    #[test]
    fn drain_reads_a_coloured_line_with_its_colours() {
        // rustc's code excerpts in a GitHub Actions log: each line number is glued to the
        // colours around it, which Drain reads as one word with it (no number it masks), so
        // every line is another event to it (one word of four alike), and stays; without its
        // colours, each would be a line number and a word alike
        let mut text = String::new();
        for i in 0..30 {
            let n = 40 + i * 3;
            text += &format!("2025-08-10T17:38:55.{:07}Z \x1b[1m\x1b[38;5;12m{n}\x1b[0m | v{n}.go(w{i});\n", 2299983 + i);
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("\x1b[38;5;12m85\x1b[0m | v85.go(w15);\n"), "{}", c.text);
    }

    #[test]
    fn an_error_keeps_the_catalog_entry_journalctl_prints_under_it() {
        let catalog = |unit: &str, what: &str| {
            format!("░░ Subject: L'unité (unit) {unit} {what}\n░░ Defined-By: systemd\n░░ Support: https://www.debian.org/support\n░░ \n")
        };
        let mut text = String::new();
        for i in 0..30 {
            text += &format!("févr. 05 17:36:{:02} NAS systemd[1]: Started Unit{i}.\n", i % 60);
            text += &catalog(&format!("unit{i}.service"), "a terminé son démarrage");
        }
        let failed = format!("févr. 05 17:37:00 NAS smbd[88]: ERROR: failed to bind to port 445\n{}", catalog("smbd.service", "a échoué"));
        text += &failed;
        let c = compress(&text, &opts());
        // the error stays whole, the lines its entry shares with those above included
        assert!(c.text.contains(&failed), "{}", c.text);
        assert!(!c.text.contains("Started Unit15."), "{}", c.text);
        // and the lines that say what a line above said fold elsewhere
        assert!(c.text.matches("░░ Support: https://www.debian.org/support\n").count() < 5, "{}", c.text);
    }

    #[test]
    fn buildkits_step_and_seconds_open_a_line_whose_arguments_turn_over() {
        // `go: downloading` names one module after another: behind BuildKit's step and
        // seconds, they are arguments of one event, and fold
        let modules = [
            "github.com/gorilla/mux", "github.com/google/uuid", "github.com/gorilla/websocket", "github.com/btcsuite/btcd/btcutil",
            "github.com/btcsuite/btcd", "github.com/tyler-smith/go-bip39", "github.com/hyperledger/firefly-signer", "sigs.k8s.io/yaml",
            "github.com/Code-Hex/go-generics-cache", "google.golang.org/grpc", "google.golang.org/protobuf", "github.com/rs/cors",
            "github.com/prometheus/client_golang", "github.com/spf13/viper", "github.com/spf13/cobra", "golang.org/x/net",
        ];
        let mut text = String::from("#26 [builder 4/9] RUN gradle build\n");
        for (i, m) in modules.iter().enumerate() {
            text += &format!("#26 17.{:02} go: downloading {m} v1.{i}.{}\n", 45 + i / 4, i % 3);
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("go: downloading github.com/gorilla/mux v1.0.0\n"), "{}", c.text);
        assert!(!c.text.contains("github.com/hyperledger/firefly-signer"), "{}", c.text);
    }

    #[test]
    fn a_ruby_hash_with_other_keys_is_another_request() {
        // Rails logs each request's parameters as a Ruby hash, in no set order: other keys, or
        // the same keys in another order, are another shape of request (to Drain, another
        // event); other values are values
        let mut text = String::new();
        for i in 0..40 {
            text += &format!("Processing SearchController#search (for 127.0.0.1 at 2013-03-19 21:{:02}:33) [POST]\n", i);
            text += &format!("  Parameters: {{\"location_id\"=>\"{}\", \"user_id\"=>\"{}\", \"ext\"=>\"true\"}}\n", 700 + i, i);
            if i == 20 {
                text += "  Parameters: {\"user_id\"=>\"1\", \"ext\"=>\"true\", \"location_id\"=>\"721\"}\n";
            }
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("Parameters: {\"user_id\"=>\"1\", \"ext\"=>\"true\", \"location_id\"=>\"721\"}\n"), "{}", c.text);
        assert!(!c.text.contains("\"location_id\"=>\"730\""), "{}", c.text);
    }

    #[test]
    fn a_last_line_of_escapes_alone_is_kept() {
        // maven's colour reset after its last line, with no newline after it: stripped, the
        // line is empty, and it must still be written (and planned) as the input's last line
        let text = "[INFO] Scanning for projects...\n[ERROR] Failed to execute goal\n\x1b[0m\x1b[0m";
        assert_eq!(compress(text, &opts()).text, text);
    }

    #[test]
    fn a_large_json_record_of_one_more_request_folds_unless_its_length_is_its_own() {
        // an access log's records, a hundred words each: clients in other user agents are more
        // requests of one kind, as long as another record has each one's length
        let record = |i: usize, ua: &str| {
            let headers: String = (0..36).map(|j| format!(r#""X-H{j}":["v{j}"],"#)).collect();
            format!(
                r#"{{"level":"info","ts":{}.5,"logger":"http.log.access","msg":"handled request","request":{{"remote_ip":"10.0.0.{}","method":"GET","uri":"/","headers":{{{headers}"User-Agent":["{ua}"]}}}},"status":200,"size":{}}}"#,
                1754047611 + i, i % 7, 1000 + i
            ) + "\n"
        };
        let uas = ["Mozilla/5.0 (Windows NT 10.0) Chrome Safari", "Mozilla/5.0 (Macintosh) Firefox Gecko",
                   "Mozilla/5.0 (iPhone) Mobile Safari", "curl/8.13.0 libcurl", "Wget/1.21 (linux gnu)"];
        let order = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0];
        let mut text: String = order.iter().enumerate().map(|(i, &u)| record(i, uas[u])).collect();
        let c = compress(&text, &opts());
        assert_eq!(c.text.matches(r#""User-Agent":[""#).count(), 1, "{}", c.text);
        // a record no other record of its template matches in length, as Drain would read
        // it, stays: two headers fewer and one of two values more is as many words to our
        // miner, and one word fewer written out as `json.dumps` writes a record's pairs
        let other = record(30, uas[0]).replace(r#""X-H34":["v34"],"X-H35":["v35"],"#, r#""X-Extra":["a","b"],"#);
        text += &other;
        let c = compress(&text, &opts());
        assert!(c.text.contains(r#""X-Extra":["a","b"]"#), "{}", c.text);
        // an application's short record that says something else stays, its length shared or not
        let short = |ts: usize, region: &str| {
            format!(r#"{{"level":"info","ts":{ts},"msg":"cache warmed for region {region}","size":{ts}}}"#) + "\n"
        };
        let text: String = (0..6).map(|i| short(i, "eu")).chain((6..8).map(|i| short(i, "us"))).chain((8..14).map(|i| short(i, "eu"))).collect();
        let c = compress(&text, &opts());
        assert!(c.text.contains("region us"), "{}", c.text);
    }

    #[test]
    fn a_line_said_above_word_for_word_folds_though_its_run_is_short() {
        // each run of dnf logs the same preamble, between the command it runs and its own lines
        let mut text = String::new();
        for (k, cmd) in ["remove -y", "repoquery --installonly", "list available kernel-core", "repoinfo"].iter().enumerate() {
            let t = |s: u32| format!("2025-07-12T16:4{k}:{s:02}-0700");
            text += &format!("{} DDEBUG Command: dnf {cmd}\n", t(1));
            text += &format!("{} DDEBUG Installroot: /\n{} DDEBUG Releasever: 8\n{} DEBUG cachedir: /var/cache/dnf\n", t(2), t(2), t(2));
            text += &format!("{} DDEBUG Base command: {}\n", t(3), cmd.split(' ').next().unwrap());
            for m in 0..4 {
                text += &format!("{} INFO Package kernel-core-4.18.0-{m}{k}.el8 is {cmd} {m}\n", t(4 + m));
            }
        }
        let c = compress(&text, &opts());
        // the first preamble stays; the later ones fold, each between the lines that differ
        assert_eq!(c.text.matches("Releasever: 8").count(), 1, "{}", c.text);
        assert!(c.text.contains("[hr 3 L"), "{}", c.text);
        for cmd in ["remove -y", "repoquery --installonly", "list available kernel-core", "repoinfo"] {
            assert!(c.text.contains(&format!("DDEBUG Command: dnf {cmd}\n")), "{}", c.text);
        }
        // another source saying it is that source's news
        let tagged: String = ["web-1", "db-1"]
            .iter()
            .flat_map(|svc| text.lines().map(move |l| format!("{svc:<6}| {l}\n")))
            .collect();
        let c = compress(&tagged, &opts());
        assert_eq!(c.text.matches("Releasever: 8").count(), 2, "{}", c.text);
    }

    #[test]
    fn a_stamped_blank_line_between_lines_said_above_folds_with_them() {
        // a job prints `docker version` twice: its paragraphs apart by blank lines, each behind
        // its own time
        let block = ["Client: Docker Engine - Community", " Version:           28.0.4", " API version:       1.48", " Go version:        go1.23.7", "", "Server: Docker Engine - Community", " Engine:", "  Version:          28.0.4", "  API version:      1.48 (minimum version 1.24)", ""];
        let mut k = 0;
        let mut text = String::new();
        for run in ["version", "info"] {
            text += &format!("2026-07-23T19:01:24.{k:07}Z [command]/usr/bin/docker {run}\n");
            for l in block {
                k += 1;
                text += &format!("2026-07-23T19:01:24.{:07}Z {l}\n", k * 37);
            }
        }
        let c = compress(&text, &opts());
        // (all but the last line that says something, which ends the log and stays)
        assert!(c.text.contains("[command]/usr/bin/docker info\n[hr 8 lines · hr expand abcdef012345 --lines 13-20]\n"), "{}", c.text);
        assert_eq!(said("2026-07-23T19:01:24.4837830Z "), ("", ""));
    }

    #[test]
    fn a_second_boots_kernel_lines_fold_as_said_above() {
        // kern.log as syslog writes it: each boot logs the same lines at other seconds since boot
        let said = ["e820: update [mem 0x00000000-0x00000fff] usable ==> reserved", "kvm-clock: using sched offset of 2099084191 cycles",
                    "MTRR default type: write-back", "Using GB pages for direct mapping", "check: Scanning 1 areas for low memory corruption",
                    "Kernel command line: BOOT_IMAGE=/boot/vmlinuz-5.4.0-1058-aws root=LABEL=cloudimg-rootfs ro console=tty1"];
        let mut text = String::new();
        for (day, offset) in [(7, 11), (9, 29)] {
            for (k, l) in said.iter().enumerate() {
                text += &format!("Dec  {day} 06:{offset}:15 ip-172-31-77-107 kernel: [    0.00{k}{offset}13] {l}\n");
            }
            text += &format!("Dec  {day} 06:{offset}:16 ip-172-31-77-107 systemd[1]: Started Journal Service (boot {day}).\n");
        }
        // past 10,000 seconds the seconds fill their brackets: another line to Drain
        for l in &said[1..4] {
            text += &format!("Dec  9 11:33:19 ip-172-31-77-107 kernel: [18440.137468] {l}\n");
        }
        let c = compress(&text, &opts());
        // the second boot's lines fold; the lines past 10,000 seconds stay
        assert!(!c.text.contains("Dec  9 06:29:15 ip-172-31-77-107 kernel: [    0.0012913] kvm-clock"), "{}", c.text);
        assert!(!c.text.contains("Dec  9 06:29:15 ip-172-31-77-107 kernel: [    0.0022913] MTRR"), "{}", c.text);
        for l in &said[1..4] {
            assert!(c.text.contains(&format!("[18440.137468] {l}")), "{}", c.text);
        }
        // a boot in another month is another branch of Drain's tree, whose every line is an
        // event seen once to it: it stays, once a month
        let mut text = String::new();
        for (month, day, offset) in [("Mar", 7, 11), ("Oct", 9, 29), ("Oct", 12, 31)] {
            for (k, l) in said.iter().enumerate() {
                text += &format!("{month} {day:2} 06:{offset}:15 ip-172-31-77-107 kernel: [    0.00{k}{offset}13] {l}\n");
            }
            text += &format!("{month} {day:2} 06:{offset}:16 ip-172-31-77-107 systemd[1]: Started Journal Service (boot {day}).\n");
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("Oct  9 06:29:15 ip-172-31-77-107 kernel: [    0.0012913] kvm-clock"), "{}", c.text);
        assert!(!c.text.contains("Oct 12 06:31:15 ip-172-31-77-107 kernel: [    0.0013113] kvm-clock"), "{}", c.text);
    }

    #[test]
    fn an_error_said_above_in_the_same_words_folds_unless_drain_reads_another_event() {
        // Apache's error log names the day: past midnight, `Mon` is a word the error's template
        // had not shown, yet the line says word for word what a line above said. Drain keys
        // its tree on the first word, `[Mon`: to it the first such error is another event's,
        // and stays; its repeats fold
        let mut text = String::new();
        for (day, date) in [("Sun", 4), ("Mon", 5)] {
            for h in (0..24).step_by(2) {
                text += &format!("[{day} Dec {date:02} {h:02}:47:44 2005] [notice] jk2_init() Found child {} in scoreboard slot 6\n", 2000 + h * 7 + date);
                text += &format!("[{day} Dec {date:02} {h:02}:47:45 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties\n");
                text += &format!("[{day} Dec {date:02} {h:02}:47:46 2005] [error] mod_jk child workerEnv in error state 6\n");
            }
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("[Sun Dec 04 00:47:46 2005] [error] mod_jk child workerEnv in error state 6\n"), "{}", c.text);
        assert!(c.text.contains("[Mon Dec 05 00:47:46 2005] [error] mod_jk child workerEnv in error state 6\n"), "{}", c.text);
        assert!(!c.text.contains("[Mon Dec 05 02:47:46 2005]") && !c.text.contains("[Sun Dec 04 02:47:46 2005]"), "{}", c.text);
    }

    #[test]
    fn a_first_word_without_digits_names_its_event() {
        // jstack's deadlock report opens each thread's lines with its quoted name: another name
        // is another event (Drain keys its tree on the first word), not a value of one
        let mut text = String::new();
        let pairs = [("Worker-1", "Worker-2"), ("Pool-A", "Pool-B"), ("Cache-X", "Cache-Y"), ("Io-P", "Io-Q")];
        for (k, (a, b)) in pairs.iter().enumerate() {
            text += "Found one Java-level deadlock:\n=============================\n";
            for (x, y) in [(a, b), (b, a)] {
                text += &format!("\"{x}\":\n  waiting to lock monitor 0x00006000027bd2b{k} (object 0x0000000503a0082{k}, a java.lang.Object),\n  which is held by \"{y}\"\n\n");
            }
        }
        let c = compress(&text, &opts());
        for (a, b) in pairs {
            for name in [a, b] {
                assert!(c.text.contains(&format!("\n\"{name}\":\n")), "{name}\n{}", c.text);
            }
        }
    }

    #[test]
    fn a_repeat_in_other_colours_stays_once() {
        // a CI job runs maven again with colour on: its first coloured line stays, the repeat
        // of it folds with the plain repeats
        let plain = "[INFO] Scanning for projects...\n";
        let coloured = "[\x1b[1;34mINFO\x1b[m] Scanning for projects...\n";
        let text = format!("{}{}", plain.repeat(20), coloured.repeat(20));
        let c = compress(&text, &opts());
        assert_eq!(c.text.matches(plain).count(), 1, "{}", c.text);
        assert_eq!(c.text.matches(coloured).count(), 1, "{}", c.text);
    }

    /// The record docker's json-file driver keeps of `line`, written on `stream` at `time`.
    fn json_file_record(line: &str, stream: &str, time: &str) -> String {
        format!("{}\n", serde_json::json!({"log": line, "stream": stream, "time": time}))
    }

    #[test]
    fn a_repeat_in_other_colours_stays_once_in_docker_json_file_records() {
        // the same run under docker's json-file driver: the colours are escaped in each record,
        // and read from the line it holds
        let record = |line: &str| json_file_record(line, "stdout", "2026-12-07T06:57:24.113169335Z");
        let (plain, coloured) = (record("[INFO] Scanning for projects...\n"), record("[\x1b[1;34mINFO\x1b[m] Scanning for projects...\n"));
        let text = format!("{}{}", plain.repeat(20), coloured.repeat(20));
        let c = compress(&text, &opts());
        assert_eq!(c.text.matches(&plain).count(), 1, "{}", c.text);
        assert_eq!(c.text.matches(&coloured).count(), 1, "{}", c.text);
    }

    #[test]
    fn a_template_in_other_colours_shows_its_first_line_in_them() {
        // maven run again with colour on: the time each run finished at differs, the line's
        // template is the same, and its first line in the new colours stays
        let mut text = String::new();
        for colour in ["INFO", "\x1b[1;34mINFO\x1b[m"] {
            for i in 0..12 {
                text += &format!("[{colour}] Finished at: 2022-02-14T05:{i:02}:11+01:00\n[{colour}] Total time:  {i}.4 s\n");
            }
        }
        let c = compress(&text, &opts());
        let kept = kept_lines(&c.text);
        for want in [
            "[INFO] Finished at: 2022-02-14T05:00:11+01:00",
            "[\x1b[1;34mINFO\x1b[m] Finished at: 2022-02-14T05:00:11+01:00",
            "[\x1b[1;34mINFO\x1b[m] Total time:  0.4 s",
        ] {
            assert!(kept.contains(&want), "{want}\n{}", c.text);
        }
        // (and the log's last line, which says how the second run ended)
        assert_eq!(kept.len(), 5, "{}", c.text);
        assert_eq!(kept[4], "[\x1b[1;34mINFO\x1b[m] Total time:  11.4 s", "{}", c.text);
    }

    #[test]
    fn a_screen_drawn_in_a_region_not_drawn_before_stays() {
        // apt's term.log: each package configured, and debconf's dialog opening its screen in
        // lines of escapes alone, once on a terminal a line shorter
        let screen = |rows: u32| format!("\x1b[?1049h\x1b[1;{rows}r\x1b[4l\x1b[?25l\x1b(B\x1b[m\x1b[1;{rows}r\x1b[H\x1b[2J\x1b[K");
        let mut text = String::new();
        for (i, rows) in [40, 40, 39, 40, 40].into_iter().enumerate() {
            for k in 0..12 {
                text += &format!("Setting up libfoo{i}-{k} (1.{k}-{i}) ...\r\n");
            }
            text += &screen(rows);
            text += "\n";
        }
        text += "Processing triggers for man-db (2.7.6.1-2) ...\r\n";
        let kept = kept_lines(&compress(&text, &opts()).text).into_iter().map(str::to_string).collect::<Vec<_>>();
        assert!(kept.contains(&screen(39)), "{kept:?}");
        // the screens drawn alike fold, and so do the rows a screen is drawn in, one at a time
        assert_eq!(kept.iter().filter(|l| **l == screen(40)).count(), 1, "{kept:?}");
        let mut text = String::new();
        for k in 0..60 {
            text += &format!("Setting up libfoo-{k} (1.{k}) ...\r\n\x1b[{};1H\x1b[K\n", 2 + k % 20);
        }
        let out = compress(&text, &opts()).text;
        assert!(kept_lines(&out).iter().filter(|l| l.ends_with(";1H\x1b[K")).count() <= 2, "{out}");
    }

    #[test]
    fn the_last_line_says_how_it_ended() {
        // a watcher's rounds: the fold that ends the log holds a fix, and the lines shown above
        // it say an error is still there
        let mut text = String::new();
        for round in 0..16 {
            let errors = if round == 3 { 1 } else { 0 };
            text += &format!("[11:55:{round:02} AM] File change detected. Starting incremental compilation...\n");
            if errors > 0 {
                text += "src/index.ts:16:141 - error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'.\n";
            }
            text += &format!("[11:55:{:02} AM] Found {errors} error{}. Watching for file changes.\n", round + 1, if errors == 1 { "" } else { "s" });
        }
        let out = compress(&text, &opts()).text;
        assert!(out.ends_with("]\n[11:55:16 AM] Found 0 errors. Watching for file changes.\n"), "{out}");
        // a log that ends in a run of one template's lines says what they are in its marker
        let text: String = (0..30).map(|i| format!("[11:56:{i:02} AM] Found 0 errors. Watching for file changes.\n")).collect();
        assert!(compress(&text, &opts()).text.ends_with("like above · hr expand abcdef012345 --lines 2-30]\n"));
    }

    #[test]
    fn an_error_line_said_above_in_other_colours_stays() {
        // rustc quotes a line of code twice, the span's bar red where it is the error's and blue
        // where it is a note's: the blue copy says what the red one did, and a search for the
        // blue one finds it only if it stays. Its template was shown in blue by another line.
        let (red, blue) = ("\x1b[1m\x1b[38;5;9m|\x1b[0m", "\x1b[1m\x1b[38;5;12m|\x1b[0m");
        let mut text = String::new();
        for i in 0..3 {
            text += &format!("2025-08-10T17:38:5{i}.1000000Z 45 | {blue}             is_loading\n");
        }
        text += &format!("2025-08-10T17:38:54.2940047Z 53 | {red}             error\n");
        for i in 0..30 {
            text += &format!("2025-08-10T17:38:54.{i:07}Z    = note: only supported directly in conditions of expressions\n");
        }
        let again = format!("2025-08-10T17:38:54.2960936Z 53 | {blue}             error\n");
        text += &again;
        for i in 0..30 {
            text += &format!("2025-08-10T17:38:55.{i:07}Z    = note: only supported directly in conditions of expressions\n");
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains(&again), "{}", c.text);
        assert!(c.text.len() < text.len() / 2, "{}", c.text);
    }

    #[test]
    fn a_hex_dumps_lines_of_other_bytes_stay() {
        // a debug log dumps the bytes of each message it signs: to our miner the bytes are
        // values, and their places turn into wildcards; to Drain `B4 FE 1C` are words (it masks
        // a number only where it stands alone), and a line of other bytes is another event
        let (mut text, mut dumped) = (String::new(), Vec::new());
        let mut x: u32 = 7;
        for d in 0..6 {
            for k in 0..10 {
                text += &format!("2012-09-27 12:38:0{d},1{k}0 DEBUG ScepServlet - Incoming Operation: GET_CA_CERT\n");
            }
            text += &format!("2012-09-27 12:38:0{d},200 DEBUG PkiMessageDecoder - Signed data of message {d}:\n");
            for row in 0..8 {
                let mut line = format!("{:04X}:", row * 16);
                for _ in 0..16 {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    // (each byte with a letter: Drain would mask `42` alone, and might join two
                    // lines of bytes like it)
                    line += &format!(" {:02X}", (x >> 16) & 0xff | 0xa0);
                }
                text += &format!("{line}\n");
                dumped.push(line);
            }
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("[hr "), "{}", c.text);
        for line in &dumped {
            assert!(c.text.contains(line.as_str()), "{line}\n{}", c.text);
        }
    }

    #[test]
    fn a_repeat_in_other_colours_is_no_error_under_a_budget() {
        // the recoloured repeat stays as an example of a repeat, not as an error: a budget
        // cuts it before the warning
        let plain = "[INFO] Scanning for projects in the reactor of the build...\n";
        let coloured = "[\x1b[1;34mINFO\x1b[m] Scanning for projects in the reactor of the build...\n";
        let warning = "[WARNING] The POM for org.example:lib:jar:1.0 is missing, no dependency information available\n";
        let text = format!("{}{}{warning}", plain.repeat(20), coloured.repeat(20));
        assert!(compress(&text, &opts()).text.contains(coloured));
        let mut tried = 0;
        for budget in (100..text.len()).step_by(10) {
            let c = compress(&text, &Options { budget_chars: Some(budget), ..opts() });
            if c.text.contains(coloured) || c.text.contains(warning) {
                tried += 1;
                assert!(c.text.contains(warning), "{budget}: {}", c.text);
            }
        }
        assert!(tried > 0);
    }

    #[test]
    fn coloured_lines_fold_as_their_text_does_and_stay_with_their_colours() {
        let mut text = String::new();
        for i in 0..30 {
            text.push_str(&format!(
                "\x1b[32m2025-08-08 07:07:{:02}.100 INFO     served /health in {} ms\x1b[0m\n",
                i % 60,
                i * 7 % 13
            ));
        }
        text.push_str("\x1b[31m2025-08-08 07:08:00.001 ERROR    database is down\x1b[0m\n");
        let c = compress(&text, &opts());
        let kept = kept_lines(&c.text);
        assert_eq!(kept.len(), 2, "{}", c.text);
        assert!(kept[0].starts_with("\x1b[32m2025-08-08 07:07:00.100 INFO") && kept[0].ends_with("\x1b[0m"));
        assert_eq!(kept[1], "\x1b[31m2025-08-08 07:08:00.001 ERROR    database is down\x1b[0m");
        assert!(c.text.contains("[hr 29 like above"), "{}", c.text);
        assert!(!c.text.lines().any(|l| l.starts_with("[hr ") && l.contains('\x1b')), "{}", c.text);
    }

    #[test]
    fn a_long_line_that_states_its_level_is_cut_whatever_level_it_quotes() {
        // an INFO line that quotes a command's output, a level field of its own inside; a
        // record whose level field comes last says what the record is, and stays whole
        let quoted = format!("{{'exit_code': 0, 'stderr': ['time=\"2015-11-23T15:52:12Z\" level=\"fatal\" msg=\"write /dev/stdout: broken pipe\"'], 'stdout': [{}]}}", "'fuel-core-6.1-nginx', ".repeat(400));
        let info = format!("2015-11-23 15:52:19,039 - INFO environment.py:547 -- Result of \"dockerctl destroy all\" command on master node: {quoted}");
        let record = format!("{{\"msg\": \"{}\", \"level\": \"error\"}}", "payload ".repeat(600));
        let text = format!("2015-11-23 15:52:18,000 - INFO environment.py:540 -- starting\n{info}\n{record}\n");
        let c = compress(&text, &opts());
        let lines: Vec<&str> = c.text.lines().collect();
        assert!(lines[1].starts_with("2015-11-23 15:52:19,039 - INFO") && lines[1].len() < 1000, "{}", lines[1]);
        assert_eq!(lines[2], record);
    }

    #[test]
    fn a_line_too_long_to_read_keeps_its_head_and_says_how_much_more_there_is() {
        let payload = format!("{{\"messages\": [{}]}}", "\"say hello\", ".repeat(2000));
        let error = format!("2025-08-08 07:07:03 ERROR request failed: {}", "x".repeat(5000));
        let text = format!(
            "2025-08-08 07:07:01 INFO starting\n2025-08-08 07:07:02 INFO prompt {payload}\n{error}\n2025-08-08 07:07:04 INFO done\n"
        );
        let c = compress(&text, &opts());
        let lines: Vec<&str> = c.text.lines().collect();
        let cut = "2025-08-08 07:07:02 INFO prompt ".len() + payload.len() - 800;
        assert!(lines[1].starts_with("2025-08-08 07:07:02 INFO prompt {\"messages\""), "{}", lines[1]);
        assert!(
            lines[1].ends_with(&format!(" … [hr {} more chars · hr expand abcdef012345 --lines 2]", crate::marker::count(cut))),
            "{}",
            &lines[1][780..]
        );
        let original = text.lines().nth(1).unwrap();
        assert_eq!(lines[1][..800], original[..800]);
        assert!(lines[1][800..].starts_with(" … [hr "), "{}", &lines[1][800..]);
        // an error stays whole, unless far too long to read (see the next test)
        assert_eq!(lines[2], error);
        assert!(c.spans.iter().any(|s| s.start == 2 && s.end == 2));
    }

    #[test]
    fn an_error_far_too_long_to_read_keeps_its_head_and_its_end() {
        // lager's crash report: the server's state, 30 KB of Erlang terms, a line of the error
        // event; the reason for termination on the line below
        let state = format!("** When Server state == {{state,riak_repl2_rt,[{}<<{}>>}},...}}", "{status,0},{enable,1},".repeat(400), "116,187,52,".repeat(2400));
        assert!(state.len() > 30_000);
        let report = format!(
            "2019-10-01 11:08:03.911 [error] <0.2101.0> CRASH REPORT Process riak_repl2_rt with 0 neighbours exited with reason: bad argument\n** Generic server riak_repl2_rt terminating\n{state}\n** Reason for termination == {{badarg,[{{erlang,binary_to_term,1}}]}}\n"
        );
        let text = format!("2019-10-01 11:08:03.001 [info] <0.2100.0> starting\n{report}2019-10-01 11:08:04.001 [info] <0.2100.0> restarted\n");
        let c = compress(&text, &opts());
        let kept = c.text.lines().find(|l| l.starts_with("** When Server state")).unwrap_or_else(|| panic!("{}", c.text));
        let (head, rest) = kept.split_once(" … [hr ").unwrap();
        let (marker, tail) = rest.split_once("] … ").unwrap();
        assert!(state.starts_with(head) && head.len() <= 800 && head.len() > 700, "{}", head.len());
        assert!(state.ends_with(tail) && tail.len() <= 200 && tail.ends_with(">>},...}"), "{tail}");
        assert_eq!(marker, format!("{} more chars · hr expand abcdef012345 --lines 4", crate::marker::count(state.len() - head.len() - tail.len())));
        // the event's other lines stay as they were
        assert!(c.text.contains("** Reason for termination == {badarg,[{erlang,binary_to_term,1}]}\n"), "{}", c.text);
        // a CRLF log's cut line ends as its lines do, once, and its tail has no `\r` of its own
        let crlf = compress(&text.replace('\n', "\r\n"), &opts());
        let kept = crlf.text.split("\r\n").find(|l| l.starts_with("** When Server state")).unwrap();
        assert!(kept.ends_with(">>},...}") && !crlf.text.contains("\r\r"), "{}", &kept[kept.len() - 40..]);
        // a record whose level field says it failed stays whole, however long
        let record = format!("{{\"msg\": \"{}\", \"level\": \"error\"}}", "payload ".repeat(4000));
        let text = format!("{{\"msg\": \"starting\", \"level\": \"info\"}}\n{record}\n");
        assert!(compress(&text, &opts()).text.lines().any(|l| l == record));
    }

    #[test]
    fn a_long_line_that_is_an_error_stays_whole_however_it_says_so() {
        let payload = "payload ".repeat(600);
        // the level at the end of a JSON record; a level in colours
        let json = format!("{{\"event\": \"upstream rejected batch: {payload}\", \"level\": \"error\"}}");
        let coloured = format!("2025-08-08 07:08:00.001 \x1b[31mERROR\x1b[0m upstream said: {payload}");
        // a logfmt line says its level last
        let logfmt = format!("ts=2025-08-08T07:08:00Z component=api msg=\"batch rejected\" payload=\"{payload}\" level=error");
        for line in [json, coloured, logfmt] {
            let text = format!("2025-08-08 07:07:01 INFO starting\n{line}\n2025-08-08 07:07:04 INFO done\n");
            let c = compress(&text, &opts());
            assert!(c.text.lines().any(|l| l == line), "{}", c.text.lines().nth(1).unwrap().rsplit(' ').next().unwrap());
        }
    }

    #[test]
    fn a_long_line_that_states_a_lower_level_is_cut_whatever_words_it_holds() {
        // a CI harness logs a call's arguments at INFO: `timeout`, `error_list` are argument
        // names, not what happened
        let args = "'--timeout', '120', 'error_list': [], ".repeat(150);
        let info = format!("2025-08-08 07:07:02 INFO - retry: Calling run_command with args: [{args}]");
        // with no level stated, an error word in its head keeps a long line whole
        let bare = format!("retry failed with error: [{args}]");
        // nor does a warning's, which may say what failed
        let warn = format!("2025-08-08 07:07:03 WARN - retry failed: [{args}]");
        let text = format!("2025-08-08 07:07:01 INFO starting\n{info}\n{bare}\n{warn}\n2025-08-08 07:07:04 INFO done\n");
        let c = compress(&text, &opts());
        let lines: Vec<&str> = c.text.lines().collect();
        assert!(lines[1].starts_with(&info[..800]) && lines[1][800..].starts_with(" … [hr "), "{}", &lines[1][..100]);
        assert_eq!(lines[2], bare);
        assert_eq!(lines[3], warn);
    }

    #[test]
    fn the_word_that_names_an_event_comes_after_a_process_id_thread_and_logger() {
        // Spring Boot: `INFO <pid> --- [thread] logger : <event>`; a verb there is the event's
        // name, however many of them the position has held
        let verbs = ["Opened", "Closed", "Started", "Stopped", "Paused", "Resumed", "Refreshed", "Loaded", "Unloaded", "Evicted", "Rejected", "Dropped"];
        let mut text = String::new();
        for (i, verb) in verbs.iter().enumerate() {
            for j in 0..20 {
                text.push_str(&format!("2024-01-02 10:{i:02}:{j:02}.123  INFO 12345 --- [main] com.example.Svc : polled queue depth {j}\n"));
            }
            text.push_str(&format!("2024-01-02 10:{i:02}:59.456  INFO 12345 --- [main] com.example.Svc : {verb} connection pool\n"));
        }
        let c = compress(&text, &opts());
        for verb in verbs {
            assert!(c.text.contains(&format!("com.example.Svc : {verb} connection pool\n")), "{verb}: {}", c.text);
        }
    }

    #[test]
    fn a_job_log_keeps_every_failing_test_of_the_run_it_ends_with_whatever_stamps_its_lines() {
        // a CI job's setup, then `go test -v`: failing subtests among passing ones of their shape
        let mut job: String = (0..120).map(|i| format!("  ENV_VAR_{i}: /opt/toolcache/value/{i}\n")).collect();
        job.push_str("=== RUN   TestMany\n");
        for i in 0..40 {
            job.push_str(&format!("=== RUN   TestMany/case{i}\n"));
            if i % 13 == 4 {
                job.push_str(&format!("    x_test.go:3: value {i} is bad\n"));
            }
        }
        job.push_str("--- FAIL: TestMany (0.00s)\n");
        for i in 0..40 {
            let verdict = if i % 13 == 4 { "FAIL" } else { "PASS" };
            job.push_str(&format!("    --- {verdict}: TestMany/case{i} (0.00s)\n"));
        }
        job.push_str("FAIL\nFAIL\tgt\t0.004s\nFAIL\n");
        // as a CI service stamps each line too: GitHub Actions' time, BuildKit's step and seconds
        let stamped = |stamp: &dyn Fn(usize) -> String| -> String {
            job.lines().enumerate().map(|(k, l)| format!("{}{l}\n", stamp(k))).collect()
        };
        let github = stamped(&|k| format!("2024-05-01T12:{:02}:{:02}.{:07}Z ", k / 600, k / 10 % 60, k * 37));
        let buildkit = stamped(&|k| format!("#9 {}.{:03} ", k / 100, k * 13 % 1000));
        // and as a job's script stamps its own (`ts '%Y-%m-%dT%H:%M:%.S'`, `date -Ins`)
        let script = stamped(&|k| format!("2024-05-01T12:{:02}:{:02}.{:06} ", k / 600, k / 10 % 60, k * 37));
        let zoned = stamped(&|k| format!("2024-05-01T12:{:02}:{:02},{:09}+00:00 ", k / 600, k / 10 % 60, k * 37));
        // GitLab's raw trace: the time, then the stream
        let gitlab = stamped(&|k| format!("2024-05-01T12:{:02}:{:02}.{:06}Z 01O ", k / 600, k / 10 % 60, k * 37));
        for job in [job.clone(), github, buildkit, script, zoned, gitlab] {
            let c = compress(&job, &opts());
            let shown = |l: String| c.text.lines().any(|k| k.ends_with(&l));
            for i in [4, 17, 30] {
                assert!(shown(format!("    --- FAIL: TestMany/case{i} (0.00s)")), "{i}: {}", c.text);
                assert!(shown(format!("    x_test.go:3: value {i} is bad")), "{i}: {}", c.text);
            }
            // the passing ones still fold
            assert!(!shown("--- PASS: TestMany/case39 (0.00s)".into()), "{}", c.text);
        }
    }

    #[test]
    fn a_failures_long_output_keeps_its_head_and_tail_and_folds_its_repeats_between() {
        // a CI job's cargo test: a failing test prints its grid, cell by cell, before it panics
        let mut log = String::from("$ cargo test --test ref\n   Compiling alacritty v0.4.0 (/build/alacritty)\n");
        log += "running 3 tests\ntest vim_simple_edit ... ok\ntest vim_large_window_scroll ... FAILED\ntest zerowidth ... ok\n\nfailures:\n\n---- vim_large_window_scroll stdout ----\n";
        let chars = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
        for k in 0..600 {
            log += &format!(
                "[{}][{}] Cell {{ c: ' ', fg: Named(Foreground), bg: Named(Background), flags: (empty) }} => Cell {{ c: '{}', fg: Named(Foreground), bg: Named(Background), flags: (empty) }}\n",
                k / 80,
                k % 80,
                chars[k % chars.len()]
            );
        }
        log += "thread 'vim_large_window_scroll' panicked at 'Ref test failed; grid doesn't match', tests/ref.rs:126:9\n\nfailures:\n    vim_large_window_scroll\n\ntest result: FAILED. 2 passed; 1 failed; 0 ignored\n\nerror: test failed, to rerun pass '--test ref'\n";
        let c = compress(&log, &opts());
        for kept in ["---- vim_large_window_scroll stdout ----", "[0][0] Cell", "panicked at 'Ref test failed; grid doesn't match'", "test result: FAILED", "error: test failed"] {
            assert!(c.text.contains(kept), "{kept}: {}", c.text);
        }
        // the cells past the failure's head and before its tail fold
        assert!(c.text.lines().count() < 150, "{}", c.text);
        assert!(!c.text.contains("[3][40] Cell"), "{}", c.text);
    }

    #[test]
    fn dpkg_logs_action_after_its_time_names_the_event() {
        // dpkg.log: `configure`, `trigproc` and `remove` lines share their shape (a package, a
        // version, `<none>`); the word after the time says what happened to the package
        let mut text = String::new();
        for i in 0..80 {
            text.push_str(&format!("2026-12-05 08:07:{:02} status unpacked lib{i}:amd64 1.{i}-2\n", i % 60));
            text.push_str(&format!("2026-12-05 08:07:{:02} configure lib{i}:amd64 1.{i}-2 <none>\n", i % 60));
            if i % 20 == 5 {
                text.push_str(&format!("2026-12-05 08:07:{:02} trigproc man-db:amd64 2.11.{i}-2 <none>\n", i % 60));
            }
        }
        for (i, pkg) in ["htop", "tree", "lsof", "strace", "zip"].iter().enumerate() {
            text.push_str(&format!("2026-12-05 08:09:{i:02} status installed {pkg}:amd64 3.{i}-2\n"));
            text.push_str(&format!("2026-12-05 08:09:{i:02} remove {pkg}:amd64 3.{i}-2 <none>\n"));
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains(" remove htop:amd64 3.0-2 <none>"), "{}", c.text);
        assert!(c.text.contains(" trigproc man-db:amd64 2.11.5-2 <none>"), "{}", c.text);
    }

    #[test]
    fn an_errors_request_is_shown_by_the_line_that_opened_it() {
        // Rails tags each line of a request with its id: the exception says what failed, the
        // request's first line which path it was
        let mut text = String::new();
        for k in 0..120u32 {
            let id = format!("{:08x}-cf85-4bef-8806-fe8ff7d7{:04x}", 0xa007_2a93u32 + k, k);
            let t = format!("2026-12-05T08:06:{:02}.{:06}", k % 60, k * 7);
            let path = if k == 77 { "/orders/99999".to_string() } else { format!("/products/{}", k % 9) };
            text += &format!("I, [{t} #5228]  INFO -- : [{id}] Started GET \"{path}\" for 127.0.0.1 at 2026-12-05 08:06:25 +0000\n");
            text += &format!("I, [{t} #5228]  INFO -- : [{id}] Processing by ProductsController#show as */*\n");
            if k == 77 {
                text += &format!("I, [{t} #5228]  INFO -- : [{id}] Completed 404 Not Found in 1ms (ActiveRecord: 0.1ms)\n");
                text += &format!("F, [{t} #5228] FATAL -- : [{id}] ActiveRecord::RecordNotFound (Couldn't find Order with 'id'=\"99999\")\n");
            } else {
                text += &format!("I, [{t} #5228]  INFO -- : [{id}] Completed 200 OK in 2ms (Views: 0.2ms | ActiveRecord: 0.1ms)\n");
            }
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("Couldn't find Order"), "{}", c.text);
        assert!(c.text.contains("Started GET \"/orders/99999\""), "{}", c.text);
        // Mojolicious draws an id of letters and digits, and says its request and its status on
        // lines of their own
        let ids = ["Z5e6jhboYlLL", "Bb8B1KIb-nrc", "kQ3pLmN8xVtR", "Hw7TzQ2aPbXe"];
        let mut text = String::new();
        for k in 0..120usize {
            let id = format!("{}{:02}", &ids[k % 4][..10], k);
            let t = format!("[2026-12-05 18:20:{:02}.{:05}] [25327]", k % 60, k * 7);
            let path = if k == 77 { "/no/such/page".to_string() } else { format!("/api/items/{}", k % 9) };
            text += &format!("{t} [trace] [{id}] GET \"{path}\"\n{t} [trace] [{id}] Routing to a callback\n");
            let status = if k == 77 { "404 Not Found" } else { "200 OK" };
            text += &format!("{t} [trace] [{id}] {status} (0.00{}s, 156.986/s)\n", k % 10);
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("404 Not Found"), "{}", c.text);
        assert!(c.text.contains("GET \"/no/such/page\""), "{}", c.text);
        // a thread's name in brackets may pass for such an id: none of its lines asks for a
        // request, and none comes back
        let mut text: String = (0..400).map(|k| format!("2026-12-05 10:06:{:02}.{k:03}  INFO [ForkJoinPool-1-worker-{}] c.a.Svc: handled item {k} in {} ms\n", k % 60, k % 8, k % 17)).collect();
        text += "2026-12-05 10:07:00.000 ERROR [ForkJoinPool-1-worker-3] c.a.Svc: database connection refused\n";
        let c = compress(&text, &opts());
        assert_eq!(c.text.matches("handled item").count(), 1, "{}", c.text);
    }

    #[test]
    fn a_stream_that_ends_with_a_test_run_keeps_its_failing_tests_whatever_the_others_print_after() {
        // `concurrently --prefix name`: a unittest run in one stream, servers logging in others
        // long after it ended
        let mut log = String::new();
        let failing = [5, 22, 39, 56];
        for i in 0..60 {
            let verdict = if failing.contains(&i) { "FAIL" } else { "ok" };
            log += &format!("[tests] test_case_{i:02} (__main__.TestCalc.test_case_{i:02}) ... {verdict}\n");
            log += &format!("[api] 2026-12-05T00:17:{:02}.595Z GET /users/{i} 200 0ms\n", i % 60);
        }
        log += "[tests] \n[tests] ======================================================================\n";
        for i in failing {
            log += &format!("[tests] FAIL: test_case_{i:02} (__main__.TestCalc.test_case_{i:02})\n[tests] ----------------------------------------------------------------------\n");
            log += "[tests] Traceback (most recent call last):\n[tests]   File \"/w/test_calc.py\", line 9, in check\n[tests]     self.assertEqual(n, n + 1)\n";
            log += &format!("[tests] AssertionError: {i} != {}\n[tests] \n", i + 1);
        }
        log += "[tests] Ran 60 tests in 3.026s\n[tests] \n[tests] FAILED (failures=4)\n[tests] python -m unittest exited with code 1\n";
        for i in 0..200 {
            log += &format!("[api] 2026-12-05T00:18:{:02}.595Z GET /users/{i} 200 0ms\n", i % 60);
            log += &format!("[web] 127.0.0.1 - - [05/Dec/2026 00:18:{:02}] \"GET /page{}.html HTTP/1.1\" 200 -\n", i % 60, i % 7);
        }
        let c = compress(&log, &opts());
        for i in failing {
            assert!(c.text.contains(&format!("[tests] FAIL: test_case_{i:02} ")), "{i}: {}", c.text);
            assert!(c.text.contains(&format!("[tests] AssertionError: {i} != {}", i + 1)), "{i}: {}", c.text);
        }
        // the passing ones still fold
        assert!(!c.text.contains("test_case_33 "), "{}", c.text);
    }

    #[test]
    fn an_indented_line_with_a_time_and_level_of_its_own_is_no_part_of_the_event_above() {
        // journald's text of a node: kubelet's error, then a program's own logfmt lines, which it
        // writes behind a tab: each is an event, and the same failure folds by its message
        let mut log = String::new();
        for i in 0..30 {
            log.push_str(&format!("E0507 11:59:{:02}.787679    2776 prober.go:104] \"Probe errored\" err=\"rpc error: code = NotFound\" probe=\"Readiness\" attempt={i}\n", i % 60));
            for k in 0..4 {
                log.push_str(&format!("\tts=2024-05-07T11:59:{:02}.{k}79977004Z level=error caller=http_client.go:56 app=hgrun msg=\"request failed\" error=\"connect: connection refused\" method=GET url=http://127.0.0.1:3000/api/health\n", i % 60));
            }
        }
        let c = compress(&log, &opts());
        let shown = |what: &str| c.text.lines().filter(|l| l.contains(what)).count();
        assert!((1..=3).contains(&shown("msg=\"request failed\"")), "{}", c.text);
        assert!((1..=3).contains(&shown("\"Probe errored\"")), "{}", c.text);
        assert!(c.text.len() < log.len() / 5, "{}", c.text);
    }

    #[test]
    fn a_harness_verdict_logged_at_info_is_a_failure() {
        // mozharness logs the harness's verdicts at info level: a hang seven times, among the
        // harness's chatter, folds as an error with its count; another verdict stays
        let mut log = String::new();
        for run in 0..7 {
            for k in 0..40 {
                log.push_str(&format!("[task 2025-02-13T11:{run:02}:{k:02}.117Z] 11:{run:02}:{k:02}     INFO -  GECKO(1804) | loaded chrome://browser/content/tab{k}.js in {} ms\n", k * 7 % 90));
            }
            log.push_str(&format!("[task 2025-02-13T11:{run:02}:41.117Z] 11:{run:02}:41     INFO - TEST-UNEXPECTED-TIMEOUT | automation.py | application timed out after 370 seconds with no output\n"));
        }
        log.push_str("[task 2025-02-13T11:59:00.000Z] 11:59:00     INFO - TEST-UNEXPECTED-FAIL | dom/tests/test_focus.html | focus moved to the wrong element\n");
        let c = compress(&log, &opts());
        assert!(c.text.contains("TEST-UNEXPECTED-TIMEOUT | automation.py"), "{}", c.text);
        assert!(c.text.contains("TEST-UNEXPECTED-FAIL | dom/tests/test_focus.html"), "{}", c.text);
        assert!(c.text.lines().any(|l| l.starts_with("[hr ") && l.contains(" errors")), "{}", c.text);
    }

    #[test]
    fn a_request_failed_in_parentheses_keeps_an_example() {
        // Loki's distributor at debug level: each push and its status, `(400)` among `(200)`s
        let mut log = String::new();
        for i in 0..300 {
            let status = if i == 131 || i == 207 { 400 } else { 200 };
            log.push_str(&format!("ts=2024-05-02T12:17:{:02}.{:09}Z caller=http.go:194 level=debug traceID={:016x} orgID={} msg=\"POST /push.v1.PusherService/Push ({status}) {}.{:03}µs\"\n", i % 60, i * 7919, i * 104729, 1000 + i * 37 % 3000, 100 + i % 400, i % 1000));
        }
        let c = compress(&log, &opts());
        assert!(c.text.lines().any(|l| l.contains("Push (400) ")), "{}", c.text);
        assert!(c.text.len() < log.len() / 10, "{}", c.text);
    }

    #[test]
    fn failed_requests_fold_by_the_path_they_asked_for_not_by_its_ids() {
        // a request's failures, one message each but for the path: `/api/users/N` and
        // `/api/orders/N` are two failures to tell apart, `/api/users/7` and `/api/users/8` one
        let mut log = String::new();
        // (the last is a user's: the last of a long run stays whatever its path)
        for i in 0..41 {
            let path = if i % 2 == 0 { "users" } else { "orders" };
            log.push_str(&format!("2024-05-07 11:59:{:02} ERROR request failed: database unavailable request_id=req-{:06}\n    path=/api/{path}/{} status=503 duration_ms={}.{}\n", i % 60, i * 7919, 100 + i, i, i % 7));
        }
        let c = compress(&log, &opts());
        for path in ["path=/api/users/", "path=/api/orders/"] {
            assert!(c.text.lines().any(|l| l.trim_start().starts_with(path)), "{path}: {}", c.text);
        }
        assert!(c.text.lines().filter(|l| l.contains("status=503")).count() <= 6, "{}", c.text);
    }

    #[test]
    fn a_job_logs_compiler_errors_fold_by_message_though_it_ends_with_a_test_run() {
        // a compiler's error at thirty places is one message said thirty times: the test run the
        // job ends with keeps its failures, not every place of the log's own errors
        let mut job: String = (0..60).map(|i| format!("[INFO] Downloading from central: https://repo/a/b/{i}.pom\n")).collect();
        for i in 0..30 {
            job.push_str(&format!("[ERROR] /w/src/test/java/a/ATest.java:[{},{}] cannot find symbol\n", 20 + i * 7, 4 + i % 3));
        }
        job.push_str("[INFO] -------------------------------------------------------\n[INFO]  T E S T S\n");
        job.push_str("[INFO] Running a.BTest\n[ERROR] Tests run: 4, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.1 s <<< FAILURE! - in a.BTest\n");
        job.push_str("[ERROR] a.BTest.adds  Time elapsed: 0.01 s  <<< FAILURE!\njava.lang.AssertionError: expected:<5> but was:<4>\n");
        job.push_str("[INFO] BUILD FAILURE\n");
        let out = compress(&job, &opts()).text;
        assert_eq!(out.matches("cannot find symbol").count(), 2, "the first and the last: {out}");
        assert!(out.contains("[hr 28 like above, 28 errors "), "the rest are counted: {out}");
        for kept in ["[ERROR] a.BTest.adds  Time elapsed: 0.01 s  <<< FAILURE!", "java.lang.AssertionError: expected:<5> but was:<4>"] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
    }

    #[test]
    fn a_marker_lists_what_failed_only_when_it_read_every_error_it_counts() {
        // structlog's console: a crash with its traceback, repeated, among timeouts of one
        // message for two customers; the crashes were all another customer's
        let mut text = String::new();
        let crash = |t: usize| {
            format!(
                "2026-12-05T00:20:{:02}Z [error    ] invoice crashed  customer=c-13\nTraceback (most recent call last):\n  File \"/app/w.py\", line 9, in run\n    total()\nZeroDivisionError: division by zero\n",
                t % 60
            )
        };
        let timeout = |t: usize, c: usize| format!("2026-12-05T00:20:{:02}Z [error    ] payment provider timeout customer=c-{c} request_id=r{t:05}\n", t % 60);
        text += &crash(0);
        text += &timeout(1, 1);
        for t in 2..80 {
            text += &format!("2026-12-05T00:20:{:02}Z [info     ] request handled  customer=c-{} request_id=r{t:05}\n", t % 60, t % 9);
            match t {
                20 | 30 | 40 | 50 | 60 => text += &crash(t),
                25 => text += &timeout(t, 8),
                45 => text += &timeout(t, 4),
                _ => {}
            }
        }
        let c = compress(&text, &opts());
        let marker = c.text.lines().find(|l| l.contains(" errors")).unwrap_or_else(|| panic!("{}", c.text));
        assert!(!marker.contains("c-8"), "{marker}");
    }

    #[test]
    fn a_java_util_logging_record_keeps_its_header_with_its_level() {
        // SimpleFormatter's two lines: when and where, then the level and message
        let mut text = String::new();
        for i in 0..60 {
            text += &format!("Dec 05, 2026 12:13:{:02} AM com.acme.OrderService process\nINFO: order {} accepted\n", i % 60, 50000 + i);
            if i == 30 {
                text += "Dec 05, 2026 12:13:30 AM com.acme.OrderService process\nSEVERE: payment gateway call timed out after 50ms\n";
            }
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("Dec 05, 2026 12:13:30 AM com.acme.OrderService process\nSEVERE: payment gateway"), "{}", c.text);
        // a header that names the logger alone (Hazelcast's), over a record of any level kept
        let mut text = String::new();
        for i in 0..40 {
            text += &format!("Dec 05, 2026 5:16:{:02} AM com.hazelcast.internal.cluster.impl.MembershipManager\nINFO: [127.0.0.1]:5701 [probe] [5.3.6] heartbeat {i} sent\n", i % 60);
        }
        text += "Dec 05, 2026 5:16:45 AM com.hazelcast.internal.cluster.impl.MembershipManager\nINFO: [127.0.0.1]:5701 [probe] [5.3.6] Received suspicion request from: [127.0.0.1]:5703\n";
        text.extend((40..80).map(|i| format!("Dec 05, 2026 5:16:{:02} AM com.hazelcast.internal.cluster.impl.MembershipManager\nINFO: [127.0.0.1]:5701 [probe] [5.3.6] heartbeat {i} sent\n", i % 60)));
        let c = compress(&text, &opts());
        assert!(c.text.contains("5:16:45 AM com.hazelcast.internal.cluster.impl.MembershipManager\nINFO: [127.0.0.1]:5701 [probe] [5.3.6] Received suspicion"), "{}", c.text);
    }

    #[test]
    fn the_kernel_s_oopses_said_again_are_counted_where_they_fold() {
        // dmesg: one fault, three times, each with its call trace; the first stays, the
        // markers over the others count their `BUG:` and `Oops:` lines
        let mut text = String::new();
        let mut t = 10.0;
        for k in 1..=3 {
            let oops = [
                "BUG: kernel NULL pointer dereference, address: 0000000000000038".to_string(),
                "#PF: supervisor read access in kernel mode".into(),
                format!("Oops: 0000 [#{k}] SMP NOPTI"),
                format!("CPU: 1 PID: 100{k} Comm: kworker/1:1 Tainted: G      D    6.5.0 #1"),
                "RIP: 0010:drm_sched_job_cleanup+0x1c/0x90 [gpu_sched]".into(),
                "Call Trace:".into(),
                " <TASK>".into(),
                " drm_sched_main+0x2a1/0x3e0 [gpu_sched]".into(),
                " process_one_work+0x1e2/0x3e0".into(),
                " worker_thread+0x50/0x3a0".into(),
                " kthread+0xe8/0x120".into(),
                " </TASK>".into(),
                format!("---[ end trace 000000000000000{k} ]---"),
            ];
            for l in oops {
                text += &format!("[{t:>12.6}] {l}\n");
                t += 0.5;
            }
        }
        let c = compress(&text, &opts());
        assert_eq!(c.text.matches("] BUG: kernel NULL pointer").count(), 1, "{}", c.text);
        let counted: usize = c.text.lines().filter(|l| l.starts_with("[hr ")).filter_map(|l| {
            let at = l.find(" error")?;
            l[..at].rsplit(' ').next()?.parse::<usize>().ok()
        }).sum();
        assert_eq!(counted, 4, "{}", c.text);
    }

    #[test]
    fn an_error_at_another_services_port_is_another_error() {
        // Apache's proxy: two backends down, one at 28998 and one at 28999; the clients'
        // ports are the system's picks, one per connection
        let mut text = String::new();
        for i in 0..60 {
            let backend = if i % 10 == 7 { 28998 } else { 28999 };
            text += &format!("[Sat Dec 05 00:15:{:02}.843724 2026] [proxy:error] [pid 13936:tid 14006] (111)Connection refused: AH00957: http: attempt to connect to 127.0.0.1:{backend} (127.0.0.1:{backend}) failed\n", i % 60);
            text += &format!("[Sat Dec 05 00:15:{:02}.843774 2026] [proxy_http:error] [pid 13936:tid 14006] [client 127.0.0.1:{}] AH01114: HTTP: failed to make connection to backend: 127.0.0.1\n", i % 60, 37000 + i * 311);
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("attempt to connect to 127.0.0.1:28998 "), "{}", c.text);
        assert!(c.text.contains("[hr "), "{}", c.text);
        assert_eq!(c.text.matches("[client 127.0.0.1:").count(), 2, "{}", c.text);
        assert_eq!(names::service_address("(127.0.0.1:28998)"), Some("127.0.0.1:28998"));
        assert_eq!(names::service_address("db:5432:"), Some("db:5432"));
        // Go listening on every address: `accept tcp [::]:82: use of closed network connection`
        assert_eq!(names::service_address("[::]:82:"), Some("[::]:82"));
        assert_eq!(names::service_address("[2001:db8::7]:8443,"), Some("[2001:db8::7]:8443"));
        for place in ["127.0.0.1:37912]", "Makefile:12:", "12:5", "app.py:1024", "10:00", "[::1]", "[12:05:33]", "[x]:80"] {
            assert_eq!(names::service_address(place), None, "{place}");
        }
    }

    #[test]
    fn a_failure_told_by_its_words_at_another_services_port_stays() {
        // Traffic Server's error.log states no level: a dead legacy backend fails all along,
        // then the main origin dies at another port
        let line = |s: usize, port: u32, host: &str, k: usize| {
            format!("20261205.18h{:02}m{:02}s CONNECT: attempt fail [CONNECTION_ERROR] to 127.0.0.1:{port} for host='{host}' connection_result=Connection refused [111] error=Connection refused [111] attempts={} url='http://127.0.0.1:{port}/static/file{k}.txt'\n", 12 + s / 60, s % 60, k % 3)
        };
        let mut text: String = (0..10).map(|k| line(k, 8698, "legacy.test", k)).collect();
        text += &(10..60).map(|k| line(k, 8611, "app.test", k)).collect::<String>();
        let c = compress(&text, &opts());
        assert!(c.text.contains("to 127.0.0.1:8611 for host='app.test'"), "{}", c.text);
        assert!(c.text.contains("[hr "), "{}", c.text);
        // (a client's port, which the system gives out high, is a value)
        let text: String = (0..60).map(|k| line(k, 40000 + k as u32, "app.test", k)).collect();
        assert_eq!(compress(&text, &opts()).text.matches("CONNECT: attempt fail").count(), 1);
    }

    #[test]
    fn a_trace_behind_a_scripts_stamp_keeps_its_frames() {
        // a CI script's output stamped by `ts '%b %d %.T'`: a test's panic, its frames each
        // behind a stamp
        let mut text = String::new();
        let mut k = 0;
        let mut stamp = |body: &str| {
            k += 1;
            format!("Dec 05 19:28:{:02}.{:06} {body}\n", 10 + k / 1000, k % 1000 * 7)
        };
        for i in 0..60 {
            text += &stamp(&format!("=== RUN   TestParse{i}"));
            text += &stamp(&format!("--- PASS: TestParse{i} (0.00s)"));
        }
        for body in [
            "--- FAIL: TestCount (0.00s)",
            "panic: runtime error: invalid memory address or nil pointer dereference [recovered, repanicked]",
            "",
            "goroutine 70 [running]:",
            "testing.tRunner.func1.2({0x7439a0, 0xc00001e420})",
            "\t/usr/local/go/src/testing/testing.go:1974 +0x419",
            "panic({0x7439a0?, 0xc00001e420?})",
            "\t/usr/local/go/src/runtime/panic.go:860 +0x13a",
            "example.com/shop/inventory.Count(0x0)",
            "\t/w/shop/inventory/inventory.go:11 +0x12",
            "example.com/shop/inventory.TestCount(0xc000118b48)",
            "\t/w/shop/inventory/inventory_test.go:18 +0x3d",
            "created by testing.(*T).Run in goroutine 1",
            "\t/usr/local/go/src/testing/testing.go:2101 +0xb13",
            "FAIL\texample.com/shop/inventory\t0.012s",
            "--- FAIL: TestParseMissingQty (0.00s)",
            "panic: runtime error: index out of range [1] with length 1 [recovered, repanicked]",
            "",
            "goroutine 71 [running]:",
            "testing.tRunner.func1.2({0x7439a0, 0xc00001e420})",
            "\t/usr/local/go/src/testing/testing.go:1974 +0x419",
            "panic({0x7439a0?, 0xc00001e420?})",
            "\t/usr/local/go/src/runtime/panic.go:860 +0x13a",
            "example.com/shop/parser.ParseLine({0x7599c1, 0x3})",
            "\t/w/shop/parser/parser.go:24 +0x3b9",
            "example.com/shop/parser.TestParseMissingQty(0xc000118b48)",
            "\t/w/shop/parser/parser_test.go:28 +0x3d",
            "created by testing.(*T).Run in goroutine 1",
            "\t/usr/local/go/src/testing/testing.go:2101 +0xb13",
            "FAIL\texample.com/shop/parser\t0.012s",
        ] {
            text += &stamp(body);
        }
        let c = compress(&text, &opts());
        for frame in ["inventory_test.go:18 +0x3d", "parser.go:24 +0x3b9", "parser_test.go:28 +0x3d"] {
            assert!(c.text.contains(frame), "{}", c.text);
        }
    }

    #[test]
    fn perls_carp_traces_fold_as_traces_do() {
        // Mojolicious logs each request's death with Carp's trace: the same frames each time,
        // under a message that names another request's id
        let frames = [
            "\tShop::Inventory::_check_qty(HASH(0x55dd5fa0a708), 5) called at /app/lib/Shop/Inventory.pm line 17",
            "\tShop::Inventory::reserve(\"Shop::Inventory\", 2, 5) called at app/mojoapp.pl line 29",
            "\tmain::__ANON__(Mojolicious::Controller=HASH(0x55dd5fa88ce8)) called at /usr/share/perl5/Mojolicious.pm line 192",
            "\teval {...} called at /usr/share/perl5/Mojolicious.pm line 202",
            "\tMojolicious::start(Mojolicious::Lite=HASH(0x55dd5db22c28)) called at app/mojoapp.pl line 64",
        ];
        let ids = ["kxgtEjtOjTma", "qmlmRzllXjRa", "HwpTzQaaPbXe", "ZmebjhboYlLL", "flliMncfMLlU", "XbrtQpnWwVzE"];
        let mut text = String::new();
        for (k, id) in ids.iter().enumerate() {
            for i in 0..10 {
                text += &format!("[2026-12-05 18:37:{:02}.{i:05}] [25856] [info] Reserved 1 x widget for customer c{i}\n", 30 + k);
            }
            text += &format!("[2026-12-05 18:37:{:02}.88615] [25856] [error] [{id}] insufficient stock for gadget: wanted 5, have 0 at /app/lib/Shop/Inventory.pm line 24.\n", 30 + k);
            text += &(frames.join("\n") + "\n");
        }
        let c = compress(&text, &opts());
        assert_eq!(c.text.matches("Shop::Inventory::_check_qty").count(), 1, "{}", c.text);
        for id in ids {
            assert!(c.text.contains(&format!("[{id}] insufficient stock")), "{}", c.text);
        }
        // (and so with lines that end as Windows ends them)
        let c = compress(&text.replace('\n', "\r\n"), &opts());
        assert_eq!(c.text.matches("Shop::Inventory::_check_qty").count(), 1, "{}", c.text);
    }

    #[test]
    fn a_scripts_warnings_at_other_places_stay() {
        // Perl's warnings, which state no level: the same words at another line of the script
        // are another thing to fix
        let warnings = |place: &dyn Fn(u32, usize) -> String| {
            let mut text = String::new();
            for (line, n) in [(5, 100), (14, 6), (5, 40), (14, 3)] {
                for k in 0..n {
                    text += &format!("substr outside of string at {}.\n{k:>4} north  fg      687.12\n", place(line, k));
                }
            }
            text
        };
        let c = compress(&warnings(&|line, _| format!("report.pl line {line}")), &opts());
        assert!(c.text.contains("substr outside of string at report.pl line 14."), "{}", c.text);
        assert!(c.text.matches("substr outside of string").count() < 6, "{}", c.text);
        // (and where it names the line of its input too, that line is no place in the script)
        let c = compress(&warnings(&|line, k| format!("report.pl line {line}, <STDIN> line {}", k + 1)), &opts());
        assert!(c.text.contains("at report.pl line 14, <STDIN> line"), "{}", c.text);
        assert!(c.text.matches("substr outside of string").count() < 6, "{}", c.text);
    }

    #[test]
    fn an_error_at_another_place_in_a_file_is_another_error() {
        // a service started again and again on a config file it rejects: each unknown command
        // is a line to fix, which the parser reports in the same words
        let mut text = String::new();
        for (k, line) in [179, 179, 179, 198, 179, 179].iter().enumerate() {
            for i in 0..20 {
                text += &format!(" 0(3145{k}) INFO: <core> [core/sr_module.c:{}]: load_module(): loading module m{i}\n", 600 + i);
            }
            text += &format!(" 0(3145{k}) ERROR: <core> [core/cfg.y:3649]: yyparse(): cfg. parser: failed to find command save_contact (params 1)\n");
            text += &format!(" 0(3145{k}) CRITICAL: <core> [core/cfg.y:3790]: yyerror_at(): parse error in config file /etc/kamailio/c5.cfg, line {line}, column 26: unknown command, missing loadmodule?\n\n");
            text += "ERROR: bad config file (1 errors) (parsing code: 0)\n";
        }
        let c = compress(&text, &opts());
        for line in [179, 198] {
            assert!(c.text.contains(&format!("c5.cfg, line {line}, column 26: unknown command")), "{}", c.text);
        }
        // (the same place again is a repeat)
        assert!(c.text.matches("line 179, column 26").count() < 5, "{}", c.text);
        // past the first few places, a place is a value: an importer's rejected rows
        let text: String = (0..3000).map(|row| format!("2026-12-05 10:00:{:02} ERROR import: /data/in.csv:{row}: invalid date\n", row % 60)).collect();
        assert!(compress(&text, &opts()).text.lines().count() < 10);
    }

    #[test]
    fn a_stamped_jobs_traces_fold_the_frames_shown_above() {
        // `cargo test` under GitHub Actions: each failing test's backtrace runs through the same
        // frames of the standard library, each line behind another time
        let mut job = String::from("running 3 tests\n");
        for t in ["fee_rounds_up", "missing_balance", "overflow"] {
            job += &format!("test tests::{t} ... FAILED\n");
        }
        job += "\nfailures:\n\n";
        for (k, t) in ["fee_rounds_up", "missing_balance", "overflow"].iter().enumerate() {
            job += &format!("---- tests::{t} stdout ----\n\nthread 'tests::{t}' panicked at src/lib.rs:{}:34:\nassertion failed: case {k}\nstack backtrace:\n", 20 + k);
            for (f, place) in [("__rustc::rust_begin_unwind", "std/src/panicking.rs:689:5"), ("core::panicking::panic_fmt", "core/src/panicking.rs:80:14"), ("core::panicking::assert_failed_inner", "core/src/panicking.rs:434:23")] {
                job += &format!("   {f}\n             at /rustc/5980761/library/{place}\n");
            }
            job += &format!("   3: ledger::tests::{t}\n             at ./src/lib.rs:{}:34\n", 20 + k);
            for f in ["core::ops::function::FnOnce::call_once", "test::run_test_in_process"] {
                job += &format!("   {f}\n             at /rustc/5980761/library/core/src/ops/function.rs:250:5\n");
            }
            job += "\n";
        }
        job += "failures:\n    tests::fee_rounds_up\n    tests::missing_balance\n    tests::overflow\n\ntest result: FAILED. 0 passed; 3 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n";
        let stamped: String = job.lines().enumerate().map(|(k, l)| format!("2026-12-05T00:21:56.{:07}Z {l}\n", 5135 + k * 37)).collect();
        // (a job's log that ends with a test run puts back what its runner reports of each
        // failure, but for the frames, which fold as the log's traces do)
        for log in [job, stamped] {
            let c = compress(&log, &opts());
            assert_eq!(c.text.matches("rust_begin_unwind").count(), 1, "{}", c.text);
            assert!(c.text.contains("frames as in"), "{}", c.text);
            for t in ["fee_rounds_up", "missing_balance", "overflow"] {
                assert!(c.text.contains(&format!("thread 'tests::{t}' panicked")), "{t}: {}", c.text);
            }
        }
    }

    #[test]
    fn a_failing_tests_python_frames_come_back_with_their_source_lines_behind_a_jobs_stamps() {
        // a CI job's pytest run prints a failure's traceback as it runs, then again under
        // FAILURES, where it comes back whole as the failure's: each source line with the
        // `File` line that places it, read behind the job's stamps as without them, not a
        // marker between every two lines
        let frames: String = (0..8).map(|k| format!("  File \"/opt/venv/lib/python3.12/site-packages/torch/fx/experimental/lib{k}.py\", line {}, in step{k}\n    return step{}(x, mode=mode)\n", 10 + k, k + 1)).collect();
        let trace = format!("Traceback (most recent call last):\n{frames}TypeError: unhashable type: 'SymInt'\n");
        let mut job: String = (0..30).map(|i| format!("tests/test_k.py::test_case_{i} PASSED [ {i}%]\n")).collect();
        let rerun = "\nTo execute this test, run the following from the base repo dir:\n    python tests/test_k.py -k test_kernel\n\n";
        job = format!("============================= test session starts ==============================\n{job}{trace}{rerun}{trace}{rerun}tests/test_k.py::test_kernel FAILED [ 99%]\n");
        job += &format!("=================================== FAILURES ===================================\n_________________________________ test_kernel __________________________________\n{trace}");
        job += "=========================== short test summary info ============================\nFAILED tests/test_k.py::test_kernel - TypeError: unhashable type: 'SymInt'\n========================= 1 failed, 30 passed in 1.20s =========================\n";
        let stamped: String = job.lines().enumerate().map(|(k, l)| format!("2026-12-05T00:21:56.{:07}Z {l}\n", 5135 + k * 37)).collect();
        let c = compress(&stamped, &opts());
        assert_eq!(c.text.matches("return step5(x, mode=mode)").count(), 2, "{}", c.text);
        assert_eq!(c.text.matches("experimental/lib4.py\"").count(), 2, "{}", c.text);
        assert!(!c.text.contains("[hr 1 L"), "{}", c.text);
        assert!(c.text.contains("FAILED tests/test_k.py::test_kernel - TypeError"), "{}", c.text);
    }

    #[test]
    fn a_failing_tests_frames_put_back_fold_as_the_logs_traces_do() {
        // surefire's report of TestNG tests at the end of a Jenkins job: each failure's trace
        // runs through the same frames of the runner
        let mut job: String = (0..40).map(|i| format!("[INFO] Downloaded from central: https://repo/x/{i}.jar (12 kB at 40 kB/s)\n")).collect();
        job += "-------------------------------------------------------\n T E S T S\n-------------------------------------------------------\nRunning com.acme.LedgerTest\n";
        job += "Tests run: 3, Failures: 3, Errors: 0, Skipped: 0, Time elapsed: 0.4 sec <<< FAILURE!\n";
        for (k, t) in ["feeRoundsUp", "missingBalance", "overflow"].iter().enumerate() {
            job += &format!("{t}(com.acme.LedgerTest)  Time elapsed: 0.0{k} sec  <<< FAILURE!\njava.lang.AssertionError: case {k} expected [1] but found [{}]\n", k + 2);
            job += &format!("\tat org.testng.Assert.fail(Assert.java:94)\n\tat com.acme.LedgerTest.{t}(LedgerTest.java:{})\n", 20 + k);
            for f in ["TestRunner.privateRun(TestRunner.java:767)", "TestRunner.run(TestRunner.java:617)", "SuiteRunner.runTest(SuiteRunner.java:348)", "SuiteRunner.run(SuiteRunner.java:254)", "TestNG.run(TestNG.java:1057)"] {
                job += &format!("\tat org.testng.{f}\n");
            }
            job += "\n";
        }
        job += "\nResults :\n\nFailed tests: \n  LedgerTest.feeRoundsUp:20 case 0\n  LedgerTest.missingBalance:21 case 1\n  LedgerTest.overflow:22 case 2\n\nTests run: 3, Failures: 3, Errors: 0, Skipped: 0\n\n[INFO] BUILD FAILURE\n";
        let c = compress(&job, &opts());
        assert_eq!(c.text.matches("TestNG.run(TestNG.java:1057)").count(), 1, "{}", c.text);
        for k in 0..3 {
            assert!(c.text.contains(&format!("java.lang.AssertionError: case {k} ")), "{k}: {}", c.text);
        }
    }

    #[test]
    fn a_followed_files_line_shown_below_a_fold_keeps_its_files_header() {
        // `tail -F` over two logs: each switch of file prints its header
        let mut text = String::new();
        for i in 0..12 {
            text += "==> run/web.log <==\n";
            for k in 0..10 {
                text += &format!("127.0.0.1 - - [05/Dec/2026 00:19:{:02}] \"GET /page{}.html HTTP/1.1\" 200 -\n", i * 5, k % 3);
            }
            text += "\n==> run/api.log <==\n";
            for k in 0..10 {
                text += &format!("2026-12-05T00:19:{:02}.410Z GET /users/{} 200 5ms\n", i * 5, i * 10 + k);
                if i == 8 && k == 6 {
                    text += "2026-12-05T00:19:40.848Z GET /users/39 500 1ms\n";
                }
            }
            text += "\n";
        }
        let c = compress(&text, &opts());
        let failed = c.text.find("GET /users/39 500").unwrap_or_else(|| panic!("{}", c.text));
        // the last header shown above it is its file's, and no fold between them hides another
        let header = c.text[..failed].rfind("==> ").map(|k| &c.text[k..failed]).unwrap_or_else(|| panic!("{}", c.text));
        assert!(header.starts_with("==> run/api.log <=="), "{}", c.text);
        let input: Vec<&str> = text.lines().collect();
        for range in header.lines().filter_map(|l| l.strip_prefix("[hr ")).filter_map(|l| l.rsplit_once(" L")) {
            let (a, b) = range.1.trim_end_matches(']').split_once('-').unwrap_or((range.1.trim_end_matches(']'), range.1.trim_end_matches(']')));
            let (a, b): (usize, usize) = (a.parse().unwrap(), b.parse().unwrap());
            assert!(!input[a - 1..b].iter().any(|l| openers::is_tail_header(l)), "{}", c.text);
        }
    }

    #[test]
    fn an_error_with_another_exit_code_is_another_error() {
        // a job's steps, each failing with its own code; a retried step fails again
        let mut text = String::new();
        for (k, code) in [1, 1, 22, 1].iter().enumerate() {
            for i in 0..20 {
                text += &format!("2026-12-05T01:0{k}:{i:02}.0000000Z Downloading pkg{i}.whl ({} kB)\n", 10 + i);
            }
            text += &format!("2026-12-05T01:0{k}:59.0000000Z ##[error]Process completed with exit code {code}.\n");
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("with exit code 22."), "{}", c.text);
        assert_eq!(c.text.matches("with exit code 1.").count(), 2, "{}", c.text);
        // a process killed (signal 9) after one that aborted (6), Varnish's manager says
        let mut text = String::new();
        for (k, signal) in [6, 6, 9, 6].iter().enumerate() {
            for i in 0..20 {
                text += &format!("Debug: Child ({k}{i:03}) Started\nInfo: Child ({k}{i:03}) said Child starts\n");
            }
            text += &format!("Error: Child ({k}999) died signal={signal}\n");
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("died signal=9"), "{}", c.text);
        // (past the first few codes, a code is one more value: a status that counts up)
        let text: String = (0..300).map(|k| format!("2026-12-05 10:00:{:02} ERROR query failed with status {} at offset {k}\n", k % 60, 1000 + k * 37)).collect();
        assert!(compress(&text, &opts()).text.lines().count() < 12);
        // (a field whose value is an id tells no failure apart: `sig=` of a signed request)
        let text: String = (0..300).map(|k| format!("2026-12-05 10:00:{:02} ERROR upload rejected sig={:08x} code={}\n", k % 60, k * 7919, 100000 + k)).collect();
        assert!(compress(&text, &opts()).text.lines().count() < 10);
    }

    #[test]
    fn a_findings_place_on_the_line_below_stays_with_it() {
        // ruff's full format in a job's log: each finding's code and message, then its place
        let mut text = String::new();
        let mut findings: Vec<(&str, String)> = (0..9).map(|m| ("F401", format!("`mod{m}` imported but unused"))).collect();
        findings.insert(7, ("UP031", "Use format specifiers instead of percent format".into()));
        for (k, (code, message)) in findings.iter().enumerate() {
            text += &format!("2026-12-05T01:{k:02}:00.1Z {code} [*] {message}\n2026-12-05T01:{k:02}:00.2Z  --> src/inventory/m{k}.py:{}:{}\n", k + 3, k * 7 + 1);
            for i in 0..12 {
                text += &format!("2026-12-05T01:{k:02}:{:02}.3Z    |\n", i + 1);
            }
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("UP031 [*] Use format specifiers instead of percent format\n2026-12-05T01:07:00.2Z  --> src/inventory/m7.py:10:50\n"), "{}", c.text);
    }

    #[test]
    fn a_wide_records_message_is_what_it_says() {
        // `journalctl -o json`: a service's lines, each among twenty fields of the journal's
        // own; three messages of one length are three events, not one in three values
        let record = |i: usize, message: &str| {
            format!(
                concat!(
                    r#"{{"_STREAM_ID":"4a0ecdb47f6c4df2b6126d2dc826c74a","PRIORITY":"6","__REALTIME_TIMESTAMP":"17965459010{:05}","_PID":"16816","#,
                    r#""_GID":"0","_CMDLINE":"/srv/venv/bin/python3 venv/bin/gunicorn -b 127.0.0.1:18090 app:app","_UID":"0","_COMM":"gunicorn","#,
                    r#""_HOSTNAME":"vm","_RUNTIME_SCOPE":"system","_BOOT_ID":"2a2fc052a76c46f8bd0c785c10300b92","_TRANSPORT":"stdout","#,
                    r#""_MACHINE_ID":"3d1219c7c4c5404aaa1f6d2a48adfda4","SYSLOG_IDENTIFIER":"gunicorn","_EXE":"/usr/bin/python3.11","#,
                    r#""_SYSTEMD_UNIT":"gunicorn.service","_SYSTEMD_SLICE":"system.slice","_SYSTEMD_CGROUP":"/system.slice/gunicorn.service","#,
                    r#""_SYSTEMD_INVOCATION_ID":"9b1f0c2de3a54f6e8a7b6c5d4e3f2a1b","SYSLOG_FACILITY":"3","_CAP_EFFECTIVE":"1fffeffffff","#,
                    r#""_SELINUX_CONTEXT":"unconfined","_AUDIT_SESSION":"4","_AUDIT_LOGINUID":"0","_SYSTEMD_OWNER_UID":"0","#,
                    r#""_SYSTEMD_USER_SLICE":"-.slice","__MONOTONIC_TIMESTAMP":"17281590817","_SOURCE_MONOTONIC_TIMESTAMP":"0","#,
                    r#""__CURSOR":"s=0c38467833a04141959a2c11079b0ba5;i={:x}","MESSAGE":"[2026-12-06 08:31:41 +0000] [16816] [INFO] {}"}}"#,
                    "\n"
                ),
                i, 300 + i, message
            )
        };
        let messages = ["Booting worker with pid: 16828", "Booting worker with pid: 16829", "Control socket listening at /root/.gunicorn/gunicorn.ctl", "Handling signal: winch from parent"];
        let text: String = (0..8).map(|i| record(i, messages[i % 4])).collect();
        let c = compress(&text, &opts());
        for said in ["Booting worker with pid: 16828", "Control socket listening at", "Handling signal: winch"] {
            assert!(c.text.contains(said), "{said}: {}", c.text);
        }
        // a second worker booted is a repeat
        assert!(!c.text.contains("pid: 16829"), "{}", c.text);
    }

    #[test]
    fn a_marker_lists_no_values_of_records_that_order_their_keys_otherwise() {
        // `journalctl -o json` writes a record's fields in any order
        let text: String = (0..40)
            .map(|i| {
                let fields = [
                    format!("\"MESSAGE\":\"refresh {} done\"", i % 3),
                    "\"SYSLOG_IDENTIFIER\":\"cache-agent\"".to_string(),
                    format!("\"_PID\":\"{}\"", 4000 + i % 2),
                    "\"PRIORITY\":\"6\"".to_string(),
                ];
                let order: Vec<&String> = if i % 2 == 0 { fields.iter().collect() } else { fields.iter().rev().collect() };
                format!("{{{}}}\n", order.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(","))
            })
            .collect();
        let c = compress(&text, &opts());
        let marker = c.text.lines().find(|l| l.starts_with("[hr ")).unwrap_or_else(|| panic!("{}", c.text));
        assert!(!marker.contains('×'), "{marker}");
    }

    #[test]
    fn a_sanitizers_stacks_are_traces_whose_frames_stay() {
        // AddressSanitizer's report of a use after free (gcc 12's, run here): the stack of the
        // access, of the free and of the allocation, each frame another call; the program's
        // own frames among the runtime's say where the bug is
        let report = r"=================================================================
==22910==ERROR: AddressSanitizer: heap-use-after-free on address 0x603000000040 at pc 0x7f5dbbe72b5e bp 0x7ffdf3b5b6c0 sp 0x7ffdf3b5ae70
READ of size 2 at 0x603000000040 thread T0
    #0 0x7f5dbbe72b5d in printf_common ../../../../src/libsanitizer/sanitizer_common/sanitizer_common_interceptors_format.inc:553
    #1 0x7f5dbbe731fa in __interceptor_vprintf ../../../../src/libsanitizer/sanitizer_common/sanitizer_common_interceptors.inc:1657
    #2 0x7f5dbbe732d6 in __interceptor_printf ../../../../src/libsanitizer/sanitizer_common/sanitizer_common_interceptors.inc:1715
    #3 0x559e7a85d971 in main /tmp/probeAM/src/sanprog.cc:41
    #4 0x7f5dbb045249 in __libc_start_call_main ../sysdeps/nptl/libc_start_call_main.h:58
    #5 0x7f5dbb045304 in __libc_start_main_impl ../csu/libc-start.c:360
    #6 0x559e7a85b410 in _start (/tmp/probeAM/src/san_asan+0x17410)

0x603000000040 is located 0 bytes inside of 32-byte region [0x603000000040,0x603000000060)
freed by thread T0 here:
    #0 0x7f5dbbeb76a8 in __interceptor_free ../../../../src/libsanitizer/asan/asan_malloc_linux.cpp:52
    #1 0x559e7a85baf7 in close_session(Session*) /tmp/probeAM/src/sanprog.cc:18
    #2 0x559e7a85d953 in main /tmp/probeAM/src/sanprog.cc:40
    #3 0x7f5dbb045249 in __libc_start_call_main ../sysdeps/nptl/libc_start_call_main.h:58

previously allocated by thread T0 here:
    #0 0x7f5dbbeb89cf in __interceptor_malloc ../../../../src/libsanitizer/asan/asan_malloc_linux.cpp:69
    #1 0x559e7a85b73b in new_session(int) /tmp/probeAM/src/sanprog.cc:13
    #2 0x559e7a85d948 in main /tmp/probeAM/src/sanprog.cc:40
    #3 0x7f5dbb045249 in __libc_start_call_main ../sysdeps/nptl/libc_start_call_main.h:58

SUMMARY: AddressSanitizer: heap-use-after-free ../../../../src/libsanitizer/sanitizer_common/sanitizer_common_interceptors_format.inc:553 in printf_common
Shadow bytes around the buggy address:
  0x0c067fff7fb0: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
  0x0c067fff7fc0: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
  0x0c067fff7fd0: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
  0x0c067fff7fe0: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
  0x0c067fff7ff0: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
=>0x0c067fff8000: fa fa 00 00 00 fa fa fa[fd]fd fd fd fa fa 00 00
  0x0c067fff8010: 00 00 fa fa fa fa fa fa fa fa fa fa fa fa fa fa
  0x0c067fff8020: fa fa fa fa fa fa fa fa fa fa fa fa fa fa fa fa
  0x0c067fff8030: fa fa fa fa fa fa fa fa fa fa fa fa fa fa fa fa
  0x0c067fff8040: fa fa fa fa fa fa fa fa fa fa fa fa fa fa fa fa
  0x0c067fff8050: fa fa fa fa fa fa fa fa fa fa fa fa fa fa fa fa
Shadow byte legend (one shadow byte represents 8 application bytes):
  Addressable:           00
  Partially addressable: 01 02 03 04 05 06 07 
  Heap left redzone:       fa
  Freed heap region:       fd
  Stack left redzone:      f1
  Stack mid redzone:       f2
  Stack right redzone:     f3
  Stack after return:      f5
  Stack use after scope:   f8
  Global redzone:          f9
  Global init order:       f6
  Poisoned by user:        f7
  Container overflow:      fc
  Array cookie:            ac
  Intra object redzone:    bb
  ASan internal:           fe
  Left alloca redzone:     ca
  Right alloca redzone:    cb
==22910==ABORTING
";
        let c = compress(report, &opts());
        for place in ["in main /tmp/probeAM/src/sanprog.cc:41", "in close_session(Session*) /tmp/probeAM/src/sanprog.cc:18", "in new_session(int) /tmp/probeAM/src/sanprog.cc:13"] {
            assert!(c.text.lines().any(|l| l.contains(place) && !l.starts_with("[hr ")), "{place}: {}", c.text);
        }
    }

    #[test]
    fn a_fold_over_other_lines_counts_the_crashes_it_holds() {
        // a worker under supervisord: Python prints its uncaught exception under the last line
        // the worker logged, at INFO; it crashes on the same bug again and again
        let mut text = String::new();
        let mut crashes = 0;
        for run in 0..8 {
            for job in 1..=12 {
                text += &format!("2026-12-05 02:56:{:02},{:03} INFO [worker] processed job {job} (10 bytes)\n", run * 5 + job / 3, job * 7);
            }
            text += "2026-12-05 02:56:49,472 INFO [worker] finalizing batch 12\n";
            text += "Traceback (most recent call last):\n  File \"/srv/worker.py\", line 23, in <module>\n    settle({'a': 1})\n";
            text += "  File \"/srv/worker.py\", line 11, in settle\n    return int('not-a-number')\n";
            text += "ValueError: invalid literal for int() with base 10: 'not-a-number'\n";
            crashes += 1;
        }
        let c = compress(&text, &opts());
        let shown = c.text.matches("\nValueError: ").count() + c.text.starts_with("ValueError: ") as usize;
        assert!(shown >= 1, "{}", c.text);
        assert_eq!(shown + counted(&c.text, "stack"), crashes, "{}", c.text);
    }

    #[test]
    fn a_slowlogs_stacks_are_traces_each_new_one_shown_whole() {
        // php-fpm's slowlog: each slow request's stack, innermost call first
        let mut text = String::new();
        for k in 0..30 {
            let calls: &[(&str, u32)] = if k == 20 { &[("curl_exec", 9), ("charge", 12), ("checkout", 30)] } else { &[("usleep", 2), ("fetch_remote", 3), ("handler", 4)] };
            text += &format!("\n[05-Dec-2026 01:42:{:02}]  [pool www] pid {}\nscript_filename = /var/www/app.php\n", k * 2, 10700 + k);
            for (f, line) in calls {
                text += &format!("[0x00007f40f7c1{:04x}] {f}() /var/www/app.php:{line}\n", 0x3160 - 0x70 * line);
            }
        }
        let c = compress(&text, &opts());
        for frame in ["fetch_remote() /var/www/app.php:3", "handler() /var/www/app.php:4", "charge() /var/www/app.php:12", "checkout() /var/www/app.php:30"] {
            assert!(c.text.contains(frame), "{frame}: {}", c.text);
        }
        assert!(!c.text.contains("error"), "{}", c.text);
    }

    #[test]
    fn a_pods_log_file_reads_a_trace_behind_the_kubelets_stamp() {
        // the kubelet's log of a pod's container: the time, the stream, `F` for a full line
        let mut text = String::new();
        let mut k = 0;
        let mut line = |text: &mut String, l: &str| {
            k += 1;
            *text += &format!("2026-12-05T01:53:{:02}.{:09}Z stderr F {l}\n", k / 20 % 60, k * 7919);
        };
        for run in 0..2 {
            for i in 0..40 {
                line(&mut text, &format!("I1205 01:53:48.317014   25778 main.go:40] \"serving order\" id={i} items=2"));
            }
            for l in ["panic: assignment to entry in nil map", "", "goroutine 20 [running]:", "main.main.func2()"] {
                line(&mut text, l);
            }
            line(&mut text, &format!("\t/app/main.go:{} +0x113", 60 + run));
            line(&mut text, "created by main.main in goroutine 1");
            line(&mut text, "\t/app/main.go:54 +0x208");
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("\t/app/main.go:60 +0x113"), "{}", c.text);
        assert_eq!(unstamped("2026-12-05T01:53:48.32239221Z stderr F panic: x"), "panic: x");
    }

    #[test]
    fn a_rust_panic_at_another_place_is_another_error() {
        // env_logger's lines, and the panics of worker threads with RUST_BACKTRACE=1: the
        // second panic's place was folded with the lines above it
        let mut text = String::new();
        let panic = |n: usize, place: &str, message: &str| {
            let mut p = format!("\nthread 'chunk-worker-{n}' ({}) panicked at {place}:\n{message}\nstack backtrace:\n", 14750 + n);
            for (k, f) in ["__rustc::rust_begin_unwind", "core::panicking::panic_fmt", "ingest::process_chunk"].iter().enumerate() {
                p += &format!("   {k}: {f}\n             at ./src/main.rs:{}:5\n", 30 + k);
            }
            p + &format!("[2026-12-05T00:15:34Z ERROR ingest] chunk {n} worker panicked, restarting worker\n")
        };
        for n in 0..40 {
            text += &format!("[2026-12-05T00:15:34Z INFO  ingest] chunk {n} processed {n} lines\n");
            match n {
                7 | 30 => text += &panic(n, "src/main.rs:34:49", "index out of bounds: the len is 7 but the index is 10"),
                11 => text += &panic(n, "src/main.rs:35:55", "chunk header present"),
                _ => {}
            }
        }
        let c = compress(&text, &opts());
        for place in ["panicked at src/main.rs:34:49:", "panicked at src/main.rs:35:55:"] {
            assert!(c.text.contains(place), "{place}: {}", c.text);
        }
        // a panic at a place shown above is a repeat
        assert!(!c.text.contains("'chunk-worker-30'"), "{}", c.text);
        assert!(crate::logline::is_rust_panic("thread 'main' panicked at 'boom', src/main.rs:2:5"));
        assert!(!crate::logline::is_rust_panic("worker thread 'main' panicked at startup"));
    }

    #[test]
    fn an_error_that_ends_with_a_colon_keeps_the_paragraph_it_announces() {
        // Tomcat logs each JSP that fails to compile with one line, then the page's error in a
        // paragraph of its own: two pages' failures differ only there
        let mut text = String::new();
        let mut t = 0;
        let mut ok = |text: &mut String, n: usize| {
            for _ in 0..n {
                t += 1;
                *text += &format!("04-Dec-2026 23:11:{:02}.{t:03} INFO [exec-1] ApplicationContext.log ok request id={}\n", t % 60, t * 7919 % 100_000);
            }
        };
        for (page, line, error) in [("broken", 1, "Type mismatch: cannot convert from String to int"), ("db", 4, "Unreachable code")] {
            for _ in 0..3 {
                ok(&mut text, 20);
                text += "04-Dec-2026 23:12:00.000 SEVERE [exec-4] StandardWrapperValve.invoke Servlet.service() for servlet [jsp] threw exception [org.apache.jasper.JasperException: Unable to compile class for JSP: \n\n";
                text += &format!("An error occurred at line: [{line}] in the jsp file: [/{page}.jsp]\n{error}\n{line}: <% int x = 1; %>\n\n\n");
            }
        }
        ok(&mut text, 20);
        let c = compress(&text, &opts());
        for error in ["Type mismatch: cannot convert from String to int", "Unreachable code", "[/db.jsp]"] {
            assert!(c.text.contains(error), "{error}: {}", c.text);
        }
        // each page's repeats fold with its event
        assert_eq!(c.text.matches("Unreachable code").count(), 1, "{}", c.text);
        // a paragraph no blank line closes is no part of the event: a program's frames below
        // it run on to the next event, and fold as frames
        assert_eq!(paragraph_below(&["", "0. DB::Exception() @ 0x1", "1. main @ 0x2", "2026.02.21 05:26:50 <Error> x"]), 0);
        assert_eq!(paragraph_below(&["", "An error occurred", "Unreachable code", "", "x"]), 3);
        assert_eq!(paragraph_below(&["An error occurred", ""]), 0);
    }

    #[test]
    fn a_trace_behind_a_streams_prefix_stays_whole_as_it_does_unprefixed() {
        let frames = ["at JSON.parse (<anonymous>)", "at parseConfig (/app/app.js:4:39)", "at Object.<anonymous> (/app/app.js:13:28)",
            "at Module._compile (node:internal/modules/cjs/loader:1521:14)", "at Module.load (node:internal/modules/cjs/loader:1266:32)",
            "at Module._load (node:internal/modules/cjs/loader:1091:12)"];
        for prefix in ["api-1  | ", "[pod/api-7d9f8b6c5-x2x9q/api] "] {
            let mut log = String::new();
            for i in 0..300 {
                log += &format!("{prefix}2024-05-01T10:01:{:02}.{i:03}Z info [db] GET /v1/products/{} 200 {}ms\n", i / 10 % 60, i * 37 % 9000, i % 90);
                if i == 150 {
                    log += &format!("{prefix}2024-05-01T10:01:15.000Z error [router] failed to load config SyntaxError: Unexpected token\n");
                    // another service's line inside the trace continues nothing of it
                    log += "web-1  | 2024-05-01T10:01:15.001Z info listening on :8080\n";
                    log += &frames.iter().map(|f| format!("{prefix}    {f}\n")).collect::<String>();
                }
            }
            let out = compress(&log, &opts()).text;
            for f in frames {
                assert!(out.contains(&format!("{prefix}    {f}\n")), "{f}: {out}");
            }
            assert!(out.lines().count() < 30, "{out}");
        }
    }

    #[test]
    fn a_trace_through_other_lines_of_its_functions_is_another_trace() {
        // Java's frames: the same methods, called from another line of `Handler.handle` the
        // second time; the third trace repeats the first, from other temporary classes
        let trace = |line: usize, tmp: &str| {
            format!("java.lang.IllegalStateException: bad input\n\tat app.Parser.parse(Parser.java:41)\n\tat app.Handler.handle(Handler.java:{line})\n\tat app.{tmp}.run(Unknown Source)\n\tat java.lang.Thread.run(Thread.java:829)\n")
        };
        let mut log = String::new();
        for i in 0..200 {
            log += &format!("2024-05-01 10:01:{:02},{i:03} INFO [worker-{}] request {} served\n", i / 4 % 60, i % 4, 1000 + i);
            match i {
                50 => log += &format!("2024-05-01 10:01:12,500 ERROR [worker-1] request failed\n{}", trace(18, "Tmp$1")),
                100 => log += &format!("2024-05-01 10:01:25,000 ERROR [worker-1] request failed\n{}", trace(27, "Tmp$2")),
                150 => log += &format!("2024-05-01 10:01:37,500 ERROR [worker-1] request failed\n{}", trace(18, "Tmp$3")),
                _ => {}
            }
        }
        let out = compress(&log, &opts()).text;
        assert!(out.contains("\tat app.Handler.handle(Handler.java:18)\n"), "{out}");
        assert!(out.contains("\tat app.Handler.handle(Handler.java:27)\n"), "{out}");
        assert!(!out.contains("Tmp$3"), "{out}");
    }

    #[test]
    fn what_a_line_says_starts_right_after_a_header_that_ends_with_its_space() {
        // BuildKit's step and seconds: the word after them is what the line says
        assert_eq!(said("#9 0.503 FAILED tests/a.py::t").1.trim_start(), "FAILED tests/a.py::t");
        // a time the pattern ends within still runs to its space
        assert_eq!(said("2024-01-02 10:00:00,123 INFO request served").1.trim_start(), "INFO request served");
    }

    #[test]
    fn a_level_stamped_event_folds_its_arguments_but_never_its_name() {
        let names: Vec<String> = (0..24).map(|i| format!("pkg{}", "x".repeat(i))).collect();
        let stamped = |i: usize, what: &str| format!("2024-01-02 10:00:{:02} INFO - {what}\n", i % 60);
        // an argument that takes a new value on every line (names, not states): the lines
        // after the first fold into one marker
        let installs: String = (0..24).map(|i| stamped(i, &format!("Running setup for package {}", names[i]))).collect();
        let c = compress(&installs, &opts());
        assert_eq!(kept_lines(&c.text).len(), 1, "{}", c.text);
        assert!(c.text.contains("[hr 23 like above"), "{}", c.text);
        // so in a line that states no level: its first word names the event
        let bare: String = (0..24).map(|i| format!("Running setup for package {}\n", names[i])).collect();
        let c = compress(&bare, &opts());
        assert_eq!(kept_lines(&c.text).len(), 1, "{}", c.text);
        // however short the message: with no time, Drain reads `Running pkgx` as `Running pkg`
        // (half its words the same), where a time it cannot mask would make it another event;
        // nor is a short word in capitals a time zone with no time before it
        for verb in ["Running", "PASS"] {
            let short: String = (0..24).map(|i| format!("{verb} {}\n", names[i])).collect();
            let c = compress(&short, &opts());
            assert_eq!(kept_lines(&c.text).len(), 1, "{}", c.text);
        }
        // the word that names the event stays, with a level or without
        let names_the_event: String = (0..15).map(|i| stamped(i, &format!("{} started cleanly", names[i]))).collect();
        let bare_names: String = (0..15).map(|i| format!("{} started cleanly\n", names[i])).collect();
        for text in [names_the_event, bare_names] {
            let c = compress(&text, &opts());
            assert_eq!(kept_lines(&c.text).len(), 15, "{}", c.text);
        }
    }

    #[test]
    fn a_variant_that_changed_several_words_folds_where_they_all_turned_over() {
        // Odoo's missing translations: the account's name is two words, any two; positions
        // that held so many values are Drain's variables, and the lines are one event
        let firsts = ["Prepaid", "Accrued", "Deposit", "Other", "Deferred", "Legal", "Taxes", "Customer", "Stamp",
            "Social", "Income", "Bank", "Motor", "Computer", "Registration", "Outstanding", "Leasehold", "VAT"];
        let seconds = ["Rent!", "Fees!", "Insurance!", "Others!", "Income!", "Reserve!", "Provision!", "Payable!",
            "Tax!", "Contribution!", "Account!", "Vehicles!", "Hardware!", "Renewal!", "Payments!", "Improvement!",
            "Output!", "Input!"];
        let line = |i: usize, a: &str, b: &str| {
            format!("2023-05-13 05:49:02,{i:03} 13516 INFO HMS odoo.l10n: no translation available for {a} {b}\n")
        };
        let text: String = (0..18).map(|i| line(i, firsts[i], seconds[(i * 7) % 18])).collect();
        let c = compress(&text, &opts());
        assert_eq!(kept_lines(&c.text).len(), 1, "{}", c.text);
        // where the words recur, a handful of states in two words, a new pair is another event
        let states = [("order", "created!"), ("order", "paid!"), ("parcel", "shipped!"), ("parcel", "lost!")];
        let text: String = (0..24).map(|i| line(i, states[i % 3].0, states[i % 3].1)).collect::<String>() + &line(99, states[3].0, states[3].1);
        let c = compress(&text, &opts());
        assert!(kept_lines(&c.text).iter().any(|l| l.ends_with("lost!")), "{}", c.text);
    }

    #[test]
    fn a_new_state_among_recurring_ones_stays() {
        // orders go through the same states again and again: those are events, and a state
        // seen for the first time after them (`refunded`) is another one, not one more name
        let states = ["created", "paid", "packed", "shipped", "delivered", "invoiced", "reviewed", "archived"];
        let mut text = String::new();
        for order in 0..6 {
            for (k, state) in states.iter().enumerate() {
                text.push_str(&format!("2026-11-30 09:{order:02}:{k:02} INFO order {} {state}\n", 1001 + order));
            }
        }
        text.push_str("2026-11-30 09:30:00 INFO order 1005 refunded\n");
        let c = compress(&text, &opts());
        assert!(kept_lines(&c.text).iter().any(|l| l.ends_with("refunded")), "{}", c.text);
    }

    #[test]
    fn a_timed_line_s_arguments_fold_but_not_a_two_word_message_s() {
        // dpkg.log: a time, then the event and its arguments; the packages turn over, and
        // those without digits in their names are names all the same
        let packages = ["adduser", "apt", "base-files", "bash", "coreutils", "dash", "debconf", "diffutils",
            "findutils", "gpgv", "grep", "gzip", "hostname", "init-system-helpers", "login", "mawk", "mount",
            "passwd", "perl-base", "sed", "sensible-utils", "sysvinit-utils", "tar", "tzdata", "util-linux"];
        let mut text = String::new();
        for p in packages {
            text.push_str(&format!("2025-06-24 14:36:25 status unpacked {p}:all 1.2-3\n"));
        }
        text.push_str("2025-06-24 14:36:26 status half-configured tzdata:all 1.2-3\n");
        let c = compress(&text, &opts());
        let kept = kept_lines(&c.text);
        assert_eq!(kept.len(), 2, "{}", c.text);
        // another state is another event
        assert!(kept.iter().any(|l| l.contains("half-configured")), "{}", c.text);
        // `date`'s zone and year are part of the time, not the event's name
        let text: String = packages.iter().map(|p| format!("Mon Nov 30 10:00:00 UTC 2026 step {p} done\n")).collect();
        assert_eq!(kept_lines(&compress(&text, &opts()).text).len(), 1);
        // a CI runner's stamp, which differs on every line, then two words: each line is
        // another event
        let mut text = String::new();
        for (i, p) in packages[..12].iter().enumerate() {
            text.push_str(&format!("2022-03-15T21:05:50.{:07}Z Running {p}\n", 8348873 + 311 * i));
        }
        let c = compress(&text, &opts());
        assert_eq!(kept_lines(&c.text).len(), 12, "{}", c.text);
    }

    #[test]
    fn a_short_line_of_other_quoted_words_is_another_event() {
        // a server dumps the operations that failed: our miner masks each quoted value, Drain
        // reads its words, and a pair of other words is another event to it
        let keys = ["subsystem", "cache-container", "transport", "handler", "logger", "access", "core-service",
            "management-interface", "socket-binding", "interface", "path", "deployment"];
        let values = ["ejb", "web", "jgroups", "file", "audit-log", "audit", "management", "http-interface",
            "mail-smtp", "public", "tmp", "kc.war"];
        let mut text: String = (0..100).map(|i| format!("07:16:{:02},123 INFO  [org.jboss.as.server] WFLYSRV0010: Deployed item {i}\n", i % 60)).collect();
        text.push_str("07:16:19,313 ERROR [org.jboss.as.controller] WFLYCTL0403: Unexpected failure during execution of the following operation(s): [{\n");
        for (k, v) in keys.iter().zip(values) {
            text.push_str(&format!("    \"operation\" => \"add\",\n    \"address\" => [\n        (\"{k}\" => \"{v}\")\n    ]\n}}, {{\n"));
        }
        text.push_str("}]\n");
        text.extend((0..100).map(|i| format!("07:17:{:02},123 INFO  [org.jboss.as.server] WFLYSRV0010: Deployed item {i}\n", i % 60)));
        let out = compress(&text, &opts()).text;
        for (k, v) in keys.iter().zip(values) {
            assert!(out.contains(&format!("(\"{k}\" => \"{v}\")")), "{k}: {out}");
        }
        // a line Drain joins to one it read stays our miner's repeat
        assert!(out.matches("\"operation\" => \"add\",").count() < keys.len() / 2, "{out}");
    }

    #[test]
    fn a_blank_line_behind_a_stamp_drain_cannot_mask_is_no_event() {
        // GitHub Actions stamps blank lines too: a stamp alone says nothing, and folds with the
        // repeats around it rather than splitting their run into runs too short to fold
        let text: String = (0..60)
            .map(|i| {
                let stamp = |k: usize| format!("2022-03-15T21:05:24.{:07}Z", 3072022 + 977 * (2 * i + k));
                format!("{} Received {} of 337438321, {}.0 MBs/sec\n{} \n", stamp(0), 5_000_000 * i, i % 90, stamp(1))
            })
            .collect();
        let c = compress(&text, &opts());
        // (the first two lines, and the log's last line with the stamp alone after it: a line
        // alone beside lines put back is read with them)
        assert!(kept_lines(&c.text).len() <= 4, "{}", c.text);
        assert_eq!(c.text.matches("[hr ").count(), 1, "{}", c.text);
    }

    #[test]
    fn a_short_message_behind_a_stamp_drain_cannot_mask_stays_whatever_it_names() {
        // GitHub Actions stamps every line with a time Drain reads as a word of its own: each
        // `Compiling` line is then another event to it, and the crate it names is read
        let crates = ["serde", "memchr", "syn", "quote", "itoa", "ryu", "libc", "cfg-if", "once_cell", "bitflags",
            "log", "regex", "aho-corasick", "smallvec", "either", "rayon", "clap", "anstyle", "strsim", "heck"];
        let text: String = crates
            .iter()
            .enumerate()
            .map(|(i, c)| format!("2026-11-30T23:53:{:02}.{:07}Z    Compiling {c} v{}.0.{i}\n", i, 4179010 + 7919 * i, i + 1))
            .collect();
        let c = compress(&text, &opts());
        for k in crates {
            assert!(c.text.contains(&format!("Compiling {k} v")), "{k}: {}", c.text);
        }
        // a repeat to our miner (digits in a name are a value) is compared the same way there
        let text: String = (0..20)
            .map(|i| format!("2026-12-01T00:04:47.{:07}Z Adding debian:GlobalSign_Root_CA_-_R{i}.pem\n", 165009 + 30 * i))
            .collect();
        assert_eq!(kept_lines(&compress(&text, &opts()).text).len(), 20);
        // with a time Drain masks, the same lines are one event, and the crates fold
        let text: String = crates.iter().enumerate().map(|(i, c)| format!("2026-11-30 23:53:{i:02} Compiling {c} now v{}.0.{i}\n", i + 1)).collect();
        assert!(kept_lines(&compress(&text, &opts()).text).len() < crates.len() / 2);
        // a line Drain joins to an event it has read is a repeat, whatever new word our miner
        // finds in it (`class Memoized` among javac's `symbol:` lines; a repeated `##[endgroup]`),
        // behind GitHub Actions' stamp or one a bracket that names the step opens (taskcluster)
        let classes = ["Memoized", "CopyAnnotations", "SerializableAutoValue", "ToPrettyString", "AutoValue",
            "AutoOneOf", "AutoBuilder", "AutoAnnotation", "Nullable", "Generated", "Retention", "Target"];
        let stamps: [fn(usize) -> String; 2] = [
            |k| format!("2022-03-15T21:05:42.{:07}Z", 5369616 + 41 * k),
            |k| format!("[task 2025-02-14T07:23:20.{:03}Z]", 100 + 3 * k),
        ];
        for stamp in stamps {
            let text: String = classes
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{}   symbol:   class {c}\n{} ##[endgroup]\n", stamp(2 * i), stamp(2 * i + 1)))
                .collect();
            let out = compress(&text, &opts()).text;
            assert_eq!(kept_lines(&out).len(), 2, "{out}");
        }
    }

    #[test]
    fn a_traced_call_drain_joins_to_one_above_is_a_repeat() {
        // in strace's output, a call Drain joins to one above is a repeat of it, whatever
        // signal or resource it names; a failed call keeps the miner's reading
        let sigs = ["SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE"];
        let limits = ["NOFILE", "STACK", "CORE", "CPU", "DATA", "FSIZE", "LOCKS", "MEMLOCK", "MSGQUEUE", "NICE", "NPROC", "RSS"];
        let mut text = String::from("8608  execve(\"/usr/bin/node\", [\"node\"], 0x7ffff3615088 /* 42 vars */) = 0\n");
        for (s, l) in sigs.iter().zip(limits) {
            text.push_str(&format!("8608  rt_sigaction({s}, {{sa_handler=0xc61ac0, sa_mask=[], sa_flags=SA_RESTORER}}, NULL, 8) = 0\n"));
            text.push_str(&format!("8608  prlimit64(0, RLIMIT_{l}, NULL, {{rlim_cur=20000, rlim_max=20000}}) = 0\n"));
        }
        text.push_str("8608  openat(AT_FDCWD, \"/etc/x\", O_RDONLY) = -1 ENOENT (No such file or directory)\n");
        let out = compress(&text, &opts()).text;
        let kept = kept_lines(&out);
        assert!(kept.len() < 6 && kept.iter().any(|l| l.contains("ENOENT")), "{kept:?}");
    }

    #[test]
    fn a_warning_that_names_another_backend_stays_past_a_wildcard() {
        // the backends' names turn the position into a wildcard; each warning still says which
        // one failed, as each error does
        let names = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
            "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango"];
        let mut text = String::new();
        for level in ["ERROR", "WARN"] {
            for (i, n) in names.iter().enumerate() {
                text.push_str(&format!("2024-01-01 10:00:{i:02} {level} connect to backend {n} failed after retries\n"));
                text.push_str(&format!("2024-01-01 10:00:{i:02} INFO polling queue now\n"));
            }
        }
        let c = compress(&text, &opts());
        for n in names {
            assert!(c.text.contains(&format!("WARN connect to backend {n} failed")), "{n}: {}", c.text);
        }
    }

    #[test]
    fn a_text_of_other_words_after_a_time_is_another_event() {
        // PostgreSQL's csvlog: what the server says is a quoted text, each once in a short window
        let said = ["ending log output to stderr", "starting PostgreSQL 15.18", "listening on IPv4 address",
            "listening on Unix socket", "database system was shut down", "database system is ready to accept connections"];
        let text: String = said
            .iter()
            .enumerate()
            .map(|(i, m)| format!("2026-11-30 19:42:54.00{i} UTC,,,26136,,6b0dd1bd.6618,{i},,2026-11-30 19:42:53 UTC,,0,LOG,00000,\"{m}\",,,,,,,,,\"\",\"postmaster\",,0\n"))
            .collect();
        assert_eq!(kept_lines(&compress(&text, &opts()).text).len(), said.len());
    }

    #[test]
    fn an_error_that_differs_in_an_argument_stays() {
        // Tomcat: which web application failed to start is what the agent looks for
        let apps: Vec<String> = (0..12).map(|i| format!("[/portal-{}]", "x".repeat(i + 1))).collect();
        let failed = |i: usize| {
            format!("18-Nov-2016 03:54:{i:02}.985 SEVERE [localhost-startStop-1] org.apache.catalina.core.StandardContext.startInternal Context {} startup failed due to previous errors\n", apps[i])
        };
        let c = compress(&(0..12).map(failed).collect::<String>(), &opts());
        assert_eq!(kept_lines(&c.text).len(), 12, "{}", c.text);
    }

    #[test]
    fn a_syslog_message_folds_its_arguments_as_a_level_stamped_one_does() {
        let names: Vec<String> = (0..12).map(|i| format!("user{}", "x".repeat(i))).collect();
        let sshd = |i: usize| format!("Mar 27 13:08:{i:02} ip-10-0-0-1 sshd[{}]: Accepted publickey for {} from 10.0.0.{i} port 22 ssh2\n", 100 + i, names[i]);
        let c = compress(&(0..12).map(sshd).collect::<String>(), &opts());
        assert_eq!(kept_lines(&c.text).len(), 1, "{}", c.text);
        assert!(c.text.contains("[hr 11 like above"), "{}", c.text);
        // the program's first word names the event: another word there stays
        let said: String = (0..12).map(|i| format!("Mar 27 13:08:{i:02} ip-10-0-0-1 sshd[7]: {} session started\n", names[i])).collect();
        assert_eq!(kept_lines(&compress(&said, &opts()).text).len(), 12);
    }

    #[test]
    fn a_bracketed_tag_split_into_words_is_part_of_the_header_not_the_events_name() {
        // kern.log: the kernel's uptime is padded inside its brackets (`[  107.051913]`), so it
        // splits into two words; the driver after it names the event
        let names: Vec<String> = (0..12).map(|i| format!("drv{}", "x".repeat(i))).collect();
        let kernel = |i: usize| format!("Mar 27 13:08:{i:02} host kernel: [  {}.051913] {} 1-1:1.0: attached\n", 100 + i, names[i]);
        assert_eq!(kept_lines(&compress(&(0..12).map(kernel).collect::<String>(), &opts()).text).len(), 12);
        // a tag whose words hold fields: the word after it names the event
        let kafka = |i: usize| {
            format!("[2024-05-01 10:00:{i:02},000] INFO [Consumer clientId=c-{i}, groupId=g] {} assigned partitions\n", names[i])
        };
        assert_eq!(kept_lines(&compress(&(0..12).map(kafka).collect::<String>(), &opts()).text).len(), 12);
    }

    #[test]
    fn a_cut_line_counts_characters_and_never_cuts_inside_an_escape() {
        let wide = format!("2025-08-08 07:07:02 INFO {}", "ж".repeat(4000));
        // Buildkite stamps a line with an escape sequence; one falls across the cut
        let stamped = format!("{}\x1b_bk;t=1729032358189\x07{}", "x".repeat(790), "y".repeat(3000));
        let text = format!("2025-08-08 07:07:01 INFO starting\n{wide}\n{stamped}\n");
        let c = compress(&text, &opts());
        let out: Vec<&str> = c.text.lines().collect();
        let head = out[1].split(" … [hr ").next().unwrap();
        let more = wide.chars().count() - head.chars().count();
        assert!(out[1].ends_with(&format!(" … [hr {} more chars · hr expand abcdef012345 --lines 2]", crate::marker::count(more))), "{}", &out[1][head.len()..]);
        assert_eq!(out[2], format!("{} … [hr 3,021 more chars L3]", "x".repeat(790)));
        // a link whose closing `ESC \` falls across the cut: the cut goes before the link
        let link = format!("{}\x1b]8;;http://example.com/a\x1b\\{}\r", "x".repeat(774), "y".repeat(3000));
        assert_eq!(link.find("\x1b\\"), Some(799));
        let text = format!("2025-08-08 07:07:01 INFO starting\r\n{link}\n");
        let c = compress(&text, &opts());
        let cut = c.text.split('\n').nth(1).unwrap();
        // (a CRLF's `\r` is no character of the line)
        assert!(cut.starts_with(&format!("{} … [hr 3,027 more chars · hr expand abcdef012345 --lines 2]", "x".repeat(774))), "{}", &cut[770..]);
        assert!(cut.ends_with("]\r"));
    }

    /// The lines of an output that are not markers: the input's lines that stayed.
    fn kept_lines(out: &str) -> Vec<&str> {
        out.lines().filter(|l| !l.starts_with("[hr ")).collect()
    }

    #[test]
    fn levels() {
        assert_eq!(
            level("2015-10-18 18:01:47,978 ERROR [main] boom"),
            Level::Error
        );
        assert_eq!(
            level("[Sun Dec 04 04:47:44 2005] [error] mod_jk child"),
            Level::Error
        );
        assert_eq!(
            level("03-17 16:13:38.811  1702  2395 W WindowManager: x"),
            Level::Warn
        );
        assert_eq!(
            level("03-17 16:13:38.811  1702  2395 D WindowManager: error x"),
            Level::Other
        );
        assert_eq!(
            level("2015-07-29 19:04:29,071 - WARN  [SendWorker:1] - leaving"),
            Level::Warn
        );
        assert_eq!(
            level("081109 203615 148 INFO dfs.DataNode: error later"),
            Level::Other
        );
        assert_eq!(level("plain words without a level at all"), Level::Other);
    }

    /// The frames below the first of a Java stack trace, long enough that folding a repeat pays.
    const FRAMES: &str = "\tat com.example.Orders.pay(Orders.java:212)
\tat com.example.Orders.submit(Orders.java:118)
\tat com.example.http.Handler.post(Handler.java:57)
\tat org.eclipse.jetty.server.handler.HandlerWrapper.handle(HandlerWrapper.java:127)
\tat org.eclipse.jetty.server.Server.handle(Server.java:516)
\tat org.eclipse.jetty.server.HttpChannel.lambda$handle$1(HttpChannel.java:388)
\tat org.eclipse.jetty.server.HttpChannel.dispatch(HttpChannel.java:633)
\tat org.eclipse.jetty.server.HttpChannel.handle(HttpChannel.java:380)
\tat org.eclipse.jetty.server.HttpConnection.onFillable(HttpConnection.java:277)
\tat org.eclipse.jetty.io.AbstractConnection$ReadCallback.succeeded(AbstractConnection.java:311)
\t... 10 more
";

    fn server_log() -> String {
        let mut t = String::new();
        for i in 0..60 {
            t.push_str(&format!(
                "2024-01-02 10:00:{:02},{:03} INFO [worker-{}] GET /api/items/{i} took {}ms\n",
                i % 60,
                i * 7 % 1000,
                i % 4,
                i * 13 % 300
            ));
            if i == 20 {
                t.push_str("2024-01-02 10:00:20,500 ERROR [worker-1] payment 42 failed\n");
                t.push_str("java.net.SocketTimeoutException: Read timed out\n");
                t.push_str("\tat com.example.pay.Client.charge(Client.java:80)\n");
                t.push_str(FRAMES);
            }
            if i == 40 {
                t.push_str("2024-01-02 10:00:40,500 ERROR [worker-2] refund 43 failed\n");
                t.push_str("java.net.SocketTimeoutException: Read timed out\n");
                // (through the same line: another line of `charge` is another trace)
                t.push_str("\tat com.example.pay.Client.charge(Client.java:80)\n");
                t.push_str(FRAMES);
                t.push_str(
                    "2024-01-02 10:00:40,600 INFO [main] cache rebuilt after operator request\n",
                );
            }
        }
        t
    }

    #[test]
    fn keeps_new_events_and_errors_in_order_and_folds_repeats() {
        let text = server_log();
        let c = compress(&text, &opts());
        let out: Vec<&str> = c.text.lines().collect();
        let input: Vec<&str> = text.lines().collect();
        assert_eq!(out[0], input[0]);
        // the first stack trace stays whole, right after the error line that raised it
        let e = out
            .iter()
            .position(|l| l.contains("payment 42 failed"))
            .unwrap();
        assert_eq!(out[e + 1..e + 4], input[22..25], "{}", c.text);
        // the second, the same trace under another message, keeps its error line and folds
        // its frames
        let e2 = out
            .iter()
            .position(|l| l.contains("refund 43 failed"))
            .unwrap();
        assert_eq!(
            out[e2 + 1],
            "[hr 13-line stack trace like one above L57-69]",
            "{}",
            c.text
        );
        // the one-off event survives, after the errors that came before it
        let rare = out
            .iter()
            .position(|l| l.contains("cache rebuilt"))
            .unwrap();
        assert!(rare > e2);
        assert!(
            out.iter()
                .any(|l| l.starts_with("[hr ") && l.contains(" like above")),
            "{}",
            c.text
        );
        assert!(c.text.len() < text.len() / 2);
        // every original line is kept or covered by exactly one marker, in order
        let mut next = 1;
        let mut spans = c.spans.iter().peekable();
        for l in &out {
            if l.starts_with("[hr ") {
                let s = spans.next().unwrap();
                assert_eq!(s.start, next);
                next = s.end + 1;
            } else {
                assert_eq!(*l, input[next - 1]);
                next += 1;
            }
        }
        assert_eq!(next, input.len() + 1);
    }

    #[test]
    fn a_run_within_one_timestamp_says_it_once() {
        let text: String = (0..40)
            .map(|i| format!("2026-01-01 10:00:00 INFO handled request {i}\n"))
            .collect();
        let c = compress(&text, &opts());
        let marker = c.text.lines().nth(1).unwrap();
        assert!(marker.contains(" · at 2026-01-01 10:00:00 · hr expand abcdef012345 --lines 2-40]"), "{marker}");
    }

    #[test]
    fn a_mixed_run_with_a_time_span_names_its_lines() {
        // runs of several templates: a bare count, named on the first marker (its range is in
        // the command); on a later one a time span stands between the count and the range
        let events = [
            "cache warmed for shard",
            "request served by pool",
            "heartbeat sent to peer",
        ];
        let mut text = String::from("=== service log ===\n");
        for i in 0..120 {
            text.push_str(&format!(
                "2026-01-01 10:{:02}:{:02} INFO {} {i}\n",
                i / 60,
                i % 60,
                events[i % 3]
            ));
            if i == 60 {
                text.push_str("2026-01-01 10:01:00 ERROR disk quota exceeded on /var\n");
            }
        }
        // (the log's last line, which stays, carries no time: the run above it does)
        text.push_str("=== end of service log ===\n");
        let c = compress(&text, &opts());
        let markers: Vec<&str> = c.text.lines().filter(|l| l.starts_with("[hr ")).collect();
        assert_eq!(markers.len(), 2, "{}", c.text);
        assert_eq!(markers[0], "[hr 58 lines · hr expand abcdef012345 --lines 5-62]", "{}", c.text);
        assert_eq!(markers[1], "[hr 59 lines · 2026-01-01 10:01:01 to 10:01:59 L64-122]", "{}", c.text);
        assert!(c.text.ends_with("L64-122]\n=== end of service log ===\n"), "{}", c.text);
    }

    #[test]
    fn repeated_warnings_fold_with_their_count_and_time_span() {
        let mut text = String::from("[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok\n");
        for i in 0..30 {
            text.push_str(&format!(
                "[Sun Dec 04 04:5{}:{:02} 2005] [warn] mod_jk child workerEnv in state {}\n",
                i / 10,
                i,
                6 + i % 2
            ));
        }
        let c = compress(&text, &opts());
        let out: Vec<&str> = c.text.lines().collect();
        assert_eq!(out.len(), 3, "{}", c.text);
        assert_eq!(out[1], text.lines().nth(1).unwrap());
        assert!(
            out[2].starts_with("[hr 29 like above · 7×15 6×14 · Sun Dec 04 04:50:01 2005 to 04:52:29 2005 · hr expand abcdef012345 --lines 3-31]"),
            "{}",
            out[2]
        );
        // a kept line with its own time below the run bounds it with the one above: no span
        text.push_str("[Sun Dec 04 05:01:02 2005] [error] mod_jk child init failed\n");
        let c = compress(&text, &opts());
        let out: Vec<&str> = c.text.lines().collect();
        assert_eq!(out.len(), 4, "{}", c.text);
        assert!(
            out[2].starts_with("[hr 29 like above · 7×15 6×14 · hr expand abcdef012345 --lines 3-31]"),
            "{}",
            out[2]
        );
    }

    #[test]
    fn a_mixed_run_says_how_many_errors_it_folds_but_not_its_warnings() {
        // the same message on other files: one template once paths are masked, so the repeats
        // may fold, but the marker must not let the errors pass for ordinary lines
        let files = ["/etc/app/config.yaml", "/var/lib/app/db.sqlite", "/home/u/.ssh/id_rsa"];
        // a warning repeated on other disks: shown once, and its repeats not counted
        let disks = ["/dev/sda1", "/dev/sdb1", "/dev/sdc1"];
        let mut text = String::new();
        for i in 0..200 {
            text.push_str(&format!("2026-01-01 10:00:{:02} INFO worker started job {i}\n", i % 60));
            if let Some(k) = [20, 90, 150].iter().position(|&at| at == i) {
                text.push_str(&format!("2026-01-01 10:00:00 ERROR cannot open {}: No such file or directory\n", files[k]));
            }
            if let Some(k) = [60, 120, 170].iter().position(|&at| at == i) {
                text.push_str(&format!("2026-01-01 10:00:00 WARN slow disk {}\n", disks[k]));
            }
        }
        let c = compress(&text, &opts());
        let markers: Vec<&str> = c.text.lines().filter(|l| l.starts_with("[hr ")).collect();
        let shown = files.iter().filter(|f| c.text.lines().any(|l| !l.starts_with("[hr ") && l.contains(*f))).count();
        let said = |word: &str| -> usize {
            markers
                .iter()
                .filter_map(|m| {
                    m.split([',', '·']).find_map(|p| {
                        let mut words = p.split_whitespace();
                        let n = words.next()?.parse::<usize>().ok()?;
                        (words.next()? == word).then_some(n)
                    })
                })
                .sum()
        };
        assert!(shown >= 1, "{}", c.text);
        assert_eq!(shown + said("errors") + said("error"), 3, "{}", c.text);
        // the warning is shown, some of its repeats fold, and no marker counts them
        let warn_shown = c.text.lines().filter(|l| l.contains("WARN slow disk")).count();
        assert!((1..3).contains(&warn_shown), "{}", c.text);
        assert_eq!(said("warnings") + said("warning"), 0, "{}", c.text);
        assert!(!markers.iter().any(|m| m.contains("warning")), "{}", c.text);
    }

    #[test]
    fn a_mixed_run_counts_the_failures_lines_at_no_level_tell_by_their_words() {
        // a syslog at boot: the kernel fails to open one disk after another, at no level, among
        // the network's lines; each disk after the first folds with the lines around it
        let disks = ["sdd", "sdb", "sde", "sdc", "nvme1n1", "sda", "sdf", "sdg"];
        let mut text = String::new();
        for (k, disk) in disks.iter().enumerate() {
            for j in 0..12 {
                let t = format!("2025-10-14T11:24:{:02}.{:06}+08:00 nas", k * 2 + j / 10, k * 1000 + j * 37);
                text += &format!("{t} NetworkManager[1277]: <info>  device (br-{k}{j}): state change: config -> ip-config (reason 'none')\n");
                text += &format!("{t} avahi-daemon[1190]: Joining mDNS multicast group on interface br-{k}{j}.IPv4 with address 172.{k}.{j}.1.\n");
            }
            text += &format!("2025-10-14T11:24:{:02}.466573+08:00 nas kernel: [   19.{k}15211] /dev/{disk}: Can't open blockdev\n", k * 2 + 1);
        }
        let c = compress(&text, &opts());
        let shown = disks.iter().filter(|d| c.text.lines().any(|l| !l.starts_with("[hr ") && l.contains(&format!("/dev/{d}:")))).count();
        assert!((1..disks.len()).contains(&shown), "{}", c.text);
        assert_eq!(shown + errors_counted(&c.text), disks.len(), "{}", c.text);
        // a tally of none is no failure, whichever side of its word the number stands
        let text: String = (0..30).map(|i| format!("[11:56:{i:02} AM] Found 0 errors. Watching for file changes.\n")).collect();
        assert_eq!(errors_counted(&compress(&text, &opts()).text), 0);
        // and a marker over errors at a level and failures told by words lists no values: a list
        // of the first would pass for all of them
        let mut text = String::new();
        for k in 0..16 {
            for j in 0..12 {
                text += &format!("2025-10-14T11:24:{k:02}.{j:06}+08:00 nas NetworkManager[1277]: <info>  device (br-{k}{j}): state change: config -> ip-config (reason 'none')\n");
            }
            text += &if k % 2 == 0 {
                format!("2025-10-14T11:24:{k:02}.9+08:00 nas app[7]: ERROR replica {} is lagging behind its primary\n", 1 + k / 2 % 2)
            } else {
                format!("2025-10-14T11:24:{k:02}.9+08:00 nas kernel: [   19.{k}15211] /dev/sd{}: Can't open blockdev\n", (b'a' + k as u8) as char)
            };
        }
        let c = compress(&text, &opts());
        let counting: Vec<&str> = c.text.lines().filter(|l| l.starts_with("[hr ") && l.contains(" errors")).collect();
        assert!(!counting.is_empty() && counting.iter().all(|m| !m.contains("2×")), "{}", c.text);
        for none in ["23 passed, 0 failed (23 total)", "Ran 12 modules with 0 failures", "ok=5 failed=0", "failed=0, 0 errors"] {
            assert!(crate::logline::tallies_no_failure(none), "{none}");
        }
        for some in ["1 passed, 2 failed", "0 failed, connection refused", "failed=1"] {
            assert!(!crate::logline::tallies_no_failure(some), "{some}");
        }
    }

    /// The errors the markers of `out` say they fold (`[hr 91 lines, 10 errors L…]`).
    fn errors_counted(out: &str) -> usize {
        counted(out, "error")
    }

    /// What the markers of `out` count of `what` (`error`: `[hr 57 lines, 2 errors …]`).
    fn counted(out: &str, what: &str) -> usize {
        out.lines()
            .filter(|l| l.starts_with("[hr "))
            .filter_map(|m| {
                let words: Vec<&str> = m.split_whitespace().collect();
                let at = words.iter().position(|w| w.starts_with(what))?;
                words[at - 1].parse::<usize>().ok()
            })
            .sum()
    }

    #[test]
    fn a_pods_log_file_is_read_by_what_its_lines_say_behind_the_runtimes_stamp() {
        // kubelet's CRI format: time, stream, and `F` for a whole line, before what the
        // container wrote (klog lines and a controller's JSON records)
        let mut text = String::new();
        for i in 0..120 {
            let t = format!("2026-12-04T10:{:02}:{:02}.{:03}456789Z", i / 60, i % 60, i * 37 % 1000);
            if i % 10 == 5 {
                text += &format!("{t} stderr F {{\"level\":\"error\",\"msg\":\"Reconciler error\",\"controller\":\"pod\",\"name\":\"web-0\",\"error\":\"pods \\\"web-0\\\" not found\"}}\n");
            } else {
                text += &format!("{t} stdout F I1204 10:00:{:02}.123456       1 controller.go:117] Successfully synced pod default/web-{}\n", i % 60, i % 5);
            }
        }
        let c = compress(&text, &opts());
        // the synced pods are no errors, and the folded records are
        let counted = errors_counted(&c.text);
        let shown = c.text.lines().filter(|l| l.contains("Reconciler error")).count();
        assert_eq!(counted + shown, 12, "{}", c.text);
    }

    #[test]
    fn a_download_that_fails_among_many_that_succeed_is_an_error() {
        // `go mod download -x`: what it fetched, and each module the proxy refused
        let mut text = String::from("# get https://proxy.golang.org/github.com/google/uuid/@v/v1.98.0.mod: 403 Forbidden (0.192s)\n");
        for i in 0..30 {
            let url = format!("https://proxy.golang.org/sumdb/sum.golang.org/tile/8/0/{i:03}");
            text += &format!("# get {url}\n# get {url}: 200 OK (0.00{}s)\n", i % 9);
            if i == 20 {
                text += "# get https://proxy.golang.org/golang.org/x/sync/@v/v0.99.0.mod: 403 Forbidden (0.217s)\n";
            }
        }
        text += "go: github.com/google/uuid@v1.98.0: reading https://proxy.golang.org/github.com/google/uuid/@v/v1.98.0.mod: 403 Forbidden\n";
        let c = compress(&text, &opts());
        // shown, or counted by the marker that folds it: no fold of successes hides it
        let shown = c.text.contains("x/sync/@v/v0.99.0.mod: 403 Forbidden (0.217s)\n");
        let counted = c.text.lines().any(|l| l.starts_with("[hr ") && l.contains(" 1 error"));
        assert!(shown || counted, "{}", c.text);
    }

    #[test]
    fn the_frames_kept_under_a_fold_keep_the_line_that_opens_them() {
        // gdb's `thread apply all bt`: idle threads alike, then the main thread
        let mut text = String::new();
        for t in (2..=9).rev() {
            text += &format!("Thread {t} (Thread 0x7ffff65cc6c{t} (LWP 459{t}) \"crash\"):\n");
            text += &format!("#0  0x00007ffff7ea2545 in __GI___clock_nanosleep (clock_id=0, flags=0, req=0x7ffff65cbe8{t}) at ../sysdeps/unix/sysv/linux/clock_nanosleep.c:48\n");
            text += "#1  0x00007ffff7ea6d8a in __sleep (seconds=0) at ../sysdeps/posix/sleep.c:55\n";
            text += "#2  0x000055555555519f in idle (a=0x0) at crash.c:6\n";
            text += "#3  0x00007ffff7e5c1f5 in start_thread (arg=<optimized out>) at ./nptl/pthread_create.c:442\n\n";
        }
        text += "Thread 1 (Thread 0x7ffff7dd0740 (LWP 4582) \"crash\"):\n";
        text += "#0  __futex_abstimed_wait_common64 (private=128, cancel=true, abstime=0x0, op=265, expected=4595) at ./nptl/futex-internal.c:57\n";
        text += "#1  0x00007ffff7e5dce3 in __pthread_clockjoin_ex (threadid=140737318270656, thread_return=0x0) at ./nptl/pthread_join_common.c:102\n";
        text += "#2  0x00005555555552a6 in main () at crash.c:10\n";
        let c = compress(&text, &opts());
        assert!(c.text.contains("in main () at crash.c:10"), "{}", c.text);
        // main's frames read as the main thread's, not as the idle thread's above them
        let above = c.text.lines().take_while(|l| !l.contains("__futex_abstimed_wait_common64")).last().unwrap_or("");
        assert!(above.starts_with("Thread 1 ("), "{}", c.text);
    }

    #[test]
    fn a_trace_dropwizard_marks_with_bangs_keeps_its_new_frames_and_points_at_those_shown() {
        // Dropwizard logs a trace's lines behind `! `, the root cause first, its frames `! at …`
        let trace = |id: u32, frame: &str| {
            let mut t = format!("ERROR [2026-12-04 22:10:32,{id:03}] io.dropwizard.jersey.errors.LoggingExceptionMapper: Error handling a request: c21b5ec5331e{id:04x}\n");
            t += "! java.net.ConnectException: Connection refused\n";
            for k in 0..12 {
                t += &format!("! at java.base/sun.net.www.http.HttpClient.step{k}(HttpClient.java:{})\n", 100 + k);
            }
            t += &format!("! at {frame}\n! ... 70 common frames omitted\n");
            t += &format!("! Causing: java.lang.IllegalStateException: price service call failed for product {id}\n");
            t += "! at dw.CatalogApp$ProductResource.get(CatalogApp.java:66)\n";
            t
        };
        let mut text = String::new();
        for id in 0..12 {
            text += &format!("INFO  [2026-12-04 22:10:32,{id:03}] dw.CatalogApp$ProductResource: Created product {id}\n");
            text += &trace(id, if id == 7 { "dw.CatalogApp$PriceClient.fetch(CatalogApp.java:95)" } else { "dw.CatalogApp$PriceClient.priceFor(CatalogApp.java:87)" });
        }
        let c = compress(&text, &opts());
        // each frame is shown once; a trace that repeats them points at them
        for frame in ["! at dw.CatalogApp$PriceClient.priceFor(CatalogApp.java:87)", "! at dw.CatalogApp$PriceClient.fetch(CatalogApp.java:95)", "HttpClient.step3("] {
            assert!(c.text.lines().any(|l| l.contains(frame)), "{frame}: {}", c.text);
        }
        assert!(c.text.contains("frames as in"), "{}", c.text);
        assert!(c.text.len() < text.len() / 3, "{}", c.text);
    }

    #[test]
    fn gins_recovered_panic_keeps_its_first_frames_and_points_at_them_after() {
        // gin's Recovery: the request, the panic, then each frame's place and counter with its
        // source line under it
        let panic = |path: &str, at: u32| {
            let mut t = format!("[Recovery] 2026/12/04 - 22:08:02 panic recovered:\nGET {path} HTTP/1.1\nHost: 127.0.0.1:8084\n\nruntime error: index out of range\n/app/main.go:{at} (0x7868b8)\n\tmain.func4: _ = rows[n]\n");
            for (k, f) in ["context.go:185", "recovery.go:102", "context.go:185", "logger.go:249", "context.go:185", "gin.go:633", "gin.go:589"].iter().enumerate() {
                t += &format!("/root/go/pkg/mod/github.com/gin-gonic/gin@v1.10.0/{f} (0x77fe{k:02x})\n\tstep{k}: c.Next()\n");
            }
            t
        };
        let mut text = String::new();
        for n in 0..8 {
            text += &format!("[GIN] 2026/12/04 - 22:08:02 | 200 |      49.523µs |       127.0.0.1 | GET      \"/cart/u{n}\"\n");
            text += &panic(&format!("/export/{n}"), if n == 5 { 91 } else { 78 });
            text += &format!("[GIN] 2026/12/04 - 22:08:02 | 500 |     969.066µs |       127.0.0.1 | GET      \"/export/{n}\"\n");
        }
        let c = compress(&text, &opts());
        // every frame is shown once, the place a later panic raised from too
        for frame in ["logger.go:249 (0x77fe03)", "gin.go:589 (0x77fe06)", "/app/main.go:91 (0x7868b8)"] {
            assert!(c.text.contains(frame), "{frame}: {}", c.text);
        }
        assert!(c.text.contains("frames as in"), "{}", c.text);
        assert!(c.text.len() < text.len() / 2, "{}", c.text);
    }

    #[test]
    fn a_records_id_is_a_value_whatever_its_letters() {
        // pino numbers requests in base 36: `req-y`, `req-bl`, `req-34`
        let mut text = String::new();
        for n in 0..60u32 {
            let id = format!("{}{}", char::from(b'a' + (n % 26) as u8), char::from(b'a' + (n / 26) as u8));
            text += &format!(r#"{{"level":50,"time":{},"pid":17960,"reqId":"req-{id}","req":{{"method":"POST","url":"/items"}},"res":{{"statusCode":500}},"err":{{"type":"SyntaxError","message":"Unexpected token","stack":"SyntaxError: Unexpected token\n    at JSON.parse (<anonymous>)"}},"msg":"Unexpected token"}}"#, 1796422908835u64 + u64::from(n));
            text.push('\n');
        }
        let c = compress(&text, &opts());
        // the same failure, one request after another: the first stays, the rest fold, counted
        assert!(c.text.lines().count() <= 4, "{}", c.text);
        assert!(errors_counted(&c.text) >= 58, "{}", c.text);
    }

    #[test]
    fn a_results_code_tells_its_failures_apart_and_a_code_of_0_is_no_error() {
        // slapd at `-d 256`: each operation's result, `err=0` when it went well
        let mut text = String::from("6b1338b6.1136e72a 0x7fa745c21200 slapd starting\n");
        for conn in 1000..1060 {
            let (tag, err) = match conn % 20 {
                7 => (97, 49),
                13 => (103, 50),
                17 => (97, 49),
                _ => (105, 0),
            };
            text += &format!("6b1338be.2bbb{conn:04x} 0x7fa7429fe6c0 conn={conn} op=0 BIND dn=\"cn=admin,dc=example,dc=com\" method=128\n");
            text += &format!("6b1338be.2bbc{conn:04x} 0x7fa7429fe6c0 conn={conn} op=0 RESULT tag={tag} err={err} qtime=0.000011 etime=0.000146 text=\n");
        }
        let c = compress(&text, &opts());
        // each failure's code is shown, and what folds with it is counted as the failure it is
        for err in ["err=49", "err=50"] {
            assert!(c.text.lines().any(|l| l.contains(err) && !l.starts_with("[hr ")), "{err}: {}", c.text);
        }
        let failures = text.lines().filter(|l| l.contains(" err=") && !l.contains(" err=0 ")).count();
        let shown = c.text.lines().filter(|l| l.contains(" err=") && !l.contains(" err=0 ") && !l.starts_with("[hr ")).count();
        assert!(errors_counted(&c.text) + shown <= failures, "{}", c.text);
        assert!(c.text.len() < text.len() / 3, "{}", c.text);
    }

    #[test]
    fn a_service_that_crashes_again_and_again_behind_its_runners_tag_counts_its_crashes_and_ends_crashed() {
        // concurrently restarts a Node service that throws after its start; a poller runs beside
        let crash = |pid: u32| {
            format!(
                "[api] listening on :8742 pid {pid}\n[api] reconnecting to database\n[api] /app/api.js:24\n[api]     db.query('SELECT 1');\n[api]        ^\n[api] \n[api] TypeError: Cannot read properties of null (reading 'query')\n[api]     at Timeout._onTimeout (/app/api.js:24:8)\n[api]     at listOnTimeout (node:internal/timers:581:17)\n[api]     at process.processTimers (node:internal/timers:519:7)\n[api] \n[api] Node.js v20.20.2\n[api] node api.js exited with code 1\n[api] node api.js restarted\n"
            )
        };
        let mut text = String::new();
        for k in 0..6 {
            for j in 0..4 {
                text += &format!("[poller] GET /users/{} -> 200\n", k * 4 + j);
            }
            text += &crash(1100 + k);
        }
        text += "[api] listening on :8742 pid 1200\n[api] reconnecting to database\n[api] TypeError: Cannot read properties of null (reading 'query')\n[api]     at Timeout._onTimeout (/app/api.js:24:8)\n[api] node api.js exited with code 1\n";
        let c = compress(&text, &opts());
        // a bracketed name is the stream's tag: the exception raises a trace whatever the tag
        let counted = errors_counted(&c.text);
        // (each crash raises an exception and exits with code 1)
        let shown = c.text.lines().filter(|l| l.contains("TypeError") || l.contains("exited with code 1")).count();
        assert_eq!(counted + shown, 14, "{}", c.text);
        // the log ends with the crash, not with the service listening
        let last_shown = c.text.lines().rfind(|l| !l.starts_with("[hr ")).unwrap_or("");
        assert!(!last_shown.contains("listening"), "{}", c.text);
    }

    #[test]
    fn a_mixed_run_names_what_failed_in_the_errors_it_folds() {
        // a pool fails to reach one database, then three, among the requests it serves
        let hosts = ["db-1.internal", "db-2.internal", "db-3.internal"];
        let mut text = String::new();
        for i in 0..40 {
            let host = if i > 10 { hosts[i % 3] } else { hosts[0] };
            let t = format!("10:00:{:02}.{:03}", i % 60, i * 37 % 1000);
            text += &format!("{t} [pool-{}] ERROR c.e.db.Pool - connection to {host}:5432 failed: Connection refused\n", i % 4);
            text += &format!("{t} [main] INFO  c.e.Server - request handled in {} ms path=/api/items/{}\n", 3 + i * 7 % 900, i * 13 % 97);
        }
        let c = compress(&text, &opts());
        let marker = c.text.lines().find(|l| l.starts_with("[hr ") && l.contains("errors")).unwrap_or_else(|| panic!("{}", c.text));
        // the hosts that failed, with counts; not the threads that logged it
        for host in hosts {
            assert!(marker.contains(&format!("{host}:5432×")), "{marker}");
        }
        assert!(!marker.contains("pool-"), "{marker}");
        // what varied does not decide whether the run folds: the same log with one host
        // folds the same lines
        let one = compress(&text.replace("db-2", "db-1").replace("db-3", "db-1"), &opts());
        let ranges = |out: &str| -> Vec<String> { out.lines().filter_map(|l| l.rsplit(' ').next().filter(|_| l.starts_with("[hr ")).map(str::to_string)).collect() };
        assert_eq!(ranges(&c.text), ranges(&one.text), "{}", one.text);
    }

    #[test]
    fn errors_fold_by_message_keeping_first_last_and_every_distinct_one() {
        let mut text = String::from("[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok\n");
        for i in 0..30 {
            text.push_str(&format!(
                "[Sun Dec 04 04:5{}:{:02} 2005] [error] data TLB error interrupt on core {}\n",
                i / 10,
                i,
                i % 4
            ));
            if i == 17 {
                text.push_str("[Sun Dec 04 04:51:17 2005] [error] disk /dev/sda1 is full\n");
            }
        }
        let c = compress(&text, &opts());
        let input: Vec<&str> = text.lines().collect();
        let kept = kept_lines(&c.text);
        // the first and the last of the repeated message, and the other message, stay
        assert!(kept.contains(&input[1]), "{}", c.text);
        assert!(kept.contains(input.last().unwrap()), "{}", c.text);
        assert!(kept.iter().any(|l| l.contains("disk /dev/sda1 is full")));
        assert!(kept.len() <= 5, "{}", c.text);
        // the repeats between them fold: `like above` under the line they repeat, and under
        // the other message (which they are not like) as lines with their errors counted
        assert!(c.text.contains("[hr 17 like above, 17 errors ·"), "{}", c.text);
        assert!(c.text.contains("[hr 11 lines, 11 errors L21-31]"), "{}", c.text);
    }

    #[test]
    fn a_dump_of_waiting_goroutines_counts_no_errors() {
        // (as a panic dumps them, and as SIGQUIT does, with where each runs)
        for runs_on in ["", " gp=0x15a7c7caa5a0 m=nil"] {
            let mut text = format!("panic: runtime error: invalid memory address or nil pointer dereference\n\ngoroutine 1{runs_on} [running]:\nmain.main()\n\t/app/main.go:85 +0xbdb\n\n");
            for g in 5..40 {
                text.push_str(&format!(
                    "goroutine {g}{runs_on} [chan receive]:\nmain.main.func1(0x0?)\n\t/app/main.go:69 +0x49\ncreated by main.main in goroutine 1\n\t/app/main.go:69 +0x98f\n\n"
                ));
            }
            let c = compress(&text, &opts());
            assert!(c.text.contains("panic: runtime error"), "{}", c.text);
            let markers: Vec<&str> = c.text.lines().filter(|l| l.starts_with("[hr ")).collect();
            assert!(!markers.is_empty(), "{}", c.text);
            assert!(markers.iter().all(|m| !m.contains("error")), "{}", c.text);
        }
        assert!(crate::logline::is_goroutine_header("goroutine 0 gp=0xa3e540 m=0 mp=0xa3f4e0 [idle]:"));
        // an exception's repeated trace still counts as the error it is
        let java = "2024-01-01 10:00:01 ERROR job failed\njava.lang.IllegalStateException: closed\n\tat a.B.c(B.java:1)\n\tat a.B.d(B.java:2)\n".repeat(30);
        let c = compress(&format!("2024-01-01 10:00:00 INFO start\n{java}2024-01-01 10:00:02 INFO end\n"), &opts());
        assert!(c.text.lines().any(|l| l.starts_with("[hr ") && l.contains("errors")), "{}", c.text);
    }

    #[test]
    fn an_error_repeated_among_the_logs_last_lines_stays_there_too() {
        // a backend that flaps: down, up, down. The log ends down, and says so
        let mut text = String::new();
        for round in 0..4 {
            text.push_str("2024-01-02 10:00:00 ERROR backend 'api' has no server available!\n");
            for i in 0..40 {
                text.push_str(&format!("2024-01-02 10:0{round}:{i:02} INFO GET /items/{i} answered in {} ms\n", i * 7 % 90));
            }
            text.push_str("2024-01-02 10:00:00 NOTICE server api/a1 is UP\n");
        }
        text.push_str("2024-01-02 10:05:00 ERROR backend 'api' has no server available!\n");
        text.push_str("2024-01-02 10:05:01 INFO GET /items/1 answered in 3 ms\n");
        let c = compress(&text, &opts());
        let shown = |end: &str| c.text.lines().filter(|l| l.contains("no server available") && l.starts_with(end)).count();
        // the first stays, and the last, among the log's last lines; the ones between fold
        assert_eq!(shown("2024-01-02 10:00:00 ERROR"), 1, "{}", c.text);
        assert_eq!(shown("2024-01-02 10:05:00 ERROR"), 1, "{}", c.text);
        // one more line after the last, and it is no longer the log's end but its middle
        let longer = format!("{text}{}", "2024-01-02 10:05:02 INFO GET /items/2 answered in 4 ms\n".repeat(TAIL));
        let c = compress(&longer, &opts());
        assert!(!c.text.contains("10:05:00 ERROR"), "{}", c.text);
    }

    #[test]
    fn a_program_starting_again_shows_where() {
        // a service that crashes and is started again prints the lines it opened the log with:
        // the first of them stays, however its words repeat those above
        let start = |pid: u32, t: u32| {
            format!(
                "2026-12-05T05:12:{t:02}.314Z [{pid}] LOG Starting Nest application...\n\
                 2026-12-05T05:12:{t:02}.315Z [{pid}] LOG AppModule dependencies initialized\n\
                 2026-12-05T05:12:{t:02}.316Z [{pid}] LOG Nest application successfully started\n"
            )
        };
        let served = |k: u32| format!("2026-12-05T05:12:30.{k:03}Z [19923] LOG GET /users/{k} 200 in {k} ms\n");
        let crash = "2026-12-05T05:12:31.000Z [19923] ERROR TypeError: Cannot read properties of undefined (reading 'map')\n";
        let mut text = String::new();
        for (k, pid) in [19923, 20045, 20167].into_iter().enumerate() {
            text += &start(pid, 10 * k as u32);
            text.extend((40 * k as u32..40 * k as u32 + 40).map(served));
            text += crash;
        }
        let c = compress(&text, &opts());
        for pid in [20045, 20167] {
            assert!(c.text.contains(&format!("[{pid}] LOG Starting Nest application...")), "{}", c.text);
            // the lines after it repeat those above: they fold
            assert!(!c.text.contains(&format!("[{pid}] LOG AppModule")), "{}", c.text);
        }
        // a program that opens with a blank line and a banner (Spring Boot's) starts again
        // where its banner's first line is said again
        let banner = "\n  .   ____          _            __ _ _\n /\\\\ / ___'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\\n :: Spring Boot ::                (v3.3.5)\n\n";
        let mut text = String::new();
        for (k, pid) in [19923, 20045, 20167].into_iter().enumerate() {
            text += banner;
            text += &start(pid, 10 * k as u32);
            text.extend((40 * k as u32..40 * k as u32 + 40).map(served));
            text += crash;
        }
        let c = compress(&text, &opts());
        assert_eq!(c.text.matches("  .   ____ ").count(), 3, "{}", c.text);
        // a daemon killed with `kill -9` leaves no line, and the lines after its start differ
        // from the first run's: its first line, said again word for word, says it started
        let mut text = String::from("[2026-12-05 18:02:06.133] Transmission 3.00 (bb6b5a062e) started (session.c:769)\n");
        text += "[2026-12-05 18:02:06.133] Couldn't read \"cfg/stats.json\": No such file or directory (utils.c:263)\n";
        for round in 0..3 {
            if round > 0 {
                text += &format!("[2026-12-05 18:0{}:28.551] Transmission 3.00 (bb6b5a062e) started (session.c:769)\n", 2 + 2 * round);
            }
            for k in 0..40 {
                text += &format!("[2026-12-05 18:0{}:{:02}.{k:03}] Loaded torrent t{k}.torrent (torrent.c:{})\n", 2 + 2 * round, 30 + k % 20, 700 + k % 7);
            }
        }
        let c = compress(&text, &opts());
        assert_eq!(c.text.matches("Transmission 3.00 (bb6b5a062e) started").count(), 3, "{}", c.text);
    }

    #[test]
    fn a_program_started_again_by_its_supervisor_shows_where_whatever_it_does_next() {
        // a supervisor's loop restarts a service that exited: the service's first line says it
        // started again, though what it does next differs from run to run
        let mut text = String::new();
        for run in 1..=3u32 {
            text += &format!("{{\"level\":30,\"time\":17964621{run}0000,\"pid\":2{run}148,\"msg\":\"server listening\"}}\n");
            for k in 0..30 * run {
                let path = ["order/1", "inventory", "qty?q=3"][(k % 3) as usize];
                text += &format!("{{\"level\":30,\"time\":17964621{run}{k:04},\"pid\":2{run}148,\"msg\":\"GET /{path}\"}}\n");
            }
            text += &format!("[supervisor] app.js exited with code 1, restart #{run} in 1s\n");
        }
        let c = compress(&text, &opts());
        for run in 2..=3 {
            assert!(c.text.contains(&format!("\"pid\":2{run}148,\"msg\":\"server listening\"")), "{}", c.text);
        }
        // a failed request above is no program's end: the record after it is no start
        let mut text = String::from("{\"ts\":0,\"event\":\"tick\",\"n\":0}\n");
        for n in 1..=6u32 {
            for k in 0..40u32 {
                let status = if k == 39 { 404 } else { 200 };
                text += &format!("{{\"ts\":{n}{k:03},\"method\":\"GET\",\"uri\":\"/a/{k}\",\"status\":{status}}}\n");
            }
            text += &format!("{{\"ts\":{n}999,\"event\":\"tick\",\"n\":{n}}}\n");
        }
        let c = compress(&text, &opts());
        assert!(!c.text.contains("\"n\":3}"), "{}", c.text);
    }

    #[test]
    fn a_list_of_other_single_quoted_words_is_another_event_to_drain() {
        // kazoo's client lists a node's children: Drain reads each quoted name as a word (a
        // number glued to letters it does not mask), so a list of other names is another event
        let list = |n: usize| (0..20).map(|k| format!("'item{}'", n * 20 + k)).collect::<Vec<_>>().join(", ");
        let mut text = String::new();
        for n in 0..40 {
            text += &format!("2026-12-05 09:30:{:02},564 DEBUG kazoo.client Thread-3 (zk_loop): Sending request(xid={n}): GetChildren(path='/app/cfg')\n", n % 60);
            if n % 10 == 3 {
                text += &format!("2026-12-05 09:30:{:02},565 DEBUG kazoo.client Thread-3 (zk_loop): Received response(xid={n}): [{}]\n", n % 60, list(n));
            }
        }
        let c = compress(&text, &opts());
        for n in [3, 13, 23, 33] {
            assert!(c.text.contains(&list(n)), "{n}: {}", c.text);
        }
        // an apostrophe inside a word quotes nothing, nor is a value alone asked of Drain
        assert!(!quotes_a_value("2026-12-05 INFO can't reach the host") && !quotes_a_value("KeyError: 'a'"));
        assert!(quotes_a_value("children: ['a', 'b']") && quotes_a_value("x = \"a b\""));
    }

    #[test]
    fn an_event_that_announces_a_new_trace_below_it_stays_above_it() {
        // gin's recovery logs each panic under the same header: the second panic is new, and
        // its header says what the lines below it are
        let header = |s: u32| format!("2026/12/05 09:15:{s:02} [Recovery] 2026/12/05 - 09:15:{s:02} panic recovered:\n");
        let request = |k: u32| format!("[GIN] 2026/12/05 - 09:15:{:02} | 200 | 41.2µs | 127.0.0.1 | GET \"/items/{k}\"\n", k % 60);
        let mut text: String = (0..20).map(request).collect();
        text += &header(20);
        text += "runtime error: integer divide by zero\n/usr/local/go/src/runtime/panic.go:262 (0x4886d6)\n\tpanicdivide: panic(divideError)\n/app/main.go:47 (0xaaee45)\n\tavg: c.JSON(200, total / n)\n";
        text.extend((20..40).map(request));
        text += &header(41);
        text += "runtime error: invalid memory address or nil pointer dereference\n/usr/local/go/src/runtime/panic.go:336 (0x488757)\n\tpanicmem: panic(memoryError)\n/app/main.go:57 (0xaaef31)\n\tgetUser: c.JSON(200, u.Name)\n";
        text.extend((40..60).map(request));
        let c = compress(&text, &opts());
        assert!(c.text.contains(&(header(41) + "runtime error: invalid memory address")), "{}", c.text);
    }

    #[test]
    fn a_kernel_call_trace_shows_each_function_it_names_the_first_time() {
        // journald's kernel lines: every frame behind the same header, its function the only
        // word that differs, as a value's would
        let frame = |s: u32, f: &str| format!("Jan 30 14:55:{s:02} homeserver kernel:  {f}\n");
        let lockup = |s: u32, first: &str| {
            format!("Jan 30 14:55:{s:02} homeserver kernel: watchdog: BUG: soft lockup - CPU#8 stuck for 22s! [jackett:332]\nJan 30 14:55:{s:02} homeserver kernel: Call Trace:\n")
                + &frame(s, first)
                + &["flush_tlb_mm_range+0xb4/0xe0", "? kmem_cache_free+0x282/0x2a0", "do_syscall_64+0x5a/0x130", "entry_SYSCALL_64_after_hwframe+0x44/0xa9"].map(|f| frame(s, f)).concat()
        };
        let noise = |s: u32| (0..30).map(|k| format!("Jan 30 14:55:{s:02} homeserver systemd[1]: Started Session {k} of user root.\n")).collect::<String>();
        let text = noise(1) + &lockup(4, "native_flush_tlb_others+0x48/0x130") + &noise(5) + &lockup(9, "tlb_flush_mmu+0xb0/0x140") + &noise(10) + &lockup(14, "native_flush_tlb_others+0x48/0x130") + &noise(15);
        let c = compress(&text, &opts());
        for f in ["native_flush_tlb_others", "flush_tlb_mm_range", "kmem_cache_free", "do_syscall_64", "entry_SYSCALL_64_after_hwframe", "tlb_flush_mmu"] {
            assert!(c.text.contains(&format!("kernel:  {f}+")) || c.text.contains(&format!("kernel:  ? {f}+")), "{f}: {}", c.text);
        }
        // the third trace goes through calls shown: its frames fold
        assert!(!c.text.contains("14:55:14 homeserver kernel:  native_flush_tlb_others"), "{}", c.text);
        // the second's new frame stands under its own `Call Trace:`
        assert!(c.text.contains("14:55:09 homeserver kernel: Call Trace:\nJan 30 14:55:09 homeserver kernel:  tlb_flush_mmu+"), "{}", c.text);
        // a warning said again over registers and a trace through new calls: the trace stands
        // under its own warning, not under the registers of the one shown above
        let warning = |t: u32, calls: &[&str]| {
            let mut w = format!("[    {t}.436074] WARNING: CPU: 4 PID: 305 at drivers/gpu/drm/i915/intel_cdclk.c:1889 icl_calc_voltage_level+0x47/0x80 [i915]\n[    {t}.436087] CPU: 4 PID: 305 Comm: systemd-udevd Tainted: G        W         5.3.8-1 #2\n");
            w += &(0..10).map(|k| format!("[    {t}.4361{k:02}] R{k:02}: 0000558bc592c7c0 R{:02}: ffff94734e4d{k:04}\n", k + 10)).collect::<String>();
            w += &format!("[    {t}.436126] Call Trace:\n");
            w += &calls.iter().map(|c| format!("[    {t}.436154]  {c}+0xd2/0x130 [i915]\n")).collect::<String>();
            w + &format!("[    {t}.436210] ---[ end trace dee7ca1b00fbe36c ]---\n")
        };
        let noise = |t: u32| (0..30).map(|k| format!("[    {t}.5{k:05}] usb 1-{}: new high-speed USB device number {k} using xhci_hcd\n", k % 4)).collect::<String>();
        let text = noise(1) + &warning(2, &["icl_get_cdclk", "gen9_dc_off_power_well_enable"]) + &noise(3) + &warning(4, &["intel_modeset_init_hw", "intel_modeset_init"]) + &noise(5);
        let c = compress(&text, &opts());
        assert!(c.text.contains("[    4.436074] WARNING: CPU: 4 PID: 305 at"), "{}", c.text);
        assert_eq!(kernel_frame("[ 3.09] ? nvme_irq+0x1a/0x20 [nvme]"), Some("nvme_irq"));
        assert_eq!(kernel_frame("Jan 30 kernel: RIP: 0033:0x7f90a14f9bb7"), None);
    }

    #[test]
    fn each_process_that_ended_in_failure_is_shown_by_name() {
        // compose says which container died: the three nodes of a cluster killed one after
        // another are three failures, though their names differ in a digit only
        let node = |n: u32, k: u32| format!("es0{n}_1  | {{\"@timestamp\":\"2026-12-05T09:0{n}:{k:02}Z\",\"log.level\":\"INFO\",\"message\":\"publish_address {{172.18.0.{n}:9300}}, version {k}\"}}\n");
        let mut text = String::new();
        for n in [3, 2, 1] {
            text.extend((0..30).map(|k| node(n, k)));
            text += &format!("elastic_es0{n}_1 exited with code 137\n");
        }
        let c = compress(&text, &opts());
        for n in [3, 2, 1] {
            assert!(c.text.contains(&format!("elastic_es0{n}_1 exited with code 137")), "{n}: {}", c.text);
        }
        // a pid is a value: the same task failing again in another process is the same failure
        assert_eq!(message_of("task 0 (16460) exited with exit code 1."), message_of("task 0 (17069) exited with exit code 1."));
        assert_eq!(message_of("[1] [ERROR] Worker (pid:16074) exited with code 1"), message_of("[1] [ERROR] Worker (pid:16090) exited with code 1"));
        assert_eq!(message_of("container 3f4a5b6c7d8e exited with code 1"), message_of("container 9a8b7c6d5e4f exited with code 1"));
    }

    #[test]
    fn a_line_a_progress_meter_drew_over_itself_keeps_its_head() {
        // git's progress, each frame after a carriage return: a terminal shows one of them
        let frames = |last: &str| (0..=40).map(|p| format!("remote: Counting objects: {p:3}% ({p}/40)   \x1b[K\r")).collect::<String>() + last;
        let line = frames("remote: Counting objects: 100% (40/40), done.");
        let text = format!("2026-12-05T10:00:00Z Cloning into 'repo'...\n{line}\n2026-12-05T10:00:02Z HEAD is now at 1a2b3c4 fix\n");
        let c = compress(&text, &opts());
        let out = c.text.lines().nth(1).unwrap_or_default();
        assert!(out.starts_with("remote: Counting objects:   0% (0/40)") && out.contains(" more chars") && out.len() < 600, "{out}");
        // and its last frame, the one a terminal shows, after the marker
        assert!(out.ends_with("] … remote: Counting objects: 100% (40/40), done."), "{out}");
        // Maven's, whose last frame names what it downloaded by its whole URL
        let done = "Downloaded from ow2.org-snapshot: https://repository.ow2.org/nexus/content/repositories/snapshots/fr/inria/gforge/spoon/spoon-maven-plugin/3.5-SNAPSHOT/spoon-maven-plugin-3.5-20211005.112210-1.jar (42 kB at 203 kB/s)";
        let maven = (1..=42).map(|k| format!("Progress (1): {k}/42 kB\r")).collect::<String>() + "                   \r" + done;
        let c = compress(&text.replace(&line, &maven), &opts());
        let out = c.text.lines().nth(1).unwrap_or_default();
        assert!(done.len() > 200 && out.starts_with("Progress (1): 1/42 kB\r") && out.ends_with(&format!("] … {done}")), "{out:?}");
        // a few frames between its head and its last are fewer than the marker: it stays whole
        let few = (1..=11).map(|k| format!("Progress (1): {k}/42 kB\r")).collect::<String>() + done;
        let c = compress(&text.replace(&line, &few), &opts());
        assert!(c.text.lines().any(|l| l == few), "{}", c.text);
        // a meter whose later frames say it failed stays whole
        let failed = frames("fatal: the remote end hung up unexpectedly");
        let c = compress(&text.replace(&line, &failed), &opts());
        assert!(c.text.lines().any(|l| l == failed), "{}", c.text.lines().nth(1).map_or(0, str::len));
        // a meter that draws its first frame over blanks (nvm's download) keeps as many bytes of
        // what it says
        let blanks = format!("\r{}", " ".repeat(75));
        let bar = (0..=1000).map(|p| format!("{blanks}{:>5.1}%", p as f64 / 10.0)).collect::<String>();
        let c = compress(&text.replace(&line, &bar), &opts());
        let out = c.text.lines().nth(1).unwrap_or_default();
        let said = bar.trim_start();
        assert!(out.trim_start().starts_with(&said[..200]) && out.contains(" more chars"), "{out:?}");
        // Keras's, its bar drawn in `━`, three bytes each, and each frame backspaced over: as
        // many characters of what it says
        let keras = (1..=100)
            .map(|k| format!("\r\x1b[1m{k:3}/100\x1b[0m \x1b[37m{}\x1b[0m \x1b[1m3s\x1b[0m 31ms/step - loss: 21.{k:04} - mae: 3.4186{}", "━".repeat(20), "\x08".repeat(70)))
            .collect::<String>();
        let c = compress(&text.replace(&line, &keras), &opts());
        let out = c.text.lines().nth(1).unwrap_or_default();
        let head: String = keras.trim_start().chars().take(200).collect();
        assert!(out.trim_start().starts_with(&head) && out.contains(" more chars"), "{out:?}");
    }

    #[test]
    fn each_command_a_jobs_script_ran_stays() {
        // GitLab echoes each line of a job's script before its output: nine `export`s set
        // nine variables, however alike they read
        let exports: Vec<String> = ["CI_NODE_INDEX=${JOB_NAME[-2]}", "CI_NODE_TOTAL=${JOB_NAME[-1]}", "KNAPSACK_REPORT_PATH=knapsack/${CI_PROJECT_NAME}/report.json", "KNAPSACK_GENERATE_REPORT=true", "SUITE_FLAKY_RSPEC_REPORT_PATH=${FLAKY_RSPEC_SUITE_REPORT_PATH}", "FLAKY_RSPEC_REPORT_PATH=rspec_flaky/all_report.json", "NEW_FLAKY_RSPEC_REPORT_PATH=rspec_flaky/new_report.json", "FLAKY_RSPEC_GENERATE_REPORT=true", "CACHE_CLASSES=true"]
            .iter()
            .map(|e| format!("$ export {e}"))
            .collect();
        let run = format!("$ date\nThu Apr  5 11:19:41 UTC 2018\n$ JOB_NAME=( $CI_JOB_NAME )\n{}\n$ cp ${{KNAPSACK_SUITE_PATH}} ${{KNAPSACK_REPORT_PATH}}\n$ scripts/gitaly-test-spawn\n59\n", exports.join("\n"));
        let text = "-- change_column(:notes, :st_diff, :text, {:limit=>2147483647})\n   -> 0.0366s\n".to_string() + &run + &run;
        let c = compress(&text, &opts());
        for e in &exports {
            assert!(c.text.lines().any(|l| l == e), "{e}: {}", c.text);
        }
        // a command run again is no new step
        assert_eq!(c.text.matches("$ export CACHE_CLASSES=true").count(), 1, "{}", c.text);
    }

    #[test]
    fn an_empty_fatal_header_shown_keeps_the_exception_below_it() {
        // Rails' production log: `FATAL -- : ` says nothing, the exception under it says what
        // failed; the last of a long run of them is shown, and so is what it says
        let event = |k: usize, path: &str| {
            format!("I, [2017-01-19T00:{:02}:{:02}.889286 #9392]  INFO -- : Started GET \"{path}\" for 127.0.0.1 at 2017-01-19 00:27:48 -0300\nF, [2017-01-19T00:{:02}:{:02}.042336 #9392] FATAL -- : \nActionController::RoutingError (No route matches [GET] \"{path}\"):\n  actionpack (4.2.6) lib/action_dispatch/middleware/debug_exceptions.rb:21:in `call'\n  railties (4.2.6) lib/rails/rack/logger.rb:38:in `call_app'\n\n", k / 60, k % 60, k / 60, k % 60)
        };
        let mut text = String::new();
        for k in 0..30 {
            text += &event(k, "/assets/waves.min.js.map");
            text += &format!("I, [2017-01-19T00:{:02}:{:02}.640661 #9392]  INFO -- : Completed 200 OK in {k}ms (Views: 5.1ms | ActiveRecord: 2.4ms)\n", k / 60, k % 60);
        }
        text += &(0..20).map(|k| format!("I, [2017-01-19T01:00:{k:02}.640661 #9392]  INFO -- : Completed 200 OK in {k}ms (Views: 5.1ms | ActiveRecord: 2.4ms)\n")).collect::<String>();
        let out = compress(&text, &opts()).text;
        let lines: Vec<&str> = out.lines().collect();
        for (k, _) in lines.iter().enumerate().filter(|(_, l)| l.ends_with("FATAL -- : ")) {
            assert!(lines.get(k + 1).is_some_and(|l| l.starts_with("ActionController::RoutingError")), "{k}: {out}");
        }
        assert!(lines.iter().filter(|l| l.ends_with("FATAL -- : ")).count() >= 2, "{out}");
    }

    #[test]
    fn a_failure_told_by_words_at_another_place_in_the_code_stays() {
        // the NVIDIA driver's failed assertions in dmesg: each site is another bug
        let sites = ["rs_client.c:844", "rs_server.c:259", "rs_server.c:1375", "mem.c:179"];
        let mut text = String::new();
        for k in 0..160 {
            text += &format!("[55165.{:06}] nvidia-modeset: Allocated GPU:0 (GPU-2b6ec5ed) @ PCI:0000:01:00.0 frame {k}\n", k * 37);
            if k % 10 == 3 {
                text += &format!("[55165.{:06}] NVRM: nvAssertFailedNoLog: Assertion failed: (status == NV_OK) || (status == NV_ERR_GPU_IN_FULLCHIP_RESET) @ {}\n", k * 37 + 1, sites[k / 10 % sites.len()]);
            }
        }
        let out = compress(&text, &opts()).text;
        for site in sites {
            assert!(out.contains(&format!("@ {site}\n")), "{site}: {out}");
        }
        // (another file at the same line is another site; a host's port is no place)
        assert_ne!(code_place_at_end("failed @ rs_server.c:259"), code_place_at_end("failed @ rs_client.c:259"));
        assert_eq!(code_place_at_end("error: Received disconnect from host1.example.net:37646"), 0);
        assert_eq!(code_place_at_end("2023-11-14 22:13:22 host app[14]: job 7 failed at 22:13"), 0);
        assert_eq!(code_place_at_end("connect to 10.0.0.1:80 failed"), 0);
        // the names such failures give fold: a scanner's guessed users are one failure (shown
        // first, and last as the log's last line)
        let mut text = String::new();
        for k in 0..200 {
            text += &format!("Dec 10 06:55:{:02} LabSZ sshd[{}]: pam_unix(sshd:auth): check pass; user unknown\n", k % 60, 24200 + k);
            text += &format!("Dec 10 06:55:{:02} LabSZ sshd[{}]: Failed password for invalid user {} from 173.234.31.186 port {} ssh2\n", k % 60, 24200 + k, ["admin", "oracle", "test", "guest", "webmaster", "ubnt"][k % 6], 38926 + k);
        }
        let out = compress(&text, &opts()).text;
        assert_eq!(out.matches("Failed password for invalid user").count(), 2, "{out}");
    }

    #[test]
    fn a_log_truncated_in_place_shows_its_first_line_past_the_nul_bytes() {
        // logrotate's `copytruncate`: the writer kept its offset, the file opens with NULs. The
        // line's head stays, as any cut line's does (a line is searched for by its head)
        let lines: String = (0..40).map(|k| format!("    2016/06/17 16:09:{k:02} [DEBUG] http: Request /v1/agent/members ({k}.09µs)\n")).collect();
        let text = "\0".repeat(420_927) + &lines;
        let c = compress(&text, &opts());
        let first = c.text.lines().next().unwrap_or_default();
        assert!(first.starts_with(&format!("{} … [hr 420,727 more chars", "\0".repeat(200))), "{first}");
        assert!(first.ends_with("] …     2016/06/17 16:09:00 [DEBUG] http: Request /v1/agent/members (0.09µs)"), "{first}");
        assert!(c.text.len() < 2_000, "{}", c.text.len());
        // a CRLF log's first line ends as the input's lines do, its NULs all counted
        let crlf = "\0".repeat(5_000) + &lines.replace('\n', "\r\n");
        let first = compress(&crlf, &opts()).text.split('\n').next().unwrap_or_default().to_string();
        assert!(first.contains("[hr 4,800 more chars") && first.ends_with("(0.09µs)\r") && !first.ends_with("\r\r"), "{first:?}");
        // NULs after a head of their own line leave that head as it was
        let late = "2016/06/17 16:08:59 [INFO] agent: restarted\n".to_string() + &"x".repeat(300) + &"\0".repeat(5_000) + &lines;
        let c = compress(&late, &opts());
        assert!(c.text.contains(&format!("{} … [hr 5,000 more chars", "x".repeat(300))), "{}", c.text);
        // a power cut's NULs before a line shorter than a long line are cut too
        let cut = lines.replacen("    2016/06/17 16:09:20", &format!("{}    2016/06/17 16:09:20", "\0".repeat(1_942)), 1);
        let c = compress(&cut, &opts());
        assert!(c.text.contains(&format!("{} … [hr 1,742 more chars L21] …     2016/06/17 16:09:20 [DEBUG]", "\0".repeat(200))), "{}", c.text);
        // and before an error, whose words stay whole
        let error = lines.replacen("    2016/06/17 16:09:20 [DEBUG] http: Request /v1/agent/members (20.09µs)", &format!("{}    2016/06/17 16:09:20 [ERROR] agent: disk failed", "\0".repeat(1_942)), 1);
        let c = compress(&error, &opts());
        assert!(c.text.contains(&format!("{} … [hr 1,742 more chars L21] …     2016/06/17 16:09:20 [ERROR] agent: disk failed\n", "\0".repeat(200))), "{}", c.text);
        // unless too few of them are past the head's to pay for the marker
        let few = lines.replacen("    2016/06/17 16:09:20", &format!("{}    2016/06/17 16:09:20", "\0".repeat(260)), 1);
        let c = compress(&few, &opts());
        assert!(c.text.contains(&format!("{}    2016/06/17 16:09:20 [DEBUG]", "\0".repeat(260))), "{}", c.text);
    }

    #[test]
    fn a_crash_loops_tracebacks_one_under_another_fold_as_repeats_of_the_first() {
        // supervisord restarts an app that fails on import, and its error log holds the same
        // traceback again and again, no line between them
        let traceback = "Traceback (most recent call last):\n  File \"<frozen runpy>\", line 198, in _run_module_as_main\n  File \"/opt/app/backend/app.py\", line 11, in <module>\n    from .routes import routers\n  File \"/opt/app/backend/dependencies.py\", line 8, in <module>\n    _result_storage = ResultStorage(_settings)\n  File \"<frozen os>\", line 210, in makedirs\n  File \"<frozen posixpath>\", line 103, in split\nTypeError: expected str, bytes or os.PathLike object, not Settings\n";
        let text = traceback.repeat(30);
        let c = compress(&text, &opts());
        assert!(c.text.starts_with(traceback), "{}", c.text);
        assert!(c.text.matches("TypeError: expected str").count() <= 3 && c.text.lines().count() < 30, "{}", c.text);
        // a chained one, a paragraph apart, stays part of its trace
        let chained = format!("{traceback}\nDuring handling of the above exception, another exception occurred:\n\n{}", traceback.replace("TypeError: expected str, bytes", "RuntimeError: settings unusable, bytes"));
        let c = compress(&(chained.clone() + "2026-12-06 10:00:00 INFO app: stopped\n"), &opts());
        assert!(c.text.contains("RuntimeError: settings unusable"), "{}", c.text);
    }

    #[test]
    fn a_program_started_again_after_an_uncaught_crash_shows_where() {
        // Python's and Go's crashes print no exit code: the traceback or the panic says it
        let run = |s: u32, crash: &str| {
            let mut t = format!("2026-12-05 10:{s:02}:00,000 INFO app: server listening on :8080\n");
            t.extend((0..30).map(|k| format!("2026-12-05 10:{s:02}:{:02},500 INFO app: handled GET /items/{k} in {k} ms\n", 1 + k % 50)));
            t + crash
        };
        let python = "Traceback (most recent call last):\n  File \"/srv/app.py\", line 12, in <module>\n    main()\n  File \"/srv/app.py\", line 9, in main\n    raise RuntimeError(\"boom\")\nRuntimeError: boom\n";
        let go = "panic: runtime error: index out of range [5] with length 0\n\ngoroutine 7 [running]:\nmain.handler({0x0, 0x0})\n\t/app/main.go:12 +0x1d\nnet/http.HandlerFunc.ServeHTTP(0xc000010000)\n\t/usr/local/go/src/net/http/server.go:2136 +0x29\n";
        for crash in [python, go] {
            let text = run(1, crash) + &run(2, crash) + &run(3, crash);
            let c = compress(&text, &opts());
            for s in [2, 3] {
                assert!(c.text.contains(&format!("10:{s:02}:00,000 INFO app: server listening")), "{s}: {}", c.text);
            }
        }
    }

    #[test]
    fn a_zap_stack_is_a_trace_its_new_frames_shown() {
        // zap (controller-runtime's logger) prints each frame's function bare, its place under it
        let frame = |f: &str, place: &str| format!("{f}\n\t{place}\n");
        let shared = [
            frame("sigs.k8s.io/controller-runtime/pkg/internal/controller.(*Controller[...]).reconcileHandler", "/go/pkg/mod/sigs.k8s.io/controller-runtime@v0.23.1/pkg/internal/controller/controller.go:479"),
            frame("sigs.k8s.io/controller-runtime/pkg/internal/controller.(*Controller[...]).processNextWorkItem", "/go/pkg/mod/sigs.k8s.io/controller-runtime@v0.23.1/pkg/internal/controller/controller.go:438"),
            frame("sigs.k8s.io/controller-runtime/pkg/internal/controller.(*Controller[...]).Start.func1.1", "/go/pkg/mod/sigs.k8s.io/controller-runtime@v0.23.1/pkg/internal/controller/controller.go:313"),
        ]
        .concat();
        let info = |k: u32| format!("2026-03-23T12:58:{k:02}+05:30\tINFO\tReconciling\t{{\"controller\": \"ec2instance\", \"attempt\": {k}}}\n");
        let mut text: String = (0..10).map(info).collect();
        text += "2026-03-23T12:58:26+05:30\tERROR\tFailed to terminate EC2 instance\t{\"controller\": \"ec2instance\"}\n";
        text += &frame("example.com/op/internal/controller.deleteEc2Instance", "/src/op/internal/controller/deleteInstance.go:38");
        text += &shared;
        text.extend((10..20).map(info));
        text += "2026-03-23T12:58:46+05:30\tERROR\tReconciler error\t{\"controller\": \"ec2instance\"}\n";
        text += &frame("example.com/op/internal/controller.(*Ec2InstanceReconciler).Reconcile", "/src/op/internal/controller/ec2instance_controller.go:113");
        text += &shared;
        text.extend((20..30).map(info));
        let c = compress(&text, &opts());
        // the second trace's own frame stays, function and place; the frames it shares point up
        assert!(c.text.contains("controller.(*Ec2InstanceReconciler).Reconcile\n\t/src/op/internal/controller/ec2instance_controller.go:113\n"), "{}", c.text);
        assert!(c.text.contains("[hr 3 frames as in "), "{}", c.text);
        assert!(!crate::logline::is_go_place("/go/src/app/main.go:12") && !crate::logline::is_bare_go_function("a b.c"));
    }

    #[test]
    fn an_error_with_a_value_printed_below_keeps_it_as_its_own() {
        // pandera prints what failed as JSON under its error line, braces alone on their lines:
        // the value is the event's, and another value is another failure, with its batch
        let report = |check: &str| format!("{{\n    \"DATA\": {{\n        \"{check}\": [\n            {{\n                \"column\": \"order_id\"\n            }}\n        ]\n    }}\n}}\n");
        let mut text = String::new();
        for b in 0..60 {
            text += &format!("2026-12-05 05:41:45,{b:03} INFO validate: validating batch {b:03} (200 rows)\n");
            match b % 20 {
                6 => text += &format!("2026-12-05 05:41:45,{b:03} ERROR validate: batch {b:03} failed validation:\n{}", report("SERIES_CONTAINS_NULLS")),
                13 => text += &format!("2026-12-05 05:41:45,{b:03} ERROR validate: batch {b:03} failed validation:\n{}", report("SERIES_CONTAINS_DUPLICATES")),
                _ => text += &format!("2026-12-05 05:41:45,{b:03} INFO validate: batch {b:03} OK\n"),
            }
        }
        let c = compress(&text, &opts());
        for b in ["006", "013"] {
            assert!(c.text.contains(&format!("batch {b} failed validation:\n{{\n")), "{}", c.text);
        }
        // the same report again folds, error line and all
        assert!(!c.text.contains("batch 026 failed") && !c.text.contains("batch 053 failed"), "{}", c.text);
    }

    #[test]
    fn successes_folded_under_a_failed_request_are_not_like_it() {
        // an access log's requests are one template whatever their status: under a 500, the
        // 200s that follow are no `like above`, which would read as more 500s
        let line = |path: &str, status: u16| format!("127.0.0.1 - - [05/Dec/2026 05:06:19] \"GET {path} HTTP/1.1\" {status} -\n");
        let mut text: String = (0..30).map(|k| line(&format!("/cat/{k}"), 200)).collect();
        text += &line("/cat/29", 500);
        text.extend((0..10).map(|k| line(&format!("/cat/{}", 40 + k), 200)));
        text += &line("/item/9", 404);
        let c = compress(&text, &opts());
        let out: Vec<&str> = c.text.lines().collect();
        let under = out.iter().position(|l| l.ends_with("\" 500 -")).map(|k| out[k + 1]);
        assert!(under.is_some_and(|m| m.starts_with("[hr 10 L32-41]")), "{}", c.text);
        // the same fold under a success is like it
        assert!(out[1].starts_with("[hr 29 like above"), "{}", c.text);
    }

    #[test]
    fn an_error_event_stays_and_folds_whole_with_its_detail_lines() {
        let mut text = String::new();
        for i in 0..20 {
            text.push_str(&format!(
                "2024-01-02 10:00:{i:02} INFO worker {i} polled the queue\n"
            ));
            if i % 5 == 2 {
                text.push_str(&format!("2024-01-02 10:00:{i:02} ERROR duplicate key value violates unique constraint\n"));
                text.push_str(&format!(
                    "DETAIL:  Key (id)=({}) already exists.\n",
                    100 + i
                ));
                text.push_str("HINT:  Retry the insert with a new id.\n");
            }
        }
        text.push_str("2024-01-02 10:00:59 ERROR duplicate key value violates unique constraint\n");
        text.push_str("DETAIL:  Key (email)=(a@b.c) already exists.\n");
        let c = compress(&text, &opts());
        let out: Vec<&str> = c.text.lines().collect();
        // the first event stays whole, in place
        let e = out
            .iter()
            .position(|l| l.contains("ERROR duplicate"))
            .unwrap();
        assert!(
            out[e + 1].starts_with("DETAIL:  Key (id)=(102)"),
            "{}",
            c.text
        );
        assert!(out[e + 2].starts_with("HINT:"), "{}", c.text);
        // its identical repeats fold whole: no lone DETAIL line of theirs remains
        assert!(
            !c.text.contains("(107)") && !c.text.contains("(112)"),
            "{}",
            c.text
        );
        // an event whose detail differs is another message
        assert!(
            c.text
                .contains("DETAIL:  Key (email)=(a@b.c) already exists."),
            "{}",
            c.text
        );
    }

    #[test]
    fn access_logs_keep_one_failed_request_per_method_path_and_status() {
        let mut text = String::new();
        for i in 0..200 {
            let (path, status) = match i % 50 {
                7 => ("/wp-login.php", 404),
                19 => ("/api/orders", 502),
                23 => ("/admin/", 403),
                _ => ("/static/app.js", 200),
            };
            text.push_str(&format!(
                "10.0.0.{} - - [29/Nov/2026:17:35:{:02} +0000] \"GET {path}?v={i} HTTP/1.1\" {status} {} \"-\" \"curl/7.88.1\"\n",
                i % 7,
                i % 60,
                100 + i
            ));
        }
        let c = compress(&text, &opts());
        for needle in ["/wp-login.php", "/api/orders", "/admin/"] {
            let kept = c
                .text
                .lines()
                .filter(|l| !l.starts_with("[hr ") && l.contains(needle))
                .count();
            // one example (and the last of a long run): never every repeat, never none
            assert!((1..=2).contains(&kept), "{needle}: {}", c.text);
        }
        assert!(c.text.len() < text.len() / 4, "{}", c.text);
    }

    #[test]
    fn json_lines_are_mined_by_field_and_their_levels_count() {
        let mut text = String::new();
        for i in 0..100 {
            text.push_str(&format!(
                "{{\"level\":\"info\",\"ts\":{i}.5,\"msg\":\"handled request\",\"id\":\"C{i}x{}\",\"status\":200}}\n",
                i * 7
            ));
            if i == 60 {
                text.push_str("{\"level\":\"error\",\"ts\":60.7,\"msg\":\"dial tcp 127.0.0.1:9: connect: connection refused\"}\n");
            }
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("connection refused"), "{}", c.text);
        assert!(c.text.lines().count() <= 6, "{}", c.text);
    }

    #[test]
    fn a_request_that_failed_in_a_records_nested_http_object_stays() {
        // Suricata's eve.json nests the request and its status in `http`; the records it flushes
        // at shutdown lack the packet count, another shape of the same event
        let record = |i: usize, status: u16, counted: bool| {
            let count = if counted { format!("\"pcap_cnt\":{},", 9000 + i) } else { String::new() };
            format!(
                "{{\"timestamp\":\"2022-02-23T19:{:02}:01.861687+0100\",\"flow_id\":{},{count}\"event_type\":\"http\",                 \"src_ip\":\"172.16.0.131\",\"src_port\":{},\"dest_ip\":\"198.185.159.144\",\"dest_port\":80,                 \"http\":{{\"hostname\":\"www.example.com\",\"url\":\"/uar3/?id={i}\",\"http_method\":\"GET\",                 \"protocol\":\"HTTP/1.1\",\"status\":{status},\"length\":{}}}}}\n",
                i % 60,
                140389591627 + i * 7919,
                49200 + i,
                1000 + i * 13
            )
        };
        let mut text = String::new();
        for i in 0..60 {
            text.push_str(&record(i, 200, true));
        }
        let first = record(60, 404, true);
        let flushed = record(99, 404, false);
        text.push_str(&first);
        for i in 61..120 {
            text.push_str(&record(i, 200, true));
        }
        text.push_str(&record(120, 404, true));
        for i in 122..130 {
            text.push_str(&record(i, 200, false));
        }
        text.push_str(&flushed);
        text.push_str(&record(121, 404, true));
        let c = compress(&text, &opts());
        for kept in [&first, &flushed] {
            assert!(c.text.contains(kept.trim_end()), "{kept}\n{}", c.text);
        }
        assert!(c.text.lines().count() <= 8, "{}", c.text);
    }

    #[test]
    fn a_rare_text_in_any_field_of_a_record_stays() {
        // a review found a rule that read a record's texts as values, unless the field's name
        // said what happened, folding the one rare alert among common ones: a field's words
        // say what they say whatever the field is called. (One common signature has as many
        // words as the rare one, so the rare one is not kept for its length alone.)
        let signatures = [
            "ET INFO HTTP Request to a *.top domain",
            "SURICATA STREAM ESTABLISHED packet out of window",
            "ET POLICY curl User-Agent Outbound",
            "SURICATA HTTP unable to match response to request",
            "ET INFO Observed DNS Query to .cloud TLD",
            "ET SCAN Suspicious inbound to mySQL",
        ];
        let mut text = String::new();
        for i in 0..200 {
            let signature = if i == 133 {
                "ET MALWARE Cobalt Strike Beacon Observed"
            } else {
                signatures[i * 7 % signatures.len()]
            };
            text.push_str(&format!(
                "{{\"timestamp\":\"2026-11-30T10:{:02}:{:02}.000Z\",\"event_type\":\"alert\",\"src_ip\":\"10.0.0.{}\",\"alert\":{{\"action\":\"allowed\",\"signature\":\"{signature}\",\"severity\":3}}}}\n",
                i / 60,
                i % 60,
                i % 250
            ));
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("Cobalt Strike"), "{}", c.text);
        // and the common ones fold
        assert!(c.text.lines().count() < 40, "{}", c.text);
    }

    #[test]
    fn a_record_of_fields_alone_that_differs_in_values_is_one_more_of_its_kind() {
        // Zeek's DNS log: each query names another host, answers a few addresses; a record of
        // one-word values says no event in words, and folds as a repeat when a miner that
        // splits on whitespace gives another record of its template its length
        let hosts = ["mail.aol.com", "www.bing.com", "udc.yahoo.com", "ad.doubleclick.net", "geo.moatads.com", "dpm.demdex.net"];
        let mut text = String::new();
        for i in 0..60 {
            let qtype = if i % 5 == 4 { "AAAA" } else { "A" };
            let rcode = if i % 7 == 3 { "NXDOMAIN" } else { "NOERROR" };
            let answers: Vec<String> = (0..1 + i % 3).map(|j| format!("\"10.1.2.{j}\"")).collect();
            let ttls: Vec<String> = (0..1 + i % 3).map(|j| format!("{}.0", 60 + j)).collect();
            text.push_str(&format!(
                "{{\"ts\":15754131{i:02}.76,\"uid\":\"C{i}x\",\"id.orig_h\":\"10.18.20.97\",\"id.orig_p\":{},\"query\":\"{}\",\"qtype_name\":\"{qtype}\",\"rcode_name\":\"{rcode}\",\"answers\":[{}],\"TTLs\":[{}]}}\n",
                50000 + i,
                hosts[i * 7 % hosts.len()],
                answers.join(","),
                ttls.join(",")
            ));
        }
        // a record that says what happened in one word is an event all the same
        let said = |msg: &str| format!("{{\"level\":\"info\",\"msg\":\"{msg}\",\"port\":8080}}\n");
        for _ in 0..30 {
            text.push_str(&said("listening"));
        }
        text.push_str(&said("draining"));
        text.push_str(&said("listening"));
        let c = compress(&text, &opts());
        let kept = kept_lines(&c.text);
        assert!(kept.iter().filter(|l| l.contains("\"query\"")).count() <= 6, "{}", c.text);
        assert!(kept.iter().any(|l| l.contains("draining")), "{}", c.text);
    }

    #[test]
    fn python_traceback_is_one_block() {
        let lines = [
            "2024-01-02 10:00:01,000 ERROR app: payment failed",
            "Traceback (most recent call last):",
            "  File \"/srv/app.py\", line 3, in <module>",
            "    charge()",
            "mypkg.errors.CardDeclined: card declined",
            "2024-01-02 10:00:02,000 INFO app: next",
        ];
        assert_eq!(trace_block(&lines, 0, &mut ContinuationRun::default()), Some(5));
        assert_eq!(trace_block(&lines, 5, &mut ContinuationRun::default()), None);
    }

    #[test]
    fn a_run_of_continuation_lines_read_once_answers_as_read_from_each_line() {
        // a dump, a Java trace, a Python traceback chained inside indented lines, and lines
        // that continue nothing, asked about in order as `mine` asks (skipping lines, too)
        let lines = [
            "2024-01-02 10:00:01,000 INFO app: config loaded:",
            "    workers = 4",
            "    timeout = 30",
            "java.lang.IllegalStateException: closed",
            "\tat a.B.c(B.java:1)",
            "\tat a.B.d(B.java:2)",
            "Caused by: java.io.IOException: reset",
            "\t... 3 more",
            "    note = fine",
            "2024-01-02 10:00:02,000 ERROR app: failed",
            "  Traceback (most recent call last):",
            "    File \"/srv/app.py\", line 3, in <module>",
            "      charge()",
            "mypkg.errors.CardDeclined: card declined",
            "done",
        ];
        // a traceback asked about from inside: its last line belongs to it only when read
        // from where the traceback opens
        let inside = [
            "2024-01-02 10:00:02,000 ERROR app: failed",
            "  Traceback (most recent call last):",
            "    File \"/srv/a.py\", line 3, in <module>",
            "    File \"/srv/b.py\", line 9, in charge",
            "      raise CardDeclined()",
            "mypkg.errors.CardDeclined: card declined",
        ];
        // a crash loop's tracebacks, one under another's last line
        let looped: Vec<&str> = ["Traceback (most recent call last):", "  File \"/srv/app.py\", line 3, in <module>", "    import settings", "ModuleNotFoundError: No module named 'settings'"].repeat(3);
        for lines in [&lines[..], &inside[..], &looped[..]] {
            for step in 1..=3 {
                let mut shared = ContinuationRun::default();
                for i in (0..lines.len()).step_by(step) {
                    let fresh = trace_block(lines, i, &mut ContinuationRun::default());
                    assert_eq!(trace_block(lines, i, &mut shared), fresh, "line {i}, step {step}");
                }
            }
        }
        assert_eq!(trace_block(&inside, 0, &mut ContinuationRun::default()), Some(6));
        assert_eq!(trace_block(&inside, 1, &mut ContinuationRun::default()), Some(5));
        // and what it answers is where the traces end: the Java one continues the first event
        assert_eq!(trace_block(&lines, 0, &mut ContinuationRun::default()), Some(9));
        assert_eq!(trace_block(&lines, 9, &mut ContinuationRun::default()), Some(14));
        assert_eq!(trace_block(&lines, 14, &mut ContinuationRun::default()), None);
        assert_eq!(trace_block(&looped, 0, &mut ContinuationRun::default()), Some(4));
        assert_eq!(trace_block(&looped, 4, &mut ContinuationRun::default()), Some(8));
    }

    #[test]
    fn exception_lines() {
        assert!(exception_header("java.lang.IllegalStateException: closed"));
        assert!(exception_header("KeyError: 'x'"));
        assert!(exception_header("KeyboardInterrupt"));
        assert!(!exception_header("Error: cannot open config"));
        assert!(!exception_header("2024-01-02 ERROR app: x"));
        // Rails puts the message in parentheses, closed on its line or, when the message goes
        // on (`Did you mean?  is_a?):`), on the line below; a parenthesis closed before the
        // line's end is words about an exception
        assert!(exception_header("ActionController::RoutingError (No route matches [GET] \"/api/x\"):"));
        assert!(exception_header("NoMethodError (undefined method `is_array' for #<Api::CharactersController:0x00007ff0a6109778>"));
        assert!(!exception_header("ValueError (see below) is what the parser raises"));
        // the name ends at its `:`, and only there
        assert!(exception_header("OSError:") && exception_header("a.b$C_1Error: x"));
        for line in ["OSError :x", "OSError x", "Os-Error: x", "ÖSError: x", "OSError:x", "OSError\t: x", ": x", "Error"] {
            assert!(!exception_header(line), "{line}");
        }
    }

    #[test]
    fn indented_lines_without_frames_are_no_trace() {
        let lines = [
            "2024-01-02 10:00:01,000 INFO app: config loaded:",
            "    workers = 4",
            "    at_startup = true",
            "    timeout = 30",
            "    retries = 3",
        ];
        assert_eq!(trace_block(&lines, 0, &mut ContinuationRun::default()), None);
        let java = [
            "2024-01-02 10:00:01,000 ERROR app: request failed",
            "java.lang.IllegalStateException: closed",
            "\tat a.B.c(B.java:1)",
            "Caused by: java.io.IOException: reset",
            "\t... 3 more",
        ];
        assert_eq!(trace_block(&java, 0, &mut ContinuationRun::default()), Some(5));
    }

    #[test]
    fn an_error_event_repeated_whole_folds_whole() {
        // a Node service that fails to bind, again and again: no times, the same message and
        // the same trace each time
        let event = "Error: bind EACCES null:443\n    at listenOnPrimaryHandle (node:net:1969:18)\n    at rr (node:internal/cluster/child:163:12)\n    at process.emit (node:events:531:35)\n";
        let text = event.repeat(40) + "Error: listen EADDRINUSE: address already in use :::8080\n    at Server.setupListenHandle [as _listen2] (node:net:1817:16)\n";
        let c = compress(&text, &opts());
        let out: Vec<&str> = c.text.lines().collect();
        assert_eq!(out[..4].join("\n") + "\n", event, "{}", c.text);
        assert!(out[4].starts_with("[hr 152 lines, 38 errors · hr expand abcdef012345 --lines 5-156]"), "{}", c.text);
        // the last, among the log's last lines, keeps the line that raised it (how the log
        // ends), its frames folded
        assert_eq!(out[5], "Error: bind EACCES null:443", "{}", c.text);
        assert_eq!(crate::marker::span_of(out[6]), Some((158, 160)), "{}", c.text);
        // another message is always shown
        assert_eq!(out[7..], ["Error: listen EADDRINUSE: address already in use :::8080", "    at Server.setupListenHandle [as _listen2] (node:net:1817:16)"]);
    }

    #[test]
    fn a_new_trace_points_to_the_callers_it_shares_with_one_above() {
        // callers long enough that a pointer pays for them
        let callers: String = (1..=12)
            .map(|k| format!("\tat app.service.layer{k}.Handler.handle(Handler.java:{})\n", 40 + k))
            .collect();
        let text = format!(
            "2020-06-12 06:47:16.950 ERROR 26274 --- [beat] app.naming : failed to request\njava.net.ConnectException: Network is unreachable\n\tat java.net.Socket.connect(Socket.java:589)\n{callers}2020-06-12 06:47:16.956 ERROR 26274 --- [beat] app.naming : request failed.\napp.api.NacosException: failed to req API code:500\n\tat app.net.Proxy.retry(Proxy.java:427)\n{callers}2020-06-12 06:47:17.001 INFO 26274 --- [main] app : done\n"
        );
        let c = compress(&text, &opts());
        let out: Vec<&str> = c.text.lines().collect();
        // the new error and its own frame stay, the shared callers point to the first trace's
        assert_eq!(out[15..18], ["2020-06-12 06:47:16.956 ERROR 26274 --- [beat] app.naming : request failed.", "app.api.NacosException: failed to req API code:500", "\tat app.net.Proxy.retry(Proxy.java:427)"], "{}", c.text);
        // (the first marker: its own range, 19-30, is the restore command's)
        assert!(out[18].starts_with("[hr 12 frames as in L4-15 ·"), "{}", c.text);
        assert_eq!(crate::marker::span_of(out[18]), Some((19, 30)), "{}", c.text);
        assert_eq!(out.len(), 20);
    }

    #[test]
    fn another_service_s_trace_points_to_the_frames_one_service_showed() {
        // `docker compose logs`: services fail to reach a host along the same path; the frames
        // another service shares with one shown above are its, whatever tag stands before them
        let callers: String = (1..=12)
            .map(|k| format!("\tat org.apache.hc.client5.http.impl.classic.Exec{k}.execute(Exec{k}.java:{})\n", 40 + k))
            .collect();
        let trace = |service: &str, own: &str| {
            let tag = format!("{service:<15}| ");
            let frames: String = format!("\tat {own}\n{callers}").lines().map(|l| format!("{tag}{l}\n")).collect();
            format!("{tag}2025-05-02T11:22:{}.100Z  WARN 1 --- [{service}] [  main] c.n.d.DiscoveryClient : was unable to send heartbeat!\n{tag}java.net.UnknownHostException: discovery-server: Temporary failure in name resolution\n{frames}", service.len())
        };
        let text = [
            trace("vets-service", "app.vets.Beat.run(Beat.java:12)"),
            trace("visits-service", "app.visits.Beat.run(Beat.java:31)"),
            trace("owners-service", "app.visits.Beat.run(Beat.java:31)"),
        ]
        .concat();
        let c = compress(&text, &opts());
        let out: Vec<&str> = c.text.lines().collect();
        let input: Vec<&str> = text.lines().collect();
        // the second service's error and its own frame stay, its callers point to the first's
        assert_eq!(out[..18], input[..18], "{}", c.text);
        assert!(out[18].starts_with("[hr 12 frames as in L4-15 ·"), "{}", c.text);
        // the third's trace is the second's: its error stays, its frames fold as a repeat
        assert_eq!(out[19..21], input[30..32], "{}", c.text);
        assert!(out[21].starts_with("[hr 13-line stack trace like one above"), "{}", c.text);
        assert_eq!(out.len(), 22, "{}", c.text);
    }

    #[test]
    fn a_suppressed_exception_is_told_like_a_cause_not_folded_as_a_frame() {
        // Java prints a suppressed exception indented among the frames, as it does its causes:
        // a trace that suppressed another exception says so, whatever frames it shares
        let frames = |from: usize| -> String {
            (from..from + 6).map(|k| format!("\tat reactor.core.publisher.Flux{k}.subscribe(Flux{k}.java:{})\n", 80 + k)).collect()
        };
        let trace = |error: &str| format!("java.lang.IllegalStateException: {error}\n{}\tSuppressed: java.lang.Exception: #block terminated with an error\n{}", frames(0), frames(6));
        let text = format!("{}{}", trace("timeout on blocking read"), trace("connection reset"));
        let c = compress(&text, &opts());
        let suppressed = c.text.lines().filter(|l| l.contains("Suppressed: java.lang.Exception")).count();
        assert_eq!(suppressed, 2, "{}", c.text);
    }

    #[test]
    fn a_php_trace_stays_whole_and_its_shared_callers_point_to_the_first() {
        // Laravel numbers its frames; the same callers stand at other depths below another error
        let callers = |from: usize| -> String {
            (0..8)
                .map(|k| format!("#{} /app/vendor/laravel/framework/src/Pipeline/Layer{k}.php({}): Pipeline->handle(Object(Request))\n", from + k, 40 + k))
                .collect()
        };
        let text = format!(
            "[2018-12-14 16:31:39] local.ERROR: Class 'App\\Admin' not found {{\"exception\":\"[object] (FatalThrowableError(code: 0))\n[stacktrace]\n#0 [internal function]: App\\Http\\AdminController->login(Object(Request))\n{}#9 {{main}}\n\"}} \n[2018-12-14 16:31:55] local.ERROR: Argument 1 passed to JWT::fromUser() must be an instance of JWTSubject {{\"exception\":\"[object] (TypeError(code: 0))\n[stacktrace]\n#0 /app/Http/Controllers/Controller.php(31): Facade::__callStatic('fromUser', Array)\n#1 /app/Http/Controllers/Auth/AdminLoginController.php(35): Controller->getToken(Object(Admin))\n{}#10 {{main}}\n\"}} \n",
            callers(1),
            callers(2)
        );
        let c = compress(&text, &opts());
        let out: Vec<&str> = c.text.lines().collect();
        // the second trace's own frames stay; its callers point to the first trace's
        let own = out.iter().position(|l| l.starts_with("#1 /app/Http/Controllers/Auth/AdminLoginController.php(35)"));
        let own = own.unwrap_or_else(|| panic!("{}", c.text));
        assert!(out[own + 1].starts_with("[hr 9 frames as in L4-12 ·"), "{}", c.text);
        assert_eq!(out[own + 2..], ["\"} "], "{}", c.text);
        assert_eq!(out[..own].len(), 16, "the first trace and the new error stay whole: {}", c.text);
    }

    #[test]
    fn a_ruby_backtrace_stays_whole_and_a_repeat_points_to_it() {
        // Sidekiq logs the error's first frame behind its stamp and the rest unindented: a
        // trace like any other, not lines of a template whose repeats fold
        let frames: String = (0..10)
            .map(|k| format!("/gems/sidekiq-3.3.0/lib/sidekiq/middleware/layer{k}.rb:{}:in `call'\n", 20 + k))
            .collect();
        let mut text = String::new();
        for (n, at) in [(0, "17:00:02"), (1, "17:05:02")] {
            text += &format!("2015-12-31T{at}.600Z 23789 TID-rftf{n} Builder JID-7ca1{n} INFO: start\n");
            text += &format!("2015-12-31T{at}.672Z 23789 TID-rftf{n} WARN: uninitialized constant Builder::ILS{n}\n");
            text += &format!("2015-12-31T{at}.673Z 23789 TID-rftf{n} WARN: /app/workers/builder.rb:13:in `perform'\n{frames}");
        }
        let c = compress(&text, &opts());
        let out: Vec<&str> = c.text.lines().collect();
        // the first trace whole, then the second's message, and its trace folds as a repeat
        assert_eq!(out[..13], text.lines().collect::<Vec<_>>()[..13], "{}", c.text);
        let second = out.iter().position(|l| l.ends_with("WARN: uninitialized constant Builder::ILS1"));
        let second = second.unwrap_or_else(|| panic!("{}", c.text));
        assert!(out[second + 1].starts_with("[hr 11-line stack trace like one above ·"), "{}", c.text);
        assert_eq!(crate::marker::span_of(out[second + 1]), Some((16, 26)), "{}", c.text);
        assert_eq!(out.len(), second + 2, "{}", c.text);
    }

    #[test]
    fn a_trace_through_another_temporary_file_is_a_repeat() {
        // ExecJS runs each compilation from a new file in /tmp: the same frames, in a file of
        // another generated name
        let mut text = String::new();
        for (n, tmp) in ["1ngtz44", "j2mak", "qzkabwe"].iter().enumerate() {
            text += &format!("F, [2014-06-13T10:46:0{n}.705932 #10048] FATAL -- : ActionView::Template::Error\nError\n");
            for (k, f) in ["new JS_Parse_Error", "js_error", "croak", "token_error", "expect_token"].iter().enumerate() {
                text += &format!("    at {f} (/tmp/execjs20140613-10048-{tmp}.js:2357:{})\n", 10754 + k);
            }
        }
        // (the log goes on: the last of an error message among its last lines would stay, see
        // `TAIL`)
        for n in 0..TAIL {
            text += &format!("I, [2014-06-13T10:47:0{n}.705932 #10048]  INFO -- : Completed 200 OK in {n}ms\n");
        }
        let c = compress(&text, &opts());
        let out: Vec<&str> = c.text.lines().collect();
        assert_eq!(out[..7], text.lines().collect::<Vec<_>>()[..7], "{}", c.text);
        // the two repeats, the error line and its trace, fold as the first
        assert_eq!(crate::marker::span_of(out[7]), Some((8, 21)), "{}", c.text);
        assert!(!c.text.contains("j2mak") && !c.text.contains("qzkabwe"), "{}", c.text);
    }

    #[test]
    fn a_trace_behind_a_process_tag_stays_whole_among_untagged_lines() {
        // vLLM's server logs its own lines bare and its processes' behind their names; the
        // server's traceback, behind its tag under another process's line, is read as a trace
        let mut text: String = (0..40).map(|k| format!("INFO 08-14 19:24:{k:02} [loader.py:88] Loading shard {k} of 40\n")).collect();
        text += "(EngineCore_DP0 pid=275) Exception: WorkerProc initialization failed.\n";
        text += "(APIServer pid=1) Traceback (most recent call last):\n";
        for (k, (file, call)) in [("cli/main.py", "main"), ("cli/serve.py", "cmd"), ("api_server.py", "run_server"), ("engine/async_llm.py", "from_vllm_config"), ("engine/core_client.py", "make_async_mp_client"), ("engine/utils.py", "launch_core_engines"), ("engine/utils.py", "wait_for_engine_startup")].iter().enumerate() {
            text += &format!("(APIServer pid=1)   File \"/vllm/{file}\", line {}, in {call}\n(APIServer pid=1)     step_{k}(args)\n(APIServer pid=1)     ^^^^^^^^^^^^^\n", 50 + 7 * k);
        }
        text += "(APIServer pid=1) RuntimeError: Engine core initialization failed.\n";
        let c = compress(&text, &opts());
        let at = text.find("(APIServer pid=1) Traceback").unwrap();
        assert!(c.text.contains(&text[at..]), "{}", c.text);
    }

    #[test]
    fn a_trace_written_to_syslog_a_line_at_a_time_stays_whole_and_its_repeat_folds() {
        // a service under systemd writes each line of its trace behind a header of its own:
        // read behind the headers, the trace is one, its frames kept the first time
        // (behind a BSD header, or an ISO time as rsyslog's RFC 3339 format writes it)
        let syslog_as = |iso: bool, s: u32, said: &str| match iso {
            false => format!("Sep 22 16:{:02}:{:02} host app[1234]: {said}\n", s / 60, s % 60),
            true => format!("2024-09-22T16:{:02}:{:02}.000{s:03}+00:00 host app[1234]: {said}\n", s / 60, s % 60),
        };
        let frames = ["com.acme.Orders.load(Orders.java:88)", "com.acme.Orders.handle(Orders.java:41)", "com.acme.Main.main(Main.java:12)"];
        for iso in [false, true] {
            let syslog = |s: u32, said: &str| syslog_as(iso, s, said);
            let mut text = String::new();
            for s in 0..120 {
                text += &syslog(s, &format!("INFO request {s} served in {} ms", s * 7 % 90));
                if s == 40 || s == 90 {
                    text += &syslog(s, "ERROR request failed");
                    text += &syslog(s, "java.lang.IllegalStateException: pool closed");
                    for f in frames {
                        text += &syslog(s, &format!("\tat {f}"));
                    }
                }
            }
            let c = compress(&text, &opts());
            for f in frames {
                assert!(c.text.contains(&syslog(40, &format!("\tat {f}"))), "{}", c.text);
            }
            assert!(!c.text.contains(&syslog(90, "\tat com.acme.Main.main(Main.java:12)")), "{}", c.text);
        }
        let syslog = |s: u32, said: &str| syslog_as(false, s, said);
        // a Go program's goroutines, their places without the tab the journal drops
        let mut text: String = (0..60).map(|s| syslog(s, &format!("INFO tick {s}"))).collect();
        text += &syslog(60, "panic: pool closed");
        let mut trace = syslog(60, "goroutine 1 [running]:");
        for k in 0..8 {
            trace += &syslog(60, &format!("example.com/app/stage{k}.Run(0xc0001a200{k}, 0x{k})"));
            trace += &syslog(60, &format!("/src/app/stage{k}/run.go:{} +0x{k}f", 40 + 9 * k));
        }
        text += &trace;
        text += &syslog(61, "INFO tick 61");
        let c = compress(&text, &opts());
        assert!(c.text.contains(&trace), "{}", c.text);
        // a Java trace whose tabs the syslog dropped (Tomcat under rsyslog: `server: at …`)
        let mut text: String = (0..60).map(|s| syslog(s, &format!("INFO tick {s}"))).collect();
        let mut trace = syslog(60, "org.apache.catalina.LifecycleException: Failed to start component");
        for k in 0..6 {
            trace += &syslog(60, &format!("at org.apache.catalina.core.Stage{k}.start(Stage{k}.java:{})", 100 + k));
        }
        text += &trace;
        text += &syslog(61, "INFO tick 61");
        let c = compress(&text, &opts());
        assert!(c.text.contains(&trace), "{}", c.text);
    }

    #[test]
    fn an_iis_logs_client_is_the_column_its_header_names() {
        // IIS's default fields put the server's address first and the client's ninth: a
        // scanner's 404s and a visitor's one are two clients' failures, not one's
        let mut text = String::from("#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: 2024-01-01 10:00:00\n#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n");
        let words = ["shell", "cmd", "upload", "config", "backup", "admin", "setup", "install", "test", "info", "wso", "alfa", "xmlrpc", "license", "readme", "sitemap"];
        let visitor = "2024-01-01 10:40:00 10.0.0.5 GET /docs/annual-report-2023.pdf - 443 - 203.0.113.77 Mozilla/5.0 - 404 0 2 3\n";
        for k in 0..300usize {
            let time = format!("2024-01-01 10:{:02}:{:02}", k / 60 % 60, k % 60);
            if k == 200 {
                text += visitor;
            }
            if k % 2 == 0 {
                let path = format!("/{}/{}.php", ["wp", "cgi", "old"][k / 2 % 3], words[k / 6 % words.len()]);
                text += &format!("{time} 10.0.0.5 GET {path} - 443 - 45.13.1.9 Mozilla/5.0+(zgrab) - 404 0 2 {}\n", k % 9);
            } else {
                text += &format!("{time} 10.0.0.5 GET /products/{k} - 443 - 198.51.100.{} Mozilla/5.0 - 200 0 0 {}\n", k % 50, k % 30);
            }
        }
        let c = compress(&text, &opts());
        assert!(c.text.len() < text.len() / 3, "{}", c.text);
        assert!(c.text.contains(visitor), "{}", c.text);
    }

    #[test]
    fn a_dev_servers_lines_one_space_in_are_events_of_their_own() {
        // `next dev` writes each line one space in: its requests and its steps, which read as
        // lines of the error above them, so that no run of requests folded and each error's
        // trace, with the requests below it, read as a new one
        let mut text = String::from("  ▲ Next.js 14.2.35\n  - Local:        http://localhost:3000\n\n ✓ Starting...\n ✓ Ready in 1068ms\n");
        let trace = " ⨯ Error: ORDERS_DB_URL is not set: cannot connect to orders database\n    at queryOrders (webpack-internal:///(api)/./pages/api/orders.js:10:22)\n    at handler (webpack-internal:///(api)/./pages/api/orders.js:6:24)\n    at async DevServer.runApi (/app/node_modules/next/dist/server/next-server.js:603:9)\n    at async Server.requestListener (/app/node_modules/next/dist/server/lib/start-server.js:141:13) {\n  page: '/api/orders'\n}\n";
        for k in 0..30 {
            if k % 6 == 0 {
                text += trace;
                text += &format!(" GET /api/orders 500 in {}ms\n", 10 + k);
            }
            text += &format!(" GET /products/{} 200 in {}ms\n", 100 + k * 37, 5 + k % 9);
            text += &format!(" GET /products/{} 500 in {}ms\n", 900 + k * 13, 7 + k % 5);
        }
        let c = compress(&text, &opts());
        assert!(c.text.len() < text.len() / 3, "{}", c.text);
        assert_eq!(c.text.matches("    at queryOrders").count(), 1, "{}", c.text);
        assert!(c.text.contains(" GET /api/orders 500 in 10ms\n") && c.text.contains(" GET /products/900 500 in 7ms\n"), "{}", c.text);
    }

    #[test]
    fn a_client_probing_paths_day_after_day_is_one_client() {
        // HTTP.sys's error log (httperr.log), each line opening with its date: a device's UPnP
        // notifications to paths of random letters, a few a day, each refused with a 503. The
        // date was read as the client, and each day's first eight paths stayed
        let header = "#Software: Microsoft HTTP API 2.0\n#Version: 1.0\n#Date: 2016-08-01 00:00:00\n#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri sc-status s-siteid s-reason s-queuename\n";
        let mut text = header.to_string();
        for k in 0..120u32 {
            let path: String = (0..10).map(|j| char::from(b'a' + ((k * 7 + j * 13 + k * j) % 26) as u8)).collect();
            text += &format!("2016-08-{:02} 07:{:02}:15 141.137.140.177 {} 141.137.140.120 2869 HTTP/1.1 NOTIFY /upnp/eventing/{path} 503 - N/A -\n", 1 + k / 4, k % 60, 49000 + k);
        }
        let c = compress(&text, &opts());
        let kept = c.text.lines().filter(|l| l.contains(" NOTIFY ")).count();
        assert!((1..=12).contains(&kept), "{kept}: {}", c.text);
    }

    #[test]
    fn rails_errors_that_name_another_method_or_route_are_each_shown() {
        // a Rails development log: each request's lines, then its exception in parentheses, closed
        // on its line or, when the message goes on (`Did you mean?`), on the line below
        let request = |k: usize, path: &str, said: &[&str]| {
            let mut text = format!("Started GET \"{path}\" for ::1 at 2021-06-11 16:{:02}:{:02} -0700\nProcessing by Api::CharactersController#show as JSON\n  Parameters: {{\"id\"=>\"{k}\"}}\nCompleted 500 Internal Server Error in {}ms (ActiveRecord: 5.6ms)\n\n\n  \n", k / 60 % 60, k % 60, 100 + k * 7 % 900);
            for line in said {
                text += line;
                text += "\n";
            }
            text + "  \napp/controllers/api/characters_controller.rb:35:in `show'\n"
        };
        let mut text = String::new();
        for k in 0..40 {
            let said: Vec<String> = match k {
                5 => vec!["NoMethodError (undefined method `char_id' for #<Hash:0x00007fa6dc2ce568>):".into()],
                12 => vec!["NoMethodError (undefined method `parsed_response' for #<Hash:0x00007fa6dfa13988>):".into()],
                20 => vec![format!("NoMethodError (undefined method `is_a' for #<Api::CharactersController:0x00007ff0a61ce{k:03}>"), "Did you mean?  is_a?):".into()],
                30 => vec![format!("NoMethodError (undefined method `is_array' for #<Api::CharactersController:0x00007ff0a6109{k:03}>"), "Did you mean?  is_a?):".into()],
                8 | 25 | 35 => vec![format!("ActionController::RoutingError (No route matches [GET] \"{}\"):", [(8, "/api/expores"), (25, "/api/character"), (35, "/api/characters%3E")].iter().find(|&&(at, _)| at == k).unwrap().1)],
                _ => vec!["TypeError (no implicit conversion of Hash into String):".into()],
            };
            let said: Vec<&str> = said.iter().map(String::as_str).collect();
            text += &request(k, &format!("/api/characters/{k}"), &said);
        }
        let c = compress(&text, &opts());
        assert!(c.text.len() < text.len() / 2, "{}", c.text);
        for said in ["`is_a' for", "`is_array' for", "\"/api/expores\"", "\"/api/character\"", "\"/api/characters%3E\""] {
            assert!(c.text.contains(said), "{said}: {}", c.text);
        }
        // a scanner's files are probes, not routes: past the first of a folder they fold (a
        // production log, each line behind its level and request's id)
        let words = ["shell", "cmd", "upload", "config", "backup", "admin", "setup", "install", "test", "info", "wso", "alfa", "xmlrpc", "license"];
        let folders = ["wp-admin", "wp-content", "cgi-bin", "uploads", "vendor", "old"];
        let mut text = String::new();
        for k in 0..600usize {
            let head = |level: &str, letter: char| format!("{letter}, [2024-01-01T10:{:02}:{:02}.{:06} #1234] {level} -- : [{:08x}-{:04x}]", k / 60 % 60, k % 60, k * 1777 % 1_000_000, k * 2_654_435_761 % (1 << 32), k * 40_503 % (1 << 16));
            if k % 3 == 0 {
                let path = format!("/{}/{}.php", folders[k / 3 % folders.len()], words[k / 7 % words.len()]);
                text += &format!("{} Started GET \"{path}\" for 45.13.{}.9 at 2024-01-01 10:00:00 +0000\n", head(" INFO", 'I'), k % 5);
                text += &format!("{}   \n", head("FATAL", 'F'));
                text += &format!("{} ActionController::RoutingError (No route matches [GET] \"{path}\"):\n", head("FATAL", 'F'));
                text += &format!("{}   \n", head("FATAL", 'F'));
                text += &format!("{} actionpack (5.2.6) lib/action_dispatch/middleware/debug_exceptions.rb:65:in `call'\n", head("FATAL", 'F'));
            } else {
                text += &format!("{} Started GET \"/products/{k}\" for 10.0.0.{} at 2024-01-01 10:00:00 +0000\n", head(" INFO", 'I'), k % 9);
                text += &format!("{} Completed 200 OK in {}ms (Views: 1.2ms | ActiveRecord: 0.4ms)\n", head(" INFO", 'I'), k % 50);
            }
        }
        let c = compress(&text, &opts());
        let shown = c.text.matches("RoutingError (No route matches").count();
        assert!(shown <= 30, "{shown}: {}", c.text);
    }

    #[test]
    fn herokus_header_names_a_dyno_and_no_host_and_a_trace_behind_it_is_read_whole() {
        // `heroku logs`: a time, the source and its dyno (`app[web.1]`, `heroku[router]`), no
        // host. A trace that differs from the one above by its last frame is another: it stays
        // whole, where its frames read as lines of their own, and its error folded as a repeat
        // (each line at its own microsecond, as logplex stamps them)
        let mut micros = 0;
        let mut heroku = |s: u32, source: &str, said: &str| {
            micros = (micros + 7919) % 1_000_000;
            format!("2024-01-15T10:{:02}:{:02}.{micros:06}+00:00 {source}: {said}\n", s / 60, s % 60)
        };
        let mut text = String::new();
        for s in 0..150 {
            text += &heroku(s, "heroku[router]", &format!("at=info method=GET path=\"/api/items/{}\" host=shop.herokuapp.com dyno=web.1 connect=0ms service={}ms status=200 bytes={}", s * 37 % 900, s % 90, 100 + s * 13));
            if s == 40 || s == 100 {
                text += &heroku(s, "app[web.1]", "ERROR:django.request:Internal Server Error: /api/items/7");
                text += &heroku(s, "app[web.1]", "Traceback (most recent call last):");
                text += &heroku(s, "app[web.1]", "  File \"/app/.heroku/python/lib/python3.11/site-packages/django/core/handlers/exception.py\", line 55, in inner");
                text += &heroku(s, "app[web.1]", "    response = get_response(request)");
                text += &heroku(s, "app[web.1]", &format!("  File \"/app/shop/views.py\", line {}, in item_detail", if s == 40 { 40 } else { 41 }));
                text += &heroku(s, "app[web.1]", "    item = Item.objects.get(pk=int(request.GET['id']))");
                text += &heroku(s, "app[web.1]", "KeyError: 'id'");
            }
        }
        let c = compress(&text, &opts());
        assert!(c.text.len() < text.len() / 3, "{}", c.text);
        assert_eq!(c.text.matches("+00:00 app[web.1]: Traceback (most recent call last):\n").count(), 2, "{}", c.text);
        assert_eq!(c.text.matches("+00:00 app[web.1]: KeyError: 'id'\n").count(), 2, "{}", c.text);
        assert!(c.text.contains("+00:00 app[web.1]:   File \"/app/shop/views.py\", line 41, in item_detail\n"), "{}", c.text);
    }

    #[test]
    fn a_stamped_packages_failing_test_stays_though_its_tag_reads_as_a_syslog_header() {
        // pnpm's `packages/core test: ` behind GitHub Actions' time reads as a syslog's host and
        // program: it is a stream's tag, whose test run keeps its failure
        let stamp = |s: u32, c: u32| format!("2024-05-01T12:00:{s:02}.{c:02}00000Z packages/core test");
        let mut text = format!("{}$ jest\n{}: PASS src/a.test.ts\n", stamp(0, 0), stamp(0, 10));
        for k in 0..12 {
            text += &format!("{}:   {} handles case {k} (1 ms)\n", stamp(1, k * 5), if k == 7 { "✕" } else { "✓" });
        }
        text += &format!("{}: Tests:       1 failed, 11 passed, 12 total\n", stamp(3, 0));
        let c = compress(&text, &opts());
        assert!(c.text.contains(&format!("{}:   ✕ handles case 7 (1 ms)\n", stamp(1, 35))), "{}", c.text);
    }

    #[test]
    fn a_syslog_line_continues_only_its_own_hosts_and_programs_event() {
        let error = "Sep 22 16:00:00 web01 worker1[1001]: ERROR job 7 failed";
        // the same host and program, at another second and pid: the event goes on
        let same = [error, "Sep 22 16:00:01 web01 worker1[1002]:   retrying with backoff 5s"];
        assert_eq!(syslog_bodies(&same).map(|b| b[1]), Some("  retrying with backoff 5s"));
        // another host, or another program, that differs from it only in a digit, says its own
        for other in ["Sep 22 16:00:00 web02 worker1[1001]:   retrying with backoff 5s", "Sep 22 16:00:00 web01 worker2[1001]:   retrying with backoff 5s"] {
            assert_eq!(syslog_bodies(&[error, other]), None, "{other}");
        }
        // nor do hosts that are addresses (rsyslog names a sender so when it has no name for it)
        let by_address = ["Sep 22 16:00:00 10.0.0.5 app[1]: ERROR job failed", "Sep 22 16:00:00 10.0.0.6 app[1]:   at x"];
        assert_eq!(syslog_bodies(&by_address), None);
    }

    #[test]
    fn a_waiting_goroutine_in_the_journal_or_a_frame_raises_no_error() {
        // a dump of every goroutine says where each stands; behind a syslog header as bare
        assert_eq!(raised_level("Sep 22 16:53:58 master-1 kubelet[13745]: goroutine 35 [chan receive]:"), Level::Other);
        assert_eq!(raised_level("goroutine 35 [chan receive]:"), Level::Other);
        assert_eq!(raised_level("Sep 22 16:53:58 master-1 app[1]: java.lang.IllegalStateException: closed"), Level::Error);
        // nor does a stack that opens with a frame, under the error zap logged
        assert_eq!(raised_level("redis-priv-operator/pkg/logger.ERROR"), Level::Other);
        // a bare exception raises, whether it reads as a function or stands behind a header
        for bare in ["java.lang.NullPointerException", "java.lang.OutOfMemoryError", "Sep 22 16:53:58 master-1 app[1]: java.lang.NullPointerException"] {
            assert_eq!(raised_level(bare), Level::Error, "{bare}");
        }
        // but a Go function named for an error or an exit is a frame
        for frame in ["main.handleError", "app.reportError", "os.Exit"] {
            assert_eq!(raised_level(frame), Level::Other, "{frame}");
        }
    }

    #[test]
    fn ninjas_failed_build_steps_are_errors_counted_where_they_fold() {
        // each board's build fails linking, in ninja's words: the failures fold by message,
        // the marker counts them (and ninja's `build stopped: subcommand failed.` under each,
        // a failure told at no level), and the last one stays
        let mut text = String::new();
        for board in 0..4 {
            for k in 0..60 {
                text += &format!("[{}/300] Building C object zephyr/drivers/CMakeFiles/drv{board}.dir/src{k}.c.obj\n", k + 1);
            }
            text += &format!("FAILED: zephyr/board{board}/zephyr_pre0.elf zephyr/zephyr_pre0.map\nninja: build stopped: subcommand failed.\n");
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("FAILED: zephyr/board0/zephyr_pre0.elf") && c.text.contains("FAILED: zephyr/board3/zephyr_pre0.elf"), "{}", c.text);
        assert!(c.text.lines().any(|l| l.starts_with("[hr ") && l.contains("4 errors")), "{}", c.text);
    }

    #[test]
    fn frames_folded_with_lines_said_above_are_counted_as_a_trace() {
        // pm2's error log: the trace of a second failure to bind, under lines said word for
        // word above; its frames fold with them, and their marker says they are a trace
        let frames: String = ["listenOnPrimaryHandle (node:net:1969:18)", "rr (node:internal/cluster/child:163:12)", "Worker.<anonymous> (node:internal/cluster/child:113:7)", "process.onInternalMessage (node:internal/cluster/utils:49:5)", "process.emit (node:events:531:35)", "emit (node:internal/child_process:951:14)", "process.processTicksAndRejections (node:internal/process/task_queues:83:21)"]
            .iter()
            .map(|f| format!("    at {f}\n"))
            .collect();
        let notice = "2025-12-17 17:42:38: SSL certificates not found. Running in HTTP mode.\n2025-12-17 17:42:38:   PWA features require HTTPS!\n2025-12-17 17:42:38:   Checked paths:\n2025-12-17 17:42:38:     - /etc/letsencrypt/live/connect365.servehttp.com/fullchain.pem\n2025-12-17 17:42:38:     - ./certs/cert.pem\n";
        let text = format!("Error: bind EACCES null:443\n{frames}{notice}Error: bind EACCES null:80\n{frames}2025-12-17 17:42:38: Uncaught Exception: Error: bind EACCES null:80\n{}", &frames[..frames.len() - 1].rsplit_once('\n').unwrap().0);
        let c = compress(&text, &opts());
        let out: Vec<&str> = c.text.lines().collect();
        let at = out.iter().position(|l| crate::marker::span_of(l) == Some((15, 21))).expect(&c.text);
        assert!(out[at].contains("7-line stack trace like one above"), "{}", c.text);
    }

    #[test]
    fn a_repeated_trace_is_counted_at_the_level_its_line_states() {
        // the same trace raised again and again folds with the lines around it; the marker
        // counts it as an error only when its line says error, and as a stack trace otherwise
        let frames: String = (0..8).map(|k| format!("\tat com.acme.Worker.step{k}(Worker.java:{})\n", 20 + k)).collect();
        for (level, counted) in [("WARN ", ", 2 stack traces"), ("ERROR", ", 2 errors")] {
            let mut text = String::new();
            for n in 0..3 {
                text += &format!("2026-11-30 13:16:1{n},254 - INFO  [Worker-1] - job {n} started\n");
                text += &format!("2026-11-30 13:16:1{n},255 - {level} [Worker-1] - Unexpected exception\njava.io.EOFException: closed\n{frames}");
                text += &format!("2026-11-30 13:16:1{n},256 - INFO  [Worker-1] - job {n} ended\n");
            }
            let c = compress(&text, &opts());
            let last = c.text.lines().last().unwrap_or_default();
            assert!(last.starts_with(&format!("[hr 25 lines{counted} ·")), "{level}: {}", c.text);
        }
    }

    #[test]
    fn a_trace_through_the_same_frames_that_raises_another_error_shows_it() {
        // java.util.logging logs `invoice N failed` and the exception under it: the same frames
        // parse `"12.50"` and `"N/A"`, two bad inputs, each one the agent needs to see; the
        // third `"N/A"` is a repeat
        let frames = "\tat java.base/java.lang.Integer.parseInt(Integer.java:668)\n\tat Billing.parseAmount(Billing.java:9)\n\tat Billing.main(Billing.java:20)\n";
        let mut text = String::new();
        for (n, input) in ["12.50", "N/A", "N/A"].iter().enumerate() {
            for k in 0..6 {
                text += &format!("2026-12-04 15:10:3{n}.{k:03} INFO    [com.acme.billing.InvoiceService] invoice {}{k} rendered in {}ms\n", 50 + n, 10 + 7 * k);
            }
            text += &format!("2026-12-04 15:10:3{n}.956 SEVERE  [com.acme.billing.InvoiceService] invoice 54{n}0 failed\njava.lang.NumberFormatException: For input string: \"{input}\"\n{frames}");
        }
        let c = compress(&text, &opts());
        let shown = |said: &str| c.text.lines().filter(|l| *l == said).count();
        assert_eq!(shown("java.lang.NumberFormatException: For input string: \"12.50\""), 1, "{}", c.text);
        assert_eq!(shown("java.lang.NumberFormatException: For input string: \"N/A\""), 1, "{}", c.text);
        // the second's frames are those of the first: they fold
        assert_eq!(c.text.lines().filter(|l| l.contains("Billing.parseAmount")).count(), 1, "{}", c.text);
    }

    #[test]
    fn a_warning_with_another_code_stays() {
        // DISM warns that a source failed, with the HRESULT that says why: another code is
        // another reason, shown once among the repeats of the first
        // (as a field, or after a colon as Windows' own tools write it too, or as their code
        // names it, `hr`)
        for given in ["HRESULT=", "HRESULT: ", "hr = ", "(hr="] {
            let dism = |k: usize, code: &str| format!("2024-02-01 12:0{}:{:02}, Warning                 DISM   DISM Package Manager: PID=7420 TID=4280 CBS AddSource failed with {given}{code}! - CDISMPackageManager::Internal_Finalize\n", k / 60, k % 60);
            let mut text = String::new();
            for k in 0..40 {
                text += &format!("2024-02-01 12:0{}:{:02}, Info                  DISM   DISM Package Manager: PID=7420 TID=4280 Processing step {k} of 80\n", k / 60, k % 60);
                text += &dism(k, if k == 30 { "0x8007007b" } else { "0x8007010b" });
            }
            let c = compress(&text, &opts());
            assert!(c.text.contains(&dism(30, "0x8007007b")), "{}", c.text);
        }
        // `hr` may mean hours: a code only as an HRESULT is written
        assert_eq!(codes_given("retried for 1 hr = 60 min, then 2 hr: 0x8007"), 0);
        assert_ne!(codes_given("Failed to open key (hr:0x80070002)"), 0);
    }

    #[test]
    fn the_line_that_ends_a_journal_messages_traces_stays() {
        // systemd-coredump's report in journalctl: every line under the first indented alike,
        // each thread's stack under its own head, and a line that says what the binary was
        let pad = " ".repeat(44);
        let mut text = String::new();
        for k in 0..30 {
            text += &format!("Mar 09 00:40:{k:02} prts systemd[1]: Started Process Core Dump (PID {}/UID 0).\n", 600 + k);
        }
        text += "Mar 09 00:40:13 prts systemd-coredump[632]: Process 579 (sddm-greeter) of user 970 dumped core.\n";
        for thread in 583..595 {
            text += &format!("{pad}\n{pad}Stack trace of thread {thread}:\n");
            for (f, call) in ["n/a", "pthread_cond_wait", "n/a", "n/a", "start_thread"].iter().enumerate() {
                text += &format!("{pad}#{f}  0x00007f37ae09{:04x} {call} (libc.so.6 + 0x8{:04x})\n", thread * 16 + f, f * 7);
            }
        }
        text += &format!("{pad}ELF object binary architecture: AMD x86-64\n");
        for k in 0..30 {
            text += &format!("Mar 09 00:41:{k:02} prts systemd[1]: systemd-coredump@{k}-631-0.service: Deactivated successfully.\n");
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("\n                                            ELF object binary architecture: AMD x86-64\n"), "{}", c.text);
        // the threads' stacks alike fold
        assert!(c.text.lines().filter(|l| l.contains("pthread_cond_wait")).count() < 3, "{}", c.text);
    }

    #[test]
    fn a_unit_that_ends_with_another_status_stays() {
        // systemd restarts a unit that fails the same way, until it fails another way: the
        // status is the process's end, which says which failure it was
        let mut text = String::new();
        for k in 0..30 {
            let status = if k == 24 { "130/n/a" } else { "127/n/a" };
            text += &format!("Jun 09 10:{k:02}:01 node1 systemd[1]: Starting Emergency Shell...\n");
            text += &format!("Jun 09 10:{k:02}:02 node1 systemd[1]: emergency.service: Main process exited, code=exited, status={status}\n");
            text += &format!("Jun 09 10:{k:02}:02 node1 systemd[1]: emergency.service: Failed with result 'exit-code'.\n");
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("status=130/n/a\n"), "{}", c.text);
        assert!(codes_given("status=200 path=/x") == 0 && codes_given("code=killed, status=9/KILL") != 0);
    }

    #[test]
    fn a_warning_at_another_services_port_stays() {
        // etcd's prober, every five seconds, for each of two peers down: the second peer's
        // refused connection is another backend down, at its own port
        let mut text = String::new();
        for k in 0..40 {
            text += &format!("{{\"level\":\"debug\",\"ts\":\"2023-11-28T16:25:{:02}.263+0800\",\"caller\":\"rafthttp/peer_status.go:66\",\"msg\":\"peer deactivated again\",\"round\":{k}}}\n", k % 60);
            for (peer, port) in [("66b1557372bb03d1", 32380), ("912ccc8fc846261c", 22380)] {
                text += &format!("{{\"level\":\"warn\",\"ts\":\"2023-11-28T16:25:{:02}.263+0800\",\"caller\":\"rafthttp/probing_status.go:68\",\"msg\":\"prober detected unhealthy status\",\"remote-peer-id\":\"{peer}\",\"rtt\":\"0s\",\"error\":\"dial tcp 0.0.0.0:{port}: connect: connection refused\"}}\n", k % 60);
            }
        }
        for k in 0..40 {
            text += &format!("{{\"level\":\"debug\",\"ts\":\"2023-11-28T16:26:{:02}.263+0800\",\"caller\":\"rafthttp/peer_status.go:66\",\"msg\":\"peer deactivated again\",\"round\":{k}}}\n", k % 60);
        }
        let c = compress(&text, &opts());
        for port in ["0.0.0.0:32380", "0.0.0.0:22380"] {
            assert!(c.text.lines().any(|l| !l.starts_with("[hr ") && l.contains(port)), "{port}\n{}", c.text);
        }
        assert!(c.text.len() < text.len() / 4, "{}", c.text);
        // a client's port, which Apache names so, is none of a service's
        assert_eq!(addresses_given("[php:warn] [pid 1772] [client 82.1.1.42:3904] PHP Warning:  Unknown"), 0);
        assert_ne!(addresses_given("[proxy:error] [pid 1772] AH00957: connect to 127.0.0.1:3904 failed"), 0);
    }

    #[test]
    fn a_warning_at_another_hosts_service_stays() {
        // an etcd client's gRPC connections to a cluster's members, each at etcd's port: each
        // member refusing is another peer down
        let peers = ["10.0.195.177", "10.0.187.218", "10.0.189.142"];
        let mut text = String::new();
        for k in 0..40 {
            text += &format!("2021-08-03T09:20:{:02}.521281578Z I0803 09:20:{:02}.521 1 controller.go:81] syncing round {k}\n", k % 60, k % 60);
            for peer in peers {
                text += &format!("2021-08-03T09:20:{:02}.521409581Z WARNING: 2021/08/03 09:20:{:02} grpc: addrConn.createTransport failed to connect to {{https://{peer}:2379  <nil> 0 <nil>}}. Err: connection error: desc = \"transport: Error while dialing dial tcp {peer}:2379: connect: connection refused\". Reconnecting...\n", k % 60, k % 60);
            }
        }
        let c = compress(&text, &opts());
        for peer in peers {
            assert!(c.text.lines().any(|l| !l.starts_with("[hr ") && l.contains(&format!("dial tcp {peer}:2379"))), "{peer}\n{}", c.text);
        }
        assert!(c.text.len() < text.len() / 4, "{}", c.text);
        assert_ne!(addresses_given("dial tcp 10.0.195.177:2379: connect"), addresses_given("dial tcp 10.0.187.218:2379: connect"));
    }

    #[test]
    fn a_warning_that_names_another_thing_stays_while_they_are_few() {
        // MySQL 8 warns of each deprecated setting it was given, at every start: each is a
        // thing to fix. A warning for each of forty files is a list, and folds past the first few
        let settings = ["'expire-logs-days'", "'log_slave_updates'", "'skip_slave_start'", "'wsrep_slave_threads'"];
        let mut text = String::new();
        for start in 0..3 {
            for (k, s) in settings.iter().enumerate() {
                text += &format!("2023-03-12T19:3{start}:05.83{k}493Z 0 [Warning] [MY-011068] [Server] The syntax {s} is deprecated and will be removed in a future release.\n");
            }
            text += &format!("2023-03-12T19:3{start}:05.840728Z 0 [Note] [MY-010949] [Server] Basedir set to /usr/.\n");
        }
        for k in 0..40 {
            text += &format!("2023-03-12T19:40:0{}.000Z 0 [Warning] [MY-010068] [Server] CA certificate ca_{}.pem is self signed.\n", k % 10, ["alpha", "beta", "gamma", "delta", "omega"][k % 5].repeat(1 + k / 5));
        }
        let c = compress(&text, &opts());
        for s in settings {
            assert_eq!(c.text.lines().filter(|l| l.contains(s)).count(), 1, "{s}: {}", c.text);
        }
        let certificates = c.text.lines().filter(|l| l.contains("CA certificate")).count();
        assert_eq!(certificates, WARNINGS_PER_TEMPLATE, "{}", c.text);
        // a namespace's object is a name too (ingress-nginx, one warning per ingress it serves);
        // a file's absolute path is a place, as each of a list is
        let mut text = String::new();
        for k in 0..30 {
            let key = ["keycloak/keycloak-tls", "kiali/kiali-tls", "monitoring/grafana-tls"][k % 3];
            text += &format!("W1204 10:00:{:02}.000000       7 backend_ssl.go:47] Error obtaining X.509 certificate: no object matching key \"{key}\" in local store\n", k);
        }
        for k in 0..30 {
            text += &format!("W1204 10:01:{:02}.500000       7 loader.go:12] skipping unreadable file=\"/etc/conf.d/part-{}.conf\"\n", k, ["alpha", "beta", "gamma", "delta", "omega", "sigma"][k % 6]);
        }
        let c = compress(&text, &opts());
        for key in ["keycloak/keycloak-tls", "kiali/kiali-tls", "monitoring/grafana-tls"] {
            assert!(c.text.contains(key), "{key}: {}", c.text);
        }
        assert_eq!(c.text.lines().filter(|l| l.contains("skipping unreadable file")).count(), 1, "{}", c.text);
    }

    #[test]
    fn the_executor_frames_every_java_trace_ends_with_point_to_the_first() {
        // two different failures on pool threads (Spring's Eureka client): the pool's frames
        // below each are the same seven short lines, a repeat like any other
        let pool = "\tat java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:511)\n\tat java.util.concurrent.FutureTask.run$$$capture(FutureTask.java:266)\n\tat java.util.concurrent.FutureTask.run(FutureTask.java)\n\tat java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1149)\n\tat java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:624)\n\tat java.lang.Thread.run(Thread.java:750)\n";
        let text = format!(
            "2024-11-27 14:43:32.500 ERROR 16832 --- [HeartbeatExecutor-0] c.n.d.DiscoveryClient : was unable to send heartbeat!\ncom.netflix.discovery.shared.transport.TransportException: Cannot execute request on any known server\n\tat com.netflix.discovery.DiscoveryClient.renew(DiscoveryClient.java:893)\n{pool}2024-11-27 14:43:32.552 ERROR 16832 --- [CacheRefreshExecutor-0] c.n.d.DiscoveryClient : was unable to refresh its cache!\njava.net.ConnectException: Connection refused (Connection refused)\n\tat com.netflix.discovery.DiscoveryClient.refreshRegistry(DiscoveryClient.java:1531)\n{pool}2024-11-27 14:43:33.001 INFO 16832 --- [main] c.n.d.DiscoveryClient : Completed shut down of DiscoveryClient\n"
        );
        let c = compress(&text, &opts());
        let out: Vec<&str> = c.text.lines().collect();
        assert_eq!(out[9..12], text.lines().collect::<Vec<_>>()[9..12], "{}", c.text);
        assert!(out[12].starts_with("[hr 6 frames as in L4-9 ·"), "{}", c.text);
        assert_eq!(crate::marker::span_of(out[12]), Some((13, 18)), "{}", c.text);
        assert_eq!(out.len(), 14, "{}", c.text);
    }

    #[test]
    fn frames_pointing_at_a_trace_the_budget_cut_are_cut_too() {
        // the budget cuts the first trace but keeps the short lines after it: the second
        // trace's frames may not point at lines the output no longer shows
        let frames: String = (0..12)
            .map(|i| format!("\tat com.example.service.layer{i}.Handler{i}.process(Handler{i}.java:{})\n", 100 + i))
            .collect();
        let text = format!("java.lang.IllegalStateException: first failure\n{frames}ERROR a\nE: x\n\tat b.C(D:1)\n{frames}INFO done\n");
        let unbudgeted = compress(&text, &opts());
        assert!(unbudgeted.text.contains("[hr 12 frames as in L2-13 ·"), "{}", unbudgeted.text);
        let c = compress(
            &text,
            &Options {
                budget_chars: Some(300),
                ..opts()
            },
        );
        assert!(c.text.contains("\nE: x\n\tat b.C(D:1)\n"), "{}", c.text);
        assert!(!c.text.contains("Handler0"), "{}", c.text);
        assert!(!c.text.contains("as in"), "{}", c.text);
    }

    #[test]
    fn an_error_from_another_host_is_the_same_message_and_from_another_user_another() {
        let hosts = ["218.188.2.4", "220-135-151-1.hinet-ip.hinet.net", "massive.merukuru.org", "n219076184117.netvigator.com"];
        let mut text = String::new();
        for i in 0..40 {
            let user = if i == 30 { "  user=guest" } else { "" };
            text.push_str(&format!(
                "Jun 15 02:04:{:02} combo sshd(pam_unix)[{}]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost={}{user}\n",
                i,
                20000 + i,
                hosts[i % 4]
            ));
        }
        let c = compress(&text, &opts());
        let kept = kept_lines(&c.text);
        // the first failure, the one for another user, and the last of the long run
        assert_eq!(kept.len(), 3, "{}", c.text);
        assert!(kept[1].ends_with("rhost=massive.merukuru.org  user=guest"), "{}", c.text);
        assert!(kept[2].contains("[20039]"), "{}", c.text);
    }

    #[test]
    fn an_error_whose_field_names_another_type_of_error_is_another_message() {
        // `exception=java.io.IOException` names what failed, as a class name does; only the
        // middle of the run shows it
        let mut text = String::new();
        for i in 0..60 {
            let e = if (20..30).contains(&i) { "java.io.IOException" } else { "java.lang.NullPointerException" };
            text.push_str(&format!("2024-01-01 10:00:{i:02} ERROR [worker-{}] job {} failed exception={e} attempt={}\n", i % 3, 1000 + i, i % 4));
            text.push_str(&format!("2024-01-01 10:00:{i:02} INFO [worker-{}] job {} retry scheduled in {} ms\n", i % 3, 1000 + i, i * 7));
        }
        let c = compress(&text, &opts());
        assert!(kept_lines(&c.text).iter().any(|l| l.contains("exception=java.io.IOException")), "{}", c.text);
        assert!(holds_value("218.188.2.4") && holds_value("massive.merukuru.org") && holds_value("12ms"));
        assert!(!holds_value("org.h2.jdbc.JdbcSQLException") && !holds_value("io.EOF") && !holds_value("guest"));
    }

    #[test]
    fn every_state_a_watcher_reports_stays_however_many_there_are() {
        let states = ["Pending", "ContainerCreating", "Running", "Succeeded", "Failed", "Unknown", "Terminating", "Completed", "Evicted", "OOMKilled", "CrashLoopBackOff", "ImagePullBackOff"];
        let mut text = String::new();
        for i in 0..240 {
            text.push_str(&format!("2024-05-01 10:{:02}:{:02} INFO watcher - polled cluster generation {i}\n", i / 60, i % 60));
            if i % 20 == 0 {
                // each pod reports its phase once
                let state = states[i / 20];
                text.push_str(&format!("2024-05-01 10:{:02}:{:02} INFO watcher - pod web-{i} phase {state}\n", i / 60, i % 60));
            }
        }
        let c = compress(&text, &opts());
        for state in states {
            assert!(kept_lines(&c.text).iter().any(|l| l.ends_with(&format!(" phase {state}"))), "{state}: {}", c.text);
        }
    }

    #[test]
    fn a_logfmt_record_folds_new_values_and_shows_each_new_message() {
        let mut text = String::new();
        // 30 pods, each named once
        let apps: Vec<String> = (0..30u8).map(|i| format!("pod{}{}", (b'a' + i % 26) as char, (b'a' + i / 26) as char)).collect();
        for (i, app) in apps.iter().enumerate() {
            let msg = if i == 17 { "Removing target" } else { "tail routine: started" };
            text.push_str(&format!(
                "ts=2024-04-16T15:10:{:02}.55Z caller=tailer.go:147 level=info component=tailer msg=\"{msg}\" key=\"{{app={app}, container=main}}\"\n",
                i % 60,
            ));
        }
        let c = compress(&text, &opts());
        let kept = kept_lines(&c.text);
        // the label sets name one pod each, a new one in every line: names that turn over are
        // values, and fold from the first (known once the whole log is read); another message
        // is another event
        assert_eq!(kept.len(), 2, "{}", c.text);
        assert!(kept[1].contains("msg=\"Removing target\""), "{}", c.text);
    }

    #[test]
    fn json_errors_that_differ_in_a_generated_request_id_are_one_message() {
        // Nextcloud logs each request's error with its own `reqId`: level 3 is an error, and
        // the same warning on every request is one message, however the ids differ
        let id = |i: usize| format!("wa{}HadM{:03}UeNU{}VQ{}ef", (b'a' + (i % 26) as u8) as char, 100 + i, i % 7, i % 9);
        let mut text = String::new();
        for i in 0..40 {
            let msg = if i == 25 { "Could not connect to the database" } else { "You are using a fallback implementation of the intl extension" };
            text.push_str(&format!(
                "{{\"reqId\":\"{}\",\"level\":3,\"time\":\"2019-01-20T00:38:{:02}+00:00\",\"app\":\"PHP\",\"method\":\"GET\",\"message\":\"{msg}\"}}\n",
                id(i),
                i % 60
            ));
        }
        let c = compress(&text, &opts());
        let kept = kept_lines(&c.text);
        // the first of each message, the other message, and the last of a long run
        assert!(kept.len() <= 4, "{}", c.text);
        assert!(kept.iter().any(|l| l.contains("Could not connect to the database")), "{}", c.text);
    }

    #[test]
    fn a_jobs_failure_on_another_file_is_one_message_and_a_requests_on_another_path_another() {
        // structlog: a job that fails the same way on each file it reads names the file in
        // `path`, as an access record names its request's path
        let packages = ["apt", "aptsources", "argcomplete", "attrs", "blinker", "certifi", "compose", "crcmod", "cupshelpers", "dbus", "distro", "docker", "idna", "jinja2", "markupsafe", "netaddr", "pyparsing", "requests", "yaml", "zipp"];
        let mut job = String::new();
        let mut api = String::new();
        for (i, p) in packages.iter().enumerate() {
            job.push_str(&format!("{{\"event\": \"file verified\", \"path\": \"/usr/lib/python3/dist-packages/{p}/x.py\", \"level\": \"info\", \"timestamp\": \"2026-12-06T19:12:{i:02}.818861Z\"}}\n"));
            job.push_str(&format!("{{\"event\": \"duplicate verification record\", \"path\": \"/usr/lib/python3/dist-packages/{p}/__init__.py\", \"level\": \"error\", \"timestamp\": \"2026-12-06T19:12:{i:02}.818861Z\"}}\n"));
            api.push_str(&format!("{{\"msg\": \"request done\", \"method\": \"GET\", \"path\": \"/api/{p}\", \"status\": 200, \"level\": \"info\"}}\n"));
            api.push_str(&format!("{{\"msg\": \"request failed\", \"method\": \"GET\", \"path\": \"/{p}/items\", \"level\": \"error\"}}\n"));
        }
        // (and a handler's failures on each path, Go's slog with no method beside them)
        let slog: String = packages.iter().map(|p| format!("level=error msg=\"handler failed\" path=/api/{p} err=timeout\n")).collect();
        let shown = |text: &str, what: &str| kept_lines(&compress(text, &opts()).text).iter().filter(|l| l.contains(what)).count();
        // the first and the last of the job's failures
        assert_eq!(shown(&job, "duplicate verification record"), 2);
        // each failed request's path
        assert_eq!(shown(&api, "request failed"), packages.len());
        assert_eq!(shown(&slog, "handler failed"), packages.len());
    }

    #[test]
    fn a_line_of_two_records_run_together_is_not_folded_as_the_first() {
        // a logger that wrote no newline between two records: the second one says something
        // of its own, which a fold of the first record's repeats would hide
        let mut text = String::new();
        for i in 0..40 {
            text.push_str(&format!(r#"{{"sequence":{i},"level":"DEBUG","target":"fsm","message":"Render completed in 0ms","duration_us":{}}}"#, 200 + i * 7));
            if i == 25 {
                text.push_str(r#"{"sequence":999,"level":"INFO","target":"fsm::tasks","message":"Size calculation completed successfully"}"#);
            }
            text.push('\n');
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("Size calculation completed successfully"), "{}", c.text);
    }

    #[test]
    fn a_logfmt_record_behind_a_compose_tag_folds_as_a_record() {
        // `docker compose logs` puts the service's name before each line: the record behind it
        // is read as one without it, so its migrations fold as the values of one event
        let steps = ["create {} table", "add unique index {}.login", "drop index UQE_{}_email - v1", "Rename table {} to {}_v1 - v1",
                     "Update {} table charset", "Add missing {} data", "create index IDX_temp_{}_code - v1-7", "Migrate all Read Only {} to Viewers"];
        let things = ["user", "org", "star", "dashboard", "alert", "team"];
        let mut text = String::new();
        for i in 0..48 {
            text.push_str(&format!(
                "grafana-server  | t=2025-05-02T11:21:{:02}+0000 lvl=info msg=\"Executing migration\" logger=migrator id=\"{}\"\n",
                i % 60,
                steps[i % steps.len()].replace("{}", things[i / steps.len()])
            ));
        }
        text.push_str("grafana-server  | t=2025-05-02T11:21:59+0000 lvl=info msg=\"HTTP Server Listen\" logger=http.server address=0.0.0.0:3000\n");
        let c = compress(&text, &opts());
        let kept = kept_lines(&c.text);
        assert!(kept.len() <= 4, "{}", c.text);
        assert!(kept.last().unwrap().contains("HTTP Server Listen"), "{}", c.text);
    }

    #[test]
    fn a_rare_text_among_recurring_ones_stays_whatever_digits_it_holds() {
        // a handful of commands, again and again, and one run once: texts that recur are
        // events, so the new one is another event, though it holds digits as an id would
        let commands = ["cat /etc/os-release", "systemctl status nginx", "docker ps -a", "df -h", "ls -la /srv", "tail -n 50 /var/log/syslog"];
        let mut text = String::new();
        for i in 0..150 {
            let command = if i == 61 { "chmod 777 /etc/shadow" } else { commands[i * 7 % commands.len()] };
            text.push_str(&format!(
                "time=2026-11-30T10:{:02}:{:02}.000Z level=info msg=\"sudo command\" user=deploy command=\"{command}\"\n",
                i / 60,
                i % 60
            ));
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("chmod 777 /etc/shadow"), "{}", c.text);
        assert!(kept_lines(&c.text).len() <= 8, "{}", c.text);
    }

    #[test]
    fn every_distinct_reason_a_warning_gives_stays() {
        // one reason again and again, then a dozen others once each: more than a field holds
        // before its values read as arguments, and they turn over, but a warning's reasons are
        // no names
        let reasons = [
            "tls handshake failure", "upstream reset before headers", "connection reset by peer",
            "certificate has expired", "no such host", "token signature invalid", "broken pipe",
            "server misbehaving", "quota exhausted for tenant", "redis pool timeout",
            "schema validation failed", "request entity too large",
        ];
        let mut text = String::new();
        for i in 0..72 {
            let err = if i < 60 { "context deadline exceeded" } else { reasons[i - 60] };
            text.push_str(&format!(
                "ts=2026-11-30T10:{:02}:{:02}.000Z level=warn caller=client.go:211 msg=\"request to upstream failed\" err=\"{err}\"\n",
                i / 60,
                i % 60
            ));
        }
        let c = compress(&text, &opts());
        for r in reasons {
            assert!(c.text.contains(r), "{r}: {}", c.text);
        }
    }

    #[test]
    fn markers_give_a_count_and_a_range_only_where_more_would_not_help() {
        let text = server_log();
        let c = compress(&text, &opts());
        for m in c.text.lines().filter(|l| l.starts_with("[hr ")).skip(1) {
            // `[hr 12 like above L3-14]`, `[hr 40 L3-42]`: no template or level counts, no
            // noun for plain lines beside their range (`[hr 40 lines · 10:01 to 10:44 L3-42]`
            // names them), no restore command after the first marker
            let re = re!(r"^\[hr [\d,]+(( like above|-line stack trace like one above)?( · [^·]+)*| lines( · [^·]+)+) L\d+(-\d+)?\]$");
            assert!(re.is_match(m), "{m}");
        }
    }

    #[test]
    fn a_short_run_between_kept_lines_stays_rather_than_pay_for_a_marker() {
        let mut text = String::new();
        for i in 0..12 {
            text.push_str(&format!("2024-01-02 10:00:{i:02} INFO worker polled the queue\n"));
            let word: String = [b'a' + (i / 26) as u8, b'a' + (i % 26) as u8, b'q'].iter().map(|&b| b as char).collect();
            // (the word names the event: an argument that takes many values would fold, see
            // a_level_stamped_event_folds_its_arguments_but_never_its_name)
            text.push_str(&format!("2024-01-02 10:00:{i:02} {word} happened once\n"));
        }
        let c = compress(&text, &opts());
        // one repeat between two one-off lines is shorter than nine markers: it stays
        assert!(!c.text.contains("[hr "), "{}", c.text);
        assert_eq!(c.text, text);
        // a long run of repeats pays for its marker
        let mut text = String::from("2024-01-02 10:00:00 INFO start\n");
        for i in 0..30 {
            text.push_str(&format!("2024-01-02 10:00:{i:02} INFO worker polled the queue\n"));
        }
        text.push_str("2024-01-02 10:01:00 INFO stop\n");
        let c = compress(&text, &opts());
        assert_eq!(c.text.lines().count(), 4, "{}", c.text);
        assert!(c.text.lines().nth(2).unwrap().starts_with("[hr 29 like above · hr expand abcdef012345 --lines 3-31]"), "{}", c.text);
    }

    #[test]
    fn a_new_word_that_recurs_is_a_value_and_a_rare_one_an_event() {
        let mut text = String::new();
        let daemons = ["cupsd", "crond", "sshd", "ntpd"];
        for i in 0..60 {
            // each daemon's first start is a variant of one template; the daemons recur
            text.push_str(&format!(
                "Jun 14 15:16:{:02} combo {} startup succeeded after a routine restart\n",
                i % 60,
                daemons[i % 4]
            ));
            if i == 30 {
                text.push_str("Jun 14 15:16:30 combo portmap startup succeeded after a routine restart\n");
            }
        }
        let c = compress(&text, &opts());
        let kept = kept_lines(&c.text);
        // the word seen once stays; the recurring daemons fold after the first line
        assert!(kept.iter().any(|l| l.contains("portmap")), "{}", c.text);
        assert!(!kept.iter().any(|l| l.contains("ntpd")), "{}", c.text);
        assert!(kept.len() <= 4, "{}", c.text);
    }

    #[test]
    fn a_class_among_classes_is_a_value_and_a_key_of_settings_an_event() {
        // AspectJ's weaver names each join point it advised: one more class and method of the
        // project, as a stack frame names one
        let classes = ["Region", "Screen", "Keyboard", "Mouse", "Environment", "Application"];
        let methods = ["click", "find", "type", "move", "paste", "open", "close", "wait"];
        let advice = ["before", "after", "around"];
        let mut text = String::new();
        for i in 0..60 {
            let (class, method) = (classes[i % 6], methods[(i / 6) % 8]);
            text.push_str(&format!(
                "[INFO] Join point 'method-execution(void org.sakuli.actions.{class}.{method}())' in Type 'org.sakuli.actions.{class}' ({class}.java:{}) advised by {} advice from 'org.sakuli.aop.{class}Aspect' ({class}Aspect.java:{})\n",
                100 + i,
                advice[i % 3],
                40 + i % 7
            ));
        }
        // a key of settings in lower case says what the line is about (Hadoop's deprecations)
        let keys = [
            ("mapred.tip.id", "mapreduce.task.id"),
            ("mapred.task.id", "mapreduce.task.attempt.id"),
            ("mapred.task.is.map", "mapreduce.task.ismap"),
            ("mapred.job.id", "mapreduce.job.id"),
            ("mapred.task.partition", "mapreduce.task.partition"),
        ];
        for (old, new) in keys {
            text.push_str(&format!("17/06/09 20:10:41 INFO Configuration.deprecation: {old} is deprecated. Instead, use {new}\n"));
        }
        let c = compress(&text, &opts());
        let kept = kept_lines(&c.text);
        assert!(kept.iter().filter(|l| l.contains("Join point")).count() <= 6, "{}", c.text);
        for (key, _) in keys {
            assert!(kept.iter().any(|l| l.contains(&format!(" {key} "))), "{key}: {}", c.text);
        }
    }

    /// User agents of four lengths in words (1, 5, 8, 7): a quoted value of several words.
    const AGENTS: [&str; 4] = [
        "curl/8.5.0",
        "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Version/17.5 Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edge/120.0",
    ];

    #[test]
    fn a_line_whose_length_no_other_line_of_its_template_shares_stays() {
        // masking makes each list one token, so these records are one template; by their
        // number of words (how Drain groups lines first), an empty list where the others hold
        // a value is an event seen once, and a length that two records share is a value
        let types = [
            "text/html; charset=utf-8",
            "text/css; charset=utf-8",
            "application/json; charset=utf-8",
            "text/javascript; charset=utf-8",
        ];
        let mut text = String::new();
        for i in 0..60 {
            let ty = match i {
                26 | 40 | 44 => "[]".to_string(),
                _ => format!("[\"{}\"]", types[i % 4]),
            };
            text.push_str(&format!(
                concat!(
                    "{{\"level\":\"info\",\"msg\":\"handled request\",\"method\":\"GET\",",
                    "\"uri\":\"/static/app.{}.js\",\"port\":{},\"agent\":[\"{}\"],\"type\":{}}}\n"
                ),
                i,
                36000 + i,
                AGENTS[i % 4],
                ty
            ));
        }
        let c = compress(&text, &opts());
        let kept = kept_lines(&c.text);
        // the Safari request with no type is the only one of its length
        assert!(kept.iter().any(|l| l.contains("app.26.js")), "{}", c.text);
        // two curl requests with no type share theirs, like the requests with a type
        for i in [27, 40, 44] {
            let uri = format!("app.{i}.js");
            assert!(!kept.iter().any(|l| l.contains(&uri)), "{i}: {}", c.text);
        }
        assert!(kept.len() <= 6, "{}", c.text);
    }

    #[test]
    fn an_access_line_whose_agent_gives_it_a_length_of_its_own_stays() {
        // a quoted agent is one token to the miner and soon a wildcard; its words still count
        let bot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
        let mut text = String::new();
        for i in 0..60 {
            text.push_str(&format!(
                "10.0.0.{} - - [29/Nov/2026:17:42:{:02} +0000] \"GET /docs/page{i}.html HTTP/1.1\" 200 {} \"-\" \"{}\"\n",
                i % 7,
                i,
                100 + i,
                if i == 33 { bot } else { AGENTS[i % 4] }
            ));
        }
        let c = compress(&text, &opts());
        let kept = kept_lines(&c.text);
        assert!(kept.iter().any(|l| l.contains("page33.html")), "{}", c.text);
        assert!(!kept.iter().any(|l| l.contains("page32.html") || l.contains("page34.html")), "{}", c.text);
        assert!(kept.len() <= 4, "{}", c.text);
    }

    #[test]
    fn a_klog_error_among_its_info_lines_stays() {
        // Kubernetes components write the level as the letter before the date: the same
        // message logged as `E` is an error, not a repeat of the `I` lines
        let mut text = String::new();
        for i in 0..40 {
            text.push_str(&format!("I1130 10:00:{:02}.{:06}       1 server.go:58] served request {i} in {} ms\n", i, i * 7, i % 9 + 1));
        }
        text.push_str("E1130 10:00:41.000123       1 server.go:58] served request 41 in 9000 ms\n");
        for i in 42..60 {
            text.push_str(&format!("I1130 10:00:{:02}.{:06}       1 server.go:58] served request {i} in {} ms\n", i, i * 7, i % 9 + 1));
        }
        let c = compress(&text, &opts());
        let kept = kept_lines(&c.text);
        assert!(kept.iter().any(|l| l.starts_with("E1130 10:00:41")), "{}", c.text);
        assert!(kept.len() <= 3, "{}", c.text);
    }

    #[test]
    fn a_plan_fits_by_what_stays_of_the_mined_lines() {
        let name = |i: usize| -> String { (0..3).map(|k| (b'a' + (i / 26usize.pow(k) % 26) as u8) as char).collect() };
        let held_fits = |text: &str, room: usize, held: usize| {
            let lines = crate::lines::split(text);
            let mut miner = Miner::within(usize::MAX);
            let roles = mine(&lines, &lines, &lines.lines, None, None, &mut miner, None);
            plan_fits(&lines, &lines.lines, &roles, &miner, room, held)
        };
        let fits = |text: &str, room: usize| held_fits(text, room, 0);
        // every line an error of its own: each stays, with its piece, its message and its bytes
        // (in the output and in its copy out)
        let text: String = (0..2000).map(|i| format!("2024-01-02 10:00:00 ERROR {} failed\n", name(i))).collect();
        let need = 2000 * (MINED_BYTES + KEPT_BYTES + MESSAGE_BYTES + SAID_BYTES) + 2 * text.len();
        assert!(fits(&text, need));
        assert!(!fits(&text, need - 1));
        // a copy of the input without its escapes is gone before the output is written: the
        // larger of the two counts
        assert!(held_fits(&text, need, text.len()));
        assert!(held_fits(&text, need + text.len(), 3 * text.len()));
        assert!(!held_fits(&text, need + text.len() - 1, 3 * text.len()));
        // a log of repeats holds its roles and little more
        let text = "2024-01-02 10:00:00 INFO worker polled the queue\n".repeat(2000);
        assert!(fits(&text, 2000 * MINED_BYTES + 1000));
        // repeated warnings, errors and their traces fold as the plan folds them: the first
        // of each stays, not every line
        let text: String = (0..2000)
            .map(|i| {
                format!(
                    "2024-01-02 10:00:{:02} WARN pool {i} is slow\n2024-01-02 10:00:{:02} ERROR request {i} failed\n\
                     java.lang.IllegalStateException: closed\n\tat com.x.Pool.get(Pool.java:12)\n\tat com.x.Api.run(Api.java:40)\n",
                    i % 60,
                    i % 60
                )
            })
            .collect();
        let lines = 5 * 2000;
        assert!(fits(&text, lines * MINED_BYTES + 2000 * (MESSAGE_BYTES + SAID_BYTES) + 10_000));
        // so does one error repeated: its message is held once, not a message per line
        let text = "2024-01-02 10:00:00 ERROR connection to db-1 refused\n".repeat(2000);
        assert!(fits(&text, 2000 * MINED_BYTES + 1000));
    }

    #[test]
    fn lines_far_shorter_than_events_are_folded_by_the_streaming_folder() {
        let too_many = |text: &str, escaped| too_many_lines(text.matches('\n').count(), text.len(), escaped);
        let text = "a\n".repeat(FREE_LINES + 1);
        assert!(too_many(&text, false));
        assert!(crate::lines::split_scanning(&text, most_lines(text.len())).is_none(), "not split past the bound");
        assert_eq!(compress(&text, &opts()), crate::fold::compress(&text, &opts()));
        // as many lines of log length are mined
        let line = "2024-01-02 10:00:00 INFO worker polled the queue\n";
        assert!(!too_many(&line.repeat(FREE_LINES + 1), false));
        assert!(!too_many(&"a\n".repeat(FREE_LINES), false));
        // a coloured line of 32 bytes is mined through a copy: its state has half the room
        let coloured = "\x1b[32m07:06:59 INFO served 1\x1b[0m\n";
        let text = coloured.repeat(FREE_LINES + 1);
        assert!(!too_many(&text, false));
        assert!(too_many(&text, true));
        assert_eq!(compress(&text, &opts()), crate::fold::compress(&text, &opts()));
        // the bound on lines held while they are split is never below theirs
        for size in [0, 1 << 20, 1 << 30] {
            let most = most_lines(size);
            assert!(too_many_lines(most + 1, size, false) && too_many_lines(most + 1, size, true));
        }
    }

    #[test]
    fn failed_syscalls_on_other_paths_are_one_message() {
        let mut text = String::new();
        for i in 0..30 {
            text.push_str(&format!("4817  getpid() = {}\n", 4000 + i));
            for dir in ["/usr/local/bin", "/root/.cargo/bin", "/opt/tool/bin", "/usr/sbin"] {
                text.push_str(&format!(
                    "4817  newfstatat(AT_FDCWD, \"{dir}/cat{i}\", 0x7fff87fd2f90, 0) = -1 ENOENT (No such file or directory)\n"
                ));
            }
        }
        text.push_str("4817  openat(AT_FDCWD, \"/etc/shadow\", O_RDONLY) = -1 EACCES (Permission denied)\n");
        let c = compress(&text, &opts());
        let kept = kept_lines(&c.text);
        let enoent = kept.iter().filter(|l| l.contains("ENOENT")).count();
        // the first and the last of the run, not one per folder
        assert_eq!(enoent, 2, "{}", c.text);
        assert!(kept.iter().any(|l| l.contains("EACCES")), "{}", c.text);
    }

    #[test]
    fn what_a_traced_program_writes_to_stderr_stays_among_reads_of_texts() {
        // `strace -f` of a Python program that ran `ls /nonexistent` under pyenv's shims: the
        // shells read their scripts, a new text each time (texts that turn over, as names do);
        // a write has the same shape but is another call, and what the program said stays
        let text = r##"20571 read(3, "# if virtualenv is created with "..., 2416) = 2416
20557 read(255, "PYENV_BIN_PATH=\"${PYENV_COMMAND_"..., 1556) = 392
20593 read(255, "#!/usr/bin/env bash\n# Summary: L"..., 1244) = 1244
20593 fcntl(2, F_DUPFD, 10)             = 11
20593 openat(AT_FDCWD, "/usr/share/locale/C/LC_MESSAGES/bash.mo", O_RDONLY) = -1 ENOENT (No such file or directory)
20593 write(2, "/root/.pyenv/libexec/pyenv-hooks"..., 221) = 221
20593 read(255, "\nIFS=: hook_paths=($PYENV_HOOK_P"..., 1244) = 194
20595 pipe2([3, 4], 0)                  = 0
20593 read(255, "shopt -u nullglob\n", 1244) = 18
20557 read(3, "PYENV_PIP_REHASH_ROOT=\"${BASH_SO"..., 667) = 667
20557 read(3, "# Added by the image: certifi"..., 8192) = 717
20557 read(4, "-----BEGIN CERTIFICATE-----\nMIID"..., 1169) = 1168
20557 read(3, "import os; var = 'SETUPTOOLS_USE"..., 8192) = 151
20598 close_range(5, 2147483647, 0)     = 0
20598 openat(AT_FDCWD, "/usr/lib/locale/locale-archive", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)
20598 read(3, "# Locale name alias data base.\n#"..., 4096) = 2996
20598 read(3, "", 4096)                 = 0
20598 futex(0x7f6612565a4c, FUTEX_WAKE_PRIVATE, 2147483647) = 0
20598 openat(AT_FDCWD, "/usr/lib/locale/C.UTF-8/LC_MEASUREMENT", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)
20598 openat(AT_FDCWD, "/usr/share/locale/C.utf8/LC_MESSAGES/libc.mo", O_RDONLY) = -1 ENOENT (No such file or directory)
20598 openat(AT_FDCWD, "/usr/share/locale/C/LC_MESSAGES/libc.mo", O_RDONLY) = -1 ENOENT (No such file or directory)
20598 write(2, ": No such file or directory", 27) = 27
20598 write(2, "\n", 1)                 = 1
"##;
        let c = compress(text, &opts());
        let kept = kept_lines(&c.text);
        assert!(kept.iter().any(|l| l.contains("\": No such file or directory\"")), "{}", c.text);
    }

    #[test]
    fn a_text_read_after_many_binary_reads_stays() {
        // `strace -tt` of a Python program under pyenv's shims: reads of scripts, then of .pyc
        // and ELF files (their bytes escaped, a quote among them as `\"`), then of a text again
        let text = r###"16:56:30.629132 read(3, "#!/usr/bin/env bash\nset -e\n[ -n \"$PYENV_DEBUG\" ] && set -x\n\nprogram=\"${0##*/}\"\n\n", 80) = 80
16:56:30.633526 read(3, "# Locale name alias data base.\n# Copyright (C) 1996-2022 Free Software Foundation, Inc.\n#\n# This pro"..., 4096) = 2996
16:56:30.652689 read(3, "#!/usr/bin/env bash\nset -e\n\nif [ \"$1\" = \"--debug\" ]; then\n  export PYENV_DEBUG=1", 80) = 80
16:56:30.653472 read(255, "#!/usr/bin/env bash\nset -e\n\nif [ \"$1\" = \"--debug\" ]; then\n  export PYENV_DEBUG=1\n  shift\nfi\n\nif [ -n"..., 3341) = 3341
16:56:30.657597 read(255, "\nif [ -z \"${PYENV_ROOT}\" ]; then\n  PYENV_ROOT=\"${HOME}/.pyenv\"\nelse\n  PYENV_ROOT=\"${PYENV_ROOT%/}\"\nf"..., 3341) = 2179
16:56:30.663458 read(255, "_PYENV_INSTALL_PREFIX=\"${_PYENV_INSTALL_PREFIX%/*}\"\n\nexport _PYENV_INSTALL_PREFIX\n\nfor plugin_bin in"..., 3341) = 1759
16:56:30.688296 read(3, "#!/usr/bin/env bash\n#\n# Summary: Run an executable with the selected Python vers", 80) = 80
16:56:30.689045 read(255, "#!/usr/bin/env bash\n#\n# Summary: Run an executable with the selected Python version\n#\n# Usage: pyenv"..., 1556) = 1556
16:56:30.699933 read(255, "PYENV_COMMAND=\"$1\"\n\nif [ -z \"$PYENV_COMMAND\" ]; then\n  pyenv-help --usage exec >&2\n  exit 1\nfi\n\nif ["..., 1556) = 914
16:56:30.727814 read(255, "PYENV_BIN_PATH=\"${PYENV_COMMAND_PATH%/*}\"\n\nexport PYENV_VERSION\n\nOLDIFS=\"$IFS\"\nIFS=$'\\n' scripts=(`p"..., 1556) = 392
16:56:30.727932 pipe2([3, 4], 0)        = 0
16:56:30.733703 read(3, "PYENV_PIP_REHASH_ROOT=\"${BASH_SOURCE[0]%/*}/pip-rehash\"\nPYENV_REHASH_COMMAND=\"${PYENV_COMMAND##*/}\"\n"..., 667) = 667
16:56:30.760557 read(3, "# Added by the image: point requests and pip at the system certificate bundle (certifi.pth). "..., 8192) = 717
16:56:30.763490 read(4, "\247\r\r\n\0\0\0\0\332\340\rj^\0\0\0\343\0\0\0\0\0\0\0\0\0\0\0\0\2\0\0\0\0\0\0\0\363\"\0\0\0\227\0d\0d\1l\0m\1Z\1m\2Z\2\1\0d\2d\3g\2Z\3d\4Z\4d\5S\0)\6\351\1\0\0\0)\2\332\10contents\332\5whe"..., 329) = 328
16:56:30.763568 read(4, "", 1)          = 0
16:56:30.799013 read(4, "\177ELF\2\1\1\0\0\0\0\0\0\0\0\0\3\0>\0\1\0\0\0\0\0\0\0\0\0\0\0@\0\0\0\0\0\0\0\200\231\2\0\0\0\0\0\0\0\0\0@\08\0\t\0@\0%\0$\0\1\0\0\0\4\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0@\36\0\0"..., 832) = 832
16:56:30.800277 read(4, "\177ELF\2\1\1\0\0\0\0\0\0\0\0\0\3\0>\0\1\0\0\0\0\0\0\0\0\0\0\0@\0\0\0\0\0\0\0\300\322\1\0\0\0\0\0\0\0\0\0@\08\0\t\0@\0\34\0\33\0\1\0\0\0\4\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\200\"\0\0"..., 832) = 832
16:56:31.130426 read(3, "ats (e.g. decimal.Decimal).\n\n    ``parse_int``, if specified, will be called with the string\n    of "..., 8192) = 1732
"###;
        let c = compress(text, &opts());
        assert!(kept_lines(&c.text).iter().any(|l| l.contains("parse_int")), "{}", c.text);
    }

    #[test]
    fn a_replica_s_warning_stays_among_its_master_s() {
        // Redis opens each line with `pid:role`: M a master, S a replica, C a child
        let warning = "# WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition.";
        let text = format!(
            "28217:M 30 Nov 2026 16:54:09.557 {warning}\n28238:M 30 Nov 2026 16:54:22.790 {warning}\n\
             28239:M 30 Nov 2026 16:54:23.790 {warning}\n28224:S 30 Nov 2026 16:54:09.563 {warning}\n"
        );
        let c = compress(&text, &opts());
        assert!(kept_lines(&c.text).iter().any(|l| l.starts_with("28224:S")), "{}", c.text);
        // a replica's own line whose shape recurs: its first stays as a template's first line
        let failed = |who: &str, ms: u32| format!("{who} 30 Nov 2026 18:09:57.{ms:03} - Connection with Node 817c at 127.0.0.1:17101 failed: Connection refused\n");
        let text: String = [failed("20900:M", 575), failed("20900:M", 675)].into_iter().chain((0..4).map(|i| failed("20908:S", 100 * i))).collect();
        let c = compress(&text, &opts());
        assert!(kept_lines(&c.text).iter().any(|l| l.starts_with("20908:S")), "{}", c.text);
    }

    #[test]
    fn a_csv_log_s_messages_are_texts() {
        // PostgreSQL's csvlog: the message is a quoted text inside one long token of fields;
        // after 16 messages its position must not turn into a wildcard, or a crash folds
        let text = r###"2026-11-30 18:07:34.728 UTC,"postgres","bench",17295,"[local]",6b0dbb65.438f,3,"COMMIT",2026-11-30 18:07:33 UTC,3/0,0,LOG,00000,"duration: 1502.789 ms  statement: begin; lock table pgbench_branches in access exclusive mode; select pg_sleep(1.5); commit;",,,,,,,,,"psql","client backend",,0
2026-11-30 18:07:34.732 UTC,"postgres","bench",17300,"[local]",6b0dbb65.4394,5,"SELECT",2026-11-30 18:07:33 UTC,4/0,0,LOG,00000,"duration: 1211.273 ms  statement: select count(*) from pgbench_branches",,,,,,,,,"psql","client backend",,0
2026-11-30 18:07:34.761 UTC,"postgres","bench",17311,"[local]",6b0dbb66.439f,3,"SELECT",2026-11-30 18:07:34 UTC,3/9453,0,ERROR,42P01,"relation ""nosuchtable"" does not exist",,,,,,"select * from nosuchtable",15,,"psql","client backend",,0
2026-11-30 18:07:34.787 UTC,"postgres","bench",17313,"[local]",6b0dbb66.43a1,3,"SELECT",2026-11-30 18:07:34 UTC,3/9455,0,ERROR,22012,"division by zero",,,,,,"select 1/0",,,"psql","client backend",,0
2026-11-30 18:07:34.813 UTC,"postgres","nodb",17315,"[local]",6b0dbb66.43a3,2,"authentication",2026-11-30 18:07:34 UTC,3/9456,0,LOG,00000,"connection authorized: user=postgres database=nodb application_name=psql",,,,,,,,,"","client backend",,0
2026-11-30 18:07:34.813 UTC,"postgres","nodb",17315,"[local]",6b0dbb66.43a3,3,"startup",2026-11-30 18:07:34 UTC,3/9456,0,FATAL,3D000,"database ""nodb"" does not exist",,,,,,,,,"","client backend",,0
2026-11-30 18:07:40.382 UTC,,,14528,,6b0dbb39.38c0,3,,2026-11-30 18:06:49 UTC,,0,LOG,00000,"checkpoint starting: immediate force wait",,,,,,,,,"","checkpointer",,0
2026-11-30 18:07:40.400 UTC,,,14528,,6b0dbb39.38c0,4,,2026-11-30 18:06:49 UTC,,0,LOG,00000,"checkpoint complete: wrote 2533 buffers (15.5%); 0 WAL file(s) added, 0 removed, 3 recycled; write=0.013 s, sync=0.002 s, total=0.018 s; sync files=27, longest=0.001 s, average=0.001 s; distance=38037 kB, estimate=70071 kB",,,,,,,,,"","checkpointer",,0
2026-11-30 18:07:40.400 UTC,"postgres","bench",17416,"[local]",6b0dbb6c.4408,3,"CHECKPOINT",2026-11-30 18:07:40 UTC,3/0,0,LOG,00000,"duration: 47.043 ms  statement: checkpoint",,,,,,,,,"psql","client backend",,0
2026-11-30 18:07:40.427 UTC,"postgres","bench",17418,"[local]",6b0dbb6c.440a,3,"INSERT",2026-11-30 18:07:40 UTC,3/9484,74889,ERROR,23505,"duplicate key value violates unique constraint ""pgbench_branches_pkey""","Key (bid)=(1) already exists.",,,,,"insert into pgbench_branches values (1, 0, 'x')",,,"psql","client backend",,0
2026-11-30 18:07:40.453 UTC,,,17420,"[local]",6b0dbb6c.440c,1,"",2026-11-30 18:07:40 UTC,,0,LOG,00000,"connection received: host=[local]",,,,,,,,,"","not initialized",,0
2026-11-30 18:07:40.454 UTC,"postgres","bench",17420,"[local]",6b0dbb6c.440c,2,"authentication",2026-11-30 18:07:40 UTC,3/9485,0,LOG,00000,"connection authorized: user=postgres database=bench application_name=psql",,,,,,,,,"","client backend",,0
2026-11-30 18:07:40.458 UTC,"postgres","bench",17420,"[local]",6b0dbb6c.440c,3,"SELECT",2026-11-30 18:07:40 UTC,3/0,0,LOG,00000,"duration: 2.836 ms  statement: select pg_terminate_backend(pid) from pg_stat_activity where backend_type='autovacuum launcher'",,,,,,,,,"psql","client backend",,0
2026-11-30 18:07:56.351 UTC,"postgres","bench",18862,"[local]",6b0dbb7c.49ae,3,"SELECT",2026-11-30 18:07:56 UTC,4/0,0,LOG,00000,"duration: 1.352 ms  statement: select pid from pg_stat_activity where query like 'select pg_sleep%' and pid<>pg_backend_pid()",,,,,,,,,"psql","client backend",,0
2026-11-30 18:07:56.352 UTC,"postgres","bench",18862,"[local]",6b0dbb7c.49ae,4,"idle",2026-11-30 18:07:56 UTC,,0,LOG,00000,"disconnection: session time: 0:00:00.003 user=postgres database=bench host=[local]",,,,,,,,,"psql","client backend",,0
2026-11-30 18:07:56.357 UTC,,,14526,,6b0dbb39.38be,5,,2026-11-30 18:06:49 UTC,,0,LOG,00000,"server process (PID 18849) was terminated by signal 9: Killed","Failed process was running: select pg_sleep(10)",,,,,,,,"","postmaster",,0
2026-11-30 18:07:56.357 UTC,,,14526,,6b0dbb39.38be,6,,2026-11-30 18:06:49 UTC,,0,LOG,00000,"terminating any other active server processes",,,,,,,,,"","postmaster",,0
2026-11-30 18:07:56.548 UTC,,,18865,,6b0dbb7c.49b1,2,,2026-11-30 18:07:56 UTC,,0,LOG,00000,"checkpoint complete: wrote 5 buffers (0.0%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.001 s, sync=0.001 s, total=0.003 s; sync files=4, longest=0.001 s, average=0.001 s; distance=0 kB, estimate=0 kB",,,,,,,,,"","checkpointer",,0
"###;
        let c = compress(text, &opts());
        assert!(kept_lines(&c.text).iter().any(|l| l.contains("terminating any other active server processes")), "{}", c.text);
    }

    #[test]
    fn a_failed_call_on_a_path_drain_keys_apart_stays_once_per_folder() {
        // strace without -f: the call and its path open the line, and Drain keys its tree on
        // that word, its numbers masked; GTK looks for a theme in each folder, for each version
        let dirs = ["/home/u/.local/share/themes", "/home/u/.themes", "/usr/local/share/themes", "/var/lib/flatpak/exports/share/themes"];
        let mut text = String::new();
        for round in 0..3 {
            for dir in dirs {
                for v in ["4.10", "4.8", "4.6", "4.4", "4.2", "4.0"] {
                    text += &format!("access(\"{dir}/Adwaita/gtk-{v}/gtk.css\", F_OK) = -1 ENOENT (No such file or directory)\n");
                }
            }
            text += &format!("getpid()                                = {}\nbrk(NULL)                               = 0x55fef05{round}000\n", 1876600 + round);
        }
        let c = compress(&text, &opts());
        let kept = kept_lines(&c.text);
        for dir in dirs {
            assert!(kept.iter().any(|l| l.contains(&format!("\"{dir}/"))), "{dir}\n{}", c.text);
        }
        // the versions in one folder are one message
        assert!(kept.iter().filter(|l| l.contains("ENOENT")).count() <= 2 * dirs.len(), "{}", c.text);
    }

    #[test]
    fn a_traced_call_on_a_path_drain_keys_apart_stays() {
        // strace of a GTK program reading each EGL platform file: a stat by its path, then an
        // fstat of the open file. Our miner may join the two calls in one template; Drain keys
        // each stat on its path (its number masked), a new event each time
        let mut text = String::new();
        for (k, file) in ["10_nvidia_wayland.json", "15_nvidia_gbm.json"].iter().enumerate() {
            let (path, size) = (format!("/usr/share/egl/egl_external_platform.d/{file}"), 115 - k * 19);
            text += &format!("stat(\"{path}\", {{st_mode=S_IFREG|0644, st_size={size}, ...}}) = 0\n");
            text += &format!("openat(AT_FDCWD, \"{path}\", O_RDONLY) = 8\n");
            text += &format!("fstat(8, {{st_mode=S_IFREG|0644, st_size={size}, ...}}) = 0\n");
            text += &format!("read(8, \"{{\\n    \\\"file_format_version\\\" : \\\"1\"..., 4096) = {size}\nclose(8)                                = 0\n");
            for i in 0..4 {
                text += &format!("getpid()                                = 1876600\nbrk(0x55fef0{:02}f000)                     = 0x55fef0{:02}f000\n", k * 20 + i, k * 20 + i);
            }
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("15_nvidia_gbm.json\", {st_mode"), "{}", c.text);
    }

    #[test]
    fn failed_syscalls_at_other_addresses_are_one_message_and_a_call_named_in_words_another() {
        // `ls -la` of a folder: each file's attributes asked at a new buffer address
        let mut text = String::from(
            "lgetxattr(\"/etc/ssl\", \"security.selinux\", 0x563bbca27a40, 255) = -1 ENODATA (No data available)\n",
        );
        for i in 0..40 {
            text.push_str(&format!(
                "statx(AT_FDCWD, \"/usr/lib/x86_64-linux-gnu/gconv/IBM{i}.so\", AT_STATX_SYNC_AS_STAT, STATX_MODE) = 0\n\
                 lgetxattr(\"/usr/lib/x86_64-linux-gnu/gconv/IBM{i}.so\", \"security.selinux\", 0x563bbca{:05x}, 255) = -1 ENODATA (No data available)\n",
                0x289b0 + 0x40 * i * 7
            ));
        }
        let c = compress(&text, &opts());
        let kept = kept_lines(&c.text);
        let enodata: Vec<&&str> = kept.iter().filter(|l| l.contains("ENODATA")).collect();
        // the call on a folder named in words, then the first and the last on the numbered
        // files: not one per address
        assert_eq!(enodata.len(), 3, "{}", c.text);
        assert!(enodata[0].contains("/etc/ssl\""), "{}", c.text);
        assert!(enodata[1].contains("IBM0.so"), "{}", c.text);
    }

    #[test]
    fn a_package_log_folds_by_its_words_whatever_the_package_and_version() {
        // a package manager's log: one line per package and step, each package a name with
        // digits and a version; the steps are the words
        let mut text = String::new();
        let steps = ["half-installed", "unpacked", "half-configured", "installed"];
        for i in 0..40 {
            let pkg = format!("lib{}{}:amd64", ["foo", "bar", "baz", "qux"][i % 4], i + 1);
            let ver = format!("{}.{}-{}ubuntu{}", i % 3 + 1, i, i % 5, i % 2 + 1);
            for (k, step) in steps.iter().enumerate() {
                text.push_str(&format!("2024-05-01 10:{:02}:{:02} status {step} {pkg} {ver}\n", i, k * 10));
            }
        }
        text.push_str("2024-05-01 11:00:00 status config-files libgone7:amd64 2.1-1\n");
        let c = compress(&text, &opts());
        let kept = kept_lines(&c.text);
        // each step recurs: a value of one template, whatever the package; the step seen
        // once is an event
        assert!(kept.iter().any(|l| l.contains("config-files libgone7")), "{}", c.text);
        assert_eq!(kept.len(), 2, "{}", c.text);
    }

    /// A replica set member's heartbeats, and its turns through `states` among them.
    fn cycle_states(states: &[&str]) -> String {
        let mut text = String::new();
        let mut k = 0;
        let mut line = |text: &mut String, what: &str| {
            k += 1;
            text.push_str(&format!("2022-03-13T17:{:02}:{:02}.884+0000 I REPL [rsSync] {what}\n", k / 60, k % 60));
        };
        for state in states.iter().cycle().take(15) {
            for _ in 0..8 {
                line(&mut text, "sending heartbeat to member");
            }
            line(&mut text, &format!("transition to {state} from here"));
        }
        text
    }

    #[test]
    fn a_word_among_names_in_capitals_stays() {
        // twenty zone codes, values to the miner, noted as they come: a word in their place is
        // still another event
        let codes = ["AB", "CD", "EF", "GH", "IJ", "KL", "MN", "OP", "QR", "ST", "UV", "WX", "YZ", "BA", "DC", "FE", "HG", "JI", "LK", "NM"];
        let mut text = String::new();
        for k in 0..400 {
            let zone = match k {
                350 => "quarantined",
                351 => "DRAINED",
                _ => codes[k % codes.len()],
            };
            text += &format!("2026-12-05 14:{:02}:{:02} INFO cluster zone {zone} replica ready now\n", k / 60, k % 60);
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("zone quarantined replica"), "{}", c.text);
        // (a word in capitals is one more name among them, and folds)
        assert!(!c.text.contains("zone DRAINED replica"), "{}", c.text);
        assert!(c.text.lines().count() < 8, "{}", c.text);
    }

    #[test]
    fn a_state_reached_for_the_first_time_stays_however_often_it_recurs() {
        // a replica set member goes through its states again and again among its heartbeats;
        // where it first reached each state stays, the cycles after fold
        // (states in short words, values to the miner, as in long ones)
        for states in [["STARTUP2", "RECOVERING", "SECONDARY"], ["BACKUP", "MASTER", "FAULT"]] {
            let c = compress(&cycle_states(&states), &opts());
            for state in states {
                assert_eq!(c.text.matches(&format!("transition to {state} ")).count(), 1, "{}", c.text);
            }
        }
        let text = cycle_states(&["STARTUP2", "RECOVERING", "SECONDARY"]);
        // names in capitals that turn over fold as names do, but for the first
        let text = text.replace("from here", "").replace("transition to", "member");
        let names: String = (0..15).map(|n| format!("2022-03-13T18:00:{n:02}.884+0000 I REPL [rsSync] transition to CLIENT_{} from here\n", "X".repeat(n))).collect();
        let c = compress(&(text + &names), &opts());
        assert_eq!(c.text.matches("transition to CLIENT_").count(), 1, "{}", c.text);
    }

    #[test]
    fn crashes_a_line_states_below_its_errors_are_counted_where_they_fold() {
        // php-fpm logs its workers' segfaults as warnings among its notices; the fold that
        // the last line splits off still counts them
        let mut text = String::new();
        for k in 0..300 {
            text += &format!("[05-Dec-2026 11:{:02}:{:02}] NOTICE: [pool www] child {} started\n", k / 60, k % 60, 5000 + k);
            if k % 37 == 5 {
                text += &format!("[05-Dec-2026 11:{:02}:{:02}] WARNING: [pool www] child {} exited on signal 11 (SIGSEGV) after {k}.5 seconds from start\n", k / 60, k % 60, 5000 + k);
            }
        }
        let c = compress(&text, &opts());
        assert_eq!(c.text.matches("exited on signal 11").count(), 1, "{}", c.text);
        assert!(c.text.contains("lines, 7 errors"), "{}", c.text);
    }

    #[test]
    fn each_fatal_error_php_fpm_relays_as_a_warning_is_shown() {
        // php-fpm logs what its workers write to stderr as warnings, a line each: each PHP
        // fatal error among them is an error of its own, however many others it follows
        let said = |k: usize, what: &str| format!("[07-Dec-2026 01:50:{:02}] WARNING: [pool www] child {} said into stderr: \"{what}\"\n", k % 60, 9970 + k % 3);
        let fatal = |k: usize, error: &str, at: u32| {
            said(k, &format!("NOTICE: PHP message: PHP Fatal error:  Uncaught {error} in /srv/www/index.php:{at}"))
                + &said(k, "Stack trace:")
                + &said(k, &format!("#0 /srv/www/index.php({at}): handle()"))
                + &said(k, "#1 {main}")
                + &said(k, &format!("  thrown in /srv/www/index.php on line {at}"))
        };
        let errors = ["RuntimeException: cart is empty", "RuntimeException: cart is locked", "RuntimeException: cart is gone"];
        let mut text = String::new();
        for k in 0..90 {
            text += &format!("[07-Dec-2026 01:50:{:02}] NOTICE: [pool www] child {} started\n", k % 60, 9970 + k);
            text += &fatal(k, errors[(k / 7) % 2], 6 + (k as u32 / 7) % 2);
            if k == 61 {
                text += &fatal(k, errors[2], 21);
            }
        }
        let c = compress(&text, &opts());
        for error in errors {
            assert!(c.text.contains(error), "{error}: {}", c.text);
        }
    }

    #[test]
    fn an_error_on_a_request_whose_query_carries_a_token_folds_as_one() {
        // Nextcloud logs each request's failure with its URL, whose query carries a token made
        // for that request: the same failure, its repeats counted
        let record = |k: usize, token: &str| {
            format!(r#"{{"reqId":"BAb5u8QIXdqyndbK{k:04}","level":3,"time":"2019-01-25T06:{:02}:52+00:00","remoteAddr":"172.69.69.{k}","user":"cdrive","app":"richdocuments","method":"GET","url":"\/cheatdrive\/index.php\/apps\/richdocuments\/index?fileId=667&requesttoken={token}","message":{{"Exception":"GuzzleHttp\\Exception\\RequestException","Message":"cURL error 3: <url> malformed","Code":0}},"userAgent":"Mozilla\/5.0","version":"15.0.2.0"}}"#, k % 60) + "\n"
        };
        let tokens = ["QcR2P6wtHl3gI6ajKXwtKzhrZkqnPnMxil%2FnbaB2Ns0%3D", "Ac2BUXQVLEhdGygAKDa0D0lAK9Kyi2TQccO7WlieqP0%3D", "M7%2FzIDFEGhwnVX0wZx3yTHpzX7nCu1S4NveKOA2r27Q%3D", "u1S4NveKOA2r27QAc2BUXQVLEhdGygAKDa0%2FZx3yTH%3D"];
        let mut text = String::new();
        for k in 0..40 {
            text += &format!(r#"{{"reqId":"xR{k:04}","level":1,"time":"2019-01-25T06:{:02}:50+00:00","remoteAddr":"172.69.69.{k}","user":"cdrive","app":"files","method":"GET","url":"\/cheatdrive\/ocs\/v2.php\/apps\/notifications","message":"polled","version":"15.0.2.0"}}"#, k % 60) ;
            text += "\n";
            if k % 5 == 2 {
                text += &record(k, tokens[(k / 5) % tokens.len()]);
            }
        }
        let c = compress(&text, &opts());
        assert!(c.text.matches("RequestException").count() <= 2, "{}", c.text);
    }

    #[test]
    fn a_jobs_retries_on_other_threads_fold_as_one_error() {
        // Sidekiq names the thread that ran each try in base 36 (`TID-3wiv7o`): a job that
        // fails the same way on each retry is one error, its repeats counted
        let mut text = String::new();
        for (k, tid) in ["3ujn2s", "3th1yg", "3wiww8", "3wiv7o", "3vw7os", "3qn6rk", "3n8u5g", "3uc3uc"].iter().enumerate() {
            let at = format!("2013-09-16T21:{:02}:06Z 3084 TID-{tid}", 20 + k);
            text += &format!("{at} SyncWorker JID-9ff05c22f74ff5a95dc678ce INFO: start\n");
            text += &format!("{at} SyncWorker JID-9ff05c22f74ff5a95dc678ce ERROR: There is no event proceed_deploy defined for the syncmanifest state\n");
            text += &format!("{at} SyncWorker JID-9ff05c22f74ff5a95dc678ce INFO: fail: {k}.276 sec\n");
            text += &format!("{at} WARN: /srv/app/workers/generic_worker.rb:165:in `rescue in perform'\n/srv/app/workers/generic_worker.rb:135:in `perform'\n/gems/sidekiq-2.8.0/lib/sidekiq/processor.rb:45:in `block (3 levels) in process'\n");
        }
        let c = compress(&text, &opts());
        assert!(c.text.matches("There is no event proceed_deploy").count() <= 2, "{}", c.text);
        assert!(c.text.contains(", 1 error"), "{}", c.text);
    }

    #[test]
    fn a_line_kept_from_one_of_several_files_keeps_its_file_s_header() {
        // `tail -f api.log worker.log`: each file's lines under a header, the headers folded
        // with the repeats around them
        let mut text = String::new();
        let mut k = 0;
        let mut lines = |text: &mut String, file: &str, what: &str, n: usize| {
            *text += &format!("\n==> {file} <==\n");
            for _ in 0..n {
                k += 1;
                *text += &format!("2026-12-05 14:23:{:02}.091 11043 INFO probesvc [-] {what} {k}\n", k % 60);
            }
        };
        for _ in 0..4 {
            lines(&mut text, "api.log", "served request", 12);
            lines(&mut text, "worker.log", "ran periodic task", 12);
        }
        text += "\n==> worker.log <==\n2026-12-05 14:24:34.091 11043 WARNING probesvc.worker [-] Backend 127.0.0.1:47311 unreachable\n";
        lines(&mut text, "api.log", "served request", 12);
        let c = compress(&text, &opts());
        assert!(c.text.contains("==> worker.log <==\n2026-12-05 14:24:34.091 11043 WARNING"), "{}", c.text);
        // (a header no kept line needs stays folded)
        assert!(c.text.matches("==> api.log <==").count() < 3, "{}", c.text);
    }

    #[test]
    fn a_crash_backtrace_keeps_the_first_frame_of_each_module() {
        // Xorg segfaults in its video driver: the frames fold as one template, but the
        // driver's frames between the server's say where it crashed
        let mut text = String::new();
        for k in 0..40 {
            text += &format!("[    45.{k:03}] (II) intel(0): resizing framebuffer to {}x{}\n", 8 * k, 6 * k);
        }
        text += "[    47.927] (EE) \n[    47.927] (EE) Backtrace:\n";
        let frames = ["/usr/lib/xorg/Xorg (xorg_backtrace+0x4e)", "/usr/lib/xorg/Xorg (0x5577d98dc000+0x1b6a69)", "/lib/x86_64-linux-gnu/libc.so.6 (0x7f35c95c8000+0x354c0)"]
            .into_iter()
            .chain((0..7).map(|_| "/usr/lib/xorg/modules/drivers/intel_drv.so (0x7f35c6c4e000+0x75dad)"))
            .chain((0..4).map(|_| "/usr/lib/xorg/Xorg (0x5577d98dc000+0x13d341)"));
        for (k, f) in frames.enumerate() {
            text += &format!("[    47.927] (EE) {k}: {f} [0x7f35c6cc{:04x}]\n", 0x3dad + 97 * k);
        }
        text += "[    47.927] (EE) \n[    47.927] (EE) Segmentation fault at address 0x7c\n";
        let c = compress(&text, &opts());
        for module in ["libc.so.6", "intel_drv.so"] {
            assert_eq!(c.text.matches(module).count(), 1, "{module}: {}", c.text);
        }
        assert!(c.text.contains("[hr "), "{}", c.text);
        // the same crash again shows no module again; another crash, the driver's frames
        // first, shows each module it went through
        let crash = &text[text.find("[    47.927] (EE) \n").unwrap()..];
        let again = text.clone() + crash + &crash.replace("(0x5577d98dc000+0x13d341)", "(0x5577d98dc000+0x2a0001)").replacen("/usr/lib/xorg/Xorg (xorg_backtrace+0x4e)", "/usr/lib/xorg/modules/drivers/intel_drv.so (0x7f35c6c4e000+0x1d0)", 1);
        let c = compress(&again, &opts());
        for module in ["libc.so.6", "intel_drv.so"] {
            assert_eq!(c.text.matches(module).count(), 2, "{module}: {}", c.text);
        }
    }

    #[test]
    fn each_file_tail_prints_keeps_its_header_and_its_own_errors() {
        // `tail -n 30 *.log` over three services: each lost the same database, and `queue.log`
        // says only what `api.log` said before it
        let mut text = String::new();
        let mut k = 0;
        let mut section = |text: &mut String, file: &str, failed: bool| {
            *text += &format!("==> {file} <==\n");
            for n in 0..30 {
                k += 1;
                let pid = 4000 + file.len();
                *text += &format!("2014-04-17 14:50:{:02}.{k:03} {pid} INFO svc.service [-] Polled task {n} of the queue\n", k % 60);
                if failed && n == 20 {
                    *text += &format!("2014-04-17 14:50:{:02}.{k:03} {pid} ERROR svc.db [-] (OperationalError) (2003, \"Can't connect to MySQL server on 'db' (113)\")\n", k % 60);
                }
            }
            *text += "\n";
        };
        section(&mut text, "api.log", true);
        section(&mut text, "queue.log", false);
        section(&mut text, "worker.log", true);
        let c = compress(&text, &opts());
        for file in ["api.log", "queue.log", "worker.log"] {
            assert_eq!(c.text.matches(&format!("==> {file} <==")).count(), 1, "{file}: {}", c.text);
        }
        // the error stays under each file's header that printed it
        let worker = c.text.find("==> worker.log <==").unwrap();
        assert!(c.text[..worker].contains("Can't connect to MySQL"), "{}", c.text);
        assert!(c.text[worker..].contains("Can't connect to MySQL"), "{}", c.text);
        // and the lines alike fold, each file's on its own
        assert!(c.text.lines().count() < 30, "{}", c.text);
        // so too behind what `tail` says of a file it could not open (`2>&1`)
        let c = compress(&format!("tail: cannot open 'gone.log' for reading: No such file or directory\n{text}"), &opts());
        let worker = c.text.find("==> worker.log <==").unwrap_or_else(|| panic!("{}", c.text));
        assert!(c.text[worker..].contains("Can't connect to MySQL"), "{}", c.text);
        // under a budget, another file's error said once outlives the copies of one shown above
        let mut more = text.clone();
        for file in ["cells.log", "compute.log", "conductor.log", "scheduler.log"] {
            section(&mut more, file, true);
        }
        section(&mut more, "jobs.log", false);
        let at = more.rfind("Polled task 7 of the queue\n").unwrap() + "Polled task 7 of the queue\n".len();
        more.insert_str(at, "2014-04-17 14:51:00.001 4008 ERROR svc.migrate [-] migration 0042 failed: column tenant_id does not exist\n");
        for budget in [700, 1000] {
            let c = compress(&more, &Options { budget_chars: Some(budget), ..opts() });
            assert!(c.text.contains("tenant_id does not exist"), "{budget}: {}", c.text);
        }
    }

    #[test]
    fn a_line_of_code_kept_keeps_the_frame_s_place_above_it() {
        // thirty unittest failures through the log compressor, each running one of three
        // values through the same frames: a frame's code with a value not shown above stays,
        // and so does the place over it, which says the same as the places shown above
        let mut text = String::new();
        for k in 0..30 {
            text += &format!("======================================================================\nERROR: test_{k} (tests.test_m.T.test_{k})\n----------------------------------------------------------------------\n");
            text += &format!("Traceback (most recent call last):\n  File \"/srv/tests/test_m.py\", line 10, in test_x\n    self.run_it({})\n", k % 3);
            text += "  File \"/usr/lib/python3.12/argparse.py\", line 1962, in take_action\n    argument_values = self._get_values(action, argument_strings)\nTypeError: boom\n\n";
        }
        text += "----------------------------------------------------------------------\nRan 30 tests in 0.1s\n\nFAILED (errors=30)\n";
        let c = compress(&text, &opts());
        let lines: Vec<&str> = c.text.lines().collect();
        for (k, _) in lines.iter().enumerate().filter(|(_, l)| l.starts_with("    self.run_it(")) {
            assert!(k > 0 && lines[k - 1].ends_with(", line 10, in test_x"), "{}", c.text);
        }
    }

    #[test]
    fn a_program_that_logs_json_under_docker_fails_by_its_records_level() {
        // docker's json-file driver keeps each line a program wrote as a string: a zerolog
        // record's level is inside it, escaped, and a gateway's failures on each path are its
        // own, as an access log's are, whatever words they share
        let frames: Vec<String> = [("fetchUpstream", 33, "main.go"), ("main.func2", 72, "main.go"), ("HandlerFunc.ServeHTTP", 2286, "server.go"), ("(*conn).serve", 2067, "server.go"), ("goexit", 1771, "asm_amd64.s")]
            .iter()
            .map(|(f, l, s)| format!(r#"{{"func":"{f}","line":"{l}","source":"{s}"}}"#))
            .collect();
        let failing = [("/v1/orders/92", 500), ("/v1/carts/265", 503), ("/v2/search", 504)];
        let mut log = String::new();
        for k in 0..400 {
            let head = |path: &str| format!(r#""service":"edge-gateway","version":"1.8.3","req_id":{k},"method":"GET","path":"{path}","remote":"127.0.0.1:57976""#);
            let record = match k % 40 {
                7 | 21 | 33 => {
                    let (path, code) = failing[k / 40 % 3];
                    format!(r#"{{"level":"error",{},"stack":[{}],"error":"upstream {path} returned {code}","status":502,"message":"proxy error"}}"#, head(path), frames.join(","))
                }
                _ => format!(r#"{{"level":"info",{},"status":200,"bytes":34,"elapsed":0.0{k},"message":"proxied"}}"#, head(&format!("/v1/users/{}", k * 7 % 400))),
            };
            log += &json_file_record(&(record + "\n"), "stdout", &format!("2026-12-06T11:47:{:02}.{k:03}Z", k % 60));
        }
        let c = compress(&log, &opts());
        for (path, code) in failing {
            assert!(c.text.contains(&format!("upstream {path} returned {code}")), "{path}: {}", c.text);
        }
        assert!(c.text.len() * 4 < log.len(), "{}", c.text);
    }

    #[test]
    fn a_trace_in_docker_json_file_records_stays_whole() {
        // Quartz under docker's json-file driver: a job's warning and its first trace, a frame a
        // record, among records of the scheduler's rounds. Read as records, the frames were
        // repeats of one template (`[hr 19 like above]`); read by their lines, the trace is new
        let record = |line: &str, k: usize| json_file_record(&format!("{line}\n"), "stderr", &format!("2026-12-07T06:57:{:02}.{k:06}Z", k / 1000 % 60));
        let frames = [
            "sun.nio.ch.Net.pollConnect(Native Method)",
            "sun.nio.ch.Net.pollConnectNow(Net.java:672)",
            "sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:547)",
            "sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:602)",
            "java.net.Socket.connect(Socket.java:633)",
            "sun.net.NetworkClient.doConnect(NetworkClient.java:178)",
            "sun.net.www.http.HttpClient.openServer(HttpClient.java:533)",
            "java.net.HttpURLConnection.getResponseCode(HttpURLConnection.java:529)",
            "probe.Main$SyncJob.execute(Main.java:41)",
            "org.quartz.core.JobRunShell.run(JobRunShell.java:202)",
        ];
        let mut log = String::new();
        for k in 0..120 {
            log += &record(&format!("2026-12-07 06:57:24.{:03} [billing-scheduler_QuartzSchedulerThread] DEBUG org.quartz.core.QuartzSchedulerThread - batch acquisition of {} triggers", k % 1000, k % 3), k * 50);
            if k == 60 {
                log += &record("2026-12-07 06:57:24.105 [billing-scheduler_Worker-2] WARN probe.Main$SyncJob - catalog sync failed for http://127.0.0.1:5997/catalog", k * 50 + 1);
                log += &record("java.net.ConnectException: Connection refused", k * 50 + 2);
                for (n, frame) in frames.iter().enumerate() {
                    log += &record(&format!("\tat {frame}"), k * 50 + 3 + n);
                }
            }
        }
        let c = compress(&log, &opts());
        for frame in frames {
            assert!(c.text.contains(frame), "{frame}: {}", c.text);
        }
        assert!(c.text.len() * 2 < log.len(), "{}", c.text);
    }

    #[test]
    fn a_ci_jobs_rustc_errors_stay_each_at_its_place() {
        // a GitHub Actions job's build: rustc's errors with their codes, each with its place on
        // the line under it; the same import fails in three files, and another in two
        let mut text = String::new();
        let mut t = 0;
        let mut stamp = || {
            t += 1;
            format!("2025-08-10T17:38:54.{t:07}Z")
        };
        for k in 0..40 {
            text += &format!("{}    Compiling crate{k} v0.{k}.1\n", stamp());
        }
        let failures = [
            ("crate::ui::transitions", "src/ui/components/auth_callback.rs:11:16"),
            ("crate::ui::transitions", "src/ui/components/dashboard.rs:9:16"),
            ("dioxus_motion::use_animated", "src/ui/components/error.rs:2:5"),
            ("crate::ui::transitions", "src/ui/components/history.rs:14:16"),
            ("dioxus_motion::use_animated", "src/ui/components/home.rs:3:5"),
        ];
        for (path, place) in failures {
            text += &format!("{} error[E0432]: unresolved import `{path}`\n", stamp());
            text += &format!("{}  --> {place}\n", stamp());
            text += &format!("{}   |\n", stamp());
            text += &format!("{} 9 | use {path}::fade_in;\n", stamp());
            text += &format!("{}   |         ^^^^^^^^^^^ could not find it\n", stamp());
            text += &format!("{} \n", stamp());
        }
        let c = compress(&text, &opts());
        for (_, place) in failures {
            assert!(c.text.contains(place), "{place}\n{}", c.text);
        }
        assert!(c.text.len() < text.len() * 2 / 3, "{}", c.text);
        // the level, as the guard reads it too; a bracket that holds no code states none
        assert_eq!(level_at("2025-08-10T17:38:54.4390468Z error[E0432]: unresolved import `x`").0, Level::Error);
        assert_eq!(level_at("warning[E0170]: pattern binding `A` is named the same as a variant").0, Level::Warn);
        assert_eq!(crate::logline::declared("2025-08-10T17:38:54.4390468Z error[E0432]: unresolved import `x`"), Some(crate::logline::Severity::Error));
        assert_eq!(crate::logline::level_before_brackets("error[key]:"), None);
        // the place is rustc's line under its error, not any line that ends with one
        assert_ne!(places_given("2025-08-10T17:38:54.4391308Z   --> src/ui/components/auth_callback.rs:11:16"), 0);
        assert_eq!(places_given("    at /app/server.js:12:5"), 0);
    }

    #[test]
    fn the_line_that_raised_a_new_trace_stays_with_it() {
        // PHP's error log: the same error raised along another path is shown with its trace,
        // and the line above it says what the trace is of, whatever message it repeats
        let fatal = |k: usize, file: &str, line: u32, frames: &[&str]| {
            let mut t = format!("[30-May-2020 19:{:02}:37 Europe/Kiev] PHP Fatal error:  Uncaught Error: Using $this when not in object context in /srv/app/{file}:{line}\nStack trace:\n", k % 60);
            for (f, frame) in frames.iter().enumerate() {
                t += &format!("#{f} /srv/app/{frame}\n");
            }
            t + &format!("#{} {{main}}\n  thrown in /srv/app/{file} on line {line}\n", frames.len())
        };
        let mut log = String::new();
        for k in 0..30 {
            log += &format!("[30-May-2020 19:{:02}:{:02} Europe/Kiev] PHP Notice:  Undefined index: page in /srv/app/core/Router.php on line 31\n", k / 60, k % 60);
            if k == 5 {
                log += &fatal(k, "core/Model.php", 16, &["core/Model.php(22): Model::table()", "app/Models/User.php(9): Model->find()", "core/Router.php(74): UsersController->show()"]);
            }
            if k == 20 {
                log += &fatal(k, "app/Controllers/AuthController.php", 84, &["app/Controllers/AuthController.php(71): AuthController::is_valid_passwords()", "core/Router.php(74): AuthController->signup()"]);
            }
        }
        let c = compress(&log, &opts());
        assert!(c.text.contains("Using $this when not in object context in /srv/app/app/Controllers/AuthController.php:84"), "{}", c.text);
        assert!(c.text.contains("AuthController::is_valid_passwords()"), "{}", c.text);
        // Sinatra's `dump_errors` names what was raised at no level, above the line of code and
        // its frames: the line above a new trace stays however often its shape recurs
        let raised = |method: &str, code: &str, at: u32| {
            format!("2026-12-06 12:21:08 - NoMethodError - undefined method `{method}' for nil:NilClass\n\n    {code}\n        ^:\n\t/srv/app.rb:{at}:in `block in <class:Loans>'\n\t/gems/sinatra-3.0.5/lib/sinatra/base.rb:1696:in `call'\n\t/gems/puma-5.6.5/lib/puma/server.rb:443:in `process_client'\n")
        };
        let mut log = String::new();
        for k in 0..60 {
            log += &format!("127.0.0.1 - - [06/Dec/2026:12:21:08 +0000] \"POST /loans HTTP/1.1\" 201 2 0.000{}\n", k % 10);
            log += &match k % 20 {
                3 | 8 | 18 => raised("[]", "id = body['member']['id']", 23),
                13 => raised("-", "left = BOOKS[body['book']] - 1", 36),
                _ => String::new(),
            };
        }
        let c = compress(&log, &opts());
        assert!(c.text.contains("undefined method `-'"), "{}", c.text);
    }

    #[test]
    fn a_file_named_first_is_another_event_as_drain_reads_it() {
        // the same warning for five files, each named first, as a build tool prints them among
        // a build's lines: Drain keys a line on its first word, so each file's warning is an
        // event seen once, and stays
        let mut text = String::new();
        for k in 0..40 {
            text += &format!("make[2]: Entering directory '/build/out/obj/gen/part{k}'\n  CXX      obj/gen/part{k}/file.o\n");
        }
        let dirs = ["lang", "rbnf", "brkitr", "region", "unit"];
        for d in dirs {
            text += &format!("/build/out/obj/gen/icutmp/{d}/res_index.txt:7: warning: Encountered empty table\n");
        }
        for k in 0..40 {
            text += &format!("make[2]: Leaving directory '/build/out/obj/gen/part{k}'\n  CXXLD    obj/gen/part{k}/lib.a\n");
        }
        let c = compress(&text, &opts());
        for d in dirs {
            assert!(c.text.contains(&format!("/icutmp/{d}/res_index.txt:7: warning:")), "{d}: {}", c.text);
        }
        // the same file's warning again is a repeat, as to Drain
        let again = text.replace("/region/", "/lang/").replace("/unit/", "/lang/");
        let c = compress(&again, &opts());
        assert_eq!(c.text.matches("/icutmp/lang/res_index.txt").count(), 1, "{}", c.text);
        // and an error: each file's first stays, whatever line of it is named, and its repeats fold
        let errors: String = (0..30)
            .map(|k| format!("/src/{}.java:[{},{}] error: cannot find symbol\n  symbol: class Foo\n", ["A", "B", "A"][k % 3], 10 + k, 3 + k))
            .collect();
        let c = compress(&errors, &opts());
        assert!(c.text.contains("/src/A.java:[10,3] error") && c.text.contains("/src/B.java:[11,4] error"), "{}", c.text);
        assert!(c.text.contains(" errors"), "{}", c.text);
    }

    #[test]
    fn the_kernel_s_report_of_a_crash_names_the_program_that_crashed() {
        // another program's segfault among a crash loop's is another error; its repeats are
        // counted as errors
        let mut text = String::new();
        for k in 0..12 {
            text += &format!("Dec 05 15:40:{k:02} vm kernel: python3[81{k:02}]: segfault at 0 ip 00007f81f9785ad8 sp 00007ffc24621718 error 4 in libc.so.6[167ad8,7f81f9644000+156000] likely on CPU 0 (core 0, socket 0)\n");
            text += &format!("Dec 05 15:40:{k:02} vm worker[90{k:02}]: processing job batch-{k}\n");
        }
        text += "Dec 05 15:41:00 vm kernel: crasher[15353]: segfault at c ip 0000555c3ac7b1d8 sp 00007fff4c67d7f0 error 4 in crasher[11d8,555c3ac7b000+1000] likely on CPU 0 (core 0, socket 0)\n";
        text += "Dec 05 15:41:01 vm worker[9913]: processing job batch-13\nDec 05 15:41:02 vm worker[9914]: processing job batch-14\n";
        let c = compress(&text, &opts());
        assert!(c.text.contains("crasher[15353]: segfault at c"), "{}", c.text);
        assert!(c.text.contains(" errors"), "{}", c.text);
    }

    #[test]
    fn a_crash_report_keeps_each_crash_s_frames_and_folds_the_other_threads() {
        // systemd-coredump's reports: a second crash through other frames keeps them; the
        // other threads listed under the crashing one's fold, their first lines counted
        let pad = " ".repeat(60);
        let report = |pid: u32, frames: &[&str], threads: usize| {
            let mut r = format!("Dec 05 15:40:{:02} vm systemd-coredump[{}]: Process {pid} (crasher) of user 0 dumped core.\n{pad}\n{pad}Stack trace of thread {pid}:\n", pid % 60, pid + 5);
            for (k, f) in frames.iter().enumerate() {
                r += &format!("{pad}#{k:<2} 0x00007ffff7e{k:05x} {f} (libc.so.6 + 0x{k:x}aeec)\n");
            }
            for t in 0..threads {
                r += &format!("{pad}\n{pad}Stack trace of thread {}:\n", pid + 1 + t as u32);
                for k in 0..6 {
                    r += &format!("{pad}#{k:<2} 0x00007ffff7f{k:05x} n/a (libglib-2.0.so.0 + 0x{t}{k:x}5ef8d)\n");
                }
            }
            r += &format!("{pad}ELF object binary architecture: AMD x86-64\nDec 05 15:40:{:02} vm systemd[1]: app.service: Main process exited, code=dumped, status=11/SEGV\n", pid % 60);
            r
        };
        let text = report(22029, &["process", "main", "__libc_start_call_main", "_start"], 0)
            + &report(22040, &["__pthread_kill_implementation", "__GI_raise", "__GI_abort", "malloc_printerr", "_int_free", "main", "_start"], 3);
        let c = compress(&text, &opts());
        for f in ["__pthread_kill_implementation", "malloc_printerr", "_int_free"] {
            assert!(c.text.contains(f), "{f}: {}", c.text);
        }
        assert!(!c.text.contains("libglib-2.0.so.0"), "{}", c.text);
    }

    #[test]
    fn a_trace_a_harness_relays_a_line_at_a_time_is_its_error_s() {
        // mozharness logs each line of a failure's stack at info level behind its own header:
        // the frames are the failure's, kept with it, where a run of info lines would fold
        let head = |k: usize| format!("[task 2025-02-13T11:00:{k:02}.837Z] 11:00:{k:02}     INFO - ");
        let mut text = String::new();
        for k in 0..20 {
            text += &format!("{}GECKO(17791) | loaded chrome://browser/content/tab{k}.js in {} ms\n", head(k % 20), k * 7);
        }
        text += &format!("{}TEST-UNEXPECTED-FAIL | devtools/test/browser_console.js | A promise chain failed to handle a rejection\n", head(21));
        let frames = ["DevTools RDP*request@resource://devtools/shared/protocol/Front.js:299:14",
            "startWatchingNetworkResources@resource://devtools/client/webconsole/webconsole-ui.js:395:26",
            "async*networkMonitoringToggle/<@resource://devtools/client/webconsole/actions/ui.js:65:20",
            "testEnableNetworkMonitoring@chrome://mochitests/content/browser/devtools/test/browser_console.js:41:9"];
        for f in frames {
            text += &format!("{}{f}\n", head(21));
        }
        for k in 22..40 {
            text += &format!("{}GECKO(17791) | loaded chrome://browser/content/tab{k}.js in {} ms\n", head(k), k * 7);
        }
        let c = compress(&text, &opts());
        for f in frames {
            assert!(c.text.contains(f), "{f}: {}", c.text);
        }
        // nor is a relayed line of prose that opens with `at`
        assert!(!relays_a_frame(&format!("{}TEST-UNEXPECTED-FAIL | x", head(1)), &format!("{}at checkpoint 4: disk /dev/sdb is read-only", head(1))));
        for frame in ["at Object.run (/srv/app.js:12:7)", "at async Promise.all (index 0)", "at new Promise (<anonymous>)",
            "at app.Svc.run(Svc.java:42) ~[app.jar:1.0]"] {
            assert!(relays_a_frame(&format!("{}TEST-UNEXPECTED-FAIL | x", head(1)), &format!("{}{frame}", head(1))), "{frame}");
        }
        assert!(!relays_a_frame(&format!("{}TEST-UNEXPECTED-FAIL | x", head(1)), &format!("{}at noon (local time)", head(1))));
        // a frame behind another header (another level) is no part of it
        assert!(!relays_a_frame(&format!("{}TEST-UNEXPECTED-FAIL | x", head(1)), &format!("[task 2025-02-13T11:00:01.837Z] 11:00:01  WARNING - {}", frames[1])));
    }

    #[test]
    fn capnslog_s_errors_are_errors() {
        // etcd 3.4's lines state their level in a letter before a bar: another cause is
        // another error, and repeats are counted as errors
        let mut text = String::new();
        for k in 0..30 {
            text += &format!("2026-12-05 16:07:{k:02}.731976 I | rafthttp: established a TCP streaming connection with peer 6464fe16885182c3 (stream MsgApp v2 reader)\n");
            let cause = if k < 20 { "unexpected EOF" } else { "context canceled" };
            text += &format!("2026-12-05 16:07:{k:02}.831976 E | rafthttp: failed to read 6464fe16885182c3 on stream MsgApp v2 ({cause})\n");
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("(unexpected EOF)") && c.text.contains("(context canceled)"), "{}", c.text);
        assert!(c.text.contains(" errors"), "{}", c.text);
    }

    #[test]
    fn each_place_a_panel_drawn_around_a_trace_names_stays() {
        // rich's tracebacks: the place of each frame drawn in a panel says where the code
        // below it ran, though it differs from one shown above in its line alone
        let trace = |job: usize, frames: &[(&str, usize, &str)]| {
            let mut t = format!("2026-12-05T16:05:{job:02}.103609Z [error    ] job_failed job_id={job}\n");
            t += "╭──────────── Traceback (most recent call last) ────────────╮\n";
            for (file, line, f) in frames {
                t += &format!("│ /app/{file}:{line} in {f}                                 │\n│ ❱ {line} │   return step()                               │\n│                                                           │\n");
            }
            t + "╰───────────────────────────────────────────────────────────╯\nKeyError: 'x'\n"
        };
        let mut text = String::new();
        for k in 0..8 {
            text += &format!("2026-12-05T16:04:{k:02}.962420Z [info     ] job_done job_id={k}\n");
        }
        text += &trace(10, &[("sl.py", 40, "<module>"), ("sl.py", 19, "handle"), ("biz.py", 11, "get_item")]);
        text += &trace(11, &[("sl.py", 40, "<module>"), ("sl.py", 21, "handle"), ("biz.py", 11, "get_item")]);
        for k in 12..20 {
            text += &format!("2026-12-05T16:05:{k:02}.962420Z [info     ] job_done job_id={k}\n");
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("│ /app/sl.py:21 in handle"), "{}", c.text);
    }

    #[test]
    fn glog_s_failure_handler_keeps_the_crash_s_frames() {
        // a worker logging through glog, then the stack its failure signal handler prints:
        // the crash is an error, its frames a trace, kept whole
        let mut text = String::new();
        for k in 0..40 {
            text += &format!("I20261205 16:23:36.{:06} 23933 worker.cpp:272] req={} worker=1 FETCH done in {}us\n", 699422 + k, 1500 + k, 80 + k);
            text += &format!("I20261205 16:23:36.{:06} 23935 worker.cpp:334] stats ok={} err=151 retries=74 timeouts=26\n", 722926 + k, 1350 + k);
        }
        text += "*** Aborted at 1796487816 (unix time) try \"date -d @1796487816\" if you are using GNU date ***\n";
        text += "PC: @                0x0 (unknown)\n";
        text += "*** SIGSEGV (@0x8) received by PID 23929 (TID 0x7ff56b81b6c0) from PID 8; stack trace: ***\n";
        let frames = ["0x7ff56cdf6cfe (unknown)", "0x7ff56c85a050 (unknown)", "0x7ff56cb401b4 std::__cxx11::basic_string<>::size()",
            "0x564b973543bc deref_config()", "0x564b973545dd do_crash()", "0x564b973554d6 handle()", "0x564b973558d7 worker()",
            "0x7ff56cad44a3 (unknown)", "0x7ff56c8a71f5 (unknown)"];
        for f in frames {
            text += &format!("    @     {f}\n");
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("deref_config()") && c.text.contains("do_crash()"), "{}", c.text);
        assert!(crate::logline::crashed("*** SIGSEGV (@0x8) received by PID 23929 (TID 0x7ff56b81b6c0) from PID 8; stack trace: ***"));
        // (its frames are frames, under whatever header: abseil's, a `Check failure` one)
        assert!(trace_like("    @     0x564b973543bc deref_config()") && !trace_like("    @ home: 3 unread"));
    }

    #[test]
    fn a_state_in_a_field_s_brackets_stays_the_first_time() {
        // Samba's two-line events at level 3: the status in brackets says which failure the
        // request met (a missing file, a failed logon); each stays the first time
        let statuses = ["NT_STATUS_NOT_FOUND", "STATUS_NO_MORE_FILES", "NT_STATUS_NO_SUCH_FILE", "NT_STATUS_LOGON_FAILURE"];
        let mut text = String::new();
        for k in 0..120 {
            let st = statuses[if k < 100 { k % 2 } else { 2 + k % 2 }];
            text += &format!("[2026/12/05 15:39:{:02}.{:06},  3] ../../source3/smbd/smb2_server.c:3961(smbd_smb2_request_error_ex)\n", k % 60, 100 + k);
            text += &format!("  smbd_smb2_request_error_ex: idx[1] status[{st}] || at ../../source3/smbd/smb2_query_directory.c:160\n");
        }
        let c = compress(&text, &opts());
        for st in statuses {
            assert!(c.text.contains(&format!("status[{st}]")), "{st}: {}", c.text);
        }
    }

    #[test]
    fn a_worse_state_a_monitor_reaches_stays_the_first_time() {
        // Icinga's state changes: the states are level words, and the line's level is its own
        // (`notice/`); the first time a check leaves WARNING (for CRITICAL) stays, as a state
        // reached, though CRITICAL was reached before
        let change = |k: usize, check: &str, from: &str, to: &str| {
            format!("[2026-12-05 17:{:02}:{:02} +0000] notice/Checkable: State Change: Checkable 'localhost!{check}' hard state change from {from} to {to} detected.\n", k / 60, k % 60)
        };
        let mut text = change(0, "backend", "UNKNOWN", "OK") + &change(1, "http", "UNKNOWN", "CRITICAL");
        for k in 2..40 {
            let (from, to) = if k % 2 == 0 { ("OK", "CRITICAL") } else { ("CRITICAL", "OK") };
            text += &change(k, "backend", from, to);
            text += &format!("[2026-12-05 17:{:02}:{:02} +0000] information/ConfigObject: Dumping program state to file '/var/lib/icinga2/icinga2.state'\n", k / 60, k % 60);
        }
        text += &change(41, "backend", "OK", "WARNING");
        text += &change(42, "backend", "WARNING", "CRITICAL");
        for k in 43..80 {
            let (from, to) = [("CRITICAL", "OK"), ("OK", "WARNING"), ("WARNING", "CRITICAL")][k % 3];
            text += &change(k, "backend", from, to);
        }
        let c = compress(&text, &opts());
        assert!(c.text.contains("from WARNING to CRITICAL detected."), "{}", c.text);
    }

    #[test]
    fn output_is_deterministic() {
        let text = server_log();
        assert_eq!(compress(&text, &opts()), compress(&text, &opts()));
    }
}
