"""Fixtures for the proxy tests: a fake API and an hr proxy in front of it, both local."""

from __future__ import annotations

import pytest

pytest.importorskip("aiohttp")

from fakes import FakeAPI, ProxyServer  # noqa: E402


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("HR_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def make_fake():
    fakes = []

    def make(reply) -> FakeAPI:
        fakes.append(FakeAPI(reply))
        return fakes[-1]

    yield make
    for fake in fakes:
        fake.close()


@pytest.fixture
def make_proxy():
    proxies = []

    def make(upstream: str, **config) -> ProxyServer:
        proxies.append(ProxyServer(upstream, **config))
        return proxies[-1]

    yield make
    for proxy in proxies:
        proxy.close()

