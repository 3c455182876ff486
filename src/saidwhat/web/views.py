"""What each page shows, as plain data: the HTML pages and their JSON twins are both built from these.

Functions here take the read-only store and validated parameters and return dictionaries of records;
they know nothing of HTTP. Bad parameters raise ``QueryError`` (the app turns it into a 400).
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any, Callable, Optional
from urllib.parse import urlencode, urlsplit

from ..errors import InputError
from ..model import KINDS, SOURCE_TYPES, Extraction
from ..store import queries
from . import browse, data, markup, paging, timeline
from .data import QueryError, QuoteFilter, ReadOnlyStore

MAX_PASTE_CHARS = 100_000


@dataclass(frozen=True)
class SearchParams:
    """The search form: words, filters and the page wanted; ``query_string`` reproduces it in a URL."""

    q: str = ""
    speaker: str = ""
    since: str = ""
    until: str = ""
    kind: str = ""
    source_type: str = ""
    outlet: str = ""
    page: int = 1
    per_page: int = 20
    sort: str = "newest"
    confidence: str = ""  # low, high
    review: str = ""  # unchecked, right, wrong, corrected

    def check(self) -> "SearchParams":
        """The same parameters, trimmed; raises QueryError naming the first bad value."""
        p = replace(self, **{k: (getattr(self, k) or "").strip() for k in
                             ("q", "speaker", "since", "until", "kind", "source_type", "outlet", "confidence",
                              "review")})
        p = replace(p, sort=(p.sort or "newest").strip())
        if p.sort not in paging.SORTS:
            raise QueryError(f"sort {p.sort!r}; expected one of {', '.join(paging.SORTS)}")
        if p.confidence and p.confidence not in queries.CONFIDENCE_LEVELS:
            raise QueryError(f"confidence {p.confidence!r}; expected low or high")
        if p.review and p.review not in queries.REVIEW_STATES:
            raise QueryError(f"review {p.review!r}; expected one of {', '.join(queries.REVIEW_STATES)}")
        if p.kind and p.kind not in KINDS:
            raise QueryError(f"kind {p.kind!r} is not a kind; expected one of {', '.join(KINDS)}")
        if p.source_type and p.source_type not in SOURCE_TYPES:
            raise QueryError(f"source_type {p.source_type!r} is not a source type; expected one of "
                             f"{', '.join(SOURCE_TYPES)}")
        for name in ("since", "until"):
            value = getattr(p, name)
            if value:
                _check_date(name, value)
        if p.q:
            queries.fts_query(p.q)  # raises a QueryError for text without words
        return p

    def filter(self) -> QuoteFilter:
        return QuoteFilter(speaker=self.speaker or None, about=self.q or None, since=self.since or None,
                           until=self.until or None, kind=self.kind or None,
                           source_type=self.source_type or None, outlet=self.outlet or None, limit=None,
                           confidence=self.confidence or None, review=self.review or None)

    def query_string(self, **change: Any) -> str:
        """The URL query for these parameters (defaults left out), with ``change`` applied."""
        # A search page builds one link per facet value: a shallow copy, not ``asdict`` (a deep copy).
        values = {**{k: getattr(self, k) for k in _DEFAULTS}, **change}
        return urlencode({k: v for k, v in values.items() if v not in ("", None) and v != _DEFAULTS[k]})

    @property
    def empty(self) -> bool:
        return not any((self.q, self.speaker, self.since, self.until, self.kind, self.source_type, self.outlet,
                        self.confidence, self.review))


_DEFAULTS = asdict(SearchParams())


def _check_date(name: str, value: str) -> None:
    parts = value.split("-")
    try:
        if len(parts) == 3:
            date.fromisoformat(value)
        elif len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) == 2:
            date(int(parts[0]), int(parts[1]), 1)
        elif len(parts) == 1 and len(value) == 4:
            int(value)
        else:
            raise ValueError
    except ValueError:
        raise QueryError(f"{name} {value!r} is not a date; expected YYYY-MM-DD (or YYYY-MM, YYYY)") from None


def safe_url(url: Optional[str]) -> Optional[str]:
    """``url`` when it is an http(s) address to link to; None for anything else (javascript:, data: ...)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(c in url for c in "\x00\r\n\t<>\"'` ") or any(ord(c) < 32 for c in url):
        return None
    return url


# -- pages -----------------------------------------------------------------------------------------


def search(store: ReadOnlyStore, params: SearchParams) -> dict[str, Any]:
    """One page of matching quotes, the outlets to filter by, and the parameters echoed back."""
    params = params.check()
    f = params.filter()
    fresh: list[Optional[int]] = []

    def scan(conn) -> list[browse.Facet]:
        found, counted = browse.facets_and_count(conn, f)
        fresh.append(counted)  # the count is reused only from this scan, never from the cache
        return found

    with store.connection() as conn:
        outlets = store.cached("outlets", 60.0, lambda: data.outlets(conn))
        # Facet counts of one filter are reused for a minute (pages 2, 3 ... and popular searches).
        key = "facets:" + params.query_string(page=1, sort="newest")
        facets = store.cached(key, 60.0, lambda: scan(conn))
        page = paging.search(conn, f, params.page, params.per_page, params.sort, fresh[0] if fresh else None)
        contexts = browse.contexts(conn, [r.attribution_id for r in page.results], params.q)
    wanted = browse.terms(params.q)
    marked = {r.attribution_id: browse.highlight(r.content, wanted) for r in page.results}
    return {"params": params, "page": page, "outlets": outlets, "facets": facets, "contexts": contexts,
            "highlighted": marked, "sorts": paging.SORTS}


def search_json(result: dict[str, Any]) -> dict[str, Any]:
    out = {"query": asdict(result["params"]), **result["page"].to_dict()}
    for r in out["results"]:
        c = result["contexts"].get(r["attribution_id"])
        r["context"] = c.to_dict() if c else None
    out["facets"] = [f.to_dict() for f in result["facets"]]
    return out


def articles(store: ReadOnlyStore, q: str, outlet: str, since: str, until: str, page: int,
             per_page: int = 20) -> dict[str, Any]:
    """A page of stored articles, newest published first, with the filters echoed back."""
    q, outlet, since, until = q.strip(), outlet.strip(), since.strip(), until.strip()
    for name, value in (("since", since), ("until", until)):
        if value:
            _check_date(name, value)
    if q:
        queries.fts_query(q)
    with store.connection() as conn:
        rows, more = browse.articles(conn, q, outlet, since, until, page, per_page)
        outlets = store.cached("outlets", 60.0, lambda: data.outlets(conn))
    filters = {k: v for k, v in (("q", q), ("outlet", outlet), ("since", since), ("until", until)) if v}
    return {"articles": rows, "has_more": more, "page": page, "filters": filters, "outlets": outlets,
            "q": q, "outlet": outlet, "since": since, "until": until}


def speakers(store: ReadOnlyStore, name: str, limit: int) -> dict[str, Any]:
    """Speakers ranked by quotes, or the ones a name can mean."""
    name = name.strip()
    with store.connection() as conn:
        if name:
            found = data.speaker_list(conn, name, limit)
        else:  # the ranking groups every attribution: reuse it for a minute
            found = store.cached(f"speakers:{limit}", 60.0, lambda: data.speaker_list(conn, None, limit))
    return {"name": name, "speakers": found}


def speaker(store: ReadOnlyStore, speaker_id: int, latest: int = 10) -> Optional[dict[str, Any]]:
    """A speaker's summary, weekly timeline, top topics and latest quotes; None if unknown."""
    data.stop_words()  # a one-time import, kept out of the query deadline
    with store.connection() as conn:
        summary = data.speaker(conn, speaker_id)
        if summary is None:
            return None
        weeks = data.quotes_per_week(conn, speaker_id)
        topics = data.top_topics(conn, speaker_id)
        ids = paging.quote_ids(conn, QuoteFilter(speaker=f"#{speaker_id}"), latest)
        quotes = [queries.quote_by_id(conn, i) for i in ids]
    return {"speaker": summary, "weeks": weeks, "chart": timeline.chart(weeks), "topics": topics,
            "latest": quotes}


SPLIT_CHOICES = 200  # records the split form lists to pick from (the latest)


def speaker_split(store: ReadOnlyStore, speaker_id: int) -> dict[str, Any]:
    """What the split form of a speaker page offers: the latest records, each to pick."""
    with store.connection() as conn:
        return {"split_records": data.speaker_records(conn, speaker_id, SPLIT_CHOICES), "split_limit": SPLIT_CHOICES}


def speaker_json(result: dict[str, Any]) -> dict[str, Any]:
    return {"speaker": result["speaker"].to_dict(),
            "quotes_per_week": [{"week": w.monday, "quotes": w.quotes, "said": w.said, "published": w.published}
                                for w in result["weeks"]],
            "topics": [{"word": w, "quotes": n} for w, n in result["topics"]],
            "latest": [q.to_dict() for q in result["latest"]]}


def article(store: ReadOnlyStore, article_id: int) -> Optional[dict[str, Any]]:
    """A stored article with its attributions marked, its speakers and its resolved dates; None if absent."""
    with store.connection() as conn:
        view = queries.article(conn, article_id)
        if view is None:
            return None
        speakers_found = data.article_speakers(conn, view.id)
        dates = data.article_dates(conn, view.id)
    marked = markup.from_view(view)
    return {"article": view, "marked": marked, "pieces": markup.pieces(view.text, marked),
            "speakers": speakers_found, "dates": dates}


def article_edits(store: ReadOnlyStore, article_id: int) -> dict[str, Any]:
    """What the edit forms of an article page show: its corrections so far (the article's own speakers
    are offered to pick from; any other is typed as a name or #id)."""
    from ..store.edits import edits as edit_log

    with store.connection() as conn:
        log = edit_log(conn, article_id=article_id, limit=50)
    return {"article_edits": log}


def article_json(result: dict[str, Any]) -> dict[str, Any]:
    return {"article": result["article"].to_dict(), "speakers": [s.to_dict() for s in result["speakers"]],
            "dates": [d.to_dict() for d in result["dates"]]}


_EXTRACT_LOCK = threading.Lock()  # one spaCy pipeline, one document at a time


def paste(extract: Callable[..., Extraction], text: str, published: str = "", title: str = "") -> dict[str, Any]:
    """Attributions found in pasted text, marked, without storing anything."""
    if not text.strip():
        raise InputError("the text is empty; paste an article's text")
    if len(text) > MAX_PASTE_CHARS:
        raise InputError(f"the text has {len(text):,} characters; paste at most {MAX_PASTE_CHARS:,}")
    published = published.strip()
    # Browsers send CRLF from a textarea; offsets are taken on the text as shown, so normalise first.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A worker process serialises pastes itself (and bounds how many wait); in-process, one at a time.
    with getattr(extract, "lock", _EXTRACT_LOCK):
        extraction = extract(text, published or None, title=title.strip() or None)
    marked = markup.from_extraction(extraction)
    return {"extraction": extraction, "text": text, "published": published, "title": title.strip(),
            "marked": marked, "pieces": markup.pieces(text, marked)}


MAX_LINKED_PASTE = 4000  # characters of pasted text a result's link carries (in its URL)


def paste_link(result: dict[str, Any]) -> Optional[str]:
    """A link that shows this paste's result again (the text travels in the URL), or None when the
    text is too long for one."""
    if len(result["text"]) > MAX_LINKED_PASTE:
        return None
    fields = {"text": result["text"], "published": result["published"], "title": result["title"]}
    return "/paste?" + urlencode({k: v for k, v in fields.items() if v})


def paste_json(result: dict[str, Any]) -> dict[str, Any]:
    return result["extraction"].to_dict()


def stats(store: ReadOnlyStore) -> dict[str, Any]:
    with store.connection() as conn:
        return queries.stats(conn)
