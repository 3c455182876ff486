"""Sources behind sources: the outlet that reported a statement, the report that carried it, whom a
report cites. Invented sentences; each row gives (speaker, content, chain as (name, type, cue))."""

from __future__ import annotations

import pytest

import saidwhat

DAY = "2024-03-08"


def _records(text: str):
    return [(a.speaker.name if a.speaker else None, a.content,
             [(link.name, link.type, link.cue) for link in a.source_chain])
            for a in saidwhat.extract(text, DAY).attributions]


SOURCES = [
    ("Senator Maria Lopez said on Tuesday that the bill would pass before the recess, the Associated "
     "Press reported.",
     [("Maria Lopez", "the bill would pass before the recess", [("Associated Press", "organization", "reported")])]),
    ("Coach Ida Brenner said her team would win the cup, the Daily Courier reported.",
     [("Ida Brenner", "her team would win the cup", [("Daily Courier", "organization", "reported")])]),
    ("The company will cut 500 jobs, Reuters reported on Monday, citing two people familiar with the plan.",
     [("Reuters", "The company will cut 500 jobs",
       [("two people familiar with the plan", "unnamed", "citing")])]),
    ("The merger will close in May, Bloomberg reported, citing a person close to the deal.",
     [("Bloomberg", "The merger will close in May", [("a person close to the deal", "unnamed", "citing")])]),
    ("Police said the suspect fled on foot, according to a report by the Daily Star.",
     [("Police", "the suspect fled on foot", [("Daily Star", "organization", "according to a report by")])]),
    ("The minister said talks had stalled, according to a report in the Coastal Times.",
     [("The minister", "talks had stalled", [("Coastal Times", "organization", "according to a report by")])]),
]


@pytest.mark.parametrize("text, records", SOURCES)
def test_attribute_sources_behind_sources(text, records):
    assert _records(text) == records


NOT_SOURCES = [
    # grounds, not a source: "citing her record" stays a statement of its own
    ("The union endorsed the senator, citing her record on pensions.", "citing"),
    # a report that names someone's statement in its own words stays the report's
    ("The Valley Herald reported that the mayor conveyed his regrets to the families.", "reported"),
]


@pytest.mark.parametrize("text, cue", NOT_SOURCES)
def test_attribute_sources_grounds_and_reports_stay_statements(text, cue):
    assert cue in [a.cue for a in saidwhat.extract(text, DAY).attributions]
