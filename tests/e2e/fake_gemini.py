"""A scripted stand-in for the Gemini API on 127.0.0.1, for driving the real Gemini CLI offline
(`GOOGLE_GEMINI_BASE_URL`): `POST /v1beta/models/MODEL:streamGenerateContent?alt=sse`, and
`:generateContent` / `:countTokens` for the client's side calls.

The reply to a request that offers tools is chosen by how many function calls its contents
already hold: turn N gets `script[N]` (a list of (tool name, arguments) calls), and once the
script is used up the model says "done". Every request is recorded, so a test can read the
`functionResponse` parts the model would have read.
"""

from __future__ import annotations

from fake_server import FakeServer, json_answer, sse_answer


class FakeGemini(FakeServer):
    @property
    def url(self) -> str:
        return self.origin

    def function_responses(self) -> list[dict]:
        """Every functionResponse part the model was sent, in order, each once."""
        seen: dict[str, dict] = {}
        for req in self.recorded():
            for content in req.get("contents") or []:
                for part in content.get("parts") or []:
                    fr = part.get("functionResponse") if isinstance(part, dict) else None
                    if fr:
                        seen.setdefault(fr.get("id") or f"{fr.get('name')}#{len(seen)}", fr)
        return list(seen.values())

    def post(self, path: str, body: dict):
        path = path.split("?")[0]
        if path.endswith(":countTokens"):
            return json_answer({"totalTokens": 10})
        if not (path.endswith(":streamGenerateContent") or path.endswith(":generateContent")):
            return json_answer({"error": {"code": 404, "message": "not here"}}, 404)
        self.record(body)
        turn = sum(1 for c in body.get("contents") or [] for p in c.get("parts") or []
                   if isinstance(p, dict) and "functionCall" in p)
        calls = self.calls_at(turn, body) if body.get("tools") else []
        parts = [{"functionCall": {"name": name, "args": args}} for name, args in calls] or [{"text": "done"}]
        msg = {"candidates": [{"content": {"role": "model", "parts": parts}, "finishReason": "STOP", "index": 0}],
               "usageMetadata": {"promptTokenCount": 10, "candidatesTokenCount": 10, "totalTokenCount": 20},
               "modelVersion": "gemini-2.5-pro"}
        return sse_answer([(None, msg)]) if path.endswith(":streamGenerateContent") else json_answer(msg)
