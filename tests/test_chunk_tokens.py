"""With the real tokenizer, no chunk is longer than the model reads (the tail would be lost)."""
from pathlib import Path

import pytest

from index.build import parse_document
from index.loaders import read_file
from tests.conftest import CORPUS, SHARED_CORPORA


def _files():
    roots = [CORPUS] + ([SHARED_CORPORA] if SHARED_CORPORA.is_dir() else [])
    return [p for r in roots for p in sorted(r.rglob("*")) if p.suffix in {".txt", ".md", ".tex"} and p.name != "PROVENANCE.md"]


@pytest.mark.model
def test_every_chunk_fits_the_model(real_embedder):
    limit = real_embedder.max_tokens - 2
    worst = 0
    for path in _files():
        _, text = read_file(path, path.name)
        _, chunks = parse_document(text, path.name, embedder=real_embedder)
        assert chunks, path.name
        for c in chunks:
            n = real_embedder.token_count(c.text)
            worst = max(worst, n)
            assert n <= limit, f"{path.name} chunk {c.id}: {n} word pieces"
            assert text[c.start:c.end] == c.text
    assert 0 < worst <= limit
