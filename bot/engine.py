"""Answers questions from one loaded index snapshot. The same Engine serves the CLI and Slack.

A thin dispatcher: the question is understood (:mod:`bot.understand`), then answered by the
handler registered for its intent (:mod:`bot.intents`); a handler with nothing to go on hands
the question to the search. Everything that depends only on the snapshot (BM25 statistics, the
name index, meetings in date order) is built once, in the :class:`SnapshotView`."""
from __future__ import annotations

from datetime import date

from index.store import IndexSnapshot

from . import compose as say
from .answer import Answer
from .foreign import unsupported_language
from .intents import FALLBACK, HANDLERS, SnapshotView
from .long_question import read_question
from .phrases import say as say_phrase
from .question import Intent, Question, TimeFilter
from .understand import as_search, understand


class Engine:
    def __init__(self, snapshot: IndexSnapshot, embedder, *, mode: str = "hybrid"):
        self.snapshot = snapshot
        self.embedder = embedder
        self.mode = mode
        self.view = SnapshotView(snapshot, embedder, mode=mode)

    @property
    def retriever(self):
        return self.view.retriever

    @property
    def names(self):
        return self.view.names

    @property
    def meetings(self):
        return self.view.meetings

    def ask(self, question: str, *, today: date | None = None, k: int = 5) -> Answer:
        read = read_question(question)  # a pasted e-mail is cut to its questions
        a = self._ask(read.text, today=today or date.today(), k=k)
        note = read.note(a.language)
        if note:
            a.notes.append(note)
        return a

    def _ask(self, question: str, *, today: date, k: int) -> Answer:
        if not (question or "").strip():
            q = Question(text="", language="en", intent=Intent.OFFTOPIC, time=TimeFilter())
            return self.view.answer(q, say.empty_question("en"), found=False)
        foreign = unsupported_language(question)
        if foreign:  # a German question is not searched in Swedish minutes: say which languages work
            q = Question(text=question.strip(), language="en", intent=Intent.OFFTOPIC, time=TimeFilter())
            a = self.view.answer(q, say_phrase("unsupported_language", "en", language=foreign), found=False)
            a.reason = "unsupported_language"
            return a
        q = understand(question, self.view.names)
        handler = HANDLERS.get(q.intent, FALLBACK)
        a = handler(q, self.view, today, k)
        if a is None:  # no structured data for it: search the text instead
            a = FALLBACK(as_search(q), self.view, today, k)
        return a
