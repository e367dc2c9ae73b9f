"""Held-out evaluation of CompressBase, against trivial baselines.

    .venv/bin/python train/eval_compressbase.py        # needs the built package (hr._core)
    .venv/bin/python train/eval_compressbase.py --validation   # the split parameters were chosen on

Documents: the held-out split of train/corpus.py (files the trainer never saw; one in ten by a
hash of the path), at most MAX_DOCS of them with at least MIN_SENTENCES sentences.

1. Language model: bits per token on the held-out text, unigram vs bigram vs bigram + cache.
2. Extraction: each scorer ranks a document's sentences and keeps the best until KEEP of the
   characters are used. Measured: recall of the document's *key terms*, the things an agent
   must not lose (options like `-r`/`--force`, paths, numbers, identifiers with `_`, `.` or
   camelCase, `code spans`), and recall of its distinct content words. Baselines: position
   (lead sentences first), length (longest first), random (fixed seed).
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
from compressbase import paragraphs  # noqa: E402

from hr.engine import core  # noqa: E402

MAX_DOCS = 300
MIN_SENTENCES = 12
KEEP = 0.5
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(`\"'])")
KEY_TERM = re.compile(
    r"(?<![\w-])--?[A-Za-z][\w-]*|(?:~|\.{1,2})?/[\w.@+-]+(?:/[\w.@+-]+)*|\b\d[\d.,:]*\d\b|"
    r"\b\w+_\w+\b|\b[A-Za-z]\w*\.[A-Za-z]\w*(?:\.\w+)*\b|\b[a-z]+[A-Z]\w*\b|`[^`\n]+`"
)
WORD = re.compile(r"[A-Za-z]{4,}")
STOP = set(
    "that this with from have will been were which when there their them they then than what also "
    "into only more some such each other used uses using must should would could does done make "
    "made like most many much very just over under about after before between these those where "
    "while your yours here being because same both either neither whether".split()
)


def sentences(text: str) -> list[str]:
    out = []
    for p in paragraphs("", "", text.encode()):
        flat = " ".join(p.decode("utf-8", "replace").split())
        out.extend(s for s in SENTENCE.split(flat) if len(s) > 1)
    return out


def held_out_docs(validation: bool = False) -> list[tuple[str, list[str]]]:
    """The test documents, or with `validation` the next MAX_DOCS held-out documents (used once,
    to choose the cache weight; see docs/compressbase.md)."""
    docs = []
    for source, path, data in corpus.documents():
        if not corpus.held_out(path):
            continue
        if path.endswith("METADATA"):
            data = data.partition(b"\n\n")[2]
        sents = sentences(data.decode("utf-8", "replace"))
        if len(sents) >= MIN_SENTENCES:
            docs.append((hashlib.sha1(path.encode()).hexdigest(), source, sents))
    docs.sort()
    chosen = docs[MAX_DOCS : 2 * MAX_DOCS] if validation else docs[:MAX_DOCS]
    return [(source, sents) for _, source, sents in chosen]


def select(sents: list[str], scores: list[float]) -> list[int]:
    budget = KEEP * sum(len(s) for s in sents)
    used, keep = 0, []
    for i in sorted(range(len(sents)), key=lambda i: (-scores[i], i)):
        if used + len(sents[i]) <= budget:
            keep.append(i)
            used += len(sents[i])
    return keep


def recall(sents: list[str], keep: list[int], pattern: re.Pattern, stop: set = frozenset()) -> float:
    def terms(text: str) -> set[str]:
        return {t.lower() for t in pattern.findall(text)} - stop
    every = terms(" ".join(sents))
    if not every:
        return 1.0
    return len(terms(" ".join(sents[i] for i in keep)) & every) / len(every)


def density(sents: list[str], mode: str) -> list[float]:
    """Bits per word, as the compressor ranks units (compressbase.rs `Score::density`)."""
    return [bits / max(words, 1) for bits, _, words in core.compressbase_score(sents, mode)]


SCORERS = {
    "compressbase (bigram + cache)": lambda s: density(s, "full"),
    "  ablation: bigram, no cache": lambda s: density(s, "bigram"),
    "  ablation: unigram": lambda s: density(s, "unigram"),
    "position (lead first)": lambda s: [-i for i in range(len(s))],
    "length (longest first)": lambda s: [len(x) for x in s],
    "length (shortest first)": lambda s: [-len(x) for x in s],
    "random (seeded)": lambda s: [hashlib.sha1(x.encode()).digest()[0] for x in s],
}


def main() -> None:
    validation = "--validation" in sys.argv[1:]
    docs = held_out_docs(validation)
    if validation:
        print("VALIDATION split (for choosing parameters, not for reporting)")
    n_sent = sum(len(s) for _, s in docs)
    sources = sorted({src for src, _ in docs})
    print(f"held-out documents: {len(docs)} ({', '.join(sources)}), sentences: {n_sent}\n")

    print("1. language model, bits per token on held-out text (lower is better)")
    for mode in ("unigram", "bigram", "full"):
        bits = tokens = 0
        for _, sents in docs:
            for b, t, _ in core.compressbase_score(sents, mode):
                bits += b
                tokens += t
        print(f"   {mode:8s} {bits / tokens:6.2f}")

    print(f"\n2. extraction at {KEEP:.0%} of the characters: recall of what was kept (higher is better)")
    print(f"   {'scorer':34s} {'key terms':>10s} {'content words':>14s} {'docs won vs position':>21s}")
    results = {}
    for name, scorer in SCORERS.items():
        key, words = [], []
        for _, sents in docs:
            keep = select(sents, scorer(sents))
            key.append(recall(sents, keep, KEY_TERM))
            words.append(recall(sents, keep, WORD, STOP))
        results[name] = (key, words)
    base = results["position (lead first)"][0]
    for name, (key, words) in results.items():
        wins = sum(k > b for k, b in zip(key, base))
        print(f"   {name:34s} {sum(key) / len(key):10.3f} {sum(words) / len(words):14.3f} {wins:>14d}/{len(key)}")


if __name__ == "__main__":
    main()
