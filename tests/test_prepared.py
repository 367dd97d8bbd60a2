"""Search arrays stored in the index generation: written with every generation (updated from the
previous one's, equal to a full build), the same BM25 scores as the per-passage formula, read
back instead of rebuilt, rebuilt when they do not match, and never required."""
from __future__ import annotations

import math
import shutil
from collections import Counter

import numpy as np
import pytest

from index import prepared
from bot.engine import Engine
from index.lexical import BM25, concept_for, doc_terms
from index.build import build_generation
from index.store import current_generation, load_index
from tests.conftest import FakeEmbedder


@pytest.fixture
def indexed(corpus_copy, tmp_path):
    build_generation(corpus_copy, tmp_path / "ix", FakeEmbedder())
    return tmp_path / "ix"


def reference_scores(docs, concept, k1=1.2, b=0.75):
    """BM25 as a loop over passages: what the arrays must reproduce exactly."""
    n = len(docs)
    avgdl = sum(len(d) for d in docs) / n
    counts = [Counter(d) for d in docs]
    vocab = sorted(set().union(*counts))
    best = {}
    for alt in concept.alternatives:
        terms = [(alt.term, 1.0)] if any(alt.term in c for c in counts) else []
        if alt.compound and len(alt.term) >= 4:
            terms += [(v, BM25.COMPOUND_DISCOUNT) for v in vocab
                      if v != alt.term and len(v) >= len(alt.term) + 4 and (v.endswith(alt.term) or v.startswith(alt.term))]
        for term, disc in terms:
            df = sum(term in c for c in counts)
            w = alt.weight * disc * math.log(1 + (n - df + 0.5) / (df + 0.5))
            for i, c in enumerate(counts):
                if term in c:
                    tf = c[term]
                    s = w * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(docs[i]) / avgdl)))
                    best[i] = max(best.get(i, 0.0), s)
    return best


def test_array_bm25_equals_the_formula_exactly(indexed):
    snap = load_index(indexed)
    ready = prepared.build(snap)
    docs = [doc_terms((c.section + "\n" if c.section and c.section not in c.text else "") + c.text, lang)
            for c, lang in zip(snap.chunks, ready.languages)]
    for word in ("finansiering", "kapital", "ekonomi", "deltagare", "möte", "life", "nästa", "hälso"):
        c = concept_for(word)
        assert ready.bm25.concept_scores(c) == reference_scores(docs, c), word


def test_expansions_by_bisection_equal_a_vocabulary_scan():
    bm = BM25([doc_terms(t, "sv") for t in ["riskkapital och kapitalet", "hälsoekonomi", "kapitalförvaltning", "ekonomin"]])
    for term in ("kapital", "ekonomi", "hälso", "kap"):
        scan = [(v, 0.6) for v in bm.vocab if len(term) >= 4 and v != term and len(v) >= len(term) + 4
                and (v.endswith(term) or v.startswith(term))]
        assert bm.expand(term) == ([(term, 1.0)] if bm.has(term) else []) + scan


def assert_same(read, built):
    assert read.bm25.vocab == built.bm25.vocab and read.languages == built.languages
    for name, arr in built.bm25.arrays().items():
        assert np.array_equal(read.bm25.arrays()[name], arr), name
        assert read.bm25.arrays()[name].dtype == arr.dtype, name
    assert np.array_equal(read.thin, built.thin)
    assert read.titles == built.titles
    assert {k: (p.name, p.sources) for k, p in read.names.people.items()} == \
        {k: (p.name, p.sources) for k, p in built.names.people.items()}


def test_every_generation_is_written_with_its_arrays_and_lexicon_cache(indexed):
    from index import translate

    gen = current_generation(indexed)
    assert (gen / prepared.FOLDER / "bm25.npz").is_file()
    assert translate._read_cache(indexed) is not None
    snap = load_index(indexed)
    assert_same(prepared.read(gen / prepared.FOLDER, len(snap.chunks)), prepared.build(snap))


MINUTES = """Styrelsemöte {date}

Närvarande: Anna Berg, Olle Lind

§1 Budget
Vi diskuterade {topic} och beslutade att gå vidare.
"""


def test_an_update_tokenises_only_the_changed_files_and_equals_a_full_build(indexed, corpus_copy, monkeypatch):
    emb = FakeEmbedder()
    seen = []
    real = prepared.chunk_terms
    monkeypatch.setattr(prepared, "chunk_terms", lambda c, lang: seen.append(c.source) or real(c, lang))
    files = sorted(p for p in corpus_copy.rglob("*") if p.is_file())
    steps = [
        lambda: (corpus_copy / "2031-01-10.txt").write_text(MINUTES.format(date="2031-01-10", topic="lokalhyran")),
        lambda: (corpus_copy / "2031-01-10.txt").write_text(MINUTES.format(date="2031-01-10", topic="sponsorer")),
        lambda: files[0].unlink(),
        lambda: (corpus_copy / "2031-02-10.txt").write_text(MINUTES.format(date="2031-02-10", topic="hackathon")),
    ]
    for step in steps:
        step()
        seen.clear()
        report = build_generation(corpus_copy, indexed, emb)
        assert set(seen) <= set(report.added) | set(report.updated)
        snap = load_index(indexed)
        assert_same(prepared.read(snap.path / prepared.FOLDER, len(snap.chunks)), prepared.build(snap))


def test_engine_answers_the_same_from_stored_arrays(indexed):
    emb = FakeEmbedder()
    fresh = Engine(load_index(indexed), emb)  # builds and stores them
    stored = Engine(load_index(indexed), emb)  # reads them
    for q in ("vad sades om finansiering?", "what is the Valley of Death?", "vad sades om hälsoekonomi?",
              "who attended in 2015?", "what did Almi Invest propose?"):
        assert stored.ask(q).to_json_dict() == fresh.ask(q).to_json_dict(), q


def test_arrays_of_another_index_are_rebuilt(indexed, caplog):
    gen = current_generation(indexed)
    snap = load_index(indexed)
    snap.chunks = snap.chunks[:-1]  # as if the folder belonged to other chunks
    assert prepared.read(gen / prepared.FOLDER, len(snap.chunks)) is None
    got = prepared.load(snap)
    assert len(got.languages) == len(snap.chunks)
    assert "do not match" in caplog.text


def test_an_index_that_cannot_be_written_to_builds_them_in_memory(indexed, monkeypatch):
    def refuse(folder, ready):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(prepared, "write", refuse)
    gen = current_generation(indexed)
    shutil.rmtree(gen / prepared.FOLDER)  # as a generation an older version wrote
    got = prepared.load(load_index(indexed))
    assert got.bm25.n == len(load_index(indexed).chunks) and not (gen / prepared.FOLDER).exists()
