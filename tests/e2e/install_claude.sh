#!/bin/sh
# Install the pinned real Claude Code client for the end-to-end tests, cached so that reruns
# are fast, and print the path of its native binary.
#   cache: $HR_TEST_NPM_CACHE, else .cache/hr-test in the repository (ignored by git)
#   version: $HR_CLAUDE_CODE_VERSION
# (The npm package's JS wrapper wants node >= 22; the tests run the native binary directly.)
set -eu
VERSION="${HR_CLAUDE_CODE_VERSION:-2.1.330}"
case "$(uname -m)" in
    x86_64|amd64) ARCH=x64 ;;
    aarch64|arm64) ARCH=arm64 ;;
    *) echo "install_claude.sh: no Claude Code build for $(uname -m)" >&2; exit 1 ;;
esac
PLATFORM="linux-$ARCH"
[ "$(uname -s)" = Darwin ] && PLATFORM="darwin-$ARCH"
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="${HR_TEST_NPM_CACHE:-$REPO/.cache/hr-test}"
DIR="$CACHE/claude-code-$VERSION"
BIN="$DIR/node_modules/@anthropic-ai/claude-code-$PLATFORM/claude"
if [ ! -x "$BIN" ]; then
    mkdir -p "$DIR"
    [ -f "$DIR/package.json" ] || printf '{"name":"hr-e2e-claude","private":true}\n' > "$DIR/package.json"
    npm_config_cache="$CACHE/npm-cache" npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error \
        "@anthropic-ai/claude-code@$VERSION" "@anthropic-ai/claude-code-$PLATFORM@$VERSION" >&2
fi
[ -x "$BIN" ] || { echo "install_claude.sh: no native binary at $BIN" >&2; exit 1; }
echo "$BIN"
