"""The `hr` command line."""

from __future__ import annotations

import os
import sys

import click

from hr import __version__
from hr.engine.dispatch import Hint
from hr.cli.filter import run_filter, write_stdout
from hr.cli.options import KINDS, parse_budget

EXPAND_SPANS = ("lines", "grep", "head", "tail", "symbol", "items")


class Budget(click.ParamType):
    """`8000` tokens, or `30000c` characters. A bad value is a warning, not an error: a typo in
    a shim's $HR_BUDGET must not lose a command's output (hr fails open)."""

    name = "budget"

    def convert(self, value, param, ctx):
        if isinstance(value, tuple):
            return value
        try:
            return parse_budget(value)
        except ValueError as exc:
            click.echo(f"hr: warning: {exc}; going on without a budget", err=True)
            return None


def make_hint(label: str | None, kind: str | None, budget: tuple[str, int] | None, **extra) -> Hint:
    tokens = budget[1] if budget and budget[0] == "tokens" else None
    chars = budget[1] if budget and budget[0] == "chars" else None
    return Hint(label=label, kind=kind, budget=tokens, budget_chars=chars, **extra)


def fail(message: str, code: int = 2) -> None:
    """One line on stderr and the exit code; for errors the user can fix."""
    click.echo(f"hr: {message}", err=True)
    sys.exit(code)


label_option = click.option("--label", metavar="NAME", help="Name the source (a command or file name); shown in stats and used as a hint.")
kind_option = click.option("--kind", type=click.Choice(KINDS), help="Skip the sniffer and treat the input as this kind.")
budget_option = click.option("--budget", type=Budget(), metavar="N|Nc", help="Fit the output in N tokens (or Nc characters), keeping errors and failures first.")


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@label_option
@kind_option
@budget_option
@click.version_option(__version__, "--version", prog_name="hr", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context, label, kind, budget):
    """Compress tool output for coding agents, without losing or inventing anything.

    With no command, hr is a filter: it reads all of stdin, detects what it is (test output,
    log, JSON, code, diff, text), compresses it and writes the result to stdout. Removed
    parts are replaced by [hr: …] markers; the original is kept in the cache, and
    `hr expand HASH` brings it back, whole or in part.

    \b
    Examples:
      pytest 2>&1 | hr
      kubectl logs api-0 | hr --label kubectl-logs --budget 8000
      hr run -- cargo test
      hr expand 3f9a2c1b7d0e --grep 'ERROR|panic' --context 2
    """
    if ctx.invoked_subcommand is not None:
        return
    if sys.stdin.isatty():
        click.echo(ctx.get_help())
        return
    run_filter(make_hint(label, kind, budget))


@cli.command(context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False})
@label_option
@kind_option
@budget_option
@click.argument("command", nargs=-1, required=True, type=click.UNPROCESSED)
def run(label, kind, budget, command):
    """Run COMMAND, compress what it printed and exit with its status.

    stdout and stderr are read together, in the order they were written, and the compressed
    result goes to stdout. The exit status is COMMAND's own (128+N if a signal N killed it;
    127 if it was not found). SIGINT and SIGTERM are passed on to it.

    \b
    Example:
      hr run -- pytest -q
    """
    from hr.cli import run as runner

    argv = list(command)
    if argv and argv[0] == "--":
        argv = argv[1:]
    if not argv:
        fail("run: no command given (usage: hr run -- CMD ARGS…)")
    sys.exit(runner.main(argv, make_hint(label, kind, budget)))


@cli.command()
@click.argument("hash")
@click.option("--lines", "lines_", metavar="A-B", help="Only original lines A to B (1-based, inclusive).")
@click.option("--grep", metavar="REGEX", help="Only lines matching REGEX, prefixed with their original line numbers.")
@click.option("--context", "-C", type=click.IntRange(0), default=0, show_default=True, help="With --grep: lines of context around each match.")
@click.option("--ignore-case", "-i", is_flag=True, help="With --grep: match case-insensitively.")
@click.option("--head", type=click.IntRange(1), metavar="N", help="Only the first N lines.")
@click.option("--tail", type=click.IntRange(1), metavar="N", help="Only the last N lines.")
@click.option("--symbol", metavar="NAME", help="Only the function, method or class NAME (`Class.method` works), with line numbers; an ambiguous NAME lists the candidates and exits 2.")
@click.option("--items", metavar="TARGET", help="JSON: items A-B (from 0) of the top-level array, "
              "/json/pointer:A-B of a nested array or object, or the value at /json/pointer.")
def expand(hash, lines_, grep, context, ignore_case, head, tail, symbol, items):
    """Print the original that HASH stands for, whole or in part.

    HASH is the hex digest shown in hr's markers; any unique prefix of 6 or more digits
    works. Without a span option the exact original bytes are written. Unknown, ambiguous
    or malformed hashes exit with status 2.

    \b
    Examples:
      hr expand 3f9a2c1b7d0e
      hr expand 3f9a2c --lines 120-538
      hr expand 3f9a2c --grep 'ERROR|Traceback' --context 3
      hr expand 3f9a2c --symbol Parser.parse_args
      hr expand 3f9a2c --items /packages:41-388
    """
    from hr.expand import spans
    from hr.store.objects import HashError, Store

    chosen = [n for n, v in zip(EXPAND_SPANS, (lines_, grep, head, tail, symbol, items)) if v is not None]
    if len(chosen) > 1:
        fail(f"expand: choose one of {', '.join('--' + n for n in EXPAND_SPANS)} (got {', '.join('--' + c for c in chosen)})")
    store = Store()
    try:
        digest = store.resolve(hash)
        data = store.get(digest)
    except HashError as exc:
        fail(str(exc))
    try:
        if lines_ is not None:
            a, b = spans.parse_range(lines_)
            out, span = spans.lines(data, a, b), f"lines {a}-{b}"
        elif grep is not None:
            out, span = spans.grep(data, grep, context, ignore_case), f"grep {grep}"
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
    except spans.SpanError as exc:
        fail(f"expand: {exc}")
    _record_expansion(store, digest, span, out)
    write_stdout(out)


def _record_expansion(store, digest: str, span: str, out: bytes) -> None:
    try:
        from hr.engine import core
        from hr.store import ledger

        ledger.record_expansion(store.root, digest=digest, span=span, bytes_out=len(out),
                                tokens_out=core.estimate_tokens(out))
    except Exception:
        pass  # the expansion itself matters more than its bookkeeping


@cli.command()
@click.option("--days", type=click.FloatRange(min=0, min_open=True), help="Only the last DAYS days.")
@click.option("--price-per-mtok", type=click.FloatRange(min=0), default=None,
              help="Dollars per million input tokens [default: 3.00, Claude Sonnet 4.5].")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def stats(days, price_per_mtok, as_json):
    """Show what hr saved: tokens in and out, net of expansions, and dollars.

    Totals, then breakdowns by kind, label and day. Token counts are estimates.

    \b
    Examples:
      hr stats
      hr stats --days 7 --price-per-mtok 15 --json
    """
    from hr import stats as st
    from hr.store.objects import Store

    price = st.DEFAULT_PRICE_PER_MTOK if price_per_mtok is None else price_per_mtok
    model = st.DEFAULT_PRICE_MODEL if price_per_mtok is None else "your price"
    store = Store()
    from hr.store.objects import private_dir

    private_dir(store.root)
    report = st.gather(store.root, days=days, price_per_mtok=price)
    if as_json:
        import json

        report["price_model"] = model
        click.echo(json.dumps(report, indent=2))
    else:
        click.echo(st.render(report, model), nl=False)


@cli.command()
@click.option("--max-age-days", type=click.FloatRange(min=0), help="Remove originals unused for longer [default: $HR_CACHE_MAX_AGE_DAYS or 30].")
@click.option("--max-mb", type=click.FloatRange(min=0), help="Then remove the least recently used until the rest fits [default: $HR_CACHE_MAX_MB or 1024].")
@click.option("--dry-run", is_flag=True, help="Only say what would be removed.")
def gc(max_age_days, max_mb, dry_run):
    """Collect old originals from the cache.

    hr also does this by itself about once a day, with the defaults.

    \b
    Example:
      hr gc --max-age-days 7 --max-mb 200
    """
    from hr.store.objects import Store

    store = Store()
    if not os.path.isdir(store.objects):
        click.echo(f"nothing stored yet in {store.root}")
        return
    r = store.gc(max_age_days, max_mb, dry_run=dry_run)
    verb = "would remove" if dry_run else "removed"
    click.echo(f"{verb} {r.removed:,} originals ({r.freed_bytes / 1e6:.1f} MB); kept {r.kept:,} ({r.kept_bytes / 1e6:.1f} MB) in {store.root}")


from hr.cli import agents as agent_cli  # noqa: E402  (agent integration: hook, shell-init, install, doctor)

for _command in (agent_cli.hook, agent_cli.shell_init, agent_cli.install, agent_cli.doctor):
    cli.add_command(_command)

from hr.cli.proxy import proxy as _proxy  # noqa: E402  (imports nothing of aiohttp until it runs)

cli.add_command(_proxy)
