"""The vector part alone at 1e5 and 1e6 vectors: exact (numpy, faiss flat) against HNSW and IVF
(the index type index/vectors.py switches to), in latency, recall@10, build time and memory.

Vectors are drawn around real embeddings (the chunks of an index built with the packaged model):
each is a random mix of two real chunk vectors plus Gaussian noise, renormalised (cosine about
0.8 to its mix), so the set spreads over the region real text occupies, with its clusters,
rather than being uniform noise or a few hundred tight blobs. Queries are drawn the same way.

    .venv/bin/python bench/vector_bench.py --index DIR [--sizes 100000,1000000] [--json OUT]"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NOISE = 0.75  # cos(origin, drawn) ~ 1 / sqrt(1 + NOISE^2) = 0.8


def draw(real: np.ndarray, n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    d = real.shape[1]
    out = np.empty((n, d), dtype=np.float32)
    step = 100_000
    for s in range(0, n, step):
        m = min(step, n - s)
        w = rng.random((m, 1), dtype=np.float32)
        base = w * real[rng.integers(0, len(real), m)] + (1 - w) * real[rng.integers(0, len(real), m)]
        base /= np.linalg.norm(base, axis=1, keepdims=True)
        x = base + (NOISE / np.sqrt(d)) * rng.standard_normal((m, d)).astype(np.float32)
        out[s:s + m] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out


def timed(fn, queries) -> tuple[float, float, list]:
    times, results = [], []
    for q in queries:
        t = time.perf_counter()
        results.append(fn(q))
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], results


def recall(got: list, truth: list, k: int = 10) -> float:
    return float(np.mean([len(set(g[:k]) & set(t[:k])) / k for g, t in zip(got, truth)]))


def bench_size(real: np.ndarray, n: int, *, queries: int, hnsw_max: int, log) -> list[dict]:
    import faiss

    from index import vectors

    x = draw(real, n, seed=n)
    qs = draw(real, queries, seed=1)
    d = x.shape[1]
    rows = []
    exact = vectors.VectorIndex(x, dim=d)
    p50, p95, truth = timed(lambda q: [r for r, _ in exact.search(q, 10)], qs)
    rows.append(dict(n=n, index="flat (numpy, ours <= FLAT_MAX)", build_s=0.0, p50_ms=p50, p95_ms=p95, recall10=1.0,
                     memory_mb=x.nbytes / 2**20))
    log(rows[-1])

    t = time.perf_counter()
    ff = faiss.IndexFlatIP(d)
    ff.add(x)
    build = time.perf_counter() - t
    p50, p95, got = timed(lambda q: list(ff.search(q.reshape(1, -1), 10)[1][0]), qs)
    rows.append(dict(n=n, index="faiss IndexFlatIP", build_s=build, p50_ms=p50, p95_ms=p95, recall10=recall(got, truth),
                     memory_mb=x.nbytes / 2**20))
    log(rows[-1])
    del ff

    t = time.perf_counter()
    ivf = vectors.build(x, d) if n > vectors.FLAT_MAX else None
    if ivf is None:  # below the switch: build one anyway, for the comparison
        saved, vectors.FLAT_MAX = vectors.FLAT_MAX, 0
        try:
            ivf = vectors.build(x, d)
        finally:
            vectors.FLAT_MAX = saved
    build = time.perf_counter() - t
    ann = ivf.ann
    for nprobe in sorted({max(1, ann.nlist // 64), vectors.nprobe_for(ann.nlist), max(1, ann.nlist // 8)}):
        ann.nprobe = nprobe
        p50, p95, got = timed(lambda q: list(ann.search(q.reshape(1, -1), 10)[1][0]), qs)
        ours = " (ours)" if nprobe == vectors.nprobe_for(ann.nlist) else ""
        rows.append(dict(n=n, index=f"IVF{ann.nlist} nprobe {nprobe}{ours}", build_s=build, p50_ms=p50, p95_ms=p95,
                         recall10=recall(got, truth), memory_mb=(ann.ntotal * (d * 4 + 8) + ann.nlist * d * 4) / 2**20))
        log(rows[-1])
    del ivf, ann

    if n <= hnsw_max:
        t = time.perf_counter()
        h = faiss.IndexHNSWFlat(d, 32, faiss.METRIC_INNER_PRODUCT)
        h.hnsw.efConstruction = 40
        h.add(x)
        build = time.perf_counter() - t
        for ef in (32, 64, 128):
            h.hnsw.efSearch = ef
            p50, p95, got = timed(lambda q: list(h.search(q.reshape(1, -1), 10)[1][0]), qs)
            rows.append(dict(n=n, index=f"HNSW32 efSearch {ef}", build_s=build, p50_ms=p50, p95_ms=p95,
                             recall10=recall(got, truth), memory_mb=(n * (d * 4 + 32 * 2 * 4 * 1.1)) / 2**20))
            log(rows[-1])
        del h
    else:
        log({"n": n, "index": "HNSW", "skipped": f"build above --hnsw-max {hnsw_max}"})
    return rows


def real_vectors(index_dir: Path) -> np.ndarray:
    from index.store import load_index

    snap = load_index(index_dir)
    return snap.vectors_of(list(range(len(snap.chunks))))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", type=Path, required=True, help="an index built with the packaged model")
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--hnsw-max", type=int, default=1_000_000, help="largest size HNSW is built at (slow)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    real = real_vectors(args.index)
    print(f"{len(real)} real vectors as origins")
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        rows += bench_size(real, n, queries=args.queries, hnsw_max=args.hnsw_max,
                           log=lambda r: print(json.dumps(r), flush=True))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
