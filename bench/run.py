#!/usr/bin/env python3
"""The hr benchmark: one command, one table to paste into a note.

    .venv/bin/python bench/run.py [--quick] [--json OUT]

Reports
  * the corpus score (../shared/corpus/score.py), when the corpus is present, the score of the
    validation logs (bench/validation), and what the markers in the corpus outputs cost
    (bench/marker_share.py);
  * latency: median wall time of one `hr` process on 1 KB, 100 KB, 300 KB and 1 MB inputs,
    beside a bare `python -c pass` of the same interpreter and `hr --version`, all measured
    in the same run (interleaved), since these machines are noisy;
  * the extra start-up of the code path (tree-sitter) against a log of the same size;
  * the Claude Code hook: its no-op path and a rewrite (run through `env`, which adds ~1 ms);
  * core throughput in MB/s on a 100 MB log and a large JSON array (in-process, Rust only),
    beside storing the same bytes (zstd) in the same rounds, and the share of CPU time the
    hypervisor stole meanwhile: these tell a slow machine from a slow build;
  * one-time costs that tests must not time: loading the CompressBase model in a fresh
    process, and parsing a 30,000-line Python file on the code path (tree-sitter, in-process);
  * peak memory (max RSS) of one `hr` process on the 100 MB log, on 100 MB of two-byte lines
    (a-z, and `a`, empty, `1` and `error` lines), of errors each of its own and of words at random, on dense JSON (records on one line, NDJSON, an
    array of `1`s), an `ls -laR` listing and a diff (a quarter of the size each), on 3 MB of
    Python source and on a 100 MB coloured log, sniffed and with `--kind` of their kind (the
    two-byte and `error` lines also with `--budget 8000`), each with a fresh cache,
    against the bound of 3x the input plus 64 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
OUT = REPO / "bench" / "out"
PY = sys.executable
HR = str(Path(PY).with_name("hr"))

LEVELS = ["INFO"] * 90 + ["DEBUG"] * 6 + ["WARN"] * 3 + ["ERROR"]
TEMPLATES = [
    "Received block blk_{n} of size {size} from /{ip}",
    "PacketResponder {k} for block blk_{n} terminating",
    "Served block blk_{n} to /{ip}",
    "GET /api/v1/items/{k} 200 {ms}ms user={user}",
    "Connection from {ip} port {port} closed after {ms}ms",
    "session {hex} opened for user {user} by (uid={k})",
    "Scheduled job sync-{k} finished in {ms} ms, {size} bytes written",
    "cache miss for key \"{user}:{k}\", fetching from upstream {ip}:{port}",
]


def synthetic_log(size: int, seed: int = 7) -> bytes:
    """A deterministic log of about `size` bytes: frequent templates, rare errors, a traceback now and then."""
    rng = random.Random(seed)
    users = ["alice", "bob", "carol", "dave", "erin", "frank"]
    out, total, t = [], 0, 1_700_000_000
    while total < size:
        t += rng.randint(0, 3)
        stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(t)) + f",{rng.randint(0, 999):03d}"
        level = rng.choice(LEVELS)
        msg = rng.choice(TEMPLATES).format(
            n=rng.randint(10**17, 10**18), size=rng.randint(1, 1 << 26), ip=f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
            k=rng.randint(0, 99999), ms=rng.randint(1, 5000), user=rng.choice(users), port=rng.randint(1024, 65535),
            hex=f"{rng.getrandbits(64):016x}")
        line = f"{stamp} {level} [worker-{rng.randint(1, 16)}] {msg}\n"
        if level == "ERROR" and rng.random() < 0.3:
            line += ("Traceback (most recent call last):\n  File \"/srv/app/handlers.py\", line 88, in handle\n"
                     "    result = backend.fetch(key)\nTimeoutError: upstream did not answer within 30s\n")
        out.append(line)
        total += len(line)
    return "".join(out).encode()


def two_byte_lines(mb: int) -> bytes:
    """The worst shape for per-line bookkeeping: one character and a newline, repeated."""
    return b"".join(bytes([97 + i % 26]) + b"\n" for i in range(26)) * (mb * 2**20 // 52)


def coloured_log(mb: int) -> bytes:
    """A log the way a colour formatter writes it: every line wrapped in ANSI escapes."""
    line = "\x1b[32m2025-08-08 07:06:{:02d}.{:03d} INFO     worker-{} handled request id={} in {} ms\x1b[0m\n"
    out, size, i = [], 0, 0
    while size < mb * 2**20:
        out.append(line.format(i % 60, i % 1000, i % 7, i, i * 7 % 97).encode())
        size += len(out[-1])
        i += 1
    return b"".join(out)


def json_file_log(mb: int) -> bytes:
    """A container's log as docker's json-file driver keeps it, a record a line, its colours
    escaped in each record and differing from line to line."""
    out, size, i = [], 0, 0
    while size < mb * 2**20:
        line = f"\x1b[3{i % 3 + 1}m2025-08-08 07:06:{i % 60:02d}.{i % 1000:03d} INFO worker-{i % 7} handled request id={i} in {i * 7 % 97} ms\x1b[0m\n"
        out.append(json.dumps({"log": line, "stream": "stdout", "time": f"2025-08-08T07:06:{i % 60:02d}.{i:09d}Z"}, separators=(",", ":")).encode() + b"\n")
        size += len(out[-1])
        i += 1
    return b"".join(out)


def stray_bytes_log(mb: int) -> bytes:
    """A log in UTF-8 but for one Latin-1 byte in 32 (a name, a path in a code page)."""
    line = b"2025-08-08 07:06:%02d INFO caf\xe9 %07d\n"
    return b"".join(line % (i % 60, i) for i in range(mb * 2**20 // len(line % (0, 0))))


def one_trace(mb: int) -> bytes:
    """A Java stack trace of distinct frames: the most frames a megabyte of log can show."""
    out, size, i = [b"java.lang.RuntimeException: deep\n"], 0, 0
    while size < mb * 2**20:
        out.append(f"\tat com.ex.p{i}.Cls.method(Cls.java:{i % 1000})\n".encode())
        size += len(out[-1])
        i += 1
    return b"".join(out)


def recursing_trace(mb: int) -> bytes:
    """A trace shows four frames, then another repeats them again and again: each turn folds
    with a pointer to the first trace, and is asked again whether it is a recursion."""
    frames = b"".join(f"\tat com.ex.p{i}.Cls.method(Cls.java:{100 + i})\n".encode() for i in range(4))
    head = b"java.lang.IllegalStateException: first\n" + frames + b"java.lang.RuntimeException: deep\n"
    return head + frames * (mb * 2**20 // len(frames))


def vocabulary(rng: random.Random, n: int, longest: int) -> list[str]:
    """`n` made-up words of 3 to `longest` letters."""
    return ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, longest))) for _ in range(n)]


def filled(mb: int, line) -> bytes:
    """Lines `line(i)` for i = 0, 1, ... until they make `mb` MB."""
    out, size, i = [], 0, 0
    while size < mb * 2**20:
        out.append(line(i).encode())
        size += len(out[-1])
        i += 1
    return b"".join(out)


def distinct_errors(mb: int, seed: int = 6) -> bytes:
    """Every line an error of its own (three words at random from 20,000): each message is
    counted, and each line stays; planning would take several times the input."""
    rng = random.Random(seed)
    words = vocabulary(rng, 20_000, 8)
    return filled(mb, lambda i: f"2024-01-02 10:{i // 60 % 60:02}:{i % 60:02} ERROR "
                                f"{rng.choice(words)} {rng.choice(words)} {rng.choice(words)}\n")


def indented_block(mb: int) -> bytes:
    """One event and a dump of settings under it, every line indented: each line continues the
    event, and asks whether a stack trace starts there; a trace is read to its end once, not
    from each of its lines again (which took 12 s for 20,000 lines)."""
    return b"2024-01-02 10:00:00 INFO settings:\n" + filled(mb, lambda i: f"    setting_{i} = {i * 7}\n")


def random_words(mb: int, seed: int = 3) -> bytes:
    """Lines of eight words at random: every line a template of its own, no level, no time."""
    rng = random.Random(seed)
    words = vocabulary(rng, 5000, 9)
    return filled(mb, lambda i: " ".join(rng.choice(words) for _ in range(8)) + "\n")


def synthetic_json(n: int, seed: int = 11) -> bytes:
    rng = random.Random(seed)
    rows = [{"id": i, "name": f"pkg-{i}", "version": f"{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}",
             "status": "ok" if rng.random() > 0.01 else "failed", "size": rng.randint(100, 100000),
             "license": rng.choice(["MIT", "MIT", "MIT", "ISC", "Apache-2.0"])} for i in range(n)]
    return json.dumps(rows, indent=2).encode()


def dense_records(mb: int, open_: str, sep: str, close: str) -> bytes:
    """Records of six short fields, compact: about 12 bytes a JSON value."""
    rng = random.Random(5)
    rows, size, i = [], 0, 0
    while size < mb * 2**20:
        rows.append(json.dumps({"id": i, "name": f"pkg-{i}", "v": f"{rng.randint(0, 9)}.{rng.randint(0, 20)}",
                                "deps": [f"d{rng.randint(0, 999)}" for _ in range(rng.randint(0, 4))],
                                "ok": rng.random() < 0.99, "size": rng.randint(100, 10**7)}, separators=(",", ":")))
        size += len(rows[-1]) + 1
        i += 1
    return (open_ + sep.join(rows) + close).encode()


def ls_listing(mb: int) -> bytes:
    """`ls -laR` of a tree of small directories."""
    rng = random.Random(6)
    out, size, i = [], 0, 0
    while size < mb * 2**20:
        if i % 200 == 0:
            out.append(f"\n./dir{i}:\ntotal 800\n")
        out.append(f"-rw-r--r-- 1 user user {rng.randint(100, 99999):>6} Jan  1 10:00 file{i}.txt\n")
        size += len(out[-1])
        i += 1
    return "".join(out).encode()


def long_diff(mb: int) -> bytes:
    """A diff of many small hunks: short lines, the most lines a megabyte."""
    out, size, i = [], 0, 0
    while size < mb * 2**20:
        if i % 50 == 0:
            out.append(f"diff --git a/f{i}.py b/f{i}.py\nindex 1234567..89abcde 100644\n--- a/f{i}.py\n"
                       f"+++ b/f{i}.py\n@@ -{i},7 +{i},7 @@\n")
        out.append(f" context line {i}\n-old line {i}\n+new line {i}\n")
        size += len(out[-1])
        i += 1
    return "".join(out).encode()


def one_paragraph(mb: int) -> bytes:
    """Prose without a blank line: one unit for the text scorer, read whole."""
    rng = random.Random(8)
    words = "the system reports a value of each parameter in the module while it runs".split()
    out, size, i = [], 0, 0
    while size < mb * 2**20:
        out.append(" ".join(rng.choice(words) for _ in range(50)) + f" {i}\n")
        size += len(out[-1])
        i += 1
    return "".join(out).encode()


def python_source(mb: int) -> bytes:
    """Real Python (the standard library's argparse) repeated to `mb` MB."""
    import argparse

    src = Path(argparse.__file__).read_bytes()
    return src * (mb * 2**20 // len(src) + 1)


def cached(name: str, make) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    if not path.exists():
        path.write_bytes(make())
    return path


def wall(cmd: list[str], stdin_path: Path | None, env: dict) -> float:
    with open(stdin_path or os.devnull, "rb") as f:
        t = time.perf_counter()
        subprocess.run(cmd, stdin=f, stdout=subprocess.DEVNULL, env=env, check=True)
        return (time.perf_counter() - t) * 1000


def latency(rounds: int, env: dict) -> list[tuple[str, float]]:
    inputs = {
        "1 KB log": cached("log-1k.log", lambda: synthetic_log(1024)),
        "100 KB log": cached("log-100k.log", lambda: synthetic_log(100 * 1024)),
        "300 KB log": CORPUS / "log" / "loghub-thunderbird" / "input.log" if CORPUS.is_dir()
        else cached("log-300k.log", lambda: synthetic_log(300 * 1024)),
        "1 MB log": cached("log-1m.log", lambda: synthetic_log(1024 * 1024)),
    }
    code = CORPUS / "code" / "py-argparse" / "input.py"
    cases = [("python -c pass", [PY, "-c", "pass"], None), ("hr --version", [HR, "--version"], None)]
    cases += [(f"hr < {name}", [HR], path) for name, path in inputs.items()]
    if code.exists():
        cases.append(("hr < 97 KB Python (code path)", [HR], code))
        cases.append(("hr --kind log < same 97 KB", [HR, "--kind", "log"], code))
    cases += hook_cases()
    times = {name: [] for name, _, _ in cases}
    for name, cmd, path in cases:  # warm the page cache
        wall(cmd, path, env)
    for _ in range(rounds):  # interleaved, so that noise hits every case alike
        for name, cmd, path in cases:
            times[name].append(wall(cmd, path, env))
    return [(name, statistics.median(ts)) for name, ts in times.items()]


def hook_cases() -> list[tuple[str, list[str], Path]]:
    """`hr hook claude` as Claude Code runs it: a small result it leaves alone (the no-op path,
    on every tool call) and a command it rewrites to run under `hr run` (a user who allows
    `Bash(pytest:*)`, so the rewrite asks nothing new)."""
    home = OUT / "hook-home"
    (home / ".claude").mkdir(parents=True, exist_ok=True)
    (home / "proj").mkdir(exist_ok=True)
    (home / ".claude" / "settings.json").write_text(json.dumps({"permissions": {"allow": ["Bash(pytest:*)"]}}))
    noop = {"hook_event_name": "PostToolUse", "tool_name": "Bash", "cwd": str(home / "proj"),
            "tool_input": {"command": "ls"},
            "tool_response": {"stdout": "a\nb\n", "stderr": "", "interrupted": False, "isImage": False}}
    rewrite = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "cwd": str(home / "proj"),
               "tool_input": {"command": "pytest -q", "description": "run the tests"}}
    cases = []
    for name, event in (("hr hook claude (no-op)", noop), ("hr hook claude (rewrite)", rewrite)):
        path = OUT / f"hook-{name.split('(')[1][:-1]}.json"
        path.write_text(json.dumps(event))
        cases.append((name, ["env", f"HOME={home}", HR, "hook", "claude"], path))
    return cases


def throughput(kind: str, data: bytes, repeat: int) -> tuple[float, float]:
    """Median MB/s of compressing `data` as `kind`, and of storing it (`pack`, the zstd frame
    every call writes) in the same rounds, interleaved: the second is the baseline that tells a
    slow machine from a slow build."""
    from hr import _core

    spent: dict[str, list[float]] = {"compress": [], "pack": []}
    for _ in range(repeat):
        for name, work in (("compress", lambda: _core.compress(kind, data, "000000000000", None)),
                           ("pack", lambda: _core.pack(data))):
            t = time.perf_counter()
            work()
            spent[name].append(time.perf_counter() - t)
    return tuple(len(data) / 1e6 / statistics.median(spent[name]) for name in ("compress", "pack"))


def cpu_ticks() -> list[int] | None:
    """The machine's CPU time so far by state (`/proc/stat`: user … steal), or None off Linux."""
    try:
        with open("/proc/stat") as f:
            return [int(n) for n in f.readline().split()[1:9]]
    except (OSError, ValueError):
        return None


def steal_share(before: list[int] | None, after: list[int] | None) -> float | None:
    """The share of CPU time between two `cpu_ticks` readings that the hypervisor gave to
    other guests (steal): on a shared virtual machine, the reason one run is slower than
    another."""
    if before is None or after is None:
        return None
    spent = [b - a for a, b in zip(before, after)]
    return spent[7] / sum(spent) if sum(spent) else None


def peak_rss_mb(path: Path, env: dict, args: tuple[str, ...] = ()) -> float:
    code = ("import resource, subprocess, sys\n"
            "with open(sys.argv[2], 'rb') as f:\n"
            "    subprocess.run([sys.argv[1], *sys.argv[3:]], stdin=f, stdout=subprocess.DEVNULL, check=True)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([PY, "-c", code, HR, str(path), *args], capture_output=True, text=True, env=env,
                         check=True)
    return int(out.stdout) / 1024


def compressbase_load_ms(rounds: int, env: dict) -> float:
    """Median time to load the CompressBase model, in a fresh process each round."""
    code = ("import time; from hr.engine import core; t = time.perf_counter(); core.compressbase_score(['x']);"
            "print((time.perf_counter() - t) * 1000)")
    return statistics.median(float(subprocess.run([PY, "-c", code], capture_output=True, text=True, env=env,
                                                  check=True).stdout) for _ in range(rounds))


def big_python(classes: int = 1700) -> bytes:
    unit = ("class Shape{i}:\n    \"\"\"A shape.\"\"\"\n\n    def __init__(self, w, h):\n        self.w = w\n"
            "        self.h = h\n\n    def area(self, scale=1.0):\n        total = self.w * self.h\n"
            "        for _ in range(3):\n            total += 0\n        return total * scale\n\n\n")
    return ("import math\n\n\n" + "".join(unit.format(i=i) for i in range(classes))).encode()


def code_parse_ms(repeat: int) -> tuple[int, float]:
    """(lines, median CPU ms) of skeletonizing a large Python file, grammar already loaded."""
    from hr.code.compressor import skeletonize

    data = big_python()
    skeletonize(data, "h", None, "big.py")
    times = []
    for _ in range(repeat):
        t = time.process_time()
        skeletonize(data, "h", None, "big.py")
        times.append((time.process_time() - t) * 1000)
    return data.count(b"\n"), statistics.median(times)


def marker_cost() -> str:
    """What the markers themselves cost the agent, per kind, in o200k tokens (marker_share.py)."""
    sys.path.insert(0, str(REPO / "bench"))
    import marker_share

    return marker_share.table(marker_share.share(HR, [CORPUS]))


def corpus_score(env: dict, cases: Path = CORPUS, cmd: str = HR) -> str:
    if not (CORPUS / "score.py").exists():
        return "(no ../shared/corpus: corpus score skipped)\n"
    with tempfile.NamedTemporaryFile(suffix=".json") as f:
        r = subprocess.run([PY, str(CORPUS / "score.py"), "--cmd", cmd, str(cases), "--quiet", "--json", f.name],
                           capture_output=True, text=True, env=env)
        lines = r.stdout.strip().splitlines()
    start = next((i for i, ln in enumerate(lines) if ln.startswith("kind")), 0)
    return "\n".join(lines[start:]) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer rounds and a 20 MB log instead of 100 MB")
    ap.add_argument("--rounds", type=int, default=None, help="latency rounds (default 21, quick 7)")
    ap.add_argument("--json", help="also write the numbers as JSON here")
    args = ap.parse_args()
    rounds = args.rounds or (7 if args.quick else 21)
    big_mb = 20 if args.quick else 100
    env = dict(os.environ, HR_CACHE_DIR=tempfile.mkdtemp(prefix="hr-bench-"))
    # `pip install .` writes bytecode; an editable install under PYTHONDONTWRITEBYTECODE would
    # recompile hr's modules in every process and time the compiler instead of hr
    import compileall

    import hr

    compileall.compile_dir(os.path.dirname(hr.__file__), quiet=1)
    results: dict = {}

    print("## Corpus score\n")
    score = corpus_score(env)
    print("```\n" + score + "```\n")
    results["corpus"] = score
    if CORPUS.is_dir():
        # our own real logs, not in the corpus (bench/validation/log): sniffed, and as logs
        validation = REPO / "bench" / "validation"
        for title, cmd in (("as sniffed", HR), ("with --kind log", f"{HR} --kind log")):
            print(f"## Validation logs ({title})\n\n```\n" + corpus_score(env, validation, cmd) + "```\n")
        print("## Marker cost (o200k tokens)\n")
        print(marker_cost() + "\n")

    print(f"## Latency (median of {rounds} interleaved runs, one process each)\n")
    print("| what | median ms | vs python -c pass |\n| --- | ---: | ---: |")
    lat = latency(rounds, env)
    base = lat[0][1]
    for name, ms in lat:
        print(f"| {name} | {ms:.1f} | {ms - base:+.1f} |")
    results["latency_ms"] = dict(lat)

    print("\n## Core throughput (in-process, Rust only; median of 7)\n")
    log = cached(f"log-{big_mb}m.log", lambda: synthetic_log(big_mb * 1024 * 1024)).read_bytes()
    # JSON this size is parsed whole; much larger records pass the memory bound and are read like a log
    js = cached("rows-80k.json", lambda: synthetic_json(80_000)).read_bytes()
    before = cpu_ticks()
    tp = {f"log, {len(log) / 1e6:.0f} MB": throughput("log", log, 7),
          f"json, {len(js) / 1e6:.0f} MB": throughput("json", js, 7)}
    steal = steal_share(before, cpu_ticks())
    print("| input | MB/s | storing it (zstd), MB/s | compress / store time |\n| --- | ---: | ---: | ---: |")
    for name, (mbs, stored) in tp.items():
        print(f"| {name} | {mbs:.0f} | {stored:.0f} | {stored / mbs:.2f} |")
    if steal is not None:
        print(f"\nCPU time stolen by the hypervisor during these runs: {steal:.0%}")
    results["throughput_mb_s"] = {name: mbs for name, (mbs, _) in tp.items()}
    results["store_mb_s"] = {name: stored for name, (_, stored) in tp.items()}
    results["throughput_steal"] = steal

    print("\n## One-time costs\n\n| what | median ms |\n| --- | ---: |")
    load = compressbase_load_ms(rounds, env)
    lines, parse = code_parse_ms(3 if args.quick else 7)
    print(f"| CompressBase model load (fresh process) | {load:.1f} |")
    print(f"| code path: skeleton of {lines:,} lines of Python (CPU, grammar loaded) | {parse:.0f} |")
    results["compressbase_load_ms"] = load
    results["code_parse_ms"] = {"lines": lines, "ms": parse}

    # the bound: 3x the input plus 64 MB, on any shape, including the worst (two-byte lines)
    shapes = {f"{big_mb} MB log": OUT / f"log-{big_mb}m.log",
              f"{big_mb} MB of two-byte lines": cached(f"two-byte-{big_mb}m.log", lambda: two_byte_lines(big_mb))}
    # colours: the log is read through a copy without its escapes
    shapes[f"{big_mb} MB coloured log"] = cached(f"coloured-{big_mb}m.log", lambda: coloured_log(big_mb))
    # docker's json-file records: read through a copy of the lines they hold, then without escapes
    shapes[f"{big_mb} MB of docker json-file records"] = cached(f"json-file-{big_mb}m.log", lambda: json_file_log(big_mb))
    # `error` lines: the guard must see every one, yet keep one entry per template, not per line
    for name, line in (("a", b"a\n"), ("empty", b"\n"), ("1", b"1\n"), ("error", b"error\n")):
        shapes[f"{big_mb} MB of `{name}` lines"] = cached(f"lines-{name}-{big_mb}m.log",
                                                          lambda line=line: line * (big_mb * 2**20 // len(line)))
    # a few bytes that are no UTF-8: read through a copy, up to 8 MB (stray_bytes.rs): a log,
    # and distinct errors (every line stays) with a stray byte in each
    shapes["8 MB log with a byte in 32 no UTF-8"] = cached("stray-8m.log", lambda: stray_bytes_log(8))
    shapes["8 MB of distinct errors, a byte in 50 no UTF-8"] = cached(
        "stray-errors-8m.log", lambda: distinct_errors(8).replace(b" ERROR ", b" ERROR caf\xe9 ")[:8 * 2**20 - 64].rsplit(b"\n", 1)[0] + b"\n")
    # one stack trace of distinct frames: the frames shown are remembered, each in a word or two
    shapes[f"{big_mb} MB stack trace"] = cached(f"trace-{big_mb}m.log", lambda: one_trace(big_mb))
    # a recursion through frames a trace above showed: looked at in linear time
    shapes[f"{big_mb} MB recursing trace"] = cached(f"recursion-{big_mb}m.log", lambda: recursing_trace(big_mb))
    # one event whose continuation lines run on for the whole input
    shapes[f"{big_mb} MB indented block"] = cached(f"indented-{big_mb}m.log", lambda: indented_block(big_mb))
    # lines that are mostly new: planning them would hold several times the input
    shapes[f"{big_mb} MB of distinct errors"] = cached(f"errors-{big_mb}m.log", lambda: distinct_errors(big_mb))
    shapes[f"{big_mb} MB of random words"] = cached(f"words-{big_mb}m.log", lambda: random_words(big_mb))
    # the bound's fixed 64 MB weighs most on small input: new lines of a few megabytes, planned
    # line by line as a log, are where it is closest
    shapes["8 MB of random words"] = cached("words-8m.log", lambda: random_words(8))
    shapes["4 MB of distinct errors"] = cached("errors-4m.log", lambda: distinct_errors(4))
    hows = {name: (("sniffed", ()), ("--kind log", ("--kind", "log"))) for name in shapes}
    # a budget plans what it keeps (the agent hooks always pass one): the most lines, the worst case
    for name in (f"{big_mb} MB of two-byte lines", f"{big_mb} MB of `error` lines"):
        hows[name] += (("--budget 8000", ("--budget", "8000")),)
    # JSON parses into a tree of values: dense JSON of many small values is its worst shape
    json_mb = max(big_mb // 4, 1)
    for name, make in ((f"{json_mb} MB JSON of small records, one line", lambda: dense_records(json_mb, "[", ",", "]")),
                       (f"{json_mb} MB NDJSON of small records", lambda: dense_records(json_mb, "", "\n", "\n")),
                       (f"{json_mb} MB JSON array of `1`s", lambda: b"[" + b"1," * (json_mb * 2**19) + b"1]"),
                       # no comma between them: only the whitespace says how many values there are
                       (f"{json_mb} MB NDJSON of numbers", lambda: b"1\n" * (json_mb * 2**19)),
                       # a record costs more than its values: one-field records are the most a byte
                       (f"{max(json_mb // 4, 1)} MB NDJSON of one-field records",
                        lambda: b'{"a":1}\n' * (max(json_mb // 4, 1) * 2**17))):
        shapes[name] = cached(f"json-{name.split(' MB ')[1].replace(' ', '-').replace('`', '')}-{json_mb}m.json", make)
        hows[name] = (("sniffed", ()), ("--kind json", ("--kind", "json")))
    # the compressors that plan line by line, and the code path's parse tree
    for name, kind, make in ((f"{json_mb} MB `ls -laR` listing", "shell", lambda: ls_listing(json_mb)),
                             (f"{json_mb} MB diff", "diff", lambda: long_diff(json_mb)),
                             (f"{json_mb} MB prose of one paragraph", "text", lambda: one_paragraph(json_mb)),
                             # every line a template of its own: the miner's templates at their most
                             (f"{json_mb} MB of distinct long lines", "log", lambda: one_paragraph(json_mb)),
                             ("3 MB Python source", "code", lambda: python_source(3))):
        shapes[name] = cached(f"{kind}-{name.split(' ')[0]}m.txt", make)
        hows[name] = (("sniffed", ()), (f"--kind {kind}", ("--kind", kind)))
    # dense source, about a token a byte: its parse tree is the largest a byte
    name = "1.4 MB of small Python functions"
    shapes[name] = cached("code-dense-1m.py", lambda: b"def f(a,b):\n  return [a,b,(a,b),{a:b}]\n" * 36_000)
    hows[name] = (("--label dense.py", ("--kind", "code", "--label", "dense.py")),)
    print("\n## Peak memory (whole `hr` process)\n\n| input | how | max RSS | bound 3x+64 MB | within |\n"
          "| --- | --- | ---: | ---: | --- |")
    results["peak_rss_mb"] = {}
    # the same input again: the object stored the first time is checked, not held beside it
    hows[f"{big_mb} MB of distinct errors"] += (("--budget 8000, stored before", ("--budget", "8000", "again")),)
    for name, path in shapes.items():
        for how, flags in hows[name]:
            with tempfile.TemporaryDirectory(prefix="hr-bench-") as cache:  # a cached result is no measure
                run_env = dict(env, HR_CACHE_DIR=cache)
                if flags[-1:] == ("again",):
                    flags = flags[:-1]
                    peak_rss_mb(path, run_env, flags)
                rss = peak_rss_mb(path, run_env, flags)
            bound = 3 * path.stat().st_size / 2**20 + 64
            print(f"| {name} | {how} | {rss:.0f} MB | {bound:.0f} MB | {'yes' if rss <= bound else 'NO'} |")
            results["peak_rss_mb"][f"{name}, {how}"] = rss
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
