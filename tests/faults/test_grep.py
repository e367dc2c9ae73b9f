"""Item 5: `hr expand --grep` runs on a linear-time engine (the core's Rust `regex`), turns a
hostile pattern into a one-line error with exit 2, and the ledger keeps no pattern text.
(Item 10's `-C 0` is here too: no `--` separators, as GNU grep prints none.)"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from faultkit import assert_one_line_error
from support import run_hr

EVIL = b"".join(b"a" * 40 + b"!\n" for _ in range(400))  # exponential for a backtracking engine


@pytest.fixture
def evil(cache) -> str:
    r = run_hr(["--kind", "log"], EVIL)
    assert b"hr expand" in r.stdout
    return r.stdout.split(b"hr expand ")[1][:12].decode()


def test_nested_quantifiers_end(evil):
    # the timeout only guards against a hang: a backtracking engine needs years here
    r = run_hr(["expand", evil, "--grep", "(a+)+$"], timeout=120)
    assert r.returncode == 0 and r.stdout == b""
    r = run_hr(["expand", evil, "--grep", "(a|aa)+!$", "-C", "0"], timeout=120)
    assert r.returncode == 0 and r.stdout.count(b"\n") == 400


def test_hostile_patterns_are_one_line_errors(evil):
    for pattern in ["(" * 300 + "a" + ")" * 300, "x" * 5000, "a{1000}{1000}", "(", "[z-a]"]:
        assert_one_line_error(run_hr(["expand", evil, "--grep", pattern], timeout=120), "bad regex")


def test_the_ledger_stores_no_pattern_text(evil, cache):
    secret = "sk-ant-api03-Zx9QwErTyUiOp1234567890"
    r = run_hr(["expand", evil, "--grep", f"{secret}|a!"])
    assert r.returncode == 0 and r.stdout.count(b"\n") == 400
    for path in cache.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path


LINES = b"".join(b"line %d %s\n" % (i, b"ERROR" if i in (5, 6, 9, 30) else b"ok") for i in range(1, 40))


def stored_lines() -> str:
    r = run_hr(["--kind", "log"], LINES * 10)
    return r.stdout.split(b"hr expand ")[1][:12].decode()


def test_no_context_means_no_separators(cache):
    out = run_hr(["expand", stored_lines(), "--grep", "ERROR", "-C", "0"]).stdout
    assert out.count(b"\n") == 40 and b"--" not in out


# -C 0 is hr's default, so it compares with grep given no -C (GNU grep prints `--` for an
# explicit -C 0, and none without -C)
def test_output_is_gnu_grep_n(cache):
    grep = shutil.which("grep")
    if not grep:
        pytest.skip("no grep")
    h = stored_lines()
    for context in (0, 1, 2):
        ours = run_hr(["expand", h, "--grep", "ERROR", "-C", str(context)])
        theirs = subprocess.run([grep, "-n", *(["-C", str(context)] if context else []), "ERROR"],
                                input=LINES * 10, capture_output=True)
        assert ours.stdout == theirs.stdout, context
