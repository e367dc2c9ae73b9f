#!/usr/bin/env bash
# Rebuilds the json validation inputs (real package-manager output and recorded API exchanges).
# Needles: bench/validation/needles_json.py. Not run by tests.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
M=${MIRROR:-/work/.mirror}
NPMPROJ=${NPMPROJ:?an npm project with eslint@8.57.0 lodash@4.17.20 chalk@4.1.0 installed}
VENV=${VENV:?a venv with hr installed by pip install -e .[test]}
FD=${FD:?a checkout of sharkdp/fd v9.0.0}
out() { mkdir -p "$here/json/$1"; cat > "$here/json/$1/input.json"; }
(cd "$NPMPROJ" && npm outdated --json || true) | out npm-outdated
(cd "$NPMPROJ" && npm ls --json --all) | out npm-ls-all
npm view eslint@8.57.0 --json | out npm-view-eslint
npm view chalk@4.1.0 --json | out npm-view-chalk
"$VENV/bin/pip" list --format json | out pip-list
"$VENV/bin/pip" inspect --local | out pip-inspect-hr-venv
# JSON values one after another, each over several lines, as jq and `go list -json` print them
"$VENV/bin/pip" inspect --local | jq '.installed[] | {name: .metadata.name, version: .metadata.version,
  summary: .metadata.summary, requires: .metadata.requires_dist, installer, requested}' | out jq-pip-packages
(cd "$(go env GOROOT)/src" && go list -json net/...) | out go-list-json-net
(cd "$FD" && cargo metadata --format-version 1 --locked --filter-platform x86_64-unknown-linux-gnu) | out cargo-metadata-fd
kubectl create deployment web --image=nginx:1.25 --replicas=3 --dry-run=client -o json | out kubectl-deployment-dryrun
for c in Repository_issues_ascending CheckSuite_create_check_suite GitHub_iter_all_users Repository_contributors Repository_events; do
  git --git-dir="$M/sigmavirus24+github3.py/repo" show "HEAD:tests/cassettes/$c.json" | out "cassette-$c"
done
