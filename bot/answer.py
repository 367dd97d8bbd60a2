"""The answer object: the one contract between the engine and every interface (CLI, Slack).

Its JSON form is read by other tools; keep the field names stable."""
from __future__ import annotations

from pydantic import BaseModel, Field

from index.collections import collection_of


class Passage(BaseModel):
    source: str  # path relative to the corpus dir
    meeting_date: str | None = None  # YYYY-MM-DD
    title: str | None = None
    quote: str  # verbatim substring of the source document text
    score: float = 0.0
    start: int = 0  # character offsets of quote in the source text
    end: int = 0
    highlight: str | None = None  # the sentence inside quote that answers, verbatim

    @property
    def collection(self) -> str:
        """The collection (first-level corpus folder) the passage comes from: index/collections.py."""
        return collection_of(self.source)


class NextMeetingInfo(BaseModel):
    date: str | None = None
    upcoming: bool = False
    source: str | None = None
    quote: str | None = None


class MeetingRef(BaseModel):
    source: str
    meeting_date: str | None = None
    title: str | None = None

    @property
    def collection(self) -> str:
        return collection_of(self.source)


class Facts(BaseModel):
    """What an answer rests on, as data: the people it names (attendees, absentees, a chair),
    the meetings it draws on, a count, a date. Scripts and the evaluation read these instead of
    parsing the answer's words."""

    people: list[str] = Field(default_factory=list)
    meetings: list[MeetingRef] = Field(default_factory=list)
    count: int | None = None  # how many attended, when the minutes record people
    date: str | None = None  # the date the answer gives (the next meeting's), YYYY-MM-DD
    # records the answer quotes: rows as `minutes decisions --json` / `minutes actions --json` print them
    decisions: list[dict] = Field(default_factory=list)
    actions: list[dict] = Field(default_factory=list)
    # "passage" when a structured intent's records held nothing and a passage of the minutes,
    # found by a search within the meeting asked about, answers instead (bot/intents/fallback.py)
    fallback: str | None = None
    # which meeting the question named and how it was read (bot/resolve.py): {"by": "kind+year",
    # "meetings": [sources], "unmatched": [clues no meeting showed]}; None when it named none
    resolved: dict | None = None


class Answer(BaseModel):
    question: str
    answer: str  # the words people see: one or two sentences
    found: bool = False
    intent: str = "search"  # attendance | absence | person | next_meeting | role | search | offtopic
    language: str = "en"  # language of the question, and of `answer`
    passages: list[Passage] = Field(default_factory=list)
    next_meeting: NextMeetingInfo | None = None
    facts: Facts = Field(default_factory=Facts)
    # Why nothing was found (None when found): not_in_minutes | unknown_words | skipped_file |
    # unsupported_language (bot/intents/not_found.py).
    reason: str | None = None
    notes: list[str] = Field(default_factory=list)  # about how the question was read (e.g. cut short)
    # why this intent: the router's choice and runner-up with their scores and cues (bot/router.py)
    intent_reasons: dict = Field(default_factory=dict)
    # About the index it came from, set by the interface (bot/service.py, bot/cli.py): the corpus
    # folder gone. In the JSON only when there are some.
    warnings: list[str] = Field(default_factory=list)

    def to_json_dict(self) -> dict:
        d = self.model_dump(exclude={"language"})
        from .render_markup import plain, render

        # ``quote`` stays verbatim with its offsets; ``quote_text`` is how people are shown it.
        d["passages"] = [
            {**{k: p[k] for k in ("source", "meeting_date", "title", "quote", "start", "end", "score", "highlight")},
             "quote_text": plain(render(p["quote"], p["source"])), "collection": collection_of(p["source"])}
            for p in d["passages"]
        ]
        d["facts"]["meetings"] = [{**m, "collection": collection_of(m["source"])} for m in d["facts"]["meetings"]]
        if self.next_meeting is None:
            d.pop("next_meeting")
        if not self.warnings:
            d.pop("warnings")
        return d
