"""Token counts: the core's fast estimate, its measured error, and exact o200k_base counts.

The estimate's error against o200k_base, measured on the 48 inputs of the shared corpus by
`bench/token_estimate.py` (tests/test_stats_tokens.py measures it again and checks these):
"""

from __future__ import annotations

import hashlib
import os

ESTIMATE_ERROR = {"cases": 48, "mean_abs_error_pct": 8.7, "max_abs_error_pct": 20.3, "total_error_pct": -9.5}
ESTIMATE_HELP = (f"Token counts are a fast estimate: against exact o200k_base on {ESTIMATE_ERROR['cases']} real "
                 f"outputs it is off by {ESTIMATE_ERROR['mean_abs_error_pct']}% on average (at most "
                 f"{ESTIMATE_ERROR['max_abs_error_pct']}%; {ESTIMATE_ERROR['total_error_pct']:+}% over all of them).")

O200K_URL = "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken"
O200K_SHA256 = "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"
# o200k_base's split pattern and special tokens, as tiktoken_ext/openai_public.py (0.14) has them:
# that module would fetch the ranks from the network, so the encoding is built here instead.
O200K_PAT = "|".join([
    r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
    r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
    r"""\p{N}{1,3}""",
    r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""",
    r"""\s*[\r\n]+""",
    r"""\s+(?!\S)""",
    r"""\s+""",
])
O200K_SPECIAL = {"<|endoftext|>": 199999, "<|endofprompt|>": 200018}


class ExactUnavailable(RuntimeError):
    pass


def o200k_file() -> str | None:
    """o200k_base's BPE file, if this machine has it: `$HR_O200K_FILE`, else where tiktoken
    caches it once it has downloaded it (hr itself never downloads it)."""
    if os.environ.get("HR_O200K_FILE"):
        return os.environ["HR_O200K_FILE"]
    cache = os.environ.get("TIKTOKEN_CACHE_DIR", os.environ.get("DATA_GYM_CACHE_DIR"))
    if cache is None:
        import tempfile

        cache = os.path.join(tempfile.gettempdir(), "data-gym-cache")
    path = os.path.join(cache, hashlib.sha1(O200K_URL.encode()).hexdigest()) if cache else ""
    return path if path and os.path.isfile(path) else None


def exact_counter():
    """A function bytes -> exact o200k_base token count; ExactUnavailable (one line saying
    what is missing) when tiktoken or the BPE file is not there."""
    try:
        import tiktoken
        from tiktoken.load import load_tiktoken_bpe
    except ImportError:
        raise ExactUnavailable("--exact needs tiktoken (pip install tiktoken)") from None
    path = o200k_file()
    if path is None:
        raise ExactUnavailable("--exact needs o200k_base.tiktoken on this machine and hr never downloads it: "
                               "set HR_O200K_FILE to a copy (sha256 446a9538…), or let tiktoken cache it once")
    try:
        with open(path, "rb") as f:
            blob = f.read()
    except OSError as exc:
        raise ExactUnavailable(f"--exact: cannot read {path}: {exc.strerror}") from None
    if hashlib.sha256(blob).hexdigest() != O200K_SHA256:
        raise ExactUnavailable(f"--exact: {path} is not o200k_base.tiktoken (sha256 mismatch)")
    enc = tiktoken.Encoding(name="o200k_base", pat_str=O200K_PAT, mergeable_ranks=load_tiktoken_bpe(path),
                            special_tokens=O200K_SPECIAL)
    return lambda data: len(enc.encode(data.decode("utf-8", "replace"), disallowed_special=()))


def recount(compressions: list[dict], expansions: list[dict], originals, count) -> str:
    """Replace estimated token counts by o200k ones, in place, where the original is still
    stored (`originals(hash)` -> bytes or None): the input exactly, the output and the output's
    expansions scaled by that input's exact/estimate ratio (outputs are not stored). Returns
    what the counts now are, for the report."""
    ratio: dict[str, float] = {}
    for row in compressions:
        if row["hash"] not in ratio:
            data = originals(row["hash"])
            if data is not None and row["tokens_in"]:
                ratio[row["hash"]] = count(data) / row["tokens_in"]
        r = ratio.get(row["hash"])
        if r is not None:
            row["tokens_in"] = round(row["tokens_in"] * r)
            row["tokens_out"] = row["tokens_in"] if row["passthrough"] else round(row["tokens_out"] * r)
    for x in expansions:
        if x["hash"] in ratio:
            x["tokens_out"] = round(x["tokens_out"] * ratio[x["hash"]])
    exact = sum(1 for row in compressions if row["hash"] in ratio)
    return (f"o200k: inputs counted exactly for {exact} of {len(compressions)} calls whose original is still "
            "stored (the rest estimated); outputs and expansions scaled by their input's exact/estimate ratio")
