"""`hr proxy` as a real process on a free port (port 0, read back from its first line)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

HR = Path(sys.executable).parent / "hr"


class ProxyProcess:
    def __init__(self, upstream: str, cache: Path, *args: str, log: Path | None = None, **env: str):
        self.log = open(log, "w") if log else subprocess.DEVNULL
        self.proc = subprocess.Popen(
            [str(HR), "proxy", "--port", "0", "--anthropic-upstream", upstream, "--openai-upstream", upstream, *args],
            stderr=subprocess.PIPE, stdout=self.log, text=True, env={**os.environ, "HR_CACHE_DIR": str(cache), **env})
        self.first_line = self.proc.stderr.readline()
        match = re.search(r"listening on (http://[\d.]+:\d+)", self.first_line)
        assert match, self.first_line + self.proc.stderr.read()
        self.url = match.group(1)

    def stop(self, sig: int = signal.SIGTERM) -> tuple[int, str]:
        """Stop it; its exit status and what it wrote to stderr after the first line."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        rest = self.proc.stderr.read()
        code = self.proc.wait(60)
        if self.log is not subprocess.DEVNULL:
            self.log.close()
        return code, rest

    def __enter__(self) -> "ProxyProcess":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
