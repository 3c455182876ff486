"""Corrections made by people, and the log that keeps them.

A correction changes the stored record itself (so every page, search, filter and export shows the
corrected value) and adds a row to ``edits``: what, the old and the new value, when and by whom. A
record is named in the log by its article's identity and its content (``record_key``), not only by
row id, so when the article is extracted again (``saidwhat ingest --reextract``) :func:`reapply`
finds the new record and applies the correction again; a correction whose record is gone is marked
``orphaned`` and listed, never dropped. Merged speakers stay merged for articles stored later (merges and splits: :mod:`.speaker_edits`).

Every function here runs inside the caller's transaction.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict, dataclass
from datetime import date, datetime, timezone
from typing import Any, Iterable, Optional

from ..errors import SaidwhatError
from ..model import KINDS
from .names import organisation_key, parse_person

FIELDS = ("verdict", "speaker", "kind", "date")  # what one record's correction can change
VERDICTS = ("right", "wrong")
ACTIONS = FIELDS + ("merge", "split")
SPEAKER_TYPES = ("person", "organization")
MAX_EDITOR = 80


class EditError(SaidwhatError):
    """A correction that cannot be made as asked (unknown record or speaker, bad value)."""

    exit_code = 2


@dataclass(frozen=True)
class Edit:
    """One entry of the edit log."""

    id: int
    at: str
    editor: str
    action: str
    article_identity: Optional[str]
    record_key: Optional[str]
    attribution_id: Optional[int]
    speaker_id: Optional[int]
    other_speaker_id: Optional[int]
    old_value: Any
    new_value: Any
    status: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def record_key(start: Optional[int], end: Optional[int], content: str) -> str:
    """The name of a record inside its article: where its content is, and a digest of the content."""
    digest = hashlib.sha1(content.encode("utf-8")).hexdigest()[:16]
    return f"{start}-{end}-{digest}"


def _editor(editor: str) -> str:
    editor = " ".join((editor or "").split())
    if not editor:
        raise EditError("say who is editing: give a name (it goes into the edit log)")
    if len(editor) > MAX_EDITOR:
        raise EditError(f"the editor's name has {len(editor)} characters; at most {MAX_EDITOR}")
    return editor


def _log(conn: sqlite3.Connection, editor: str, action: str, old: Any, new: Any, *, identity=None, key=None,
         attribution_id=None, speaker_id=None, other_speaker_id=None) -> Edit:
    at = _now()
    cur = conn.execute(
        "INSERT INTO edits (at, editor, action, article_identity, record_key, attribution_id, speaker_id, "
        "other_speaker_id, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (at, editor, action, identity, key, attribution_id, speaker_id, other_speaker_id,
         json.dumps(old, ensure_ascii=False), json.dumps(new, ensure_ascii=False)))
    return Edit(cur.lastrowid, at, editor, action, identity, key, attribution_id, speaker_id, other_speaker_id,
                old, new, "applied")


# -- the search index follows the rows ---------------------------------------------------------------

def _unindex(conn: sqlite3.Connection, ids: list[int]) -> None:
    """Take rows out of the full-text index with the values it holds now (before they change)."""
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        conn.execute("INSERT INTO attributions_fts (attributions_fts, rowid, content, who, period) SELECT 'delete', "
                     f"id, content, who, period FROM attributions_fts_source WHERE id IN ({','.join('?' * len(part))})",
                     part)


def _index(conn: sqlite3.Connection, ids: list[int]) -> None:
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        conn.execute("INSERT INTO attributions_fts (rowid, content, who, period) SELECT id, content, who, period "
                     f"FROM attributions_fts_source WHERE id IN ({','.join('?' * len(part))})", part)


def _mark(conn: sqlite3.Connection, attribution_id: int, field: str) -> None:
    row = conn.execute("SELECT corrected FROM attributions WHERE id = ?", (attribution_id,)).fetchone()
    have = [f for f in (row[0] or "").split(",") if f]
    if field not in have:
        have.append(field)
    conn.execute("UPDATE attributions SET corrected = ? WHERE id = ?",
                 (",".join(f for f in FIELDS if f in have), attribution_id))


# -- one record ----------------------------------------------------------------------------------------

def _record(conn: sqlite3.Connection, attribution_id: int) -> sqlite3.Row:
    row = conn.execute(
        "SELECT a.*, ar.identity, s.name AS merged_name FROM attributions a JOIN articles ar ON ar.id = a.article_id "
        "LEFT JOIN speakers s ON s.id = a.speaker_id WHERE a.id = ?", (attribution_id,)).fetchone()
    if row is None:
        raise EditError(f"no attribution #{attribution_id} in this store")
    return row


def speaker_by_id(conn: sqlite3.Connection, speaker_id: int) -> sqlite3.Row:
    row = conn.execute("SELECT id, name, type FROM speakers WHERE id = ?", (speaker_id,)).fetchone()
    if row is None:
        raise EditError(f"no speaker #{speaker_id} in this store")
    return row


def final_speaker(conn: sqlite3.Connection, speaker_id: Optional[int]) -> Optional[int]:
    """The speaker a (possibly merged-away) speaker id stands for now."""
    seen = set()
    while speaker_id is not None and speaker_id not in seen:
        seen.add(speaker_id)
        row = conn.execute("SELECT kept FROM speaker_merges WHERE dropped = ?", (speaker_id,)).fetchone()
        if row is None:
            return speaker_id
        speaker_id = row[0]
    return speaker_id


def new_speaker(conn: sqlite3.Connection, name: str, type: str = "person") -> int:
    """A speaker by this exact name (and type) if the store has one, else a new one."""
    name = " ".join((name or "").split())
    if not name or len(name) > 200:
        raise EditError("a speaker's name must be 1 to 200 characters")
    if type not in SPEAKER_TYPES:
        raise EditError(f"speaker type {type!r}; expected one of {', '.join(SPEAKER_TYPES)}")
    row = conn.execute("SELECT id FROM speakers WHERE name = ? COLLATE NOCASE AND type = ? ORDER BY id LIMIT 1",
                       (name, type)).fetchone()
    if row is not None:
        return final_speaker(conn, row[0])
    surname = first = key = None
    if type == "person":
        person = parse_person(name)
        if person is not None:
            surname, first = person.surname, person.first
    else:
        key = organisation_key(name) or None
    cur = conn.execute("INSERT INTO speakers (name, type, surname, first, key, ambiguous) VALUES (?, ?, ?, ?, ?, 0)",
                       (name, type, surname, first, key))
    conn.execute("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)", (cur.lastrowid, name))
    return cur.lastrowid


def _check(field: str, value: Any) -> Any:
    if field == "verdict":
        if value in ("", None):
            return None
        if value not in VERDICTS:
            raise EditError(f"verdict {value!r}; expected right, wrong or empty (to clear)")
        return value
    if field == "kind":
        if value not in KINDS:
            raise EditError(f"kind {value!r}; expected one of {', '.join(KINDS)}")
        return value
    if field == "date":
        value = (value or "").strip()
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise EditError(f"date {value!r}; expected YYYY-MM-DD, or empty for 'no date of saying'") from None
        return value or None
    raise EditError(f"cannot correct {field!r}; one of {', '.join(FIELDS)}")


def _apply(conn: sqlite3.Connection, row: sqlite3.Row, field: str, value: Any) -> Any:
    """Set one field of one stored record; returns the old value (JSON-ready)."""
    aid = row["id"]
    if field == "verdict":
        conn.execute("UPDATE attributions SET verdict = ? WHERE id = ?", (value, aid))
        return row["verdict"]
    if field == "kind":
        conn.execute("UPDATE attributions SET kind = ? WHERE id = ?", (value, aid))
        _mark(conn, aid, "kind")
        return row["kind"]
    _unindex(conn, [aid])
    if field == "speaker":
        old = {"id": row["speaker_id"], "name": row["merged_name"] or row["speaker_name"], "role": row["speaker_role"]}
        target = speaker_by_id(conn, final_speaker(conn, int(value["id"])))
        # The role printed beside the old name was that person's, not the corrected speaker's.
        conn.execute("UPDATE attributions SET speaker_id = ?, speaker_type = ?, speaker_role = NULL WHERE id = ?",
                     (target["id"], target["type"], aid))
    else:  # date: the date it was said; none given falls back to the article's publication date
        old = {"said": row["said"], "day": row["day"]}
        published = conn.execute("SELECT published FROM articles WHERE id = ?", (row["article_id"],)).fetchone()[0]
        conn.execute("UPDATE attributions SET said = ?, day = ? WHERE id = ?", (value, value or published, aid))
    _index(conn, [aid])
    _mark(conn, aid, field)
    return old


def correct(conn: sqlite3.Connection, attribution_id: int, field: str, value: Any, editor: str) -> Edit:
    """Correct one field of one record and log it. ``speaker``: ``{"id": n}`` or ``{"name", "type"}``."""
    editor = _editor(editor)
    row = _record(conn, attribution_id)
    if field == "speaker":
        if not isinstance(value, dict) or not (value.get("id") or value.get("name")):
            raise EditError("a speaker correction needs an existing speaker's id or a new speaker's name")
        sid = int(value["id"]) if value.get("id") else new_speaker(conn, value["name"], value.get("type") or "person")
        sid = speaker_by_id(conn, final_speaker(conn, sid))["id"]
        value = {"id": sid, "name": speaker_by_id(conn, sid)["name"]}
    else:
        value = _check(field, value)
    old = _apply(conn, row, field, value)
    return _log(conn, editor, field, old, value, identity=row["identity"],
                key=record_key(row["content_start"], row["content_end"], row["content"]), attribution_id=attribution_id,
                speaker_id=value["id"] if field == "speaker" else None)


def _move(conn: sqlite3.Connection, ids: list[int], target: sqlite3.Row, mark: bool) -> None:
    _unindex(conn, ids)
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        conn.execute(f"UPDATE attributions SET speaker_id = ?, speaker_type = ? WHERE id IN ({','.join('?' * len(part))})",
                     [target["id"], target["type"]] + part)
    _index(conn, ids)
    if mark:
        for aid in ids:
            _mark(conn, aid, "speaker")


# -- the log ---------------------------------------------------------------------------------------------

def _edit(row: sqlite3.Row) -> Edit:
    return Edit(row["id"], row["at"], row["editor"], row["action"], row["article_identity"], row["record_key"],
                row["attribution_id"], row["speaker_id"], row["other_speaker_id"],
                json.loads(row["old_value"]) if row["old_value"] else None,
                json.loads(row["new_value"]) if row["new_value"] else None, row["status"])


def edits(conn: sqlite3.Connection, *, article_id: Optional[int] = None, attribution_id: Optional[int] = None,
          status: Optional[str] = None, limit: Optional[int] = None, newest_first: bool = True) -> list[Edit]:
    """The edit log, filtered by article, record or status."""
    clauses, params = [], []
    if article_id is not None:
        clauses.append("article_identity = (SELECT identity FROM articles WHERE id = ?)")
        params.append(article_id)
    if attribution_id is not None:
        clauses.append("attribution_id = ?")
        params.append(attribution_id)
    if status:
        clauses.append("status = ?")
        params.append(status)
    where = " AND ".join(clauses) or "1"
    order = "DESC" if newest_first else "ASC"
    return [_edit(r) for r in conn.execute(f"SELECT * FROM edits WHERE {where} ORDER BY id {order} LIMIT ?",
                                           params + [limit or -1])]


def _find(conn: sqlite3.Connection, article_id: int, key: str) -> Optional[sqlite3.Row]:
    """The record a key names in the article as stored now: same place and content, else same content."""
    start, end, digest = key.split("-", 2)
    rows = conn.execute("SELECT id, content_start, content_end, content FROM attributions WHERE article_id = ?",
                        (article_id,)).fetchall()
    same = [r for r in rows if hashlib.sha1(r["content"].encode("utf-8")).hexdigest()[:16] == digest]
    if not same:
        return None
    exact = [r for r in same if f"{r['content_start']}-{r['content_end']}" == f"{start}-{end}"]
    return _record(conn, (exact or same)[0]["id"])


def reapply(conn: sqlite3.Connection, article_ids: Iterable[int]) -> dict[str, int]:
    """Apply the log again to articles just (re)stored: merges first, then each record's corrections
    in the order they were made; a correction whose record is gone becomes ``orphaned``."""
    ids = [i for i in article_ids if i is not None]
    counts = {"applied": 0, "orphaned": 0}
    if not ids or conn.execute("SELECT NOT EXISTS (SELECT 1 FROM edits)").fetchone()[0]:
        return counts
    for dropped, kept in conn.execute("SELECT dropped, kept FROM speaker_merges").fetchall():
        target = speaker_by_id(conn, final_speaker(conn, kept))
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            moved = [r[0] for r in conn.execute(
                f"SELECT id FROM attributions WHERE speaker_id = ? AND article_id IN ({','.join('?' * len(part))})",
                [dropped] + part)]
            if moved:
                _move(conn, moved, target, mark=True)
                conn.execute(f"UPDATE article_speakers SET speaker_id = ? WHERE speaker_id = ? AND article_id IN "
                             f"({','.join('?' * len(part))})", [target["id"], dropped] + part)
    for article_id in ids:
        identity = conn.execute("SELECT identity FROM articles WHERE id = ?", (article_id,)).fetchone()
        if identity is None:
            continue
        for e in conn.execute("SELECT * FROM edits WHERE article_identity = ? AND record_key IS NOT NULL ORDER BY id",
                              (identity[0],)).fetchall():
            row = _find(conn, article_id, e["record_key"])
            if row is None:
                conn.execute("UPDATE edits SET status = 'orphaned', attribution_id = NULL WHERE id = ?", (e["id"],))
                counts["orphaned"] += 1
                continue
            new = json.loads(e["new_value"]) if e["new_value"] else None
            field = "speaker" if e["action"] == "split" else e["action"]
            _apply(conn, row, field, new)
            conn.execute("UPDATE edits SET status = 'applied', attribution_id = ? WHERE id = ?", (row["id"], e["id"]))
            counts["applied"] += 1
    return counts


LOG_COLUMNS = ("id", "at", "editor", "action", "status", "attribution_id", "article_identity", "record_key",
               "speaker_id", "other_speaker_id", "old_value", "new_value")


def log_cells(edit: Edit) -> list[Any]:
    """One log entry as table cells: structured values as JSON (for a CSV writer that guards cells)."""
    out = []
    for column in LOG_COLUMNS:
        value = getattr(edit, column)
        out.append(value if value is None or isinstance(value, (str, int, float)) else
                   json.dumps(value, ensure_ascii=False))
    return out


__all__ = ["LOG_COLUMNS", "log_cells", "Edit", "EditError", "FIELDS", "VERDICTS", "ACTIONS", "record_key", "correct",
           "new_speaker", "edits", "reapply", "final_speaker"]
