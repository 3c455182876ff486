"""A small store for the web tests: several outlets, speakers, weeks and kinds, plus hostile articles.

Every sentence is written here (no article text from elsewhere). ``HOSTILE`` strings try to run script
through each place article data reaches a page: text, title, URL, outlet and speaker name.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Union

from corpus_factory import article, said

from saidwhat.model import Article, Attribution, Extraction, Mention, Speaker, SpeakerRef, TimeExpression
from saidwhat.store.corpus import Corpus

SCRIPT = "<script>window.__xss=1</script>"
ATTR = '" onmouseover="window.__xss=1" data-x="'
IMG = '<img src=x onerror="window.__xss=1">'
JS_URL = "javascript:window.__xss=1"
HOSTILE = (SCRIPT, ATTR, IMG, JS_URL)


def overlapping() -> Extraction:
    """A mixed quote with the speaker and cue inside the content's hull, split in two fragments."""
    text = ('The budget "will not survive the winter," Finance Minister Vera Holman told reporters on Monday, '
            '"unless the senate acts."')
    c1 = (text.index('"will'), text.index(',"') + 2)
    c2 = (text.index('"unless'), len(text) - 1)
    sp = (text.index("Vera"), text.index("Vera") + len("Vera Holman"))
    cue = (text.index("told"), text.index("told") + len("told reporters"))
    mon = (text.index("Monday"), text.index("Monday") + 6)
    content = text[c1[0]:c1[1]] + " … " + text[c2[0]:c2[1]]
    att = Attribution(kind="direct", content=content, content_span=(c1[0], c2[1]), content_spans=(c1, c2),
                      cue="told reporters", cue_span=cue, speaker=SpeakerRef("Vera Holman", "person",
                                                                           "finance minister", 0),
                      speaker_span=sp, date="2019-04-08", date_text="Monday", confidence=0.8)
    spk = Speaker(0, "Vera Holman", "person", ("finance minister",), (Mention(sp[0], sp[1], "Vera Holman"),))
    tx = TimeExpression(mon[0], mon[1], "Monday", "DATE", "2019-04-08")
    art = Article(text=text, id="budget-1", published=date(2019, 4, 9),
                  title="Budget talks stall", url="https://ledger.example/budget", source="Ledger")
    return Extraction(art, (att,), (spk,), (tx,))


def extractions() -> list[Extraction]:
    out = [overlapping()]
    # Vera Holman over several weeks and outlets, so her timeline has bars and gaps.
    for i, (day, outlet) in enumerate([("2019-03-04", "Herald"), ("2019-03-06", "Gazette"),
                                       ("2019-03-20", "Herald"), ("2019-04-15", "Courier")]):
        out.append(article([said("Vera Holman", f"the deficit will shrink by spring number {i}",
                                 role="finance minister", when=day),
                            said("a treasury official", f"the forecast was revised in week {i}", type="unnamed",
                                 kind="indirect", when=day)],
                           published=day, source=outlet, url=f"https://{outlet.lower()}.example/{i}",
                           title=f"Deficit update {i}"))
    out.append(article([said("Samir Kelton", "tariffs hurt farmers more than anyone", role="senator"),
                        said("Northwind Bank", "rates will stay where they are", type="organization",
                             kind="indirect")],
                       published="2019-05-02", source="Gazette", url="https://gazette.example/tariffs",
                       title="Tariffs and rates"))
    # Many quotes by one speaker so search paginates.
    for i in range(30):
        out.append(article([said("Olga Barton", f"harbour project milestone {i} is on schedule", role="mayor")],
                           published=f"2019-06-{1 + i % 28:02d}", source="Tribune",
                           url=f"https://tribune.example/harbour/{i}", title=f"Harbour {i}"))
    # Hostile data in every field that reaches a page.
    out.append(article([said(IMG, f"{SCRIPT} and {ATTR} and {JS_URL}", role=SCRIPT),
                        said("Ida Fenwell", f"{IMG} is what the page said")],
                       published="2019-07-01", source="<b onmouseover=\"window.__xss=1\">Evil</b>",
                       url=JS_URL, title=SCRIPT + IMG, filler=ATTR + " " + SCRIPT))
    out.append(article([said("Ida Fenwell", "a second hostile url test")], published="2019-07-02",
                       source="Herald", url='https://herald.example/x" onmouseover="window.__xss=1',
                       title=ATTR))
    return out


def build(path: Union[str, Path]) -> Path:
    """Write the store to ``path`` (a new file) and close it, as ``saidwhat ingest`` would leave it."""
    path = Path(path)
    with Corpus(path) as corpus:
        corpus.add_many(extractions())
        corpus.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path
