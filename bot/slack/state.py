"""What the bot remembers between events and across restarts: the context of each thread it
answered in, the meetings it announced, the reminders it sent.

One small SQLite file beside the index (stdlib sqlite3, WAL journal), one table of
(kind, key) -> value rows with the time each was written. Like the dedupe memory
(:mod:`bot.slack.dedupe`), a folder that cannot be written falls back to memory: answering
matters more than remembering."""
from __future__ import annotations

import logging
import sqlite3
import threading
import time
from pathlib import Path

from .sqlite_file import open_db

log = logging.getLogger(__name__)

FILENAME = "slack-state.sqlite3"


class BotState:
    def __init__(self, path: Path | str | None = None, clock=time.time):
        self._clock = clock  # wall time: the rows outlive the process
        self._lock = threading.Lock()
        self.path = Path(path) if path is not None else None
        self._db = self._open()

    @classmethod
    def beside_index(cls, index_dir: Path, **kw) -> "BotState":
        return cls(Path(index_dir) / FILENAME, **kw)

    def _open(self) -> sqlite3.Connection:
        db, self.path = open_db(self.path, self._create, "the bot's memory")
        return db

    @staticmethod
    def _create(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE IF NOT EXISTS state (kind TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,"
                   " at REAL NOT NULL, PRIMARY KEY (kind, key))")

    def get(self, kind: str, key: str, *, ttl: float | None = None) -> str | None:
        """The value stored under (kind, key), if written within ``ttl`` seconds (any age: None)."""
        oldest = -1.0 if ttl is None else self._clock() - ttl
        with self._lock:
            try:
                row = self._db.execute("SELECT value FROM state WHERE kind = ? AND key = ? AND at >= ?",
                                       (kind, key, oldest)).fetchone()
            except sqlite3.Error as e:
                log.warning("bot memory read failed (%s)", e)
                return None
        return row[0] if row else None

    def put(self, kind: str, key: str, value: str) -> None:
        with self._lock:
            try:
                self._db.execute("INSERT INTO state (kind, key, value, at) VALUES (?, ?, ?, ?) "
                                 "ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value, at = excluded.at",
                                 (kind, key, value, self._clock()))
            except sqlite3.Error as e:
                log.warning("bot memory write failed (%s)", e)

    def claim(self, kind: str, key: str, value: str = "") -> bool:
        """True exactly once per (kind, key): the caller is the one to act (announce, remind).
        One statement, so two processes sharing the file cannot both win."""
        with self._lock:
            try:
                cur = self._db.execute("INSERT INTO state (kind, key, value, at) VALUES (?, ?, ?, ?) "
                                       "ON CONFLICT (kind, key) DO NOTHING", (kind, key, value, self._clock()))
                return cur.rowcount == 1
            except sqlite3.Error as e:  # better a repeated announcement than a lost one
                log.warning("bot memory write failed (%s); acting on %s/%s anyway", e, kind, key)
                return True

    def has(self, kind: str, key: str) -> bool:
        return self.get(kind, key) is not None

    def count(self, kind: str) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM state WHERE kind = ?", (kind,)).fetchone()[0]

    def purge(self, kind: str, older_than: float) -> None:
        """Forget rows of ``kind`` written more than ``older_than`` seconds ago."""
        with self._lock:
            try:
                self._db.execute("DELETE FROM state WHERE kind = ? AND at < ?", (kind, self._clock() - older_than))
            except sqlite3.Error as e:
                log.warning("bot memory purge failed (%s)", e)

    def close(self) -> None:
        with self._lock:
            self._db.close()
