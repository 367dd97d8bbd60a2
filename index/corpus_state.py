"""Whether the corpus folder is still there, for commands that answer from the index.

The index outlives its corpus folder: an unmounted share or a mistyped MINUTES_CORPUS_DIR still
answers, from minutes that may have changed since. `ask` and `status` say so rather than answer
as if nothing were wrong. Cheap by design (no faiss, stops at the first file): it runs before
every command that reads the index."""
from __future__ import annotations

import os
from pathlib import Path

OK, MISSING, NOT_A_FOLDER, EMPTY = "ok", "missing", "not_a_folder", "empty"


def _has_a_file(folder: Path) -> bool:
    """Whether ``folder`` holds a visible file at any depth (what index.build.scan_corpus reads)."""
    for _root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        if any(not f.startswith(".") and not f.startswith("~$") for f in files):
            return True
    return False


def corpus_state(corpus_dir: Path) -> str:
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.exists():
        return MISSING
    if not corpus_dir.is_dir():
        return NOT_A_FOLDER
    return OK if _has_a_file(corpus_dir) else EMPTY


def corpus_warning(corpus_dir: Path, meetings: int, built_at: str | None) -> str | None:
    """One line when the index holds meetings the corpus folder can no longer have; else None."""
    state = corpus_state(corpus_dir)
    if state == OK or meetings == 0:
        return None
    what = {MISSING: "does not exist", NOT_A_FOLDER: "is not a folder", EMPTY: "is empty"}[state]
    when = f" of {built_at}" if built_at else ""
    return (f"corpus folder {corpus_dir} {what} (an unmounted share? MINUTES_CORPUS_DIR?); "
            f"answering from the index{when}, {meetings} meetings")
