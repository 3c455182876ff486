"""What the web app reads from a store: a read-only, time-limited connection and the queries the store
does not offer yet (quotes per week, a speaker's topics, an article's speakers and dates; paged search
is in ``paging``).

The server never writes: the store is opened with SQLite's ``mode=ro`` URI and ``query_only``. Each
thread gets its own connection (SQLite connections are not for sharing across concurrent requests),
and every request runs under a deadline enforced by a progress handler, so a pathological query is
interrupted instead of holding a worker. SQL is parameterised; filters only add placeholders.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Union
from urllib.parse import quote as url_quote

from ..errors import SaidwhatError
from ..store import queries
from ..store.queries import QueryError, QuoteFilter
from ..store.results import SpeakerSummary
from ..store.schema import SCHEMA_VERSION

DEFAULT_TIMEOUT = 2.0  # seconds a request's queries may run in total
CACHE_ENTRIES = 512  # values ``cached`` keeps at most


class StoreUnavailable(SaidwhatError):
    """The store file is missing, unreadable or not a saidwhat store."""

    exit_code = 2


class QueryTimeout(SaidwhatError):
    """A query ran past the request's deadline and was interrupted."""

    exit_code = 2


@dataclass(frozen=True)
class Week:
    """Quotes dated in the week starting on ``monday``: ``said`` of them by the date they were said,
    the rest by their article's publication date (no date of saying found)."""

    monday: str
    quotes: int
    said: int = 0

    @property
    def published(self) -> int:
        return self.quotes - self.said


@dataclass(frozen=True)
class ArticleSpeaker:
    """A speaker as resolved in one article, linked to the store-wide speaker when merged."""

    local_id: int
    speaker_id: Optional[int]
    name: str
    type: str
    roles: tuple[str, ...]
    mentions: tuple[tuple[int, int, str], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"local_id": self.local_id, "speaker_id": self.speaker_id, "name": self.name, "type": self.type,
                "roles": list(self.roles),
                "mentions": [{"start": s, "end": e, "text": t} for s, e, t in self.mentions]}


@dataclass(frozen=True)
class DateFound:
    """A time expression in an article and the value it resolved to."""

    start: int
    end: int
    text: str
    type: str
    value: Optional[str]
    mod: Optional[str]

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "value": self.value, "mod": self.mod}


class ReadOnlyStore:
    """A store opened read-only, one connection per thread, each request under a deadline."""

    def __init__(self, path: Union[str, Path], timeout: float = DEFAULT_TIMEOUT):
        self.path = Path(path)
        self.timeout = timeout
        self._local = threading.local()
        self._cache: dict[str, tuple[float, Any]] = {}
        self._cache_lock = threading.Lock()
        if not self.path.is_file():
            raise StoreUnavailable(f"no store at {str(self.path)!r}; create one with: "
                                   f"saidwhat ingest PATH --db {self.path}")
        with self.connection() as conn:  # fail at start-up, not on the first request
            try:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
            except sqlite3.DatabaseError as exc:
                raise StoreUnavailable(f"{str(self.path)!r} is not a saidwhat store ({exc})") from exc
            if version != SCHEMA_VERSION:
                raise StoreUnavailable(
                    f"{str(self.path)!r} is at schema version {version}; expected {SCHEMA_VERSION}: "
                    "serve a store written by 'saidwhat ingest' of this version ('saidwhat serve' "
                    "upgrades an older store before serving it)")

    def _open(self, deadline=None) -> sqlite3.Connection:
        uri = f"file:{url_quote(str(self.path.resolve()))}?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=5)
        except sqlite3.Error as exc:
            raise StoreUnavailable(f"cannot open store {str(self.path)!r} read-only: {exc}") from exc
        conn.row_factory = sqlite3.Row
        try:
            conn.execute("PRAGMA query_only = 1")
            conn.execute("PRAGMA cache_size = -32768")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreUnavailable(f"{str(self.path)!r} is not a saidwhat store ({exc}); "
                                   "serve a store written by 'saidwhat ingest'") from exc
        local = self._local
        if deadline is None:
            deadline = lambda: getattr(local, "deadline", float("inf"))  # noqa: E731
        # Checked every 1,000 VM steps: returning True makes SQLite interrupt the running statement.
        conn.set_progress_handler(lambda: time.monotonic() > deadline(), 1000)
        return conn

    def cached(self, key: str, fresh_for: float, compute: Callable[[], Any]) -> Any:
        """``compute()``'s value, reused for ``fresh_for`` seconds (the store can grow while served)."""
        now = time.monotonic()
        hit = self._cache.get(key)
        if hit is not None and now - hit[0] < fresh_for:
            return hit[1]
        value = compute()
        with self._cache_lock:  # requests run on many threads: evict under a lock
            self._cache[key] = (now, value)
            while len(self._cache) > CACHE_ENTRIES:  # the oldest entry goes first (dicts keep insertion order)
                self._cache.pop(next(iter(self._cache)), None)
        return value

    @contextmanager
    def dedicated(self, timeout: float) -> Iterator[sqlite3.Connection]:
        """A connection of its own for a streamed response (its chunks may run on any thread)."""
        until = time.monotonic() + timeout
        conn = self._open(lambda: until)
        try:
            yield conn
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise QueryTimeout(f"the export took longer than {timeout:g} s and was cut short") from exc
            raise
        finally:
            conn.close()

    @contextmanager
    def connection(self, timeout: Optional[float] = None) -> Iterator[sqlite3.Connection]:
        """This thread's connection, with queries interrupted once ``timeout`` seconds have passed."""
        local = self._local
        conn = getattr(local, "conn", None)
        if conn is None:
            conn = local.conn = self._open()
        local.deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        try:
            yield conn
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise QueryTimeout(f"the query took longer than {self.timeout:g} s and was stopped; "
                                   "narrow it with a speaker, words or a date range") from exc
            raise
        finally:
            local.deadline = float("inf")


# -- search form -----------------------------------------------------------------------------------


def outlets(conn: sqlite3.Connection, limit: int = 100) -> list[str]:
    """Outlets by number of articles, for the search form's choice list."""
    rows = conn.execute("SELECT source FROM articles WHERE source IS NOT NULL GROUP BY source "
                        "ORDER BY count(*) DESC, source LIMIT ?", (limit,))
    return [r[0] for r in rows]


# -- speakers --------------------------------------------------------------------------------------


def speaker(conn: sqlite3.Connection, speaker_id: int) -> Optional[SpeakerSummary]:
    """One store speaker with counts, roles over time and aliases; None if unknown or never quoted."""
    found = queries.speakers(conn, name=f"#{speaker_id}", limit=1)
    return found[0] if found else None


def quotes_per_week(conn: sqlite3.Connection, speaker_id: int) -> list[Week]:
    """Attributions per calendar week (Monday first), every week from the first to the last, gaps as 0."""
    rows = conn.execute(
        "SELECT date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days') AS monday, "
        "count(*) AS n, count(NULLIF(said, '')) AS said FROM attributions WHERE speaker_id = ? AND date(day) IS NOT NULL "
        "GROUP BY monday ORDER BY monday", (speaker_id,)).fetchall()
    if not rows:
        return []
    counts = {r["monday"]: (r["n"], r["said"]) for r in rows}
    first, last = date.fromisoformat(rows[0]["monday"]), date.fromisoformat(rows[-1]["monday"])
    weeks, day = [], first
    while day <= last:
        weeks.append(Week(day.isoformat(), *counts.get(day.isoformat(), (0, 0))))
        day += timedelta(days=7)
    return weeks


_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]{3,}")
_FEW_STOP = frozenset(
    "the and that this with from have has had will would could should there their they them what when "
    "which while were been being about into over than then also just more most very some such only "
    "said says your you our ours we us it its it's i me my he him his she her hers who whom not no yes "
    "are was is be do does did done can may might must shall of to in on at by for as an a or if so".split())


_STOP: Optional[frozenset[str]] = None


def stop_words() -> frozenset[str]:
    """spaCy's English stop words and a few more; loaded once (call it outside a request's deadline)."""
    global _STOP
    if _STOP is None:
        try:
            from spacy.lang.en.stop_words import STOP_WORDS
        except ImportError:  # spaCy is a dependency; the short list keeps topics usable without it
            STOP_WORDS = frozenset()
        _STOP = _FEW_STOP | frozenset(STOP_WORDS)
    return _STOP


_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight week weekend "
    "month year january february march april june july august september october november december".split())


def top_topics(conn: sqlite3.Connection, speaker_id: int, n: int = 12, sample: int = 600) -> list[tuple[str, int]]:
    """The words a speaker's latest quotes use most, with how many quotes use each.

    Stop words and calendar words are left out, and so are words only ever written capitalised in
    the sample: those are names ("Lee", "Han") or sentence starts, not topics.
    """
    stop = stop_words()
    counts: Counter[str] = Counter()
    lower_seen: set[str] = set()
    for row in conn.execute("SELECT content FROM attributions WHERE speaker_id = ? ORDER BY day DESC LIMIT ?",
                            (speaker_id, sample)):
        words = set()
        for w in _WORD.findall(row[0]):
            folded = w.casefold().strip("'’-")
            words.add(folded)
            if w[:1].islower():
                lower_seen.add(folded)
        counts.update(w for w in words if len(w) > 2 and w not in stop and w not in _CALENDAR)
    kept = Counter({w: c for w, c in counts.items() if w in lower_seen})
    return [(w, c) for w, c in kept.most_common(n) if c > 1 or len(kept) <= n]


@dataclass(frozen=True)
class SpeakerRecord:
    """One of a speaker's records as the split form lists it: what was said, printed as whom, where."""

    attribution_id: int
    printed_as: Optional[str]
    content: str
    day: Optional[str]
    title: Optional[str]
    article_id: int


def speaker_records(conn: sqlite3.Connection, speaker_id: int, limit: int = 200) -> list[SpeakerRecord]:
    """A speaker's latest records (at most ``limit``), for picking which to split off."""
    return [SpeakerRecord(r["id"], r["speaker_name"], r["content"], r["day"], r["title"], r["article_id"])
            for r in conn.execute(
                "SELECT a.id, a.speaker_name, substr(a.content, 1, 200) AS content, a.day, ar.title, a.article_id "
                "FROM attributions a JOIN articles ar ON ar.id = a.article_id WHERE a.speaker_id = ? "
                "ORDER BY a.day DESC, a.id DESC LIMIT ?", (speaker_id, limit))]


def speaker_list(conn: sqlite3.Connection, name: Optional[str], limit: int = 50) -> list[SpeakerSummary]:
    """Speakers ranked by quotes, or those a name can mean."""
    return queries.speakers(conn, name=name or None, limit=limit)


# -- articles --------------------------------------------------------------------------------------


def article_speakers(conn: sqlite3.Connection, article_id: int) -> list[ArticleSpeaker]:
    """The speakers resolved in one article, with their mentions, in order of first mention."""
    mentions: dict[int, list[tuple[int, int, str]]] = {}
    for m in conn.execute("SELECT local_id, start, end, text FROM mentions WHERE article_id = ? ORDER BY start",
                          (article_id,)):
        mentions.setdefault(m["local_id"], []).append((m["start"], m["end"], m["text"]))
    out = []
    for r in conn.execute("SELECT local_id, speaker_id, name, type, roles FROM article_speakers "
                          "WHERE article_id = ? ORDER BY local_id", (article_id,)):
        try:
            roles = tuple(str(x) for x in json.loads(r["roles"] or "[]"))
        except ValueError:
            roles = ()
        out.append(ArticleSpeaker(r["local_id"], r["speaker_id"], r["name"], r["type"], roles,
                                  tuple(mentions.get(r["local_id"], ()))))
    out.sort(key=lambda s: s.mentions[0][0] if s.mentions else 1 << 60)
    return out


def article_dates(conn: sqlite3.Connection, article_id: int) -> list[DateFound]:
    """The time expressions found in one article and their resolved values, in text order."""
    return [DateFound(r["start"], r["end"], r["text"], r["type"], r["value"], r["mod"]) for r in conn.execute(
        "SELECT start, end, text, type, value, mod FROM time_expressions WHERE article_id = ? ORDER BY start",
        (article_id,))]


__all__ = ["ReadOnlyStore", "StoreUnavailable", "QueryTimeout", "QueryError", "QuoteFilter", "Week",
           "ArticleSpeaker", "DateFound", "outlets", "speaker", "quotes_per_week", "top_topics",
           "speaker_list", "article_speakers", "article_dates", "SpeakerRecord", "speaker_records"]
