"""The sniffer and the signal guard, end to end through the `hr` executable.

The sniffer: every labelled real output under bench/sniff/ is taken for its kind. The guard:
an access log and a pytest run sent to the wrong compressor on purpose (`--kind`) keep one
verbatim example of every failure, and every marker of the output, expanded with the restore
command the output gives once, brings back exactly the lines it stands for.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from support import CUT_LINE, LINE_MARKER, REPO, expand_hash, marker_range, repetitive_log, run_hr

LABELLED = REPO / "bench" / "sniff"
# a stream of pretty JSON values (`go list -json`) is neither one document nor JSON lines: the
# JSON compressor could not read it either, so it is left to the text path
KNOWN_MISSES = {"json/go-list-json-stream.json"}


def labelled() -> list[Path]:
    return sorted(p for p in LABELLED.glob("*/*") if p.is_file() and p.parent.name != "sniff"
                  and f"{p.parent.name}/{p.name}" not in KNOWN_MISSES)


@pytest.mark.parametrize("path", labelled(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_labelled_outputs_sniff_as_their_kind(path):
    from hr.engine import core

    assert core.sniff(path.read_bytes()) == path.parent.name


def access_log() -> bytes:
    lines = []
    for i in range(400):
        status = {117: 404, 230: 500, 231: 404}.get(i, 200)
        lines.append(f'10.0.0.{i % 7} - - [10/Oct/2023:13:{i // 60 % 60:02d}:{i % 60:02d} +0000] '
                     f'"GET /shop/item?id={i} HTTP/1.1" {status} {1000 + i} "-" "curl/8.0"')
    return ("\n".join(lines) + "\n").encode()


def pytest_run() -> bytes:
    lines = ["============================= test session starts ==============================",
             "collected 301 items", ""]
    lines += [f"tests/test_api.py::test_case_{i} PASSED [{i // 3:>3}%]" for i in range(300)]
    lines += ["tests/test_api.py::test_upload FAILED [100%]", "",
              "=================================== FAILURES ===================================",
              "E       ConnectionRefusedError: [Errno 111] Connection refused",
              "=========================== short test summary info ============================",
              "FAILED tests/test_api.py::test_upload - ConnectionRefusedError: [Errno 111] Connection refused",
              "========================= 1 failed, 300 passed in 1.23s ========================="]
    return ("\n".join(lines) + "\n").encode()


def check_markers_restore(data: bytes, out: bytes) -> None:
    """Kept lines are verbatim and in order (or cut for their length, with a marker for the rest),
    and each marker expands to exactly its lines."""
    original = data.decode().split("\n")[:-1]
    digest = expand_hash(out)
    assert digest, out
    pos = 1
    for line in out.decode().split("\n")[:-1]:
        if cut := CUT_LINE.fullmatch(line):
            whole = original[pos - 1]
            tail = cut["tail"] or ""
            assert int(cut["n"] or cut["n1"]) == pos and whole.startswith(cut["head"]), f"line {pos} is cut wrong"
            assert whole.removesuffix("\r").endswith(tail), f"line {pos} ends otherwise"
            assert int(cut["more"].replace(",", "")) == len(whole.removesuffix("\r")) - len(cut["head"]) - len(tail)
            assert run_hr(["expand", digest, "--lines", str(pos)]).stdout.decode() == whole + "\n"
            pos += 1
            continue
        m = LINE_MARKER.fullmatch(line.removesuffix("\r"))  # a marker ends like the input's lines
        if m is None:
            assert line == original[pos - 1], f"line {pos} is not verbatim"
            pos += 1
            continue
        a, b = marker_range(m)
        assert a == pos, f"{line} does not start where the output left off"
        got = run_hr(["expand", digest, "--lines", f"{a}-{b}"]).stdout.decode()
        assert got.split("\n")[:-1] == original[a - 1:b]
        pos = b + 1
    assert pos == len(original) + 1


@pytest.mark.parametrize("kind", ["json", "text", "shell", "log"])
def test_an_access_log_sent_to_the_wrong_compressor_keeps_its_failures(kind, cache):
    data = access_log()
    out = run_hr(["--kind", kind], data).stdout
    assert len(out) < len(data) / 3, "the 200s still fold"
    text = out.decode()
    assert '"GET /shop/item?id=117 HTTP/1.1" 404' in text
    assert '"GET /shop/item?id=230 HTTP/1.1" 500' in text
    check_markers_restore(data, out)


@pytest.mark.parametrize("kind", ["log", "shell", "text"])
def test_a_pytest_run_sent_to_the_wrong_compressor_keeps_its_failure(kind, cache):
    data = pytest_run()
    out = run_hr(["--kind", kind], data).stdout
    assert len(out) < len(data) / 2
    assert b"ConnectionRefusedError: [Errno 111] Connection refused" in out
    assert b"FAILED tests/test_api.py::test_upload" in out
    check_markers_restore(data, out)


def test_the_restore_command_is_said_once(cache):
    out = run_hr(["--kind", "text"], access_log()).stdout.decode()
    markers = [LINE_MARKER.fullmatch(line) for line in out.split("\n")]
    markers = [m for m in markers if m]
    assert len(markers) >= 2
    assert markers[0].group("hash") and all(m.group("hash") is None for m in markers[1:])
    assert out.count("hr expand") == 1


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
def test_a_progress_line_keeps_its_head_and_last_frame_and_expands_whole(crlf, cache):
    frames = "".join(f"Receiving objects: {p:3}% ({p}/60)\r" for p in range(61))
    line = frames + "Receiving objects: 100% (60/60), 1.2 MiB | 3 MiB/s, done."
    eol = b"\r\n" if crlf else b"\n"
    data = repetitive_log(100, crlf=crlf) + line.encode() + eol + repetitive_log(100, crlf=crlf)
    out = run_hr(["--kind", "log"], data).stdout
    cuts = [m for m in map(CUT_LINE.fullmatch, out.decode().split("\n")) if m]
    assert cuts and cuts[0]["tail"] == "Receiving objects: 100% (60/60), 1.2 MiB | 3 MiB/s, done.", out[-600:]
    check_markers_restore(data, out)


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
def test_a_line_cut_for_its_length_is_its_own_head_and_expands_whole(crlf, cache):
    payload = "2025-08-08 07:07:02 INFO prompt " + "привет мир, say hello; " * 300
    eol = b"\r\n" if crlf else b"\n"
    data = repetitive_log(100, crlf=crlf) + payload.encode() + eol + repetitive_log(100, crlf=crlf)
    out = run_hr(["--kind", "log"], data).stdout
    assert any(CUT_LINE.fullmatch(line) for line in out.decode().split("\n")), out[-400:]
    check_markers_restore(data, out)


def test_grep_over_log_files_keeps_each_failure_it_quotes(tmp_path, cache):
    # `grep -rn` over /var/log reads as grep's output, which keeps a file's first match: the
    # guard reads each quoted line as its log wrote it, and dpkg's failures are its own words
    # (a real dpkg run whose package's post-installation script fails, fixtures/logs)
    logs = tmp_path / "var" / "log" / "apt"
    logs.mkdir(parents=True)
    (logs / "term.log").write_bytes((REPO / "tests" / "fixtures" / "logs" / "dpkg-failing-postinst.log").read_bytes())
    grep = subprocess.run(["grep", "-rn", "-i", "error\\|unpack\\|setting up\\|updating", str(tmp_path / "var" / "log")],
                          capture_output=True, check=True).stdout
    # (one example of each failure: the packages and the steps it names are its values)
    failures = [":dpkg: error processing package probe-pkg", ":Errors were encountered while processing:",
                ":E: Sub-process /usr/bin/dpkg returned an error code (1)"]
    assert all(f in grep.decode() for f in failures) and grep.count(b"\n") > 40
    out = run_hr([], grep).stdout.decode()
    missing = [f for f in failures if f not in out]
    assert not missing, out
    assert len(out) < len(grep) / 2
    check_markers_restore(grep, out.encode())
