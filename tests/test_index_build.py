"""Incremental indexing, bad input, model checks and crash safety, on a fake embedder."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index import atomic, store
from index.build import build_generation
from index.errors import CorpusMissing, IndexBusy, IndexMissing, ModelMismatch
from index.store import load_index
from tests.conftest import ROOT, FakeEmbedder
from tests.helpers import make_docx, make_pdf, segment_of

EXTRA = """Protokoll styrelsemöte den 3 mars 2023

Närvarande: Anna Berg, Erik Ek

1 Budget
Styrelsen beslutade att budgeten för 2023 godkänns.
"""


def build(corpus: Path, index: Path, emb=None, **kw):
    return build_generation(corpus, index, emb or FakeEmbedder(), **kw)


def test_first_build_indexes_every_file(corpus_copy, tmp_path):
    emb = FakeEmbedder()
    report = build(corpus_copy, tmp_path / "ix", emb)
    assert sorted(report.added) == sorted(p.name for p in corpus_copy.iterdir())
    assert report.updated == report.removed == report.skipped == []
    assert report.unchanged == 0
    snap = load_index(tmp_path / "ix")
    assert report.chunks_embedded == len(snap.chunks) == snap.vectors.ntotal > 0
    assert set(snap.meetings) == set(report.added)
    for c in snap.chunks:  # offsets and text agree: quotes will be verbatim
        assert snap.documents[c.source][c.start:c.end] == c.text
        assert c.meeting_date == snap.meetings[c.source].date


def test_second_run_embeds_nothing(corpus_copy, tmp_path):
    build(corpus_copy, tmp_path / "ix")
    gen = store.current_generation(tmp_path / "ix")
    emb = FakeEmbedder()
    report = build(corpus_copy, tmp_path / "ix", emb)
    assert (report.added, report.updated, report.removed, report.unchanged) == ([], [], [], 2)
    assert report.chunks_embedded == 0 and emb.calls == []
    assert store.current_generation(tmp_path / "ix") == gen  # nothing rewritten


def test_adding_one_file_embeds_only_that_file(corpus_copy, tmp_path):
    build(corpus_copy, tmp_path / "ix")
    before = load_index(tmp_path / "ix")
    (corpus_copy / "sub").mkdir()
    (corpus_copy / "sub" / "2023-03-03-styrelse.txt").write_text(EXTRA, encoding="utf-8")
    emb = FakeEmbedder()
    report = build(corpus_copy, tmp_path / "ix", emb)
    after = load_index(tmp_path / "ix")
    new_rows = after.chunk_rows("sub/2023-03-03-styrelse.txt")
    assert report.added == ["sub/2023-03-03-styrelse.txt"] and report.unchanged == 2
    assert report.chunks_embedded == sum(emb.calls) == len(new_rows) > 0
    assert len(after.chunks) == len(before.chunks) + len(new_rows)
    # Vectors of unchanged files are carried over exactly.
    for source in before.meetings:
        assert (before.vectors_of(before.chunk_rows(source)) == after.vectors_of(after.chunk_rows(source))).all()


def test_change_and_delete(corpus_copy, tmp_path):
    build(corpus_copy, tmp_path / "ix")
    names = sorted(p.name for p in corpus_copy.iterdir())
    changed, deleted = corpus_copy / names[0], corpus_copy / names[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nTillägg: budgeten godkändes.\n", encoding="utf-8")
    deleted.unlink()
    report = build(corpus_copy, tmp_path / "ix")
    assert report.updated == [names[0]] and report.removed == [names[1]] and report.added == []
    snap = load_index(tmp_path / "ix")
    assert set(snap.meetings) == {names[0]}
    assert all(c.source == names[0] for c in snap.chunks)
    assert any("budgeten godkändes" in c.text for c in snap.chunks)


def test_rebuild_starts_over(corpus_copy, tmp_path):
    build(corpus_copy, tmp_path / "ix")
    emb = FakeEmbedder()
    report = build(corpus_copy, tmp_path / "ix", emb, rebuild=True)
    assert len(report.added) == 2 and report.chunks_embedded == sum(emb.calls) > 0


def test_bad_inputs_are_skipped_with_reasons(corpus_copy, tmp_path, monkeypatch):
    build(corpus_copy, tmp_path / "ix")
    (corpus_copy / "empty.txt").write_bytes(b"")
    (corpus_copy / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (corpus_copy / "broken.pdf").write_bytes(b"%PDF-1.4\ngarbage")
    (corpus_copy / "broken.docx").write_bytes(b"PK\x03\x04garbage")
    (corpus_copy / "budget.xlsx").write_bytes(b"PK\x03\x04")
    (corpus_copy / "locked.txt").write_text("Närvarande: Anna Berg")
    (corpus_copy / ".DS_Store").write_bytes(b"\x00\x01")  # hidden files are not minutes
    real_read = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = build(corpus_copy, tmp_path / "ix")
    reasons = {s["file"]: s["reason"] for s in report.skipped}
    assert reasons == {
        "empty.txt": "empty file",
        "image.md": "binary content in a text file",
        "broken.pdf": "corrupt or unreadable PDF file",
        "broken.docx": "corrupt or unreadable DOCX file",
        "budget.xlsx": "unsupported file type .xlsx",
        "locked.txt": "cannot read file: permission denied",
    }
    assert report.unchanged == 2 and report.added == []
    assert len(load_index(tmp_path / "ix").meetings) == 2  # nothing already indexed is lost


def test_file_that_turns_bad_keeps_its_last_good_version(corpus_copy, tmp_path):
    build(corpus_copy, tmp_path / "ix")
    before = load_index(tmp_path / "ix")
    victim = sorted(corpus_copy.iterdir())[0]
    victim.write_bytes(b"")
    report = build(corpus_copy, tmp_path / "ix")
    assert report.skipped == [{"file": victim.name, "reason": "empty file; keeping the previously indexed version"}]
    after = load_index(tmp_path / "ix")
    assert after.documents[victim.name] == before.documents[victim.name]


def test_docx_and_pdf_minutes(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_docx(corpus / "2023-03-01-board.docx", ["Minutes of the board meeting 1 March 2023", "Present:", "Anna Berg, chair", "Erik Ek, treasurer"])
    make_pdf(corpus / "2023-04-01-board.pdf", ["Minutes of the board meeting 1 April 2023", "Present: Anna Berg, Erik Ek"])
    report = build(corpus, tmp_path / "ix")
    assert sorted(report.added) == ["2023-03-01-board.docx", "2023-04-01-board.pdf"] and report.skipped == []
    snap = load_index(tmp_path / "ix")
    assert snap.meetings["2023-03-01-board.docx"].date == "2023-03-01"
    assert snap.meetings["2023-04-01-board.pdf"].date == "2023-04-01"


def test_model_mismatch_is_refused(corpus_copy, tmp_path):
    build(corpus_copy, tmp_path / "ix", FakeEmbedder(name="model-a"))
    with pytest.raises(ModelMismatch, match="model-a.*model-b.*--rebuild"):
        build(corpus_copy, tmp_path / "ix", FakeEmbedder(name="model-b"))
    report = build(corpus_copy, tmp_path / "ix", FakeEmbedder(name="model-b", dim=32), rebuild=True)
    assert len(report.added) == 2
    snap = load_index(tmp_path / "ix")
    assert snap.model == "model-b" and snap.vectors.d == 32


def test_missing_index_and_corpus(tmp_path):
    with pytest.raises(IndexMissing, match="run `minutes index` first"):
        load_index(tmp_path / "nothing")
    with pytest.raises(CorpusMissing, match="does not exist"):
        build(tmp_path / "no-corpus", tmp_path / "ix")


def test_one_writer_at_a_time(corpus_copy, tmp_path):
    import fcntl

    ix = tmp_path / "ix"
    ix.mkdir()
    with open(ix / ".lock", "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        with pytest.raises(IndexBusy, match="another process"):
            build(corpus_copy, ix)


def test_crash_before_the_swap_leaves_previous_index(corpus_copy, tmp_path, monkeypatch):
    build(corpus_copy, tmp_path / "ix")
    before = load_index(tmp_path / "ix")
    (corpus_copy / "2023-03-03-styrelse.txt").write_text(EXTRA, encoding="utf-8")

    def crash(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", crash)
    with pytest.raises(OSError):
        build(corpus_copy, tmp_path / "ix")
    monkeypatch.undo()
    after = load_index(tmp_path / "ix")
    assert set(after.meetings) == set(before.meetings) and len(after.chunks) == len(before.chunks)
    report = build(corpus_copy, tmp_path / "ix")  # and the next run completes the work
    assert report.added == ["2023-03-03-styrelse.txt"]


KILL_SCRIPT = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from tests.conftest import FakeEmbedder
from index.build import build_generation

class Slow(FakeEmbedder):
    def embed_documents(self, texts):
        Path({marker!r}).write_text("embedding")
        time.sleep(60)
        return super().embed_documents(texts)

build_generation(Path({corpus!r}), Path({index!r}), Slow())
"""


def test_kill_during_indexing_leaves_previous_index(corpus_copy, tmp_path):
    ix = tmp_path / "ix"
    build(corpus_copy, ix)
    before = load_index(ix)
    (corpus_copy / "2023-03-03-styrelse.txt").write_text(EXTRA, encoding="utf-8")
    marker = tmp_path / "marker"
    script = KILL_SCRIPT.format(root=str(ROOT), marker=str(marker), corpus=str(corpus_copy), index=str(ix))
    proc = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), "indexer never reached the embedding step"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    after = load_index(ix)
    assert set(after.meetings) == set(before.meetings)
    assert [c.text for c in after.chunks] == [c.text for c in before.chunks]
    report = build(corpus_copy, ix)  # the lock died with the process
    assert report.added == ["2023-03-03-styrelse.txt"]


@pytest.mark.parametrize("damaged", ["chunks.jsonl", "columns.npz", "heads.json", "meetings.jsonl"])
def test_damaged_index_is_reported(corpus_copy, tmp_path, damaged):
    from index.errors import IndexCorrupt

    build(corpus_copy, tmp_path / "ix")
    gen = segment_of(store.current_generation(tmp_path / "ix"))
    if damaged == "chunks.jsonl":  # read only by generations without the columns (index/lazy.py)
        (gen / "heads.json").unlink()
        (gen / "columns.npz").unlink()
    (gen / damaged).write_text("{not json\n")
    with pytest.raises(IndexCorrupt, match="--rebuild"):
        load_index(tmp_path / "ix")


def test_each_file_is_read_once(corpus_copy, tmp_path, monkeypatch):
    reads: dict[str, int] = {}
    real_read = Path.read_bytes

    def counting(self):
        reads[self.name] = reads.get(self.name, 0) + 1
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    build(corpus_copy, tmp_path / "ix")
    assert reads and set(reads.values()) == {1}


def test_every_index_file_is_fsynced_before_the_swap(corpus_copy, tmp_path, monkeypatch):
    synced: list[str] = []
    real_fsync = os.fsync

    def spy(fd):
        try:
            synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            pass
        return real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", spy)
    build(corpus_copy, tmp_path / "ix")
    names = {Path(p).name for p in synced}
    assert {"params.json", "meetings.jsonl", "documents.jsonl", "chunks.jsonl", "vectors.npy", "bm25.npz"} <= names


def test_pruning_keeps_the_previous_generation_and_drops_crash_leftovers(corpus_copy, tmp_path):
    ix = tmp_path / "ix"
    build(corpus_copy, ix)
    first = store.current_generation(ix)
    orphan = ix / "gen-000099"  # renamed into place by a build that died before the swap
    shutil.copytree(first, orphan)
    (corpus_copy / "2023-03-03-styrelse.txt").write_text(EXTRA, encoding="utf-8")
    build(corpus_copy, ix)
    live = store.current_generation(ix)
    assert live != first and first.is_dir() and not orphan.exists()
    assert sorted(p.name for p in ix.glob("gen-*")) == sorted([first.name, live.name])


def test_new_pipeline_reparses_every_file_and_embeds_nothing(corpus_copy, tmp_path, monkeypatch):
    """An upgrade of the parser costs parsing, not embedding: every file is parsed again, and
    every chunk whose text is unchanged keeps its vector."""
    from index import build as build_mod
    from index import parse as parse_pkg

    build(corpus_copy, tmp_path / "ix")
    before = load_index(tmp_path / "ix")
    monkeypatch.setattr(build_mod, "pipeline_version", lambda: "test-next-version")
    real_parse = parse_pkg.parse_meeting

    def new_parser(text, source, fields=None, problems=None, macros=None):  # the "new" parser reads titles differently
        m = real_parse(text, source, fields, problems, macros=macros)
        m.title = "NEW " + (m.title or "")
        return m

    monkeypatch.setattr(build_mod, "parse_meeting", new_parser)
    emb = FakeEmbedder()
    report = build(corpus_copy, tmp_path / "ix", emb)
    assert report.reparsed == 2 and report.unchanged == 0
    assert (report.added, report.updated, report.removed) == ([], [], [])
    assert report.chunks_embedded == 0 and emb.calls == []
    after = load_index(tmp_path / "ix")
    assert after.params["pipeline"] == "test-next-version"
    assert all(m.title.startswith("NEW ") for m in after.meetings.values())  # the new parse is used
    old_vec = {c.text: before.vectors_of([i])[0] for i, c in enumerate(before.chunks)}
    for i, c in enumerate(after.chunks):
        assert (after.vectors_of([i])[0] == old_vec[c.text]).all()
    # and with the pipeline unchanged, the next run keeps everything as it is
    again = build(corpus_copy, tmp_path / "ix", FakeEmbedder())
    assert again.reparsed == 0 and again.unchanged == 2


def test_an_index_records_its_pipeline_version(corpus_copy, tmp_path):
    from index.pipeline import pipeline_version

    build(corpus_copy, tmp_path / "ix")
    assert load_index(tmp_path / "ix").params["pipeline"] == pipeline_version()


def test_changed_file_reuses_vectors_of_unchanged_chunks(corpus_copy, tmp_path):
    build(corpus_copy, tmp_path / "ix")
    f = sorted(corpus_copy.iterdir())[0]
    f.write_text(f.read_text(encoding="utf-8") + "\n\nÖvrigt\nEn helt ny mening om loggan.\n", encoding="utf-8")
    emb = FakeEmbedder()
    report = build(corpus_copy, tmp_path / "ix", emb)
    assert report.updated == [f.name]
    chunks_of_file = len(load_index(tmp_path / "ix").chunk_rows(f.name))
    assert 0 < report.chunks_embedded == sum(emb.calls) <= 2 < chunks_of_file
