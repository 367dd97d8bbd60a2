"""Who was there: the lists of people present, absent and invited.

Lists come as headings with a block under them ("Närvarande" over a numbered list), as labels
with the names inline ("Present: A, B and C") or on the lines below, as Word tables
("Name, Organisation" rows) and as rows of a LaTeX macro (``\\rad{Kassör}{Namn}{Ja}``: index/latex.py).
"Kallade" (invited) people are not attendees; a list that names only a group ("Närvarande:
Styrelsen") names nobody but keeps its span, so an answer can still quote it."""
from __future__ import annotations

import bisect
import re

from index.latex import latex_people
from index.models import Meeting, Person
from index.people import (is_bullet, is_collective, is_table_furniture, parse_entry, parse_name_list,
                          top_level_parts)
from index.sections import Heading, Line, strip_span

from .labels import LABEL, bullet_len, field_line, first_line, list_kind
from .rolls import grouped_roll, opening_roll, roll_end, starts_group


def _block_entries(text: str, ls: list[Line], start: int, stop: int, *, until_blank: bool = False,
                   others: dict[str, list[Person]] | None = None) -> list[Person]:
    """People listed between ``start`` (end of the heading/label) and ``stop`` (next heading).
    The list may be split by blank lines (unless ``until_blank``: a list under a bare
    "Närvarande:" label, with no heading to end it); it ends at the first line that is not a
    person entry, or at another field label. A roll split into groups ("Council: A, B",
    "Observers: C") is read group by group; people of another kind ("Unavailable: D") go to
    ``others`` by kind."""
    first = first_line(ls, start)
    block: list[Line] = []
    for ln in ls[first:]:
        if ln.start >= stop:
            break
        if ln.blank:
            if until_blank and block:
                break
            continue
        if field_line(ln.text) or (not is_bullet(ln.text) and list_kind(ln.text.rstrip(":")) and len(ln.text) < 40):
            break
        block.append(ln)
        if len(block) > 2000:  # no real attendee list is longer; bounds the work on odd input
            break
    # A block of "Name, Organisation" lines (a Word table) is a table even when a line's
    # organisation happens to look like a name ("Anna Berg, Region Skåne").
    pairs = sum(1 for ln in block[:50] if _comma_pair(text, ln))
    tabular = pairs >= 2
    out: list[Person] = []
    style = None
    prev_end = None
    indent = None  # of the list's first line: a list nested under "* **Present:**" is indented as a whole
    read_to = -1  # end of the grouped roll already read
    for ln in block:
        if ln.start < read_to:
            continue
        if starts_group(ln.text):  # "Council: Carol, Mark", "Bolagsverket: Erik Mossing, Digg: ..."
            k = roll_end(text, ls, first_line(ls, ln.start), stop)
            groups = grouped_roll(text, ln.start, ls[k].end, "present")
            if groups:
                for kind, ps in groups:
                    (out if kind == "present" or others is None else others.setdefault(kind, [])).extend(ps)
                read_to, style, prev_end = ls[k].end, "plain", ls[k].end
                continue
        if indent is None:
            indent = ln.start - ln.raw_start
        elif ln.start - ln.raw_start >= indent + 2 and re.match(r"[-*+•]\s", ln.text):
            continue  # indented sub-bullet under a person ("  * Working on: ...")
        if is_table_furniture(ln.text) or re.fullmatch(r"(?:```|~~~)[\w+-]*", ln.text):
            continue  # "|---|---|", "Namn | Roll", "Namn, Organisation"; a code fence around the names
        new_style = ("bullet" if is_bullet(ln.text) else "number" if re.match(r"\d{1,3}[.)]\s", ln.text)
                     else "table" if ln.text.startswith("|") else "plain")
        if style and new_style != style and prev_end is not None and re.search(r"\n[ \t\r\u00a0]*\n", text[prev_end:ln.start]):
            break  # "– Olle Lind" then, after a blank line, "1. Inledning": a new list, not people
        style, prev_end = new_style, ln.end
        if new_style != "plain":
            p = parse_entry(text, ln.start, ln.end, roll=True)
            if p is None:
                break
            out.append(p)
            continue
        names = parse_name_list(text, ln.start, ln.end, pairs_are_entries=tabular, roll=True)
        if names:
            out.extend(names)
            continue
        p = parse_entry(text, ln.start, ln.end, roll=True)
        if p is None or (len(p.name.split()) < 2 and not p.detail):
            break  # prose after the list
        out.append(p)
    return out


def _comma_pair(text: str, ln: Line) -> bool:
    """"Anna Berg, Region Skåne": exactly two comma-separated parts, no "och"/"and"."""
    if "," not in ln.text or is_bullet(ln.text):
        return False
    parts, conj, semi = top_level_parts(text, ln.start, ln.end)
    return len(parts) == 2 and not conj and not semi


def _inline_entries(text: str, ls: list[Line], idx: int, s: int) -> tuple[list[Person], int]:
    """People after "Närvarande:" on line ``idx``, from ``s``. A list wrapped onto the next
    lines (the line ends with "," or "och") continues there. Returns (people, end offset)."""
    e = ls[idx].end
    k = idx
    while (re.search(r"(,|\boch|\band|&)$", text[s:e]) and k + 1 < len(ls) and not ls[k + 1].blank
           and not field_line(ls[k + 1].text)):
        k += 1
        e = ls[k].end
    s, e = strip_span(text, s, e)
    if e <= s:
        return [], e
    ps = parse_name_list(text, s, e, roll=True)
    if ps:
        return ps, e
    if k == idx:
        p = parse_entry(text, s, e, roll=True)
        if p:
            return [p], e
    return [], e


def _dedupe(ps: list[Person]) -> list[Person]:
    """Each person once per list (a name copied twice into the list, a table repeated)."""
    seen: set[str] = set()
    out = []
    for p in ps:
        key = p.name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def read_attendees(m: Meeting, text: str, ls: list[Line], hs: list[Heading], *,
                   macros: dict[str, dict[str, int]] | None = None) -> None:
    present_blocks: list[tuple[int, list[Person]]] = []
    lists = {"absent": m.absent, "invited": m.invited}
    # "Närvarande: Styrelsen": a group, no person; its span still lets an answer quote it.
    groups: list[tuple[int, int]] = []

    def group_at(label_start: int, s: int, e: int) -> None:
        s, e = strip_span(text, s, e)
        if e > s and is_collective(text[s:e]):
            groups.append((label_start, e))

    def add(kind: str, at: int, ps: list[Person]) -> None:
        if kind == "present":
            if ps:
                present_blocks.append((at, ps))
        else:
            lists[kind].extend(ps)

    # A stand-alone "Närvarande: Anna Berg" line may pass for a heading; it is a label with
    # its value, handled with the labels below.
    valued = {h.start for h in hs if (lab := LABEL.match(h.title)) and lab.end() < len(h.title)}
    heading_lines = {h.start for h in hs} - valued
    for i, h in enumerate(hs):
        if h.start in valued:
            continue
        kind = list_kind(h.title)
        if kind:
            stop = hs[i + 1].start if i + 1 < len(hs) else len(text)
            others: dict[str, list[Person]] = {}
            ps = _block_entries(text, ls, h.end, stop, others=others)
            add(kind, h.start, ps)
            for other, ops in others.items():
                add(other, h.start, ops)
            k = first_line(ls, h.end)
            while k < len(ls) and ls[k].blank:
                k += 1
            if kind == "present" and not ps and k < len(ls) and ls[k].start < stop:
                group_at(h.start, ls[k].start, ls[k].end)
    # Labels that are not headings: "Närvarande: A, B och C", or "Närvarande:" over a list
    # that follows without a blank line (so the section detector did not see a heading).
    starts = [h.start for h in hs]
    for idx, ln in enumerate(ls):
        if ln.blank or ln.start in heading_lines or len(ln.text) > 100_000:
            continue
        lab = LABEL.match(ln.text)
        if lab:
            kind = list_kind(lab.group(1))
            rest = ln.start + lab.end()
        elif len(ln.text) <= 40 and not is_bullet(ln.text):
            kind = list_kind(ln.text) if len(ln.text.split()) <= 4 else None  # bare "Närvarande"
            rest = ln.end
        else:
            kind = None
        if not kind:
            continue
        others = {}
        k = bisect.bisect_right(starts, ln.start)
        stop = starts[k] if k < len(starts) else len(text)
        grouped = None
        if rest < ln.end and starts_group(text[rest:ln.end]):  # "Attendance: Council: A, B; Observers: C"
            grouped = grouped_roll(text, rest, ls[roll_end(text, ls, idx, stop)].end, kind)
        if grouped:
            ps = []
            for gkind, gps in grouped:
                (ps if gkind == kind else others.setdefault(gkind, [])).extend(gps)
        else:
            ps, _ = _inline_entries(text, ls, idx, rest) if rest < ln.end else ([], ln.end)
        everyone = rest < ln.end and is_collective(text[rest:ln.end])  # "Attendance: all": no list below
        # "Frånvarande: Olle Lind" then a blank line: the label's one entry, no list below it
        alone = len(ps) == 1 and (idx + 1 >= len(ls) or ls[idx + 1].blank)
        if len(ps) <= 1 and not grouped and not everyone and not alone:  # nothing inline, or one "Name, role" entry a list may follow
            ps = ps + _block_entries(text, ls, ln.end, stop, until_blank=True, others=others)
        # the list's span starts at the label, after a bullet ("* **Present:** ..." -> "**Present:** ...")
        at = ln.start + bullet_len(ln.text)
        add(kind, at, ps)
        for other, ops in others.items():
            add(other, at, ops)
        if kind == "present" and not ps:
            if rest < ln.end:
                group_at(at, rest, ln.end)
            elif idx + 1 < len(ls) and not ls[idx + 1].blank:
                group_at(at, ls[idx + 1].start, ls[idx + 1].end)
    if "\\" in text and "{" in text:  # LaTeX rolls: rows of a macro (index/latex.py)
        pres, absn = latex_people(text, macros)
        m.absent.extend(absn)
        if pres:
            start = min(p.span[0] for p in pres + absn)
            env = text.rfind("\\begin{", 0, start)
            if env != -1 and start - env < 200:
                start = env
                lab = text.rfind("\\textbf{", 0, start)
                if lab != -1 and "\n" not in text[lab:start].strip():
                    start = lab
            present_blocks.append((start, pres))
    m.absent[:] = _dedupe(m.absent)
    m.invited[:] = _dedupe(m.invited)
    if not present_blocks and not groups:  # no roll under any label: names right after the opening
        title_end = m.title_span[1] if m.title_span else 0
        date_end = m.date_span[1] if m.date_span and m.date_span[0] < title_end + 200 else 0
        ps = opening_roll(text, ls, max(title_end, date_end), {h.start for h in hs})
        if ps:
            present_blocks.append((ps[0].span[0], ps))
    if not present_blocks:
        if groups:
            m.attendees_span = min(groups)
        return
    present_blocks.sort(key=lambda b: b[0])
    seen: set[tuple[int, int]] = set()
    for _, ps in present_blocks:
        for p in ps:
            if p.span not in seen:
                seen.add(p.span)
                m.attendees.append(p)
    m.attendees[:] = _dedupe(m.attendees)
    end = max(p.span[1] for p in m.attendees)
    end_env = re.match(r"\s*\\end\{[^}]*\}", text[end:end + 400])
    if end_env:
        end += end_env.end()
    m.attendees_span = (present_blocks[0][0], end)
