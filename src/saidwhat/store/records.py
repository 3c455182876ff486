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


def _record(cls, **fields):
    # Bulk loads build millions of these: filling __dict__ directly skips the frozen dataclass's
    # per-field object.__setattr__ calls (several times faster); every field is given explicitly.
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj


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
                    mentions=tuple(_record(Mention, start=m["start"], end=m["end"], text=m["text"])
                                   for m in s.get("mentions", ())))
            for s in d.get("speakers", ()))
        attributions = []
        for a in d.get("attributions", ()):
            sp = a.get("speaker")
            ref = None if sp is None else _record(SpeakerRef, name=sp.get("name"), type=sp.get("type", "unknown"),
                                                  role=sp.get("role"), id=sp.get("id"),
                                                  resolution=sp.get("resolution"),
                                                  confidence=sp.get("confidence"))
            span = _span(a["content_span"])
            spans = a.get("content_spans")
            chain = a.get("source_chain")
            attributions.append(_record(
                Attribution, kind=a["kind"], content=a["content"], content_span=span,
                content_spans=tuple(_span(x) for x in spans) if spans else (span,),
                cue=a.get("cue"), cue_span=_span(a.get("cue_span")), speaker=ref,
                speaker_span=_span(a.get("speaker_span")), date=a.get("date"), date_text=a.get("date_text"),
                source_chain=tuple(SourceLink(x["name"], x["type"], x.get("cue"), _span(x.get("span")),
                                              x.get("relation") or "cites")
                                   for x in chain) if chain else (),
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
