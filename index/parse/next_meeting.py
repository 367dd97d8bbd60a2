"""The statement of the next meeting ("Nästa möte: 4 februari kl. 13", "Next meeting in two
weeks", "Efter sommaren") and the date it gives, resolved against the meeting's own date."""
from __future__ import annotations

import datetime as dt
import re

from index.dates import find_dates, slash_month_first
from index.models import Meeting, NextMeeting
from index.sections import Heading, Line, norm_heading, strip_span
from index.sentences import sentence_spans
from index.vocab import NEXT_MEETING_HEADINGS, NUMBER_WORDS, WEEKDAYS, alternation

_NEXT_H = re.compile(rf"^{alternation(NEXT_MEETING_HEADINGS)}\b")
# Words that say the date is not fixed yet.
_VAGUE = re.compile(r"""(?ix)\b(
    tbd | tba | to\ be\ (decided|determined|announced) | later
  | bestäm\w*                # "bestäms senare", "bestämmer vi"
  | senare | efter\ sommaren | i\ höst | i\ vår | framtiden | oklart
)\b""")
_IN_WEEKS = re.compile(rf"(?i)\b(?:om|in)\s+(\d+|{'|'.join(NUMBER_WORDS)})\s+(?:veckor|vecka|weeks?)\b")
_RANGE = re.compile(r"(?i)\b(?:om|in)\s+(\w+)\s*[-–]\s*(\w+)\s+(?:veckor|weeks)")
_NEXT_WEEK = re.compile(r"(?i)\b(nästa vecka|next week)\b")
_INLINE = re.compile(r"(?i)\b(nästa\s+(?:\w*möte|sammanträde)|next\s+(?:[\w-]+\s+){0,2}meeting)\b")


_IN_DAYS = re.compile(r"(?i)\b(?:om|in)\s+(\d{1,2})\s+(?:dagar|days)\b")


def resolve_next(quote: str, base: dt.date | None, month_first: bool = False) -> tuple[str | None, bool, bool]:
    """(iso date, vague, relative) for a next-meeting statement, resolved against ``base``."""
    dates = [d for d, _ in find_dates(quote, base=base, forward=True, month_first=month_first)]
    distinct = sorted(set(dates))
    if len(distinct) > 1 and re.search(r"(?i)\b(eller|or)\b", quote):
        return None, True, False  # alternatives: "tisdag 24 maj eller onsdag 25 maj"
    if dates:
        return dates[0].isoformat(), False, False
    if base is not None and not _RANGE.search(quote):
        days = _IN_DAYS.search(quote)
        if days:  # "om 14 dagar"
            return (base + dt.timedelta(days=int(days.group(1)))).isoformat(), False, True
        w = _IN_WEEKS.search(quote)
        if w:
            n = int(w.group(1)) if w.group(1).isdigit() else NUMBER_WORDS[w.group(1).lower()]
            return (base + dt.timedelta(weeks=n)).isoformat(), False, True
        if _NEXT_WEEK.search(quote):
            day = re.search(r"(?i)\b(" + "|".join(WEEKDAYS) + r")\b", quote)
            if day:  # "Tisdag nästa vecka": that weekday in the week after the meeting's week
                monday = base - dt.timedelta(days=base.weekday())
                d = monday + dt.timedelta(days=7 + WEEKDAYS[day.group(1).lower()])
            else:
                d = base + dt.timedelta(days=7)
            return d.isoformat(), False, True
    return None, True, False


def _paragraphs(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    pos = s
    for piece in re.split(r"(\n[ \t\u00a0]*\n)", text[s:e]):
        ps, pe = strip_span(text, pos, pos + len(piece))
        pos += len(piece)
        if pe > ps and not text[ps:pe].startswith(("%", "\\")) and not re.fullmatch(r"\n[ \t\u00a0]*\n", piece):
            out.append((ps, pe))
    return out


def _timing(text: str, s: int, e: int, base, mf: bool = False) -> bool:
    q = text[s:e]
    # Without a meeting date a year-less "12 april" cannot be resolved, but it still says when:
    # detect it against a stand-in year.
    probe = base or dt.date(2000, 1, 1)
    return bool(find_dates(q, base=probe, forward=True, month_first=mf) or _IN_WEEKS.search(q)
                or _NEXT_WEEK.search(q) or _RANGE.search(q) or _IN_DAYS.search(q))


def read_next_meeting(m: Meeting, text: str, ls: list[Line], hs: list[Heading]) -> None:
    base = dt.date.fromisoformat(m.date) if m.date else None
    mf = slash_month_first(text)
    span = None
    for i, h in enumerate(hs):
        if not _NEXT_H.match(norm_heading(h.title)):
            continue
        stop = hs[i + 1].start if i + 1 < len(hs) else len(text)
        paras = _paragraphs(text, h.end, stop)
        if not paras:
            continue
        span = next((p for p in paras if _timing(text, *p, base, mf)), paras[0])
        if span[1] - span[0] > 300:  # long paragraph: the sentence that carries the timing
            sents = sentence_spans(text, *span)
            span = next((x for x in sents if _timing(text, *x, base, mf)), sents[0])
        break
    if span is None:
        for ln in ls:
            if ln.blank or not _INLINE.search(ln.text):
                continue
            for s, e in sentence_spans(text, ln.start, ln.end):
                kw = _INLINE.search(text[s:e])
                if not kw:
                    continue
                if _timing(text, s + kw.end(), e, base, mf) or _VAGUE.search(text[s + kw.end():e]):
                    span = (s, e)
                    break
            if span:
                break
    if span is None:
        return
    s, e = span
    mark = re.match(r"[-*+•]\s+", text[s:e])  # "- Om två-tre veckor." quotes without the bullet
    if mark:
        s += mark.end()
    quote = text[s:e]
    date, vague, relative = resolve_next(quote, base, mf)
    if date and _VAGUE.search(quote) and not find_dates(quote, base=base, forward=True, month_first=mf):
        date, vague, relative = None, True, False
    m.next_meeting = NextMeeting(quote=quote, span=(s, e), date=date, vague=vague, relative=relative)
