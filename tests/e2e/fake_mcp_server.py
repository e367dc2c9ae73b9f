"""A minimal MCP server on stdio with one tool, `dump`, that returns a large log as text: enough
for the real Claude Code client to call an MCP tool in the end-to-end tests."""

import json
import sys

LOG = "".join(f"2024-05-01 12:00:00 INFO cache refresh done shard={i} keys={i * 37 % 1000}\n" for i in range(3000))


def reply(msg_id, result=None, error=None):
    out = {"jsonrpc": "2.0", "id": msg_id}
    out.update({"error": error} if error else {"result": result})
    sys.stdout.write(json.dumps(out) + "\n")
    sys.stdout.flush()


for line in sys.stdin:
    if not line.strip():
        continue
    msg = json.loads(line)
    method, msg_id = msg.get("method"), msg.get("id")
    if msg_id is None:
        continue  # a notification
    if method == "initialize":
        reply(msg_id, {"protocolVersion": msg["params"].get("protocolVersion", "2025-06-18"),
                       "capabilities": {"tools": {}}, "serverInfo": {"name": "fake", "version": "1"}})
    elif method == "tools/list":
        reply(msg_id, {"tools": [{"name": "dump", "description": "Dump the cache log",
                                  "inputSchema": {"type": "object", "properties": {}}}]})
    elif method == "tools/call":
        reply(msg_id, {"content": [{"type": "text", "text": LOG}], "isError": False})
    elif method == "ping":
        reply(msg_id, {})
    else:
        reply(msg_id, error={"code": -32601, "message": f"no method {method}"})
