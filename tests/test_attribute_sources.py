"""Sources behind sources: the outlet that reported a statement, the report that carried it, whom a
report cites, and the channel a source spoke through. Invented sentences; each row gives the records
as (speaker, content, chain), each chain link as (name, type, cue, relation)."""

from __future__ import annotations

import pytest

import saidwhat

DAY = "2024-03-08"
AP = ("Associated Press", "organization", "reported", "reported-by")


def _records(text: str):
    return [(a.speaker.name if a.speaker else None, a.content,
             [(link.name, link.type, link.cue, link.relation) for link in a.source_chain])
            for a in saidwhat.extract(text, DAY).attributions]


REPORTED = [
    # "X said A, OUTLET reported": X said A, the outlet reported it
    ("Senator Maria Lopez said on Tuesday that the bill would pass before the recess, the Associated "
     "Press reported.",
     [("Maria Lopez", "the bill would pass before the recess", [AP])]),
    ("Coach Ida Brenner said her team would win the cup, the Daily Courier reported.",
     [("Ida Brenner", "her team would win the cup", [("Daily Courier", "organization", "reported", "reported-by")])]),
    ("The mayor said the dam was safe, the Valley Herald reported.",
     [("The mayor", "the dam was safe", [("Valley Herald", "organization", "reported", "reported-by")])]),
    ("“We are ready,” the general told the Harbor Gazette, the Associated Press reported.",
     [("the general", "“We are ready,”", [AP, ("Harbor Gazette", "organization", "told", "channel")])]),
    ("Lopez wrote on Twitter that the bill would pass, the Associated Press reported.",  # each link once
     [("Lopez", "the bill would pass", [AP, ("Twitter", "organization", "on", "channel")])]),
]
CITING = [
    # "A, OUTLET reported, citing PEOPLE": one attribution by the outlet, the people in its chain
    ("The company will cut 500 jobs, Reuters reported on Monday, citing two people familiar with the plan.",
     [("Reuters", "The company will cut 500 jobs",
       [("two people familiar with the plan", "unnamed", "citing", "cites")])]),
    ("The merger will close in May, Bloomberg reported, citing a person close to the deal.",
     [("Bloomberg", "The merger will close in May", [("a person close to the deal", "unnamed", "citing", "cites")])]),
    ("The plant will close, the Courier reported, citing internal documents.",
     [("Courier", "The plant will close", [("internal documents", "unnamed", "citing", "cites")])]),
    ("The plant will close, the Courier reported, citing the Pentagon.",
     [("Courier", "The plant will close", [("the Pentagon", "organization", "citing", "cites")])]),
]
REPORT_BY = [
    ("Lopez said the bill would pass, according to the Associated Press.",
     [("Lopez", "the bill would pass", [("Associated Press", "organization", "according to", "reported-by")])]),
    ("The bill will pass, Lopez told reporters, according to Reuters.",
     [("Lopez", "The bill will pass", [("Reuters", "organization", "according to", "reported-by")])]),
    # "X said A, according to a report by/in OUTLET": X said it, via the outlet's report
    ("Police said the suspect fled on foot, according to a report by the Daily Star.",
     [("Police", "the suspect fled on foot", [("Daily Star", "organization", "according to a report by", "reported-by")])]),
    ("The minister said talks had stalled, according to a report in the Coastal Times.",
     [("The minister", "talks had stalled", [("Coastal Times", "organization", "according to a report by", "reported-by")])]),
    ("The ministry said in a statement that the border would reopen, according to a report by the Daily Star.",
     [("The ministry", "the border would reopen",
       [("Daily Star", "organization", "according to a report by", "reported-by")])]),
]
CHANNELS = [
    # "X told OUTLET", "in a statement to", "in an interview with", "on PLATFORM": the channel, kept
    ("Senator Maria Lopez told CNN that the bill would pass before the recess.",
     [("Maria Lopez", "the bill would pass before the recess", [("CNN", "organization", "told", "channel")])]),
    ("“We will appeal,” Ms Hale told Reuters.",
     [("Hale", "“We will appeal,”", [("Reuters", "organization", "told", "channel")])]),
    ("The mayor told the Valley Herald in an interview that the dam was safe.",
     [("The mayor", "the dam was safe", [("Valley Herald", "organization", "told", "channel")])]),
    ("The dam is safe, the mayor told Reuters in an interview on Friday.",
     [("the mayor", "The dam is safe", [("Reuters", "organization", "told", "channel")])]),
    ("The union said in a statement to the Coastal Times that the strike would go on.",
     [("The union", "the strike would go on", [("Coastal Times", "organization", "in a statement to", "channel")])]),
    ("The governor said in an interview with Fox News that she would run again.",
     [("The governor", "she would run again", [("Fox News", "organization", "in an interview with", "channel")])]),
    ("“The dam is safe,” the mayor said in an interview with the BBC.",
     [("the mayor", "“The dam is safe,”", [("BBC", "organization", "in an interview with", "channel")])]),
    ("“We will appeal,” the lawyer said in comments to Reuters.",
     [("the lawyer", "“We will appeal,”", [("Reuters", "organization", "in comments to", "channel")])]),
    ("The minister wrote in an op-ed for the Harbor Tribune that taxes must rise.",
     [("The minister", "taxes must rise", [("Harbor Tribune", "organization", "in an op-ed for", "channel")])]),
    ("The mayor wrote on X that the dam was safe.",
     [("The mayor", "the dam was safe", [("X", "organization", "on", "channel")])]),
    ("The mayor wrote in a post on Facebook that the dam was safe.",
     [("The mayor", "the dam was safe", [("Facebook", "organization", "in a post on", "channel")])]),
    ("Lopez said in a televised interview on CNN that the bill would pass.",
     [("Lopez", "the bill would pass", [("CNN", "organization", "in a televised interview on", "channel")])]),
    ("In an interview with CNN, Lopez said the bill would pass.",
     [("Lopez", "the bill would pass", [("CNN", "organization", "in an interview with", "channel")])]),
    ("Speaking to the BBC, the mayor said the dam was safe.",
     [("the mayor", "the dam was safe", [("BBC", "organization", "speaking to", "channel")])]),
]
NO_CHAIN = [
    # no outlet, platform or cited source: nothing in the chain, and the speaker stays the speaker
    ("The mayor said in a statement that the dam was safe.", [("The mayor", "the dam was safe", [])]),
    ("The company said in a filing that quarterly profits fell.", [("The company", "quarterly profits fell", [])]),
    ("The mayor said on Monday that the dam was safe.", [("The mayor", "the dam was safe", [])]),
    ("Ms Hale told reporters that the dam was safe.", [("Hale", "the dam was safe", [])]),
    ("The governor told reporters in an interview that she would run again.",
     [("The governor", "she would run again", [])]),
    ("Ms Hale told Mr Baker that the dam was safe.", [("Hale", "the dam was safe", [])]),  # a person told
    ("The mayor told his staff that the dam was safe.", [("The mayor", "the dam was safe", [])]),
    ("The mayor reportedly said the dam was safe.", [("The mayor", "the dam was safe", [])]),
    # the one "according to" names is the source when no one else speaks
    ("The suspect fled on foot, according to police.", [("police", "The suspect fled on foot", [])]),
    # ... and an account by people unnamed is theirs (the annotated convention): no relay
    ("The guard said the lock had failed, according to lawyers for the family.",
     [("lawyers for the family", "The guard said the lock had failed", [])]),
    ("The plant will close, the Courier reported, citing falling demand.",  # grounds, not a source
     [("Courier", "The plant will close", []), ("Courier", "falling demand", [])]),
]


@pytest.mark.parametrize("text, records", REPORTED + CITING + REPORT_BY + CHANNELS + NO_CHAIN)
def test_attribute_sources_behind_sources(text, records):
    assert _records(text) == records


def test_attribute_sources_channel_never_the_speaker():
    for text, _ in CHANNELS:
        [a] = saidwhat.extract(text, DAY).attributions
        assert a.channel is not None and a.channel.name not in (a.speaker.name or "")
        assert a.via == (a.channel.name,)
        assert a.to_dict()["source_chain"][-1]["relation"] == "channel"


NOT_SOURCES = [
    # grounds, not a source: "citing her record" stays a statement of its own
    ("The union endorsed the senator, citing her record on pensions.", "citing"),
    # a report that names someone's statement in its own words stays the report's
    ("The Valley Herald reported that the mayor conveyed his regrets to the families.", "reported"),
]


@pytest.mark.parametrize("text, cue", NOT_SOURCES)
def test_attribute_sources_grounds_and_reports_stay_statements(text, cue):
    assert cue in [a.cue for a in saidwhat.extract(text, DAY).attributions]
