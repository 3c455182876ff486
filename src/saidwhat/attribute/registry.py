"""The registry: every attribution rule, veto and refiner by name, with its docs and examples.

A rule is a pure function from one parsed unit (or the whole document) to frames. A veto is a named
predicate that stops a rule from firing; a refiner a named change to what a rule found. Each can be
switched off by name (``saidwhat eval --without NAME``); nothing in this module changes after import.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from ..errors import SaidwhatError


@dataclass(frozen=True)
class Example:
    """A sentence and the frames all rules together find in it: (cue, source, content) each,
    the content's fragments joined by " … ". ``text`` may hold paragraphs (newlines)."""

    text: str
    frames: tuple[tuple[Optional[str], Optional[str], str], ...]


@dataclass(frozen=True)
class Entry:
    """A registered rule, veto, refiner or claim step."""

    name: str
    kind: str  # rule, veto, refiner, claim
    doc: str
    examples: tuple[Example, ...]
    priority: int = 0  # rules only: lower goes first when two frames claim the same quote
    scope: str = "unit"  # rules only: unit (a parsed unit) or document (paragraph layout)
    match: Optional[Callable[..., Iterable]] = None

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0]


def rule(name: str, priority: int, doc: str, examples, match=None, scope: str = "unit") -> Entry:
    return Entry(name, "rule", doc, _examples(examples), priority, scope, match)


def veto(name: str, doc: str, examples) -> Entry:
    return Entry(name, "veto", doc, _examples(examples))


def refiner(name: str, doc: str, examples) -> Entry:
    return Entry(name, "refiner", doc, _examples(examples))


def claim(name: str, doc: str, examples) -> Entry:
    return Entry(name, "claim", doc, _examples(examples))


def _examples(rows) -> tuple[Example, ...]:
    return tuple(Example(text, tuple(tuple(f) for f in frames)) for text, frames in rows)


class UnknownRuleError(SaidwhatError):
    """A name given to switch off that the registry does not hold."""

    exit_code = 2


def check_names(names: Iterable[str], entries: Iterable[Entry]) -> frozenset[str]:
    """The names as a frozen set, or :class:`UnknownRuleError` naming those not registered."""
    known = {e.name for e in entries}
    names = frozenset(n.strip() for n in names if n.strip())
    unknown = sorted(names - known)
    if unknown:
        raise UnknownRuleError(f"unknown rule {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return names
