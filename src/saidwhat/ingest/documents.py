"""What readers yield: a document to extract, or the reason one could not be read."""

from __future__ import annotations

from dataclasses import dataclass
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
    """A document (or a whole file) that could not be read, and why."""

    origin: str
    reason: str  # short and stable: not-utf8, bad-json, no-main-text, unsupported-format ...
    message: str


Item = Union[Document, DocumentError]
