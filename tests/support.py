"""Helpers shared by the tests: the real `hr` executable, sample inputs, the corpus."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# ../shared beside the repository (HR_SHARED names it elsewhere, e.g. from a worktree)
SHARED = Path(os.environ.get("HR_SHARED") or REPO.parent / "shared")
CORPUS = SHARED / "corpus"
HASH_IN_MARKER = re.compile(rb"hr expand ([0-9a-f]{12})")
# A line marker (hr-core/src/marker.rs): `[hr WHAT LA-B]`, or ` LA` for one line; the first of
# an output gives its range once, as the command: `[hr WHAT · hr expand HASH --lines A-B]`.
LINE_MARKER = re.compile(r"\[hr (?P<what>.*?)(?: L(?P<a>\d+)(?:-(?P<b>\d+))?"
                         r"| · hr expand (?P<hash>\w+) --lines (?P<range>(?P<a1>\d+)(?:-(?P<b1>\d+))?))\]")


# a kept line cut for its length: its head, then a marker for the rest of line n (and, for a
# progress meter's frames, its last frame after the marker)
CUT_LINE = re.compile(r"(?P<head>.*) … \[hr (?P<more>[\d,]+) more chars"
                      r"(?: L(?P<n>\d+)| · hr expand \w+ --lines (?P<n1>\d+))\](?: … (?P<tail>.*?))?\r?")


def marker_range(m: re.Match) -> tuple[int, int]:
    """The original lines (1-based, inclusive) a LINE_MARKER match stands for."""
    a = int(m.group("a") or m.group("a1"))
    return a, int(m.group("b") or m.group("b1") or a)


def in_a_marker(out: str, n: int) -> bool:
    """Whether original line `n` is inside the range of one of `out`'s line markers (the first
    one's range is in its command, the others' after `L`)."""
    return any(a <= n <= b for a, b in map(marker_range, LINE_MARKER.finditer(out)))


def hr_bin() -> str:
    """The installed console script next to this interpreter (or on PATH)."""
    local = Path(sys.executable).with_name("hr")
    if local.exists():
        return str(local)
    found = shutil.which("hr")
    if not found:
        pytest.skip("hr is not installed (pip install -e .)")
    return found


def run_hr(args: list[str], data: bytes = b"", *, cwd=None, env=None, timeout=60, **kw) -> subprocess.CompletedProcess:
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([hr_bin(), *args], input=data, capture_output=True, cwd=cwd, env=full_env,
                          timeout=timeout, **kw)


def expand_hash(output: bytes) -> str | None:
    m = HASH_IN_MARKER.search(output)
    return m.group(1).decode() if m else None


def repetitive_log(n: int = 400, *, crlf: bool = False, final_newline: bool = True) -> bytes:
    """A log that compresses well: many lines of one template and a few errors."""
    eol = "\r\n" if crlf else "\n"
    lines = []
    for i in range(n):
        lines.append(f"2024-05-01 12:{i // 60 % 60:02d}:{i % 60:02d},{i * 7 % 1000:03d} INFO worker-{i % 4} "
                     f"processed request id={1000 + i} in {i % 17 + 3}ms")
        if i in (123, 321):
            lines.append(f"2024-05-01 12:00:00,000 ERROR worker-1 request id={1000 + i} failed: connection reset by peer")
    text = eol.join(lines) + (eol if final_newline else "")
    return text.encode()


def corpus_cases(kind: str | None = None) -> list[Path]:
    if not CORPUS.is_dir():
        return []
    pattern = f"{kind}/*/case.json" if kind else "*/*/case.json"
    return sorted(p.parent for p in CORPUS.glob(pattern))


def corpus_input(case: Path) -> bytes:
    return next(case.glob("input.*")).read_bytes()


needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")


def wait_for_fifo(path, limit: float = 120) -> bytes:
    """What a process writes to the FIFO at `path`, read once it has written and closed it: a
    handshake, not a polling loop. `limit` only guards against a hang (the test then fails)."""
    import select

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a reader that does not wait for a writer
    try:
        data = b""
        while True:
            ready, _, _ = select.select([fd], [], [], limit)
            if not ready:
                return data
            chunk = os.read(fd, 4096)
            if not chunk:
                return data  # the writer closed it
            data += chunk
    finally:
        os.close(fd)
