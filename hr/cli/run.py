"""`hr run -- CMD ARGS…`: run a command, compress what it printed, keep its exit status."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from hr.engine.dispatch import Hint


# What a terminal sends to its foreground process group, of the signals hr passes on: Ctrl-C
# and hangup.
TERMINAL_SIGNALS = (signal.SIGINT, signal.SIGHUP)


def exit_status(returncode: int) -> int:
    """A shell's view of a child's status: 128+N when it was killed by signal N."""
    return 128 - returncode if returncode < 0 else returncode


def main(argv: list[str], hint: Hint) -> int:
    """`hr run`: with HR_DISABLE=1 become the command itself; else run it compressed."""
    if os.environ.get("HR_DISABLE") == "1":
        os.execvp(argv[0], argv)
    if not hint.label:
        hint.label = default_label(argv)
    return run(argv, hint)


def run(argv: list[str], hint: Hint) -> int:
    """Run `argv` with stdout and stderr on one pipe (the order an agent would see them in),
    write the compressed output to our stdout and return the status to exit with."""
    proc: subprocess.Popen | None = None
    pending: list[int] = []
    # A Ctrl-C (or a hangup) at a terminal signals its whole foreground process group. With
    # stdin on the terminal the child stays in our group, so that it can read from it: then it
    # got the terminal's signal itself, and forwarding it would run its handler twice. Otherwise
    # the child gets a group of its own, out of the terminal's reach, and hr forwards every signal.
    own_group = not _stdin_is_tty()

    def forward(signum, _frame):
        if not own_group and signum in TERMINAL_SIGNALS and _terminal_sent_it():
            return
        if proc is None:
            pending.append(signum)  # arrived while the child was starting: pass it on after
            return
        try:
            proc.send_signal(signum)
        except ProcessLookupError:
            pass

    # handlers first, so that no signal finds hr with its default action and the child orphaned
    previous = {s: signal.signal(s, forward) for s in (*TERMINAL_SIGNALS, signal.SIGTERM)}
    try:
        try:
            proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, process_group=0 if own_group else None)
        except FileNotFoundError:
            sys.stderr.write(f"hr: {argv[0]}: command not found\n")
            return 127
        except PermissionError:
            sys.stderr.write(f"hr: {argv[0]}: Permission denied\n")
            return 126
        except OSError as exc:
            sys.stderr.write(f"hr: {argv[0]}: {exc.strerror or exc}\n")
            return 126
        for signum in pending:
            proc.send_signal(signum)
        assert proc.stdout is not None
        data = proc.stdout.read()
        status = exit_status(proc.wait())
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)

    from hr.engine.api import compress

    from hr.cli.filter import write_stdout

    write_stdout(compress(data, hint, source="run").output)
    return status


def _stdin_is_tty() -> bool:
    try:
        return os.isatty(0)
    except OSError:
        return False


def _terminal_sent_it() -> bool:
    """Whether we are in the terminal's foreground process group, where the terminal's own
    signals reach the child as well. (A `kill` from elsewhere looks the same and is not
    forwarded either: the child shares our group, and `kill -INT -PGID` reaches it directly.)"""
    try:
        return os.tcgetpgrp(0) == os.getpgrp()
    except OSError:
        return False


def default_label(argv: list[str]) -> str:
    """`['python', '-m', 'pytest', '-q']` -> `'python -m pytest -q'`, shortened."""
    text = " ".join(os.path.basename(argv[0]) if i == 0 else a for i, a in enumerate(argv))
    return text[:120]
