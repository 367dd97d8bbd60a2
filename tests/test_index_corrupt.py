"""A damaged index is detected when it is loaded, with a message that says to rebuild."""
from __future__ import annotations

import pytest

from index.build import update_index
from index.errors import IndexCorrupt
from index.store import current_generation, load_index
from tests.conftest import FakeEmbedder


@pytest.fixture
def gen(corpus_copy, tmp_path):
    update_index(corpus_copy, tmp_path / "ix", FakeEmbedder())
    return current_generation(tmp_path / "ix")


def _cut_lines(path, keep):
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:keep]), encoding="utf-8")


@pytest.mark.parametrize("damage", [
    lambda g: (g / "vectors.faiss").write_bytes((g / "vectors.faiss").read_bytes()[:100]),
    lambda g: (g / "chunks.jsonl").write_bytes((g / "chunks.jsonl").read_bytes()[:-40]),
    lambda g: _cut_lines(g / "documents.jsonl", 1),   # cut at a line boundary: still parses
    lambda g: _cut_lines(g / "meetings.jsonl", 1),
    lambda g: (g / "params.json").write_text("{", encoding="utf-8"),
    lambda g: (g / "chunks.jsonl").write_text(
        (g / "chunks.jsonl").read_text(encoding="utf-8").replace("a", "e", 3), encoding="utf-8"),
])
def test_damage_is_detected_at_load_and_says_rebuild(gen, damage):
    damage(gen)
    with pytest.raises(IndexCorrupt, match=r"damaged .*run `minutes index --rebuild`") as e:
        load_index(gen.parent)
    assert "\n" not in str(e.value)
