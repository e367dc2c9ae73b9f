"""`hr stats`: what hr saved, read from the ledger."""

from __future__ import annotations

import time

from hr.store import ledger

DEFAULT_PRICE_PER_MTOK = 3.00
DEFAULT_PRICE_MODEL = "Claude Sonnet 4.5 input tokens"
TOKENS_NOTE = "token counts are estimates (o200k-like heuristic), not exact tokenizer counts"


def gather(root: str, *, days: float | None = None, price_per_mtok: float = DEFAULT_PRICE_PER_MTOK) -> dict:
    since = time.time() - days * 86400 if days else 0.0
    conn = ledger.connect(root)
    try:
        def rows(sql: str, *args) -> list[dict]:
            cur = conn.execute(sql, args)
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r)) for r in cur.fetchall()]

        sums = ("COUNT(*) AS calls, SUM(1 - passthrough) AS compressed, COALESCE(SUM(bytes_in), 0) AS bytes_in,"
                " COALESCE(SUM(bytes_out), 0) AS bytes_out, COALESCE(SUM(tokens_in), 0) AS tokens_in,"
                " COALESCE(SUM(tokens_out), 0) AS tokens_out")
        total = rows(f"SELECT {sums} FROM compressions WHERE ts >= ?", since)[0]
        expanded = rows(
            "SELECT COUNT(*) AS expansions, COALESCE(SUM(tokens_out), 0) AS tokens FROM expansions WHERE ts >= ?",
            since,
        )[0]
        by = {}
        for name, expr in (("kind", "kind"), ("label", "COALESCE(label, '-')"),
                           ("day", "date(ts, 'unixepoch', 'localtime')")):
            by[name] = rows(
                f"SELECT {expr} AS key, {sums} FROM compressions WHERE ts >= ? GROUP BY key"
                " ORDER BY tokens_in - tokens_out DESC, key LIMIT 50", since)
    finally:
        conn.close()
    total["compressed"] = total["compressed"] or 0
    saved = total["tokens_in"] - total["tokens_out"]
    net = saved - expanded["tokens"]
    for group in by.values():
        for r in group:
            r["tokens_saved"] = r["tokens_in"] - r["tokens_out"]
    return {
        "totals": {**total, "tokens_saved": saved, "expansions": expanded["expansions"],
                   "tokens_expanded": expanded["tokens"], "tokens_saved_net": net,
                   "dollars_saved_net": round(net * price_per_mtok / 1e6, 4)},
        "by_kind": by["kind"],
        "by_label": by["label"],
        "by_day": sorted(by["day"], key=lambda r: r["key"]),
        "price_per_mtok": price_per_mtok,
        "tokens": "estimated",
        "tokens_note": TOKENS_NOTE,
        "since_days": days,
    }


def gather_team(events: list[dict], *, days: float | None = None,
                price_per_mtok: float = DEFAULT_PRICE_PER_MTOK) -> dict:
    """The same report from the team store's event stream, plus a breakdown by machine."""
    since = time.time() - days * 86400 if days else 0.0
    keys = ("bytes_in", "bytes_out", "tokens_in", "tokens_out")
    compressions, expanded = [], []
    for e in events:
        try:
            ts = float(e.get("ts", 0))
            if ts < since:
                continue
            if e.get("event") == "compression":
                row = {k: int(e[k]) for k in keys}
                row.update(ts=ts, passthrough=int(e.get("passthrough", 1)), kind=e.get("kind") or "-",
                           label=e.get("label") or "-", machine=e.get("machine") or "-",
                           day=time.strftime("%Y-%m-%d", time.localtime(ts)))
                compressions.append(row)
            elif e.get("event") == "expansion":
                expanded.append(int(e["tokens_out"]))
        except (KeyError, ValueError):
            continue  # an event from another version of hr: not ours to interpret

    def summed(rows: list[dict]) -> dict:
        out = {"calls": len(rows), "compressed": sum(1 - r["passthrough"] for r in rows)}
        out.update({k: sum(r[k] for r in rows) for k in keys})
        return out

    def breakdown(field: str) -> list[dict]:
        groups: dict[str, list[dict]] = {}
        for r in compressions:
            groups.setdefault(r[field], []).append(r)
        out = [{"key": key, **summed(rows)} for key, rows in groups.items()]
        for r in out:
            r["tokens_saved"] = r["tokens_in"] - r["tokens_out"]
        return sorted(out, key=lambda r: (-r["tokens_saved"], r["key"]))[:50]

    total = summed(compressions)
    saved = total["tokens_in"] - total["tokens_out"]
    net = saved - sum(expanded)
    return {
        "totals": {**total, "tokens_saved": saved, "expansions": len(expanded), "tokens_expanded": sum(expanded),
                   "tokens_saved_net": net, "dollars_saved_net": round(net * price_per_mtok / 1e6, 4)},
        "by_kind": breakdown("kind"),
        "by_label": breakdown("label"),
        "by_day": sorted(breakdown("day"), key=lambda r: r["key"]),
        "by_machine": breakdown("machine"),
        "price_per_mtok": price_per_mtok,
        "tokens": "estimated",
        "tokens_note": TOKENS_NOTE,
        "since_days": days,
    }


def render(report: dict, price_model: str) -> str:
    t = report["totals"]
    pct = (100.0 * t["tokens_saved"] / t["tokens_in"]) if t["tokens_in"] else 0.0
    lines = [
        f"calls {t['calls']:,} · compressed {t['compressed']:,} · expansions {t['expansions']:,}",
        f"tokens in {t['tokens_in']:,} · out {t['tokens_out']:,} · saved {t['tokens_saved']:,} ({pct:.1f}%)",
        f"brought back by expansions {t['tokens_expanded']:,} · net saved {t['tokens_saved_net']:,}",
        f"≈ ${t['dollars_saved_net']:.2f} at ${report['price_per_mtok']:.2f}/MTok ({price_model})",
        f"note: {report['tokens_note']}",
    ]
    for title, key in (("by kind", "by_kind"), ("by label", "by_label"), ("by day", "by_day"),
                       ("by machine", "by_machine")):
        group = report.get(key)
        if not group:
            continue
        lines.append("")
        lines.append(f"{title:<32} {'calls':>7} {'tokens in':>12} {'tokens out':>12} {'saved':>12}")
        for r in group[:20]:
            lines.append(f"{str(r['key'])[:32]:<32} {r['calls']:>7,} {r['tokens_in']:>12,} {r['tokens_out']:>12,}"
                         f" {r['tokens_saved']:>12,}")
    return "\n".join(lines) + "\n"
