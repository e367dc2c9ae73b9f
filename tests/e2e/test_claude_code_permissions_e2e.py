"""hr's rewrites never change what Claude Code asks the user: checked with the real client.

A rewritten command no longer matches the user's rules, so the hook rewrites only commands the
client would have run without asking, and says "allow" for the rewrite. These tests hold that
claim against the pinned client: with and without hr, the same commands run, and the same
commands are refused.
"""

from __future__ import annotations

import pytest

from e2e_helpers import bash, text_of
from hr.agents.claude_permissions import _read_only
from hr.agents.rewrite import split

REFUSED = ("requires approval", "was blocked", "denied", "permission")
LOG = "".join(f"2024-05-01 12:00:00 INFO worker request handled id={i} status=200\n" for i in range(3000))


def refused(text: str) -> bool:
    return any(word in text for word in REFUSED) and "INFO worker" not in text


def results(fake) -> list[str]:
    return [text_of(r) for r in fake.tool_results()]


# Commands that hr.agents.claude_permissions calls read-only: the client must run each of them
# with no rule at all, or the hook would say "allow" where the client would have asked.
READ_ONLY_SAMPLES = [
    "cat big.log", "cat -n big.log", "cat sub/app.log", "cat big.log sub/app.log", "ls", "ls -la sub", "pwd",
    "cd sub", "git log", "git log --oneline -n 3", "git diff", "git diff --stat HEAD", "git show --stat HEAD",
    "git status", "cd sub && cat app.log",
]


def _project(agent):
    import subprocess

    (agent.work / "big.log").write_text(LOG)
    (agent.work / "sub").mkdir()
    (agent.work / "sub" / "app.log").write_text(LOG)
    subprocess.run("git init -q && git add . && git -c user.email=t@t -c user.name=t commit -qm init",
                   shell=True, cwd=agent.work, check=True)


def test_what_hr_calls_read_only_runs_without_asking_in_the_real_client(agent):
    for command in READ_ONLY_SAMPLES:
        assert all(_read_only(c.words) for c in split(command)), command
    _project(agent)
    fake = agent.run([[bash(c)] for c in READ_ONLY_SAMPLES], tools=None)
    got = results(fake)
    assert len(got) == len(READ_ONLY_SAMPLES)
    for command, text in zip(READ_ONLY_SAMPLES, got):
        assert not refused(text), f"{command!r} was refused by the client: {text[:200]}"


def test_a_narrow_allow_rule_still_runs_the_rewritten_command(agent):
    _project(agent)
    agent.install()
    fake = agent.run([[bash("git log --oneline")], [bash("cat big.log")]], tools="Bash(git log:*)")
    log, cat = results(fake)
    assert not refused(log) and "init" in log
    assert not refused(cat) and "[hr " in cat, cat[:300]


@pytest.mark.parametrize("command", ["make -s", "python3 -m pytest -q nothing_here"])
def test_commands_the_client_would_ask_about_are_left_alone(agent, command):
    _project(agent)
    without = results(agent.run([[bash(command)]], tools="Bash(echo:*)"))
    agent.install()
    with_hr = results(agent.run([[bash(command)]], tools="Bash(echo:*)"))
    assert refused(without[0])
    assert with_hr == without


def test_a_deny_rule_on_the_command_line_still_denies(agent):
    _project(agent)
    without = results(agent.run([[bash("cat big.log")]], args=("--disallowedTools", "Bash(cat:*)")))
    agent.install()
    with_hr = results(agent.run([[bash("cat big.log")]], args=("--disallowedTools", "Bash(cat:*)")))
    assert refused(without[0]) and refused(with_hr[0]), (without[0][:200], with_hr[0][:200])


def test_a_deny_rule_in_settings_still_denies(agent):
    import json

    _project(agent)
    agent.install()
    settings = json.loads(agent.settings.read_text())
    settings["permissions"]["deny"] = ["Bash(cat:*)"]
    agent.settings.write_text(json.dumps(settings))
    got = results(agent.run([[bash("cat big.log")]]))
    assert refused(got[0]), got[0][:200]
