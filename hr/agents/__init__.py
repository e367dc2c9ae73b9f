"""Wiring hr into agents: the hook handlers (`claude`, with `rewrite`, `claude_permissions` and
`shadowing`), the installers (`install`), `doctor`, and the shell integration (`shell_init`,
`wrapped`, `shell/`). The hook modules are import-light: they run on every tool call."""
