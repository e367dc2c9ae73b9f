"""Shared by the learn/stats tests: a private home, cache and policy, real outputs, CliRunner."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from support import repetitive_log


@pytest.fixture
def home(tmp_path, monkeypatch, cache) -> Path:
    """Private HOME, XDG dirs, cache and policy: nothing of the user's is read or written."""
    h = tmp_path / "home"
    h.mkdir()
    for name, value in (("HOME", h), ("XDG_CONFIG_HOME", h / ".config"), ("HR_POLICY", h / "policy.toml"),
                        ("CODEX_HOME", h / ".codex"), ("CLAUDE_CONFIG_DIR", h / ".claude")):
        monkeypatch.setenv(name, str(value))
    for name in ("HR_SESSION", "HR_AGENT", "HR_O200K_FILE"):
        monkeypatch.delenv(name, raising=False)
    return h


def hr(*args: str, input: bytes | None = None):
    from hr.cli.main import cli

    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result


def kubectl_log(i: int) -> bytes:
    """A pod log, a little different each time (a different output each call)."""
    return repetitive_log(400 + 37 * i)


def pytest_output(tmp_path: Path, n: int = 300) -> bytes:
    """What real `pytest -q -rA` prints for a suite with many passes and two failures."""
    suite = tmp_path / "suite"
    suite.mkdir(exist_ok=True)
    (suite / "test_many.py").write_text(
        "import pytest\n\n"
        f"@pytest.mark.parametrize('i', range({n}))\n"
        "def test_value(i):\n"
        "    assert i not in (17, 211), f'value {i} is wrong'\n")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rA", "-p", "no:cacheprovider", str(suite)],
                          capture_output=True, cwd=suite, timeout=120)
    return done.stdout


def compress(data: bytes, label: str, session: str | None = None):
    from hr.engine.api import Hint, compress as engine_compress

    return engine_compress(data, Hint(label=label, session=session), source="run")
