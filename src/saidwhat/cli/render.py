"""Terminal rendering of one stored article: attribution content, cues and speakers highlighted."""

from __future__ import annotations

from ..store.results import ArticleView, date_label

STYLES = {"content": "yellow", "cue": "bold magenta", "speaker": "bold cyan"}


def article_text(view: ArticleView, console) -> None:
    """Print the article's header, its text with spans highlighted, and a numbered list of attributions."""
    from rich.text import Text

    head = [f"#{view.id}", view.title or "(untitled)", view.outlet or "",
            f"published {view.published}" if view.published else "", view.url or ""]
    console.print(Text(" · ".join(h for h in head if h), style="bold"))
    if view.near_duplicate_of:
        console.print(Text(f"near-duplicate of article #{view.near_duplicate_of}", style="dim"))
    text = Text(view.text)
    for a in view.attributions:
        for start, end in a.content_spans:
            text.stylize(STYLES["content"], start, end)
        if a.cue_span:
            text.stylize(STYLES["cue"], *a.cue_span)
        if a.speaker_span:
            text.stylize(STYLES["speaker"], *a.speaker_span)
    console.print(text)
    console.print()
    for n, a in enumerate(view.attributions, 1):
        console.print(Text(f"[{n}] {a.speaker or '(no source)'} ({a.source_type}, {a.kind}, {date_label(a.date, a.date_basis)}): ",
                           style="bold") + Text(a.content))
        notes = [f"confidence {a.confidence:.2f}" + (" (uncertain: check it)" if a.low_confidence else "")]
        notes += [f"found by: {a.mechanism}"] if a.mechanism else []
        notes += [f"speaker: {a.resolution}"] if a.resolution else []
        notes += [f"corrected: {', '.join(a.corrected)}"] if a.corrected else []
        notes += [f"checked: {a.verdict}"] if a.verdict else []
        console.print(Text("    " + " · ".join(notes), style="dim"))
