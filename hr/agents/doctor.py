"""`hr doctor`: what is installed, and does it work."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import time
from pathlib import Path
from typing import Callable

OK, WARN, BAD = "ok  ", "warn", "FAIL"


def run(echo: Callable[[str], None]) -> int:
    """Print one line per check, then a verdict that counts failures and warnings. The exit
    status is 1 when something failed, else 0."""
    counts = {BAD: 0, WARN: 0}

    def say(level: str, text: str) -> None:
        if level in counts:
            counts[level] += 1
        echo(f"[{level}] {text}")

    from hr import __version__
    from hr.agents import install

    hr = install.hr_command()
    say(OK, f"hr {__version__} at {hr}")
    try:
        from hr.engine import core

        core.estimate_tokens(b"x")
        say(OK, "native core loads")
    except Exception as exc:  # noqa: BLE001
        say(BAD, f"native core does not load: {exc}")
    _check_cache(say)
    _check_team(say)
    on_path = shutil.which("hr")
    if on_path:
        say(OK, f"`hr` is on PATH ({on_path}): agents can run `hr expand`")
    else:
        say(WARN, "`hr` is not on PATH: agents cannot run the `hr expand` that markers suggest")
    if os.environ.get("HR_DISABLE") == "1":
        say(WARN, "HR_DISABLE=1 is set: hr changes nothing")

    home = Path.home()
    claude_found = False
    for scope in ("user", "project", "local"):
        path = install.claude_settings_path(scope)
        commands = _claude_hooks(path)
        if commands is None:
            continue
        claude_found = True
        for event, command in commands:
            try:
                exe = shlex.split(command)[0]
            except (ValueError, IndexError):
                exe = command
            if os.access(exe, os.X_OK) or shutil.which(exe):
                say(OK, f"Claude Code {event} hook in {path}")
            else:
                say(BAD, f"Claude Code {event} hook in {path} runs {exe}, which does not exist (reinstall: hr install claude)")
    if claude_found:
        _check_hook(say, hr)
    else:
        say(WARN, "Claude Code hooks not installed (hr install claude)")

    for shell, rc in install.rc_files(home).items():
        text = rc.read_text() if rc.exists() else ""
        if install.RC_MARK in text:
            say(OK, f"{shell} shims enabled in {rc}")
    codex = install.codex_home(home) / "config.toml"
    codex_text = codex.read_text() if codex.exists() else ""
    if install.CODEX_BEGIN in codex_text:
        trusted = codex_text.count("trusted_hash = ") >= 2 and " hook codex" in codex_text
        say(OK if trusted else BAD, f"Codex CLI hooks in {codex}" + ("" if trusted else
            " are incomplete (reinstall: hr install codex)"))
        env_file = install.codex_bash_env(home)
        if "BASH_ENV" in codex_text:
            say(OK if env_file.exists() else BAD, f"Codex CLI: shims through BASH_ENV={env_file}")
    gemini = _hr_hook_commands(install.gemini_settings_path(home), "gemini")
    if gemini:
        say(OK, f"Gemini CLI hooks in {install.gemini_settings_path(home)} ({', '.join(sorted({e for e, _ in gemini}))})")
    _check_shims(say, hr)
    echo(verdict(counts[BAD], counts[WARN]))
    return 1 if counts[BAD] else 0


def verdict(failures: int, warnings: int) -> str:
    if not failures and not warnings:
        return "all good"
    parts = [f"{failures} failure(s)"] if failures else []
    parts += [f"{warnings} warning(s)"] if warnings else []
    return ", ".join(parts) + (": hr does not work as installed" if failures else ": hr works, see the warnings above")


def _check_cache(say) -> None:
    from hr.store.objects import CacheError, Store, safe_dir

    store = Store()
    try:
        safe_dir(store.root)
        probe = os.path.join(store.root, f".doctor-{os.getpid()}")
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600))
        os.unlink(probe)
        say(OK, f"cache writable: {store.root}")
    except CacheError as exc:
        say(BAD, f"cache refused: {exc}")
    except OSError as exc:
        say(BAD, f"cache not writable: {store.root}: {exc.strerror or exc}")


def _check_team(say) -> None:
    from hr.store import team

    shared = team.from_env()
    if shared is None:
        return
    where = team.redact_url(shared.url)
    if not shared.ok:  # the URL itself is wrong: nothing will ever reach the team store
        say(BAD, shared.error)
        return
    try:
        say(OK, f"team store {where} answers in {shared.ping_ms():.1f} ms (prefix {shared.prefix!r})")
    except team.TeamStoreError as exc:
        say(WARN, f"{exc}; hr carries on with the local store alone")


def _claude_hooks(path: Path) -> list[tuple[str, str]] | None:
    return _hr_hook_commands(path, "claude")


def _hr_hook_commands(path: Path, agent: str) -> list[tuple[str, str]] | None:
    """(event, command) of each hook `hr install AGENT` wrote into a JSON settings file."""
    from hr.agents.install import is_hr_hook

    try:
        settings = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    found = []
    for event, groups in (settings.get("hooks") or {}).items():
        for group in groups if isinstance(groups, list) else []:
            for h in group.get("hooks", []) if isinstance(group, dict) else []:
                if isinstance(h, dict) and is_hr_hook(h, agent):
                    found.append((event, h["command"]))
    return found or None


def _time_hook(hr: str, event: dict) -> tuple[float, str]:
    started = time.perf_counter()
    out = subprocess.run([hr, "hook", "claude"], input=json.dumps(event).encode(), capture_output=True, timeout=30)
    return (time.perf_counter() - started) * 1000, out.stdout.decode()


def _check_hook(say, hr: str) -> None:
    """Feed the installed hook a large and a small Bash result, as Claude Code would."""
    big = "".join(f"INFO worker request handled id={i}\n" for i in range(3000))

    def event(stdout: str) -> dict:
        return {"hook_event_name": "PostToolUse", "tool_name": "Bash", "tool_input": {"command": "cat app.log"},
                "tool_response": {"stdout": stdout, "stderr": "", "interrupted": False, "isImage": False}}

    try:
        ms, out = _time_hook(hr, event(big))
        from hr.engine.dispatch import RESTORE_HINT

        ok = bool(RESTORE_HINT.search(out)) and "updatedToolOutput" in out
        say(OK if ok else BAD, f"hook compresses a large Bash result ({ms:.0f} ms)")
        ms, out = _time_hook(hr, event("a\n"))
        say(OK if not out else BAD, f"hook leaves small output alone ({ms:.0f} ms)")
    except (OSError, subprocess.SubprocessError) as exc:
        say(BAD, f"hook does not run: {exc}")


def _check_shims(say, hr: str) -> None:
    bash = shutil.which("bash")
    if not bash:
        return
    script = (f'eval "$({shlex.quote(hr)} shell-init bash)"; HR_AGENT=1; '
              'test "$(type -t cat)" = function && n=$(seq 1 3 | cat | wc -l) && test "$n" = 3')
    ok = subprocess.run([bash, "--norc", "-c", script], capture_output=True, timeout=30).returncode == 0
    say(OK if ok else BAD, "bash shims load and leave pipelines alone")
