"""`--retrieval tool` on the Anthropic Messages API: the hr_expand tool is offered only to
conversations with compressed results, and its calls are answered inside the proxy while the
client sees one well-formed stream."""

from __future__ import annotations

import json
import re

import anthropic
import httpx

from fakes import anthropic_message, big_log, sse, stream


def request_with_log() -> dict:
    messages = [{"role": "user", "content": "why is it slow?"},
                {"role": "assistant", "content": [{"type": "tool_use", "id": "toolu_1", "name": "logs", "input": {}}]},
                {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_1", "content": big_log()}]}]
    return {"model": "claude-test", "max_tokens": 100, "messages": messages,
            "tools": [{"name": "logs", "description": "read logs", "input_schema": {"type": "object"}}]}


def scripted(fake_ref: dict):
    """Round 1: text, then an hr_expand call on the marker's hash. Round 2: an answer quoting
    the expansion."""

    async def reply(request, raw):
        body = json.loads(raw)
        last = body["messages"][-1]
        results = [b for b in last["content"] if isinstance(b, dict) and b.get("type") == "tool_result"] if isinstance(last["content"], list) else []
        expansion = next((r for r in results if r["tool_use_id"] == "toolu_hr"), None)
        if expansion is None:
            marker = json.dumps(body["messages"])
            digest = re.search(r"hr expand ([0-9a-f]{12})", marker).group(1)
            content = [{"type": "text", "text": "Let me look closer."},
                       {"type": "tool_use", "id": "toolu_hr", "name": "hr_expand", "input": {"hash": digest, "grep": "request id=7 "}}]
            return await stream(request, sse(anthropic_message(content, "tool_use")))
        fake_ref["expansion"] = expansion["content"]
        return await stream(request, sse(anthropic_message([{"type": "text", "text": "Found: " + expansion["content"].strip()}], "end_turn", "msg_2")))

    return reply


def test_hr_expand_turn_is_one_well_formed_stream(make_fake, make_proxy):
    seen: dict = {}
    fake = make_fake(scripted(seen))
    proxy = make_proxy(fake.url, retrieval="tool")
    client = anthropic.Anthropic(base_url=proxy.url, api_key="k", max_retries=0)
    events = []
    with client.messages.stream(**request_with_log()) as s:
        for event in s:
            events.append(event)
        final = s.get_final_message()
    # one message: message_start once, blocks 0 and 1 in order, one stop
    kinds = [e.type for e in events]
    assert kinds.count("message_start") == 1 and kinds.count("message_stop") == 1
    starts = [e.index for e in events if e.type == "content_block_start"]
    assert starts == [0, 1]
    assert [b.type for b in final.content] == ["text", "text"]
    assert final.content[0].text.strip() == "Let me look closer."
    assert "request id=7 in 21 ms" in final.content[1].text and final.stop_reason == "end_turn"
    assert final.usage.output_tokens == 84  # both rounds' output tokens
    # the expansion answered from the store, with line numbers
    assert "request id=7 in 21 ms" in seen["expansion"]
    first, second = fake.requests[0].raw, fake.requests[1].raw
    # the continuation extends the first request: its prefix is byte-identical (cache hits)
    cut = first.rindex(b"]", 0, first.index(b',"tools"'))
    assert second[:cut] == first[:cut]
    assert [t["name"] for t in fake.requests[0].json["tools"]] == ["logs", "hr_expand"]
    assert fake.requests[1].json["tools"] == fake.requests[0].json["tools"]
    assert proxy.proxy.metrics.events["expansions"] == 1


def non_streaming(seen: dict):
    """Round 1: an hr_expand call on lines 3-4 of the marker's hash. Round 2: "ok"."""

    async def reply(request, raw):
        body = json.loads(raw, parse_int=str, parse_float=str)  # any number, however long
        last = body["messages"][-1]
        results = [b for b in last["content"] if isinstance(b, dict) and b.get("type") == "tool_result"]
        if not any(r["tool_use_id"] == "toolu_hr" for r in results):
            digest = re.search(r"hr expand ([0-9a-f]{12})", json.dumps(body["messages"])).group(1)
            content = [{"type": "tool_use", "id": "toolu_hr", "name": "hr_expand", "input": {"hash": digest, "lines": "3-4"}}]
            stop = "tool_use"
        else:
            seen["expansion"] = results[-1]["content"]
            content, stop = [{"type": "text", "text": "ok"}], "end_turn"
        from aiohttp import web

        return web.json_response({"id": "msg_1", "type": "message", "role": "assistant", "model": "m", "content": content,
                                  "stop_reason": stop, "stop_sequence": None, "usage": {"input_tokens": 5, "output_tokens": 5}})

    return reply


def test_non_streaming_expansion_gives_one_message(make_fake, make_proxy):
    seen: dict = {}
    fake = make_fake(non_streaming(seen))
    proxy = make_proxy(fake.url, retrieval="tool")
    client = anthropic.Anthropic(base_url=proxy.url, api_key="k", max_retries=0)
    message = client.messages.create(**request_with_log())
    assert [b.type for b in message.content] == ["text"] and message.stop_reason == "end_turn"
    assert seen["expansion"].splitlines()[0].endswith("request id=2 in 6 ms")


def test_expansion_with_a_huge_number_in_the_conversation(make_fake, make_proxy):
    # an earlier tool call's input holds an integer Python's int() refuses: the body is still
    # compressed, offered hr_expand, and the expansion round runs
    seen: dict = {}
    fake = make_fake(non_streaming(seen))
    proxy = make_proxy(fake.url, retrieval="tool")
    big = b"-" + b"7" * 5000
    body = json.dumps(request_with_log()).encode().replace(b'"input": {}', b'"input": {"n": ' + big + b"}", 1)
    assert big in body
    r = httpx.post(proxy.url + "/v1/messages", content=body, headers={"content-type": "application/json"}, timeout=30)
    assert r.status_code == 200 and [b["type"] for b in r.json()["content"]] == ["text"]
    assert seen["expansion"].splitlines()[0].endswith("request id=2 in 6 ms")
    assert all(big in req.raw for req in fake.requests) and len(fake.requests) == 2
    assert proxy.proxy.metrics.events["fail_open"] == 0


def test_a_streamed_hr_expand_call_with_a_huge_number_is_answered(make_fake, make_proxy):
    # the model's call carries an integer Python's int() refuses beside its hash: the call is
    # still answered, and sent back with the number as the model wrote it
    big = "7" * 5000
    seen: dict = {}

    async def reply(request, raw):
        body = json.loads(raw, parse_int=str)
        results = [b for b in body["messages"][-1]["content"] if isinstance(b, dict) and b.get("type") == "tool_result"]
        if not any(r["tool_use_id"] == "toolu_hr" for r in results):
            digest = re.search(r"hr expand ([0-9a-f]{12})", json.dumps(body["messages"])).group(1)
            events = anthropic_message([{"type": "tool_use", "id": "toolu_hr", "name": "hr_expand",
                                         "input": {"hash": digest, "lines": "3-4", "n": "BIG"}}], "tool_use")
            frames = [f.replace(b'\\"BIG\\"', big.encode()) for f in sse(events)]
            assert any(big.encode() in f for f in frames)
            return await stream(request, frames)
        seen["expansion"] = results[-1]["content"]
        seen["call"] = next(b for b in body["messages"][-2]["content"] if b.get("type") == "tool_use")
        return await stream(request, sse(anthropic_message([{"type": "text", "text": "ok"}], "end_turn", "msg_2")))

    fake = make_fake(reply)
    proxy = make_proxy(fake.url, retrieval="tool")
    client = anthropic.Anthropic(base_url=proxy.url, api_key="k", max_retries=0)
    with client.messages.stream(**request_with_log()) as s:
        final = s.get_final_message()
    assert [b.type for b in final.content] == ["text"] and final.content[0].text.strip() == "ok"
    assert seen["expansion"].splitlines()[0].endswith("request id=2 in 6 ms")
    assert seen["call"]["input"]["n"] == big
    assert proxy.proxy.metrics.events["expansions"] == 1


def test_tool_only_where_results_were_compressed_and_plain_streams_pass(make_fake, make_proxy):
    fake = None

    async def reply(request, raw):
        return await stream(request, sse(anthropic_message([{"type": "text", "text": "a b c"}], "end_turn")), gate_after=3, fake=fake)

    fake = make_fake(reply)
    proxy = make_proxy(fake.url, retrieval="tool")
    small = {"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}], "stream": True}
    fake.gate.set()
    assert httpx.post(proxy.url + "/v1/messages", content=json.dumps(small).encode(), timeout=30).status_code == 200
    assert fake.requests[0].raw == json.dumps(small).encode()  # no tool added
    # with compressed results, the stream is still relayed event by event
    fake.gate.clear()
    fake.reached_gate.clear()
    client = anthropic.Anthropic(base_url=proxy.url, api_key="k", max_retries=0)
    with client.messages.stream(**request_with_log()) as s:
        for event in s:
            if event.type == "content_block_delta":
                if not fake.gate.is_set():
                    assert fake.reached_gate.is_set()
                    fake.gate.set()
        final = s.get_final_message()
    assert final.content[0].text.split() == ["a", "b", "c"]
    assert "hr_expand" in [t["name"] for t in fake.requests[1].json["tools"]]


def test_a_first_answer_that_is_no_stream_and_breaks_off_is_counted_as_dropped(make_fake, make_proxy):
    async def reply(request, raw):
        from aiohttp import web

        # an error body (not SSE) whose connection breaks half-way
        out = web.StreamResponse(status=529, headers={"Content-Type": "application/json"})
        await out.prepare(request)
        await out.write(b'{"type":"error","error":{"type":"overloaded_')
        request.transport.abort()
        return out

    fake = make_fake(reply)
    proxy = make_proxy(fake.url, retrieval="tool")
    body = json.dumps({**request_with_log(), "stream": True}).encode()
    try:
        resp = httpx.post(proxy.url + "/v1/messages", content=body, headers={"x-api-key": "k"}, timeout=30)
        complete = resp.content.endswith(b"}")
    except httpx.HTTPError:  # the client's connection is broken off too
        complete = False
    assert not complete
    assert proxy.proxy.metrics.events["stream_dropped"] == 1
