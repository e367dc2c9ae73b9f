"""Plain text (`hr-core/src/text.rs`) and its scorer CompressBase (`hr-core/src/compressbase.rs`).

Real inputs: man pages and `--help` output produced on this machine during the test, READMEs
that Debian ships, and the benchmark's text cases when ../shared is present.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import CORPUS as SHARED_CORPUS, LINE_MARKER, marker_range

from hr.engine import core

ROOT = Path(__file__).resolve().parent.parent
HR = [sys.executable, "-m", "hr.entry"] if not shutil.which("hr", path=str(Path(sys.executable).parent)) else [
    str(Path(sys.executable).parent / "hr")
]
CORPUS = SHARED_CORPUS / "text"
MARKER = re.compile(f"^{LINE_MARKER.pattern}$")


def run_hr(data: bytes, cache: Path, *args: str) -> bytes:
    env = dict(os.environ, HR_CACHE_DIR=str(cache))
    return subprocess.run(HR + list(args), input=data, capture_output=True, env=env, check=True).stdout


def real(cmd: list[str], env: dict | None = None) -> bytes:
    if not shutil.which(cmd[0]):
        pytest.skip(f"{cmd[0]} not installed")
    out = subprocess.run(cmd, capture_output=True, env=dict(os.environ, **(env or {}))).stdout
    if len(out) < 2000:
        pytest.skip(f"{' '.join(cmd)} printed too little here")
    return out


def inputs() -> list[tuple[str, object]]:
    cases: list[tuple[str, object]] = [
        ("man-ls", lambda: real(["man", "-P", "cat", "ls"], {"MANWIDTH": "100"})),
        ("man-tar", lambda: real(["man", "-P", "cat", "tar"], {"MANWIDTH": "80"})),
        ("git-help-all", lambda: real(["git", "help", "-a"])),
        ("ls-help", lambda: real(["ls", "--help"])),
        ("pip-help", lambda: real([sys.executable, "-m", "pip", "install", "--help"])),
    ]
    readme = Path("/usr/share/doc/git/README.md")
    cases.append(("readme-git", lambda: readme.read_bytes() if readme.exists() else pytest.skip("no README")))
    for case in sorted(CORPUS.glob("*/input.*")) if CORPUS.is_dir() else []:
        cases.append((case.parent.name, case.read_bytes))
    return cases


CASES = inputs()


@pytest.fixture(params=CASES, ids=[c[0] for c in CASES])
def text(request) -> bytes:
    return request.param[1]()


def test_real_text_sniffs_as_text(text):
    assert core.sniff(text) == "text"


def test_kept_lines_are_verbatim_and_markers_restore_exactly(text, tmp_path):
    out = run_hr(text, tmp_path, "--kind", "text")
    original = text.decode().split("\n")
    if out == text:
        # an option list is nearly all structure: passing it through is right, but a document
        # of running prose must get shorter
        prose = [line for line in original if len(line.split()) >= 8 and line.rstrip().endswith(".")]
        assert len(prose) < len(original) / 4, "prose passed through untouched"
        return
    rebuilt: list[str] = []
    digest = None
    markers = [line for line in out.decode().split("\n") if MARKER.match(line)]
    # `hr expand` round trips for a few markers (each is a process); all are checked by rebuilding
    sample = set(markers[:3] + markers[-3:])
    for line in out.decode().split("\n"):
        m = MARKER.match(line)
        if not m:
            assert line in original, f"not a verbatim line of the input: {line!r}"
            rebuilt.append(line)
            continue
        digest = digest or m.group("hash")
        a, b = marker_range(m)
        if line in sample:
            got = run_hr(b"", tmp_path, "expand", digest, "--lines", f"{a}-{b}").decode()
            assert got.rstrip("\n").split("\n") == original[a - 1 : b]
        rebuilt.extend(original[a - 1 : b])
    # kept lines and restored ranges, in order, are the whole input again
    assert rebuilt == original
    assert digest is not None


def test_deterministic(text, tmp_path):
    a = run_hr(text, tmp_path / "a", "--kind", "text")
    b = run_hr(text, tmp_path / "b", "--kind", "text")
    assert a == b
    assert core.compress("text", text, "0123456789ab", 5000) == core.compress("text", text, "0123456789ab", 5000)


def test_budget_is_respected(text):
    budget = max(2000, len(text) // 5)
    out, spans = core.compress("text", text, "0123456789ab", budget)
    assert spans
    assert len(out) <= budget * 1.2 + 400, (len(out), budget)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="benchmark corpus not present")
@pytest.mark.parametrize("case", sorted(p.name for p in CORPUS.iterdir()) if CORPUS.is_dir() else [])
def test_corpus_needles_survive_and_text_shrinks(case, tmp_path):
    data = next((CORPUS / case).glob("input.*")).read_bytes()
    out = run_hr(data, tmp_path).decode()
    for needle in json.loads((CORPUS / case / "case.json").read_text())["needles"]:
        options = needle.get("any_of") or [needle["verbatim"]]
        assert any(o in out for o in options), needle
    assert core.estimate_tokens(out.encode()) <= 0.6 * core.estimate_tokens(data)


def test_structure_survives_on_a_markdown_doc():
    doc = ["# Title", "", "## Install", ""]
    for i in range(40):
        doc += [f"Paragraph {i} talks about the tool in general and repeats itself a good deal, really.", ""]
    doc += ["WARNING: this deletes the cache at ~/.cache/tool.", "", "- item one about `--force`",
            "- item two", "", "| col | other |", "| --- | ----- |", "| a | b |", "",
            "```sh", "tool --force /tmp/x", "```", ""]
    data = "\n".join(doc).encode()
    out, spans = core.compress("text", data, "0123456789ab")
    text = out.decode()
    for must in ["# Title", "## Install", "WARNING: this deletes the cache at ~/.cache/tool.",
                 "| col | other |\n| --- | ----- |", "```sh\ntool --force /tmp/x\n```"]:
        assert must in text, must
    assert len(out) < 0.7 * len(data)


# --- the model ----------------------------------------------------------------------------------

def test_model_is_small_and_shipped_in_the_library():
    weights = ROOT / "hr-core" / "data" / "compressbase.bin"
    assert weights.stat().st_size <= 5 * 1024 * 1024
    assert weights.read_bytes()[:5] == b"CBASE"


def test_model_scores_information_not_length():
    common, rare = core.compressbase_score(
        ["It is the default and it is used by the program when it is run.",
         "Zstandard dictionaries shrink xattr inode fragmentation on btrfs."], "bigram")
    assert common[0] / common[2] < rare[0] / rare[2]
    once, again = core.compressbase_score(["The frobnicator writes zorp tables."] * 2)
    assert again[0] < 0.6 * once[0]
    with pytest.raises(ValueError):
        core.compressbase_score(["x"], "trigram")


def test_trainer_tokenizer_matches_the_scorer():
    sys.path.insert(0, str(ROOT / "train"))
    try:
        import compressbase as trainer
    finally:
        sys.path.pop(0)
    sample = "Use -r, --recursive: 42 files/dir café ~/x_y.TXT"
    want = trainer.tokens(sample.encode())
    (_, tokens, words), = core.compressbase_score([sample], "unigram")
    assert tokens == len(want)
    assert words == sum(t[:1].isalnum() for t in want)


def test_source_code_sent_to_text_keeps_every_definition(tmp_path):
    """Code that reaches `text` (by --kind or a wrong sniff) is folded only where it repeats."""
    import argparse

    data = Path(argparse.__file__).read_bytes()
    out = run_hr(data, tmp_path, "--kind", "text").decode()
    for line in data.decode().splitlines():
        if line.startswith(("def ", "class ")):
            assert line in out, line
