"""Byte spans of JSON values inside a raw request body, without re-serializing anything.

The body is decoded as latin-1 so that character offsets are byte offsets (every JSON
structural character is ASCII); the C scanner of the json module then skips whole subtrees
fast. Non-ASCII text decoded this way is wrong, which is harmless: only ASCII keys and
`type`/`role` values are compared, and the strings hr rewrites are decoded again from their
exact bytes (`Node.text`). Numbers are read as their text (`hr.json_numbers`): a tool call's
input may hold an integer Python's int() refuses, and that must not stop compression.
"""

from __future__ import annotations

import json
import re

from hr import json_numbers

_WS = re.compile(r"[ \t\n\r]*")
_decoder = json_numbers.decoder()
_scanstring = json.decoder.scanstring


class Node:
    """A JSON value at bytes [start, end) of the body. Objects and arrays that were descended
    into have `members` (dict) or `items` (list) of Nodes; leaves have `value`."""

    __slots__ = ("start", "end", "members", "items", "value")

    def __init__(self, start: int, end: int, value=None, members=None, items=None):
        self.start, self.end, self.value, self.members, self.items = start, end, value, members, items

    def get(self, key: str):
        return self.members.get(key) if self.members is not None else None

    def str_value(self, key: str) -> str | None:
        node = self.get(key)
        return node.value if node is not None and isinstance(node.value, str) else None

    def text(self, raw: bytes) -> str:
        """The exact string value (properly decoded from the raw bytes)."""
        return json.loads(raw[self.start:self.end])


def parse(raw: bytes, descend) -> Node:
    """The body's tree, descending into objects and arrays only where `descend(path)` says
    (a path is a tuple of keys and indexes). Raises ValueError on malformed JSON."""
    text = raw.decode("latin-1")
    node, end = _value(text, _skip(text, 0), (), descend)
    if _skip(text, end) != len(text):
        raise ValueError("trailing data after the JSON body")
    return node


def _skip(text: str, idx: int) -> int:
    return _WS.match(text, idx).end()


def _value(text: str, idx: int, path: tuple, descend) -> tuple[Node, int]:
    ch = text[idx:idx + 1]
    if ch == "{" and descend(path):
        return _object(text, idx, path, descend)
    if ch == "[" and descend(path):
        return _array(text, idx, path, descend)
    value, end = _decoder.raw_decode(text, idx)
    return Node(idx, end, value=value), end


def _object(text: str, start: int, path: tuple, descend) -> tuple[Node, int]:
    members: dict[str, Node] = {}
    idx = _skip(text, start + 1)
    if text[idx:idx + 1] == "}":
        return Node(start, idx + 1, members=members), idx + 1
    while True:
        if text[idx:idx + 1] != '"':
            raise ValueError(f"expected a key at byte {idx}")
        key, idx = _scanstring(text, idx + 1)
        idx = _skip(text, idx)
        if text[idx:idx + 1] != ":":
            raise ValueError(f"expected ':' at byte {idx}")
        node, idx = _value(text, _skip(text, idx + 1), path + (key,), descend)
        members[key] = node
        idx = _skip(text, idx)
        ch = text[idx:idx + 1]
        if ch == "}":
            return Node(start, idx + 1, members=members), idx + 1
        if ch != ",":
            raise ValueError(f"expected ',' or '}}' at byte {idx}")
        idx = _skip(text, idx + 1)


def _array(text: str, start: int, path: tuple, descend) -> tuple[Node, int]:
    items: list[Node] = []
    idx = _skip(text, start + 1)
    if text[idx:idx + 1] == "]":
        return Node(start, idx + 1, items=items), idx + 1
    while True:
        node, idx = _value(text, idx, path + (len(items),), descend)
        items.append(node)
        idx = _skip(text, idx)
        ch = text[idx:idx + 1]
        if ch == "]":
            return Node(start, idx + 1, items=items), idx + 1
        if ch != ",":
            raise ValueError(f"expected ',' or ']' at byte {idx}")
        idx = _skip(text, idx + 1)


def splice(raw: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """`raw` with each [start, end) replaced by its bytes; edits must not overlap."""
    out, pos = [], 0
    for start, end, data in sorted(edits, key=lambda e: e[0]):
        out += [raw[pos:start], data]
        pos = end
    out.append(raw[pos:])
    return b"".join(out)


ANY = object()  # in a pattern: any array index


def along(pattern: tuple):
    """A `descend` predicate for `parse` that follows one path pattern, e.g.
    ("messages", ANY, "content"): only objects and arrays on it are descended into."""

    def descend(path: tuple) -> bool:
        if len(path) > len(pattern):
            return False
        return all(p is ANY or p == k for p, k in zip(pattern, path))

    return descend


def text_parts(node: Node | None, types: tuple[str, ...]) -> list[Node]:
    """A string value itself, or the `text` of each part of a list whose `type` is in `types`."""
    if node is None:
        return []
    if isinstance(node.value, str):
        return [node]
    found = []
    for part in node.items or ():
        text = part.get("text")
        if part.str_value("type") in types and text is not None and isinstance(text.value, str):
            found.append(text)
    return found
