//! What varied in a folded run of one template, for its marker: a field with few values is
//! listed with counts (`status 200×1,204 404×31 500`; a short list only), a numeric field as a range (`7–2912 ms`).
//! Bounded: a field stops being tracked once it has held more than a handful of values.

use crate::marker::count;

/// Values listed per field; beyond this a field is numeric (a range) or not shown.
const FEW: usize = 4;
/// Fields shown in one marker: markers stay short.
const SHOWN: usize = 2;
/// A field's listing longer than this is left out.
const MAX_LISTED_CHARS: usize = 40;
/// The same, for what varied in folded errors: the lines hold it, but none of them is shown.
const MAX_FAILED_CHARS: usize = 80;
/// Tokens of a line looked at.
const MAX_TOKENS: usize = 48;

#[derive(Default)]
struct Field {
    /// distinct values with counts, in first-seen order, while there are at most `FEW`
    few: Vec<(Box<str>, usize)>,
    many: bool,
    /// numeric range when every value is a number (with the same unit suffix): the least
    /// and the greatest, as written (`1712923637.570090`, not `…57009`)
    range: Option<(Box<str>, Box<str>)>,
    numeric: bool,
    unit: Box<str>,
    /// which of its values stood beside which of the next field's, by their places in `few`:
    /// words that always stand together are one phrase (`Password mismatch`, `unknown user`)
    beside_next: Vec<(u8, u8)>,
}

/// The varying fields of a run whose lines share one template (and token count).
#[derive(Default)]
pub struct Values {
    fields: Vec<Field>,
    lines: usize,
    /// the run mixes shapes: nothing is summarised
    mixed: bool,
}

impl Values {
    pub fn push(&mut self, line: &str) {
        if self.mixed {
            return;
        }
        let toks = line.split_ascii_whitespace().take(MAX_TOKENS);
        if self.lines == 0 {
            self.fields = toks
                .map(|_| Field {
                    numeric: true,
                    ..Field::default()
                })
                .collect();
        }
        self.lines += 1;
        let mut n = 0;
        let mut live = false;
        let mut before = None;
        for (k, tok) in line.split_ascii_whitespace().take(self.fields.len()).enumerate() {
            n += 1;
            let f = &mut self.fields[k];
            if f.many && !f.numeric {
                before = None;
                continue; // a free field: nothing more to learn
            }
            let at = f.add(tok);
            live = true;
            if let (Some(a), Some(b)) = (before, at) {
                let pairs = &mut self.fields[k - 1].beside_next;
                if !pairs.contains(&(a, b)) {
                    pairs.push((a, b));
                }
            }
            before = at;
        }
        let more = line.split_ascii_whitespace().nth(n).is_some() && n < MAX_TOKENS;
        if n != self.fields.len() || more || !live {
            // another shape, or nothing left worth saying
            self.mix();
        }
    }

    /// The run holds lines of another template too: nothing is summarised.
    pub fn mix(&mut self) {
        self.mixed = true;
        self.fields = Vec::new();
    }

    /// ` · status 200×31 404×2 · 7–2912 ms`, or nothing when no field says something useful.
    pub fn describe(&self) -> String {
        self.described(MAX_LISTED_CHARS, |_| true)
    }

    /// What varied in errors of one message folded among other lines, which show none of
    /// them: the hosts, users or paths that failed (` · db-1:5432×14 db-2:5432×3`), listed
    /// at up to `MAX_FAILED_CHARS`. A tag (`[pool-1]`, a thread or logger) says who logged
    /// the error, and an address where in memory, not what failed.
    pub fn describe_failures(&self) -> String {
        self.described(MAX_FAILED_CHARS, |f| !f.few.iter().any(|(v, _)| is_tag(v) || address(v)) && !f.ids())
    }

    fn described(&self, max_chars: usize, tells: impl Fn(&Field) -> bool) -> String {
        let mut out = String::new();
        if self.mixed || self.lines < 2 {
            return out;
        }
        let mut shown = 0;
        let mut listed: Vec<&Field> = Vec::new();
        let told = |f: &Field| tells(f) && !f.few.iter().any(|(v, _)| fragment(v));
        // categorical fields first: they say what happened; then one numeric range
        for pass in 0..2 {
            let mut k = 0;
            while k < self.fields.len() {
                let (at, f) = (k, &self.fields[k]);
                if !told(f) {
                    k += 1;
                    continue;
                }
                // the words that stand with this field's as one phrase (listed as one)
                let mut end = at;
                while pass == 0 && end + 1 < self.fields.len() && self.phrase(end) && told(&self.fields[end + 1]) {
                    end += 1;
                }
                k = end + 1;
                if pass == 0 && end == at && at + 1 < self.fields.len() && self.paired(at) && !self.phrase(at) {
                    k += 1;
                    continue;
                }
                if shown == SHOWN {
                    return out;
                }
                // a field that repeats another's values (a time printed twice, two columns of
                // the same two states) says nothing new
                if pass == 0 && listed.iter().any(|g| g.same_values(f)) {
                    continue;
                }
                let text = match pass {
                    // (a phrase too long to list leaves its words to be listed each)
                    0 if end > at => self.phrase_listed(at, end, max_chars).or_else(|| {
                        (end, k) = (at, at + 1);
                        f.listed(max_chars)
                    }),
                    0 => f.listed(max_chars),
                    _ => f.ranged(),
                };
                if pass == 0 && text.is_some() {
                    listed.extend(&self.fields[at..=end]);
                }
                if let Some(t) = text.filter(|t| !out.contains(t.as_str())) {
                    out.push_str(" · ");
                    out.push_str(&t);
                    shown += 1;
                    if pass == 1 {
                        return out;
                    }
                }
            }
        }
        out
    }

    /// Whether field `k`'s words and the next field's always stood together, one to one: two
    /// words of one phrase, each listed with the other. (Words that each stood once stand
    /// together one to one whatever they are: a word that recurs is needed to tell.)
    fn phrase(&self, k: usize) -> bool {
        self.paired(k) && self.fields[k].few.iter().any(|&(_, n)| n > 1)
    }

    /// Whether field `k`'s words stood beside the next field's one to one, which makes them a
    /// phrase once one of them recurs (see `phrase`); seen once each, they may be one all the
    /// same (`Server Error`, `Not Found`): half of it listed alone (`Server Not`) says nothing.
    fn paired(&self, k: usize) -> bool {
        let (f, g) = (&self.fields[k], &self.fields[k + 1]);
        let words = |f: &Field| !f.many && !f.numeric && f.few.len() >= 2;
        words(f)
            && words(g)
            && f.few.len() == g.few.len()
            && f.beside_next.len() == f.few.len()
            && (0..f.few.len() as u8).all(|i| f.beside_next.iter().any(|&(a, _)| a == i) && f.beside_next.iter().any(|&(_, b)| b == i))
    }

    /// `Password mismatch×45 unknown user×27`: the values of fields `start..=end`, which stand
    /// together one to one (see `phrase`), as phrases with their counts.
    fn phrase_listed(&self, start: usize, end: usize, max_chars: usize) -> Option<String> {
        let mut s = String::new();
        for (i, (v, n)) in self.fields[start].few.iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(unquoted(field_end(v)));
            let mut at = i as u8;
            for k in start..end {
                at = self.fields[k].beside_next.iter().find(|&&(a, _)| a == at)?.1;
                s.push(' ');
                s.push_str(unquoted(field_end(&self.fields[k + 1].few[at as usize].0)));
            }
            if *n > 1 {
                s.push('×');
                s.push_str(&count(*n));
            }
        }
        (s.chars().count() <= max_chars).then_some(s)
    }
}

impl Field {
    /// Whether `other` holds the values this field holds, whatever their counts.
    fn same_values(&self, other: &Field) -> bool {
        !self.many
            && !other.many
            && self.few.len() == other.few.len()
            && self.few.iter().all(|(v, _)| other.few.iter().any(|(w, _)| bare(v) == bare(w)))
    }

    /// Whether each value differs and holds a run of ten digits or more: a time since the
    /// epoch (journald's `"__REALTIME_TIMESTAMP": "1733300000048000"`), a long id, which say
    /// only that the lines differ. (An address holds no such run: `85.245.107.41`.)
    fn ids(&self) -> bool {
        self.few.iter().all(|(v, n)| *n == 1 && v.split(|c: char| !c.is_ascii_digit()).any(|run| run.len() >= 10))
    }

    /// Counts `tok`; its place among the few values, while there are few.
    fn add(&mut self, tok: &str) -> Option<u8> {
        let mut at = None;
        if !self.many {
            match self.few.iter().position(|(v, _)| **v == *tok) {
                Some(i) => {
                    self.few[i].1 += 1;
                    at = Some(i as u8);
                }
                None if self.few.len() < FEW => {
                    self.few.push((tok.into(), 1));
                    at = Some(self.few.len() as u8 - 1);
                }
                None => self.many = true,
            }
        }
        if self.numeric {
            match number(tok) {
                Some((written, unit)) if self.range.is_none() || *self.unit == *unit => {
                    self.unit = unit.into();
                    match &mut self.range {
                        None => self.range = Some((written.into(), written.into())),
                        Some((lo, hi)) => {
                            if by_value(written, lo).is_lt() {
                                *lo = written.into();
                            }
                            if by_value(written, hi).is_gt() {
                                *hi = written.into();
                            }
                        }
                    }
                }
                _ => self.numeric = false,
            }
        }
        at
    }

    /// `GET×120 HEAD×14 PUT`, for a field with 2 to `FEW` values (a count of 1 goes unsaid).
    fn listed(&self, max_chars: usize) -> Option<String> {
        if self.many || self.few.len() < 2 {
            return None;
        }
        // distinct bare numbers (ids, pids, offsets) only say that they differ, and times are
        // what the run's time span says
        if (self.numeric && self.few.iter().all(|(_, n)| *n == 1)) || self.few.iter().any(|(v, _)| clock(v)) {
            return None;
        }
        let (name, _) = split_name(&self.few[0].0);
        let mut s = String::new();
        if !name.is_empty() {
            s.push_str(name);
            s.push(' ');
        }
        for (i, (v, n)) in self.few.iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(unquoted(field_end(split_name(v).1)));
            if *n > 1 {
                s.push('×');
                s.push_str(&count(*n));
            }
        }
        // long values (ids, paths, stamps) cost more than they say: the lines hold them
        (s.chars().count() <= max_chars).then_some(s)
    }

    /// `7–2912 ms`, for a numeric field with many values.
    fn ranged(&self) -> Option<String> {
        if !self.many || !self.numeric {
            return None;
        }
        let (lo, hi) = self.range.as_ref()?;
        let unit = if self.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", self.unit)
        };
        Some(format!("{lo}–{hi}{unit}"))
    }
}

/// `{"attempt":1,"error":"smtp`: a piece of a structure that a word of the line opened and
/// another closes, cut where a space stood in it; no value of its own.
fn fragment(tok: &str) -> bool {
    let opens = tok.bytes().filter(|&c| c == b'{' || c == b'[').count();
    let closes = tok.bytes().filter(|&c| c == b'}' || c == b']').count();
    tok.starts_with(['{', '[']) && opens > closes && tok.contains('"')
}

/// `[pool-1]`, `worker-3:`, `ERROR[3167]` (Asterisk's level and thread): a tag naming who
/// wrote a line; not an address a clause ends with (Go's `dial tcp 127.0.0.1:18098: connect:
/// connection refused`), which names what failed, nor an element of a list (`disk[2]`).
fn is_tag(tok: &str) -> bool {
    let threaded = tok.strip_suffix(']').and_then(|t| t.rsplit_once('[')).is_some_and(|(level, thread)| {
        super::severity::word_level(level).is_some() && !thread.is_empty() && thread.bytes().all(|c| c.is_ascii_digit())
    });
    threaded || (tok.starts_with('[') && tok.ends_with(']')) || tok.strip_suffix(':').is_some_and(|name| !name.contains(':'))
}

/// `10:08:19`, `02:08:10.123`: a time of day.
fn clock(tok: &str) -> bool {
    // anywhere in the value: a stamp's time (`[2014-06-16T15:45:11.825108`, logfmt's
    // `time=2026-12-04T17:34:04.429Z`) says when, as the run's span does
    let b = tok.as_bytes();
    b.windows(5).any(|w| w[2] == b':' && w[..2].iter().chain(&w[3..5]).all(u8::is_ascii_digit))
}

/// `0x7ffd36fcb8a0`: an address, which says where in memory, not what failed (Python's
/// `<Request object at 0x7f8a0d25cc90>` too).
fn address(tok: &str) -> bool {
    let t = tok.trim_end_matches([',', ')', ']', '>', '"', '}']);
    t.strip_prefix("0x").is_some_and(|h| h.len() >= 6 && h.bytes().all(|c| c.is_ascii_hexdigit()))
}

/// `value` without what ends its field in the line: a comma, a semicolon or a colon that ends a
/// clause (`127.0.0.1:18098:`), or a bracket or brace it does not open (uWSGI's `(HTTP/1.1 404)` gives
/// `404)`); nor what opens a phrase it is the first word of, a bracket it does not close
/// (`(60 images)`'s `(60` gives `60`). An IPv6 address's `::` is its own.
fn field_end(value: &str) -> &str {
    let value = value.trim_end_matches([',', ';']);
    let value = match value.as_bytes().first() {
        Some(b'(') if value.len() > 1 && !value.contains(')') => &value[1..],
        Some(b'[') if value.len() > 1 && !value.contains(']') => &value[1..],
        Some(b'{') if value.len() > 1 && !value.contains('}') => &value[1..],
        _ => value,
    };
    let b = value.as_bytes();
    match b.last() {
        Some(b':') if b.len() > 1 && b[b.len() - 2] != b':' => &value[..value.len() - 1],
        Some(b')') if !value.contains('(') => &value[..value.len() - 1],
        Some(b']') if !value.contains('[') => &value[..value.len() - 1],
        Some(b'}') if !value.contains('{') => &value[..value.len() - 1],
        _ => value,
    }
}

/// `POST` for `"POST`: a quote that the field does not close is the line's (an access log's
/// `"POST /auth HTTP/1.1"`), not the value's; a quoted value keeps its quotes.
fn unquoted(value: &str) -> &str {
    if value.matches('"').count() == 1 {
        value.trim_matches('"')
    } else {
        value
    }
}

/// What a value says, without its name, its quotes and the comma after it: a record's
/// `"Method": "PUT",` says what its message's `PUT` says (Serilog's `@mt` and its property).
fn bare(value: &str) -> &str {
    split_name(value).1.trim_end_matches([',', ';']).trim_matches('"')
}

/// `status=200` -> (`status`, `200`); a bare value has no name.
fn split_name(tok: &str) -> (&str, &str) {
    match tok.split_once('=') {
        Some((k, v))
            if !k.is_empty()
                && k.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || b"._-".contains(&c)) =>
        {
            (k, v)
        }
        _ => ("", tok),
    }
}

/// A plain number with an optional unit suffix of letters, as its digits and its unit: `7`,
/// `2912ms`, `0.5s`; `took=12ms` is not (it has a name; the name is dropped by the caller's
/// `split_name` only for listing).
fn number(tok: &str) -> Option<(&str, &str)> {
    let t = tok.trim_end_matches([',', ';', ')']);
    let digits = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    if digits == 0 || t[..digits].matches('.').count() > 1 {
        return None;
    }
    let unit = &t[digits..];
    if unit.len() > 3 || !unit.bytes().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    t[..digits].parse::<f64>().ok()?;
    Some((&t[..digits], unit))
}

/// How two numbers written in digits (`number`) compare, to their last digit: a float holds 16
/// of them, and a nanosecond's epoch or a snowflake id has 19.
fn by_value<'a>(a: &'a str, b: &'a str) -> std::cmp::Ordering {
    fn parts(x: &str) -> (&str, &str) {
        let (whole, fraction) = x.split_once('.').unwrap_or((x, ""));
        (whole.trim_start_matches('0'), fraction)
    }
    let ((wa, fa), (wb, fb)) = (parts(a), parts(b));
    // (a fraction's missing digits are zeros)
    let n = fa.len().max(fb.len());
    let digits = |f: &'a str| f.bytes().chain(std::iter::repeat(b'0')).take(n);
    wa.len().cmp(&wb.len()).then(wa.cmp(wb)).then_with(|| digits(fa).cmp(digits(fb)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_values_are_listed_with_counts_and_numbers_as_a_range() {
        let mut v = Values::default();
        for i in 0..40 {
            let status = if i % 10 == 3 { 404 } else { 200 };
            v.push(&format!(
                "GET /api/items status={status} took {}ms",
                7 + i * 70
            ));
        }
        assert_eq!(v.describe(), " · status 200×36 404×4 · 7–2737 ms");
        // a range's ends are written as the log wrote them (Zeek's times keep their last zero)
        let mut v = Values::default();
        for i in 0..40 {
            v.push(&format!("weird excessively_large_fragment took {}.{:06}0 s", 1712923134 + i * 13, 90_760 + i));
        }
        assert_eq!(v.describe(), " · 1712923134.0907600–1712923641.0907990");
        // compared to their last digit, past what a float holds
        let mut v = Values::default();
        for i in [126, 0, 269, 300, 58] {
            v.push(&format!("span closed in {}{i:03} ns", 1712923134907609u64));
        }
        assert_eq!(v.describe(), " · 1712923134907609000–1712923134907609300");
        assert!(by_value("0.5", "0.50").is_eq() && by_value("10", "9.99").is_gt() && by_value("007", "8").is_lt());
    }

    #[test]
    fn a_bracket_the_field_does_not_open_is_no_part_of_a_listed_value() {
        // uWSGI closes its request's status in brackets: `(HTTP/1.1 404)`
        let mut v = Values::default();
        for status in [500, 404, 404] {
            v.push(&format!("GET /user => generated 0 bytes in 0 msecs (HTTP/1.1 {status}) 0 headers"));
        }
        assert_eq!(v.describe(), " · 500 404×2");
        // nor one it opens a phrase with (sway's `(1 images)`)
        let mut v = Values::default();
        for n in [1, 1, 60] {
            v.push(&format!("render pass done ({n} images) in the frame"));
        }
        assert_eq!(v.describe(), " · 1×2 60");
        // a bracket the value opens stays
        let mut v = Values::default();
        for call in ["f(x)", "g(y)", "g(y)"] {
            v.push(&format!("calling {call} now"));
        }
        assert_eq!(v.describe(), " · f(x) g(y)×2");
    }

    #[test]
    fn a_quote_the_line_opens_is_no_part_of_a_listed_value() {
        // a combined access log's request opens its quote on the method and closes it on the
        // protocol; a quoted value is listed as it stands
        let mut v = Values::default();
        for (method, agent) in [("POST", "\"curl\""), ("POST", "\"curl\""), ("OPTIONS", "\"wget\"")] {
            v.push(&format!("1.2.3.4 \"{method} /auth HTTP/1.1\" 401 {agent}"));
        }
        assert_eq!(v.describe(), " · POST×2 OPTIONS · \"curl\"×2 \"wget\"");
    }

    #[test]
    fn two_fields_of_the_same_values_are_listed_once() {
        // HPC's two columns of the same two node states, in other proportions
        let mut v = Values::default();
        for i in 0..40 {
            let (a, b) = if i % 5 == 0 { (3534, 3552) } else { (3552, 3534) };
            v.push(&format!("node-{i} state {a} {b} ok"));
        }
        assert_eq!(v.describe(), " · 3534×8 3552×32");
    }

    #[test]
    fn a_listed_value_goes_without_the_comma_that_ends_its_field() {
        // nginx's error log: `client: 10.0.0.5, server: localhost, …`
        let mut v = Values::default();
        for ip in ["10.0.0.5", "10.0.0.5", "172.16.1.2"] {
            v.push(&format!("[error] connect() failed (111: Connection refused), client: {ip}, server: localhost"));
        }
        assert_eq!(v.describe_failures(), " · 10.0.0.5×2 172.16.1.2");
    }

    #[test]
    fn an_address_a_clause_ends_with_is_what_failed_not_a_tag() {
        // Go's net errors: `dial tcp 127.0.0.1:18098: connect: connection refused`
        let mut v = Values::default();
        for port in [18098, 18098, 18099] {
            v.push(&format!("proxy: dial tcp 127.0.0.1:{port}: connect: connection refused"));
        }
        assert_eq!(v.describe_failures(), " · 127.0.0.1:18098×2 127.0.0.1:18099");
        // a tag names who wrote the line, not what failed
        let mut v = Values::default();
        for worker in ["worker-3:", "worker-4:", "worker-3:"] {
            v.push(&format!("{worker} dial tcp 127.0.0.1:18098: connect: connection refused"));
        }
        assert_eq!(v.describe_failures(), "");
        // nor does a level with its thread's number
        let mut v = Values::default();
        for thread in [3167, 3403, 3464] {
            v.push(&format!("[Mar 24 16:41:21] ERROR[{thread}] codec_dahdi.c: Failed to open /dev/dahdi/transcode: No such file or directory"));
        }
        assert_eq!(v.describe_failures(), "");
        // an element of a list that failed is what failed
        let mut v = Values::default();
        for disk in [2, 2, 3] {
            v.push(&format!("2026-12-07 02:10:0{disk} ERROR read failed on disk[{disk}] sector 81920"));
        }
        assert_eq!(v.describe_failures(), " · disk[2]×2 disk[3]");
        assert_eq!(field_end("fe80::"), "fe80::");
    }

    #[test]
    fn a_quoted_address_and_a_piece_of_a_record_are_no_failures_values() {
        // structlog's JSON quotes a request object's repr; logrus's message holds a record cut
        // at its spaces
        let mut v = Values::default();
        for (addr, ip) in [("0x7f8a0d25cc90", 5), ("0x7f8a0d241dd0", 4), ("0x7f8a0d242f90", 4)] {
            v.push(&format!(r#"{{"event": "handler failed", "request": "<starlette.requests.Request object at {addr}>", "peer": "10.0.0.{ip}:25"}}"#));
        }
        assert_eq!(v.describe_failures(), " · \"10.0.0.5:25\" \"10.0.0.4:25\"×2");
        let mut v = Values::default();
        for (attempt, ip) in [(1, 5), (3, 4), (1, 4)] {
            v.push(&format!(r#"send failed {{"attempt":{attempt},"error":"smtp dial 10.0.0.{ip}:25 refused"}}"#));
        }
        assert_eq!(v.describe_failures(), " · 10.0.0.5:25 10.0.0.4:25×2");
    }

    #[test]
    fn a_stamp_inside_a_value_and_an_address_are_no_failures_values() {
        // Rails' logger opens with its time in brackets; strace prints buffers' addresses
        let mut v = Values::default();
        for (t, user) in [("15:45:11.825108", "ann"), ("15:45:41.769677", "bob"), ("15:46:02.010203", "ann")] {
            v.push(&format!("E, [2014-06-16T{t} #18925] ERROR -- : login refused for {user}"));
        }
        assert_eq!(v.describe_failures(), " · ann×2 bob");
        let mut v = Values::default();
        for (buf, path) in [("0x7ffd36fcb8a0", "a"), ("0x7ffd36fcb5d0", "b"), ("0x7ffd36fcb5d0", "a")] {
            v.push(&format!("newfstatat(AT_FDCWD, \"/src/{path}\", {buf}, 0) = -1 ENOENT (No such file or directory)"));
        }
        assert_eq!(v.describe_failures(), " · \"/src/a\"×2 \"/src/b\"");
    }

    #[test]
    fn a_property_that_says_what_the_message_says_is_listed_once() {
        // Serilog renders its method into the message and keeps it as a property, quoted
        let mut v = Values::default();
        for (k, m) in ["PUT", "GET", "GET", "POST", "GET"].iter().enumerate() {
            v.push(&format!(r#"{{"@mt": "HTTP {m} /cart responded 200", "Method": "{m}", "n": {k}}}"#));
        }
        assert_eq!(v.describe().matches("GET").count(), 1, "{}", v.describe());
    }

    #[test]
    fn words_that_stand_together_are_listed_as_one_phrase() {
        // dovecot's failed logins: `Password mismatch` and `unknown user`, never mixed
        let mut v = Values::default();
        for (i, (a, b)) in [("Password", "mismatch"), ("unknown", "user"), ("Password", "mismatch")].iter().enumerate() {
            v.push(&format!("auth: passwd-file(u{i},127.0.0.1): {a} {b}"));
        }
        assert_eq!(v.describe(), " · Password mismatch×2 unknown user");
        // words that do not always stand together are listed apart
        let mut v = Values::default();
        for (a, b) in [("Password", "mismatch"), ("unknown", "user"), ("unknown", "mismatch")] {
            v.push(&format!("auth: failed: {a} {b}"));
        }
        assert_eq!(v.describe(), " · Password unknown×2 · mismatch×2 user");
        // words that each stood once may or may not stand together: neither is listed, as half
        // a phrase (`Server Not` for `Server Error` and `Not Found`) says nothing
        let mut v = Values::default();
        for (a, b) in [("Password", "mismatch"), ("unknown", "user")] {
            v.push(&format!("auth: failed: {a} {b}"));
        }
        assert_eq!(v.describe(), "");
        let mut v = Values::default();
        for (path, status, reason) in [("/split", 500, "Server Error"), ("/customer/0", 404, "Not Found")] {
            v.push(&format!("probe.App - GET {path} {status} {reason}"));
        }
        assert!(!v.describe_failures().contains("Server Not"), "{}", v.describe_failures());
        assert!(v.describe_failures().contains("/split /customer/0"), "{}", v.describe_failures());
        // a word that recurs is listed, whatever stands beside it that is not (a tag)
        let mut v = Values::default();
        for (reason, pool) in [("Password", 1), ("Password", 1), ("Password", 1), ("unknown", 2)] {
            v.push(&format!("auth: failed: {reason} [pool-{pool}]"));
        }
        assert!(v.describe_failures().contains("Password×3 unknown"), "{}", v.describe_failures());
        // a phrase too long to list leaves its words to be listed each
        let mut v = Values::default();
        for (path, proto) in [("/api/items/703?fields=name,price&ref=a", "HTTP/1.1"), ("/health", "HTTP/1.0"), ("/health", "HTTP/1.0")] {
            v.push(&format!("GET {path} {proto} 200"));
        }
        assert_eq!(v.describe(), " · HTTP/1.1 HTTP/1.0×2");
    }

    #[test]
    fn mixed_shapes_and_free_text_say_nothing() {
        let mut v = Values::default();
        v.push("a b c");
        v.push("a b c d");
        assert_eq!(v.describe(), "");
        let mut v = Values::default();
        for i in 0..10 {
            v.push(&format!("user{i}x login ok"));
        }
        assert_eq!(v.describe(), "");
    }

    #[test]
    fn distinct_ids_repeated_fields_and_long_lists_stay_out() {
        // pids all differ, the state is printed twice: one listing of the state only
        let mut v = Values::default();
        for (pid, t) in [(2576195, "boot"), (2599298, "boot"), (2600743, "halt")] {
            v.push(&format!("{t} node pid {pid} at {t}"));
        }
        assert_eq!(v.describe(), " · boot×2 halt");
        // times of day are left to the run's time span
        let mut v = Values::default();
        for t in ["07:07:00", "07:07:00", "07:07:02"] {
            v.push(&format!("{t} boot ok"));
        }
        assert_eq!(v.describe(), "");
        // long values cost more than they say
        let mut v = Values::default();
        for i in 0..3 {
            v.push(&format!("job 0000000{i}@2016/9/27:20:30:31.458 done"));
        }
        assert_eq!(v.describe(), "");
    }
}
