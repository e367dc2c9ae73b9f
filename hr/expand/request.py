"""One expansion: the part of a stored original that was asked for (whole, a line range, grep
matches, head/tail, a code symbol, JSON items), recorded in the ledger. `hr expand` and the MCP
server's hr_expand both go through here."""

from __future__ import annotations

SPANS = ("lines", "grep", "head", "tail", "symbol", "items")


def expand(hash: str, *, lines: str | None = None, grep: str | None = None, context: int = 0, ignore_case: bool = False,
           head: int | None = None, tail: int | None = None, symbol: str | None = None, items: str | None = None,
           store=None, source: str = "expand") -> bytes:
    """The bytes asked for. Raises HashError (unknown, ambiguous or malformed hash), SpanError
    (a bad span) or ValueError (more than one span)."""
    from hr.expand import spans
    from hr.store.objects import Store

    chosen = [n for n, v in zip(SPANS, (lines, grep, head, tail, symbol, items)) if v is not None]
    if len(chosen) > 1:
        raise ValueError(f"choose one of {', '.join(SPANS)} (got {', '.join(chosen)})")
    store = store or Store()
    digest = store.resolve(hash)
    data = store.get(digest)
    if lines is not None:
        a, b = spans.parse_range(lines)
        out, span = spans.lines(data, a, b), f"lines {a}-{b}"
    elif grep is not None:
        out, span = spans.grep(data, grep, context, ignore_case), f"grep ({len(grep)}-char pattern)"  # never the pattern: it may hold a secret
    elif head is not None:
        out, span = spans.head(data, head), f"head {head}"
    elif tail is not None:
        out, span = spans.tail(data, tail), f"tail {tail}"
    elif symbol is not None:
        from hr.code.symbols import expand_stored

        out, span = expand_stored(store, digest, data, symbol)
    elif items is not None:
        from hr.expand import json_items

        out, span = json_items.items(data, items), f"items {items}"
    else:
        out, span = data, "all"
    _record(store, digest, span, out, source)
    return out


def _record(store, digest: str, span: str, out: bytes, source: str) -> None:
    try:
        import os

        from hr.engine import core
        from hr.engine.api import agent_of
        from hr.session_id import parse_session
        from hr.store import ledger

        ledger.record_expansion(store.root, digest=digest, span=span, bytes_out=len(out),
                                tokens_out=core.estimate_tokens(out), lines_out=out.count(b"\n"),
                                session=parse_session(os.environ.get("HR_SESSION")), agent=agent_of(source),
                                source=source)
    except Exception:
        pass  # the expansion itself matters more than its bookkeeping
