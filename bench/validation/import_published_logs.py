#!/usr/bin/env python3
"""Copies the validation logs that open-source projects publish as test data.

    python3 bench/validation/import_published_logs.py MIRRORS_DIR

MIRRORS_DIR holds bare clones named `owner+name/repo` (as the team's `fetch` tool leaves them);
each file is read at the pinned commit with `git show`, so the copy is exact. case.json gets
source and licence; `needles_log.py` adds the needles.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "log"

ZAT = ("SuperCowPowers/zat", "00a2373cd4043e535ec754c35349510091ba92f4", "MIT (SuperCowPowers/zat); Zeek logs of its sample captures")
IIS = ("brianary/scripts", "903afb654683fdbcca223d58fd83ec5bde3040f2", "MIT (brianary/scripts test data)")
LV = ("opcodesio/log-viewer", "8afefde09f6005f7d8ee3f628aa311f27c91d125", "MIT (opcodesio/log-viewer)")

LLV = ("rap2hpoutre/laravel-log-viewer", "ab85d5d88de728b99a9391a0c70e9b2f5743a589", "MIT (rap2hpoutre/laravel-log-viewer)")
LOKI = ("grafana/loki", "65e30f8488e8a5ea2013c6881675f8103a8f6bc7",
        "AGPL-3.0 (grafana/loki); real logs of Grafana Labs' dev clusters, its pattern-miner test data")
CCV = ("Cloud-CV/CloudCV-Old", "e8e0252f044265f31538761805b08476db454edb", "MIT (Cloud-CV/CloudCV-Old LICENSE.txt)")
CCV_2015 = ("Cloud-CV/CloudCV-Old", "00d3caff4f0fdd493e8693871c6402b547c765fb", "MIT (Cloud-CV/CloudCV-Old LICENSE.txt)")
CAMUNDA = ("RahulVerma1990/Camunda-Logs", "075d3df6072544c224d59f3248b89706019dbefe",
           "no licence stated (a repository published to share these Tomcat logs of Camunda BPM 7.10 EE)")
BAOBAB = ("BaobabHealthTrust/core_patient_registration", "a8b97e72c8f6defa925826f7e9feba0549dacf55",
          "no licence stated (Baobab Health Trust's public repository; the Rails app's own log, committed)")
AIDE = ("ASQIIHealthTech/aideDecision", "62392276811047310172086c0811da21017fff99",
        "no licence stated (the Spring Boot app's own log, committed to its public repository)")
YUNTAI = ("37626/yuntai-spring-cloud", "740c9a82d30bd59771793f596c88d5dfe18e01cb",
          "no licence stated (the Spring Cloud app's own log, committed to its public repository)")
C365 = ("kittykatchunks/365connect", "f4c1945f6234124d243cc8abbf410d92a1281505",
        "AGPL-3.0 (kittykatchunks/365connect); its Node.js server's pm2 error log, committed")
DROUTE = ("fcavani/droute", "e59f70d4f5d1938dad7c4f92ef378673f10cc591",
          "Apache-2.0 (fcavani/droute); the Go server's panic log, committed")
JTD = ("parttimenerd/jthreaddump", "15e01be1bb9bbf8d9a3efc73c4354e4a586e3856",
       "MIT (parttimenerd/jthreaddump); jstack output of its test JVMs")

CASES = {
    "zeek-http-json": (ZAT, "data/json/http.log"),
    "zeek-files-json": (ZAT, "data/json/files.log"),
    "zeek-kerberos-json": (ZAT, "data/json/kerberos.log"),
    "laravel-stacktrace": (LLV, "tests/laravel.log"),
    "access-published": (LV, "tests/Unit/AccessLogs/Fixtures/access_dummy.log"),
    "zeek-conn-tsv": (ZAT, "data/conn.log"),
    "zeek-dns-tsv": (ZAT, "data/dns.log"),
    "zeek-http-tsv": (ZAT, "data/http.log"),
    "zeek-files-tsv": (ZAT, "data/files.log"),
    "zeek-ssl-json": (ZAT, "data/json/ssl.log"),
    "zeek-dns-json": (ZAT, "data/json/dns.log"),
    "zeek-conn-json": (ZAT, "data/json/conn.log"),
    "iis-w3c-u_ex160110": (IIS, "test/data/u_ex160110.log"),
    "iis-w3c-u_ex100815": (IIS, "test/data/u_ex100815.log"),
    "apache-error-published": (LV, "tests/Unit/AccessLogs/Fixtures/errors_dummy.log"),
    # application logs of servers (Java, Go) and stack traces
    "kafka-broker-server": (LOKI, "pkg/pattern/drain/testdata/kafka.txt"),
    "calico-felix-debug": (LOKI, "pkg/pattern/drain/testdata/calico.txt"),
    "grafana-agent-logfmt": (LOKI, "pkg/pattern/drain/testdata/agent-logfmt.txt"),
    "jstack-three-way-deadlock": (JTD, "src/test/resources/three-way-deadlock.txt"),
    "celery-worker-tracebacks": (CCV, "celery.log", 400_000),
    "django-request-tracebacks": (CCV_2015, "mysite.log"),
    "tomcat-catalina-out-camunda": (CAMUNDA, "catalina.out"),
    "rails2-production-log": (BAOBAB, "log/production.log"),
    "spring-boot-startup-errors": (AIDE, "logs/spring.log"),
    "spring-cloud-nacos-errors": (YUNTAI, "logs/spring.log", 400_000),
    "node-pm2-error-log": (C365, "logs/pm2-error.log"),
    "go-panic-goroutine-dump": (DROUTE, "panic.log"),
}


def cut(data: bytes, limit: int | None = None) -> bytes:
    """The file, or its lines that fit in `limit` bytes (for a published log too large to keep whole)."""
    if limit is None or len(data) <= limit:
        return data
    return data[:data.rindex(b"\n", 0, limit) + 1]


def main() -> None:
    mirrors = Path(sys.argv[1])
    for name, ((repo, commit, licence), path, *limit) in CASES.items():
        git = mirrors / repo.replace("/", "+") / "repo"
        if (git / ".git").is_dir():  # `fetch` leaves some mirrors as a clone with a work tree
            git = git / ".git"
        whole = subprocess.run(["git", "--git-dir", str(git), "show", f"{commit}:{path}"],
                               capture_output=True, check=True).stdout
        data = cut(whole, *limit)
        source = f"{repo}@{commit}:{path}"
        if len(data) < len(whole):
            source += f" (its first {len(data)} of {len(whole)} bytes, cut at a line end)"
        case = HERE / name
        case.mkdir(parents=True, exist_ok=True)
        (case / "input.log").write_bytes(data)
        (case / "case.json").write_text(json.dumps(
            {"kind": "log", "source": source, "license": licence, "needles": [], "why": ""},
            indent=1) + "\n")
        print(name, len(data))

if __name__ == "__main__":
    main()
