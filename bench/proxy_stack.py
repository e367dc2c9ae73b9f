#!/usr/bin/env python3
"""Why hr proxy uses aiohttp: the same bare relay (no compression) written with aiohttp
(server and client: `hr proxy` itself) and with starlette + httpx on uvicorn, measured against
the same paced fake API, interleaved. Needs, besides hr[proxy]: `pip install uvicorn starlette httpx`.

    .venv/bin/python bench/proxy_stack.py [--turns 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from proxy_load import HR, latency  # noqa: E402

STARLETTE_RELAY = '''
import os, httpx, uvicorn
from starlette.applications import Starlette
from starlette.responses import StreamingResponse
from starlette.routing import Route
UP = os.environ["UPSTREAM"]
client = httpx.AsyncClient(timeout=None)
async def relay(request):
    body = await request.body()
    req = client.build_request("POST", UP + request.url.path, content=body,
                               headers=[(k, v) for k, v in request.headers.items() if k not in ("host", "content-length")])
    resp = await client.send(req, stream=True)
    async def gen():
        async for chunk in resp.aiter_raw():
            yield chunk
        await resp.aclose()
    return StreamingResponse(gen(), status_code=resp.status_code, headers={"content-type": resp.headers.get("content-type", "")})
app = Starlette(routes=[Route("/v1/messages", relay, methods=["POST"])])
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
print(port, flush=True)
uvicorn.run(app, host="127.0.0.1", port=port, log_level="error", access_log=False)
'''


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--turns", type=int, default=20)
    args = ap.parse_args()
    here = Path(__file__).parent
    fake = subprocess.Popen([sys.executable, str(here / "proxy_load.py"), "--serve-fake"], stdout=subprocess.PIPE, text=True)
    direct = f"http://127.0.0.1:{fake.stdout.readline().strip()}"
    with tempfile.TemporaryDirectory() as cache:
        hr = subprocess.Popen([str(HR), "proxy", "--port", "0", "--anthropic-upstream", direct], stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "HR_CACHE_DIR": cache})
        hr_url = re.search(r"(http://[\d.]+:\d+)", hr.stderr.readline()).group(1)
        star = subprocess.Popen([sys.executable, "-c", STARLETTE_RELAY], stdout=subprocess.PIPE, text=True, env={**os.environ, "UPSTREAM": direct})
        star_url = f"http://127.0.0.1:{star.stdout.readline().strip()}"
        try:
            asyncio.run(asyncio.sleep(1))  # uvicorn prints the port before it listens
            report = {"aiohttp (hr proxy)": asyncio.run(latency(direct, hr_url, args.turns)),
                      "starlette+httpx on uvicorn": asyncio.run(latency(direct, star_url, args.turns))}
        finally:
            for p in (hr, star, fake):
                p.terminate()
                p.wait(60)
    print(json.dumps({k: {"added": v["added"], "ttfb_back_to_back_p50_ms": v["ttfb_back_to_back_p50_ms"]} for k, v in report.items()}, indent=2))


if __name__ == "__main__":
    main()
