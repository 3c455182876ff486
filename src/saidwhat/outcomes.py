"""What a batch gives for each document: an Extraction or a :class:`DocumentError`, and the counts.

(``saidwhat.batch`` re-exports these names; they live apart so the runner stays short.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Optional, Union

from .model import Article, Extraction
from .read.documents import DocumentError


@dataclass(frozen=True)
class InputDocument:
    """One input record with where it came from (a JSON Lines line number, when known)."""

    record: Mapping[str, Any]
    line: Optional[int] = None


Result = Union[Extraction, DocumentError]
Item = Union[Mapping[str, Any], Article, InputDocument, DocumentError, str]


@dataclass
class BatchSummary:
    """Counts over one batch: documents seen, extracted, attributions found, skipped by reason."""

    documents: int = 0
    extracted: int = 0
    attributions: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def add(self, result: Result) -> None:
        self.documents += 1
        if isinstance(result, DocumentError):
            self.skipped[result.reason] = self.skipped.get(result.reason, 0) + 1
        else:
            self.extracted += 1
            self.attributions += len(result.attributions)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def describe(self) -> str:
        """One line for a person: ``12 documents, 11 extracted, 40 attributions, 1 skipped (...)``."""
        text = (f"{self.documents} documents, {self.extracted} extracted, "
                f"{self.attributions} attributions, {self.skipped_total} skipped")
        if self.skipped:
            text += " (" + ", ".join(f"{n} {r}" for r, n in sorted(self.skipped.items())) + ")"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "extracted": self.extracted,
                "attributions": self.attributions, "skipped": dict(sorted(self.skipped.items()))}
