"""`hr shell-init bash|zsh|fish`: the shell code that wraps noisy commands in an agent's shell.

The command set is hr.agents.wrapped's (HR_WRAP changes it). Each wrapped name becomes a shell
function that checks, cheaply and in this order: do the arguments match an entry, is the
command plain (not following or interactive), is this an agent's shell and does stdout still
go where it went when the shell started. Only then does it run under hr; otherwise it is
`command NAME "$@"`, exactly what the shell would have run.
"""

from __future__ import annotations

import re
import shlex
import sys

from hr.agents import templates, wrapped

SHELLS = ("bash", "zsh", "fish")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


def _hr_path() -> str:
    from hr.agents.self_path import hr_path

    return hr_path() or "hr"


def _groups() -> dict[str, list[tuple[str, ...]]]:
    """Entries by command name: {'go': [('test',), ('build',)], 'cat': [()]}."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for entry in wrapped.entries():
        if _NAME.match(entry[0]):
            groups.setdefault(entry[0], []).append(entry[1:])
    return groups


def _posix_condition(rest: tuple[str, ...], name: str) -> str:
    if name == "cat" and not rest:
        return '__hr_hasfile "$@"'
    if not rest:
        return "true"
    return " && ".join(f'[ "${{{i}-}}" = {shlex.quote(w)} ]' for i, w in enumerate(rest, 1))


def _fish_condition(rest: tuple[str, ...], name: str) -> str:
    if name == "cat" and not rest:
        return "__hr_hasfile $argv"
    if not rest:
        return "true"
    return "; and ".join(f"test \"$argv[{i}]\" = {shlex.quote(w)}" for i, w in enumerate(rest, 1))


def render(shell: str, hr: str | None = None) -> str:
    if shell not in SHELLS:
        raise ValueError(f"unknown shell {shell!r}: choose one of {', '.join(SHELLS)}")
    hr = shlex.quote(hr or _hr_path())
    never = "|".join(shlex.quote(w) for w in sorted(wrapped.NEVER_WITH))
    groups = _groups()
    if shell == "fish":
        text = templates.read("hr.fish").replace("@HR@", hr).replace("@NEVER@", never.replace("|", " "))
        for name, rests in groups.items():
            cond = " ; or ".join(f"begin; {_fish_condition(r, name)}; end" for r in rests)
            text += (f"\nfunction {name} --wraps {name}\n"
                     f"    if begin; {cond}; end; and __hr_plain $argv; and __hr_wanted\n"
                     f"        __hr_run {name} $argv\n"
                     f"    else\n        command {name} $argv\n    end\nend\n")
        return text
    # zsh runs the bash integration with its own pipeline status on top
    files = ["hr.bash"] + (["hr.zsh"] if shell == "zsh" else [])
    text = "".join(templates.read(f) for f in files).replace("@HR@", hr).replace("@NEVER@", never)
    for name, rests in groups.items():
        cond = " || ".join(f"{{ {_posix_condition(r, name)}; }}" for r in rests)
        # `function NAME` rather than `NAME()`: an alias of the user's with that name is not
        # expanded here, and keeps winning where the command is used
        text += (f"\nfunction {name} {{\n"
                 f'    if {{ {cond}; }} && __hr_plain "$@" && __hr_wanted; then\n'
                 f'        __hr_run {name} "$@"\n'
                 f"    else\n"
                 f'        command {name} "$@"\n'
                 f"    fi\n}}\n")
    return text


def main(shell: str) -> int:
    try:
        sys.stdout.write(render(shell))
    except ValueError as exc:
        sys.stderr.write(f"hr: shell-init: {exc}\n")
        return 2
    return 0
