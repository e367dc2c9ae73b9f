"""`hr proxy` as a process: binding, token, hr's own routes, clean shutdown; and no aiohttp
on any other path."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from fakes import anthropic_message, sse, stream
from proxy_process import ProxyProcess

HR = Path(sys.executable).parent / "hr"


def imported_modules(args: list[str], stdin: bytes = b"", env: dict | None = None) -> set[str]:
    """The modules a run of `hr ARGS` imported (via -X importtime)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", "import sys; from hr.entry import main; sys.argv[0] = 'hr'; main()", *args],
                          input=stdin, capture_output=True, timeout=60, env={**os.environ, **(env or {})})
    return {line.split("|")[-1].strip() for line in proc.stderr.decode().splitlines() if line.startswith("import time:")}


@pytest.mark.parametrize("args,stdin", [
    (["--version"], b""),
    ([], b"hello\n" * 500),
    (["hook", "claude"], json.dumps({"hook_event_name": "PostToolUse", "tool_name": "Bash", "tool_input": {"command": "ls"},
                                     "tool_response": {"stdout": "x\n" * 3000, "stderr": ""}}).encode()),
    (["--help"], b""),
])
def test_no_aiohttp_outside_the_proxy(args, stdin):
    mods = imported_modules(args, stdin)
    assert "hr.entry" in mods  # the measurement itself works
    assert not {m for m in mods if m.split(".")[0] in ("aiohttp", "multidict", "yarl")}
    assert "hr.proxy.app" not in mods


def test_the_proxy_path_does_import_it():
    mods = imported_modules(["proxy", "--host", "10.1.2.3"])
    assert "hr.cli.proxy" in mods  # refused before the server is loaded: still no aiohttp
    assert "aiohttp" not in mods


def test_non_loopback_needs_allow_remote_and_a_token():
    env = {k: v for k, v in os.environ.items() if k != "HR_PROXY_TOKEN"}
    proc = subprocess.run([str(HR), "proxy", "--host", "0.0.0.0"], capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 2 and "--allow-remote" in proc.stderr
    proc = subprocess.run([str(HR), "proxy", "--host", "0.0.0.0", "--allow-remote"], capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 2 and "HR_PROXY_TOKEN" in proc.stderr


def test_health_stats_metrics_and_token(make_fake, tmp_path):
    async def reply(request, raw):
        return await stream(request, sse(anthropic_message([{"type": "text", "text": "ok"}], "end_turn")))

    fake = make_fake(reply)
    p = ProxyProcess(fake.url, tmp_path / "cache", HR_PROXY_TOKEN="tok-123")
    try:
        assert httpx.get(p.url + "/health", timeout=30).json() == {"status": "ok"}
        denied = httpx.post(p.url + "/v1/messages", content=b"{}", timeout=30)
        assert denied.status_code == 401 and denied.json()["error"]["type"] == "authentication_error" and not fake.requests
        ok = httpx.post(p.url + "/v1/messages", content=b'{"model":"m","messages":[]}', headers={"x-hr-proxy-token": "tok-123", "x-api-key": "sk-up"}, timeout=30)
        assert ok.status_code == 200
        assert fake.requests[0].header("x-hr-proxy-token") is None and fake.requests[0].header("x-api-key") == "sk-up"
        stats = httpx.get(p.url + "/stats", headers={"x-hr-proxy-token": "tok-123"}, timeout=30).json()
        assert stats["requests"]["anthropic"] == 2 and stats["responses"]["2xx"] == 1
        metrics = httpx.get(p.url + "/metrics", headers={"x-hr-proxy-token": "tok-123"}, timeout=30).text
        assert 'hr_proxy_requests_total{api="anthropic"} 2' in metrics and "# TYPE hr_proxy_in_flight gauge" in metrics
        assert httpx.get(p.url + "/stats.html", timeout=30).status_code == 401
        page = httpx.get(p.url + "/stats.html", headers={"x-hr-proxy-token": "tok-123"}, timeout=30)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert "Content-Security-Policy" in page.text and "<svg" in page.text, page.text[:500]
    finally:
        assert p.stop()[0] == 0


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_shutdown_finishes_streams_in_flight(make_fake, tmp_path, sig):
    fake = None

    async def reply(request, raw):
        return await stream(request, sse(anthropic_message([{"type": "text", "text": "a b c"}], "end_turn")), gate_after=2, fake=fake)

    fake = make_fake(reply)
    p = ProxyProcess(fake.url, tmp_path / "cache")
    with httpx.stream("POST", p.url + "/v1/messages", content=b'{"model":"m","messages":[],"stream":true}', timeout=30) as resp:
        lines = resp.iter_lines()
        while "content_block_start" not in next(lines):
            pass
        assert fake.reached_gate.wait(30)
        p.proc.send_signal(sig)  # while the stream is held half-way
        with pytest.raises(httpx.ConnectError):  # no new connections once stopping
            for _ in range(200):  # bounded: until the listener is closed
                httpx.get(p.url + "/health", timeout=5)
        fake.gate.set()
        rest = "\n".join(lines)
    assert "message_stop" in rest  # the stream in flight was finished
    assert p.proc.wait(60) == 0
