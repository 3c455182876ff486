"""Limits that keep one document's time linear and bounded: long runs, long units, the time budget.

Pathological text (a wall of quote marks, a line with no full stop, a lone surrogate) is read through
the real entry points; what is checked is that every character keeps its offset, that nothing
raises, and that a document past its budget is a ``timeout`` error while the others go on in order.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import saidwhat
from saidwhat.cli import main
from saidwhat.parse.nlp import load_pipeline
from saidwhat import budget
from saidwhat.parse.tokens import MAX_RUN, make_doc
from saidwhat.segment.paragraphs import split_paragraphs
from saidwhat.segment.quotes import find_quotes
from saidwhat.segment.units import MAX_UNIT_CHARS, make_units
from test_robustness_offsets import check_invariants

SAIDWHAT = Path(sys.executable).parent / "saidwhat"
# About 200 KB of prose in one line with no full stop: seconds of work, far past a budget of 1.5 s
# (the other documents of the batches below take a few tenths of one, busy as the machine may be).
SLOW = "Bob said the plan would work and " * 6000
QUICK = "“We will win the vote in March,” said Ann Lee."
MARKS = ["“", "”", '"', "‘", "’", "'", "«", "»", "„", "``", "''"]


@pytest.mark.parametrize("mark", MARKS)
@pytest.mark.parametrize("n", [201, 3000, 3333])
def test_tokens_long_run_keeps_every_character_at_its_offset(mark, n):
    text = "Bob said it. " + mark * n + " and more,  he said.\n" + mark * n
    doc = make_doc(load_pipeline(), text)
    assert doc.text == text
    assert max(len(t) for t in doc) <= MAX_RUN
    for t in doc:
        assert text[t.idx:t.idx + len(t)] == t.text


def test_tokens_text_without_long_runs_is_spacy_own_tokenization():
    nlp = load_pipeline()
    text = "“It works,” said Dr. Lee on Monday, citing https://example.org/a/b?c=d."
    assert [t.text for t in make_doc(nlp, text)] == [t.text for t in nlp.make_doc(text)]


def test_units_a_long_line_is_read_in_bounded_pieces_that_lose_no_character():
    text = ("Ann Lee said the plan “would work for everyone” and " * 400).strip()
    paragraphs = split_paragraphs(text)
    units = make_units(paragraphs, find_quotes(text, paragraphs), text)
    assert len(units) > 1
    assert all(u.end - u.start <= MAX_UNIT_CHARS and u.cut for u in units)
    assert "".join(text[u.start:u.end] for u in units).replace(" ", "") == text.replace(" ", "")
    for u in units:
        assert all(u.start <= q.start and q.end <= u.end for q in u.quotes)
    # Cuts fall outside quotes where they can: every quote is still whole in some unit.
    assert sum(len(u.quotes) for u in units) == 400


@pytest.mark.parametrize("mark", MARKS)
def test_extract_runs_of_each_quote_mark_are_read_and_slice(mark):
    text = "Bob said it. " + mark * 20_000
    check_invariants(saidwhat.extract(text, budget=60), text)


@pytest.mark.parametrize("text", [
    "Bob said " + "“a ‘b " * 2000 + "’”" * 2000,
    ("“It works.” Bob said. " * 2000).strip(),
    ("“Yes,” he said and " * 3000).strip(),
])
def test_extract_nested_and_long_lines_are_read_and_slice(text):
    check_invariants(saidwhat.extract(text, budget=60), text)


def test_extract_lone_surrogates_become_replacement_characters_offsets_hold():
    text = "A bad \ud800 byte. " + QUICK + " Also \udfff."
    result = saidwhat.extract(text)
    assert result.article.text == "A bad \ufffd byte. " + QUICK + " Also \ufffd."
    assert [(a.content, a.speaker.name) for a in result.attributions] == \
        [("“We will win the vote in March,”", "Ann Lee")]
    for a in result.attributions:
        assert text[a.content_span[0]:a.content_span[1]].encode("utf-8", "surrogatepass") \
            .decode("utf-8", "replace") == a.content
    json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")


class _Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_budget_stops_a_document_before_its_next_step_would_overrun(monkeypatch):
    clock = _Clock()
    monkeypatch.setattr(budget.time, "monotonic", clock)
    with budget.time_budget(3.5):
        for step in (1.0, 1.0):  # at 1 s and 2 s: one more step of 1 s still ends by 3.5 s
            clock.now += step
            budget.check_budget()
        clock.now += 1.0  # at 3 s, the next step of 1 s would end at 4 s
        with pytest.raises(saidwhat.TimeBudgetError):
            budget.check_budget()
    budget.check_budget()  # outside the block: no budget


def test_budget_zero_means_no_limit_and_checked_checks_every_n(monkeypatch):
    clock = _Clock()
    monkeypatch.setattr(budget.time, "monotonic", clock)
    with budget.time_budget(0):
        clock.now += 1e6
        budget.check_budget()
    with budget.time_budget(10):
        seen = []
        with pytest.raises(saidwhat.TimeBudgetError):
            for i in budget.checked(range(100), every=10):
                seen.append(i)
                clock.now += 1.0  # 10 s per 10 items: the check at item 10 sees the budget spent
    assert seen == list(range(10))


def test_extract_over_budget_raises_timeout_error():
    with pytest.raises(saidwhat.TimeBudgetError) as caught:
        saidwhat.extract(SLOW, budget=0.3)
    assert caught.value.reason == "timeout" and "0.3 s" in str(caught.value)
    assert isinstance(caught.value, saidwhat.InputError)


def _batch(tmp_path) -> Path:
    path = tmp_path / "in.jsonl"
    lines = [{"id": "a", "text": QUICK}, {"id": "slow", "text": SLOW},
             {"id": "b", "text": "Bob said it. " + "“" * 20_000},
             {"id": "c", "text": QUICK.replace("March", "May") + "\ud800"}]
    path.write_text("\n".join(json.dumps(d) for d in lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_cli_extract_jsonl_timeout_is_one_error_and_the_rest_keeps_order(tmp_path, workers):
    result = CliRunner(mix_stderr=False).invoke(main, ["extract", "--jsonl", str(_batch(tmp_path)),
                                       "--budget", "1.5", "--workers", str(workers)])
    assert result.exit_code == 1, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in out] == ["a", "b", "c"]
    assert "skipped document 'slow' (line 2): timeout:" in result.stderr
    assert "4 documents, 3 extracted" in result.stderr and "(1 timeout)" in result.stderr


def test_cli_extract_jsonl_budget_zero_means_no_limit(tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "long", "text": SLOW[:40_000]}) + "\n", encoding="utf-8")
    result = CliRunner(mix_stderr=False).invoke(main, ["extract", "--jsonl", str(path), "--budget", "0"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "long"


def test_cli_ingest_records_a_timeout_and_stores_the_others(tmp_path):
    db = tmp_path / "s.db"
    result = CliRunner(mix_stderr=False).invoke(main, ["ingest", str(_batch(tmp_path)), "--db", str(db), "-q",
                                       "--budget", "1.5"])
    assert result.exit_code == 1, result.output
    assert "3 added" in result.stderr and "timeout: 1" in result.stderr
    errors = CliRunner(mix_stderr=False).invoke(main, ["errors", "--db", str(db), "--format", "jsonl"])
    rows = [json.loads(line) for line in errors.stdout.splitlines()]
    assert [r["reason"] for r in rows] == ["timeout"]
