"""What was decided: about a topic ("what did we decide about the rent?"), at a meeting ("vad
beslutades den 12 september?"), tabled or voted down, and who entered a reservation. From the
decisions parsed at index time; each quoted where the minutes state what was decided."""
from __future__ import annotations

from datetime import date

from .. import compose as say
from ..answer import Answer, Facts
from ..cues import REJECTED, RESERVATION, TABLED, Signals
from ..question import Intent, Question
from ..router import Route
from .records import (
    MIN_TOPIC_SHARE,
    decision_passage,
    decision_row,
    decision_text,
    meetings_in_time,
    records_in_search,
    topic_share,
)
from .view import SnapshotView

MAX_DECISIONS = 5


def _wanted(q: Question, d) -> bool:
    if q.outcome == "reservation":
        return bool(d.vote and d.vote.reservations)
    if q.outcome:
        return d.outcome == q.outcome
    return True


def answer(q: Question, view: SnapshotView, today: date, k: int) -> Answer | None:
    ms = meetings_in_time(q, view, today, lambda m: bool(m.decisions))
    if not ms:
        return None  # no decisions recorded (then): the search answers, or says there are no such minutes
    concepts = view.retriever.concepts(q.words, q.language)
    found = []  # (score, meeting, decision)
    # one meeting named ("on 7 February 2023", "at its very first meeting"): the topic orders its decisions
    one = bool(q.time.day or (q.time or q.meeting) and not q.time.last and len(ms) == 1)
    if concepts:
        for m in ms:
            for d in m.decisions:
                if _wanted(q, d):
                    share = topic_share(decision_text(view, m, d), concepts, m.language, view.retriever.bm25)
                    if share >= MIN_TOPIC_SHARE or (one and share > 0):
                        found.append((share, m, d))
        if not found:
            # the topic in other words than the decision's ("e-post" for "maildomän"): the
            # decisions within the passages a search finds
            found = records_in_search(q, view, ms, concepts, lambda m: [d for d in m.decisions if _wanted(q, d)],
                                      lambda m, d: decision_text(view, m, d), strict=True)
        if not found and (q.time.day or one and q.outcome):
            # one meeting named and none of its decisions names the topic in so many words
            # ("which requests for money were approved on 7 February?", "were the remaining
            # items postponed at the June 2017 meeting?"): all of that meeting's (of the outcome asked)
            found = [(0.0, m, d) for m in reversed(ms) for d in m.decisions if _wanted(q, d)]
        if not found:
            return None  # nothing decided about it in the records: search the text
        found.sort(key=lambda x: (x[0], x[1].date or ""), reverse=True)  # best match, then newest
    else:
        # "what was decided at the last meeting?": the decisions of the meeting(s) asked about
        # "vem reserverade sig?", "which items were tabled?": an outcome asked for without a time
        # is looked for in every meeting (newest first), not only the last
        dated = bool(q.time.year or q.time.month or q.time.day)
        every = bool(q.outcome) and not dated and not q.time.last
        chosen = ms if dated or every else ms[-1:]
        for m in reversed(chosen):
            found.extend((1.0, m, d) for d in m.decisions if _wanted(q, d))
        if not found:
            label = None if every and len(chosen) > 1 else say.meeting_label(chosen[-1].title, chosen[-1].date,
                                                                          q.language)
            return view.answer(q, say.no_decisions(label, q.outcome, q.language), found=False,
                               facts=Facts(meetings=[view.ref(m) for m in chosen]))
    found = found[:MAX_DECISIONS]
    passages = [decision_passage(view, m, d, score) for score, m, d in found]
    facts = Facts(decisions=[decision_row(m, d) for _, m, d in found])
    facts.meetings = view.refs(passages)
    facts.people = [n for _, _, d in found if d.vote for n in d.vote.reservations]
    return view.answer(q, say.decisions_sentence(
        [(say.meeting_label(m.title, m.date, q.language), d.outcome, d.text, d.vote.reservations if d.vote else [])
         for _, m, d in found], q.outcome, q.language), found=True, passages=passages, facts=facts)


def _slots(q: Question, s: Signals) -> None:
    text = q.text
    q.outcome = ("reservation" if RESERVATION.search(text) else "tabled" if TABLED.search(text)
                 else "rejected" if REJECTED.search(text) else None)


# "what was decided about X?", "vad beslutades om …?", "was the motion tabled?"
ROUTE = Route(Intent.DECISIONS, 4, lambda s: s.decide, ("decide",), _slots)
