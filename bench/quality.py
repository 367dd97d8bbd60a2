"""bench.py's quality section: the evaluation questions answered by this project (hybrid and
BM25 alone) and by a naive retrieval baseline (bench/naive.py), with their answer times."""
from __future__ import annotations

import statistics
import time
from pathlib import Path

from bench import load_now, pct


def section_quality(work: Path) -> dict:
    import naive
    from eval import run as er
    from index.embed import PACKAGED_MODEL, LazyEmbedder, SentenceTransformerEmbedder
    from index import onnx_encoder

    qs = er.load_questions(splits=("dev", "heldout"))
    real = SentenceTransformerEmbedder(PACKAGED_MODEL)
    cache = work / "onnx-cache"
    onnx_encoder.ensure(cache, real)
    lazy = LazyEmbedder(PACKAGED_MODEL, loader=lambda name: real)
    t = time.perf_counter()
    outcomes = er.evaluate(qs, embedder=lazy, modes=("hybrid", "bm25"))
    ours_s = time.perf_counter() - t
    t = time.perf_counter()
    naive_outcomes, naive_info = naive.evaluate(qs, real)
    naive_s = time.perf_counter() - t
    out = {"load": load_now(), "questions": len(qs)}
    for label, os_ in (("this project", [o for o in outcomes if o.mode == "hybrid"]),
                       ("BM25 alone", [o for o in outcomes if o.mode == "bm25"]),
                       ("naive (1,000-char chunks, MiniLM, flat FAISS, top 3)", naive_outcomes)):
        row = {}
        for split in ("dev", "heldout"):
            table = er.summarise(os_, split)
            mode = next(iter(table))
            row[split] = {kind: table[mode][kind] for kind in ("search", "all") if kind in table[mode]}
        ms = [o.ms for o in os_]
        row["answer_ms_p50"] = statistics.median(ms)
        row["answer_ms_p95"] = pct(ms, 0.95)
        row["verbatim"] = all(o.verbatim for o in os_)
        out[label] = row
    out["wall_s"] = {"this project + BM25 (index + ask)": ours_s, "naive (index + ask)": naive_s}
    out["naive"] = naive_info
    return out
