"""Choosing and applying a compressor, with the invariants that hold for all of them.

No I/O happens here: `hr.engine.api.compress` stores the original and records the call. This module
decides the kind, calls the compressor for it and then enforces *never worse*: tiny inputs,
binary input and outputs that save too little all come back as the input itself.
"""

from __future__ import annotations

import re

# The kinds the sniffer can name, and `--kind` accepts.
KINDS = ("binary", "json", "log", "test", "code", "diff", "shell", "text")

# Inputs below this many (estimated) tokens pass through untouched.
MIN_TOKENS = 300
# A compression must save at least this share of tokens, or the original goes out: the token
# count is an estimate, and a marginal saving is not worth a marker the agent has to read.
MIN_SAVING = 0.10
# Sniffed kinds whose output is read as a log when their own compressor saves too little.
READ_AS_LOG_TOO = ("test",)
# Markers cite this many hex digits of the SHA-256.
SHORT_HASH = 12
# Every output hr folds names its restore command once: text that does was compressed already.
RESTORE_HINT = re.compile(r"hr expand [0-9a-f]{6,64}")

__all__ = ["KINDS", "Hint", "Result", "compress", "detect_kind"]

# A compressor: (kind, data, short_hash, budget_chars, label) -> (output, spans), where spans
# are the removed original line ranges (1-based, inclusive); no spans means nothing removed.
# Kinds whose compressor lives in Python rather than in the Rust core, as "module:function",
# imported only when that kind is seen (tree-sitter for code is heavy).
PYTHON_COMPRESSORS: dict[str, str] = {
    "code": "hr.code:compress",  # tree-sitter skeletons
}


class Hint:
    """What the caller knows about the input. (Plain classes, not dataclasses: importing
    dataclasses costs milliseconds on every call.)"""

    __slots__ = ("label", "kind", "budget", "budget_chars", "session")

    def __init__(self, label: str | None = None, kind: str | None = None, budget: int | None = None,
                 budget_chars: int | None = None, session: str | None = None):
        self.label = label  # where it came from: a command, a file name
        self.kind = kind  # overrides the sniffer
        self.budget = budget  # tokens
        self.budget_chars = budget_chars  # characters (wins over `budget`)
        self.session = session  # agent session, for the ledger

    def __repr__(self) -> str:
        return "Hint(" + ", ".join(f"{k}={getattr(self, k)!r}" for k in self.__slots__) + ")"


class Result:
    __slots__ = ("output", "kind", "digest", "tokens_in", "tokens_out", "spans", "passthrough", "note", "policy")

    def __init__(self, output: bytes, kind: str, digest: str, tokens_in: int, tokens_out: int,
                 spans: list[tuple[int, int]] | None = None, passthrough: bool = True, note: str = ""):
        self.output = output
        self.kind = kind
        self.digest = digest  # SHA-256 of the input, hex
        self.tokens_in = tokens_in
        self.tokens_out = tokens_out
        self.spans = spans or []
        self.passthrough = passthrough  # True when output is the input itself
        self.note = note  # why it passed through, for the ledger
        self.policy = ""  # the learnt adjustment applied (hr.learn.policy), for the ledger


def detect_kind(data: bytes, hint: Hint) -> str:
    from hr.engine import core

    if hint.kind:
        return hint.kind
    kind = core.sniff(data)
    if kind in ("text", "log") and hint.label and _names_source_file(hint.label):
        return "code"  # `cat main.rs`: the file name knows better than the content sniffer
    return kind


def _names_source_file(label: str | None) -> bool:
    from hr.code.languages import is_source_label

    return is_source_label(label)


def describe_binary(data: bytes) -> str:
    """What binary input is (`binary: PNG image data, …`), for the ledger. libmagic knows
    binary formats; the sniffer in the core decides text kinds. Only this path loads it."""
    try:
        import magic

        return f"binary: {magic.from_buffer(data[:8192])}"[:200]
    except Exception:  # no libmagic: the kind alone will do
        return "binary"


def _compressor(kind: str):
    target = PYTHON_COMPRESSORS.get(kind)
    if target is None:
        from hr.engine import core

        return lambda kind, data, short, budget_chars, label, min_fold_run=0: core.compress(
            kind, data, short, budget_chars, min_fold_run)
    from importlib import import_module

    module, func = target.split(":")
    return getattr(import_module(module), func)


def saves(spans: list, tokens_out: int, tokens_in: int) -> bool:
    """Whether a compressor's output folded something and saves at least `MIN_SAVING`."""
    return bool(spans) and tokens_out <= tokens_in * (1 - MIN_SAVING)


def compress(data: bytes, hint: Hint = Hint(), rules: dict | None = None) -> Result:
    """Compress `data`, or return it unchanged where compressing would not be safe or worth it.

    `rules`: the learnt policy for this input's label, by kind (see hr.learn.policy): `skip`
    passes the input through, `min_fold_run` reaches the core as an option.
    Exceptions from a compressor propagate; callers that must fail open (every entry point
    does) catch them and send the input out as it was.
    """
    from hr.engine import core

    digest = core.sha256(data)
    # a token holds at least one byte: fewer bytes than MIN_TOKENS is tiny without counting
    if len(data) < MIN_TOKENS:
        return Result(data, "tiny", digest, 0, 0, note="tiny")
    tokens_in = core.estimate_tokens(data)
    same = Result(data, "tiny", digest, tokens_in, tokens_in)
    if tokens_in < MIN_TOKENS:
        same.note = "tiny"
        return same
    kind = detect_kind(data, hint)
    same.kind = kind
    if kind == "binary":
        same.note = describe_binary(data)
        return same
    if _rule(rules, kind).get("skip"):
        same.note = same.policy = "policy: skip"
        return same
    budget_chars = hint.budget_chars
    if budget_chars is None and hint.budget is not None:
        # the input's own chars-per-token ratio turns a token budget into characters
        budget_chars = max(1, hint.budget * len(data) // max(tokens_in, 1))

    def run(kind: str) -> tuple[bytes, list, int, dict]:
        rule = _rule(rules, kind)
        extra = {"min_fold_run": rule["min_fold_run"]} if rule.get("min_fold_run") and kind not in PYTHON_COMPRESSORS else {}
        output, spans = _compressor(kind)(kind, data, digest[:SHORT_HASH], budget_chars, hint.label, **extra)
        return output, spans, core.estimate_tokens(output), extra

    output, spans, tokens_out, extra = run(kind)
    if (kind in READ_AS_LOG_TOO and not hint.kind and not saves(spans, tokens_out, tokens_in)
            and not _rule(rules, "log").get("skip") and not core.diagnostics(data)):
        # a test run whose lines are mostly the program's own log (a Maven build's tests that
        # log at debug level) gives its runner's compressor little to fold: the log's compressor
        # keeps every new event, failures included, and folds the rest. Not a compiler's or a
        # linter's findings, each at its place, which a log would fold by message
        kind = "log"
        output, spans, tokens_out, extra = run(kind)
    if not saves(spans, tokens_out, tokens_in):
        same.note = "no saving"
        return same
    if f"hr expand {digest[:SHORT_HASH]}".encode() not in output:
        # every changed output must say how to get the original back (nothing lost)
        same.note = "no restore hint"
        return same
    result = Result(output, kind, digest, tokens_in, tokens_out, spans, passthrough=False)
    result.policy = ",".join(f"{k}={v}" for k, v in sorted(extra.items()))
    return result


def _rule(rules: dict | None, kind: str) -> dict:
    """The learnt policy for `kind` (see hr.learn.policy), or for every kind, or none."""
    return (rules or {}).get(kind) or (rules or {}).get("*") or {}
