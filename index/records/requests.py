"""Requests in the passive as action items: "Anna ombads att …", "alla uppmanas att …", "members
were asked to …" (the one asked owns the task), and requests with no one named ("…
efterfrågades förslag på 3-5 andra satsningar …": the task is what was asked for; ``owners``
stays empty rather than invent one). Cue words: index/vocab REQUEST_VERBS, REQUEST_PASSIVES,
GROUP_OWNERS."""
from __future__ import annotations

import re
from typing import Callable

from index.person_names import name_regex
from index.records.text import Unit
from index.vocab import BODY_ABBREVIATION, GROUP_OWNERS, OWNER_BODIES, REQUEST_PASSIVES, REQUEST_VERBS


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


_NAME = name_regex(3)  # whom a request is to (index/person_names.py)
# "(all) TSC members": the members of a body named by its abbreviation are a group too
_BODY_MEMBERS = rf"(?:(?i:all\s+)?{BODY_ABBREVIATION}\s+(?i:members))"
_ONE = rf"(?:(?i:{_alt(GROUP_OWNERS + OWNER_BODIES)})(?![\wåäö])|{_BODY_MEMBERS}(?![\wåäö])|{_NAME})"
# "Anna och Erik ombads att …", "Members were asked to …", "Alla uppmanas att …"
_ASKED = re.compile(rf"""(?x)
    (?<![\w-])(?P<o>{_ONE}(?:\s*(?:,|\boch\b|\band\b|&)\s*{_ONE}){{0,3}})\s+
    (?i:{_alt(REQUEST_VERBS)})\s+(?i:att|to)\s+(?P<task>\S[\s\S]*)
""")
# "… efterfrågades förslag på …", "Förslag efterfrågas på …"
_PASSIVE = re.compile(rf"(?<![\w-])(?i:{_alt(REQUEST_PASSIVES)})(?![\wåäö])\s+(?P<task>\S[\s\S]*)")
_GROUPS = {re.sub(r"\s+", " ", g) for g in GROUP_OWNERS}
_SPLIT = re.compile(r"\s*(?:,|\boch\b|\band\b|&)\s*")


def request(text: str, u: Unit, ok: Callable[[str], bool]) -> tuple[list[str], int, int] | None:
    """(owners, task start, task end) of a request in statement ``u``, or None. ``ok`` says
    whether a name is one of the meeting's people (groups and bodies always are)."""
    m = _ASKED.search(text, u.start, u.end)
    if m:
        names = [re.sub(r"\s+", " ", n) for n in _SPLIT.split(m.group("o")) if n]
        if names and all(n.casefold() in _GROUPS or re.fullmatch(_BODY_MEMBERS, n) or ok(n) for n in names):
            return names, m.start("task"), u.end
    m = _PASSIVE.search(text, u.start, u.end)
    if m and not text[m.start("task"):u.end].rstrip().endswith("?"):
        return [], m.start("task"), u.end
    return None
