"""Item 8: `hr doctor`'s verdict reflects its warnings and failures, and a failure exits non-zero."""

from __future__ import annotations

import json

from support import run_hr


def doctor(home, cache, **env):
    r = run_hr(["doctor"], env={"HOME": str(home), "PATH": "/usr/bin:/bin", "HR_CACHE_DIR": str(cache), **env})
    assert b"Traceback" not in r.stderr
    return r.returncode, r.stdout.decode().splitlines()


def test_warnings_are_not_all_good(tmp_path, cache):
    home = tmp_path / "home"
    home.mkdir()
    status, lines = doctor(home, cache)  # no hooks installed, hr not on PATH: warnings
    assert any(l.startswith("[warn]") for l in lines)
    assert lines[-1] != "all good" and "warning" in lines[-1], lines[-1]
    assert status == 0


def test_a_failure_exits_non_zero_and_says_so(tmp_path, cache):
    home = tmp_path / "home"
    (home / ".claude").mkdir(parents=True)
    hook = {"type": "command", "command": "/nonexistent/hr hook claude"}
    (home / ".claude" / "settings.json").write_text(json.dumps(
        {"hooks": {"PostToolUse": [{"matcher": "Bash", "hooks": [hook]}]}}))
    status, lines = doctor(home, cache)
    assert any(l.startswith("[FAIL]") for l in lines), lines
    assert status == 1 and "failure" in lines[-1], lines[-1]


def test_a_refused_cache_is_a_failure(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    status, lines = doctor(home, shared)
    assert status == 1 and any(l.startswith("[FAIL]") and str(shared) in l for l in lines), lines
    assert (shared.stat().st_mode & 0o7777) == 0o1777
