"""`hr hook gemini`: answers to Gemini CLI's hook events (shapes as @google/gemini-cli 0.61.0
sends and reads them; tests/e2e/test_gemini_e2e.py checks them against the real client)."""

from __future__ import annotations

import json

import pytest

from hr.agents import client_process, gemini, hook_io

LOG = "".join(f"2024-05-01 12:00:{i % 60:02d} INFO worker request handled id={i} status=200\n" for i in range(6000))


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("HR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("HR_DISABLE", raising=False)
    monkeypatch.setattr(hook_io, "hr_executable", lambda: "/opt/hr/bin/hr")
    (tmp_path / "home" / ".gemini").mkdir(parents=True)
    return tmp_path


def client(monkeypatch, *argv):
    monkeypatch.setattr(client_process, "client_argv", lambda: ["node", "gemini.js", *argv])


def before(command, cwd=None, session_id=None):
    return gemini.handle({"hook_event_name": "BeforeTool", "tool_name": "run_shell_command", "cwd": cwd,
                          "session_id": session_id, "tool_input": {"command": command, "description": "d"}})


def after(llm_content, command="grep x app.log"):
    return gemini.handle({"hook_event_name": "AfterTool", "tool_name": "run_shell_command",
                          "tool_input": {"command": command}, "tool_response": {"llmContent": llm_content}})


@pytest.mark.parametrize("argv", [("--yolo",), ("-y",), ("--approval-mode", "yolo"), ("--approval-mode=yolo",)])
def test_before_rewrites_only_under_yolo(monkeypatch, argv):
    client(monkeypatch, "-p", "x", *argv)
    assert before("pytest -q") == {"hookSpecificOutput": {
        "hookEventName": "BeforeTool", "tool_input": {"command": "/opt/hr/bin/hr run --budget 32000c -- pytest -q"}}}


@pytest.mark.parametrize("argv", [(), ("--approval-mode", "default"), ("--approval-mode", "auto_edit")])
def test_before_leaves_commands_alone_when_gemini_may_ask(monkeypatch, argv):
    client(monkeypatch, "-p", "x", *argv)
    assert before("pytest -q") is None


def test_before_budget_follows_the_truncation_threshold(monkeypatch, isolated):
    client(monkeypatch, "--yolo")
    (isolated / "home" / ".gemini" / "settings.json").write_text(json.dumps({"tools": {"truncateToolOutputThreshold": 10000}}))
    assert "--budget 8000c" in before("cat a.log")["hookSpecificOutput"]["tool_input"]["command"]
    assert before("cat a.log | wc -l") is None


def test_after_replaces_the_output_part_of_a_result_gemini_would_cut():
    content = f"<untrusted_context>\nOutput: {LOG}Exit Code: 4\nProcess Group PGID: 77\n</untrusted_context>"
    out = after(content)
    assert out["decision"] == "block"
    reason = out["reason"]
    assert reason.startswith("<untrusted_context>\n[hr ") and reason.endswith("\nExit Code: 4\nProcess Group PGID: 77\n</untrusted_context>")
    assert "\nOutput: 2024-05-01" in reason and "hr expand" in reason and len(reason) < gemini.budget_chars()


def test_after_leaves_small_and_foreign_results_alone():
    assert after(f"Output: {LOG[:30000]}") is None
    assert after("Command moved to background (PID: 3). " + "x" * 50000) is None
    assert gemini.handle({"hook_event_name": "AfterTool", "tool_name": "read_file", "tool_input": {},
                          "tool_response": {"llmContent": "Output: " + LOG}}) is None


def test_before_passes_the_session_on_to_hr_run(monkeypatch):
    client(monkeypatch, "--yolo")
    command = before("pytest -q", session_id="5c2d9e1a-7b3f-4e8a-9d6c-1f0e2b3a4c5d")["hookSpecificOutput"]["tool_input"]["command"]
    assert command == "/opt/hr/bin/hr run --budget 32000c --session 5c2d9e1a-7b3f-4e8a-9d6c-1f0e2b3a4c5d -- pytest -q"
