"""Item 6: a usage error in a filter call loses nothing: the input goes through to stdout
unchanged, the error goes to stderr, and the exit status is 2."""

from __future__ import annotations

import pytest

from faultkit import LOG
from support import run_hr


@pytest.mark.parametrize("args", [["--kind", "nonsense"], ["--bogus"], ["-x"], ["--label"],
                                  ["--label", "x", "--kind=nope"], ["no-such-command"]])
def test_the_input_goes_through(args, cache):
    data = LOG * 50 + bytes(range(256))
    r = run_hr(args, data)
    assert r.returncode == 2
    assert r.stdout == data
    assert r.stderr and b"Traceback" not in r.stderr


def test_help_and_subcommand_errors_stay_as_they_were(cache):
    r = run_hr(["--kind", "nonsense"], LOG)
    assert r.stdout == LOG and r.returncode == 2  # (the filter's own error passes the input on)
    assert run_hr(["--help"], LOG).stdout.startswith(b"Usage: hr")
    r = run_hr(["expand"], LOG)  # a subcommand's usage error: its own stdin is not data to keep
    assert r.returncode == 2 and r.stdout == b""
