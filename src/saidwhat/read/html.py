"""HTML pages: the article's main text, title, date, URL and outlet, by trafilatura; or why none.

trafilatura runs with ``favor_precision`` (it leaves out more of what is not the article) and drops
the blocks news pages put around and inside an article (captions, galleries, newsletter and
related-links boxes, share bars, standards notes), which its own rules keep on many pages. A page whose
main text is too short or mostly links is not an article, and one not in English is skipped: each is a
:class:`DocumentError` with its reason, never an article stored silently.
"""

from __future__ import annotations

import logging
import re
from typing import Optional, Union
from urllib.parse import urlsplit

from .boilerplate import drop_furniture, prune_blocks
from .documents import Document, DocumentError
from .language import language_message, not_english
from .limits import MAX_MARKUP_BYTES

# trafilatura logs every page it finds nothing in; the error record already says so.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

# A page is HTML when it starts with a tag and one of these comes early (plain articles never do).
_HTML_START = re.compile(r"\A(?:\ufeff)?\s*<")
_HTML_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I)
# Blocks that hold no article text; removed before parsing, so their size costs nothing.
_HEAVY_OPEN = re.compile(r"<(script|style|svg|noscript|template)\b", re.I)
# An article has at least this much main text; less is a caption, a teaser or a stub.
MIN_ARTICLE_CHARS = 200
# A main text whose links hold more than this share of its characters is a list of links.
MAX_LINK_SHARE = 0.5
def looks_like_html(text: str) -> bool:
    """Whether a text is HTML markup rather than an article: it starts with a tag, and a page tag is near."""
    return _HTML_START.match(text) is not None and _HTML_TAG.search(text, 0, 4096) is not None


def strip_heavy(html: str) -> str:
    """The page without its script, style, SVG, noscript and template blocks, in one pass.

    An unclosed block runs to the end of the page (as a browser reads it), so no input makes this
    slower than linear.
    """
    lower = html.lower()
    kept, pos = [], 0
    for m in _HEAVY_OPEN.finditer(html):
        if m.start() < pos:
            continue  # inside a block already removed
        kept.append(html[pos:m.start()])
        close = lower.find("</" + m.group(1).lower(), m.end())
        if close < 0:
            return "".join(kept)
        end = lower.find(">", close)
        pos = len(html) if end < 0 else end + 1
    kept.append(html[pos:])
    return "".join(kept)


def decode_html(data: bytes, charset: Optional[str] = None) -> str:
    """HTML bytes as text: the declared charset, else UTF-8, else Latin-1 (never fails)."""
    for encoding in (charset, "utf-8"):
        if encoding:
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    return data.decode("latin-1")


def outlet_of(sitename: Optional[str], url: Optional[str], hostname: Optional[str]) -> Optional[str]:
    """The page's declared site name when it is a name (not a sentence), else its domain."""
    name = (sitename or "").strip()
    if name and len(name) <= 60 and not re.search(r"[.!?:|]\s|\s[-–—|]\s", name):
        return name
    host = urlsplit(url).hostname if url else None
    host = host or hostname
    if host:
        return host[4:] if host.startswith("www.") else host
    return name or None


def read_html(html: str, origin: str, url: Optional[str] = None) -> Union[Document, DocumentError]:
    """The article in one HTML page, or why there is none."""
    import trafilatura

    markup = strip_heavy(html)
    if len(markup) > MAX_MARKUP_BYTES:
        return DocumentError(origin, "too-large",
                             f"the page has {len(markup):,} characters of markup without scripts and "
                             f"styles; the documented limit is {MAX_MARKUP_BYTES:,}")
    try:
        tree = trafilatura.load_html(markup)
        if tree is None:
            return DocumentError(origin, "bad-html", "cannot parse the HTML; expected a web page")
        prune_blocks(tree)
        found = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                            include_tables=False, include_links=True,
                                            favor_precision=True)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        return DocumentError(origin, "bad-html", f"cannot parse HTML ({type(exc).__name__}: {exc})")
    text = drop_furniture(getattr(found, "text", None) or "") if found is not None else ""
    if not text:
        return DocumentError(origin, "no-main-text",
                             "no article text found in the HTML; expected a page with a main text body")
    problem = _not_an_article(text, found)
    if problem is not None:
        return DocumentError(origin, "not-an-article", problem)
    language = not_english(text)
    if language is not None:
        return DocumentError(origin, "not-english", language_message(language))
    page_url = found.url or url or None
    return Document(origin=origin, text=text, title=found.title or None, published=found.date or None,
                    url=page_url, source=outlet_of(found.sitename, page_url, found.hostname))


def _not_an_article(text: str, found) -> Optional[str]:
    """Why a page's main text is no article (too short, mostly links), or None."""
    if len(text) < MIN_ARTICLE_CHARS:
        return (f"the main text is only {len(text)} characters ({text[:60]!r}...); an article has at "
                f"least {MIN_ARTICLE_CHARS}: a caption, a teaser or a stub?")
    body = getattr(found, "body", None)
    if body is not None:
        linked = sum(len("".join(ref.itertext())) for ref in body.iter("ref"))
        share = linked / max(1, len(text))
        if share > MAX_LINK_SHARE:
            return (f"{share:.0%} of the main text is link text; a page of links (navigation, an "
                    f"index), not an article")
    return None
