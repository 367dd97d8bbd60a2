"""Data extracted from minutes. Every fact keeps the character span it came from, so an answer
built on it can quote the source verbatim: ``text[span[0]:span[1]]``."""
from __future__ import annotations

from pydantic import BaseModel, Field

Span = tuple[int, int]


class Person(BaseModel):
    """An attendee, or a chair/secretary. ``detail`` is the organisation or role as written."""

    name: str
    detail: str | None = None
    span: Span  # the whole entry as written, e.g. "11. Helena, Strigård, ledamot"


class NextMeeting(BaseModel):
    quote: str  # the statement as written (== text[span[0]:span[1]])
    span: Span
    date: str | None = None  # ISO YYYY-MM-DD when it could be resolved against the meeting date
    vague: bool = False  # "om två-tre veckor", "efter sommaren": no date could be fixed
    relative: bool = False  # date computed from "nästa vecka"/"om två veckor", not written out


class Meeting(BaseModel):
    source: str  # path relative to the corpus dir, with forward slashes
    title: str | None = None
    title_span: Span | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    date_span: Span | None = None  # None when the date came from the file name
    date_origin: str | None = None  # "text" | "filename" | None
    language: str = "sv"  # "sv" | "en"
    attendees: list[Person] = Field(default_factory=list)
    attendees_span: Span | None = None  # the attendee list block, for quoting it whole
    invited: list[Person] = Field(default_factory=list)  # "Kallade": invited, not attendees
    absent: list[Person] = Field(default_factory=list)  # "Frånvarande", "Regrets", "Absent"
    chair: Person | None = None
    secretary: Person | None = None
    next_meeting: NextMeeting | None = None


class Chunk(BaseModel):
    """A passage of one document. ``text == document_text[start:end]`` always holds."""

    id: str  # f"{source}#{n}"
    source: str
    start: int
    end: int
    text: str
    section: str | None = None  # heading of the section the chunk is in
    meeting_date: str | None = None
    title: str | None = None
