#!/usr/bin/env bash
# Copies the code validation inputs: source files of public projects in every language hr's code
# compressor supports. Needles: bench/validation/needles_code.py. Not run by tests.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
M=${MIRROR:-/work/.mirror}
NPMPROJ=${NPMPROJ:?an npm project with eslint@8.57.0 lodash@4.17.20 chalk@4.1.0 installed}
AJV=${AJV:?the ajv@8.17.1 npm tarball extracted (npm pack ajv@8.17.1)}
GOROOT=$(go env GOROOT)
put() { mkdir -p "$here/code/$1"; cat > "$here/code/$1/input.$2"; }
git_show() { git --git-dir="$M/$1/repo" show "$2:$3"; }
git_show encode+httpx HEAD httpx/_client.py | put py-httpx-client py
git_show encode+httpx HEAD httpx/_models.py | put py-httpx-models py
git_show sharkdp+fd v9.0.0 src/walk.rs | put rs-fd-walk rs
git_show sharkdp+fd v9.0.0 src/cli.rs | put rs-fd-cli rs
git_show jhy+jsoup HEAD src/main/java/org/jsoup/nodes/Element.java | put java-jsoup-element java
git_show jhy+jsoup HEAD src/main/java/org/jsoup/parser/HtmlTreeBuilder.java | put java-jsoup-treebuilder java
git_show antirez+sds HEAD sds.c | put c-sds c
put go-text-template-exec go < "$GOROOT/src/text/template/exec.go"
put go-net-http-cookie go < "$GOROOT/src/net/http/cookie.go"
put js-eslint-linter js < "$NPMPROJ/node_modules/eslint/lib/linter/linter.js"
put js-eslint-source-code js < "$NPMPROJ/node_modules/eslint/lib/source-code/source-code.js"
put ts-ajv-core ts < "$AJV/package/lib/core.ts"
put ts-ajv-compile ts < "$AJV/package/lib/compile/index.ts"
