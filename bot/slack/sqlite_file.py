"""The bot's small SQLite files beside the index (event ids, answers and votes, thread state):
opened one way, falling back to memory when the folder cannot be written, since answering
matters more than remembering."""
from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

log = logging.getLogger(__name__)


def open_db(path: Path | None, create, what: str) -> tuple[sqlite3.Connection, Path | None]:
    """(connection, the path in use): ``path`` opened in WAL mode with ``create(db)`` run on
    it, or, when that fails (or ``path`` is None), an in-memory database and None, with one
    warning naming ``what`` is kept."""
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=5.0, check_same_thread=False, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a power cut may lose the last rows, never corrupt
            create(db)
            return db, path
        except (OSError, sqlite3.Error) as e:
            log.warning("cannot keep %s in %s (%s); keeping them in memory only", what, path, e)
    db = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    create(db)
    return db, None
