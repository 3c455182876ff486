"""saidwhat eval / eval-time: extract a gold file's texts, print the reference scorers' metrics."""

from __future__ import annotations

import json

import pytest
from reference_scorers import run_reference
from click.testing import CliRunner

from fake_engine import use_fake_engine
from saidwhat.cli import main

ATTRIBUTION_KEYS = ["focus", "documents", "missing_documents", "gold", "predicted", "matched",
                    "content_precision", "content_recall", "content_f1", "exact_span_rate",
                    "speaker_accuracy", "end_to_end_f1", "date_accuracy", "recall_by_kind"]
TIMEX_KEYS = ["documents", "gold", "predicted", "strict_f1", "relaxed_precision", "relaxed_recall",
              "relaxed_f1", "type_f1", "value_f1"]


def _gold_doc(doc_id, text, quotes, published="2019-04-08", **extra):
    attributions = []
    for fragment, kind, speaker in quotes:
        s = text.index(fragment)
        attributions.append({"kind": kind, "content_span": [s, s + len(fragment)],
                             "speaker": {"name": speaker} if speaker else None,
                             "date": published if kind == "direct" else None})
    return {"id": doc_id, "text": text, "published": published, "attributions": attributions,
            **extra}


@pytest.fixture
def gold_file(tmp_path):
    texts = [
        _gold_doc("one", "“The dam will hold,” Lovelace said on Monday. Engineers said it might not.",
                  [("The dam will hold,", "direct", "Ada Lovelace"),
                   ("it might not", "indirect", "Engineers")],
                  time_expressions=[{"start": 37, "end": 43, "type": "DATE",
                                     "value": "2019-04-08"}]),
        _gold_doc("two", "Nobody spoke. “Quiet,” said Lovelace. “Still quiet,” she said.",
                  [("Quiet,", "direct", "Lovelace"), ("Still quiet,", "direct", "Lovelace")],
                  time_expressions=[]),
        _gold_doc("three", "On Monday a report said “costs rose.”",
                  [("costs rose.", "direct", "a report")],
                  time_expressions=[{"start": 3, "end": 9, "type": "DATE", "value": "XXXX-WXX-1"}]),
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in texts),
                    encoding="utf-8")
    return path


@pytest.fixture
def runner():
    return CliRunner(mix_stderr=False)


_reference = run_reference


@pytest.mark.parametrize("focus", ["all", "quoted", "speech"])
def test_evaluate_cli_eval_prints_reference_metrics(runner, monkeypatch, gold_file, tmp_path, focus):
    use_fake_engine(monkeypatch)
    pred = tmp_path / "pred.jsonl"
    result = runner.invoke(main, ["eval", str(gold_file), "--focus", focus,
                                  "--save-predictions", str(pred)])
    assert result.exit_code == 0, result.stderr
    metrics = json.loads(result.stdout)
    assert list(metrics) == ATTRIBUTION_KEYS
    assert metrics["documents"] == 3 and metrics["matched"] > 0
    assert metrics == _reference("score.py", gold_file, pred, "--focus", focus)


def test_evaluate_cli_eval_table(runner, monkeypatch, gold_file):
    use_fake_engine(monkeypatch)
    result = runner.invoke(main, ["eval", str(gold_file), "--table"])
    assert result.exit_code == 0
    rows = result.stdout.splitlines()
    assert [r.split()[0] for r in rows] == ATTRIBUTION_KEYS
    assert "end_to_end_f1" in result.stdout


def test_evaluate_cli_eval_time_prints_reference_metrics(runner, monkeypatch, gold_file, tmp_path):
    use_fake_engine(monkeypatch)
    pred = tmp_path / "pred.jsonl"
    result = runner.invoke(main, ["eval-time", str(gold_file), "--save-predictions", str(pred)])
    assert result.exit_code == 0, result.stderr
    metrics = json.loads(result.stdout)
    assert list(metrics) == TIMEX_KEYS
    assert metrics["gold"] == 2 and metrics["predicted"] == 2
    assert metrics == _reference("score_timex.py", gold_file, pred)


def test_evaluate_cli_eval_counts_unextractable_document_as_missing(runner, tmp_path):
    path = tmp_path / "gold.jsonl"
    docs = [_gold_doc("ok", "“Fine,” she said.", [("Fine,", "direct", "she")]),
            _gold_doc("bad-date", "“Fine,” she said.", [("Fine,", "direct", "she")],
                      published="soon")]
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs),
                    encoding="utf-8")
    result = runner.invoke(main, ["eval", str(path)])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["missing_documents"] == 1
    assert "bad-date" in result.stderr and "missing" in result.stderr


@pytest.mark.parametrize("content, words", [
    (None, "cannot be read"),
    ('{"id": "a", "text": "x"}\nnot json\n', ":2: not JSON"),
    ('{"text": "no id"}\n', ":1: expected an object"),
    ('{"id": "a", "text": "x", "attributions": {}}\n', "is not a list"),
])
def test_evaluate_cli_bad_gold_file(runner, tmp_path, content, words):
    path = tmp_path / "gold.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = runner.invoke(main, ["eval", str(path)])
    assert result.exit_code == 2
    assert str(path) in result.stderr and words in result.stderr
