"""The answer object: the one contract between the engine and every interface (CLI, Slack).

Its JSON form is read by other tools; keep the field names stable."""
from __future__ import annotations

from pydantic import BaseModel, Field


class Passage(BaseModel):
    source: str  # path relative to the corpus dir
    meeting_date: str | None = None  # YYYY-MM-DD
    title: str | None = None
    quote: str  # verbatim substring of the source document text
    score: float = 0.0
    start: int = 0  # character offsets of quote in the source text
    end: int = 0
    highlight: str | None = None  # the sentence inside quote that answers, verbatim


class NextMeetingInfo(BaseModel):
    date: str | None = None
    upcoming: bool = False
    source: str | None = None
    quote: str | None = None


class Answer(BaseModel):
    question: str
    answer: str  # the words people see: one or two sentences
    found: bool = False
    intent: str = "search"  # attendance | absence | person | next_meeting | role | search | offtopic
    language: str = "en"  # language of the question, and of `answer`
    passages: list[Passage] = Field(default_factory=list)
    next_meeting: NextMeetingInfo | None = None

    def to_json_dict(self) -> dict:
        d = self.model_dump(exclude={"language"})
        d["passages"] = [
            {k: p[k] for k in ("source", "meeting_date", "title", "quote", "score", "highlight")}
            for p in d["passages"]
        ]
        if self.next_meeting is None:
            d.pop("next_meeting")
        return d
