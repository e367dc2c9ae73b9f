"""The `hr` command line."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Iterator

import click

from hr import __version__
from hr.cli.filter import pass_through, run_filter, write_stdout
from hr.cli.options import KINDS, parse_budget
from hr.engine.dispatch import Hint


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


@contextmanager
def cache_errors(root: str) -> Iterator[None]:
    """A cache that is refused, unreadable, damaged or on a full disk is one line naming the
    path and the cause, and exit status 2: never a traceback."""
    import sqlite3

    from hr.store.objects import CacheError

    try:
        yield
    except CacheError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{exc.filename or root}: {exc.strerror or exc}")
    except sqlite3.Error as exc:
        fail(f"{os.path.join(root, 'ledger.sqlite3')}: {exc}")


label_option = click.option("--label", metavar="NAME", help="Name the source (a command or file name); shown in stats and used as a hint.")
kind_option = click.option("--kind", type=click.Choice(KINDS), help="Skip the sniffer and treat the input as this kind.")
session_option = click.option("--session", metavar="ID", help="The agent session this output belongs to, for `hr stats --by session` (agent hooks set it; default: $HR_SESSION).")
budget_option = click.option("--budget", type=Budget(), metavar="N|Nc", help="Fit the output in N tokens (or Nc characters), keeping errors and failures first.")


class FilterGroup(click.Group):
    """The `hr` group. A usage error in a filter call (`cmd | hr --kind nonsense`, an unknown
    option or command) must not lose the piped data: it goes through to stdout unchanged, the
    error goes to stderr and the exit status is 2."""

    def parse_args(self, ctx, args):
        with _input_kept_on_usage_error():
            return super().parse_args(ctx, args)

    def resolve_command(self, ctx, args):
        with _input_kept_on_usage_error():
            return super().resolve_command(ctx, args)


@contextmanager
def _input_kept_on_usage_error() -> Iterator[None]:
    try:
        yield
    except click.UsageError:
        pass_through()
        raise


@click.group(cls=FilterGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@label_option
@kind_option
@budget_option
@session_option
@click.version_option(__version__, "--version", prog_name="hr", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context, label, kind, budget, session):
    """Compress tool output for coding agents, without losing or inventing anything.

    With no command, hr is a filter: it reads all of stdin, detects what it is (test output,
    log, JSON, code, diff, text), compresses it and writes the result to stdout. Removed
    parts are replaced by [hr …] markers; the original is kept in the cache, and
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
    run_filter(make_hint(label, kind, budget, session=session))


@cli.command(context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False})
@label_option
@kind_option
@budget_option
@session_option
@click.argument("command", nargs=-1, required=True, type=click.UNPROCESSED)
def run(label, kind, budget, session, command):
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
    sys.exit(runner.main(argv, make_hint(label, kind, budget, session=session)))


@cli.command()
@click.argument("hash")
@click.option("--lines", "lines_", metavar="A-B", help="Only original lines A to B (1-based, inclusive).")
@click.option("--grep", metavar="REGEX", help="Only lines matching REGEX (Rust regex syntax, matched in linear time), prefixed with their original line numbers.")
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
    from hr.expand import request, spans
    from hr.store.objects import HashError, Store

    store = Store()
    with cache_errors(store.root):
        try:
            out = request.expand(hash, lines=lines_, grep=grep, context=context, ignore_case=ignore_case, head=head,
                                 tail=tail, symbol=symbol, items=items, store=store)
        except HashError as exc:
            fail(str(exc))
        except (spans.SpanError, ValueError) as exc:
            fail(f"expand: {exc}")
    write_stdout(out)


def team_store():
    """The configured team store, or a one-line error (exit 2)."""
    from hr.store import team

    shared = team.from_env()
    if shared is None:
        fail("no team store: set HR_STORE_URL=redis://host:port/db (see README, Team store)")
    if not shared.ok:
        fail(shared.error)
    return shared


@cli.command()
@click.option("--max-age-days", type=click.FloatRange(min=0), help="Remove originals unused for longer [default: $HR_CACHE_MAX_AGE_DAYS or 30].")
@click.option("--max-mb", type=click.FloatRange(min=0), help="Then remove the least recently used until the rest fits [default: $HR_CACHE_MAX_MB or 1024].")
@click.option("--dry-run", is_flag=True, help="Only say what would be removed.")
@click.option("--team", is_flag=True, help="Also trim the team store's event stream to --max-events (its originals expire by TTL).")
@click.option("--max-events", type=click.IntRange(min=0), default=None, help="With --team: events to keep [default: $HR_STORE_MAX_EVENTS or 1000000].")
def gc(max_age_days, max_mb, dry_run, team, max_events):
    """Collect old originals from the cache.

    hr also does this by itself about once a day, with the defaults.

    \b
    Example:
      hr gc --max-age-days 7 --max-mb 200
    """
    from hr.store.objects import Store, collection_limits

    if team:
        from hr.store.team import TeamStoreError

        shared = team_store()
        keep = shared.max_events if max_events is None else max_events
        if dry_run:
            click.echo(f"would trim the team event stream to {keep:,} events")
        else:
            try:
                click.echo(f"trimmed {shared.trim(keep):,} events from the team stream (kept at most {keep:,})")
            except TeamStoreError as exc:
                fail(str(exc))
    store = Store()
    with cache_errors(store.root):
        try:
            max_age_days, max_mb = collection_limits(max_age_days, max_mb)
            stored = store.check() and _has_objects(store)
            r = store.gc(max_age_days, max_mb, dry_run=dry_run) if stored else None
        except ValueError as exc:
            fail(f"gc: {exc}")
    if r is None:
        click.echo(f"nothing stored yet in {store.root}")
        return
    verb = "would remove" if dry_run else "removed"
    click.echo(f"{verb} {r.removed:,} originals ({r.freed_bytes / 1e6:.1f} MB); kept {r.kept:,} ({r.kept_bytes / 1e6:.1f} MB) in {store.root}")


def _has_objects(store) -> bool:
    """Whether anything was stored; an unreadable cache is an error (OSError), not an empty one."""
    try:
        os.listdir(store.objects)
        return True
    except FileNotFoundError:
        return False


from hr.cli import agents as agent_cli  # noqa: E402  (agent integration: hook, shell-init, install, doctor, mcp)
from hr.cli.learn import learn  # noqa: E402
from hr.cli.stats import stats  # noqa: E402

for _command in (stats, learn, agent_cli.hook, agent_cli.shell_init, agent_cli.install, agent_cli.doctor, agent_cli.mcp):
    cli.add_command(_command)

from hr.cli.proxy import proxy as _proxy  # noqa: E402  (imports nothing of aiohttp until it runs)

cli.add_command(_proxy)
