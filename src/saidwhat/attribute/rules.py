"""The registry's contents: every rule, veto, refiner and claim step, in one table.

``saidwhat rules`` lists it; ``saidwhat eval GOLD --without NAME`` switches an entry off;
``saidwhat rules --markdown --ablation GOLD`` writes docs/rules.md. The examples are in examples.py.
"""

from __future__ import annotations

from types import MappingProxyType

from . import clauses, cued, markers
from .examples import EXAMPLES
from .registry import claim, refiner, rule, veto


def _rows(name: str):
    return [(text, frames) for text, frames in EXAMPLES.get(name, ())]


RULES = (
    rule("clause", 10, """A cue verb and the clause it governs: "X said (that) CONTENT", "CONTENT, X told
        reporters". The clause is the verb's complement in the parse (ccomp; for verbs of intent or
        urging, the infinitive).""", _rows("clause"), clauses.match_clause),
    rule("parenthetical", 10, """A cue set off inside its content: "Too often, she said, the debate is
        ...": the content is what the cue interrupts, in two fragments.""",
         _rows("parenthetical"), clauses.match_parenthetical),
    rule("object", 10, """A speech act whose object holds what was said: "described the plan as “a
        betrayal”", "called for more money", "criticized the guard for ...".""",
         _rows("object"), clauses.match_object),
    rule("according", 20, """ "According to X, CONTENT." and "CONTENT, according to X.": the rest of the
        unit is the content, X the source (and whom X cites, its chain).""",
         _rows("according"), cued.match_according),
    rule("colon", 30, """A cue before a colon ("she said:", "issued a statement:"): the quotes after the
        colon, else its words, else (a colon that ends the paragraph) the next paragraph.""",
         _rows("colon"), cued.match_colon),
    rule("quote", 40, """A quote that no clause holds goes to the nearest free cue of saying in its unit,
        at most four words away (the cue's subject, times and other quotes aside).""",
         _rows("quote"), cued.match_quote),
    rule("predicate", 50, """Quoted words in the object of any verb but a copula: "rated the claims as
        “mostly false”", "sees the tax as “a punishment”": mixed content only.""",
         _rows("predicate"), cued.match_predicate),
    rule("label", 60, """A speaker label opening a paragraph ("HOLT: ..."): the rest of the paragraph is
        the content, when no other frame is in that paragraph.""",
         _rows("label"), markers.match_label, scope="document"),
    rule("dash", 70, """A quote followed by a dash and a name: "“...” ― Carla Mendes".""",
         _rows("dash"), markers.match_dash, scope="document"),
)
VETOES = (
    veto("passive-cue", """A passive cue names no source: "Voters were told that ...", "it was reported
        that ..." (the subject is the one told, not the one telling).""", _rows("passive-cue")),
    veto("source-in-content", """A clause that holds its own source is not its content: "what he called
        the “crisis”" leaves the content to the object ("the “crisis”").""", _rows("source-in-content")),
    veto("clause-after-conjunction", """A clause that starts past a conjunction after the cue is not the
        cue's complement: "estimated “between 50 and 90” could leave" (the quote is the object),
        "admitted his debts, and his losses, were large" (a misparsed subject). Its cost: "said, but
        only to friends, that ..." is dropped too.""",
         _rows("clause-after-conjunction")),
    veto("speaker-shown", """A recording that shows someone speaking: "the ad shows X saying “...”" is
        X's statement, not the ad's.""", _rows("speaker-shown")),
    veto("quoted-subject", """A word inside quotation marks is never the one who says it: "“The best of
        them,” said the coach" (the parser may make the quote the subject).""", _rows("quoted-subject")),
    veto("pronoun-subject", """ "It says", "which says", "that is what ... said": a pronoun that stands
        for a text or a thing is no source a reader can use.""", _rows("pronoun-subject")),
    veto("not-said", """A topic act not performed: "will mention", "did not mention", "would never
        criticize": nothing was said.""", _rows("not-said")),
    veto("pronoun-object", """A topic act whose object is a bare pronoun ("blasted him") names whom it
        targets, not what was said.""", _rows("pronoun-object")),
    veto("narrator-list", """A colon more than two words after its cue is the narrator's: "described the
        proposals as familiar ploys: ..." lists, it does not quote.""", _rows("narrator-list")),
    veto("not-a-label", """Words that open a paragraph with a colon but name no speaker: "UPDATE:",
        "Photo:", "Related:".""", _rows("not-a-label")),
    veto("not-speech-quote", """A quote that reads as a title, a term or a scare quote (one or two
        capitalised words, no sentence) is not given to a cue, a dash or a previous speaker.""",
         _rows("not-speech-quote")),
)
REFINERS = (
    refiner("trailing-aside", """A comma-set relative clause on a person, apposition or participle that
        ends the content is the reporter's gloss: "..., who won her seat in May" ("..., which would
        cost jobs" on a thing or "..., where ..." on a place goes on with what was said).""",
            _rows("trailing-aside")),
    refiner("leading-aside", """A participle set off between the cue and its content is the narrator's:
        "said, referring to the gap, that the plan was doomed" reports "the plan was doomed".""",
            _rows("leading-aside")),
    refiner("coordination", """A clause coordinated after the content, with no cue of its own (or a
        belief of the same subject), is more of what was said: "said A, but would not B".""",
            _rows("coordination")),
    refiner("elaboration", """A colon after the content introduces more of it: "said the team lacked
        one thing: “Belief”".""", _rows("elaboration")),
    refiner("content-past-cue", """Indirect content goes on past a cue that follows it: "Prices fell,
        the bank said, and wages rose" reports both.""", _rows("content-past-cue")),
    refiner("urged-object", """The one urged or asked is part of what was said: "urged residents to fill
        in the form" keeps "residents".""", _rows("urged-object")),
    refiner("circumstance", """A topic act's time and place are not its topic: "attacked the bankers in
        a television interview" is about the bankers.""", _rows("circumstance")),
    refiner("narrator-after-quote", """After an object's last quote the narrator takes over at a dash, a
        time or "during": "as “a crazy system” during a stop".""", _rows("narrator-after-quote")),
    refiner("channel", """The outlet or platform a source spoke through joins its chain as a channel,
        never its source: "told CNN", "said in a statement to the Herald", "in an interview with the
        BBC", "wrote on X", "Speaking to Reuters, ..." (a person told is no channel).""", _rows("channel")),
    refiner("clause-in-medium", """A clause the parser hung on the medium of saying is the cue's: "said
        in a statement that ...", "told the Herald in an interview that ..." (not "a statement that was
        released").""", _rows("clause-in-medium")),
    refiner("inverted-subject", """ "“...,” said Ana Ruiz, adviser to the board, told the Herald": the name
        right after a cue of saying is its subject, though the parser gave it to a later verb.""",
            _rows("inverted-subject")),
    refiner("speaker-of-footage", """ "footage of X saying “...”": the one shown speaks, not the film.""",
            _rows("speaker-of-footage")),
)
CLAIMS = (
    claim("colon-next-paragraph", """A colon that ends its paragraph ("Osei told the crowd:") takes the
        next paragraph: its free quotes, else its text.""", _rows("colon-next-paragraph")),
    claim("continuation", """A free quote that opens a unit continues the last quote frame of its
        paragraph, or of the paragraph before when this one has no cue of its own.""",
          _rows("continuation")),
    claim("reported-by", """ "X said CONTENT, the Associated Press reported." is X's statement, reported
        by the outlet: the content ends at the comma and the outlet joins X's chain (cue "reported").""",
          _rows("reported-by")),
    claim("report-by", """ "X said CONTENT, according to a report by the Daily Star." is X's statement via
        the report: X stays the source, the report's maker joins X's chain; likewise "X said CONTENT,
        according to the Valley Herald" (the phrase after X's statement).""", _rows("report-by")),
    claim("citing", """ "CONTENT, Reuters reported, citing two people familiar with the plan." is one
        statement by Reuters, whose chain names whom it cites: not a second statement "citing".""",
          _rows("citing")),
    claim("nested", """A frame whose cue and content lie inside another's content is part of it: "The
        report said officials told staff that ..." is one attribution.""", _rows("nested")),
)
ENTRIES = RULES + VETOES + REFINERS + CLAIMS
UNIT_RULES = tuple(r for r in RULES if r.scope == "unit")
DOCUMENT_RULES = tuple(r for r in RULES if r.scope == "document")
PRIORITIES = MappingProxyType({r.name: r.priority for r in RULES})
