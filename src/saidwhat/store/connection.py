"""The one place that opens a store: SQLite in WAL mode, migrated to the current schema.

Every other module receives the connection from here and uses parameterised SQL only.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Union

from ..errors import SaidwhatError
from .schema import migrate

MEMORY = ":memory:"


class StoreError(SaidwhatError):
    """A store that cannot be opened or written."""

    exit_code = 4


def connect(path: Union[str, Path] = MEMORY) -> sqlite3.Connection:
    """An open, migrated connection to the store at ``path`` (``":memory:"`` for a throwaway one)."""
    name = str(path)
    try:
        # Autocommit mode: transactions are explicit (see ``transaction``), so batches commit whole.
        conn = sqlite3.connect(name, isolation_level=None, check_same_thread=False, timeout=30)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open store {name!r}: {exc}; expected a writable SQLite file path")
    conn.row_factory = sqlite3.Row
    try:
        if name != MEMORY:
            conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL is durable across process crashes in WAL mode; only power loss can drop a commit.
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.execute("PRAGMA cache_size=-65536")
        conn.execute("PRAGMA mmap_size=268435456")
        migrate(conn, name)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{name!r} is not a saidwhat store ({exc}); give a new file name or an existing store")
    return conn


# During a bulk load the write-ahead log is copied back into the database every this many pages
# instead of every 1,000 (SQLite's default): fewer, larger checkpoints, each page copied once.
BULK_CHECKPOINT_PAGES = 16384


@contextmanager
def bulk_load(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Tune the connection for many write transactions in a row, and restore it afterwards."""
    before = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    conn.execute(f"PRAGMA wal_autocheckpoint={BULK_CHECKPOINT_PAGES}")
    try:
        yield conn
    finally:
        conn.execute(f"PRAGMA wal_autocheckpoint={int(before)}")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run a block as one transaction: all of it is committed, or none of it."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
