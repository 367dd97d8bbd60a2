"""The minutes held by "today": what a question asked as of a date may draw on.

With `--today` earlier than some minutes (replaying an old question, an evaluation as of a
date), an answer must not cite minutes written after that day, as the next-meeting answer
never did. Rather than teach every handler, the engine answers from a snapshot of the meetings
dated on or before today (undated ones kept: nothing says they are later).

The held snapshot is a new, smaller index in memory: its chunk rows are renumbered, so every
array indexed by chunk row is rebuilt for it, never read from the generation on disk. Its
``path`` is None for that reason: the search arrays stored in the generation (index/prepared.py)
describe the generation's rows, and a snapshot with that path would read them (wrong rows) or,
finding they do not match, write its own over them."""
from __future__ import annotations

from bisect import bisect_right
from datetime import date

from index.collections import in_collections
from index.store import IndexSnapshot
from index.vectors import build as build_vectors


def later_sources(snapshot: IndexSnapshot, today: date) -> set[str]:
    iso = today.isoformat()
    return {s for s, m in snapshot.meetings.items() if m.date and m.date > iso}


class MeetingDates:
    """The dated meetings of a snapshot in date order, sorted once: which are later than a day
    is a bisection, not a scan of every meeting per question (15 ms at 12,000 meetings)."""

    def __init__(self, snapshot: IndexSnapshot):
        pairs = sorted((m.date, s) for s, m in snapshot.meetings.items() if m.date)
        self._dates = [d for d, _ in pairs]
        self._sources = [s for _, s in pairs]

    def later(self, today: date) -> frozenset[str]:
        """The sources of the meetings dated after ``today`` (= later_sources)."""
        i = bisect_right(self._dates, today.isoformat())
        return frozenset(self._sources[i:]) if i < len(self._dates) else frozenset()


def held_snapshot(snapshot: IndexSnapshot, drop: set[str],
                  collections: frozenset[str] | None = None) -> IndexSnapshot:
    """``snapshot`` without the meetings in ``drop``: chunks, vectors and documents alike, so
    chunk row i and vector row i are still the same passage. With ``collections`` (a scope,
    bot/collections.py), the files the index could not read are those of the scope alone: an
    answer never names another collection's file."""
    keep = [s for s in snapshot.meetings if s not in drop]
    rows = sorted(r for s in keep for r in snapshot.chunk_rows(s))  # the generation's order
    dim = snapshot.vectors.d
    # Above index/vectors.FLAT_MAX this is an IVF index on the generation's centroids.
    vectors = build_vectors(snapshot.vectors_of(rows), dim, previous=snapshot.vectors)
    params = snapshot.params
    if collections is not None:
        params = {**params, **{part: [f for f in params.get(part, []) if in_collections(f["file"], collections)]
                               for part in ("skipped", "notes")}}
    held = IndexSnapshot(
        params=params,
        meetings={s: snapshot.meetings[s] for s in keep},
        documents={s: snapshot.documents[s] for s in keep if s in snapshot.documents},
        hashes={s: snapshot.hashes[s] for s in keep if s in snapshot.hashes},
        chunks=[snapshot.chunks[r] for r in rows],
        vectors=vectors,
        path=None,
    )
    held.index_rows()
    return held
