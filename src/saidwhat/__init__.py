"""saidwhat: who said what, when, and according to whom, in news articles.

``saidwhat.extract(text, published=None)`` returns an :class:`Extraction` of frozen records.
spaCy is an implementation detail: it loads lazily, on the first extraction.
"""

from __future__ import annotations

from datetime import date
from typing import Optional, Union

from .errors import InputError, ModelNotFoundError, PublishedDateError, SaidwhatError, TimeBudgetError
from .model import (Article, Attribution, Extraction, Mention, SourceLink, Speaker, SpeakerRef,
                    TimeExpression)

__version__ = "0.1.0"

__all__ = [
    "extract", "Article", "Attribution", "Extraction", "Mention", "SourceLink", "Speaker",
    "SpeakerRef", "TimeExpression", "SaidwhatError", "InputError", "PublishedDateError",
    "ModelNotFoundError", "TimeBudgetError", "__version__",
]


def extract(text: str, published: Union[str, date, None] = None, *, id: Optional[str] = None,
            title: Optional[str] = None, url: Optional[str] = None,
            source: Optional[str] = None, beliefs: bool = False,
            html: Optional[bool] = None, budget: Optional[float] = None) -> Extraction:
    """Every attribution in one article, its speakers and its time expressions.

    ``text`` that is HTML markup (``html=None``: it starts with a page tag; ``html=True``: always) is
    read as ``saidwhat ingest`` reads a page: its main text, title, date, URL and outlet, with offsets
    into that main text (``Extraction.article.text``); a page that holds no article raises
    :class:`InputError` with the reason. ``html=False`` reads markup as plain text.

    ``published`` (a date or ``YYYY-MM-DD``) anchors relative dates; when None, a dateline on the
    first line of ``text`` is used. ``beliefs=True`` also reports beliefs, plans and findings given
    without quotation marks ("she thinks ..."), which are left out by default. ``budget``: seconds
    the extraction may take (default: no limit); past it :class:`TimeBudgetError` (an
    :class:`InputError` with reason ``timeout``) is raised. Raises :class:`InputError` for text
    that is not a ``str``; lone surrogates in it become U+FFFD (offsets hold).
    """
    from .pipeline import extract as _extract

    if html or (html is None and isinstance(text, str) and _looks_like_html(text)):
        page = _read_page(text, id)
        text, title, url = page.text, title or page.title, url or page.url
        source, published = source or page.source, published or page.published
    return _extract(text, published, id=id, title=title, url=url, source=source, beliefs=beliefs,
                    budget=budget)


def _looks_like_html(text: str) -> bool:
    from .read.html import looks_like_html

    return looks_like_html(text)


def _read_page(html: object, id: Optional[str]):
    from .read.documents import DocumentError
    from .read.html import read_html

    if not isinstance(html, str):
        raise InputError(f"html is {type(html).__name__}; expected str", id, "not-text")
    page = read_html(html, id or "html")
    if isinstance(page, DocumentError):
        raise InputError(page.message, id, page.reason)
    return page


def __getattr__(name: str):
    # The corpus store pulls in more than extraction needs; load it only when asked for.
    if name == "Corpus":
        from .store.corpus import Corpus

        return Corpus
    raise AttributeError(f"module 'saidwhat' has no attribute {name!r}")
