"""Shell command output through the real `hr` CLI: git log and diff, grep -rn, find, ls -laR,
apt-get -s and pip. Each test builds a small tree in a temporary directory, runs the real
command and checks the rule for its kind (the corpus's needle rules) on the compressed output.
"""

from __future__ import annotations

import os
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

import pytest

from support import CORPUS as SHARED_CORPUS, LINE_MARKER, marker_range

from tool_helpers import assert_compressed, assert_survive, hr, need, run_tool

CORPUS = SHARED_CORPUS
MARKER = re.compile(r"\[hr [^\]\n]*\]")


def assert_markers_in_place(out: str, raw: str) -> None:
    """Every output line is a marker or an input line, in the input's order, and each marker
    stands exactly where its lines were: nothing after it comes from inside its range."""
    lines = raw.splitlines()
    pos = 0  # the input lines up to `pos` (1-based) are accounted for
    for line in out.splitlines():
        m = LINE_MARKER.fullmatch(line)
        if m:
            start, end = marker_range(m)
            assert start == pos + 1, f"marker {line!r} does not follow line {pos}"
            pos = end
            continue
        assert lines[pos] == line, f"{line!r} is not input line {pos + 1} ({lines[pos]!r})"
        pos += 1
    assert pos == len(lines), pos


def fits(out: str, budget: int) -> None:
    # the tolerance the other kinds' budget tests allow (tests/test_logs.py)
    assert len(out) <= budget * 1.1, (len(out), budget)

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Dev", "GIT_AUTHOR_EMAIL": "dev@example.com",
    "GIT_COMMITTER_NAME": "Dev", "GIT_COMMITTER_EMAIL": "dev@example.com",
    "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent",
}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git = need("git")
    r = tmp_path / "repo"
    r.mkdir()
    run_tool([git, "init", "-q", "-b", "main"], r, GIT_ENV)
    for i in range(30):
        for k in range(1 + i % 4):
            f = r / f"src/mod{k}/file{i % 7}.py"
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text("".join(f"def f{j}():\n    return {i * j}\n\n" for j in range(20)))
        run_tool([git, "add", "-A"], r, GIT_ENV)
        msg = f"feat: change number {i}\n\nWhy: a longer body for change {i},\nspread over several lines\nso that it folds.\n"
        run_tool([git, "commit", "-q", "-m", msg], r, GIT_ENV)
    return r


def test_git_log_stat_keeps_every_hash(repo: Path, tmp_path: Path) -> None:
    raw = run_tool(["git", "log", "--stat"], repo, GIT_ENV)
    out = hr(raw, tmp_path / "cache")
    hashes = [h[:12] for h in re.findall(r"^commit ([0-9a-f]{40})", raw, re.M)]
    assert len(hashes) == 30
    subjects = re.findall(r"^    feat: change number \d+$", raw, re.M)
    assert_survive(out, hashes + subjects, raw)
    assert_compressed(out, raw)
    assert "spread over several lines" not in out
    # at most one marker a commit, saying what it folds in a few words (the range counts lines)
    markers = MARKER.findall(out)
    assert 0 < len(markers) <= 2 * len(hashes), markers
    assert all(len(m) <= 60 for m in markers[1:]), markers
    # the message fold says the commit's size, as the stat summary does
    assert re.search(r"\[hr message, \d+ files? \+\d+ L\d+-\d+", out), markers
    assert_markers_in_place(out, raw)


def test_git_log_stat_under_a_budget_keeps_commit_lines_last(repo: Path, tmp_path: Path) -> None:
    raw = run_tool(["git", "log", "--stat"], repo, GIT_ENV)
    commits = re.findall(r"^commit [0-9a-f]{40}$", raw, re.M)
    subjects = re.findall(r"^    feat: change number \d+$", raw, re.M)
    budget = 3600
    out = hr(raw, tmp_path / "cache", "--budget", f"{budget}c")
    fits(out, budget)
    assert_survive(out, commits, raw)
    assert not all(s in out for s in subjects), out
    assert "cut to fit the budget" in out
    assert_markers_in_place(out, raw)


def test_git_diff_keeps_files_and_hunks(repo: Path, tmp_path: Path) -> None:
    for i in range(7):
        f = repo / f"src/mod0/file{i}.py"
        lines = f.read_text().splitlines()
        lines[10] = "    return 'changed'"
        lines[40] = "    return 'changed again'"
        f.write_text("\n".join(lines) + "\n")
    raw = run_tool(["git", "diff", "-U8"], repo, GIT_ENV)
    out = hr(raw, tmp_path / "cache")
    headers = re.findall(r"^diff --git .*$", raw, re.M)
    hunks = re.findall(r"^@@ .*$", raw, re.M)
    changed = re.findall(r"^[+-] .*$", raw, re.M)
    assert len(headers) == 7 and len(hunks) >= 7
    assert_survive(out, headers + hunks + changed, raw)
    assert_compressed(out, raw)
    # no marker covers a line after a hunk header: the header says where the next line is
    assert_markers_in_place(out, raw)
    budget = 1200
    tight = hr(raw, tmp_path / "cache", "--budget", f"{budget}c")
    fits(tight, budget)
    assert_survive(tight, headers, raw)
    assert not all(c in tight for c in changed), tight
    assert_markers_in_place(tight, raw)


def test_git_status_keeps_every_name(repo: Path, tmp_path: Path) -> None:
    # files named by number: their names differ in digits alone, and each is one to act on
    git = need("git")
    for i in range(4):
        (repo / f"src/mod0/file{i}.py").write_text("changed\n")
    for i in range(30):
        (repo / f"src/new_step_{i}.py").write_text("new\n")
    raw = run_tool([git, "status"], repo, GIT_ENV)
    names = re.findall(r"^\t(?:modified:\s+)?(\S+)$", raw, re.M)
    assert len(names) == 34, raw
    assert_survive(hr(raw, tmp_path / "cache"), names, raw)


def test_a_diffstat_keeps_every_name(repo: Path, tmp_path: Path) -> None:
    # files named by number, each changed a little: a diffstat's lines differ in the names alone
    git = need("git")
    steps = repo / "src" / "pipeline" / "stages"
    steps.mkdir(parents=True)
    for i in range(60):
        (steps / f"step_{i}.py").write_text(f"x = {i}\n")
    run_tool([git, "add", "-A"], repo, GIT_ENV)
    run_tool([git, "commit", "-q", "-m", "steps"], repo, GIT_ENV)
    for i in range(60):
        (steps / f"step_{i}.py").write_text(f"x = {i + 1}\ny = 0\n")
    stat = run_tool([git, "diff", "--stat"], repo, GIT_ENV)
    names = re.findall(r"^ (src/pipeline/stages/step_\d+\.py) +\|", stat, re.M)
    assert len(names) == 60, stat
    assert_survive(hr(stat, tmp_path / "cache"), names, stat)


def test_grep_rn_keeps_every_path(tmp_path: Path) -> None:
    need("grep")
    tree = tmp_path / "tree"
    for d in range(6):
        for f in range(5):
            p = tree / f"pkg{d}" / f"mod{f}.py"
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text("".join(f"warnings.warn('old api {k}', DeprecationWarning)\nx = {k}\n" for k in range(1 + (d * f) % 6)))
    raw = run_tool(["grep", "-rn", "DeprecationWarning", "."], tree)
    out = hr(raw, tmp_path / "cache")
    paths = sorted({l.split(":", 1)[0] for l in raw.splitlines()})
    assert len(paths) == 30
    assert_survive(out, paths, raw)
    assert_compressed(out, raw)


def rare_paths(paths: list[str]) -> list[str]:
    """Paths whose extension is held by at most 5% of the listed paths (the corpus rule)."""
    def ext(p: str) -> str:
        name = p.rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[1] if "." in name.lstrip(".") else ""
    counts = Counter(ext(p) for p in paths)
    return [p for p in paths if counts[ext(p)] / len(paths) <= 0.05]


def test_find_keeps_rare_file_types(tmp_path: Path) -> None:
    need("find")
    tree = tmp_path / "tree"
    for d in range(8):
        for f in range(25):
            p = tree / f"pkg{d}" / "build" / f"mod{f}.js"
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text("x")
        (tree / f"pkg{d}" / "README.md").write_text("x")
    (tree / "pkg3" / "grammar.bnf").write_text("x")
    raw = run_tool(["find", ".", "-type", "f"], tree)
    out = hr(raw, tmp_path / "cache")
    rare = rare_paths(raw.split())
    assert len(rare) == 9
    assert_survive(out, rare, raw)
    markers = MARKER.findall(out)
    assert len(markers) == 1 and "mod1.js" not in markers[0], markers
    assert_compressed(out, raw)


def make_tree(root: Path, dirs: int, files: int, name: str) -> None:
    """`dirs` directories of `files` files each, sized 100 bytes and up."""
    for d in range(dirs):
        sub = root / f"dir{d:02d}"
        sub.mkdir(parents=True)
        for f in range(files):
            (sub / name.format(f)).write_text("x" * (100 + f))


def test_ls_laR_keeps_headers_symlinks_and_outliers(tmp_path: Path) -> None:
    need("ls")
    tree = tmp_path / "tree"
    make_tree(tree, 4, 20, "file{}.txt")
    (tree / "dir02" / "huge.bin").write_bytes(b"\0" * 5_000_000)
    os.symlink("dir00/file1.txt", tree / "link-to-file")
    raw = run_tool(["ls", "-laR", "."], tree, {"LC_ALL": "C"})
    out = hr(raw, tmp_path / "cache")
    headers = re.findall(r"^\S.*:$", raw, re.M)
    links = re.findall(r"^l.*$", raw, re.M)
    # the date and name as ls printed them: `Dec  1 00:11 huge.bin` pads a day of one digit
    entries = [l.split(None, 5) for l in raw.splitlines() if l.startswith("-")]
    sizes = [int(e[4]) for e in entries]
    mean, sd = statistics.fmean(sizes), statistics.pstdev(sizes)
    outliers = [e[5] for e in entries if abs(int(e[4]) - mean) > 3 * sd]
    assert len(headers) == 5 and len(links) == 1 and outliers == [next(e[5] for e in entries if e[5].endswith(" huge.bin"))]
    assert_survive(out, headers + links + outliers, raw)
    assert_compressed(out, raw)


def test_ls_laR_under_a_budget_keeps_directory_headers_before_names(tmp_path: Path) -> None:
    need("ls")
    tree = tmp_path / "tree"
    make_tree(tree, 12, 30, "module_{:02d}.py")
    for sub in tree.iterdir():
        os.symlink("module_00.py", sub / "link")
    raw = run_tool(["ls", "-laR", "."], tree, {"LC_ALL": "C"})
    headers = re.findall(r"^\S.*:$", raw, re.M)
    names = [n for n in names_of(raw) if n.startswith("module_")]
    assert len(headers) == 13 and len(names) == 360
    budget = 2000
    out = hr(raw, tmp_path / "cache", "--budget", f"{budget}c")
    fits(out, budget)
    # every directory header stays, in its place; names are what the budget cuts
    assert_survive(out, headers, raw)
    kept = [h for h in out.splitlines() if h in headers]
    assert kept == headers, kept
    assert len(re.findall(r"module_\d\d\.py", out)) < len(names) / 2, out
    assert "module_00.py" in out  # the first directory's names are still said



def names_of(listing: str) -> list[str]:
    """The names `ls -l` shows, one per entry line."""
    return [re.split(r"\s+", l, maxsplit=8)[8] for l in listing.splitlines() if re.match(r"^[-dl]", l)]


def test_ls_la_keeps_every_name(tmp_path: Path) -> None:
    need("ls")
    d = tmp_path / "sixty"
    d.mkdir()
    for i in range(60):
        (d / f"module_{i:02d}.py").write_text("x = 1\n" * (i + 1))
    (d / "run.sh").write_text("#!/bin/sh\n")
    (d / "run.sh").chmod(0o755)
    (d / "secret.key").write_text("k")
    (d / "secret.key").chmod(0o600)
    raw = run_tool(["ls", "-la"], d, {"LC_ALL": "C"})
    out = hr(raw, tmp_path / "cache")
    names = names_of(raw)
    assert len([n for n in names if n.startswith("module_")]) == 60
    assert_survive(out, names, raw)
    # the unusual permissions stay visible next to their names
    assert "run.sh (-rwxr-xr-x" in out and "secret.key (-rw-------" in out, out
    # one short marker over the run; the names are written after it, not inside it
    markers = MARKER.findall(out)
    assert len(markers) == 1 and not any("module_" in m for m in markers), markers
    assert_compressed(out, raw)
    assert len(out) < len(raw) / 2, (len(out), len(raw))


def test_du_and_tree_keep_every_name(tmp_path: Path) -> None:
    tree_bin = need("tree")
    need("du")
    root = tmp_path / "proj"
    for d in range(3):
        for f in range(15):
            p = root / f"pkg{d}" / "src" / f"part_{f}.rs"
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text("fn f() {}\n" * 50)
    (root / "pkg1" / "big.bin").write_bytes(b"\0" * 3_000_000)
    raw_du = run_tool(["du", "-ah", "."], root, {"LC_ALL": "C"})
    out_du = hr(raw_du, tmp_path / "cache")
    assert_survive(out_du, [l.split("\t")[1].rsplit("/", 1)[-1] for l in raw_du.splitlines()], raw_du)
    assert_survive(out_du, [l for l in raw_du.splitlines() if l.endswith("big.bin")], raw_du)
    assert_compressed(out_du, raw_du)
    raw_tree = run_tool([tree_bin, "."], root, {"LC_ALL": "C.UTF-8"})
    out_tree = hr(raw_tree, tmp_path / "cache")
    assert_survive(out_tree, [f"part_{f}.rs" for f in range(15)] + ["pkg0", "pkg2", "big.bin"], raw_tree)
    assert_survive(out_tree, [l for l in raw_tree.splitlines() if "directories" in l], raw_tree)
    assert_compressed(out_tree, raw_tree)


def test_git_diff_folds_lockfiles_by_file(repo: Path, tmp_path: Path) -> None:
    lock = repo / "package-lock.json"
    lock.write_text("".join(f'    "node_modules/p{i}": {{"version": "1.0.{i}"}},\n' for i in range(400)))
    run_tool(["git", "add", "-A"], repo, GIT_ENV)
    run_tool(["git", "commit", "-q", "-m", "lock"], repo, GIT_ENV)
    lock.write_text("".join(f'    "node_modules/p{i}": {{"version": "1.{i % 3}.{i}"}},\n' for i in range(400)))
    src = repo / "src/mod0/file0.py"
    src.write_text(src.read_text().replace("return 0", "return 'changed'"))
    raw = run_tool(["git", "diff"], repo, GIT_ENV)
    out = hr(raw, tmp_path / "cache")
    headers = re.findall(r"^(?:diff --git|@@) .*$", raw, re.M)
    source_changes = [l for l in raw.splitlines() if "changed" in l and l[:1] in "+-"]
    assert source_changes
    assert_survive(out, headers + source_changes, raw)
    assert "1.1.1" not in out  # a lockfile's changed lines fold
    assert re.search(r"generated file, \d+ hunks? \+2\d\d -2\d\d, headers below", out), out
    assert_compressed(out, raw)


def test_apt_get_simulation(tmp_path: Path) -> None:
    apt = need("apt-get")
    raw = run_tool([apt, "-s", "-o", "Debug::NoLocking=1", "install", "--reinstall", "coreutils", "bash", "grep", "sed", "tar", "gzip", "findutils"], tmp_path)
    summary = re.search(r"^\d+ upgraded, \d+ newly installed.*$", raw, re.M)
    if not summary:
        pytest.skip(f"apt-get -s did not simulate here: {raw[-200:]}")
    out = hr(raw, tmp_path / "cache")
    needles = [summary.group(0), *re.findall(r"^[EW]: .*$", raw, re.M), *re.findall(r"^Inst .*security.*$", raw, re.M)]
    assert_survive(out, needles, raw)


def test_pip_install_failure(tmp_path: Path) -> None:
    """A local project whose build fails: pip's ERROR lines and the build's traceback survive."""
    proj = tmp_path / "broken"
    proj.mkdir()
    (proj / "setup.py").write_text("import this_module_does_not_exist\n")
    raw = run_tool([sys.executable, "-m", "pip", "install", "-v", "--no-index", "--no-build-isolation", "--no-deps",
                    "--target", str(tmp_path / "t"), str(proj)], tmp_path, {"PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    errors = re.findall(r"^\s*(?:ERROR|error): .*$", raw, re.M)
    assert errors, raw
    out = hr(raw, tmp_path / "cache")
    assert_survive(out, [e.strip() for e in errors] + ["ModuleNotFoundError: No module named 'this_module_does_not_exist'"], raw)


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not available")
@pytest.mark.parametrize("kind", ["shell", "test"])
def test_corpus_needles_survive(kind: str, tmp_path: Path) -> None:
    import json

    for case in sorted((CORPUS / kind).iterdir()):
        meta = json.loads((case / "case.json").read_text())
        raw = next(case.glob("input.*")).read_text()
        out = hr(raw, tmp_path / "cache")
        for n in meta["needles"]:
            options = n.get("any_of") or [n["verbatim"]]
            assert any(o in out for o in options), f"{case.name}: lost {options[0]!r}"


def test_git_log_graph_with_merges_keeps_every_commit(tmp_path: Path) -> None:
    # `--graph` pads a merge's lines (`*   hash Merge …`, `|\  `): still a list of commits,
    # whose every hash stays
    git = need("git")
    r = tmp_path / "repo"
    r.mkdir()
    run_tool([git, "init", "-q", "-b", "main"], r, GIT_ENV)
    run_tool([git, "commit", "-q", "--allow-empty", "-m", "start"], r, GIT_ENV)
    for b in range(12):
        run_tool([git, "checkout", "-q", "-b", f"topic{b}"], r, GIT_ENV)
        for k in range(3):
            (r / f"t{b}_{k}.txt").write_text(f"{b} {k}\n")
            run_tool([git, "add", "-A"], r, GIT_ENV)
            msg = f"topic {b}: the parser reads step {k} of the input before it writes anything out"
            run_tool([git, "commit", "-q", "-m", msg], r, GIT_ENV)
        run_tool([git, "checkout", "-q", "main"], r, GIT_ENV)
        run_tool([git, "merge", "-q", "--no-ff", "-m", f"Merge branch 'topic{b}'", f"topic{b}"], r, GIT_ENV)
    raw = run_tool([git, "log", "--graph", "--oneline"], r, GIT_ENV)
    assert "|\\" in raw
    hashes = re.findall(r"^[*|\\/ ]*([0-9a-f]{7,}) ", raw, re.M)
    assert len(hashes) == 12 * 4 + 1
    assert_survive(hr(raw, tmp_path / "cache"), hashes, raw)


def test_od_is_no_list_of_commits(tmp_path: Path) -> None:
    # `od -x` leads every line with an offset that reads like a short hash: a dump still folds
    raw = run_tool([need("od"), "-x", "-N", "65536", sys.executable], tmp_path)
    out = hr(raw, tmp_path / "cache")
    assert_compressed(out, raw)
