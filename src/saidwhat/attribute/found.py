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
    """A source behind the speaker: its mention, the words that tie it, and how (model.RELATIONS)."""

    mention: MentionInfo
    cue: str
    relation: str = "cites"


# What a report cites as its source ("two people familiar with", "internal documents"), not its
# grounds ("citing her record", "citing the release of prisoners").
SOURCE_WORDS = frozenset("""
people person persons source sources official officials document documents report reports data
figures statistics analysts executives diplomats aides memo memos filing filings letter letters
emails email records study studies survey surveys witnesses investigators insiders employees staff
""".split())
