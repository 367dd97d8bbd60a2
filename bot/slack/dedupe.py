"""Remembers which Slack messages were already taken on, so one message is answered once, even
across a restart of the bot.

A mention in a DM can arrive both as ``app_mention`` and as ``message``, and Slack re-delivers
events it thinks were not acknowledged in time (``X-Slack-Retry-Num``), up to an hour later,
possibly to a bot that restarted meanwhile; both carry the same channel and ts. The keys live in
a small SQLite file beside the index (stdlib sqlite3, WAL journal) for ``ttl`` seconds."""
from __future__ import annotations

import logging
import sqlite3
import threading
import time
from pathlib import Path

from .sqlite_file import open_db

log = logging.getLogger(__name__)

FILENAME = "slack-seen.sqlite3"
TTL = 3600.0  # Slack retries for about an hour at most
_PURGE_EVERY = 500  # inserts between deletions of expired keys


class Deduper:
    """``first_time(*key)`` is True exactly once per key within ``ttl``; atomic across threads
    (one connection, one lock) and across processes (SQLite's own locking).

    ``path=None`` keeps the keys in memory only (tests; a folder that cannot be written)."""

    def __init__(self, path: Path | str | None = None, ttl: float = TTL, clock=time.time):
        self._ttl = ttl
        self._clock = clock  # wall time: monotonic clocks restart with the process
        self._lock = threading.Lock()
        self._inserts = 0
        self.path = Path(path) if path is not None else None
        self._db = self._open(self.path)

    @classmethod
    def beside_index(cls, index_dir: Path, **kw) -> "Deduper":
        return cls(Path(index_dir) / FILENAME, **kw)

    def _open(self, path: Path | None) -> sqlite3.Connection:
        db, self.path = open_db(path, self._create, "Slack event ids")
        return db

    @staticmethod
    def _create(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, at REAL NOT NULL)")
        db.execute("CREATE INDEX IF NOT EXISTS seen_at ON seen (at)")

    def first_time(self, *key) -> bool:
        k = "\x1f".join(str(p) for p in key)
        now = self._clock()
        with self._lock:
            try:
                self._inserts += 1
                if self._inserts % _PURGE_EVERY == 1:
                    self._db.execute("DELETE FROM seen WHERE at < ?", (now - self._ttl,))
                # One statement, so two bot processes sharing the file cannot both win: a key
                # is (re)claimed only when absent or expired.
                cur = self._db.execute(
                    "INSERT INTO seen (key, at) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET at = excluded.at WHERE seen.at < ?",
                    (k, now, now - self._ttl))
                return cur.rowcount == 1
            except sqlite3.Error as e:  # a disk that filled up, a file deleted under us
                log.warning("Slack event id store failed (%s); treating %s as new", e, k)
                return True

    def count(self) -> int:
        """Keys remembered and not yet expired."""
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM seen WHERE at >= ?", (self._clock() - self._ttl,)).fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._db.close()
