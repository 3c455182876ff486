"""Attribution scoring: content spans matched one-to-one, then speaker and date checked per match.

Definitions (those of the shared reference scorer):

- Content spans are compared as character sets, trimmed of quote marks, spaces and punctuation at
  both ends; a ``content_spans`` list counts as the set of its characters.
- A prediction matches a gold attribution when the two sets overlap by at least ``min_overlap`` of
  their union; pairs are taken greedily, best overlap first (ties: later gold, then later prediction,
  first), each attribution at most once.
- A gold attribution marked ``optional``, or outside ``focus`` (quoted: kind direct or mixed; speech:
  ``cue_class`` speech, the default when absent), adds no recall when missed and costs no precision
  when matched: a prediction matched to it is not counted.
- The speaker is right when the speaker spans overlap, or neither side names a source, or the
  case-folded name words agree, or (for a gold person) the gold's last name word is among the
  predicted name's words.
- With ``names``, a gold person or organization is right only when the resolved name is the same
  (case-folded words, a leading "the" and a trailing "'s" aside): "he" must become "Joe Biden";
  ``name_exact_rate`` is that share among matched gold persons and organizations.
- ``end_to_end_f1`` counts a match only when its speaker is right; ``date_accuracy`` is over matched
  gold attributions that carry a date and, in a document marked ``dates_annotated``, those whose
  date is null too (the prediction must then be null).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional, Sequence

from .spans import content_chars, f1, jaccard

FOCUSES = ("all", "quoted", "speech")
QUOTED_KINDS = ("direct", "mixed")
_WORD = re.compile(r"\w+")


def in_focus(gold: Mapping[str, Any], focus: str) -> bool:
    """Whether a gold attribution counts under ``focus``."""
    if focus == "quoted":
        return gold.get("kind") in QUOTED_KINDS
    if focus == "speech":
        return gold.get("cue_class", "speech") == "speech"
    return True


def name_words(name: Optional[str]) -> list[str]:
    return [w.casefold() for w in _WORD.findall(name or "")]


def resolved_name_words(name: Optional[str]) -> list[str]:
    """A name's words as ``--names`` compares them: a leading "the" and a trailing "'s" aside."""
    words = name_words(name)
    if words[:1] == ["the"]:
        words = words[1:]
    if len(words) > 1 and words[-1] == "s" and ("'" in (name or "") or "’" in (name or "")):
        words = words[:-1]
    return words


def same_name(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> Optional[bool]:
    """Whether the resolved names agree; None when the gold is not a named person or organization."""
    speaker = gold.get("speaker") or {}
    if not speaker.get("name") or speaker.get("type") not in ("person", "organization"):
        return None
    return resolved_name_words(speaker["name"]) == resolved_name_words((pred.get("speaker") or {}).get("name"))


def _overlaps(a: Optional[Sequence[int]], b: Optional[Sequence[int]]) -> bool:
    return bool(a) and bool(b) and a[0] < b[1] and b[0] < a[1]


def speaker_agrees(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Whether a predicted attribution names the gold attribution's source."""
    gold_span, pred_span = gold.get("speaker_span"), pred.get("speaker_span")
    if _overlaps(gold_span, pred_span):
        return True
    gold_speaker = gold.get("speaker") or {}
    gold_name = gold_speaker.get("name")
    pred_name = (pred.get("speaker") or {}).get("name")
    if not (gold_name or pred_name or gold_span or pred_span):
        return True  # both say that no source is named
    if not gold_name or not pred_name:
        return False
    gold_words, pred_words = name_words(gold_name), name_words(pred_name)
    if gold_words == pred_words:
        return True
    is_person = gold_speaker.get("type", "person") == "person"
    return is_person and bool(gold_words) and gold_words[-1] in pred_words


def _content(text: str, attribution: Mapping[str, Any]) -> frozenset[int]:
    return content_chars(text, attribution.get("content_spans") or attribution["content_span"])


def match_contents(gold_sets: Sequence[frozenset[int]], pred_sets: Sequence[frozenset[int]],
                   min_overlap: float) -> dict[int, int]:
    """Greedy one-to-one matching, best overlap first: gold index → prediction index."""
    candidates = sorted(((jaccard(g, p), i, j) for i, g in enumerate(gold_sets)
                         for j, p in enumerate(pred_sets)), reverse=True)
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for score, i, j in candidates:
        if score < min_overlap:
            break
        if i not in matched and j not in taken:
            matched[i] = j
            taken.add(j)
    return matched


@dataclass
class AttributionCounts:
    """Raw counts over documents; :meth:`metrics` turns them into the reported figures."""

    documents: int = 0
    missing_documents: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0
    speaker_ok: int = 0
    dated: int = 0
    date_ok: int = 0
    named: int = 0
    name_ok: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind → [gold, found]

    def add_document(self, gold_doc: Mapping[str, Any], pred_doc: Optional[Mapping[str, Any]],
                     focus: str, min_overlap: float, names: bool = False) -> None:
        text = gold_doc["text"]
        self.documents += 1
        if pred_doc is None:
            self.missing_documents += 1
        golds = list(gold_doc.get("attributions") or [])
        preds = list((pred_doc or {}).get("attributions") or [])
        counted = [not g.get("optional") and in_focus(g, focus) for g in golds]
        matched = match_contents([_content(text, g) for g in golds],
                                 [_content(text, p) for p in preds], min_overlap)
        self.gold += sum(counted)
        self.predicted += len(preds) - sum(1 for i in matched if not counted[i])
        for i, g in enumerate(golds):
            if not counted[i]:
                continue
            tally = self.by_kind.setdefault(g.get("kind", "any"), [0, 0])
            tally[0] += 1
            if i not in matched:
                continue
            p = preds[matched[i]]
            tally[1] += 1
            self.matched += 1
            self.exact += _content(text, g) == _content(text, p)
            named = same_name(g, p)
            if named is not None:
                self.named += 1
                self.name_ok += named
            self.speaker_ok += named if names and named is not None else speaker_agrees(g, p)
            if g.get("date") or ("date" in g and gold_doc.get("dates_annotated")):
                self.dated += 1
                self.date_ok += p.get("date") == g.get("date")

    def metrics(self, focus: str, names: bool = False) -> dict[str, Any]:
        """The figures, keyed and rounded as the reference scorer prints them."""
        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        precision, recall = ratio(self.matched, self.predicted), ratio(self.matched, self.gold)
        e2e = f1(ratio(self.speaker_ok, self.predicted), ratio(self.speaker_ok, self.gold))
        out = {
            "focus": focus, "documents": self.documents,
            "missing_documents": self.missing_documents, "gold": self.gold,
            "predicted": self.predicted, "matched": self.matched,
            "content_precision": round(precision, 4), "content_recall": round(recall, 4),
            "content_f1": round(f1(precision, recall), 4),
            "exact_span_rate": round(ratio(self.exact, self.matched), 4),
            "speaker_accuracy": round(ratio(self.speaker_ok, self.matched), 4),
            "end_to_end_f1": round(e2e, 4),
            "date_accuracy": round(self.date_ok / self.dated, 4) if self.dated else None,
            "recall_by_kind": {k: round(found / total, 4)
                               for k, (total, found) in sorted(self.by_kind.items())},
        }
        if names:
            out["name_exact_rate"] = round(self.name_ok / self.named, 4) if self.named else None
        return out


def score_attributions(gold_docs: Mapping[str, Mapping[str, Any]],
                       pred_docs: Mapping[str, Mapping[str, Any]], *, focus: str = "all",
                       min_overlap: float = 0.5, names: bool = False) -> dict[str, Any]:
    """Metrics of predicted attributions against gold, both keyed by document id.

    ``names``: judge named gold speakers by the resolved name (see the module docstring).
    Gold documents need ``text`` and ``attributions``; predictions for ids not in the gold are
    ignored, and a gold document with no prediction counts as missing (all its gold missed).
    """
    if focus not in FOCUSES:
        raise ValueError(f"focus is {focus!r}; expected one of {', '.join(FOCUSES)}")
    counts = AttributionCounts()
    for doc_id, gold_doc in gold_docs.items():
        counts.add_document(gold_doc, pred_docs.get(doc_id), focus, min_overlap, names)
    return counts.metrics(focus, names)
