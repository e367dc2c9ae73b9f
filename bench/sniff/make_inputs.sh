#!/usr/bin/env bash
# Rebuilds the sniffer's labelled inputs (bench/sniff/<kind>/<name>.*) from real tools run on
# this machine; sources.md says where each one came from. Inputs fetched from public repositories
# are not rebuilt here (see sources.md). Each input is cut to 64 KB at a line boundary.
# Needs: nginx, caddy, strace, curl, git, go, man; servers bind 127.0.0.1 only and the request
# loops are bounded.
set -eu  # no pipefail: `head` closing a pipe early is fine
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
TMP=$(mktemp -d)
trap 'kill $(cat "$TMP"/*.pid 2>/dev/null) 2>/dev/null || true; rm -rf "$TMP"' EXIT
PY=${PY:-python3}

cut64() { head -c 65536 | "$PY" -c 'import sys; d=sys.stdin.buffer.read(); sys.stdout.buffer.write(d if len(d) < 65536 else d[:d.rfind(b"\n")+1])'; }
save() { mkdir -p "$HERE/$1"; cut64 > "$HERE/$1/$2"; }
whole() { mkdir -p "$HERE/$1"; cat > "$HERE/$1/$2"; }  # a JSON document cut short is no JSON
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# some traffic, with misses and errors: the same paths every time (deterministic)
traffic() {
  local base=$1
  for i in $(seq 1 150); do
    curl -s -o /dev/null "$base/index.html"
    case $((i % 10)) in
      3) curl -s -o /dev/null "$base/missing/page-$((i % 4)).html" ;;
      7) curl -s -o /dev/null -X POST "$base/api/items?id=$i" ;;
      9) curl -s -o /dev/null "$base/../../etc/passwd" ;;
    esac
  done
}

# --- nginx: combined and JSON access logs -------------------------------------------------
mkdir -p "$TMP/nginx/html" "$TMP/nginx/logs"
echo hello > "$TMP/nginx/html/index.html"
chmod a+x "$TMP"; chmod -R a+rX "$TMP/nginx"  # nginx's workers read as nobody
PORT=$(free_port)
cat > "$TMP/nginx/nginx.conf" <<CONF
pid $TMP/nginx.pid;
error_log $TMP/nginx/logs/error.log;
events {}
http {
  access_log $TMP/nginx/logs/access.log combined;
  log_format j escape=json '{"time":"\$time_iso8601","remote_addr":"\$remote_addr","request":"\$request","status":\$status,"bytes":\$body_bytes_sent,"ua":"\$http_user_agent"}';
  access_log $TMP/nginx/logs/access.json j;
  client_body_temp_path $TMP/nginx; proxy_temp_path $TMP/nginx; fastcgi_temp_path $TMP/nginx;
  uwsgi_temp_path $TMP/nginx; scgi_temp_path $TMP/nginx;
  server { listen 127.0.0.1:$PORT; root $TMP/nginx/html; }
}
CONF
nginx -c "$TMP/nginx/nginx.conf" -p "$TMP/nginx"
traffic "http://127.0.0.1:$PORT"
nginx -c "$TMP/nginx/nginx.conf" -p "$TMP/nginx" -s quit; sleep 0.5
save log nginx-access-combined.log < "$TMP/nginx/logs/access.log"
save log nginx-access-json.log < "$TMP/nginx/logs/access.json"

# --- caddy: its own JSON-lines logs (startup and access) ---------------------------------------
PORT=$(free_port)
cat > "$TMP/Caddyfile" <<CONF
{
	admin off
	log {
		output file $TMP/caddy.log
		format json
	}
}

http://127.0.0.1:$PORT {
	root * $TMP/nginx/html
	file_server
	log {
		output file $TMP/caddy.log
		format json
	}
}
CONF
XDG_CONFIG_HOME="$TMP" XDG_DATA_HOME="$TMP" caddy run --config "$TMP/Caddyfile" --adapter caddyfile > /dev/null 2>&1 & echo $! > "$TMP/caddy.pid"
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done
traffic "http://127.0.0.1:$PORT"
kill "$(cat "$TMP/caddy.pid")"; rm "$TMP/caddy.pid"; sleep 0.5
save log caddy-json.log < "$TMP/caddy.log"

# --- several sources interleaved: grep -r and tail over log files, `name | ` prefixes ---------
cp "$TMP/nginx/logs/access.log" "$TMP/web.log"; cp "$TMP/nginx/logs/error.log" "$TMP/web-error.log"
(cd "$TMP" && grep -r "HTTP/1.1" web.log web-error.log caddy.log | head -400) | save log grep-r-over-logs.log
(cd "$TMP" && tail -n 60 web.log web-error.log caddy.log) | save log tail-several-logs.log
# what `docker compose logs` prints: each service's lines behind `name  | `
(sed 's/^/web-1    | /' "$TMP/nginx/logs/access.log" | head -200; sed 's/^/proxy-1  | /' "$TMP/caddy.log" | head -200) \
  | "$PY" -c 'import sys; a=sys.stdin.read().splitlines(); w=[l for l in a if l.startswith("web")]; p=[l for l in a if l.startswith("proxy")]; print("\n".join(x for pair in zip(w, p) for x in pair))' \
  | save log compose-style-prefixed.log

# --- strace ----------------------------------------------------------------------------------
strace -f -o "$TMP/strace.txt" ls -la /usr/share/doc > /dev/null 2>&1 || true
save log strace-ls.log < "$TMP/strace.txt"
strace -f -tt -o "$TMP/strace2.txt" git -C "$REPO" status --short > /dev/null 2>&1 || true
sed -E 's/[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]+/12:00:00.000000/' "$TMP/strace2.txt" | save log strace-tt-git-status.log

# --- tests -------------------------------------------------------------------------------------
(cd "$REPO" && "$PY" -m pytest -v -p no:cacheprovider tests/test_expand.py 2>&1 || true) \
  | sed -E 's/in [0-9.]+s/in 1.00s/' | save test pytest-v-hr-expand.txt
(cd /usr/local/go/src/unicode/utf8 && go test -v -count=1 . 2>&1 || true) | save test go-test-v-utf8.txt
for f in "$REPO"/tests/fixtures/testout/*.txt; do save test "fixture-$(basename "$f")" < "$f"; done

# --- shell -------------------------------------------------------------------------------------
git -C "$REPO" log --stat -n 40 | save shell git-log-stat-hr.txt
(cd /usr/local/go/src && grep -rn "func New" --include=*.go strings bytes bufio) | save shell grep-rn-go-new.txt
(cd /usr/local/go/src && find net/http -type f | sort) | save shell find-go-net-http.txt
(cd /usr/local/go/src && ls -laR sort container) | save shell ls-laR-go.txt

# --- diff --------------------------------------------------------------------------------------
git -C "$REPO" diff dddfac5~3 dddfac5 -- hr-core/src | save diff git-diff-hr-core.diff
diff -u /usr/local/go/src/strings/strings.go /usr/local/go/src/bytes/bytes.go | save diff diff-u-strings-bytes.diff || true

# --- json --------------------------------------------------------------------------------------
cargo metadata --format-version 1 --offline --no-deps --manifest-path "$REPO/hr-core/Cargo.toml" | "$PY" -m json.tool | whole json cargo-metadata-hr-core.json
# a stream of pretty JSON values, one per package (neither one document nor JSON lines)
(cd /usr/local/go/src && go list -json strings bytes) | whole json go-list-json-stream.json
"$PY" -m pip list --format json | whole json pip-list.json

# --- code --------------------------------------------------------------------------------------
save code go-strings-builder.go < /usr/local/go/src/strings/builder.go
save code py-json-decoder.py < "$("$PY" -c 'import json.decoder as d; print(d.__file__)')"
save code rs-heck-lib.rs < "$(ls -d ~/.cargo/registry/src/*/heck-0.5.0 | head -1)/src/lib.rs"
save code js-go-wasm-exec.js < "$(go env GOROOT)/lib/wasm/wasm_exec.js"
save code sh-go-make.bash < /usr/local/go/src/make.bash

# --- text --------------------------------------------------------------------------------------
MANWIDTH=100 man -P cat ls 2>/dev/null | save text man-ls.txt
MANWIDTH=100 man -P cat sed 2>/dev/null | save text man-sed.txt
save text md-go-readme.md < /usr/local/go/README.md
save text md-go-contributing.md < /usr/local/go/CONTRIBUTING.md
echo "rebuilt $(find "$HERE" -type f -not -name '*.sh' -not -name '*.md' | wc -l) inputs"
