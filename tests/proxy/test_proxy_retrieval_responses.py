"""`--retrieval tool` on the OpenAI Responses API: hr_expand answered inside the proxy, one
well-formed response for the client."""

from __future__ import annotations

import json
import re

import openai
from aiohttp import web

from fakes import big_log, sse, stream

USAGE = {"input_tokens": 50, "output_tokens": 5, "total_tokens": 55, "input_tokens_details": {"cached_tokens": 0},
         "output_tokens_details": {"reasoning_tokens": 0}}


def message(mid: str, text: str) -> dict:
    return {"id": mid, "type": "message", "status": "completed", "role": "assistant",
            "content": [{"type": "output_text", "text": text, "annotations": []}]}


def response_events(rid: str, items: list[dict]) -> list[tuple[str, dict]]:
    base = {"id": rid, "object": "response", "created_at": 1, "model": "gpt-test", "output": [], "status": "in_progress",
            "parallel_tool_calls": True, "tool_choice": "auto", "tools": []}
    out = [("response.created", {"type": "response.created", "response": base}),
           ("response.in_progress", {"type": "response.in_progress", "response": base})]
    for i, item in enumerate(items):
        if item["type"] == "message":
            text = item["content"][0]["text"]
            out += [("response.output_item.added", {"type": "response.output_item.added", "output_index": i, "item": {**item, "status": "in_progress", "content": []}}),
                    ("response.content_part.added", {"type": "response.content_part.added", "item_id": item["id"], "output_index": i, "content_index": 0,
                                                     "part": {"type": "output_text", "text": "", "annotations": []}}),
                    ("response.output_text.delta", {"type": "response.output_text.delta", "item_id": item["id"], "output_index": i, "content_index": 0, "delta": text, "logprobs": []}),
                    ("response.output_text.done", {"type": "response.output_text.done", "item_id": item["id"], "output_index": i, "content_index": 0, "text": text, "logprobs": []})]
        else:
            out += [("response.output_item.added", {"type": "response.output_item.added", "output_index": i, "item": {**item, "arguments": "", "status": "in_progress"}}),
                    ("response.function_call_arguments.delta", {"type": "response.function_call_arguments.delta", "item_id": item["id"], "output_index": i, "delta": item["arguments"]}),
                    ("response.function_call_arguments.done", {"type": "response.function_call_arguments.done", "item_id": item["id"], "output_index": i, "arguments": item["arguments"]})]
        out.append(("response.output_item.done", {"type": "response.output_item.done", "output_index": i, "item": item}))
    out.append(("response.completed", {"type": "response.completed", "response": {**base, "status": "completed", "output": items, "usage": USAGE}}))
    return [(name, {**data, "sequence_number": n}) for n, (name, data) in enumerate(out)]


def conversation() -> list[dict]:
    return [{"role": "user", "content": "why slow?"},
            {"type": "function_call", "call_id": "call_0", "name": "read_log", "arguments": "{}"},
            {"type": "function_call_output", "call_id": "call_0", "output": big_log()}]


def script(body: dict) -> tuple[str, list[dict]]:
    last = body["input"][-1]
    if last.get("call_id") != "call_hr":
        digest = re.search(r"hr expand ([0-9a-f]{12})", json.dumps(body["input"])).group(1)
        call = {"id": "fc_hr", "type": "function_call", "status": "completed", "call_id": "call_hr", "name": "hr_expand",
                "arguments": json.dumps({"hash": digest, "grep": "request id=7 "})}
        return "resp_1", [message("msg_1", "Checking."), call]
    return "resp_2", [message("msg_2", "Found: " + last["output"].strip())]


def test_responses_stream_with_hr_expand_is_one_response(make_fake, make_proxy):
    async def reply(request, raw):
        rid, items = script(json.loads(raw))
        return await stream(request, sse(response_events(rid, items)))

    fake = make_fake(reply)
    proxy = make_proxy(fake.url, retrieval="tool")
    client = openai.OpenAI(base_url=proxy.url + "/v1", api_key="k", max_retries=0)
    seqs, indexes = [], []
    with client.responses.stream(model="gpt-test", input=conversation(),
                                 tools=[{"type": "function", "name": "read_log", "parameters": {"type": "object"}}]) as s:
        for event in s:
            seqs.append(event.sequence_number)
            if event.type == "response.output_item.added":
                indexes.append((event.output_index, event.item.type))
        final = s.get_final_response()
    assert seqs == list(range(len(seqs)))
    assert indexes == [(0, "message"), (1, "message")]
    assert final.id == "resp_1" and [item.type for item in final.output] == ["message", "message"]
    assert final.output_text.startswith("Checking.Found: ") and "request id=7 in 21 ms" in final.output_text
    first, second = fake.requests
    assert [t["name"] for t in first.json["tools"]] == ["read_log", "hr_expand"]
    cut = first.raw.rindex(b"]", 0, first.raw.index(b'"tools"'))
    assert second.raw[:cut] == first.raw[:cut]
    assert [i.get("type") for i in second.json["input"][3:]] == ["message", "function_call", "function_call_output"]


def test_responses_non_streaming_with_hr_expand(make_fake, make_proxy):
    async def reply(request, raw):
        rid, items = script(json.loads(raw))
        return web.json_response({"id": rid, "object": "response", "created_at": 1, "model": "gpt-test", "status": "completed",
                                  "output": items, "usage": USAGE, "parallel_tool_calls": True, "tool_choice": "auto", "tools": []})

    fake = make_fake(reply)
    proxy = make_proxy(fake.url, retrieval="tool")
    client = openai.OpenAI(base_url=proxy.url + "/v1", api_key="k", max_retries=0)
    response = client.responses.create(model="gpt-test", input=conversation())
    assert response.id == "resp_1" and [i.type for i in response.output] == ["message", "message"]
    assert "request id=7 in 21 ms" in response.output_text and len(fake.requests) == 2
