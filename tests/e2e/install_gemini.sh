#!/bin/sh
# Install the pinned real Gemini CLI for the end-to-end tests, cached so that reruns are fast,
# and print the path of its entry script (run it with node >= 20).
#   cache: $HR_TEST_NPM_CACHE, else <repo>/.cache/hr-test    version: $HR_GEMINI_CLI_VERSION
set -eu
VERSION="${HR_GEMINI_CLI_VERSION:-0.61.0}"
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="${HR_TEST_NPM_CACHE:-$REPO/.cache/hr-test}/gemini-cli-$VERSION"
JS="$DIR/node_modules/@google/gemini-cli/bundle/gemini.js"
if [ ! -f "$JS" ]; then
    mkdir -p "$DIR"
    [ -f "$DIR/package.json" ] || printf '{"name":"hr-e2e-gemini","private":true}\n' > "$DIR/package.json"
    npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error "@google/gemini-cli@$VERSION" >&2
fi
[ -f "$JS" ] || { echo "install_gemini.sh: no entry script at $JS" >&2; exit 1; }
echo "$JS"
