"""Decisions: what a meeting decided, approved, voted down, tabled, referred back or noted.

Read from decision blocks ("Beslut" headings, "Beslut:"/"Decision:"/"Agreed:" labels, LaTeX
``attsatser`` under them) and from statements in running text ("Styrelsen beslutar att …",
"Beslutades att …", "RESOLVED that …", "The motion to … carried", "Ärendet bordläggs").

A decision that only refers to a proposal ("förslaget till beslut bifalles", "andra attsatsen
bifalles", "attsatserna röstas ned") is paired with the proposal it settles ("Förslag till
beslut", "Yrkande", "Att: …", an ``attsatser`` list in the item), and its text is the
proposal's att-sats: *what* was approved, not "bifalles". Its span stays the decision
statement, so both can be quoted. Outcome words and those references: references.py."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from index.models import Decision
from index.records.agenda import ItemIndex
from index.vocab import DECISION_HEADINGS, PROPOSAL_HEADINGS
from index.records.grammar import decision_form, decisions_heading, passed_votes, seconded
from index.records.prose import ELECTED, SENTENCE, V7, outer_entry
from index.records.references import outcome_of, reference, settle
from index.records.text import Unit, heading_lines, norm, trim_end
from index.records.votes import find_votes, merge
from index.sections import Heading, Line, norm_heading

_DECISION_H = {h.rstrip(":") for h in DECISION_HEADINGS}
_PROPOSAL_H = {h.rstrip(":") for h in PROPOSAL_HEADINGS}

# A "Label: rest" line that opens a decision or a proposal ("Beslut: Attsats bifalles",
# "**Decision:** ship it", "Att: Godkänna äskningen", "Förslag till beslut: ...").
_LABEL = re.compile(r"""(?ix)
    ^[>*_\-•\s]{0,6}                       # bullet, quote mark or emphasis before the label
    (?P<label>beslut|beslutet|beslutades|decision|decided|agreed|resolved|resolution|outcome
      |förslag\s+till\s+beslut|förslag|yrkande|yrkanden|att|attsats|proposal|motion|proposed)
    [*_]{0,2}(?:\s*[:–]\s*[*_]{0,2}\s*     # the colon (or dash), emphasis closed after it
      |\s*$)                                # or the label alone on its line, its body below
""")
_RESOLVED = re.compile(r"(?x)\bRESOLVED,?\s+(?:that|THAT|att)\s+")
_ITEM = re.compile(r"\\item\b(?:\s*\[[^\]\n]{0,40}\])?")
_ENV_END = re.compile(r"\\end\{")
_ATTSATSER = re.compile(r"\\begin\{attsatser\}")

# A proposal settled in the passive, with what it proposed as its subject: "Förslaget om en ny
# logga bordläggs till nästa möte", "Motionen om lokalen avslogs", "The proposal to … was tabled".
# Used with .match(text, start): anchored at the statement's start (a "^" would need pos 0).
_PASSIVE = re.compile(r"""(?isx)
    (?P<t>(?:förslaget|frågan|ärendet|motionen|propositionen|yrkandet|the\s+(?:proposal|motion|item))\b
        [^.\n]{0,160}?)                                              # what was proposed
    \s+(?:was\s+)?(?P<v>bordläggs|bordlades|återremitteras|återremitterades|avslås|avslogs|bifalls|bifölls
        |godkänns|godkändes|antas|antogs|tabled|postponed|rejected|approved|adopted|referred\s+back)\b
""")
_PASSIVE_OUTCOME = {"bordläggs": "tabled", "bordlades": "tabled", "tabled": "tabled", "postponed": "tabled",
                    "återremitteras": "referred_back", "återremitterades": "referred_back",
                    "referred back": "referred_back", "avslås": "rejected", "avslogs": "rejected",
                    "rejected": "rejected"}
# "… lägger informationen till handlingarna", "Rapporten läggs till handlingarna".
_NOTED = re.compile(r"(?is)(?:\b(?:lägger|lade|lägga)\s+(?P<t>.{1,200}?)\s+|\s)till\s+handlingarna\b")


@dataclass
class _Block:
    kind: str  # "decision" | "proposal"
    start: int
    end: int
    entries: list[tuple[int, int]] = field(default_factory=list)


class _Ctx:
    def __init__(self, text: str, items: ItemIndex):
        self.text = text
        self.items = items
        self.proposals: dict[int, list[_Block]] = {}  # item start -> proposal blocks in order
        self.out: list[Decision] = []
        self.seen: set[tuple] = set()

    def item_key(self, pos: int) -> int:
        it = self.items.at(pos)
        return it.span[0] if it else -1

    def add(self, d: Decision) -> None:
        key = (d.text_span, d.span)
        if key not in self.seen:
            self.seen.add(key)
            self.out.append(d)


def _entries(text: str, s: int, e: int, units: list[Unit], ls: list[Line], line_starts: list[int],
             lead: bool = True) -> list[tuple[int, int]]:
    """The separate statements of a block body: \\item entries, list lines, else sentences."""
    out = []
    items = [m for m in _ITEM.finditer(text, s, e) if not _in_comment(text, m.start(), ls, line_starts)]
    if items:
        for i, m in enumerate(items):
            stop = items[i + 1].start() if i + 1 < len(items) else e
            end = _ENV_END.search(text, m.end(), stop)
            es, ee = trim_end(text, m.end(), end.start() if end else stop)
            if ee > es:
                out.append((es, ee))
        # prose before the first \item ("Divisionsstämman bekräftar röstlängden.")
        lead = [(u.start, u.end) for u in units if s <= u.start and u.end <= items[0].start()]
        return [(a, b) for a, b in (trim_end(text, *x) for x in lead) if b > a] + out
    for u in units:
        if u.start >= s and u.end <= e:
            a, b = trim_end(text, u.start, u.end)
            if b > a:
                out.append((a, b))
    return out


def _in_comment(text: str, pos: int, ls: list[Line], line_starts: list[int]) -> bool:
    i = bisect.bisect_right(line_starts, pos) - 1
    if i < 0:
        return False
    ln = ls[i]
    return "%" in text[ln.raw_start:pos] and re.search(r"(?<!\\)%", text[ln.raw_start:pos]) is not None


def _clause(text: str, s: int, e: int) -> tuple[int, int]:
    """A decided clause without a trailing vote count ("… med 2/3/1 röster för/emot/blankt")."""
    s, e = trim_end(text, s, e)
    for f in find_votes(text, s, e):
        if f.kind == "counts" and e - f.vote.span[1] <= 3 and f.vote.span[0] > s:
            e2 = f.vote.span[0]
            m = re.search(r"\s+(?:med|with|by)\s*$", text[s:e2])
            if m:
                e2 = s + m.start()
            s2, e2 = trim_end(text, s, e2)
            if e2 > s2:
                return s2, e2
    return s, e


def _statement(ctx: _Ctx, s: int, e: int, in_block: bool, proposals: list[tuple[int, int]]) -> bool:
    """Read one statement at [s, e) as a decision; True when it was one."""
    text = ctx.text
    ref = reference(text, s, e)
    if ref:
        return settle(ctx, s, e, *ref)
    m = SENTENCE.search(text, s, e)
    if m:
        g = next(k for k in ("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12")
                 if m.group(k) is not None)
        ts, te = m.span(g)
        if g in ("t2", "t7") and m.start() > s:
            return False  # "… och styrelsen godkänner X" inside a sentence is no decision
        if g == "t6":
            outcome = "rejected" if m.group("o6").casefold() in ("failed", "defeated", "rejected") else "approved"
        elif g == "t7":
            outcome = V7[m.group("v7").casefold()]
        elif g in ("t8", "t11", "t12"):
            outcome = "approved"
        elif g == "t10":
            outcome = "rejected"
        else:
            outcome = None
        ts, te = _clause(text, ts, te)
        if g == "t10" and len(re.findall(r"\w+", text[ts:te])) <= 4:
            # "we should not proceed with it at this point": what "it" is, the topic says (the
            # outermost list entry it is nested under, else the item's heading)
            topic = outer_entry(text, s)
            if topic is None and ctx.items.at(s) is not None:
                topic = ctx.items.at(s).heading_span
            if topic is not None:
                ts, te = topic
        if te <= ts:
            return False
        am = re.match(r"(?i)att\s+", text[ts:te])
        if am:
            ts += am.end()
        # the clause's own outcome word wins over the verb's ("Mötet godtar att frågan bordläggs")
        r2 = reference(text, ts, te) or (reference(text, ts, te, outcome) if outcome else None)
        if r2:
            nums, out = r2
            return settle(ctx, s, e, nums, out)
        inner = outcome_of(text[ts:te])
        if outcome is None:
            outcome = inner if inner in ("tabled", "referred_back", "noted") else "decided"
        psp = None
        if outcome == "decided":  # the proposal of the item, restated as decided: approved
            clause = norm(text[ts:te])
            for b in ctx.proposals.get(ctx.item_key(s), []):
                for ps, pe in b.entries:
                    if len(clause) > 10 and clause in norm(text[ps:pe]):
                        outcome, psp = "approved", (ps, pe)
        ctx.add(Decision(text=text[ts:te], text_span=(ts, te), span=(s, e), item=ctx.items.heading_at(s),
                         outcome=outcome, proposal_span=psp))
        return True
    em = ELECTED.match(text, s, e)
    if em:
        ts, te = trim_end(text, *em.span("t"))
        ctx.add(Decision(text=text[ts:te], text_span=(ts, te), span=(s, e), item=ctx.items.heading_at(s),
                         outcome="decided"))
        return True
    gm = decision_form(text, s, e)  # the record grammar's further forms (grammar.py)
    if gm:
        ctx.add(Decision(text=text[gm[0]:gm[1]], text_span=gm[:2], span=(s, e), item=ctx.items.heading_at(s),
                         outcome=gm[2]))
        return True
    pm = _PASSIVE.match(text, s, e)
    if pm:
        ts, te = trim_end(text, *pm.span("t"))
        outcome = _PASSIVE_OUTCOME.get(" ".join(pm.group("v").casefold().split()), "approved")
        ctx.add(Decision(text=text[ts:te], text_span=(ts, te), span=(s, e), item=ctx.items.heading_at(s),
                         outcome=outcome))
        return True
    nm = _NOTED.search(text, s, e)
    if nm:
        ts, te = nm.span("t") if nm.group("t") else (s, nm.start())
        ts, te = trim_end(text, ts, te)
        it = ctx.items.at(s)
        if (te - ts < 25 or len(text[ts:te].split()) <= 2) and it is not None:
            ts, te = it.heading_span
        elif te <= ts:
            ts, te = s, e
        ctx.add(Decision(text=text[ts:te], text_span=(ts, te), span=(s, e), item=ctx.items.heading_at(s),
                         outcome="noted"))
        return True
    if in_block:
        if _only_vote(text, s, e):
            return False  # "Beslutet fattades enhälligt": how, not what; read as the vote
        seg = norm(text[s:e])
        inner = outcome_of(text[s:e])
        outcome = inner if inner in ("tabled", "referred_back", "noted") else "decided"
        psp = None
        for ps, pe in proposals:
            if norm(text[ps:pe]) == seg:
                outcome, psp = "approved", (ps, pe)
                break
        ctx.add(Decision(text=text[s:e], text_span=(s, e), span=(s, e), item=ctx.items.heading_at(s),
                         outcome=outcome, proposal_span=psp))
        return True
    return False


_VOTE_FILLER = re.compile(r"(?i)\b(?:beslutet|beslut|fattades|togs|was|taken|made|the|decision|vote|votes|röstning"
                          r"|begärdes|genomfördes|requested|held|och|and)\b|[.,;:]")


def _only_vote(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] says only how a vote went ("Beslutet fattades enhälligt.", "Votering
    begärdes.", "Med 4 röster mot 2.")."""
    found = find_votes(text, s, e)
    if not found:
        return False
    rest = text[s:e]
    for f in reversed(found):
        a, b = f.vote.span
        rest = rest[: a - s] + " " * (b - a) + rest[b - s:]
    return len(_VOTE_FILLER.sub(" ", rest).split()) == 0


# "Edvard föreslår att mötet accepterar …" followed by "Inga motsättningar.": adopted.
_PROPOSES = re.compile(r"(?i)\b(?:föreslår|föreslog|yrkar|yrkade|proposes|proposed|moved|moves)\s+(?:på\s+)?(?:att|that)\s+")


def _carried_proposal(ctx: _Ctx, u: Unit, nxt: Unit) -> None:
    text = ctx.text
    m = _PROPOSES.search(text, u.start, u.end)
    if not m or "\n\n" in text[u.end:nxt.start] or nxt.start - u.end > 3 and text[u.end:nxt.start].strip():
        return
    if not _only_vote(text, nxt.start, nxt.end):
        return
    f = find_votes(text, nxt.start, nxt.end)
    if not any(x.vote.unanimous or (x.vote.for_ and x.vote.against is not None and x.vote.for_ > x.vote.against)
               for x in f):
        return
    ts, te = _clause(text, m.end(), u.end)
    if te > ts:
        ctx.add(Decision(text=text[ts:te], text_span=(ts, te), span=(u.start, nxt.end),
                         item=ctx.items.heading_at(u.start), outcome="approved"))


def find_decisions(text: str, ls: list[Line], hs: list[Heading], items: ItemIndex,
                   units: list[Unit]) -> tuple[list[Decision], list[tuple[int, int]]]:
    """(decisions, the spans of every proposal entry read)."""
    ctx = _Ctx(text, items)
    line_starts = [ln.raw_start for ln in ls]
    blocks: list[_Block] = []
    # 1. heading blocks: \subsubsection*{Beslut}, ## Förslag till beslut, **Decision**
    for i, h in enumerate(hs):
        t = norm_heading(h.title).rstrip(":").strip()
        kind = ("decision" if t in _DECISION_H else "proposal" if t in _PROPOSAL_H
                else "decision" if decisions_heading(t) else None)
        if kind:
            stop = hs[i + 1].start if i + 1 < len(hs) else len(text)
            blocks.append(_Block(kind, h.end, stop))
    # 2. label lines: "Beslut: …", "Att: …", "**Decision:** …", "RESOLVED that …"
    hl = heading_lines(ls, hs)
    i = 0
    while i < len(ls):
        ln = ls[i]
        m = _LABEL.match(ln.text) if not hl[i] and not ln.blank else None
        if m:
            label = re.sub(r"\s+", " ", m.group("label").casefold())
            kind = "decision" if label in _DECISION_H or label == "beslutades" else "proposal"
            s = ln.start + m.end()
            e = ln.end
            j = i + 1
            if s >= e:  # the label alone: its body is the lines below, to a blank line
                while j < len(ls) and not ls[j].blank and not hl[j] and not _LABEL.match(ls[j].text):
                    j += 1
                s, e = (ls[i + 1].start, ls[j - 1].end) if j > i + 1 else (s, s)
            if e > s:
                blocks.append(_Block(kind, s, e, [trim_end(text, s, e)] if j == i + 1 else []))
            i = max(j, i + 1)
            continue
        i += 1
    # 3. LaTeX attsatser outside any decision/proposal block: a proposal of the item
    covered = sorted((b.start, b.end) for b in blocks)
    for m in _ATTSATSER.finditer(text):
        if _in_comment(text, m.start(), ls, line_starts):
            continue
        k = bisect.bisect_right(covered, (m.start(), len(text))) - 1
        if k >= 0 and covered[k][0] <= m.start() < covered[k][1]:
            continue
        end = text.find("\\end{attsatser}", m.end())
        blocks.append(_Block("proposal", m.start(), end if end > 0 else len(text)))
    blocks.sort(key=lambda b: b.start)
    for b in blocks:
        if not b.entries:
            b.entries = _entries(text, b.start, b.end, units, ls, line_starts, lead=b.kind == "decision")
    # 4. settle blocks in document order: proposals are remembered per item, decisions read
    taken: list[tuple[int, int]] = []
    for b in blocks:
        key = ctx.item_key(b.start)
        if b.kind == "proposal":
            # "Förslaget om X bordläggs": a proposal and its outcome in one statement
            for ps, pe in b.entries:
                if _PASSIVE.match(text, ps, pe):
                    _statement(ctx, ps, pe, True, [])
            if b.entries:
                b.start, b.end = b.entries[0][0], b.entries[-1][1]
                ctx.proposals.setdefault(key, []).append(b)
            taken.extend(b.entries)
            continue
        props = [e for pb in ctx.proposals.get(key, []) for e in pb.entries]
        for s, e in b.entries:
            _statement(ctx, s, e, True, props)
            taken.append((s, e))
    # 5. statements in running text outside the blocks
    taken.sort()
    starts = [t[0] for t in taken]
    for i, u in enumerate(units):
        k = bisect.bisect_right(starts, u.end) - 1
        if k >= 0 and taken[k][1] > u.start and taken[k][0] < u.end:
            continue
        if _in_comment(text, u.start, ls, line_starts):
            continue
        if not _statement(ctx, u.start, u.end, False, []) and i + 1 < len(units):
            _carried_proposal(ctx, u, units[i + 1])
    for ts, te, end, outcome in seconded(text, units, [d.text_span for d in ctx.out] + [d.span for d in ctx.out]):
        ctx.add(Decision(text=text[ts:te], text_span=(ts, te), span=(ts, end), item=ctx.items.heading_at(ts),
                         outcome=outcome))
    for ts, te, start, end in passed_votes(text, units, [d.span for d in ctx.out]):
        ctx.add(Decision(text=text[ts:te], text_span=(ts, te), span=(start, end), item=ctx.items.heading_at(ts),
                         outcome="approved"))
    out = sorted(ctx.out, key=lambda d: (d.span[0], d.text_span[0]))
    _attach_votes(text, out, items)
    proposals = sorted(e for bs in ctx.proposals.values() for b in bs for e in b.entries)
    return out, proposals


def _attach_votes(text: str, decisions: list[Decision], items: ItemIndex) -> None:
    """Each vote statement to the decision it is about: in the same statement, else in the
    same paragraph, else the last decision before it in the same item (reservations)."""
    if not decisions:
        return
    paras = [m.end() for m in re.finditer(r"\n[ \t\u00a0]*\n", text)]

    def para(pos: int) -> int:
        return bisect.bisect_right(paras, pos)

    lo = min(d.span[0] for d in decisions)
    # Votes are looked for near decisions only: from the first decision's paragraph on.
    start = paras[para(lo) - 1] if para(lo) > 0 else 0
    for f in find_votes(text, start, len(text)):
        vs, ve = f.vote.span
        same = [d for d in decisions if d.span[0] <= vs and ve <= d.span[1]]
        if not same:
            p = para(vs)
            near = [d for d in decisions if para(d.span[0]) == p]
            if near:
                best = min(near, key=lambda d: abs(d.span[0] - vs))
                same = [d for d in near if d.span == best.span]
        if not same and f.kind in ("reservation", "votering"):
            it = items.at(vs)
            before = [d for d in decisions if d.span[1] <= vs and vs - d.span[1] < 600
                      and (items.at(d.span[0]) is it)]
            if before:
                last = before[-1]
                same = [d for d in before if d.span == last.span]
        for d in same:
            d.vote = merge(d.vote, f)
