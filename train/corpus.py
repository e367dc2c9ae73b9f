"""The training text for CompressBase: documentation that ships on a Debian + Python machine.

Everything is read from the local file system, in sorted order, so the same machine image gives
the same text. Sources (see docs/compressbase.md):

- English man pages (/usr/share/man/man1-8), roff markup stripped;
- READMEs and docs under /usr/share/doc (md, rst, txt), cmake's rst docs, Go's docs;
- what Python packages ship: METADATA long descriptions, README/*.md/*.rst in site-packages;
- READMEs of npm packages in /usr/lib/node_modules and crates in ~/.cargo/registry.

Excluded on purpose: the benchmark's test set (the find, grep and git man pages; git's pages share
their option text through includes, so all git pages go; anything mentioning jest or gson by
path), gcloud's 16,000 generated near-identical pages, licences, copyright files and changelogs.
A file is held out for evaluation when the SHA-1 of its path starts with a byte divisible by 10.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import sys
from pathlib import Path

MAN_DIRS = [Path(f"/usr/share/man/man{i}") for i in range(1, 9)]
DOC_ROOTS = [
    Path("/usr/share/doc"),
    Path("/usr/share/cmake-3.25/Help"),
    Path("/usr/local/go/doc"),
    Path("/usr/lib/node_modules"),
    Path.home() / ".cargo/registry",
]
SITE_ROOTS = sorted(Path(p) for p in set(__import__("site").getsitepackages()))

# the test set of the benchmark, and pages that share its text
EXCLUDED_MAN = re.compile(r"^(find|grep|egrep|fgrep|rgrep|git|git-.*|gcloud.*|gsutil.*)\.\d")
EXCLUDED_PATH = re.compile(r"jest|gson|/work/|/farm/|/tmp/|/\.cache/", re.I)
DOC_NAME = re.compile(r"(^readme|\.(md|rst|txt|markdown)$)", re.I)
SKIP_NAME = re.compile(r"(licen[cs]e|copying|copyright|changelog|changes|history|news|authors|"
                       r"notice|patents|requirements|top_level|entry_points|record|sources)", re.I)
MAX_FILE = 400_000  # bytes; longer files are mostly generated references


def held_out(path: str) -> bool:
    return hashlib.sha1(path.encode()).digest()[0] % 10 == 0


# --- roff -------------------------------------------------------------------------------------

_ESCAPES = [
    (re.compile(rb"\\f(\[[^\]]*\]|\(..|.)"), b""),
    (re.compile(rb"\\s[-+]?\d+"), b""),
    (re.compile(rb"\\\*(\(..|\[[^\]]*\]|.)"), b""),
    (re.compile(rb"\\\((em|en|hy)"), b"-"),
    (re.compile(rb"\\\((aq|cq|oq|lq|rq|dq)"), b"'"),
    (re.compile(rb"\\\(.."), b" "),
    (re.compile(rb"\\\[[^\]]*\]"), b" "),
    (re.compile(rb"\\-"), b"-"),
    (re.compile(rb"\\e"), b"\\\\"),
    (re.compile(rb"\\[&|^%:]"), b""),
    (re.compile(rb"\\."), b""),
]
_TEXT_MACROS = {b"SH", b"SS", b"TP", b"IP", b"B", b"I", b"BR", b"BI", b"IB", b"IR", b"RB", b"RI",
                b"SM", b"SB", b"Nm", b"Nd", b"Sh", b"Ss", b"It", b"Fl", b"Ar", b"Pa", b"Dl"}
_BREAK_MACROS = {b"PP", b"LP", b"P", b"sp", b"SH", b"SS", b"TP", b"IP", b"Pp", b"Sh", b"Ss"}


def roff_to_text(src: bytes) -> bytes:
    out: list[bytes] = []
    skip_def = False
    for line in src.split(b"\n"):
        if skip_def:
            skip_def = not line.startswith(b"..")
            continue
        if line.startswith((b".", b"'")):
            parts = line[1:].strip().split(None, 1)
            if not parts:
                continue
            name = parts[0]
            if name in (b"de", b"de1", b"am"):
                skip_def = True
                continue
            if name in _BREAK_MACROS:
                out.append(b"")
            if name in _TEXT_MACROS and len(parts) > 1:
                line = parts[1].replace(b'"', b"")
            else:
                continue
        for pattern, repl in _ESCAPES:
            line = pattern.sub(repl, line)
        out.append(line)
    return b"\n".join(out)


# --- collection -------------------------------------------------------------------------------

def _read(path: Path) -> bytes | None:
    try:
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
    except (OSError, EOFError, gzip.BadGzipFile):
        return None
    if b"\0" in data[:4096] or len(data) > MAX_FILE:
        return None
    return data


def _walk(root: Path):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            yield Path(dirpath) / name


def documents(listed: list[str] | None = None):
    """Yield (source, path, text) for every training and held-out document, in a fixed order;
    only the files in `listed` when given (a manifest of an earlier scan)."""
    if listed is not None:
        for spath in listed:
            path = Path(spath)
            data = _read(path)
            if data is None:
                print(f"missing, skipped: {spath}", file=sys.stderr)
            elif spath.startswith("/usr/share/man/"):
                yield "man", spath, roff_to_text(data)
            else:
                yield spath.split("/")[3] if spath.startswith("/usr/") else "other", spath, data
        return
    for d in MAN_DIRS:
        if not d.is_dir():
            continue
        for path in sorted(d.iterdir()):
            if EXCLUDED_MAN.match(path.name):
                continue
            data = _read(path)
            if not data or data.lstrip().startswith(b".so "):
                continue
            yield "man", str(path), roff_to_text(data)
    seen_dirs: set[str] = set()
    for root in DOC_ROOTS + SITE_ROOTS:
        if not root.is_dir():
            continue
        source = "site-packages" if root in SITE_ROOTS else root.parts[-1] if root.parts[-1] != "doc" else "doc"
        for path in _walk(root):
            name = path.name
            base = name[:-3] if name.endswith(".gz") else name
            spath = str(path)
            if EXCLUDED_PATH.search(spath) or SKIP_NAME.search(base):
                continue
            if not (DOC_NAME.search(base) or base == "METADATA"):
                continue
            if root in SITE_ROOTS and "/tests/" in spath:
                continue
            # one README per package directory copy (site-packages of several venvs repeat)
            key = f"{path.parent.name}/{base}"
            if key in seen_dirs:
                continue
            seen_dirs.add(key)
            data = _read(path)
            if data:
                yield source, spath, data
