"""Corrections of speakers: merge two into one, or split records off one (a wrong merge undone).

Both are logged in ``edits`` like a record's correction; a split logs each record it moves, so it
survives re-extraction. Every function here runs inside the caller's transaction.
"""

from __future__ import annotations

import sqlite3
from typing import Optional, Sequence, Union

from .edits import (Edit, EditError, _apply, _editor, _log, _move, _record, final_speaker, new_speaker, record_key,
                    speaker_by_id)


def merge_speakers(conn: sqlite3.Connection, keep: int, drop: int, editor: str) -> Edit:
    """Fold speaker ``drop`` into ``keep``: its quotes, aliases and roles; later articles follow."""
    editor = _editor(editor)
    keep, drop = final_speaker(conn, keep), final_speaker(conn, drop)
    if keep == drop:
        raise EditError("these are already one speaker")
    kept, dropped = speaker_by_id(conn, keep), speaker_by_id(conn, drop)
    ids = [r[0] for r in conn.execute("SELECT id FROM attributions WHERE speaker_id = ?", (drop,))]
    _move(conn, ids, kept, mark=True)
    conn.execute("UPDATE article_speakers SET speaker_id = ? WHERE speaker_id = ?", (keep, drop))
    conn.execute("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) SELECT ?, alias FROM speaker_aliases "
                 "WHERE speaker_id = ?", (keep, drop))
    conn.execute("INSERT OR IGNORE INTO speaker_roles (speaker_id, role, first_seen, last_seen) SELECT ?, role, "
                 "first_seen, last_seen FROM speaker_roles WHERE speaker_id = ?", (keep, drop))
    edit = _log(conn, editor, "merge", {"id": drop, "name": dropped["name"], "quotes": len(ids)},
                {"id": keep, "name": kept["name"]}, speaker_id=keep, other_speaker_id=drop)
    conn.execute("INSERT OR REPLACE INTO speaker_merges (dropped, kept, edit_id) VALUES (?, ?, ?)", (drop, keep, edit.id))
    return edit


def _picked(conn: sqlite3.Connection, speaker_id: int, printed_as: Sequence[str],
            attribution_ids: Sequence[int]) -> list[int]:
    """The records of ``speaker_id`` printed with one of the names, or among the ids, in id order."""
    rows: dict[int, int] = {}
    for name in dict.fromkeys(n.strip() for n in printed_as if n and n.strip()):
        found = conn.execute("SELECT id, 1 FROM attributions WHERE speaker_id = ? AND speaker_name = ? COLLATE NOCASE",
                             (speaker_id, name)).fetchall()
        if not found:
            raise EditError(f"speaker #{speaker_id} has no quotes printed as {name!r}")
        rows.update(found)
    ids = sorted({int(i) for i in attribution_ids})
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        found = {r[0] for r in conn.execute(
            f"SELECT id FROM attributions WHERE speaker_id = ? AND id IN ({','.join('?' * len(part))})", [speaker_id] + part)}
        stray = [x for x in part if x not in found]
        if stray:
            raise EditError(f"record(s) {', '.join(f'#{x}' for x in stray[:5])} are not quotes of speaker #{speaker_id}; "
                            "reload the speaker's page")
        rows.update((x, 1) for x in found)
    return sorted(rows)


def split_speaker(conn: sqlite3.Connection, speaker_id: int, printed_as: Union[str, Sequence[str]], new_name: str,
                  editor: str, type: Optional[str] = None, attribution_ids: Sequence[int] = ()) -> list[Edit]:
    """Move some quotes of a speaker to the speaker ``new_name`` (made if new): those printed as one of
    the names in ``printed_as`` and those whose record ids are in ``attribution_ids``.

    The way to undo a wrong merge: "Lee" (one person) and "Lee" (another) stored as one speaker are told
    apart record by record. Each moved record gets its own log entry, so the split survives re-extraction.
    """
    editor = _editor(editor)
    names = [printed_as] if isinstance(printed_as, str) else list(printed_as)
    source = speaker_by_id(conn, speaker_id)
    if not " ".join((new_name or "").split()):
        raise EditError("name the speaker the quotes go to")
    ids = _picked(conn, speaker_id, names, attribution_ids)
    if not ids:
        raise EditError("pick the quotes to split off: a name as printed, or records one by one")
    type = type or source["type"]
    folded = conn.execute("SELECT m.dropped FROM speaker_merges m JOIN speakers s ON s.id = m.dropped "
                          "WHERE s.name = ? COLLATE NOCASE AND s.type = ?", (" ".join(new_name.split()), type)).fetchone()
    if folded is not None and final_speaker(conn, folded[0]) == speaker_id:
        # Undoing a merge: the speaker folded in comes back (and stops catching later articles' rows).
        target = folded[0]
        conn.execute("DELETE FROM speaker_merges WHERE dropped = ?", (target,))
    else:
        target = new_speaker(conn, new_name, type)
    if target == speaker_id:
        raise EditError("the new speaker is the one being split; give another name")
    out, printed = [], set()
    for aid in ids:
        row = _record(conn, aid)
        if row["speaker_name"]:
            printed.add(row["speaker_name"].strip())
        old = _apply(conn, row, "speaker", {"id": target})
        out.append(_log(conn, editor, "split", old, {"id": target, "name": speaker_by_id(conn, target)["name"]},
                        identity=row["identity"], key=record_key(row["content_start"], row["content_end"], row["content"]),
                        attribution_id=aid, speaker_id=target, other_speaker_id=speaker_id))
    for name in sorted(printed):
        # A name form goes with the quotes when none printed so is left behind.
        conn.execute("DELETE FROM speaker_aliases WHERE speaker_id = ? AND alias = ? COLLATE NOCASE AND NOT EXISTS "
                     "(SELECT 1 FROM attributions WHERE speaker_id = ? AND speaker_name = ? COLLATE NOCASE)",
                     (speaker_id, name, speaker_id, name))
        conn.execute("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)", (target, name))
    return out


__all__ = ["merge_speakers", "split_speaker"]
