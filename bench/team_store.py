"""What the Redis team store costs: added latency per call, and four long-lived processes (as
four `hr proxy` would be) sharing one Redis.

    .venv/bin/python bench/team_store.py [--calls 200]

Starts its own redis-server on a unix socket in a temporary directory. Every figure is a median
of interleaved runs in the same process or run, against the same work without a team store
(this machine is noisy: only differences measured side by side mean anything).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from test_team_store import RedisServer, log  # noqa: E402  (the same server and inputs as the tests)

HR = str(Path(sys.executable).parent / "hr")


def per_call(url: str, calls: int) -> dict:
    """In one process: api.compress on fresh inputs with and without the team store."""
    from hr.engine.api import compress
    from hr.store import team
    from hr.store.objects import Store

    local = {"with": [], "without": []}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(tmp)
        for i in range(calls):
            for mode in ("without", "with"):
                data = log(10_000 + 2 * i + (mode == "with"), lines=300)
                if mode == "with":
                    os.environ["HR_STORE_URL"] = url
                else:
                    os.environ.pop("HR_STORE_URL", None)
                started = time.perf_counter()
                compress(data, store=store)
                local[mode].append((time.perf_counter() - started) * 1000)
        assert team.from_env() is None or team.from_env().ok, team.from_env().error
    os.environ.pop("HR_STORE_URL", None)
    added = [w - wo for w, wo in zip(local["with"], local["without"])]
    return {"p50 without": statistics.median(local["without"]), "p50 with": statistics.median(local["with"]),
            "p50 added": statistics.median(added)}


def per_process(url: str, runs: int) -> dict:
    """A whole `hr` call (interpreter start, import of redis included)."""
    times = {"with": [], "without": []}
    data = log(1, lines=300)
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            for mode in ("without", "with"):
                env = dict(os.environ, HR_CACHE_DIR=tmp)
                if mode == "with":
                    env["HR_STORE_URL"] = url
                started = time.perf_counter()
                subprocess.run([HR], input=data, capture_output=True, env=env, check=True)
                times[mode].append((time.perf_counter() - started) * 1000)
    return {"p50 without": statistics.median(times["without"]), "p50 with": statistics.median(times["with"])}


def _worker(args: tuple[str | None, str, int, int]) -> int:
    url, cache, worker, calls = args
    if url:
        os.environ["HR_STORE_URL"] = url
    from hr.engine.api import compress
    from hr.store.objects import Store

    store = Store(cache)
    for i in range(calls):
        compress(log(50_000 + worker * calls + i, lines=300), store=store)
    return calls


def four_processes(url: str | None, calls: int) -> float:
    with tempfile.TemporaryDirectory() as tmp, Pool(4) as pool:
        started = time.perf_counter()
        done = sum(pool.map(_worker, [(url, os.path.join(tmp, str(w)), w, calls) for w in range(4)]))
        return done / (time.perf_counter() - started)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", type=int, default=200)
    args = ap.parse_args()
    server = RedisServer()
    try:
        print(f"redis-server on {server.url}")
        r = per_call(server.url, args.calls)
        print(f"in-process compress of a 300-line log, {args.calls} calls each: p50 {r['p50 without']:.2f} ms "
              f"without, {r['p50 with']:.2f} ms with Redis; p50 added {r['p50 added']:.2f} ms")
        p = per_process(server.url, 21)
        print(f"whole `hr` process, 21 runs each: p50 {p['p50 without']:.1f} ms without, {p['p50 with']:.1f} ms "
              f"with HR_STORE_URL (includes importing the redis client)")
        without = statistics.median(four_processes(None, 100) for _ in range(3))
        with_ = statistics.median(four_processes(server.url, 100) for _ in range(3))
        print(f"4 processes x 100 calls: {without:.0f} calls/s with local stores only, {with_:.0f} calls/s "
              f"sharing one Redis; {server.client.dbsize()} keys in Redis")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
