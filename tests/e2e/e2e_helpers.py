"""Small helpers for the end-to-end tests (not fixtures, so not in conftest.py)."""

from __future__ import annotations


def text_of(block: dict) -> str:
    """The text of a tool_result block (a string, or a list of text blocks)."""
    content = block.get("content")
    if isinstance(content, str):
        return content
    return "".join(b.get("text", "") for b in content or [] if isinstance(b, dict))


def bash(command: str) -> tuple[str, dict]:
    return ("Bash", {"command": command, "description": "run it"})
