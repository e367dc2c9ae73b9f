#!/usr/bin/env python3
"""Needles for the log validation cases, from each input alone, by the corpus README's log rules.

    python -m venv /tmp/drain && /tmp/drain/bin/pip install drain3
    /tmp/drain/bin/python bench/validation/needles_log.py [bench/validation/log]

loghub's own parse (`*_structured.csv`) does not exist for these logs, so drain3 (the published
Drain miner, default settings plus the usual masking of numbers, IPs and hex ids) stands in for
it: one drain3 cluster is one event template, and a line's Content is the line itself (a JSON
record is mined as its `field=value` pairs; a JSON object's keys in sorted order, since an
object's member order carries no meaning). Then, as
for the corpus:
- every template with at least one error-ish line -> `any_of` its distinct error-ish lines (the
  first 20, file order); access-log lines are grouped by template and HTTP status, so each
  failing status of a request shape needs an example;
- every template that occurs exactly once -> `verbatim` that line;
- each needle string stripped, cut to 200 characters, at least 6 long, found in the input.

Error-ish, decided per line from what the line itself says, like the corpus's per-system rules:
a level field (`ERROR`, `[error]`, `"level":"error"`, logfmt's `level=error`, `severity`,
FATAL/CRITICAL/SEVERE/ALERT/EMERG/PANIC; a record's field before a word that looks like a level
in its text, as Grafana's `lvl=info … id="create alert table"`); otherwise an HTTP status >= 400 in an access-log line (combined/common, IIS W3C,
JSON `status`, Zeek `status_code`, the status column a CSV or TSV log names in its first row, a logfmt record's `status=`, an unquoted
request's as Gin, morgan, Sanic, ASP.NET Core, uWSGI and PHP's built-in server print it, one
printed before its quoted request, Squid's, Plug's `Sent 404`); otherwise a failed syscall (`= -1 E...`) in strace output;
otherwise the README's keyword regex on the template. drain3 is a tool of this script only, not
a dependency of hr.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

from needle_rules import folders

KEYWORDS = re.compile(
    r"(?i)\b(errors?|fail(ed|ure|ures)?|fatal|exception|panic|abort(ed)?|denied|refused|invalid|timeout|"
    r"timed out|unable|cannot|can't|could not|couldn't|unreachable|corrupt(ed|ion)?|crash(ed)?|killed|"
    r"segfault|critical|severe|unavailable|not responding|down)\b")
BAD_LEVEL = r"(?:err|error|fatal|crit|critical|severe|alert|emerg|emergency|panic)"
OK_LEVEL = r"(?:info|debug|trace|notice|warn|warning|verbose)"
LEVEL_JSON = re.compile(r'"(?:level|severity|lvl|log\.level)"\s*:\s*"([A-Za-z]+)"')
# a logfmt record's level field (logrus, Go's slog, Grafana: `lvl=info`, `level="error"`)
LEVEL_LOGFMT = re.compile(r'(?:^|\s)(?:level|severity|lvl)=("?)([A-Za-z]+)\1(?=\s|$)')
LEVEL_WORD = re.compile(r"(?:^|[\s\[(|])(" + BAD_LEVEL + "|" + OK_LEVEL + r")(?=[\]\s:)|,]|$)", re.I)
BRACKET_LEVEL = re.compile(r"\[(?:[\w.-]+:)?(" + BAD_LEVEL + "|" + OK_LEVEL + r")\]", re.I)
STATUS_CLF = re.compile(r'"[A-Z]+ \S+ HTTP/[\d.]+" (?:from \S+ - )?(\d{3}) ')
# a format that prints the status before its quoted request, first of the counts that lead up
# to it (nginx `$status "$request" $body_bytes_sent`; an AWS load balancer's `503 - 0 57
# "GET …"`, its status, the backend's and the bytes received and sent): the number after the
# request is its size
STATUS_BEFORE = re.compile(r'(?:^|\s)([1-5]\d\d)(?: +(?:\d+|-)){0,3} +"[A-Z]+ \S+ HTTP/[\d.]+"')
# the keys a record gives its request's status under (Envoy's, Traefik's among them)
STATUS_KEYS = "status|status_code|statusCode|response_code|DownstreamStatus"
STATUS_JSON = re.compile(r'"(?:' + STATUS_KEYS + r')"\s*:\s*(\d{3})\b')
# a logfmt record's, beside its method or path (Heroku's router `method=GET path="/x" …
# status=404`; Kubernetes' httplog `verb="GET" URI="/api/v1/…" … resp=404`)
STATUS_LOGFMT = re.compile(r'(?:^|\s)(?:' + STATUS_KEYS + r'|resp)="?([1-5]\d\d)"?(?=\s|$)')
LOGFMT_REQUEST = re.compile(r'(?:^|\s)(?:method|verb|http_method|request_method|path|uri|URI|url|request_uri)=')
# an unquoted request's status: in a field of its own between bars before it (Gin, Fiber:
# `| 404 |  281ns | 127.0.0.1 | GET "/wp-login.php"`), or right after its path (morgan's dev
# format, Next.js: `GET /items/7 404 1.2 ms - 9`)
METHOD = r"(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)"
STATUS_BARS = re.compile(r"\|\s*(\d{3})\s*\|.*\|\s*" + METHOD + r'\s+"?/')
STATUS_AFTER_PATH = re.compile(r"(?:^|\s)" + METHOD + r"\s+(?:/\S*\s+(?:HTTP/[\d.]+\s+)?|https?://\S*\s+(?:HTTP/[\d.]+\s+)?(?:-\s+){0,3})(\d{3})(?=\s|$)")
# later, in brackets with its protocol (uWSGI: `GET /x => generated … (HTTP/1.1 404)`), or on a
# line of its own after the request's (Plug: `[info] Sent 404 in 12ms`)
STATUS_UWSGI = re.compile(METHOD + r" /\S* .*\(HTTP/[\d.]+ (\d{3})\)")
STATUS_SENT = re.compile(r"(?:^|\s)Sent ([1-5]\d\d) in ")
# PHP's built-in server: the status in brackets before the request (`[404]: GET /x`)
STATUS_BRACKETS = re.compile(r"\[([1-5]\d\d)\]: +" + METHOD + r" +/")
# Squid's native format: the cache's result and the status, the reply's size, the request
STATUS_SQUID = re.compile(r"(?:^|\s)[A-Z_]{4,}/([1-5]\d\d) \d+ +(?:" + METHOD + r"|CONNECT) ")
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # a coloured level is read without its colour
STRACE_FAIL = re.compile(r"\) += -1 E[A-Z]+")


def config():
    from drain3.masking import MaskingInstruction
    from drain3.template_miner_config import TemplateMinerConfig

    c = TemplateMinerConfig()
    c.masking_instructions = [
        MaskingInstruction(r"((?<=[^A-Za-z0-9])|^)(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})((?=[^A-Za-z0-9])|$)", "IP"),
        MaskingInstruction(r"((?<=[^A-Za-z0-9])|^)(0x[a-fA-F0-9]+)((?=[^A-Za-z0-9])|$)", "HEX"),
        MaskingInstruction(r"((?<=[^A-Za-z0-9])|^)([\-\+]?\d+(\.\d+)?)((?=[^A-Za-z0-9])|$)", "NUM"),
    ]
    c.profiling_enabled = False
    return c


def iis_status_column(lines: list[str]) -> int | None:
    for line in lines:
        if line.startswith("#Fields:"):
            fields = line.split()[1:]
            return fields.index("sc-status") if "sc-status" in fields else None
    return None


def csv_status_column(lines: list[str]) -> tuple[str, int] | None:
    """A CSV or TSV log's separator and status column, named in its first row."""
    first = lines[0].rstrip("\r\n") if lines else ""
    sep = "\t" if "\t" in first else ","
    names = [n.strip('"') for n in first.split(sep)]
    if len(names) < 3 or not all(re.fullmatch(r"[A-Za-z][\w. -]{0,39}", n) for n in names):
        return None
    norm = [re.sub(r"[- ]", "_", n.lower()) for n in names]
    for i, n in enumerate(norm):
        if n in ("sc_status", "http_status", *STATUS_KEYS.lower().split("|")):
            return sep, i
    return None


def zeek_column(lines: list[str], name: str) -> int | None:
    for line in lines:
        if line.startswith("#fields"):
            fields = line.rstrip("\n").split("\t")[1:]
            return fields.index(name) if name in fields else None
    return None


def severity(line: str, iis: int | None, zeek_status: int | None,
             csv_status: tuple[str, int] | None = None) -> tuple[bool, str, bool]:
    """(error-ish, class for grouping, decided by a field rather than by keywords)."""
    m = LEVEL_JSON.search(line)
    if m:
        bad = re.fullmatch(BAD_LEVEL, m.group(1), re.I) is not None
        return bad, "level", True
    m = LEVEL_LOGFMT.search(line)
    if m:
        return re.fullmatch(BAD_LEVEL, m.group(2), re.I) is not None, "level", True
    m = (STATUS_BEFORE.search(line) or STATUS_CLF.search(line) or STATUS_JSON.search(line)
         or (LOGFMT_REQUEST.search(line) and STATUS_LOGFMT.search(line))
         or STATUS_BARS.search(line) or STATUS_AFTER_PATH.search(line) or STATUS_SQUID.search(line)
         or STATUS_BRACKETS.search(line) or STATUS_UWSGI.search(line) or STATUS_SENT.search(line))
    if m:
        return int(m.group(1)) >= 400, m.group(1), True
    if iis is not None and not line.startswith("#"):
        f = line.split()
        if len(f) > iis and f[iis].isdigit():
            return int(f[iis]) >= 400, f[iis], True
    if zeek_status is not None and not line.startswith("#"):
        f = line.split("\t")
        if len(f) > zeek_status and f[zeek_status].isdigit():
            return int(f[zeek_status]) >= 400, f[zeek_status], True
    if csv_status is not None:
        sep, col = csv_status
        f = next(csv.reader([line], delimiter=sep), [])
        if len(f) > col and f[col].isdigit():
            return int(f[col]) >= 400, f[col], True
    if re.search(r"^(\d+ +)?([\d:.]+ +)?[a-z_0-9]+\(.*\) += ", line):  # strace
        return STRACE_FAIL.search(line) is not None, "syscall", True
    head = line[:120]
    m = BRACKET_LEVEL.search(head) or LEVEL_WORD.search(head)
    if m:
        return re.fullmatch(BAD_LEVEL, m.group(1), re.I) is not None, "level", True
    return False, "", False


def content(line: str) -> str:
    """What drain3 mines: the line, or for a JSON-lines record its `field=value` pairs, so that
    records are templated by field names and values (drain3 splits on whitespace only).

    A JSON object is an unordered set of members (RFC 8259): loggers that print a map (Go's
    zap, Caddy's request headers) write the same keys in a random order on every line. The
    order is no part of the event, so an object is mined with its keys sorted, whether it is
    the whole record or the tail of a console line (`... handled request\t{"request": ...}`)."""
    if line.startswith("{"):
        record = json_object(line)
        if record is None:
            return line
        return " ".join(f"{k}={json.dumps(v, sort_keys=True) if isinstance(v, (dict, list)) else v}"
                        for k, v in sorted(record.items()))
    at = line.find("{")
    if at > 0 and line.rstrip().endswith("}"):
        tail = json_object(line[at:])
        if tail is not None:
            return line[:at] + json.dumps(tail, sort_keys=True, ensure_ascii=False)
    return line


def json_object(text: str) -> dict | None:
    """`text` as a JSON object with its numbers as written, or None."""
    try:
        value = json.loads(text, parse_float=str, parse_int=str)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def needle(s: str) -> str:
    return s.strip()[:200]


# a timestamp a line opens with: ISO 8601 (GitHub Actions stamps every line so), syslog's
LEADING_TIME = re.compile(r"^\[?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?|"
                          r"[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2})\]?")


def has_content(line: str) -> bool:
    """The corpus leaves out Contents shorter than 6 characters, and a loghub Content is the line
    without its header: a line that is a timestamp and a brace (or nothing) says nothing."""
    return len(LEADING_TIME.sub("", line.strip()).strip()) >= 6


def split_lines(text: str) -> list[str]:
    """The lines a log reader sees (and loghub's parse, one row per line): split at `\\n` only. A
    `\\r` inside a line (a progress bar drawing over itself) does not end it, as `splitlines`
    would have it."""
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    return lines[:-1] if lines and lines[-1] == "" else lines


def needles_for(text: str) -> list[dict]:
    from drain3 import TemplateMiner

    lines = split_lines(text)
    miner = TemplateMiner(config=config())
    iis, zeek_status = iis_status_column(lines), zeek_column(lines, "status_code")
    csv_status = csv_status_column(lines)
    clusters: list[int] = []
    for line in lines:
        clusters.append(miner.add_log_message(content(line))["cluster_id"] if line.strip() else 0)
    templates = {c.cluster_id: c.get_template() for c in miner.drain.clusters}
    count: dict[int, int] = {}
    for c in clusters:
        count[c] = count.get(c, 0) + 1
    errors: dict[tuple, list[str]] = {}
    for line, c in zip(lines, clusters):
        if not c:
            continue
        bad, cls, by_field = severity(ANSI.sub("", line), iis, zeek_status, csv_status)
        if not by_field:
            bad = KEYWORDS.search(templates[c]) is not None
        if bad:
            errors.setdefault((c, cls), [])
            s = needle(line)
            if has_content(s) and s not in errors[(c, cls)]:
                errors[(c, cls)].append(s)
    out: list[dict] = []
    for (_, _), contents in errors.items():
        if contents:
            out.append({"any_of": contents[:20]})
    for line, c in zip(lines, clusters):
        if c and count[c] == 1:
            s = needle(line)
            if has_content(s):
                out.append({"verbatim": s})
    seen, unique = set(), []
    for n in out:
        key = json.dumps(n, sort_keys=True)
        strings = [n["verbatim"]] if "verbatim" in n else n["any_of"]
        if key not in seen and all(s in text for s in strings):
            seen.add(key)
            unique.append(n)
    return unique


def main() -> None:
    roots = folders(__doc__, [Path(__file__).resolve().parent / "log"], metavar="DIR")
    try:
        import drain3  # noqa: F401
    except ImportError:
        sys.exit("needles_log.py needs drain3: python -m venv /tmp/drain && /tmp/drain/bin/pip install drain3")
    for case in sorted(p for root in roots for p in root.iterdir() if (p / "case.json").exists()):
        meta = json.loads((case / "case.json").read_text())
        # newline="": a `\r` stays in its line (see `split_lines`)
        with next(case.glob("input.*")).open(encoding="utf-8", errors="replace", newline="") as f:
            text = f.read()
        meta["needles"] = needles_for(text)
        errs = sum("any_of" in n for n in meta["needles"])
        meta["why"] = (f"needles_log.py: {errs} error-ish templates (one example each), "
                       f"{len(meta['needles']) - errs} templates seen once (drain3 as the template miner)")
        (case / "case.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n")
        print(f"{case.name:28} {len(split_lines(text)):6} lines {errs:4} error templates {len(meta['needles']) - errs:4} once")


if __name__ == "__main__":
    main()
