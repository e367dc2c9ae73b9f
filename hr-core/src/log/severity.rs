//! Severity from the line itself: a level field (words, `[error]`, logcat letters, JSON
//! `level`/`severity`), an HTTP status >= 400 in an access log, a failed syscall in strace.
//! Lines without any of these fall back to the caller's keyword rule.

use crate::log::fields::{json_field, json_pairs, request_field, request_field_where, Columns};
use crate::probes::RequestKey;
use crate::re::{finder, re};
use std::borrow::Cow;

/// A line's level: the same scale the sniffer and the guard read.
pub use crate::logline::Severity as Level;

/// What a line says about itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Severity {
    pub level: Level,
    /// For errors whose message is not their template (an access-log line fails by its
    /// request, not its wording).
    pub key: Option<RequestKey>,
    /// whether the level came from a field of the line (then no keyword rule applies)
    pub from_field: bool,
    /// whether the line is a request with its HTTP status (an access-log record)
    pub http: bool,
}

const NONE: Severity = Severity {
    level: Level::Other,
    key: None,
    from_field: false,
    http: false,
};

pub fn severity(line: &str, columns: &Columns) -> Severity {
    if let Some(s) = json_severity(line) {
        return s;
    }
    // an access line's request and a JSON object both hold a `"`: most lines hold none
    if memchr::memchr(b'"', line.as_bytes()).is_some() {
        if let Some(s) = prefixed_record(line).and_then(|at| json_severity(&line[at..])) {
            return s;
        }
        if let Some(s) = access_severity(line) {
            return s;
        }
        if let Some(status) = crate::logline::haproxy_status(line) {
            let (method, path) = crate::logline::http_request(line).unwrap_or_default();
            return status_severity(method, path, status, line);
        }
        // a console logger's fields as JSON after the message (Caddy, zap): a failed request
        if let Some(at) = finder!(b"{\"").find(line.as_bytes()) {
            if let Some(s) = json_status(&line[at..]).filter(|s| s.key.is_some()) {
                return s;
            }
        }
    }
    if let Some((method, path, status)) = crate::logline::logfmt_status(line) {
        return status_severity(method, path, status, line);
    }
    if let Some(mut s) = columns
        .status(line)
        .map(|(m, p, st)| status_severity(m, p, st, line))
    {
        if let Some(key) = s.key.as_mut() {
            key.client = columns.client(line).map(crate::hash::of_text);
        }
        return s;
    }
    if let Some(failed) = strace_failed(line) {
        return stated(if failed { Level::Error } else { Level::Other });
    }
    // a request a framework logs as failed fails by its status, whatever level it was logged
    // at (Django's `WARNING - Not Found: /api/x/`), as an access log's line does
    if let Some((status, method, path)) = crate::logline::reason_request(line) {
        return status_severity(method, path, &status.to_string(), line);
    }
    let (mut level, end) = level_at(line);
    if end == 0 {
        if let Some(level) = crate::logline::alert_priority(line) {
            return stated(level);
        }
    }
    if end == 0 {
        if let Some(s) = bare_request_severity(line) {
            return s;
        }
        // a client's failed response (`…/v1.98.0.mod: 403 Forbidden`, `< HTTP/1.1 404`), an
        // exception raised (Node's `TypeError: Cannot read properties of null`, behind a
        // process manager's prefix; a warning category, `DeprecationWarning: …`, is none), a
        // Rust thread's panic, the kernel's fault (`BUG: kernel NULL pointer dereference`), or
        // failures counted (Ansible's recap: `failed=1`)
        if level < Level::Error
            && (crate::logline::failed_response(line)
                || raises(line)
                || failed_code(line)
                || build_step_failed(line)
                || crate::logline::is_rust_panic(line)
                || crate::logline::is_kernel_fault(line)
                || crate::logline::failed_audit(line)
                || crate::logline::failure_tally(line) == Some(crate::logline::Tally::Failures))
        {
            level = Level::Error;
        }
        // Perl's warnings name the place in a script they were raised at, whatever they say
        // (`Use of uninitialized value in sprintf at report.pl line 12.`, `… at lib/Shop.pm line
        // 31, <STDIN> line 4.`); a death says so in its words (`Died at …`, `Can't locate …`)
        if level < Level::Warn && perl_warns(line) {
            level = if perl_dies(line) { Level::Error } else { Level::Warn };
        }
    }
    // a crash a line states as a warning is an error (php-fpm's `WARNING: [pool www] child
    // 7781 exited on signal 11 (SIGSEGV)`, supervisord's `WARN exited: api (terminated by
    // SIGSEGV; not expected)`). (A look for one on every line that states a level cost 5% of a
    // log's time: lines at lower levels keep theirs)
    if level == Level::Warn && end > 0 && crate::logline::crashed(&line[end..]) {
        level = Level::Error;
    }
    // and so is a worker's failure that its supervisor relays as a warning (see
    // `logline::relayed`): the worker's words, read as a line of their own, say how it went
    // (the guard reads the level they state, `logline::declared`: a failed request or an
    // exception raised there is an error to the compressor alone, which keeps more)
    if level == Level::Warn && end > 0 {
        if let Some(said) = crate::logline::relayed(&line[end..]) {
            level = level.max(severity(said, &Columns::default()).level);
        }
    }
    // a request an application logs at a level below its warnings, as its message (spdlog's
    // `[info] GET /static/x.css 404 9b`, a glog `I` line's): it failed by its status, as an
    // access log's request does, and so the guard reads it; its failures fold by method, path
    // and status
    if level < Level::Warn && end > 0 {
        let message = &line[end..];
        // (every request names a path, or a URL: a look for its slash spares most lines the rest)
        if memchr::memchr(b'/', message.as_bytes()).is_some() {
            if let Some(s) = bare_request_severity(message) {
                return s;
            }
        }
        // a response that a web framework logs at a level of its own, below its errors, as what
        // it says first (Mojolicious's `[trace] [HwQ8dbTYBAPm] 401 Unauthorized (0.0007s, …)`,
        // Rails' `INFO -- : Completed 500 Internal Server Error in 12ms`) failed by its status
        // and so does a run's tally that counts failures (see `logline::tallies_failures`)
        if answers_with_failure(message) || crate::logline::tallies_failures(message) {
            level = Level::Error;
        }
    }
    // a test harness's verdict that its runner logs at info level (mozharness: `12:01:26
    // INFO - TEST-UNEXPECTED-TIMEOUT | automation.py | …`) says a test failed: it is read as
    // an error, whose repeats fold with their count
    if level < Level::Error && end > 0 && after_dashes(line[end..].trim_start()).starts_with("TEST-UNEXPECTED-") {
        level = Level::Error;
    }
    Severity {
        level,
        key: None,
        from_field: end > 0,
        http: false,
    }
}

/// `text` after the `- ` marks it opens with (mozharness' `INFO - `): a look at its bytes, where
/// `trim_start_matches("- ")` builds a searcher on every line that states a level.
fn after_dashes(mut text: &str) -> &str {
    while let Some(rest) = text.strip_prefix("- ") {
        text = rest;
    }
    text
}

/// Whether `message` opens with a failed response's status and its standard reason, after the
/// marks that set it off from the level (Ruby's ` -- : `) and a word or two at most (a
/// request's id, `Completed`).
fn answers_with_failure(message: &str) -> bool {
    // (three digits from 4 after a space among the first bytes, read as a mask of the digits,
    // spare most lines the patterns: this runs on every line that states a level below a
    // warning)
    let head = &message.as_bytes()[..message.len().min(64)];
    let mut runs = crate::logline::runs_of_three(crate::logline::digit_mask(head));
    let mut status = false;
    while runs != 0 && !status {
        let k = runs.trailing_zeros() as usize;
        runs &= runs - 1;
        status = k > 0 && head[k - 1] == b' ' && matches!(head[k], b'4' | b'5');
    }
    status
        && re!(r"^[\s:|-]*(\S+ ){0,2}[45]\d\d [A-Z]").is_match(message)
        && crate::logline::failed_response(message)
}

/// A request line with no level of its own and its request not quoted (morgan's `GET /items/7
/// 404 0.4 ms - 9`, Fiber's, Squid's): its status says how it went, as a quoted request's does,
/// so that its failures fold by method, path and status and a fold counts them. A line that
/// states a level (`INFO [w-3] GET /x 200 12ms`) is an application's event, read by its level,
/// unless what it says after its level is such a request, failed (see `severity`).
fn bare_request_severity(line: &str) -> Option<Severity> {
    let status = crate::logline::bare_request_status(line).filter(|&s| s >= 400)?;
    let (method, path) = crate::logline::http_request(line).unwrap_or_default();
    Some(status_severity(method, path, &status.to_string(), line))
}

// not logline::word_severity: the log compressor also reads FAILURE, EMERGENCY, DPANIC, FINE*, and no lone letters
pub(super) fn word_level(word: &str) -> Option<Level> {
    let mut buf = [0u8; 11];
    match crate::logline::upper(word, &mut buf)? {
        b"ERROR" | b"ERR" | b"SEVERE" | b"FAILURE" => Some(Level::Error),
        b"FATAL" | b"CRITICAL" | b"CRIT" | b"EMERG" | b"EMERGENCY" | b"ALERT" | b"PANIC"
        | b"DPANIC" | b"FTL" | b"PNC" => Some(Level::Fatal),
        b"WARN" | b"WARNING" | b"WRN" => Some(Level::Warn),
        b"INFO" | b"INFORMATION" | b"DEBUG" | b"TRACE" | b"NOTICE" | b"VERBOSE" | b"FINE" | b"FINER" | b"FINEST"
        | b"INF" | b"DBG" | b"TRC" | b"VRB" => Some(Level::Other),
        _ => None,
    }
}

/// `{"level":"error",…}`, `"severity":"WARNING"`, or a syslog priority number (0-3 are errors).
fn json_severity(line: &str) -> Option<Severity> {
    let t = line.trim_start();
    if !t.starts_with('{') {
        return None;
    }
    let status = json_status(t);
    if status.is_some_and(|s| s.key.is_some()) {
        return status; // a failed request: its message is the request, whatever the level says
    }
    // whatever the name's case (Serilog's JSON capitalises it: `"Level":"Warning"`)
    let field = |name: &str| json_pairs(t).find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v);
    for name in LEVEL_NAMES.iter().chain(&["priority"]) {
        if let Some(v) = field(name) {
            let v = crate::logline::without_json_colours(v.trim_matches('"'));
            let level = match v.parse() {
                Ok(n) if *name == "priority" => crate::logline::numeric_severity(n),
                Ok(n) => crate::logline::level_number(n),
                Err(_) => word_level(v).unwrap_or(Level::Other),
            };
            // journald gives what a service writes to its output the unit's priority (6, info,
            // unless told otherwise): a line written with its own level says how it went
            // (`"MESSAGE":"[…] [ERROR] Worker (pid:16806) exited with code 4."`)
            let level = match field("message").filter(|_| *name == "priority" && level < Level::Warn) {
                Some(text) => level.max(level_at(text.trim_matches('"')).0),
                None => level,
            };
            // (a crash a record states as a warning is an error, as a line's is)
            let crashed = level == Level::Warn && crate::logline::crashed(t);
            return Some(stated(if crashed { Level::Error } else { level }));
        }
    }
    if let Some(level) = alert_severity(t) {
        return Some(stated(level));
    }
    // a container runtime's record of a line its program wrote (docker's json-file: `{"log":
    // "{\"level\":\"error\",…}\n","stream":"stdout",…}`): a program that logs JSON states its
    // level in the record it wrote
    if let Some(s) = crate::logline::wrapped_record(t).and_then(|record| json_severity(&record)) {
        return Some(s);
    }
    // MongoDB's one-letter `s`, or a level's name one object down
    json_field(t, "s")
        .and_then(|v| crate::logline::letter_severity(v.trim_matches('"')))
        .or_else(|| nested_level(t))
        .or_else(|| windows_event_level(t))
        .map(stated)
        .or(status)
}

/// A Windows event's level, where its schema nests it (`{"Event":{…,"System":{…,"Level":2,…}}}`,
/// as `evtx_dump` writes it), on its own scale (see `logline::windows_level`).
fn windows_event_level(record: &str) -> Option<Level> {
    let system = json_field(json_field(record, "Event")?, "System")?;
    json_field(system, "Level")?.parse().ok().map(crate::logline::windows_level)
}

/// The level Suricata's EVE JSON states an alert at: its priority, under the name `severity`
/// in the `alert` object (`{"event_type":"alert",…,"alert":{"signature":"ET MALWARE …",
/// "severity":1,…}}`), as its fast.log states it (`logline::alert_priority`). Each signature
/// of a high-priority alert is then an error of its own.
fn alert_severity(record: &str) -> Option<Level> {
    if json_field(record, "event_type")? != "\"alert\"" {
        return None;
    }
    let priority = json_field(json_field(record, "alert")?, "severity")?;
    match priority.as_bytes() {
        [p] => crate::logline::priority_severity(*p),
        _ => None,
    }
}

/// The names a JSON record gives its level under, whatever their case (`priority` aside: a
/// number there is a syslog priority): Python's logging names it `levelname` (python-json-logger,
/// oslo.log's JSON formatter), Serilog's compact JSON `@l`, HashiCorp's hclog `@level`.
const LEVEL_NAMES: [&str; 9] = ["level", "severity", "lvl", "log.level", "loglevel", "levelname", "loglevelname", "@l", "@level"];

/// The severity a line states in a field of its own: `level`, and no request.
pub(super) fn stated(level: Level) -> Severity {
    Severity {
        level,
        key: None,
        from_field: true,
        http: false,
    }
}

/// The level a record states in an object it nests its event's own fields in, one level down
/// (dbt's `{"data": {…}, "info": {"level": "error", "msg": …}}`, tslog's `"_meta": {…,
/// "logLevelName": "WARN"}`), as the guard reads it anywhere: a level's name, not a number (an
/// order's `"priority": 1` is no syslog priority, a heading's `"level": 2` no level), but on
/// pino's scale under a name that says it is a log's (roarr's `"context": {…, "logLevel": 50}`;
/// .NET's `"LogLevel": 2`, an enum's Information, is none).
fn nested_level(record: &str) -> Option<Level> {
    json_pairs(record).filter(|(_, v)| v.starts_with('{')).find_map(|(_, object)| {
        let (key, v) = json_pairs(object).find(|(k, _)| LEVEL_NAMES.iter().any(|n| k.eq_ignore_ascii_case(n)))?;
        let v = v.trim_matches('"');
        match v.parse() {
            Ok(n @ 10..=60) if key.eq_ignore_ascii_case("loglevel") => Some(crate::logline::numeric_severity(n)),
            Ok(_) => None,
            Err(_) => word_level(v),
        }
    })
}

/// Whether `line` reports a process that ended, or an operation that returned, with a code
/// other than 0, the way it says it failed (pm2's `App [api:0] exited with code [1]`, honcho's
/// `web.1 stopped (rc=-15)`, `Process finished with exit code 137`, slapd's `RESULT tag=97
/// err=49`; Slurm's `_job_complete: JobId=13 WEXITSTATUS 7` and `JobState=FAILED …
/// ExitCode=139:0`; strace's `+++ exited with 1 +++` of a traced process), or a process a
/// crash ended, whatever its code (see `logline::crashed`).
pub(super) fn failed_code(line: &str) -> bool {
    // (most lines hold none of these words: a look for them first)
    let b = line.as_bytes();
    // (`xit`: `exit` and `Exit` alike, as the pattern reads them, and `XIT` of `WEXITSTATUS`)
    let coded = finder!(b"xit").find(b).is_some()
        || finder!(b"XIT").find(b).is_some()
        || finder!(b"rc=").find(b).is_some()
        || finder!(b"err=").find(b).is_some();
    // (the macro in capitals, and the exit code before the signal, say where a code is one;
    // systemd gives the status after how it ended: `Main process exited, code=exited,
    // status=2/INVALIDARGUMENT`)
    let code = re!(r"(?i:(?:\bexit(?:ed)?(?: with)?(?: code| status):?|\(rc)[ =]|\berr=)\[?(-?\d+)\]?|\bWEXITSTATUS (\d+)|\bExitCode=(\d+):\d|\bcode=exited, status=(\d+)|\+\+\+ exited with (\d+) \+\+\+");
    (coded
        && code
            .captures(line)
            .and_then(|c| c.iter().skip(1).flatten().next())
            .is_some_and(|c| c.as_str().trim_start_matches('-').bytes().any(|d| d != b'0')))
        || crate::logline::crashed(line)
}

/// Whether `line` is ninja's verdict on a build step, the outputs it failed to make
/// (`FAILED: zephyr/zephyr_pre0.elf zephyr/zephyr_pre0.map`), as make's `make[2]: *** [all]
/// Error 2` is make's: CMake's and Meson's builds fail so. An output is a file, a name with a
/// dot or a slash in it (a harness's tally, `FAILED: 0`, is none). Behind a CI service's stamp
/// too: a CMake build's job on GitHub Actions.
fn build_step_failed(line: &str) -> bool {
    // (a look for the words first: this asks every line that states no level)
    finder!(b"FAILED: ").find(line.as_bytes()).is_some()
        && crate::logline::unstamped(line)
            .strip_prefix("FAILED: ")
            .and_then(|outputs| outputs.split_ascii_whitespace().next())
            .is_some_and(|output| output.contains(['.', '/']) && output.bytes().any(|c| c.is_ascii_alphabetic()))
}

/// Whether `line` ends as Perl ends a warning, with the place in a script it was raised at.
fn perl_warns(line: &str) -> bool {
    // (a look at its last bytes first: this runs on every line that states no level. A TAP
    // comment names a failed test's place so, `#   at t/basic.t line 11.`: a test's, no warning)
    line.trim_end().ends_with('.')
        && !line.starts_with('#')
        && finder!(b" line ").find(line.as_bytes()).is_some()
        && re!(r" at \S+ line \d+(?:, <[^>]*> (?:line|chunk) \d+)?\.\s*$").is_match(line)
}

/// Whether a line Perl ends with the place it was raised at (see `perl_warns`) says the
/// script died: `Died at …`, or error words in what it says before its place, outside a
/// variable's or a file's name (`Use of uninitialized value $error in sprintf at
/// lib/App/Error.pm line 12.` is a warning).
fn perl_dies(line: &str) -> bool {
    let said = line.rfind(" at ").map_or(line, |at| &line[..at]);
    said.starts_with("Died")
        || said
            .split_ascii_whitespace()
            .filter(|w| !w.starts_with(['$', '@', '%']))
            .any(crate::logline::error_words)
}

/// Whether what `line` says after its stream's or source's tag and its time names an
/// exception raised.
fn raises(line: &str) -> bool {
    // (a look for the names' endings first: most lines hold neither. A `SystemExit` or
    // `KeyboardInterrupt` raises a trace of frames, read as one)
    let b = line.as_bytes();
    if finder!(b"Error").find(b).is_none() && finder!(b"Exception").find(b).is_none() {
        return false;
    }
    let line = &line[crate::logline::stream_prefix_len(line)..];
    let (tag, time) = crate::logline::tag_and_time_end(line);
    let body = line[time.unwrap_or(tag)..].trim_start();
    // (most lines are settled by their first word's first byte)
    body.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) && crate::log::exception_header(body) && !body.split([':', ' ']).next().is_some_and(|name| name.ends_with("Warning"))
}

/// Where a JSON record starts behind a prefix that states no level: a source tag, a time, a
/// container runtime's stream (`api-1  | {"level":"error",…}`, `kubectl logs --timestamps`'
/// `2026-12-04T10:00:03.25Z {…}`, a pod's log file `2026-12-04T10:00:03.25Z stderr F {…}`).
/// The record's fields say how it went, as an unprefixed one's do. A line that states its
/// level before the record (a console logger's fields as JSON after its message) is read by it.
fn prefixed_record(line: &str) -> Option<usize> {
    let at = finder!(b"{\"").find(line.as_bytes())?;
    (at > 0 && line.trim_end().ends_with('}') && level_at(&line[..at]).1 == 0).then_some(at)
}

/// The status of a JSON access record, with its method and path, at the top level or in an
/// object that holds the request or the response (`fields::request_field`: Caddy's `request`,
/// Suricata's `http`).
fn json_status(t: &str) -> Option<Severity> {
    // a Kubernetes audit event fails by its response's code, for the request its `verb` and
    // `requestURI` name
    if let Some(code) = crate::logline::audit_response_code(t) {
        let field = |name: &str| crate::log::fields::json_field(t, name).unwrap_or("").trim_matches('"');
        return Some(status_severity(field("verb"), field("requestURI"), code, t));
    }
    let (status, within) = request_field_where(t, &crate::logline::STATUS_KEYS)?;
    let status = status.trim_matches('"');
    let find = |names: &[&str]| request_field(t, names).unwrap_or("").trim_matches('"');
    let method = find(&crate::logline::METHOD_KEYS);
    let path = find(&crate::logline::PATH_KEYS);
    // a status nested in an object is a request's when it is an HTTP code beside the request's
    // method or path: an application's record that holds an upstream's response (`"response":
    // {"status":200}`) or a job's (`"status":"ok"`) is no access record, and its level decides.
    // The response a server sent is its own request's (Fastify logs it alone, at info level)
    let http_code = || status.parse::<u16>().is_ok_and(|c| (100..600).contains(&c));
    let sent = within == Some(crate::log::fields::SERVER_RESPONSE);
    let answers_a_request = http_code() && (sent || !method.is_empty() || !path.is_empty());
    if within.is_some() && !answers_a_request {
        return None;
    }
    Some(status_severity(method, path, status, t))
}

/// An access line whose request is quoted, its status before or after it (see
/// `logline::status_before_request`, `logline::status_after_request`).
fn access_severity(line: &str) -> Option<Severity> {
    let (method, path, status) = crate::logline::status_before_request(line)
        .or_else(|| crate::logline::status_after_request(line))
        .or_else(|| crate::logline::status_after_command(line))?;
    Some(status_severity(method, path, status, line))
}

/// HTTP status >= 400 is an error; its message is the method, the path's shape and the status,
/// and the virtual host that a vhost log names (and the line's word count, and a JSON record's
/// count of keys at any depth: a request logged with another client or referer shape, or other
/// fields, reads as another event).
pub fn status_severity(method: &str, path: &str, status: &str, line: &str) -> Severity {
    let s = status_code_severity(method, path, status, line);
    Severity {
        http: s.from_field,
        ..s
    }
}

fn status_code_severity(method: &str, path: &str, status: &str, line: &str) -> Severity {
    let code: u16 = match status.parse() {
        Ok(c) if (100..600).contains(&c) => c,
        _ => return NONE,
    };
    if code < 400 {
        return Severity {
            level: Level::Other,
            key: None,
            from_field: true,
            http: false,
        };
    }
    let path = path.split(['?', '#']).next().unwrap_or("");
    let host = crate::logline::virtual_host(line).unwrap_or("");
    // the line's shape: its word count, and a JSON record's keys at any depth, which its words
    // do not count (every `":` from its first `{"`, one in a string value too): a record with
    // other fields (Suricata's flushed at shutdown lack the packet count) is another event
    let words = line.split_ascii_whitespace().count();
    let keys = finder!(b"{\"").find(line.as_bytes()).map(|at| finder!(b"\":").find_iter(&line.as_bytes()[at..]).count());
    let key = match keys {
        Some(keys) => RequestKey::new(method, host, code, &[words, keys], path),
        None => RequestKey::new(method, host, code, &[words], path),
    };
    Severity {
        level: Level::Error,
        key: Some(key),
        from_field: true,
        http: false,
    }
}

/// `Some(true)` for a failed syscall in strace output (`… = -1 ENOENT (…)`), `Some(false)` for
/// another strace line, `None` when the line is not strace's. A call may stand behind `strace
/// -f`'s `[pid 42] `, or a pid and a time; a call that another process's line interrupted
/// returns on a line of its own (`<... openat resumed>…) = -1 ENOENT`).
// not logline::failed_syscall: this one also says whether the line is strace's at all (`None`)
fn strace_failed(line: &str) -> Option<bool> {
    let b = line.as_bytes();
    let mut i = 0;
    if b.starts_with(b"[pid ") {
        i = b.iter().position(|&c| c == b']')? + 1;
    }
    // a pid and a time
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b':' || b[i] == b'.' || b[i] == b' ') {
        i += 1;
    }
    let resumed = b[i..].starts_with(b"<... ");
    if resumed {
        i += 5;
    }
    let name = i;
    while i < b.len() && (b[i].is_ascii_lowercase() || b[i].is_ascii_digit() || b[i] == b'_') {
        i += 1;
    }
    let called = if resumed { b[i..].starts_with(b" resumed>") } else { b.get(i) == Some(&b'(') };
    if i == name || !called {
        return None;
    }
    // a call another process interrupted returns on a line of its own: the text it writes here
    // is its data (`write(2, "cannot access '/nope'", 22 <unfinished ...>`), no failure, where
    // the call itself may be one (ltrace's libc `error(0, 13, … <unfinished ...>`)
    if line.trim_end().ends_with("<unfinished ...>") {
        return (!crate::logline::error_words(&crate::mask::without_quoted(line))).then_some(false);
    }
    // strace pads a short call's return to its column: `access("/x", F_OK)      = -1 ENOENT`
    let eq = memchr::memmem::rfind(b, b" = ")?;
    if !line[..eq].trim_end_matches(' ').ends_with(')') {
        return None;
    }
    Some(line[eq + 3..].starts_with("-1 E"))
}

/// The level of a line and the byte offset just past its level token (0 when it has none):
/// what follows is the message, without the timestamp and other header fields.
// not logline::severity: this one gives the level's end, reads colours and Apache `[mod:level]`, and asks no header
pub fn level_at(line: &str) -> (Level, usize) {
    if let Some(stated) = crate::logline::banner_level(line) {
        return stated;
    }
    if memchr::memchr(0x1b, line.as_bytes()).is_some() {
        // a coloured level (`\x1b[31mERROR\x1b[0m`) reads like a plain one; an escape that is
        // no colour (`\x1b[K`) stays, and the line is read as it is (recursing on it again
        // would never end)
        if let Cow::Owned(plain) = re!(r"\x1b\[[0-9;]*m").replace_all(line, " ") {
            let (level, end) = level_at(&plain);
            return (level, (end > 0) as usize * line.len().min(end));
        }
    }
    // BGL puts its level tenth: `- 1117838570 2005.06.03 R02-M1-N0 2005-06-03-15.42.50 R02-M1-N0 RAS KERNEL INFO`
    let mut above = "";
    for (i, tok) in line.split_ascii_whitespace().take(10).enumerate() {
        let before = std::mem::replace(&mut above, tok);
        let end = tok.as_ptr() as usize - line.as_ptr() as usize + tok.len();
        // a syslog priority that opens the line (`<17>1 2026-…`) states an error as the guard
        // reads it (`logline::declared`); a lower one leaves the words to say how it went: a
        // daemon's warnings at `<28>` (snmpd's hundreds of `Did not find 'X' in module …`) are
        // read as a line that states no level, whose words may still say it failed
        if let Some(level) = (i == 0).then(|| crate::logline::syslog_priority(tok)).flatten().and_then(crate::logline::priority_level).filter(|l| *l >= Level::Error) {
            return (level, end);
        }
        if crate::logline::is_bracketed_note(tok) {
            return (Level::Other, end);
        }
        if let Some(level) = crate::logline::level_before_brackets(tok).or_else(|| crate::logline::facility_level(tok, &line[end..])) {
            return (level, end);
        }
        // glog and klog: `E1130 10:00:00.123456 …`, the letter before the date, opening the
        // line or behind a journal's header; Cisco's `%ASA-4-106023:`
        if let Some(level) = crate::logline::coded_level(line, tok) {
            return (level, end);
        }
        // Android logcat: a lone `E` after its header, its pid and thread's numbers, or
        // `E/Tag(123):` in brief format (a letter after no number or time flags something
        // else: Exim's `F From: …` header in a rejected message's dump, duplicity's `. A
        // app/x.py` for a file added, systemd's `[**    ] (1 of 3) A stop job is running …`).
        // MongoDB before 4.4 writes its letter after an ISO time, then its component in
        // capitals (`2019-03-19T10:04:50.290+0000 E STORAGE  [conn290] …`), where a sentence
        // goes on in small letters behind a CI service's stamp (`…Z A total of 1 test files`)
        let number_or_time = |w: &str| w.bytes().any(|c| c.is_ascii_digit()) && w.bytes().all(|c| c.is_ascii_digit() || c == b':' || c == b'.');
        let iso_time = |w: &str| w.len() >= 19 && w.as_bytes()[4] == b'-' && w.as_bytes()[10] == b'T';
        // (its component, then the context in brackets: `STORAGE  [conn290]`, `-        [main]`)
        let component = || {
            let mut words = line[end..].split_ascii_whitespace();
            words.next().is_some_and(|w| w.bytes().all(|c| c.is_ascii_uppercase() || c == b'-')) && words.next().is_some_and(|w| w.starts_with('['))
        };
        if let Some(level) = crate::logline::logcat_level(line, tok).filter(|_| tok.len() > 1 || number_or_time(before) || (iso_time(before) && component())) {
            return (level, end);
        }
        // (a level glued to a bracketed time first: `[10:00:03.123][ERROR]` is no module's)
        let tok = crate::logline::bracketed_after_time(tok);
        // `[core:error]`, `[ssl:warn]`: Apache names the module before the level
        let tok = match tok.strip_prefix('[').and_then(|t| t.split_once(':')) {
            Some((module, rest))
                if module
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'_') =>
            {
                rest
            }
            _ => tok,
        };
        // `level=error`, `lvl=warn` (logfmt: logrus, Go's slog, Grafana's components)
        let tok = match tok.as_bytes().first() {
            Some(b'l') => tok.strip_prefix("level=").or_else(|| tok.strip_prefix("lvl=")).unwrap_or(tok),
            _ => tok,
        };
        // Windows Update's failure, in stars after the component (`Metadata        *FAILED*
        // [80247160] Method failed [...]`)
        if tok == "*FAILED*" {
            return (Level::Error, end);
        }
        let tok = crate::logline::after_channel(tok);
        let word = crate::logline::level_word(tok);
        if word.len() < 3 || word.len() > 9 || word.len() + 4 < tok.len() {
            continue;
        }
        // (three letters are a level's code in capitals: `WRN`, `FTL`, where a header puts one;
        // and a bare word after a comma is a sentence's, `fetched 50, err <nil>`, where `err:`
        // or `level=error,` still states one)
        let capitals = word.bytes().all(|c| c.is_ascii_uppercase());
        let bare = word.len() == tok.len();
        if (word.len() == 3 && !(capitals && crate::logline::codes_a_level(before, tok)) && !word.eq_ignore_ascii_case("err"))
            || (!capitals && bare && crate::logline::in_a_sentence(before))
        {
            continue;
        }
        if let Some(level) = word_level(word).filter(|_| !crate::logline::counts(before, tok)) {
            return (level, end);
        }
    }
    (Level::Other, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sev(line: &str) -> Severity {
        severity(line, &Columns::default())
    }

    /// A Windows event as `evtx_dump -o jsonl` writes it (omerbenamram/evtx's `samples/system.evtx`),
    /// its level where the schema nests it, at `level`.
    fn windows_event(level: u32) -> String {
        format!(r##"{{"Event":{{"#attributes":{{"xmlns":"http://schemas.microsoft.com/win/2004/08/events/event"}},"System":{{"Provider":{{"#attributes":{{"Name":"BTHUSB"}}}},"EventID":{{"#attributes":{{"Qualifiers":32773}},"#text":28}},"Level":{level},"Task":0,"Keywords":"0x80000000000000","TimeCreated":{{"#attributes":{{"SystemTime":"2017-07-12T17:16:32.4174767Z"}}}},"EventRecordID":55,"Channel":"System","Computer":"WIN-P4SIAA0SQCO","Security":null}},"EventData":{{"Data":{{"#text":""}},"Binary":"0000000001000000000000001C000580000000000000000000000000000000000000000000000000"}}}}}}"##)
    }

    #[test]
    fn a_windows_events_level_is_read_on_its_own_scale() {
        // 1 critical, 2 error, 3 warning, 4 information: not a syslog priority's (3 an error, 4 a warning)
        let level = |n| sev(&windows_event(n)).level;
        assert_eq!(level(1), Level::Fatal);
        assert_eq!(level(2), Level::Error);
        assert_eq!(level(3), Level::Warn);
        assert_eq!(level(4), Level::Other);
        assert_eq!(crate::logline::declared(&windows_event(3)), Some(Level::Warn));
        assert_eq!(crate::logline::declared(&windows_event(4)), Some(Level::Other));
        // a record of no Windows event keeps the syslog scale, or pino's, whatever it forwards
        assert_eq!(crate::logline::declared(r#"{"time":"2017-07-12T17:16:32Z","level":4,"msg":"disk nearly full"}"#), Some(Level::Warn));
        let forwarded = r#"{"level":50,"time":1700000000040,"event":{"EventID":4624},"msg":"forwarded event"}"#;
        assert_eq!(crate::logline::declared(forwarded), Some(Level::Error));
        assert_eq!(sev(forwarded).level, Level::Error);
    }

    #[test]
    fn a_level_nested_in_the_events_own_fields_is_read() {
        // dbt's JSON log: the event's fields under `info`, its data under `data`
        // (far past a line's first words, where a level is looked for in any line)
        let dbt = |level: &str| sev(&format!(r#"{{"data": {{"attached_node": "model.shop.stg_orders", "execution_time": 0.077, "index": 3, "name": "not_null_stg_orders_amount", "node_info": {{"materialized": "test", "node_name": "not_null_stg_orders_amount", "node_status": "fail"}}, "num_failures": 20, "status": "fail"}}, "info": {{"category": "", "code": "Q008", "extra": {{}}, "invocation_id": "5e0c", "level": "{level}", "msg": "3 of 170 FAIL 20 not_null_stg_orders_amount", "name": "LogTestResult"}}}}"#));
        assert_eq!(dbt("error").level, Level::Error);
        assert_eq!(dbt("warn").level, Level::Warn);
        assert_eq!(dbt("info").level, Level::Other);
        // a number nested is no syslog priority, and a word that names no level no level
        assert_eq!(sev(r#"{"msg":"order placed","order":{"id":7,"priority":1}}"#).level, Level::Other);
        assert_eq!(sev(r#"{"msg":"user saved","user":{"level":"admin"}}"#).level, Level::Other);
        // tslog's level's name, roarr's number on pino's scale; a number under a name that is
        // not a log's is none (a heading's), and so is one off pino's scale (.NET's enum, whose
        // 2 is Information)
        let tslog = |name: &str| sev(&format!(r#"{{"0":"delivery attempt 2 failed, retrying","_meta":{{"runtime":"node","name":"delivery","logLevelId":4,"logLevelName":"{name}","path":{{"fileLine":"41"}}}}}}"#));
        assert_eq!(tslog("WARN").level, Level::Warn);
        assert_eq!(tslog("ERROR").level, Level::Error);
        let roarr = |level: u32| sev(&format!(r#"{{"context":{{"program":"roarr-worker","done":50,"ok":45,"failed":5,"logLevel":{level}}},"message":"progress","sequence":"151"}}"#));
        assert_eq!(roarr(20).level, Level::Other);
        assert_eq!(roarr(50).level, Level::Error);
        assert_eq!(sev(r#"{"msg":"doc rendered","heading":{"level":3,"text":"Errors"}}"#).level, Level::Other);
        assert_eq!(sev(r#"{"message":"request 3 served in 6ms","app":{"name":"api","logLevel":2}}"#).level, Level::Other);
    }

    #[test]
    fn a_nested_status_is_a_requests_only_beside_its_method_or_path() {
        // Suricata's `http` object holds the request and its status
        let s = sev(r#"{"event_type":"http","http":{"url":"/x","http_method":"GET","status":404}}"#);
        assert!(s.level == Level::Error && s.key.is_some(), "{s:?}");
        // an application's record that holds an upstream's response or a job's state: its level
        // decides, not a status
        let s = sev(r#"{"level":"info","msg":"job retry","request":{"id":3,"status":404}}"#);
        assert!(s.level == Level::Other && s.key.is_none() && !s.http, "{s:?}");
        let s = sev(r#"{"level":"error","msg":"sync failed","response":{"status":200}}"#);
        assert!(s.level == Level::Error && s.key.is_none(), "{s:?}");
        let s = sev(r#"{"level":"warn","msg":"job done","job":{"status":"ok"},"http":{"status":"ok","url":"/x"}}"#);
        assert!(s.level == Level::Warn && !s.http, "{s:?}");
        // the response a server sent (pino's `res`) is its request's, which Fastify logs alone
        let completed = |status: u16| sev(&format!(r#"{{"level":30,"time":1796422908798,"reqId":"req-4","res":{{"statusCode":{status}}},"responseTime":0.54,"msg":"request completed"}}"#));
        assert_eq!(completed(404).level, Level::Error);
        assert_eq!(completed(200).level, Level::Other);
    }

    #[test]
    fn a_common_format_line_of_another_protocol_fails_by_its_status() {
        // proftpd's ExtendedLog: an FTP session's commands, each with its status; the command
        // and its argument are the message
        let ftp = |command: &str, status: u16| sev(&format!(r#"127.0.0.1 UNKNOWN alice [04/Dec/2026:23:23:48 +0000] "{command}" {status} -"#));
        assert_eq!(ftp("STOR up31.bin", 550).level, Level::Error);
        assert_eq!(ftp("PASV", 227).level, Level::Other);
        assert_ne!(ftp("STOR up31.bin", 550).key, ftp("RETR up31.bin", 550).key);
        // and so does a client's garbage that a web server answered, behind the client alone
        for garbage in [r#""GET /a b" 400"#, r#""\x16\x03\x01\x02\x00" 400"#, r#""- http://localhost HTTP/1.0" 400"#] {
            let line = format!(r#"127.0.0.1 [05/Dec/2026:00:15:30 +0000] {garbage} 266 77 us "-" upstream=-"#);
            assert_eq!(sev(&line).level, Level::Error, "{line}");
        }
    }

    #[test]
    fn a_response_a_framework_logs_below_its_errors_fails_by_its_status() {
        let level = |line: &str| severity(line, &Columns::default()).level;
        for line in [
            "[2026-12-05 00:20:11.66540] [30430] [trace] [HwQ8dbTYBAPm] 401 Unauthorized (0.000708s, 1412.429/s)",
            "I, [2014-06-16T15:45:20.925108 #18925]  INFO -- : Completed 500 Internal Server Error in 23ms",
        ] {
            assert_eq!(level(line), Level::Error, "{line}");
        }
        for line in [
            "[2026-12-05 00:20:11.66540] [30430] [trace] [HwQ8dbTYBAPm] 200 OK (0.000708s, 1412.429/s)",
            // a status the message quotes further on is not the line's answer
            "2026-12-05 00:20:11 INFO retry policy: on 503 Service Unavailable wait 2s",
        ] {
            assert!(level(line) < Level::Warn, "{line}");
        }
    }

    #[test]
    fn a_request_an_application_logs_below_its_warnings_fails_by_its_status() {
        // spdlog's default pattern: a server's requests at info, each with its status
        let line = |status: u16, path: &str| sev(&format!("[2026-12-05 03:18:28.875] [httpd] [info] GET {path} {status} 9b user=carol"));
        let failed = line(404, "/static/missing0.css");
        assert!(failed.level == Level::Error && failed.key.is_some(), "{failed:?}");
        assert_ne!(failed.key, line(404, "/api/users").key);
        assert_ne!(failed.key, line(403, "/static/missing0.css").key);
        assert_eq!(line(200, "/static/missing0.css").level, Level::Other);
        // an event that names a request with no status after its path is read by its level
        assert_eq!(sev("2026-12-05 03:18:28,875 INFO [w-3] GET /x took 404 ms").level, Level::Other);
    }

    #[test]
    fn monolog_names_its_channel_before_the_level() {
        for (line, level) in [
            (r#"[2026-12-05T00:16:39.339381+00:00] shop.WARNING: payment failed: card declined {"exception":"[object] (PaymentException(code: 402))"} []"#, Level::Warn),
            ("[2018-09-05 20:20:51] local.ERROR: boom", Level::Error),
            ("[2018-09-05 20:20:51] production.INFO: login ok", Level::Other),
        ] {
            assert_eq!(sev(line).level, level, "{line}");
            // the level a trace under it is raised at
            assert_eq!(crate::logline::declared(line), Some(level), "{line}");
        }
    }

    #[test]
    fn python_logging_names_its_logger_after_the_level() {
        // `logging.basicConfig`'s format, `%(levelname)s:%(name)s:%(message)s`, alone or
        // behind a runner's own time (huey, under concurrently)
        for (line, level) in [
            ("ERROR:root:could not open /etc/app.toml", Level::Error),
            ("WARNING:urllib3.connectionpool:Retrying (Retry(total=2)) after connection broken", Level::Warn),
            ("[2026-12-05 07:26:30,200] ERROR:huey:Worker-1:Unhandled exception in task 8acd5c02.", Level::Error),
            ("CRITICAL:__main__:out of disk", Level::Fatal),
            ("INFO:werkzeug:Press CTRL+C to quit", Level::Other),
        ] {
            assert_eq!(sev(line).level, level, "{line}");
            assert_eq!(crate::logline::declared(line), Some(level), "{line}");
        }
        // a word in capitals before a colon is no level unless a logger's name follows
        for line in ["NOTE:this is fine", "ERROR: /x/y.c:3: bad", "TODO:fix:later"] {
            assert_eq!(sev(line).level, if line.starts_with("ERROR") { Level::Error } else { Level::Other }, "{line}");
        }
    }

    #[test]
    fn ninja_names_the_outputs_a_failed_step_did_not_make() {
        for (line, failed) in [("FAILED: zephyr/zephyr_pre0.elf zephyr/zephyr_pre0.map", true), ("FAILED: libfoo.a", true), ("FAILED: 0", false), ("FAILED: 3 of 78 checks", false),
            ("2025-03-01T10:00:00.1234567Z FAILED: src/CMakeFiles/app.dir/main.cpp.o", true), ("[2025-03-01T10:00:00.123Z] FAILED: libfoo.a", true),
            ("2025-03-01T10:00:00.1234567Z FAILED: 0", false), ("2025-03-01T10:00:00.1234567Z step FAILED: src/a.o", false)] {
            assert_eq!(build_step_failed(line), failed, "{line}");
        }
    }

    #[test]
    fn windows_update_states_a_failure_in_stars() {
        let line = "2021/07/13 10:52:27.1523000 4388  10044 Metadata        *FAILED* [80247160] Method failed [MetadataIntegrity::SignatureVerifier::VerifySignature:276]";
        assert_eq!(sev(line).level, Level::Error);
        assert!(level_at(line).1 == line.find("*FAILED*").unwrap() + 8);
        assert_eq!(sev("2021/07/13 15:04:05.5864545 9624  444   ComApi          *RESUMED* Download ClientId = UpdateOrchestrator").level, Level::Other);
    }

    #[test]
    fn celery_names_its_process_after_the_level() {
        // `[%(asctime)s: %(levelname)s/%(processName)s] %(message)s`, Celery's default format
        for (line, level) in [
            ("[2017-05-11 15:08:03,646: ERROR/MainProcess] Received unregistered task of type 'tasks.user.search_keyword'.", Level::Error),
            ("[2017-05-11 15:04:08,905: WARNING/ForkPoolWorker-1] Retrying in 2.00 seconds", Level::Warn),
            ("[2017-05-11 15:04:27,391: INFO/MainProcess] Task tasks.user.crawl succeeded in 1.5s: None", Level::Other),
            // multiprocessing names a child's child after its parent
            ("[2024-01-01 10:00:17,119: WARNING/ForkProcess-1:1] Task tasks.sync[1f2e] retry: Retry in 5s", Level::Warn),
        ] {
            assert_eq!(sev(line).level, level, "{line}");
            assert_eq!(crate::logline::declared(line), Some(level), "{line}");
        }
        // a protocol's version is no process
        assert_eq!(sev("10.0.0.1 HTTP/1.1 upgrade ERRORS/sec=0").level, Level::Other);
        // nor is a path or another word after a level's word: the line says what it says
        for (line, level) in [
            ("2024-05-01 10:00:00 sync INFO/data/r0.csv FAILED: exit code 1", Level::Error),
            ("2024-05-01 10:00:00 artifact DEBUG/build-7.log: upload failed: HTTP 503 Service Unavailable", Level::Error),
            ("2024-05-01 10:00:00 report: ERROR/WARNING counters for shard 0 are 0/0", Level::Other),
            ("2024-05-01 10:00:00 trivy: image scanned, CRITICAL/HIGH findings: 0", Level::Other),
        ] {
            assert_eq!(sev(line).level, level, "{line}");
        }
    }

    #[test]
    fn a_level_in_brackets_glued_to_a_bracketed_time_is_the_lines_level() {
        // Kibana: `[time][LEVEL][logger]`, one word to a split at spaces
        let kibana = |level: &str| format!("kibana_1  | [2024-02-02T14:25:50.097+00:00][{level}][plugins.security.authentication] License is not available.");
        assert_eq!(sev(&kibana("ERROR")).level, Level::Error);
        assert_eq!(sev(&kibana("WARN ")).level, Level::Warn);
        assert_eq!(sev(&kibana("INFO ")).level, Level::Other);
        // a time alone in its bracket, read before Apache's `[module:level]`
        assert_eq!(sev("[10:00:03.123][ERROR][shop.orders] payment declined").level, Level::Error);
        assert_eq!(crate::logline::declared(&kibana("ERROR")), Some(crate::logline::Severity::Error));
        // a bracket of a time alone, or of words, is no level
        assert_eq!(crate::logline::bracketed_after_time("[2024-02-02T14:25:50.097+00:00]"), "[2024-02-02T14:25:50.097+00:00]");
        assert_eq!(crate::logline::bracketed_after_time("[main][ERROR]"), "[main][ERROR]");
        // Calico's Felix: the level bracketed before its process id
        let felix = |level: &str| format!("2024-05-08 15:23:58.719 [{level}][501368] felix/health.go 196: Checking state of reporter reporter=&health.reporterState{{name:\"int_dataplane\", reports:health.HealthReport{{Live:true, Ready:true, Detail:\"unavailable\"}}}}");
        assert_eq!(sev(&felix("DEBUG")).level, Level::Other);
        assert_eq!(sev(&felix("ERROR")).level, Level::Error);
        assert_eq!(crate::logline::declared(&felix("DEBUG")), Some(crate::logline::Severity::Other));
        assert_eq!(crate::logline::declared(&felix("WARNING")), Some(crate::logline::Severity::Warn));
        assert_eq!(crate::logline::bracketed_after_time("[HTTP][x]"), "[HTTP]");
    }

    #[test]
    fn an_eve_alerts_severity_is_its_priority() {
        // Suricata's EVE JSON: an alert's priority is the `severity` in its `alert` object
        let alert = |severity: &str| format!(r#"{{"timestamp":"2023-11-01T00:47:39.415869+0100","flow_id":904061049256329,"event_type":"alert","src_ip":"10.10.31.101","alert":{{"action":"allowed","gid":1,"signature_id":2049070,"signature":"ET MALWARE Observed IcedID Domain (manjuskploman .com in TLS SNI)","category":"A Network Trojan was detected","severity":{severity},"metadata":{{"malware_family":["IcedID"]}}}}}}"#);
        assert_eq!(sev(&alert("1")).level, Level::Error);
        assert_eq!(sev(&alert("2")).level, Level::Warn);
        assert_eq!(sev(&alert("3")).level, Level::Other);
        // another record's `severity` one object down is no alert's priority
        assert_eq!(sev(&alert("1").replace(r#""event_type":"alert""#, r#""event_type":"anomaly""#)).level, Level::Other);
    }

    #[test]
    fn a_logcat_kernel_line_with_no_tag_states_its_level() {
        // `logcat -b all`: the kernel buffer's lines have no tag, a colon alone after the level
        let kernel = "03-13 10:01:22.009     0     0 E         : c3    630 SELinux: avc:  denied  { find } for pid=6778 uid=10238 name=zuisecurity";
        assert_eq!(sev(kernel).level, Level::Error);
        assert_eq!(crate::logline::declared(kernel), Some(crate::logline::Severity::Error));
        assert_eq!(sev(&kernel.replacen(" E ", " D ", 1)).level, Level::Other);
        // a lower level leaves the kernel's words to say how it went
        assert_eq!(crate::logline::declared(&kernel.replacen(" E ", " W ", 1)), None);
        // a letter before a colon in prose is no level
        assert_eq!(sev("Section E : the appendix, which lists the denied requests").level, Level::Other);
        // nor is one after a count in brackets: systemd's spinner over a stop job, `A` of a
        // sentence (logcat's assert) after `(1 of 3)`
        assert_eq!(sev("[**    ] (1 of 3) A stop job is running for docker.service (4s / 1min 30s)").level, Level::Other);
        assert_eq!(sev("2025-09-16T07:03:39.6054247Z A total of 1 test files matched the specified pattern.").level, Level::Other);
        // MongoDB before 4.4: its letter after an ISO time, then its component
        assert_eq!(sev("2019-03-19T10:04:50.290+0000 E STORAGE  [conn290] Checkpoint stalled on table:collection-290").level, Level::Error);
        assert_eq!(sev("2019-03-19T10:04:50.290+0000 I -        [conn290] end connection").level, Level::Other);
        // a sentence that opens with `A` and a word in capitals is none
        assert_eq!(sev("2024-03-01T10:00:10.000Z A GET request for /api/items/7 was retried").level, Level::Other);
        assert_eq!(sev("2025-09-16T07:03:39.6054247Z A TLS handshake with the cache server took 3s").level, Level::Other);
        assert_eq!(sev("03-13 10:01:22.009  1234  1234 A DEBUG   : Abort message: 'x'").level, Level::Fatal);
    }

    #[test]
    fn a_numeric_level_is_a_syslog_priority_or_pinos() {
        let level = |l: &str| sev(&format!(r#"{{"level":{l},"time":1796405713865,"msg":"signup failed"}}"#)).level;
        assert_eq!(level("50"), Level::Error);
        assert_eq!(level("60"), Level::Fatal);
        assert_eq!(level("40"), Level::Warn);
        assert_eq!(level("30"), Level::Other);
        assert_eq!(level("3"), Level::Error);
        assert_eq!(level("4"), Level::Warn);
        assert_eq!(level("6"), Level::Other);
        // the guard reads the record the same way
        assert_eq!(crate::logline::declared(r#"{"level":50,"msg":"x"}"#), Some(Level::Error));
        assert_eq!(crate::logline::declared(r#"{"level":30,"msg":"x"}"#), Some(Level::Other));
    }

    #[test]
    fn a_tally_of_failures_is_an_error_whatever_level_it_was_logged_at() {
        let done = |errors: u32| sev(&format!("18:28:30.234175 [info ] [MainThread]: Done. PASS=42 WARN=0 ERROR={errors} SKIP=13 TOTAL=79")).level;
        assert_eq!(done(24), Level::Error);
        assert_eq!(done(0), Level::Other);
        assert_eq!(sev("2026-12-06 10:00:01 WARN sync done: failed=3 ok=120").level, Level::Warn);
        assert_eq!(sev("2026-12-06 10:00:01 DEBUG sync done: failed=3 ok=120").level, Level::Error);
    }

    #[test]
    fn an_errors_syslog_priority_opening_a_line_is_its_level_as_the_guard_reads_it() {
        // RFC 5424 (rsyslog's RSYSLOG_SyslogProtocol23Format): mail.alert, authpriv.err, mail.info
        let alert = "<17>1 2026-12-06T18:17:31.342482+00:00 mx1 exim 33 - -  exim user lost privilege for using -C option";
        let err = "<83>1 2026-12-06T18:18:53.806899+00:00 mx1 sudo - - -  pam_unix(sudo:auth): conversation failed";
        let info = "<22>1 2026-12-06T18:17:46.344749+00:00 mx1 exim 92 - -  Start queue run: pid=92";
        for (line, level) in [(alert, Level::Fatal), (err, Level::Error), (info, Level::Other)] {
            assert_eq!(sev(line).level, level, "{line}");
            assert_eq!(crate::logline::declared(line).unwrap_or(Level::Other), level, "{line}");
        }
        // the kernel's ring buffer (`dmesg -r`) and RFC 3164 as sent on the wire
        assert_eq!(sev("<3>[    5.123456] ata1.00: failed command: READ DMA").level, Level::Error);
        // a warning's priority leaves the words to say how it went (a review's cases: read as
        // warnings), as where no level is stated
        assert_eq!(sev("<12>Dec  5 01:09:14 web01 app: disk 91% full").level, Level::Other);
        assert_eq!(sev("<12>Dec  5 01:09:14 web01 kernel: BUG: kernel NULL pointer dereference, address: 0000000000000008").level, Level::Error);
        assert_eq!(sev("<12>Dec  5 01:09:14 web01 ansible: web03 : ok=5 changed=3 unreachable=0 failed=1 skipped=0").level, Level::Error);
        // a low priority leaves a level the words state; memcached's `<24` is no priority
        assert_eq!(sev("<14>Dec  5 01:09:14 web01 app: ERROR boom").level, Level::Error);
        assert_eq!(sev("<24 get session:29").level, Level::Other);
    }

    #[test]
    fn a_logfmt_level_field_is_read() {
        // `level=warn` is ten characters, longer than any level word: the field's name is
        // read off first
        let line = |level: &str| format!("ts=2026-11-30T10:00:00Z level={level} caller=client.go:211 msg=\"request failed\"");
        assert_eq!(sev(&line("warn")).level, Level::Warn);
        assert_eq!(sev(&line("error")).level, Level::Error);
        assert_eq!(sev(&line("\"error\"")).level, Level::Error);
        assert_eq!(sev(&line("info")).level, Level::Other);
        assert_eq!(sev("time=x lvl=error msg=boom").level, Level::Error);
    }

    #[test]
    fn levels_from_words() {
        assert_eq!(
            sev("2015-10-18 18:01:47,978 ERROR [main] boom").level,
            Level::Error
        );
        assert_eq!(
            sev("[Sun Dec 04 04:47:44 2005] [error] mod_jk child").level,
            Level::Error
        );
        assert_eq!(
            sev("[Sun Jul 09 06:10:51.190799 2023] [ssl:error] [pid 44570] AH02032: x").level,
            Level::Error
        );
        assert_eq!(
            sev("03-17 16:13:38.811  1702  2395 W WindowManager: x").level,
            Level::Warn
        );
        assert_eq!(
            sev("03-17 16:13:38.811  1702  2395 D WindowManager: error x").level,
            Level::Other
        );
        assert_eq!(
            sev("081109 203615 148 INFO dfs.DataNode: error later").level,
            Level::Other
        );
        assert_eq!(
            sev("plain words without a level at all").level,
            Level::Other
        );
        assert!(!sev("plain words without a level at all").from_field);
        // glog and klog put the level letter before the month and day
        assert_eq!(sev("E1130 10:00:02.481516       1 controller.go:114] loading spec ended with 503").level, Level::Error);
        assert_eq!(sev("W1130 10:00:02.481516       1 warnings.go:70] v1 Endpoints is deprecated").level, Level::Warn);
        assert_eq!(sev("I1130 10:00:02.481516       1 server.go:58] error budget recomputed").level, Level::Other);
        assert_eq!(sev("E0308 mismatched types in main.rs").level, Level::Other);
        // a Cisco message names its severity
        let asa = "Jun 22 12:00:03 fw01 : %ASA-4-106023: Deny tcp src outside:192.0.2.126/53638 dst inside:10.0.0.132/8111 by access-group \"acl_out\"";
        assert_eq!(sev(asa).level, Level::Warn);
        assert_eq!(crate::logline::declared(asa), Some(crate::logline::Severity::Warn));
        assert_eq!(sev(&asa.replace("%ASA-4-", "%ASA-2-")).level, Level::Error);
        assert_eq!(sev(&asa.replace("%ASA-4-", "%ASA-6-")).level, Level::Other);
        assert_eq!(sev("Mar  1 00:01:02 sw1 %LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to down").level, Level::Error);
        assert_eq!(sev("disk at 95%-4-full, 100%-2-go").level, Level::Other);
        // a letter before punctuation is no logcat level: InnoDB's dump of a record shows a
        // byte as its letter (` 2: len 7; hex 46000002010110; asc F      ;;`)
        assert_eq!(sev(" 2: len 7; hex 46000002010110; asc F      ;;").level, Level::Other);
        assert_eq!(crate::logline::declared(" 2: len 7; hex 46000002010110; asc F      ;;"), None);
        // a letter among letters is no level, however stamped the line
        assert_eq!(sev("2024-05-01T10:00:14.1224566Z  T E S T S").level, Level::Other);
        assert_eq!(crate::logline::declared("2024-05-01T10:00:14.1224566Z  T E S T S"), None);
        assert_eq!(sev("12-04 17:00:00.123  1234  1234 E AndroidRuntime: FATAL EXCEPTION: main").level, Level::Error);
        // glog 0.7 writes the year too
        let year = "E20261204 17:34:11.298267 32136 app.cc:23] shard 4: compaction aborted";
        assert_eq!(sev(year).level, Level::Error);
        assert_eq!(crate::logline::declared(year), Some(crate::logline::Severity::Error));
        assert_eq!(sev(&year.replace("E2026", "W2026")).level, Level::Warn);
        assert_eq!(sev("E202612 17:34:11.298267 32136 app.cc:23] six digits are no date").level, Level::Other);
        // and so they do behind the header journald writes before a program's line, or a
        // compose service's prefix: a kubelet's journal, a cluster run by compose
        let journal = "Apr 14 00:07:34 kind-worker kubelet[297]: E0414 00:07:34.553485     297 reflector.go:138] vendor/k8s.io/client-go/informers/factory.go:134: Failed to watch *v1.CSIDriver: failed to list *v1.CSIDriver: csidrivers.storage.k8s.io is forbidden";
        assert_eq!(sev(journal).level, Level::Error);
        assert_eq!(crate::logline::declared(journal), Some(crate::logline::Severity::Error));
        assert_eq!(sev(&journal.replace(": E0414", ": I0414").replace("Failed", "Started")).level, Level::Other);
        assert_eq!(sev("kube-scheduler-1  | W0822 16:18:54.880690      11 reflector.go:424] failed to list *v1.Pod").level, Level::Warn);
    }

    #[test]
    fn coloured_levels() {
        assert_eq!(
            sev("2026/11/29 17:42:19.650\t\x1b[31mERROR\x1b[0m\thttp.log\tx").level,
            Level::Error
        );
    }

    #[test]
    fn an_escape_that_is_no_colour_is_read_as_it_is() {
        // jest erases the line with `\x1b[K`: no colour to strip, and no endless recursion
        assert_eq!(sev("\x1b[K FAIL src/a.test.js").level, Level::Other);
        assert_eq!(sev("\x1b[K\x1b[31mERROR\x1b[0m boom").level, Level::Error);
    }

    #[test]
    fn the_kernel_s_own_faults_are_errors() {
        for l in [
            "[   29.364515] BUG: kernel NULL pointer dereference, address: 0000000000000038",
            "[   29.608372] Oops: 0000 [#2] SMP NOPTI",
            "Oct  2 05:52:30 fips kernel: [ 1623.86] kernel BUG at mm/slub.c:305!",
            "Dec 13 09:12:01 x1c kernel: general protection fault, probably for non-canonical address 0xdead000000000100: 0000 [#1] PREEMPT SMP",
            "[ 4.1] Unable to handle kernel paging request at virtual address dead000000000108",
            // `dmesg -T`, `--reltime`, and a syzkaller console's printk caller ids
            "[Thu Feb 29 10:00:11 2024] kernel BUG at fs/ext4/inode.c:1234!",
            "[  +0.000004] BUG: unable to handle page fault for address: ffffb0d7c0a3f000",
            "[   11.018249][ T100] Oops: invalid opcode: 0000 [#3] PREEMPT SMP KASAN",
        ] {
            assert_eq!(sev(l).level, Level::Error, "{l}");
        }
        // the words elsewhere are no fault of the kernel's
        for l in [
            "[    0.000000] Oops: ignored, a driver's name",
            "[    2.1] usb 1-2: Product: BUG: Hunter",
            "Dec 13 09:12:01 x1c bugzilla: BUG: 4122 closed",
            // a mailing list's subjects, a notebook server's own level
            "0000007 [syzbot] BUG: unable to handle kernel paging request in f0",
            "[I 2025-05-02 11:00:00.000 ServerApp] Unable to handle kernel restart for session 0",
            "[    0.3] x86/fpu: Enabled xstate features 0x7, context size is 832 bytes, using 'standard' format.",
        ] {
            assert_eq!(sev(l).level, Level::Other, "{l}");
        }
    }

    #[test]
    fn a_json_level_in_escaped_colours_is_its_word() {
        // a console formatter's colours, logged as JSON: the word between them is the level
        let line = r#"{"timestamp": "2025-06-01T10:00:00", "level": "\u001b[31mERROR\u001b[0m", "message": "WS tick handler error"}"#;
        assert_eq!(sev(line).level, Level::Error);
        assert_eq!(crate::logline::declared(line), Some(crate::logline::Severity::Error));
        let info = r#"{"timestamp": "2025-06-01T10:00:01", "level": "\u001B[32mINFO\u001B[0m", "message": "tick"}"#;
        assert_eq!(sev(info).level, Level::Other);
        assert_eq!(crate::logline::without_json_colours(r"\u001b[1;31mCRITICAL\u001b[0m"), "CRITICAL");
        assert_eq!(crate::logline::without_json_colours("warn"), "warn");
    }

    #[test]
    fn a_kubernetes_audit_event_fails_by_its_response_code() {
        let denied = r#"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","timestamp":"2017-09-11T19:55:05Z","requestURI":"/api/v1/namespaces/ns1/pods?includeUninitialized=true","verb":"list","user":{"username":"system:admin"},"impersonatedUser":{"username":"bob"},"responseStatus":{"metadata":{},"status":"Failure","message":"pods is forbidden: User \"bob\" cannot list pods in the namespace \"ns1\"","reason":"Forbidden","code":403}}"#;
        let s = sev(denied);
        assert_eq!(s.level, Level::Error);
        assert!(s.key.is_some());
        assert_eq!(crate::logline::http_status(denied), Some(403));
        let listed = denied.replace(r#""status":"Failure","#, "").replace("403", "200");
        assert_eq!(sev(&listed).level, Level::Other);
    }

    #[test]
    fn json_levels_and_priorities() {
        assert_eq!(
            sev(r#"{"level":"error","ts":1.5,"msg":"dial tcp: refused"}"#).level,
            Level::Error
        );
        assert_eq!(
            sev(r#"{"severity":"WARNING","message":"x"}"#).level,
            Level::Warn
        );
        // a crash a record states as a warning
        assert_eq!(
            sev(r#"{"asctime":"x","levelname":"WARNING","message":"worker exited on signal 11 (SIGSEGV)","X":9}"#).level,
            Level::Error
        );
        // Python's logging attribute, as oslo.log's JSON formatter writes it
        assert_eq!(
            sev(r#"{"message": "Exception during message handling", "name": "oslo_messaging.rpc.server", "levelname": "ERROR", "levelno": 40}"#).level,
            Level::Error
        );
        assert_eq!(
            sev(r#"{"@t":"2026-12-05T14:22:59.965Z","@mt":"Disk {Path} nearly full","@l":"Warning"}"#).level,
            Level::Warn
        );
        // HashiCorp's hclog, as the guard reads it too
        let hclog = r#"{"@caller":"/app/main.go:56","@level":"error","@message":"task exited non-zero","@module":"runner","@timestamp":"2026-12-06T14:03:12.245482Z","exit_code":3,"stderr":"","task":"sh"}"#;
        assert_eq!(sev(hclog).level, Level::Error);
        assert_eq!(crate::logline::declared(hclog), Some(crate::logline::Severity::Error));
        // an exception raised, behind a runner's tag, is an error; a warning category is none
        assert_eq!(sev("[api] TypeError: Cannot read properties of null (reading 'query')").level, Level::Error);
        assert_eq!(sev("[api] DeprecationWarning: Buffer() is deprecated").level, Level::Other);
        // a process that ended, or an operation that returned, with a code other than 0
        let slapd = |err: u32| format!("6b1338bf.09802230 0x7fa7421fd6c0 conn=1014 op=0 RESULT tag=97 err={err} qtime=0.000005 etime=0.000071 text=");
        // (or that a crash's signal ended, whatever its code)
        let signalled = "2026-12-05T11:50:01: PM2 log: App [segv:4] exited with code [0] via signal [SIGSEGV]";
        // (Slurm names the code by its C macro, and its job records by a field)
        let slurm = "[2026-12-05T18:12:01.449] _job_complete: JobId=13 WEXITSTATUS 7";
        let record = "JobId=56 UserId=root(0) GroupId=root(0) Name=mpi_segv JobState=FAILED Partition=debug TimeLimit=5 ExitCode=139:0";
        // a record docker's json-file driver keeps as the line its program wrote
        let wrapped = |level: &str| format!(r#"{{"log":"{{\"level\":\"{level}\",\"req_id\":12,\"error\":\"upstream returned 500\",\"message\":\"request failed\"}}\n","stream":"stdout","time":"2026-12-06T11:47:34.26Z"}}"#);
        assert_eq!(sev(&wrapped("error")).level, Level::Error);
        assert_eq!(sev(&wrapped("info")).level, Level::Other);
        assert_eq!(crate::logline::declared(&wrapped("error")), Some(crate::logline::Severity::Error));
        // (a plain line it keeps is read as any line is)
        assert_eq!(crate::logline::wrapped_record(r#"{"log":"ERROR boom\n","stream":"stderr","time":"2026-12-06T11:47:34Z"}"#), None);
        // (strace's word on a traced process that ended, or that a crash ended)
        let (traced, killed) = ("9841  11:22:38.219029 +++ exited with 1 +++", "[pid 17] +++ killed by SIGSEGV (core dumped) +++");
        for line in ["2026-12-04 20:49:01 PM2 | App [api:0] exited with code [1] via signal [SIGINT]", "20:36:16 system   | web.1 stopped (rc=-15)", "node api.js exited with code 1", &slapd(49), signalled, slurm, record, traced, killed] {
            assert_eq!(sev(line).level, Level::Error, "{line}");
        }
        // Perl's warnings end with the place they were raised at
        assert_eq!(sev("Use of uninitialized value in sprintf at report.pl line 12.").level, Level::Warn);
        assert_eq!(sev("Use of uninitialized value $x in concatenation (.) or string at lib/Shop.pm line 31, <STDIN> line 4.").level, Level::Warn);
        assert_eq!(sev("see the docs at report.pl line 12 for details").level, Level::Other);
        assert_eq!(sev("#   at t/basic.t line 11.").level, Level::Other);
        // (and its deaths errors)
        for death in ["Died at report.pl line 5.", "Can't locate object method \"frob\" via package \"Shop\" at lib/Shop.pm line 9."] {
            assert_eq!(sev(death).level, Level::Error, "{death}");
        }
        // (an error word in a variable's or a file's name says no death)
        for warning in ["Use of uninitialized value in sprintf at /srv/app/lib/App/Error.pm line 12.", "Use of uninitialized value $timeout in addition (+) at x.pl line 3."] {
            assert_eq!(sev(warning).level, Level::Warn, "{warning}");
        }
        // (a level stated says how it went, but for a crash)
        assert_eq!(sev("2026-12-04 20:40:11,042 WARN exited: api (exit status 1; not expected)").level, Level::Warn);
        for crash in [
            "2026-12-04 20:40:11,042 WARN exited: api (terminated by SIGSEGV (core dumped); not expected)",
            "[05-Dec-2026 11:35:20] WARNING: [pool shop] child 5493 exited on signal 11 (SIGSEGV) after 6.852711 seconds from start",
            "Dec  5 11:35:20 mx postfix/master[812]: warning: process /usr/lib/postfix/sbin/smtpd pid 5493 killed by signal 11",
            "Dec  5 11:35:20 host systemd[1]: api.service: Main process exited, code=dumped, status=6/ABRT",
            "server process (PID 5493) was terminated by signal 11: Segmentation fault",
            "2026-12-05 11:35:20 WARN DAMN ! worker 3 (pid: 1234) died, killed by signal 11 :( trying respawn ...",
            "2026-12-05 11:35:20 WARN child 5493 exited on signal 6 - core dumped\r",
            "2026-12-05 11:35:20 WARN child 5493 exited on signal 9 after 3.2s",
            "AH00052: child pid 5678 exit signal Segmentation fault (11)",
        ] {
            assert_eq!(sev(crash).level, Level::Error, "{crash}");
        }
        // a stop asked for, a signal in another sense, a signal number in a sentence: no crash
        for line in [
            "[05-Dec-2026 11:35:20] WARNING: [pool shop] child 5493 exited on signal 15 (SIGTERM) after 6.85 seconds",
            "2026-12-04 20:40:11,042 WARN stopped: api (terminated by SIGKILL)",
            "2026-12-04 20:40:11,042 WARN client 10.0.0.4 exited roaming zone, signal -6 dBm",
            "2026-12-04 20:40:11,042 WARN exit handler installed for signal 9",
            "2026-12-04 20:40:11,042 WARN exited on signal 9.5 of the sequence",
            "2026-12-04 20:40:11,042 WARN exited on signal 8 of 10 retries",
            "2026-12-04 20:40:11,042 WARN exit signal SIGKILLED by the operator",
        ] {
            assert_eq!(sev(line).level, Level::Warn, "{line}");
        }
        // (systemd's kill of a stop that timed out was asked for)
        assert_eq!(sev("Dec  5 11:35:20 host systemd[1]: api.service: Main process exited, code=killed, status=9/KILL").level, Level::Other);
        // (`err=0` is a field that says all went well, no level word)
        let stopped = "2026-12-05T11:50:01: PM2 log: App [web:1] exited with code [0] via signal [SIGINT]";
        let (slurm, record) = ("[2026-12-05T18:12:01.449] _job_complete: JobId=1 WEXITSTATUS 0", "JobId=48 Name=sleeper JobState=CANCELLED ExitCode=0:15");
        let (traced, stopped_trace) = ("9835  11:22:38.147165 +++ exited with 0 +++", "+++ killed by SIGTERM +++");
        for line in ["20:36:16 system   | worker.1 stopped (rc=0)", "node poller.js exited with code 0", "exit status 0", &slapd(0), stopped, slurm, record, traced, stopped_trace] {
            assert_eq!(sev(line).level, Level::Other, "{line}");
        }
        // (a release candidate, a test's expectation, a setting, are no codes returned)
        for line in ["building kube v1.29 rc 1 image", "runlevel change: rc 3 starting", "retval rc=1", "test passed: expected exit_code=1 got exit_code=1", "exitcode 255 means unknown", "set ExitCode=1 for dry run", "exitStatus 2 checked", "WEXITSTATUSES 3"] {
            assert_eq!(sev(line).level, Level::Other, "{line}");
        }
        assert_eq!(crate::logline::declared(&slapd(0)), None);
        assert_eq!(crate::logline::declared(&slapd(49)), None);
        // journald's export names a syslog priority, as a string
        assert_eq!(
            sev(r#"{"__REALTIME_TIMESTAMP":"1733300000048000","PRIORITY":"3","MESSAGE":"Failed to start foo.service: Unit not found."}"#).level,
            Level::Error
        );
        assert_eq!(
            sev(r#"{"__REALTIME_TIMESTAMP":"1733300000048000","PRIORITY":"6","MESSAGE":"Started foo.service."}"#).level,
            Level::Other
        );
        // ... the unit's own for what a service writes to its output, which may state a worse
        // one (gunicorn's, captured by journald); a better one the priority outranks
        let gunicorn = |level: &str, priority: u8| {
            format!(r#"{{"_COMM":"gunicorn","MESSAGE":"[2026-12-06 08:31:38 +0000] [16804] [{level}] Worker (pid:16806) exited with code 4.","PRIORITY":"{priority}","_TRANSPORT":"stdout"}}"#)
        };
        assert_eq!(sev(&gunicorn("ERROR", 6)).level, Level::Error);
        assert_eq!(crate::logline::declared(&gunicorn("ERROR", 6)), Some(crate::logline::Severity::Error));
        assert_eq!(crate::logline::problem(&gunicorn("ERROR", 6)), crate::logline::Problem::Reported);
        assert_eq!(sev(&gunicorn("INFO", 6)).level, Level::Other);
        assert_eq!(crate::logline::problem(&gunicorn("INFO", 6)), crate::logline::Problem::None);
        assert_eq!(sev(&gunicorn("INFO", 3)).level, Level::Error);
        // (a level field that is no priority is the logger's own, whatever its message quotes)
        assert_eq!(sev(r#"{"level":"info","msg":"[ERROR] quoted from the child","ts":1}"#).level, Level::Other);
        assert_eq!(
            sev(r#"{"level":"info","msg":"error budget ok"}"#).level,
            Level::Other
        );
        assert_eq!(
            sev(r#"{"priority":3,"level":2,"msg":"x"}"#).level,
            Level::Error
        );
        assert!(sev(r#"{"level":"info"}"#).from_field);
    }

    #[test]
    fn a_workers_words_that_php_fpm_relays_say_how_it_went() {
        // what php-fpm relays of a worker's output is a warning to it, whatever the worker said:
        // the worker's words say how it went
        let relayed = |said: &str| format!("[07-Dec-2026 01:50:10] WARNING: [pool www] child 10460 said into stderr: \"{said}\"");
        for (said, level) in [
            ("NOTICE: PHP message: PHP Fatal error:  Uncaught DivisionByZeroError: Division by zero in /srv/index.php:21", Level::Fatal),
            ("NOTICE: PHP message: PHP Parse error:  syntax error, unexpected token \"}\" in /srv/index.php on line 9", Level::Error),
            ("NOTICE: PHP message: PHP Warning:  Undefined variable $cart in /srv/index.php on line 18", Level::Warn),
            ("Stack trace:", Level::Warn),
        ] {
            assert_eq!(sev(&relayed(said)).level, level, "{said}");
        }
        // (a line that quotes what someone said names no worker's output)
        assert_eq!(sev("2026-12-07 01:50:10 WARN the vendor said into stdout: \"PHP Fatal error\" was a test").level, Level::Warn);
    }

    #[test]
    fn http_status_decides_access_lines() {
        let ok = r#"127.0.0.1 - - [29/Nov/2026:17:35:46 +0000] "GET /static/app.3.js HTTP/1.1" 200 153 "-" "curl/7.88.1""#;
        let missing = r#"127.0.0.1 - - [29/Nov/2026:17:35:46 +0000] "GET /static/app.99.js?v=3 HTTP/1.1" 404 153 "-" "curl/7.88.1""#;
        let other_agent = r#"10.0.0.9 - - [29/Nov/2026:17:35:47 +0000] "GET /static/app.12.js HTTP/1.1" 404 153 "-" "Go-http-client/1.1""#;
        let post = r#"10.0.0.9 - - [29/Nov/2026:17:35:47 +0000] "POST /static/app.12.js HTTP/1.1" 404 153 "-" "Go-http-client/1.1""#;
        assert_eq!(sev(ok).level, Level::Other);
        assert_eq!(sev(missing).level, Level::Error);
        // the same request shape and status is one message; another method is another
        assert_eq!(sev(missing).key, sev(other_agent).key);
        assert_ne!(sev(missing).key, sev(post).key);
        // HAProxy gives the status before the request
        let haproxy = |status: u16, path: &str| {
            format!("127.0.0.1:47130 [30/Nov/2026:11:05:02.101] www web/web1 0/0/1/2/3 {status} 217 - - ---- 2/2/0/0/0 0/0 \"GET {path} HTTP/1.1\"")
        };
        assert_eq!(sev(&haproxy(200, "/a")).level, Level::Other);
        assert_eq!(sev(&haproxy(503, "/api/orders")).level, Level::Error);
        assert_eq!(sev(&haproxy(503, "/api/orders")).key, sev(&haproxy(503, "/api/orders?id=7")).key);
        assert_ne!(sev(&haproxy(503, "/api/orders")).key, sev(&haproxy(404, "/api/orders")).key);
        // a custom format may capture the Host header before the timers
        let host = haproxy(403, "/app/event/").replace("web/web1 ", "web/web1 app.domain.com ");
        assert_eq!(sev(&host).level, Level::Error);
        assert_eq!(crate::logline::http_status(&host), Some(403));
        assert_eq!(sev(&host.replace(" 403 ", " 200 ")).level, Level::Other);
        let json = r#"{"time":"x","method":"GET","uri":"/admin/","status":403,"bytes":153}"#;
        assert_eq!(sev(json).level, Level::Error);
        assert!(sev(json).key.is_some());
        // Apache's vhost_combined opens with the virtual host and its port
        let vhost = |status: u16| format!(r#"shop.example.org:443 10.0.0.9 - - [29/Nov/2026:17:35:47 +0000] "GET /a HTTP/1.1" {status} 153 "-" "curl/7.88.1""#);
        assert!(sev(&vhost(200)).http && sev(&vhost(404)).http);
        assert_eq!(crate::logline::http_status(&vhost(404)), Some(404));
        // the same path on another virtual host is another request
        let other_host = vhost(404).replacen("shop.", "www.shop.", 1);
        assert_ne!(sev(&vhost(404)).key, sev(&other_host).key);
        assert_eq!(sev(&vhost(404)).key, sev(&vhost(404).replacen("10.0.0.9", "10.0.0.77", 1)).key);
        // a client's IPv6 address is no virtual host, nor is a time stamped on the line
        assert_eq!(crate::logline::virtual_host(r#"::1 - - [29/Nov/2026:17:35:47 +0000] "GET /a HTTP/1.1" 404 153"#), None);
        for time in ["13:55:36", "2023-10-10T13:55:36", "13:55"] {
            let stamped = format!(r#"{time} 10.0.0.1 - - [10/Oct/2023:13:55:36 +0000] "GET / HTTP/1.1" 404 1"#);
            assert_eq!(crate::logline::virtual_host(&stamped), None, "{stamped}");
        }
        assert_eq!(crate::logline::virtual_host(&vhost(404).replacen("shop.example.org", "127.0.0.1", 1)), Some("127.0.0.1:443"));
        // a logfmt record's status decides whatever level it was logged at (Heroku's router
        // logs every request `at=info`, Grafana its failures `lvl=eror`): one message a path
        let router = |status: u16, path: &str| format!(r#"heroku[router]: at=info method=GET path="{path}" host=a.herokuapp.com service=5ms status={status} bytes=9"#);
        assert_eq!(sev(&router(200, "/a")).level, Level::Other);
        assert_eq!(sev(&router(404, "/a")).level, Level::Error);
        assert_eq!(sev(&router(404, "/a")).key, sev(&router(404, "/a?q=1").replacen("service=5ms", "service=9ms", 1)).key);
        assert_ne!(sev(&router(404, "/a")).key, sev(&router(404, "/wp-login.php")).key);
        let traefik = r#"{"ClientHost":"10.0.0.4","DownstreamStatus":499,"RequestMethod":"GET","RequestPath":"/x","level":"info"}"#;
        assert_eq!(sev(traefik).level, Level::Error);
        // loguru's serialized record: the fields it was given in its `record`'s `extra`, its
        // level one object down
        let loguru = |status: &str| format!(r#"{{"text": "10:02:53.049 | WARNING | req:59 - request handled\n", "record": {{"exception": null, "extra": {{"method": "GET", "path": "/api/v1/products/7500", "status": {status}}}, "file": {{"name": "app.py", "path": "/srv/app.py"}}, "level": {{"name": "WARNING", "no": 30}}, "message": "request handled"}}}}"#);
        assert_eq!(sev(&loguru("504")).level, Level::Error);
        assert!(sev(&loguru("504")).key.is_some());
        assert_eq!(sev(&loguru("\"ok\"")).level, Level::Warn);
        // Serilog's request logging, its properties in capitals
        let clef = |status: u16, path: &str| format!(r#"{{"@t":"2026-12-05T10:03:03Z","@mt":"HTTP PUT {path} responded {status}","@l":"Warning","Method":"PUT","Path":"{path}","StatusCode":{status}}}"#);
        assert_eq!(sev(&clef(404, "/cart/items/4770")).level, Level::Error);
        assert_ne!(sev(&clef(404, "/cart")).key, sev(&clef(404, "/orders")).key);
        // Open Policy Agent's server, at info whatever it sent
        let opa = |status: u16, path: &str| format!(r#"{{"client_addr":"127.0.0.1:37164","level":"info","msg":"Sent response.","req_id":7,"req_method":"POST","req_path":"{path}","resp_bytes":86,"resp_duration":0.9,"resp_status":{status},"time":"2026-12-06T16:05:01Z"}}"#);
        assert_eq!(sev(&opa(200, "/v1/data/authz/allow")).level, Level::Other);
        assert_eq!(sev(&opa(400, "/v1/data/authz/allow")).level, Level::Error);
        assert_ne!(sev(&opa(404, "/v1/policies/a")).key, sev(&opa(404, "/v1/data/authz/allow")).key);
        // its method and path under its own keys: each failing request is a message of its own
        assert_ne!(sev(traefik).key, sev(&traefik.replace("\"/x\"", "\"/hang\"")).key);
        assert_ne!(sev(traefik).key, sev(&traefik.replace("\"GET\"", "\"POST\"")).key);
        // chi names the client between the request and its status
        let chi = |status: u16, path: &str| format!(r#"2026/12/03 10:01:37 "GET http://localhost:3333{path} HTTP/1.1" from 127.0.0.1:54321 - {status} 19B in 35.2µs"#);
        assert_eq!(sev(&chi(200, "/a")).level, Level::Other);
        assert_eq!(sev(&chi(404, "/a")).level, Level::Error);
        assert_ne!(sev(&chi(404, "/a")).key, sev(&chi(404, "/wp-login.php")).key);
    }

    #[test]
    fn mysqls_note_is_a_stated_level_and_a_note_in_words_is_none() {
        assert_eq!(level_at("2018-03-04 03:09:43 50 [Note] Shutting down plugin 'partition'").0, Level::Other);
        assert!(level_at("2018-03-04 03:09:43 50 [Note] Shutting down plugin 'partition'").1 > 0);
        // a note in words states no level: the line's words say how it went
        assert_eq!(level_at("2024-01-15 10:00:00 backup[12]: note: snapshot 3 failed: AccessDenied").1, 0);
    }

    #[test]
    fn failed_audit_records_are_errors() {
        let auth = |res: &str| format!("type=USER_AUTH msg=audit(1480378451.469:53): user pid=1719 uid=0 auid=4294967295 ses=4294967295 msg='op=password acct=\"root\" exe=\"/usr/sbin/sshd\" hostname=? addr=192.168.98.1 terminal=ssh res={res}'");
        assert_eq!(sev(&auth("failed")).level, Level::Error);
        assert_eq!(sev(&auth("success")).level, Level::Other);
    }

    #[test]
    fn failed_syscalls_are_errors() {
        assert_eq!(
            sev(r#"openat(AT_FDCWD, "/etc/x", O_RDONLY) = -1 ENOENT (No such file or directory)"#)
                .level,
            Level::Error
        );
        assert_eq!(
            sev(r#"17450 12:00:01.123456 read(3, "abc", 4096) = 3 <0.000010>"#).level,
            Level::Other
        );
        assert!(sev(r#"read(3, "abc", 4096) = 3"#).from_field);
        // a short call, its return padded to strace's column
        assert_eq!(
            sev(r#"access("/.flatpak-info", F_OK)          = -1 ENOENT (No such file or directory)"#).level,
            Level::Error
        );
        assert_eq!(sev(r#"brk(NULL)                               = 0x55fef0522000"#).level, Level::Other);
        // a string argument that holds ` = ` is no return
        assert_eq!(sev(r#"write(1, "x = -1 EPERM", 13 <unfinished ...>"#).level, Level::Other);
        // behind `strace -f`'s pid, and a call resumed on a line of its own
        let error = |line: &str| sev(line).level == Level::Error;
        assert!(error(r#"[pid 4427] openat(AT_FDCWD, "/nonexistent/classes", O_RDONLY) = -1 ENOENT (No such file or directory)"#));
        assert!(error(r#"4427  1796654758.015479 <... newfstatat resumed>0x7f029a7fddc0, 0) = -1 ENOENT (No such file or directory) <0.000065>"#));
        assert!(error(r#"[pid 22540] <... futex resumed>) = -1 EAGAIN (Resource temporarily unavailable)"#));
        // (a write of a text that says it failed, cut short by another process's line, and a
        // resumed read of one, did not fail)
        let cut_short = sev(r#"3418  write(2, "ls: cannot access '/nope2': No such file or \"x\" directory", 51 <unfinished ...>"#);
        assert!(cut_short.level == Level::Other && cut_short.from_field, "its words tell no failure either");
        // (but a call that reports one, ltrace's libc `error`, is read by its words)
        assert_eq!(sev("14:46:58.822270 error(0, 13, 0x55fecc782246, 0x55fecc78b500 <unfinished ...>").level, Level::Error);
        assert_eq!(sev(r#"4451  1796654758.015549 <... read resumed>"fatal error: x\n", 4096) = 20 <0.000069>"#).level, Level::Other);
    }
}
