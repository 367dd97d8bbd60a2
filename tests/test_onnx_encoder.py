"""The ONNX encoder: the same vectors and token counts as sentence-transformers, the same
prefixes, used for documents and questions without loading the model (no torch on the indexing
path once the export exists), and no export (a fallback) for pipelines it cannot reproduce."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import numpy as np
import pytest

from index import onnx_encoder
from index.build import build_generation
from index.embed import LazyEmbedder, SentenceTransformerEmbedder, packaged_model_path
from index.store import load_index
from tests.conftest import CORPUS, ROOT


@pytest.fixture(scope="module")
def indexed(real_embedder, tmp_path_factory):
    """The sample corpus indexed by sentence-transformers itself (the build writes the ONNX
    export into the test run's encoder cache)."""
    base = tmp_path_factory.mktemp("onnx")
    corpus = base / "corpus"
    shutil.copytree(CORPUS, corpus)
    build_generation(corpus, base / "ix", real_embedder)
    return corpus, base / "ix"


def _encoder(cache, name):
    path = onnx_encoder.cache_path(cache, name)
    assert onnx_encoder.available(path, name)
    return onnx_encoder.OnnxEncoder(path)


@pytest.mark.model
def test_onnx_vectors_match_sentence_transformers_on_every_chunk(indexed, real_embedder):
    _, ix = indexed
    enc = _encoder(None, real_embedder.name)
    snap = load_index(ix)
    texts = [c.text for c in snap.chunks]  # every chunk of the sample corpus
    assert len(texts) > 20
    st = snap.vectors_of(list(range(len(texts))))  # as sentence-transformers embedded them
    batched = enc.embed_documents(texts)  # sorted by length, padded per batch
    single = np.stack([enc.encode([t])[0] for t in texts])  # as questions are encoded
    for got in (batched, single):
        assert got.shape == st.shape
        assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-4)
        assert float((got * st).sum(axis=1).min()) >= 0.999
    for q in ("vad sades om finansiering?", "who attended the last meeting?"):
        assert float(enc.embed_query(q) @ real_embedder.embed_query(q)) >= 0.999
    # chunks are cut by the same token counts, so an index keeps its chunks (and vectors)
    for t in [*texts, "Ärende §3: Överläggning om ÅRSMÖTET 2024-03-01", "e-post: anna@example.se"]:
        assert enc.token_count(t) == real_embedder.token_count(t), t


@pytest.mark.model
def test_lazy_embedder_answers_questions_without_loading_the_model(indexed, real_embedder):
    _, ix = indexed

    def refuse(name):
        raise AssertionError("the model was loaded")

    lazy = LazyEmbedder(real_embedder.name, loader=refuse)
    v = lazy.embed_query("vad sades om finansiering?")
    assert float(v @ real_embedder.embed_query("vad sades om finansiering?")) >= 0.999
    docs = lazy.embed_documents(["Beslut: budgeten antogs.", "Närvarande: Anna Berg, Olle Lind"])
    assert float((docs * real_embedder.embed_documents(["Beslut: budgeten antogs.",
                                                        "Närvarande: Anna Berg, Olle Lind"])).sum(axis=1).min()) >= 0.999


@pytest.mark.model
def test_index_builds_without_torch_once_the_export_exists(indexed, tmp_path):
    corpus, _ = indexed
    (corpus / "2031-01-10-styrelse.txt").write_text("Styrelsemöte 2031-01-10\n\nNärvarande: Anna Berg\n\n"
                                                   "§1 Lokaler\nVi hyr lokalen i ett år till.\n", encoding="utf-8")
    code = ("import sys; from bot.cli import main; main(['index', '--json']); "
            "bad = [m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules]; "
            "print(bad, file=sys.stderr); sys.exit(3 if bad else 0)")
    env = {"MINUTES_CORPUS_DIR": str(corpus), "MINUTES_INDEX_DIR": str(tmp_path / "ix"), "PATH": "/usr/bin:/bin",
           "MINUTES_ENCODER_CACHE": onnx_encoder.default_cache_dir().as_posix()}
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout.splitlines()[-1])["chunks_embedded"] > 0


@pytest.mark.model
@pytest.mark.parametrize("question, intent, unwanted", [
    ("vad sades om finansiering?", "search", ("torch", "sentence_transformers", "transformers", "faiss")),
    ("who attended the last meeting?", "attendance",
     ("torch", "sentence_transformers", "transformers", "faiss", "onnxruntime")),
])
def test_cold_ask_imports_only_what_it_needs(indexed, question, intent, unwanted):
    corpus, ix = indexed
    code = ("import sys; from bot.cli import main; main(['ask', '--json', sys.argv[1]]); "
            f"bad = [m for m in {unwanted!r} if m in sys.modules]; "
            "print(bad, file=sys.stderr); sys.exit(3 if bad else 0)")
    env = {"MINUTES_CORPUS_DIR": str(corpus), "MINUTES_INDEX_DIR": str(ix), "PATH": "/usr/bin:/bin",
           "MINUTES_ENCODER_CACHE": onnx_encoder.default_cache_dir().as_posix()}
    r = subprocess.run([sys.executable, "-c", code, question], cwd=ROOT, env=env, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    answer = json.loads(r.stdout)
    assert answer["found"] and answer["intent"] == intent


@pytest.mark.model
def test_e5_prefixes_are_applied_by_the_onnx_path(tmp_path):
    path = tmp_path / "my-multilingual-e5-small"  # the packaged weights under an E5-style name
    shutil.copytree(packaged_model_path(), path)
    emb = SentenceTransformerEmbedder(str(path))
    assert onnx_encoder.ensure(tmp_path / "enc", emb)
    enc = _encoder(tmp_path / "enc", emb.name)
    assert enc.meta["query_prefix"] == "query: " and enc.meta["passage_prefix"] == "passage: "
    q = "när är nästa möte?"
    assert float(enc.embed_query(q) @ emb.embed_query(q)) >= 0.999
    assert float(enc.embed_documents([q])[0] @ emb.embed_documents([q])[0]) >= 0.999
    # and without the prefix the vector differs: the prefix is really part of the query
    assert float(enc.encode([q])[0] @ emb.embed_query(q)) < 0.999


# -- pipelines the ONNX path does not reproduce: no export, sentence-transformers is used ---------
class Transformer:
    class tokenizer:
        is_fast = True
        model_input_names = ["input_ids", "attention_mask"]
        pad_token_id, pad_token = 0, "[PAD]"

    max_seq_length = 128


class Pooling:
    def __init__(self, cfg):
        self.cfg = cfg

    def get_config_dict(self):
        return self.cfg


class Dense:
    pass


class FakeSTModel(list):
    default_prompt_name = None


@pytest.mark.parametrize("modules, why", [
    ([Transformer(), Pooling({"pooling_mode": "max"})], "pooling 'max'"),
    ([Transformer(), Pooling({"pooling_mode": "mean"}), Dense()], "modules"),
    ([Transformer(), Pooling({"pooling_mode_mean_tokens": True, "pooling_mode_max_tokens": True})], "pooling"),
    ([Transformer(), Pooling({"pooling_mode": "mean", "include_prompt": False})], "prompt"),
])
def test_unsupported_pipelines_are_refused(modules, why):
    with pytest.raises(onnx_encoder.Unsupported, match=why):
        onnx_encoder.describe(FakeSTModel(modules))


def test_supported_pipeline_is_described():
    info = onnx_encoder.describe(FakeSTModel([Transformer(), Pooling({"pooling_mode_cls_token": True})]))
    assert info["pooling"] == "cls" and info["max_length"] == 128 and info["inputs"] == ["input_ids", "attention_mask"]


def test_unsupported_model_is_recorded_once_and_falls_back(tmp_path):
    loads = []

    class Embedder:
        name = "max-pooled"
        dim = 8

        def export_onnx(self, target):
            loads.append(1)
            return onnx_encoder.export(FakeSTModel([Transformer(), Pooling({"pooling_mode": "max"})]), target,
                                       model=self.name, query_prefix="", dim=self.dim)

    class Real:
        dim, name = 8, "max-pooled"

        def embed_query(self, text):
            return np.ones(8, np.float32) / np.sqrt(8)

    lazy = LazyEmbedder("max-pooled", loader=lambda name: Embedder())
    assert onnx_encoder.ensure(tmp_path, lazy) is False
    assert onnx_encoder.ensure(tmp_path, lazy) is False
    assert loads == [1]  # the second run read the note instead of loading the model again
    path = onnx_encoder.cache_path(tmp_path, "max-pooled")
    assert onnx_encoder.decided(path, "max-pooled") and not onnx_encoder.available(path, "max-pooled")
    fallback = LazyEmbedder("max-pooled", loader=lambda name: Real(), encoders=tmp_path)
    assert fallback.embed_query("x").shape == (8,) and fallback._real is not None
