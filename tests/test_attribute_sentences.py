"""Tables of sentences and the attributions saidwhat must find in them (or must not).

Every sentence here is made up for these tests; none comes from an evaluation text.
"""

from __future__ import annotations

import pytest

import saidwhat

# (text, published, expected): expected is a list of (kind, speaker name, cue, content start words).
CASES = [
    # Speaker after the quote, curly quotes, apostrophe inside.
    ("“I’m staying right here,” Leila Haddad said.", None,
     [("direct", "Leila Haddad", "said", "“I’m staying")]),
    # Inverted order: said X.
    ("\"The levy is a scandal,\" said Senator Bram Osei.", None,
     [("direct", "Bram Osei", "said", "\"The levy")]),
    # A question quote and its speaker after the question mark are one sentence.
    ("“Did anyone see this coming last winter?” Leila Haddad asked, waving at the empty hall.", None,
     [("direct", "Leila Haddad", "asked", "“Did anyone")]),
    # Several quoted sentences, speaker with initials and a party tag after them.
    ("\"She will make a fine judge. Not a fine one, a superb one,\" Rep. Nora J. Blake (R-Ohio) said.",
     None, [("direct", "Nora J. Blake", "said", "\"She will")]),
    # Speaker before, colon introduction.
    ("Mayor Ines Varga said: “The tunnel opens in October and the fare stays at one euro.”", None,
     [("direct", "Ines Varga", "said", "“The tunnel")]),
    # Indirect speech with that.
    ("Governor Omar Reyes said that the province would raise pensions in the spring.", None,
     [("indirect", "Omar Reyes", "said", "the province would")]),
    # Mixed: indirect with a quoted fragment.
    ("Omar Reyes said the proposal was “doomed from the start” in the assembly.", None,
     [("mixed", "Omar Reyes", "said", "the proposal was")]),
    # According to, before and after the content.
    ("According to the Harbour Times, the shipyard will lay off workers in August.", None,
     [("indirect", "Harbour Times", "According to", "the shipyard will")]),
    ("The shipyard will lay off workers in August, according to internal memos.", None,
     [("indirect", "internal memos", "according to", "The shipyard will")]),
    # X told Y.
    ("Osei told the council that the motion would probably fail.", None,
     [("indirect", "Osei", "told", "the motion would")]),
    # Unnamed collective source.
    ("Economists say the tariff will push up the cost of bread.", None,
     [("indirect", "Economists", "say", "the tariff")]),
    # Dash attribution.
    ("“Nobody reads the small print.” ― Carla Mendes", None,
     [("direct", "Carla Mendes", "―", "“Nobody reads")]),
    # A cue set off inside its content: two fragments around it.
    ("Far too often, Senator Bram Osei said, the argument over fishing quotas turns bitter.", None,
     [("indirect", "Bram Osei", "said", "Far too often")]),
    # A speech act reported by its topic.
    ("Mayor Ines Varga called for more buses on the night routes.", None,
     [("indirect", "Ines Varga", "called for", "more buses")]),
    # A speech act whose object holds a quoted phrase.
    ("Leila Haddad described the deal as “an insult to every nurse.”", None,
     [("mixed", "Leila Haddad", "described", "the deal as")]),
    # The subject of a cue in a prepositional phrase: "began by saying".
    ("Dana Crowe went on the podcast and began by saying she would “never” diagnose anyone she had "
     "not met.", None, [("mixed", "Dana Crowe", "saying", "she would “never”")]),
    # Quoted words in a verb's complement: "urged residents to “...”".
    ("The councillor urged residents to “fill in the form today, even if it takes an hour.”", None,
     [("mixed", "The councillor", "urged", "residents to “fill")]),
    # A colon right after the cue introduces what was said, quoted or not.
    ("The councillor told the press: the count will take two days.", None,
     [("indirect", "The councillor", "told", "the count will take two days")]),
    # "tells X to ...", whatever the parser makes of the infinitive.
    ("The coach tells his players before every match to “run until your legs give out.”", None,
     [("mixed", "The coach", "tells", "his players before every match to “run")]),
    # A participle after the content is the act of the one who said it.
    ("Shipping analysts said exports have lifted the economy, citing the rising price of copper.", None,
     [("indirect", "Shipping analysts", "said", "exports have lifted"),
      ("indirect", "Shipping analysts", "citing", "the rising price")]),
    # A coordinated act of saying inside reported content is the reporter's source's, not the
    # content's subject's.
    ("The minister posted that the editor was “a liar” and urged readers to “look at the numbers.”",
     None, [("mixed", "The minister", "posted", "the editor was"),
            ("mixed", "The minister", "urged", "readers to")]),
    # Footage of someone speaking: the one shown says it, even past a time phrase.
    ("The commercial uses footage of Ines Varga asking, “Where did all of the money go?”", None,
     [("direct", "Ines Varga", "asking", "“Where did")]),
    ("The film closes with footage of Bram Osei saying at the forum last month, “That proves I was "
     "right.”", None, [("direct", "Bram Osei", "saying", "“That proves")]),
    # Of two subjects, the one next to the verb (a dash read as a noun is never a speaker).
    ("When the figures were published ― Osei bragged, “That proves I was right.”", None,
     [("direct", "Osei", "bragged", "“That proves")]),
    # A place dateline opening the paragraph is neither speaker nor content.
    ("BERLIN -- Senator Ines Varga, opening the session on Tuesday, said the pool would reopen.", None,
     [("indirect", "Ines Varga", "said", "the pool would reopen")]),
    ("NAIROBI, June 9 (Reuters) — Negotiations will restart next week, diplomats said.", None,
     [("indirect", "diplomats", "said", "Negotiations will restart")]),
    # A recording that shows someone speaking: the one shown says it.
    ("The latest spot shows Mayor Ines Varga saying, “No family in this town will pay a cent more.”",
     None, [("direct", "Ines Varga", "saying", "“No family")]),
    # "said X, ..., told Y": the name after the cue is its subject, whatever verb the parser gave it to.
    ("“Nobody expected a turnout like this,” said Lena Ortiz, a council member, told the Gazette.",
     None, [("direct", "Lena Ortiz", "said", "“Nobody expected")]),
    # Speaker label at the start of a paragraph (transcripts).
    ("MADDOW: Tell me about the pipeline and what it means for the valley.", None,
     [("indirect", "MADDOW", ":", "Tell me about")]),
]

NOTHING = [
    "The board gathered on Thursday to discuss the pension fund.",
    "He listened to “Morning Edition” on the drive in.",
    "The so-called “grand bargain” collapsed within a week.",
    "Rents climbed by 4 percent over the past year.",
    "",
    "“”",
    "It was reported that the ferry had sunk.",
    "All eyes are on whether the governor will mention the strike in his address.",
    "He thinks the merger will collapse.",
    # A colon far from the cue lists the narrator's words.
    "Critics described the proposals as familiar ploys: dampening hopes and frightening the voters.",
    # A topic act on a pronoun names whom it targets, not what was said.
    "The senator slammed her.",
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
    text = "He thinks the merger will collapse."
    (a,) = saidwhat.extract(text, beliefs=True).attributions
    assert (a.cue, a.cue_class, a.speaker_span) == ("thinks", "other", (0, 2))


def test_attribute_parenthetical_cue_content_on_both_sides():
    text = "Far too often, Senator Bram Osei said, the argument over fishing quotas turns bitter."
    (a,) = saidwhat.extract(text).attributions
    assert [text[s:e] for s, e in a.content_spans] == ["Far too often",
                                                       "the argument over fishing quotas turns bitter"]


def test_attribute_split_quote_has_two_fragments():
    text = "“We tried,” she said, “and we failed twice.”"
    (a,) = saidwhat.extract(text).attributions
    assert a.kind == "direct"
    assert [text[s:e] for s, e in a.content_spans] == ["“We tried,”", "“and we failed twice.”"]


def test_attribute_multi_paragraph_quote_continues_speaker():
    text = ("“The opening half of the season went well,” said Bram Osei.\n"
            "“The closing half will be harder and will cost us more players than anybody thinks.”\n"
            "The weather report came next.")
    (a,) = saidwhat.extract(text).attributions
    assert a.speaker.name == "Bram Osei"
    assert len(a.content_spans) == 2
    assert text[slice(*a.content_spans[1])].startswith("“The closing half")


def test_attribute_open_quote_over_paragraphs_is_one_quote():
    text = ("Leila Haddad said:\n“The opening half of the season went well and cheaply.\n"
            "“The closing half will be harder and will cost us more players than anybody thinks.”")
    result = saidwhat.extract(text)
    assert result.attributions, "the quote should be attributed"
    spans = [text[s:e] for a in result.attributions for s, e in a.content_spans]
    assert any("closing half" in s for s in spans)


@pytest.mark.parametrize("text,pronoun,name", [
    ("Senator Bram Osei arrived late. “We will not give an inch,” he said.", "he", "Bram Osei"),
    ("Mayor Ines Varga chaired the session. She said the accounts were in order.", "She", "Ines Varga"),
])
def test_attribute_pronoun_resolves_to_named_person(text, pronoun, name):
    result = saidwhat.extract(text)
    (a,) = result.attributions
    assert text[slice(*a.speaker_span)] == pronoun
    assert a.speaker.name == name
    assert a.speaker.type == "person"


def test_attribute_surname_and_role_resolve_to_one_speaker():
    text = ("Secretary of State Hana Moreau said the negotiations would continue.\n"
            "Moreau said she was “hopeful” about the result.")
    result = saidwhat.extract(text)
    names = {a.speaker.name for a in result.attributions}
    assert names == {"Hana Moreau"}
    (speaker,) = [s for s in result.speakers if s.name == "Hana Moreau"]
    assert speaker.role == "Secretary of State"
    assert [m.text for m in speaker.mentions] == ["Secretary of State Hana Moreau", "Moreau"]
    assert result.attributions[0].speaker.id == result.attributions[1].speaker.id == speaker.id


def test_attribute_source_chain_of_cited_officials():
    text = ("The troops will pull back, according to the Morning Star, which cited as its sources "
            "officials from the embassy.")
    (a,) = saidwhat.extract(text).attributions
    assert a.speaker.name == "Morning Star"
    assert [link.name for link in a.source_chain] == ["officials from the embassy"]
    assert a.source_chain[0].type == "unnamed"


@pytest.mark.parametrize("text,published,date", [
    ("Leila Haddad said on Saturday that the walkout was over.", "2019-04-08", "2019-04-06"),
    ("On Friday, Leila Haddad said the walkout was over.", "2019-04-08", "2019-04-05"),
    ("Leila Haddad said the walkout ended in 2016.", "2019-04-08", None),
    ("Leila Haddad said the walkout was over.", "2019-04-08", None),
])
def test_attribute_date_of_saying(text, published, date):
    (a,) = saidwhat.extract(text, published).attributions
    assert a.date == date


def test_attribute_offsets_slice_to_content():
    text = "  “Spans matter,” said Leila Haddad.\n\nEconomists say they always will. "
    for a in saidwhat.extract(text).attributions:
        assert a.content == text[a.content_span[0]:a.content_span[1]]
        assert text[slice(*a.cue_span)] == a.cue


# (text, contents of its attributions, exactly): where what was said ends.
BOUNDS = [
    # A trailing relative clause on a person after a comma is the reporter's gloss.
    ("Osei said he would vote for the mayor, who won her seat in a landslide last spring.",
     ["he would vote for the mayor"]),
    ("The coach said the team would miss Ruiz, whose contract ends in June.", ["the team would miss Ruiz"]),
    # One on a thing or a place goes on with what was said.
    ("The minister said the council would sell the depot, which would pay for two new schools.",
     ["the council would sell the depot, which would pay for two new schools"]),
    ("The union said the plant should move to the harbour, where the rents are lower.",
     ["the plant should move to the harbour, where the rents are lower"]),
    # So is a trailing apposition.
    ("Leo Marsh said he did not campaign for Ms. Dunne, the darling of the local press.",
     ["he did not campaign for Ms. Dunne"]),
    # And a trailing participle.
    ("The governors agreed to shut the port to tankers, forcing ships to anchor off the coast.",
     ["to shut the port to tankers"]),
    # A participle set off between the cue and the content is the narrator's, not what was said.
    ("The coach said, speaking after the match, that the team had lost its nerve.",
     ["the team had lost its nerve"]),
    ("The minister said, speaking in Leeds, the tax would rise.", ["the tax would rise"]),
    # A clause coordinated after the content is part of what was said.
    ("Many farmers said they had concerns about the subsidy, but would not vote against the minister.",
     ["they had concerns about the subsidy, but would not vote against the minister"]),
    # A coordinated cue is a second act of saying, not more content.
    ("Mr. Kaplan said the dam was leaking, and added that repairs would cost millions.",
     ["the dam was leaking", "repairs would cost millions"]),
    # Indirect content goes on past a cue that follows it; a quote's narrator does not.
    ("Grain exports fell 6 percent, the agency said in its annual review, and imports rose 2 percent.",
     ["Grain exports fell 6 percent … and imports rose 2 percent"]),
    ("“Is anyone there?” he said, but the hall was already empty.", ["“Is anyone there?”"]),
    # A colon after the content introduces more of it.
    ("Mr. Obi said the town lacks one thing: “Doctors, and plenty of them.”",
     ["the town lacks one thing: “Doctors, and plenty of them.”"]),
    # A cue set off inside its content, whatever the parser hangs it on.
    ("The trouble now, she told me on Monday, is that the factory has gone.",
     ["The trouble now … is that the factory has gone"]),
    # A quote before the cue is its content, not the clause after it.
    ("“You ought to apologise,” Senator Ines Varga told the executive, after he conceded he had never "
     "been questioned.", ["“You ought to apologise,”", "he had never been questioned"]),
    # A belief coordinated by the same subject goes on with the content; another subject's does not.
    ("Senator Ines Varga says she hopes to keep her seat, but she knows that “the challenger will "
     "always have the money.”",
     ["she hopes to keep her seat, but she knows that “the challenger will always have the money.”"]),
    ("Landlords complain rents are too low, but many tenants find ways to pay less.",
     ["rents are too low"]),
    # A verb coordinated inside an object is a second act; the same verb form twice is one act.
    ("The aides were split between painting the mayor as “out of touch” or mocking his record.",
     ["the mayor as “out of touch”"]),
    ("The inspector criticized the guard for striking and injuring the prisoner.",
     ["the guard for striking and injuring the prisoner"]),
    # A topic act's time and place are not its topic.
    ("Governor Malik attacked the bankers in a television interview.", ["the bankers"]),
    # Quoted words in the object of a verb: the object is the content, up to a dash or a time.
    ("The fact-checkers rated 25 of the governor's statements as “mostly false” compared to 9 of his "
     "opponent's — a big difference.",
     ["25 of the governor's statements as “mostly false” compared to 9 of his opponent's"]),
    ("Mayor Brandt compared the new fee to “a quiet theft from every commuter” on Thursday.",
     ["the new fee to “a quiet theft from every commuter”"]),
]


@pytest.mark.parametrize("text,contents", BOUNDS)
def test_attribute_content_ends_where_the_source_stops(text, contents):
    assert [a.content for a in saidwhat.extract(text).attributions] == contents


def test_attribute_relative_pronoun_named_by_its_antecedent():
    text = "The speakers included Rosa Lind, who joked about the stadium, “I still can’t find my seat, but I will.”"
    (a,) = saidwhat.extract(text).attributions
    assert a.speaker.name == "Rosa Lind"
    assert text[a.speaker_span[0]:a.speaker_span[1]] == "who"  # the evidence stays the pronoun


# Forms whose final consonant doubles: the inflections come from lemminflect, not a hand-made rule.
@pytest.mark.parametrize("text,cue", [
    ("The press dubbed the plan “a tax on breathing,” and the name stuck.", "dubbed"),
    ("The mayor referred to the budget as “a work of fiction.”", "referred"),
    ("She bragged that the new bridge was “the finest in the country.”", "bragged"),
    ("Critics slammed the ruling as “a gift to polluters.”", "slammed"),
])
def test_attribute_doubled_consonant_forms_are_cues(text, cue):
    assert [a.cue for a in saidwhat.extract(text).attributions] == [cue]
