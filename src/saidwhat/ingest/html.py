"""HTML pages: the main text, title, date, URL and site name, by trafilatura."""

from __future__ import annotations

import logging
from typing import Optional, Union

from .documents import Document, DocumentError

# trafilatura logs every page it finds nothing in; the error record already says so.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def decode_html(data: bytes, charset: Optional[str] = None) -> str:
    """HTML bytes as text: the declared charset, else UTF-8, else Latin-1 (never fails)."""
    for encoding in (charset, "utf-8"):
        if encoding:
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    return data.decode("latin-1")


def read_html(html: str, origin: str, url: Optional[str] = None) -> Union[Document, DocumentError]:
    """The article in one HTML page, or why there is none."""
    import trafilatura

    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                            include_tables=False)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        return DocumentError(origin, "bad-html", f"cannot parse HTML ({type(exc).__name__}: {exc})")
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if not text:
        return DocumentError(origin, "no-main-text",
                             "no article text found in the HTML; expected a page with a main text body")
    return Document(origin=origin, text=text, title=found.title or None, published=found.date or None,
                    url=found.url or url or None, source=found.sitename or found.hostname or None)
