"""Word lists of speaker resolution, as data: titles, honorifics, heads of descriptions, pronouns.

The title list is the project's one (``saidwhat.titles``, shared with the attribute stage):
resolution splits roles off names with it and the store compares names with it.
"""

from __future__ import annotations

from ..titles import HONORIFICS, TITLE_WORDS  # noqa: F401 (resolution and the store read them here)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Connecting words inside a role: "Minister in the Ministry of Finance", "Attorney for the District".
ROLE_CONNECTORS = frozenset({"of", "for", "the", "in", "at", "to", "on", "and", "&"})
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la",
                            "le", "bin", "ibn", "al", "el", "ben", "dos", "das", "ter", "ten", "zu"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})
# Words that start a sentence and get a capital, never part of a name ("When Garner asked").
NOT_NAME = _words("""
when while after before as but and or if though although because since unlike like asked with
without then now meanwhile however also still yet so thus another other others posted updated
according related read watch more the a an this that these those his her their its our my your
one some any each every many much most both all few several no not in on at by for from of to
into about over under between during through against among per via here there where why how
what which who whom whose said says told added yesterday today tomorrow monday tuesday wednesday
thursday friday saturday sunday january february march april june july august september october
november december photo video image copyright getty reuters advertisement subscribe sign
""")
# Heads of descriptions of a person ("the former mayor") and of an organisation ("the court").
PERSON_HEADS = _words("""
president senator secretary governor minister leader spokesman spokeswoman spokesperson candidate
nominee official chairman chairwoman chair director ambassador mayor judge host anchor analyst
professor adviser advisor aide chief ceo commissioner attorney congressman congresswoman lawmaker
man woman businessman businesswoman billionaire millionaire strategist pollster speaker
representative expert economist diplomat officer general lawyer author writer columnist critic
resident voter supporter owner founder duke duchess prince princess king queen premier manager
coach player actor actress singer star artist designer chancellor superintendent detective
inspector sheriff doctor scientist researcher student teacher mother father wife husband son
daughter brother sister widow victim suspect defendant witness prosecutor mp councillor trustee
executive boss head justice emir pope bishop
""")
ORG_HEADS = _words("""
daily newspaper paper agency network magazine outlet channel broadcaster station company firm
campaign committee ministry department government administration organization organisation group
party union council court board panel team office embassy trust institution university college
school hospital commission authority bank regulator operator utility agency association
federation foundation institute chain retailer store manufacturer maker airline club league
police force service army military navy tribunal parliament assembly legislature senate house
cabinet coalition alliance charity nonprofit center centre society corporation business startup
""")
# Words that end an organisation's name ("Brightway Stores", "Apex Holdings"), folded.
ORG_WORDS = ORG_HEADS | _words("""
news times post journal shimbun inc corp co ltd llc plc limited holdings stores industries
airlines airways motors systems technologies labs laboratories partners capital group media press
television radio tv reuters ap afp cnn bbc fox nbc abc cbs msnbc gallup pew quinnipiac google
twitter facebook tribune gazette herald telegraph guardian observer express mirror sun chronicle
review pentagon kremlin caucus poll survey study report reports data
""")
# Heads of a mention that cites a document or poll by a named maker ("a new Gallup poll").
DOCUMENT_HEADS = _words("""
poll survey study report reports data analysis statement release document filing figures
statistics review assessment research paper letter memo audit tracker
""")
UNNAMED_PLURALS = _words("""
officials pundits analysts experts sources critics observers aides reports polls studies people
residents voters supporters opponents democrats republicans lawmakers diplomats economists
researchers scientists witnesses insiders advisers advisors authorities investigators prosecutors
members leaders activists commentators some others many media surveys police
""")
PERSON_PRONOUNS = {"he": "male", "him": "male", "his": "male", "himself": "male",
                   "she": "female", "her": "female", "hers": "female", "herself": "female",
                   "i": None, "me": None}
# Heads of a description of two people together: "the pair", "the couple", "the two".
PAIR_HEADS = _words("pair couple duo two twosome")
GROUP_PRONOUNS = frozenset({"they", "we", "them", "us"})
THING_PRONOUNS = frozenset({"it", "its"})
# Gender said by a role word: "spokeswoman", "the duchess".
GENDERED_ROLES = {w: "female" for w in _words("""
spokeswoman congresswoman chairwoman businesswoman councilwoman alderwoman duchess princess queen
countess baroness dame lady actress widow mother wife daughter sister madam mrs ms miss
""")} | {w: "male" for w in _words("""
spokesman congressman chairman businessman councilman alderman duke prince king earl baron lord
sir father husband son brother mr
""")}
