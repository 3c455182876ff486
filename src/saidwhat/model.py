"""The data model: frozen records with character offsets into the text exactly as given.

Every span is a ``(start, end)`` pair of Python ``str`` indices into ``Article.text``; nothing is
normalised before offsets are taken, so ``text[start:end]`` is always the reported text.
``to_dict`` gives the JSON form that the CLI writes and ``../shared/bench/score.py`` reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional

Span = tuple[int, int]

KINDS = ("direct", "indirect", "mixed")
SOURCE_TYPES = ("person", "organization", "unnamed", "unknown")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


def _span(span: Optional[Span]) -> Optional[list[int]]:
    return None if span is None else [span[0], span[1]]


@dataclass(frozen=True)
class TimeExpression:
    """One date, time, duration or set expression, normalised to a TimeML TIMEX3 value."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION or SET
    value: Optional[str]  # "2019-04-06", "2019-02", "P3Y", "PRESENT_REF", "XXXX-WI" ...
    mod: Optional[str] = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER ...

    def to_dict(self) -> dict[str, Any]:
        d = {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
             "value": self.value}
        if self.mod:
            d["mod"] = self.mod
        return d


@dataclass(frozen=True)
class Mention:
    """One place in the text where a source is named or referred to."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Speaker:
    """One source of the document (a person, organisation or unnamed group) with all its mentions."""

    id: int
    name: str
    type: str  # person, organization, unnamed, unknown
    roles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()

    @property
    def role(self) -> Optional[str]:
        return self.roles[0] if self.roles else None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type, "role": self.role,
                "roles": list(self.roles), "mentions": [m.to_dict() for m in self.mentions]}


@dataclass(frozen=True)
class SpeakerRef:
    """The source of one attribution as resolved in its document; ``id`` points into ``speakers``.

    ``resolution`` says how the local mention became the name ("pronoun → previous subject",
    "surname → full name given earlier", "unresolved: no agreeing antecedent"); ``confidence`` (0-1)
    is how far the name can be trusted: a guess is marked low rather than presented as certain.
    """

    name: Optional[str]
    type: str = "unknown"
    role: Optional[str] = None
    id: Optional[int] = None
    resolution: Optional[str] = None
    confidence: Optional[float] = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "type": self.type, "id": self.id,
                "resolution": self.resolution,
                "confidence": None if self.confidence is None else round(self.confidence, 3)}


# How a chain link stands to the statement: whom the source cites ("citing officials"), the outlet
# that carried it ("..., the Associated Press reported"), or the channel the source spoke through
# ("told CNN", "in an interview with the BBC", "wrote on X").
RELATIONS = ("cites", "reported-by", "channel")


@dataclass(frozen=True)
class SourceLink:
    """One step behind a source: whom it cites, the outlet that reported it, or its channel."""

    name: str
    type: str
    cue: Optional[str] = None
    span: Optional[Span] = None
    relation: str = "cites"  # one of RELATIONS

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "cue": self.cue, "span": _span(self.span),
                "relation": self.relation}


@dataclass(frozen=True)
class Attribution:
    """One act of saying: a cue (or none), its source, and all the content that cue governs.

    ``content_span`` is the hull of ``content_spans`` (the fragments, more than one when the content
    is split around its speaker or continues in a later paragraph without a cue of its own).
    """

    kind: str  # direct, indirect, mixed
    content: str
    content_span: Span
    content_spans: tuple[Span, ...]
    cue: Optional[str] = None
    cue_span: Optional[Span] = None
    speaker: Optional[SpeakerRef] = None
    speaker_span: Optional[Span] = None
    date: Optional[str] = None  # ISO date when it was said
    date_text: Optional[str] = None
    source_chain: tuple[SourceLink, ...] = ()
    confidence: float = 0.5
    cue_class: str = "speech"  # speech, or other (beliefs, plans, findings)

    @property
    def channel(self) -> Optional[SourceLink]:
        """The outlet or platform the source spoke through ("told CNN"), if the text names one."""
        return next((link for link in self.source_chain if link.relation == "channel"), None)

    @property
    def via(self) -> tuple[str, ...]:
        """The names of the outlets and channels the statement came through (reported-by, channel)."""
        return tuple(link.name for link in self.source_chain if link.relation != "cites")

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "content": self.content,
            "content_span": _span(self.content_span),
            "content_spans": [_span(s) for s in self.content_spans],
            "cue": self.cue,
            "cue_span": _span(self.cue_span),
            "cue_class": self.cue_class,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_span": _span(self.speaker_span),
            "date": self.date,
            "date_text": self.date_text,
            "source_chain": [link.to_dict() for link in self.source_chain],
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True)
class Article:
    """A document as given: its text, and what is known about it."""

    text: str
    id: Optional[str] = None
    published: Optional[date] = None
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None  # outlet or site name
    dateline_span: Optional[Span] = None  # a date line at the top that gave ``published``

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "published": self.published.isoformat() if self.published else None,
                "title": self.title, "url": self.url, "source": self.source}


@dataclass(frozen=True)
class Extraction:
    """Everything saidwhat found in one article."""

    article: Article
    attributions: tuple[Attribution, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    time_expressions: tuple[TimeExpression, ...] = ()
    extra: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def id(self) -> Optional[str]:
        return self.article.id

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``{"id", "published", "attributions", "speakers", "time_expressions"}``."""
        return {
            "id": self.article.id,
            "published": self.article.published.isoformat() if self.article.published else None,
            "attributions": [a.to_dict() for a in self.attributions],
            "speakers": [s.to_dict() for s in self.speakers],
            "time_expressions": [t.to_dict() for t in self.time_expressions],
        }
