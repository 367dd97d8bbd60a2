"""A generation read from its heads and chunk columns (index/lazy.py) holds the same meetings and
chunks as one read from its JSON lines, decodes no meeting at start-up, answers the same, and
still loads when the columns are missing; the view's names and titles come from the generation."""
from __future__ import annotations

import json

import pytest

from index import prepared
from bot.engine import Engine
from index.names import NameIndex
from index import lazy
from index.build import build_generation
from index.errors import IndexCorrupt
from index.models import Chunk, Meeting
from index.store import current_generation, load_index, write_index
from tests.conftest import FakeEmbedder
from tests.helpers import segment_of

QUESTIONS = ("vad sades om finansiering?", "who attended the last meeting?", "when is the next meeting?",
             "which meetings did Anna Sandström attend?", "who chaired the meeting?", "vilka deltog på planeringsmötet?")


@pytest.fixture
def indexed(corpus_copy, tmp_path):
    build_generation(corpus_copy, tmp_path / "ix", FakeEmbedder())
    return tmp_path / "ix"


def from_lines(gen):
    meetings = [Meeting.model_validate_json(ln) for ln in (gen / "meetings.jsonl").read_text().splitlines() if ln]
    chunks = [Chunk.model_validate(json.loads(ln)) for ln in (gen / "chunks.jsonl").read_text().splitlines() if ln]
    return meetings, chunks


def test_columns_hold_the_same_meetings_and_chunks(indexed):
    gen = segment_of(current_generation(indexed))
    assert (gen / lazy.HEADS).is_file() and (gen / lazy.COLUMNS).is_file()
    snap = load_index(indexed)
    assert isinstance(snap.chunks, lazy.ChunkTable)
    meetings, chunks = from_lines(gen)
    assert [m.source for m in meetings] == list(snap.meetings)
    for m in meetings:
        assert snap.meetings[m.source].full() == m
        assert (snap.meetings[m.source].date, snap.meetings[m.source].title) == (m.date, m.title)
    assert [c.model_dump() for c in snap.chunks] == [c.model_dump() for c in chunks]
    assert snap.chunks[-1] == chunks[-1] and snap.chunks[1:3] == chunks[1:3]
    by_source = {}
    for i, c in enumerate(chunks):
        by_source.setdefault(c.source, []).append(i)
    assert all(snap.chunk_rows(s) == rows for s, rows in by_source.items())


def test_start_up_decodes_no_meeting(indexed):
    snap = load_index(indexed)
    engine = Engine(snap, FakeEmbedder())
    assert not any(m._full for m in snap.meetings.values())
    assert engine.names.find("Anna Sandström")
    assert engine.ask("vad sades om finansiering?").found


def test_answers_equal_those_from_the_json_lines(indexed):
    emb = FakeEmbedder()
    lazy_engine = Engine(load_index(indexed), emb)
    gen = segment_of(current_generation(indexed))
    (gen / lazy.HEADS).unlink()  # as a generation written before the columns
    (gen / lazy.COLUMNS).unlink()
    old = load_index(indexed)
    assert isinstance(old.chunks, list) and isinstance(next(iter(old.meetings.values())), Meeting)
    old_engine = Engine(old, emb)
    for q in QUESTIONS:
        assert lazy_engine.ask(q).to_json_dict() == old_engine.ask(q).to_json_dict(), q


def test_an_undecoded_meeting_is_written_as_it_was_read(indexed):
    gen = segment_of(current_generation(indexed))
    lines = (gen / "meetings.jsonl").read_text().splitlines()
    snap = load_index(indexed)
    write_index(indexed, snap)
    assert (segment_of(current_generation(indexed)) / "meetings.jsonl").read_text().splitlines() == lines
    again = load_index(indexed)
    assert [m.full() for m in again.meetings.values()] == [m.full() for m in snap.meetings.values()]


def test_chunks_not_cut_from_their_document_are_stored_as_lines_only(indexed):
    snap = load_index(indexed)
    chunks = list(snap.chunks)
    chunks[0] = chunks[0].model_copy(update={"text": chunks[0].text + " (edited)"})
    assert lazy.encode(snap.meetings.values(), chunks, snap.documents) is None
    snap.chunks = chunks
    gen = write_index(indexed, snap)
    assert not (segment_of(gen) / lazy.COLUMNS).exists()
    # Read as lines, and caught there: a quote must be its document's text at its offsets.
    with pytest.raises(IndexCorrupt, match="is not its document's text"):
        load_index(indexed)


def test_a_damaged_meeting_line_names_the_index(indexed):
    gen = segment_of(current_generation(indexed))
    lines = (gen / "meetings.jsonl").read_text().splitlines()
    lines[0] = '{"source": 1}'
    (gen / "meetings.jsonl").write_text("\n".join(lines) + "\n")
    snap = load_index(indexed)  # the line count matches: found when the meeting is read
    first = next(iter(snap.meetings.values()))
    with pytest.raises(IndexCorrupt, match="--rebuild"):
        first.attendees


def test_stored_names_and_titles_equal_built_ones(indexed):
    snap = load_index(indexed)
    built = prepared.build(snap)
    read = prepared.read(current_generation(indexed) / prepared.FOLDER, len(snap.chunks), snap.meetings.keys())
    assert read.titles == built.titles and read.titles
    assert {k: (p.name, p.sources) for k, p in read.names.people.items()} == \
        {k: (p.name, p.sources) for k, p in built.names.people.items()}


def test_stored_files_from_other_code_are_rebuilt(indexed, monkeypatch):
    folder = current_generation(indexed) / prepared.FOLDER
    snap = load_index(indexed)
    assert prepared.read(folder, len(snap.chunks)) is not None
    monkeypatch.setattr(prepared, "code_hash", lambda: "another stemmer")
    assert prepared.read(folder, len(snap.chunks)) is None
    assert prepared.load(snap).names.people  # built again


def test_name_index_round_trip():
    names = NameIndex([("Anna Sandström", "a.txt"), ("Eva Tiensuu Janson", "b.txt"), ("anna sandström", "b.txt")])
    back = NameIndex.from_stored(names.stored(["a.txt", "b.txt"]), ["a.txt", "b.txt"])
    assert [p.name for p in back.find("Sandström")] == ["Anna Sandström"]
    assert back.find("Sandström")[0].sources == {"a.txt", "b.txt"}
