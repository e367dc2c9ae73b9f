"""The console script. `hr --version` is answered before anything else is imported, so that it
costs about as much as starting the interpreter; everything else goes to the click CLI."""

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from hr import __version__

        sys.stdout.write(f"hr {__version__}\n")
        return
    from hr.cli import cli

    cli(prog_name="hr")
