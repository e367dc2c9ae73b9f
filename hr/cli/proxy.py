"""`hr proxy`: the click command only; the server (and aiohttp) is imported when it runs."""

from __future__ import annotations

import os
import sys

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on. Anything but loopback needs --allow-remote.")
@click.option("--port", type=click.IntRange(0, 65535), default=8787, show_default=True, help="Port to listen on (0: any free port).")
@click.option("--anthropic-upstream", metavar="URL", help="Where Anthropic requests go [default: $HR_ANTHROPIC_UPSTREAM or https://api.anthropic.com].")
@click.option("--openai-upstream", metavar="URL", help="Where OpenAI requests go [default: $HR_OPENAI_UPSTREAM or https://api.openai.com].")
@click.option("--retrieval", type=click.Choice(["shell", "tool"]), default="shell", show_default=True,
              help="shell: the agent runs `hr expand` itself. tool: give the model an hr_expand tool, answered inside the proxy.")
@click.option("--min-bytes", type=click.IntRange(0), default=2048, show_default=True, help="Tool results smaller than this pass through.")
@click.option("--allow-remote", is_flag=True, help="Allow a non-loopback --host; every request must then carry $HR_PROXY_TOKEN in an x-hr-proxy-token header.")
def proxy(host, port, anthropic_upstream, openai_upstream, retrieval, min_bytes, allow_remote):
    """Compress tool results between agents and the Anthropic and OpenAI APIs.

    Point a client at it (ANTHROPIC_BASE_URL=http://127.0.0.1:8787, or an OpenAI base URL of
    http://127.0.0.1:8787/v1). Only tool results above --min-bytes are compressed; every other
    byte of a request, its headers and the streamed answer are relayed unchanged. The same tool
    result becomes the same bytes on every turn, so prompt caching keeps working. GET /health,
    /stats and /metrics report on it. SIGINT or SIGTERM stop it after streams in flight end.

    \b
    Examples:
      hr proxy
      ANTHROPIC_BASE_URL=http://127.0.0.1:8787 claude
      hr proxy --retrieval tool --port 9000
    """
    from hr.proxy.config import Config, is_loopback

    token = os.environ.get("HR_PROXY_TOKEN") or None
    if not is_loopback(host):
        if not allow_remote:
            click.echo(f"hr: proxy: {host} is not a loopback address; pass --allow-remote (and set HR_PROXY_TOKEN) to serve other hosts", err=True)
            sys.exit(2)
        if not token:
            click.echo("hr: proxy: --allow-remote needs an inbound token in $HR_PROXY_TOKEN", err=True)
            sys.exit(2)
    try:
        from hr.proxy import app
    except ImportError as exc:
        click.echo(f"hr: proxy: {exc.name} is missing; install it with: pip install 'hr[proxy]'", err=True)
        sys.exit(2)
    sys.exit(app.main(Config(host, port, anthropic_upstream, openai_upstream, retrieval, token, min_bytes)))
