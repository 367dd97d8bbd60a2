"""What the decision, action and digest handlers share: which records a question is about.

Records (decisions, action items) were parsed at index time and stored with their meeting
(``index/records``); here they are matched against the question's concepts (its words, their
stems and translations) and its time, and turned into quoted passages and facts rows."""
from __future__ import annotations

import functools
import re
from datetime import date

from index.models import ActionItem, Decision, Meeting
from index.records.prose import outer_entry
from index.vocab import ANAPHORS

from .. import resolve
from ..cues import TOPIC
from ..answer import Passage
from ..highlight import term_match
from index.lexical import doc_terms, tokens
from ..question import Question
from ..registers import action_row, action_status, decision_row, is_open  # noqa: F401 (re-exported)
from .view import SnapshotView

# A record is about the question's topic when it matches at least this share of the concepts'
# weight (idf-weighted), so one common word of a long question does not pick a record.
MIN_TOPIC_SHARE = 0.5
# Action items are short ("Tim kontaktar studentkåren"): a lower bar.
MIN_ACTION_SHARE = 0.4
# An inflected form ("kontak" ~ "kontaktar") or a compound part ("student" in "studentkåren").
INFLECTION_WEIGHT = 0.8
# Quote a decision's text and the statement that settles it as one passage when they are this
# close in the document (a proposal and "förslaget bifalles" under it); else the text alone.
JOIN_GAP = 600
# A decision statement of this many words says what was decided by itself.
STATEMENT_WORDS = 8



def _match(term: str, stems: set[str]) -> float:
    got = term_match(term, stems)
    if got < INFLECTION_WEIGHT and len(term) >= 4 and any(
            # an ending more or less, not a compound part: "kontak" ~ "kontakt", not "styrels" ~ "styrelsekalend"
            s.startswith(term) and len(s) - len(term) < 4 or term.startswith(s) and len(s) >= 4
            and len(term) - len(s) < 4 for s in stems):
        return INFLECTION_WEIGHT
    return got


@functools.lru_cache(maxsize=100_000)
def _stems(text: str, language: str) -> frozenset[str]:
    """The stems of a record's text in both languages. Cached: a decision question scores every
    decision of its meetings, and stemming them per question cost seconds at 100k chunks."""
    return frozenset(doc_terms(text, language)) | frozenset(doc_terms(text, "en" if language == "sv" else "sv"))


def topic_share(text: str, concepts, language: str, bm25) -> float:
    """Share of the question's concepts that ``text`` matches, each concept weighted by the idf
    of its alternatives that the corpus has (a rare word counts more than a common one), and
    matched by its best alternative (a translation counts as its weight)."""
    if not concepts:
        return 0.0
    stems = _stems(text, language)
    total = got = 0.0
    for c in concepts:
        weight = max((bm25.idf(a.term) for a in c.alternatives if bm25.has(a.term)), default=1.0)
        total += weight
        got += weight * max((_match(a.term, stems) * a.weight for a in c.alternatives
                             # an English rendering is evidence in English minutes only
                             if not (a.english and language != "en")), default=0.0)
    return got / total if total else 0.0


def _groups(concepts) -> dict[str, list]:
    """The concepts by question word: a compound's first part ("avif-bilder~0") goes with it."""
    out: dict[str, list] = {}
    for c in concepts:
        out.setdefault(c.word.split("~")[0], []).append(c)
    return out


def concepts_matched(text: str, concepts, language: str) -> int:
    """How many of the question's words ``text`` matches, by any alternative of any of their
    concepts."""
    stems = _stems(text, language)
    return sum(any(_match(a.term, stems) > 0 for c in group for a in c.alternatives
                   if not (a.english and language != "en"))
               for group in _groups(concepts).values())


def about(q: Question, concepts) -> list:
    """The concepts of what a question is about: those of the words after "about" / "om" when
    it has such a topic ("what did the working group decide about HTTP/3 over QUIC?": not the
    body that decided), else all of them."""
    m = TOPIC.search(q.text)
    if m is None:
        return list(concepts)
    topic = set(tokens(q.text[m.end():]))
    inside = [c for c in concepts if set(tokens(c.word.split("~")[0])) <= topic]
    return inside or list(concepts)


def most_of_topic(text: str, concepts, language: str) -> bool:
    """Whether ``text`` matches most of the question's concepts, counted one by one (a word the
    minutes never use counts as one ``text`` misses): "HTTP/3 över QUIC" is not in a passage
    that says "HTTP" only, however rare "QUIC" is."""
    return concepts_matched(text, concepts, language) * 2 > len(_groups(concepts))


def meetings_in_time(q: Question, view: SnapshotView, today: date, has, meetings=None) -> list[Meeting]:
    """Meetings the question's time allows (held by ``today``), among those ``has`` accepts;
    "the last meeting" is the latest of them."""
    iso = today.isoformat()
    named = resolve.accepts(view, q)  # the time and the meeting the question names (bot/resolve.py)
    if q.meeting.ordinal:  # "the first meeting of 2026": counted among all meetings, not only those with records
        nth = [m for m in view.meetings if m.source in named][q.meeting.ordinal - 1:q.meeting.ordinal]
        named = {m.source for m in nth}
    ms = [m for m in (view.meetings if meetings is None else meetings)
          if m.source in named and has(m) and (not m.date or m.date <= iso)]
    if q.time.last or q.meeting.before:
        ms = resolve.before(view, q, ms, today) if q.meeting.before else ms[-1:]
    if q.resolved is not None and (q.time or q.meeting):
        q.resolved["meetings"] = [m.source for m in ms]
    return ms


def decision_text(view: SnapshotView, m: Meeting, d: Decision) -> str:
    """What a decision is about, for matching: the decided text, its item, its statement, and
    the list entry it is nested under ("- Social media: Expand to mastodon?" above "  - No
    objections. **Decision:** Mara will help coordinate.")."""
    doc = view.documents[m.source]
    outer = outer_entry(doc, d.span[0])
    return " ".join(x for x in (d.text, d.item or "", doc[d.span[0]:d.span[1]],
                                doc[outer[0]:outer[1]] if outer else "") if x)


def action_text(a: ActionItem) -> str:
    """What an action item is about, for matching: its task, its item and its owners."""
    return " ".join([a.task, a.item or "", *a.owners])


def decision_passage(view: SnapshotView, m: Meeting, d: Decision, score: float = 1.0) -> Passage:
    s, e = d.text_span
    if d.span and abs(d.span[0] - e) <= JOIN_GAP and abs(s - d.span[1]) <= JOIN_GAP * 2:
        s, e = min(s, d.span[0]), max(e, d.span[1])
    elif d.span and len(view.span_text(m, d.span).split()) >= STATEMENT_WORDS:
        # far from what it decided ("… we should not proceed with it", under its topic): the
        # statement is the evidence; a bare "förslaget bifalles" is not, its text is
        s, e = d.span
    return view.span_passage(m, (s, e), highlight=d.text, score=score)


def action_passage(view: SnapshotView, m: Meeting, a: ActionItem, score: float = 1.0) -> Passage:
    return view.span_passage(m, a.span, highlight=a.task, score=score)


def points_back(task: str) -> bool:
    """A task that says nothing alone: it points back to what came before ("Samuel förbereder
    detta", "Tim formulerar en punkt om detta")."""
    return any(w in ANAPHORS for w in re.findall(r"\w+", task.casefold()))


# -- records found through the text -------------------------------------------------------------
# A record names its topic in its own words: "vilken domän ska vi använda för e-post?" does not
# share enough words with "behålla dvet som maildomän" to pick it, though the hybrid search finds
# the passage. When no record matches the question's concepts, the records inside the search's
# best passages answer it; they rank after any record matched by its words.
SEARCH_DEPTH = 3
SEARCH_SCORE = 0.3  # the score of a record found so, divided by its passage's rank


def records_in_search(q: Question, view: SnapshotView, ms: list[Meeting], concepts, records_of,
                      text_of, *, strict: bool = False) -> list[tuple]:
    """(score, meeting, record) for the records of ``ms`` (``records_of(m)`` gives a meeting's
    candidates, ``text_of(m, r)`` a record's text) within the best passages of a search for the
    question's ``concepts``, when the search finds lexical evidence of the topic in them:
    passages that match as many of the concepts as the best one does. Among the records of one
    passage, those sharing more of the question's words come first. With ``strict``, a record
    counts only when it and its passage together match most of the concepts
    (:func:`most_of_topic`): a decision question is not answered with whatever was decided
    where one of its words stands."""
    if not q.words or not ms:
        return []
    from . import not_found  # the search handler's own check that the topic is in the minutes

    retriever = view.retriever
    got = retriever.search(q.text, q.words, allowed=view.rows(ms), k=SEARCH_DEPTH, concepts=concepts,
                           language=q.language, entities=q.entities)
    if not got.answerable or not concepts or not_found.topic_unknown(q, view, concepts):
        return []
    by_source = {m.source: m for m in ms}
    topic = about(q, concepts)
    out, seen = [], set()
    most = max((h.matched for h in got.hits[:SEARCH_DEPTH]), default=0)
    for rank, h in enumerate(got.hits[:SEARCH_DEPTH]):
        if not h.matched or h.matched < most:
            continue  # the model's neighbour only, or fewer of the topic's words than the best
        c = view.chunks[h.row]
        m = by_source.get(c.source)
        if m is None:
            continue
        for r in records_of(m):
            spans = [s for s in (getattr(r, "text_span", None), getattr(r, "task_span", None), r.span) if s]
            # inside the passage, or under the same heading (a proposal's passage, its
            # decision in the next chunk of the item)
            same_item = bool(c.section and r.item and c.section.strip() == r.item.strip())
            if id(r) not in seen and (same_item or any(s < c.end and e > c.start for s, e in spans)):
                if strict and not most_of_topic(f"{c.text} {text_of(m, r)}", topic, m.language):
                    continue  # the passage and the record together have too little of the topic
                seen.add(id(r))
                share = topic_share(text_of(m, r), concepts, m.language, retriever.bm25)
                out.append((SEARCH_SCORE / (rank + 1) * (1 + share) / 2, m, r))
    return out
