"""Who chaired a meeting, or took its minutes: from the chair and secretary the parser found."""
from __future__ import annotations

from datetime import date

from index.models import Person

from .. import compose as say
from ..answer import Answer, Facts
from ..question import Question
from .view import SnapshotView


def answer(q: Question, view: SnapshotView, today: date, k: int) -> Answer | None:
    get = (lambda m: m.chair) if q.role == "chair" else (lambda m: m.secretary)
    ms = view.select(q, today, lambda m: get(m) is not None)
    if not ms:
        if (no_minutes := view.no_meeting_in(q)) is not None:
            return no_minutes
        if q.words and not any(get(m) for m in view.meetings):
            return None  # "who was re-elected as chair?": the text may say, search it
        # No minutes (of that time) name one: say so.
        return view.answer(q, say.no_role(q.role, q.language, q.time.text), found=False)
    sentences, passages, facts = [], [], Facts()
    for m in reversed(ms[-5:]):
        p: Person = get(m)
        sentences.append(say.role_sentence(q.role, p.name, say.meeting_label(m.title, m.date, q.language), q.language))
        passages.append(view.span_passage(m, p.span, highlight=view.span_text(m, p.span)))
        facts.people.append(p.name)
        facts.meetings.append(view.ref(m))
    return view.answer(q, " ".join(sentences), found=True, passages=passages, facts=facts)
