"""The object store: every original, zstd-compressed (by the Rust core), named by its SHA-256.

Layout under the cache directory (0700; files 0600):

    objects/3f/3f9a2c…(64 hex).zst   one original each, written atomically
    ledger.sqlite3                    see hr.store.ledger
    gc.stamp                          when the last automatic collection ran

The cache holds everything agents read, so hr only uses a directory it can trust: one it
created (0700), or an existing one that is a real directory (not a symlink), owned by this user
and writable by nobody else. It never changes the mode of a directory it did not create.
Objects are opened without following symlinks, and every read checks the SHA-256 the object is
named by (`read_object`, the one place that opens objects).

Hashes that come from outside (`hr expand 3f9a2c`) are validated as hex before they touch the
file system, so a hash can never be a path.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import time

HEX = re.compile(r"[0-9a-f]{6,64}")
MIN_PREFIX = 6

# Automatic collection: at most once a day, keep 30 days and 1 GiB (zstd-compressed) by default.
GC_INTERVAL_S = 24 * 3600
DEFAULT_MAX_AGE_DAYS = 30.0
DEFAULT_MAX_MB = 1024.0


class HashError(ValueError):
    """A hash the user gave is malformed, unknown or ambiguous."""


class CacheError(OSError):
    """The cache cannot be used safely (refused directory, damaged object). An OSError, so that
    every fail-open path that survives a full disk survives this too; its text names the path
    and the cause, on one line."""

    def __init__(self, path: str, cause: str):
        super().__init__(f"{path}: {cause}")
        self.path = path


def cache_dir() -> str:
    """Paths here are plain strings: pathlib costs milliseconds to import on every call."""
    env = os.environ.get("HR_CACHE_DIR")
    if env:
        return env
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "headroom")


def safe_dir(path: str, create: bool = True) -> bool:
    """Make sure `path` is a directory hr may keep originals in: create it (and missing parents)
    0700, or accept an existing one only if it is a real directory owned by this user and
    writable by no one else; CacheError otherwise. Returns whether it exists (False only
    with create=False)."""
    if create:
        _mkdir_private(path)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        if create:
            raise
        return False
    if stat.S_ISLNK(st.st_mode):
        raise CacheError(path, "is a symlink; hr refuses it as a cache (set HR_CACHE_DIR to a real directory)")
    if not stat.S_ISDIR(st.st_mode):
        raise CacheError(path, "is not a directory")
    if st.st_uid != os.geteuid():
        raise CacheError(path, f"is owned by another user (uid {st.st_uid}); hr refuses it as a cache")
    if st.st_mode & 0o022:
        raise CacheError(path, f"is writable by others (mode {stat.S_IMODE(st.st_mode):o}); hr refuses it as a cache")
    return True


def _mkdir_private(path: str) -> None:
    """mkdir -p, with every directory it creates 0700 (os.makedirs gives parents the umask's mode)."""
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        pass
    except FileNotFoundError:
        parent = os.path.dirname(path)
        if not parent or parent == path:
            raise
        _mkdir_private(parent)
        _mkdir_private(path)


def normalize_hash(text: str) -> str:
    """Lower-case hex of 6 to 64 digits, or HashError. Never interpreted as a path."""
    h = text.strip().lower()
    if not HEX.fullmatch(h):
        raise HashError(f"not a hash: {text[:80]!r} (want {MIN_PREFIX} to 64 hex digits)")
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
        writers of the same content race to rename identical files into place. An object that
        is there but damaged (or holds other bytes) is written again."""
        path = self.path_for(digest)
        safe_dir(self.root)
        try:
            verify_object(path, digest)
            os.utime(path)  # recently used: keeps it from age-based collection
            return path
        except FileNotFoundError:
            pass
        except CacheError as exc:
            if exc.path != path:
                raise  # a refused directory, not a damaged object
        blob = self._write(path, data)
        team = _team()
        if team is not None:
            team.put_object(digest, blob)
        self.maybe_gc()
        return path

    def _write(self, path: str, data: bytes) -> bytes:
        """Writes `data` packed to `path` at once (a reader sees the whole object or none);
        returns the packed bytes."""
        folder = os.path.dirname(path)
        safe_dir(self.objects)
        safe_dir(folder)
        from hr.engine import core

        blob = core.pack(data)
        tmp = os.path.join(folder, f".tmp-{os.getpid()}-{os.urandom(6).hex()}.zst")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
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
        return blob

    def check(self) -> bool:
        """Refuse an unsafe cache (CacheError); False when nothing was stored yet."""
        return safe_dir(self.root, create=False)

    def resolve(self, text: str) -> str:
        """The full digest for a user-given hash or unique prefix."""
        prefix = normalize_hash(text)
        self.check()
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
        """The original stored under `digest`, checked against it; HashError if there is none,
        CacheError if the object is damaged or is not what its name says."""
        self.check()
        path = self.path_for(digest)
        try:
            data = read_object(path, digest)
        except FileNotFoundError:
            return self._from_team(digest)
        os.utime(path)  # an original still being expanded is in use: keep it from collection
        return data

    def _from_team(self, digest: str) -> bytes:
        """An original this machine does not have, from the team store, checked against its
        SHA-256 like a local read, then kept in the local cache."""
        team = _team()
        blob = team.get_object(digest) if team is not None else None
        if blob is None:
            raise HashError(f"unknown hash: {digest}")
        data = unpack_verified(blob, digest, f"the team store's copy of {digest[:12]}")
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
        os.close(os.open(stamp, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o600))
        os.utime(stamp)
        try:
            self.gc()
        except ValueError:
            pass  # a bad HR_CACHE_MAX_* setting: `hr gc` reports it; storing goes on

    def gc(self, max_age_days: float | None = None, max_mb: float | None = None, dry_run: bool = False) -> GcReport:
        """Remove objects older than `max_age_days` (by last use), then the least recently used
        ones until the rest fits in `max_mb`. Defaults come from HR_CACHE_MAX_AGE_DAYS and
        HR_CACHE_MAX_MB."""
        max_age_days, max_mb = collection_limits(max_age_days, max_mb)
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


class KeyedStore(Store):
    """Bytes made from an original (the proxy's compressed text), kept under the original's
    SHA-256. Their name is not their own content's hash, which a `Store` checks on every read:
    each object opens with the key it was stored under instead, and a read checks that. None
    goes to the team store, whose objects are originals only."""

    def put(self, data: bytes, key: str) -> str:
        path = self.path_for(key)
        safe_dir(self.root)
        self._write(path, key.encode() + b"\n" + data)
        self.maybe_gc()
        return path

    def get(self, key: str) -> bytes:
        """The bytes stored under `key`; HashError if there are none, CacheError if the object
        is damaged or was stored under another key."""
        self.check()
        path = self.path_for(key)
        try:
            blob = read_blob(path)
        except FileNotFoundError:
            raise HashError(f"unknown key: {key}") from None
        stored_key, _, data = unpacked(blob, path).partition(b"\n")
        if stored_key != key.encode():
            raise CacheError(path, "was stored under another key (damaged or tampered with)")
        os.utime(path)
        return data


def read_object(path: str, digest: str) -> bytes:
    """The bytes of the object at `path`, opened without following symlinks and checked
    against its SHA-256 `digest`: FileNotFoundError if absent, CacheError if it is a symlink,
    damaged or holds other bytes."""
    return unpack_verified(read_blob(path), digest, path)


def verify_object(path: str, digest: str) -> None:
    """Checks that the object at `path` holds the bytes its SHA-256 `digest` names, reading
    them a piece at a time: storing an input again holds no second copy of it. Raises as
    `read_object` does."""
    from hr.engine import core

    try:
        held = core.unpacked_sha256(read_blob(path))
    except ValueError as exc:
        raise damaged(path, exc) from None
    if held != digest:
        raise other_bytes(path)


def read_blob(path: str) -> bytes:
    """The packed bytes at `path`, opened without following symlinks: FileNotFoundError if
    absent, CacheError if it is a symlink. The one place that opens objects."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise CacheError(path, "is a symlink; hr does not follow links in its cache") from None
        raise
    with os.fdopen(fd, "rb") as f:
        return f.read()


def unpack_verified(blob: bytes, digest: str, where: str) -> bytes:
    """The original the stored frame `blob` holds, if its SHA-256 is `digest`; CacheError naming
    `where` (a path, or another store's name for its copy) otherwise."""
    from hr.engine import core

    data = unpacked(blob, where)
    if core.sha256(data) != digest:
        raise other_bytes(where)
    return data


def unpacked(blob: bytes, where: str) -> bytes:
    """The bytes the stored frame `blob` holds; CacheError naming `where` if it is damaged."""
    from hr.engine import core

    try:
        return core.unpack(blob)
    except ValueError as exc:
        raise damaged(where, exc) from None


def damaged(where: str, exc: ValueError) -> CacheError:
    return CacheError(where, f"damaged object ({exc}); compress the same input again to restore it")


def other_bytes(where: str) -> CacheError:
    return CacheError(where, "holds other bytes than its SHA-256 name says (damaged or tampered with)")


def collection_limits(max_age_days: float | None, max_mb: float | None) -> tuple[float, float]:
    """The limits to collect with: those given, else HR_CACHE_MAX_AGE_DAYS and HR_CACHE_MAX_MB,
    else the defaults. ValueError for a setting that is not a number >= 0."""
    if max_age_days is None:
        max_age_days = _env_number("HR_CACHE_MAX_AGE_DAYS", DEFAULT_MAX_AGE_DAYS)
    if max_mb is None:
        max_mb = _env_number("HR_CACHE_MAX_MB", DEFAULT_MAX_MB)
    return max_age_days, max_mb


def _env_number(name: str, default: float) -> float:
    text = os.environ.get(name)
    if text is None or not text.strip():
        return default
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        raise ValueError(f"{name}={text!r} is not a number >= 0")
    return value


def _listdir(path: str) -> list[str]:
    try:
        return sorted(os.listdir(path))
    except (FileNotFoundError, NotADirectoryError):
        return []
