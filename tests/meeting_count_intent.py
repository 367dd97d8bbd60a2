"""An intent written the way docs/architecture.md says ("Adding an intent"), for
tests/test_registry.py: one module, registered with ``bot.registry.register`` and nothing else
edited. "How many meetings were held in 2020?" / "hur många möten hölls 2020?"."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.answer import Answer, Facts
from bot.intents.view import SnapshotView
from bot.phrases import say
from bot.question import Question
from bot.router import Route


@dataclass
class Slots:
    """What this intent reads from a question: the year it names, if any."""

    year: int | None


def _slots(q: Question, s) -> Slots:
    return Slots(year=q.time.year)


def answer(q: Question, view: SnapshotView, today: date, k: int) -> Answer | None:
    year = q.slots.year
    held = [m for m in view.meetings if m.date and (year is None or m.date.startswith(f"{year}-"))]
    when = say("meeting_count_in", q.language, year=year) if year else ""
    passages = [view.span_passage(m, m.date_span) for m in held if m.date_span]
    return view.answer(q, say("meeting_count", q.language, n=len(held), when=when), found=True,
                       passages=passages, facts=Facts(count=len(held), meetings=[view.ref(m) for m in held]))


PHRASES = {
    "meeting_count": {"en": "{n} meetings were held{when}.", "sv": "{n} möten hölls{when}."},
    "meeting_count_in": {"en": " in {year}", "sv": " under {year}"},
}

# a count ("how many", "hur många": the shared vocabulary) of meetings held (its own words)
ROUTE = Route("meeting_count", 6, cues=("count",), slots=_slots, words={
    "en": (r"\bmeetings\s+(?:were\s+|have\s+been\s+)?held\b", r"\bmeetings\s+took\s+place\b"),
    "sv": (r"\bmöten\s+(?:hölls|har\s+hållits)\b",),
})
