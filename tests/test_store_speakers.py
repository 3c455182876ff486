"""Speakers across articles: one person however printed; people sharing a surname kept apart."""

from __future__ import annotations

import pytest

from corpus_factory import article, said
from saidwhat.store.corpus import Corpus
from saidwhat.store.names import parse_person


@pytest.fixture
def corpus():
    with Corpus(":memory:") as c:
        yield c


def _ids(corpus: Corpus, names: list[tuple[str, str | None]]) -> list[int]:
    """Store each (name, role) in its own article; the store speaker id each one got."""
    out = []
    for n, (name, role) in enumerate(names):
        corpus.add(article([said(name, f"statement number {n} about the budget talks", role=role)], url=f"https://x.example/{n}"))
        row = corpus.conn.execute("SELECT speaker_id FROM attributions ORDER BY id DESC LIMIT 1").fetchone()
        out.append(row[0])
    return out


@pytest.mark.parametrize("name, display, surname, first, title", [
    ("Secretary of State Mike Pompeo", "Mike Pompeo", "pompeo", "mike", "Secretary of State"),
    ("Mike Pompeo", "Mike Pompeo", "pompeo", "mike", None),
    ("Pompeo", "Pompeo", "pompeo", None, None),
    ("President Donald J. Trump", "Donald J. Trump", "trump", "donald", "President"),
    ("Donald Trump Jr.", "Donald Trump Jr.", "trump jr", "donald", None),
    ("Ursula von der Leyen", "Ursula von der Leyen", "von der leyen", "ursula", None),
    ("Senator Lisa Ruiz-Carter", "Lisa Ruiz-Carter", "ruiz-carter", "lisa", "Senator"),
    ("Acting U.S. Attorney for the District of Vermont Carla Moss", "Carla Moss", "moss", "carla",
     "Acting U.S. Attorney for the District of Vermont"),
    ("Sen. Élise Durand", "Élise Durand", "durand", "elise", "Sen."),
])
def test_store_parse_person_parts(name, display, surname, first, title):
    p = parse_person(name)
    assert (p.display, p.surname, p.first, p.title) == (display, surname, first, title)


@pytest.mark.parametrize("names, groups", [
    # the same person, named three ways, in any order
    ([("Pompeo", None), ("Mike Pompeo", None), ("Secretary of State Mike Pompeo", None)], [0, 0, 0]),
    ([("Secretary of State Mike Pompeo", None), ("Pompeo", None), ("Mike Pompeo", None)], [0, 0, 0]),
    ([("Mike Pompeo", None), ("Michael Pompeo", None), ("M. Pompeo", None)], [0, 0, 0]),
    # two people sharing a surname, told apart by first name
    ([("Adam Smith", None), ("Laura Smith", None)], [0, 1]),
    # a bare surname shared by two known people and nothing else: not merged into either
    ([("Adam Smith", None), ("Laura Smith", None), ("Smith", None)], [0, 1, 2]),
    # ... but a role that only one of them holds is support enough
    ([("Adam Smith", "Treasury spokesman"), ("Laura Smith", "health minister"),
      ("Smith", "spokesman for the Treasury")], [0, 1, 0]),
    # different surnames never merge
    ([("Mike Pompeo", None), ("Mike Pence", None)], [0, 1]),
    # one person across articles however printed; a spouse sharing the surname stays apart
    ([("Carla Moss", None), ("Moss", None), ("Ms Moss", None)], [0, 0, 0]),
    ([("Ms Moss", None), ("Carla Moss", None), ("Moss", None)], [0, 0, 0]),
    ([("Donald Trump", None), ("Melania Trump", None), ("Trump", None)], [0, 1, 2]),
    ([("Tom Moss", None), ("Ms Moss", None)], [0, 1]),
    ([("Ann Hart-Davis", None), ("Davis", None), ("Hart-Davis", None)], [0, 1, 0]),
    # a generational suffix is a different person
    ([("Donald Trump", None), ("Donald Trump Jr.", None)], [0, 1]),
])
def test_store_speaker_merging(corpus, names, groups):
    ids = _ids(corpus, names)
    # same group <=> same store id
    for i in range(len(ids)):
        for j in range(len(ids)):
            assert (ids[i] == ids[j]) == (groups[i] == groups[j]), (names[i], names[j])


def test_store_pair_of_people_is_no_one_speaker(corpus):
    # "the couple" resolved to "Ann Reed and Tom Baker" is neither of them, nor a person "Tom Baker"
    # whose given name is "Ann Reed and".
    assert parse_person("Ann Reed and Tom Baker") is None
    ids = _ids(corpus, [("Baker", None), ("Ann Reed and Tom Baker", None), ("Tom Baker", None)])
    assert ids[1] is None and ids[0] == ids[2]
    assert [s.name for s in corpus.speakers()] == ["Tom Baker"]


def test_store_speaker_roles_over_time(corpus):
    corpus.add(article([said("Mike Pompeo", "the agency will keep watching closely", role="CIA director")],
                       published="2017-05-02", url="https://x.example/a"))
    corpus.add(article([said("Pompeo", "our diplomats will keep talking", role="Secretary of State")],
                       published="2019-04-08", url="https://x.example/b"))
    corpus.add(article([said("Secretary of State Mike Pompeo", "the door remains open to talks")],
                       published="2019-06-01", url="https://x.example/c"))
    [s] = corpus.speakers()
    assert s.name == "Mike Pompeo" and s.quotes == 3 and s.articles == 3
    assert (str(s.first_date), str(s.last_date)) == ("2017-05-02", "2019-06-01")
    roles = {r.role: (str(r.first_seen), str(r.last_seen)) for r in s.roles}
    assert roles == {"CIA director": ("2017-05-02", "2017-05-02"),
                     "Secretary of State": ("2019-04-08", "2019-06-01")}
    assert [r.role for r in s.roles] == ["CIA director", "Secretary of State"]


@pytest.mark.parametrize("name, type", [("a senior official", "unnamed"), ("officials", "unnamed"),
                                        ("someone", "unknown")])
def test_store_unnamed_sources_are_not_merged(corpus, name, type):
    corpus.add(article([said(name, "the talks are stalled for now", type=type)], url="https://x.example/1"))
    corpus.add(article([said(name, "the deal is close to done", type=type)], url="https://x.example/2"))
    assert corpus.count("speakers") == 0
    assert {q.speaker for q in corpus.quotes(source_type=type)} == {name}


def test_store_organisations_merge_by_name(corpus):
    corpus.add(article([said("The Pentagon", "no troops will move this month", type="organization")],
                       url="https://x.example/1"))
    corpus.add(article([said("Pentagon", "the review is finished now", type="organization")],
                       url="https://x.example/2"))
    [s] = corpus.speakers()
    assert (s.type, s.quotes) == ("organization", 2)


def test_store_speakers_survive_reopen(tmp_path):
    path = tmp_path / "s.db"
    with Corpus(path) as c:
        c.add(article([said("Mike Pompeo", "sanctions will stay in place for now")], url="https://x.example/1"))
    with Corpus(path) as c:
        c.add(article([said("Pompeo", "the pressure campaign will continue")], url="https://x.example/2"))
        assert len(c.speakers()) == 1 and c.speakers()[0].quotes == 2
