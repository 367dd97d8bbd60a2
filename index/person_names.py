"""The one person-name recogniser: what a person's name looks like, as a test and as a regex.

A name is one to five capitalised words in any Latin script ("Łukasz Nowak", "Øystein Ødegård",
"Æsa Ærø", "Anna Berg"), with lower-case particles inside ("Antoine du Hamel") and initials
("A. B. Berg", "Matthias St. Pierre"). Where the context is a roll ("Present: AnnaB, erik",
"Chair: wendy", "Scribe: duga"), a handle (an IRC nick or a GitHub login, lower case or
CamelCase) names a person too. "abc (Anna Berg)" is a handle with the full name in brackets.

Names are never looked up in a list of known people; only their shape is used. Every module
that reads a name (attendee lists, the chair, action owners, role holders, voters) uses this
module, so a name read in one place is read in all of them.
"""
from __future__ import annotations

import re
import unicodedata

from index.vocab import FUNCTION_WORDS, NAME_PARTICLES, ROLE_WORDS, STOP_WORDS


def _latin_capitals() -> str:
    """A regex character-class body of every Latin capital letter (A-Z, Å, Ł, Ø, Æ, Š, Ǆ, Ẅ ...)."""
    chars = [c for c in map(chr, list(range(0x41, 0x250)) + list(range(0x1E00, 0x1F00)))
             if c.isupper() and unicodedata.name(c, "").startswith("LATIN")]
    ranges: list[list[str]] = []
    for c in chars:
        if ranges and ord(c) == ord(ranges[-1][1]) + 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "".join(a if a == b else f"{a}-{b}" for a, b in ranges)


# Character-class body of the capitals a name word starts with: ``rf"[{UP}]"``.
UP = _latin_capitals()
_PARTICLE = "(?:" + "|".join(sorted(NAME_PARTICLES, key=len, reverse=True)) + ")"
# One capitalised word of a name: "Anna", "O'Phinney", "Lundgren-Carlgren", "Brückner".
_WORD = rf"(?-i:[{UP}])[\w'’-]{{0,30}}"
# An initial or a short abbreviation in a name, before its full stop: "A", "St", "Jr".
_INITIAL = rf"(?-i:[{UP}])\w{{0,2}}"


def name_regex(max_words: int = 4) -> str:
    """A regex fragment (no groups) of a capitalised name of 1 to ``max_words`` words: particles
    only between capitalised words ("Ludwig van Beethoven"), initials and short abbreviations with
    a full stop before more of the name ("A. Berg", "A.B. Berg", "St. Pierre"), never a sentence's
    final "Berg." joined to the next one. Bounded on purpose: an unbounded repeat followed by more
    pattern backtracks quadratically over a long run of capitalised words. Case-sensitive inside
    ``(?i)`` patterns."""
    word = rf"(?:{_INITIAL}\.[ \t]*){{0,3}}{_WORD}"
    return rf"{word}(?:[ \t]+(?:(?i:{_PARTICLE})[ \t]+)?{word}){{0,{max_words - 1}}}"


_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")


def looks_like_name(s: str, max_words: int = 5) -> bool:
    """Whether ``s`` is shaped like a person's name: 1 to ``max_words`` capitalised words, lower-case
    particles allowed after the first ("Anna Berg", "Łukasz Nowak", "A. Berg", "Antoine du Hamel")."""
    words = s.split()
    if not 1 <= len(words) <= max_words:
        return False
    caps = 0
    for w in words:
        if w.lower() in NAME_PARTICLES and caps:
            continue
        if not _NAME_WORD.match(w) or not w[0].isupper():
            return False
        caps += 1
    return caps >= 1


# An IRC nick or a login: a letter, then letters, digits, "_", "-" or "." ("wendyreid",
# "gautierchomel_", "CharlesL1", "mnot", "ehuss"), at most 39 characters as GitHub allows.
_HANDLE = re.compile(r"@?[^\W\d_][\w.-]{0,38}")
_COMMON = frozenset().union(*STOP_WORDS.values(), *FUNCTION_WORDS.values(), ROLE_WORDS)


def looks_like_handle(s: str) -> bool:
    """Whether ``s`` is one handle-shaped token that is not a common word nor a role ("duga",
    "wendyreid", "@rvagg"; not "the", "alla", "ledamot"). Only meaningful where the context says
    a person is named."""
    s = s.strip()
    return (bool(_HANDLE.fullmatch(s)) and s[-1] not in ".-" and len(s.lstrip("@")) >= 2
            and s.lstrip("@").casefold() not in _COMMON)


# An organisation's name with an elided compound: "Havs- och Vattenmyndigheten", "Post- och
# telestyrelsen", "Arbets- and Miljö": a capitalised word ending in a hyphen, a conjunction, a word.
_ELIDED = re.compile(r"(?-i:[^\W\d_a-zåäöæøß])[\w'’-]*-[ ](?:och|and|und|og|et)[ ][^\W\d_][\w'’-]*(?:[ ][^\W\d_][\w'’-]*)?")


def person_name(s: str, *, roll: bool = False) -> str | None:
    """The name ``s`` is, when it is one: a capitalised name, or, where ``roll`` says the context
    names people or parties to the meeting (a roll, a role label), a handle or an organisation
    with an elided compound ("Havs- och Vattenmyndigheten"). None otherwise."""
    s = re.sub(r"\s+", " ", s).strip()
    if looks_like_name(s):
        return s
    if roll and (looks_like_handle(s) or _ELIDED.fullmatch(s)):
        return s.lstrip("@")
    return None


# "abc (Anna Berg)": a handle with the full name in brackets.
_HANDLE_FULL = re.compile(r"(?P<handle>@?[^\W\d_][\w.-]{0,38})[ \t]*\((?P<name>[^()]{3,60})\)")


def handle_and_name(s: str) -> tuple[str, str] | None:
    """(full name, handle) of "abc (Anna Berg)" or "@abc (Anna Berg)"; None for any other shape."""
    m = _HANDLE_FULL.fullmatch(s.strip())
    if not m or not looks_like_name(m.group("name").strip()) or len(m.group("name").split()) < 2:
        return None
    if not looks_like_handle(m.group("handle")):
        return None
    return m.group("name").strip(), m.group("handle").lstrip("@")


# "Berg, Anna" / "Lundgren-Carlgren, Marie Louise": a surname, a comma, one or two given names.
SURNAME_FIRST = re.compile(r"\s*([^\W\d_][\w'’-]+),[ \t]*([^\W\d_][\w'’-]+(?:[ \t]+[^\W\d_][\w'’-]+)?)\s*\.?\s*")


def surname_first(s: str) -> str | None:
    """"Berg, Anna" -> "Anna Berg" (both parts capitalised), else None."""
    m = SURNAME_FIRST.fullmatch(s)
    if not m or not (m.group(1)[0].isupper() and m.group(2)[0].isupper()):
        return None
    return f"{m.group(2)} {m.group(1)}"
