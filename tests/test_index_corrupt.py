"""A damaged index is detected when it is loaded, with a message that says to rebuild."""
from __future__ import annotations

import json

import numpy as np
import pytest

from index.build import build_generation
from index.errors import IndexCorrupt
from index import store, vectors
from index.store import current_generation, load_index
from tests.conftest import FakeEmbedder
from tests.helpers import segment_of


@pytest.fixture
def gen(corpus_copy, tmp_path):
    build_generation(corpus_copy, tmp_path / "ix", FakeEmbedder())
    return current_generation(tmp_path / "ix")


def _cut_lines(path, keep):
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:keep]), encoding="utf-8")


def _cut_document_text(path):
    """Shorten the first document's text (still valid JSON): its last chunks point past its end."""
    lines = path.read_text(encoding="utf-8").splitlines()
    doc = json.loads(lines[0])
    doc["text"] = doc["text"][: len(doc["text"]) // 2]
    lines[0] = json.dumps(doc, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _scale_vectors(path, factor, rows=slice(None)):
    """Rewrite some rows of vectors.npy in place (same size and header), as bit rot would."""
    m = np.load(path, mmap_mode="r+")
    m[rows] *= factor
    m.flush()
    del m


@pytest.mark.parametrize("damage", [
    lambda g: (segment_of(g) / "vectors.npy").write_bytes((segment_of(g) / "vectors.npy").read_bytes()[:300]),
    lambda g: (segment_of(g) / "vectors.npy").write_bytes((segment_of(g) / "vectors.npy").read_bytes()[:-64]),
    lambda g: _scale_vectors(segment_of(g) / "vectors.npy", 3.0, slice(-1, None)),   # the last row only
    lambda g: _scale_vectors(segment_of(g) / "vectors.npy", np.nan, slice(0, 1)),
    lambda g: (segment_of(g) / "columns.npz").write_bytes((segment_of(g) / "columns.npz").read_bytes()[:-40]),
    lambda g: _cut_lines(segment_of(g) / "documents.jsonl", 1),   # cut at a line boundary: still parses
    lambda g: _cut_lines(segment_of(g) / "meetings.jsonl", 1),
    lambda g: (g / "params.json").write_text("{", encoding="utf-8"),
    lambda g: _cut_document_text(segment_of(g) / "documents.jsonl"),   # a chunk's offsets now fall outside it
])
def test_damage_is_detected_at_load_and_says_rebuild(gen, damage):
    damage(gen)
    with pytest.raises(IndexCorrupt, match=r"damaged .*run `minutes index --rebuild`") as e:
        load_index(gen.parent)
    assert "\n" not in str(e.value)


def test_ivf_generation_with_a_truncated_faiss_file_is_detected(corpus_copy, tmp_path, monkeypatch):
    monkeypatch.setattr(vectors, "FLAT_MAX", 10)  # an IVF index for the small sample corpus
    build_generation(corpus_copy, tmp_path / "ix", FakeEmbedder())
    g = current_generation(tmp_path / "ix")
    assert load_index(g.parent).vectors.kind == "ivf"
    (g / "vectors.faiss").write_bytes((g / "vectors.faiss").read_bytes()[:100])
    with pytest.raises(IndexCorrupt, match=r"damaged .*run `minutes index --rebuild`"):
        load_index(g.parent)


def test_load_checks_a_bounded_sample_of_vectors(gen, monkeypatch):
    """Start-up must not grow with the corpus: at most SAMPLE_ROWS rows are read to check."""
    seen = []
    real = vectors.VectorIndex.vectors_of
    monkeypatch.setattr(vectors.VectorIndex, "vectors_of", lambda self, rows: seen.append(len(rows)) or real(self, rows))
    monkeypatch.setattr(store, "SAMPLE_ROWS", 5)
    snap = load_index(gen.parent)
    assert snap.vectors.ntotal > 5 and seen == [5]


def test_vectors_of_another_width_than_params_are_detected(gen):
    import json

    params = json.loads((gen / "params.json").read_text(encoding="utf-8"))
    params["dim"] = params["dim"] + 1
    (gen / "params.json").write_text(json.dumps(params), encoding="utf-8")
    with pytest.raises(IndexCorrupt, match=r"dimensions"):
        load_index(gen.parent)
