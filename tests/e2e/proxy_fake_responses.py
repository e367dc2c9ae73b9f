"""A scripted stand-in for the OpenAI Responses API on 127.0.0.1, for driving the real Codex
CLI offline: turn N (N = function_call_output items so far) runs `script[N]` (shell commands)
through whichever shell tool Codex offers; then the model says "done". Requests are recorded
raw and parsed."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import count

_ids = count(1)


def shell_call(tools: list[dict], command: str) -> dict:
    names = {t.get("name") for t in tools}
    if "exec_command" in names:
        name, args = "exec_command", {"cmd": command}
    elif "shell_command" in names:
        name, args = "shell_command", {"command": command}
    else:
        name, args = "shell", {"command": ["bash", "-lc", command]}
    n = next(_ids)
    return {"type": "function_call", "id": f"fc_{n}", "call_id": f"call_{n}", "name": name, "arguments": json.dumps(args), "status": "completed"}


class FakeResponses:
    def __init__(self, script: list[list[str]]):
        self.script = script
        self.requests: list[dict] = []
        self.raw: list[bytes] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> "FakeResponses":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def reply_items(self, body: dict) -> list[dict]:
        inputs = body.get("input") if isinstance(body.get("input"), list) else []
        turn = sum(1 for item in inputs if item.get("type") == "function_call_output")
        if turn < len(self.script):
            return [shell_call(body.get("tools") or [], c) for c in self.script[turn]]
        return [{"type": "message", "id": f"msg_{next(_ids)}", "role": "assistant", "status": "completed",
                 "content": [{"type": "output_text", "text": "done", "annotations": []}]}]

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                data = b'{"object":"list","data":[]}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                body = json.loads(raw or b"{}")
                with fake._lock:
                    fake.requests.append(body)
                    fake.raw.append(raw)
                items = fake.reply_items(body)
                rid = f"resp_{next(_ids)}"
                base = {"id": rid, "object": "response", "created_at": 1, "model": body.get("model", "gpt-test"), "output": []}
                events = [("response.created", {"type": "response.created", "response": {**base, "status": "in_progress"}})]
                for i, item in enumerate(items):
                    events.append(("response.output_item.added", {"type": "response.output_item.added", "output_index": i, "item": item}))
                    events.append(("response.output_item.done", {"type": "response.output_item.done", "output_index": i, "item": item}))
                usage = {"input_tokens": 100, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 10,
                         "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 110}
                events.append(("response.completed", {"type": "response.completed", "response": {**base, "status": "completed", "output": items, "usage": usage}}))
                data = "".join(f"event: {e}\ndata: {json.dumps(d)}\n\n" for e, d in events).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler
