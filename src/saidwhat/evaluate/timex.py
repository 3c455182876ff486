"""Time expression scoring, TempEval-3 style: strict and relaxed span F1, type and value F1.

Definitions (those of the shared reference scorer):

- strict: a predicted (start, end) equals a gold one (each distinct span counted once);
- relaxed: spans overlap; pairs are matched one-to-one, largest character overlap first (ties:
  later gold, then later prediction, first);
- ``type_f1`` and ``value_f1``: relaxed F1 times the share of relaxed matches whose type (value) is
  equal, as the TempEval-3 scorer computes them (a missing value on both sides counts as equal).
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from .spans import f1


def match_overlapping(golds: Sequence[Mapping[str, Any]], preds: Sequence[Mapping[str, Any]]
                      ) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, prediction index) of overlapping spans, largest overlap first."""
    candidates = []
    for i, g in enumerate(golds):
        for j, p in enumerate(preds):
            shared = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if shared > 0:
                candidates.append((shared, i, j))
    candidates.sort(reverse=True)
    pairs, gold_taken, pred_taken = [], set(), set()
    for _, i, j in candidates:
        if i in gold_taken or j in pred_taken:
            continue
        gold_taken.add(i)
        pred_taken.add(j)
        pairs.append((i, j))
    return pairs


def score_time_expressions(gold_docs: Mapping[str, Mapping[str, Any]],
                           pred_docs: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Metrics of predicted time expressions against gold, both keyed by document id."""
    n_gold = n_pred = strict = relaxed = type_ok = value_ok = 0
    for doc_id, gold_doc in gold_docs.items():
        golds = list(gold_doc.get("time_expressions") or [])
        preds = list((pred_docs.get(doc_id) or {}).get("time_expressions") or [])
        n_gold += len(golds)
        n_pred += len(preds)
        strict += len({(t["start"], t["end"]) for t in golds}
                      & {(t["start"], t["end"]) for t in preds})
        for i, j in match_overlapping(golds, preds):
            relaxed += 1
            type_ok += golds[i].get("type") == preds[j].get("type")
            value_ok += golds[i].get("value") == preds[j].get("value")

    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    relaxed_p, relaxed_r = ratio(relaxed, n_pred), ratio(relaxed, n_gold)
    relaxed_f = f1(relaxed_p, relaxed_r)
    return {
        "documents": len(gold_docs), "gold": n_gold, "predicted": n_pred,
        "strict_f1": round(f1(ratio(strict, n_pred), ratio(strict, n_gold)), 4),
        "relaxed_precision": round(relaxed_p, 4), "relaxed_recall": round(relaxed_r, 4),
        "relaxed_f1": round(relaxed_f, 4),
        "type_f1": round(relaxed_f * type_ok / relaxed, 4) if relaxed else 0.0,
        "value_f1": round(relaxed_f * value_ok / relaxed, 4) if relaxed else 0.0,
    }
