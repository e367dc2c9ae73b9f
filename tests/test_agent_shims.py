"""`hr shell-init bash|zsh|fish` in the real shells: wrapped commands compress only in an agent's
shell and only when their output goes straight to the agent; everything else is as without hr."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
LINES = 5000
SHELLS = [pytest.param(s, marks=pytest.mark.skipif(not shutil.which(s), reason=f"{s} not installed")) for s in ("bash", "zsh", "fish")]


@pytest.fixture
def workdir(tmp_path):
    (tmp_path / "big.log").write_text("".join(f"2024-05-01 INFO worker request handled id={i}\n" for i in range(LINES)))
    return tmp_path


def shell(name: str, script: str, cwd: Path, merged: bool = False, **env) -> subprocess.CompletedProcess:
    init = f"{BIN / 'hr'} shell-init fish | source" if name == "fish" else f'eval "$({BIN / "hr"} shell-init {name})"'
    base = {"PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(cwd), "HR_CACHE_DIR": str(cwd / "cache"), "LANG": "C.UTF-8"}
    args = [name, "--no-config", "-c"] if name == "fish" else [name, "-f" if name == "zsh" else "--norc", "-c"]
    return subprocess.run(args + [init + "\n" + script], cwd=cwd, env={**base, **env}, capture_output=not merged,
                          stdout=subprocess.PIPE if merged else None, stderr=subprocess.STDOUT if merged else None,
                          text=True, timeout=60)


@pytest.mark.parametrize("name", SHELLS)
def test_straight_to_the_agent_is_compressed(name, workdir):
    r = shell(name, "cat big.log", workdir, HR_AGENT="1")
    assert r.returncode == 0
    assert "[hr " in r.stdout and len(r.stdout) < 1000
    assert r.stdout.startswith("2024-05-01 INFO worker request handled id=0\n")


@pytest.mark.parametrize("name", SHELLS)
def test_pipeline_redirect_and_substitution_are_untouched(name, workdir):
    subst = "set x (cat big.log); count $x" if name == "fish" else 'x=$(cat big.log); printf "%s\\n" "$x" | wc -l'
    script = f"cat big.log | wc -l\ncat big.log > copy.log\n{subst}\nbegin; cat big.log; end | wc -l" if name == "fish" else \
        f"cat big.log | wc -l\ncat big.log > copy.log\n{subst}\n{{ cat big.log; }} | wc -l"
    r = shell(name, script, workdir, HR_AGENT="1")
    assert r.returncode == 0, r.stderr
    assert [l.strip() for l in r.stdout.split()] == [str(LINES)] * 3
    assert (workdir / "copy.log").read_bytes() == (workdir / "big.log").read_bytes()


@pytest.mark.parametrize("name", SHELLS)
def test_exit_status_and_stderr_are_kept(name, workdir):
    status = "$status" if name == "fish" else "$?"
    r = shell(name, f"cat nosuch.log big.log\necho status={status}\ncat big.log\necho status={status}", workdir, HR_AGENT="1")
    assert "No such file or directory" in r.stderr and "No such file" not in r.stdout
    assert "status=1" in r.stdout and "status=0" in r.stdout
    assert "[hr " in r.stdout
    # stderr and stdout on one pipe (as an agent reads them): compressed together, in order
    r = shell(name, f"cat nosuch.log big.log\necho status={status}", workdir, merged=True, HR_AGENT="1")
    assert r.stdout.startswith("cat: nosuch.log: No such file or directory\n")
    assert "[hr " in r.stdout and "status=1" in r.stdout
    # stderr thrown away stays thrown away
    r = shell(name, f"cat nosuch.log big.log 2>/dev/null\necho status={status}", workdir, merged=True, HR_AGENT="1")
    assert "No such file" not in r.stdout and "status=1" in r.stdout


@pytest.mark.parametrize("name", SHELLS)
def test_off_outside_agents_and_with_hr_disable(name, workdir):
    for env in ({}, {"HR_AGENT": "1", "HR_DISABLE": "1"}, {"CLAUDECODE": "1", "HR_AGENT": "0"}):
        r = shell(name, "cat big.log", workdir, **env)
        assert r.stdout == (workdir / "big.log").read_text(), env
    r = shell(name, "cat big.log", workdir, CLAUDECODE="1")
    assert "[hr " in r.stdout


@pytest.mark.parametrize("name", SHELLS)
def test_unwrapped_subcommands_pass_through(name, workdir):
    status = "$status" if name == "fish" else "$?"
    r = shell(name, f"git --version\npython -c 'import sys; sys.exit(3)'\necho status={status}\n"
                    f"python -c 'print(1)'\ncat -n big.log | tail -1", workdir, HR_AGENT="1")
    assert r.stdout.startswith("git version")
    assert "status=3" in r.stdout and "\n1\n" in r.stdout
    assert r.stdout.rstrip().endswith(f"{LINES}\t2024-05-01 INFO worker request handled id={LINES - 1}")


@pytest.mark.parametrize("name", SHELLS)
def test_follow_mode_is_never_wrapped(name, workdir):
    # `tail -f`-like commands would never end under hr: they are left alone
    r = shell(name, "journalctl --help >/dev/null 2>&1; kubectl logs -f x 2>/dev/null; echo done", workdir, HR_AGENT="1")
    assert r.stdout.strip().endswith("done")


def test_hr_wrap_changes_the_functions(workdir):
    r = shell("bash", "type -t cat; type -t terraform", workdir, HR_WRAP="-cat,terraform plan")
    assert r.stdout.split() == ["file", "function"]  # cat no longer wrapped, terraform is


def test_unknown_shell():
    r = subprocess.run([str(BIN / "hr"), "shell-init", "tcsh"], capture_output=True, text=True)
    assert r.returncode == 2 and "unknown shell" in r.stderr


@pytest.mark.parametrize("name", [s for s in SHELLS if s.values[0] != "fish"])
def test_a_users_alias_keeps_winning(name, workdir):
    # (from a file: zsh expands aliases when it parses, and parses a -c string all at once)
    (workdir / "rc.sh").write_text("alias cat='cat -n'\n" + ("" if name == "zsh" else "shopt -s expand_aliases\n")
                                   + f'eval "$({BIN / "hr"} shell-init {name})"\n'
                                   + "cat big.log | head -1\ncat big.log | tail -1\n")
    r = shell(name, "source ./rc.sh", workdir, HR_AGENT="1")
    assert r.stdout.splitlines() == ["     1\t2024-05-01 INFO worker request handled id=0",
                                     f"  {LINES}\t2024-05-01 INFO worker request handled id={LINES - 1}"], r.stderr
