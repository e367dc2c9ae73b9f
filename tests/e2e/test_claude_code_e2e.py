"""hr inside the real Claude Code client: what the model reads after `hr install claude`.

Each test scripts the model's tool calls on a fake Anthropic server and asserts on the
`tool_result` the client sends back, i.e. exactly what the model would have read.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from e2e_helpers import bash, text_of
from fake_anthropic import FakeAnthropic
from support import in_a_marker

# ../shared beside the repository, when present
HADOOP = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "log" / "loghub-hadoop"
INLINE_LIMIT = 30_000


def tokens(text: str) -> int:
    from hr.engine import core

    return core.estimate_tokens(text.encode())


def only_result(fake: FakeAnthropic, n: int = 0) -> dict:
    results = fake.tool_results()
    assert len(results) > n, f"the model got {len(results)} tool results"
    return results[n]


def write_log(path: Path, lines: int, extra: dict[int, str] | None = None) -> str:
    extra = extra or {}
    text = "".join(extra.get(i, f"2024-05-01 12:00:{i % 60:02d} INFO worker-3 request handled id={i} status=200\n")
                   for i in range(lines))
    path.write_text(text)
    return text


PYTEST_PROJECT = '''\
import pytest


def total(xs):
    return sum(xs)


@pytest.mark.parametrize("n", range(600))
def test_ok(n):
    assert n >= 0


def test_total():
    assert total([1, 2, 3]) == 7


def test_parse():
    int("forty-two")


def test_lookup():
    config = {"port": 80}
    assert config["host"] == "localhost"
'''


def test_failing_pytest_reaches_the_model_compressed_with_every_failure(agent):
    (agent.work / "test_app.py").write_text(PYTEST_PROJECT)
    lines = PYTEST_PROJECT.splitlines()
    failing = {"test_total": "    assert total([1, 2, 3]) == 7", "test_parse": '    int("forty-two")',
               "test_lookup": '    assert config["host"] == "localhost"'}
    where = {name: lines.index(statement) + 1 for name, statement in failing.items()}
    raw = subprocess.run([sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", "test_app.py"],
                         cwd=agent.work, capture_output=True, text=True).stdout
    assert raw.count(" PASSED") == 600 and raw.count(" FAILED") >= 3
    agent.install()
    fake = agent.run([[bash("python -m pytest -v -p no:cacheprovider test_app.py")]])
    result = only_result(fake)
    seen = text_of(result)
    assert result.get("is_error") is True
    assert "[hr " in seen and "hr expand " in seen
    assert len(seen) < len(raw) / 2, f"{len(seen)} chars reached the model, the run printed {len(raw)}"
    for name, message in (("test_total", "assert 6 == 7"),
                          ("test_parse", "ValueError: invalid literal for int() with base 10: 'forty-two'"),
                          ("test_lookup", "KeyError: 'host'")):
        assert f"test_app.py::{name}" in seen
        assert message in seen
        assert f"test_app.py:{where[name]}" in seen, f"location of {name} missing"
    assert "3 failed, 600 passed" in seen


def test_pipeline_output_is_untouched(agent):
    write_log(agent.work / "big.log", 5000)
    agent.install()
    fake = agent.run([[bash("cat big.log | wc -l")], [bash("cat big.log | grep -c 'id=4'")]])
    assert text_of(only_result(fake, 0)).strip() == "5000"
    expected = subprocess.run("grep -c 'id=4' big.log", shell=True, cwd=agent.work, capture_output=True, text=True).stdout
    assert text_of(only_result(fake, 1)).strip() == expected.strip()


@pytest.mark.parametrize("login_shell", ["/bin/bash", pytest.param(
    shutil.which("zsh"), marks=pytest.mark.skipif(not shutil.which("zsh"), reason="zsh not installed"), id="zsh")])
def test_cd_holds_in_the_next_call(agent, login_shell):
    (agent.work / "sub").mkdir()
    write_log(agent.work / "sub" / "app.log", 3000)
    agent.install()
    fake = agent.run([[bash("cd sub && cat app.log")], [bash("pwd")], [bash("cd sub")], [bash("pwd && ls")],
                      [bash('echo "${ZSH_VERSION:+zsh}${BASH_VERSION:+bash}"')]], SHELL=login_shell or "/bin/false")
    assert text_of(only_result(fake, 4)).strip() == Path(login_shell).name  # the client used that shell
    assert "[hr " in text_of(only_result(fake, 0)), "the cat in `cd sub && cat app.log` was not compressed"
    assert text_of(only_result(fake, 1)).strip() == str((agent.work / "sub").resolve())
    # a second `cd sub` from inside sub fails; the shell stays in sub either way
    assert text_of(only_result(fake, 3)).strip().splitlines() == [str((agent.work / "sub").resolve()), "app.log"]


def test_model_expanding_a_marker_gets_the_original_lines(agent):
    text = write_log(agent.work / "app.log", 3000)
    pattern = "id=(777|1777|2777) "
    agent.install()

    def expand(body):
        seen = text_of(FakeAnthropic.last_tool_result(body))
        digest = re.search(r"hr expand ([0-9a-f]{6,})", seen).group(1)
        return [bash(f"hr expand {digest} --grep '{pattern}'")]

    fake = agent.run([[bash("cat app.log")], expand])
    first = text_of(only_result(fake, 0))
    wanted = [(n, line) for n, line in enumerate(text.splitlines(), 1) if re.search(pattern, line)]
    assert len(wanted) == 3
    assert not any(line in first for _, line in wanted), "the lines to fetch were inline already: the test proves nothing"
    got = text_of(only_result(fake, 1))
    # each original line, with its original line number
    assert [l for l in got.splitlines() if l != "--"] == [f"{n}:{line}" for n, line in wanted]


def test_uninstall_leaves_outputs_untouched(agent):
    text = write_log(agent.work / "app.log", 400)
    assert 2_000 < len(text) < INLINE_LIMIT
    agent.install()
    fake = agent.run([[bash("cat app.log")]])
    assert "[hr " in text_of(only_result(fake))
    agent.install("--uninstall")
    settings = json.loads(agent.settings.read_text())
    assert "hr hook" not in json.dumps(settings)
    fake = agent.run([[bash("cat app.log")]])
    assert text_of(only_result(fake)) == text.rstrip("\n")


def test_grep_result_is_compressed_in_its_own_shape(agent):
    write_log(agent.work / "app.log", 3000)
    for i in range(150):
        (agent.work / f"page_{i:04d}.html").write_text("x")
    agent.install()
    fake = agent.run([[("Grep", {"pattern": "request handled", "output_mode": "content", "path": "app.log"})],
                      [("Glob", {"pattern": "page_*.html"})]], tools="Grep,Glob")
    grep = text_of(only_result(fake, 0))
    assert "[hr " in grep and "request handled id=0 " in grep and len(grep) < 20_000
    # Glob lists at most 100 files itself: too little to compress, and it must arrive intact
    glob = text_of(only_result(fake, 1))
    assert "[hr " not in glob and glob.count("page_") == 100


@pytest.mark.skipif(not (HADOOP / "input.log").exists(), reason="corpus log loghub-hadoop not present")
def test_real_log_read_with_cat_reaches_the_model_inline_and_small(agent, record_property):
    log = (HADOOP / "input.log").read_text()
    case = json.loads((HADOOP / "case.json").read_text())
    assert len(log) >= 300_000
    shutil.copy(HADOOP / "input.log", agent.work / "hadoop.log")
    agent.install()
    fake = agent.run([[bash("cat hadoop.log")]])
    seen = text_of(only_result(fake))
    saving = 1 - tokens(seen) / tokens(log)
    record_property("token_saving", round(saving, 4))
    print(f"\nloghub-hadoop via cat: {tokens(log)} -> {tokens(seen)} tokens ({saving:.1%} saved), {len(seen)} chars")
    assert len(seen) <= INLINE_LIMIT and "persisted" not in seen.lower() and "Output too large" not in seen
    assert "hr expand " in seen
    assert saving >= 0.80
    missing = [n for n in case["needles"] if not any(s in seen for s in ([n["verbatim"]] if "verbatim" in n else n["any_of"]))]
    # every error, as its message (numbers and ids masked, issue 11): repeats of one message may
    # fold (the marker counts them), distinct messages may not
    def message(line: str) -> str:
        return re.sub(r"[0-9a-f]*\d[0-9a-f_]*", "0", line.split(" ", 2)[2])

    errors = {message(line) for line in log.splitlines() if " ERROR " in line or " FATAL " in line}
    shown = {message(line) for line in seen.splitlines() if line.count(" ") >= 2}
    lost = [e for e in errors if e not in shown]
    print(f"needles kept {len(case['needles']) - len(missing)}/{len(case['needles'])}, "
          f"distinct errors kept {len(errors) - len(lost)}/{len(errors)}")
    record_property("needles_kept", f"{len(case['needles']) - len(missing)}/{len(case['needles'])}")
    assert not lost
    assert not [n for n in missing if "any_of" in n], "an error needle was lost"
    # the budget (under 30,000 characters for ~376 KB) cannot hold every rare event of this log
    assert len(missing) <= len(case["needles"]) // 10, missing


def test_mcp_tool_result_is_compressed_in_its_own_shape(agent, tmp_path):
    config = tmp_path / "mcp.json"
    server = Path(__file__).parent / "fake_mcp_server.py"
    config.write_text(json.dumps({"mcpServers": {"big": {"command": sys.executable, "args": [str(server)]}}}))
    agent.install()
    fake = agent.run([[("mcp__big__dump", {})]], tools="mcp__big__dump",
                     args=("--mcp-config", str(config), "--strict-mcp-config"))
    seen = text_of(only_result(fake))
    assert "persisted-output" not in seen, "the result was too large and went to a file"
    assert "[hr " in seen and "cache refresh done shard=0 " in seen


def test_an_alias_of_the_user_keeps_working(agent):
    """`cat` is an alias in the user's ~/.bashrc, which Claude Code's shell loads: hr must not
    replace it with the plain program (only compress what the alias printed)."""
    text = write_log(agent.work / "app.log", 3000)
    (agent.home / ".bashrc").write_text("alias cat='cat -n'\n")
    agent.install()
    fake = agent.run([[bash("cat app.log")]])
    seen = text_of(only_result(fake))
    first = text.splitlines()[0]
    assert seen.startswith(f"     1\t{first}"), seen[:200]


def test_output_too_long_for_the_client_comes_back_inline(agent):
    """A command hr does not rewrite (a pipeline) prints 200 KB: the client saves it to a file
    and would show a 2 KB preview; the PostToolUse hook compresses the whole saved output."""
    text = write_log(agent.work / "app.log", 3000, {1234: "2024-05-01 12:00:00 ERROR worker-3 request failed id=1234 status=500\n"})
    assert len(text) > 100_000
    agent.install()
    fake = agent.run([[bash("grep -v DEBUG app.log | cat")]])
    seen = text_of(only_result(fake))
    assert "persisted-output" not in seen and len(seen) < INLINE_LIMIT
    assert "[hr " in seen
    assert "ERROR worker-3 request failed id=1234 status=500" in seen
    # all of the saved output was compressed, not only the preview: the last line is shown or
    # inside the range of a marker
    last = len(text.splitlines())
    assert text.splitlines()[-1] in seen or in_a_marker(seen, last)


def test_the_model_expands_a_marker_through_the_hr_mcp_server(agent):
    """`hr install claude --mcp`: the real client starts `hr mcp` and calls mcp__hr__hr_expand
    with the hash from a compressed Bash result; it gets exactly the lines asked for."""
    pytest.importorskip("mcp")
    text = write_log(agent.work / "app.log", 4000, {2500: "2024-05-01 12:41:40 ERROR worker-3 disk full on /var\n"})
    agent.install("--mcp")

    def expand_call(body):
        digest = re.search(r"hr expand ([0-9a-f]{12})", text_of(FakeAnthropic.last_tool_result(body))).group(1)
        return [("mcp__hr__hr_expand", {"hash": digest, "lines": "2499-2501"})]

    fake = agent.run([[bash("cat app.log")], expand_call], tools="Bash,mcp__hr__hr_expand")
    expanded = only_result(fake, 1)
    assert not expanded.get("is_error"), expanded
    assert text_of(expanded) == "".join(text.splitlines(keepends=True)[2498:2501])
