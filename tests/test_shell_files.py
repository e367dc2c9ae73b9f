"""The top-level shell/ directory: the shell integration and the agent hook templates are real
files, valid in their own language, shipped inside the package and read by hr."""

from __future__ import annotations

import json
import shutil
import subprocess
import tomllib

import pytest

from support import REPO, run_hr

SHELL = REPO / "shell"


def test_the_files_are_there_and_the_package_ships_them():
    names = {p.name for p in SHELL.iterdir()}
    assert {"hr.bash", "hr.zsh", "hr.fish", "claude-hooks.json", "codex.toml", "gemini-hooks.json"} <= names
    # hr/shell is the same directory (a link), and the wheel takes every file in it
    assert (REPO / "hr" / "shell").resolve() == SHELL.resolve()
    include = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["maturin"]["include"]
    assert any(i["path"] == "hr/shell/*" and "wheel" in i["format"] for i in include)


def test_templates_are_valid_in_their_own_language():
    for name in ("claude-hooks.json", "gemini-hooks.json"):
        groups = json.loads((SHELL / name).read_text())
        assert all(h["command"] == "@HOOK@" for gs in groups.values() for g in gs for h in g["hooks"])
    codex = tomllib.loads((SHELL / "codex.toml").read_text())
    assert [g["hooks"][0]["command"] for e in ("PreToolUse", "PostToolUse") for g in codex["hooks"][e]] == ["@HOOK@"] * 2


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_shell_init_prints_the_file_with_hr_filled_in(shell):
    out = run_hr(["shell-init", shell]).stdout.decode()
    first = "hr.fish" if shell == "fish" else "hr.bash"
    template = (SHELL / first).read_text()
    assert "@HR@" not in out and "@NEVER@" not in out
    # the file's own text, placeholders aside, comes first and whole
    assert out.startswith(template.split("@HR@")[0])
    assert ((SHELL / "hr.zsh").read_text() in out) == (shell == "zsh")  # zsh: its own pipeline status on top


@pytest.mark.skipif(not shutil.which("shellcheck"), reason="shellcheck is not installed")
def test_shellcheck_passes_on_the_bash_file_and_on_what_shell_init_prints(tmp_path):
    rendered = tmp_path / "init.bash"
    rendered.write_bytes(run_hr(["shell-init", "bash"]).stdout)
    for path in (SHELL / "hr.bash", rendered):
        proc = subprocess.run(["shellcheck", "-s", "bash", str(path)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout
