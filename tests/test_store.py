"""The object store and the ledger: location, privacy, atomicity, collection, concurrency."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support import expand_hash, repetitive_log, run_hr
from hr.store.objects import HashError, Store, cache_dir


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_location_precedence(monkeypatch, tmp_path):
    monkeypatch.delenv("HR_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert Path(cache_dir()) == tmp_path / "home" / ".cache" / "headroom"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert Path(cache_dir()) == tmp_path / "xdg" / "headroom"
    monkeypatch.setenv("HR_CACHE_DIR", str(tmp_path / "explicit"))
    assert Path(cache_dir()) == tmp_path / "explicit"


def test_cache_is_private(cache):
    r = run_hr([], repetitive_log())
    assert expand_hash(r.stdout)
    for path in [cache, *cache.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        if path.is_dir():
            assert mode == 0o700, path
        else:
            assert mode & 0o077 == 0, f"{path} is {oct(mode)}"


def test_an_existing_directory_keeps_its_mode_and_what_hr_creates_is_private(cache):
    cache.mkdir(mode=0o755)
    os.chmod(cache, 0o755)
    data = b"some data"
    Store().put(data, digest(data))
    assert stat.S_IMODE(cache.stat().st_mode) == 0o755  # not hr's to change
    assert stat.S_IMODE((cache / "objects").stat().st_mode) == 0o700


def test_objects_are_zstd_and_written_atomically(cache):
    data = repetitive_log()
    path = Path(Store().put(data, digest(data)))
    assert path.read_bytes()[:4] == b"\x28\xb5\x2f\xfd"  # zstd frame magic
    assert len(path.read_bytes()) < len(data) / 4
    assert not list(path.parent.glob(".tmp-*"))


def test_an_object_stored_again_is_checked_in_place_not_written_again(cache):
    from hr.engine import core

    data = repetitive_log()
    path = Path(Store().put(data, digest(data)))
    first = path.stat().st_ino
    # its original's hash, read a piece at a time from the frame
    assert core.unpacked_sha256(path.read_bytes()) == digest(data)
    assert Path(Store().put(data, digest(data))) == path and path.stat().st_ino == first


@pytest.mark.parametrize("bad", ["", "abc", "12345", "xyz123", "../../etc/passwd", "/etc/passwd",
                                 "3f9a2c/../..", "g" * 12, "a" * 65, "3f9a2c 1"])
def test_malformed_hashes_are_rejected_not_opened(bad, cache):
    with pytest.raises(HashError):
        Store().resolve(bad)


def test_prefix_resolution(cache):
    store = Store()
    a, b = "abcdef" + "1" * 58, "abcdef" + "2" * 58
    store.put(b"one", a)
    store.put(b"two", b)
    assert store.resolve("ABCDEF1") == a
    assert store.resolve(b[:12]) == b
    with pytest.raises(HashError, match="ambiguous"):
        store.resolve("abcdef")
    with pytest.raises(HashError, match="unknown"):
        store.resolve("abcdef3")


def test_gc_by_age_then_size(cache):
    store = Store()
    now = time.time()
    paths = []
    for i in range(6):
        data = os.urandom(20_000)  # incompressible: each object ~20 KB
        p = Path(store.put(data, digest(data)))
        os.utime(p, (now - i * 86400, now - i * 86400))  # object i last used i days ago
        paths.append(p)
    report = store.gc(max_age_days=3.5, max_mb=1000)
    assert report.removed == 2
    assert [p.exists() for p in paths] == [True] * 4 + [False] * 2
    report = store.gc(max_age_days=1000, max_mb=0.045)  # room for two of the four left
    assert report.removed == 2
    assert [p.exists() for p in paths[:4]] == [True, True, False, False]  # the newest stay


def test_gc_runs_by_itself_when_due(cache, monkeypatch):
    store = Store()
    old = b"old object"
    p = Path(store.put(old, digest(old)))
    os.utime(p, (time.time() - 90 * 86400,) * 2)
    stamp = cache / "gc.stamp"
    os.utime(stamp, (time.time() - 2 * 86400,) * 2)  # last collection two days ago
    fresh = b"new object"
    before = stamp.stat().st_mtime
    store.put(fresh, digest(fresh))
    assert not p.exists()
    assert stamp.stat().st_mtime > before  # the collection is stamped as done now


def test_gc_command(cache):
    run_hr([], repetitive_log())
    r = run_hr(["gc", "--max-age-days", "0", "--dry-run"])
    assert r.returncode == 0 and b"would remove 1 originals" in r.stdout
    r = run_hr(["gc", "--max-age-days", "0"])
    assert b"removed 1 originals" in r.stdout
    assert not list((cache / "objects").rglob("*.zst"))


WRITER = """
import sys
from hr.engine.api import compress
from hr.engine.dispatch import Hint
data = sys.stdin.buffer.read()
sys.stdout.buffer.write(compress(data, Hint(label=sys.argv[1]), source="test").output)
"""


def test_twenty_concurrent_writers(cache, tmp_path):
    # half of the processes write the same input, the other half one input each
    inputs = [repetitive_log(300) if i % 2 else repetitive_log(300 + i) for i in range(20)]
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, f"w{i}"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for i in range(20)]
    for p, data in zip(procs, inputs):
        p.stdin.write(data)
        p.stdin.close()
    outs = []
    for p in procs:
        outs.append(p.stdout.read())
        assert p.wait(60) == 0, p.stderr.read()
    store = Store()
    for data, out in zip(inputs, outs):
        h = expand_hash(out)
        assert h, out[:200]
        assert store.get(store.resolve(h)) == data
    assert len(list((cache / "objects").rglob("*.zst"))) == len(set(inputs))
    conn = sqlite3.connect(cache / "ledger.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    labels = {r[0] for r in conn.execute("SELECT label FROM compressions")}
    assert labels == {f"w{i}" for i in range(20)}


class LockedAtFirst:
    """A connection whose first `locked` switches to WAL fail as SQLite's deadlock breaker does,
    at once: what a process sees when another opens the same new ledger at the same moment."""

    def __init__(self, conn, locked: int, error: str = "database is locked"):
        self.conn, self.locked, self.error = conn, locked, error

    def execute(self, sql):
        if sql == "PRAGMA journal_mode=WAL" and self.locked:
            self.locked -= 1
            raise sqlite3.OperationalError(self.error)
        return self.conn.execute(sql)


def test_a_new_ledger_locked_by_another_opener_still_turns_wal(tmp_path):
    from hr.store import ledger

    conn = sqlite3.connect(tmp_path / "ledger.sqlite3", isolation_level=None)
    waits = []
    ledger.set_wal(LockedAtFirst(conn, locked=3), wait=waits.append)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert len(waits) == 3 and waits == sorted(waits)
    # another error is no lock to wait out, and a lock that stays is said in the end
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        ledger.set_wal(LockedAtFirst(conn, locked=1, error="disk I/O error"), wait=waits.append)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        ledger.set_wal(LockedAtFirst(conn, locked=ledger.WAL_TRIES + 1), wait=lambda s: None)


def test_damaged_object_is_an_error_not_wrong_bytes(cache):
    data = repetitive_log()
    out = run_hr([], data).stdout
    h = expand_hash(out)
    path = next((cache / "objects").rglob(f"{h}*.zst"))
    blob = bytearray(path.read_bytes())
    blob[len(blob) // 2] ^= 0xFF
    path.write_bytes(bytes(blob))
    r = run_hr(["expand", h])
    assert r.returncode == 2
    assert b"damaged" in r.stderr and r.stdout == b""
