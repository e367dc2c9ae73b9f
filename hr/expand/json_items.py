"""Picking parts of a JSON original for `hr expand --items`, as the JSON compressor's markers
address them.

`TARGET` is one of:
- `A-B` (or `A`): items A to B of the top-level array, or of the values of NDJSON or of
  other JSON values printed one after another;
- `/json/pointer:A-B`: items A to B of the array at that JSON Pointer (RFC 6901), or members
  A to B (by position) of the object there;
- `/json/pointer`: the value at that pointer (a string is printed as its text).

Items are counted from 0, as JSON indexes are, and ranges are inclusive. A range of an array
comes back as a JSON array, one of an object as a JSON object. Numbers come back as they were
written (`hr.json_numbers`): a 5,000-digit integer, `1.50`, `1e400`.
"""

from __future__ import annotations

from typing import Any

from hr.expand.spans import RANGE, SpanError
from hr.json_numbers import decoder, dumps


def parse_target(target: str) -> tuple[str, tuple[int, int] | None]:
    """`'/files:3-7'` -> ('/files', (3, 7)); `'3-7'` -> ('', (3, 7)); `'/a/b'` -> ('/a/b', None)."""
    pointer, sep, tail = target.rpartition(":")
    if not sep:
        pointer, tail = "", target
    if (not pointer or pointer.startswith("/")) and (m := RANGE.fullmatch(tail)):
        a, b = int(m.group(1)), int(m.group(2) or m.group(1))
        if b < a:
            raise SpanError(f"bad item range {tail!r}: want A <= B")
        return pointer, (a, b)
    if target.startswith("/"):
        return target, None
    raise SpanError(f"bad --items {target!r}: want A-B, /json/pointer:A-B or /json/pointer")


class Members(dict):
    """A JSON object as the core reads it: every member in order, a key written twice included
    (member ranges count them all); a key names its first member, as the core's pointers do."""

    def __init__(self, pairs: list[tuple[str, Any]]):
        super().__init__()
        for k, v in pairs:
            self.setdefault(k, v)
        self.pairs = pairs

    def items(self):  # what dumps writes: every member
        return self.pairs

    def __len__(self) -> int:
        return len(self.pairs)


DECODER = decoder(object_pairs_hook=Members)


def load(data: bytes) -> Any:
    """The document; JSON values one after another (NDJSON, `jq` output) become the list of them."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise SpanError("--items needs a JSON original, and this one is not UTF-8") from None
    try:
        return DECODER.decode(text)
    except ValueError:
        pass
    try:
        return list(values(text))
    except ValueError:
        raise SpanError("--items needs a JSON original, and this one is not JSON") from None


# what JSON counts as whitespace between values, as the core does (not U+2028 and the like)
JSON_SPACE = " \t\n\r"


def values(text: str):
    """The JSON values of `text`, separated by JSON whitespace at most."""
    i = 0
    while True:
        while i < len(text) and text[i] in JSON_SPACE:
            i += 1
        if i == len(text):
            return
        value, i = DECODER.raw_decode(text, i)
        yield value


def resolve(doc: Any, pointer: str) -> Any:
    node = doc
    if not pointer:
        return node
    for raw in pointer[1:].split("/"):
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and (i := _index(token, len(node))) is not None:
            node = node[i]
        else:
            raise SpanError(f"no {pointer!r} in this JSON (stuck at {token!r})")
    return node


def _index(token: str, length: int) -> int | None:
    """The array index a pointer token names, if it is one below `length`: ASCII digits, no
    more than 18 of them, as in item ranges (int() would read other digits, and raise on more
    than 4,300)."""
    if token.isascii() and token.isdigit() and len(token) <= 18 and int(token) < length:
        return int(token)
    return None


def items(data: bytes, target: str) -> bytes:
    pointer, rng = parse_target(target)
    node = resolve(load(data), pointer)
    if rng is None:
        return _text(node).encode("utf-8") + b"\n"
    a, b = rng
    where = pointer or "the top level"
    if not isinstance(node, (list, dict)):
        raise SpanError(f"{where} is not an array or object")
    if a >= len(node):
        raise SpanError(f"items {a}-{b} out of range: {where} has {len(node)} items (0-{len(node) - 1})")
    if isinstance(node, list):
        part: Any = node[a : b + 1]
    else:
        part = Members(list(node.items())[a : b + 1])
    return _text(part).encode("utf-8") + b"\n"


def _text(node: Any) -> str:
    """A string as its text, anything else as indented JSON (a number as written)."""
    return node if isinstance(node, str) else dumps(node, indent=2, ensure_ascii=False)
