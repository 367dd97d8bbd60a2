"""The minutes held by "today": what a question asked as of a date may draw on.

With `--today` earlier than some minutes (replaying an old question, an evaluation as of a
date), an answer must not cite minutes written after that day, as the next-meeting answer
never did. Rather than teach every handler, the engine answers from a snapshot of the meetings
dated on or before today (undated ones kept: nothing says they are later)."""
from __future__ import annotations

from datetime import date

import faiss
import numpy as np

from index.store import IndexSnapshot


def later_sources(snapshot: IndexSnapshot, today: date) -> set[str]:
    iso = today.isoformat()
    return {s for s, m in snapshot.meetings.items() if m.date and m.date > iso}


def held_snapshot(snapshot: IndexSnapshot, drop: set[str]) -> IndexSnapshot:
    """``snapshot`` without the meetings in ``drop``: chunks, vectors and documents alike, so
    chunk rows and vector rows stay aligned."""
    keep = [s for s in snapshot.meetings if s not in drop]
    rows = [r for s in keep for r in snapshot.chunk_rows(s)]
    vectors = faiss.IndexFlatIP(snapshot.vectors.d)
    if rows:
        vectors.add(np.ascontiguousarray(snapshot.vectors_of(rows), dtype=np.float32))
    held = IndexSnapshot(
        params=snapshot.params,
        meetings={s: snapshot.meetings[s] for s in keep},
        documents={s: snapshot.documents[s] for s in keep if s in snapshot.documents},
        hashes={s: snapshot.hashes[s] for s in keep if s in snapshot.hashes},
        chunks=[snapshot.chunks[r] for r in rows],
        vectors=vectors,
        path=snapshot.path,
    )
    held.index_rows()
    return held
