"""The cues of questions' intents: patterns built from the shared vocabulary, and the
:class:`Signals` that name them. Read by the router (bot/router.py) and by the intents' routes.

The words are data, in one place: ``index/vocab/cues.py`` (``QUESTION_CUES``: each concept's words
in English and Swedish, with the parser's own tables where it has the concept; ``QUESTION_SHAPES``
for cues that read a question's shape). Here each concept becomes one compiled pattern, and a
signal: ``Signals.of(text).decide`` says whether the text holds a decision word. A cue says what
a question asks; which intent wins is the router's score."""
from __future__ import annotations

import re
from typing import Callable

from index.records.titles import asked_role as asked_post
from index.vocab import ROLE_CUES
from index.vocab import QUESTION_CUES, QUESTION_SHAPES


def cue_pattern(words: dict[str, tuple[str, ...]] | tuple[str, ...]) -> re.Pattern:
    """One case-insensitive pattern of a concept's regex fragments (``{"en": (…), "sv": (…)}`` or
    a tuple of them): the shared concepts' and an intent's own words alike."""
    fragments = [f for group in words.values() for f in group] if isinstance(words, dict) else list(words)
    if not fragments:
        raise ValueError("a cue needs at least one word")
    return re.compile("|".join(fragments), re.IGNORECASE)


# One pattern per concept of the shared vocabulary, and one per shape.
PATTERNS: dict[str, re.Pattern] = {name: cue_pattern(words) for name, words in QUESTION_CUES.items()}
SHAPES: dict[str, re.Pattern] = {name: re.compile(p, re.IGNORECASE | re.VERBOSE) for name, p in QUESTION_SHAPES.items()}

# The names the intents' modules import.
NEXT, WHO, ATTEND, ABSENT, DECIDE = (PATTERNS[n] for n in ("next", "who", "attend", "absent", "decide"))
TABLED, REJECTED, RESERVATION = PATTERNS["tabled"], PATTERNS["rejected"], PATTERNS["reservation"]
ACTION, OPEN, DUE, DIGEST = PATTERNS["action"], PATTERNS["open"], PATTERNS["due"], PATTERNS["digest"]
MEETING_WORD, COUNT, ORGS, ANYONE = PATTERNS["meeting_word"], PATTERNS["count"], PATTERNS["orgs"], PATTERNS["anyone"]
PRESENT_VERB, REPRESENTED, TOPIC = PATTERNS["present_verb"], PATTERNS["represented"], PATTERNS["topic"]
WHO_DOES, WHO_FIRST, WHO_DOING = SHAPES["who_does"], SHAPES["who_first"], SHAPES["who_doing"]
DECIDER, MEETING_AFTER = SHAPES["decider"], SHAPES["meeting_after"]
ROLE_ASK = {role: re.compile(r"(?i)\b(?:" + "|".join(cues) + r")\b") for role, cues in ROLE_CUES.items()}

# The cues whose words may be a topic once the question's head has its intent: each pattern's matches
TOPIC_CUES = (NEXT, ACTION, DECIDE, DIGEST, ATTEND, ABSENT)


def _asked_role(s: Signals) -> str | None:
    # a post no table lists ("vem var PR-ansvarig?", "who was the events lead?"): index/records/titles
    return ("representative" if s.represented else None) \
        or next((r for r, pat in ROLE_ASK.items() if pat.search(s.text)), None) or asked_post(s.text)


# signal -> how it is read from a text. Every concept and shape is a signal by its name; these
# are read from more than one of them.
DERIVED: dict[str, Callable[[Signals], object]] = {
    "attended": lambda s: s.attend and not s.represented,  # "who represented X?" is a role
    "asked_role": _asked_role,
}
GIVEN = ("person", "time", "run")  # what the whole question names, the same for its head


class Signals:
    """Which cues a text holds: the whole question, or its head (the words before its topic).
    Each signal is read on first use: ``s.decide``, ``s.who``, ``s.asked_role`` … (``names()``).
    ``person``, ``time`` and ``run`` are what the whole question names, the same for both."""

    def __init__(self, text: str, person: str | None = None, time: bool = False, run: str | None = None):
        self.text = text  # the text read: an intent's own cue is matched against it (Route.cue)
        self.person = person  # a person the minutes name
        self.time = time  # the question gives a time
        self.run = run  # a capitalised run that may be a person no list names

    @classmethod
    def of(cls, text: str, *, person: str | None = None, time: bool = False, run: str | None = None) -> Signals:
        return cls(text, person, time, run)

    @staticmethod
    def names() -> frozenset[str]:
        return frozenset(PATTERNS) | frozenset(SHAPES) | frozenset(DERIVED) | frozenset(GIVEN)

    def __getattr__(self, name: str):
        if name in DERIVED:
            value = DERIVED[name](self)
        elif name in PATTERNS:
            value = PATTERNS[name].search(self.text) is not None
        elif name in SHAPES:
            value = SHAPES[name].search(self.text) is not None
        else:
            raise AttributeError(f"no cue named {name!r} (bot/cues.py Signals.names())")
        self.__dict__[name] = value
        return value

    def true(self, names: tuple[str, ...]) -> list[str]:
        """Which of these signals hold (for the router's reasons)."""
        return [n for n in names if getattr(self, n)]
