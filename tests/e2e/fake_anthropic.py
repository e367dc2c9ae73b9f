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
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import count

_ids = count(1)


class FakeAnthropic:
    def __init__(self, script: list):
        """`script[n]` is the list of (tool name, tool input) the model calls on turn n, or a
        function of the request body that returns that list (to use what a tool returned)."""
        self.script = script
        self.requests: list[dict] = []
        self.raw: list[bytes] = []  # the exact bytes of each request in `requests`
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> "FakeAnthropic":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- what the tests read ---

    def agent_requests(self) -> list[dict]:
        with self._lock:
            return [r for r in self.requests if r.get("tools")]

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
            calls = self.script[turn] if turn < len(self.script) else []
            if callable(calls):
                calls = calls(body)
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

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                self._json(200, {})

            def do_HEAD(self):
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = {}
                if not self.path.startswith("/v1/messages") or "count_tokens" in self.path:
                    self._json(200, {"input_tokens": 10})
                    return
                with fake._lock:
                    fake.requests.append(body)
                    fake.raw.append(raw)
                msg = fake.reply(body)
                if body.get("stream"):
                    self._sse(msg)
                else:
                    self._json(200, msg)

            def _json(self, status: int, obj: dict) -> None:
                data = json.dumps(obj).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _sse(self, msg: dict) -> None:
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
                data = "".join(f"event: {e}\ndata: {json.dumps(d)}\n\n" for e, d in events).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler
