#!/usr/bin/env python3
"""What the model reads through the real Codex CLI, without hr and with it.

    .venv/bin/python bench/codex_cap.py [LOG_CASE_DIR]

Runs `codex exec -s workspace-write` (Codex CLI 0.171.0, installed by
tests/e2e/install_codex.sh) offline against the fake Responses API of tests/e2e, twice: in a
fresh HOME, and after `hr install codex`. The model calls `cat` on the case's input (default:
../shared/corpus/log/loghub-hadoop, 376 KB); the table says how large the output it got back
was, how many tokens Codex counted in the command's output, whether Codex cut it, and how many
of the case's needles (its key lines) survived.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "tests" / "e2e"), str(REPO / "tests")]

from conftest import CodexAgent  # noqa: E402
from support import CORPUS  # noqa: E402
from test_codex_e2e import body, key_lines_kept  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("case", nargs="?", type=Path, default=CORPUS / "log" / "loghub-hadoop", metavar="LOG_CASE_DIR",
                        help="a log case: a folder with input.* and case.json (default: the corpus's loghub-hadoop)")
    case = parser.parse_args().case
    if not case.is_dir():
        parser.error(f"no case at {case} (../shared is not present?)")
    log = next(case.glob("input.*")).read_bytes()
    needles = json.loads((case / "case.json").read_text())["needles"]
    codex = Path(subprocess.run(["sh", str(REPO / "tests/e2e/install_codex.sh")], capture_output=True, text=True,
                                check=True).stdout.split()[-1])
    print(f"{case.name}: {len(log):,} bytes, {len(needles)} key lines\n")
    print("| setup | bytes the model got | smaller | Codex token count | cut by Codex | key lines |")
    print("| --- | ---: | ---: | ---: | --- | ---: |")
    for install in (False, True):
        with tempfile.TemporaryDirectory() as tmp:
            agent = CodexAgent(codex, Path(tmp) / "home", Path(tmp) / "work")
            agent.home.mkdir()
            agent.work.mkdir()
            (agent.work / "input").write_bytes(log)
            if install:
                agent.install()
            out = agent.run([[("exec_command", {"cmd": "cat input"})]]).outputs()[0]
        _, text = body(out)
        size = len(text.encode())
        counted = re.search(r"Original token count: (\d+)", out)
        print(f"| {'hr install codex' if install else 'Codex alone'} | {size:,} | {1 - size / len(log):.1%} | "
              f"{counted.group(1) if counted else '?'} | {'yes' if 'truncated output' in text else 'no'} | "
              f"{key_lines_kept(needles, text)}/{len(needles)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
