"""Who owns an action: which written owners can be someone ("Tim", "@rvagg", "styrelsen", never
"Vi" or "Papperna"), and whom they name. An owner is resolved to the full name of one of the
meeting's people (attendees, absent, invited, chair, secretary, role holders): the first name
"Tim" to "Tim Persson", a handle "@rvagg" to "Rod Vagg", a role "kassören" to its holder. What
the meeting cannot resolve, :func:`resolve_across` resolves from the people of the other
meetings ("Albin" in minutes that do not list him). Names are compared by the one matcher,
index/names.py."""
from __future__ import annotations

import datetime as dt
import re

from index.models import Meeting, RoleHolder
from index.names import name_tokens, names_match, one_person
from index.people import looks_like_name
from index.records.roles import role_of
from index.sections import strip_span
from index.vocab import NOT_OWNERS, OWNER_BODIES, STOP_WORDS

BODIES = {re.sub(r"\s+", " ", b) for b in OWNER_BODIES}
# Swedish definite and abstract noun endings: "Papperna", "Incidenthanteringen" are things.
NOUNISH = re.compile(r"(?:erna|arna|orna|rna|ningen|ningar|heten|tion|tionen|ingen|andet|endet|ment|ness|ing)$")
# A capitalised word after a lower-case word or a comma: a proper noun, as Swedish writes no
# common noun so ("kontaktar Morgan och Albin").
_MID_CAPITAL = re.compile(r"(?<=[a-zåäöé,])[ \t]+([A-ZÅÄÖÉ][a-zåäöéü'’-]+)\b")
_STOP = STOP_WORDS["sv"] | STOP_WORDS["en"]  # "Rod, How to …": "How" is nobody
_SEPARATORS = re.compile(r"\s*(?:,|&|\boch\b|\band\b|\bsamt\b|/)\s*")


def split_owners(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The spans of the owners in text[s:e] ("Albin och Morgan", "Anna, Erik & Lisa")."""
    out = []
    pos = s
    for m in _SEPARATORS.finditer(text[s:e]):
        a, b = strip_span(text, pos, s + m.start())
        if b > a:
            out.append((a, b))
        pos = s + m.end()
    a, b = strip_span(text, pos, e)
    if b > a:
        out.append((a, b))
    return out


class MeetingPeople:
    """Who can own a task in this meeting: its people's names, first and last names, handles."""

    def __init__(self, text: str, meeting: Meeting, roles: list[RoleHolder] = ()):
        known = [h.name for h in roles]
        self.text = text
        self.roles = list(roles)
        self.names: list[str] = list(dict.fromkeys(known))
        self.full: set[str] = {k.casefold() for k in known}
        self.tokens: set[str] = {w.casefold() for k in known for w in k.split() if len(w) > 1}
        self.handles: dict[str, str] = {}
        ps = list(meeting.attendees) + list(meeting.absent) + list(meeting.invited)
        ps += [p for p in (meeting.chair, meeting.secretary) if p]
        for p in ps:
            if p.name not in self.names:
                self.names.append(p.name)
            self.full.add(p.name.casefold())
            for w in p.name.split():
                if len(w) > 1:
                    self.tokens.add(w.casefold())
            for h in re.findall(r"@([\w-]+)", text[p.span[0]:p.span[1]]):
                self.tokens.add("@" + h.casefold())
                self.handles.setdefault("@" + h.casefold(), p.name)
        self.known = bool(self.full)
        self._proper: set[str] | None = None

    def proper(self, word: str) -> bool:
        """``word`` is written capitalised inside a sentence somewhere in this text."""
        if self._proper is None:
            self._proper = {m.group(1) for m in _MID_CAPITAL.finditer(self.text)}
        return word in self._proper

    def is_person(self, word: str) -> bool:
        """``word`` is a name of one of the meeting's people, or a proper noun of this text."""
        return word.casefold() in self.tokens or self.proper(word)

    def ok(self, name: str, strong: bool, group: bool = False) -> bool:
        """``name`` can own a task: a body, a handle, one of the meeting's people, any name by
        shape after a ``strong`` cue, or (in a ``group`` of owners, "Albin och Morgan ska …") a
        proper noun of this text."""
        n = re.sub(r"^(?i:den|det|de|the)\s+", "", name.strip())
        c = n.casefold()
        if not c:
            return False
        if re.sub(r"\s+", " ", c) in BODIES:
            return True
        if c.startswith("@"):
            return True
        words = n.split()
        if words[0].casefold() in NOT_OWNERS or not looks_like_name(n, 4):
            return False
        if c in self.full or words[0].casefold() in self.tokens:
            return True
        if strong:
            return True
        if group and len(words) == 1 and not NOUNISH.search(c) and c not in _STOP and self.proper(n):
            return True
        # Nobody's names are known: a capitalised word may be a name, but not a Swedish
        # definite noun ("Papperna ska …", "Incidenthanteringen ska …").
        return not self.known and not (len(words) == 1 and NOUNISH.search(c))

    def resolve(self, owner: str) -> str:
        """The full name of the meeting's person ``owner`` names, else ``owner`` as written."""
        c = owner.casefold()
        if c.startswith("@"):
            return self.handles.get(c, owner)
        if re.sub(r"\s+", " ", c) in BODIES or re.sub(r"^(?:den|det|the)\s+", "", c) in BODIES:
            return self._holder(owner) or owner
        return one_person(owner, self.names) or owner

    def _holder(self, body: str) -> str | None:
        """"kassören", "the chair": the one holder of that role the meeting's records name."""
        t = re.sub(r"^(?i:den|det|the)\s+", "", body.strip())
        for cand in (t, t[:-2] if t.casefold().endswith("en") else t, t[:-1] if t.casefold().endswith("n") else t):
            got = role_of(cand)
            if got:
                names = {h.name for h in self.roles if h.role == got[0]}
                return names.pop() if len(names) == 1 else None
        return None


def _people_of(m: Meeting) -> list[str]:
    ps = list(m.attendees) + list(m.absent) + list(m.invited) + [p for p in (m.chair, m.secretary) if p]
    return list(dict.fromkeys([p.name for p in ps] + [h.name for h in m.roles]))


def resolve_across(meetings: list[Meeting]) -> None:
    """Resolve the owners no meeting resolved by itself ("Albin" in minutes that do not list him)
    from the people of every meeting: the one person of that name, or, when several people
    share it, the one seen in the meeting nearest in time. Sets ``owner_names`` in place."""
    seen: dict[str, list[str]] = {}  # name -> the dates of the meetings that name them
    by_token: dict[str, set[str]] = {}  # a name's folded token -> the names (the matcher's candidates)
    for m in meetings:
        for n in _people_of(m):
            seen.setdefault(n, []).append(m.date or "")
            for t in name_tokens(n):
                by_token.setdefault(t, set()).add(n)
    if not seen:
        return
    for m in meetings:
        for a in m.actions:
            names = a.owner_names or list(a.owners)
            for i, (o, n) in enumerate(zip(a.owners, names, strict=True)):
                if n != o or o.startswith("@") or not looks_like_name(o, 1):
                    continue
                cands = {c: seen[c] for t in name_tokens(o) for c in by_token.get(t, ())}
                got = one_person(o, cands)
                if got is None and m.date:
                    got = _nearest(o, cands, m.date)
                if got:
                    names[i] = got
            a.owner_names = names


def _nearest(owner: str, seen: dict[str, list[str]], date: str) -> str | None:
    """Of the people ``owner`` may name, the one named in the meeting nearest ``date`` (None on
    a tie or when nobody fits)."""
    day = dt.date.fromisoformat(date)
    best: dict[str, int] = {}
    for n, dates in seen.items():
        if " " not in n.strip() or not names_match(owner, n):
            continue
        gaps = [abs((dt.date.fromisoformat(d) - day).days) for d in dates if d]
        if gaps:
            best[n] = min(gaps)
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda kv: kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]
