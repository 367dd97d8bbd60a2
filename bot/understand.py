"""What a question asks: its intent, its language, the time it is about and the person it names.

Rules, not a model: the questions people ask of minutes fall into a few shapes (who attended,
when is the next meeting, who chaired, what did X say), and each has cue words in English and
Swedish (bot/cues.py). Which shape a question has is the router's score over every registered
intent (bot/router.py); the meeting it names is the resolver's (bot/resolve.py). Whatever has
no such shape is a search."""
from __future__ import annotations

import re

from index.dates import find_dates
from index.language import detect_language as _detect
from index.vocab import FUNCTION_WORDS, INTENT_WORDS, MONTH_NAMES, MONTHS

from index.lexical import STOP, fold, tokens
from index.names import capitalised_runs

from .cues import DECIDER, MEETING_AFTER
from .question import Intent, Question, TimeFilter
from .resolve import parse_meeting
from .router import route

SEARCH, PERSON, DECISIONS = Intent.SEARCH, Intent.PERSON, Intent.DECISIONS

_SV_WORDS = FUNCTION_WORDS["sv"]
_EN_WORDS = FUNCTION_WORDS["en"]


_TOKEN = re.compile(r"[^\W\d_][\w'-]*")


def _is_name_token(q: str, m: re.Match) -> bool:
    """A capitalised word that is not the question's first word, or a first word that is no
    function word ("Björn", "Helena", "Linode"): it names something and says nothing about the
    language the question is written in."""
    w = m.group(0)
    if not w[0].isupper():
        return False
    first = not re.search(r"\w", q[: m.start()])
    f = fold(w)
    return not first or not (f in _SV_WORDS or f in _EN_WORDS or f in STOP)


def detect_language(q: str, names=None) -> str:
    """Decided on function words; names ("Björn Åkesson", capitalised words that aren't a
    sentence-initial function word) are left out, so their å/ä/ö don't make a question Swedish."""
    spans = []
    if names is not None:
        for n in names.mentions(q):
            i = q.find(n)
            if i >= 0:
                spans.append((i, i + len(n)))
    kept = []
    for m in _TOKEN.finditer(q):
        if _is_name_token(q, m) or any(s <= m.start() < e for s, e in spans):
            continue
        kept.append(m.group(0))
    return _detect(" ".join(kept), default="en")


def entities(q: str) -> list[str]:
    """Capitalised words that name a thing, organisation or person ("Almi", "Invest"), lower case."""
    out = []
    for m in _TOKEN.finditer(q):
        if _is_name_token(q, m) and fold(m.group(0)) not in STOP and fold(m.group(0)) not in MONTHS \
                and len(m.group(0)) >= 2:
            f = fold(m.group(0))
            if f not in out:
                out.append(f)
    return out


_LAST = re.compile(r"""(?ix)
    \b(?:the\s+)?(?:last|latest|previous|most\s+recent)\s+(?:\w+\s+)?meeting   # "the last (board) meeting"
  | \b(?:förra|senaste)\s+(?:\w+)?mötet | \bsist(?:a)?\s+mötet                 # "förra styrelsemötet"
""")
_MONTH_YEAR = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+((?:19|20)\d{2})\b", re.I)
# "i maj", "in June": full month names (and "sept"); not "mar"/"jan", which are other words too.
_FULL_MONTHS = {n.lower() for names in MONTH_NAMES.values() for n in names} | {m for m in MONTHS if len(m) > 3}
_MONTH_ONLY = re.compile(r"\b(?:in|i|during|under)\s+(" + "|".join(
    sorted(_FULL_MONTHS, key=len, reverse=True)) + r")\b", re.I)
_YEAR = re.compile(r"(?<![\d/-])((?:19|20)\d{2})(?![\d/-])")
# A day and a month without a year ("on 2 October", "den 30 september", "November 27"): that day
# in any year. Full month names only; "May 5" is left out ("may" is a verb too).
_MONTH_ALT = "|".join(sorted(_FULL_MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(rf"""(?ix)
    (?<![\d./-])(?P<d1>[0-3]?\d)(?:st|nd|rd|th|:e|:a)?\s+(?:of\s+)?(?P<m1>{_MONTH_ALT})\b   # "2 October", "the 3rd of May"
  | \b(?P<m2>(?!may\b)(?:{_MONTH_ALT}))\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?![\d.:/-])        # "November 27"
""")
# A year that is part of a name: "Agenda 2030", "Vision 2025" (a capitalised word right before it
# that is no month), unless a time word comes first ("i 2030", "in 2015").
_NAMED_YEAR = re.compile(r"(?<!\w)([A-ZÅÄÖ][\w-]*)\s+((?:19|20)\d{2})(?![\d/-])")
# A year a thing is for ("revisorer för 2023", "chair for 2023", "budget för verksamhetsåret
# 2024"): a term, often decided the year before; searched for, not the time of the meeting.
_FOR_YEAR = re.compile(r"(?i)\b(?:för|for|inför)\s+(?:(?:verksamhetsåret|räkenskapsåret|året|the\s+year|year)\s+)?"
                       r"((?:19|20)\d{2})(?![\d/-])")


def parse_time(q: str) -> TimeFilter:
    tf = TimeFilter()
    if _LAST.search(q):
        tf.last = True
        tf.text = _LAST.search(q).group(0)
    for d, (s, e) in find_dates(q):
        if re.search(r"\d{4}", q[s:e]):
            tf.year, tf.month, tf.day, tf.text = d.year, d.month, d.day, q[s:e]
            return tf
    m = _MONTH_YEAR.search(q)
    if m:
        tf.year, tf.month, tf.text = int(m.group(2)), MONTHS[m.group(1).lower()], m.group(0)
        return tf
    topic = topic_years(q)
    m = next((y for y in _YEAR.finditer(q) if y.group(1) not in topic), None)
    if m:
        tf.year, tf.text = int(m.group(1)), m.group(1)
    m = _DAY_MONTH.search(q)
    if m and 1 <= int(m.group("d1") or m.group("d2")) <= 31:
        tf.month, tf.day = MONTHS[(m.group("m1") or m.group("m2")).lower()], int(m.group("d1") or m.group("d2"))
        tf.text = (m.group(0) + (" " + tf.text if tf.year else "")).strip()
        return tf
    m = _MONTH_ONLY.search(q)
    if m:
        tf.month = MONTHS[m.group(1).lower()]
        tf.text = (m.group(1) + (" " + tf.text if tf.year else "")).strip()
    return tf


def topic_years(q: str) -> set[str]:
    """Years that are part of a name ("vad sades om Agenda 2030?"): searched for, not a time."""
    out = set()
    for m in _NAMED_YEAR.finditer(q):
        word = fold(m.group(1))
        if word not in MONTHS and not (m.start() == 0 and (word in STOP or word in _EN_WORDS or word in _SV_WORDS)):
            out.add(m.group(2))
    out.update(m.group(1) for m in _FOR_YEAR.finditer(q))
    return out


def content_words(q: str, time: TimeFilter, *, drop_intent: bool, keep=frozenset()) -> list[str]:
    """The words searched for: not stop words, times, nor (``drop_intent``) the intent's cue
    words, unless ``keep`` has them (a cue inside the question's topic is what it is about)."""
    out = []
    time_words = set(tokens(time.text))
    topic = topic_years(q)
    for w in tokens(q):
        if w in topic:
            out.append(w)
            continue
        if w in STOP or w.isdigit() or w in MONTHS or w in time_words:
            continue
        if drop_intent and w in INTENT_WORDS and w not in keep:
            continue
        out.append(w)
    return out


def _person_run(q: str) -> str | None:
    """The first capitalised run of ``q`` that may be a person: not one that names a meeting
    ("the Life Science meeting")."""
    for run in capitalised_runs(q, _SV_WORDS | _EN_WORDS | STOP):
        i = q.find(run)
        if i >= 0 and MEETING_AFTER.match(q[i + len(run):]):
            continue
        return run
    return None


def understand(question: str, names=None) -> Question:
    """``names`` is the engine's :class:`index.names.NameIndex` (people the minutes name)."""
    q = question.strip()
    lang = detect_language(q, names)
    time = parse_time(q)
    person = None
    if names is not None:
        found = names.mentions(q)
        person = found[0] if found else None

    routing = route(q, person=person, time=bool(time), run=_person_run(q))  # bot/router.py
    r = routing.route
    qq = Question(text=q, language=lang, intent=r.intent if r else SEARCH, time=time, person=person)
    qq.intent_reasons = routing.reasons
    if r is not None and r.slots is not None:
        # the intent's fields (bot/intents/<name>.py ROUTE), or its own typed slots
        qq.slots = r.slots(qq, routing.signals)
    intent, person = qq.intent, qq.person
    words = content_words(q, time, drop_intent=intent not in (SEARCH, PERSON), keep=routing.topic_words)
    if person:
        name_words = set(tokens(person))
        words = [w for w in words if w not in name_words]
    if intent == DECISIONS and (m := DECIDER.search(q)):
        drop = {fold(next(g for g in m.groups() if g))} | ({"fram"} if m.group("came") else set())
        words = [w for w in words if w not in drop]
    qq.meeting = parse_meeting(q, names=names)  # its words leave q.words once a meeting shows them (resolve.py)
    if qq.meeting.ordinal:
        words = [w for w in words if w not in set(tokens(qq.meeting.said["ordinal"]))]
    qq.words = words
    qq.entities = [w for w in entities(q) if w not in set(tokens(person or ""))]
    return qq


def as_search(q: Question) -> Question:
    """The question asked again as a search (its handler had nothing): every content word counts,
    the intent's cue words too ("beslutades", "uppdrag"), as they would have for a search."""
    q.intent = SEARCH
    words = content_words(q.text, q.time, drop_intent=False)
    if q.person:
        name_words = set(tokens(q.person))
        words = [w for w in words if w not in name_words]
    q.words = words
    return q
