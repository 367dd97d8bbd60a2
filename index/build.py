"""The one way an index generation is made (``build_generation``), by `minutes index`, uploads
and the folder watcher alike: only new or changed files (by content hash) are parsed and
embedded, deleted files are dropped, and every part of the generation (chunks, vectors, search
arrays, name index; the lexicon cache and the model's ONNX encoder beside it) is written before
CURRENT moves to it."""
from __future__ import annotations

import fcntl
import hashlib
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from . import onnx_encoder, prepared, segments, translate, vectors as vector_index
from .chunk import chunk_document
from .errors import CorpusMissing, DocumentError, IndexBusy, IndexCorrupt, IndexMissing
from .guard import check_drop
from .loaders import SUPPORTED_EXTENSIONS, load_document, read_bytes
from .models import Chunk, Meeting
from .normalise import normalise
from .parse import parse_meeting
from .pipeline import pipeline_version, text_key
from .profile import load_profile
from .progress import BuildProgress, as_progress
from .records import extract_records
from .store import FORMAT, IndexSnapshot, load_index, write_index

log = logging.getLogger(__name__)

# A BuildProgress (index/progress.py), or a plain progress(done, total) told about embedding.
Progress = BuildProgress | Callable[[int, int], None]


@dataclass
class IndexReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    reparsed: int = 0  # unchanged files parsed again because the pipeline changed
    chunks_embedded: int = 0
    skipped: list[dict] = field(default_factory=list)  # {"file", "reason"}
    # Files read by their content, not their extension:
    # {"file", "read_as": "docx" | "pdf" | "text", "note": "read as DOCX (its content is a Word document)"}
    notes: list[dict] = field(default_factory=list)
    # Files indexed with a parse step that failed on their text (index/partial.py):
    # {"file", "step", "reason"}; the rest of the meeting is indexed.
    partial: list[dict] = field(default_factory=list)
    meetings: int = 0
    chunks: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def to_json_dict(self) -> dict:
        return dict(self.__dict__)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def scan_corpus(corpus_dir: Path) -> Iterator[tuple[str, Path]]:
    """(relative source, path) of every visible file below ``corpus_dir``, sorted."""
    for root, dirs, files in os.walk(corpus_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.startswith("~$"):  # dotfiles, Word lock files
                continue
            path = Path(root) / name
            yield path.relative_to(corpus_dir).as_posix(), path


@contextmanager
def write_lock(index_dir: Path):
    """One writer at a time across processes; readers never wait."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexBusy(f"another process is updating the index in {index_dir}; try again when it is done") from None
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


@dataclass
class _Parsed:
    source: str
    sha: str
    text: str
    meeting: Meeting
    chunks: list[Chunk]


def parse_document(text: str, source: str, *, max_words: int = 90, embedder=None,
                   problems: list[dict] | None = None,
                   macros: dict[str, dict[str, int]] | None = None) -> tuple[Meeting, list[Chunk]]:
    """A document's meeting and chunks. The parser and the chunker read its normalised view
    (metadata blanked, damaged letters repaired: index/normalise.py), whose offsets are the
    text's; chunks and quotes are slices of the text itself. Parse steps that failed on it are
    appended to ``problems`` (``{"step", "reason"}``) when given. ``macros``: the organisation
    profile's LaTeX roll macros (index/profile.py)."""
    doc = normalise(text)
    meeting = parse_meeting(doc.view, source, doc.fields, problems, macros=macros)
    extract_records(doc.view, meeting, problems=problems).store_in(meeting)  # stored, not per question
    # With a real tokenizer, chunks are also capped in word pieces (less 2 for [CLS]/[SEP]).
    model = getattr(embedder, "loaded", embedder)  # a LazyEmbedder's real model
    count = getattr(model, "token_count", None)
    max_tokens = getattr(model, "max_tokens", 256) - 2 if count else None
    return meeting, chunk_document(doc.view, meeting, max_words=max_words, max_tokens=max_tokens,
                                   count_tokens=count, source_text=doc.text, hidden=doc.hidden)


def build_generation(
    corpus_dir: Path,
    index_dir: Path,
    embedder,
    *,
    rebuild: bool = False,
    progress: Progress | None = None,
    prune: bool = False,
) -> IndexReport:
    """Bring the index in ``index_dir`` up to date with ``corpus_dir``, as a new generation
    with every part a reader needs, or none when nothing changed.

    ``embedder`` needs ``name`` at once; its model is used (and may be loaded) only when
    something has to be embedded. Dropping more than half of the indexed meetings (an empty
    or unmounted corpus folder) raises WouldDropMeetings unless ``prune`` (index/guard.py)."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        what = "is not a folder" if corpus_dir.exists() else "does not exist"
        raise CorpusMissing(f"corpus folder {corpus_dir} {what} (MINUTES_CORPUS_DIR)")
    with write_lock(index_dir):
        try:
            old = None if rebuild else load_index(index_dir)
        except IndexMissing:
            old = None
        if old is not None:
            old.check_model(embedder.name)
        indexed = old.meetings if old is not None else _indexed_before(index_dir) if rebuild else {}
        check_drop(indexed, {s for s, _ in scan_corpus(corpus_dir)}, corpus_dir, prune=prune)
        progress = as_progress(progress)
        try:
            report = _update(corpus_dir, index_dir, embedder, old, progress)
        finally:
            progress.close()
        return report


def _beside(index_dir: Path, embedder) -> None:
    """What every generation of the index uses, made before the first one needs it: the model's
    ONNX encoder (index/onnx_encoder.py; questions are encoded with it, without torch) and the
    lexicon cache (index/translate.py; 0.7 s a start-up saves)."""
    ensure = getattr(embedder, "ensure_encoder", None)  # a LazyEmbedder knows its cache folder
    if ensure is not None:
        ensure()
    else:
        onnx_encoder.ensure(None, embedder)
    try:
        translate.write_cache(index_dir)
    except OSError as e:  # a read-only index folder: each start builds the lexicons instead
        log.warning("lexicon cache not written in %s (%s)", index_dir, e.strerror or e)


def _indexed_before(index_dir: Path) -> dict:
    """The meetings a rebuild replaces (none when the old index is missing or damaged)."""
    try:
        return load_index(index_dir).meetings
    except (IndexMissing, IndexCorrupt):
        return {}


def _update(corpus_dir, index_dir, embedder, old: IndexSnapshot | None, progress: BuildProgress) -> IndexReport:
    report = IndexReport()
    old_hashes = old.hashes if old else {}
    # Parses made by another version of the pipeline are not kept: every file is parsed again
    # (its chunk vectors are reused below when the chunk text is unchanged).
    # So are parses made under another organisation profile's LaTeX macros (index/profile.py).
    profile = load_profile(corpus_dir)
    macros = profile.latex_macros or None
    current = (old is not None and old.params.get("pipeline") == pipeline_version()
               and old.params.get("profile", "") == profile.parse_key())
    keep: dict[str, str] = {}  # source -> sha, reused as they are
    fresh: list[_Parsed] = []
    seen: set[str] = set()
    notes: dict[str, dict] = {}  # source -> how it was read (index/sniff.py), for the files parsed now
    partial: dict[str, list[dict]] = {}  # source -> the parse steps that failed on it, for the files parsed now
    files = list(scan_corpus(corpus_dir))
    progress.stage("parsing", len(files))
    model_pending = hasattr(embedder, "loaded")  # a LazyEmbedder loads its model on first parse
    for n, (source, path) in enumerate(files):
        progress.advance(n)
        seen.add(source)
        if path.suffix.lower() not in SUPPORTED_EXTENSIONS:
            report.skipped.append({"file": source, "reason": f"unsupported file type {path.suffix or '(none)'}"})
            continue
        try:
            # One read: the hash and the text come from the same bytes, even if the file is
            # being rewritten meanwhile.
            data = read_bytes(path, source)
            sha = sha256(data)
            if old_hashes.get(source) == sha:
                if current:
                    keep[source] = sha
                    report.unchanged += 1
                    continue
                report.reparsed += 1
            loaded = load_document(data, source)
            text = loaded.text
            if loaded.read_as:
                notes[source] = {"file": source, "read_as": loaded.read_as, "note": loaded.note}
            if model_pending:
                progress.note("loading the embedding model")
            problems: list[dict] = []
            meeting, chunks = parse_document(text, source, embedder=embedder, problems=problems, macros=macros)
            if problems:
                partial[source] = [{"file": source, **p} for p in problems]
            if model_pending:
                model_pending = False
                progress.note(None)
        except DocumentError as e:
            reason = e.reason
            if source in old_hashes:
                # Nothing already indexed is lost: a file that turned bad keeps its last good version.
                keep[source] = old_hashes[source]
                reason += "; keeping the previously indexed version"
            report.skipped.append({"file": source, "reason": reason})
            continue
        fresh.append(_Parsed(source, sha, text, meeting, chunks))
        if old_hashes.get(source) != sha:
            (report.updated if source in old_hashes else report.added).append(source)
    progress.advance(len(files))
    report.removed = sorted(s for s in old_hashes if s not in seen)
    # A file kept as it was indexed keeps the note of how it was read then.
    old_notes = {n["file"]: n for n in (old.params.get("notes", []) if old is not None else [])}
    notes.update({s: old_notes[s] for s in keep if s in old_notes})
    report.notes = [notes[s] for s in sorted(notes)]
    old_partial: dict[str, list[dict]] = {}
    for p in (old.params.get("partial", []) if old is not None else []):
        old_partial.setdefault(p["file"], []).append(p)
    partial.update({s: old_partial[s] for s in keep if s in old_partial})
    report.partial = [p for s in sorted(partial) for p in partial[s]]

    # The skipped files are recorded in the index (params.json) for `status` and for answers
    # that would have needed one of them, and so are the files read by their content; a change
    # in those lists alone is worth a new generation.
    same_skipped = (old is not None and old.params.get("skipped", []) == report.skipped
                    and old.params.get("notes", []) == report.notes
                    and old.params.get("partial", []) == report.partial)
    if old is not None and current and not fresh and not report.removed and same_skipped:
        report.meetings, report.chunks = len(old.meetings), len(old.chunks)
        _beside(index_dir, embedder)
        return report  # nothing to write: the index is current

    new_chunks = [c for p in fresh for c in p.chunks]
    # A chunk whose text is already in the index keeps its vector: only new text is embedded.
    known = {text_key(t): i for i, t in enumerate(old.chunk_texts())} if old is not None and old.chunks else {}
    keys = [text_key(c.text) for c in new_chunks]
    todo = [i for i, key in enumerate(keys) if key not in known]
    if todo:
        embedded = _embed(embedder, [new_chunks[i].text for i in todo], progress)
        dim = embedded.shape[1]
    else:  # nothing new to embed (only removals, reparses, an empty corpus): no model needed
        dim = old.vectors.d if old is not None else 0
        embedded = np.zeros((0, max(dim, 1)), dtype=np.float32)
    new_vectors = np.zeros((len(new_chunks), max(dim, 1)), dtype=np.float32)
    if todo:
        new_vectors[todo] = embedded
    reused = [i for i, key in enumerate(keys) if key in known]
    if reused:
        new_vectors[reused] = old.vectors_of([known[keys[i]] for i in reused])
    report.chunks_embedded = len(todo)

    # The previous generation's segments whose files are all or mostly kept are linked, not
    # rewritten (index/segments.py): their rows come first, in the order they have there.
    layout = segments.plan(old, keep)
    snapshot = IndexSnapshot.empty(embedder.name, dim)
    for source in [*layout.linked_sources, *layout.rewrite]:
        snapshot.meetings[source] = old.meetings[source]
        snapshot.documents[source] = old.documents[source]
        snapshot.hashes[source] = keep[source]
    for p in fresh:
        snapshot.meetings[p.source] = p.meeting
        snapshot.documents[p.source] = p.text
        snapshot.hashes[p.source] = p.sha
    rows = segments.kept_rows(old, layout)
    snapshot.chunks = segments.chunks_of(old, rows, new_chunks, snapshot.documents)
    kept_vectors = [old.vectors_of(rows)] if old is not None else []
    matrix = np.concatenate([v for v in [*kept_vectors, new_vectors] if len(v)] or [np.zeros((0, max(dim, 1)), np.float32)])
    # exact while small, IVF above vectors.FLAT_MAX (reusing the old index's centroids)
    snapshot.vectors = vector_index.build(matrix, dim, previous=old.vectors if old is not None else None)
    snapshot.params.update(
        format=FORMAT, model=embedder.name, dim=dim, pipeline=pipeline_version(), profile=profile.parse_key(),
        built_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        files=dict(sorted(snapshot.hashes.items())), skipped=report.skipped, notes=report.notes,
        partial=report.partial,
    )
    snapshot.index_rows()
    _beside(index_dir, embedder)
    arrays = prepared.for_generation(snapshot, old, keep)
    write_index(index_dir, snapshot, parts=lambda folder: prepared.fill(folder / prepared.FOLDER, arrays), layout=layout)
    report.meetings, report.chunks = len(snapshot.meetings), len(snapshot.chunks)
    return report


def _embed(embedder, texts: list[str], progress: BuildProgress, batch: int = 64) -> np.ndarray:
    """Vectors of ``texts``, embedded shortest first: a batch is padded to its longest text, so
    texts of a like length together cost a fraction of what a mixed batch does."""
    progress.stage("embedding", len(texts))
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = None
    for i in range(0, len(order), batch):
        rows = order[i: i + batch]
        got = np.asarray(embedder.embed_documents([texts[r] for r in rows]), dtype=np.float32)
        if out is None:
            out = np.zeros((len(texts), got.shape[1]), dtype=np.float32)
        out[rows] = got
        progress.advance(min(i + batch, len(texts)))
    return out
