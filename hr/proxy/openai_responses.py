"""OpenAI Responses API (`/v1/responses`): tool results are `function_call_output` input
items whose output is a string or a list of text parts."""

from __future__ import annotations

import re

from hr.proxy.openai_chat import error_body  # one error shape for both OpenAI APIs
from hr.proxy.spans import ANY, Node, text_parts

NAME = "openai_responses"
PATTERN = ("input", ANY, "output", ANY)
TOOL_RESULT_TYPES = ("function_call_output", "custom_tool_call_output")
# Codex's exec header; what follows `Output:` is the command's own output
PREAMBLE = re.compile(r"(?:Chunk ID: [^\n]*\n)?Wall time: [^\n]*\n(?:Process exited with code -?\d+\n)?"
                      r"(?:Original token count: \d+\n)?Output:\n")

__all__ = ["NAME", "PATTERN", "PREAMBLE", "error_body", "tool_results"]


def tool_results(root: Node) -> list[Node]:
    found = []
    for item in (root.get("input") or Node(0, 0)).items or ():
        if item.str_value("type") in TOOL_RESULT_TYPES:
            found += text_parts(item.get("output"), ("input_text", "output_text", "text"))
    return found
