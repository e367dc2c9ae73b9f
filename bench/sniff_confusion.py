#!/usr/bin/env python3
"""The sniffer's confusion matrix on labelled inputs, and what a sniff costs.

    .venv/bin/python bench/sniff_confusion.py [DIR ...]

Labelled inputs: `bench/sniff/<kind>/<file>` (real outputs, see bench/sniff/sources.md),
`bench/validation/<kind>/<case>/input.*` when present, and the shared corpus
(`../shared/corpus/<kind>/<case>/input.*`). The label is the folder's kind. The corpus labels
are the scorer's families: its `shell` family holds a `git diff` (the sniffer's `diff`), gcc
errors and a pip install (build output, the sniffer's `test`); those count as right (listed
under ACCEPT). Prints one matrix per source and the inputs sniffed wrong, then the median and
worst sniff time, and the time on a 20 MB log.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from pathlib import Path

from hr.engine import core

REPO = Path(__file__).resolve().parent.parent
CORPUS = next((p for p in (REPO.parent / "shared" / "corpus", REPO.parent.parent / "shared" / "corpus")
               if p.is_dir()), REPO.parent / "shared" / "corpus")
KINDS = ["log", "test", "json", "code", "diff", "shell", "text", "binary"]
# corpus families that hold more than one sniffer kind: (family, case) -> kind it should be
ACCEPT = {("shell", "git-diff-jest"): "diff", ("shell", "gcc-cjson-errors"): "test",
          ("shell", "pip-install-v-toolz"): "test"}


def labelled(root: Path) -> list[tuple[str, Path]]:
    """(label, path) for `root/<kind>/<file>` and `root/<kind>/<case>/input.*`."""
    out = []
    for kind_dir in sorted(p for p in root.iterdir() if p.is_dir() and p.name in KINDS):
        for p in sorted(kind_dir.iterdir()):
            if p.is_file():
                out.append((kind_dir.name, p))
            elif (inputs := sorted(p.glob("input.*"))):
                out.append((ACCEPT.get((kind_dir.name, p.name), kind_dir.name), inputs[0]))
    return out


def matrix(rows: list[tuple[str, str]]) -> str:
    labels = [k for k in KINDS if any(r[0] == k for r in rows)]
    got = [k for k in KINDS if any(r[1] == k for r in rows)]
    counts = Counter(rows)
    w = max(len(k) for k in KINDS)
    head = "label / sniffed"
    lines = [f"{head:<{w + 8}}" + "".join(f"{k:>8}" for k in got) + f"{'right':>9}"]
    for k in labels:
        n = sum(counts[(k, g)] for g in got)
        lines.append(f"{k:<{w + 8}}" + "".join(f"{counts[(k, g)] or '.':>8}" for g in got)
                     + f"{counts[(k, k)]:>5}/{n:<3}")
    right = sum(counts[(k, k)] for k in labels)
    lines.append(f"accuracy: {right}/{len(rows)} = {100 * right / max(len(rows), 1):.1f}%")
    return "\n".join(lines)


def timed_sniff(data: bytes) -> tuple[str, float]:
    best = float("inf")
    kind = ""
    for _ in range(5):
        t = time.perf_counter()
        kind = core.sniff(data)
        best = min(best, time.perf_counter() - t)
    return kind, best * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 2)[2])
    parser.add_argument("dirs", nargs="*", type=Path, metavar="DIR",
                        help="folders of <kind>/<file> or <kind>/<case>/input.* (default: bench/sniff, "
                             "bench/validation and the shared corpus, those present)")
    args = parser.parse_args()
    for d in args.dirs:
        if not d.is_dir():
            parser.error(f"{d}: no such folder")
    roots = args.dirs or [p for p in (REPO / "bench" / "sniff", REPO / "bench" / "validation", CORPUS) if p.is_dir()]
    times = []
    for root in roots:
        rows, wrong = [], []
        for label, path in labelled(root):
            kind, us = timed_sniff(path.read_bytes())
            times.append((us, path))
            rows.append((label, kind))
            if kind != label:
                wrong.append(f"  {path.relative_to(root)}: {label} sniffed as {kind}")
        print(f"## {root}\n\n```\n{matrix(rows)}\n```")
        print("\n".join(["wrong:", *wrong]) if wrong else "wrong: none")
        print()
    times.sort()
    print(f"sniff time per input: median {statistics.median(t for t, _ in times):.0f} µs, "
          f"worst {times[-1][0]:.0f} µs ({times[-1][1].name}, {times[-1][1].stat().st_size // 1024} KB)")
    big = b"".join(b"2024-05-01 12:00:%02d,%03d INFO worker-%d processed request id=%d in %dms\n"
                   % (i % 60, i % 1000, i % 4, i, i % 17) for i in range(300_000))
    kind, us = timed_sniff(big)
    print(f"sniff time on a {len(big) / 1e6:.0f} MB log: {us:.0f} µs ({kind})")


if __name__ == "__main__":
    main()
