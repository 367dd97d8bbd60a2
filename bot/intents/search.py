"""Anything else: hybrid retrieval over the passages, the best sentence of each highlighted.

A heading is never the highlight; a heading-only passage is extended over the next chunk of its
section. Passages after the first are kept only while they score near the best one and have
evidence of their own. A question with a time and nothing else to search names the meetings."""
from __future__ import annotations

from datetime import date

from index.models import Meeting

from .. import compose as say
from .. import resolve
from ..answer import Answer, Facts, Passage
from ..highlight import first_body_sentence, highlight
from index.lexical import tokens
from ..question import Intent, Question
from . import not_found
from .view import SnapshotView

# Search passages after the first are kept only while their fused score is at least this share
# of the best one and they have some evidence of their own (a lexical match, or a cosine above
# the model's threshold): the tail of a ranking is otherwise unrelated text.
RELATIVE_CUTOFF = 0.5
# A Swedish question matching English minutes by less than this lexical coverage is checked
# with the model on its English rendering (_foreign_guess).
SURE_COVERAGE = 0.6


def _body_span(view: SnapshotView, row: int) -> tuple[int, int]:
    """A heading-only chunk quotes nothing: extend it over the next chunk of the same
    section (contiguous in the document, so the quote stays verbatim)."""
    c = view.chunks[row]
    if row in view.retriever.thin and row + 1 < len(view.chunks):
        n = view.chunks[row + 1]
        if n.source == c.source and (n.section == c.section or not n.section) and n.start >= c.start:
            return c.start, n.end
    return c.start, c.end


def search_passage(view: SnapshotView, row: int, score: float, concepts, **kw) -> Passage:
    c = view.chunks[row]
    s, e = _body_span(view, row)
    text = view.documents[c.source][s:e] if (s, e) != (c.start, c.end) else c.text
    hl = highlight(text, concepts, view.language_of(c.source), idf=view.retriever.bm25.idf, section=c.section, **kw)
    if hl is None:
        hl = first_body_sentence(text, c.section)
    return view.chunk_passage(row, score, hl, span=(s, e), quote=text)


def _foreign_guess(q: Question, view: SnapshotView, got) -> bool:
    """Whether a Swedish question's thin lexical match in English minutes is a mistranslation:
    "Hur bakar man surdegsbröd?" matches "come back" through "bak" (the noun "bakar" may be),
    while sourdough and bread are nowhere. The English-only model cannot read the Swedish
    question, but it can compare the question's English rendering with the passage."""
    if (q.language != "sv" or view.mode != "hybrid" or view.retriever.multilingual or not got.hits
            or got.coverage >= SURE_COVERAGE):
        return False
    top = got.hits[0].row
    if not view.retriever.english_rows[top]:
        return False
    english = view.retriever.english_rendering(q.words)
    return bool(english) and view.retriever.similarity(english, top) < view.retriever.threshold


def _on_topic(about, concepts, hits):
    """The hits that match at least one of the concepts the question is ``about`` (when some of
    its concepts are only cue words; else all of them)."""
    if not about or len(about) == len(concepts):
        return hits
    wanted = {i for i, c in enumerate(concepts) if any(c is a for a in about)}
    return [h for h in hits if h.concepts & wanted]


def _meetings_answer(q: Question, view: SnapshotView, ms: list[Meeting]) -> Answer:
    """A question with a time and nothing else to search for ("when was the last meeting?"):
    which meetings the minutes hold, quoting where each gives its date (or title)."""
    labels, passages, facts = [], [], Facts()
    for m in reversed(ms[-5:]):
        labels.append(say.meeting_label(m.title, m.date, q.language))
        span = m.date_span or m.title_span
        if span:
            passages.append(view.span_passage(m, span))
        facts.meetings.append(view.ref(m))
    text = say.meetings_held_sentence(labels, q.time.last, q.language)
    return view.answer(q, text, found=True, passages=passages, intent=Intent.SEARCH, facts=facts)


def answer(q: Question, view: SnapshotView, today: date, k: int) -> Answer:
    allowed = None
    words = list(q.words)
    ms: list[Meeting] = []
    if q.time or q.meeting:
        ms = resolve.candidates(view, q)  # the time and the meeting the question names
        words = list(q.words)  # without the clues a meeting showed ("årsmötet", "IETF 83")
        if q.meeting.ordinal:
            ms = ms[q.meeting.ordinal - 1:q.meeting.ordinal]
        elif q.time.last or q.meeting.before:
            ms = resolve.before(view, q, ms, today) if q.meeting.before else view.past(ms, today)[-1:]
        if q.resolved is not None:
            q.resolved["meetings"] = [m.source for m in ms]
        if not q.time and not ((q.resolved or {}).get("by") or q.meeting.ordinal or q.meeting.before):
            ms = []  # clues no meeting shows, and no time: search them all
        elif not ms and words and not q.time.year and not q.time.last:
            # "the conference in January": no minutes from January, but minutes may speak of
            # January; search them all with the month as one more word
            words += [w for w in tokens(q.time.text) if w not in words]
        elif not ms:
            return view.no_meeting_in(q, intent=Intent.SEARCH) or view.answer(
                q, say.no_meeting_in(q.meeting.text or q.time.text, q.language), found=False, intent=Intent.SEARCH)
        else:
            allowed = view.rows(ms)
    retriever = view.retriever
    concepts = retriever.concepts(words, q.language)
    if not concepts and ms:
        return _meetings_answer(q, view, ms)
    got = retriever.search(q.text, words, allowed=allowed, k=k + 3, concepts=concepts, language=q.language,
                           entities=q.entities)
    # Attendee lists match "present", "Sweden", organisation names... but answer attendance
    # questions, which are handled elsewhere; in a search they go after the prose.
    hits = [h for h in got.hits if not view.is_attendee_chunk(h.row)]
    hits = hits + [h for h in got.hits if h not in hits]
    if hits and view.mode == "hybrid":
        best = hits[0].score
        hits = hits[:1] + [h for h in hits[1:] if h.score >= RELATIVE_CUTOFF * best
                           and (h.matched or h.dense >= retriever.threshold)]
    got.hits = hits[:k]
    answerable = got.answerable or (not concepts and allowed is not None and bool(got.hits))
    # What it is about is nowhere in the minutes, and the model's cosine cannot vouch for a
    # passage either: whatever matched was a cue word ("beslutades") or a loose neighbour.
    dense_trusted = (view.mode != "bm25" and got.max_dense >= retriever.threshold
                     and (retriever.multilingual or q.language != "sv"))
    if answerable and concepts and not dense_trusted and not_found.topic_unknown(q, view, concepts):
        answerable = False
    if answerable and concepts and not dense_trusted and _foreign_guess(q, view, got):
        answerable = False
    if answerable and concepts and not dense_trusted:
        # "what did we decide about the rent?" with no decision on it, searched: a passage that
        # matches only the cue ("Nästa möte bestämms i framtiden") says nothing about the rent
        got.hits = _on_topic(not_found.topic_concepts(q, concepts), concepts, got.hits)
        answerable = bool(got.hits)
    if not answerable:
        text, reason = not_found.explain(q, view, concepts)
        a = view.answer(q, text, found=False, intent=Intent.OFFTOPIC)
        a.reason = reason
        return a
    passages = [search_passage(view, h.row, h.score, concepts) for h in got.hits]
    top = passages[0]
    label = say.meeting_label(top.title, top.meeting_date, q.language)
    text = say.search_sentence(top.highlight or top.quote.split("\n", 1)[0], label, q.language)
    return view.answer(q, text, found=True, passages=passages, intent=Intent.SEARCH,
                       facts=Facts(meetings=view.refs(passages)))
