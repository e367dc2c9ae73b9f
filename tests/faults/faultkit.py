"""Helpers for the fault-injection suite: the input every test stores, and what every failure
must look like (one line, exit 2, no traceback)."""

from __future__ import annotations

import hashlib

from support import repetitive_log

LOG = repetitive_log()
DIGEST = hashlib.sha256(LOG).hexdigest()


def object_path(cache, digest: str = DIGEST):
    return cache / "objects" / digest[:2] / f"{digest}.zst"


def assert_one_line_error(r, *needles: str) -> None:
    """Exit status 2, nothing on stdout, one line on stderr holding each of `needles`."""
    err = r.stderr.decode(errors="replace")
    assert b"Traceback" not in r.stderr, err
    assert r.returncode == 2, (r.returncode, err)
    assert r.stdout == b"", r.stdout[:200]
    assert err.count("\n") == 1 and err.startswith("hr: "), err
    for needle in needles:
        assert needle in err, (needle, err)
