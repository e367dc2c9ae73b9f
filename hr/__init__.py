"""hr: compress the tool output that coding agents read, without losing or inventing anything.

`hr.compress(data, hint)` is the one call every entry point (filter, `hr run`, hooks, proxy)
ends in. This module stays import-light: `hr --version` must cost little more than starting
the interpreter, so everything else is imported on first use.
"""

__version__ = "0.1.0"

__all__ = ["__version__", "compress", "Hint", "Result"]


def __getattr__(name: str):
    if name in ("compress", "Hint", "Result"):
        from hr.engine import api

        return getattr(api, name)
    raise AttributeError(f"module 'hr' has no attribute {name!r}")
