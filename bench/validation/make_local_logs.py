#!/usr/bin/env python3
"""Writes the validation logs that come from real tools run on this machine.

    python3 bench/validation/make_local_logs.py [--only SOURCE] [--cases NAME,...]

Each case is the log a real program wrote while serving or doing real work here: nginx, Apache,
Caddy, lighttpd and HAProxy (from Debian 12 apt) and Python's http.server serving a small static
site on 127.0.0.1, sent a bounded, seeded set of requests (some to missing, forbidden and failing
paths); memcached, dnsmasq and Mosquitto answering bounded, seeded clients; the OpenSSH client's
`-vvv` output against a throwaway sshd (sshd's own log is not kept: DESIGN.md reserves it);
strace (6.1) of ordinary non-Python programs; Maven's debug log; the package logs of a
Debian system that debootstrap builds in a folder; a one-node Slurm cluster's controller and node
daemon logs while seeded jobs run and fail; a standalone ZooKeeper's DEBUG log under bounded zkCli
sessions; and the verbose output of two package managers (`cargo build -vv`, `yarn add
--verbose`); uvicorn's console (`pip install uvicorn==0.55.0`, or name its binary in
$UVICORN); a Gin server's console (needs `go` and the Go module proxy). Servers need `apt-get install memcached lighttpd openssh-server dnsmasq-base
mosquitto mosquitto-clients haproxy slurm-wlm zookeeper` and run as root. Nothing in a log is written by this
script; it only starts the programs and sends requests. `--cases` writes only the cases named
(the others of that source keep their inputs). case.json gets source and licence;
`needles_log.py` adds the needles.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent / "log"
LIMIT = 400_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def site(root: Path) -> None:
    (root / "static").mkdir(parents=True)
    (root / "api").mkdir()
    (root / "docs").mkdir()
    (root / "index.html").write_text("<h1>home</h1>\n")
    for i in range(12):
        (root / "static" / f"app.{i}.js").write_text("x" * (100 + 37 * i))
        (root / "docs" / f"page{i}.html").write_text("<p>doc</p>" * (i + 1))
    (root / "api" / "health").write_text("ok\n")
    (root / "private").mkdir()
    (root / "private" / "secret.txt").write_text("no\n")
    os.chmod(root / "private" / "secret.txt", 0o000)


AGENTS = [
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
    "curl/7.88.1",
    "Go-http-client/1.1",
    "kube-probe/1.29",
]


def requests(port: int, n: int, seed: int, extra: list[str] = ()) -> None:
    """A bounded, seeded mix: mostly pages that exist, some that do not, some that fail."""
    rng = random.Random(seed)
    paths = ["/", "/index.html", "/api/health"] + [f"/static/app.{i}.js" for i in range(12)] \
        + [f"/docs/page{i}.html" for i in range(12)]
    bad = ["/wp-login.php", "/.env", "/favicon.ico", "/static/app.99.js", "/docs/old/intro.html",
           "/private/secret.txt", "/admin/", "/phpmyadmin/index.php", *extra]
    for i in range(n):
        r = rng.random()
        if r < 0.9:
            path, method = rng.choice(paths), rng.choice(["GET"] * 8 + ["HEAD"])
            if rng.random() < 0.3:
                path += f"?v={rng.randint(1, 40)}"
        else:
            path, method = rng.choice(bad), rng.choice(["GET", "GET", "POST"])
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            c.request(method, path, body=b"a=1" if method == "POST" else None,
                      headers={"User-Agent": rng.choice(AGENTS), "Referer": "-" if rng.random() < 0.7 else f"http://127.0.0.1:{port}/"})
            c.getresponse().read()
        except OSError:
            pass
        finally:
            c.close()


def wait_port(port: int) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"nothing listens on {port}")


def stop(p: subprocess.Popen) -> None:
    p.send_signal(signal.SIGTERM)
    try:
        p.wait(10)
    except subprocess.TimeoutExpired:
        p.kill()


def nginx(tmp: Path) -> dict[str, Path]:
    port = free_port()
    root = tmp / "www"
    site(root)
    tmp.chmod(0o755)  # nginx workers run as nobody and must read the site
    conf = tmp / "nginx.conf"
    conf.write_text(f"""
worker_processes 1; daemon off; pid {tmp}/nginx.pid; error_log {tmp}/nginx-error.log;
events {{}}
http {{
  include /etc/nginx/mime.types;
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy; fastcgi_temp_path {tmp}/fcgi;
  uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  log_format j escape=json '{{"time":"$time_iso8601","remote_addr":"$remote_addr","method":"$request_method",'
                           '"uri":"$request_uri","status":$status,"bytes":$body_bytes_sent,'
                           '"request_time":$request_time,"user_agent":"$http_user_agent"}}';
  server {{
    listen 127.0.0.1:{port};
    root {root};
    access_log {tmp}/nginx-access.log combined;
    access_log {tmp}/nginx-access.json j;
    location /admin/ {{ return 403; }}
    location = /api/orders {{ return 502; }}
    location = /api/checkout {{ return 500; }}
  }}
}}
""")
    p = subprocess.Popen(["nginx", "-c", str(conf)], stderr=subprocess.DEVNULL)
    wait_port(port)
    requests(port, 1400, 1, ["/api/orders", "/api/checkout"])
    stop(p)
    return {"nginx-access-combined": tmp / "nginx-access.log", "nginx-access-json": tmp / "nginx-access.json"}


def apache(tmp: Path) -> dict[str, Path]:
    a = apache_run(tmp / "info", "info", 2)
    b = apache_run(tmp / "debug", "debug", 8)
    return {"apache-access-combined": a / "apache-access.log", "apache-error-info": a / "apache-error.log",
            "apache-error-debug": b / "apache-error.log"}


def apache_run(tmp: Path, level: str, seed: int) -> Path:
    tmp.mkdir()
    port = free_port()
    root = tmp / "www"
    site(root)
    mods = "/usr/lib/apache2/modules"
    conf = tmp / "httpd.conf"
    conf.write_text(f"""
ServerRoot {tmp}
PidFile {tmp}/httpd.pid
Listen 127.0.0.1:{port}
ServerName localhost
LoadModule mpm_event_module {mods}/mod_mpm_event.so
LoadModule authz_core_module {mods}/mod_authz_core.so
LoadModule authz_host_module {mods}/mod_authz_host.so
LoadModule dir_module {mods}/mod_dir.so
LoadModule mime_module {mods}/mod_mime.so
LoadModule alias_module {mods}/mod_alias.so
TypesConfig /etc/mime.types
DocumentRoot {root}
DirectoryIndex index.html
LogLevel {level}
ErrorLog {tmp}/apache-error.log
LogFormat "%h %l %u %t \\"%r\\" %>s %O \\"%{{Referer}}i\\" \\"%{{User-Agent}}i\\"" combined
CustomLog {tmp}/apache-access.log combined
<Directory {root}>
  Require all granted
</Directory>
<Location /admin>
  Require all denied
</Location>
""")
    p = subprocess.Popen(["apache2", "-f", str(conf), "-DFOREGROUND"],
                         env={**os.environ, "APACHE_RUN_DIR": str(tmp), "APACHE_LOCK_DIR": str(tmp)})
    wait_port(port)
    requests(port, 1300 if level == "info" else 150, seed, ["/cgi-bin/test.cgi"])
    stop(p)
    return tmp


def caddy(tmp: Path) -> dict[str, Path]:
    return {"caddy-json": caddy_run(tmp, "json", 3), "caddy-console": caddy_run(tmp, "console", 7)}


def caddy_run(tmp: Path, encoder: str, seed: int) -> Path:
    tmp = tmp / encoder
    tmp.mkdir()
    port = free_port()
    root = tmp / "www"
    site(root)
    cfg = {
        "admin": {"disabled": True},
        "logging": {"logs": {"default": {"writer": {"output": "file", "filename": str(tmp / "caddy.log")},
                                         "encoder": {"format": encoder}, "level": "DEBUG"}}},
        "apps": {"http": {"servers": {"s": {
            "listen": [f"127.0.0.1:{port}"], "logs": {},
            "automatic_https": {"disable": True},
            "routes": [
                {"match": [{"path": ["/admin/*"]}], "handle": [{"handler": "static_response", "status_code": 403}]},
                {"match": [{"path": ["/api/orders"]}], "handle": [{"handler": "reverse_proxy", "upstreams": [{"dial": f"127.0.0.1:{free_port()}"}]}]},
                {"handle": [{"handler": "file_server", "root": str(root)}]},
            ]}}}},
    }
    (tmp / "caddy.json").write_text(json.dumps(cfg))
    p = subprocess.Popen(["caddy", "run", "--config", str(tmp / "caddy.json")], stderr=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, env={**os.environ, "HOME": str(tmp), "XDG_DATA_HOME": str(tmp)})
    wait_port(port)
    requests(port, 500, seed, ["/api/orders"])
    stop(p)
    return tmp / "caddy.log"


def http_server(tmp: Path) -> dict[str, Path]:
    root = tmp / "www"
    site(root)
    err = open(tmp / "httpserver.log", "wb")
    p = subprocess.Popen([sys.executable, "-u", "-m", "http.server", "--bind", "127.0.0.1", "0"], cwd=root,
                         stdout=subprocess.PIPE, stderr=err)
    first = p.stdout.readline().decode()  # "Serving HTTP on 127.0.0.1 port N (...)"
    port = int(first.split(" port ")[1].split()[0])
    requests(port, 900, 4)
    rng = random.Random(5)
    for i in range(60):  # clients that reset mid-request, speak bad HTTP or unknown methods
        c = socket.create_connection(("127.0.0.1", port))
        kind = i % 3
        if kind == 0:
            c.sendall(b"GET /static/app.1.js HTTP/1.1\r\nHost: x\r\n")
            c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        else:
            c.sendall(rng.choice([b"BREW /pot HTTP/1.1\r\n\r\n", b"GET /x HTTP/9.9\r\n\r\n", b"GARBAGE\r\n\r\n"]))
            c.recv(65536)
        c.close()
    requests(port, 200, 6)
    stop(p)
    err.close()
    return {"python-http-server": tmp / "httpserver.log"}


# The ASGI app uvicorn serves: the static site, a forbidden folder, and an endpoint whose
# database is gone (uvicorn logs its traceback, then the 500).
UVICORN_APP = """
from pathlib import Path
ROOT = Path(__file__).parent / "www"

async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    path = scope["path"]
    if path.startswith("/api/orders"):
        raise ConnectionError("database at 127.0.0.1:5432 refused the connection")
    file = ROOT / path.lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    if path.startswith(("/private", "/admin")):
        status, body = 403, b"forbidden"
    elif file.is_file():
        status, body = 200, file.read_bytes()
    else:
        status, body = 404, b"not found"
    await send({"type": "http.response.start", "status": status, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": body if scope["method"] != "HEAD" else b""})
"""


def uvicorn(tmp: Path) -> dict[str, Path]:
    """uvicorn's console (its access log on) serving the static site through a small ASGI app."""
    site(tmp / "www")
    (tmp / "app.py").write_text(UVICORN_APP)
    port = free_port()
    log = tmp / "uvicorn.log"
    with open(log, "wb") as out:
        p = subprocess.Popen([os.environ.get("UVICORN", "uvicorn"), "app:app", "--port", str(port)], cwd=tmp,
                             stdout=out, stderr=subprocess.STDOUT)
        wait_port(port)
        requests(port, 1500, 9, extra=["/api/orders", "/api/orders?id=7"])
        stop(p)
    return {"uvicorn-asgi-access": log}


# The Gin server: items (0 is missing), an admin page it refuses, and an order endpoint whose
# database is gone (Gin prints the error after the request's line).
GIN_APP = """package main

import (
	"errors"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
)

func main() {
	r := gin.Default()
	r.GET("/api/items/:id", func(c *gin.Context) {
		if c.Param("id") == "0" {
			c.String(http.StatusNotFound, "no item")
			return
		}
		c.String(http.StatusOK, "item")
	})
	r.POST("/api/orders", func(c *gin.Context) {
		c.AbortWithError(http.StatusInternalServerError, errors.New("database at 127.0.0.1:5432 refused the connection"))
	})
	r.GET("/admin/", func(c *gin.Context) { c.String(http.StatusForbidden, "forbidden") })
	r.StaticFile("/", "./index.html")
	r.Run("127.0.0.1:" + os.Args[1])
}
"""


def gin(tmp: Path) -> dict[str, Path]:
    """A Gin server's console in debug mode (gin.Default: its logger and recovery), sent a
    bounded, seeded request mix."""
    (tmp / "main.go").write_text(GIN_APP)
    (tmp / "index.html").write_text("<h1>home</h1>\n")
    for cmd in (["go", "mod", "init", "ginapp"], ["go", "get", "github.com/gin-gonic/gin@v1.12.0"],
                ["go", "build", "-o", "ginapp", "."]):
        subprocess.run(cmd, cwd=tmp, check=True, capture_output=True)
    port = free_port()
    log = tmp / "gin.log"
    with open(log, "wb") as out:
        p = subprocess.Popen([str(tmp / "ginapp"), str(port)], cwd=tmp, stdout=out, stderr=subprocess.STDOUT)
        wait_port(port)
        rng = random.Random(11)
        for _ in range(1200):
            r = rng.random()
            method, path = (("GET", f"/api/items/{rng.randint(1, 300)}") if r < 0.85 else
                            ("GET", "/api/items/0") if r < 0.9 else ("GET", "/admin/") if r < 0.93 else
                            ("POST", "/api/orders") if r < 0.96 else ("GET", "/wp-login.php") if r < 0.98 else
                            ("GET", "/"))
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            try:
                c.request(method, path, body=b"a=1" if method == "POST" else None)
                c.getresponse().read()
            finally:
                c.close()
        stop(p)
    return {"gin-debug-console": log}


def strace(tmp: Path) -> dict[str, Path]:
    out = {}
    repo = Path(__file__).resolve().parents[2]
    runs = {
        "strace-ls": ["ls", "-la", "/usr/share/doc/nonexistent", "/etc/ssl", "/usr/lib/x86_64-linux-gnu/gconv"],
        "strace-git-status": ["git", "-C", str(repo), "status", "--short"],
        "strace-curl": ["curl", "-s", "-o", "/dev/null", "http://127.0.0.1:9/nothing", "file:///etc/hostname"],
        "strace-tt-find": ["find", "/etc", "-maxdepth", "2", "-name", "*.conf", "-newer", "/etc/missing"],
        "strace-f-sh": ["sh", "-c", "cat /etc/os-release missing.txt | sort | uniq -c | head -3; ls /root/none"],
        # interpreters that search their module paths, and one that starts threads
        "strace-perl-modules": ["perl", "-MPOSIX", "-MData::Dumper", "-MFile::Find", "-MGetopt::Long",
                                "-MTime::HiRes", "-e", "print qq(hi\\n)"],
        "strace-f-node": ["node", "-e", "require('http');require('zlib');require('child_process').execSync('true')"],
    }
    for name, cmd in runs.items():
        path = tmp / f"{name}.log"
        args = ["strace", "-o", str(path)] + (["-f"] if name.startswith("strace-f-") else []) + (["-tt", "-T"] if "-tt-" in name else []) + cmd
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp)
        out[name] = path
    return out


def maven(tmp: Path) -> dict[str, Path]:
    proj = tmp / "proj"
    (proj / "src/main/java/demo").mkdir(parents=True)
    (proj / "src/main/java/demo/App.java").write_text("package demo; public class App {}\n")
    (proj / "pom.xml").write_text("""<project><modelVersion>4.0.0</modelVersion><groupId>demo</groupId>
<artifactId>demo</artifactId><version>1.0</version><dependencies><dependency><groupId>org.example</groupId>
<artifactId>missing-lib</artifactId><version>9.9</version></dependency></dependencies></project>""")
    log = tmp / "mvn.log"
    with open(log, "wb") as f:
        for args in (["-B", "-e", "-o", "compile"], ["-B", "-e", "-o", "-Dmaven.repo.local=" + str(tmp / "m2"), "test"]):
            subprocess.run(["mvn", *args], cwd=proj, stdout=f, stderr=subprocess.STDOUT, env={**os.environ, "HOME": str(tmp)})
    return {"maven-offline-errors": log}


def maven_debug(tmp: Path) -> dict[str, Path]:
    """`mvn -X`: Maven's debug log while it fetches its plugins into an empty local repository."""
    proj = tmp / "proj"
    (proj / "src/main/java/x").mkdir(parents=True)
    (proj / "src/main/java/x/A.java").write_text("package x; public class A {}\n")
    (proj / "pom.xml").write_text("""<project><modelVersion>4.0.0</modelVersion><groupId>x</groupId>
<artifactId>y</artifactId><version>1</version><properties><maven.compiler.source>17</maven.compiler.source>
<maven.compiler.target>17</maven.compiler.target></properties></project>""")
    log = tmp / "mvn-debug.log"
    with open(log, "wb") as f:
        subprocess.run(["mvn", "-X", "-B", "-Dmaven.repo.local=" + str(tmp / "m2"), "compile"], cwd=proj,
                       stdout=f, stderr=subprocess.STDOUT, env={**os.environ, "HOME": str(tmp)}, check=True)
    return {"maven-debug-compile": log}


def debootstrap(tmp: Path) -> dict[str, Path]:
    """A new Debian system's own package logs: debootstrap of a minimal bookworm into a folder,
    then `apt-get install` inside it. These are that chroot's logs, not this machine's (which
    DESIGN.md reserves for the hidden set). Needs root and the Debian mirror."""
    root = tmp / "root"
    # its errors (not root, no mirror) go to the terminal
    subprocess.run(["debootstrap", "--variant=minbase", "bookworm", str(root), "http://deb.debian.org/debian"],
                   stdout=subprocess.DEVNULL, check=True)
    shutil.copy("/etc/resolv.conf", root / "etc/resolv.conf")
    install = tmp / "apt-get-install.log"
    with open(install, "wb") as f:
        subprocess.run(["chroot", str(root), "apt-get", "update", "-q"], stdout=subprocess.DEVNULL, check=True)
        subprocess.run(["chroot", str(root), "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y",
                        "-q", "python3", "curl", "openssh-client", "git", "less"], stdout=f, stderr=subprocess.STDOUT,
                       check=True)
    return {"debootstrap-bootstrap-log": root / "var/log/bootstrap.log",
            "dpkg-log-debootstrap-chroot": root / "var/log/dpkg.log",
            "apt-get-install-chroot": install}


def jvm(tmp: Path) -> dict[str, Path]:
    log = tmp / "jvm.log"
    subprocess.run(["java", "-Xlog:gc*=debug,safepoint=info,os+thread=info:file=" + str(log) + ":uptime,level,tags",
                    "-Xmx64m", "-XX:+UseG1GC", "-version"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return {"jvm-unified-logging": log}


def grep_r(tmp: Path) -> dict[str, Path]:
    """`grep -r` over a folder of logs: every line carries its file name as a source prefix."""
    logs = tmp / "logs"
    logs.mkdir()
    for name, sub in (("apache-error.log", "apache-error-debug"), ("httpd.log", "python-http-server"),
                      ("caddy.log", "caddy-console")):
        data = (HERE / sub / "input.log").read_bytes()
        (logs / name).write_bytes(data[: data.rfind(b"\n", 0, 120_000) + 1])
    out = tmp / "grep.log"
    with open(out, "wb") as f:
        subprocess.run(["grep", "-r", "-e", "error", "-e", "GET", "-e", "debug", "--", "."], cwd=logs, stdout=f)
    return {"grep-r-logs": out}


def memcached(tmp: Path) -> dict[str, Path]:
    """`memcached -vv`: every command and reply of a bounded, seeded client loop (sets, hits,
    misses, deletes, incr of a non-number, a too-large value, unknown commands), small memory
    so that the slab allocator evicts."""
    port = free_port()
    log = tmp / "memcached.log"
    err = open(log, "wb")
    p = subprocess.Popen(["memcached", "-vv", "-l", "127.0.0.1", "-p", str(port), "-U", "0", "-u", "nobody",
                          "-m", "8", "-c", "64"], stdout=err, stderr=subprocess.STDOUT)
    wait_port(port)
    rng = random.Random(8)
    for conn in range(30):
        c = socket.create_connection(("127.0.0.1", port), timeout=5)
        f = c.makefile("rwb")
        for _ in range(rng.randint(30, 120)):
            key = f"user:{rng.randint(1, 400)}:{rng.choice(['profile', 'session', 'cart'])}"
            r = rng.random()
            if r < 0.35:
                val = os.urandom(rng.randint(8, 64)).hex().encode() if rng.random() < 0.95 else b"x" * 1_100_000
                f.write(b"set %s %d %d %d\r\n%s\r\n" % (key.encode(), rng.randint(0, 3), rng.choice([0, 60, 3600]), len(val), val))
            elif r < 0.75:
                f.write(f"get {key}\r\n".encode())
            elif r < 0.83:
                f.write(f"delete {key}\r\n".encode())
            elif r < 0.9:
                f.write(f"incr {rng.choice(['hits', key])} 1\r\n".encode())
            elif r < 0.95:
                f.write(f"add {key} 0 0 1\r\n1\r\n".encode())
            else:
                f.write(rng.choice([b"stats\r\n", b"gets nope\r\n", b"flush_all\r\n", b"HELO x\r\n", b"touch counter 10\r\n"]))
            f.flush()
            line = f.readline()
            while line.startswith((b"VALUE", b"STAT")) or (line and not line.startswith((
                    b"STORED", b"NOT_", b"END", b"DELETED", b"ERROR", b"CLIENT_ERROR", b"SERVER_ERROR",
                    b"OK", b"EXISTS", b"TOUCHED")) and not line.strip().isdigit()):
                if line.startswith(b"VALUE"):
                    f.readline()
                line = f.readline()
        c.close()
    stop(p)
    err.close()
    return {"memcached-vv": log}


def lighttpd(tmp: Path) -> dict[str, Path]:
    """lighttpd's error log with its request-handling debug switches on, while serving a small
    static site a seeded request mix (missing, forbidden and unreadable paths)."""
    port = free_port()
    root = tmp / "www"
    site(root)
    tmp.chmod(0o755)
    for name in ("error.log", "access.log"):  # lighttpd opens its logs after it drops to nobody
        (tmp / name).touch()
        shutil.chown(tmp / name, "nobody")
    conf = tmp / "lighttpd.conf"
    conf.write_text(f"""
server.document-root = "{root}"
server.bind = "127.0.0.1"
server.port = {port}
server.username = "nobody"
server.groupname = "nogroup"
server.errorlog = "{tmp}/error.log"
server.pid-file = "{tmp}/lighttpd.pid"
server.modules = ("mod_access", "mod_accesslog", "mod_staticfile")
accesslog.filename = "{tmp}/access.log"
index-file.names = ("index.html")
mimetype.assign = (".html" => "text/html", ".js" => "application/javascript", ".txt" => "text/plain")
url.access-deny = ("~", ".inc", ".env")
$HTTP["url"] =~ "^/admin/" {{ url.access-deny = ("") }}
debug.log-request-handling = "enable"
debug.log-file-not-found = "enable"
debug.log-condition-handling = "disable"
""")
    p = subprocess.Popen(["lighttpd", "-D", "-f", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_port(port)
    requests(port, 300, 9, ["/static/../../etc/passwd", "/index.html~"])
    stop(p)
    return {"lighttpd-error-debug": tmp / "error.log"}


def ssh_client(tmp: Path) -> dict[str, Path]:
    """The OpenSSH client's own `-vvv` output (stderr) against a throwaway sshd on 127.0.0.1
    with a fresh host key: a key that is not authorised (publickey denied), then one that is, then
    the same with known_hosts holding another key for the host (host identification changed).
    sshd's own log is discarded. Keys are made here and deleted with the folder."""
    Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege-separation directory
    for name in ("host", "good", "bad"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", f"hr-{name}", "-f", str(tmp / name)], check=True)
    (tmp / "authorized_keys").write_text((tmp / "good.pub").read_text())
    port = free_port()
    (tmp / "sshd_config").write_text(f"""
ListenAddress 127.0.0.1
Port {port}
HostKey {tmp}/host
PidFile {tmp}/sshd.pid
AuthorizedKeysFile {tmp}/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
""")
    p = subprocess.Popen(["/usr/sbin/sshd", "-D", "-e", "-f", str(tmp / "sshd_config")],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_port(port)
    out = {}
    for case, key in (("ssh-client-vvv-denied", "bad"), ("ssh-client-vvv-key-auth", "good"),
                      ("ssh-client-vvv-hostkey-changed", "good")):
        if case.endswith("changed"):  # known_hosts now holds another key for this host
            kh = tmp / "known_hosts"
            kh.write_text(kh.read_text().split()[0] + " " + (tmp / "bad.pub").read_text())
        log = tmp / f"{case}.log"
        with open(log, "wb") as f:
            subprocess.run(["ssh", "-vvv", "-F", "/dev/null", "-i", str(tmp / key), "-o", "IdentitiesOnly=yes",
                            "-o", "BatchMode=yes", "-o", f"UserKnownHostsFile={tmp}/known_hosts",
                            "-o", "StrictHostKeyChecking=accept-new", "-p", str(port), "root@127.0.0.1",
                            "uname -s; ls /nonexistent"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=f, env={**os.environ, "HOME": str(tmp)}, timeout=60)
        out[case] = log
    stop(p)
    return out


def dns_query(name: str, qtype: int, qid: int) -> bytes:
    labels = b"".join(bytes([len(x)]) + x.encode() for x in name.split(".") if x)
    return qid.to_bytes(2, "big") + b"\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00" + labels + b"\x00" + \
        qtype.to_bytes(2, "big") + b"\x00\x01"


def dnsmasq(tmp: Path) -> dict[str, Path]:
    """dnsmasq with --log-queries=extra answering a bounded, seeded set of UDP queries on
    127.0.0.1: local names, a hosts file, a blocked domain, and names forwarded to an upstream
    that does not answer."""
    port = free_port()
    dead = free_port()
    (tmp / "hosts").write_text("10.1.0.5 db1.lan db1\n10.1.0.6 db2.lan\nfd00::7 cache.lan\n")
    tmp.chmod(0o755)  # dnsmasq reads the hosts file as nobody
    log = tmp / "dnsmasq.log"
    p = subprocess.Popen(["dnsmasq", "-k", "--conf-file=/dev/null", "--listen-address=127.0.0.1", "--bind-interfaces",
                          f"--port={port}", "--no-resolv", "--no-hosts", f"--addn-hosts={tmp}/hosts",
                          f"--server=127.0.0.1#{dead}", "--address=/ads.example/0.0.0.0", "--address=/blocked.test/",
                          "--domain=lan", "--local=/lan/", "--log-queries=extra", f"--log-facility={log}",
                          "--cache-size=50", f"--pid-file={tmp}/dnsmasq.pid", "--user=nobody"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rng = random.Random(10)
    names = ["db1.lan", "db2.lan", "cache.lan", "db1", "missing.lan", "ads.example", "x.ads.example",
             "blocked.test", "api.github.com", "deb.debian.org", "pypi.org", "registry.npmjs.org"]
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(0.3)
    time.sleep(0.5)
    for i in range(260):
        name = rng.choice(names)
        s.sendto(dns_query(name, rng.choice([1, 1, 1, 28, 15, 16, 33]), i), ("127.0.0.1", port))
        try:
            s.recv(4096)
        except OSError:
            pass
    s.close()
    stop(p)
    return {"dnsmasq-log-queries": log}


def mosquitto(tmp: Path) -> dict[str, Path]:
    """The Mosquitto MQTT broker's log with every log type on, while bounded clients subscribe,
    publish at QoS 0-2, retain, send a will and one connects with a refused client id."""
    port = free_port()
    log = tmp / "mosquitto.log"
    log.touch()  # the broker opens its log after it drops to the mosquitto user
    shutil.chown(log, "mosquitto")
    tmp.chmod(0o755)
    (tmp / "mosquitto.conf").write_text(f"""
listener {port} 127.0.0.1
allow_anonymous true
log_dest file {log}
log_type all
connection_messages true
log_timestamp_format %Y-%m-%dT%H:%M:%S
persistence false
max_packet_size 2048
""")
    p = subprocess.Popen(["mosquitto", "-c", str(tmp / "mosquitto.conf")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_port(port)
    base = ["-h", "127.0.0.1", "-p", str(port)]
    sub = subprocess.Popen(["mosquitto_sub", *base, "-i", "dashboard", "-t", "sensors/#", "-q", "1", "-C", "60", "-W", "20", "-v"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    rng = random.Random(11)
    for i in range(70):
        room = rng.choice(["kitchen", "hall", "attic"])
        args = ["mosquitto_pub", *base, "-i", f"sensor-{room}", "-t", f"sensors/{room}/temp", "-q", str(rng.choice([0, 1, 2])),
                "-m", f"{rng.uniform(15, 25):.1f}"]
        if i % 17 == 0:
            args += ["-r"]
        if i % 23 == 0:
            args = ["mosquitto_pub", *base, "-i", "big", "-t", "sensors/blob", "-m", "x" * 4000]
        if i % 29 == 5:  # MQTT 3.1 allows client ids of 23 characters at most
            args = ["mosquitto_pub", *base, "-i", "legacy-gateway-with-a-long-id", "-V", "mqttv31", "-t", "a", "-m", "b"]
        if i % 13 == 3:
            args += ["--will-topic", f"status/{room}", "--will-payload", "offline", "--will-qos", "1"]
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10)
    try:
        sub.wait(25)
    except subprocess.TimeoutExpired:
        sub.kill()
    stop(p)
    return {"mosquitto-log-all": log}


def haproxy(tmp: Path) -> dict[str, Path]:
    """HAProxy's HTTP log (option httplog) and its health-check events on stdout, in front of
    two python http.server backends with one port where nothing listens, and a route to a dead
    upstream; one backend stops halfway so the pool goes down and requests get 503."""
    root = tmp / "www"
    site(root)
    backends = []
    for _ in range(2):
        b = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "0"], cwd=root,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        backends.append((b, int(b.stdout.readline().decode().split(" port ")[1].split()[0])))
    port, dead, dead2 = free_port(), free_port(), free_port()
    (tmp / "haproxy.cfg").write_text(f"""
global
  log stdout format raw local0 info
defaults
  mode http
  log global
  option httplog
  timeout connect 1s
  timeout client 5s
  timeout server 5s
frontend www
  bind 127.0.0.1:{port}
  http-request deny if {{ path_beg /admin }}
  use_backend orders if {{ path_beg /api/orders }}
  default_backend web
backend web
  balance roundrobin
  option httpchk GET /api/health
  server web1 127.0.0.1:{backends[0][1]} check inter 300 fall 2 rise 2
  server web2 127.0.0.1:{backends[1][1]} check inter 300 fall 2 rise 2
  server web3 127.0.0.1:{dead} check inter 300 fall 2 rise 2
backend orders
  server orders1 127.0.0.1:{dead2}
""")
    log = tmp / "haproxy.log"
    with open(log, "wb") as f:
        p = subprocess.Popen(["haproxy", "-db", "-f", str(tmp / "haproxy.cfg")], stdout=f, stderr=subprocess.STDOUT)
        wait_port(port)
        time.sleep(1.5)  # the health checks find web3 down
        requests(port, 500, 12, ["/api/orders"])
        for b, _ in backends:  # the whole pool goes away, then clients keep coming
            stop(b)
            time.sleep(1.5)
        requests(port, 60, 13, ["/api/orders"])
        stop(p)
    return {"haproxy-httplog": log}


def slurm(tmp: Path) -> dict[str, Path]:
    """A one-node Slurm cluster on this host (slurmctld at debug2, slurmd at debug, munge for
    auth, every path and port in a temp folder, loopback only): a seeded batch of jobs that
    finish, fail, are cancelled, run steps with srun, ask for too much, or name a partition
    that does not exist. Its controller and node daemon logs."""
    tmp.chmod(0o755)
    host = socket.gethostname().split(".")[0]
    for d in ("state", "spool", "out"):
        (tmp / d).mkdir()
    mdir = tmp / "munge"  # munged runs as its own user and wants its files in a folder it owns
    mdir.mkdir()
    mdir.chmod(0o755)  # clients reach its socket through it
    key = mdir / "munge.key"
    key.write_bytes(random.Random(5).randbytes(128))
    key.chmod(0o600)
    for f in (mdir, key):
        shutil.chown(f, "munge", "munge")
    sock = mdir / "munge.socket"
    munged = subprocess.Popen(["runuser", "-u", "munge", "--", "munged", "-F", f"--socket={sock}", f"--key-file={key}",
                               f"--pid-file={mdir / 'munged.pid'}", f"--seed-file={mdir / 'munged.seed'}",
                               f"--log-file={mdir / 'munged.log'}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if sock.exists():
            break
        time.sleep(0.05)
    ctld_port, d_port = free_port(), free_port()
    conf = tmp / "slurm.conf"
    conf.write_text(f"""ClusterName=valkinds
SlurmctldHost={host}(127.0.0.1)
SlurmctldPort={ctld_port}
SlurmdPort={d_port}
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket={sock}
StateSaveLocation={tmp / 'state'}
SlurmdSpoolDir={tmp / 'spool'}
SlurmctldPidFile={tmp / 'slurmctld.pid'}
SlurmdPidFile={tmp / 'slurmd.pid'}
SlurmctldLogFile={tmp / 'slurmctld.log'}
SlurmdLogFile={tmp / 'slurmd.log'}
SlurmctldDebug=debug2
SlurmdDebug=debug
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
MinJobAge=10
NodeName={host} NodeAddr=127.0.0.1 CPUs=2 RealMemory=2000 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=10 State=UP
PartitionName=long Nodes=ALL MaxTime=60 State=DOWN
""")
    env = {**os.environ, "SLURM_CONF": str(conf)}
    ctld = subprocess.Popen(["slurmctld", "-D", "-i"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_port(ctld_port)
    d = subprocess.Popen(["slurmd", "-D"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_port(d_port)
    time.sleep(2)
    rng = random.Random(7)
    out = str(tmp / "out" / "job-%j.out")
    for i in range(100):
        r = rng.random()
        if r < 0.55:
            cmd = ["sbatch", "-o", out, "-J", f"ok-{i}", f"--cpus-per-task={rng.choice([1, 1, 2])}",
                   "--wrap", f"sleep 0.{rng.randint(1, 9)}; echo done"]
        elif r < 0.7:
            cmd = ["sbatch", "-o", out, "-J", f"fail-{i}", "--wrap", f"echo step; exit {rng.choice([1, 2, 127])}"]
        elif r < 0.8:
            cmd = ["srun", "-J", f"steps-{i}", "-n", "2", "hostname"]
        elif r < 0.87:
            cmd = ["sbatch", "-o", out, "-J", f"big-{i}", "--cpus-per-task=8", "--wrap", "true"]
        elif r < 0.93:
            cmd = ["sbatch", "-o", out, "-J", f"long-{i}", "-p", rng.choice(["long", "gpu"]), "--wrap", "true"]
        else:
            cmd = ["sbatch", "-o", out, "-J", f"cancel-{i}", "--wrap", "sleep 30"]
        res = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
        if cmd[-1] == "sleep 30" and res.stdout.split():
            time.sleep(1)
            subprocess.run(["scancel", res.stdout.split()[-1]], env=env, timeout=30)
        time.sleep(0.2)
    for _ in range(120):  # until nothing runs (jobs that can never start stay pending)
        q = subprocess.run(["squeue", "-h", "-t", "R,CG,CF"], env=env, capture_output=True, text=True, timeout=30).stdout
        if not q.strip():
            break
        time.sleep(1)
    subprocess.run(["scontrol", "update", f"NodeName={host}", "State=DRAIN", "Reason=maintenance"], env=env, timeout=30)
    subprocess.run(["sbatch", "-o", out, "-J", "after-drain", "--wrap", "true"], env=env, capture_output=True, timeout=30)
    time.sleep(3)
    subprocess.run(["scancel", "-u", "root"], env=env, timeout=30)
    for p in (d, ctld):
        stop(p)
    stop(munged)
    return {"slurmctld-debug-jobs": tmp / "slurmctld.log", "slurmd-debug-jobs": tmp / "slurmd.log"}


def cargo_vv(tmp: Path) -> dict[str, Path]:
    """`cargo build -vv` of a small binary crate with three pinned crates.io dependencies (serde
    with its derive macro, serde_json, anyhow) into an empty CARGO_HOME: every rustc command line,
    the build scripts' output, a warning, and a type error in the crate's own code at the end."""
    proj = tmp / "proj"
    (proj / "src").mkdir(parents=True)
    (proj / "Cargo.toml").write_text("""[package]
name = "inventory"
version = "0.1.0"
edition = "2021"

[dependencies]
serde = { version = "=1.0.210", features = ["derive"] }
serde_json = "=1.0.128"
anyhow = "=1.0.89"
""")
    (proj / "src/main.rs").write_text("""use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Debug)]
struct Item {
    name: String,
    count: u32,
}

fn parse(text: &str) -> anyhow::Result<Vec<Item>> {
    let unused = 3;
    Ok(serde_json::from_str(text)?)
}

fn main() -> anyhow::Result<()> {
    let items = parse("[{\\"name\\": \\"bolt\\", \\"count\\": 4}]")?;
    let total: u32 = items.iter().map(|i| i.count).sum();
    let label: String = total;
    println!("{label}");
    Ok(())
}
""")
    log = tmp / "cargo.log"
    env = {**os.environ, "CARGO_HOME": str(tmp / "cargo-home"), "CARGO_TARGET_DIR": str(tmp / "target"),
           "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "2"}
    with open(log, "wb") as f:
        subprocess.run(["cargo", "build", "-vv"], cwd=proj, stdout=f, stderr=subprocess.STDOUT, env=env, timeout=900)
    return {"cargo-build-vv-serde": log}


def zookeeper(tmp: Path) -> dict[str, Path]:
    """A standalone ZooKeeper 3.8 server (Debian 12), log4j at DEBUG to its rolling file, on
    127.0.0.1, while bounded zkCli sessions create, read, update (some with a stale version) and
    delete znodes, make ephemeral and sequential ones, ask for missing ones; one client is killed
    so its session expires; four-letter-word probes (one not whitelisted) and a garbage packet."""
    port = free_port()
    conf = tmp / "conf"
    conf.mkdir()
    (tmp / "data").mkdir()
    shutil.copy("/etc/zookeeper/conf_example/log4j.properties", conf)
    (conf / "zoo.cfg").write_text(f"tickTime=1000\nmaxSessionTimeout=4000\ndataDir={tmp / 'data'}\nclientPort={port}\n"
                                  "clientPortAddress=127.0.0.1\nadmin.enableServer=false\n"
                                  "4lw.commands.whitelist=stat,ruok,mntr\nmaxClientCnxns=20\n")
    jars = ":".join(f"/usr/share/java/{j}.jar" for j in ("zookeeper", "slf4j-log4j12", "log4j-1.2"))
    server = subprocess.Popen(["java", "-Xmx128m", "-cp", f"{conf}:{jars}", f"-Dzookeeper.log.dir={tmp}",
                               "-Dzookeeper.root.logger=DEBUG,ROLLINGFILE",
                               "org.apache.zookeeper.server.quorum.QuorumPeerMain", str(conf / "zoo.cfg")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_port(port)
    cli = ["/usr/share/zookeeper/bin/zkCli.sh", "-server", f"127.0.0.1:{port}"]

    def session(commands: list[str]) -> None:
        subprocess.run(cli, input="\n".join(commands + ["quit"]) + "\n", text=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)

    rng = random.Random(21)
    setup = ['create /app ""', 'create /app/config ""', 'create /app/workers ""', 'create /app/locks ""']
    for i in range(20):
        setup.append(f'create /app/config/key{i} "v{rng.randint(1, 99)}"')
    session(setup)
    for s in range(6):
        cmds = []
        for _ in range(25):
            k = rng.randrange(24)
            r = rng.random()
            if r < 0.35:
                cmds.append(f"get /app/config/key{k}")
            elif r < 0.55:
                cmds.append(f'set /app/config/key{k} "v{rng.randint(1, 99)}"')
            elif r < 0.65:
                cmds.append(f'set -v {rng.randint(5, 9)} /app/config/key{k} "stale"')
            elif r < 0.75:
                cmds.append(f'create -e -s /app/locks/lock- "worker-{s}"')
            elif r < 0.82:
                cmds.append(f'create -e /app/workers/w{s} "up"')
            elif r < 0.9:
                cmds.append(rng.choice(["delete /app/config", "delete /app", "ls /app/locks", "stat /app/config"]))
            else:
                cmds.append(f"get /app/missing{k}")
        session(cmds)
    # a client that dies without closing its session: the server expires it after the timeout
    doomed = subprocess.Popen(cli, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                              start_new_session=True)  # zkCli.sh runs java as its child: kill them both
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # until its session is open
        if select.select([doomed.stdout], [], [], 1)[0] and "SyncConnected" in doomed.stdout.readline():
            break
    doomed.stdin.write('create -e /app/workers/doomed "up"\n')
    doomed.stdin.flush()
    time.sleep(2)
    os.killpg(doomed.pid, signal.SIGKILL)
    doomed.wait()
    for word in (b"ruok", b"stat", b"mntr", b"dump", b"\x00\x00\x00\x2aGARBAGE"):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
            c.sendall(word)
            try:
                c.recv(65536)
            except OSError:
                pass
    time.sleep(8)  # past the killed client's session timeout (4 s at most)
    session(["ls /app/workers", 'deleteall /app/locks', "ls /app"])
    stop(server)
    return {"zookeeper-debug-sessions": tmp / "zookeeper.log"}


def yarn_verbose(tmp: Path) -> dict[str, Path]:
    """`yarn add --verbose` into an empty project with an empty cache: express 4.19.2 and its
    dependency tree from the npm registry, then a version that does not exist, which fails. Yarn
    1.22.22 comes from the npm registry into the temp folder: Debian's yarnpkg does not start
    under this machine's node 20."""
    subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(tmp / "yarn"), "yarn@1.22.22"],
                   check=True, stdout=subprocess.DEVNULL, timeout=300, env={**os.environ, "npm_config_cache": str(tmp / "npm")})
    proj = tmp / "proj"
    proj.mkdir()
    (proj / "package.json").write_text('{"name": "shop", "version": "1.0.0", "license": "MIT"}\n')
    log = tmp / "yarn.log"
    env = {**os.environ, "HOME": str(tmp), "YARN_CACHE_FOLDER": str(tmp / "cache")}
    base = [str(tmp / "yarn/node_modules/.bin/yarn"), "add", "--verbose", "--non-interactive", "--no-progress", "--registry", "https://registry.npmjs.org"]
    with open(log, "wb") as f:
        for pkg in ("express@4.19.2", "left-pad@99.0.0"):
            subprocess.run([*base, pkg], cwd=proj, stdout=f, stderr=subprocess.STDOUT, env=env, timeout=600)
    return {"yarn-add-verbose-express": log}


def mariadb_clients(sock: Path, port: int) -> None:
    """The bounded, seeded client side of `mariadb`: logins, failures, dropped clients, deadlocks."""
    root = ["mariadb", "--no-defaults", f"--socket={sock}", "-uroot"]
    subprocess.run([*root, "-e", "CREATE DATABASE shop; CREATE USER 'app'@'127.0.0.1' IDENTIFIED BY 'secret-1';"
                    "GRANT ALL ON shop.* TO 'app'@'127.0.0.1';"
                    "CREATE TABLE shop.stock (id INT PRIMARY KEY, qty INT) ENGINE=InnoDB;"
                    "INSERT INTO shop.stock VALUES (1, 10), (2, 20), (3, 30);"], check=True, timeout=60)
    tcp = ["mariadb", "--no-defaults", "-h", "127.0.0.1", "-P", str(port)]
    rng = random.Random(17)
    for _ in range(700):
        r = rng.random()
        if r < 0.45:
            args = [*tcp, "-uapp", "-psecret-1", "shop", "-e", f"SELECT qty FROM stock WHERE id = {rng.randint(1, 3)}"]
        elif r < 0.65:
            args = [*tcp, f"-u{rng.choice(['app', 'admin', 'backup'])}", f"-p{rng.choice(['secret', 'hunter2', ''])}x",
                    "-e", "SELECT 1"]
        elif r < 0.75:
            args = [*tcp, "-uapp", "-psecret-1", rng.choice(["shop_old", "inventory"]), "-e", "SELECT 1"]
        else:  # a client that goes away in the middle of a query
            c = subprocess.Popen([*tcp, "-uapp", "-psecret-1", "shop", "-e", "SELECT SLEEP(5)"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.3)
            c.kill()
            c.wait()
            continue
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    for _ in range(3):  # two sessions take the same two rows in opposite orders; one is the victim
        a, b = (subprocess.Popen([*tcp, "-uapp", "-psecret-1", "--force", "-n", "shop"], stdin=subprocess.PIPE,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True) for _ in range(2))
        for proc, sql in ((a, "BEGIN; UPDATE stock SET qty = qty - 1 WHERE id = 1;"),
                          (b, "BEGIN; UPDATE stock SET qty = qty - 1 WHERE id = 2;"),
                          (a, "UPDATE stock SET qty = qty + 1 WHERE id = 2;"),
                          (b, "UPDATE stock SET qty = qty + 1 WHERE id = 1;"),
                          (a, "COMMIT;"), (b, "COMMIT;")):
            proc.stdin.write(sql + "\n")
            proc.stdin.flush()
            time.sleep(0.5)
        for proc in (a, b):
            proc.stdin.close()
            proc.wait(30)


def mariadb(tmp: Path) -> dict[str, Path]:
    """The MariaDB 10.11 server's error log (log_warnings=4, every deadlock printed) on 127.0.0.1,
    while a seeded client loop logs in (some with a wrong password or to an unknown database),
    drops connections without saying goodbye, and two sessions deadlock on one table a few times;
    then the server shuts down."""
    data, sock, port = tmp / "data", tmp / "mysqld.sock", free_port()
    log = tmp / "error.log"
    subprocess.run(["mariadb-install-db", "--no-defaults", f"--datadir={data}", "--user=root",
                    "--auth-root-authentication-method=socket"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=300)
    server = subprocess.Popen(["mariadbd", "--no-defaults", f"--datadir={data}", f"--socket={sock}", f"--port={port}",
                               "--bind-address=127.0.0.1", f"--log-error={log}", "--log-warnings=4", "--user=root",
                               f"--pid-file={tmp / 'mysqld.pid'}", "--innodb-buffer-pool-size=32M",
                               "--innodb-print-all-deadlocks=ON", "--max-connections=40"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(port)
        mariadb_clients(sock, port)
        subprocess.run(["mariadb-admin", "--no-defaults", f"--socket={sock}", "-uroot", "shutdown"], timeout=120)
        server.wait(120)
    finally:
        if server.poll() is None:
            stop(server)
    return {"mariadb-error-log-warnings4": log}


SOURCES = {
    "nginx": (nginx, "nginx 1.22.1 (Debian 12 nginx-light) serving a static site on 127.0.0.1, sent a seeded request mix by bench/validation/make_local_logs.py", "BSD-2-Clause (nginx); log generated locally"),
    "apache": (apache, "Apache httpd 2.4 (Debian 12 apache2) serving a static site on 127.0.0.1, LogLevel info, sent a seeded request mix by bench/validation/make_local_logs.py", "Apache-2.0 (httpd); log generated locally"),
    "caddy": (caddy, "Caddy 2.6.2 (Debian 12) JSON logs, access logs on, serving a static site on 127.0.0.1 with a dead upstream for /api/orders, sent a seeded request mix", "Apache-2.0 (Caddy); log generated locally"),
    "http_server": (http_server, "python3 -m http.server (CPython 3.11) stderr access log while serving a static site, seeded request mix", "PSF-2.0; log generated locally"),
    "maven": (maven, "Apache Maven 3.8 (Debian 12) `mvn -B -e -o compile` then `test` on a one-class project with an unresolvable dependency, offline, empty local repository", "Apache-2.0 (Maven); output generated locally"),
    "maven_debug": (maven_debug, "Apache Maven 3.8 (Debian 12) `mvn -X -B compile` on a one-class project, plugins fetched from Maven Central into an empty local repository", "Apache-2.0 (Maven); output generated locally"),
    "debootstrap": (debootstrap, "debootstrap 1.0.128 (Debian 12) of a minimal Debian 12 into a folder, then `apt-get install python3 curl openssh-client git less` in that chroot: its /var/log/bootstrap.log, /var/log/dpkg.log and the apt-get output", "GPL-2.0+ (dpkg, apt, debootstrap); logs generated locally"),
    "jvm": (jvm, "OpenJDK 17 (Debian 12) `java -Xlog:gc*=debug,safepoint=info,os+thread=info -XX:+UseG1GC -version`", "GPL-2.0 with Classpath exception (OpenJDK); output generated locally"),
    "grep_r": (grep_r, "GNU grep 3.8 `grep -r -e error -e GET -e debug .` over a folder holding the first 120 KB of three of these logs (apache-error-debug, python-http-server, caddy-console)", "see those cases; output generated locally"),
    "memcached": (memcached, "memcached 1.6.18 (Debian 12) `memcached -vv` on 127.0.0.1 (8 MB) while a seeded client loop in make_local_logs.py sets, gets, misses, deletes and sends bad commands", "BSD-3-Clause (memcached); log generated locally"),
    "lighttpd": (lighttpd, "lighttpd 1.4.69 (Debian 12) error log with debug.log-request-handling and debug.log-file-not-found on, serving a static site on 127.0.0.1 a seeded request mix", "BSD-3-Clause (lighttpd); log generated locally"),
    "ssh_client": (ssh_client, "OpenSSH 9.2p1 client (Debian 12) `ssh -vvv` stderr to a throwaway sshd on 127.0.0.1 with fresh ed25519 keys (client output only): an unauthorised key, an authorised one, then a changed host key", "BSD (OpenSSH); output generated locally"),
    "dnsmasq": (dnsmasq, "dnsmasq 2.90 (Debian 12) `--log-queries=extra` on 127.0.0.1 answering seeded UDP queries from make_local_logs.py (hosts file, local and blocked domains, a silent upstream)", "GPL-2.0 (dnsmasq); log generated locally"),
    "mosquitto": (mosquitto, "Mosquitto 2.0.11 (Debian 12) broker log, `log_type all`, on 127.0.0.1 while mosquitto_sub/mosquitto_pub clients subscribe and publish", "EPL-2.0/EDL-1.0 (Mosquitto); log generated locally"),
    "haproxy": (haproxy, "HAProxy 2.6.12 (Debian 12) `option httplog` and health-check log on stdout, on 127.0.0.1 in front of two python http.server backends and two dead ports, sent a seeded request mix; the backends stop halfway", "GPL-2.0+ (HAProxy); log generated locally"),
    "slurm": (slurm, "Slurm 22.05.8 (Debian 12 slurm-wlm) slurmctld (debug2) and slurmd (debug) on a one-node cluster on 127.0.0.1 (munge auth), while make_local_logs.py submits a seeded batch of 100 jobs: short jobs, failing jobs, srun steps, jobs asking for too many CPUs or a down/unknown partition, cancelled jobs, then a drained node", "GPL-2.0+ (Slurm); log generated locally"),
    "cargo_vv": (cargo_vv, "`cargo build -vv` (cargo/rustc 1.95.0) of a one-file binary crate depending on serde 1.0.210 (derive), serde_json 1.0.128 and anyhow 1.0.89 from crates.io, empty CARGO_HOME; the crate has an unused variable and a type error", "MIT OR Apache-2.0 (cargo, rustc, serde, serde_json, anyhow); output generated locally"),
    "zookeeper": (zookeeper, "ZooKeeper 3.8.0 (Debian 12 zookeeper) standalone on 127.0.0.1, log4j DEBUG to its rolling file (Debian's log4j.properties), while make_local_logs.py runs seeded zkCli sessions (creates, gets, stale-version sets, deletes of non-empty nodes, ephemeral and sequential nodes, missing nodes), kills one client so its session expires, and sends four-letter words and a garbage packet", "Apache-2.0 (ZooKeeper); log generated locally"),
    "yarn": (yarn_verbose, "Yarn 1.22.22 (npm package yarn, node 20) `yarn add --verbose --non-interactive --no-progress --registry https://registry.npmjs.org` of express@4.19.2 into an empty project with an empty cache, then of left-pad@99.0.0 (no such version)", "BSD-2-Clause (Yarn); package names from the npm registry (MIT); output generated locally"),
    "mariadb": (mariadb, "MariaDB 10.11 (Debian 12 mariadb-server) error log, log_warnings=4 and innodb_print_all_deadlocks on, on 127.0.0.1 while make_local_logs.py runs 700 seeded client logins (good ones, wrong passwords, unknown databases, clients killed mid-query), three deadlocks between two sessions, then a shutdown", "GPL-2.0 (MariaDB); log generated locally"),
    "uvicorn": (uvicorn, "uvicorn 0.55.0 (PyPI; h11 0.16.0) console with its access log, serving a static site through a small ASGI app (in make_local_logs.py) on 127.0.0.1, sent a seeded request mix; one endpoint raises", "BSD-3-Clause (uvicorn); log generated locally"),
    "gin": (gin, "Gin v1.12.0 (Go module proxy; go 1.26) server console in debug mode (gin.Default), built from the small app in make_local_logs.py, on 127.0.0.1, sent a seeded request mix; one endpoint fails", "MIT (Gin); log generated locally"),
    "strace": (strace, "strace 6.1 (Debian 12) of a non-Python program; the command is in make_local_logs.py", "LGPL-2.1+ (strace); traced programs GPL/MIT; output generated locally"),
}


# A build's output is scored as the test kind (its needles by needles_test.py): what it is read
# for is its diagnostics, and its progress lines fold as a build's do.
BUILD_OUTPUT = {"cargo-build-vv-serde"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", choices=sorted(SOURCES), help="run this source only")
    ap.add_argument("--cases", help="write only these cases (comma-separated names; a name that no source "
                    "run makes is an error)")
    args = ap.parse_args()
    wanted = set(args.cases.split(",")) if args.cases else None
    made: set[str] = set()
    for key, (make, source, licence) in SOURCES.items():
        if args.only and args.only != key:
            continue
        tmp = Path(tempfile.mkdtemp(prefix=f"hrlog-{key}-"))
        try:
            for name, path in make(tmp).items():
                made.add(name)
                if wanted is not None and name not in wanted:
                    continue
                data = path.read_bytes()
                if len(data) > LIMIT:  # whole lines only
                    data = data[: data.rfind(b"\n", 0, LIMIT) + 1]
                kind = "test" if name in BUILD_OUTPUT else "log"
                case = HERE.parent / kind / name
                case.mkdir(parents=True, exist_ok=True)
                (case / ("input.txt" if kind == "test" else "input.log")).write_bytes(data)
                (case / "case.json").write_text(json.dumps(
                    {"kind": kind, "source": source + f" ({name})", "license": licence, "needles": [],
                     "why": ""}, indent=1) + "\n")
                print(name, len(data))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    # a mistyped name would otherwise write nothing and succeed
    if wanted is not None and wanted - made:
        sys.exit(f"make_local_logs.py: no case named {', '.join(sorted(wanted - made))} "
                 f"(the sources run make {', '.join(sorted(made))})")


if __name__ == "__main__":
    main()
