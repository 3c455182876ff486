"""Titles and honorifics: the one list of words written before a name as a title or role.

Both the attribute stage (where a mention's name starts: "Senator Maria Lopez" is the name "Maria
Lopez" with the title "Senator") and resolution (``resolve.names`` splits roles off names with it;
the store compares names with it) read this list, so it lives before both stages.
Words are folded: lower case, no trailing full stop ("Sen." is "sen").
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Honorifics: a title that says nothing of a role, and often the gender.
HONORIFICS = {
    "mr": "male", "mister": "male", "sir": "male", "lord": "male", "messrs": None,
    "mrs": "female", "ms": "female", "miss": "female", "madam": "female", "dame": "female",
    "lady": "female", "dr": None, "prof": None, "professor": None, "rev": None, "reverend": None,
    "mx": None, "hon": None,
}
# Titles and the words of roles written before a name ("Acting U.S. Attorney for the District of
# Vermont Carla Moss", "Tory MP Ann Reed", "Minister of Finance Peter Dunn"), folded.
TITLE_WORDS = frozenset(HONORIFICS) | _words("""
president vice secretary state minister prime foreign defence defense finance treasury home
interior chancellor governor gov mayor senator sen rep representative congressman congresswoman
speaker leader majority minority general gen lt col colonel maj major capt captain adm admiral sgt
sergeant judge justice chief ambassador spokesman spokeswoman spokesperson director deputy
assistant associate attorney commissioner chairman chairwoman chair chairperson ceo cfo coo cto
founder cofounder co-founder king queen prince princess duke duchess earl count countess baron
baroness pope cardinal archbishop bishop rabbi imam sheikh emir sultan crown former acting interim
incoming outgoing then senior junior white house press national security adviser advisor u.s us un
eu uk economic affairs health education energy commerce labor labour transportation transport
agriculture homeland executive officer premier mp mep msp mla mpp supt superintendent inspector
insp constable pc det detective detectives officer supervisor councillor councilor councilman
councilwoman alderman alderwoman trustee treasurer comptroller auditor solicitor barrister
magistrate registrar dean provost rector principal trade international development environment
housing culture sport business works public district county city federal regional provincial
tory labour conservative liberal democratic republican democrat independent gop opposition shadow
manager managing partner head coach host anchor correspondent editor reporter columnist analyst
economist strategist pollster lawyer attorney-general surgeon nominee candidate hopeful
incumbent lawmaker legislator delegate member official aide commander commandant marshal sheriff
deputy-sheriff warden ranger chef pastor father brother sister nurse pilot driver officer
activist american author campaign committee dem party senate
""")


def is_title(word: str) -> bool:
    """Whether a word as written ("Sen.", "Minister", "U.S.") is a title or role word."""
    w = word.lower()
    return w in TITLE_WORDS or w.rstrip(".") in TITLE_WORDS
