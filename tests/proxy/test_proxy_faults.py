"""Failure behaviour: upstream errors pass through as they were, a dropped stream stays
dropped, an unreachable upstream is a 502 in the API's own shape, bad bodies go out unchanged."""

from __future__ import annotations

import json
import socket

import anthropic
import httpx
import pytest

from fakes import anthropic_message, big_log, error, sse, stream

OVERLOADED = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}


@pytest.mark.parametrize("status,headers", [
    (529, {}),
    (500, {"retry-after": "7", "x-should-retry": "true"}),
    (400, {"x-should-retry": "false"}),
])
def test_upstream_errors_pass_through_with_status_body_and_retry_headers(make_fake, make_proxy, status, headers):
    async def reply(request, raw):
        return error(status, OVERLOADED, {"request-id": "req_x", **headers})

    fake = make_fake(reply)
    proxy = make_proxy(fake.url)
    resp = httpx.post(proxy.url + "/v1/messages", content=b'{"model":"m","messages":[]}', headers={"x-api-key": "k"}, timeout=30)
    assert resp.status_code == status and resp.json() == OVERLOADED
    for name, value in {"request-id": "req_x", **headers}.items():
        assert resp.headers[name] == value


def test_sdk_honours_passed_on_should_retry_false(make_fake, make_proxy):
    async def reply(request, raw):
        return error(529, OVERLOADED, {"x-should-retry": "false"})

    fake = make_fake(reply)
    proxy = make_proxy(fake.url)
    client = anthropic.Anthropic(base_url=proxy.url, api_key="k", max_retries=2)
    with pytest.raises(anthropic.APIStatusError) as info:
        client.messages.create(model="m", max_tokens=5, messages=[{"role": "user", "content": "hi"}])
    assert info.value.status_code == 529
    assert len(fake.requests) == 1  # the SDK saw x-should-retry: false and did not retry


def test_stream_dropped_mid_way_reaches_the_client_as_dropped(make_fake, make_proxy):
    async def reply(request, raw):
        return await stream(request, sse(anthropic_message([{"type": "text", "text": "a b c d e f"}], "end_turn")), drop_after=4)

    fake = make_fake(reply)
    proxy = make_proxy(fake.url)
    client = anthropic.Anthropic(base_url=proxy.url, api_key="k", max_retries=0)
    received = []
    with pytest.raises(Exception) as info:  # the SDK's own transport error (httpx or httpx2)
        with client.messages.stream(model="m", max_tokens=5, messages=[{"role": "user", "content": "hi"}]) as s:
            for event in s:
                received.append(event.type)
    assert "peer closed connection" in str(info.value) or isinstance(info.value, anthropic.APIConnectionError)
    assert "content_block_delta" in received and "message_stop" not in received
    assert proxy.proxy.metrics.events["stream_dropped"] == 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again: nothing listens there


@pytest.mark.parametrize("path,shape", [("/v1/messages", "anthropic"), ("/v1/chat/completions", "openai"), ("/v1/responses", "openai")])
def test_upstream_down_is_a_502_in_the_api_shape(make_proxy, path, shape):
    proxy = make_proxy(f"http://127.0.0.1:{free_port()}")
    resp = httpx.post(proxy.url + path, content=b'{"model":"m"}', headers={"content-type": "application/json"}, timeout=30)
    assert resp.status_code == 502
    body = resp.json()
    if shape == "anthropic":
        assert body["type"] == "error" and body["error"]["type"] == "api_error"
    else:
        assert body["error"]["type"] == "api_error" and "message" in body["error"]


@pytest.mark.parametrize("body", [b'{"model":"m","messages":[{"role":"user",', b"not json at all", b"[1,2]", "{\"x\":\"\xff\"}".encode("latin-1")])
def test_malformed_body_is_forwarded_unchanged(make_fake, make_proxy, body):
    async def reply(request, raw):
        return error(400, {"type": "error", "error": {"type": "invalid_request_error", "message": "bad json"}})

    fake = make_fake(reply)
    proxy = make_proxy(fake.url)
    resp = httpx.post(proxy.url + "/v1/messages", content=body, headers={"content-type": "application/json"}, timeout=30)
    assert resp.status_code == 400 and fake.requests[0].raw == body


def test_internal_error_forwards_the_original_request(make_fake, make_proxy):
    async def reply(request, raw):
        return await stream(request, sse(anthropic_message([{"type": "text", "text": "ok"}], "end_turn")))

    fake = make_fake(reply)
    proxy = make_proxy(fake.url)

    def broken(data, label):
        raise RuntimeError("compressor bug")

    proxy.proxy.compressor._compress = broken
    body = json.dumps({"model": "m", "messages": [{"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t", "content": big_log()}]}]}).encode()
    resp = httpx.post(proxy.url + "/v1/messages", content=body, timeout=30)
    assert resp.status_code == 200 and fake.requests[0].raw == body
    assert proxy.proxy.metrics.events["fail_open"] == 1


def test_other_paths_and_methods_are_relayed(make_fake, make_proxy):
    async def reply(request, raw):
        from aiohttp import web

        return web.json_response({"path": request.path_qs, "method": request.method, "body": raw.decode()}, headers={"x-up": "1"})

    fake = make_fake(reply)
    proxy = make_proxy(fake.url)
    got = httpx.get(proxy.url + "/v1/models?limit=2", timeout=30)
    assert got.json() == {"path": "/v1/models?limit=2", "method": "GET", "body": ""} and got.headers["x-up"] == "1"
    got = httpx.delete(proxy.url + "/v1/files/f1", timeout=30)
    assert got.json()["method"] == "DELETE"


def test_client_gone_mid_stream_leaves_the_proxy_serving(make_fake, make_proxy, caplog):
    fake = None

    async def reply(request, raw):
        return await stream(request, sse(anthropic_message([{"type": "text", "text": " ".join(["w"] * 200)}], "end_turn")), gate_after=3, fake=fake)

    fake = make_fake(reply)
    proxy = make_proxy(fake.url)
    with httpx.stream("POST", proxy.url + "/v1/messages", content=b'{"model":"m","messages":[]}', timeout=30) as resp:
        lines = resp.iter_lines()
        while "content_block_delta" not in next(lines):
            pass
    # the client is gone; the fake now sends the rest into the closed connection
    fake.gate.set()
    assert proxy.proxy.metrics.idle.wait(timeout=60)  # the proxy is done with that request
    assert proxy.proxy.metrics.in_flight == 0
    assert proxy.proxy.metrics.events["stream_dropped"] == 0  # the client left; upstream dropped nothing
    again = httpx.post(proxy.url + "/v1/messages", content=b'{"model":"m","messages":[]}', timeout=30)
    assert again.status_code == 200 and "message_stop" in again.text
    assert not [r for r in caplog.records if r.levelname == "ERROR" and "aiohttp" in r.name]
