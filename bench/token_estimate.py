"""The fast token estimate against exact o200k_base on the shared corpus: the error that
`hr stats --help` prints (hr/stats/tokens.py holds the numbers this prints).

    .venv/bin/python bench/token_estimate.py [/work/shared/corpus]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
from pathlib import Path


def measure(corpus: Path) -> dict:
    from hr.engine import core

    spec = importlib.util.spec_from_file_location("score", corpus / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    enc = score.load_encoding()
    errors = []
    total_est = total_exact = 0
    for case in sorted(corpus.glob("*/*/case.json")):
        data = next(case.parent.glob("input.*")).read_bytes()
        exact = len(enc.encode(data.decode("utf-8", "replace"), disallowed_special=()))
        est = core.estimate_tokens(data)
        total_est += est
        total_exact += exact
        errors.append(est / exact - 1)
    return {
        "cases": len(errors),
        "mean_abs_error_pct": round(100 * statistics.fmean(abs(e) for e in errors), 1),
        "max_abs_error_pct": round(100 * max(abs(e) for e in errors), 1),
        "total_error_pct": round(100 * (total_est / total_exact - 1), 1),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=Path("/work/shared/corpus"),
                        help="the corpus folder, with its score.py (default: /work/shared/corpus)")
    corpus = parser.parse_args().corpus
    if not (corpus / "score.py").is_file():
        parser.error(f"{corpus}: no score.py there")
    print(json.dumps(measure(corpus), indent=2))
