"""Corrections: each changes the stored record, is logged, and survives extracting the article again."""

from __future__ import annotations

import pytest
from corpus_factory import article, said

from saidwhat.store.corpus import Corpus
from saidwhat.store.edits import EditError


def story(harbour_speaker="Nadia Brook", extra=()):
    return article([said(harbour_speaker, "the harbour tunnel opens in spring", when="2021-03-02"),
                    said("Tom Reyes", "the ferries will keep running all winter"), *extra],
                   published="2021-03-04", source="Coast Post", url="https://coast.example/tunnel")


@pytest.fixture
def corpus():
    with Corpus() as c:
        c.add(story())
        c.add(article([said("Kit Harlow", "the charity will open two more clinics")], source="Wire",
                      url="https://wire.example/clinics"))
        c.add(article([said("Kathryn Harlow-Reed", "the clinics need volunteers")], source="Wire", url="https://wire.example/v"))
        yield c


def record(c, words):
    [q] = c.quotes(about=words)
    return q


def speaker(c, name):
    return next(s for s in c.speakers(limit=None) if s.name == name)


def test_store_edits_speaker_fix_changes_search_and_is_logged(corpus):
    q = record(corpus, "harbour")
    edit = corpus.correct(q.attribution_id, "speaker", {"name": "Tom Reyes"}, "Ana")
    assert (edit.action, edit.old_value["name"], edit.new_value["name"], edit.editor) == (
        "speaker", "Nadia Brook", "Tom Reyes", "Ana")
    after = record(corpus, "harbour")
    assert (after.speaker, after.corrected) == ("Tom Reyes", ("speaker",))
    # The full-text index follows: the quote is found under its new speaker, not its old one.
    assert [x.content for x in corpus.quotes(speaker="Tom Reyes", about="harbour")] == [q.content]
    assert corpus.quotes(speaker="Nadia Brook", about="harbour") == []


def test_store_edits_new_speaker_kind_date_and_verdict(corpus):
    q = record(corpus, "ferries")
    corpus.correct(q.attribution_id, "speaker", {"name": "Mayor Ines Duarte", "type": "person"}, "Ana")
    corpus.correct(q.attribution_id, "kind", "indirect", "Ana")
    corpus.correct(q.attribution_id, "date", "2021-03-01", "Ana")
    corpus.correct(q.attribution_id, "verdict", "right", "Ana")
    after = record(corpus, "ferries")
    assert (after.speaker, after.kind, str(after.date), after.date_basis, after.verdict) == (
        "Mayor Ines Duarte", "indirect", "2021-03-01", "said", "right")
    assert after.corrected == ("speaker", "kind", "date")
    assert [x.content for x in corpus.quotes(since="2021-03-01", until="2021-03-01")] == [q.content]
    assert [e.action for e in corpus.edits()] == ["verdict", "date", "kind", "speaker"]


@pytest.mark.parametrize("field, value, message", [
    ("kind", "quoted", "expected one of"), ("date", "2021-13-01", "YYYY-MM-DD"), ("verdict", "maybe", "right, wrong"),
    ("speaker", {"id": 999}, "no speaker #999"), ("colour", "red", "cannot correct"),
])
def test_store_edits_refuse_bad_values(corpus, field, value, message):
    q = record(corpus, "ferries")
    with pytest.raises(EditError, match=message):
        corpus.correct(q.attribution_id, field, value, "Ana")
    assert corpus.edits() == [] and record(corpus, "ferries") == q


def test_store_edits_need_an_editor(corpus):
    with pytest.raises(EditError, match="who is editing"):
        corpus.correct(record(corpus, "ferries").attribution_id, "verdict", "right", "  ")


def test_store_edits_merge_and_split_speakers(corpus):
    keep, drop = speaker(corpus, "Kit Harlow"), speaker(corpus, "Kathryn Harlow-Reed")
    corpus.merge_speakers(keep.id, drop.id, "Ana")
    assert {q.content for q in corpus.quotes(speaker=f"#{keep.id}")} == {
        "the charity will open two more clinics", "the clinics need volunteers"}
    assert "Kathryn Harlow-Reed" in speaker(corpus, "Kit Harlow").aliases
    # A later article naming the folded speaker lands on the kept one.
    corpus.add(article([said("Kathryn Harlow-Reed", "volunteers can sign up online")], source="Wire", url="https://wire.example/w"))
    assert record(corpus, "online").speaker_id == keep.id
    # Split the wrong merge back out by the name as printed.
    moved = corpus.split_speaker(keep.id, "Kathryn Harlow-Reed", "Kathryn Reed", "Ana")
    assert len(moved) == 2
    assert {q.content for q in corpus.quotes(speaker="Kathryn Reed")} == {
        "the clinics need volunteers", "volunteers can sign up online"}


def test_store_edits_survive_reextraction(corpus):
    q = record(corpus, "harbour")
    corpus.correct(q.attribution_id, "speaker", {"name": "Tom Reyes"}, "Ana")
    corpus.correct(record(corpus, "ferries").attribution_id, "kind", "mixed", "Ana")
    # The same article extracted again, with one more record; its rows are replaced.
    corpus.write_batch([(story(extra=[said("Lia Moor", "tolls stay the same")]), "again")], replace=True)
    assert corpus.count("articles") == 3
    again = record(corpus, "harbour")
    assert again.attribution_id != q.attribution_id
    assert (again.speaker, again.corrected) == ("Tom Reyes", ("speaker",))
    assert record(corpus, "ferries").kind == "mixed"
    assert {e.status for e in corpus.edits()} == {"applied"}
    assert {e.attribution_id for e in corpus.edits()} == {again.attribution_id, record(corpus, "ferries").attribution_id}


def test_store_edits_orphaned_when_the_record_is_gone(corpus):
    corpus.correct(record(corpus, "ferries").attribution_id, "verdict", "wrong", "Ana")
    shorter = article([said("Nadia Brook", "the harbour tunnel opens in spring", when="2021-03-02")],
                      published="2021-03-04", source="Coast Post", url="https://coast.example/tunnel")
    corpus.write_batch([(shorter, None)], replace=True)
    [e] = corpus.edits()
    assert (e.status, e.attribution_id) == ("orphaned", None)
    assert corpus.edits(status="orphaned") == [e]


def test_store_edits_a_version_1_store_is_upgraded(tmp_path):
    import sqlite3

    from saidwhat.store.connection import connect
    from saidwhat.store.schema import MIGRATIONS

    path = tmp_path / "v1.db"
    raw = sqlite3.connect(path)
    raw.executescript(f"BEGIN;\n{MIGRATIONS[0]}\nPRAGMA user_version = 1;\nCOMMIT;")
    raw.close()
    conn = connect(path)
    columns = {r[1] for r in conn.execute("PRAGMA table_info(attributions)")}
    assert {"corrected", "verdict", "speaker_resolution"} <= columns
    assert conn.execute("SELECT count(*) FROM edits").fetchone()[0] == 0
    conn.close()


def test_store_edits_split_picks_records_and_name_forms(corpus):
    """A wrong merge is split record by record, or by several name forms at once."""
    keep, drop = speaker(corpus, "Kit Harlow"), speaker(corpus, "Kathryn Harlow-Reed")
    corpus.add(article([said("Kit Harlow", "the clinics will hire nurses")], source="Wire", url="https://wire.example/n"))
    corpus.merge_speakers(keep.id, drop.id, "Ana")
    nurses, clinics = record(corpus, "nurses"), record(corpus, "volunteers")
    # One record picked by id: only it moves, the name form stays with the others printed so.
    moved = corpus.split_speaker(keep.id, (), "Kit Harlowe", "Ana", attribution_ids=[nurses.attribution_id])
    assert [e.attribution_id for e in moved] == [nurses.attribution_id]
    assert record(corpus, "nurses").speaker == "Kit Harlowe" and record(corpus, "charity").speaker_id == keep.id
    assert "Kit Harlow" in speaker(corpus, "Kit Harlow").aliases
    # Two name forms at once (any case), plus a record already covered by one of them: each moves once.
    moved = corpus.split_speaker(keep.id, ["kit harlow", "Kathryn Harlow-Reed"], "Kathryn Reed", "Ana",
                                 attribution_ids=[clinics.attribution_id])
    assert sorted(e.attribution_id for e in moved) == sorted(
        [record(corpus, "charity").attribution_id, clinics.attribution_id])
    assert {q.content for q in corpus.quotes(speaker="Kathryn Reed")} >= {"the clinics need volunteers"}
    assert [e.action for e in corpus.edits()][:3] == ["split", "split", "split"]


@pytest.mark.parametrize("names, ids, message", [
    ((), (), "pick the quotes"),
    (["Nobody Here"], (), "no quotes printed as 'Nobody Here'"),
    ((), [999_999], "not quotes of speaker"),
])
def test_store_edits_split_refuses_an_empty_or_stray_pick(corpus, names, ids, message):
    keep = speaker(corpus, "Kit Harlow")
    with pytest.raises(EditError, match=message):
        corpus.split_speaker(keep.id, names, "Someone Else", "Ana", attribution_ids=ids)
    assert not corpus.edits()
