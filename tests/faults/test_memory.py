"""Item 7: 100 MB of two-byte lines stays below 3x the input plus 64 MB of memory (max RSS of
the whole `hr` process, fed through a pipe), sniffed and with `--kind log`."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from support import hr_bin

MB = 1024 * 1024


# Linux carries a process's peak RSS across fork and exec, so a child forked straight from a
# large pytest process would report pytest's size. A small interpreter in between forks `hr` and
# reports that grandchild's own peak on stderr.
MEASURE = ("import os, subprocess, sys; p = subprocess.Popen(sys.argv[1:]); _, status, usage = os.wait4(p.pid, 0);"
           "sys.stderr.write(f'{usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}')")


def max_rss_of_hr(line: bytes, size: int, args=()) -> tuple[int, bytes, int]:
    """(max RSS in bytes, output, exit status) of one `hr` reading `size` bytes of `line`s."""
    p = subprocess.Popen([sys.executable, "-c", MEASURE, hr_bin(), *args], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    chunk = line * (MB // len(line))
    out = []
    reader = threading.Thread(target=lambda: out.append(p.stdout.read()))
    reader.start()
    for _ in range(size // len(chunk)):
        p.stdin.write(chunk)
    p.stdin.close()
    reader.join()
    rss_kb, status = p.stderr.read().split()
    p.wait()
    return int(rss_kb) * 1024, out[0], int(status)


@pytest.mark.parametrize("args", [(), ("--kind", "log")], ids=["sniffed", "kind-log"])
# `error` lines: the signal guard sees every one, in memory bounded by their distinct templates
# a coloured line is mined through a copy without its escapes
@pytest.mark.parametrize("line", [b"a\n", b"\n", b"1\n", b"error\n", b"\x1b[32m07:06:59 INFO served 1\x1b[0m\n"],
                         ids=["a", "empty", "digit", "error", "coloured"])
def test_100_mb_of_short_lines(line, args, cache):
    size = 100 * MB
    rss, out, status = max_rss_of_hr(line, size, args)
    assert status == 0
    assert b"[hr " in out or out == line * (size // len(line))
    assert rss < 3 * size + 64 * MB, f"{rss / MB:.0f} MB"
