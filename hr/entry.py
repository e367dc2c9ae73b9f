"""The console script.

The hot paths are answered before click is imported: `hr --version` (about the cost of starting
the interpreter), the plain filter (`cmd | hr [--label L] [--kind K] [--budget N]`), `hr run
[OPTIONS] -- CMD` (what the agent hook rewrites commands to), the hook itself (runs on every
tool call) and `hr shell-init` (runs at every shell start). Everything
else, help and errors included, goes to the click CLI in hr.cli.main.
"""

import sys

# `hr hook AGENT`: the module whose main() answers that agent's hook events
_HOOKS = {"claude": "hr.agents.claude", "codex": "hr.agents.codex", "gemini": "hr.agents.gemini"}


def main() -> None:
    argv = sys.argv[1:]
    if argv == ["--version"]:
        from hr import __version__

        sys.stdout.write(f"hr {__version__}\n")
        return
    if not argv or argv[0].startswith("--"):
        from hr.cli.options import parse_filter_args

        hint_args = parse_filter_args(argv)
        if hint_args is not None and not sys.stdin.isatty():
            from hr.engine.dispatch import Hint
            from hr.cli.filter import run_filter

            run_filter(Hint(**hint_args))
            return
    if argv[:1] == ["run"]:
        from hr.cli.options import parse_run_args

        parsed = parse_run_args(argv[1:])
        if parsed is not None:
            from hr.engine.dispatch import Hint
            from hr.cli.run import main as run

            hint_args, command = parsed
            sys.exit(run(command, Hint(**hint_args)))
    if argv[:1] == ["hook"] and len(argv) >= 2 and argv[1] in _HOOKS and not {"-h", "--help"} & set(argv):
        from importlib import import_module

        sys.exit(import_module(_HOOKS[argv[1]]).main())
    if argv[:1] == ["shell-init"] and len(argv) == 2 and not argv[1].startswith("-"):
        from hr.agents.shell_init import main as shell_init

        sys.exit(shell_init(argv[1]))
    from hr.cli.main import cli

    cli(prog_name="hr")
