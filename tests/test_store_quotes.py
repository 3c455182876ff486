"""One quote printed by many outlets is one quote with its occurrences; near-duplicate articles flagged."""

from __future__ import annotations

from datetime import date

import pytest

from corpus_factory import article, said
from saidwhat.store.corpus import Corpus
from saidwhat.store.identity import article_identity, normalise_url, quote_hash

WIRE = "We will not lift sanctions until the program is dismantled"
FILLER = ("The foreign ministers met in the capital for a second day of talks on trade, security and the "
          "future of the regional pact, with delegations from eleven countries attending the sessions. ")


@pytest.fixture
def corpus():
    with Corpus(":memory:") as c:
        yield c


def test_store_wire_quote_is_one_quote_with_occurrences(corpus):
    for n, (outlet, pub) in enumerate([("Herald", "2019-04-09"), ("Wire Service", "2019-04-08"),
                                       ("Gazette", "2019-04-10")]):
        corpus.add(article([said("Mike Pompeo", WIRE)], published=pub, source=outlet,
                           url=f"https://{outlet.lower().replace(' ', '')}.example/{n}",
                           filler=f"{outlet} report {n}. "))
    [q] = corpus.quotes(speaker="Pompeo")
    assert q.occurrences == 3
    assert q.outlets == ("Wire Service", "Herald", "Gazette")  # earliest first
    assert q.first_seen == date(2019, 4, 8) and q.outlet == "Wire Service"
    occ = corpus.occurrences(q.quote_id)
    assert [o.outlet for o in occ] == ["Wire Service", "Herald", "Gazette"]
    assert corpus.count("attributions") == 3 and corpus.count("quotes") == 1


@pytest.mark.parametrize("a, b, same", [
    (WIRE, WIRE.upper() + "!", True),  # case and punctuation do not matter
    ("“" + WIRE + "”", WIRE, True),  # nor quotation marks
    (WIRE, WIRE.replace("until", "before"), False),  # other words are another quote
])
def test_store_quote_identity_normalised(a, b, same):
    assert (quote_hash(a, "1") == quote_hash(b, "1")) is same


@pytest.mark.parametrize("content, s1, s2, same", [
    ("No comment.", "1", "2", False),  # a short quote by two speakers: two quotes
    ("No comment.", "1", "1", True),
    (WIRE, "1", "2", True),  # a long quote is the same quote whoever the engine credited
])
def test_store_short_quotes_need_the_same_speaker(content, s1, s2, same):
    assert (quote_hash(content, s1) == quote_hash(content, s2)) is same


def test_store_near_duplicate_articles_flagged(corpus):
    body = FILLER * 3
    first = corpus.add(article([said("Mike Pompeo", WIRE)], filler=body, url="https://a.example/1"))
    edited = corpus.add(article([said("Mike Pompeo", WIRE)], filler=body.replace("eleven", "twelve"),
                                url="https://b.example/1"))
    other = corpus.add(article([said("Mike Pompeo", WIRE)],
                               filler="A completely different story about harvests, rain and the price of "
                                      "grain in the northern provinces this autumn season, " * 2,
                               url="https://c.example/1"))
    assert corpus.article(edited).near_duplicate_of == first
    assert corpus.article(other).near_duplicate_of is None
    assert corpus.article(first).near_duplicate_of is None
    assert corpus.stats()["near_duplicate_articles"] == 1


def test_store_near_duplicates_across_reopen(tmp_path):
    path = tmp_path / "n.db"
    with Corpus(path) as c:
        first = c.add(article([said("A B", WIRE)], filler=FILLER * 3, url="https://a.example/1"))
    with Corpus(path) as c:
        second = c.add(article([said("A B", WIRE)], filler=FILLER * 3 + "Update.", url="https://b.example/1"))
        assert c.article(second).near_duplicate_of == first


@pytest.mark.parametrize("text, url, same_as", [
    ("Some text.", "HTTPS://Example.COM/a/#frag", "url:https://example.com/a"),
    ("Some text.", "https://example.com/a/", "url:https://example.com/a"),
    ("  Some   text. ", None, article_identity("Some text.")),
])
def test_store_article_identity(text, url, same_as):
    assert article_identity(text, url) == same_as


def test_store_identity_url_wins_over_text(corpus):
    assert corpus.add(article([said("A B", "first version of the story")], url="https://a.example/1"))
    assert corpus.add(article([said("A B", "corrected version of the story")], url="https://a.example/1/")) is None
    assert corpus.count("articles") == 1


def test_store_identity_text_when_no_url(corpus):
    e = article([said("A B", "the same words again and again")], url=None)
    assert corpus.add(e) is not None
    assert corpus.add(e) is None
    assert corpus.count("attributions") == 1


def test_store_normalise_url_keeps_query():
    assert normalise_url("https://x.example/a?id=2#top") == "https://x.example/a?id=2"
