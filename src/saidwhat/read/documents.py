"""What readers yield: a document to extract, or the reason one could not be read."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Optional, Union


@dataclass(frozen=True)
class Document:
    """One article read from input, not yet checked or extracted.

    ``origin`` says where it came from ("news/a.txt", "dump.jsonl:12", "crawl.warc.gz#3"), which is how
    errors name it. ``record`` holds a pre-extracted record (Extraction.to_dict() plus the text) when
    the input already carries attributions, so it is stored without extracting again.
    """

    origin: str
    text: str
    id: Optional[str] = None
    published: Any = None  # as given (string or None); checked when the article is made
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    record: Optional[dict] = None


@dataclass(frozen=True)
class DocumentError:
    """One input document (or a whole file) that could not be read or extracted, and why.

    ``document`` names it: a path, ``file:line``, ``archive#record`` or an id. ``reason`` is a short,
    stable code (``not-found``, ``not-utf8``, ``binary``, ``bad-json``, ``too-deep``, ``too-large``,
    ``not-an-object``, ``missing-text``, ``not-text``, ``empty``, ``bad-warc``, ``truncated``,
    ``no-main-text``, ``not-an-article``, ``not-english``, ``bad-published-date``,
    ``extraction-failed``, ``worker-crashed`` ...) that summaries count; ``message`` names the
    bad value and what was expected.
    """

    document: Optional[str]
    reason: str
    message: str
    line: Optional[int] = None  # 1-based line of a JSON Lines input, when there is one
    index: Optional[int] = None  # 0-based position in the input sequence

    @property
    def origin(self) -> str:
        """Where the document came from, as the store records it."""
        if self.document is not None:
            return self.document
        return f"line {self.line}" if self.line is not None else f"document #{(self.index or 0) + 1}"

    @property
    def where(self) -> str:
        """How a person finds the document: its id, else its line, else its position."""
        if self.document is not None:
            return f"document {self.document!r}" + (f" (line {self.line})" if self.line else "")
        if self.line is not None:
            return f"line {self.line}"
        return f"document #{(self.index or 0) + 1}"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.document, "line": self.line, "reason": self.reason,
                "message": self.message}


Item = Union[Document, DocumentError]


def renamed(item: Item, origin: str) -> Item:
    """The same document or error, named by ``origin``."""
    if isinstance(item, DocumentError):
        return replace(item, document=origin)
    return replace(item, origin=origin)
