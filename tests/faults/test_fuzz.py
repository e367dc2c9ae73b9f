"""A bounded run of bench/fuzz.py (the full run, 10,000 inputs and more, is in bench/): random
and mutated input through the filter and hostile `hr expand` arguments, with no traceback, no
exit status but 0 or 2, and output equal to the input wherever hr did not compress."""

from __future__ import annotations

import importlib.util

from support import CORPUS, REPO


def load_fuzz():
    spec = importlib.util.spec_from_file_location("hr_fuzz", REPO / "bench" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_short_fuzz_run_finds_nothing(cache, capsys):
    fuzz = load_fuzz()
    problems = fuzz.fuzz(cases=100, expands=100, seed=7, corpus=CORPUS, every=50)
    out = capsys.readouterr().out
    assert problems == 0, out
    assert "100 filter inputs" in out
