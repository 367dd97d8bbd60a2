"""The meeting's chair and secretary: labelled ("Ordförande: X"), marked in the attendee list
("X, mötesordförande"), elected in the minutes ("Till mötesordförande valdes X"), the sign-off
("Vid protokollet"), or whoever opened the meeting."""
from __future__ import annotations

import re

from index.models import Meeting, Person
from index.person_names import UP, looks_like_name, name_regex, person_name
from index.people import is_collective
from index.sections import Heading, Line, strip_span
from index.vocab import (CHAIR_LABELS, CHAIR_VERBS, NAME_PARTICLES, NAME_PREFIX_WORDS, SECRETARY_LABELS, SECRETARY_VERBS,
                         alternation)

from .labels import bullet_len

# A capitalised name of at most five words (index/person_names.py).
_NAME = rf"({name_regex(5)})"
_CHAIR_L = "|".join(CHAIR_LABELS)
_SECR_L = "|".join(SECRETARY_LABELS)
# "Label: Name" at a line start, after ", " / "; " / " | " or after a sentence end on the same
# line ("Mötesordförande: Karin Holm. Sekreterare: Oskar Berg.").
# The label ends in a colon ("Chair: X"), a dash ("Designated note taker - Mark"), or is a by-line
# that needs neither ("Submitted by Mark Nottingham", "Notes taken by Ann").
_ROLE_LABEL = r"(?im)(?:^|[,;|][ \t]*|(?<=[.!?])[ \t]+)[ \t>*_•–-]*({})[*_]*(?:[ \t]*:|[ \t]+[-–—](?=[ \t])|(?<=[ \t]by)(?=[ \t]))[*_]*[ \t]*"
_CHAIR_LABEL = re.compile(_ROLE_LABEL.format(_CHAIR_L))
_SECR_LABEL = re.compile(_ROLE_LABEL.format(_SECR_L))
# Where a labelled name ends: punctuation, a dash or "+", a column gap, "och"/"and", the next label.
_NAME_END = re.compile(r"[,;(|/\t]|\s[-–—+&]\s|\s{2,}|\s(?:och|and)\s|\s\S+:|\.(?:\s|$)")
_ELECTED_TO = r"[ \t]+(?:utses|väljs|valdes|utsågs|valts|blev)[ \t]+(?:till|som)[ \t]+"
_CHOSE = r"(?i:(?:till|som)[ \t]+ROLE(?:[ \t]+för[ \t]+(?:mötet|stämman|årsmötet))?[ \t]+" \
         r"(?:valdes|utsågs|väljs|utses|valdes[ \t]+att[ \t]+leda[ \t]+mötet))[ \t]+" + _NAME
# "Carol facilitates", "Ryan will facilitate", "Mark to scribe", "Ann taking notes": the role as
# a verb after the name, in the opening of the minutes (where roles are assigned).
_CHAIR_VERB = re.compile(_NAME + rf"[ \t]+(?i:{alternation(CHAIR_VERBS)})(?![\w-])")
_SECR_VERB = re.compile(_NAME + rf"[ \t]+(?i:{alternation(SECRETARY_VERBS)})(?![\w-])")
# How far into the minutes roles are assigned by verb.
_OPENING = 6000
# "MN = Mark Nottingham (WG Chair)": a legend of speakers' initials, with their roles.
_LEGEND = re.compile(rf"(?m)^[ \t]*[\w.-]{{1,20}}[ \t]*=[ \t]*{_NAME}[ \t]*\((?P<role>[^()\n]{{1,40}})\)[ \t]*$")
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


def norm_label(label: str) -> str:
    return " ".join(label.casefold().split())


def _clean_name(name: str) -> str:
    words = name.strip().rstrip(".,:;").split()
    while len(words) > 1 and words[0].casefold() in NAME_PREFIX_WORDS:
        words = words[1:]  # "Ordförande Anna Berg" -> "Anna Berg"
    return " ".join(words)


def _person_at(text: str, m: re.Match, g: int) -> Person | None:
    name = _clean_name(m.group(g))
    if not looks_like_name(name) or name.casefold() in NAME_PREFIX_WORDS:
        return None
    s, e = strip_span(text, m.start(), m.end())
    return Person(name=name, span=(s, e))


_NAME_WORD_RUN = re.compile(rf"(?:[{UP}][\w'’-]*|{alternation(NAME_PARTICLES)})(?=\s|$)")


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
        if name and not looks_like_name(name) and person_name(name, roll=True):
            pass  # "Chair: wendy", "Scribe: duga": a handle, where a label says a person is named
        elif name and not looks_like_name(name):
            if norm_label(lab.group(1)) in ("minutes", "notes"):
                continue  # "Notes: Jane Doe will send the report." is a note, not its taker
            # "Ordförande: Anna Berg öppnade mötet": the name is the leading capitalised run
            ne = _leading_name_end(text, ns, ne)
            name = _clean_name(text[ns:ne])
            if not looks_like_name(name):
                continue
        if not name or name.casefold() in NAME_PREFIX_WORDS or is_collective(name):
            continue
        if norm_label(lab.group(1)) in ("minutes", "notes") and len(name.split()) < 2 and \
                not any(name.casefold() in (p.name.split()[0].casefold(), p.name.casefold()) for p in m.attendees):
            continue  # "Minutes: Approved." is not a person; "Minutes: Sam" is when Sam attended
        s = lab.start(1)
        while s > 0 and text[s - 1] in "*_>•–- \t":
            s -= 1
        s, _ = strip_span(text, s, ne)
        s += bullet_len(text[s:ne])  # "* **Chair:** Alice Smith" quotes from "**Chair:**"
        return Person(name=name, span=(s, ne))
    return None


# A role written in an attendee's detail ("Anna Berg, mötesordförande"; not "vice ordförande").
_CHAIR_WORD = re.compile(r"""(?ix)
    (?<!vice\ )(?<!vice)\b(mötes)?ordf(örande\b|\.|\b)   # ordförande, ordf., mötesordförande
  | \bchair(person|man|woman)?\b
  | \bfacilitator\b
  | \bmötesledare\b
""")
_SECR_WORD = re.compile(r"""(?ix)
    \b(mötes|protokoll)?sekr(eterare\b|\.|\b)            # sekreterare, sekr., protokollsekreterare
  | \bprotokollförare\b
  | \bsecretary\b | \bclerk\b | \bscribe\b
  | \bnote[-\ ]?taker\b | \bminute[-\ ]?taker\b | \bminutes\b
""")


def read_roles(m: Meeting, text: str, ls: list[Line], hs: list[Heading]) -> None:
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

    def legend(word: re.Pattern) -> Person | None:
        """"MN = Mark Nottingham (WG Chair)": the person whose role in the legend is ``word``."""
        for hit in _LEGEND.finditer(text):
            if word.search(hit.group("role")):
                return _person_at(text, hit, 1)
        return None

    def by_verb(pat: re.Pattern) -> Person | None:
        """"Carol facilitates", "Mark will scribe": in the opening, where roles are assigned."""
        for hit in pat.finditer(text, 0, min(len(text), _OPENING)):
            p = _person_at(text, hit, 1)
            if p:
                return p
        return None

    # Labelled > marked in the attendee list or a legend > elected in the minutes > assigned by a
    # verb > whoever opened it.
    m.chair = (_labelled(text, _CHAIR_LABEL, m) or from_list(_CHAIR_WORD) or legend(_CHAIR_WORD)
               or first(_CHAIR_ELECTED) or by_verb(_CHAIR_VERB) or first(_OPENER))
    m.secretary = (_labelled(text, _SECR_LABEL, m) or first([_SIGN_OFF]) or from_list(_SECR_WORD)
                   or legend(_SECR_WORD) or first(_SECR_ELECTED) or by_verb(_SECR_VERB))
