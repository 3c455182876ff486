"""The registry: every entry documented by at least three examples, each example's frames found,
and each entry doing something (switched off, at least one of its examples changes)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from saidwhat.attribute.registry import UnknownRuleError, check_names
from saidwhat.attribute.rules import ENTRIES
from saidwhat.cli import main
from saidwhat.evaluate.ablation import frames_of

ATTRIBUTE = Path(__file__).resolve().parents[1] / "src" / "saidwhat" / "attribute"
EXAMPLES = [pytest.param(e.name, ex.text, ex.frames, id=f"{e.name}-{i}")
            for e in ENTRIES for i, ex in enumerate(e.examples)]


@pytest.mark.parametrize("name,text,frames", EXAMPLES)
def test_attribute_rules_example_yields_its_frames(name, text, frames):
    assert frames_of(text) == frames


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
def test_attribute_rules_entry_has_three_examples_and_matters(entry):
    assert len(entry.examples) >= 3
    changed = [ex.text for ex in entry.examples if frames_of(ex.text, {entry.name}) != ex.frames]
    assert changed, f"switching {entry.name} off changes none of its examples"


def test_attribute_rules_names_are_unique_and_every_switch_is_registered():
    names = [e.name for e in ENTRIES]
    assert len(names) == len(set(names))
    source = "\n".join(p.read_text(encoding="utf-8") for p in ATTRIBUTE.glob("*.py"))
    switched = set(re.findall(r"""\.on\("([a-z-]+)"\)""", source)) | \
        set(re.findall(r""""([a-z-]+)" not in off""", source))
    assert switched and switched <= set(names), switched - set(names)


def test_attribute_rules_unknown_name_is_a_typed_error():
    assert check_names(["quote", " nested "], ENTRIES) == {"quote", "nested"}
    with pytest.raises(UnknownRuleError, match="unknown rule no-such-rule"):
        check_names(["no-such-rule"], ENTRIES)


def test_attribute_rules_cli_lists_the_registry():
    result = CliRunner().invoke(main, ["rules"])
    assert result.exit_code == 0
    for e in ENTRIES:
        assert e.name in result.output


def test_attribute_rules_cli_markdown_holds_every_example():
    result = CliRunner().invoke(main, ["rules", "--markdown"])
    assert result.exit_code == 0
    assert "saidwhat rules --markdown" in result.output
    for e in ENTRIES:
        assert f"`{e.name}`" in result.output
        assert all(ex.text.replace("\n", " / ") in result.output for ex in e.examples)


def test_attribute_rules_eval_without_unknown_rule_exits_2(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "Osei said the plan failed.", "attributions": []}\n')
    result = CliRunner().invoke(main, ["eval", str(gold), "--without", "no-such-rule"])
    assert result.exit_code == 2
    assert "unknown rule no-such-rule" in result.output


def test_attribute_rules_eval_without_a_rule_scores_without_it(tmp_path):
    text = "Osei said the plan had failed. The harbour will close, according to the council."
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "%s", "attributions": [{"content_span": [10, 29], '
                    '"speaker": {"name": "Osei"}}]}\n' % text)
    on = CliRunner().invoke(main, ["eval", str(gold)])
    off = CliRunner().invoke(main, ["eval", str(gold), "--without", "clause,according"])
    assert on.exit_code == off.exit_code == 0
    assert '"matched": 1' in on.output and '"predicted": 0' in off.output


def test_attribute_rules_stage_imports_no_later_stage_and_modules_stay_small():
    later = ("resolve", "records", "pipeline", "store", "web", "cli", "evaluate", "batch", "export")
    for path in ATTRIBUTE.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        imported = re.findall(r"^from \.\.(\w+)", source, re.M)
        assert not set(imported) & set(later), (path.name, imported)
        assert len(source.splitlines()) < 400, path.name
