"""One handler per intent, registered in one place.

A handler is ``answer(question, view, today, k) -> Answer | None``: it reads the understood
:class:`~bot.question.Question` and the read-only :class:`~bot.intents.view.SnapshotView` and
returns the answer, or None when the parsed minutes hold nothing for it (the question is then
searched as text). Its module also declares its ``ROUTE`` (bot/router.py): when a question asks
it and the slots it fills. To add an intent: see docs/architecture.md, "Adding an intent"."""
from __future__ import annotations

from datetime import date
from typing import Callable, Optional

from ..answer import Answer
from ..phrases import PHRASES
from ..question import Intent, Question
from . import absence, actions, attendance, decisions, digest, next_meeting, person, role, search
from ..router import Route
from .view import SnapshotView

Handler = Callable[[Question, SnapshotView, date, int], Optional[Answer]]

# The intents, each one module with its handler (``answer``) and its route (``ROUTE``, or
# ``ROUTES`` when it has more than one way in): registering an intent is adding it here.
INTENTS = (next_meeting, absence, role, digest, actions, decisions, person, attendance)

HANDLERS: dict[Intent, Handler] = {m.ROUTE.intent: m.answer for m in INTENTS}
HANDLERS[Intent.SEARCH] = search.answer

# An intent's own phrases (``PHRASES`` in its module, as in bot/phrases.py), said with ``say``
for _m in INTENTS:
    for _key, _table in getattr(_m, "PHRASES", {}).items():
        if _key in PHRASES:
            raise ValueError(f"{_m.__name__}: the phrase {_key!r} is already defined")
        PHRASES[_key] = _table

# What the router scores (bot/router.py), every intent's routes
ROUTES: tuple[Route, ...] = tuple(r for m in INTENTS for r in getattr(m, "ROUTES", (m.ROUTE,)))

# What every question falls back on when its handler has nothing (and what SEARCH is).
FALLBACK: Handler = search.answer

__all__ = ["FALLBACK", "HANDLERS", "INTENTS", "ROUTES", "Handler", "SnapshotView"]
