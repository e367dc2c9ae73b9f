"""Fixtures for every test: a private cache (HR_CACHE_DIR) per test."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """A fresh HR_CACHE_DIR for this test, for in-process code and child processes alike."""
    d = tmp_path / "cache"
    monkeypatch.setenv("HR_CACHE_DIR", str(d))
    monkeypatch.delenv("HR_DISABLE", raising=False)
    return d
