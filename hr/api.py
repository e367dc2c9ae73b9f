"""`hr.compress`: the call every entry point ends in. It compresses, stores the original where
something was removed, and records the call in the ledger. It fails open: whatever goes wrong,
the result is the input unchanged."""

from __future__ import annotations

import hashlib
import os
import sys
import time

from hr import engine
from hr.engine import Hint, Result
from hr.store import CacheError, Store

__all__ = ["Hint", "Result", "compress"]


def compress(data: bytes, hint: Hint = Hint(), *, source: str = "api", store: Store | None = None) -> Result:
    started = time.perf_counter()
    store = store or Store()
    try:
        result = engine.compress(data, hint)
        if not result.passthrough:
            store.put(data, result.digest)
    except BaseException as exc:  # fail open, a Rust panic (a BaseException) included
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        _debug(exc)
        result = Result(data, "error", hashlib.sha256(data).hexdigest(), 0, 0, note=f"{type(exc).__name__}: {exc}"[:200])
        if isinstance(exc, CacheError):
            return result  # a refused cache holds no ledger either
    _record(store, result, hint, source, len(data), (time.perf_counter() - started) * 1000)
    return result


def _record(store: Store, result: Result, hint: Hint, source: str, bytes_in: int, ms: float) -> None:
    if result.note == "tiny":
        return  # tiny inputs are most calls and carry no saving: not worth a write
    try:
        from hr import ledger

        ledger.record_compression(
            store.root, digest=result.digest, kind=result.kind, label=hint.label,
            session=hint.session or os.environ.get("HR_SESSION"), source=source, bytes_in=bytes_in, bytes_out=len(result.output), tokens_in=result.tokens_in,
            tokens_out=result.tokens_out, passthrough=result.passthrough, note=result.note, ms=ms,
        )
    except Exception as exc:
        _debug(exc)


def _debug(exc: BaseException) -> None:
    """Under HR_DEBUG, say why the input went through unchanged: one line for a refused cache
    (the user's to fix), the traceback for anything else (hr's to fix)."""
    if not os.environ.get("HR_DEBUG"):
        return
    if isinstance(exc, CacheError):
        sys.stderr.write(f"hr: warning: output not compressed: {exc}\n")
        return
    import traceback

    traceback.print_exception(exc, file=sys.stderr)
