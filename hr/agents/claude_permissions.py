"""Would Claude Code have run this Bash command without asking?

A rewritten command is a different command to Claude Code's permission check: after
`pytest -q` becomes `hr run -- pytest -q`, a rule like `Bash(pytest:*)` no longer matches and
read-only commands (`cat`, `git log`) are no longer recognised as such, so the user would be
asked where they were not before. The hook therefore rewrites only commands that Claude Code
would have allowed as they were, and says so (`permissionDecision: allow`) for the rewrite.

The answer must never be "yes" where Claude Code would have asked or refused: every doubt
answers "no", and then the command runs unchanged. What is looked at:

- the permission mode of the session (from the hook event);
- allow, ask and deny rules from every settings file Claude Code reads (managed, user,
  project, local, `--settings`) and from the command line of the running client
  (`--allowedTools`, `--disallowedTools`);
- a small set of read-only commands that Claude Code runs without asking (checked against
  the real client in tests/e2e).
"""

from __future__ import annotations

import json
import os
import re

from hr.agents.client_process import client_argv as _client_argv
from hr.agents.rewrite import Simple, Unsupported, split

# (os.path rather than pathlib: this runs on every Bash call, and pathlib costs milliseconds)
MANAGED_SETTINGS = "/etc/claude-code/managed-settings.json"


# --- where the rules come from -----------------------------------------------------------------

def _settings_files(project: str | None) -> list[str]:
    config = os.environ.get("CLAUDE_CONFIG_DIR") or os.path.join(os.path.expanduser("~"), ".claude")
    files = [str(MANAGED_SETTINGS), os.path.join(config, "settings.json")]
    if project:
        files += [os.path.join(project, ".claude", "settings.json"), os.path.join(project, ".claude", "settings.local.json")]
    return files


def _read_text(path: str) -> str:
    with open(path, encoding="utf-8") as f:
        return f.read()




_CLI_FLAGS = {"--allowedTools": "allow", "--allowed-tools": "allow", "--disallowedTools": "deny", "--disallowed-tools": "deny"}


def _split_tools(value: str) -> list[str]:
    """`Bash(git diff:*),Edit Read` -> ['Bash(git diff:*)', 'Edit', 'Read'] (commas and spaces
    separate rules, except inside parentheses)."""
    out, depth, cur = [], 0, []
    for c in value:
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        if depth == 0 and c in ", ":
            if cur:
                out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    if cur:
        out.append("".join(cur))
    return out


class Rules:
    def __init__(self) -> None:
        self.allow: list[str] = []
        self.ask: list[str] = []
        self.deny: list[str] = []
        self.unreadable = False  # a settings file we could not parse: its rules are unknown

    def add_settings(self, data) -> None:
        perms = data.get("permissions") if isinstance(data, dict) else None
        if not isinstance(perms, dict):
            return
        for kind in ("allow", "ask", "deny"):
            rules = perms.get(kind)
            if isinstance(rules, list):
                getattr(self, kind).extend(r for r in rules if isinstance(r, str))

    def add_file(self, path: str) -> None:
        try:
            text = _read_text(path)
        except FileNotFoundError:
            return
        except OSError:
            self.unreadable = True
            return
        try:
            self.add_settings(json.loads(text))
        except ValueError:
            self.unreadable = True

    def add_argv(self, argv: list[str]) -> None:
        i = 0
        while i < len(argv):
            arg = argv[i]
            flag, eq, inline = arg.partition("=")
            if flag in _CLI_FLAGS:
                kind = _CLI_FLAGS[flag]
                values = [inline] if eq else []
                j = i + 1
                if not eq:
                    while j < len(argv) and not argv[j].startswith("-"):
                        values.append(argv[j])
                        j += 1
                for v in values:
                    getattr(self, kind).extend(_split_tools(v))
                i = j
                continue
            if flag == "--settings":
                value = inline if eq else (argv[i + 1] if i + 1 < len(argv) else "")
                try:
                    self.add_settings(json.loads(value) if value.lstrip().startswith("{") else json.loads(_read_text(value)))
                except (OSError, ValueError):
                    self.unreadable = True
            i += 1


def gather(event: dict) -> Rules | None:
    """Every rule Claude Code applies in this session, or None when they cannot all be seen."""
    rules = Rules()
    project = os.environ.get("CLAUDE_PROJECT_DIR") or event.get("cwd")
    for path in _settings_files(project):
        rules.add_file(path)
    argv = _client_argv()
    if argv is None:
        return None  # the client's own flags (a --disallowedTools) are unknown
    rules.add_argv(argv)
    return None if rules.unreadable else rules


# --- matching ----------------------------------------------------------------------------------

def _bash_pattern(rule: str) -> str | None:
    """`Bash(npm test:*)` -> 'npm test:*'; `Bash` -> '*'; other tools -> None."""
    rule = rule.strip()
    if rule == "Bash":
        return "*"
    m = re.fullmatch(r"Bash\((.*)\)", rule, re.S)
    return m.group(1) if m else None


def _matches(pattern: str, command: str) -> bool:
    """How Claude Code matches a Bash rule: `prefix:*` at a word boundary, `*` as a wildcard,
    else the exact command."""
    if pattern in ("*", ""):
        return True
    if pattern.endswith(":*"):
        prefix = pattern[:-2]
        return command == prefix or command.startswith(prefix + " ")
    if "*" in pattern:
        regex = ".*".join(re.escape(part) for part in pattern.split("*"))
        return re.fullmatch(regex, command, re.S) is not None
    return command == pattern


def _may_match(pattern: str, command: str) -> bool:
    """For deny and ask rules: also a match when in doubt. The rule's first word anywhere in the
    command counts, since `FOO=1 rm`, `env rm` and `command rm` all run `rm`."""
    if _matches(pattern, command):
        return True
    head = pattern.split(":", 1)[0].split("*", 1)[0].split()
    words = command.split()
    if not head or not words:
        return True
    name = os.path.basename(head[0])
    return any(w == head[0] or os.path.basename(w) == name for w in words)


def _read_only(words: list[str]) -> bool:
    """Commands Claude Code runs without asking, in the forms checked against the real client."""
    if not words:
        return False
    name, args = words[0], words[1:]
    if name in ("pwd",) and not args:
        return True
    if name in ("cat", "ls", "cd"):
        paths = [a for a in args if not a.startswith("-")]
        flags = [a for a in args if a.startswith("-")]
        if name == "cat" and (not paths or any(f not in ("-n", "-A", "-v", "-e", "-t", "-s", "-b") for f in flags)):
            return False
        if name == "ls" and any(not re.fullmatch(r"-[lah1tSrR]+", f) for f in flags):
            return False
        if name == "cd" and (flags or len(paths) != 1):
            return False
        return all(_inside(p) for p in paths)
    if name == "git" and args and args[0] in ("log", "diff", "show", "status"):
        return all(_git_safe(a) for a in args[1:])
    return False


def _inside(path: str) -> bool:
    """A plain relative path that stays inside the working directory."""
    return bool(re.fullmatch(r"[\w.@+-][\w./@+-]*", path)) and ".." not in path.split("/") and not path.startswith("~")


_GIT_FLAGS = {"--oneline", "--stat", "--shortstat", "--name-only", "--name-status", "--cached", "--staged",
              "-p", "-n", "--patch", "--no-color", "--graph", "--decorate", "--all", "--no-pager", "--"}


def _git_safe(arg: str) -> bool:
    if arg in _GIT_FLAGS or re.fullmatch(r"-n?\d+", arg):
        return True
    return not arg.startswith("-") and re.fullmatch(r"[\w./~^@{}-]+", arg) is not None and ".." not in arg.split("/")


def would_allow(command: str, event: dict) -> bool:
    """True only when Claude Code would have run `command` without asking."""
    mode = event.get("permission_mode") or "default"
    if mode not in ("default", "acceptEdits", "bypassPermissions", "dontAsk"):
        return False  # plan mode and anything newer: leave the command alone
    try:
        commands: list[Simple] = split(command)
    except Unsupported:
        return False
    rules = gather(event)
    if rules is None:
        return False
    texts = [" ".join(c.words) for c in commands]
    for rule in rules.deny + rules.ask:
        pattern = _bash_pattern(rule)
        if pattern is not None and any(_may_match(pattern, t) for t in texts):
            return False
    if mode == "bypassPermissions":
        return True
    allow = [p for p in map(_bash_pattern, rules.allow) if p is not None]
    return all(_read_only(c.words) or any(_matches(p, t) for p in allow) for c, t in zip(commands, texts))
