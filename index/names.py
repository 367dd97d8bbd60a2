"""Tolerant person-name matching, the one matcher of names (index/people.py reads names out of
lists; bot/names.py indexes the corpus's names for questions). Minutes misspell names
(Janson/Jansson, Östlund/Ostlund, "Helena, Strigård"), so names are compared token by token after
folding case, diacritics and punctuation, allowing one edit in longer tokens."""
from __future__ import annotations

import re
import unicodedata


def fold_name(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[^\w\s-]", " ", s)


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
