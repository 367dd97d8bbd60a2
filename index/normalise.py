"""A loaded document, normalised before parsing: what is content, what is metadata.

Minutes published by a site generator carry a header of metadata above the text: YAML (``---``)
or TOML (``+++``) front matter, or a ``<!-- .. title: … .. date: … -->`` comment; Markdown minutes
hide notes in HTML comments. None of it is content: it must not become the title heading, a
chunk or a quote of what was decided. Text damaged in transit (U+FFFD where "ö" stood) must still
be read.

:func:`normalise` keeps the text as it is (every quote is a substring of it) and makes a **view**
of the same length, offset for offset, that the parser and the chunker read instead:

- metadata blocks and comments blanked (each character a space, line breaks kept), their
  ``title`` and ``date`` fields kept as :class:`Field` with their spans in the text;
- each U+FFFD inside a word replaced by the letter that makes a word this document (or the
  shared vocabulary) uses undamaged, so "N\\ufffdrvarande" reads as "Närvarande".

Every span found in the view is a span of the text, so nothing downstream needs a map.
"""
from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from index.vocab import known_words

Span = tuple[int, int]

DAMAGE = "\ufffd"
# What a U+FFFD most often stands for in Swedish and English minutes read with the wrong codec,
# most likely first: the guess when no known word decides.
_REPAIRS = "äöåéü"


@dataclass(frozen=True)
class Field:
    value: str
    span: Span  # of the value in the text


@dataclass(frozen=True)
class Document:
    text: str  # as loaded: quotes are substrings of this
    view: str  # same length: what the parser and the chunker read
    fields: dict[str, Field] = field(default_factory=dict)  # metadata: "title", "date", …
    hidden: tuple[Span, ...] = ()  # metadata blocks and comments, blanked in the view


# Front matter: the first thing in the file, between two fence lines.
_FRONT_MATTER = re.compile(r"""(?x)
    \A[\ufeff\s]*
    (?P<fence>---|\+\+\+)[ \t]*\n          # YAML (---) or TOML (+++) fence on its own line
    (?P<body>.*?)
    ^(?P=fence)[ \t]*(?:\n|\Z)              # the same fence closes it
""", re.S | re.M)

# An HTML comment (in Markdown and plain text; LaTeX comments are the parser's).
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)

# One "key: value" / "key = value" / ".. key: value" metadata line (YAML, TOML, Nikola).
_FIELD = re.compile(r"""(?xm)
    ^[ \t]*(?:\.\.[ \t]+)?                  # Nikola's ".. title: …"
    (?P<key>[A-Za-z][\w-]{0,30})[ \t]*[:=][ \t]*
    (?P<q>["']?)(?P<value>[^\n]*?)(?P=q)[ \t]*$
""")


def _fields(text: str, s: int, e: int) -> dict[str, Field]:
    out: dict[str, Field] = {}
    for m in _FIELD.finditer(text, s, e):
        key, value = m.group("key").lower(), m.group("value").strip()
        if value and key not in out:
            out[key] = Field(value, m.span("value"))
    return out


def _metadata_blocks(text: str) -> tuple[list[Span], dict[str, Field]]:
    """Spans of the front matter and of every HTML comment, and the fields they declare (the
    front matter's first, then a leading comment's)."""
    blocks: list[Span] = []
    fields: dict[str, Field] = {}
    front = _FRONT_MATTER.match(text)
    if front:
        blocks.append((front.start("fence"), front.end()))
        fields.update(_fields(text, *front.span("body")))
    if "\\documentclass" in text or "\\begin{document}" in text:
        return blocks, fields  # LaTeX: "<!--" is no comment there
    for m in _COMMENT.finditer(text):
        blocks.append(m.span())
        if not text[: m.start()].strip() or (front and not text[front.end():m.start()].strip()):
            for k, v in _fields(text, *m.span()).items():
                fields.setdefault(k, v)
    return blocks, fields


def _blank(view: list[str], s: int, e: int) -> None:
    for i in range(s, e):
        if view[i] != "\n":
            view[i] = " "


_DAMAGED_WORD = re.compile(r"[\w\ufffd]*\ufffd[\w\ufffd]*")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _trigrams() -> Counter:
    """Letter trigrams of the known words ("^" and "$" mark a word's ends)."""
    grams: Counter = Counter()
    for w in known_words():
        w = f"^{w}$"
        grams.update(w[i:i + 3] for i in range(len(w) - 2))
    return grams


def _likeliness(word: str, holes: list[int]) -> float:
    """How Swedish/English ``word`` looks around its repaired letters: log counts of the letter
    trigrams that hold them."""
    grams, w = _trigrams(), f"^{word.casefold()}$"
    return sum(math.log1p(grams[w[i + 1 + k - 2:i + 1 + k + 1]]) for i in holes for k in range(3))


def _repair_word(word: str, words: Counter, known: frozenset[str], *, starts: bool = False) -> str:
    """``word`` with each U+FFFD replaced: by the letters that make a word the document writes
    undamaged, else a known word, else the likeliest letters."""
    holes = [i for i, c in enumerate(word) if c == DAMAGE]
    if len(holes) > 3:  # each hole alone: the product of the letters grows too fast
        return "".join(max(_REPAIRS, key=lambda r: _likeliness(word[:i] + r + word[i + 1:], [i]))
                       if c == DAMAGE else c for i, c in enumerate(word))
    best: tuple[tuple[int, float], str] | None = None
    for letters in itertools.product(_REPAIRS, repeat=len(holes)):
        cand = list(word)
        for i, c in zip(holes, letters, strict=True):
            cand[i] = c
        text = "".join(cand)
        key = text.casefold()
        score = (words.get(key, 0) * 10 + (5 if key in known else 0), _likeliness(text, holes))
        if best is None or score > best[0]:
            best = (score, text)
    assert best is not None
    repaired = best[1]
    if word.replace(DAMAGE, "").isupper():  # "M\ufffdTESPROTOKOLL"
        repaired = "".join(r.upper() if w == DAMAGE else r for r, w in zip(repaired, word, strict=True))
    elif starts and holes[0] == 0:  # "\ufffdrsmöte" at the start of a line or sentence
        repaired = repaired[0].upper() + repaired[1:]
    return repaired


def _repair(view: list[str], text: str, known: frozenset[str]) -> None:
    """Each damaged word in ``text`` written into ``view`` as the word it most likely was."""
    words = Counter(w.casefold() for w in _WORD.findall(text) if DAMAGE not in w)
    for m in _DAMAGED_WORD.finditer(text):
        if m.group() == DAMAGE:
            continue
        before = text[max(0, m.start() - 3):m.start()].rstrip(" \t*_#-•>")
        starts = not before or before.endswith(("\n", ".", "!", "?", ":"))
        for i, c in enumerate(_repair_word(m.group(), words, known, starts=starts)):
            view[m.start() + i] = c
    # A lone "\ufffd" before a number is a section sign ("\ufffd 1 Mötet öppnas").
    for m in re.finditer(r"(?m)^[ \t]*\ufffd(?=[ \t]*\d)", text):
        view[m.end() - 1] = "§"


def normalise(text: str) -> Document:
    """The document ``text`` with its view (see the module docstring)."""
    blocks, fields = _metadata_blocks(text)
    if not blocks and DAMAGE not in text:
        return Document(text, text)
    view = list(text)
    if DAMAGE in text:
        _repair(view, text, known_words())
    for s, e in blocks:
        _blank(view, s, e)
    return Document(text, "".join(view), fields, tuple(blocks))
