"""What an index update reports while it works, for a terminal to show.

An update has stages: reading and parsing the files, then embedding the new chunks. The first
file that needs parsing also loads the embedding model (its tokenizer measures the chunks), which
takes seconds before anything else moves; that is reported as a note, so a terminal is never
silent for long. Everything here is a no-op: the CLI subclasses it (``bot.progress``)."""
from __future__ import annotations

from collections.abc import Callable


class BuildProgress:
    def stage(self, name: str, total: int) -> None:
        """A stage begins ("parsing" files, "embedding" chunks) with ``total`` steps."""

    def advance(self, done: int) -> None:
        """``done`` steps of the current stage are complete."""

    def note(self, text: str | None) -> None:
        """What is happening right now inside the stage ("loading the embedding model"); None
        clears it."""

    def close(self) -> None:
        """The update is over (finished or failed)."""


class _EmbeddingOnly(BuildProgress):
    """A plain ``progress(done, total)`` callable, told about embedding only (its old contract)."""

    def __init__(self, fn: Callable[[int, int], None]):
        self.fn = fn
        self.current: str | None = None
        self.total = 0

    def stage(self, name: str, total: int) -> None:
        self.current, self.total = name, total

    def advance(self, done: int) -> None:
        if self.current == "embedding":
            self.fn(done, self.total)


def as_progress(progress) -> BuildProgress:
    if progress is None:
        return BuildProgress()
    if isinstance(progress, BuildProgress):
        return progress
    return _EmbeddingOnly(progress)
