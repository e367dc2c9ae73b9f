"""hr inside the real Gemini CLI: what the model reads after `hr install gemini`.

Each test scripts the model's function calls on a fake Gemini API and asserts on the
`functionResponse` the client sends back, i.e. exactly what the model would have read.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

THRESHOLD = 40_000  # Gemini's truncateToolOutputThreshold, default


def write_log(path, lines: int, extra: dict[int, str] | None = None) -> str:
    extra = extra or {}
    text = "".join(extra.get(i, f"2024-05-01 12:00:{i % 60:02d} INFO worker-3 request handled id={i} status=200\n")
                   for i in range(lines))
    path.write_text(text)
    return text


def shell(cmd: str) -> tuple[str, dict]:
    return ("run_shell_command", {"command": cmd, "description": "run it"})


def only_response(fake) -> dict:
    responses = fake.function_responses()
    assert len(responses) == 1, responses
    return responses[0]["response"]


def only_output(fake) -> str:
    return only_response(fake)["output"]


def test_yolo_rewrites_a_noisy_command_to_hr_run(gemini_agent):
    text = write_log(gemini_agent.work / "app.log", 6000, {4000: "2024-05-01 12:41:40 ERROR worker-3 disk full on /var\n"})
    gemini_agent.install()
    out = only_output(gemini_agent.run([[shell("cat app.log")]]))
    assert "disk full on /var" in out and "hr expand" in out
    assert len(out) < THRESHOLD and len(out) < len(text) / 10
    assert "modified by a hook" in out  # Gemini says so itself
    digest = re.search(r"hr expand ([0-9a-f]{12})", out).group(1)
    assert gemini_agent.hr("expand", digest).stdout == text


def test_a_failing_pytest_keeps_its_failure_and_exit_code(gemini_agent):
    (gemini_agent.work / "test_app.py").write_text(
        "import pytest\n\n\n@pytest.mark.parametrize('n', range(400))\ndef test_ok(n):\n    assert n >= 0\n\n\n"
        "def test_total():\n    assert sum([1, 2, 3]) == 7\n")
    gemini_agent.install()
    cmd = f"{sys.executable} -m pytest -v -p no:cacheprovider test_app.py"
    raw = subprocess.run(cmd.split(), cwd=gemini_agent.work, capture_output=True, text=True).stdout
    out = only_output(gemini_agent.run([[shell(cmd)]]))
    assert "Exit Code: 1" in out
    assert "test_total" in out and "assert 6 == 7" in out and "1 failed, 400 passed" in out
    assert "hr expand" in out and len(out) < len(raw) / 2


def test_after_tool_replaces_the_output_of_what_was_not_rewritten(gemini_agent):
    """A command hr does not wrap (grep) is not rewritten: AfterTool replaces the Output part of
    its result, over Gemini's threshold, and keeps the rest (the exit code) as Gemini wrote it."""
    write_log(gemini_agent.work / "app.log", 6000, {4000: "2024-05-01 12:41:40 ERROR worker-3 disk full on /var\n"})
    gemini_agent.install()
    response = only_response(gemini_agent.run([[shell("grep -v DEBUG app.log; exit 4")]], args=("--approval-mode", "yolo")))
    out = response["error"]  # how Gemini hands the model a replaced result
    assert out.startswith("<untrusted_context>\n[hr note: the command's own result")
    assert "Output: " in out and "Exit Code: 4" in out and "disk full on /var" in out and "hr expand" in out
    assert len(out) < THRESHOLD
    assert "modified by a hook" not in out


def test_a_pipeline_is_left_alone(gemini_agent):
    write_log(gemini_agent.work / "app.log", 20_000)
    gemini_agent.install()
    out = only_output(gemini_agent.run([[shell("cat app.log | wc -l")]]))
    assert re.search(r"Output: 20000\n", out), out


def test_uninstall_restores_the_settings(gemini_agent):
    gemini_agent.settings.parent.mkdir()
    gemini_agent.settings.write_text('{"theme": "dark"}')
    gemini_agent.install("--mcp")
    settings = json.loads(gemini_agent.settings.read_text())
    assert settings["mcpServers"]["hr"]["args"] == ["mcp"] and "BeforeTool" in settings["hooks"]
    assert gemini_agent.hr("install", "gemini", "--uninstall").returncode == 0
    assert gemini_agent.settings.read_text() == '{"theme": "dark"}' or json.loads(gemini_agent.settings.read_text()) == {"theme": "dark"}


def test_outside_yolo_an_allowed_command_is_not_rewritten(gemini_agent):
    """`--allowed-tools run_shell_command(cat)`: Gemini runs `cat` unasked, but would not run a
    rewritten `hr run -- cat` unasked, so hr leaves it and compresses the result afterwards."""
    write_log(gemini_agent.work / "app.log", 6000)
    gemini_agent.install()
    response = only_response(gemini_agent.run([[shell("cat app.log")]], args=("--allowed-tools", "run_shell_command(cat)")))
    out = response.get("error") or response.get("output")
    assert "modified by a hook" not in out
    assert "[hr note: the command's own result" in out and "hr expand" in out and len(out) < THRESHOLD
