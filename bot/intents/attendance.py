"""Who attended, how many, which organisations were represented: from the parsed attendee
lists (invited and absent people are not attendees); the quote is the attendee block."""
from __future__ import annotations

import re
from datetime import date

from index.models import Meeting

from .. import compose as say
from ..answer import Answer, Facts
from ..cues import Signals
from ..question import Intent, Question
from ..router import Route
from .view import SnapshotView, is_role


def attendees_span(m: Meeting) -> tuple[int, int]:
    if m.attendees_span:
        return m.attendees_span
    return (min(p.span[0] for p in m.attendees), max(p.span[1] for p in m.attendees))


def own_abbreviation(m: Meeting, detail: str) -> bool:
    """Whether an attendee's detail is the body's own abbreviation ("Rod Vagg (TSC)" in the
    minutes of "tsc-meeting.md" or of "OTC meeting"): membership, not an organisation."""
    if not (2 <= len(detail) <= 6 and detail.isupper() and detail.isalnum()):
        return False
    named = re.split(r"[^\w]+|_", f"{m.title or ''} {m.source}")
    return detail.casefold() in (w.casefold() for w in named)


def organisations(m: Meeting) -> list[str]:
    orgs = []
    for p in m.attendees:
        d = (p.detail or "").strip()
        if d and not is_role(d) and not own_abbreviation(m, d) and d not in orgs:
            orgs.append(d)
    return orgs


def records_attendance(m: Meeting) -> bool:
    """A list of people, or a list naming only a group ("Närvarande: Styrelsen")."""
    return bool(m.attendees) or m.attendees_span is not None


def group_text(view: SnapshotView, m: Meeting) -> str:
    """The group a group-only attendance list names: the span after its label ("Närvarande:
    Styrelsen" -> "Styrelsen", "Närvarande\nHela styrelsen" -> "Hela styrelsen")."""
    text = view.documents[m.source]
    s, e = m.attendees_span
    seg = text[s:e]
    if "\n" in seg:
        s += seg.rfind("\n") + 1
    elif ":" in seg:
        s += seg.index(":") + 1
    while s < e and (text[s] in "*_-•–>" or text[s].isspace()):
        s += 1
    while e > s and text[e - 1] in ".*_":
        e -= 1
    return text[s:e] or text[slice(*m.attendees_span)]


def answer(q: Question, view: SnapshotView, today: date, k: int) -> Answer | None:
    if q.organisations:
        return _organisations(q, view, today)
    ms = view.select(q, today, records_attendance)
    if not ms:
        if (no_minutes := view.no_meeting_in(q)) is not None:
            return no_minutes
        if not any(records_attendance(m) for m in view.meetings):
            return None
        return view.answer(q, say.no_attendance(q.language, q.time.text), found=False)
    ms = ms[-5:]
    sentences, passages, facts = [], [], Facts()
    for m in reversed(ms):  # newest first
        label = say.meeting_label(m.title, m.date, q.language)
        if m.attendees:
            # a handle or a unique first name is said as the full name (index/aliases.py)
            people = [say.person_label(view.names.full_name(p.name), p.detail) for p in m.attendees]
            sentences.append(say.attendance_sentence(len(people), people, label, q.language, count_only=q.count))
        else:  # only a group: say so, and quote it, rather than pretend nobody came
            sentences.append(say.group_attendance_sentence(group_text(view, m), label, q.language,
                                                           count_only=q.count))
        passages.append(view.span_passage(m, attendees_span(m)))
        facts.people.extend(p.name for p in m.attendees)
        facts.meetings.append(view.ref(m))
    # a group's number is not recorded: no count unless some meeting lists people
    facts.count = len(facts.people) if any(m.attendees for m in ms) else None
    return view.answer(q, " ".join(sentences), found=True, passages=passages, facts=facts)


def _organisations(q: Question, view: SnapshotView, today: date) -> Answer:
    """Organisations of the attendee lists: of the meetings the question names, or, with no
    time or meeting words, of every meeting that records any (newest first)."""
    def has_list(m: Meeting) -> bool:
        return bool(m.attendees)

    named = bool(q.time) or bool(q.meeting) or (q.words and any(view.title_score(m, q.words) > 0 for m in view.meetings))
    ms = view.select(q, today, has_list, latest=False) if named else [m for m in view.meetings if m.attendees]
    if not ms:
        if (no_minutes := view.no_meeting_in(q)) is not None:
            return no_minutes
        return view.answer(q, say.no_attendance(q.language, q.time.text), found=False)
    with_orgs = [m for m in ms if organisations(m)]
    if not with_orgs:
        return view.answer(q, say.no_organisations(q.language, q.time.text), found=False)
    sentences, passages, facts = [], [], Facts()
    for m in reversed(with_orgs[-5:]):  # newest first
        label = say.meeting_label(m.title, m.date, q.language)
        sentences.append(say.organisations_sentence(organisations(m), label, q.language))
        passages.append(view.span_passage(m, attendees_span(m)))
        facts.people.extend(p.name for p in m.attendees)
        facts.meetings.append(view.ref(m))
    facts.count = len(facts.people)
    return view.answer(q, " ".join(sentences), found=True, passages=passages, facts=facts)


def _slots(q: Question, s: Signals) -> None:
    q.count = s.count
    q.organisations = s.orgs and not q.count


# "who attended?", "how many were there?", "which organisations were represented?"
ROUTE = Route(Intent.ATTENDANCE, 1, lambda s: s.attended or (s.orgs and s.who), ("attended", "orgs", "who"), _slots)
