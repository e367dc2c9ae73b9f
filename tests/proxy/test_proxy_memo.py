"""The proxy's memo: a compressed tool result is kept on disk under its original's SHA-256, so
that a restarted or upgraded proxy sends the bytes the upstream prompt cache has already seen."""

from __future__ import annotations

import os
import shutil

import pytest

from fakes import big_log
from hr.engine import core
from hr.proxy.compressor import ToolResultCompressor
from hr.store.objects import KeyedStore, Store


def compressed(root, text: str) -> str | None:
    proxy = ToolResultCompressor(Store(root), min_bytes=1)
    try:
        return proxy(text, "anthropic")
    finally:
        proxy.close()


def test_a_new_proxy_sends_the_stored_text_without_compressing_again(cache, monkeypatch):
    text = big_log()
    out = compressed(cache, text)
    assert out is not None and "[hr " in out
    again = ToolResultCompressor(Store(cache), min_bytes=1)
    monkeypatch.setattr(again, "_compress", lambda *args: pytest.fail("compressed again, not read from the memo"))
    assert again(text, "anthropic") == out
    again.close()


def test_the_memo_leaves_the_original_whole(cache):
    # the original and its compressed text are both kept under the original's hash: each is
    # read back as itself
    text = big_log()
    out = compressed(cache, text)
    digest = core.sha256(text.encode())
    assert Store(cache).get(digest) == text.encode()
    assert KeyedStore(cache / "proxy").get(digest) == out.encode()


def test_a_memo_found_under_another_name_is_not_sent(cache, tmp_path):
    first, second = big_log(400, "worker"), big_log(500, "shard")
    out_first = compressed(cache, first)
    memo = KeyedStore(cache / "proxy")
    into = memo.path_for(core.sha256(second.encode()))
    os.makedirs(os.path.dirname(into), exist_ok=True)
    shutil.copy(memo.path_for(core.sha256(first.encode())), into)
    out_second = compressed(cache, second)
    assert out_second != out_first
    assert out_second == compressed(tmp_path / "clean", second)
