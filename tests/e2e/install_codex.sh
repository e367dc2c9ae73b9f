#!/bin/sh
# Install the pinned real Codex CLI for the end-to-end tests, cached so that reruns are fast,
# and print the path of its binary.
#   cache: $HR_TEST_NPM_CACHE, else <repo>/.cache/hr-test    version: $HR_CODEX_VERSION
set -eu
VERSION="${HR_CODEX_VERSION:-0.171.0}"
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="${HR_TEST_NPM_CACHE:-$REPO/.cache/hr-test}/codex-$VERSION"
BIN="$DIR/node_modules/.bin/codex"
if [ ! -x "$BIN" ]; then
    mkdir -p "$DIR"
    [ -f "$DIR/package.json" ] || printf '{"name":"hr-e2e-codex","private":true}\n' > "$DIR/package.json"
    npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error "@openai/codex@$VERSION" >&2
fi
[ -x "$BIN" ] || { echo "install_codex.sh: no binary at $BIN" >&2; exit 1; }
echo "$BIN"
