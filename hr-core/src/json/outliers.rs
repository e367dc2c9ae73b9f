//! Which records of a collection are worth keeping when the rest is folded.
//!
//! A collection is an array of objects or an object whose values are objects. A record is kept
//! when it is the first or the last, when it is error-ish (an error field with a value, an HTTP
//! status >= 400, a status-like field that says failed/denied/…), when one of its field values is
//! rare (held by <= 5% of the records, in a field with few distinct values), when a number in it
//! lies beyond 3 standard deviations (or beyond 1e150, in a field that has a spread), or when it
//! has a key that <= 5% of the records have.
//! Fields are the record's scalars, reached through nested objects (`metadata.name`), not arrays.

use super::node::Node;
use crate::re::re;
use regex::Regex;

/// Field statistics only apply to collections at least this large (a rare value among 5 records
/// means nothing).
pub const MIN_STATS: usize = 20;
/// Nested objects deeper than this are not looked into for fields.
const MAX_DEPTH: usize = 4;
/// Categorical fields have 2..=MAX_CATEGORIES distinct values.
const MAX_CATEGORIES: usize = 10;
/// Numeric fields need more distinct values than this to have a meaningful spread.
const MIN_NUMERIC_DISTINCT: usize = 10;
/// A little under 3 sigma, so that values right at the edge are kept rather than lost.
const SIGMAS: f64 = 2.9;
/// Numbers larger than this (up to a 5,000-digit integer, which f64 reads as infinity) would
/// overflow the sum of squares and blind the spread of their whole field: they are left out of
/// it, and are outliers of any field that has one.
const HUGE: f64 = 1e150;

/// What a field's name says about it: a truthy `ERROR` field marks a record as error-ish, an
/// `HTTP` field holds a status code, a `STATUS` field's short value says what state it is in.
const ERROR: u8 = 1;
const HTTP: u8 = 2;
const STATUS: u8 = 4;

fn field_class(key: &str) -> u8 {
    if key.len() > 24 {
        return 0;
    }
    let mut buf = [0u8; 24];
    let lower = &mut buf[..key.len()];
    lower.copy_from_slice(key.as_bytes());
    lower.make_ascii_lowercase();
    match std::str::from_utf8(lower).unwrap_or("") {
        "error" | "errors" | "exception" | "exceptions" | "failure" | "failures" | "failed"
        | "warning" | "warnings" | "deprecated" | "problems" | "invalid" | "missing"
        | "extraneous" | "fatal" | "panic" | "stderr" | "traceback" => ERROR,
        "status" | "code" => HTTP | STATUS,
        "statuscode" | "status_code" | "httpstatus" | "http_status" => HTTP,
        "state" | "conclusion" | "result" | "level" | "severity" | "phase" | "reason"
        | "message" | "type" | "kind" | "outcome" | "health" | "condition" | "msg" | "event"
        | "category" | "verdict" | "error_type" | "errortype" | "lifecycle" | "stage"
        | "status_text" | "statustext" | "statusmessage" | "status_message" | "loglevel"
        | "log_level" | "exitstatus" | "exit_status" | "termination_reason"
        // a record's level under other names: OpenTelemetry's (`severityText`, and
        // `severity_text` in Python's exporter), Python logging's `levelname`, logfmt's `lvl`
        | "severitytext" | "severity_text" | "levelname" | "lvl" => STATUS,
        _ => 0,
    }
}
/// Whether a member with this name identifies its record (an id, a name, a path, a URL): such
/// members are never folded.
pub fn is_id_field(key: &str) -> bool {
    const IDS: &[&str] = &[
        "id",
        "_id",
        "uid",
        "key",
        "name",
        "full_name",
        "sha",
        "number",
        "login",
        "title",
        "path",
        "url",
        "uri",
        "href",
        "self",
        "slug",
        "ref",
        "email",
    ];
    key.len() <= 10 && IDS.iter().any(|n| n.eq_ignore_ascii_case(key))
}

/// Longer values are prose, not a status.
const STATUS_MAX_LEN: usize = 80;

pub fn error_words() -> &'static Regex {
    re!(concat!(
        r"(?i)error|fail|fatal|exception|denied|timeout|timed out|crash|oomkilled|unhealthy|",
        r"not found|invalid|conflict|forbidden|unauthori[sz]ed|deprecated|panic|refused|abort|",
        r"critical|severe|unreachable|unavailable|rejected|backoff|evicted"
    ))
}

/// True when `v` carries an error-ish field anywhere inside it (nested arrays included, so a
/// record that holds a failed sub-record stays visible).
pub fn is_errorish(v: &Node) -> bool {
    match v {
        Node::Obj(map) => map
            .iter()
            .any(|(k, x)| errorish_field(k, x) || is_errorish(x)),
        Node::Arr(items) => items.iter().any(is_errorish),
        _ => false,
    }
}

fn errorish_field(key: &str, v: &Node) -> bool {
    let class = field_class(key);
    if class == 0 {
        return false;
    }
    if class & ERROR != 0 && truthy(v) {
        return true;
    }
    if class & HTTP != 0 {
        let code = match v {
            Node::Num(n) => n.parse::<f64>().ok(),
            Node::Str(s) if s.len() == 3 => s.parse::<f64>().ok(),
            _ => None,
        };
        if code.is_some_and(|c| (400.0..600.0).contains(&c)) {
            return true;
        }
    }
    if let Node::Str(s) = v {
        if s.len() <= STATUS_MAX_LEN && class & STATUS != 0 && error_words().is_match(s) {
            return true;
        }
    }
    false
}

fn truthy(v: &Node) -> bool {
    match v {
        Node::Null => false,
        Node::Bool(b) => *b,
        Node::Num(_) => v.as_f64() != Some(0.0),
        Node::Str(s) => !s.is_empty(),
        Node::Arr(a) => !a.is_empty(),
        Node::Obj(o) => !o.is_empty(),
    }
}

type HashMap<K, V> = crate::hash::FxHashMap<K, V>;

/// Statistics of one field across the records.
#[derive(Default)]
struct Field<'v, 'a> {
    present: usize,
    /// Distinct scalar values with their counts; stops growing past MAX_CATEGORIES + 1.
    values: Vec<(&'v Node<'a>, usize)>,
    overflow: bool,
    numeric: usize,
    /// Count, sum and sum of squares of the numbers up to HUGE.
    spread: usize,
    sum: f64,
    sumsq: f64,
    distinct_nums: Vec<f64>,
}

impl<'v, 'a> Field<'v, 'a> {
    fn add(&mut self, v: &'v Node<'a>) {
        self.present += 1;
        if !self.overflow {
            if let Some((_, c)) = self.values.iter_mut().find(|(x, _)| *x == v) {
                *c += 1;
            } else if self.values.len() <= MAX_CATEGORIES {
                self.values.push((v, 1));
            } else {
                self.overflow = true;
            }
        }
        if let Node::Num(_) = v {
            if let Some(x) = v.as_f64() {
                self.numeric += 1;
                if x.abs() > HUGE {
                    return;
                }
                self.spread += 1;
                self.sum += x;
                self.sumsq += x * x;
                if self.distinct_nums.len() <= MIN_NUMERIC_DISTINCT
                    && !self.distinct_nums.contains(&x)
                {
                    self.distinct_nums.push(x);
                }
            }
        }
    }
}

/// Field ids: a field is a path of keys through nested objects (`metadata.name`), interned as
/// (parent id, key) so that no path strings are built. Id 0 is the record itself. Records mostly
/// list their keys in the same order, so each parent remembers its children by position and
/// the hash map is the fallback.
#[derive(Default)]
struct Paths<'a> {
    ids: HashMap<(u32, &'a str), u32>,
    by_position: Vec<Vec<(&'a str, u32)>>,
}

impl<'a> Paths<'a> {
    fn intern(&mut self, parent: u32, pos: usize, key: &'a str) -> u32 {
        if let Some(id) = self.cached(parent, pos, key) {
            return id;
        }
        let next = self.ids.len() as u32 + 1;
        let id = *self.ids.entry((parent, key)).or_insert(next);
        let p = parent as usize;
        if self.by_position.len() <= p {
            self.by_position.resize_with(p + 1, Vec::new);
        }
        let slots = &mut self.by_position[p];
        if slots.len() <= pos {
            slots.resize(pos + 1, ("", 0));
        }
        slots[pos] = (key, id);
        id
    }

    fn get(&self, parent: u32, pos: usize, key: &'a str) -> Option<u32> {
        self.cached(parent, pos, key)
            .or_else(|| self.ids.get(&(parent, key)).copied())
    }

    fn cached(&self, parent: u32, pos: usize, key: &str) -> Option<u32> {
        match self.by_position.get(parent as usize)?.get(pos) {
            Some((k, id)) if *id != 0 && *k == key => Some(*id),
            _ => None,
        }
    }
}

/// Calls `f(field id, value)` for every scalar reachable through nested objects of `v`, with ids
/// from `id(parent, position, key)` (None skips the member).
fn each_field<'v, 'a>(
    v: &'v Node<'a>,
    parent: u32,
    depth: usize,
    id: &mut impl FnMut(u32, usize, &'a str) -> Option<u32>,
    f: &mut impl FnMut(u32, &'v Node<'a>),
) {
    if let Node::Obj(map) = v {
        for (pos, (k, x)) in map.iter().enumerate() {
            if let Node::Arr(_) = x {
                continue;
            }
            if let Node::Obj(_) = x {
                if depth >= MAX_DEPTH {
                    continue;
                }
            }
            let Some(field) = id(parent, pos, k) else {
                continue;
            };
            match x {
                Node::Obj(_) => each_field(x, field, depth + 1, id, f),
                _ => f(field, x),
            }
        }
    }
}

/// For each record, whether to keep it when the collection is folded: the first and the last,
/// and the outliers.
pub fn keep(records: &[&Node]) -> Vec<bool> {
    let mut keep = outliers(records);
    if let Some(k) = keep.first_mut() {
        *k = true;
    }
    if let Some(k) = keep.last_mut() {
        *k = true;
    }
    keep
}

/// For each record, whether it is an outlier (or holds a collection with outliers).
pub fn outliers<'a>(records: &[&Node<'a>]) -> Vec<bool> {
    let n = records.len();
    let mut keep: Vec<bool> = records
        .iter()
        .map(|r| is_errorish(r) || has_inner_outliers(r))
        .collect();
    if n < MIN_STATS {
        return keep;
    }

    // Pass 1: statistics per field, and how many records have each top-level key.
    let mut paths = Paths::default();
    let mut fields: Vec<Field> = Vec::new();
    let mut top_keys: HashMap<&str, usize> = HashMap::default();
    for r in records {
        if let Node::Obj(map) = r {
            for (k, _) in map {
                *top_keys.entry(k).or_default() += 1;
            }
        }
        each_field(
            r,
            0,
            0,
            &mut |p, pos, k| Some(paths.intern(p, pos, k)),
            &mut |id, v| {
                let i = id as usize;
                if fields.len() <= i {
                    fields.resize_with(i + 1, Field::default);
                }
                fields[i].add(v);
            },
        );
    }

    // Which values are rare, per field; and which numeric fields have a spread to test.
    let rare_share = |count: usize| count * 20 <= n;
    let mut rare: Vec<Vec<&Node>> = vec![Vec::new(); fields.len()];
    let mut absent_is_rare: Vec<u32> = Vec::new();
    let mut numeric: Vec<Option<(f64, f64)>> = vec![None; fields.len()];
    for (id, f) in fields.iter().enumerate() {
        if f.present == 0 {
            continue; // an id of a nested object, not of a scalar field
        }
        let absent = n - f.present;
        let distinct = f.values.len() + usize::from(absent > 0);
        let categorical = !f.overflow
            && f.present * 2 >= n
            && ((2..=MAX_CATEGORIES).contains(&f.values.len())
                || (2..=MAX_CATEGORIES).contains(&distinct));
        if categorical {
            rare[id] = f
                .values
                .iter()
                .filter(|(_, c)| rare_share(*c))
                .map(|(v, _)| *v)
                .collect();
            if absent > 0 && rare_share(absent) {
                absent_is_rare.push(id as u32);
            }
        }
        if f.numeric * 5 >= n * 4 && f.distinct_nums.len() > MIN_NUMERIC_DISTINCT {
            let mean = f.sum / f.spread as f64;
            let var = (f.sumsq / f.spread as f64 - mean * mean).max(0.0);
            let sd = var.sqrt();
            if sd > 0.0 {
                numeric[id] = Some((mean, sd));
            }
        }
    }
    // A key few records have stands out only where records otherwise share their keys: in
    // heterogeneous collections (package.json files) odd keys are the norm.
    let key_cells: usize = top_keys.values().sum();
    let homogeneous = top_keys.len() * n * 2 <= key_cells * 3;
    let rare_keys: Vec<&str> = if homogeneous {
        top_keys
            .iter()
            .filter(|(_, c)| rare_share(**c))
            .map(|(k, _)| *k)
            .collect()
    } else {
        Vec::new()
    };

    // Pass 2: mark the records that hold a rare value, an outlying number or a rare key.
    let any_rare = rare.iter().any(|r| !r.is_empty());
    let any_numeric = numeric.iter().any(Option::is_some);
    if !any_rare && !any_numeric && absent_is_rare.is_empty() && rare_keys.is_empty() {
        return keep;
    }
    let mut lookup = |p: u32, pos: usize, k: &'a str| paths.get(p, pos, k);
    for (i, r) in records.iter().enumerate() {
        if keep[i] {
            continue;
        }
        let mut hit = false;
        let mut have = 0usize;
        each_field(r, 0, 0, &mut lookup, &mut |id, v| {
            let id = id as usize;
            if absent_is_rare.contains(&(id as u32)) {
                have += 1;
            }
            if hit {
                return;
            }
            if rare[id].contains(&v) {
                hit = true;
            } else if let Some((mean, sd)) = numeric[id] {
                hit = v
                    .as_f64()
                    .is_some_and(|x| x.abs() > HUGE || (x - mean).abs() > SIGMAS * sd);
            }
        });
        // a field nearly every record has is missing here
        hit = hit || have < absent_is_rare.len();
        if !hit {
            if let Node::Obj(map) = r {
                hit = map.iter().any(|(k, _)| rare_keys.contains(k));
            }
        }
        keep[i] = hit;
    }
    keep
}

/// True when a collection nested in `v` has outliers of its own: the record holding it must then
/// stay visible, or the outliers inside would be folded away with it.
fn has_inner_outliers(v: &Node) -> bool {
    let inner = |x: &Node| match collection_records(x) {
        Some(recs) if recs.len() >= MIN_STATS => outliers(&recs).contains(&true),
        _ => has_inner_outliers(x),
    };
    match v {
        Node::Obj(map) => map.iter().any(|(_, x)| inner(x)),
        Node::Arr(items) => items.iter().any(inner),
        _ => false,
    }
}

/// The records of `v` when it is a collection: an array whose items are all objects, or an object
/// whose values are all objects (a map from names to records).
pub fn collection_records<'v, 'a>(v: &'v Node<'a>) -> Option<Vec<&'v Node<'a>>> {
    match v {
        Node::Arr(items) if items.len() >= 2 && items.iter().all(Node::is_object) => {
            Some(items.iter().collect())
        }
        Node::Obj(map) if map.len() >= 2 && map.iter().all(|(_, x)| x.is_object()) => {
            Some(map.iter().map(|(_, x)| x).collect())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::node::parse;
    use super::*;
    use serde_json::{json, Value};

    fn records(n: usize, f: impl Fn(usize) -> Value) -> String {
        serde_json::to_string(&(0..n).map(f).collect::<Vec<Value>>()).unwrap()
    }

    fn kept(text: &str) -> Vec<usize> {
        let doc = parse(text).unwrap();
        let refs: Vec<&Node> = doc.as_array().unwrap().iter().collect();
        keep(&refs)
            .iter()
            .enumerate()
            .filter(|(_, k)| **k)
            .map(|(i, _)| i)
            .collect()
    }

    #[test]
    fn first_last_and_rare_values() {
        let v = records(
            40,
            |i| json!({"id": i, "license": if i == 17 { "BSD" } else { "MIT" }}),
        );
        assert_eq!(kept(&v), vec![0, 17, 39]);
    }

    #[test]
    fn errors_http_status_and_status_words() {
        let v = records(10, |i| match i {
            3 => json!({"id": i, "status": 404}),
            5 => json!({"id": i, "state": "failure"}),
            7 => json!({"id": i, "error": "boom"}),
            _ => json!({"id": i, "status": 200, "state": "success", "error": null}),
        });
        assert_eq!(kept(&v), vec![0, 3, 5, 7, 9]);
    }

    #[test]
    fn numeric_outliers_nested_fields_and_rare_keys() {
        let v = records(60, |i| {
            let size = if i == 30 {
                1_000_000
            } else {
                1000 + (i as i64 * 7) % 50
            };
            let mut r =
                json!({"meta": {"name": format!("p{i}"), "size": size}, "kind": "pkg", "ok": true});
            if i == 44 {
                r["hasInstallScript"] = json!(true);
            }
            r
        });
        assert_eq!(kept(&v), vec![0, 30, 44, 59]);
    }

    #[test]
    fn numbers_beyond_f64_are_outliers_and_leave_the_spread_alone() {
        let big = "9".repeat(5000);
        for huge in ["1e200", "-1e400", big.as_str()] {
            let rows: Vec<String> = (0..60)
                .map(|i| match i {
                    30 => format!(r#"{{"id":{i},"size":{huge}}}"#),
                    40 => format!(r#"{{"id":{i},"size":1000000}}"#),
                    _ => format!(r#"{{"id":{i},"size":{}}}"#, 1000 + (i * 7) % 50),
                })
                .collect();
            assert_eq!(
                kept(&format!("[{}]", rows.join(","))),
                vec![0, 30, 40, 59],
                "{}",
                &huge[..5.min(huge.len())]
            );
        }
    }

    #[test]
    fn odd_keys_in_heterogeneous_records_are_not_outliers() {
        // package.json-like records: each has a few keys of its own
        let v = records(
            40,
            |i| json!({"name": format!("p{i}"), format!("cfg{}", i % 13): 1, format!("x{i}"): 2}),
        );
        assert_eq!(kept(&v), vec![0, 39]);
    }

    #[test]
    fn missing_common_field_is_rare() {
        let v = records(30, |i| {
            if i == 12 {
                json!({"name": "x"})
            } else {
                json!({"name": "y", "license": "MIT"})
            }
        });
        assert_eq!(kept(&v), vec![0, 12, 29]);
    }

    #[test]
    fn outliers_in_nested_collections_keep_their_parent_even_when_first() {
        let v = records(10, |i| {
            let inner: Vec<Value> = (0..25)
                .map(|j| json!({"k": if i == 6 && j == 0 { "rare" } else { "common" }}))
                .collect();
            json!({"page": i, "items": inner})
        });
        assert_eq!(kept(&v), vec![0, 6, 9]);
    }

    #[test]
    fn outliers_in_nested_collections_keep_their_parent() {
        let v = records(10, |i| {
            let inner: Vec<Value> = (0..25)
                .map(|j| json!({"k": if i == 4 && j == 9 { "rare" } else { "common" }}))
                .collect();
            json!({"page": i, "items": inner})
        });
        assert_eq!(kept(&v), vec![0, 4, 9]);
    }
}
