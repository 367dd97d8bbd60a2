"""Who must do what by when: action items by person or body ("what are Priya's action items?",
"vilka uppdrag har förvaltningen?"), by topic ("who will contact the student union?"), open
ones ("which actions are still open?") and due dates. Status is what the latest review of the
action said (at index time), judged against ``today``."""
from __future__ import annotations

from datetime import date

from .. import compose as say
from ..answer import Answer, Facts
from ..cues import DUE, OPEN, WHO_DOES, WHO_DOING, WHO_FIRST, Signals
from ..registers import owned_by
from ..question import Intent, Question
from ..router import Route
from .records import (
    MIN_ACTION_SHARE,
    action_passage,
    action_row,
    action_status,
    action_text,
    is_open,
    meetings_in_time,
    points_back,
    records_in_search,
    topic_share,
)
from .view import SnapshotView

MAX_ACTIONS = 8


def answer(q: Question, view: SnapshotView, today: date, k: int) -> Answer | None:
    ms = meetings_in_time(q, view, today, lambda m: bool(m.actions), meetings=view.linked(today))
    if not ms:
        return None  # none recorded (then): the search answers, or says there are no such minutes
    concepts = view.retriever.concepts(q.words, q.language)
    owner = q.person
    if owner is None and not q.asks_owner:  # a body named in the question ("förvaltningen", "the board") that owns actions
        owners = {o.casefold(): o for m in ms for a in m.actions for o in a.owners}
        # "Annie's action items": the possessive is not part of the name
        owner = next((owners[k] for w in q.words for k in (w, w.split("'")[0]) if k in owners), None)
        if owner:
            concepts = [c for c in concepts if c.word.split("'")[0].casefold() != owner.casefold()]
    # one meeting named ("on 7 February", "after the November 2021 meeting" when that month had
    # one): its actions are the answer, the topic orders them
    one_meeting = bool(q.time.day or (q.time and not q.time.last and len(ms) == 1))
    found = []  # (score, meeting, action)
    for m in reversed(ms):  # newest first
        for a in m.actions:
            if a.review:
                continue
            if owner and not owned_by(a, owner):
                continue
            if q.open_only and not is_open(a, today):
                continue
            score = 1.0
            if concepts:
                score = topic_share(action_text(a), concepts, m.language, view.retriever.bm25)
                # with an owner or one meeting named, the topic only orders; else it selects
                if score < MIN_ACTION_SHARE and not (owner or one_meeting):
                    continue
            found.append((score, m, a))
    if not found and concepts and not owner:
        # the topic in other words than the task's: the actions within the passages a search finds
        found = records_in_search(q, view, ms, concepts, lambda m: [a for a in m.actions if not a.review and (
            not q.open_only or is_open(a, today))], lambda m, a: action_text(a))
    if not found:
        if concepts and not owner and not q.open_only:
            return None  # nobody was given it in the records: the text may still say
        return view.answer(q, say.no_actions(q.language, q.time.text, open_only=q.open_only), found=False,
                           facts=Facts(people=[owner] if owner else []))
    # best match first (stable: newest first among equals); a task that only points back ("Tim
    # formulerar en punkt om detta") after those that say what is to be done
    found.sort(key=lambda x: (x[0] if concepts else 0.0, not points_back(x[2].task)), reverse=True)
    found = found[:MAX_ACTIONS]
    passages = [action_passage(view, m, a, score) for score, m, a in found]
    lines = [say.action_line(a.owners, a.task, a.due, action_status(a, today), q.language) for _, m, a in found]
    ms_found = list(dict.fromkeys(m.source for _, m, _ in found))
    label = None
    if len(ms_found) == 1:
        m = found[0][1]
        label = say.meeting_label(m.title, m.date, q.language)
    facts = Facts(actions=[action_row(m, a, today) for _, m, a in found], meetings=view.refs(passages),
                  people=list(dict.fromkeys(o for _, _, a in found for o in a.owners)))
    return view.answer(q, say.actions_sentence(lines, label, q.language, open_only=q.open_only), found=True, passages=passages, facts=facts)


def _slots(q: Question, s: Signals) -> None:
    text = q.text
    q.asks_owner = bool(WHO_DOES.search(text) or WHO_DOING.search(text) or WHO_FIRST.match(text))
    if q.asks_owner:
        q.person = None  # a name in it is the task's object: searched for among the tasks
    q.open_only = bool(OPEN.search(text))
    q.due = bool(DUE.search(text))


# "who will do X?", "which actions are open?", "vem ska kontakta kommunen?"
ROUTE = Route(Intent.ACTIONS, 5, lambda s: s.action or (s.who_doing and not s.attended), ("action", "who_doing"), _slots)
