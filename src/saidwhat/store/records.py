"""Extractions back from their JSON form, for loading results extracted elsewhere.

A pre-extracted record is ``Extraction.to_dict()`` with the article's fields beside it:
``{"text", "id"?, "published"?, "title"?, "url"?, "source"?, "attributions", "speakers",
"time_expressions"}``.
"""

from __future__ import annotations

from typing import Any, Optional

from ..errors import InputError
from ..model import (Article, Attribution, Extraction, Mention, SourceLink, Speaker, SpeakerRef,
                     TimeExpression)
from ..text.dateline import coerce_published


def _span(value: Any) -> Optional[tuple[int, int]]:
    return None if value is None else (int(value[0]), int(value[1]))


def extraction_from_dict(d: dict, document: Optional[str] = None) -> Extraction:
    """The :class:`Extraction` a pre-extracted record describes; InputError when it is malformed."""
    try:
        text = d["text"]
        if not isinstance(text, str):
            raise InputError(f"'text' is {type(text).__name__}; expected a string", document, "not-text")
        article = Article(text=text, id=d.get("id"), published=coerce_published(d.get("published"), document),
                          title=d.get("title"), url=d.get("url"), source=d.get("source"))
        speakers = tuple(
            Speaker(id=s["id"], name=s["name"], type=s.get("type", "unknown"),
                    roles=tuple(s.get("roles") or ([s["role"]] if s.get("role") else [])),
                    mentions=tuple(Mention(m["start"], m["end"], m["text"]) for m in s.get("mentions", ())))
            for s in d.get("speakers", ()))
        attributions = []
        for a in d.get("attributions", ()):
            sp = a.get("speaker")
            ref = None if sp is None else SpeakerRef(sp.get("name"), sp.get("type", "unknown"),
                                                      sp.get("role"), sp.get("id"))
            span = _span(a["content_span"])
            attributions.append(Attribution(
                kind=a["kind"], content=a["content"], content_span=span,
                content_spans=tuple(_span(s) for s in a.get("content_spans") or [span]),
                cue=a.get("cue"), cue_span=_span(a.get("cue_span")), speaker=ref,
                speaker_span=_span(a.get("speaker_span")), date=a.get("date"), date_text=a.get("date_text"),
                source_chain=tuple(SourceLink(s["name"], s["type"], s.get("cue"), _span(s.get("span")))
                                   for s in a.get("source_chain", ())),
                confidence=float(a.get("confidence", 0.5)), cue_class=a.get("cue_class", "speech")))
        times = tuple(TimeExpression(t["start"], t["end"], t["text"], t["type"], t.get("value"), t.get("mod"))
                      for t in d.get("time_expressions", ()))
    except InputError:
        raise
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise InputError(f"not a pre-extracted record ({type(exc).__name__}: {exc}); expected "
                         "Extraction.to_dict() with the article's 'text' beside it", document, "bad-record")
    return Extraction(article=article, attributions=tuple(attributions), speakers=speakers,
                      time_expressions=times)
