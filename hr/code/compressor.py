"""From source bytes to a skeleton: decode, pick the language, parse, plan, render, check."""

from __future__ import annotations

import re

from hr.code import languages, parsing
from hr.code.render import render
from hr.code.skeleton import DEFAULT, TIGHT, Cut, Plan, Skeleton, Tuning


_FENCE = re.compile(rb"^```.*\n(?:.*\n)*?```", re.M)
# Skeletons longer than this are not re-parsed to check they are valid Python: the check would
# cost more than the rest (the cuts are valid by construction; the check is a safety net).
MAX_CHECKED_LINES = 5000


class Source:
    __slots__ = ("text", "lines", "trailing_newline", "parsed")

    def __init__(self, text: str, lines: list[str], trailing_newline: bool, parsed: parsing.Parsed | None):
        self.text = text
        self.lines = lines  # split on "\n" exactly like tree-sitter counts rows; "\r" stays in its line
        self.trailing_newline = trailing_newline
        self.parsed = parsed


def load(data: bytes, label: str | None) -> Source:
    text = data.decode("utf-8", "surrogateescape")
    lines = text.split("\n")
    trailing = text.endswith("\n")
    if trailing:
        lines.pop()
    parsed = parsing.parse(data, text, len(lines), languages.from_label(label))
    return Source(text, lines, trailing, parsed)


def skeletonize(data: bytes, short_hash: str, budget_chars: int | None, label: str | None) -> tuple[bytes, list[tuple[int, int]]]:
    if languages.from_label(label) is None and _FENCE.search(data):
        return data, []  # prose with code samples (markdown) is text, not a source file
    src = load(data, label)
    if src.parsed is None:
        from hr.code import generic  # the fallback: its pattern is compiled only when needed

        named = languages.from_label(label)
        comment = named.comment if named else "#"
        text, spans = render(generic.plan(src.lines), src.lines, src.trailing_newline, comment, False, short_hash)
        if spans and _valid_python(src.text) and not _valid_python(text):
            return data, []  # Python that tree-sitter could not parse: whole, rather than broken
        return _encode(text), spans
    plan, (text, spans) = _plan(src, DEFAULT, short_hash)
    if budget_chars is not None and len(text) > budget_chars:
        plan, (text, spans) = _plan(src, TIGHT, short_hash)
        if len(text) > budget_chars:
            text, spans = _fit(src, plan, short_hash, budget_chars)
    return _encode(text), spans


def _plan(src: Source, tuning: Tuning, short_hash: str) -> tuple[Plan, tuple[str, list[tuple[int, int]]]]:
    """The plan and its rendering (rendered once, unless the Python check has to drop cuts)."""
    plan = Skeleton(src.parsed.lang, src.parsed.tree, src.lines, tuning).build()
    rendered = _render(src, plan, short_hash)
    if src.parsed.lang.name == "python" and not src.parsed.tree.root_node.has_error:
        text, spans = rendered
        if spans and text.count("\n") < MAX_CHECKED_LINES and not _valid_python(text):
            # the promise is a skeleton that parses; if a cut broke that, keep only the safe cuts
            plan.cuts = [c for c in plan.cuts if c.what != "code"]
            rendered = _render(src, plan, short_hash)
    return plan, rendered


def _render(src: Source, plan: Plan, short_hash: str) -> tuple[str, list[tuple[int, int]]]:
    lang = src.parsed.lang
    return render(plan, src.lines, src.trailing_newline, lang.comment, lang.name == "python", short_hash)


def _fit(src: Source, plan: Plan, short_hash: str, budget_chars: int) -> tuple[str, list[tuple[int, int]]]:
    """The longest skeleton within the budget that ends with one marker for the rest of the
    file, cut where a member of the file or of a class begins (so Python still parses)."""
    starts = sorted(set(plan.starts) | {0})
    last = len(src.lines) - 1

    def attempt(i: int) -> tuple[str, list[tuple[int, int]]]:
        trial = Plan(plan.keep - set(range(starts[i], last + 1)), plan.cuts + [Cut(starts[i], last, "rest of the file")])
        return _render(src, trial, short_hash)

    lo, hi = 0, len(starts) - 1
    best = attempt(0)
    while lo < hi:  # the largest start whose skeleton still fits
        mid = (lo + hi + 1) // 2
        text, spans = attempt(mid)
        if len(text) <= budget_chars:
            best, lo = (text, spans), mid
        else:
            hi = mid - 1
    return best


def _valid_python(text: str) -> bool:
    import ast  # only here: ~1 ms of start-up that non-Python sources need not pay

    try:
        ast.parse(_encode(text))  # bytes: a `coding:` line is honoured
    except (SyntaxError, ValueError):
        return False
    return True


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")
