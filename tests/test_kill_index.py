"""SIGKILL of `minutes index` (a child process) at random points of a full build and of an
incremental update: after every kill the index on disk loads, is one complete generation (the
previous one, or the new one when the kill came after the swap) and answers; the next run
completes.

The child is the real CLI with the fake embedder (tests/cli_child.py); kill times are drawn
uniformly over a measured uninterrupted run, after the interpreter's start."""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.service import MinutesService
from index.store import current_generation, load_index
from tests.conftest import CORPUS, ROOT, FakeEmbedder

pytestmark = pytest.mark.slow

KILLS = 20
AFTER_SWAP_KILLS = 3
COPIES = 15  # of each sample file: a build long enough (1-2 s) to land kills all through it
QUESTION = "Vilka var närvarande på planeringsmötet?"


def _env(corpus: Path, index_dir: Path) -> dict:
    env = dict(os.environ, MINUTES_CORPUS_DIR=str(corpus), MINUTES_INDEX_DIR=str(index_dir),
               MINUTES_EMBEDDING_MODEL="fake-embedder", PYTHONPATH=str(ROOT))
    env.pop("MINUTES_REDACT", None)
    return env


def run_cli(corpus: Path, index_dir: Path, *args: str, cwd: Path, kill_after: float | None = None,
            preexec_fn=None) -> subprocess.CompletedProcess | None:
    """``minutes <args>`` in a child; with ``kill_after``, SIGKILL it then (None if it had
    already finished, which the caller counts)."""
    cmd = [sys.executable, "-m", "tests.cli_child", *args]
    if kill_after is None:
        return subprocess.run(cmd, env=_env(corpus, index_dir), cwd=cwd, capture_output=True, text=True,
                              timeout=300, preexec_fn=preexec_fn)
    proc = subprocess.Popen(cmd, env=_env(corpus, index_dir), cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        proc.wait(kill_after)
        return subprocess.CompletedProcess(cmd, proc.returncode)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        return None


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for i in range(COPIES):
        for src in sorted(CORPUS.iterdir()):
            (folder / f"{src.stem}-{i:02d}{src.suffix}").write_text(
                src.read_text(encoding="utf-8") + f"\n\nÖvrigt\nKopia {i}.\n", encoding="utf-8")
    return folder


def _edit(corpus: Path) -> None:
    """An incremental update's worth of change: some files edited, one removed, one added."""
    files = sorted(corpus.iterdir())
    for f in files[::4]:
        f.write_text(f.read_text(encoding="utf-8") + "\nTillägg: beslutet justerades.\n", encoding="utf-8")
    files[1].unlink()
    shutil.copy(files[2], corpus / "2099-01-01-nytt.txt")


def _texts(corpus: Path) -> dict[str, str]:
    return {f.name: f.read_text(encoding="utf-8") for f in corpus.iterdir()}


def _answers_from_one_version(index_dir: Path, corpus: Path, versions: list[dict]) -> int:
    """Load the live index, check it is one complete version, ask; the version's number."""
    snap = load_index(index_dir)
    matches = [i for i, v in enumerate(versions) if snap.documents == v]
    assert matches, f"{current_generation(index_dir).name} is not a complete version of the corpus"
    service = MinutesService(corpus, index_dir, FakeEmbedder())
    answer = service.converse(QUESTION)[0]
    assert answer.passages and all(snap.documents[p.source][p.start:p.end] == p.quote for p in answer.passages)
    return matches[0]


def _series(tmp_path, label, prepare, args, rng):
    corpus = _corpus(tmp_path / f"corpus-{label}")
    index_dir = tmp_path / f"ix-{label}"
    assert run_cli(corpus, index_dir, "index", cwd=tmp_path).returncode == 0
    old = _texts(corpus)
    pristine = tmp_path / f"pristine-{label}"
    shutil.copytree(index_dir, pristine)
    prepare(corpus)
    new = _texts(corpus)
    # How long an uninterrupted run takes, measured on a copy so the real index stays old.
    probe = tmp_path / f"probe-{label}"
    shutil.copytree(index_dir, probe)
    start = time.monotonic()
    done = run_cli(corpus, probe, *args, cwd=tmp_path)
    took = time.monotonic() - start
    assert done.returncode == 0, done.stderr
    # previous: CURRENT unchanged by the killed run; swapped: the kill came after the swap;
    # mid-write: a half-written generation was left behind (the next run removes it).
    outcomes = {"previous": 0, "swapped": 0, "finished": 0, "mid-write": 0, "after-swap": 0}
    killed = 0
    while killed < KILLS:  # runs that finished before their kill time do not count as kills
        assert outcomes["finished"] < 3 * KILLS, "the runs finish before the kills: is the machine idle now?"
        before = current_generation(index_dir)
        at = rng.uniform(0.3, max(0.35, took))
        start = time.monotonic()
        if run_cli(corpus, index_dir, *args, cwd=tmp_path, kill_after=at) is not None:
            outcomes["finished"] += 1
            # the probe ran on a busier machine than this run: kill sooner from now on
            took = min(took, 0.9 * (time.monotonic() - start))
        else:
            killed += 1
        outcomes["mid-write"] += any(index_dir.glob(".tmp-gen-*"))
        version = _answers_from_one_version(index_dir, corpus, [old, new] if old != new else [old])
        swapped = current_generation(index_dir) != before
        assert swapped or version == 0  # not swapped: still the previous index
        outcomes["swapped" if swapped else "previous"] += 1
        if swapped:  # back to the previous index, so the next run has the whole update to do
            shutil.rmtree(index_dir)
            shutil.copytree(pristine, index_dir)
    for _ in range(AFTER_SWAP_KILLS):
        # Random kills rarely land in the short stretch after the swap (the question caches are
        # written then): these are killed the moment CURRENT moves.
        before = current_generation(index_dir)
        proc = subprocess.Popen([sys.executable, "-m", "tests.cli_child", *args, "--rebuild"],
                                env=_env(corpus, index_dir), cwd=tmp_path,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while proc.poll() is None and current_generation(index_dir) == before:
            time.sleep(0.002)
        proc.kill()
        proc.wait(30)
        outcomes["after-swap"] += proc.returncode == -signal.SIGKILL
        _answers_from_one_version(index_dir, corpus, [new])
    final = run_cli(corpus, index_dir, *args, "--json", cwd=tmp_path)
    assert final.returncode == 0, final.stderr
    assert json.loads(final.stdout)["meetings"] == len(new)
    assert _answers_from_one_version(index_dir, corpus, [new]) == 0
    # Generations a kill left between the swap and the clean-up go with the next written one.
    (corpus / "2099-02-02-sista.txt").write_text("Protokoll 2099-02-02\n\nNärvarande: Test Testsson\n", encoding="utf-8")
    assert run_cli(corpus, index_dir, "index", cwd=tmp_path).returncode == 0
    assert not any(index_dir.glob(".tmp-gen-*")) and len(list(index_dir.glob("gen-*"))) <= 2
    print(f"\n{label}: {KILLS} kills at random points of a {took:.1f} s run: {outcomes}")
    return outcomes


def test_kill_during_full_rebuild(tmp_path):
    outcomes = _series(tmp_path, "rebuild", lambda c: None, ("index", "--rebuild"), random.Random(10))
    assert outcomes["previous"] > 0 and outcomes["after-swap"] > 0


def test_kill_during_incremental_update(tmp_path):
    outcomes = _series(tmp_path, "update", _edit, ("index",), random.Random(11))
    assert outcomes["previous"] > 0 and outcomes["after-swap"] > 0
