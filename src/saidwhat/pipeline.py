"""The extraction pipeline for one article: text → segments → candidates → parse → attributions →
resolution → time → records.
"""

from __future__ import annotations

from datetime import date
from typing import Optional, Union

from .budget import check_budget, time_budget
from .errors import InputError
from .model import Article, Extraction
from .text.clean import replace_lone_surrogates
from .text.dateline import coerce_published, find_dateline


def make_article(text: object, published: Union[str, date, None] = None, *, id: Optional[str] = None,
                 title: Optional[str] = None, url: Optional[str] = None,
                 source: Optional[str] = None) -> Article:
    """Check the input and build the :class:`Article`; the dateline fills a missing ``published``.

    Lone surrogates (not characters; they cannot be written as UTF-8) become U+FFFD one for one,
    so the article is still read and every offset holds (see ``text.clean``).
    """
    if isinstance(text, bytes):
        raise InputError("text is bytes; expected str: decode it first (UTF-8)", id, "not-text")
    if not isinstance(text, str):
        raise InputError(f"text is {type(text).__name__}; expected str", id, "not-text")
    text = replace_lone_surrogates(text)
    pub = coerce_published(published, id)
    dateline_span = None
    if pub is None:
        pub, dateline_span = find_dateline(text)
    return Article(text=text, id=id, published=pub, title=title, url=url, source=source,
                   dateline_span=dateline_span)


def extract(text: object, published: Union[str, date, None] = None, *, id: Optional[str] = None,
            title: Optional[str] = None, url: Optional[str] = None,
            source: Optional[str] = None, beliefs: bool = False,
            budget: Optional[float] = None) -> Extraction:
    """Every attribution in one article, with speakers and time expressions (see ``saidwhat.extract``)."""
    if budget:
        from .parse.nlp import load_pipeline

        load_pipeline()  # loading spaCy is the process's cost, not this document's
    with time_budget(budget):
        article = make_article(text, published, id=id, title=title, url=url, source=source)
        return extract_article(article, beliefs=beliefs)


def extract_article(article: Article, beliefs: bool = False, off: frozenset[str] = frozenset()) -> Extraction:
    """Run every stage over one checked :class:`Article` (``beliefs``: see ``saidwhat.extract``;
    ``off``: names of registered rules, vetoes and refiners to switch off, see ``saidwhat rules``).

    The process vocabulary stays bounded however many articles a process reads (a web server, a
    stream): see ``parse.nlp.vocabulary_bounded``.
    """
    from .attribute.document import find_frames
    from .parse.nlp import vocabulary_bounded
    from .records import frame_records
    from .time import find_time_expressions

    times = tuple(find_time_expressions(article.text, article.published))
    check_budget()
    with vocabulary_bounded():
        attributed = find_frames(article, times, beliefs, off)
        check_budget()
        attributions, speakers = frame_records(article, attributed, times)
    return Extraction(article=article, attributions=tuple(attributions), speakers=tuple(speakers),
                      time_expressions=times)
