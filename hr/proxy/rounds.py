"""What `--retrieval tool` does the same way on every API: send one round upstream, hand its
answer to the API's relay, and decide what the client gets when a round fails."""

from __future__ import annotations


from aiohttp import web

from hr import json_numbers
from hr.proxy import relay

# hr_expand calls answered per request; after that the model's calls go to the client as they are
MAX_ROUNDS = 4


async def relay_with_expansion(proxy, request: web.Request, url: str, headers: list, body: bytes, stream, whole) -> web.StreamResponse:
    # the proxy reads these answers, so it asks for them unencoded
    headers = [(k, v) for k, v in headers if k.lower() != "accept-encoding"] + [("Accept-Encoding", "identity")]
    run = stream if json_numbers.loads(body).get("stream") is True else whole
    return await run(proxy, request, url, headers, body)


def dropped(proxy, request: web.Request, out: web.StreamResponse) -> web.StreamResponse:
    """Upstream broke off mid-round: the client's stream is broken off too (so that it retries),
    never ended as if complete."""
    proxy.metrics.events["stream_dropped"] += 1
    relay.abort(request)
    return out


async def open_stream_round(proxy, request: web.Request, url: str, headers: list, body: bytes, out):
    """(upstream, out, None) when the round streams; else (None, out, the response to return):
    the first round's non-stream answer relayed as it is, or the client's stream aborted when a
    continuation fails (it cannot be finished well)."""
    try:
        upstream = await relay.open_upstream(proxy.session, "POST", url, headers, body)
    except relay.UpstreamUnreachable as exc:
        if out is None:
            return None, None, proxy._unreachable(request, str(exc))
        relay.abort(request)
        return None, out, out
    is_sse = upstream.status == 200 and upstream.headers.get("content-type", "").startswith("text/event-stream")
    if out is None:
        out = web.StreamResponse(status=upstream.status, reason=upstream.reason)
        for k, v in relay.response_headers(upstream.headers):
            out.headers.add(k, v)
        await out.prepare(request)
        if not is_sse:
            async with upstream:
                if not await relay.relay_body(request, upstream, out):
                    proxy.metrics.events["stream_dropped"] += 1
            return None, out, out
    elif not is_sse:
        upstream.release()
        relay.abort(request)
        return None, out, out
    return upstream, out, None


async def fetch_whole(proxy, request: web.Request, url: str, headers: list, body: bytes):
    """(the parsed JSON answer or None, the answer as a response to give back as it is)."""
    try:
        upstream = await relay.open_upstream(proxy.session, "POST", url, headers, body)
    except relay.UpstreamUnreachable as exc:
        return None, proxy._unreachable(request, str(exc))
    async with upstream:
        data = await upstream.read()
    try:
        # numbers as written: an answer may hold one Python's int() refuses
        parsed = json_numbers.loads(data) if upstream.status == 200 else None
    except ValueError:
        parsed = None
    resp = web.Response(status=upstream.status, reason=upstream.reason, body=data)
    for k, v in relay.response_headers(upstream.headers):
        if k.lower() != "content-type":
            resp.headers.add(k, v)
    resp.content_type = upstream.content_type
    return parsed if isinstance(parsed, dict) else None, resp


def joined(answer: dict) -> web.Response:
    return web.Response(status=200, body=json_numbers.dumps(answer, ensure_ascii=False).encode(), content_type="application/json")
