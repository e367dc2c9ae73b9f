"""Which command names the user's shell config turns into aliases or functions.

Claude Code runs Bash commands in a shell that has the user's aliases and functions (it
snapshots them from ~/.bashrc or ~/.zshrc). `hr run -- cat x` runs the `cat` program, not an
alias `cat='bat -p'` or a function `make() { command make -j8 "$@"; }`, so a rewrite would
change what the command does: such names are never rewritten.

Finding out means starting the user's shell and reading its config, which costs tens of
milliseconds, so the answer is cached per set of names and kept while the config files are
unchanged. hr's own shims (`hr shell-init`) do not count: they run the same thing hr run does.
"""

from __future__ import annotations

import json
import os

RC_FILES = (".bashrc", ".bash_profile", ".bash_login", ".profile", ".zshrc", ".zshenv", ".zprofile")
PROBE_TIMEOUT_S = 3.0

_BASH_PROBE = r'''
shopt -s expand_aliases
[ -f "$HOME/.bashrc" ] && . "$HOME/.bashrc" >/dev/null 2>&1 </dev/null
for n in "$@"; do
    case "$(type -t -- "$n")" in
        alias|keyword|builtin) echo "$n" ;;
        function) type -- "$n" | grep -q __hr_wanted || echo "$n" ;;
    esac
done
'''
_ZSH_PROBE = r'''
[ -f "${ZDOTDIR:-$HOME}/.zshrc" ] && . "${ZDOTDIR:-$HOME}/.zshrc" >/dev/null 2>&1 </dev/null
for n in "$@"; do
    case "$(whence -w -- "$n")" in
        *": alias"|*": reserved"|*": builtin") echo "$n" ;;
        *": function") whence -f -- "$n" | grep -q __hr_wanted || echo "$n" ;;
    esac
done
'''


def cache_root() -> str:
    """hr.store.cache_dir() without importing hr.store (pathlib, dataclasses, tempfile: too slow
    for a hook that runs on every Bash call). A test keeps the two in step."""
    if os.environ.get("HR_CACHE_DIR"):
        return os.environ["HR_CACHE_DIR"]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "headroom")


def _shell() -> str:
    return "zsh" if os.path.basename(os.environ.get("SHELL", "")) == "zsh" else "bash"


def _config_key(shell: str, names: list[str]) -> str:
    home = os.path.expanduser("~")
    zdot = os.environ.get("ZDOTDIR") or home
    stamps = []
    for name in RC_FILES:
        path = os.path.join(zdot if name.startswith(".z") else home, name)
        try:
            st = os.stat(path)
            stamps.append([path, st.st_mtime_ns, st.st_size])
        except OSError:
            pass
    return json.dumps([shell, names, stamps])


def _probe(shell: str, names: list[str]) -> set[str] | None:
    script = _ZSH_PROBE if shell == "zsh" else _BASH_PROBE
    args = [shell, "-f", "-c", script, "hr-probe", *names] if shell == "zsh" else \
        ["bash", "--norc", "--noprofile", "-c", script, "hr-probe", *names]
    import subprocess  # only here: importing it costs the hook milliseconds on every call

    try:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=PROBE_TIMEOUT_S,
                              stdin=subprocess.DEVNULL, env={**os.environ, "HR_DISABLE": "1"})
    except (OSError, subprocess.SubprocessError):
        return None
    return set(proc.stdout.split()) & set(names)


def shadowed(names: set[str]) -> set[str] | None:
    """The names among `names` that the user's shell makes something other than the program,
    or None when that cannot be found out (then nothing should be rewritten)."""
    if not names:
        return set()
    shell = _shell()
    ordered = sorted(names)
    key = _config_key(shell, ordered)
    cache_file = None
    try:
        cache_file = os.path.join(cache_root(), "shell-shadows.json")
        with open(cache_file, encoding="utf-8") as f:
            cached = json.load(f)
        if cached.get("key") == key:
            return set(cached["shadowed"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    found = _probe(shell, ordered)
    if found is not None and cache_file:
        try:
            os.makedirs(os.path.dirname(cache_file), mode=0o700, exist_ok=True)
            tmp = f"{cache_file}.{os.getpid()}.tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump({"key": key, "shadowed": sorted(found)}, f)
            os.replace(tmp, cache_file)
        except OSError:
            pass
    return found
