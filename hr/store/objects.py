"""The object store: every original, zstd-compressed (by the Rust core), named by its SHA-256.

Layout under the cache directory (0700; files 0600):

    objects/3f/3f9a2c…(64 hex).zst   one original each, written atomically
    ledger.sqlite3                    see hr.store.ledger
    gc.stamp                          when the last automatic collection ran

Hashes that come from outside (`hr expand 3f9a2c`) are validated as hex before they touch the
file system, so a hash can never be a path.
"""

from __future__ import annotations

import os
import re
import time

HEX = re.compile(r"[0-9a-f]{6,64}")
MIN_PREFIX = 6

# Automatic collection: at most once a day, keep 30 days and 1 GiB (zstd-compressed) by default.
GC_INTERVAL_S = 24 * 3600
DEFAULT_MAX_AGE_DAYS = 30.0
DEFAULT_MAX_MB = 1024.0


class HashError(ValueError):
    """A hash the user gave is malformed, unknown or ambiguous."""


def cache_dir() -> str:
    """Paths here are plain strings: pathlib costs milliseconds to import on every call."""
    env = os.environ.get("HR_CACHE_DIR")
    if env:
        return env
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "headroom")


def private_dir(path: str) -> None:
    os.makedirs(path, mode=0o700, exist_ok=True)
    if os.stat(path).st_mode & 0o077:
        os.chmod(path, 0o700)


def normalize_hash(text: str) -> str:
    """Lower-case hex of 6 to 64 digits, or HashError. Never interpreted as a path."""
    h = text.strip().lower()
    if not HEX.fullmatch(h):
        raise HashError(f"not a hash: {text!r} (want {MIN_PREFIX} to 64 hex digits)")
    return h


class GcReport:
    def __init__(self):
        self.removed = self.freed_bytes = self.kept = self.kept_bytes = 0


class Store:
    def __init__(self, root: str | os.PathLike | None = None):
        self.root = os.fspath(root) if root is not None else cache_dir()
        self.objects = os.path.join(self.root, "objects")

    def path_for(self, digest: str) -> str:
        return os.path.join(self.objects, digest[:2], f"{digest}.zst")

    def put(self, data: bytes, digest: str) -> str:
        """Store `data` under its `digest` (hex SHA-256). Idempotent and safe under concurrency:
        writers of the same content race to rename identical files into place."""
        path = self.path_for(digest)
        if os.path.exists(path):
            os.utime(path)  # recently used: keeps it from age-based collection
            return path
        folder = os.path.dirname(path)
        private_dir(self.root)
        private_dir(self.objects)
        private_dir(folder)
        from hr.engine import core

        blob = core.pack(data)
        tmp = os.path.join(folder, f".tmp-{os.getpid()}-{os.urandom(6).hex()}.zst")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(blob)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        team = _team()
        if team is not None:
            team.put_object(digest, blob)
        self.maybe_gc()
        return path

    def resolve(self, text: str) -> str:
        """The full digest for a user-given hash or unique prefix."""
        prefix = normalize_hash(text)
        folder = os.path.join(self.objects, prefix[:2])
        try:
            names = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(".zst")]
        except FileNotFoundError:
            names = []
        if not names:
            team = _team()
            names = [f"{d}.zst" for d in team.find(prefix)] if team is not None else []
        if not names:
            raise HashError(f"unknown hash: {prefix} (nothing stored under it in {self.root})")
        if len(names) > 1:
            shown = ", ".join(sorted(n[:16] for n in names)[:5])
            raise HashError(f"ambiguous hash: {prefix} matches {len(names)} originals ({shown}); give more digits")
        return names[0][: -len(".zst")]

    def get(self, digest: str) -> bytes:
        from hr.engine import core

        path = self.path_for(digest)
        try:
            with open(path, "rb") as f:
                blob = f.read()
            os.utime(path)  # an original still being expanded is in use: keep it from collection
        except FileNotFoundError:
            return self._from_team(digest)
        try:
            return core.unpack(blob)
        except ValueError:
            raise HashError(f"the stored original for {digest[:12]} is damaged") from None

    def _from_team(self, digest: str) -> bytes:
        """An original this machine does not have, from the team store, verified, then kept
        in the local cache."""
        import hashlib

        from hr.engine import core

        team = _team()
        blob = team.get_object(digest) if team is not None else None
        if blob is None:
            raise HashError(f"unknown hash: {digest}")
        try:
            data = core.unpack(blob)
        except ValueError:
            data = None
        if data is None or hashlib.sha256(data).hexdigest() != digest:
            raise HashError(f"the team store's copy of {digest[:12]} is damaged (it does not match its hash)")
        self.put(data, digest)
        return data

    def maybe_gc(self) -> None:
        """Collect when the last collection is older than GC_INTERVAL_S."""
        stamp = os.path.join(self.root, "gc.stamp")
        try:
            if time.time() - os.stat(stamp).st_mtime < GC_INTERVAL_S:
                return
        except FileNotFoundError:
            pass
        os.close(os.open(stamp, os.O_WRONLY | os.O_CREAT, 0o600))
        os.utime(stamp)
        self.gc()

    def gc(self, max_age_days: float | None = None, max_mb: float | None = None, dry_run: bool = False) -> GcReport:
        """Remove objects older than `max_age_days` (by last use), then the least recently used
        ones until the rest fits in `max_mb`. Defaults come from HR_CACHE_MAX_AGE_DAYS and
        HR_CACHE_MAX_MB."""
        if max_age_days is None:
            max_age_days = float(os.environ.get("HR_CACHE_MAX_AGE_DAYS", DEFAULT_MAX_AGE_DAYS))
        if max_mb is None:
            max_mb = float(os.environ.get("HR_CACHE_MAX_MB", DEFAULT_MAX_MB))
        entries = []
        for sub in _listdir(self.objects):
            folder = os.path.join(self.objects, sub)
            for name in _listdir(folder):
                p = os.path.join(folder, name)
                try:
                    st = os.stat(p)
                except FileNotFoundError:
                    continue
                entries.append((st.st_mtime, st.st_size, name, p))
        entries.sort(reverse=True)  # newest first
        cutoff = time.time() - max_age_days * 86400
        budget = max_mb * 1024 * 1024
        report = GcReport()
        for mtime, size, name, p in entries:
            stale_tmp = name.startswith(".tmp-") and mtime < time.time() - 3600
            if name.startswith(".tmp-") and not stale_tmp:
                continue  # another writer's file in flight
            if stale_tmp or mtime < cutoff or report.kept_bytes + size > budget:
                if not dry_run:
                    try:
                        os.unlink(p)
                    except FileNotFoundError:
                        continue
                report.removed += 1
                report.freed_bytes += size
            else:
                report.kept += 1
                report.kept_bytes += size
        return report


def _team():
    from hr.store import team

    return team.from_env()


def _listdir(path: str) -> list[str]:
    try:
        return sorted(os.listdir(path))
    except (FileNotFoundError, NotADirectoryError):
        return []
