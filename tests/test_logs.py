"""Logs: template mining keeps every new event, each distinct error message and every new
stack trace verbatim and in order, folds repeats into markers whose line ranges `hr expand`
brings back exactly.

The main log is written during the test by a real program: a small server simulation using
Python's `logging` module, with warnings, errors and tracebacks; an access log by a real
`http.server` sent real requests. The real logs of bench/validation/log (nginx, Apache, strace,
Caddy) check the severity rules: failed requests, failed syscalls, JSON levels. When the shared
corpus is present, its loghub logs are checked against their needles too.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from support import CORPUS as SHARED_CORPUS, LINE_MARKER, marker_range

HR = str(Path(sys.executable).with_name("hr")) if Path(sys.executable).with_name("hr").exists() else shutil.which("hr")
CORPUS = SHARED_CORPUS / "log"
MARKER = re.compile(f"^{LINE_MARKER.pattern}")
HASH = re.compile(r"· hr expand ([0-9a-f]{12}) ")

SERVER = textwrap.dedent(
    '''
    import logging, random, sys

    logging.basicConfig(
        filename=sys.argv[1],
        format="%(asctime)s %(levelname)-7s [%(threadName)s] %(name)s: %(message)s",
        level=logging.DEBUG,
    )
    rng = random.Random(7)
    http = logging.getLogger("app.http")
    cache = logging.getLogger("app.cache")
    db = logging.getLogger("app.db")
    orders = logging.getLogger("app.orders")

    def charge(order, amount):
        if amount > 990:
            raise ValueError(f"amount {amount} over the card limit for order {order}")
        return amount

    logging.getLogger("app").info("server starting on port 8080 with 4 workers")
    for i in range(3000):
        path = rng.choice(["/api/orders", "/api/users", "/health", "/static/app.js"])
        http.info("GET %s from 10.0.%d.%d took %dms status 200", path, rng.randrange(4), rng.randrange(256), rng.randrange(900))
        if i % 3 == 0:
            cache.debug("evicted key session:%08x, %d entries left", rng.getrandbits(32), rng.randrange(10000))
        if i % 97 == 0:
            db.warning("query on orders took %dms, over the 500ms threshold", 500 + rng.randrange(4000))
        if i == 1500:
            logging.getLogger("app.admin").info("configuration reloaded by operator after disk replacement")
        order = 100000 + i
        try:
            charge(order, rng.randrange(1000))
            orders.info("order %d charged", order)
        except ValueError:
            orders.exception("payment for order %d failed", order)
    logging.getLogger("app").critical("worker pool exhausted, shutting down")
    '''
)


def run_hr(args: list[str], data: bytes, cache: Path) -> bytes:
    env = {**os.environ, "HR_CACHE_DIR": str(cache)}
    done = subprocess.run([HR, *args], input=data, capture_output=True, env=env, check=True)
    return done.stdout


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    d = tmp_path / "cache"
    d.mkdir()
    return d


@pytest.fixture(scope="module")
def server_log(tmp_path_factory) -> bytes:
    d = tmp_path_factory.mktemp("server")
    (d / "server.py").write_text(SERVER)
    log = d / "server.log"
    subprocess.run([sys.executable, str(d / "server.py"), str(log)], check=True)
    return log.read_bytes()


def message(line: str) -> str:
    """An error line's message: what it says after its timestamp, numbers masked."""
    return re.sub(r"\d+", "0", line.split(" ERROR ")[-1].split(" CRITICAL ")[-1].split("[error]")[-1])


def assert_each_message_shown(errors: list[str], kept: list[str]) -> None:
    shown = {message(line) for line in kept}
    missing = [line for line in errors if message(line) not in shown]
    assert not missing, missing[:3]


def markers(out: str) -> list[tuple[int, int, str]]:
    found = []
    for line in out.splitlines():
        m = MARKER.match(line)
        if m:
            start, end = marker_range(m)
            found.append((start, end, line))
    return found


def restore(out: str, original: list[str], digest: str, cache: Path) -> list[str]:
    """Rebuild the input from the output by expanding every marker with `hr expand`."""
    lines: list[str] = []
    for line in out.splitlines():
        m = MARKER.match(line)
        if not m:
            lines.append(line)
            continue
        start, end = marker_range(m)
        got = run_hr(["expand", digest, "--lines", f"{start}-{end}"], b"", cache).decode()
        lines.extend(got.splitlines())
    return lines


def test_server_log_keeps_errors_traces_and_order(server_log: bytes, cache: Path):
    out = run_hr([], server_log, cache).decode()
    text = server_log.decode()
    original = text.splitlines()
    assert len(out) < len(text) * 0.3, "a repetitive server log should shrink a lot"
    found = markers(out)
    assert found, "repeats should fold into markers"

    kept = [line for line in out.splitlines() if not MARKER.match(line)]
    # every kept line is an original line, and they come in the original order
    positions = {}
    for n, line in enumerate(original):
        positions.setdefault(line, []).append(n)
    last = -1
    for line in kept:
        later = [n for n in positions[line] if n > last]
        assert later, f"kept line out of order or invented: {line!r}"
        last = later[0]

    # every distinct error message (digits masked) keeps a verbatim example, and so does the
    # one-off event (each error here raised a traceback: its line stays as the trace's headline)
    errors = [line for line in original if " ERROR " in line or " CRITICAL " in line]
    assert_each_message_shown(errors, kept)
    assert any("configuration reloaded by operator" in line for line in kept)
    # the first traceback stays whole and in place, right after the error that raised it
    start = next(n for n, line in enumerate(original) if line.startswith("Traceback"))
    end = next(n for n in range(start, len(original)) if original[n].startswith("ValueError: "))
    block = original[start - 1 : end + 1]
    k = kept.index(block[0])
    assert kept[k : k + len(block)] == block


def test_markers_expand_to_exactly_their_lines(server_log: bytes, cache: Path):
    out = run_hr([], server_log, cache).decode()
    digest = HASH.search(out).group(1)
    original = server_log.decode().splitlines()
    for start, end, line in markers(out)[:5]:
        got = run_hr(["expand", digest, "--lines", f"{start}-{end}"], b"", cache).decode()
        assert got.splitlines() == original[start - 1 : end], line
    assert restore(out, original, digest, cache) == original


def test_output_is_deterministic(server_log: bytes, tmp_path: Path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    assert run_hr([], server_log, a) == run_hr([], server_log, b)


def test_budget_keeps_errors_first(server_log: bytes, cache: Path):
    full = run_hr([], server_log, cache).decode()
    # room for every error and the markers, not for the examples of ordinary events
    budget = len(full) - 300
    out = run_hr(["--budget", f"{budget}c"], server_log, cache).decode()
    assert len(out) <= budget * 1.1
    assert "cut to fit the budget" in out
    errors = [line for line in server_log.decode().splitlines() if " ERROR " in line or " CRITICAL " in line]
    assert_each_message_shown(errors, out.splitlines())


CASES = sorted(p for p in CORPUS.glob("*") if (p / "case.json").exists()) if CORPUS.exists() else []


def needle_options(needle: dict) -> list[str]:
    """The strings of which a case's needle needs one in the output."""
    return [needle["verbatim"]] if "verbatim" in needle else needle["any_of"]


@pytest.mark.skipif(not CASES, reason="shared corpus not present")
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_corpus_log_needles(case: Path, cache: Path):
    meta = json.loads((case / "case.json").read_text())
    data = next(case.glob("input.*")).read_bytes()
    out = run_hr([], data, cache).decode()
    for needle in meta["needles"]:
        assert any(s in out for s in needle_options(needle)), needle
    # every distinct error message of the input keeps a verbatim example
    errors = [line for line in data.decode().splitlines() if re.search(r"\b(ERROR|FATAL)\b|\[error\]", line)]
    assert_each_message_shown(errors, out.splitlines())


@pytest.mark.skipif(not CASES, reason="shared corpus not present")
def test_corpus_logs_shrink_by_more_than_80_percent(cache: Path):
    """The kind as a whole, not case by case: the corpus is a sample of the world."""
    total_in = total_out = 0
    for case in CASES:
        data = next(case.glob("input.*")).read_bytes()
        total_in += len(data)
        total_out += len(run_hr([], data, cache))
    assert total_out < total_in * 0.2


VALIDATION = Path(__file__).resolve().parent.parent / "bench" / "validation" / "log"
STATUS = re.compile(r'"([A-Z]+) (\S+) HTTP/[\d.]+" (\d{3}) ')


def request_shape(line: str):
    m = STATUS.search(line)
    if not m:
        return None
    method, path, status = m.groups()
    return method, re.sub(r"\d+", "0", path.split("?")[0]), status


def failed_requests(lines: list[str]) -> set:
    return {shape for shape in map(request_shape, lines) if shape and int(shape[2]) >= 400}


def kept_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if not MARKER.match(line)]


def test_access_log_keeps_one_example_of_each_failed_request(tmp_path: Path, cache: Path):
    """A real http.server, sent real requests: every failing method + path + status keeps an
    example, the successful repeats fold."""
    root = tmp_path / "www"
    (root / "static").mkdir(parents=True)
    for i in range(5):
        (root / "static" / f"app.{i}.js").write_text("x" * 100)
    err = open(tmp_path / "access.log", "wb")
    server = subprocess.Popen([sys.executable, "-u", "-m", "http.server", "--bind", "127.0.0.1", "0"], cwd=root,
                              stdout=subprocess.PIPE, stderr=err)
    try:
        port = int(server.stdout.readline().decode().split(" port ")[1].split()[0])
        import http.client

        paths = [f"/static/app.{i % 5}.js?v={i}" for i in range(300)]
        for k in range(0, 300, 37):
            paths[k] = ["/missing.php", f"/static/old.{k}.js", "/.env"][k % 3]
        for i, path in enumerate(paths):
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            c.request("POST" if i % 74 == 0 else "GET", path)
            c.getresponse().read()
            c.close()
    finally:
        server.terminate()
        server.wait(10)
        err.close()
    data = (tmp_path / "access.log").read_bytes()
    out = run_hr(["--kind", "log"], data, cache).decode()
    kept = kept_lines(out)
    failed = failed_requests(data.decode().splitlines())
    assert len(failed) >= 3
    assert failed <= failed_requests(kept), failed - failed_requests(kept)
    assert len(out) < len(data) / 3


def validation_case(name: str) -> bytes:
    path = VALIDATION / name / "input.log"
    if not path.exists():
        pytest.skip("validation set not present")
    return path.read_bytes()


def test_making_the_local_logs_with_a_mistyped_case_fails_instead_of_writing_nothing():
    # the real http.server source runs (on a port it picks); no source makes the name asked for
    script = VALIDATION.parent / "make_local_logs.py"
    if not script.exists():
        pytest.skip("validation scripts not present")
    r = subprocess.run([sys.executable, str(script), "--only", "http_server", "--cases", "python-http-servr"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode != 0, r.stdout
    assert "no case named python-http-servr" in r.stderr and "python-http-server" in r.stderr, r.stderr
    assert r.stdout == ""  # nothing written


def test_importing_a_mistyped_published_case_fails_before_reading_any_mirror(tmp_path: Path):
    script = VALIDATION.parent / "import_published_logs.py"
    if not script.exists():
        pytest.skip("validation scripts not present")
    r = subprocess.run([sys.executable, str(script), str(tmp_path), "--cases", "mongod-atlas-3.6-replica,mongod-atlsa"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode != 0, r.stdout
    assert "no case named mongod-atlsa" in r.stderr, r.stderr
    assert r.stdout == ""  # nothing imported, not even the case spelled right


@pytest.mark.parametrize("name", ["nginx-access-combined", "apache-access-combined", "uvicorn-asgi-access"])
def test_real_access_logs_keep_every_failing_request_shape(name: str, cache: Path):
    data = validation_case(name)
    out = run_hr(["--kind", "log"], data, cache).decode()
    failed = failed_requests(data.decode().splitlines())
    assert failed, "the log has failed requests"
    assert failed <= failed_requests(kept_lines(out))
    assert len(out) < len(data) / 5


def test_a_gin_console_keeps_every_failing_request_shape(cache: Path):
    # Gin gives the status a field of its own before the request, and quotes the path alone
    data = validation_case("gin-debug-console")
    gin = re.compile(r'^\[GIN\] .*?\| (\d{3}) \|.*\| (GET|POST) +"([^"?]+)')
    def failed(lines):
        return {(m[2], m[3], m[1]) for m in map(gin.search, lines) if m and int(m[1]) >= 400}
    out = run_hr([], data, cache).decode()
    assert len(failed(data.decode().splitlines())) == 4  # 404 of two paths, a 403, a 500
    assert failed(data.decode().splitlines()) <= failed(kept_lines(out))
    assert len(out) < len(data) / 20


def test_a_compose_build_whose_head_unpacks_an_archive_is_read_as_a_log(cache: Path):
    # `docker compose up --build`: BuildKit's step lists the archive it unpacks for the whole
    # head (`#17 43.31 node-v12.22.9-linux-arm64/lib/…`), then the services' log under pm2's tags
    data = validation_case("compose-build-up-aliro")
    out = run_hr([], data, cache).decode()
    # read as a listing, it was restated path by path (78% of the input)
    assert len(out) < len(data) / 4
    assert not re.search(r"^\[hr [\d,]+ paths", out, re.M)
    assert "aliro-lab-1      | \x1b[32m0|lab  | \x1b[39mPOST /api/v1/machines 201 262 - 13.221 ms" in out


@pytest.mark.parametrize("name", ["strace-ls", "strace-curl", "strace-f-sh"])
def test_strace_keeps_each_failed_syscall(name: str, cache: Path):
    data = validation_case(name)
    out = run_hr(["--kind", "log"], data, cache).decode()
    fail = re.compile(r"(\w+)\(.*= -1 (E[A-Z]+)")
    failed = {m.groups() for m in map(fail.search, data.decode().splitlines()) if m}
    assert failed
    assert failed <= {m.groups() for m in map(fail.search, kept_lines(out)) if m}


def test_strace_markers_count_every_failed_call_they_fold(cache: Path):
    # `strace -f` prints a call another process interrupted on two lines, and its failure on
    # the second: `<... newfstatat resumed>0x7fff…, 0) = -1 ENOENT`. A marker that folds one
    # says so, as it does for a call that fails on one line
    data = validation_case("strace-f-sh")
    lines = data.decode().splitlines()
    failed = re.compile(r"\) += -1 E[A-Z]+")
    assert any(line.split(None, 1)[1].startswith("<... ") and failed.search(line) for line in lines)
    out = run_hr(["--kind", "log"], data, cache).decode()
    markers = list(LINE_MARKER.finditer(out))
    assert len(markers) > 10
    for marker in markers:
        first, last = marker_range(marker)
        said = re.search(r"([\d,]+) errors?\b", marker["what"])
        counted = int(said[1].replace(",", "")) if said else 0
        assert counted == sum(bool(failed.search(line)) for line in lines[first - 1:last]), marker[0]


def test_a_database_error_keeps_the_details_its_server_stamps_under_it(cache: Path):
    # PostgreSQL stamps each DETAIL and STATEMENT of an error with the error's own prefix: they
    # are the error's lines, kept with it, though a statement like one was shown above
    data = (Path(__file__).parent / "fixtures" / "logs" / "postgres-prefixed-errors.log").read_bytes()
    lines = data.decode().splitlines()
    details = [line for above, line in zip(lines, lines[1:])
               if re.search(r" (DETAIL|STATEMENT):  ", line) and re.search(r" (ERROR|DETAIL):  ", above)]
    assert len(details) >= 8, details
    out = run_hr(["--kind", "log"], data, cache).decode()
    assert len(out) < len(data) / 2, out
    missing = [line for line in details if line not in out]
    assert not missing, missing


def test_a_test_run_that_is_mostly_its_programs_log_is_read_as_a_log(cache: Path):
    # a Maven build whose tests log at debug level, hex dumps of the messages they sign
    # included: surefire's lines make it a test run, whose compressor finds little to fold
    # (it passed through whole); read as a log, every needle survives, the dumps' lines that
    # drain3 reads once among them
    from hr.engine import core
    from hr.engine.dispatch import Hint, compress

    name = "maven-surefire-debug-jscep"
    data = validation_case(name)
    assert core.sniff(data) == "test"
    result = compress(data, Hint())
    assert result.kind == "log" and not result.passthrough
    assert result.tokens_out < result.tokens_in / 5
    needles = json.loads((VALIDATION / name / "case.json").read_text())["needles"]
    assert any(re.fullmatch(r"[0-9A-F]{4}: .*", n.get("verbatim", "")) for n in needles)
    out = run_hr([], data, cache).decode()
    missing = [n for n in needles if not any(s in out for s in needle_options(n))]
    assert not missing, missing
    # asked for as a test run, it is read as one, and passes through
    forced = compress(data, Hint(kind="test"))
    assert forced.passthrough and forced.kind == "test" and forced.note == "no saving"


def test_suricata_keeps_each_failed_http_request_of_each_event_and_shape(cache: Path):
    # Suricata nests a request's status in `http`: each event type, status and shape (the
    # records it flushes at shutdown lack the packet count) keeps an example
    data = validation_case("suricata-eve-json-http")
    out = run_hr([], data, cache).decode()

    def failures(lines: list[str]) -> set[tuple[str, int, bool]]:
        records = [json.loads(line) for line in lines if line.startswith("{")]
        return {(r["event_type"], r["http"]["status"], "pcap_cnt" in r)
                for r in records if r.get("http", {}).get("status", 0) >= 400}
    failed = failures(data.decode().splitlines())
    assert len({event for event, _, _ in failed}) >= 2
    assert failed <= failures(kept_lines(out))
    assert len(out) < len(data) / 3


def test_json_lines_keep_every_error_message(cache: Path):
    data = validation_case("caddy-json")
    out = run_hr(["--kind", "log"], data, cache).decode()

    def msg(line: str) -> str:
        return re.sub(r"\d+", "0", json.loads(line).get("msg", ""))
    errors = {msg(line) for line in data.decode().splitlines() if '"level":"error"' in line}
    assert errors
    assert errors <= {msg(line) for line in kept_lines(out) if line.startswith("{")}
    assert len(out) < len(data) / 5


@pytest.mark.parametrize("name", ["suricata-eve-json-http", "caddy-json"])
def test_json_records_of_one_more_request_fold_and_keep_what_drain_reads_once(name: str, cache: Path):
    # a large record that differs from its template's in a header, a path or a client folds
    # (hr-core's log tests show each rule); on real JSON logs the case's needles, drain3's
    # events seen once and an example of each failing request, all survive
    data = validation_case(name)
    out = run_hr([], data, cache).decode()
    needles = json.loads((VALIDATION / name / "case.json").read_text())["needles"]
    missing = [n for n in needles if not any(s in out for s in needle_options(n))]
    assert not missing, missing
    assert len(out) < len(data) / 4


FIXTURES = Path(__file__).parent / "fixtures" / "logs"

# a service whose one failure raises through twenty calls, each line of which Python 3.11+
# underlines with carets: a frame takes three lines
DEEP_TRACE = textwrap.dedent(
    '''
    import logging, sys
    logging.basicConfig(stream=sys.stdout, level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    log = logging.getLogger("svc")
    def step19(rec): return int(rec["n"]) + 0
    '''
) + "".join(f"def step{k}(rec): return step{k + 1}(rec) + 0\n" for k in range(18, -1, -1)) + textwrap.dedent(
    '''
    for k in range(400):
        log.info("request %d served in %d ms", k, k % 17)
        if k == 200:
            try:
                step0({"n": "x"})
            except ValueError:
                log.exception("request %d failed", k)
    '''
)


def traceback_of(lines: list[str]) -> list[str]:
    start = next(i for i, line in enumerate(lines) if line.startswith("Traceback"))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("ValueError"))
    return lines[start:end + 1]


def test_a_deep_python_traceback_seen_once_stays_whole(tmp_path: Path, cache: Path):
    # a trace seen for the first time stays whole, however its frames are drawn: it was read as
    # lines of an error event (fifty at most) when the carets made its frames a third of it
    script = tmp_path / "svc.py"
    script.write_text(DEEP_TRACE)
    data = subprocess.run([sys.executable, str(script)], capture_output=True, check=True).stdout
    trace = traceback_of(data.decode().splitlines())
    assert len(trace) > 50 and sum(line.strip().startswith("^") for line in trace) >= 15, trace
    out = run_hr([], data, cache).decode()
    assert len(out) < len(data) / 3
    missing = [line for line in trace if line not in out.splitlines()]
    assert not missing, missing


def test_a_trace_through_other_lines_of_the_same_code_is_no_repeat(cache: Path):
    # Ruby's Logger and `full_message`, captured (fixtures/logs/README.md): a TypeError raised
    # through `process` at app.rb:16 passes the methods a ZeroDivisionError passed from line 14
    data = (FIXTURES / "ruby-logger-traces.log").read_text()
    lines = data.splitlines()
    raised = lines.index("app.rb:9:in `validate': amount must be Integer, got String (TypeError)")
    trace = "\n".join(lines[raised:raised + 6]) + "\n"
    assert "\tfrom app.rb:16:in `process'" in trace and "\tfrom app.rb:14:in `process'" in data
    out = run_hr([], data.encode(), cache).decode()
    assert trace in out, out
    # a trace through the same lines again is a repeat: its frames fold (the last of a long run
    # of an error stays, as any error's does)
    assert data.count(trace) > 5
    assert out.count(trace) <= 2


def test_a_monorepo_packages_failing_test_keeps_its_stack(cache: Path):
    # pnpm runs each package's tests behind the package's path and script
    # (fixtures/logs/README.md); the failing test's YAML block lists its stack, frames
    # without `at`, in a stream of its own among the other packages' lines
    data = (FIXTURES / "pnpm-recursive-node-test.log").read_text()
    frames = [line for line in data.splitlines() if line.startswith("packages/core test:     ") and "(/tmp/" in line]
    assert len(frames) == 3, frames
    out = run_hr([], data.encode(), cache).decode().splitlines()
    missing = [line for line in frames if line not in out]
    assert not missing, missing
    assert any(line.startswith("packages/core test: not ok 1 - total") for line in out)


def test_a_rust_backtrace_keeps_every_frame_the_first_time(cache: Path):
    # RUST_BACKTRACE=full numbers each frame (`19:     0x55f1… - panicky::main::hd69…`),
    # with its place below it or not: a trace, kept whole
    data = (FIXTURES / "rust-panic-full-backtrace.log").read_bytes()
    frames = [line for line in data.decode().splitlines() if re.match(r"\s*\d+: +0x[0-9a-f]+ - ", line)]
    assert len(frames) >= 30
    out = run_hr([], data, cache).decode().splitlines()
    missing = [line for line in frames if line not in out]
    assert not missing, missing
    assert any("panicky::main" in line for line in out)


def test_valgrinds_report_keeps_each_errors_stack(cache: Path):
    # memcheck writes `==pid== ` before each line of its report, between the program's own: behind
    # it, an error's `at`/`by` frames and the block it names are the error's trace
    data = (FIXTURES / "valgrind-memcheck.log").read_bytes()
    lines = data.decode().splitlines()
    start = next(i for i, line in enumerate(lines) if "Invalid free()" in line)
    end = next(i for i in range(start + 1, len(lines)) if re.fullmatch(r"==\d+== *", lines[i]))
    record = lines[start:end]
    assert any(" by 0x" in line for line in record) and any("free'd" in line for line in record), record
    out = run_hr(["--kind", "log"], data, cache).decode().splitlines()
    missing = [line for line in record if line not in out]
    assert not missing, missing


GO_SERVICE = '''package main

import (
	"log"
	"os"
	"sync"
)

var ready sync.WaitGroup

func worker(id int, jobs chan int) {
	ready.Done()
	for j := range jobs {
		log.Printf("worker %d finished job %d", id, j)
	}
}

func lookup(table map[string][]int, key string) int { return table[key][3] }

func handle(table map[string][]int, key string) int { return lookup(table, key) + 1 }

func main() {
	log.SetOutput(os.Stdout)
	jobs := make(chan int)
	for i := 0; i < 4; i++ {
		ready.Add(1)
		go worker(i, jobs)
	}
	ready.Wait()
	for n := 0; n < 300; n++ {
		log.Printf("request %d served in %d ms", n, n%17)
	}
	log.Printf("total %d", handle(map[string][]int{"a": {1}}, "a"))
}
'''


def test_a_go_panic_keeps_each_goroutines_frames_and_where_it_was_created(tmp_path: Path, cache: Path):
    # GOTRACEBACK=all: each goroutine's trace names a function unindented and its place under
    # it; the workers' traces repeat one another and fold, the first stays whole
    go = shutil.which("go")
    if not go:
        pytest.skip("go not installed")
    (tmp_path / "main.go").write_text(GO_SERVICE)
    (tmp_path / "go.mod").write_text("module example.com/svc\n\ngo 1.21\n")
    env = {**os.environ, "GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local", "GOTRACEBACK": "all",
           "GOCACHE": str(tmp_path / "go-build"), "GOPATH": str(tmp_path / "gopath")}
    run = subprocess.run([go, "run", "."], cwd=tmp_path, env=env, capture_output=True, timeout=300)
    data = run.stdout + run.stderr
    lines = data.decode().splitlines()
    assert run.returncode != 0 and any(line.startswith("panic: runtime error: index out of range") for line in lines)
    first_worker = next(i for i, line in enumerate(lines) if re.match(r"goroutine \d+ \[chan receive\]:", line))
    block = lines[first_worker:lines.index("", first_worker)]
    assert block[-2].startswith("created by main.main") and block[-1].strip().startswith(str(tmp_path)), block
    running = lines.index(next(line for line in lines if re.match(r"goroutine \d+ \[running\]:", line)))
    frames = lines[running:lines.index("", running)]
    assert any(line.startswith("main.lookup(") for line in frames), frames
    out = run_hr([], data, cache).decode().splitlines()
    missing = [line for line in block + frames if line not in out]
    assert not missing, missing
    assert len(out) < len(lines) / 4


def test_a_frame_logged_as_an_error_of_its_own_is_another_at_another_line(cache: Path):
    # Apache stamps each line a CGI script writes on stderr as an error; a traceback's frames
    # then fold by message, and a frame at line 18 is no repeat of one at line 8 (captured)
    data = (FIXTURES / "apache-cgi-tracebacks.log").read_text()
    frames = [line for line in data.splitlines() if re.search(r'File "[^"]+", line \d+, in', line)]
    assert {re.search(r"line (\d+)", f).group(1) for f in frames} >= {"8", "18"}
    out = run_hr([], data.encode(), cache).decode().splitlines()
    shown = {re.search(r"line (\d+), in (\S+)", line).groups() for line in out if re.search(r'File "[^"]+", line \d+, in', line)}
    assert shown == {re.search(r"line (\d+), in (\S+)", f).groups() for f in frames}, shown


def test_tornados_failed_requests_keep_an_example_though_it_logs_them_as_warnings(cache: Path):
    # Tornado writes the status right before the request, and a 404 at its warning level
    # (captured `tornado.access` lines): one example of each failed request stays
    data = (FIXTURES / "tornado-access.log").read_text()
    failed = {re.search(r"\] (\d{3} \w+ \S+)", line).group(1) for line in data.splitlines() if re.search(r"\] [45]\d\d ", line)}
    assert failed == {"500 GET /user/abc", "404 GET /nothere"}
    out = run_hr([], data.encode(), cache).decode()
    assert {re.search(r"\] (\d{3} \w+ \S+)", line).group(1) for line in out.splitlines() if re.search(r"\] [45]\d\d ", line)} == failed


def test_an_erlang_error_report_is_one_event_with_its_reason(cache: Path):
    # Erlang/OTP writes a crash as a report: a `=ERROR REPORT====` header, then `** ` lines with
    # the server, its last message and the reason (captured): each kind of crash keeps its report
    data = (FIXTURES / "erlang-gen-server-crashes.log").read_text()
    reasons = {re.sub(r"\d+", "N", line) for line in data.splitlines() if line.startswith("** Last message in was ")}
    assert len(reasons) >= 2, reasons
    out = run_hr([], data.encode(), cache).decode()
    assert {re.sub(r"\d+", "N", line) for line in out.splitlines() if line.startswith("** Last message in was ")} == reasons
    assert len(out) < len(data) / 2


def test_a_log_with_rich_tracebacks_is_read_as_a_log(cache: Path):
    # structlog's default console output where `rich` is installed (captured): each failed
    # job's traceback is a panel drawn in box characters under the event that raised it, most
    # of the lines. The panels continue their events, the log folds, and each exception stays
    data = (FIXTURES / "structlog-rich-tracebacks.log").read_text()
    exceptions = {re.sub(r"job-\d+", "job-N", line) for line in data.splitlines() if re.match(r"\w+(Error|Failed): ", line)}
    assert len(exceptions) == 3, exceptions
    out = run_hr([], data.encode(), cache).decode()
    assert {re.sub(r"job-\d+", "job-N", line) for line in out.splitlines() if re.match(r"\w+(Error|Failed): ", line)} == exceptions
    assert "╭" in out and "job failed, will retry" in out
    assert len(out) < len(data) / 10


def test_a_ci_log_stamped_by_a_script_keeps_its_failing_tests(cache: Path):
    # a job script's output stamped line by line (`ts '%Y-%m-%dT%H:%M:%.S'`, no zone), ending
    # with `go test -v` (captured): each failing test stays, though its shape is a passing one's
    data = (FIXTURES / "ci-go-test-stamped.log").read_text()
    failed = [line.split(" ", 1)[1].strip() for line in data.splitlines() if "--- FAIL: " in line]
    assert len(failed) == 4 and any("/case" in f for f in failed), failed
    out = run_hr([], data.encode(), cache).decode()
    assert [line.split(" ", 1)[1].strip() for line in out.splitlines() if "--- FAIL: " in line] == failed


def test_an_apt_install_keeps_what_it_says_once_and_folds_each_packages_steps(cache: Path):
    # `apt-get install -y` of a few packages and their 38 dependencies on a terminal
    # (captured): the steps apt takes for every package fold, and each line it prints once
    # stays, fetched index, dependency tree, configuration file written and all
    data = (FIXTURES / "apt-get-install-terminal.log").read_text()
    lines = data.splitlines()
    once = ["Building dependency tree...", "Reading state information..."]
    once += [l for l in lines if l.startswith("Get:") and " Packages [" in l]
    once += [l for l in lines if l.startswith("Creating config file ")]
    assert len(once) == 4 and all(lines.count(l) == 1 for l in once), once
    out = run_hr([], data.encode(), cache).decode()
    shown = out.splitlines()
    assert [l for l in once if l not in shown] == []
    steps = [l for l in lines if l.startswith(("Unpacking ", "Setting up "))]
    assert len(steps) > 80 and sum(l in shown for l in steps) < len(steps) / 4


def test_an_apache_error_is_one_message_whatever_page_the_client_came_from(cache: Path):
    # Apache's error log while clients with four referers hit a crashing CGI script (captured):
    # `, referer: …` ends each line logged for a request, and the same traceback folds
    data = (FIXTURES / "apache-cgi-referers.log").read_text()
    lines = data.splitlines()
    crashes = [l for l in lines if "KeyError: 'user_'" in l]
    assert len(crashes) == 14 and len({l.rsplit("referer: ", 1)[-1] for l in crashes}) >= 4
    out = run_hr([], data.encode(), cache).decode()
    assert 1 <= sum("KeyError: 'user_'" in l for l in out.splitlines()) <= 4
    # each message the log holds, its referer aside, is still shown
    message = lambda l: re.sub(r"\d+", "N", l.split("] ", 3)[-1].split(", referer: ")[0])
    assert {message(l) for l in lines if "[client" in l} <= {message(l) for l in out.splitlines() if "[client" in l}


def pretty_records(text: str) -> list[dict]:
    """pino-pretty's records: a header line, then a field a line, indented four spaces."""
    records: list[dict] = []
    for line in text.splitlines():
        if line.startswith("    ") and records and ": " in line:
            key, value = line.strip().split(": ", 1)
            records[-1][key] = value.strip('"')
        elif not line.startswith(" "):
            records.append({"header": line})
    return records


def test_a_pretty_printed_records_failed_request_keeps_an_example(cache: Path):
    # pino-pretty prints a request's status on a field line of its own under the record
    # (captured): each failed method, path and status keeps a record whole
    data = (FIXTURES / "pino-pretty-requests.log").read_text()

    def failed(text: str) -> set[tuple]:
        return {(r["method"], re.sub(r"\d+", "N", r["path"]), r["status"]) for r in pretty_records(text)
                if r["header"].endswith("request completed") and "status" in r and int(r["status"]) >= 400}

    assert len(failed(data)) >= 4, failed(data)
    out = run_hr([], data.encode(), cache).decode()
    assert failed(out) == failed(data)
    assert len(out) < len(data) / 3


def test_each_marker_counts_the_errors_it_folds(cache: Path):
    # a MiniDFSCluster's log (captured): the client warns with a stack trace, then the program
    # logs the same trace as an error whose message was shown with another trace. Each marker
    # counts the ERROR lines its range holds, the one folded as a stack trace like one above too
    data = (FIXTURES / "hdfs-minidfs-lost-block.log").read_text()
    lines = data.splitlines()
    out = run_hr([], data.encode(), cache).decode()
    found = markers(out)
    assert any("stack trace like one above" in what for _, _, what in found), out
    for start, end, what in found:
        errors = sum(" ERROR " in line for line in lines[start - 1:end])
        said = re.search(r"([\d,]+) errors?\b", what)
        assert (int(said.group(1).replace(",", "")) if said else 0) == errors, (what, errors)


def test_a_pretty_printed_records_nested_response_keeps_each_failed_status(cache: Path):
    # pino-pretty prints an object field a member a line (captured: Fastify's `request
    # completed`, logged at info, holds only the response it sent): each failing status keeps
    # a record whole, status line and all
    data = (FIXTURES / "fastify-pino-pretty-nested.log").read_text()
    status = re.compile(r'^ {6}"statusCode": (\d+)$', re.M)
    failing = {int(s) for s in status.findall(data) if int(s) >= 400}
    assert {404, 422} <= failing, failing
    out = run_hr([], data.encode(), cache).decode()
    assert {int(s) for s in status.findall(out) if int(s) >= 400} == failing
    assert len(out) < len(data) / 2


SERVICE = textwrap.dedent(
    '''
    import logging, sys

    logging.basicConfig(filename=sys.argv[1], format="%(asctime)s %(process)d %(levelname)s %(name)s [-] %(message)s",
                        level=logging.INFO)
    log = logging.getLogger("oslo.db")
    for n in range(60):
        log.info("polled task %d of the queue in %d ms", n, 3 * n % 17)
        if sys.argv[2] == "lost-db" and n == 45:
            log.error("(OperationalError) (2003, \\"Can't connect to MySQL server on 'db' (113)\\")")
    '''
)


def test_each_file_tail_prints_keeps_its_header_and_its_own_errors(cache: Path, tmp_path: Path):
    # three services log alike through one library, two of them lose their database; `tail`
    # over their logs prints each file's lines under its header: each header stays, and so
    # does each failing file's error, though the same error was shown under another file's
    files = {"api.log": "lost-db", "queue.log": "fine", "worker.log": "lost-db"}
    for name, fate in files.items():
        subprocess.run([sys.executable, "-c", SERVICE, str(tmp_path / name), fate], check=True)
    tailed = subprocess.run(["tail", "-n", "40", *files], cwd=tmp_path, capture_output=True, check=True).stdout.decode()
    out = run_hr([], tailed.encode(), cache).decode()
    assert len(out) < len(tailed) / 3
    sections = dict(re.findall(r"^==> (\S+) <==\n(.*?)(?=^==> |\Z)", out, flags=re.M | re.S))
    assert sorted(sections) == sorted(files), out
    for name, fate in files.items():
        assert ("Can't connect to MySQL" in sections[name]) == (fate == "lost-db"), out


CRASHING_LIBRARY = "__attribute__((noinline)) int dive(int *p, int depth) { return depth ? dive(p, depth - 1) + 1 : *p; }\n" \
    "int render(int frame) { return dive(frame > 5 ? (int *)0 : &frame, 6); }\n"
CRASHING_PROGRAM = textwrap.dedent(
    '''
    #include <execinfo.h>
    #include <signal.h>
    #include <stdio.h>
    #include <unistd.h>
    int render(int frame);
    static void on_crash(int sig) {
        void *frames[64];
        int n = backtrace(frames, 64);
        fprintf(stderr, "fatal: signal %d, backtrace:\\n", sig);
        backtrace_symbols_fd(frames, n, 2);
        _exit(1);
    }
    int main(void) {
        signal(SIGSEGV, on_crash);
        for (int k = 0; k < 10; k++) fprintf(stderr, "info: rendered frame %d in %d ms\\n", k, render(k) * 3 % 17);
        return 0;
    }
    '''
)


@pytest.mark.skipif(shutil.which("gcc") is None, reason="needs gcc")
def test_a_native_crash_keeps_a_frame_of_each_module_it_went_through(cache: Path, tmp_path: Path):
    # a program crashes in a library it loads, three times over, and logs glibc's backtrace
    # each time: the library's frames, between the program's and libc's, stay
    (tmp_path / "crash.c").write_text(CRASHING_LIBRARY)
    (tmp_path / "main.c").write_text(CRASHING_PROGRAM)
    subprocess.run(["gcc", "-O1", "-fno-omit-frame-pointer", "-shared", "-fPIC", "-o", "librender.so", "crash.c"], cwd=tmp_path, check=True)
    subprocess.run(["gcc", "-O1", "-rdynamic", "-o", "main", "main.c", "-L.", "-lrender", "-Wl,-rpath,$ORIGIN"], cwd=tmp_path, check=True)
    log = b"".join(subprocess.run(["./main"], cwd=tmp_path, capture_output=True).stderr for _ in range(3)).decode()
    module = lambda line: re.match(r"(\S+?)\(\S*\)\[0x[0-9a-f]+\]$", line)
    modules = {module(l).group(1).rsplit("/", 1)[-1] for l in log.splitlines() if module(l)}
    assert {"main", "librender.so", "libc.so.6"} <= modules, log
    out = run_hr([], log.encode(), cache).decode()
    assert len(out) < len(log) / 2
    assert {module(l).group(1).rsplit("/", 1)[-1] for l in out.splitlines() if module(l)} == modules, out
