"""Helpers shared by test_testout.py and test_shell.py: run a real tool, pipe what it printed
through the real `hr` CLI, and check what survived."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HR = str(Path(sys.executable).with_name("hr"))


def run_tool(argv: list[str], cwd: Path, env: dict | None = None, timeout: int = 300) -> str:
    """What `argv` printed (stdout then stderr, as a terminal-less agent would see it)."""
    full_env = {**os.environ, "NO_COLOR": "1", "CI": "1", **(env or {})}
    p = subprocess.run(argv, cwd=cwd, env=full_env, capture_output=True, timeout=timeout)
    return (p.stdout + p.stderr).decode("utf-8", "replace")


def hr(text: str, cache: Path, *args: str) -> str:
    """Compress `text` with the hr CLI, as `tool | hr` would."""
    p = subprocess.run(
        [HR, *args], input=text.encode(), capture_output=True, timeout=60,
        env={**os.environ, "HR_CACHE_DIR": str(cache)},
    )
    assert p.returncode == 0, p.stderr.decode()
    return p.stdout.decode()


def assert_survive(out: str, needles: list[str], raw: str) -> None:
    for n in needles:
        assert n in raw, f"test bug: {n!r} is not in the tool's output"
        assert n in out, f"lost {n!r} in:\n{out}"


def assert_compressed(out: str, raw: str) -> None:
    assert "[hr " in out, out
    assert len(out) < len(raw), (len(out), len(raw))


def need(tool: str) -> str:
    path = shutil.which(tool)
    if not path:
        pytest.skip(f"{tool} not installed")
    return path
