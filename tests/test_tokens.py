"""The core's token estimate against the real o200k_base tokenizer (the corpus scorer's)."""

from __future__ import annotations

import statistics

from support import corpus_cases, corpus_input, needs_corpus
from test_invariants import _tokenizer


@needs_corpus
def test_estimate_is_close_to_o200k_on_real_outputs():
    from hr.engine import core

    enc = _tokenizer()
    ratios = []
    for case in corpus_cases():
        data = corpus_input(case)
        exact = len(enc.encode(data.decode("utf-8", "replace"), disallowed_special=()))
        ratios.append(core.estimate_tokens(data) / exact)
    assert 0.85 <= statistics.median(ratios) <= 1.15, statistics.median(ratios)
    assert min(ratios) >= 0.7 and max(ratios) <= 1.35, (min(ratios), max(ratios))
