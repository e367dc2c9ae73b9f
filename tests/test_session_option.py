"""The agent session an output belongs to reaches the ledger: from `--session` (which agent
hooks put into the commands they rewrite) or $HR_SESSION, and only when it is a plain id."""

from __future__ import annotations

import sqlite3
import sys

import pytest

from hr.agents.hook_io import compress_text
from hr.agents.rewrite import rewrite
from support import expand_hash, repetitive_log, run_hr

HR = "/opt/hr/bin/hr"
UUID = "5f0c6a1e-9b7d-4c1a-8e2f-3d4b5a6c7d8e"


def ledger_sessions(cache, table: str = "compressions") -> list:
    with sqlite3.connect(cache / "ledger.sqlite3") as db:
        return [row[0] for row in db.execute(f"SELECT session FROM {table} ORDER BY id")]


def test_run_and_filter_record_the_session(cache):
    log = "for i in range(400): print(f'2024-01-01 00:00:{i % 60:02d} INFO step {i} ok')"
    assert run_hr(["run", "--session", UUID, "--", sys.executable, "-c", log]).returncode == 0
    assert run_hr(["--session", "codex:42"], repetitive_log()).returncode == 0
    assert ledger_sessions(cache) == [UUID, "codex:42"]


def test_environment_session_is_the_default(cache):
    assert run_hr([], repetitive_log(), env={"HR_SESSION": "from-env"}).returncode == 0
    assert ledger_sessions(cache) == ["from-env"]


@pytest.mark.parametrize("hostile", ["x; rm -rf ~", "$(id)", "a b", "é", "x" * 129, "line\nbreak"])
def test_a_session_that_is_not_a_plain_id_is_not_recorded(cache, hostile):
    r = run_hr(["--session", hostile], repetitive_log())
    assert r.returncode == 0 and b"[hr " in r.stdout  # the output is not lost over it
    assert ledger_sessions(cache) == [None]


def test_rewrite_passes_a_plain_session_on():
    assert rewrite("cd sub && pytest -q", HR, 27000, session=UUID) == \
        f"cd sub && {HR} run --budget 27000c --session {UUID} -- pytest -q"


@pytest.mark.parametrize("hostile", ["x; rm -rf ~", "$(id)", "`id`", "a b", "'", ""])
def test_rewrite_never_puts_a_hostile_session_in_the_command(hostile):
    assert rewrite("pytest -q", HR, 27000, session=hostile) == f"{HR} run --budget 27000c -- pytest -q"


def test_a_hostile_environment_session_is_not_recorded(cache):
    assert run_hr([], repetitive_log(), env={"HR_SESSION": "$(id); x"}).returncode == 0
    assert ledger_sessions(cache) == [None]


def test_a_hook_event_session_reaches_the_ledger_only_when_plain(cache, monkeypatch):
    monkeypatch.delenv("HR_SESSION", raising=False)
    for session in (UUID, "$(id); x"):
        assert compress_text(repetitive_log().decode(), "app.log", session, 27000, "hook-claude") is not None
    assert ledger_sessions(cache) == [UUID, None]


def test_an_expansion_records_the_environment_session_only_when_plain(cache):
    digest = expand_hash(run_hr([], repetitive_log()).stdout)
    for session in ("from-env", "$(id); x"):
        assert run_hr(["expand", digest, "--lines", "1-3"], env={"HR_SESSION": session}).returncode == 0
    assert ledger_sessions(cache, "expansions") == ["from-env", None]
