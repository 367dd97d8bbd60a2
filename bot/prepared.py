"""What search and the view need from an index generation that depends only on its chunks and
meetings, stored in the generation so a start-up reads it instead of re-tokenising every chunk
and folding every name.

    gen-NNNNNN/search-v2/
      vocab.txt      the BM25 vocabulary, sorted, one term a line
      bm25.npz       CSR postings (indptr, rows, tf) and passage lengths in terms
      chunks.npz     per chunk: language (1 = English), thin (a heading alone)
      view.json      {"code": hash of the code it comes from, "sources": the meetings, "people":
                     the name index (bot/names.py NameIndex.stored), "titles": per meeting, the
                     terms of its title and file name}

Building it costs about 0.25 s per 1,000 chunks (tokenising and stemming each one); reading it
back is a few milliseconds at the sample's size and about 0.1 s at 100,000 chunks. It is written
by `minutes index` right after the generation, or by the first process that loads a generation
without it (the bot, an older index): a generation is never changed after it is written, so
the derived files are added beside its own, atomically, and a read-only index folder just goes
without them. A change to what is stored bumps ``VERSION``; a change to the code they are
computed by (tokenising, stemming, name folding: ``CODE_MODULES``) changes ``view.json``'s
code hash. Either way older files are not read, and are rebuilt."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

import index.aliases
import index.people
from index.aliases import Aliases, learn
from index.store import IndexSnapshot

from . import lexical, names
from .lexical import BM25, doc_terms, tokens
from .names import NameIndex

log = logging.getLogger(__name__)

VERSION = 2
FOLDER = f"search-v{VERSION}"
# What the stored files are computed by: their sources' hash is stored and checked on reading.
CODE_MODULES = (lexical, names, index.aliases, index.people)

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


_CODE: str | None = None


def code_hash() -> str:
    global _CODE
    if _CODE is None:
        h = hashlib.sha256(str(VERSION).encode())
        for module in CODE_MODULES:
            h.update(Path(module.__file__).read_bytes())
        _CODE = h.hexdigest()[:16]
    return _CODE


def meeting_terms(m) -> set[str]:
    """Terms of a meeting's title and file name, in both languages' stems: what names it."""
    words = " ".join(x for x in (m.title or "", m.source.rsplit("/", 1)[-1].rsplit(".", 1)[0]) if x)
    words = words.replace("-", " ").replace("_", " ")
    return set(doc_terms(words, "sv")) | set(doc_terms(words, "en"))


def name_index(meetings, documents=None) -> NameIndex:
    """Every person the meetings name: attendees, invited, absent, chair, secretary; with the
    aliases the minutes state or imply (index/aliases.py), learned here once per generation
    (``documents``: source -> text; without them only the names' own aliases)."""
    people = []
    for m in meetings:
        for p in [*m.attendees, *m.invited, *m.absent, m.chair, m.secretary]:
            if p is not None:
                people.append((p.name, m.source))
    texts = (documents[m.source] for m in meetings if m.source in documents) if documents else ()
    return NameIndex(people, learn(texts, [n for n, _ in people]))


def _by_date(snapshot: IndexSnapshot) -> list:
    # The view's order, so the name index keeps the spelling of the oldest meeting naming a person.
    return sorted(snapshot.meetings.values(), key=lambda m: (m.date or "", m.source))


def chunk_languages(snapshot: IndexSnapshot) -> list[str]:
    return [snapshot.meetings[c.source].language if c.source in snapshot.meetings else "sv" for c in snapshot.chunks]


def build(snapshot: IndexSnapshot) -> Prepared:
    languages = chunk_languages(snapshot)
    docs = []
    for c, lang in zip(snapshot.chunks, languages):
        # The section heading is part of what a passage is about ("Nästa möte", "Budget").
        head = c.section + "\n" if c.section and c.section not in c.text else ""
        docs.append(doc_terms(head + c.text, lang))
    thin = np.array([is_thin(c.text) for c in snapshot.chunks], dtype=bool)
    meetings = _by_date(snapshot)
    # A generation's own arrays learn the aliases; a view held by date or scope (path None)
    # takes its generation's, narrowed to its people (bot/engine.py), rather than reread it all.
    documents = snapshot.documents if snapshot.path is not None else None
    return Prepared(BM25(docs), languages, thin, name_index(meetings, documents),
                    {m.source: meeting_terms(m) for m in meetings})


def write(folder: Path, prepared: Prepared) -> None:
    """Write ``prepared`` as ``folder``, atomically."""
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-search-", dir=folder.parent))
    try:
        (tmp / "vocab.txt").write_text("\n".join(prepared.bm25.vocab), encoding="utf-8")
        np.savez(tmp / "bm25.npz", **prepared.bm25.arrays())
        np.savez(tmp / "chunks.npz", english=np.array([lang == "en" for lang in prepared.languages], dtype=bool),
                 thin=prepared.thin)
        sources = list(prepared.titles)
        view = {"code": code_hash(), "sources": sources, "people": prepared.names.stored(sources),
                "aliases": prepared.names.learned.rows(),
                "titles": [sorted(prepared.titles[s]) for s in sources]}
        (tmp / "view.json").write_text(json.dumps(view, ensure_ascii=False), encoding="utf-8")
        os.rename(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


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


def prepare_index(index_dir: Path) -> None:
    """Store the arrays in the index's current generation if it has none (after `minutes index`)."""
    from index.store import load_index

    load(load_index(index_dir))
