"""The store file: schema version, migrations, WAL, FTS5, and refusing stores it cannot read."""

from __future__ import annotations

import sqlite3

import pytest

from saidwhat.store.connection import StoreError, connect
from saidwhat.store.schema import SCHEMA_VERSION, StoreVersionError, current_version, migrate


def test_store_new_file_is_migrated_and_in_wal_mode(tmp_path):
    conn = connect(tmp_path / "a.db")
    assert current_version(conn) == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "attributions", "speakers", "speaker_roles", "mentions", "time_expressions",
            "errors", "attributions_fts", "articles_fts"} <= tables


def test_store_migrate_twice_is_a_no_op(tmp_path):
    conn = connect(tmp_path / "a.db")
    conn.execute("INSERT INTO errors (document, reason, message, at) VALUES ('d', 'r', 'm', 'now')")
    assert migrate(conn) == SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM errors").fetchone()[0] == 1


def test_store_refuses_newer_schema(tmp_path):
    path = tmp_path / "new.db"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(StoreVersionError, match="upgrade saidwhat"):
        connect(path)


def test_store_refuses_a_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError, match="not a saidwhat store"):
        connect(path)
