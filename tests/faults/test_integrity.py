"""Item 3: every read checks the SHA-256 the object is named by; a mismatch is a one-line error
with exit 2, and a damaged object is written again the next time its input is compressed."""

from __future__ import annotations

import pytest

from faultkit import LOG, assert_one_line_error, object_path
from hr.engine import core
from support import run_hr


@pytest.mark.parametrize("span", [[], ["--lines", "1-3"], ["--grep", "ERROR"], ["--head", "2"], ["--tail", "2"]])
def test_an_object_holding_other_bytes_is_refused(span, stored, cache):
    object_path(cache).write_bytes(core.pack(b"rm -rf / # not what was stored\n" * 20))  # valid zstd
    r = run_hr(["expand", stored[:12], *span])
    assert_one_line_error(r, str(object_path(cache)), "SHA-256")


def test_store_get_checks_the_hash(stored, cache):
    from hr.store.objects import CacheError, Store

    object_path(cache).write_bytes(core.pack(b"other bytes"))
    with pytest.raises(CacheError, match="SHA-256"):
        Store().get(stored)


@pytest.mark.parametrize("damage", ["other bytes", "garbage", "truncated", "empty"])
def test_a_damaged_object_is_written_again(damage, stored, cache):
    path = object_path(cache)
    blob = path.read_bytes()
    path.write_bytes({"other bytes": core.pack(b"x" * 1000), "garbage": b"\x28\xb5\x2f\xfd" + b"\0" * 64,
                      "truncated": blob[: len(blob) // 2], "empty": b""}[damage])
    assert run_hr(["expand", stored[:12]]).returncode == 2
    again = run_hr([], LOG)  # the same input compressed again
    assert again.returncode == 0 and again.stdout != LOG
    r = run_hr(["expand", stored[:12]])
    assert r.returncode == 0 and r.stdout == LOG
