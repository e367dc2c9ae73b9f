"""Type stubs for the native module built from hr-core/ (src/python.rs)."""

__version__: str

def sniff(data: bytes) -> str:
    """The kind of `data`: 'binary', 'json', 'log', 'test', 'code', 'diff', 'text' or 'shell'."""

def diagnostics(data: bytes) -> bool:
    """Whether most lines of `data` are a compiler's or a linter's findings, each at its place."""

def compress(
    kind: str, data: bytes, hash: str, budget_chars: int | None = None, min_fold_run: int = 0
) -> tuple[bytes, list[tuple[int, int]]]:
    """Compress UTF-8 `data` as `kind`; markers cite `hash`. `min_fold_run` is the learnt policy
    of `hr learn`: a fold of fewer lines than this stays verbatim (0 and 1: every fold is made).

    Returns the output and the folded original line ranges (1-based, inclusive).
    Raises ValueError for an unknown kind or for data that is not UTF-8.
    """

def estimate_tokens(data: bytes) -> int:
    """Estimated o200k_base token count of `data`."""

def marker_text(what: str, start: int, end: int, restore_hash: str | None = None) -> str:
    """`[hr WHAT LA-B]`; with `restore_hash` (an output's first marker) the range is said once, as
    the command: `[hr WHAT · hr expand HASH --lines A-B]`, and a bare count names its lines."""

def source_fits(data: bytes) -> bool:
    """Whether `data` can be parsed as source within the memory bound."""

def pack(data: bytes) -> bytes:
    """`data` as one zstd frame with checksum and content size (the store's object format)."""

def unpack(blob: bytes) -> bytes:
    """The bytes a stored frame holds. Raises ValueError if it is damaged or truncated."""

def unpacked_sha256(blob: bytes) -> str:
    """The SHA-256 (lowercase hex) of the bytes a stored frame holds, read a piece at a time
    without holding them. Raises ValueError if it is damaged or truncated."""

def compressbase_score(units: list[str], mode: str = "full") -> list[tuple[float, int, int]]:
    """CompressBase self-information of `units` of one document, in reading order.

    Returns `(bits, tokens, words)` per unit (words: tokens that are not punctuation). `mode`: 'full' (bigram + document cache, what `hr` uses),
    'bigram' or 'unigram'. Raises ValueError for another mode.
    """

def grep_lines(data: bytes, pattern: str, case_insensitive: bool = False) -> list[int]:
    """0-based numbers of the lines `pattern` matches (linear time); ValueError for a bad or too big pattern."""
