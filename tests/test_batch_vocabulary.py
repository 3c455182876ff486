"""A long batch keeps spaCy's vocabulary bounded: past the cap, each document's new words are forgotten.

Every test uses made-up words of its own, so what an earlier test taught the shared pipeline does
not hide what this one checks.
"""

from __future__ import annotations

import pytest

from saidwhat.batch import extract_many, extract_one
from saidwhat.parse import nlp as nlp_module


@pytest.fixture
def nlp():
    pipeline = nlp_module.load_pipeline()
    extract_one("“Warm-up,” he said.")
    return pipeline


@pytest.fixture
def forgetting(monkeypatch):
    """The cap already reached: every document's new words are dropped at its end."""
    monkeypatch.setattr(nlp_module, "VOCAB_LIMIT", 1)
    monkeypatch.setattr(nlp_module, "_forgetting", False)


@pytest.fixture
def keeping(monkeypatch):
    """The cap far off: new words stay, as they did before the cap existed."""
    monkeypatch.setattr(nlp_module, "VOCAB_LIMIT", 10**9)
    monkeypatch.setattr(nlp_module, "_forgetting", False)


def _lexemes(nlp) -> int:
    # len(vocab) counts every lexeme ever added; iterating gives the ones it still holds.
    return sum(1 for _ in nlp.vocab)


def _docs(words: list[str]) -> list[dict]:
    first, last, place, number = words
    return [
        {"id": "a", "text": f"Councillor {first} {last} said on Tuesday that the {place} tunnel "
                            f"\"will cost {number} kroner more than planned.\"", "published": "2021-03-02"},
        {"id": "b", "text": f"“We are not giving up on {place},” {last} told reporters. "
                            f"According to {first}, the vote was postponed."},
        {"id": "c", "text": f"The {place} committee met for {number} minutes."},  # no attribution
    ]


def test_batch_forgets_new_words_once_the_cap_is_reached(nlp, forgetting):
    words = ["Brivanthe", "Oskelundari", "Quarvikstad", "8413927"]
    strings, lexemes = len(nlp.vocab.strings), _lexemes(nlp)
    results = list(extract_many(_docs(words)))
    assert [r.article.id for r in results] == ["a", "b", "c"]
    assert any(r.attributions for r in results)
    assert (len(nlp.vocab.strings), _lexemes(nlp)) == (strings, lexemes)
    assert not any(w in nlp.vocab.strings for w in words)


def test_batch_keeps_new_words_below_the_cap(nlp, keeping):
    words = ["Zelmorath", "Vintrequist", "Oblaskavo", "5512093"]
    strings, lexemes = len(nlp.vocab.strings), _lexemes(nlp)
    list(extract_many(_docs(words)))
    assert len(nlp.vocab.strings) > strings and _lexemes(nlp) > lexemes
    assert all(w in nlp.vocab.strings for w in words)


def test_batch_switches_to_forgetting_when_the_vocabulary_reaches_the_cap(nlp, monkeypatch):
    monkeypatch.setattr(nlp_module, "_forgetting", False)
    monkeypatch.setattr(nlp_module, "VOCAB_LIMIT", len(nlp.vocab) + 3)
    first = ["Trembowicz", "Haldrenya", "Ustroveld", "7720418"]
    list(extract_many(_docs(first)[:1]))  # below the cap: kept, and the cap is now passed
    assert all(w in nlp.vocab.strings for w in first)
    later = ["Pellandrik", "Gosvarethi", "Nimbraskel", "3309871"]
    lexemes = _lexemes(nlp)
    list(extract_many(_docs(later)))
    assert not any(w in nlp.vocab.strings for w in later)
    assert _lexemes(nlp) == lexemes


@pytest.mark.parametrize("words", [
    ["Abrenquill", "Drostavik", "Xelmorund", "4410377"],
    ["Ilvantheo", "Corbusquay", "Frentholm", "9981023"],
])
def test_batch_same_output_after_forgetting(nlp, monkeypatch, words):
    # Forgetting first (the words are new to the vocabulary), then keeping, then forgetting again
    # (the words are now known for good): all three give the same records.
    monkeypatch.setattr(nlp_module, "VOCAB_LIMIT", 1)
    monkeypatch.setattr(nlp_module, "_forgetting", True)
    forgotten = [r.to_dict() for r in extract_many(_docs(words))]
    monkeypatch.setattr(nlp_module, "VOCAB_LIMIT", 10**9)
    monkeypatch.setattr(nlp_module, "_forgetting", False)
    kept = [r.to_dict() for r in extract_many(_docs(words))]
    monkeypatch.setattr(nlp_module, "_forgetting", True)
    known = [r.to_dict() for r in extract_many(_docs(words))]
    assert forgotten == kept == known
    assert any(d["attributions"] for d in kept)


def test_batch_inside_a_callers_memory_zone(nlp, forgetting):
    words = ["Koravanti", "Mestrubel", "Yanthorpe", "6604182"]
    expected = [r.to_dict() for r in extract_many(_docs(words))]
    with nlp.memory_zone():
        inside = [r.to_dict() for r in extract_many(_docs(words))]
    assert inside == expected


def test_batch_extract_of_one_text_is_bounded_too(nlp, forgetting):
    """``saidwhat.extract`` (the web paste page, a long-running server) forgets as a batch does."""
    import saidwhat

    words = ["Zenduvaric", "Plombastrel", "Krovnitsa", "5527103"]
    strings, lexemes = len(nlp.vocab.strings), _lexemes(nlp)
    for doc in _docs(words):
        saidwhat.extract(doc["text"], doc.get("published"))
    assert (len(nlp.vocab.strings), _lexemes(nlp)) == (strings, lexemes)
