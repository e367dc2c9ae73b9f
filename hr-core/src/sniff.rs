//! The sniffer: which kind of content is this, from the bytes alone.
//!
//! It weighs evidence from a bounded sample of lines taken from the head, the middle and the
//! tail of the input, so a preamble cannot decide for the whole and the cost stays in the
//! microseconds to low milliseconds on any size. Each kind's own module says what its lines
//! look like (`logline`, `testout`, `shell`, `diff`); this module only samples and weighs, and
//! nothing calls back into it. A wrong guess is never fatal: every compressor keeps what it
//! does not understand, and the signal guard and the never-worse check sit behind all of them.

use crate::lines::{prefix_str, suffix_str};
use crate::logline;
use crate::hash::FxHashMap;
use crate::re::re;
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Binary,
    Json,
    Log,
    Test,
    Code,
    Diff,
    Text,
    /// git log, grep -rn, find, ls -laR (see `shell.rs`)
    Shell,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Binary,
        Kind::Json,
        Kind::Log,
        Kind::Test,
        Kind::Code,
        Kind::Diff,
        Kind::Text,
        Kind::Shell,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Binary => "binary",
            Kind::Json => "json",
            Kind::Log => "log",
            Kind::Test => "test",
            Kind::Code => "code",
            Kind::Diff => "diff",
            Kind::Text => "text",
            Kind::Shell => "shell",
        }
    }

    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// The NUL bytes among `data`'s first `head` bytes outside runs that pad a line
/// (`plan::PADDING_RUN` or more), as a log truncated in place or cut by a power failure holds
/// them: a binary format scatters its NULs among its other bytes. A run is measured whole, past
/// the head's end.
fn scattered_nuls(data: &[u8], head: usize) -> usize {
    let (mut scattered, mut at) = (0, 0);
    while let Some(k) = memchr::memchr(0, &data[at..head]) {
        let start = at + k;
        let end = data[start..].iter().position(|&b| b != 0).map_or(data.len(), |n| start + n);
        if end - start < crate::plan::PADDING_RUN {
            scattered += end.min(head) - start;
        }
        at = end.min(head);
    }
    scattered
}

/// The sample: this much from the head, and half as much from the middle and from the tail.
const HEAD: usize = 48 * 1024;
/// NUL bytes a text may open with as padding (see `sniff`): a binary format's header is
/// shorter, and holds other bytes among its NULs.
const PADDING: usize = 4096;
const PART: usize = 16 * 1024;
/// At most this many lines per part of the sample.
const PART_LINES: usize = 600;
/// Below this many lines, a head is too few to judge a text by (see `Windows::new`).
const FEW_HEAD_LINES: usize = 40;
/// The tail that runners print their verdict in.
const VERDICT: usize = 4096;

/// The raw windows the sample reads, each without its terminal escapes: colours and a CI
/// agent's timestamps say nothing about the kind, what a line says does. Only the windows are
/// stripped, so a sniff costs the same on a 40 MB coloured log as on a plain one.
struct Windows<'a> {
    /// (window, whether it starts inside a line, whether it ends inside one)
    parts: Vec<(Cow<'a, str>, bool, bool)>,
}

impl<'a> Windows<'a> {
    fn new(text: &'a str) -> Self {
        let head = prefix_str(text, HEAD);
        let mut parts = vec![window(head, false, text.len() > head.len())];
        if text.len() > HEAD + 2 * PART {
            let mid = text.len() / 2 - PART / 2;
            parts.push(window(suffix_str(prefix_str(text, mid + PART), PART), true, true));
        }
        // the tail: its last `PART` bytes; or, where a line longer than the head left it a few
        // lines (apt's history of a dist-upgrade), what the head left of a shorter text, which
        // would otherwise be no part at all (a part weighs as much as the head: a few lines
        // past a head of many do not)
        let few_lines = || memchr::memchr_iter(b'\n', head.as_bytes()).count() < FEW_HEAD_LINES;
        if text.len() > HEAD + PART || (text.len() > head.len() && few_lines()) {
            parts.push(window(suffix_str(text, PART.min(text.len() - head.len())), true, false));
        }
        Windows { parts }
    }
}

/// A window without its escapes; whether it ends inside a line is read before they go, since
/// a sequence cut by the window's end would otherwise leave a partial line looking whole.
fn window(raw: &str, cut_start: bool, cut_end: bool) -> (Cow<'_, str>, bool, bool) {
    let cut_end = cut_end && !raw.ends_with('\n');
    let text = crate::escapes::strip(raw).map_or(Cow::Borrowed(raw), Cow::Owned);
    (text, cut_start, cut_end)
}

/// Complete lines from head, middle and tail: what the shares are measured on.
struct Sample<'a> {
    head: &'a str,
    /// the parts' lines, in order
    lines: Vec<&'a str>,
    /// where each part's lines end in `lines`
    parts: Vec<usize>,
}

impl<'a> Sample<'a> {
    fn new(windows: &'a Windows) -> Self {
        let mut lines = vec![];
        let mut parts = vec![];
        for (text, cut_start, cut_end) in &windows.parts {
            lines.extend(whole_lines(text, *cut_start, *cut_end));
            parts.push(lines.len());
        }
        Sample { head: &windows.parts[0].0, lines, parts }
    }

    /// Each part's lines.
    fn parts(&self) -> impl Iterator<Item = &[&'a str]> {
        let mut start = 0;
        self.parts.iter().map(move |&end| {
            let part = &self.lines[start..end];
            start = end;
            part
        })
    }
}

/// The lines of a window, without the partial first or last line where the window cut one.
fn whole_lines(part: &str, cut_start: bool, cut_end: bool) -> Vec<&str> {
    let mut it: Vec<&str> = part.lines().collect();
    if cut_end {
        it.pop();
    }
    let skip = cut_start as usize;
    it.into_iter().skip(skip).take(PART_LINES).collect()
}

/// How much of a sample reads as a log: each part (head, middle, tail) weighs the same, so a
/// banner at the head of a long log does not outvote the rest of it.
#[derive(Debug, Default)]
struct LogEvidence {
    /// share of lines that belong to log events, averaged over the parts
    share: f64,
    /// share of lines that are events behind a source tag (`app.log:`, `pod |`)
    tagged: f64,
    /// share of the head's lines that belong to log events
    head: f64,
    /// and of the tail's
    tail: f64,
    /// whether the sample opens with a document's title
    titled: bool,
}

impl LogEvidence {
    /// Whether events make most of the head and go on to the tail: a log that dumps documents
    /// between them (an agent's pod logging the prompts it sends), read by share of lines a
    /// document. A document opens with its title, however much of a log it pastes below it
    /// (an issue, the log at its head and in its last comment); a log may open with a line of
    /// its own (kubectl's `Defaulted container "agent" out of: …`, a record cut by `--since`).
    fn opens_and_ends(&self) -> bool {
        !self.titled && self.head >= LOG_HEAD && self.tail >= LOG_TAIL
    }

    fn of(sample: &Sample) -> Self {
        let parts: Vec<PartEvidence> = sample
            .parts()
            .map(PartEvidence::of)
            .filter(|p| p.lines > 0)
            .collect();
        let n = parts.len().max(1) as f64;
        LogEvidence {
            share: parts.iter().map(PartEvidence::share).sum::<f64>() / n,
            tagged: parts.iter().map(|p| p.tagged as f64 / p.lines as f64).sum::<f64>() / n,
            head: parts.first().map_or(0.0, PartEvidence::share),
            tail: parts.last().map_or(0.0, PartEvidence::share),
            titled: opens_with_title(&sample.lines),
        }
    }
}

#[derive(Debug, Default)]
struct PartEvidence {
    /// non-blank lines
    lines: usize,
    /// lines that open an event
    events: usize,
    /// lines that continue an event (frames, indented details) right after one
    continued: usize,
    /// events behind a source tag
    tagged: usize,
}

impl PartEvidence {
    fn of(lines: &[&str]) -> Self {
        let mut e = PartEvidence::default();
        // how many lines since the last event (continuations far from any event prove nothing)
        let mut since_event = usize::MAX;
        // a log's own directives (W3C's `#Fields:`) say nothing either way
        for l in lines
            .iter()
            .filter(|l| !l.trim().is_empty() && !logline::is_w3c_directive(l))
        {
            e.lines += 1;
            // an event opens at the start of a line: an indented `[0]: …` or `12:30 …` is a
            // line of code, a list or a quote, and at most continues an event above it. Not a
            // full date and time with an event after them: HashiCorp's agents indent every line
            // they log (`    2017/01/16 10:36:08 [ERR] driver.exec: …`)
            let event = if l.starts_with([' ', '\t']) {
                logline::opens_with_dated_event(l.trim_start())
            } else {
                logline::opens_event(l) || logline::is_decorated_event(l)
            };
            // a service's line in an interleaved stream is one too, whatever the service printed
            let stream = !event
                && (logline::is_service_stream_line(l) || logline::is_process_stream_line(l) || logline::is_ant_task_line(l));
            if event || stream {
                e.events += 1;
                e.tagged += (stream || logline::source_prefix_len(l).is_some()) as usize;
                since_event = 0;
            } else if since_event < 200 && logline::continues(l) {
                e.continued += 1;
                since_event += 1;
            } else {
                since_event = usize::MAX;
            }
        }
        e
    }

    /// Share of lines that belong to log events.
    fn share(&self) -> f64 {
        // one event with its trace (a Laravel error) is a log; one timestamp in prose is not
        if self.lines == 0 || self.events == 0 || (self.events == 1 && self.continued < 2) {
            return 0.0;
        }
        (self.events + self.continued) as f64 / self.lines as f64
    }
}

pub fn sniff(data: &[u8]) -> Kind {
    // A log truncated in place while its writer kept its offset (logrotate's `copytruncate`)
    // opens with as many NUL bytes as it held before: what follows them is what it is
    let padding = data.iter().position(|&b| b != 0).unwrap_or(data.len());
    if padding >= PADDING && padding < data.len() {
        return sniff(&data[padding..]);
    }
    // Binary formats are dense with NUL bytes; a stray NUL in text (a test name that holds
    // one) must not make the whole output pass through unread, nor must a run of them that
    // pads a log further down (truncated in place as lines went on being written)
    let head = &data[..data.len().min(HEAD)];
    if scattered_nuls(data, head.len()) * 100 > head.len() || head.iter().all(|&b| b == 0) {
        return Kind::Binary;
    }
    // a few bytes that are no UTF-8 (a path in a Windows code page) leave text text
    let Some(text) = crate::stray_bytes::as_text(data) else {
        return Kind::Binary;
    };
    let text = &*text;
    if crate::testout::is_go_test_json(text) {
        return Kind::Test;
    }
    let windows = Windows::new(text);
    let sample = Sample::new(&windows);
    if is_json_lines_log(&sample.lines) {
        return Kind::Log;
    }
    if looks_like_json(text) {
        return Kind::Json;
    }
    let lines = &sample.lines;
    if lines.is_empty() {
        return Kind::Text;
    }
    let head = sample.head;
    let shell = crate::shell::detect(head);
    use crate::shell::Format;
    if matches!(
        shell,
        Some(Format::GitLog | Format::Commits | Format::Ls | Format::Du | Format::Tree)
    ) {
        // `git log -p` holds diffs but reads commit by commit; a listing's names (`test_x.py`)
        // and a commit's subject (`fix failing test`) say nothing about what kind it is
        return Kind::Shell;
    }
    if crate::diff::detect(lines) {
        return Kind::Diff;
    }
    let log = LogEvidence::of(&sample);
    // what markdown quotes inside code fences (an `error: …` line, a test run) says nothing
    // about the document itself
    let prose = outside_fences(lines);
    let head_lines: Vec<&str> = head.lines().collect();
    let head_prose = outside_fences(&head_lines);
    let joined;
    let probe = if head_prose.len() < head_lines.len() {
        joined = head_prose.join("\n");
        joined.as_str()
    } else {
        head
    };
    let tail = suffix_str(text, VERDICT);
    let plain_tail = crate::escapes::strip(tail);
    let tail = plain_tail.as_deref().unwrap_or(tail);
    // what a CI service's agent prints about the job (Jenkins' `Started by timer`, Travis's
    // `travis_fold:start:install`) makes it a job's log, whatever its tools print: a job's log
    // that holds a test run or a build is a log first, each line only it printed is news, and a
    // test runner's `# Running:` in it is no heading
    if prose.iter().filter(|l| logline::is_ci_agent_line(l)).count() >= CI_AGENT_LINES {
        return Kind::Log;
    }
    if crate::testout::is_test_output(probe) || crate::testout::looks_like(probe, tail) {
        // so is one with a long preamble that no runner prints (a CI job's setup) before the
        // run, whatever prose its setup prints
        if has_preamble(&sample) {
            return Kind::Log;
        }
        // a runner's lines win, unless they are a few lines inside a log that has a time or
        // level on nearly every line; a line that is an event of the log itself (npm's `npm
        // error code 7` among its `npm silly …` lines) is none of a runner's
        if !(log.share >= 0.9 && crate::testout::evidence(&outside_events(probe), &outside_events(tail)) < 2) {
            return Kind::Test;
        }
    }
    // an interleaved log (`grep -r ERROR *.log`, `tail -f *.log`) has grep's shape, but what
    // follows each source tag is a log event; strace lines can pass for paths, and so can a
    // build's steps (BuildKit's `#17 43.31 node/lib/x.js` as it unpacks an archive): a listing
    // of paths is judged from the head alone, so a head of log events refutes it
    let paths_are_events = shell == Some(Format::Find) && log.head >= 0.9;
    // and so can a Ruby backtrace's frames, a path, its line and the method (`app/workers/x.rb:
    // 142:in `perform'`): a log of errors a line and the traces under them, Sidekiq's
    // (grep's own prefix before a frame it found in a log, `log/sidekiq.log:130:/srv/x.rb:135:in
    // `perform'`, keeps it a search: a frame's place holds one colon)
    let frame_at_margin = |l: &str| logline::is_ruby_frame(l) && l.split(":in ").next().is_some_and(|place| place.matches(':').count() == 1);
    let paths_are_frames = shell == Some(Format::Grep) && share(lines, frame_at_margin) >= 0.5;
    if shell == Some(Format::Grep) && is_dump(&sample) {
        return Kind::Log;
    }
    if shell.is_some() && !(paths_are_events || paths_are_frames || (log.tagged >= 0.5 && log.share >= 0.6) || log.share >= 0.9) {
        return Kind::Shell;
    }
    if log.share >= 0.5 || log.opens_and_ends() || is_event_table(&sample) || is_zeek_log(&sample) || is_apt_history(&sample) || is_apt_term_log(&sample) {
        return Kind::Log;
    }
    // a log whose events hold dumps (InnoDB's deadlock report, its records ending in `;;`) is no
    // source file for the lines that end as statements do: code opens no event with a time
    if log.share < EVENTS_IN_CODE && is_code(&prose) {
        return Kind::Code;
    }
    // most lines written behind a few sources' tags (setupapi's `     inf:`, `     sto:`)
    let tags = source_tags(lines);
    if !tags.is_empty() && share(lines, |l| setting_key(l).is_some_and(|k| tags.contains(&k))) >= 0.5 {
        return Kind::Log;
    }
    // output with next to no prose in it (a CI job, a package manager, a thread dump, a crash)
    // is machine output, whatever its lines start with: the log compressor keeps each rare line
    // verbatim, where text's would cut the lines that read like filler
    let many = prose.iter().filter(|l| !l.trim().is_empty()).count() >= 20;
    // a list of names (`git status`) is no log: a log's compressor would fold names like values.
    // A build's commands end in a file too (`gcc -c -o src/arena.o src/arena.c`): each is a
    // step of a build, its options what it is
    let names = share(&prose, |l| crate::mask::names_a_file(l) && !gives_options(l)) >= 0.5;
    // (settings or a table whose lines are said again and again, word for word, are records a
    // program writes one after another: MariaDB's slow log, `ansible-playbook -v`'s results. A
    // list of settings says each once)
    let records = share_said_again(&prose) >= RECORDS_SAID_AGAIN;
    if many
        && !names
        && !(log.share < DUMP_IN_A_LOG && !records && is_settings_or_table(&sample))
        && (prose_share(&prose) < MACHINE_OUTPUT || repeats(&prose) >= REPEATED_OUTPUT)
        && !has_headings(&prose)
    {
        return Kind::Log;
    }
    Kind::Text
}

/// Whether `line` runs a command with options: it opens with a command's name or path, and a
/// word after it opens with a dash and a letter (`gcc -c -o src/a.o src/a.c`, `--output`). A
/// listing's words are sizes, modes and names (`4.0K -rw-r--r-- 1 ann ann 1234 …`).
fn gives_options(line: &str) -> bool {
    let mut words = line.split_ascii_whitespace();
    let command = words.next().is_some_and(|w| re!(r"^[./]*[A-Za-z_][\w.+/-]*$").is_match(w));
    command && words.any(|w| re!(r"^(-[A-Za-z]|--[A-Za-z])").is_match(w) && !re!(r"^[-dlcbps][-rwxsStT]{9}[.+@]?$").is_match(w))
}

/// The lines of `text` that open no log event.
fn outside_events(text: &str) -> String {
    text.lines().filter(|l| !logline::opens_event(l)).collect::<Vec<_>>().join("\n")
}

/// Whether the head of the sample opens with a long stretch of lines that no test runner or
/// build tool claims: from `PREAMBLE_LINES` such lines and `PREAMBLE_SHARE` of the head, the
/// runner's output is a part of something larger (runner outputs measured 0.05 of their head at
/// most, CI job logs 0.30 and up).
fn has_preamble(sample: &Sample) -> bool {
    let Some(head) = sample.parts().next() else {
        return false;
    };
    let lines = head.iter().filter(|l| !l.trim().is_empty()).count();
    let preamble = crate::testout::preamble(head);
    preamble >= PREAMBLE_LINES && preamble as f64 >= PREAMBLE_SHARE * lines as f64
}

/// Shares of the head's and of the tail's lines in log events from which a sample that opens
/// with a log and ends with one is a log, whatever it holds between (see
/// `LogEvidence::opens_and_ends`).
const LOG_HEAD: f64 = 0.5;
const LOG_TAIL: f64 = 0.1;

/// From this share of lines that open a log event, the sample is a log, whatever share of its
/// lines end as statements do (of 7,337 files read as code here, distutils' `log.py` measured the
/// most, 0.12; windows of logs that dump InnoDB's or Django's reports 0.30 and up).
const EVENTS_IN_CODE: f64 = 0.25;

/// Lines of a CI agent (`logline::is_ci_agent_line`) that make a sample a CI job's log: its
/// opening and its verdict (`Started by timer` … `Finished: FAILURE`).
const CI_AGENT_LINES: usize = 2;

const PREAMBLE_LINES: usize = 40;
const PREAMBLE_SHARE: f64 = 0.2;

/// From this share of lines in log events, settings are a dump inside a log (a build step's
/// environment), not a config of their own (configs and tables measured 0.0; buildbot's and
/// apt's history logs 0.43).
const DUMP_IN_A_LOG: f64 = 0.25;

/// Below this share of prose lines, text of 20 lines or more is machine output (documents
/// measured 0.14 and up; CI, apt, dpkg, jstack and panic logs 0.11 and below).
const MACHINE_OUTPUT: f64 = 0.12;

/// A word as sentences hold them: letters in any script (an apostrophe, a hyphen), maybe one
/// closing punctuation mark.
fn is_plain_word(w: &str) -> bool {
    let body = w.trim_end_matches([',', '.', ';', ':', '!', '?', ')', '。', '，']);
    w.chars().count() - body.chars().count() <= 1
        && body.starts_with(char::is_alphabetic)
        && body.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '-')
}

/// A line of prose: six words or more, most of them plain words (letters in any script, maybe
/// one closing punctuation mark), as sentences are and log fields are not; or, in a script
/// written without spaces (Chinese, Japanese), a run of mostly letters.
fn is_prose(line: &str) -> bool {
    let (mut words, mut plain) = (0, 0);
    for w in line.split_whitespace() {
        words += 1;
        plain += is_plain_word(w) as usize;
    }
    if words >= 6 {
        return plain * 10 >= words * 7;
    }
    // unspaced scripts: letters outside ASCII (a hash or base64 is ASCII, and no prose)
    let chars = line.chars().filter(|c| !c.is_whitespace()).count();
    let letters = line.chars().filter(|c| !c.is_ascii() && c.is_alphabetic()).count();
    letters >= 8 && letters * 10 >= chars * 7
}

/// A table whose rows are events: its header names a column of severities (`kubectl get
/// events`' `TYPE`, PowerShell's `EntryType`, a `LEVEL`), and nearly every row holds one there
/// (`Normal`, `Warning`, `Information`). Its rows fold by what they say, as a log's events do,
/// and its warnings stand out; a table of things (`kubectl get pods`, whose `STATUS` says how
/// each one is; `kubectl get svc`, whose `TYPE` is `ClusterIP`; grype's, whose `TYPE` is `deb`
/// beside a `SEVERITY` of `Critical`) stays a table of names.
fn is_event_table(sample: &Sample) -> bool {
    let Some(header) = sample.head.lines().find(|l| !l.trim().is_empty()) else {
        return false;
    };
    let Some(column) = severity_column(header) else {
        return false;
    };
    let rows: Vec<&str> = sample.lines.iter().copied().filter(|l| !l.trim().is_empty() && *l != header).collect();
    let events = rows.iter().filter(|l| column.holds_a_severity(l)).count();
    rows.len() >= EVENT_ROWS && events * 10 >= rows.len() * 9
}

/// Rows a table needs before it is read as a log of events.
const EVENT_ROWS: usize = 10;

/// Whether `grep -rn` printed whole files, not what a search found in them: nearly every line
/// follows the one above in the same file (`grep -rn -v x logs/`, `grep -rn . logs/`, a Frappe
/// bench's logs of tracebacks and celery banners). A search's matches stand apart, and each
/// file's first says which files matched; the lines of a dump are read as a log's, each file a
/// source.
fn is_dump(sample: &Sample) -> bool {
    let (mut lines, mut follows, mut above) = (0, 0, None);
    for (path, n) in sample.lines.iter().filter_map(|l| crate::shell::grep::match_at(l)) {
        lines += 1;
        follows += usize::from(above == Some((path, n.wrapping_sub(1))));
        above = Some((path, n));
    }
    lines >= EVENT_ROWS && follows * 10 >= lines * 9
}

/// A Zeek log in its TSV form: its header names the columns, the time first (`#fields\tts\tuid
/// …`), and nearly every row is a record of as many tab-separated fields that opens with its time.
/// Zeek writes a capture's times as seconds from its start when it reads one (`101.807107`), no
/// epoch a row alone would show (see `logline::opens_event`).
fn is_zeek_log(sample: &Sample) -> bool {
    let Some(fields) = sample.head.lines().find_map(|l| l.strip_prefix("#fields\tts\t")) else {
        return false;
    };
    let tabs = fields.matches('\t').count() + 1;
    let rows = sample.lines.iter().filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    let (rows, records) = rows.fold((0, 0), |(n, timed), row| (n + 1, timed + usize::from(is_timed_row(row, tabs))));
    rows >= EVENT_ROWS && records * 10 >= rows * 9
}

/// apt's `history.log`: a record a run of apt, its `Key: value` lines between a `Start-Date:` and
/// an `End-Date:` (`Start-Date: 2026-11-20  08:00:12`). A record's lists of packages run long (an
/// `Install:` line of 50 KB) and few lines open with a time, and a small machine's history may
/// be a few records: too few lines to read as machine output.
fn is_apt_history(sample: &Sample) -> bool {
    let keyed = |l: &&&str| l.trim().is_empty() || logline::is_apt_history_field(l);
    let lines = &sample.lines;
    lines.iter().any(|l| apt_dated(l, "Start-Date:"))
        && lines.iter().any(|l| apt_dated(l, "End-Date:"))
        && lines.iter().filter(keyed).count() * 10 >= lines.len() * 9
}

/// apt's `term.log`: what dpkg and the packages' scripts printed in each run of apt, between a
/// `Log started: 2020-07-04  02:16:10` and a `Log ended: …` line. Few of its lines open with a
/// time, and the scripts print sentences (`NOTICE: Not enabling PHP 7.2 FPM by default.`,
/// `A reboot is required to replace the running dbus-daemon.`): it opens with its first run's
/// start, which no document does.
fn is_apt_term_log(sample: &Sample) -> bool {
    sample.head.lines().find(|l| !l.trim().is_empty()).is_some_and(|first| apt_dated(first, "Log started:"))
}

/// Whether `line` is apt's `key` and the time it gives it, as its logs write one (`Start-Date:
/// 2026-11-20  08:00:12`, `Log started: 2020-07-04  02:16:10`).
fn apt_dated(line: &str, key: &str) -> bool {
    line.strip_prefix(key).is_some_and(|at| re!(r"^ \d{4}-\d{2}-\d{2} {1,2}\d{2}:\d{2}:\d{2}\s*$").is_match(at))
}

/// Whether `row` holds `tabs` tabs and opens with a time in seconds (`1354328870.245`, `74.712874`).
fn is_timed_row(row: &str, tabs: usize) -> bool {
    let time = row.split('\t').next().unwrap_or("");
    let (whole, fraction) = time.split_once('.').unwrap_or((time, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    digits(whole) && digits(fraction) && row.matches('\t').count() == tabs
}

/// Where a header names its column of severities: the byte it starts at, and which of the
/// header's cells (set off by two spaces or more) it is, of how many.
struct SeverityColumn {
    at: usize,
    cell: Option<usize>,
    cells: usize,
}

/// The column of severities a header of three or more column names, two spaces or more apart,
/// names, if it names one.
fn severity_column(header: &str) -> Option<SeverityColumn> {
    let cells: Vec<&str> = cells(header).collect();
    if cells.len() < 3 || !header.bytes().all(|c| c.is_ascii_alphabetic() || matches!(c, b' ' | b'_' | b'-')) {
        return None;
    }
    let is_name = |w: &str| ["type", "level", "severity", "entrytype", "leveldisplayname"].iter().any(|n| w.eq_ignore_ascii_case(n));
    let name = header.split(' ').find(|w| is_name(w))?;
    Some(SeverityColumn { at: name.as_ptr() as usize - header.as_ptr() as usize, cell: cells.iter().position(|c| is_name(c)), cells: cells.len() })
}

/// A table's row's cells: its text set off by two spaces or more (a cell may hold one space,
/// `LAST SEEN`, `kubelet, node-1`); an empty cell is none.
fn cells(row: &str) -> impl Iterator<Item = &str> {
    row.split("  ").map(str::trim).filter(|c| !c.is_empty())
}

impl SeverityColumn {
    /// Whether a row holds a severity in this column: where the header's name starts, or in
    /// the row's cell of that rank, counted as if its empty cells were there (`oc get events -o
    /// wide` lines its rows up a chunk at a time, each as wide as its values; a pod's event has
    /// no `SUBOBJECT`).
    fn holds_a_severity(&self, row: &str) -> bool {
        let starts = self.at == 0 || row.as_bytes().get(self.at - 1) == Some(&b' ');
        let there = row.get(self.at..).and_then(|r| r.split(' ').next()).unwrap_or("");
        if starts && is_severity(there) {
            return true;
        }
        let Some(cell) = self.cell else {
            return false;
        };
        let cells: Vec<&str> = cells(row).collect();
        let empty = self.cells.saturating_sub(cells.len());
        (cell.saturating_sub(empty)..=cell).any(|k| cells.get(k).is_some_and(|c| is_severity(c)))
    }
}

/// Whether a table's cell is a severity: a level's word, or one a table of events has for one
/// (Kubernetes' `Normal`, Windows' audit results); a letter alone is no level in a column.
fn is_severity(cell: &str) -> bool {
    cell.len() > 2
        && (crate::logline::word_severity(cell).is_some()
            || ["normal", "informational", "emergency", "failureaudit", "successaudit"].iter().any(|s| cell.eq_ignore_ascii_case(s)))
}

/// Settings and tables, which a log's compressor would fold like values: most lines set a key
/// (`key: value`, `key = value`, `KEY=value`, `[section]`: YAML, INI, `env`, `kubectl
/// describe`), line up in columns (`ps aux`, `pip list`) or are records of the same number of
/// delimited fields (`/etc/passwd`). Each part of the sample weighs the same, so a build log
/// that opens with a dump of its environment stays a log.
fn is_settings_or_table(sample: &Sample) -> bool {
    let shares: Vec<f64> = sample.parts().filter_map(settings_or_table_share).collect();
    !shares.is_empty() && shares.iter().sum::<f64>() / shares.len() as f64 > 0.5
}

/// The share of a part's lines that are settings, rows of a table or records; comment lines
/// say nothing either way.
fn settings_or_table_share(lines: &[&str]) -> Option<f64> {
    let lines: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with(['#', ';']))
        .collect();
    if lines.len() < 5 {
        return None;
    }
    let tags = source_tags(&lines);
    let keys: Vec<Option<&str>> = lines.iter().map(|l| setting_key(l).filter(|k| !tags.contains(k))).collect();
    // a key said again on the line before or after, with only its numbers changed (the key's
    // too), is a meter a program prints as it goes (a download's `Progress (1): 4.1/22 kB` as it
    // grows, a game's `frame 181: spawned enemy 181`), not a setting: a config that repeats a key
    // gives it other values (php.ini's `extension=`, LDIF's `member:`, a list's items)
    let letters = |i: usize| lines[i].bytes().filter(u8::is_ascii_alphabetic);
    let same_key = |i: usize, j: usize| match (keys[i], keys[j]) {
        (Some(a), Some(b)) => a.bytes().filter(|c| !c.is_ascii_digit()).eq(b.bytes().filter(|c| !c.is_ascii_digit())),
        (a, b) => a == b,
    };
    let meter = |i: usize, j: usize| same_key(i, j) && letters(i).eq(letters(j));
    let said_again = |i: usize| {
        !lines[i].trim_start().starts_with("- ") && ((i > 0 && meter(i - 1, i)) || (i + 1 < lines.len() && meter(i, i + 1)))
    };
    let setting = |i: usize| keys[i].is_some() && !said_again(i);
    let columns = aligned_columns(&lines);
    let records = delimited_records(&lines);
    // a line that opens a log event (`04:43:06     INFO -  Values: 431.0`) is neither
    let data = (0..lines.len())
        .filter(|&i| (setting(i) || columns[i] || records[i]) && !logline::opens_event(lines[i]))
        .count();
    Some(data as f64 / lines.len() as f64)
}

/// The key a line sets (`key: value`, `key = value`, `KEY=value`, `- key: value`, or `""` for
/// a `[section]`), if it sets one. An arrow or a comparison (`TCP Options (3) => NOP`, `a ==
/// b`) sets nothing, and a bracketed key and value (Snort's `[Priority: 0]`) is no section.
fn setting_key(l: &str) -> Option<&str> {
    let key = re!(concat!(
        r#"^\s*(- )?("[^"]*"|'[^']*'|[A-Za-z_][\w.\-/]*( [\w.\-/()]+){0,3})\s*(:(\s|$)|=([^>=]|$))"#,
        r"|^\s*\[([^\]:]|:\S)+\]\s*$"
    ));
    let c = key.captures(l)?;
    // `Error: bind EACCES` is an event that states its level, not a setting
    // `ok: [web1]`, `changed: [web1]` (Ansible) are a status stream, not settings
    let setting = !l[c.get(0)?.end()..].trim_start().starts_with('[')
        && logline::severity(l) == logline::Severity::Other;
    setting.then(|| c.get(2).map_or("", |k| k.as_str()))
}

/// The keys that open five lines or more, each before a message of several words, when
/// together they open most keyed lines: the sources that wrote those lines, as a log's tags
/// (setupapi's `     inf:           Legacy directive 'LogConfig' will be ignored.`). A config
/// sets each key once, and a list of records holds a value or two after most keys.
fn source_tags<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let mut keys: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
    let mut keyed = 0;
    for l in lines {
        if let Some(k) = setting_key(l) {
            // (a list's item, `- Apple: Add …` in a changelog, is no source's line)
            let k = if l.trim_start().starts_with("- ") { "" } else { k };
            let e = keys.entry(k).or_default();
            e.0 += 1;
            e.1 += l.split_once(k).map_or(0, |(_, rest)| rest.split_whitespace().count());
            keyed += 1;
        }
    }
    keys.retain(|k, &mut (n, words)| !k.is_empty() && n >= 5 && words >= 4 * n);
    if keys.values().map(|&(n, _)| n).sum::<usize>() * 2 < keyed {
        return Vec::new();
    }
    keys.into_keys().collect()
}

/// Which lines are rows of a table: two gaps of two spaces or more between fields, or two
/// fields with a gap where half the lines have one (`pip list`; a progress line's `web
/// Pulling   0.1s` is no pair).
fn aligned_columns(lines: &[&str]) -> Vec<bool> {
    let gaps: Vec<Vec<usize>> = lines.iter().map(|l| column_starts(l)).collect();
    let mut at = std::collections::HashMap::<usize, usize>::new();
    for g in &gaps {
        for &c in g {
            *at.entry(c).or_default() += 1;
        }
    }
    gaps.iter()
        .zip(lines)
        .map(|(g, l)| {
            g.len() >= 2
                || (l.split_whitespace().count() == 2 && g.iter().any(|c| at[c] * 2 >= lines.len()))
        })
        .collect()
}

/// Where the fields that follow a gap of two spaces or more start (the indentation is no gap).
fn column_starts(line: &str) -> Vec<usize> {
    let b = line.as_bytes();
    let mut out = vec![];
    let mut i = b.iter().position(|&c| c != b' ' && c != b'\t').unwrap_or(b.len());
    while i < b.len() {
        if b[i] == b' ' {
            let start = i;
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
            if i - start >= 2 && i < b.len() {
                out.push(i);
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Which lines are records of three delimiters or more (`:`, `,`, `|`, `;`, tab), as many as
/// most such lines have, that start with a field of one word (an indented stack frame's
/// `(node:internal/cluster/child:163:12)` is no record).
fn delimited_records(lines: &[&str]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    for d in [':', ',', '|', ';', '\t'] {
        let record = |l: &str| {
            let first = l.split(d).next().unwrap_or("");
            !first.is_empty() && !first.contains(char::is_whitespace)
        };
        let counts: Vec<usize> = lines
            .iter()
            .map(|l| if record(l) { l.matches(d).count() } else { 0 })
            .collect();
        let mut seen = std::collections::HashMap::<usize, usize>::new();
        for &c in counts.iter().filter(|&&c| c >= 3) {
            *seen.entry(c).or_default() += 1;
        }
        let Some((&modal, _)) = seen.iter().max_by_key(|&(c, n)| (n, c)) else {
            continue;
        };
        for (o, &c) in out.iter_mut().zip(&counts) {
            *o |= c == modal;
        }
    }
    out
}

/// From this share of lines whose shape recurs, prose-like lines are a program's messages, one
/// per event (`Accepted password for ann from 10.0.0.5 port 48918 ssh2`, `LOG:  checkpoint
/// starting: time`), not a document: a document says each thing once (documents measured 0.26
/// at most, header-less server logs 0.96 and up).
const REPEATED_OUTPUT: f64 = 0.6;

/// The share of lines that are prose, as a document's are: a sentence whose shape (numbers
/// masked) recurs is a program's message, one per event (dpkg's `dpkg: warning: parsing file
/// '/var/lib/dpkg/status' near line 24 package 'dpkg':`), which a document would say once.
fn prose_share(lines: &[&str]) -> f64 {
    let (_, once) = shapes_recurring(lines, is_prose);
    once as f64 / nonblank(lines).max(1) as f64
}

/// Lines said word for word three times or more, as a share of lines with text: from this share
/// on, settings or rows are records (see `sniff`).
const RECORDS_SAID_AGAIN: f64 = 0.25;

/// The share of lines with text whose every word, numbers included, recurs three times or more.
fn share_said_again(lines: &[&str]) -> f64 {
    let (again, _) = recurring(lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()));
    again as f64 / nonblank(lines).max(1) as f64
}

/// The share of lines with words whose shape (numbers masked) recurs three times or more.
fn repeats(lines: &[&str]) -> f64 {
    let (recurring, _) = shapes_recurring(lines, |l| l.bytes().filter(u8::is_ascii_alphabetic).count() >= 2);
    recurring as f64 / nonblank(lines).max(1) as f64
}

/// Of the lines `pick` takes, how many have a shape (numbers masked) that recurs three times
/// or more among them, and how many do not. A program's message that quotes the name it
/// reports on (MSBuild's `Considered "C:\lib\x.dll", but it didn't exist.`, one per file it
/// tried) is shaped without it: the words around the quotes are the message. A line that says
/// little but its quotes (a catalog's `msgid "…"`, an attribute, a list's `+ "…"`) keeps them.
fn shapes_recurring(lines: &[&str], pick: impl Fn(&str) -> bool) -> (usize, usize) {
    let shape = |l: &str| {
        let l = l.trim();
        if memchr::memchr2(b'"', b'\'', l.as_bytes()).is_some() {
            let around = crate::mask::without_single_quoted(&crate::mask::without_quoted(l));
            if around.split_whitespace().filter(|w| is_plain_word(w)).count() >= SAID_AROUND_QUOTES {
                return crate::mask::shape(&around);
            }
        }
        crate::mask::shape(l)
    };
    let shapes: Vec<String> = lines.iter().filter(|l| pick(l)).map(|l| shape(l)).collect();
    recurring(shapes.iter().map(String::as_str))
}

/// Words outside its quotes that make a line a message about what it quotes (plain words: an
/// attribute's `name=` or a tag's `<item` say nothing).
const SAID_AROUND_QUOTES: usize = 3;

/// Of `keys`, how many are one of three or more alike, and how many are not.
fn recurring<'a>(keys: impl Iterator<Item = &'a str>) -> (usize, usize) {
    let mut counts = FxHashMap::<&str, usize>::default();
    for k in keys {
        *counts.entry(k).or_default() += 1;
    }
    let all: usize = counts.values().sum();
    let recurring: usize = counts.values().filter(|&&n| n >= 3).sum();
    (recurring, all - recurring)
}

fn nonblank(lines: &[&str]) -> usize {
    lines.iter().filter(|l| !l.trim().is_empty()).count()
}

/// Markdown headings, which stand after a blank line (a shell comment need not): a document,
/// however little prose it has.
fn has_headings(lines: &[&str]) -> bool {
    let after_blank = |i: usize| i == 0 || lines[i - 1].trim().is_empty();
    (0..lines.len()).filter(|&i| is_heading(lines[i]) && after_blank(i)).count() >= 2
}

/// A markdown heading: `# Agent stops after the planner fails`.
fn is_heading(line: &str) -> bool {
    re!(r"^#{1,6} \S").is_match(line)
}

/// Whether `lines` open with a document's title: a markdown heading, or a line underlined with
/// `===` or `---`.
fn opens_with_title(lines: &[&str]) -> bool {
    let mut text = lines.iter().filter(|l| !l.trim().is_empty());
    let (Some(first), second) = (text.next(), text.next()) else {
        return false;
    };
    is_heading(first) || second.is_some_and(|l| re!(r"^(=+|-+)\s*$").is_match(l))
}

fn share(lines: &[&str], pred: impl Fn(&str) -> bool) -> f64 {
    let nonblank: Vec<&&str> = lines.iter().filter(|l| !l.trim().is_empty()).collect();
    if nonblank.is_empty() {
        return 0.0;
    }
    nonblank.iter().filter(|l| pred(l)).count() as f64 / nonblank.len() as f64
}

/// JSON lines that are log events (docker, Caddy, bunyan, zap…): read as a log, whose
/// compressor templates them and keeps its lines verbatim, rather than as a table of records.
/// A record may go on over more lines: Elasticsearch's JSON log writes a stack trace as an
/// array, a frame a line (`"at org.elasticsearch…",`), and such lines are JSON's strings and
/// brackets. A record opens on a line of its own keys, so a document printed a key a line (`jq
/// .`) opens its objects with a bare `{` and is no log.
fn is_json_lines_log(lines: &[&str]) -> bool {
    let objects: Vec<&&str> = lines
        .iter()
        .filter(|l| l.trim_start().starts_with('{'))
        .collect();
    let nonblank = lines.iter().filter(|l| !l.trim().is_empty()).count();
    let in_records = objects.len()
        + lines
            .iter()
            .filter(|l| l.trim_start().starts_with(['"', '[', ']', '}']))
            .count();
    objects.len() >= 3
        && in_records * 10 >= nonblank * 9
        && objects
            .iter()
            .filter(|l| logline::is_json_event(l) || logline::is_timed_json_record(l))
            .count()
            * 10
            >= objects.len() * 8
}

/// A whole JSON document, or JSON objects and arrays one after another: NDJSON, or values
/// printed over several lines each (`jq`, `go list -json`).
pub fn looks_like_json(text: &str) -> bool {
    const JSON_SPACE: [char; 4] = [' ', '\n', '\r', '\t'];
    let t = text.trim_start_matches(JSON_SPACE);
    let mut values = serde_json::Deserializer::from_str(t).into_iter::<serde::de::IgnoredAny>();
    let mut any = false;
    loop {
        let rest = t[values.byte_offset()..].trim_start_matches(JSON_SPACE);
        if rest.is_empty() {
            return any;
        }
        if !rest.starts_with(['{', '[']) || !matches!(values.next(), Some(Ok(_))) {
            return false;
        }
        any = true;
    }
}

/// The lines outside markdown code fences: a README full of examples is prose, not code.
fn outside_fences<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let mut inside = false;
    let mut out = Vec::with_capacity(lines.len());
    for l in lines {
        // Buildkite's `~~~ Running commands` sections are no fence
        if re!(r"^\s*(```|~~~[\w.+-]*\s*$)").is_match(l) {
            inside = !inside;
        } else if !inside {
            out.push(*l);
        }
    }
    out
}

/// Whether `lines` read as source code. A decorator or an annotation opens a line alone or
/// with its arguments (`@Override`, `@app.route("/")`); a package's scope does not
/// (turborepo's `@mono/utils:build: …` before each line a task prints).
fn is_code(lines: &[&str]) -> bool {
    let re = re!(concat!(
        r"^\s*(import |from \S+ import |#include |package |use |fn |pub |impl |def |async def |class |",
        r"func |type \w+ |const |let |var |function |export |module\.exports|require\(|struct |enum |",
        r"interface |public |private |protected |static |return |if \(|for \(|while \(|\}|@[\w.]+(\(|\s*$)|#!/|#!?\[)"
    ));
    // C-style comment lines say nothing either way: a well-documented file is still code
    let uncommented: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !is_comment_line(l))
        .collect();
    let base = if uncommented.iter().filter(|l| !l.trim().is_empty()).count() >= 10 {
        &uncommented[..]
    } else {
        lines
    };
    let code_like = share(base, |l| {
        // Rust attributes (`#[arg(` … `)]`) open and close lines the way decorators do
        let end = l.trim_end();
        re.is_match(l) || is_preprocessor(l) || end.ends_with(['{', ';', ':']) || end.ends_with(")]")
    });
    code_like >= 0.35 || is_python(lines) || has_definitions(lines) || has_shebang(lines)
}

fn is_comment_line(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("//") || t.starts_with("/*") || t.starts_with('*')
}

fn is_preprocessor(line: &str) -> bool {
    re!(r"^\s*#\s*(if|ifdef|ifndef|endif|else|elif|define|undef|include|pragma)\b").is_match(line)
}

/// Lines that only source code starts with: Go, Rust, C and C++, TypeScript declarations.
fn has_definitions(lines: &[&str]) -> bool {
    let re = re!(concat!(
        r"^(package \w+\s*$|func (\([^)]*\) )?\w+(\[.*\])?\(|import \($|(pub(\(\w+\))? )?(fn|struct|enum|trait|mod) \w+|",
        r"impl(<.*>)? \w|use [\w:]+(::\{.*\})?;|#\s*(include|define|ifndef)\b|typedef |namespace \w+|template\s*<|",
        r"(export )?(declare |interface \w+|type \w+(<.*>)? = ))"
    ));
    if lines.iter().any(|l| l.starts_with("```")) {
        return false;
    }
    let hits = lines.iter().filter(|l| re.is_match(l)).count();
    hits >= 5 && share(lines, |l| re.is_match(l)) >= 0.04
}

/// A script names its interpreter on the first line.
fn has_shebang(lines: &[&str]) -> bool {
    re!(r"^#!\s*/\S*/(env\s+)?((ba|z|k|da)?sh|python[\d.]*|node|ruby|perl|php)\b")
        .is_match(lines.first().copied().unwrap_or(""))
}

/// Python with long docstrings has few lines that end like code, but its `def`, `class` and
/// import lines are distinctive; prose with a code sample (markdown fences) does not count.
fn is_python(lines: &[&str]) -> bool {
    let re =
        re!(r"^\s*((async )?def \w+\s*\(|class \w+\s*[(:]|import [\w.]+|from [.\w]+ import \S)");
    if lines.iter().any(|l| l.starts_with("```")) {
        return false;
    }
    let hits = lines.iter().filter(|l| re.is_match(l)).count();
    hits >= 5 && share(lines, |l| re.is_match(l)) >= 0.02
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_output_with_no_prose_is_a_log_and_a_document_or_a_list_of_names_is_not() {
        // a thread dump: no time, no level, and no sentence either
        let jstack: String = (0..12)
            .map(|i| format!("\"worker-{i}\" #{i} prio=5 os_prio=0 tid=0x00007f{i:04x} nid=0x{i:x} waiting on condition\n   java.lang.Thread.State: WAITING (parking)\n\tat jdk.internal.misc.Unsafe.park(Native Method)\n\n"))
            .collect();
        assert_eq!(sniff(jstack.as_bytes()), Kind::Log);
        // Buildkite's job log: `~~~` sections (no markdown fence) and `# comment` lines
        let job: String = (0..25)
            .map(|i| {
                let comment = if i % 5 == 0 { "# Fetch and checkout remote branch HEAD commit\n" } else { "" };
                format!("~~~ Running step {i}\n{comment}$ git fetch -v --prune -- origin main\nPOST git-upload-pack ({} bytes)\n * branch  main  -> FETCH_HEAD\n", 300 + i)
            })
            .collect();
        assert_eq!(sniff(job.as_bytes()), Kind::Log);
        // `git status`: names, which a log's compressor would fold like values
        let status: String = "On branch master\nChanges not staged for commit:\n".to_string()
            + &(0..30).map(|i| format!("\tmodified:   docs/page{i}.md\n")).collect::<String>();
        assert_ne!(sniff(status.as_bytes()), Kind::Log);
        // `./configure && make`: a build's commands end in the files they make, but give
        // options; steps, not names
        let checks = ["all", "extra", "error", "sign-compare", "undef", "pointer-arith", "no-missing-braces"];
        let build: String = checks.iter().cycle().take(20).map(|w| format!("checking whether compiler supports -W{w}... yes\n")).collect::<String>()
            + &(0..30)
                .map(|i| format!("gcc -std=gnu11 -Wall -Werror -O3 -c -fPIC -DPIC -o src/unit{i}.pic.o src/unit{i}.c\nnm -a src/unit{i}.sym.o | mawk -f include/private_symbols.awk > src/unit{i}.sym\n"))
                .collect::<String>();
        assert_eq!(sniff(build.as_bytes()), Kind::Log);
        // `ls -lRsh` (of this repository's core): its modes are no options, its names a listing's
        let listing: String = [
            "src:\n",
            "total 1.4M\n",
            "4.0K -rw-r--r-- 1 root root 3.1K Dec  6 23:28 bound.rs\n",
            " 12K -rw-r--r-- 1 root root 9.6K Dec  6 23:28 compressbase.rs\n",
            " 20K -rw-r--r-- 1 root root  18K Dec  6 23:28 diff.rs\n",
            "120K -rw-r--r-- 1 root root 117K Dec  7 09:35 drain.rs\n",
            " 12K -rw-r--r-- 1 root root  11K Dec  7 07:37 escapes.rs\n",
            " 24K -rw-r--r-- 1 root root  21K Dec  6 23:28 fold.rs\n",
            "4.0K -rw-r--r-- 1 root root 3.7K Dec  6 23:28 grep.rs\n",
            " 56K -rw-r--r-- 1 root root  54K Dec  6 23:28 guard.rs\n",
            "4.0K -rw-r--r-- 1 root root 2.9K Dec  6 23:28 hash.rs\n",
            "4.0K drwxr-xr-x 2 root root 4.0K Dec  6 23:38 json\n",
            " 24K -rw-r--r-- 1 root root  21K Dec  6 23:37 json.rs\n",
            "4.0K -rw-r--r-- 1 root root 2.7K Dec  6 23:28 lib.rs\n",
            " 12K -rw-r--r-- 1 root root  12K Dec  6 23:28 lines.rs\n",
            "4.0K drwxr-xr-x 2 root root 4.0K Dec  7 07:50 log\n",
            "484K -rw-r--r-- 1 root root 481K Dec  7 09:54 log.rs\n",
            "192K -rw-r--r-- 1 root root 192K Dec  7 08:40 logline.rs\n",
            " 20K -rw-r--r-- 1 root root  17K Dec  6 23:28 marker.rs\n",
            " 28K -rw-r--r-- 1 root root  26K Dec  7 03:18 mask.rs\n",
        ]
        .concat();
        assert_ne!(sniff(listing.as_bytes()), Kind::Log);
        // a markdown reference with little prose and many headings is a document
        let doc: String = (0..15)
            .map(|i| format!("\n### `option{i}` [string]\n\nDefault: `undefined`\n\n```js\nmodule.exports = {{option{i}: 1}};\n```\n"))
            .collect();
        assert_eq!(sniff(doc.as_bytes()), Kind::Text);
    }

    #[test]
    fn apts_history_is_a_log_however_few_its_records() {
        // a small machine's history: three runs of apt, the first's `Install:` line 11 KB long
        let packages: Vec<String> = (0..300).map(|k| format!("lib{k}-dev:amd64 (1.{k}-1, automatic)")).collect();
        let history: String = [packages.join(", "), "redis-server:amd64 (5:7.0.15-1~deb12u1)".into(), "nginx:amd64 (1.22.1-9)".into()]
            .iter()
            .enumerate()
            .map(|(i, installed)| format!("Start-Date: 2026-11-2{i}  08:0{i}:12\nCommandline: apt-get install -y pkg{i}\nRequested-By: admin (1000)\nInstall: {installed}\nEnd-Date: 2026-11-2{i}  08:0{i}:40\n\n"))
            .collect();
        assert_eq!(sniff(history.as_bytes()), Kind::Log);
        // a document that quotes one record is no history
        let doc = format!("# Reading apt's history\n\nEach run of apt leaves a record such as this one in the file, and the\nlines below explain what each of its fields means for the reader.\n\n{}", &history[..history.find("Install:").unwrap()]);
        assert_ne!(sniff(doc.as_bytes()), Kind::Log);
    }

    #[test]
    fn apts_term_log_is_a_log_whatever_its_scripts_say() {
        // runs of apt that installed nothing, then two that did: dpkg's lines and what the
        // packages' scripts print, sentences most of them, and dpkg's progress over its
        // database, one line
        let reading: String = (0..21).map(|k| format!("(Reading database ... {}%", k * 5)).collect();
        let mut term = String::from("\n");
        for i in 0..5 {
            term += &format!("Log started: 2020-06-11  19:3{i}:20\nLog ended: 2020-06-11  19:3{i}:24\n\n");
        }
        for (i, p) in ["php7.2-common", "php7.2-fpm"].iter().enumerate() {
            term += &format!("Log started: 2020-07-0{}  02:1{i}:10\nSelecting previously unselected package {p}.\n{reading}(Reading database ... 70317 files and directories currently installed.)\n", i + 1);
            term += &format!("Preparing to unpack .../{p}_2.4.{i}_amd64.deb ...\nUnpacking {p} (2.4.{i}) ...\nSetting up {p} (2.4.{i}) ...\n\n");
            for module in ["calendar", "ctype", "exif", "fileinfo", "ftp", "gettext", "iconv", "pdo", "phar", "posix", "shmop", "sockets"] {
                term += &format!("\nCreating config file /etc/php/7.2/mods-available/{module}.ini with new version\n");
            }
            term += "NOTICE: Not enabling PHP 7.2 FPM by default.\nNOTICE: To enable PHP 7.2 FPM in Apache2 do:\nNOTICE: You are seeing this message because you have apache2 package installed.\n";
            term += "A reboot is required to replace the running dbus-daemon.\nPlease reboot the system when convenient.\n";
            term += &format!("Processing triggers for man-db (2.8.3-2ubuntu0.1) ...\nLog ended: 2020-07-0{}  02:1{i}:54\n\n", i + 1);
        }
        assert_eq!(sniff(term.as_bytes()), Kind::Log);
        // a document that quotes a run's start further down is none
        let doc = format!(
            "# What apt writes\n\nEach run of apt leaves what its packages printed in a file, and the lines\nbelow show the start of one such run, as an administrator would read it.\n\n{}\nThe lines that follow it are what dpkg and the scripts of each package said.\n",
            &term[term.find("Log started: 2020-07").unwrap()..term.find("Preparing").unwrap()]
        );
        assert_ne!(sniff(doc.as_bytes()), Kind::Log);
    }

    #[test]
    fn a_log_whose_head_one_long_line_fills_is_read_past_it() {
        // apt's history: a dist-upgrade's `Install:` line of 52 KB, the third block of 40; the
        // head ends inside it, and the blocks after it are what says this is a log
        let block = |i: usize, packages: &str| {
            format!("Start-Date: 2014-12-30  10:{i:02}:09\nCommandline: apt-get install -y --force-yes pkg{i}\nInstall: {packages}\nUpgrade: tzdata:i386 (2014b-1, 2014e-1)\nEnd-Date: 2014-12-30  10:{i:02}:28\n\n")
        };
        let many: Vec<String> = (0..1700).map(|k| format!("lib{k}:i386 (1.{k}-1, 1.{k}-2)")).collect();
        let mut text = String::new();
        for i in 0..40 {
            text += &block(i, &if i == 2 { many.join(", ") } else { format!("pkg{i}:i386 (0.{i}-1, automatic)") });
        }
        assert!(text.len() > HEAD + 4096 && text.len() < HEAD + PART, "{}", text.len());
        assert_eq!(sniff(text.as_bytes()), Kind::Log);
        // a head of many lines is read alone: a few lines past it do not weigh as much as it
        let code: String = (0..1060).map(|i| format!("    let value_{i} = settings.read(\"key{i}\")?;\n")).collect();
        let code = format!("fn load(settings: &Settings) -> Result<()> {{\n{code}    Ok(())\n}}\n");
        let code = format!("{code}//{}\n", "-".repeat(HEAD - 40 - code.len()));
        let tail: String = (0..3).map(|i| format!("2024-05-01 10:00:0{i},123 INFO [main] Started\n")).collect();
        assert_eq!(sniff(format!("{code}{tail}").as_bytes()), Kind::Code);
    }

    #[test]
    fn a_server_log_with_no_header_is_a_log_however_much_its_messages_read_as_prose() {
        // `sshd -D -e` at LogLevel INFO: no time, no level, and each message a sentence; but
        // the same few messages again and again, where a document says each thing once
        let sessions: String = (0..12)
            .map(|i| {
                let port = 48918 + 6 * i;
                format!("Accepted password for alice from 127.0.0.1 port {port} ssh2\nReceived disconnect from 127.0.0.1 port {port}:11: disconnected by user\nDisconnected from user alice 127.0.0.1 port {port}\n")
            })
            .collect();
        let log = format!("Server listening on 127.0.0.1 port 2299.\n{sessions}Received signal 15; terminating.\n");
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
        // a document's sentences do not recur
        let words = ["option", "flag", "setting", "switch", "mode"];
        let doc: String = (0..40)
            .map(|i| format!("The {} named {} changes what the program writes {}.\n", words[i % 5], words[i / 8], ["first", "next", "last", "again", "twice", "once", "here", "there"][i % 8]))
            .collect();
        assert!(repeats(&doc.lines().collect::<Vec<_>>()) < REPEATED_OUTPUT);
        assert_eq!(sniff(doc.as_bytes()), Kind::Text);
    }

    #[test]
    fn a_log_that_dumps_documents_between_its_events_is_a_log_and_a_document_is_not() {
        // an agent's pod: its start, the prompts it sends (markdown, sentence after sentence),
        // and its events again at the end, among the answers it prints
        let words = |i: usize, k: usize| ["operator", "program", "answer", "request", "reason", "result", "memory", "system", "tool", "plan", "store", "report"][(i * 7 + k * 5) % 12];
        let prose = |from: usize, n: usize| -> String {
            (from..from + n)
                .map(|i| {
                    let heading = if i % 9 == 0 { format!("\n## Directive {i}\n\n") } else { String::new() };
                    format!("{heading}The {} must keep the {} of every {} it makes, and say why the {} {} the {}.\n", words(i, 0), words(i, 1), words(i, 2), words(i, 3), ["changes", "holds", "drops"][i % 3], words(i, 4))
                })
                .collect()
        };
        let event = |k: usize, what: &str| format!("2026-04-07 09:{:02}:{:02} | INFO     | agent.tools.{what} | [{what}] step {k} done for slug=coach_{k}\n", k / 60 % 60, k % 60);
        let start: String = (0..400).map(|k| event(k, ["router", "loader", "store"][k % 3])).collect();
        let tail: String = (0..40).map(|k| format!("{}{}", prose(5000 + 4 * k, 3), event(900 + k, "subagents"))).collect();
        let log = format!("{start}{}{tail}", prose(0, 1200));
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
        // a document that ends by quoting a few such events, and one that opens with them but
        // ends as prose, are documents
        let quoting = format!("{}{tail}", prose(0, 1600));
        assert_eq!(sniff(quoting.as_bytes()), Kind::Text);
        let opening = format!("{start}{}", prose(0, 1600));
        assert_eq!(sniff(opening.as_bytes()), Kind::Text);
        // and so is an issue that pastes the log at its head and in its last comment: it opens
        // with its title
        let issue = format!("# Agent stops after the planner fails\n\nSeen since 2.4, logs below.\n\n{start}{}{tail}", prose(0, 1200));
        assert_eq!(sniff(issue.as_bytes()), Kind::Text);
        // where the log opens with a line of its own, it is the log still
        let defaulted = format!("Defaulted container \"agent\" out of: agent, istio-proxy\n{log}");
        assert_eq!(sniff(defaulted.as_bytes()), Kind::Log);
    }

    #[test]
    fn opentelemetrys_log_records_are_a_json_lines_log_with_their_severity() {
        // the Python SDK's console exporter, a record a line: its level is `severity_text`, its
        // message the `body`, and its time comes after them
        let record = |k: usize, body: &str, level: &str| {
            format!(r#"{{"body": "{body}", "severity_number": 9, "severity_text": "{level}", "attributes": {{"batch": {k}, "supplier": "globex"}}, "dropped_attributes": 0, "timestamp": "2026-12-06T22:43:{:02}.294857Z", "trace_id": "0x00000000000000000000000000000000"}}"#, k % 60) + "\n"
        };
        let log: String = (0..40).map(|k| if k % 10 == 9 { record(k, "feed download failed", "ERROR") } else { record(k, "batch started", "INFO") }).collect();
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
        assert_eq!(logline::declared(&record(9, "feed download failed", "ERROR")), Some(logline::Severity::Error));
    }

    #[test]
    fn wines_debug_channels_are_a_log_with_their_classes() {
        // `WINEDEBUG=+seh,+loaddll wine app.exe`: the thread's id, the class, the channel and
        // the function, with no time; it read as text
        let mut log = String::from("wine: created the configuration directory '/root/.wine'\n");
        for k in 0..30 {
            log += &format!("{:04x}:trace:loaddll:build_module Loaded L\"C:\\\\windows\\\\system32\\\\lib{k}.dll\" at 00000002{:04X}0000: builtin\n", 0x2c + k % 3 * 8, k * 77);
            if k % 7 == 3 {
                log += "002c:fixme:actctx:parse_depend_manifests Could not find dependent assembly L\"Microsoft.Windows.Common-Controls\" (6.0.0.0)\n";
            }
        }
        log += "0050:err:ole:CoMarshalInterface Failed to marshal the interface {6d5140c1-7436-11ce-8034-00aa006009fa}, hr 0x800736b7\n";
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
        assert_eq!(logline::declared("0050:err:ole:CoMarshalInterface Failed to marshal the interface, hr 0x800736b7"), Some(logline::Severity::Error));
        assert_eq!(logline::declared("fixme:d3d:wined3d_guess_card No card selector available"), Some(logline::Severity::Warn));
        assert_eq!(logline::declared("0024:0028:trace:seh:dispatch_exception code=c0000005 flags=0"), Some(logline::Severity::Other));
        assert_eq!(crate::log::level("0050:err:ole:apartment_get_local_server_stream Failed: 0x800736b7"), logline::Severity::Error);
        // with `+timestamp`, as Proton's logs are written; a function's name that ends as a
        // GLib level would
        assert_eq!(logline::declared("3541.247:0024:0028:err:ole:CoGetClassObject no class object"), Some(logline::Severity::Error));
        assert_eq!(logline::declared("fixme:ole:OleInitializeWOWL stub"), Some(logline::Severity::Warn));
        // behind the journal's header or a stream's prefix, where the program's words begin
        assert_eq!(logline::declared("Jan 15 10:00:01 host steam[1234]: 0024:err:ole:CoGetClassObject class not registered"), Some(logline::Severity::Error));
        assert_eq!(logline::declared("app-1  | 0024:err:ole:CoGetClassObject class not registered"), Some(logline::Severity::Error));
        // a word of that shape elsewhere is no class
        assert_eq!(logline::declared("2024-01-15 10:00:00 trace:4bf92f35:web ERROR payment failed: card declined"), Some(logline::Severity::Error));
    }

    #[test]
    fn a_mysql_error_log_of_its_old_stamps_is_a_log() {
        // MySQL before 5.7 stamps its error log `YYMMDD  H:MM:SS`, the hour padded with a
        // space; its server's messages between start and end read as sentences
        // (percona/percona-toolkit's t/pt-mext/samples)
        let log = "080721 03:03:57  mysqld started\n080721  3:04:00 [Warning] option 'log_slow_rate_limit': unsigned value 0 adjusted to 1\n080721  3:04:01 [ERROR] /usr/sbin/mysqld: unknown variable 'ssl-key=/opt/mysql.pdns/.cert/server-key.pem'\n080721 03:04:01  mysqld ended\n\n080721 03:10:57  mysqld started\n080721  3:10:58 [Warning] No argument was provided to --log-bin, and --log-bin-index was not used; so replication may break when this MySQL server acts as a master and has his hostname changed!! Please use '--log-bin=/var/run/mysqld/mysqld-bin' to avoid this problem.\n080721  3:11:08  InnoDB: Started; log sequence number 1 3703096531\n080721  3:11:12 [ERROR] Failed to open the relay log './srv-relay-bin.000001' (relay_log_pos 4)\n080721  3:11:12 [ERROR] Could not find target log during relay log initialization\n080721  3:11:12 [Note] /usr/libexec/mysqld: ready for connections.\nVersion: '5.0.45-log'  socket: '/mnt/data/mysql/mysql.sock'  port: 3306  Source distribution\n080721  9:22:14 [Note] /usr/libexec/mysqld: Normal shutdown\n\n080721  9:22:17  InnoDB: Starting shutdown...\n080721  9:22:20  InnoDB: Shutdown completed; log sequence number 1 3703096531\n080721  9:22:20 [Note] /usr/libexec/mysqld: Shutdown complete\n\n080721 09:22:22  mysqld ended\n";
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
    }

    #[test]
    fn a_cloud_init_output_log_is_a_log_whatever_its_commands_print() {
        // cloud-init's stages around what a machine's setup printed: yum's transaction, each
        // step a key and a value in columns, read alone as settings or a table
        let mut log = String::from("Cloud-init v. 0.7.6 running 'init-local' at Mon, 07 Dec 2020 05:10:04 +0000. Up 6.07 seconds.\nCloud-init v. 0.7.6 running 'init' at Mon, 07 Dec 2020 05:10:04 +0000. Up 6.25 seconds.\nCloud-init v. 0.7.6 running 'modules:config' at Mon, 07 Dec 2020 05:10:05 +0000. Up 7.07 seconds.\nLoaded plugins: priorities, update-motd, upgrade-helper\nRunning transaction\n");
        for step in ["Updating", "Cleanup", "Verifying"] {
            for k in 1..=40 {
                log += &format!("  {step:<11}: nss-softokn-{k}.44.0-8.44.amzn1.x86_64{:>26}\n", format!("{k}/40"));
            }
        }
        log += "Complete!\nCloud-init v. 0.7.6 finished at Mon, 07 Dec 2020 05:12:16 +0000. Datasource DataSourceEc2.  Up 139.07 seconds\n";
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
    }

    #[test]
    fn a_buildkite_job_is_a_log_whatever_its_commands_print() {
        // the agent's steps around a test run: a job's log, each line only it printed news
        let old_agent = "~~~ Preparing working directory\n$ cd /buildkite/builds/agent-1/app\n~~~ Running global checkout hook\n$ /buildkite/agent/hooks/checkout\nHEAD is now at c89c285 bk\n~~~ Running script\n$ ./ci.sh\n--- :python: Testing\n";
        // (as agents since 3.103 name a hook's scope, and as agents before them)
        let steps = "~~~ Running agent environment hook\n$ /buildkite/agent/hooks/environment\n~~~ Running repository pre-command hook\n$ .buildkite/hooks/pre-command\n~~~ Running commands\n$ ./ci.sh\n--- :python: Testing\n";
        for steps in [steps, old_agent] {
            let mut log = String::from(steps);
            log += "============================= test session starts ==============================\nplatform linux -- Python 3.11.2, pytest-7.4.0, pluggy-1.0.0\ncollected 40 items\n\n";
            for k in 0..40 {
                log += &format!("tests/unit-tests/messages_test.py::test_message_{k} PASSED{:>30}\n", format!("[{:3}%]", (k + 1) * 100 / 40));
            }
            log += "========================= 40 passed in 0.31s =========================\n";
            assert_eq!(sniff(log.as_bytes()), Kind::Log);
            // and so is its raw log, each line behind the time the agent stamps it with
            let raw: String = log.lines().enumerate().map(|(k, l)| format!("\x1b_bk;t={}\x07{l}\r\n", 1745322209921u64 + k as u64)).collect();
            assert_eq!(sniff(raw.as_bytes()), Kind::Log);
        }
    }

    #[test]
    fn rubys_logger_is_a_log_however_its_messages_end() {
        // Ruby's Logger opens each line with its level's letter and the time in brackets; a
        // message that ends as a block opens (`{`) or dumps a hash is no code and no prose
        let mut log = String::from("# Logfile created on 2021-07-13 15:08:18 +0000 by logger.rb/66358\n");
        for k in 0..60 {
            log += &format!("W, [2021-07-13T15:{:02}:{:02}.938287 #4059]  WARN -- : discarding statistic item after validation error (Invalid timestamp): {{\n", k / 60, k % 60);
            if k % 20 == 7 {
                log += &format!("A, [2021-07-13T15:{:02}:{:02}.531607 #4836]   ANY -- : healthd daemon 1.0.6 initialized\n", k / 60, k % 60);
            }
        }
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
        let hashes = log.replace("{\n", "{:id=>\"17\", :namespace=>\"application\", :data=>\"{\\\"duration\\\":10}\"}\n");
        assert_eq!(sniff(hashes.as_bytes()), Kind::Log);
        // (and in a time format a program set, as Logger's documentation shows it)
        let spaced = log.replace(".938287 #", " #").replace(".531607 #", " #").replace("-13T15", "-13 15");
        assert_eq!(sniff(spaced.as_bytes()), Kind::Log);
    }

    #[test]
    fn a_log_whose_date_and_time_a_tab_parts_is_a_log() {
        // Windows 7's WindowsUpdate.log: date, time, process, thread and component in columns
        // parted by tabs, then the component's message, which reads as prose
        let steps = [
            ("Agent", "  * WU client version 7.5.7601.17514"),
            ("Agent", "  * Base directory: C:\\Windows\\SoftwareDistribution"),
            ("Agent", "  * Network state: Disconnected"),
            ("DtaStor", "Default service for AU is {9482F4B4-E343-43B6-B170-9A65BC822C77}"),
            ("Agent", "WARNING: Failed to read the service id for re-registration 0x80070002"),
            ("Agent", "***********  Agent: Initializing Windows Update Agent  ***********"),
            ("AU", "###########  AU: Initializing Automatic Updates  ###########"),
            ("AU", "AU setting next sqm report timeout to 2018-05-21 02:22:01"),
            ("AU", "  # Will interact with non-admins (Non-admins are elevated (User preference))"),
            ("Agent", "Switching to hardware-verified ClientId."),
        ];
        let log: String = (0..30)
            .map(|k| {
                let (component, message) = steps[k % steps.len()];
                format!("2018-05-20\t19:{:02}:{:02}:{:03}\t 908\t45c\t{component}\t{message}\n", 21 + k / 20, k % 60, 7 * k)
            })
            .collect();
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
    }

    #[test]
    fn settings_tables_and_prose_in_any_script_are_no_log() {
        let yaml = r#"apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: registry.example.com/shop/web:1.14.2
        ports:
        - containerPort: 8080
        env:
        - name: DATABASE_URL
          value: postgres://shop@db:5432/shop
        resources:
          limits:
            memory: 512Mi
            cpu: 500m
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
spec:
  replicas: 2
  template:
    spec:
      containers:
      - name: worker
        image: registry.example.com/shop/worker:1.14.2
        args: ["--queue", "orders", "--concurrency", "8"]
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  ports:
  - port: 80
    targetPort: 8080
"#;
        let ini = r#"[core]
	repositoryformatversion = 0
	filemode = true
	bare = false
	logallrefupdates = true
[remote "origin"]
	url = git@github.com:encode/httpx.git
	fetch = +refs/heads/*:refs/remotes/origin/*
[branch "master"]
	remote = origin
	merge = refs/heads/master
[branch "fix-timeouts"]
	remote = origin
	merge = refs/heads/fix-timeouts
[user]
	name = Jane Doe
	email = jane@example.com
[pull]
	rebase = true
[alias]
	co = checkout
	st = status -sb
	lg = log --graph --oneline --decorate
[diff]
	tool = vimdiff
"#;
        let env = r#"SHELL=/bin/bash
COLORTERM=truecolor
PWD=/home/jane/src/shop
LOGNAME=jane
XDG_SESSION_TYPE=wayland
HOME=/home/jane
LANG=en_US.UTF-8
LS_COLORS=rs=0:di=01;34:ln=01;36:mh=00:pi=40;33:so=01;35:do=01;35:bd=40;33;01:cd=40;33;01
VIRTUAL_ENV=/home/jane/src/shop/.venv
LESSCLOSE=/usr/bin/lesspipe %s %s
XDG_SESSION_CLASS=user
TERM=xterm-256color
LESSOPEN=| /usr/bin/lesspipe %s
USER=jane
DISPLAY=:0
SHLVL=1
XDG_RUNTIME_DIR=/run/user/1000
PS1=(.venv) \u@\h:\w\$
XDG_DATA_DIRS=/usr/share/ubuntu:/usr/local/share/:/usr/share/:/var/lib/snapd/desktop
PATH=/home/jane/src/shop/.venv/bin:/home/jane/.cargo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin
DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus
OLDPWD=/home/jane
_=/usr/bin/env
"#;
        let passwd = r#"root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
systemd-network:x:100:102:systemd Network Management,,,:/run/systemd:/usr/sbin/nologin
systemd-resolve:x:101:103:systemd Resolver,,,:/run/systemd:/usr/sbin/nologin
messagebus:x:102:105::/nonexistent:/usr/sbin/nologin
sshd:x:103:65534::/run/sshd:/usr/sbin/nologin
postgres:x:104:110:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash
jane:x:1000:1000:Jane Doe,,,:/home/jane:/bin/bash
"#;
        let ps = r#"USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND
root           1  0.0  0.1 167744 11780 ?        Ss   Nov29   0:05 /sbin/init splash
root           2  0.0  0.0      0     0 ?        S    Nov29   0:00 [kthreadd]
root           3  0.0  0.0      0     0 ?        I<   Nov29   0:00 [rcu_gp]
root          12  0.0  0.0      0     0 ?        S    Nov29   0:01 [ksoftirqd/0]
root         312  0.0  0.2  64732 19456 ?        S<s  Nov29   0:02 /lib/systemd/systemd-journald
root         349  0.0  0.0  26140  6912 ?        Ss   Nov29   0:00 /lib/systemd/systemd-udevd
systemd+     601  0.0  0.0  25532 13184 ?        Ss   Nov29   0:00 /lib/systemd/systemd-resolved
message+     652  0.0  0.0  10132  5632 ?        Ss   Nov29   0:03 @dbus-daemon --system --address=systemd:
root         689  0.0  0.1 244544 10368 ?        Ssl  Nov29   0:00 /usr/libexec/polkitd --no-debug
syslog       701  0.0  0.0 222404  6272 ?        Ssl  Nov29   0:00 /usr/sbin/rsyslogd -n -iNONE
root         745  0.0  0.0  15436  9088 ?        Ss   Nov29   0:00 sshd: /usr/sbin/sshd -D [listener]
postgres     802  0.0  0.3 218996 29952 ?        Ss   Nov29   0:01 /usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql/15/main
postgres     815  0.0  0.0 219128  7368 ?        Ss   Nov29   0:00 postgres: 15/main: checkpointer
postgres     816  0.0  0.0 219144  6984 ?        Ss   Nov29   0:00 postgres: 15/main: background writer
redis        830  0.1  0.1  67360 11392 ?        Ssl  Nov29   1:12 /usr/bin/redis-server 127.0.0.1:6379
jane        1402  0.0  0.1  19088 10624 ?        Ss   Nov29   0:00 /lib/systemd/systemd --user
jane        2210  0.3  1.9 1184404 158720 ?      Sl   Nov29   4:51 /usr/bin/gnome-shell
jane        3377  0.0  0.0  11392  5376 pts/0    Ss   09:12   0:00 -bash
jane        4120  2.1  3.4 2512880 280064 pts/0  Sl+  09:40   0:45 python manage.py runserver
jane        4188  0.0  0.0  12736  3712 pts/1    R+   09:58   0:00 ps aux
"#;
        let pip = r#"Package            Version
------------------ ---------
anyio              4.6.2
certifi            2024.8.30
charset-normalizer 3.4.0
click              8.1.7
h11                0.14.0
httpcore           1.0.6
httpx              0.27.2
idna               3.10
iniconfig          2.0.0
Jinja2             3.1.4
MarkupSafe         3.0.2
packaging          24.2
pip                24.3.1
pluggy             1.5.0
pydantic           2.9.2
pydantic_core      2.23.4
pytest             8.3.3
requests           2.32.3
rich               13.9.4
sniffio            1.3.1
typing_extensions  4.12.2
urllib3            2.2.3
"#;
        let describe = r#"Name:             web-7d4b9c8f6d-x2k9p
Namespace:        shop
Priority:         0
Service Account:  default
Node:             worker-2/10.0.1.12
Start Time:       Sat, 29 Nov 2025 09:12:44 +0000
Labels:           app=web
                  pod-template-hash=7d4b9c8f6d
Annotations:      <none>
Status:           Running
IP:               10.244.2.17
Controlled By:  ReplicaSet/web-7d4b9c8f6d
Containers:
  web:
    Container ID:   containerd://4f1c2a9e7b3d
    Image:          registry.example.com/shop/web:1.14.2
    Port:           8080/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Sat, 29 Nov 2025 09:12:51 +0000
    Ready:          True
    Restart Count:  0
    Limits:
      cpu:     500m
      memory:  512Mi
    Environment:
      DATABASE_URL:  postgres://shop@db:5432/shop
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-7xq2n (ro)
Conditions:
  Type              Status
  Initialized       True
  Ready             True
  ContainersReady   True
  PodScheduled      True
QoS Class:                   Burstable
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  12m   default-scheduler  Successfully assigned shop/web-7d4b9c8f6d-x2k9p to worker-2
  Normal  Pulling    12m   kubelet            Pulling image "registry.example.com/shop/web:1.14.2"
  Normal  Pulled     12m   kubelet            Successfully pulled image in 5.2s
  Normal  Created    12m   kubelet            Created container web
  Normal  Started    12m   kubelet            Started container web
"#;
        // (a document says each thing once: five paragraphs, each opening on another time)
        let paragraphs = |whens: [&str; 5], sentences: [&str; 5]| -> String {
            whens.iter().flat_map(|w| sentences.iter().map(move |s| format!("{w} {s}\n"))).collect()
        };
        let russian = paragraphs(
            ["Утром", "Днём", "Вечером", "Ночью", "Весной"],
            [
                "выдалось холодным и ясным, и над рекой ещё висел туман.",
                "мы вышли из дома рано, пока город только просыпался.",
                "на мосту стояли рыбаки, молча глядя на тёмную воду.",
                "дорога вела через старый парк, где пахло прелыми листьями.",
                "никто из нас не знал, сколько времени займёт этот путь.",
            ],
        );
        let chinese = paragraphs(
            ["早上", "中午", "下午", "晚上", "深夜"],
            [
                "清晨的空气格外清新，河面上还笼罩着一层薄雾。",
                "我们很早就出门了，那时城市才刚刚苏醒。",
                "桥上站着几个钓鱼的人，静静地望着深色的河水。",
                "小路穿过一座古老的公园，空气中弥漫着落叶的气味。",
                "我们谁也不知道这段路究竟要走多久。",
            ],
        );
        for (name, text) in [
            ("yaml", yaml),
            ("ini", ini),
            ("env", env),
            ("passwd", passwd),
            ("ps aux", ps),
            ("pip list", pip),
            ("kubectl describe", describe),
            ("russian", russian.as_str()),
            ("chinese", chinese.as_str()),
        ] {
            assert!(text.lines().count() >= 20, "{name}");
            assert_ne!(sniff(text.as_bytes()), Kind::Log, "{name}:\n{text}");
        }
        // the same lines with prose words of other scripts are prose, a hash is not
        assert!(is_prose(russian.lines().next().unwrap()));
        assert!(is_prose(chinese.lines().next().unwrap()));
        assert!(!is_prose("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
    }

    #[test]
    fn a_table_of_events_is_a_log_and_a_table_of_things_is_not() {
        let reasons = [("Normal", "Pulled", "Container image \"nginx:1.25\" already present on machine"), ("Normal", "Started", "Started container nginx")];
        let mut events = String::from("LAST SEEN   TYPE      REASON      OBJECT            MESSAGE\n");
        let mut services = String::from("NAME        TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)    AGE\n");
        for i in 0..40 {
            let (kind, reason, message) = if i == 17 { ("Warning", "BackOff", "Back-off restarting failed container nginx") } else { reasons[i % 2] };
            events.push_str(&format!("{:<12}{kind:<10}{reason:<12}{:<18}{message}\n", format!("{}m", i + 2), format!("pod/web-{i}")));
            services.push_str(&format!("{:<12}ClusterIP   10.96.0.{i:<6} <none>        80/TCP     {}d\n", format!("svc-{i}"), i + 1));
        }
        assert_eq!(sniff(events.as_bytes()), Kind::Log, "{events}");
        assert_ne!(sniff(services.as_bytes()), Kind::Log, "{services}");
        // the severities are read in cells of their own, not in other words
        let named = events.replace("Normal ", "Normal_").replace("Warning ", "Warning_");
        assert_ne!(sniff(named.as_bytes()), Kind::Log, "{named}");
        // where a row's value ran past its column's width, the rest of the row stands further
        // right (`oc get events -o wide` lines rows up a chunk at a time)
        let mut wide = format!("{:<12}{:<26}{:<10}{:<12}{}\n", "LAST SEEN", "SUBOBJECT", "TYPE", "REASON", "MESSAGE");
        for i in 0..40 {
            let (kind, reason, message) = if i == 17 { ("Warning", "BackOff", "Back-off restarting failed container nginx") } else { reasons[i % 2] };
            // (a chunk whose values are wider, one whose values are narrower, with no subobject)
            wide += &match i / 10 {
                1 => format!("{:<12}{:<46}{kind:<10}{reason:<12}{message}\n", format!("{i}m"), "spec.containers{nginx-sidecar-metrics-proxy}"),
                2 => format!("{:<6}{:<6}{kind:<10}{reason:<12}{message}\n", format!("{i}m"), ""),
                _ => format!("{:<12}{:<26}{kind:<10}{reason:<12}{message}\n", format!("{i}m"), "spec.containers{nginx}"),
            };
        }
        assert_eq!(sniff(wide.as_bytes()), Kind::Log, "{wide}");
        // a table of findings, each of one severity, is a table of things: its `TYPE` is a
        // package's (grype's, filtered to its critical findings)
        let mut grype = String::from("NAME            INSTALLED      FIXED-IN       TYPE  VULNERABILITY   SEVERITY\n");
        for i in 0..40 {
            grype += &format!("linux-libc-dev  5.15.0-91.101  5.15.0-94.104  deb   CVE-2023-{:<5}  Critical\n", 31400 + i);
        }
        assert_ne!(sniff(grype.as_bytes()), Kind::Log, "{grype}");
    }

    #[test]
    fn lines_behind_a_few_sources_tags_are_a_log_and_settings_or_a_list_are_not() {
        // Windows' setupapi.dev.log: most lines written behind a few components' tags
        let sources = ["inf", "sto", "idb", "dvi", "flq", "cpy"];
        let mut log = String::from("[Device Install Log]\n     OS Version = 10.0.10240\n     Suite = 0x0100\n\n");
        for i in 0..60 {
            let tag = sources[i * 7 % sources.len()];
            log.push_str(&format!("     {tag}:           Processing driver package number {i} for device class {}\n", i % 5));
            if i % 10 == 0 {
                log.push_str(&format!(">>>  Section start 2015/11/22 17:58:{:02}.498\n", i / 2));
            }
        }
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
        // the same key before a value or two is a list of records
        let records: String = (0..60).map(|i| format!("name: pkg{i}\nversion: 1.{i}.0\nsummary: tool {i}\n")).collect();
        assert_ne!(sniff(records.as_bytes()), Kind::Log);
        // a changelog's items name a platform before what changed in it
        let platforms = ["Apple", "FreeBSD", "Linux", "Windows", "Android", "NetBSD"];
        let mut changelog = String::from("# Changelog\n\n## 0.2.191 - 2026-10-16\n\n### Added\n\n");
        for i in 0..60 {
            changelog.push_str(&format!("- {}: Add the constants of header number {i} to the crate\n", platforms[i % platforms.len()]));
        }
        assert_ne!(sniff(changelog.as_bytes()), Kind::Log);
    }

    #[test]
    fn a_programs_sentence_that_recurs_is_no_prose() {
        // dpkg unpacking into a chroot: its warnings read as sentences, one per package
        let mut out = String::new();
        for (i, p) in ["base-passwd", "base-files", "dpkg", "libc6", "perl-base", "mawk", "bash", "grep"].iter().enumerate() {
            out.push_str(&format!(
                "dpkg: warning: parsing file '/var/lib/dpkg/status' near line {} package 'dpkg':\n missing 'Description' field\n\
                 Selecting previously unselected package {p}.\n(Reading database ... {} files and directories currently installed.)\n\
                 Preparing to unpack .../{p}_1.{i}_amd64.deb ...\nUnpacking {p} (1.{i}) ...\n\
                 dpkg: {p}: dependency problems, but configuring anyway as you requested:\n {p} depends on libc6; however:\n\
                 \x20 Package libc6 is not installed.\n\nSetting up {p} (1.{i}) ...\n",
                5 + 19 * i,
                41 * i
            ));
        }
        assert_eq!(sniff(out.as_bytes()), Kind::Log);
    }

    #[test]
    fn a_log_whose_steps_dump_their_environment_stays_a_log() {
        // buildbot: each step prints its environment, then mozharness's events
        let env = concat!(
            "ALLUSERSPROFILE=C:\\ProgramData COMPUTERNAME=T-W732-IX-150 HOMEDRIVE=C: ",
            "MOZ_NO_REMOTE=1 NUMBER_OF_PROCESSORS=8 OS=Windows_NT PATHEXT=.COM;.EXE;.BAT;.CMD ",
            "PROGRAMFILES=C:\\Progra~1 SYSTEMROOT=C:\\windows TEMP=C:\\Users\\cltbld\\Temp ",
            "USERNAME=cltbld WINDIR=C:\\windows APPDATA=C:\\Users\\cltbld\\AppData\\Roaming ",
            "CYGWINBASE=C:\\cygwin DCLOCATION=SCL3 FP_NO_HOST_CHECK=NO KTS_VERSION=1.19c ",
            "LOCALAPPDATA=C:\\Users\\cltbld\\AppData\\Local PROCESSOR_LEVEL=6 PUBLIC=C:\\Users\\Public"
        );
        let log: String = (0..60)
            .map(|s| {
                let dump: String = env.split(' ').map(|e| format!("  {e}\n")).collect();
                let events: String = (0..12)
                    .map(|i| format!("04:{:02}:{:02}     INFO -  Cycle {i}({s}): loaded http://localhost/page_{s}_{i}.html\n", 43 + s / 60, s % 60))
                    .collect();
                format!("========= Started step {s} (results: 0, elapsed: 0 secs) (at 2015-05-26 04:42:23.943848) =========\n in dir C:\\slave\\test (timeout 1200 secs)\n argv: ['python', 'run_{s}.py']\n environment:\n{dump}{events}program finished with exit code 0\n")
            })
            .collect();
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
    }

    #[test]
    fn structured_records_of_a_run_are_a_log() {
        // mozlog: a time, and the thread, pid and action of each record; few carry a level
        let run: String = (0..30)
            .map(|i| format!("{{\"action\": \"test_start\", \"time\": {}, \"thread\": \"MainThread\", \"pid\": 5269, \"source\": \"mochitest\", \"test\": \"dom/test_{i}.html\"}}\n", 1420849114219u64 + i))
            .collect();
        assert_eq!(sniff(run.as_bytes()), Kind::Log);
    }

    #[test]
    fn a_journal_exported_verbose_is_a_log() {
        // `journalctl -o verbose`: each record's time after its day's name, its fields below
        let log: String = (0..40)
            .map(|i| {
                format!(
                    "Sat 2026-12-05 01:08:{:02}.609911 UTC [s=dddc420b325d4dd2a6bd16cf27c323db;i={i};b=a7b65cef;m=8879a6615;t=661d8a2b11af7;x=8d9343d456ddf517]\n    SYSLOG_FACILITY=3\n    SYSLOG_IDENTIFIER=cache-agent\n    PRIORITY=6\n    MESSAGE=refresh {i} done\n    _PID=3843\n    _UID=0\n    _COMM=cache-agent\n    _HOSTNAME=app02\n",
                    i % 60
                )
            })
            .collect();
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
    }

    #[test]
    fn a_log_dated_in_a_us_locale_is_a_log() {
        // NestJS's logger: its tag, the pid, then the date as the locale writes it
        let levels = ["    LOG", "   WARN", "  ERROR"];
        let nest: String = (0..40)
            .map(|i| format!("[Nest] 23124  - 12/04/2026, 10:25:{:02} PM {} [AccountsService] Transfer {i} accepted\n", i % 60, levels[i % 3]))
            .collect();
        assert_eq!(sniff(nest.as_bytes()), Kind::Log);
        // a Windows service's log: day and month unpadded
        let service: String = (0..40)
            .map(|i| format!("4/{}/2026 9:{:02}:11 AM Service sync: {i} items copied\n", 1 + i % 9, i % 60))
            .collect();
        assert_eq!(sniff(service.as_bytes()), Kind::Log);
    }

    #[test]
    fn a_job_log_that_holds_a_test_run_is_a_log() {
        // a CI job: the machine's setup, which no runner prints, then a test run at the end
        let mut job = String::from("Worker information\n");
        for i in 0..80 {
            job.push_str(&format!("tool-{i} version {i}.{}.{} (built on host {i})\n", i % 7, i % 3));
        }
        let run: String = (0..30)
            .map(|i| format!("tests/test_mod.py::test_case_{i} PASSED\n"))
            .collect();
        let run = format!(
            "$ pytest -v\n============================= test session starts ==============================\ncollected 30 items\n\n{run}========================= 30 passed in 1.20s =========================\n"
        );
        assert_eq!(sniff(format!("{job}{run}").as_bytes()), Kind::Log);
        // the run alone, or behind a short preamble (the command and its banner), is a test run
        assert_eq!(sniff(run.as_bytes()), Kind::Test);
        let short: String = job.lines().take(10).map(|l| format!("{l}\n")).collect();
        assert_eq!(sniff(format!("{short}{run}").as_bytes()), Kind::Test);
    }

    #[test]
    fn an_ansible_playbooks_run_is_a_log_though_its_results_read_as_settings() {
        // ansible-playbook -v with the YAML result format: each host's result is printed as
        // `key: value` lines under it, the task's banner above
        let mut run = String::from("No config file found; using defaults\n\nPLAY [Create users] ****************************************************\n\n");
        run += "TASK [Gathering Facts] *************************************************\nok: [localhost]\n\n";
        run += "TASK [Create home directories] *****************************************\n";
        for user in 1..=40 {
            run += &format!("changed: [localhost] => (item=user{user}) => \n    ansible_loop_var: item\n    changed: true\n    gid: 0\n    group: root\n    item: user{user}\n    mode: '0755'\n    owner: root\n    path: /srv/home/user{user}\n    size: 4096\n    state: directory\n    uid: 0\n");
        }
        run += "\nPLAY RECAP *********************************************************************\nlocalhost                  : ok=2    changed=1    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0\n";
        assert_eq!(sniff(run.as_bytes()), Kind::Log);
    }

    #[test]
    fn records_whose_lines_read_as_settings_are_a_log_when_said_again_and_again() {
        // MariaDB's slow query log: each statement's record, its `# key: value` header lines
        // and a `SET timestamp=…;` setting before the statement
        let mut log = String::from("mysqld, Version: 10.11.19-MariaDB-0+deb12u1-log (Debian 12). started with:\nTcp port: 3306  Unix socket: /run/mysqld/mysqld.sock\nTime\t\t    Id Command\tArgument\n");
        for q in 0..200 {
            log += &format!(
                "# User@Host: app[app] @ localhost []\n# Thread_id: {}  Schema: shop  QC_hit: No\n# Query_time: 0.000{:03}  Lock_time: 0.000045  Rows_sent: 1  Rows_examined: 1\n# Rows_affected: 0  Bytes_sent: 234\nSET timestamp=17964389{:02};\nSELECT * FROM items WHERE id={};\n",
                4 + q % 3, 100 + q, q % 60, q * 7 % 150
            );
        }
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
        // a list of settings, each said once, stays what it is
        let settings: String = (0..60).map(|k| format!("net.ipv4.conf.eth{k}.forwarding = {}\nkernel.sched_domain.cpu{k}.flags = 4655\n", k % 2)).collect();
        assert_ne!(sniff(settings.as_bytes()), Kind::Log);
    }

    #[test]
    fn a_ci_agents_console_around_a_test_run_is_a_log() {
        // Jenkins opens and closes the job, around a short checkout and a test run: the job's
        // log, whose every line seen once is news, not a run's progress to fold
        let run: String = (0..30)
            .map(|i| format!("tests/test_mod.py::test_case_{i} PASSED\n"))
            .collect();
        let run = format!(
            "+ pytest -v\n============================= test session starts ==============================\ncollected 30 items\n\n{run}========================= 30 passed in 1.20s =========================\n"
        );
        assert_eq!(sniff(run.as_bytes()), Kind::Test);
        let job = format!(
            "Started by timer\nRunning as SYSTEM\nBuilding remotely on builder-02 (linux) in workspace /builds/workspace/App\n > git fetch --tags -- https://example.org/app.git # timeout=10\n{run}Finished: SUCCESS\n"
        );
        assert_eq!(sniff(job.as_bytes()), Kind::Log);
        // one such line is no job's console
        assert_eq!(sniff(format!("{run}Finished: SUCCESS\n").as_bytes()), Kind::Test);
        // GitLab's trace: its runner's banner went with the head, and what the sample reads of
        // the agent is the marks around each section, behind a terminal's return and colours
        let build: String = (0..200).map(|i| format!("   Compiling crate{i} v0.{i}.0\r\n")).collect();
        let section = |k: usize, name: &str| {
            format!("\x1b[0;msection_end:16853082{k:02}:step_{k}\r\x1b[0Ksection_start:16853082{k:02}:{name}\r\x1b[0K\x1b[0K\x1b[36;1mRunning {name}\x1b[0;m\r\n")
        };
        let trace = format!(
            "{}{build}{}{build}{}{build}{}\x1b[31;1mERROR: Job failed: exit code 101\r\n",
            section(1, "prepare_script"),
            section(2, "get_sources"),
            section(3, "step_script"),
            section(4, "cleanup_file_variables"),
        );
        assert_eq!(sniff(trace.as_bytes()), Kind::Log);
        // Google Cloud Build: the build's and each step's start and end around a docker build
        // and a pip install, whose lines a test run's progress would fold
        let pip: String = (0..60).map(|i| format!("Collecting pkg{i}>=1.{i}\n  Downloading pkg{i}-1.{i}.0-py3-none-any.whl (12 kB)\n")).collect();
        let build = format!(
            "starting build \"7ae5d9f0-73e3-4d8d-9d4b-754b67307612\"\nFETCHSOURCE\nBUILD\nStarting Step #0 - \"Build\"\nStep 4/9 : RUN pip install -r requirements.txt\n{pip}Successfully installed {}\nFinished Step #0 - \"Build\"\nERROR\nERROR: build step 0 \"gcr.io/cloud-builders/docker\" failed: step exited with non-zero status: 1\n",
            (0..60).map(|i| format!("pkg{i}-1.{i}.0")).collect::<Vec<_>>().join(" ")
        );
        assert_eq!(sniff(build.as_bytes()), Kind::Log);
    }

    #[test]
    fn a_log_that_dumps_records_ending_as_statements_is_no_code() {
        // MariaDB's error log reports a deadlock: its records end in `;;` and its headings in
        // `:`, as statements and blocks do, but a third of the lines open an event with a time
        let mut log = String::new();
        for trx in 0..4 {
            log += &format!("2026-11-30 13:19:54 706 [Note] InnoDB: *** WAITING FOR THIS LOCK TO BE GRANTED:\n\nRECORD LOCKS space id 5 page no 3 n bits 320 index PRIMARY of table `shop`.`stock` trx id 2{trx} lock_mode X\n");
            for f in 0..4 {
                log += &format!(" {f}: len 4; hex 8000000{trx}; asc     ;;\n");
            }
            log += &format!("2026-11-30 13:19:54 706 [Note] InnoDB: *** CONFLICTING WITH:\n2026-11-30 13:19:5{trx} 64{trx} [Warning] Aborted connection 64{trx} to db: 'shop' user: 'app' host: 'localhost'\n2026-11-30 13:19:5{trx} 64{trx} [Warning] Could not read packet: fd: 5{trx}  state: 1  read_length: 4  errno: 11\n");
        }
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
    }

    #[test]
    fn a_log_of_ruby_backtraces_is_no_grep_output() {
        // Sidekiq retrying a job: its warning, then the backtrace at the margin, a path and a
        // line number before each method as grep prints a match; later, a model that does not
        // parse, its place and its code under the warning
        let frames = ["app/workers/deploy_worker.rb:135:in `perform'", "lib/sidekiq/processor.rb:45:in `block (3 levels) in process'", "lib/sidekiq/middleware/chain.rb:109:in `call'", "lib/sidekiq/middleware/chain.rb:109:in `block in invoke'", "lib/sidekiq/middleware/server/retry_jobs.rb:49:in `call'", "lib/sidekiq/processor.rb:44:in `block (2 levels) in process'", "lib/celluloid/calls.rb:23:in `dispatch'"];
        let mut log = String::new();
        for k in 0..40 {
            log += &format!("2013-08-26T11:10:{:02}Z 28646 TID-1gbxrc DeployWorker JID-c80c7928918{k:02} INFO: start\n", k % 60);
            log += &format!("2013-08-26T11:10:{:02}Z 28646 TID-1gbxrc WARN: DeployWorker::OutOfOrderException\n", k % 60);
            log += &format!("2013-08-26T11:10:{:02}Z 28646 TID-1gbxrc WARN: /srv/deploy/app/workers/deploy_worker.rb:142:in `rescue in perform'\n", k % 60);
            for f in frames.iter().cycle().take(21) {
                log += &format!("/srv/deploy/{f}\n");
            }
        }
        for k in 0..300 {
            log += &format!("2013-08-27T09:{:02}:{:02}Z 28646 TID-1gbxrc WARN: /srv/deploy/lib/active_support/dependencies.rb:469:in `load': /srv/deploy/app/models/deployment.rb:196: syntax error, unexpected ':', expecting keyword_end\n", k / 60 % 60, k % 60);
            log += &format!("/srv/deploy/app/models/deployment.rb:{}: syntax error, unexpected ':', expecting keyword_end\n", 196 + k % 40);
        }
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
        // grep's own matches stay a search, of code or of such a log
        let grep: String = (0..60).map(|k| format!("app/models/user{}.rb:{}:  def save_{k}\n", k % 7, 10 + k)).collect();
        assert_eq!(sniff(grep.as_bytes()), Kind::Shell);
        let found: String = log.lines().enumerate().filter(|(_, l)| l.starts_with('/')).map(|(n, l)| format!("log/sidekiq.log:{}:{l}\n", n + 1)).collect();
        assert_eq!(sniff(found.as_bytes()), Kind::Shell);
    }

    #[test]
    fn an_access_log_with_more_fields_before_its_time_is_a_log() {
        // Apache's `LogFormat "%v:%p %a %{X-Forwarded-For}i %l %u [%{%d/%b/%Y %T}t.%{usec_frac}t
        // %{%z}t] \"%r\" %>s %b %{ms}T %k …"`: the proxies' chain before the time, one to three
        // hops, and requests that fail among those that succeed
        let chains = ["203.0.113.32", "198.51.100.4, 10.0.0.2", "203.0.113.19, 10.0.0.2, 172.16.4.10"];
        let requests = [("GET /api/report?delay=0.05", 200), ("POST /api/login", 401), ("GET /legacy/catalog?id=15", 503), ("GET /.env", 403)];
        let mut log = String::new();
        for k in 0..300 {
            let (request, status) = requests[k % 7 % 4];
            log += &format!(
                "shop.example.test:443 127.0.0.1 {} - - [06/Dec/2026 16:{:02}:{:02}.{:06} +0000] \"{request} HTTP/1.1\" {status} {} {} 0 \"https://shop.example.test/\" \"Mozilla/5.0 (X11; Linux x86_64) Firefox/120.{k}\" -\n",
                chains[k % 3], k / 60 % 60, k % 60, k * 7919 % 1_000_000, 17 + k % 900, k % 40
            );
        }
        assert!(crate::logline::opens_event(log.lines().next().unwrap()));
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
        // prose that dates something in brackets opens none
        assert!(!crate::logline::opens_event("The report was written by the team on [06/Dec/2026 10:00:00] after review"));
    }

    #[test]
    fn an_unreal_engine_log_is_a_log() {
        // its categories alone before the engine's clock starts, then its time and frame before
        // each: settings it applies, as `key: value` lines read, and its warnings
        let mut log = String::from("\u{feff}Log file open, 02/09/24 12:34:19\n");
        for dll in ["aqProf.dll", "VtuneApi.dll", "WinPixGpuCapturer.dll"] {
            log += &format!("LogWindows: Failed to load '{dll}' (GetLastError=126)\nLogWindows: File '{dll}' does not exist\n");
        }
        for k in 0..80 {
            log += &format!("[2024.02.09-17.34.21:823][  0]LogConfig: CVar [[ClassesExcludedOnDedicatedServer:Class{k}]] deferred - dummy variable created\n");
        }
        for k in 0..20 {
            log += &format!("[2024.02.09-17.35.{:02}:{:03}][{k:3}]LogPackageName: Warning: DoesPackageExist called on PackageName that will always return false.\n", k % 60, k * 7);
        }
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
        assert!(crate::logline::opens_event("LogWindows: Failed to load 'aqProf.dll' (GetLastError=126)"));
        assert!(!crate::logline::opens_event("Logging: the output of each step is kept"));
        // (a setting indented under a config's section is none: a category stands at the margin)
        assert!(!crate::logline::opens_event("  LogLevel: Debug"));
    }

    #[test]
    fn services_interleaved_by_compose_are_a_log_whatever_they_print() {
        // `docker compose logs`: each line behind its service's name, padded to one width; what
        // the services print need not be a log's lines (a certificate's fields, as settings)
        let mut log = String::from("Attaching to smf, fhoss\n");
        for i in 0..12 {
            log += &format!("smf          | Certificate Details:\nsmf          |         Serial Number: {i} (0x{i:x})\n");
            log += "smf          |             countryName               = KO\n";
            log += &format!("smf          |             commonName                = smf{i}.epc.mnc001.mcc001.3gppnetwork.org\n");
            log += &format!("fhoss        | [main] INFO  org.apache.catalina.core.StandardHost  - XML validation disabled for host {i}\n");
        }
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
    }

    #[test]
    fn pods_interleaved_by_kubectl_are_a_log_whatever_they_print() {
        // `kubectl logs --all-containers --prefix`: each line behind `[pod/NAME/CONTAINER]`,
        // a web server's access lines (no time first) beside an app's
        let mut log = String::new();
        for i in 0..60 {
            let pod = format!("[pod/web-{}-7d9f8b6c5-x{}q2z", i % 3, i % 3);
            log += &format!("{pod}/nginx] 10.244.0.{i} - - [29/Nov/2026:10:00:{:02} +0000] \"GET /api/items/{i} HTTP/1.1\" 200 {} \"-\" \"kube-probe/1.29\"\n", i % 60, 100 + i);
            if i % 10 == 0 {
                log += &format!("{pod}/app] 2026-11-29T10:00:{:02}.000Z INFO handled {i} requests\n", i % 60);
            }
        }
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
    }

    #[test]
    fn a_build_that_unpacks_an_archive_is_a_log_not_a_listing() {
        // `docker compose up --build`: BuildKit's step prints the archive it unpacks, a path a
        // line behind `#17 43.31`, for as long as the head; then the services' log, here a
        // process manager's (pm2) behind the service's tag
        let mut log = String::new();
        for i in 0..700 {
            log += &format!("#17 43.31 node-v12.22.9-linux-arm64/lib/node_modules/npm/node_modules/pkg{i}/lib/index.js\n");
        }
        log += &pm2_stream("lab-1      | ");
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
    }

    /// Two apps under pm2 (`0|lab    | …`), behind `service`'s tag: request lines and a
    /// worker's status lines, neither with a time of its own.
    fn pm2_stream(service: &str) -> String {
        (0..300)
            .map(|i| {
                format!("{service}0|lab    | POST /api/datasets 200 - - {i}.737 ms\n{service}1|ai     | ai: INFO: 2023 07:21:{:02} PM UTC: checking results...\n", i % 60)
            })
            .collect()
    }

    #[test]
    fn grep_whose_first_matches_are_in_a_log_is_grep() {
        // a head of log events behind grep's tags says nothing against grep: which files
        // matched is what the rest of it tells
        let mut out = String::new();
        for n in 0..3000 {
            out += &format!("logs/app.log:{n}:2024-01-02 10:{:02}:00 INFO handler served request {n}\n", n % 60);
        }
        for n in 0..6000 {
            out += &format!("src/service/handler{}.py:{}:    logger.info(\"served %s\", request_id)\n", n / 100, n % 100 * 7 + 1);
        }
        assert_eq!(sniff(out.as_bytes()), Kind::Shell);
        // every line of the files, one after another, is no search's: a dump of logs is a log
        let mut dump = String::new();
        for (file, said) in [("worker.log", "celery@host ready."), ("web.error.log", "Request Error")] {
            for n in (1..=800).step_by(2) {
                dump += &format!("logs/{file}:{n}:2016-03-30 18:{:02}:03,605 {said}\n", n / 2 % 60);
                dump += &format!("logs/{file}:{}:  site: site{n}.local\n", n + 1);
            }
        }
        assert_eq!(sniff(dump.as_bytes()), Kind::Log, "{}", &dump[..400]);
    }

    #[test]
    fn apps_under_a_process_manager_are_a_log() {
        // pm2 tags each app's lines (`0|lab    | …`), by itself or inside a container's stream
        for service in ["", "lab-1      | "] {
            assert_eq!(sniff(pm2_stream(service).as_bytes()), Kind::Log, "{service}");
        }
    }

    #[test]
    fn a_playbook_run_is_a_log_not_settings() {
        // Ansible: `ok: [host]` lines are a status stream, whatever their `key: value` look
        let mut run = String::new();
        for task in 0..8 {
            run.push_str(&format!("\nTASK [role : step {task}] {}\n", "*".repeat(60)));
            for host in 0..6 {
                let status = if (task + host) % 5 == 0 { "changed" } else { "ok" };
                run.push_str(&format!("{status}: [web{host}]\n"));
            }
        }
        assert_eq!(sniff(run.as_bytes()), Kind::Log);
    }

    #[test]
    fn a_program_that_quotes_what_it_reports_on_prints_messages_not_prose() {
        // MSBuild at detailed verbosity: no time, no level, sentences each naming in quotes the
        // file or task it is about; the sentences around the quotes recur, one per file
        let assemblies = ["System", "System.Core", "System.Data", "System.Xml", "System.Web", "System.Net.Http", "EntityFramework", "Newtonsoft.Json", "WebGrease", "Antlr3.Runtime"];
        let mut log = String::from("Build started 9/23/2012 1:05:35 AM.\nProject \"C:\\src\\App.sln\" on node 1 (Rebuild target(s)).\n");
        for (i, a) in assemblies.iter().cycle().take(60).enumerate() {
            let dir = ["C:\\src\\App\\bin\\Release", "C:\\src\\Lib\\bin\\Release", "C:\\Program Files\\Reference Assemblies"][i % 3];
            log.push_str(&format!("  Dependency \"{a}, Version=4.0.0.0, Culture=neutral\".\n"));
            log.push_str(&format!("      Considered \"{dir}\\{a}.dll\", but it didn't exist.\n"));
            log.push_str(&format!("      Considered \"{dir}\\{a}.exe\", but it didn't exist.\n"));
            log.push_str(&format!("      Resolved file path is \"{dir}\\{a}.dll\".\n"));
            log.push_str(&format!("Task \"Copy\" skipped, due to false condition; ('$(Copy{i})' == 'true') was evaluated as ('' == 'true').\n"));
        }
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
        let tried: Vec<String> = ["System", "System.Core", "EntityFramework"].iter().map(|a| format!("Considered \"C:\\src\\bin\\{a}.dll\", but it didn't exist.")).collect();
        let tried: Vec<&str> = tried.iter().map(String::as_str).collect();
        assert_eq!(shapes_recurring(&tried, |_| true), (3, 0));
        // so does Nix, in single quotes; an apostrophe quotes nothing
        let built = ["building of '/nix/store/rismhkjy-expat-2.6.0.drv!out' from .drv file: woken up", "building of '/nix/store/a2ki74b2-zlib-1.3.drv!out' from .drv file: woken up", "building of '/nix/store/n17gp299-xz-5.4.6.drv!out' from .drv file: woken up"];
        assert_eq!(shapes_recurring(&built, |_| true), (3, 0));
        assert_eq!(crate::mask::without_single_quoted("it didn't exist in 'a b' or 'c"), "it didn't exist in  or 'c");
        // a line that says little but what it quotes is no message about it: a menu's items, a
        // catalog's texts, a list's entries
        for said in [
            ["<menu:menuitem menu:id=\".uno:Open\"/>", "<menu:menuitem menu:id=\".uno:Save\" menu:style=\"text\"/>", "<menu:menuitem menu:id=\".uno:Quit\"/>"],
            ["msgid \"Print the name of the resource\"", "msgid \"Delete the resource\"", "msgid \"Show the logs of a container\""],
            ["+ \"Certainly Root E1\"", "+ \"Certainly Root R1\"", "- \"Global Chambersign Root\""],
        ] {
            assert_eq!(shapes_recurring(&said, |_| true), (0, 3), "{said:?}");
        }
    }

    #[test]
    fn a_message_said_again_with_other_numbers_is_no_setting_whatever_its_key_holds() {
        // a game engine's console: a key with a number in it (`frame 181:`) said line after line
        let mut log = String::from("Godot Engine v3.2.3.stable - https://godotengine.org\nOnly one GPU found, using default.\n");
        for f in 100..400 {
            log.push_str(&format!("frame {f}: spawned enemy {f}, pool size {}\n", f - 2));
            if f % 50 == 0 {
                log.push_str(&format!("ERROR: load_interactive: Failed loading resource: res://levels/level_{f}.tres.\n   At: core/io/resource_loader.cpp:208.\n"));
            }
        }
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
        // numbered keys that set other values are settings still
        let hosts = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];
        let ini: String = (0..40).map(|i| format!("worker{i}.host = {}\nworker{i}.port = {}\n", hosts[i % 8], 8000 + i)).collect();
        assert_ne!(sniff(ini.as_bytes()), Kind::Log, "{ini}");
    }

    #[test]
    fn a_download_meter_is_a_log_not_settings() {
        // maven in a CI console: each download's `Progress (1): 4.1/22 kB` lines as it grows,
        // one key said line after line, between the lines that open and close the download
        let mut log = String::from("[Pipeline] sh\n+ mvn -B clean package\n[INFO] Scanning for projects...\n");
        for (i, kb) in [8, 105, 22, 13, 41, 6, 19, 64, 30, 12].iter().cycle().take(300).enumerate() {
            let url = format!("https://repo.maven.apache.org/maven2/org/example/lib{i}/1.{i}/lib{i}-1.{i}.pom");
            log.push_str(&format!("Downloading from central: {url}\n"));
            for got in (4..*kb).step_by(4) {
                log.push_str(&format!("Progress (1): {got}/{kb} kB\n"));
            }
            log.push_str(&format!("Progress (1): {kb} kB    \n                    \n"));
            log.push_str(&format!("Downloaded from central: {url} ({kb} kB at {} kB/s)\n", 20 + i % 70));
        }
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
        // a config that repeats a key gives it other values: still settings
        let modules = ["bz2", "curl", "ffi", "gd", "gettext", "gmp", "intl", "imap", "ldap", "mbstring", "exif", "mysqli", "oci8", "odbc", "openssl", "pdo_mysql", "pdo_pgsql", "pdo_sqlite", "pgsql", "shmop", "soap", "sockets", "sodium", "sqlite3", "tidy", "xsl", "zip", "opcache"];
        let php_ini = format!("[PHP]\nengine = On\nshort_open_tag = Off\nprecision = 14\n{}memory_limit = 128M\n", modules.iter().map(|m| format!("extension={m}\n")).collect::<String>());
        let users = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"];
        let ldif: String = (0..20)
            .map(|g| {
                let members: String = users.iter().map(|u| format!("member: uid={u}{g},ou=people,dc=example,dc=org\n")).collect();
                format!("dn: cn=team{g},ou=groups,dc=example,dc=org\nobjectClass: top\nobjectClass: groupOfNames\ncn: team{g}\n{members}\n")
            })
            .collect();
        for config in [php_ini, ldif] {
            assert_ne!(sniff(config.as_bytes()), Kind::Log, "{config}");
        }
    }

    #[test]
    fn a_coloured_log_is_a_log() {
        // Python's logging through a colour formatter, as `kubectl logs` shows it
        let log: String = (0..40)
            .map(|i| {
                let (c, level) = if i % 9 == 4 { (33, "WARNING") } else { (32, "INFO   ") };
                format!("\x1b[{c}m2025-08-08 07:06:{:02}.594 {level}  loaded item {i}\x1b[0m\n", i % 60)
            })
            .collect();
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
        // a long one: its middle and tail windows are read without their escapes too, and a
        // sequence cut by a window's end leaves no partial line behind
        let long = log.repeat(HEAD * 4 / log.len());
        assert!(long.len() > HEAD + 2 * PART);
        assert_eq!(sniff(long.as_bytes()), Kind::Log);
        let windows = Windows::new(&long);
        assert_eq!(windows.parts.len(), 3);
        assert!(windows.parts.iter().all(|(w, ..)| !w.contains('\x1b')));
        let sample = Sample::new(&windows);
        assert!(sample.lines.iter().all(|l| l.starts_with("2025-08-08 07:06:")));
    }

    #[test]
    fn a_ci_jobs_log_is_a_log_though_its_test_runner_prints_headings() {
        // a Travis CI job: its agent's fold lines around each phase, the tools' output between
        // them, and minitest's `# Running:` after a blank line, once per test file it runs
        let mut job = String::from(
            "Using worker: worker-linux-docker-1.prod.travis-ci.org:travis-linux-5\n\ntravis_fold:start:system_info\n\
             Build system information\nBuild language: ruby\nDistributor ID:\tUbuntu\n\
             gcc (Ubuntu/Linaro 4.6.3-1ubuntu5) 4.6.3\nCopyright (C) 2011 Free Software Foundation, Inc.\n\
             This is free software; see the source for copying conditions.  There is NO\n\
             warranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.\n\
             travis_fold:end:system_info\n\ntravis_fold:start:install\n$ bundle install --jobs 3\n",
        );
        for gem in ["rake", "minitest", "rack", "thor", "builder", "erubis"] {
            job += &format!("Installing {gem} 1.0.0\n");
        }
        job += "Bundle complete! 47 Gemfile dependencies, 92 gems now installed.\ntravis_fold:end:install\n";
        for (seed, dots) in [(9726, 16), (63761, 2), (1387, 29)] {
            job += &format!(
                "/home/travis/.rvm/rubies/ruby-2.2.2/bin/ruby -w -Itest:lib test/generators_test.rb\nRun options: --seed {seed}\n\n\
                 # Running:\n\n{}\n\nFinished in 4.149975s, 0.4819 runs/s, 2.1687 assertions/s.\n\n\
                 {dots} runs, 9 assertions, 0 failures, 0 errors, 0 skips\n",
                ".".repeat(dots)
            );
        }
        job += "\nThe command \"ci/travis.rb\" exited with 0.\n\nDone. Your build exited with 0.\n";
        assert_eq!(sniff(job.as_bytes()), Kind::Log);
    }

    #[test]
    fn an_agents_log_indented_line_by_line_is_a_log() {
        // HashiCorp's agents indent every line they log; an error's body may quote a page of
        // HTML and CSS, braces and all
        let mut log = String::from("==> Nomad agent started! Log data will stream in below:\n\n");
        for i in 0..30 {
            log += &format!("    2017/01/16 10:36:{:02} [DEBUG] http: Request /v1/evaluation/46a42c23/allocations ({i}.993µs)\n", i % 60);
            if i % 10 == 9 {
                log += "    2017/01/16 10:36:08 [ERR] driver.exec: error registering services with consul for task: \"consul\": 2 error(s) occurred:\n\n";
                log += "* Unexpected response code: 403 (<html><head><style type=\"text/css\"><!--\n /*\n Stylesheet for Squid Error pages\n */\n";
                log += "html body {\n margin: 0;\n padding: 0;\n}\n#titles h1 {\n color: #000000;\n}\n--></style></head></html>)\n";
            }
        }
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
    }

    #[test]
    fn a_web_apps_log_of_requests_recorded_as_logfmt_is_a_log() {
        // a Rails app in development with lograge: SQL lines under each request, and each
        // request's record, with no time and no level
        let mut log = String::new();
        for i in 0..40 {
            log += &format!("  User Load ({}.{}ms)  SELECT  `users`.* FROM `users` WHERE `users`.`id` = 4 LIMIT 1\n", i % 7, i % 10);
            log += &format!("  Photofile Load (2.{}ms)  SELECT  `photofiles`.* FROM `photofiles` WHERE `photofiles`.`id` = {} LIMIT 1\n", i % 9, 9000 + i);
            log += &format!("method=GET path=/api/photofiles/{}/photoserve format=html controller=Api::PhotofilesController action=photoserve status=200 duration={}.{} view=0.00 db=7{}.04\n", 9000 + i, 180 + i, i % 10, i % 10);
        }
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
    }

    #[test]
    fn kinds() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0"), Kind::Binary);
        assert_eq!(sniff(b"caf\xe9 au lait"), Kind::Binary);
        assert_eq!(sniff(&[0u8; 4096]), Kind::Binary);
        assert_eq!(sniff("a\0b\n".repeat(100).as_bytes()), Kind::Binary);
        // a log truncated in place opens with the NULs that stand for what it held before
        let log = "    2016/06/17 16:09:13 [DEBUG] http: Request /v1/agent/members (118.091µs)\n".repeat(40);
        let padded = [vec![0u8; 420_927], log.clone().into_bytes()].concat();
        assert_eq!(sniff(&padded), Kind::Log);
        assert_eq!(sniff(&[vec![0u8; 64], log.clone().into_bytes()].concat()), Kind::Binary);
        // ... or holds them further down, where lines went on being written as it was cut
        let (first, rest) = log.split_at(log.len() / 8);
        let padded_within = [first.as_bytes(), &vec![0u8; 19_164], rest.as_bytes()].concat();
        assert_eq!(sniff(&padded_within), Kind::Log);
        // (a power cut's run of a thousand too, and a run shorter than a line's padding is a
        // binary format's)
        assert_eq!(sniff(&[first.as_bytes(), &vec![0u8; 1_000], rest.as_bytes()].concat()), Kind::Log);
        assert_eq!(sniff(&[first.as_bytes(), &[0u8; 200], rest.as_bytes()].concat()), Kind::Binary);
        // (a run that begins just before the sample's head ends is measured whole)
        let long = log.repeat(16);
        let (first, rest) = long.split_at(HEAD - 1_000);
        assert_eq!(sniff(&[first.as_bytes(), &vec![0u8; 20_000], rest.as_bytes()].concat()), Kind::Log);
        let stray = "2024-01-02 10:00:01,123 INFO started\n".repeat(40) + "2024-01-02 10:00:02,456 WARN name \0 x\n";
        assert_eq!(sniff(stray.as_bytes()), Kind::Log);
        assert_eq!(sniff(b"  {\"a\": [1, 2]}\n"), Kind::Json);
        assert_eq!(sniff(b"{\"a\":1}\n{\"a\":2}\n"), Kind::Json);
        assert_eq!(sniff(b"{not json"), Kind::Text);
        // values one after another, each over several lines, as `jq` and `go list -json` print
        let stream: String = (0..20)
            .map(|i| format!("{{\n\t\"Dir\": \"/src/p{i}\",\n\t\"Deps\": [\n\t\t\"errors\",\n\t\t\"io\"\n\t]\n}}\n"))
            .collect();
        assert_eq!(sniff(stream.as_bytes()), Kind::Json);
        // but not when a value is cut short, or scalars follow
        assert_ne!(sniff(format!("{stream}{{\n\t\"Dir\":").as_bytes()), Kind::Json);
        assert_ne!(sniff(format!("{stream}1\n2\n").as_bytes()), Kind::Json);
        let log = "2024-01-02 10:00:01,123 INFO started\n2024-01-02 10:00:02,456 WARN slow\n";
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
        // Android logcat, HealthApp, HPC and Thunderbird headers (loghub)
        for line in [
            "03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogs",
            "20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579",
            "134681 node-246 unix.hw state_change.unavailable 1077804742 1 Component State Change",
            "- 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228 crond[2916]: (root) CMD",
            "APPREAD 1117869872 2005.06.04 R04-M1-N4-I:J18-U11 2005-06-04-00.24.32.432192 RAS APP FATAL",
            "nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:00:00.008 25746 INFO nova.osapi_compute",
            "[10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 open through proxy",
        ] {
            assert_eq!(sniff(format!("{line}\n{line}\n").as_bytes()), Kind::Log, "{line}");
        }
        let py = "import os\n\ndef main():\n    return 1\n\nclass A:\n    pass\n";
        assert_eq!(sniff(py.as_bytes()), Kind::Code);
        let doc = format!(
            "\"\"\"A module.\n\n{}\"\"\"\n",
            "Prose that explains it at length.\n".repeat(12)
        );
        let py_doc = format!("{doc}import os\nimport re\nfrom a import b\n\ndef f(x):\n    \"\"\"Doc.\n\n    More.\n    \"\"\"\n\n\nclass A(object):\n    \"\"\"Doc.\n\n    Words.\n    \"\"\"\n    def g(self):\n        pass\n");
        assert_eq!(sniff(py_doc.as_bytes()), Kind::Code);
        let doc_comment =
            "/**\n * Words about the next function, which does what it says.\n */\n".repeat(8);
        let ts = format!(
            "{doc_comment}export interface A {{\n  x: number\n  y: string\n}}\n{}",
            "/** More. */\nf(a: number): void;\n".repeat(8)
        );
        assert_eq!(sniff(ts.as_bytes()), Kind::Code);
        let go = format!(
            "package main\n\n{}",
            "// Doc line one.\n// Doc line two, longer.\n// And three.\nfunc F(a int) int\n\n"
                .repeat(6)
        );
        assert_eq!(sniff(go.as_bytes()), Kind::Code);
        // clap options: every field is a doc comment and a multi-line attribute
        let rs = format!(
            "pub struct Opts {{\n{}}}\n",
            "    /// Search hidden files.\n    #[arg(\n        long,\n        help = \"Hidden\",\n    )]\n    pub hidden: bool,\n\n"
                .repeat(12)
        );
        assert_eq!(sniff(rs.as_bytes()), Kind::Code);
        let sh = "#!/bin/sh\n\necho hello world\ncp a b\nmv b c\n";
        assert_eq!(sniff(sh.as_bytes()), Kind::Code);
        assert_eq!(
            sniff(b"node-1 says python is up\nnode-2 says python is down\n"),
            Kind::Text
        );
        let prose =
            "Some words about code.\n// not really\nAnd a closing line of prose.\n".repeat(5);
        assert_eq!(sniff(prose.as_bytes()), Kind::Text);
        let t = "============================= test session starts ==============================\ncollected 3 items\n";
        assert_eq!(sniff(t.as_bytes()), Kind::Test);
        let d = "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n";
        assert_eq!(sniff(d.as_bytes()), Kind::Diff);
        assert_eq!(
            sniff(b"Just a sentence of prose.\nAnd another one here.\n"),
            Kind::Text
        );
        let md = "# Setup\n\nInstall it and configure it:\n\n```js\nconst a = require('a');\nmodule.exports = {};\n```\n\nThen run it.\n";
        assert_eq!(sniff(md.as_bytes()), Kind::Text);
        let md = "# Pushing\n\nIf the push fails you see:\n\n```console\nerror: failed to push some refs\n```\n\nThen rebase.\n";
        assert_eq!(sniff(md.as_bytes()), Kind::Text);
    }

    #[test]
    fn records_that_print_a_key_in_brackets_or_an_arrow_are_no_settings() {
        // Snort's alert file: records of a few lines, one a bracketed `[Priority: 0]`, one an
        // arrow (`=>`), neither of them a section or a key set to a value
        let alert = |i: usize| {
            format!(
                "[**] [1:1000005:1] HTTP POST DoS Detected [**]\n[Priority: 0] \n06/06-07:07:{:02}.725721 172.24.0.2:{} -> 172.24.0.3:3100\n\
                 TCP TTL:64 TOS:0x0 ID:{} IpLen:20 DgmLen:310 DF\n***AP*** Seq: 0xD604FD3D  Ack: 0x55337D0A  Win: 0x1F6  TcpLen: 32\n\
                 TCP Options (3) => NOP NOP TS: {} 4270880329 \n\n",
                i % 60,
                37928 + i,
                16049 + i,
                3168563908u64 + i as u64
            )
        };
        let alerts: String = (0..40).map(alert).collect();
        assert_eq!(sniff(alerts.as_bytes()), Kind::Log);
        assert_eq!(setting_key("TCP Options (3) => NOP NOP TS: 3168563908 4270880329"), None);
        assert_eq!(setting_key("if a == b"), None);
        assert_eq!(setting_key("[Priority: 0] "), None);
        assert_eq!(setting_key("EDITOR="), Some("EDITOR"));
        assert_eq!(setting_key("[url \"git@github.com:\"]"), Some(""));
        // a section may hold a colon in its name, and a key be set to nothing: still settings
        let config = "[core]\n\tbare = false\n\tfilemode = true\n[remote \"origin\"]\n\turl = git@github.com:o/r.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n[url \"git@github.com:\"]\n\tinsteadOf = https://github.com/\n[branch \"main\"]\n\tremote = origin\n\tmerge = refs/heads/main\nEDITOR=\nPAGER=less\nLANG=C.UTF-8\nTZ=UTC\nHOME=/home/ann\n".repeat(2);
        assert_ne!(sniff(config.as_bytes()), Kind::Log);
    }

    #[test]
    fn tab_separated_events_stamped_in_milliseconds_are_a_log() {
        // geckodriver's trace log: the time since the epoch in milliseconds, the module, the
        // level and the message, a tab between each
        let modules = ["geckodriver", "mozrunner::runner", "geckodriver::marionette", "webdriver::server"];
        let log: String = (0..60)
            .map(|i| {
                let (module, level, said) = match i % 5 {
                    0 => (modules[3], "DEBUG", format!("-> POST /session/{i:04x}/element {{\"using\": \"css selector\", \"value\": \"#item-{i}\"}}")),
                    1 => (modules[2], "TRACE", format!("<- [1,{i},null,{{\"value\":{{\"element-6066\":\"{i:08x}\"}}}}]")),
                    2 => (modules[1], "INFO", "Running command: \"/usr/lib/firefox-esr/firefox-esr\" \"--marionette\"".to_string()),
                    3 => (modules[0], "ERROR", format!("no such element: Unable to locate element: #missing-{i}")),
                    _ => (modules[2], "DEBUG", "Waiting 60s to connect to browser on 127.0.0.1".to_string()),
                };
                format!("{}\t{module}\t{level}\t{said}\n", 1_796_678_301_693_u64 + 17 * i)
            })
            .collect();
        assert_eq!(sniff(log.as_bytes()), Kind::Log, "{log}");
        // a table of books opens with their ISBNs, thirteen digits too: no time
        let books: String = (0..60).map(|i| format!("97801{i:08}\tThe Book of Chapter {i}\tAnn Author\t{}\n", 1990 + i % 30)).collect();
        assert_ne!(sniff(books.as_bytes()), Kind::Log, "{books}");
    }

    #[test]
    fn a_package_managers_session_is_a_log_whatever_errors_it_says() {
        // pacman's transactions one after another: `error: ` opens its failures as it opens
        // every command-line tool's, no compiler's headline
        let mut session = String::new();
        for (i, pkg) in ["cairo-x", "fontconfig-x", "harfbuzz-x", "libpng-x", "pango-x", "gtk-x"].iter().enumerate() {
            session += &format!("+ pacman --root /srv/r{i} --noconfirm -S {pkg}\nresolving dependencies...\nlooking for conflicting packages...\n\nPackages (1) {pkg}-1.{i}.0-1\n\nTotal Installed Size:  0.0{i} MiB\n\n:: Proceed with installation? [Y/n] \n:: Retrieving packages...\n {pkg}-1.{i}.0-1-any downloading...\nchecking keyring...\nchecking package integrity...\nloading package files...\nchecking for file conflicts...\n:: Processing package changes...\ninstalling {pkg}...\n");
            if i % 2 == 1 {
                session += &format!("error: command failed to execute correctly\nerror: failed to commit transaction (conflicting files)\n{pkg}: /usr/lib/lib{pkg}.so exists in filesystem\nErrors occurred, no packages were upgraded.\n");
            }
        }
        assert_eq!(sniff(session.as_bytes()), Kind::Log, "{session}");
        // a compiler's headline still makes a build: its code, or its place on the line under it
        let build = "   Compiling app v0.1.0 (/src/app)\nerror: unused variable: `x`\n  --> src/lib.rs:3:9\n   |\n3  |     let x = 1;\n   |         ^\n\n";
        assert!(crate::testout::is_test_output(build) && crate::testout::is_test_output("error[E0425]: cannot find value `y` in this scope\n"));
        assert!(!crate::testout::is_test_output("error: failed to commit transaction (conflicting files)\n"));
    }

    #[test]
    fn a_cargo_build_is_a_build_however_long_its_commands() {
        // `cargo build -v`: a head of `Compiling` lines and rustc commands of kilobytes each, a
        // tail of warnings and cargo's `Finished`: the log compressor keeps each command (another
        // crate's), the build's folds them
        let command = format!("     Running `rustc --crate-name x --edition=2021 {}`\n", "-C opt ".repeat(400));
        let crates: String = (0..12).map(|i| format!("   Compiling crate{i} v0.{i}.1\n{command}")).collect();
        let warning = "warning: unused variable: `x`\n   --> src/lib.rs:3:9\n    |\n3   |     let x = 1;\n    |         ^\n\n";
        let done = "    Finished `dev` profile [unoptimized + debuginfo] target(s) in 40.58s\n";
        assert_eq!(sniff(format!("{crates}{warning}{done}").as_bytes()), Kind::Test);
        // the `Compiling` lines alone, or cargo's verdict alone, say so
        assert_eq!(sniff(crates.as_bytes()), Kind::Test);
        assert_eq!(sniff(format!("{}{done}", command.repeat(12)).as_bytes()), Kind::Test);
        let failed = "error: could not compile `crate3` (lib) due to 2 previous errors\n";
        assert_eq!(sniff(format!("{}{failed}", command.repeat(12)).as_bytes()), Kind::Test);
        // cargo right-aligns its verbs in twelve columns: a sentence that begins with one, or
        // cargo's output quoted in a document's indented block, is none of a build's
        let prose = "The release notes of this version, in full, for the people who read them.\n".repeat(8);
        let sentence = format!("Release notes\n\nCompiling docs v2 now uses the new theme.\n{prose}");
        assert_eq!(sniff(sentence.as_bytes()), Kind::Text);
        let quoted = format!("Build it first:\n\n    $ cargo build\n       Compiling hello v0.1.0 (/src/hello)\n        Finished `dev` profile [unoptimized] target(s) in 0.52s\n\n{prose}");
        assert_eq!(sniff(quoted.as_bytes()), Kind::Text);
    }

    #[test]
    fn log_shapes_the_prefix_cascade_missed() {
        let times = |f: &dyn Fn(usize) -> String, n: usize| (0..n).map(|i| f(i) + "\n").collect::<String>();
        let cases: Vec<(&str, String)> = vec![
            // several sources interleaved behind a tag: grep -r, docker compose, a shipper
            ("grep -r", times(&|i| format!("logs/app-{}.log:2024-01-02 10:00:{:02},123 INFO request {i} done", i % 3, i % 60), 40)),
            // (over Airflow's task logs, whose folders' names hold times)
            ("grep -r airflow", times(&|i| format!("dag_id=etl/run_id=manual__2025-05-12T19:49:47.808429+00:00/task_id=step_{}/attempt=1.log:[2025-05-12T20:54:{:02}.953+0100] {{taskinstance.py:2306}} INFO - Starting attempt 1 of 2", i % 3, i % 60), 40)),
            ("compose", times(&|i| format!("web-{}  | 2024-01-02T10:00:{:02}Z GET /items/{i} 200", i % 2, i % 60), 40)),
            ("shipper", times(&|i| format!("nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:00:{:02}.008 25746 INFO nova.osapi_compute.wsgi.server [req-{i}] GET /v2", i % 60), 40)),
            // JSON lines with a time and a level or message: docker, Caddy, nginx escape=json
            ("caddy", times(&|i| format!(r#"{{"level":"info","ts":1646861401.{i},"logger":"http.log.access","msg":"handled request","status":200}}"#), 30)),
            ("docker", times(&|i| format!(r#"{{"log":"line {i}\n","stream":"stdout","time":"2024-01-02T10:00:00.{i}Z"}}"#), 30)),
            ("nginx json", times(&|i| format!(r#"{{"time":"2024-01-02T10:00:{:02}+00:00","remote_addr":"10.0.0.1","request":"GET /{i} HTTP/1.1","status":404}}"#, i % 60), 30)),
            // Serilog's JSON capitalises its names
            ("serilog json", times(&|i| format!(r#"{{"Timestamp":"2019-11-14T08:37:{:02}.8898477+01:00","Level":"Information","MessageTemplate":"HTTP {{RequestMethod}} {{RequestPath}} responded {{StatusCode}}","Properties":{{"RequestMethod":"GET","RequestPath":"/api/values/{i}","StatusCode":200}}}}"#, i % 60), 30)),
            // systemd's console at boot
            ("systemd boot", times(&|i| format!("[  OK  ] Started Service number {i}.\n         Starting Next service {i}...\n[  OK  ] Reached target Target {i}."), 15)),
            // MongoDB's structured log: its time is `t`, its level `s`, a letter
            ("mongodb", times(&|i| format!(r#"{{"t":{{"$date":"2021-06-09T13:44:{:02}.349+00:00"}},"s":"I",  "c":"NETWORK",  "id":22943,   "ctx":"listener","msg":"Connection accepted","attr":{{"remote":"127.0.0.1:{}","connectionId":{i}}}}}"#, i % 60, 50000 + i), 30)),
            // Zeek TSV, strace, an application log that is mostly stack frames
            ("zeek", format!("#separator \\x09\n#fields\tts\tuid\tid.orig_h\n{}", times(&|i| format!("1354328870.{i:06}\tCwFs1P{i}\t10.0.2.15\t49286"), 30))),
            ("strace", times(&|i| format!("openat(AT_FDCWD, \"/usr/lib/lib{i}.so\", O_RDONLY|O_CLOEXEC) = {}", if i % 5 == 0 { "-1 ENOENT (No such file or directory)".to_string() } else { "3".to_string() }), 40)),
            // grep over the files `strace -ff` writes, one per process
            ("strace -ff", times(&|i| format!("trace.{}:18:05:42.{:06} openat(AT_FDCWD, \"/usr/lib/python3.11/m{i}.py\", O_RDONLY|O_CLOEXEC) = 3", 12988 + i % 3, 10441 + i), 40)),
            // CI runners, logfmt, kubectl --prefix, journald, IIS W3C with its header
            ("github actions", times(&|i| format!("2024-01-02T10:00:{:02}.1234567Z tests/test_a.py::test_{i} PASSED [ {i}%]", i % 60), 40)),
            ("logfmt", times(&|i| format!("time=2024-01-02T10:00:{:02}Z level=info msg=\"served {i}\" dur={i}ms", i % 60), 40)),
            ("kubectl", times(&|i| format!("[pod/api-{}/api] 2024-01-02T10:00:{:02}Z served {i}", i % 3, i % 60), 40)),
            ("journald", times(&|i| format!("Jan 02 10:00:{:02} host sshd[{}]: Accepted publickey for root", i % 60, 100 + i), 40)),
            // `journalctl -o json`: a syslog priority, a message, a time since the epoch
            ("journald json", times(&|i| format!(r#"{{"__CURSOR":"s=739ad463;i={i:x}","__REALTIME_TIMESTAMP":"17333000{i:08}","PRIORITY":"6","_HOSTNAME":"h1","SYSLOG_IDENTIFIER":"systemd","_PID":"1","MESSAGE":"Started Session {i} of user root."}}"#), 40)),
            ("iis", format!("#Software: Microsoft Internet Information Services 10.0\n#Fields: date time s-ip cs-method cs-uri-stem\n{}", times(&|i| format!("2024-01-02 10:00:{:02} 10.0.0.1 GET /p{i}.aspx - 80 - 10.0.0.2 Mozilla/5.0 200 0 0 {i}", i % 60), 40))),
            // Redis: a `pid:role` tag, the day before the month, messages that read as prose
            ("redis", times(&|i| format!("28412:S 30 Nov 2026 16:54:{:02}.195 * Connecting to MASTER 127.0.0.1:7005 while the replica waits for attempt {i}", i % 60), 40)),
            ("java", times(&|i| if i % 10 == 0 { format!("2024-01-02 10:00:{:02},123 ERROR [main] c.e.App - boom {i}", i % 60) } else { format!("\tat com.example.App.run(App.java:{i})") }, 60)),
            ("laravel", format!("[2018-09-05 20:20:51] local.ERROR: boom {{\"exception\":\"[object] (RuntimeException(code: 0): boom at /x/a.php:217)\n[stacktrace]\n{}\"}}\n", times(&|i| format!("#{i} /x/vendor/a/B.php({}): A->b()", 100 + i), 30))),
            // an nginx `log_format` that opens with a literal in brackets, then the time: no
            // grep output of a file named `[u][08/Mar/2020`
            ("nginx log_format", times(&|i| format!("[u][08/Mar/2020:0{}:{:02}:55 +0300] 0.300 0.300 {} 54.36.150.{i} example.ru GET /p/{i} HTTP/2.0 \"Mozilla/5.0\" \"-\" 15552", i % 10, i % 60, [200, 301, 500][i % 3]), 40)),
            // an Express app's console: morgan's `dev` lines, no time, no level
            ("morgan", format!("Server listening on port 3000\n{}", times(&|i| format!("GET /api/items/{i} {} {}.{:03} ms - {}", [200, 304, 404][i % 3], i % 9, i, 100 + i), 40))),
            // npm's console at `--loglevel silly`, whose errors are its own log's lines
            ("npm silly", format!("{}npm warn deprecated inflight@1.0.6\nnpm error code 7\nnpm error path /tmp/badpkg\nnpm error command failed\n", times(&|i| format!("npm silly fetch manifest pkg{i}@^1.0.{i}\nnpm http fetch GET 200 https://registry.npmjs.org/pkg{i} {i}ms"), 20))),
        ];
        for (name, text) in cases {
            assert_eq!(sniff(text.as_bytes()), Kind::Log, "{name}:\n{text}");
        }
        // real grep output over source code stays grep output
        let grep = times(&|i| format!("src/mod{}.py:{}:    raise ValueError(\"bad value {i}\")", i % 4, 10 + i), 30);
        assert_eq!(sniff(grep.as_bytes()), Kind::Shell);
        let d = "--- old/a.go\t2024-01-02\n+++ new/a.go\t2024-01-02\n@@ -1,3 +1,3 @@\n-a\n+b\n c\n";
        assert_eq!(sniff(d.as_bytes()), Kind::Diff);
    }

    #[test]
    fn json_lines_that_name_their_fields_their_own_way_are_a_log() {
        // HashiCorp's hclog: its names behind an `@`, the caller first
        let hclog: String = (0..20)
            .map(|i| format!("{{\"@caller\":\"/app/main.go:{i}\",\"@level\":\"info\",\"@message\":\"task started\",\"@module\":\"runner\",\"@timestamp\":\"2026-12-06T14:03:{i:02}.245482Z\",\"task\":\"sh\"}}\n"))
            .collect();
        assert_eq!(sniff(hclog.as_bytes()), Kind::Log);
        // Eliot: actions and messages, a time and no level
        let eliot: String = (0..20)
            .map(|i| format!("{{\"action_status\": \"started\", \"timestamp\": 1700000{i:03}.25, \"task_uuid\": \"9f1c-{i}\", \"action_type\": \"etl:insert\", \"task_level\": [1]}}\n"))
            .collect();
        assert_eq!(sniff(eliot.as_bytes()), Kind::Log);
    }

    #[test]
    fn windows_events_as_json_lines_are_a_log() {
        // `evtx_dump -o jsonl` (omerbenamram/evtx's samples/system.evtx): each event's level
        // and time nested where its schema puts them
        let events = [
            r##"{"Event":{"#attributes":{"xmlns":"http://schemas.microsoft.com/win/2004/08/events/event"},"System":{"Provider":{"#attributes":{"Name":"EventLog"}},"EventID":{"#attributes":{"Qualifiers":32768},"#text":6009},"Level":4,"Task":0,"Keywords":"0x80000000000000","TimeCreated":{"#attributes":{"SystemTime":"2017-07-12T17:16:28.2141616Z"}},"EventRecordID":1,"Channel":"System","Computer":"WIN-P4SIAA0SQCO","Security":null},"EventData":{"Data":{"#text":["10.00.","15063","","Multiprocessor Free","0"]}}}}"##,
            r##"{"Event":{"#attributes":{"xmlns":"http://schemas.microsoft.com/win/2004/08/events/event"},"System":{"Provider":{"#attributes":{"Name":"EventLog"}},"EventID":{"#attributes":{"Qualifiers":32768},"#text":6005},"Level":4,"Task":0,"Keywords":"0x80000000000000","TimeCreated":{"#attributes":{"SystemTime":"2017-07-12T17:16:28.2141616Z"}},"EventRecordID":2,"Channel":"System","Computer":"WIN-P4SIAA0SQCO","Security":null},"EventData":{"Binary":"E107070003000C00110010001C00D6000000000000000000"}}}"##,
            r##"{"Event":{"#attributes":{"xmlns":"http://schemas.microsoft.com/win/2004/08/events/event"},"System":{"Provider":{"#attributes":{"Name":"BTHUSB"}},"EventID":{"#attributes":{"Qualifiers":32773},"#text":28},"Level":3,"Task":0,"Keywords":"0x80000000000000","TimeCreated":{"#attributes":{"SystemTime":"2017-07-12T17:16:32.4174767Z"}},"EventRecordID":55,"Channel":"System","Computer":"WIN-P4SIAA0SQCO","Security":null},"EventData":{"Data":{"#text":""},"Binary":"0000000001000000000000001C000580000000000000000000000000000000000000000000000000"}}}"##,
        ];
        let text: String = events.iter().map(|e| format!("{e}\n")).collect();
        assert_eq!(sniff(text.as_bytes()), Kind::Log);
        // rows of data with a level and a time of their own are no events: a game's players
        let rows: String = (0..20).map(|i| format!("{{\"id\":{i},\"name\":\"p{i}\",\"level\":{},\"lastLoginTime\":\"2024-05-01T10:{i:02}:00Z\"}}\n", i * 7 % 60 + 1)).collect();
        assert_eq!(sniff(rows.as_bytes()), Kind::Json);
    }

    #[test]
    fn a_json_log_whose_records_print_their_stack_traces_over_lines_is_a_log() {
        // Elasticsearch's JSON log: a record a line, but a stack trace as an array, a frame a line
        let record = |i: usize, level: &str| format!(r#"{{"type": "server", "timestamp": "2025-10-20T15:29:{:02},448-03:00", "level": "{level}", "component": "o.e.n.Node", "message": "event {i}""#, i % 60);
        let text: String = (0..40)
            .map(|i| match i % 8 {
                7 => format!(
                    "{},\n\"stacktrace\": [\"org.elasticsearch.action.NoShardAvailableActionException: No shard available\",\n{}\"at java.lang.Thread.run(Thread.java:832) [?:?]\"] }}\n",
                    record(i, "WARN"),
                    (0..10).map(|k| format!("\"at org.elasticsearch.action.A{k}.run(A{k}.java:{}) [elasticsearch-7.10.0.jar:7.10.0]\",\n", 100 + k)).collect::<String>()
                ),
                _ => format!("{} }}\n", record(i, "INFO")),
            })
            .collect();
        assert!(text.lines().filter(|l| l.starts_with('{')).count() * 2 < text.lines().count(), "{text}");
        assert_eq!(sniff(text.as_bytes()), Kind::Log, "{text}");
        // the same records printed a key a line (`jq .`) are a JSON document
        let pretty: String = (0..10)
            .map(|i| format!("{{\n  \"timestamp\": \"2025-10-20T15:29:{i:02}\",\n  \"level\": \"INFO\",\n  \"message\": \"event {i}\"\n}}\n"))
            .collect();
        assert_eq!(sniff(pretty.as_bytes()), Kind::Json, "{pretty}");
    }

    #[test]
    fn an_ant_build_is_a_log_whatever_source_its_tasks_quote() {
        // Ant's console (a Jenkins job's log): each task's lines behind its name, javac's
        // warnings with the code they point at, CPD's duplicated code, most of it Java
        let mut t = String::from("Buildfile: build.xml\n\ncompile:\n    [javac] Compiling 795 source files to /w/pmd/build\n");
        for i in 0..20 {
            t.push_str(&format!("    [javac] /w/pmd/src/net/sf/pmd/renderers/R{i}.java:{}: warning: [deprecation] render(Report) in Renderer has been deprecated\n    [javac]     public String render(Report report) {{\n    [javac]                   ^\n", 30 + i));
        }
        t.push_str("\ncpd:\n");
        for i in 0..10 {
            t.push_str(&format!("      [cpd] Found a {} line (240 tokens) duplication in the following files:\n      [cpd] Starting at line 38 of /w/pmd/src/net/sf/pmd/rules/R{i}.java\n", 40 + i));
            for line in ["    private void evaluate(List<ASTName> names, Object context) {", "        for (ASTName name : names) {", "            if (name.isException()) {", "                addViolation(context, name);", "            }", "        }", "    }"] {
                t.push_str(&format!("      [cpd] {line}\n"));
            }
        }
        t.push_str("\nBUILD SUCCESSFUL\nTotal time: 5 minutes 3 seconds\n");
        assert_eq!(sniff(t.as_bytes()), Kind::Log, "{t}");
        // a task's name closes its bracket in the eleventh column, as Ant pads it
        for task in ["    [javac] Compiling 795 source files", "      [cpd] Found a 43 line duplication", "   [delete] Deleting directory /w/build", "     [echo]"] {
            assert!(logline::is_ant_task_line(task), "{task}");
        }
        for other in ["[x] item 3 is done", "    [x] item 3 is done", "[javac] Compiling", "    [Javac] Compiling", "    [javac]Compiling"] {
            assert!(!logline::is_ant_task_line(other), "{other}");
        }
    }

    #[test]
    fn processes_tagged_by_host_and_pid_are_a_log_whatever_they_print() {
        // Open MPI's verbose output: each process's lines behind `[host:pid]`, no time or level,
        // the ranks' lines interleaved, and a help message's prose between them
        let mut t = String::new();
        for pid in [10293, 10294, 10295] {
            for (step, what) in [("register", "registering framework btl components"), ("open", "opening btl components")] {
                t.push_str(&format!("[vm:{pid}] mca: base: components_{step}: {what}\n"));
                for c in ["tcp", "vader", "self"] {
                    t.push_str(&format!("[vm:{pid}] mca: base: components_{step}: found loaded component {c}\n[vm:{pid}] mca: base: components_{step}: component {c} {step} function successful\n"));
                }
            }
            t.push_str(&format!("[vm:{pid}] select: initializing btl component tcp\n[vm:{pid}] btl:tcp: Attempting to bind to AF_INET port 1024\n[vm:{pid}] select: init of component tcp returned success\n"));
        }
        t.push_str("--------------------------------------------------------------------------\nMPI_ABORT was invoked on rank 1 in communicator MPI_COMM_WORLD\nwith errorcode 42.\n\nNOTE: invoking MPI_ABORT causes Open MPI to kill all MPI processes.\nYou may or may not see output from other processes, depending on\nexactly when Open MPI kills them.\n--------------------------------------------------------------------------\n");
        assert_eq!(sniff(t.as_bytes()), Kind::Log, "{t}");
        assert!(logline::is_process_stream_line("[node-1.cluster:10293] btl:tcp: examining interface eth0"));
        // a server's lines behind its clients' addresses and ports, busybox httpd's: no grep
        let mut t = String::new();
        for k in 0..60 {
            let status = if k % 7 == 3 { 404 } else { 200 };
            t.push_str(&format!("127.0.0.1:{}: url:/docs/page{}.html\n127.0.0.1:{}: response:{status}\n", 38216 + k * 4, k % 9, 38216 + k * 4));
        }
        t.push_str("127.0.0.1:42984: can't execute 'noexec.cgi': Permission denied\n");
        assert_eq!(sniff(t.as_bytes()), Kind::Log, "{t}");
        // a checkbox, a step's counter, a pid alone or a tag with nothing after it are none
        for other in ["[x] item 3 is done", "[3/20] Compiling foo.c", "[10293] started", "[vm:10293]", "[vm:10293]  ", "[ref:12] see the appendix"] {
            assert!(!logline::is_process_stream_line(other), "{other}");
        }
    }

    #[test]
    fn a_log_whose_tracebacks_are_drawn_in_panels_is_a_log() {
        // rich's tracebacks (structlog's console, `RichHandler`): a panel of box characters
        // under the event, most of the lines, continues it as a trace's frames do
        let panel = "╭──── Traceback (most recent call last) ────╮\n│ /srv/app/jobs.py:17 in process          │\n│                                         │\n│ ❱ 17 │   await fetch(job)                 │\n╰─────────────────────────────────────────╯\nTimeoutError: read timeout\n";
        let text: String = (0..30)
            .map(|i| {
                let event = format!("2026-12-04 12:36:{:02} [info     ] job done      job=job-{i}\n", i % 60);
                if i % 3 == 0 {
                    format!("{event}2026-12-04 12:36:{:02} [error    ] job failed    job=job-{i}\n{}", i % 60, panel.repeat(2))
                } else {
                    event
                }
            })
            .collect();
        assert!(text.lines().filter(|l| l.starts_with(['│', '╭', '╰'])).count() * 2 > text.lines().count(), "{text}");
        assert_eq!(sniff(text.as_bytes()), Kind::Log, "{text}");
        // a table drawn in box characters, with no event above it, is no log
        let table: String = (0..30).map(|i| format!("│ row {i:>3} │ value {:>5} │\n", i * 7)).collect();
        assert_ne!(sniff(table.as_bytes()), Kind::Log, "{table}");
    }

    #[test]
    fn log_shapes_with_no_level_header() {
        let lines = |f: &dyn Fn(usize) -> String, n: usize| (0..n).map(|i| f(i) + "\n").collect::<String>();
        // JSON lines that open with an epoch or ISO time and carry no level or message (Zeek)
        let zeek = lines(&|i| format!(r#"{{"ts":1575413096.{i:06},"uid":"C{i}x","id.orig_h":"10.0.0.{i}","proto":"udp","duration":0.{i}}}"#), 20);
        assert_eq!(sniff(zeek.as_bytes()), Kind::Log);
        let iso = lines(&|i| format!(r#"{{"@timestamp":"2024-01-02T10:00:{:02}Z","host":"h{i}","bytes":{i}}}"#, i % 60), 20);
        assert_eq!(sniff(iso.as_bytes()), Kind::Log);
        // records whose time is not their first key, or is no time, stay a table of records
        let table = lines(&|i| format!(r#"{{"name":"pkg{i}","time":"2024-01-02T10:00:00Z","size":{i}}}"#), 20);
        assert_eq!(sniff(table.as_bytes()), Kind::Json);
        let ids = lines(&|i| format!(r#"{{"ts":"v{i}","uid":"C{i}x"}}"#), 20);
        assert_eq!(sniff(ids.as_bytes()), Kind::Json);
        // an event's own time further in, beside what names the event: CloudTrail's calls
        // (`jq -c '.Records[]'`), OpenTelemetry's spans (Go's stdouttrace)
        let trail = lines(&|i| format!(r#"{{"eventVersion":"1.05","userIdentity":{{"type":"AssumedRole"}},"eventTime":"2018-11-28T22:{:02}:59Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","errorCode":"AccessDenied","requestID":"{i}"}}"#, i % 60), 20);
        assert_eq!(sniff(trail.as_bytes()), Kind::Log);
        let spans = lines(&|i| format!(r#"{{"Name":"route","SpanContext":{{"TraceID":"{i:032x}","SpanID":"{i:016x}"}},"SpanKind":1,"StartTime":"2026-12-07T10:00:{:02}.1Z","EndTime":"2026-12-07T10:00:{:02}.2Z"}}"#, i % 60, i % 60), 20);
        assert_eq!(sniff(spans.as_bytes()), Kind::Log);
        // a Lambda's records with its metrics between them, each opening with CloudWatch's
        // `_aws` and its time
        let lambda = lines(&|i| if i % 3 == 2 {
            format!(r#"{{"_aws":{{"Timestamp":17334000{i:05},"CloudWatchMetrics":[{{"Namespace":"orders","Metrics":[{{"Name":"placed","Unit":"Count"}}]}}]}},"service":"orders","placed":1}}"#)
        } else {
            format!(r#"{{"level":"INFO","location":"handler:{i}","message":"order {i} placed","timestamp":"2026-12-07 10:00:{:02},000+0000","service":"orders"}}"#, i % 60)
        }, 30);
        assert_eq!(sniff(lambda.as_bytes()), Kind::Log);
        // but resources with a time and a status are records of what is (`kubectl get pods -o
        // json | jq -c '.items[]'`), and so are pages whose first object opens with a time
        let pods = lines(&|i| format!(r#"{{"metadata":{{"name":"api-{i}","namespace":"prod"}},"spec":{{"nodeName":"node-{i}"}},"status":{{"phase":"Running","podIP":"10.1.0.{i}","startTime":"2026-12-07T10:00:{:02}Z"}}}}"#, i % 60), 20);
        assert_eq!(sniff(pods.as_bytes()), Kind::Json);
        let pages = lines(&|i| format!(r#"{{"meta":{{"timestamp":"2024-01-02T10:00:{:02}Z","page":{i}}},"items":[{{"sku":"S{i}"}}]}}"#, i % 60), 20);
        assert_eq!(sniff(pages.as_bytes()), Kind::Json);
        // W3C (IIS): a block of directives at every restart, then a few records each
        let iis = (0..8)
            .map(|b| format!(
                "#Software: Microsoft Internet Information Services 8.5\n#Version: 1.0\n#Date: 2016-01-10 0{b}:00:00\n#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port c-ip sc-status\n2016-01-10 0{b}:00:01 10.0.0.1 GET /a{b}.php - 80 10.0.0.9 404 0 2 591\n"
            ))
            .collect::<String>();
        assert_eq!(sniff(iis.as_bytes()), Kind::Log);
        // the directives alone are no log
        let header_only = "#Software: Microsoft Internet Information Services 8.5\n#Version: 1.0\n#Fields: date time\n";
        assert_ne!(sniff(header_only.as_bytes()), Kind::Log);
        // Zeek's TSV of a capture it read: times from the capture's start, under its header
        let header = "#separator \\x09\n#set_separator\t,\n#path\tnotice\n#fields\tts\tuid\tid.orig_h\tnote\tmsg\n#types\ttime\tstring\taddr\tenum\tstring\n";
        let rows = lines(&|i| format!("{}.{:06}\tC{i}xK\t10.0.2.15\tSSL::Invalid_Server_Cert\tSSL certificate validation failed", 101 + i, i * 7919 % 1_000_000), 30);
        assert_eq!(sniff(format!("{header}{rows}").as_bytes()), Kind::Log);
        // the same rows under no header, or a header whose first column is no time, are a table
        assert_ne!(sniff(rows.as_bytes()), Kind::Log);
        let named = header.replace("\tts\t", "\tname\t");
        assert_ne!(sniff(format!("{named}{rows}").as_bytes()), Kind::Log);
        // JVM unified logging: uptime, level and tags in brackets
        let jvm = lines(&|i| format!("[{}.{:03}s][{}][gc,heap] GC({i}) Pause Young {}M->{}M", i / 10, i * 7 % 1000, ["info ", "debug", "warning"][i % 3], 20 + i, 5 + i), 30);
        assert_eq!(sniff(jvm.as_bytes()), Kind::Log);
        // HAProxy's httplog: the client's address and port, then the date in brackets
        let haproxy = lines(&|i| format!("127.0.0.1:{} [30/Nov/2026:11:05:{:02}.{:03}] www web/web{} 0/0/0/{}/{} {} 180 - - ---- 1/1/0/0/0 0/0 \"GET /docs/page{i}.html HTTP/1.1\"", 47000 + i, i % 60, i * 7 % 1000, i % 2 + 1, i % 4, i % 5, [200, 200, 404, 503][i % 4]), 30);
        assert_eq!(sniff(haproxy.as_bytes()), Kind::Log);
        // Apache's vhost_combined: the virtual host and its port before the client
        let vhost = lines(&|i| format!("shop.example.org:443 10.0.{}.{i} - - [06/Aug/2024:00:{:02}:35 +0000] \"GET /p/{i} HTTP/1.1\" {} 6383 \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"", i % 3, i % 60, [200, 404][i % 2]), 30);
        assert_eq!(sniff(vhost.as_bytes()), Kind::Log);
        // journalctl in another language (`févr.`, `Mär`), with the catalog entry `-x` prints
        // under each message
        let journal = lines(&|i| format!(
            "févr. 05 17:36:{:02} NAS systemd[1]: Started Unit{i}.\n░░ Subject: L'unité (unit) unit{i}.service a terminé son démarrage\n░░ Defined-By: systemd\n░░ \n░░ L'unité (unit) unit{i}.service a terminé son démarrage.",
            i % 60
        ), 20);
        assert_eq!(sniff(journal.as_bytes()), Kind::Log);
        let german = lines(&|i| format!("Mär 05 17:36:{:02} nas kernel: usb {i}-1: new device", i % 60), 20);
        assert_eq!(sniff(german.as_bytes()), Kind::Log);
        // a build tool's bare `[info]` lines carry no decoration before the level
        assert!(!logline::is_decorated_event("[info] Compiling 3 Scala sources"));
        assert!(logline::is_decorated_event("[6ms][warning][gc] x"));
    }

    #[test]
    fn indented_code_is_no_log() {
        // a Python module whose docstrings quote list indices (`[0]: /docs/…`) and times:
        // indented lines neither open events nor, with no event above them, continue one
        let body = (0..40)
            .map(|i| format!(
                "    def method_{i}(self, url: str) -> None:\n        \"\"\"\n        Usage:\n\n        [0]: /quickstart/#section-{i}\n        12:30:00 is when it runs.\n        \"\"\"\n        value = self._get(url)\n        if value is None:\n            return None\n        return value\n\n"
            ))
            .collect::<String>();
        let py = format!("class Client:\n{body}");
        assert_eq!(sniff(py.as_bytes()), Kind::Code);
        // a log whose events carry indented details stays a log
        let log = (0..30)
            .map(|i| format!("2024-01-02 10:00:{:02},123 ERROR request {i} failed\n    at handler (app.js:{i})\n    at next (router.js:12)\n", i % 60))
            .collect::<String>();
        assert_eq!(sniff(log.as_bytes()), Kind::Log);
    }

    #[test]
    fn the_middle_and_tail_outweigh_a_preamble() {
        // a long log whose first 48 KB are a banner of prose
        let mut t = "Welcome to the service. This banner explains what the service does.\n".repeat(800);
        for i in 0..3000 {
            t.push_str(&format!("2024-01-02 10:{:02}:{:02},123 INFO worker-{} processed job {i}\n", i / 60 % 60, i % 60, i % 4));
        }
        assert!(t.len() > 2 * HEAD);
        assert_eq!(sniff(t.as_bytes()), Kind::Log);
    }

    #[test]
    fn names_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Kind::parse("nope"), None);
    }

    #[test]
    fn a_monorepo_runners_tasks_are_output_not_decorated_code() {
        // turborepo prints each line a task wrote behind the package's scope and the task
        let mut turbo = String::from("   • Packages in scope: @mono/api, @mono/core, @mono/utils\n   • Running build, test in 3 packages\n\n");
        for i in 0..20 {
            turbo.push_str(&format!("@mono/utils:test: # Subtest: slugify case {i}\n@mono/utils:test: ok {} - slugify case {i}\n@mono/utils:test:   ---\n@mono/utils:test:   duration_ms: 0.{i}99461\n@mono/utils:test:   ...\n", i + 1));
        }
        turbo.push_str("@mono/core:build: src/index.ts(5,9): error TS2322: Type 'number' is not assignable to type 'string'.\n@mono/core:build: [ELIFECYCLE] Command failed with exit code 2.\n");
        assert_ne!(sniff(turbo.as_bytes()), Kind::Code);
        // a decorator or an annotation still opens code
        let java = "@Override\npublic String toString() {\n    return name;\n}\n@Test\nvoid parses() {\n    assertEquals(1, parse(\"1\"));\n}\n".repeat(3);
        assert_eq!(sniff(java.as_bytes()), Kind::Code);
    }
}
