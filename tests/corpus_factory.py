"""Extractions built by hand for store, query, merge and dedup tests (independent of the engine)."""

from __future__ import annotations

from datetime import date
from typing import Optional, Sequence

from saidwhat.model import Article, Attribution, Extraction, Mention, Speaker, SpeakerRef


def said(speaker: Optional[str], content: str, *, type: str = "person", role: Optional[str] = None,
         kind: str = "direct", when: Optional[str] = None) -> dict:
    """One attribution to put in an article: who (as printed), what, and how."""
    return {"speaker": speaker, "content": content, "type": type, "role": role, "kind": kind, "when": when}


def article(quotes: Sequence[dict], *, published: Optional[str] = "2019-04-08", url: Optional[str] = None,
            source: Optional[str] = None, title: Optional[str] = None, filler: str = "",
            doc_id: Optional[str] = None) -> Extraction:
    """An Extraction whose text holds each quote as ``NAME said: "CONTENT".`` with exact spans."""
    text = filler
    atts, speakers, local = [], [], {}
    for q in quotes:
        name = q["speaker"] or "someone"
        if text:
            text += " "
        s_start = len(text)
        text += name
        s_end = len(text)
        text += " said: \""
        c_start = len(text)
        text += q["content"]
        c_end = len(text)
        text += "\"."
        ref = None
        if q["speaker"] is not None:
            key = (q["speaker"], q["type"])
            if key not in local:
                local[key] = len(local)
                speakers.append([local[key], q["speaker"], q["type"], q["role"], []])
            sid = local[key]
            speakers[sid][4].append(Mention(s_start, s_end, name))
            ref = SpeakerRef(q["speaker"], q["type"], q["role"], sid)
        atts.append(Attribution(kind=q["kind"], content=q["content"], content_span=(c_start, c_end),
                                content_spans=((c_start, c_end),), cue="said",
                                cue_span=(s_end + 1, s_end + 5), speaker=ref,
                                speaker_span=(s_start, s_end) if ref else None, date=q["when"],
                                confidence=0.9))
    pub = date.fromisoformat(published) if published else None
    art = Article(text=text, id=doc_id, published=pub, title=title, url=url, source=source)
    spk = tuple(Speaker(i, n, t, (r,) if r else (), tuple(m)) for i, n, t, r, m in speakers)
    return Extraction(article=art, attributions=tuple(atts), speakers=spk)
