"""What search needs from an index generation that depends only on its chunks, stored in the
generation so a start-up reads it instead of re-tokenising every chunk.

    gen-NNNNNN/search-v1/
      vocab.txt      the BM25 vocabulary, sorted, one term a line
      bm25.npz       CSR postings (indptr, rows, tf) and passage lengths in terms
      chunks.npz     per chunk: language (1 = English), thin (a heading alone)

Building it costs about 0.25 s per 1,000 chunks (tokenising and stemming each one); reading it
back is a few milliseconds at the sample's size and about 0.1 s at 100,000 chunks. It is written
by `minutes index` right after the generation, or by the first process that loads a generation
without it (the bot, an older index): a generation is never changed after it is written, so
the derived files are added beside its own, atomically, and a read-only index folder just goes
without them. A change to tokenising, stemming or what is stored bumps ``VERSION``: older files
are then not read, and are rebuilt."""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.store import IndexSnapshot

from .lexical import BM25, doc_terms, tokens

log = logging.getLogger(__name__)

VERSION = 1
FOLDER = f"search-v{VERSION}"

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
    return Prepared(BM25(docs), languages, thin)


def write(folder: Path, prepared: Prepared) -> None:
    """Write ``prepared`` as ``folder``, atomically."""
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-search-", dir=folder.parent))
    try:
        (tmp / "vocab.txt").write_text("\n".join(prepared.bm25.vocab), encoding="utf-8")
        np.savez(tmp / "bm25.npz", **prepared.bm25.arrays())
        np.savez(tmp / "chunks.npz", english=np.array([lang == "en" for lang in prepared.languages], dtype=bool),
                 thin=prepared.thin)
        os.rename(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def read(folder: Path, n_chunks: int) -> Prepared | None:
    """The stored arrays, or None when absent, of another version, or not of this generation."""
    try:
        text = (folder / "vocab.txt").read_text(encoding="utf-8")
        with np.load(folder / "bm25.npz") as z:
            arrays = {k: z[k] for k in ("indptr", "rows", "tf", "lengths")}
        with np.load(folder / "chunks.npz") as z:
            english, thin = z["english"], z["thin"]
    except (OSError, KeyError, ValueError):
        return None
    vocab = text.split("\n") if text else []
    if len(arrays["lengths"]) != n_chunks or len(thin) != n_chunks or len(arrays["indptr"]) != len(vocab) + 1:
        log.warning("stored search arrays in %s do not match the index; rebuilding them", folder)
        return None
    bm25 = BM25.from_arrays(vocab, arrays["indptr"], arrays["rows"], arrays["tf"], arrays["lengths"])
    return Prepared(bm25, ["en" if e else "sv" for e in english.tolist()], thin)


def load(snapshot: IndexSnapshot) -> Prepared:
    """The generation's stored arrays, or built now (and stored for the next start)."""
    folder = snapshot.path / FOLDER if snapshot.path is not None else None
    if folder is not None:
        got = read(folder, len(snapshot.chunks))
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
