"""A scripted stand-in for the Anthropic Messages API on 127.0.0.1, for driving the real Claude
Code client offline.

Requests that offer tools are the agent loop: the reply to such a request is chosen by how many
assistant turns the conversation already has, so turn N gets `script[N]` (a list of tool calls),
and once the script is used up the model says "done". Every other request (titles, quota checks)
gets a short text. Every request is recorded, so a test can read the `tool_result` the model
would have seen.
"""

from __future__ import annotations

import json
from itertools import count

from fake_server import FakeServer, json_answer, sse_answer

_ids = count(1)


class FakeAnthropic(FakeServer):
    @property
    def url(self) -> str:
        return self.origin

    # --- what the tests read ---

    def agent_requests(self) -> list[dict]:
        return [r for r in self.recorded() if r.get("tools")]

    def tool_results(self) -> list[dict]:
        """Every tool_result block the model was sent, in order, each once (by tool_use_id)."""
        seen: dict[str, dict] = {}
        for req in self.agent_requests():
            for msg in req.get("messages", []):
                if msg.get("role") != "user" or not isinstance(msg.get("content"), list):
                    continue
                for block in msg["content"]:
                    if block.get("type") == "tool_result":
                        seen.setdefault(block["tool_use_id"], block)
        return list(seen.values())

    @staticmethod
    def last_tool_result(body: dict) -> dict | None:
        """The tool_result in the last user message of a request."""
        for msg in reversed(body.get("messages", [])):
            if msg.get("role") == "user" and isinstance(msg.get("content"), list):
                found = [b for b in msg["content"] if b.get("type") == "tool_result"]
                return found[-1] if found else None
        return None

    # --- the reply ---

    def reply(self, body: dict) -> dict:
        if body.get("tools"):
            turn = sum(1 for m in body.get("messages", []) if m.get("role") == "assistant")
            calls = self.calls_at(turn, body)
        else:
            calls = []
        if calls:
            content = [{"type": "tool_use", "id": f"toolu_{next(_ids):06d}", "name": name, "input": args}
                       for name, args in calls]
            stop = "tool_use"
        else:
            content = [{"type": "text", "text": "done"}]
            stop = "end_turn"
        return {
            "id": f"msg_{next(_ids):06d}", "type": "message", "role": "assistant",
            "model": body.get("model", "claude-sonnet-4-5"), "content": content,
            "stop_reason": stop, "stop_sequence": None,
            "usage": {"input_tokens": 10, "output_tokens": 10},
        }

    def post(self, path: str, body: dict):
        if not path.startswith("/v1/messages") or "count_tokens" in path:
            return json_answer({"input_tokens": 10})
        self.record(body)
        msg = self.reply(body)
        return self.stream(msg) if body.get("stream") else json_answer(msg)

    @staticmethod
    def stream(msg: dict):
        events = [("message_start", {"type": "message_start", "message": {**msg, "content": [], "stop_reason": None}})]
        for i, block in enumerate(msg["content"]):
            if block["type"] == "text":
                events += [
                    ("content_block_start", {"type": "content_block_start", "index": i, "content_block": {"type": "text", "text": ""}}),
                    ("content_block_delta", {"type": "content_block_delta", "index": i, "delta": {"type": "text_delta", "text": block["text"]}}),
                ]
            else:
                events += [
                    ("content_block_start", {"type": "content_block_start", "index": i, "content_block": {**block, "input": {}}}),
                    ("content_block_delta", {"type": "content_block_delta", "index": i, "delta": {"type": "input_json_delta", "partial_json": json.dumps(block["input"])}}),
                ]
            events.append(("content_block_stop", {"type": "content_block_stop", "index": i}))
        events += [
            ("message_delta", {"type": "message_delta", "delta": {"stop_reason": msg["stop_reason"], "stop_sequence": None}, "usage": {"output_tokens": 10}}),
            ("message_stop", {"type": "message_stop"}),
        ]
        return sse_answer(events)
