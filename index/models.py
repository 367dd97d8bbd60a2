"""Data extracted from minutes. Every fact keeps the character span it came from, so an answer
built on it can quote the source verbatim: ``text[span[0]:span[1]]``."""
from __future__ import annotations

from pydantic import BaseModel, Field

from .collections import collection_of

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
    date_origin: str | None = None  # "text" | "metadata" (front matter) | "filename" | None
    language: str = "sv"  # "sv" | "en"
    attendees: list[Person] = Field(default_factory=list)
    attendees_span: Span | None = None  # the attendee list block, for quoting it whole
    invited: list[Person] = Field(default_factory=list)  # "Kallade": invited, not attendees
    absent: list[Person] = Field(default_factory=list)  # "Frånvarande", "Regrets", "Absent"
    chair: Person | None = None
    secretary: Person | None = None
    next_meeting: NextMeeting | None = None
    # Records (index/records): defaults keep indexes written before them loadable.
    items: list["AgendaItem"] = Field(default_factory=list)
    decisions: list["Decision"] = Field(default_factory=list)
    actions: list["ActionItem"] = Field(default_factory=list)
    roles: list["RoleHolder"] = Field(default_factory=list)

    @property
    def collection(self) -> str:
        """The body whose minutes these are: the corpus folder (index/collections.py)."""
        return collection_of(self.source)


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

    @property
    def collection(self) -> str:
        return collection_of(self.source)


# ---------------------------------------------------------------- records (issue 8)
# What a meeting decided and who must do what. Each record keeps two kinds of span: the span
# of the value it names (``text[text_span[0]:text_span[1]] == record.text``) and the span of
# the whole statement it was read from, for quoting.


class AgendaItem(BaseModel):
    number: str | None = None  # "§ 41", "3", "3.2" as written; for LaTeX \section, the counter
    heading: str  # == text[heading_span[0]:heading_span[1]], without the number
    heading_span: Span
    span: Span  # the whole item: its heading to the next item at the same or a higher level
    level: int = 1


class Vote(BaseModel):
    for_: int | None = None
    against: int | None = None
    abstain: int | None = None
    unanimous: bool = False
    reservations: list[str] = Field(default_factory=list)  # names of who entered a reservation
    reservation_spans: list[Span] = Field(default_factory=list)  # the reservation statements
    # who voted how, when the minutes name them ("<ivan> +1" rounds of scribe minutes)
    voted_for: list[str] = Field(default_factory=list)
    voted_against: list[str] = Field(default_factory=list)
    span: Span  # the vote statement as written ("Med 4 röster mot 2", "Motion carried 5–2")


class Decision(BaseModel):
    text: str  # what was decided, approved or voted down (== text[text_span...])
    text_span: Span
    span: Span  # the decision statement ("förslaget till beslut bifalles"), for quoting
    item: str | None = None  # heading of the agenda item it belongs to
    outcome: str = "decided"  # approved | rejected | tabled | referred_back | noted | decided
    proposal_span: Span | None = None  # the proposal ("Förslag till beslut") it settles
    vote: Vote | None = None


class ActionItem(BaseModel):
    owners: list[str] = Field(default_factory=list)  # names or a body ("styrelsen")
    # each owner resolved to the full name of a person of the meeting ("Tim" -> "Tim Persson",
    # "@rvagg" -> "Rod Vagg", "kassören" -> its holder), else as written; index/records/owners.py
    owner_names: list[str] = Field(default_factory=list)
    task: str  # == text[task_span...]
    task_span: Span
    span: Span  # the whole statement or table row
    due: str | None = None  # ISO YYYY-MM-DD, resolved against the meeting date
    due_span: Span | None = None
    item: str | None = None
    status: str = "open"  # open | done | ongoing | dropped | not_started
    status_span: Span | None = None  # where this meeting states the status (same document)
    status_source: str | None = None  # a later meeting's source whose review set ``status``
    status_source_span: Span | None = None  # the review's span in ``status_source``
    status_quote: str | None = None  # that review as written in ``status_source``
    status_date: str | None = None  # that later meeting's date
    review: bool = False  # a report on an earlier action ("Done: ..."), not a new task
    # The task names no one and its section does: the heading or "Name:" line the owner was read
    # from as written ("Kassör", "Treasurer's report", "Anna"); ``owners`` holds the role's holder.
    owner_from: str | None = None
    owner_from_span: Span | None = None


class RoleHolder(BaseModel):
    role: str  # chair | vice_chair | secretary | treasurer | adjuster | minute_taker |
    #            rapporteur | co_opted | vote_counter | auditor | other
    title: str | None = None  # the role as written ("Kassör", "protokolljusterare", "SAMO")
    name: str  # == text[name_span...]
    name_span: Span
    span: Span  # the statement or attendee entry it was read from
    scope: str = "organisation"  # "meeting": chair/secretary/adjuster of this meeting only
    body: str | None = None  # "ordförande för UPPDRAG": the committee the role is in


Meeting.model_rebuild()
