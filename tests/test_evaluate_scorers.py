"""The project's scorers: the matching rules case by case, and agreement with the shared reference."""

from __future__ import annotations

import json
import random

import pytest
from reference_scorers import run_reference

from saidwhat.evaluate import score_attributions, score_time_expressions
from saidwhat.evaluate.attribution import speaker_agrees
from saidwhat.evaluate.spans import content_chars

TEXT = ('“We will build it,” the mayor said on Monday. Officials said the plan was "sound". '
        "Critics, according to a local paper, called it a waste. Nobody answered.")


def _doc(attributions, text=TEXT, doc_id="d1"):
    return {doc_id: {"id": doc_id, "text": text, "attributions": attributions}}


def _span(fragment, text=TEXT):
    start = text.index(fragment)
    return [start, start + len(fragment)]


@pytest.mark.parametrize("span, expected", [
    ("“We will build it,”", "We will build it"),
    ('"sound". ', "sound"),
    ("— ‘ok’ —", "ok"),
    ("...", ""),
])
def test_evaluate_content_trims_quotes_spaces_punctuation(span, expected):
    text = f"xx {span} yy"
    s = text.index(span)
    chars = content_chars(text, [s, s + len(span)])
    assert "".join(text[i] for i in sorted(chars)) == expected


def test_evaluate_content_spans_list_is_union_of_characters():
    text = "“We had,” he said, “no choice.”"
    parts = [[0, 9], [19, 31]]
    chars = content_chars(text, parts)
    assert "".join(text[i] for i in sorted(chars)) == "We hadno choice"


@pytest.mark.parametrize("gold, pred, same", [
    ({"speaker": {"name": "Mike Pompeo"}}, {"speaker": {"name": "Pompeo"}}, True),
    ({"speaker": {"name": "Pompeo"}}, {"speaker": {"name": "Mike Pompeo"}}, True),
    ({"speaker": {"name": "Mike Pompeo", "type": "organization"}},
     {"speaker": {"name": "Pompeo"}}, False),
    ({"speaker": {"name": "The New York Post"}}, {"speaker": {"name": "the new york post"}}, True),
    ({"speaker": {"name": "Donald Trump"}}, {"speaker": {"name": "Mike Pompeo"}}, False),
    ({"speaker": None}, {"speaker": None}, True),
    ({"speaker": None}, {"speaker": {"name": "Officials"}}, False),
    ({"speaker": {"name": "he"}, "speaker_span": [10, 12]},
     {"speaker": {"name": "Donald Trump"}, "speaker_span": [11, 14]}, True),
    ({"speaker": {"name": "he"}, "speaker_span": [10, 12]},
     {"speaker": {"name": "Donald Trump"}, "speaker_span": [12, 14]}, False),
    ({"speaker": None, "speaker_span": [3, 5]}, {"speaker": None}, False),
])
def test_evaluate_speaker_rules(gold, pred, same):
    assert speaker_agrees(gold, pred) is same


def test_evaluate_perfect_prediction_scores_one():
    golds = [{"kind": "direct", "content_span": _span("We will build it"),
              "speaker": {"name": "the mayor"}, "date": "2019-04-08"},
             {"kind": "indirect", "content_span": _span("the plan was \"sound\""),
              "speaker": {"name": "Officials", "type": "unnamed"}}]
    m = score_attributions(_doc(golds), _doc(golds))
    assert (m["content_f1"], m["end_to_end_f1"], m["date_accuracy"]) == (1.0, 1.0, 1.0)
    assert m["recall_by_kind"] == {"direct": 1.0, "indirect": 1.0}


def test_evaluate_nothing_predicted_and_missing_document():
    golds = [{"kind": "direct", "content_span": _span("We will build it"), "speaker": None}]
    m = score_attributions(_doc(golds), {})
    assert (m["missing_documents"], m["gold"], m["predicted"], m["content_f1"]) == (1, 1, 0, 0.0)
    assert m["date_accuracy"] is None


@pytest.mark.parametrize("focus, gold_n, pred_n", [
    ("all", 3, 3),
    ("quoted", 1, 2),  # the matched indirect gold is optional: its prediction is not counted
    ("speech", 2, 3),  # the unmatched "other" gold costs nothing; the stray prediction counts
])
def test_evaluate_focus_makes_other_gold_optional(focus, gold_n, pred_n):
    golds = [{"kind": "direct", "cue_class": "speech", "content_span": _span("We will build it")},
             {"kind": "indirect", "cue_class": "speech", "content_span": _span("the plan was")},
             {"kind": "indirect", "cue_class": "other", "content_span": _span("called it a waste")}]
    preds = [{"content_span": _span("We will build it")}, {"content_span": _span("the plan was")},
             {"content_span": _span("Nobody answered")}]
    m = score_attributions(_doc(golds), _doc(preds), focus=focus)
    assert (m["gold"], m["predicted"]) == (gold_n, pred_n)


def test_evaluate_overlap_threshold():
    golds = [{"content_span": _span("Officials said the plan was")}]
    preds = [{"content_span": _span("the plan")}]  # 7 of 24 characters
    assert score_attributions(_doc(golds), _doc(preds))["matched"] == 0
    assert score_attributions(_doc(golds), _doc(preds), min_overlap=0.2)["matched"] == 1


def test_evaluate_timex_strict_relaxed_value():
    text = "On Monday, 8 April 2019, for three years"
    gold = {"t": {"id": "t", "text": text, "time_expressions": [
        {"start": 3, "end": 9, "type": "DATE", "value": "2019-04-08"},
        {"start": 11, "end": 23, "type": "DATE", "value": "2019-04-08"},
        {"start": 25, "end": 40, "type": "DURATION", "value": "P3Y"}]}}
    pred = {"t": {"time_expressions": [
        {"start": 3, "end": 9, "type": "DATE", "value": "2019-04-08"},
        {"start": 13, "end": 23, "type": "DATE", "value": "2019-04"},
        {"start": 0, "end": 2, "type": "DATE", "value": "X"}]}}
    m = score_time_expressions(gold, pred)
    assert (m["gold"], m["predicted"]) == (3, 3)
    assert m["strict_f1"] == round(1 / 3, 4)
    assert m["relaxed_f1"] == round(2 / 3, 4)
    assert m["type_f1"] == round(2 / 3, 4)
    assert m["value_f1"] == round(2 / 3 * 1 / 2, 4)


# --- agreement with the shared reference scorers on random synthetic cases ---------------------

WORDS = ("the council said that “budgets will rise,” and she added: ‘no’. officials, "
         "according to reports — denied it; “we never agreed” he told them").split(" ")
NAMES = ["Ada Lovelace", "Lovelace", "ada lovelace", "Grace Hopper", "Hopper", "the council",
         "Officials", "a source", None]


def _random_text(rng):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 60)))


def _random_span(rng, n):
    s = rng.randint(0, n - 1)
    return [s, rng.randint(s, n)]


def _random_attribution(rng, text, gold):
    n = len(text)
    a = {"content_span": _random_span(rng, n)}
    if rng.random() < 0.3:
        a["content_spans"] = [_random_span(rng, n) for _ in range(rng.randint(1, 3))]
    name = rng.choice(NAMES)
    a["speaker"] = None if name is None and rng.random() < 0.5 else {"name": name}
    if a["speaker"] and rng.random() < 0.3:
        a["speaker"]["type"] = rng.choice(["person", "organization", "unnamed"])
    if rng.random() < 0.5:
        a["speaker_span"] = _random_span(rng, n)
    if rng.random() < 0.7:
        a["kind"] = rng.choice(["direct", "indirect", "mixed"])
    if rng.random() < 0.5:
        a["date"] = rng.choice(["2019-04-06", "2019-04-08", None])
    if gold and rng.random() < 0.5:
        a["cue_class"] = rng.choice(["speech", "other"])
    if gold and rng.random() < 0.1:
        a["optional"] = True
    return a


def _perturbed(rng, a, n):
    p = json.loads(json.dumps(a))
    p.pop("optional", None)
    if rng.random() < 0.5:
        s, e = p["content_span"]
        p["content_span"] = [max(0, s + rng.randint(-3, 3)), min(n, max(s, e + rng.randint(-3, 3)))]
        p.pop("content_spans", None)
    if rng.random() < 0.3:
        p["speaker"] = rng.choice([None, {"name": rng.choice(NAMES)}])
    return p


def _random_corpus(seed, docs=40):
    rng = random.Random(seed)
    gold, pred = [], []
    for i in range(docs):
        text = _random_text(rng)
        golds = [_random_attribution(rng, text, True) for _ in range(rng.randint(0, 6))]
        preds = [_perturbed(rng, g, len(text)) for g in golds if rng.random() < 0.7]
        preds += [_random_attribution(rng, text, False) for _ in range(rng.randint(0, 3))]
        rng.shuffle(preds)
        gold.append({"id": f"g{i}", "text": text, "attributions": golds})
        if i % 3 == 0:
            gold[-1]["dates_annotated"] = True  # null gold dates count there
        if rng.random() < 0.9:
            pred.append({"id": f"g{i}", "attributions": preds})
    pred.append({"id": "not-in-gold", "attributions": []})
    return gold, pred


def _random_timex_corpus(seed, docs=40):
    rng = random.Random(seed)
    gold, pred = [], []
    for i in range(docs):
        def timex():
            s = rng.randint(0, 80)
            t = {"start": s, "end": s + rng.randint(1, 12)}
            if rng.random() < 0.9:
                t["type"] = rng.choice(["DATE", "TIME", "DURATION", "SET"])
            if rng.random() < 0.9:
                t["value"] = rng.choice(["2019-04-08", "2019-04", "P3Y", "PRESENT_REF"])
            return t
        gold.append({"id": i, "text": "x" * 100, "time_expressions":
                     [timex() for _ in range(rng.randint(0, 6))]})
        if rng.random() < 0.9:
            pred.append({"id": i, "time_expressions": [timex() for _ in range(rng.randint(0, 6))]})
    return gold, pred


def _write(path, docs):
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


_reference = run_reference


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("focus, min_overlap", [("all", 0.5), ("quoted", 0.5), ("speech", 0.5),
                                                ("all", 0.2), ("all", 0.0)])
def test_evaluate_attributions_agree_with_reference(tmp_path, seed, focus, min_overlap):
    gold, pred = _random_corpus(seed)
    gpath, ppath = _write(tmp_path / "gold.jsonl", gold), _write(tmp_path / "pred.jsonl", pred)
    expected = _reference("score.py", gpath, ppath, "--focus", focus, "--min-overlap", min_overlap)
    got = score_attributions({str(d["id"]): d for d in gold}, {str(d["id"]): d for d in pred},
                             focus=focus, min_overlap=min_overlap)
    assert got == expected
    assert expected["matched"] > 0  # the case exercises matching


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("focus", ["all", "quoted"])
def test_evaluate_attributions_with_names_agree_with_reference(tmp_path, seed, focus):
    gold, pred = _random_corpus(seed)
    gpath, ppath = _write(tmp_path / "gold.jsonl", gold), _write(tmp_path / "pred.jsonl", pred)
    expected = _reference("score.py", gpath, ppath, "--focus", focus, "--names")
    got = score_attributions({str(d["id"]): d for d in gold}, {str(d["id"]): d for d in pred},
                             focus=focus, names=True)
    assert got == expected
    assert expected["name_exact_rate"] is not None


@pytest.mark.parametrize("gold_name, pred_name, same", [
    ("Joe Biden", "Joe Biden", True),
    ("Joe Biden", "Biden", False),
    ("the Associated Press", "Associated Press", True),
    ("Reuters", "Reuters's", True),
    ("Carla Moss", "Acting U.S. Attorney Carla Moss", False),
])
def test_evaluate_names_word_for_word(gold_name, pred_name, same):
    from saidwhat.evaluate.attribution import same_name
    gold = {"speaker": {"name": gold_name, "type": "person"}}
    assert same_name(gold, {"speaker": {"name": pred_name}}) is same


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_evaluate_timex_agree_with_reference(tmp_path, seed):
    gold, pred = _random_timex_corpus(seed)
    gpath, ppath = _write(tmp_path / "gold.jsonl", gold), _write(tmp_path / "pred.jsonl", pred)
    expected = _reference("score_timex.py", gpath, ppath)
    got = score_time_expressions({str(d["id"]): d for d in gold}, {str(d["id"]): d for d in pred})
    assert got == expected
    assert expected["predicted"] > 0
