"""Item 9: a Ctrl-C at a terminal reaches `hr run`'s child once. The terminal signals its whole
foreground process group; hr forwards only what the child did not get that way. Tested with a
real pseudo-terminal: hr is the session's foreground job and ^C is typed on it.

Two SIGINTs that arrive before the child runs would merge into one, hiding a double delivery.
So with stdin on the terminal, hr is stopped while ^C is typed, and continued only once the
child has counted the terminal's SIGINT: what hr then does with its own copy shows."""

from __future__ import annotations

import os
import pty
import signal
import sys

import pytest

from support import hr_bin, wait_for_fifo

# The child counts the SIGINTs delivered to it (the wakeup fd gets one byte per delivery),
# reports the first on the FIFO, and on SIGTERM writes the count and exits. (Signals pending
# together run their handlers last-dequeued first: a SIGINT may follow the SIGTERM's byte.)
CHILD = r"""
import os, signal, sys
fifo = sys.argv[1]
r, w = os.pipe()
os.set_blocking(w, False)
signal.set_wakeup_fd(w)
signal.signal(signal.SIGINT, lambda *a: None)
signal.signal(signal.SIGTERM, lambda *a: None)
tty = os.open("/dev/tty", os.O_RDONLY)
with open(fifo + ".ready", "w") as f:
    f.write(f"{os.getpgrp()} {os.tcgetpgrp(tty)}")  # its group, and the terminal's foreground group
ints, reported = 0, False
while True:
    got = os.read(r, 64)
    ints += got.count(signal.SIGINT)
    if ints and not reported:
        reported = True
        with open(fifo + ".int", "w") as f:
            f.write("int")
    if signal.SIGTERM in got:  # a SIGINT sent just before may run its handler after this one
        os.set_blocking(r, False)
        try:
            ints += os.read(r, 64).count(signal.SIGINT)
        except BlockingIOError:
            pass
        with open(fifo + ".count", "w") as f:
            f.write(str(ints))
        sys.exit(0)
"""


@pytest.mark.parametrize("stdin", ["terminal", "pipe"])
def test_ctrl_c_reaches_the_child_once(stdin, cache, tmp_path):
    base = str(tmp_path / "sig")
    for suffix in (".ready", ".int", ".count"):
        os.mkfifo(base + suffix)
    argv = [hr_bin(), "run", "--", sys.executable, "-c", CHILD, base]
    pid, master = pty.fork()  # the child: a session leader with the pty as its terminal
    if pid == 0:
        try:
            if stdin == "pipe":
                r, w = os.pipe()
                os.dup2(r, 0)  # stdin is not the terminal, hr still runs in its foreground group
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    try:
        group, foreground = wait_for_fifo(base + ".ready").split()
        if stdin == "terminal":
            assert group == foreground  # the child may read the terminal, so it is in its group
            os.kill(pid, signal.SIGSTOP)
        else:
            assert group != foreground  # out of the terminal's reach: only hr can pass ^C on
        os.write(master, b"\x03")  # ^C: the terminal sends SIGINT to its foreground group
        assert wait_for_fifo(base + ".int") == b"int"
        if stdin == "terminal":
            os.kill(pid, signal.SIGCONT)  # hr now handles its own SIGINT (and must not forward it)
        # forwarded after any SIGINT hr forwards itself (pending signals go lowest number first)
        os.kill(pid, signal.SIGTERM)
        count = wait_for_fifo(base + ".count")
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(master)
    assert count == b"1", f"the child got {count.decode()} SIGINTs"
    assert os.waitstatus_to_exitcode(status) == 0
