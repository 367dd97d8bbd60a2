"""The collections of one index (index/collections.py) as people name them: display names and
aliases from the organisation profile (index/profile.py), meeting counts, and which collection
a question or a `--collection` argument names.

A *scope* is a frozenset of collection keys (index.collections.collection_key) or None for
every collection. The engine answers a scoped question from a snapshot of those collections'
meetings alone (bot/engine.py), so nothing outside the scope can be quoted or named."""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.collections import DEFAULT, collection_key, collection_of
from index.errors import ConfigError
from index.profile import Profile

# A folder name is how a question names its body only when it is a word: "2015" or "arkiv-1"
# named as a folder must not take a year out of a question.
_WORDLIKE = re.compile(r"^[^\W\d_]{3,}(?:[ -][^\W\d_]+)*$")


@dataclass(frozen=True)
class Collection:
    folder: str  # the first-level folder as written (DEFAULT for top-level files)
    name: str  # the display name: the profile's, else the folder name
    aliases: tuple[str, ...]
    meetings: int

    @property
    def key(self) -> str:
        return collection_key(self.folder)

    def to_json_dict(self) -> dict:
        return {"collection": self.folder, "name": self.name, "aliases": list(self.aliases), "meetings": self.meetings}


class Catalogue:
    """The collections an index holds, in folder order."""

    def __init__(self, sources, profile: Profile | None = None):
        counts: dict[str, int] = {}
        for source in sources:
            folder = collection_of(source)
            counts[folder] = counts.get(folder, 0) + 1
        given = {collection_key(f): p for f, p in (profile or Profile()).collections.items()}
        self.collections: list[Collection] = []
        for folder in sorted(counts, key=collection_key):
            p = given.get(collection_key(folder))
            self.collections.append(Collection(folder, (p.name if p and p.name else folder),
                                               p.aliases if p else (), counts[folder]))
        self._by_key = {c.key: c for c in self.collections}
        self._patterns = [(c.key, _names_pattern(c)) for c in self.collections]

    def keys(self) -> frozenset[str]:
        return frozenset(self._by_key)

    def get(self, key: str) -> Collection | None:
        return self._by_key.get(key)

    def visible(self, scope: frozenset[str] | None) -> list[Collection]:
        return [c for c in self.collections if scope is None or c.key in scope]

    def display(self, folder: str) -> str:
        c = self._by_key.get(collection_key(folder))
        return c.name if c is not None else folder

    def resolve(self, names: list[str]) -> frozenset[str] | None:
        """The scope a CLI's `--collection` arguments name (folder, display name or alias);
        None when none is given. An unknown name is a ConfigError listing the known ones."""
        if not names:
            return None
        out = set()
        for name in names:
            key = collection_key(name)
            found = [c.key for c in self.collections
                     if key in {c.key, collection_key(c.name), *(collection_key(a) for a in c.aliases)}]
            if not found:
                known = ", ".join(c.folder for c in self.collections) or "none"
                raise ConfigError(f"--collection: no collection {name!r} in the index (collections: {known})")
            out.update(found)
        return frozenset(out)

    def named_in(self, text: str, scope: frozenset[str] | None) -> tuple[frozenset[str], str]:
        """The collections ``text`` names among those ``scope`` may see, and ``text`` without
        the names (so "the board" is not searched for as a topic). Names of collections outside
        the scope are not recognised at all: a question never learns that they exist. With one
        collection in sight there is nothing to choose."""
        seen = [(k, p) for k, p in self._patterns if p is not None and (scope is None or k in scope)]
        if len(self.visible(scope)) < 2 or not seen:
            return frozenset(), text
        named = set()
        for key, pattern in seen:
            if pattern.search(text):
                named.add(key)
                text = pattern.sub(" ", text)
        if not named:
            return frozenset(), text
        return frozenset(named), re.sub(r"[ \t]{2,}", " ", text).strip()


def _names_pattern(c: Collection) -> re.Pattern | None:
    """A question's words for the collection: its aliases and display name, and its folder name
    when that is a word; longest first, as whole words, with a genitive -s ("styrelsens",
    "the board's")."""
    names = {*c.aliases, c.name} - {DEFAULT}
    if c.folder != DEFAULT and _WORDLIKE.match(c.folder):
        names.add(c.folder)
    names = {n.strip() for n in names if _WORDLIKE.match(n.strip()) or n.strip() in c.aliases}
    if not names:
        return None
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?:'?s)?(?!\w)", re.IGNORECASE)
