"""The service shared by CLI and Slack: uploads, corpus watching, answering during updates."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

from bot.service import MinutesService, safe_filename
from index.store import load_index
from tests.conftest import FakeEmbedder

MINUTES = "Protokoll styrelsemöte den 3 mars 2023\n\nNärvarande: Anna Berg, Erik Ek\n\n1 Budget\nBudgeten godkändes.\n"


@pytest.mark.parametrize("raw,safe", [
    ("../../evil.txt", "evil.txt"),
    ("..\\..\\windows\\evil.md", "evil.md"),
    ("/etc/passwd", "passwd"),
    (".hidden.txt", "hidden.txt"),
    ("Protokoll 2023-03-03 (slutlig).DOCX", "Protokoll_2023-03-03_slutlig.docx"),
    ("möte<script>.txt", "möte_script.txt"),
    ("...", "minutes"),
])
def test_safe_filename(raw, safe):
    assert safe_filename(raw) == safe


def test_add_file_stores_and_indexes(service, corpus_copy):
    result = service.add_file("../../2023-03-03 styrelse.txt", MINUTES.encode())
    assert result.error is None and result.duplicate_of is None
    assert result.stored_as == "2023-03-03_styrelse.txt"
    assert (corpus_copy / "2023-03-03_styrelse.txt").read_text(encoding="utf-8") == MINUTES
    assert result.meeting is not None and result.meeting.date == "2023-03-03" and result.chunks > 0
    assert not list(corpus_copy.parent.glob("*.txt"))  # nothing escaped the corpus
    assert service.status().meetings == 3


def test_add_same_content_is_a_duplicate(service, corpus_copy):
    sample = sorted(corpus_copy.iterdir())[0]
    result = service.add_file("copy.txt", sample.read_bytes())
    assert result.duplicate_of == sample.name and result.stored_as is None
    assert not (corpus_copy / "copy.txt").exists()


def test_add_never_overwrites_a_different_file(service, corpus_copy):
    first = service.add_file("m.txt", MINUTES.encode())
    second = service.add_file("m.txt", MINUTES.replace("3 mars", "4 mars").encode())
    assert (first.stored_as, second.stored_as) == ("m.txt", "m-2.txt")
    assert "3 mars" in (corpus_copy / "m.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name,data,reason", [
    ("x.exe", b"MZ", "unsupported file type"),
    ("x.txt", b"", "empty file"),
    ("x.pdf", b"%PDF-1.4 garbage", "corrupt or unreadable PDF"),
])
def test_add_refuses_bad_files_and_stores_nothing(service, corpus_copy, name, data, reason):
    before = sorted(p.name for p in corpus_copy.iterdir())
    result = service.add_file(name, data)
    assert result.stored_as is None and reason in result.error and name in result.error
    assert sorted(p.name for p in corpus_copy.iterdir()) == before


def test_check_corpus_notices_new_changed_deleted(service, corpus_copy):
    assert service.check_corpus() is None  # nothing changed
    (corpus_copy / "new.txt").write_text(MINUTES, encoding="utf-8")
    report = service.check_corpus()
    assert report.added == ["new.txt"]
    (corpus_copy / "new.txt").unlink()
    assert service.check_corpus().removed == ["new.txt"]


def test_watcher_thread_updates_the_index(corpus_copy, tmp_path):
    s = MinutesService(corpus_copy, tmp_path / "ix", FakeEmbedder(), watch_interval=0.05)
    s.reindex()
    s.start_watching()
    try:
        (corpus_copy / "new.txt").write_text(MINUTES, encoding="utf-8")
        for _ in range(200):
            if s.status().meetings == 3:
                break
            threading.Event().wait(0.05)
        assert s.status().meetings == 3
    finally:
        s.stop()


def test_questions_use_last_complete_index_during_an_update(service, corpus_copy):
    """While a slow update embeds, ask() answers from the previous engine."""
    gate, entered = threading.Event(), threading.Event()
    real = service.embedder.embed_documents

    def slow(texts):
        entered.set()
        gate.wait(10)
        return real(texts)

    service.embedder.embed_documents = slow
    (corpus_copy / "new.txt").write_text(MINUTES, encoding="utf-8")
    t = threading.Thread(target=service.reindex)
    t.start()
    try:
        assert entered.wait(10)
        answer = service.converse("budget")[0]
        assert all(p.source != "new.txt" for p in answer.passages)
        assert service.status().meetings == 2
    finally:
        gate.set()
        t.join(10)
    assert service.status().meetings == 3
    assert "new.txt" in load_index(service.index_dir).meetings


def test_add_to_unwritable_corpus_is_a_clear_refusal(service, monkeypatch):
    def denied(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("index.atomic.tempfile.mkstemp", denied)
    result = service.add_file("m.txt", MINUTES.encode())
    assert result.stored_as is None
    assert result.error == "m.txt: cannot store it in the corpus folder: Permission denied"


def _hold_index_lock(index_dir: Path):
    import fcntl

    f = open(index_dir / ".lock", "w")
    fcntl.flock(f, fcntl.LOCK_EX)
    return f


def test_a_failed_update_is_retried(service, corpus_copy):
    from index.errors import IndexBusy

    (corpus_copy / "new.txt").write_text(MINUTES, encoding="utf-8")
    lock = _hold_index_lock(service.index_dir)  # `minutes index` running in a shell
    try:
        with pytest.raises(IndexBusy):
            service.check_corpus()
    finally:
        lock.close()
    report = service.check_corpus()
    assert report is not None and report.added == ["new.txt"]
    assert service.status().meetings == 3


def test_upload_while_the_index_is_busy_is_stored_and_indexed_later(service, corpus_copy):
    lock = _hold_index_lock(service.index_dir)
    try:
        result = service.add_file("m.txt", MINUTES.encode())
    finally:
        lock.close()
    assert result.stored_as == "m.txt" and result.error is None
    assert "another process is updating the index" in result.pending
    assert service.status().meetings == 2
    assert service.check_corpus().added == ["m.txt"]  # what the watcher does next
    assert service.status().meetings == 3


def test_an_index_built_by_another_process_is_picked_up(service, corpus_copy):
    from index.build import build_generation

    (corpus_copy / "new.txt").write_text(MINUTES, encoding="utf-8")
    build_generation(corpus_copy, service.index_dir, FakeEmbedder())  # `minutes index` in a shell
    assert service.status().meetings == 2
    report = service.reindex()  # finds nothing to do, but the generation on disk is newer
    assert report.added == [] and service.status().meetings == 3


def test_a_slow_first_load_never_replaces_a_newer_engine(corpus_copy, tmp_path):
    from bot.engine import Engine

    started, release = threading.Event(), threading.Event()
    calls = []

    def slow_factory(snapshot, embedder):
        calls.append(snapshot.path)
        if len(calls) == 1:  # the first question's load stalls
            started.set()
            release.wait(10)
        return Engine(snapshot, embedder)

    s = MinutesService(corpus_copy, tmp_path / "ix", FakeEmbedder(), engine_factory=slow_factory)
    from index.build import build_generation

    build_generation(corpus_copy, tmp_path / "ix", s.embedder)
    asker = threading.Thread(target=s.engine)
    asker.start()
    assert started.wait(10)
    (corpus_copy / "new.txt").write_text(MINUTES, encoding="utf-8")
    updater = threading.Thread(target=s.reindex)
    updater.start()
    release.set()
    asker.join(10)
    updater.join(10)
    assert s.status().meetings == 3  # the engine in use is the newest
