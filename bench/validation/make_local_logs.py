#!/usr/bin/env python3
"""Writes the validation logs that come from real tools run on this machine.

    python3 bench/validation/make_local_logs.py [--only SOURCE] [--cases NAME,...]

Each case is the log a real program wrote while serving or doing real work here: nginx, Apache
and Caddy (from Debian 12 apt) and Python's http.server serving a small static site on
127.0.0.1, sent a bounded, seeded set of requests (some to missing, forbidden and failing
paths); strace (6.1) of ordinary non-Python programs; Maven's debug log; and the package logs
of a Debian system that debootstrap builds in a folder. Nothing in a log is written by this
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
                       stdout=f, stderr=subprocess.STDOUT, env={**os.environ, "HOME": str(tmp)})
    return {"maven-debug-compile": log}


def debootstrap(tmp: Path) -> dict[str, Path]:
    """A new Debian system's own package logs: debootstrap of a minimal bookworm into a folder,
    then `apt-get install` inside it. These are that chroot's logs, not this machine's (which
    DESIGN.md reserves for the hidden set). Needs root and the Debian mirror."""
    root = tmp / "root"
    subprocess.run(["debootstrap", "--variant=minbase", "bookworm", str(root), "http://deb.debian.org/debian"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    shutil.copy("/etc/resolv.conf", root / "etc/resolv.conf")
    install = tmp / "apt-get-install.log"
    with open(install, "wb") as f:
        subprocess.run(["chroot", str(root), "apt-get", "update", "-q"], stdout=subprocess.DEVNULL, check=True)
        subprocess.run(["chroot", str(root), "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y",
                        "-q", "python3", "curl", "openssh-client", "git", "less"], stdout=f, stderr=subprocess.STDOUT)
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
    "strace": (strace, "strace 6.1 (Debian 12) of a non-Python program; the command is in make_local_logs.py", "LGPL-2.1+ (strace); traced programs GPL/MIT; output generated locally"),
}


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
                case = HERE / name
                case.mkdir(parents=True, exist_ok=True)
                (case / "input.log").write_bytes(data)
                (case / "case.json").write_text(json.dumps(
                    {"kind": "log", "source": source + f" ({name})", "license": licence, "needles": [],
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
