"""The search result set as a download: CSV (spreadsheet-safe) or JSON Lines, streamed row by row."""

from __future__ import annotations

import json
from typing import Iterator

from ..export.csv_writer import csv_lines
from ..store import queries
from ..store.results import QuoteResult
from . import paging
from .data import ReadOnlyStore
from .views import SearchParams

COLUMNS = ("quote_id", "date", "date_basis", "speaker", "role", "source_type", "kind", "cue", "content", "outlet", "title",
           "url", "article_id", "attribution_id", "occurrences", "outlets", "first_seen", "confidence",
           "low_confidence", "corrected", "verdict")
EXPORT_TIMEOUT = 60.0
MAX_ROWS = 100_000


def _results(store: ReadOnlyStore, params: SearchParams, limit: int) -> Iterator[QuoteResult]:
    with store.dedicated(EXPORT_TIMEOUT) as conn:
        for quote_id in paging.quote_ids(conn, params.filter(), limit):
            yield queries.quote_by_id(conn, quote_id)


def csv_rows(store: ReadOnlyStore, params: SearchParams, limit: int) -> Iterator[str]:
    """A header line, then one CSV line per quote."""
    yield from csv_lines(COLUMNS, (result.to_dict() for result in _results(store, params, limit)))


def jsonl_rows(store: ReadOnlyStore, params: SearchParams, limit: int) -> Iterator[str]:
    """One JSON object per quote and line."""
    for result in _results(store, params, limit):
        yield json.dumps(result.to_dict(), ensure_ascii=False) + "\n"


def first_check(store: ReadOnlyStore, params: SearchParams) -> SearchParams:
    """Validate before the response starts, so a bad query is a 400 and not a broken download."""
    params = params.check()
    with store.connection() as conn:
        paging.filter_sql(conn, params.filter())
    return params


__all__ = ["csv_rows", "jsonl_rows", "first_check", "COLUMNS", "MAX_ROWS"]
