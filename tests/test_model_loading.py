"""The real loading code for a configured model, exercised offline with a model given by path
(production users name a hub model; the same code path loads it once it is downloaded)."""
import shutil

import numpy as np
import pytest

from bot.engine import Engine
from index.build import build_generation
from index.embed import SentenceTransformerEmbedder, packaged_model_path
from index.errors import ModelMismatch
from index.store import load_index


@pytest.fixture(scope="module")
def e5_named_model(tmp_path_factory):
    # A copy of the packaged weights under an E5-style name: the prefixes must be applied.
    path = tmp_path_factory.mktemp("models") / "my-multilingual-e5-small"
    shutil.copytree(packaged_model_path(), path)
    return SentenceTransformerEmbedder(str(path))


@pytest.mark.model
def test_model_by_path_indexes_and_answers(e5_named_model, corpus_copy, tmp_path):
    emb = e5_named_model
    assert emb.dim == 384 and emb.max_tokens == 256
    assert (emb._q_prefix, emb._p_prefix) == ("query: ", "passage: ")
    v = emb.embed_query("när är nästa möte?")
    assert v.shape == (384,) and abs(float(np.linalg.norm(v)) - 1) < 1e-4
    report = build_generation(corpus_copy, tmp_path / "ix", emb)
    assert len(report.added) == 2
    snap = load_index(tmp_path / "ix")
    assert snap.model == emb.name
    answer = Engine(snap, emb).ask("vad sades om hälsoekonomi?")
    assert answer.found and any("Hälsoekonomi" in p.quote for p in answer.passages)


@pytest.mark.model
def test_index_refuses_another_model(e5_named_model, real_embedder, corpus_copy, tmp_path):
    build_generation(corpus_copy, tmp_path / "ix", real_embedder)
    with pytest.raises(ModelMismatch, match="--rebuild"):
        load_index(tmp_path / "ix").check_model(e5_named_model.name)


class _Hub:
    def model_info(self, target, timeout):
        raise OSError("404 Client Error: Repository Not Found")


def _model_class(local_error):
    class Model:
        def __init__(self, target, device, local_files_only=False):
            if local_files_only:
                raise local_error
            self.target = target
    return Model


def test_a_model_not_in_the_cache_is_asked_of_the_hub_and_said(monkeypatch, caplog):
    from index.embed import _load
    from index.errors import ConfigError

    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr("huggingface_hub.HfApi", _Hub)
    caplog.set_level("INFO", logger="index.embed")
    with pytest.raises(ConfigError, match="Repository Not Found"):
        _load(_model_class(OSError("couldn't find them in the cached files")), "org/absent", "cpu")
    assert "'org/absent' is not in the local model cache (couldn't find them in the cached files)" in caplog.text


def test_a_broken_cached_model_is_not_taken_for_a_missing_one(monkeypatch):
    from index.embed import _load

    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr("huggingface_hub.HfApi", _Hub)
    with pytest.raises(RuntimeError, match="size mismatch"):
        _load(_model_class(RuntimeError("size mismatch for embeddings")), "org/broken", "cpu")
