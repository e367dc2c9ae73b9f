"""What every agent's hook handler shares: compressing one tool result to a budget, and the
read-one-event, answer, exit-0 loop.

Hook handlers run on every tool call, so this imports little: the engine is loaded only when a
result is large enough to need it.
"""

from __future__ import annotations

import os
import sys

# names for annotations only: importing typing would cost every call its import time
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

from hr import json_numbers

# Results shorter than this are left alone (the engine would pass them through anyway; this
# saves loading it).
MIN_CHARS = 2_000


def hr_executable() -> str | None:
    from hr.agents.self_path import hr_path

    return hr_path()


def compress_text(text: str, label: str, session, budget: int, source: str, force: bool = False) -> str | None:
    """The compressed text, or None where it would not change (small, already compressed,
    nothing saved). `force`: the text is known to be too long to stay as it is, so an hr
    restore command in it does not mean it was compressed already."""
    if len(text) < MIN_CHARS:
        return None
    from hr.engine.dispatch import RESTORE_HINT, Hint

    if RESTORE_HINT.search(text) and not force:
        return None
    from hr.engine.api import compress

    data = text.encode("utf-8", "surrogateescape")
    result = compress(data, Hint(label=label, budget_chars=max(budget, 1000), session=session), source=source)
    if result.passthrough:
        return None
    return result.output.decode("utf-8", "replace")


def serve(handle: Callable[[dict], dict | None], stdin=None, stdout=None) -> int:
    """Read one event, answer it; exit 0 whatever happens, so that the agent carries on as if
    hr were not there. Numbers are read and written back as they were: a tool's result may
    hold any, and the answer carries the rest of it back."""
    try:
        raw = (stdin or sys.stdin.buffer).read()
        answer = handle(json_numbers.loads(raw))
        if answer is not None:
            out = stdout or sys.stdout
            out.write(json_numbers.dumps(answer))
            out.flush()
    except BaseException as exc:  # noqa: BLE001 - a hook must never get in the agent's way
        if os.environ.get("HR_DEBUG"):
            import traceback

            traceback.print_exception(exc, file=sys.stderr)
    return 0
