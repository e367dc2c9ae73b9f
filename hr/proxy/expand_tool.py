"""The `hr_expand` tool that `--retrieval tool` gives the model, and its answer from the store.
Pure of the network: the relay in hr.proxy.retrieval calls `run`."""

from __future__ import annotations

from hr.store.objects import HashError, Store

NAME = "hr_expand"
TOOL = {
    "name": NAME,
    "description": "Bring back what an [hr …] marker in a tool result left out: the original output, whole or in part. "
                   "Use the hash after `hr expand` in the marker; ask for lines A-B or a regex when you need only part.",
    "input_schema": {
        "type": "object",
        "properties": {
            "hash": {"type": "string", "description": "The hex hash after `hr expand` in the marker (6 or more digits)."},
            "lines": {"type": "string", "description": "Only original lines A-B (1-based, inclusive), e.g. 120-538."},
            "grep": {"type": "string", "description": "Only lines matching this regular expression, with their line numbers."},
        },
        "required": ["hash"],
    },
}
# An expansion larger than this is cut (with a note): the model can ask for a part.
MAX_CHARS = 100_000


def run(args: dict, store: Store | None = None) -> tuple[str, bool]:
    """(the text for the tool_result, is_error)."""
    from hr.expand import spans

    store = store or Store()
    try:
        if not isinstance(args, dict) or not isinstance(args.get("hash"), str):
            raise HashError("hr_expand needs a `hash`")
        digest = store.resolve(args["hash"])
        data = store.get(digest)
        if isinstance(args.get("lines"), str):
            a, b = spans.parse_range(args["lines"])
            out, span = spans.lines(data, a, b), f"lines {a}-{b}"
        elif isinstance(args.get("grep"), str):
            out, span = spans.grep(data, args["grep"]), "grep"
        else:
            out, span = data, "all"
    except (HashError, spans.SpanError) as exc:
        return f"hr_expand: {exc}", True
    _record(store, digest, span, out)
    text = out.decode("utf-8", "replace")
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS] + f"\n[hr cut at {MAX_CHARS:,} characters; ask for lines or a grep pattern for the rest]"
    return text, False


def _record(store: Store, digest: str, span: str, out: bytes) -> None:
    try:
        from hr.engine import core
        from hr.store import ledger

        ledger.record_expansion(store.root, digest=digest, span=span, bytes_out=len(out), tokens_out=core.estimate_tokens(out))
    except Exception:
        pass  # the answer matters more than its bookkeeping
