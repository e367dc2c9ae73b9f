"""`hr install claude|codex|gemini|shell`: wire hr into an agent, and undo it.

Every installer is idempotent (running it twice changes nothing the second time), keeps what
the user had (other hooks, other settings, other lines), backs a file up before changing it
and can show the change instead of making it (`dry_run`). What hr adds is recognisable, so
`--uninstall` removes exactly that.
"""

from __future__ import annotations

import difflib
import json
import os
import shlex
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

EXPAND_RULE = "Bash(hr expand:*)"
# PostToolUse tools whose results hr compresses (Read only with --read: agents edit from it).
POST_MATCHER_READ = "Bash|Grep|Glob|WebFetch|Read|mcp__.*"
RC_MARK = "# added by `hr install shell`"
CODEX_BEGIN = "# >>> hr (added by `hr install codex`) >>>"
CODEX_END = "# <<< hr <<<"
CODEX_ZSH_MARK = "# added by `hr install codex`"


@dataclass
class Change:
    """One file an installer wants to write."""

    path: Path
    old: str | None  # None: the file does not exist
    new: str | None  # None: remove the file
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.old != self.new

    def diff(self) -> str:
        a = (self.old or "").splitlines(keepends=True)
        b = (self.new or "").splitlines(keepends=True)
        return "".join(difflib.unified_diff(a, b, f"{self.path} (now)", f"{self.path} (after)"))


def apply(change: Change) -> Path | None:
    """Write a change, backing up the old file first. Returns the backup's path."""
    if not change.changed:
        return None
    backup = None
    if change.old is not None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        backup = change.path.with_name(f"{change.path.name}.hr-backup-{stamp}")
        n = 1
        while backup.exists():  # never overwrite an earlier backup (two runs in one second)
            n += 1
            backup = change.path.with_name(f"{change.path.name}.hr-backup-{stamp}-{n}")
        shutil.copy2(change.path, backup)
    if change.new is None:
        change.path.unlink(missing_ok=True)
        return backup
    change.path.parent.mkdir(parents=True, exist_ok=True)
    tmp = change.path.with_name(f".{change.path.name}.hr-tmp")
    tmp.write_text(change.new)
    if change.old is not None:
        shutil.copymode(change.path, tmp)
    os.replace(tmp, change.path)
    return backup


def hr_command() -> str:
    """How hooks and rc files call hr: by the absolute path of this hr where it is known."""
    from hr.agents.self_path import hr_path

    return hr_path() or "hr"


def _read(path: Path) -> str | None:
    try:
        return path.read_text()
    except FileNotFoundError:
        return None


# --- Claude Code -------------------------------------------------------------------------------

def claude_settings_path(scope: str, home: Path | None = None, project: Path | None = None) -> Path:
    if scope == "user":
        base = Path(os.environ["CLAUDE_CONFIG_DIR"]) if os.environ.get("CLAUDE_CONFIG_DIR") else (home or Path.home()) / ".claude"
        return base / "settings.json"
    if scope == "local":
        return (project or Path.cwd()) / ".claude" / "settings.local.json"
    return (project or Path.cwd()) / ".claude" / "settings.json"


def is_hr_hook(hook: dict, agent: str = "claude") -> bool:
    """Whether a hook entry is one `hr install AGENT` wrote (any hr path, any options)."""
    try:
        words = shlex.split(str(hook.get("command", "")))
    except ValueError:
        return False
    return len(words) >= 3 and os.path.basename(words[0]) == "hr" and words[1:3] == ["hook", agent]


def hook_groups(template: str, command: str) -> dict:
    """A hooks template from shell/ (event -> matcher groups) with hr's hook command filled in."""
    from hr.agents import templates

    groups = json.loads(templates.read(template))
    for event_groups in groups.values():
        for group in event_groups:
            for hook in group["hooks"]:
                hook["command"] = command
    return groups


def _add_hooks(settings: dict, groups: dict) -> None:
    hooks = settings.setdefault("hooks", {})
    for event, event_groups in groups.items():
        hooks.setdefault(event, []).extend(event_groups)


def _load_settings(path: Path, old: str | None) -> dict:
    try:
        settings = json.loads(old) if old and old.strip() else {}
    except ValueError as exc:
        raise SystemExit(f"hr: {path} is not valid JSON ({exc}); fix it first, nothing was changed")
    if not isinstance(settings, dict):
        raise SystemExit(f"hr: {path} does not hold a JSON object; nothing was changed")
    return json.loads(json.dumps(settings))


def _settings_change(path: Path, old: str | None, settings: dict, notes: list[str]) -> Change:
    new = json.dumps(settings, indent=2) + "\n" if settings or old is not None else None
    if new is not None and old is not None and json.loads(old or "{}") == settings:
        new = old  # same content: leave the user's formatting alone
    return Change(path, old, new, notes)


def _without_hr(settings: dict, agent: str = "claude") -> dict:
    hooks = settings.get("hooks")
    if isinstance(hooks, dict):
        for event in list(hooks):
            groups = hooks[event]
            if not isinstance(groups, list):
                continue
            kept = []
            for group in groups:
                if isinstance(group, dict) and isinstance(group.get("hooks"), list):
                    inner = [h for h in group["hooks"] if not (isinstance(h, dict) and is_hr_hook(h, agent))]
                    if not inner and group["hooks"]:
                        continue  # the group held only hr's hook
                    group = {**group, "hooks": inner}
                kept.append(group)
            if kept:
                hooks[event] = kept
            else:
                del hooks[event]
        if not hooks:
            del settings["hooks"]
    return settings


def claude_change(path: Path, *, uninstall: bool = False, read: bool = False, allow_expand: bool = True,
                  hr: str | None = None, mcp: bool = False) -> Change:
    old = _read(path)
    settings = _without_hr(_load_settings(path, old))
    notes: list[str] = []
    perms = settings.get("permissions") if isinstance(settings.get("permissions"), dict) else None
    ours = (EXPAND_RULE, *MCP_ALLOW)
    if uninstall:
        if perms and isinstance(perms.get("allow"), list) and set(ours) & set(perms["allow"]):
            perms["allow"] = [r for r in perms["allow"] if r not in ours]
            if not perms["allow"]:
                del perms["allow"]
            if not perms:
                del settings["permissions"]
    else:
        command = f"{shlex.quote(hr or hr_command())} hook claude" + (" --read" if read else "")
        groups = hook_groups("claude-hooks.json", command)
        if read:
            groups["PostToolUse"][0]["matcher"] = POST_MATCHER_READ
        _add_hooks(settings, groups)
        if allow_expand:
            perms = settings.setdefault("permissions", {}) if perms is None else perms
            allow = perms.setdefault("allow", [])
            for rule in (EXPAND_RULE, *(MCP_ALLOW if mcp else ())):
                if rule not in allow:
                    allow.append(rule)
                    notes.append(f"permissions.allow gets {rule}, so that expansions do not prompt")
        else:
            notes.append(f'consider allowing "{EXPAND_RULE}" in permissions.allow so that expansions do not prompt')
    return _settings_change(path, old, settings, notes)


# --- Gemini CLI ----------------------------------------------------------------------------------

def gemini_settings_path(home: Path) -> Path:
    return home / ".gemini" / "settings.json"


def gemini_change(path: Path, *, uninstall: bool = False, hr: str | None = None, mcp: bool = False) -> Change:
    """BeforeTool and AfterTool hooks on the shell tool (shell/gemini-hooks.json)."""
    old = _read(path)
    settings = _without_hr(_load_settings(path, old), "gemini")
    servers = settings.get("mcpServers")
    if isinstance(servers, dict) and "hr" in servers:
        del servers["hr"]
        if not servers:
            del settings["mcpServers"]
    notes: list[str] = []
    if not uninstall:
        hr = hr or hr_command()
        _add_hooks(settings, hook_groups("gemini-hooks.json", f"{shlex.quote(hr)} hook gemini"))
        notes.append("hooks: BeforeTool and AfterTool on run_shell_command run `hr hook gemini`")
        if mcp:
            entry = mcp_server_entry(hr)
            settings.setdefault("mcpServers", {})["hr"] = {"command": entry["command"], "args": entry["args"]}
            notes.append("mcpServers.hr: the hr MCP server")
    return _settings_change(path, old, settings, notes)


# --- the MCP server, registered with Claude Code ----------------------------------------------
# Claude Code reads MCP servers from ~/.claude.json (user scope, and per project under
# "projects" for local scope) and from .mcp.json (project scope, shared with the team).
MCP_ALLOW = ("mcp__hr__hr_expand", "mcp__hr__hr_stats")  # hr_compress reads files: left to the user


def claude_mcp_path(scope: str, home: Path | None = None, project: Path | None = None) -> Path:
    if scope == "project":
        return (project or Path.cwd()) / ".mcp.json"
    base = Path(os.environ["CLAUDE_CONFIG_DIR"]) if os.environ.get("CLAUDE_CONFIG_DIR") else (home or Path.home())
    return base / ".claude.json"


def mcp_server_entry(hr: str | None = None) -> dict:
    return {"type": "stdio", "command": hr or hr_command(), "args": ["mcp"], "env": {}}


def claude_mcp_change(path: Path, *, scope: str, uninstall: bool = False, hr: str | None = None,
                      project: Path | None = None) -> Change:
    old = _read(path)
    data = _load_settings(path, old)
    holder = data
    if scope == "local":
        key = str(project or Path.cwd())
        holder = data.setdefault("projects", {}).setdefault(key, {}) if not uninstall else \
            (data.get("projects") or {}).get(key) or {}
    servers = holder.get("mcpServers")
    if uninstall:
        if isinstance(servers, dict) and "hr" in servers:
            del servers["hr"]
    else:
        holder.setdefault("mcpServers", {})["hr"] = mcp_server_entry(hr)
    if uninstall and old is not None and json.loads(old or "{}") == data:
        return Change(path, old, old)
    new = json.dumps(data, indent=2) + "\n"
    if old is not None and json.loads(old or "{}") == data:
        new = old
    if old is None and uninstall:
        new = None
    return Change(path, old, new, [] if uninstall else [f"mcpServers.hr: `{mcp_server_entry(hr)['command']} mcp`"])


# --- shell rc files ----------------------------------------------------------------------------

def rc_files(home: Path) -> dict[str, Path]:
    return {
        "bash": home / ".bashrc",
        "zsh": Path(os.environ.get("ZDOTDIR") or home) / ".zshrc",
        "fish": Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config") / "fish" / "conf.d" / "hr.fish",
    }


def init_line(shell: str, hr: str | None = None) -> str:
    hr = shlex.quote(hr or hr_command())
    if shell == "fish":
        return f"{hr} shell-init fish | source  {RC_MARK}"
    return f'eval "$({hr} shell-init {shell})"  {RC_MARK}'


def shell_change(shell: str, path: Path, *, uninstall: bool = False, hr: str | None = None) -> Change:
    old = _read(path)
    lines = [l for l in (old or "").splitlines(keepends=True) if RC_MARK not in l]
    if not uninstall:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        lines.append(init_line(shell, hr) + "\n")
    new = "".join(lines)
    if old is None and not new:
        new = None
    if shell == "fish" and uninstall and not new:
        new = None  # the conf.d file is ours alone
    return Change(path, old, new)


# --- Codex CLI ---------------------------------------------------------------------------------
# Codex's hooks (shell/codex.toml) rewrite noisy commands to `hr run` and replace outputs Codex
# would cut; hr records Codex's trust for them (hr.agents.codex). The sandbox of an ordinary
# session may write only the workspace, so hr's cache is added to its writable roots. The shell
# wrappers stay as a fallback: Codex runs commands with `bash -lc`, which sources $BASH_ENV, and
# `shell_environment_policy.set` puts variables into that shell's environment.

def codex_home(home: Path) -> Path:
    return Path(os.environ["CODEX_HOME"]) if os.environ.get("CODEX_HOME") else home / ".codex"


def codex_bash_env(home: Path) -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config") / "hr" / "codex-bash-env.sh"


def _toml_str(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid TOML basic string


def codex_changes(home: Path, *, uninstall: bool = False, hr: str | None = None, mcp: bool = False) -> list[Change]:
    import tomllib

    from hr.agents import codex, templates
    from hr.store.objects import cache_dir

    config = codex_home(home) / "config.toml"
    env_file = codex_bash_env(home)
    zshenv = Path(os.environ.get("ZDOTDIR") or home) / ".zshenv"
    old = _read(config)
    text = _strip_block(old or "")
    if uninstall:
        # nothing but hr's block in it (hr created it): remove the file
        return [Change(config, old, text if old is not None and text.strip() else None), Change(env_file, _read(env_file), None),
                _zshenv_change(zshenv, uninstall=True, hr=hr)]
    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SystemExit(f"hr: {config} is not valid TOML ({exc}); nothing was changed")
    hr = hr or hr_command()
    hook = f"{shlex.quote(hr)} hook codex"
    hooks = templates.read("codex.toml").replace("@HOOK@", _toml_str(hook)[1:-1])
    notes = [f"hooks: PreToolUse and PostToolUse on Bash run `{hook}`; their trust is recorded the way Codex "
             "records it (hooks.state), so there is nothing to approve"]
    parts = [hooks.rstrip("\n") + "\n"]
    for key, digest in codex.trust_entries(str(config), parsed, tomllib.loads(hooks)):
        parts.append(f"\n[hooks.state.{_toml_str(key)}]\ntrusted_hash = {_toml_str(digest)}\n")
    cache = cache_dir()
    if "writable_roots" in (parsed.get("sandbox_workspace_write") or {}):
        notes.append(f"add {cache} to sandbox_workspace_write.writable_roots yourself, so that `hr run` "
                     "can keep originals from inside the sandbox")
    else:
        parts.append(f"\n[sandbox_workspace_write]\nwritable_roots = [{_toml_str(cache)}]\n")
        notes.append(f"sandbox_workspace_write.writable_roots gets {cache}: hr's cache, written from inside the sandbox")
    if "set" in (parsed.get("shell_environment_policy") or {}):
        notes.append(f"shell wrappers (fallback) not enabled: shell_environment_policy.set exists; add BASH_ENV = "
                     f"{_toml_str(str(env_file))} and HR_AGENT = \"1\" to it yourself")
        shims = False
    else:
        budget = f"{codex.budget_chars()}c"
        parts.append(f"\n[shell_environment_policy.set]\nBASH_ENV = {_toml_str(str(env_file))}\nHR_AGENT = \"1\"\n"
                     f"HR_BUDGET = {_toml_str(budget)}\n")
        shims = True
    if mcp:
        parts.append(f"\n[mcp_servers.hr]\ncommand = {_toml_str(hr)}\nargs = [\"mcp\"]\n")
        notes.append("mcp_servers.hr: the hr MCP server (hr_expand, hr_stats, hr_compress)")
    block = CODEX_BEGIN + "\n" + "".join(parts) + CODEX_END + "\n"
    if text and not text.endswith("\n"):
        text += "\n"
    # tables must come after the top-level keys: append at the end
    new = text + ("\n" if text.strip() else "") + block
    try:
        tomllib.loads(new)
    except tomllib.TOMLDecodeError as exc:
        raise SystemExit(f"hr: cannot add hr's hooks to {config} as it is written ({exc}); nothing was changed. "
                         f"Add this yourself:\n{block}")
    changes = [Change(config, old, new, notes)]
    if shims:
        env_text = f'# sourced by the bash that Codex runs commands in (hr install codex)\n{init_line("bash", hr)}\n'
        changes.append(Change(env_file, _read(env_file), env_text))
        if zshenv.exists() or os.path.basename(os.environ.get("SHELL", "")) == "zsh":
            changes.append(_zshenv_change(zshenv, uninstall=False, hr=hr))
    return changes


def _zshenv_change(path: Path, *, uninstall: bool, hr: str | None) -> Change:
    """zsh ignores BASH_ENV; every zsh reads ~/.zshenv, so the line goes there, guarded so that
    only a shell Codex started (HR_AGENT=1 from its policy) loads the wrappers."""
    old = _read(path)
    lines = [l for l in (old or "").splitlines(keepends=True) if CODEX_ZSH_MARK not in l]
    if not uninstall:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        init = init_line("zsh", hr).replace(f"  {RC_MARK}", "")
        lines.append(f'[ "${{HR_AGENT:-}}" = 1 ] && {init}  {CODEX_ZSH_MARK}\n')
    new = "".join(lines)
    return Change(path, old, None if old is None and not new else new)


def _strip_block(text: str) -> str:
    out, inside = [], False
    for line in text.splitlines(keepends=True):
        if line.startswith(CODEX_BEGIN):
            inside = True
            continue
        if inside:
            if line.startswith(CODEX_END):
                inside = False
            continue
        out.append(line)
    result = "".join(out)
    return result.rstrip("\n") + "\n" if result.strip() else ""
