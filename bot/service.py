"""The running application: one corpus, one index, one engine, shared by the CLI and Slack.

Questions are answered from the last complete index while an update runs; the new engine
takes over in one assignment, under a lock, when the update is complete."""
from __future__ import annotations

import logging
import os
import queue
import re
import threading
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from typing import TYPE_CHECKING

from index.collections import in_collections
from index.atomic import write_file
from index.errors import DocumentError, IndexMissing, MinutesError, WouldDropMeetings
from index.loaders import SUPPORTED_EXTENSIONS  # light: no parser, no DOCX/PDF reader
from index.models import Meeting
from index.profile import load_profile
from index.store import IndexSnapshot, IndexStatus, current_generation, load_index

from .answer import Answer
from .collections import Catalogue
from .engine import Engine
from .followup import Context
from .phrases import say as say_phrase

if TYPE_CHECKING:  # the parser is imported by what writes the index, never by a question
    from index.build import IndexReport

log = logging.getLogger(__name__)


@dataclass
class AddResult:
    stored_as: str | None = None  # path relative to the corpus dir
    duplicate_of: str | None = None  # same content already in the corpus
    meeting: Meeting | None = None
    chunks: int = 0
    error: str | None = None  # one-line reason it could not be read
    pending: str | None = None  # stored, but not indexed yet: why (e.g. another update is running)


def safe_filename(name: str) -> str:
    """A plain file name from whatever a user or Slack sent: no folders, no traversal, no
    control characters, no leading dot."""
    name = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    name = re.sub(r"[^\w.\- ]+", "_", name).strip(" ._")
    stem, ext = os.path.splitext(name)
    stem = re.sub(r"[ _]+", "_", stem)[:100].strip("_.- ") or "minutes"
    return stem + ext.lower()


class MinutesService:
    SUPPORTED_EXTENSIONS = SUPPORTED_EXTENSIONS

    def __init__(self, corpus_dir: Path, index_dir: Path, embedder, *, watch_interval: float = 0,
                 engine_factory=Engine):
        self.corpus_dir = Path(corpus_dir)
        self.index_dir = Path(index_dir)
        self.embedder = embedder
        self.watch_interval = watch_interval
        self._engine_factory = engine_factory
        self._engine: Engine | None = None
        self._write = threading.Lock()  # one index update at a time in this process
        self._swap = threading.Lock()  # one engine load/swap at a time, so none overwrites a newer
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None
        self._corpus_signature = None
        self._listeners: list = []  # called with each new index snapshot (announcements)
        self._news: queue.Queue = queue.Queue()
        self._notifier: threading.Thread | None = None

    # -- reading -----------------------------------------------------------------------------
    def engine(self) -> Engine:
        engine = self._engine
        if engine is None:
            with self._swap:
                if self._engine is None:  # another thread may have installed one meanwhile
                    self._engine = self._load_engine()
                engine = self._engine
        return engine

    def _load_engine(self) -> Engine:
        snapshot = load_index(self.index_dir)
        snapshot.check_model(self.embedder.name)
        engine = self._engine_factory(snapshot, self.embedder)
        # The organisation profile (minutes.toml in the corpus folder): read with each index.
        engine.use_profile(load_profile(self.corpus_dir))
        return engine

    def refresh(self) -> bool:
        """Switch to the index generation on disk if it is not the one in use: built by this
        process, or by `minutes index` run beside the bot. True if the engine changed."""
        with self._swap:
            live = current_generation(self.index_dir)
            if live is None or (self._engine is not None and self._engine.snapshot.path == live):
                return False
            self._engine = self._load_engine()  # the swap: one assignment
            snapshot = self._engine.snapshot
        if self._listeners:
            self._news.put(snapshot)
        return True

    def on_new_index(self, listener) -> None:
        """Call ``listener(snapshot)`` with every index generation this service switches to, in
        order, on a thread of its own (never under the index locks; a slow Slack cannot hold an
        upload or the watcher)."""
        self._listeners.append(listener)
        if self._notifier is None:
            self._notifier = threading.Thread(target=self._notify, name="minutes-new-index", daemon=True)
            self._notifier.start()

    def _notify(self) -> None:
        while True:
            snapshot = self._news.get()
            if snapshot is None:
                return
            for listener in list(self._listeners):
                try:
                    listener(snapshot)
                except Exception:  # noqa: BLE001 - one failing listener must not stop the others
                    log.exception("a listener for new index generations failed")
            self._news.task_done()

    def wait_notified(self, timeout: float = 10.0) -> bool:
        """Wait until the listeners have seen every generation switched to so far (tests)."""
        done = threading.Event()
        threading.Thread(target=lambda: (self._news.join(), done.set()), daemon=True).start()
        return done.wait(timeout)

    def _corpus_warning(self, engine: Engine, lang: str, collections: frozenset[str] | None) -> str | None:
        """The corpus folder gone (an unmounted share): the answer says it comes from the index as
        it was (counting the meetings the asker may see), in the answer's language. Cheap: it
        stops at the folder's first file."""
        from index.corpus_state import OK, corpus_state

        snapshot = engine.snapshot
        state = corpus_state(self.corpus_dir)
        if state == OK or not snapshot.meetings:
            return None
        meetings = sum(c.meetings for c in engine.catalogue.visible(collections))
        return say_phrase(f"corpus_{state}", lang, meetings=meetings,
                          built=(snapshot.params.get("built_at") or "?")[:10])

    def converse(self, question: str, context: Context | None = None, *, today: date | None = None,
                 collections: frozenset[str] | None = None, k: int = 5) -> tuple[Answer, Context | None]:
        """The one way a question is asked, by every interface (the CLI, Slack's mentions, DMs,
        /minutes, follow-ups and buttons): (Answer, the context its follow-up is read in).
        ``context``: the conversation so far (bot/followup.py; None for a fresh question).
        ``collections``: what the asker may see (collection keys; None: everything, the CLI)."""
        engine = self.engine()
        answer, kept = engine.converse(question, context, today=today, k=k, collections=collections)
        warning = self._corpus_warning(engine, answer.language, collections)
        if warning:
            answer.warnings.append(warning)
        return answer, kept

    def snapshot(self) -> IndexSnapshot | None:
        try:
            return self.engine().snapshot
        except IndexMissing:
            return None

    def catalogue(self) -> Catalogue:
        """The collections of the index in use, with their profile names (none without an index)."""
        try:
            return self.engine().catalogue
        except IndexMissing:
            return Catalogue(())

    def meetings(self, collections: frozenset[str] | None = None) -> list[Meeting]:
        """The meetings of the index in use that ``collections`` may see (None: all): what the
        Home tab, announcements and reminders read, through the same filter as questions."""
        snap = self.snapshot()
        if snap is None:
            return []
        return [m for m in snap.meetings.values() if in_collections(m.source, collections)]

    def status(self, collections: frozenset[str] | None = None) -> IndexStatus:
        snap = self.snapshot()
        if snap is None:
            return IndexStatus(0, 0, None, None, None, self.embedder.name)
        return snap.status(collections)

    # -- writing -----------------------------------------------------------------------------
    def reindex(self, rebuild: bool = False) -> IndexReport:
        from index.build import build_generation

        with self._write:
            signature = self._signature()
            report = build_generation(self.corpus_dir, self.index_dir, self.embedder, rebuild=rebuild)
            # Remembered only after success, so a failed update (busy, disk full) is retried.
            self._corpus_signature = signature
            self.refresh()
            return report

    def add_file(self, filename: str, data: bytes) -> AddResult:
        from index.build import scan_corpus, sha256

        from .sandbox import read_untrusted

        name = safe_filename(filename)
        if os.path.splitext(name)[1] not in SUPPORTED_EXTENSIONS:
            return AddResult(error=f"{name}: unsupported file type; send .txt, .md, .tex, .html, .docx or .pdf")
        try:
            # Refuse what cannot be read before it reaches the corpus; in a child process with
            # a time and memory limit, since an upload may be built to hang or exhaust a reader.
            read_untrusted(data, name)
        except DocumentError as e:
            return AddResult(error=str(e))
        digest = sha256(data)
        with self._write:
            for source, path in scan_corpus(self.corpus_dir):
                if path.stat().st_size == len(data) and sha256(path.read_bytes()) == digest:
                    return AddResult(duplicate_of=source)
            target = self._free_path(name)
            try:
                # 0644: the corpus is shared with other readers (a temporary file is made 0600)
                write_file(target, data, mode=0o644)
            except OSError as e:  # e.g. a read-only or foreign-owned corpus volume
                return AddResult(error=f"{name}: cannot store it in the corpus folder: {e.strerror or e}")
        source = target.relative_to(self.corpus_dir).as_posix()
        try:
            self.reindex()
        except MinutesError as e:
            # Stored, and the watcher (or the next `minutes index`) indexes it once this clears.
            return AddResult(stored_as=source, pending=str(e))
        snap = self.engine().snapshot
        return AddResult(stored_as=source, meeting=snap.meetings.get(source), chunks=len(snap.chunk_rows(source)))

    def _free_path(self, name: str) -> Path:
        """Never overwrite a different file: pick name-2.ext, name-3.ext, ..."""
        stem, ext = os.path.splitext(name)
        target, n = self.corpus_dir / name, 1
        while target.exists():
            n += 1
            target = self.corpus_dir / f"{stem}-{n}{ext}"
        return target

    # -- watching the corpus folder -------------------------------------------------------------
    def _signature(self):
        from index.build import scan_corpus

        try:
            return frozenset((s, p.stat().st_mtime_ns, p.stat().st_size) for s, p in scan_corpus(self.corpus_dir))
        except OSError:
            return None

    def check_corpus(self) -> IndexReport | None:
        """Reindex if files in the corpus folder were added, changed or deleted since the last
        successful update; pick up an index another process built."""
        if self._signature() == self._corpus_signature:
            self.refresh()
            return None
        return self.reindex()

    def start_watching(self) -> None:
        if self.watch_interval <= 0 or self._watcher is not None:
            return
        # No signature is taken here: the first scan compares against the last successful
        # update (none yet means one update, which is cheap when nothing changed).

        def loop():
            refused = None  # the last refusal logged: an unmounted share is reported once, not every scan
            while not self._stop.wait(self.watch_interval):
                try:
                    report = self.check_corpus()
                    refused = None
                    if report is not None and report.changed:
                        log.info("corpus changed: +%d ~%d -%d", len(report.added), len(report.updated), len(report.removed))
                except WouldDropMeetings as e:  # answers keep coming from the index as it was
                    if str(e) != refused:
                        log.warning("index not updated: %s", e)
                        refused = str(e)
                except Exception:  # noqa: BLE001 - the watcher must outlive one bad scan
                    log.exception("index update after a corpus change failed")

        self._watcher = threading.Thread(target=loop, name="minutes-corpus-watch", daemon=True)
        self._watcher.start()

    def stop(self) -> None:
        self._stop.set()
        if self._notifier is not None:
            self._news.put(None)
            self._notifier.join(timeout=5)
            self._notifier = None
        if self._watcher is not None:
            self._watcher.join(timeout=5)
            self._watcher = None
