"""Reading people out of attendee lists: "1. Anders Blanck, ledamot", "Anna Nilsson- Ledarna",
"* Rod Vagg @rvagg (TSC)", "Erik Mattfolk, Annie Wång, ...", LaTeX \\förtroendevald{...}.

Names are never looked up in a list of known people; only the shape of the entry is used.
"""
from __future__ import annotations

import re

from index.models import Person
from index.sections import _commented, strip_span

# Lower-case particles allowed inside names ("Antoine du Hamel", "Ludwig van Beethoven").
_PARTICLES = {"af", "av", "von", "van", "der", "den", "de", "du", "da", "di", "la", "le", "del", "bin", "al"}
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")


def looks_like_name(s: str, max_words: int = 5) -> bool:
    words = s.split()
    if not 1 <= len(words) <= max_words:
        return False
    caps = 0
    for w in words:
        if w.lower() in _PARTICLES and caps:
            continue
        if not _NAME_WORD.match(w) or not w[0].isupper():
            return False
        caps += 1
    return caps >= 1


def _cap_word(s: str) -> bool:
    s = s.strip()
    return len(s.split()) == 1 and looks_like_name(s, 1)


_LIST_MARK = re.compile(r"^(?:[-*+•●▪◦]\s+)")
_NUM_MARK = re.compile(r"^\d{1,3}[.)]\s+")
_HANDLE = re.compile(r"\s*@[\w-]+")
_PARENS = re.compile(r"\s*\(([^()]*)\)\s*$")
_DASH = re.compile(r"\s*[-–—]\s+|\s+[-–—]\s*")


def parse_entry(text: str, s: int, e: int) -> Person | None:
    """One person from the entry text[s:e] (a list line). The span keeps the numbering
    ("11. Helena, Strigård, ledamot") but not a bullet character."""
    s, e = strip_span(text, s, e)
    m = _LIST_MARK.match(text[s:e])
    if m:
        s += m.end()
    body_off = s
    m = _NUM_MARK.match(text[s:e])
    if m:
        body_off = s + m.end()
    body = text[body_off:e].strip(" \t\u00a0")
    body = body.replace("**", "")
    if not body:
        return None
    name, detail = body, None
    pm = _PARENS.search(body)
    if pm:  # "Rod Vagg @rvagg (TSC)" / "Jenni Nordborg (samordnare)"
        detail = pm.group(1).strip() or None
        name = body[: pm.start()]
    elif "," in body:
        parts = [p.strip() for p in body.split(",")]
        # "Helena, Strigård, ledamot": a stray comma inside a name
        if len(parts) >= 3 and _cap_word(parts[0]) and _cap_word(parts[1]):
            name, rest = f"{parts[0]} {parts[1]}", parts[2:]
        else:
            name, rest = parts[0], parts[1:]
        detail = ", ".join(p for p in rest if p) or None
    else:
        dm = _DASH.search(body)
        if dm:  # "Anna Nilsson- Ledarna", "Name – Org"
            name, detail = body[: dm.start()], body[dm.end():].strip() or None
    name = _HANDLE.sub("", name).strip(" \t\u00a0:")
    name = re.sub(r"\s+", " ", name)
    if not looks_like_name(name):
        return None
    return Person(name=name, detail=detail, span=(s, e))


def split_two_names(text: str, s: int, e: int) -> list[Person]:
    """A comma-separated list item of exactly four capitalised words with no role is most likely
    two people with a missing comma ("Dennis Lundberg Amanda Brodell"): split 2+2. Three words
    stay one person ("Anna Nilsson Vindefjärd" is a real name)."""
    words = list(re.finditer(r"\S+", text[s:e]))
    if len(words) == 4 and all(w.group()[0].isupper() for w in words):
        a = (s + words[0].start(), s + words[1].end())
        b = (s + words[2].start(), s + words[3].end())
        return [Person(name=text[a[0]:a[1]], span=a), Person(name=text[b[0]:b[1]], span=b)]
    p = parse_entry(text, s, e)
    return [p] if p else []


def parse_name_list(text: str, s: int, e: int) -> list[Person] | None:
    """"Erik Mattfolk, Annie Wång, Gabriel Tofvesson" -> three people, each span its own name.
    Returns None when the parts are not all names (then it is "Name, role")."""
    seg = text[s:e]
    parts = []
    pos = 0
    for piece in re.split(r"(,|\boch\b|\band\b|;)", seg):
        if piece in (",", "och", "and", ";"):
            pos += len(piece)
            continue
        ps, pe = strip_span(text, s + pos, s + pos + len(piece))
        pos += len(piece)
        if pe > ps:
            parts.append((ps, pe))
    if len(parts) < 2:
        return None
    if not all(looks_like_name(text[a:b].rstrip("."), 4) for a, b in parts):
        return None
    people: list[Person] = []
    for a, b in parts:
        if text[b - 1] == ".":
            b -= 1
        people.extend(split_two_names(text, a, b))
    return people


# ---- LaTeX (dvd-goteborg class): \förtroendevald{Roll}{Namn}{Närvaro}, \medlem{Namn} ----
_ARG = r"\{((?:[^{}]|\{[^{}]*\})*)\}"
_FV = re.compile(r"\\förtroendevald\s*" + _ARG + r"\s*" + _ARG + r"\s*" + _ARG)
_MEDLEM = re.compile(r"\\medlem\s*" + _ARG)
_VACANT = {"vakant", "vacant", "", "-", "ingen", "none"}


def _untex(s: str) -> str:
    s = re.sub(r"\\[a-zA-Z]+\{((?:[^{}])*)\}", r"\1", s)
    return re.sub(r"\s+", " ", s).strip()


def latex_people(text: str) -> tuple[list[Person], list[Person]]:
    """(present, absent) from \\förtroendevald / \\medlem macros, skipping commented-out lines.
    The third argument of \\förtroendevald says whether they came: "Ja", "Ja på länk",
    "Lämnade innan ..." mean present; "Nej"/"frånvarande" absent; empty means unknown (skipped)."""
    present: list[Person] = []
    absent: list[Person] = []
    for m in _FV.finditer(text):
        if _commented(text, m.start()):
            continue
        role, name, status = _untex(m.group(1)), _untex(m.group(2)), _untex(m.group(3)).lower()
        if name.lower() in _VACANT or not looks_like_name(name):
            continue
        p = Person(name=name, detail=role or None, span=m.span())
        if re.match(r"(nej|no\b|frånvarande|ej närvarande|absent)", status):
            absent.append(p)
        elif status:
            present.append(p)
    for m in _MEDLEM.finditer(text):
        if _commented(text, m.start()):
            continue
        raw = _untex(m.group(1))
        name = raw.split(",")[0].strip()  # "Alva Johansson, lämnade vid punkt 4.4"
        if name.lower() in _VACANT or not looks_like_name(name):
            continue
        present.append(Person(name=name, detail=None, span=m.span()))
    return present, absent
