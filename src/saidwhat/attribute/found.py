"""Source mentions as the parse gives them, before resolution names them (see frame.py)."""

from __future__ import annotations

from dataclasses import dataclass
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
