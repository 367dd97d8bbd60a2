"""Owners of subjectless tasks, from the section they sit in.

Reports are written under a role or a person: under ``\\subsection{Kassör}`` stands "Ska förbereda
en redovisning för vår revisor.", under "### Anna" or a line "Anna:" stands "Will book the room.".
The sentence names no one; its heading does. A heading names an owner when it is a role title
(also as a report: "Kassörens rapport", "Treasurer's report", "Rapport från ordföranden") whose
holder this meeting's records know, a detail of one attendee ("SAMO"), or the name of one of the
meeting's people. The task is a statement that opens with a modal or a task verb and no subject
("Ska …", "Kommer att …", "Tar fram …", "Will …", "To …"); a report of what was done ("Har börjat
…", "Började …") opens otherwise and is no task."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from index.models import Meeting, RoleHolder
from index.person_names import looks_like_name
from index.records.roles import role_of
from index.records.text import Unit
from index.sections import Heading, Line
from index.vocab import REPORT_FROM, REPORT_WORDS, TASK_VERBS_SV


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


# "Rapport från kassören", "Treasurer's report", "Kassörens rapport", "Update from Anna"
_REPORT = re.compile(rf"""(?ix)^
    (?:(?:{_alt(REPORT_FROM)})\s+(?:the\s+)?)?
    (?P<who>.+?)
    (?:(?:'s|’s)?\s+(?:{_alt(REPORT_WORDS)}))?
$""")
# "Anna:" / "**Kassör:**" alone on a line: the lines below are theirs.
_OWNER_LINE = re.compile(r"^[*_]{0,2}(?P<who>[^\W\d_][^:*_\n]{1,40}?)[*_]{0,2}:[*_]{0,2}$")

_MODALS = ("ska", "skall", "kommer att", "will", "shall", "to", "is going to", "are going to")
_OPENER = re.compile(rf"(?P<v>(?i:{_alt(_MODALS + tuple(v for v in TASK_VERBS_SV if v not in _MODALS))}))"
                     rf"(?![\wåäö])[ \t]+(?P<task>\S[\s\S]*)")
# After a modal these make no task: a subject ("Ska vi …?"), a negation, a state ("Ska ha …",
# "Will be …"), an article ("To the board: …").
_NOT_TASK = re.compile(r"""(?ix)
    (?:vi|du|ni|man|det|den|de|han|hon|hen|jag|we|you|they|it|he|she|i
      |inte|ej|not|never|aldrig|nog|kanske|maybe|probably
      |ha|få|vara|bli|be|have|get|leave|the|a|an|this|that|all)(?![\wåäö])
""")


@dataclass
class Scope:
    start: int
    end: int
    owners: list[str]
    note: str  # the heading or line as written
    note_span: tuple[int, int]


def _candidates(who: str) -> list[str]:
    """The heading's words as a title: as written, without a genitive "s", without a definite
    ending ("ordföranden", "kassörens")."""
    w = who.strip(" .:*_")
    out = [w]
    for end in ("s", "n", "en", "ns", "ens"):
        if w.casefold().endswith(end) and len(w) - len(end) >= 3:
            out.append(w[: -len(end)])
    return out


def _holders(roles: list[RoleHolder], key: str, written: str) -> list[str]:
    """The one holder of role ``key`` this meeting names ([] when none, or several disagree)."""
    cands = [r for r in roles if r.role == key]
    same = [r for r in cands if (r.title or "").casefold() == written.casefold()]
    org = [r for r in cands if r.scope == "organisation"]
    for group in (same, org, cands):
        names = list(dict.fromkeys(r.name for r in group))
        if len(names) == 1:
            return names
        if len(names) > 1:
            return []
    return []


class OwnerFinder:
    """Who a heading or an "X:" line names as the owner of what stands under it."""

    def __init__(self, meeting: Meeting, roles: list[RoleHolder], full: set[str], tokens: set[str]):
        self.meeting, self.roles, self.full, self.tokens = meeting, roles, full, tokens

    def owner(self, heading: str) -> list[str] | None:
        m = _REPORT.match(heading.strip())
        who = (m.group("who") if m else heading).strip(" .:*_")
        if not who or len(who) > 40:
            return None
        for c in _candidates(who):
            got = role_of(c)
            if got:
                # no holder on record: the role itself owns it, as the heading writes it
                return _holders(self.roles, got[0], c) or [who]
        for p in self.meeting.attendees:  # "SAMO": an attendee's detail
            if p.detail and p.detail.strip().casefold() == who.casefold():
                return [p.name]
        c = who.casefold()
        if looks_like_name(who, 4) and (c in self.full or (len(who.split()) == 1 and c in self.tokens)):
            return [who]
        return None


def scopes(text: str, ls: list[Line], hs: list[Heading], finder: OwnerFinder) -> list[Scope]:
    """Stretches of the document whose subjectless tasks belong to someone: from a heading to
    the next heading of its level or above; from an "X:" line to the next heading, "X:" line or
    the blank line after its paragraph."""
    out: list[Scope] = []
    for i, h in enumerate(hs):
        title = text[h.title_span[0]:h.title_span[1]]
        owners = finder.owner(title)
        if not owners:
            continue
        end = next((g.start for g in hs[i + 1:] if g.level <= h.level), len(text))
        out.append(Scope(h.end, end, owners, title, tuple(h.title_span)))
    heads = [h.start for h in hs]
    for i, ln in enumerate(ls):
        m = _OWNER_LINE.match(ln.text)
        if not m or ln.text.startswith(("#", "\\")):
            continue
        owners = finder.owner(m.group("who"))
        if not owners:
            continue
        k = bisect.bisect_right(heads, ln.start)
        end = hs[k].start if k < len(hs) else len(text)
        seen = False
        for nxt in ls[i + 1:]:
            if nxt.start >= end or _OWNER_LINE.match(nxt.text) or (nxt.blank and seen):
                end = min(end, nxt.raw_start)
                break
            seen = seen or not nxt.blank
        s = ln.start + m.start("who")
        out.append(Scope(ln.end, end, owners, m.group("who"), (s, s + len(m.group("who")))))
    return sorted(out, key=lambda sc: sc.start)


def scope_at(scs: list[Scope], pos: int) -> Scope | None:
    """The innermost scope holding ``pos`` (a sub-heading's owner beats its parent's)."""
    best = None
    for sc in scs:
        if sc.start <= pos < sc.end and (best is None or sc.start >= best.start):
            best = sc
    return best


def subjectless(text: str, u: Unit) -> tuple[int, int] | None:
    """The task's span in a statement that opens with a modal or a task verb and no subject, or
    None. After a modal the task is what follows it ("förbereda en redovisning"); a task verb is
    part of the task ("Tar fram en budget")."""
    if not text[u.start:u.start + 1].isupper():
        return None
    m = _OPENER.match(text, u.start, u.end)
    if not m:
        return None
    rest = text[m.start("task"):u.end]
    modal = m.group("v").casefold().split()[0] in ("ska", "skall", "kommer", "will", "shall", "to", "is", "are")
    if modal and (_NOT_TASK.match(rest) or re.match(r"[\wåäö]+as\b", rest) or rest[:1].isupper()):
        return None  # "Ska vi …", "Will be …", "Ska avsättas" (a passive), "To Anna: …"
    if not modal and re.match(r"(?i)(?:inte|ej|not)\b", rest):
        return None
    return (m.start("task") if modal else m.start("v")), u.end
