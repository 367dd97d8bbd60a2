"""Line-level structure of a minutes document: lines with offsets and heading detection.

Shared by the parser (to find "Närvarande", "Nästa möte" sections) and the chunker (to split at
headings), so both agree on what a section is. Works on Markdown, LaTeX and plain text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.vocab import ABSENT_LABELS, HEADER_FIELDS, INVITED_LABELS, PRESENT_LABELS, ROLE_FIELDS, alternation

_WS = " \t\r\n\f\v\u00a0\u200b\ufeff"  # nbsp and BOM occur in pasted Word text


def _blank(c: str) -> bool:
    # str.isspace also covers \x85, \u2028, \u3000...: a span must not end in any character
    # that str.strip() would remove, or quotes and spans disagree.
    return c.isspace() or c in "\u200b\ufeff"


@dataclass
class Line:
    start: int  # offset of the first non-blank char (== end for blank lines)
    end: int  # offset just after the last non-blank char
    raw_start: int  # offset of the line start
    text: str  # the stripped line

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass
class Heading:
    start: int  # span of the heading as written (whole line / whole \section{...})
    end: int
    title: str  # heading text, without markup
    title_span: tuple[int, int]  # span of ``title`` inside the document
    level: int  # 1 = top; plain-text headings are 2


def strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Shrink [s, e) so it neither starts nor ends with whitespace (offsets move; text doesn't)."""
    while s < e and _blank(text[s]):
        s += 1
    while e > s and _blank(text[e - 1]):
        e -= 1
    return s, e


def lines(text: str) -> list[Line]:
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        s, e = strip_span(text, pos, pos + len(raw))
        out.append(Line(s, e, pos, text[s:e]))
        pos += len(raw)
    return out


_MD = re.compile(r"^(#{1,6})(?!#)")
_BOLD = re.compile(r"^\*\*([^*]{1,60}?):?\*\*:?$")
# An outline heading of plain-text (Org-style) minutes: "** Timer API". Two or more stars and a
# blank: never a Markdown bullet ("* x") nor bold ("**x**").
_ORG = re.compile(r"^(\*{2,6})[ \t]+(\S.*?)[ \t]*$")
_NUMBERED = re.compile(r"^(?:§\s*\d+[a-z]?|\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$")
# Bounded lengths: an unclosed "\section{" must not make every later one scan to the end.
_LATEX_SEC = re.compile(r"\\((?:sub){0,2})section\*?\{((?:[^{}]|\{[^{}]{0,200}\}){0,300})\}", re.S)


def _md_heading(t: str) -> tuple[int, int, int] | None:
    """(level, title start, title end) within the stripped line ``t`` for "## Title ##".
    Done with string methods: the regex form backtracked quadratically on long space runs."""
    m = _MD.match(t)
    if not m:
        return None
    level = len(m.group(1))
    e = len(t)
    closed = t.rstrip("#")
    if len(closed) <= level or closed[-1].isspace():  # closing hashes "## Title ##", not "C#"
        e = len(closed)
    s = level
    while s < e and t[s].isspace():
        s += 1
    while e > s and t[e - 1].isspace():
        e -= 1
    return level, s, e
_BULLET = re.compile(r"^(?:[-*+•●▪◦–]|\d{1,3}[.)])\s+")


def is_list_item(s: str) -> bool:
    return bool(_BULLET.match(s))


# "Label: value" on one line. The label is short and does not end in a number ("Punkt 3: Budget"
# and "Bilaga 1: Ekonomi" read as headings).
_LABEL_VALUE = re.compile(r"^[*_]*([^\W\d_][^:\n]{0,40}?)[*_]*[ \t]*:[*_]*[ \t]+(\S.*)$")
# Labels of header and attendance fields: "Plats: Discord", "Tid: 18.00", "Närvarande: Styrelsen".
_FIELD_LABEL = re.compile(
    "(?i)^" + alternation(HEADER_FIELDS + ROLE_FIELDS + PRESENT_LABELS + ABSENT_LABELS + INVITED_LABELS) + r"\b")


def is_field_line(ls: list[Line], i: int) -> bool:
    """A "Label: value" line of the header block ("Plats: Discord", "Datum: 2023-03-03"): a
    known field label, or any short label with a "Label: value" line right above or below it."""
    lab = _LABEL_VALUE.match(ls[i].text)
    if not lab or len(lab.group(1).split()) > 3 or lab.group(1).rstrip()[-1:].isdigit():
        return False
    if _FIELD_LABEL.match(lab.group(1).strip()):
        return True

    def labelled(j: int) -> bool:
        return 0 <= j < len(ls) and bool(_LABEL_VALUE.match(ls[j].text))

    def neighbour(step: int) -> int:
        j = i + step
        if 0 <= j < len(ls) and ls[j].blank:  # one blank line between header fields is common
            j += step
        return j

    return labelled(neighbour(-1)) or labelled(neighbour(1))


def _plain_heading(ls: list[Line], i: int) -> bool:
    """A short title-like line standing alone ("Bakgrund", "Deltagare", "Närvarande deltagare:")."""
    t = ls[i].text
    if not t or len(t) > 60 or is_list_item(t) or "," in t:
        return False
    words = t.split()
    if len(words) > 6 or not t[0].isupper():
        return False
    if t[-1] in ".;!" or re.search(r"\d[:.]\d", t) or t.startswith(("\\", "%", "{", "<", "|")):
        return False
    prev_blank = i == 0 or ls[i - 1].blank
    next_blank = i + 1 >= len(ls) or ls[i + 1].blank
    if not prev_blank or is_field_line(ls, i):
        return False
    if t.endswith(":"):
        # "Närvarande deltagare:" directly over its list is a heading; a lead-in sentence
        # ("Gruppdiskussioner genomfördes kring frågorna:") is longer or stands apart.
        return not next_blank and len(words) <= 4
    return next_blank


def _numbered_heading(ls: list[Line], i: int) -> re.Match | None:
    """Agenda items "1 Mötets öppnande och inledning", "§ 3 Beslut". A number *with a dot* and a
    comma ("1. Anders Blanck, ledamot") is a list entry instead."""
    t = ls[i].text
    m = _NUMBERED.match(t)
    if not m or len(t) > 90 or len(t.split()) > 12:
        return None
    body = m.group(1)
    if not body[0].isupper() or t[-1] in ".,;:":
        return None
    head = t[: m.start(1)].strip()
    if head.endswith(".") and ("," in body or not t.startswith("§")):
        return None  # "1. Name, role" / "3. Item" -> list
    prev_blank = i == 0 or ls[i - 1].blank
    next_blank = i + 1 >= len(ls) or ls[i + 1].blank
    if t.startswith("§"):
        # "§ 1 Mötets öppnande" is a heading even with its text on the very next line, the
        # usual layout of Swedish protocols; a bare number needs blank lines around it.
        return m
    return m if (prev_blank and next_blank) else None


def headings(text: str, ls: list[Line] | None = None) -> list[Heading]:
    """All headings in document order."""
    ls = ls if ls is not None else lines(text)
    out: list[Heading] = []
    is_tex = "\\section" in text or "\\begin{document}" in text
    # A document with Markdown headings marks its own structure; guessing plain-text headings
    # there would turn one-line paragraphs ("Nästa vecka") into sections.
    is_md = sum(1 for ln in ls if ln.text.startswith("#") and _MD.match(ln.text)) >= 2
    # Org-style outlines mark their structure too (two such headings at least)
    is_org = not is_tex and sum(1 for ln in ls if ln.text.startswith("**") and _ORG.match(ln.text)) >= 2
    if is_tex:
        for m in _LATEX_SEC.finditer(text):
            if _commented(text, m.start()):
                continue
            ts, te = strip_span(text, m.start(2), m.end(2))
            title = re.sub(r"\s+", " ", text[ts:te])
            out.append(Heading(m.start(), m.end(), title, (ts, te), 1 + len(m.group(1)) // 3))
    for i, ln in enumerate(ls):
        t = ln.text
        if not t:
            continue
        md = _md_heading(t) if not is_tex else None
        if md:
            level, a, b = md
            if a == b:
                continue
            out.append(Heading(ln.start, ln.end, t[a:b], (ln.start + a, ln.start + b), level))
            continue
        if is_tex:
            continue
        m = _ORG.match(t) if is_org else None
        if m and not t.rstrip().endswith("**"):
            a = ln.start + m.start(2)
            out.append(Heading(ln.start, ln.end, m.group(2), (a, a + len(m.group(2))), len(m.group(1)) - 1))
            continue
        m = _BOLD.match(t)
        if m:
            ts = ln.start + 2
            out.append(Heading(ln.start, ln.end, m.group(1), (ts, ts + len(m.group(1))), 3))
            continue
        if is_md or is_org:
            continue
        m = _numbered_heading(ls, i)
        if m:
            out.append(Heading(ln.start, ln.end, t, (ln.start, ln.end), 2))
            continue
        if _plain_heading(ls, i):
            title = t.rstrip(":").rstrip()
            out.append(Heading(ln.start, ln.end, title, (ln.start, ln.start + len(title)), 2))
    out.sort(key=lambda h: h.start)
    return out


def _commented(text: str, pos: int) -> bool:
    """Whether ``pos`` sits after an unescaped % on its line (a LaTeX comment)."""
    ls = text.rfind("\n", 0, pos) + 1
    return re.search(r"(?<!\\)%", text[ls:pos]) is not None


def latex_body_start(text: str) -> int:
    """Offset after \\begin{document} (0 if none): the preamble is not content."""
    m = re.search(r"\\begin\{document\}", text)
    return m.end() if m else 0


def norm_heading(title: str) -> str:
    """Heading text lowercased without markup/punctuation, for keyword matching."""
    t = re.sub(r"\\[a-zA-Z]+\{([^{}]*)\}", r"\1", title)
    # agenda numbering is not part of the name: "§ 8 Nästa möte", "8. Närvarande", "8) Next meeting"
    t = re.sub(r"^\s*(?:§\s*\d+[a-z]?|\d{1,2}(?:\.\d{1,2})*)[.)]?\s+", "", t)
    t = re.sub(r"[*_`#:]+", " ", t)
    return re.sub(r"\s+", " ", t).strip().lower()
