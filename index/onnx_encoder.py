"""An embedding model without sentence-transformers or torch: documents and questions alike.

Importing sentence-transformers costs about 7 s (torch, transformers), and torch encodes a
chunk at about half the speed onnxruntime does on these CPUs. So a model's transformer is
exported once with ``torch.onnx`` into a cache folder every index shares (``default_cache_dir``:
``MINUTES_ENCODER_CACHE``, else the user's cache folder), together with its tokenizer and what
the sentence-transformers modules do after it (pooling, normalising, prefixes). From then on
chunks and questions are encoded with onnxruntime and the ``tokenizers`` library, by the same
code, so a question's vector is comparable with the chunks' (docs/benchmarks.md measures it).
The export is made at install for the packaged model (scripts/install.sh), or by the first
``minutes index`` that needs a model that has none.

Only what can be reproduced exactly is exported: a Transformer, then mean or CLS pooling, then
an optional Normalize. Any other pipeline (max pooling, a Dense layer, default prompts, a slow
tokenizer) gets no export, and sentence-transformers encodes documents and questions.

Chunks are encoded sorted by length and padded only to the longest of their batch (docs/
benchmarks.md: the same vectors in a fraction of the time). int8 quantisation was
measured and not kept (docs/benchmarks.md)."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import warnings
from pathlib import Path

import numpy as np

from .atomic import write_file, write_folder

log = logging.getLogger(__name__)

# Bump when what is written changes: an old cache is then ignored and written anew.
EXPORT_VERSION = 2
META = "encoder.json"
POOLINGS = ("mean", "cls")
# A forward pass takes at most BATCH texts and BATCH_TOKENS word pieces (rows x the longest):
# measured on dvd-goteborg-sv's chunks (most near 256 pieces), 8 rows of 256 against 32 cost
# 20 % less CPU time and half the peak memory (342 against 663 MB).
BATCH = 32
BATCH_TOKENS = 2048


def default_cache_dir() -> Path:
    """Where model exports live: ``MINUTES_ENCODER_CACHE``, else ``$XDG_CACHE_HOME/minutes/
    encoders`` (``~/.cache/minutes/encoders``)."""
    given = os.environ.get("MINUTES_ENCODER_CACHE")
    if given:
        return Path(given).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "minutes" / "encoders"


def cache_path(cache_dir: Path | None, model: str) -> Path:
    """The export of ``model`` in ``cache_dir`` (the default cache when None): outside any index,
    since it is 90 MB and the same for every index built with the model."""
    key = hashlib.sha256(model.encode("utf-8")).hexdigest()[:16]
    return Path(cache_dir if cache_dir is not None else default_cache_dir()) / key


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


def export(st_model, target: Path, *, model: str, query_prefix: str, passage_prefix: str = "", dim: int) -> bool:
    """Write the encoder of ``st_model`` to ``target`` (atomically: a reader sees all of it or
    nothing). False, with a log line, when the model's pipeline is not supported."""
    try:
        info = describe(st_model)
    except Unsupported as e:
        log.info("no ONNX encoder for %s (%s): sentence-transformers encodes with it", model, e)
        # Recorded, so the next index does not load the model again to find out.
        write_file(Path(target) / META, json.dumps({"version": EXPORT_VERSION, "model": model, "unsupported": str(e)}))
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
    meta = {"version": EXPORT_VERSION, "model": model, "dim": dim, "query_prefix": query_prefix,
            "passage_prefix": passage_prefix, **info}

    def fill(tmp: Path) -> None:
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
        (tmp / META).write_text(json.dumps(meta, indent=1), encoding="utf-8")

    write_folder(Path(target), fill)
    return True


def ensure(cache_dir: Path | None, embedder) -> bool:
    """Make sure the cache has the export of ``embedder``'s model, or a note that it cannot have
    one. Loads the model only when neither is there yet; True when the export is available."""
    path = cache_path(cache_dir, embedder.name)
    if decided(path, embedder.name):
        return available(path, embedder.name)
    load = getattr(embedder, "sentence_transformer", None)  # a LazyEmbedder loads its model now
    model = load() if load is not None else embedder
    export_onnx = getattr(model, "export_onnx", None)
    if export_onnx is None:  # not a sentence-transformers model (the tests' fake embedder)
        return False
    try:
        return bool(export_onnx(path))
    except OSError as e:  # a read-only cache folder, a full disk: the model encodes instead
        log.warning("cannot write the ONNX encoder of %s to %s (%s); sentence-transformers encodes with it",
                    embedder.name, path, e.strerror or e)
        return False


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


class OnnxEncoder:
    """Encodes texts as the exported sentence-transformers model does: same tokenizer and
    truncation, same pooling, L2-normalised; ``embed_documents`` and ``embed_query`` add the
    model's prefixes. ``threads``: onnxruntime's intra-op threads (1 in a serving bot, so an
    update does not take the core its questions run on)."""

    def __init__(self, path: Path, *, threads: int = 1):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.meta = json.loads((path / META).read_text(encoding="utf-8"))
        self.name = self.meta["model"]
        self.dim = int(self.meta["dim"])
        self.max_tokens = int(self.meta["max_length"])
        self._tok = Tokenizer.from_file(str(path / "tokenizer.json"))
        self._tok.enable_truncation(self.max_tokens)
        self._tok.no_padding()  # padded per batch, to its longest text
        self._count = Tokenizer.from_file(str(path / "tokenizer.json"))  # whole texts, no special tokens
        self._count.no_truncation()
        self._count.no_padding()
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = max(1, threads)
        opts.inter_op_num_threads = 1
        self._session = ort.InferenceSession(str(path / "model.onnx"), opts, providers=["CPUExecutionProvider"])
        # The bot's threads share the tokenizers ("Already borrowed" when two use one at once);
        # the session itself runs concurrent calls.
        self._lock = threading.Lock()

    def _prepare(self, texts: list[str]) -> list[str]:
        return [t.lower() for t in texts] if self.meta["lower_case"] else texts

    def token_count(self, text: str) -> int:
        """Word pieces of ``text`` without [CLS]/[SEP], as the Hugging Face tokenizer counts them."""
        with self._lock:
            return len(self._count.encode(self._prepare([text])[0], add_special_tokens=False).ids)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            encs = self._tok.encode_batch(self._prepare(texts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = sorted(range(len(encs)), key=lambda i: len(encs[i].ids))
        i = 0
        while i < len(order):
            # sorted ascending: the batch's last text is its longest
            take = 1
            while (take < BATCH and i + take < len(order)
                   and (take + 1) * len(encs[order[i + take]].ids) <= BATCH_TOKENS):
                take += 1
            rows = order[i: i + take]
            i += take
            width = len(encs[rows[-1]].ids)
            feed = {n: np.zeros((len(rows), width), dtype=np.int64)
                    for n in ("input_ids", "attention_mask", "token_type_ids")}
            for j, r in enumerate(rows):
                e = encs[r]
                feed["input_ids"][j, :len(e.ids)] = e.ids
                feed["attention_mask"][j, :len(e.ids)] = e.attention_mask
                feed["token_type_ids"][j, :len(e.ids)] = e.type_ids
            if self.meta["pad_id"]:
                feed["input_ids"][feed["attention_mask"] == 0] = self.meta["pad_id"]
            hidden = self._session.run(None, {n: feed[n] for n in self.meta["inputs"]})[0]
            if self.meta["pooling"] == "cls":
                v = hidden[:, 0]
            else:
                mask = feed["attention_mask"][..., None].astype(np.float32)
                v = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
            out[rows] = v / np.clip(np.linalg.norm(v, axis=1, keepdims=True), 1e-12, None)
        return out

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        prefix = self.meta.get("passage_prefix", "")
        return self.encode([prefix + t for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        return self.encode([self.meta["query_prefix"] + text])[0]
