"""`--retrieval tool` on OpenAI Chat Completions: answer the model's `hr_expand` calls inside
the proxy, so that the client sees one well-formed completion.

Streaming: chunks are relayed one by one as they arrive; `hr_expand` tool-call deltas are
withheld and the other tool calls' indexes renumbered. If every tool call of the answer was
`hr_expand`, the finish chunk, the usage chunk and `[DONE]` are held back, the proxy runs the
expansions, appends the assistant message and the `role: "tool"` results to `messages` (spliced:
the cached prefix stays byte-identical) and relays the continuation's chunks under the first
completion's id. Only choice 0 is looked at (n > 1 streams pass through as they are). The usage
chunk is the last round's. Non-streaming requests get one message whose content joins every
round's text.
"""

from __future__ import annotations

import asyncio

from aiohttp import web

from hr import json_numbers
from hr.proxy import expand_tool, relay, rewrite, rounds
from hr.proxy.rounds import MAX_ROUNDS
from hr.proxy.sse import encode, events

PATH = "/v1/chat/completions"
TOOL = {"type": "function", "function": {"name": expand_tool.NAME, "description": expand_tool.TOOL["description"],
                                         "parameters": expand_tool.TOOL["input_schema"]}}


class Round:
    def __init__(self, hide: bool):
        self.hide = hide  # False on the last allowed round: everything is shown
        self.calls: dict[int, dict] = {}
        self.hidden: set[int] = set()
        self.index_map: dict[int, int] = {}
        self.text: list[str] = []
        self.finish = None

    def tool_call(self, tc: dict) -> dict | None:
        """Record a tool-call delta; what the client gets of it (None: withheld)."""
        k = tc.get("index", 0)
        call = self.calls.setdefault(k, {"id": None, "name": "", "arguments": []})
        call["id"] = tc.get("id") or call["id"]
        fn = tc.get("function") or {}
        call["name"] += fn.get("name") or ""
        call["arguments"].append(fn.get("arguments") or "")
        if k not in self.index_map and k not in self.hidden:
            if self.hide and call["name"] == expand_tool.NAME:
                self.hidden.add(k)
            else:
                self.index_map[k] = len(self.index_map)
        if k in self.hidden:
            return None
        return tc if self.index_map[k] == k else {**tc, "index": self.index_map[k]}

    @property
    def wants_expansion(self) -> bool:
        return self.finish == "tool_calls" and bool(self.calls) and set(self.calls) == self.hidden

    def continuation(self, body: bytes, store) -> bytes:
        calls = [{"id": self.calls[k]["id"], "type": "function",
                  "function": {"name": expand_tool.NAME, "arguments": "".join(self.calls[k]["arguments"])}} for k in sorted(self.hidden)]
        messages = [{"role": "assistant", "content": "".join(self.text) or None, "tool_calls": calls}]
        for call in calls:
            try:
                args = json_numbers.loads(call["function"]["arguments"] or "{}")
            except ValueError:
                args = {}
            text, _ = expand_tool.run(args, store)
            messages.append({"role": "tool", "tool_call_id": call["id"], "content": text})
        return rewrite.append_items(body, "messages", messages)


async def relay_with_expansion(proxy, request: web.Request, url: str, headers: list, body: bytes) -> web.StreamResponse:
    return await rounds.relay_with_expansion(proxy, request, url, headers, body, _stream, _whole)


async def _stream(proxy, request, url, headers, body) -> web.StreamResponse:
    out, first_id = None, None
    for round_no in range(MAX_ROUNDS + 1):
        upstream, out, done = await rounds.open_stream_round(proxy, request, url, headers, body, out)
        if done is not None:
            return done
        async with upstream:
            rnd, held = Round(hide=round_no < MAX_ROUNDS), False
            try:
                async for _, data, raw in events(upstream):
                    if not isinstance(data, dict):  # `[DONE]`
                        if not held:
                            await out.write(raw)
                        continue
                    first_id = first_id or data.get("id")
                    changed = round_no > 0 and data.get("id") != first_id
                    for choice in data.get("choices") or []:
                        if choice.get("index", 0) != 0:
                            continue
                        delta = choice.get("delta") or {}
                        if isinstance(delta.get("content"), str):
                            rnd.text.append(delta["content"])
                        if delta.get("tool_calls"):
                            shown = [t for t in (rnd.tool_call(tc) for tc in delta["tool_calls"]) if t is not None]
                            if shown != delta["tool_calls"]:
                                changed = True
                                if shown:
                                    delta["tool_calls"] = shown
                                else:
                                    del delta["tool_calls"]
                        rnd.finish = choice.get("finish_reason") or rnd.finish
                    if rnd.wants_expansion:
                        held = True  # the finish and usage chunks of a round that continues
                        continue
                    if changed:
                        data["id"] = first_id
                        choices = data.get("choices") or []
                        if choices and not any(c.get("delta") or c.get("finish_reason") for c in choices) and not data.get("usage"):
                            continue  # nothing left in it for the client
                        raw = encode(None, data)
                    await out.write(raw)
            except relay.STREAM_BROKEN:
                return rounds.dropped(proxy, request, out)
        if not held:
            await out.write_eof()
            return out
        proxy.metrics.events["expansions"] += len(rnd.hidden)
        body = await asyncio.to_thread(rnd.continuation, body, proxy.compressor.store)
    await out.write_eof()
    return out


async def _whole(proxy, request, url, headers, body) -> web.StreamResponse:
    earlier_text = ""
    for round_no in range(MAX_ROUNDS + 1):
        completion, original = await rounds.fetch_whole(proxy, request, url, headers, body)
        try:
            choice = completion["choices"][0]
            message = choice["message"]
        except (KeyError, IndexError, TypeError):
            return original
        rnd = Round(hide=round_no < MAX_ROUNDS)
        for tc in message.get("tool_calls") or []:
            rnd.tool_call({"index": len(rnd.calls), "id": tc.get("id"), "function": tc.get("function") or {}})
        rnd.finish = choice.get("finish_reason")
        rnd.text.append(message.get("content") or "")
        if not rnd.wants_expansion:
            if not earlier_text:
                return original
            message["content"] = earlier_text + (message.get("content") or "")
            return rounds.joined(completion)
        earlier_text += message.get("content") or ""
        proxy.metrics.events["expansions"] += len(rnd.hidden)
        body = await asyncio.to_thread(rnd.continuation, body, proxy.compressor.store)
    raise AssertionError("unreachable")  # the loop returns on its last round
