"""Anthropic Messages API (`/v1/messages`, `/v1/messages/count_tokens`): where tool results
sit in a request, and the API's error shape."""

from __future__ import annotations

import json

from hr.proxy.spans import ANY, Node, text_parts

NAME = "anthropic"
# messages[i].content[j].content (a string, or text blocks [k].text)
PATTERN = ("messages", ANY, "content", ANY, "content", ANY)
PREAMBLE = None  # tool results carry no client header to keep apart


def tool_results(root: Node) -> list[Node]:
    found = []
    for msg in (root.get("messages") or Node(0, 0)).items or ():
        if msg.str_value("role") != "user":
            continue
        for block in (msg.get("content") or Node(0, 0)).items or ():
            if block.str_value("type") == "tool_result":
                found += text_parts(block.get("content"), ("text",))
    return found


def error_body(kind: str, message: str) -> bytes:
    return json.dumps({"type": "error", "error": {"type": kind, "message": message}}).encode()
