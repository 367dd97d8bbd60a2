"""Other names of one person within a corpus: a handle ("mnot", "@rvagg"), initials ("MN"), a
first name no other full name in the corpus has ("Anna" for Anna Berg), a name with its title
("Kassör Anna Berg", "Anna Berg, kassör").

Learned from the minutes themselves, once per index generation (bot/prepared.py stores them with
the search arrays, so a question never scans the documents):

- ``handle (Full Name)`` at the start of a line or list item, or after a separator
  ("- mnot (Mark Nottingham)", "Present: ehuss (Eric Huss), …");
- ``Full Name @handle`` ("Rod Vagg @rvagg") and ``Full Name (handle)`` when the handle is made
  of the name ("Eric Huss (ehuss)", "Mark Nottingham (MN)") and the name is one the minutes'
  lists name as a person: "Anna Berg (ordf.)" and "Rod Vagg (TSC)" are a role and a body, and
  "Technical Steering Committee (TSC)" is no person;
- a first name that exactly one full name in the corpus starts with.

The organisation profile's ``[people]`` (index/profile.py) overrides them: an alias it gives
belongs to its person whatever the minutes suggested. The profile is applied when an index is
loaded (it is read again on every load), the learned table is not recomputed for it.

Small API for the rest of the code (question-side name matching in bot/names.py; action owners):
``Aliases.canonical(name)`` (the full name), ``Aliases.aliases_of(name)`` (every other name of
the person), ``learn(texts, names)``, ``Aliases.with_profile(profile)``."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from index.people import looks_like_name
from index.vocab import NAME_PREFIX_WORDS, ROLE_WORDS


@lru_cache(maxsize=65536)  # the same names are folded once per meeting that names them
def fold(s: str) -> str:
    """Case, diacritics and punctuation folded away ("Östlund" ~ "ostlund", "O'Neil" ~ "o neil")."""
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[^\w\s-]", " ", s)


def key(name: str) -> str:
    """How two writings of a name are compared: folded tokens, single-spaced."""
    return " ".join(t for t in re.split(r"[\s-]+", fold(name)) if t)


# "mnot (Mark Nottingham)": a lower-case handle before a full name in brackets, where a list item
# starts (line start, bullet, or after a separator).
_HANDLE_FIRST = re.compile(r"""(?mx)
    (?:^[ \t]*(?:[-*+•][ \t]+)?|[,;:][ \t]*)      # a line or list item starts here
    @?(?P<handle>[a-z][\w.-]{1,30})                # mnot, @rvagg, jan.berg (lower-case first)
    [ \t]*\((?P<name>[^()\n,;]{3,60})\)            # (Mark Nottingham)
    (?=[ \t]*(?:[,;.]|$))                          # and the item ends
""")
# "Rod Vagg @rvagg", "Eric Huss (ehuss)": a handle after a full name; found by the handle, the
# name is read backwards from it (_BEFORE), so the text is scanned once.
_HANDLE_AFTER = re.compile(r"""(?x)
    (?<=[^\W\d_])[ \t]+
    (?:@(?P<at>[\w-]{2,39})                 # @rvagg
      |\(@?(?P<handle>[\w.-]{2,30})\))      # (ehuss), (MN)
""")
_BEFORE = re.compile(r"(?:[^\W\d_][\w'’-]*[ \t]+){1,3}[^\W\d_][\w'’-]*$")


def _made_of(handle: str, name: str) -> bool:
    """Whether ``handle`` is built from ``name``: its initials ("MN"), or three or more letters
    of a name word inside it ("ehuss", "mnottingham", "annab")."""
    words = key(name).split()
    h = fold(handle).replace(".", "").replace("_", "").replace("-", "")
    if h == "".join(w[0] for w in words):
        return len(h) >= 2
    return any(len(w) >= 3 and w[:3] in h for w in words) and h not in {w for w in words}


def _full(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 4 and looks_like_name(name, 4) and not any(w.casefold() in ROLE_WORDS for w in words)


def pairs_in(text: str) -> list[tuple[str, str, bool]]:
    """(handle, full name, sure) triples one text states; not ``sure``: "Name (handle)", which
    holds only when the name is a person's."""
    out = []
    for m in _HANDLE_FIRST.finditer(text):
        name = " ".join(m.group("name").split())
        if _full(name) and m.group("handle").casefold() not in ROLE_WORDS | NAME_PREFIX_WORDS:
            out.append((m.group("handle"), name, True))
    for m in _HANDLE_AFTER.finditer(text):
        before = _BEFORE.search(text, max(0, m.start() - 120), m.start())
        words = before.group(0).split() if before else []
        # the longest run of words before the handle that is a full name ("with Rod Vagg @rvagg")
        name = next((" ".join(words[i:]) for i in range(len(words) - 1) if _full(" ".join(words[i:]))), None)
        if name is None:
            continue
        if m.group("at"):
            out.append((m.group("at"), name, True))
        elif _made_of(m.group("handle"), name):
            out.append((m.group("handle"), name, False))
    return out


def strip_title(name: str) -> str:
    """A name without the title written with it: "Kassör Anna Berg", "Anna Berg, kassör",
    "The chair Alice Smith" -> "Anna Berg", "Alice Smith"."""
    base, sep, after = name.partition(",")
    if sep and after.strip() and all(w.strip(".").casefold() in ROLE_WORDS for w in after.split()):
        name = base
    words = name.split()
    while len(words) > 1 and (words[0].casefold() in ROLE_WORDS or words[0].casefold() in NAME_PREFIX_WORDS):
        words = words[1:]
    return " ".join(words)


class Aliases:
    """Full names and their other names; built by :func:`learn`, overridden by a profile."""

    def __init__(self, groups: dict[str, Iterable[str]] | None = None):
        self.groups: dict[str, tuple[str, ...]] = {}  # full name -> other names, as written
        self._canon: dict[str, str] = {}  # key of any name -> full name
        for full, others in (groups or {}).items():
            self._add(full, others)

    def _add(self, full: str, others: Iterable[str]) -> None:
        have = list(self.groups.get(full, ()))
        for o in others:
            if key(o) and key(o) != key(full) and o not in have:
                have.append(o)
        self.groups[full] = tuple(have)
        self._canon[key(full)] = full
        for o in have:
            self._canon[key(o)] = full

    def canonical(self, name: str) -> str:
        """The full name of the person ``name`` names (itself, without a title, when unknown)."""
        bare = strip_title(name)
        return self._canon.get(key(bare)) or self._canon.get(key(name)) or bare

    def aliases_of(self, name: str) -> tuple[str, ...]:
        """Every other name of the person ``name`` names: the full name and its aliases."""
        full = self._canon.get(key(strip_title(name)))
        if full is None:
            return ()
        return tuple(n for n in (full, *self.groups.get(full, ())) if key(n) != key(name))

    def with_profile(self, profile) -> Aliases:
        """These aliases with the profile's ``[people]`` over them: a name the profile gives a
        person is taken from whoever the minutes gave it to."""
        given = getattr(profile, "people", None) or {}
        if not given:
            return self
        taken = {key(n) for full, others in given.items() for n in (full, *others)}
        out = Aliases()
        for full, others in self.groups.items():
            kept = [o for o in others if key(o) not in taken]
            if key(full) in taken:
                target = next(f for f, os in given.items() if key(full) in {key(f), *map(key, os)})
                out._add(target, kept)
            elif kept:
                out._add(full, kept)
        for full, others in given.items():
            out._add(full, others)
        return out

    def only(self, keep) -> Aliases:
        """The groups with a name ``keep`` accepts (a narrower view's people: nobody outside it is
        named through an alias)."""
        return Aliases({f: os for f, os in self.groups.items() if keep(f) or any(map(keep, os))})

    def rows(self) -> list[list]:
        """JSON-ready rows [full name, [aliases]] (bot/prepared.py stores them)."""
        return [[full, list(others)] for full, others in self.groups.items()]

    @classmethod
    def from_rows(cls, rows: list[list]) -> Aliases:
        return cls({full: others for full, others in rows})


def learn(texts: Iterable[str], names: Iterable[str]) -> Aliases:
    """The aliases the corpus's ``texts`` state and its ``names`` (the people its minutes name)
    imply. A handle stated for two different people is left out: it names neither for sure."""
    return learn_pairs((p for text in texts for p in pairs_in(text)), names)


def learn_pairs(pairs: Iterable[tuple[str, str, bool]], names: Iterable[str]) -> Aliases:
    """As :func:`learn`, from what :func:`pairs_in` found in the texts (index/prepared.py keeps
    them per meeting, so an update reads only the new meetings' texts)."""
    fulls: dict[str, str] = {}  # the full names of the people the lists name
    for name in dict.fromkeys(names):  # each name once (the first of a key wins, as before)
        bare = strip_title(name)
        if _full(bare):
            fulls.setdefault(key(bare), bare)
    claims: dict[str, dict[str, str]] = {}  # handle key -> full-name key -> full name
    handles: dict[str, str] = {}  # handle key -> handle as written
    for handle, full, sure in pairs:
        if sure or key(full) in fulls:
            claims.setdefault(key(handle), {}).setdefault(key(full), full)
            handles.setdefault(key(handle), handle)
    groups: dict[str, list[str]] = {}
    for hk, by in claims.items():
        if len(by) == 1:
            full = fulls.setdefault(*next(iter(by.items())))
            groups.setdefault(full, []).append(handles[hk])
    # a first name that exactly one full name starts with
    firsts: dict[str, list[str]] = {}
    for k, full in fulls.items():
        firsts.setdefault(k.split()[0], []).append(full)
    for first, owners in firsts.items():
        if len(owners) == 1 and len(first) >= 2 and first not in claims:
            groups.setdefault(owners[0], []).append(owners[0].split()[0])
    return Aliases(groups)
