"""The ledger: one SQLite row per compression and per expansion, read by `hr stats`.

WAL mode lets many agents write at once; a busy timeout makes concurrent writers wait instead
of failing. Token counts are estimates (see hr-core's tokens.rs) and are labelled as such.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from contextlib import contextmanager

# names for annotations only: importing typing would cost every call its import time
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

SCHEMA_VERSION = 2
SCHEMA = """
CREATE TABLE IF NOT EXISTS compressions (
    id INTEGER PRIMARY KEY,
    ts REAL NOT NULL,            -- unix time
    hash TEXT NOT NULL,          -- sha256 hex of the input
    kind TEXT NOT NULL,
    label TEXT,
    session TEXT,
    source TEXT NOT NULL,        -- filter, run, hook, proxy
    bytes_in INTEGER NOT NULL,
    bytes_out INTEGER NOT NULL,
    tokens_in INTEGER NOT NULL,
    tokens_out INTEGER NOT NULL,
    passthrough INTEGER NOT NULL,
    note TEXT,
    ms REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS expansions (
    id INTEGER PRIMARY KEY,
    ts REAL NOT NULL,
    hash TEXT NOT NULL,
    span TEXT NOT NULL,          -- 'all', 'lines 3-9', 'grep ERROR', ...
    bytes_out INTEGER NOT NULL,
    tokens_out INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS compressions_ts ON compressions(ts);
CREATE INDEX IF NOT EXISTS expansions_hash ON expansions(hash);
"""
# Columns added since version 1 (what `hr learn` needs), added to older ledgers in place. Only
# ever append here: other versions of hr may read and write the same ledger.
ADDED_COLUMNS = {
    "compressions": (
        ("agent", "TEXT"),            # claude, codex, ... where known
        ("lines_in", "INTEGER"),
        ("lines_folded", "INTEGER"),  # original lines the markers stand for
        ("budget_chars", "INTEGER"),
        ("policy", "TEXT"),           # the learnt adjustment applied, e.g. 'min_fold_run=16', 'skip'
    ),
    "expansions": (
        ("session", "TEXT"),
        ("agent", "TEXT"),
        ("source", "TEXT"),           # expand, mcp, proxy, ...
        ("lines_out", "INTEGER"),     # original lines brought back
    ),
}


def connect(root: str) -> sqlite3.Connection:
    path = os.path.join(root, "ledger.sqlite3")
    if not os.path.exists(path):
        from hr.store.objects import safe_dir

        safe_dir(root)  # a first call that stored nothing (binary input) still records
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    conn.execute("PRAGMA synchronous=NORMAL")
    # user_version marks a ledger that is set up already: most calls skip the DDL entirely
    if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
        set_wal(conn)  # persistent: set once per database
        conn.executescript(SCHEMA)
        _add_columns(conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return conn


# How often a new ledger's switch to WAL is tried, waiting twice as long each time up to
# WAL_WAIT_MAX seconds: about ten seconds in all.
WAL_TRIES = 100
WAL_WAIT_MAX = 0.1


def set_wal(conn: sqlite3.Connection, wait: Callable[[float], object] = time.sleep) -> None:
    """Put the ledger in WAL mode. Processes that open a new ledger at once all switch it, and
    two that both read it and then both want it to themselves would wait for each other:
    SQLite says "database is locked" to one of them at once, without its busy timeout. That
    one tries again (`wait` sleeps between tries) rather than lose its call's row."""
    delay = 0.005
    for _ in range(WAL_TRIES):
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                raise
        wait(delay)
        delay = min(2 * delay, WAL_WAIT_MAX)
    conn.execute("PRAGMA journal_mode=WAL")  # the last try says what SQLite says


def _add_columns(conn: sqlite3.Connection) -> None:
    for table, columns in ADDED_COLUMNS.items():
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        for name, sql_type in columns:
            if name not in have:
                try:
                    conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} {sql_type}")
                except sqlite3.OperationalError as exc:  # another process added it first
                    if "duplicate column" not in str(exc):
                        raise


@contextmanager
def transaction(root: str) -> Iterator[sqlite3.Connection]:
    """A connection that commits on success and is always closed."""
    conn = connect(root)
    try:
        with conn:
            yield conn
    finally:
        conn.close()


# Labels are command lines and URLs, and those can carry credentials: `curl -H "Authorization:
# Bearer …"`, `PGPASSWORD=… psql`, `https://user:pw@host/?token=…`. The ledger never stores them.
_SECRET_FLAGS = {"-H", "--header", "-u", "--user", "-p", "--password", "--token", "--auth", "--api-key"}
_SECRET_WORD = re.compile(r"(?i)bearer|token|secret|passw|api[_-]?key|auth|cookie|credential")
_URL_PARTS = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)(?:[^/@\s]*@)?(?P<rest>[^?#\s]*)(?:[?#]\S*)?", re.I)
_OPAQUE = re.compile(r"[A-Za-z0-9+/_=-]{32,}")


def redact(label: str | None) -> str | None:
    """`label` without what may be a credential: URL user info and queries go, a `NAME=value`
    keeps its name, and from a secret-looking word or flag on the rest becomes `…`."""
    if not label:
        return label
    out = []
    for word in label.split():
        word = _URL_PARTS.sub(lambda m: m["scheme"] + m["rest"], word)
        name, eq, value = word.partition("=")
        if word in _SECRET_FLAGS or _SECRET_WORD.search(value or word) or _OPAQUE.search(word):
            out.append(f"{name}=…" if eq else "…")
            if not eq:
                break  # quoting is lost in a label: what follows may be the secret itself
        elif eq and value:
            out.append(f"{name}=…")
        else:
            out.append(word)
    return " ".join(out)


def record_compression(root: str, *, digest: str, kind: str, label: str | None, session: str | None,
                       source: str, bytes_in: int, bytes_out: int, tokens_in: int, tokens_out: int,
                       passthrough: bool, note: str, ms: float, agent: str | None = None,
                       lines_in: int | None = None, lines_folded: int | None = None,
                       budget_chars: int | None = None, policy: str | None = None) -> None:
    with transaction(root) as conn:
        conn.execute(
            "INSERT INTO compressions (ts, hash, kind, label, session, source, bytes_in, bytes_out,"
            " tokens_in, tokens_out, passthrough, note, ms, agent, lines_in, lines_folded, budget_chars,"
            " policy) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (time.time(), digest, kind, redact(label), session, source, bytes_in, bytes_out, tokens_in,
             tokens_out, int(passthrough), note, ms, agent, lines_in, lines_folded, budget_chars, policy),
        )
    _publish("compression", hash=digest, kind=kind, label=redact(label), session=session, source=source,
             bytes_in=bytes_in, bytes_out=bytes_out, tokens_in=tokens_in, tokens_out=tokens_out,
             passthrough=int(passthrough), agent=agent)


def record_expansion(root: str, *, digest: str, span: str, bytes_out: int, tokens_out: int,
                     lines_out: int | None = None, session: str | None = None, agent: str | None = None,
                     source: str = "expand") -> None:
    with transaction(root) as conn:
        conn.execute(
            "INSERT INTO expansions (ts, hash, span, bytes_out, tokens_out, lines_out, session, agent, source)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (time.time(), digest, span, bytes_out, tokens_out, lines_out, session, agent, source),
        )
    _publish("expansion", hash=digest, span=span.split(" ", 1)[0], bytes_out=bytes_out, tokens_out=tokens_out,
             session=session, agent=agent, source=source)


def _publish(event: str, **fields) -> None:
    """The same event, without content, to the team store's stream when there is one."""
    from hr.store import team

    shared = team.from_env()
    if shared is not None:
        shared.publish(event, {"ts": repr(time.time()), **fields})


def rows(root: str, table: str, since: float = 0.0) -> list[dict]:
    """Every row of `table` ("compressions" or "expansions") from unix time `since` on, oldest
    first, as dicts: what `hr stats` and `hr learn` compute over (and a team store can supply)."""
    if table not in ADDED_COLUMNS:
        raise ValueError(table)
    if not os.path.exists(os.path.join(root, "ledger.sqlite3")):
        return []
    with transaction(root) as conn:
        cur = conn.execute(f"SELECT * FROM {table} WHERE ts >= ? ORDER BY ts, id", (since,))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]


def label_of(root: str, digest: str) -> str | None:
    """The label the original `digest` was last compressed with (a file name tells
    `hr expand --symbol` the language), or None."""
    if not os.path.exists(os.path.join(root, "ledger.sqlite3")):
        return None
    with transaction(root) as conn:
        row = conn.execute(
            "SELECT label FROM compressions WHERE hash = ? AND label IS NOT NULL ORDER BY id DESC LIMIT 1",
            (digest,),
        ).fetchone()
    return row[0] if row else None
