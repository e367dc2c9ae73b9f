"""Wiring hr into agents, one module per agent: `claude` (with `claude_permissions`), `codex`
and `gemini` hold each hook handler; `rewrite` (the shared rewrite rules), `shadowing`,
`client_process` and `hook_io` are what they share. Around them: the installers (`install`),
`doctor`, the shell integration (`shell_init`, `wrapped`) and `templates`, which reads the
top-level `shell/` files. The hook modules are import-light: they run on every tool call."""
