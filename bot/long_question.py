"""A very long question (a pasted e-mail, a whole agenda) is cut down before it is read.

Everything downstream scales with the question's words, and most of such a text is noise that
pulls the answer away from what was asked. What is kept is the meaningful part: the sentences
that end in a question mark, in order, when there are any (people paste the context, then ask),
else the beginning, cut at a word boundary. The answer carries a note saying so."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .phrases import say

MAX_CHARS = 500
MAX_SENTENCE = 200  # longer than any real question sentence: the rest of it is pasted text

_SENTENCE = re.compile(r"[^.!?\n]*[.!?]+|[^.!?\n]+")


@dataclass
class ReadQuestion:
    text: str  # what is read
    original_length: int
    how: str | None = None  # None: read whole; "questions": its question sentences; "start": its beginning

    def note(self, lang: str) -> str | None:
        if self.how is None:
            return None
        key = "long_question_questions" if self.how == "questions" else "long_question_start"
        return say(key, lang, kept=len(self.text), total=self.original_length, limit=MAX_CHARS)


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip()


def _tail(sentence: str, limit: int = MAX_SENTENCE) -> str:
    """A run-on "sentence" that ends in a question mark asks at its end: keep that end."""
    if len(sentence) <= limit:
        return sentence
    tail = sentence[-limit:]
    space = tail.find(" ")
    return tail[space + 1:] if 0 <= space < limit // 2 else tail


def read_question(question: str, limit: int = MAX_CHARS) -> ReadQuestion:
    text = (question or "").strip()
    if len(text) <= limit:
        return ReadQuestion(text, len(text))
    asked = [_tail(" ".join(s.split())) for s in _SENTENCE.findall(text) if s.strip().endswith("?")]
    if asked:
        kept = []
        for s in asked:
            if len(" ".join(kept + [s])) > limit:
                break
            kept.append(s)
        return ReadQuestion(" ".join(kept) if kept else asked[0], len(text), "questions")
    return ReadQuestion(_cut(" ".join(text.split()), limit), len(text), "start")
