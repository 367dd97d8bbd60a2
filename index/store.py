"""The index on disk, and reading it back.

Layout (one generation per complete build; readers follow ``CURRENT``)::

    INDEX_DIR/
      CURRENT              name of the live generation, replaced atomically
      gen-000007/
        params.json        format, model, dim, built_at, files {source: sha256}, segments
        s000003/, s000007/ the segments (index/segments.py), each the files one build parsed:
                           meetings.jsonl (one Meeting per line), documents.jsonl ({"source",
                           "sha256", "text"}: the text every quote comes from), chunks.jsonl (one
                           Chunk per line), heads.json + columns.npz (the chunks as columns: a
                           start-up reads these instead of validating every meeting and chunk,
                           index/lazy.py), vectors.npy (normalised embeddings, row i <-> chunk i,
                           memory-mapped when read); a segment an older generation wrote is
                           hard-linked, not rewritten, and params.json lists its live files
        search-v3/         the search arrays (index/prepared.py)
        vectors.faiss      the FAISS IVF index, above index/vectors.py's FLAT_MAX only

The generation's rows are its segments' live rows, segment after segment. Generations of format
1 (every file above at the top of the generation, no segments) are still read.

A build writes a new generation in a temporary folder, renames it into place and only then
swaps CURRENT, so a crash or kill at any point leaves the previous index usable; pruning an old
generation unlinks its files, and a segment a live generation links keeps its data."""
from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import lazy, segments
from .atomic import write_bytes, write_file, write_folder
from .collections import in_collections
from .errors import IndexCorrupt, IndexMissing, ModelMismatch
from .models import Chunk, Meeting
from .vectors import VectorIndex

FORMAT = 2  # segments (index/segments.py); 1: every file at the top of the generation
READABLE = (1, 2)
CURRENT = "CURRENT"
LOAD_ATTEMPTS = 5  # loads retried while CURRENT moves under them (a writer updating in a loop)
SAMPLE_ROWS = 1000  # vectors checked for unit length when a generation is loaded


@dataclass
class IndexStatus:
    meetings: int
    chunks: int
    first_date: str | None
    last_date: str | None
    updated_at: str | None
    model: str | None
    skipped: list[dict] = field(default_factory=list)  # files not indexed: {"file", "reason"}
    notes: list[dict] = field(default_factory=list)  # files read by their content: {"file", "note"}
    # {"collection", "meetings"} per collection (index/collections.py), by folder name
    collections: list[dict] = field(default_factory=list)
    partial: list[dict] = field(default_factory=list)  # parse steps that failed: {"file", "step", "reason"}

    def to_json_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class IndexSnapshot:
    """A complete generation of the index, loaded into memory. Not changed once loaded."""

    params: dict
    meetings: dict[str, Meeting]
    documents: dict[str, str]
    hashes: dict[str, str]
    chunks: list[Chunk]
    vectors: VectorIndex
    path: Path | None = None
    _by_source: dict[str, list[int]] = field(default_factory=dict, repr=False)

    @classmethod
    def empty(cls, model: str | None = None, dim: int = 0) -> "IndexSnapshot":
        return cls(
            params={"format": FORMAT, "model": model, "dim": dim, "built_at": None, "files": {}},
            meetings={}, documents={}, hashes={}, chunks=[], vectors=VectorIndex.empty(dim),
        )

    @property
    def model(self) -> str | None:
        return self.params.get("model")

    def index_rows(self) -> None:
        """Map sources to chunk rows. Called once when the snapshot is complete (load_index), so
        threads reading a loaded snapshot never see the map half built."""
        if isinstance(self.chunks, lazy.ChunkTable):  # from the columns, no Chunk made
            self._by_source = self.chunks.rows_by_source()
            return
        by_source: dict[str, list[int]] = {}
        for i, c in enumerate(self.chunks):
            by_source.setdefault(c.source, []).append(i)
        self._by_source = by_source

    def chunk_rows(self, source: str) -> list[int]:
        if not self._by_source and self.chunks:
            self.index_rows()
        return self._by_source.get(source, [])

    def chunk_texts(self) -> list[str]:
        """Every chunk's text in row order (from the columns, making no Chunk, when read so)."""
        return self.chunks.texts() if isinstance(self.chunks, lazy.ChunkTable) else [c.text for c in self.chunks]

    def chunk_sources(self) -> list[str]:
        return self.chunks.sources() if isinstance(self.chunks, lazy.ChunkTable) else [c.source for c in self.chunks]

    def vectors_of(self, rows: list[int]) -> np.ndarray:
        return self.vectors.vectors_of(rows)

    def dense_search(self, query: np.ndarray, k: int, *, rows=None) -> list[tuple[int, float]]:
        """Top ``k`` chunk rows by cosine similarity (vectors are normalised); with ``rows``,
        exact scores of those rows only."""
        if rows is not None:
            return self.vectors.search_rows(query, rows)[:k]
        return self.vectors.search(query, k)

    def check_model(self, model: str) -> None:
        if self.model and self.model != model:
            raise ModelMismatch(
                f"the index was built with embedding model {self.model!r} but {model!r} is configured; "
                "run `minutes index --rebuild` to rebuild it"
            )

    def status(self, collections: frozenset[str] | None = None) -> IndexStatus:
        """What the index holds; with ``collections`` (collection_key form), only what those
        collections hold: another body's files are neither counted nor named."""
        meetings = [m for m in self.meetings.values() if in_collections(m.source, collections)]
        dates = sorted(m.date for m in meetings if m.date)
        counts: dict[str, int] = {}
        for m in meetings:
            counts[m.collection] = counts.get(m.collection, 0) + 1
        chunks = len(self.chunks) if collections is None else sum(len(self.chunk_rows(m.source)) for m in meetings)
        return IndexStatus(
            meetings=len(meetings), chunks=chunks,
            first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
            updated_at=self.params.get("built_at"), model=self.model,
            skipped=[s for s in self.params.get("skipped", []) if in_collections(s["file"], collections)],
            notes=[n for n in self.params.get("notes", []) if in_collections(n["file"], collections)],
            partial=[p for p in self.params.get("partial", []) if in_collections(p["file"], collections)],
            collections=[{"collection": c, "meetings": n} for c, n in sorted(counts.items())],
        )


def current_generation(index_dir: Path) -> Path | None:
    pointer = index_dir / CURRENT
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return index_dir / name


def load_index(index_dir: Path) -> IndexSnapshot:
    """The live generation. A writer keeps only the live generation and the one before, so one
    resolved just before two quick updates can be pruned while it is read: then CURRENT has
    moved, and the new one is read instead (a failure with CURRENT unchanged is real damage)."""
    for _ in range(LOAD_ATTEMPTS - 1):
        gen = current_generation(index_dir)
        try:
            return _load_generation(index_dir, gen)
        except IndexCorrupt:
            if current_generation(index_dir) == gen:
                raise
    return _load_generation(index_dir, current_generation(index_dir))


def _load_generation(index_dir: Path, gen: Path | None) -> IndexSnapshot:
    if gen is None:
        raise IndexMissing(f"no index in {index_dir}: run `minutes index` first")
    try:
        params = json.loads((gen / "params.json").read_text(encoding="utf-8"))
        if params.get("format") not in READABLE:
            raise IndexCorrupt(f"index in {index_dir} has format {params.get('format')}; run `minutes index --rebuild`")
        if "segments" in params:
            docs, meetings, chunks, matrix = segments.read(gen, params["segments"])
            if matrix is None:  # no files at all
                matrix = np.zeros((0, max(int(params.get("dim") or 1), 1)), dtype=np.float32)
        else:  # format 1
            docs, meetings, chunks = _read_flat(gen)
            matrix = None
        documents = {d["source"]: d["text"] for d in docs}
        vectors = VectorIndex.load(gen, params, matrix)
    except (OSError, ValueError, KeyError, TypeError, RuntimeError, EOFError, zipfile.BadZipFile) as e:
        # BadZipFile/EOFError: columns.npz cut short
        raise IndexCorrupt(f"index in {index_dir} is damaged ({e.__class__.__name__}); run `minutes index --rebuild`") from None
    if vectors.ntotal != len(chunks):
        raise IndexCorrupt(f"index in {index_dir} is damaged (vectors and chunks differ); run `minutes index --rebuild`")
    problem = _inconsistency(params, meetings, docs, chunks, vectors)
    if problem:
        raise IndexCorrupt(f"index in {index_dir} is damaged ({problem}); run `minutes index --rebuild`")
    snapshot = IndexSnapshot(
        params=params, meetings=meetings,
        documents=documents,
        hashes={d["source"]: d["sha256"] for d in docs},
        chunks=chunks, vectors=vectors, path=gen,
    )
    snapshot.index_rows()
    return snapshot


def _read_flat(gen: Path):
    """(documents as stored, meetings, chunks) of a generation of format 1."""
    docs = list(segments.jsonl(gen / "documents.jsonl"))
    got = lazy.read(gen, {d["source"]: d["text"] for d in docs})
    if got is not None:
        return (docs, *got)
    # a generation written before heads.json and columns.npz
    meetings = {d["source"]: Meeting.model_validate(d) for d in segments.jsonl(gen / "meetings.jsonl")}
    return docs, meetings, [Chunk.model_validate(d) for d in segments.jsonl(gen / "chunks.jsonl")]


def _inconsistency(params: dict, meetings: dict, docs: list[dict], chunks: list[Chunk], vectors) -> str | None:
    """What is wrong with a generation whose files all parsed, or None. Catches a file cut
    short at a line boundary (which parses) and flipped bytes: the files must agree with the
    list in params.json, every chunk must be its document's text at its offsets, and the vectors
    must have the recorded shape and, in a sample of at most ``SAMPLE_ROWS`` rows, unit length."""
    files = params.get("files")
    if not isinstance(files, dict):
        return "params.json has no file list"
    hashes = {d["source"]: d["sha256"] for d in docs}
    if hashes != files:
        return "documents.jsonl does not match params.json"
    if set(meetings) != set(files):
        return "meetings.jsonl does not match params.json"
    texts = {d["source"]: d["text"] for d in docs}
    if isinstance(chunks, lazy.ChunkTable):
        # Chunks read from columns are cut from their document, so their text is right by
        # construction; what can be wrong is an offset outside it (checked on arrays, without
        # making every chunk, so start-up stays flat).
        bad = chunks.outside(texts)
        if bad is not None:
            return f"chunk {bad} is not its document's text"
    else:
        for c in chunks:
            text = texts.get(c.source)
            if text is None or text[c.start:c.end] != c.text:
                return f"chunk {c.id} is not its document's text"
    if vectors.matrix.ndim != 2:
        return "the vector file is not a matrix"
    dim = params.get("dim")
    if vectors.ntotal and dim and vectors.d != dim:
        return f"the vectors have {vectors.d} dimensions, params.json says {dim}"
    if vectors.ntotal:
        # A sample, not every row: start-up must not grow with the corpus. Evenly spaced rows
        # (first and last included) still catch a file cut short or overwritten in a stretch.
        rows = np.unique(np.linspace(0, vectors.ntotal - 1, num=min(SAMPLE_ROWS, vectors.ntotal)).astype(np.int64))
        norms = np.linalg.norm(vectors.vectors_of(rows), axis=1)
        if not np.all(np.isfinite(norms)) or np.any(np.abs(norms[norms > 0] - 1.0) > 1e-3):
            return "the vector file holds vectors that are not normalised"
    return None


def write_index(index_dir: Path, snapshot: IndexSnapshot, parts: Callable[[Path], None] | None = None,
                layout: segments.Layout | None = None) -> Path:
    """Write ``snapshot`` as a new generation and make it current, atomically. ``layout``: the
    previous generation's segments it links (their files' rows first in ``snapshot``, in their
    order; index/segments.py ``plan``); the rest of its files are written as one new segment.
    ``parts(folder)`` writes what else the generation holds (index/build.py: its search arrays)
    into its folder before it is renamed into place, so no reader ever sees it without them."""
    layout = layout or segments.Layout()
    index_dir.mkdir(parents=True, exist_ok=True)
    current = current_generation(index_dir)
    n = int(current.name.split("-")[1]) + 1 if current and current.name.startswith("gen-") else 1
    gen = index_dir / f"gen-{n:06d}"
    while gen.exists():  # left by a crash after the rename but before CURRENT moved
        n += 1
        gen = index_dir / f"gen-{n:06d}"

    def fill(tmp: Path) -> None:
        # Every file is fsynced before the rename, so after a power cut CURRENT never points at a
        # generation whose files are still empty; linked files were fsynced when first written.
        entries = []
        for folder, seg in layout.linked:
            segments.link(folder, tmp / seg["name"])
            entries.append(seg)
        linked = set(layout.linked_sources)
        start = sum(len(snapshot.chunk_rows(s)) for s in linked)
        new = [s for s in snapshot.documents if s not in linked]
        if new:
            chunks = snapshot.chunks[start:]
            if any(c.source in linked for c in chunks):
                raise ValueError("the linked segments' rows must come first in the snapshot")
            segments.write(tmp / segments.name_for(n), [snapshot.meetings[s] for s in new],
                           [(s, snapshot.hashes[s], snapshot.documents[s]) for s in new], chunks,
                           snapshot.vectors_of(list(range(start, len(snapshot.chunks)))))
            entries.append({"name": segments.name_for(n), "sources": new, "rows": len(chunks)})
        if parts is not None:
            parts(tmp)
        # Last: it records the vector index type.
        params = {**snapshot.params, "format": FORMAT, "segments": entries, **snapshot.vectors.write(tmp, write_bytes)}
        write_bytes(tmp / "params.json", json.dumps(params, ensure_ascii=False, indent=1).encode("utf-8"))

    write_folder(gen, fill, replace=False)
    write_file(index_dir / CURRENT, gen.name + "\n")
    _prune(index_dir, keep={gen, current})
    return gen


def _prune(index_dir: Path, keep: set[Path | None]) -> None:
    """Drop every generation but the live one and the one it replaced (a reader that resolved
    CURRENT just before the swap may still be loading it), and leftovers of interrupted builds.
    Callers hold the write lock, so no build is in progress."""
    for path in index_dir.glob("gen-*"):
        if path.is_dir() and path not in keep:
            shutil.rmtree(path, ignore_errors=True)
    for tmp in index_dir.glob(".tmp-gen-*"):
        shutil.rmtree(tmp, ignore_errors=True)
