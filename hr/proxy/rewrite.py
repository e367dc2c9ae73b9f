"""The request side: compress the tool results of a raw request body by splicing, leaving
every other byte where it was (key order, whitespace, `cache_control`, unknown fields)."""

from __future__ import annotations

import json

from hr import json_numbers
from hr.proxy import spans


class Rewritten:
    __slots__ = ("body", "compressed", "root")

    def __init__(self, body: bytes, compressed: int, root: spans.Node | None):
        self.body = body  # what goes upstream
        self.compressed = compressed  # how many tool results were replaced
        self.root = root  # the parsed tree of the *original* body


def json_string(text: str) -> bytes:
    try:
        return json.dumps(text, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a \ud800 escape: keep it escaped
        return json.dumps(text).encode("ascii")


def compress_tool_results(raw: bytes, api, compress) -> Rewritten:
    """`compress(text, label) -> str | None` is asked about every tool result of the request.
    Raises ValueError on a body that is not a JSON object (the caller forwards it as it is)."""
    root = spans.parse(raw, spans.along(api.PATTERN))
    if root.members is None:
        raise ValueError("the body is not a JSON object")
    edits = []
    for node in api.tool_results(root):
        text = node.text(raw)
        # a client's own header on the output (Codex: "Chunk ID: …\nOutput:\n") stays verbatim
        head = api.PREAMBLE.match(text) if api.PREAMBLE else None
        cut = head.end() if head else 0
        out = compress(text[cut:], api.NAME)
        if out is not None:
            edits.append((node.start, node.end, json_string(text[:cut] + out)))
    return Rewritten(spans.splice(raw, edits) if edits else raw, len(edits), root)


def add_tool(body: bytes, tool: dict, key: str = "tools") -> bytes:
    """`body` with `tool` appended to its top-level `key` array (created if missing), spliced."""
    root = spans.parse(body, spans.along(()))
    tools = root.get(key)
    entry = json.dumps(tool, separators=(",", ":")).encode()
    if tools is None:
        comma = b"," if root.members else b""
        return spans.splice(body, [(root.end - 1, root.end - 1, comma + json.dumps(key).encode() + b":[" + entry + b"]")])
    if not isinstance(tools.value, list):
        raise ValueError(f"`{key}` is not an array")
    if any(_tool_name(t) == _tool_name(tool) for t in tools.value):
        return body
    sep = b"," if tools.value else b""
    return spans.splice(body, [(tools.end - 1, tools.end - 1, sep + entry)])


def _tool_name(tool) -> str | None:
    """A tool's name: at the top (Anthropic, Responses) or under `function` (Chat)."""
    if not isinstance(tool, dict):
        return None
    return tool.get("name") or (tool.get("function") or {}).get("name")


def append_items(body: bytes, key: str, items: list[dict]) -> bytes:
    """`body` with `items` appended to its top-level `key` array, spliced: every byte before
    them stays as it was (a continuation keeps the cached prefix)."""
    root = spans.parse(body, spans.along(()))
    array = root.get(key)
    if array is None or not isinstance(array.value, list):
        raise ValueError(f"`{key}` is not an array")
    # items hold the model's own tool calls, numbers as it wrote them (`json_numbers`)
    encoded = b",".join(json_numbers.dumps(item, separators=(",", ":"), ensure_ascii=False).encode() for item in items)
    return spans.splice(body, [(array.end - 1, array.end - 1, (b"," if array.value else b"") + encoded)])
