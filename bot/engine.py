"""Answers questions from one loaded index snapshot. The same Engine serves the CLI and Slack."""
from __future__ import annotations

from datetime import date

from index.store import IndexSnapshot

from .answer import Answer, Passage


class Engine:
    def __init__(self, snapshot: IndexSnapshot, embedder):
        self.snapshot = snapshot
        self.embedder = embedder

    def ask(self, question: str, *, today: date | None = None, k: int = 5) -> Answer:
        hits = self.snapshot.dense_search(self.embedder.embed_query(question), k)
        passages = []
        for row, score in hits:
            c = self.snapshot.chunks[row]
            passages.append(Passage(source=c.source, meeting_date=c.meeting_date, title=c.title,
                                    quote=c.text, score=round(score, 4), start=c.start, end=c.end))
        found = bool(passages)
        return Answer(question=question, answer="Here are the passages that best match." if found else "Nothing found.",
                      found=found, intent="search", passages=passages)
