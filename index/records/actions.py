"""Action items: who must do what by when ("Action: Trevor to email …", "A1. Anna to … Due 31
October", "Tim kontaktar studentkåren", "Ansvarig: Anna", "styrelsen får i uppdrag att …",
"ger förvaltningen i uppdrag att …", Owner/Ansvarig tables, "@handle"), and their status
across meetings (index/records/status.py).

Owners are names of the meeting's people, names by shape (index/person_names.looks_like_name) after
a strong cue ("Action:", "i uppdrag"), or bodies ("styrelsen", "förvaltningen"); a capitalised
word that starts a sentence ("Vi", "Det") is nobody."""
from __future__ import annotations

import bisect
import datetime as dt
import re

from index.dates import find_dates, slash_month_first
from index.models import ActionItem, Decision, Meeting, RoleHolder
from index.person_names import UP, name_regex
from index.records.agenda import ItemIndex
from index.vocab import (ACTION_LABELS, ANAPHORS, CLAUSE_BREAKS, DUE_CUES, FUNCTION_WORDS, NOT_OWNERS,
                         OWNER_BODIES, PERFECT_AUXILIARIES, REVIEW_HEADINGS, TASK_VERBS_EN, TASK_VERBS_SV)
from index.records.owners import MeetingPeople, split_owners
from index.records.ownerless import after_modal, passive_task, we_task
from index.records.requests import request
from index.records.status import tail_status, with_statuses
from index.records.tables import read_tables
from index.records.section_owner import OwnerFinder, scope_at, scopes, subjectless
from index.records.action_lists import list_spans
from index.records.text import Unit, new_line_sentence, norm, trim, trim_end
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
# "mnot to run some tests", "ivan will check" after a label: scribe minutes name owners by
# their handles, in lower case (never a function word: "we to", "all to").
_HANDLE_VERB = re.compile(r"(?P<o>[^\W\d_][\w.-]{1,30})\s+(?P<v>to|will|ska)\s+(?P<task>\S[\s\S]*)")
# "work with Max to create a rector", "arbetar tillsammans med Anna för att …": a shared task.
_PARTNERS = re.compile(rf"""(?x)(?i:work|works|working|arbeta|arbetar|jobba|jobbar)\s+(?i:together\s+|tillsammans\s+)?
    (?i:with|med)\s+{_OWNERS}\s+(?i:to|on|för\s+att|att|på)(?!\w)""")
# "Anna Berg: book the room" after a label.
_OWNER_COLON = re.compile(rf"{_OWNERS}\s*[:–—]\s+(?P<task>[\s\S]+)")
# "book the room (Anna)", "book the room [owner: Anna]", "book the room - (Anna)"
_OWNER_PAREN = re.compile(rf"""(?x)
    (?P<task>[\s\S]+?)\s*(?:[–—-]\s*)?[(\[](?i:ansvarig|owner|ansvar|who|vem|assigned\s+to)?\s*:?\s*{_OWNERS}[)\]]{{1,2}}\s*[.;]?
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
# "Anna har bokat lokalen": a report of what an owner has done (a review of an earlier task)
_OWNER_PERFECT = re.compile(rf"{_OWNERS}\s+(?i:{_alt(PERFECT_AUXILIARIES)})\s+(?P<task>[\s\S]+)")
# A task that only points back: it ends in "detta"/"this" ("Samuel förbereder detta")
_POINTS_BACK = re.compile(rf"(?i)(?<![\wåäö])(?:{_alt(ANAPHORS)})\s*[.!]?\s*$")
_POINTS_BACK_ANYWHERE = re.compile(rf"(?i)(?<![\wåäö])(?:{_alt(ANAPHORS)})(?![\wåäö])")
_NEGATED = re.compile(r"(?i)(?:inte|ej|not|never|aldrig|nog|kanske|maybe)\b")
# A name then "och"/"and" right before a clause start: "Samuel Hammersberg och |Lukas Gartman ska"
_NAME_AND = re.compile(rf"(?<![\w'’-])(?P<n>[{UP}][\w'’-]{{1,30}}(?:[ \t]+[{UP}][\w'’-]{{1,30}}){{0,2}})\s+(?:och|and|samt)\s+$")
# A comma and a word that opens a clause of its own: where a task ends
_CLAUSE_BREAK = re.compile(rf"(?i),\s+(?:{_alt(CLAUSE_BREAKS)})(?![\wåäö])")
_REVIEW = {norm(h) for h in REVIEW_HEADINGS}
_NOT_HANDLES = FUNCTION_WORDS["en"] | FUNCTION_WORDS["sv"] | NOT_OWNERS
_DUE_LEAD = re.compile(r"(?i)(?:due|deadline|senast|klart\s+senast|klart\s+till|by)\b")

class _Reader:
    def __init__(self, text: str, meeting: Meeting, items: ItemIndex, roles=()):
        self.text = text
        self.meeting = meeting
        self.items = items
        self.people = MeetingPeople(text, meeting, roles)
        self.base = dt.date.fromisoformat(meeting.date) if meeting.date else None
        self.mf = slash_month_first(text)
        self.out: list[ActionItem] = []
        self.spans: set[tuple[int, int]] = set()
        self.scopes = []  # section_owner.Scope: where a heading names the owner

    def owners(self, s: int, e: int, strong: bool) -> list[str] | None:
        """The owners named in text[s:e], or None when any of them is nobody."""
        parts = split_owners(self.text, s, e)
        names = []
        for a, b in parts:
            n = re.sub(r"\s+", " ", self.text[a:b])
            if not self.people.ok(n, strong, group=len(parts) > 1):
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
        return tail_status(self.text, s, e, anywhere=anywhere)

    def add(self, owners: list[str], ts: int, te: int, s: int, e: int, *, anywhere_due: bool = False,
            status: tuple | None = None, review: bool = False, owner_from=None) -> None:
        text = self.text
        st, st_span, cut = status or self.status(ts, te)
        ts, te = trim_end(text, ts, min(te, cut))
        if te - ts < 3 or (s, e) in self.spans:
            return
        if text[ts:te].rstrip().endswith("?"):
            return  # a question is no task
        cb = _CLAUSE_BREAK.search(text, ts, te)
        nl = new_line_sentence(text, ts, cb.start() if cb else te)
        if cb or nl:  # "Samuel ska ha ett möte med Karl, de har …", "… kontakta CFAB\nMail har …": one clause
            end = nl if nl is not None else cb.start()
            semi = text.rfind(";", ts, end)  # "pare down the list; from there, he will …"
            ts, te = trim_end(text, ts, semi if semi > ts else end)
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
        for pat in (_OWNER_PERFECT, _OWNER_VERB, _OWNER_COLON, _OWNER_PAREN, _OWNER_DASH):
            om = pat.fullmatch(self.text, u.start, cut)
            if om:
                owners = self.owners(*om.span("o"), strong=pat is not _OWNER_PERFECT)
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
        self.task(u, s, e, status, review)
        return True

    def listed(self, u: Unit, review: bool) -> bool:
        """An entry of a list of action items (action_lists.py) that names its owner the way a
        labelled task does ("Josh to draft …", "Utkast på … - (Josef)")."""
        s, e = trim(self.text, u.start, u.end)
        for pat in (_OWNER_VERB, _OWNER_COLON, _OWNER_PAREN, _OWNER_DASH):
            om = pat.fullmatch(self.text, s, e)
            owners = self.owners(*om.span("o"), strong=True) if om else None
            if owners:
                self.add(owners, *om.span("task"), u.start, u.end, anywhere_due=True, review=review)
                return True
        return False

    def unowned(self, u: Unit, review: bool) -> None:
        """An entry of a list of action items that no form read: a task nobody was named for."""
        s, e = trim(self.text, u.start, u.end)
        if len(self.text[s:e].split()) > 1:  # not a word alone ("Fundera.") after the entry's question
            self.task(u, s, e, None, review)

    def task(self, u: Unit, s: int, e: int, status, review: bool) -> None:
        """The task text[s:e] that a label or its list marks as one: its owners where it names
        them ("Pauli to …", "Anna Berg: …", "… (Josef)", "… – Anna"), else the handles in it."""
        text = self.text
        for pat in (_OWNER_VERB, _OWNER_COLON, _OWNER_PAREN, _OWNER_DASH):
            om = pat.fullmatch(text, s, e)
            if om:
                owners = self.owners(*om.span("o"), strong=True)
                if owners:
                    self.add(owners, *om.span("task"), u.start, u.end, anywhere_due=True, status=status, review=review)
                    return
        hm = _HANDLE_VERB.fullmatch(text, s, e)
        if hm and hm.group("o").islower() and hm.group("o") not in _NOT_HANDLES:
            self.add([hm.group("o")], *hm.span("task"), u.start, u.end, anywhere_due=True, status=status, review=review)
            return
        handles = re.findall(r"@[\w-]+", text[s:e])
        self.add(handles, s, e, u.start, u.end, anywhere_due=True, status=status, review=review)

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
        """"Tim kontaktar studentkåren", "Rod to work with Bryan", "Annie fixar X och Erik fixar Y",
        "Sektorsspecifikt: Frederik P tittar på texten" (a clause after a topic's colon)
        (two tasks: each clause that opens with an owner and a verb is one), "Vi ska kika på …"
        (ownerless), "jag ska kontakta CFAB" (the section's owner)."""
        text = self.text
        starts = [u.start] + [u.start + m.end() for m in
                              re.finditer(r"(?:[,;:]|\s(?:och|and|samt|[–—-]))\s+(?=[@\w])", text[u.start:u.end])]
        found = []  # (clause start, owners, task start, verb start, scope the owner came from)
        for i, s in enumerate(starts):
            if found and s < found[-1][3]:
                continue  # "Tim och Samuel tar …": "Samuel tar" is inside the owners found already
            m = _OWNER_VERB.match(text, s, u.end)
            owners = self.owners(*m.span("o"), strong=False) if m else None
            if owners and i and self.joins_owners(u.start, s):
                continue  # "…, Anna Berg och Erik Ek ska …": "Erik Ek ska" is no clause of its own
            if not owners:
                we = we_task(text, s, u.end)
                sc = scope_at(self.scopes, s) if we and we[0] == "I" else None
                if we and (we[0] == "we" or sc):
                    found.append((s, list(sc.owners) if sc else [], we[1], we[1], sc))
                continue
            verb = m.group("v").casefold()
            if verb == "to" and i:
                continue  # "…, Rod to …" is no clause; "Rod to …" opening a statement is
            modal = verb in ("ska", "skall", "will", "to", "shall", "kommer att", "agreed to", "volunteered to",
                             "offered to", "is going to")
            if not after_modal(text, m.start("task")) if modal else _NEGATED.match(text, m.start("task")):
                continue  # "Edward ska avsättas", "Christoffer ska ha pr-mailen", "Tim kontaktar inte …"
            found.append((s, owners, m.start("task") if modal else m.start("v"), m.start("v"), None))
        added = False
        for k, (s, owners, ts, _, sc) in enumerate(found):
            te = found[k + 1][0] if k + 1 < len(found) else u.end
            if k + 1 < len(found):
                te = s + len(re.sub(r"(?:[,;]|\s(?:och|and|samt))\s*$", "", text[s:te]))
            if _POINTS_BACK.search(text, ts, te):
                if s > u.start and not _POINTS_BACK_ANYWHERE.search(text, max(u.start, s - 300), s):
                    ts = u.start  # "Incidenthantering ska in i reglementet, Samuel förbereder detta"
                elif not self.referent_before(u.start):
                    continue  # "Samuel förbereder detta" with nothing before it to point to
            self.add(owners + self.partners(ts, te), ts, te, u.start, u.end, review=review, owner_from=sc)
            added = True
            if len(found) > 1 and self.out and self.out[-1].span == (u.start, u.end):
                self.spans.discard((u.start, u.end))  # the next clause of this statement may add too
        return added

    def partners(self, ts: int, te: int) -> list[str]:
        """The people a task is shared with: "(Abdul will) work with Max to create a rector"."""
        m = _PARTNERS.match(self.text, ts, te)
        return (self.owners(*m.span("o"), strong=False) or []) if m else []

    def joins_owners(self, start: int, s: int) -> bool:
        """The clause start ``s`` follows "och"/"and" after a name: one group of owners."""
        m = _NAME_AND.search(self.text, max(start, s - 120), s)  # "$" is ``s``: the name right before it
        return bool(m) and self.people.ok(re.sub(r"\s+", " ", m.group("n")), False, group=True)

    def referent_before(self, s: int) -> bool:
        """Something a task's "detta" can point to: a heading over it or text before it in its
        paragraph."""
        if self.items.heading_at(s):
            return True
        para = self.text.rfind("\n\n", 0, s)
        return bool(self.text[max(para, 0):s].strip())

    def passive(self, u: Unit, review: bool) -> bool:
        """"Papperna ska skickas in till Swedbank": a task to be done, no owner named."""
        if not passive_task(self.text, u.start, u.end, self.people.is_person):
            return False
        n = len(self.out)
        self.add([], u.start, u.end, u.start, u.end, review=review)
        return len(self.out) > n

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


def find_actions(text: str, meeting: Meeting, ls: list[Line], hs: list[Heading], items: ItemIndex,
                 units: list[Unit], decisions: list[Decision], proposals: list[tuple[int, int]],
                 roles: list[RoleHolder] = ()) -> list[ActionItem]:
    """``roles``: the meeting's role holders, whose names are owners' names too and who own the
    subjectless tasks under their role's heading."""
    r = _Reader(text, meeting, items, roles)
    r.scopes = scopes(text, ls, hs, OwnerFinder(meeting, list(roles), r.people.full, r.people.tokens))
    table_lines = read_tables(r, ls)
    line_starts = [ln.raw_start for ln in ls]
    review_spans = [it.span for it in items.items if norm(norm_heading(it.heading)) in _REVIEW]
    lists = list_spans(text, ls, hs)  # lists of action items: each entry a task (action_lists.py)
    # A task inside a proposal counts only once a decision settled it by reference
    # ("förslaget till beslut bifalles"); restated or rejected proposals are not tasks.
    settled = {d.text_span for d in decisions if d.outcome in ("approved", "decided") and d.span != d.text_span}
    blocked = sorted(p for p in proposals if p not in settled)
    bstarts = [p[0] for p in blocked]
    prev: Unit | None = None
    for u in with_statuses(text, units):
        li = bisect.bisect_right(line_starts, u.start) - 1
        if li in table_lines:
            continue
        k = bisect.bisect_right(bstarts, u.start) - 1
        if k >= 0 and blocked[k][0] <= u.start < blocked[k][1]:
            prev = u
            continue
        review = any(a <= u.start < b for a, b in review_spans)
        n = len(r.out)
        listed = u.listed and any(a <= u.start < b for a, b in lists)
        (listed and r.listed(u, review) or r.labelled(u, review) or r.responsible(u, prev, review) or r.mandate(u, review) or r.requested(u, review)
         or r.sentence(u, review) or r.passive(u, review) or r.section(u, review))
        if len(r.out) == n and listed and not review:
            r.unowned(u, review)
        elif len(r.out) == n and (review or r.status(u.start, u.end)[0] != "open"):
            r.reported(u)  # a report on an earlier task: "X har bokat lokalen, punkten är klar"
        elif len(r.out) == n and r.out and _DUE_LEAD.match(text, u.start, u.end):
            r.due_after(u)
        prev = u
    for a in r.out:
        a.owner_names = [r.people.resolve(o) for o in a.owners]
    return sorted(r.out, key=lambda a: a.span[0])
