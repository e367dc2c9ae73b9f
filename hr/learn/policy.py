"""The learnt policy: a small TOML file that `hr learn --apply` writes and the engine reads.

Where: `$HR_POLICY`, else `$XDG_CONFIG_HOME/hr/policy.toml`, else `~/.config/hr/policy.toml`.
The engine looks for it on every call (one `stat`) and parses it only when it exists; a policy
it cannot read is ignored (fail open), never an error. One `[[rule]]` per label and kind:

    [[rule]]
    label = "kubectl logs"      # a normalised command label (hr.learn.labels)
    kind = "log"                # or "*" for any kind
    skip = true                 # pass this label's output through untouched
    # min_fold_run = 16         # or: folds of fewer lines than this stay verbatim
    evidence = 5                # over-compressed outputs seen
    outputs = 5                 # compressed outputs of this label and kind
    reason = "..."
"""

from __future__ import annotations

import os

HEADER = """\
# hr policy, learnt by `hr learn --apply` from what agents expanded (see `hr learn --help`).
# Each rule adjusts how one command label and kind is compressed; edit or remove rules freely.
# `hr learn --reset` removes this file.
"""
ADJUSTMENTS = ("skip", "min_fold_run")
_cache: dict[str, tuple[tuple[int, int], list[dict]]] = {}


def policy_path() -> str:
    if os.environ.get("HR_POLICY"):
        return os.environ["HR_POLICY"]
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "hr", "policy.toml")


def load(path: str | None = None) -> list[dict]:
    """The rules in the policy file; [] when there is none or it cannot be read."""
    path = path or policy_path()
    try:
        st = os.stat(path)
        key = (st.st_mtime_ns, st.st_size)
        hit = _cache.get(path)
        if hit and hit[0] == key:
            return hit[1]
        import tomllib

        with open(path, "rb") as f:
            doc = tomllib.load(f)
    except (OSError, ValueError):
        return []
    rules = [r for r in doc.get("rule", []) if isinstance(r, dict) and isinstance(r.get("label"), str)]
    _cache[path] = (key, rules)
    return rules


def rules_for(label: str, path: str | None = None) -> dict | None:
    """The adjustments for `label`, by kind (`{"log": {"skip": True}}`), or None."""
    from hr.learn.labels import normalise

    name = normalise(label)
    found = {}
    for rule in load(path):
        if rule["label"] == name:
            adjust = {k: rule[k] for k in ADJUSTMENTS if k in rule and _valid(k, rule[k])}
            if adjust:
                found[str(rule.get("kind", "*"))] = adjust
    return found or None


def _valid(key: str, value) -> bool:
    if key == "skip":
        return value is True
    return isinstance(value, int) and not isinstance(value, bool) and 1 < value <= 100_000


def dumps(rules: list[dict]) -> str:
    """`rules` as the policy file's text: sorted, so the same rules give the same bytes."""
    out = [HEADER]
    for rule in sorted(rules, key=lambda r: (r["label"], r["kind"])):
        out.append("\n[[rule]]\n")
        for key in ("label", "kind", *ADJUSTMENTS, "evidence", "outputs", "reason"):
            if key in rule:
                out.append(f"{key} = {_toml_value(rule[key])}\n")
    return "".join(out)


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    import json

    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a TOML basic string


def write(rules: list[dict], path: str | None = None) -> str:
    """Write the policy atomically (temp file + rename); returns its path."""
    path = path or policy_path()
    os.makedirs(os.path.dirname(path) or ".", mode=0o700, exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(dumps(rules))
    os.replace(tmp, path)
    return path


def text(path: str | None = None) -> str | None:
    """The policy file as written, for showing it; None when there is none."""
    try:
        with open(path or policy_path(), encoding="utf-8") as f:
            return f.read()
    except OSError:
        return None


def reset(path: str | None = None) -> bool:
    """Remove the policy file; False when there was none."""
    try:
        os.unlink(path or policy_path())
        return True
    except FileNotFoundError:
        return False
