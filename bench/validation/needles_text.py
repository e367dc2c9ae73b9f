#!/usr/bin/env python3
"""Needles for bench/validation/text by the corpus README's text rules, from each input alone:
every heading and every line containing `WARNING`, `Warning:`, `deprecated` or `must not` (the
last two case-insensitive).
- markdown (.md): `#`..`######` heading lines outside code fences (full line);
- man pages (a `NAME` section): section headers (all-caps column-0 lines), subsection headers
  (3-space indented short lines), option lines at the 7-space option indent (the option spec up
  to the first run of 2+ spaces);
- --help output (the README has no rule; the same idea): column-0 lines ending in `:` (section
  titles) and every line indented by at most 12 spaces that starts with an option (`-x`, `--xy`; deeper lines continue a description) (the option spec up to the first run of 2+
  spaces or a tab).

Usage: needles_text.py [CASE_DIR...]  (default: every case under text/).
"""
import re
from pathlib import Path

from needle_rules import rewrite, verbatim
WARN = re.compile(r"WARNING|Warning:|(?i:deprecated|must not)")


def spec(line):
    return re.split(r"\s{2,}|\t", line.strip())[0]


def markdown(lines):
    out, fence = [], None
    for l in lines:
        if m := re.match(r"^\s*(```+|~~~+)", l):
            fence = None if fence and m.group(1)[0] == fence[0] else (fence or m.group(1))
        elif fence is None and re.match(r"^#{1,6} ", l):
            out.append(l)
    return out


def man(lines):
    out = []
    for l in lines:
        if re.match(r"^[A-Z][A-Z0-9 ()-]*$", l):
            out.append(l)
        elif re.match(r"^   \S", l) and len(l.strip()) <= 60 and not l.rstrip().endswith((".", ",")):
            out.append(l)
        elif re.match(r"^ {7}-", l):
            out.append(spec(l))
    return out


def help_text(lines):
    out = []
    for l in lines:
        if re.match(r"^\S.*:\s*$", l):
            out.append(l)
        elif re.match(r"^\s{1,12}--?[A-Za-z0-9]", l):
            out.append(spec(l))
    return out


def needles(path: Path):
    text = path.read_text()
    lines = text.splitlines()
    if path.suffix == ".md":
        found = markdown(lines)
    elif any(l.strip() == "NAME" for l in lines[:5]):
        found = man(lines)
    else:
        found = help_text(lines)
    found += [l for l in lines if WARN.search(l)]
    return verbatim(found, text)


def source(name):
    man = "`MANWIDTH=100 man -P cat {}` (Debian 12)"
    table = {
        "help-gcc": ("`gcc --help` (gcc 12.2.0 Debian)", "GPL-3.0-or-later (GCC)"),
        "help-go-build": ("`go help build` (go 1.26)", "BSD-3-Clause (Go)"),
        "help-npm-install": ("`npm help install` (npm 11, rendered by man at 80 columns)", "Artistic-2.0 (npm docs)"),
        "help-pip-install": ("`pip install --help` (pip 26)", "MIT (pip)"),
        "md-fd-readme": ("sharkdp/fd@v9.0.0:README.md", "MIT OR Apache-2.0 (fd)"),
        "md-httpx-clients": ("encode/httpx@HEAD:docs/advanced/clients.md", "BSD-3-Clause (httpx)"),
        "md-httpx-async": ("encode/httpx@HEAD:docs/async.md", "BSD-3-Clause (httpx)"),
        "md-body-parser-readme": ("expressjs/body-parser@HEAD:README.md", "MIT (body-parser)"),
        "md-jsoup-changes": ("first 700 lines of jhy/jsoup@HEAD:CHANGES.md", "MIT (jsoup)"),
    }
    if name in table:
        return table[name]
    page = name.removeprefix("man-")
    licence = "GPL-2.0 (Git documentation)" if page.startswith("git-") else "GPL/GFDL or the package's own licence (Debian man page)"
    return man.format(page), licence


def describe(case: Path) -> dict:
    src, licence = source(case.name)
    return dict(source=src, license=licence,
                why="headings, option specs and warning lines by the corpus README text rules",
                needles=needles(next(case.glob("input.*"))))


if __name__ == "__main__":
    rewrite("text", describe, __doc__)
