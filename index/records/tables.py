"""Action tables: a header row with an owner and a task column ("| Åtgärd | Ansvarig | Klart
senast | Status |", tab- or comma-separated as DOCX text comes out), one action per row; a
Status column reports on the task (a review table), a due column gives its date."""
from __future__ import annotations

import re

from index.records.text import norm
from index.sections import Line, strip_span
from index.vocab import DUE_COLUMNS, OWNER_COLUMNS, STATUS_COLUMNS, TASK_COLUMNS


def _cells(text: str, ln: Line, sep: str) -> list[tuple[int, int]]:
    s, e = ln.start, ln.end
    seg = text[s:e]
    if sep == "|":
        seg_s = s + (1 if seg.startswith("|") else 0)
        seg_e = e - (1 if seg.endswith("|") and e - 1 > seg_s else 0)
        bounds = [m.start() for m in re.finditer(r"\|", text[seg_s:seg_e])]
    elif sep == "\t":
        seg_s, seg_e = s, e
        bounds = [m.start() for m in re.finditer(r"\t", text[seg_s:seg_e])]
    else:
        seg_s, seg_e = s, e
        bounds = [m.start() for m in re.finditer(r", ", text[seg_s:seg_e])]
    out = []
    pos = 0
    for b in bounds + [seg_e - seg_s]:
        a, z = strip_span(text, seg_s + pos, seg_s + b)
        out.append((a, z))
        pos = b + 1
    return out


def _column(name: str) -> str | None:
    n = norm(name).strip("*_ ")
    if n in OWNER_COLUMNS:
        return "owner"
    if n in TASK_COLUMNS:
        return "task"
    if n in DUE_COLUMNS:
        return "due"
    if n in STATUS_COLUMNS:
        return "status"
    return None


def read_tables(r, ls: list[Line]) -> set[int]:
    """Action tables: a header row with an owner and a task column ("| Åtgärd | Ansvarig |
    Klart senast | Status |", tab- or comma-separated in DOCX text). Returns the lines used."""
    text = r.text
    used: set[int] = set()
    i = 0
    while i < len(ls):
        ln = ls[i]
        t = ln.text
        sep = "|" if t.count("|") >= 2 else "\t" if "\t" in t else ", " if ", " in t else None
        if sep is None:
            i += 1
            continue
        cols = [_column(text[a:b]) for a, b in _cells(text, ln, sep)]
        if "owner" not in cols or "task" not in cols:
            i += 1
            continue
        used.add(i)
        j = i + 1
        while j < len(ls) and not ls[j].blank and (sep != "|" or "|" in ls[j].text):
            row = ls[j]
            used.add(j)
            j += 1
            if re.fullmatch(r"[\s|:\-]+", row.text):
                continue  # |---|---|
            cells = _cells(text, row, sep)
            if len(cells) != len(cols):
                continue
            cell = dict(zip(cols, cells, strict=True))
            ts, te = cell["task"]
            if te <= ts:
                continue
            owners = r.owners(*cell["owner"], strong=True) or []
            status = ("open", None, te)
            if "status" in cell and cell["status"][1] > cell["status"][0]:
                st, sp, _ = r.status(*cell["status"], anywhere=True)
                status = (st, sp, te)
            due, due_span = (None, None)
            if "due" in cell and cell["due"][1] > cell["due"][0]:
                due, due_span = r.due(*cell["due"], anywhere=True)
            n = len(r.out)
            r.add(owners, ts, te, row.start, row.end, status=status)
            if len(r.out) > n and due:
                r.out[-1].due, r.out[-1].due_span = due, due_span
        i = j
    return used
