"""Item 4: every subcommand against every kind of broken cache. No traceback, ever: a command
that needs the cache says in one line which path is wrong and why, and exits 2; the filter,
`hr run` and the hook fail open (the output unchanged, or compressed when storing worked)."""

from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3

import pytest

from faultkit import DIGEST, LOG
from support import run_hr

HOOK_EVENT = json.dumps({
    "hook_event_name": "PostToolUse", "tool_name": "Bash", "tool_input": {"command": "cat app.log"},
    "tool_response": {"stdout": LOG.decode(), "stderr": "", "interrupted": False, "isImage": False}}).encode()

# (arguments, stdin, the exit statuses it may have besides a one-line error's 2)
SUBCOMMANDS = [
    ([], LOG, {0}),
    (["--kind", "log", "--label", "app.log"], LOG, {0}),
    (["run", "--", "cat", "{log}"], b"", {0}),
    (["expand", DIGEST[:12]], b"", {0}),
    (["expand", DIGEST[:12], "--grep", "ERROR", "-C", "1"], b"", {0}),
    (["expand", DIGEST[:12], "--symbol", "main"], b"", set()),  # a log has no symbols: exit 2 anyway
    (["stats"], b"", {0}),
    (["stats", "--json", "--days", "1"], b"", {0}),
    (["gc"], b"", {0}),
    (["gc", "--dry-run", "--max-age-days", "0"], b"", {0}),
    (["doctor"], b"", {0, 1}),  # 1: it reports the cache as a failure
    (["hook", "claude"], HOOK_EVENT, {0}),
    (["shell-init", "bash"], b"", {0}),
    (["install", "claude", "--dry-run"], b"", {0}),
    (["--version"], b"", {0}),
    (["--help"], b"", {0}),
]


def _fill(cache):
    """A working cache holding LOG, its object and its ledger."""
    r = run_hr([], LOG, env={"HR_CACHE_DIR": str(cache)})
    assert r.stdout != LOG


def _full_disk():
    # files may not grow (EFBIG, as on a full disk): the ledger cannot write its journal
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def make_broken(kind: str, cache, tmp_path) -> dict:
    """Break `cache` the way `kind` says; returns extra arguments for run_hr."""
    if kind == "is a file":
        cache.write_bytes(b"not a directory\n")
    elif kind == "objects is a file":
        _fill(cache)
        (cache / "objects").rename(tmp_path / "objects-away")
        (cache / "objects").write_bytes(b"")
    elif kind == "ledger is garbage":
        _fill(cache)
        for p in cache.glob("ledger.sqlite3*"):
            p.unlink()
        (cache / "ledger.sqlite3").write_bytes(b"this is not a database\n" * 200)
    elif kind == "ledger is a directory":
        _fill(cache)
        for p in cache.glob("ledger.sqlite3*"):
            p.unlink()
        (cache / "ledger.sqlite3").mkdir()
    elif kind == "full disk":
        _fill(cache)
        with sqlite3.connect(cache / "ledger.sqlite3") as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for p in cache.glob("ledger.sqlite3-*"):
            p.unlink()
        return {"preexec_fn": _full_disk}
    elif kind == "unreadable":
        _fill(cache)
        os.chmod(cache, 0)
    elif kind == "HR_CACHE_MAX_MB=abc":
        _fill(cache)
        os.utime(cache / "gc.stamp", (0, 0))  # an automatic collection is due
        return {"env": {"HR_CACHE_MAX_MB": "abc"}}
    else:
        raise AssertionError(kind)
    return {}


KINDS = ["is a file", "objects is a file", "ledger is garbage", "ledger is a directory", "full disk",
         pytest.param("unreadable", marks=pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")),
         "HR_CACHE_MAX_MB=abc"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_subcommand_against_a_broken_cache(kind, cache, tmp_path):
    logfile = tmp_path / "app.log"
    logfile.write_bytes(LOG)
    home = tmp_path / "home"
    home.mkdir()
    extra = make_broken(kind, cache, tmp_path)
    env = {"HOME": str(home), **extra.pop("env", {})}
    problems = []
    try:
        for args, stdin, allowed in SUBCOMMANDS:
            args = [a.replace("{log}", str(logfile)) for a in args]
            r = run_hr(args, stdin, env=env, cwd=tmp_path, **extra)
            err = r.stderr.decode(errors="replace")
            if b"Traceback" in r.stderr or (r.returncode not in allowed and r.returncode != 2):
                problems.append(f"hr {' '.join(args)}: exit {r.returncode}\n{err[-1500:]}")
            elif r.returncode == 2 and not (err.count("\n") == 1 and err.startswith("hr: ")
                                            and (str(cache) in err or "HR_CACHE_MAX_MB" in err)
                                            or args[:2] == ["expand", DIGEST[:12]] and "symbol" in err):
                problems.append(f"hr {' '.join(args)}: not one line naming {cache}: {err!r}")
            elif args in ([], ["run", "--", "cat", str(logfile)]) and r.stdout != LOG and b"[hr " not in r.stdout:
                problems.append(f"hr {' '.join(args)}: lost the output: {r.stdout[:200]!r}")
    finally:
        if kind == "unreadable":
            os.chmod(cache, 0o700)
    assert not problems, "\n\n".join(problems)


def test_a_bad_collection_setting_is_reported_and_does_not_stop_storing(cache):
    r = run_hr(["gc"], env={"HR_CACHE_MAX_MB": "abc"})
    assert r.returncode == 2 and r.stderr.count(b"\n") == 1 and b"HR_CACHE_MAX_MB" in r.stderr, r.stderr
    assert b"Traceback" not in r.stderr
    stored = run_hr([], LOG, env={"HR_CACHE_MAX_MB": "abc"})
    assert stored.stdout != LOG and run_hr(["expand", DIGEST[:12]]).stdout == LOG
