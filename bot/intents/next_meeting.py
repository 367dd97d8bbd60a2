"""When is the next meeting: the nearest date announced on or after today, or the latest
announcement when all have passed (a vague one, "Efter sommaren", quoted as it stands)."""
from __future__ import annotations

from datetime import date

from .. import compose as say
from ..answer import Answer, Facts, NextMeetingInfo
from ..question import Intent, Question
from ..router import Route
from .view import SnapshotView


def answer(q: Question, view: SnapshotView, today: date, k: int) -> Answer:
    iso = today.isoformat()
    stmts = [m for m in view.meetings if m.next_meeting is not None and q.time.accepts(m.date)]
    stmts = [m for m in stmts if not m.date or m.date <= iso] or stmts  # minutes written by today
    if not stmts:
        return view.answer(q, say.no_next_meeting(q.language), found=False)
    dated = [m for m in stmts if m.next_meeting.date]
    upcoming = [m for m in dated if m.next_meeting.date >= iso]
    if upcoming:
        # the nearest announced date; of two announcements of it, the later minutes
        m = min(upcoming, key=lambda m: (m.next_meeting.date, [-ord(c) for c in (m.date or "")]))
        is_upcoming = True
    else:
        latest_dated = max(dated, key=lambda m: (m.next_meeting.date, m.date or "")) if dated else None
        vague = [m for m in stmts if not m.next_meeting.date]
        latest_vague = vague[-1] if vague else None
        if latest_vague is not None and (latest_dated is None or (latest_vague.date or "") > (latest_dated.date or "")):
            m = latest_vague  # the newest minutes only say "after the summer": quote that
        else:
            m = latest_dated
        is_upcoming = False
    nm = m.next_meeting
    passage = view.span_passage(m, nm.span, highlight=view.span_text(m, nm.span))
    info = NextMeetingInfo(date=nm.date, upcoming=is_upcoming, source=m.source, quote=passage.quote)
    text = say.next_meeting_sentence(nm.date, is_upcoming, m.date, passage.quote, q.language)
    return view.answer(q, text, found=True, passages=[passage], next_meeting=info,
                       facts=Facts(meetings=[view.ref(m)], date=nm.date))


# "when is the next meeting?", "när ses vi nästa gång?": not about a person ("when does Anna meet next")
ROUTE = Route(Intent.NEXT_MEETING, 9, lambda s: s.next and not s.person, ("next",))
