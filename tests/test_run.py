"""`hr run`: output, exit statuses, signals and missing commands."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from support import expand_hash, hr_bin, run_hr, wait_for_fifo

PY = sys.executable


def test_exit_status_is_the_commands(cache):
    assert run_hr(["run", "--", PY, "-c", "import sys; sys.exit(3)"]).returncode == 3
    assert run_hr(["run", "--", PY, "-c", "pass"]).returncode == 0
    assert run_hr(["run", "--", "false"]).returncode == 1


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGSEGV])
def test_killed_by_signal_exits_128_plus_n(sig, cache):
    r = run_hr(["run", "--", PY, "-c", f"import os; print('before', flush=True); os.kill(os.getpid(), {int(sig)})"])
    assert r.returncode == 128 + sig
    assert b"before" in r.stdout


def test_command_not_found_is_127_with_the_shells_message(cache):
    r = run_hr(["run", "--", "no-such-command-hr-test", "--flag"])
    assert r.returncode == 127
    assert r.stderr == b"hr: no-such-command-hr-test: command not found\n"


def test_not_executable_is_126(cache, tmp_path):
    script = tmp_path / "script.sh"
    script.write_text("#!/bin/sh\necho hi\n")
    os.chmod(script, 0o644)
    r = run_hr(["run", "--", str(script)])
    assert r.returncode == 126


def test_stdout_and_stderr_interleave_in_order(cache):
    code = ("import sys\n"
            "for i in range(5):\n"
            "    print(f'out {i}', flush=True)\n"
            "    print(f'err {i}', file=sys.stderr, flush=True)\n")
    r = run_hr(["run", "--", PY, "-c", code])
    assert r.stdout.decode().split() == " ".join(f"out {i} err {i}" for i in range(5)).split()


def test_large_output_is_compressed_and_restorable(cache, tmp_path):
    code = ("for i in range(3000): print(f'2024-01-01 00:00:{i % 60:02d} INFO step {i} ok')\n"
            "print('2024-01-01 00:01:00 ERROR step 3000 failed: disk quota exceeded')\n"
            "raise SystemExit(1)")
    r = run_hr(["run", "--", PY, "-c", code])
    assert r.returncode == 1
    assert b"ERROR step 3000 failed: disk quota exceeded" in r.stdout
    assert len(r.stdout) < 20_000
    h = expand_hash(r.stdout)
    original = run_hr(["expand", h], cwd=tmp_path).stdout
    assert original.count(b"\n") == 3001


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signals_are_forwarded(sig, cache, tmp_path):
    ready = tmp_path / "ready"
    os.mkfifo(ready)
    # the child waits on its signal wakeup fd, not in `signal.pause()`: a signal that comes
    # between its `ready` and the pause would leave it paused for good (the handler runs once the
    # read returns, however early the signal came)
    child = ("import os, signal, sys\n"
             "def handler(n, f):\n"
             "    print(f'child got {n}', flush=True); sys.exit(7)\n"
             f"signal.signal({int(sig)}, handler)\n"
             "r, w = os.pipe()\n"
             "os.set_blocking(w, False)\n"
             "signal.set_wakeup_fd(w)\n"
             f"open({str(ready)!r}, 'w').write('ready')\n"
             "os.read(r, 1)\n")
    # its own session, so that only hr receives the signal we send
    p = subprocess.Popen([hr_bin(), "run", "--", PY, "-c", child], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, start_new_session=True)
    assert wait_for_fifo(ready) == b"ready", "the child never started"
    p.send_signal(sig)
    out, err = p.communicate(timeout=120)
    assert p.returncode == 7, err
    assert f"child got {int(sig)}".encode() in out


def test_disabled_runs_the_command_unchanged(cache):
    code = "for i in range(2000): print('same line')"
    r = run_hr(["run", "--", PY, "-c", code], env={"HR_DISABLE": "1"})
    assert r.stdout.count(b"same line") == 2000


def test_no_command_is_a_usage_error(cache):
    r = run_hr(["run"])
    assert r.returncode == 2
