"""The anthropic SDK and raw Messages API requests through `hr proxy` to a fake Anthropic."""

from __future__ import annotations

import json

import anthropic
import httpx

from fakes import anthropic_message, big_log, sse, stream

TEXT = "one two three four five six"


def test_stream_deltas_arrive_as_the_fake_sends_them(make_fake, make_proxy):
    # the fake sends message_start, content_block_start and one delta, then waits for the test
    fake = None

    async def reply(request, raw):
        return await stream(request, sse(anthropic_message([{"type": "text", "text": TEXT}], "end_turn")), gate_after=3, fake=fake)

    fake = make_fake(reply)
    proxy = make_proxy(fake.url)
    client = anthropic.Anthropic(base_url=proxy.url, api_key="sk-test", max_retries=0)
    deltas = []
    with client.messages.stream(model="claude-test", max_tokens=50, messages=[{"role": "user", "content": "hi"}]) as s:
        for event in s:
            if event.type == "content_block_delta":
                if not deltas:
                    # the first delta is here while the fake still holds the rest: nothing was buffered
                    assert fake.reached_gate.is_set() and not fake.gate.is_set()
                    fake.gate.set()
                deltas.append(event.delta.text)
        final = s.get_final_message()
    assert "".join(deltas).split() == TEXT.split()
    assert final.usage.output_tokens == 42 and final.stop_reason == "end_turn"


def test_tool_use_and_usage_come_through(make_fake, make_proxy):
    async def reply(request, raw):
        content = [{"type": "text", "text": "let me look"},
                   {"type": "tool_use", "id": "toolu_1", "name": "get_logs", "input": {"service": "api"}}]
        return await stream(request, sse(anthropic_message(content, "tool_use")))

    fake = make_fake(reply)
    proxy = make_proxy(fake.url)
    client = anthropic.Anthropic(base_url=proxy.url, api_key="sk-test", max_retries=0)
    with client.messages.stream(model="claude-test", max_tokens=50, messages=[{"role": "user", "content": "logs?"}],
                                tools=[{"name": "get_logs", "description": "logs", "input_schema": {"type": "object"}}]) as s:
        final = s.get_final_message()
    tool = [b for b in final.content if b.type == "tool_use"][0]
    assert (tool.name, tool.input, final.stop_reason) == ("get_logs", {"service": "api"}, "tool_use")
    assert final.usage.input_tokens == 25 and final.usage.output_tokens == 42
    # the SDK's credentials reached the upstream unchanged
    assert fake.requests[0].header("authorization") == "Bearer sk-test" or fake.requests[0].header("x-api-key") == "sk-test"


def conversation(result: str, *, extra: str = "") -> bytes:
    """A raw request like Claude Code's: compact JSON, a system message inside `messages`,
    cache_control on the last block, non-ASCII text."""
    body = {
        "model": "claude-test",
        "messages": [
            {"role": "user", "content": [{"type": "text", "text": "Regarde les journaux — s'il te plaît ✓"}]},
            {"role": "system", "content": "You are in plan mode."},
            {"role": "assistant", "content": [{"type": "tool_use", "id": "toolu_1", "name": "Bash", "input": {"command": "cat app.log"}}]},
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_1", "content": result},
                                         {"type": "text", "text": "small" + extra, "cache_control": {"type": "ephemeral"}}]},
        ],
        "system": [{"type": "text", "text": "sys", "cache_control": {"type": "ephemeral"}}],
        "tools": [{"name": "Bash", "input_schema": {"type": "object"}}],
        "max_tokens": 100, "stream": True,
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def ok_stream(request, raw):
    return stream(request, sse(anthropic_message([{"type": "text", "text": "ok"}], "end_turn")))


def post(proxy, body: bytes, path: str = "/v1/messages?beta=true", **headers) -> httpx.Response:
    hdrs = {"x-api-key": "sk-ant-secret", "anthropic-version": "2023-06-01", "anthropic-beta": "a-2025,b-2026",
            "content-type": "application/json", **headers}
    return httpx.post(proxy.url + path, content=body, headers=hdrs, timeout=30)


def test_only_the_tool_result_changes_and_the_rest_is_byte_identical(make_fake, make_proxy):
    fake = make_fake(ok_stream)
    proxy = make_proxy(fake.url)
    log = big_log()
    sent = conversation(log)
    assert post(proxy, sent).status_code == 200
    got = fake.requests[0]
    assert got.path_qs == "/v1/messages?beta=true"
    result = got.json["messages"][3]["content"][0]["content"]
    assert "hr expand" in result and len(result) < len(log) / 3
    assert "ERROR database timeout after 30000 ms (pool exhausted)" in result  # signal kept
    # put the original back where the compressed text is: every other byte is the client's
    original_literal = json.dumps(log, ensure_ascii=False).encode()
    compressed_literal = json.dumps(result, ensure_ascii=False).encode()
    assert got.raw.replace(compressed_literal, original_literal) == sent
    for name in ("x-api-key", "anthropic-version", "anthropic-beta"):
        assert got.header(name) == {"x-api-key": "sk-ant-secret", "anthropic-version": "2023-06-01", "anthropic-beta": "a-2025,b-2026"}[name]


def test_a_huge_number_elsewhere_in_the_body_does_not_stop_compression(make_fake, make_proxy):
    # a tool call's input with an integer Python's int() refuses (over 4,300 digits) and a
    # float it would round: the body is still read, and only the tool result changes
    fake = make_fake(ok_stream)
    proxy = make_proxy(fake.url)
    log = big_log()
    numbers = b',"seed":' + b"9" * 5000 + b',"ratio":1.' + b"5" * 5000 + b"}"
    sent = conversation(log).replace(b'"cat app.log"}', b'"cat app.log"' + numbers, 1)
    assert numbers in sent
    assert post(proxy, sent).status_code == 200
    got = fake.requests[0].raw
    key = b'"tool_use_id":"toolu_1","content":'
    start = got.index(key) + len(key)
    end = json.JSONDecoder().raw_decode(got.decode("latin-1"), start)[1]  # latin-1: offsets are bytes
    result = json.loads(got[start:end])
    assert "hr expand" in result and len(result) < len(log) / 3
    assert got[:start] + json.dumps(log, ensure_ascii=False).encode() + got[end:] == sent
    assert proxy.proxy.metrics.events["fail_open"] == 0


def test_same_result_same_bytes_on_every_turn_and_in_a_new_proxy(make_fake, make_proxy):
    fake = make_fake(ok_stream)
    log = big_log()
    first = make_proxy(fake.url)
    post(first, conversation(log))
    post(first, conversation(log, extra=" next turn"))
    post(make_proxy(fake.url), conversation(log))  # another proxy process, same store
    literals = [r.json["messages"][3]["content"][0]["content"] for r in fake.requests]
    assert "hr expand" in literals[0] and literals[0] == literals[1] == literals[2]


def test_small_marked_and_non_tool_content_pass_untouched(make_fake, make_proxy):
    fake = make_fake(ok_stream)
    proxy = make_proxy(fake.url)
    marked = big_log() + "[hr 12 more like the line above · lines 2-13 · hr expand 27c9acc4088d --lines 2-13]\n"
    for body in (conversation("short result"), conversation(marked)):
        post(proxy, body)
        assert fake.requests[-1].raw == body
    # a big user message (not a tool result) is never touched
    user_big = json.dumps({"model": "m", "messages": [{"role": "user", "content": big_log()}], "max_tokens": 5}).encode()
    post(proxy, user_big)
    assert fake.requests[-1].raw == user_big


def test_text_block_tool_results_and_count_tokens(make_fake, make_proxy):
    async def reply(request, raw):
        return web_json({"input_tokens": 10})

    fake = make_fake(reply)
    proxy = make_proxy(fake.url)
    body = json.dumps({"model": "m", "messages": [{"role": "user", "content": [
        {"type": "tool_result", "tool_use_id": "t", "content": [{"type": "text", "text": big_log()}, {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "AAAA"}}]}]}]}).encode()
    resp = post(proxy, body, path="/v1/messages/count_tokens")
    assert resp.json() == {"input_tokens": 10}
    blocks = fake.requests[0].json["messages"][0]["content"][0]["content"]
    assert "hr expand" in blocks[0]["text"] and blocks[1]["source"]["data"] == "AAAA"


def web_json(obj):
    from aiohttp import web

    return web.json_response(obj)


def test_compressions_reach_the_ledger_and_hr_stats(make_fake, make_proxy, tmp_path):
    import os
    import sqlite3
    import subprocess
    import sys
    from pathlib import Path

    fake = make_fake(ok_stream)
    proxy = make_proxy(fake.url)
    post(proxy, conversation(big_log()))
    post(proxy, conversation(big_log(), extra=" again"))  # memoized: recorded once
    proxy.close()  # finishes the queued ledger writes
    cache = os.environ["HR_CACHE_DIR"]
    with sqlite3.connect(Path(cache) / "ledger.sqlite3") as db:
        rows = db.execute("SELECT source, label, passthrough FROM compressions").fetchall()
    assert rows == [("proxy", "anthropic", 0)]
    out = subprocess.run([str(Path(sys.executable).parent / "hr"), "stats", "--json"], capture_output=True, text=True, timeout=60)
    report = json.loads(out.stdout)
    assert report["totals"]["compressed"] == 1 and report["totals"]["tokens_saved"] > 1000
