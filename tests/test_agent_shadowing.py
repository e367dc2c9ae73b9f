"""Names the user's shell turns into aliases or functions are never rewritten by the hook."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from hr.agents import claude, claude_permissions, shadowing

BIN = Path(sys.executable).parent


@pytest.fixture
def home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("HR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SHELL", "/bin/bash")
    monkeypatch.setenv("PATH", f"{BIN}:/usr/bin:/bin")
    monkeypatch.delenv("ZDOTDIR", raising=False)
    return home


def test_aliases_and_functions_are_found(home):
    (home / ".bashrc").write_text("alias cat='cat -n'\nmake() { command make -j8 \"$@\"; }\n")
    assert shadowing.shadowed({"cat", "make", "pytest"}) == {"cat", "make"}


def test_hr_own_shims_do_not_count(home):
    (home / ".bashrc").write_text(f'eval "$({BIN / "hr"} shell-init bash)"\n')
    assert shadowing.shadowed({"cat", "make", "git"}) == set()


def test_answer_is_cached_until_the_config_changes(home, monkeypatch):
    rc = home / ".bashrc"
    rc.write_text("alias cat='bat -p'\n")
    assert shadowing.shadowed({"cat"}) == {"cat"}
    calls = []
    real = shadowing._probe
    monkeypatch.setattr(shadowing, "_probe", lambda *a: calls.append(a) or real(*a))
    assert shadowing.shadowed({"cat"}) == {"cat"}
    assert calls == []
    rc.write_text("# no aliases any more\n")
    assert shadowing.shadowed({"cat"}) == set()
    assert len(calls) == 1


def test_probe_failure_means_unknown(home, monkeypatch):
    monkeypatch.setattr(shadowing, "_probe", lambda *a: None)
    assert shadowing.shadowed({"cat"}) is None


@pytest.mark.skipif(not shutil.which("zsh"), reason="zsh not installed")
def test_zsh(home, monkeypatch):
    monkeypatch.setenv("SHELL", "/usr/bin/zsh")
    (home / ".zshrc").write_text("alias git='git --no-pager'\npytest() { command pytest -x \"$@\" }\n")
    assert shadowing.shadowed({"git", "pytest", "cat"}) == {"git", "pytest"}


def test_hook_does_not_rewrite_an_aliased_command(home, monkeypatch, tmp_path):
    monkeypatch.setattr(claude, "hr_executable", lambda: "/opt/hr/bin/hr")
    monkeypatch.setattr(claude_permissions, "_client_argv", lambda: ["claude", "--allowedTools", "Bash"])
    monkeypatch.setattr(claude_permissions, "MANAGED_SETTINGS", tmp_path / "none.json")
    event = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "permission_mode": "default",
             "cwd": str(tmp_path), "tool_input": {"command": "cd sub && cat a.log && pytest -q"}}
    assert claude.handle(event) is not None
    (home / ".bashrc").write_text("alias cat='cat -n'\n")
    assert claude.handle(event) is None


def test_answers_are_cached_per_name_and_privately(home, monkeypatch, tmp_path):
    import stat

    cache = tmp_path / "cache"
    monkeypatch.setenv("HR_CACHE_DIR", str(cache))
    (home / ".bashrc").write_text("alias cat='cat -n'\n")
    assert shadowing.shadowed({"cat"}) == {"cat"}
    probes = []
    real_probe = shadowing._probe
    monkeypatch.setattr(shadowing, "_probe", lambda shell, names: probes.append(names) or real_probe(shell, names))
    assert shadowing.shadowed({"cat", "pytest"}) == {"cat"}
    assert probes == [["pytest"]]  # only the name not asked about before
    assert shadowing.shadowed({"pytest"}) == set() and shadowing.shadowed({"cat"}) == {"cat"}
    assert len(probes) == 1
    saved = cache / "shell-shadows.json"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
