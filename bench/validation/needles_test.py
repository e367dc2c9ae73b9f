#!/usr/bin/env python3
"""Derives the needles of the `test` validation cases from their inputs alone.

    python3 bench/validation/needles_test.py [CASE_DIR ...]   (default: every case in test/)

The rules are the corpus README's rules for test-runner and compiler-diagnostic output
(../shared/corpus/README.md, "test"), extended in the same spirit to the runners and tools the
README does not name:

* every failing or erroring test: its name as printed, its key error line and its location;
  pytest (node id from the short summary, section title, first `E ` line, first frame in a test
  file and the raising frame), unittest (`test_x (mod.Class.test_x)`, exception line, the same
  two frames as `path", line N`), jest (`● name` header, first line after it, first
  `(file:line:col)` frame), vitest (`FAIL  file > name`, first line after it, first `❯ file:l:c`),
  cargo test (test path, panic message, panic `file:line:col`), go test (`--- FAIL: Name`, the
  first `file_test.go:N:` line or `panic:` line), Maven Surefire (`[ERROR] Class.method` lines);
* the final summary counts (pytest counts without the duration, unittest `Ran N tests` + the
  verdict, cargo `test result: FAILED. …` without the duration, jest/vitest `Tests:` lines, go
  `FAIL`/`ok` package lines without the duration, Maven `Tests run:` total);
* compiler and linter diagnostics (tsc, rustc/cargo, gcc, mypy, eslint): every diagnostic
  headline with its location (rustc: plus its `--> file:line:col`), and the final count line.

A needle is single-line, stripped, at most 200 characters, and occurs in the input. Where colour
codes split what the rule names, the needle is the whole printed line instead (stripped).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from needle_rules import folders

HERE = Path(__file__).resolve().parent / "test"
ANSI = re.compile(r"\x1b\[[0-9;?]*[@-~]")


class Needles:
    def __init__(self, raw: str):
        self.raw = raw
        self.plain_lines = ANSI.sub("", raw).splitlines()
        self.raw_lines = raw.splitlines()
        self.out: list[str] = []

    def add(self, s: str | None, line_no: int | None = None) -> None:
        """Add `s` (found on plain line `line_no`); if colour codes split it in the input, the
        printed line itself."""
        if s is None:
            return
        s = s.strip()[:200].strip()
        if not s:
            return
        if s not in self.raw:
            if line_no is None:
                return
            s = self.raw_lines[line_no].strip()[:200].strip()
            if not s or s not in self.raw:
                return
        if s not in self.out:
            self.out.append(s)


def without_duration(line: str) -> str:
    line = line.strip().strip("=").strip()
    return re.sub(r"\s+in [\d.]+m?s\b.*$", "", line)


def pytest(n: Needles, L: list[str]) -> None:
    title = re.compile(r"^_{3,} (.+?) _{3,}$")
    frame = re.compile(r"^(\S+\.py):(\d+):( |$)")
    section = None
    blocks: list[tuple[int, int]] = []
    start = None
    for i, l in enumerate(L):
        h = re.match(r"^=+ (.+?) =+$", l)
        if h:
            if start is not None:
                blocks.append((start, i))
                start = None
            section = h.group(1)
            continue
        if section in ("FAILURES", "ERRORS") and title.match(l):
            if start is not None:
                blocks.append((start, i))
            start = i
    if start is not None:
        blocks.append((start, len(L)))
    for s, e in blocks:
        n.add(title.match(L[s]).group(1), s)
        body = range(s + 1, e)
        first_e = next((k for k in body if L[k].startswith("E ")), None)
        if first_e is not None:
            n.add(L[first_e], first_e)
        frames = [(k, frame.match(L[k])) for k in body if frame.match(L[k])]
        in_test = [(k, m) for k, m in frames if re.search(r"(^|/)test_[^/]*\.py$|(^|/)tests?/", m.group(1))]
        for k, m in in_test[:1] + frames[-1:]:
            n.add(f"{m.group(1)}:{m.group(2)}", k)
    for i, l in enumerate(L):
        m = re.match(r"^(FAILED|ERROR) (\S+)", l)
        if m:
            n.add(m.group(2), i)
    summary(n, L, re.compile(r"^(=+ )?(\d+ (passed|failed|errors?|skipped|deselected|xfailed|xpassed|warnings?)(, )?)+.* in [\d.]+s"))


def summary(n: Needles, L: list[str], pattern: re.Pattern) -> None:
    for i in range(len(L) - 1, -1, -1):
        if pattern.search(L[i]):
            n.add(without_duration(L[i]), i)
            return


def unittest(n: Needles, L: list[str]) -> None:
    rule = re.compile(r"^={50,}$")
    for i, l in enumerate(L):
        m = re.match(r"^(FAIL|ERROR|UNEXPECTED SUCCESS): (.+)$", l)
        if not (m and i > 0 and rule.match(L[i - 1])):
            continue
        n.add(m.group(2), i)
        j = i + 1
        frames, exc = [], None
        while j < len(L) and not rule.match(L[j]) and not re.match(r"^-{50,}$", L[j]) or j == i + 1:
            f = re.match(r'^\s+File "([^"]+)", line (\d+)', L[j])
            if f:
                frames.append((j, f))
            elif L[j] and not L[j].startswith((" ", "\t", "Traceback", "-----")) and exc is None:
                exc = j
            j += 1
        if exc is not None:
            n.add(L[exc], exc)
        in_test = [(k, f) for k, f in frames if re.search(r"(^|/)test_[^/]*\.py$|/tests?/", f.group(1))]
        for k, f in in_test[:1] + frames[-1:]:
            n.add(f'{f.group(1)}", line {f.group(2)}', k)
    for i, l in enumerate(L):
        m = re.match(r"^(Ran \d+ tests?) in ", l)
        if m:
            n.add(m.group(1), i)
            for k in range(i + 1, min(i + 4, len(L))):
                if re.match(r"^(OK|FAILED)\b", L[k]):
                    n.add(L[k], k)


def headed_failures(n: Needles, L: list[str], header: str, location: str, stop: str) -> None:
    """Failures that open with a header line (jest `● name`, vitest `FAIL  file > name`): the
    header, the first line after it, and the first location before the next header."""
    for i, l in enumerate(L):
        if not re.match(header, l):
            continue
        n.add(l, i)
        k = next((k for k in range(i + 1, len(L)) if L[k].strip()), None)
        if k is not None:
            n.add(L[k], k)
        for k in range(i + 1, len(L)):
            if re.match(stop, L[k]):
                break
            f = re.search(location, L[k])
            if f:
                n.add(f.group(1), k)
                break


def summaries(n: Needles, L: list[str], pattern: str) -> None:
    for i, l in enumerate(L):
        if re.match(pattern, l):
            n.add(l, i)


def jest(n: Needles, L: list[str]) -> None:
    headed_failures(n, L, r"^\s+● (?!Console)", r"\(([^()\s]+:\d+:\d+)\)", r"^\s+● ")
    summaries(n, L, r"^(Tests|Test Suites):\s+\d")


def vitest(n: Needles, L: list[str]) -> None:
    headed_failures(n, L, r"^\s*FAIL\s+\S.* > ", r"^\s*❯ (\S+:\d+:\d+)", r"^\s*FAIL\s|^⎯")
    summaries(n, L, r"^\s*(Tests|Test Files)\s+\d")


def cargo_test(n: Needles, L: list[str]) -> None:
    for i, l in enumerate(L):
        m = re.match(r"^---- (\S.*?) stdout ----$", l)
        if m:
            n.add(m.group(1), i)
            for k in range(i + 1, min(i + 40, len(L))):
                p = re.search(r"panicked at (\S+:\d+:\d+):?\s*(.*)$", L[k])
                if p:
                    n.add(p.group(1), k)
                    msg = p.group(2) or (L[k + 1] if k + 1 < len(L) else "")
                    n.add(msg, k if p.group(2) else k + 1)
                    break
        m = re.match(r"^(test result: FAILED\..*?); finished in ", l)
        if m:
            n.add(m.group(1), i)
        if re.match(r"^error: (test failed|\d+ targets? failed)", l):
            n.add(l, i)


def go_test(n: Needles, L: list[str]) -> None:
    for i, l in enumerate(L):
        m = re.match(r"^\s*--- FAIL: (\S+)", l)
        if m:
            n.add(f"--- FAIL: {m.group(1)}", i)
        if re.match(r"^\s+\S+_test\.go:\d+: ", l) or l.startswith("panic: "):
            n.add(l, i)
        m = re.match(r"^(FAIL|ok)\s+(\S+)\s", l)
        if m:
            n.add(f"{m.group(1)}\t{m.group(2)}", i)


def maven(n: Needles, L: list[str]) -> None:
    for i, l in enumerate(L):
        if re.match(r"^\[ERROR\] \S+.*(<<< (FAILURE|ERROR)!)", l):
            n.add(l.split("  Time elapsed")[0].split(" Time elapsed")[0], i)
        elif re.match(r"^\[ERROR\]   \S", l):
            n.add(l, i)
        m = re.match(r"^\[(ERROR|WARNING|INFO)\] (Tests run: \d+, Failures: \d+, Errors: \d+, Skipped: \d+)$", l)
        if m:
            n.add(m.group(2), i)
        if re.match(r"^\[INFO\] BUILD (FAILURE|SUCCESS)", l):
            n.add(l, i)


def diagnostics(n: Needles, L: list[str]) -> None:
    eslint_file = None
    for i, l in enumerate(L):
        if re.match(r"^(error|warning)(\[\w+\])?: ", l):  # rustc / cargo
            n.add(l, i)
            for k in range(i + 1, min(i + 4, len(L))):
                if re.match(r"^\s*--> \S+:\d+:\d+", L[k]):
                    n.add(L[k], k)
                    break
        elif re.match(r"^\S+\(\d+,\d+\): (error|warning) TS\d+: ", l):  # tsc
            n.add(l, i)
        elif re.match(r"^\S+:\d+:\d+ - (error|warning) TS\d+: ", l):  # tsc --pretty
            n.add(l, i)
        elif re.match(r"^\S+:\d+:(\d+:)? (fatal error|error|warning): ", l):  # gcc, mypy
            n.add(l, i)
        elif re.match(r"^/\S+$", l) and i + 1 < len(L) and re.match(r"^\s+\d+:\d+\s+(error|warning)\s", L[i + 1]):
            eslint_file = l
            n.add(l, i)
        elif eslint_file and re.match(r"^\s+\d+:\d+\s+(error|warning)\s", l):
            n.add(l, i)
        elif re.match(r"^(Found \d+ errors? in|✖ \d+ problems?|\d+ errors? generated|error: could not compile|Found \d+ errors?\.)", l):
            n.add(l, i)


def derive(raw: str) -> list[str]:
    n = Needles(raw)
    L = n.plain_lines
    text = "\n".join(L)
    if re.search(r"^=+ (test session starts|FAILURES|short test summary info) =+$", text, re.M) or re.search(
        r"^\d+ (failed|passed).* in [\d.]+s$", text, re.M
    ):
        pytest(n, L)
    if re.search(r"^Ran \d+ tests? in ", text, re.M):
        unittest(n, L)
    if re.search(r"^(Tests|Test Suites):\s+\d", text, re.M):
        jest(n, L)
    if re.search(r"^\s*Test Files\s+\d", text, re.M):
        vitest(n, L)
    if re.search(r"^test result: ", text, re.M):
        cargo_test(n, L)
    if re.search(r"^(--- FAIL: |=== RUN |(FAIL|ok)\s+\S+\s)", text, re.M):
        go_test(n, L)
    if "[INFO]" in text:
        maven(n, L)
    diagnostics(n, L)
    return n.out


def main() -> int:
    dirs = folders(__doc__, sorted(p for p in HERE.iterdir() if p.is_dir()))
    for d in dirs:
        inp = next(d.glob("input.*"))
        raw = inp.read_bytes().decode("utf-8")
        needles = derive(raw)
        assert needles, f"{d.name}: no needles"
        for s in needles:
            assert s in raw and "\n" not in s and len(s) <= 200
        case_path = d / "case.json"
        case = json.loads(case_path.read_text())
        case["needles"] = [{"verbatim": s} for s in needles]
        case_path.write_text(json.dumps(case, indent=1, ensure_ascii=False) + "\n")
        print(f"{d.name}: {len(needles)} needles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
