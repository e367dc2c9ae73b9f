"""The numbers of `hr stats`: totals and breakdowns, net of expansions.

Functions over ledger rows (dicts with the ledger's columns), not over SQLite, so a team store
can feed them its own rows. A compression saves `tokens_in - tokens_out`; every expansion then
gives back what it returned plus `EXPANSION_CALL_TOKENS` for the call around it. Expansions are
counted against the compression of the same output, so each breakdown is net as well.
"""

from __future__ import annotations

import time

from hr.stats import prices

# What one `hr expand` round trip costs besides the text it returns: the agent's tool call
# (~30 tokens of command and JSON), the result's framing (~20) and the model's turn to decide
# on it (~50). An estimate, stated as such in the report.
EXPANSION_CALL_TOKENS = 100
BREAKDOWNS = ("entry", "agent", "session", "label", "kind", "day")
# The team store's events also say which machine they come from (`hr stats --team`).
TEAM_BREAKDOWNS = BREAKDOWNS + ("machine",)
TOKENS_NOTE = "token counts are the fast estimate (see `hr stats --help` for its measured error)"
SUMS = ("calls", "compressed", "bytes_in", "bytes_out", "tokens_in", "tokens_out", "expansions",
        "tokens_expanded", "tokens_expansion_calls")


def entry_point(source: str | None) -> str:
    """`hook-claude` -> `hook`; filter, run, proxy and the rest as they are."""
    source = source or "-"
    return source.split("-", 1)[0] if source.startswith(("hook-", "proxy-")) else source


def keys(row: dict) -> dict[str, str]:
    """The breakdown keys of one compression row."""
    from hr.learn.labels import normalise

    return {
        "entry": entry_point(row.get("source")),
        "agent": row.get("agent") or "-",
        "session": row.get("session") or "-",
        "label": normalise(row.get("label")),
        "kind": row["kind"],
        "day": time.strftime("%Y-%m-%d", time.gmtime(row["ts"])),
        "machine": row.get("machine") or "-",
    }


def build(compressions: list[dict], expansions: list[dict], price: dict, *, since_days: float | None = None,
          breakdowns: tuple[str, ...] = BREAKDOWNS) -> dict:
    """The report: `totals`, `by_<breakdown>` lists (largest net saving first; days in date
    order), the price used and notes. Deterministic for the same rows."""
    totals = _zero()
    groups: dict[str, dict[str, dict]] = {b: {} for b in breakdowns}
    by_hash: dict[str, dict[str, str]] = {}
    for row in compressions:
        k = keys(row)
        by_hash[row["hash"]] = k  # the latest compression of an output owns its expansions
        for acc in (totals, *(groups[b].setdefault(k[b], _zero()) for b in breakdowns)):
            acc["calls"] += 1
            acc["compressed"] += 0 if row["passthrough"] else 1
            for f in ("bytes_in", "bytes_out", "tokens_in", "tokens_out"):
                acc[f] += row[f]
    for x in expansions:
        k = by_hash.get(x["hash"])
        accs = [totals] + ([groups[b][k[b]] for b in breakdowns] if k else [])
        for acc in accs:
            acc["expansions"] += 1
            acc["tokens_expanded"] += x["tokens_out"]
            acc["tokens_expansion_calls"] += EXPANSION_CALL_TOKENS
    report = {"totals": _finish(totals, price)}
    for b in breakdowns:
        rows = [{"key": key, **_finish(acc, price)} for key, acc in groups[b].items()]
        if b == "day":
            rows.sort(key=lambda r: r["key"])
        else:
            rows.sort(key=lambda r: (-r["tokens_saved_net"], r["key"]))
        report[f"by_{b}"] = rows
    report["unattributed_expansions"] = sum(1 for x in expansions if x["hash"] not in by_hash)
    report["price"] = price
    report["tokens"] = "estimated"
    report["tokens_note"] = TOKENS_NOTE
    report["expansion_call_tokens"] = EXPANSION_CALL_TOKENS
    report["since_days"] = since_days
    return report


def _zero() -> dict:
    return dict.fromkeys(SUMS, 0)


def _finish(acc: dict, price: dict) -> dict:
    saved = acc["tokens_in"] - acc["tokens_out"]
    net = saved - acc["tokens_expanded"] - acc["tokens_expansion_calls"]
    return {**acc, "tokens_saved": saved, "tokens_saved_net": net,
            "usd_saved": prices.usd(saved, price), "usd_saved_net": prices.usd(net, price)}


def gather(root: str, price: dict, *, days: float | None = None) -> dict:
    """The report over the local ledger (the last `days` days, or all of it)."""
    from hr.store import ledger

    since = time.time() - days * 86400 if days else 0.0
    return build(ledger.rows(root, "compressions", since), ledger.rows(root, "expansions", since), price,
                 since_days=days)


def team_rows(events: list[dict], since: float = 0.0) -> tuple[list[dict], list[dict]]:
    """Compression and expansion rows from the team store's event stream (strings, as Redis
    keeps them), the events before `since` left out. An event this version cannot read (from
    another version of hr) is skipped, not guessed at."""
    ints = ("bytes_in", "bytes_out", "tokens_in", "tokens_out", "passthrough")
    compressions, expansions = [], []
    for e in events:
        try:
            row = dict(e, ts=float(e["ts"]))
            if row["ts"] < since:
                continue
            if e.get("event") == "compression":
                row.update({k: int(e[k]) for k in ints})
                compressions.append(row)
            elif e.get("event") == "expansion":
                expansions.append(dict(row, tokens_out=int(e["tokens_out"])))
        except (KeyError, ValueError):
            continue
    return compressions, expansions
