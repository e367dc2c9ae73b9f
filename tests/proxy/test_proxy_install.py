"""`hr install claude --proxy` / `hr install codex --proxy` and their exact undo."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HR = Path(sys.executable).parent / "hr"


def hr(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(home)}
    env.pop("CODEX_HOME", None)
    env.pop("CLAUDE_CONFIG_DIR", None)
    proc = subprocess.run([str(HR), *args], capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 0, proc.stderr
    return proc


def test_claude_proxy_install_and_exact_undo(tmp_path):
    settings = tmp_path / ".claude" / "settings.json"
    settings.parent.mkdir()
    before = {"model": "opus", "env": {"FOO": "1"}, "permissions": {"allow": ["Bash(ls:*)"]}}
    settings.write_text(json.dumps(before, indent=2) + "\n")
    hr(tmp_path, "install", "claude", "--proxy", "--proxy-url", "http://127.0.0.1:9999")
    after = json.loads(settings.read_text())
    assert after["env"] == {"FOO": "1", "ANTHROPIC_BASE_URL": "http://127.0.0.1:9999", "HR_PROXY_URL": "http://127.0.0.1:9999"}
    assert {k: v for k, v in after.items() if k != "env"} == {k: v for k, v in before.items() if k != "env"}
    hr(tmp_path, "install", "claude", "--proxy")  # idempotent: replaces its own URL
    assert json.loads(settings.read_text())["env"]["ANTHROPIC_BASE_URL"] == "http://127.0.0.1:8787"
    hr(tmp_path, "install", "claude", "--proxy", "--uninstall")
    assert json.loads(settings.read_text()) == before


def test_claude_proxy_refuses_to_replace_a_users_base_url(tmp_path):
    settings = tmp_path / ".claude" / "settings.json"
    settings.parent.mkdir()
    text = json.dumps({"env": {"ANTHROPIC_BASE_URL": "https://gateway.example"}}) + "\n"
    settings.write_text(text)
    proc = subprocess.run([str(HR), "install", "claude", "--proxy"], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "HOME": str(tmp_path)})
    assert proc.returncode != 0 and "--anthropic-upstream https://gateway.example" in proc.stderr
    assert settings.read_text() == text


def test_codex_proxy_install_and_exact_undo(tmp_path):
    config = tmp_path / ".codex" / "config.toml"
    config.parent.mkdir()
    before = 'model = "gpt-5"\n\n[shell_environment_policy]\ninherit = "all"\n'
    config.write_text(before)
    hr(tmp_path, "install", "codex", "--proxy")
    text = config.read_text()
    assert text.startswith('model_provider = "hr-proxy"')
    import tomllib

    parsed = tomllib.loads(text)
    assert parsed["model_provider"] == "hr-proxy" and parsed["model"] == "gpt-5"
    assert parsed["model_providers"]["hr-proxy"] == {"name": "hr proxy", "base_url": "http://127.0.0.1:8787/v1",
                                                      "wire_api": "responses", "env_key": "OPENAI_API_KEY"}
    assert parsed["shell_environment_policy"] == {"inherit": "all"}
    hr(tmp_path, "install", "codex", "--proxy")
    assert config.read_text() == text  # idempotent
    hr(tmp_path, "install", "codex", "--proxy", "--uninstall")
    assert config.read_text() == before


def test_codex_proxy_keeps_a_chosen_provider_and_removes_a_file_it_created(tmp_path):
    config = tmp_path / ".codex" / "config.toml"
    proc = hr(tmp_path, "install", "codex", "--proxy")
    assert config.exists()
    hr(tmp_path, "install", "codex", "--proxy", "--uninstall")
    assert not config.exists()
    config.write_text('model_provider = "azure"\n')
    proc = hr(tmp_path, "install", "codex", "--proxy")
    assert "already chooses a model_provider" in proc.stdout
    import tomllib

    assert tomllib.loads(config.read_text())["model_provider"] == "azure"
