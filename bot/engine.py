"""Answers questions from one loaded index snapshot. The same Engine serves the CLI and Slack.

Everything that depends only on the snapshot (BM25 statistics, the name index, meetings in date
order) is built once in ``__init__``; ``ask`` costs a few milliseconds plus one query embedding.
Structured questions (attendance, a person, next meeting, roles) are answered from the parsed
meetings; everything else by hybrid retrieval. Every quote is cut from the document text."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from index.models import Meeting, Person
from index.store import IndexSnapshot

from . import compose as say
from .answer import Answer, NextMeetingInfo, Passage
from .lexical import doc_terms, stem_en, stem_sv, tokens
from .names import NameIndex, find_in_text, names_match
from .retrieve import Retriever
from .understand import (ABSENCE, ATTENDANCE, NEXT_MEETING, OFFTOPIC, PERSON, ROLE, SEARCH, Question,
                         TimeFilter, detect_language, understand)

TITLE_TRANSLATION_WEIGHT = 0.5
# Search passages after the first are kept only while their fused score is at least this share
# of the best one and they have some evidence of their own (a lexical match, or a cosine above
# the model's threshold): the tail of a ranking is otherwise unrelated text.
RELATIVE_CUTOFF = 0.5

# Details that name a role, not an organisation: "which organisations were represented" skips them.
_ROLE_WORDS = set("""ledamot ledamöter ordförande ordf vice sekreterare sekr kassör kassor suppleant adjungerad
adjungerade samordnare revisor revisorer valberedning valberedare styrelseledamot styrelseledamöter medlem
medlemmar gäst gäster protokollförare justerare justeringsperson mötesordförande mötessekreterare
member members chair chairman chairwoman chairperson co-chair secretary treasurer observer guest tsc ctc
president vp lead facilitator moderator notetaker note-taker minute-taker ordinarie ersättare
""".split())


def is_role(detail: str) -> bool:
    """Whether an attendee's detail ("ordförande och samordnare", "ledamot") names a role."""
    words = [w.strip(".,;:()") for w in detail.casefold().split()]
    return any(w in _ROLE_WORDS or any(w.endswith(r) and len(r) >= 5 for r in _ROLE_WORDS) for w in words if w)


@dataclass
class Detail:
    """What an answer rests on, in a form the evaluation can check (not part of the JSON)."""

    names: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    next_date: str | None = None
    count: int | None = None


class Engine:
    def __init__(self, snapshot: IndexSnapshot, embedder, *, mode: str = "hybrid"):
        self.snapshot = snapshot
        self.embedder = embedder
        self.mode = mode
        self.retriever = Retriever(snapshot, embedder, mode=mode)
        # Meetings oldest first; undated ones first of all, so "latest" never picks them.
        self.meetings: list[Meeting] = sorted(snapshot.meetings.values(), key=lambda m: (m.date or "", m.source))
        people = []
        for m in self.meetings:
            for p in [*m.attendees, *m.invited, *m.absent, m.chair, m.secretary]:
                if p is not None:
                    people.append((p.name, m.source))
        self.names = NameIndex(people)
        self._title_terms = {m.source: self._meeting_terms(m) for m in self.meetings}
        self._forms: dict[str, list[tuple[str, float]]] = {}

    # -- public ---------------------------------------------------------------------------------
    def ask(self, question: str, *, today: date | None = None, k: int = 5) -> Answer:
        return self.answer(question, today=today, k=k)[0]

    def answer(self, question: str, *, today: date | None = None, k: int = 5) -> tuple[Answer, Detail]:
        today = today or date.today()
        detail = Detail()
        if not (question or "").strip():
            q = Question(text="", language="en", intent=OFFTOPIC, time=TimeFilter())
            return self._answer(q, say.empty_question("en"), found=False), detail
        q = understand(question, self.names)
        if q.intent == NEXT_MEETING:
            a = self._next_meeting(q, today, detail)
        elif q.intent == ATTENDANCE:
            a = self._attendance(q, today, detail)
        elif q.intent == ROLE:
            a = self._role(q, today, detail)
        elif q.intent == ABSENCE:
            a = self._absence(q, today, detail)
        elif q.intent == PERSON:
            a = self._person(q, today, k, detail)
        else:
            a = None
        if a is None:  # no structured data for it: search the text instead
            q.intent = SEARCH
            a = self._search(q, today, k, detail)
        return a, detail

    # -- helpers --------------------------------------------------------------------------------
    def _answer(self, q: Question, text: str, *, found: bool, passages=(), intent: str | None = None,
                next_meeting: NextMeetingInfo | None = None) -> Answer:
        return Answer(question=q.text, answer=text, found=found, intent=intent or q.intent, language=q.language,
                      passages=list(passages), next_meeting=next_meeting)

    def _span_passage(self, m: Meeting, span: tuple[int, int], *, highlight: str | None = None,
                      score: float = 1.0) -> Passage:
        text = self.snapshot.documents[m.source]
        s, e = span
        quote = text[s:e]
        if highlight is not None and highlight not in quote:
            highlight = None
        return Passage(source=m.source, meeting_date=m.date, title=m.title, quote=quote, score=score,
                       start=s, end=e, highlight=highlight)

    @staticmethod
    def _meeting_terms(m: Meeting) -> set[str]:
        words = " ".join(x for x in (m.title or "", m.source.rsplit("/", 1)[-1].rsplit(".", 1)[0]) if x)
        words = words.replace("-", " ").replace("_", " ")
        terms = set(doc_terms(words, "sv")) | set(doc_terms(words, "en"))
        return terms

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

    def _title_score(self, m: Meeting, words: list[str]) -> float:
        terms = self._title_terms[m.source]
        score = 0.0
        for w in words:
            best = 0.0
            for st, weight in self._title_forms(w):
                if st in terms or (len(st) >= 5 and any(t.startswith(st) or st.startswith(t) and len(t) >= 5 for t in terms)):
                    best = max(best, weight)
            score += best
        return score

    def _no_meeting_in(self, q: Question) -> Answer | None:
        """"There are no minutes from March 2019": the answer when the question's time matches
        no meeting at all (None when it matches one, or gives no time)."""
        if q.time and not any(q.time.accepts(m.date) for m in self.meetings):
            return self._answer(q, say.no_meeting_in(q.time.text, q.language), found=False)
        return None

    def _past(self, ms: list[Meeting], today: date) -> list[Meeting]:
        iso = today.isoformat()
        past = [m for m in ms if m.date and m.date <= iso]
        return past or ms

    def _rows(self, ms: list[Meeting]) -> set[int]:
        """Chunk rows of these meetings: the search restricted to them."""
        return {r for m in ms for r in self.snapshot.chunk_rows(m.source)}

    def _select(self, q: Question, today: date, pred, *, latest: bool = True) -> list[Meeting]:
        """Meetings the question is about, among those ``pred`` accepts: the time filter first,
        then words naming the meeting ("planeringsmötet"), then what its text is about."""
        ms = [m for m in self.meetings if pred(m) and q.time.accepts(m.date)]
        if not ms:
            return []
        if q.words:
            scores = {m.source: self._title_score(m, q.words) for m in ms}
            best = max(scores.values())
            if best > 0:
                ms = [m for m in ms if scores[m.source] == best]
            elif len(ms) > 1:
                allowed = self._rows(ms)
                got = self.retriever.search(q.text, q.words, allowed=allowed, k=1, language=q.language)
                if got.hits and got.hits[0].matched:
                    src = self.snapshot.chunks[got.hits[0].row].source
                    ms = [m for m in ms if m.source == src]
        if q.time.last or (latest and not (q.time.year or q.time.month or q.time.day)):
            # "the last meeting", or no time given: the most recent one held by today
            ms = self._past(ms, today)[-1:]
        return ms

    # -- next meeting -----------------------------------------------------------------------------
    def _next_meeting(self, q: Question, today: date, detail: Detail) -> Answer:
        iso = today.isoformat()
        stmts = [m for m in self.meetings if m.next_meeting is not None and q.time.accepts(m.date)]
        stmts = [m for m in stmts if not m.date or m.date <= iso] or stmts  # minutes written by today
        if not stmts:
            return self._answer(q, say.no_next_meeting(q.language), found=False)
        dated = [m for m in stmts if m.next_meeting.date]
        upcoming = [m for m in dated if m.next_meeting.date >= iso]
        if upcoming:
            # the nearest announced date; of two announcements of it, the later minutes
            m = min(upcoming, key=lambda m: (m.next_meeting.date, [-ord(c) for c in (m.date or "")]))
            is_upcoming = True
        else:
            latest_dated = max(dated, key=lambda m: (m.next_meeting.date, m.date or "")) if dated else None
            vague = [m for m in stmts if not m.next_meeting.date]
            latest_vague = vague[-1] if vague else None
            if latest_vague is not None and (latest_dated is None or (latest_vague.date or "") > (latest_dated.date or "")):
                m = latest_vague  # the newest minutes only say "after the summer": quote that
            else:
                m = latest_dated
            is_upcoming = False
        nm = m.next_meeting
        passage = self._span_passage(m, nm.span, highlight=self.snapshot.documents[m.source][nm.span[0]:nm.span[1]])
        info = NextMeetingInfo(date=nm.date, upcoming=is_upcoming, source=m.source, quote=passage.quote)
        detail.next_date = nm.date
        detail.sources = [m.source]
        text = say.next_meeting_sentence(nm.date, is_upcoming, m.date, passage.quote, q.language)
        return self._answer(q, text, found=True, passages=[passage], next_meeting=info)

    # -- attendance -----------------------------------------------------------------------------
    def _attendees_span(self, m: Meeting) -> tuple[int, int]:
        if m.attendees_span:
            return m.attendees_span
        return (min(p.span[0] for p in m.attendees), max(p.span[1] for p in m.attendees))

    @staticmethod
    def _organisations(m: Meeting) -> list[str]:
        orgs = []
        for p in m.attendees:
            d = (p.detail or "").strip()
            if d and not is_role(d) and d not in orgs:
                orgs.append(d)
        return orgs

    @staticmethod
    def _records_attendance(m: Meeting) -> bool:
        """A list of people, or a list naming only a group ("Närvarande: Styrelsen")."""
        return bool(m.attendees) or m.attendees_span is not None

    def _group_text(self, m: Meeting) -> str:
        """The group a group-only attendance list names: the span after its label ("Närvarande:
        Styrelsen" -> "Styrelsen", "Närvarande\nHela styrelsen" -> "Hela styrelsen")."""
        text = self.snapshot.documents[m.source]
        s, e = m.attendees_span
        seg = text[s:e]
        if "\n" in seg:
            s += seg.rfind("\n") + 1
        elif ":" in seg:
            s += seg.index(":") + 1
        while s < e and (text[s] in "*_-•–>" or text[s].isspace()):
            s += 1
        while e > s and text[e - 1] in ".*_":
            e -= 1
        return text[s:e] or text[slice(*m.attendees_span)]

    def _attendance(self, q: Question, today: date, detail: Detail) -> Answer | None:
        if q.organisations:
            return self._organisations_answer(q, today, detail)
        ms = self._select(q, today, self._records_attendance)
        if not ms:
            if (no_minutes := self._no_meeting_in(q)) is not None:
                return no_minutes
            if not any(self._records_attendance(m) for m in self.meetings):
                return None
            return self._answer(q, say.no_attendance(q.language, q.time.text), found=False)
        ms = ms[-5:]
        sentences, passages = [], []
        for m in reversed(ms):  # newest first
            label = say.meeting_label(m.title, m.date, q.language)
            if m.attendees:
                people = [say.person_label(p.name, p.detail) for p in m.attendees]
                sentences.append(say.attendance_sentence(len(people), people, label, q.language, count_only=q.count))
            else:  # only a group: say so, and quote it, rather than pretend nobody came
                sentences.append(say.group_attendance_sentence(self._group_text(m), label, q.language,
                                                               count_only=q.count))
            passages.append(self._span_passage(m, self._attendees_span(m)))
            detail.names.extend(p.name for p in m.attendees)
            detail.sources.append(m.source)
        # a group's number is not recorded: no count unless some meeting lists people
        detail.count = len(detail.names) if any(m.attendees for m in ms) else None
        return self._answer(q, " ".join(sentences), found=True, passages=passages)

    def _organisations_answer(self, q: Question, today: date, detail: Detail) -> Answer:
        """Organisations of the attendee lists: of the meetings the question names, or, with no
        time or meeting words, of every meeting that records any (newest first)."""
        has_list = lambda m: bool(m.attendees)  # noqa: E731
        named = bool(q.time) or (q.words and any(self._title_score(m, q.words) > 0 for m in self.meetings))
        ms = self._select(q, today, has_list, latest=False) if named else [m for m in self.meetings if m.attendees]
        if not ms:
            if (no_minutes := self._no_meeting_in(q)) is not None:
                return no_minutes
            return self._answer(q, say.no_attendance(q.language, q.time.text), found=False)
        with_orgs = [m for m in ms if self._organisations(m)]
        if not with_orgs:
            return self._answer(q, say.no_organisations(q.language, q.time.text), found=False)
        sentences, passages = [], []
        for m in reversed(with_orgs[-5:]):  # newest first
            label = say.meeting_label(m.title, m.date, q.language)
            sentences.append(say.organisations_sentence(self._organisations(m), label, q.language))
            passages.append(self._span_passage(m, self._attendees_span(m)))
            detail.names.extend(p.name for p in m.attendees)
            detail.sources.append(m.source)
        detail.count = len(detail.names)
        return self._answer(q, " ".join(sentences), found=True, passages=passages)

    # -- absence --------------------------------------------------------------------------------
    def _not_present(self, m: Meeting) -> tuple[list[Person], list[Person]]:
        """(listed as absent, invited but not among the attendees) of one meeting."""
        absent = list(m.absent)
        rest = [p for p in m.invited
                if not any(names_match(p.name, a.name) for a in [*m.attendees, *absent])]
        return absent, rest

    def _absence(self, q: Question, today: date, detail: Detail) -> Answer:
        ms = self._select(q, today, lambda m: bool(m.absent or m.invited))
        if q.person:
            ms = [m for m in self.meetings if (m.absent or m.invited) and q.time.accepts(m.date)]
        if not ms:
            if (no_minutes := self._no_meeting_in(q)) is not None:
                return no_minutes
            return self._answer(q, say.no_absence(q.language, q.time.text), found=False)
        sentences, passages = [], []
        for m in reversed(ms[-5:]):
            absent, rest = self._not_present(m)
            if q.person:
                absent = [p for p in absent if names_match(q.person, p.name)]
                rest = [p for p in rest if names_match(q.person, p.name)]
                if not absent and not rest:
                    continue
            label = say.meeting_label(m.title, m.date, q.language)
            sentences.append(say.absence_sentence([p.name for p in absent], [p.name for p in rest], label, q.language))
            # the absent list, and the invitation list (which shows who was invited)
            for block in (absent and m.absent, rest and m.invited) if (absent or rest) else (m.invited,):
                if block:
                    span = (min(p.span[0] for p in block), max(p.span[1] for p in block))
                    passages.append(self._span_passage(m, span))
            detail.names.extend(p.name for p in [*absent, *rest])
            detail.sources.append(m.source)
        if not sentences:
            name = q.person or ""
            return self._answer(q, say.person_not_absent(name, q.language), found=False)
        return self._answer(q, " ".join(sentences), found=True, passages=passages)

    # -- roles ----------------------------------------------------------------------------------
    def _role(self, q: Question, today: date, detail: Detail) -> Answer | None:
        get = (lambda m: m.chair) if q.role == "chair" else (lambda m: m.secretary)
        ms = self._select(q, today, lambda m: get(m) is not None)
        if not ms:
            if (no_minutes := self._no_meeting_in(q)) is not None:
                return no_minutes
            if q.words and not any(get(m) for m in self.meetings):
                return None  # "who was re-elected as chair?": the text may say, search it
            # No minutes (of that time) name one: say so.
            return self._answer(q, say.no_role(q.role, q.language, q.time.text), found=False)
        ms = ms[-5:]
        sentences, passages = [], []
        for m in reversed(ms):
            p: Person = get(m)
            sentences.append(say.role_sentence(q.role, p.name, say.meeting_label(m.title, m.date, q.language), q.language))
            passages.append(self._span_passage(m, p.span, highlight=self.snapshot.documents[m.source][p.span[0]:p.span[1]]))
            detail.names.append(p.name)
            detail.sources.append(m.source)
        return self._answer(q, " ".join(sentences), found=True, passages=passages)

    # -- a person -------------------------------------------------------------------------------
    def _person(self, q: Question, today: date, k: int, detail: Detail) -> Answer | None:
        person = q.person
        known = self.names.find(person)
        display = known[0].name if known else person
        attended = []
        for m in self.meetings:
            if not q.time.accepts(m.date):
                continue
            for p in m.attendees:
                if names_match(person, p.name):
                    attended.append((m, p))
                    break
        if q.person_attended:
            detail.names = [display]
            if not attended:
                return self._answer(q, say.person_not_attending(display, q.language), found=False)
            labels = [say.meeting_label(m.title, m.date, q.language) for m, _ in attended]
            passages = [self._span_passage(m, p.span, highlight=self.snapshot.documents[m.source][p.span[0]:p.span[1]])
                        for m, p in attended]
            detail.sources = [m.source for m, _ in attended]
            return self._answer(q, say.person_meetings_sentence(display, labels, q.language), found=True,
                                passages=passages)
        # What the person said or presented: passages that name them, best match first.
        mentions: dict[int, list[tuple[int, int]]] = {}
        for row, c in enumerate(self.snapshot.chunks):
            if not q.time.accepts(c.meeting_date):
                continue
            spans = find_in_text(c.text, person)
            spans = [(s, e) for s, e in spans if not self._in_attendee_list(c, s)]
            if spans:
                mentions[row] = spans
        if not mentions:
            return None
        concepts = self.retriever.concepts(q.words, q.language)
        if concepts:
            got = self.retriever.search(q.text, q.words, allowed=set(mentions), k=k, concepts=concepts, language=q.language)
            rows = [h.row for h in got.hits]
            scores = {h.row: h.score for h in got.hits}
        else:
            rows = sorted(mentions, key=lambda r: (self.snapshot.chunks[r].meeting_date or "", -r), reverse=True)[:k]
            scores = {r: 1.0 for r in rows}
        passages = []
        for r in rows:
            c = self.snapshot.chunks[r]
            hl = say.highlight(c.text, concepts, self._lang(c.source), must=mentions[r], idf=self.retriever.bm25.idf,
                               section=c.section)
            passages.append(self._chunk_passage(r, scores[r], hl))
        top = passages[0]
        detail.names = [display]
        detail.sources = [p.source for p in passages]
        label = say.meeting_label(top.title, top.meeting_date, q.language)
        return self._answer(q, say.person_search_sentence(display, top.highlight, label, q.language), found=True,
                            passages=passages)

    def _in_attendee_list(self, c, offset: int) -> bool:
        m = self.snapshot.meetings.get(c.source)
        if m is None or m.attendees_span is None:
            return False
        pos = c.start + offset
        return m.attendees_span[0] <= pos < m.attendees_span[1]

    def _is_attendee_chunk(self, row: int) -> bool:
        c = self.snapshot.chunks[row]
        m = self.snapshot.meetings.get(c.source)
        if m is None or m.attendees_span is None:
            return False
        s, e = m.attendees_span
        overlap = min(e, c.end) - max(s, c.start)
        return overlap > 0.5 * (c.end - c.start)

    def _lang(self, source: str) -> str:
        m = self.snapshot.meetings.get(source)
        return m.language if m else "sv"

    def _chunk_passage(self, row: int, score: float, hl: str | None, *, span: tuple[int, int] | None = None,
                       quote: str | None = None) -> Passage:
        """The passage of chunk ``row``, or of ``span`` (document offsets; ``quote`` is its text)
        when it reaches beyond the chunk. The title falls back to the meeting's."""
        c = self.snapshot.chunks[row]
        s, e = span or (c.start, c.end)
        m = self.snapshot.meetings.get(c.source)
        return Passage(source=c.source, meeting_date=c.meeting_date, title=c.title or (m.title if m else None),
                       quote=c.text if quote is None else quote, score=round(float(score), 4), start=s, end=e,
                       highlight=hl)

    # -- search ---------------------------------------------------------------------------------
    def _body_span(self, row: int) -> tuple[int, int]:
        """A heading-only chunk quotes nothing: extend it over the next chunk of the same
        section (contiguous in the document, so the quote stays verbatim)."""
        c = self.snapshot.chunks[row]
        if row in self.retriever.thin and row + 1 < len(self.snapshot.chunks):
            n = self.snapshot.chunks[row + 1]
            if n.source == c.source and (n.section == c.section or not n.section) and n.start >= c.start:
                return c.start, n.end
        return c.start, c.end

    def _search_passage(self, row: int, score: float, concepts, **kw) -> Passage:
        c = self.snapshot.chunks[row]
        s, e = self._body_span(row)
        text = self.snapshot.documents[c.source][s:e] if (s, e) != (c.start, c.end) else c.text
        hl = say.highlight(text, concepts, self._lang(c.source), idf=self.retriever.bm25.idf, section=c.section, **kw)
        if hl is None:
            hl = say.first_body_sentence(text, c.section)
        return self._chunk_passage(row, score, hl, span=(s, e), quote=text)

    def _meetings_answer(self, q: Question, ms: list[Meeting], detail: Detail) -> Answer:
        """A question with a time and nothing else to search for ("when was the last meeting?"):
        which meetings the minutes hold, quoting where each gives its date (or title)."""
        labels, passages = [], []
        for m in reversed(ms[-5:]):
            labels.append(say.meeting_label(m.title, m.date, q.language))
            span = m.date_span or m.title_span
            if span:
                passages.append(self._span_passage(m, span))
            detail.sources.append(m.source)
        text = say.meetings_held_sentence(labels, q.time.last, q.language)
        return self._answer(q, text, found=True, passages=passages, intent=SEARCH)

    def _search(self, q: Question, today: date, k: int, detail: Detail) -> Answer:
        allowed = None
        words = list(q.words)
        ms: list[Meeting] = []
        if q.time:
            ms = [m for m in self.meetings if q.time.accepts(m.date)]
            if q.time.last:
                ms = self._past(ms, today)[-1:]
            if not ms and words and not q.time.year and not q.time.last:
                # "the conference in January": no minutes from January, but minutes may speak of
                # January; search them all with the month as one more word
                words += [w for w in tokens(q.time.text) if w not in words]
            elif not ms:
                return self._answer(q, say.no_meeting_in(q.time.text, q.language), found=False, intent=SEARCH)
            else:
                allowed = self._rows(ms)
        concepts = self.retriever.concepts(words, q.language)
        if not concepts and ms:
            return self._meetings_answer(q, ms, detail)
        got = self.retriever.search(q.text, words, allowed=allowed, k=k + 3, concepts=concepts, language=q.language,
                                    entities=q.entities)
        # Attendee lists match "present", "Sweden", organisation names... but answer attendance
        # questions, which are handled above; in a search they go after the prose.
        hits = [h for h in got.hits if not self._is_attendee_chunk(h.row)]
        hits = hits + [h for h in got.hits if h not in hits]
        if hits and self.mode == "hybrid":
            best = hits[0].score
            hits = hits[:1] + [h for h in hits[1:] if h.score >= RELATIVE_CUTOFF * best
                               and (h.matched or h.dense >= self.retriever.threshold)]
        got.hits = hits[:k]
        answerable = got.answerable or (not concepts and allowed is not None and bool(got.hits))
        if not answerable:
            return self._answer(q, say.offtopic_sentence(q.language), found=False, intent=OFFTOPIC)
        passages = [self._search_passage(h.row, h.score, concepts) for h in got.hits]
        top = passages[0]
        detail.sources = [p.source for p in passages]
        label = say.meeting_label(top.title, top.meeting_date, q.language)
        text = say.search_sentence(top.highlight or top.quote.split("\n", 1)[0], label, q.language)
        return self._answer(q, text, found=True, passages=passages, intent=SEARCH)
