#!/usr/bin/env bash
# Rebuilds the shell validation inputs from real tools on this machine (Debian 12) and public
# repositories fetched as bare mirrors (MIRROR, default /work/.mirror/<owner>+<name>/repo).
# Needles: bench/validation/needles_shell.py. Not run by tests.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
M=${MIRROR:-/work/.mirror}
NPMPROJ=${NPMPROJ:?an npm project with eslint@8.57.0 lodash@4.17.20 chalk@4.1.0 installed}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
out() { mkdir -p "$here/shell/$1"; cat > "$here/shell/$1/input.$2"; }
export LC_ALL=C TZ=UTC
git --git-dir="$M/sharkdp+fd/repo" archive --prefix=fd/ v9.0.0 | tar -x -C "$tmp"
git --git-dir="$M/encode+httpx/repo" archive --prefix=httpx/ HEAD | tar -x -C "$tmp"
touch -d '2026-11-29 12:00' "$tmp/fd" "$tmp/httpx"
(cd "$NPMPROJ/node_modules" && ls -la) | out ls-la-node-modules txt
ls -la /etc | out ls-la-etc txt
(cd "$tmp/fd" && ls -laR) | out ls-laR-fd txt
(cd "$NPMPROJ/node_modules/eslint/lib" && ls -lR rules/utils linter) | out ls-lR-eslint-lib txt
(cd "$tmp/httpx" && find . -type f | sort) | out find-httpx txt
(cd "$NPMPROJ/node_modules" && find js-yaml acorn ajv -type f) | out find-npm-pkgs txt
(cd "$tmp/httpx" && LC_ALL=C.UTF-8 tree -a) | out tree-httpx txt
(cd "$NPMPROJ/node_modules/eslint/lib" && ls -laR) | out ls-laR-eslint-lib txt
(cd "$NPMPROJ/node_modules/eslint" && du -ah lib) | out du-eslint txt
git --git-dir="$M/encode+httpx/repo" log --stat -n 60 | out git-log-stat-httpx txt
git --git-dir="$M/expressjs+body-parser/repo" log -n 150 | out git-log-body-parser txt
git --git-dir="$M/encode+httpx/repo" log --oneline --graph -n 300 | out git-log-oneline-httpx txt
git --git-dir="$M/sharkdp+fd/repo" diff v8.7.1 v9.0.0 | out git-diff-fd diff
git --git-dir="$M/opcodesio+log-viewer/repo" show 12523da -- . ':(exclude)public' | out git-show-log-viewer-npm diff
git --git-dir="$M/opcodesio+log-viewer/repo" show 3ccfb17 -- . ':(exclude)public' | out git-show-log-viewer diff
(cd "$tmp/httpx" && git init -q && git add -A && git -c user.name=v -c user.email=v@v commit -qm base \
  && git --git-dir="$M/encode+httpx/repo" diff HEAD~150 HEAD | git apply -R --reject 2>/dev/null || true
  cd "$tmp/httpx" && touch NOTES.txt && git status) | out git-status-httpx txt
(cd "$tmp/httpx" && grep -rn "raise " --include=*.py httpx) | out grep-rn-httpx-raise txt
(cd "$NPMPROJ/node_modules/eslint/lib" && grep -rn "context.report" rules | head -400) | out grep-rn-eslint-report txt || test $? = 141
