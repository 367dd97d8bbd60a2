"""Tolerant person-name matching. Minutes misspell names (Janson/Jansson, Östlund/Ostlund,
"Helena, Strigård"), so names are compared token by token after folding case, diacritics and
punctuation, allowing one edit in longer tokens. A person's other names in the corpus (handles,
a unique first name, the profile's ``[people]``: index/aliases.py) name them too."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.aliases import Aliases, fold as fold_name


def key_of(s: str) -> str:
    return " ".join(name_tokens(s))


def name_tokens(s: str) -> list[str]:
    return [t for t in re.split(r"[\s-]+", fold_name(s)) if t]


def _within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = j = diff = 0
    while i < la and j < lb:
        if a[i] == b[j]:
            i += 1
            j += 1
            continue
        diff += 1
        if diff > 1:
            return False
        if la == lb:
            i += 1
        j += 1
    return diff + (lb - j) + (la - i) <= 1


def token_match(a: str, b: str) -> bool:
    """Same name token, allowing one edit when both are long enough for a typo to be a typo."""
    if a == b:
        return True
    return min(len(a), len(b)) >= 5 and _within_one_edit(a, b)


def names_match(query: str, name: str) -> bool:
    """Whether ``query`` ("Eva Tiensuu Janson", "Tiensuu Jansson", "Eva Jansson") names the
    person ``name``: its first and last tokens must match tokens of ``name`` in order; a single
    token must match the surname or the whole first name."""
    q, n = name_tokens(query), name_tokens(name)
    if not q or not n:
        return False
    if len(q) == 1:
        return token_match(q[0], n[-1]) or (len(n) >= 1 and token_match(q[0], n[0]) and len(q[0]) >= 3)
    # every query token must appear in the name in order (middle names may be left out)
    j = 0
    for t in q:
        while j < len(n) and not token_match(t, n[j]):
            j += 1
        if j == len(n):
            return False
        j += 1
    return token_match(q[-1], n[-1])  # "Anna Nilsson" is not "Anna Nilsson Vindefjärd"


def one_person(written: str, people) -> str | None:
    """The one of ``people`` (names as the minutes write them) whom ``written`` names: the same
    name, or a first name or surname of a fuller one ("Tim" is "Tim Persson"). None when nobody
    or several different people fit; a bare first name that is also written alone counts once
    ("Tim" and "Tim Persson" are one person)."""
    hits: dict[str, str] = {}
    for p in people:
        if names_match(written, p):
            hits.setdefault(" ".join(name_tokens(p)), p)
    full = [p for k, p in hits.items() if " " in k]
    if len(full) == 1:
        return full[0]
    if not full and len(hits) == 1:
        return next(iter(hits.values()))
    return None


@dataclass
class KnownPerson:
    name: str  # as first written in the corpus
    sources: set[str] = field(default_factory=set)


class NameIndex:
    """Every person the parsed minutes name (attendees, invited, absent, chair, secretary)."""

    def __init__(self, names: list[tuple[str, str]], aliases: Aliases | None = None):  # (name, source)
        self.learned = aliases or Aliases()  # what the minutes state (bot/prepared.py stores it)
        self.aliases = self.learned  # and the organisation profile's [people] over it: use_profile
        self.people: dict[str, KnownPerson] = {}
        for name, source in names:
            key = " ".join(name_tokens(name))
            if not key:
                continue
            p = self.people.setdefault(key, KnownPerson(name))
            p.sources.add(source)

    def stored(self, sources: list[str]) -> list[list]:
        """The index as JSON-ready rows [key, name, [positions in ``sources``]], for
        index/prepared.py to store."""
        at = {s: i for i, s in enumerate(sources)}
        return [[key, p.name, sorted(at[s] for s in p.sources)] for key, p in self.people.items()]

    @classmethod
    def from_stored(cls, rows: list[list], sources: list[str]) -> "NameIndex":
        """The index :meth:`stored` wrote, without folding every name again."""
        index = cls([])
        index.people = {key: KnownPerson(name, {sources[i] for i in at}) for key, name, at in rows}
        return index

    def use_profile(self, profile) -> None:
        """The profile's ``[people]`` over the learned aliases (index/profile.py)."""
        self.aliases = self.learned.with_profile(profile)

    def names_for(self, query: str) -> list[str]:
        """``query`` and the other names of the person it names ("mnot" -> "Mark Nottingham", "MN")."""
        return [query, *self.aliases.aliases_of(query)]

    def full_name(self, name: str) -> str:
        """The full name of someone written by another of their names ("mnot" -> "Mark
        Nottingham"); ``name`` itself otherwise."""
        return self.aliases.canonical(name) if self.aliases.aliases_of(name) else name

    def same(self, query: str, name: str) -> bool:
        """Whether ``query`` names the person written ``name`` (by any of their names)."""
        return any(names_match(n, name) for n in self.names_for(query))

    def find(self, query: str) -> list[KnownPerson]:
        names = self.names_for(query)
        found = [p for p in self.people.values() if any(names_match(n, p.name) for n in names)]
        full = self.aliases.canonical(query)  # the full name first: it is how answers name them
        return sorted(found, key=lambda p: key_of(p.name) != key_of(full))

    def mentions(self, question: str) -> list[str]:
        """Spans of the question that name a known person, longest first ("Anna Sandström")."""
        words = re.findall(r"[^\W\d_][\w'-]*", question)
        found: list[str] = []
        i = 0
        while i < len(words):
            hit = None
            for n in range(min(4, len(words) - i), 1, -1):
                cand = words[i: i + n]
                if not all(w[0].isupper() for w in cand):
                    continue
                text = " ".join(cand)
                if self.find(text):
                    hit = (text, n)
                    break
            if hit is None and self._alias_word(words[i]):  # "mnot", "MN"
                hit = (words[i], 1)
            if hit:
                found.append(hit[0])
                i += hit[1]
            else:
                i += 1
        return found

    def _alias_word(self, word: str) -> bool:
        """A handle or initials the corpus or profile gives someone, written as given ("mnot",
        "MN"). A first name alone is not taken for a person here: it may start any question."""
        full = self.aliases.canonical(word)
        if len(word) < 2 or key_of(full) == key_of(word) or key_of(word) == key_of(full.split()[0]):
            return False
        return word in self.aliases.groups.get(full, ())


def capitalised_runs(question: str, skip: set[str]) -> list[str]:
    """Runs of two or more capitalised words that are not question words: candidate names of
    people the attendee lists don't know ("Joakim Karlsson" is in the text only)."""
    out, run = [], []
    for w in re.findall(r"[^\W\d_][\w'-]*|\S", question):
        if w[0].isupper() and w.casefold() not in skip:
            run.append(w)
        else:
            if len(run) >= 2:
                out.append(" ".join(run))
            run = []
    if len(run) >= 2:
        out.append(" ".join(run))
    return out


def find_in_text(text: str, person: str) -> list[tuple[int, int]]:
    """Spans in ``text`` where ``person`` is written, tolerantly ("Eva Tiensuu Jansson" for
    "Eva Tiensuu Janson"). Runs of name-like words are compared with :func:`names_match`."""
    out = []
    q = name_tokens(person)
    if not q:
        return out
    words = list(re.finditer(r"[^\W\d_][\w'-]*", text))
    for i, m in enumerate(words):
        if not token_match(name_tokens(m.group(0))[0] if name_tokens(m.group(0)) else "", q[0]):
            continue
        # take up to len(q)+1 words starting here and see whether they name the person
        for n in range(min(len(q) + 1, len(words) - i), 0, -1):
            seg = words[i: i + n]
            s, e = seg[0].start(), seg[-1].end()
            if "\n" in text[s:e]:
                continue
            if len(q) > 1 and n == 1:
                break
            if names_match(person, text[s:e]) and names_match(text[s:e], person):
                out.append((s, e))
                break
    return out
