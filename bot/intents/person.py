"""A person the minutes name: the meetings they attended ("which meetings did X attend?"), or
the passages that name them outside the attendee lists ("what did X present?")."""
from __future__ import annotations

from datetime import date

from .. import compose as say
from .. import resolve
from ..answer import Answer, Facts
from ..cues import PRESENT_VERB, Signals
from ..highlight import highlight
from index.names import find_in_text

from ..question import Intent, Question
from ..router import Route
from .view import SnapshotView


def answer(q: Question, view: SnapshotView, today: date, k: int) -> Answer | None:
    person = q.person
    known = view.names.find(person)  # by any of their names: "mnot" finds Mark Nottingham
    display = view.names.full_name(known[0].name if known else person)
    attended = []
    named = resolve.accepts(view, q)  # the time and the meetings the question names (bot/resolve.py)
    for m in view.meetings:
        if m.source not in named:
            continue
        for p in m.attendees:
            if view.names.same(person, p.name):
                attended.append((m, p))
                break
    if not q.person_attended:
        found = _mentions(q, view, display, k)
        if found is not None or not attended or q.words:
            return found
    # "which meetings did X attend?", or a bare name ("Karin Öberg") the minutes name only in
    # attendee lists: the meetings they attended
    facts = Facts(people=[display], meetings=[view.ref(m) for m, _ in attended])
    if not attended:
        return view.answer(q, say.person_not_attending(display, q.language), found=False, facts=facts)
    labels = [say.meeting_label(m.title, m.date, q.language) for m, _ in attended]
    passages = [view.span_passage(m, p.span, highlight=view.span_text(m, p.span)) for m, p in attended]
    return view.answer(q, say.person_meetings_sentence(display, labels, q.language), found=True,
                       passages=passages, facts=facts)


def _mentions(q: Question, view: SnapshotView, display: str, k: int) -> Answer | None:
    """What the person said or presented: passages that name them, best match first."""
    mentions: dict[int, list[tuple[int, int]]] = {}
    named = resolve.accepts(view, q)
    for row, c in enumerate(view.chunks):
        if c.source not in named:
            continue
        spans = sorted({sp for n in view.names.names_for(q.person) for sp in find_in_text(c.text, n)})
        spans = [(s, e) for s, e in spans if not view.in_attendee_list(c, s)]
        if spans:
            mentions[row] = spans
    if not mentions:
        return None
    retriever = view.retriever
    concepts = retriever.concepts(q.words, q.language)
    if concepts:
        got = retriever.search(q.text, q.words, allowed=set(mentions), k=k, concepts=concepts, language=q.language)
        rows = [h.row for h in got.hits]
        scores = {h.row: h.score for h in got.hits}
    else:
        rows = sorted(mentions, key=lambda r: (view.chunks[r].meeting_date or "", -r), reverse=True)[:k]
        scores = {r: 1.0 for r in rows}
    passages = []
    for r in rows:
        c = view.chunks[r]
        hl = highlight(c.text, concepts, view.language_of(c.source), must=mentions[r], idf=retriever.bm25.idf,
                       section=c.section)
        passages.append(view.chunk_passage(r, scores[r], hl))
    top = passages[0]
    facts = Facts(people=[display], meetings=view.refs(passages))
    label = say.meeting_label(top.title, top.meeting_date, q.language)
    return view.answer(q, say.person_search_sentence(display, top.highlight, label, q.language), found=True,
                       passages=passages, facts=facts)


def _slots(q: Question, s: Signals) -> None:
    q.person_attended = s.attended and not PRESENT_VERB.search(q.text)


def _unlisted(q: Question, s: Signals) -> None:
    q.person = s.run
    _slots(q, s)


# a person the minutes name ("what did Anna say?"); or someone no list names, asked about as an
# attendee ("did Björn Åkesson attend?")
ROUTE = Route(Intent.PERSON, 3, lambda s: bool(s.person), ("person",), _slots)
UNLISTED = Route(Intent.PERSON, 2, lambda s: s.attended and not s.orgs and not s.count and bool(s.run),
                 ("attended", "run"), _unlisted, name="person_unlisted")
ROUTES = (ROUTE, UNLISTED)
