"""Which commands are worth running under `hr run`: the one list the shell shims and the agent
hooks share.

An entry is a command name followed by the words that must come next (`go test`, `python -m
pytest`). `HR_WRAP` changes the set: comma-separated entries, `-entry` removes one, anything
else adds one (`HR_WRAP="-cat,terraform plan"`).
"""

from __future__ import annotations

import os

DEFAULT = (
    "cat",
    "pytest", "py.test", "python -m pytest", "python3 -m pytest", "uv run pytest", "tox", "nox",
    "go test", "go build", "go vet",
    "cargo test", "cargo build", "cargo check", "cargo clippy",
    "npm test", "npm run test", "npm run build", "npm run lint", "npm ci", "npm install",
    "yarn test", "pnpm test", "npx jest", "npx vitest", "npx tsc", "jest", "vitest", "tsc", "eslint",
    "mvn", "gradle", "./gradlew", "make", "cmake --build", "ctest",
    "ruff check", "mypy", "pip install",
    "kubectl logs", "kubectl describe", "docker logs", "docker compose logs", "journalctl",
    "git log", "git diff", "git show",
)

# Arguments that make a command follow forever or talk to a person: never wrapped, since
# `hr run` shows nothing until the command ends.
NEVER_WITH = frozenset({"-f", "--follow", "-w", "--watch", "watch", "--pdb", "--trace", "-i", "--interactive", "-it"})


def entries() -> list[tuple[str, ...]]:
    chosen = list(DEFAULT)
    for item in os.environ.get("HR_WRAP", "").split(","):
        item = " ".join(item.split())
        if item.startswith("-") and not item.startswith("--"):
            item = item[1:].strip()
            chosen = [e for e in chosen if e != item]
        elif item and item not in chosen:
            chosen.append(item)
    return [tuple(e.split()) for e in chosen]


def matches(words: list[str], table: list[tuple[str, ...]] | None = None) -> bool:
    """Whether a simple command (its words, quotes already removed) is one to wrap."""
    if not words or any(w in NEVER_WITH for w in words[1:]):
        return False
    first = os.path.basename(words[0]) if not words[0].startswith("./") else words[0]
    if first.startswith("python3."):
        first = "python3"
    for entry in table if table is not None else entries():
        if first == entry[0] and tuple(words[1:len(entry)]) == entry[1:]:
            if entry == ("cat",):
                # `cat` with no file reads stdin: leave it be
                return any(not w.startswith("-") or w == "-" for w in words[1:])
            return True
    return False
