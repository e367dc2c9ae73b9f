"""A scripted stand-in for the OpenAI Responses API on 127.0.0.1, for driving the real Codex CLI
offline (`POST /v1/responses`, `"stream": true`).

The reply to a request that offers tools is chosen by how many function calls its input already
holds: turn N gets `script[N]` (a list of (tool name, arguments) calls), and once the script is
used up the model says "done". Every request is recorded, so a test can read the
`function_call_output` items the model would have read.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import count

_ids = count(1)


class FakeOpenAI:
    def __init__(self, script: list):
        self.script = script
        self.requests: list[dict] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> "FakeOpenAI":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- what the tests read ---

    def tool_names(self) -> set[str]:
        with self._lock:
            return {t.get("name") for r in self.requests for t in r.get("tools") or [] if isinstance(t, dict)}

    def outputs(self) -> list[str]:
        """The text of every function_call_output the model was sent, in order, each once."""
        seen: dict[str, str] = {}
        with self._lock:
            requests = list(self.requests)
        for req in requests:
            for item in req.get("input") or []:
                if isinstance(item, dict) and item.get("type") == "function_call_output":
                    out = item.get("output")
                    if isinstance(out, list):
                        out = "".join(p.get("text", "") for p in out if isinstance(p, dict))
                    seen.setdefault(item.get("call_id"), out if isinstance(out, str) else json.dumps(out))
        return list(seen.values())

    # --- the reply ---

    def calls_for(self, body: dict) -> list:
        turn = sum(1 for i in body.get("input") or [] if isinstance(i, dict) and i.get("type") == "function_call")
        calls = self.script[turn] if body.get("tools") and turn < len(self.script) else []
        return calls(body) if callable(calls) else calls

    def events(self, body: dict) -> list[tuple[str, dict]]:
        rid = f"resp_{next(_ids):06d}"
        items = []
        for name, args in self.calls_for(body):
            items.append({"type": "function_call", "id": f"fc_{next(_ids):06d}", "status": "completed",
                          "call_id": f"call_{next(_ids):06d}", "name": name, "arguments": json.dumps(args)})
        if not items:
            items.append({"type": "message", "id": f"msg_{next(_ids):06d}", "status": "completed", "role": "assistant",
                          "content": [{"type": "output_text", "text": "done", "annotations": []}]})
        base = {"id": rid, "object": "response", "model": body.get("model", "gpt-5"), "status": "in_progress", "output": []}
        out = [("response.created", {"type": "response.created", "response": base})]
        for i, item in enumerate(items):
            out.append(("response.output_item.added", {"type": "response.output_item.added", "output_index": i, "item": item}))
            out.append(("response.output_item.done", {"type": "response.output_item.done", "output_index": i, "item": item}))
        usage = {"input_tokens": 10, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 10,
                 "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 20}
        out.append(("response.completed", {"type": "response.completed",
                                           "response": {**base, "status": "completed", "output": items, "usage": usage}}))
        return out

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                self._send(200, "application/json", b'{"data": [], "models": []}')

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = {}
                if not self.path.rstrip("/").endswith("/responses"):
                    self._send(404, "application/json", b'{"error": {"message": "not here"}}')
                    return
                with fake._lock:
                    fake.requests.append(body)
                data = "".join(f"event: {e}\ndata: {json.dumps(d)}\n\n" for e, d in fake.events(body)).encode()
                self._send(200, "text/event-stream", data)

            def _send(self, status: int, ctype: str, data: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler
