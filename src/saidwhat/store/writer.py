"""Writing extractions into the store: one article with its speakers, attributions and time expressions.

``StoreWriter.add`` runs inside the caller's transaction, so a batch of articles commits whole or not
at all; an article already stored (same identity) is skipped, which makes re-ingesting idempotent.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from typing import Optional

from ..model import Extraction
from .fts import period_tokens, speaker_token
from .identity import article_identity, quote_id, text_hash
from .near_duplicates import NearDuplicates
from .speakers import SpeakerIndex


def _spans(spans) -> str:
    if len(spans) == 1:
        return f"[[{spans[0][0]}, {spans[0][1]}]]"
    return "[" + ", ".join(f"[{s}, {e}]" for s, e in spans) + "]"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class StoreWriter:
    """Adds extractions to one store; keeps the speaker and near-duplicate indexes in step with it."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.speakers = SpeakerIndex(conn)
        self.near = NearDuplicates(conn)
        self._next_attribution: Optional[int] = None

    def rolled_back(self) -> None:
        """Drop what the in-memory indexes learnt in a transaction the store did not keep."""
        self.speakers.reload()
        self.near.reset()
        self._next_attribution = None

    def contains(self, identity: str) -> bool:
        """Whether an article with this identity is stored."""
        row = self.conn.execute("SELECT 1 FROM articles WHERE identity = ?", (identity,)).fetchone()
        return row is not None

    def add(self, extraction: Extraction, origin: Optional[str] = None,
            identity: Optional[str] = None) -> Optional[int]:
        """Store one extraction; the new article's id, or None when it was already stored."""
        art = extraction.article
        identity = identity or article_identity(art.text, art.url)
        published = art.published.isoformat() if art.published else None
        values, original = self.near.check(art.text)
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO articles (identity, doc_id, url, title, source, published, text, "
            "text_hash, origin, near_duplicate_of, minhash, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (identity, art.id, art.url, art.title, art.source, published, art.text, text_hash(art.text), origin,
             original, values.tobytes() if values is not None else None, _now()))
        if cur.rowcount == 0:
            return None
        article_id = cur.lastrowid
        self.near.remember(article_id, values)
        self.conn.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                          (article_id, art.title or "", art.text))

        local: dict[int, Optional[int]] = {}
        local_role: dict[int, Optional[str]] = {}
        mentions, article_speakers = [], []
        for sp in extraction.speakers:
            sid = self.speakers.resolve(sp.name, sp.type, sp.roles, published)
            local[sp.id] = sid
            local_role[sp.id] = sp.role
            article_speakers.append((article_id, sp.id, sid, sp.name, sp.type,
                                     json.dumps(list(sp.roles)) if sp.roles else "[]"))
            mentions.extend((article_id, sp.id, m.start, m.end, m.text) for m in sp.mentions)
        if article_speakers:
            self.conn.executemany(
                "INSERT OR REPLACE INTO article_speakers (article_id, local_id, speaker_id, name, type, roles) "
                "VALUES (?, ?, ?, ?, ?, ?)", article_speakers)
        if mentions:
            self.conn.executemany(
                "INSERT INTO mentions (article_id, local_id, start, end, text) VALUES (?, ?, ?, ?, ?)", mentions)

        rows = []
        for seq, a in enumerate(extraction.attributions):
            ref = a.speaker
            sid = None
            if ref is not None:
                if ref.id is not None and ref.id in local:
                    sid = local[ref.id]
                else:
                    sid = self.speakers.resolve(ref.name, ref.type, [ref.role] if ref.role else [], published)
            day = a.date or published
            speaker_key = str(sid) if sid is not None else (ref.name or "").casefold() if ref else None
            rows.append((
                article_id, seq, a.kind, a.content, a.content_span[0], a.content_span[1],
                _spans(a.content_spans), a.cue,
                a.cue_span[0] if a.cue_span else None, a.cue_span[1] if a.cue_span else None, a.cue_class,
                sid, ref.id if ref else None, ref.name if ref else None, ref.type if ref else "unknown",
                (ref.role or local_role.get(ref.id)) if ref else None,
                a.speaker_span[0] if a.speaker_span else None, a.speaker_span[1] if a.speaker_span else None,
                a.date, a.date_text, day,
                json.dumps([link.to_dict() for link in a.source_chain]) if a.source_chain else "[]",
                a.confidence, quote_id(a.content, speaker_key)))
        if rows:
            if self._next_attribution is None:
                self._next_attribution = self.conn.execute(
                    "SELECT coalesce(max(id), 0) + 1 FROM attributions").fetchone()[0]
            first = self._next_attribution
            self._next_attribution += len(rows)
            self.conn.executemany(
                "INSERT INTO attributions (id, article_id, seq, kind, content, content_start, content_end, "
                "content_spans, cue, cue_start, cue_end, cue_class, speaker_id, speaker_local_id, speaker_name, "
                "speaker_type, speaker_role, speaker_start, speaker_end, said, date_text, day, source_chain, "
                "confidence, quote_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ?, ?)", [(first + i,) + r for i, r in enumerate(rows)])
            self.conn.executemany(
                "INSERT INTO attributions_fts (rowid, content, who, period) VALUES (?, ?, ?, ?)",
                [(first + i, r[3], speaker_token(r[11]), period_tokens(r[20])) for i, r in enumerate(rows)])
        if extraction.time_expressions:
            self.conn.executemany(
                "INSERT INTO time_expressions (article_id, start, end, text, type, value, mod) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(article_id, t.start, t.end, t.text, t.type, t.value, t.mod) for t in extraction.time_expressions])
        return article_id

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
