"""JSON whose numbers stay as they were written.

Python's `json` turns a number into an int or a float: an integer of more than 4,300 digits
then raises ValueError (`sys.get_int_max_str_digits`), and a float is rounded to 17 digits
(`0.10000000000000000001` comes back as `0.1`, `1e400` as `Infinity`, `1.50` as `1.5`). JSON
from tool output can hold any of these, and hr must neither fail on it nor change it: `loads`
keeps every number as a `Number` holding its literal text, and `dumps` writes it back as is.
"""

from __future__ import annotations

import json

# names for annotations only: importing typing would cost every call its import time
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Number:
    """A JSON number as written, e.g. `-1.50e3` (or NaN/Infinity, which Python's json accepts)."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def __bool__(self) -> bool:  # falsy for zero, as an int or a float would be (1e-400 is not)
        return self.text.lower().partition("e")[0].strip("-0.") != ""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Number) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"Number({self.text!r})"


HOOKS = {"parse_int": Number, "parse_float": Number, "parse_constant": Number}


def decoder(**kwargs: Any) -> json.JSONDecoder:
    """A JSONDecoder (e.g. for `raw_decode`) that reads numbers as `Number`s."""
    return json.JSONDecoder(**HOOKS, **kwargs)


def loads(data: str | bytes, **kwargs: Any) -> Any:
    """`json.loads` with numbers read as `Number`s."""
    return json.loads(data, **HOOKS, **kwargs)


def dumps(value: Any, *, indent: int | None = None, ensure_ascii: bool = True,
          separators: tuple[str, str] | None = None) -> str:
    """What `json.dumps(value, indent=indent, ensure_ascii=ensure_ascii, separators=separators)`
    writes, with each `Number` written as its text. A dict is written as its `items()`."""
    out: list[str] = []
    item_sep, key_sep = separators or ((", " if indent is None else ","), ": ")
    _write(value, out, indent, ensure_ascii, 0, item_sep, key_sep)
    return "".join(out)


def _write(value: Any, out: list[str], indent: int | None, ascii_only: bool, depth: int,
           item_sep: str, key_sep: str) -> None:
    if isinstance(value, Number):
        out.append(value.text)
    elif isinstance(value, str):
        out.append(json.dumps(value, ensure_ascii=ascii_only))
    elif isinstance(value, (dict, list, tuple)):
        is_dict = isinstance(value, dict)
        entries = list(value.items()) if is_dict else value
        opening, closing = "{}" if is_dict else "[]"
        if not entries:
            out.append(opening + closing)
            return
        if indent is None:
            first, sep, last = "", item_sep, ""
        else:
            pad = "\n" + " " * (indent * (depth + 1))
            first, sep, last = pad, item_sep + pad, "\n" + " " * (indent * depth)
        out.append(opening + first)
        for i, entry in enumerate(entries):
            if i:
                out.append(sep)
            if is_dict:
                key, entry = entry
                if not isinstance(key, str):
                    raise TypeError(f"keys must be str, not {type(key).__name__}")
                out.append(json.dumps(key, ensure_ascii=ascii_only) + key_sep)
            _write(entry, out, indent, ascii_only, depth + 1, item_sep, key_sep)
        out.append(last + closing)
    else:  # true, false, null, and numbers made in Python
        out.append(json.dumps(value))
