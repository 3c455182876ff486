"""Run saidwhat over a gold file's texts (with their ``published`` dates) and score what it found."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, TextIO, Union

from ..attribute.registry import check_names
from ..attribute.rules import ENTRIES
from ..batch import DocumentError, extract_many
from ..errors import InputError
from .attribution import score_attributions
from .timex import score_time_expressions

GoldDocs = dict[str, dict[str, Any]]


@dataclass(frozen=True)
class EvaluationReport:
    """The metrics, and the gold documents that could not be extracted (counted as missing)."""

    metrics: dict[str, Any]
    errors: tuple[DocumentError, ...] = field(default=())


def load_gold(path: Union[str, Path], needs: str) -> GoldDocs:
    """Gold documents keyed by id (a repeated id keeps its last line), each with ``text`` and ``needs``.

    Raises :class:`InputError` naming the file and line of the first malformed line.
    """
    name = str(path)
    try:
        f = open(path, encoding="utf-8")
    except OSError as e:
        raise InputError(f"cannot be read ({e.strerror}); expected a gold JSON Lines file", name,
                         "unreadable") from None
    docs: GoldDocs = {}
    with f:
        try:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                where = f"{name}:{number}"
                try:
                    doc = json.loads(line)
                except json.JSONDecodeError as e:
                    raise InputError(f"not JSON ({e.msg})", where, "bad-json") from None
                if not isinstance(doc, dict) or "id" not in doc or not isinstance(doc.get("text"), str):
                    raise InputError("expected an object with \"id\" and a \"text\" string", where,
                                     "bad-gold")
                if not isinstance(doc.get(needs, []), list):
                    raise InputError(f"\"{needs}\" is not a list", where, "bad-gold")
                docs[str(doc["id"])] = doc
        except UnicodeDecodeError:
            raise InputError("is not valid UTF-8", name, "not-utf8") from None
    return docs


def predict(gold: GoldDocs, workers: int = 1,
            on_error: Optional[Callable[[DocumentError], None]] = None, beliefs: bool = False,
            off: frozenset = frozenset()) -> tuple[GoldDocs, list[DocumentError]]:
    """saidwhat's output (``Extraction.to_dict()``) for every gold text, keyed by id."""
    inputs = ({"id": doc_id, "text": doc["text"], "published": doc.get("published")}
              for doc_id, doc in gold.items())
    preds: GoldDocs = {}
    errors: list[DocumentError] = []
    for result in extract_many(inputs, workers=workers, beliefs=beliefs, off=off):
        if isinstance(result, DocumentError):
            errors.append(result)
            if on_error:
                on_error(result)
        else:
            preds[str(result.id)] = result.to_dict()
    return preds, errors


def _save(preds: GoldDocs, out: Optional[TextIO]) -> None:
    if out is not None:
        for doc in preds.values():
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")


def evaluate_attributions(gold_path: Union[str, Path], *, focus: str = "all",
                          min_overlap: float = 0.5, workers: int = 1,
                          predictions: Optional[TextIO] = None,
                          on_error: Optional[Callable[[DocumentError], None]] = None,
                          beliefs: bool = False, names: bool = False, without: Iterable[str] = ()
                          ) -> EvaluationReport:
    """Extract every text of an attribution gold file and score the attributions found.

    ``predictions``, when given, receives saidwhat's output as JSON Lines (the scorer's pred format);
    ``beliefs`` also extracts beliefs, plans and findings (see ``saidwhat.extract``); ``names``
    judges named speakers by the resolved name and adds ``name_exact_rate``; ``without`` names
    registered rules, vetoes or refiners to switch off (an unknown name raises
    :class:`~saidwhat.attribute.registry.UnknownRuleError`).
    """
    off = check_names(without, ENTRIES)
    gold = load_gold(gold_path, "attributions")
    preds, errors = predict(gold, workers, on_error, beliefs, off)
    _save(preds, predictions)
    metrics = score_attributions(gold, preds, focus=focus, min_overlap=min_overlap, names=names)
    return EvaluationReport(metrics, tuple(errors))


def evaluate_time(gold_path: Union[str, Path], *, workers: int = 1,
                  predictions: Optional[TextIO] = None,
                  on_error: Optional[Callable[[DocumentError], None]] = None) -> EvaluationReport:
    """Extract every text of a TimeML gold file and score the time expressions found."""
    gold = load_gold(gold_path, "time_expressions")
    preds, errors = predict(gold, workers, on_error)
    _save(preds, predictions)
    return EvaluationReport(score_time_expressions(gold, preds), tuple(errors))
