"""The JSON compressor end to end: real JSON from real tools (pip, npm, json.tool), the corpus
cases with their needles, `hr expand --items` against the original sliced, and validity."""

from __future__ import annotations

import functools
import json
import re
import shlex
import shutil
from collections import Counter
import subprocess
import sys
from pathlib import Path

import pytest

from hr.expand import json_items
from support import CORPUS as SHARED_CORPUS

HR = [str(Path(sys.executable).with_name("hr"))]
CORPUS = SHARED_CORPUS / "json"
# The first marker gives the whole command (`hr expand HASH --items TARGET`), later ones
# only their `--items` argument: `[hr 20 items /packages:64-83]`, `[hr 789 more chars /a/b]`,
# or, for a value equal to one above, that one's pointer: `[hr same as /0/user]`.
DIGEST = re.compile(r"hr expand ([0-9a-f]{12})")
TARGET = r"('(?:[^']|'\\'')*'|[^\s'\]]+)"
RESTORE = r"(?:· hr expand [0-9a-f]{12} --items )?"
FOLD = re.compile(rf"\[hr ([\d,]+) (?:items?|members?)(?: \([\d,]+ outliers, over budget\))? {RESTORE}{TARGET}\]")
CUT = re.compile(rf"… \[hr ([\d,]+) more chars {RESTORE}{TARGET}\]$")
SAME = re.compile(rf"\[hr same as {TARGET}(?: · hr expand [0-9a-f]{{12}} --items {TARGET})?\]")
NOTE = re.compile(r"\[hr (?:NDJSON: |[\d,]+ JSON values |table, )")


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("HR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("HR_DISABLE", raising=False)


def hr(*args: str, data: bytes | None = None, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([*HR, *args], input=data, capture_output=True, check=check)


def compress(data: bytes, *args: str) -> str:
    return hr(*args, data=data).stdout.decode("utf-8")


def unquote(target: str) -> str:
    return shlex.split(target)[0]


def strings(doc):
    """Every string of a parsed output, keys included."""
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield k
            yield from strings(v)
    elif isinstance(doc, list):
        for v in doc:
            yield from strings(v)
    elif isinstance(doc, str):
        yield doc


def marker_target(s: str) -> tuple[re.Match, str] | None:
    """The fold, cut or reference marker in string `s`, and its `--items` argument unquoted as
    the shell would; None when `s` holds none."""
    m = FOLD.fullmatch(s) or CUT.search(s) or SAME.fullmatch(s)
    return (m, unquote(m.group(1) if m.re is SAME else m.group(2))) if m else None


def commands(out: str) -> list[tuple[str, str]]:
    """(hash, --items argument) of every marker, unquoted as the shell would."""
    digest = DIGEST.search(out).group(1)
    found = []
    for s in strings(json.loads(out)):
        if "[hr " not in s:
            continue
        marker = marker_target(s)
        assert marker or NOTE.match(s), f"a marker that names no target: {s!r}"
        if marker:
            found.append((digest, marker[1]))
    return found


def resolve(doc, pointer: str):
    for raw in pointer[1:].split("/") if pointer else []:
        token = raw.replace("~1", "/").replace("~0", "~")
        doc = doc[int(token)] if isinstance(doc, list) else doc[token]
    return doc


def parts(target: str) -> tuple[str, tuple[int, int] | None]:
    """(pointer, item range or None) of an `--items` argument."""
    if re.fullmatch(r"\d+(-\d+)?", target):
        pointer, rng = "", target
    elif m := re.fullmatch(r"(/.*):(\d+(?:-\d+)?)", target):
        pointer, rng = m.groups()
    else:
        return target, None
    a, _, b = rng.partition("-")
    return pointer, (int(a), int(b or a))


def check_references(out_doc, original, root, where: str = "") -> int:
    """Walks the output beside the original: every `same as` reference stands where the original
    holds a value equal to the one it names. Tables (their rows are arrays) are not walked: no
    reference is written inside a row."""
    n = 0
    if isinstance(out_doc, str) and (m := SAME.fullmatch(out_doc)):
        assert resolve(root, unquote(m.group(1))) == original, where
        return 1
    if isinstance(out_doc, dict):
        keys = list(out_doc)
        if keys and NOTE.match(keys[0]):
            return 0
        for k, v in out_doc.items():
            if not FOLD.fullmatch(k):
                n += check_references(v, original[k], root, f"{where}/{k}")
    elif isinstance(out_doc, list):
        if out_doc and isinstance(out_doc[0], str) and out_doc[0].startswith("[hr ") and "table, " in out_doc[0]:
            return 0
        i = 0
        for v in out_doc:
            if isinstance(v, str) and NOTE.match(v):
                continue
            if isinstance(v, str) and (m := FOLD.fullmatch(v)):
                i = parts(unquote(m.group(2)))[1][1] + 1
                continue
            n += check_references(v, original[i], root, f"{where}/{i}")
            i += 1
    return n


def check_expansions(original, out: str) -> Counter:
    """Every marker's target returns exactly the part of `original` it folded, and says how
    much that is; the hash is given once. Returns how many markers of each kind it checked."""
    digest = DIGEST.search(out).group(1)
    assert out.count(digest) == 1, "the restore command is said once"
    n: Counter = Counter()
    for s in strings(json.loads(out)):
        if (marker := marker_target(s)) is None:
            continue
        m, target = marker
        got = hr("expand", digest, "--items", target).stdout.decode("utf-8")
        pointer, rng = parts(target)
        node = resolve(original, pointer)
        if m.re is FOLD:
            a, b = rng
            assert int(m.group(1).replace(",", "")) == b - a + 1, s
            if isinstance(node, list):
                assert json.loads(got) == node[a : b + 1], target
            else:
                assert json.loads(got) == dict(list(node.items())[a : b + 1]), target
        elif m.re is CUT:
            assert got == node + "\n", target
            kept = s[: m.start()]
            assert node.startswith(kept) and len(node) - len(kept) == int(m.group(1).replace(",", "")), s
        else:
            assert json.loads(got) == node, target
        n[{FOLD: "fold", CUT: "cut", SAME: "same"}[m.re]] += 1
    references = sum(bool(SAME.fullmatch(s)) for s in strings(json.loads(out)))
    assert check_references(json.loads(out), original, original) == references
    return n


@functools.cache
def pip_inspect() -> bytes:
    proc = subprocess.run([sys.executable, "-m", "pip", "inspect", "--local"], capture_output=True)
    if proc.returncode != 0:
        pytest.skip("pip inspect is not available")
    return proc.stdout


def test_pip_inspect_is_big_enough_to_fold():
    assert len(pip_inspect()) > 20_000


def test_pip_inspect_output_is_json_with_exact_expansions():
    data = pip_inspect()
    original = json.loads(data)
    out = compress(data)
    doc = json.loads(out)  # the output is still JSON
    assert list(doc) == list(original)  # every top-level key stays
    assert len(out) < len(data) / 3
    # long descriptions (READMEs) are cut with their length and fetched back whole
    assert re.search(r"… \[hr [\d,]+ more chars ", out)
    assert check_expansions(original, out)["cut"] >= 1


def test_a_cut_after_a_lone_surrogate_escape_stays_json():
    # Python writes a lone surrogate as `\ud83e`; an escape right after it is not its pair,
    # so a cut there must not land inside that escape
    text = "a" * 239 + "\ud83e\n\u00e9" + "b" * 800
    data = json.dumps([{"id": i, "text": text} for i in range(300)], indent=2).encode()
    out = compress(data)
    assert re.search(r"… \[hr [\d,]+ more chars ", out)
    json.loads(out)  # raises on a cut escape


def test_items_slices_the_top_level_array_exactly():
    # `pip inspect`'s records as a top-level array: big enough to fold
    installed = json.loads(pip_inspect())["installed"]
    records = (installed * (40 // max(len(installed), 1) + 1))[:40]
    data = json.dumps(records, indent=2).encode()
    out = compress(data)
    json.loads(out)
    folds = [t for _, t in commands(out) if re.fullmatch(r"\d+(-\d+)?", t)]
    assert folds, out[:2000]
    assert check_expansions(records, out)["fold"] >= len(folds)
    digest = commands(out)[0][0]
    got = json.loads(hr("expand", digest, "--items", "3-7").stdout)
    assert got == records[3:8]


def test_npm_ls_tree():
    if not shutil.which("npm"):
        pytest.skip("npm is not installed")
    proc = subprocess.run(["npm", "ls", "-g", "--json", "--all"], capture_output=True, timeout=120)
    if not proc.stdout.strip().startswith(b"{"):
        pytest.skip("npm ls gave no JSON")
    original = json.loads(proc.stdout)
    out = compress(proc.stdout)
    assert list(json.loads(out)) == list(original)
    check_expansions(original, out)


def test_json_tool_output_of_a_real_structure():
    # pip's installed distributions, pretty-printed by `python -m json.tool`
    listing = subprocess.run([sys.executable, "-m", "pip", "list", "--format=json"], capture_output=True, check=True)
    big = json.dumps(json.loads(listing.stdout) * 20)  # the same real records, 20 times
    pretty = subprocess.run([sys.executable, "-m", "json.tool"], input=big.encode(), capture_output=True, check=True)
    original = json.loads(pretty.stdout)
    out = compress(pretty.stdout)
    doc = json.loads(out)
    assert isinstance(doc, list)
    assert doc[0].startswith("[hr table, rows are [") and "name, version" in doc[0]
    check_expansions(original, out)


def test_ndjson_lines_are_items():
    records = json.loads(pip_inspect())["installed"]
    lines = [json.dumps({"name": r["metadata"]["name"], "version": r["metadata"]["version"],
                         "installer": r.get("installer"), "requested": r.get("requested")}) for r in records]
    lines = (lines * (300 // max(len(lines), 1) + 1))[:300]
    lines[150] = json.dumps({"name": "broken", "error": "metadata unreadable", "level": "error"})
    # a line separator inside a string is not a line break for NDJSON (only \n is)
    lines[200] = json.dumps({"name": "odd\u2028name", "version": "1.0"}, ensure_ascii=False)
    data = ("\n".join(lines) + "\n").encode()
    original = [json.loads(l) for l in lines]
    out = compress(data)
    doc = json.loads(out)
    assert "NDJSON: 300 lines" in doc[0]
    assert '"metadata unreadable"' in out
    check_expansions(original, out)


def test_members_are_counted_as_written_duplicates_included():
    # a key written twice is two members, as the core counts them: a range names the same
    # members in the output's marker and in what `hr expand --items` brings back
    pairs = [(f"k{i}", f"value {i} " + "x" * 40) for i in range(400)]
    pairs.insert(100, ("k0", "the same key again"))
    text = '{"big": {' + ", ".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in pairs) + "}}"
    out = compress(text.encode())
    [(digest, target)] = commands(out)
    pointer, (a, b) = parts(unquote(target))
    assert pointer == "/big"
    got = hr("expand", digest, "--items", target).stdout.decode()
    assert json.loads(got, object_pairs_hook=list) == pairs[a : b + 1]
    # a key names its first member, as the core's pointers do
    assert hr("expand", digest, "--items", "/big/k0").stdout.decode() == pairs[0][1] + "\n"


def test_json_values_one_after_another_are_items():
    # `go list -json` prints one JSON object per package, each over many lines, as `jq` does
    if shutil.which("go") is None:
        pytest.skip("go is not installed")
    proc = subprocess.run(["go", "list", "-json", "std"], capture_output=True)
    if proc.returncode != 0 or not proc.stdout:
        pytest.skip("go list -json std printed nothing")
    original = list(json_items.values(proc.stdout.decode("utf-8")))
    assert len(original) > 100
    out = compress(proc.stdout)
    doc = json.loads(out)
    assert f"{len(original):,} JSON values shown as one JSON array" in doc[0]
    assert check_expansions(original, out)["fold"] > 0


def test_invalid_json_never_fails():
    data = pip_inspect()
    broken = data[: len(data) // 2]
    for args in ([], ["--kind", "json"]):
        proc = hr(*args, data=broken)
        assert proc.returncode == 0
        # the input itself, or another compressor's output that names the original
        assert proc.stdout == broken or re.search(rb"hr expand [0-9a-f]{12}", proc.stdout)


def test_output_is_deterministic():
    data = pip_inspect()
    assert compress(data) == compress(data)


def test_bad_item_targets_are_clear_errors():
    data = json.dumps([{"id": i, "name": f"n{i}", "note": "x" * 50} for i in range(200)]).encode()
    out = compress(data)
    digest = commands(out)[0][0]
    for target in ("9-3", "500-600", "/nope:1-2", "abc"):
        proc = hr("expand", digest, "--items", target, check=False)
        assert proc.returncode == 2, target
        assert proc.stderr.startswith(b"hr: "), proc.stderr


def corpus_cases():
    if not CORPUS.is_dir():
        return []
    return sorted(p.name for p in CORPUS.iterdir() if (p / "case.json").is_file())


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
@pytest.mark.parametrize("case", corpus_cases())
def test_corpus_needles_survive_and_output_is_json(case):
    folder = CORPUS / case
    data = next(folder.glob("input.*")).read_bytes()
    meta = json.loads((folder / "case.json").read_text())
    out = compress(data)
    for needle in meta["needles"]:
        options = needle.get("any_of") or [needle["verbatim"]]
        assert any(o in out for o in options), f"{case}: lost {options[:2]}"
    original = json.loads(data)
    json.loads(out)
    check_expansions(original, out)


@pytest.mark.skipif(not (CORPUS / "octokit-paginate-issues").is_dir(), reason="the shared corpus is not here")
def test_every_kind_of_marker_fetches_what_it_stands_for():
    # recorded API exchanges: folded headers and members, references to a user object above
    data = (CORPUS / "octokit-paginate-issues" / "input.json").read_bytes()
    out = compress(data)
    checked = check_expansions(json.loads(data), out)
    assert checked["fold"] >= 10 and checked["same"] >= 10, checked
    assert "--items" not in out.split("· hr expand", 1)[1].split("]", 1)[1], "said once"


@pytest.mark.skipif(not (CORPUS / "npm-query-all").is_dir(), reason="the shared corpus is not here")
def test_a_budget_keeps_fewer_outliers_and_json_stays_valid():
    data = (CORPUS / "npm-query-all" / "input.json").read_bytes()
    free = compress(data)
    tight = compress(data, "--budget", "1000")
    assert len(tight) < len(free) / 2
    assert " outliers, over budget) " in tight
    json.loads(tight)
    check_expansions(json.loads(data), tight)


def test_a_log_kept_as_a_list_of_its_lines_keeps_an_example_of_each_failure():
    # a job's log as a JSON list of its lines (what `jq -R -s 'split("\n")'` makes of it): the
    # list's middle folds, but each kind of failure its lines report keeps one line, as the
    # signal guard keeps one of each in a plain log (a captured Ruby service's log, tests/fixtures)
    lines = (Path(__file__).parent / "fixtures" / "logs" / "ruby-logger-traces.log").read_text().splitlines()
    data = json.dumps({"job": "orders", "status": "failed", "log": lines}, indent=2).encode()
    out = compress(data)
    kept = [s for s in strings(json.loads(out)) if " ERROR -- : " in s]

    def kind(line: str) -> str:
        return re.sub(r"\d+", "N", line.split(" ERROR -- : ")[1])
    kinds = {kind(s) for s in lines if " ERROR -- : " in s}
    assert len(kinds) >= 4
    assert {kind(s) for s in kept} == kinds
    assert len(out) < len(data) / 3
