"""Text units the record extractors read: statements (sentences, list entries, LaTeX \\item
entries) with their spans, and span trimming. Everything here is linear in the text length."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from index.person_names import UP
from index.sections import Heading, Line, strip_span
from index.vocab import LINE_JOINERS

# A list marker at the start of a unit: "- ", "* ", "1. ", "a) ", "\item", "> ", Markdown bold.
_LEAD = re.compile(r"(?:[-*+•●▪◦–—]\s+|\d{1,3}[.)]\s+|[a-z][.)]\s+|\\item\b\s*(?:\[[^\]\n]{0,40}\]\s*)?|>\s*|\*\*|__)")
# LaTeX line endings and trailing markup that are no part of a statement.
_TRAIL = re.compile(r"(?:\\\\|\\newline|\\par|\*\*|__)$")
# A sentence ends at . ! ? before a capital letter (not after "kl." or "ca."), or at " - " runs.
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(]?[A-ZÅÄÖÉÜ@])")
# Markup-only LaTeX lines: \begin{...}, \end{...}, \section{...}, \newpage, \label{...}, braces.
_MARKUP = re.compile(r"^(?:\\(?!item\b)[a-zA-ZåäöÅÄÖ@_]+\*?(?:\[[^\]]*\])?(?:\{[^{}]*\})*\s*%?\s*|[{}%]+)$")


def is_tex(text: str) -> bool:
    return "\\section" in text or "\\begin{document}" in text


def commented(ln: Line) -> bool:
    return ln.text.startswith("%")


@dataclass
class Unit:
    start: int
    end: int
    line: int  # index of the line it starts on
    listed: bool  # it was a list entry ("- x", "\item x")


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """[s, e) without surrounding blanks, list markers and trailing markup."""
    s, e = strip_span(text, s, e)
    for _ in range(3):
        m = _LEAD.match(text, s, e)
        if not m or m.end() == s:
            break
        s, e = strip_span(text, m.end(), e)
    for _ in range(3):
        m = _TRAIL.search(text, s, e)
        if not m:
            break
        s, e = strip_span(text, s, m.start())
    return s, e


def trim_end(text: str, s: int, e: int) -> tuple[int, int]:
    """Also drop a closing full stop / semicolon and a dangling "eller"/"or" ("..., eller;")."""
    s, e = trim(text, s, e)
    for _ in range(3):
        e0 = e
        while e > s and text[e - 1] in ".;,:":
            e -= 1
        m = re.search(r"[,\s]+(?:eller|or|och|and|samt)$", text[max(s, e - 12):e])
        if m:
            e = max(s, e - 12) + m.start()
        s, e = strip_span(text, s, e)
        if e == e0:
            break
    return s, e


def heading_lines(ls: list[Line], hs: list[Heading]) -> bytearray:
    """1 for every line a heading (even a multi-line LaTeX one) overlaps."""
    starts = [ln.raw_start for ln in ls]
    out = bytearray(len(ls))
    for h in hs:
        i = max(0, bisect.bisect_right(starts, h.start) - 1)
        while i < len(ls) and ls[i].raw_start < h.end:
            out[i] = 1
            i += 1
    return out


def units(text: str, ls: list[Line], hs: list[Heading], start: int = 0) -> list[Unit]:
    """Statements of the document from ``start`` on: list entries and sentences, never across
    a heading, a blank line, a comment or a markup line. In LaTeX and plain prose a statement
    may wrap over lines; in Markdown each line is its own statement."""
    tex = is_tex(text)
    heading_at = heading_lines(ls, hs)
    groups: list[tuple[int, int, int, bool]] = []
    cur: list | None = None
    for i, ln in enumerate(ls):
        if ln.end <= start:
            continue
        t = ln.text
        breaker = ln.blank or commented(ln) or heading_at[i] or bool(_MARKUP.match(t)) or t.startswith("|")
        if breaker:
            if cur:
                groups.append(tuple(cur))
            cur = None
            continue
        listed = bool(_LEAD.match(t)) and not t.startswith(("**", "__"))
        wrapped = (cur is not None and not listed and not tex and t[:1].islower()
                   and text[cur[1] - 1] not in ".!?:")  # a Markdown/plain line wrapped mid-sentence
        if wrapped:
            cur[1] = ln.end
        elif cur is None or listed or not tex or t.startswith("\\"):
            if cur:
                groups.append(tuple(cur))
            cur = [ln.start, ln.end, i, listed]
        else:
            cur[1] = ln.end
        if tex and t.endswith("\\\\"):
            groups.append(tuple(cur))
            cur = None
    if cur:
        groups.append(tuple(cur))
    out: list[Unit] = []
    for gs, ge, li, listed in groups:
        gs, ge = trim(text, gs, ge)
        pos = gs
        for m in _SENT_END.finditer(text, gs, ge):
            s, e = trim(text, pos, m.start())
            if e > s:
                out.append(Unit(s, e, li, listed))
            pos = m.end()
        s, e = trim(text, pos, ge)
        if e > s:
            out.append(Unit(s, e, li, listed))
    return out


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().casefold()


# A line that starts a new sentence in text that wraps without full stops (LaTeX): a capitalised
# word, then one that does not join it to the line before ("…kontakta CFAB\nMail har kommit …";
# not "kontaktar\nMorgan och Karl")
_JOINER_ALT = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in LINE_JOINERS), key=len, reverse=True))
_LINE_OPENER = re.compile(rf"[ \t]*[{UP}][\wåäö'’-]*[ \t]+(?!(?i:{_JOINER_ALT})(?![\wåäö]))[\wåäö]")
_JOINERS = {w.casefold() for w in LINE_JOINERS}


def new_line_sentence(text: str, s: int, e: int) -> int | None:
    """Where a new sentence starts on a line of text[s:e] (see _LINE_OPENER), when the line before
    ends in neither a comma nor a joining word."""
    i = text.find("\n", s, e)
    while i != -1:
        before = text[max(s, i - 80):i].rstrip()  # the end of the line before (linear over many lines)
        last = before.rsplit(None, 1)[-1].casefold() if before else ""
        if before and not before.endswith((",", "(")) and last not in _JOINERS and _LINE_OPENER.match(text, i + 1, e):
            return i
        i = text.find("\n", i + 1, e)
    return None
