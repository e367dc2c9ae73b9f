"""CLI commands that wire hr into agents: `hr hook`, `hr shell-init`, `hr install`, `hr doctor`.

`hr hook claude` and `hr shell-init SHELL` are answered by hr.entry before click is loaded
(they run on every tool call and at every shell start); the commands here give them --help
and handle the rare invocations that get this far.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.group()
def hook():
    """Agent hook handlers (read the hook's JSON on stdin)."""


@hook.command("claude")
@click.option("--read", is_flag=True, help="Also compress large Read results (off by default: agents edit from them, "
              "and the line numbers the client shows after a marker no longer match the file).")
def hook_claude(read):
    """Claude Code PreToolUse/PostToolUse hook. Installed by `hr install claude`.

    PreToolUse on Bash rewrites noisy commands to run under `hr run` with a budget that fits
    Claude Code's inline limit (BASH_MAX_OUTPUT_LENGTH, default 30000 characters); only
    commands Claude Code would have run without asking, so no prompt is added or skipped.
    PostToolUse replaces large Bash, Grep, Glob, WebFetch and MCP results with their
    compressed form. Whatever goes wrong, it exits 0 with no output.
    """
    from hr.agents.claude import main

    sys.exit(main())


@hook.command("codex")
def hook_codex():
    """Codex CLI PreToolUse/PostToolUse hook. Installed by `hr install codex`.

    PreToolUse on Bash rewrites noisy commands to run under `hr run` with a budget below
    Codex's output cap (tool_output_token_limit, default 10000 tokens), only where Codex would
    have run the command without asking. PostToolUse replaces an output that Codex would cut
    and that could not be rewritten. Whatever goes wrong, it exits 0 with no output.
    """
    from hr.agents.codex import main

    sys.exit(main())


@hook.command("gemini")
def hook_gemini():
    """Gemini CLI BeforeTool/AfterTool hook on run_shell_command. Installed by `hr install gemini`.

    BeforeTool rewrites noisy commands to run under `hr run` with a budget below Gemini's
    truncation threshold (tools.truncateToolOutputThreshold, default 40000 characters), only
    when Gemini runs in YOLO mode (it runs every command unasked). AfterTool replaces the
    Output part of a result that Gemini would cut. Whatever goes wrong, it exits 0 with no output.
    """
    from hr.agents.gemini import main

    sys.exit(main())


@click.command("shell-init")
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def shell_init(shell):
    """Print shell code that wraps noisy commands (cat, pytest, go test, …) in an agent's shell.

    \b
    Use it in a shell's rc file (or run `hr install shell`):
      eval "$(hr shell-init bash)"      # ~/.bashrc
      eval "$(hr shell-init zsh)"       # ~/.zshrc
      hr shell-init fish | source       # fish

    Wrapped commands compress only in an agent's shell (detected, or HR_AGENT=1) and only when
    their output goes straight to the agent: in a pipeline, a redirect or $(…) they behave
    exactly as without hr. Exit status and stderr are always kept. HR_DISABLE=1 turns it off;
    HR_WRAP="-cat,terraform plan" removes or adds commands; HR_BUDGET=20000c sets a budget.
    """
    from hr.agents.shell_init import main

    sys.exit(main(shell))


@click.command("mcp")
def mcp():
    """Run hr as an MCP server on stdio (tools: hr_expand, hr_stats, hr_compress).

    \b
    Needs the optional extra: pip install 'hr[mcp]'. Register it with an agent:
      hr install claude --mcp           # Claude Code
      hr install codex --mcp            # Codex CLI
    """
    from hr.mcp.server import main

    try:
        import mcp as _sdk  # noqa: F401
    except ImportError:
        raise click.ClickException("the MCP server needs the `mcp` package: pip install 'hr[mcp]'")
    sys.exit(main())


def _show_or_apply(changes, dry_run: bool) -> None:
    from hr.agents.install import apply

    for change in changes:
        for note in change.notes:
            click.echo(f"note: {note}")
        if not change.changed:
            click.echo(f"{change.path}: already up to date")
            continue
        if dry_run:
            click.echo(change.diff() or f"{change.path}: would be removed", nl=False)
            continue
        backup = apply(change)
        what = "removed" if change.new is None else "updated"
        click.echo(f"{change.path}: {what}" + (f" (backup: {backup})" if backup else ""))


uninstall_option = click.option("--uninstall", is_flag=True, help="Remove what hr added (and only that).")
dry_run_option = click.option("--dry-run", is_flag=True, help="Show the change as a diff; write nothing.")
proxy_option = click.option("--proxy", is_flag=True, help="Instead: send the agent's API requests through `hr proxy`.")
proxy_url_option = click.option("--proxy-url", default="http://127.0.0.1:8787", show_default=True, metavar="URL", help="With --proxy: where hr proxy listens.")


@click.group()
def install():
    """Wire hr into an agent: Claude Code, Codex CLI, Gemini CLI, shell shims."""


@install.command("claude")
@click.option("--user", "scope", flag_value="user", default=True, help="~/.claude/settings.json (default): every project.")
@click.option("--project", "scope", flag_value="project", help=".claude/settings.json of this project (shared with the team).")
@click.option("--local", "scope", flag_value="local", help=".claude/settings.local.json of this project (yours only).")
@click.option("--read", is_flag=True, help="Also compress large Read results (agents edit from them, and the line "
              "numbers the client shows after a marker no longer match the file: opt in knowingly).")
@click.option("--no-allow-expand", is_flag=True, help="Do not add the permission rule Bash(hr expand:*).")
@click.option("--mcp", is_flag=True, help="Also register the hr MCP server (hr_expand, hr_stats, hr_compress) "
              "in ~/.claude.json (.mcp.json with --project).")
@proxy_option
@proxy_url_option
@uninstall_option
@dry_run_option
def install_claude(scope, read, no_allow_expand, mcp, proxy, proxy_url, uninstall, dry_run):
    """Merge hr's hooks into Claude Code's settings.json.

    Adds a PreToolUse hook (Bash) and a PostToolUse hook (Bash, Grep, Glob, WebFetch, MCP
    tools) that run `hr hook claude`, and allows `Bash(hr expand:*)` so that the model can
    fetch what was folded without a prompt. Keeps every other setting and hook, backs the file
    up before changing it, and does nothing when it is already installed.

    \b
    Examples:
      hr install claude                 # for every project
      hr install claude --dry-run       # show the diff only
      hr install claude --mcp           # also the MCP server
      hr install claude --uninstall     # undo
      hr install claude --proxy         # instead: API requests through hr proxy (ANTHROPIC_BASE_URL)
    """
    from hr.agents.install import claude_change, claude_mcp_change, claude_mcp_path, claude_settings_path

    path = claude_settings_path(scope)
    if proxy:
        from hr.proxy.install import claude_proxy_change

        _show_or_apply([claude_proxy_change(path, url=proxy_url, uninstall=uninstall)], dry_run)
        return
    # a project's settings.json is shared: name hr by PATH rather than by this machine's path
    hr = "hr" if scope == "project" else None
    changes = [claude_change(path, uninstall=uninstall, read=read, allow_expand=not no_allow_expand, hr=hr, mcp=mcp)]
    mcp_path = claude_mcp_path(scope)
    if mcp or (uninstall and mcp_path.exists()):
        changes.append(claude_mcp_change(mcp_path, scope=scope, uninstall=uninstall, hr=hr))
    _show_or_apply(changes, dry_run)
    if not dry_run:
        click.echo("Claude Code sessions started from now on " + ("run without hr." if uninstall else
                   "get compressed output. Check with: hr doctor. Undo with: hr install claude --uninstall"
                   + ("" if scope == "user" else f" --{scope}")))


@install.command("shell")
@click.option("--shell", "shells", multiple=True, type=click.Choice(["bash", "zsh", "fish"]),
              help="Which shell's rc file (repeatable) [default: those whose rc file exists, and $SHELL].")
@uninstall_option
@dry_run_option
def install_shell(shells, uninstall, dry_run):
    """Add the `hr shell-init` line to your shells' rc files (~/.bashrc, ~/.zshrc, fish conf.d)."""
    import os

    from hr.agents.install import rc_files, shell_change

    files = rc_files(Path.home())
    if not shells:
        login = os.path.basename(os.environ.get("SHELL", ""))
        shells = [s for s, p in files.items() if p.exists() or s == login] or ["bash"]
    _show_or_apply([shell_change(s, files[s], uninstall=uninstall) for s in shells], dry_run)


@install.command("codex")
@click.option("--mcp", is_flag=True, help="Also register the hr MCP server (hr_expand, hr_stats, hr_compress).")
@proxy_option
@proxy_url_option
@uninstall_option
@dry_run_option
def install_codex(mcp, proxy, proxy_url, uninstall, dry_run):
    """Add hr's hooks to Codex CLI's config.toml ($CODEX_HOME, else ~/.codex).

    \b
    - PreToolUse and PostToolUse hooks on Bash running `hr hook codex`, with Codex's hook trust
      recorded for them (hooks.state), so that Codex runs them without a review prompt;
    - hr's cache in sandbox_workspace_write.writable_roots, so that `hr run` keeps originals
      from inside the workspace-write sandbox;
    - the shell wrappers as a fallback, through shell_environment_policy.set.BASH_ENV.

    \b
    Examples:
      hr install codex --dry-run        # show the diff only
      hr install codex --mcp            # also the MCP server
      hr install codex --uninstall      # undo all of it
      hr install codex --proxy          # instead: a model provider through hr proxy
    """
    if proxy:
        from hr.agents.install import codex_home
        from hr.proxy.install import codex_proxy_change

        config = codex_home(Path.home()) / "config.toml"
        _show_or_apply([codex_proxy_change(config, url=proxy_url, uninstall=uninstall)], dry_run)
        return
    from hr.agents.install import codex_changes

    _show_or_apply(codex_changes(Path.home(), uninstall=uninstall, mcp=mcp), dry_run)
    if not dry_run and not uninstall:
        from hr.store.objects import cache_dir, safe_dir

        try:
            safe_dir(cache_dir())  # a writable root must exist when Codex starts
        except OSError as exc:
            click.echo(f"note: could not create the cache {cache_dir()}: {exc}")
        click.echo("Codex sessions started from now on get compressed output. Check with: hr doctor. "
                   "Undo with: hr install codex --uninstall")


@install.command("gemini")
@click.option("--mcp", is_flag=True, help="Also register the hr MCP server (hr_expand, hr_stats, hr_compress).")
@uninstall_option
@dry_run_option
def install_gemini(mcp, uninstall, dry_run):
    """Merge hr's hooks into Gemini CLI's ~/.gemini/settings.json.

    Adds BeforeTool and AfterTool hooks on run_shell_command that run `hr hook gemini`; keeps
    every other setting and hook, backs the file up before changing it.

    \b
    Examples:
      hr install gemini --dry-run       # show the diff only
      hr install gemini --mcp           # also the MCP server
      hr install gemini --uninstall     # undo
    """
    from hr.agents.install import gemini_change, gemini_settings_path

    _show_or_apply([gemini_change(gemini_settings_path(Path.home()), uninstall=uninstall, mcp=mcp)], dry_run)
    if not dry_run and not uninstall:
        click.echo("Gemini CLI sessions started from now on get compressed output. Undo with: hr install gemini --uninstall")


@click.command()
def doctor():
    """Say what is installed and whether it works."""
    from hr.agents.doctor import run

    sys.exit(run(click.echo))
