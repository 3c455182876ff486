"""The store's schema: tables, indexes, full-text indexes, and the migrations between versions.

``migrate`` brings any store up to ``SCHEMA_VERSION``; each step runs in one transaction, so a store
is never left half-migrated. Add a new version by appending to ``MIGRATIONS``, never by editing one.
"""

from __future__ import annotations

import sqlite3

from ..errors import SaidwhatError

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    identity TEXT NOT NULL UNIQUE,          -- normalised URL, else sha1 of normalised text
    doc_id TEXT, url TEXT, title TEXT,
    source TEXT,                            -- outlet or site
    published TEXT,                         -- ISO date
    text TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    origin TEXT,                            -- where it was read from (file, line, record)
    near_duplicate_of INTEGER REFERENCES articles(id),
    minhash BLOB,                           -- MinHash signature, so near-duplicate detection survives restarts
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_source ON articles(source COLLATE NOCASE);
CREATE INDEX articles_text_hash ON articles(text_hash);

-- One person or organisation across articles.
CREATE TABLE speakers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    surname TEXT,                           -- folded, persons only
    first TEXT,                             -- folded first name, persons only
    key TEXT,                               -- folded full key (organisations: the name)
    ambiguous INTEGER NOT NULL DEFAULT 0    -- a bare surname shared by several people
);
CREATE INDEX speakers_surname ON speakers(surname);
CREATE INDEX speakers_key ON speakers(key);

CREATE TABLE speaker_aliases (
    speaker_id INTEGER NOT NULL REFERENCES speakers(id),
    alias TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (speaker_id, alias)
) WITHOUT ROWID;
CREATE INDEX speaker_aliases_alias ON speaker_aliases(alias);

CREATE TABLE speaker_roles (
    speaker_id INTEGER NOT NULL REFERENCES speakers(id),
    role TEXT NOT NULL,
    first_seen TEXT, last_seen TEXT,
    PRIMARY KEY (speaker_id, role)
) WITHOUT ROWID;

-- A speaker as resolved inside one article, and the mentions of it there.
CREATE TABLE article_speakers (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    local_id INTEGER NOT NULL,
    speaker_id INTEGER REFERENCES speakers(id),
    name TEXT NOT NULL, type TEXT NOT NULL, roles TEXT NOT NULL,  -- roles: JSON list
    PRIMARY KEY (article_id, local_id)
) WITHOUT ROWID;
CREATE INDEX article_speakers_speaker ON article_speakers(speaker_id);

CREATE TABLE mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    local_id INTEGER NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id);

CREATE TABLE attributions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    content TEXT NOT NULL,
    content_start INTEGER, content_end INTEGER, content_spans TEXT,
    cue TEXT, cue_start INTEGER, cue_end INTEGER, cue_class TEXT,
    speaker_id INTEGER REFERENCES speakers(id),
    speaker_local_id INTEGER,
    speaker_name TEXT, speaker_type TEXT NOT NULL, speaker_role TEXT,
    speaker_start INTEGER, speaker_end INTEGER,
    said TEXT, date_text TEXT,
    day TEXT,                               -- said, else the article's published date
    source_chain TEXT,                      -- JSON list
    confidence REAL,
    -- One quote, however many outlets printed it: attributions with the same quote_id are its
    -- occurrences. The id is derived from the quote's normalised words (see identity.quote_id).
    quote_id INTEGER NOT NULL
);
CREATE INDEX attributions_article ON attributions(article_id);
CREATE INDEX attributions_speaker_day ON attributions(speaker_id, day);
CREATE INDEX attributions_day ON attributions(day);
CREATE INDEX attributions_quote ON attributions(quote_id);

CREATE TABLE time_expressions (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
    type TEXT NOT NULL, value TEXT, mod TEXT
);
CREATE INDEX time_expressions_article ON time_expressions(article_id);

CREATE TABLE errors (
    id INTEGER PRIMARY KEY,
    document TEXT NOT NULL,
    reason TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL,
    UNIQUE (document, reason)
);

-- Full text of attributions, with the speaker ("s12") and period ("y2019 m201904") as extra
-- columns, so speaker + keyword + date queries are one doclist intersection inside FTS5.
CREATE VIEW attributions_fts_source AS
SELECT id, content,
       CASE WHEN speaker_id IS NULL THEN '' ELSE 's' || speaker_id END AS who,
       CASE WHEN day IS NULL OR length(day) < 4 THEN ''
            WHEN length(day) < 7 THEN 'y' || substr(day, 1, 4)
            ELSE 'y' || substr(day, 1, 4) || ' m' || substr(day, 1, 4) || substr(day, 6, 2) END AS period
FROM attributions;
CREATE VIRTUAL TABLE attributions_fts USING fts5(
    content, who, period, content='attributions_fts_source', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
"""

# Version 2: corrections made by people (the edit log, kept across re-extraction), and how each
# speaker was resolved (``SpeakerRef.resolution`` and its confidence).
_V2 = """
ALTER TABLE attributions ADD COLUMN speaker_resolution TEXT;
ALTER TABLE attributions ADD COLUMN speaker_confidence REAL;
ALTER TABLE attributions ADD COLUMN corrected TEXT;     -- fields corrected by hand: "speaker,kind,date"
ALTER TABLE attributions ADD COLUMN verdict TEXT;       -- a reviewer's mark: right or wrong
CREATE INDEX attributions_confidence ON attributions(confidence);

-- Every correction, in order. A record is named by its article's identity and its content
-- (record_key), not by its row id, so re-extracting the article finds it again and re-applies it.
CREATE TABLE edits (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    editor TEXT NOT NULL,
    action TEXT NOT NULL,                   -- verdict, speaker, kind, date, merge, split
    article_identity TEXT,
    record_key TEXT,
    attribution_id INTEGER,                 -- the row it applies to now (NULL when orphaned)
    speaker_id INTEGER,                     -- merge: the speaker kept; split: the new speaker
    other_speaker_id INTEGER,               -- merge: the speaker folded in; split: the one split
    old_value TEXT, new_value TEXT,         -- JSON
    status TEXT NOT NULL DEFAULT 'applied'  -- applied; orphaned: its record is gone after re-extraction
);
CREATE INDEX edits_article ON edits(article_identity);
CREATE INDEX edits_attribution ON edits(attribution_id);

-- Speakers folded into another by a merge: rows stored later under the old id move too.
CREATE TABLE speaker_merges (
    dropped INTEGER PRIMARY KEY REFERENCES speakers(id),
    kept INTEGER NOT NULL REFERENCES speakers(id),
    edit_id INTEGER REFERENCES edits(id)
);
"""

# Version n is reached by running MIGRATIONS[n - 1] on a store at version n - 1.
MIGRATIONS: tuple[str, ...] = (_V1, _V2)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreVersionError(SaidwhatError):
    """A store written by a newer saidwhat than this one."""

    exit_code = 4


def current_version(conn: sqlite3.Connection) -> int:
    """The schema version a store is at (0 for an empty file)."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, path: str = "store") -> int:
    """Bring the store to ``SCHEMA_VERSION``, one transaction per step; returns the version reached."""
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreVersionError(
            f"{path} is at schema version {version}; this saidwhat reads up to {SCHEMA_VERSION}: "
            "upgrade saidwhat (pip install -U saidwhat)")
    for target in range(version + 1, SCHEMA_VERSION + 1):
        script = MIGRATIONS[target - 1]
        # executescript commits first; wrap the step so a crash leaves the previous version intact.
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {target};\nCOMMIT;")
    return SCHEMA_VERSION
