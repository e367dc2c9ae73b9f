#!/bin/sh
# Install the pinned real Codex CLI for the end-to-end tests, cached so that reruns are fast,
# and print the path of its native binary.
#   cache: $HR_TEST_NPM_CACHE, else <repo>/.cache/hr-test    version: $HR_CODEX_VERSION
set -eu
VERSION="${HR_CODEX_VERSION:-0.171.0}"
case "$(uname -m)" in
    x86_64|amd64) ARCH=x64; TRIPLE=x86_64-unknown-linux-musl ;;
    aarch64|arm64) ARCH=arm64; TRIPLE=aarch64-unknown-linux-musl ;;
    *) echo "install_codex.sh: no Codex build for $(uname -m)" >&2; exit 1 ;;
esac
[ "$(uname -s)" = Linux ] || { echo "install_codex.sh: Linux only" >&2; exit 1; }
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="${HR_TEST_NPM_CACHE:-$REPO/.cache/hr-test}/codex-$VERSION"
BIN="$DIR/node_modules/@openai/codex-linux-$ARCH/vendor/$TRIPLE/bin/codex"
if [ ! -x "$BIN" ]; then
    mkdir -p "$DIR"
    [ -f "$DIR/package.json" ] || printf '{"name":"hr-e2e-codex","private":true}\n' > "$DIR/package.json"
    npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error "@openai/codex@$VERSION" >&2
fi
[ -x "$BIN" ] || { echo "install_codex.sh: no native binary at $BIN" >&2; exit 1; }
echo "$BIN"
