"""The console script.

The hot paths are answered before click is imported: `hr --version` (about the cost of starting
the interpreter), the plain filter (`cmd | hr [--label L] [--kind K] [--budget N]`), `hr run
[OPTIONS] -- CMD` (what the agent hook rewrites commands to), the hook itself (runs on every
tool call) and `hr shell-init` (runs at every shell start). Everything
else, help and errors included, goes to the click CLI in hr.cli.main.
"""

import os
import sys

# `hr hook AGENT`: the module whose main() answers that agent's hook events
_HOOKS = {"claude": "hr.agents.claude", "codex": "hr.agents.codex", "gemini": "hr.agents.gemini"}


class Done(SystemExit):
    """A hot path has answered: nothing is left to tear down (no threads, no atexit handlers,
    every file closed). A SystemExit, so that in-process callers of `main` see an exit."""


def console() -> None:
    """The `hr` console script: `main`, leaving a hot path without the interpreter's teardown,
    which frees every module one by one and costs a call about a tenth of its time."""
    try:
        main()
    except Done as done:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:  # noqa: BLE001 - the interpreter's exit says what went wrong
            sys.exit(done.code)
        os._exit(done.code or 0)


def main() -> None:
    argv = sys.argv[1:]
    if argv == ["--version"]:
        from hr import __version__

        sys.stdout.write(f"hr {__version__}\n")
        raise Done(0)
    if not argv or argv[0].startswith("--"):
        from hr.cli.options import parse_filter_args

        hint_args = parse_filter_args(argv)
        if hint_args is not None and not sys.stdin.isatty():
            from hr.engine.dispatch import Hint
            from hr.cli.filter import run_filter

            run_filter(Hint(**hint_args))
            raise Done(0)
    if argv[:1] == ["run"]:
        from hr.cli.options import parse_run_args

        parsed = parse_run_args(argv[1:])
        if parsed is not None:
            from hr.engine.dispatch import Hint
            from hr.cli.run import main as run

            hint_args, command = parsed
            raise Done(run(command, Hint(**hint_args)))
    if argv[:1] == ["hook"] and len(argv) >= 2 and argv[1] in _HOOKS and not {"-h", "--help"} & set(argv):
        from importlib import import_module

        raise Done(import_module(_HOOKS[argv[1]]).main())
    if argv[:1] == ["shell-init"] and len(argv) == 2 and not argv[1].startswith("-"):
        from hr.agents.shell_init import main as shell_init

        raise Done(shell_init(argv[1]))
    from hr.cli.main import cli

    cli(prog_name="hr")
