"""The one language detector: Swedish or English, decided on function words.

Used for whole minutes (which language a meeting is written in) and for questions (which
language to answer in). Callers that know which words are names ("Björn Åkesson") leave them
out first, so the letters of a name don't make an English question Swedish."""
from __future__ import annotations

import re

from index.vocab import FUNCTION_WORDS

_WORD = re.compile(r"[^\W\d_]+")
_SWEDISH_LETTERS = re.compile(r"[åäöÅÄÖ]")
# å/ä/ö outside names is strong evidence in a short text and none in a long one.
_LETTER_WEIGHT = 1.5


def detect_language(text: str, *, default: str = "sv") -> str:
    """"sv" or "en" for ``text``; ``default`` on a tie (no function word at all, say)."""
    words = _WORD.findall(text.casefold())
    sv = sum(w in FUNCTION_WORDS["sv"] for w in words) + (_LETTER_WEIGHT if _SWEDISH_LETTERS.search(text) else 0)
    en = sum(w in FUNCTION_WORDS["en"] for w in words)
    if sv == en:
        return default
    return "sv" if sv > en else "en"
