"""Command labels as rules name them: the program and, for tools that have them, the
subcommand (`kubectl logs api-0 -f` -> `kubectl logs`, `python -m pytest -q` -> `pytest`)."""

from __future__ import annotations

import os
import re

# Programs whose first word after the name is a subcommand worth telling apart.
SUBCOMMAND_TOOLS = frozenset({
    "apt", "apt-get", "bazel", "brew", "bun", "cargo", "composer", "deno", "docker", "dotnet",
    "gcloud", "gh", "git", "go", "gradle", "helm", "kubectl", "make", "mvn", "npm",
    "npx", "oc", "pip", "pip3", "pnpm", "podman", "poetry", "swift", "systemctl", "terraform",
    "uv", "yarn", "aws", "az", "dune", "stack", "mix", "rake", "bundle", "nix", "zig",
})
# Words that run the next word: `sudo make`, `env X=1 pytest`, `command ls`, `hr run -- pytest`.
RUNNERS = frozenset({"sudo", "env", "command", "exec", "nice", "time", "timeout", "nohup", "xargs"})
_ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
_SUBCOMMAND = re.compile(r"^[a-z][a-z0-9:_-]*$")
# `Bash: cmd` (the Claude hook's labels), `Grep: pattern`
_TOOL_PREFIX = re.compile(r"^([A-Z][A-Za-z]+|mcp__[A-Za-z0-9_]+): ")


def normalise(label: str | None) -> str:
    """The rule name for `label`; `-` when there is none."""
    if not label:
        return "-"
    text = label.strip()
    tool = _TOOL_PREFIX.match(text)
    if tool:
        if tool.group(1) != "Bash":
            return tool.group(1)  # Grep, Read, an MCP tool: the tool is the program
        text = text[tool.end():]
    words = text.split()
    words = program_words(words)
    if not words:
        return "-"
    program = os.path.basename(words[0])
    if re.fullmatch(r"python[0-9.]*", program) and len(words) > 2 and words[1] == "-m":
        words = words[2:]
        program = words[0]
    if program in SUBCOMMAND_TOOLS:
        sub = next((w for w in words[1:] if not w.startswith("-")), None)
        if sub and _SUBCOMMAND.match(sub):
            return f"{program} {sub}"
    return program


def program_words(words: list[str]) -> list[str]:
    """`words` from the program on: assignments, runners and `hr run [opts] --` skipped."""
    i = 0
    while i < len(words):
        w = words[i]
        if _ASSIGNMENT.match(w) or w in RUNNERS or w.startswith("-") and i > 0 and words[i - 1] in RUNNERS:
            i += 1
        elif os.path.basename(w) == "hr" and i + 1 < len(words) and words[i + 1] == "run":
            rest = words[i + 2:]
            i = i + 2 + (rest.index("--") + 1 if "--" in rest else 0)
        else:
            break
    return words[i:]
