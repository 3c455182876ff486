"""Read queries over the store: quotes by speaker, topic, date, kind, source type and outlet; speakers;
one article; statistics. SQL is parameterised; filters only ever add placeholders, never values.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any, Optional, Union

from ..model import KINDS, SOURCE_TYPES
from . import evidence
from .fts import QueryError, match_expression, words_query
from .names import first_names_agree, organisation_key, parse_person
from .results import LOW_CONFIDENCE
from .results import (ArticleView, ErrorRecord, Occurrence, QuoteResult, RoleSpan, SpeakerSummary,
                      StoredAttribution)


@dataclass(frozen=True)
class QuoteFilter:
    """What to look for: every field left None matches everything."""

    speaker: Optional[str] = None  # a name as printed, or a speaker id
    about: Optional[str] = None  # words (all must appear), "quoted phrases", prefix*
    since: Optional[str] = None  # ISO date, inclusive, on the date said (else published)
    until: Optional[str] = None
    kind: Optional[str] = None
    source_type: Optional[str] = None
    outlet: Optional[str] = None
    limit: int = 50
    confidence: Optional[str] = None  # "low" (the record's or its speaker's under LOW_CONFIDENCE) or "high"
    review: Optional[str] = None  # "unchecked", "right", "wrong" or "corrected"
    via: Optional[str] = None  # an outlet or channel the statement came through ("CNN", "Associated Press")


_DOMAIN = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}", re.I)


def until_bound(until: str) -> str:
    """The exclusive upper bound for an ISO day, month or year: a whole month or year given as
    ``--until`` includes all of it ("2020-04" → "2020-04-32")."""
    return until + ("-32" if len(until) == 7 else "-13" if len(until) == 4 else "~")

# A chain link through which the statement came: "reported-by" ("..., Reuters reported") or
# "channel" ("told CNN"); not whom the source cites. Links stored before relations were kept count
# as "cites".
VIA_CLAUSE = ("EXISTS (SELECT 1 FROM json_each(a.source_chain) j WHERE "
              "coalesce(json_extract(j.value, '$.relation'), 'cites') != 'cites' AND "
              "json_extract(j.value, '$.name') = ? COLLATE NOCASE)")


def via_names(chain_json: Optional[str]) -> tuple[str, ...]:
    """The outlets and channels a stored source chain names (reported-by and channel links)."""
    return tuple(x["name"] for x in json.loads(chain_json or "[]") if (x.get("relation") or "cites") != "cites")


def outlet_clause(outlet: str) -> tuple[str, list[str]]:
    """SQL for one outlet: its name as stored ("Reuters"), or, for a domain ("reuters.com"), the
    articles whose URL is on that domain or a subdomain of it."""
    name = outlet.strip()
    if not _DOMAIN.fullmatch(name):
        return "ar.source = ? COLLATE NOCASE", [name]
    domain = name.lower().removeprefix("www.")
    escaped = domain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    on_domain = " OR ".join(["ar.url LIKE ? ESCAPE '\\'"] * 4)
    return (f"(ar.source = ? COLLATE NOCASE OR {on_domain})",
            [name, f"%://{escaped}/%", f"%://{escaped}", f"%.{escaped}/%", f"%.{escaped}"])


CONFIDENCE_LEVELS = ("low", "high")
REVIEW_STATES = ("unchecked", "right", "wrong", "corrected")


def fts_query(text: str) -> str:
    """An FTS5 query in which every word or "phrase" of ``text`` must appear (no operators pass)."""
    return words_query(text)


def _iso(value: Union[str, date, None], option: str) -> Optional[str]:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value.strip()):
        return value.strip()
    raise QueryError(f"{option} {value!r} is not a date; expected YYYY-MM-DD (or YYYY-MM, YYYY)")


# The largest row id SQLite stores (a signed 64-bit integer); a larger number names no row.
MAX_ID = 2**63 - 1


def speaker_ids(conn: sqlite3.Connection, name: str) -> list[int]:
    """The store speakers a name (or ``#id``/id) can mean: same surname and agreeing first name, or alias."""
    name = name.strip()
    if re.fullmatch(r"#?\d+", name):
        number = int(name.lstrip("#"))
        if not 1 <= number <= MAX_ID:
            raise QueryError(f"speaker id {name!r} is out of range; ids are whole numbers from 1 to {MAX_ID}")
        return [number]
    ids = {r[0] for r in conn.execute("SELECT speaker_id FROM speaker_aliases WHERE alias = ?", (name,))}
    person = parse_person(name)
    if person is not None:
        for row in conn.execute("SELECT id, first, ambiguous FROM speakers WHERE surname = ?", (person.surname,)):
            if person.first is None or first_names_agree(row["first"] or person.first, person.first) and not (
                    row["first"] is None and row["ambiguous"]):
                # A bare surname shared by several people is not any one of them.
                ids.add(row["id"])
    key = organisation_key(name)
    if key:
        ids.update(r[0] for r in conn.execute("SELECT id FROM speakers WHERE key = ?", (key,)))
    return sorted(ids)


def filter_sql(conn: sqlite3.Connection, f: QuoteFilter) -> tuple[str, str, list[Any]]:
    """The FROM and WHERE clauses and their parameters for a quote filter (attributions are ``a``).

    For callers that page or count over the same filter (the web layer); ``limit`` is not applied.
    """
    clauses, params = [], []
    ids: list[int] = []
    if f.speaker:
        ids = speaker_ids(conn, f.speaker)
        if ids:
            clauses.append(f"a.speaker_id IN ({', '.join('?' * len(ids))})")
            params.extend(ids)
        else:  # unnamed and unknown sources are not merged: match them by the name printed
            clauses.append("a.speaker_name LIKE ?")
            params.append(f"%{f.speaker.strip()}%")
    since, until = _iso(f.since, "--since"), _iso(f.until, "--until")
    if since:
        clauses.append("a.day >= ?")
        params.append(since)
    if until:
        clauses.append("a.day < ?")
        params.append(until_bound(until))
    if f.kind:
        if f.kind not in KINDS:
            raise QueryError(f"--kind {f.kind!r} is not a kind; expected one of {', '.join(KINDS)}")
        clauses.append("a.kind = ?")
        params.append(f.kind)
    if f.source_type:
        if f.source_type not in SOURCE_TYPES:
            raise QueryError(f"--source-type {f.source_type!r} is not a source type; expected one of "
                             f"{', '.join(SOURCE_TYPES)}")
        clauses.append("a.speaker_type = ?")
        params.append(f.source_type)
    if f.confidence:
        low = f"(a.confidence < {LOW_CONFIDENCE!r} OR a.speaker_confidence < {LOW_CONFIDENCE!r})"
        if f.confidence not in CONFIDENCE_LEVELS:
            raise QueryError(f"--confidence {f.confidence!r}; expected low or high")
        clauses.append(low if f.confidence == "low" else f"NOT coalesce({low}, 0)")
    if f.review:
        if f.review not in REVIEW_STATES:
            raise QueryError(f"--review {f.review!r}; expected one of {', '.join(REVIEW_STATES)}")
        clauses.append({"unchecked": "a.verdict IS NULL AND a.corrected IS NULL", "right": "a.verdict = 'right'",
                        "wrong": "a.verdict = 'wrong'", "corrected": "a.corrected IS NOT NULL"}[f.review])
    if f.via:
        clauses.append(VIA_CLAUSE)
        params.append(f.via.strip())
    source = "attributions a"
    if f.outlet:
        source += " JOIN articles ar ON ar.id = a.article_id"
        clause, values = outlet_clause(f.outlet)
        clauses.append(clause)
        params.extend(values)
    match = match_expression(f.about, ids, since, until)
    if match:
        # Keyword, speaker and period intersect inside FTS5; the table is visited only for hits.
        source = "attributions_fts f CROSS JOIN " + source.replace("attributions a", "attributions a ON a.id = f.rowid", 1)
        clauses.insert(0, "attributions_fts MATCH ?")
        params.insert(0, match)
    return source, " AND ".join(clauses) or "1", params


def quotes(conn: sqlite3.Connection, f: QuoteFilter) -> list[QuoteResult]:
    """Quotes matching ``f``, newest first, each once with its occurrences across outlets."""
    if f.limit is not None and f.limit < 1:
        raise QueryError(f"--limit {f.limit} must be at least 1")
    source, where, params = filter_sql(conn, f)
    picked = conn.execute(
        f"SELECT a.quote_id, max(a.day) AS d FROM {source} WHERE {where} "
        "GROUP BY a.quote_id ORDER BY d DESC, a.quote_id DESC LIMIT ?", params + [f.limit or -1]).fetchall()
    return [quote_by_id(conn, row["quote_id"]) for row in picked]


def quote_by_id(conn: sqlite3.Connection, quote_id: int) -> QuoteResult:
    """One stored quote with its occurrences (the quote id must be stored)."""
    occ = occurrences(conn, quote_id)
    first = occ[0]
    a = conn.execute(
        f"SELECT a.*, s.name AS merged_name, {_MENTION} FROM attributions a JOIN articles ar ON ar.id = a.article_id "
        "LEFT JOIN speakers s ON s.id = a.speaker_id WHERE a.id = ?", (first.attribution_id,)).fetchone()
    mechanism, resolution = _evidence(conn, a)
    outlets = tuple(dict.fromkeys(o.outlet for o in occ if o.outlet))
    return QuoteResult(
        quote_id=quote_id, attribution_id=a["id"], article_id=a["article_id"], content=a["content"],
        kind=a["kind"], cue=a["cue"], speaker=a["merged_name"] or a["speaker_name"], speaker_id=a["speaker_id"],
        source_type=a["speaker_type"], role=a["speaker_role"], date=a["day"], outlet=first.outlet,
        title=first.title, url=first.url, confidence=a["confidence"], occurrences=len(occ), outlets=outlets,
        first_seen=first.published, date_basis=date_basis(a["said"], a["day"]), corrected=_fields(a["corrected"]),
        verdict=a["verdict"], speaker_resolution=a["speaker_resolution"], speaker_confidence=a["speaker_confidence"],
        mechanism=mechanism, resolution=resolution, via=via_names(a["source_chain"]))


# The speaker's mention as printed in the article, beside each attribution row.
_MENTION = ("CASE WHEN a.speaker_start IS NULL THEN NULL ELSE substr(ar.text, a.speaker_start + 1, "
            "a.speaker_end - a.speaker_start) END AS mention")


def _evidence(conn: sqlite3.Connection, a: sqlite3.Row) -> tuple[str, Optional[str]]:
    """How a stored record was found and how its speaker was named, in words."""
    spans = tuple(tuple(s) for s in json.loads(a["content_spans"] or "[]")) or ((a["content_start"], a["content_end"]),)
    found = evidence.mechanism(a["kind"], a["cue"], _pair(a["cue_start"], a["cue_end"]), spans,
                               _pair(a["speaker_start"], a["speaker_end"]), a["mention"])
    first_named = None
    name = a["merged_name"] or a["speaker_name"]
    mention = " ".join((a["mention"] or "").split())
    if a["speaker_local_id"] is not None and not a["speaker_resolution"] and mention and mention != name:
        # Only a mention that is not the name itself ("he", "the minister") needs where it was named.
        row = conn.execute("SELECT text FROM mentions WHERE article_id = ? AND local_id = ? "
                           "ORDER BY length(text) DESC, start LIMIT 1", (a["article_id"], a["speaker_local_id"])).fetchone()
        first_named = row[0] if row else None
    how = evidence.resolution(name, a["mention"], a["speaker_resolution"], first_named)
    if "speaker" in (a["corrected"] or "").split(","):
        how = f"corrected by hand to {name}"
    return found, how


def _fields(corrected: Optional[str]) -> tuple[str, ...]:
    return tuple(f for f in (corrected or "").split(",") if f)


def date_basis(said: Optional[str], day: Optional[str]) -> Optional[str]:
    """What a stored ``day`` is: "said" (the date of saying), "published" (the fallback), or None."""
    if said:
        return "said"
    return "published" if day else None


def occurrences(conn: sqlite3.Connection, quote_id: int) -> list[Occurrence]:
    """Every printing of a quote, earliest first."""
    rows = conn.execute(
        "SELECT a.id, a.article_id, ar.source, ar.title, ar.url, coalesce(ar.published, a.day) AS pub "
        "FROM attributions a JOIN articles ar ON ar.id = a.article_id WHERE a.quote_id = ? "
        "ORDER BY pub IS NULL, pub, a.id", (quote_id,))
    return [Occurrence(r["article_id"], r["id"], r["source"], r["title"], r["url"], r["pub"]) for r in rows]


def speakers(conn: sqlite3.Connection, name: Optional[str] = None, type: Optional[str] = None,
             limit: Optional[int] = 50) -> list[SpeakerSummary]:
    """Speakers ranked by how often they are quoted, with roles over time and first and last dates."""
    clauses, params = [], []
    if name:
        ids = speaker_ids(conn, name)
        clauses.append(f"s.id IN ({', '.join('?' * len(ids)) or 'NULL'})")
        params.extend(ids)
    if type:
        clauses.append("s.type = ?")
        params.append(type)
    where = " AND ".join(clauses) or "1"
    rows = conn.execute(
        f"SELECT s.id, s.name, s.type, count(a.id) AS n, count(DISTINCT a.article_id) AS arts, "
        f"min(a.day) AS first, max(a.day) AS last FROM speakers s JOIN attributions a ON a.speaker_id = s.id "
        f"WHERE {where} GROUP BY s.id ORDER BY n DESC, s.name LIMIT ?", params + [limit or -1]).fetchall()
    out = []
    for r in rows:
        roles = tuple(RoleSpan(x["role"], x["first_seen"], x["last_seen"]) for x in conn.execute(
            "SELECT role, first_seen, last_seen FROM speaker_roles WHERE speaker_id = ? "
            "ORDER BY first_seen IS NULL, first_seen, role", (r["id"],)))
        aliases = tuple(x[0] for x in conn.execute(
            "SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias", (r["id"],)))
        out.append(SpeakerSummary(r["id"], r["name"], r["type"], r["n"], r["arts"], r["first"], r["last"],
                                  roles, aliases))
    return out


def _pair(a: Any, b: Any) -> Optional[tuple[int, int]]:
    return None if a is None else (a, b)


def article(conn: sqlite3.Connection, article_id: Union[int, str]) -> Optional[ArticleView]:
    """One stored article by store id, document id or URL, with its attributions; None if absent."""
    key = str(article_id).strip()
    row = None
    if key.isdigit() and int(key) <= MAX_ID:  # a longer number can only be a document id
        row = conn.execute("SELECT * FROM articles WHERE id = ?", (int(key),)).fetchone()
    if row is None:
        row = conn.execute("SELECT * FROM articles WHERE doc_id = ? OR url = ? ORDER BY id LIMIT 1",
                           (key, key)).fetchone()
    if row is None:
        return None
    atts = tuple(
        StoredAttribution(
            a["id"], a["kind"], a["content"], tuple(tuple(s) for s in json.loads(a["content_spans"] or "[]")),
            a["cue"], _pair(a["cue_start"], a["cue_end"]), a["merged_name"] or a["speaker_name"],
            a["speaker_id"], a["speaker_type"], _pair(a["speaker_start"], a["speaker_end"]), a["day"],
            a["quote_id"], date_basis(a["said"], a["day"]), a["date_text"], a["speaker_role"], a["confidence"],
            a["cue_class"], a["speaker_local_id"], _fields(a["corrected"]), a["verdict"], a["speaker_resolution"],
            a["speaker_confidence"], a["speaker_name"], *_evidence(conn, a))
        for a in conn.execute(
            f"SELECT a.*, s.name AS merged_name, {_MENTION} FROM attributions a JOIN articles ar ON ar.id = a.article_id "
            "LEFT JOIN speakers s ON s.id = a.speaker_id WHERE a.article_id = ? ORDER BY a.seq", (row["id"],)))
    return ArticleView(row["id"], row["identity"], row["title"], row["url"], row["source"], row["published"],
                       row["origin"], row["text"], row["near_duplicate_of"], atts)


def errors(conn: sqlite3.Connection, reason: Optional[str] = None) -> list[ErrorRecord]:
    """Documents that could not be stored, oldest first."""
    sql = "SELECT document, reason, message, at FROM errors"
    params: list[Any] = []
    if reason:
        sql += " WHERE reason = ?"
        params.append(reason)
    return [ErrorRecord(*r) for r in conn.execute(sql + " ORDER BY id", params)]


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts over the whole store: articles, attributions, quotes, speakers, errors, and breakdowns."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    pairs = lambda sql: {str(k): v for k, v in conn.execute(sql)}  # noqa: E731
    first, last = conn.execute("SELECT min(published), max(published) FROM articles").fetchone()
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "near_duplicate_articles": one("SELECT count(*) FROM articles WHERE near_duplicate_of IS NOT NULL"),
        "attributions": one("SELECT count(*) FROM attributions"),
        "quotes": one("SELECT count(DISTINCT quote_id) FROM attributions"),
        "quotes_printed_more_than_once": one(
            "SELECT count(*) FROM (SELECT quote_id FROM attributions GROUP BY quote_id HAVING count(*) > 1)"),
        "speakers": pairs("SELECT type, count(*) FROM speakers GROUP BY type ORDER BY type"),
        "attributions_by_kind": pairs("SELECT kind, count(*) FROM attributions GROUP BY kind ORDER BY kind"),
        "attributions_by_source_type": pairs(
            "SELECT speaker_type, count(*) FROM attributions GROUP BY speaker_type ORDER BY speaker_type"),
        "outlets": pairs("SELECT coalesce(source, '(unknown)'), count(*) FROM articles GROUP BY source "
                         "ORDER BY count(*) DESC LIMIT 10"),
        "errors": pairs("SELECT reason, count(*) FROM errors GROUP BY reason ORDER BY reason"),
        "published_first": first,
        "published_last": last,
    }
