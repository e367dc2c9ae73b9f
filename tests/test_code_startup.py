"""The code path's start-up: what it must not import (each costs milliseconds on every call that
reads code)."""

from __future__ import annotations

import subprocess
import sys

GO = "package main\n\nimport \"fmt\"\n\n" + "".join(
    f"// F{i} prints its number.\nfunc F{i}(n int) int {{\n\tfmt.Println(n)\n\tx := n * {i}\n\tx += 1\n\treturn x\n}}\n\n"
    for i in range(40))

PROBE = """
import sys
from hr.code import compress
out, spans = compress("code", sys.stdin.buffer.read(), "0123456789ab", None, "main.go")
assert spans, "the Go source was meant to compress"
print(" ".join(sorted(m for m in ("dataclasses", "ast", "hr.code.generic") if m in sys.modules)))
"""


def test_go_source_loads_no_dataclasses_ast_or_fallback():
    out = subprocess.run([sys.executable, "-c", PROBE], input=GO.encode(), capture_output=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode().strip() == ""
