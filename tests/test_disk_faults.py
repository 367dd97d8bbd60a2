"""A full disk and an unwritable index folder: `minutes index` fails with one clear line naming
the index folder, and the previous index is left as it was and still answers.

The full disk is a file-size limit in a child (RLIMIT_FSIZE: writes past it fail with EFBIG,
SIGXFSZ ignored) and, in-process, ENOSPC from fsync (where a full disk often shows first). The
unwritable folder is read-only by mode, or immutable (chattr +i) when the tests run as root,
whom modes do not stop."""
from __future__ import annotations

import errno
import os
import resource
import shutil
import signal
import subprocess

import pytest

from bot.cli import main
from bot.service import MinutesService
from index.build import build_generation
from index.store import current_generation, load_index
from tests.conftest import FakeEmbedder
from tests.test_kill_index import run_cli

QUESTION = "Vilka var närvarande på planeringsmötet?"


@pytest.fixture
def indexed(corpus_copy, tmp_path, monkeypatch):
    """An index of the sample corpus, then a corpus change for the next run to write."""
    index_dir = tmp_path / "ix"
    build_generation(corpus_copy, index_dir, FakeEmbedder(name="fake-embedder"))
    for i in range(5):
        src = sorted(corpus_copy.iterdir())[i % 2]
        (corpus_copy / f"{src.stem}-kopia{i}{src.suffix}").write_text(
            src.read_text(encoding="utf-8") + f"\nKopia {i}.\n", encoding="utf-8")
    monkeypatch.setenv("MINUTES_CORPUS_DIR", str(corpus_copy))
    monkeypatch.setenv("MINUTES_INDEX_DIR", str(index_dir))
    monkeypatch.setenv("MINUTES_EMBEDDING_MODEL", "fake-embedder")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("index.embed.load_embedder", lambda name: FakeEmbedder(name=name))
    return corpus_copy, index_dir, current_generation(index_dir)


def _assert_old_index_answers(corpus, index_dir, gen):
    assert current_generation(index_dir) == gen
    assert not list(index_dir.glob(".tmp-gen-*"))
    snap = load_index(index_dir)
    assert len(snap.meetings) == 2
    answer = MinutesService(corpus, index_dir, FakeEmbedder(name="fake-embedder")).converse(QUESTION)[0]
    assert answer.passages and all(snap.documents[p.source][p.start:p.end] == p.quote for p in answer.passages)


def _one_line_naming(err: str, folder) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].endswith(f": {folder}"), lines[0]
    print("\n" + lines[0])
    return lines[0]


def test_file_size_limit_in_a_child(indexed, tmp_path):
    corpus, index_dir, gen = indexed
    limit = 4096  # smaller than the new documents.jsonl, larger than the lock file

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # else the kernel kills the child
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = run_cli(corpus, index_dir, "index", cwd=tmp_path, preexec_fn=small_files)
    assert done.returncode == 2
    line = _one_line_naming(done.stderr, index_dir)
    assert "too large" in line.lower() or "space" in line.lower()
    _assert_old_index_answers(corpus, index_dir, gen)
    assert run_cli(corpus, index_dir, "index", cwd=tmp_path).returncode == 0  # room again: it completes
    assert len(load_index(index_dir).meetings) == 7


def test_no_space_left_on_device(indexed, capsys, monkeypatch):
    corpus, index_dir, gen = indexed

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("index.atomic.os.fsync", full)
    assert main(["index"]) == 2
    line = _one_line_naming(capsys.readouterr().err, index_dir)
    assert "No space left on device" in line
    monkeypatch.undo()
    _assert_old_index_answers(corpus, index_dir, gen)


@pytest.fixture
def read_only(indexed):
    """The index folder made unwritable; restored afterwards so it can be removed."""
    _, index_dir, _ = indexed
    if os.geteuid() == 0:
        if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(index_dir)]).returncode:
            pytest.skip("root, and no chattr +i on this filesystem: cannot make a folder unwritable")
        yield indexed
        subprocess.run(["chattr", "-i", str(index_dir)], check=True)
    else:
        index_dir.chmod(0o555)
        yield indexed
        index_dir.chmod(0o755)


def test_unwritable_index_folder(read_only, capsys):
    corpus, index_dir, gen = read_only
    assert main(["index"]) == 2
    _one_line_naming(capsys.readouterr().err, index_dir)
    _assert_old_index_answers(corpus, index_dir, gen)
    assert main(["ask", QUESTION]) == 0
