"""Fixtures for the fault-injection suite (helpers are in faultkit.py)."""

from __future__ import annotations

import pytest

from faultkit import DIGEST, LOG
from support import run_hr


@pytest.fixture
def stored(cache) -> str:
    """The full digest of a log that `hr` compressed (and so stored) in this test's cache."""
    r = run_hr([], LOG)
    assert r.returncode == 0 and b"hr expand " + DIGEST[:12].encode() in r.stdout
    return DIGEST
