"""The records the corpus queries return: small frozen dataclasses with a ``to_dict`` JSON form.

Every record's ``date`` is the date it was said when the article says so, else the article's
publication date; ``date_basis`` says which ("said" or "published"), so nothing shows a publication
date as if it were the date of saying.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Optional

from .dated import iso_dates


LOW_CONFIDENCE = 0.5  # below this (the record's or its speaker's), a record is shown as uncertain


def is_low(confidence: Optional[float], speaker_confidence: Optional[float] = None) -> bool:
    """Whether a record is uncertain enough to be marked: its own or its speaker's confidence is low."""
    return any(c is not None and c < LOW_CONFIDENCE for c in (confidence, speaker_confidence))


def date_label(date: Optional[str], basis: Optional[str], short: bool = False) -> str:
    """How to show a record's date: "said on 2019-04-06", or "published 2019-04-08" when the article
    gives no date of saying (``short``: "said 2019-04-06", "pub. 2019-04-08")."""
    if not date:
        return "date unknown"
    if basis == "said":
        return f"said {date}" if short else f"said on {date}"
    return f"pub. {date}" if short else f"published {date}"


@dataclass(frozen=True)
class Occurrence:
    """One printing of a quote: the outlet and article it appeared in, and when."""

    article_id: int
    attribution_id: int
    outlet: Optional[str]
    title: Optional[str]
    url: Optional[str]
    published: Optional[str]

    def to_dict(self) -> dict[str, Any]:
        return iso_dates(asdict(self))


@dataclass(frozen=True)
class QuoteResult:
    """One quote (however many outlets printed it), shown by its first occurrence."""

    quote_id: int
    attribution_id: int
    article_id: int
    content: str
    kind: str
    cue: Optional[str]
    speaker: Optional[str]
    speaker_id: Optional[int]
    source_type: str
    role: Optional[str]
    date: Optional[str]  # said, else published: see date_basis
    outlet: Optional[str]
    title: Optional[str]
    url: Optional[str]
    confidence: float
    occurrences: int
    outlets: tuple[str, ...]
    first_seen: Optional[str]
    date_basis: Optional[str] = None  # "said" (the date it was said) or "published" (no date of saying)
    corrected: tuple[str, ...] = ()  # fields a person corrected (speaker, kind, date)
    verdict: Optional[str] = None  # a reviewer's mark: right or wrong
    speaker_resolution: Optional[str] = None  # how the speaker's name was resolved, when known
    speaker_confidence: Optional[float] = None
    mechanism: Optional[str] = None  # how the record was found, in words (see store.evidence)
    resolution: Optional[str] = None  # how its speaker was named, in words
    via: tuple[str, ...] = ()  # outlets and channels it came through ("Associated Press", "CNN")

    @property
    def low_confidence(self) -> bool:
        return is_low(self.confidence, self.speaker_confidence)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form; ``quote_id`` is a string (it exceeds 2^53, past JavaScript's exact integers)."""
        d = asdict(self)
        d["quote_id"] = str(self.quote_id)
        d["outlets"] = list(self.outlets)
        d["corrected"] = list(self.corrected)
        d["via"] = list(self.via)
        d["low_confidence"] = self.low_confidence
        return iso_dates(d)


@dataclass(frozen=True)
class RoleSpan:
    """A role a speaker held, with the first and last dates it was seen."""

    role: str
    first_seen: Optional[str]
    last_seen: Optional[str]


@dataclass(frozen=True)
class SpeakerSummary:
    """One speaker across the corpus: how often quoted, in how many articles, when, and as what."""

    id: int
    name: str
    type: str
    quotes: int
    articles: int
    first_date: Optional[str]
    last_date: Optional[str]
    roles: tuple[RoleSpan, ...]
    aliases: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["roles"] = [asdict(r) for r in self.roles]
        d["aliases"] = list(self.aliases)
        return iso_dates(d)


@dataclass(frozen=True)
class StoredAttribution:
    """An attribution as stored, with its offsets into the article text."""

    id: int
    kind: str
    content: str
    content_spans: tuple[tuple[int, int], ...]
    cue: Optional[str]
    cue_span: Optional[tuple[int, int]]
    speaker: Optional[str]
    speaker_id: Optional[int]
    source_type: str
    speaker_span: Optional[tuple[int, int]]
    date: Optional[str]  # said, else published: see date_basis
    quote_id: int
    date_basis: Optional[str] = None  # "said" or "published"
    date_text: Optional[str] = None  # the words the date of saying was read from
    role: Optional[str] = None
    confidence: Optional[float] = None
    cue_class: Optional[str] = None
    speaker_local_id: Optional[int] = None
    corrected: tuple[str, ...] = ()
    verdict: Optional[str] = None
    speaker_resolution: Optional[str] = None
    speaker_confidence: Optional[float] = None
    speaker_as_printed: Optional[str] = None
    mechanism: Optional[str] = None
    resolution: Optional[str] = None

    @property
    def low_confidence(self) -> bool:
        return is_low(self.confidence, self.speaker_confidence)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form; ``quote_id`` is a string, as in :meth:`QuoteResult.to_dict`."""
        d = asdict(self)
        d["quote_id"] = str(self.quote_id)
        d["corrected"] = list(self.corrected)
        d["low_confidence"] = self.low_confidence
        return iso_dates(d)


@dataclass(frozen=True)
class ArticleView:
    """One stored article with its attributions, for display."""

    id: int
    identity: str
    title: Optional[str]
    url: Optional[str]
    outlet: Optional[str]
    published: Optional[str]
    origin: Optional[str]
    text: str
    near_duplicate_of: Optional[int]
    attributions: tuple[StoredAttribution, ...]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["attributions"] = [a.to_dict() for a in self.attributions]
        return iso_dates(d)


@dataclass(frozen=True)
class ErrorRecord:
    """A document that could not be stored, and why."""

    document: str
    reason: str
    message: str
    at: str

    def to_dict(self) -> dict[str, Any]:
        return iso_dates(asdict(self))
