"""The openai SDK through `hr proxy`: Chat Completions and the Responses API."""

from __future__ import annotations

import json

import openai

from fakes import big_log, sse, stream


def chat_chunks(words: list[str], tool_call: dict | None = None) -> list[bytes]:
    base = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-test"}
    events = [(None, {**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]})]
    events += [(None, {**base, "choices": [{"index": 0, "delta": {"content": w}, "finish_reason": None}]}) for w in words]
    if tool_call:
        events.append((None, {**base, "choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "id": "call_1", "type": "function",
                       "function": {"name": tool_call["name"], "arguments": json.dumps(tool_call["arguments"])}}]}, "finish_reason": None}]}))
    events.append((None, {**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls" if tool_call else "stop"}]}))
    events.append((None, {**base, "choices": [], "usage": {"prompt_tokens": 30, "completion_tokens": 7, "total_tokens": 37}}))
    events.append((None, "[DONE]"))
    return sse(events)


def test_chat_stream_paced_tool_call_usage_and_compressed_tool_message(make_fake, make_proxy):
    fake = None

    async def reply(request, raw):
        return await stream(request, chat_chunks(["Hel", "lo", "!"], {"name": "read_log", "arguments": {"n": 1}}), gate_after=2, fake=fake)

    fake = make_fake(reply)
    proxy = make_proxy(fake.url)
    client = openai.OpenAI(base_url=proxy.url + "/v1", api_key="sk-openai-test", max_retries=0)
    log = big_log()
    messages = [{"role": "user", "content": "why slow?"},
                {"role": "assistant", "content": None, "tool_calls": [{"id": "call_0", "type": "function", "function": {"name": "read_log", "arguments": "{}"}}]},
                {"role": "tool", "tool_call_id": "call_0", "content": log}]
    chunks = client.chat.completions.create(model="gpt-test", messages=messages, stream=True, stream_options={"include_usage": True})
    text, calls, usage = [], [], None
    for chunk in chunks:
        if chunk.choices and chunk.choices[0].delta.content:
            if not text:
                assert fake.reached_gate.is_set() and not fake.gate.is_set()
                fake.gate.set()
            text.append(chunk.choices[0].delta.content)
        if chunk.choices and chunk.choices[0].delta.tool_calls:
            calls += chunk.choices[0].delta.tool_calls
        usage = chunk.usage or usage
    assert "".join(text) == "Hello!"
    assert calls[0].function.name == "read_log" and json.loads(calls[0].function.arguments) == {"n": 1}
    assert usage.total_tokens == 37
    sent = fake.requests[0].json
    assert "hr expand" in sent["messages"][2]["content"] and len(sent["messages"][2]["content"]) < len(log) / 3
    assert sent["messages"][:2] == messages[:2]
    assert fake.requests[0].header("authorization") == "Bearer sk-openai-test"


def responses_events(text: str) -> list[bytes]:
    resp = {"id": "resp_1", "object": "response", "created_at": 1, "status": "in_progress", "model": "gpt-test", "output": [],
            "parallel_tool_calls": True, "tool_choice": "auto", "tools": []}
    item = {"id": "msg_1", "type": "message", "status": "completed", "role": "assistant",
            "content": [{"type": "output_text", "text": text, "annotations": []}]}
    done = {**resp, "status": "completed", "output": [item], "usage": {"input_tokens": 50, "output_tokens": 5, "total_tokens": 55,
            "input_tokens_details": {"cached_tokens": 0}, "output_tokens_details": {"reasoning_tokens": 0}}}
    events = [("response.created", {"type": "response.created", "sequence_number": 0, "response": resp}),
              ("response.output_item.added", {"type": "response.output_item.added", "sequence_number": 1, "output_index": 0,
                                              "item": {**item, "status": "in_progress", "content": []}}),
              ("response.content_part.added", {"type": "response.content_part.added", "sequence_number": 2, "item_id": "msg_1", "output_index": 0,
                                               "content_index": 0, "part": {"type": "output_text", "text": "", "annotations": []}})]
    for i, word in enumerate(text.split(" ")):
        events.append(("response.output_text.delta", {"type": "response.output_text.delta", "sequence_number": 3 + i, "item_id": "msg_1",
                                                      "output_index": 0, "content_index": 0, "delta": (" " if i else "") + word, "logprobs": []}))
    n = 3 + len(text.split(" "))
    events += [("response.output_item.done", {"type": "response.output_item.done", "sequence_number": n, "output_index": 0, "item": item}),
               ("response.completed", {"type": "response.completed", "sequence_number": n + 1, "response": done})]
    return sse(events)


def test_responses_stream_and_function_call_output_compressed(make_fake, make_proxy):
    fake = None

    async def reply(request, raw):
        return await stream(request, responses_events("the pool is exhausted"), gate_after=4, fake=fake)

    fake = make_fake(reply)
    proxy = make_proxy(fake.url)
    client = openai.OpenAI(base_url=proxy.url + "/v1", api_key="sk-openai-test", max_retries=0)
    log = big_log()
    inputs = [{"role": "user", "content": "why slow?"},
              {"type": "function_call", "call_id": "call_0", "name": "read_log", "arguments": "{}"},
              {"type": "function_call_output", "call_id": "call_0", "output": log}]
    deltas, final = [], None
    with client.responses.stream(model="gpt-test", input=inputs) as s:
        for event in s:
            if event.type == "response.output_text.delta":
                if not deltas:
                    assert fake.reached_gate.is_set() and not fake.gate.is_set()
                    fake.gate.set()
                deltas.append(event.delta)
        final = s.get_final_response()
    assert "".join(deltas) == "the pool is exhausted" and final.usage.total_tokens == 55
    sent = fake.requests[0].json
    assert "hr expand" in sent["input"][2]["output"] and "ERROR database timeout" in sent["input"][2]["output"]
    assert sent["input"][:2] == inputs[:2]
