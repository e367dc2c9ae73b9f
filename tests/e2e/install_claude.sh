#!/bin/sh
# Install the pinned real Claude Code client for the end-to-end tests, cached so reruns are fast.
# Prints the path of the native binary. Directory: $HR_TEST_NPM_CACHE, else ~/.cache/hr-test.
set -eu
VERSION="${HR_CLAUDE_CODE_VERSION:-2.1.330}"
DIR="${HR_TEST_NPM_CACHE:-$HOME/.cache/hr-test}/claude-code-$VERSION"
BIN="$DIR/node_modules/@anthropic-ai/claude-code-linux-x64/claude"
if [ ! -x "$BIN" ]; then
    mkdir -p "$DIR"
    [ -f "$DIR/package.json" ] || printf '{"name":"hr-e2e-claude","private":true}\n' > "$DIR/package.json"
    npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error \
        "@anthropic-ai/claude-code@$VERSION" "@anthropic-ai/claude-code-linux-x64@$VERSION" >&2
fi
[ -x "$BIN" ] || { echo "install_claude.sh: no native binary at $BIN" >&2; exit 1; }
echo "$BIN"
