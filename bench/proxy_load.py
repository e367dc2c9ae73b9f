#!/usr/bin/env python3
"""`hr proxy` under load, and what it adds to each streamed event.

    .venv/bin/python bench/proxy_load.py [--conversations 50] [--duration 60] [--json OUT]

Three local processes: a fake Anthropic API streaming paced SSE events (each stamped with
CLOCK_MONOTONIC, shared by all processes of the machine), `hr proxy` in front of it, and the
client (this process, aiohttp). Reports
  * latency: one conversation at a time, the same stream direct and through the proxy,
    interleaved: p50/p99 of event delivery time and of time to first byte, and the difference
    (what the proxy adds; compression excluded: those requests carry no large tool result);
  * load: N concurrent streaming conversations for D seconds through one proxy, each turn
    carrying a ~8 KB tool result (compressed, memoized after the first turn): requests,
    events, errors, p50/p99 event delay, the proxy's CPU time and peak memory (RSS); then the
    same load straight to the fake API as the baseline (this machine's own delay under load);
  * compression: one 30 KB tool result through the proxy's compressor, first time (stored
    and recorded) and memoized.
Every loop is bounded by count and time; servers bind 127.0.0.1, port 0.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HR = Path(sys.executable).parent / "hr"
EVENTS = 40  # deltas per answer
PACE_S = 0.05  # between events, as a model streams


def log_text(n: int, tag: str = "api") -> str:
    return "".join(f"2024-05-01T12:{i // 60 % 60:02d}:{i % 60:02d}Z INFO {tag}-{i % 7} GET /v1/items/{i} 200 {i * 7 % 113}ms\n"
                   for i in range(n)) + "2024-05-01T13:00:00Z ERROR db timeout after 30000 ms\n"


# --- the fake API (run as a subprocess: --serve-fake) ---

def serve_fake() -> None:
    from aiohttp import web

    async def handle(request):
        body = await request.json()
        n = int(body.get("metadata", {}).get("events", EVENTS))
        out = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await out.prepare(request)
        await out.write(f'event: message_start\ndata: {{"type":"message_start","t":{time.monotonic_ns()}}}\n\n'.encode())
        for i in range(n):
            await asyncio.sleep(PACE_S)
            await out.write(f'event: content_block_delta\ndata: {{"type":"content_block_delta","index":0,"i":{i},"t":{time.monotonic_ns()}}}\n\n'.encode())
        await out.write(b'event: message_stop\ndata: {"type":"message_stop"}\n\n')
        await out.write_eof()
        return out

    async def main():
        app = web.Application(client_max_size=1 << 28)
        app.router.add_post("/v1/messages", handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        print(runner.addresses[0][1], flush=True)
        await asyncio.sleep(3600)

    asyncio.run(main())


# --- the client ---

async def conversation_turn(session, url: str, body: bytes, delays: list, ttfb: list) -> int:
    """One streamed answer: the delay of each event after the fake stamped it (ms)."""
    start = time.monotonic_ns()
    events = 0
    async with session.post(url + "/v1/messages", data=body, headers={"x-api-key": "bench", "content-type": "application/json"}) as resp:
        if resp.status != 200:
            raise RuntimeError(f"status {resp.status}")
        first = True
        async for line in resp.content:
            if line.startswith(b"data: "):
                now = time.monotonic_ns()
                if first:
                    ttfb.append((now - start) / 1e6)
                    first = False
                m = re.search(rb'"t":(\d+)', line)
                if m:
                    delays.append((now - int(m.group(1))) / 1e6)
                    events += 1
    if events != EVENTS + 1:
        raise RuntimeError(f"{events} events")
    return events


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")


async def latency(direct: str, proxied: str, turns: int) -> dict:
    import aiohttp

    small = json.dumps({"model": "m", "max_tokens": 5, "stream": True, "messages": [{"role": "user", "content": "hi"}]}).encode()
    res = {"direct": ([], []), "proxy": ([], [])}
    async with aiohttp.ClientSession() as session:
        for i in range(turns):  # interleaved, so that machine noise hits both alike
            for name, url in (("direct", direct), ("proxy", proxied)) if i % 2 else (("proxy", proxied), ("direct", direct)):
                await conversation_turn(session, url, small, *res[name])
        # time to first byte back to back (no idle gap: no process wake-up on this shared machine)
        quick = json.dumps({"model": "m", "stream": True, "metadata": {"events": 0}, "messages": []}).encode()
        b2b = {"direct": [], "proxy": []}
        for i in range(200):
            for name, url in (("direct", direct), ("proxy", proxied)) if i % 2 else (("proxy", proxied), ("direct", direct)):
                t = time.monotonic_ns()
                async with session.post(url + "/v1/messages", data=quick) as resp:
                    await resp.content.readline()
                    b2b[name].append((time.monotonic_ns() - t) / 1e6)
                    await resp.read()
    out = {"ttfb_back_to_back_p50_ms": {k: pct(v, 50) for k, v in b2b.items()}}
    out["ttfb_back_to_back_p50_ms"]["added"] = out["ttfb_back_to_back_p50_ms"]["proxy"] - out["ttfb_back_to_back_p50_ms"]["direct"]
    for name, (delays, ttfb) in res.items():
        out[name] = {"event_p50_ms": pct(delays, 50), "event_p99_ms": pct(delays, 99), "ttfb_p50_ms": pct(ttfb, 50), "ttfb_p99_ms": pct(ttfb, 99), "events": len(delays)}
    out["added"] = {k: out["proxy"][k] - out["direct"][k] for k in ("event_p50_ms", "event_p99_ms", "ttfb_p50_ms", "ttfb_p99_ms")}
    return out


def proc_stats(pid: int) -> tuple[float, int]:
    """(CPU seconds, peak RSS in KB) of a process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    hwm = next(int(l.split()[1]) for l in Path(f"/proc/{pid}/status").read_text().splitlines() if l.startswith("VmHWM:"))
    return cpu, hwm


async def load(proxied: str, conversations: int, duration: float, pid: int | None) -> dict:
    import aiohttp

    delays, ttfb, errors = [], [], []
    requests = events = 0
    deadline = time.monotonic() + duration
    cpu0, _ = proc_stats(pid) if pid else (0.0, 0)

    async def one(c: int):
        nonlocal requests, events
        # a conversation grows by one ~8 KB tool result per turn, as an agent's does
        results = []
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
            for turn in range(10_000):
                if time.monotonic() >= deadline:
                    return
                results.append(log_text(100, tag=f"c{c}t{turn % 6}"))
                messages = [{"role": "user", "content": "go"}]
                for k, r in enumerate(results[-6:]):
                    messages += [{"role": "assistant", "content": [{"type": "tool_use", "id": f"t{k}", "name": "Bash", "input": {}}]},
                                 {"role": "user", "content": [{"type": "tool_result", "tool_use_id": f"t{k}", "content": r}]}]
                body = json.dumps({"model": "m", "max_tokens": 5, "stream": True, "messages": messages}).encode()
                try:
                    n = await conversation_turn(session, proxied, body, delays, ttfb)
                    events, requests = events + n, requests + 1
                except Exception as exc:
                    errors.append(repr(exc)[:200])

    started = time.monotonic()
    await asyncio.gather(*(one(c) for c in range(conversations)))
    wall = time.monotonic() - started
    if pid is None:  # the baseline: the same load straight to the fake API
        return {"seconds": round(wall, 1), "requests": requests, "errors": len(errors), "event_delay_p50_ms": pct(delays, 50),
                "event_delay_p99_ms": pct(delays, 99), "ttfb_p50_ms": pct(ttfb, 50), "ttfb_p99_ms": pct(ttfb, 99)}
    cpu1, hwm = proc_stats(pid)
    return {"conversations": conversations, "seconds": round(wall, 1), "requests": requests, "events": events,
            "errors": len(errors), "first_errors": errors[:3], "event_delay_p50_ms": pct(delays, 50), "event_delay_p99_ms": pct(delays, 99),
            "ttfb_p50_ms": pct(ttfb, 50), "ttfb_p99_ms": pct(ttfb, 99), "proxy_cpu_s": round(cpu1 - cpu0, 2),
            "proxy_cpu_share": round((cpu1 - cpu0) / wall, 3), "proxy_peak_rss_mb": round(hwm / 1024, 1)}


def compression(runs: int = 20) -> dict:
    from hr.proxy.compressor import ToolResultCompressor
    from hr.store.objects import Store

    n = 100
    while len(log_text(n)) < 30_000:
        n += 10
    text = log_text(n)  # a Bash result near Claude Code's 30,000-character inline limit
    first, memo = [], []
    with tempfile.TemporaryDirectory() as d:
        comp = ToolResultCompressor(Store(d))  # a running proxy: warmed up, store in place
        comp.warm_up()
        for r in range(runs):
            variant = text.replace("ERROR db timeout", f"ERROR db timeout #{r}")  # new content: no memo hit
            t = time.perf_counter()
            out = comp(variant, "bench")
            first.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            comp(variant, "bench")
            memo.append((time.perf_counter() - t) * 1000)
        comp.close()
    return {"bytes_in": len(text.encode()), "bytes_out": len(out.encode()), "first_p50_ms": statistics.median(first),
            "first_max_ms": max(first), "memo_p50_ms": statistics.median(memo)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--conversations", type=int, default=50)
    ap.add_argument("--duration", type=float, default=60)
    ap.add_argument("--latency-turns", type=int, default=20)
    ap.add_argument("--baseline-duration", type=float, default=20, help="the same load without the proxy, for comparison")
    ap.add_argument("--serve-fake", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--json", metavar="OUT")
    args = ap.parse_args()
    if args.serve_fake:
        serve_fake()
        return
    report = {"compression_30kb": compression()}
    with tempfile.TemporaryDirectory() as cache:
        fake = subprocess.Popen([sys.executable, __file__, "--serve-fake"], stdout=subprocess.PIPE, text=True)
        direct = f"http://127.0.0.1:{fake.stdout.readline().strip()}"
        proxy = subprocess.Popen([str(HR), "proxy", "--port", "0", "--anthropic-upstream", direct], stderr=subprocess.PIPE, text=True,
                                 env={**os.environ, "HR_CACHE_DIR": cache})
        proxied = re.search(r"(http://[\d.]+:\d+)", proxy.stderr.readline()).group(1)
        try:
            report["latency"] = asyncio.run(latency(direct, proxied, args.latency_turns))
            report["load"] = asyncio.run(load(proxied, args.conversations, args.duration, proxy.pid))
            report["load_baseline_direct"] = asyncio.run(load(direct, args.conversations, args.baseline_duration, None))
        finally:
            proxy.terminate()
            fake.terminate()
            proxy.wait(60)
            fake.wait(60)
    print(json.dumps(report, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
