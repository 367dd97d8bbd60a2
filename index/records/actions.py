"""Action items: who must do what by when ("Action: Trevor to email …", "A1. Anna to … Due 31
October", "Tim kontaktar studentkåren", "Ansvarig: Anna", "styrelsen får i uppdrag att …",
"ger förvaltningen i uppdrag att …", Owner/Ansvarig tables, "@handle"), and their status
across meetings (index/records/status.py).

Owners are names of the meeting's people, names by shape (index/names.looks_like_name) after
a strong cue ("Action:", "i uppdrag"), or bodies ("styrelsen", "förvaltningen"); a capitalised
word that starts a sentence ("Vi", "Det") is nobody."""
from __future__ import annotations

import bisect
import datetime as dt
import re

from index.dates import find_dates, slash_month_first
from index.models import ActionItem, Decision, Meeting, RoleHolder
from index.names import looks_like_name, name_regex
from index.records.agenda import ItemIndex
from index.vocab import (ACTION_LABELS, DUE_COLUMNS, DUE_CUES, NOT_OWNERS, OWNER_BODIES, OWNER_COLUMNS,
                                REVIEW_HEADINGS, STATUS_COLUMNS, STATUS_WORDS, TASK_COLUMNS, TASK_VERBS_EN,
                                TASK_VERBS_SV)
from index.records.requests import request
from index.records.section_owner import OwnerFinder, scope_at, scopes, subjectless
from index.records.text import Unit, norm, trim_end
from index.sections import Heading, Line, norm_heading, strip_span


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


# One owner: a capitalised name of up to three words, a handle, or a body ("styrelsen").
_ONE = rf"(?:@[\w-]{{1,39}}|(?:den\s+|det\s+|the\s+)?(?:{_alt(OWNER_BODIES)})|{name_regex(3)})"
_OWNERS = rf"(?P<o>{_ONE}(?:\s*(?:,|&|\boch\b|\band\b|\bsamt\b|/)\s*{_ONE}){{0,4}})"
_VERBS = _alt(TASK_VERBS_SV + TASK_VERBS_EN)

# "Action: …", "ACTION:", "TODO:", "AP 3:", "Action item:", "A1.", "AP1)", "AI-3:", "- [ ] …"
_LABEL = re.compile(rf"""(?ix)
    (?:[-*+•]\s+)?(?:\*\*|__)?         # matched at a statement's start (re.match with pos)
    (?:
        (?:{_alt(ACTION_LABELS)})(?:\s*\d{{1,3}})?(?:\*\*|__)?\s*[:.)–—-]      # Action: / TODO: / AP 3:
      | (?-i:A[PI]?-?\d{{1,3}})[.:)]                                           # A1. / AP1) / AI-3:
      | \[(?P<box>[ xX✓])\]                                                   # - [ ] / - [x] checkbox
    )(?:\*\*|__)?\s*
""")
# What follows a label, or a whole statement: owners then a verb ("Trevor to email …").
_OWNER_VERB = re.compile(rf"""(?x)
    {_OWNERS}\s*(?:[:,]\s*(?:(?i:I|I'll|I’ll)\s+)?)?\s+
    (?P<v>(?i:{_VERBS}))(?!\w)\s*(?P<task>[\s\S]+)
""")
# "Anna Berg: book the room" after a label.
_OWNER_COLON = re.compile(rf"{_OWNERS}\s*[:–—]\s+(?P<task>[\s\S]+)")
# "book the room (Anna)", "book the room [owner: Anna]"
_OWNER_PAREN = re.compile(rf"""(?x)
    (?P<task>[\s\S]+?)\s*[(\[](?i:ansvarig|owner|ansvar|who|vem|assigned\s+to)?\s*:?\s*{_OWNERS}[)\]]\s*[.;]?
""")
# "book the room – Anna"
_OWNER_DASH = re.compile(rf"(?P<task>[\s\S]+?)\s[–—-]\s+{_OWNERS}\s*[.;]?")
# "styrelsen får i uppdrag att …", "Förvaltningen uppdras att …", "arbetsgruppen har i uppdrag att …"
_MANDATE = re.compile(rf"""(?x)
    (?<![\w-])(?:(?i:den|det|de|the)\s+)?(?P<o>(?i:{_alt(OWNER_BODIES)})|{_ONE}(?:\s*(?:,|\boch\b|&)\s*{_ONE}){{0,3}})\s+
    (?i:(?:får|fick|ges|gavs|har|hade|erhåller)\s+i\s+uppdrag|uppdras|is\s+(?:tasked|asked|mandated)|are\s+(?:tasked|asked))
    (?:\s+(?i:att|to))?\s+(?P<task>[\s\S]+)
""")
# "ger förvaltningen i uppdrag att …", "uppdrar åt Anna Berg att …", "ask the board to …"
_GIVE = re.compile(rf"""(?x)
    \b(?i:ger|gav|uppdrar\s+åt|uppdrog\s+åt|ge|tasks|tasked|asks|asked)\s+(?:(?i:den|det|the)\s+)?
    (?P<o>(?i:{_alt(OWNER_BODIES)})|{_ONE}(?:\s*(?:,|\boch\b|&)\s*{_ONE}){{0,3}})\s+
    (?:(?i:i\s+uppdrag)\s+)?(?i:att|to)\s+(?P<task>[\s\S]+)
""")
# "Ansvarig: Anna Berg", "Owner: @rvagg", "Responsible: styrelsen"
_RESPONSIBLE = re.compile(rf"(?i:\b(?:ansvarig|ansvariga|owner|owners|responsible|assigned\s+to))\s*:\s*{_OWNERS}")
_NEXT_MEETING = re.compile(r"(?i)\b(?:till|innan|före|by|before|until|senast\s+till|senast\s+vid|vid|at|for)\s+"
                           r"(?:the\s+)?nästa\s+(?:möte|styrelsemöte|sammanträde)t?|"
                           r"\b(?:by|before|until|for|at)\s+(?:the\s+)?next\s+(?:board\s+)?meeting\b")
_DUE_CUE = re.compile(r"(?i)(?:" + _alt(DUE_CUES) + r")\s*:?\s*(?:den\s+|the\s+)?$")
_STATUS = {k: re.compile(r"(?i)(?<![\w\[])(?:" + "|".join(re.escape(w) for w in sorted(v, key=len, reverse=True)) + r")(?![\w\]])")
           for k, v in STATUS_WORDS.items()}
_STATUS_ORDER = ("not_started", "dropped", "ongoing", "done")  # "ej klar" before "klar"
_STATUS_LABEL = re.compile(r"(?i)\b(?:status|läge|state)\s*:\s*")
_REVIEW = {norm(h) for h in REVIEW_HEADINGS}
_DUE_LEAD = re.compile(r"(?i)(?:due|deadline|senast|klart\s+senast|klart\s+till|by)\b")

_NOUNISH = re.compile(r"(?:erna|arna|orna|rna|ningen|ningar|heten|tion|tionen|ingen|andet|endet|ment|ness|ing)$")


class _People:
    """Who can own a task in this meeting: its people's names, first and last names, handles."""

    def __init__(self, text: str, meeting: Meeting, known=()):
        self.full: set[str] = {k.casefold() for k in known}
        self.tokens: set[str] = {w.casefold() for k in known for w in k.split() if len(w) > 1}
        ps = list(meeting.attendees) + list(meeting.absent) + list(meeting.invited)
        ps += [p for p in (meeting.chair, meeting.secretary) if p]
        for p in ps:
            self.full.add(p.name.casefold())
            for w in p.name.split():
                if len(w) > 1:
                    self.tokens.add(w.casefold())
            for h in re.findall(r"@([\w-]+)", text[p.span[0]:p.span[1]]):
                self.tokens.add("@" + h.casefold())
        self.known = bool(self.full)

    def ok(self, name: str, strong: bool) -> bool:
        n = re.sub(r"^(?i:den|det|de|the)\s+", "", name.strip())
        c = n.casefold()
        if not c:
            return False
        if re.sub(r"\s+", " ", c) in _BODIES:
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
        # Nobody's names are known: a capitalised word may be a name, but not a Swedish
        # definite noun ("Papperna ska …", "Incidenthanteringen ska …").
        return not self.known and not (len(words) == 1 and _NOUNISH.search(c))


_BODIES = {re.sub(r"\s+", " ", b) for b in OWNER_BODIES}


def _split_owners(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    pos = s
    for m in re.finditer(r"\s*(?:,|&|\boch\b|\band\b|\bsamt\b|/)\s*", text[s:e]):
        a, b = strip_span(text, pos, s + m.start())
        if b > a:
            out.append((a, b))
        pos = s + m.end()
    a, b = strip_span(text, pos, e)
    if b > a:
        out.append((a, b))
    return out


class _Reader:
    def __init__(self, text: str, meeting: Meeting, items: ItemIndex, known=()):
        self.text = text
        self.meeting = meeting
        self.items = items
        self.people = _People(text, meeting, known)
        self.base = dt.date.fromisoformat(meeting.date) if meeting.date else None
        self.mf = slash_month_first(text)
        self.out: list[ActionItem] = []
        self.spans: set[tuple[int, int]] = set()
        self.scopes = []  # section_owner.Scope: where a heading names the owner

    def owners(self, s: int, e: int, strong: bool) -> list[str] | None:
        """The owners named in text[s:e], or None when any of them is nobody."""
        parts = _split_owners(self.text, s, e)
        names = []
        for a, b in parts:
            n = re.sub(r"\s+", " ", self.text[a:b])
            if not self.people.ok(n, strong):
                return None
            names.append(n)
        return names or None

    def due(self, s: int, e: int, anywhere: bool) -> tuple[str | None, tuple[int, int] | None]:
        seg = self.text[s:e]
        for d, (a, b) in find_dates(seg, base=self.base, forward=True, month_first=self.mf):
            if anywhere or _DUE_CUE.search(seg[max(0, a - 20):a]):
                return d.isoformat(), (s + a, s + b)
        m = _NEXT_MEETING.search(seg)
        if m and self.meeting.next_meeting and self.meeting.next_meeting.date:
            return self.meeting.next_meeting.date, (s + m.start(), s + m.end())
        return None, None

    def status(self, s: int, e: int, *, anywhere: bool = False) -> tuple[str, tuple[int, int] | None, int]:
        """(status, its span, where the task text should end) from a statement's tail:
        "… – Done", "… (klart)", "Status: pågår", or ``anywhere`` in a status cell."""
        seg = self.text[s:e]
        lab = _STATUS_LABEL.search(seg)
        for key in _STATUS_ORDER:
            for m in _STATUS[key].finditer(seg):
                a, b = m.span()
                tail = seg[b:].strip(" \t.)]*_!")
                before = seg[:a].rstrip(" \t*_")
                sep = before.endswith(("(", "[", "–", "—", "-", ":", "|", ",")) or before == ""
                if anywhere or (lab and lab.end() <= a) or (not tail and sep):
                    cut = len(before.rstrip("([–—-:|, \t")) if not anywhere else len(seg)
                    if lab and lab.end() <= a:
                        cut = min(cut, lab.start())
                    return key, (s + a, s + b), s + cut
        return "open", None, e

    def add(self, owners: list[str], ts: int, te: int, s: int, e: int, *, anywhere_due: bool = False,
            status: tuple | None = None, review: bool = False, owner_from=None) -> None:
        text = self.text
        st, st_span, cut = status or self.status(ts, te)
        ts, te = trim_end(text, ts, min(te, cut))
        if te - ts < 3 or (s, e) in self.spans:
            return
        if text[ts:te].rstrip().endswith("?"):
            return  # a question is no task
        due, due_span = self.due(ts, e, anywhere_due)
        self.spans.add((s, e))
        self.out.append(ActionItem(owners=owners, task=text[ts:te], task_span=(ts, te), span=(s, e), due=due,
                                   due_span=due_span, item=self.items.heading_at(s), status=st,
                                   status_span=st_span, review=review,
                                   owner_from=owner_from.note if owner_from else None,
                                   owner_from_span=owner_from.note_span if owner_from else None))

    def reported(self, u: Unit) -> None:
        """A line of a review of earlier actions: "- Sam: update the website – Ongoing"."""
        st, sp, cut = self.status(u.start, u.end)
        if st == "open":
            return
        for pat in (_OWNER_VERB, _OWNER_COLON, _OWNER_PAREN, _OWNER_DASH):
            om = pat.fullmatch(self.text, u.start, cut)
            if om:
                owners = self.owners(*om.span("o"), strong=True)
                if owners:
                    self.add(owners, om.start("task"), om.end("task"), u.start, u.end, status=(st, sp, cut), review=True)
                    return
        self.add([], u.start, cut, u.start, u.end, status=(st, sp, cut), review=True)

    def due_after(self, u: Unit) -> None:
        """"A1. Sam to update the website. Due 30 November": the due date in the next sentence."""
        last = self.out[-1]
        if last.due or "\n" in self.text[last.span[1]:u.start] or u.start - last.span[1] > 3:
            return
        due, due_span = self.due(u.start, u.end, True)
        if due:
            self.spans.discard(last.span)
            last.due, last.due_span, last.span = due, due_span, (last.span[0], u.end)
            self.spans.add(last.span)

    # -- the forms --------------------------------------------------------------------------
    def labelled(self, u: Unit, review: bool) -> bool:
        text = self.text
        m = _LABEL.match(text, u.start, u.end)
        if not m:
            return False
        s, e = strip_span(text, m.end(), u.end)
        box = m.group("box")
        status = None
        if box is not None:
            status = ("done", (m.start("box") - 1, m.end("box") + 1), u.end) if box.strip() else ("open", None, u.end)
        for pat in (_OWNER_VERB, _OWNER_COLON, _OWNER_PAREN, _OWNER_DASH):
            om = pat.fullmatch(text, s, e)
            if om:
                owners = self.owners(*om.span("o"), strong=True)
                if owners:
                    self.add(owners, *om.span("task"), u.start, u.end, anywhere_due=True, status=status, review=review)
                    return True
        handles = re.findall(r"@[\w-]+", text[s:e])
        self.add(handles, s, e, u.start, u.end, anywhere_due=True, status=status, review=review)
        return True

    def mandate(self, u: Unit, review: bool) -> bool:
        for pat in (_MANDATE, _GIVE):
            m = pat.search(self.text, u.start, u.end)
            if m:
                owners = self.owners(*m.span("o"), strong=True)
                if owners:
                    self.add(owners, *m.span("task"), u.start, u.end, review=review)
                    return True
        return False

    def responsible(self, u: Unit, prev: Unit | None, review: bool) -> bool:
        m = _RESPONSIBLE.search(self.text, u.start, u.end)
        if not m:
            return False
        owners = self.owners(*m.span("o"), strong=True)
        if not owners:
            return False
        before = trim_end(self.text, u.start, m.start())
        if before[1] - before[0] >= 3:  # "Ta fram budget. Ansvarig: Anna"
            self.add(owners, *before, u.start, u.end, review=review)
        elif prev is not None:  # "Ansvarig: Anna" on its own line under the task
            self.add(owners, prev.start, prev.end, prev.start, u.end, review=review)
        return True

    def sentence(self, u: Unit, review: bool) -> bool:
        """"Tim kontaktar studentkåren", "Rod to work with Bryan", "Annie fixar X och Erik fixar Y"
        (two tasks: each clause that opens with an owner and a verb is one)."""
        text = self.text
        starts = [u.start] + [u.start + m.end() for m in
                              re.finditer(r"(?:[,;]|\s(?:och|and|samt))\s+(?=[@\w])", text[u.start:u.end])]
        found = []
        for i, s in enumerate(starts):
            m = _OWNER_VERB.match(text, s, u.end)
            if not m:
                continue
            verb = m.group("v").casefold()
            if verb == "to" and i:
                continue  # "…, Rod to …" is no clause; "Rod to …" opening a statement is
            modal = verb in ("ska", "skall", "will", "to", "shall", "kommer att", "agreed to", "volunteered to",
                             "offered to", "is going to")
            if found and s < found[-1][3]:
                continue  # "Tim och Samuel tar …": "Samuel tar" is inside the owners found already
            owners = self.owners(*m.span("o"), strong=False)
            if not owners:
                continue
            if re.match(r"(?i)(?:inte|ej|not|never|aldrig|nog|kanske|maybe)\b", text[m.start("task"):]):
                continue
            if modal and re.match(r"[\wåäö]+as\b", text[m.start("task"):]):
                continue  # "Edward ska avsättas": a passive says what happens, not who does it
            if modal and re.match(r"(?i)(?:ha(?!\s+(?:ett\s+|en\s+)?(?:möte|samtal|koll|kontakt|dialog))|få|vara|bli|be|have|get|leave)\b", text[m.start("task"):]):
                continue  # "Christoffer ska ha pr-mailen", "Sam will leave it on hold": a state, no task
            found.append((s, owners, m.start("task") if modal else m.start("v"), m.start("v")))
        for k, (s, owners, ts, _) in enumerate(found):
            te = found[k + 1][0] if k + 1 < len(found) else u.end
            if k + 1 < len(found):
                te = s + len(re.sub(r"(?:[,;]|\s(?:och|and|samt))\s*$", "", text[s:te]))
            self.add(owners, ts, te, u.start, u.end, review=review)
            if len(found) > 1 and self.out and self.out[-1].span == (u.start, u.end):
                self.spans.discard((u.start, u.end))  # the next clause of this statement may add too
        return bool(found)

    def requested(self, u: Unit, review: bool) -> bool:
        """"Anna ombads att …", "members were asked to …", "… efterfrågades förslag på …"."""
        got = request(self.text, u, lambda n: self.people.ok(n, strong=True))
        if got is None:
            return False
        self.add(got[0], got[1], got[2], u.start, u.end, review=review)
        return True

    def section(self, u: Unit, review: bool) -> bool:
        """"Ska förbereda en redovisning" under "Kassör": the section's owner (section_owner.py)."""
        sc = scope_at(self.scopes, u.start)
        got = subjectless(self.text, u) if sc is not None else None
        if got is None:
            return False
        self.add(list(sc.owners), *got, u.start, u.end, review=review, owner_from=sc)
        return True


def _cells(text: str, ln: Line, sep: str) -> list[tuple[int, int]]:
    s, e = ln.start, ln.end
    seg = text[s:e]
    if sep == "|":
        seg_s = s + (1 if seg.startswith("|") else 0)
        seg_e = e - (1 if seg.endswith("|") and e - 1 > seg_s else 0)
        bounds = [m.start() for m in re.finditer(r"\|", text[seg_s:seg_e])]
    elif sep == "\t":
        seg_s, seg_e = s, e
        bounds = [m.start() for m in re.finditer(r"\t", text[seg_s:seg_e])]
    else:
        seg_s, seg_e = s, e
        bounds = [m.start() for m in re.finditer(r", ", text[seg_s:seg_e])]
    out = []
    pos = 0
    for b in bounds + [seg_e - seg_s]:
        a, z = strip_span(text, seg_s + pos, seg_s + b)
        out.append((a, z))
        pos = b + 1
    return out


def _column(name: str) -> str | None:
    n = norm(name).strip("*_ ")
    if n in OWNER_COLUMNS:
        return "owner"
    if n in TASK_COLUMNS:
        return "task"
    if n in DUE_COLUMNS:
        return "due"
    if n in STATUS_COLUMNS:
        return "status"
    return None


def _tables(r: _Reader, ls: list[Line]) -> set[int]:
    """Action tables: a header row with an owner and a task column ("| Åtgärd | Ansvarig |
    Klart senast | Status |", tab- or comma-separated in DOCX text). Returns the lines used."""
    text = r.text
    used: set[int] = set()
    i = 0
    while i < len(ls):
        ln = ls[i]
        t = ln.text
        sep = "|" if t.count("|") >= 2 else "\t" if "\t" in t else ", " if ", " in t else None
        if sep is None:
            i += 1
            continue
        cols = [_column(text[a:b]) for a, b in _cells(text, ln, sep)]
        if "owner" not in cols or "task" not in cols:
            i += 1
            continue
        used.add(i)
        j = i + 1
        while j < len(ls) and not ls[j].blank and (sep != "|" or "|" in ls[j].text):
            row = ls[j]
            used.add(j)
            j += 1
            if re.fullmatch(r"[\s|:\-]+", row.text):
                continue  # |---|---|
            cells = _cells(text, row, sep)
            if len(cells) != len(cols):
                continue
            cell = dict(zip(cols, cells))
            ts, te = cell["task"]
            if te <= ts:
                continue
            owners = r.owners(*cell["owner"], strong=True) or []
            status = ("open", None, te)
            if "status" in cell and cell["status"][1] > cell["status"][0]:
                st, sp, _ = r.status(*cell["status"], anywhere=True)
                status = (st, sp, te)
            due, due_span = (None, None)
            if "due" in cell and cell["due"][1] > cell["due"][0]:
                due, due_span = r.due(*cell["due"], anywhere=True)
            n = len(r.out)
            r.add(owners, ts, te, row.start, row.end, status=status)
            if len(r.out) > n and due:
                r.out[-1].due, r.out[-1].due_span = due, due_span
        i = j
    return used


def find_actions(text: str, meeting: Meeting, ls: list[Line], hs: list[Heading], items: ItemIndex,
                 units: list[Unit], decisions: list[Decision], proposals: list[tuple[int, int]],
                 known: list[str] = (), roles: list[RoleHolder] = ()) -> list[ActionItem]:
    """``known``: more names of this meeting's people (role holders) to recognise owners by;
    ``roles``: its role holders, who own the subjectless tasks under their role's heading."""
    r = _Reader(text, meeting, items, known)
    r.scopes = scopes(text, ls, hs, OwnerFinder(meeting, list(roles), r.people.full, r.people.tokens))
    table_lines = _tables(r, ls)
    line_starts = [ln.raw_start for ln in ls]
    review_spans = [it.span for it in items.items if norm(norm_heading(it.heading)) in _REVIEW]
    # A task inside a proposal counts only once a decision settled it by reference
    # ("förslaget till beslut bifalles"); restated or rejected proposals are not tasks.
    settled = {d.text_span for d in decisions if d.outcome in ("approved", "decided") and d.span != d.text_span}
    blocked = sorted(p for p in proposals if p not in settled)
    bstarts = [p[0] for p in blocked]
    prev: Unit | None = None
    for u in units:
        li = bisect.bisect_right(line_starts, u.start) - 1
        if li in table_lines:
            continue
        k = bisect.bisect_right(bstarts, u.start) - 1
        if k >= 0 and blocked[k][0] <= u.start < blocked[k][1]:
            prev = u
            continue
        review = any(a <= u.start < b for a, b in review_spans)
        n = len(r.out)
        (r.labelled(u, review) or r.responsible(u, prev, review) or r.mandate(u, review) or r.requested(u, review)
         or r.sentence(u, review) or r.section(u, review))
        if review and len(r.out) == n:
            r.reported(u)
        elif len(r.out) == n and r.out and _DUE_LEAD.match(text, u.start, u.end):
            r.due_after(u)
        prev = u
    return sorted(r.out, key=lambda a: a.span[0])
