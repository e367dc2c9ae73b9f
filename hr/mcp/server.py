"""The MCP server: three tools over stdio.

- hr_expand: the original behind a marker's hash, whole or one part of it (a line range, grep
  matches, JSON items, a code symbol);
- hr_stats: what hr saved, net of expansions;
- hr_compress: compress a text, or a file by path, optionally to a budget.

Every failure (a bad hash, a bad range, a missing file) is a tool error the client shows the
model (`isError: true`), never a crash of the server.
"""

from __future__ import annotations

import os

# hr_compress reads files up to this size: larger ones are refused rather than loaded whole
MAX_FILE_BYTES = 64 * 1024 * 1024


class ToolFailure(Exception):
    """An error the model should read (the SDK turns it into an isError result)."""


def expand(hash: str, lines: str | None = None, grep: str | None = None, items: str | None = None,
           symbol: str | None = None, context: int = 0) -> str:
    from hr.expand import request, spans
    from hr.store.objects import HashError

    try:
        out = request.expand(hash, lines=lines, grep=grep, context=context, items=items, symbol=symbol,
                             source="mcp")
    except (HashError, spans.SpanError, ValueError) as exc:
        raise ToolFailure(str(exc)) from None
    return out.decode("utf-8", "replace")


def stats(days: float | None = None) -> str:
    """`hr stats` itself (the report lives with its command), run as a child process so that a
    slow or failing ledger read stays a tool error."""
    import subprocess
    import sys

    args = [sys.executable, "-m", "hr", "stats"] + (["--days", repr(float(days))] if days is not None else [])
    try:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError) as exc:
        raise ToolFailure(f"hr stats did not run: {exc}") from None
    if proc.returncode != 0:
        raise ToolFailure(proc.stderr.strip() or f"hr stats exited with {proc.returncode}")
    return proc.stdout


def compress(text: str | None = None, path: str | None = None, budget: str | None = None, label: str | None = None) -> str:
    from hr.cli.options import parse_budget
    from hr.engine.api import compress as run
    from hr.engine.dispatch import Hint

    if (text is None) == (path is None):
        raise ToolFailure("give exactly one of text or path")
    if path is not None:
        data = _read_file(path)
        label = label or os.path.basename(path)
    else:
        data = text.encode("utf-8", "surrogateescape")
    hint = Hint(label=label)
    if budget is not None:
        try:
            unit, n = parse_budget(budget)
        except ValueError as exc:
            raise ToolFailure(str(exc)) from None
        if unit == "chars":
            hint.budget_chars = n
        else:
            hint.budget = n
    result = run(data, hint, source="mcp")
    return result.output.decode("utf-8", "replace")


def _read_file(path: str) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ToolFailure(f"cannot read {path!r}: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as f:
        import stat

        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ToolFailure(f"{path!r} is not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise ToolFailure(f"{path!r} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        return f.read(MAX_FILE_BYTES + 1)


def build():
    """The MCP server with hr's tools (mcp 2.x: MCPServer)."""
    from mcp.server.mcpserver import MCPServer
    from mcp.server.mcpserver.exceptions import ToolError

    from hr import __version__

    server = MCPServer("hr", version=__version__, instructions=(
        "hr compresses tool output and keeps every original. Markers like `[hr … hr expand 3f9a2c1b7d0e …]` "
        "name a hash: call hr_expand with it (and lines, grep, items or symbol) to read what was folded."))

    def tool_errors(fn):
        import functools

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except ToolFailure as exc:
                raise ToolError(str(exc)) from None
        return wrapper

    @server.tool(name="hr_expand", structured_output=False)
    @tool_errors
    def hr_expand(hash: str, lines: str | None = None, grep: str | None = None, items: str | None = None,
                  symbol: str | None = None, context: int = 0) -> str:
        """Bring back what an hr marker folded. `hash`: the hex digest in the marker (6+ digits).
        At most one of: `lines` "A-B" (1-based, inclusive), `grep` a regex (matching lines with
        their line numbers; `context` lines around each), `items` "A-B" or "/pointer:A-B" for JSON,
        `symbol` a function, method or class name for code. None of them: the whole original."""
        return expand(hash, lines=lines, grep=grep, items=items, symbol=symbol, context=context)

    @server.tool(name="hr_stats", structured_output=False)
    @tool_errors
    def hr_stats(days: float | None = None) -> str:
        """What hr saved (tokens in and out, net of expansions), optionally over the last `days`."""
        return stats(days)

    @server.tool(name="hr_compress", structured_output=False)
    @tool_errors
    def hr_compress(text: str | None = None, path: str | None = None, budget: str | None = None,
                    label: str | None = None) -> str:
        """Compress `text`, or the file at `path`, the way hr compresses tool output: nothing is
        lost (markers name the hash to expand). `budget`: N tokens or "Nc" characters."""
        return compress(text=text, path=path, budget=budget, label=label)

    return server


def main() -> int:
    build().run("stdio")
    return 0
