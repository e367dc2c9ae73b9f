//! The shape of one log line, shared by the sniffer, the log compressor and the signal guard:
//! where a source tag ends, whether the line opens an event (a time, a level, a syscall), whether
//! it continues the event above, and how severe it says it is.
//!
//! A leaf: it calls no compressor and no sniffer, so every module may call it.

use crate::re::{finder, re};

/// How severe a line says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Other,
    Warn,
    Error,
    /// fatal, critical, panic, emergency
    Fatal,
}

/// A time or a level at the very start of a line: what opens a log event (OpenSSH numbers its
/// debug levels: `debug1: Connecting to …`).
const HEADER: &str = concat!(
    // an ISO date, maybe after its day's name (`journalctl -o verbose`: `Sat 2026-12-05 01:08:50.609911 UTC [s=…]`)
    r"^\s*(\[?([A-Z][a-z]{2} )?\d{4}-\d{2}-\d{2}[T _\t]\d{2}:\d{2}|",
    // a date in any order, its day and month maybe unpadded as a US locale writes them
    // (`4/12/2026 10:25:41 PM`), after the process's pid in NestJS's logger (`[Nest] 23124  -
    // 12/04/2026, 10:25:41 PM     LOG …`, its tag `[Nest]`)
    r"\[?(\d{1,7} +- +)?\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}[ T,:-]+\d{1,2}:\d{2}|",
    r"\[?[A-Z][a-z]{2} +\d{1,2},? (\d{4} )?\d{2}:\d{2}:\d{2}|\[?[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}|",
    // a month in the local language, as journalctl and syslog write it (`févr. 05`, `Mär 05`),
    // with the rest of a syslog header: a host, and a program with its pid
    r"\p{L}{3,4}\.? +\d{1,2} \d{2}:\d{2}:\d{2} \S+ [\w./@-]+(\[\d+\])?: |",
    r"\[?\d{1,2}/[A-Z][a-z]{2}/\d{4}[: ]\d{2}:\d{2}|\[?\d{1,2}[ -][A-Z][a-z]{2}[ -]\d{4}[ :]\d{2}:\d{2}|",
    r"\[?\d{2}:\d{2}:\d{2}([.,]\d+)?\b|\[?\d{10}(\.\d+)?[\s\]]|\d{6,8}[ -]\d{6}|\[ *\d+(\.\d+)?\]|",
    // MySQL's error log before 5.7: the date as six digits, the hour padded with a space
    // (`080721  3:04:01 [ERROR] …`)
    r"\d{6} +\d{1,2}:\d{2}:\d{2} |",
    // a time in brackets, behind other bracketed fields if any (an nginx `log_format` that
    // opens `[u][$time_local]`, a logger's `[app][2024-…]`)
    r"\d{2}-\d{2} \d{2}:\d{2}:\d{2}|\d{8}-\d{2}:\d{2}:\d{2}|(\[[^\]\s]{1,16}\]){0,3}\[[^\]]{0,30}\d{2}:\d{2}:\d{2}|",
    r"[<\[]?(TRACE|DEBUG[1-5]?|INFO|NOTICE|WARN|WARNING|ERROR|FATAL|CRITICAL|LOG|PANIC|[IWEDF])[>\]]?[ :/]|",
    // Ruby's Logger (Rails, Sidekiq, Puma): the level's letter, then the time in brackets with
    // the pid (`W, [2021-07-13T15:08:19.067846 #3390]  WARN -- : …`; `A` for ANY), in its own
    // format or one a program set (`I, [2021-07-13 15:08:19 #3390]`)
    r"[DIWEFA], \[\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|",
    // BuildKit's plain progress: the step, and the seconds since it began (`#26 17.45 …`)
    r"debug[1-9]: |<\d{1,3}>|#\d+ \d+\.\d+ |",
    // Unreal Engine's: the time, dots between its fields, and the frame (`[2024.02.09-17.34.50:253][
    // 0]LogClass: Warning: …`)
    r"\[\d{4}\.\d{2}\.\d{2}-\d{2}\.\d{2}\.\d{2}:\d{3}\]\[ *\d+\])"
);

/// `HEADER`, compiled for `line`. Its month in the local language is any letters (`\p{L}`),
/// whose Unicode tables make the pattern cost three times as much to compile, on every call
/// that reads a log: a line whose first letters are ASCII is read with ASCII letters there,
/// which match it the same. (Past any whitespace: where `^\s*` stops short of it, what stands
/// there is no letter, and the month fails either way.)
fn header(line: &str) -> &'static regex::Regex {
    if line.trim_start().bytes().take(4).all(|c| c.is_ascii()) {
        re!(&HEADER.replace(r"\p{L}", "[A-Za-z]"))
    } else {
        re!(HEADER)
    }
}

/// Whether `line` opens with a time or a level (see `HEADER`).
fn opens_with_header(line: &str) -> bool {
    header(line).is_match(line)
}

/// Whether an indented line is an event of its own, with a time or a level of its own (a
/// program's logfmt line that journald's export or a supervisor indents: `\tts=2024-05-07T11:59:40Z
/// level=error msg="request failed" …`), not a line of the event above it.
pub fn indented_event(line: &str) -> bool {
    let rest = line.trim_start();
    opens_with_header(rest) || is_logfmt_event(rest) || (rest.starts_with('{') && is_json_event(rest)) || spaced_event(line)
}

/// Whether `line` is an event a dev server writes one space in, as Next.js writes each of its
/// lines: a request and its status (` GET /api/orders 500 in 7ms`), or a step behind its glyph
/// (` ✓ Compiled /api/orders in 133ms`, ` ⨯ Error: …`, ` ○ Compiling /cart ...`); or two
/// spaces in, as koa-logger writes a request coming in and going out behind its arrow
/// (`  <-- GET /missing`, `  --> GET /missing 404 46ms 9b`, `  xxx POST /comments 500 1ms -`).
/// Under an error, they read as its lines, and no run of requests folded.
fn spaced_event(line: &str) -> bool {
    let Some(rest) = line.strip_prefix(' ') else {
        return false;
    };
    let (rest, two) = rest.strip_prefix(' ').map_or((rest, false), |rest| (rest, true));
    let method = |words: &str| is_method(words.split(' ').next().unwrap_or("").as_bytes());
    match rest.chars().next() {
        Some(c) if !two && c.is_ascii_uppercase() => method(rest) && bare_request_status(rest).is_some(),
        Some('<' | '-' | 'x') if two => rest.split_once(' ').is_some_and(|(arrow, after)| matches!(arrow, "<--" | "-->" | "xxx" | "-x-") && method(after)),
        // (Next.js's glyphs only: vitest writes a trace's frames one space in behind its `❯`)
        Some(c @ ('✓' | '⨯' | '○' | '⚠' | '▲')) if !two => rest[c.len_utf8()..].starts_with(' '),
        _ => false,
    }
}

/// A pid or a sequence number before the level, at the start of a line: PostgreSQL's
/// `log_line_prefix='%p: '` (`23971: LOG:  …`), npm's debug log (`12 silly fetch …`, `45 error
/// code E404`), where npm's console shows its heading instead (`npm silly fetch …`, `npm http
/// fetch GET 200 …` with `--loglevel silly` or `--verbose`). Never after a source tag, where it
/// is a compiler's column (`a.rs:12:5: error:`).
fn numbered_level(line: &str) -> bool {
    re!(r"^(\d{1,10}:?|npm) +(?i:trace|debug[1-5]?|info|notice|warn|warning|error|fatal|critical|log|panic|verbose|silly|timing|http)[ :]")
        .is_match(line)
}

/// Header shapes of particular logs that no time starts: web access logs (a client, and in the
/// common format its identity and user, before the date, and Apache's `vhost_combined` the
/// virtual host and port first, `example.org:443 10.0.0.1 - - [30/Nov/…`; HAProxy's client and port:
/// `10.0.0.1:51234 [30/Nov/…`, not any word, as a dated list item in prose is `- [30/Nov/…`),
/// loghub's HPC and BGL, Zeek's TSV.
fn other_header() -> &'static regex::Regex {
    re!(&format!(concat!(
        r"^({access}|\S*\d\S* (\S+ ){{0,3}}\d{{10}} |\S+ \d{{10}} \d{{4}}\.\d{{2}}\.\d{{2}} |",
        // a custom access format's few more fields before the time and the quoted request, a
        // proxy's `X-Forwarded-For` chain among them (`shop.test:80 127.0.0.1 203.0.113.32,
        // 10.0.0.2 - - [06/Dec/2026 16:51:56.672155 +0000] "GET …`)
        r#"(\S+ +){{4,9}}\[\d{{2}}/[A-Z][a-z]{{2}}/\d{{4}}[: ]\d{{2}}:\d{{2}}:\d{{2}}[^\]]*\] +"[A-Z]+ |"#,
        r"\d+ \d+ \d+ \d+ |#(separator|set_separator|empty_field|unset_field|path|open|close|fields|types)\b|",
        // systemd's console at boot: a unit's status in its bracket (gtest pads `OK` otherwise)
        r"\[(  OK  |FAILED|DEPEND| TIME | INFO | WARN )\] [A-Z][a-z]+ |",
        // uWSGI's request log: `[pid: 1234|app: 0|req: 1/1] 10.0.0.1 () {{34 vars in 412 bytes}} …`
        r"\[pid: \d+\|app: -?\d+\|req: \d+/\d+\] |",
        // Unreal Engine's log category at the margin, before the engine's clock starts
        // (`LogWindows: Failed to load 'aqProf.dll'`; its timed lines open with `HEADER`)
        r"Log[A-Z][A-Za-z0-9]*: )"
    ), access = ACCESS_HEAD))
}

/// The head of a web access log entry in the common or combined format: a client, its identity
/// and user, then the date (`10.0.0.1 - - [30/Nov/2026:…`), Apache's `vhost_combined` with the
/// virtual host and port first, HAProxy's client and port alone (`10.0.0.1:51234 [30/Nov/…`).
const ACCESS_HEAD: &str = r"((\S+:\d+ +)?\S+ +\S+ +\S+|\S+:\d+) +\[\d{2}/[A-Z][a-z]{2}/\d{4}";

/// A line of `strace` output: `openat(AT_FDCWD, "/etc/x", O_RDONLY) = 3`, with the pid and
/// time prefixes `-f` and `-t` add, and the lines around calls.
pub(crate) fn is_strace(line: &str) -> bool {
    // (what every shape below holds, found faster than the pattern is tried)
    let b = line.as_bytes();
    // (each searcher built once: `memmem::find` builds one on every call, which cost more than
    // the search on the line)
    let has = |f: &memchr::memmem::Finder| f.find(b).is_some();
    if !(has(finder!(b" = ")) || has(finder!(b"<unfinished ...>")) || has(finder!(b" resumed>")) || has(finder!(b"+++ ")) || has(finder!(b"--- SIG"))) {
        return false;
    }
    re!(concat!(
        r"^(\[pid +\d+\] |\d+ +)?(\d{2}:\d{2}:\d{2}(\.\d+)? |\d{10}\.\d+ )?",
        r"(\w+\(.*(\) += (-?\d+|\?|0x[0-9a-f]+)|<unfinished \.\.\.>)|<\.\.\. \w+ resumed>|\+\+\+ (exited|killed) |--- SIG)"
    ))
    .is_match(line)
}

/// The level of a glog or klog header, as Kubernetes components and Google's C++ and Go
/// programs write it: `E1130 10:00:00.123456    1 reflector.go:138] …` (the letter, then the
/// month and day, then the time), or since glog 0.7 with the year too, `E20261130 10:00:00…`.
fn glog_level(line: &str) -> Option<Severity> {
    let b = line.as_bytes();
    // most lines open with a digit, a bracket or a word in lower case: one compare
    if !matches!(b.first(), Some(b'I' | b'W' | b'E' | b'F')) {
        return None;
    }
    let date = b[1..].iter().take(9).take_while(|c| c.is_ascii_digit()).count();
    let time = &b[1 + date..];
    let header = matches!(date, 4 | 8)
        && time.len() > 9
        && time[0] == b' '
        && time[1].is_ascii_digit()
        && time[2].is_ascii_digit()
        && time[3] == b':';
    header.then(|| match b[0] {
        b'E' => Severity::Error,
        b'F' => Severity::Fatal,
        b'W' => Severity::Warn,
        _ => Severity::Other,
    })
}

/// The level a header word `tok` of `line` writes in a code of its own: glog's and klog's
/// letter before the date (`glog_level_of`), a Cisco message's severity digit
/// (`cisco_severity`), or the X server's marker in parentheses (`xorg_marker`). Both the log's
/// level and the guard ask it of a line's first words.
#[inline(always)]
pub fn coded_level(line: &str, tok: &str) -> Option<Severity> {
    // (most words open with a byte none of these does: a digit, a bracket, a lower-case letter)
    let first = *tok.as_bytes().first()?;
    if first.is_ascii_uppercase() {
        match glog_level_of(line, tok) {
            None => glib_level(line, tok),
            level => level,
        }
    } else if first == b'%' {
        cisco_severity(tok)
    } else if first == b'(' {
        xorg_marker(line, tok)
    } else if first.is_ascii_lowercase() && matches!(tok.as_bytes()[tok.len() - 1], b'L' | b'G' | b'R') {
        // (a lower-case GLib domain with its stars, `tracker-CRITICAL **:`; or Wine's
        // `fixme:ole:OleInitializeWOWL`)
        glib_level(line, tok).or_else(|| wine_first_word(line, tok))
    } else if first.is_ascii_hexdigit() || matches!(first, b't' | b'w') {
        wine_first_word(line, tok)
    } else {
        None
    }
}

/// MySQL's and MariaDB's note, in its brackets (`2018-03-04 03:09:43 50 [Note] Shutting down
/// plugin 'partition'`): a level of its own, an info's. A `note:` in a sentence is none (`Please
/// note: the nightly backup failed`).
pub fn is_bracketed_note(tok: &str) -> bool {
    matches!(tok, "[Note]" | "[NOTE]" | "[note]")
}

/// Wine's class (`wine_class`) of `tok`, when it is the first word of what the program wrote:
/// `line`'s first, or the first behind a syslog's or the journal's header (`Jan 15 10:00:01
/// host steam[1234]: 0024:err:ole:…`) or a stream's prefix (`app-1  | `). Elsewhere such a
/// word is no class (`… trace:4bf92f35:web ERROR payment failed`).
fn wine_first_word(line: &str, tok: &str) -> Option<Severity> {
    let class = wine_class(tok)?;
    let at = tok.as_ptr() as usize - line.as_ptr() as usize;
    (at == 0 || at == stream_prefix_len(line) || syslog_message_at(line) == Some(at)).then_some(class)
}

/// The class Wine's debug channels write a message under, after the thread's id (and the
/// process's, with `+pid`; and the seconds since start, with `+timestamp`, as Proton's logs
/// are written): `0024:err:ole:CoGetClassObject …`, `fixme:d3d:wined3d_guess_card …`,
/// `3541.247:0024:0028:err:ole:…`. `err` is an error, `fixme` (what Wine does not do yet) and
/// `warn` a warning, `trace` none.
fn wine_class(tok: &str) -> Option<Severity> {
    let mut rest = tok.as_bytes();
    let seconds = rest.iter().take_while(|c| c.is_ascii_digit() || **c == b'.').count();
    if seconds > 2 && rest.get(seconds) == Some(&b':') && rest[..seconds].contains(&b'.') {
        rest = &rest[seconds + 1..];
    }
    for _ in 0..2 {
        match rest.get(4) {
            Some(b':') if rest[..4].iter().all(u8::is_ascii_hexdigit) => rest = &rest[5..],
            _ => break,
        }
    }
    let classes: [(&[u8], Severity); 4] = [(b"err:", Severity::Error), (b"fixme:", Severity::Warn), (b"warn:", Severity::Warn), (b"trace:", Severity::Other)];
    let (class, level) = classes.into_iter().find(|(class, _)| rest.starts_with(class))?;
    let channel = &rest[class.len()..];
    let name = channel.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'_').count();
    (name > 0 && channel.get(name) == Some(&b':')).then_some(level)
}

/// The level GLib's log handler writes after its domain, as GTK and GNOME programs print it
/// on stderr: `(app.py:22380): Gtk-CRITICAL **: 16:33:08.960: gtk_grid_attach: assertion …`
/// (`ERROR` aborts, `CRITICAL` is a failed check, then `WARNING`), or `Gtk-Message:`,
/// `GLib-GIO-DEBUG:` without the stars.
#[inline]
fn glib_level(line: &str, tok: &str) -> Option<Severity> {
    // (a look at its first byte and at what follows the word, then for a dash: this runs on
    // the first words of every line)
    // (`X-INFO` is as short as a domain and its level come)
    if tok.len() < 6 || !tok.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let end = tok.as_ptr() as usize - line.as_ptr() as usize + tok.len();
    let starred = line.as_bytes()[end..].starts_with(b" **: ");
    // (a lower-case domain, `tracker-CRITICAL`, only with its stars)
    if !(starred || tok.ends_with(':') && tok.as_bytes()[0].is_ascii_uppercase()) {
        return None;
    }
    let t = tok.trim_end_matches(':');
    let dash = memchr::memrchr(b'-', t.as_bytes())?;
    let (domain, level) = (&t[..dash], &t[dash + 1..]);
    if !domain.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_') {
        return None;
    }
    match level {
        "ERROR" if starred => Some(Severity::Fatal),
        "CRITICAL" if starred => Some(Severity::Error),
        "WARNING" if starred => Some(Severity::Warn),
        "Message" | "INFO" | "DEBUG" if tok.ends_with(':') => Some(Severity::Other),
        _ => None,
    }
}

/// The level the X server's log marks a line with after its time (`[    12.345] (EE) Failed to
/// load module "libinput"`): `(EE)` an error, `(WW)` a warning, the others (`(II)`, `(--)`,
/// `(**)`, `(==)`, `(++)`, `(!!)`, `(NI)`, `(??)`) information. Only there, or opening the
/// line: in a sentence, `step (II) failed` is a second step.
#[inline]
fn xorg_marker(line: &str, tok: &str) -> Option<Severity> {
    let b = tok.as_bytes();
    if b.len() != 4 || b[0] != b'(' || b[3] != b')' || b[1] != b[2] && tok != "(NI)" {
        return None;
    }
    let before = line[..tok.as_ptr() as usize - line.as_ptr() as usize].trim_end();
    if !(before.is_empty() || before.ends_with(']')) {
        return None;
    }
    match &tok[1..3] {
        "EE" => Some(Severity::Error),
        "WW" => Some(Severity::Warn),
        "II" | "--" | "**" | "==" | "++" | "!!" | "NI" | "??" => Some(Severity::Other),
        _ => None,
    }
}

/// The severity in a Cisco message's name, `%FACILITY-SEVERITY-MNEMONIC` (IOS, NX-OS, ASA:
/// `%ASA-4-106023:`, `%LINK-3-UPDOWN:`): a syslog severity, 0-7.
#[inline]
fn cisco_severity(tok: &str) -> Option<Severity> {
    // (a look at the first byte: this runs on the first words of every line)
    if tok.as_bytes().first() != Some(&b'%') {
        return None;
    }
    cisco_message_severity(tok)
}

fn cisco_message_severity(tok: &str) -> Option<Severity> {
    let c = re!(r"^%[A-Z][A-Z0-9_]*(?:-[A-Z][A-Z0-9_]*)?-([0-7])-[A-Z0-9_]+:?$").captures(tok)?;
    Some(numeric_severity(u32::from(c[1].as_bytes()[0] - b'0')))
}

/// The level of a glog or klog header that opens at word `tok` of `line`: at its start, or
/// behind the header journald or syslog writes before a program's line (`Apr 14 00:07:34
/// kind-worker kubelet[297]: E0414 00:07:34.553485     297 reflector.go:138] …`, a kubelet's
/// journal).
#[inline]
fn glog_level_of(line: &str, tok: &str) -> Option<Severity> {
    // (a look at the word's length and first byte: this runs on the first words of every line)
    if !matches!(tok.len(), 5 | 9) || !matches!(tok.as_bytes()[0], b'I' | b'W' | b'E' | b'F') {
        return None;
    }
    glog_level(&line[tok.as_ptr() as usize - line.as_ptr() as usize..])
}

/// The length of the source tag a line starts with (with its separator), when what follows it
/// opens a log event: `nova-api.log.1 2017-…`, `web-1  | 2024-…`, `app.log:2024-…`,
/// `app.log:12:2024-…`, `[pod/api-0/api] 2024-…`, `trace.12988:18:05:42.010441 openat(…` (`grep`
/// over the files of `strace -ff`). `tail -f *.log`, `grep -r`, `docker compose
/// logs`, `kubectl logs --prefix` and log shippers interleave sources this way; the tag names
/// the source, and what follows is the line that source wrote.
pub fn source_prefix_len(line: &str) -> Option<usize> {
    // the shapes overlap (`a.log:12:…` also has a space later on): the first one that is
    // followed by an event wins
    let tags = [
        re!(r"^\[[\w.@/:-]+\] +"),
        re!(r"^[\w.@/-]*[A-Za-z][\w.@/-]* *\| *"),
        re!(r"^[\w.@/-]*[A-Za-z][\w.@/-]*:(\d+:)?"),
        // `grep -n`'s line number over one file (`-` on a context line's)
        re!(r"^\d+[:-]"),
        re!(r"^[\w.@/:-]*[A-Za-z][\w.@/:-]* +"),
        // a file's path whose folders name what they hold, colons and all, and its name with
        // an extension (Airflow's `dag_id=etl/run_id=manual__2025-05-12T19:49:47+00:00/
        // task_id=load/attempt=1.log:`, `grep -r` over its task logs)
        re!(r"^[\w.@/:=+-]*/[\w.@=+-]*\.[A-Za-z]\w{0,4}:(\d+:)?"),
    ];
    tags.iter().enumerate().find_map(|(k, re)| {
        let end = re.find(line)?.end();
        let tag = line[..end].trim_end_matches([' ', '|', ':']);
        let rest = &line[end..];
        // (a number before a time's minutes is its hour, `12:00:01 INFO …`, and one before a
        // date's month its year, `2024-01-02 …`: such a line has no tag. A context line's number
        // is read before a whole date only)
        if k == LINE_NUMBER_TAG
            && (re!(r"^\d\d?[:.]\d\d").is_match(rest) || (line.as_bytes()[end - 1] == b'-' && !re!(r"^\d{4}-\d\d-\d\d").is_match(rest)))
        {
            return None;
        }
        // a level word or a month name is the header itself, not a tag in front of it
        let event = opens_with_header(rest)
            || rest.starts_with('{') && is_json_event(rest)
            || is_strace(rest)
            || is_logfmt_event(rest)
            // an access line behind a tag set off by brackets, a bar or a colon (`kubectl logs
            // --prefix`'s `[pod/web-0/nginx] 10.0.0.1 - - [30/Nov/…`); a word and a space before
            // one is its virtual host (Apache's `vhost_combined`)
            || (k < WORD_TAG && (re!(&format!("^{ACCESS_HEAD}")).is_match(rest) || is_bare_request(rest)));
        // an ISO time with its offset (`2025-07-12T16:41:50-0700 DEBUG …`) is the header's own
        let time = re!(r"^\d{4}-\d\d-\d\d[T_ ]?\d").is_match(tag);
        (event && !is_header_word(tag) && !time).then_some(end)
    })
}

/// The index in `source_prefix_len`'s shapes of a line number, and of a tag that is a word and
/// a space, set off by nothing else.
const LINE_NUMBER_TAG: usize = 3;
const WORD_TAG: usize = 4;

pub(crate) fn is_header_word(tag: &str) -> bool {
    let t = tag.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    matches!(
        t.to_ascii_uppercase().as_str(),
        "TRACE" | "DEBUG" | "INFO" | "NOTICE" | "WARN" | "WARNING" | "ERROR" | "FATAL" | "CRITICAL"
            | "JAN" | "FEB" | "MAR" | "APR" | "MAY" | "JUN" | "JUL" | "AUG" | "SEP" | "OCT" | "NOV"
            | "DEC" | "MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT" | "SUN"
    ) || t.len() == 1
}

/// The byte offset just past a syslog line's header (`Mar 27 13:08:09 host sshd[1361]: `, or
/// with an ISO time), or past Heroku's, which names no host and a dyno where the pid would be
/// (`2024-01-15T10:00:23.435379+00:00 app[web.1]: `): what follows is the message the program
/// wrote.
pub fn syslog_message_at(line: &str) -> Option<usize> {
    re!(r"^(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\S* [\w.-]+\[[\w.-]+\]: |(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\S*) \S+ [\w./@-]+(?:\[\d+\])?: )")
        .find(line)
        .map(|m| m.end())
}

/// What a syslog line's program wrote, behind its header (`syslog_message_at`); a line without
/// one, whole.
pub fn syslog_message(line: &str) -> &str {
    syslog_message_at(line).map_or(line, |at| &line[at..])
}

/// The byte offset just past a line's leading time (`2025-06-24 14:36:25`, `[10:00:00.123]`),
/// after its source tag if it has one: what follows is the message, in a line that states no
/// level.
pub fn time_head_end(line: &str) -> Option<usize> {
    tag_and_time_end(line).1
}

/// Where `line`'s source tag ends (0: none), and where the time that follows it ends (see
/// `time_head_end`).
pub fn tag_and_time_end(line: &str) -> (usize, Option<usize>) {
    let start = source_prefix_len(line).unwrap_or(0);
    let head = &line[start..];
    let Some(m) = header(head).find(head) else {
        return (start, None);
    };
    // the pattern ends within the time (`14:36` of `14:36:25`): the time ends at a space; one
    // that ends with its space (BuildKit's `#9 0.503 `, a level's `INFO `) ends there
    if let Some(header) = head[..m.end()].strip_suffix([' ', '\t']) {
        return (start, Some(start + header.len()));
    }
    let rest = &head[m.end()..];
    (start, Some(start + m.end() + rest.find([' ', '\t']).unwrap_or(rest.len())))
}

/// Whether `line` opens a log event: a time or level first (after a source tag, if any), a pid
/// or a sequence number and a level (with no tag), a web access log entry, a syscall, a JSON
/// object with a time or level, a Zeek record.
pub fn opens_event(line: &str) -> bool {
    let tag = source_prefix_len(line);
    let rest = &line[tag.unwrap_or(0)..];
    opens_with_header(rest)
        || banner_level(rest).is_some()
        || (tag.is_none() && numbered_level(line))
        || other_header().is_match(rest)
        || is_strace(rest)
        || (rest.starts_with('{') && is_json_event(rest))
        || is_tsv_record(rest)
        || is_logfmt_event(rest)
        || is_bare_request(rest)
        || is_logfmt_request(rest)
        // Wine's debug channel and its class, after the thread's id
        || rest.split(' ').next().is_some_and(|word| wine_class(word).is_some())
}

/// A request a logfmt line records with its status, with no time or level (lograge's `method=GET
/// path=/api/photos.json format=json controller=… status=200 duration=24.61`, Heroku's
/// router): a web app's log, an event a line.
fn is_logfmt_request(line: &str) -> bool {
    opens_with_key(line.as_bytes()) && logfmt_status(line).is_some()
}

/// Whether `line` opens with a date of four-digit year and a time (`2017/01/16 10:36:08`,
/// `2024-05-01T10:00:00Z`) and is an event (`opens_event`): a log's line, wherever it stands.
pub fn opens_with_dated_event(line: &str) -> bool {
    re!(r"^\d{4}[-/]\d{2}[-/]\d{2}[ T]\d{2}:\d{2}").is_match(line) && opens_event(line)
}

/// An access line that opens with its request, as morgan's `dev` and `tiny` formats print one
/// (`GET /items/7 404 1.2 ms - 9`): a web app's log with no time and no level, an event a line.
fn is_bare_request(line: &str) -> bool {
    let b = line.as_bytes();
    // a look at the first word spares most lines the rest
    let method = b.iter().position(|&c| c == b' ').is_some_and(|end| is_method(&b[..end]));
    method && bare_request_status(line).is_some()
}

/// A logfmt line (logrus, Go's slog, Heroku): `key=value` pairs, among them a time or a level.
pub fn is_logfmt_event(line: &str) -> bool {
    // both patterns open with a key and `=`: a look at the first word spares the regexes most
    // lines (this runs on every line mined; `re!`'s `\w` is ASCII)
    opens_with_key(line.as_bytes())
        && re!(r#"^([\w.]+=("[^"]*"|\S*) +)*?(time|ts|t|level|lvl|severity)=("[^"]*"|\S+)( |$)"#).is_match(line)
        && re!(r#"^([\w.]+=("[^"]*"|\S*)( +|$)){2}"#).is_match(line)
}

/// A logfmt record behind a source tag, as `docker compose logs` prints one
/// (`grafana-1  | logger=migrator t=… level=info msg="Executing migration"`).
pub fn is_tagged_logfmt_event(line: &str) -> bool {
    // a tag ends at its first space, and a compose tag's `|` follows: a look at the word there
    // spares the regexes most lines (this runs on every plain line mined)
    let b = line.as_bytes();
    let Some(gap) = memchr::memchr(b' ', b) else { return false };
    let at = gap + b[gap..].iter().take_while(|&&c| c == b' ' || c == b'|').count();
    opens_with_key(&b[at..]) && source_prefix_len(line).is_some_and(|end| is_logfmt_event(&line[end..]))
}

/// Whether `b` opens with a logfmt key and its `=`.
fn opens_with_key(b: &[u8]) -> bool {
    let key = b.iter().take_while(|&&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.')).count();
    key > 0 && b.get(key) == Some(&b'=')
}

/// A tab-separated record that starts with a Unix time (Zeek, many exporters), in seconds or in
/// milliseconds (geckodriver's `1796678301693\tgeckodriver\tINFO\tListening on …`; the first
/// digit of a time in milliseconds until 2286 is a 1).
fn is_tsv_record(line: &str) -> bool {
    re!(r"^(\d{9,10}(\.\d+)?|1\d{12})\t\S").is_match(line)
}

/// The names a record gives its level under, for a pattern: words, a syslog priority
/// (journald's `"PRIORITY":"3"`), a number (pino's `"level":50`). Whatever their case
/// (Serilog's JSON capitalises them: `"Level"`; HashiCorp's hclog prefixes them: `"@level"`;
/// OpenTelemetry's log records name it `severityText`, `severity_text` in Python's exporter).
macro_rules! level_keys {
    () => {
        r"level|lvl|severity|severity_?text|levelname|log\.level|@l|@level|priority"
    };
}

/// A JSON object that is a log event: a time and something an event says (a level, a
/// message, a stream, a request and its status), a level and a message, or a Windows event.
/// One line of a JSON-lines log (docker, Caddy, nginx `escape=json`, bunyan, zap, logrus, ECS,
/// `evtx_dump`). Only keys are looked at; the object is not parsed.
pub fn is_json_event(line: &str) -> bool {
    let key = |re: &regex::Regex| re.is_match(line);
    // (MongoDB's `"t":{"$date":…}` and `"s":"I"`: names of a letter, known by their values;
    // Serilog's JSON capitalises its names: `"Timestamp"`, `"Level"`, `"MessageTemplate"`)
    let time = key(re!(r#""(?i:@?timestamp|time|ts|@t|datetime|date|time_local|time_iso8601)" *:|"t" *: *\{ *"\$date""#));
    let level = key(re!(concat!(r#""(?i:"#, level_keys!(), r#")" *:|"s" *: *"[FEWID]\d?""#)));
    let message = key(re!(r#""(?i:msg|message|@m|@mt|@message|log|messagetemplate|renderedmessage)" *:"#));
    // (and Eliot's actions and messages: `"action_type":"etl:insert"`, `"message_type":…`)
    let other = key(re!(r#""(logger|stream|status|request|method|remote_addr|uri|caller|thread|pid|action|action_type|message_type)" *:"#));
    (time && (level || message || other)) || (level && message) || is_windows_event(line) || is_traced_event(line)
}

/// A record of a call or a span, the event's own time beside what names the event, in the
/// names its schema gives them: CloudTrail's (`"eventTime"`, `"eventName"`), OpenTelemetry's
/// (`"start_time"` or `"StartTime"`, `"span_id"` or `"SpanContext"`). Not a resource's time
/// beside its status (a pod's `"startTime"`, `"status"`): a record of what is, not of what
/// happened.
fn is_traced_event(line: &str) -> bool {
    re!(r#""(eventTime|startTime|start_time|StartTime)" *:"#).is_match(line) && re!(r#""(eventName|span_id|spanId|SpanContext)" *:"#).is_match(line)
}

/// A Windows event as `evtx_dump -o jsonl` writes it: its schema's names, its level and its
/// time (`"TimeCreated":{"#attributes":{"SystemTime":…}}`) nested under `"System"`.
pub fn is_windows_event(record: &str) -> bool {
    let holds = |name: &[u8]| memchr::memmem::find(record.as_bytes(), name).is_some();
    record.starts_with("{\"Event\":") && holds(b"\"System\":") && holds(b"\"EventID\":")
}

/// The severity a Windows event's level gives: 1 critical, 2 error, 3 warning; 4 information,
/// 5 verbose and 0 any are none.
pub fn windows_level(n: u32) -> Severity {
    match n {
        1 => Severity::Fatal,
        2 => Severity::Error,
        3 => Severity::Warn,
        _ => Severity::Other,
    }
}

/// A JSON object that opens with its time, the way a log line does (Zeek's `{"ts":1575413096.05,…}`,
/// `{"@timestamp":"2024-01-02T10:00:00Z",…}`): a record of an event even with no level or
/// message. The value must read as a time: an epoch in seconds or milliseconds, or an ISO date.
/// So does a Lambda's metric in CloudWatch's embedded format, its time first in its `_aws`
/// object (`{"_aws":{"Timestamp":1733400000000,…},…}`), between its log's records. For the
/// sniffer; `opens_event` does not ask it.
pub fn is_timed_json_record(line: &str) -> bool {
    re!(concat!(
        r#"^\s*\{\s*(?:"(?:ts|time|timestamp|@timestamp|@t|datetime)"|"_aws" *: *\{\s*"Timestamp") *: *"#,
        r#"("\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|"?\d{9,10}(\.\d+)?"?\s*[,}]|"?\d{12,13}"?\s*[,}])"#
    ))
    .is_match(line)
}

/// A line that opens with bracketed decorations and then a bracketed level, the way the JVM's
/// unified logging writes (`[0.012s][info][gc] …`, `[6ms][warning][gc,heap] …`): the first
/// decoration holds a number (an uptime, a time, a pid). For the sniffer; `opens_event` does
/// not ask it.
pub fn is_decorated_event(line: &str) -> bool {
    re!(concat!(
        r"^\[[^\[\]]*\d[^\[\]]*\](\[[^\[\]]{1,40}\]){0,2}",
        r"\[(?i:trace|debug|info|notice|warn|warning|error|fatal|critical) *\]"
    ))
    .is_match(line)
}

/// A frame of a Ruby backtrace: as Sidekiq logs it, unindented under the error
/// (`/app/models/user.rb:12:in `save'`, a view's `.erb`, `<internal:kernel>`; Ruby 3.4 quotes
/// `'User#save'`), as Rails logs a gem's (`  rack (1.5.2) lib/rack/lock.rb:17:in `call'`), or as
/// Ruby prints it (`\tfrom …`). The method's name ends the line: Ruby's own headline goes on
/// with the error (`x.rb:12:in 'save': undefined method …`).
pub fn is_ruby_frame(line: &str) -> bool {
    // a frame ends with its method's closing quote: a look at the last byte spares the search
    // most lines (this runs on the line after every line a log holds)
    line.trim_end().ends_with('\'')
        && line.contains(":in ")
        && re!(r"^\s*(from )?(\S+ \([^()\s]+\) )?\S+:\d+:in [`'][^`']*'\s*$").is_match(line)
}

/// A PHP frame as php-fpm's slowlog dumps a slow request's stack, each under the last:
/// `[0x00007f40f7c130f0] fetch_remote() /var/www/slow.php:3`.
pub fn is_slowlog_frame(line: &str) -> bool {
    line.starts_with("[0x") && re!(r"^\[0x[0-9a-f]{8,16}\] \S+\(\) \S+:\d+$").is_match(line.trim_end())
}

/// A line of the stack that Xdebug has PHP log under an error, each line stamped as a record
/// of its own in an `error_log` file (`[05-Dec-2026 11:39:28 UTC] PHP Stack trace:`, `[…] PHP
/// 4. file_get_contents($filename = '…') /app/worker.php:27`), or bare on the CLI's stderr: its
/// frames continue the error above, as any trace's do.
pub fn is_xdebug_line(line: &str) -> bool {
    xdebug_says(line).is_some()
}

/// An Xdebug frame (see `is_xdebug_line`), not its `PHP Stack trace:` header.
pub fn is_xdebug_frame(line: &str) -> bool {
    xdebug_says(line).is_some_and(|said| said.starts_with(' '))
}

/// What an Xdebug line says after its `PHP`: ` Stack trace:` or `   4. fn() place`.
fn xdebug_says(line: &str) -> Option<&str> {
    // (a record's stamp is a bracket, `PHP` right after it: a look at the bytes after its
    // first `]` spares the rest)
    let b = line.as_bytes();
    let after = match b.first()? {
        b'P' => line,
        b'[' => {
            let close = memchr::memchr(b']', &b[..b.len().min(48)])?;
            line.get(close + 2..).filter(|_| b.get(close + 1) == Some(&b' '))?
        }
        _ => return None,
    };
    let said = after.strip_prefix("PHP")?;
    (said.starts_with(" Stack trace:") || re!(r"^ +\d+\. \S").is_match(said)).then_some(said)
}

/// A frame of a native stack as the sanitizers and gdb print it, numbered from the innermost:
/// AddressSanitizer's `    #3 0x559e7a85d971 in main /src/sanprog.cc:41`, ThreadSanitizer's
/// `    #1 operator() /src/sanprog.cc:63 (san_tsan+0x2630)`, gdb's `#1  0x00007f2a1c094ac3 in
/// start_thread (arg=<optimized out>) at ./nptl/pthread_create.c:442` or `#0  settle (n=3) at
/// worker.c:12`, systemd-coredump's `#4  0x00007ffff7e6286a malloc_printerr (libc.so.6 + 0x9486a)`.
pub fn is_native_frame(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('#')
        && re!(r"^#\d+ +(0x[0-9a-f]+ in \S|[\w:~<>]+ \(.*\) at \S+:\d+|.+ \([^()\s]+\+0x[0-9a-f]+\)$|0x[0-9a-f]+ \S+ \([^()\s]+ \+ 0x[0-9a-f]+\)$)").is_match(t.trim_end())
}

/// A frame that opens with `at` as Java and V8 print one, in its full shape (`at
/// app.Svc.run(Svc.java:42)`, `at handle (/srv/app.js:12:7)`, `at /srv/app.js:12:7`), where
/// it stands at the margin (a harness relays it behind a header, a syslog drops its tab): a
/// line of prose that opens with the word (`at checkpoint 4: disk is read-only`) is an event
/// of its own.
pub fn is_full_at_frame(said: &str) -> bool {
    said.starts_with("at ")
        && re!(concat!(
            // Java's, with logback's jar after it (`~[app.jar:1.0]`)
            r"^at [\w$.<>\[\]/]+\([^()]*\)(?: ~?\[[^\]]*\])?$|",
            // V8's, its place in parentheses (`at async Promise.all (index 0)`, `at new Promise
            // (<anonymous>)`), or bare
            r"^at (?:async |new )?\S+(?: \S+)? \((?:\S+:\d+(?::\d+)?|<anonymous>|index \d+|native)\)$|^at \S+:\d+:\d+$"
        ))
        .is_match(said)
}

/// A JavaScript frame as Firefox's and Safari's engines print one, its function (if any) then
/// `@` and its place: `startWatchingNetworkResources@resource://devtools/webconsole-ui.js:395:26`,
/// `async*handleTask@chrome://mochikit/content/browser-test.js:1147:26`, `@http://localhost/app.js:3:7`:
/// a source file's place (`support@https://help.example.com/ticket:12:3` is none).
pub fn is_js_engine_frame(line: &str) -> bool {
    // (a look for the `@` and the digit it ends with first)
    line.ends_with(|c: char| c.is_ascii_digit())
        && memchr::memchr(b'@', line.as_bytes()).is_some()
        && re!(r"^(?:[^@\s][^@]*)?@(?:[a-z][\w+.-]*://|/)\S*\.[A-Za-z]\w*:\d+:\d+$").is_match(line)
}

/// A Go traceback's frame, which names its function unindented (its place follows on a line
/// of its own, indented): `main.worker(0x0?, 0x1)`, `net/http.(*conn).serve(0xc0001b4000, …)`,
/// `main.crash(...)`, `created by main.main in goroutine 1`.
pub fn is_go_frame(line: &str) -> bool {
    // a look at the last byte and the first word spares the search most lines (this runs on
    // the line after every line a log holds)
    // (the runtime names the builtin that panicked bare: `panic({0x16fff80?, 0xc42013cf00?})`)
    (line.ends_with(')') && re!(r"^(?:(?:[\w.~-]+/)*[\w.-]+\.(?:\(\*?\w+\)\.)?[\w.]+(?:\[[^\]]*\])?|panic)\((?:\.\.\.|[^()]*)\)$").is_match(line))
        || (line.starts_with("created by ") && re!(r"^created by \S+( in goroutine \d+)?$").is_match(line))
        || is_counted_place(line)
}

/// A Go function alone on a line, as zap prints a stack (controller-runtime's among them): the
/// function bare, its place on the next line, indented (`main.mux.func4`, then
/// `\t/app/main.go:178`; `sigs.k8s.io/controller-runtime/pkg/internal/controller.(*Controller[...]).Reconcile`).
/// Many a word alone looks so (`example.com`): it is a frame only over its place (see `is_go_place`).
pub fn is_bare_go_function(line: &str) -> bool {
    line.bytes().next().is_some_and(|c| c.is_ascii_alphabetic())
        && re!(r"^[\w.~/@+-]*[\w-]\.(?:\(\*?[\w.\[\]]+\)\.)?[\w.\[\]-]+$").is_match(line)
}

/// A Go frame's place, indented under its function: `\t/app/main.go:178`, `\t/usr/local/go/src/net/http/server.go:2286 +0x29`.
pub fn is_go_place(line: &str) -> bool {
    line.strip_prefix('\t').is_some_and(go_place)
}

/// A Go frame's place, indentation aside: `/app/main.go:57`, `/app/main.go:57 +0xf4`.
pub fn go_place(place: &str) -> bool {
    place.contains(".go:") && re!(r"^\S+\.go:\d+( \+0x[0-9a-f]+)?$").is_match(place)
}

/// A frame's place and its program counter, as gin's Recovery prints each frame (the source
/// line under it indented): `/app/main.go:78 (0x786890)`.
pub fn is_counted_place(line: &str) -> bool {
    line.ends_with(')') && re!(r"^\S+\.(?:go|s):\d+ \(0x[0-9a-f]+\)$").is_match(line)
}

/// A Rust thread's panic, where it happened: `thread 'main' panicked at src/main.rs:78:18:`
/// (its message on the lines below), `thread 'w-7' (14761) panicked at …` (Rust 1.90 names the
/// thread's id), `thread 'main' panicked at 'boom', src/main.rs:2:5` (before 1.73); behind a
/// stamp or a stream's tag too.
pub fn is_rust_panic(line: &str) -> bool {
    finder!(b" panicked at ").find(line.as_bytes()).is_some() && re!(r"(^|\s)thread '[^']*'( \(\d+\))? panicked at (\S+:\d+:\d+:?$|'.*', \S+:\d+:\d+)").is_match(line.trim_end())
}

/// A level's word as a JSON string holds it in a console formatter's colours, escaped
/// (`\u001b[31mERROR\u001b[0m`): the word without them.
pub fn without_json_colours(value: &str) -> &str {
    let mut v = value;
    while let Some(rest) = v.strip_prefix("\\u001b[").or_else(|| v.strip_prefix("\\u001B[")) {
        v = rest.find('m').map_or("", |m| &rest[m + 1..]);
    }
    v.split("\\u001").next().unwrap_or(v)
}

/// Whether `line` opens a kernel's report over registers and a call trace: its own fault
/// (`is_kernel_fault`) or a warning (`WARNING: CPU: 4 PID: 305 at drivers/…/intel_cdclk.c:1889
/// icl_calc_voltage_level+0x47/0x80 [i915]`), in dmesg or behind a syslog's `kernel: `.
pub fn opens_kernel_report(line: &str) -> bool {
    is_kernel_fault(line) || (finder!(b"WARNING: CPU: ").find(line.as_bytes()).is_some() && re!(r"(?:^|\] |kernel: )WARNING: CPU: \d+ PID: \d+ at ").is_match(line))
}

/// Whether `line` says a program or a host started again: the kernel's first line of a boot
/// (`Linux version 6.1.0-18-amd64 (…)`, in dmesg behind its time, `[    0.000000] `, or in a
/// syslog's or journal's kernel lines), or a supervisor restarting what it runs (compose's
/// `api exited with code 1 (restarting)`, systemd's `Scheduled restart job, restart counter is
/// at 3.`, the kubelet's `Back-off restarting failed container`, Android's `Scheduling restart
/// of crashed service com.example/.SyncService in 1800000ms`: how long it waits says whether
/// the service crash-loops).
pub fn says_restarted(line: &str) -> bool {
    let b = line.as_bytes();
    (finder!(b"Linux version ").find(b).is_some() && re!(r"(?:^|kernel: )(?:\[ *\d+\.\d+\] )?Linux version \d").is_match(line))
        || line.trim_end().ends_with(" (restarting)")
        || finder!(b"restart").find(b).is_some()
            && re!(r"Scheduled restart job, restart counter is at \d|Back-off restarting failed container|Scheduling restart of crashed service ").is_match(line)
}

/// The kernel's report of a fault of its own, as its message opens, after dmesg's time
/// (`[   29.36] `, `[Thu Feb 29 10:00:11 2024] `) or syslog's `kernel: ` (`[   29.36] BUG: kernel NULL pointer dereference, address: …`, `Oops:
/// 0000 [#2] SMP NOPTI`, `kernel BUG at mm/slub.c:305!`, `general protection fault, probably
/// for non-canonical address …`, `Unable to handle kernel paging request at …`): a kernel
/// states no level there, and names no error word.
pub fn is_kernel_fault(line: &str) -> bool {
    let b = line.as_bytes();
    // (a look for where the kernel speaks first, then for its words: most lines are neither)
    (b.first() == Some(&b'[') || finder!(b"kernel: ").find(b).is_some())
        && (finder!(b"BUG").find(b).is_some() || finder!(b"Oops: ").find(b).is_some() || finder!(b" fault").find(b).is_some() || finder!(b"handle kernel ").find(b).is_some())
        && re!(concat!(
            // dmesg's time: seconds since boot, `-T`'s date, `--reltime`'s step, and the
            // printk caller's id after it (`[   11.018249][ T100] `)
            r"(?:^\[(?: *\+?\d+\.\d+|\w{3} \w{3} +\d+ \d\d:\d\d:\d\d \d{4})\](?:\[ *[TC]\d+\])? |\bkernel: (?:\[ *\d+\.\d+\] )?)",
            r"(?:BUG: |Oops: .*\[#\d+\]|kernel BUG at |general protection fault\b|Unable to handle kernel )"
        ))
        .is_match(line)
}

/// Whether `header` and `message` are a record as java.util.logging's default format writes
/// one: its time, class and method (`Dec 05, 2026 12:13:54 AM com.acme.OrderService main`), or
/// its logger's name where it knows no method (Hazelcast's `Dec 05, 2026 5:15:59 AM
/// com.hazelcast.system`), then its level and message on a line of their own (`SEVERE: order
/// rejected`).
pub fn is_jul_record(header: &str, message: &str) -> bool {
    re!(r"^(SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST): ").is_match(message)
        && re!(r"^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d\d:\d\d (AM|PM) \S+( \S+)?$").is_match(header)
}

/// The header of a goroutine's trace in a Go program's dump of them all: `goroutine 7 [chan
/// receive]:`, `goroutine 1 [running]:`, and with where it runs in a dump of the runtime's own
/// (`GOTRACEBACK=system`, SIGQUIT's: `goroutine 49 gp=0x15a7c7caa5a0 m=nil [chan receive]:`,
/// `goroutine 0 gp=0xa3e540 m=0 mp=0xa3f4e0 [idle]:`). It says where the goroutine stands, not
/// that it failed.
pub fn is_goroutine_header(line: &str) -> bool {
    line.starts_with("goroutine ") && re!(r"^goroutine \d+(?: gp=0x[0-9a-f]+ m=(?:nil|\d+)(?: mp=0x[0-9a-f]+)?)? \[[^\]]+\]:$").is_match(line.trim_end())
}

/// A compiler's or linter's finding at its place in a file, then what is wrong there: with a
/// line and column (`pkg/f.go:12:21: self-assignment of x`, ruff's `a.py:3:1: F401 …`, eslint's
/// unix format), mypy's and gcc's `a.py:43: error: …`, tsc's `a.ts(5,3): error TS2322: …`,
/// eslint's compact format (`a.js: line 3, col 5, Error - 'x' is not defined. (no-undef)`),
/// shellcheck's place (`In a.sh line 8:`, its findings under it). Each one is a place to fix,
/// whatever its words, and no search result (`grep -n`'s `path:12:text`). A place names a file
/// (a `.` or a `/` in it): a time's `2026-11-30T11:04:48: ` is none.
pub fn is_finding(line: &str) -> bool {
    re!(concat!(
        r"^\S*[./]\S*:\d+:\d+: \S|^\S+:\d+: (fatal error|error|warning|note): |^\S+\(\d+,\d+\): (error|warning) |",
        r"^\S+: line \d+, col \d+, (Error|Warning|Info) - |^In \S+ line \d+:$"
    ))
    .is_match(line)
}

/// Where the prefix a collector writes before every line of a stream ends (0: none), whatever
/// the line says after it: a compose service's padded name (`api-1  | `), with the time a
/// Procfile runner stamps first (foreman's and honcho's `07:25:20 web.1    | `), `kubectl logs
/// --prefix`'s path (`[pod/api-0/api] `), a task runner's name in brackets, with its time if
/// it stamps one, padded to the longest name if it pads them (concurrently's `[api] `,
/// `[20:48:55.914 api] `, npm-run-all's `[test     ] `; a level in brackets is no
/// name, Maven's `[INFO]`), a monorepo's package and task, or the process id valgrind writes
/// before each line of its report (`==6166== `).
pub fn stream_prefix_len(line: &str) -> usize {
    let Some(m) = re!(concat!(
        r"^((\d\d:\d\d:\d\d )?[A-Za-z0-9][\w.-]* +\| |\[[\w.@:-]+(/[\w.@:-]+)+\] |==\d+== |\[(\d\d:\d\d:\d\d(\.\d+)? )?[\w.@-]+ *\] |",
        // a monorepo's task runner: turborepo's package and task (`@mono/core:build: `,
        // `web:test: `), nx's scoped package (`@mono/core: `), pnpm's package path and script
        // (`packages/core test: `, and `packages/core test$ ` before the command it runs)
        r"@[\w.-]+/[\w.-]+(:[\w-]+)*: |[a-z][\w.-]*:[a-z][\w-]*: |[\w.@-]+(/[\w.@-]+)+ [\w:-]+[:$] |",
        // a process Ray or vLLM started, by its name and pid (`(EngineCore_DP0 pid=275) `,
        // `(RayWorkerWrapper pid=8112, ip=10.0.0.5) `, `(VllmWorker rank=0 pid=312) `)
        r"\(([A-Za-z][\w.-]* )?([a-z_]+=\w+ )*pid=\d+(, ip=[\d.]+)?\) )"
    ))
    .find(line) else {
        return 0;
    };
    let name = m.as_str().trim_end().trim_end_matches(']').trim_end().rsplit([' ', '[']).next().unwrap_or("");
    if m.as_str().starts_with('[') && !m.as_str().contains('/') && is_header_word(name) {
        return 0;
    }
    m.end()
}

/// A line as a stream's program wrote it: the stream's prefix (`stream_prefix_len`), empty if
/// none, and what it said after it, behind the stamp a CI service writes (`unstamped`).
pub fn as_streamed(line: &str) -> (&str, &str) {
    let line = unstamped(line);
    line.split_at(stream_prefix_len(line))
}

/// The service or pod a stream's prefix (`stream_prefix_len`) names: compose's `api-1` in
/// `api-1   | ` (however wide the padding), a foreman process's `web.1` after its time,
/// `kubectl logs --prefix`'s `[pod/api-0/api]`. None for a prefix that names a task or a
/// thread in brackets (`[main] `), which may be one of many of a pool.
pub fn service_name(prefix: &str) -> Option<&str> {
    let prefix = prefix.trim_end();
    if let Some(tag) = prefix.strip_suffix('|') {
        return tag.split_ascii_whitespace().last();
    }
    (prefix.starts_with('[') && prefix.contains('/')).then_some(prefix)
}

/// A line of a stream that a container runtime interleaves, behind the name of the service
/// that wrote it, padded to its neighbours' width (`docker compose logs`: `web-1   | listening
/// on :8080`), whatever the service printed. One more ` | ` makes a row of a table instead.
/// For the sniffer; `opens_event` does not ask it, since a service's stack frame is no event.
/// pm2, a process manager, tags its apps' lines the same way (`0|api    | …`), alone or inside
/// a container's stream (`web-1  | 0|api    | …`): its tag is no column of a table.
pub fn is_service_stream_line(line: &str) -> bool {
    let Some(tag) = re!(r"^(\d+\|)?[A-Za-z0-9][\w.-]* +\| ").find(line) else {
        return false;
    };
    let rest = &line[tag.end()..];
    let rest = re!(r"^(\x1b\[[0-9;]*m)*\d+\|[\w.-]+ +\| ").find(rest).map_or(rest, |pm2| &rest[pm2.end()..]);
    !rest.contains(" | ")
}

/// A line a process wrote behind its host (or program) and pid in brackets, whatever it
/// printed: Open MPI's processes tag their verbose output so (`[node1:10293] mca: base:
/// components_open: opening btl components`), each rank's lines interleaved with the others'.
/// For the sniffer, as `is_service_stream_line`. (A pid has three digits or more, where a
/// note's number, `[ref:12]`, has fewer.) So is a line a server writes behind the address and
/// port of the client it serves (busybox httpd's `127.0.0.1:38216: response:404`).
pub fn is_process_stream_line(line: &str) -> bool {
    re!(r"^(\[[A-Za-z][\w.-]*:\d{3,}\]|\d{1,3}(\.\d{1,3}){3}:\d+:) +\S").is_match(line)
}

/// A line of a task in an Ant build, behind the task's name right-aligned in brackets
/// (`    [javac] Compiling 795 source files`, `      [cpd] Found a 43 line duplication`),
/// whatever the task printed: Ant's console, which Jenkins shows as a job's log.
pub fn is_ant_task_line(line: &str) -> bool {
    let Some(tag) = re!(r"^ *\[[a-z][\w.:-]*\]( |$)").find(line) else {
        return false;
    };
    // Ant right-aligns each name so that its bracket closes in the eleventh column: a tag
    // elsewhere (`[x] done`) is some other bracket
    tag.as_str().trim_end().len() == 11
}

/// A line a CI service's agent prints about the job itself, around the tools' own output:
/// Jenkins' `Started by timer`, `Building remotely on node-1 in workspace /w`, `[Pipeline] sh`
/// and `Finished: FAILURE`; GitHub Actions' `##[group]Run npm test` (after its stamp); GitLab's
/// `Running with gitlab-runner 16.4.0`, `Executing "step_script" stage of the job script`,
/// `ERROR: Job failed: exit code 1` and the marks around each section of the job, which a
/// terminal's return hides (`section_start:1727340112:step_script\r…`, the line then what
/// follows it); Travis CI's `travis_fold:start:install`; Google Cloud Build's `starting build
/// "7ae5d9f0-…"`, `Starting Step #1 - "Build"` and `Finished Step #1 - "Build"`; Azure
/// Pipelines' `##[section]Starting: Build`; Buildkite's agent's steps (`~~~ Preparing working
/// directory`, `~~~ Running agent pre-command hook`, `~~~ Running global pre-checkout hook` as
/// agents before 3.103 named a hook's scope, `~~~ Running script`), behind the time its raw
/// log stamps each line with (`\x1b_bk;t=1745322209921\x07`); cloud-init's stages as it runs
/// a machine's setup (`Cloud-init v. 19.3-3.amzn2 running 'modules:final' at …`, `Cloud-init
/// v. 0.7.6 finished at …`), in `cloud-init-output.log` above what the setup's commands
/// printed. Ansible's banner over each step a playbook runs (`TASK [Install nginx] ****`,
/// `PLAY RECAP ****`) is such a line too: what follows it is what the step's modules printed,
/// host by host.
pub fn is_ci_agent_line(line: &str) -> bool {
    re!(concat!(
        r"^(Started by (timer|user|an SCM change|upstream project|GitHub push|remote host|Branch Indexing)|",
        r"Building (remotely )?on \S.* in workspace |\[Pipeline\] |Finished: (SUCCESS|FAILURE|UNSTABLE|ABORTED|NOT_BUILT)\s*$|",
        r#"Running with gitlab-runner |Executing "step_script" stage|(ERROR: )?Job (succeeded|failed)\b|section_(start|end):\d+:\w|travis_fold:)|"#,
        r#"^(starting build "[\w-]+"\s*$|(Starting|Finished) Step #\d+ - ")|"#,
        r"^Cloud-init v\. \S+ (running '[\w:-]+' at |finished at )|",
        r"^(\x1b_bk;t=\d+\x07)?~~~ (Preparing (working directory|plugins)|Cleaning pipeline checkout|Running ((agent|repository|global|local|plugin [\w.-]+) [\w-]+ hook|(batch )?script|commands)|Uploading artifacts)\r?$|",
        r"##\[(group|endgroup|section)\]|",
        r"^(PLAY( RECAP| \[.*\])|TASK \[.*\]|RUNNING HANDLER \[.*\]) \*{3,}\s*$"
    ))
    .is_match(line)
}

/// Whether `line` is a field of a record of apt's `history.log`, a run of apt: `Start-Date:
/// 2013-01-10  10:04:47`, `Commandline: apt-get install unzip`, `Install: unzip:amd64 (…)`,
/// `Error: Sub-process /usr/bin/dpkg returned an error code (2)`, `End-Date: …`.
pub fn is_apt_history_field(line: &str) -> bool {
    re!(r"^(Start-Date|Commandline|Requested-By|Install|Reinstall|Upgrade|Downgrade|Remove|Purge|Error|End-Date): ").is_match(line)
}

/// The lines of apt's history record that line `i` (0-based) is a field of, from its
/// `Start-Date:` through line `i`, if it is one (a record is a few fields: looked for over
/// `APT_RECORD_LINES` lines above at most).
pub fn apt_record_head(lines: &[&str], i: usize) -> Option<std::ops::RangeInclusive<usize>> {
    let first = i.saturating_sub(APT_RECORD_LINES);
    let start = (first..=i).rev().take_while(|&k| is_apt_history_field(lines[k])).find(|&k| lines[k].starts_with("Start-Date: "))?;
    Some(start..=i)
}

/// Fields of a record of apt's history looked back over for its start.
const APT_RECORD_LINES: usize = 16;

/// A directive line of a W3C extended log (IIS): `#Software: …`, `#Fields: date time …`.
pub fn is_w3c_directive(line: &str) -> bool {
    re!(r"^#(Software|Version|Date|Fields|Remark|Start-Date|End-Date): ").is_match(line)
}

/// Whether `line` continues the event above it rather than opening one: an indented line, a
/// stack frame, a `Caused by:` link, a line of a trace Dropwizard marks with `! `, a numbered PHP/Laravel frame, a Ruby or a Go frame, an
/// Erlang report's `** ` line, a PostgreSQL detail, the catalog entry `journalctl -x` prints
/// under a message (`░░ Subject: …`), a line of a panel drawn around a trace (`│ … │`).
pub fn continues(line: &str) -> bool {
    let b = line.as_bytes();
    match b.first() {
        None => false,
        Some(b' ' | b'\t') => !line.trim().is_empty() && !spaced_event(line),
        _ if is_ruby_frame(line) || is_go_frame(line) || is_slowlog_frame(line) || is_xdebug_line(line) => true,
        // a Java or V8 frame at the margin, where a syslog dropped its tab
        Some(b'a') if is_full_at_frame(line) => true,
        // a Go frame's place at the margin, where the journal dropped its tab (a look at its
        // one space first: this runs on most lines)
        _ if match memchr::memchr(b' ', b) {
            None => b.last().is_some_and(u8::is_ascii_digit),
            Some(at) => b[at + 1..].starts_with(b"+0x"),
        } && go_place(line) => true,
        // Erlang/OTP's error report, under its `=ERROR REPORT==== … ===` header: `** Generic
        // server w1 terminating`, `** Last message in was {lookup,b}`, `** Reason for …`
        Some(b'*') => line.starts_with("** "),
        Some(b'!') => dropwizard_marked(line).is_some(),
        // every shape below opens with one of a few bytes, or with a word that names an
        // exception: a look at the first byte and word spares the regex most lines (this runs
        // on the line after every line a log holds)
        Some(c) if !b"CTDHSQL#[.}]".contains(c) && !names_an_exception(b) => journal_catalog(line) || in_a_panel(line),
        _ => re!(concat!(
            r"^(Caused by: |Traceback \(most recent call last\)|During handling of the above exception|",
            r"The above exception was the direct cause|#\d+ |\[stacktrace\]|\[previous exception\]|",
            r"(DETAIL|HINT|CONTEXT|STATEMENT|QUERY|LOCATION): |\.\.\. \d+ more|[\w.$]+(Exception|Error)(: |$)|\}$|\]$)"
        ))
        .is_match(line)
            || journal_catalog(line),
    }
}

/// A line of a trace as Dropwizard logs it, without the `! ` it marks each with (`! at
/// dw.App.run(App.java:9)`, `! Causing: …`); setupapi's `!    inf: …` is a warning of its own.
pub fn dropwizard_marked(line: &str) -> Option<&str> {
    line.strip_prefix("! ").filter(|rest| !rest.starts_with(' '))
}

/// Whether `b` opens with a word (`[\w.$]+`) that ends in `Exception` or `Error`, as a Java or
/// Python exception line does (`java.lang.IllegalStateException: …`).
fn names_an_exception(b: &[u8]) -> bool {
    let word = &b[..b.iter().position(|&c| !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'$'))).unwrap_or(b.len())];
    word.ends_with(b"Exception") || word.ends_with(b"Error")
}

/// A line of a panel drawn in box-drawing characters (`╭── Traceback ──╮`, `│ app.py:17 in
/// run │`, `╰───╯`): rich's tracebacks, which structlog and `RichHandler` print under the
/// event that raised them, as other loggers print a trace's frames.
pub fn in_a_panel(line: &str) -> bool {
    line.chars().next().is_some_and(|c| matches!(c, '\u{2500}'..='\u{257F}'))
}

/// A line of the catalog entry `journalctl -x` prints under a message (`░░ Subject: …`), not a
/// bar drawn in `░`.
pub fn journal_catalog(line: &str) -> bool {
    line == "░░" || line.starts_with("░░ ")
}

/// The severity a line declares in its first tokens (`ERROR`, `[error]`, `E/Tag:`, `<3>`,
/// `"level":"error"`), or `Other`.
pub fn severity(line: &str) -> Severity {
    declared(line).unwrap_or(Severity::Other)
}

/// The JSON record a container runtime's line holds, unquoted: the line a program that logs
/// JSON wrote, which docker's json-file driver keeps as a string (`{"log":"{\"level\":\"error\",
/// …}\n","stream":"stderr","time":"…"}`). Its level is the record's.
pub fn wrapped_record(line: &str) -> Option<String> {
    if !line.starts_with("{\"log\":\"{") {
        return None;
    }
    record_line(line).filter(|record| record.trim_end().ends_with('}'))
}

/// The line a container runtime's record holds, unquoted, its newline as written: docker's
/// json-file driver keeps each line a program wrote so (`{"log":"…\n","stream":"stderr","time":"…"}`).
pub fn record_line(record: &str) -> Option<String> {
    let quoted = record.strip_prefix("{\"log\":")?.trim_start();
    serde_json::Deserializer::from_str(quoted).into_iter::<String>().next()?.ok()
}

/// What a worker wrote that its supervisor relays, quoted, as php-fpm logs a worker's output
/// (`WARNING: [pool www] child 10460 said into stderr: "NOTICE: PHP message: PHP Fatal error:
/// Uncaught …"`): the worker's own words, after the mark PHP puts before each of its messages.
/// php-fpm states every such line as a warning, whatever its worker said.
pub fn relayed(line: &str) -> Option<&str> {
    const SAID: &str = " said into std";
    const MARK: &str = "PHP message: ";
    let at = finder!(SAID.as_bytes()).find(line.as_bytes())?;
    // (a worker's pid names it: `child 10460`)
    let (before, pid) = line[..at].rsplit_once(' ')?;
    if !before.ends_with(" child") || pid.is_empty() || !pid.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let rest = &line[at + SAID.len()..];
    let said = rest.strip_prefix("err: \"").or_else(|| rest.strip_prefix("out: \""))?;
    let said = said.strip_suffix('"').unwrap_or(said);
    // (the mark follows the level the worker logs its messages at: `NOTICE: PHP message: `)
    Some(match said.find(MARK) {
        Some(at) if at <= "WARNING: ".len() => &said[at + MARK.len()..],
        _ => said,
    })
}

/// The syslog priority that opens a line's first token, `tok`: RFC 5424's `<17>1`, RFC 3164's
/// `<34>Oct`, the kernel's `<3>[    5.1]` (`dmesg -r`). A bracket that does not close on a
/// number opens none (memcached's `<24 get session:29` is connection 24's command).
pub(crate) fn syslog_priority(tok: &str) -> Option<u32> {
    let (p, _) = tok.strip_prefix('<')?.split_once('>')?;
    p.parse().ok()
}

/// The level syslog priority `p` states, its facility aside: 0-2 are worse than errors, 3 an
/// error, 4 a warning. A lower one says little: programs log failures there (dovecot's `auth
/// failed` and sshd's `Failed password` at info).
pub(crate) fn priority_level(p: u32) -> Option<Severity> {
    match p % 8 {
        0..=2 => Some(Severity::Fatal),
        3 => Some(Severity::Error),
        4 => Some(Severity::Warn),
        _ => None,
    }
}

/// The level a syslog priority written in words states, as BusyBox's syslogd and OpenWrt's
/// `logread` print it after the host or the time, before the program (`anyka user.err kernel:
/// …`, `2026 daemon.err odhcpd[1234]: …`): a facility, a dot and a severity, `tok`, then the
/// program's tag that opens `after`, the rest of the line (a message that names a priority,
/// `logger -p user.err backup finished`, states none). As for a priority in numbers (see
/// `priority_level`), only an error's is read; below it, the line's words say how it went.
#[inline(always)]
pub(crate) fn facility_level(tok: &str, after: &str) -> Option<Severity> {
    // (a look at its length and its last byte first: this runs on the first words of every line)
    let b = tok.as_bytes();
    if !(7..=15).contains(&b.len()) || !b[b.len() - 1].is_ascii_lowercase() {
        return None;
    }
    let (facility, level) = tok.split_once('.')?;
    let local = facility.strip_prefix("local").is_some_and(|n| matches!(n, "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7"));
    if !local && !matches!(facility, "kern" | "user" | "mail" | "daemon" | "auth" | "syslog" | "lpr" | "news" | "uucp" | "cron" | "authpriv" | "ftp" | "ntp" | "security") {
        return None;
    }
    let severity = match level {
        "emerg" | "alert" | "crit" => Severity::Fatal,
        // (as syslog's text names it)
        "err" => Severity::Error,
        _ => return None,
    };
    after.split_ascii_whitespace().next().is_some_and(|program| program.ends_with(':')).then_some(severity)
}

/// The severity a line declares, if it declares one (`INFO` is declared, and not an error even
/// when its message says "failed").
pub fn declared(line: &str) -> Option<Severity> {
    let stated = stated_level(line);
    // a worker's failure that its supervisor relays as a warning (see `relayed`; asked of
    // warnings alone, as this runs on every line the guard reads)
    if stated == Some(Severity::Warn) {
        if let Some(own) = relayed(line).and_then(declared).filter(|s| *s >= Severity::Error) {
            return Some(own);
        }
    }
    stated
}

/// The severity `line` states itself (see `declared`).
fn stated_level(line: &str) -> Option<Severity> {
    if let Some((level, _)) = banner_level(line) {
        return Some(level);
    }
    if let Some(record) = wrapped_record(line) {
        return declared(&record);
    }
    if line.starts_with('{') || has(line, b"{\"", 0) {
        // (a console formatter's colours may stand around the word, escaped: `"level":
        // "\u001b[31mERROR\u001b[0m"`)
        if let Some(c) = re!(concat!(r#""(?i:("#, level_keys!(), r#"))" *: *"?(?:\\u001[bB]\[[0-9;]*m)*(\w+)"#)).captures(line) {
            let priority = c[1].eq_ignore_ascii_case("priority");
            let number = |n| {
                if priority {
                    numeric_severity(n)
                } else if is_windows_event(line) {
                    windows_level(n)
                } else {
                    level_number(n)
                }
            };
            let stated = c[2].parse().map_or_else(|_| word_severity(&c[2]), |n| Some(number(n)));
            // journald's priority is the unit's for what a service writes to its output (6,
            // info): a line written with a level of its own states that one
            if priority && stated.map_or(true, |s| s < Severity::Warn) {
                if let Some(text) = re!(r#""(?i:message)" *: *"((?:[^"\\]|\\.)*)""#).captures(line) {
                    if let Some(own) = declared(&text[1]).filter(|s| *s >= Severity::Warn) {
                        return Some(own);
                    }
                }
            }
            return stated;
        }
        if let Some(c) = re!(r#""s" *: *"(\w{1,2})""#).captures(line) {
            return letter_severity(&c[1]);
        }
    }
    // a lone letter is a level only in a log line's header (logcat `E`), and so is a bare
    // word; asked only when it matters, since this runs on every line the guard reads
    let mut event = None;
    let mut is_event = || *event.get_or_insert_with(|| opens_with_header(line) || numbered_level(line));
    // BGL puts its level tenth: `- 1117838570 2005.06.03 R02-M1-N0 2005-06-03-15.42.50 R02-M1-N0 RAS KERNEL INFO`
    let mut above = "";
    for (i, tok) in line.split_ascii_whitespace().take(10).enumerate() {
        let before = std::mem::replace(&mut above, tok);
        // Android logcat: a lone `E`, or `E/Tag(123):` in brief format
        if let Some(level) = logcat_level(line, tok).filter(|_| is_event()) {
            return Some(level);
        }
        if let Some(level) = coded_level(line, tok) {
            return Some(level);
        }
        // a lower priority than a warning's says little (see `priority_level`): the line's
        // words are read as an undeclared line's are
        if i == 0 {
            if let Some(p) = syslog_priority(tok) {
                return priority_level(p);
            }
        }
        let after = || &line[tok.as_ptr() as usize - line.as_ptr() as usize + tok.len()..];
        if is_bracketed_note(tok) {
            return Some(Severity::Other);
        }
        if let Some(level) = level_before_brackets(tok).or_else(|| facility_level(tok, after())) {
            return Some(level);
        }
        let field = ["level=", "lvl=", "severity="]
            .iter()
            .find_map(|k| tok.strip_prefix(k))
            .unwrap_or_else(|| after_channel(bracketed_after_time(tok)));
        let word = level_word(field);
        if word.len() < 3 || word.len() > 9 || word.len() + 4 < field.len() {
            continue;
        }
        // a level is spelt as one: `ERROR`, `[error]`, `error:`, `level=error`, or any case in
        // a log line's header; "an error occurred" in prose is no level
        let Some(s) = word_severity(word).filter(|_| !counts(before, tok)) else {
            continue;
        };
        if word.len() == 3 && !word.eq_ignore_ascii_case("err") && !codes_a_level(before, tok) {
            continue;
        }
        let spelt = word.bytes().all(|c| c.is_ascii_uppercase())
            || tok.starts_with(['[', '<'])
            || tok.ends_with([':', ']', '>'])
            || field.len() < tok.len();
        if spelt || (!in_a_sentence(before) && is_event()) {
            return Some(s);
        }
    }
    alert_priority(line)
}

/// A level in capitals glued to a bracket after it, which holds the seconds since the program
/// started, a time or the thread that logs: logrus's text on a terminal, cut to four letters
/// (`ERRO[0003] …`, `WARN[2026-12-05T18:08:16Z] …`), Minetest's (`ERROR[Server]: …`,
/// `WARNING[Main]: …`); or rustc's, in small letters before the diagnostic's code
/// (`error[E0432]: unresolved import …`, as a CI job's log shows the build's).
#[inline(always)]
pub fn level_before_brackets(tok: &str) -> Option<Severity> {
    // (a look at its length and its first and last bytes first: this runs on the first words
    // of every line)
    let b = tok.as_bytes();
    if b.len() < 7 || !matches!(b[b.len() - 1], b']' | b':') {
        return None;
    }
    if !b[0].is_ascii_uppercase() {
        return (b[0] == b'e' || b[0] == b'w').then(|| coded_diagnostic(tok)).flatten();
    }
    if !tok.trim_end_matches(':').ends_with(']') {
        return None;
    }
    let at = memchr::memchr(b'[', &b[..b.len().min(10)])?;
    let word = &tok[..at];
    if !word.bytes().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    match word {
        "ERRO" => Some(Severity::Error),
        "FATA" | "PANI" => Some(Severity::Fatal),
        "DEBU" | "TRAC" => Some(Severity::Other),
        _ if word.len() >= 4 => word_severity(word),
        _ => None,
    }
}

/// The level of rustc's diagnostic with its code (`error[E0432]:`, `warning[E0170]:`): a code's
/// capital and four digits in the bracket, and the colon after it.
#[inline(never)]
fn coded_diagnostic(tok: &str) -> Option<Severity> {
    let (level, code) = tok.strip_suffix("]:")?.split_once('[')?;
    let b = code.as_bytes();
    let coded = b.len() == 5 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit);
    match level {
        "error" if coded => Some(Severity::Error),
        "warning" if coded => Some(Severity::Warn),
        _ => None,
    }
}

/// Whether a level's three-letter code (`WRN`, `FTL`: zerolog's console, Serilog, the NATS
/// server) `tok`, after `above`, stands where a header puts one: in brackets (`[WRN]`,
/// `[18:08:16 WRN]`) or right after the time (`6:08PM WRN`, `…T18:08:16Z FTL`). Elsewhere the
/// letters name something else (Pi-hole's daemon: `[… 1234M] FTL branch: master`).
pub fn codes_a_level(above: &str, tok: &str) -> bool {
    tok.starts_with('[') || tok.ends_with(']') || re!(r"\d:\d\d(?::\d\d)?(?:[.,]\d+)?(?:[AP]M|Z|[+-]\d\d:?\d\d)?$").is_match(above)
}

/// Whether a word after `above` is a sentence's, where no level is: after a comma (Go's
/// `fetched 50, err <nil>`), unless the comma closes a header's time (Windows' CBS log:
/// `2016-09-29 00:00:46, Info  CBS …`); or inside a quoted text that `above` opens (a
/// compiler's excerpt of the code it warns about: `98 |   var message = "Network error
/// occurred"`).
pub fn in_a_sentence(above: &str) -> bool {
    (above.ends_with(',') && !above.contains(':')) || (above.len() > 1 && above.starts_with('"') && !above.ends_with('"'))
}

/// Whether word `tok` after token `above` counts errors rather than states a level: a number
/// before `error` in lower case (`Found 1 error.`, `compiled with 1 error in 70 ms`), a summary
/// of errors whose own lines report them. (A number before a level in capitals is a pid,
/// `12345 ERROR …`; a flag before a state is a field, HPC's `temperature 1073610711 1 critical`.)
pub fn counts(above: &str, tok: &str) -> bool {
    tok.starts_with("error") && !above.is_empty() && above.bytes().all(|c| c.is_ascii_digit())
}

/// The level that a header which opens `line` states where no token is a level word, and the
/// byte where that header ends:
/// - Chromium's (and Electron's, CEF's) `[pid:tid:MMDD/HHMMSS.micros:LEVEL:file.cc(12)]`, the
///   pid and thread left out by some builds (`[1205/112135.225123:ERROR:bus.cc(405)]`), its
///   verbose levels numbered (`VERBOSE1`);
/// - Erlang/OTP's report header, `=CRASH REPORT==== 5-Dec-2026::11:27:54.962830 ===`, whose
///   kind says its level: crash and supervisor reports are errors, progress reports news; and
///   lager's, after its time (`2018-07-24 01:27:44 =SUPERVISOR REPORT====`).
// (a look at the first bytes spares the rest: this runs on every line. Chromium's opens with
// a number that a `:` or a `/` ends, where a bracketed date's ends at a `-`)
#[inline(always)]
pub fn banner_level(line: &str) -> Option<(Severity, usize)> {
    let b = line.as_bytes();
    match b.first() {
        Some(b'[') => {
            let digits = b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
            (digits > 0 && matches!(b.get(1 + digits), Some(b':' | b'/'))).then(|| chromium_level(line)).flatten()
        }
        Some(b'=') if b.get(1).is_some_and(u8::is_ascii_uppercase) => report_level(line),
        // (a look at the last byte spares the rest: most lines end in no `=`)
        Some(b'0'..=b'9') if matches!(b.last(), Some(b'=' | b'\r' | b' ')) && line.trim_end().ends_with(" REPORT====") => lager_report_level(line),
        _ => None,
    }
}

/// lager's header of an Erlang report in its `crash.log`: the time, then the report's kind
/// (`2018-07-24 01:27:44 =SUPERVISOR REPORT====`; see `banner_level`).
#[inline(never)]
fn lager_report_level(line: &str) -> Option<(Severity, usize)> {
    let c = re!(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? =([A-Z]+) REPORT====$").captures(line.trim_end())?;
    Some((banner_word_level(c.get(1)?.as_str())?, c.get(0)?.end()))
}

/// Chromium's header (see `banner_level`).
#[inline(never)]
fn chromium_level(line: &str) -> Option<(Severity, usize)> {
    let c = re!(r"^\[(?:\d+:){0,2}\d{4}/\d{6}(?:\.\d+)?:([A-Z]+)\d*:[^\]\s]*\]").captures(line)?;
    Some((banner_word_level(c.get(1)?.as_str())?, c.get(0)?.end()))
}

/// An Erlang/OTP report's header (see `banner_level`).
#[inline(never)]
fn report_level(line: &str) -> Option<(Severity, usize)> {
    let c = re!(r"^=([A-Z]+) REPORT==== \S+ ===$").captures(line.trim_end())?;
    Some((banner_word_level(c.get(1)?.as_str())?, c.get(0)?.end()))
}

/// The level a banner's word names: a level's, or an Erlang report's kind.
fn banner_word_level(word: &str) -> Option<Severity> {
    match word {
        "CRASH" | "SUPERVISOR" => Some(Severity::Error),
        "PROGRESS" | "VERBOSE" => Some(Severity::Other),
        _ => word_severity(word),
    }
}

/// The level an intrusion detector's alert states by its priority, as Snort and Suricata write
/// fast.log (`[**] [1:9000003:2] PROBE XSS script tag in URI [**] [Classification: Web
/// Application Attack] [Priority: 1] {TCP} …`): 1 is an error, 2 a warning, 3 and 4 news. Each
/// alert's signature is its message, and another signature another event.
pub fn alert_priority(line: &str) -> Option<Severity> {
    // (an alert opens its signature with `[**] ` right after its time: a look for a `*` in the
    // first bytes spares most lines the rest)
    let b = line.as_bytes();
    let star = memchr::memchr(b'*', &b[..b.len().min(40)])?;
    if star == 0 || !b[star - 1..].starts_with(b"[**] ") {
        return None;
    }
    let at = finder!(b"] [Priority: ").find(&b[star..])? + star + 13;
    match b.get(at..at + 2)? {
        [p, b']'] => priority_severity(*p),
        _ => None,
    }
}

/// The level an intrusion detector's alert priority (the ASCII digit `priority`) states: 1 is
/// an error, 2 a warning, 3 and 4 news. Suricata's EVE JSON calls it the alert's `severity`.
pub fn priority_severity(priority: u8) -> Option<Severity> {
    match priority {
        b'1' => Some(Severity::Error),
        b'2' => Some(Severity::Warn),
        b'3' | b'4' => Some(Severity::Other),
        _ => None,
    }
}

/// Whether `line` is an Erlang/OTP report's header (`=ERROR REPORT==== … ===`): the lines
/// below it, up to a blank line or the next event, are its report, its message on the first
/// of them, at the start of the line (`invoice 7 call exited: {noproc,`).
pub fn is_report_header(line: &str) -> bool {
    line.starts_with('=') && report_level(line).is_some()
}

/// The bracket that follows a bracketed time glued to it, as Kibana writes its level:
/// `[ERROR]` of `[2024-02-02T14:25:50.097+00:00][ERROR][plugins.security]`, `[WARN` of
/// `[2024-02-02T14:25:50.104+00:00][WARN ][plugins.licensing]`; and a bracketed word in
/// capitals that another bracket follows, as Calico's Felix writes its level before its process
/// id: `[DEBUG]` of `[DEBUG][501368]`. Any other token as it is.
// (inlined where the first tokens of every line are read: most open otherwise)
#[inline(always)]
pub(crate) fn bracketed_after_time(tok: &str) -> &str {
    let b = tok.as_bytes();
    if b.first() != Some(&b'[') {
        return tok;
    }
    match b.get(1) {
        Some(c) if c.is_ascii_digit() => time_bracket_then(tok),
        Some(c) if c.is_ascii_uppercase() => capitals_bracket_before(tok),
        _ => tok,
    }
}

/// `bracketed_after_time` for a token that opens with a bracketed capital.
#[inline(never)]
fn capitals_bracket_before(tok: &str) -> &str {
    let b = tok.as_bytes();
    let caps = 1 + b[1..].iter().take_while(|c| c.is_ascii_uppercase()).count();
    if b[caps..].starts_with(b"][") {
        &tok[..=caps]
    } else {
        tok
    }
}

/// `bracketed_after_time` for a token that opens with a bracketed number.
#[inline(never)]
fn time_bracket_then(tok: &str) -> &str {
    let b = tok.as_bytes();
    match memchr::memmem::find(b, b"][") {
        Some(at) => {
            let rest = &tok[at + 1..];
            // (up to the next bracket's end, if it closes in this token)
            rest.find(']').map_or(rest, |end| &rest[..=end])
        }
        None => tok,
    }
}

/// The level of a token that names a channel before it, as Monolog (Laravel, Symfony) writes
/// one: `WARNING` of `app.WARNING:`, `ERROR` of `local.ERROR:`; or after it, as Python's
/// `logging` writes one in its default format: `ERROR` of `ERROR:huey:Worker-1:Unhandled`,
/// `WARNING` of `WARNING:urllib3.connectionpool:Retrying`; or its process after it, as Celery
/// writes one: `ERROR` of `ERROR/MainProcess]`, `WARNING` of `WARNING/ForkPoolWorker-1]`. Any
/// other token as it is.
pub fn after_channel(tok: &str) -> &str {
    // (a level in capitals, then its logger's name and a colon; read byte by byte, since this
    // runs on the first tokens of every line and most open otherwise)
    let b = tok.as_bytes();
    if b.len() > 6 && b[..4].iter().all(u8::is_ascii_uppercase) {
        let caps = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
        if b.get(caps) == Some(&b'/') && celery_process(&b[caps + 1..]) {
            return &tok[..caps];
        }
        if b.get(caps) != Some(&b':') {
            return tok;
        }
        let logger = &b[caps + 1..];
        if logger.first().is_some_and(|&c| c.is_ascii_alphabetic() || c == b'_') && memchr::memchr(b':', logger).is_some() {
            return &tok[..caps];
        }
    }
    match tok.strip_suffix(':').and_then(|t| t.rsplit_once('.')) {
        Some((channel, level)) if !channel.is_empty() && channel.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-') => {
            level
        }
        _ => tok,
    }
}

/// Whether `rest` is what Celery writes after a level's `/`: its process's name and the `]` that
/// closes its header (`MainProcess]`, `ForkPoolWorker-1]`, a child's child `ForkProcess-1:1]`).
/// A level word before a path or another word (`INFO/data/r0.csv`, `ERROR/WARNING counters`)
/// is no level.
fn celery_process(rest: &[u8]) -> bool {
    match rest.split_last() {
        Some((b']', name)) => {
            name.first().is_some_and(u8::is_ascii_alphabetic) && name.iter().all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b':'))
        }
        _ => false,
    }
}

/// Whether `line` holds `needle`, looked for by its byte at `rare` (a `"` or a `{`, rare in log
/// lines): on a short line one byte search beats a substring search, and this runs on every
/// line the guard reads.
pub fn has(line: &str, needle: &[u8], rare: usize) -> bool {
    let b = line.as_bytes();
    memchr::memchr_iter(needle[rare], b)
        .any(|i| i >= rare && b[i - rare..].starts_with(needle))
}

/// The word a token may spell a level with (`[error]:` -> `error`, see `letters`), or none when
/// the word names a field (slapd's `err=0`, the code of a result that went well).
pub fn level_word(tok: &str) -> &str {
    let word = letters(tok);
    if word.is_empty() {
        return word;
    }
    // (a word found is a slice of `tok`: where it ends in `tok` is where it ends in memory)
    let end = word.as_ptr() as usize + word.len() - tok.as_ptr() as usize;
    if tok.as_bytes().get(end) == Some(&b'=') {
        return "";
    }
    word
}

/// `tok` without what is no ASCII letter at either end (`[error]:` -> `error`), as
/// `trim_matches(|c| !c.is_ascii_alphabetic())` gives it, but byte-wise: every byte of a
/// multi-byte character is no ASCII letter, and this runs on the first tokens of every line.
pub fn letters(tok: &str) -> &str {
    let b = tok.as_bytes();
    match b.iter().position(u8::is_ascii_alphabetic) {
        Some(start) => {
            let end = b.iter().rposition(u8::is_ascii_alphabetic).unwrap_or(start) + 1;
            &tok[start..end]
        }
        None => "",
    }
}

/// `word` upper-cased in `buf`, on the stack, if it fits (no level word is longer than nine
/// letters): level words are looked for in the first tokens of every line.
pub fn upper<'b>(word: &str, buf: &'b mut [u8; 11]) -> Option<&'b [u8]> {
    let w = buf.get_mut(..word.len())?;
    w.copy_from_slice(word.as_bytes());
    w.make_ascii_uppercase();
    Some(w)
}

/// The level MongoDB's structured log states in its field `s`, one letter: `F`, `E`, `W`, `I`,
/// or `D1`…`D5` (debug); `None` for any other value.
pub fn letter_severity(value: &str) -> Option<Severity> {
    let (letter, rest) = value.split_at_checked(1)?;
    if !(rest.is_empty() || letter == "D" && matches!(rest.as_bytes(), [b'1'..=b'5'])) {
        return None;
    }
    Some(match letter {
        "F" => Severity::Fatal,
        "E" => Severity::Error,
        "W" => Severity::Warn,
        "I" | "D" => Severity::Other,
        _ => return None,
    })
}

/// The level Android's logcat writes as word `tok` of `line`: a lone `E` before its tag (a
/// letter among letters spells a word, as surefire's ` T E S T S`), or `E/Tag(123):` in
/// brief format.
#[inline(always)]
pub(crate) fn logcat_level(line: &str, tok: &str) -> Option<Severity> {
    // (a look at the word's length first: this runs on the first words of every line)
    let b = tok.as_bytes();
    let capnslog = b.len() == 1 && capnslog_letter(line, tok);
    if !(b.len() == 1 && (capnslog || lone_letter(line, tok)) || (b.len() > 2 && b[1] == b'/')) {
        return None;
    }
    match b[0] {
        b'C' if capnslog => Some(Severity::Fatal),
        b'N' | b'T' if capnslog => Some(Severity::Other),
        b'E' => Some(Severity::Error),
        b'F' | b'A' => Some(Severity::Fatal),
        b'W' => Some(Severity::Warn),
        b'I' | b'D' | b'V' if b.len() == 1 => Some(Severity::Other),
        _ => None,
    }
}

/// Whether word `tok` of `line` is one character before a longer word, as logcat writes its
/// level before its tag (`… 1234 E AndroidRuntime: …`); a letter among letters spells a word
/// (surefire's ` T E S T S`). The letter a container runtime writes after the stream's name
/// is no level: it says whether the line is whole (`F`) or partial (`P`), in the CRI format
/// kubelet keeps a pod's logs in (`2026-12-04T10:00:00.1Z stdout F I1204 10:00:00 …`).
#[inline]
pub(crate) fn lone_letter(line: &str, tok: &str) -> bool {
    // (a look at the word's length: this runs on the first words of every line)
    tok.len() == 1 && before_a_word(line, tok) && !after_a_stream(line, tok)
}

/// Whether word `tok` of `line` follows the name of a stream, `stdout` or `stderr`.
fn after_a_stream(line: &str, tok: &str) -> bool {
    let before = line[..tok.as_ptr() as usize - line.as_ptr() as usize].trim_end_matches([' ', '\t']);
    before.ends_with("stdout") || before.ends_with("stderr")
}

/// Whether a longer word follows word `tok` of `line`, or none: a word that opens with a letter,
/// as a tag's name does (`;;` after InnoDB's `asc F` in its dump of a record is none).
fn before_a_word(line: &str, tok: &str) -> bool {
    let at = tok.as_ptr() as usize - line.as_ptr() as usize;
    let next = line[at + 1..].trim_start_matches([' ', '\t']).as_bytes();
    next.is_empty()
        || (next.get(1).is_some_and(|c| !c.is_ascii_whitespace()) && (next[0].is_ascii_alphabetic() || !next[0].is_ascii()))
        // logcat's kernel buffer, whose lines have no tag (`… 0     0 E         : c3 …`), after
        // the thread's id: an error's letter only, as a lower level there leaves the kernel's
        // words to say how it went (`W : … Error: swapper/0: … failed`), as for a line that
        // states none
        || (matches!(tok, "E" | "F" | "A") && next.starts_with(b": ") && line[..at].trim_end().ends_with(|c: char| c.is_ascii_digit()))
}

/// Whether word `tok` of `line` is capnslog's level (etcd 3.4's logger): a letter after the
/// time, before a bar and the package (`2026-12-05 16:07:57.731976 E | rafthttp: failed to
/// read …`; `C` is its critical level, `N` its notice, `T` its trace).
fn capnslog_letter(line: &str, tok: &str) -> bool {
    let at = tok.as_ptr() as usize - line.as_ptr() as usize;
    // (its levels' letters, after a time of day: a table's `A | good work` is a grade)
    matches!(tok, "C" | "E" | "W" | "N" | "I" | "D" | "T")
        && line[at + 1..].starts_with(" | ")
        && line[..at].trim_end().rsplit(' ').next().is_some_and(|time| re!(r"^\d\d:\d\d:\d\d(\.\d+)?$").is_match(time))
}

/// The severity a number in a record's priority or level field gives: a syslog priority (0-7:
/// up to 3 an error, 4 a warning), or a level of Node's pino and bunyan (10 trace, 20 debug, 30
/// info, 40 warn, 50 error, 60 fatal).
pub fn numeric_severity(n: u32) -> Severity {
    match n {
        0..=3 | 50..=59 => Severity::Error,
        4 | 40..=49 => Severity::Warn,
        60..=69 => Severity::Fatal,
        _ => Severity::Other,
    }
}

/// The severity a number in a record's level field gives (`numeric_severity`), or, from 100 up,
/// a level of PHP's Monolog (100 debug, 200 info, 250 notice, 300 warning, 400 error, 500
/// critical, 550 alert, 600 emergency). Not in a `priority` field: a job's priority 500 is no
/// level.
pub fn level_number(n: u32) -> Severity {
    match n {
        300..=399 => Severity::Warn,
        400..=499 => Severity::Error,
        500..=699 => Severity::Fatal,
        _ => numeric_severity(n),
    }
}

pub fn word_severity(word: &str) -> Option<Severity> {
    let mut buf = [0u8; 11];
    Some(match upper(word, &mut buf)? {
        // (and the three letters zerolog's console, Serilog and the NATS server write)
        b"ERROR" | b"ERR" | b"SEVERE" | b"E" => Severity::Error,
        b"FATAL" | b"CRITICAL" | b"CRIT" | b"EMERG" | b"ALERT" | b"PANIC" | b"F" | b"FTL" | b"PNC" => Severity::Fatal,
        b"WARN" | b"WARNING" | b"W" | b"WRN" => Severity::Warn,
        b"INFO" | b"INFORMATION" | b"DEBUG" | b"TRACE" | b"NOTICE" | b"VERBOSE" | b"INF" | b"DBG" | b"TRC" | b"VRB" => Severity::Other,
        _ => return None,
    })
}

/// The HTTP status of a web access log line (common/combined log format, a quoted request and
/// its status wherever the line puts them, W3C/IIS fields, a JSON access log's `status`, or a
/// request not quoted, as morgan and Gin print it), when the line has that shape; a source tag
/// or a collector's time may come first, or the virtual host and its port (Apache's
/// `vhost_combined`).
pub fn http_status(line: &str) -> Option<u16> {
    // cheap checks first: this runs on every line the guard reads, and most hold no status
    if !may_hold_status(line.as_bytes()) {
        // (a framework's failed request states its status by its reason)
        return reason_request(line).map(|(status, ..)| status);
    }
    let status = |re: &regex::Regex| re.captures(line)?.get(1)?.as_str().parse().ok();
    if has(line, b"] \"", 2) {
        let request = virtual_host(line).map_or(line, |host| line[host.len()..].trim_start());
        // a collector may stamp the line with its own time first (`docker logs -t`)
        let combined = re!(concat!(
            r#"^([\w.@/-]+ *\| *|[\w.@/-]+:)?(?:\d{4}-\d\d-\d\dT\S+ +)?"#,
            r#"\S+ +\S+ +\S+ +\[[^\]]+\] +"[^"]*" +(\d{3}) "#
        ));
        if let Some(s) = combined.captures(request).and_then(|c| c.get(2)?.as_str().parse().ok()) {
            return Some(s);
        }
        // (or behind a syslog's header, a request the server could not read among them)
        if let Some((_, _, s)) = status_after_command(line) {
            return s.parse().ok();
        }
    }
    if let Some(s) = haproxy_status(line) {
        return s.parse().ok();
    }
    // the shapes below but W3C's quote their request or their keys
    let quoted = memchr::memchr(b'"', line.as_bytes()).is_some();
    if quoted {
        // (Hypercorn's request names no `HTTP/`: see `status_after_request`)
        let http = finder!(b" HTTP/").find(line.as_bytes()).is_some();
        if let Some((_, _, status)) = http.then(|| status_before_request(line)).flatten().or_else(|| status_after_request(line)) {
            return status.parse().ok();
        }
    }
    if line.as_bytes().first().is_some_and(u8::is_ascii_digit) && ends_like_w3c(line) {
        let w3c = re!(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} .*\b(?:GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS) \S+ .* (\d{3}) \d+ \d+ \d+$");
        if let Some(s) = status(w3c) {
            return Some(s);
        }
    }
    if let Some(code) = quoted.then(|| audit_response_code(line)).flatten() {
        return code.parse().ok();
    }
    // (every key in `STATUS_KEYS` holds `tatus` or `_code`)
    let status_key = || finder!(b"tatus").find(line.as_bytes()).is_some() || finder!(b"_code").find(line.as_bytes()).is_some();
    if quoted && memchr::memchr(b'{', line.as_bytes()).is_some() && status_key() {
        return status(re!(&format!(r#""(?:{})" *: *"?([1-5]\d\d)\b"#, STATUS_KEYS.join("|"))));
    }
    if let Some((_, _, s)) = logfmt_status(line) {
        return s.parse().ok();
    }
    sent_status(line).or_else(|| bare_request_status(line)).or_else(|| reason_request(line).map(|(status, ..)| status))
}

/// The HTTP status a Kubernetes audit event's response gives (`"responseStatus":{"metadata":{},
/// "status":"Failure",…,"code":403}`), whose `status` says only how it went.
pub fn audit_response_code(record: &str) -> Option<&str> {
    finder!(b"\"responseStatus\"").find(record.as_bytes())?;
    let c = re!(r#""responseStatus" *: *\{(?:[^{}]|\{[^{}]*\})*?"code" *: *([1-5]\d\d)\b"#).captures(record)?;
    c.get(1).map(|m| m.as_str())
}

/// Whether `b` holds a word of three digits that a request's status could be, as every shape
/// `http_status` reads writes one: three digits alone, after a space, a quote, `=`, `:`, a
/// bracket, a bar or a slash (Squid's `TCP_MISS/404`); never inside a number or a word, nor a
/// time's fraction (`22:13:22,970`) or an address's part (`10.127.0.1`). Most lines hold
/// none, and this runs on every line the guard reads: the line's digits are found as a bit
/// mask, eight bytes at a time, and only runs of three in it are looked at.
fn may_hold_status(b: &[u8]) -> bool {
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let alone = |s: usize| {
        let e = s + 3;
        (s == 0 || !(word(b[s - 1]) || matches!(b[s - 1], b'.' | b',')))
            && !b.get(e).is_some_and(|&c| word(c))
    };
    // windows of 64 bytes, each the start of runs at its first `STARTS` bytes: a run of three
    // that starts there ends within the window
    const STARTS: usize = 62;
    let mut base = 0;
    while base < b.len() {
        let window = &b[base..b.len().min(base + 64)];
        let m = digit_mask(window);
        // three digits in a row, none right before them nor right after (within the window;
        // `alone` reads the bytes past it)
        let mut rest = runs_of_three(m) & ((1 << STARTS) - 1);
        while rest != 0 {
            let k = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            if alone(base + k) {
                return true;
            }
        }
        base += STARTS;
    }
    false
}

/// Bit `k` set where a run of exactly three of `digit_mask`'s digits starts.
pub(crate) fn runs_of_three(m: u64) -> u64 {
    m & (m >> 1) & (m >> 2) & !(m << 1) & !(m >> 3)
}

/// Bit `k` set for each byte `window[k]` that is an ASCII digit (up to 64 bytes).
pub(crate) fn digit_mask(window: &[u8]) -> u64 {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // gathers the low bit of each byte into the top byte, byte `j`'s at bit `56 + j`
    const GATHER: u64 = 0x0102_0408_1020_4080;
    let mut m = 0;
    let mut chunks = window.chunks_exact(8);
    for (n, eight) in chunks.by_ref().enumerate() {
        let x = u64::from_le_bytes(eight.try_into().unwrap());
        // the low seven bits of a byte, plus 0x50 or 0x46, reach 0x80 from `0` or past `9` on,
        // and carry into no other byte
        let low = x & !HIGH;
        let digits = low.wrapping_add(ONES * 0x50) & !low.wrapping_add(ONES * 0x46) & !x & HIGH;
        m |= ((digits >> 7).wrapping_mul(GATHER) >> 56) << (8 * n);
    }
    let done = window.len() - chunks.remainder().len();
    for (j, c) in chunks.remainder().iter().enumerate() {
        m |= u64::from(c.is_ascii_digit()) << (done + j);
    }
    m
}

/// The keys under which a JSON or logfmt record gives its request's HTTP status: Caddy's,
/// Envoy's `response_code`, Traefik's `DownstreamStatus` (what the client was sent), Serilog's
/// `StatusCode`, Open Policy Agent's `resp_status`.
pub const STATUS_KEYS: [&str; 7] = ["status", "status_code", "statusCode", "response_code", "DownstreamStatus", "StatusCode", "resp_status"];

/// The keys under which an access record gives its request's method, and its path (a JSON
/// record's, a logfmt record's, a column log's; Traefik's and Serilog's request logging's
/// `RequestMethod`, `RequestPath`, .NET's properties in capitals, Open Policy Agent's
/// `req_method`, `req_path`).
pub const METHOD_KEYS: [&str; 7] = ["method", "request_method", "http_method", "verb", "RequestMethod", "Method", "req_method"];
pub const PATH_KEYS: [&str; 7] = ["uri", "path", "url", "request_uri", "RequestPath", "Path", "req_path"];

/// The method, path and status of a logfmt access record: a status under one of `STATUS_KEYS`,
/// or `resp` (Kubernetes' `httplog`), beside the request's method or path. Heroku's router:
/// `at=info method=GET path="/x" … status=404 bytes=…`; an API server: `"HTTP" verb="GET"
/// URI="/api/v1/pods" … resp=404`. A `status=` with no request beside it is a job's or a
/// check's.
pub fn logfmt_status(line: &str) -> Option<(&str, &str, &str)> {
    // one pass over the line's `=`, each read back over a key's bytes at most: this runs on
    // every line the guard reads
    let b = line.as_bytes();
    let key_before = |at: usize| {
        // (every key ends in one of these: most `=` are settled by the byte before them)
        let key = |k: &&str| b[..at].ends_with(k.as_bytes()) && (at == k.len() || b[at - k.len() - 1].is_ascii_whitespace());
        at > 0 && matches!(b[at - 1], b's' | b'e' | b'p') && STATUS_KEYS.iter().chain(&["resp"]).any(key)
    };
    let at = memchr::memchr_iter(b'=', b).find(|&at| key_before(at))? + 1;
    let at = at + usize::from(b.get(at) == Some(&b'"'));
    // (a layout of its own may end each field with `;`: `method=GET; path=/nope; status=404;`)
    let closed = matches!(b.get(at + 3), Some(&b'"') | Some(&b';'));
    status_word(&b[at..if closed { at + 3 } else { b.len() }])?;
    let status = &line[at..at + 3];
    let field = |re: &regex::Regex| re.captures(line).and_then(|c| c.get(1)).map_or("", |m| m.as_str());
    // (Kubernetes' httplog spells its path's key `URI`)
    let method = field(re!(&format!(r#"(?:^|\s)(?i:{})="?([A-Z]+)"?;?(?:\s|$)"#, METHOD_KEYS.join("|"))));
    let path = field(re!(&format!(r#"(?:^|\s)(?i:{})="?([^\s"?;]+)"#, PATH_KEYS.join("|"))));
    (!method.is_empty() || !path.is_empty()).then_some((method, path, status))
}

/// The command, its argument and the status of a common-format line whose request is no HTTP
/// one, the way proftpd's `ExtendedLog` writes an FTP session (`127.0.0.1 UNKNOWN alice
/// [04/Dec/2026:23:23:48 +0000] "STOR up31.bin" 550 -`), or no request at all: a client's
/// garbage that a web server answered (`"GET /a b" 400`, `"\x16\x03\x01…" 400`, varnishncsa's
/// `"- http://localhost HTTP/1.0" 400`, a connection that sent nothing, `"" 400`), where the
/// client alone may come before the date. Its status says how it went, as an HTTP request's
/// does.
pub fn status_after_command(line: &str) -> Option<(&str, &str, &str)> {
    if !has(line, b"] \"", 2) {
        return None;
    }
    let head = r"\S+ +\[\d{2}/[A-Z][a-z]{2}/\d{4}";
    let entry = re!(&format!(r#"^(?:{ACCESS_HEAD}|{head})[^\]]*\] +"([^" ]*)(?: ([^"]*))?" +([1-5]\d\d) "#));
    // (behind a syslog's header too: HAProxy logs through syslog, `Nov 10 15:10:57 lb
    // haproxy[489]: 203.0.113.9 - - [10/Nov/2016:07:10:57 +0000] "<BADREQ>" 400 187 …`)
    let c = entry.captures(line).or_else(|| entry.captures(&line[syslog_message_at(line)?..]))?;
    let n = c.len();
    Some((c.get(n - 3)?.as_str(), c.get(n - 2).map_or("", |m| m.as_str()), c.get(n - 1)?.as_str()))
}

/// The method, path and status of a quoted request with its status after it, whatever comes
/// first on the line: right after it (the common format; Django's runserver, `[08/Mar/2020
/// 10:00:00] "GET / HTTP/1.1" 404 179`; uvicorn, `INFO: 127.0.0.1:5 - "GET / HTTP/1.1" 404 Not
/// Found`; Envoy, `[2020-…Z] "GET / HTTP/1.1" 404 NR`), named (OpenStack's WSGI servers, `"GET
/// /v2/… HTTP/1.1" status: 404`), or past the client chi's logger names (`"GET http://…
/// HTTP/1.1" from 10.0.0.1:5 - 404 19B in 35µs`). Hypercorn writes the protocol's version
/// alone (`"GET /nope 1.1" 404 207`).
pub fn status_after_request(line: &str) -> Option<(&str, &str, &str)> {
    let b = line.as_bytes();
    let http = finder!(b" HTTP/").find(b);
    let at = http.or_else(|| {
        // (the space before a bare `1.1` or `1.0` that closes a quote)
        let v = finder!(b".1\" ").find(b).or_else(|| finder!(b".0\" ").find(b))?;
        (v >= 2 && b[v - 2] == b' ' && b[v - 1].is_ascii_digit()).then(|| v - 2)
    })?;
    // `"GET /x HTTP/` holds one whitespace before ` HTTP/`, and the path none, so no match
    // starts before the second whitespace ahead of the first ` HTTP/`: the pattern need not
    // scan the head of the line (a time, a host, a tag), which this runs on for every line
    let from = line[..at]
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(1)
        .map_or(0, |(i, c)| i + c.len_utf8());
    // (from a character's first byte: a long path of multibyte text lies before ` HTTP/`)
    let mut start = from.max(at.saturating_sub(2048));
    while !line.is_char_boundary(start) {
        start += 1;
    }
    let c = re!(r#""([A-Z]+) (\S+) (?:HTTP/)?[0-9][0-9.]*" (?:status: |from \S+ - )?([1-5]\d\d)\b"#).captures(&line[start..])?;
    // (a version alone says little: the method must be HTTP's or WebDAV's, not `"RUN job 2.0"
    // 500 rows`)
    (http.is_some() || is_any_method(c[1].as_bytes())).then_some(())?;
    Some((c.get(1)?.as_str(), c.get(2)?.as_str(), c.get(3)?.as_str()))
}

/// The method, path and status of a line that prints its status before its quoted request,
/// in the first of the counts that lead up to it: an nginx `log_format` of `$remote_addr
/// [$time_local] $status "$request" $body_bytes_sent`, or an AWS load balancer's `… 0.000057
/// 503 - 0 57 "GET http://… HTTP/1.1" …` (its status, the backend's, the bytes received and
/// sent). A number after the request is then its size, and one of the bytes before it a
/// count: either would pass for a status from 100 to 599. The combined format puts the time
/// there.
pub fn status_before_request(line: &str) -> Option<(&str, &str, &str)> {
    // cheap check first, on the line's first quote: this runs on every line the guard reads
    let b = line.as_bytes();
    let quote = memchr::memchr(b'"', b)?;
    let mut end = b[..quote].strip_suffix(b" ")?.trim_ascii_end().len();
    let mut status = None;
    for _ in 0..COUNTS_BEFORE_REQUEST {
        let start = b[..end].iter().rposition(u8::is_ascii_whitespace).map_or(0, |at| at + 1);
        let field = &b[start..end];
        if field.is_empty() || !(field == b"-" || field.iter().all(u8::is_ascii_digit)) {
            break;
        }
        status = Some((start, end));
        end = b[..start].trim_ascii_end().len();
    }
    let (start, end) = status?;
    // (a word of more than three bytes is no status: its fourth is no space)
    status_word(&b[start..end])?;
    let c = re!(r#"^"([A-Z]+) (\S+) HTTP/[0-9.]+""#).captures(&line[quote..])?;
    Some((c.get(1)?.as_str(), c.get(2)?.as_str(), &line[start..end]))
}

/// Counts a line may print between its status and its quoted request, at most (see
/// `status_before_request`).
const COUNTS_BEFORE_REQUEST: usize = 4;

/// The status of an access line whose request is not quoted: right after the request (morgan's
/// `dev` and `short` formats, `GET /items/7 404 1.2 ms - 9`; Next.js; Sanic and ASP.NET Core,
/// whose request is an absolute URL), later in brackets with its protocol (uWSGI), or in a
/// field of its own before it: between bars (Gin, `[GIN] 2023/10/10 - 13:01:57 | 404 | 1.2ms |
/// 10.0.0.1 | GET "/items/7"`; Fiber), in brackets (PHP's built-in server) or alone right
/// before it (Tornado). Read by hand, not by a pattern: this runs on most lines of every log.
pub(crate) fn bare_request_status(line: &str) -> Option<u16> {
    let b = line.as_bytes();
    // a method, then spaces, then the path (Gin quotes it, Fiber puts a bar before it)
    for at in memchr::memchr3_iter(b'/', b'"', b'|', b) {
        if b[at] == b'/' && at > 0 && !b[at - 1].is_ascii_whitespace() {
            if let Some(status) = squid_status(&b[..at], &b[at + 1..]) {
                return Some(status);
            }
        }
        let target = if b[at] == b'/' { url_start(b, at) } else { at };
        let head = b[..target].trim_ascii_end();
        let word = head.iter().rposition(|c| !c.is_ascii_uppercase()).map_or(0, |p| p + 1);
        let whole = word == 0 || !head[word - 1].is_ascii_alphanumeric();
        if head.len() == target || !whole || !is_method(&head[word..]) {
            continue;
        }
        let status = if b[at] == b'/' {
            status_after_path(&b[at..], target < at)
                .or_else(|| status_with_protocol(&b[at..]))
                .or_else(|| status_in_brackets(&head[..word]))
                .or_else(|| status_right_before(&head[..word]))
        } else {
            // or after it, as varnishncsa writes `%m "%U%q" %s`: `GET "/api/slow?s=3" 503 0 0`
            status_between_bars(&head[..word]).or_else(|| status_after_path(&b[at..], false))
        };
        if status.is_some() {
            return status;
        }
    }
    tunnel_status(b)
}

/// The status right after a tunnel's request, whose target is a host and its port, not a path:
/// a proxy's own format (Squid's `logformat … %rm %ru %>Hs`: `CONNECT 127.0.0.1:853 503`).
fn tunnel_status(b: &[u8]) -> Option<u16> {
    let at = finder!(b"CONNECT ").find(b)?;
    if at > 0 && !b[at - 1].is_ascii_whitespace() {
        return None;
    }
    let rest = b[at + b"CONNECT ".len()..].trim_ascii_start();
    let end = rest.iter().position(u8::is_ascii_whitespace)?;
    if !rest[..end].contains(&b':') {
        return None;
    }
    let after = rest[end..].trim_ascii_start();
    status_word(&after[..after.iter().position(u8::is_ascii_whitespace).unwrap_or(after.len())])
}

/// Where the request's target begins, given its first slash at `at`: at its scheme when it is
/// an absolute URL (`http://localhost:8000/x`), else at the slash.
fn url_start(b: &[u8], at: usize) -> usize {
    let url = b.get(at + 1) == Some(&b'/');
    let scheme = [b"http:".as_slice(), b"https:"].into_iter().find(|s| url && b[..at].ends_with(s));
    at - scheme.map_or(0, <[u8]>::len)
}

/// The status that follows a request's path, and its protocol if it is given: `/items/7 404`,
/// `/items/7 HTTP/1.1 404`. After an absolute URL, past the `-` of empty fields (ASP.NET Core:
/// `Request finished HTTP/1.1 GET http://localhost:5000/x - 404 0 - 1.2ms`, or `- - - 404`
/// before .NET 8); not after a path, where a W3C line's query is `-` and its port follows
/// (`GET /x - 443 -`). In parentheses, as the Go middleware of Grafana's Loki, Mimir and
/// Tempo logs a request: `msg="POST /push.v1.PusherService/Push (400) 199.184µs"`.
fn status_after_path(path: &[u8], url: bool) -> Option<u16> {
    let mut rest = next_word(path)?;
    if let Some(code) = rest.strip_prefix(b"(").filter(|code| code.get(3) == Some(&b')')) {
        return status_word(&code[..3]);
    }
    if rest.starts_with(b"HTTP/") {
        rest = next_word(rest)?;
    }
    for _ in 0..if url { EMPTY_FIELDS_BEFORE_STATUS } else { 0 } {
        if rest.starts_with(b"- ") {
            rest = rest[1..].trim_ascii_start();
        }
    }
    status_word(rest)
}

/// `-` fields that may stand between a request's path and its status, at most.
const EMPTY_FIELDS_BEFORE_STATUS: usize = 3;

/// The status uWSGI gives after the request, in brackets with its protocol: `GET /x => generated
/// 0 bytes in 1 msecs (HTTP/1.1 404) 2 headers in 80 bytes`.
fn status_with_protocol(rest: &[u8]) -> Option<u16> {
    let code = next_word(&rest[finder!(b" (HTTP/").find(rest)? + 2..])?;
    status_word(code.get(..3)?).filter(|_| code.get(3) == Some(&b')'))
}

/// A request a web framework logs as failed by its status's reason, then its path (Django's
/// `Not Found: /api/x/`, `Forbidden (CSRF token missing.): /login/`, `Method Not Allowed
/// (POST): /items/`, `Internal Server Error: /api/y/`): the status, the method if the reason's
/// parentheses name it, and the path. The reason opens what the line says: the line itself, or
/// what follows a level that fails (Django's `WARNING - Not Found: /x`) or a request's logger
/// (`WARNING:django.request:Not Found: /x`). Elsewhere it is words of a message (`DEBUG cache
/// lookup Not Found: /users/7`, `ERROR certificate Not Found: /srv/cert.pem`).
pub fn reason_request(line: &str) -> Option<(u16, &str, &str)> {
    // (most lines hold no `: /`: a look for it first)
    finder!(b": /").find(line.as_bytes())?;
    let at = line.rfind(": /")?;
    let path = line[at + 2..].trim_end();
    if path.contains(char::is_whitespace) {
        return None;
    }
    let head = &line[..at];
    let (head, why) = match head.strip_suffix(')') {
        Some(h) => {
            let open = h.rfind(" (")?;
            (&h[..open], &h[open + 2..])
        }
        None => (head, ""),
    };
    let (reason, status) = *REASONS.iter().find(|(reason, _)| {
        head.strip_suffix(reason).is_some_and(|before| !before.ends_with(|c: char| c.is_ascii_alphanumeric()))
    })?;
    // (read back from the reason: a header's times and ids, and one module's name, may stand
    // between it and the level, as in Django's verbose format, `ERROR 2025-01-03 02:00:00,241
    // log 1234 140234838 Internal Server Error: /api/search/`)
    let mut words = head[..head.len() - reason.len()].rsplit([' ', '-', ':', '|', ']', '[', '\t', ',']).filter(|w| !w.is_empty());
    let mut named = false;
    let opens = loop {
        let Some(word) = words.next() else { break true };
        if word_severity(word).is_some_and(|s| s >= Severity::Warn) || word.ends_with(".request") {
            break true;
        }
        if word.bytes().any(|c| c.is_ascii_alphabetic()) {
            if named {
                break false;
            }
            named = true;
        }
    };
    if !opens {
        return None;
    }
    let method = if is_method(why.as_bytes()) { why } else { "" };
    Some((status, method, path))
}

/// The reasons HTTP gives for the statuses a request fails with.
const REASONS: [(&str, u16); 16] = [
    ("Bad Request", 400),
    ("Unauthorized", 401),
    ("Forbidden", 403),
    ("Not Found", 404),
    ("Method Not Allowed", 405),
    ("Not Acceptable", 406),
    ("Request Timeout", 408),
    ("Conflict", 409),
    ("Gone", 410),
    ("Payload Too Large", 413),
    ("Unprocessable Entity", 422),
    ("Too Many Requests", 429),
    ("Internal Server Error", 500),
    ("Bad Gateway", 502),
    ("Service Unavailable", 503),
    ("Gateway Timeout", 504),
];

/// The status Plug's logger (Phoenix) gives on a line of its own, after the request's:
/// `[info] Sent 404 in 12ms`.
fn sent_status(line: &str) -> Option<u16> {
    let b = line.as_bytes();
    let at = finder!(b"Sent ").find(b)?;
    if at > 0 && !b[at - 1].is_ascii_whitespace() {
        return None;
    }
    let rest = &b[at + 5..];
    status_word(rest).filter(|_| rest[3..].starts_with(b" in "))
}

/// The status of Squid's native access line, given what comes before and after a slash: the
/// cache's result and the status in one field, then the reply's size and the request (`…
/// 192.168.0.224 TCP_DENIED/403 3924 GET http://x.org/ - HIER_NONE/- text/html`). A result is
/// an upper-case word (`TCP_MISS`, `NONE_NONE`, `NONE`), and `NONE/000`, a request never sent,
/// has no status.
fn squid_status(head: &[u8], rest: &[u8]) -> Option<u16> {
    // (read back from the slash only over the result's bytes: a line of many slashes is read once)
    let result = head.iter().rev().take_while(|&&c| c.is_ascii_uppercase() || c == b'_').count();
    let before = head.len() - result;
    if result < 4 || (before > 0 && !head[before - 1].is_ascii_whitespace()) {
        return None;
    }
    // (a custom `logformat` may give the status the upstream server sent after it, and the
    // sizes of the reply and of the request: `NONE_NONE/400/- 3570/25 GET /no-host`)
    let upstream = rest.get(3) == Some(&b'/');
    let status = if upstream { status_word(&rest[..3]) } else { status_word(rest) }?;
    let size = next_word(rest)?;
    let digits = size.iter().take_while(|c| c.is_ascii_digit()).count();
    let sizes = if upstream && size.get(digits) == Some(&b'/') {
        digits + 1 + size[digits + 1..].iter().take_while(|c| c.is_ascii_digit()).count()
    } else {
        digits
    };
    let request = size.get(sizes..).filter(|r| digits > 0 && r.first() == Some(&b' '))?.trim_ascii_start();
    let method = &request[..memchr::memchr(b' ', request)?];
    // (here the result word before it says whose line it is)
    is_any_method(method).then_some(status)
}

/// What follows `b`'s first word, past the spaces after it.
fn next_word(b: &[u8]) -> Option<&[u8]> {
    Some(b[memchr::memchr(b' ', b)?..].trim_ascii_start())
}

/// The status PHP's built-in server prints in brackets right before the request:
/// `127.0.0.1:50230 [404]: GET /favicon.ico`.
fn status_in_brackets(before: &[u8]) -> Option<u16> {
    let b = before.trim_ascii_end().strip_suffix(b"]:")?;
    let open = b.len().checked_sub(4)?;
    if b[open] != b'[' {
        return None;
    }
    status_word(&b[open + 1..])
}

/// The status Tornado writes right before the request it answered: `[W 2026-12-04 07:29:26,017
/// web:2591] 404 GET /nothere (127.0.0.1) 0.70ms`, in what comes before the request.
fn status_right_before(before: &[u8]) -> Option<u16> {
    let b = before.strip_suffix(b" ")?;
    // (the last word: `status_word` takes three digits that end it)
    status_word(&b[b.iter().rposition(|c| *c == b' ').map_or(0, |at| at + 1)..])
}

/// The status in a field of its own between bars, `| 404 |`, in what comes before a request
/// whose own field opens with a bar too.
fn status_between_bars(before: &[u8]) -> Option<u16> {
    if before.trim_ascii_end().last() != Some(&b'|') {
        return None;
    }
    memchr::memchr_iter(b'|', before).find_map(|bar| {
        let field = &before[bar + 1..];
        let value = field.trim_ascii_start();
        let code = status_word(value)?;
        (value.len() < field.len() && value[3..].trim_ascii_start().first() == Some(&b'|')).then_some(code)
    })
}

/// The status a word of three digits from 100 to 599 opening `b` gives.
pub(crate) fn status_word(b: &[u8]) -> Option<u16> {
    let d = b.get(..3)?;
    let ends = b.get(3).map_or(true, |&c| c == b' ');
    let status = matches!(d[0], b'1'..=b'5') && d[1].is_ascii_digit() && d[2].is_ascii_digit() && ends;
    status.then(|| u16::from(d[0] - b'0') * 100 + u16::from(d[1] - b'0') * 10 + u16::from(d[2] - b'0'))
}

pub(crate) fn is_method(word: &[u8]) -> bool {
    matches!(word, b"GET" | b"POST" | b"PUT" | b"DELETE" | b"HEAD" | b"PATCH" | b"OPTIONS")
}

/// `is_method`, or a method a request names where the line already says it is one (a proxy's
/// `CONNECT`, a scanner's `TRACE`, WebDAV's): read as a method anywhere, `TRACE /path 512`
/// would be a level's line.
fn is_any_method(word: &[u8]) -> bool {
    is_method(word)
        || matches!(word, b"CONNECT" | b"TRACE" | b"PROPFIND" | b"PROPPATCH" | b"MKCOL" | b"COPY" | b"MOVE" | b"LOCK" | b"UNLOCK" | b"REPORT" | b"SEARCH" | b"PURGE")
}

/// The status of HAProxy's `option httplog` line: `10.0.0.1:51234 [30/Nov/2026:11:05:01.348] web
/// web/web1 0/0/1/2/3 503 212 - - SC-- 1/1/0/0/0 0/0 "GET /x HTTP/1.1"`. It follows the five
/// timers, and the request ends the line; a syslog header may come first, and a custom format
/// may put a field or two before the timers (the `Host` header captured: `web/web1
/// app.example.com 0/0/1/2/3 503 …`). A `tcplog` line has three timers, and the bytes sent after
/// them, not a status.
pub fn haproxy_status(line: &str) -> Option<&str> {
    // cheap check first: this runs on every line the guard reads; the port's last digit and a
    // ` [30/` must be there (a progress count, `INFO [12/40] …`, has no digit before it)
    let b = line.as_bytes();
    let dated = memchr::memchr_iter(b'[', b).any(|i| {
        i > 1
            && b[i - 1] == b' '
            && b[i - 2].is_ascii_digit()
            && b.get(i + 1..i + 4).is_some_and(|d| d[0].is_ascii_digit() && d[1].is_ascii_digit() && d[2] == b'/')
    });
    if !dated {
        return None;
    }
    let c = re!(concat!(
        r"(?:^|\s)\S+:\d+ \[\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2}(?:\.\d+)?\] ",
        r"\S+ \S+(?: \S+){0,2} (?:[+-]?\d+/){4}[+-]?\d+ (\d{3}) "
    ))
    .captures(line)?;
    Some(c.get(1)?.as_str())
}

/// W3C (IIS) access lines end with four numbers, the first of them the 3-digit status:
/// `… 404 0 2 15`.
fn ends_like_w3c(line: &str) -> bool {
    let line = line.trim_end();
    // most lines end in a word: settled without splitting
    if !line.as_bytes().last().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let mut n = 0;
    for tok in line.rsplit(' ').take(4) {
        if tok.is_empty() || !tok.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        n += 1;
        if n == 4 && tok.len() != 3 {
            return false;
        }
    }
    n == 4
}

/// The method and path of an access log line's request (`"GET /x HTTP/1.1"`, W3C fields, or a
/// JSON log's `method` and `uri`), query left out.
pub fn http_request(line: &str) -> Option<(&str, &str)> {
    let c = re!(concat!(
        // Gin quotes the path alone: `GET      "/items/7"`
        r#"\b(GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS|CONNECT|TRACE|PROPFIND) +"?([^\s?"]+)|"#,
        r#""method" *: *"(\w+)".*?"(?:uri|path|url)" *: *"([^"?]+)"#
    ))
    .captures(line)?;
    Some((
        c.get(1).or(c.get(3))?.as_str(),
        c.get(2).or(c.get(4))?.as_str(),
    ))
}

/// The virtual host that Apache's `vhost_combined` opens an access line with, and its port
/// (`shop.example.org:443 10.0.0.9 - - [06/Aug/2024:…] "GET / HTTP/1.1" 404 …`): the same path on
/// another host is another request. The client, identity and user follow it, then the time.
/// A host is a name or an address, never a time a console stamped the line with (`13:55:36`,
/// `2023-10-10T13:55:36`).
pub fn virtual_host(line: &str) -> Option<&str> {
    let (first, rest) = line.split_once(' ')?;
    let (host, port) = first.rsplit_once(':')?;
    let vhost = host.bytes().any(|b| b.is_ascii_alphabetic() || b == b'.')
        && !host.contains(':')
        && !port.is_empty()
        && port.bytes().all(|b| b.is_ascii_digit())
        && rest.split(' ').nth(3).is_some_and(|w| w.starts_with('['));
    vhost.then_some(first)
}

/// A syscall that failed, as strace prints it: `… = -1 ENOENT (No such file or directory)`.
pub fn failed_syscall(line: &str) -> bool {
    re!(r"\) += -1 E[A-Z]+\b").is_match(line)
}

/// An audit record whose outcome failed, as auditd writes it (and the journal and the kernel's
/// log quote it): a user's action `res=failed` (a login, an authentication: `type=USER_AUTH …
/// msg='op=PAM:authentication acct="root" … res=failed'`), a syscall `success=no`.
pub fn failed_audit(line: &str) -> bool {
    const FAILED: &[u8] = b" res=failed";
    let b = line.as_bytes();
    let ends = |at: usize| b.get(at).map_or(true, |c| !c.is_ascii_alphanumeric() && *c != b'_');
    finder!(FAILED).find_iter(b).any(|at| ends(at + FAILED.len())) || finder!(b" success=no ").find(b).is_some()
}

/// A response a client reports failed (HTTP status 400 or more): a status line (curl's `<
/// HTTP/1.1 404 Not Found`, whatever its reason says), or a status with its standard reason
/// (`go get -x`'s `…/v1.98.0.mod: 403 Forbidden (0.192s)`, `503 Service Unavailable`). For
/// lines that state no severity of their own: an access log's request fails by `http_status`.
pub fn failed_response(line: &str) -> bool {
    let b = line.as_bytes();
    if finder!(b"HTTP/").find(b).is_some() && re!(r"\bHTTP/\d(?:\.\d)? [45]\d\d\b").is_match(line) {
        return true;
    }
    // an FTP server's reply, which vsftpd's protocol log quotes (`FTP response: Client
    // "127.0.0.1", "553 Could not create file."`): 4xx and 5xx codes fail, as HTTP's do
    if finder!(b"FTP response: ").find(b).is_some() && re!(r#"FTP response: Client "[^"]*", "[45]\d\d[ -]"#).is_match(line) {
        return true;
    }
    // (a look at the bytes around each space first: this runs on every line the guard reads)
    let reason_follows = |i: usize| {
        i >= 3
            && matches!(b[i - 3], b'4' | b'5')
            && b[i - 2].is_ascii_digit()
            && b[i - 1].is_ascii_digit()
            && (i == 3 || !b[i - 4].is_ascii_alphanumeric())
            && b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
    };
    memchr::memchr_iter(b' ', b).any(reason_follows)
        && re!(concat!(
            r"(?:^|[\s:(])[45]\d\d (?:Bad Request|Unauthorized|Payment Required|Forbidden|Not Found|Method Not Allowed|",
            r"Not Acceptable|Proxy Authentication Required|Request Time-?out|Conflict|Gone|Length Required|",
            r"Precondition Failed|Payload Too Large|Request Entity Too Large|URI Too Long|Unsupported Media Type|",
            r"Range Not Satisfiable|Expectation Failed|Misdirected Request|Unprocessable (?:Entity|Content)|Locked|",
            r"Failed Dependency|Too Early|Upgrade Required|Precondition Required|Too Many Requests|",
            r"Request Header Fields Too Large|Unavailable For Legal Reasons|Internal Server Error|Not Implemented|",
            r"Bad Gateway|Service Unavailable|Gateway Time-?out|HTTP Version Not Supported|Insufficient Storage|",
            r"Loop Detected|Network Authentication Required)\b"
        ))
        .is_match(line)
}

/// The error words of the corpus's needle rules (case-insensitive, whole words), for lines
/// that state no severity of their own.
pub fn error_words(line: &str) -> bool {
    error_words_re().is_match(line)
}

/// The error words `line` holds, in order.
pub fn error_word_matches(line: &str) -> impl Iterator<Item = &str> {
    error_words_re().find_iter(line).map(|m| m.as_str())
}

fn error_words_re() -> &'static regex::Regex {
    re!(concat!(
        r"(?i)\b(errors?|fail(ed|ure|ures)?|fatal|exception|panic|abort(ed)?|denied|refused|invalid|",
        r"timeout|timed out|unable|cannot|can't|could not|couldn't|unreachable|corrupt(ed|ion)?|",
        r"crash(ed)?|killed|segfault|critical|severe|unavailable|not responding|down)\b"
    ))
}

/// Whether a level field anywhere in `line` says error or worse (`level=error` at the end of a
/// logfmt line, `"level":"fatal"` after a long JSON payload): `severity` reads only a line's
/// first tokens.
pub fn level_field_says_error(line: &str) -> bool {
    re!(concat!(r#"(?i)\b("#, level_keys!(), r#")"? *[=:] *"?(\w+)"#))
        .captures_iter(line)
        .any(|c| word_severity(&c[2]).is_some_and(|s| s >= Severity::Error))
}

/// Whether a line reports a problem: a severity of error or worse, an HTTP status ≥ 400 in
/// an access log, a failed syscall, an exception line, or an error word in a line that speaks for
/// a program (a log event, `prog: …`, `error: …`). An error word in prose, a man page, a commit
/// message or a diff's context is no failure.
pub fn is_errorish(line: &str) -> bool {
    problem(line) == Problem::Reported
}

/// How a line speaks of a problem (see `is_errorish`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// it reports one
    Reported,
    /// it states no level, status or syscall's result, and names a failure in words somewhere
    /// else than in its own voice: in a quoted value, an echoed command, an argument (`echo
    /// "[xvfb.sh:error]"`, `job 12 failed`). A log's reader searches for those words wherever
    /// they stand; in prose they are no failure.
    Named,
    None,
}

pub fn problem(line: &str) -> Problem {
    // a line says how it went as a terminal shows it, without its colours (NestJS's `ESC[33mGET
    // /items/abc23 400 1msESC[39m` is a failed request)
    if let Some(plain) = crate::escapes::strip(line) {
        return problem(&plain);
    }
    // a log's line as `grep -n` quotes it says how it went as the log said it
    let line = quoted_log_line(line).unwrap_or(line);
    // an access log entry fails by its status, whatever level it was logged at; a success
    // fails only by its level (an application's `ERROR GET /x 200 9012ms: slow`), never by
    // the words of its path or agent
    if let Some(status) = http_status(line) {
        let failed = status >= 400 || declared(line).is_some_and(|s| s >= Severity::Error);
        return if failed { Problem::Reported } else { Problem::None };
    }
    match declared(line) {
        Some(s) if s >= Severity::Error => Problem::Reported,
        Some(Severity::Warn) if crashed(line) => Problem::Reported,
        Some(_) => Problem::None,
        None if failed_syscall(line) || failed_response(line) || is_kernel_fault(line) || failed_audit(line) => Problem::Reported,
        None => reports_error(line),
    }
}

/// Whether `line` reports a process that a crash ended: a signal that kills for a fault, an
/// abort or a kill (php-fpm's `child 7781 exited on signal 11 (SIGSEGV)`, Apache's `child pid
/// 5678 exit signal Segmentation fault (11)`, pm2's `exited with code [0] via signal
/// [SIGSEGV]`, supervisord's `exited: api (terminated by SIGABRT (core dumped); not
/// expected)`, PostgreSQL's `server process (PID 5493) was terminated by signal 11`, Postfix's
/// `smtpd pid 5493 killed by signal 11`, systemd's `code=dumped, status=6/ABRT`, the kernel's
/// `crasher[15353]: segfault at c ip …`, strace's `+++ killed by SIGSEGV +++`). A crash is
/// an error where no level is stated, and where a warning's is. A signal to stop (`SIGTERM`, `SIGINT`) ends no
/// process in failure, and neither does a kill a supervisor was asked for (`stopped: api
/// (terminated by SIGKILL)`).
pub fn crashed(line: &str) -> bool {
    // (most lines name no signal: a look for one first)
    let b = line.as_bytes();
    (finder!(b"ignal").find(b).is_some() || finder!(b"SIG").find(b).is_some() || finder!(b"code=").find(b).is_some() || finder!(b"fault").find(b).is_some() || finder!(b"traps: ").find(b).is_some())
        && re!(concat!(
            // a process ended by a signal, and which one: its name, or its number as a number
            // stands alone (`signal 11 (SIGSEGV)`, `signal 11: Segmentation fault`, uWSGI's
            // `killed by signal 11 :(`, not `signal 8 of 10 retries`, `signal 9.5` nor
            // `SIGKILLED`)
            r"(?i)(?:\bexit(?:ed)?\b(?:[^.;]{0,40}?\b(?:on|by|via|with|due to))?[ \[(]{1,2}signal[ \[(:=]{1,3}",
            r"|\bexited\b[^;]{0,40}?\bterminated by (?:signal )?|\b(?:terminated|killed) by signal )",
            r"(?:(?:SIG)?(?:SEGV|BUS|ABRT|ILL|FPE|KILL)\b|Segmentation fault|Bus error|Aborted\b|(?:11|9|6|7|4|8)(?:\.?\s*$|[)\]:,;/(]|\s+(?:[^o\s]|o[^f]|of\w)))",
            // systemd: a core dumped, or a fault's signal (a kill there is a stop that timed out)
            r"|\bcode=dumped, status=|\bcode=killed, status=(?:\d+/)?(?:SEGV|BUS|ABRT|ILL|FPE)\b",
            // the kernel, of a program it ended for a fault (`python3[8136]: segfault at 0 ip …`,
            // `traps: app[77] general protection fault ip:…`, `… trap divide error …`)
            r"|\S\[\d+\]: segfault at [0-9a-f]+ ip |\btraps: \S+\[\d+\] (?:general protection|trap )",
            // glog's and abseil's failure handlers: `*** SIGSEGV (@0x8) received by PID 23929 (TID
            // …)`, `*** SIGSEGV received at time=1733400000 on cpu 3 ***`
            r"|\*\*\* SIG(?:SEGV|BUS|ABRT|ILL|FPE) (?:\(@0x[0-9a-f]+\) received by PID |received at time=)",
            // strace, of a traced process (`+++ killed by SIGSEGV (core dumped) +++`)
            r"|\+\+\+ killed by SIG(?:SEGV|BUS|ABRT|ILL|FPE|KILL)\b",
        ))
        .is_match(line)
}

/// Whether `line` notes a value under a traceback's line of code, as loguru's `diagnose` does:
/// indented, a bar down to each name and a corner at its value (`          │      └
/// {'kind': 'sync', 'id': 'inv-7'}`).
pub fn notes_a_value(line: &str) -> bool {
    line.starts_with(' ') && matches!(line.trim_start().chars().next(), Some('│' | '└'))
}

/// `line` without the stamp a CI service writes before each line of a job's output: GitHub
/// Actions' time (`2024-05-01T12:00:00.0370000Z `), Jenkins' timestamper's (`[2024-05-01T12:00:00.037Z] `),
/// a script's own (`ts '%FT%.T'`, `date -Ins`: `2024-05-01T12:00:00.037312+00:00 `; `ts '%b %d
/// %.T'`: `Dec 05 19:28:42.142911 `, whose fraction of a second no syslog header has), BuildKit's
/// step and seconds (`#9 0.503 `).
pub fn unstamped(line: &str) -> &str {
    // (GitLab's raw trace writes its stream after the time, `2026-12-05T01:11:17.692910Z 01O `,
    // and so does the kubelet in a pod's log file, `2026-12-05T01:53:48.32239221Z stderr F `,
    // `P` where it split a long line)
    let stamp = re!(r"^(\[?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([.,]\d+)?(Z|[+-]\d\d:?\d\d)?\]?( \d\d[OE]\+?| std(out|err) [FP])?|#\d+ \d+\.\d+|[A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d\.\d{6}) ");
    stamp.find(line).map_or(line, |m| &line[m.end()..])
}

/// Whether `line` places the line of code printed under it, as a traceback's frame does:
/// Python's `File "a.py", line 12, in f` (behind an exception group's `|` rails too, or
/// loguru's `> ` at the frame that caught it), pytest's short `tests/a.py:12: in f`; and as
/// a compiler's diagnostic does, GCC's and Clang's `io.c:56:13: warning: ignoring return
/// value …` over the line it is about (behind the branch a Jenkins job runs in parallel, `[Build
/// on Ubuntu 18.04] `). Not a place printed under its code (pytest's long `a.py:12: `, a Rust
/// backtrace's `at ./src/lib.rs:3:45`).
pub fn places_code_below(line: &str) -> bool {
    // (loguru marks the frame that caught the exception with `> `)
    let l = line.trim_start_matches([' ', '|', '+', '>']);
    re!(r#"^File ".+", line \d+, in \S"#).is_match(l)
        || re!(r"^\S+\.py:\d+: in \S+\s*$").is_match(l)
        || re!(r"^(\[[^\]]+\] )?[^\s:]+:\d+:\d+: (warning|error|fatal error|note): ").is_match(l)
}

/// The line `grep -n` quotes from a log file (`/var/log/apt/term.log:4508:dpkg: error …` ->
/// `dpkg: error …`): a file in a `log` directory, or named `.log`, `.err` or `.out`. A source
/// file's line (`src/app.py:12:    log.error(…)`) is code, whatever its words.
fn quoted_log_line(line: &str) -> Option<&str> {
    // cheap check first: this runs on every line the guard reads. The quote opens the line
    // with a path of words, dots, `@`, `-` and slashes, then a colon: most lines (a time, a
    // level, a word and a space) are settled by their first bytes
    let head = line.bytes().find(|&c| !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'@' | b'-' | b'/') || c >= 0x80));
    if head != Some(b':') {
        return None;
    }
    let quote = re!(r"^(?:[\w.@-]*/)*(?:[\w.@-]*/)?(?:logs?/[\w.@/-]+|[\w.@-]+\.(?:log|err|out)(?:\.\d+)?):\d+:").find(line)?;
    Some(&line[quote.end()..])
}

/// What a line's counts of failures say, where its error words name such counts
/// (`key=N`): Ansible's recap, `web03 : ok=5 changed=3 unreachable=0 failed=1 skipped=0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tally {
    /// a count above zero: the line reports failures
    Failures,
    /// every error word is a count's name, and every count is zero: all went well
    None,
    /// counts of zero, and error words elsewhere besides: the words say
    Mixed,
}

/// The failures counted in `line` (see `Tally`), or `None` when it counts none.
pub fn failure_tally(line: &str) -> Option<Tally> {
    match counts_named(line) {
        None => Some(Tally::Failures),
        Some(0) => None,
        Some(n) if error_word_matches(line).count() == n => Some(Tally::None),
        Some(_) => Some(Tally::Mixed),
    }
}

/// Whether `text` counts failures above none in a field of its own (see `failure_tally`), at
/// whatever level it was logged: dbt's `[info ] … Done. PASS=42 WARN=0 ERROR=24 SKIP=13
/// TOTAL=79`, a runner's `Tests run: 12, Failures: 2`. The run it sums up failed. (The log
/// reads it below a warning; the guard reads the level a line states, and asking on every line
/// it reads cost more than the log's asking.)
pub fn tallies_failures(text: &str) -> bool {
    may_count_failures(text.as_bytes()) && failure_tally(text) == Some(Tally::Failures)
}

/// Whether a `=` or a `:` in `b` follows an error word and comes before a count above none, as
/// in a tally (`ERROR=24`, `Failures: 2`): a look that spares most lines `counts_named`'s
/// expression, since it runs on every line stated below a warning.
fn may_count_failures(b: &[u8]) -> bool {
    const WORDS: [&[u8]; 7] = [b"failed", b"failure", b"failures", b"error", b"errors", b"unreachable", b"crashed"];
    // each word's last four letters, in small letters, read as one number: most `=` and `:`
    // (a time's, a logfmt key's) are settled by one comparison of the four bytes before them
    const ENDS: [u32; 7] = {
        let mut ends = [0; 7];
        let mut i = 0;
        while i < WORDS.len() {
            let w = WORDS[i];
            ends[i] = u32::from_le_bytes([w[w.len() - 4], w[w.len() - 3], w[w.len() - 2], w[w.len() - 1]]);
            i += 1;
        }
        ends
    };
    memchr::memchr2_iter(b'=', b':', b).any(|at| {
        let end = at.checked_sub(4).map(|s| u32::from_le_bytes([b[s], b[s + 1], b[s + 2], b[s + 3]]) | 0x2020_2020);
        end.is_some_and(|end| ENDS.contains(&end))
            && WORDS.iter().any(|w| at >= w.len() && b[at - w.len()..at].eq_ignore_ascii_case(w))
            && b[at + 1..].iter().skip_while(|&&c| matches!(c, b' ' | b'"')).take_while(|c| c.is_ascii_digit()).any(|&c| c != b'0')
    })
}

/// How many error words of `line` name a count of none in a field of its own (`failed=0`), or
/// `None` when one names a count above it.
fn counts_named(line: &str) -> Option<usize> {
    // (a look for the `=` or `:` first: this runs on lines with error words only, most
    // without one)
    if memchr::memchr2(b'=', b':', line.as_bytes()).is_none() {
        return Some(0);
    }
    // (a field of its own: a query's `?error=1` or a setting's `max-errors=10` counts nothing;
    // a count after a colon too, as `dotnet test` writes its summary: `Passed!  - Failed:     0,
    // Passed:     1`)
    let counts = re!(r#"(?i)(?:^|[\s,;(\[])(?:failed|failures?|errors?|unreachable|crashed)(?:=|: *)"?(\d+)"?"#);
    let ends_field = |end: usize| line[end..].chars().next().map_or(true, |c| c.is_whitespace() || matches!(c, ',' | ';' | ')' | ']'));
    let mut zeros = 0;
    for c in counts.captures_iter(line).filter(|c| ends_field(c.get(0).map_or(0, |m| m.end()))) {
        if c[1].bytes().any(|d| d != b'0') {
            return None;
        }
        zeros += 1;
    }
    Some(zeros)
}

/// Whether each error word of `line` names a count of none, as a tally writes it before its
/// number or after it (`23 passed, 0 failed (23 total)`, cloud-init's `Ran 12 modules with 0
/// failures`, tsc's `Found 0 errors.`, `failed=0`): all went well.
pub fn tallies_no_failure(line: &str) -> bool {
    // (counts of none in both forms on one line: `failed=0, 0 errors`)
    counts_named(line).is_some_and(|named| {
        let zeros = named + re!(r"(?i)(?:^|[\s,;(\[])0 (?:failed|failures?|errors?)\b").find_iter(line).count();
        zeros > 0 && error_word_matches(line).count() == zeros
    })
}

fn reports_error(line: &str) -> Problem {
    // an exception line, or an OS error as Python prints one anywhere in a line (`connect
    // failed: [Errno 111] Connection refused`)
    // (Ruby names its class in its modules, and Rails puts the message in parentheses:
    // `ActionController::RoutingError (No route matches [GET] "/admin/.env"):`, closed on a
    // line below when the message goes on, as `NoMethodError (undefined method `portrated='
    // for #<Character:0x…>` over `Did you mean?  portrayed=`)
    if re!(r"^[\w.$]+(::[\w$]+)*(Error|Exception)(: | \(.*\):$| \([^)]*$|$)|\[Errno \d+\] ").is_match(line.trim_end()) {
        return Problem::Reported;
    }
    if !error_words(line) {
        return Problem::None;
    }
    match failure_tally(line) {
        Some(Tally::Failures) => return Problem::Reported,
        Some(Tally::None) => return Problem::None,
        _ => {}
    }
    // a program's own voice: `prog: …`, `prog[12]: …`, `E: …`, `npm ERR! …`, a compiler's
    // `file:12:5: error: …`, or a line that starts with the error word (`fatal: …`, `FAILED
    // tests/…`, `Error: …`); a path before the colon is `grep -r` quoting a file, not a program
    let voiced = re!(concat!(
        r"^([\w.@-]+(\[\d+\])?:( |$)|[\w-]+ ERR!|\S+:\d+(:\d+)?: (fatal )?error\b|",
        r"\W{0,3}(?i:error|errors|fatal|failed|failure|panic|exception|abort|aborted|unable|cannot|can't|could not|couldn't|killed|segfault|critical|invalid|denied|refused)\b)"
    ))
    .is_match(line)
        || opens_event(line);
    if voiced {
        Problem::Reported
    } else if is_strace(line) {
        // a call's result says how it went, whatever the words of its arguments
        Problem::None
    } else {
        Problem::Named
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_syslog_priority_in_words_states_an_error_to_the_log_and_the_guard() {
        // BusyBox's syslogd and OpenWrt's `logread`: the facility and severity after the host or
        // the time
        for line in ["May 15 13:15:59 anyka user.err kernel: gc1024_set_poweron", "Sun Dec  6 10:00:00 2026 daemon.err odhcpd[1234]: Failed to send to ff02::1%br-lan", "May 15 13:15:59 anyka local7.crit app: disk gone"] {
            assert!(declared(line).is_some_and(|s| s >= Severity::Error), "{line}");
            assert!(crate::log::level(line) >= Severity::Error, "{line}");
            assert_eq!(problem(line), Problem::Reported, "{line}");
        }
        // below an error's, the words say how it went; and a message that names a priority
        // states none
        for line in ["May 15 13:15:56 anyka user.info kernel: Booting Linux on physical CPU 0", "May 15 13:15:56 anyka user.warn kernel: CPU: ARM926EJ-S revision 5", "+ logger -p user.err backup finished", "Jan  1 10:00:00 host rsyslogd: forwarding kern.crit to /dev/console"] {
            assert!(declared(line).is_none_or(|s| s < Severity::Error), "{line}");
            assert!(crate::log::level(line) < Severity::Error, "{line}");
        }
    }

    #[test]
    fn a_request_logged_through_syslog_fails_by_its_status_as_one_logged_alone() {
        // HAProxy logs through syslog, and writes `<BADREQ>` for a request it could not read
        let entry = r#"203.116.206.254 - - [10/Nov/2016:07:10:57 +0000] "<BADREQ>" 400 187 "" "" 33813 470 "bayer" "bayer" "<NOSRV>" -1 -1 -1 -1 48 PR-- 6 6 0 0 0 0 0"#;
        for line in [entry.to_string(), format!("Nov 10 15:10:57 haproxy haproxy[489]: {entry}"), format!("2016-11-10T15:10:57.000001+08:00 lb haproxy[489]: {entry}")] {
            assert_eq!(http_status(&line), Some(400), "{line}");
            assert_eq!(status_after_command(&line).map(|(_, _, s)| s), Some("400"), "{line}");
        }
        // a line that merely quotes a bracket and a status behind a syslog header is none
        assert_eq!(status_after_command("Nov 10 15:10:57 host app[1]: saw [x] \"y\" 400 times"), None);
        // a connection that sent nothing, answered 400 (Apache's `vhost_combined`)
        let empty = r#"neutralbank.app:443 139.59.58.140 - - [06/Aug/2024:02:57:00 +0000] "" 400 3043 "-" "-""#;
        assert_eq!(status_after_command(empty).map(|(_, _, s)| s), Some("400"));
        assert_eq!(http_status(empty), Some(400));
    }

    #[test]
    fn a_framework_states_a_failed_requests_status_by_its_reason() {
        assert_eq!(reason_request("2025-01-03 02:32:31,711 - django.request - WARNING - Not Found: /.env"), Some((404, "", "/.env")));
        assert_eq!(reason_request("WARNING django.request: Forbidden (CSRF token missing.): /login/"), Some((403, "", "/login/")));
        assert_eq!(reason_request("Method Not Allowed (POST): /api/items/"), Some((405, "POST", "/api/items/")));
        assert_eq!(reason_request("ERROR Internal Server Error: /api/orders/7/"), Some((500, "", "/api/orders/7/")));
        assert_eq!(reason_request("WARNING:django.request:Not Found: /x"), Some((404, "", "/x")));
        assert_eq!(reason_request("ERROR 2025-01-03 02:00:00,241 log 1234 140234838 Internal Server Error: /api/search/"), Some((500, "", "/api/search/")));
        assert_eq!(reason_request("[2025-01-03 02:32:31] [WARNING] Gone: /old/"), Some((410, "", "/old/")));
        // the reason in a message's words, after a level that fails nothing, inside a word, a
        // path with words after it, or no reason: no request
        assert_eq!(reason_request("2025-01-03 02:00:01,001 DEBUG cache.lookup miss Not Found: /users/7/profile"), None);
        assert_eq!(reason_request("2025-01-03 02:00:01,001 ERROR loader certificate Not Found: /srv/app/cert.9"), None);
        assert_eq!(reason_request("2025-01-03 02:00:01,001 INFO django.server Not Found: /x"), None);
        assert_eq!(reason_request("INFO PageNot Found: /x"), None);
        assert_eq!(reason_request("Not Found: /x because the index is stale"), None);
        assert_eq!(reason_request("INFO Serving static files from: /srv/static"), None);
        assert_eq!(http_status("2025-01-03 02:32:31,711 - django.request - WARNING - Not Found: /.env"), Some(404));
    }

    #[test]
    fn a_js_engine_frame_is_a_function_at_a_place() {
        for f in ["DevTools RDP*request@resource://devtools/shared/protocol/Front.js:299:14",
            "thunk/</</<@resource://devtools/client/shared/redux/middleware/thunk.js:17:11",
            "@http://localhost:8080/app.js:3:7", "f@/srv/app.js:10:2"] {
            assert!(is_js_engine_frame(f), "{f}");
        }
        for f in ["user@example.com:22:1", "mail from alice@host sent at 10:00:01", "at f (a.js:1:2)", "x@y", "see bob@http://x:1:2",
            "contact us at support@https://help.example.com/ticket:12:3", "Deploy done by admin@/srv/app/releases/20240101:22:1"] {
            assert!(!is_js_engine_frame(f), "{f}");
        }
    }

    #[test]
    fn a_line_in_colours_says_how_it_went_as_a_terminal_shows_it() {
        // NestJS colours its request line: the request failed by its status all the same
        let nest = "\x1b[33m[Nest] 12549  - \x1b[39m12/05/2026, 4:31:42 PM \x1b[33m   WARN\x1b[39m \x1b[38;5;3m[HTTP] \x1b[39m\x1b[33mGET /items/abc23 400 1ms\x1b[39m";
        assert_eq!(problem(nest), Problem::Reported);
        assert_eq!(problem(&nest.replace(" 400 ", " 200 ")), Problem::None);
    }

    #[test]
    fn glib_writes_its_level_after_its_domain() {
        let line = |level: &str| format!("(gtk_misuse.py:22380): Gtk-{level} **: 16:33:08.960: gtk_grid_attach: assertion '_gtk_widget_get_parent (child) == NULL' failed");
        assert_eq!(declared(&line("CRITICAL")), Some(Severity::Error));
        assert_eq!(declared(&line("WARNING")), Some(Severity::Warn));
        assert_eq!(declared(&line("ERROR")), Some(Severity::Fatal));
        assert_eq!(declared("(gtk_misuse.py:22380): GLib-GObject-CRITICAL **: 16:33:08.961: g_object_unref: assertion 'G_IS_OBJECT (object)' failed"), Some(Severity::Error));
        assert_eq!(declared("(gtk_misuse.py:22380): Gtk-DEBUG: 16:33:08.950: Connecting to session manager"), Some(Severity::Other));
        // a hyphenated word that ends in a level word is no GLib domain's; a lower-case domain
        // is, with its stars
        assert_eq!(declared("pre-WARNING the build goes on"), None);
        assert_eq!(declared("(nautilus:4012): tracker-CRITICAL **: 10:00:01.000: Could not connect"), Some(Severity::Error));
    }

    #[test]
    fn the_x_server_marks_its_level_in_parentheses() {
        assert_eq!(declared(r#"[  1203.572] (EE) Failed to load module "libinput" (module does not exist, 0)"#), Some(Severity::Error));
        assert_eq!(declared("[  1203.571] (WW) Warning, couldn't open module libinput"), Some(Severity::Warn));
        assert_eq!(declared("[  1203.570] (II) LoadModule: \"libinput\""), Some(Severity::Other));
        assert_eq!(declared("[  1203.570] (==) Using config file: \"/etc/X11/xorg.conf\""), Some(Severity::Other));
        // a word in parentheses elsewhere is none, and so is a marker inside a sentence
        assert_eq!(declared("(EX) something happened"), None);
        assert_eq!(declared("2024-05-01 10:00:13 worker-3 step (II) failed: error reading /data/part-13.bin"), Some(Severity::Error));
    }

    #[test]
    fn a_workers_failure_relayed_as_a_warning_is_declared_as_the_worker_said_it() {
        let fpm = |said: &str| format!("[07-Dec-2026 01:50:10] WARNING: [pool www] child 10460 said into stderr: \"{said}\"");
        let fatal = fpm("NOTICE: PHP message: PHP Fatal error:  Uncaught JsonException: Syntax error in /srv/index.php:22");
        assert_eq!(relayed(&fatal), Some("PHP Fatal error:  Uncaught JsonException: Syntax error in /srv/index.php:22"));
        assert_eq!(declared(&fatal), Some(Severity::Error));
        assert_eq!(problem(&fatal), Problem::Reported);
        // a warning, or a line of its trace, stays the warning php-fpm states
        assert_eq!(declared(&fpm("NOTICE: PHP message: PHP Warning:  Undefined variable $x in /srv/index.php on line 18")), Some(Severity::Warn));
        assert_eq!(declared(&fpm("#0 /srv/index.php(21): intdiv()")), Some(Severity::Warn));
        // (a worker's words with no mark are read whole; a sentence that names no stream is none)
        assert_eq!(relayed("WARNING: [pool www] child 7 said into stdout: \"ERROR: cache down\""), Some("ERROR: cache down"));
        assert_eq!(relayed("2026-12-07 01:50:10 INFO he said into the mic: \"error\""), None);
    }

    #[test]
    fn capnslog_states_its_level_in_a_letter_before_a_bar() {
        let line = |letter: &str| format!("2026-12-05 16:07:57.731976 {letter} | rafthttp: failed to read 12540f5a932cacd0 on stream MsgApp v2 (context canceled)");
        for (letter, level) in [("E", Severity::Error), ("C", Severity::Fatal), ("W", Severity::Warn), ("I", Severity::Other), ("N", Severity::Other)] {
            assert_eq!(declared(&line(letter)), Some(level), "{letter}");
        }
        // a letter that opens a row of a table is none, nor one after a number that is no time
        assert_eq!(declared("C | 12 | 40"), None);
        assert_eq!(crate::log::level("Bob      1001 A | good work"), Severity::Other);
        assert_eq!(crate::log::level("Ann      1002 E | needs review"), Severity::Other);
        // a letter after no number is no logcat level: duplicity's file added, `A`
        assert_eq!(crate::log::level(". A app/models/user.py"), Severity::Other);
        assert_eq!(crate::log::level("12-05 18:00:00.123  1234  1240 A DEBUG   : Abort message: 'x'"), Severity::Fatal);
    }

    #[test]
    fn a_header_in_brackets_or_a_banner_states_its_level() {
        let chromium = "[6256:6329:1205/112927.573781:ERROR:dbus/bus.cc:405] Failed to connect to the bus";
        assert_eq!(declared(chromium), Some(Severity::Error));
        assert!(opens_event(chromium));
        // without its pid and thread, its line in parentheses, and at a verbose level
        assert_eq!(declared("[1205/112929.465958:WARNING:file_io_posix.cc(145)] open /sys/x"), Some(Severity::Warn));
        assert_eq!(declared("[6256:6256:1205/112927.572369:VERBOSE1:api_key_cache.cc:120] Using default value"), Some(Severity::Other));
        // Erlang/OTP: a crash report is an error, a progress report news
        assert_eq!(declared("=CRASH REPORT==== 5-Dec-2026::11:27:54.962830 ==="), Some(Severity::Error));
        assert_eq!(declared("=SUPERVISOR REPORT==== 5-Dec-2026::11:27:54.964923 ==="), Some(Severity::Error));
        assert_eq!(declared("=PROGRESS REPORT==== 5-Dec-2026::11:27:54.964923 ==="), Some(Severity::Other));
        assert!(is_report_header("=ERROR REPORT==== 5-Dec-2026::11:28:02.770250 ==="));
        // a bracketed number or a line of `=` is no such header
        assert_eq!(banner_level("[12] ERROR: x"), None);
        assert_eq!(banner_level("=================="), None);
        assert!(!is_report_header("=ERROR REPORT==== see below"));
    }

    #[test]
    fn an_audit_record_that_failed_reports_it() {
        // auditd: a user's action and its result, a syscall's `success=`
        let auth = |res: &str| format!("type=USER_AUTH msg=audit(1480378451.469:53): user pid=1719 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:sshd_t:s0-s0:c0.c1023 msg='op=password acct=\"root\" exe=\"/usr/sbin/sshd\" hostname=? addr=192.168.98.1 terminal=ssh res={res}'");
        assert_eq!(problem(&auth("failed")), Problem::Reported);
        assert_eq!(problem(&auth("success")), Problem::None);
        let syscall = |ok: &str| format!("type=SYSCALL msg=audit(1480378451.470:54): arch=c000003e syscall=2 success={ok} exit=-13 a0=7ffd items=1 ppid=1 pid=1719 auid=0 uid=0 comm=\"cat\" exe=\"/usr/bin/cat\" key=\"shadow\"");
        assert_eq!(problem(&syscall("no")), Problem::Reported);
        assert_eq!(problem(&syscall("yes")), Problem::None);
        // a value that only begins like a failure is none
        assert!(!failed_audit("type=SERVICE_START msg=audit(1.2:3): pid=1 msg='unit=ha res=failover_ok'"));
    }

    #[test]
    fn a_line_one_space_in_may_be_an_event_of_its_own() {
        // Next.js's requests and steps, koa-logger's requests behind their arrows
        for line in [" GET /api/orders 500 in 7ms", " ✓ Compiled /api/orders in 133ms", " ⨯ Error: ORDERS_DB_URL is not set", "  <-- GET /missing", "  --> GET /missing 404 46ms 9b", "  xxx POST /comments 500 1ms -"] {
            assert!(spaced_event(line), "{line}");
        }
        // a trace's frames and an error's details stay its lines: vitest's `❯` frames, Node's
        // and Java's `at`, a request quoted in a sentence
        for line in [" ❯ src/cart.ts:22:3", "    at queryOrders (pages/api/orders.js:10:22)", "  GET is what the client sent", "  GET /x 404 1ms", " --> GET /missing 404 46ms 9b", "   GET /x 404 1ms", "  ✓ renders the cart (5 ms)"] {
            assert!(!spaced_event(line), "{line}");
        }
    }

    #[test]
    fn mysqls_note_is_a_level() {
        // MySQL's and MariaDB's error log: a note that says `down` reports no error
        for (code, level) in [("Note", Severity::Other), ("Warning", Severity::Warn), ("ERROR", Severity::Error)] {
            let line = format!("2018-03-04 03:09:43 50 [{code}] Shutting down plugin 'INNODB_SYS_FOREIGN'");
            assert_eq!(declared(&line), Some(level), "{code}");
            assert_eq!(crate::log::level(&line), level, "{code}");
        }
        assert_eq!(problem("2018-03-04 03:09:43 50 [Note] Shutting down plugin 'partition'"), Problem::None);
        // a note in a sentence states no level: its words say how it went
        assert_ne!(problem("Please note: the nightly backup to s3://bk failed"), Problem::None);
        assert_eq!(problem("2024-01-15 10:00:00 app: note: the nightly backup to s3://bk failed"), Problem::Reported);
        assert_eq!(problem("2020-01-01T10:00:00.123456Z 0 [Note] [MY-010120] [Server] Binlog end: crash recovery finished"), Problem::None);
    }

    #[test]
    fn levels_cut_to_three_or_four_letters_are_read() {
        // zerolog's console, Serilog and the NATS server write three letters; the NATS
        // server's trace of an `-ERR` it sent a client is a trace, not an error
        for (code, level) in [("FTL", Severity::Fatal), ("ERR", Severity::Error), ("WRN", Severity::Warn), ("INF", Severity::Other), ("DBG", Severity::Other)] {
            assert_eq!(declared(&format!("6:08PM {code} connection to peer 3 dropped")), Some(level), "{code}");
            assert_eq!(declared(&format!("[18:08:16 {code}] connection to peer 3 dropped")), Some(level), "{code}");
            assert_eq!(crate::log::level(&format!("[18:08:16 {code}] connection to peer 3 dropped")), level, "{code}");
        }
        let nats = "[18965] 2026/12/05 18:09:04.230315 [TRC] 127.0.0.1:53234 - cid:51 - ->> [-ERR maximum connections exceeded]";
        assert_eq!(declared(nats), Some(Severity::Other));
        assert_eq!(declared("[18965] 2026/12/05 18:09:04.230315 [WRN] 127.0.0.1:53234 - cid:51 - Readloop processing time: 2.1s"), Some(Severity::Warn));
        // logrus's text on a terminal: four letters, then the seconds since start or the time
        for (code, level) in [("ERRO", Severity::Error), ("FATA", Severity::Fatal), ("PANI", Severity::Fatal), ("WARN", Severity::Warn), ("INFO", Severity::Other), ("DEBU", Severity::Other)] {
            assert_eq!(declared(&format!("{code}[0003] connection to peer 3 dropped                  peer=3")), Some(level), "{code}");
            assert_eq!(declared(&format!("{code}[2026-12-05T18:08:16Z] connection to peer 3 dropped")), Some(level), "{code}");
            assert_eq!(crate::log::level(&format!("{code}[0003] connection to peer 3 dropped")), level, "{code}");
        }
        // Minetest's, after its time, glued to the thread
        for (code, level) in [("ERROR", Severity::Error), ("WARNING", Severity::Warn), ("ACTION", Severity::Other), ("INFO", Severity::Other)] {
            let line = format!("2026-12-05 18:46:56: {code}[Server]: [buggymod] cannot open config for zones");
            assert_eq!(crate::log::level(&line), if code == "ACTION" { Severity::Other } else { level }, "{code}");
            if code != "ACTION" {
                assert_eq!(declared(&line), Some(level), "{code}");
            }
        }
        assert_eq!(crate::log::level(nats), Severity::Other);
        // where no header puts them, the letters name something else
        let pihole = "[2026-12-05 10:00:00.000 1234M] FTL branch: master";
        assert_eq!(declared(pihole), None);
        assert_eq!(crate::log::level(pihole), Severity::Other);
        assert_eq!(crate::log::level("2026-12-05T10:00:00Z PNC bank sync started"), Severity::Fatal);
        assert_eq!(crate::log::level("2026-12-05 10:00:00 started PNC bank sync"), Severity::Other);
        assert_eq!(declared("TODO[1] fix this"), None);
    }

    #[test]
    fn a_word_after_a_comma_is_no_level() {
        // Go's idiom for a call that returned no error, in a sentence of the message
        let line = "2026/12/05 18:08:15.400806 fetched 50, err <nil>";
        assert_eq!(declared(line), None);
        assert_eq!(crate::log::level(line), Severity::Other);
        // where the header puts it, a word in lower case is a level
        assert_eq!(declared("2026/12/05 18:08:15.400806 error connecting to db"), Some(Severity::Error));
        // (a level spelt as one after a comma is a level still)
        for line in ["2026-12-05 10:00:00 app=api, level=error, msg=db down", "2026-12-05 10:00:00 upstream closed, err: EOF", "2026-12-05 10:00:00 request failed, Error: timeout"] {
            assert_eq!(crate::log::level(line), Severity::Error, "{line}");
        }
        // (a comma may close a time: Windows' CBS log)
        assert_eq!(crate::log::level("2016-09-29 00:00:46, Info                  CBS    SQM: Warning: Failed to upload all unsent reports."), Severity::Other);
    }

    #[test]
    fn a_count_of_errors_is_no_level() {
        // a watcher's summary counts the errors its own lines reported: the marker over them
        // counted each twice
        let summary = "[11:55:42 AM] Found 1 error. Watching for file changes.";
        assert_eq!(declared(summary), None);
        assert_eq!(crate::log::level(summary), Severity::Other);
        assert_eq!(crate::log::level("webpack 5.113.0 compiled with 1 error in 70 ms"), Severity::Other);
        // a pid before a level, and a flag before a state, are no counts
        assert_eq!(crate::log::level("2024-01-01 10:00:00,123 12345 ERROR db down"), Severity::Error);
        assert_eq!(crate::log::level("2563073 gige7 gige temperature 1073610711 1 critical"), Severity::Fatal);
    }

    #[test]
    fn monologs_numbered_levels_are_read() {
        let record = |level: u32, name: &str| format!(r#"{{"message":"payment failed","context":{{}},"level":{level},"level_name":"{name}","channel":"shop","datetime":"2026-12-05T11:24:52.362277+00:00"}}"#);
        assert_eq!(declared(&record(400, "ERROR")), Some(Severity::Error));
        assert_eq!(declared(&record(300, "WARNING")), Some(Severity::Warn));
        assert_eq!(declared(&record(550, "ALERT")), Some(Severity::Fatal));
        assert_eq!(declared(&record(250, "NOTICE")), Some(Severity::Other));
        // a job's priority is no level (a review's case: 500 read as fatal)
        assert_eq!(declared(r#"{"msg":"job enqueued","time":"2026-12-05T11:24:52Z","priority":500}"#), Some(Severity::Other));
    }

    #[test]
    fn counts_of_failures_say_whether_a_line_reports_one() {
        let recap = |failed: u32| format!("web03                      : ok=5    changed=3    unreachable=0    failed={failed}    skipped=0");
        assert_eq!(failure_tally(&recap(1)), Some(Tally::Failures));
        assert_eq!(problem(&recap(1)), Problem::Reported);
        assert_eq!(failure_tally(&recap(0)), Some(Tally::None));
        assert_eq!(problem(&recap(0)), Problem::None);
        // the words speak where a count of none stands beside them
        assert_eq!(failure_tally("sync: errors=0, 3 uploads failed"), Some(Tally::Mixed));
        assert_eq!(failure_tally("sync finished with no errors"), None);
        // a count is a field of its own, and fields stand one after the other
        assert_eq!(failure_tally("retry: failed=1 errors=0"), Some(Tally::Failures));
        // `dotnet test`'s summary counts after a colon
        assert_eq!(failure_tally("Passed!  - Failed:     0, Passed:     1, Skipped:     0, Total:     1"), Some(Tally::None));
        assert_eq!(failure_tally("Failed!  - Failed:     2, Passed:    10, Skipped:     0, Total:    12"), Some(Tally::Failures));
        assert_eq!(failure_tally("retry: errors=0 failed=2,"), Some(Tally::Failures));
        // not a query's flag, nor a setting's limit (a review's cases: both read as failures)
        assert_eq!(failure_tally(r#"Started GET "/login?error=1" for 127.0.0.1 at 2026-12-05 11:50:41 +0000"#), None);
        assert_eq!(failure_tally("[lint] pass 3: files=40 max-errors=10 elapsed=100ms"), None);
    }

    #[test]
    fn a_tally_of_failures_logged_at_info_counts_them() {
        // dbt logs its run's summary at info, whether the run failed or not: the log reads the
        // tally (see `severity`), the guard the level the line states
        let done = |errors: u32| format!("\x1b[0m18:28:30.234175 [info ] [MainThread]: Done. PASS=42 WARN=0 ERROR={errors} SKIP=13 TOTAL=79");
        assert_eq!(declared(&done(24)), Some(Severity::Other));
        assert!(tallies_failures(&done(24)));
        assert!(!tallies_failures(&done(0)));
        assert!(tallies_failures("2026-12-06 10:00:01 INFO Tests run: 12, Failures: 2, Errors: 0, Skipped: 1"));
        assert!(!tallies_failures("2026-12-06 10:00:01 INFO Tests run: 12, Failures: 0, Errors: 0, Skipped: 1"));
        // a setting's count, a count of none, a word glued to another's are no tally
        assert!(!tallies_failures("2026-12-06 10:00:01 INFO config: max_errors=10 retries=3"));
        assert!(!tallies_failures("2026-12-06 10:00:01 INFO uploaded: 3 files, errors: 0"));
        assert!(!tallies_failures("INFO next run at 10:00:01, error budget 5"));
        // a count written with a leading zero counts as much (a review's case: left at info)
        assert!(tallies_failures("INFO summary failed=01 ok=120"));
        assert!(!tallies_failures("INFO summary failed=00 ok=120"));
    }

    #[test]
    fn tornados_status_stands_right_before_its_request() {
        assert_eq!(http_status("[W 2026-12-04 07:29:26,017 web:2591] 404 GET /nothere (127.0.0.1) 0.70ms"), Some(404));
        assert_eq!(http_status("[I 2026-12-04 07:29:26,000 web:2591] 200 GET /user/1 (127.0.0.1) 0.60ms"), Some(200));
        // a count before a method is no status
        assert_eq!(http_status("INFO served 12 GET /health checks"), None);
    }

    #[test]
    fn a_syslog_priority_below_a_warning_leaves_a_lines_words_to_say_how_it_went() {
        // RFC 5424: dovecot logs its failed logins at mail.info, as RFC 3164 writes them with
        // no priority at all
        let line = "<22>1 2026-12-05T01:09:14.220554+00:00 web01 dovecot - - -  pop3-login: Disconnected: Connection closed (auth failed, 1 attempts in 2 secs): user=<mallory>";
        assert_eq!(declared(line), None);
        assert_eq!(problem(line), problem(&line[line.find(" web01").unwrap()..].replacen(" web01", "Dec  5 01:09:14 web01", 1)));
        assert_eq!(problem(line), Problem::Reported);
        assert_eq!(declared("<11>1 2026-12-05T01:09:14Z web01 app - - - disk gone"), Some(Severity::Error));
        assert_eq!(declared("<12>Dec  5 01:09:14 web01 app: slow disk"), Some(Severity::Warn));
        // a number after `<` that no `>` closes is no priority: memcached's connection 24
        assert_eq!(declared("<24 get session:29"), None);
        assert_eq!(declared("<26 new auto-negotiating client connection"), None);
    }

    #[test]
    fn a_line_that_opens_with_what_failed_reports_it_however_it_is_spelt() {
        // U-Boot's console, in its own voice and no level: `can't` as `cannot`
        for line in ["Couldn't find partition virtio 0:1", "Can't set block device", "Cannot find module 'x'", "** Could not read file **"] {
            assert_eq!(problem(line), Problem::Reported, "{line}");
        }
        // a failure named further on is another's
        assert_eq!(problem("the installer said it couldn't find a partition"), Problem::Named);
    }

    #[test]
    fn a_clients_failed_response_is_a_problem_whatever_else_its_line_says() {
        for line in [
            "# get https://proxy.golang.org/golang.org/x/sync/@v/v0.99.0.mod: 403 Forbidden (0.217s)",
            "< HTTP/1.0 404 File not found",
            "HTTP request sent, awaiting response... 503 Service Unavailable",
            "upstream answered 429 Too Many Requests, backing off",
            // an FTP server's reply, in vsftpd's protocol log
            "Sat Dec  5 18:44:17 2026 [pid 14722] [ftpbob] FTP response: Client \"127.0.0.1\", \"553 Could not create file.\"",
        ] {
            assert!(failed_response(line), "{line}");
            assert_eq!(problem(line), Problem::Reported, "{line}");
        }
        for line in [
            "# get https://proxy.golang.org/sumdb/sum.golang.org/tile/8/0/001: 200 OK (0.002s)",
            "< HTTP/1.1 301 Moved Permanently",
            // a number before other words is no status, nor a status in a word
            "took 404 Milliseconds to settle",
            "built v1.404 Not Found a reason to stop",
            "INFO fetched 500 Items from the cache",
            "Sat Dec  5 18:44:17 2026 [pid 14722] [ftpbob] FTP response: Client \"127.0.0.1\", \"226 Transfer complete.\"",
        ] {
            assert!(!failed_response(line), "{line}");
        }
        // a level stated says how it went
        assert_eq!(problem("DEBUG retrying after 503 Service Unavailable"), Problem::None);
    }

    #[test]
    fn a_level_word_inside_a_quoted_text_is_none() {
        // Swift's excerpt of the code a warning is about, behind a GitHub Actions stamp
        let excerpt = "2026-02-03T18:08:12.7596068Z  98 |       var message = \"Network error occurred\"";
        assert_eq!(declared(excerpt), None);
        assert_eq!(crate::log::level(excerpt), crate::log::Level::Other);
        assert_eq!(declared("2026-02-03T18:08:12.7596068Z ERROR \"disk\" full"), Some(Severity::Error));
    }

    #[test]
    fn a_task_runners_bracketed_name_is_a_streams_tag_and_a_level_is_none() {
        assert_eq!(stream_prefix_len("[api] TypeError: boom"), "[api] ".len());
        assert_eq!(stream_prefix_len("[20:48:55.914 api] listening on :8742"), "[20:48:55.914 api] ".len());
        // npm-run-all's labels, padded to the longest; a level padded so is none
        assert_eq!(stream_prefix_len("[test     ] ✖ parses config #5 (0.11ms)"), "[test     ] ".len());
        assert_eq!(stream_prefix_len("[INFO   ] parses config"), 0);
        assert_eq!(stream_prefix_len("[pod/api-0/api] GET /x 200"), "[pod/api-0/api] ".len());
        // a Procfile runner's time before the process's name (foreman, honcho)
        assert_eq!(stream_prefix_len("07:25:20 web.1    | Traceback (most recent call last):"), "07:25:20 web.1    | ".len());
        // monorepos' task runners: turborepo, nx, pnpm -r
        assert_eq!(stream_prefix_len("@mono/core:build: src/index.ts(5,9): error TS2322"), "@mono/core:build: ".len());
        assert_eq!(stream_prefix_len("web:test: ok 1 - renders"), "web:test: ".len());
        assert_eq!(stream_prefix_len("@mono/utils: TAP version 13"), "@mono/utils: ".len());
        assert_eq!(stream_prefix_len("packages/core test:     discount (/srv/dist/index.js:13:39)"), "packages/core test: ".len());
        assert_eq!(stream_prefix_len("packages/core test$ node --test test/"), "packages/core test$ ".len());
        // a process Ray or vLLM started, by its name and pid; words in brackets are none
        assert_eq!(stream_prefix_len("(EngineCore_DP0 pid=275)   File \"/vllm/core.py\", line 83"), "(EngineCore_DP0 pid=275) ".len());
        assert_eq!(stream_prefix_len("(RayWorkerWrapper pid=8112, ip=10.0.0.5) INFO x"), "(RayWorkerWrapper pid=8112, ip=10.0.0.5) ".len());
        assert_eq!(stream_prefix_len("(VllmWorker rank=0 pid=312) ERROR x"), "(VllmWorker rank=0 pid=312) ".len());
        assert_eq!(stream_prefix_len("(optional) set pid=3 first"), 0);
        // Python logging's level and logger are no task
        assert_eq!(stream_prefix_len("ERROR:root: could not open /etc/app.toml"), 0);
        for line in ["[INFO] Building shop 1.0", "[WARNING] deprecated", "[E] boom"] {
            assert_eq!(stream_prefix_len(line), 0, "{line}");
        }
    }

    #[test]
    fn a_finding_names_a_file_and_a_time_is_no_place() {
        assert!(is_finding("pkg/mod00.py:55:7: D101 Missing docstring in public class"));
        assert!(is_finding("main.go:12:21: self-assignment of x to x"));
        // mosquitto's time before what it says
        assert!(!is_finding("2026-11-30T11:04:48: New connection from 127.0.0.1:38334 on port 34645."));
    }

    #[test]
    fn a_go_frame_names_its_function_unindented() {
        for frame in ["main.worker(0x0?, 0x0?, 0x0?)", "main.crash(...)", "net/http.(*conn).serve(0xc0001b4000, {0x7c7e58, 0xc0001be000})",
            "github.com/a/b.(*T).Run[...](0xc00001)", "created by main.main in goroutine 1", "created by github.com/x/y.Start",
            "panic(0x16fff80, 0xc42013cf00)", "panic({0x6b1d20?, 0xc000012345?})"] {
            assert!(is_go_frame(frame), "{frame}");
        }
        for line in ["INFO starting worker pool (size 4)", "main.go:12: done", "created by the operator", "x.y(z) happened", "panic(something) happened"] {
            assert!(!is_go_frame(line), "{line}");
        }
    }

    #[test]
    fn a_log_line_grep_quotes_says_how_it_went_as_the_log_said_it() {
        assert_eq!(problem("/var/log/apt/term.log:4508:dpkg: error processing package x (--configure):"), Problem::Reported);
        assert_eq!(problem("logs/app.log.1:12:E: Sub-process /usr/bin/dpkg returned an error code (1)"), Problem::Reported);
        // a source file's line is code, whatever its words
        assert_ne!(problem("src/app.py:12:error = compute()"), Problem::Reported);
    }

    #[test]
    fn a_status_word_is_found_as_a_byte_by_byte_reading_finds_it() {
        // the words of three digits standing alone, read one byte at a time
        fn by_bytes(b: &[u8]) -> bool {
            let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
            (0..b.len().saturating_sub(2)).any(|s| {
                b[s..s + 3].iter().all(u8::is_ascii_digit)
                    && (s == 0 || !(word(b[s - 1]) || matches!(b[s - 1], b'.' | b',')))
                    && !b.get(s + 3).is_some_and(|&c| word(c))
            })
        }
        let mut lines: Vec<String> = vec![
            "2023-11-14 22:13:22,970 INFO [worker-14] Connection from 10.96.190.25 port 4930 closed after 515ms".into(),
            r#"127.0.0.1 - - [04/Dec/2026:22:10:32 +0000] "GET /products/1034 HTTP/1.1" 404 33"#.into(),
            "1379288668.162755\tCwlpcExNxaXUhPVaf\t192.168.33.10\t1045".into(),
            "404".into(),
            "x 404".into(),
            "é404 ok".into(),
        ];
        // every place of a status in lines longer than a window, and digits across its edges
        for at in 55..75 {
            let mut l = "a".repeat(at);
            l.push_str(" 503 ");
            lines.push(l.clone());
            lines.push(format!("{}{}", "7".repeat(at), " 404"));
            lines.push(format!("{}{}", "x".repeat(at), "1234 12 99"));
        }
        for l in &lines {
            assert_eq!(may_hold_status(l.as_bytes()), by_bytes(l.as_bytes()), "{l}");
        }
    }

    #[test]
    fn a_header_read_with_ascii_letters_is_found_as_with_any_letters() {
        let any = regex::Regex::new(&crate::re::ascii_classes(HEADER)).unwrap();
        for l in [
            "févr. 05 17:36:58 NAS systemd[1]: Starting Show Plymouth Boot Screen...",
            "  Mär 05 17:36:58 nas kernel: usb 1-1: new device",
            "juil. 05 17:36:58 NAS systemd[1]: Started Unit.",
            "août 05 17:36:58 NAS systemd[1]: Started Unit.",
            "Sept 05 17:36:58 host cron[12]: ok",
            "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: check pass; user unknown",
            "2024-01-02 10:00:00 INFO started",
            "\t[10:00:00.123] ready",
            "INFO: done",
            "Übung 05 17:36:58 host x: y",
            "ab 05 17:36:58 host x: y",
            "Just prose here.",
            "é",
        ] {
            let found = |re: &regex::Regex| re.find(l).map(|m| m.range());
            assert_eq!(found(header(l)), found(&any), "{l}");
        }
        // the localized month in ASCII letters is found by the ASCII pattern
        assert!(!std::ptr::eq(header("juil. 05 17:36:58 NAS systemd[1]: x"), header("févr. 05 17:36:58 NAS systemd[1]: x")));
        assert!(header("juil. 05 17:36:58 NAS systemd[1]: x").is_match("juil. 05 17:36:58 NAS systemd[1]: x"));
    }

    #[test]
    fn openstacks_wsgi_status_is_an_http_status() {
        let line = |st: u16| format!(r#"nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:00:00.008 25746 INFO nova.osapi_compute.wsgi.server [req-38101a0b - - -] 10.11.10.1 "GET /v2/54fd/servers/detail HTTP/1.1" status: {st} len: 1893 time: 0.2477829"#);
        assert_eq!(http_status(&line(404)), Some(404));
        // a failed request is an error whatever level it was logged at
        assert!(is_errorish(&line(404)));
        assert!(!is_errorish(&line(200)));
    }

    #[test]
    fn a_quoted_requests_status_is_read_whatever_opens_the_line() {
        for (line, status) in [
            // Django's runserver: the time alone before the request
            (r#"[08/Mar/2020 10:00:00] "GET /polls/3/ HTTP/1.1" 404 179"#, 404),
            // uvicorn, at INFO whatever the status
            (r#"INFO:     127.0.0.1:54584 - "GET /missing/14 HTTP/1.1" 404 Not Found"#, 404),
            (r#"INFO:     127.0.0.1:54564 - "GET /items/78?q=7 HTTP/1.1" 200 OK"#, 200),
            // Envoy's default access log
            (r#"[2020-11-25T21:26:18.409Z] "GET /status/418 HTTP/1.1" 418 - via_upstream - "-" 0 135 4 4 "-" "curl/7.73.0-DEV""#, 418),
            // the combined format still reads as before
            (r#"10.0.0.1 - - [08/Mar/2020:10:00:00 +0000] "POST /api HTTP/1.1" 502 12 "-" "curl/8""#, 502),
            // a format that prints the status before the request: what follows is its size
            (r#"10.0.0.7 [08/Mar/2020:10:07:00 +0000] 200 "GET /b HTTP/1.1" 404 0.754"#, 200),
            (r#"10.0.0.7 [08/Mar/2020:10:07:00 +0000] 500  "GET /b HTTP/1.1" 1234 0.754"#, 500),
            (r#"404 "GET /b HTTP/1.1" 512"#, 404),
            // an AWS load balancer's: its status, the backend's, the bytes received and sent
            (r#"2015-05-13T23:39:43.945958Z lb 192.168.131.39:2817 10.0.0.1:80 0.000073 0.001048 0.000057 503 - 0 57 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.38.0" - -"#, 503),
            (r#"http 2018-07-02T22:23:00.186641Z app/lb/50dc6c 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 404 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.46.0" - -"#, 200),
            (r#"2015-05-13T23:39:43.945958Z lb 192.168.131.39:2817 - -1 -1 -1 504 0 0 0 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.38.0" - -"#, 504),
        ] {
            assert_eq!(http_status(line), Some(status), "{line}");
        }
        assert_eq!(status_before_request(r#"1.2.3.4 [t] 503 "PUT /a/7 HTTP/2.0" 9"#), Some(("PUT", "/a/7", "503")));
        // a number that is no status, or not a field of its own, or no request after it
        for line in [
            r#"took 1503 "GET /b HTTP/1.1" 200 5"#,
            r#"code=404 "GET /b HTTP/1.1" 200 5"#,
            r#"404"GET /b HTTP/1.1" 200 5"#,
            r#"x 404 "not a request" 200"#,
            r#"x 700 "GET /b HTTP/1.1" 200 5"#,
            // the first count before the request is the status, or there is none
            r#"t 12 404 "GET /b HTTP/1.1" 200 5"#,
        ] {
            assert_eq!(status_before_request(line), None, "{line}");
        }
        assert!(is_errorish(r#"INFO:     127.0.0.1:54642 - "GET /admin/users HTTP/1.1" 403 Forbidden"#));
        assert!(!is_errorish(r#"INFO:     127.0.0.1:54564 - "GET /items/78?q=7 HTTP/1.1" 200 OK"#));
        // a request quoted in an error's message, with no status after it, is no access line
        let nginx = r#"2020/03/08 10:00:00 [error] 7#7: *1 open() "/srv/x" failed (2: No such file or directory), client: 10.0.0.1, request: "GET /x HTTP/1.1", host: "a""#;
        assert_eq!(http_status(nginx), None);
        assert!(is_errorish(nginx));
    }

    #[test]
    fn a_bare_requests_status_is_read_after_it_or_in_a_field_of_its_own() {
        for (line, status) in [
            // morgan's dev and short formats
            ("GET /api/items/41 500 1.521 ms - 967", 500),
            ("::1 - GET /api/items/41 HTTP/1.1 404 139 - 12.345 ms", 404),
            // Next.js
            (" GET /dashboard 404 in 31ms", 404),
            // Gin and Fiber: the status between bars, before the request
            (r#"[GIN] 2023/10/10 - 13:01:57 | 404 |    1.209ms |       127.0.0.1 | GET      "/api/items/66""#, 404),
            // varnishncsa with its method alone and its path quoted (`%m "%U%q" %s`)
            (r#"[05/Dec/2026:07:28:22 +0000] d413bd32-2edc GET "/api/slow?s=3" 503 0 0 - - - "Mozilla/5.0 (X11)""#, 503),
            ("13:01:57 | 503 |   1.2ms |  127.0.0.1 | POST    | /api/orders | -", 503),
            ("GET /api/items/31 200 5.069 ms - 115", 200),
            // an absolute URL for the request's target (Sanic), past empty fields (ASP.NET Core)
            ("[2026-12-03 10:01:37 +0000] - (sanic.access)[INFO][10.0.0.97:5000]: GET http://localhost:8000/wp-login.php  404 1106", 404),
            ("info: Microsoft.AspNetCore.Hosting.Diagnostics[2] Request finished HTTP/1.1 GET http://localhost:5000/x - 404 0 - 65.7448ms", 404),
            ("      Request finished HTTP/1.1 POST https://localhost:5001/api/orders - - - 500 0 - 48.4489ms", 500),
            // chi: past the client, after a quoted request
            (r#"2026/12/03 10:01:37 "GET http://localhost:3333/wp-login.php HTTP/1.1" from 127.0.0.1:54321 - 404 19B in 35.2µs"#, 404),
            // uWSGI: later, in brackets with its protocol
            ("[pid: 1234|app: 0|req: 98/98] 10.0.0.97 () {34 vars in 412 bytes} [Thu Dec  3 10:01:37 2026] GET /wp-login.php => generated 2367 bytes in 13 msecs (HTTP/1.1 404) 2 headers in 80 bytes (1 switches on core 0)", 404),
            // Plug (Phoenix): on a line of its own, after the request's
            ("10:01:37.097 request_id=Fd184e67e [info] Sent 404 in 15ms", 404),
            // Squid: the cache's result and the status, the reply's size, the request
            ("1286536309.450    215 192.168.0.224 TCP_DENIED/403 3924 GET http://blocked.example.net/ - HIER_NONE/- text/html", 403),
            ("1286536309.720   1055 192.168.0.224 TCP_TUNNEL/200 6240 CONNECT pypi.org:443 - HIER_DIRECT/151.101.0.223 -", 200),
            // (a custom `logformat`: the upstream's status after it, the reply's and the request's sizes)
            ("1796551532.629      0 127.0.0.1:34514 NONE_NONE/400/- 3570/25 GET /no-host - HIER_NONE/-:- text/html req_id=- ua=\"-\" err=-/-", 400),
            ("1796551532.811     12 127.0.0.1:34520 TCP_MISS/200/200 1204/310 GET http://127.0.0.1:18080/ - HIER_DIRECT/127.0.0.1:18080 text/html", 200),
            // (a tunnel's request in a format of the proxy's own, its status right after it)
            ("1750015494.974 127.0.0.1 74b741f9-ea44 CONNECT 127.0.0.1:853 503", 503),
            ("1750012042.065 127.0.0.1 74b741f9-ea44 CONNECT ipwho.is:443 407 0", 407),
            // Hypercorn: the protocol's version alone, behind Python's logging header
            (r#"[2026-12-05 16:05:51 +0000] [26244] [INFO] 127.0.0.1:56132 - - [05/Dec/2026:16:05:51 +0000] "GET /nope 1.1" 404 207 "-" "python-httpx/0.29.0""#, 404),
            // Grafana's Loki, Mimir, Tempo: in parentheses after the path, in a logfmt message
            (r#"ts=2024-05-02T12:17:24.365238151Z caller=http.go:194 level=debug traceID=31753afb77f0a6ac orgID=3648 msg="POST /push.v1.PusherService/Push (400) 199.184µs""#, 400),
        ] {
            assert_eq!(http_status(line), Some(status), "{line}");
        }
        // (a tunnel names a host and a port, and its status is a word of its own)
        for line in ["CONNECT to the broker failed 3 times", "CONNECT ipwho.is:443 4070", "XCONNECT a:443 503"] {
            assert_eq!(http_status(line), None, "{line}");
        }
        // (a path of multibyte text before the version; past the 2 KB read back, none is read,
        // whatever byte of a character that distance falls on)
        for (path, status) in [("日本".repeat(100), Some(404)), ("日本".repeat(400), None), ("é".repeat(1500), None)] {
            for protocol in ["1.1", "HTTP/1.1"] {
                let line = format!(r#"127.0.0.1:56132 - - [05/Dec/2026:16:05:51 +0000] x "GET /s?q={path} {protocol}" 404 207 "-" "x""#);
                assert_eq!(status_after_request(&line).map(|(_, _, s)| s), status.map(|_| "404"));
            }
        }
        assert_eq!(http_status(r#"level=info msg="RUN job 2.0" 500 rows"#), None);
        assert_eq!(http_status(r#"127.0.0.1:5003 - - [05/Dec/2026:16:05:03 +0000] "PROPFIND /dav/f3 1.1" 500 207 "-" "cadaver/0.23""#), Some(500));
        // Gin quotes its path: each path is a request of its own
        let gin = |path: &str| format!(r#"[GIN] 2026/12/03 - 17:39:43 | 404 | 28.604µs |       127.0.0.1 | GET      "{path}""#);
        assert_eq!(http_request(&gin("/wp-login.php")), Some(("GET", "/wp-login.php")));
        assert_eq!(http_request(&gin("/api/items/0?x=1")), Some(("GET", "/api/items/0")));
        // a line that opens with its request is an event of its own
        assert!(opens_event("GET /api/items/41 500 1.521 ms - 967"));
        assert!(!opens_event("GET /api/items/41 to see the item"));
        assert!(is_errorish("GET /api/items/41 500 1.521 ms - 967"));
        assert!(!is_errorish(r#"[GIN] 2023/10/10 - 13:01:57 | 200 |    1.209ms |       127.0.0.1 | GET      "/api/items/66""#));
        // a number after a path is no status unless a method opens the request
        for line in [
            "cp /tmp/a 404 bytes",
            "Compiling /src/lib.rs 200 lines",
            "FORGET /x 404",
            r#"retrying GET "/x" in 500 ms"#,
            "| 404 | entries of | the table |",
            // a request Squid never sent, and a slash after a word that is no cache's result
            "1286536309.450      0 192.168.0.224 NONE_NONE/000 0 - error:transaction-end-before-headers - HIER_NONE/- -",
            "see Tcp_Denied/403 3924 GET http://x.org/",
            "TCP_DENIED/403 3924 bytes in total",
            // no status: a request not answered yet, words after a URL, a count of things sent
            "GET /api/items/41 - - ms - -",
            "GET http://localhost:5000/x took 404 ms",
            "Sent 404 emails to the list",
            "Resent 404 in 3ms",
            "GET /x => generated 1 bytes in 1 msecs (HTTP/1.1 404 2 headers",
            // a W3C line's empty query, then its port
            "2018-08-12 00:04:17 192.168.1.111 GET /x - 443 - 192.168.1.10 Mozilla/5.0+(compatible;+Windows) -",
        ] {
            assert_eq!(http_status(line), None, "{line}");
        }
        // a level that says error still does when the request succeeded
        assert!(is_errorish("2023-10-10 13:01:57 ERROR GET /api/items/7 200 9012ms: slow response"));
    }

    #[test]
    fn a_records_status_is_read_under_the_keys_access_logs_give_it() {
        for (line, status) in [
            // Heroku's router and Kubernetes' httplog: logfmt, beside the request's method or path
            (r#"2026-12-03T10:01:37.081274+00:00 heroku[router]: at=info method=GET path="/wp-login.php" host=a.herokuapp.com dyno=web.1 connect=0ms service=527ms status=404 bytes=213"#, 404),
            (r#"I1203 10:01:37.709010       1 httplog.go:132] "HTTP" verb="GET" URI="/api/v1/pods" latency="65.3ms" userAgent="kubectl/v1.29.0" srcIP="10.0.0.97:38212" resp=500"#, 500),
            // Traefik's JSON gives what the client was sent, Envoy's its response code
            (r#"{"ClientHost":"10.0.0.4","DownstreamStatus":499,"OriginStatus":499,"RequestMethod":"GET","RequestPath":"/x"}"#, 499),
            (r#"{"start_time":"2026-12-03T10:00:00.123Z","method":"GET","path":"/x","response_code":503,"bytes_sent":91}"#, 503),
            // PHP's built-in server: in brackets, before the request
            ("[Thu Dec  3 10:01:37 2026] 127.0.0.1:56574 [404]: GET /wp-login.php", 404),
        ] {
            assert_eq!(http_status(line), Some(status), "{line}");
        }
        assert_eq!(logfmt_status(r#"at=info method=GET path="/x?q=1" status=404"#), Some(("GET", "/x", "404")));
        // fields each closed by `;`, as a layout of zerolog's console writer prints them
        let semi = "2026-12-05T06:24:33.1Z; WARN; http; request; dur=0.011908; method=GET; path=/nope; status=404;";
        assert_eq!(logfmt_status(semi), Some(("GET", "/nope", "404")));
        // a status with no request beside it is a job's or a check's, and a status in brackets
        // one with no request after it
        for line in [
            "level=info msg=\"job done\" job=sync status=404 retries=3",
            "level=info method=GET path=/x status=ok",
            "level=info method=GET path=/x exit_status=404",
            "[404]: see the docs",
            "127.0.0.1 [404] GET /x",
        ] {
            assert_eq!(http_status(line), None, "{line}");
        }
    }

    #[test]
    fn a_json_records_level_is_declared_however_its_name_is_spelt() {
        let line = |s: &str| format!(r#"{{"t":{{"$date":"2021-06-09T13:44:18.355+00:00"}},"s":"{s}",  "c":"NETWORK",  "id":23235,   "ctx":"conn69","msg":"SSL peer certificate validation failed"}}"#);
        assert_eq!(declared(&line("E")), Some(Severity::Error));
        assert_eq!(declared(&line("W")), Some(Severity::Warn));
        // an informational or debug line is not an error for the word in its message
        assert_eq!(declared(&line("I")), Some(Severity::Other));
        assert_eq!(declared(&line("D2")), Some(Severity::Other));
        assert!(!is_errorish(&line("I")));
        // a field `s` of another kind of value is no level
        assert_eq!(declared(r#"{"s":"south","msg":"moved"}"#), None);
        // Serilog's JSON capitalises the name and spells the level out
        let serilog = |l: &str| format!(r#"{{"Timestamp":"2019-11-14T12:40:59.9552942+01:00","Level":"{l}","MessageTemplate":"Invalid password for user {{userId}}."}}"#);
        assert_eq!(declared(&serilog("Error")), Some(Severity::Error));
        assert_eq!(declared(&serilog("Information")), Some(Severity::Other));
    }

    #[test]
    fn a_services_stream_line_is_told_from_a_tables_row() {
        assert!(is_service_stream_line("web-1   | listening on :8080"));
        assert!(is_service_stream_line("scscf        |  5(21) DEBUG: <core> [core/tcp_main.c:1500]: read 40 bytes"));
        // pm2's apps, by themselves and inside a container's stream, coloured as it prints them
        assert!(is_service_stream_line("0|api      | POST /api/datasets 200 - - 2.737 ms"));
        assert!(is_service_stream_line("lab-1      | \x1b[32m0|lab    | \x1b[39mPOST /api/datasets 200 - - 2.737 ms"));
        // a row of a table, a markdown table's row, a shell pipeline
        assert!(!is_service_stream_line("name3   | 3 | active | owner4 |"));
        assert!(!is_service_stream_line("| name | state |"));
        assert!(!is_service_stream_line("cat access.log| grep 404"));
    }

    #[test]
    fn a_native_stacks_frames_are_told_from_numbered_lines() {
        for line in [
            "    #3 0x559e7a85d971 in main /tmp/probeAM/src/sanprog.cc:41",
            "    #6 0x559e7a85b410 in _start (/tmp/probeAM/src/san_asan+0x17410)",
            "    #1 operator() /tmp/probeAM/src/sanprog.cc:63 (san_tsan+0x2630)",
            "    #7 <null> <null> (libstdc++.so.6+0xd44a2)",
            "#1  0x00007f90b8cf1e53 in __GI___nanosleep (req=req@entry=0x7f90b1c0edd0) at ../sysdeps/unix/sysv/linux/nanosleep.c:25",
            "#0  settle (n=3) at worker.c:12",
        ] {
            assert!(is_native_frame(line), "{line}");
        }
        for line in ["#1 Fix the parser", "# in a comment", "#2 in queue (of 5)", "#12 /app/Kernel.php(151): handle()"] {
            assert!(!is_native_frame(line), "{line}");
        }
    }

    #[test]
    fn a_ci_agents_lines_are_told_from_the_tools_lines() {
        for line in [
            "Started by timer",
            "Building remotely on builder-02 (linux java11) in workspace /builds/workspace/App",
            "[Pipeline] sh",
            "Finished: FAILURE",
            "2022-03-15T21:05:34.2345966Z ##[group]Run mvn -B verify",
            "Running with gitlab-runner 16.4.0 (6e766faf)",
            "Executing \"step_script\" stage of the job script",
            "ERROR: Job failed: exit code 1",
            "section_end:1727340553:cleanup_file_variables\rERROR: Job failed: command terminated with exit code 1",
            "travis_fold:start:install.1",
            "TASK [Ping hosts] **************************************************************",
            "PLAY RECAP *********************************************************************",
            "RUNNING HANDLER [restart nginx] ****",
            "starting build \"7ae5d9f0-73e3-4d8d-9d4b-754b67307612\"",
            "Starting Step #1 - \"Build\"",
            "Finished Step #1 - \"Build\"",
            "2024-05-01T12:00:00.1234567Z ##[section]Starting: Build",
            "Cloud-init v. 19.3-3.amzn2 running 'modules:final' at Tue, 22 Dec 2020 08:23:53 +0000. Up 23.87 seconds.",
            "Cloud-init v. 0.7.6 finished at Mon, 07 Dec 2020 05:12:16 +0000. Datasource DataSourceEc2.  Up 139.07 seconds",
            "~~~ Preparing working directory",
            "\x1b_bk;t=1745322209948\x07~~~ Running global pre-checkout hook\r",
            "~~~ Running plugin docker-compose post-command hook",
            "~~~ Running agent environment hook",
            "~~~ Running repository pre-command hook",
            "~~~ Running batch script",
        ] {
            assert!(is_ci_agent_line(line), "{line}");
        }
        for line in [
            "TASK [Ping hosts] done",
            "PLAY [all]",
            "[INFO] BUILD FAILURE",
            "Finished: 3 tests in 0.2s",
            "Started by the scheduler, job 12 ran",
            "tests/test_a.py::test_b FAILED",
            "INFO runner: Starting Step #2 of migration",
            "Finished Step #1 in 0.2s",
            "the script said starting build \"x\"",
            "Cloud-init v. 19.3 is installed, see the docs",
            "~~~ python",
            "~~~ Running the numbers again",
        ] {
            assert!(!is_ci_agent_line(line), "{line}");
        }
    }

    #[test]
    fn source_tags_end_where_the_event_starts() {
        let cases = [
            ("nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:00:00.008 25746 INFO nova.osapi", Some(35)),
            ("web-1  | 2024-01-02T10:00:00Z GET /", Some(9)),
            ("pod-x | INFO started", Some(8)),
            ("app.log:2024-01-02 10:00:00 ERROR x", Some(8)),
            ("logs/app.log:12:2024-01-02 10:00:00 ERROR x", Some(16)),
            // `grep -n`'s line number over one file, and a context line's
            ("16:2026-12-05 06:23:51.328|WARN |pool-1-thread-7|inventory.http.OrderHandler|rejected order qty=-1", Some(3)),
            ("39:2026-12-05T06:24:33.089060991Z; ERROR; inventory; insufficient stock; have=1;", Some(3)),
            ("17-2026-12-05 06:23:51.330 INFO request served", Some(3)),
            ("[pod/api-0/api] 2024-01-02T10:00:00Z started", Some(16)),
            // an access line behind a tag that brackets, a bar or a colon sets off
            ("[pod/web-0/nginx] 10.0.0.1 - - [29/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 3", Some(18)),
            ("web-1  | GET /items/7 404 1.2 ms - 9", Some(9)),
            ("access.log:10.0.0.1 - - [29/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 3", Some(11)),
            // a path whose folders hold colons (Airflow's task logs, `grep -r` over them)
            ("dag_id=etl/run_id=manual__2025-05-12T19:49:47.808429+00:00/task_id=load/attempt=2.log:[2025-05-12T20:54:53.953+0100] {taskinstance.py:2306} INFO - Starting attempt 2 of 2", Some(86)),
            ("api-1  | {\"level\":\"info\",\"ts\":1.5,\"msg\":\"x\"}", Some(9)),
            ("grafana-1  | logger=migrator t=2025-03-16T22:35:01Z level=info msg=\"x\"", Some(13)),
            // the line's own header is no tag
            ("2024-01-02 10:00:00 INFO started", None),
            ("12:00:01.123 INFO started", None),
            // an ISO time with a zone offset reads as one word, and is no tag
            ("2025-07-12T16:41:50-0700 DEBUG cachedir: /var/cache/dnf", None),
            ("INFO 2024-01-02 10:00:00 started", None),
            ("Jan  2 10:00:00 host sshd[1]: x", None),
            ("src/main.rs:12:5: error: oops", None),
            // a virtual host before an access line is the line's own (Apache's vhost_combined)
            ("www.example.org:80 10.0.0.1 - - [29/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 3", None),
            ("just some words in a sentence", None),
        ];
        for (line, want) in cases {
            assert_eq!(source_prefix_len(line), want, "{line}");
        }
    }

    #[test]
    fn a_logfmt_record_is_read_behind_its_source_tag() {
        assert!(is_tagged_logfmt_event("grafana-1  | logger=migrator t=2025-03-16T22:35:01Z level=info msg=\"x\""));
        assert!(is_tagged_logfmt_event("[grafana] t=2025-03-16T22:35:01Z lvl=warn msg=\"x\""));
        // a record with no tag, a tag before words, a line with one pair
        assert!(!is_tagged_logfmt_event("t=2025-03-16T22:35:01Z level=info msg=\"x\""));
        assert!(!is_tagged_logfmt_event("web-1  | 2024-01-02T10:00:00Z GET /"));
        assert!(!is_tagged_logfmt_event("session opened for user=bob by (uid=0)"));
    }

    #[test]
    fn a_syslog_message_starts_after_its_program() {
        fn at(l: &str) -> Option<&str> {
            syslog_message_at(l).map(|n| &l[n..])
        }
        assert_eq!(at("Mar 27 13:08:09 host sshd[1361]: Accepted key"), Some("Accepted key"));
        assert_eq!(at("Mar  7 13:08:09 host CRON[2]: (root) CMD"), Some("(root) CMD"));
        assert_eq!(at("2024-03-27T13:08:09.5+00:00 host systemd: Started x"), Some("Started x"));
        assert_eq!(at("2024-03-27 13:08:09 INFO main: Started x"), None);
        assert_eq!(at("Mar 27 13:08:09 host a message without a program"), None);
    }

    #[test]
    fn events_and_continuations() {
        for l in [
            "2024-01-02 10:00:00,123 INFO started",
            "127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /a.gif HTTP/1.0\" 200 2326",
            "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3",
            "[pid  4242] 10:00:00.123456 read(3, \"\", 4096) = 0",
            "{\"level\":\"info\",\"ts\":1646861401.52,\"msg\":\"handled request\"}",
            "{\"log\":\"hello\\n\",\"stream\":\"stdout\",\"time\":\"2024-01-02T10:00:00Z\"}",
            "1320279566.452687\tCwFs1P2UcUdlSxD6l2\t10.0.2.15\t49286",
            "#fields\tts\tuid\tid.orig_h",
            "[2024-01-02 10:00:00] production.ERROR: boom",
            "<3>Jan  2 10:00:00 kernel: oops",
            "time=2024-01-02T10:00:00Z level=info msg=\"served\" dur=3ms",
            "level=error msg=\"db down\" err=\"timeout\"",
            "127.0.0.1:47126 [30/Nov/2026:11:05:01.348] www web/web1 0/0/0/1/1 200 153 - - ---- 1/1/0/0/0 0/0 \"GET / HTTP/1.1\"",
            "debug1: Connecting to 127.0.0.1 [127.0.0.1] port 22.",
            "I1130 10:00:00.123456       1 shared_informer.go:318] Caches are synced",
            // the day before the month: Redis (behind its `pid:role` tag), log4j's DATE, Tomcat
            "28412:S 30 Nov 2026 16:54:43.195 * Connecting to MASTER 127.0.0.1:7005",
            "02 Jan 2024 10:00:00,123 [main] started",
            "30-Nov-2026 16:54:43.194 INFO [main] org.apache.catalina.startup.Catalina.start Server startup",
            // a month in the local language, as journalctl writes it
            "févr. 05 17:36:58 NAS systemd[1]: Starting Show Plymouth Boot Screen...",
            "Mär 05 17:36:58 nas kernel: usb 1-1: new device",
            "juil. 05 17:36:58 NAS systemd[1]: Started Unit.",
            // BuildKit's plain progress
            "#26 17.45 go: downloading github.com/gorilla/mux v1.8.1",
        ] {
            assert!(opens_event(l), "{l}");
        }
        for l in ["Step 3 00:00:12 elapsed", "from 3 12:00:00 to 4 12:00:00", "def main():", "Just prose here.", "{\"name\": \"x\", \"size\": 3}", "debugging: a word, no level", "- [01/Mar/2024] Released 1.1: a dated list item"] {
            assert!(!opens_event(l), "{l}");
        }
        for l in ["\tat com.x.Y.z(Y.java:12)", "#0 /var/www/app.php(12): f()", "/gems/sidekiq-3.3.0/lib/sidekiq/processor.rb:75:in `execute_job'", "app/models/user.rb:12:in 'User#save'", "  rack (1.5.2) lib/rack/lock.rb:17:in `call'", "app/views/users/show.html.erb:12:in `_app_views_users_show'", "<internal:kernel>:187:in 'loop'", "Caused by: java.io.IOException: x", "DETAIL:  Key (id)=(1) exists.", "░░ Subject: A start job for unit smbd.service has failed", "░░"] {
            assert!(continues(l), "{l}");
        }
        // each shape the look at the first byte and word lets through
        for l in ["java.lang.IllegalStateException: boom", "ValueError", "Traceback (most recent call last):", "The above exception was the direct cause of the following exception:", "During handling of the above exception, another exception occurred:", "#1 {main}", "[stacktrace]", "[previous exception] [object] (RuntimeException(code: 0): x)", "HINT:  No function matches.", "STATEMENT:  select 1", "QUERY:  select 1", "LOCATION:  exec_simple_query", "CONTEXT:  SQL function", "... 12 more", "}", "]", "app/x.rb:1:in `y'\r"] {
            assert!(continues(l), "{l}");
        }
        assert!(!continues("2024-01-02 10:00:00 INFO x"));
        assert!(!continues("Error: the first word alone names no exception"));
        assert!(!continues("NotAnErrorHere: x"));
        assert!(!continues("/app/models/user.rb:12:in 'save': undefined method 'name' for nil (NoMethodError)"));
    }

    #[test]
    fn a_pid_or_a_sequence_number_before_the_level_opens_an_event() {
        for l in [
            // PostgreSQL with `log_line_prefix='%p: '`, and with no prefix at all
            "23971: LOG:  listening on IPv4 address \"127.0.0.1\", port 5499",
            "LOG:  database system is ready to accept connections",
            "DEBUG2:  autovacuum: processing database \"bench\"",
            // npm's `_logs/*-debug-0.log`
            "0 verbose cli /usr/bin/node /usr/bin/npm",
            "3 silly config load:file:/usr/lib/node_modules/npm/npmrc",
            "17 timing npm:load Completed in 12ms",
        ] {
            assert!(opens_event(l), "{l}");
        }
        for l in ["3 errors found in 2 files", "12 logged in users", "  120 log"] {
            assert!(!opens_event(l), "{l}");
        }
    }

    #[test]
    fn errorish_lines() {
        for l in [
            "2024-01-02 10:00:00 ERROR db down",
            "E/AndroidRuntime( 123): FATAL EXCEPTION: main",
            "{\"level\":\"error\",\"msg\":\"x\"}",
            "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET /missing HTTP/1.0\" 404 12",
            "2024-01-02 10:00:00 10.0.0.1 GET /x.aspx - 80 - 10.0.0.2 Mozilla/5.0 404 0 2 15",
            "openat(AT_FDCWD, \"/nope\", O_RDONLY) = -1 ENOENT (No such file or directory)",
            "start-stop-daemon: unable to stat /usr/libexec/polkitd (No such file or directory)",
            "<3>kernel: oops",
            "Jan  2 10:00:00 host sshd[12]: Failed password for root from 1.2.3.4",
            "fatal: not a git repository (or any of the parent directories): .git",
            "FAILED tests/test_a.py::test_x - assert 1 == 2",
            "ValueError: invalid literal for int() with base 10: 'x'",
            "npm ERR! code ENOENT",
            "cJSON.c:120:5: error: expected ';' before 'return'",
            r#"{"time":"2024-01-02T10:00:00+00:00","request":"GET /x HTTP/1.1","status":404}"#,
            r#"{"level":"info","ts":1.5,"msg":"handled request","request":{"method":"GET","uri":"/a"},"status":502}"#,
            "web-1  | 1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET /missing HTTP/1.0\" 404 12",
            "127.0.0.1:47130 [30/Nov/2026:11:05:02.101] www orders/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- 2/2/0/0/0 0/0 \"GET /api/orders HTTP/1.1\"",
            "E1130 10:00:02.481516       1 controller.go:114] loading spec for \"v1beta1.metrics.k8s.io\" ended with 503",
            "Nov 30 11:05:02 lb haproxy[15123]: 10.0.0.7:51234 [30/Nov/2026:11:05:02.101] www web/web1 0/0/1/2/3 404 90 - - ---- 1/1/0/0/0 0/0 \"GET /x HTTP/1.1\"",
            // sshd at LogLevel INFO on stderr (`sshd -D -e`): no time, no level, no program
            "Invalid user admin from 127.0.0.1 port 35102",
            // npm's debug log: a sequence number, then the level
            "45 error code ETARGET",
            // a program's own message with Python's OS error in it (strace -c of its run)
            "connect failed: [Errno 111] Connection refused",
            // Rails' exception whose message goes on below (`Did you mean?  portrayed=`)
            "NoMethodError (undefined method `portrated=' for #<Character:0x00007fa6df898838>",
            // the corpus's error words with their suffixes left off: `fail`, `corrupt`
            "Apr 18 01:08:12 raspberrypi systemd-fsck[219]: 0x41: Dirty bit is set. Fs was not properly unmounted and some data may be corrupt.",
            "mount: /mnt/usb: mount(2) system call did fail",
        ] {
            assert!(is_errorish(l), "{l}");
        }
        for l in [
            "2024-01-02 10:00:00 INFO retrying after timeout",
            "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET /error.html HTTP/1.0\" 200 12",
            "openat(AT_FDCWD, \"/etc/x\", O_RDONLY) = 3",
            r#"{"level":"info","msg":"handled request","request":{"method":"GET","uri":"/a"},"status":200}"#,
            "tests/test_a.py::test_invalid_input PASSED [ 10%]",
            "       an error occurred.  However, if the -q option is used",
            "If the file is not found, an error is returned.",
            "Prose that mentions an error, in passing, and fails to be one.",
            " context line of a diff that cannot fail",
            "src/app.py:    raise ValueError(\"invalid input\")",
            "ValueError (see below) is what the parser raises",
            "2024-01-02 10:00:00 WARN disk failure predicted",
            "I1130 10:00:00.123456       1 server.go:58] request failed? no: retried and served",
            "127.0.0.1:47126 [30/Nov/2026:11:05:01.348] www web/web1 0/0/0/1/1 200 153 - - ---- 1/1/0/0/0 0/0 \"GET /error HTTP/1.1\"",
            // HAProxy's tcplog: 503 bytes sent
            "10.0.0.2:40001 [30/Nov/2026:11:00:01.007] mysql-in mysql/db2 1/0/1936 503 -- 2/2/0/0/0 0/0",
        ] {
            assert!(!is_errorish(l), "{l}");
        }
    }
}
