"""An agent's session id, as hr accepts it from outside: a hook event, `--session`, $HR_SESSION."""

from __future__ import annotations


def parse_session(text) -> str | None:
    """The id, or None for anything that is not a plain one (None and "" included): it comes
    from outside, is put into the commands the hooks rewrite and is printed by `hr stats`."""
    if not text:
        return None
    t = str(text).strip()
    ok = 0 < len(t) <= 128 and t.isascii() and all(c.isalnum() or c in "._:-" for c in t)
    return t if ok else None
