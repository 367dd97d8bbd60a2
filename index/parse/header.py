"""The header of minutes: the title, the meeting's date and the language they are written in."""
from __future__ import annotations

import re

from index.dates import date_from_filename, find_dates, has_explicit_year, slash_month_first
from index.language import detect_language
from index.models import Meeting
from index.sections import Heading, Line, latex_body_start, strip_span
from index.vocab import GENERIC_TITLES, MEETING_WORDS, WEEKDAYS, alternation

from .labels import field_line

MEETING_WORD = re.compile(alternation(MEETING_WORDS), re.I)


def read_title(m: Meeting, text: str, ls: list[Line], hs: list[Heading]) -> None:
    t = re.search(r"\\title\{((?:[^{}]|\{[^{}]*\})*)\}", text)
    if t:
        s, e = strip_span(text, *t.span(1))
        m.title, m.title_span = text[s:e], (s, e)
        return
    body = latex_body_start(text)
    if body:  # LaTeX without \title: first big line, e.g. "{\huge LiTHe kod höstmöte 2020}"
        big = re.search(r"\{\\(?:huge|Huge|LARGE|Large|large)\s+([^{}\n]+)\}", text[body:])
        if big:
            s, e = strip_span(text, body + big.start(1), body + big.end(1))
            m.title, m.title_span = text[s:e], (s, e)
        return
    md = [h for h in hs if h.level == 1 and text[h.start] == "#"]
    if md:  # Markdown: the first top-level heading
        h = md[0]
        m.title, m.title_span = h.title, h.title_span
        return
    # Plain text: among the first lines, prefer one that names the meeting over a letterhead.
    first = [ln for ln in ls if not ln.blank][:6]
    # "Mötesordförande: Anna Berg" or "§ 1 Mötets öppnande" contain a meeting word but are not
    # the title.
    cands = [ln for ln in first if len(ln.text) <= 200 and not ln.text.startswith("§") and not field_line(ln.text)]
    pick = next((ln for ln in cands if MEETING_WORD.search(ln.text)), cands[0] if cands else None)
    if pick:
        before = _line_before(ls, pick)
        if before is not None and before in cands and _GENERIC_TITLE.match(before.text):
            pick = before  # "Agenda" above "Styrelsemöte 12 mars": the title is both
        s, e = pick.start, pick.end
        if _GENERIC_TITLE.match(pick.text):
            s, e = _specific_title(text, ls, pick, cands)
        # a leading markdown/numbering mark is not part of the title
        s += len(re.match(r"^[#*\s]*", text[s:e]).group())
        m.title, m.title_span = joined_title(text[s:e]), (s, e)


# A title that says only what kind of document this is: "PROTOKOLL", "Minnesanteckningar",
# "Mötesprotokoll nr 4", "Meeting minutes", "Agenda" (the words: index/vocab GENERIC_TITLES).
_GENERIC_TITLE = re.compile(rf"""(?ix)
    ^[#*_\s]*
    {alternation(GENERIC_TITLES)}
    (?:\s+(?:nr\.?|no\.?|\#)?\s*[\d/.-]+)?       # "nr 4", "#12", "2023/03"
    [\s:.*_]*$
""")

# A line that is an agenda item or list entry ("1. Mötets öppnande"), not the rest of a title.
_ITEM_LINE = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s")

TITLE_JOIN = " – "
# What a joined title leaves off its lines: markup and a trailing colon ("**PROTOKOLL:**").
_LINE_MARKS = re.compile(r"^[#*_\s]+|[*_:\s]+$")


def joined_title(segment: str) -> str:
    """The title a span of the text gives: the span itself when it is one line; the lines joined
    by " – " when it covers a generic first line and the next one ("Protokoll\n\nStyrelsemöte
    12 mars" -> "Protokoll – Styrelsemöte 12 mars"), the span still quoting both verbatim."""
    if "\n" not in segment:
        return segment
    lines = [_LINE_MARKS.sub("", ln) for ln in segment.split("\n")]
    return TITLE_JOIN.join(ln for ln in lines if ln)


def _line_before(ls: list[Line], line: Line) -> Line | None:
    """The last non-blank line before ``line``, or None."""
    i = next(k for k, ln in enumerate(ls) if ln.start == line.start)
    return next((ls[k] for k in range(i - 1, -1, -1) if not ls[k].blank), None)


def _specific_title(text: str, ls: list[Line], generic: Line, cands: list[Line]) -> tuple[int, int]:
    """Span of the title when the first line is generic ("PROTOKOLL"): from it to the end of the
    next line, blank lines between or not, when that line names the meeting or the body
    ("Styrelsemöte i Föreningen X 2023-03-03", "Föreningen X"); the generic line alone when
    what follows is a date, a field, an agenda item or another generic line."""
    i = next(k for k, ln in enumerate(ls) if ln.start == generic.start)
    j = i + 1
    while j < len(ls) and ls[j].blank:
        j += 1
    if j >= len(ls) or not any(ln.start == ls[j].start for ln in cands):
        return generic.start, generic.end
    nxt = ls[j]
    if _GENERIC_TITLE.match(nxt.text) or _ITEM_LINE.match(nxt.text) or not _names_something(nxt.text):
        return generic.start, generic.end
    return generic.start, nxt.end


def _names_something(t: str) -> bool:
    """Whether a line names a body or meeting, rather than only giving a date ("den 3 mars 2023",
    "Tisdag 2023-03-03")."""
    rest = t
    for _, (ds, de) in sorted(find_dates(t), key=lambda d: -d[1][0]):
        rest = rest[:ds] + " " + rest[de:]
    words = [w for w in re.findall(r"[^\W\d_]{2,}", rest) if w.lower() not in WEEKDAYS]
    return bool(MEETING_WORD.search(rest)) or any(w[0].isupper() for w in words)



def _header_end(text: str, ls: list[Line], hs: list[Heading]) -> int:
    """Where the header part ends: the first attendee/agenda heading or after 10 non-empty lines."""
    start = latex_body_start(text)
    n = 0
    for ln in ls:
        if ln.start < start or ln.blank:
            continue
        n += 1
        if n > 10:
            return ln.start
    return len(text)


# "Datum: 4 februari 2015", "Tid och plats: ...": the value of a date label. [^\w\n]* rather
# than \W*: \W also matches newlines, and on a long run of blank lines every line start would
# rescan the whole run.
_DATE_LABEL = re.compile(r"""(?imx)
    ^[^\w\n]*
    (?:datum|date|mötesdatum|sammanträdesdatum|meeting\ date|tid|time|when|när)\b
    [^:\n]{0,20}:[ \t]*       # "Tid och plats:"
    (\S.*)$
""")


def read_date(m: Meeting, text: str, ls: list[Line], hs: list[Heading]) -> None:
    cands: list[tuple[int, int]] = []
    d = re.search(r"\\date\{([^{}]*)\}", text)
    if d:
        cands.append(d.span(1))
    for lab in _DATE_LABEL.finditer(text):
        cands.append(lab.span(1))
    if m.title_span:
        cands.append(m.title_span)
    body = latex_body_start(text)
    cands.append((body, _header_end(text, ls, hs)))
    mf = slash_month_first(text)
    for s, e in cands:
        for date, (ds, de) in find_dates(text[s:e], month_first=mf):
            if has_explicit_year(text, (s + ds, s + de)):
                m.date, m.date_span, m.date_origin = date.isoformat(), (s + ds, s + de), "text"
                return
    if filename_date(m):
        return
    for date, span in find_dates(text[body:], month_first=mf):  # last resort: any full date in the body
        if has_explicit_year(text, (body + span[0], body + span[1])):
            m.date, m.date_span, m.date_origin = date.isoformat(), (body + span[0], body + span[1]), "text"
            return


def read_fields(m: Meeting, fields: dict) -> None:
    """What the document declares of itself in its metadata (front matter, a leading comment;
    index/normalise.py): its title wins over a heading guessed from the text unless it is
    generic ("Minutes"); its date counts when the text states none, before the file name's."""
    title = fields.get("title")
    if title is not None and not _GENERIC_TITLE.match(title.value):
        m.title, m.title_span = title.value, title.span
    if m.date_origin == "text":
        return
    # The declared title's date ("Styrelsemöte 2016-02-29") before the declared date, which is
    # often when the minutes were posted.
    for f in (title, fields.get("date")):
        if f is None:
            continue
        for found, (ds, de) in find_dates(f.value):
            if has_explicit_year(f.value, (ds, de)):
                s = f.span[0]
                m.date, m.date_span, m.date_origin = found.isoformat(), (s + ds, s + de), "metadata"
                return


def filename_date(m: Meeting) -> bool:
    d = date_from_filename(m.source)
    if d:
        m.date, m.date_span, m.date_origin = d.isoformat(), None, "filename"
    return d is not None


def read_language(m: Meeting, text: str, ls, hs) -> None:
    m.language = detect_language(text, default="sv")
