"""Replay a simulated agent session before and after `hr learn --apply`.

The session mixes three commands. The agent needs one line from each output: for `kubectl logs`
it is an ordinary line that hr folds (so every folded output costs a round trip: `hr expand
HASH`), for `docker logs` every third time, for `pytest -q` a failure, which hr always keeps. A
round trip costs the tokens it returns plus EXPANSION_CALL_TOKENS for the call around it.

Phase 1 runs the session with no policy and records it in a fresh ledger; `hr learn --apply`
learns from that ledger; phase 2 runs a new session of the same shape (different outputs).

    .venv/bin/python bench/learn_replay.py [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HR = str(Path(sys.executable).with_name("hr"))
HASH = re.compile(rb"hr expand ([0-9a-f]{12})")
STEPS = 12


def log_output(seed: int, n: int, pod: str) -> tuple[bytes, bytes]:
    """A pod's log and the ordinary line the agent is after (one of many alike)."""
    lines = []
    for i in range(n):
        lines.append(f"2026-11-29T10:{i // 60 % 60:02d}:{i % 60:02d}.{(i * 7 + seed) % 1000:03d}Z INFO {pod} "
                     f"handled GET /api/items/{(seed * 131 + i * 17) % 9973} status=200 in {(i * seed) % 40 + 2}ms")
        if i == n // 3:
            lines.append(f"2026-11-29T10:00:00.000Z WARN {pod} slow upstream: cache miss ratio {seed % 9}0%")
    target = lines[n // 2 + 1].split(" INFO ")[1].encode()
    return ("\n".join(lines) + "\n").encode(), target


def pytest_output(workdir: Path, seed: int) -> tuple[bytes, bytes]:
    suite = workdir / f"suite{seed}"
    suite.mkdir(exist_ok=True)
    bad = (seed * 7) % 200
    (suite / "test_many.py").write_text(
        "import pytest\n\n@pytest.mark.parametrize('i', range(200))\n"
        f"def test_value(i):\n    assert i != {bad}, f'value {{i}} is wrong'\n")
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rA", "-p", "no:cacheprovider", str(suite)],
                         capture_output=True, cwd=suite, timeout=120).stdout
    return out, f"value {bad} is wrong".encode()


def session(workdir: Path, phase: int) -> list[tuple[str, bytes, bytes | None]]:
    """(label, output, what the agent needs from it) per step."""
    steps = []
    for s in range(STEPS):
        seed = phase * 100 + s
        data, need = log_output(seed, 300 + 11 * s, f"api-{s % 3}")
        steps.append((f"kubectl logs api-{s % 3}", data, need))
        data, need = log_output(seed + 50, 260 + 7 * s, f"web-{s % 2}")
        steps.append((f"docker logs web-{s % 2}", data, need if s % 3 == 0 else None))
        if s % 3 == 0:
            data, need = pytest_output(workdir, seed)
            steps.append(("pytest -q", data, need))
    return steps


def run(steps, env) -> dict:
    def hr(*args, data=b""):
        return subprocess.run([HR, *args], input=data, capture_output=True, env=env, timeout=120).stdout

    from hr.engine import core
    from hr.stats.report import EXPANSION_CALL_TOKENS

    totals = {"steps": len(steps), "round_trips": 0, "tokens_raw": 0, "tokens_read": 0}
    per_label: dict[str, dict] = {}
    for label, data, need in steps:
        out = hr("--label", label, data=data)
        read = core.estimate_tokens(out)
        trips = 0
        if need is not None and need not in out:
            m = HASH.search(out)
            back = hr("expand", m.group(1).decode()) if m else data
            assert need in back
            read += core.estimate_tokens(back) + EXPANSION_CALL_TOKENS
            trips = 1
        totals["round_trips"] += trips
        totals["tokens_raw"] += core.estimate_tokens(data)
        totals["tokens_read"] += read
        row = per_label.setdefault(label.split()[0] + " " + label.split()[1], {"round_trips": 0, "tokens_read": 0})
        row["round_trips"] += trips
        row["tokens_read"] += read
    totals["by_label"] = per_label
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    as_json = parser.parse_args().json
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = {**os.environ, "HR_CACHE_DIR": str(tmp / "cache"), "HR_POLICY": str(tmp / "policy.toml"),
               "HOME": str(tmp)}
        env.pop("HR_DISABLE", None)
        before = run(session(tmp, 1), env)
        learnt = subprocess.run([HR, "learn", "--apply", "--json", "--no-transcripts"], capture_output=True,
                                env=env, timeout=120)
        rules = json.loads(learnt.stdout)["rules"]
        after = run(session(tmp, 2), env)
    result = {"before": before, "rules": rules, "after": after}
    if as_json:
        print(json.dumps(result, indent=2))
        return
    print(f"{'':<10} {'round trips':>12} {'tokens read':>12} {'raw tokens':>12}")
    for name in ("before", "after"):
        r = result[name]
        print(f"{name:<10} {r['round_trips']:>12} {r['tokens_read']:>12,} {r['tokens_raw']:>12,}")
    for rule in rules:
        adj = ", ".join(f"{k}={rule[k]}" for k in ("skip", "min_fold_run") if k in rule)
        print(f"rule: {rule['label']} ({rule['kind']}) {adj}: {rule['reason']}")
    for name in ("before", "after"):
        for label, r in sorted(result[name]["by_label"].items()):
            print(f"{name:<7} {label:<14} round trips {r['round_trips']:>3}  tokens read {r['tokens_read']:>8,}")


if __name__ == "__main__":
    main()
