"""Generations in segments (index/segments.py): adding, changing or removing one file writes one
segment with that file and links the rest (the same inodes, not a byte of them written), and the
result holds exactly what a full rebuild of the same corpus holds: meetings, documents, chunks,
vectors, search arrays, answers. A failure at any write leaves the previous generation whole."""
from __future__ import annotations

import errno
import os
import shutil

import pytest

from bot.engine import Engine
from index import prepared, segments
from index.build import build_generation
from index.store import current_generation, load_index
from tests.conftest import FakeEmbedder
from tests.helpers import to_format_1

QUESTIONS = ("vad sades om finansiering?", "who attended the last meeting?", "när är nästa möte?",
             "vad beslutade styrelsen om budgeten?", "vilka deltog på planeringsmötet?", "who chaired the meeting?")

MEETING = """Protokoll styrelsemöte den {day} mars 2023

Närvarande: Anna Berg, Erik Ek, Sara Lind

§1 Budget
Styrelsen beslutade att budgeten för 2023 godkänns{extra}.

§2 Nästa möte
Nästa möte hålls den 20 april 2023.
"""


def meeting(day: int, extra: str = "") -> str:
    return MEETING.format(day=day, extra=extra)


def build(corpus, ix, **kw):
    return build_generation(corpus, ix, FakeEmbedder(), **kw)


@pytest.fixture
def grown(corpus_copy, tmp_path):
    """The sample corpus plus two meetings, indexed in two builds: two segments."""
    ix = tmp_path / "ix"
    (corpus_copy / "2023-03-03-styrelse.txt").write_text(meeting(3), encoding="utf-8")
    build(corpus_copy, ix)
    (corpus_copy / "2023-03-10-styrelse.txt").write_text(meeting(10), encoding="utf-8")
    build(corpus_copy, ix)
    assert len(load_index(ix).params["segments"]) == 2
    return corpus_copy, ix


def _full(m):
    return m.full() if hasattr(m, "full") else m


def contents(ix) -> dict:
    """What a generation holds, independent of the order of its rows."""
    snap = load_index(ix)
    ready = prepared.load(snap)
    assert prepared.read(snap.path / prepared.FOLDER, len(snap.chunks), snap.meetings.keys()) is not None
    ids = [c.id for c in snap.chunks]
    bm25 = ready.bm25
    postings = {t: sorted(zip((ids[r] for r in bm25.rows[bm25.indptr[i]:bm25.indptr[i + 1]]),
                              bm25.tf[bm25.indptr[i]:bm25.indptr[i + 1]].tolist(), strict=True))
                for t, i in bm25.ids.items()}
    sources = sorted(snap.meetings)
    return {
        "params": {k: v for k, v in snap.params.items() if k not in ("built_at", "segments")},
        "meetings": {s: _full(m).model_dump() for s, m in snap.meetings.items()},
        "documents": snap.documents, "hashes": snap.hashes,
        "chunks": {c.id: c.model_dump() for c in snap.chunks},
        "vectors": {i: v.tolist() for i, v in zip(ids, snap.vectors_of(list(range(len(ids)))), strict=True)},
        "postings": postings,
        "lengths": dict(zip(ids, bm25.lengths.tolist(), strict=True)),
        "languages": dict(zip(ids, ready.languages, strict=True)),
        "thin": dict(zip(ids, ready.thin.tolist(), strict=True)),
        "names": sorted(ready.names.stored(sources)), "aliases": sorted(map(str, ready.names.learned.rows())),
        "titles": {s: sorted(t) for s, t in ready.titles.items()},
    }


def answers(ix) -> list[dict]:
    engine = Engine(load_index(ix), FakeEmbedder())
    return [engine.ask(q).to_json_dict() for q in QUESTIONS]


def assert_as_full_rebuild(corpus, ix, tmp_path):
    fresh = tmp_path / "fresh"
    build(corpus, fresh)
    assert contents(ix) == contents(fresh)
    assert answers(ix) == answers(fresh)


def _inodes(folder):
    return {f.name: (f.stat().st_ino, f.stat().st_mtime_ns) for f in folder.iterdir()}


CHANGES = {
    "added": lambda c: (c / "2023-03-17-styrelse.txt").write_text(meeting(17), encoding="utf-8"),
    "changed": lambda c: (c / "2023-03-03-styrelse.txt").write_text(meeting(3, ", med ett tillägg"), encoding="utf-8"),
    "removed": lambda c: (c / "2023-03-10-styrelse.txt").unlink(),
    "sample changed": lambda c: (c / "2015-02-04-ikem-planeringsmote.txt").write_text(
        (c / "2015-02-04-ikem-planeringsmote.txt").read_text(encoding="utf-8") + "\nÖvrigt: inget.\n", encoding="utf-8"),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_one_file_changed_equals_a_full_rebuild_and_links_the_rest(grown, tmp_path, change):
    corpus, ix = grown
    before = load_index(ix)
    old = {seg["name"]: _inodes(before.path / seg["name"]) for seg in before.params["segments"]}
    CHANGES[change](corpus)
    report = build(corpus, ix)
    assert report.changed
    after = load_index(ix)
    assert after.path != before.path
    for seg in after.params["segments"]:
        if seg["name"] in old:  # linked: the very same files, none written again
            assert _inodes(after.path / seg["name"]) == old[seg["name"]], seg["name"]
    written = [s for s in after.params["segments"] if s["name"] not in old]
    # At most one new segment, holding the changed file (and what a mostly dead segment kept).
    assert len(written) <= 1
    if change != "removed":
        assert written and sum(len(s["sources"]) for s in written) <= 2
    if change == "changed":  # the old version is a tombstone in the linked first segment
        seg = after.params["segments"][0]
        assert seg["name"] in old and sum(len(after.chunk_rows(s)) for s in seg["sources"]) < seg["rows"]
    assert_as_full_rebuild(corpus, ix, tmp_path)


def test_a_file_changed_back_and_forth_and_removed_stays_equal(grown, tmp_path):
    corpus, ix = grown
    for step in ("changed", "added", "removed", "changed", "sample changed"):
        CHANGES[step](corpus)
        build(corpus, ix)
        assert_as_full_rebuild(corpus, ix, tmp_path)
        (tmp_path / "fresh").rename(tmp_path / f"fresh-{os.urandom(4).hex()}")


def test_mostly_dead_segments_are_rewritten_and_the_count_is_bounded(corpus_copy, tmp_path, monkeypatch):
    monkeypatch.setattr(segments, "MAX_SEGMENTS", 3)
    ix = tmp_path / "ix"
    build(corpus_copy, ix)
    for day in range(1, 8):
        (corpus_copy / f"2023-03-{day:02d}-styrelse.txt").write_text(meeting(day), encoding="utf-8")
        build(corpus_copy, ix)
        assert len(load_index(ix).params["segments"]) <= 3
    assert_as_full_rebuild(corpus_copy, ix, tmp_path)
    # The sample's two files are most of the first segment: with both changed, its few live rows
    # move to the new segment and the segment is no longer linked.
    first = load_index(ix).params["segments"][0]
    for name in ("2015-02-04-ikem-planeringsmote.txt", "2021-11-10-samverkansgruppen-halsa-life-science.txt"):
        (corpus_copy / name).write_text((corpus_copy / name).read_text(encoding="utf-8") + "\nSlut.\n", encoding="utf-8")
    build(corpus_copy, ix)
    after = load_index(ix).params["segments"]
    assert first["name"] not in {s["name"] for s in after} or len(first["sources"]) > 2
    for seg in after:
        rows = sum(len(load_index(ix).chunk_rows(s)) for s in seg["sources"])
        assert 2 * rows >= seg["rows"], seg
    (tmp_path / "fresh").rename(tmp_path / "fresh-1")
    assert_as_full_rebuild(corpus_copy, ix, tmp_path)


def test_a_segment_outlives_the_generation_that_wrote_it(grown, tmp_path):
    corpus, ix = grown
    first = load_index(ix).params["segments"][0]["name"]
    held = load_index(ix)  # a bot answering from this generation while two updates land
    before = answers(ix)
    CHANGES["added"](corpus)
    build(corpus, ix)
    (corpus / "2023-03-24-styrelse.txt").write_text(meeting(24), encoding="utf-8")
    build(corpus, ix)
    assert not held.path.exists()  # pruned
    live = load_index(ix)
    assert first in {s["name"] for s in live.params["segments"]}
    assert (live.path / first / "vectors.npy").stat().st_nlink >= 1
    engine = Engine(held, FakeEmbedder())
    assert [engine.ask(q).to_json_dict() for q in QUESTIONS] == before  # the held one still answers
    assert_as_full_rebuild(corpus, ix, tmp_path)


def test_a_generation_written_before_segments_is_read_and_updated_from(grown, tmp_path):
    corpus, ix = grown
    build(corpus, ix, rebuild=True)  # one segment
    gen = current_generation(ix)
    expected = contents(ix)
    to_format_1(gen)
    got = contents(ix)
    assert got["params"].pop("format") == 1 and expected["params"].pop("format") == 2
    assert got == expected
    CHANGES["added"](corpus)
    build(corpus, ix)
    assert len(load_index(ix).params["segments"]) == 1
    assert_as_full_rebuild(corpus, ix, tmp_path)


class Boom(OSError):
    pass


def _count_fsyncs(monkeypatch, fail_at: int | None) -> list[int]:
    import index.atomic as atomic
    import index.segments as seg_module

    real = os.fsync
    calls = []

    def fsync(fd):
        calls.append(fd)
        if fail_at is not None and len(calls) == fail_at:
            raise Boom(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    monkeypatch.setattr(seg_module.os, "fsync", fsync)
    return calls


def test_a_failure_at_any_write_leaves_the_previous_generation_whole(grown, tmp_path, monkeypatch):
    """Every fsync of an update fails in turn (a full disk showing at that point): the index
    then reads as the previous generation, or as the new one once CURRENT has moved, never
    anything else, and the previous generation's segments are untouched."""
    corpus, ix = grown
    CHANGES["added"](corpus)
    before = contents(ix)
    gen = current_generation(ix)
    files = {seg["name"]: _inodes(gen / seg["name"]) for seg in load_index(ix).params["segments"]}
    calls = _count_fsyncs(monkeypatch, None)
    build(corpus, ix)
    total = len(calls)
    after = contents(ix)
    assert total > 10
    print(f"\n{total} fsyncs in one update, each failed in turn")
    for k in range(1, total + 1):
        monkeypatch.undo()
        (ix / "CURRENT").write_text(gen.name + "\n")
        for extra in ix.glob("gen-*"):
            if extra != gen:
                shutil.rmtree(extra)
        _count_fsyncs(monkeypatch, k)
        try:
            build(corpus, ix)
        except OSError as e:  # Boom, or the same error naming the index folder
            assert e.errno == errno.ENOSPC, e
        monkeypatch.undo()
        assert not list(ix.glob(".tmp-*")), k
        got = contents(ix)
        assert got in (before, after), k
        assert {n: _inodes(gen / n) for n in files} == files, k
    build(corpus, ix)
    assert contents(ix) == after


def test_stored_aliases_include_those_the_texts_state(tmp_path):
    """The arrays a build stores learn handles from the minutes' text ("mnot (Mark
    Nottingham)"), as arrays built at load do; an update adds a new meeting's without rereading
    the others'."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "2023-03-03-minutes.txt").write_text(
        "Minutes of the meeting 3 March 2023\n\nPresent:\n- mnot (Mark Nottingham)\n- Anna Berg\n\n"
        "1 Budget\nThe budget was approved.\n", encoding="utf-8")
    ix = tmp_path / "ix"
    build(corpus, ix)
    snap = load_index(ix)
    stored = prepared.read(snap.path / prepared.FOLDER, len(snap.chunks), snap.meetings.keys())
    assert stored.names.learned.canonical("mnot") == "Mark Nottingham"
    assert stored.names.learned.rows() == prepared.build(snap).names.learned.rows()
    (corpus / "2023-04-03-minutes.txt").write_text(
        "Minutes of the meeting 3 April 2023\n\nPresent:\n- ab (Anna Berg)\n- Mark Nottingham\n\n"
        "1 Budget\nNothing new.\n", encoding="utf-8")
    build(corpus, ix)
    snap = load_index(ix)
    stored = prepared.read(snap.path / prepared.FOLDER, len(snap.chunks), snap.meetings.keys())
    assert stored.names.learned.canonical("ab") == "Anna Berg"
    assert stored.names.learned.canonical("mnot") == "Mark Nottingham"
    assert_as_full_rebuild(corpus, ix, tmp_path)
