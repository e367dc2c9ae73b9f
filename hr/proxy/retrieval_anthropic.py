"""`--retrieval tool` on the Anthropic Messages API: answer the model's `hr_expand` calls
inside the proxy, so that the client sees one well-formed answer.

Streaming: events are relayed one by one as they arrive, except the `hr_expand` tool_use
block, which is withheld. If the model stopped only to call `hr_expand`, its message_delta and
message_stop are held back too; the proxy runs the expansion, sends the continuation upstream
(the same body with the assistant turn and the tool_result appended, so the cached prefix
stays byte-identical) and relays the continuation's blocks with their indexes renumbered to
follow the ones already sent. The continuation's message_start is dropped; the last
message_delta carries the output tokens of every round. At most MAX_ROUNDS expansions per
request. Non-streaming requests get the same loop, and one message with every visible block.
"""

from __future__ import annotations

import asyncio

from aiohttp import web

from hr import json_numbers
from hr.proxy import expand_tool, relay, rewrite, rounds
from hr.proxy.rounds import MAX_ROUNDS
from hr.proxy.sse import encode as _event, events as _events

PATH = "/v1/messages"
TOOL = expand_tool.TOOL


class Round:
    """What one upstream answer said: its blocks (to send back in a continuation) and which
    of them were hr_expand calls."""

    def __init__(self):
        self.blocks: dict[int, dict] = {}
        self.partial: dict[int, list[str]] = {}
        self.hidden: set[int] = set()
        self.stop_reason = None
        self.output_tokens = 0

    def start(self, index: int, block: dict) -> None:
        block = dict(block)
        if block.get("type") == "tool_use" or block.get("type") == "server_tool_use":
            block["input"] = {}
            self.partial[index] = []
        self.blocks[index] = block
        if block.get("type") == "tool_use" and block.get("name") == expand_tool.NAME:
            self.hidden.add(index)

    def delta(self, index: int, delta: dict) -> None:
        block = self.blocks.get(index)
        if block is None:
            return
        kind = delta.get("type")
        if kind == "text_delta":
            block["text"] = block.get("text", "") + delta.get("text", "")
        elif kind == "thinking_delta":
            block["thinking"] = block.get("thinking", "") + delta.get("thinking", "")
        elif kind == "signature_delta":
            block["signature"] = delta.get("signature", "")
        elif kind == "input_json_delta":
            self.partial.setdefault(index, []).append(delta.get("partial_json", ""))

    def finish(self) -> None:
        for index, parts in self.partial.items():
            text = "".join(parts)
            try:
                # numbers as the model wrote them: the input goes back to it in the continuation
                self.blocks[index]["input"] = json_numbers.loads(text) if text.strip() else {}
            except ValueError:
                self.blocks[index]["input"] = {}

    @property
    def wants_expansion(self) -> bool:
        """The model stopped to call hr_expand and nothing else the client would have to run."""
        tools = [i for i, b in self.blocks.items() if b.get("type") == "tool_use"]
        return self.stop_reason == "tool_use" and bool(tools) and all(i in self.hidden for i in tools)

    def continuation(self, body: bytes, store) -> bytes:
        """`body` with this assistant turn and the hr_expand results appended to `messages`."""
        content = [self.blocks[i] for i in sorted(self.blocks)]
        for block in content:
            if block.get("type") == "text" and "text" not in block:
                block["text"] = ""
        results = []
        for i in sorted(self.hidden):
            text, is_error = expand_tool.run(self.blocks[i].get("input"), store)
            results.append({"type": "tool_result", "tool_use_id": self.blocks[i]["id"], "content": text,
                            **({"is_error": True} if is_error else {})})
        return rewrite.append_items(body, "messages", [{"role": "assistant", "content": content}, {"role": "user", "content": results}])


async def relay_with_expansion(proxy, request: web.Request, url: str, headers: list, body: bytes) -> web.StreamResponse:
    return await rounds.relay_with_expansion(proxy, request, url, headers, body, _stream, _whole)


async def _stream(proxy, request, url, headers, body) -> web.StreamResponse:
    out = None
    next_index = 0
    extra_tokens = 0
    for round_no in range(MAX_ROUNDS + 1):
        upstream, out, done = await rounds.open_stream_round(proxy, request, url, headers, body, out)
        if done is not None:
            return done
        async with upstream:
            rnd, index_map, held = Round(), {}, []
            last_round = round_no == MAX_ROUNDS
            try:
                async for name, data, raw in _events(upstream):
                    kind = data.get("type") if isinstance(data, dict) else None
                    if kind == "message_start":
                        if round_no == 0:
                            await out.write(raw)
                        continue
                    if kind in ("content_block_start", "content_block_delta", "content_block_stop"):
                        i = data.get("index")
                        if kind == "content_block_start":
                            rnd.start(i, data.get("content_block") or {})
                            if i not in rnd.hidden or last_round:
                                index_map[i] = next_index
                                next_index += 1
                        elif kind == "content_block_delta":
                            rnd.delta(i, data.get("delta") or {})
                        if i in index_map:
                            await out.write(raw if index_map[i] == i else _event(name, {**data, "index": index_map[i]}))
                        continue
                    if kind == "message_delta":
                        rnd.stop_reason = (data.get("delta") or {}).get("stop_reason")
                        rnd.output_tokens = (data.get("usage") or {}).get("output_tokens", 0) or 0
                        if rnd.wants_expansion and not last_round:
                            held.append(raw)
                            continue
                        if extra_tokens and isinstance(data.get("usage"), dict):
                            usage = {**data["usage"], "output_tokens": rnd.output_tokens + extra_tokens}
                            raw = _event(name, {**data, "usage": usage})
                    elif kind == "message_stop" and held:
                        continue
                    await out.write(raw)
            except relay.STREAM_BROKEN:
                return rounds.dropped(proxy, request, out)
        if not held:
            await out.write_eof()
            return out
        rnd.finish()
        extra_tokens += rnd.output_tokens
        proxy.metrics.events["expansions"] += len(rnd.hidden)
        body = await asyncio.to_thread(rnd.continuation, body, proxy.compressor.store)
    await out.write_eof()
    return out


async def _whole(proxy, request, url, headers, body) -> web.StreamResponse:
    shown: list[dict] = []
    for round_no in range(MAX_ROUNDS + 1):
        message, original = await rounds.fetch_whole(proxy, request, url, headers, body)
        if message is None or not isinstance(message.get("content"), list):
            return original
        rnd = Round()
        for i, block in enumerate(message["content"]):
            rnd.start(i, block)
            rnd.blocks[i] = block
        rnd.partial.clear()
        rnd.stop_reason = message.get("stop_reason")
        if not rnd.wants_expansion or round_no == MAX_ROUNDS:
            if not shown:
                return original
            message["content"] = shown + message["content"]
            return rounds.joined(message)
        shown += [b for i, b in enumerate(message["content"]) if i not in rnd.hidden]
        proxy.metrics.events["expansions"] += len(rnd.hidden)
        body = await asyncio.to_thread(rnd.continuation, body, proxy.compressor.store)
    raise AssertionError("unreachable")  # the loop returns on its last round
