"""A safety check before an update drops meetings from the index.

A corpus folder that is suddenly empty is far more often an unmounted share or a mistyped
MINUTES_CORPUS_DIR than minutes someone meant to delete; indexing it as it stands would drop
every meeting and answer nothing. Dropping more than half of what is indexed is refused unless
the caller asks for it (`minutes index --prune`)."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .errors import WouldDropMeetings

MAX_DROP_SHARE = 0.5  # dropping more than this share of the indexed meetings needs --prune
SHOWN = 3  # meetings named in the message; the rest are counted


def check_drop(indexed: Iterable[str], present: set[str], corpus_dir: Path, *, prune: bool) -> None:
    """Raise WouldDropMeetings when more than half of ``indexed`` sources are not ``present``
    in the corpus folder any more, unless ``prune``."""
    indexed = sorted(indexed)
    gone = [s for s in indexed if s not in present]
    if prune or not gone or len(gone) <= MAX_DROP_SHARE * len(indexed):
        return
    names = ", ".join(gone[:SHOWN]) + (f" and {len(gone) - SHOWN} more" if len(gone) > SHOWN else "")
    why = "is empty" if not present else f"lacks {len(gone)} of the {len(indexed)} indexed files"
    raise WouldDropMeetings(
        f"corpus folder {corpus_dir} {why}: updating would drop {len(gone)} of {len(indexed)} meetings "
        f"({names}); if the folder is right, run `minutes index --prune`",
        gone, len(indexed),
    )
