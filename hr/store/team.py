"""The team store: originals, compression results and savings shared through Redis.

Set `HR_STORE_URL=redis://[user:pass@]host:port/db` (`rediss://` for TLS, `unix:///path` for a
socket) and every machine, CI job and proxy that points at the same Redis shares one
content-addressed layer under its local cache:

    {prefix}obj:{sha256}            the original, zstd, exactly as in the local store (TTL)
    {prefix}res:{sha256}:{settings} a compression result, so every machine gives the same bytes
    {prefix}events                  a stream of compressions and expansions (never content)

The local cache stays the first place read and written; Redis is written through and read on a
local miss, and what comes back is verified against its SHA-256 like any local read. Redis
must never slow an agent down: every call has a short timeout, and the first failure turns the
team store off for the rest of the process (said once, under HR_DEBUG). `redis` is imported
only when HR_STORE_URL is set.
"""

from __future__ import annotations

import os
import re
import sys
import time

DEFAULT_PREFIX = "hr:"
DEFAULT_TTL_DAYS = 30.0
DEFAULT_TIMEOUT_MS = 50.0
# Events kept in the stream (trimmed approximately on every write, exactly by `hr gc --team`).
DEFAULT_MAX_EVENTS = 1_000_000
# `hr expand PREFIX` looks for at most this many matching keys in Redis.
FIND_LIMIT = 5

_USERINFO = re.compile(r"(?<=://)[^/@]*@")


class TeamStoreError(Exception):
    """The team store is configured but cannot be used (a bad URL, no server): one line."""


def redact_url(url: str) -> str:
    """`url` without its user and password: what messages may show."""
    return _USERINFO.sub("…@", url)


def _env_float(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


class Team:
    """One process's connection to the team store. Every method returns None (or nothing) once
    the store has failed: callers carry on with the local store."""

    def __init__(self, url: str, prefix: str | None = None):
        self.url = url
        self.prefix = prefix if prefix is not None else os.environ.get("HR_STORE_PREFIX", DEFAULT_PREFIX)
        self.ttl_s = int(_env_float("HR_STORE_TTL_DAYS", DEFAULT_TTL_DAYS) * 86400)
        self.max_events = int(_env_float("HR_STORE_MAX_EVENTS", DEFAULT_MAX_EVENTS))
        self.error: str | None = None
        try:
            import redis

            timeout = _env_float("HR_STORE_TIMEOUT_MS", DEFAULT_TIMEOUT_MS) / 1000
            self._errors = (redis.RedisError, OSError)
            self.client = redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout,
                                               retry_on_timeout=False, health_check_interval=0)
        except Exception as exc:  # noqa: BLE001  a bad URL, a missing package
            self._errors = (Exception,)
            self.client = None
            self._fail(exc)

    @property
    def ok(self) -> bool:
        return self.error is None

    def _fail(self, exc: BaseException) -> None:
        if self.error is None:
            # the URL is redacted: a password must never reach a terminal or a log
            self.error = f"team store {redact_url(self.url)}: {type(exc).__name__}: {redact_url(str(exc))}"[:300]
            if os.environ.get("HR_DEBUG"):
                print(f"hr: {self.error}; carrying on with the local store", file=sys.stderr)

    def _call(self, method: str, *args, **kwargs):
        """`self.client.<method>(…)`, or None once the store has failed."""
        if self.error is not None:
            return None
        try:
            return getattr(self.client, method)(*args, **kwargs)
        except self._errors as exc:
            self._fail(exc)
            return None

    # -- objects ---------------------------------------------------------------------------
    def put_object(self, digest: str, blob: bytes) -> None:
        self._call("set", f"{self.prefix}obj:{digest}", blob, nx=True, ex=self.ttl_s)

    def get_object(self, digest: str) -> bytes | None:
        return self._call("get", f"{self.prefix}obj:{digest}")

    def find(self, hex_prefix: str) -> list[str]:
        """Full digests stored in Redis that start with `hex_prefix` (already validated hex)."""
        start = len(self.prefix) + len("obj:")

        keys = self._call("scan_iter", match=f"{self.prefix}obj:{hex_prefix}*", count=1000)
        found: list[str] = []
        try:
            for key in keys or ():
                found.append(key.decode()[start:])
                if len(found) >= FIND_LIMIT:
                    break
        except self._errors as exc:  # scan_iter talks to Redis as it is iterated
            self._fail(exc)
        return found

    # -- compression results ---------------------------------------------------------------
    def get_result(self, key: str) -> bytes | None:
        return self._call("get", f"{self.prefix}res:{key}")

    def put_result(self, key: str, payload: bytes) -> None:
        self._call("set", f"{self.prefix}res:{key}", payload, ex=self.ttl_s)

    # -- events ----------------------------------------------------------------------------
    def publish(self, event: str, fields: dict) -> None:
        data = {"event": event, "machine": _machine(), "user": _user()}
        data.update({k: "" if v is None else v for k, v in fields.items()})
        self._call("xadd", f"{self.prefix}events", data, maxlen=self.max_events, approximate=True)

    def events(self, since: float = 0.0) -> list[dict]:
        """Every event since `since` (unix time), oldest first. Raises TeamStoreError: a report
        must not pass an unreachable store off as an empty one."""
        rows = self._call("xrange", f"{self.prefix}events", min=f"{int(since * 1000)}-0", max="+")
        if rows is None:
            raise TeamStoreError(self.error or "team store unavailable")
        return [{k.decode(): v.decode() for k, v in fields.items()} for _id, fields in rows]

    def trim(self, max_events: int) -> int:
        removed = self._call("xtrim", f"{self.prefix}events", maxlen=max_events, approximate=False)
        if removed is None:
            raise TeamStoreError(self.error or "team store unavailable")
        return int(removed)

    def ping_ms(self) -> float:
        started = time.perf_counter()
        if not self._call("ping"):
            raise TeamStoreError(self.error or "no answer to PING")
        return (time.perf_counter() - started) * 1000


_team: Team | None = None
_team_url: str | None = None


def from_env() -> Team | None:
    """The team store HR_STORE_URL names, one per process; None when it is not set."""
    global _team, _team_url
    url = os.environ.get("HR_STORE_URL")
    if not url:
        return None
    if _team is None or _team_url != url:
        _team, _team_url = Team(url), url
    return _team


def _machine() -> str:
    return os.environ.get("HR_MACHINE") or os.uname().nodename


def _user() -> str:
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except (KeyError, ImportError):
        return str(os.getuid())
