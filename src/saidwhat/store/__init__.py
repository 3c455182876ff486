"""The corpus store: SQLite (WAL, FTS5) holding articles, attributions, merged speakers and quotes."""
