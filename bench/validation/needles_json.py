#!/usr/bin/env python3
"""Needles for bench/validation/json by the corpus README's json rules, from each input alone:
every top-level key (with its quotes) and the record outliers of every array of objects (and
every object of >= 20 objects): error-ish records, categorical rarity, numeric 3-sigma values,
each named by its distinguishing value (JSON-encoded), plus the rare/error value itself and up
to 3 message strings of error records; at most 40 outlier records per collection.

Usage: needles_json.py [CASE_DIR...]  (default: every case under json/).
"""
import json
import re
import statistics
from pathlib import Path

from needle_rules import rewrite, verbatim

ERROR_FIELDS = {"error", "errors", "exception", "failure", "failed", "warning", "warnings",
                "deprecated", "problems", "invalid", "missing", "extraneous"}
STATUS_CODE = {"status", "statusCode", "code"}
STATUS_LIKE = {"status", "state", "conclusion", "result", "level", "severity", "phase", "reason",
               "message", "type", "outcome", "health"}
ERROR_RE = re.compile(r"error|failed|failure|fatal|exception|denied|timeout|crash|oomkilled|unhealthy|"
                      r"not found|invalid|conflict|forbidden|unauthorized|deprecated", re.I)
ID_FIELDS = ["id", "name", "key", "uid", "metadata.name", "sha", "number", "login", "title", "path", "url"]
MESSAGE_FIELDS = ["message", "error", "detail", "details", "reason", "description"]


def get(rec, dotted):
    for part in dotted.split("."):
        if not isinstance(rec, dict) or part not in rec:
            return None
        rec = rec[part]
    return rec


def error_value(rec):
    """The value that makes `rec` error-ish, or None."""
    for k, v in rec.items():
        if k in ERROR_FIELDS and v:
            return v
        if k in STATUS_CODE and isinstance(v, int) and not isinstance(v, bool) and 400 <= v <= 599:
            return v
        if k in STATUS_LIKE and isinstance(v, str) and len(v) <= 80 and ERROR_RE.search(v):
            return v
    return None


def scalar(v):
    return v is None or isinstance(v, (str, int, float, bool))


def outliers(records):
    """(index, value-or-None, is_error) of the outlier records."""
    n = len(records)
    found = {}
    if n >= 2:
        for i, r in enumerate(records):
            v = error_value(r)
            if v is not None:
                found.setdefault(i, (v, True))
    if n >= 20:
        fields = {k for r in records for k in r}
        for f in sorted(fields):
            present = [(i, r[f]) for i, r in enumerate(records) if f in r and scalar(r[f])]
            vals = [json.dumps(v) for _, v in present]
            distinct = set(vals)
            if len(present) >= 0.5 * n and 2 <= len(distinct) <= 10:
                for i, v in present:
                    if vals.count(json.dumps(v)) <= 0.05 * n:
                        found.setdefault(i, (v, False))
            nums = [(i, v) for i, v in present if isinstance(v, (int, float)) and not isinstance(v, bool)]
            if len({v for _, v in nums}) > 10 and len(nums) >= 0.8 * n:
                xs = [v for _, v in nums]
                mean, sd = statistics.fmean(xs), statistics.pstdev(xs)
                for i, v in nums:
                    if sd > 0 and abs(v - mean) > 3 * sd:
                        found.setdefault(i, (v, False))
    return sorted(found.items())[:40]


def distinguishing(records, i, keys):
    if keys is not None:
        return keys[i]
    for f in ID_FIELDS:
        vals = [get(r, f) for r in records]
        if all(v is not None and scalar(v) for v in vals) and len(set(map(json.dumps, vals))) == len(vals):
            return vals[i]
    strings = {}
    for r in records:
        for k, v in r.items():
            if isinstance(v, str):
                strings.setdefault(k, set()).add(v)
    if strings:
        best = max(sorted(strings), key=lambda k: len(strings[k]))
        return records[i].get(best)
    return None


def walk(node, out):
    if isinstance(node, list):
        recs = [x for x in node if isinstance(x, dict)]
        if recs and len(recs) == len(node):
            collect(recs, None, out)
        for x in node:
            walk(x, out)
    elif isinstance(node, dict):
        vals = list(node.values())
        if len(vals) >= 20 and all(isinstance(v, dict) for v in vals):
            collect(vals, list(node.keys()), out)
        for v in vals:
            walk(v, out)


def collect(recs, keys, out):
    for i, (value, is_error) in outliers(recs):
        ident = distinguishing(recs, i, keys)
        if ident is not None:
            out.append(ident)
        if isinstance(value, str) and len(value) >= 3:
            out.append(value)
        if is_error:
            msgs = [recs[i].get(f) for f in MESSAGE_FIELDS if isinstance(recs[i].get(f), str)]
            out.extend(msgs[:3])


def encoded(v):
    return str(v) if isinstance(v, int) and not isinstance(v, bool) else json.dumps(v, ensure_ascii=False)


def document(text):
    """The JSON document, or the list of the JSON values printed one after another (NDJSON, jq)."""
    try:
        return json.loads(text)
    except ValueError:
        decoder, values, i = json.JSONDecoder(), [], 0
        while True:
            while i < len(text) and text[i] in " \t\n\r":
                i += 1
            if i == len(text):
                return values
            value, i = decoder.raw_decode(text, i)
            values.append(value)


def needles(text):
    doc = document(text)
    raw = [json.dumps(k, ensure_ascii=False) for k in doc] if isinstance(doc, dict) else []
    found = []
    walk(doc, found)
    raw += [encoded(v) for v in found if isinstance(v, (str, int)) and not isinstance(v, bool)]
    return verbatim(raw, text)


M = "sigmavirus24/github3.py@HEAD of the fetched mirror:tests/cassettes/{}.json (betamax cassette: recorded GitHub REST API exchanges, bodies gzip+base64)"
NPM = "in an npm project with eslint@8.57.0 lodash@4.17.20 chalk@4.1.0 (npm 11, node 20)"
SOURCES = {
    "cargo-metadata-fd": ("`cargo metadata --format-version 1 --locked --filter-platform x86_64-unknown-linux-gnu` in sharkdp/fd v9.0.0 (cargo 1.95)", "crate metadata of OSS crates (MIT/Apache-2.0 mostly)"),
    "go-list-json-net": ("`go list -json net/...` in Go 1.26's GOROOT/src: one JSON object per package, one after another", "BSD-3-Clause (Go); generated locally"),
    "jq-pip-packages": ("`pip inspect --local | jq '.installed[] | {name: .metadata.name, version: .metadata.version, summary: .metadata.summary, requires: .metadata.requires_dist, installer, requested}'` in hr's own test venv: a stream of JSON values", "package metadata of OSS PyPI packages"),
    "kubectl-deployment-dryrun": ("`kubectl create deployment web --image=nginx:1.25 --replicas=3 --dry-run=client -o json`", "generated locally"),
    "npm-ls-all": (f"`npm ls --json --all` {NPM}", "package metadata of OSS npm packages"),
    "npm-outdated": (f"`npm outdated --json` {NPM}", "package metadata of OSS npm packages"),
    "npm-view-chalk": ("`npm view chalk@4.1.0 --json`", "MIT (chalk metadata)"),
    "npm-view-eslint": ("`npm view eslint@8.57.0 --json`", "MIT (eslint metadata)"),
    "pip-inspect-hr-venv": ("`pip inspect --local` in hr's own test venv (pip 26, Python 3.11.7)", "package metadata of OSS PyPI packages"),
    "pip-list": ("`pip list --format json` in hr's own test venv", "package names of OSS PyPI packages"),
}


def describe(case: Path) -> dict:
    if case.name.startswith("cassette-"):
        source, licence = M.format(case.name.removeprefix("cassette-")), "BSD-3-Clause (github3.py); GitHub API responses"
    else:
        source, licence = SOURCES[case.name]
    return dict(source=source, license=licence,
                why="top-level keys and record outliers by the corpus README json rules",
                needles=needles((case / "input.json").read_text()))


if __name__ == "__main__":
    rewrite("json", describe, __doc__)
