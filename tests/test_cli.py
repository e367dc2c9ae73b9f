"""The command line itself: version, help, the man page, option errors."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

import hr
from support import REPO, repetitive_log, run_hr
from hr.cli.main import cli


def test_version_matches_the_crate_and_the_module():
    cargo = (REPO / "hr-core" / "Cargo.toml").read_text()
    crate_version = re.search(r'^version = "([^"]+)"', cargo, re.M).group(1)
    from hr import _core  # the native module carries the crate's version

    assert hr.__version__ == crate_version == _core.__version__
    r = run_hr(["--version"])
    assert r.returncode == 0 and r.stdout == f"hr {hr.__version__}\n".encode()


def test_man_page_is_in_sync_with_help():
    from hr.cli.manpage import render

    committed = (REPO / "man" / "hr.1").read_text()
    assert committed == render(cli), "man/hr.1 is stale: run `python -m hr.cli.manpage > man/hr.1`"


def test_every_option_in_help_is_in_the_man_page():
    page = (REPO / "man" / "hr.1").read_text().replace("\\-", "-")
    runner = CliRunner()

    def walk(group, path):
        yield path
        for name in group.list_commands(None):
            cmd = group.get_command(None, name)
            if isinstance(cmd, click.Group):
                yield from walk(cmd, [*path, name])
            else:
                yield [*path, name]

    for args in walk(cli, []):
        help_text = runner.invoke(cli, [*args, "--help"]).output
        for opt in re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", help_text):
            assert opt in page, f"{' '.join(['hr', *args])}: {opt} missing from man/hr.1"


@pytest.mark.parametrize("command", ["expand", "run", "stats", "gc"])
def test_each_command_explains_itself(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


@pytest.mark.parametrize("budget", ["0", "-5", "lots", "12k"])
def test_bad_budget_warns_and_goes_on(budget, cache):
    data = repetitive_log()
    r = run_hr(["--budget", budget], data)
    assert r.returncode == 0
    assert b"not a budget" in r.stderr
    assert r.stdout == run_hr([], data).stdout  # as without a budget
    r = run_hr(["run", "--budget", budget, "--", "echo", "hello"])
    assert r.returncode == 0 and r.stdout == b"hello\n"


def test_unknown_kind_is_a_usage_error(cache):
    r = run_hr(["--kind", "pdf"], b"x")
    assert r.returncode == 2


def test_budget_limits_the_output(cache):
    words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike".split()
    # every line a different shape, so nothing folds without a budget
    data = "".join(f"{words[i % 13]} {words[i * 7 % 13]} {words[i * 5 % 11]} {words[i // 13 % 13]} "
                   f"{words[i // 169 % 13]} message\n" for i in range(2000)).encode()
    free = run_hr([], data).stdout
    tight = run_hr(["--budget", "4000c"], data).stdout
    assert len(tight) < len(free)
    assert len(tight) <= 4000 * 1.3
    assert run_hr(["--budget", "1000"], data).stdout != free


def test_kind_overrides_the_sniffer(cache):
    import sqlite3

    run_hr(["--kind", "text", "--label", "forced"], repetitive_log())
    kinds = sqlite3.connect(cache / "ledger.sqlite3").execute("SELECT kind FROM compressions").fetchall()
    assert kinds == [("text",)]


def test_disable_passes_everything_through(cache):
    data = repetitive_log()
    assert run_hr([], data, env={"HR_DISABLE": "1"}).stdout == data


def test_the_filter_loads_neither_openssl_nor_typing(cache):
    # the store names originals by a SHA-256 the core computes: hashlib would load OpenSSL on
    # every call, and typing costs more than the filter's own Python
    import subprocess
    import sys

    code = ("import sys; sys.argv = ['hr']; from hr.entry import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m in ('hashlib', '_hashlib', 'typing', 'click')), file=sys.stderr)")
    p = subprocess.run([sys.executable, "-c", code], input=repetitive_log(), capture_output=True, timeout=60)
    assert b"[hr " in p.stdout, "the log was meant to compress"
    assert p.stderr.decode().strip() == "[]"


def test_closed_pipe_is_not_an_error(cache):
    import subprocess

    from support import hr_bin

    p = subprocess.run(f"'{hr_bin()}' | head -c 10", shell=True, input=repetitive_log(5000),
                       capture_output=True)
    assert p.returncode == 0
    assert p.stderr == b""
