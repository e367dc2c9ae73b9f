"""The README opens with the two commands that do everything; CI runs the second verbatim."""

from __future__ import annotations

import re

from support import REPO


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text()
    return re.findall(r"```sh\n(.+?)\n```", text, re.S)[:2]


def test_readme_starts_with_setup_and_test_commands():
    setup, test = readme_commands()
    assert "pip install ." in setup and "| .venv/bin/hr" in setup
    assert "pytest" in test and "cargo test" in test


def test_ci_runs_the_readme_test_command_verbatim():
    _, test = readme_commands()
    ci = (REPO / ".ci" / "run").read_text().splitlines()
    assert test in ci
