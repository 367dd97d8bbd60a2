"""Minutes text -> :class:`Meeting`: title, date, attendees, chair/secretary, next meeting.

One module per part of the minutes it reads: ``header`` (title, date, language), ``attendees``
(who was present, absent, invited), ``roles`` (chair and secretary), ``next_meeting`` (the
statement of the next meeting); ``labels`` holds the "Label:" reading they share. Every
extracted fact keeps its span so answers can quote it. The parser never raises on odd input:
each step is guarded and the meeting keeps whatever could be found."""
from __future__ import annotations

import logging

from index.models import Meeting
from index.sections import headings, lines

from .attendees import read_attendees
from .header import filename_date, read_date, read_fields, read_language, read_title
from .next_meeting import read_next_meeting, resolve_next
from .roles import read_roles

__all__ = ["parse_meeting", "resolve_next"]

log = logging.getLogger(__name__)

# In this order: the date needs the title's span, roles read the attendee list, the next
# meeting is resolved against the date.
STEPS = (read_title, read_date, read_attendees, read_next_meeting, read_roles, read_language)


def parse_meeting(text: str, source: str, fields: dict | None = None, *,
                  macros: dict[str, dict[str, int]] | None = None) -> Meeting:
    """``text`` is a document's view (index/normalise.py); ``fields`` its metadata; ``macros``
    the organisation profile's LaTeX roll macros (index/profile.py, index/latex.py)."""
    m = Meeting(source=source.replace("\\", "/"))
    if not text or not text.strip():
        filename_date(m)
        return m
    ls = lines(text)
    hs = headings(text, ls)
    for step in STEPS:
        try:
            if step is read_attendees:
                step(m, text, ls, hs, macros=macros)
            else:
                step(m, text, ls, hs)
        except Exception:  # one odd construct must not lose the rest of the meeting
            log.exception("parse step %s failed on %s", step.__name__, source)
    if fields:
        read_fields(m, fields)
    return m
