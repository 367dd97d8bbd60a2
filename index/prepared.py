"""What search and the view need from an index generation that depends only on its chunks and
meetings, stored in the generation so a start-up reads it instead of re-tokenising every chunk
and folding every name.

    gen-NNNNNN/search-v3/
      vocab.txt      the BM25 vocabulary, sorted, one term a line
      bm25.npz       CSR postings (indptr, rows, tf) and passage lengths in terms
      chunks.npz     per chunk: language (1 = English), thin (a heading alone)
      view.json      {"code": hash of the code it comes from, "sources": the meetings, "people":
                     the name index (index/names.py NameIndex.stored), "titles": per meeting, the
                     terms of its title and file name}
      people.json    per meeting, what the name index is made of: the names its lists give and
                     the (handle, full name) pairs its text states (index/aliases.py); read by
                     the next update only, so it decodes no kept meeting and reads no kept text

Building it costs about 0.25 s per 1,000 chunks (tokenising and stemming each one); reading it
back is a few milliseconds at the sample's size and about 0.1 s at 100,000 chunks. Every
generation is written with it (index/build.py ``build_generation``, before CURRENT moves), and
an update computes it from the previous generation's arrays: only the chunks of the files added
or changed are tokenised, and only their meetings' names and texts read (``update``). A generation without it (written by an older version)
gets it from the first process that loads it, added beside its files atomically; a read-only
index folder just goes without. A change to what is stored bumps ``VERSION``; a change to the
code it is computed by changes its version (index/pipeline.py ``version("search")``, recorded in
``view.json``). Either way older files are not read, and are rebuilt."""
from __future__ import annotations

import io
import json
import logging
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .atomic import write_bytes, write_folder
from .lexical import BM25, doc_terms, tokens
from .aliases import Aliases, learn_pairs, pairs_in
from .names import NameIndex
from .pipeline import version
from .store import IndexSnapshot

log = logging.getLogger(__name__)

VERSION = 3
FOLDER = f"search-v{VERSION}"
PARTS = "people.json"

# A passage that is only a heading: see retrieve.THIN_FACTOR.
THIN_MAX_WORDS = 8


def is_thin(text: str) -> bool:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return len(lines) <= 1 and len(tokens(text)) <= THIN_MAX_WORDS


@dataclass
class Prepared:
    bm25: BM25
    languages: list[str]  # per chunk: "sv" | "en"
    thin: np.ndarray  # per chunk: bool
    names: NameIndex = field(default_factory=lambda: NameIndex([]))  # people the meetings name
    titles: dict[str, set[str]] = field(default_factory=dict)  # source -> title and file-name terms
    # source -> (the names its lists give, the alias pairs its text states): what ``names`` is
    # made of, kept for the next update (None when read for a start-up)
    parts: dict[str, tuple[list[str], list]] | None = None


def code_hash() -> str:
    """The version of the code the arrays are computed by (index/pipeline.py)."""
    return f"{VERSION}/{version('search')}"


def meeting_terms(m) -> set[str]:
    """Terms of a meeting's title and file name, in both languages' stems: what names it."""
    words = " ".join(x for x in (m.title or "", m.source.rsplit("/", 1)[-1].rsplit(".", 1)[0]) if x)
    words = words.replace("-", " ").replace("_", " ")
    return set(doc_terms(words, "sv")) | set(doc_terms(words, "en"))


def name_parts(m, documents=None) -> tuple[list[str], list]:
    """What one meeting adds to the name index: the names of everyone its lists name
    (attendees, invited, absent, chair, secretary) and the alias pairs its text states
    (``documents``: source -> text; without them, none)."""
    names = [p.name for p in [*m.attendees, *m.invited, *m.absent, m.chair, m.secretary] if p is not None]
    text = documents.get(m.source) if documents else None
    return names, [list(p) for p in pairs_in(text)] if text is not None else []


def name_index(meetings, parts: dict[str, tuple[list[str], list]]) -> NameIndex:
    """Every person the meetings name, with the aliases the minutes state or imply
    (index/aliases.py), learned here once per generation from each meeting's ``parts``."""
    people = [(n, m.source) for m in meetings for n in parts[m.source][0]]
    pairs = (tuple(p) for m in meetings for p in parts[m.source][1])
    return NameIndex(people, learn_pairs(pairs, [n for n, _ in people]))


def _by_date(snapshot: IndexSnapshot) -> list:
    # The view's order, so the name index keeps the spelling of the oldest meeting naming a person.
    return sorted(snapshot.meetings.values(), key=lambda m: (m.date or "", m.source))


def chunk_languages(snapshot: IndexSnapshot) -> list[str]:
    meetings = snapshot.meetings
    return [meetings[s].language if s in meetings else "sv" for s in snapshot.chunk_sources()]


def chunk_terms(chunk, language: str) -> list[str]:
    """The terms a chunk is found by: its text's, and its section heading's ("Nästa möte",
    "Budget": part of what a passage is about)."""
    head = chunk.section + "\n" if chunk.section and chunk.section not in chunk.text else ""
    return doc_terms(head + chunk.text, language)


def build(snapshot: IndexSnapshot, *, generation: bool = False) -> Prepared:
    languages = chunk_languages(snapshot)
    docs = [chunk_terms(c, lang) for c, lang in zip(snapshot.chunks, languages, strict=True)]
    thin = np.array([is_thin(t) for t in snapshot.chunk_texts()], dtype=bool)
    meetings = _by_date(snapshot)
    # A generation's own arrays learn the aliases (``generation``: one about to be written, not
    # yet with a path); a view held by date or scope (path None) takes its generation's, narrowed
    # to its people (bot/engine.py), rather than reread it all.
    documents = snapshot.documents if generation or snapshot.path is not None else None
    parts = {m.source: name_parts(m, documents) for m in meetings}
    return Prepared(BM25(docs), languages, thin, name_index(meetings, parts),
                    {m.source: meeting_terms(m) for m in meetings}, parts)


def update(old: Prepared, old_snapshot: IndexSnapshot, snapshot: IndexSnapshot, kept, *, generation: bool = False) -> Prepared:
    """The arrays of ``snapshot`` from ``old`` (those of ``old_snapshot``): the rows of the
    meetings ``kept`` as they were are moved to where ``snapshot`` has them, only the other
    chunks are tokenised. Equal to ``build(snapshot)`` (tests/test_prepared.py checks it)."""
    old_rows = {s: old_snapshot.chunk_rows(s) for s in kept}
    n = len(snapshot.chunks)
    moved = np.full(old.bm25.n, -1, dtype=np.int64)  # old row -> new row, -1 when gone
    fresh: list[int] = []  # new rows to tokenise
    for source in snapshot.meetings:
        rows = snapshot.chunk_rows(source)
        if source in old_rows and len(old_rows[source]) == len(rows):
            moved[old_rows[source]] = rows
        else:
            fresh.extend(rows)
    fresh.sort()
    languages = chunk_languages(snapshot)
    # The old postings that stay, as (term, row, tf), rows renumbered.
    counts = np.diff(old.bm25.indptr)
    terms = np.repeat(np.arange(len(old.bm25.vocab), dtype=np.int64), counts)
    rows = moved[old.bm25.rows]
    keep = rows >= 0
    terms, rows, tf = terms[keep], rows[keep], old.bm25.tf[keep].astype(np.int64)
    # The new chunks' postings.
    new_docs = {r: Counter(chunk_terms(snapshot.chunks[r], languages[r])) for r in fresh}
    new_vocab = sorted({t for c in new_docs.values() for t in c} - set(old.bm25.ids))
    vocab_terms = np.array(old.bm25.vocab + new_vocab, dtype=object)
    ids = {t: len(old.bm25.vocab) + i for i, t in enumerate(new_vocab)}
    ids_of = old.bm25.ids
    add_t, add_r, add_f = [], [], []
    for r, c in new_docs.items():
        for t, k in c.items():
            add_t.append(ids_of[t] if t in ids_of else ids[t])
            add_r.append(r)
            add_f.append(k)
    terms = np.concatenate([terms, np.asarray(add_t, dtype=np.int64)])
    rows = np.concatenate([rows, np.asarray(add_r, dtype=np.int64)])
    tf = np.concatenate([tf, np.asarray(add_f, dtype=np.int64)])
    # Only terms some passage still has, sorted; postings by term, rows ascending.
    used = np.unique(terms)
    names_sorted = sorted(vocab_terms[used].tolist())
    rank = {t: i for i, t in enumerate(names_sorted)}
    remap = np.full(len(vocab_terms), -1, dtype=np.int64)
    remap[used] = [rank[t] for t in vocab_terms[used].tolist()]
    terms = remap[terms]
    order = np.lexsort((rows, terms))
    indptr = np.zeros(len(names_sorted) + 1, dtype=np.int64)
    np.cumsum(np.bincount(terms, minlength=len(names_sorted)), out=indptr[1:])
    lengths = np.zeros(n, dtype=np.int64)
    lengths[moved[moved >= 0]] = old.bm25.lengths[moved >= 0]
    for r, c in new_docs.items():
        lengths[r] = sum(c.values())
    thin = np.zeros(n, dtype=bool)
    thin[moved[moved >= 0]] = old.thin[moved >= 0]
    thin[fresh] = [is_thin(snapshot.chunks[r].text) for r in fresh]
    bm25 = BM25.from_arrays(names_sorted, indptr, rows[order].astype(np.int32), tf[order].astype(np.int32), lengths)
    meetings = _by_date(snapshot)
    titles = {m.source: old.titles[m.source] if m.source in old_rows and m.source in old.titles else meeting_terms(m)
              for m in meetings}
    documents = snapshot.documents if generation or snapshot.path is not None else None
    known = old.parts or {}  # a kept meeting's parts as stored, else read from it again
    parts = {m.source: known[m.source] if m.source in old_rows and m.source in known else name_parts(m, documents)
             for m in meetings}
    return Prepared(bm25, languages, thin, name_index(meetings, parts), titles, parts)


def write(folder: Path, prepared: Prepared) -> None:
    """Write ``prepared`` as ``folder``, atomically."""
    write_folder(folder, lambda tmp: fill(tmp, prepared))


def fill(tmp: Path, prepared: Prepared) -> None:
    """Write the files of ``prepared`` into the folder ``tmp`` no reader sees yet, fsynced."""
    tmp.mkdir(exist_ok=True)
    write_bytes(tmp / "vocab.txt", "\n".join(prepared.bm25.vocab).encode("utf-8"))
    write_bytes(tmp / "bm25.npz", _npz(prepared.bm25.arrays()))
    write_bytes(tmp / "chunks.npz", _npz({
        "english": np.array([lang == "en" for lang in prepared.languages], dtype=bool), "thin": prepared.thin}))
    sources = list(prepared.titles)
    view = {"code": code_hash(), "sources": sources, "people": prepared.names.stored(sources),
            "aliases": prepared.names.learned.rows(),
            "titles": [sorted(prepared.titles[s]) for s in sources]}
    write_bytes(tmp / "view.json", json.dumps(view, ensure_ascii=False).encode("utf-8"))
    if prepared.parts is not None:
        write_bytes(tmp / PARTS, json.dumps(prepared.parts, ensure_ascii=False).encode("utf-8"))


def read_parts(folder: Path, sources) -> dict[str, tuple[list[str], list]] | None:
    """The stored name parts of every one of ``sources``, or None (absent, damaged, other)."""
    try:
        parts = json.loads((folder / PARTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return parts if isinstance(parts, dict) and set(parts) == set(sources) else None


def _npz(arrays: dict) -> bytes:
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()


def read(folder: Path, n_chunks: int, sources=None) -> Prepared | None:
    """The stored arrays, or None when absent, of another version, or not of this generation
    (``sources``: its meetings, when known)."""
    try:
        view = json.loads((folder / "view.json").read_text(encoding="utf-8"))
        if view.get("code") != code_hash():
            log.info("stored search arrays in %s come from other code; rebuilding them", folder)
            return None
        text = (folder / "vocab.txt").read_text(encoding="utf-8")
        with np.load(folder / "bm25.npz") as z:
            arrays = {k: z[k] for k in ("indptr", "rows", "tf", "lengths")}
        with np.load(folder / "chunks.npz") as z:
            english, thin = z["english"], z["thin"]
        people = NameIndex.from_stored(view["people"], view["sources"])
        people.learned = people.aliases = Aliases.from_rows(view["aliases"])
        titles = {s: set(t) for s, t in zip(view["sources"], view["titles"], strict=True)}
    except (OSError, KeyError, ValueError, TypeError, AttributeError):
        return None
    vocab = text.split("\n") if text else []
    if (len(arrays["lengths"]) != n_chunks or len(thin) != n_chunks or len(arrays["indptr"]) != len(vocab) + 1
            or (sources is not None and set(titles) != set(sources))):
        log.warning("stored search arrays in %s do not match the index; rebuilding them", folder)
        return None
    bm25 = BM25.from_arrays(vocab, arrays["indptr"], arrays["rows"], arrays["tf"], arrays["lengths"])
    return Prepared(bm25, ["en" if e else "sv" for e in english.tolist()], thin, people, titles)


def load(snapshot: IndexSnapshot) -> Prepared:
    """The generation's stored arrays, or built now (and stored for the next start)."""
    folder = snapshot.path / FOLDER if snapshot.path is not None else None
    if folder is not None:
        got = read(folder, len(snapshot.chunks), snapshot.meetings.keys())
        if got is not None:
            return got
    prepared = build(snapshot)
    if folder is not None:
        save(folder, prepared)
    return prepared


def save(folder: Path, prepared: Prepared) -> None:
    if folder.exists():
        shutil.rmtree(folder, ignore_errors=True)  # of no use: it did not match
    try:
        write(folder, prepared)
    except OSError as e:  # a read-only index, a generation pruned meanwhile, a racing writer
        log.info("search arrays not stored in %s (%s); built in memory", folder, e.strerror or e)


def for_generation(snapshot: IndexSnapshot, old: IndexSnapshot | None = None, kept=()) -> Prepared:
    """The arrays of a generation about to be written: updated from those of ``old`` (the
    generation it replaces, ``kept``: the meetings it keeps as they were) when it has them, else
    built."""
    if old is not None and old.path is not None and kept:
        got = read(old.path / FOLDER, len(old.chunks), old.meetings.keys())
        if got is not None:
            got.parts = read_parts(old.path / FOLDER, old.meetings.keys())
            return update(got, old, snapshot, kept, generation=True)
    return build(snapshot, generation=True)
