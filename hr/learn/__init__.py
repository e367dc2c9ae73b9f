"""`hr learn`: a policy learnt from what agents expanded, without a model.

`labels` names a command the way rules do (`kubectl logs`), `evidence` finds over-compressed
outputs in the ledger, `transcripts` finds them in Claude Code and Codex session files, `rules`
turns evidence into adjustments, and `policy` reads and writes the TOML file the engine reads.
"""
