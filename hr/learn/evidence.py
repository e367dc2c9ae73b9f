"""Over-compression, as the ledger shows it: functions over ledger rows (dicts), so that a team
store can supply the rows as well as SQLite.

An output was over-compressed when, within `WINDOW` seconds of being compressed, it was expanded
whole, or by a span bringing back most of what was folded (in the same session, where both
rows know theirs). The agent then paid for the folded output, the original and a round trip.
"""

from __future__ import annotations

import re

WINDOW = 600.0
# A span bringing back at least this share of the folded lines counts as expanding it whole.
MOST = 0.5
_RANGE = re.compile(r"^(?:lines (\d+)-(\d+)|head (\d+)|tail (\d+))$")


class Output:
    """One distinct compressed output (by hash), what rules are learnt over."""

    __slots__ = ("hash", "label", "kind", "ts", "session", "tokens_in", "tokens_out", "lines_folded",
                 "policy", "reasons")

    def __init__(self, row: dict, label: str):
        self.hash = row["hash"]
        self.label = label
        self.kind = row["kind"]
        self.ts = row["ts"]
        self.session = row.get("session")
        self.tokens_in = row["tokens_in"]
        self.tokens_out = row["tokens_out"]
        self.lines_folded = row.get("lines_folded")
        self.policy = row.get("policy")
        self.reasons: list[str] = []  # why it counts as over-compressed; empty when it does not

    @property
    def over_compressed(self) -> bool:
        return bool(self.reasons)


def outputs(compressions: list[dict]) -> dict[str, Output]:
    """The compressed outputs, one per hash (its first compression: the proxy compresses the same
    tool result again on every turn, and that is one output, not many)."""
    from hr.learn.labels import normalise

    found: dict[str, Output] = {}
    for row in sorted(compressions, key=lambda r: (r["ts"], r.get("id") or 0)):
        if not row["passthrough"] and row["hash"] not in found:
            found[row["hash"]] = Output(row, normalise(row.get("label")))
    return found


def lines_brought_back(expansion: dict) -> int | None:
    """How many original lines an expansion returned: recorded, or read from its span."""
    if expansion.get("lines_out") is not None:
        return expansion["lines_out"]
    m = _RANGE.match(expansion.get("span") or "")
    if not m:
        return None
    if m.group(1):
        return int(m.group(2)) - int(m.group(1)) + 1
    return int(m.group(3) or m.group(4))


def mark_from_ledger(found: dict[str, Output], expansions: list[dict]) -> None:
    """Add the ledger's evidence to `found`: expansions of an output soon after it was made."""
    for x in sorted(expansions, key=lambda r: (r["ts"], r.get("id") or 0)):
        out = found.get(x["hash"])
        if out is None or not 0 <= x["ts"] - out.ts <= WINDOW:
            continue
        if out.session and x.get("session") and out.session != x["session"]:
            continue
        if x["span"] == "all":
            reason = "expanded whole"
        else:
            back = lines_brought_back(x)
            if not back or not out.lines_folded or back < MOST * out.lines_folded:
                continue
            reason = "expanded most of what was folded"
        if reason not in out.reasons:
            out.reasons.append(reason)
