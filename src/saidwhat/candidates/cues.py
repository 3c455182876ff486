"""The cue lexicon: verbs and phrases that introduce what a source said, thought or found.

Each cue word form maps to its lemma; the lemma says whether the cue is speech ("said", "told",
"according to") or another kind of attribution (beliefs, plans, findings: "believes", "found").
"""

from __future__ import annotations

import re

# Verbs of saying. Regular verbs get their inflections generated; irregular forms are listed.
SPEECH_VERBS = """
say tell add note claim state explain argue insist warn announce declare reveal report write tweet
post acknowledge admit assert suggest predict promise vow pledge ask urge reply respond recall
complain concede confirm deny describe estimate stress emphasize emphasise contend maintain observe
remark comment conclude continue mention indicate accuse criticize criticise praise joke quip boast
charge counter retort demand propose testify agree allege announce blast caution cite disclose
echo explain highlight hint inform lament point predict proclaim question reiterate reject repeat
scoff shout speculate swear threaten told urge vent wonder yell advise affirm answer brag
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

_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing", "written"),
    "swear": ("swears", "swore", "swearing", "sworn"),
    "think": ("thinks", "thought", "thinking"),
    "know": ("knows", "knew", "knowing", "known"),
    "feel": ("feels", "felt", "feeling"),
    "find": ("finds", "found", "finding"),
    "show": ("shows", "showed", "showing", "shown"),
    "understand": ("understands", "understood", "understanding"),
    "seek": ("seeks", "sought", "seeking"),
    "sing": ("sings", "sang", "singing", "sung"),
}


def _inflect(verb: str) -> tuple[str, ...]:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e"):
        stem = verb[:-1]
        return (verb + "s", verb + "d", stem + "ing")
    if verb.endswith("y") and verb[-2] not in "aeiou":
        stem = verb[:-1]
        return (stem + "ies", stem + "ied", verb + "ing")
    if verb.endswith(("sh", "ch", "ss", "x", "o")):
        return (verb + "es", verb + "ed", verb + "ing")
    if verb in ("admit", "quip", "plan", "snap", "scoff", "regret", "commit", "rebut"):
        double = verb + verb[-1] if verb not in ("scoff",) else verb
        return (verb + "s", double + "ed", double + "ing")
    return (verb + "s", verb + "ed", verb + "ing")


def _forms(verbs: list[str]) -> dict[str, str]:
    out = {}
    for verb in verbs:
        out[verb] = verb
        for form in _inflect(verb):
            out.setdefault(form, verb)
    return out


CUE_FORMS: dict[str, str] = {**_forms(OTHER_VERBS), **_forms(SPEECH_VERBS)}
SPEECH_LEMMAS = frozenset(SPEECH_VERBS)
# Verbs that govern a that-clause only as speech about something else, never as a cue on their own.
WEAK_LEMMAS = frozenset({"continue", "call", "question", "answer", "rule", "point", "attack", "accept",
                         "support", "oppose", "appear", "seem", "show", "find", "trust", "understand",
                         "consider", "relate", "reason", "echo", "post", "recognize", "realize"})

# Nouns of speech that carry attributions: "In a statement, ...", "his claim that ...".
SPEECH_NOUNS = frozenset("""
statement remarks remark comments comment interview speech testimony tweet post letter email
announcement claim claims report reports
""".split())

_WORD = re.compile(r"[A-Za-z]+")
_ACCORDING = re.compile(r"\baccording\s+to\b", re.I)


def cue_lemma(word: str) -> str | None:
    """The cue lemma of a word form, or None when the word is not a cue."""
    return CUE_FORMS.get(word.lower())


def cue_class(lemma: str) -> str:
    """``speech`` for verbs of saying, ``other`` for beliefs, plans and findings."""
    return "speech" if lemma in SPEECH_LEMMAS or lemma in ("according to", ":", "―") else "other"


def has_cue(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a cue word, "according to" or a colon."""
    if ":" in text[start:end] or _ACCORDING.search(text, start, end):
        return True
    return any(m.group().lower() in CUE_FORMS for m in _WORD.finditer(text, start, end))
