"""`hr hook claude`: answers to Claude Code's hook events (shapes as the 2.1.330 client sends
and accepts them; tests/e2e checks them against the real client)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hr.agents import claude, claude_permissions
from support import in_a_marker

HR = str(Path(sys.executable).parent / "hr")
LOG = "".join(f"2024-05-01 12:00:{i % 60:02d} INFO worker request handled id={i} status=200\n" for i in range(3000))


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("HR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CLAUDE_PROJECT_DIR", str(tmp_path / "project"))
    monkeypatch.delenv("CLAUDE_CONFIG_DIR", raising=False)
    monkeypatch.delenv("BASH_MAX_OUTPUT_LENGTH", raising=False)
    monkeypatch.delenv("HR_DISABLE", raising=False)
    monkeypatch.setattr(claude, "hr_executable", lambda: "/opt/hr/bin/hr")
    monkeypatch.setattr(claude_permissions, "MANAGED_SETTINGS", tmp_path / "managed.json")


def client(monkeypatch, *argv):
    """Pretend Claude Code was started with these arguments."""
    monkeypatch.setattr(claude_permissions, "_client_argv", lambda: ["claude", "-p", *argv])


def pre(command, session_id=None, **extra):
    event = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "permission_mode": "default",
             "cwd": os.environ["CLAUDE_PROJECT_DIR"], "tool_input": {"command": command, "description": "d", **extra}}
    return claude.handle(event if session_id is None else {**event, "session_id": session_id})


def post(tool, response, tool_input=None):
    return claude.handle({"hook_event_name": "PostToolUse", "tool_name": tool, "tool_input": tool_input or {},
                          "tool_response": response})


# --- PreToolUse -------------------------------------------------------------------------------

def test_pre_rewrites_an_allowed_command_and_keeps_the_other_fields(monkeypatch):
    client(monkeypatch, "--allowedTools", "Bash(pytest:*)")
    out = pre("pytest -q")["hookSpecificOutput"]
    assert out["hookEventName"] == "PreToolUse"
    assert out["permissionDecision"] == "allow"
    assert out["updatedInput"] == {"command": "/opt/hr/bin/hr run --budget 27000c -- pytest -q", "description": "d"}


def test_pre_budget_follows_bash_max_output_length(monkeypatch):
    client(monkeypatch, "--allowedTools", "Bash")
    monkeypatch.setenv("BASH_MAX_OUTPUT_LENGTH", "10000")
    assert "--budget 9000c" in pre("pytest")["hookSpecificOutput"]["updatedInput"]["command"]


def test_pre_leaves_alone_what_the_client_would_ask_about(monkeypatch):
    client(monkeypatch, "--allowedTools", "Bash(git log:*)")
    assert pre("pytest -q") is None
    assert pre("cd sub && pytest -q") is None


def test_pre_read_only_commands_need_no_rule(monkeypatch):
    client(monkeypatch)
    assert pre("cat app.log") is not None
    assert pre("cd sub && git log --oneline") is not None
    assert pre("cat /etc/passwd") is None  # outside the project: the client asks
    assert pre("cat ../x.log") is None


def test_pre_deny_and_ask_rules_win(monkeypatch, tmp_path):
    client(monkeypatch, "--allowedTools", "Bash", "--disallowedTools", "Bash(cat:*)")
    assert pre("cat app.log") is None
    assert pre("pytest") is not None
    # a denied command hidden behind an assignment or a wrapper is still denied
    client(monkeypatch, "--allowedTools", "Bash", "--disallowedTools", "Bash(rm:*)")
    for command in ("pytest && FOO=1 rm -rf x", "pytest && env rm -rf x", "pytest; command rm -rf x"):
        assert pre(command) is None, command
    client(monkeypatch, "--allowedTools", "Bash")
    settings = tmp_path / "home" / ".claude" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"permissions": {"ask": ["Bash(pytest)"]}}))
    assert pre("pytest") is None  # an ask rule on `pytest` may cover `pytest -q`: in doubt, no
    settings.write_text("{not json")
    assert pre("make") is None  # unreadable settings: the rules are unknown


def test_pre_project_settings_count(monkeypatch, tmp_path):
    client(monkeypatch)
    local = tmp_path / "project" / ".claude" / "settings.local.json"
    local.parent.mkdir(parents=True)
    local.write_text(json.dumps({"permissions": {"allow": ["Bash(go test:*)"]}}))
    assert pre("go test ./...") is not None
    assert pre("go build ./...") is None


def test_pre_modes(monkeypatch):
    client(monkeypatch)
    event = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "make"}}
    assert claude.handle({**event, "permission_mode": "bypassPermissions"}) is not None
    assert claude.handle({**event, "permission_mode": "plan"}) is None
    assert claude.handle({**event, "permission_mode": "default"}) is None


def test_pre_unknown_client_flags_mean_no_rewrite(monkeypatch):
    monkeypatch.setattr(claude_permissions, "_client_argv", lambda: None)
    assert pre("cat app.log") is None


def test_pre_background_and_other_tools(monkeypatch):
    client(monkeypatch, "--allowedTools", "Bash")
    assert pre("pytest", run_in_background=True) is None
    assert claude.handle({"hook_event_name": "PreToolUse", "tool_name": "Read", "tool_input": {"file_path": "x"}}) is None


def test_settings_flag_and_rule_syntax():
    rules = claude_permissions.Rules()
    rules.add_argv(["claude", "--allowedTools", "Bash(git diff:*),Edit", "Read", "-p", "x",
                    "--disallowed-tools=Bash(rm:*)", "--settings", '{"permissions": {"ask": ["Bash(make)"]}}'])
    assert rules.allow == ["Bash(git diff:*)", "Edit", "Read"]
    assert rules.deny == ["Bash(rm:*)"]
    assert rules.ask == ["Bash(make)"]
    m = claude_permissions._matches
    assert m("npm run test:*", "npm run test -- --ci") and not m("npm run test:*", "npm run testx")
    assert m("npm run *", "npm run build") and not m("npm run *", "npx run build")
    assert m("pytest", "pytest") and not m("pytest", "pytest -q")


# --- PostToolUse ------------------------------------------------------------------------------

def bash_response(stdout, **extra):
    return {"stdout": stdout, "stderr": "", "interrupted": False, "isImage": False, "noOutputExpected": False, **extra}


def test_post_bash_keeps_the_shape():
    out = post("Bash", bash_response(LOG), {"command": "cat app.log"})["hookSpecificOutput"]
    assert out["hookEventName"] == "PostToolUse"
    new = out["updatedToolOutput"]
    assert set(new) == {"stdout", "stderr", "interrupted", "isImage", "noOutputExpected"}
    assert new["stdout"].startswith(LOG.splitlines()[0]) and "[hr " in new["stdout"] and len(new["stdout"]) < 2000


def test_post_bash_fits_the_budget():
    lines = "".join(f"{i:05d} {'abcdefghij'[i % 10] * (i % 50)} distinct text number {i * 7919 % 10007}\n" for i in range(4000))
    new = post("Bash", bash_response(lines))["hookSpecificOutput"]["updatedToolOutput"]["stdout"]
    assert len(lines) > 200_000 and len(new) <= 30_000


@pytest.mark.parametrize("response", [
    bash_response("small output\n"),
    bash_response(LOG.replace("id=5 ", "id=5 [hr 1 line · hr expand 0123456789ab --lines 6] ")),  # already compressed
    bash_response(LOG, interrupted=True),
    bash_response(LOG, isImage=True),
    "not a dict",
    {"stdout": None},
])
def test_post_bash_noop(response):
    assert post("Bash", response) is None


def test_post_grep_glob_webfetch_shapes():
    grep = {"mode": "content", "numFiles": 0, "filenames": [], "content": LOG.rstrip("\n"), "numLines": 3000}
    new = post("Grep", grep)["hookSpecificOutput"]["updatedToolOutput"]
    assert set(new) == set(grep) and new["numLines"] == 3000 and "[hr " in new["content"]
    files = [f"src/module_{i:04d}/index.ts" for i in range(3000)]
    for tool, response in (("Grep", {"mode": "files_with_matches", "filenames": files, "numFiles": 3000}),
                           ("Glob", {"filenames": files, "durationMs": 3, "numFiles": 3000, "truncated": False})):
        new = post(tool, response)["hookSpecificOutput"]["updatedToolOutput"]
        assert set(new) == set(response) and isinstance(new["filenames"], list)
        assert new["filenames"][0] == files[0] and any(f.startswith("[hr ") for f in new["filenames"])
    fetch = {"bytes": len(LOG), "code": 200, "codeText": "OK", "result": LOG, "durationMs": 5, "url": "https://x"}
    new = post("WebFetch", fetch)["hookSpecificOutput"]["updatedToolOutput"]
    assert set(new) == set(fetch) and "[hr " in new["result"]


def test_post_mcp_shapes():
    for response in (LOG, [{"type": "text", "text": LOG}, {"type": "image", "data": "x"}],
                     {"content": [{"type": "text", "text": LOG}], "isError": False}):
        new = post("mcp__srv__tool", response)["hookSpecificOutput"]["updatedToolOutput"]
        assert type(new) is type(response)
        assert "[hr " in json.dumps(new)
    assert post("mcp__srv__tool", [{"type": "text", "text": "small"}]) is None


def test_post_read_only_on_request(monkeypatch):
    read = {"type": "text", "file": {"filePath": "/p/app.log", "content": LOG, "numLines": 3001, "startLine": 1, "totalLines": 3001}}
    assert post("Read", read) is None
    monkeypatch.setenv("HR_CLAUDE_READ", "1")
    new = post("Read", read)["hookSpecificOutput"]["updatedToolOutput"]
    assert new["type"] == "text" and new["file"]["filePath"] == "/p/app.log" and "[hr " in new["file"]["content"]


def test_disabled(monkeypatch):
    monkeypatch.setenv("HR_DISABLE", "1")
    assert post("Bash", bash_response(LOG)) is None


def test_other_events_are_ignored():
    assert claude.handle({"hook_event_name": "PostToolUseFailure", "tool_name": "Bash", "error": "Exit code 1"}) is None
    assert claude.handle({"hook_event_name": "Stop"}) is None


# --- the process: fail open, fast ------------------------------------------------------------

def run_hook(stdin: bytes, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([HR, "hook", "claude"], input=stdin, capture_output=True, timeout=60,
                          env={**os.environ, **(env or {})})


@pytest.mark.parametrize("stdin", [b"", b"not json", b"[]", b'{"hook_event_name": 3}', b"\xff\xfe"])
def test_bad_input_exits_0_silently(stdin):
    proc = run_hook(stdin)
    assert proc.returncode == 0 and proc.stdout == b"" and proc.stderr == b""


def test_internal_failure_exits_0_silently(monkeypatch):
    monkeypatch.setattr(claude, "handle", lambda event: 1 / 0)
    out = io.StringIO()
    assert claude.main(io.BytesIO(b"{}"), out) == 0 and out.getvalue() == ""


def test_process_answers_post(tmp_path):
    event = {"hook_event_name": "PostToolUse", "tool_name": "Bash", "tool_input": {"command": "cat x"},
             "tool_response": bash_response(LOG)}
    proc = run_hook(json.dumps(event).encode())
    assert proc.returncode == 0
    assert "[hr " in json.loads(proc.stdout)["hookSpecificOutput"]["updatedToolOutput"]["stdout"]


@pytest.mark.parametrize("numbers", [
    b'{"id": ' + b"9" * 5000 + b', "delta": -' + b"8" * 5000 + b"}",  # integers int() refuses
    b'{"price": 0.10000000000000000001, "ratio": 1.50, "tiny": 1e-400, "zero": -0, "pi": 3.' + b"1" * 5000 + b"}",  # floats json would round
])
def test_process_keeps_the_numbers_of_what_it_does_not_compress(numbers):
    # an MCP tool's structured result beside its text: the text is compressed, the rest comes
    # back byte for byte
    event = json.dumps({"hook_event_name": "PostToolUse", "tool_name": "mcp__srv__tool", "tool_input": {},
                        "tool_response": {"content": [{"type": "text", "text": LOG}], "structuredContent": "HERE"}}).encode()
    proc = run_hook(event.replace(b'"HERE"', numbers))
    assert proc.returncode == 0 and proc.stderr == b""
    assert b'"structuredContent": ' + numbers + b"}" in proc.stdout
    answer = json.loads(proc.stdout, parse_int=str, parse_float=str)
    assert "[hr " in answer["hookSpecificOutput"]["updatedToolOutput"]["content"][0]["text"]


def test_noop_path_does_not_load_click_the_core_or_typing():
    # typing (with re and contextlib) would be half of what the no-op path costs over Python
    code = ("import sys, io; sys.argv=['hr','hook','claude']; sys.stdin=io.TextIOWrapper(io.BytesIO("
            "b'{\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Bash\",\"tool_response\":{\"stdout\":\"hi\"}}'));"
            "from hr.agents.claude import main; main();"
            "print(sorted(m for m in sys.modules if m in ('click','hr._core','hr.engine.api','hr.cli.main','typing')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert out.strip() == "[]"


def test_post_never_touches_hr_output():
    # the model asked `hr expand` for the original: it must get it whole
    for command in ("hr expand 3f9a2c", "/x/bin/hr expand 3f9a2c --lines 1-3000", "/x/hr run -- cat a.log"):
        assert post("Bash", bash_response(LOG), {"command": command}) is None


def test_client_argv_is_the_nearest_non_shell_ancestor():
    inner = f"{sys.executable} -c 'from hr.agents.claude_permissions import _client_argv; print(_client_argv())'"
    client = f"import subprocess; subprocess.run(['sh', '-c', {inner!r}])"
    out = subprocess.run([sys.executable, "-c", client, "--allowedTools", "Bash(x:*)"],
                         capture_output=True, text=True, timeout=60).stdout
    assert "'--allowedTools', 'Bash(x:*)'" in out


def test_post_bash_too_long_reads_the_saved_output(tmp_path):
    saved = tmp_path / "tool-results" / "b1.txt"
    saved.parent.mkdir()
    # an error past the client's preview: the lines after it fold into a marker of their own
    error = "2024-05-01 12:00:00 ERROR worker request failed id=1500 status=500\n"
    log = LOG.replace("handled id=1500 status=200\n", "handled id=1500 status=200\n" + error)
    saved.write_text(log)
    response = bash_response(log[:30000], persistedOutputPath=str(saved), persistedOutputSize=len(log))
    new = post("Bash", response, {"command": "cat app.log | cat"})["hookSpecificOutput"]["updatedToolOutput"]
    assert "persistedOutputPath" not in new and "persistedOutputSize" not in new
    # the whole saved output was compressed, not the first 30,000 characters: the error is
    # there, and the last line is either shown or inside a marker's range
    last = len(log.splitlines())
    assert "[hr " in new["stdout"] and error in new["stdout"]
    assert log.splitlines()[-1] in new["stdout"] or in_a_marker(new["stdout"], last)
    saved.unlink()
    assert post("Bash", response, {"command": "cat app.log | cat"}) is None  # file gone: leave it


def test_pre_passes_the_session_on_to_hr_run(monkeypatch):
    client(monkeypatch, "--allowedTools", "Bash(pytest:*)")
    command = pre("pytest -q", "0b9e8c52-1f3a-4d2b-9c7e-6a5f4e3d2c1b")["hookSpecificOutput"]["updatedInput"]["command"]
    assert command == "/opt/hr/bin/hr run --budget 27000c --session 0b9e8c52-1f3a-4d2b-9c7e-6a5f4e3d2c1b -- pytest -q"


def test_post_bash_compresses_output_that_only_looks_like_a_marker():
    # only the restore command says hr compressed a text already; `[hr …]` alone can be anything
    new = post("Bash", bash_response(LOG.replace("id=5 ", "id=5 [hr x] ")))
    assert "hr expand" in new["hookSpecificOutput"]["updatedToolOutput"]["stdout"]
