"""Render man/hr.1 from the click commands, so the man page can never drift from --help.

    python -m hr.cli.manpage > man/hr.1

tests/test_cli.py fails when the committed page differs from what this renders.
"""

from __future__ import annotations

import click

from hr import __version__

FILES = """\
.SH FILES
.TP
.I $HR_CACHE_DIR, $XDG_CACHE_HOME/headroom, ~/.cache/headroom
The cache (the first that is set): originals under \\fIobjects/\\fR (zstd, named by SHA\\-256),
the ledger \\fIledger.sqlite3\\fR (SQLite, WAL). Directories are 0700, files 0600.
.SH ENVIRONMENT
.TP
.B HR_CACHE_DIR
Where the cache lives.
.TP
.B HR_DISABLE=1
Pass everything through unchanged.
.TP
.B HR_CACHE_MAX_AGE_DAYS, HR_CACHE_MAX_MB
Limits for automatic collection (default 30 days, 1024 MB).
.TP
.B HR_DEBUG=1
Print internal errors to stderr (hr still passes its input through).
.SH EXIT STATUS
0 for the filter, whatever happens inside (hr fails open). \\fBhr run\\fR exits with the
command's status, 128+N when signal N killed it, 127 when it was not found. \\fBhr expand\\fR
exits 2 for an unknown, ambiguous or malformed hash.
"""


def esc(text: str) -> str:
    text = text.replace("\\", "\\\\").replace("-", "\\-")
    return "\n".join(("\\&" + line) if line.startswith((".", "'")) else line for line in text.splitlines())


def paragraphs(help_text: str) -> list[str]:
    """click help text to roff: `\\b` blocks stay as they are written (examples)."""
    import inspect

    out = []
    for block in inspect.cleandoc(help_text).split("\n\n"):
        if block.startswith("\b\n"):
            lines = block[2:].splitlines()
            out.append(".PP\n" + lines[0].strip() + "\n.nf\n.RS\n" + esc("\n".join(ln.strip() for ln in lines[1:])) + "\n.RE\n.fi")
        else:
            out.append(".PP\n" + esc(" ".join(ln.strip() for ln in block.splitlines())))
    return out


def options(cmd: click.Command, ctx: click.Context) -> list[str]:
    out = []
    for param in cmd.get_params(ctx):
        if isinstance(param, click.Argument):
            continue  # shown in the usage line
        record = param.get_help_record(ctx)
        if record is None:
            continue
        spec, help_text = record
        out.append(f".TP\n.B {esc(spec)}\n{esc(help_text)}")
    return out


def commands(group: click.Group, ctx: click.Context, prefix: str) -> list[str]:
    """Every subcommand, depth first, nested groups included (`hr install claude`)."""
    parts = []
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        sub = click.Context(cmd, info_name=name, parent=ctx, **cmd.context_settings)
        parts.append(f".SS {prefix} {name} {esc(' '.join(cmd.collect_usage_pieces(sub)))}")
        parts.extend(paragraphs(cmd.help or ""))
        parts.extend(options(cmd, sub))
        if isinstance(cmd, click.Group):
            parts.extend(commands(cmd, sub, f"{prefix} {name}"))
    return parts


def render(group: click.Group) -> str:
    ctx = click.Context(group, info_name="hr", **group.context_settings)
    parts = [
        f'.TH HR 1 "" "hr {__version__}" "User Commands"',
        ".SH NAME",
        "hr \\- compress tool output for coding agents, without losing or inventing anything",
        ".SH SYNOPSIS",
        f".B hr\n{esc(' '.join(group.collect_usage_pieces(ctx)))}",
        ".SH DESCRIPTION",
        *paragraphs(group.help or ""),
        ".SH OPTIONS",
        *options(group, ctx),
        ".SH COMMANDS",
    ]
    parts.extend(commands(group, ctx, "hr"))
    parts.append(FILES.rstrip())
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    from hr.cli.main import cli

    click.echo(render(cli), nl=False)
