"""Tables of sentences and the attributions saidwhat must find in them (or must not)."""

from __future__ import annotations

import pytest

import saidwhat

# (text, published, expected): expected is a list of (kind, speaker name, cue, content start words).
CASES = [
    # Speaker after the quote, curly quotes, apostrophe inside.
    ("“We’re not going anywhere,” Jane Porter said.", None,
     [("direct", "Jane Porter", "said", "“We’re not going")]),
    # Inverted order: said X.
    ("\"The budget is a disgrace,\" said Senator Tom Ridley.", None,
     [("direct", "Tom Ridley", "said", "\"The budget")]),
    # A question quote and its speaker after the question mark are one sentence.
    ("“Who would have believed it a year ago?” Jane Porter said, looking at the crowd.", None,
     [("direct", "Jane Porter", "said", "“Who would")]),
    # Several quoted sentences, speaker with initials and a party tag after them.
    ("\"He would be a great senator. Not good, great,\" Rep. Tom E. Ridley (D-Md.) said.", None,
     [("direct", "Tom E. Ridley", "said", "\"He would")]),
    # Speaker before, colon introduction.
    ("Mayor Ann Kole said: “The bridge will open in May and nobody will pay a toll.”", None,
     [("direct", "Ann Kole", "said", "“The bridge")]),
    # Indirect speech with that.
    ("Governor Paul Drake said that the state would cut taxes next year.", None,
     [("indirect", "Paul Drake", "said", "the state would")]),
    # Mixed: indirect with a quoted fragment.
    ("Paul Drake said the plan was “dead on arrival” in the legislature.", None,
     [("mixed", "Paul Drake", "said", "the plan was")]),
    # According to, before and after the content.
    ("According to the Daily Ledger, the factory will close in June.", None,
     [("indirect", "Daily Ledger", "According to", "the factory will")]),
    ("The factory will close in June, according to company documents.", None,
     [("indirect", "company documents", "according to", "The factory will")]),
    # X told Y.
    ("Ridley told reporters that the vote would be close.", None,
     [("indirect", "Ridley", "told", "the vote would")]),
    # Unnamed collective source.
    ("Analysts say the merger will raise prices for consumers.", None,
     [("indirect", "Analysts", "say", "the merger")]),
    # Dash attribution.
    ("“Nobody listens to us anymore.” ― Maria Lopez", None,
     [("direct", "Maria Lopez", "―", "“Nobody listens")]),
    # A cue set off inside its content: two fragments around it.
    ("Too often, Senator Tom Ridley said, the debate over coal ends in shouting.", None,
     [("indirect", "Tom Ridley", "said", "Too often")]),
    # A speech act reported by its topic.
    ("Mayor Ann Kole called for more money for the city's schools.", None,
     [("indirect", "Ann Kole", "called for", "more money")]),
    # A speech act whose object holds a quoted phrase.
    ("Jane Porter described the plan as “a betrayal of every voter.”", None,
     [("mixed", "Jane Porter", "described", "the plan as")]),
    # The subject of a cue in a prepositional phrase: "began by saying".
    ("Ana Ruiz appeared on the radio and began by saying she would “never” judge a patient from afar.",
     None, [("mixed", "Ana Ruiz", "saying", "she would “never”")]),
    # Quoted words in a verb's complement: "exhorted voters to “...”".
    ("The senator exhorted voters to “stay home if you must, but think first.”", None,
     [("mixed", "The senator", "exhorted", "voters to “stay")]),
    # A colon right after the cue introduces what was said, quoted or not.
    ("The senator told reporters: the vote will be close.", None,
     [("indirect", "The senator", "told", "the vote will be close")]),
    # "told X to ...", whatever the parser makes of the infinitive.
    ("The governor tells his supporters at every rally to “go to your place and vote.”", None,
     [("mixed", "The governor", "tells", "to “go to your place")]),
    # A participle after the content is the act of the one who said it.
    ("Foreign policy analysts said trade has helped the region, citing the strategic importance of "
     "its ports.", None,
     [("indirect", "Foreign policy analysts", "said", "trade has helped"),
      ("indirect", "Foreign policy analysts", "citing", "the strategic importance")]),
    # A coordinated act of saying inside reported content is the reporter's source's, not the
    # content's subject's.
    ("The governor tweeted that the reporter was “a disgrace” and urged voters to “check the record.”",
     None, [("mixed", "The governor", "tweeted", "the reporter was"),
            ("mixed", "The governor", "urged", "voters to")]),
    # Footage of someone speaking: the one shown says it, even past a time phrase.
    ("The ad uses footage of Ann Kole asking, “Why are we not further ahead?”", None,
     [("direct", "Ann Kole", "asking", "“Why are we")]),
    ("The spot ends with footage of Tom Ridley saying during the debate last week, “That makes me "
     "smart.”", None, [("direct", "Tom Ridley", "saying", "“That makes me")]),
    # Of two subjects, the one next to the verb (a dash read as a noun is never a speaker).
    ("When the returns were made public ― Ridley boasted, “That makes me smart.”", None,
     [("direct", "Ridley", "boasted", "“That makes me")]),
    # A place dateline opening the paragraph is neither speaker nor content.
    ("WASHINGTON -- Senator Ann Kole, opening the hearing on Monday, said the bridge would close.", None,
     [("indirect", "Ann Kole", "said", "the bridge would close")]),
    ("SEOUL, March 3 (Reuters) — The talks will resume in April, officials said.", None,
     [("indirect", "officials", "said", "The talks will resume")]),
    # A colon introduction with "she said" after the quote: one act of saying, the colon's.
    ("Senator Ann Kole scolded him: “The science is against you on all three products,” she said.",
     None, [("direct", "Ann Kole", "scolded", "“The science")]),
    # Inverted cue before a colon.
    ("Said Okafor: “Nobody asked the farmers what they wanted.”", None,
     [("direct", "Okafor", "Said", "“Nobody asked")]),
    # A recording that shows someone speaking: the one shown says it.
    ("The new ad shows Mayor Ann Kole saying, “Nobody in this city will pay more.”", None,
     [("direct", "Ann Kole", "saying", "“Nobody in this city")]),
    # Speaker label at the start of a paragraph (transcripts).
    ("HOLT: Let me ask you about the economy and the jobs report tonight.", None,
     [("indirect", "HOLT", ":", "Let me ask")]),
]

NOTHING = [
    "The committee met on Tuesday to review the budget.",
    "She watched “CBS This Morning” before work.",
    "The so-called “big deal” was never signed.",
    "Prices rose by 3 percent in the last quarter.",
    "",
    "“”",
    "It was reported that the bridge had closed.",
    "Eyes are on whether the mayor will mention the budget in her speech.",
    "She thinks the plan will fail.",
    # A colon far from the cue lists the narrator's words.
    "Analysts described the moves as old tactics: lowering expectations and scaring the hosts.",
    # A topic act on a pronoun names whom it targets, not what was said.
    "The governor blasted him.",
]


def _summary(result):
    return [(a.kind, a.speaker.name if a.speaker else None, a.cue, a.content) for a in result.attributions]


@pytest.mark.parametrize("text,published,expected", CASES)
def test_attribute_finds_expected_attributions(text, published, expected):
    result = saidwhat.extract(text, published)
    got = _summary(result)
    assert len(got) == len(expected), got
    for (kind, speaker, cue, content), (gk, gs, gc, gcontent) in zip(expected, got):
        assert gk == kind, got
        assert gs == speaker, got
        assert gc == cue, got
        assert gcontent.startswith(content), got


@pytest.mark.parametrize("text", NOTHING)
def test_attribute_yields_nothing_for_non_attributions(text):
    assert saidwhat.extract(text).attributions == ()


def test_attribute_beliefs_only_when_asked():
    text = "She thinks the plan will fail."
    (a,) = saidwhat.extract(text, beliefs=True).attributions
    assert (a.cue, a.cue_class, a.speaker_span) == ("thinks", "other", (0, 3))


def test_attribute_parenthetical_cue_content_on_both_sides():
    text = "Too often, Senator Tom Ridley said, the debate over coal ends in shouting."
    (a,) = saidwhat.extract(text).attributions
    assert [text[s:e] for s, e in a.content_spans] == ["Too often", "the debate over coal ends in shouting"]


def test_attribute_split_quote_has_two_fragments():
    text = "“We had,” he said, “no choice at all.”"
    (a,) = saidwhat.extract(text).attributions
    assert a.kind == "direct"
    assert [text[s:e] for s, e in a.content_spans] == ["“We had,”", "“no choice at all.”"]


def test_attribute_multi_paragraph_quote_continues_speaker():
    text = ("“The first part of the plan is simple,” said Tom Ridley.\n"
            "“The second part will take longer and cost more than anyone expects.”\n"
            "Other news followed.")
    (a,) = saidwhat.extract(text).attributions
    assert a.speaker.name == "Tom Ridley"
    assert len(a.content_spans) == 2
    assert text[slice(*a.content_spans[1])].startswith("“The second part")


def test_attribute_open_quote_over_paragraphs_is_one_quote():
    text = ("Tom Ridley said:\n“The first part of the plan is simple and cheap.\n"
            "“The second part will take longer and cost more than anyone expects.”")
    result = saidwhat.extract(text)
    assert result.attributions, "the quote should be attributed"
    spans = [text[s:e] for a in result.attributions for s, e in a.content_spans]
    assert any("second part" in s for s in spans)


@pytest.mark.parametrize("text,pronoun,name", [
    ("Senator Tom Ridley spoke first. “We will not back down,” he said.", "he", "Tom Ridley"),
    ("Mayor Ann Kole opened the meeting. She said the budget was balanced.", "She", "Ann Kole"),
])
def test_attribute_pronoun_resolves_to_named_person(text, pronoun, name):
    result = saidwhat.extract(text)
    (a,) = result.attributions
    assert text[slice(*a.speaker_span)] == pronoun
    assert a.speaker.name == name
    assert a.speaker.type == "person"


def test_attribute_surname_and_role_resolve_to_one_speaker():
    text = ("Secretary of State Mike Pompeo said the talks would go on.\n"
            "Pompeo said he was “confident” about the outcome.")
    result = saidwhat.extract(text)
    names = {a.speaker.name for a in result.attributions}
    assert names == {"Mike Pompeo"}
    (speaker,) = [s for s in result.speakers if s.name == "Mike Pompeo"]
    assert speaker.role == "Secretary of State"
    assert [m.text for m in speaker.mentions] == ["Secretary of State Mike Pompeo", "Pompeo"]
    assert result.attributions[0].speaker.id == result.attributions[1].speaker.id == speaker.id


def test_attribute_source_chain_of_cited_officials():
    text = ("The army will withdraw, according to the Evening Post, which cited as its sources "
            "officials from the ministry.")
    (a,) = saidwhat.extract(text).attributions
    assert a.speaker.name == "Evening Post"
    assert [link.name for link in a.source_chain] == ["officials from the ministry"]
    assert a.source_chain[0].type == "unnamed"


@pytest.mark.parametrize("text,published,date", [
    ("Jane Porter said on Saturday that the strike was over.", "2019-04-08", "2019-04-06"),
    ("On Friday, Jane Porter said the strike was over.", "2019-04-08", "2019-04-05"),
    ("Jane Porter said the strike ended in 2017.", "2019-04-08", None),
    ("Jane Porter said the strike was over.", "2019-04-08", None),
])
def test_attribute_date_of_saying(text, published, date):
    (a,) = saidwhat.extract(text, published).attributions
    assert a.date == date


def test_attribute_offsets_slice_to_content():
    text = "  “Offsets matter,” said Jane Porter.\n\nAnalysts say they always will. "
    for a in saidwhat.extract(text).attributions:
        assert a.content == text[a.content_span[0]:a.content_span[1]]
        assert text[slice(*a.cue_span)] == a.cue


# (text, contents of its attributions, exactly): where what was said ends.
BOUNDS = [
    # A trailing relative clause after a comma is the reporter's gloss.
    ("Dr. Anne Lowe said she expects the senator to recover from the flu, which kept him home "
     "for a week.", ["she expects the senator to recover from the flu"]),
    # So is a trailing apposition.
    ("Ken Adler said he did not vote for Mr. Brandt, the favourite of the party bosses.",
     ["he did not vote for Mr. Brandt"]),
    # And a trailing participle.
    ("The ministers agreed to close the border to freight, forcing trucks to unload in the desert.",
     ["to close the border to freight"]),
    # A clause coordinated after the content is part of what was said.
    ("Several delegates said they had doubts about the plan, but could not vote against the governor.",
     ["they had doubts about the plan, but could not vote against the governor"]),
    # A coordinated cue is a second act of saying, not more content.
    ("Ms. Vance said the bridge was unsafe, and added that repairs would take a year.",
     ["the bridge was unsafe", "repairs would take a year"]),
    # Indirect content goes on past a cue that follows it; a quote's narrator does not.
    ("Farm incomes fell 3 percent, the ministry said in its spring report, and rents rose 5 percent.",
     ["Farm incomes fell 3 percent … and rents rose 5 percent"]),
    ("“Are you coming?” she said, but Tom was already asleep.", ["“Are you coming?”"]),
    # A colon after the content introduces more of it.
    ("Ms. Ortiz said the city needs one thing: “Housing, and more of it.”",
     ["the city needs one thing: “Housing, and more of it.”"]),
    # A cue set off inside its content, whatever the parser hangs it on.
    ("The difference now, he told me on Friday, is that the mill has closed.",
     ["The difference now … is that the mill has closed"]),
    # A quote before the cue is its content, not the clause after it.
    ("“You should resign,” Senator Ann Kole told the banker, after he admitted he had not been held "
     "accountable.", ["“You should resign,”", "he had not been held accountable"]),
    # A belief coordinated by the same subject goes on with the content; another subject's does not.
    ("Senator Ann Kole says she hopes to win the race, but she knows that “the incumbent will always "
     "be the favourite.”",
     ["she hopes to win the race, but she knows that “the incumbent will always be the favourite.”"]),
    ("Companies complain taxes are too high, but many corporations find ways to pay nothing.",
     ["taxes are too high"]),
    # A verb coordinated inside an object is a second act; the same verb form twice is one act.
    ("The campaign was torn between going after the senator as “unfit for office” or poking holes in "
     "his record.", ["after the senator as “unfit for office”"]),
    ("The mayor criticized the officer for shooting and killing the driver.",
     ["the officer for shooting and killing the driver"]),
    # A topic act's time and place are not its topic.
    ("Governor Ruiz attacked the landlords in a radio interview.", ["the landlords"]),
    # Quoted words in the object of any verb: the object is the content, up to a dash or a time.
    ("The watchdog rated 40 of the senator's claims as “mostly false” compared to 12 of his "
     "rival's — a wide gap.", ["40 of the senator's claims as “mostly false” compared to 12 of his rival's"]),
    ("Mayor Olsen likened the new tax to “a slow robbery of working families” on Tuesday.",
     ["the new tax to “a slow robbery of working families”"]),
]


@pytest.mark.parametrize("text,contents", BOUNDS)
def test_attribute_content_ends_where_the_source_stops(text, contents):
    assert [a.content for a in saidwhat.extract(text).attributions] == contents


def test_attribute_relative_pronoun_named_by_its_antecedent():
    text = "The guests included Patti Vance, who joked of the museum, “I haven’t seen it yet, but I will.”"
    (a,) = saidwhat.extract(text).attributions
    assert a.speaker.name == "Patti Vance"
    assert text[a.speaker_span[0]:a.speaker_span[1]] == "who"  # the evidence stays the pronoun
