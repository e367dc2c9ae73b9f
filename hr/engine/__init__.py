"""The engine: `api.compress` (the one call every entry point ends in), `dispatch` (which
compressor, and the invariants that hold for all of them) and `core` (the only door to the
native Rust core, `hr._core`)."""
