"""The one embedding model is never used by two threads at once (a fast tokenizer shared across
threads fails with "Already borrowed")."""
from __future__ import annotations

import threading
import time

import numpy as np

from index.embed import SentenceTransformerEmbedder


class _Model:
    """Stands in for a SentenceTransformer: records the most calls ever inside it at once."""

    max_seq_length = 256

    def __init__(self):
        self.inside = 0
        self.most = 0
        self._count = threading.Lock()
        self.tokenizer = self

    def _enter(self):
        with self._count:
            self.inside += 1
            self.most = max(self.most, self.inside)

    def _leave(self):
        with self._count:
            self.inside -= 1

    def encode(self, texts, **kw):
        self._enter()
        time.sleep(0.002)  # long enough for another thread to arrive if nothing stops it
        self._leave()
        return np.ones((len(texts), 4), dtype=np.float32) / 2

    def tokenize(self, text):
        self._enter()
        time.sleep(0.002)
        self._leave()
        return text.split()


def _embedder(model) -> SentenceTransformerEmbedder:
    e = SentenceTransformerEmbedder.__new__(SentenceTransformerEmbedder)
    e._model, e.name, e.dim, e.max_tokens = model, "fake", 4, 256
    e._q_prefix = e._p_prefix = ""
    e._use = threading.Lock()
    return e


def test_queries_documents_and_token_counts_never_overlap():
    model = _Model()
    e = _embedder(model)

    def work(kind):
        for _ in range(25):
            if kind == 0:
                assert e.embed_query("vem var med").shape == (4,)
            elif kind == 1:
                assert e.embed_documents(["a", "b"]).shape == (2, 4)
            else:
                assert e.token_count("ett två tre") == 3

    threads = [threading.Thread(target=work, args=(n % 3,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert model.most == 1


def test_the_real_constructor_makes_the_lock(monkeypatch):
    import index.embed as embed

    monkeypatch.setattr(embed, "_load", lambda cls, target, device: _RealisticModel())
    e = SentenceTransformerEmbedder("some/model")
    assert isinstance(e._use, type(threading.Lock()))
    assert e.embed_query("x").shape == (4,)


class _RealisticModel(_Model):
    def get_sentence_embedding_dimension(self):
        return 4
