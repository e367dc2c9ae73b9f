"""`hr stats` as text for a terminal."""

from __future__ import annotations

TITLES = {"entry": "by entry point", "agent": "by agent", "session": "by session", "label": "by label",
          "kind": "by kind", "day": "by day (UTC)", "machine": "by machine"}


def render(report: dict, breakdowns=("entry", "agent", "label", "kind", "day")) -> str:
    t, p = report["totals"], report["price"]
    pct = (100.0 * t["tokens_saved"] / t["tokens_in"]) if t["tokens_in"] else 0.0
    dated = f", prices of {p['date']}" if p.get("date") else ""
    lines = [
        f"calls {t['calls']:,} · compressed {t['compressed']:,} · expansions {t['expansions']:,}",
        f"tokens in {t['tokens_in']:,} · out {t['tokens_out']:,} · saved {t['tokens_saved']:,} ({pct:.1f}%)",
        f"given back by expansions {t['tokens_expanded']:,} + their calls {t['tokens_expansion_calls']:,}"
        f" (≈{report['expansion_call_tokens']} each) · net saved {t['tokens_saved_net']:,}",
        f"≈ ${t['usd_saved_net']:.2f} net at ${p['usd_per_mtok']:.2f}/MTok input ({p['name']}, {p['model']}{dated})",
        f"note: {report['tokens_note']}",
    ]
    for name in breakdowns:
        group = report.get(f"by_{name}")
        if not group:
            continue
        lines.append("")
        lines.append(f"{TITLES[name]:<32} {'calls':>7} {'tokens in':>12} {'saved':>12} {'expanded':>9} {'net':>12}")
        for r in group[:20]:
            lines.append(f"{str(r['key'])[:32]:<32} {r['calls']:>7,} {r['tokens_in']:>12,} {r['tokens_saved']:>12,}"
                         f" {r['expansions']:>9,} {r['tokens_saved_net']:>12,}")
    return "\n".join(lines) + "\n"
