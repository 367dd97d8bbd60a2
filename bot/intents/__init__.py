"""One handler per intent, registered in one place.

A handler is ``answer(question, view, today, k) -> Answer | None``: it reads the understood
:class:`~bot.question.Question` and the read-only :class:`~bot.intents.view.SnapshotView` and
returns the answer, or None when the parsed minutes hold nothing for it (the question is then
searched as text). Its module also declares its ``ROUTE`` (bot/router.py): when a question asks
it and the slots it fills. To add an intent: see docs/architecture.md, "Adding an intent"."""
from __future__ import annotations

from ..registry import HANDLERS, Handler, register
from . import absence, actions, attendance, decisions, digest, next_meeting, person, role, search
from .view import SnapshotView

# The intents, each one module with its handler (``answer``), its route (``ROUTE``, or ``ROUTES``
# when it has more than one way in) and its ``PHRASES``: registering an intent is adding it here
# (bot/registry.py ``register``: its routes are scored, its handler answers, its phrases are said).
INTENTS = (next_meeting, absence, role, digest, actions, decisions, person, attendance)
for _m in INTENTS:
    register(_m)

# What every question falls back on when its handler has nothing (and what SEARCH is).
FALLBACK: Handler = search.answer
HANDLERS["search"] = search.answer

__all__ = ["FALLBACK", "HANDLERS", "INTENTS", "Handler", "SnapshotView"]
