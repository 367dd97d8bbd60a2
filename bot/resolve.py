"""Which meeting a question is about: one resolver, used by every intent.

A question names its meeting by a date or month (``TimeFilter``, bot/question.py), and by what
:func:`parse_meeting` reads here: a kind ("årsmötet", "the F2F", "the extra meeting"), a season
("höstmötet", "the spring meeting"), a place ("the Berlin meeting", "IETF 83 in Paris"), a number
from the title ("IETF 83", "meeting 7"), an ordinal ("the first meeting of 2026") or a relative
("the one before"). Kinds, seasons and ordinal words are data (index/vocab/meetings.py).

:func:`candidates` narrows the meetings by all of these; a clue no meeting shows is left out (and
said so in ``resolved``), never an empty answer. :func:`select` then picks among those a handler's
predicate accepts, by title words, ordinal and relative, and records what it chose and why in
``Question.resolved``, which every answer carries as ``facts.resolved``.

Every clue is one filter in ``_FILTERS``: a new slot (a collection, a body) is one more entry."""
from __future__ import annotations

import re
from datetime import date

from index.models import Meeting
from index.vocab import (FIRST_KINDS, MEETING_BEFORE, MEETING_KINDS, MEETING_NOUNS, MEETING_ORDINALS, MONTHS,
                         SEASONS)

from index.lexical import STOP, fold, tokens
from .question import MeetingSpec

# How much of a document's opening is read for its kind, place or number (the header).
HEAD_CHARS = 400

_NOUN = "|".join(sorted(MEETING_NOUNS, key=len, reverse=True))
_ORD = "|".join(sorted(MEETING_ORDINALS, key=len, reverse=True))


def _stems(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_KIND_ASKED = {k: re.compile(rf"(?i)(?<!\w)(?:{_stems(asked)})\w*") for k, (asked, _) in MEETING_KINDS.items()}
_SEASON_ASKED = re.compile(rf"""(?ix)
    (?<!\w)(?P<compound>vårmöte|sommarmöte|höstmöte|vintermöte|vårstämma|höststämma)\w*   # "höstmötet"
  | (?<!\w)(?P<season>spring|summer|autumn|fall|winter|våren|sommaren|hösten|vintern|vårens|höstens)
    \s+(?:(?:[\w-]+\s+)?(?:{_NOUN})\b|(?:of\s+)?(?:19|20)\d\d\b)         # "the spring meeting", "hösten 2019"
""")
# "the Berlin meeting", "the Vancouver session": capitalised words right before a meeting noun
_PLACE_BEFORE = re.compile(rf"(?<![\w-])(?P<place>(?:[A-ZÅÄÖ][\w-]*\s+){{1,2}})(?:{_NOUN})\b")
# "IETF 83 in Paris", "mötet i Berlin": after a preposition, once the question names a meeting
_PLACE_AFTER = re.compile(r"(?<!\w)(?:in|i|at|på)\s+(?P<place>[A-ZÅÄÖ][\w-]+)")
# "IETF 83", "Meeting 7", "möte nr 7": a number (not a year, a date or a version) from a title
_NUMBER = re.compile(rf"""(?x)
    (?<![\w-])(?P<word>[A-ZÅÄÖ][\w-]*|(?i:{_NOUN}))\s+(?:(?i:nr|no\.?|number|\#)\s*)?(?P<n>\d{{1,3}})(?![\d:/-]|\.\d|\s*(?:st|nd|rd|th)\b)
""")
# "the 7th meeting", "det 3:e mötet", "the first meeting", "det första styrelsemötet"
_ORDINAL = re.compile(rf"""(?ix)
    (?<!\w)(?:(?P<digits>\d{{1,3}})(?:st|nd|rd|th|:e|:a)|(?P<word>{_ORD}))\s+(?:[\w-]+\s+){{0,3}}?[\w-]*(?:{_NOUN})\b
  | (?<!\w)(?:(?P<day_digits>\d)(?:st|nd|rd|th|:e|:a)|(?P<day_word>{_ORD}))\s+(?:day|dagen)\s+(?:of|av|på)\b
                                   # "the second day of the face-to-face": its second meeting
""")
_BEFORE = re.compile(rf"(?i)(?<!\w)(?:{_stems(MEETING_BEFORE)})(?!\w)")


def parse_meeting(q: str, *, names=None) -> MeetingSpec:
    """The meeting clues of question ``q``; ``names`` (a NameIndex) keeps people from being places."""
    spec, said = MeetingSpec(), []
    for kind, pat in _KIND_ASKED.items():
        if m := pat.search(q):
            spec.kind = kind
            said.append(("kind", m.group(0)))
            break
    if m := _SEASON_ASKED.search(q):
        word = fold(m.group("compound") or m.group("season"))
        spec.season = next(s for s, (_, stems) in SEASONS.items() if any(word.startswith(st) for st in stems))
        said.append(("season", m.group("compound") or m.group("season")))
    if (m := _NUMBER.search(q)) and fold(m.group("word")) not in MONTHS:  # not "April 12"
        spec.number, spec.number_word = int(m.group("n")), m.group("word")
        said.append(("number", f"{m.group('word')} {m.group('n')}"))
    if m := _ORDINAL.search(q):
        digits, word = m.group("digits") or m.group("day_digits"), m.group("word") or m.group("day_word")
        spec.ordinal = int(digits) if digits else MEETING_ORDINALS[word.lower()]
        said.append(("ordinal", digits or word))
    spec.before = bool(_BEFORE.search(q))
    names_a_meeting = bool(spec.kind or spec.number or re.search(rf"(?i)\b(?:{_NOUN})\b", q))
    # a place after a preposition first ("the HTTPbis session in Orlando"), then one before the noun
    places = [m.group("place") for m in _PLACE_AFTER.finditer(q)] if names_a_meeting else []
    places += [m.group("place").strip() for m in _PLACE_BEFORE.finditer(q)]
    for place in places:
        if q.startswith(place) or all(fold(w) in STOP for w in place.split()) or fold(place) in MONTHS \
                or re.search(rf"(?i)(?:{_NOUN})$", place) or (names is not None and names.mentions(place)) \
                or (spec.number_word and fold(place) == fold(spec.number_word)):
            continue
        spec.place = place
        said.append(("place", place))
        break
    spec.said = dict(said)
    spec.text = " ".join(spec.said.values())
    return spec


# -- against the meetings ----------------------------------------------------------------------
def _ascii(text: str) -> str:
    """Folded text with å, ä, ö as a, a, o: file names write "stormote" for "stormöte"."""
    return text.translate(_ASCII)


_ASCII = str.maketrans("åäöéü", "aaoeu")


def head(view, m: Meeting, *, deep: bool) -> str:
    """A meeting's title and file name, folded (with ASCII spellings); ``deep`` adds its opening
    lines: what its kind, place and number are read from."""
    cache = view.__dict__.setdefault("_heads", {})
    key = (m.source, deep)
    if key not in cache:
        text = " ".join((m.title or "", m.source.replace("_", " ").replace("-", " ")))
        if deep:
            docs = view.documents
            text += " " + (docs.get(m.source, "") if hasattr(docs, "get") else docs[m.source])[:HEAD_CHARS]
        folded = fold(text)
        cache[key] = folded + " " + _ascii(folded)
    return cache[key]


def _has(text: str, stem: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(stem)}", text) is not None


def _shows_kind(view, m: Meeting, kind: str, deep: bool = False) -> bool:
    h = head(view, m, deep=deep)
    return any(_has(h, st) or _has(h, _ascii(st)) for st in MEETING_KINDS[kind][1])


def _in_season(view, m: Meeting, season: str, deep: bool = False) -> bool:
    months, stems = SEASONS[season]
    title = head(view, m, deep=False)
    if any(_has(title, st) or _has(title, _ascii(st)) for st in stems[2:] if "möte" in st or "stämma" in st):
        return True
    return bool(m.date) and int(m.date[5:7]) in months


def _at_place(view, m: Meeting, place: str, deep: bool = False) -> bool:
    return re.search(rf"(?<!\w){re.escape(fold(place))}(?!\w)", head(view, m, deep=deep)) is not None


def _numbered(view, m: Meeting, spec: MeetingSpec, deep: bool = False) -> bool:
    h, n = head(view, m, deep=deep), spec.number
    word = fold(spec.number_word or "")
    if word and word not in MEETING_NOUNS and re.search(rf"(?<!\w){re.escape(word)}[\s#-]*0*{n}(?![\d.])", h):
        return True
    return re.search(rf"(?:meeting|möte|mötet|no\.?|nr|\#)\s*0*{n}(?![\d.])", h) is not None


# (name in `by`, whether the spec has it, whether a meeting shows it): each narrows the meetings
# (a title or file name first; the opening lines when no title shows it: a telco whose agenda
# plans "the face-to-face" is not one)
_FILTERS = (
    ("kind", lambda s: s.kind, lambda v, m, s, d: _shows_kind(v, m, s.kind, d)),
    ("season", lambda s: s.season, lambda v, m, s, d: _in_season(v, m, s.season, d)),
    ("place", lambda s: s.place, lambda v, m, s, d: _at_place(v, m, s.place, d)),
    ("number", lambda s: s.number is not None, lambda v, m, s, d: _numbered(v, m, s, d)),
)


def candidates(view, q) -> list[Meeting]:
    """The meetings the question's time and meeting clues allow, oldest first. A clue that no
    meeting in the time shows is left out, and listed as ``unmatched``."""
    ms = [m for m in view.meetings if q.time.accepts(m.date)]
    by, unmatched = [], []
    if q.time.year or q.time.month or q.time.day:
        by.append("date" if q.time.day else "month" if q.time.month else "year")
    spec = q.meeting
    for name, wanted, shows in _FILTERS:
        if not wanted(spec):
            continue
        kept = [m for m in ms if shows(view, m, spec, False)] or [m for m in ms if shows(view, m, spec, True)]
        if name == "kind" and kept:
            # "årsmötet" is the plain annual meeting, not the extra one: fewest other kinds shown
            others = {m.source: sum(_shows_kind(view, m, k) for k in MEETING_KINDS if k != spec.kind) for m in kept}
            kept = [m for m in kept if others[m.source] == min(others.values())]
        if kept and len(kept) < len(ms):
            ms, _ = kept, by.append(name)
        elif not kept:
            unmatched.append(name)
        if kept and name in spec.said:  # the meeting it names, not what is searched for in it
            said = set(tokens(spec.said[name]))
            q.words = [w for w in q.words if w not in said]
    resolved = {"by": "+".join(by), "meetings": [m.source for m in ms] if by else []}
    if unmatched:
        resolved["unmatched"] = unmatched
    q.resolved = resolved if (q.time or spec) else None  # a question that names no meeting: none
    return ms


def accepts(view, q) -> set[str]:
    """The sources of :func:`candidates`, for handlers that filter passages or records."""
    return {m.source for m in candidates(view, q)}


def before(view, q, ms: list[Meeting], today: date) -> list[Meeting]:
    """The meeting before: the one a follow-up was answered from, or the last one held."""
    if q.meeting.before_of:
        return [m for m in ms if m.date and m.date < q.meeting.before_of][-1:]
    return view.past(ms, today)[-2:-1]


def select(view, q, today: date, pred, *, latest: bool = True) -> list[Meeting]:
    """Meetings the question is about, among those ``pred`` accepts: its time and clues first
    (:func:`candidates`), then words naming the meeting ("planeringsmötet"), then what its text
    is about; an ordinal counts from the first, "the one before" from the last."""
    ms = [m for m in candidates(view, q) if pred(m)]
    q.resolved = q.resolved or {"by": "", "meetings": []}
    by = [b for b in q.resolved["by"].split("+") if b]
    if ms and q.words:
        scores = {m.source: view.title_score(m, q.words) for m in ms}
        best = max(scores.values())
        if best > 0 and any(s < best for s in scores.values()):
            ms = [m for m in ms if scores[m.source] == best]
            by.append("title")
        elif best == 0 and len(ms) > 1 and not (q.meeting.ordinal or q.meeting.before):
            got = view.retriever.search(q.text, q.words, allowed=view.rows(ms), k=1, language=q.language)
            if got.hits and got.hits[0].matched:
                src = view.chunks[got.hits[0].row].source
                ms = [m for m in ms if m.source == src]
                by.append("text")
    dated = bool(q.time.year or q.time.month or q.time.day)
    if ms and q.meeting.ordinal and "number" not in by:
        ms = ms[q.meeting.ordinal - 1:q.meeting.ordinal]
        by.append("ordinal")
    elif ms and q.meeting.kind in FIRST_KINDS and "kind" in q.resolved.get("unmatched", ()):
        # "uppstartsmötet", "the inaugural meeting" that no title calls so: the first one
        ms, _ = ms[:1], by.append("first")
    elif ms and q.meeting.before:
        ms = before(view, q, ms, today)
        by.append("before")
    elif ms and (q.time.last or (latest and not dated)):
        # "the last meeting", or no time given: the most recent one held by today
        ms = view.past(ms, today)[-1:]
        by.append("last" if q.time.last else "latest")
    q.resolved = {**q.resolved, "by": "+".join(by), "meetings": [m.source for m in ms]}
    return ms
