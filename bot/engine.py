"""Answers questions from one loaded index snapshot. The same Engine serves the CLI and Slack.

A thin dispatcher: the question is understood (:mod:`bot.understand`), then answered by the
handler registered for its intent (:mod:`bot.intents`); a handler with nothing to go on hands
the question to the search. Everything that depends only on the snapshot (BM25 statistics, the
name index, meetings in date order) is built once, in the :class:`SnapshotView`."""
from __future__ import annotations

import copy
import threading
from datetime import date

from index.collections import in_collections
from index.profile import Profile
from index.store import IndexSnapshot

from . import compose as say
from .answer import Answer
from .collections import Catalogue
from .followup import Context, merge, remember
from .foreign import unsupported_language
from .held import MeetingDates, held_snapshot
from .intents import FALLBACK, HANDLERS, SnapshotView, fallback
from .long_question import read_question
from index.names import key_of
from .orgtitles import Titles, apply as apply_titles
from .phrases import say as say_phrase
from .question import Intent, Question, TimeFilter
from index.translate import lexicons
from .typos import correct
from .understand import as_search, understand


HELD_VIEWS = 8  # views of held meetings and scopes kept at once (bot/held.py)


class Engine:
    def __init__(self, snapshot: IndexSnapshot, embedder, *, mode: str = "hybrid",
                 profile: Profile | None = None):
        self.snapshot = snapshot
        self.catalogue = Catalogue(snapshot.meetings, profile)
        self.profile = profile
        self.titles = Titles(profile.titles if profile else None)
        self._outside_of: dict[frozenset[str], frozenset[str]] = {}
        self.embedder = embedder
        self.mode = mode
        self.view = self._dress(SnapshotView(snapshot, embedder, mode=mode))
        # by the meetings left out (later than the day asked about, outside the scope) and the scope
        self._held_views: dict[tuple, SnapshotView] = {}
        self._held_lock = threading.Lock()
        self._dates: MeetingDates | None = None

    def use_profile(self, profile: Profile | None) -> None:
        """Name the collections and people as the organisation profile does (index/profile.py)."""
        self.catalogue = Catalogue(self.snapshot.meetings, profile)
        self.profile = profile
        self.titles = Titles(profile.titles if profile else None)
        self._dress(self.view)
        with self._held_lock:
            self._held_views.clear()

    def _dress(self, view: SnapshotView, parent: SnapshotView | None = None) -> SnapshotView:
        """``view`` with the profile's people (index/aliases.py) and titles (bot/orgtitles.py);
        a held view takes its ``parent``'s learned aliases of the people it names."""
        if parent is not None:
            people = view.names.people
            view.names.learned = parent.names.learned.only(lambda n: key_of(n) in people)
        view.names.use_profile(self.profile)
        view.org_titles = self.titles
        return view

    @property
    def retriever(self):
        return self.view.retriever

    @property
    def names(self):
        return self.view.names

    @property
    def meetings(self):
        return self.view.meetings

    def ask(self, question: str, *, today: date | None = None, k: int = 5,
            collections: frozenset[str] | None = None) -> Answer:
        return self.converse(question, None, today=today, k=k, collections=collections)[0]

    def converse(self, question: str, context: Context | None, *, today: date | None = None,
                 k: int = 5, collections: frozenset[str] | None = None) -> tuple[Answer, Context | None]:
        """Answer ``question`` as a follow-up in ``context`` (bot/followup.py; None: a fresh
        question), from the collections ``collections`` (collection keys; None: all), and
        return the context the next follow-up is read in (None when the question was no
        question: empty, or in an unsupported language).

        A question that names one of those collections ("the board", in the profile's aliases)
        is answered from it alone and says so; a follow-up stays with the collections its
        context named. Whatever is outside ``collections`` is not in the view the answer is
        made from, so it can be neither quoted nor named."""
        read = read_question(question)  # a pasted e-mail is cut to its questions
        today = today or date.today()
        named, text = self.catalogue.named_in(read.text, collections)
        if not named and context is not None and context.collections:
            named = frozenset(context.collections)
        scope = collections
        if named:
            scope = named if collections is None else named & collections
        if scope is not None and not any(c.meetings for c in self.catalogue.visible(scope)):
            a, q = self._nothing_here(read.text), None
        else:
            a, q = self._ask(text, today=today, k=k, context=context, scope=scope)
        if named and q is not None:
            a.question = read.text.strip()
            names = ", ".join(c.name for c in self.catalogue.visible(scope))
            a.answer = say_phrase("from_collection", a.language, name=names) + a.answer
        note = read.note(a.language)
        if note:
            a.notes.append(note)
        return a, (remember(q, a, named) if q is not None else None)

    def _nothing_here(self, text: str) -> Answer:
        q = understand(text, self.view.names) if (text or "").strip() else None
        lang = q.language if q is not None else "en"
        a = Answer(question=(text or "").strip(), answer=say_phrase("no_minutes_here", lang), found=False,
                   intent=str(q.intent) if q is not None else "offtopic", language=lang)
        a.reason = "not_in_minutes"
        return a

    def _outside(self, scope: frozenset[str] | None) -> frozenset[str]:
        """The sources of the meetings outside ``scope`` (none when it is None)."""
        if scope is None:
            return frozenset()
        outside = self._outside_of.get(scope)
        if outside is None:
            if len(self._outside_of) > 16:
                self._outside_of.clear()
            outside = frozenset(s for s in self.snapshot.meetings if not in_collections(s, scope))
            self._outside_of[scope] = outside
        return outside

    def view_for(self, today: date, scope: frozenset[str] | None = None) -> SnapshotView:
        """The view of the meetings of ``scope`` held by ``today`` (bot/held.py): minutes dated
        later are not cited. When every meeting in scope is later, all of them are kept, as the
        next-meeting answer did; meetings outside the scope never are."""
        if self._dates is None:
            self._dates = MeetingDates(self.snapshot)  # once per engine (= per snapshot)
        outside = self._outside(scope)
        later = self._dates.later(today) - outside
        if len(later) + len(outside) == len(self.snapshot.meetings):
            later = frozenset()
        drop = later | outside
        if not drop:
            return self.view
        with self._held_lock:  # the bot's threads may ask as of the same day at once
            key = (drop, scope)  # the scope too: the unreadable files it may name are its own
            view = self._held_views.get(key)
            if view is None:
                if len(self._held_views) >= HELD_VIEWS:  # a few dates and scopes in use at once; the oldest goes
                    self._held_views.pop(next(iter(self._held_views)))
                if self.snapshot.path is not None:
                    # The held snapshot has no folder: the lexicons come from this index's cache.
                    lexicons(self.snapshot.path.parent)
                held = held_snapshot(self.snapshot, set(drop), collections=scope)
                view = self._dress(SnapshotView(held, self.embedder, mode=self.mode), self.view)
                self._held_views[key] = view
            return view

    def _ask(self, question: str, *, today: date, k: int, context: Context | None = None,
             scope: frozenset[str] | None = None) -> tuple[Answer, Question | None]:
        if not (question or "").strip():
            q = Question(text="", language="en", intent=Intent.OFFTOPIC, time=TimeFilter())
            return self.view.answer(q, say.empty_question("en"), found=False), None
        foreign = unsupported_language(question)
        if foreign:  # a German question is not searched in Swedish minutes: say which languages work
            q = Question(text=question.strip(), language="en", intent=Intent.OFFTOPIC, time=TimeFilter())
            a = self.view.answer(q, say_phrase("unsupported_language", "en", language=foreign), found=False)
            a.reason = "unsupported_language"
            return a, None
        view = self.view_for(today, scope)
        asked_as, typos = correct(question, view.speller, view.names)  # "ordförnade" read as "ordförande"
        q = merge(apply_titles(understand(asked_as, view.names), self.titles), context)
        asked = copy.deepcopy(q)  # handlers and as_search may change q; the context keeps it as asked
        handler = HANDLERS.get(q.intent, FALLBACK)
        a = handler(q, view, today, k)
        if a is None:  # no structured data for it: search the text instead
            a = fallback.mark(asked, FALLBACK(as_search(q), view, today, k), view)
        if context is not None or typos:
            a.question = question.strip()  # as asked: not the question a follow-up re-asks, nor typos read
        a.notes.extend(say_phrase("typo_read_as", a.language, typo=t, word=w) for t, w in typos)
        return a, asked
