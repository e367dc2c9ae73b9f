"""Item 1: tests check only what cannot flake. No test measures wall-clock or CPU time, sleeps
to wait for something, or binds a port fixed in advance; a test that waits uses a handshake
(tests/support.py: wait_for_fifo) and servers bind port 0. Speed is measured in bench/."""

from __future__ import annotations

import re

from support import REPO

PY_TIMING = re.compile(r"\btime\.(sleep|time|monotonic|perf_counter|process_time)\(|\bsleep\(\s*[0-9.]+\s*\)")
RS_TIMING = re.compile(r"Instant::now|\.elapsed\(\)|thread::sleep|SystemTime::now")
FIXED_PORT = re.compile(r"""\(\s*["'](?:127\.0\.0\.1|localhost|0\.0\.0\.0)["']\s*,\s*[1-9][0-9]*\s*\)""")
# where a wall-clock value is data, not a measurement: ages of cache entries and ledger rows
ALLOWED = {"time.time(": {"test_store.py", "test_stats.py"}}


def python_tests():
    return sorted(p for p in (REPO / "tests").rglob("*.py") if p.name != "test_no_flaky_tests.py")


def rust_test_modules():
    for path in sorted((REPO / "hr-core" / "src").rglob("*.rs")):
        text = path.read_text()
        if "#[cfg(test)]" in text:
            yield path, text[text.index("#[cfg(test)]"):]


def test_tests_do_not_time_sleep_or_fix_ports():
    found = []
    for path in python_tests():
        text = path.read_text()
        for n, line in enumerate(text.splitlines(), 1):
            for m in PY_TIMING.finditer(line):
                if path.name in ALLOWED.get(m.group(0)[:10], set()):
                    # there time.time() only backdates entries; it is never compared to a limit
                    if not re.search(r"time\.time\(\)\s*-\s*\S+.*<", line):
                        continue
                found.append(f"{path.relative_to(REPO)}:{n}: {line.strip()}")
        found += [f"{path.relative_to(REPO)}: fixed port {m.group(0)}" for m in FIXED_PORT.finditer(text)]
    found += [f"{path.relative_to(REPO)}: {m.group(0)}" for path, tests in rust_test_modules()
              for m in RS_TIMING.finditer(tests)]
    assert not found, "\n".join(found)
