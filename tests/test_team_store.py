"""The team store with a real redis-server: two caches sharing one Redis stand for two machines.

The server listens on a unix socket in a temporary directory (no port to collide with), except
in the one test of the redis:// TCP form. Tests skip when redis-server is not installed
(.ci/run installs it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

HR = str(Path(sys.executable).parent / "hr")
REDIS = shutil.which("redis-server")
pytestmark = pytest.mark.skipif(REDIS is None, reason="redis-server not installed (apt-get install redis-server)")


class RedisServer:
    def __init__(self, *extra: str, port: int | None = None):
        self.dir = tempfile.mkdtemp(prefix="hr-redis-")
        self.sock = os.path.join(self.dir, "redis.sock")
        listen = ["--port", str(port), "--bind", "127.0.0.1"] if port else ["--port", "0"]
        self.proc = subprocess.Popen(
            [REDIS, *listen, "--unixsocket", self.sock, "--unixsocketperm", "700", "--save", "",
             "--appendonly", "no", "--dir", self.dir, *extra],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.url = f"redis://127.0.0.1:{port}/0" if port else f"unix://{self.sock}"
        # Readiness from the server's own log, read as it is written: no polling, no clock.
        for line in self.proc.stdout:
            if "ready to accept connections" in line.lower():
                break
        else:
            self.proc.wait()
            raise OSError(f"redis-server exited with {self.proc.returncode}")
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()  # keep its log flowing
        import redis

        self.client = redis.Redis(unix_socket_path=self.sock)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGCONT)
            self.proc.kill()
        self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def server():
    s = RedisServer()
    yield s
    s.stop()


def machine(tmp_path: Path, name: str, url: str, **extra) -> dict:
    """A machine's environment. Its Redis timeout is generous, so that a busy test machine
    cannot turn the team store off by chance; the fault tests set the real default."""
    env = dict(os.environ)
    env.update(HR_CACHE_DIR=str(tmp_path / name), HR_STORE_URL=url, HR_MACHINE=name, HR_STORE_TIMEOUT_MS="10000")
    env.update(extra)
    env.pop("HR_DISABLE", None)
    return env


def hr(env: dict, *args: str, data: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([HR, *args], input=data, capture_output=True, env=env, timeout=120)


def log(seed: int, lines: int = 1500) -> bytes:
    """An access log of `lines` lines, different per seed, that compresses well."""
    out = []
    for i in range(lines):
        status = 500 if i % 397 == 0 else 200
        out.append(f'10.0.{seed % 250}.{i % 200} - - [12/Mar/2025:10:{i // 60 % 60:02d}:{i % 60:02d} +0000] '
                   f'"GET /api/v{seed}/items/{i} HTTP/1.1" {status} {1000 + i} "-" "curl/8.{seed}"')
    return ("\n".join(out) + "\n").encode()


def marker_hash(output: bytes) -> str:
    m = re.search(rb"hr expand ([0-9a-f]{12})", output)
    assert m, output[-500:]
    return m.group(1).decode()


def test_an_original_compressed_on_one_machine_expands_on_another(tmp_path, server):
    a, b = machine(tmp_path, "machine-a", server.url), machine(tmp_path, "machine-b", server.url)
    data = log(1)
    out = hr(a, data=data)
    assert out.returncode == 0 and len(out.stdout) < len(data) // 2
    short = marker_hash(out.stdout)
    back = hr(b, "expand", short)
    assert back.returncode == 0, back.stderr
    assert back.stdout == data
    # B keeps it: it expands again with Redis gone
    server.stop()
    assert hr(b, "expand", short).stdout == data


def test_every_machine_gives_the_same_bytes_and_the_team_counts_both(tmp_path, server):
    a, b = machine(tmp_path, "machine-a", server.url), machine(tmp_path, "machine-b", server.url)
    data = log(2)
    first, second = hr(a, "--label", "kubectl logs api-0", data=data), hr(b, "--label", "kubectl logs api-0", data=data)
    assert first.stdout == second.stdout and first.stdout != data
    assert len(server.client.keys("hr:res:*")) == 1  # B's result came from the memo A wrote
    stats = hr(a, "stats", "--team", "--json")
    assert stats.returncode == 0, stats.stderr
    report = json.loads(stats.stdout)
    machines = {r["key"]: r for r in report["by_machine"]}
    assert set(machines) == {"machine-a", "machine-b"}
    assert all(r["calls"] == 1 and r["tokens_saved"] > 0 for r in machines.values())
    assert report["totals"]["calls"] == 2
    assert report["totals"]["tokens_saved"] == sum(r["tokens_saved"] for r in machines.values())
    assert [r["key"] for r in report["by_label"]] == ["kubectl logs"]  # program and subcommand
    hr(b, "expand", marker_hash(second.stdout), "--lines", "1-3")
    report = json.loads(hr(a, "stats", "--team", "--json").stdout)
    assert report["totals"]["expansions"] == 1
    assert report["totals"]["tokens_saved_net"] < report["totals"]["tokens_saved"]


def test_a_damaged_object_in_redis_is_detected_and_not_returned(tmp_path, server):
    a, b = machine(tmp_path, "machine-a", server.url), machine(tmp_path, "machine-b", server.url)
    data = log(3)
    short = marker_hash(hr(a, data=data).stdout)
    [key] = server.client.keys(f"hr:obj:{short}*")
    from hr.engine import core

    server.client.set(key, core.pack(b"other bytes, valid zstd\n" * 50))
    back = hr(b, "expand", short)
    assert back.returncode == 2 and back.stdout == b""
    assert b"damaged" in back.stderr and back.stderr.count(b"\n") == 1
    server.client.set(key, b"not zstd at all")
    back = hr(b, "expand", short)
    assert back.returncode == 2 and back.stdout == b""


def test_twenty_writers_on_each_side_corrupt_and_lose_nothing(tmp_path, server):
    sides = {name: machine(tmp_path, name, server.url) for name in ("machine-a", "machine-b")}
    inputs = {name: [log(100 + i) for i in range(10)] + [log(200 + i + 10 * k) for i in range(10)]
              for k, name in enumerate(sides)}  # ten shared inputs, ten of each side's own
    procs = []
    for name, env in sides.items():
        for data in inputs[name]:
            p = subprocess.Popen([HR], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
            procs.append((p, data, name))
    for p, data, _ in procs:
        p.stdin.write(data)
        p.stdin.close()
    results = [(p.stdout.read(), p.wait(), data, name) for p, data, name in procs]
    assert all(code == 0 for _, code, _, _ in results)
    other = {"machine-a": "machine-b", "machine-b": "machine-a"}
    for out, _, data, name in results:
        back = hr(sides[other[name]], "expand", marker_hash(out))
        assert back.returncode == 0 and back.stdout == data
    import hashlib

    from hr.engine import core

    keys = server.client.keys("hr:obj:*")
    assert len(keys) == 30
    for key in keys:
        assert hashlib.sha256(core.unpack(server.client.get(key))).hexdigest() == key.decode().split(":")[-1]


def compresses_alone(env: dict, data: bytes) -> None:
    """The call succeeds with the local store alone: output compressed and expandable."""
    out = hr(env, data=data)
    assert out.returncode == 0 and out.stdout != data and len(out.stdout) < len(data)
    assert hr(env, "expand", marker_hash(out.stdout)).stdout == data


def test_redis_killed_mid_run(tmp_path, server):
    a = machine(tmp_path, "machine-a", server.url, HR_STORE_TIMEOUT_MS="50")
    compresses_alone(a, log(4))
    server.proc.kill()
    server.proc.wait()
    compresses_alone(a, log(5))


def test_redis_paused(tmp_path, server):
    """Paused with SIGSTOP: Redis holds connections and answers nothing, as under DEBUG SLEEP,
    without a race between the sleep starting and hr's call."""
    a = machine(tmp_path, "machine-a", server.url, HR_DEBUG="1", HR_STORE_TIMEOUT_MS="50")
    os.kill(server.proc.pid, signal.SIGSTOP)
    try:
        out = hr(a, data=log(6))
        assert out.returncode == 0 and marker_hash(out.stdout)
        assert out.stderr.count(b"team store") == 1  # said once per process, not per call
        compresses_alone(a, log(7))
    finally:
        os.kill(server.proc.pid, signal.SIGCONT)


def test_redis_full():
    full = RedisServer("--maxmemory", "3mb", "--maxmemory-policy", "noeviction")
    try:
        import redis

        with pytest.raises(redis.exceptions.OutOfMemoryError):
            for i in range(100):
                full.client.set(f"filler:{i}", os.urandom(256 * 1024))
        with tempfile.TemporaryDirectory() as tmp:
            a = machine(Path(tmp), "machine-a", full.url, HR_STORE_TIMEOUT_MS="50")
            compresses_alone(a, log(8))
    finally:
        full.stop()


def test_the_tcp_url_form_works(tmp_path):
    for _ in range(5):  # a port probed free may be taken before redis binds it: try another
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        try:
            srv = RedisServer(port=port)
            break
        except OSError:
            continue
    else:
        pytest.fail("could not start redis-server on a free port")
    try:
        a, b = machine(tmp_path, "machine-a", srv.url), machine(tmp_path, "machine-b", srv.url)
        data = log(9)
        assert hr(b, "expand", marker_hash(hr(a, data=data).stdout)).stdout == data
    finally:
        srv.stop()


def test_credentials_never_reach_output_logs_or_the_ledger(tmp_path, server):
    server.client.config_set("requirepass", "s3cret-pass")
    server.client = __import__("redis").Redis(unix_socket_path=server.sock, password="s3cret-pass")
    wrong = machine(tmp_path, "machine-a", f"unix://someone:wrong-s3cret@{server.sock}", HR_DEBUG="1")
    out = hr(wrong, data=log(10))
    assert out.returncode == 0 and marker_hash(out.stdout)
    assert b"team store" in out.stderr and b"s3cret" not in out.stderr
    doctor = hr(wrong, "doctor")
    assert b"team store" in doctor.stdout and b"s3cret" not in doctor.stdout + doctor.stderr
    stats = hr(wrong, "stats", "--team")
    assert stats.returncode == 2 and b"s3cret" not in stats.stdout + stats.stderr
    good = machine(tmp_path, "machine-b", f"unix://:s3cret-pass@{server.sock}")
    hr(good, data=log(11))
    written = [f for f in tmp_path.rglob("*") if f.is_file()]
    assert any(f.name == "ledger.sqlite3" for f in written)
    for f in written:
        assert b"s3cret" not in f.read_bytes(), f
    assert json.loads(hr(good, "stats", "--team", "--json").stdout)["totals"]["calls"] == 1


@pytest.mark.parametrize("url", ["redis://host:notaport/0", "ftp://example/0"])
def test_a_bad_url_is_one_line_in_doctor_and_stats(tmp_path, url):
    env = machine(tmp_path, "machine-a", url)
    doctor = hr(env, "doctor")
    [line] = [ln for ln in doctor.stdout.decode().splitlines() if "team store" in ln]
    assert line.startswith("[FAIL]")
    stats = hr(env, "stats", "--team")
    assert stats.returncode == 2 and stats.stderr.count(b"\n") == 1 and b"Traceback" not in stats.stderr
    data = log(12)
    out = hr(env, data=data)  # the filter itself carries on
    assert out.returncode == 0 and hr(env, "expand", marker_hash(out.stdout)).stdout == data


def test_gc_team_trims_the_stream(tmp_path, server):
    a = machine(tmp_path, "machine-a", server.url)
    for i in range(4):
        hr(a, data=log(20 + i))
    assert server.client.xlen("hr:events") == 4
    out = hr(a, "gc", "--team", "--max-events", "1")
    assert out.returncode == 0, out.stderr
    assert server.client.xlen("hr:events") == 1


def test_redis_is_not_imported_without_a_store_url(tmp_path):
    (tmp_path / "in.log").write_bytes(log(13))
    code = ("import sys; from hr.engine.api import compress;"
            f"r = compress(open({str(tmp_path / 'in.log')!r}, 'rb').read()); print(r.passthrough, 'redis' in sys.modules)")
    env = dict(os.environ, HR_CACHE_DIR=str(tmp_path / "c"))
    env.pop("HR_STORE_URL", None)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "False False"


def test_the_proxy_gives_the_team_originals_only(tmp_path, server, monkeypatch):
    # an original this machine kept before it joined the team, then sent again through the proxy:
    # the proxy's compressed text is kept under the original's hash too, but never shared as it
    from hr.engine import core
    from hr.proxy.compressor import ToolResultCompressor
    from hr.store import team
    from hr.store.objects import Store

    text = log(7)
    digest = core.sha256(text)
    for name, value in machine(tmp_path, "solo", server.url).items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("HR_STORE_URL")
    Store(tmp_path / "solo").put(text, digest)
    monkeypatch.setenv("HR_STORE_URL", server.url)
    proxy = ToolResultCompressor(Store(tmp_path / "solo"), min_bytes=1)
    assert "[hr " in proxy(text.decode(), "anthropic")
    proxy.close()
    shared = server.client.get(f"{team.DEFAULT_PREFIX}obj:{digest}")
    assert shared is None or core.unpack(shared) == text
