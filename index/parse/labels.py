"""Reading "Label: value" lines and list labels: which kind of list or header field a label is.

Shared by the header (a field line is no title), the attendee lists (a field label ends a list)
and the roles (a chair's label)."""
from __future__ import annotations

import re

from index.sections import Line, norm_heading
from index.vocab import (ABSENT_LABELS, HEADER_FIELDS, INVITED_LABELS, NOT_THERE_QUALIFIERS, PRESENT_LABELS,
                         ROLE_FIELDS, alternation)

# Matched against the normalised heading text (lower case, no markup, no numbering).
_ABSENT_H = re.compile(rf"^{alternation(ABSENT_LABELS)}\b")
_INVITED_H = re.compile(rf"^{alternation(INVITED_LABELS)}\b")
# A qualifier after "Kallade"/"Invited" saying they did not come.
_NOT_THERE = re.compile(rf"\b{alternation(NOT_THERE_QUALIFIERS)}\b")
# "Närvarande", "Närvarande ledamöter", "Deltagare vid mötet": the label and up to two words.
_PRESENT_H = re.compile(rf"^{alternation(PRESENT_LABELS)}(\s+[\w-]+){{0,2}}$")
# Header fields that end an attendee list written without blank lines ("Ordförande: ...").
_FIELD = re.compile(rf"^{alternation(HEADER_FIELDS + ROLE_FIELDS)}\b")
# "Label: rest" at the start of a stripped line.
LABEL = re.compile(r"""
    ^[>*_+•–—\- \t]*            # bullets, quote marks, Markdown emphasis before it ("* **Present:**")
    ([^\W\d_][^:\n]{0,40}?)     # the label: short, starting with a letter
    [ \t*_]*:[*_]*[ \t]*        # the colon, with emphasis on either side ("**Chair:**", "__Chair__:")
""", re.VERBOSE)


def list_kind(label: str) -> str | None:
    """"present" / "absent" / "invited" for a list label or heading ("Närvarande (5)",
    "**Regrets**", "§ 2 Närvarande ledamöter"), else None."""
    key = norm_heading(re.sub(r"\([^()]*\)", " ", label))
    key = re.sub(r"[\d.]+", " ", key).strip()
    if _ABSENT_H.match(key):
        return "absent"
    if _INVITED_H.match(key):
        # "Kallade men ej närvarande", "Kallade, ej närvarande", "Invited but absent": invited
        # people who did not come are absent.
        return "absent" if _NOT_THERE.search(key) else "invited"
    if _PRESENT_H.match(key):
        return "present"
    return None


def field_line(t: str) -> bool:
    """A "Label: value" line whose label is a list or header field ("Plats: ...", "Chair: X")."""
    lab = LABEL.match(t)
    if not lab:
        return False
    return bool(list_kind(lab.group(1)) or _FIELD.match(norm_heading(lab.group(1))))


def bullet_len(t: str) -> int:
    """Length of the list bullet opening the stripped line ``t`` ("* ", "- "), 0 when none."""
    b = re.match(r"[-*+•●▪◦–—·][ \t]+", t)
    return b.end() if b else 0


def first_line(ls: list[Line], pos: int) -> int:
    """Index of the first line starting at or after ``pos``."""
    lo, hi = 0, len(ls)
    while lo < hi:
        mid = (lo + hi) // 2
        if ls[mid].start < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo
