"""What the attribution rules find in a unit, before speakers and dates are resolved."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..model import Span


@dataclass(frozen=True)
class MentionInfo:
    """The local mention of a source: its span, head word and what the parse says about it."""

    span: Span
    head: str  # the head word as written
    pronoun: bool = False
    proper: tuple[Span, ...] = ()  # runs of proper nouns inside the mention
    role: Optional[Span] = None  # title or apposition ("US Secretary of State")
    plural: bool = False
    determiner: Optional[str] = None  # "the", "a" ...


@dataclass(frozen=True)
class ChainLink:
    """A source that the speaker cites: its span and the citing words."""

    mention: MentionInfo
    cue: str


@dataclass
class Found:
    """One attribution as the rules found it; resolution fills in speaker and date."""

    content_spans: list[Span]
    kind: str
    unit: int
    paragraph: int
    mechanism: str  # quote, clause, according, colon, label, dash, continuation
    cue: Optional[Span] = None
    cue_lemma: Optional[str] = None
    speaker: Optional[MentionInfo] = None
    chain: list[ChainLink] = field(default_factory=list)
    frame: list[Span] = field(default_factory=list)  # where the date of saying may be: outside content
    tie: bool = False  # the text ties it to an earlier statement ("in the speech", "also said")

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content_spans)
