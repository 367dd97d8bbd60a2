"""A read-only view of one index snapshot, with what every intent handler needs: the meetings in
date order, the people they name, retrieval, choosing the meetings a question is about, and
passages cut verbatim from the documents.

Built once per snapshot (by :class:`bot.engine.Engine`); handlers never change it."""
from __future__ import annotations

import functools
from datetime import date

from index.models import Chunk, Meeting
from index.store import IndexSnapshot
from index.vocab import ROLE_WORDS

from .. import compose as say
from ..answer import Answer, Facts, MeetingRef, NextMeetingInfo, Passage
from index.lexical import stem_en, stem_sv
from index.names import NameIndex
from ..orgtitles import Titles
from ..question import Question
from .. import resolve
from ..registers import linked
from ..retrieve import Retriever
from ..typos import Speller

# A title word matched only through translation counts half: a title in the question's own
# language wins over one in the other.
TITLE_TRANSLATION_WEIGHT = 0.5


def is_role(detail: str) -> bool:
    """Whether an attendee's detail ("ordförande och samordnare", "ledamot") names a role."""
    words = [w.strip(".,;:()") for w in detail.casefold().split()]
    return any(w in ROLE_WORDS or any(w.endswith(r) and len(r) >= 5 for r in ROLE_WORDS) for w in words if w)


class SnapshotView:
    def __init__(self, snapshot: IndexSnapshot, embedder, *, mode: str = "hybrid"):
        self.snapshot = snapshot
        self.documents = snapshot.documents
        self.chunks: list[Chunk] = snapshot.chunks
        self.mode = mode
        self.retriever = Retriever(snapshot, embedder, mode=mode)
        # Meetings oldest first; undated ones first of all, so "latest" never picks them. Their
        # dates and sources are read without decoding a meeting (index/lazy.py).
        self.meetings: list[Meeting] = sorted(snapshot.meetings.values(), key=lambda m: (m.date or "", m.source))
        # The people the meetings name and their title terms: stored in the generation (index/prepared.py)
        self.names: NameIndex = self.retriever.ready.names
        self._title_terms = self.retriever.ready.titles
        self.org_titles = Titles()  # the organisation's own titles (bot/orgtitles.py): set by the engine
        self._forms: dict[str, list[tuple[str, float]]] = {}
        self._linked: dict[str, list[Meeting]] = {}

    @functools.cached_property
    def speller(self) -> Speller:
        """Typos in questions read against this snapshot's words (bot/typos.py)."""
        return Speller(self.retriever)

    def linked(self, today: date) -> list[Meeting]:
        """The meetings held by ``today`` with their actions' statuses as later minutes report
        them (computed once per day asked about)."""
        key = today.isoformat()
        if key not in self._linked:
            if len(self._linked) > 8:
                self._linked.clear()
            self._linked[key] = linked(self.meetings, today)
        return self._linked[key]

    # -- answers ----------------------------------------------------------------------------------
    @staticmethod
    def answer(q: Question, text: str, *, found: bool, passages=(), intent=None,
               next_meeting: NextMeetingInfo | None = None, facts: Facts | None = None) -> Answer:
        facts = facts or Facts()
        if q.resolved is not None and facts.resolved is None:
            facts.resolved = q.resolved  # which meeting the question was read as naming, and why
        return Answer(question=q.text, answer=text, found=found, intent=str(intent or q.intent),
                      language=q.language, passages=list(passages), next_meeting=next_meeting,
                      facts=facts, intent_reasons=q.intent_reasons)

    @staticmethod
    def ref(m: Meeting) -> MeetingRef:
        return MeetingRef(source=m.source, meeting_date=m.date, title=m.title)

    def refs(self, passages) -> list[MeetingRef]:
        """The meetings of these passages, each once, in the passages' order."""
        out, seen = [], set()
        for p in passages:
            m = self.meeting_of(p.source)
            if m is not None and p.source not in seen:
                seen.add(p.source)
                out.append(self.ref(m))
        return out

    def meeting_of(self, source: str) -> Meeting | None:
        return self.snapshot.meetings.get(source)

    def language_of(self, source: str) -> str:
        m = self.meeting_of(source)
        return m.language if m else "sv"

    # -- passages ---------------------------------------------------------------------------------
    def span_passage(self, m: Meeting, span: tuple[int, int], *, highlight: str | None = None,
                     score: float = 1.0) -> Passage:
        s, e = span
        quote = self.documents[m.source][s:e]
        if highlight is not None and highlight not in quote:
            highlight = None
        return Passage(source=m.source, meeting_date=m.date, title=m.title, quote=quote, score=score,
                       start=s, end=e, highlight=highlight)

    def span_text(self, m: Meeting, span: tuple[int, int]) -> str:
        return self.documents[m.source][span[0]:span[1]]

    def chunk_passage(self, row: int, score: float, hl: str | None, *, span: tuple[int, int] | None = None,
                      quote: str | None = None) -> Passage:
        """The passage of chunk ``row``, or of ``span`` (document offsets; ``quote`` is its text)
        when it reaches beyond the chunk. The title falls back to the meeting's."""
        c = self.chunks[row]
        s, e = span or (c.start, c.end)
        m = self.meeting_of(c.source)
        return Passage(source=c.source, meeting_date=c.meeting_date, title=c.title or (m.title if m else None),
                       quote=c.text if quote is None else quote, score=round(float(score), 4), start=s, end=e,
                       highlight=hl)

    def in_attendee_list(self, c: Chunk, offset: int) -> bool:
        m = self.meeting_of(c.source)
        if m is None or m.attendees_span is None:
            return False
        pos = c.start + offset
        return m.attendees_span[0] <= pos < m.attendees_span[1]

    def is_attendee_chunk(self, row: int) -> bool:
        c = self.chunks[row]
        m = self.meeting_of(c.source)
        if m is None or m.attendees_span is None:
            return False
        s, e = m.attendees_span
        overlap = min(e, c.end) - max(s, c.start)
        return overlap > 0.5 * (c.end - c.start)

    # -- choosing meetings ------------------------------------------------------------------------
    def _title_forms(self, word: str) -> list[tuple[str, float]]:
        """Stems a question word may take in a meeting's title or file name: itself in both
        languages, and its translations at half weight ("board" -> styrelse, "styrelsemötet" ->
        board), so a title in the other language still names the meeting but one in the
        question's own language wins."""
        if word not in self._forms:
            forms = [(stem_sv(word), 1.0), (stem_en(word), 1.0)]
            r = self.retriever
            forms += [(stem_sv(sv), TITLE_TRANSLATION_WEIGHT) for sv in r.sv_en.swedish_for(word)]
            forms += [(stem_en(g.english), TITLE_TRANSLATION_WEIGHT)
                      for part in r.sv_en.parts(word) for g in r.sv_en.glosses(part)[:4]]
            self._forms[word] = forms
        return self._forms[word]

    def title_score(self, m: Meeting, words: list[str]) -> float:
        terms = self._title_terms[m.source]
        score = 0.0
        for w in words:
            best = 0.0
            for st, weight in self._title_forms(w):
                if st in terms or (len(st) >= 5 and any(t.startswith(st) or st.startswith(t) and len(t) >= 5 for t in terms)):
                    best = max(best, weight)
            score += best
        return score

    def no_meeting_in(self, q: Question, *, intent=None) -> Answer | None:
        """"There are no minutes from March 2019": the answer when the question's time matches
        no meeting at all (None when it matches one, or gives no time). When a file the index
        could not read is dated then, that is said instead (bot/intents/not_found.py)."""
        if q.time and not any(q.time.accepts(m.date) for m in self.meetings):
            from . import not_found

            files = not_found.skipped_match(q, self)
            if files:
                a = self.answer(q, not_found.skipped_sentence(files, q.language), found=False, intent=intent)
                a.reason = not_found.SKIPPED_FILE
            else:
                a = self.answer(q, say.no_meeting_in(q.time.text, q.language), found=False, intent=intent)
                a.reason = not_found.NOT_IN_MINUTES
            return a
        return None

    @staticmethod
    def past(ms: list[Meeting], today: date) -> list[Meeting]:
        iso = today.isoformat()
        past = [m for m in ms if m.date and m.date <= iso]
        return past or ms

    def rows(self, ms: list[Meeting]) -> set[int]:
        """Chunk rows of these meetings: the search restricted to them."""
        return {r for m in ms for r in self.snapshot.chunk_rows(m.source)}

    def select(self, q: Question, today: date, pred, *, latest: bool = True) -> list[Meeting]:
        """Meetings the question is about, among those ``pred`` accepts (bot/resolve.py)."""
        return resolve.select(self, q, today, pred, latest=latest)
