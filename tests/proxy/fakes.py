"""A scripted stand-in for the Anthropic and OpenAI APIs on 127.0.0.1 (port 0), and an
in-process `hr proxy` in front of it, each on its own event loop thread.

A test gives the fake an async `reply(request, raw)` that writes the answer (the helpers below
write SSE, errors, dropped streams). Every request is recorded with its exact bytes and headers.
`gate` lets a test hold a stream half-way: the fake waits on it (bounded) before the rest.
"""

from __future__ import annotations

import asyncio
import json
import threading

from aiohttp import web

from hr.proxy.app import Config, Proxy, serve

WAIT_S = 30  # every wait in the fakes is bounded


class LoopThread:
    """An asyncio loop on a daemon thread."""

    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coro, timeout: float = WAIT_S):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(WAIT_S)


class Recorded:
    def __init__(self, method: str, path_qs: str, headers: list[tuple[str, str]], raw: bytes):
        self.method, self.path_qs, self.headers, self.raw = method, path_qs, headers, raw

    @property
    def json(self) -> dict:
        return json.loads(self.raw)

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)


class FakeAPI:
    def __init__(self, reply):
        self.reply = reply
        self.requests: list[Recorded] = []
        self.gate = threading.Event()
        # set once a gated stream has begun: its frames after the gate wait for `gate`
        self.reached_gate = threading.Event()
        self._loop = LoopThread()
        self._runner = None
        self.port = self._loop.run(self._start())

    async def _start(self) -> int:
        app = web.Application(client_max_size=1 << 30)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        return self._runner.addresses[0][1]

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        self.requests.append(Recorded(request.method, request.path_qs, list(request.headers.items()), raw))
        return await self.reply(request, raw)

    async def wait_gate(self) -> None:
        ok = await asyncio.get_running_loop().run_in_executor(None, self.gate.wait, WAIT_S)
        assert ok, "the test never released the fake's gate"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self.gate.set()
        self._loop.run(self._runner.cleanup())
        self._loop.close()


class ProxyServer:
    def __init__(self, upstream: str, **config):
        self.config = Config(port=0, anthropic_upstream=upstream, openai_upstream=upstream, **config)
        self.proxy = Proxy(self.config)
        self._loop = LoopThread()
        started = threading.Event()
        self._stop = None

        def ready(port: int) -> None:
            self.port = port
            started.set()

        async def make_stop():
            self._stop = asyncio.Event()

        self._loop.run(make_stop())
        self._done = asyncio.run_coroutine_threadsafe(serve(self.config, ready, self._stop, self.proxy), self._loop.loop)
        assert started.wait(WAIT_S)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        if self._done.done():
            return
        self._loop.loop.call_soon_threadsafe(self._stop.set)
        self._done.result(WAIT_S)
        self._loop.close()


# --- answers ---

def sse(events: list[tuple[str | None, dict | str]]) -> list[bytes]:
    """SSE frames: named events (Anthropic, Responses) or unnamed `data:` ones (chat)."""
    frames = []
    for name, data in events:
        payload = data if isinstance(data, str) else json.dumps(data)
        frames.append((f"event: {name}\n" if name else "").encode() + f"data: {payload}\n\n".encode())
    return frames


async def stream(request: web.Request, frames: list[bytes], *, gate_after: int | None = None, fake: FakeAPI | None = None,
                 drop_after: int | None = None) -> web.StreamResponse:
    """Write frames one by one (flushed each); wait on the fake's gate after `gate_after`
    frames; drop the connection after `drop_after` frames."""
    out = web.StreamResponse(status=200, headers={"Content-Type": "text/event-stream", "request-id": "req_fake"})
    await out.prepare(request)
    if gate_after is not None:
        # said before any frame goes out: a client that sees one must find the fake holding the rest
        fake.reached_gate.set()
    for i, frame in enumerate(frames):
        if drop_after is not None and i == drop_after:
            request.transport.abort()
            return out
        if gate_after is not None and i == gate_after:
            await fake.wait_gate()
        try:
            await out.write(frame)
        except ConnectionResetError:  # the proxy hung up (its client went away): stop quietly
            return out
    await out.write_eof()
    return out


def anthropic_message(content: list[dict], stop_reason: str, msg_id: str = "msg_1") -> list[tuple[str, dict]]:
    events = [("message_start", {"type": "message_start", "message": {
        "id": msg_id, "type": "message", "role": "assistant", "model": "claude-test", "content": [],
        "stop_reason": None, "stop_sequence": None, "usage": {"input_tokens": 25, "output_tokens": 1}}})]
    for i, block in enumerate(content):
        if block["type"] == "text":
            events.append(("content_block_start", {"type": "content_block_start", "index": i, "content_block": {"type": "text", "text": ""}}))
            for word in block["text"].split(" "):
                events.append(("content_block_delta", {"type": "content_block_delta", "index": i, "delta": {"type": "text_delta", "text": word + " "}}))
        else:
            events.append(("content_block_start", {"type": "content_block_start", "index": i, "content_block": {**block, "input": {}}}))
            events.append(("content_block_delta", {"type": "content_block_delta", "index": i, "delta": {"type": "input_json_delta", "partial_json": json.dumps(block["input"])}}))
        events.append(("content_block_stop", {"type": "content_block_stop", "index": i}))
    events += [("message_delta", {"type": "message_delta", "delta": {"stop_reason": stop_reason, "stop_sequence": None}, "usage": {"output_tokens": 42}}),
               ("message_stop", {"type": "message_stop"})]
    return events


def error(status: int, body: dict, headers: dict | None = None) -> web.Response:
    return web.Response(status=status, body=json.dumps(body).encode(), headers={"Content-Type": "application/json", **(headers or {})})


def big_log(n: int = 400, tag: str = "worker") -> str:
    """A real-looking, very repetitive service log (compresses well)."""
    return "".join(f"2024-05-01T12:00:{i % 60:02d}Z INFO {tag}-{i % 7} processed request id={i} in {i * 3 % 97} ms\n"
                   for i in range(n)) + "2024-05-01T12:01:00Z ERROR database timeout after 30000 ms (pool exhausted)\n"
