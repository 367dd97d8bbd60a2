"""The sentence of a passage that answers a question: chosen by the question's concepts, cut
verbatim out of the passage, with list bullets and markup trimmed from its ends."""
from __future__ import annotations

import re

from index.sentences import sentence_spans

from index.lexical import BM25, Concept, doc_terms

_MARKUP_HEAD = re.compile(r"(?:\s+|[-*+•●▪◦–]\s|#+\s*|\\item\b\s*|>\s)")
_MARKUP_TAIL = re.compile(r"(?:\s|#|\\\\|\\newline)+$")
# What opens a line before its content: indentation, bullets, list numbers, quote marks, "#".
_LINE_LEAD = re.compile(r"[ \t]*(?:(?:[-*+•●▪◦–]|\d{1,3}[.)]|>|#+)[ \t]+|\\item\b[ \t]*)*")
_EMPHASIS = ("**", "__")


def _content_start(text: str, pos: int) -> int:
    """Where the content of the line holding ``pos`` starts, after its bullet or list number."""
    ls = text.rfind("\n", 0, pos) + 1
    return min(ls + _LINE_LEAD.match(text, ls).end(), pos)


def trim_markup(text: str, s: int, e: int) -> tuple[int, int]:
    """Narrow ``text[s:e]`` past bullets, heading marks and the like at either end, and place its
    ends so that they are not inside an emphasis pair: "Apologies:** Hannah Cole" (cut out of
    "* **Apologies:** Hannah Cole") becomes "**Apologies:** Hannah Cole". The result is still a
    substring of ``text``."""
    for _ in range(10):
        m = _MARKUP_HEAD.match(text, s, e)
        if not m or m.end() == s or m.end() >= e:
            break
        s = m.end()
    m = _MARKUP_TAIL.search(text[s:e])
    if m and m.start() > 0:
        e = s + m.start()
    for mark in _EMPHASIS:
        cs = _content_start(text, s)
        if text.count(mark, cs, s) % 2:  # starts inside a pair: from where the line's content starts
            s = cs
        le = text.find("\n", e)
        le = len(text) if le < 0 else le
        if text.count(mark, _content_start(text, e), e) % 2:  # ends inside a pair, or after a stray mark
            close = text.find(mark, e, le)
            if close >= 0:
                e = close + len(mark)
            elif text.endswith(mark, s, e) and e - len(mark) > s:
                e -= len(mark)
                while e > s and text[e - 1].isspace():
                    e -= 1
    return s, e


def is_heading_line(text: str, s: int, e: int, section: str | None = None) -> bool:
    """Whether ``text[s:e]`` is (on) a heading line: Markdown "#", a LaTeX sectioning command,
    "§ 3 ...", or the chunk's section title standing alone on its line."""
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    line = text[line_start: len(text) if line_end < 0 else line_end].strip()
    if re.match(r"^(?:#+\s|\\(?:sub)*section\*?\{|\\(?:paragraph|chapter|title)\*?\{|§\s*\d)", line):
        return True
    if section and line.strip("#*_ ").strip() == section.strip():
        return True
    return False


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text`` (see :mod:`index.sentences`), leading bullets and list
    numbers left out so a highlight reads as a sentence."""
    return sentence_spans(text, skip_bullets=True)


def term_match(term: str, stems: set[str]) -> float:
    if term in stems:
        return 1.0
    if len(term) >= 4 and any(len(s) >= len(term) + 4 and (s.endswith(term) or s.startswith(term)) for s in stems):
        return BM25.COMPOUND_DISCOUNT
    return 0.0


def highlight(text: str, concepts: list[Concept], language: str, *, must: list[tuple[int, int]] | None = None,
              idf=None, section: str | None = None) -> str | None:
    """The sentence of ``text`` that matches the question best (verbatim), or None. ``must``:
    spans (offsets in ``text``) of which the sentence should contain one, e.g. a person's name.
    A heading is never the highlight: when only the heading matches, the first sentence of the
    body under it is taken."""
    best, best_score = None, 0.0
    heading_hit = False
    body: list[tuple[int, int]] = []
    for s, e in sentences(text):
        if is_heading_line(text, s, e, section):
            heading_hit = heading_hit or any(
                term_match(a.term, set(doc_terms(text[s:e], language))) for c in concepts for a in c.alternatives)
            continue
        body.append((s, e))
        stems = set(doc_terms(text[s:e], language))
        score = 0.0
        for c in concepts:
            got = 0.0
            for a in c.alternatives:
                m = term_match(a.term, stems) * a.weight
                if m:
                    got = max(got, m * (idf(a.term) if idf else 1.0))
            score += got
        if must:
            if any(s <= ms and me <= e for ms, me in must):
                score += 100.0
        line_start = text.rfind("\n", 0, s) + 1
        if text[line_start:s].lstrip().startswith(("#", "\\")) or text[s:e].startswith("\\"):
            score *= 0.3  # a heading names the topic; the sentence under it answers
        if len(text[s:e]) < 12:  # a bare heading answers nothing
            score *= 0.3
        if score > best_score:
            best, best_score = (s, e), score
    if best is None and heading_hit and body:
        best = body[0]
    if best is None:
        return None
    s, e = _widen(text, *best)
    s, e = trim_markup(text, s, e)
    return text[s:e]


def first_body_sentence(text: str, section: str | None = None) -> str | None:
    """The first sentence of ``text`` that is not a heading (for an answer with no highlight)."""
    for s, e in sentences(text):
        if not is_heading_line(text, s, e, section):
            s, e = trim_markup(text, *_widen(text, s, e))
            return text[s:e]
    return None


def _widen(text: str, s: int, e: int, spans=None, min_len: int = 40) -> tuple[int, int]:
    """A bullet's lead word ("Hälsoekonomi.") says little alone: take the sentences after it
    on the same line until the highlight says something."""
    spans = spans or sentences(text)
    for ns, ne in spans:
        if e - s >= min_len:
            break
        if ns >= e and "\n" not in text[e:ns]:
            e = ne
    return s, e
