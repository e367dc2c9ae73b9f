"""`--retrieval tool` on OpenAI Chat Completions: hr_expand answered inside the proxy, one
well-formed completion for the client."""

from __future__ import annotations

import json
import re

import openai
from aiohttp import web

from fakes import big_log, sse, stream

BASE = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-test"}


def chunk(delta: dict, finish=None, cid: str = "chatcmpl-1") -> tuple[None, dict]:
    return None, {**BASE, "id": cid, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


def conversation() -> list[dict]:
    return [{"role": "user", "content": "why slow?"},
            {"role": "assistant", "content": None, "tool_calls": [{"id": "call_0", "type": "function", "function": {"name": "read_log", "arguments": "{}"}}]},
            {"role": "tool", "tool_call_id": "call_0", "content": big_log()}]


def expansion_in(body: dict) -> str | None:
    last = body["messages"][-1]
    return last["content"] if last.get("tool_call_id") == "call_hr" else None


def test_chat_stream_with_hr_expand_is_one_completion(make_fake, make_proxy):
    async def reply(request, raw):
        body = json.loads(raw)
        found = expansion_in(body)
        if found is None:
            digest = re.search(r"hr expand ([0-9a-f]{12})", json.dumps(body["messages"])).group(1)
            events = [chunk({"role": "assistant", "content": ""}), chunk({"content": "Checking. "}),
                      chunk({"tool_calls": [{"index": 0, "id": "call_hr", "type": "function", "function": {"name": "hr_expand", "arguments": ""}}]}),
                      chunk({"tool_calls": [{"index": 0, "function": {"arguments": json.dumps({"hash": digest, "grep": "request id=7 "})}}]}),
                      chunk({}, "tool_calls"), (None, {**BASE, "choices": [], "usage": {"prompt_tokens": 9, "completion_tokens": 9, "total_tokens": 18}}),
                      (None, "[DONE]")]
        else:
            events = [chunk({"role": "assistant", "content": ""}, cid="chatcmpl-2"), chunk({"content": "Found: " + found.strip()}, cid="chatcmpl-2"),
                      chunk({}, "stop", cid="chatcmpl-2"), (None, {**BASE, "id": "chatcmpl-2", "choices": [], "usage": {"prompt_tokens": 20, "completion_tokens": 5, "total_tokens": 25}}),
                      (None, "[DONE]")]
        return await stream(request, sse(events))

    fake = make_fake(reply)
    proxy = make_proxy(fake.url, retrieval="tool")
    client = openai.OpenAI(base_url=proxy.url + "/v1", api_key="k", max_retries=0)
    text, calls, ids, finishes, usage = [], [], set(), [], None
    for c in client.chat.completions.create(model="gpt-test", messages=conversation(), stream=True, stream_options={"include_usage": True},
                                            tools=[{"type": "function", "function": {"name": "read_log", "parameters": {"type": "object"}}}]):
        ids.add(c.id)
        usage = c.usage or usage
        for choice in c.choices:
            text.append(choice.delta.content or "")
            calls += choice.delta.tool_calls or []
            finishes += [choice.finish_reason] if choice.finish_reason else []
    assert "".join(text).startswith("Checking. Found: ") and "request id=7 in 21 ms" in "".join(text)
    assert calls == [] and finishes == ["stop"] and ids == {"chatcmpl-1"} and usage.total_tokens == 25
    first, second = fake.requests[0], fake.requests[1]
    assert [t["function"]["name"] for t in first.json["tools"]] == ["read_log", "hr_expand"]
    cut = first.raw.index(b'],"tools"') if b'],"tools"' in first.raw else first.raw.rindex(b"]", 0, first.raw.index(b'"tools"'))
    assert second.raw[:cut] == first.raw[:cut]  # the continuation extends the cached prefix
    assert second.json["messages"][3]["tool_calls"][0]["function"]["name"] == "hr_expand"
    assert proxy.proxy.metrics.events["expansions"] == 1


def test_chat_hr_expand_call_with_a_huge_number_is_answered(make_fake, make_proxy):
    # the call's arguments hold an integer Python's int() refuses beside the hash
    big = "7" * 5000
    seen: dict = {}

    async def reply(request, raw):
        body = json.loads(raw)
        found = expansion_in(body)
        if found is None:
            digest = re.search(r"hr expand ([0-9a-f]{12})", json.dumps(body["messages"])).group(1)
            arguments = f'{{"hash": "{digest}", "grep": "request id=7 ", "n": {big}}}'
            events = [chunk({"role": "assistant", "content": ""}),
                      chunk({"tool_calls": [{"index": 0, "id": "call_hr", "type": "function", "function": {"name": "hr_expand", "arguments": arguments}}]}),
                      chunk({}, "tool_calls"), (None, "[DONE]")]
        else:
            seen["expansion"] = found
            events = [chunk({"content": "ok"}, cid="chatcmpl-2"), chunk({}, "stop", cid="chatcmpl-2"), (None, "[DONE]")]
        return await stream(request, sse(events))

    fake = make_fake(reply)
    proxy = make_proxy(fake.url, retrieval="tool")
    client = openai.OpenAI(base_url=proxy.url + "/v1", api_key="k", max_retries=0)
    text = [c.choices[0].delta.content or "" for c in client.chat.completions.create(model="gpt-test", messages=conversation(), stream=True)
            if c.choices]
    assert "".join(text) == "ok"
    assert "request id=7 in 21 ms" in seen["expansion"] and not seen["expansion"].startswith("hr_expand:")


def test_chat_non_streaming_with_hr_expand(make_fake, make_proxy):
    async def reply(request, raw):
        body = json.loads(raw)
        found = expansion_in(body)
        if found is None:
            digest = re.search(r"hr expand ([0-9a-f]{12})", json.dumps(body["messages"])).group(1)
            message = {"role": "assistant", "content": None, "tool_calls": [
                {"id": "call_hr", "type": "function", "function": {"name": "hr_expand", "arguments": json.dumps({"hash": digest, "lines": "1-2"})}}]}
            finish = "tool_calls"
        else:
            message, finish = {"role": "assistant", "content": "first: " + found.splitlines()[0]}, "stop"
        return web.json_response({"id": "c1", "object": "chat.completion", "created": 1, "model": "m",
                                  "choices": [{"index": 0, "message": message, "finish_reason": finish}],
                                  "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})

    fake = make_fake(reply)
    proxy = make_proxy(fake.url, retrieval="tool")
    client = openai.OpenAI(base_url=proxy.url + "/v1", api_key="k", max_retries=0)
    done = client.chat.completions.create(model="gpt-test", messages=conversation())
    assert done.choices[0].finish_reason == "stop" and not done.choices[0].message.tool_calls
    assert done.choices[0].message.content.startswith("first: ") and "request id=0 in 0 ms" in done.choices[0].message.content
    assert len(fake.requests) == 2 and fake.requests[1].json["messages"][-1]["tool_call_id"] == "call_hr"
