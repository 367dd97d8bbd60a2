"""Collections: each first-level folder of the corpus holds the minutes of one body (a board, a
committee, a working group); files at the top level belong to the default collection.

A meeting's collection follows from its source path alone, so every meeting, chunk, record and
passage knows it without it being stored: ``collection_of(source)``. Names are compared by
``collection_key`` (Unicode-normalised, case-folded): "Styrelsen" in a setting is the folder
"styrelsen". Display names and aliases come from the organisation profile (index/profile.py)."""
from __future__ import annotations

import unicodedata

DEFAULT = "default"  # the collection of the files at the top of the corpus folder


def collection_of(source: str) -> str:
    """The collection of a corpus file, from its path relative to the corpus folder."""
    folder, sep, _ = source.partition("/")
    return folder if sep and folder else DEFAULT


def collection_key(name: str) -> str:
    """How collection names are compared: "Styrelsen", "styrelsen" and "STYRELSEN" are one."""
    return unicodedata.normalize("NFC", name).strip().casefold()


def in_collections(source: str, keys) -> bool:
    """Whether the file ``source`` is in one of the collections ``keys`` (collection_key form;
    None: every collection)."""
    return keys is None or collection_key(collection_of(source)) in keys
