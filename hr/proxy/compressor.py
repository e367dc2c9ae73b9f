"""Tool results in, the same compressed bytes out on every turn and in every proxy process.

A result is compressed once, through `hr.engine.api.compress` (so the original is stored for
`hr expand` and `hr stats` counts it, with source "proxy"); the compressed text is then
memoized by the SHA-256 of the original: in memory, and in the store under `proxy/`, so that a
restarted or upgraded proxy still sends the bytes the upstream prompt cache has already seen.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor

from hr.engine import core
from hr.engine.dispatch import RESTORE_HINT, Hint
from hr.proxy.config import DEFAULT_MIN_BYTES
from hr.store.objects import HashError, KeyedStore, Store

MEMO_ENTRIES = 2048


class ToolResultCompressor:
    def __init__(self, store: Store | None = None, min_bytes: int = DEFAULT_MIN_BYTES):
        self.store = store or Store()
        self.memo_store = KeyedStore(os.path.join(self.store.root, "proxy"))
        self.min_bytes = min_bytes
        self._memo: OrderedDict[str, str | None] = OrderedDict()
        self.compressed = self.bytes_in = self.bytes_out = self.memo_hits = 0
        # ledger writes (an SQLite commit, often an fsync) run here, off the request path
        self._ledger = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hr-ledger")

    def warm_up(self) -> None:
        """Load the compressors before the first request needs them."""
        from hr.engine import dispatch

        dispatch.compress("".join(f"2024-01-01 00:00:{i % 60:02d} INFO warm-up line {i}\n" for i in range(200)).encode())

    def close(self) -> None:
        """Finish the ledger writes still queued."""
        self._ledger.shutdown(wait=True)

    def __call__(self, text: str, label: str) -> str | None:
        """The compressed text, or None to leave the result as it is."""
        data = text.encode("utf-8", "surrogatepass")
        if len(data) < self.min_bytes or RESTORE_HINT.search(text):
            return None
        digest = core.sha256(data)
        if digest in self._memo:
            self._memo.move_to_end(digest)
            self.memo_hits += 1
            out = self._memo[digest]
        else:
            out = self._stored(digest)
            if out is None:
                out = self._compress(data, digest, label)
            self._remember(digest, out)
        if out is not None:
            self.compressed += 1
            self.bytes_in += len(data)
            self.bytes_out += len(out.encode("utf-8", "surrogatepass"))
        return out

    def _stored(self, digest: str) -> str | None:
        try:
            return self.memo_store.get(digest).decode("utf-8", "surrogatepass")
        except (HashError, OSError, UnicodeDecodeError):
            return None

    def _compress(self, data: bytes, digest: str, label: str) -> str | None:
        from hr.engine import api

        result = api.compress(data, Hint(label=label), source="proxy", store=self.store, defer=self._ledger.submit)
        if result.passthrough:
            return None
        out = result.output.decode("utf-8", "surrogatepass")
        self.memo_store.put(result.output, digest)
        return out

    def _remember(self, digest: str, out: str | None) -> None:
        self._memo[digest] = out
        if len(self._memo) > MEMO_ENTRIES:
            self._memo.popitem(last=False)
