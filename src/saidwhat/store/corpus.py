"""``saidwhat.Corpus``: a store of extracted articles, and the questions you can ask it.

    corpus = Corpus("news.db")
    corpus.add_many(extractions)
    corpus.quotes(speaker="Pompeo", about="sanctions", since="2019-04-01", until="2019-04-30")

Writes go in batches, one transaction per batch, so a crash loses at most the batch in flight and a
re-run adds exactly what is missing.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence, Union

from ..model import Extraction
from . import edits, queries, speaker_edits
from .connection import MEMORY, connect, transaction
from .dated import dated
from .identity import article_identity
from .results import ArticleView, ErrorRecord, Occurrence, QuoteResult, SpeakerSummary
from .writer import StoreWriter

DEFAULT_BATCH = 200


class Corpus:
    """A SQLite store of articles, attributions, speakers, quotes and errors (``":memory:"`` allowed)."""

    def __init__(self, path: Union[str, Path] = MEMORY):
        self.path = str(path)
        self.conn = connect(self.path)
        self._writer: Optional[StoreWriter] = None

    # -- lifecycle -------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the store (further use raises)."""
        self.conn.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def writer(self) -> StoreWriter:
        if self._writer is None:
            self._writer = StoreWriter(self.conn)
        return self._writer

    # -- writing ---------------------------------------------------------------------------------

    def contains(self, text: str, url: Optional[str] = None) -> bool:
        """Whether the article with this text (or this URL) is already stored."""
        return self.writer.contains(article_identity(text, url))

    def add(self, extraction: Extraction, origin: Optional[str] = None) -> Optional[int]:
        """Store one extraction in its own transaction; its article id, or None if already stored."""
        return self.add_many([(extraction, origin)])[0]

    def add_many(self, items: Iterable[Union[Extraction, tuple[Extraction, Optional[str]]]],
                 batch_size: int = DEFAULT_BATCH) -> list[Optional[int]]:
        """Store extractions (or ``(extraction, origin)`` pairs), committing every ``batch_size``."""
        out: list[Optional[int]] = []
        batch: list[tuple[Extraction, Optional[str]]] = []
        for item in items:
            batch.append(item if isinstance(item, tuple) else (item, None))
            if len(batch) >= batch_size:
                out.extend(self.write_batch(batch))
                batch = []
        if batch:
            out.extend(self.write_batch(batch))
        return out

    def write_batch(self, items: Sequence[tuple], errors: Iterable[tuple[str, str, str]] = (),
                    replace: bool = False) -> list[Optional[int]]:
        """Store ``(extraction, origin[, identity])`` items and ``(document, reason, message)`` errors
        in one transaction. ``replace``: an article already stored takes the new extraction's records
        (people's corrections are applied again to them; see :mod:`saidwhat.store.edits`)."""
        writer = self.writer
        writer.replace = replace
        try:
            with transaction(self.conn):
                ids = [writer.add(extraction, origin, known[0] if known else None)
                       for extraction, origin, *known in items]
                writer.flush()
                edits.reapply(self.conn, ids)
                # Documents stored now (or found stored) lose the errors earlier runs recorded for them.
                writer.clear_errors([origin for _, origin, *_ in items if origin])
                for document, reason, message in errors:
                    writer.record_error(document, reason, message)
        except BaseException:
            writer.rolled_back()
            raise
        finally:
            writer.replace = False
        return ids

    # -- corrections -----------------------------------------------------------------------------

    def correct(self, attribution_id: int, field: str, value: Any, editor: str) -> "edits.Edit":
        """Correct one record's verdict, speaker, kind or date, and log it (see :mod:`.edits`)."""
        with transaction(self.conn):
            return edits.correct(self.conn, attribution_id, field, value, editor)

    def merge_speakers(self, keep: int, drop: int, editor: str) -> "edits.Edit":
        """Fold speaker ``drop`` into ``keep`` (articles stored later follow), and log it."""
        with transaction(self.conn):
            return speaker_edits.merge_speakers(self.conn, keep, drop, editor)

    def split_speaker(self, speaker_id: int, printed_as: Union[str, Sequence[str]], new_name: str, editor: str,
                      attribution_ids: Sequence[int] = ()) -> list["edits.Edit"]:
        """Move a speaker's quotes printed as ``printed_as`` (a name or several), and the records
        ``attribution_ids``, to the speaker ``new_name``, and log it."""
        with transaction(self.conn):
            return speaker_edits.split_speaker(self.conn, speaker_id, printed_as, new_name, editor,
                                               attribution_ids=attribution_ids)

    def edits(self, **filters: Any) -> list["edits.Edit"]:
        """The edit log, newest first (filters: article_id, attribution_id, status, limit)."""
        return edits.edits(self.conn, **filters)

    def record_errors(self, errors: Iterable[tuple[str, str, str]]) -> None:
        """Record ``(document, reason, message)`` for documents that could not be stored."""
        self.write_batch([], errors)

    # -- reading ---------------------------------------------------------------------------------

    def quotes(self, speaker: Optional[str] = None, about: Optional[str] = None,
               since: Union[str, date, None] = None, until: Union[str, date, None] = None,
               kind: Optional[str] = None, source_type: Optional[str] = None, outlet: Optional[str] = None,
               limit: Optional[int] = None, confidence: Optional[str] = None,
               review: Optional[str] = None, via: Optional[str] = None) -> list[QuoteResult]:
        """Quotes newest first, each once with its occurrences; every filter given must hold.

        ``about`` is full-text (every word must appear; "quoted phrases"; prefix*); ``since`` and
        ``until`` (inclusive, YYYY-MM-DD) apply to the date said, else the article's publication date.
        ``limit``: the newest ``limit`` quotes; None (the default) gives every quote that matches.
        Dates (``date``, ``first_seen``) are ``datetime.date``; ``date_basis`` says whether ``date`` is
        the date said or the publication date. ``confidence``: "low" (only uncertain records) or
        "high"; ``review``: "unchecked", "right", "wrong" or "corrected"; ``via``: an outlet or channel
        the statement came through ("told CNN", "..., Reuters reported"), by name.
        """
        return [dated(q) for q in queries.quotes(self.conn, queries.QuoteFilter(
            speaker=speaker, about=about, since=since, until=until, kind=kind, source_type=source_type,
            outlet=outlet, limit=limit, confidence=confidence, review=review, via=via))]

    def occurrences(self, quote_id: int) -> list[Occurrence]:
        """Every printing of one quote, earliest first."""
        return [dated(o) for o in queries.occurrences(self.conn, quote_id)]

    def speakers(self, name: Optional[str] = None, type: Optional[str] = None,
                 limit: Optional[int] = None) -> list[SpeakerSummary]:
        """Speakers ranked by number of quotes, with roles over time (dates as ``datetime.date``).

        ``limit``: the first ``limit`` speakers; None (the default) gives every one that matches.
        """
        return [dated(s) for s in queries.speakers(self.conn, name=name, type=type, limit=limit)]

    def article(self, article_id: Union[int, str]) -> Optional[ArticleView]:
        """One article (store id, document id or URL) with its attributions, or None."""
        return dated(queries.article(self.conn, article_id))

    def errors(self, reason: Optional[str] = None) -> list[ErrorRecord]:
        """Documents that could not be stored, with the reason."""
        return queries.errors(self.conn, reason)

    def stats(self) -> dict[str, Any]:
        """Counts and breakdowns over the whole store, and its size on disk."""
        out = queries.stats(self.conn)
        if self.path != MEMORY:
            out["size_bytes"] = sum(os.path.getsize(p) for p in (self.path, self.path + "-wal")
                                    if os.path.exists(p))
        return out

    def count(self, table: str) -> int:
        """Rows in one of the store's tables (``quotes``: distinct quotes)."""
        if table == "quotes":
            return self.conn.execute("SELECT count(DISTINCT quote_id) FROM attributions").fetchone()[0]
        if table not in ("articles", "attributions", "speakers", "errors", "mentions", "time_expressions"):
            raise ValueError(f"unknown table {table!r}")
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
