"""What news pages put around and inside an article that is not the article, as data.

Two kinds of rule, each a table: blocks whose class or id names what they are ("newsletter",
"related", "gallery"), removed from the page before trafilatura reads it; and lines of the main text
that are furniture ("Our Standards: ...", "Sign up here", "Show all 50", "© 2024 ..."), dropped after.
A block is never removed when it holds the article itself (an ``<article>``, or most paragraphs).
"""

from __future__ import annotations

import re

# Elements that hold no article text on news pages.
BLOCK_TAGS = frozenset({"aside", "figure", "figcaption", "nav", "footer", "form", "button", "dialog"})
# Words of a class or id (split at -, _ and case) that name a block around the article.
BLOCK_WORDS = frozenset({
    "caption", "captions", "gallery", "slideshow", "carousel", "newsletter", "newsletters", "signup",
    "subscribe", "subscription", "related", "share", "sharing", "social", "promo", "promotion",
    "advert", "advertisement", "ad", "ads", "sponsored", "byline", "bylines", "author", "standards",
    "trust", "recommended", "recommendations", "popular", "trending", "breadcrumb", "breadcrumbs",
    "tags", "topics", "bio", "copyright", "credit", "credits", "disclaimer", "comments", "toolbar",
    "outbrain", "taboola", "paywall", "cookie", "cookies", "banner", "sidebar", "rail", "readmore",
    "podcast", "advice", "helpline", "poll", "quiz", "ticker",
})
# Lines of the main text that are page furniture, each pattern named by what it matches.
LINE_RULES = {
    "standards": r"our standards\b.{0,200}",
    "sign-up": r"(sign up|subscribe|register)\b.{0,80}\b(newsletters?|here|now|today|free|inbox|e-?mail)\b.{0,80}",
    "gallery-count": r"(show|view|see) all \d+( (photos|pictures|images))?|\d+ (photos|pictures|images)"
                     r"|image \d+ of \d+",
    "copyright": r"(©|\(c\)|copyright\s*(©|\d{4})).{0,160}|.{0,100}\ball rights reserved\.?",
    "credits": r"(reporting|writing|editing|additional reporting) by\b.{0,160}",
    "photo-credit": r"(photo|picture|image)s?\s*(:|credit\b|by\b).{0,100}",
    "read-more": r"(read more|more on this story|most read|you may also like|related( \w+)?)\s*:.{0,160}"
                 r"|read more|most read|related( stories| articles| coverage| content| links)?",
    "share": r"share( this| on| via)?( article| story)?( on (facebook|twitter|x|whatsapp|email))?"
             r"|follow us( on \w+)?",
    "advert": r"advertisement|sponsored( content)?|story continues below.{0,40}",
    "help-box": r"(if you|anyone)\b.{0,60}\b(affected|need(s)? (help|support|to talk))\b.{0,200}"
                r"|.{0,80}\b(helpline|samaritans|crisis line)\b.{0,200}",
}
_LINE = re.compile("|".join(f"(?:{p})" for p in LINE_RULES.values()), re.I)
# A line that reports speech is never furniture, whatever it starts with.
_SPEECH = re.compile(r"[“”\"«»]|\b(said|says|told|according to)\b", re.I)
_WORD = re.compile(r"[a-z]+|[A-Z][a-z]*")


def _words(value: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(value)}


def is_block(element) -> bool:
    """Whether an element is a block around the article, by its tag or by the words of its class/id."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag.lower() in BLOCK_TAGS:
        return True
    names = (element.get("class") or "") + " " + (element.get("id") or "")
    return bool(names.strip()) and not _words(names).isdisjoint(BLOCK_WORDS)


def prune_blocks(tree) -> int:
    """Remove the blocks around the article from an lxml tree, in place; how many were removed."""
    paragraphs = max(1, sum(1 for _ in tree.iter("p")))
    doomed: list = []
    marked: set[int] = set()
    for element in tree.iter():
        if element is tree or not isinstance(element.tag, str) or not is_block(element):
            continue
        if any(id(a) in marked for a in element.iterancestors()):
            continue
        if element.tag == "article" or element.find(".//article") is not None:
            continue
        if sum(1 for _ in element.iter("p")) * 2 > paragraphs:  # most of the page: the article itself
            continue
        doomed.append(element)
        marked.add(id(element))
    for element in doomed:
        element.drop_tree()
    return len(doomed)


def is_furniture(line: str) -> bool:
    """Whether one line of main text is page furniture: it matches a line rule and reports no speech."""
    line = line.strip()
    return _LINE.fullmatch(line) is not None and _SPEECH.search(line) is None


def drop_furniture(text: str) -> str:
    """The main text without the lines that are page furniture (see :data:`LINE_RULES`)."""
    kept = [line for line in text.split("\n") if not is_furniture(line)]
    return "\n".join(kept).strip()
