"""`hr expand`: whole originals, spans, bad hashes, and the ledger rows it writes."""

from __future__ import annotations

import re
import sqlite3

import pytest

from support import LINE_MARKER, expand_hash, marker_range, repetitive_log, run_hr

DATA = repetitive_log(500)
LINES = DATA.split(b"\n")[:-1]


@pytest.fixture
def stored(cache):
    out = run_hr([], DATA).stdout
    h = expand_hash(out)
    assert h
    return h


def test_marker_range_gives_exactly_the_folded_lines(stored):
    out = run_hr([], DATA).stdout
    m = LINE_MARKER.search(out.decode())
    assert m and m.group("hash") == stored[:12]  # the first marker names the object and its lines
    a, b = marker_range(m)
    assert b > a
    r = run_hr(["expand", stored, "--lines", f"{a}-{b}"])
    assert r.stdout == b"".join(line + b"\n" for line in LINES[a - 1:b])
    assert all(line not in out for line in LINES[a:b - 1] if b"ERROR" not in line)


@pytest.mark.parametrize("args,expected", [
    (["--lines", "2-4"], b"".join(line + b"\n" for line in LINES[1:4])),
    (["--lines", "7"], LINES[6] + b"\n"),
    (["--head", "3"], b"".join(line + b"\n" for line in LINES[:3])),
    (["--tail", "2"], b"".join(line + b"\n" for line in LINES[-2:])),
])
def test_spans(stored, args, expected):
    r = run_hr(["expand", stored, *args])
    assert r.returncode == 0
    assert r.stdout == expected


def test_whole_original_from_a_six_digit_prefix(stored):
    assert run_hr(["expand", stored[:6]]).stdout == DATA


def test_grep_shows_original_line_numbers_and_context(stored):
    r = run_hr(["expand", stored, "--grep", "ERROR", "-C", "1"])
    assert r.returncode == 0
    errors = [i + 1 for i, line in enumerate(LINES) if b"ERROR" in line]
    out = r.stdout.decode().splitlines()
    for n in errors:
        assert f"{n}:{LINES[n - 1].decode()}" in out
        assert f"{n - 1}-{LINES[n - 2].decode()}" in out
        assert f"{n + 1}-{LINES[n].decode()}" in out
    assert "--" in out  # the two groups are apart
    assert len(out) == 3 * len(errors) + 1


def test_grep_without_match_prints_nothing(stored):
    r = run_hr(["expand", stored, "--grep", "no such text anywhere"])
    assert r.returncode == 0 and r.stdout == b""


@pytest.mark.parametrize("args,needle", [
    (["--lines", "9-3"], b"bad range"),
    (["--lines", "x"], b"bad range"),
    (["--grep", "("], b"bad regex"),
    (["--head", "2", "--tail", "2"], b"choose one"),
])
def test_bad_spans_are_one_line_errors(stored, args, needle):
    r = run_hr(["expand", stored, *args])
    assert r.returncode == 2
    assert needle in r.stderr


@pytest.mark.parametrize("bad", ["zzzzzz", "12345", "../../../etc/passwd", "/etc/passwd", "ffffffffffff"])
def test_bad_hashes_exit_2_with_one_line(bad, cache, tmp_path):
    (tmp_path / "ffffffffffff").write_text("a file that must not be read")
    r = run_hr(["expand", bad], cwd=tmp_path)
    assert r.returncode == 2
    assert r.stdout == b""
    assert r.stderr.count(b"\n") == 1 and r.stderr.startswith(b"hr: ")


def test_ambiguous_prefix_lists_candidates(cache):
    from hr.store.objects import Store

    store = Store()
    store.put(b"one", "abcdef" + "1" * 58)
    store.put(b"two", "abcdef" + "2" * 58)
    r = run_hr(["expand", "abcdef"])
    assert r.returncode == 2
    assert b"ambiguous" in r.stderr and b"abcdef1111" in r.stderr and b"abcdef2222" in r.stderr


def test_every_expansion_is_recorded(stored, cache):
    run_hr(["expand", stored])
    run_hr(["expand", stored, "--lines", "1-2"])
    run_hr(["expand", stored, "--grep", "ERROR"])
    rows = sqlite3.connect(cache / "ledger.sqlite3").execute(
        "SELECT hash, span, bytes_out FROM expansions ORDER BY id").fetchall()
    assert [r[1] for r in rows] == ["all", "lines 1-2", "grep (5-char pattern)"]
    assert all(r[0].startswith(stored) and len(r[0]) == 64 for r in rows)
    assert rows[0][2] == len(DATA)


def test_a_line_cut_for_its_length_comes_back_whole(cache):
    # a payload dumped into a log keeps its head and says how much more there is
    payload = "2025-08-08 07:07:02 INFO prompt " + '{"role": "user", "content": "say hello"}, ' * 2000
    data = (repetitive_log(200).decode() + payload + "\n" + "2025-08-08 07:07:03 INFO done\n").encode()
    out = run_hr([], data).stdout.decode()
    n = data.decode().count("\n") - 1  # the payload's line number
    cut = next(line for line in out.splitlines() if line.startswith(payload[:700]))
    m = LINE_MARKER.search(cut)
    # its head: up to 800 characters, ending at the last whole word (`hello"},`, not `hel`)
    head = cut[:cut.index(" … [hr ")]
    assert payload.startswith(head) and 700 < len(head) <= 800 and payload[len(head)] == " "
    assert marker_range(m) == (n, n)
    assert f"{len(payload) - len(head):,} more chars" in m.group("what")
    r = run_hr(["expand", expand_hash(out.encode()), "--lines", str(n)])
    assert r.stdout.decode() == payload + "\n"
