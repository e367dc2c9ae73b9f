"""The command line. `hr.entry` answers the hot paths (filter, `hr run`, hooks) from `filter`,
`run` and `options` without importing click; `main` holds the click commands and `agents` the
agent-wiring ones. Kept import-light: nothing here imports click."""
