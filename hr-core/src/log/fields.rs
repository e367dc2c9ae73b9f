//! Structured log lines: JSON-lines records and column logs whose header names the fields
//! (IIS/W3C `#Fields:`, Zeek `#fields`, a CSV or TSV file's row of names). Records are mined by field names and values, and the
//! status column of an access log says which requests failed.

use crate::log::severity::{status_severity, Level, Severity};
use crate::logline::{METHOD_KEYS, PATH_KEYS};

/// The raw value of top-level field `name` in a one-line JSON record: a string with its quotes,
/// or a number, literal or nested value as written. A cheap scan, not a parser: enough to read
/// a level or a status, and `None` when the record does not look like one.
pub fn json_field<'a>(record: &'a str, name: &str) -> Option<&'a str> {
    json_pairs(record).find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// The objects an HTTP record nests its request or its response in: Caddy's `request`,
/// Suricata's `http`, the Elastic Common Schema's `http.response`, pino's and bunyan's `req`
/// and `res` (the server's own response: `SERVER_RESPONSE`), and the fields a logger was
/// given, which loguru's serialized record holds in its `record`'s `extra`.
const HTTP_OBJECTS: [&str; 7] = ["request", "http", "response", "req", "res", "record", "extra"];

/// The object pino and bunyan nest the response a server sent in: a status there is the
/// request's, with or without the request beside it (Fastify's `"request completed"` record).
pub const SERVER_RESPONSE: &str = "res";

/// The first of `names` that a one-line JSON record holds at its top level or, failing that, in
/// an object it nests its request or response in (`HTTP_OBJECTS`, up to two levels down), as
/// its raw value.
pub fn request_field<'a>(record: &'a str, names: &[&str]) -> Option<&'a str> {
    request_field_where(record, names).map(|(v, _)| v)
}

/// `request_field`, and the object it was found in (of `HTTP_OBJECTS`, the innermost), if it
/// was not at the top.
pub fn request_field_where<'a>(record: &'a str, names: &[&str]) -> Option<(&'a str, Option<&'static str>)> {
    nested_field(record, names, 2)
}

fn nested_field<'a>(record: &'a str, names: &[&str], depth: u8) -> Option<(&'a str, Option<&'static str>)> {
    // one pass over the record's fields: this runs on every line of a JSON log
    let mut found: Option<(usize, &str)> = None; // (rank in `names`, value)
    let mut nested: [Option<&str>; HTTP_OBJECTS.len()] = [None; HTTP_OBJECTS.len()];
    for (k, v) in json_pairs(record) {
        if let Some(rank) = names.iter().position(|n| *n == k) {
            if found.map_or(true, |(r, _)| rank < r) {
                found = Some((rank, v));
            }
        } else if depth > 0 && v.starts_with('{') {
            if let Some(i) = HTTP_OBJECTS.iter().position(|o| *o == k) {
                nested[i].get_or_insert(v);
            }
        }
    }
    found.map(|(_, v)| (v, None)).or_else(|| {
        nested
            .iter()
            .zip(HTTP_OBJECTS)
            .filter_map(|(o, name)| Some((o.as_ref()?, name)))
            .find_map(|(o, name)| nested_field(o, names, depth - 1).map(|(v, within)| (v, within.or(Some(name)))))
    })
}

/// The order of the top-level keys of a JSON record, as a hash (0 for a line that is none):
/// one template's records may order them otherwise.
pub fn key_order(line: &str) -> u64 {
    if !line.trim_start().starts_with('{') {
        return 0;
    }
    use std::hash::Hasher;
    let mut h = crate::hash::FxHasher::default();
    for (key, _) in json_pairs(line) {
        h.write(key.as_bytes());
        h.write_u8(0);
    }
    h.finish()
}

/// The top-level `(key, raw value)` pairs of a one-line JSON record, in order.
pub fn json_pairs(record: &str) -> impl Iterator<Item = (&str, &str)> {
    let b = record.as_bytes();
    let mut i = memchr::memchr(b'{', b).map_or(b.len(), |p| p + 1);
    std::iter::from_fn(move || {
        while i < b.len() && matches!(b[i], b' ' | b',' | b'\t') {
            i += 1;
        }
        if i >= b.len() || b[i] != b'"' {
            return None;
        }
        let key_end = string_end(b, i)?;
        let key = &record[i + 1..key_end - 1];
        i = key_end;
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        // a key and its value are one JSON member only with a colon between them: Ruby's
        // `{"user_id"=>"1"}` is no JSON object, and its order is as it was written
        if i >= b.len() || b[i] != b':' {
            return None;
        }
        i += 1;
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        let start = i;
        i = close_at(b, i, true)?;
        Some((key, record[start..i].trim_end()))
    })
}

/// One past the brace that closes the object `b` opens with.
fn object_end(b: &[u8]) -> Option<usize> {
    let close = close_at(b, 1, false)?;
    (close < b.len()).then_some(close + 1)
}

/// Where the JSON text from `b[i]` meets a closing bracket outside its strings and nested
/// values, or with `commas` a comma (a member's value ends there); `b.len()` if it meets none.
fn close_at(b: &[u8], mut i: usize, commas: bool) -> Option<usize> {
    let mut depth = 0usize;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i = string_end(b, i)?;
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth == 0 => return Some(i),
            b'}' | b']' => depth -= 1,
            b',' if commas && depth == 0 => return Some(i),
            _ => {}
        }
        i += 1;
    }
    Some(b.len())
}

/// One past the closing quote of the string that opens at `b[i]`.
fn string_end(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// A JSON-lines record, or a console line that ends in a JSON object of fields, as `key=value`
/// words for the template miner (keys sorted): field names stay literal, string values lose
/// their quotes so that their words are compared like a message's. `false` when the line holds
/// no JSON object.
pub fn json_words(line: &str, out: &mut String) -> bool {
    let t = line.trim();
    out.clear();
    if !t.ends_with('}') {
        return false;
    }
    if t.starts_with('{') {
        // records run together on one line (a logger that wrote no newline) are mined as the
        // records they are, one after the other: by the first one's fields alone, the line
        // would fold as its repeat, the others unseen
        let mut rest = t;
        while !rest.is_empty() {
            let Some(end) = object_end(rest.as_bytes()) else {
                return false;
            };
            if !out.is_empty() {
                out.push_str(" }{");
            }
            push_words(&rest[..end], "", out, 0);
            rest = rest[end..].trim_start();
            if !rest.is_empty() && !rest.starts_with('{') {
                return false;
            }
        }
        return !out.is_empty();
    }
    // a console line that ends in its fields as a JSON object (zap, Caddy, logrus):
    // `2026/11/29 17:42:19.677 INFO http.log.access handled request {"request": {…}}`
    let Some(at) = memchr::memmem::find(t.as_bytes(), b"\t{\"")
        .or_else(|| memchr::memmem::find(t.as_bytes(), b" {\""))
    else {
        return false;
    };
    out.push_str(&t[..at]);
    let head = out.len();
    push_words(&t[at + 1..], "", out, 0);
    out.len() > head
}

/// Appends `prefix.key=value` words for the pairs of `record`; nested objects are flattened.
fn push_words(record: &str, prefix: &str, out: &mut String, depth: usize) {
    let mut pairs: Vec<(&str, &str)> = json_pairs(record).collect();
    // an object's key order says nothing (Go maps print in random order): records with the
    // same keys are one template whatever their order
    pairs.sort_unstable_by_key(|&(k, _)| k);
    for (k, v) in pairs {
        if v.starts_with('{') && depth < 4 {
            let p = if prefix.is_empty() {
                k.to_string()
            } else {
                format!("{prefix}.{k}")
            };
            push_words(v, &p, out, depth + 1);
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        if !prefix.is_empty() {
            out.push_str(prefix);
            out.push('.');
        }
        out.push_str(k);
        out.push('=');
        if v.starts_with('[') {
            // a list's length is part of the record's shape: one word per element
            out.push_str(&v.replace(',', " "));
            continue;
        }
        let v = v
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(v);
        // an id is a value whatever its letters (pino's `"reqId":"req-y"`, then `"req-bl"`),
        // as an id of digits is; not another event each time
        if names_an_id(k) && !v.contains(' ') {
            out.push('0');
            continue;
        }
        push_text(v, out);
    }
}

/// Whether a record's key names an id: `id`, `reqId`, `traceID`, `request_id`, `span-id`.
fn names_an_id(key: &str) -> bool {
    let b = key.as_bytes();
    key.eq_ignore_ascii_case("id")
        || (b.len() > 2 && (b.ends_with(b"Id") || b.ends_with(b"ID")) && b[b.len() - 3].is_ascii_alphanumeric())
        || (b.len() > 3 && (b.ends_with(b"_id") || b.ends_with(b"-id")))
}

/// Appends a JSON string's text as the words it reads as: the lines and tabs it escapes
/// (`\n`, `\t`: a container runtime's record of a message over several lines, a cluster's
/// view with one member a line) part words as whitespace does, so a view of three members is
/// not one word longer than a view of two.
fn push_text(v: &str, out: &mut String) {
    let mut rest = v;
    while let Some(at) = memchr::memchr(b'\\', rest.as_bytes()) {
        out.push_str(&rest[..at]);
        rest = match rest.as_bytes().get(at + 1) {
            Some(b'n' | b't' | b'r') => {
                out.push(' ');
                &rest[at + 2..]
            }
            // (an escaped backslash is no escape of the letter after it)
            Some(c) if c.is_ascii() => {
                out.push_str(&rest[at..at + 2]);
                &rest[at + 2..]
            }
            _ => {
                out.push('\\');
                &rest[at + 1..]
            }
        };
    }
    out.push_str(rest);
}

/// Where a column log keeps its request and status, learnt from its header line.
#[derive(Debug, Default, Clone)]
pub struct Columns {
    names: usize,
    separator: Separator,
    method: Option<usize>,
    path: Option<usize>,
    status: Option<usize>,
    client: Option<usize>,
}

/// What separates a column log's fields.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum Separator {
    /// spaces, as W3C writes its fields
    #[default]
    Spaces,
    Tab,
    /// a comma, with CSV's quotes around a field that holds one
    Comma,
}

impl Columns {
    /// Reads a header line (`#Fields: date time cs-method …` or Zeek's `#fields\tts\tuid…`);
    /// returns whether it was one.
    pub fn learn(&mut self, line: &str) -> bool {
        let (separator, names): (Separator, Vec<&str>) = if let Some(r) = line.strip_prefix("#Fields:") {
            (Separator::Spaces, r.split_ascii_whitespace().collect())
        } else if let Some(r) = line.strip_prefix("#fields\t") {
            (Separator::Tab, r.trim_end_matches('\r').split('\t').collect())
        } else {
            return false;
        };
        self.name(separator, &names);
        true
    }

    /// `learn`, for a log's first line, which may also be a CSV or TSV file's row of names
    /// (`date,time,client,method,path,status,bytes`, see `names_row`).
    pub fn learn_first(&mut self, line: &str) -> bool {
        if self.learn(line) {
            return true;
        }
        let Some((separator, names)) = names_row(line) else {
            return false;
        };
        self.name(separator, &names);
        true
    }

    /// Takes `names` for the columns: W3C's own (`cs-method`, `cs-uri-stem`, `sc-status`), or
    /// the keys a record gives its request's method, path and status under.
    fn name(&mut self, separator: Separator, names: &[&str]) {
        let find = |w3c: &[&str], keys: &[&str]| names.iter().position(|n| named(n, w3c) || named(n, keys));
        *self = Columns {
            names: names.len(),
            separator,
            method: find(&["cs_method"], &METHOD_KEYS),
            path: find(&["cs_uri_stem", "cs_uri"], &PATH_KEYS),
            status: names.iter().position(|n| names_status(n)),
            client: find(&["c_ip"], &["client_ip", "remote_addr", "remote_ip"]),
        };
    }

    /// Whether a header named the columns: the lines below it are records.
    pub fn known(&self) -> bool {
        self.names > 0
    }

    /// `(method, path, status)` of a data line, when the header named a status column.
    pub fn status<'a>(&self, line: &'a str) -> Option<(&'a str, &'a str, &'a str)> {
        let s = self.status?;
        if line.starts_with('#') {
            return None;
        }
        let col = |i: Option<usize>| i.and_then(|i| self.field(line, i)).unwrap_or("");
        let status = col(Some(s)).trim_end_matches('\r');
        Some((col(self.method), col(self.path), status))
    }

    /// Who sent the request a data line records, when the header named a client's column
    /// (W3C's `c-ip`: IIS writes the server's address first).
    pub fn client<'a>(&self, line: &'a str) -> Option<&'a str> {
        self.field(line, self.client?)
    }

    /// Field `i` of a data line.
    fn field<'a>(&self, line: &'a str, i: usize) -> Option<&'a str> {
        match self.separator {
            Separator::Tab => line.split('\t').nth(i),
            Separator::Spaces => line.split_ascii_whitespace().nth(i),
            Separator::Comma => csv_field(line, i),
        }
    }
}

/// Fields a pretty-printed record may hold, a line each under its header (pino-pretty: `    status:
/// 404`), read at most.
const PRETTY_FIELDS: usize = 50;

/// A record printed a field a line under its header (pino-pretty's `    method: "GET"`,
/// `    path: "/api/users/98"`, `    status: 404`) whose request failed: its severity as an
/// access log's line with that method, path and status would have, and how many field lines
/// follow the header. A field may hold an object, its members a line each below it (`    res: {`,
/// `      "statusCode": 404`, `    }`): a status there is read as in a one-line JSON record,
/// the request's in the server's response (`SERVER_RESPONSE`) or beside the request's method or
/// path. None when no status of 400 or more is among them.
pub fn pretty_failure(header: &str, below: &[&str]) -> Option<(Severity, usize)> {
    // a look at the first line below spares most lines the rest
    below.first().filter(|l| l.starts_with("    ") && !l.starts_with("     "))?;
    let (mut method, mut path, mut status, mut nested_status) = ("", "", "", "");
    let mut sent = false;
    // the object whose members are being read, if any: its name, when it is one a request or
    // a response is nested in (the members of others, an error's stack among them, are passed)
    let mut object: Option<Option<&str>> = None;
    let mut n = 0;
    for line in below.iter().take(PRETTY_FIELDS) {
        let (key, value) = if let Some(within) = object {
            if line.trim_end().trim_end_matches(',') == "    }" {
                object = None;
                n += 1;
                continue;
            }
            if !line.starts_with("      ") {
                break;
            }
            n += 1;
            let member = line[6..].split_once(": ").filter(|_| within.is_some() && !line[6..].starts_with(' '));
            let Some((key, value)) = member else { continue };
            (key.trim_matches('"'), value.trim_end().trim_end_matches(','))
        } else {
            let Some((key, value)) = line.strip_prefix("    ").filter(|f| !f.starts_with(' ')).and_then(|f| f.split_once(": ")) else {
                break;
            };
            if !key.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.')) {
                break;
            }
            n += 1;
            if value.trim_end() == "{" {
                object = Some(HTTP_OBJECTS.iter().find(|o| **o == key).copied());
                continue;
            }
            (key, value)
        };
        let value = value.trim_end().trim_matches('"');
        let key = key.rsplit('.').next().unwrap_or(key);
        if METHOD_KEYS.contains(&key) {
            method = value;
        } else if PATH_KEYS.contains(&key) {
            path = value;
        } else if names_status(key) {
            match object {
                Some(within) => {
                    nested_status = value;
                    sent = within == Some(SERVER_RESPONSE);
                }
                None => status = value,
            }
        }
    }
    if status.is_empty() && (sent || !method.is_empty() || !path.is_empty()) {
        status = nested_status;
    }
    let failed = status_severity(method, path, status, header);
    (failed.level >= Level::Error && failed.key.is_some()).then_some((failed, n))
}

/// Whether column name `name` names a status: W3C's `sc-status`, a CSV export's `http_status`,
/// or a key a record gives it under (Zeek's `status_code`, `Status Code`, `statuscode`).
fn names_status(name: &str) -> bool {
    named(name, &["sc_status", "http_status"]) || named(name, &crate::logline::STATUS_KEYS)
}

/// Whether column name `name` is one of `cands`: in any case, in quotes or not, `-` and a space
/// read as `_` (`sc-status`, `"Status Code"`).
fn named(name: &str, cands: &[&str]) -> bool {
    let name = name.trim_matches('"');
    cands.iter().any(|c| {
        name.len() == c.len()
            && name.bytes().zip(c.bytes()).all(|(a, b)| a.eq_ignore_ascii_case(&b) || (b == b'_' && matches!(a, b'-' | b' ')))
    })
}

/// The separator and names of a CSV or TSV header row: three names or more, each a word that
/// opens with a letter (`client_ip`, `"Status Code"`, `time-taken`), a CSV one in quotes, one
/// of them a status's. Names alone are no evidence that a line is no record: a row of them
/// that names no status is read as a record.
fn names_row(line: &str) -> Option<(Separator, Vec<&str>)> {
    // (a spreadsheet's export opens with a byte order mark)
    let line = line.trim_start_matches('\u{feff}').trim_end_matches('\r');
    let (separator, by) = if line.contains('\t') { (Separator::Tab, '\t') } else { (Separator::Comma, ',') };
    let name = |n: &str| {
        let n = n.trim_matches('"');
        n.len() <= MAX_NAME
            && n.starts_with(|c: char| c.is_ascii_alphabetic())
            && n.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b' '))
    };
    // (read until a field is no name: a log's first line may be one long record)
    let mut names = Vec::new();
    for n in line.split(by) {
        if names.len() == MAX_NAMES || !name(n) {
            return None;
        }
        names.push(n);
    }
    (names.len() >= 3 && names.iter().any(|n| names_status(n))).then_some((separator, names))
}

/// Bytes a column's name holds, and names a header row holds, at most (see `names_row`).
const MAX_NAME: usize = 40;
const MAX_NAMES: usize = 256;

/// Field `i` of a CSV line, its quotes taken off: a quoted field may hold commas (`"deadlock
/// detected, rolled back"`), and `""` is a quote inside one.
fn csv_field(line: &str, i: usize) -> Option<&str> {
    let b = line.as_bytes();
    let (mut at, mut n) = (0, 0);
    loop {
        let end = if b.get(at) == Some(&b'"') {
            let mut k = at + 1;
            loop {
                k += memchr::memchr(b'"', &b[k..])? + 1;
                if b.get(k) != Some(&b'"') {
                    break k;
                }
                k += 1;
            }
        } else {
            memchr::memchr(b',', &b[at..]).map_or(b.len(), |c| at + c)
        };
        if n == i {
            let field = &line[at..end];
            return Some(field.strip_prefix('"').and_then(|f| f.strip_suffix('"')).unwrap_or(field));
        }
        if b.get(end) != Some(&b',') {
            return None;
        }
        (at, n) = (end + 1, n + 1);
    }
}

/// Whether a JSON record holds a text: a message or an event's name, or a string value of
/// several words (an error, a user agent). A record of one-word values (a connection's, a
/// query's: addresses, ports, names, codes) holds only fields.
pub fn holds_text(line: &str) -> bool {
    let b = line.as_bytes();
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'"', &b[i..]) {
        let start = i + at;
        let Some(end) = string_end(b, start) else {
            return true;
        };
        // a key is followed by a colon
        let key = matches!(b.get(end..).and_then(|r| r.iter().find(|c| !c.is_ascii_whitespace())), Some(b':'));
        let text = if key {
            crate::drain::says_what_happened(&line[start + 1..end - 1])
        } else {
            memchr::memchr(b' ', &b[start..end]).is_some()
        };
        if text {
            return true;
        }
        i = end;
    }
    false
}

/// How a template miner that splits on whitespace, as Drain does, counts the words of a JSON
/// record, in the two ways records are commonly fed to one: the line as written, and its
/// members as `key=value` pairs whose nested values are written out as Python's `json.dumps`
/// writes them (`, ` and `: ` between their parts; a console line keeps its text before the
/// object). Drain compares lines of one length only: a record whose length, either way, no
/// other record of its template shares is an event seen once to it (see `log::plan`). Packed
/// as `raw | pairs << 16`, each at most `u16::MAX`; 0 for a line that holds no JSON object.
pub fn record_lengths(line: &str) -> u32 {
    let t = line.trim();
    let (head, object) = if t.starts_with('{') {
        ("", t)
    } else {
        match t.find('{') {
            Some(at) if t.ends_with('}') => (&t[..at], &t[at..]),
            _ => return 0,
        }
    };
    let Ok(serde_json::Value::Object(members)) = serde_json::from_str::<serde_json::Value>(object) else {
        return 0;
    };
    let mut text = String::with_capacity(line.len() + line.len() / 4);
    if head.is_empty() {
        for (k, v) in &members {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(k);
            text.push('=');
            match v {
                serde_json::Value::String(s) => text.push_str(s),
                serde_json::Value::Object(_) | serde_json::Value::Array(_) => dumped(v, true, &mut text),
                _ => text.push('0'),
            }
        }
    } else {
        text.push_str(head);
        dumped(&serde_json::Value::Object(members), false, &mut text);
    }
    let at_most = |n: usize| n.min(u16::MAX as usize) as u32;
    at_most(words(t)) | at_most(words(&text)) << 16
}

/// `v` as `json.dumps` writes it, as far as whitespace goes: a space stays a space, and so does
/// other whitespace in a string unless `ascii` (which escapes every byte past ASCII); any other
/// character of a string, escaped or not, is one that is no whitespace.
fn dumped(v: &serde_json::Value, ascii: bool, out: &mut String) {
    let string = |s: &str, out: &mut String| {
        out.push('"');
        out.extend(s.chars().map(|c| match c {
            ' ' => ' ',
            c if !ascii && !c.is_ascii() && c.is_whitespace() => ' ',
            _ => 'x',
        }));
        out.push('"');
    };
    match v {
        serde_json::Value::Object(members) => {
            out.push('{');
            for (n, (k, v)) in members.iter().enumerate() {
                if n > 0 {
                    out.push_str(", ");
                }
                string(k, out);
                out.push_str(": ");
                dumped(v, ascii, out);
            }
            out.push('}');
        }
        serde_json::Value::Array(items) => {
            out.push('[');
            for (n, v) in items.iter().enumerate() {
                if n > 0 {
                    out.push_str(", ");
                }
                dumped(v, ascii, out);
            }
            out.push(']');
        }
        serde_json::Value::String(s) => string(s, out),
        _ => out.push('0'),
    }
}

/// The words of `text` as Python's `str.split()` finds them (Drain's tokenizer): Unicode
/// whitespace, and the four separators `\x1c`-`\x1f`, split them.
fn words(text: &str) -> usize {
    text.split(|c: char| c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)).filter(|w| !w.is_empty()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_of_one_word_values_holds_no_text() {
        // Zeek's record of a DNS query: addresses, ports, names, codes
        let dns = r#"{"ts":1575413122.76,"uid":"CWwU9s3h","id.orig_h":"10.18.20.97","query":"mail.aol.com","qtype_name":"A","rcode_name":"NOERROR","answers":["1.2.3.4","5.6.7.8"],"RD":true}"#;
        assert!(!holds_text(dns));
        // a value of several words is a text, and so is a message of one
        assert!(holds_text(r#"{"ts":1.5,"http_user_agent":"Mozilla/5.0 (X11; Linux x86_64)","status":200}"#));
        assert!(holds_text(r#"{"level":"info","msg":"listening","port":8080}"#));
        assert!(holds_text(r#"{"level":"info","event" : "shutdown"}"#));
        // a key of several words is no text
        assert!(!holds_text(r#"{"client ip":"10.0.0.1","port":22}"#));
    }

    #[test]
    fn a_pretty_records_failed_request_is_read_from_its_fields() {
        let header = "[12:31:59.488] INFO (orders-api/29548): request completed";
        let record = ["    requestId: \"req-b272edff\"", "    method: \"GET\"", "    path: \"/api/users/98\"", "    status: 404", "    durationMs: 6.87", "[12:31:59.489] INFO (orders-api/29548): next"];
        let (failed, fields) = pretty_failure(header, &record).expect("a 404");
        assert_eq!((failed.level, fields), (Level::Error, 5));
        // the same request's key, whatever the record's id and the path's
        let other = ["    requestId: \"req-0000\"", "    method: \"GET\"", "    path: \"/api/users/5758\"", "    status: 404"];
        assert_eq!(pretty_failure(header, &other).unwrap().0.key, failed.key);
        // a success, a record with no status, a block indented otherwise, are no failure
        assert!(pretty_failure(header, &["    method: \"GET\"", "    status: 200"]).is_none());
        assert!(pretty_failure(header, &["    method: \"GET\"", "    user: \"ann\""]).is_none());
        assert!(pretty_failure(header, &["      status: 404"]).is_none());
        assert!(pretty_failure(header, &["\tstatus: 404"]).is_none());
    }

    #[test]
    fn a_pretty_records_nested_response_fails_by_its_status() {
        // pino-pretty prints Fastify's `request completed` with the response nested, alone
        let header = "[2026-12-05 05:12:17.273 +0000] INFO (21387): request completed";
        let completed = |status: u16| {
            let member = format!("      \"statusCode\": {status}");
            pretty_failure(header, &["    reqId: \"req-2\"", "    res: {", &member, "    }", "    responseTime: 1.14"])
        };
        let (failed, fields) = completed(404).expect("a 404");
        assert_eq!((failed.level, fields), (Level::Error, 5));
        assert_ne!(completed(422).unwrap().0.key, failed.key);
        assert!(completed(200).is_none());
        // an error's object before it, its stack a member of many lines, is passed over
        let err = ["    err: {", "      \"type\": \"Error\",", "      \"stack\":", "          Error: boom", "              at f (a.js:1:2)", "    }"];
        let res = ["    res: {", "      \"statusCode\": 500", "    }"];
        assert!(pretty_failure(header, &[&err[..], &res[..]].concat()).is_some());
        // a status nested in another object (an upstream's, a job's) is the request's only
        // beside the request's method or path, as in a one-line record
        let job = ["    job: {", "      \"status\": 404", "    }"];
        assert!(pretty_failure(header, &job).is_none());
        let upstream = ["    method: \"GET\"", "    response: {", "      \"status\": 503", "    }"];
        assert!(pretty_failure(header, &upstream).is_some());
    }

    #[test]
    fn a_records_lengths_are_counted_as_drain_reads_the_line_and_its_pairs() {
        // the counts Python gives: len(line.split()), and len(content(line).split()) where
        // content is bench/validation/needles_log.py's (pairs, nested values json.dumps'ed)
        let lengths = |line: &str| {
            let n = record_lengths(line);
            (n & 0xffff, n >> 16)
        };
        let caddy = r#"{"level":"info","msg":"handled request","request":{"uri":"/a b","headers":{"User-Agent":["Mozilla/5.0 (X11; Linux)"]}},"status":200}"#;
        assert_eq!(lengths(caddy), (5, 12));
        // a string's escaped newline is whitespace once unescaped, and two spaces one gap; a
        // number, a literal and a nested text's words as dumped
        let mixed = r#"{"msg":"two\nlines  here","n":1.5,"ok":true,"x":null,"list":[1,"a b",{"k":"v w"}]}"#;
        assert_eq!(lengths(mixed), (4, 12));
        // a console line keeps its text before the object, whose non-ASCII spaces stay spaces
        let console = "2026/11/29 17:42:19.677\tINFO\thttp.log.access\thandled request\t{\"request\": {\"uri\": \"/x\u{a0}y\"}, \"status\": 404}";
        assert_eq!(lengths(console), (12, 12));
        assert_eq!(record_lengths("GET /index.html 200"), 0);
        assert_eq!(record_lengths("{not json}"), 0);
    }

    #[test]
    fn reads_top_level_fields_only() {
        let r = r#"{"level":"error","ts":1.5,"req":{"status":200,"uri":"/a,b"},"msg":"say \"hi\", then go","status":502}"#;
        assert_eq!(json_field(r, "level"), Some("\"error\""));
        assert_eq!(json_field(r, "status"), Some("502"));
        assert_eq!(json_field(r, "msg"), Some(r#""say \"hi\", then go""#));
        assert_eq!(json_field(r, "uri"), None);
        assert_eq!(json_field("not json", "level"), None);
    }

    #[test]
    fn a_request_field_is_read_where_http_records_nest_it() {
        let caddy = r#"{"request":{"method":"GET","uri":"/a"},"status":404}"#;
        assert_eq!(request_field(caddy, &["status"]), Some("404"));
        assert_eq!(request_field(caddy, &["method"]), Some("\"GET\""));
        let suricata = r#"{"event_type":"http","http":{"url":"/x","http_method":"GET","status":404}}"#;
        assert_eq!(request_field(suricata, &["status"]), Some("404"));
        let ecs = r#"{"http":{"request":{"method":"POST"},"response":{"status_code":503}}}"#;
        assert_eq!(request_field(ecs, &["status", "status_code"]), Some("503"));
        // the top level first, then the first of `names` there
        let both = r#"{"response":{"status":200},"code":1,"status_code":500,"status":502}"#;
        assert_eq!(request_field(both, &["status", "status_code"]), Some("502"));
        // only the objects that hold a request or a response, two levels down at most
        assert_eq!(request_field(r#"{"job":{"status":500}}"#, &["status"]), None);
        assert_eq!(request_field(r#"{"http":{"request":{"response":{"status":500}}}}"#, &["status"]), None);
    }

    #[test]
    fn records_become_words_by_field_name() {
        let mut s = String::new();
        assert!(json_words(
            r#"{"level":"info","msg":"handled request","n":3}"#,
            &mut s
        ));
        assert_eq!(s, "level=info msg=handled request n=3");
        assert!(!json_words("plain line", &mut s));
        // records run together are read one after the other
        assert!(json_words(r#"{"level":"debug","msg":"render done"}{"level":"info","msg":"size computed"}"#, &mut s));
        assert_eq!(s, "level=debug msg=render done }{ level=info msg=size computed");
        assert!(!json_words(r#"{"level":"debug"} and then some}"#, &mut s));
        assert!(json_words(
            r#"{"msg":"x","request":{"method":"GET","headers":{"A":["b"]}}}"#,
            &mut s
        ));
        assert_eq!(s, r#"msg=x request.headers.A=["b"] request.method=GET"#);
        // the same keys in another order are the same words
        let mut t = String::new();
        assert!(json_words(
            r#"{"request":{"headers":{"A":["b"]},"method":"GET"},"msg":"x"}"#,
            &mut t
        ));
        assert_eq!(s, t);
        // a console line that ends in its fields
        assert!(json_words(
            "2026/11/29 17:42:19.677\tINFO\thandled request\t{\"status\": 200, \"method\": \"GET\"}",
            &mut s
        ));
        assert_eq!(s, "2026/11/29 17:42:19.677\tINFO\thandled request method=GET status=200");
        assert!(!json_words("a set {1, 2} of numbers {x}", &mut s));
        // Ruby's hash (Rails' `Parameters:`) is no JSON object: its keys stay as written
        assert!(!json_words(r#"  Parameters: {"user_id"=>"1", "ext"=>"true"}"#, &mut s));
        assert_eq!(json_pairs(r#"{"user_id"=>"1"}"#).count(), 0);
    }

    #[test]
    fn a_texts_escaped_lines_part_its_words() {
        // a container runtime's record of a message over lines: a cluster's view, one member a
        // line, is a word longer for each member, as a miner reading the text finds it
        let mut s = String::new();
        let view = |members: &str| format!(r#"{{"log":"[Note] view (view_id(PRIM,213e9b53-8c4d,2)\nmemb {{\n{members}\t}}\n","file":"/var/lib/mysql/mysqld-error.log"}}"#);
        assert!(json_words(&view(r"\t213e9b53-8c4d,0\n"), &mut s));
        let two = s.split_ascii_whitespace().count();
        assert!(json_words(&view(r"\t213e9b53-8c4d,0\n\t486b248f-8ac6,0\n"), &mut s));
        assert_eq!(s.split_ascii_whitespace().count(), two + 1, "{s}");
        assert!(s.contains(" 486b248f-8ac6,0 "), "{s}");
        // an escaped backslash before a letter escapes no line, and a lone one is kept
        assert!(json_words(r#"{"path":"C:\\new\\table","odd":"a\é"}"#, &mut s));
        assert_eq!(s, r"odd=a\é path=C:\\new\\table");
    }

    #[test]
    fn w3c_and_zeek_headers_name_the_status_column() {
        let mut c = Columns::default();
        assert!(c.learn("#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port c-ip sc-status time-taken"));
        assert_eq!(
            c.status("2016-01-10 00:00:01 10.0.0.1 GET /a.aspx - 80 1.2.3.4 404 15"),
            Some(("GET", "/a.aspx", "404"))
        );
        assert!(c.learn("#fields\tts\tuid\tmethod\turi\tstatus_code"));
        assert_eq!(
            c.status("1.5\tCx1\tGET\t/x\t500"),
            Some(("GET", "/x", "500"))
        );
        assert!(!c.learn("2016-01-10 00:00:01 GET"));
        assert!(c.known());
        // a CSV file's first row, names in any case, a field in quotes holding commas; only
        // a first line is read as one
        assert!(!c.learn("date,time,Client,\"Method\",path,\"Status Code\",bytes"));
        assert!(c.learn_first("\u{feff}date,time,Client,\"Method\",path,\"Status Code\",bytes"));
        assert_eq!(
            c.status("2026-11-29,10:00:01,\"10.0.0.1, 10.0.0.2\",GET,/api/items/7,502,0"),
            Some(("GET", "/api/items/7", "502"))
        );
        assert_eq!(c.status("2026-11-29,\"a \"\"quoted\"\", b\",x,POST,/y,404,1"), Some(("POST", "/y", "404")));
        assert!(c.learn_first("ts\tmethod\turi\tstatus"));
        assert_eq!(c.status("1.5\tGET\t/x\t404"), Some(("GET", "/x", "404")));
        // a row of names that names no status, prose with commas, and a record are no header
        let mut c = Columns::default();
        for line in ["timestamp,level,logger,message", "ts\tlevel\tmessage", "status, errors, and warnings: none", "GET,/x,404,12", "a,b"] {
            assert!(!c.learn_first(line), "{line}");
        }
        assert!(!c.known());
        assert!(!Columns::default().known());
        assert_eq!(Columns::default().status("a b c"), None);
    }
}
