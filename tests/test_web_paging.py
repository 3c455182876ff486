"""Paged search: the exact (grouped) path and the walk along the day index agree on what matches."""

from __future__ import annotations

import pytest
from web_fixtures import store_path  # noqa: F401  (fixture)

from saidwhat.store.queries import QuoteFilter
from saidwhat.web import paging
from saidwhat.web.data import ReadOnlyStore

FILTERS = [
    QuoteFilter(),
    QuoteFilter(about="harbour"),
    QuoteFilter(about="deficit", outlet="Herald"),
    QuoteFilter(speaker="Holman"),
    QuoteFilter(about="forecast", source_type="unnamed", since="2019-03-05"),
    QuoteFilter(kind="indirect"),
    QuoteFilter(about="nothing-here"),
]


@pytest.fixture(scope="module")
def conn(store_path):
    with ReadOnlyStore(store_path).connection(timeout=30) as c:
        yield c


def all_pages(conn, f, per_page):
    out, page = [], 1
    while True:
        p = paging.search(conn, f, page, per_page)
        out.append(p)
        if not p.has_more:
            return out
        page += 1


@pytest.mark.parametrize("f", FILTERS, ids=range(len(FILTERS)))
def test_web_paging_walk_matches_grouped(conn, f, monkeypatch):
    exact = [r.quote_id for p in all_pages(conn, f, 7) for r in p.results]
    grouped = paging.quote_ids(conn, f, 10_000, many=False)
    assert exact == grouped
    walked = paging.quote_ids(conn, f, 10_000, many=True)
    assert sorted(walked) == sorted(grouped)
    days = {r.quote_id: r.date for p in all_pages(conn, f, 100) for r in p.results}
    assert [days[q] for q in walked] == sorted((days[q] for q in walked), key=lambda d: d or "", reverse=True)
    # With a tiny exact limit the pages come from the walk: same quotes, once each, lower-bound totals.
    monkeypatch.setattr(paging, "EXACT_UP_TO", 3)
    pages = all_pages(conn, f, 7)
    seen = [r.quote_id for p in pages for r in p.results]
    assert seen == walked
    if len(walked) > 3:
        assert all(not p.exact and p.total == 3 and p.pages is None for p in pages)
    else:
        assert pages[0].exact and pages[0].total == len(walked)


@pytest.mark.parametrize("per_page, page, count, more", [(10, 1, 10, True), (10, 3, 10, False),
                                                         (10, 4, 0, False), (100, 1, 30, False)])
def test_web_paging_has_more(conn, per_page, page, count, more):
    p = paging.search(conn, QuoteFilter(about="harbour"), page, per_page)
    assert len(p.results) == count and p.has_more is more and p.total == 30 and p.exact


@pytest.mark.parametrize("sample", [1000, 3, 1])
@pytest.mark.parametrize("f", FILTERS, ids=range(len(FILTERS)))
def test_web_paging_facet_scan_count_agrees(conn, f, sample, monkeypatch):
    """The count the facet scan hands to a page is the one the page would count itself (or None)."""
    from saidwhat.web import browse

    monkeypatch.setattr(browse, "FACET_SAMPLE", sample)
    monkeypatch.setattr(paging, "EXACT_UP_TO", sample)
    _, counted = browse.facets_and_count(conn, f)
    own = paging._count_up_to(conn, f, sample + 1)
    assert counted is None or counted == own or (counted > sample and own > sample)
    given = paging.search(conn, f, 1, 5, counted=counted)
    assert (given.total, given.exact) == (paging.search(conn, f, 1, 5).total, paging.search(conn, f, 1, 5).exact)
