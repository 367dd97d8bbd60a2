"""The FAISS index type chosen by size: exact while small, IVF above FLAT_MAX with recall@10 of at
least 0.95; deletions and additions keep rows and vectors in step with either type."""
from __future__ import annotations

import json

import numpy as np
import pytest

from index import vectors
from index.build import build_generation
from index.store import current_generation, load_index
from tests.conftest import FakeEmbedder
from tests.helpers import segment_of, to_format_1


def clustered(n: int, dim: int = 32, seed: int = 0) -> np.ndarray:
    """Normalised vectors around a few hundred centres, as embeddings of real text are."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((max(1, n // 20), dim))
    x = centres[rng.integers(0, len(centres), n)] + 0.3 * rng.standard_normal((n, dim))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def test_kind_follows_size():
    assert vectors.kind_for(vectors.FLAT_MAX) == "flat" and vectors.kind_for(vectors.FLAT_MAX + 1) == "ivf"
    small = vectors.build(clustered(100), 32)
    assert small.kind == "flat" and small.ann is None


def test_ivf_recall_at_10_against_exact(monkeypatch):
    monkeypatch.setattr(vectors, "FLAT_MAX", 1000)
    x = clustered(20_000)
    ivf = vectors.build(x, 32)
    exact = vectors.VectorIndex(x, dim=32)
    assert ivf.kind == "ivf" and ivf.ann.nlist == vectors.nlist_for(20_000)
    queries = clustered(200, seed=1)
    recall = np.mean([
        len({r for r, _ in ivf.search(q, 10)} & {r for r, _ in exact.search(q, 10)}) / 10 for q in queries
    ])
    assert recall >= 0.95


def test_flat_search_is_exact_and_ordered():
    x = clustered(500)
    ix = vectors.VectorIndex(x, dim=32)
    q = x[7]
    got = ix.search(q, 5)
    scores = x @ q
    assert [r for r, _ in got] == list(np.argsort(-scores, kind="stable")[:5])
    assert got[0][0] == 7 and abs(got[0][1] - 1.0) < 1e-5
    restricted = ix.search_rows(q, {3, 7, 11})
    assert [r for r, _ in restricted][0] == 7 and {r for r, _ in restricted} == {3, 7, 11}


@pytest.fixture(params=["flat", "ivf"])
def kind(request, monkeypatch):
    if request.param == "ivf":
        monkeypatch.setattr(vectors, "FLAT_MAX", 5)  # the sample corpus has more chunks than that
    return request.param


def _check_rows(snap):
    """Every chunk's row holds that chunk's vector, and searching for it finds it first."""
    emb = FakeEmbedder()
    want = emb.embed_documents([c.text for c in snap.chunks])
    assert np.allclose(snap.vectors_of(list(range(len(snap.chunks)))), want, atol=1e-6)
    for row in range(0, len(snap.chunks), 5):
        top = snap.dense_search(want[row], 3)
        assert top and abs(top[0][1] - 1.0) < 1e-5 and np.allclose(want[top[0][0]], want[row])


def test_deletions_and_additions_with_either_type(kind, corpus_copy, tmp_path):
    ix = tmp_path / "ix"
    build_generation(corpus_copy, ix, FakeEmbedder())
    snap = load_index(ix)
    assert snap.vectors.kind == kind
    assert json.loads((current_generation(ix) / "params.json").read_text())["vector_index"] == kind
    _check_rows(snap)

    first = sorted(p for p in corpus_copy.iterdir())[0]
    first.unlink()
    build_generation(corpus_copy, ix, FakeEmbedder())
    snap = load_index(ix)
    assert snap.vectors.kind == kind and snap.vectors.ntotal == len(snap.chunks)
    assert not any(c.source == first.name for c in snap.chunks)
    _check_rows(snap)
    trained = snap.vectors.trained_on

    (corpus_copy / "2023-03-03-styrelse.txt").write_text(
        "Protokoll styrelsemöte den 3 mars 2023\n\nNärvarande: Anna Berg, Erik Ek\n\n1 Budget\nBudgeten godkändes.\n",
        encoding="utf-8")
    build_generation(corpus_copy, ix, FakeEmbedder())
    snap = load_index(ix)
    assert snap.vectors.ntotal == len(snap.chunks) and any(c.source == "2023-03-03-styrelse.txt" for c in snap.chunks)
    _check_rows(snap)
    if kind == "ivf" and trained:
        assert snap.vectors.trained_on == trained  # the centroids were reused, not trained again


def test_generation_without_vectors_npy_still_loads(corpus_copy, tmp_path):
    """An index written before vectors.npy: vectors.faiss alone, no vector_index in params."""
    ix = tmp_path / "ix"
    build_generation(corpus_copy, ix, FakeEmbedder())
    gen = current_generation(ix)
    before = load_index(ix)
    to_format_1(gen)
    (gen / vectors.NPY).unlink()
    params = json.loads((gen / "params.json").read_text())
    params.pop("vector_index")
    (gen / "params.json").write_text(json.dumps(params))
    snap = load_index(ix)
    assert snap.vectors.kind == "flat" and snap.vectors.ntotal == len(snap.chunks)
    q = before.vectors_of([3])[0]
    assert snap.dense_search(q, 3) == before.dense_search(q, 3)
    build_generation(corpus_copy, ix, FakeEmbedder(), rebuild=True)  # and it can be updated from
    assert (segment_of(current_generation(ix)) / vectors.NPY).is_file()
