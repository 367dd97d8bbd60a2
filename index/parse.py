"""Minutes text -> :class:`Meeting`: title, date, attendees, chair/secretary, next meeting.

Every extracted fact keeps its span so answers can quote it. The parser never raises on odd
input: each extractor is guarded and the meeting keeps whatever could be found.
"""
from __future__ import annotations

import datetime as dt
import logging
import re

from index.dates import date_from_filename, find_dates, has_explicit_year
from index.models import Meeting, NextMeeting, Person
from index.people import latex_people, looks_like_name, parse_entry, parse_name_list
from index.sections import Heading, Line, headings, latex_body_start, lines, norm_heading, strip_span

log = logging.getLogger(__name__)

# Section headings, matched against the normalised heading text.
_ABSENT_H = re.compile(r"^(frånvarande|ej närvarande|regrets|absent|apologies|anmält förhinder|anmälda förhinder"
                       r"|förhinder|excused)\b")
_INVITED_H = re.compile(r"^(kallade|inbjudna|invited)\b")
_PRESENT_H = re.compile(r"^(närvarande|deltagare|present|attendees|attendance|in attendance|participants)"
                        r"(\s+[\w-]+){0,2}$")
_NEXT_H = re.compile(r"^(nästa (\w*möte|sammanträde)|next ([\w-]+ ){0,3}meetings?|upcoming meetings?"
                     r"|kommande möten?)\b")
_MEETING_WORD = re.compile(r"möte|protokoll|minnesanteckning|sammanträde|stämma|meeting|minutes", re.I)


def parse_meeting(text: str, source: str) -> Meeting:
    m = Meeting(source=source.replace("\\", "/"))
    if not text or not text.strip():
        _filename_date(m)
        return m
    ls = lines(text)
    hs = headings(text, ls)
    for step in (_title, _date, _people, _next_meeting, _roles, _language):
        try:
            step(m, text, ls, hs)
        except Exception:  # one odd construct must not lose the rest of the meeting
            log.exception("parse step %s failed on %s", step.__name__, source)
    return m


# ---------------------------------------------------------------- title

def _title(m: Meeting, text: str, ls: list[Line], hs: list[Heading]) -> None:
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
    cands = [ln for ln in first if len(ln.text) <= 200]
    pick = next((ln for ln in cands if _MEETING_WORD.search(ln.text)), cands[0] if cands else None)
    if pick:
        s, e = pick.start, pick.end
        # a leading markdown/numbering mark is not part of the title
        s += len(re.match(r"^[#*\s]*", pick.text).group())
        m.title, m.title_span = text[s:e], (s, e)


# ---------------------------------------------------------------- date

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


def _date(m: Meeting, text: str, ls: list[Line], hs: list[Heading]) -> None:
    cands: list[tuple[int, int]] = []
    d = re.search(r"\\date\{([^{}]*)\}", text)
    if d:
        cands.append(d.span(1))
    for lab in re.finditer(r"(?im)^\W*(datum|date|mötesdatum)\W*:\s*(.+)$", text):
        cands.append(lab.span(2))
    if m.title_span:
        cands.append(m.title_span)
    body = latex_body_start(text)
    cands.append((body, _header_end(text, ls, hs)))
    for s, e in cands:
        for date, (ds, de) in find_dates(text[s:e]):
            if has_explicit_year(text, (s + ds, s + de)):
                m.date, m.date_span, m.date_origin = date.isoformat(), (s + ds, s + de), "text"
                return
    if _filename_date(m):
        return
    for date, span in find_dates(text[body:]):  # last resort: any full date in the body
        if has_explicit_year(text, (body + span[0], body + span[1])):
            m.date, m.date_span, m.date_origin = date.isoformat(), (body + span[0], body + span[1]), "text"
            return


def _filename_date(m: Meeting) -> bool:
    d = date_from_filename(m.source)
    if d:
        m.date, m.date_span, m.date_origin = d.isoformat(), None, "filename"
    return d is not None


# ---------------------------------------------------------------- attendees

def _block_entries(text: str, ls: list[Line], start: int, stop: int) -> list[Person]:
    """People listed between ``start`` (end of the heading) and ``stop`` (next heading). The list
    may be split by blank lines; it ends at the first line that is not a person entry."""
    out: list[Person] = []
    for ln in ls:
        if ln.start < start or ln.blank:
            continue
        if ln.start >= stop:
            break
        if ln.start - ln.raw_start >= 2 and re.match(r"[-*+•]\s", ln.text):
            continue  # indented sub-bullet under a person ("  * Working on: ...")
        if ln.text.startswith(("-", "*", "+", "•")) or re.match(r"\d{1,3}[.)]\s", ln.text):
            p = parse_entry(text, ln.start, ln.end)
            if p is None:
                break
            out.append(p)
            continue
        names = parse_name_list(text, ln.start, ln.end)
        if names:
            out.extend(names)
            continue
        p = parse_entry(text, ln.start, ln.end)
        if p is None or (len(p.name.split()) < 2 and not p.detail):
            break  # prose after the list
        out.append(p)
    return out


def _people(m: Meeting, text: str, ls: list[Line], hs: list[Heading]) -> None:
    present_blocks: list[tuple[int, list[Person]]] = []
    for i, h in enumerate(hs):
        key = norm_heading(h.title)
        stop = hs[i + 1].start if i + 1 < len(hs) else len(text)
        if _ABSENT_H.match(key):
            m.absent.extend(_block_entries(text, ls, h.end, stop))
        elif _INVITED_H.match(key):
            m.invited.extend(_block_entries(text, ls, h.end, stop))
        elif _PRESENT_H.match(key):
            ps = _block_entries(text, ls, h.end, stop)
            if ps:
                present_blocks.append((h.start, ps))
    # "Närvarande: A, B, C" on one line
    for lab in re.finditer(r"(?im)^[ \t*_]*(närvarande|deltagare|present|attendees|kallade|frånvarande|"
                           r"regrets|absent|anmält förhinder)[*_]*[ \t]*:[*_]*[ \t]*(\S.*)$", text):
        if any(h.start <= lab.start() < h.end for h in hs):
            continue
        s, e = strip_span(text, *lab.span(2))
        ps = parse_name_list(text, s, e) or ([p] if (p := parse_entry(text, s, e)) else [])
        key = lab.group(1).lower()
        if key in ("kallade",):
            m.invited.extend(ps)
        elif key in ("frånvarande", "regrets", "absent", "anmält förhinder"):
            m.absent.extend(ps)
        elif ps:
            present_blocks.append((lab.start(), ps))
    if "\\förtroendevald" in text or "\\medlem" in text:
        pres, absn = latex_people(text)
        m.absent.extend(absn)
        if pres:
            start = min(p.span[0] for p in pres + absn)
            env = text.rfind("\\begin{närvarande", 0, start)
            if env != -1 and start - env < 200:
                start = env
                lab = text.rfind("\\textbf{", 0, start)
                if lab != -1 and "\n" not in text[lab:start].strip():
                    start = lab
            present_blocks.append((start, pres))
    if not present_blocks:
        return
    present_blocks.sort(key=lambda b: b[0])
    seen: set[tuple[int, int]] = set()
    for _, ps in present_blocks:
        for p in ps:
            if p.span not in seen:
                seen.add(p.span)
                m.attendees.append(p)
    end = max(p.span[1] for p in m.attendees)
    end_env = re.match(r"\s*\\end\{närvarande[^}]*\}", text[end:])
    if end_env:
        end += end_env.end()
    m.attendees_span = (present_blocks[0][0], end)


# ---------------------------------------------------------------- chair / secretary

_NAME = r"((?:[A-ZÅÄÖÉÜ][\w'’-]+)(?:[ \t]+(?:[A-ZÅÄÖÉÜ][\w'’.-]*|af|von|van|de|du|der))*)"
_CHAIR_LABEL = re.compile(r"(?im)^[ \t*_\-]*(mötesordförande|ordförande|ordf\.?|chair(?:person)?|facilitator)"
                          r"[*_]*[ \t]*:[*_]*[ \t]*" + _NAME)
_SECR_LABEL = re.compile(r"(?im)^[ \t*_\-]*(mötessekreterare|sekreterare|protokollförare|secretary|minutes|"
                         r"note[- ]?taker|notes)[*_]*[ \t]*:[*_]*[ \t]*" + _NAME)
_ELECTED = r"\s+(?:utses|väljs|valdes|utsågs)\s+till\s+"
_OPENER = [
    re.compile(r"(?i)mötet\s+(?:öppnas|öppnades|förklaras öppnat)\b[^\n]{0,40}?\bav\s+" + _NAME.replace("(?:[A-Z", "(?-i:[A-Z")),
    re.compile(_NAME + r"[^.\n]{0,60}?\böppnade\s+mötet"),
    re.compile(r"(?i)meeting\s+(?:was\s+)?(?:opened|called to order)\s+by\s+" + _NAME.replace("(?:[A-Z", "(?-i:[A-Z")),
]


def _person_at(text: str, m: re.Match, g: int) -> Person | None:
    name = m.group(g).strip().rstrip(".,:;")
    if not looks_like_name(name):
        return None
    s, e = strip_span(text, m.start(), m.end())
    return Person(name=name, span=(s, e))


def _roles(m: Meeting, text: str, ls: list[Line], hs: list[Heading]) -> None:
    def from_list(word: re.Pattern) -> Person | None:
        return next((p for p in m.attendees if p.detail and word.search(p.detail)), None)

    chair_word = re.compile(r"(?i)(?<!vice )(?<!vice)\b(mötes)?ordförande\b|\bchair\b|\bfacilitator\b")
    secr_word = re.compile(r"(?i)\b(mötes)?sekreterare\b|\bsecretary\b|\bnote[- ]?taker\b")
    lab = _CHAIR_LABEL.search(text)
    m.chair = (_person_at(text, lab, 2) if lab else None) or from_list(chair_word)
    if m.chair is None:
        el = re.search(_NAME + _ELECTED + r"mötesordförande", text)
        m.chair = _person_at(text, el, 1) if el else None
    if m.chair is None:
        for pat in _OPENER:
            op = pat.search(text)
            if op and (p := _person_at(text, op, 1)):
                m.chair = p
                break
    lab = _SECR_LABEL.search(text)
    m.secretary = (_person_at(text, lab, 2) if lab else None) or from_list(secr_word)
    if m.secretary is None:
        el = re.search(_NAME + _ELECTED + r"(?:mötes|protokoll)?sekreterare", text)
        m.secretary = _person_at(text, el, 1) if el else None


# ---------------------------------------------------------------- next meeting

_VAGUE = re.compile(r"(?i)\b(tbd|tba|bestäm\w*|senare|efter sommaren|i höst|i vår|framtiden|oklart|"
                    r"later|to be (decided|determined|announced))\b")
_NUM = {"en": 1, "ett": 1, "one": 1, "a": 1, "två": 2, "two": 2, "tre": 3, "three": 3, "fyra": 4, "four": 4}
_IN_WEEKS = re.compile(r"(?i)\b(?:om|in)\s+(\d+|en|ett|två|tre|fyra|one|a|two|three|four)\s+(?:veckor|vecka|weeks?)\b")
_RANGE = re.compile(r"(?i)\b(?:om|in)\s+(\w+)\s*[-–]\s*(\w+)\s+(?:veckor|weeks)")
_NEXT_WEEK = re.compile(r"(?i)\b(nästa vecka|next week)\b")
_WEEKDAYS = {"måndag": 0, "tisdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lördag": 5, "söndag": 6,
             "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_INLINE = re.compile(r"(?i)\b(nästa\s+(?:\w*möte|sammanträde)|next\s+(?:[\w-]+\s+){0,2}meeting)\b")


def resolve_next(quote: str, base: dt.date | None) -> tuple[str | None, bool, bool]:
    """(iso date, vague, relative) for a next-meeting statement, resolved against ``base``."""
    dates = [d for d, _ in find_dates(quote, base=base, forward=True)]
    distinct = sorted(set(dates))
    if len(distinct) > 1 and re.search(r"(?i)\b(eller|or)\b", quote):
        return None, True, False  # alternatives: "tisdag 24 maj eller onsdag 25 maj"
    if dates:
        return dates[0].isoformat(), False, False
    if base is not None and not _RANGE.search(quote):
        w = _IN_WEEKS.search(quote)
        if w:
            n = int(w.group(1)) if w.group(1).isdigit() else _NUM[w.group(1).lower()]
            return (base + dt.timedelta(weeks=n)).isoformat(), False, True
        if _NEXT_WEEK.search(quote):
            day = re.search(r"(?i)\b(" + "|".join(_WEEKDAYS) + r")\b", quote)
            if day:  # "Tisdag nästa vecka": that weekday in the week after the meeting's week
                monday = base - dt.timedelta(days=base.weekday())
                d = monday + dt.timedelta(days=7 + _WEEKDAYS[day.group(1).lower()])
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


def _sentences(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    pos = s
    for piece in re.split(r"(?<=[.!?])\s+|\n", text[s:e]):
        i = text.index(piece, pos) if piece else pos
        ps, pe = strip_span(text, i, i + len(piece))
        pos = i + len(piece)
        if pe > ps:
            out.append((ps, pe))
    return out


def _timing(text: str, s: int, e: int, base) -> bool:
    q = text[s:e]
    return bool(find_dates(q, base=base, forward=True) or _IN_WEEKS.search(q) or _NEXT_WEEK.search(q)
                or _RANGE.search(q))


def _next_meeting(m: Meeting, text: str, ls: list[Line], hs: list[Heading]) -> None:
    base = dt.date.fromisoformat(m.date) if m.date else None
    span = None
    for i, h in enumerate(hs):
        if not _NEXT_H.match(norm_heading(h.title)):
            continue
        stop = hs[i + 1].start if i + 1 < len(hs) else len(text)
        paras = _paragraphs(text, h.end, stop)
        if not paras:
            continue
        span = next((p for p in paras if _timing(text, *p, base)), paras[0])
        if span[1] - span[0] > 300:  # long paragraph: the sentence that carries the timing
            sents = _sentences(text, *span)
            span = next((x for x in sents if _timing(text, *x, base)), sents[0])
        break
    if span is None:
        for ln in ls:
            if ln.blank or not _INLINE.search(ln.text):
                continue
            for s, e in _sentences(text, ln.start, ln.end):
                kw = _INLINE.search(text[s:e])
                if not kw:
                    continue
                after = find_dates(text[s + kw.end():e], base=base, forward=True)
                if after or _timing(text, s + kw.end(), e, base) or _VAGUE.search(text[s + kw.end():e]):
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
    date, vague, relative = resolve_next(quote, base)
    if date and _VAGUE.search(quote) and not find_dates(quote, base=base, forward=True):
        date, vague, relative = None, True, False
    m.next_meeting = NextMeeting(quote=quote, span=(s, e), date=date, vague=vague, relative=relative)


# ---------------------------------------------------------------- language

_SV = set("och att det som är för på med till av inte vi har om den ett de var ska kan från också mötet".split())
_EN = set("the and to of is for that we on with be this are will it was have from not meeting".split())


def _language(m: Meeting, text: str, ls, hs) -> None:
    words = re.findall(r"[a-zåäö]+", text.lower())
    sv = sum(w in _SV for w in words)
    en = sum(w in _EN for w in words)
    m.language = "en" if en > sv else "sv"
