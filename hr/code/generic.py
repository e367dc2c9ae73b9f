"""The fallback when no grammar parses the input well: keep lines with a definition-like shape
(and every line at the left margin, which is where a file's structure shows), elide the runs of
indented lines between them. Nothing here can fail on odd input; at worst little is elided and
the engine passes the input through."""

from __future__ import annotations

import re

from hr.code.skeleton import Cut, Plan

_DEFINITION = re.compile(
    r"^\s*(@\w|#\s*include|#\s*define|(export|pub(\(\w+\))?|public|private|protected|internal|static|async|"
    r"abstract|final|override|virtual|inline|extern|suspend|open|sealed|data)\s|(def|class|fn|fun|func|function|"
    r"interface|struct|enum|trait|impl|module|namespace|type|import|from|use|package|require|object|record|sub|"
    r"proc|val|var|let|const)\b)"
)
# Runs shorter than this stay: a marker would cost about as much.
MIN_RUN = 3


def plan(lines: list[str]) -> Plan:
    p = Plan()
    start = None
    for row, line in enumerate(lines + [""]):
        indented = line[:1] in (" ", "\t")
        if indented and not _DEFINITION.match(line) and row < len(lines):
            if start is None:
                start = row
            continue
        if start is not None and row - start >= MIN_RUN:
            p.cuts.append(Cut(start, row - 1, "lines"))
        start = None
    return p
