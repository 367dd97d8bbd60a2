"""An embedder for scale measurements: vectors drawn around real embeddings instead of computed.

Embedding 100,000 chunks with the packaged model takes about 45 minutes on 2 cores; latency,
memory and index-type figures need the vectors' shape, not their meaning. Each text gets a
deterministic random mix of two real chunk vectors plus noise (as bench/vector_bench.py draws
them), so the index holds vectors shaped like real ones. Relevance figures are never taken from
an index built with it."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import numpy as np

NAME = "drawn-around-all-MiniLM-L6-v2 (bench only)"
NOISE = 0.75


class DrawnEmbedder:
    name = NAME
    max_tokens = 256

    def __init__(self, origins: np.ndarray):
        self.origins = np.asarray(origins, dtype=np.float32)
        self.dim = self.origins.shape[1]

    def _vec(self, text: str) -> np.ndarray:
        rng = np.random.default_rng(int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little"))
        i, j = rng.integers(0, len(self.origins), 2)
        w = rng.random()
        v = w * self.origins[i] + (1 - w) * self.origins[j]
        v = v / np.linalg.norm(v) + (NOISE / np.sqrt(self.dim)) * rng.standard_normal(self.dim)
        return (v / np.linalg.norm(v)).astype(np.float32)

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._vec(text)

    def install_query_encoder(self, cache: Path | None = None) -> None:
        """Serve questions with the packaged model's ONNX export under this embedder's name (in
        the encoder cache), so a serving process encodes questions exactly as in production (the
        cost is what counts)."""
        from index import onnx_encoder
        from index.embed import PACKAGED_MODEL, LazyEmbedder

        LazyEmbedder(PACKAGED_MODEL, encoders=cache).ensure_encoder()
        src = onnx_encoder.cache_path(cache, PACKAGED_MODEL)
        dst = onnx_encoder.cache_path(cache, self.name)
        if dst.exists():
            shutil.rmtree(dst)
        shutil.copytree(src, dst)
        meta = json.loads((dst / onnx_encoder.META).read_text())
        meta["model"] = self.name
        (dst / onnx_encoder.META).write_text(json.dumps(meta))
