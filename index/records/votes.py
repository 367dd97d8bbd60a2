"""Votes and reservations: "Med 4 röster mot 2", "2/3/1 röster för/emot/blankt", "Motion carried
5–2", "unanimously", "enhälligt", "Votering: 4 ja, 2 nej", "Reservation: X reserverar sig"."""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.models import Vote
from index.person_names import looks_like_name, name_regex
from index.vocab import NOT_OWNERS

_N = r"(\d{1,4})"
_D = r"\s*[-–—/:]\s*"  # the separator of "5–2", "6/1/0", "5-2-1"
# Every alternative is anchored on a literal word and uses bounded gaps: no backtracking runs.
_COUNTS = re.compile(rf"""(?ix)
    # Med 4 röster mot 2 (och 1 nedlagd / 1 avstod)
    \bmed\s+{_N}\s+(?:röster|röst|ja-röster)\s+mot\s+{_N}(?:\s+(?:röster\s+)?(?:och|,)\s+{_N}\s+(?:nedlagda?|avstod|avstår|blanka?|som\s+avstod))?
  | # 2/3/1 röster för/emot/blankt, 6/1/0 (röster) för/emot/avstår
    (?<![\d/]){_N}/{_N}/{_N}\s+(?:röster\s+)?för/(?:emot|mot)/(?:blankt|blanka|avstår|nedlagda|avstod)
  | # Votering: 4 ja, 2 nej, 1 avstår / 4 ja-röster och 2 nej-röster
    (?<!\d){_N}\s+ja(?:-röster)?[\s,;]{{1,4}}(?:och\s+)?{_N}\s+nej(?:-röster)?(?:[\s,;]{{1,4}}(?:och\s+)?{_N}\s+(?:avstår|avstod|blanka?|nedlagda?))?
  | # Motion carried 5–2, passed 5-2-1, failed 3-4
    \b(?:carried|passed|failed|defeated|adopted|approved|rejected)\s+(?:by\s+)?(?:a\s+vote\s+of\s+)?{_N}{_D}{_N}(?:{_D}{_N})?
  | # 5 in favour, 2 against, 1 abstention / 5 for, 2 against
    (?<!\d){_N}\s+(?:votes?\s+)?(?:in\s+favou?r|for|yes|ayes?)[\s,;]{{1,4}}(?:and\s+)?{_N}\s+(?:against|no|nays?|opposed)(?:[\s,;]{{1,4}}(?:and\s+)?{_N}\s+(?:abstentions?|abstain\w*))?
  | # 8 röster för (Annie) / 8 votes in favour: a count for only
    (?<!\d){_N}\s+(?:röster|röst|votes?)\s+(?:för|in\s+favou?r|for)\b
  | # +1 from each of / 8 +1 votes
    (?<!\d){_N}\s+\+1\s+votes?
""")
_UNANIMOUS = re.compile(r"""(?ix)
    \b(?:unanimous(?:ly)?|enhällig(?:t|a)?|utan\s+motröster|utan\s+invändningar|without\s+objection
       |no\s+objections?|inga\s+motsättningar|inga\s+invändningar|med\s+acklamation|by\s+acclamation)\b
""")
_VOTERING = re.compile(r"(?i)\b(?:votering|omröstning|röstning|called\s+for\s+a\s+vote|roll[- ]call\s+vote)\b")

# Reservations. Names are read by looks_like_name; the pattern only finds where they stand.
_NAME = name_regex(4)  # a voter's name (index/person_names.py)
_NAMES = rf"{_NAME}(?:\s*(?:,|och|and|&|samt)\s*{_NAME}){{0,6}}"
_RESERVATION = re.compile(rf"""(?x)
    # Anna Berg (och Erik Ek) reserverar sig (mot beslutet)
    (?P<a>{_NAMES})\s+(?:reserverar|reserverade)\s+sig
  | # Reservation: Anna Berg / Reservation anmäls av Anna Berg / Reservation från Anna Berg
    (?i:reservation(?:er)?)(?:\s+(?i:anmäls|anmäldes|lämnas|lämnades))?(?:\s+(?i:av|från|by))?\s*[:–-]?\s*(?P<b>{_NAMES})
  | # Anna Berg anmäler reservation / Anna Berg lämnar en reservation
    (?P<c>{_NAMES})\s+(?:anmäler|anmälde|lämnar|lämnade|entered|recorded)\s+(?:en\s+|a\s+)?(?:skriftlig\s+)?(?i:reservation|dissent)
  | # dissent: Anna Berg / Anna Berg dissented / voted against
    (?P<d>{_NAMES})\s+(?:dissented|voted\s+against)
""")


@dataclass
class Found:
    vote: Vote
    kind: str  # "counts" | "unanimous" | "votering" | "reservation"


def _names(s: str) -> list[str]:
    out = []
    for part in re.split(r"\s*(?:,|\boch\b|\band\b|&|\bsamt\b)\s*", s):
        part = part.strip()
        if part and looks_like_name(part, 4) and part.split()[0].casefold() not in NOT_OWNERS:
            out.append(part)
    return out


def find_votes(text: str, s: int, e: int) -> list[Found]:
    """Vote statements in text[s:e], in text order."""
    out: list[Found] = []
    for m in _COUNTS.finditer(text, s, e):
        nums = [int(g) if g else None for g in m.groups()]
        alt = m.group(0).lower()
        if "+1" in alt or re.search(r"röster\s+för\b|votes?\s+(?:in\s+favou?r|for)\b", alt) and len(
                [n for n in nums if n is not None]) == 1:
            vals = [n for n in nums if n is not None]
            v = Vote(for_=vals[0], span=m.span())
        else:
            vals = [n for n in nums if n is not None]
            vals += [None] * (3 - len(vals))
            v = Vote(for_=vals[0], against=vals[1], abstain=vals[2], span=m.span())
            if re.match(r"(?i)(failed|defeated|rejected)", alt):
                v.for_, v.against = vals[0], vals[1]
        if v.against == 0 and (v.for_ or 0) > 0:
            v.unanimous = True
        out.append(Found(v, "counts"))
    for m in _UNANIMOUS.finditer(text, s, e):
        out.append(Found(Vote(unanimous=True, span=m.span()), "unanimous"))
    for m in _VOTERING.finditer(text, s, e):
        out.append(Found(Vote(span=m.span()), "votering"))
    for m in _RESERVATION.finditer(text, s, e):
        g = next(k for k in "abcd" if m.group(k) is not None)
        names = _names(m.group(g))
        if names:
            # the whole reservation statement: "Reservation: Erik Ek (M) reserverar sig mot beslutet"
            stop = re.compile(r"[.!?\n]").search(text, m.end(), min(e, m.end() + 300))
            end = stop.start() if stop else min(e, m.end() + 300) if e - m.end() <= 300 else m.end()
            span = (m.start(), len(text[:end].rstrip()))
            out.append(Found(Vote(reservations=names, reservation_spans=[span], span=span), "reservation"))
    out.sort(key=lambda f: f.vote.span[0])
    return out


def merge(into: Vote | None, f: Found) -> Vote:
    """Combine what several statements about one vote say."""
    if into is None:
        return f.vote.model_copy(deep=True)
    v = into
    if f.kind == "counts" and v.for_ is None:
        v.for_, v.against, v.abstain = f.vote.for_, f.vote.against, f.vote.abstain
        v.span = f.vote.span
    v.unanimous = v.unanimous or (f.vote.unanimous and not v.against)
    new = False
    for n in f.vote.reservations:
        if n not in v.reservations:
            v.reservations.append(n)
            new = True
    if new:  # a reservation statement names one or more people: its span is theirs
        v.reservation_spans.extend(sp for sp in f.vote.reservation_spans if sp not in v.reservation_spans)
    return v
