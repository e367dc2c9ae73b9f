"""What `hr proxy` is told: where to listen, where to relay, how to retrieve. No aiohttp here,
so the CLI can check its options before the server is loaded."""

from __future__ import annotations

import ipaddress
import os

# Tool results smaller than this (UTF-8 bytes) go out as they are: not worth a marker.
DEFAULT_MIN_BYTES = 2048
ANTHROPIC_UPSTREAM = "https://api.anthropic.com"
OPENAI_UPSTREAM = "https://api.openai.com"


class Config:
    def __init__(self, host: str = "127.0.0.1", port: int = 8787, anthropic_upstream: str | None = None,
                 openai_upstream: str | None = None, retrieval: str = "shell", token: str | None = None,
                 min_bytes: int = DEFAULT_MIN_BYTES):
        self.host, self.port = host, port
        self.anthropic_upstream = (anthropic_upstream or os.environ.get("HR_ANTHROPIC_UPSTREAM") or ANTHROPIC_UPSTREAM).rstrip("/")
        self.openai_upstream = (openai_upstream or os.environ.get("HR_OPENAI_UPSTREAM") or OPENAI_UPSTREAM).rstrip("/")
        self.retrieval = retrieval
        self.token = token
        self.min_bytes = min_bytes


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
