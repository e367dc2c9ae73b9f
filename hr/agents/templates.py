"""The shell integration and agent hook templates: real files in the repository's top-level
`shell/` directory, shipped inside the package as `hr/shell/` (a link to it in the source tree;
see pyproject.toml). Plain os.path: `hr shell-init` runs at every shell start."""

from __future__ import annotations

import os

_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def path(name: str) -> str:
    """Where a template is: in the installed package, else in the source tree."""
    for base in (os.path.join(_PACKAGE, "shell"), os.path.join(os.path.dirname(_PACKAGE), "shell")):
        candidate = os.path.join(base, name)
        if os.path.isfile(candidate):
            return candidate
    raise FileNotFoundError(f"hr: template {name!r} is missing from this installation")


def read(name: str) -> str:
    with open(path(name), encoding="utf-8") as f:
        return f.read()
