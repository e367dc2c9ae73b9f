"""The invariants of DESIGN.md, each checked through the real `hr` executable."""

from __future__ import annotations

import json
import re
import resource

import pytest

from support import (CORPUS, REPO, corpus_cases, corpus_input, expand_hash, needs_corpus,
                      repetitive_log, run_hr)

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + bytes(range(256)) * 8


def restore(out: bytes, cwd, cache) -> bytes:
    """What a fresh `hr expand` in another directory gives back for the hash named in `out`."""
    h = expand_hash(out)
    assert h, f"no 'hr expand HASH' in output: {out[:300]!r}"
    r = run_hr(["expand", h], cwd=cwd, env={"HR_CACHE_DIR": str(cache)})
    assert r.returncode == 0, r.stderr
    return r.stdout


# --- nothing lost ----------------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    repetitive_log(),
    repetitive_log(crlf=True),
    repetitive_log(final_newline=False),
    repetitive_log(crlf=True, final_newline=False),
    repetitive_log() + "naïve café ünïcödé ✓\n".encode() * 50,
], ids=["lf", "crlf", "no-final-newline", "crlf-no-final-newline", "unicode"])
def test_original_restores_byte_for_byte(data, cache, tmp_path):
    r = run_hr([], data)
    assert r.returncode == 0
    assert r.stdout != data, "the input was meant to compress"
    assert len(r.stdout) < len(data)
    assert restore(r.stdout, tmp_path, cache) == data


def test_a_log_with_a_few_bytes_that_are_no_utf8_compresses_and_keeps_them(cache, tmp_path):
    # a Windows path in its code page inside a UTF-8 log: still a log, its lines kept as they came
    error = b"2026-01-27 14:23:00 ERROR cannot open C:\\Users\\\xe3\xcd\xe3\xcf\\db.sqlite3\n"
    data = repetitive_log() + error + repetitive_log()
    r = run_hr([], data)
    assert r.returncode == 0
    assert len(r.stdout) < len(data) // 2
    assert error in r.stdout
    assert restore(r.stdout, tmp_path, cache) == data


def test_a_syslog_of_megabytes_with_a_latin1_name_in_it_compresses(cache, tmp_path):
    # rsyslog writes the bytes a program logged: one Latin-1 name in 3 MB of syslog is still a log
    line = b"Oct  2 05:52:30 db03 CRON[3014016]: (root) CMD (command -v debian-sa1 > /dev/null)\n"
    error = b"Oct  2 05:52:31 db03 sudo: pam_unix(sudo:auth): authentication failure; user=Jos\xe9\n"
    data = line * 20_000 + error + line * 20_000
    assert len(data) > 3 << 20
    r = run_hr([], data)
    assert r.returncode == 0
    assert len(r.stdout) < len(data) // 100
    assert error in r.stdout
    assert restore(r.stdout, tmp_path, cache) == data


def test_a_character_of_the_range_stray_bytes_stand_for_stays_that_character(cache):
    # stray bytes are read as U+10FF80..U+10FFFF: in valid UTF-8 such a character is itself
    error = "2026-01-27 14:23:00 ERROR user \U0010FFE9 failed\n".encode()
    r = run_hr([], repetitive_log() + error)
    assert len(r.stdout) < len(repetitive_log())
    assert error in r.stdout


def test_line_endings_of_kept_lines_survive(cache):
    data = repetitive_log(crlf=True, final_newline=False)
    out = run_hr([], data).stdout
    assert not out.endswith(b"\n")
    kept = [line for line in out.split(b"\r\n") if line and not line.startswith(b"[hr ")]
    assert all(line in data for line in kept)
    assert b"\r\n" in out


def test_store_keeps_invalid_utf8_and_binary_exactly(cache):
    from hr.store.objects import Store
    import hashlib

    store = Store()
    for blob in (b"\xff\xfe bad \xc3\x28 utf8\r\nno newline", PNG, b""):
        digest = hashlib.sha256(blob).hexdigest()
        store.put(blob, digest)
        assert store.get(store.resolve(digest[:6])) == blob


# --- fail open -------------------------------------------------------------------------------

# JSON is UTF-8 (RFC 8259), and `hr expand --items` reads no other
LATIN1_JSON = json.dumps([{"id": i, "name": "caf\xe9" if i == 500 else f"u{i}"} for i in range(3000)],
                         ensure_ascii=False).encode("latin-1")


@pytest.mark.parametrize("data", [PNG, b"\xff\xfe\x00\x01" * 2000, b"caf\xe9 " * 1000, LATIN1_JSON],
                         ids=["png", "nul-bytes", "latin1", "latin1-json"])
def test_binary_and_non_utf8_pass_through(data, cache):
    r = run_hr([], data)
    assert r.returncode == 0
    assert r.stdout == data


def test_json_that_is_no_utf8_passes_through_when_named_json(cache):
    r = run_hr(["--kind", "json"], LATIN1_JSON)
    assert r.returncode == 0
    assert r.stdout == LATIN1_JSON


def test_unwritable_cache_passes_input_through(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    data = repetitive_log()
    r = run_hr([], data, env={"HR_CACHE_DIR": str(blocker / "cache")})
    assert r.returncode == 0
    assert r.stdout == data


def test_full_disk_passes_input_through(cache):
    data = repetitive_log(4000)

    def tiny_files():
        # every write past 4 KB fails with EFBIG, as on a full disk (Python ignores SIGXFSZ)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    r = run_hr([], data, preexec_fn=tiny_files)
    assert r.returncode == 0
    assert r.stdout == data


class FakePanic(BaseException):
    """Stands in for pyo3's PanicException, which derives from BaseException."""


@pytest.mark.parametrize("exc", [FakePanic("core panicked"), ValueError("core raised")])
def test_core_failure_passes_input_through(exc, cache, monkeypatch):
    from click.testing import CliRunner

    from hr.engine import core
    from hr.cli.main import cli

    def broken(*args, **kwargs):
        raise exc

    monkeypatch.setattr(core, "compress", broken)
    data = repetitive_log()
    result = CliRunner().invoke(cli, [], input=data)
    assert result.exit_code == 0
    assert result.stdout_bytes == data


# --- never worse -----------------------------------------------------------------------------

def test_small_inputs_pass_untouched(cache):
    small = b"".join(b"line %d of a short repetitive output\n" % i for i in range(20))
    for data in (b"hello\n", b"", b"no newline", small):
        r = run_hr([], data)
        assert r.returncode == 0
        assert r.stdout == data


def _tokenizer():
    """o200k_base as the corpus scorer builds it, offline."""
    pytest.importorskip("tiktoken")
    import importlib.util

    spec = importlib.util.spec_from_file_location("score", CORPUS / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return score.load_encoding()


@needs_corpus
def test_never_more_tokens_on_corpus(cache):
    enc = _tokenizer()
    for case in corpus_cases():
        data = corpus_input(case)
        out = run_hr([], data).stdout
        n_in = len(enc.encode(data.decode("utf-8", "replace"), disallowed_special=()))
        n_out = len(enc.encode(out.decode("utf-8", "replace"), disallowed_special=()))
        assert n_out <= n_in, f"{case.name}: {n_out} > {n_in}"


def test_never_more_tokens_on_awkward_inputs(cache):
    from hr.engine import core

    awkward = [
        b"x" * 5000,  # one long line
        b"\n" * 5000,  # only newlines
        b"".join(b"%d\n" % i for i in range(3000)),  # numbers that all look alike
        json.dumps([{"i": i} for i in range(500)]).encode(),
        ("word " * 3000).encode(),
    ]
    for data in awkward:
        out = run_hr([], data).stdout
        assert core.estimate_tokens(out) <= core.estimate_tokens(data)


def test_core_hands_back_the_input_itself_when_it_folds_nothing():
    # a copy of an input the core leaves as it is would cost its size again, on the largest inputs
    from hr.engine import core

    distinct = b"".join(b"2024-01-02 10:00:00 ERROR %s failed\n" % bytes([97 + i % 26, 97 + i // 26 % 26]) for i in range(600))
    out, spans = core.compress("log", distinct, "0" * 12)
    assert spans == [] and out is distinct
    repeats = b"2024-01-02 10:00:00 INFO worker polled the queue\n" * 600
    out, spans = core.compress("log", repeats, "0" * 12)
    assert spans and out is not repeats and len(out) < len(repeats)


# --- never invent ----------------------------------------------------------------------------

# a marker that points at lines above (`[hr 12 frames as in L4-15 · …]`, `[hr 5 lines as in L34-48 · …]`)
POINTER = re.compile(r"\[hr [^\]]*?(?:as in|repeating) L(\d+)(?:-(\d+))? ·")
BUDGET_CUT = re.compile(r"\[hr [^\]]*cut to fit the budget[^\]]*?(?:--lines |L)(\d+)(?:-(\d+))?\]")


@pytest.mark.parametrize("case", ["test/unittest-webcolors", "test/cargo-test-strsim", "test/vitest-ufo"])
def test_no_marker_points_at_lines_a_budget_cut(case, cache):
    # real test runs whose repeated failures point at the first; the budget cuts some of those
    data = next((REPO / "bench" / "validation" / case).glob("input.*")).read_bytes()
    pointers = 0
    for budget in ("2000", "4000", "8000"):
        out = run_hr(["--kind", "test", "--budget", budget], data).stdout.decode()
        cut = {n for m in BUDGET_CUT.finditer(out) for n in range(int(m[1]), int(m[2] or m[1]) + 1)}
        for m in POINTER.finditer(out):
            pointers += 1
            assert not cut & set(range(int(m[1]), int(m[2] or m[1]) + 1)), (budget, m[0], out)
    assert pointers, "the cases were meant to hold pointers"


# --- deterministic ---------------------------------------------------------------------------

def test_same_output_across_runs_directories_and_caches(tmp_path):
    data = repetitive_log()
    outs = set()
    for i in range(3):
        d = tmp_path / f"cwd{i}"
        d.mkdir()
        outs.add(run_hr([], data, cwd=d, env={"HR_CACHE_DIR": str(tmp_path / f"cache{i}")}).stdout)
    assert len(outs) == 1
    assert outs.pop() != data


# --- corpus: exit 0, and every compressed output restores ------------------------------------

@needs_corpus
@pytest.mark.parametrize("case", corpus_cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_case_restores(case, cache, tmp_path):
    data = corpus_input(case)
    r = run_hr([], data)
    assert r.returncode == 0
    if r.stdout != data:
        assert restore(r.stdout, tmp_path, cache) == data
