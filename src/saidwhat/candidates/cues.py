"""The cue lexicon: verbs and phrases that introduce what a source said, thought or found.

Each cue word form maps to its lemma; the lemma says whether the cue is speech ("said", "told",
"according to") or another kind of attribution (beliefs, plans, findings: "believes", "found").
"""

from __future__ import annotations

import re

from lemminflect import getAllInflections, getAllInflectionsOOV

# Verbs of saying, by lemma; their inflected forms come from lemminflect's tables.
SPEECH_VERBS = """
say tell add note claim state explain argue insist warn announce declare reveal report write tweet
post acknowledge admit assert suggest predict promise vow pledge ask urge reply respond recall
complain concede confirm deny describe estimate stress emphasize emphasise contend maintain observe
remark comment conclude continue mention indicate accuse criticize criticise praise joke quip boast
charge counter retort demand propose testify agree allege announce blast caution cite disclose
echo explain highlight hint inform lament point predict proclaim question reiterate reject repeat
scoff shout speculate swear threaten urge vent wonder yell advise affirm answer brag
characterize charge chide decry dismiss dispute acknowledge elaborate exclaim grumble imply inform
mock muse object plead protest recount relate remind reason recommend rule sigh slam snap underline
underscore volunteer whisper attack call convey encourage refer
laud hail tout label brand dub blame condemn denounce deride ridicule applaud welcome slam
liken compare characterise exhort shout tell chant sing scold
""".split()
# Beliefs, intentions and findings: attributions of another kind than speech.
OTHER_VERBS = """
believe think hope expect fear feel know worry want plan intend show find seem appear consider doubt
wish prefer support oppose accept recognize realize understand assume guess suspect imagine trust
""".split()

def _forms(verbs: list[str]) -> dict[str, str]:
    """Every form of each verb (lemminflect's lexicon, its rules for a verb it lacks) → the verb."""
    out = {}
    for verb in verbs:
        out[verb] = verb
        forms = getAllInflections(verb, upos="VERB") or getAllInflectionsOOV(verb, upos="VERB")
        for variants in forms.values():
            for form in variants:
                out.setdefault(form, verb)
    return out

CUE_FORMS: dict[str, str] = {**_forms(OTHER_VERBS), **_forms(SPEECH_VERBS)}
SPEECH_LEMMAS = frozenset(SPEECH_VERBS)
_WORD = re.compile(r"[A-Za-z]+")
_ACCORDING = re.compile(r"\baccording\s+to\b", re.I)

def cue_class(lemma: str) -> str:
    """``speech`` for verbs of saying, ``other`` for beliefs, plans and findings."""
    return "speech" if lemma in SPEECH_LEMMAS or lemma in ("according to", ":", "―") else "other"

def has_cue(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a cue word, "according to" or a colon."""
    if ":" in text[start:end] or _ACCORDING.search(text, start, end):
        return True
    return any(m.group().lower() in CUE_FORMS for m in _WORD.finditer(text, start, end))
