"""The real Codex CLI 0.171.0 through `hr proxy` to a fake Responses API: the
function_call_output items reach the fake compressed, everything else as Codex sent it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from fake_openai import FakeOpenAI, shell_turns
from proxy_process import ProxyProcess

pytest.importorskip("aiohttp")

SCRIPT = shell_turns([["cat api.log"], ["cat rows.json"]])


def run_codex(codex: Path, home: Path, work: Path, base_url: str, cache: Path) -> None:
    codex_home = home / ".codex"
    codex_home.mkdir(parents=True, exist_ok=True)
    (codex_home / "config.toml").write_text(
        f'model_provider = "fake"\nmodel = "gpt-test"\n\n[model_providers.fake]\nname = "fake"\n'
        f'base_url = "{base_url}"\nwire_api = "responses"\nenv_key = "HR_TEST_OPENAI_KEY"\n')
    env = {"HOME": str(home), "CODEX_HOME": str(codex_home), "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
           "LANG": "C.UTF-8", "HR_TEST_OPENAI_KEY": "sk-openai-e2e", "HR_CACHE_DIR": str(cache)}
    proc = subprocess.run([str(codex), "exec", "--skip-git-repo-check", "--json", "-s", "workspace-write", "read the files"],
                          cwd=work, env=env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, f"codex failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"


def outputs(body: dict) -> list[str]:
    return [item["output"] for item in body["input"] if item.get("type") == "function_call_output"]


def test_codex_through_hr_proxy(codex_bin, tmp_path):
    work, cache = tmp_path / "work", tmp_path / "cache"
    work.mkdir()
    (work / "api.log").write_text("".join(f"2024-05-01 12:00:{i % 60:02d} INFO api-{i % 5} GET /v1/items/{i} 200 {i * 7 % 113}ms\n" for i in range(300))
                                  + "2024-05-01 12:01:00 ERROR api-2 upstream timeout after 30000ms (pool exhausted)\n")
    (work / "rows.json").write_text(json.dumps([{"id": i, "name": f"item-{i}", "ok": True} for i in range(120)], indent=1))

    with FakeOpenAI(SCRIPT) as direct:
        run_codex(codex_bin, tmp_path / "home", work, direct.url, cache)
    with FakeOpenAI(SCRIPT) as fake, ProxyProcess(fake.origin, cache) as proxy:
        run_codex(codex_bin, tmp_path / "home", work, f"{proxy.url}/v1", cache)

    assert len(fake.requests) == len(direct.requests) == 3
    last = outputs(fake.requests[-1])
    plain = outputs(direct.requests[-1])
    assert len(last) == 2
    for ours, theirs, needle in zip(last, plain, ["ERROR api-2 upstream timeout", '"item-119"']):
        assert ours.startswith("Chunk ID: ") and "hr expand" in ours and needle in ours
        assert "hr expand" not in theirs and len(ours) < len(theirs) / 2
    # earlier outputs are byte-identical on the later turn
    assert outputs(fake.requests[1])[0] == last[0]
    # the rest unchanged: instructions, tools and the other input items are what Codex sends without the proxy
    for ours, theirs in zip(fake.requests, direct.requests):
        assert list(ours) == list(theirs)
        assert ours["tools"] == theirs["tools"] and ours.get("instructions") == theirs.get("instructions")
        strip = lambda body: [{k: v for k, v in item.items() if k not in ("output", "call_id", "id")} for item in body["input"]]  # noqa: E731
        assert strip(ours) == strip(theirs)
