"""Codex CLI: `hr hook codex` (the hook handler) and what `hr install codex` writes.

Facts checked on Codex CLI 0.171.0 (see DESIGN.md, "Agents"):
- Hooks in config.toml (`[[hooks.PreToolUse]]`, `[[hooks.PostToolUse]]`, matcher "Bash") run
  outside the sandbox, with the event as JSON on stdin: `permission_mode`, `tool_name`,
  `tool_input.command`, and for PostToolUse `tool_response`, the raw output as a string.
- PreToolUse answering `permissionDecision: "allow"` with `updatedInput` runs the new command
  instead (the model still sees its own). Codex's own output framing stays: `Process exited
  with code N`, then the output, cut by Codex above its cap (`tool_output_token_limit`,
  10,000 tokens by default). So noisy commands are rewritten to `hr run` with a budget below
  that cap; failing commands keep their exit status.
- PostToolUse answering `decision: "block"` with `reason` makes the model see `reason` instead
  of the output, without the exit status. The hook gets the output as Codex would show it, i.e.
  already cut to the cap (head and tail, with Codex's "truncated output" warning), and Codex
  cuts the reason at about 10,000 bytes. hr replaces only outputs Codex cut, where a rewrite
  was not possible (pipelines, shell syntax, hr unable to write its cache inside a read-only
  sandbox): what Codex kept, compressed, every line of it retrievable with `hr expand`.
- Hooks run only once trusted: Codex keeps `[hooks.state."<config path>:<event>:<group>:<n>"]
  trusted_hash = "sha256:…"`, a hash of the hook's normalized definition (`trusted_hash`).

Approval: `permission_mode` is "bypassPermissions" when Codex never asks (approval_policy
"never") and "default" otherwise. In "default", Codex runs sandboxed commands without asking
unless an exec-policy rule (`rules/*.rules`) says otherwise; a rewritten command would no longer
match such a rule, so a command whose program a rule names is never rewritten.
"""

from __future__ import annotations

import os
import re

DEFAULT_OUTPUT_TOKENS = 10_000
# Codex counts about 4 bytes per token; the budget leaves room for its framing and for the
# estimate being approximate.
CHARS_PER_TOKEN = 4
HEADROOM = 0.8
SOURCE = "hook-codex"
# Codex cuts a hook's own answer too, at about 10,000 bytes (the rest goes to a file the model
# is pointed at): a PostToolUse replacement must fit well under that.
HOOK_REASON_CHARS = 8_000


def codex_home() -> str:
    return os.environ.get("CODEX_HOME") or os.path.join(os.path.expanduser("~"), ".codex")


def _config_text() -> str:
    try:
        with open(os.path.join(codex_home(), "config.toml"), encoding="utf-8") as f:
            return f.read()
    except (OSError, UnicodeDecodeError):
        return ""


def output_token_limit(config_text: str | None = None) -> int:
    """Codex's cap on a command's output, from the user's config.toml (a top-level
    `tool_output_token_limit`), else its default."""
    text = _config_text() if config_text is None else config_text
    top = re.split(r"(?m)^\s*\[", text, maxsplit=1)[0]  # top-level keys come before any table
    m = re.search(r"(?m)^\s*tool_output_token_limit\s*=\s*(\d+)\s*(?:#.*)?$", top)
    value = int(m.group(1)) if m else 0
    return value if value > 0 else DEFAULT_OUTPUT_TOKENS


def budget_chars() -> int:
    return int(output_token_limit() * CHARS_PER_TOKEN * HEADROOM)


def handle(event: dict) -> dict | None:
    """The answer to one hook event, or None for no change."""
    if os.environ.get("HR_DISABLE") == "1" or event.get("tool_name") != "Bash":
        return None
    name = event.get("hook_event_name")
    tool_input = event.get("tool_input") if isinstance(event.get("tool_input"), dict) else {}
    if name == "PreToolUse":
        return pre_bash(tool_input, event)
    if name == "PostToolUse":
        return post_bash(tool_input, event.get("tool_response"), event.get("session_id"))
    return None


def pre_bash(tool_input: dict, event: dict) -> dict | None:
    command = tool_input.get("command")
    if not isinstance(command, str):
        return None
    from hr.agents.hook_io import hr_executable
    from hr.agents.rewrite import command_names, rewrite

    hr = hr_executable()
    names = command_names(command)
    if not hr or not names or not would_run_unasked(names, event):
        return None
    from hr.agents.shadowing import shadowed

    avoid = shadowed(names)
    if avoid is None:
        return None
    new = rewrite(command, hr, budget_chars(), avoid, event.get("session_id"))
    if new is None:
        return None
    return {"hookSpecificOutput": {"hookEventName": "PreToolUse", "permissionDecision": "allow",
                                   "updatedInput": {**tool_input, "command": new}}}


def would_run_unasked(names: set[str], event: dict) -> bool:
    """Whether Codex would run these commands without asking, so that a rewrite (which Codex
    then runs without asking) adds and removes no prompt."""
    mode = event.get("permission_mode")
    if mode == "bypassPermissions":
        return True
    if mode != "default":
        return False
    return not _rules_name_any(names, event.get("cwd"))


def _rules_name_any(names: set[str], cwd) -> bool:
    """Whether an exec-policy rules file (user's or project's) mentions one of these programs."""
    dirs = [os.path.join(codex_home(), "rules")]
    if isinstance(cwd, str) and cwd:
        dirs.append(os.path.join(cwd, ".codex", "rules"))
    words = {os.path.basename(n) for n in names}
    for d in dirs:
        try:
            files = [os.path.join(d, f) for f in os.listdir(d) if f.endswith(".rules")]
        except OSError:
            continue
        for path in files:
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
            except OSError:
                return True  # cannot tell: do not rewrite
            if any(re.search(rf"(?<![\w.-]){re.escape(w)}(?![\w.-])", text) for w in words):
                return True
    return False


def post_bash(tool_input: dict, response, session) -> dict | None:
    """Replace an output that Codex cut (over its cap) and that hr did not compress."""
    if not isinstance(response, str):
        return None
    if len(response) <= budget_chars():
        return None  # Codex shows it whole, with its exit status: leave it
    budget = min(budget_chars(), HOOK_REASON_CHARS)
    from hr.agents.hook_io import compress_text

    command = tool_input.get("command")
    label = f"Bash: {command}"[:120] if isinstance(command, str) else "Bash"
    new = compress_text(response, label, session, budget, SOURCE, force=True)
    if new is None or len(new) >= len(response):
        return None
    return {"decision": "block", "reason": new}


def main(stdin=None, stdout=None) -> int:
    from hr.agents.hook_io import serve

    return serve(handle, stdin, stdout)


# --- hook trust ----------------------------------------------------------------------------------

def trusted_hash(event_label: str, matcher: str | None, handler: dict) -> str:
    """The hash Codex records to trust one hook handler: SHA-256 of its normalized definition
    (event label, matcher, the one handler with its timeout made explicit), as JSON with sorted
    keys and no spaces, fields left unset omitted."""
    import hashlib
    import json

    hook = {"type": "command", "command": handler["command"],
            "timeout": max(int(handler.get("timeout") or 600), 1), "async": bool(handler.get("async", False))}
    if handler.get("statusMessage") is not None:
        hook["statusMessage"] = handler["statusMessage"]
    identity = {"event_name": event_label, "hooks": [hook]}
    if matcher is not None:
        identity["matcher"] = matcher
    data = json.dumps(identity, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(data.encode()).hexdigest()


EVENT_LABELS = {"PreToolUse": "pre_tool_use", "PostToolUse": "post_tool_use"}


def trust_entries(config_path: str, before: dict, ours: dict) -> list[tuple[str, str]]:
    """(state key, trusted hash) for each of our hook handlers. `before` is the user's config
    without hr's block (its groups come first), `ours` the parsed block."""
    out = []
    hooks_before = before.get("hooks") if isinstance(before.get("hooks"), dict) else {}
    for event, label in EVENT_LABELS.items():
        offset = len(hooks_before.get(event) or [])
        for g, group in enumerate(ours.get("hooks", {}).get(event, [])):
            for h, handler in enumerate(group.get("hooks", [])):
                key = f"{config_path}:{label}:{offset + g}:{h}"
                out.append((key, trusted_hash(label, group.get("matcher"), handler)))
    return out
