#!/usr/bin/env python3
"""Fuzz the filter and `hr expand`'s arguments: random and mutated input, hostile arguments.

    .venv/bin/python bench/fuzz.py [--cases 10000] [--expand 2000] [--seed 1] [--corpus DIR]
                                   [--subprocess-every 25]

Inputs: random bytes, broken UTF-8, huge lines, generated logs and JSON, and files of the
corpus (../shared/corpus, else tests/fixtures) cut at random points, mutated (bytes flipped,
inserted, deleted, duplicated; CRLF; NULs; spliced with another file; fake markers). Each goes
through the filter with random options (--kind, --label, --budget). `hr expand` gets random
and hostile hashes and span options.

Checked for every case: no traceback (no exception but SystemExit), exit status 0 or 2, and
the fail-open rule: an output that differs from the input names the input's hash and the
store gives the input back exactly; where hr did not compress, the output is the input. A
sample also runs as a real `hr` process (every Nth case), and is checked the same way plus
for "Traceback" on stderr. Deterministic for a given seed. Prints counts; exit 1 on problems.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HR = str(Path(sys.executable).with_name("hr"))
KINDS = ["binary", "json", "log", "test", "code", "diff", "shell", "text", "nonsense", ""]
LABELS = ["pytest -q", "app.log", "src/main.rs", "x.py", "curl -H 'Authorization: Bearer abc' https://u:p@h/?t=1",
          "", "\udcff", "a" * 300, "../../etc/passwd", "cat big.json"]


# ------------------------------------------------------------------ inputs

def corpus_files(corpus: Path | None) -> list[bytes]:
    roots = [corpus] if corpus and corpus.is_dir() else []
    roots.append(REPO / "tests" / "fixtures")
    files = []
    for root in roots:
        for p in sorted(root.rglob("*")):
            if p.is_file() and p.name != "case.json" and p.stat().st_size <= 2_000_000:
                files.append(p.read_bytes())
    return files


def random_bytes(rng: random.Random) -> bytes:
    return rng.randbytes(rng.choice([0, 1, 2, 299, 300, 301, rng.randint(0, 70_000)]))


def broken_utf8(rng: random.Random) -> bytes:
    words = ["héllo", "wörld", "日本語", "ERROR", "passed", "🙂", "\t", "id=42", "  File \"x.py\", line 3"]
    text = "\n".join(" ".join(rng.choice(words) for _ in range(rng.randint(1, 12))) for _ in range(rng.randint(1, 900)))
    data = bytearray(text.encode())
    for _ in range(rng.randint(1, 20)):
        data.insert(rng.randint(0, len(data)), rng.choice([0x80, 0xC3, 0xE6, 0xF0, 0xFF, 0xFE, 0xC0]))
    return bytes(data)


def huge_lines(rng: random.Random) -> bytes:
    line = rng.choice([b"x", b"ab", b"ERROR ", b"\xe6\x97\xa5", b"{\"a\":1},"]) * rng.randint(50_000, 1_500_000)
    parts = [line] + [b"INFO ok %d" % i for i in range(rng.randint(0, 500))]
    rng.shuffle(parts)
    return b"\n".join(parts) + rng.choice([b"", b"\n", b"\r\n"])


def generated(rng: random.Random) -> bytes:
    if rng.random() < 0.5:
        rows = [{"id": i, "name": f"item-{i}", "status": rng.choice(["ok", "ok", "failed", None]),
                 "nested": {"k": [rng.random()] * rng.randint(0, 3)}} for i in range(rng.randint(1, 800))]
        text = json.dumps(rows, indent=rng.choice([None, 2]))
        return text.encode() if rng.random() < 0.8 else "\n".join(json.dumps(r) for r in rows).encode()
    levels = ["INFO"] * 20 + ["WARN", "ERROR", "DEBUG"]
    lines = [f"2024-01-0{rng.randint(1, 9)} 12:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} {rng.choice(levels)} "
             f"worker-{rng.randint(1, 4)} request id={rng.randint(0, 10**6)} took {rng.randint(1, 999)}ms"
             for _ in range(rng.randint(1, 3000))]
    return "\n".join(lines).encode()


def mutate(rng: random.Random, data: bytes, files: list[bytes]) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(9)
        at = rng.randint(0, len(out))
        if op == 0 and out:  # flip bits
            i = rng.randrange(len(out))
            out[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            out[at:at] = rng.randbytes(rng.randint(1, 64))
        elif op == 2:
            del out[at:at + rng.randint(1, 4096)]
        elif op == 3 and out:  # duplicate a chunk many times
            chunk = out[at:at + rng.randint(1, 300)]
            out[at:at] = chunk * rng.randint(2, 200)
        elif op == 4:
            out = bytearray(bytes(out).replace(b"\n", b"\r\n"))
        elif op == 5:
            out[at:at] = b"\0" * rng.randint(1, 8)
        elif op == 6 and files:  # splice with another file
            other = rng.choice(files)
            j = rng.randint(0, len(other))
            out = out[:at] + other[j:j + rng.randint(0, 100_000)]
        elif op == 7:
            out[at:at] = rng.choice([b"[hr 3 lines \xc2\xb7 hr expand 000000000000 --lines 1-3]\n", b"[hr 12 L4-15]\n",
                                     b"```\n", b"diff --git a/x b/x\n", b"Traceback (most recent call last):\n",
                                     b"=== FAILURES ===\n", b"{", b"]"])
        else:
            out = out[:at]  # cut at a random point
    return bytes(out)


def make_input(rng: random.Random, files: list[bytes]) -> tuple[str, bytes]:
    pick = rng.random()
    if pick < 0.12:
        return "random bytes", random_bytes(rng)
    if pick < 0.24:
        return "broken utf-8", broken_utf8(rng)
    if pick < 0.30:
        return "huge lines", huge_lines(rng)
    if pick < 0.45:
        return "generated", generated(rng)
    base = rng.choice(files) if files else generated(rng)
    if pick < 0.70:
        return "corpus cut", base[: rng.randint(0, len(base))]
    return "corpus mutated", mutate(rng, base, files)


def filter_args(rng: random.Random) -> list[str]:
    args = []
    if rng.random() < 0.3:
        args += ["--kind", rng.choice(KINDS)]
    if rng.random() < 0.3:
        args += ["--label", rng.choice(LABELS)]
    if rng.random() < 0.3:
        args += ["--budget", rng.choice(["1", "50", "8000", "300c", "0", "-5", "abc", "99999999999999999999c"])]
    if rng.random() < 0.02:
        args += [rng.choice(["--bogus", "-x", "--label"])]
    return args


# ------------------------------------------------------------------ hostile expand arguments

def hostile_hash(rng: random.Random, known: list[str]) -> str:
    choices = [
        lambda: rng.choice(known)[: rng.randint(6, 64)] if known else "abcdef",
        lambda: "".join(rng.choice("0123456789abcdef") for _ in range(rng.randint(0, 80))),
        lambda: rng.choice(["../../etc/passwd", "/etc/shadow", "", " ", "-", "--", "ABCDEF", "00000g",
                            "\0abcdef", "abcdef\n", "%s%s%n", "\udcff\udcfe", "🙂" * 10, "x" * 100_000]),
    ]
    return rng.choice(choices)()


def hostile_pattern(rng: random.Random) -> str:
    atoms = ["(a+)+$", "(a|aa)+", "a{1000}{1000}", "(", ")", "[", "\\", "(?<=x)y", "\\1", ".*" * 50,
             "ERROR|panic", "^$", "(?i)error", "[\\x00-\\xff]+", "\\p{Greek}", "a" * 5000, "(((((((((((((x)))))))))))))",
             "x{4294967295}", "\udcff", "🙂+", "(?P<n>a)(?P=n)", "[[:alpha:]]", "\\d+\\s\\w", ""]
    return "".join(rng.choice(atoms) for _ in range(rng.randint(1, 3)))


def expand_args(rng: random.Random, known: list[str]) -> list[str]:
    args = ["expand", hostile_hash(rng, known)]
    num = lambda: rng.choice(["0", "1", "-1", "3", "abc", "99999999999999999999", "1e9", " 2 ", "", "0x10"])
    span = rng.randrange(8)
    if span == 0:
        args += ["--lines", rng.choice(["1-3", "5-2", "0", "0-0", "1-99999999999999999999", "a-b", "-", "3-", "1--2", num()])]
    elif span == 1:
        args += ["--grep", hostile_pattern(rng)]
        if rng.random() < 0.5:
            args += ["-C", num()]
        if rng.random() < 0.3:
            args += ["-i"]
    elif span == 2:
        args += ["--head", num()]
    elif span == 3:
        args += ["--tail", num()]
    elif span == 4:
        args += ["--symbol", rng.choice(["main", "A.b", "", "::", "x" * 10_000, "\udcff", "a.b.c.d.e", "Type::method"])]
    elif span == 5:
        args += ["--items", rng.choice(["0-3", "/a:1-2", "/", "", "/a/~2", "5-1", "/" + "a/" * 500, "99999999999999999999",
                                        "/0:0-99999999999999999999", "x"])]
    elif span == 6:
        args += ["--lines", "1-2", "--grep", "x"]  # two spans at once
    if rng.random() < 0.05:
        args += [rng.choice(["--bogus", "-C"])]
    return args


# ------------------------------------------------------------------ running hr

@contextlib.contextmanager
def _stdio(stdin: bytes):
    saved = sys.stdin, sys.stdout, sys.stderr, sys.argv
    out, err = io.BytesIO(), io.BytesIO()
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8", errors="surrogateescape")
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", errors="surrogateescape", write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True)
    try:
        yield out, err
    finally:
        sys.stdin, sys.stdout, sys.stderr, sys.argv = saved


def run_in_process(args: list[str], stdin: bytes) -> tuple[int | None, bytes, bytes, str]:
    """(exit status, stdout, stderr, traceback or '') of `hr ARGS < stdin`, in this process."""
    from hr.entry import main

    with _stdio(stdin) as (out, err):
        sys.argv = ["hr", *args]
        status, tb = 0, ""
        try:
            main()
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except BaseException:  # noqa: BLE001 - exactly what the fuzzer looks for
            status, tb = None, traceback.format_exc()
        sys.stdout.flush()
        sys.stderr.flush()
        return status, out.getvalue(), err.getvalue(), tb


def run_process(args: list[str], stdin: bytes, env: dict) -> tuple[int | None, bytes, bytes, str] | None:
    """The same as a real `hr` process; None for arguments no process can get (a NUL byte)."""
    if any("\0" in a for a in args):
        return None
    p = subprocess.run([HR, *args], input=stdin, capture_output=True, env=env, timeout=300)
    tb = p.stderr.decode(errors="replace") if b"Traceback" in p.stderr else ""
    return p.returncode, p.stdout, p.stderr, tb


# ------------------------------------------------------------------ checks

def check_filter(args, data, result, store) -> str:
    status, out, err, tb = result
    if tb:
        return f"traceback: {tb[-800:]}"
    if status not in (0, 2):
        return f"exit {status}: {err[-300:]!r}"
    if out == data:
        return ""
    if status == 2:
        return "a usage error changed the input"
    digest = hashlib.sha256(data).hexdigest()
    if f"hr expand {digest[:12]}".encode() not in out:
        return "output differs from the input but names no restore hash"
    try:
        if store.get(digest) != data:
            return "stored original differs from the input"
    except Exception as exc:  # noqa: BLE001
        return f"original not restorable: {exc}"
    return ""


def check_expand(result) -> str:
    status, out, err, tb = result
    if tb:
        return f"traceback: {tb[-800:]}"
    if status not in (0, 2):
        return f"exit {status}: {err[-300:]!r}"
    if status == 2 and err.count(b"\n") > 1 and b"Usage:" not in err and b"candidates" not in err.lower() \
            and b"did you mean" not in err.lower():
        return f"a multi-line error: {err[:300]!r}"
    return ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=10_000, help="filter inputs (default 10,000)")
    ap.add_argument("--expand", type=int, default=2_000, help="hostile `hr expand` argument lists (default 2,000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    ap.add_argument("--subprocess-every", type=int, default=25, help="also run every Nth case as a real process")
    args = ap.parse_args()
    return fuzz(args.cases, args.expand, args.seed, args.corpus, args.subprocess_every)


def fuzz(cases: int, expands: int, seed: int, corpus: Path | None, every: int, quiet: bool = False) -> int:
    """Run the fuzzer; returns the number of problems (and prints counts unless `quiet`)."""
    cache = tempfile.mkdtemp(prefix="hr-fuzz-")
    os.environ["HR_CACHE_DIR"] = cache
    os.environ.pop("HR_DISABLE", None)
    env = dict(os.environ)
    from hr.store.objects import Store

    store = Store(cache)
    rng = random.Random(seed)
    files = corpus_files(corpus)
    counts: dict[str, int] = {}
    problems: list[str] = []
    known: list[str] = []
    compressed = passthrough = usage = processes = 0
    for n in range(cases):
        if not quiet and n and n % 1000 == 0:
            print(f"  … {n:,} filter inputs, {len(problems)} problems so far", file=sys.stderr, flush=True)
        source, data = make_input(rng, files)
        argv = filter_args(rng)
        counts[source] = counts.get(source, 0) + 1
        runs = [("in-process", run_in_process(argv, data))]
        if every and n % every == 0 and (result := run_process(argv, data, env)):
            runs.append(("process", result))
            processes += 1
        for how, result in runs:
            problem = check_filter(argv, data, result, store)
            if problem:
                problems.append(f"filter case {n} ({source}, {how}, args {argv!r}, {len(data)} bytes): {problem}")
        status, out = runs[0][1][0], runs[0][1][1]
        if status == 2:
            usage += 1
        elif out == data:
            passthrough += 1
        else:
            compressed += 1
            known.append(hashlib.sha256(data).hexdigest())
        if len(runs) > 1 and runs[1][1][0] == status and runs[1][1][1] != out and not runs[1][1][3]:
            problems.append(f"filter case {n}: not deterministic (in-process and process outputs differ)")
    expand_status = {0: 0, 2: 0}
    for n in range(expands):
        argv = expand_args(rng, known)
        runs = [("in-process", run_in_process(argv, b""))]
        if every and n % every == 0 and (result := run_process(argv, b"", env)):
            runs.append(("process", result))
            processes += 1
        for how, result in runs:
            problem = check_expand(result)
            if problem:
                problems.append(f"expand case {n} ({how}, args {[a[:60] for a in argv]!r}): {problem}")
        if runs[0][1][0] in expand_status:
            expand_status[runs[0][1][0]] += 1
    if not quiet:
        print(f"seed {seed}: {cases:,} filter inputs ({', '.join(f'{k} {v:,}' for k, v in sorted(counts.items()))})")
        print(f"  compressed {compressed:,} · passed through unchanged {passthrough:,} · usage errors (input passed through) {usage:,}")
        print(f"  {expands:,} hostile `hr expand` argument lists: exit 0 {expand_status[0]:,} · exit 2 {expand_status[2]:,}")
        print(f"  {processes:,} of all cases also run as a real process")
        print(f"  problems: {len(problems)}")
        for p in problems[:20]:
            print("   -", p)
    import shutil

    shutil.rmtree(cache, ignore_errors=True)
    return len(problems)


if __name__ == "__main__":
    sys.exit(1 if main() else 0)
