"""When is the next meeting: what the latest minutes (written by today) that say anything about
it announce; a date, upcoming or passed, or a vague "Efter sommaren" quoted as it stands. An
older announcement is superseded by a newer one (a meeting moved at a later meeting).

:func:`announced` is the one rule: this answer and the Slack reminders (bot/slack/reminders.py)
both use it, so they never name different dates."""
from __future__ import annotations

from datetime import date

from .. import compose as say
from ..answer import Answer, Facts, NextMeetingInfo
from ..question import Intent, Question, TimeFilter
from ..router import Route
from .view import SnapshotView


def announced(meetings, today: date, time: TimeFilter | None = None):
    """(the meeting whose minutes announce the next meeting, whether its date is on or after
    ``today``), or (None, False): among the minutes in ``time``, those written by ``today``
    (all of them when none is), the latest that have a next-meeting statement."""
    iso = today.isoformat()
    stmts = [m for m in meetings if m.next_meeting is not None and (time is None or time.accepts(m.date))]
    stmts = [m for m in stmts if not m.date or m.date <= iso] or stmts  # minutes written by today
    if not stmts:
        return None, False
    m = max(stmts, key=lambda m: (m.date or "", m.source))
    return m, bool(m.next_meeting.date and m.next_meeting.date >= iso)


def answer(q: Question, view: SnapshotView, today: date, k: int) -> Answer:
    m, is_upcoming = announced(view.meetings, today, q.time)
    if m is None:
        return view.answer(q, say.no_next_meeting(q.language), found=False)
    nm = m.next_meeting
    passage = view.span_passage(m, nm.span, highlight=view.span_text(m, nm.span))
    info = NextMeetingInfo(date=nm.date, upcoming=is_upcoming, source=m.source, quote=passage.quote)
    text = say.next_meeting_sentence(nm.date, is_upcoming, m.date, passage.quote, q.language)
    return view.answer(q, text, found=True, passages=[passage], next_meeting=info,
                       facts=Facts(meetings=[view.ref(m)], date=nm.date))


# "when is the next meeting?", "när ses vi nästa gång?": not about a person ("when does Anna meet next")
ROUTE = Route(Intent.NEXT_MEETING, 9, lambda s: s.next and not s.person, ("next",))
