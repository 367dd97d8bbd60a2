"""Minutes text -> :class:`Meeting`: title, date, attendees, chair/secretary, next meeting.

Every extracted fact keeps its span so answers can quote it. The parser never raises on odd
input: each extractor is guarded and the meeting keeps whatever could be found.
"""
from __future__ import annotations

import bisect
import datetime as dt
import logging
import re

from index.dates import date_from_filename, find_dates, has_explicit_year, slash_month_first
from index.models import Meeting, NextMeeting, Person
from index.people import (is_bullet, is_collective, is_table_furniture, latex_people, looks_like_name,
                          parse_entry, parse_name_list, top_level_parts)
from index.sections import Heading, Line, headings, latex_body_start, lines, norm_heading, strip_span

log = logging.getLogger(__name__)

# Section headings, matched against the normalised heading text.
_ABSENT_H = re.compile(r"^(frånvarande|ej närvarande|inte närvarande|regrets|absent|absentees|apologies"
                       r"|anmält förhinder|anmälda förhinder|förhinder|excused|not present|sent regrets)\b")
_INVITED_H = re.compile(r"^(kallade|inbjudna|invited)\b")
# A qualifier after "Kallade"/"Invited" saying they did not come.
_NOT_THERE = re.compile(r"\b(frånvarande|(ej|inte|icke|not)[ ,]+(närvarande|present|attending|deltagande|deltog|deltagit"
                        r"|kommit|närvarat|attended|come)|deltog[ ,]+(ej|inte)|absent|förhinder|regrets|apologies"
                        r"|excused|did not (attend|come))\b")
_PRESENT_H = re.compile(r"^(närvarande|deltagare|närvaro|present|attendees|attendance|in attendance|attending"
                        r"|participants|members present|also present|övriga närvarande|övriga deltagare"
                        r"|adjungerade?|guests|gäster)(\s+[\w-]+){0,2}$")
# Header fields that end an attendee list written without blank lines ("Ordförande: ...").
_FIELD = re.compile(r"^(datum|date|tid|time|when|när|plats|place|location|lokal|venue|ort|"
                    r"(mötes)?ordförande|ordf|mötesledare|chair\w*|facilitator|moderator|(mötes|protokoll)?sekreterare"
                    r"|sekr|protokollförare|justerare|justeringsm\w+|protokolljusterare|secretary|minutes|"
                    r"minute[- ]?taker|note[- ]?taker|scribe|dagordning|agenda|ärende|bilagor?)\b")
# "Label: rest" at the start of a stripped line; the label is short and starts with a letter.
# Bullets, quote marks and Markdown emphasis may stand before it ("* **Present:** A", "> __Chair__: B").
_LABEL = re.compile(r"^[>*_+•–—\- \t]*([^\W\d_][^:\n]{0,40}?)[ \t*_]*:[*_]*[ \t]*")
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
    # "Mötesordförande: Anna Berg" or "§ 1 Mötets öppnande" contain a meeting word but are not
    # the title.
    cands = [ln for ln in first if len(ln.text) <= 200 and not ln.text.startswith("§") and not _field_line(ln.text)]
    pick = next((ln for ln in cands if _MEETING_WORD.search(ln.text)), cands[0] if cands else None)
    if pick:
        s, e = pick.start, pick.end
        if _GENERIC_TITLE.match(pick.text):
            s, e = _specific_title(text, ls, pick, cands)
        # a leading markdown/numbering mark is not part of the title
        s += len(re.match(r"^[#*\s]*", text[s:e]).group())
        m.title, m.title_span = text[s:e], (s, e)


# A title that says only what kind of document this is: "PROTOKOLL", "Minnesanteckningar",
# "Mötesprotokoll nr 4", "Meeting minutes".
_GENERIC_TITLE = re.compile(
    r"(?i)^[#*_\s]*(?:(?:möte|mötes|sammanträdes)?protokoll|(?:mötes|minnes)?anteckningar|protocol|(?:meeting\s+)?minutes"
    r"|(?:meeting\s+)?notes)(?:\s+(?:nr\.?|no\.?|#)?\s*[\d/.-]+)?[\s:.*_]*$")


def _specific_title(text: str, ls: list[Line], generic: Line, cands: list[Line]) -> tuple[int, int]:
    """Span of the title when the first line is generic ("PROTOKOLL"): the next line when it
    names the meeting ("Styrelsemöte i Föreningen X 2023-03-03"); both lines when the next one
    names only the body and follows directly ("PROTOKOLL" / "Föreningen X"), so the span stays
    one contiguous piece of the text; the generic line when nothing specific follows."""
    i = next(k for k, ln in enumerate(ls) if ln.start == generic.start)
    j = i + 1
    while j < len(ls) and ls[j].blank:
        j += 1
    if j >= len(ls) or not any(ln.start == ls[j].start for ln in cands):
        return generic.start, generic.end
    nxt = ls[j]
    if _GENERIC_TITLE.match(nxt.text) or not _names_something(nxt.text):
        return generic.start, generic.end
    if _MEETING_WORD.search(nxt.text) or j > i + 1 or len(generic.text) > 40 or len(nxt.text) > 80:
        return nxt.start, nxt.end
    return generic.start, nxt.end


def _names_something(t: str) -> bool:
    """Whether a line names a body or meeting, rather than only giving a date ("den 3 mars 2023",
    "Tisdag 2023-03-03")."""
    rest = t
    for _, (ds, de) in sorted(find_dates(t), key=lambda d: -d[1][0]):
        rest = rest[:ds] + " " + rest[de:]
    words = [w for w in re.findall(r"[^\W\d_]{2,}", rest) if w.lower() not in _WEEKDAYS]
    return bool(_MEETING_WORD.search(rest)) or any(w[0].isupper() for w in words)


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
    # [^\w\n]* rather than \W*: \W also matches newlines, and on a long run of blank lines every
    # line start would rescan the whole run.
    for lab in re.finditer(r"(?im)^[^\w\n]*(?:datum|date|mötesdatum|sammanträdesdatum|meeting date|tid|time|when|när)"
                           r"\b[^:\n]{0,20}:[ \t]*(\S.*)$", text):
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
    if _filename_date(m):
        return
    for date, span in find_dates(text[body:], month_first=mf):  # last resort: any full date in the body
        if has_explicit_year(text, (body + span[0], body + span[1])):
            m.date, m.date_span, m.date_origin = date.isoformat(), (body + span[0], body + span[1]), "text"
            return


def _filename_date(m: Meeting) -> bool:
    d = date_from_filename(m.source)
    if d:
        m.date, m.date_span, m.date_origin = d.isoformat(), None, "filename"
    return d is not None


# ---------------------------------------------------------------- attendees

def _list_kind(label: str) -> str | None:
    """"present" / "absent" / "invited" for a list label or heading ("Närvarande (5)",
    "**Regrets**", "§ 2 Närvarande ledamöter"), else None."""
    key = norm_heading(re.sub(r"\([^()]*\)", " ", label))
    key = re.sub(r"[\d.]+", " ", key).strip()
    if _ABSENT_H.match(key):
        return "absent"
    if _INVITED_H.match(key):
        # "Kallade men ej närvarande", "Kallade, ej närvarande", "Invited but absent": invited
        # people who did not come are absent.
        return "absent" if _NOT_THERE.search(key) else "invited"
    if _PRESENT_H.match(key):
        return "present"
    return None


def _field_line(t: str) -> bool:
    """A "Label: value" line whose label is a list or header field ("Plats: ...", "Chair: X")."""
    lab = _LABEL.match(t)
    if not lab:
        return False
    return bool(_list_kind(lab.group(1)) or _FIELD.match(norm_heading(lab.group(1))))


def _block_entries(text: str, ls: list[Line], start: int, stop: int, *, until_blank: bool = False) -> list[Person]:
    """People listed between ``start`` (end of the heading/label) and ``stop`` (next heading).
    The list may be split by blank lines (unless ``until_blank``: a list under a bare
    "Närvarande:" label, with no heading to end it); it ends at the first line that is not a
    person entry, or at another field label."""
    first = _first_line(ls, start)
    block: list[Line] = []
    for ln in ls[first:]:
        if ln.start >= stop:
            break
        if ln.blank:
            if until_blank and block:
                break
            continue
        if _field_line(ln.text) or (not is_bullet(ln.text) and _list_kind(ln.text.rstrip(":")) and len(ln.text) < 40):
            break
        block.append(ln)
        if len(block) > 2000:  # no real attendee list is longer; bounds the work on odd input
            break
    # A block of "Name, Organisation" lines (a Word table) is a table even when a line's
    # organisation happens to look like a name ("Anna Berg, Region Skåne").
    pairs = sum(1 for ln in block[:50] if _comma_pair(text, ln))
    tabular = pairs >= 2
    out: list[Person] = []
    style = None
    prev_end = None
    indent = None  # of the list's first line: a list nested under "* **Present:**" is indented as a whole
    for ln in block:
        if indent is None:
            indent = ln.start - ln.raw_start
        elif ln.start - ln.raw_start >= indent + 2 and re.match(r"[-*+•]\s", ln.text):
            continue  # indented sub-bullet under a person ("  * Working on: ...")
        if is_table_furniture(ln.text):
            continue  # "|---|---|", "Namn | Roll", "Namn, Organisation"
        new_style = ("bullet" if is_bullet(ln.text) else "number" if re.match(r"\d{1,3}[.)]\s", ln.text)
                     else "table" if ln.text.startswith("|") else "plain")
        if style and new_style != style and prev_end is not None and re.search(r"\n[ \t\r\u00a0]*\n", text[prev_end:ln.start]):
            break  # "– Olle Lind" then, after a blank line, "1. Inledning": a new list, not people
        style, prev_end = new_style, ln.end
        if new_style != "plain":
            p = parse_entry(text, ln.start, ln.end)
            if p is None:
                break
            out.append(p)
            continue
        names = parse_name_list(text, ln.start, ln.end, pairs_are_entries=tabular)
        if names:
            out.extend(names)
            continue
        p = parse_entry(text, ln.start, ln.end)
        if p is None or (len(p.name.split()) < 2 and not p.detail):
            break  # prose after the list
        out.append(p)
    return out


def _bullet_len(t: str) -> int:
    """Length of the list bullet opening the stripped line ``t`` ("* ", "- "), 0 when none."""
    b = re.match(r"[-*+•●▪◦–—·][ \t]+", t)
    return b.end() if b else 0


def _first_line(ls: list[Line], pos: int) -> int:
    lo, hi = 0, len(ls)
    while lo < hi:
        mid = (lo + hi) // 2
        if ls[mid].start < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _comma_pair(text: str, ln: Line) -> bool:
    """"Anna Berg, Region Skåne": exactly two comma-separated parts, no "och"/"and"."""
    if "," not in ln.text or is_bullet(ln.text):
        return False
    parts, conj, semi = top_level_parts(text, ln.start, ln.end)
    return len(parts) == 2 and not conj and not semi


def _inline_entries(text: str, ls: list[Line], idx: int, s: int) -> tuple[list[Person], int]:
    """People after "Närvarande:" on line ``idx``, from ``s``. A list wrapped onto the next
    lines (the line ends with "," or "och") continues there. Returns (people, end offset)."""
    e = ls[idx].end
    k = idx
    while (re.search(r"(,|\boch|\band|&)$", text[s:e]) and k + 1 < len(ls) and not ls[k + 1].blank
           and not _field_line(ls[k + 1].text)):
        k += 1
        e = ls[k].end
    s, e = strip_span(text, s, e)
    if e <= s:
        return [], e
    ps = parse_name_list(text, s, e)
    if ps:
        return ps, e
    if k == idx:
        p = parse_entry(text, s, e)
        if p:
            return [p], e
    return [], e


def _dedupe(ps: list[Person]) -> list[Person]:
    """Each person once per list (a name copied twice into the list, a table repeated)."""
    seen: set[str] = set()
    out = []
    for p in ps:
        key = p.name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _people(m: Meeting, text: str, ls: list[Line], hs: list[Heading]) -> None:
    present_blocks: list[tuple[int, list[Person]]] = []
    lists = {"absent": m.absent, "invited": m.invited}
    # "Närvarande: Styrelsen": a group, no person; its span still lets an answer quote it.
    groups: list[tuple[int, int]] = []

    def group_at(label_start: int, s: int, e: int) -> None:
        s, e = strip_span(text, s, e)
        if e > s and is_collective(text[s:e]):
            groups.append((label_start, e))

    def add(kind: str, at: int, ps: list[Person]) -> None:
        if kind == "present":
            if ps:
                present_blocks.append((at, ps))
        else:
            lists[kind].extend(ps)

    # A stand-alone "Närvarande: Anna Berg" line may pass for a heading; it is a label with
    # its value, handled with the labels below.
    valued = {h.start for h in hs if (lab := _LABEL.match(h.title)) and lab.end() < len(h.title)}
    heading_lines = {h.start for h in hs} - valued
    for i, h in enumerate(hs):
        if h.start in valued:
            continue
        kind = _list_kind(h.title)
        if kind:
            stop = hs[i + 1].start if i + 1 < len(hs) else len(text)
            ps = _block_entries(text, ls, h.end, stop)
            add(kind, h.start, ps)
            k = _first_line(ls, h.end)
            while k < len(ls) and ls[k].blank:
                k += 1
            if kind == "present" and not ps and k < len(ls) and ls[k].start < stop:
                group_at(h.start, ls[k].start, ls[k].end)
    # Labels that are not headings: "Närvarande: A, B och C", or "Närvarande:" over a list
    # that follows without a blank line (so the section detector did not see a heading).
    starts = [h.start for h in hs]
    for idx, ln in enumerate(ls):
        if ln.blank or ln.start in heading_lines or len(ln.text) > 100_000:
            continue
        lab = _LABEL.match(ln.text)
        if lab:
            kind = _list_kind(lab.group(1))
            rest = ln.start + lab.end()
        elif len(ln.text) <= 40 and not is_bullet(ln.text):
            kind = _list_kind(ln.text) if len(ln.text.split()) <= 4 else None  # bare "Närvarande"
            rest = ln.end
        else:
            kind = None
        if not kind:
            continue
        ps, _ = _inline_entries(text, ls, idx, rest) if rest < ln.end else ([], ln.end)
        if len(ps) <= 1:  # nothing inline, or one "Name, role" entry that a list may follow
            k = bisect.bisect_right(starts, ln.start)
            stop = starts[k] if k < len(starts) else len(text)
            ps = ps + _block_entries(text, ls, ln.end, stop, until_blank=True)
        # the list's span starts at the label, after a bullet ("* **Present:** ..." -> "**Present:** ...")
        at = ln.start + _bullet_len(ln.text)
        add(kind, at, ps)
        if kind == "present" and not ps:
            if rest < ln.end:
                group_at(at, rest, ln.end)
            elif idx + 1 < len(ls) and not ls[idx + 1].blank:
                group_at(at, ls[idx + 1].start, ls[idx + 1].end)
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
    m.absent[:] = _dedupe(m.absent)
    m.invited[:] = _dedupe(m.invited)
    if not present_blocks:
        if groups:
            m.attendees_span = min(groups)
        return
    present_blocks.sort(key=lambda b: b[0])
    seen: set[tuple[int, int]] = set()
    for _, ps in present_blocks:
        for p in ps:
            if p.span not in seen:
                seen.add(p.span)
                m.attendees.append(p)
    m.attendees[:] = _dedupe(m.attendees)
    end = max(p.span[1] for p in m.attendees)
    end_env = re.match(r"\s*\\end\{närvarande[^}]*\}", text[end:end + 400])
    if end_env:
        end += end_env.end()
    m.attendees_span = (present_blocks[0][0], end)


# ---------------------------------------------------------------- chair / secretary

# A capitalised name of at most five words. Bounded on purpose: an unbounded repeat followed by
# more pattern backtracks quadratically over a long run of capitalised words.
_UP = "A-ZÅÄÖÉÜÆØÈÁÍÓÚÇŁŠŽ"
_NAME = (rf"((?-i:[{_UP}][\w'’-]+)(?:[ \t]+(?:(?-i:[{_UP}][\w'’.-]*)|af|von|van|de|du|der)){{0,4}})")
_CHAIR_L = r"(?:mötets[ \t]+)?(?:mötes)?ordförande(?:[ \t]+för[ \t]+(?:mötet|stämman))?|ordf\.?|mötesledare" \
           r"|chair(?:person|man|woman)?|chaired[ \t]+by|facilitator|moderator"
_SECR_L = r"(?:mötets[ \t]+)?(?:mötes|protokoll)?sekreterare(?:[ \t]+för[ \t]+mötet)?|sekr\.?|protokollförare" \
          r"|antecknare|secretary|minutes(?:[ \t]+taken[ \t]+by)?|minute[- ]?taker" \
          r"|note[- ]?taker|notes[ \t]+taken[ \t]+by|scribe|recorder"
# "Label: Name" at a line start, after ", " / "; " / " | " or after a sentence end on the same
# line ("Mötesordförande: Karin Holm. Sekreterare: Oskar Berg.").
_ROLE_LABEL = r"(?im)(?:^|[,;|][ \t]*|(?<=[.!?])[ \t]+)[ \t>*_•–-]*({})[*_]*[ \t]*:[*_]*[ \t]*"
_CHAIR_LABEL = re.compile(_ROLE_LABEL.format(_CHAIR_L))
_SECR_LABEL = re.compile(_ROLE_LABEL.format(_SECR_L))
# Where a labelled name ends: punctuation, a dash, a column gap, "och"/"and", the next label.
_NAME_END = re.compile(r"[,;(|/\t]|\s[-–—]\s|\s{2,}|\s(?:och|and)\s|\s\S+:|\.(?:\s|$)")
_ROLE_WORDS = {"ordförande", "ordf.", "ordf", "mötesordförande", "föreningens", "styrelsens", "mötets", "vice",
               "chair", "chairperson", "chairman", "chairwoman", "sekreterare", "secretary", "the"}

_ELECTED_TO = r"[ \t]+(?:utses|väljs|valdes|utsågs|valts|blev)[ \t]+(?:till|som)[ \t]+"
_CHOSE = r"(?i:(?:till|som)[ \t]+ROLE(?:[ \t]+för[ \t]+(?:mötet|stämman|årsmötet))?[ \t]+" \
         r"(?:valdes|utsågs|väljs|utses|valdes[ \t]+att[ \t]+leda[ \t]+mötet))[ \t]+" + _NAME
_CHAIR_ELECTED = [
    re.compile(_NAME + r"(?i:" + _ELECTED_TO + r"(?:mötes)?ordförande)"),
    re.compile(_CHOSE.replace("ROLE", "(?:mötes)?ordförande")),
    re.compile(r"(?i:(?:mötet|stämman|årsmötet)[ \t]+(?:valde|väljer|utsåg|utser))[ \t]+" + _NAME
               + r"(?i:[ \t]+(?:till|som)[ \t]+(?:mötes)?ordförande)"),
    re.compile(_NAME + r"(?i:[ \t]+(?:was[ \t]+)?(?:elected|appointed)[ \t]+(?:as[ \t]+)?(?:the[ \t]+)?chair)"),
    re.compile(_NAME + r"(?i:[ \t]+chaired[ \t]+the[ \t]+meeting)"),
]
_SECR_ELECTED = [
    re.compile(_NAME + r"(?i:" + _ELECTED_TO + r"(?:(?:mötes|protokoll)?sekreterare|protokollförare))"),
    re.compile(_CHOSE.replace("ROLE", "(?:(?:mötes|protokoll)?sekreterare|protokollförare)")),
    re.compile(r"(?i:(?:mötet|stämman|årsmötet)[ \t]+(?:valde|väljer|utsåg|utser))[ \t]+" + _NAME
               + r"(?i:[ \t]+(?:till|som)[ \t]+(?:(?:mötes|protokoll)?sekreterare|protokollförare))"),
    re.compile(_NAME + r"(?i:[ \t]+(?:was[ \t]+)?(?:elected|appointed)[ \t]+(?:as[ \t]+)?(?:the[ \t]+)?"
                       r"(?:secretary|minute[- ]?taker))"),
    re.compile(_NAME + r"(?i:[ \t]+took[ \t]+(?:the[ \t]+)?(?:minutes|notes))"),
]
# The sign-off of a Swedish protocol: "Vid protokollet" with the secretary's name below it.
_SIGN_OFF = re.compile(r"(?im)^[ \t]*vid[ \t]+protokollet[ \t:,]*\r?\n(?:[ \t]*\r?\n)?[ \t]*" + _NAME + r"[ \t]*\r?$")
_OPENER = [
    re.compile(r"(?i:mötet\s+(?:öppnas|öppnades|förklaras öppnat|förklarades öppnat)\b[^\n]{0,40}?\bav)\s+" + _NAME),
    # the name right before the verb: "Ordförande Anna Berg öppnade mötet", "Anna Berg förklarade
    # mötet öppnat"; a role word in front is dropped by _clean_name
    re.compile(_NAME + r"(?:[ \t]*\([^()\n]{0,40}\)|,[^,\n]{1,40},)?[ \t]+(?i:(?:öppnade|förklarade)[ \t]+"
                       r"(?:mötet|sammanträdet|stämman|årsmötet))"),
    re.compile(r"(?i:meeting\s+(?:was\s+)?(?:opened|called to order)\s+by)\s+" + _NAME),
    re.compile(_NAME + r"(?i:[ \t]+(?:opened|called)[ \t]+the[ \t]+meeting)"),
]


def _clean_name(name: str) -> str:
    words = name.strip().rstrip(".,:;").split()
    while len(words) > 1 and words[0].casefold() in _ROLE_WORDS:
        words = words[1:]  # "Ordförande Anna Berg" -> "Anna Berg"
    return " ".join(words)


def _person_at(text: str, m: re.Match, g: int) -> Person | None:
    name = _clean_name(m.group(g))
    if not looks_like_name(name) or name.casefold() in _ROLE_WORDS:
        return None
    s, e = strip_span(text, m.start(), m.end())
    return Person(name=name, span=(s, e))


_NAME_WORD_RUN = re.compile(rf"(?:[{_UP}][\w'’-]*|af|av|von|van|de|du|der|den|da|di|la|le|del)(?=\s|$)")


def _leading_name_end(text: str, s: int, e: int) -> int:
    """End of the capitalised name run that starts text[s:e] when prose follows it ("Anna Berg
    öppnade mötet" -> after "Berg"); ``s`` when there is no run of at least two words (one
    capitalised word before prose, "Ej närvarande", "Valdes av mötet", is no name)."""
    words = list(re.finditer(r"\S+", text[s:e]))
    n = 0
    for w in words[:5]:
        if not _NAME_WORD_RUN.fullmatch(w.group()) or (n == 0 and not w.group()[0].isupper()):
            break
        n += 1
    while n and not words[n - 1].group()[0].isupper():
        n -= 1  # a trailing particle ("Anna Berg de ...") is not part of the name
    if n < 2 or n == len(words):
        return s
    return s + words[n - 1].end()


def _labelled(text: str, pat: re.Pattern, m: Meeting) -> Person | None:
    """The person after the first "Chair: ..." style label whose value is a name."""
    for lab in pat.finditer(text):
        pos = lab.end()
        eol = text.find("\n", pos)
        eol = len(text) if eol == -1 else eol
        cut = _NAME_END.search(text, pos, eol)
        ne = cut.start() if cut else eol
        ns, ne = strip_span(text, pos, ne)
        name = _clean_name(text[ns:ne])
        if name and not looks_like_name(name):
            # "Ordförande: Anna Berg öppnade mötet": the name is the leading capitalised run
            ne = _leading_name_end(text, ns, ne)
            name = _clean_name(text[ns:ne])
        if not name or not looks_like_name(name) or name.casefold() in _ROLE_WORDS:
            continue
        if lab.group(1).lower().startswith("minutes") and len(name.split()) < 2 and \
                not any(p.name.split()[0] == name for p in m.attendees):
            continue  # "Minutes: Approved." is not a person; "Minutes: Sam" is when Sam attended
        s = lab.start(1)
        while s > 0 and text[s - 1] in "*_>•–- \t":
            s -= 1
        s, _ = strip_span(text, s, ne)
        s += _bullet_len(text[s:ne])  # "* **Chair:** Alice Smith" quotes from "**Chair:**"
        return Person(name=name, span=(s, ne))
    return None


def _roles(m: Meeting, text: str, ls: list[Line], hs: list[Heading]) -> None:
    def from_list(word: re.Pattern) -> Person | None:
        hits = [p for p in m.attendees if p.detail and word.search(p.detail)]
        # the meeting's chair ("mötesordförande") over the association's ("ordförande")
        return next((p for p in hits if "mötes" in p.detail.lower()), hits[0] if hits else None)

    def first(pats: list[re.Pattern]) -> Person | None:
        for pat in pats:
            for hit in pat.finditer(text):
                p = _person_at(text, hit, 1)
                if p:
                    return p
        return None

    chair_word = re.compile(r"(?i)(?<!vice )(?<!vice)\b(mötes)?ordf(örande\b|\.|\b)|\bchair(person|man|woman)?\b"
                            r"|\bfacilitator\b|\bmötesledare\b")
    secr_word = re.compile(r"(?i)\b(mötes|protokoll)?sekr(eterare\b|\.|\b)|\bprotokollförare\b|\bsecretary\b"
                           r"|\bnote[- ]?taker\b|\bminute[- ]?taker\b|\bminutes\b|\bscribe\b|\bclerk\b")
    # Labelled > marked in the attendee list > elected in the minutes > whoever opened it.
    m.chair = _labelled(text, _CHAIR_LABEL, m) or from_list(chair_word) or first(_CHAIR_ELECTED) or first(_OPENER)
    m.secretary = (_labelled(text, _SECR_LABEL, m) or first([_SIGN_OFF]) or from_list(secr_word)
                   or first(_SECR_ELECTED))


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
    # A sentence ends at . ! ? before a capital letter: "kl. 18." or "ca. 20 st" do not end one.
    for piece in re.split(r"(?<=[.!?])\s+(?=[^\W\d_a-zåäö])|\n", text[s:e]):
        i = text.index(piece, pos) if piece else pos
        ps, pe = strip_span(text, i, i + len(piece))
        pos = i + len(piece)
        if pe > ps:
            out.append((ps, pe))
    return out


def _timing(text: str, s: int, e: int, base, mf: bool = False) -> bool:
    q = text[s:e]
    # Without a meeting date a year-less "12 april" cannot be resolved, but it still says when:
    # detect it against a stand-in year.
    probe = base or dt.date(2000, 1, 1)
    return bool(find_dates(q, base=probe, forward=True, month_first=mf) or _IN_WEEKS.search(q)
                or _NEXT_WEEK.search(q) or _RANGE.search(q) or _IN_DAYS.search(q))


def _next_meeting(m: Meeting, text: str, ls: list[Line], hs: list[Heading]) -> None:
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
            sents = _sentences(text, *span)
            span = next((x for x in sents if _timing(text, *x, base, mf)), sents[0])
        break
    if span is None:
        for ln in ls:
            if ln.blank or not _INLINE.search(ln.text):
                continue
            for s, e in _sentences(text, ln.start, ln.end):
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


# ---------------------------------------------------------------- language

_SV = set("och att det som är för på med till av inte vi har om den ett de var ska kan från också mötet".split())
_EN = set("the and to of is for that we on with be this are will it was have from not meeting".split())


def _language(m: Meeting, text: str, ls, hs) -> None:
    words = re.findall(r"[a-zåäö]+", text.lower())
    sv = sum(w in _SV for w in words)
    en = sum(w in _EN for w in words)
    m.language = "en" if en > sv else "sv"
