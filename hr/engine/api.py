"""`hr.compress`: the call every entry point ends in. It compresses, stores the original where
something was removed, and records the call in the ledger. It fails open: whatever goes wrong,
the result is the input unchanged."""

from __future__ import annotations

import hashlib
import os
import sys
import time

from hr.engine import dispatch as engine
from hr.engine.dispatch import Hint, Result
from hr.store.objects import Store

__all__ = ["Hint", "Result", "compress"]


def compress(data: bytes, hint: Hint = Hint(), *, source: str = "api", store: Store | None = None, defer=None) -> Result:
    """`defer(fn)`, when given, runs the ledger write later (a long-running caller such as the
    proxy keeps that disk write off its request path); by default it is written before return."""
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
    ms = (time.perf_counter() - started) * 1000
    if defer is None:
        _record(store, result, hint, source, len(data), ms)
    else:
        defer(lambda: _record(store, result, hint, source, len(data), ms))
    return result


def _record(store: Store, result: Result, hint: Hint, source: str, bytes_in: int, ms: float) -> None:
    if result.note == "tiny":
        return  # tiny inputs are most calls and carry no saving: not worth a write
    try:
        from hr.store import ledger

        ledger.record_compression(
            store.root, digest=result.digest, kind=result.kind, label=hint.label,
            session=hint.session or os.environ.get("HR_SESSION"), source=source, bytes_in=bytes_in, bytes_out=len(result.output), tokens_in=result.tokens_in,
            tokens_out=result.tokens_out, passthrough=result.passthrough, note=result.note, ms=ms,
        )
    except Exception as exc:
        _debug(exc)


def _debug(exc: BaseException) -> None:
    if os.environ.get("HR_DEBUG"):
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
