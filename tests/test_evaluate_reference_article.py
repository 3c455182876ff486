"""The reference article stays solved: every attribution, speaker and date, and the traps.

It reads the shared gold file at ``../shared`` (as CI lays it out beside the clone); the article text
is not copied into the project.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import saidwhat
from saidwhat.evaluate.run import evaluate_attributions

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "seed"

pytestmark = pytest.mark.skipif(
    not SEED.exists() and not os.environ.get("CI"), reason="../shared/eval/seed is not laid out here")


def test_evaluate_reference_article_all_attributions_speakers_and_dates():
    report = evaluate_attributions(SEED / "gold.jsonl")
    m = report.metrics
    assert (m["gold"], m["predicted"], m["matched"]) == (13, 13, 13)
    assert m["end_to_end_f1"] == 1.0
    assert m["date_accuracy"] == 1.0


def test_evaluate_reference_article_traps_and_time_expressions():
    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    result = saidwhat.extract(text)
    assert result.article.published.isoformat() == gold["published"]
    contents = [text[s:e] for a in result.attributions for s, e in a.content_spans]
    for trap in gold["not_quotes"]:
        inner = trap["text"].strip("“”,")
        # A trap may sit inside a reported clause (mixed content), never stand as a quote of its own.
        assert not any(c.strip("“”,. ") == inner for c in contents), trap
    for expected in gold["time_expressions"]:
        start = text.index(expected["text"])
        end = start + len(expected["text"])
        found = [t for t in result.time_expressions if t.start < end and start < t.end]
        assert [t.value for t in found] == [expected["value"]], expected


def test_evaluate_reference_article_roles_and_source_chain():
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    result = saidwhat.extract(text)
    roles = {s.name: s.role for s in result.speakers}
    assert roles["Donald Trump"] == "US President"
    assert roles["Mike Pompeo"] == "US Secretary of State"
    chained = [a for a in result.attributions if a.source_chain]
    assert [a.speaker.name for a in chained] == ["Yomiuri Shimbun"]
    assert chained[0].source_chain[0].name == "officials from the US, South Korea and Japan"
    types = {a.speaker.name: a.speaker.type for a in result.attributions}
    assert types["Pundits"] == "unnamed" and types["media reports"] == "unnamed"
    assert types["Yomiuri Shimbun"] == "organization"
