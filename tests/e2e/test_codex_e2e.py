"""hr inside the real Codex CLI: what the model reads after `hr install codex`.

Each test scripts the model's function calls on a fake Responses API and asserts on the
`function_call_output` Codex sends back, i.e. exactly what the model would have read. Codex runs
as in an ordinary coding session (`codex exec -s workspace-write`), with the hook trust that
`hr install codex` recorded (no --dangerously-bypass-hook-trust).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from support import CORPUS

HADOOP = CORPUS / "log" / "loghub-hadoop"
CODEX_CAP_TOKENS = 10_000
# Codex's framing before the command's own output
HEADER = re.compile(r"Process exited with code (\d+)\n(?:.*\n)*?Output:\n", re.M)


def key_lines_kept(needles: list[dict], text: str) -> int:
    """How many needles (a verbatim string, or any_of several) occur in text."""
    return sum(any(s in text for s in ([n["verbatim"]] if "verbatim" in n else n["any_of"])) for n in needles)


def shell(cmd: str) -> tuple[str, dict]:
    return ("exec_command", {"cmd": cmd})


def body(output: str) -> tuple[int, str]:
    """Exit code and output text of one exec_command result."""
    m = HEADER.search(output)
    assert m, output[:500]
    return int(m.group(1)), output[m.end():]


def only_output(fake) -> str:
    outputs = fake.outputs()
    assert len(outputs) == 1, outputs
    return outputs[0]


@pytest.mark.skipif(not HADOOP.is_dir(), reason="../shared/corpus is not present")
def test_cat_of_a_big_log_reaches_the_model_whole_small_and_with_its_key_lines(codex_agent):
    log = (HADOOP / "input.log").read_text()
    needles = json.loads((HADOOP / "case.json").read_text())["needles"]
    (codex_agent.work / "big.log").write_text(log)
    codex_agent.install()
    code, text = body(only_output(codex_agent.run([[shell("cat big.log")]])))
    assert code == 0
    kept = key_lines_kept(needles, text)
    assert kept >= 0.95 * len(needles), f"{kept}/{len(needles)} key lines"
    assert len(text) <= 0.10 * len(log), (len(text), len(log))
    # within Codex's cap (about 4 bytes a token): Codex did not cut it
    assert len(text.encode()) < CODEX_CAP_TOKENS * 4
    assert "truncated" not in text.lower()
    digest = re.search(r"hr expand ([0-9a-f]{12})", text)
    assert digest, text[:500]
    back = codex_agent.hr("expand", digest.group(1))
    assert back.returncode == 0 and back.stdout == log


@pytest.mark.skipif(not HADOOP.is_dir(), reason="../shared/corpus is not present")
def test_without_hr_codex_cuts_the_same_log(codex_agent):
    """The baseline the test above improves on: Codex alone cuts the log to its cap."""
    log = (HADOOP / "input.log").read_text()
    needles = json.loads((HADOOP / "case.json").read_text())["needles"]
    (codex_agent.work / "big.log").write_text(log)
    _, text = body(only_output(codex_agent.run([[shell("cat big.log")]])))
    assert len(text) < len(log) / 2
    assert key_lines_kept(needles, text) < 0.95 * len(needles)


@pytest.mark.skipif(not HADOOP.is_dir(), reason="../shared/corpus is not present")
def test_in_the_read_only_sandbox_the_hook_compresses_what_codex_kept(codex_agent):
    """hr cannot keep originals from inside the read-only sandbox, so `hr run` passes the log
    through and Codex cuts it; the PostToolUse hook (outside the sandbox) then replaces what
    Codex kept with its compressed form, small enough that Codex does not cut it again."""
    log = (HADOOP / "input.log").read_text()
    (codex_agent.work / "big.log").write_text(log)
    codex_agent.install()
    text = only_output(codex_agent.run([[shell("cat big.log")]], sandbox="read-only"))
    assert "hr expand" in text and "Full hook output saved" not in text
    assert len(text) < 10_000
    assert "ERROR IN CONTACTING RM" in text  # the log's error, kept first


def test_the_budget_follows_the_users_output_cap(codex_agent):
    """tool_output_token_limit = 3000 in the user's config.toml: Codex cuts at about 12,000
    bytes, and hr's output fits under that."""
    codex_agent.codex_home.mkdir()
    (codex_agent.codex_home / "config.toml").write_text("tool_output_token_limit = 3000\n")
    lines = [f"2024-05-01 12:{i // 60 % 60:02d}:{i % 60:02d} INFO worker-{i % 7} job {i} done in {i % 90} ms\n"
             for i in range(8000)]
    lines[5000] = "2024-05-01 13:23:20 ERROR worker-2 job 5000 failed: out of memory\n"
    (codex_agent.work / "big.log").write_text("".join(lines))
    codex_agent.install()
    code, text = body(only_output(codex_agent.run([[shell("cat big.log")]])))
    assert code == 0 and "truncated" not in text.lower()
    assert len(text.encode()) < 3000 * 4 and "out of memory" in text and "hr expand" in text


FAILING = '''\
import pytest


@pytest.mark.parametrize("n", range(400))
def test_ok(n):
    assert n >= 0


def test_total():
    assert sum([1, 2, 3]) == 7
'''


def test_failing_pytest_keeps_its_failure_and_exit_code(codex_agent):
    (codex_agent.work / "test_app.py").write_text(FAILING)
    codex_agent.install()
    cmd = f"{sys.executable} -m pytest -v -p no:cacheprovider test_app.py"
    raw = subprocess.run(cmd.split(), cwd=codex_agent.work, capture_output=True, text=True).stdout
    code, text = body(only_output(codex_agent.run([[shell(cmd)]])))
    assert code == 1
    assert "test_total" in text and "assert 6 == 7" in text and "1 failed, 400 passed" in text
    assert "hr expand" in text and len(text) < len(raw) / 2  # it went through hr


def test_a_pipeline_is_left_alone(codex_agent):
    lines = "".join(f"2024-05-01 12:00:{i % 60:02d} INFO request handled id={i}\n" for i in range(20_000))
    (codex_agent.work / "big.log").write_text(lines)
    codex_agent.install()
    code, text = body(only_output(codex_agent.run([[shell("cat big.log | wc -l")]])))
    assert (code, text.strip()) == (0, "20000")


def test_uninstall_restores_the_config(codex_agent):
    config = codex_agent.codex_home / "config.toml"
    codex_agent.codex_home.mkdir()
    config.write_text('approval_policy = "on-request"\n')
    codex_agent.install("--mcp")
    assert "hook codex" in config.read_text() and "mcp_servers.hr" in config.read_text()
    listed = subprocess.run([str(codex_agent.codex), "mcp", "list"], env=codex_agent.env(), capture_output=True,
                            text=True, timeout=60)
    assert re.search(r"(?m)^hr\s+\S+/hr\s+mcp\s.*enabled", listed.stdout), listed.stdout  # Codex sees the server
    proc = codex_agent.hr("install", "codex", "--uninstall")
    assert proc.returncode == 0, proc.stderr
    assert config.read_text() == 'approval_policy = "on-request"\n'
