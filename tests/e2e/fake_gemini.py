"""A scripted stand-in for the Gemini API on 127.0.0.1, for driving the real Gemini CLI offline
(`GOOGLE_GEMINI_BASE_URL`): `POST /v1beta/models/MODEL:streamGenerateContent?alt=sse`, and
`:generateContent` / `:countTokens` for the client's side calls.

The reply to a request that offers tools is chosen by how many function calls its contents
already hold: turn N gets `script[N]` (a list of (tool name, arguments) calls), and once the
script is used up the model says "done". Every request is recorded, so a test can read the
`functionResponse` parts the model would have read.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeGemini:
    def __init__(self, script: list):
        self.script = script
        self.requests: list[dict] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> "FakeGemini":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- what the tests read ---

    def function_responses(self) -> list[dict]:
        """Every functionResponse part the model was sent, in order, each once."""
        seen: dict[str, dict] = {}
        with self._lock:
            requests = list(self.requests)
        for req in requests:
            for content in req.get("contents") or []:
                for part in content.get("parts") or []:
                    fr = part.get("functionResponse") if isinstance(part, dict) else None
                    if fr:
                        seen.setdefault(fr.get("id") or f"{fr.get('name')}#{len(seen)}", fr)
        return list(seen.values())

    # --- the reply ---

    def calls_for(self, body: dict) -> list:
        turn = sum(1 for c in body.get("contents") or [] for p in c.get("parts") or []
                   if isinstance(p, dict) and "functionCall" in p)
        calls = self.script[turn] if body.get("tools") and turn < len(self.script) else []
        return calls(body) if callable(calls) else calls

    def reply(self, body: dict) -> dict:
        calls = self.calls_for(body)
        parts = [{"functionCall": {"name": name, "args": args}} for name, args in calls] or [{"text": "done"}]
        return {"candidates": [{"content": {"role": "model", "parts": parts}, "finishReason": "STOP", "index": 0}],
                "usageMetadata": {"promptTokenCount": 10, "candidatesTokenCount": 10, "totalTokenCount": 20},
                "modelVersion": "gemini-2.5-pro"}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                self._send(200, "application/json", b"{}")

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = {}
                path = self.path.split("?")[0]
                if path.endswith(":countTokens"):
                    self._send(200, "application/json", b'{"totalTokens": 10}')
                    return
                if not (path.endswith(":streamGenerateContent") or path.endswith(":generateContent")):
                    self._send(404, "application/json", b'{"error": {"code": 404, "message": "not here"}}')
                    return
                with fake._lock:
                    fake.requests.append(body)
                msg = fake.reply(body)
                if path.endswith(":streamGenerateContent"):
                    self._send(200, "text/event-stream", f"data: {json.dumps(msg)}\r\n\r\n".encode())
                else:
                    self._send(200, "application/json", json.dumps(msg).encode())

            def _send(self, status: int, ctype: str, data: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler
