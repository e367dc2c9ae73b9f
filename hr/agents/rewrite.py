"""Deciding whether a shell command an agent is about to run should run under `hr run`, and
rewriting it so that it does.

Only simple commands are wrapped, one at a time, in a list joined by `&&`, `||`, `;` or
newlines: `cd sub && pytest -q` becomes `cd sub && hr run -- pytest -q`. The `cd` stays a
`cd` of the agent's own shell, so every change of shell state is kept, and the wrapped command
is an external program either way. Anything this small lexer does not fully understand
(pipelines, redirects, background jobs, subshells, command substitution, heredocs, control
flow, comments) is left exactly as it was: not rewriting is always safe.
"""

from __future__ import annotations

import shlex

from hr.agents import wrapped
from hr.session_id import parse_session

# Unquoted characters after which we stop trying: the command is not a plain list.
_SPECIAL = set("|&<>(){}`#")
_KEYWORDS = frozenset({"if", "then", "elif", "else", "fi", "for", "while", "until", "do", "done",
                       "case", "esac", "select", "function", "time", "coproc", "[[", "!", "{", "}"})


class Unsupported(ValueError):
    """The command uses shell syntax we leave alone."""


class Simple:
    """A simple command: where it starts in the command string, its words unquoted and where
    each word starts. (A plain class: dataclasses costs the hook milliseconds to import.)"""

    __slots__ = ("start", "words", "word_starts")

    def __init__(self, start: int):
        self.start = start
        self.words: list[str] = []
        self.word_starts: list[int] = []


def split(command: str) -> list[Simple]:
    """The simple commands of a list, or Unsupported."""
    out: list[Simple] = []
    cur = Simple(0)
    word: list[str] | None = None
    i, n = 0, len(command)

    def end_word():
        nonlocal word
        if word is not None:
            cur.words.append("".join(word))
            word = None

    def end_command(at: int):
        nonlocal cur
        end_word()
        if cur.words:
            out.append(cur)
        elif out or command[:at].strip():
            raise Unsupported("empty command in a list")
        cur = Simple(at)

    while i < n:
        c = command[i]
        if c in " \t":
            end_word()
            i += 1
            continue
        if c == "\n" or c == ";":
            end_command(i + 1)
            i += 1
            continue
        if command.startswith("&&", i) or command.startswith("||", i):
            end_command(i + 2)
            i += 2
            continue
        if command.startswith("2>&1", i) and word is None:
            # merging stderr into stdout is what `hr run` does anyway
            cur.words.append("2>&1")
            cur.word_starts.append(i)
            i += 4
            continue
        if c in _SPECIAL or command.startswith("$(", i):
            raise Unsupported(f"shell syntax {c!r}")
        if word is None:
            word = []
            cur.word_starts.append(i)
        if c == "'":
            j = command.find("'", i + 1)
            if j < 0:
                raise Unsupported("unbalanced quote")
            word.append(command[i + 1:j])
            i = j + 1
        elif c == '"':
            j = i + 1
            buf = []
            while j < n and command[j] != '"':
                if command[j] == "\\" and j + 1 < n:
                    buf.append(command[j + 1])
                    j += 2
                    continue
                if command[j] == "`" or command.startswith("$(", j):
                    raise Unsupported("command substitution")
                buf.append(command[j])
                j += 1
            if j >= n:
                raise Unsupported("unbalanced quote")
            word.append("".join(buf))
            i = j + 1
        elif c == "\\":
            if i + 1 < n and command[i + 1] == "\n":
                raise Unsupported("line continuation")
            word.append(command[i + 1:i + 2])
            i += 2
        else:
            word.append(c)
            i += 1
    end_command(n)
    return out


def _is_assignment(word: str) -> bool:
    name, eq, _ = word.partition("=")
    return bool(eq) and name.replace("_", "a").isalnum() and not name[0].isdigit()


def rewrite(command: str, hr: str, budget_chars: int | None = None, avoid: set[str] | frozenset = frozenset(),
            session: str | None = None) -> str | None:
    """`command` with each simple command worth compressing run under `hr run`, or None when
    nothing should change. `hr` is the path of the hr executable; names in `avoid` (aliases
    and functions of the user's shell) are never wrapped. `session` (the agent's session id,
    from the hook event) goes to the ledger with each output, when it is a plain id."""
    if "hr" in command and _uses_hr(command):
        return None
    try:
        commands = split(command)
    except Unsupported:
        return None
    table = wrapped.entries()
    session = parse_session(session)
    prefix = (f"{shlex.quote(hr)} run " + (f"--budget {budget_chars}c " if budget_chars else "")
              + (f"--session {session} " if session else "") + "-- ")
    inserts: list[int] = []
    for cmd in commands:
        k = 0
        while k < len(cmd.words) and _is_assignment(cmd.words[k]):
            k += 1
        words = [w for w in cmd.words[k:] if w != "2>&1"]
        if not words or words[0] in _KEYWORDS:
            if words and words[0] in _KEYWORDS:
                return None
            continue
        if wrapped.matches(words, table):
            if words[0] in avoid:
                return None  # its output must stay what the user's alias or function makes it
            inserts.append(cmd.word_starts[k])
    if not inserts:
        return None
    for at in reversed(inserts):
        command = command[:at] + prefix + command[at:]
    return command


def command_names(command: str) -> set[str]:
    """The first words of the simple commands that `rewrite` would wrap."""
    try:
        commands = split(command)
    except Unsupported:
        return set()
    table = wrapped.entries()
    names = set()
    for cmd in commands:
        words = [w for w in cmd.words if w != "2>&1" and not _is_assignment(w)]
        if words and wrapped.matches(words, table):
            names.add(words[0])
    return names


def _uses_hr(command: str) -> bool:
    """Whether any word of the command is hr itself (`hr expand …`, `x | hr`, `/p/hr run`)."""
    try:
        words = shlex.split(command, comments=False)
    except ValueError:
        return True  # cannot tell: leave it alone
    for w in words:
        for part in w.replace("|", " ").replace(";", " ").replace("&", " ").split():
            if part == "hr" or part.endswith("/hr"):
                return True
    return False
