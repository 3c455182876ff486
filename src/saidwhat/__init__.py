"""saidwhat: who said what, when, and according to whom, in news articles.

``saidwhat.extract(text, published=None)`` returns an :class:`Extraction` of frozen records.
spaCy is an implementation detail: it loads lazily, on the first extraction.
"""

from __future__ import annotations

from datetime import date
from typing import Optional, Union

from .errors import InputError, ModelNotFoundError, PublishedDateError, SaidwhatError
from .model import (Article, Attribution, Extraction, Mention, SourceLink, Speaker, SpeakerRef,
                    TimeExpression)

__version__ = "0.1.0"

__all__ = [
    "extract", "Article", "Attribution", "Extraction", "Mention", "SourceLink", "Speaker",
    "SpeakerRef", "TimeExpression", "SaidwhatError", "InputError", "PublishedDateError",
    "ModelNotFoundError", "__version__",
]


def extract(text: str, published: Union[str, date, None] = None, *, id: Optional[str] = None,
            title: Optional[str] = None, url: Optional[str] = None,
            source: Optional[str] = None, beliefs: bool = False) -> Extraction:
    """Every attribution in one article, its speakers and its time expressions.

    ``published`` (a date or ``YYYY-MM-DD``) anchors relative dates; when None, a dateline on the
    first line of ``text`` is used. ``beliefs=True`` also reports beliefs, plans and findings given
    without quotation marks ("she thinks ..."), which are left out by default. Raises
    :class:`InputError` for text that is not a ``str``.
    """
    from .pipeline import extract as _extract

    return _extract(text, published, id=id, title=title, url=url, source=source, beliefs=beliefs)


def __getattr__(name: str):
    # The corpus store pulls in more than extraction needs; load it only when asked for.
    if name == "Corpus":
        from .store.corpus import Corpus

        return Corpus
    raise AttributeError(f"module 'saidwhat' has no attribute {name!r}")
