"""The pipeline most people write first, judged like the project on the evaluation set:
1,000-character chunks (no sections, no parsing), the same MiniLM model, a flat FAISS index, and
the top 3 chunks as the answer. It answers every question (it cannot tell off-topic), and has no
attendee lists or dates, so structured questions are judged on its passages alone."""
from __future__ import annotations

import statistics
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

CHUNK_CHARS = 1000
TOP = 3


def chunks_of(text: str) -> list[tuple[int, int]]:
    return [(s, min(len(text), s + CHUNK_CHARS)) for s in range(0, len(text), CHUNK_CHARS) if text[s:s + CHUNK_CHARS].strip()]


def evaluate(questions: list[dict], embedder) -> tuple[list, dict]:
    import faiss

    from bot.answer import Answer, Passage
    from bot.engine import Detail
    from eval import run as er
    from index.build import scan_corpus
    from index.loaders import SUPPORTED_EXTENSIONS, load_bytes, read_bytes

    by_corpus = defaultdict(list)
    for q in questions:
        by_corpus[q["corpus"]].append(q)
    out, index_s, chunk_count = [], 0.0, 0
    for name, qs in by_corpus.items():
        folder = er.corpus_dir(name)
        if not folder.is_dir():
            continue
        t = time.perf_counter()
        documents, rows = {}, []
        for source, path in scan_corpus(folder):
            if path.suffix.lower() not in SUPPORTED_EXTENSIONS:
                continue
            try:
                text = load_bytes(read_bytes(path, source), source)
            except Exception:  # noqa: BLE001 - the naive pipeline skips what it cannot read, too
                continue
            documents[source] = text
            rows.extend((source, s, e) for s, e in chunks_of(text))
        vecs = embedder.embed_documents([documents[s][a:b] for s, a, b in rows])
        index = faiss.IndexFlatIP(vecs.shape[1])
        index.add(np.ascontiguousarray(vecs, dtype=np.float32))
        index_s += time.perf_counter() - t
        chunk_count += len(rows)
        for q in qs:
            t = time.perf_counter()
            qv = embedder.embed_query(q["q"]).reshape(1, -1).astype(np.float32)
            scores, ids = index.search(qv, min(TOP, index.ntotal))
            passages = []
            for i, sc in zip(ids[0], scores[0]):
                source, s, e = rows[int(i)]
                passages.append(Passage(source=source, quote=documents[source][s:e], score=float(sc), start=s, end=e))
            answer = Answer(question=q["q"], answer=passages[0].quote if passages else "", found=bool(passages),
                            intent="search", passages=passages)
            ms = (time.perf_counter() - t) * 1000
            rank, ok = er.judge(q, answer, Detail(), documents)
            out.append(er.Outcome(q, "naive", rank, ok, er.verbatim(answer, documents), answer.to_json_dict(), ms))
    info = {"chunks": chunk_count, "index_s": index_s,
            "answer_ms_p50": statistics.median(o.ms for o in out) if out else None}
    return out, info
