//! JSON: lossless first, then keep the outliers.
//!
//! The document (or NDJSON, or JSON values one after another, read as an array of them) is
//! written back compactly, with
//! collections of similar objects as tables (`render`). When that is still larger than the
//! target, a lossy pass cuts long strings and keeps only the first, last and outlying items of
//! each collection (`outliers`), marking every cut with the `hr expand HASH --items …` that
//! brings it back. Input that does not parse goes to the generic folder instead.
//!
//! Addressing (what `--items` takes): `A-B` is items A..=B of the top-level array (or NDJSON
//! lines), counted from 0 as JSON indexes are; `/json/pointer:A-B` is items (or members, by
//! position) A..=B of the array or object at that JSON Pointer (RFC 6901); a pointer alone is
//! the value at that pointer.

pub mod node;
pub mod outliers;
pub mod render;
pub mod table;

use crate::marker::{Compressed, Span};
use crate::Options;
use node::Node;
use render::Mode;

/// Without a budget, output up to this many characters is small enough for the lossless form.
pub const TARGET_CHARS: usize = 12_000;
/// A document (an object: a listing's array keeps its names) small enough for the lossless form
/// still gets the lossy one when the lossless form saved little (it is at least LOSSLESS_SAVED_LITTLE of the input: no table, nothing factored)
/// and the lossy one is at most LOSSY_PAYS of it: a long version history or a long string says
/// little per token.
const LOSSLESS_SAVED_LITTLE: f64 = 0.7;
const LOSSY_PAYS: f64 = 0.6;
/// Over a budget, collections keep at most this many outliers each, tried in turn.
const BUDGET_OUTLIERS: [usize; 4] = [40, 10, 3, 0];

pub fn compress(text: &str, opts: &Options) -> Compressed {
    if !tree_fits(text) {
        // read like a log (whose memory is bounded): long lines cut, repeated lines folded
        return crate::log::compress(text, opts);
    }
    let Some((doc, top)) = parse(text) else {
        return crate::fold::compress(text, opts);
    };
    let target = opts.budget_chars.unwrap_or(TARGET_CHARS);
    let render = |mode, limit| render::render(&doc, top, &opts.hash, mode, limit);
    // lossless when that is small enough; else lossy, with fewer outliers while over a budget
    let lossy = || {
        render(
            Mode::Lossy {
                max_outliers: usize::MAX,
            },
            usize::MAX,
        )
        .unwrap_or_default()
    };
    let mut out = match render(Mode::Lossless, target) {
        Some(out) => {
            let saved_little =
                doc.is_object() && out.len() as f64 >= text.len() as f64 * LOSSLESS_SAVED_LITTLE;
            let cut = if saved_little { lossy() } else { String::new() };
            if saved_little && (cut.len() as f64) <= out.len() as f64 * LOSSY_PAYS {
                cut
            } else {
                out
            }
        }
        None => lossy(),
    };
    if let Some(budget) = opts.budget_chars {
        for max_outliers in BUDGET_OUTLIERS {
            if out.len() <= budget {
                break;
            }
            out = render(Mode::Lossy { max_outliers }, usize::MAX).unwrap_or_default();
        }
    }
    // The output stands for the whole input; a JSON rewrite has no finer line spans.
    let lines = text.lines().count().max(1);
    let spans = if out == text {
        Vec::new()
    } else {
        vec![Span {
            start: 1,
            end: lines,
        }]
    };
    Compressed { text: out, spans }
}

/// What one parsed value costs, allocator overhead included: 29 MB of six-field records parse
/// into 140 MB, about 58 bytes a value.
const BYTES_PER_VALUE: usize = 60;
/// How many values an array or object costs beside its members: compressing a document holds
/// more for each (its row, its shape) than for a value in it: `{"a":1}` lines took about 260
/// bytes a record, six-field records about 410.
const CONTAINER_VALUES: usize = 5;

/// Whether the parsed tree of `text` keeps within the memory bound (`bound.rs`). A denser
/// document (`[1,1,1,…]`, tens of MB of small records) is read like a log instead, whose memory
/// is bounded on any input.
fn tree_fits(text: &str) -> bool {
    let room = crate::bound::state_room(text.len());
    // a value takes a byte at least, a container two: most inputs fit without counting
    (text.len() / 2 + 1).saturating_mul(CONTAINER_VALUES * BYTES_PER_VALUE) <= room
        || values(text).saturating_mul(BYTES_PER_VALUE) <= room
}

/// About how many values `text` holds, in one pass that allocates nothing: a value for each
/// comma, `CONTAINER_VALUES` for each opening bracket or brace outside strings, and one for each
/// value that follows another after whitespace alone (NDJSON of scalars, `1 2 3`: parsed as a
/// sequence before it is found to be no document).
fn values(text: &str) -> usize {
    let (mut n, mut in_string, mut escaped) = (1, false, false);
    // whether the last byte outside strings ended a value, and whether whitespace followed it
    let (mut ended, mut gap) = (false, false);
    for &b in text.as_bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => (in_string, ended) = (false, true),
                _ => {}
            }
            continue;
        }
        if matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
            gap |= ended;
            continue;
        }
        match b {
            b',' => n += 1,
            b'[' | b'{' => n += CONTAINER_VALUES,
            b':' | b']' | b'}' => {}
            _ if gap => n += 1,
            _ => {}
        }
        in_string = b == b'"';
        ended = !in_string && !matches!(b, b',' | b'[' | b'{' | b':');
        gap = false;
    }
    n
}

/// The document, and what its top is: one value, or values one after another (NDJSON among
/// them), then read as the array of them.
pub fn parse(text: &str) -> Option<(Node<'_>, Top)> {
    let mut items = node::parse_sequence(text)?;
    if items.is_empty() || !items.iter().all(Node::is_container) {
        return None;
    }
    if items.len() == 1 {
        return items.pop().map(|v| (v, Top::Document));
    }
    // a JSON string holds no raw line break: one value per non-blank line is NDJSON
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    let top = if lines == items.len() { Top::Lines } else { Top::Values };
    Some((Node::Arr(items), top))
}

/// What the top of the input is: one document, or values one after another that are shown as
/// one array (`--items A-B` counts them from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Top {
    Document,
    /// NDJSON: a value per line
    Lines,
    /// values printed one after another, each over several lines (`jq`, `go list -json`)
    Values,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn opts() -> Options {
        Options::for_test(None)
    }

    fn parse_out(out: &str) -> Value {
        serde_json::from_str(out).unwrap_or_else(|e| panic!("output is not JSON ({e}):\n{out}"))
    }

    #[test]
    fn invalid_json_falls_back_to_the_folder() {
        let text = "{not json\n".repeat(3);
        assert_eq!(
            compress(&text, &opts()),
            crate::fold::compress(&text, &opts())
        );
    }

    #[test]
    fn small_documents_fold_a_long_history() {
        // `npm view pkg --json`: a few fields and a long version history
        let versions: Vec<String> = (0..60).map(|i| format!("1.{i}.0")).collect();
        let time: serde_json::Map<String, Value> = versions
            .iter()
            .map(|v| (v.clone(), json!(format!("2024-01-01T00:00:{v}Z"))))
            .collect();
        let text = serde_json::to_string_pretty(&json!({
            "name": "pkg", "version": "1.59.0", "license": "MIT",
            "versions": versions, "time": time,
        }))
        .unwrap();
        let c = compress(&text, &opts());
        let out = parse_out(&c.text);
        assert_eq!(out["name"], json!("pkg"));
        assert_eq!(out["license"], json!("MIT"));
        assert!(
            c.text
                .contains("items · hr expand abcdef012345 --items /versions:"),
            "{}",
            c.text
        );
        assert!(c.text.len() * 2 < text.len(), "{}", c.text);
    }

    #[test]
    fn small_arrays_become_a_lossless_table() {
        let items: Vec<Value> = (0..30)
            .map(|i| json!({"path": format!("lib/f{i}.js"), "size": 100 + i, "mode": 420}))
            .collect();
        let text = serde_json::to_string_pretty(&items).unwrap();
        let c = compress(&text, &opts());
        let out = parse_out(&c.text);
        let rows = out.as_array().unwrap();
        assert!(rows[0]
            .as_str()
            .unwrap()
            .starts_with("[hr table, rows are [path, size]"));
        assert!(rows[0].as_str().unwrap().contains("same in all: mode=420"));
        assert_eq!(rows.len(), 31);
        for (i, r) in rows[1..].iter().enumerate() {
            assert_eq!(r, &json!([format!("lib/f{i}.js"), 100 + i]));
        }
        // lossless: nothing to fetch by item, but the output names its original once
        assert!(!c.text.contains("--items"), "lossless output folds nothing");
        assert_eq!(
            c.text.matches("original: hr expand abcdef012345]").count(),
            1
        );
        assert_eq!(c.spans.len(), 1);
    }

    #[test]
    fn large_arrays_keep_first_last_and_outliers() {
        let items: Vec<Value> = (0..2000)
            .map(|i| {
                let status = if i == 777 { "failed" } else { "ok" };
                json!({"id": i, "name": format!("job-{i}"), "status": status, "note": "x".repeat(40)})
            })
            .collect();
        let text = serde_json::to_string_pretty(&items).unwrap();
        let c = compress(&text, &opts());
        assert!(c.text.len() * 20 < text.len());
        let out = parse_out(&c.text);
        let arr = out.as_array().unwrap();
        assert!(
            c.text.contains("\"job-0\"")
                && c.text.contains("\"job-777\"")
                && c.text.contains("\"job-1999\"")
        );
        assert!(
            c.text
                .contains("\"[hr 776 items · hr expand abcdef012345 --items 1-776]\""),
            "{}",
            c.text
        );
        assert!(
            c.text.contains("\"[hr 1,221 items 778-1998]\""),
            "{}",
            c.text
        );
        // the table's note came first, but the command is said once, by the first marker
        assert_eq!(
            arr[0],
            json!("[hr table, rows are [#, id, name, status, note] (# = index)]")
        );
        assert_eq!(c.text.matches("abcdef012345").count(), 1);
        assert!(arr.len() < 10);
    }

    #[test]
    fn top_level_keys_stay_and_long_strings_are_cut() {
        let pkgs: Vec<Value> = (0..50)
            .map(|i| json!({"metadata": {"name": format!("p{i}"), "description": "readme ".repeat(2000)}}))
            .collect();
        let doc = json!({"version": "1", "installed": pkgs, "environment": {"os": "linux"}});
        let text = serde_json::to_string_pretty(&doc).unwrap();
        let c = compress(&text, &opts());
        let out = parse_out(&c.text);
        assert_eq!(
            out.as_object().unwrap().keys().collect::<Vec<_>>(),
            vec!["version", "installed", "environment"]
        );
        // what is left of a cut string, ended at its last whole word (240 characters would cut
        // `readme` after `re`), and (after the first marker) only its target
        assert!(c.text.contains("readme readme… [hr 13,763 more chars · hr expand abcdef012345 --items /installed/0/metadata/description]\""), "{}", c.text);
        assert_eq!(c.text.matches("· hr expand").count(), 1);
    }

    #[test]
    fn record_maps_fold_by_member_position() {
        let mut pkgs = serde_json::Map::new();
        for i in 0..300 {
            let lic = if i == 123 { "BSD-3-Clause" } else { "MIT" };
            pkgs.insert(format!("node_modules/p{i}"), json!({"version": "1.0.0", "license": lic, "integrity": "sha512-".to_string() + &"a".repeat(80)}));
        }
        let doc = json!({"name": "proj", "packages": pkgs});
        let text = serde_json::to_string_pretty(&doc).unwrap();
        let c = compress(&text, &opts());
        parse_out(&c.text);
        assert!(c.text.contains("\"node_modules/p123\""));
        assert!(c.text.contains("\"BSD-3-Clause\""));
        assert!(
            c.text.contains(
                "[hr 122 members · hr expand abcdef012345 --items /packages:1-122]"
            ),
            "{}",
            c.text
        );
    }

    #[test]
    fn ndjson_is_an_array() {
        let text: String = (0..500).map(|i| format!("{{\"ts\":{i},\"level\":\"info\",\"msg\":\"tick {i} of the scheduler loop\"}}\n")).collect();
        let text = text.replace(
            "\"ts\":250,\"level\":\"info\"",
            "\"ts\":250,\"level\":\"error\"",
        );
        let c = compress(&text, &opts());
        let out = parse_out(&c.text);
        assert!(out[0].as_str().unwrap().contains("NDJSON: 500 lines"));
        assert!(c.text.contains("\"error\""));
        assert!(
            c.text
                .contains("\"[hr 249 items · hr expand abcdef012345 --items 1-249]\"")
                && c.text.contains("\"[hr 248 items 251-498]\""),
            "{}",
            c.text
        );
    }

    #[test]
    fn a_document_too_dense_for_the_memory_bound_is_read_like_a_log() {
        assert_eq!(values(r#"{"a": [1, 2], "b,[{": "x\"y,"}"#), 3 + 2 * CONTAINER_VALUES);
        // pretty-printed, the same
        assert_eq!(values("{\n  \"a\" : [\n    1,\n    2\n  ],\n  \"b\": \"x\"\n}\n"), 3 + 2 * CONTAINER_VALUES);
        // values after whitespace alone are values too: a sequence of scalars is parsed whole
        assert_eq!(values("1\n2\r\n\"a b\"\ttrue [3] {}\n"), 4 + 2 * CONTAINER_VALUES);
        let scalars = "1\n".repeat(1_000_000);
        assert!(!tree_fits(&scalars));
        // small records cost more than their values: 1.6 MB of `{"a":1}` would take 52 MB
        assert!(!tree_fits(&"{\"a\":1}\n".repeat(200_000)));
        assert!(tree_fits(&"{\"a\":1}\n".repeat(20_000)));
        // a small document always fits; 2 MB of one-character values would take 60 MB parsed
        assert!(tree_fits(&serde_json::to_string(&json!({"a": [1, 2, 3]})).unwrap()));
        let dense = format!("[{}1]", "1,".repeat(1_000_000));
        assert!(!tree_fits(&dense));
        let c = compress(&dense, &opts());
        // its one long line is cut, as a log's would be
        assert!(c.text.len() < 10_000 && c.text.contains("more chars"), "{}", c.text.len());
        assert!(!c.text.contains("--items"));
    }

    #[test]
    fn values_one_after_another_are_an_array() {
        // `jq '.[]'` or `go list -json`: each value printed over several lines
        let text: String = (0..1000)
            .map(|i| {
                let state = if i == 500 { "failed" } else { "ok" };
                let v = json!({"id": i, "state": state, "deps": ["errors", "io"]});
                serde_json::to_string_pretty(&v).unwrap() + "\n"
            })
            .collect();
        let c = compress(&text, &opts());
        let out = parse_out(&c.text);
        assert!(
            out[0].as_str().unwrap().contains("1,000 JSON values shown as one JSON array"),
            "{}",
            c.text
        );
        assert!(c.text.contains("\"failed\""), "{}", c.text);
        assert!(c.text.contains("--items 1-"), "{}", c.text);
        // one value per line stays NDJSON
        let lines: String = (0..3).map(|i| format!("{{\"id\":{i}}}\n")).collect();
        assert_eq!(parse(&lines).unwrap().1, Top::Lines);
        assert_eq!(parse(&text).unwrap().1, Top::Values);
        // scalars one after another are no document
        assert!(parse("1\n2\n").is_none());
    }

    #[test]
    fn opentelemetrys_error_records_stay_in_their_batches() {
        // an OTLP/JSON export, a batch of records a line: each batch's records nested under
        // resourceLogs, their level under `severityText`. A batch's error folded with the
        // batch, unnamed, where `level` or `severity` would have kept it
        let batch = |b: usize| {
            let records: Vec<Value> = (0..8)
                .map(|k| {
                    let (level, body) = if b == 13 && k == 5 {
                        ("ERROR", "payment failed: connection refused by ledger".to_string())
                    } else {
                        ("INFO", format!("request {} handled", b * 8 + k))
                    };
                    json!({"timeUnixNano": format!("17000000{b:02}00000000{k}"), "severityNumber": 9, "severityText": level, "body": {"stringValue": body}})
                })
                .collect();
            json!({"resourceLogs": [{"resource": {"attributes": []}, "scopeLogs": [{"scope": {"name": "checkout"}, "logRecords": records}]}]}).to_string()
        };
        let text: String = (0..30).map(|b| batch(b) + "\n").collect();
        let c = compress(&text, &opts());
        assert!(c.text.len() < text.len() / 2, "folded: {}", c.text);
        assert!(c.text.contains("payment failed: connection refused by ledger"), "{}", c.text);
    }

    #[test]
    fn error_values_stay_in_rows() {
        let items: Vec<Value> = (0..5)
            .map(|i| json!({"id": i, "state": "failed", "note": "n"}))
            .collect();
        let text = serde_json::to_string_pretty(&items).unwrap();
        let c = compress(&text, &opts());
        assert!(!c.text.contains("same in all"), "{}", c.text);
        assert!(c.text.contains("[4,\"failed\",\"n\"]"), "{}", c.text);
    }

    #[test]
    fn a_budget_keeps_fewer_outliers_and_says_so() {
        let items: Vec<Value> = (0..1000)
            .map(|i| json!({"id": i, "state": if i % 10 == 3 { "failed" } else { "ok" }}))
            .collect();
        let text = serde_json::to_string_pretty(&items).unwrap();
        let free = compress(&text, &opts());
        let tight = compress(
            &text,
            &Options {
                budget_chars: Some(3000),
                ..opts()
            },
        );
        assert!(
            tight.text.len() < 3000 && free.text.len() > 3000,
            "{}",
            tight.text.len()
        );
        assert!(
            tight.text.contains(" outliers, over budget) "),
            "{}",
            tight.text
        );
        parse_out(&tight.text);
    }

    #[test]
    fn big_repeated_values_are_references() {
        let user = json!({"login": "octocat", "id": 1, "avatar_url": "https://avatars.example.com/u/1?v=4", "type": "User", "site_admin": false, "bio": "x".repeat(400)});
        let items: Vec<Value> = (0..5)
            .map(|i| json!({"id": i, "title": format!("issue {i}"), "user": user}))
            .collect();
        let text =
            serde_json::to_string_pretty(&json!({"issues": items, "pad": "y".repeat(20000)}))
                .unwrap();
        let c = compress(&text, &opts());
        let out = parse_out(&c.text);
        assert!(out["issues"][0]["user"].is_object());
        for i in 1..5 {
            let r = out["issues"][i]["user"].as_str().unwrap();
            // the first copy's pointer is what fetches this one too
            let expected = if i == 1 {
                "[hr same as /issues/0/user · hr expand abcdef012345 --items /issues/0/user]"
            } else {
                "[hr same as /issues/0/user]"
            };
            assert_eq!(r, expected);
        }
    }

    #[test]
    fn fields_of_outlier_records_are_never_folded() {
        // records of strings only, big enough to look like maps: the rare value sits mid-record
        let items: Vec<Value> = (0..60)
            .map(|i| {
                let mut r = serde_json::Map::new();
                for f in 0..16 {
                    let v = if f == 8 && i == 33 {
                        "rare-zone".to_string()
                    } else if f == 8 {
                        "common-zone".into()
                    } else {
                        format!("https://example.com/records/{i}/field/{f}")
                    };
                    r.insert(format!("f{f}"), json!(v));
                }
                Value::Object(r)
            })
            .collect();
        let text = serde_json::to_string_pretty(&items).unwrap();
        let c = compress(&text, &opts());
        parse_out(&c.text);
        assert!(c.text.contains("\"rare-zone\""), "{}", c.text);
        assert!(c
            .text
            .contains("\"https://example.com/records/33/field/15\""));
    }

    #[test]
    fn deterministic() {
        let items: Vec<Value> = (0..500)
            .map(|i| json!({"k": i % 7, "v": i * 3, "s": format!("s{i}")}))
            .collect();
        let text = serde_json::to_string(&items).unwrap();
        assert_eq!(compress(&text, &opts()), compress(&text, &opts()));
    }
}
