"""The console script. `hr --version` is answered before anything else is imported, so that it
costs about as much as starting the interpreter; everything else goes to the click CLI."""

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from hr import __version__

        sys.stdout.write(f"hr {__version__}\n")
        return
    if sys.argv[1:3] == ["hook", "claude"] and not {"-h", "--help"} & set(sys.argv):
        # runs on every tool call of the agent: answered without loading the CLI
        from hr.hooks.claude import main as hook

        sys.exit(hook())
    if sys.argv[1:2] == ["shell-init"] and len(sys.argv) == 3 and not sys.argv[2].startswith("-"):
        # runs at every shell start
        from hr.shell_init import main as shell_init

        sys.exit(shell_init(sys.argv[2]))
    from hr.cli import cli

    cli(prog_name="hr")
