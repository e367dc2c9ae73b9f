"""`hr.compress`: the call every entry point ends in. It compresses, stores the original where
something was removed, and records the call in the ledger. It fails open: whatever goes wrong,
the result is the input unchanged."""

from __future__ import annotations

import os
import sys
import time

from hr.engine import dispatch as engine
from hr.engine.dispatch import Hint, Result
from hr.store import team
from hr.store.objects import CacheError, Store

__all__ = ["Hint", "Result", "compress"]


def compress(data: bytes, hint: Hint = Hint(), *, source: str = "api", store: Store | None = None, defer=None) -> Result:
    """`defer(fn)`, when given, runs the ledger write later (a long-running caller such as the
    proxy keeps that disk write off its request path); by default it is written before return."""
    started = time.perf_counter()
    store = store or Store()
    try:
        rules = _learnt_rules(hint.label)
        result = _team_result(data, hint, rules, engine.compress(data, hint, rules))
        if not result.passthrough:
            store.put(data, result.digest)
    except BaseException as exc:  # fail open, a Rust panic (a BaseException) included
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        _debug(exc)
        import hashlib  # not the core's hash: the core may be what failed

        result = Result(data, "error", hashlib.sha256(data).hexdigest(), 0, 0, note=f"{type(exc).__name__}: {exc}"[:200])
        if isinstance(exc, CacheError):
            return result  # a refused cache holds no ledger either
    ms = (time.perf_counter() - started) * 1000
    if defer is None:
        _record(store, result, hint, source, data, ms)
    else:
        defer(lambda: _record(store, result, hint, source, data, ms))
    return result


def _learnt_rules(label: str | None) -> dict | None:
    """The policy `hr learn --apply` wrote for this label, by kind; None (and no import) when
    there is no policy file, which is the common case."""
    if not label:
        return None
    from hr.learn.policy import policy_path

    path = policy_path()
    if not os.path.exists(path):
        return None
    from hr.learn.policy import rules_for

    return rules_for(label, path)


def _team_result(data: bytes, hint: Hint, rules: dict | None, result: Result) -> Result:
    """The team's result for this input and these settings: the first one any machine or proxy
    of the team stored. Every machine then gives the same bytes for the same output, which keeps
    prompt caches warm even across hr versions. Inputs that pass through never reach Redis."""
    shared = team.from_env()
    if result.passthrough or shared is None:
        return result
    import json

    from hr import __version__
    from hr.engine import core

    settings = json.dumps([__version__, hint.kind, hint.label, hint.budget, hint.budget_chars, rules], sort_keys=True)
    key = f"{result.digest}:{core.sha256(settings.encode())[:16]}"
    payload = shared.get_result(key)
    if payload:
        head, _, output = payload.partition(b"\n")
        try:
            meta = json.loads(head)
            return Result(output, meta["kind"], result.digest, meta["tokens_in"], meta["tokens_out"],
                          [tuple(s) for s in meta["spans"]], passthrough=False, note="team")
        except (ValueError, KeyError, TypeError):
            pass  # a damaged entry: ours replaces it
    meta = {"kind": result.kind, "tokens_in": result.tokens_in, "tokens_out": result.tokens_out, "spans": result.spans}
    shared.put_result(key, json.dumps(meta).encode() + b"\n" + result.output)
    return result


def _record(store: Store, result: Result, hint: Hint, source: str, data: bytes, ms: float) -> None:
    if result.note == "tiny":
        return  # tiny inputs are most calls and carry no saving: not worth a write
    try:
        from hr.session_id import parse_session
        from hr.store import ledger

        ledger.record_compression(
            store.root, digest=result.digest, kind=result.kind, label=hint.label,
            session=parse_session(hint.session) or parse_session(os.environ.get("HR_SESSION")),
            source=source, bytes_in=len(data),
            bytes_out=len(result.output), tokens_in=result.tokens_in, tokens_out=result.tokens_out,
            passthrough=result.passthrough, note=result.note, ms=ms, agent=agent_of(source),
            lines_in=data.count(b"\n") + (not data.endswith(b"\n") and bool(data)),
            lines_folded=sum(end - start + 1 for start, end in result.spans),
            budget_chars=hint.budget_chars, policy=result.policy or None,
        )
    except Exception as exc:
        _debug(exc)


def agent_of(source: str) -> str | None:
    """The agent behind a call: $HR_AGENT (set by an agent's integration), else what the entry
    point says (`hook-claude` -> claude)."""
    return os.environ.get("HR_AGENT") or (source.split("-", 1)[1] if source.startswith("hook-") else None)


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
