"""A stand-in attribution engine for interface tests: each curly-quoted passage is a direct quote.

Interface tests (CLI, batch, evaluation) check structure and plumbing, not the real engine's
answers, so they patch ``saidwhat.pipeline.extract_article`` with :func:`fake_extract_article`.
"""

from __future__ import annotations

import re

from saidwhat.model import Attribution, Extraction, Mention, Speaker, SpeakerRef, TimeExpression

QUOTE = re.compile(r"“([^”]*)”")
SPEAKER = "Ada Lovelace"


def fake_extract_article(article, beliefs=False, off=frozenset()):
    text = article.text
    attributions, mentions = [], []
    for m in QUOTE.finditer(text):
        attributions.append(Attribution(
            kind="direct", content=m.group(1), content_span=(m.start(1), m.end(1)),
            content_spans=((m.start(1), m.end(1)),), cue="said",
            speaker=SpeakerRef(SPEAKER, "person", "mathematician", 0),
            date=article.published.isoformat() if article.published else None, confidence=0.9))
    for m in re.finditer(r"Lovelace", text):
        mentions.append(Mention(m.start(), m.end(), m.group()))
    speakers = (Speaker(0, SPEAKER, "person", ("mathematician",), tuple(mentions)),) \
        if attributions else ()
    times = tuple(TimeExpression(m.start(), m.end(), m.group(), "DATE", "XXXX-WXX-1")
                  for m in re.finditer(r"Monday", text))
    return Extraction(article=article, attributions=tuple(attributions), speakers=speakers,
                      time_expressions=times)


def use_fake_engine(monkeypatch):
    import saidwhat.pipeline

    monkeypatch.setattr(saidwhat.pipeline, "extract_article", fake_extract_article)
