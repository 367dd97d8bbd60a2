"""Small, explicit date parser for Swedish and English minutes.

Written by hand instead of using dateparser because minutes need day-month order ("4/3" is
4 March), years taken from the meeting date, and forward rolling for "next meeting" dates;
general-purpose parsers get these wrong. Every date comes with the span it was read from.
"""
from __future__ import annotations

import datetime as _dt
import os
import re

from index.vocab import MONTHS, ORDINAL_WORDS

Date = _dt.date

# Longest first so "september" wins over "sep".
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

_ORD_WORD_RE = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))

# "4:e", "1:a", "22a", "23e", "7e", "1st", "26th"
_SUFFIX = r"(?::?[ae]|st|nd|rd|th)?"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    # 2015-02-04, 2020--11--24 (LaTeX en dash), 2015-2-4
    ("iso", re.compile(r"(?<![\d-])(\d{4})\s?(?:-{1,2}|–)\s?(\d{1,2})\s?(?:-{1,2}|–)\s?(\d{1,2})(?!\d)")),
    # 2023.03.03, 2023/03/03 (same separator twice)
    ("iso", re.compile(r"(?<![\d./])(\d{4})([./])(\d{1,2})\2(\d{1,2})(?![\d]|[./]\d)")),
    # 4 februari 2015, 4:e september 2019, 22 June 2017, 08 Juni 2018
    ("dmy", re.compile(
        rf"(?<![\w/])(\d{{1,2}}){_SUFFIX}\.?\s+(?:of\s+)?({_MONTH_RE})\.?(?:,?\s+(\d{{4}})(?![\d:]|\.\d))?(?![\w])",
        re.IGNORECASE)),
    # June 22, 2017 / February 26th 2015
    ("mdy", re.compile(
        rf"(?<![\w])({_MONTH_RE})\.?\s+(\d{{1,2}}){_SUFFIX}(?![\d:.]\d)(?:,?\s+(\d{{4}})(?![\d:]|\.\d))?(?![\w])",
        re.IGNORECASE)),
    # andra mars
    ("word", re.compile(rf"(?<![\w])({_ORD_WORD_RE})\s+({_MONTH_RE})(?:\s+(\d{{4}}))?(?![\w])", re.IGNORECASE)),
    # 3.3.2023, 15.03.2023 (Finland-Swedish/German style). A four-digit year is required so that
    # section numbers ("punkt 4.4.12") and times ("18.00") are not read as dates.
    ("dotted", re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d|\.\d)")),
    # 4/3, 9-10/9 (range: first day), 7/2 2023, 3/3 2023, 4/3/2015; not 2/3/1 (vote counts)
    ("slash", re.compile(r"(?<![\d/.,-])(\d{1,2})(?:-\d{1,2})?/(\d{1,2})"
                         r"(?:[/-](\d{4}|\d{2})|[ \t]((?:19|20)\d{2}))?(?![\d/])")),
]


def _mk(year: int | None, month: int, day: int, base: Date | None, forward: bool) -> Date | None:
    explicit = year is not None
    if year is None:
        if base is None:
            return None  # no year and nothing to borrow it from: refuse to guess
        year = base.year
    elif year < 100:
        year += 2000
    try:
        d = Date(year, month, day)
    except ValueError:
        return None
    if not explicit and forward and base is not None and d < base:
        # "Nästa möte den 4 februari" written in November means next February.
        try:
            d = d.replace(year=d.year + 1)
        except ValueError:
            return None
    return d


def slash_month_first(text: str) -> bool:
    """Whether the numeric dates of a document are month-first (US "06/22/2017").

    Day-first is the default: "4/3" is 4 March in Swedish and most European minutes. A document
    is read month-first only when it contains a slash date that is impossible day-first
    ("06/22/2017") and none that is impossible month-first ("22/06/2017"); then its ambiguous
    dates ("07/06/2017") are read month-first as well. Mixed or no evidence: day-first."""
    us = eu = False
    for m in _SLASH_PAIR.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        us |= a <= 12 < b <= 31
        eu |= b <= 12 < a <= 31
        if us and eu:
            return False
    return us


_SLASH_PAIR = re.compile(r"(?<![\d/.,-])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?![\d/])")


def find_dates(text: str, *, base: Date | None = None, forward: bool = False,
               month_first: bool = False) -> list[tuple[Date, tuple[int, int]]]:
    """All dates in ``text`` with their spans, in text order. Overlapping matches are dropped in
    favour of the earlier/longer one (an ISO date is not also read as "4/3").

    Numeric "a/b" dates are day-first unless ``month_first`` (see :func:`slash_month_first`);
    either way, an order that gives no valid date falls back to the other ("06/22/2017")."""
    found: list[tuple[Date, tuple[int, int]]] = []
    # One flag per character instead of a list of taken spans: checking overlap stays linear
    # when a long document holds thousands of dates.
    taken = bytearray(len(text))
    for kind, pat in _PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span()
            if any(taken[s:e]):
                continue
            g = m.groups()
            if kind == "iso":
                if len(g) == 4:  # 2023.03.03: group 2 is the separator
                    g = (g[0], g[2], g[3])
                y, mo, d = int(g[0]), int(g[1]), int(g[2])
            elif kind == "dotted":
                d, mo, y = int(g[0]), int(g[1]), int(g[2])
            elif kind == "dmy":
                d, mo, y = int(g[0]), MONTHS[g[1].lower()], (int(g[2]) if g[2] else None)
            elif kind == "mdy":
                mo, d, y = MONTHS[g[0].lower()], int(g[1]), (int(g[2]) if g[2] else None)
                # "may be", "mar" etc. as ordinary words: demand the capital for short English words
                if g[0].lower() in ("may", "mar", "jan", "dec") and not g[0][0].isupper():
                    continue
            elif kind == "word":
                d, mo, y = ORDINAL_WORDS[g[0].lower()], MONTHS[g[1].lower()], (int(g[2]) if g[2] else None)
            else:  # slash: day/month unless the document is month-first (see slash_month_first)
                d, mo = int(g[0]), int(g[1])
                if month_first:
                    d, mo = mo, d
                ys = g[2] or g[3]
                y = int(ys) if ys else None
                if mo > 12 and d <= 12:  # impossible in this order, the other one is meant
                    d, mo = mo, d
            date = _mk(y, mo, d, base, forward)
            if date is None:
                continue
            found.append((date, (s, e)))
            taken[s:e] = b"\x01" * (e - s)
    found.sort(key=lambda x: x[1][0])
    return found


def parse_date(s: str, *, base: Date | None = None, forward: bool = False) -> Date | None:
    """The first date expressed in ``s`` (e.g. "den 10 november 2021", "June 22, 2017",
    "28/6"), or None. A date without a year takes the year of ``base``; with ``forward`` it
    rolls into the next year when it would fall before ``base``."""
    if not s:
        return None
    hits = find_dates(s, base=base, forward=forward)
    return hits[0][0] if hits else None


def has_explicit_year(text: str, span: tuple[int, int]) -> bool:
    """Whether the date expression at ``span`` states its year (so it can date a meeting):
    four digits, or a two-digit year closing a numeric date ("3/3/23")."""
    q = text[span[0]:span[1]]
    return re.search(r"\d{4}|\d[/.-]\d{1,2}[/.-]\d{2}$", q) is not None


_FN_PATTERNS = [
    re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)"),  # 2019-09-04, 20211110
    re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})(?!\d)"),  # styrelsemote_190904 (YYMMDD)
]


def date_from_filename(name: str) -> Date | None:
    """Date encoded in a file name: "2019-09-04-x.md", "styrelsemote_190904.md", "20211110_x.txt",
    and written-out dates with a year ("Styrelsemöte 15 mars 2023.docx")."""
    base = os.path.basename(name.replace("\\", "/"))
    for pat in _FN_PATTERNS:
        for m in pat.finditer(base):
            y, mo, d = (int(x) for x in m.groups())
            if y < 100:
                y += 2000
            try:
                return Date(y, mo, d)
            except ValueError:
                continue
    for d, _ in find_dates(os.path.splitext(base)[0]):  # only dates with a year: no base given
        return d
    return None
