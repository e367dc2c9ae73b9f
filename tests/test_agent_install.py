"""`hr install claude|shell|codex` and `hr doctor`, in a temporary HOME."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from hr.cli.main import cli
from hr.agents.install import EXPAND_RULE, RC_MARK


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("HR_CACHE_DIR", str(tmp_path / "cache"))
    for var in ("CLAUDE_CONFIG_DIR", "CODEX_HOME", "XDG_CONFIG_HOME", "ZDOTDIR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)
    return home


def hr(*args: str):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result


def hr_hooks(settings: dict) -> list[str]:
    return [h["command"] for groups in settings.get("hooks", {}).values() for g in groups for h in g["hooks"]
            if " hook claude" in h["command"]]


USER_SETTINGS = {
    "model": "opus",
    "permissions": {"allow": ["Bash(npm test:*)"], "deny": ["Read(./.env)"]},
    "hooks": {
        "PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "~/bin/audit.sh"}]}],
        "Stop": [{"hooks": [{"type": "command", "command": "notify-send done"}]}],
    },
}


def test_install_claude_merges_keeps_and_backs_up(home):
    path = home / ".claude" / "settings.json"
    path.parent.mkdir()
    path.write_text(json.dumps(USER_SETTINGS, indent=4))
    r = hr("install", "claude")
    assert r.exit_code == 0, r.output
    settings = json.loads(path.read_text())
    assert settings["model"] == "opus"
    assert settings["hooks"]["Stop"] == USER_SETTINGS["hooks"]["Stop"]
    pre = settings["hooks"]["PreToolUse"]
    assert pre[0] == USER_SETTINGS["hooks"]["PreToolUse"][0]  # the user's hook first, untouched
    assert len(hr_hooks(settings)) == 2
    post = settings["hooks"]["PostToolUse"][0]
    assert "Bash" in post["matcher"] and "mcp__" in post["matcher"] and "Read" not in post["matcher"]
    assert settings["permissions"]["allow"] == ["Bash(npm test:*)", EXPAND_RULE]
    assert settings["permissions"]["deny"] == ["Read(./.env)"]
    backups = list(path.parent.glob("settings.json.hr-backup-*"))
    assert len(backups) == 1 and json.loads(backups[0].read_text()) == USER_SETTINGS


def test_install_claude_is_idempotent(home):
    assert hr("install", "claude").exit_code == 0
    path = home / ".claude" / "settings.json"
    first = path.read_text()
    r = hr("install", "claude")
    assert "already up to date" in r.output
    assert path.read_text() == first
    assert len(hr_hooks(json.loads(first))) == 2
    assert not list(path.parent.glob("*.hr-backup-*"))  # the file did not exist before: nothing to back up


def test_reinstall_with_another_hr_path_replaces_ours(home):
    from hr.agents.install import claude_change

    path = home / ".claude" / "settings.json"
    path.parent.mkdir()
    path.write_text(claude_change(path, hr="/old/venv/bin/hr").new)
    new = claude_change(path, hr="/new/bin/hr", read=True)
    commands = hr_hooks(json.loads(new.new))
    assert commands == ["/new/bin/hr hook claude --read"] * 2
    assert "Read" in json.loads(new.new)["hooks"]["PostToolUse"][0]["matcher"]


def test_dry_run_shows_a_diff_and_writes_nothing(home):
    r = hr("install", "claude", "--dry-run")
    assert r.exit_code == 0
    assert "+++" in r.output and "hook claude" in r.output and EXPAND_RULE in r.output
    assert not (home / ".claude").exists()


def test_uninstall_removes_only_ours(home):
    path = home / ".claude" / "settings.json"
    path.parent.mkdir()
    path.write_text(json.dumps(USER_SETTINGS))
    hr("install", "claude")
    r = hr("install", "claude", "--uninstall")
    assert r.exit_code == 0, r.output
    assert json.loads(path.read_text()) == USER_SETTINGS
    assert "already up to date" in hr("install", "claude", "--uninstall").output


def test_uninstall_from_fresh_install_leaves_empty_settings(home):
    hr("install", "claude")
    hr("install", "claude", "--uninstall")
    assert json.loads((home / ".claude" / "settings.json").read_text()) == {}


def test_no_allow_expand_only_suggests(home):
    r = hr("install", "claude", "--no-allow-expand")
    assert "consider allowing" in r.output
    assert "permissions" not in json.loads((home / ".claude" / "settings.json").read_text())


def test_project_and_local_scopes(home, tmp_path):
    hr("install", "claude", "--project")
    hr("install", "claude", "--local")
    assert hr_hooks(json.loads((tmp_path / ".claude" / "settings.json").read_text()))
    assert hr_hooks(json.loads((tmp_path / ".claude" / "settings.local.json").read_text()))
    assert not (home / ".claude").exists()


def test_invalid_settings_are_not_touched(home):
    path = home / ".claude" / "settings.json"
    path.parent.mkdir()
    path.write_text("{broken")
    r = CliRunner().invoke(cli, ["install", "claude"])
    assert r.exit_code != 0 and "not valid JSON" in r.output
    assert path.read_text() == "{broken"


def test_install_shell_adds_one_line_per_rc_and_removes_it(home):
    bashrc = home / ".bashrc"
    bashrc.write_text("alias ll='ls -l'")  # no final newline
    r = hr("install", "shell", "--shell", "bash", "--shell", "zsh", "--shell", "fish")
    assert r.exit_code == 0, r.output
    text = bashrc.read_text()
    assert text.startswith("alias ll='ls -l'\n") and text.count(RC_MARK) == 1 and "shell-init bash" in text
    assert "shell-init zsh" in (home / ".zshrc").read_text()
    fish = home / ".config" / "fish" / "conf.d" / "hr.fish"
    assert "shell-init fish | source" in fish.read_text()
    hr("install", "shell", "--shell", "bash")
    assert bashrc.read_text() == text
    hr("install", "shell", "--shell", "bash", "--shell", "fish", "--uninstall")
    assert bashrc.read_text() == "alias ll='ls -l'\n"
    assert not fish.exists()


def test_install_codex(home):
    config = home / ".codex" / "config.toml"
    config.parent.mkdir()
    config.write_text('model = "gpt-5"\n\n[tui]\ntheme = "dark"\n')
    r = hr("install", "codex")
    assert r.exit_code == 0, r.output
    parsed = tomllib.loads(config.read_text())
    assert parsed["model"] == "gpt-5" and parsed["tui"] == {"theme": "dark"}
    env = parsed["shell_environment_policy"]["set"]
    assert env["HR_AGENT"] == "1" and env["HR_BUDGET"] == "32000c"
    assert {g["matcher"] for e in ("PreToolUse", "PostToolUse") for g in parsed["hooks"][e]} == {"Bash"}
    bash_env = Path(env["BASH_ENV"])
    assert "shell-init bash" in bash_env.read_text()
    once = config.read_text()
    hr("install", "codex")
    assert config.read_text() == once
    hr("install", "codex", "--uninstall")
    assert tomllib.loads(config.read_text()) == {"model": "gpt-5", "tui": {"theme": "dark"}}
    assert not bash_env.exists()


def test_install_codex_does_not_fight_an_existing_policy(home):
    config = home / ".codex" / "config.toml"
    config.parent.mkdir()
    user = '[shell_environment_policy]\nset = { FOO = "1" }\n\n[sandbox_workspace_write]\nwritable_roots = ["/srv"]\n'
    config.write_text(user)
    r = CliRunner().invoke(cli, ["install", "codex"])
    assert r.exit_code == 0, r.output
    assert "BASH_ENV" in r.output and "writable_roots" in r.output  # says what to add by hand
    parsed = tomllib.loads(config.read_text())
    assert parsed["shell_environment_policy"]["set"] == {"FOO": "1"}
    assert parsed["sandbox_workspace_write"]["writable_roots"] == ["/srv"]
    assert parsed["hooks"]["PreToolUse"][0]["hooks"][0]["command"].endswith(" hook codex")
    hr("install", "codex", "--uninstall")
    assert config.read_text() == user


def test_install_codex_hooks_come_with_codex_trust(home):
    """Codex runs a hook only with a trusted_hash under a key naming the file, the event and the
    hook's place: hr's groups come after the user's own."""
    from hr.agents.codex import trusted_hash

    config = home / ".codex" / "config.toml"
    config.parent.mkdir()
    config.write_text('[[hooks.PreToolUse]]\nmatcher = "Bash"\n[[hooks.PreToolUse.hooks]]\ntype = "command"\n'
                      'command = "audit.sh"\n')
    assert hr("install", "codex", "--mcp").exit_code == 0
    parsed = tomllib.loads(config.read_text())
    pre, post = parsed["hooks"]["PreToolUse"], parsed["hooks"]["PostToolUse"]
    assert [g["hooks"][0]["command"].split()[-2:] for g in pre] == [["audit.sh"], ["hook", "codex"]]
    state = parsed["hooks"]["state"]
    assert set(state) == {f"{config}:pre_tool_use:1:0", f"{config}:post_tool_use:0:0"}
    assert state[f"{config}:pre_tool_use:1:0"]["trusted_hash"] == trusted_hash("pre_tool_use", "Bash", pre[1]["hooks"][0])
    assert state[f"{config}:post_tool_use:0:0"]["trusted_hash"] == trusted_hash("post_tool_use", "Bash", post[0]["hooks"][0])
    assert parsed["sandbox_workspace_write"]["writable_roots"] == [str(home.parent / "cache")]
    assert parsed["mcp_servers"]["hr"]["args"] == ["mcp"]
    assert (home.parent / "cache").is_dir()


def test_codex_trust_hash_is_the_one_codex_computes():
    """A value the real Codex CLI 0.171.0 accepted (tests/e2e runs it without bypassing trust)."""
    from hr.agents.codex import trusted_hash

    handler = {"type": "command", "command": "/tmp/agents_probe/hook.sh", "timeout": 30}
    assert trusted_hash("pre_tool_use", "Bash", handler) == (
        "sha256:" + __import__("hashlib").sha256(
            b'{"event_name":"pre_tool_use","hooks":[{"async":false,"command":"/tmp/agents_probe/hook.sh",'
            b'"timeout":30,"type":"command"}],"matcher":"Bash"}').hexdigest())


def test_doctor_reports(home):
    r = hr("doctor")
    assert "not installed" in r.output
    hr("install", "claude")
    r = hr("doctor")
    assert "PreToolUse hook" in r.output and "PostToolUse hook" in r.output


def test_project_scope_names_hr_by_path(home, tmp_path):
    hr("install", "claude", "--project")
    commands = hr_hooks(json.loads((tmp_path / ".claude" / "settings.json").read_text()))
    assert commands == ["hr hook claude"] * 2


def test_install_codex_for_zsh_users(home, monkeypatch, tmp_path):
    import subprocess
    import shutil

    monkeypatch.setenv("SHELL", "/bin/zsh")
    zshenv = home / ".zshenv"
    zshenv.write_text("export EDITOR=vim\n")
    hr("install", "codex")
    text = zshenv.read_text()
    assert text.startswith("export EDITOR=vim\n") and "shell-init zsh" in text and 'HR_AGENT:-}" = 1 ]' in text
    if shutil.which("zsh"):
        # a zsh that Codex did not start does not load the wrappers; one it started does
        import sys

        path = f"{Path(sys.executable).parent}:/usr/bin:/bin"
        for agent, kind in (("", "command"), ("1", "function")):
            r = subprocess.run(["zsh", "-c", "whence -w cat"], env={"HOME": str(home), "PATH": path, "HR_AGENT": agent},
                               capture_output=True, text=True)
            assert r.stdout.strip() == f"cat: {kind}", (r.stdout, r.stderr)
    hr("install", "codex", "--uninstall")
    assert zshenv.read_text() == "export EDITOR=vim\n"


def test_backups_are_never_overwritten(home):
    path = home / ".claude" / "settings.json"
    path.parent.mkdir()
    path.write_text(json.dumps(USER_SETTINGS))
    for _ in range(3):
        hr("install", "claude")
        hr("install", "claude", "--uninstall")
    backups = sorted(path.parent.glob("settings.json.hr-backup-*"))
    assert len(backups) == 6
    assert json.loads(path.read_text()) == USER_SETTINGS


def test_install_claude_mcp_registers_the_server_and_undoes_it(home, tmp_path):
    state = home / ".claude.json"
    state.write_text(json.dumps({"numStartups": 7, "mcpServers": {"other": {"command": "x"}}}))
    assert hr("install", "claude", "--mcp").exit_code == 0
    data = json.loads(state.read_text())
    assert data["numStartups"] == 7 and data["mcpServers"]["other"] == {"command": "x"}
    assert data["mcpServers"]["hr"]["args"] == ["mcp"] and data["mcpServers"]["hr"]["command"].endswith("hr")
    allow = json.loads((home / ".claude" / "settings.json").read_text())["permissions"]["allow"]
    assert "mcp__hr__hr_expand" in allow and "mcp__hr__hr_compress" not in allow
    hr("install", "claude", "--uninstall")
    assert json.loads(state.read_text()) == {"numStartups": 7, "mcpServers": {"other": {"command": "x"}}}
    assert "permissions" not in json.loads((home / ".claude" / "settings.json").read_text())
    hr("install", "claude", "--project", "--mcp")
    assert json.loads((tmp_path / ".mcp.json").read_text())["mcpServers"]["hr"]["command"] == "hr"


def test_install_gemini_merges_hooks_and_undoes_them(home):
    settings = home / ".gemini" / "settings.json"
    settings.parent.mkdir()
    user = {"theme": "dark", "hooks": {"BeforeTool": [{"matcher": "write_file", "hooks": [{"type": "command", "command": "lint.sh"}]}]}}
    settings.write_text(json.dumps(user))
    assert hr("install", "gemini", "--mcp").exit_code == 0
    once = settings.read_text()
    data = json.loads(once)
    assert data["theme"] == "dark" and data["hooks"]["BeforeTool"][0] == user["hooks"]["BeforeTool"][0]
    ours = [g for e in ("BeforeTool", "AfterTool") for g in data["hooks"][e] if g["matcher"] == "^run_shell_command$"]
    assert len(ours) == 2 and all(g["hooks"][0]["command"].endswith("hr hook gemini") for g in ours)
    assert ours[0]["hooks"][0]["timeout"] == 60000 and data["mcpServers"]["hr"]["args"] == ["mcp"]
    hr("install", "gemini", "--mcp")
    assert settings.read_text() == once  # idempotent
    hr("install", "gemini", "--uninstall")
    assert json.loads(settings.read_text()) == user


def test_doctor_reports_codex_and_gemini(home):
    hr("install", "codex")
    hr("install", "gemini")
    out = hr("doctor").output
    assert "Codex CLI hooks in" in out and "incomplete" not in out
    assert "Gemini CLI hooks in" in out and "AfterTool" in out


def test_install_codex_into_no_config_and_back_leaves_nothing(home):
    config = home / ".codex" / "config.toml"
    hr("install", "codex")
    assert "hooks.state" in config.read_text()
    hr("install", "codex", "--uninstall")
    assert not config.exists()
