"""The record grammar of what was decided, in the forms the "Beslut" blocks and the running-text
patterns of ``prose.py`` leave out (issue 17): a body that decides with words between its verb
and "att" ("Årsmötet beslutade på styrelsens förslag att utse …") or with no "att" at all
("Årsmötet beslutar välja …"); the decision named as a noun ("OTC decision is to …", "Beslutet
blev att …"); group votes ("We voted to …", "The TSC voted unanimously to …", "we voted to:"
over a list); agreement without a vote ("Consensus to …", "Agreed to …" with the subject left
out); proposals withdrawn or not accepted; and "Proposed: X, seconded: Y" after what was adopted.

``decisions.py`` asks :func:`decision_form` for a statement none of its own forms read, and
:func:`seconded` once per document. Words are data in ``index/vocab/records.py``."""
from __future__ import annotations

import re

from index.models import Decision, Vote
from index.vocab import (ABOVE_WORDS, CONCLUDE_VERBS, CONDITIONALS, CONSENSUS_WORDS, DECIDE_VERBS_SV, DECIDED_PASSIVE_SV, DECISION_COPULAS,
                         DECISION_HEADING_HEADS, DECISION_LABELS, DECISION_NOUNS, MOVER_LABELS, NEGATIONS,
                         NOT_ACCEPTED_WORDS, OTHER_OCCASION, OUTCOME_WORDS, PASSED_PROPOSAL_LABELS, ROUND_LABELS,
                         SECONDER_LABELS, SUBJECTLESS_DECIDE, VOTE_PASSED, VOTED_VERBS, VOTING_SUBJECTS, WE_WILL,
                         WITHDRAWN_WORDS)
from index.records.prose import BODIES, BODIES_SV
from index.records.text import Unit, trim_end


def _alt(words) -> str:
    """An alternation of phrases, longest first, spaces as any blanks."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# What was decided, by form. Each alternative names its clause group; the outcome it implies
# is in _FORM_OUTCOME. Gaps are bounded and never cross a line's end: no backtracking runs.
_FORMS = re.compile(rf"""(?isx)
    # Årsmötet beslutade på styrelsens förslag att utse …: words between the verb and "att"
    (?<![\w-])(?:{BODIES}|{BODIES_SV})\s+(?:{_alt(DECIDE_VERBS_SV)})\s+[^.\n]{{1,60}}?\s+att\s+(?P<gap>\S.*)
  | # Beslöts efter diskussion att …: the passive with words before "att"
    (?<![\w-])(?:det\s+)?(?:{_alt(DECIDED_PASSIVE_SV)})\s+[^.\n]{{1,60}}?\s+att\s+(?P<pgap>\S.*)
  | # Årsmötet beslutar välja Rune Jacobson till justerare: an infinitive with no "att"
    (?<![\w-])(?:{BODIES}|{BODIES_SV})\s+(?:{_alt(DECIDE_VERBS_SV)})\s+(?P<inf>(?!att\b)[a-zåäö]{{2,}}a\s+\S.*)
  | # OTC decision is to …, The decision was that …, Beslutet blev att …
    (?<![\w-])(?:{_alt(DECISION_NOUNS)})\s+(?:{_alt(DECISION_COPULAS)})\s*:?\s+(?:to|that|att)\s+(?P<noun>\S.*)
  | # We voted (unanimously) to …, The TSC voted to …, Vi röstade för att …
    (?<![\w-])(?:{_alt(VOTING_SUBJECTS)}|(?-i:[A-Z]{{2,6}}))\s+(?:all\s+)?(?:unanimously\s+|enhälligt\s+)?
      (?:{_alt(VOTED_VERBS)})\s+(?:unanimously\s+)?(?:to|in\s+favou?r\s+of|att)(?:\s+|\s*(?=:))(?P<voted>\S.*)
  | # Mötet diskuterar och kommer fram till att …, The board agreed that …: a body concluding
    (?<![\w-])(?:{BODIES}|{BODIES_SV})(?:\s+[\wåäö]+\s+(?:och|and))?\s+(?:{_alt(CONCLUDE_VERBS)})\s+(?:att|that)\s+
      (?P<concl>\S.*)
  | # Consensus to …, There was rough consensus that …, Konsensus om att …
    (?<![\w-])(?:{_alt(CONSENSUS_WORDS)})\s+(?:is\s+|was\s+|reached\s+)?(?:to|that|on|om\s+att|att|kring)\s+(?P<consensus>\S.*)
""")
_FORM_OUTCOME = {"gap": "decided", "pgap": "decided", "inf": "decided", "noun": "decided",
                 "voted": "approved", "consensus": "decided", "concl": "decided", "start": "decided", "label": "decided"}
# What opens the statement (a bullet or emphasis before it):
_START = re.compile(rf"""(?isx)
    [\W_]{{0,4}}(?:
        # Agreed to …, Decided that …: the verb, its subject left out
        (?:{_alt(SUBJECTLESS_DECIDE)})\s+(?:to|that|on|att)\s+(?P<start>\S.*)
      | # "**Decision:** Mara will help coordinate.": a decision label (also after a sentence, below)
        (?:{_alt(DECISION_LABELS)})[*_]{{0,2}}\s*:[*_]{{0,2}}\s*(?P<label>\S.*)
    )""")
# "No objections. **Decision:** Mara will help coordinate.": the label after a sentence's end.
_INLINE = re.compile(rf"(?i)(?<=[.!?])\s+(?=[*_]{{0,2}}(?:{_alt(DECISION_LABELS)})[*_]{{0,2}}\s*:)")
# A proposal withdrawn or not accepted, with what it proposed as its subject: "The proposal to
# rename the club was withdrawn", "Motionen om ny logga drogs tillbaka", "The motion … was not
# accepted", "Förslaget om … antogs inte".
_UNSETTLED = re.compile(rf"""(?isx)
    (?P<t>(?:the\s+)?(?:proposal|motion|amendment|förslaget|motionen|yrkandet|ändringsyrkandet)\b[^.\n]{{0,160}}?)
    \s+(?:was\s+|is\s+|has\s+been\s+)?
    (?:(?P<withdrawn>{"|".join(WITHDRAWN_WORDS)})   # withdrawn by its mover: no decision taken
      |(?P<rejected>{"|".join(NOT_ACCEPTED_WORDS)}) # put to the meeting and not accepted
    )(?!\w)
""")
_ELSEWHEN = re.compile(rf"(?i)(?<![\w-])(?:{_alt(OTHER_OCCASION)})(?![\w-])")
_NEGATED = re.compile(rf"(?i)(?<![\w-])(?:{_alt(NEGATIONS)})\s+(?:\w+\s+)?$")
# "provided there is consensus to …": a condition (up to three words between)
_CONDITIONAL = re.compile(rf"(?i)(?<![\w-])(?:{_alt(CONDITIONALS)})\s+(?:[\w’']+\s+){{0,3}}$")
# The clause ends at the end of its sentence, at a blank line or before a list entry (a line
# break inside a paragraph is no end); a colon at its end opens a list below.
_END = re.compile(r"(?<=[.!?])(?=[*_]{0,2}\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+•]|\d{1,3}[.)])\s)")
_LIST_LINE = re.compile(r"[ \t]*(?:[-*+•]|\d{1,3}[.)])\s+\S")
# How many lines a list after "we voted to:" may hold.
MAX_LIST_LINES = 20


def _clause_end(text: str, s: int, e: int) -> int:
    m = _END.search(text, s, e)
    return m.start() if m else e


def _list_below(text: str, pos: int) -> int | None:
    """The end of the list that starts on the line after ``pos`` (a blank line may come first),
    or None when no list follows."""
    nl = text.find("\n", pos)
    if nl < 0:
        return None
    i, end, lines = nl + 1, None, 0
    while i < len(text) and lines < MAX_LIST_LINES:
        j = text.find("\n", i)
        j = len(text) if j < 0 else j
        line = text[i:j]
        if not line.strip():
            if end is not None and not _LIST_LINE.match(text, j + 1):
                break
        elif _LIST_LINE.match(line) or (end is not None and line[:1] in " \t"):
            end = j  # an entry, or an entry's continuation
        else:
            break
        i, lines = j + 1, lines + 1
    return end


def decision_form(text: str, s: int, e: int) -> tuple[int, int, str] | None:
    """(start, end, outcome) of what the statement at [s, e) decided, in one of the forms of
    this module; None when it is none of them."""
    if text[s:e].rstrip(" \t*_").endswith("?"):
        return None  # "do we want to call consensus on that last point?": asked, not decided
    m = _FORMS.search(text, s, e) or _START.match(text, s, e)
    if m is None and (inline := _INLINE.search(text, s, e)) is not None:
        m = _START.match(text, inline.end(), e)
    if m is not None:
        g = m.lastgroup
        if g == "consensus" and (_NEGATED.search(text[max(s, m.start() - 20):m.start()])
                                 or _CONDITIONAL.search(text[max(s, m.start() - 40):m.start()])):
            return None  # "no consensus on …", "provided there is consensus to …": nothing was agreed
        if g in ("gap", "pgap") and _ELSEWHEN.search(text, m.start(), m.start(g)):
            return None  # "Det beslutades även då att …": a decision of another occasion, reported
        ts = m.start(g)
        te = _clause_end(text, ts, e)
        if text[ts:te].rstrip().endswith(":"):  # "we voted to:" / "… the following changes:"
            below = _list_below(text, te)
            if below is not None:
                if not text[ts:te].strip(" \t:"):  # "we voted to:" — what, the list says
                    ts = text.find("\n", te) + 1
                te = below
        ts, te = trim_end(text, ts, te)
        return (ts, te, _FORM_OUTCOME[g]) if te > ts else None
    w = _UNSETTLED.match(text, s, e)
    if w is not None:
        ts, te = trim_end(text, *w.span("t"))
        return (ts, te, "withdrawn" if w.group("withdrawn") else "rejected") if te > ts else None
    return None


# Words a heading that names its topic or a proposal has ("Beslut om ansvarsfrihet", "Förslag
# till beslut"): not a block of decisions.
_TOPIC_WORDS = {"om", "av", "för", "kring", "till", "about", "on", "of", "for", "to", "regarding"}
# A heading of decisions is a few words at most.
DECISION_HEADING_WORDS = 3


def decisions_heading(title: str) -> bool:
    """Whether a normalised heading title opens a block of decisions by its last word
    ("consented decisions", "fattade beslut"; ``DECISION_HEADING_HEADS``), naming no topic."""
    words = title.split()
    return (1 < len(words) <= DECISION_HEADING_WORDS and words[-1] in DECISION_HEADING_HEADS
            and not _TOPIC_WORDS & set(words))


_PASSED = re.compile(rf"(?i)(?<![\w-])(?:{'|'.join(VOTE_PASSED)})(?![\w-])")
_WILL = re.compile(rf"(?i)[*_]{{0,2}}(?:{_alt(WE_WILL)})\s+(?P<t>\S)")
# "Proposal - let's …", "Proposal: …": the proposal a passed vote carried.
_PROPOSAL = re.compile(rf"(?i)(?<![\w-])(?:{_alt(PASSED_PROPOSAL_LABELS)})\s*[:–—-]\s*(?P<t>\S)")
# "the above", "ovanstående": a vote on the list right above it (at most this many entries).
_ABOVE = re.compile(rf"(?i)(?<![\w-])(?:{_alt(ABOVE_WORDS)})(?![\w-])")
MAX_ABOVE = 12
# How many statements before a passed vote its proposal may stand.
PROPOSAL_LOOKBACK = 6
# A statement that only says a vote passed is this many words at most.
PASSED_WORDS = 16


def passed_votes(text: str, units: list[Unit], taken: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """(start, end, statement start, statement end) of what a passed vote decided, when the
    vote's statement says nothing else (``taken``: spans read as decisions already): the
    statements right after it in its paragraph that say what the group will now do ("We voted
    at this point, and the vote was unanimously in favor. We will drop the existing 4.0.x
    branch …"), else the proposal a few statements before it in its paragraph ("Mark: Proposal
    - let's create a new marker team …" … "With no objections, motion passes."). Approved."""
    out = []
    for i, u in enumerate(units):
        if (not _PASSED.search(text, u.start, u.end) or len(text[u.start:u.end].split()) > PASSED_WORDS
                or any(a < u.end and u.start < b for a, b in taken)):
            continue
        n, prev = len(out), u
        for v in units[i + 1:]:
            if not _same_paragraph(text, prev, v):
                break  # another paragraph: no longer what the vote decided
            w = _WILL.match(text, v.start, v.end)
            if w is None:
                break
            ts, te = trim_end(text, w.start("t"), v.end)
            if te > ts:
                out.append((ts, te, u.start, te))
            prev = v
        if len(out) > n:
            continue
        if _ABOVE.search(text, u.start, u.end):  # "we held a vote to accept the above, which passed"
            out.extend((*trim_end(text, v.start, v.end), v.start, u.end) for v in _list_above(text, units, i))
            continue
        nxt = u
        for v in reversed(units[max(0, i - PROPOSAL_LOOKBACK):i]):
            if not _same_paragraph(text, v, nxt) or any(a < v.end and v.start < b for a, b in taken):
                break
            p = _PROPOSAL.search(text, v.start, v.end)
            if p is not None:
                ts, te = trim_end(text, p.start("t"), v.end)
                if te > ts:
                    out.append((ts, te, v.start, u.end))
                break
            nxt = v
    return out


def _list_above(text: str, units: list[Unit], i: int) -> list[Unit]:
    """The list entries right before ``units[i]`` (blank lines between them allowed), in order;
    an indented line that continues an entry ("  (critically: …)") is part of it."""
    out: list[Unit] = []
    for v in reversed(units[max(0, i - MAX_ABOVE):i]):
        line = text[text.rfind("\n", 0, v.start) + 1:v.start]
        if v.listed:
            out.append(v)
        elif not (line and not line.strip()):
            break
    return out[::-1]


def _same_paragraph(text: str, a: Unit, b: Unit) -> bool:
    """Whether unit ``b`` follows ``a`` in the same paragraph (no blank line, no text between)."""
    gap = text[a.end:b.start]
    return "\n\n" not in gap.replace(" ", "").replace("\t", "") and not (len(gap) > 3 and gap.strip(" \t\n-*+•"))


# "Proposed: Tomas, seconded: Tim" / "Moved by Anna, seconded by Erik": a line of its own or the
# end of the statement it follows.
_SECONDED = re.compile(rf"""(?ix)
    (?<![\w-])(?:{_alt(MOVER_LABELS)})\s*[:\-–]?\s*(?P<mover>[^,;\n]{{1,60}}?)\s*[,;]\s*
    (?:and\s+|och\s+)?(?:{_alt(SECONDER_LABELS)})\s*[:\-–]?\s*(?P<seconder>[^,;.\n]{{1,60}})
""")
_OUTCOMES = {k: re.compile(r"(?i)(?<!\w)(?:" + "|".join(v) + r")(?!\w)") for k, v in OUTCOME_WORDS.items()}


def seconded(text: str, units: list[Unit], taken: list[tuple[int, int]]) -> list[tuple[int, int, int, str]]:
    """(start, end, statement end, outcome) of what each "Proposed: X, seconded: Y" adopted
    (its text at [start, end); the statement quoted runs to the end of the seconding):
    the statement before it on the same line, else the one before it in the same paragraph,
    when that states no decision already (``taken``: spans read as decisions)."""
    out = []
    for i, u in enumerate(units):
        m = _SECONDED.search(text, u.start, u.end)
        if m is None:
            continue
        if m.start() > u.start and text[u.start:m.start()].strip(" \t*_-•"):
            ps, pe = trim_end(text, u.start, m.start())
        elif i > 0 and "\n\n" not in text[units[i - 1].end:u.start]:
            ps, pe = trim_end(text, units[i - 1].start, units[i - 1].end)
        else:
            continue
        if pe <= ps or any(a < pe and ps < b for a, b in taken) or _SECONDED.search(text, ps, pe):
            continue
        said = text[ps:pe]
        outcome = next((k for k in ("tabled", "referred_back", "rejected") if _OUTCOMES[k].search(said)), "approved")
        out.append((ps, pe, trim_end(text, m.start(), m.end())[1], outcome))
    return out


# A "+1" round of scribe minutes: the proposal line, then one vote per line ("<ivan> +1",
# "wendy: -1", "<duga> 0"), then the RESOLUTION that the decision reads.
_ROUND = re.compile(rf"(?im)^[ \t]*(?:<[^>\n]{{1,40}}>[ \t]*)?(?:{_alt(ROUND_LABELS)})[ \t]*:[ \t]*\S")
_BALLOT = re.compile(r"""(?mx)
    ^[ \t]*(?:<(?P<a>[^>\s]{1,40})>|(?P<b>[^\W\d][\w.-]{0,39}):)   # "<ivan>" or "ivan:"
    [ \t]*(?P<v>\+1|-1|[+-]?0)(?![\w.])                            # the vote, alone or before a remark
""")
# How far a decision looks back for the round that carried it, in characters.
ROUND_WINDOW = 4000


def plus_one_rounds(text: str, decisions: list[Decision]) -> None:
    """Give each decision that a "+1" round carried (the round between the last proposal line
    before it and the decision, with no other decision in between) its tally and its voters."""
    ordered = sorted(decisions, key=lambda d: d.span[0])
    prev_end = 0
    for d in ordered:
        start = d.span[0]
        lo = max(prev_end, start - ROUND_WINDOW)
        prev_end = max(prev_end, d.span[1])
        if d.vote is not None:
            continue
        opens = list(_ROUND.finditer(text, lo, start))
        if not opens:
            continue
        votes: dict[str, str] = {}
        last = opens[-1].end()
        for b in _BALLOT.finditer(text, opens[-1].end(), start):
            votes[b.group("a") or b.group("b")] = b.group("v")  # a later vote of one voter counts
            last = b.end()
        if not votes:
            continue
        yes = [n for n, v in votes.items() if v == "+1"]
        no = [n for n, v in votes.items() if v == "-1"]
        d.vote = Vote(for_=len(yes), against=len(no), abstain=len(votes) - len(yes) - len(no),
                      unanimous=not no and len(yes) == len(votes), voted_for=yes, voted_against=no,
                      span=(opens[-1].start(), last))
