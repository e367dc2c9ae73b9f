"""A scripted stand-in for the OpenAI Responses API on 127.0.0.1, for driving the real Codex CLI
offline (`POST /v1/responses`, `"stream": true`).

The reply to a request that offers tools is chosen by how many function calls its input already
holds: turn N gets `script[N]` (a list of (tool name, arguments) calls), and once the script is
used up the model says "done". Every request is recorded, so a test can read the
`function_call_output` items the model would have read. `shell_turns` scripts shell commands
through whichever shell tool the request offers.
"""

from __future__ import annotations

import json
from itertools import count

from fake_server import FakeServer, json_answer, sse_answer

_ids = count(1)


def shell_call(tools: list[dict], command: str) -> tuple[str, dict]:
    """The call that runs `command` through whichever shell tool Codex offers."""
    names = {t.get("name") for t in tools}
    if "exec_command" in names:
        return "exec_command", {"cmd": command}
    if "shell_command" in names:
        return "shell_command", {"command": command}
    return "shell", {"command": ["bash", "-lc", command]}


def shell_turns(script: list[list[str]]) -> list:
    """A FakeOpenAI script from shell commands per turn."""
    return [lambda body, cmds=cmds: [shell_call(body.get("tools") or [], c) for c in cmds] for cmds in script]


class FakeOpenAI(FakeServer):
    @property
    def url(self) -> str:
        return f"{self.origin}/v1"

    def outputs(self) -> list[str]:
        """The text of every function_call_output the model was sent, in order, each once."""
        seen: dict[str, str] = {}
        for req in self.recorded():
            for item in req.get("input") or []:
                if isinstance(item, dict) and item.get("type") == "function_call_output":
                    out = item.get("output")
                    if isinstance(out, list):
                        out = "".join(p.get("text", "") for p in out if isinstance(p, dict))
                    seen.setdefault(item.get("call_id"), out if isinstance(out, str) else json.dumps(out))
        return list(seen.values())

    def post(self, path: str, body: dict):
        if not path.rstrip("/").endswith("/responses"):
            return json_answer({"error": {"message": "not here"}}, 404)
        self.record(body)
        turn = sum(1 for i in body.get("input") or [] if isinstance(i, dict) and i.get("type") == "function_call")
        calls = self.calls_at(turn, body) if body.get("tools") else []
        items = [{"type": "function_call", "id": f"fc_{next(_ids):06d}", "status": "completed",
                  "call_id": f"call_{next(_ids):06d}", "name": name, "arguments": json.dumps(args)}
                 for name, args in calls]
        if not items:
            items.append({"type": "message", "id": f"msg_{next(_ids):06d}", "status": "completed", "role": "assistant",
                          "content": [{"type": "output_text", "text": "done", "annotations": []}]})
        base = {"id": f"resp_{next(_ids):06d}", "object": "response", "model": body.get("model", "gpt-5.5"),
                "status": "in_progress", "output": []}
        events = [("response.created", {"type": "response.created", "response": base})]
        for i, item in enumerate(items):
            events.append(("response.output_item.added", {"type": "response.output_item.added", "output_index": i, "item": item}))
            events.append(("response.output_item.done", {"type": "response.output_item.done", "output_index": i, "item": item}))
        usage = {"input_tokens": 10, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 10,
                 "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 20}
        events.append(("response.completed", {"type": "response.completed",
                                               "response": {**base, "status": "completed", "output": items, "usage": usage}}))
        return sse_answer(events)
