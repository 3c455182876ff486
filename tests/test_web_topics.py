"""A speaker's top topics: words of what they said, not weekday names nor fragments of names."""

from __future__ import annotations

from corpus_factory import article, said

from saidwhat.store.corpus import Corpus
from saidwhat.web.data import top_topics


def test_web_topics_leave_out_calendar_words_and_names():
    quotes = ["On Wednesday Han and Lee agreed the harbour budget needs review",
              "Lee told me on Wednesday that the harbour budget is short",
              "Wednesday is when Han Joon signs the harbour budget"]
    with Corpus() as c:
        c.add(article([said("Mara Quill", q) for q in quotes]))
        sid = c.speakers()[0].id
        words = dict(top_topics(c.conn, sid))
    assert words.get("harbour") == 3 and words.get("budget") == 3
    assert not {"wednesday", "han", "lee", "joon"} & set(words)
