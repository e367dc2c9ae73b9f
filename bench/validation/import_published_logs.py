#!/usr/bin/env python3
"""Copies the validation logs that open-source projects publish as test data.

    python3 bench/validation/import_published_logs.py MIRRORS_DIR [--cases NAME,...]

MIRRORS_DIR holds bare clones named `owner+name/repo` (as the team's `fetch` tool leaves them);
each file is read at the pinned commit with `git show`, so the copy is exact (a `.gz` file is
gunzipped; a case may take a range of lines of a longer file; a file over `MAX_BYTES` keeps only
the whole lines that fit, and `source` says so). `--cases` imports only the cases named.
case.json gets source and licence; `needles_log.py` adds the needles.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "log"

ZAT = ("SuperCowPowers/zat", "00a2373cd4043e535ec754c35349510091ba92f4", "MIT (SuperCowPowers/zat); Zeek logs of its sample captures")
IIS = ("brianary/scripts", "903afb654683fdbcca223d58fd83ec5bde3040f2", "MIT (brianary/scripts test data)")
LV = ("opcodesio/log-viewer", "8afefde09f6005f7d8ee3f628aa311f27c91d125", "MIT (opcodesio/log-viewer)")

LLV = ("rap2hpoutre/laravel-log-viewer", "ab85d5d88de728b99a9391a0c70e9b2f5743a589", "MIT (rap2hpoutre/laravel-log-viewer)")
BK = ("buildkite/terminal-to-html", "b62296c6de3622b22941c7ab0f68030e5f18f302", "MIT (buildkite/terminal-to-html test fixtures; Buildkite job logs)")
CIDIFF = ("labri-progress/cidiff", "3cad9e8e4278e0eea38551b4f71cc1cf08bd9d14",
          "Apache-2.0 (labri-progress/cidiff breakage dataset: real CI job logs of the named project)")
HG = ("robusta-dev/holmesgpt", "c1ee1d43598b89ca59481615b40a3340a32f2202", "Apache-2.0 (robusta-dev/holmesgpt LLM test fixtures: pod logs recorded from real clusters, under a 2-3 line fixture header)")
TH = ("mozilla/treeherder", "dc3080dd746d4732d5e06c0272471834d4639da0", "MPL-2.0 (mozilla/treeherder test sample data; Firefox CI logs)")

SIMPLEX = ("ava-labs/Simplex", "811b6c9e60944064c8001c5f54e60edd2eb1c6c4", "BSD-3-Clause (ava-labs/Simplex); a GitHub Actions job's raw log, committed")
FUELJOBS = ("rkhozinov/jenkins-jobs", "f90a3c85ccaed8d42631099fb7ab16fea2f43dab", "Apache-2.0 (rkhozinov/jenkins-jobs LICENSE.md); a Jenkins job's console, committed")
OPEN5GS = ("LucaVignati/comnetsemu_open5gs", "adf13b1f8a4107dff02070d07ffc92ffd44fb119", "BSD-2-Clause (LucaVignati/comnetsemu_open5gs); 'docker compose logs' of its Open5GS stack, committed")
PARADEDB = ("paradedb/paradedb", "289ccbd20cd2984a4f0657e419ac5576db1526c3", "AGPL-3.0 (paradedb/paradedb); an Antithesis CI job's log, committed")
OPENWRT = ("Eay5/OPENWRT-HOME", "9d5cfcdb0a505902beaed50ad2e2891339e2259d", "MIT (Eay5/OPENWRT-HOME); a GitHub Actions job's raw log of an OpenWrt build, committed")
HUMANAGENT = ("3DTek-xyz/HumanAgent-MCP", "a414a4f70dac8dee665292f81b70dfd5fd43baa4", "GPL-3.0 (3DTek-xyz/HumanAgent-MCP LICENSE.md); its MCP server's winston log, committed")
SKYLITE = ("DeRusto/SkyLite-UX", "41ce196bb8e43348b685ede3089dc10db8c3eee4", "MIT (DeRusto/SkyLite-UX); a GitHub Actions job's raw log (npm build, TypeScript errors), committed")
LFGIT = ("scto/LFGit", "8b834a65a9b7ef9508fd6f9c3523d080dce7deef", "GPL-3.0 (scto/LFGit); a GitHub Actions job's raw log of an Android Gradle build that fails, committed")
PALADIN = ("LFDT-Paladin/paladin", "e67b85519a33ed3f87b3e4c925c036e93e6d96d6", "Apache-2.0 (LFDT-Paladin/paladin); a BuildKit `docker build` log, committed")
CMO = ("openshift/cluster-monitoring-operator", "8a51d70a30fd8401b4111f91eef0b107187875e1",
       "Apache-2.0 (openshift/cluster-monitoring-operator); the operator's klog output, committed by mistake")
WILAN = ("DHBW-Coding/wilan_of_shame_backend", "4aca30e29c5385fd1127b94761d5e34e041705f1", "GPL-3.0 (DHBW-Coding/wilan_of_shame_backend); dnsmasq's DNS and DHCP log, committed")

# syslog / journald / dmesg / apt: forensic and log-tool test data, and system logs published under an open licence.
PLASO = ("log2timeline/plaso", "4ea03ef9a48dad5284c371ac9b537a184b3eea9c", "Apache-2.0 (log2timeline/plaso test data)")
MTAIL = ("google/mtail", "4c7e0e1174ac1ead032efe28d86428bbbe0ae145", "Apache-2.0 (google/mtail test data)")
PLANETFS = ("pfpacket/fuse_planetfs", "dcbdf1a6987358547722a96b0027629bc75bb7c4", "BSD-2-Clause (pfpacket/fuse_planetfs)")
ELASTIC_EX = ("elastic/examples", "6d86454ebb7a850bcd7e80abe86fe683370018a6",
              "Apache-2.0 (elastic/examples); the auth.log of an Ubuntu EC2 host, data of its suspicious-login ML recipe")
SYZKALLER = ("google/syzkaller", "1e72964b0111319984575e60f266d1fa0a98abb5",
             "Apache-2.0 (google/syzkaller test data); the serial console of a GCE VM rebooting, under a 3-line fixture header")
VVOS = ("VaisVaisov/vv-os", "83c2682d4d3d78eb97666584594a355164e00c12",
        "MIT (VaisVaisov/vv-os); journalctl output of its author's Arch desktop, committed")

# application logs of servers (Java, Go) and stack traces
LOKI = ("grafana/loki", "65e30f8488e8a5ea2013c6881675f8103a8f6bc7",
        "AGPL-3.0 (grafana/loki); real logs of Grafana Labs' dev clusters, its pattern-miner test data")
CCV = ("Cloud-CV/CloudCV-Old", "e8e0252f044265f31538761805b08476db454edb", "MIT (Cloud-CV/CloudCV-Old LICENSE.txt)")
CCV_2015 = ("Cloud-CV/CloudCV-Old", "00d3caff4f0fdd493e8693871c6402b547c765fb", "MIT (Cloud-CV/CloudCV-Old LICENSE.txt)")
SAKAI = ("frobomjava/sakai", "b680958dc7f8628b00cdde059f147af7e8e1d522",
         "ECL-2.0 (frobomjava/sakai, a fork of Sakai; LICENSE at that commit); the Tomcat catalina.out of its Sakai server, committed")
APOLLO = ("apolloconfig/apollo", "e4b686fe7cd90a232f5f77dcbbed14e631cd70b7",
          "Apache-2.0 (apolloconfig/apollo LICENSE at that commit); a developer's own logs of Apollo's Spring Boot / Spring Cloud services, committed to logs/")
PLA = ("seattlerb/production_log_analyzer", "f7f04c64660dc21901aa9fe3c99a16f40c7f1585",
       "BSD-3-Clause (seattlerb/production_log_analyzer LICENSE.txt); 43 Things' Rails production log via syslog, its test data")
C365 = ("kittykatchunks/365connect", "f4c1945f6234124d243cc8abbf410d92a1281505",
        "AGPL-3.0 (kittykatchunks/365connect); its Node.js server's pm2 error log, committed")
DROUTE = ("fcavani/droute", "e59f70d4f5d1938dad7c4f92ef378673f10cc591",
          "Apache-2.0 (fcavani/droute); the Go server's panic log, committed")
JTD = ("parttimenerd/jthreaddump", "15e01be1bb9bbf8d9a3efc73c4354e4a586e3856",
       "MIT (parttimenerd/jthreaddump); jstack output of its test JVMs")

# Windows, Android and database server logs
PLASO_SETUPAPI = (*PLASO[:2], "Apache-2.0 (log2timeline/plaso LICENSE at that commit); the setupapi.dev.log of a Windows 10 "
                  "host (driver installs), its test data")
PLASO_TEAMVIEWER = (*PLASO[:2], "Apache-2.0 (log2timeline/plaso LICENSE at that commit); a TeamViewer 15 log of a Windows "
                    "host, its test data")
TH_LOGCAT = (*TH[:2], "MPL-2.0 (mozilla/treeherder test sample data); the `adb logcat -v time` dump a Firefox for Android "
             "crashtest job printed at its end (Pandaboard, Android 4.0)")
MTOOLS = ("rueckstiess/mtools", "a5e45ef7aebeeb459a2162d3399faf631222cd9a",
          "Apache-2.0 (rueckstiess/mtools LICENSE.md); the mongod 3.6.23 log of a MongoDB Atlas replica set member, its test data")

# a third and fourth batch of logs never seen before, found by helpers, with an open licence
PETCLINIC = ("prasad-moru/petclinic_microservices_app", "b625d18fda6b72c30a8380fab45ab671235f1880",
             "Apache-2.0 (prasad-moru/petclinic_microservices_app LICENSE at that commit); 'docker compose logs' of its Spring Boot services, committed")
FILESTORE = ("pjh/gcp-filestore-csi-driver", "9457c871057325cd8a4b5682d877b62d5ca31dbd",
             "Apache-2.0 (pjh/gcp-filestore-csi-driver LICENSE at that commit); a Windows node's kubelet log (klog), committed")
MONITOR = ("maborak/monitor-stack", "1f902a9b930fbdcff280547248adc4510c485d3b",
           "MIT (maborak/monitor-stack LICENSE); Traefik's JSON access log, committed")
KUBECLUSTER = ("b-k-g-it/kube-cluster", "6a8a25be67aa95463b65b59530169480cf1b236a",
               "Apache-2.0 (b-k-g-it/kube-cluster LICENSE); kube-scheduler's output under docker compose, committed")
HUMANLOG = ("humanlogio/humanlog", "15d733f9b72b911dca5de9c1e6b2e110cf57589e",
            "Apache-2.0 (humanlogio/humanlog LICENSE.md); a Go service's slog JSON log, its benchmark data")
WEIBO = ("SpiderClub/weibospider", "f3a1a0ecf084d5d9cdb7dcdbd66a30c529a850be",
         "MIT (SpiderClub/weibospider LICENSE at that commit); its Celery worker's log, committed")
IISREADER = ("mrsalmon1976/IISLogReader", "7fcdeeb64bf58fd798d332d035ee6254f13283cf",
             "MIT (mrsalmon1976/IISLogReader LICENSE); an IIS 8.5 W3C log, its test asset")

# the eighth unseen batch: the logs among its 25 whose repositories state an open licence
SHORTLINK = ("AnY-yy/ShortLink", "43f4e62450fd635ddd26f4cfe34eaec1c6a70ec5", "MIT (AnY-yy/ShortLink README); its Go service's zap JSON log, committed")
QNAP = ("hooyao/qnap-rtl8159-driver", "5b1b6a981a089c2c0b668f5a624ded876755c977", "MIT (hooyao/qnap-rtl8159-driver); a GitHub Actions job's raw log (buildx, a kernel driver build), committed")
S3PROXY = ("gmoon/s3proxy", "d0f7fcac65009b5588a068251d16dd1643f96f96", "Apache-2.0 (gmoon/s3proxy); a GitHub Actions job's raw log whose npm tests fail, committed")
MISTKIT = ("brightdigit/MistKit", "35fc9987bec93e1ce5cb94a15ffb71f403b6076d", "MIT (brightdigit/MistKit); a GitHub Actions job's raw log of a Swift wasm build, committed")
TERRAFORM_CRASH = ("Diz0m/terraform", "85deb8a4e2eccb5fd2fdebd6f8be1883860fb4ea", "Apache-2.0 (Diz0m/terraform); Terraform's trace log and a provider's Go panic, committed")
SAKULI = ("ConSol/sakuli", "8fbdbc2a3d1c117fe4234ac85f6d1fc361b631ae", "Apache-2.0 (ConSol/sakuli); a Jenkins console of a Maven release, committed")
OPERATOR = ("Iam-Karan-Suresh/Operator-Repository", "40c24d022abb69e2c491d62d1e46af0735b5f53f", "MIT (Iam-Karan-Suresh/Operator-Repository); a controller-runtime operator's run log, committed")

# the ninth unseen batch: the logs among its 33 whose repositories hold a licence at that commit
TIMETRACKER = ("DRYTRIX/TimeTracker", "90dde470da961ee74145686f1f8491b24e070642", "GPL-3.0 (DRYTRIX/TimeTracker LICENSE); its Flask app's JSON-lines log, committed")
DOCKERWP = ("cdrobey/docker-wordpress", "b1853233aae3d011c31240ff95b020090b799ccf", "Apache-2.0 (cdrobey/docker-wordpress LICENSE); Traefik's own logrus log, committed")
ROOTSTOCK = ("rsksmart/rootstock-integration-tests", "dc9641c1f34ca00d21665fea54cd508360d7676f", "MIT (rsksmart/rootstock-integration-tests LICENSE); a GitHub Actions job's raw log, committed")
ISPMAIL = ("CroneKorkN/ispmail-admin", "c8646391aed6c5997e6d236f9c4a73d28de29ae4", "GPL-3.0 (CroneKorkN/ispmail-admin LICENSE); a Rails production.log with errors, committed")
KAFKA_WIN = ("ARPANARIT/kafka", "4a9c7f693f9e02e754d5592f4c1e1eefb9c4abbc", "Apache-2.0 (ARPANARIT/kafka LICENSE, a Kafka distribution); a broker's server.log on Windows, committed")

# the eleventh and twelfth unseen batches: the logs whose repositories hold a licence at that commit
ALIRO = ("EpistasisLab/Aliro", "bb926c86054f9ea7da2ba99c08154344eac1d72b", "GPL-3.0 (EpistasisLab/Aliro LICENSE); 'docker compose up --build' of its stack (BuildKit, then the services), committed")
LORESMITH = ("AulendurForge/LLM-LoreSmith", "3b09896b4ede29dac3fd4b56b45a4a8ea774c8d6", "MIT (AulendurForge/LLM-LoreSmith LICENSE); 'docker compose logs' of an ELK, Grafana and vLLM stack, committed")
INFRAHOUSE = ("infrahouse/pytest-infrahouse", "17c7bcd7b292296253af98ef154a542c54bd94de", "Apache-2.0 (infrahouse/pytest-infrahouse LICENSE); a GitHub Actions job's raw log (Terraform tests), committed")
VERRAZZANO = ("verrazzano/verrazzano", "47f790a52d271666c242d2a7040134b455428e32", "UPL-1.0 (verrazzano/verrazzano LICENSE.txt); an ingress-nginx controller's 'kubectl logs' in a cluster snapshot, committed")
WEBVM = ("Ensembl/webvm", "7124f46ac57f3feb28f96750107c940406969a56", "Apache-2.0 (Ensembl/webvm LICENSE); an Apache httpd 2.4 error_log, committed")
CONSUL = ("winterx64/nomad", "9bc9dde19ca411b8f730246294304f9ffc96817d", "MIT (winterx64/nomad LICENSE); a Consul agent's hclog output, committed")

# the twenty-fourth and twenty-fifth unseen batches: the logs whose repositories hold a licence at that commit
SURICATA = ("nicoaller/suricata-log-analyzer", "f54c8da1109d0de1ea58a89de6f883bb3a735bdb", "MIT (nicoaller/suricata-log-analyzer LICENSE.txt); Suricata's eve.json of a capture it read, committed")
CLICKHOUSE = ("Jairodub/tiny-clickhouse", "1fb2a3cd138f29debef0316d2bc3ae8b6400dd8f", "MIT (Jairodub/tiny-clickhouse LICENSE); a ClickHouse server's error log, committed")
KAFKA_ZK = ("Barhoumi-mohamedali/kafka-mysql", "3f8c5f890b4f6b8103636b229c34febe89415b84", "Apache-2.0 (Barhoumi-mohamedali/kafka-mysql LICENSE, a Kafka distribution); a broker's hourly server.log, committed")
DUALZONE = ("2048lr/Dual-zone_network_positioning", "0c4eb8194f940e88f26db477049dfb13f77d7b39", "GPL-3.0 (2048lr/Dual-zone_network_positioning LICENSE at that commit); a GitHub Actions job's raw log of an Android Gradle build that fails, committed")
ODOO_HMS = ("Kareem-abouzait/odoo-Hospitals-Management-system-", "2377d0194943dedac37fc0b5eb531cddfca1ee44", "LGPL-3.0 (Kareem-abouzait/odoo-Hospitals-Management-system- LICENSE, Odoo's); an Odoo 15 server's log with tracebacks, committed")
JSCEP = ("jscep/jscep", "2ab3250e0528de8b7119b44e4aef6c4a9d24bbd5", "MIT (jscep/jscep LICENCE.txt); a Maven build's console on Windows (CRLF), its tests' debug log and hex dumps among surefire's lines, committed")
TZUROT = ("lbds137/tzurot", "4aa6671d8b30cbe9ee757264faa09c7ba981c1aa", "MIT (lbds137/tzurot LICENSE at that commit); a GitHub Actions job's raw log of a pnpm monorepo failing on ESLint errors, committed")
KOPS = ("eddycharly/terraform-provider-kops", "590162361afb41776f135ee837c6bc3f36b9e451", "Apache-2.0 (eddycharly/terraform-provider-kops LICENSE); Terraform's trace log of a run with its kops provider, committed")
CODEX_MC = ("aternosorg/codex-minecraft", "836d80ed11f8629ff3072a94f19f2ed0f9008961", "MIT (aternosorg/codex-minecraft LICENSE); a Minecraft Forge server's log of its start, its parser's test data")
MCP_STANDARDS = ("williamzujkowski/mcp-standards-server", "f01d37b85f6bc1522076ed78c7f8065dc463dbdf", "MIT (williamzujkowski/mcp-standards-server LICENSE); a failed GitHub Actions run's logs (pytest end-to-end jobs), committed")
CEPH_PARSER = ("eljabsheh/ceph_log_parser", "050a6d1c9c6bf9b525ac6429961f17c2d6a905a0", "GPL-3.0 (eljabsheh/ceph_log_parser LICENSE); a Ceph cluster log (mon and osd: failure reports, slow requests), committed as a parser's sample")
PARSE_FIREWALL = ("BetaHydri/ParseFirewallLog", "5ad97a649f37cbd384af19a532ccedb5001b38e3", "MIT (BetaHydri/ParseFirewallLog LICENSE); a Windows Firewall pfirewall.log, committed as a parser's sample")
BANNOU = ("beyond-immersion/bannou-service", "d08557ad72c7102164cd2a684f538cd8bc3c0076", "MIT (beyond-immersion/bannou-service LICENSE); a GitHub Actions job's log of .NET integration tests in docker compose, committed")

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
    # container and CI logs: Taskcluster, buildbot, mozlog, Buildkite, GitHub Actions, Jenkins, kubectl logs
    "taskcluster-mochitest-timeout": (TH, "tests/sample_data/logs/taskcluster-timeout.log.gz"),
    "taskcluster-awsy": (TH, "tests/sample_data/logs/linux-awsy.txt.gz"),
    "buildbot-talos-xperf": (TH, "tests/sample_data/artifacts/performance/talos_logs/mozilla-central_win7-ix_test-xperf-bm112-tests1-windows-build107.txt.gz"),
    "mozlog-mochitest-raw": (TH, "tests/sample_data/logs/plain-chunked_raw.log.gz"),
    "buildkite-buildah-build": (BK, "fixtures/buildah-build.sh.raw"),
    "buildkite-docker-compose-pull": (BK, "fixtures/docker-compose-pull.sh.raw"),
    "gha-maven-verify-failed-job": (CIDIFF, "data/breakages/google_auto_693/fail.log"),
    "jenkins-maven-test-disk-full": (CIDIFF, "data/breakages/sorald_445/fail.log"),
    "gh-run-view-log-gradle-test-failed": (CIDIFF, "data/breakages/cidiff_11/fail.log"),
    "gha-go-test-consensus": (SIMPLEX, "0_build.txt"),
    "jenkins-console-fuel-contrail-deploy": (FUELJOBS, "consoleText"),
    "compose-logs-open5gs-ansi": (OPEN5GS, "docker-compose.log"),
    "winston-json-mcp-server": (HUMANAGENT, "logs/combined.log"),
    "antithesis-ci-job": (PARADEDB, "job.log"),
    "gha-openwrt-build": (OPENWRT, "0_build.txt"),
    "gha-nuxt-typecheck-failed": (SKYLITE, "0_build.txt"),
    "gha-android-gradle-aapt-failed": (LFGIT, "0_build.txt"),
    "docker-buildkit-go-gradle": (PALADIN, "docker_build.log"),
    "klog-openshift-monitoring-operator": (CMO, "operator.log"),
    "dnsmasq-dhcp-dns": (WILAN, "dnsmasq.log"),
    "gha-gradle-test-failed": (CIDIFF, "data/breakages/cidiff_57/fail.log"),
    "gha-gradle-checkstyle-failed": (CIDIFF, "data/breakages/cidiff_75/fail.log"),
    "gha-latex-action-tar-failed": (CIDIFF, "data/breakages/cv_45/fail.log"),
    "jenkins-maven-spoon-plugin-failed": (CIDIFF, "data/breakages/jodatime_1837/fail.log"),
    "jenkins-maven-compile-errors-coloured": (CIDIFF, "data/breakages/guava_1947/fail.log"),
    "kubectl-logs-fastify-pino": (HG, "tests/llm/fixtures/test_ask_holmes/36_argocd_find_resource/kubectl_logs.txt"),
    "kubectl-logs-holmes-python": (HG, "tests/llm/fixtures/test_ask_holmes/111_tool_hallucination/fetch_pod_logsNone_None_None_default_robusta-holmes-549d55c578-7gnfn_None.txt"),
    # syslog / journald / apt / dpkg
    "apt-history-debian9": (PLASO, "test_data/apt_history.log"),
    "sshd-sftp-syslog": (MTAIL, "internal/mtail/testdata/sftp_chroot.log"),
    "auth-log-elastic-ubuntu-ec2": (ELASTIC_EX, "Machine Learning/Security Analytics Recipes/suspicious_login_activity/data/auth.log"),
    "dmesg-syzkaller-gce-reboot": (SYZKALLER, "pkg/report/testdata/linux/report/317"),
    "journalctl-fuse-daemon": (PLANETFS, "journalctl.log"),
    "journalctl-vvos-desktop-coredump": (VVOS, "journalctl.txt"),
    # application logs of servers (Java, Go) and stack traces
    "kafka-broker-server": (LOKI, "pkg/pattern/drain/testdata/kafka.txt"),
    "calico-felix-debug": (LOKI, "pkg/pattern/drain/testdata/calico.txt"),
    "grafana-agent-logfmt": (LOKI, "pkg/pattern/drain/testdata/agent-logfmt.txt"),
    "jstack-three-way-deadlock": (JTD, "src/test/resources/three-way-deadlock.txt"),
    "celery-worker-tracebacks": (CCV, "celery.log"),
    "django-request-tracebacks": (CCV_2015, "mysite.log"),
    "tomcat-catalina-out-sakai": (SAKAI, "catalina.out"),
    "rails-production-syslog-pla": (PLA, "test/test.syslog.log"),
    "spring-boot-apollo-portal-errors": (APOLLO, "logs/apollo-portal.log.2023-12-05.0.gz"),
    "spring-cloud-apollo-configservice-errors": (APOLLO, "logs/apollo-configservice.log"),
    "node-pm2-error-log": (C365, "logs/pm2-error.log"),
    "go-panic-goroutine-dump": (DROUTE, "panic.log"),
    # Windows text logs, Android logcat, database server logs
    "windows-setupapi-dev-log": (PLASO_SETUPAPI, "test_data/setupapi.dev.log"),
    "windows-teamviewer15-log": (PLASO_TEAMVIEWER, "test_data/teamviewer/TeamViewer15_Logfile.log"),
    # lines 13532-15117 of the job log: the logcat dump from its `--------- beginning of` header to its last line
    "android-logcat-v-time-fennec": (TH_LOGCAT, "tests/e2e/mozilla-inbound_panda_android_test-crashtest-bm43-tests1-panda-build591.txt.gz",
                                     (13532, 15117)),
    "mongod-atlas-3.6-replica": (MTOOLS, "mtools/test/logfiles/client/mongod_3.6.23.log"),
    # the third and fourth unseen batches
    "compose-logs-petclinic-spring": (PETCLINIC, "docker-compose.log"),
    "kubelet-windows-klog": (FILESTORE, "kubelet.log"),
    "traefik-json-access": (MONITOR, "logs/traefik/access.log"),
    "kube-scheduler-compose": (KUBECLUSTER, "logs/kube-scheduler.log"),
    "slog-json-go-service": (HUMANLOG, "test/benchmark/golang-slog-json/logdump.json.gz"),
    "celery-worker-weibospider": (WEIBO, "logs/celery.log"),
    "iis-w3c-iislogreader": (IISREADER, "source/Test.IISLogReader/TestAssets/LogFile.log"),
    # the eighth unseen batch
    "zap-json-go-shortlink": (SHORTLINK, "log/app.log"),
    "gha-docker-kernel-driver-build": (QNAP, "job-logs.txt"),
    "gha-node-s3proxy-tests-failed": (S3PROXY, "job-logs.txt"),
    "gha-swift-wasm-container-build": (MISTKIT, "job-logs.txt"),
    "go-terraform-crashlog-provider-panic": (TERRAFORM_CRASH, "crash.log"),
    "jenkins-maven-release-sakuli": (SAKULI, "consoleText.txt"),
    "k8s-operator-controller-runtime": (OPERATOR, "operator_run.log"),
    # the ninth unseen batch
    "python-json-lines-timetracker": (TIMETRACKER, "logs/app.jsonl"),
    "traefik-logrus-wordpress": (DOCKERWP, "logs/traefik.log"),
    "gha-rootstock-integration-tests": (ROOTSTOCK, "ci-log.txt"),
    "rails-production-log-errors": (ISPMAIL, "log/production.log"),
    "kafka-server-log-windows": (KAFKA_WIN, "logs/server.log"),
    # the eleventh and twelfth unseen batches
    "compose-build-up-aliro": (ALIRO, "docker_logs.txt", (12014, 16710)),
    "compose-logs-loresmith-elk": (LORESMITH, "docker-compose-logs.txt"),
    "gha-terraform-tests-infrahouse": (INFRAHOUSE, "job-logs.txt"),
    "kubectl-logs-ingress-nginx": (VERRAZZANO, "capture_Ba8mq7N/cluster-snapshot/ingress-nginx/ingress-controller-ingress-nginx-controller-585d79996-9ncg7/logs.txt"),
    "httpd-error-log-ensembl": (WEBVM, "logs/error_log"),
    "hclog-consul-agent": (CONSUL, "logs/consul.log"),
    # the twenty-fourth and twenty-fifth unseen batches; lines 1100-1800 of the eve.json hold its
    # HTTP failures, counted and flushed at shutdown
    "suricata-eve-json-http": (SURICATA, "eve.json", (1100, 1800)),
    "clickhouse-server-err-log": (CLICKHOUSE, "logs/clickhouse-server.err.log"),
    "kafka-broker-zookeeper-mode": (KAFKA_ZK, "logs/server.log.2023-05-21-03"),
    "gha-android-gradle-kotlin-failed": (DUALZONE, "0_build.txt"),
    "odoo-server-tracebacks": (ODOO_HMS, "odoo.log"),
    # the twenty-seventh unseen batch
    "gha-pnpm-eslint-failed": (TZUROT, "ci-log.txt"),
    # the thirtieth unseen batch
    "maven-surefire-debug-jscep": (JSCEP, "mvn.log"),
    "terraform-trace-kops-provider": (KOPS, "terraform.log"),
    "minecraft-forge-server-start": (CODEX_MC, "test/data/Vanilla/Forge/forge-start-1161.log"),
    "gha-pytest-e2e-failed-mcp": (MCP_STANDARDS, "failed_logs.txt"),
    "gha-dotnet-integration-tests-bannou": (BANNOU, "ci-logs.txt"),
    "ceph-cluster-log-osd-failures": (CEPH_PARSER, "ceph.log"),
    "windows-pfirewall-log": (PARSE_FIREWALL, "pfirewall.log"),
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mirrors", type=Path, help="folder of bare clones named owner+name/repo")
    ap.add_argument("--cases", help="import only these cases (comma-separated names)")
    args = ap.parse_args()
    wanted = set(args.cases.split(",")) if args.cases else set(CASES)
    if wanted - set(CASES):
        sys.exit(f"import_published_logs.py: no case named {', '.join(sorted(wanted - set(CASES)))}")
    for name, ((repo, commit, licence), path, *span) in CASES.items():
        if name not in wanted:
            continue
        git = args.mirrors / repo.replace("/", "+") / "repo"
        if (git / ".git").is_dir():  # some snapshots arrive as a work tree
            git = git / ".git"
        data = subprocess.run(["git", "--git-dir", str(git), "show", f"{commit}:{path}"],
                              capture_output=True, check=True).stdout
        source = f"{repo}@{commit}:{path}"
        if path.endswith(".gz"):
            data = gzip.decompress(data)
            source += " (gunzipped)"
        if span:  # a slice of a longer file: lines first..last (1-based, inclusive)
            first, last = span[0]
            data = b"".join(line + b"\n" for line in data.split(b"\n")[first - 1:last])
            source += f" (lines {first}-{last})"
        if len(data) > MAX_BYTES:
            data = data[:data.rindex(b"\n", 0, MAX_BYTES) + 1]
            lines = data.count(b"\n")
            source += f" (first {lines} lines: cut at a line boundary to <= {MAX_BYTES} bytes)"
        case = HERE / name
        case.mkdir(parents=True, exist_ok=True)
        (case / "input.log").write_bytes(data)
        (case / "case.json").write_text(json.dumps(
            {"kind": "log", "source": source, "license": licence, "needles": [], "why": ""},
            indent=1) + "\n")
        print(name, len(data))


if __name__ == "__main__":
    main()
