"""How a record was found and how its speaker was named, in words a reader can check against the text.

Both are read off what is stored (the cue, the offsets of content, cue and speaker, the speaker's
mention as printed), so they say what the record rests on, whichever rule produced it.
"""

from __future__ import annotations

from typing import Optional, Sequence

Span = tuple[int, int]

PRONOUNS = frozenset("he she they him her them his its it we i who which".split())
DASHES = frozenset("-–—―")


def _quoted(text: Optional[str]) -> str:
    return f"“{' '.join((text or '').split())}”"


def mechanism(kind: str, cue: Optional[str], cue_span: Optional[Span], content_spans: Sequence[Span],
              speaker_span: Optional[Span], mention: Optional[str]) -> str:
    """The mechanism in words: "quote followed by “he said”", "“according to” a source", ..."""
    what = {"direct": "quote", "mixed": "partly quoted statement", "indirect": "reported statement"}.get(kind, kind)
    spans = [tuple(s) for s in content_spans if s]
    start = min((s[0] for s in spans), default=None)
    end = max((s[1] for s in spans), default=None)
    cue_text = " ".join((cue or "").split())
    if not cue_text and not speaker_span:
        return f"{what} with no cue of its own: it goes on from the previous speaker's quote"
    if cue_text.casefold().startswith("according to"):
        return f"“according to” {_quoted(mention) if mention else 'a source'}"
    if cue_text == ":":
        return f"speaker then a colon: {_quoted(mention)}: {what}"
    if cue_text and all(c in DASHES for c in cue_text):
        return f"{what} and its source joined by a dash"
    phrase = _phrase(cue_text, cue_span, mention, speaker_span)
    if cue_span is None or start is None:
        return f"{what} with the cue {phrase}"
    if cue_span[0] >= end:
        return f"{what} followed by {phrase}"
    if cue_span[1] <= start:
        return f"{phrase} followed by the {what}"
    return f"{what} split around {phrase}"


def _phrase(cue: str, cue_span: Optional[Span], mention: Optional[str], speaker_span: Optional[Span]) -> str:
    """The speaker and cue in text order: “he said”, “said Tom Reyes”."""
    if not mention or speaker_span is None or cue_span is None:
        return _quoted(cue or mention)
    words = (mention, cue) if speaker_span[0] <= cue_span[0] else (cue, mention)
    return _quoted(" ".join(words))


def resolution(name: Optional[str], mention: Optional[str], stored: Optional[str] = None,
               first_named: Optional[str] = None) -> Optional[str]:
    """How the speaker's name was reached: the resolver's own account when stored, else what the text
    shows (“he” → Mike Pompeo, named earlier as “Secretary of State Mike Pompeo”)."""
    if stored:
        arrow = f"{_quoted(mention)} → {name}: " if mention and name and mention.strip() != name else ""
        return arrow + stored
    if not name:
        return "no source found in the text" if not mention else f"{_quoted(mention)}: not resolved to a name"
    if not mention:
        return f"{name}: from an earlier quote's speaker (no mention beside this one)"
    if " ".join(mention.split()) == name:
        return "named as printed"
    how = "a pronoun" if mention.strip().casefold() in PRONOUNS else "a shorter or other mention"
    earlier = f", named earlier as {_quoted(first_named)}" if first_named and first_named.strip() != mention.strip() else ""
    return f"{_quoted(mention)} ({how}) → {name}{earlier}"
