"""`hr hook claude`: the Claude Code hook handler.

Claude Code runs it for PreToolUse and PostToolUse with the event as JSON on stdin
(`hook_event_name`, `tool_name`, `tool_input`, and for PostToolUse `tool_response`).

- PreToolUse on Bash: a command worth compressing is rewritten to run under `hr run` with a
  budget (see hr.agents.rewrite). This is the only way to compress a failing command: a command
  that exits non-zero goes to PostToolUseFailure, which cannot replace output.
- PostToolUse: a large result that is not compressed yet is replaced with `updatedToolOutput`,
  in the tool's own shape (a different shape is dropped by the client). Read results only when
  HR_CLAUDE_READ=1, since agents edit files from what Read showed them.

It never widens what the user allowed: a command is rewritten only where Claude Code would have
run it without asking, and only then does the rewrite say "allow". Whatever
goes wrong, it exits 0 with no output and Claude Code carries on as if hr were not there.

This module runs on every tool call, so it imports little: the compressor is loaded only when a
result is large enough to need it.
"""

from __future__ import annotations

import os
import sys

# Claude Code keeps a Bash result inline up to this many characters (BASH_MAX_OUTPUT_LENGTH);
# anything longer is saved to a file and the model sees a 2 KB preview.
CLIENT_INLINE_LIMIT = 30_000
# Room left under the limit for what the client adds around a result and for the budget
# arithmetic being approximate.
HEADROOM = 0.9


def inline_limit() -> int:
    try:
        value = int(os.environ.get("BASH_MAX_OUTPUT_LENGTH", ""))
    except ValueError:
        return CLIENT_INLINE_LIMIT
    return value if value > 0 else CLIENT_INLINE_LIMIT


def budget_chars() -> int:
    return int(inline_limit() * HEADROOM)


def read_enabled() -> bool:
    """Read results are compressed only on request (`hr hook claude --read`, HR_CLAUDE_READ=1)."""
    return "--read" in sys.argv[3:] or os.environ.get("HR_CLAUDE_READ") == "1"


def hr_executable() -> str | None:
    from hr.agents.hook_io import hr_executable as find

    return find()


def handle(event: dict) -> dict | None:
    """The answer to one hook event, or None for no change."""
    if os.environ.get("HR_DISABLE") == "1":
        return None
    name = event.get("hook_event_name")
    tool = event.get("tool_name") or ""
    if name == "PreToolUse" and tool == "Bash":
        return pre_bash(event.get("tool_input") or {}, event)
    if name == "PostToolUse":
        new = post_tool(tool, event.get("tool_input") or {}, event.get("tool_response"), event.get("session_id"))
        if new is not None:
            return {"hookSpecificOutput": {"hookEventName": "PostToolUse", "updatedToolOutput": new}}
    return None


def pre_bash(tool_input: dict, event: dict) -> dict | None:
    """Run a command worth compressing under `hr run`, but only one that Claude Code would have
    run without asking: the rewrite then carries that same "allow", since the rewritten text
    would no longer match the user's rules (see hr.agents.claude_permissions)."""
    command = tool_input.get("command")
    if not isinstance(command, str) or tool_input.get("run_in_background"):
        return None
    from hr.agents.rewrite import command_names, rewrite

    hr = hr_executable()
    budget, session = budget_chars(), event.get("session_id")
    new = rewrite(command, hr, budget, session=session) if hr else None
    if new is None:
        return None
    from hr.agents.shadowing import shadowed

    avoid = shadowed(command_names(command))
    if avoid is None:
        return None
    if avoid:
        # written again without the names a shell function or alias shadows
        new = rewrite(command, hr, budget, avoid, session)
        if new is None:
            return None
    from hr.agents.claude_permissions import would_allow

    if not would_allow(command, event):
        return None
    return {"hookSpecificOutput": {"hookEventName": "PreToolUse", "permissionDecision": "allow",
                                   "updatedInput": {**tool_input, "command": new}}}


# --- PostToolUse: where the text lives in each tool's result ---------------------------------

def post_tool(tool: str, tool_input: dict, response, session: str | None) -> dict | None:
    label = _label(tool, tool_input)
    if tool == "Bash":
        if not isinstance(response, dict) or not isinstance(response.get("stdout"), str):
            return None
        if _runs_hr(tool_input.get("command")):
            return None  # `hr expand` must show what was asked for; `hr run` output is final
        if response.get("isImage") or response.get("interrupted"):
            return None
        other = len(response.get("stderr") or "")
        if response.get("persistedOutputPath"):
            full = _persisted(response)
            if full is None:
                return None  # `stdout` is only the start: compressing it would hide the rest
            # Longer than the client's inline limit: `stdout` holds only the first 30,000
            # characters and the model would see a 2 KB preview of the file the client saved.
            # Compress the whole output from that file, and inline the result instead.
            new = _compress_text(full, label, session, budget_chars() - other, force=True)
            if new is None or len(new) + other > inline_limit():
                return None
            rest = {k: v for k, v in response.items() if k not in ("persistedOutputPath", "persistedOutputSize")}
            return {**rest, "stdout": new}
        new = _compress_text(response["stdout"], label, session, budget_chars() - other)
        return None if new is None else {**response, "stdout": new}
    if tool == "Grep" and isinstance(response, dict):
        if isinstance(response.get("content"), str):
            new = _compress_text(response["content"], label, session, budget_chars())
            return None if new is None else {**response, "content": new}
        return _compress_list(response, "filenames", label, session)
    if tool == "Glob" and isinstance(response, dict):
        return _compress_list(response, "filenames", label, session)
    if tool == "WebFetch" and isinstance(response, dict) and isinstance(response.get("result"), str):
        new = _compress_text(response["result"], label, session, budget_chars())
        return None if new is None else {**response, "result": new}
    if tool == "Read" and read_enabled() and isinstance(response, dict):
        file = response.get("file")
        if response.get("type") == "text" and isinstance(file, dict) and isinstance(file.get("content"), str):
            new = _compress_text(file["content"], label, session, budget_chars())
            return None if new is None else {**response, "file": {**file, "content": new}}
        return None
    if tool.startswith("mcp__"):
        return _compress_mcp(response, label, session)
    return None


def _runs_hr(command) -> bool:
    if not isinstance(command, str) or "hr" not in command:
        return False
    from hr.agents.rewrite import _uses_hr

    return _uses_hr(command)


def _compress_list(response: dict, key: str, label: str, session) -> dict | None:
    items = response.get(key)
    if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
        return None
    new = _compress_text("\n".join(items), label, session, budget_chars())
    return None if new is None else {**response, key: new.split("\n")}


def _compress_mcp(response, label: str, session):
    """MCP results come as a string, a list of content blocks, or {"content": [blocks]}; the
    text blocks are compressed, everything else stays as it was."""
    if isinstance(response, str):
        return _compress_text(response, label, session, budget_chars())
    if isinstance(response, dict) and isinstance(response.get("content"), list):
        blocks = _compress_blocks(response["content"], label, session)
        return None if blocks is None else {**response, "content": blocks}
    if isinstance(response, list):
        return _compress_blocks(response, label, session)
    return None


def _compress_blocks(blocks: list, label: str, session) -> list | None:
    out, changed = [], False
    for b in blocks:
        if isinstance(b, dict) and b.get("type") == "text" and isinstance(b.get("text"), str):
            new = _compress_text(b["text"], label, session, budget_chars())
            if new is not None:
                b, changed = {**b, "text": new}, True
        out.append(b)
    return out if changed else None


def _persisted(response: dict) -> str | None:
    """The whole output of a Bash call that the client saved to a file for being too long."""
    path = response.get("persistedOutputPath")
    if not isinstance(path, str) or not path:
        return None
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8", "surrogateescape")
    except OSError:
        return None


def _compress_text(text: str, label: str, session, budget: int, force: bool = False) -> str | None:
    from hr.agents.hook_io import compress_text

    return compress_text(text, label, session, budget, "hook-claude", force)


def _label(tool: str, tool_input: dict) -> str:
    detail = tool_input.get("command") or tool_input.get("pattern") or tool_input.get("url") or tool_input.get("file_path") or ""
    return f"{tool}: {detail}"[:120] if detail else tool


def main(stdin=None, stdout=None) -> int:
    """Read one event, answer it; exit 0 whatever happens."""
    from hr.agents.hook_io import serve

    return serve(handle, stdin, stdout)
