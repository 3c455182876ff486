"""Writing extractions into the store: one article with its speakers, attributions and time expressions.

``StoreWriter.add`` and ``flush`` run inside the caller's transaction, so a batch of articles commits
whole or not at all; an article already stored (same identity) is skipped, which makes re-ingesting
idempotent. ``add`` inserts the article and resolves its speakers at once (later articles depend on
both); the other rows of a batch are gathered and written by ``flush`` in one statement per table.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from typing import Optional, Union

from ..model import Extraction
from .identity import quote_id_of_key
from .near_duplicates import NearDuplicates
from .prepared import PreparedArticle, prepare_extraction
from .speakers import SpeakerIndex


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class StoreWriter:
    """Adds extractions to one store; keeps the speaker and near-duplicate indexes in step with it."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.replace = False  # True: an article already stored is extracted anew (see ``_replace``)
        self.replaced: list[int] = []
        self.speakers = SpeakerIndex(conn)
        self.near = NearDuplicates(conn)
        self._next_attribution: Optional[int] = None
        self._clear()

    def rolled_back(self) -> None:
        """Drop what the in-memory indexes learnt in a transaction the store did not keep."""
        self.speakers.reload()
        self.near.reset()
        self._next_attribution = None
        self._clear()

    def contains(self, identity: str) -> bool:
        """Whether an article with this identity is stored."""
        row = self.conn.execute("SELECT 1 FROM articles WHERE identity = ?", (identity,)).fetchone()
        return row is not None

    def add(self, extraction: Union[Extraction, PreparedArticle], origin: Optional[str] = None,
            identity: Optional[str] = None) -> Optional[int]:
        """Store one extraction (or its prepared rows); the new article's id, or None when it was
        already stored. Its rows are written by :meth:`flush`, which must run before the commit."""
        if isinstance(extraction, Extraction):
            extraction = prepare_extraction(extraction, identity)
        p = extraction
        if self._started is None:
            self._started = _now()
        if self.replace:
            row = self.conn.execute("SELECT id FROM articles WHERE identity = ?", (p.identity,)).fetchone()
            if row is not None:
                return self._add_rows(self._replace(row[0], p, origin), p)
        original = self.near.find(p.minhash, p.bands)
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO articles (identity, doc_id, url, title, source, published, text, "
            "text_hash, origin, near_duplicate_of, minhash, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (p.identity, p.doc_id, p.url, p.title, p.source, p.published, p.text, p.text_hash, origin,
             original, p.minhash, self._started))
        if cur.rowcount == 0:
            return None
        article_id = cur.lastrowid
        if self._first_article is None:
            self._first_article = article_id
        self._last_article = article_id
        self.near.remember(article_id, p.minhash, p.bands)
        return self._add_rows(article_id, p)

    def _replace(self, article_id: int, p: PreparedArticle, origin: Optional[str]) -> int:
        """Clear a stored article's rows and take its new text and fields, keeping its id; the edit log
        (``edits.reapply``, run by the caller) puts people's corrections back on the new records."""
        conn = self.conn
        conn.execute("INSERT INTO attributions_fts (attributions_fts, rowid, content, who, period) SELECT 'delete', "
                     "id, content, who, period FROM attributions_fts_source WHERE id IN "
                     "(SELECT id FROM attributions WHERE article_id = ?)", (article_id,))
        conn.execute("INSERT INTO articles_fts (articles_fts, rowid, title, text) SELECT 'delete', id, "
                     "coalesce(title, ''), text FROM articles WHERE id = ?", (article_id,))
        for table in ("attributions", "mentions", "article_speakers", "time_expressions"):
            conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        conn.execute("UPDATE articles SET doc_id = ?, url = ?, title = ?, source = ?, published = ?, text = ?, "
                     "text_hash = ?, origin = coalesce(?, origin), minhash = ? WHERE id = ?",
                     (p.doc_id, p.url, p.title, p.source, p.published, p.text, p.text_hash, origin, p.minhash,
                      article_id))
        conn.execute("INSERT INTO articles_fts (rowid, title, text) SELECT id, coalesce(title, ''), text "
                     "FROM articles WHERE id = ?", (article_id,))
        self.replaced.append(article_id)
        return article_id

    def _add_rows(self, article_id: int, p: PreparedArticle) -> int:
        published = p.published
        resolve = self.speakers.resolve

        local: dict[int, Optional[int]] = {}
        for local_id, name, type_, roles, roles_json, mentions in p.speakers:
            sid = resolve(name, type_, roles, published)
            local[local_id] = sid
            self._speakers.append((article_id, local_id, sid, name, type_, roles_json))
            self._mentions.extend((article_id, local_id, m[0], m[1], m[2]) for m in mentions)

        if p.attributions:
            if self._next_attribution is None:
                self._next_attribution = self.conn.execute(
                    "SELECT coalesce(max(id), 0) + 1 FROM attributions").fetchone()[0]
            rows = self._attributions
            next_id = self._next_attribution
            for seq, a in enumerate(p.attributions):
                # a: see prepared.ATTRIBUTION_FIELDS
                sid = None
                if a[20]:
                    ref_id = a[9]
                    if ref_id is not None and ref_id in local:
                        sid = local[ref_id]
                    else:
                        sid = resolve(a[10], a[11], [a[21]] if a[21] else [], published)
                if a[23]:
                    qid = a[22]
                else:
                    key = str(sid) if sid is not None else (a[10] or "").casefold() if a[20] else None
                    qid = quote_id_of_key(a[22], key, True)
                rows.append((next_id + seq, article_id, seq) + a[:9] + (sid,) + a[9:20] + (qid,)
                            + (a[24:26] + (None, None))[:2])
            self._next_attribution = next_id + len(p.attributions)
        if p.times:
            self._times.extend((article_id,) + t for t in p.times)
        return article_id

    def flush(self) -> None:
        """Write the rows of the articles added since the last flush (inside the same transaction)."""
        conn = self.conn
        if self._first_article is not None:
            conn.execute("INSERT INTO articles_fts (rowid, title, text) SELECT id, coalesce(title, ''), text "
                         "FROM articles WHERE id BETWEEN ? AND ?", (self._first_article, self._last_article))
        if self._speakers:
            conn.executemany(
                "INSERT OR REPLACE INTO article_speakers (article_id, local_id, speaker_id, name, type, roles) "
                "VALUES (?, ?, ?, ?, ?, ?)", self._speakers)
        if self._mentions:
            conn.executemany(
                "INSERT INTO mentions (article_id, local_id, start, end, text) VALUES (?, ?, ?, ?, ?)", self._mentions)
        rows = self._attributions
        if rows:
            conn.executemany(
                "INSERT INTO attributions (id, article_id, seq, kind, content, content_start, content_end, "
                "content_spans, cue, cue_start, cue_end, cue_class, speaker_id, speaker_local_id, speaker_name, "
                "speaker_type, speaker_role, speaker_start, speaker_end, said, date_text, day, source_chain, "
                "confidence, quote_id, speaker_resolution, speaker_confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            # The view computes the speaker and period tokens exactly as fts.speaker_token/period_tokens.
            conn.execute("INSERT INTO attributions_fts (rowid, content, who, period) SELECT id, content, who, "
                         "period FROM attributions_fts_source WHERE id BETWEEN ? AND ?", (rows[0][0], rows[-1][0]))
        if self._times:
            conn.executemany(
                "INSERT INTO time_expressions (article_id, start, end, text, type, value, mod) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)", self._times)
        self._clear()

    def _clear(self) -> None:
        self._first_article = self._last_article = None
        self._speakers, self._mentions, self._attributions, self._times = [], [], [], []
        self._started: Optional[str] = None  # when this batch's articles are stamped as ingested

    def record_error(self, document: str, reason: str, message: str) -> bool:
        """Record a document that could not be read or extracted; False when it was already recorded."""
        cur = self.conn.execute(
            "INSERT INTO errors (document, reason, message, at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (document, reason) DO UPDATE SET message = excluded.message, at = excluded.at",
            (document, reason, message, _now()))
        return cur.rowcount > 0

    def clear_error(self, document: str) -> None:
        """Forget earlier errors of a document that has now been stored."""
        self.conn.execute("DELETE FROM errors WHERE document = ?", (document,))

    def clear_errors(self, documents: list[str]) -> None:
        """Forget earlier errors of documents that have now been stored."""
        if documents:
            self.conn.executemany("DELETE FROM errors WHERE document = ?", [(d,) for d in documents])
