"""`hr install claude --proxy` and `hr install codex --proxy`: point an agent at `hr proxy`,
and undo exactly that.

Claude Code: settings.json gets `env.ANTHROPIC_BASE_URL`, plus `env.HR_PROXY_URL` recording
what hr set, so `--uninstall` removes the base URL only while it is still hr's.
Codex: config.toml gets a marked `[model_providers.hr-proxy]` block and, when no provider is
chosen yet, a marked top-level `model_provider = "hr-proxy"` line; uninstall removes the
marked lines and nothing else.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from hr.agents.install import Change, _read

DEFAULT_URL = "http://127.0.0.1:8787"
MARK_KEY = "HR_PROXY_URL"
CODEX_BEGIN = "# >>> hr proxy (added by `hr install codex --proxy`) >>>"
CODEX_END = "# <<< hr proxy <<<"
CODEX_LINE_MARK = "# added by `hr install codex --proxy`"
PROVIDER = "hr-proxy"


def claude_proxy_change(path: Path, *, url: str = DEFAULT_URL, uninstall: bool = False) -> Change:
    old = _read(path)
    try:
        settings = json.loads(old) if old and old.strip() else {}
    except ValueError as exc:
        raise SystemExit(f"hr: {path} is not valid JSON ({exc}); fix it first, nothing was changed")
    if not isinstance(settings, dict) or not isinstance(settings.get("env", {}), dict):
        raise SystemExit(f"hr: {path} does not hold a JSON object with an `env` object; nothing was changed")
    env = dict(settings.get("env", {}))
    ours = env.pop(MARK_KEY, None)
    notes = []
    if ours is not None and env.get("ANTHROPIC_BASE_URL") == ours:
        del env["ANTHROPIC_BASE_URL"]
    if not uninstall:
        current = env.get("ANTHROPIC_BASE_URL")
        if current:
            raise SystemExit(f"hr: {path} already sets ANTHROPIC_BASE_URL={current}; run the proxy in front of it "
                             f"(hr proxy --anthropic-upstream {current}) and remove that setting first; nothing was changed")
        env["ANTHROPIC_BASE_URL"] = url
        env[MARK_KEY] = url
        notes.append(f"Claude Code will send its requests to {url}: keep `hr proxy` running (see README: systemd user unit)")
    if env:
        settings["env"] = env
    else:
        settings.pop("env", None)
    new = json.dumps(settings, indent=2) + "\n" if settings or old is not None else None
    if new is not None and old is not None and json.loads(old or "{}") == settings:
        new = old
    return Change(path, old, new, notes)


def codex_proxy_change(path: Path, *, url: str = DEFAULT_URL, uninstall: bool = False) -> Change:
    old = _read(path)
    lines = _without_ours((old or "").splitlines(keepends=True))
    notes = []
    if not uninstall:
        first_table = next((i for i, l in enumerate(lines) if re.match(r"\s*\[", l)), len(lines))
        chosen = any(re.match(r"\s*model_provider\s*=", l) for l in lines[:first_table])
        if chosen:
            notes.append(f'config.toml already chooses a model_provider: use `codex -c model_provider="{PROVIDER}"` to go through hr proxy')
        else:
            lines.insert(0, f'model_provider = "{PROVIDER}"  {CODEX_LINE_MARK}\n')
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        lines += [CODEX_BEGIN + "\n", f"[model_providers.{PROVIDER}]\n", 'name = "hr proxy"\n',
                  f"base_url = {json.dumps(url.rstrip('/') + '/v1')}\n", 'wire_api = "responses"\n',
                  'env_key = "OPENAI_API_KEY"\n', CODEX_END + "\n"]
    new = "".join(lines) or None  # nothing left but what hr wrote: no file, as before

    return Change(path, old, new, notes)


def _without_ours(lines: list[str]) -> list[str]:
    kept, inside = [], False
    for line in lines:
        if line.rstrip("\n") == CODEX_BEGIN:
            inside = True
        elif inside and line.rstrip("\n") == CODEX_END:
            inside = False
        elif not inside and CODEX_LINE_MARK not in line:
            kept.append(line)
    return kept
