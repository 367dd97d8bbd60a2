"""Section-aware chunking of a minutes document into passages for embedding.

all-MiniLM-L6-v2 truncates at 256 word pieces (~100 Swedish words), so ``max_words`` is a hard
cap: text past the cap would be invisible to search. Word counts underestimate tables, LaTeX and
URLs, so when the embedder's tokenizer is at hand (``count_tokens``), ``max_tokens`` is a second
hard cap. Chunks are exact slices of the document (``text == doc[start:end]``), so a hit can
always be quoted verbatim.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from index.models import Chunk, Meeting
from index.sections import headings, latex_body_start, lines, strip_span

_ITEM = re.compile(r"^(?:[-*+•●▪◦–]|\d{1,3}[.)]|\\item\b)")


Fits = Callable[[int, int], bool]  # does text[s:e] fit in one chunk?


def _fits_in(text: str, max_words: int, max_tokens: int | None, count_tokens) -> Fits:
    def fits(s: int, e: int) -> bool:
        if len(text[s:e].split()) > max_words:
            return False
        return count_tokens is None or max_tokens is None or count_tokens(text[s:e]) <= max_tokens
    return fits


def _units(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Paragraphs and list items of text[s:e]. A list item keeps its indented continuation
    lines; a paragraph runs to the next blank line or list item."""
    units: list[tuple[int, int]] = []
    cur: list[int] | None = None
    pos = s
    for raw in text[s:e].splitlines(keepends=True):
        ls, le = strip_span(text, pos, pos + len(raw))
        indent = ls - pos
        pos += len(raw)
        if ls == le:  # blank line ends a unit
            if cur:
                units.append((cur[0], cur[1]))
            cur = None
            continue
        new_item = bool(_ITEM.match(text[ls:le]))
        if cur is None or (new_item and indent <= cur[2]):
            if cur:
                units.append((cur[0], cur[1]))
            cur = [ls, le, indent if new_item else 10**6]
        else:
            cur[1] = le
    if cur:
        units.append((cur[0], cur[1]))
    return units


def _split_long(text: str, s: int, e: int, fits: Fits) -> list[tuple[int, int]]:
    """Split an over-long unit at line, then sentence boundaries, then (last resort) words."""
    if fits(s, e):
        return [(s, e)]
    for pat in (r"\n", r"(?<=[.!?])\s+(?=\S)", r"(?<=[;:,])\s+"):
        cuts = [m.end() for m in re.finditer(pat, text[s:e])]
        if cuts:
            pieces, prev = [], s
            for c in cuts + [e - s]:
                ps, pe = strip_span(text, prev, s + c)
                if pe > ps:
                    pieces.append((ps, pe))
                prev = s + c
            if len(pieces) > 1:
                return _pack(text, pieces, fits)
    # one giant sentence: cut between words, as many as fit
    out: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for w in re.finditer(r"\S+", text[s:e]):
        ws, we = s + w.start(), s + w.end()
        if cur and fits(cur[0], we):
            cur = (cur[0], we)
        else:
            if cur:
                out.append(cur)
            cur = (ws, we)
    if cur:
        out.append(cur)
    return out


def _pack(text: str, units: list[tuple[int, int]], fits: Fits) -> list[tuple[int, int]]:
    """Greedily join consecutive units while the chunk still fits."""
    out: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for u in units:
        for piece in _split_long(text, *u, fits):
            if cur and fits(cur[0], piece[1]):
                cur = (cur[0], piece[1])
            else:
                if cur:
                    out.append(cur)
                cur = piece
    if cur:
        out.append(cur)
    return out


def _around(sections: list[tuple[int, int, str | None]], hidden) -> list[tuple[int, int, str | None]]:
    """The sections cut where a hidden span stands, so that no chunk holds one."""
    for hs, he in sorted(hidden):
        out = []
        for s, e, title in sections:
            if he <= s or hs >= e:
                out.append((s, e, title))
                continue
            if s < hs:
                out.append((s, hs, title))
            if he < e:
                out.append((he, e, title))
        sections = out
    return sections


def chunk_document(text: str, meeting: Meeting, *, max_words: int = 90, max_tokens: int | None = None,
                   count_tokens: Callable[[str], int] | None = None, source_text: str | None = None,
                   hidden: tuple[tuple[int, int], ...] = ()) -> list[Chunk]:
    """Chunks of ``text``, a document's view (index/normalise.py: blanked metadata is in no
    chunk); each chunk's text is the slice of ``source_text`` (the document as loaded, of the
    same length) at its offsets. No chunk reaches into a ``hidden`` span (metadata, comments)."""
    source_text = text if source_text is None else source_text
    fits = _fits_in(text, max(5, max_words), max_tokens, count_tokens)
    body = latex_body_start(text)
    ls = lines(text)
    hs = [h for h in headings(text, ls) if h.start >= body]
    # (section start, section end, heading title)
    sections: list[tuple[int, int, str | None]] = []
    first = hs[0].start if hs else len(text)
    if first > body:
        sections.append((body, first, None))
    for i, h in enumerate(hs):
        end = hs[i + 1].start if i + 1 < len(hs) else len(text)
        sections.append((h.start, end, h.title))
    end_doc = re.search(r"\\end\{document\}", text)
    chunks: list[Chunk] = []
    for s, e, title in _around(sections, hidden):
        if end_doc and s >= end_doc.start():
            break
        if end_doc:
            e = min(e, end_doc.start())
        s, e = strip_span(text, s, e)
        if e <= s:
            continue
        # The heading line is its own unit so it leads the section's first chunk.
        for cs, ce in _pack(text, _units(text, s, e), fits):
            cs, ce = strip_span(text, cs, ce)
            if ce <= cs:
                continue
            n = len(chunks)
            chunks.append(Chunk(id=f"{meeting.source}#{n}", source=meeting.source, start=cs, end=ce,
                                text=source_text[cs:ce], section=title, meeting_date=meeting.date,
                                title=meeting.title))
    return chunks
