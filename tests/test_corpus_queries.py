"""saidwhat.Corpus queries: each filter, alone and together, including filters that match nothing."""

from __future__ import annotations

import pytest

import saidwhat
from corpus_factory import article, said
from saidwhat.store.queries import QueryError, fts_query


@pytest.fixture(scope="module")
def corpus():
    c = saidwhat.Corpus(":memory:")
    c.add(article([said("Mike Pompeo", "sanctions on the regime will tighten next month", role="Secretary of State"),
                   said("a senior official", "the sanctions review is nearly finished", type="unnamed",
                        kind="indirect")],
                  published="2019-04-08", source="Herald", url="https://herald.example/1"))
    c.add(article([said("Pompeo", "talks with the North remain possible", when="2019-04-20")],
                  published="2019-04-22", source="Gazette", url="https://gazette.example/1"))
    c.add(article([said("Laura Smith", "hospital budgets will grow this year", role="health minister"),
                   said("The Treasury", "sanctions cost the exchequer little", type="organization",
                        kind="mixed")],
                  published="2019-05-02", source="Herald", url="https://herald.example/2"))
    c.add(article([said("Mike Pompeo", "sanctions worked in the past and will work again")],
                  published="2018-11-30", source="Wire", url="https://wire.example/1"))
    yield c
    c.close()


def contents(found) -> set[str]:
    return {q.content for q in found}


@pytest.mark.parametrize("kwargs, expected", [
    ({"speaker": "Pompeo"}, {"sanctions on the regime will tighten next month", "talks with the North remain possible",
                             "sanctions worked in the past and will work again"}),
    ({"speaker": "Secretary of State Mike Pompeo", "about": "sanctions"},
     {"sanctions on the regime will tighten next month", "sanctions worked in the past and will work again"}),
    ({"speaker": "Pompeo", "about": "sanctions", "since": "2019-04-01", "until": "2019-04-30"},
     {"sanctions on the regime will tighten next month"}),
    ({"about": "sanctions", "source_type": "unnamed"}, {"the sanctions review is nearly finished"}),
    ({"about": "sanction*", "kind": "mixed"}, {"sanctions cost the exchequer little"}),
    ({"about": '"remain possible"'}, {"talks with the North remain possible"}),
    ({"about": '"possible remain"'}, set()),
    ({"since": "2019-04-20", "until": "2019-04-20"}, {"talks with the North remain possible"}),  # date said
    ({"until": "2019-04"}, {"sanctions on the regime will tighten next month", "the sanctions review is nearly finished",
                            "talks with the North remain possible", "sanctions worked in the past and will work again"}),
    ({"since": "2019-05"}, {"hospital budgets will grow this year", "sanctions cost the exchequer little"}),
    ({"outlet": "herald", "kind": "indirect"}, {"the sanctions review is nearly finished"}),
    ({"outlet": "Nobody Daily"}, set()),
    ({"speaker": "Smith"}, {"hospital budgets will grow this year"}),
    ({"speaker": "Adam Smith"}, set()),
    ({"speaker": "Treasury"}, {"sanctions cost the exchequer little"}),
    ({"speaker": "senior official"}, {"the sanctions review is nearly finished"}),
    ({"about": "budget"}, set()),  # whole words, not substrings
    ({"kind": "direct", "source_type": "organization"}, set()),
])
def test_corpus_quotes_filters(corpus, kwargs, expected):
    assert contents(corpus.quotes(**kwargs)) == expected


def test_corpus_quotes_newest_first_and_limit(corpus):
    found = corpus.quotes(speaker="Pompeo")
    assert [str(q.date) for q in found] == ["2019-04-20", "2019-04-08", "2018-11-30"]
    assert len(corpus.quotes(limit=2)) == 2


def test_corpus_quote_result_fields(corpus):
    [q] = corpus.quotes(speaker="Pompeo", since="2019-04-01", about="regime")
    assert (q.speaker, q.source_type, q.role, q.outlet, q.kind) == (
        "Mike Pompeo", "person", "Secretary of State", "Herald", "direct")
    assert q.to_dict()["outlets"] == ["Herald"]


@pytest.mark.parametrize("kwargs, message", [
    ({"kind": "shouted"}, "expected one of direct"),
    ({"source_type": "alien"}, "expected one of person"),
    ({"since": "last tuesday"}, "expected YYYY-MM-DD"),
    ({"about": "!!!"}, "no words"),
    ({"limit": 0}, "at least 1"),
])
def test_corpus_quotes_bad_values_raise(corpus, kwargs, message):
    with pytest.raises(QueryError, match=message):
        corpus.quotes(**kwargs)


@pytest.mark.parametrize("text, query", [
    ("sanctions Iran", '"sanctions" "Iran"'),
    ('"maximum pressure" Iran', '"maximum pressure" "Iran"'),
    ("sanction*", '"sanction"*'),
    ("NOT OR AND ( ) : ^", '"NOT" "OR" "AND"'),  # operators become plain words
])
def test_corpus_fts_query_is_safe(text, query):
    assert fts_query(text) == query


def test_corpus_speakers_ranked(corpus):
    found = corpus.speakers()
    assert [(s.name, s.quotes) for s in found] == [("Mike Pompeo", 3), ("Laura Smith", 1), ("The Treasury", 1)]
    assert corpus.speakers(type="organization")[0].name == "The Treasury"
    assert [s.name for s in corpus.speakers(name="Pompeo")] == ["Mike Pompeo"]


def test_corpus_show_article(corpus):
    view = corpus.article(1)
    assert view.outlet == "Herald" and len(view.attributions) == 2
    for a in view.attributions:
        (start, end), = a.content_spans
        assert view.text[start:end] == a.content
    assert corpus.article("https://gazette.example/1").id == 2
    assert corpus.article(999) is None


def test_corpus_stats(corpus):
    s = corpus.stats()
    assert (s["articles"], s["attributions"], s["quotes"]) == (4, 6, 6)
    assert s["speakers"] == {"organization": 1, "person": 2}
    assert s["attributions_by_source_type"] == {"organization": 1, "person": 4, "unnamed": 1}
    assert (s["published_first"], s["published_last"]) == ("2018-11-30", "2019-05-02")


@pytest.mark.parametrize("since, until, expected", [
    ("2019-04-01", "2019-04-30", "period : (m201904)"),
    ("2019-11", "2020-02", "period : (m201911 OR m201912 OR m202001 OR m202002)"),
    ("2015", "2019", "period : (y2015 OR y2016 OR y2017 OR y2018 OR y2019)"),
    ("2019-04-01", None, None),
    ("2019-05-01", "2019-04-01", None),
])
def test_corpus_period_terms(since, until, expected):
    from saidwhat.store.fts import period_query

    assert period_query(since, until) == expected


def test_corpus_fts_index_matches_its_source(corpus):
    corpus.conn.execute("INSERT INTO attributions_fts (attributions_fts) VALUES ('integrity-check')")


def test_corpus_full_name_query_leaves_out_an_ambiguous_surname():
    with saidwhat.Corpus(":memory:") as c:
        for n, name in enumerate(["Adam Smith", "Laura Smith", "Smith"]):
            c.add(article([said(name, f"remark {n} on the budget")], url=f"https://x.example/{n}"))
        assert contents(c.quotes(speaker="Adam Smith")) == {"remark 0 on the budget"}
        assert contents(c.quotes(speaker="Smith")) == {"remark 0 on the budget", "remark 1 on the budget",
                                                       "remark 2 on the budget"}
