"""`hr run -- CMD ARGS…`: run a command, compress what it printed, keep its exit status."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from hr.engine.dispatch import Hint


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

    def forward(signum, _frame):
        if proc is None:
            pending.append(signum)  # arrived while the child was starting: pass it on after
            return
        try:
            proc.send_signal(signum)
        except ProcessLookupError:
            pass

    # handlers first, so that no signal finds hr with its default action and the child orphaned
    previous = {s: signal.signal(s, forward) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    try:
        try:
            proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
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


def default_label(argv: list[str]) -> str:
    """`['python', '-m', 'pytest', '-q']` -> `'python -m pytest -q'`, shortened."""
    text = " ".join(os.path.basename(argv[0]) if i == 0 else a for i, a in enumerate(argv))
    return text[:120]
