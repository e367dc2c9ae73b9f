"""OpenAI Chat Completions (`/v1/chat/completions`): tool results are `role: "tool"`
messages whose content is a string or a list of text parts."""

from __future__ import annotations

import json

from hr.proxy.spans import ANY, Node, text_parts

NAME = "openai_chat"
PATTERN = ("messages", ANY, "content", ANY)
PREAMBLE = None  # tool results carry no client header to keep apart


def tool_results(root: Node) -> list[Node]:
    found = []
    for msg in (root.get("messages") or Node(0, 0)).items or ():
        if msg.str_value("role") == "tool":
            found += text_parts(msg.get("content"), ("text",))
    return found


def error_body(kind: str, message: str) -> bytes:
    return json.dumps({"error": {"message": message, "type": kind, "param": None, "code": None}}).encode()
