"""The frame: one act of attribution as a rule found it (cue, source mention, content), before the
speaker is named and the date resolved."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..model import Span
from ..segment.quotes import Quote
from .found import ChainLink, MentionInfo


@dataclass(frozen=True)
class Frame:
    """What one registered rule matched, with character offsets into the article.

    ``rule`` names the registered rule; ``mechanism`` the kind of evidence it is (it sets the
    confidence). ``quotes`` are the quotations the frame claims: the claim resolver gives each quote
    to one frame only. ``setting`` is where the date of saying may be outside the content (an
    according-to phrase). ``evidence`` names the features that made the rule fire.
    """

    rule: str
    mechanism: str
    content: tuple[Span, ...]
    kind: str  # direct, indirect, mixed
    unit: int
    paragraph: int
    cue: Optional[Span] = None
    lemma: Optional[str] = None
    source: Optional[MentionInfo] = None
    chain: tuple[ChainLink, ...] = ()
    setting: tuple[Span, ...] = ()
    tie: bool = False  # the text ties it to an earlier statement ("in the speech", "also said")
    quotes: tuple[Quote, ...] = ()
    evidence: tuple[str, ...] = ()
    # Claim policies (see claims.py): ``needs_quotes``: a frame that is nothing without its quotes;
    # ``opens_next``: a colon that ends its paragraph, the next one holds the content;
    # ``exclusive``: a frame only where no other frame is in the paragraph (speaker labels).
    needs_quotes: bool = False
    opens_next: bool = False
    exclusive: bool = False

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content)

    @property
    def hull(self) -> Span:
        return (min(s for s, _ in self.content), max(e for _, e in self.content))
