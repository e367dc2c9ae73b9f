"""How code markers sit in code.

A marker replaces elided lines in place and is a comment in the file's own language, so the
skeleton still reads (and, for Python, parses) as code. Its text comes from hr-core's marker.rs
(`[hr WHAT LA-B]`; the first marker gives its range as the command instead,
`[hr WHAT · hr expand HASH --lines A-B]`), so
every kind's markers read alike. Line numbers are 1-based, inclusive, in the original.

The folds of a group (render.py) share one marker, on a line of its own before them
(`[hr 12 bodies marked … L40-311]`), and each of them is the sign `…` in place.
"""

from __future__ import annotations


# How a marker sits in the code around it (Python needs a statement where a body was).
CODE = "code"  # stands for statements: Python writes `...` before the comment
COMMENT = "comment"  # stands for comment lines only: a bare comment is valid anywhere
DOCSTRING = "docstring"  # Python: the rest of a docstring, so the marker closes the string first

# Where each of a group's folds was, when one marker before them gives their count and range
# (render.py): that marker says what the sign means, so Python's `... # …` is not a real stub.
SIGN = "…"


def marker_text(what: str, start: int, end: int, restore_hash: str | None) -> str:
    """`[hr body L12-40]`; with `restore_hash`, `[hr body · hr expand HASH --lines 12-40]`."""
    from hr.engine import core

    return core.marker_text(what, start, end, restore_hash)


def marker_line(comment: str, indent: str, style: str, text: str, *, python: bool, closer: str = "") -> str:
    """A whole marker line (without its line ending) for a language whose line comments start
    with `comment`. A sign takes one space before its comment, a marker two (PEP 8): a sign is
    repeated, and each space is a token."""
    gap = " " if text == SIGN else "  "
    if python and style == CODE:
        return f"{indent}...{gap}{comment} {text}"
    if python and style == DOCSTRING:
        return f"{indent}{closer}{gap}{comment} {text}"
    return f"{indent}{comment} {text}"
