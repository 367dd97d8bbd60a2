"""An understood question: its intent, language, the time it is about and what it names.

The output of :mod:`bot.understand` and the input of every intent handler."""
from __future__ import annotations

from dataclasses import dataclass, field

from .registry import Intent  # an intent's name, derived from the registry (bot/registry.py)


@dataclass
class TimeFilter:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    last: bool = False  # "the last meeting", "förra mötet"
    text: str = ""  # the words it came from, for the answer sentence

    def __bool__(self) -> bool:
        return bool(self.year or self.month or self.day or self.last)

    def accepts(self, iso: str | None) -> bool:
        """Whether a meeting dated ``iso`` falls in the filter (``last`` is resolved elsewhere)."""
        if not (self.year or self.month or self.day):
            return True
        if not iso:
            return False
        y, m, d = (int(x) for x in iso.split("-"))
        return ((self.year is None or y == self.year) and (self.month is None or m == self.month)
                and (self.day is None or d == self.day))


@dataclass
class MeetingSpec:
    """What a question says about its meeting beyond a date (which is ``Question.time``)."""

    kind: str | None = None  # a key of MEETING_KINDS
    season: str | None = None  # a key of SEASONS
    place: str | None = None  # as written ("Berlin", "Orlando")
    number: int | None = None  # from the title ("IETF 83" -> 83)
    number_word: str | None = None  # the word before it ("IETF")
    ordinal: int | None = None  # "the first meeting of 2026" -> 1
    before: bool = False  # "the one before", "mötet innan"
    before_of: str | None = None  # a follow-up's: the date of the meeting it is before
    text: str = ""  # the words it came from
    said: dict = field(default_factory=dict)  # clue -> its words: left out of the search once a meeting shows it

    def __bool__(self) -> bool:
        return bool(self.kind or self.season or self.place or self.number or self.ordinal or self.before)


@dataclass
class Question:
    text: str
    language: str  # "sv" | "en"
    intent: Intent
    time: TimeFilter
    person: str | None = None  # a person the question names, as written in it
    count: bool = False  # "how many"
    organisations: bool = False  # "which organisations were represented"
    role: str | None = None  # "chair" | "secretary" | "treasurer" | "vice_chair" | "adjuster" | ...
    person_attended: bool = False  # "which meetings did X attend"
    outcome: str | None = None  # decisions asked about: "tabled" | "rejected" | "reservation"
    open_only: bool = False  # "which actions are still open?"
    due: bool = False  # "when is X due?"
    asks_owner: bool = False  # "who will remind Myles?": the owner is asked for; names in it are the task's
    words: list[str] = field(default_factory=list)  # content words, lower case, for retrieval
    entities: list[str] = field(default_factory=list)  # capitalised words: names of things, as written
    meeting: MeetingSpec = field(default_factory=MeetingSpec)  # kind, season, place... (bot/resolve.py)
    # what the resolver chose and why: {"by": "kind+year", "meetings": [sources]} (facts.resolved)
    resolved: dict | None = None
    # why the intent was chosen, and the runner-up (bot/router.py): ask --json's intent_reasons
    intent_reasons: dict = field(default_factory=dict)
    # an intent's own typed slots: what its route's ``slots`` returned (an instance of a class its
    # module declares), for fields no other intent has; None for the intents that fill those above
    slots: object | None = None
