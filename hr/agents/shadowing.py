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


def _shell() -> str:
    return "zsh" if os.path.basename(os.environ.get("SHELL", "")) == "zsh" else "bash"


def _config_key(shell: str) -> str:
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
    return json.dumps([shell, stamps])


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
    or None when that cannot be found out (then nothing should be rewritten). Answers are
    cached per name until the shell's rc files change."""
    if not names:
        return set()
    from hr.store.objects import cache_dir, safe_dir

    shell = _shell()
    key = _config_key(shell)
    cache_file = os.path.join(cache_dir(), "shell-shadows.json")
    known: dict[str, bool] = {}
    try:
        safe_dir(os.path.dirname(cache_file), create=False)  # answers from an unsafe cache are not trusted
        with open(cache_file, encoding="utf-8") as f:
            cached = json.load(f)
        if cached.get("key") == key:
            known = {str(k): bool(v) for k, v in cached["names"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    missing = sorted(names - known.keys())
    if missing:
        found = _probe(shell, missing)
        if found is None:
            return None
        known.update((n, n in found) for n in missing)
        try:
            safe_dir(os.path.dirname(cache_file))
            tmp = f"{cache_file}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"key": key, "names": known}, f)
            os.replace(tmp, cache_file)
        except OSError:
            pass
    return {n for n in names if known[n]}
