"""Search with context: the words matched, the sentence around each quote, facet counts, and the
articles list.

Highlights are data (runs of text flagged as hits), never markup: templates escape every run.
Facets count the quotes matching the current filters, value by value; over very large result sets
they count the first ``FACET_SAMPLE`` matching records and say so.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections import Counter
from operator import itemgetter
from dataclasses import dataclass
from typing import Any, Optional

from ..store.queries import QuoteFilter, until_bound
from . import paging

FACET_SAMPLE = 1000  # as many records as a page counts exactly (paging.EXACT_UP_TO)
CONTEXT = 300  # characters looked at on each side of a quote for its sentence
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n")


@dataclass(frozen=True)
class Context:
    """A quote in its sentence: text before, the quoted content, text after (each as highlight runs)."""

    before: tuple[tuple[str, bool], ...]
    content: tuple[tuple[str, bool], ...]
    after: tuple[tuple[str, bool], ...]

    def to_dict(self) -> dict[str, Any]:
        join = lambda runs: "".join(t for t, _ in runs)  # noqa: E731
        return {"before": join(self.before), "content": join(self.content), "after": join(self.after),
                "matched": sorted({t for part in (self.before, self.content, self.after) for t, hit in part if hit})}


_WORDS = re.compile(r"\w+")


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def terms(q: str) -> list[tuple[str, bool]]:
    """The words of a search (folded), each with whether it is a prefix (``word*``)."""
    out = []
    for phrase, word in re.findall(r'"([^"]+)"|(\w+\*?)', q or ""):
        for w in re.findall(r"\w+\*?", phrase) if phrase else [word]:
            out.append((_fold(w.rstrip("*")), w.endswith("*")))
    return [t for t in out if t[0]]


def highlight(text: str, wanted: list[tuple[str, bool]]) -> tuple[tuple[str, bool], ...]:
    """``text`` as runs, flagged True where a searched word (or prefix) is."""
    if not wanted or not text:
        return ((text, False),) if text else ()
    runs: list[tuple[str, bool]] = []
    last = 0
    exact = {w for w, prefix in wanted if not prefix}
    prefixes = tuple(w for w, prefix in wanted if prefix)
    for m in _WORDS.finditer(text):
        folded = _fold(m.group())
        if folded in exact or (prefixes and folded.startswith(prefixes)):
            if m.start() > last:
                runs.append((text[last:m.start()], False))
            runs.append((m.group(), True))
            last = m.end()
    if last < len(text):
        runs.append((text[last:], False))
    return tuple(runs)


def contexts(conn: sqlite3.Connection, attribution_ids: list[int], q: str) -> dict[int, Optional[Context]]:
    """The sentence (or sentences) each quote sits in, with the searched words flagged: one query."""
    if not attribution_ids:
        return {}
    rows = conn.execute(
        "SELECT a.id, a.content_start AS s, a.content_end AS e, max(0, a.content_start - ?) AS base, "
        "substr(ar.text, max(0, a.content_start - ?) + 1, a.content_end - max(0, a.content_start - ?) + ?) AS win "
        f"FROM attributions a JOIN articles ar ON ar.id = a.article_id WHERE a.id IN ({','.join('?' * len(attribution_ids))})",
        (CONTEXT, CONTEXT, CONTEXT, CONTEXT, *attribution_ids)).fetchall()
    wanted = terms(q)
    found = {r["id"]: _context(r, wanted) for r in rows}
    return {i: found.get(i) for i in attribution_ids}


def context(conn: sqlite3.Connection, attribution_id: int, q: str) -> Optional[Context]:
    """The sentence one quote sits in (see :func:`contexts`)."""
    return contexts(conn, [attribution_id], q)[attribution_id]


def _context(row: sqlite3.Row, wanted: list[tuple[str, bool]]) -> Optional[Context]:
    if row["s"] is None or row["win"] is None:
        return None
    win, s, e = row["win"], row["s"] - row["base"], row["e"] - row["base"]
    ends = [m.end() for m in _SENTENCE_END.finditer(win, 0, max(s, 0))]
    start = ends[-1] if ends else (0 if row["base"] == 0 else _word_start(win, s))
    m = _SENTENCE_END.search(win, e)
    stop = m.start() + 1 if m else len(win)
    before = ("…" if start > 0 and not ends else "") + win[start:s].lstrip()
    after = win[e:stop].rstrip()
    return Context(highlight(before, wanted), highlight(win[s:e], wanted), highlight(after, wanted))


def _word_start(text: str, limit: int) -> int:
    space = text.find(" ", 0, limit)
    return space + 1 if space >= 0 else 0


# -- facets ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Facet:
    """Counts of matching quotes per value of one field; ``sampled`` when only the first
    ``FACET_SAMPLE`` matching records were counted."""

    name: str
    values: tuple[tuple[str, str, int], ...]  # (value to filter by, label, quotes)
    sampled: bool

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "sampled": self.sampled,
                "values": [{"value": v, "label": label, "quotes": n} for v, label, n in self.values]}


FACET_NAMES = ("outlet", "speaker", "kind", "source_type", "month")


def facets(conn: sqlite3.Connection, f: QuoteFilter, top: int = 8) -> list[Facet]:
    """Facet counts (outlet, speaker, kind, source type, month) over the quotes matching ``f``."""
    return facets_and_count(conn, f, top)[0]


def facets_and_count(conn: sqlite3.Connection, f: QuoteFilter, top: int = 8) -> tuple[list[Facet], Optional[int]]:
    """The facets, and the number of matching quotes as ``paging.search`` counts it (exact up to
    ``paging.EXACT_UP_TO``, any larger number meaning "more"), or None when the sample cannot tell.

    One scan of the first ``FACET_SAMPLE + 1`` matching rows gives both, so a search page does not
    walk the same matches twice (for a frequent word with a filter that is most of its cost).
    """
    source, where, params = paging.filter_sql(conn, f)
    if " ar " not in f" {source} ":
        source += " JOIN articles ar ON ar.id = a.article_id"
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: the columns are counted with C loops below
    rows = cursor.execute(
        f"SELECT a.quote_id, ar.source, a.speaker_id, a.kind, a.speaker_type, substr(a.day, 1, 7), a.speaker_name "
        f"FROM {source} WHERE {where} LIMIT ?", params + [FACET_SAMPLE + 1]).fetchall()
    sampled = len(rows) > FACET_SAMPLE
    columns = list(zip(*rows[:FACET_SAMPLE])) or [()] * 7
    quotes = set(columns[0]) if not sampled else {r[0] for r in rows}
    counted = len(quotes) if not sampled or len(quotes) > paging.EXACT_UP_TO else None
    out = []
    for name, values in zip(FACET_NAMES, columns[1:6]):
        # Distinct (quote, value) pairs, counted by value: a quote printed twice counts once.
        found = [(v, n) for v, n in Counter(map(itemgetter(1), set(zip(columns[0], values)))).items() if v]
        if name == "month":
            found.sort(reverse=True)
            labelled = [(v, v, n) for v, n in found[:24]]
        elif name == "speaker":
            found.sort(key=lambda x: -x[1])
            if len(found) > top:  # ties at the cut are broken by name, as for the other facets
                found = [x for x in found if x[1] >= found[top - 1][1]]
            labels = _speaker_names(conn, [v for v, _ in found], dict(zip(columns[2], columns[6])))
            labelled = sorted(((f"#{v}", labels[v], n) for v, n in found), key=lambda x: (-x[2], x[1]))[:top]
        else:
            labelled = sorted(((v, v, n) for v, n in found), key=lambda x: (-x[2], x[1]))[:top]
        if labelled:
            out.append(Facet(name, tuple(labelled), sampled))
    return out, counted


def _speaker_names(conn: sqlite3.Connection, ids: list[int], printed: dict[int, str]) -> dict[int, str]:
    """The store's name of each speaker id (after merges), else the name printed."""
    names = dict(conn.execute(f"SELECT id, name FROM speakers WHERE id IN ({','.join('?' * len(ids))})", ids))
    return {i: names.get(i) or printed.get(i) or f"#{i}" for i in ids}


# -- articles ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ArticleRow:
    id: int
    title: Optional[str]
    outlet: Optional[str]
    published: Optional[str]
    url: Optional[str]
    attributions: int
    corrected: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def articles(conn: sqlite3.Connection, q: str = "", outlet: str = "", since: str = "", until: str = "",
             page: int = 1, per_page: int = 20) -> tuple[list[ArticleRow], bool]:
    """Stored articles, newest published first, filtered by words (title and text), outlet and
    publication dates; and whether there are more."""
    from ..store.fts import words_query

    clauses, params, source = [], [], "articles ar"
    if q:
        source = "articles_fts af JOIN articles ar ON ar.id = af.rowid"
        clauses.append("articles_fts MATCH ?")
        params.append(words_query(q))
    if outlet:
        clauses.append("ar.source = ? COLLATE NOCASE")
        params.append(outlet)
    if since:
        clauses.append("ar.published >= ?")
        params.append(since)
    if until:
        clauses.append("ar.published < ?")
        params.append(until_bound(until))
    where = " AND ".join(clauses) or "1"
    rows = conn.execute(
        f"SELECT ar.id, ar.title, ar.source, ar.published, ar.url FROM {source} WHERE {where} "
        "ORDER BY ar.published IS NULL, ar.published DESC, ar.id DESC LIMIT ? OFFSET ?",
        params + [per_page + 1, (page - 1) * per_page]).fetchall()
    out = []
    for r in rows[:per_page]:
        n, corrected = conn.execute("SELECT count(*), count(corrected) FROM attributions WHERE article_id = ?",
                                    (r["id"],)).fetchone()
        out.append(ArticleRow(r["id"], r["title"], r["source"], r["published"], r["url"], n, corrected))
    return out, len(rows) > per_page
