"""Search results a page at a time, fast on large stores.

The store's ``quotes()`` groups every matching attribution by quote and sorts the groups by date: exact,
and quick while few rows match, but a frequent word in a 100,000-attribution store matches tens of
thousands of rows, and grouping, sorting and counting them all costs a third of a second per page.
So a page first asks whether more than ``EXACT_UP_TO`` quotes match (a query that stops there):

- if not, the store's own grouping query gives the page and the exact total;
- if so, the day index is walked newest first and quotes are taken as they are met (a quote is met
  first at its latest date, so the order is the same; ties on a day fall by attribution id instead of
  quote id), stopping once the page is full; the total is reported as "more than EXACT_UP_TO".

SQL comes from the store's filter (``queries.filter_sql``); this module only wraps it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from typing import Any, Iterator, Optional

from ..store import queries
from ..store.queries import QuoteFilter
from ..store.results import QuoteResult

EXACT_UP_TO = 1000
PER_ROW_FROM = 20_000  # FTS hits from which a per-row keyword test beats building the set of hits
PER_ROW_UP_TO = 200  # ... while the page wanted ends this early


@dataclass(frozen=True)
class Page:
    """One page of search results; ``total`` is exact when ``exact``, else a lower bound."""

    results: tuple[QuoteResult, ...]
    total: int
    exact: bool
    page: int
    per_page: int
    has_more: bool

    @property
    def pages(self) -> Optional[int]:
        """Number of pages, when the total is known."""
        return max(1, -(-self.total // self.per_page)) if self.exact else None

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "total_exact": self.exact, "page": self.page, "per_page": self.per_page,
                "pages": self.pages, "has_more": self.has_more, "results": [r.to_dict() for r in self.results]}


def filter_sql(conn: sqlite3.Connection, f: QuoteFilter) -> tuple[str, str, list[Any]]:
    """FROM, WHERE and parameters of the store's own quote filter, so pages agree with ``quotes()``.

    The store builds these in a private helper whose shape has changed once (``(where, params,
    needs_article)`` became ``(source, where, params)``); both are accepted until it offers paging.
    """
    built = queries.filter_sql(conn, f)
    if isinstance(built[1], list):  # the older shape
        where, params, needs_article = built
        source = "attributions a" + (" JOIN articles ar ON ar.id = a.article_id" if needs_article else "")
        return source, where, params
    return built


def _count_up_to(conn: sqlite3.Connection, f: QuoteFilter, cap: int) -> int:
    source, where, params = filter_sql(conn, f)
    return conn.execute(f"SELECT count(*) FROM (SELECT DISTINCT a.quote_id FROM {source} WHERE {where} LIMIT ?)",
                        params + [cap]).fetchone()[0]


SORTS = ("newest", "oldest", "outlet", "relevance")
_ORDER = {"newest": "max(a.day) DESC, a.quote_id DESC", "oldest": "min(a.day) IS NULL, min(a.day), a.quote_id",
          "outlet": "min(ar.source) IS NULL, min(ar.source) COLLATE NOCASE, max(a.day) DESC, a.quote_id DESC",
          "relevance": "min(r) , max(day) DESC, quote_id DESC"}


def _grouped(conn: sqlite3.Connection, f: QuoteFilter, limit: int, offset: int, sort: str = "newest") -> list[int]:
    source, where, params = filter_sql(conn, f)
    if sort == "relevance" and not source.startswith("attributions_fts"):
        sort = "newest"  # no words asked for: nothing to rank by
    if sort == "outlet" and " ar " not in f" {source} ":
        source += " JOIN articles ar ON ar.id = a.article_id"
    if sort == "relevance":  # FTS5 rank (bm25) cannot sit inside an aggregate: rank the rows, then group
        return [r[0] for r in conn.execute(
            f"SELECT quote_id FROM (SELECT a.quote_id, a.day, f.rank AS r FROM {source} "
            f"WHERE {where}) GROUP BY quote_id ORDER BY {_ORDER[sort]} LIMIT ? OFFSET ?", params + [limit, offset])]
    return [r[0] for r in conn.execute(
        f"SELECT a.quote_id FROM {source} WHERE {where} "
        f"GROUP BY a.quote_id ORDER BY {_ORDER[sort]} LIMIT ? OFFSET ?", params + [limit, offset])]


def _walked(conn: sqlite3.Connection, f: QuoteFilter, wanted: int) -> Iterator[int]:
    """Distinct matching quote ids, newest first, read off the day index without sorting.

    The keyword becomes a test on each row met, not a join, so the day index drives the walk. Two
    tests: the set of all FTS hits, built once (costs about 0.6 us a hit: 50 ms for 80,000), or a
    per-row FTS lookup (about 130 us a row, but a word in most quotes needs few rows to fill a page).
    The lookup is chosen when the word is in at least ``PER_ROW_FROM`` quotes and the page is early.
    """
    source, where, params = filter_sql(conn, replace(f, about=None))
    if f.about:
        full_source, _, full_params = filter_sql(conn, f)
        match = full_params[0] if full_source.startswith("attributions_fts") else queries.fts_query(f.about)
        hits = conn.execute("SELECT count(*) FROM (SELECT rowid FROM attributions_fts WHERE attributions_fts "
                            "MATCH ? LIMIT ?)", (match, PER_ROW_FROM)).fetchone()[0]
        if hits >= PER_ROW_FROM and wanted <= PER_ROW_UP_TO:
            test = "EXISTS (SELECT 1 FROM attributions_fts WHERE attributions_fts MATCH ? AND rowid = a.id)"
        else:  # the '+' keeps SQLite from turning the set of FTS rowids into the driving loop
            test = "+a.id IN (SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH ?)"
        where = f"({where}) AND {test}"
        params = params + [match]
    seen: set[int] = set()
    for (quote_id,) in conn.execute(
            f"SELECT a.quote_id FROM {source} WHERE {where} ORDER BY a.day DESC, a.id DESC", params):
        if quote_id not in seen:
            seen.add(quote_id)
            yield quote_id


def quote_ids(conn: sqlite3.Connection, f: QuoteFilter, limit: int, offset: int = 0,
              many: Optional[bool] = None, sort: str = "newest") -> list[int]:
    """Ids of matching quotes in ``sort`` order (newest first by default), ``offset`` skipped, at most ``limit``.

    Other orders than newest first group and sort every match (exact, bounded by the request's deadline).
    """
    if sort != "newest":
        return _grouped(conn, f, limit, offset, sort)
    if many is None:
        many = _count_up_to(conn, f, EXACT_UP_TO + 1) > EXACT_UP_TO
    if not many:
        return _grouped(conn, f, limit, offset)
    out = []
    for i, quote_id in enumerate(_walked(conn, f, offset + limit)):
        if i >= offset + limit:
            break
        if i >= offset:
            out.append(quote_id)
    return out


def search(conn: sqlite3.Connection, f: QuoteFilter, page: int, per_page: int, sort: str = "newest",
           counted: Optional[int] = None) -> Page:
    """One page of quotes matching ``f``, with the total (exact up to ``EXACT_UP_TO``).

    ``counted``: the matching quotes as counted here (up to ``EXACT_UP_TO + 1``), when the caller has
    already scanned them (the facets do); else they are counted.
    """
    if counted is None:
        counted = _count_up_to(conn, f, EXACT_UP_TO + 1)
    many = counted > EXACT_UP_TO
    offset = (page - 1) * per_page
    ids = quote_ids(conn, f, per_page + 1, offset, many, sort)
    has_more = len(ids) > per_page
    results = tuple(queries.quote_by_id(conn, i) for i in ids[:per_page])
    return Page(results, EXACT_UP_TO if many else counted, not many, page, per_page, has_more)
