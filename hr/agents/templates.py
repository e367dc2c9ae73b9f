"""The shell integration and agent hook templates: real files in the repository's top-level
`shell/` directory, shipped inside the package as `hr/shell/` (see pyproject.toml)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def path(name: str) -> Path:
    """Where a template is: in the installed package, else in the source tree."""
    for base in (_PACKAGE / "shell", _PACKAGE.parent / "shell"):
        candidate = base / name
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"hr: template {name!r} is missing from this installation")


def read(name: str) -> str:
    return path(name).read_text(encoding="utf-8")
