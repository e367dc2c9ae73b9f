"""Server-sent events, read from an upstream response one complete event at a time."""

from __future__ import annotations

import json


async def events(upstream):
    """(event name, parsed data, raw bytes) of each SSE event, as each one completes."""
    lines: list[bytes] = []
    async for line in upstream.content:
        lines.append(line)
        if line in (b"\n", b"\r\n"):
            raw = b"".join(lines)
            lines = []
            name, payload = None, []
            for l in raw.splitlines():
                if l.startswith(b"event:"):
                    name = l[6:].strip().decode()
                elif l.startswith(b"data:"):
                    payload.append(l[5:].strip())
            try:
                data = json.loads(b"\n".join(payload)) if payload else None
            except ValueError:
                data = None
            yield name, data, raw
    if lines:
        yield None, None, b"".join(lines)


def encode(name: str | None, data: dict) -> bytes:
    return (f"event: {name}\n" if name else "").encode() + b"data: " + json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode() + b"\n\n"
