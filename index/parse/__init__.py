"""Minutes text -> :class:`Meeting`: title, date, attendees, chair/secretary, next meeting.

One module per part of the minutes it reads: ``header`` (title, date, language), ``attendees``
(who was present, absent, invited), ``roles`` (chair and secretary), ``next_meeting`` (the
statement of the next meeting); ``labels`` holds the "Label:" reading they share. Every
extracted fact keeps its span so answers can quote it. A step that odd text makes fail loses only
its own facts and is recorded (index/partial.py); a programming error propagates."""
from __future__ import annotations

from index.models import Meeting
from index.partial import guarded
from index.sections import headings, lines

from .attendees import read_attendees
from .header import filename_date, read_date, read_fields, read_language, read_title
from .next_meeting import read_next_meeting, resolve_next
from .roles import read_roles

__all__ = ["parse_meeting", "resolve_next"]

# In this order: the date needs the title's span, roles read the attendee list, the next
# meeting is resolved against the date. Each with the name `minutes status` gives it.
STEPS = (
    ("title", read_title),
    ("date", read_date),
    ("attendees", read_attendees),
    ("next meeting", read_next_meeting),
    ("chair and secretary", read_roles),
    ("language", read_language),
)


def parse_meeting(text: str, source: str, fields: dict | None = None,
                  problems: list[dict] | None = None, *,
                  macros: dict[str, dict[str, int]] | None = None) -> Meeting:
    """The meeting in ``text``, a document's view (index/normalise.py); ``fields`` its metadata;
    ``macros`` the organisation profile's LaTeX roll macros (index/profile.py, index/latex.py).
    Steps that ``text`` made fail are appended to ``problems`` (``{"step", "reason"}``) when it
    is given."""
    m = Meeting(source=source.replace("\\", "/"))
    if not text or not text.strip():
        filename_date(m)
        return m
    ls = lines(text)
    hs = headings(text, ls)
    for name, step in STEPS:
        with guarded(name, source, problems):
            if step is read_attendees:
                step(m, text, ls, hs, macros=macros)
            else:
                step(m, text, ls, hs)
    if fields:
        read_fields(m, fields)
    return m
