"""The language of an article's text, by py3langid; saidwhat reads English."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

# Shorter texts are not judged (identifiers guess on a line or two); nor are uncertain guesses.
MIN_CHARS = 200
MIN_PROBABILITY = 0.9
# Names of the languages news most often comes in, for messages; other codes are shown as they are.
NAMES = {"fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
         "nl": "Dutch", "ru": "Russian", "zh": "Chinese", "ja": "Japanese", "ar": "Arabic",
         "tr": "Turkish", "pl": "Polish", "sv": "Swedish", "da": "Danish", "no": "Norwegian"}


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_of(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of the text's language and the identifier's probability for it."""
    code, probability = _identifier().classify(text[:20_000])
    return code, float(probability)


def not_english(text: str) -> Optional[str]:
    """The language code when ``text`` is surely not English; None for English or too little to tell."""
    if len(text) < MIN_CHARS:
        return None
    code, probability = language_of(text)
    return code if code != "en" and probability >= MIN_PROBABILITY else None


def language_message(code: str) -> str:
    name = NAMES.get(code)
    return (f"the text is in {name} ({code})" if name else f"the text is in language {code!r}") + \
        "; saidwhat reads English articles only"
