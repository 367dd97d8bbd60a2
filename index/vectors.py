"""The chunk vectors of one generation and the search over them, with the index type chosen by size.

Up to ``FLAT_MAX`` vectors the search is exact: one matrix-vector product in numpy over the
memory-mapped ``vectors.npy`` (1.3 ms at 20,000 x 384 on this machine, 4.5 ms at 50,000; numpy
beats faiss's flat index for one query, and skipping ``import faiss`` saves 0.2 s of start-up).
Above it a FAISS IVF index (``vectors.faiss``) answers, with ``nprobe`` set for recall@10 of at
least 0.95 against exact search (bench/vector_bench.py measures it).

IVF rather than HNSW because an update must stay cheap: an IVF index is rebuilt from the
remaining vectors by assigning them to the previous build's centroids (no training, about a
second per 100,000 vectors), which handles deletions and additions alike; HNSW cannot delete and
costs minutes to rebuild at that size. Centroids are trained again when the corpus has grown or
shrunk by more than a factor of two since they were.

The vectors themselves are stored by segment (index/segments.py: each segment's ``vectors.npy``,
its row i is its chunk i) and read as one matrix (``Stacked``), memory-mapped: what updates copy
vectors from and what searches restricted to a few meetings score exactly. Only an IVF index is
a file of the generation (``vectors.faiss``)."""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np

FLAT_MAX = 50_000
NPY = "vectors.npy"
FAISS = "vectors.faiss"
# Lists probed per question, as a share of the lists, with a floor. Vectors drawn around real
# MiniLM embeddings reach recall@10 0.99 at 1.5 % of the lists (docs/benchmarks.md); harder,
# tightly clustered data (tests/test_vector_index.py) needs about 10 %. 1/8 costs 1.4 ms at 1e5.
NPROBE_SHARE = 0.125
NPROBE_MIN = 16
RETRAIN_FACTOR = 2.0


_BLAS_LIMITED = False


def _one_blas_thread() -> None:
    """One OpenBLAS thread for this process's matrix-vector products. With two, OpenBLAS's
    threads keep spinning after each product and take the core the ONNX query encoder runs on:
    measured on 2 cores, a question's encoding went from 7 to 11 ms and the product itself from
    0.4 to 5 ms. One product of a question is too small to gain from a second thread."""
    global _BLAS_LIMITED
    if not _BLAS_LIMITED:
        _BLAS_LIMITED = True
        from threadpoolctl import threadpool_limits

        threadpool_limits(1, user_api="blas")


def nlist_for(n: int) -> int:
    return max(1, min(int(4 * math.sqrt(n)), n // 39))  # faiss wants >= 39 training points a list


def nprobe_for(nlist: int) -> int:
    return min(nlist, max(NPROBE_MIN, int(math.ceil(NPROBE_SHARE * nlist))))


def kind_for(n: int) -> str:
    return "flat" if n <= FLAT_MAX else "ivf"


class Stacked:
    """Row matrices one after another, read as one (n, dim) matrix without copying them: the
    memory-mapped vectors of a generation's segments (index/segments.py)."""

    ndim = 2

    def __init__(self, parts: list[np.ndarray]):
        self.parts = parts
        self.starts = np.cumsum([0] + [len(p) for p in parts])
        self.shape = (int(self.starts[-1]), int(parts[0].shape[1]))

    def __len__(self) -> int:
        return self.shape[0]

    def __matmul__(self, q: np.ndarray) -> np.ndarray:
        return np.concatenate([p @ q for p in self.parts])

    def __getitem__(self, rows) -> np.ndarray:
        rows = np.asarray(rows, dtype=np.int64)
        part = np.searchsorted(self.starts, rows, side="right") - 1
        out = np.empty((len(rows), self.shape[1]), dtype=np.float32)
        for i in np.unique(part):
            at = part == i
            out[at] = self.parts[i][rows[at] - self.starts[i]]
        return out

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        return np.concatenate([np.asarray(p, dtype=np.float32) for p in self.parts]).astype(dtype or np.float32, copy=False)


class VectorIndex:
    """Normalised chunk vectors (row i is chunk i) and inner-product search over them."""

    def __init__(self, matrix: np.ndarray, *, dim: int, ann=None, trained_on: int = 0):
        self.matrix = matrix  # (n, dim) float32, possibly memory-mapped
        self.d = dim
        self.ann = ann  # a faiss IVF index over the same rows, or None: exact search
        self.trained_on = trained_on  # how many vectors the IVF centroids were trained on

    @classmethod
    def empty(cls, dim: int) -> "VectorIndex":
        return cls(np.zeros((0, max(dim, 1)), dtype=np.float32), dim=max(dim, 1))

    @property
    def ntotal(self) -> int:
        return int(self.matrix.shape[0])

    @property
    def kind(self) -> str:
        return "flat" if self.ann is None else "ivf"

    def vectors_of(self, rows) -> np.ndarray:
        if len(rows) == 0:
            return np.zeros((0, self.d), dtype=np.float32)
        return np.asarray(self.matrix[np.asarray(rows, dtype=np.int64)], dtype=np.float32)

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        """Top ``k`` rows by inner product, best first (ties: lower row first, as faiss does)."""
        n = self.ntotal
        if n == 0 or k <= 0:
            return []
        q = np.ascontiguousarray(query, dtype=np.float32).reshape(-1)
        if self.ann is not None:
            scores, rows = self.ann.search(q.reshape(1, -1), min(k, n))
            return [(int(r), float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]
        _one_blas_thread()
        return self._top(self.matrix @ q, np.arange(n), k)

    def search_rows(self, query: np.ndarray, rows) -> list[tuple[int, float]]:
        """Exact scores of the given rows, best first: a search restricted to a few meetings."""
        rows = np.asarray(sorted(rows), dtype=np.int64)
        if len(rows) == 0:
            return []
        q = np.ascontiguousarray(query, dtype=np.float32).reshape(-1)
        return self._top(self.vectors_of(rows) @ q, rows, len(rows))

    @staticmethod
    def _top(scores: np.ndarray, rows: np.ndarray, k: int) -> list[tuple[int, float]]:
        k = min(k, len(rows))
        if k < len(rows):
            part = np.argpartition(-scores, k - 1)[:k]
        else:
            part = np.arange(len(rows))
        order = part[np.lexsort((rows[part], -scores[part]))]
        return [(int(rows[i]), float(scores[i])) for i in order]

    # -- on disk ----------------------------------------------------------------------------
    def write(self, folder: Path, write_bytes) -> dict:
        """Write what the generation holds beside its segments' vectors (index/segments.py) into
        ``folder`` with ``write_bytes(path, data)`` (which fsyncs): the IVF index when there is
        one; returns what params.json records about it. A flat index is the segments' rows."""
        if self.ann is not None:
            import faiss  # only writers of large indexes pay for it

            write_bytes(folder / FAISS, faiss.serialize_index(self.ann).tobytes())
        return {"vector_index": self.kind, "vector_trained_on": self.trained_on}

    @classmethod
    def load(cls, folder: Path, params: dict, matrix=None) -> "VectorIndex":
        """The generation's vectors: ``matrix`` read from its segments (index/segments.py), or,
        in a generation written before segments, its own ``vectors.npy`` (or ``vectors.faiss``)."""
        kind = params.get("vector_index")
        if matrix is None:
            if kind is None or not (folder / NPY).is_file():
                return cls._from_faiss(folder)  # a generation written before vectors.npy
            matrix = np.load(folder / NPY, mmap_mode="r")
        dim = int(matrix.shape[1]) if matrix.ndim == 2 else int(params.get("dim") or 1)
        if kind != "ivf":
            return cls(matrix, dim=dim)
        import faiss

        ann = faiss.read_index(str(folder / FAISS))
        ann.nprobe = nprobe_for(ann.nlist)
        return cls(matrix, dim=dim, ann=ann, trained_on=int(params.get("vector_trained_on") or 0))

    @classmethod
    def _from_faiss(cls, folder: Path) -> "VectorIndex":
        import faiss

        index = faiss.read_index(str(folder / FAISS))
        matrix = index.reconstruct_n(0, index.ntotal) if index.ntotal else np.zeros((0, index.d), np.float32)
        return cls(np.asarray(matrix, dtype=np.float32), dim=index.d)


def build(matrix: np.ndarray, dim: int, previous: VectorIndex | None = None) -> VectorIndex:
    """The index for these vectors (row i is chunk i): exact while small, IVF above FLAT_MAX,
    reusing ``previous``'s centroids when they were trained on a corpus of similar size."""
    matrix = np.ascontiguousarray(matrix, dtype=np.float32).reshape(-1, max(dim, 1))
    n = len(matrix)
    if kind_for(n) == "flat":
        return VectorIndex(matrix, dim=max(dim, 1))
    import faiss

    if (previous is not None and previous.ann is not None and previous.d == dim
            and previous.trained_on and 1 / RETRAIN_FACTOR <= n / previous.trained_on <= RETRAIN_FACTOR):
        ann = faiss.clone_index(previous.ann)
        ann.reset()  # keeps the trained centroids, drops the lists
        trained_on = previous.trained_on
    else:
        nlist = nlist_for(n)
        quantizer = faiss.IndexFlatIP(dim)
        ann = faiss.IndexIVFFlat(quantizer, dim, nlist, faiss.METRIC_INNER_PRODUCT)
        # 64 points a list train centroids as well as all of them would, in a fraction of the time
        sample = matrix if n <= 64 * nlist else matrix[np.random.default_rng(0).choice(n, 64 * nlist, replace=False)]
        ann.train(sample)
        trained_on = n
    ann.add(matrix)
    ann.nprobe = nprobe_for(ann.nlist)
    return VectorIndex(matrix, dim=dim, ann=ann, trained_on=trained_on)
