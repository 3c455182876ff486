"""An article ready to write: its rows built ahead of the write, from an Extraction or a JSON record.

Everything about an article that does not depend on what is already stored (identity, text hash,
MinHash signature and LSH band keys, attribution rows, quote keys) is computed here, so it can run in
another process than the one writing; ``StoreWriter`` adds only what needs the store: article and
speaker ids, near-duplicate look-ups, and the quote ids of quotes too short to stand without their
speaker. Pre-extracted JSON records go straight to rows, without building model objects first.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, NamedTuple, Optional

from ..errors import InputError
from ..model import Extraction
from ..text.dateline import coerce_published
from .identity import article_identity, quote_id_or_key, text_hash
from .near_duplicates import band_keys, signature, signature_of_folded


class PreparedArticle(NamedTuple):
    """One article's rows, before the store gives it ids (a plain tuple: cheap to build and pickle).

    ``speakers``: ``(local id, name, type, roles, roles as JSON, mentions)`` with mentions ``(start, end,
    text)``.
    ``attributions``: :data:`ATTRIBUTION_FIELDS` tuples. ``times``: ``(start, end, text, type, value,
    mod)``.
    """

    identity: str
    doc_id: Optional[str]
    url: Optional[str]
    title: Optional[str]
    source: Optional[str]
    published: Optional[str]  # ISO date
    text: str
    text_hash: str
    minhash: Optional[bytes]
    bands: Optional[tuple]
    speakers: tuple
    attributions: tuple
    times: tuple


# What each prepared attribution holds, in order. ``quote`` is the quote id when the quote stands
# alone, else its word key (the id then needs the resolved speaker: see ``identity.quote_id_of_key``).
ATTRIBUTION_FIELDS = ("kind", "content", "content_start", "content_end", "content_spans", "cue", "cue_start",
                      "cue_end", "cue_class", "speaker_local_id", "speaker_name", "speaker_type",
                      "speaker_role", "speaker_start", "speaker_end", "said", "date_text", "day",
                      "source_chain", "confidence", "has_speaker", "role_given", "quote", "quote_is_id",
                      "speaker_resolution", "speaker_confidence")


def _spans_json(spans) -> str:
    if len(spans) == 1:
        return f"[[{spans[0][0]}, {spans[0][1]}]]"
    return "[" + ", ".join(f"[{s}, {e}]" for s, e in spans) + "]"


def _roles_json(roles) -> str:
    return json.dumps(list(roles)) if roles else "[]"


def _text_keys(text: str) -> tuple[str, Optional[bytes], Optional[tuple]]:
    """The text's hash, MinHash signature and LSH band keys (None, None when too short)."""
    if text.isascii():
        # One whitespace-collapsed copy serves both: ASCII needs no NFKC, and lower() is casefold().
        collapsed = " ".join(text.split()).encode("ascii")
        digest, values = hashlib.sha1(collapsed).hexdigest(), signature_of_folded(collapsed.lower())
    else:
        digest, values = text_hash(text), signature(text)
    if values is None:
        return digest, None, None
    return digest, values.tobytes(), band_keys(values)


def prepare_extraction(extraction: Extraction, identity: Optional[str] = None) -> PreparedArticle:
    """The rows of an :class:`Extraction` (from the engine, or rebuilt from JSON)."""
    art = extraction.article
    published = art.published.isoformat() if art.published else None
    digest, minhash, bands = _text_keys(art.text)
    local_role = {}
    speakers = []
    for sp in extraction.speakers:
        local_role[sp.id] = sp.role
        speakers.append((sp.id, sp.name, sp.type, tuple(sp.roles), _roles_json(sp.roles),
                         tuple((m.start, m.end, m.text) for m in sp.mentions)))
    rows = []
    for a in extraction.attributions:
        ref = a.speaker
        quote, is_id = quote_id_or_key(a.content)
        rows.append((
            a.kind, a.content, a.content_span[0], a.content_span[1], _spans_json(a.content_spans), a.cue,
            a.cue_span[0] if a.cue_span else None, a.cue_span[1] if a.cue_span else None, a.cue_class,
            ref.id if ref else None, ref.name if ref else None, ref.type if ref else "unknown",
            (ref.role or local_role.get(ref.id)) if ref else None,
            a.speaker_span[0] if a.speaker_span else None, a.speaker_span[1] if a.speaker_span else None,
            a.date, a.date_text, a.date or published,
            json.dumps([link.to_dict() for link in a.source_chain]) if a.source_chain else "[]",
            a.confidence, ref is not None, ref.role if ref else None, quote, is_id,
            getattr(ref, "resolution", None), getattr(ref, "confidence", None)))
    times = tuple((t.start, t.end, t.text, t.type, t.value, t.mod) for t in extraction.time_expressions)
    return PreparedArticle(identity or article_identity(art.text, art.url), art.id, art.url, art.title,
                           art.source, published, art.text, digest, minhash, bands,
                           tuple(speakers), tuple(rows), times)


def _span(value: Any) -> Optional[tuple[int, int]]:
    return None if value is None else (int(value[0]), int(value[1]))


def _chain_json(chain: list) -> str:
    return json.dumps([{"name": x["name"], "type": x["type"], "cue": x.get("cue"),
                        "span": None if x.get("span") is None else list(_span(x["span"])),
                        "relation": x.get("relation") or "cites"} for x in chain])


def prepare_record(d: dict, document: Optional[str] = None) -> PreparedArticle:
    """The rows of a pre-extracted record (``Extraction.to_dict()`` with the article's fields beside it),
    checked exactly as :func:`saidwhat.store.records.extraction_from_dict` checks it; InputError when
    it is malformed."""
    try:
        text = d["text"]
        if not isinstance(text, str):
            raise InputError(f"'text' is {type(text).__name__}; expected a string", document, "not-text")
        day = coerce_published(d.get("published"), document)
        published = day.isoformat() if day else None
        url = d.get("url")
        speakers = []
        local_role = {}
        for s in d.get("speakers", ()):
            roles = tuple(s.get("roles") or ([s["role"]] if s.get("role") else []))
            role = roles[0] if roles else None
            local_role[s["id"]] = role
            speakers.append((s["id"], s["name"], s.get("type", "unknown"), roles, _roles_json(roles),
                             tuple((m["start"], m["end"], m["text"]) for m in s.get("mentions", ()))))
        rows = []
        for a in d.get("attributions", ()):
            get = a.get
            span = a["content_span"]
            c0, c1 = int(span[0]), int(span[1])
            spans = get("content_spans")
            if not spans:
                spans_json = f"[[{c0}, {c1}]]"
            elif len(spans) == 1:
                spans_json = f"[[{int(spans[0][0])}, {int(spans[0][1])}]]"
            else:
                spans_json = _spans_json([(int(x[0]), int(x[1])) for x in spans])
            cue_span = get("cue_span")
            speaker_span = get("speaker_span")
            chain = get("source_chain")
            content = a["content"]
            kind = a["kind"]
            said = get("date")
            quote, is_id = quote_id_or_key(content)
            sp = get("speaker")
            if sp is None:
                ref_id = name = role = role_given = resolution = ref_confidence = None
                type_, has_ref = "unknown", False
            else:
                ref_id, role_given = sp.get("id"), sp.get("role")
                name, type_, role, has_ref = (sp.get("name"), sp.get("type", "unknown"),
                                              role_given or local_role.get(ref_id), True)
                resolution, ref_confidence = sp.get("resolution"), sp.get("confidence")
            rows.append((
                kind, content, c0, c1, spans_json, get("cue"),
                None if cue_span is None else int(cue_span[0]), None if cue_span is None else int(cue_span[1]),
                get("cue_class", "speech"), ref_id, name, type_, role,
                None if speaker_span is None else int(speaker_span[0]),
                None if speaker_span is None else int(speaker_span[1]),
                said, get("date_text"), said or published, _chain_json(chain) if chain else "[]",
                float(get("confidence", 0.5)), has_ref, role_given, quote, is_id, resolution,
                None if ref_confidence is None else float(ref_confidence)))
        times = tuple((t["start"], t["end"], t["text"], t["type"], t.get("value"), t.get("mod"))
                      for t in d.get("time_expressions", ()))
        title, source, doc_id = d.get("title"), d.get("source"), d.get("id")
    except InputError:
        raise
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        raise InputError(f"not a pre-extracted record ({type(exc).__name__}: {exc}); expected "
                         "Extraction.to_dict() with the article's 'text' beside it", document, "bad-record")
    digest, minhash, bands = _text_keys(text)
    return PreparedArticle(article_identity(text, url), doc_id, url, title, source, published, text,
                           digest, minhash, bands, tuple(speakers), tuple(rows), times)
