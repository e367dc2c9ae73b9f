"""The agent client that ran a hook: hooks run through `sh -c`, so it is the nearest ancestor
process that is not a shell. Its command line says what the user allowed (`--allowedTools`,
`--yolo`), which the hook event itself does not carry. Linux (/proc) only; None elsewhere."""

from __future__ import annotations

import os

SHELLS = frozenset({"sh", "bash", "dash", "zsh", "fish", "ksh", "mksh", "busybox"})


def client_argv() -> list[str] | None:
    """The client's command line. The binary's own name varies (`claude`, `node …/cli.js`, a
    versioned file), so it is not what identifies it."""
    pid = os.getppid()
    for _ in range(4):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                argv = f.read().decode("utf-8", "replace").split("\0")
            with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as f:
                stat = f.read()
        except OSError:
            return None
        name = os.path.basename(argv[0]) if argv and argv[0] else ""
        if name.lstrip("-") not in SHELLS:
            return argv
        pid = int(stat.rsplit(")", 1)[1].split()[1])
        if pid <= 1:
            return None
    return None
