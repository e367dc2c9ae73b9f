"""Where originals and savings live: `objects` (the content-addressed, zstd store of every
original) and `ledger` (one SQLite row per compression and per expansion)."""
