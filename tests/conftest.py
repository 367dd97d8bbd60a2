"""Shared fixtures. The fake embedder is deterministic and instant; the real packaged model is
used only in tests marked ``model``."""
from __future__ import annotations

import atexit
import hashlib
import os
import re
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED_CORPORA = ROOT.parent / "shared" / "corpora"

# Model exports (index/onnx_encoder.py) go to a folder of this test run, not the user's cache;
# processes the tests start inherit it.
ENCODERS = tempfile.mkdtemp(prefix="minutes-test-encoders-")
os.environ["MINUTES_ENCODER_CACHE"] = ENCODERS
atexit.register(shutil.rmtree, ENCODERS, ignore_errors=True)


class FakeEmbedder:
    """Hashes lower-cased words into a fixed-size vector: texts sharing words are near."""

    def __init__(self, dim: int = 64, name: str = "fake-embedder"):
        self.name = name
        self.dim = dim
        self.max_tokens = 256
        self.calls: list[int] = []  # batch sizes, to check what was (re-)embedded

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for w in re.findall(r"\w+", text.lower()):
            h = int.from_bytes(hashlib.blake2b(w.encode(), digest_size=4).digest(), "little")
            v[h % self.dim] += 1.0
        n = np.linalg.norm(v)
        return v / n if n else v

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        self.calls.append(len(texts))
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._vec(text)


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(scope="session")
def real_embedder():
    from index.embed import PACKAGED_MODEL, SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(PACKAGED_MODEL)


@pytest.fixture
def shared_corpora() -> Path:
    if not SHARED_CORPORA.is_dir():
        pytest.skip("../shared/corpora is not beside this checkout")
    return SHARED_CORPORA


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the sample corpus."""

    dst = tmp_path / "corpus"
    shutil.copytree(CORPUS, dst)
    return dst


def use_cli(monkeypatch, corpus: Path, tmp_path: Path) -> Path:
    """``minutes`` run in-process over ``corpus``: index in tmp_path/ix, the fake embedder, from
    tmp_path (no stray .env)."""
    monkeypatch.setenv("MINUTES_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("MINUTES_INDEX_DIR", str(tmp_path / "ix"))
    # An empty export cache: the fake model, named as the packaged one, is not exported
    monkeypatch.setenv("MINUTES_ENCODER_CACHE", str(tmp_path / "encoders"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("index.embed.load_embedder", lambda name: FakeEmbedder(name=name))
    return corpus


@pytest.fixture
def cli_env(monkeypatch, corpus_copy, tmp_path) -> Path:
    """``minutes`` run in-process over ``corpus_copy`` (see :func:`use_cli`)."""
    return use_cli(monkeypatch, corpus_copy, tmp_path)


@pytest.fixture
def service(corpus_copy, tmp_path):
    """A MinutesService over ``corpus_copy`` with the fake embedder, indexed; stopped after."""
    from bot.service import MinutesService

    s = MinutesService(corpus_copy, tmp_path / "index", FakeEmbedder())
    s.reindex()
    yield s
    s.stop()
