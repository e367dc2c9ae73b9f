"""What the scripted fake model APIs share: an HTTP server on 127.0.0.1 (port 0, read back),
the script of tool calls, and every request body recorded for the test to read."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeServer:
    def __init__(self, script: list):
        """`script[n]`: the tool calls the model makes on turn n, or a function of the request
        body that returns them (to use what a tool returned)."""
        self.script = script
        self.requests: list[dict] = []
        self.raw: list[bytes] = []  # the exact bytes of each request in `requests`
        self._lock = threading.Lock()
        self._current = threading.local()  # the raw body of the request this thread answers
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def recorded(self) -> list[dict]:
        with self._lock:
            return list(self.requests)

    def record(self, body: dict) -> None:
        with self._lock:
            self.requests.append(body)
            self.raw.append(getattr(self._current, "raw", b""))

    def calls_at(self, turn: int, body: dict) -> list:
        calls = self.script[turn] if turn < len(self.script) else []
        return calls(body) if callable(calls) else calls

    def post(self, path: str, body: dict) -> tuple[int, str, bytes]:
        """(status, content type, body) of the answer to one POST."""
        raise NotImplementedError

    def get(self, path: str) -> tuple[int, str, bytes]:
        return 200, "application/json", b"{}"

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                self._send(*fake.get(self.path))

            def do_HEAD(self):
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                fake._current.raw = raw
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = {}
                self._send(*fake.post(self.path, body))

            def _send(self, status: int, ctype: str, data: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler


def json_answer(obj, status: int = 200) -> tuple[int, str, bytes]:
    return status, "application/json", json.dumps(obj).encode()


def sse_answer(events: list[tuple[str | None, dict]]) -> tuple[int, str, bytes]:
    """A whole event stream: `event: NAME` lines where a name is given."""
    text = "".join((f"event: {name}\n" if name else "") + f"data: {json.dumps(data)}\n\n" for name, data in events)
    return 200, "text/event-stream", text.encode()
