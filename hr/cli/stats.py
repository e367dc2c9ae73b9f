"""`hr stats`: the click command (the numbers are in hr.stats)."""

from __future__ import annotations

import click

from hr.stats.prices import DEFAULT_MODEL, PRICES, PRICES_DATE
from hr.stats.tokens import ESTIMATE_HELP


@click.command(epilog=ESTIMATE_HELP + " Measured by bench/token_estimate.py on the shared corpus.")
@click.option("--days", type=click.FloatRange(min=0, min_open=True), help="Only the last DAYS days.")
@click.option("--model", metavar="ID", help=f"Price the savings as this model's input tokens: "
              f"{', '.join(PRICES)} (prices of {PRICES_DATE}) [default: {DEFAULT_MODEL}].")
@click.option("--price-per-mtok", type=click.FloatRange(min=0), default=None,
              help="Your own price in dollars per million input tokens (wins over --model).")
@click.option("--exact", is_flag=True, help="Count o200k_base tokens with tiktoken where originals are stored; "
              "needs tiktoken and its o200k_base file already on this machine ($HR_O200K_FILE or tiktoken's "
              "cache): never downloads it.")
@click.option("--team", is_flag=True, help="The whole team's savings, from the team store (HR_STORE_URL), with a "
              "breakdown by machine as well.")
@click.option("--by", "breakdowns", multiple=True, type=click.Choice(["entry", "agent", "session", "label", "kind", "day", "machine"]),
              help="Breakdowns to print (repeatable) [default: entry, agent, label, kind, day]; --json has all.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output, every breakdown included.")
@click.option("--html", "html_file", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write one self-contained page (chart, breakdowns, expansions, policy) to FILE.")
def stats(days, model, price_per_mtok, exact, team, breakdowns, as_json, html_file):
    """Show what hr saved: tokens in and out, net of expansions, and dollars.

    Each expansion gives back the tokens it returned plus an estimate of the call around it
    (the agent's tool call and turn). Breakdowns by entry point (filter, run, hook, proxy),
    agent, session, label (program and subcommand), kind and day (UTC).

    \b
    Examples:
      hr stats
      hr stats --days 7 --model claude-opus-4-1 --json
      hr stats --html stats.html
      hr stats --team --json
    """
    from hr.cli.main import cache_errors, fail
    from hr.stats import prices, report as rep
    from hr.store import ledger
    from hr.store.objects import Store

    try:
        price = prices.price(model, price_per_mtok)
    except prices.UnknownModel as exc:
        fail(f"stats: {exc}")
    import time

    since = time.time() - days * 86400 if days else 0.0
    store = Store()
    if team:
        from hr.cli.main import team_store
        from hr.store.team import TeamStoreError

        try:
            compressions, expansions = rep.team_rows(team_store().events(since), since)
        except TeamStoreError as exc:
            fail(str(exc))
    else:
        with cache_errors(store.root):
            store.check()
            compressions = ledger.rows(store.root, "compressions", since)
            expansions = ledger.rows(store.root, "expansions", since)
    note = None
    if exact:
        from hr.stats import tokens

        try:
            count = tokens.exact_counter()
        except tokens.ExactUnavailable as exc:
            fail(str(exc))
        note = tokens.recount(compressions, expansions, lambda h: _original(store, h), count)
    report = rep.build(compressions, expansions, price, since_days=days,
                       breakdowns=rep.TEAM_BREAKDOWNS if team else rep.BREAKDOWNS)
    if note:
        report["tokens"], report["tokens_note"] = "o200k", note
    if html_file:
        from hr.learn import policy
        from hr.stats import html

        with open(html_file, "w", encoding="utf-8") as f:
            f.write(html.render(report, policy.text()))
        click.echo(f"wrote {html_file}", err=True)
    if as_json:
        import json

        click.echo(json.dumps(report, indent=2))
    elif not html_file:
        from hr.stats import text

        default = ("entry", "agent", "label", "kind", "day") + (("machine",) if team else ())
        click.echo(text.render(report, breakdowns or default), nl=False)


def _original(store, digest: str) -> bytes | None:
    try:
        return store.get(digest)
    except Exception:
        return None  # collected or damaged: that row keeps its estimate
