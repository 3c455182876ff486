"""Every sentence of PolNeAR dev, extracted on its own, gives spans that are ordered and slice.

The sentences are read from ``../shared`` when the test runs (never copied into the project); the
test is skipped when ``../shared`` is absent. Small edits to a sentence hide a span bug as often as
they show it, so what is tested is the invariant over every sentence, not one sentence. The cue
case that broke it ("His answer was: ..." gave the cue span (11, 10)) is tested with sentences
written here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import saidwhat
from saidwhat.batch import extract_many
from saidwhat.model import Extraction
from saidwhat.segment.paragraphs import split_paragraphs
from test_robustness_offsets import check_invariants

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "polnear" / "dev.jsonl"


def _sentences() -> list[str]:
    out = []
    with open(DEV, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            out.extend(text[s:e] for p in split_paragraphs(text) for s, e in p.sentences)
    return out


@pytest.mark.slow
@pytest.mark.skipif(not DEV.exists(), reason="../shared/eval/polnear/dev.jsonl is not here")
def test_robustness_every_dev_sentence_alone_gives_ordered_spans_that_slice():
    sentences = _sentences()
    assert len(sentences) > 1000
    results = list(extract_many(sentences, workers=2, budget=0))
    assert len(results) == len(sentences)
    for sentence, result in zip(sentences, results):
        assert isinstance(result, Extraction), result
        check_invariants(result, sentence)
        for a in result.attributions:
            if a.cue_span is not None:
                assert a.cue == sentence[a.cue_span[0]:a.cue_span[1]] != "", (sentence, a.cue_span)


@pytest.mark.parametrize("text, cue", [
    ("His answer was: “No way.”", "answer was"),
    ("Her statement was short: “We are leaving.”", "statement was"),
    ("Their response was simple: the plan stays.", "response was"),
    ("The mayor issued a statement: “We are leaving.”", "issued a statement"),
])
def test_robustness_intro_noun_before_its_verb_gives_an_ordered_cue(text, cue):
    result = saidwhat.extract(text)
    check_invariants(result, text)
    cues = [a.cue for a in result.attributions if a.cue_span is not None]
    assert all(a.cue_span[0] < a.cue_span[1] for a in result.attributions if a.cue_span)
    assert cue in cues
