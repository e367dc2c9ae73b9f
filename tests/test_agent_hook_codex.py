"""`hr hook codex`: answers to Codex CLI's hook events (shapes as Codex 0.171.0 sends and
accepts them; tests/e2e/test_codex_e2e.py checks them against the real client)."""

from __future__ import annotations

import io
import json

import pytest

from hr.agents import codex, hook_io

LOG = "".join(f"2024-05-01 12:00:{i % 60:02d} INFO worker request handled id={i} status=200\n" for i in range(6000))


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("HR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CODEX_HOME", str(tmp_path / "codex"))
    monkeypatch.delenv("HR_DISABLE", raising=False)
    monkeypatch.setattr(hook_io, "hr_executable", lambda: "/opt/hr/bin/hr")
    (tmp_path / "codex").mkdir()
    return tmp_path


def pre(command, mode="bypassPermissions", cwd="/nonexistent", session_id=None):
    return codex.handle({"hook_event_name": "PreToolUse", "tool_name": "Bash", "permission_mode": mode, "cwd": cwd,
                         "session_id": session_id, "tool_input": {"command": command}})


def post(command, output):
    return codex.handle({"hook_event_name": "PostToolUse", "tool_name": "Bash", "permission_mode": "default",
                         "tool_input": {"command": command}, "tool_response": output})


def test_pre_rewrites_a_noisy_command_with_a_budget_under_codex_cap():
    out = pre("cd sub && pytest -q")["hookSpecificOutput"]
    assert out == {"hookEventName": "PreToolUse", "permissionDecision": "allow",
                   "updatedInput": {"command": "cd sub && /opt/hr/bin/hr run --budget 32000c -- pytest -q"}}


def test_pre_budget_follows_the_users_output_cap(isolated):
    (isolated / "codex" / "config.toml").write_text('model = "x"\ntool_output_token_limit = 5000\n\n[tui]\nx = 1\n')
    assert "--budget 16000c" in pre("cat a.log")["hookSpecificOutput"]["updatedInput"]["command"]
    (isolated / "codex" / "config.toml").write_text('[profile]\ntool_output_token_limit = 5000\n')
    assert "--budget 32000c" in pre("cat a.log")["hookSpecificOutput"]["updatedInput"]["command"]


@pytest.mark.parametrize("command", ["cat a | wc -l", "cat a > b", "echo hi", "hr expand abcdef123456", "cat"])
def test_pre_leaves_alone_what_it_must_not_rewrite(command):
    assert pre(command) is None


def test_pre_respects_codex_approval(isolated):
    # approval "never": Codex asks nothing, so a rewrite asks nothing either
    assert pre("pytest", mode="bypassPermissions") is not None
    # other policies: sandboxed commands run unasked unless an exec-policy rule names them
    assert pre("pytest", mode="default") is not None
    rules = isolated / "codex" / "rules"
    rules.mkdir()
    (rules / "default.rules").write_text('prefix_rule(pattern=["pytest"], decision="prompt")\n')
    assert pre("pytest", mode="default") is None
    assert pre("cat a.log", mode="default") is not None
    project = isolated / "project"
    (project / ".codex" / "rules").mkdir(parents=True)
    (project / ".codex" / "rules" / "x.rules").write_text('prefix_rule(pattern=["cat"], decision="forbidden")\n')
    assert pre("cat a.log", mode="default", cwd=str(project)) is None
    assert pre("cat a.log", mode="something-new") is None


def test_post_replaces_only_what_codex_would_cut():
    assert post("cat small.log", LOG[:20_000]) is None
    out = post("cat big.log | grep -v DEBUG", LOG)
    assert out["decision"] == "block"
    assert len(out["reason"]) <= codex.HOOK_REASON_CHARS and "hr expand" in out["reason"]
    assert post("ls", {"not": "a string"}) is None


def test_disabled_and_other_tools_change_nothing(monkeypatch):
    assert codex.handle({"hook_event_name": "PreToolUse", "tool_name": "apply_patch", "tool_input": {"command": "cat a"},
                         "permission_mode": "bypassPermissions"}) is None
    monkeypatch.setenv("HR_DISABLE", "1")
    assert pre("pytest") is None


def test_main_never_fails():
    out = io.StringIO()
    assert codex.main(io.BytesIO(b"not json"), out) == 0 and out.getvalue() == ""
    assert codex.main(io.BytesIO(json.dumps({"hook_event_name": "PreToolUse", "tool_name": "Bash",
                                             "permission_mode": "bypassPermissions",
                                             "tool_input": {"command": "pytest"}}).encode()), out) == 0
    assert json.loads(out.getvalue())["hookSpecificOutput"]["permissionDecision"] == "allow"


def test_pre_passes_the_session_on_to_hr_run():
    command = pre("pytest -q", session_id="019a2b3c-4d5e-7f60-8a9b-0c1d2e3f4a5b")["hookSpecificOutput"]["updatedInput"]["command"]
    assert command == "/opt/hr/bin/hr run --budget 32000c --session 019a2b3c-4d5e-7f60-8a9b-0c1d2e3f4a5b -- pytest -q"
