"""The real Claude Code client through `hr proxy` to a fake Anthropic: three tool turns.

What reaches the fake is what the model would read. The same run without the proxy is the
reference for where Claude Code put its cache_control breakpoints.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from e2e_helpers import bash
from fake_anthropic import FakeAnthropic
from proxy_process import ProxyProcess

pytest.importorskip("aiohttp")

SECRET = "sk-ant-hr-e2e-" + os.urandom(8).hex()


def write_inputs(work: Path) -> None:
    (work / "api.log").write_text("".join(
        f"2024-05-01 12:00:{i % 60:02d} INFO api-{i % 5} GET /v1/items/{i} 200 {i * 7 % 113}ms\n" for i in range(300))
        + "2024-05-01 12:01:00 ERROR api-2 upstream timeout after 30000ms (pool exhausted)\n")
    (work / "worker.log").write_text("".join(
        f"[worker {i % 3}] job {i} finished in {i % 17} s, queue depth {i % 9}\n" for i in range(400))
        + "[worker 1] FATAL: disk quota exceeded on /var/spool/jobs\n")
    (work / "rows.json").write_text(json.dumps([{"id": i, "name": f"item-{i}", "ok": True, "score": i % 10} for i in range(250)], indent=1))


SCRIPT = [[bash("cat api.log")], [bash("cat worker.log")], [bash("cat rows.json")]]


def run_claude(agent, base_url: str) -> None:
    proc = subprocess.run(
        [str(agent.claude), "-p", "read the files", "--allowedTools", "Bash", "--output-format", "json"],
        cwd=agent.work, env=agent.env(ANTHROPIC_BASE_URL=base_url, ANTHROPIC_API_KEY=SECRET),
        capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, f"claude failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    assert not json.loads(proc.stdout).get("is_error"), proc.stdout


def cache_control_paths(node, path=()) -> list[tuple]:
    found = []
    if isinstance(node, dict):
        for k, v in node.items():
            found += [path + (k,)] if k == "cache_control" else cache_control_paths(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += cache_control_paths(v, path + (i,))
    return found


def tool_result_literals(raw: bytes) -> dict[str, bytes]:
    """tool_use_id -> the exact bytes of its content in the request body."""
    from hr.proxy import anthropic, spans

    root = spans.parse(raw, spans.along(anthropic.PATTERN))
    found = {}
    for msg in root.get("messages").items:
        for block in (msg.get("content").items or ()) if msg.get("content") else ():
            if block.str_value("type") == "tool_result":
                content = block.get("content")
                found[block.str_value("tool_use_id")] = raw[content.start:content.end]
    return found


def messages_in_shared_prefix(raws: list[bytes]) -> list[int]:
    """For each later request: how many of the previous request's messages it repeats
    byte for byte at the start of its body (what a prompt cache can reuse)."""
    from hr.proxy import spans

    counts = []
    for before, after in zip(raws, raws[1:]):
        same = next((i for i, (a, b) in enumerate(zip(before, after)) if a != b), min(len(before), len(after)))
        ends = [m.end for m in spans.parse(before, spans.along(("messages",))).get("messages").items]
        counts.append(sum(1 for end in ends if end <= same))
    return counts


def test_claude_code_through_hr_proxy(agent, tmp_path):
    write_inputs(agent.work)
    with FakeAnthropic(SCRIPT) as direct:
        run_claude(agent, direct.url)
    with FakeAnthropic(SCRIPT) as fake, ProxyProcess(fake.url, agent.cache, log=tmp_path / "proxy.out") as proxy:
        run_claude(agent, proxy.url)
        code, proxy_stderr = proxy.stop()
    assert code == 0

    agent_raw = [raw for raw, body in zip(fake.raw, fake.requests) if body.get("tools")]
    assert len(agent_raw) == 4  # three tool turns and the final answer

    # large tool results reach the fake compressed, with the signal line kept
    results = fake.tool_results()
    assert len(results) == 3
    for block, needle in zip(results, ["ERROR api-2 upstream timeout", "FATAL: disk quota exceeded", '"item-249"']):
        assert "hr expand" in block["content"] and needle in block["content"], block["content"][:500]
    direct_results = direct.tool_results()
    for ours, theirs in zip(results, direct_results):
        assert len(ours["content"]) < len(theirs["content"]) / 2

    # every earlier tool_result is byte-identical on every later turn
    literals = [tool_result_literals(raw) for raw in agent_raw]
    for earlier, later in zip(literals, literals[1:]):
        assert all(later[k] == v for k, v in earlier.items())
    assert [len(x) for x in literals] == [0, 1, 2, 3]

    # the cacheable prefix is as long as without the proxy, and covers earlier tool results
    direct_raw = [raw for raw, body in zip(direct.raw, direct.requests) if body.get("tools")]
    shared = messages_in_shared_prefix(agent_raw)
    assert shared == messages_in_shared_prefix(direct_raw)
    assert shared[-1] >= 4, shared

    # cache_control at the same JSON paths as without the proxy
    direct_agent = [body for body in direct.requests if body.get("tools")]
    assert [cache_control_paths(b) for b in fake.agent_requests()] == [cache_control_paths(b) for b in direct_agent]
    # and nothing else of the request changed: with the tool results put back, same structure
    assert [list(b) for b in fake.agent_requests()] == [list(b) for b in direct_agent]

    # the API key is in no file hr wrote (cache, ledger, originals, memo) nor in its output
    assert SECRET not in proxy_stderr + proxy.first_line + (tmp_path / "proxy.out").read_text()
    from hr.engine import core

    for path in agent.cache.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert SECRET.encode() not in data, path
            if path.suffix == ".zst":
                assert SECRET.encode() not in core.unpack(data), path
