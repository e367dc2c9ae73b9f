"""Gemini CLI: `hr hook gemini` (the hook handler) and what `hr install gemini` writes.

Facts read in @google/gemini-cli 0.61.0 (bundle/, `executeToolWithHooks` and the scheduler) and
checked with the real client (tests/e2e/test_gemini_e2e.py):
- Hooks live in settings.json (`hooks.BeforeTool` / `hooks.AfterTool`, matcher a regex on the
  tool name, `run_shell_command` for the shell) and get JSON on stdin: `hook_event_name`,
  `tool_name`, `tool_input` (`command`, …), and for AfterTool `tool_response`
  (`llmContent`, `returnDisplay`, `error`). Timeouts are in milliseconds.
- BeforeTool answering `hookSpecificOutput.tool_input` replaces the tool's arguments; Gemini
  then checks its policy on the new command (the hook runs first), and tells the model that a
  hook changed the input.
- AfterTool answering `decision: "block"` with `reason` makes the model read `reason` instead of
  the result, as the tool's `error`.
- The shell tool's result reads `Output: …`, then `Exit Code: N` when it failed (wrapped in
  `<untrusted_context>` by the time hooks see it); Gemini cuts a
  result above `tools.truncateToolOutputThreshold` (40,000 characters by default).

Approval: the hook event does not say which approval mode Gemini runs in, and a rewritten
command no longer matches what the user allowed by name (`run_shell_command(pytest)`), so hr
rewrites only under YOLO (`--yolo`, `--approval-mode yolo`), where Gemini runs every command
without asking. Otherwise AfterTool replaces an output that Gemini would cut, and only the
`Output:` part of it: exit code and errors stay as Gemini wrote them.
"""

from __future__ import annotations

import json
import os
import re

DEFAULT_THRESHOLD = 40_000
HEADROOM = 0.8
SHELL_TOOL = "run_shell_command"
SOURCE = "hook-gemini"
# Gemini hands a blocked result to the model as the tool's error: say what it really is
NOTE = "[hr note: the command's own result, compressed by hr's AfterTool hook (Gemini reports it as an error)]"
# Gemini wraps a shell result in these before hooks see it
_WRAP = ("<untrusted_context>\n", "\n</untrusted_context>")
# the lines Gemini's shell tool writes after the output
_TRAILER = re.compile(r"\n(?=(?:Error|Exit Code|Signal|Background PIDs|Process Group PGID): )")


def settings_paths(cwd: str | None = None) -> list[str]:
    home = os.path.join(os.path.expanduser("~"), ".gemini", "settings.json")
    return [home] + ([os.path.join(cwd, ".gemini", "settings.json")] if cwd else [])


def _settings(cwd: str | None = None) -> dict:
    merged: dict = {}
    for path in settings_paths(cwd):
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            for key, value in data.items():
                if isinstance(value, dict) and isinstance(merged.get(key), dict):
                    merged[key] = {**merged[key], **value}
                else:
                    merged[key] = value
    return merged


def budget_chars(cwd: str | None = None) -> int:
    tools = _settings(cwd).get("tools")
    value = tools.get("truncateToolOutputThreshold") if isinstance(tools, dict) else None
    threshold = value if isinstance(value, int) and value > 0 else DEFAULT_THRESHOLD
    return int(threshold * HEADROOM)


def yolo(argv: list[str] | None) -> bool:
    """Whether the Gemini CLI that ran the hook runs every tool call without asking."""
    if not argv:
        return False
    for i, arg in enumerate(argv):
        if arg in ("--yolo", "-y") or arg == "--approval-mode=yolo":
            return True
        if arg == "--approval-mode" and argv[i + 1:i + 2] == ["yolo"]:
            return True
    return False


def handle(event: dict) -> dict | None:
    if os.environ.get("HR_DISABLE") == "1" or event.get("tool_name") != SHELL_TOOL:
        return None
    tool_input = event.get("tool_input") if isinstance(event.get("tool_input"), dict) else {}
    cwd = event.get("cwd") if isinstance(event.get("cwd"), str) else None
    name = event.get("hook_event_name")
    if name == "BeforeTool":
        return before(tool_input, cwd, event.get("session_id"))
    if name == "AfterTool":
        return after(tool_input, event.get("tool_response"), event.get("session_id"), cwd)
    return None


def before(tool_input: dict, cwd: str | None, session=None) -> dict | None:
    command = tool_input.get("command")
    if not isinstance(command, str) or tool_input.get("is_background"):
        return None
    from hr.agents.client_process import client_argv

    if not yolo(client_argv()):
        return None
    from hr.agents.hook_io import hr_executable
    from hr.agents.rewrite import command_names, rewrite
    from hr.agents.shadowing import shadowed

    hr = hr_executable()
    names = command_names(command)
    avoid = shadowed(names) if hr and names else None
    new = rewrite(command, hr, budget_chars(cwd), avoid, session) if avoid is not None else None
    if new is None:
        return None
    return {"hookSpecificOutput": {"hookEventName": "BeforeTool", "tool_input": {"command": new}}}


def after(tool_input: dict, response, session, cwd: str | None) -> dict | None:
    """Replace the `Output:` part of a result that Gemini would cut and hr did not compress."""
    content = response.get("llmContent") if isinstance(response, dict) else None
    budget = budget_chars(cwd)
    if not isinstance(content, str) or len(content) <= budget:
        return None
    head, tail = ("", "")
    if content.startswith(_WRAP[0]) and content.endswith(_WRAP[1]):
        head, tail = _WRAP
        content = content[len(head):-len(tail)]
    if not content.startswith("Output: "):
        return None
    parts = _TRAILER.split(content[len("Output: "):])
    output, trailer = parts[0], parts[1:]
    from hr.agents.hook_io import compress_text

    command = tool_input.get("command")
    label = f"{SHELL_TOOL}: {command}"[:120] if isinstance(command, str) else SHELL_TOOL
    room = budget - sum(len(t) + 1 for t in trailer)
    new = compress_text(output, label, session, room, SOURCE, force=True)
    if new is None:
        return None
    text = "\n".join([NOTE, f"Output: {new}", *trailer])
    return None if len(text) >= len(content) else {"decision": "block", "reason": head + text + tail}


def main(stdin=None, stdout=None) -> int:
    from hr.agents.hook_io import serve

    return serve(handle, stdin, stdout)
