"""Reading a generation without validating every record at start-up.

Validating every Meeting (with its people and records) and every Chunk as a pydantic model was
most of a start-up: about 5 s at 100,000 chunks, growing with the corpus. Two files written
beside ``meetings.jsonl`` and ``chunks.jsonl`` let a reader skip that:

    heads.json     {"meetings": [[source, date, title, language], ...] in meetings.jsonl's order,
                    "sources", "sections", "titles", "dates": the strings the chunk columns index}
    columns.npz    per chunk: source, n (its number in the id), start, end, section, title, date
                   (indexes into heads.json's tables; -1 = None)

A meeting is then a :class:`LazyMeeting`: its source, date, title and language at hand, the rest
decoded from its own JSON line on first use. A chunk is made on first use from its columns, its
text cut from the document (``text == document[start:end]`` always holds; writing checks it).
Generations without these files load the old way (index/store.py)."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from .collections import collection_of
from .errors import IndexCorrupt
from .models import Chunk, Meeting

HEADS = "heads.json"
COLUMNS = "columns.npz"
_COLUMNS = ("source", "n", "start", "end", "section", "title", "date")
_TABLES = {"source": "sources", "section": "sections", "title": "titles", "date": "dates"}  # column -> its strings


class LazyMeeting:
    """A stored Meeting decoded on first use of anything but its head. Attribute access is
    delegated to the decoded model, so a handler cannot tell it from a Meeting."""

    # No __slots__: once decoded, the model's fields are copied into the instance's __dict__ (the
    # values are shared, not copied), so reading one is a plain attribute read, not a delegation
    # through __getattr__ (at 12,000 meetings, 60 ms per question that reads them all).

    def __init__(self, head: list, raw: str, index_dir: Path | None = None):
        self.source, self.date, self.title, self.language = head
        self._raw, self._full, self._index_dir = raw, None, index_dir

    def full(self) -> Meeting:
        # Two threads may both decode: the same Meeting either way, one of them kept.
        if self._full is None:
            try:
                self._full = Meeting.model_validate_json(self._raw)
            except ValueError:  # pydantic's ValidationError: the line was damaged after writing
                raise IndexCorrupt(f"index in {self._index_dir} is damaged (the meeting {self.source}); "
                                   "run `minutes index --rebuild`") from None
            self._raw = None
            self.__dict__.update(self._full.__dict__)
        return self._full

    @property
    def collection(self) -> str:  # from the source, without decoding the meeting
        return collection_of(self.source)

    @property
    def raw_json(self) -> str:
        """The meeting's line as stored, re-encoded only once it was decoded."""
        return self._raw if self._raw is not None else self._full.model_dump_json()

    def __getattr__(self, name: str):  # only for what the instance does not hold yet
        if name.startswith("__"):  # copy, pickle and friends probing for hooks: not a field
            raise AttributeError(name)
        return getattr(self.full(), name)

    def __eq__(self, other) -> bool:
        if isinstance(other, LazyMeeting):
            other = other.full()
        return self.full() == other

    __hash__ = None  # as a pydantic model's

    def __repr__(self) -> str:
        return repr(self.full())


class ChunkTable:
    """The chunks of a generation as columns; a Chunk is made (once) when a row is first read."""

    def __init__(self, columns: dict[str, list[int]], tables: dict[str, list], documents: dict[str, str]):
        self._c = columns
        self._t = tables
        self._documents = documents
        self._made: list[Chunk | None] = [None] * len(columns["start"])

    def __len__(self) -> int:
        return len(self._made)

    def _make(self, i: int) -> Chunk:
        c, t = self._c, self._t
        source = t["sources"][c["source"][i]]
        start, end = c["start"][i], c["end"][i]
        sec, title, date = c["section"][i], c["title"][i], c["date"][i]
        chunk = Chunk.model_construct(
            id=f"{source}#{c['n'][i]}", source=source, start=start, end=end,
            text=self._documents[source][start:end],
            section=t["sections"][sec] if sec >= 0 else None,
            title=t["titles"][title] if title >= 0 else None,
            meeting_date=t["dates"][date] if date >= 0 else None,
        )
        self._made[i] = chunk
        return chunk

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("chunk row out of range")
        return self._made[i] or self._make(i)

    def __iter__(self):
        for i in range(len(self)):
            yield self._made[i] or self._make(i)

    def outside(self, texts: dict[str, str]) -> str | None:
        """The id of the first chunk whose offsets fall outside its document (or whose document
        is missing), else None."""
        sources = self._t["sources"]
        lengths = np.asarray([len(texts.get(s, "")) if s in texts else -1 for s in sources], dtype=np.int64)
        src = np.asarray(self._c["source"], dtype=np.int64)
        start = np.asarray(self._c["start"], dtype=np.int64)
        end = np.asarray(self._c["end"], dtype=np.int64)
        if not len(src):
            return None
        if src.min() < 0 or src.max() >= len(sources):
            return "(a source number out of range)"
        length = lengths[src]
        bad = np.flatnonzero((length < 0) | (start < 0) | (start > end) | (end > length))
        if not len(bad):
            return None
        i = int(bad[0])
        return f"{sources[src[i]]}#{self._c['n'][i]}"

    def rows_by_source(self) -> dict[str, list[int]]:
        src = np.asarray(self._c["source"], dtype=np.int64)
        order = np.argsort(src, kind="stable")  # rows of one source stay in their order
        cuts = np.flatnonzero(np.diff(src[order])) + 1
        groups = np.split(order, cuts) if len(order) else []
        sources = self._t["sources"]
        return {sources[int(src[g[0]])]: g.tolist() for g in groups}

    def texts(self) -> list[str]:
        """Every chunk's text, in row order, without making the chunks."""
        sources, docs = self._t["sources"], self._documents
        return [docs[sources[s]][a:b] for s, a, b in zip(self._c["source"], self._c["start"], self._c["end"], strict=True)]

    def sources(self) -> list[str]:
        """Every chunk's source, in row order, without making the chunks."""
        names = self._t["sources"]
        return [names[s] for s in self._c["source"]]

    def rows_of(self, sources: set[str]) -> np.ndarray:
        """The rows of the chunks of ``sources``, ascending."""
        wanted = np.asarray([s in sources for s in self._t["sources"]] or [False], dtype=bool)
        return np.flatnonzero(wanted[np.asarray(self._c["source"], dtype=np.int64)])

    def take(self, rows) -> "ChunkTable":
        """A table of these rows only (in this order)."""
        rows = np.asarray(rows, dtype=np.int64)
        return ChunkTable({k: np.asarray(v, dtype=np.int64)[rows].tolist() for k, v in self._c.items()},
                          self._t, self._documents)

    @classmethod
    def join(cls, tables: list["ChunkTable"], documents: dict[str, str]) -> "ChunkTable":
        """The rows of ``tables`` one after another (a generation's segments: index/segments.py)."""
        if len(tables) == 1:
            return cls(tables[0]._c, tables[0]._t, documents)
        columns: dict[str, list] = {k: [] for k in _COLUMNS}
        names: dict[str, list] = {t: [] for t in _TABLES.values()}
        for table in tables:
            for k in _COLUMNS:
                col = np.asarray(table._c[k], dtype=np.int64)
                if k in _TABLES:  # indexes into the table's strings, moved past those before it
                    col = np.where(col >= 0, col + len(names[_TABLES[k]]), col)
                columns[k].extend(col.tolist())
            for t in names:
                names[t].extend(table._t[t])
        return cls(columns, names, documents)


# ------------------------------------------------------------------------------ writing
def _table(values: list, none=-1) -> tuple[list[int], list]:
    index: dict = {}
    rows = [none if v is None else index.setdefault(v, len(index)) for v in values]
    return rows, list(index)


def _chunk_number(c: Chunk) -> int | None:
    head, sep, tail = c.id.rpartition("#")
    return int(tail) if sep and head == c.source and tail.isdigit() else None


def columns_of(chunks, documents: dict[str, str]) -> tuple[dict[str, list], dict[str, list]] | None:
    """The string tables and the columns of ``chunks``, or None when a chunk breaks what the
    columns assume (an id not ``source#n``, a text not cut from its document)."""
    numbers = []
    for c in chunks:
        n = _chunk_number(c)
        if n is None or documents.get(c.source, "")[c.start:c.end] != c.text:
            return None
        numbers.append(n)
    source, sources = _table([c.source for c in chunks])
    section, sections = _table([c.section for c in chunks])
    title, titles = _table([c.title for c in chunks])
    date, dates = _table([c.meeting_date for c in chunks])
    tables = {"sources": sources, "sections": sections, "titles": titles, "dates": dates}
    return tables, {"source": source, "n": numbers, "start": [c.start for c in chunks], "end": [c.end for c in chunks],
                    "section": section, "title": title, "date": date}


def encode(meetings, chunks, documents: dict[str, str]) -> tuple[bytes, dict[str, np.ndarray]] | None:
    """``heads.json``'s bytes and the chunk columns, or None when a chunk breaks what the
    columns assume: then the generation is written without them and read the old way."""
    got = columns_of(chunks, documents)
    if got is None:
        return None
    tables, cols = got
    heads = {"meetings": [[m.source, m.date, m.title, m.language] for m in meetings], **tables}
    return json.dumps(heads, ensure_ascii=False).encode("utf-8"), {k: np.asarray(v, dtype=np.int64) for k, v in cols.items()}


def table_of(chunks: list[Chunk], documents: dict[str, str]) -> ChunkTable | None:
    """``chunks`` as a table (holding them as made), or None when the columns cannot describe them."""
    got = columns_of(chunks, documents)
    if got is None:
        return None
    table = ChunkTable(got[1], got[0], documents)
    table._made = list(chunks)
    return table


def meeting_line(m) -> str:
    """A meeting's JSON line; one never decoded is copied as it was read."""
    if isinstance(m, LazyMeeting):
        return m.raw_json
    return m.model_dump_json()


# ------------------------------------------------------------------------------ reading
def read(gen: Path, documents: dict[str, str], where: Path | None = None,
         ) -> tuple[dict[str, LazyMeeting], ChunkTable] | None:
    """The meetings and chunks of a generation (or of a segment of one: index/segments.py),
    lazily; None when it has no heads or columns. ``where``: the index folder, for messages."""
    try:
        heads = json.loads((gen / HEADS).read_text(encoding="utf-8"))
        with np.load(gen / COLUMNS) as z:
            columns = {k: z[k].tolist() for k in _COLUMNS}
    except FileNotFoundError:
        return None
    lines = [ln for ln in (gen / "meetings.jsonl").read_text(encoding="utf-8").split("\n") if ln.strip()]
    if len(lines) != len(heads["meetings"]):
        raise ValueError("meetings.jsonl and heads.json differ")
    if len({len(v) for v in columns.values()}) > 1:
        raise ValueError("chunk columns differ in length")
    where = where or gen.parent
    meetings = {h[0]: LazyMeeting(h, line, where) for h, line in zip(heads["meetings"], lines, strict=True)}
    if any(heads["sources"][s] not in documents for s in set(columns["source"])):
        raise ValueError("a chunk's document is missing")
    return meetings, ChunkTable(columns, heads, documents)
