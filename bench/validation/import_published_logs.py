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

# syslog / journald / apt / dpkg: forensic-tool test data, and /var/log trees their owners pushed to GitHub.
PLASO = ("log2timeline/plaso", "4ea03ef9a48dad5284c371ac9b537a184b3eea9c", "Apache-2.0 (log2timeline/plaso test data)")
MTAIL = ("google/mtail", "4c7e0e1174ac1ead032efe28d86428bbbe0ae145", "Apache-2.0 (google/mtail test data)")
PLANETFS = ("pfpacket/fuse_planetfs", "dcbdf1a6987358547722a96b0027629bc75bb7c4", "BSD-2-Clause (pfpacket/fuse_planetfs)")
UNLICENSED = "no licence stated; the owner's own system logs, published in a public GitHub repository"
SERVERLOG = ("PhoenixYanrongLi/ServerLog", "132a3a12cc69c86e5bbfdeeb468b86c6ff8066dc", UNLICENSED)
UBTOUCH = ("alexforsale/ubtouch-dmesg", "76ecf210d4eaf095f1b4b4fc1a046a40a4e45a8c", UNLICENSED)
PINGA = ("teliten/log.pinga", "d036f2cc6d1d92ea831eb73c8130b379fea48c98", UNLICENSED)
SUPERMICRO = ("clu6/supermicro", "3e4f1cb79f35c1aceeb88587aa5a9dcf6c78a0a6", UNLICENSED)
NFTBLOCKER = ("permittivity2/nftables_blocker", "af31d7efd356aef03a6e48ccbb543b02ceb716b8", "no licence stated; the sample auth.log a log-driven firewall tool shipped")
VENROOT = ("VenRoot/logs", "07766c2089c43d6197ec6570a370f8aceb07b196", UNLICENSED)

MAX_BYTES = 400_000  # a case cut to this (at a line boundary) says so in its source

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
    # syslog / journald / apt / dpkg
    "apt-history-debian9": (PLASO, "test_data/apt_history.log"),
    "apt-term-debian10": (PINGA, "apt/term.log"),
    "dpkg-log-ubuntu1404": (SERVERLOG, "dpkg.log.1"),
    "rsyslog-ubuntu1404-server": (SERVERLOG, "syslog.1"),
    "rsyslog-ubuntu-touch": (UBTOUCH, "syslog"),
    "dmesg-rocky9-server": (SUPERMICRO, "dmesg.txt"),
    "sshd-auth-log": (NFTBLOCKER, "var/log/auth.log"),
    "sshd-sftp-syslog": (MTAIL, "internal/mtail/testdata/sftp_chroot.log"),
    "journalctl-popos-boot": (VENROOT, "journalctl.log"),
    "journalctl-fuse-daemon": (PLANETFS, "journalctl.log"),
}


def main() -> None:
    mirrors = Path(sys.argv[1])
    for name, ((repo, commit, licence), path) in CASES.items():
        git = mirrors / repo.replace("/", "+") / "repo"
        if (git / ".git").is_dir():  # some snapshots arrive as a work tree
            git = git / ".git"
        data = subprocess.run(["git", "--git-dir", str(git), "show", f"{commit}:{path}"],
                              capture_output=True, check=True).stdout
        source = f"{repo}@{commit}:{path}"
        if len(data) > MAX_BYTES:
            data = data[:data.rindex(b"\n", 0, MAX_BYTES) + 1]
            source += f" (its first {len(data)} bytes, cut at a line boundary)"
        case = HERE / name
        case.mkdir(parents=True, exist_ok=True)
        (case / "input.log").write_bytes(data)
        (case / "case.json").write_text(json.dumps(
            {"kind": "log", "source": source, "license": licence, "needles": [], "why": ""},
            indent=1) + "\n")
        print(name, len(data))


if __name__ == "__main__":
    main()
