"""`hr learn`: evidence from the ledger and transcripts, rules per label, the policy applied."""

from __future__ import annotations

import json
import sqlite3

from learn_helpers import compress, home, hr, kubectl_log, pytest_output  # noqa: F401 (fixture)
from support import expand_hash


def _session_with_evidence(tmp_path, pytest_out: bytes, n: int = 4) -> None:
    """Every `kubectl logs api-0` output is expanded whole right after; `pytest -q` never is."""
    for i in range(n):
        out = compress(kubectl_log(i), "kubectl logs api-0", session="s1")
        assert not out.passthrough
        assert hr("expand", expand_hash(out.output)).exit_code == 0
        assert not compress(pytest_out + f"# run {i}\n".encode(), "pytest -q", session="s1").passthrough


def test_learn_proposes_a_rule_for_what_is_expanded_and_nothing_else(home, tmp_path):
    _session_with_evidence(tmp_path, pytest_output(tmp_path))
    first = hr("learn", "--json")
    assert first.exit_code == 0, first.output
    report = json.loads(first.output)
    assert [(r["label"], r["kind"]) for r in report["rules"]] == [("kubectl logs", "log")]
    rule = report["rules"][0]
    assert rule["skip"] is True and rule["evidence"] == 4 and rule["outputs"] == 4
    assert "expanded whole" in rule["reason"]
    assert report["applied"] is False and not (home / "policy.toml").exists()
    for _ in range(2):
        assert hr("learn", "--json").output == first.output  # deterministic


def test_apply_makes_the_expanded_label_less_compressed_and_leaves_pytest_alone(home, tmp_path):
    pytest_out = pytest_output(tmp_path)
    _session_with_evidence(tmp_path, pytest_out)
    new_log = kubectl_log(99)
    # what the engine makes of them without a policy (no ledger row: that would be evidence too)
    before_log = unrecorded(new_log, "kubectl logs api-0")
    before_pytest = unrecorded(pytest_out, "pytest -q")
    assert len(before_log) < len(new_log) and len(before_pytest) < len(pytest_out)
    applied = hr("learn", "--apply")
    assert applied.exit_code == 0 and "kubectl logs (log): skip = true" in applied.output, applied.output
    text = (home / "policy.toml").read_text()
    assert 'label = "kubectl logs"' in text and "pytest" not in text
    after_log = compress(new_log, "kubectl logs api-1").output
    assert len(after_log) > len(before_log) and after_log == new_log
    assert compress(pytest_out, "pytest -q").output == before_pytest
    # the ledger says which rule made the difference
    rows = sqlite3.connect(home.parent / "cache" / "ledger.sqlite3").execute(
        "SELECT policy FROM compressions WHERE label = 'kubectl logs api-1'").fetchall()
    assert rows == [("policy: skip",)]
    # applying again changes nothing; --reset removes the policy
    assert "nothing to change" in hr("learn", "--apply").output
    assert hr("learn", "--reset").exit_code == 0 and not (home / "policy.toml").exists()
    assert compress(new_log, "kubectl logs api-1").output == before_log


def unrecorded(data: bytes, label: str) -> bytes:
    from hr.engine.dispatch import Hint, compress as engine

    return engine(data, Hint(label=label)).output


def test_a_partly_fetched_label_keeps_short_folds(home, tmp_path):
    """Half the outputs fetched back, below break-even: folds under 16 lines stay verbatim."""
    for i in range(4):
        out = compress(kubectl_log(i), "kubectl logs api-0")
        if i % 2:
            hr("expand", expand_hash(out.output))
    rule = json.loads(hr("learn", "--json").output)["rules"][0]
    assert rule.get("min_fold_run") == 16 and "skip" not in rule
    hr("learn", "--apply")
    assert compress(kubectl_log(7), "kubectl logs api-2").policy == "min_fold_run=16"
    assert compress(kubectl_log(7), "git log").policy == ""
    # the option reaches the core: a fold of 3 lines is kept, a fold of 20 is not
    lines = [f"2024-05-01 12:00:{i:02d} INFO worker started job id={i}" for i in range(3)]
    from hr.engine import core

    data = ("\n".join(lines * 1) + "\n").encode()
    folded, spans = core.compress("log", data * 40, "abcdef012345", None, 0)
    kept, kept_spans = core.compress("log", data * 40, "abcdef012345", None, 10**6)
    assert spans and not kept_spans and kept == data * 40 and len(folded) < len(kept)


def test_expansions_in_another_session_or_much_later_are_no_evidence(home, tmp_path):
    for i in range(3):
        out = compress(kubectl_log(i), "kubectl logs api-0", session="s1")
        hr("expand", expand_hash(out.output))
    conn = sqlite3.connect(home.parent / "cache" / "ledger.sqlite3")
    conn.execute("UPDATE expansions SET session = 's2'")
    conn.commit()
    assert json.loads(hr("learn", "--json").output)["rules"] == []
    conn.execute("UPDATE expansions SET session = NULL, ts = ts + 601")
    conn.commit()
    assert json.loads(hr("learn", "--json").output)["rules"] == []
    conn.execute("UPDATE expansions SET ts = ts - 601")
    conn.commit()
    assert len(json.loads(hr("learn", "--json").output)["rules"]) == 1


def _claude_transcript(path, calls: list[tuple[str, str, str]]) -> None:
    """A Claude Code session file: per call an assistant tool_use and a user tool_result."""
    with open(path, "w") as f:
        for n, (cid, command, result) in enumerate(calls):
            f.write(json.dumps({"type": "assistant", "sessionId": "abc", "message": {"role": "assistant", "content": [
                {"type": "tool_use", "id": cid, "name": "Bash", "input": {"command": command}}]}}) + "\n")
            f.write(json.dumps({"type": "user", "sessionId": "abc", "message": {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": cid, "content": result}]}}) + "\n")


def _codex_session(path, calls: list[tuple[str, str, str]]) -> None:
    with open(path, "w") as f:
        for cid, command, result in calls:
            args = json.dumps({"command": ["bash", "-lc", command]})
            f.write(json.dumps({"type": "response_item", "payload": {
                "type": "function_call", "name": "shell", "arguments": args, "call_id": cid}}) + "\n")
            f.write(json.dumps({"type": "response_item", "payload": {
                "type": "function_call_output", "call_id": cid, "output": result}}) + "\n")


def test_transcripts_are_evidence(home, tmp_path):
    """Claude Code: folded output then `hr expand HASH`; Codex: the same command re-run with
    HR_DISABLE=1. No expansion is in the ledger: the evidence is the session files'."""
    project = home / ".claude" / "projects" / "p"
    project.mkdir(parents=True)
    sessions = home / ".codex" / "sessions" / "2026" / "11"
    sessions.mkdir(parents=True)
    claude, codex = [], []
    for i in range(2):
        out = compress(kubectl_log(i), "Bash: kubectl logs api-0").output.decode()
        claude += [(f"t{i}", "kubectl logs api-0", out), (f"x{i}", f"hr expand {expand_hash(out.encode())}", "…")]
        out = compress(kubectl_log(10 + i), "kubectl logs api-0").output.decode()
        codex += [(f"c{i}", "kubectl logs api-0", out), (f"r{i}", "HR_DISABLE=1 kubectl logs api-0", "…")]
    _claude_transcript(project / "abc.jsonl", claude + [("z", "ls", "a b")])
    _codex_session(sessions / "rollout.jsonl", codex)
    report = json.loads(hr("learn", "--json").output)
    assert report["transcripts"] == 2 and report["over_compressed"] == 4
    assert [(r["label"], r["evidence"], r["outputs"]) for r in report["rules"]] == [("kubectl logs", 4, 4)]
    assert "transcript" in report["rules"][0]["reason"]
    # without the session files there is no evidence at all
    assert json.loads(hr("learn", "--json", "--no-transcripts").output)["rules"] == []


def test_transcript_lines_with_huge_numbers_are_read(tmp_path):
    # integers Python's int() refuses (over 4,300 digits) in a call's input, beside a result,
    # and in a Codex call's arguments: the lines still count
    from hr.learn import transcripts

    big = "9" * 5000
    claude_call = {"type": "assistant", "message": {"content": [
        {"type": "tool_use", "id": "t1", "name": "Bash", "input": {"command": "kubectl logs api-0", "timeout": "BIG"}}]}}
    claude_result = {"type": "user", "message": {"content": [{"type": "tool_result", "tool_use_id": "t1", "content": "out"}]},
                     "toolUseResult": {"stdout": "out", "bytes": "BIG"}}
    codex_call = {"type": "response_item", "payload": {"type": "function_call", "name": "shell", "call_id": "c1",
                                                       "arguments": '{"command": ["bash", "-lc", "make"], "timeout_ms": BIG}'}}
    path = tmp_path / "session.jsonl"
    path.write_text("".join(json.dumps(x).replace('"BIG"', big).replace("BIG", big) + "\n" for x in (claude_call, claude_result, codex_call)))
    assert path.read_text().count(big) == 3
    assert transcripts.events(str(path)) == [("call", "t1", "kubectl logs api-0"), ("result", "t1", "out"), ("call", "c1", "make")]


def test_labels_are_normalised_to_program_and_subcommand():
    from hr.learn.labels import normalise

    assert normalise("kubectl logs api-0 -f") == "kubectl logs"
    assert normalise("Bash: HR_DISABLE=1 kubectl logs api-0") == "kubectl logs"
    assert normalise("python -m pytest -q tests/") == "pytest"
    assert normalise("hr run --budget 3000c -- cargo test --all") == "cargo test"
    assert normalise("pytest tests/test_x.py") == "pytest"
    assert normalise(None) == "-"


def test_a_broken_policy_is_ignored(home, tmp_path):
    (home / "policy.toml").write_text("[[rule]\nlabel = ")
    data = kubectl_log(1)
    assert not compress(data, "kubectl logs api-0").passthrough


def test_old_ledgers_gain_the_new_columns(cache, tmp_path):
    """A version-1 ledger (before learning) keeps its rows and gets the new columns in place."""
    from hr.store import ledger

    cache.mkdir(mode=0o700)
    old = sqlite3.connect(cache / "ledger.sqlite3")
    old.executescript(ledger.SCHEMA + "PRAGMA user_version = 1;")
    old.execute("INSERT INTO compressions (ts, hash, kind, label, session, source, bytes_in, bytes_out, tokens_in,"
                " tokens_out, passthrough, note, ms) VALUES (1, 'ab', 'log', 'x', NULL, 'filter', 10, 5, 4, 2, 0, '', 1)")
    old.commit()
    old.close()
    conn = ledger.connect(str(cache))
    cols = {r[1] for r in conn.execute("PRAGMA table_info(compressions)")}
    assert {"agent", "lines_in", "lines_folded", "budget_chars", "policy"} <= cols
    assert conn.execute("SELECT COUNT(*) FROM compressions").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == ledger.SCHEMA_VERSION
