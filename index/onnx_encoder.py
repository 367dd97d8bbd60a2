"""The query side of an embedding model without sentence-transformers or torch.

Importing sentence-transformers costs about 7 s (torch, transformers); a question needs one
forward pass. So when an index is built, the loaded model's transformer is exported once with
``torch.onnx`` into a cache beside the index, together with its tokenizer and what the
sentence-transformers modules do after it (pooling, normalising, prefixes); a question is then
encoded with onnxruntime and the ``tokenizers`` library, in well under a second from a cold start.

Only what can be reproduced exactly is exported: a Transformer, then mean or CLS pooling, then
an optional Normalize. Any other pipeline (max pooling, a Dense layer, default prompts, a slow
tokenizer) gets no export, and the query falls back to sentence-transformers."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import threading
import warnings
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

# Bump when what is written changes: an old cache is then ignored and written anew.
EXPORT_VERSION = 1
CACHE_DIR = "query-encoders"
META = "encoder.json"
POOLINGS = ("mean", "cls")


def cache_path(index_dir: Path, model: str) -> Path:
    """Where the query encoder of ``model`` lives beside the index in ``index_dir``: outside the
    generations, since it is 90 MB and the same for every generation built with the model."""
    key = hashlib.sha256(model.encode("utf-8")).hexdigest()[:16]
    return Path(index_dir) / CACHE_DIR / key


class Unsupported(Exception):
    """The model's pipeline is not one the ONNX path reproduces exactly."""


def _pooling_mode(pooling) -> str:
    cfg = pooling.get_config_dict() if hasattr(pooling, "get_config_dict") else {}
    if cfg.get("include_prompt") is False:
        raise Unsupported("pooling excludes the prompt")
    mode = cfg.get("pooling_mode")
    if mode is None:  # sentence-transformers before 5: one flag per mode
        flags = [k for k in ("cls_token", "mean_tokens", "max_tokens", "mean_sqrt_len_tokens",
                             "weightedmean_tokens", "lasttoken") if cfg.get(f"pooling_mode_{k}")]
        mode = {"cls_token": "cls", "mean_tokens": "mean"}.get(flags[0], flags[0]) if len(flags) == 1 else "+".join(flags)
    if mode not in POOLINGS:
        raise Unsupported(f"pooling {mode!r}")
    return mode


def describe(st_model) -> dict:
    """What the query side of ``st_model`` does after tokenising, or Unsupported."""
    modules = list(st_model)
    kinds = [type(m).__name__ for m in modules]
    if kinds[:2] != ["Transformer", "Pooling"] or any(k != "Normalize" for k in kinds[2:]):
        raise Unsupported("modules " + " -> ".join(kinds))
    if getattr(st_model, "default_prompt_name", None):
        raise Unsupported("a default prompt")
    transformer = modules[0]
    tokenizer = transformer.tokenizer
    if not getattr(tokenizer, "is_fast", False):
        raise Unsupported("no fast tokenizer")
    return {
        "pooling": _pooling_mode(modules[1]),
        "max_length": int(transformer.max_seq_length or 512),
        "lower_case": bool(getattr(transformer, "do_lower_case", False)),
        "inputs": [n for n in tokenizer.model_input_names if n in ("input_ids", "attention_mask", "token_type_ids")],
        "pad_id": int(tokenizer.pad_token_id or 0),
        "pad_token": str(tokenizer.pad_token or "[PAD]"),
    }


def export(st_model, target: Path, *, model: str, query_prefix: str, dim: int) -> bool:
    """Write the query encoder of ``st_model`` to ``target`` (atomically: a reader sees all of it
    or nothing). False, with a log line, when the model's pipeline is not supported."""
    try:
        info = describe(st_model)
    except Unsupported as e:
        log.info("no ONNX query encoder for %s (%s): questions use sentence-transformers", model, e)
        # Recorded, so an up-to-date `minutes index` does not load the model again to find out.
        _write_meta(target, {"version": EXPORT_VERSION, "model": model, "unsupported": str(e)})
        return False
    import torch

    transformer = st_model[0]
    names = info["inputs"]

    class LastHidden(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, *args):  # positional, in the order of ``names``
            return self.inner(**dict(zip(names, args, strict=True))).last_hidden_state

    # Traced on a padded batch of two, so the traced graph handles padding as batches have it.
    sample = transformer.tokenizer(["an example question", "a much longer example passage of minutes text"],
                                   padding=True, return_tensors="pt")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=target.parent))
    try:
        # The tracer's warnings (Python conditions frozen at trace time) are about shapes the
        # dynamic axes cover; checked against the model by tests/test_onnx_encoder.py.
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                LastHidden(transformer.auto_model).eval(), tuple(sample[n] for n in names), str(tmp / "model.onnx"),
                input_names=names, output_names=["last_hidden_state"],
                dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]},
                opset_version=17, dynamo=False,
            )
        transformer.tokenizer.backend_tokenizer.save(str(tmp / "tokenizer.json"))
        meta = {"version": EXPORT_VERSION, "model": model, "dim": dim, "query_prefix": query_prefix, **info}
        (tmp / META).write_text(json.dumps(meta, indent=1), encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        os.rename(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return True


def ensure(index_dir: Path, embedder) -> bool:
    """Make sure the index folder has the query encoder of ``embedder``'s model, or a note that
    it cannot have one. Loads the model only when neither is there yet; True when available."""
    path = cache_path(index_dir, embedder.name)
    if decided(path, embedder.name):
        return available(path, embedder.name)
    export_onnx = getattr(getattr(embedder, "loaded", embedder), "export_onnx", None)
    if export_onnx is None:  # not a sentence-transformers model (the tests' fake embedder)
        return False
    try:
        return bool(export_onnx(path))
    except Exception:  # noqa: BLE001 - the index is complete without it; questions use the model
        log.warning("exporting the ONNX query encoder of %s failed; questions use sentence-transformers",
                    embedder.name, exc_info=True)
        return False


def _write_meta(target: Path, meta: dict) -> None:
    target.mkdir(parents=True, exist_ok=True)
    tmp = target / f".{META}.tmp"
    tmp.write_text(json.dumps(meta, indent=1), encoding="utf-8")
    os.replace(tmp, target / META)


def _meta(path: Path, model: str) -> dict | None:
    try:
        meta = json.loads((path / META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if meta.get("version") == EXPORT_VERSION and meta.get("model") == model else None


def decided(path: Path, model: str) -> bool:
    """Whether the export of ``model`` was done or found unsupported (nothing left to try)."""
    return _meta(path, model) is not None


def available(path: Path, model: str) -> bool:
    meta = _meta(path, model)
    return meta is not None and "unsupported" not in meta and (path / "model.onnx").is_file()


class OnnxQueryEncoder:
    """Encodes texts as the exported sentence-transformers model does: same tokenizer and
    truncation, same pooling, L2-normalised; ``embed_query`` adds the model's query prefix."""

    def __init__(self, path: Path):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.meta = json.loads((path / META).read_text(encoding="utf-8"))
        self.name = self.meta["model"]
        self.dim = int(self.meta["dim"])
        self.max_tokens = int(self.meta["max_length"])
        self._tok = Tokenizer.from_file(str(path / "tokenizer.json"))
        self._tok.enable_truncation(self.max_tokens)
        self._tok.enable_padding(pad_id=self.meta["pad_id"], pad_token=self.meta["pad_token"])
        opts = ort.SessionOptions()
        # One question is a small matrix product chain: a second thread buys little and
        # competes with the bot's other work.
        opts.intra_op_num_threads = int(os.environ.get("MINUTES_ONNX_THREADS", "1"))
        opts.inter_op_num_threads = 1
        self._session = ort.InferenceSession(str(path / "model.onnx"), opts, providers=["CPUExecutionProvider"])
        self._lock = threading.Lock()  # the bot's threads share one tokenizer

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self.meta["lower_case"]:
            texts = [t.lower() for t in texts]
        with self._lock:
            encs = self._tok.encode_batch(texts)
        feed = {
            "input_ids": np.array([e.ids for e in encs], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encs], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encs], dtype=np.int64),
        }
        hidden = self._session.run(None, {n: feed[n] for n in self.meta["inputs"]})[0]
        if self.meta["pooling"] == "cls":
            v = hidden[:, 0]
        else:
            mask = feed["attention_mask"][..., None].astype(np.float32)
            v = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
        v = v / np.clip(np.linalg.norm(v, axis=1, keepdims=True), 1e-12, None)
        return v.astype(np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self.encode([self.meta["query_prefix"] + text])[0]
