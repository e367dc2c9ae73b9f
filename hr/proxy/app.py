"""The proxy server: configuration, routes, and the request handler that ties compression
(rewrite), relaying (relay) and retrieval together."""

from __future__ import annotations

import asyncio
import hmac
import os
import signal
import sys

import aiohttp
from aiohttp import web

from hr.proxy import anthropic, openai_chat, openai_responses, relay, rewrite
from hr.proxy.compressor import ToolResultCompressor
from hr.proxy.config import Config
from hr.proxy.metrics import Metrics

ROUTES = {
    "/v1/messages": anthropic,
    "/v1/messages/count_tokens": anthropic,
    "/v1/chat/completions": openai_chat,
    "/v1/responses": openai_responses,
}
# --retrieval tool: the module that answers hr_expand on each API
RETRIEVAL = {anthropic.NAME: "hr.proxy.retrieval_anthropic", openai_chat.NAME: "hr.proxy.retrieval_chat",
             openai_responses.NAME: "hr.proxy.retrieval_responses"}
# Streams in flight get this long to finish after SIGINT/SIGTERM.
SHUTDOWN_GRACE_S = 120.0

__all__ = ["Config", "Proxy", "main", "serve"]


class Proxy:
    def __init__(self, config: Config, compressor: ToolResultCompressor | None = None):
        self.config = config
        self.compressor = compressor or ToolResultCompressor(min_bytes=config.min_bytes)
        self.metrics = Metrics()
        self.session: aiohttp.ClientSession | None = None

    def app(self) -> web.Application:
        app = web.Application(client_max_size=1 << 30)
        app.router.add_get("/health", self.health)
        app.router.add_get("/stats", self.stats)
        app.router.add_get("/metrics", self.prometheus)
        app.router.add_get("/stats.html", self.stats_page)
        app.router.add_route("*", "/{tail:.*}", self.handle)
        app.on_startup.append(self._open_session)
        app.on_cleanup.append(self._close_session)
        return app

    async def _open_session(self, app) -> None:
        await asyncio.to_thread(self.compressor.warm_up)
        self.session = aiohttp.ClientSession(
            auto_decompress=False,  # relay the bytes as encoded for the client
            skip_auto_headers=("User-Agent", "Accept", "Accept-Encoding", "Content-Type"),
            timeout=aiohttp.ClientTimeout(total=None, sock_connect=30, sock_read=600),
            connector=aiohttp.TCPConnector(limit=0, ttl_dns_cache=300),
        )

    async def _close_session(self, app) -> None:
        if self.session is not None:
            await self.session.close()
        await asyncio.to_thread(self.compressor.close)

    # --- hr's own routes ---

    async def health(self, request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    async def stats(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return self._unauthorized(request)
        return web.json_response(self.metrics.snapshot(self.compressor))

    async def stats_page(self, request: web.Request) -> web.Response:
        """The page `hr stats --html` writes, for the ledger this proxy records into."""
        if not self._authorized(request):
            return self._unauthorized(request)
        from hr.stats import html

        page = await asyncio.get_running_loop().run_in_executor(None, html.page)
        return web.Response(text=page, content_type="text/html")

    async def prometheus(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return self._unauthorized(request)
        return web.Response(text=self.metrics.prometheus(self.compressor), content_type="text/plain")

    # --- the relay ---

    async def handle(self, request: web.Request) -> web.StreamResponse:
        api = ROUTES.get(request.path) if request.method == "POST" else None
        self.metrics.requests[api.NAME if api else "other"] += 1
        if not self._authorized(request):
            return self._unauthorized(request)
        self.metrics.request_started()
        try:
            response = await self._forward(request, api)
        finally:
            self.metrics.request_finished()
        self.metrics.responses[f"{response.status // 100}xx"] += 1
        return response

    async def _forward(self, request: web.Request, api) -> web.StreamResponse:
        raw = await request.read()
        body, compressed = raw, 0
        retrieval = self._retrieval(api)
        if api is not None and len(raw) >= self.config.min_bytes:  # smaller bodies hold no result worth it
            try:
                rewritten = await asyncio.to_thread(rewrite.compress_tool_results, raw, api, self.compressor)
                body, compressed = rewritten.body, rewritten.compressed
                if compressed and retrieval is not None:
                    body = rewrite.add_tool(body, retrieval.TOOL)
            except Exception as exc:  # fail open: the original request goes out
                self.metrics.events["fail_open"] += 1
                _debug(exc)
                body = raw
        url = self._upstream(request) + request.path_qs
        headers = relay.request_headers(request.headers)
        if compressed and body is not raw and retrieval is not None and request.path == retrieval.PATH:
            return await retrieval.relay_with_expansion(self, request, url, headers, body)
        try:
            upstream = await relay.open_upstream(self.session, request.method, url, headers, body)
        except relay.UpstreamUnreachable as exc:
            return self._unreachable(request, str(exc))
        async with upstream:
            out = await relay.start_response(request, upstream)
            if not await relay.relay_body(request, upstream, out):
                self.metrics.events["stream_dropped"] += 1
        return out

    def _retrieval(self, api):
        """With --retrieval tool, the module that answers hr_expand on this API (None: not here)."""
        if self.config.retrieval != "tool" or api is None or api.NAME not in RETRIEVAL:
            return None
        from importlib import import_module

        return import_module(RETRIEVAL[api.NAME])

    def _upstream(self, request: web.Request) -> str:
        anthropic_like = request.path.startswith("/v1/messages") or "anthropic-version" in request.headers
        return self.config.anthropic_upstream if anthropic_like else self.config.openai_upstream

    def _error(self, request: web.Request, status: int, kind: str, message: str) -> web.Response:
        api = ROUTES.get(request.path) or (anthropic if self._upstream(request) == self.config.anthropic_upstream else openai_chat)
        return web.Response(status=status, body=api.error_body(kind, message), content_type="application/json")

    def _unreachable(self, request: web.Request, why: str) -> web.Response:
        self.metrics.events["upstream_unreachable"] += 1
        return self._error(request, 502, "api_error", f"hr proxy: upstream unreachable ({why})")

    def _authorized(self, request: web.Request) -> bool:
        if not self.config.token:
            return True
        given = request.headers.get(relay.PROXY_TOKEN_HEADER, "")
        auth = request.headers.get("proxy-authorization", "")
        if auth.lower().startswith("bearer "):
            given = given or auth[7:]
        return hmac.compare_digest(given.encode(), self.config.token.encode())

    def _unauthorized(self, request: web.Request) -> web.Response:
        return self._error(request, 401, "authentication_error", f"hr proxy: missing or wrong {relay.PROXY_TOKEN_HEADER} header")


def _debug(exc: BaseException) -> None:
    if os.environ.get("HR_DEBUG"):
        import traceback

        traceback.print_exception(exc, file=sys.stderr)


async def serve(config: Config, ready=None, stop: asyncio.Event | None = None, proxy: Proxy | None = None) -> None:
    """Run until SIGINT or SIGTERM (or `stop` is set); then stop accepting connections and let
    the streams in flight finish."""
    proxy = proxy or Proxy(config)
    runner = web.AppRunner(proxy.app(), access_log=None, handle_signals=False, shutdown_timeout=SHUTDOWN_GRACE_S)
    await runner.setup()
    site = web.TCPSite(runner, config.host, config.port)
    await site.start()
    if stop is None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
    port = runner.addresses[0][1]
    if ready is not None:
        ready(port)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()


def main(config: Config) -> int:
    def ready(port: int) -> None:
        print(f"hr proxy: listening on http://{config.host}:{port} "
              f"(anthropic → {config.anthropic_upstream}, openai → {config.openai_upstream}, retrieval: {config.retrieval})",
              file=sys.stderr, flush=True)

    try:
        asyncio.run(serve(config, ready))
    except OSError as exc:
        print(f"hr proxy: {exc}", file=sys.stderr)
        return 1
    return 0

