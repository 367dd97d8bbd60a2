"""What the Slack bot remembers beside the index, in one small SQLite file: the answers it posted
(so a "More" button can post the passages left out, even after a restart), the 👍 / 👎 votes on
them (with the question and the sources, for whoever tunes the engine), and the Slack permalink
of each file uploaded through Slack (so a quote from it links back to the upload).

Stdlib sqlite3 in WAL mode, one connection behind one lock, as in dedupe.py. A folder that
cannot be written falls back to memory: answering matters more than remembering."""
from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from bot.answer import Answer

from .sqlite_file import open_db

log = logging.getLogger(__name__)

FILENAME = "slack-memory.sqlite3"
ANSWER_TTL = 30 * 24 * 3600.0  # a More button older than a month says the answer has expired
_PURGE_EVERY = 200  # answers remembered between deletions of expired ones
VOTES = ("up", "down")

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS answers (ref TEXT PRIMARY KEY, at REAL NOT NULL, answer TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS answers_at ON answers (at)",
    # One vote per user and answer: a second click changes it.
    "CREATE TABLE IF NOT EXISTS votes (ref TEXT NOT NULL, user TEXT NOT NULL, vote TEXT NOT NULL, "
    "at REAL NOT NULL, question TEXT NOT NULL, sources TEXT NOT NULL, PRIMARY KEY (ref, user))",
    "CREATE TABLE IF NOT EXISTS uploads (source TEXT PRIMARY KEY, permalink TEXT NOT NULL, at REAL NOT NULL)",
)


@dataclass(frozen=True)
class VoteCounts:
    up: int = 0
    down: int = 0

    @property
    def total(self) -> int:
        return self.up + self.down


def sources_of(answer: Answer) -> list[dict]:
    """Where an answer's passages come from: file and character span, enough to find them again."""
    return [{"source": p.source, "start": p.start, "end": p.end} for p in answer.passages]


def _create(db: sqlite3.Connection) -> None:
    for statement in _SCHEMA:
        db.execute(statement)


class BotMemory:
    def __init__(self, path: Path | str | None = None, *, ttl: float = ANSWER_TTL, clock=time.time):
        self._ttl = ttl
        self._clock = clock
        self._lock = threading.Lock()
        self._stored = 0
        self.path = Path(path) if path is not None else None
        self._db = self._open(self.path)

    @classmethod
    def beside_index(cls, index_dir: Path, **kw) -> "BotMemory":
        return cls(Path(index_dir) / FILENAME, **kw)

    def _open(self, path: Path | None) -> sqlite3.Connection:
        db, self.path = open_db(path, _create, "answers and votes")
        return db

    def _run(self, what: str, fn, default=None):
        with self._lock:
            try:
                return fn(self._db)
            except sqlite3.Error as e:  # a full disk, a file deleted under us: the answer still goes out
                log.warning("Slack memory: %s failed (%s)", what, e)
                return default

    # -- answers ---------------------------------------------------------------------------------
    def remember(self, answer: Answer) -> str:
        """Store ``answer``; returns the reference its buttons carry."""
        ref = uuid.uuid4().hex[:16]
        now = self._clock()
        data = answer.model_dump_json()

        def store(db):
            self._stored += 1
            if self._stored % _PURGE_EVERY == 1:
                db.execute("DELETE FROM answers WHERE at < ?", (now - self._ttl,))
            db.execute("INSERT INTO answers (ref, at, answer) VALUES (?, ?, ?)", (ref, now, data))

        self._run("remembering an answer", store)
        return ref

    def answer(self, ref: str) -> Answer | None:
        """The answer stored under ``ref``, or None when unknown or expired."""
        row = self._run("reading an answer", lambda db: db.execute(
            "SELECT answer FROM answers WHERE ref = ? AND at >= ?", (ref, self._clock() - self._ttl)).fetchone())
        if row is None:
            return None
        try:
            return Answer.model_validate_json(row[0])
        except ValueError:  # written by another version of the bot
            log.warning("Slack memory: answer %s cannot be read back", ref)
            return None

    # -- votes -----------------------------------------------------------------------------------
    def vote(self, ref: str, user: str, vote: str, answer: Answer | None) -> None:
        if vote not in VOTES:
            raise ValueError(f"vote must be one of {VOTES}, not {vote!r}")
        question = answer.question if answer is not None else ""
        sources = json.dumps(sources_of(answer) if answer is not None else [], ensure_ascii=False)
        self._run("storing a vote", lambda db: db.execute(
            "INSERT INTO votes (ref, user, vote, at, question, sources) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (ref, user) DO UPDATE SET vote = excluded.vote, at = excluded.at",
            (ref, user, vote, self._clock(), question, sources)))

    def votes(self) -> VoteCounts:
        rows = self._run("counting votes", lambda db: db.execute(
            "SELECT vote, COUNT(*) FROM votes GROUP BY vote").fetchall(), default=[])
        counts = dict(rows)
        return VoteCounts(up=counts.get("up", 0), down=counts.get("down", 0))

    def vote_rows(self) -> list[dict]:
        """Every vote, newest first: what people thought of which answer, and its sources."""
        rows = self._run("reading votes", lambda db: db.execute(
            "SELECT ref, user, vote, at, question, sources FROM votes ORDER BY at DESC").fetchall(), default=[])
        return [{"ref": r[0], "user": r[1], "vote": r[2], "at": r[3], "question": r[4], "sources": json.loads(r[5])}
                for r in rows]

    # -- permalinks of uploaded files ------------------------------------------------------------
    def remember_upload(self, source: str, permalink: str) -> None:
        self._run("remembering a permalink", lambda db: db.execute(
            "INSERT INTO uploads (source, permalink, at) VALUES (?, ?, ?) "
            "ON CONFLICT (source) DO UPDATE SET permalink = excluded.permalink, at = excluded.at",
            (source, permalink, self._clock())))

    def permalinks(self) -> dict[str, str]:
        rows = self._run("reading permalinks", lambda db: db.execute(
            "SELECT source, permalink FROM uploads").fetchall(), default=[])
        return dict(rows)

    def close(self) -> None:
        with self._lock:
            self._db.close()
