"""Over-compression, as agent transcripts show it: a tool result that hr folded, followed by
`hr expand HASH` (whole), or by the same command run again without hr (`HR_DISABLE=1 CMD`,
`command CMD`).

Claude Code writes one JSONL file per session (the hooks get its `transcript_path`; they live
under `~/.claude/projects/`), Codex under `$CODEX_HOME/sessions/` (default `~/.codex`). Both are
read the same way: tool calls with an id and a command, and tool results with that id. Files are
the agent's, and hostile input as far as hr is concerned: anything unexpected is skipped.
"""

from __future__ import annotations

import glob
import os
import re
import shlex

from hr import json_numbers

HASH = re.compile(r"hr expand ([0-9a-f]{6,64})")
# A command that follows a folded output this many calls later still counts as fetching it.
LOOKAHEAD = 10
MAX_FILE_BYTES = 64 << 20
_EXPAND_SPAN = re.compile(r"\s--?(lines|grep|head|tail|symbol|items)\b")
_WITHOUT_HR = re.compile(r"^(?:HR_DISABLE=1\s+|command\s+)+")


def default_paths(since: float = 0.0) -> list[str]:
    """The session files of Claude Code and Codex on this machine, modified since `since`."""
    home = os.path.expanduser("~")
    claude = os.environ.get("CLAUDE_CONFIG_DIR") or os.path.join(home, ".claude")
    codex = os.environ.get("CODEX_HOME") or os.path.join(home, ".codex")
    paths = glob.glob(os.path.join(claude, "projects", "*", "*.jsonl"))
    paths += glob.glob(os.path.join(codex, "sessions", "**", "*.jsonl"), recursive=True)
    out = []
    for p in sorted(set(paths)):
        try:
            st = os.stat(p)
        except OSError:
            continue
        if st.st_mtime >= since and st.st_size <= MAX_FILE_BYTES:
            out.append(p)
    return out


def events(path: str) -> list[tuple[str, str, str]]:
    """`("call", id, command)` and `("result", id, text)` in file order."""
    found: list[tuple[str, str, str]] = []
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                try:
                    _walk(json_numbers.loads(line), found)  # a line may hold any number
                except (ValueError, RecursionError):
                    continue
    except OSError:
        return []
    return found


def _walk(node, found: list, depth: int = 0) -> None:
    if depth > 12:
        return
    if isinstance(node, list):
        for item in node:
            _walk(item, found, depth + 1)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("type")
    if kind == "tool_use" and isinstance(node.get("input"), dict):  # Claude Code
        command = node["input"].get("command")
        if isinstance(command, str) and isinstance(node.get("id"), str):
            found.append(("call", node["id"], command))
        return
    if kind == "tool_result" and isinstance(node.get("tool_use_id"), str):
        found.append(("result", node["tool_use_id"], _text(node.get("content"))))
        return
    if kind in ("function_call", "local_shell_call") and isinstance(node.get("call_id"), str):  # Codex
        command = _codex_command(node)
        if command:
            found.append(("call", node["call_id"], command))
        return
    if kind in ("function_call_output", "local_shell_call_output") and isinstance(node.get("call_id"), str):
        found.append(("result", node["call_id"], _text(node.get("output"))))
        return
    for value in node.values():
        if isinstance(value, (dict, list)):
            _walk(value, found, depth + 1)


def _text(content) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(_text(c) for c in content)
    if isinstance(content, dict):
        return _text(content.get("text") or content.get("content") or content.get("output") or "")
    return ""


def _codex_command(node: dict) -> str | None:
    args = node.get("arguments") if "arguments" in node else node.get("action")
    if isinstance(args, str):
        try:
            args = json_numbers.loads(args)
        except ValueError:
            return None
    if not isinstance(args, dict):
        return None
    command = args.get("command", args.get("cmd"))
    if isinstance(command, list) and all(isinstance(w, str) for w in command):
        # ["bash", "-lc", "kubectl logs api-0"] runs its last word
        return command[-1] if len(command) >= 3 and command[1] in ("-c", "-lc") else shlex.join(command)
    return command if isinstance(command, str) else None


def findings(path: str) -> list[tuple[str, str]]:
    """`(hash prefix, reason)` for every folded output in one session file that the agent then
    fetched whole or ran again without hr."""
    evs = events(path)
    commands = {i: c for kind, i, c in evs if kind == "call"}
    order = [i for kind, i, _ in evs if kind == "call"]
    found = []
    for kind, call_id, text in evs:
        if kind != "result" or call_id not in commands:
            continue
        m = HASH.search(text)
        if not m or "[hr" not in text:
            continue
        digest, command = m.group(1), commands[call_id]
        later_ids = order[order.index(call_id) + 1:][:LOOKAHEAD]
        for later in (commands[i] for i in later_ids):
            if f"hr expand {digest}" in later and not _EXPAND_SPAN.search(later):
                found.append((digest, "expanded whole (transcript)"))
                break
            if _WITHOUT_HR.match(later) and _bare(later) == _bare(command):
                found.append((digest, "run again without hr (transcript)"))
                break
    return found


def _bare(command: str) -> str:
    """The command without what only decides whether hr sees it."""
    from hr.learn.labels import program_words

    return " ".join(program_words(command.split()))
