"""The console script.

The hot paths are answered before click is imported: `hr --version` (about the cost of starting
the interpreter) and the plain filter (`cmd | hr [--label L] [--kind K] [--budget N]`).
Everything else, help and errors included, goes to the click CLI in hr.cli.
"""

import sys


def main() -> None:
    argv = sys.argv[1:]
    if argv == ["--version"]:
        from hr import __version__

        sys.stdout.write(f"hr {__version__}\n")
        return
    if not argv or argv[0].startswith("--"):
        from hr.options import parse_filter_args

        hint_args = parse_filter_args(argv)
        if hint_args is not None and not sys.stdin.isatty():
            from hr.engine import Hint
            from hr.filter import run_filter

            run_filter(Hint(**hint_args))
            return
    from hr.cli import cli

    cli(prog_name="hr")
