"""`hr mcp`: hr as a stdio MCP server (expand, stats, compress) for any MCP client. Built on the
official `mcp` SDK (the optional extra `hr[mcp]`), which is imported on this path only."""
