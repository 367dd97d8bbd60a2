"""`--today` earlier than some minutes: answers cite only minutes dated by then."""
from __future__ import annotations

from datetime import date

import pytest

from index import prepared
from bot.engine import Engine
from bot.held import held_snapshot, later_sources
from index.build import build_generation
from index.store import load_index
from tests.conftest import CORPUS, FakeEmbedder

IKEM = "2015-02-04-ikem-planeringsmote.txt"
SGH = "2021-11-10-samverkansgruppen-halsa-life-science.txt"
QUESTIONS = ["who attended the last meeting?", "vem var ordförande?", "vad sades om hälsoekonomi?",
             "vad sades om life science?", "who attended?", "när är nästa möte?", "when was the last meeting?"]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    idx = tmp_path_factory.mktemp("idx")
    build_generation(CORPUS, idx, FakeEmbedder())
    return Engine(load_index(idx), FakeEmbedder())


def test_meeting_dates_bisect_as_the_scan_does(engine):
    from bot.held import MeetingDates

    snap = engine.snapshot
    dates = MeetingDates(snap)
    for day in (date(1990, 1, 1), date(2015, 2, 4), date(2015, 2, 5), date(2016, 1, 1), date(2099, 1, 1)):
        assert dates.later(day) == later_sources(snap, day)


def test_the_held_snapshot_keeps_rows_aligned(engine):
    snap = engine.snapshot
    assert later_sources(snap, date(2016, 1, 1)) == {SGH}
    held = held_snapshot(snap, {SGH})
    assert list(held.meetings) == [IKEM] and held.vectors.ntotal == len(held.chunks) == len(snap.chunk_rows(IKEM))
    assert all(c.source == IKEM for c in held.chunks)
    row_of = {c.id: i for i, c in enumerate(snap.chunks)}
    for row, c in enumerate(held.chunks):
        assert (held.vectors.vectors_of([row]) == snap.vectors_of([row_of[c.id]])).all()
    assert held.path is None  # no generation folder: nothing derived is read from or written to one


def test_the_held_view_leaves_the_generations_search_arrays_alone(engine):
    # The generation's stored BM25 arrays describe its own chunk rows; the held view's are its own.
    gen = engine.snapshot.path
    engine.view.retriever  # the full view has read (or written) them
    before = {f.name: f.read_bytes() for f in (gen / prepared.FOLDER).iterdir()}
    held = engine.view_for(date(2016, 1, 1))
    assert len(held.retriever.bm25.lengths) == len(held.chunks) < len(engine.view.chunks)
    assert {f.name: f.read_bytes() for f in (gen / prepared.FOLDER).iterdir()} == before
    assert prepared.read(gen / prepared.FOLDER, len(engine.snapshot.chunks)) is not None


@pytest.mark.parametrize("q", QUESTIONS)
def test_quotes_as_of_an_earlier_day_are_verbatim(engine, q):
    a = engine.ask(q, today=date(2016, 1, 1))
    for p in a.passages:
        doc = engine.snapshot.documents[p.source]
        assert doc[p.start:p.end] == p.quote and (p.highlight is None or p.highlight in p.quote)


@pytest.mark.parametrize("q", QUESTIONS)
def test_no_answer_cites_minutes_after_today(engine, q):
    a = engine.ask(q, today=date(2016, 1, 1))
    cited = {p.source for p in a.passages} | {m.source for m in a.facts.meetings}
    assert SGH not in cited, a.answer


def test_the_last_meeting_is_the_last_one_held_by_today(engine):
    assert engine.ask("who attended the last meeting?", today=date(2016, 1, 1)).passages[0].source == IKEM
    assert engine.ask("who attended the last meeting?", today=date(2030, 1, 1)).passages[0].source == SGH


def test_a_topic_only_later_minutes_hold_is_not_found_then(engine):
    later = engine.ask("vad sades om life science?", today=date(2030, 1, 1))
    assert later.found and later.passages[0].source == SGH
    assert SGH not in {p.source for p in engine.ask("vad sades om life science?", today=date(2016, 1, 1)).passages}


def test_before_every_meeting_all_are_kept_and_views_are_reused(engine):
    assert engine.view_for(date(2000, 1, 1)) is engine.view  # nothing held yet: as the next-meeting answer does
    assert engine.view_for(date(2030, 1, 1)) is engine.view
    v = engine.view_for(date(2016, 1, 1))
    assert v is not engine.view and engine.view_for(date(2017, 6, 1)) is v
