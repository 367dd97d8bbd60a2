"""The exception tree of the engine. Interfaces (CLI, Slack) turn these into one-line messages
in one place each; nothing below them prints.

MinutesError
├── DocumentError            a single file cannot be read or parsed (it is skipped, not fatal)
│   ├── UnsupportedFormat
│   └── UnreadableDocument   empty, binary, corrupt, permission denied
├── IndexError_              the index on disk cannot be used
│   ├── IndexMissing         nothing built yet
│   ├── IndexCorrupt
│   └── ModelMismatch        built with another embedding model: rebuild
├── CorpusMissing            the corpus folder does not exist or is not a folder: nothing to index
├── ConfigError              invalid settings
├── IndexBusy                another process is updating the index
└── WouldDropMeetings        an update would drop most indexed meetings: refused without --prune

The CLI names each by its class in snake case (`"type"` of a JSON error: ``index_missing``,
``corpus_missing``, ...): a class says what is wrong, so scripts can branch on it.
"""
from __future__ import annotations


class MinutesError(Exception):
    """Base of every error this project raises on purpose. ``str(e)`` is a user-facing line."""


class DocumentError(MinutesError):
    def __init__(self, file: str, reason: str):
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason


class UnsupportedFormat(DocumentError):
    pass


class UnreadableDocument(DocumentError):
    pass


class IndexError_(MinutesError):  # trailing underscore: do not shadow the builtin IndexError
    pass


class IndexMissing(IndexError_):
    pass


class IndexCorrupt(IndexError_):
    pass


class ModelMismatch(IndexError_):
    pass


class CorpusMissing(MinutesError):
    """The corpus folder (MINUTES_CORPUS_DIR) does not exist or is not a folder. Not an
    IndexMissing: the index may be there and answering."""


class ConfigError(MinutesError):
    pass


class IndexBusy(MinutesError):
    """Another process holds the index write lock."""


class WouldDropMeetings(MinutesError):
    """An update would drop more than half of the indexed meetings (an empty or unmounted corpus
    folder, a wrong path): refused unless pruning was asked for. ``sources`` are what would go."""

    def __init__(self, message: str, sources: list[str], total: int):
        super().__init__(message)
        self.sources = sources
        self.total = total
