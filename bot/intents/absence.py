"""Who was absent, sent apologies, or was invited but not present: the absent lists, and the
invited ("Kallade") minus the attendees."""
from __future__ import annotations

from datetime import date

from index.models import Meeting, Person

from .. import compose as say
from .. import resolve
from ..answer import Answer, Facts
from index.names import names_match

from ..question import Intent, Question
from ..router import Route
from .view import SnapshotView


def not_present(m: Meeting) -> tuple[list[Person], list[Person]]:
    """(listed as absent, invited but not among the attendees) of one meeting."""
    absent = list(m.absent)
    rest = [p for p in m.invited
            if not any(names_match(p.name, a.name) for a in [*m.attendees, *absent])]
    return absent, rest


def answer(q: Question, view: SnapshotView, today: date, k: int) -> Answer:
    ms = view.select(q, today, lambda m: bool(m.absent or m.invited))
    if q.person:
        named = resolve.accepts(view, q)  # every meeting the question's time and clues allow
        ms = [m for m in view.meetings if (m.absent or m.invited) and m.source in named]
    if not ms:
        if (no_minutes := view.no_meeting_in(q)) is not None:
            return no_minutes
        return view.answer(q, say.no_absence(q.language, q.time.text), found=False)
    sentences, passages, facts = [], [], Facts()
    for m in reversed(ms[-5:]):
        absent, rest = not_present(m)
        if q.person:
            absent = [p for p in absent if names_match(q.person, p.name)]
            rest = [p for p in rest if names_match(q.person, p.name)]
            if not absent and not rest:
                continue
        label = say.meeting_label(m.title, m.date, q.language)
        sentences.append(say.absence_sentence([p.name for p in absent], [p.name for p in rest], label, q.language))
        # the absent list, and the invitation list (which shows who was invited)
        for block in (absent and m.absent, rest and m.invited) if (absent or rest) else (m.invited,):
            if block:
                span = (min(p.span[0] for p in block), max(p.span[1] for p in block))
                passages.append(view.span_passage(m, span))
        facts.people.extend(p.name for p in [*absent, *rest])
        facts.meetings.append(view.ref(m))
    if not sentences:
        return view.answer(q, say.person_not_absent(q.person or "", q.language), found=False)
    return view.answer(q, " ".join(sentences), found=True, passages=passages, facts=facts)


# "who was absent?", "did anyone send apologies?", "var Anna frånvarande?"
ROUTE = Route(Intent.ABSENCE, 8, lambda s: s.absent and bool(s.who or s.person or s.anyone), ("absent", "who", "person", "anyone"))
