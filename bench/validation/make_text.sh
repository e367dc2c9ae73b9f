#!/usr/bin/env bash
# Rebuilds the text validation inputs: man pages rendered on this machine (Debian 12), READMEs of
# public projects, and --help output of installed tools. Needles: needles_text.py. Not run by tests.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
M=${MIRROR:-/work/.mirror}
VENV=${VENV:?a venv with hr installed}
put() { mkdir -p "$here/text/$1"; cat > "$here/text/$1/input.$2"; }
for p in sed xargs make git-commit git-diff ps less; do MANWIDTH=100 man -P cat "$p" | put "man-$p" txt; done
git --git-dir="$M/sharkdp+fd/repo" show v9.0.0:README.md | put md-fd-readme md
git --git-dir="$M/encode+httpx/repo" show HEAD:docs/advanced/clients.md | put md-httpx-clients md
git --git-dir="$M/encode+httpx/repo" show HEAD:docs/async.md | put md-httpx-async md
git --git-dir="$M/expressjs+body-parser/repo" show HEAD:README.md | put md-body-parser-readme md
git --git-dir="$M/jhy+jsoup/repo" show HEAD:CHANGES.md | head -n 700 | put md-jsoup-changes md
"$VENV/bin/pip" install --help | put help-pip-install txt
go help build | put help-go-build txt
gcc --help | put help-gcc txt
npm help install | put help-npm-install txt
