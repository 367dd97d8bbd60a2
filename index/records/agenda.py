"""Agenda items: the headings a meeting is divided into ("§ 41 Budget", "3.2 Ekonomi",
LaTeX \\section{...}, "## Nolle-P"), each with its number, heading and the span it covers.

Headings that structure an item without being one ("Beslut", "Förslag till beslut",
"Utjustering") are skipped: what they hold belongs to the item above them."""
from __future__ import annotations

import bisect
import re

from index.dates import find_dates
from index.models import AgendaItem, Meeting
from index.vocab import BLOCK_HEADINGS
from index.records.roles import role_of
from index.sections import Heading, norm_heading, strip_span

# (Used with .match(text, pos): "^" would not match at pos.)
# The number written in front of a heading: "§ 41", "§41a", "3", "3.2", "3.2.1", "12)".
_NUMBER = re.compile(r"(§\s*\d+[a-z]?|\d{1,2}(?:\.\d{1,2}){0,3})[.):]?\s+(?=\S)")
_BLOCK = {b.rstrip(":") for b in BLOCK_HEADINGS}
_LATEX_CMD = re.compile(r"\\((?:sub){0,2})section(\*?)")


def is_block_heading(title: str) -> bool:
    t = norm_heading(title).rstrip(":").strip()
    return t in _BLOCK


def _date_only(title: str) -> bool:
    t = title.strip(" #*_")
    hits = find_dates(t, base=None)
    if hits and hits[0][1][1] - hits[0][1][0] >= len(t) - 3:
        return True
    return bool(re.fullmatch(r"\d{1,2}(?::[ae])?\s+\w+\s+\d{4}", t))


_FIELD_LABELS = {"utses att justera", "att justera", "datum", "date", "plats", "place", "tid", "time", "närvarande",
                 "frånvarande", "present", "absent", "regrets", "kallade", "deltagare"}


def _field(title: str) -> bool:
    """"Utses att justera: Erik Ek", "Justerare: Anna Berg": a header field standing alone, no item."""
    m = re.match(r"([^:]{2,40}):\s+\S", title)
    if not m:
        return False
    label = m.group(1).strip(" *_").casefold()
    return label in _FIELD_LABELS or role_of(label) is not None


def agenda_items(text: str, meeting: Meeting, hs: list[Heading]) -> list[AgendaItem]:
    counters = [0, 0, 0]
    raw: list[tuple[Heading, str | None, tuple[int, int]]] = []
    for h in hs:
        number = None
        ts, te = h.title_span
        cmd = _LATEX_CMD.match(text, h.start)
        if cmd:  # \section / \subsection numbering as LaTeX would print it (unstarred only)
            depth = len(cmd.group(1)) // 3
            if not cmd.group(2):
                counters[depth] += 1
                for d in range(depth + 1, 3):
                    counters[d] = 0
                number = ".".join(str(c) for c in counters[: depth + 1])
        m = _NUMBER.match(text, ts, te)
        if m:
            number = re.sub(r"§\s*", "§ ", m.group(1))
            ts, te = strip_span(text, m.end(), te)
        while te > ts and text[te - 1] in ":.":  # "Beslutsbarhet:" names the item "Beslutsbarhet"
            te -= 1
        if te <= ts:
            continue
        title = text[ts:te]
        if is_block_heading(title) and not m:
            continue
        if meeting.title_span and h.title_span == tuple(meeting.title_span):
            continue
        if _date_only(title) or _field(title):
            continue
        raw.append((h, number, (ts, te)))
    end_of_body = text.rfind("\\end{document}")
    end_of_body = end_of_body if end_of_body > 0 else len(text)
    items: list[AgendaItem] = []
    for i, (h, number, (ts, te)) in enumerate(raw):
        stop = end_of_body
        for h2, _, _ in raw[i + 1:]:
            if h2.level <= h.level:
                stop = h2.start
                break
        s, e = strip_span(text, h.start, max(h.end, min(stop, end_of_body)))
        items.append(AgendaItem(number=number, heading=text[ts:te], heading_span=(ts, te),
                                span=(s, e), level=h.level))
    return items


class ItemIndex:
    """Which agenda item a position belongs to: the innermost item whose span holds it."""

    def __init__(self, items: list[AgendaItem]):
        self.items = items
        self.starts = [it.span[0] for it in items]

    def at(self, pos: int) -> AgendaItem | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0:
            it = self.items[i]
            if it.span[0] <= pos < it.span[1]:
                return it
            i -= 1
        return None

    def heading_at(self, pos: int) -> str | None:
        it = self.at(pos)
        return it.heading if it else None
