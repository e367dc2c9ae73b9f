#!/usr/bin/env python3
"""What markers cost the agent: their share of the output tokens over a corpus.

    .venv/bin/python bench/marker_share.py [CORPUS_DIR ...] [--cmd HR] [--per-case]

Runs `hr` on every `<corpus>/<kind>/<case>/input.*` (default: ../shared/corpus), finds every
marker (`[hr …]`, also inside code comments and JSON strings) in the output, and counts tokens
with o200k_base, loaded offline the way the corpus's own score.py does it. Prints, per kind and
in total: output tokens, marker tokens, their share, markers and tokens per marker.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# ../shared/corpus beside the main checkout, or beside the worktrees' parent
CORPUS = next((p for p in (REPO.parent / "shared" / "corpus", REPO.parent.parent / "shared" / "corpus")
               if p.is_dir()), REPO.parent / "shared" / "corpus")
HR = str(Path(sys.executable).with_name("hr"))
# a marker runs to the `]` that ends it: its description may hold `]` inside quotes and in a
# pair of brackets (a parametrized test `test_x[a-1]`, a table's columns `[path, size]`)
MARKER = re.compile(r"\[hr (?:'[^'\n]*'|\[[^\]\n]*\]|[^\]\n])*\]")


def load_encoding(corpus: Path):
    """o200k_base from the corpus's bundled BPE file, through its score.py (no download)."""
    spec = importlib.util.spec_from_file_location("score", corpus / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return score.load_encoding()


def share(cmd: str, roots: list[Path], per_case: bool = False) -> dict[str, list[int]]:
    """{kind: [output tokens, marker tokens, markers]} over every case under `roots`."""
    enc = load_encoding(roots[0] if (roots[0] / "score.py").exists() else CORPUS)
    ntok = lambda s: len(enc.encode(s, disallowed_special=()))  # noqa: E731
    env = dict(os.environ, HR_CACHE_DIR=tempfile.mkdtemp(prefix="hr-markers-"))
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for root in roots:
        for path in sorted(root.glob("*/*/input.*")):
            with path.open("rb") as f:
                out = subprocess.run(cmd, shell=True, stdin=f, capture_output=True, env=env).stdout
            text = out.decode("utf-8", errors="replace")
            markers = MARKER.findall(text)
            row = [ntok(text), sum(ntok(m) for m in markers), len(markers)]
            if per_case:
                print(f"{path.parent.parent.name}/{path.parent.name}: {row[1]}/{row[0]} tokens in {row[2]} markers")
            for key in (path.parent.parent.name, "all"):
                totals[key] = [a + b for a, b in zip(totals[key], row)]
    return dict(totals)


def table(totals: dict[str, list[int]]) -> str:
    rows = ["| kind | output tokens | marker tokens | share | markers | tokens/marker |",
            "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for kind in sorted(totals, key=lambda k: (k == "all", k)):
        out, mark, n = totals[kind]
        rows.append(f"| {kind} | {out:,} | {mark:,} | {100 * mark / max(out, 1):.2f}% | {n:,} | {mark / max(n, 1):.1f} |")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="*", type=Path, default=[CORPUS])
    ap.add_argument("--cmd", default=HR, help="the compressor (default: this venv's hr)")
    ap.add_argument("--per-case", action="store_true")
    a = ap.parse_args()
    print(table(share(a.cmd, a.corpus, a.per_case)))


if __name__ == "__main__":
    main()
