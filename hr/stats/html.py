"""`hr stats --html`: one self-contained page (inline CSS and SVG, no script, nothing fetched).

A Content-Security-Policy meta tag forbids every network load, so the page stays offline even
if something in it (a label) looked like a URL. Every figure is in an element with a `data-k`
attribute naming its report field, so tests can read the page back and compare with `--json`.
The proxy serves the same page: `page()` (or `render(report, policy_text)` for a report of its
own, e.g. a team store's).
"""

from __future__ import annotations

from html import escape

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222;max-width:70em}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em}
table{border-collapse:collapse}td,th{padding:.2em .8em;border-bottom:1px solid #ddd;text-align:right}
td:first-child,th:first-child{text-align:left}.bar{fill:#3a7bd5}.neg{fill:#d5553a}
.axis{stroke:#888}text{font:11px system-ui,sans-serif;fill:#444}pre{background:#f6f6f6;padding:1em}
"""
COLUMNS = (("calls", "calls"), ("tokens_in", "tokens in"), ("tokens_saved", "saved"),
           ("expansions", "expansions"), ("tokens_expanded", "expanded"), ("tokens_saved_net", "net saved"),
           ("usd_saved_net", "net USD"))


def page(root: str | None = None, model: str | None = None, days: float | None = None) -> str:
    """The page for the local ledger (`root`: the cache dir, default the user's) and policy."""
    from hr.learn import policy
    from hr.stats import prices, report
    from hr.store.objects import Store

    return render(report.gather(root or Store().root, prices.price(model), days=days), policy.text())


def render(report: dict, policy_text: str | None = None) -> str:
    t, p = report["totals"], report["price"]
    parts = [
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>",
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>hr stats</title><style>{STYLE}</style></head><body>",
        "<h1>hr: tokens saved, net of expansions</h1>",
        '<table id="totals">',
    ]
    for key, title in (("calls", "calls"), ("compressed", "compressed"), ("tokens_in", "tokens in"),
                       ("tokens_out", "tokens out"), ("tokens_saved", "tokens saved"), ("expansions", "expansions"),
                       ("tokens_expanded", "tokens given back by expansions"),
                       ("tokens_expansion_calls", "tokens of the calls around them"),
                       ("tokens_saved_net", "net tokens saved"), ("usd_saved_net", "net USD saved")):
        parts.append(f'<tr><td>{title}</td><td data-k="totals.{key}">{_num(t[key])}</td></tr>')
    parts.append("</table>")
    dated = f", prices of {escape(p['date'])}" if p.get("date") else ""
    parts.append(f'<p>Priced at <span data-k="price.usd_per_mtok">{p["usd_per_mtok"]}</span> USD per million input '
                 f'tokens ({escape(p["name"])}, <span data-k="price.model">{escape(p["model"])}</span>{dated}). '
                 f'{escape(report["tokens_note"])}.</p>')
    parts.append("<h2>Net tokens saved per day (UTC)</h2>")
    parts.append(chart(report["by_day"]))
    for name, title in (("kind", "By kind"), ("label", "By label"), ("entry", "By entry point"), ("agent", "By agent")):
        parts.append(f"<h2>{title}</h2>")
        parts.append(table(name, report[f"by_{name}"]))
    parts.append("<h2>Expansions</h2>")
    parts.append(f'<p><span data-k="totals.expansions">{_num(t["expansions"])}</span> expansions brought back '
                 f'<span data-k="totals.tokens_expanded">{_num(t["tokens_expanded"])}</span> tokens, plus about '
                 f'{report["expansion_call_tokens"]} tokens for each call around them.</p>')
    parts.append("<h2>Policy in force</h2>")
    if policy_text:
        parts.append(f'<pre id="policy">{escape(policy_text)}</pre>')
    else:
        parts.append('<p id="policy">None: `hr learn --apply` writes one from what agents expanded.</p>')
    parts.append("</body></html>\n")
    return "\n".join(parts)


def chart(days: list[dict], width: int = 640, height: int = 200) -> str:
    """Net tokens saved per day as bars (negative days below the axis, in another colour)."""
    values = [d["tokens_saved_net"] for d in days]
    top, bottom = max([0, *values]), min([0, *values])
    span = (top - bottom) or 1
    zero = 10 + (height - 40) * top / span
    step = (width - 20) / max(len(days), 1)
    bars = []
    for i, d in enumerate(days):
        v = d["tokens_saved_net"]
        h = (height - 40) * abs(v) / span
        x = 10 + i * step + step * 0.1
        y = zero - h if v >= 0 else zero
        cls = "bar" if v >= 0 else "bar neg"
        bars.append(f'<rect class="{cls}" x="{x:.1f}" y="{y:.1f}" width="{step * 0.8:.1f}" height="{max(h, 1):.1f}" '
                    f'data-day="{escape(d["key"])}" data-v="{v}"><title>{escape(d["key"])}: {v:,}</title></rect>')
        bars.append(f'<text x="{x:.1f}" y="{height - 8}">{escape(d["key"][5:])}</text>')
    return (f'<svg id="chart" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="net tokens saved per day">'
            f'<line class="axis" x1="10" x2="{width - 10}" y1="{zero:.1f}" y2="{zero:.1f}"/>'
            + "".join(bars) + "</svg>")


def table(name: str, rows: list[dict]) -> str:
    head = "".join(f"<th>{title}</th>" for _, title in COLUMNS)
    body = []
    for r in rows[:50]:
        key = escape(str(r["key"]))
        cells = "".join(f'<td data-k="by_{name}[{key}].{k}">{_num(r[k])}</td>' for k, _ in COLUMNS)
        body.append(f"<tr><td>{key}</td>{cells}</tr>")
    return f'<table id="by_{name}"><tr><th>{name}</th>{head}</tr>' + "".join(body) + "</table>"


def _num(v) -> str:
    return f"{v:.6f}".rstrip("0").rstrip(".") if isinstance(v, float) else str(v)
