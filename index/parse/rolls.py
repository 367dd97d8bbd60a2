"""Rolls split into groups: "Council: Carol, Mark … Observers: TC, Santiago", "Attendance:
Council: … Unavailable: …", "Bolagsverket: Erik Mossing, Digg: Ulrika Berg, Matthias Palmér"
(a PDF's roll by organisation, wrapped over lines).

Each group's label says what its people are: a list label ("Observers", "Unavailable",
"Regrets") gives their kind (present, absent, invited); any other label (a body, an
organisation) is their detail and they have the kind of the roll the group stands in."""
from __future__ import annotations

import re

from index.models import Person
from index.people import parse_entry, parse_name_list, top_level_parts
from index.sections import Line, strip_span

from .labels import field_line, first_line, list_kind

# A group's label: up to four words, the first starting with a letter, a colon and a space
# after it. At the start of the roll, after a separator or at a line start.
_GROUP = re.compile(r"""(?x)
    (?:^|(?<=[,;\n])|(?<=[,;][ \t])|(?<=[.][ \t]))[ \t]*  # where a group may start
    (?P<label>[^\W\d_][\w&.]*(?:-\n?[\w&.]+)*               # a word, hyphen-wrapped in a PDF ("E-\nhälsomyndigheten")
      (?:[ \t]+[\w&.-]+){0,3}?)                             # up to three more ("Kungliga biblioteket")
    [ \t]*:(?=\s)                                           # the colon, then a space (no URL, no time)
""")


def starts_group(t: str) -> bool:
    """Whether a stripped line opens with a group label that is no header or list field
    ("Council: ..." or "Bolagsverket: ...", not "Chair: ..." nor "Regrets: ...")."""
    return bool(_GROUP.match(t)) and not field_line(t)


def _label(raw: str) -> str:
    return " ".join(re.sub(r"-[ \t]*\n[ \t]*", "-", raw).split())


def grouped_roll(text: str, s: int, e: int, kind: str) -> list[tuple[str, list[Person]]] | None:
    """[(kind, people)] of the groups in text[s:e] when it starts with a group label; None when
    it does not. ``kind`` is the roll's own ("present" under "Attendance:")."""
    s, e = strip_span(text, s, e)
    groups = list(_GROUP.finditer(text[s:e]))  # on the slice: "^" is the roll's start
    if not groups or groups[0].start("label") != 0:
        return None
    out: list[tuple[str, list[Person]]] = []
    for i, g in enumerate(groups):
        a, b = strip_span(text, s + g.end(), s + groups[i + 1].start("label") if i + 1 < len(groups) else e)
        while b > a and text[b - 1] in ",;.":
            b -= 1
        a, b = strip_span(text, a, b)
        if b <= a:
            continue
        raw = g.group("label")
        group_kind = list_kind(_label(raw))
        people = parse_name_list(text, a, b, roll=True)
        if people is None:  # one name, or "Name, Name" read as a name and an organisation
            people = [p for ps, pe in top_level_parts(text, a, b)[0] if (p := parse_entry(text, ps, pe, roll=True))]
        if not group_kind and "\n" not in raw:
            # the group (an organisation, a body) is the detail, and each entry quotes it:
            # "Bolagsverket: Erik Mossing", "Digg: Ulrika Berg, Mats Palm"
            people = [p.model_copy(update={"detail": p.detail or raw, "span": (s + g.start("label"), p.span[1])})
                      for p in people]
        if not people:
            return None  # "Mara: brief discussion ...": a speaker, not a group of people
        out.append((group_kind or kind, people))
    return out or None


def roll_end(text: str, ls: list[Line], k: int, stop: int) -> int:
    """Index of the last line of a grouped roll that starts on line ``k``: a roll wrapped over
    lines continues while a line ends with a separator or the next one holds a group label, up
    to a blank line, a list item, a field label or ``stop``."""
    while k + 1 < len(ls):
        nxt = ls[k + 1]
        if nxt.blank or nxt.start >= stop or re.match(r"(?:[-*+•]|\d{1,3}[.)])\s", nxt.text) or field_line(nxt.text):
            break
        if not (re.search(r"[,:;]$|-$", ls[k].text) or _GROUP.search(nxt.text)):
            break
        k += 1
    return k


def opening_roll(text: str, ls: list[Line], after: int, headings_at: set[int]) -> list[Person]:
    """A block of person names right after the opening, with no label: a roll. ``after`` is where
    the opening (title, date) ends. Read from the first lines before any section heading: one line
    naming three or more people, or two with full names ("Anna Berg, Erik Ek och Lisa Holm"), or a
    bulleted block of two or more full names. Header fields and the date line are skipped."""
    k = first_line(ls, after)
    seen = 0
    while k < len(ls) and seen < 4:
        ln = ls[k]
        k += 1
        if ln.blank:
            continue
        if ln.start in headings_at:
            break
        seen += 1
        if field_line(ln.text) or re.search(r"\d", ln.text):
            continue  # "Datum: …", "Digitalt möte 6 november 2023"
        if re.match(r"[-*+•]\s", ln.text):
            block = []
            j = k - 1
            while j < len(ls) and not ls[j].blank and re.match(r"[-*+•]\s", ls[j].text):
                p = parse_entry(text, ls[j].start, ls[j].end)
                if p is None or p.detail or len(p.name.split()) < 2:
                    return []
                block.append(p)
                j += 1
            return block if len(block) >= 2 else []
        people = parse_name_list(text, ln.start, ln.end)
        if people and not any(p.detail for p in people) and (
                len(people) >= 3 or all(len(p.name.split()) >= 2 for p in people)):
            return people
        return []
    return []
