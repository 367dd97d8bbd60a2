"""Answers questions from one loaded index snapshot. The same Engine serves the CLI and Slack.

A thin dispatcher: the question is understood (:mod:`bot.understand`), then answered by the
handler registered for its intent (:mod:`bot.intents`); a handler with nothing to go on hands
the question to the search. Everything that depends only on the snapshot (BM25 statistics, the
name index, meetings in date order) is built once, in the :class:`SnapshotView`."""
from __future__ import annotations

import copy
import threading
from datetime import date

from index.store import IndexSnapshot

from . import compose as say
from .answer import Answer
from .followup import Context, merge, remember
from .foreign import unsupported_language
from .held import MeetingDates, held_snapshot
from .intents import FALLBACK, HANDLERS, SnapshotView
from .long_question import read_question
from .phrases import say as say_phrase
from .question import Intent, Question, TimeFilter
from .translate import lexicons
from .typos import correct
from .understand import as_search, understand


class Engine:
    def __init__(self, snapshot: IndexSnapshot, embedder, *, mode: str = "hybrid"):
        self.snapshot = snapshot
        self.embedder = embedder
        self.mode = mode
        self.view = SnapshotView(snapshot, embedder, mode=mode)
        self._held_views: dict[frozenset[str], SnapshotView] = {}  # by the later meetings left out
        self._held_lock = threading.Lock()
        self._dates: MeetingDates | None = None

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
        return self.converse(question, None, today=today, k=k)[0]

    def converse(self, question: str, context: Context | None, *, today: date | None = None,
                 k: int = 5) -> tuple[Answer, Context | None]:
        """Answer ``question`` as a follow-up in ``context`` (bot/followup.py; None: a fresh
        question), and return the context the next follow-up is read in (None when the question
        was no question: empty, or in an unsupported language)."""
        read = read_question(question)  # a pasted e-mail is cut to its questions
        a, q = self._ask(read.text, today=today or date.today(), k=k, context=context)
        note = read.note(a.language)
        if note:
            a.notes.append(note)
        return a, (remember(q, a) if q is not None else None)

    def view_for(self, today: date) -> SnapshotView:
        """The view of the meetings held by ``today`` (bot/held.py): minutes dated later are not
        cited. When every meeting is later, all are kept, as the next-meeting answer did."""
        if self._dates is None:
            self._dates = MeetingDates(self.snapshot)  # once per engine (= per snapshot)
        drop = self._dates.later(today)
        if not drop or len(drop) == len(self.snapshot.meetings):
            return self.view
        with self._held_lock:  # the bot's threads may ask as of the same day at once
            view = self._held_views.get(drop)
            if view is None:
                if len(self._held_views) >= 4:  # a few dates in use at once; the oldest goes
                    self._held_views.pop(next(iter(self._held_views)))
                if self.snapshot.path is not None:
                    # The held snapshot has no folder: the lexicons come from this index's cache.
                    lexicons(self.snapshot.path.parent)
                view = SnapshotView(held_snapshot(self.snapshot, set(drop)), self.embedder, mode=self.mode)
                self._held_views[drop] = view
            return view

    def context_of(self, question: str, answer: Answer) -> Context | None:
        """The context a fresh ``question`` leaves, given the ``answer`` it got: for an interface
        that asked with :meth:`ask` (what :meth:`converse` returns with it)."""
        text = read_question(question).text
        if not (text or "").strip() or unsupported_language(text):
            return None
        return remember(understand(text, self.view.names), answer)

    def _ask(self, question: str, *, today: date, k: int,
             context: Context | None = None) -> tuple[Answer, Question | None]:
        if not (question or "").strip():
            q = Question(text="", language="en", intent=Intent.OFFTOPIC, time=TimeFilter())
            return self.view.answer(q, say.empty_question("en"), found=False), None
        foreign = unsupported_language(question)
        if foreign:  # a German question is not searched in Swedish minutes: say which languages work
            q = Question(text=question.strip(), language="en", intent=Intent.OFFTOPIC, time=TimeFilter())
            a = self.view.answer(q, say_phrase("unsupported_language", "en", language=foreign), found=False)
            a.reason = "unsupported_language"
            return a, None
        view = self.view_for(today)
        asked_as, typos = correct(question, view.speller, view.names)  # "ordförnade" read as "ordförande"
        q = merge(understand(asked_as, view.names), context)
        asked = copy.deepcopy(q)  # handlers and as_search may change q; the context keeps it as asked
        handler = HANDLERS.get(q.intent, FALLBACK)
        a = handler(q, view, today, k)
        if a is None:  # no structured data for it: search the text instead
            a = FALLBACK(as_search(q), view, today, k)
        if context is not None or typos:
            a.question = question.strip()  # as asked: not the question a follow-up re-asks, nor typos read
        a.notes.extend(say_phrase("typo_read_as", a.language, typo=t, word=w) for t, w in typos)
        return a, asked
