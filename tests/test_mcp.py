"""`hr mcp`: the stdio MCP server, spoken to as a client would (JSON-RPC lines on stdin/stdout)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from support import hr_bin, repetitive_log, run_hr

pytest.importorskip("mcp")


class Client:
    """The real `hr mcp` process, one request at a time."""

    def __init__(self, env: dict):
        self.proc = subprocess.Popen([hr_bin(), "mcp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, env=env)
        self.next_id = 0

    def request(self, method: str, params: dict | None = None) -> dict:
        self.next_id += 1
        self._send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params or {}})
        while True:
            msg = json.loads(self.proc.stdout.readline())
            if msg.get("id") == self.next_id:
                return msg

    def notify(self, method: str) -> None:
        self._send({"jsonrpc": "2.0", "method": method})

    def call(self, tool: str, **arguments) -> dict:
        return self.request("tools/call", {"name": tool, "arguments": arguments})["result"]

    def _send(self, msg: dict) -> None:
        self.proc.stdin.write(json.dumps(msg) + "\n")
        self.proc.stdin.flush()

    def close(self) -> int:
        self.proc.stdin.close()
        return self.proc.wait(timeout=30)


@pytest.fixture
def client(cache):
    import os

    c = Client(dict(os.environ))
    init = c.request("initialize", {"protocolVersion": "2025-06-18", "capabilities": {},
                                    "clientInfo": {"name": "test", "version": "1"}})
    assert init["result"]["serverInfo"]["name"] == "hr" and "tools" in init["result"]["capabilities"]
    c.notify("notifications/initialized")
    yield c
    assert c.close() == 0


def text(result: dict) -> str:
    return "".join(b["text"] for b in result["content"] if b["type"] == "text")


def stored_hash(data: bytes) -> str:
    out = run_hr(["--label", "app.log"], data).stdout
    import re

    return re.search(rb"hr expand ([0-9a-f]{12})", out).group(1).decode()


def test_tools_are_listed_with_their_arguments(client):
    tools = {t["name"]: t for t in client.request("tools/list")["result"]["tools"]}
    assert set(tools) == {"hr_expand", "hr_stats", "hr_compress"}
    assert {"hash", "lines", "grep", "items", "symbol"} <= set(tools["hr_expand"]["inputSchema"]["properties"])
    assert tools["hr_expand"]["inputSchema"]["required"] == ["hash"]
    assert {"text", "path", "budget"} <= set(tools["hr_compress"]["inputSchema"]["properties"])


def test_expand_a_line_range_returns_exactly_those_lines(client):
    data = repetitive_log(500)
    digest = stored_hash(data)
    result = client.call("hr_expand", hash=digest, lines="120-130")
    assert not result.get("isError")
    assert text(result) == b"".join(data.splitlines(keepends=True)[119:130]).decode()
    whole = client.call("hr_expand", hash=digest[:8])
    assert text(whole) == data.decode()
    hits = text(client.call("hr_expand", hash=digest, grep="ERROR"))
    assert hits.count("ERROR") == 2 and "INFO" not in hits


@pytest.mark.parametrize("arguments", [
    {"hash": "0123456789ab"},            # unknown
    {"hash": "../../etc/passwd"},        # not a hash
    {"hash": "zz", "lines": "1-2"},
])
def test_a_bad_hash_is_a_tool_error_and_the_server_goes_on(client, arguments):
    result = client.call("hr_expand", **arguments)
    assert result["isError"] is True and text(result)
    assert client.call("hr_stats")["isError"] is False  # still serving


def test_a_bad_span_is_a_tool_error(client):
    digest = stored_hash(repetitive_log(500))
    for args in ({"lines": "9-3"}, {"lines": "1-2", "grep": "x"}, {"grep": "("}):
        result = client.call("hr_expand", hash=digest, **args)
        assert result["isError"] is True, args


def test_compress_text_or_file_with_a_budget(client, tmp_path):
    data = repetitive_log(3000)
    small = client.call("hr_compress", text=data.decode(), budget="3000c")
    assert not small.get("isError") and len(text(small)) <= 3000 and "hr expand" in text(small)
    path = tmp_path / "app.log"
    path.write_bytes(data)
    from_file = client.call("hr_compress", path=str(path))
    digest = stored_hash(data)
    assert digest in text(from_file)
    for bad in ({"path": str(tmp_path / "missing.log")}, {"path": str(tmp_path)}, {},
                {"text": "x", "budget": "lots"}):
        assert client.call("hr_compress", **bad)["isError"] is True, bad


def test_stats_is_the_report_of_hr_stats(client):
    digest = stored_hash(repetitive_log(500))
    client.call("hr_expand", hash=digest, lines="1-3")
    report = text(client.call("hr_stats"))
    assert report and report == run_hr(["stats"]).stdout.decode()
    assert text(client.call("hr_stats", days=1)) == run_hr(["stats", "--days", "1.0"]).stdout.decode()
    assert client.call("hr_stats", days=-1)["isError"] is True


def test_the_sdk_is_imported_by_hr_mcp_only(cache):
    """Every other path (the CLI, hooks, the filter) starts without loading the mcp package."""
    script = (
        "import sys, io, contextlib\n"
        "from click.testing import CliRunner\n"
        "from hr.cli.main import cli\n"
        "for args in (['--help'], ['install', 'codex', '--help'], ['stats'], ['doctor'], ['mcp', '--help']):\n"
        "    CliRunner().invoke(cli, args)\n"
        "from hr.agents import claude, codex\n"
        "codex.handle({'hook_event_name': 'PreToolUse', 'tool_name': 'Bash', 'tool_input': {'command': 'cat a'}})\n"
        "print(sorted(m for m in sys.modules if m == 'mcp' or m.startswith('mcp.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
