"""The stdin -> stdout filter, shared by the fast path in hr.entry and the click CLI."""

from __future__ import annotations

import os
import sys


def run_filter(hint) -> None:
    data = sys.stdin.buffer.read()
    output = data
    if os.environ.get("HR_DISABLE") != "1":
        try:
            from hr.engine.api import compress

            output = compress(data, hint, source="filter").output
        except BaseException as exc:  # fail open, whatever happened
            if isinstance(exc, KeyboardInterrupt):
                raise
            output = data
    write_stdout(output)


def pass_through() -> None:
    """Copy piped stdin to stdout unchanged (nothing when stdin is a terminal), for calls that
    cannot filter but must not lose the data."""
    if sys.stdin is None or sys.stdin.isatty():
        return
    try:
        while chunk := sys.stdin.buffer.read1(1 << 20):
            sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        _reader_gone()


def write_stdout(data: bytes) -> None:
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        _reader_gone()


def _reader_gone() -> None:
    """The reader went away (`hr … | head`): not an error of ours. Point stdout at /dev/null
    so that the interpreter's final flush does not complain either."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
