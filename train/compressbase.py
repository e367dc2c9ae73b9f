"""Train CompressBase: a hashed, pruned word-bigram language model for scoring sentences.

    python train/compressbase.py            # retrain on the files listed in the manifest
    python train/compressbase.py --rescan   # list the machine's documentation afresh first

Writes hr-core/data/compressbase.bin and its manifest, compressbase.sources.txt.gz (the training
files, one path a line). Without --rescan the same files give the same bytes (sha256 printed).

The model gives every token a self-information (bits) given the token before it. `hr` scores a
sentence by its bits per token, mixed with a cache of the document read so far (so repeated
content is cheap, see hr-core/src/compressbase.rs). Deterministic: same files, same bytes out.
Standard library only. docs/compressbase.md describes the objective, the format and the
evaluation (train/eval_compressbase.py).

Tokens (mirrored exactly by the Rust tokenizer): ASCII is lowercased; a token is a run of
letters, a run of digits, or one ASCII punctuation character; all other bytes separate tokens.
Paragraphs (blank-line separated) start from the context <s>.
"""

from __future__ import annotations

import gzip
import hashlib
import math
import re
import struct
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "hr-core" / "data" / "compressbase.bin"
MANIFEST = OUT.with_suffix(".sources.txt.gz")

TOKEN = re.compile(rb"[a-z]+|[0-9]+|[!-/:-@\[-`{-~]")
PARAGRAPH = re.compile(rb"\n[ \t]*\n")
MAGIC = b"CBASE\x00\x01\x00"
VOCAB = 32_000  # words, besides <s> and <unk>
MAX_WORD = 40
TABLE_BITS = 20  # bigram slots: 2^20 x 2 bytes
MAX_LOAD = 0.55  # prune rarer bigrams until at most this share of slots is used
DISCOUNT = 0.75  # absolute discounting (Ney, Essen & Kneser 1994)
PROBES = 4  # slots a bigram may take after its own
SCALE = 8  # bits are stored as round(bits * SCALE) in a byte
BOS, UNK = 0, 1


def tokens(text: bytes) -> list[bytes]:
    return TOKEN.findall(text.lower())


def paragraphs(source: str, path: str, data: bytes) -> list[bytes]:
    if path.endswith("METADATA"):
        data = data.partition(b"\n\n")[2]  # the long description, not the headers
    return [p for p in PARAGRAPH.split(data) if p.strip()]


def quant(bits: float) -> int:
    return max(0, min(255, round(bits * SCALE)))


def slot(prev: int, cur: int) -> tuple[int, int]:
    """Bigram slot and 8-bit fingerprint; mirrored by compressbase.rs."""
    h = ((prev << 16 | cur) * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    fp = (h >> 16) & 0xFF
    return h >> (64 - TABLE_BITS), fp or 1


def load_training_text(listed: list[str] | None) -> tuple[list[list[bytes]], list[str], dict[str, int]]:
    """Paragraph token lists of the training split (exact duplicate paragraphs dropped)."""
    paras: list[list[bytes]] = []
    used: list[str] = []
    per_source: Counter[str] = Counter()
    seen: set[bytes] = set()
    for source, path, data in corpus.documents(listed):
        if corpus.held_out(path):
            continue
        n = 0
        for p in paragraphs(source, path, data):
            digest = hashlib.blake2b(p, digest_size=8).digest()
            if digest in seen:
                continue
            seen.add(digest)
            toks = tokens(p)
            if toks:
                paras.append(toks)
                n += len(toks)
        if n:
            used.append(path)
            per_source[source] += n
    return paras, used, dict(per_source)


def train(rescan: bool) -> dict:
    listed = None if rescan or not MANIFEST.exists() else gzip.decompress(MANIFEST.read_bytes()).decode().splitlines()
    paras, used, per_source = load_training_text(listed)
    uni: Counter[bytes] = Counter()
    for toks in paras:
        uni.update(toks)
    total = sum(uni.values())
    words = [w for w, _ in sorted(uni.items(), key=lambda kv: (-kv[1], kv[0])) if len(w) <= MAX_WORD][:VOCAB]
    ids = {w: i + 2 for i, w in enumerate(words)}
    in_vocab = sum(uni[w] for w in words)
    unk_tokens = total - in_vocab
    unk_types = len(uni) - len(words)

    # unigram: maximum likelihood over the vocabulary plus one <unk> class, spread over its types
    uni_bits = [0.0, 0.0] + [-math.log2(uni[w] / total) for w in words]
    unk_bits = -math.log2(max(unk_tokens, 1) / total) + math.log2(max(unk_types, 1))

    bigrams: Counter[int] = Counter()
    context: Counter[int] = Counter()
    for toks in paras:
        prev = BOS
        seq = [ids.get(t, UNK) for t in toks]
        context[BOS] += 1
        context.update(seq[:-1])
        bigrams.update((a << 16 | b) for a, b in zip([prev] + seq[:-1], seq) if b != UNK)
    # continuations into <unk> are never stored: they are part of the backoff mass below
    ranked = sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))
    capacity = int(MAX_LOAD * (1 << TABLE_BITS))
    min_count = 2
    while sum(1 for _, c in ranked[: capacity + 1] if c >= min_count) > capacity:
        min_count += 1
    stored = [(k, c) for k, c in ranked if c >= min_count]

    # interpolated absolute discounting: P(w|p) = (c(p,w) - D)/c(p) + g(p) P(w), where g(p)
    # holds the discounted mass plus everything pruned, so each context sums to one
    kept_mass: Counter[int] = Counter()
    n_kept: Counter[int] = Counter()
    for k, c in stored:
        kept_mass[k >> 16] += c
        n_kept[k >> 16] += 1
    gamma = [1.0] * (len(words) + 2)
    for p in range(len(gamma)):
        cp = context[p]
        if cp:
            gamma[p] = (cp - kept_mass[p] + DISCOUNT * n_kept[p]) / cp
    table = bytearray(2 << TABLE_BITS)
    collisions = 0
    for k, c in stored:
        p, w = k >> 16, k & 0xFFFF
        prob = (c - DISCOUNT) / context[p] + gamma[p] * 2 ** -uni_bits[w]
        s, fp = slot(p, w)
        for j in range(PROBES):  # linear probing; the more frequent bigrams come first
            i = (s + j) & ((1 << TABLE_BITS) - 1)
            if not table[2 * i]:
                table[2 * i] = fp
                table[2 * i + 1] = quant(-math.log2(prob))
                break
        else:
            collisions += 1

    blob = bytearray(MAGIC)
    blob += struct.pack("<IIH", len(words) + 2, TABLE_BITS, round(unk_bits * SCALE))
    for w in [b"<s>", b"<unk>"] + words:
        blob += bytes([len(w)]) + w
    blob += bytes(quant(b) for b in uni_bits)
    blob += bytes(quant(-math.log2(g)) for g in gamma)
    blob += table
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(bytes(blob))
    MANIFEST.write_bytes(gzip.compress("".join(p + "\n" for p in used).encode(), mtime=0))
    return {
        "documents": len(used),
        "paragraphs": len(paras),
        "tokens": total,
        "tokens_per_source": per_source,
        "vocabulary": len(words),
        "unk_share": round(unk_tokens / total, 4),
        "bigrams_seen": len(bigrams),
        "bigram_min_count": min_count,
        "bigrams_stored": len(stored) - collisions,
        "collisions_dropped": collisions,
        "bytes": len(blob),
        "sha256": hashlib.sha256(blob).hexdigest(),
    }


if __name__ == "__main__":
    for k, v in train("--rescan" in sys.argv[1:]).items():
        print(f"{k}: {v}")
