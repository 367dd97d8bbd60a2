"""The versions of what an index is made by: one scheme for every part of a generation.

A part's version is a hash of the source of every module that computes it, plus a number to
bump by hand when its behaviour changes without its source doing so (a new pypdf, say):

- ``parse``: a file -> a meeting and chunks (loaders, parser, vocabulary, chunker). Recorded in
  params.json as ``pipeline``; when it differs, ``minutes index`` parses every file again
  instead of keeping old parses by content hash; vectors are keyed by the text of their chunk,
  so a chunk whose text did not change is not embedded again.
- ``search``: the search arrays stored with a generation (index/prepared.py: BM25 terms, the
  name index, title terms). Recorded in them; another version's arrays are built again.
- ``lexicon``: the lexicon cache beside the index (index/translate.py).

The ONNX encoders have their own ``EXPORT_VERSION`` (index/onnx_encoder.py): they are made by
torch's exporter from a model, not by this code."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

# Bump a part's number when it changes for a reason the source hash cannot see.
BUMPS = {"parse": 1, "search": 2, "lexicon": 1}

_HERE = Path(__file__).resolve().parent
# What each part depends on (build/store/embed only move the results around).
SOURCES = {
    "parse": ("loaders.py", "sniff.py", "html.py", "normalise.py", "models.py", "sections.py", "people.py",
              "latex.py", "names.py", "person_names.py", "dates.py", "vocab", "language.py", "sentences.py", "chunk.py", "parse",
              "records", "partial.py"),
    "search": ("lexical.py", "names.py", "aliases.py", "people.py", "person_names.py", "prepared.py", "vocab"),
    "lexicon": ("lexical.py", "translate.py", "vocab"),
}


@lru_cache(maxsize=None)
def version(part: str) -> str:
    """The version of ``part`` (a key of ``SOURCES``): "<bump>-<hash of its sources>"."""
    h = hashlib.sha256(f"{part}|{BUMPS[part]}".encode())
    for name in SOURCES[part]:
        path = _HERE / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path] if path.exists() else []
        for f in files:
            h.update(f.relative_to(_HERE).as_posix().encode())
            h.update(f.read_bytes())
    return f"{BUMPS[part]}-{h.hexdigest()[:16]}"


def pipeline_version() -> str:
    """The parse version, as params.json records it (``pipeline``)."""
    return version("parse")


def text_key(text: str) -> str:
    """The key a chunk's vector is stored under: a hash of its text (the model is the index's)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
