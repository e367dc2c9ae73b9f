"""Forwarding one request upstream and relaying the answer as it arrives.

Headers go both ways unchanged except hop-by-hop ones, `host` and `content-length` (aiohttp
sets those for the bytes actually sent). The response body is relayed chunk by chunk as the
socket delivers it, still encoded (the client asked for that encoding), never buffered.
"""

from __future__ import annotations

import aiohttp
from aiohttp import web

HOP_BY_HOP = frozenset({
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
    "trailers", "transfer-encoding", "upgrade", "host", "content-length",
})
# The inbound token of a shared proxy is for hr, not for the upstream API.
PROXY_TOKEN_HEADER = "x-hr-proxy-token"


def request_headers(headers) -> list[tuple[str, str]]:
    connection = {h.strip().lower() for h in headers.get("connection", "").split(",")}
    return [(k, v) for k, v in headers.items()
            if k.lower() not in HOP_BY_HOP and k.lower() not in connection and k.lower() != PROXY_TOKEN_HEADER]


def response_headers(headers) -> list[tuple[str, str]]:
    connection = {h.strip().lower() for h in headers.get("connection", "").split(",")}
    return [(k, v) for k, v in headers.items() if k.lower() not in HOP_BY_HOP and k.lower() not in connection]


# What an upstream that breaks off mid-stream raises while its body is read.
STREAM_BROKEN = (aiohttp.ClientPayloadError, aiohttp.ClientConnectionError, TimeoutError)


class UpstreamUnreachable(Exception):
    """No answer came from upstream (refused, reset or timed out before the headers)."""


async def open_upstream(session: aiohttp.ClientSession, method: str, url: str, headers, body: bytes) -> aiohttp.ClientResponse:
    try:
        return await session.request(method, url, headers=headers, data=body, allow_redirects=False)
    except (aiohttp.ClientConnectionError, TimeoutError) as exc:
        raise UpstreamUnreachable(type(exc).__name__) from exc


async def start_response(request: web.Request, upstream: aiohttp.ClientResponse) -> web.StreamResponse:
    out = web.StreamResponse(status=upstream.status, reason=upstream.reason)
    for k, v in response_headers(upstream.headers):
        out.headers.add(k, v)
    if upstream.content_length is not None:  # the bytes are relayed as they came, encoded or not
        out.content_length = upstream.content_length
    await out.prepare(request)
    return out


async def relay_body(request: web.Request, upstream: aiohttp.ClientResponse, out: web.StreamResponse) -> bool:
    """Copy the body as it arrives. False if upstream dropped the connection mid-way: then the
    client's connection is dropped too, so that it sees a broken stream (and retries), never a
    clean end."""
    try:
        async for chunk in upstream.content.iter_any():
            try:
                await out.write(chunk)
            except ConnectionResetError:  # the client went away: nothing left to relay to
                return True
    except STREAM_BROKEN:
        abort(request)
        return False
    await out.write_eof()
    return True


def abort(request: web.Request) -> None:
    if request.transport is not None:
        request.transport.abort()
