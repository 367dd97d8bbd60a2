"""The one sentence splitter: character spans of the sentences of a text.

Minutes are lines first (list items, table rows, headings), so a sentence never crosses a line
end; within a line, a sentence ends at . ! or ? before a capital letter (after optional closing
quotes or brackets). A number after a full stop does not start one: "kl. 18.00", "ca. 20 st"."""
from __future__ import annotations

import re

_SENT_END = re.compile(r"""
    (?<=[.!?])          # a sentence mark ...
    [\"”’)]*            # ... with the quote or bracket it closes
    \s+                 # then space
    (?=[\"“”(]*         # and, after an opening quote or bracket,
       [^\W\d_a-zåäöéü])  # a capital letter
""", re.VERBOSE)
# What opens a list item: a bullet, a list number, a LaTeX \item, a Markdown heading mark.
# Used with .match(text, pos): anchored at pos (a "^" would only match at 0).
_LEAD = re.compile(r"(?:[-*+•●▪◦–]|\d{1,3}[.)]|\\item|#+)\s*")


def sentence_spans(text: str, start: int = 0, end: int | None = None, *,
                   skip_bullets: bool = False) -> list[tuple[int, int]]:
    """Spans (offsets in ``text``) of the sentences of ``text[start:end]``, whitespace trimmed;
    spans with no word character are left out. ``skip_bullets``: a leading bullet or list number
    is left out of the span, so that it reads as a sentence."""
    end = len(text) if end is None else end
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        le = end if nl < 0 else nl
        seg = pos
        for cut in [m.end() for m in _SENT_END.finditer(text, pos, le)] + [le]:
            s, e = seg, cut
            seg = cut
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if skip_bullets:
                m = _LEAD.match(text, s, e)
                if m and m.end() < e:
                    s = m.end()
            if s < e and re.search(r"\w", text[s:e]):
                out.append((s, e))
        pos = le + 1
    return out
