"""The version of the pipeline that turns a file into a meeting and chunks, recorded in every
index generation.

It is a hash of the source of every module that reads, parses or chunks, plus a number to bump
by hand when their behaviour changes without their source doing so (a new pypdf, say). When it
differs from the one an index was built with, ``minutes index`` parses every file again
instead of keeping old parses by content hash; vectors are keyed by the text of their chunk,
so a chunk whose text did not change is not embedded again."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

# Bump when the parse or the chunks change for a reason the source hash cannot see.
PARSER_VERSION = 1

_HERE = Path(__file__).resolve().parent
# What a meeting and its chunks depend on: the loaders, the parser and its vocabulary, the
# chunker. (build/store/embed only move the results around.)
_SOURCES = ("loaders.py", "sniff.py", "html.py", "normalise.py", "models.py", "sections.py", "people.py", "latex.py", "dates.py", "vocab",
            "language.py", "sentences.py", "chunk.py", "parse", "records")


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    h = hashlib.sha256(str(PARSER_VERSION).encode())
    for name in _SOURCES:
        path = _HERE / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path] if path.exists() else []
        for f in files:
            h.update(f.relative_to(_HERE).as_posix().encode())
            h.update(f.read_bytes())
    return f"{PARSER_VERSION}-{h.hexdigest()[:16]}"


def text_key(text: str) -> str:
    """The key a chunk's vector is stored under: a hash of its text (the model is the index's)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
