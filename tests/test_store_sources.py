"""Sources behind sources in the store: a syndicated copy shares its quotes with the original, the
outlet or channel a statement came through is kept and filtered on, and speakers from the engine
merge across articles (or stay apart) as the names say. Invented articles, extracted by the engine."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import saidwhat
from saidwhat.cli import main
from saidwhat.export import export
from saidwhat.store.corpus import Corpus

ORIGINAL = ("Senator Maria Lopez said on Tuesday that the harbour bill would pass before the summer recess.\n\n"
            "“We have the votes,” Lopez said.")
# The same story reprinted by a second paper, which says where it came from.
REPRINT = ("Senator Maria Lopez said on Tuesday that the harbour bill would pass before the summer recess, "
           "the Associated Press reported.\n\n“We have the votes,” Lopez said.")
CHANNEL = "Governor Tom Baker told CNN on Monday that the levy would be scrapped within a year."


def _extract(text: str, url: str, source: str, published: str = "2024-03-06"):
    return saidwhat.extract(text, published, url=url, source=source)


@pytest.fixture
def corpus():
    with Corpus(":memory:") as c:
        yield c


def test_store_sources_syndicated_copy_shares_its_quotes(corpus):
    corpus.add(_extract(ORIGINAL, "https://wire.example/a", "Wire"))
    corpus.add(_extract(REPRINT, "https://paper.example/b", "Paper"))
    assert corpus.count("attributions") == 4 and corpus.count("quotes") == 2
    found = corpus.quotes(speaker="Maria Lopez")
    assert sorted(q.content for q in found) == ["the harbour bill would pass before the summer recess",
                                                "“We have the votes,”"]
    assert all(q.occurrences == 2 and set(q.outlets) == {"Wire", "Paper"} for q in found)


def test_store_sources_via_filter_and_export(corpus, tmp_path):
    corpus.add(_extract(REPRINT, "https://paper.example/b", "Paper"))
    corpus.add(_extract(CHANNEL, "https://paper.example/c", "Paper"))
    [ap] = corpus.quotes(via="associated press")
    assert ap.speaker == "Maria Lopez" and ap.via == ("Associated Press",)
    [cnn] = corpus.quotes(via="CNN")
    assert cnn.speaker == "Tom Baker" and cnn.content == "the levy would be scrapped within a year"
    assert corpus.quotes(via="Reuters") == []
    out = tmp_path / "all.jsonl"
    export(corpus, "jsonl", out)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(r["via"] or "" for r in rows) == ["", "Associated Press", "CNN"]
    [link] = [x for r in rows for x in r["source_chain"] if x["relation"] == "channel"]
    assert (link["name"], link["cue"]) == ("CNN", "told")


def test_store_sources_cli_quotes_via(tmp_path):
    db = str(tmp_path / "s.db")
    with Corpus(db) as c:
        c.add(_extract(CHANNEL, "https://paper.example/c", "Paper"))
        c.add(_extract(ORIGINAL, "https://wire.example/a", "Wire"))
    result = CliRunner().invoke(main, ["quotes", "--db", db, "--via", "CNN", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    [row] = [json.loads(line) for line in result.output.splitlines()]
    assert row["speaker"] == "Tom Baker" and row["via"] == ["CNN"]


def _speaker_ids(corpus: Corpus) -> dict[str, set]:
    ids: dict[str, set] = {}
    for content, sid in corpus.conn.execute("SELECT content, speaker_id FROM attributions"):
        ids.setdefault(content, set()).add(sid)
    return ids


def test_store_sources_same_surname_in_one_article_stay_apart(corpus):
    text = ("Tom Moss and his wife Carla Moss spoke at the opening of the new library on Friday.\n\n"
            "Tom Moss said the building had cost far less than planned.\n\n"
            "Carla Moss said the reading room would open every evening.")
    corpus.add(_extract(text, "https://paper.example/moss", "Paper"))
    ids = _speaker_ids(corpus)
    tom = ids["the building had cost far less than planned"]
    carla = ids["the reading room would open every evening"]
    assert len(tom) == len(carla) == 1 and tom != carla and None not in tom | carla


def test_store_sources_one_person_across_two_articles(corpus):
    first = ("Carla Moss, the head of the library trust, said the reading room would open every evening.\n\n"
             "Moss said the trust had raised the money in a year.")
    second = "Ms Moss said on Monday that the library would also lend tools to residents."
    corpus.add(_extract(first, "https://paper.example/1", "Paper"))
    corpus.add(_extract(second, "https://other.example/2", "Other", "2024-03-11"))
    ids = set().union(*_speaker_ids(corpus).values())
    assert len(ids) == 1 and None not in ids
    [speaker] = corpus.speakers(name="Moss")
    assert speaker.name == "Carla Moss"


def test_store_sources_cluster_shards_keep_the_relation():
    import pyarrow as pa

    from saidwhat.cluster.schema import SCHEMA, extracted_row, extraction_dict

    ex = _extract(CHANNEL, "https://paper.example/c", "Paper")
    row = extracted_row(ex, "c.txt", CHANNEL)
    row.update(shard="s0", position=0)
    [back] = pa.Table.from_pylist([row], schema=SCHEMA).to_pylist()
    [a] = extraction_dict(back)["attributions"]
    assert a["source_chain"] == ex.to_dict()["attributions"][0]["source_chain"]
    assert a["source_chain"][0]["relation"] == "channel"
