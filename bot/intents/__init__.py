"""One handler per intent, registered in one place.

A handler is ``answer(question, view, today, k) -> Answer | None``: it reads the understood
:class:`~bot.question.Question` and the read-only :class:`~bot.intents.view.SnapshotView` and
returns the answer, or None when the parsed minutes hold nothing for it (the question is then
searched as text). To add an intent: see docs/architecture.md, "Adding an intent"."""
from __future__ import annotations

from datetime import date
from typing import Callable, Optional

from ..answer import Answer
from ..question import Intent, Question
from . import absence, actions, attendance, decisions, digest, next_meeting, person, role, search
from .view import SnapshotView

Handler = Callable[[Question, SnapshotView, date, int], Optional[Answer]]

HANDLERS: dict[Intent, Handler] = {
    Intent.NEXT_MEETING: next_meeting.answer,
    Intent.ATTENDANCE: attendance.answer,
    Intent.ROLE: role.answer,
    Intent.ABSENCE: absence.answer,
    Intent.PERSON: person.answer,
    Intent.DECISIONS: decisions.answer,
    Intent.ACTIONS: actions.answer,
    Intent.DIGEST: digest.answer,
    Intent.SEARCH: search.answer,
}

# What every question falls back on when its handler has nothing (and what SEARCH is).
FALLBACK: Handler = search.answer

__all__ = ["FALLBACK", "HANDLERS", "Handler", "SnapshotView"]
