"""--since/--until given as a year, a month or a day: inclusive at both ends, whole months and years."""

from __future__ import annotations

import pytest

import saidwhat
from corpus_factory import article, said

# One quote said on each of these days, every one with the word "tariffs" (for the full-text path).
DAYS = ("2018-12-31", "2019-01-01", "2019-03-31", "2019-04-01", "2019-04-30", "2019-05-01", "2019-12-31",
        "2020-01-01", "2020-02-29")


@pytest.fixture(scope="module")
def corpus():
    c = saidwhat.Corpus(":memory:")
    for i, day in enumerate(DAYS):
        c.add(article([said("Ines Varga", f"tariffs will change on day number {i} of the plan", when=day)],
                      published=day, url=f"https://dates.example/{i}"))
    yield c
    c.close()


@pytest.mark.parametrize("since, until, expected", [
    (None, "2019-04", ["2018-12-31", "2019-01-01", "2019-03-31", "2019-04-01", "2019-04-30"]),  # the whole month
    ("2019-04", None, ["2019-04-01", "2019-04-30", "2019-05-01", "2019-12-31", "2020-01-01", "2020-02-29"]),
    ("2019-04", "2019-04", ["2019-04-01", "2019-04-30"]),
    ("2019-04", "2019-05", ["2019-04-01", "2019-04-30", "2019-05-01"]),
    ("2019-02", "2019-02", []),  # a month with nothing in it
    ("2020-02", "2020-02", ["2020-02-29"]),  # a leap day ends its month
    (None, "2019", ["2018-12-31", "2019-01-01", "2019-03-31", "2019-04-01", "2019-04-30", "2019-05-01",
                    "2019-12-31"]),  # the whole year
    ("2019", "2019", ["2019-01-01", "2019-03-31", "2019-04-01", "2019-04-30", "2019-05-01", "2019-12-31"]),
    ("2020", None, ["2020-01-01", "2020-02-29"]),
    ("2021", None, []),
    ("2019-04-01", "2019-04-30", ["2019-04-01", "2019-04-30"]),  # days: both ends included
    ("2019-04-30", "2019-04-30", ["2019-04-30"]),
    ("2019-04-02", "2019-04-29", []),
    (None, "2018-12-31", ["2018-12-31"]),
    ("2019-12-31", "2020", ["2019-12-31", "2020-01-01", "2020-02-29"]),  # mixed precisions
    ("2019", "2019-04-01", ["2019-01-01", "2019-03-31", "2019-04-01"]),
    ("2019-05", "2019-04", []),  # an empty range, not an error
])
@pytest.mark.parametrize("about", [None, "tariffs"])
def test_corpus_dates_since_until_precision(corpus, since, until, expected, about):
    found = corpus.quotes(since=since, until=until, about=about, limit=None)
    assert sorted(q.date.isoformat() for q in found) == expected
