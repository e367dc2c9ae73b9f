"""Code skeletons: imports, signatures, types and docstrings' first lines, with bodies elided
behind markers that give their original line ranges. Registered in `hr.engine.dispatch` as the `code`
compressor; `hr expand HASH --symbol NAME` uses `hr.code.symbols`.

tree-sitter and the grammars are imported only here, on the code path.
"""

from __future__ import annotations

import os


def compress(kind: str, data: bytes, short_hash: str, budget_chars: int | None, label: str | None):
    """The engine's compressor interface: returns (output, elided 1-based line ranges)."""
    from hr.engine import core

    if not core.source_fits(data):
        # its parse tree would break the memory bound (the process under 3x its input plus
        # 64 MB): the core's folder, which streams, takes it instead
        return core.compress(kind, data, short_hash, budget_chars, 0)
    try:
        from hr.code.compressor import skeletonize

        return skeletonize(data, short_hash, budget_chars, label)
    except Exception:
        if os.environ.get("HR_DEBUG"):
            raise
        return data, []  # never an error: the input goes out as it came
