"""The intent router: every registered intent scores the question, the best one answers it.

An intent declares its :class:`Route` in its own module (bot/intents/<name>.py): its name, which
cues of the shared vocabulary it reads (:class:`~bot.cues.Signals`, words in index/vocab/cues.py)
and when it applies, its own cue words if it has any, its rank among intents cued alike, and how
it fills its slots. The intents are registered in one place, ``bot/intents/__init__.py``
``INTENTS`` (bot/registry.py: ``register``), and the router scores every registered route.

Scoring: an intent whose cues stand in the question's head (the words before its topic:
"what was decided | about the task force?") scores ``HEAD`` more than one cued only inside the
topic, so "the task force" or "nästa möte" after "about"/"om" is what the question is about,
not what it asks; the topic's cue words stay in what is searched for. Among intents cued alike
the rank decides. The runner-up and both scores are kept in ``Question.intent_reasons``, shown
by ``ask --json``."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from .cues import TOPIC, TOPIC_CUES, Signals, cue_pattern
from index.lexical import tokens
from .question import Intent, Question
from . import registry

HEAD = 100  # a cue in the question's head outweighs any rank


@dataclass(frozen=True)
class Route:
    intent: Intent | str  # the intent's name: ``Intent.ROLE``, or "meeting_count" for a new one
    rank: int  # among intents cued alike, the higher wins (the more specific question)
    # whether the question asks this, from the shared cues; None: every cue in ``cues`` holds
    when: Callable[[Signals], bool] | None = None
    cues: tuple[str, ...] = ()  # the signals ``when`` reads (Signals.names()), named in the reasons
    # fills the intent's fields of Question, or returns the intent's own typed slots (Question.slots)
    slots: Callable[[Question, Signals], object] | None = None
    name: str = ""  # a second route of one intent ("person" of someone no list names)
    # the intent's own cue words, when no shared concept has them: {"en": (…), "sv": (…)}, regex fragments
    words: dict[str, tuple[str, ...]] | None = None
    cue: re.Pattern | None = field(default=None, init=False)  # built from ``words``

    def __post_init__(self):
        object.__setattr__(self, "intent", Intent.named(self.intent))
        if self.words is not None:
            object.__setattr__(self, "cue", cue_pattern(self.words))
        if self.when is None:
            cues = self.cues
            object.__setattr__(self, "when", lambda s: all(getattr(s, c) for c in cues))

    @property
    def label(self) -> str:
        return self.name or self.intent.value

    def asks(self, s: Signals) -> bool:
        return (self.cue is None or self.cue.search(s.text) is not None) and self.when(s)

    def said(self, s: Signals) -> list[str]:
        return s.true(self.cues) + (["own cue"] if self.cue is not None else [])


@dataclass
class Routing:
    route: Route | None  # None: a search
    signals: Signals  # of the whole question
    reasons: dict
    topic_words: set[str]  # cue words inside the topic: searched for, not dropped


def registered() -> tuple[Route, ...]:
    return registry.routes()  # every registered intent's, the built-in ones first


def route(text: str, *, person: str | None = None, time: bool = False, run: str | None = None) -> Routing:
    whole = Signals.of(text, person=person, time=time, run=run)
    topic = TOPIC.search(text)
    head = Signals.of(text[:topic.start()], person=person, time=time, run=run) if topic else whole
    scored: list[tuple[int, Route, bool]] = []
    for r in registered():
        if r.asks(whole):
            in_head = r.asks(head)
            scored.append((r.rank + (HEAD if in_head else 0), r, in_head))
    scored.sort(key=lambda x: -x[0])

    def said(i: int) -> dict:
        score, r, in_head = scored[i]
        return {"intent": r.intent.value, "route": r.label, "score": score,
                "cues": r.said(whole), "cued_in": "question" if in_head else "topic"}

    reasons: dict = {"chosen": said(0) if scored else {"intent": Intent.SEARCH.value, "score": 0, "cues": []},
                     "runner_up": said(1) if len(scored) > 1 else None}
    if topic:
        reasons["topic"] = text[topic.start():].strip(" ?!.")
    words: set[str] = set()
    if scored and scored[0][2] and topic:
        tail = text[topic.end():]
        words = {w for pat in TOPIC_CUES for m in pat.finditer(tail) for w in tokens(m.group(0))}
    return Routing(scored[0][1] if scored else None, whole, reasons, words)
