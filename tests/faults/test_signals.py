"""Item 9: a Ctrl-C at a terminal reaches `hr run`'s child once. The terminal signals its whole
foreground process group; hr forwards only what the child did not get that way. Tested with a
real pseudo-terminal: hr is the session's foreground job and ^C is typed on it."""

from __future__ import annotations

import os
import pty
import signal
import sys

import pytest

from support import hr_bin, wait_for_fifo

# The child counts the SIGINTs delivered to it (the wakeup fd gets one byte per delivery, so
# two close together are not merged), reports the first on the FIFO, and on SIGTERM writes
# the count and exits.
CHILD = r"""
import os, signal, sys
fifo = sys.argv[1]
r, w = os.pipe()
os.set_blocking(w, False)
signal.set_wakeup_fd(w)
signal.signal(signal.SIGINT, lambda *a: None)
signal.signal(signal.SIGTERM, lambda *a: None)
with open(fifo + ".ready", "w") as f:
    f.write("ready")
ints = 0
while True:
    for b in os.read(r, 64):
        if b == signal.SIGINT:
            ints += 1
            if ints == 1:
                with open(fifo + ".int", "w") as f:
                    f.write("int")
        elif b == signal.SIGTERM:
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
        assert wait_for_fifo(base + ".ready") == b"ready"
        os.write(master, b"\x03")  # ^C: the terminal sends SIGINT to its foreground group
        assert wait_for_fifo(base + ".int") == b"int"
        os.kill(pid, signal.SIGTERM)  # forwarded after any SIGINT hr forwards itself
        count = wait_for_fifo(base + ".count")
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(master)
    assert count == b"1", f"the child got {count.decode()} SIGINTs"
    assert os.waitstatus_to_exitcode(status) == 0
