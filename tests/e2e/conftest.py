"""End-to-end fixtures: the real Claude Code client, run offline against a scripted fake
Anthropic server, with hr's hooks installed by `hr install claude` in a temporary HOME.

The client is installed from npm once (tests/e2e/install_claude.sh, cached under
$HR_TEST_NPM_CACHE or .cache/hr-test in the repository); the tests skip only where npm cannot be reached.
"""

from __future__ import annotations

import json
import os
import shutil
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


# --- Codex CLI ------------------------------------------------------------------------------------

def _install(script: str, what: str) -> Path:
    try:
        proc = subprocess.run(["sh", str(HERE / script)], capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"could not install {what} from npm: {exc}")
    if proc.returncode != 0:
        reachable = subprocess.run(["npm", "ping"], capture_output=True, timeout=60).returncode == 0
        if not reachable:
            pytest.skip(f"npm registry not reachable: cannot install the real {what}")
        pytest.fail(f"installing {what} failed:\n{proc.stderr[-2000:]}")
    return Path(proc.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def codex_bin() -> Path:
    return _install("install_codex.sh", "Codex CLI")


# a model in Codex's own catalog, so that its real output cap applies (10,000 tokens)
CODEX_MODEL = '''model = "gpt-5.5"
model_provider = "fake"
'''
CODEX_PROVIDER = '''
[model_providers.fake]
name = "fake"
base_url = "{url}"
wire_api = "responses"
env_key = "HR_TEST_FAKE_KEY"
'''


class RunsHr:
    """`hr` and `hr install AGENT` in an agent's temporary HOME and project directory."""

    agent = ""

    def hr(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(HR), *args], cwd=self.work, env=self.env(), capture_output=True, text=True, timeout=60)

    def install(self, *args: str) -> None:
        proc = self.hr("install", self.agent, *args)
        assert proc.returncode == 0, proc.stderr + proc.stdout


@dataclass
class CodexAgent(RunsHr):
    """A temporary HOME (with CODEX_HOME in it) and project directory, and the real Codex CLI.
    hr's cache is the default one under that HOME, so that the sandbox sees the same path."""

    codex: Path
    home: Path
    work: Path
    agent = "codex"

    @property
    def codex_home(self) -> Path:
        return self.home / ".codex"

    @property
    def cache(self) -> Path:
        return self.home / ".cache" / "headroom"

    def env(self, **extra) -> dict:
        env = {"HOME": str(self.home), "CODEX_HOME": str(self.codex_home), "SHELL": "/bin/bash", "LANG": "C.UTF-8",
               "PATH": f"{BIN_DIR}:/usr/local/bin:/usr/bin:/bin", "HR_TEST_FAKE_KEY": "dummy"}
        env.update(extra)
        return env

    def run(self, script: list, *, sandbox: str = "workspace-write", args: tuple[str, ...] = ()):
        """`codex exec` against a fake Responses API; the model makes the scripted calls. The
        model and its provider are added to config.toml for the run."""
        from fake_openai import FakeOpenAI

        config = self.codex_home / "config.toml"
        self.codex_home.mkdir(exist_ok=True)
        with FakeOpenAI(script) as fake:
            old = config.read_text() if config.exists() else ""
            # top-level keys first, the provider's table last: the user's keys and tables keep their place
            config.write_text(CODEX_MODEL + old + CODEX_PROVIDER.format(url=fake.url))
            try:
                proc = subprocess.run(
                    [str(self.codex), "exec", "--skip-git-repo-check", "--json", "-s", sandbox, *args, "run the commands"],
                    cwd=self.work, env=self.env(), capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
            finally:
                config.write_text(old)
            assert proc.returncode == 0, f"codex failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
            return fake


@pytest.fixture
def codex_agent(codex_bin, tmp_path) -> CodexAgent:
    home, work = tmp_path / "home", tmp_path / "work"
    for d in (home, work):
        d.mkdir()
    return CodexAgent(codex_bin, home, work)


# --- Gemini CLI -----------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def gemini_js() -> Path:
    return _install("install_gemini.sh", "Gemini CLI")


@dataclass
class GeminiAgent(RunsHr):
    """A temporary HOME and project directory, and the real Gemini CLI (node + its bundle),
    authenticated with an API key against a fake Gemini API (GOOGLE_GEMINI_BASE_URL)."""

    js: Path
    home: Path
    work: Path
    agent = "gemini"

    @property
    def settings(self) -> Path:
        return self.home / ".gemini" / "settings.json"

    def env(self, **extra) -> dict:
        env = {"HOME": str(self.home), "SHELL": "/bin/bash", "LANG": "C.UTF-8", "GEMINI_API_KEY": "dummy",
               "PATH": f"{BIN_DIR}:/usr/local/bin:/usr/bin:/bin", "GEMINI_CLI_NO_RELAUNCH": "true"}
        env.update(extra)
        return env

    def run(self, script: list, *, args: tuple[str, ...] = ("--yolo",)):
        """`gemini -p` against the fake API; the model makes the scripted calls. API-key auth
        and no folder-trust prompt are set in settings.json first (hr's hooks stay)."""
        from fake_gemini import FakeGemini

        self.settings.parent.mkdir(exist_ok=True)
        old = self.settings.read_text() if self.settings.exists() else "{}"
        settings = json.loads(old)
        settings["security"] = {"auth": {"selectedType": "gemini-api-key"}, "folderTrust": {"enabled": False}}
        with FakeGemini(script) as fake:
            self.settings.write_text(json.dumps(settings))
            try:
                proc = subprocess.run(
                    ["node", str(self.js), "-p", "run the commands", "-m", "gemini-2.5-pro", "-o", "json", *args],
                    cwd=self.work, env=self.env(GOOGLE_GEMINI_BASE_URL=fake.url), capture_output=True, text=True,
                    timeout=300, stdin=subprocess.DEVNULL)
            finally:
                self.settings.write_text(old)
            assert proc.returncode == 0, f"gemini failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
            return fake


@pytest.fixture
def gemini_agent(gemini_js, tmp_path) -> GeminiAgent:
    node = subprocess.run(["node", "--version"], capture_output=True, text=True) if shutil.which("node") else None
    if node is None or int(node.stdout.strip().lstrip("v").split(".")[0] or 0) < 20:
        pytest.skip("the Gemini CLI needs node >= 20")
    home, work = tmp_path / "home", tmp_path / "work"
    for d in (home, work):
        d.mkdir()
    return GeminiAgent(gemini_js, home, work)
