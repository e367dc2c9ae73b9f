"""Picking parts of an original for `hr expand`: line ranges, head and tail, and grep with
context. Lines are numbered from 1 exactly as the compressors number them (split on `\\n`, a
`\\r` stays part of its line), and selected lines come back as their exact bytes."""

from __future__ import annotations

import re
from typing import Iterator


class SpanError(ValueError):
    """A span the user asked for does not make sense (bad range, bad regex)."""


def split_lines(data: bytes) -> list[bytes]:
    """Lines with their `\\n` endings; the last may lack one."""
    return data.splitlines(keepends=True) if b"\r" not in data else _split_lf(data)


def _split_lf(data: bytes) -> list[bytes]:
    # bytes.splitlines also breaks on a lone \r, which the compressors do not
    parts = data.split(b"\n")
    out = [p + b"\n" for p in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out


# `N` or `A-B`, for line ranges here and item ranges in hr.expand.json_items; ASCII digits, and
# no more than 18 (a larger count means nothing, and int() refuses more than 4,300 digits)
RANGE = re.compile(r"\s*([0-9]{1,18})\s*(?:-\s*([0-9]{1,18})\s*)?")


def parse_range(text: str) -> tuple[int, int]:
    """`'12-40'` -> (12, 40); `'7'` -> (7, 7); 1-based and inclusive."""
    m = RANGE.fullmatch(text)
    if not m:
        raise SpanError(f"bad range {text!r}: want N or A-B, e.g. 120-538")
    a = int(m.group(1))
    b = int(m.group(2) or a)
    if a < 1 or b < a:
        raise SpanError(f"bad range {text!r}: want 1 <= A <= B")
    return a, b


def lines(data: bytes, a: int, b: int) -> bytes:
    return b"".join(split_lines(data)[a - 1 : b])


def head(data: bytes, n: int) -> bytes:
    return b"".join(split_lines(data)[:n])


def tail(data: bytes, n: int) -> bytes:
    return b"".join(split_lines(data)[-n:]) if n > 0 else b""


def grep(data: bytes, pattern: str, context: int = 0, ignore_case: bool = False) -> bytes:
    """Matching lines as `N:line`, context lines as `N-line`, and, with context, `--` between
    groups, like `grep -n`. The line text is the original bytes. The pattern is Rust `regex`
    syntax, matched in linear time by the core (a pattern comes from outside: no backtracking)."""
    from hr.engine import core

    try:
        pattern.encode("utf-8")
        hits = core.grep_lines(data, pattern, ignore_case)
    except UnicodeError:
        raise SpanError("bad regex: the pattern is not valid UTF-8") from None
    except ValueError as exc:
        raise SpanError(f"bad regex: {exc}") from None
    all_lines = split_lines(data)
    hitset = set(hits)
    out = []
    last = -1
    for start, end in _groups(hits, context, len(all_lines)):
        if context and last >= 0 and start > last + 1:
            out.append(b"--\n")
        for i in range(max(start, last + 1), end + 1):
            sep = b":" if i in hitset else b"-"
            line = all_lines[i]
            out.append(b"%d%s%s" % (i + 1, sep, line if line.endswith(b"\n") else line + b"\n"))
        last = max(last, end)
    return b"".join(out)


def _groups(hits: list[int], context: int, n: int) -> Iterator[tuple[int, int]]:
    for i in hits:
        yield max(0, i - context), min(n - 1, i + context)
