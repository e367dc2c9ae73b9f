"""`hr proxy`: an HTTP proxy in front of the Anthropic and OpenAI APIs that compresses the tool
results in requests and relays everything else byte for byte, streams event by event.

Only `hr.proxy.app` (and what it imports) loads aiohttp; the CLI imports it lazily, on the
`hr proxy` path alone. `splice` and the per-API adapters are pure and need no event loop.
"""
