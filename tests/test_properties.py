"""Property-based tests (hypothesis) of the parser, the date parser and question understanding.

Inputs are drawn from real minutes (lines of the sample corpus and the records test files),
the vocabulary's labels, dates written every way the date parser reads, names, and arbitrary
Unicode (control characters, combining marks, right-to-left text, emoji). Properties: nothing
raises or logs a swallowed exception, and every span/quote is verbatim in its source. Example
counts are fixed (``EXAMPLES``) so the run is bounded; deadlines are off because the shared
machine's speed varies."""
from __future__ import annotations

import datetime as dt
import logging
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine import Engine
from index.lexical import fold
from bot.understand import understand
from index.build import parse_document, build_generation
from index.dates import find_dates, parse_date
from index.store import load_index
from index.vocab import ABSENT_LABELS, CHAIR_LABELS, INVITED_LABELS, MONTHS, PRESENT_LABELS, SECRETARY_LABELS
from tests.conftest import CORPUS, FakeEmbedder

EXAMPLES = 600  # per test (the engine test a third of it): about 3,200 cases in all
PROPS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_DATA = Path(__file__).parent / "data" / "records"
REAL_LINES = sorted({line for folder in (CORPUS, _DATA) for f in sorted(folder.iterdir()) if f.is_file()
                     for line in f.read_text(encoding="utf-8").splitlines() if line.strip()})

ODD = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
# Characters that trip naive text handling: controls, BOM, zero-width, RTL, combining, emoji.
ODD_CHARS = st.sampled_from(["\x00", "\x0b", "\x1b", "\ufeff", "\u200b", "\u202e", "\u0301", "\u00a0",
                             "\r", "\t", "§", "–", "😀", "ﬁ", "İ", "ß", "\u2028"])
NAMES = st.sampled_from(["Anna Andersson", "Per-Olof Öberg", "Åsa Ek", "Lars Nilsson (S)", "Maria af Ugglas",
                         "Jean-Luc D'Arcy", "Bo", "Kim Lê", "Ørjan Ås"])
# The vocabulary's labels that are words (some are regular expressions), and a few more.
LABELS = st.sampled_from([lab for lab in (*PRESENT_LABELS, *ABSENT_LABELS, *INVITED_LABELS, *CHAIR_LABELS,
                                          *SECRETARY_LABELS) if re.fullmatch(r"[\w .-]+", lab)]
                         + ["Datum", "Date", "Nästa möte", "Next meeting", "Beslut", "Ansvarig", "Action"])


@st.composite
def dates(draw):
    """A date and one way minutes write it, with the text the date parser must read it from."""
    d = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31)))
    month = draw(st.sampled_from(sorted(n for n, v in MONTHS.items() if v == d.month)))
    form = draw(st.sampled_from(["iso", "dotted", "dmy", "mdy", "slash"]))
    text = {
        "iso": f"{d.year}-{d.month:02d}-{d.day:02d}",
        "dotted": f"{d.day}.{d.month}.{d.year}",
        "dmy": f"{d.day} {month} {d.year}",
        "mdy": f"{month.capitalize()} {d.day}, {d.year}",
        "slash": f"{d.day}/{d.month}/{d.year}",
    }[form]
    return d, text


LINE = st.one_of(
    st.sampled_from(REAL_LINES),
    st.builds(lambda lab, names: f"{lab.capitalize()}: {', '.join(names)}", LABELS, st.lists(NAMES, max_size=4)),
    st.builds(lambda lab, d: f"{lab.capitalize()}: {d[1]}", LABELS, dates()),
    st.builds(lambda n, h: f"§ {n} {h}", st.integers(0, 99), st.sampled_from(REAL_LINES)),
    st.builds(lambda bullet, names: f"{bullet} {names}", st.sampled_from(["-", "*", "•", "1.", "a)"]), NAMES),
    ODD,
    st.builds("".join, st.lists(ODD_CHARS, max_size=5)),
)
DOCUMENT = st.lists(LINE, max_size=30).map("\n".join)
SPLICED = st.builds(lambda doc, odd, at: doc[:at] + odd + doc[at:], DOCUMENT, ODD,
                    st.integers(0, 2000))  # odd characters inside a line, not only beside it


class _Swallowed(logging.Handler):
    """The parser catches every exception of a step and logs it; here that counts as a failure."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def _parse(text: str):
    handler = _Swallowed()
    loggers = [logging.getLogger("index.parse"), logging.getLogger("index.records")]
    for lg in loggers:
        lg.addHandler(handler)
    try:
        meeting, chunks = parse_document(text, "2023-05-04-property.txt")
    finally:
        for lg in loggers:
            lg.removeHandler(handler)
    assert not handler.records, handler.records[0].getMessage()
    return meeting, chunks


def _at(text, span, what):
    s, e = span
    assert 0 <= s <= e <= len(text), f"{what} span {span} outside the text"
    return text[s:e]


def _words_in(value: str, quoted: str) -> bool:
    return all(w in quoted for w in re.findall(r"\w+", value or ""))


def _check_meeting(text, m, chunks):
    # Names and titles are tidied ("Helena, Strigård" is Helena Strigård); their spans are
    # what is quoted, and every word of the value stands in its span.
    if m.title_span:
        assert _words_in(m.title, _at(text, m.title_span, "title"))
    if m.date_span:
        _at(text, m.date_span, "date")
    for p in [*m.attendees, *m.invited, *m.absent, *(x for x in (m.chair, m.secretary) if x)]:
        assert p.name.strip() and _words_in(p.name, _at(text, p.span, "person")), p
    if m.next_meeting:
        assert _at(text, m.next_meeting.span, "next meeting") == m.next_meeting.quote
    for i in m.items:
        assert _at(text, i.heading_span, "item heading") == i.heading
        _at(text, i.span, "item")
    for d in m.decisions:
        assert _at(text, d.text_span, "decision") == d.text
        _at(text, d.span, "decision statement")
        if d.vote:
            _at(text, d.vote.span, "vote")
    for a in m.actions:
        assert _at(text, a.task_span, "action") == a.task
        _at(text, a.span, "action statement")
    for r in m.roles:
        assert _at(text, r.name_span, "role holder") == r.name
    for c in chunks:
        assert _at(text, (c.start, c.end), "chunk") == c.text


@PROPS
@given(DOCUMENT)
def test_parsing_minutes_like_text_quotes_only_what_is_there(text):
    _check_meeting(text, *_parse(text))


@PROPS
@given(st.one_of(SPLICED, st.text(max_size=400)))
def test_parsing_odd_text_never_fails(text):
    _check_meeting(text, *_parse(text))


@PROPS
@given(st.lists(st.one_of(dates(), ODD.map(lambda s: (None, s)), st.sampled_from(REAL_LINES).map(lambda s: (None, s))),
                max_size=8))
def test_every_written_date_is_found_at_its_span(parts):
    text, expected = "", []
    for d, part in parts:
        if text:
            text += " . "
        if d is not None:
            expected.append((d, (len(text), len(text) + len(part))))
        text += part
    found = find_dates(text)
    spans = [span for _, span in found]
    assert spans == sorted(spans) and all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # no overlaps
    for date, span in found:
        assert parse_date(_at(text, span, "date")) == date  # the span alone says the same date
    for item in expected:
        assert item in found, (item, found)


@PROPS
@given(st.one_of(st.text(max_size=300), SPLICED.map(lambda s: s[:300])), st.dates(dt.date(1990, 1, 1), dt.date(2060, 1, 1)),
       st.booleans())
def test_date_parser_never_fails_and_spans_are_verbatim(text, base, forward):
    for date, span in find_dates(text, base=base, forward=forward):
        assert isinstance(date, dt.date)
        _at(text, span, "date")


QUESTION_PARTS = st.sampled_from([
    "who attended", "vilka var närvarande", "vem var ordförande", "what was decided about", "vad beslutades om",
    "när är nästa möte", "open action items", "hur många", "the last meeting", "förra mötet", "i mars 2023",
    "between 2019 and 2021", "Anna Andersson", "budget", "?", "and", "och", "@", "<@U123>", "ConCats", "§ 4",
])
QUESTION = st.one_of(st.lists(st.one_of(QUESTION_PARTS, NAMES, ODD, ODD_CHARS), min_size=1, max_size=8).map(" ".join),
                     st.text(max_size=200))


@PROPS
@given(QUESTION)
def test_understanding_any_question_never_fails(q):
    question = understand(q)
    assert question.language in ("sv", "en")
    assert question.intent is not None
    if question.person:
        assert question.person in q  # "as written in it"
    folded = fold(q)
    for e in question.entities:  # folded (lower case, NFC) words of the question
        assert e in folded
    assert all(w == w.lower() for w in question.words)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    """The engine over the sample corpus and the records test files, with the fake embedder."""
    corpus = tmp_path_factory.mktemp("corpus")
    for folder in (CORPUS, _DATA):
        for f in folder.iterdir():
            shutil.copy(f, corpus / f.name)
    index_dir = tmp_path_factory.mktemp("ix")
    build_generation(corpus, index_dir, FakeEmbedder())
    snap = load_index(index_dir)
    return Engine(snap, FakeEmbedder()), snap


@settings(max_examples=EXAMPLES // 3, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(QUESTION)
def test_answers_to_any_question_quote_verbatim(engine, q):
    eng, snap = engine
    answer = eng.ask(q, today=dt.date(2025, 1, 1))
    for p in answer.passages:
        assert snap.documents[p.source][p.start:p.end] == p.quote
        assert p.highlight is None or p.highlight in p.quote
    nm = answer.next_meeting
    assert nm is None or nm.quote is None or nm.quote in snap.documents[nm.source]
