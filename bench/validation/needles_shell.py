#!/usr/bin/env python3
"""Needles for bench/validation/shell, by the corpus README's shell rules (one rule per output
format, chosen by the case name's prefix), computed from each input alone.

Listings follow issue 12 besides the README: every *name* a listing shows is a needle (an agent
lists a directory to learn the names), on top of the README's directory headers, symlinks and
size outliers (beyond 3 sigma).

Usage: needles_shell.py [CASE_DIR...]  (default: every case under shell/); rewrites case.json's
needles, keeping its other fields.
"""
import re
import statistics
from pathlib import Path

from needle_rules import rewrite, verbatim


def outliers(sizes):
    """Indexes of values beyond 3 standard deviations from the mean."""
    vals = [v for _, v in sizes]
    if len(vals) < 3:
        return []
    mean, sd = statistics.fmean(vals), statistics.pstdev(vals)
    return [k for k, v in sizes if sd > 0 and abs(v - mean) > 3 * sd]


LS = re.compile(r"^([-dlcbps])[rwxsStT-]{9}[.+@]?\s+\d+\s+\S+\s+\S+\s+(\d+)\s+\S+\s+\S+\s+\S+\s(.*)$")


def ls(lines):
    out, sizes = [], []
    for i, l in enumerate(lines):
        m = LS.match(l)
        if m:
            kind, size, name = m.groups()
            out.append(name)  # the name, and for a symlink "name -> target"
            if kind == "-":
                sizes.append((name, int(size)))
        elif re.match(r"^\S.*:$", l):
            out.append(l)
    return out + outliers(sizes)


def ext(path):
    name = path.rsplit("/", 1)[-1]
    stem, dot, e = name.rpartition(".")
    return e if dot and stem else ""


def find(lines):
    paths = [l for l in lines if l.strip()]
    by_ext = {}
    for p in paths:
        by_ext[ext(p)] = by_ext.get(ext(p), 0) + 1
    rare = [p for p in paths if by_ext[ext(p)] <= 0.05 * len(paths)]
    return rare + [p.rsplit("/", 1)[-1] for p in paths]


def tree(lines):
    names = [m.group(1) for l in lines if (m := re.search(r"(?:──|--) (.+)$", l))]
    return names + [l for l in lines if re.match(r"^\d+ director", l)]


HUMAN = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}


def du(lines):
    out, sizes = [], []
    for l in lines:
        size, _, path = l.partition("\t")
        m = re.match(r"^([\d.]+)([KMGT]?)$", size)
        if not m or not path:
            continue
        out.append(path.rsplit("/", 1)[-1])
        sizes.append((path, float(m.group(1)) * HUMAN[m.group(2)]))
    return out + outliers(sizes)


def git_log(lines):
    return [m.group(1)[:12] for l in lines if (m := re.match(r"^commit ([0-9a-f]{40})", l))]


def git_log_oneline(lines):
    """`git log --oneline`: every commit's short hash, as printed (after any `--graph` drawing)."""
    return [m.group(1) for l in lines if (m := re.match(r"^(?:[*|\\/] ?)*([0-9a-f]{7,40}) ", l))]


def git_diff_hunks(lines):
    out = git_log(lines)
    for l in lines:
        if l.startswith("diff --git "):
            out.append(l)
        elif m := re.match(r"^(@@ -\d+(,\d+)? \+\d+(,\d+)? @@)", l):
            out.append(m.group(1))
    return out


def git_status(lines):
    out = []
    for l in lines:
        if m := re.match(r"^\t(?:[a-z ]+:\s+)?(.+)$", l):
            out.append(m.group(1))
        elif re.match(r"^(On branch|Your branch|no changes|nothing)", l):
            out.append(l)
    return out


def grep(lines):
    return [m.group(1) for l in lines if (m := re.match(r"^([^:\s][^:]*):\d+:", l))]


RULES = {
    "ls-": ls,
    "find-": find,
    "tree-": tree,
    "du-": du,
    "git-log-oneline": git_log_oneline,
    "git-log": git_log,
    "git-diff": git_diff_hunks,
    "git-show": git_diff_hunks,
    "git-status": git_status,
    "grep-rn": grep,
}


FD = "sharkdp/fd@v9.0.0 (git archive)"
HTTPX = "encode/httpx@HEAD of the fetched mirror (git archive)"
NPM = "node_modules of `npm install eslint@8.57.0 lodash@4.17.20 chalk@4.1.0` (npm 11, node 20)"
# case -> (source: the command, see make_shell.sh; licence)
SOURCES = {
    "du-eslint": (f"`du -ah lib` in eslint/ of the {NPM}", "MIT (eslint file names)"),
    "find-httpx": (f"`find . -type f | sort` in {HTTPX}", "BSD-3-Clause (httpx file names)"),
    "find-npm-pkgs": (f"`find js-yaml acorn ajv -type f` in the {NPM}", "MIT (package file names)"),
    "git-diff-fd": ("`git diff v8.7.1 v9.0.0` in sharkdp/fd", "MIT OR Apache-2.0 (fd)"),
    "git-log-body-parser": ("`git log -n 150` in expressjs/body-parser", "MIT (body-parser commit metadata)"),
    "git-log-oneline-httpx": ("`git log --oneline --graph -n 300` in encode/httpx", "BSD-3-Clause (httpx commit metadata)"),
    "git-log-stat-httpx": ("`git log --stat -n 60` in encode/httpx", "BSD-3-Clause (httpx commit metadata)"),
    "git-show-log-viewer": ("`git show 3ccfb17 -- . ':(exclude)public'` in opcodesio/log-viewer", "MIT (log-viewer)"),
    "git-show-log-viewer-npm": ("`git show 12523da -- . ':(exclude)public'` in opcodesio/log-viewer (package-lock.json update)", "MIT (log-viewer; package-lock metadata of OSS npm packages)"),
    "git-status-httpx": (f"`git status` in a checkout of {HTTPX} with the last 150 commits' diff reverse-applied and one untracked file", "BSD-3-Clause (httpx file names)"),
    "grep-rn-eslint-report": (f"`grep -rn context.report rules | head -400` in eslint/lib of the {NPM}", "MIT (eslint source lines)"),
    "grep-rn-httpx-raise": (f"`grep -rn 'raise ' --include=*.py httpx` in {HTTPX}", "BSD-3-Clause (httpx source lines)"),
    "ls-lR-eslint-lib": (f"`ls -lR rules/utils linter` in eslint/lib of the {NPM}", "MIT (eslint file names)"),
    "ls-la-etc": ("`ls -la /etc` on this machine (Debian 12 container)", "file names of Debian packages' configuration (various OSS licences)"),
    "ls-la-node-modules": (f"`ls -la` in the {NPM}", "MIT and other OSS licences (npm package names)"),
    "ls-laR-eslint-lib": (f"`ls -laR` in eslint/lib of the {NPM}", "MIT (eslint file names)"),
    "ls-laR-fd": (f"`ls -laR` in {FD}", "MIT OR Apache-2.0 (fd file names)"),
    "tree-httpx": (f"`tree -a` (tree 2.1.0, UTF-8 locale) in {HTTPX}", "BSD-3-Clause (httpx file names)"),
}
WHY = "shell output needles by the corpus README rule for its format (listings: also every name, issue 12)"


def needles(case: Path):
    text = next(case.glob("input.*")).read_text()
    rule = next(f for p, f in RULES.items() if case.name.startswith(p))
    return verbatim(rule(text.splitlines()), text)


def describe(case: Path) -> dict:
    source, licence = SOURCES[case.name]
    return dict(source=source, license=licence, why=WHY, needles=needles(case))


if __name__ == "__main__":
    rewrite("shell", describe, __doc__)
