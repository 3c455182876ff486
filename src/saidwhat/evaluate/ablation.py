"""Each registered rule, veto and refiner measured: its examples' frames, and the score on a gold
file with it switched off (an ablation), against the score with everything on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

from ..attribute.document import find_frames
from ..attribute.registry import Entry, check_names
from ..attribute.rules import ENTRIES
from ..pipeline import make_article
from ..time import find_time_expressions
from .attribution import score_attributions
from .run import load_gold, predict

FOCUSES = ("quoted", "speech", "all")
# (cue, source, content), and the chain ("channel CNN", "reported-by Reuters") when there is one.
FrameRow = tuple


def frames_of(text: str, off: Iterable[str] = ()) -> tuple[FrameRow, ...]:
    """The frames that stand in ``text`` as (cue, source, content) rows, content fragments joined
    by " … ", with the named entries switched off: the form registered examples are written in."""
    article = make_article(text)
    times = tuple(find_time_expressions(text, article.published))
    frames = find_frames(article, times, off=check_names(off, ENTRIES)).frames
    return tuple((text[f.cue[0]:f.cue[1]] if f.cue else None,
                  text[f.source.span[0]:f.source.span[1]] if f.source else None,
                  " … ".join(text[s:e] for s, e in sorted(f.content)))
                 + ((_chain_row(text, f),) if f.chain else ()) for f in frames)


def _chain_row(text: str, frame) -> tuple[str, ...]:
    """The sources behind a frame's source, as "relation name": "channel CNN", "cites officials"."""
    return tuple(f"{link.relation} {text[link.mention.span[0]:link.mention.span[1]]}" for link in frame.chain)


@dataclass(frozen=True)
class Ablation:
    """End-to-end F1 by focus with everything on (``base``) and with each entry off."""

    gold: str
    base: dict[str, float]
    without: dict[str, dict[str, float]]

    def delta(self, name: str, focus: str) -> float:
        """What switching ``name`` off does to the focus's F1 (negative: the entry helps)."""
        return round(self.without[name][focus] - self.base[focus], 4)


def _scores(gold, off: frozenset, workers: int) -> dict[str, float]:
    preds, _ = predict(gold, workers, off=off)
    return {focus: score_attributions(gold, preds, focus=focus)["end_to_end_f1"] for focus in FOCUSES}


def ablate(gold_path: Union[str, Path], entries: Iterable[Entry] = ENTRIES, workers: int = 1,
           progress: Optional[Callable[[str], None]] = None) -> Ablation:
    """Score ``gold_path`` with everything on, then with each entry switched off in turn."""
    gold = load_gold(gold_path, "attributions")
    base = _scores(gold, frozenset(), workers)
    without = {}
    for e in entries:
        if progress:
            progress(e.name)
        without[e.name] = _scores(gold, frozenset({e.name}), workers)
    return Ablation(Path(gold_path).name, base, without)
