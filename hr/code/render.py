"""Writing a plan out: kept lines verbatim, and where lines were elided a marker, or, for a group
of folds among sibling members, one marker before them (`[hr 12 bodies marked … L40-311]`)
and the sign `…` in place of each."""

from __future__ import annotations

from hr.code import markers
from hr.code.skeleton import MIN_CUT, Cut, Plan
from hr.engine.core import estimate_tokens


def runs(plan: Plan, lines: list[str]) -> list[tuple[int, int, list[Cut]]]:
    """Maximal runs of elided rows (0-based, inclusive) with the cuts they came from. Runs that
    only blank lines separate become one: a marker costs more than the blank lines it saves."""
    n = len(lines)
    owner: list[int | None] = [None] * n
    for idx, cut in enumerate(plan.cuts):
        for row in range(max(cut.first, 0), min(cut.last, n - 1) + 1):
            if owner[row] is None and row not in plan.keep:
                owner[row] = idx
    out: list[tuple[int, int, list[Cut]]] = []
    row = 0
    while row < n:
        if owner[row] is None:
            row += 1
            continue
        start = row
        seen: dict[int, None] = {}
        while row < n:
            if owner[row] is not None:
                seen[owner[row]] = None
                row += 1
                continue
            gap = row
            while gap < n and owner[gap] is None and not lines[gap].strip() and gap not in plan.keep:
                gap += 1
            if gap < n and gap > row and owner[gap] is not None:
                row = gap
                continue
            break
        if row - start >= MIN_CUT:
            out.append((start, row - 1, [plan.cuts[i] for i in seen]))
    return out


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _describe(cuts: list[Cut]) -> str:
    """What a run of elided lines was: `body`, `docstring and body`, `rest of the file`."""
    whats = list(dict.fromkeys(c.what for c in cuts))
    if "rest of the file" in whats:
        return "rest of the file"
    return " and ".join(whats) if len(whats) <= 2 else "code and comments"


def marker_for(run: tuple[int, int, list[Cut]], lines: list[str], comment: str, python: bool, restore_hash: str | None) -> str:
    a, b, cuts = run
    what = _describe(cuts)
    if what == "lines":  # the fallback's cuts name no construct: the marker counts them, as a log's does
        what = str(b - a + 1)
    return _in_place(run, lines, comment, python, markers.marker_text(what, a + 1, b + 1, restore_hash))


def _in_place(run: tuple[int, int, list[Cut]], lines: list[str], comment: str, python: bool, text: str) -> str:
    """The line that stands where a run's lines were: `text` in a comment, after what keeps the
    code valid (Python's `...` for statements, the closing quotes of a docstring)."""
    a, b, cuts = run
    head = cuts[0]
    if head.style == markers.DOCSTRING:
        return markers.marker_line(comment, head.indent or "", markers.DOCSTRING, text, python=python, closer=head.closer)
    rows = (lines[r] for r in range(a, b + 1) if lines[r].strip())
    first = next(rows, "")
    code_row = first if not first.lstrip().startswith(comment) else next((r for r in rows if not r.lstrip().startswith(comment)), None)
    # the run took the closing `*/` line of a block comment that its kept rows leave open
    # (skeleton.py sets `closer` only then): the marker closes the comment instead
    closer = next((c.closer for c in cuts if c.style == markers.COMMENT and c.closer), "")
    if any(c.style == markers.CODE for c in cuts) and code_row is not None:
        line = markers.marker_line(comment, _indent(code_row), markers.CODE, text, python=python)
    elif closer and text == markers.SIGN:
        return f"{_indent(first)}{text} {closer}"  # still inside the comment: no `//` needed
    else:
        line = markers.marker_line(comment, _indent(first), markers.COMMENT, text, python=python)
    return f"{line} {closer}" if closer else line


# A fold must save at least this many tokens over what stands in its place (DESIGN.md: a fold
# pays for itself), or its lines stay.
MARGIN = 2


def _tokens(text: str) -> int:
    return estimate_tokens(text.encode("utf-8", "surrogateescape"))


def _size(lines: list[str], a: int, b: int) -> int:
    return _tokens("\n".join(lines[a:b + 1]) + "\n")


def _own(run: tuple[int, int, list[Cut]]) -> bool:
    """A run that keeps its own marker inside a group: its marker says more than a sign could."""
    return any(c.own for c in run[2])


class _Group:
    """Runs of one group of cuts (see skeleton.Cut), written either with a marker each, or with
    one marker before them that gives their count and range and a short sign where each was."""

    __slots__ = ("runs", "folded", "signed")

    def __init__(self, runs: list):
        self.runs = runs
        self.folded: list = []  # the runs that fold (the others are worth less than what would stand for them)
        self.signed: list = []  # those of them written as a sign, after one marker for all

    def plan(self, lines: list[str], comment: str, python: bool) -> None:
        sizes = [_size(lines, a, b) for a, b, _ in self.runs]
        alone = [_tokens(marker_for(run, lines, comment, python, None) + "\n") for run in self.runs]
        signs = [alone[i] if _own(run) else _tokens(_in_place(run, lines, comment, python, markers.SIGN) + "\n")
                 for i, run in enumerate(self.runs)]

        def paying(costs: list[int]) -> list:
            return [run for run, size, cost in zip(self.runs, sizes, costs) if size >= cost + MARGIN]

        def output(costs: list[int]) -> int:
            return sum(cost if size >= cost + MARGIN else size for size, cost in zip(sizes, costs))

        folded = paying(signs)
        signed = [run for run in folded if not _own(run)]
        if len(signed) >= 2:
            header = _tokens(self.header(signed, lines, comment, None, 0) + "\n")
            if header + output(signs) < output(alone):
                self.folded, self.signed = folded, signed
                return
        self.folded = paying(alone)

    @staticmethod
    def header(signed: list, lines: list[str], comment: str, restore_hash: str | None, row: int) -> str:
        """`# [hr 12 bodies marked … L40-311]`, indented like the code it stands before."""
        whats = {c.what for _, _, cuts in signed for c in cuts}
        noun = "bodies" if whats == {"body"} else "folds"
        text = markers.marker_text(f"{len(signed)} {noun} marked {markers.SIGN}", signed[0][0] + 1, signed[-1][1] + 1, restore_hash)
        below = next((line for line in lines[row:] if line.strip()), "")
        return f"{_indent(below)}{comment} {text}"


# A group with fewer runs than this joins its neighbour: a marker per container would cost most
# where containers are small (Rust `impl` blocks, classes of two methods).
SMALL_GROUP = 4


def _group_of(run: tuple[int, int, list[Cut]]) -> int | None:
    """A run's group: its first cut's, or none when it holds a cut of no group (the rest of the
    file, which keeps its own marker)."""
    cuts = run[2]
    return None if any(c.group is None for c in cuts) else cuts[0].group


def _groups(found: list) -> list[_Group]:
    """Consecutive runs of one group, and then neighbouring groups joined where one of them is
    small; a run of no group stands alone."""
    out: list[_Group] = []
    last = None
    for run in found:
        group = _group_of(run)
        if out and group is not None and group == last:
            out[-1].runs.append(run)
        else:
            out.append(_Group([run]))
        last = group
    joined: list[_Group] = []
    for group in out:
        prev = joined[-1] if joined else None
        if (prev is not None and _group_of(group.runs[0]) is not None and _group_of(prev.runs[-1]) is not None
                and min(len(prev.runs), len(group.runs)) < SMALL_GROUP):
            prev.runs.extend(group.runs)
        else:
            joined.append(group)
    return joined


def render(plan: Plan, lines: list[str], trailing_newline: bool, comment: str, python: bool,
           short_hash: str) -> tuple[str, list[tuple[int, int]]]:
    crlf = bool(lines) and lines[0].endswith("\r")
    eol = "\r" if crlf else ""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    row = 0
    for group in _groups(runs(plan, lines)):
        group.plan(lines, comment, python)
        if group.signed:
            at = max(row, group.folded[0][2][0].anchor or 0)
            out.extend(lines[row:at])
            out.append(group.header(group.signed, lines, comment, None if spans else short_hash, at) + eol)
            row = at
        signed = {run[0] for run in group.signed}
        for run in group.folded:
            a, b, _ = run
            out.extend(lines[row:a])
            if a in signed:
                out.append(_in_place(run, lines, comment, python, markers.SIGN) + eol)
            else:
                out.append(marker_for(run, lines, comment, python, None if spans else short_hash) + eol)
            spans.append((a + 1, b + 1))
            row = b + 1
    out.extend(lines[row:])
    text = "\n".join(out)
    if trailing_newline:
        text += "\n"
    return text, spans
