"""End-to-end fixtures: the real Claude Code client, run offline against a scripted fake
Anthropic server, with hr's hooks installed by `hr install claude` in a temporary HOME.

The client is installed from npm once (tests/e2e/install_claude.sh, cached under
$HR_TEST_NPM_CACHE or .cache/hr-test in the repository); the tests skip only where npm cannot be reached.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from fake_anthropic import FakeAnthropic

HERE = Path(__file__).parent
BIN_DIR = Path(sys.executable).parent
HR = BIN_DIR / "hr"


@pytest.fixture(scope="session")
def claude_bin() -> Path:
    env = dict(os.environ)
    try:
        proc = subprocess.run(["sh", str(HERE / "install_claude.sh")], capture_output=True, text=True, timeout=600, env=env)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"could not install Claude Code from npm: {exc}")
    if proc.returncode != 0:
        reachable = subprocess.run(["npm", "ping"], capture_output=True, timeout=60).returncode == 0
        if not reachable:
            pytest.skip("npm registry not reachable: cannot install the real Claude Code client")
        pytest.fail(f"installing Claude Code failed:\n{proc.stderr[-2000:]}")
    return Path(proc.stdout.strip().splitlines()[-1])


@dataclass
class Agent:
    """A temporary HOME and project directory, and the real client to run in them."""

    claude: Path
    home: Path
    work: Path
    cache: Path
    pass_settings: bool = True

    def env(self, **extra) -> dict:
        env = {
            "HOME": str(self.home), "PATH": f"{BIN_DIR}:/usr/local/bin:/usr/bin:/bin", "SHELL": "/bin/bash",
            "LANG": "C.UTF-8", "HR_CACHE_DIR": str(self.cache), "ANTHROPIC_API_KEY": "dummy",
            "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1", "DISABLE_AUTOUPDATER": "1",
        }
        env.update(extra)
        return env

    @property
    def settings(self) -> Path:
        return self.home / ".claude" / "settings.json"

    def hr(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(HR), *args], cwd=self.work, env=self.env(), capture_output=True, text=True, timeout=60)

    def install(self, *args: str) -> None:
        proc = self.hr("install", "claude", *args)
        assert proc.returncode == 0, proc.stderr

    def run(self, script: list, *, tools: str | None = "Bash", args: tuple[str, ...] = (), **env) -> FakeAnthropic:
        """Run `claude -p` with the installed settings; the model makes the scripted tool calls."""
        with FakeAnthropic(script) as fake:
            settings = ["--settings", str(self.settings)] if self.settings.exists() and self.pass_settings else []
            proc = subprocess.run(
                [str(self.claude), "-p", "run the commands", *settings,
                 *(["--allowedTools", tools] if tools is not None else []), *args, "--output-format", "json"],
                cwd=self.work, env=self.env(ANTHROPIC_BASE_URL=fake.url, **env),
                capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
            )
            assert proc.returncode == 0, f"claude failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
            result = json.loads(proc.stdout)
            assert not result.get("is_error"), result
            return fake


@pytest.fixture
def agent(claude_bin, tmp_path) -> Agent:
    home, work, cache = tmp_path / "home", tmp_path / "work", tmp_path / "cache"
    for d in (home, work, cache):
        d.mkdir()
    return Agent(claude_bin, home, work, cache)
