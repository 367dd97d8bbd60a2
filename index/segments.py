"""A generation's data in segments that later generations share instead of rewriting.

    gen-NNNNNN/
      params.json    ... "segments": [{"name": "s000003", "sources": [...], "rows": 812}, ...]
      s000003/       meetings.jsonl, documents.jsonl, chunks.jsonl, heads.json, columns.npz,
      s000007/       vectors.npy: the files one build parsed, in the order written
      search-v3/     the search arrays of the whole generation (index/prepared.py)
      vectors.faiss  the IVF index, above index/vectors.py's FLAT_MAX only

A segment is written once, by the build that parsed its files, and every later generation that
keeps them links its files (a hard link: the same inode, not a byte written; a copy where the
file system has none). ``sources`` in params.json is the segment's live files, in the order
stored: a file changed or removed since is a tombstone, its rows still in the segment but read
by nobody (the reader keeps the rows of live files only). So adding, changing or removing one
file writes one small segment with that file (and the search arrays, made from the previous
generation's: index/prepared.py ``update``), links the rest, and never touches a byte of them.

Pruning an old generation unlinks its names only: a segment's data lives while any generation
links it. A segment whose live rows fall below half of its rows, or the smallest ones when a
generation would hold more than ``MAX_SEGMENTS``, is not linked but written again into the new
segment (its live files' rows, as they were), which bounds the dead rows and the files a
start-up opens."""
from __future__ import annotations

import io
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import lazy
from .atomic import fsync_dir, write_bytes
from .models import Chunk, Meeting
from .vectors import NPY, Stacked

MAX_SEGMENTS = 8
FILES = ("meetings.jsonl", "documents.jsonl", "chunks.jsonl", lazy.HEADS, lazy.COLUMNS, NPY)


def name_for(generation: int) -> str:
    """The name of the segment a generation writes (unique: generation numbers only grow)."""
    return f"s{generation:06d}"


@dataclass
class Layout:
    """Where a new generation's files come from: ``linked``, the previous generation's segments
    kept (their folder and their entry, narrowed to the files still live), in order; then one
    new segment with the files kept but written again (``rewrite``) and the files parsed now."""

    linked: list[tuple[Path, dict]] = field(default_factory=list)
    rewrite: list[str] = field(default_factory=list)

    @property
    def linked_sources(self) -> list[str]:
        return [s for _, seg in self.linked for s in seg["sources"]]


def plan(old, keep) -> Layout:
    """The layout of a generation that keeps the files ``keep`` of ``old`` as they were."""
    entries = old.params.get("segments") if old is not None and old.path is not None else None
    if not entries:  # a first build, a rebuild, or a generation written before segments
        return Layout([], sorted(keep))
    linked: list[tuple[Path, dict]] = []
    rewrite: list[str] = []
    for seg in entries:
        live = [s for s in seg["sources"] if s in keep]
        rows = sum(len(old.chunk_rows(s)) for s in live)
        if live and 2 * rows >= seg["rows"]:
            linked.append((old.path / seg["name"], {**seg, "sources": live}))
        else:  # mostly tombstones: its live files move to the new segment
            rewrite.extend(live)
    while len(linked) >= MAX_SEGMENTS:  # room for the new segment: the smallest one joins it
        smallest = min(range(len(linked)), key=lambda i: linked[i][1]["rows"])
        rewrite.extend(linked.pop(smallest)[1]["sources"])
    return Layout(linked, sorted(rewrite))


def kept_rows(old, layout: Layout) -> list[int]:
    """The rows of ``old`` a generation of ``layout`` keeps, in its order: the linked segments'
    (as they are there), then the files written again."""
    if old is None:
        return []
    linked = sorted(r for s in layout.linked_sources for r in old.chunk_rows(s))
    return [*linked, *(r for s in layout.rewrite for r in old.chunk_rows(s))]


def chunks_of(old, rows: list[int], new: list[Chunk], documents: dict[str, str]):
    """The chunks of a new generation: ``old``'s ``rows`` then ``new``, as one table of columns
    when both can be (no Chunk made for the rows kept), else as a list."""
    kept = None if old is None else old.chunks.take(rows) if isinstance(old.chunks, lazy.ChunkTable) else [old.chunks[i] for i in rows]
    table = lazy.table_of(new, documents)
    if table is not None and (kept is None or isinstance(kept, lazy.ChunkTable)):
        return lazy.ChunkTable.join([t for t in (kept, table) if t is not None], documents)
    return [*(kept or []), *new]


def link(src: Path, dst: Path) -> None:
    """``dst``, a new folder, with the files of segment ``src``: hard links (a copy, fsynced,
    where the file system makes none). Files a segment was written without stay absent."""
    dst.mkdir()
    for name in FILES:
        if not (src / name).is_file():
            continue
        try:
            os.link(src / name, dst / name)
        except OSError:
            shutil.copyfile(src / name, dst / name)
            with open(dst / name, "rb+") as f:
                os.fsync(f.fileno())
    fsync_dir(dst)


def jsonl(path: Path):
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _write_lines(path: Path, lines) -> None:
    write_bytes(path, "".join(line + "\n" for line in lines).encode("utf-8"))


def write(folder: Path, meetings, documents: list[tuple[str, str, str]], chunks, matrix: np.ndarray) -> None:
    """A new segment in ``folder``: ``meetings``, ``documents`` (source, sha256, text) and
    ``chunks`` in one order of sources (a source's chunks together), ``matrix`` row i the
    vector of chunk i. Every file is fsynced."""
    folder.mkdir()
    _write_lines(folder / "meetings.jsonl", (lazy.meeting_line(m) for m in meetings))
    _write_lines(folder / "documents.jsonl", (json.dumps({"source": s, "sha256": h, "text": t}, ensure_ascii=False)
                                              for s, h, t in documents))
    _write_lines(folder / "chunks.jsonl", (json.dumps(c.model_dump(mode="json"), ensure_ascii=False) for c in chunks))
    columns = lazy.encode(meetings, chunks, {s: t for s, _, t in documents})
    if columns is not None:
        heads, arrays = columns
        write_bytes(folder / lazy.HEADS, heads)
        write_bytes(folder / lazy.COLUMNS, _npz(arrays))
    buf = io.BytesIO()
    np.save(buf, np.ascontiguousarray(matrix, dtype=np.float32))
    write_bytes(folder / NPY, buf.getvalue())
    fsync_dir(folder)


def _npz(arrays: dict) -> bytes:
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()


def read(gen: Path, entries: list[dict]):
    """(documents as stored, meetings, chunks, vectors) of a generation's live files, segment
    after segment. Raises ValueError (or OSError, KeyError) when a segment is damaged or does not
    hold what params.json says."""
    docs: list[dict] = []
    meetings: dict = {}
    tables: list = []
    parts: list[np.ndarray] = []
    for seg in entries:
        folder = gen / seg["name"]
        stored = list(jsonl(folder / "documents.jsonl"))
        live = set(seg["sources"])
        kept = [d for d in stored if d["source"] in live]
        if [d["source"] for d in kept] != list(seg["sources"]):
            raise ValueError(f"segment {seg['name']} does not hold the files params.json lists")
        documents = {d["source"]: d["text"] for d in stored}
        got = lazy.read(folder, documents, where=gen.parent)
        if got is not None:
            seg_meetings, chunks = got
        else:  # written without columns (a chunk the columns cannot describe)
            seg_meetings = {d["source"]: Meeting.model_validate(d) for d in jsonl(folder / "meetings.jsonl")}
            chunks = [Chunk.model_validate(d) for d in jsonl(folder / "chunks.jsonl")]
        matrix = np.load(folder / NPY, mmap_mode="r")
        if len(chunks) != seg["rows"] or matrix.ndim != 2 or len(matrix) != seg["rows"]:
            raise ValueError(f"segment {seg['name']} does not hold {seg['rows']} rows")
        if len(kept) < len(stored):  # tombstones: the live files' rows only
            rows = _live_rows(chunks, live)
            chunks = chunks.take(rows) if isinstance(chunks, lazy.ChunkTable) else [chunks[i] for i in rows]
            matrix = np.asarray(matrix[rows], dtype=np.float32)
        docs.extend(kept)
        meetings.update((s, seg_meetings[s]) for s in seg["sources"])
        tables.append(chunks)
        parts.append(matrix)
    if all(isinstance(t, lazy.ChunkTable) for t in tables):
        chunks = lazy.ChunkTable.join(tables, {d["source"]: d["text"] for d in docs})
    else:
        chunks = [c for t in tables for c in t]
    matrix = parts[0] if len(parts) == 1 else Stacked(parts) if parts else None
    return docs, meetings, chunks, matrix


def _live_rows(chunks, live: set[str]) -> np.ndarray:
    if isinstance(chunks, lazy.ChunkTable):
        return chunks.rows_of(live)
    return np.asarray([i for i, c in enumerate(chunks) if c.source in live], dtype=np.int64)
