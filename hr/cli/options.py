"""Option values shared by the click CLI and the fast filter path in hr.entry.

The filter (`cmd | hr --label x`) and `hr run -- CMD` are hot paths (the agent hook rewrites
commands to the latter): they must not pay for importing click. So `parse_filter_args` and
`parse_run_args` recognise their plain invocations, and leave anything else (help, errors,
other commands) to click, which uses the same `parse_budget` and `KINDS`.
"""

from __future__ import annotations

from hr.engine.dispatch import KINDS
FILTER_OPTIONS = ("--label", "--kind", "--budget", "--session")


def parse_budget(text: str) -> tuple[str, int]:
    """`'8000'` -> ('tokens', 8000); `'30000c'` -> ('chars', 30000). ValueError otherwise."""
    t = str(text).strip().lower()
    unit = "tokens"
    for suffix in ("chars", "char", "c"):
        if t.endswith(suffix):
            t, unit = t[: -len(suffix)].strip(), "chars"
            break
    if not t.isdigit() or int(t) <= 0:
        raise ValueError(f"{text!r} is not a budget: want N tokens or Nc characters, e.g. 8000 or 30000c")
    return unit, int(t)


def parse_filter_args(argv: list[str]) -> dict | None:
    """Filter options as keyword arguments for `Hint`, or None when argv is anything but a
    well-formed filter call (then click handles it, errors and help included)."""
    values: dict[str, str] = {}
    i = 0
    while i < len(argv):
        arg = argv[i]
        name, eq, value = arg.partition("=")
        if name not in FILTER_OPTIONS or name in values:
            return None
        if not eq:
            if i + 1 >= len(argv):
                return None
            i += 1
            value = argv[i]
        values[name] = value
        i += 1
    kind = values.get("--kind")
    if kind is not None and kind not in KINDS:
        return None
    hint: dict = {"label": values.get("--label"), "kind": kind, "session": values.get("--session")}
    if "--budget" in values:
        try:
            unit, n = parse_budget(values["--budget"])
        except ValueError:
            return None
        hint["budget_chars" if unit == "chars" else "budget"] = n
    return hint


def parse_run_args(argv: list[str]) -> tuple[dict, list[str]] | None:
    """`[opts…, '--', CMD, ARGS…]` -> (Hint keyword arguments, command), or None for anything
    else (then click handles it)."""
    if "--" not in argv:
        return None
    cut = argv.index("--")
    hint = parse_filter_args(argv[:cut])
    command = argv[cut + 1 :]
    if hint is None or not command:
        return None
    return hint, command
