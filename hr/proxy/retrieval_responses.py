"""`--retrieval tool` on the OpenAI Responses API: answer the model's `hr_expand` function calls
inside the proxy, so that the client sees one well-formed response.

Streaming: events are relayed one by one as they arrive, except those of an `hr_expand`
function_call item (by output_index). If every function call of the response was `hr_expand`,
its `response.completed` is held back; the proxy appends the round's output items and the
`function_call_output` results to `input` (spliced: the cached prefix stays byte-identical) and
relays the continuation's events, without its `response.created`/`response.in_progress`, with
output indexes and sequence numbers renumbered to follow the ones already sent. The last
`response.completed` carries the first response's id and every visible output item. Non-streaming
requests get one response with every round's visible output items.
"""

from __future__ import annotations

import asyncio

from aiohttp import web

from hr import json_numbers
from hr.proxy import expand_tool, relay, rewrite, rounds
from hr.proxy.rounds import MAX_ROUNDS
from hr.proxy.sse import encode, events

PATH = "/v1/responses"
TOOL = {"type": "function", "name": expand_tool.NAME, "description": expand_tool.TOOL["description"],
        "parameters": expand_tool.TOOL["input_schema"]}
ROUND_START = ("response.created", "response.in_progress")


def is_expand(item: dict) -> bool:
    return item.get("type") == "function_call" and item.get("name") == expand_tool.NAME


class Round:
    def __init__(self, hide: bool):
        self.hide = hide
        self.items: dict[int, dict] = {}  # output_index -> the finished item
        self.hidden: set[int] = set()

    def wants_expansion(self, output: list) -> bool:
        calls = [item for item in output if isinstance(item, dict) and item.get("type") == "function_call"]
        return self.hide and bool(calls) and all(is_expand(c) for c in calls)

    def continuation(self, body: bytes, output: list, store) -> bytes:
        results = []
        for item in output:
            if is_expand(item):
                try:
                    args = json_numbers.loads(item.get("arguments") or "{}")
                except ValueError:
                    args = {}
                text, _ = expand_tool.run(args, store)
                results.append({"type": "function_call_output", "call_id": item.get("call_id"), "output": text})
        # the round's output items go back as input as they came (as Codex itself re-sends them)
        return rewrite.append_items(body, "input", list(output) + results)


async def relay_with_expansion(proxy, request: web.Request, url: str, headers: list, body: bytes) -> web.StreamResponse:
    return await rounds.relay_with_expansion(proxy, request, url, headers, body, _stream, _whole)


async def _stream(proxy, request, url, headers, body) -> web.StreamResponse:
    out, first_id, shown_items = None, None, []
    next_index = next_seq = 0
    for round_no in range(MAX_ROUNDS + 1):
        upstream, out, done = await rounds.open_stream_round(proxy, request, url, headers, body, out)
        if done is not None:
            return done
        rnd, index_map, held = Round(hide=round_no < MAX_ROUNDS), {}, None
        async with upstream:
            try:
                async for name, data, raw in events(upstream):
                    if not isinstance(data, dict):
                        await out.write(raw)
                        continue
                    kind, original = data.get("type"), data
                    if kind in ROUND_START:
                        first_id = first_id or (data.get("response") or {}).get("id")
                        if round_no:
                            continue
                    elif kind == "response.completed":
                        response = data.get("response") or {}
                        output = response.get("output") or []
                        if rnd.wants_expansion(output):
                            held = output
                            continue
                        visible = [item for i, item in enumerate(output) if i not in rnd.hidden]
                        if round_no:
                            data = {**data, "response": {**response, "id": first_id, "output": shown_items + visible}}
                    elif "output_index" in data:
                        i = data["output_index"]
                        item = data.get("item") or {}
                        if kind == "response.output_item.added" and rnd.hide and is_expand(item):
                            rnd.hidden.add(i)
                        if i in rnd.hidden:
                            continue
                        if i not in index_map:
                            index_map[i] = next_index
                            next_index += 1
                        if kind == "response.output_item.done":
                            rnd.items[i] = item
                        if index_map[i] != i:
                            data = {**data, "output_index": index_map[i]}
                    if data.get("sequence_number", next_seq) != next_seq:
                        data = {**data, "sequence_number": next_seq}
                    next_seq += 1
                    await out.write(raw if data is original else encode(name, data))
            except relay.STREAM_BROKEN:
                return rounds.dropped(proxy, request, out)
        if held is None:
            await out.write_eof()
            return out
        shown_items += [item for i, item in sorted(rnd.items.items())]
        proxy.metrics.events["expansions"] += sum(1 for item in held if is_expand(item))
        body = await asyncio.to_thread(rnd.continuation, body, held, proxy.compressor.store)
    await out.write_eof()
    return out


async def _whole(proxy, request, url, headers, body) -> web.StreamResponse:
    shown: list = []
    first_id = None
    for round_no in range(MAX_ROUNDS + 1):
        response, original = await rounds.fetch_whole(proxy, request, url, headers, body)
        if response is None or not isinstance(response.get("output"), list):
            return original
        first_id = first_id or response.get("id")
        rnd = Round(hide=round_no < MAX_ROUNDS)
        output = response["output"]
        if not rnd.wants_expansion(output):
            if not shown:
                return original
            response["output"] = shown + output
            response["id"] = first_id
            return rounds.joined(response)
        shown += [item for item in output if not is_expand(item)]
        proxy.metrics.events["expansions"] += sum(1 for item in output if is_expand(item))
        body = await asyncio.to_thread(rnd.continuation, body, output, proxy.compressor.store)
    raise AssertionError("unreachable")  # the loop returns on its last round
