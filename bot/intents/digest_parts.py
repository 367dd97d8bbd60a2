"""The statements a digest may say about each agenda item of one meeting: its decisions (with
their outcome), its action items, and the sentences said under it, each with its passage and
the tier it is chosen in (``digest.py``).

Sentences are ranked within their item so that one per round gives the gist: lines less
indented first (a topic bullet before its sub-bullets), then each line's or paragraph's first
sentence before its later ones, then document order."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from index.models import AgendaItem, Meeting
from index.sentences import sentence_spans
from index.records.formality import procedural_heading
from index.vocab import HEADER_FIELDS, ROLE_FIELDS

from .. import compose as say
from ..answer import Passage
from ..phrases import say as phrase
from .records import action_passage, action_row, decision_passage, decision_row, points_back
from .view import SnapshotView

# A sentence shorter than this says nothing ("Inget att rapportera." still does: 3 words).
MIN_WORDS = 3
# A quote in the digest's text is cut (at a word, with "…") after this many characters, fewer
# when the meeting has many records to fit (down to MIN_QUOTE_CHARS); its passage holds the whole
# statement. RECORD_OVERHEAD is what a record costs besides its quote (its item, its verb).
QUOTE_CHARS = 180
MIN_QUOTE_CHARS = 60
RECORD_OVERHEAD = 45
HEADING_CHARS = 50
# What was said is quoted shorter: its gist, so that more items get a word in.
SAID_CHARS = 120
# A formality's heading over this many sentences, and with no decision of its own (an election
# of adjusters explains itself at length), holds the meeting's business all the same (minutes
# that put everything under "Mötets öppnande").
FORMAL_SENTENCES = 3
# Records of one item told before what the other items said; the rest after it.
FIRST_RECORDS = 3
# Tiers: business records, then what was said, then the formalities' records.
RECORDS, SAID, FORMAL = 0, 1, 2
# "Datum: 2011-07-13", "**Plats:** Loge", "Meeting Date: 2022-05-10": a header field says when and
# where, which the digest's head says already; it is nothing said under an item.
# A letter lost to bad encoding (U+FFFD, "M\ufffdtesform") still reads as the field's å, ä or ö.
FIELD = re.compile(r"(?i)^[\W_]{0,4}(?:\w{1,15}\s)?(?:"
                   + re.sub("[åäö]", "[åäö\ufffd]", "|".join(HEADER_FIELDS + ROLE_FIELDS)) + r")[*_]{0,2}\s*:")


@dataclass
class Statement:
    pos: int  # where it stands in the document: items are told in this order
    text: str  # what the digest says
    passage: Passage
    tier: int
    rank: int = 0  # round within its tier
    kind: str | None = None  # "decision" | "action" for the facts rows
    row: dict = field(default_factory=dict)

    @property
    def order(self) -> tuple[int, int]:
        """When it is offered room: business records; one sentence of each item; the
        formalities' decisions (they are decisions too); then the items' further sentences."""
        if self.tier == SAID:
            return (1, 0) if self.rank == 0 else (3, self.rank)
        if self.tier == RECORDS:
            # an item's first records before anything said; its further ones after one sentence
            # of every item (an item with ten action items does not crowd out the others)
            return (0, 0) if self.rank < FIRST_RECORDS else (1, 1)
        return (2, 0)


def procedural(heading: str | None) -> bool:
    """The meeting's formalities, and its attendance lists ("Närvarande", "Deltagare")."""
    return procedural_heading(heading) or bool(heading and _list_kind(heading))


def _own_range(items: list[AgendaItem], it: AgendaItem) -> tuple[int, int]:
    """From the item's heading to its first sub-item (or its end): the text that is its own."""
    end = it.span[1]
    for o in items:
        if o is not it and o.level > it.level and it.span[0] <= o.span[0] < end:
            end = o.span[0]
    return it.heading_span[1], end


def _item_of(items: list[AgendaItem], pos: int) -> AgendaItem | None:
    """The innermost item whose span holds ``pos``."""
    best = None
    for it in items:
        if it.span[0] <= pos < it.span[1] and (best is None or it.span[0] >= best.span[0]):
            best = it
    return best


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for a, b in spans)


def _sentences(text: str, rng: tuple[int, int], taken: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(start, end, rank key parts) of the sentences in ``rng`` that say something and are no
    record already quoted, ranked: indentation, then place in the line, then position."""
    out = []
    seen_line = None
    nth = 0
    for s, e in sentence_spans(text, rng[0], rng[1], skip_bullets=True):
        piece = text[s:e]
        if (len(re.findall(r"\w+", piece)) < MIN_WORDS or piece.lstrip().startswith(("\\", "#", "%", "|"))
                or FIELD.match(piece)):
            continue
        if _overlaps(s, e, taken):
            continue
        line_start = text.rfind("\n", 0, s) + 1
        nth = nth + 1 if line_start == seen_line else 0
        seen_line = line_start
        indent = len(text[line_start:s]) - len(text[line_start:s].lstrip(" \t"))
        out.append((s, e, (len(text[line_start:line_start + indent].expandtabs(4)) // 2, nth, s)))
    return out


def quote_chars(m: Meeting, budget: int) -> int:
    """How long a record's quote may be for all of the meeting's records to fit in ``budget``."""
    n = len(m.decisions) + sum(not a.review for a in m.actions)
    return max(MIN_QUOTE_CHARS, min(QUOTE_CHARS, budget // max(1, n) - RECORD_OVERHEAD))


def item_statements(view: SnapshotView, m: Meeting, lang: str, today: date,
                    budget: int) -> list[tuple[str, list[Statement]]]:
    """(heading, statements) per agenda item in document order; records outside every item
    come last under no heading. ``budget`` is the room the digest has for them."""
    text = view.documents[m.source]
    limit = quote_chars(m, budget)
    items = sorted(m.items, key=lambda it: it.span[0])
    per: dict[int, list[Statement]] = {id(it): [] for it in items}
    loose: list[Statement] = []
    taken: list[tuple[int, int]] = [sp for sp in (m.title_span, m.attendees_span) if sp]
    decided: list[tuple[int, int]] = []
    seen: set[str] = set()
    for d in m.decisions:
        taken += [d.span, d.text_span] + ([d.proposal_span] if d.proposal_span else [])
        key = " ".join(d.text.casefold().split())
        if key in seen:
            continue  # the same text decided twice (a proposal and its decision restated)
        seen.add(key)
        decided.append(d.text_span)
        it = _item_of(items, d.span[0])
        piece = phrase("decision_item", lang, outcome=phrase(f"outcome_{d.outcome}", lang),
                       text=say.quoted(say.clip(d.text, limit), lang))
        st = Statement(d.span[0], piece, decision_passage(view, m, d), RECORDS, kind="decision",
                       row=decision_row(m, d))
        (per[id(it)] if it else loose).append(st)
    for a in m.actions:
        if a.review or _overlaps(*a.task_span, decided):
            continue  # a report on an earlier action, or the decision that gave it already says it
        if not a.owners:
            continue  # a request nobody was given ("efterfrågades förslag på …"): its sentence is what was said
        key = " ".join([*a.owners, a.task]).casefold()
        if key in seen:
            continue  # the same action listed again ("new and carried over action items")
        seen.add(key)
        taken.append(a.span)
        it = _item_of(items, a.span[0])
        if points_back(a.task) and a.span[1] - a.span[0] <= 2 * QUOTE_CHARS:
            piece = say.quoted(say.clip(view.span_text(m, a.span), limit), lang)
        else:
            owners = say.join(a.owners, lang) or phrase("nobody", lang)
            piece = phrase("digest_action", lang, owners=owners, task=say.quoted(say.clip(a.task, limit), lang))
        st = Statement(a.span[0], piece, action_passage(view, m, a), RECORDS, kind="action",
                       row=action_row(m, a, today))
        (per[id(it)] if it else loose).append(st)

    out = []
    for it in items:
        full = say.one_line(it.heading) or ""
        heading = say.clip(full, HEADING_CHARS)
        said = _sentences(text, _own_range(items, it), taken)
        sts = per[id(it)]
        for rank, st in enumerate(sts):
            st.rank = rank
        formal = bool(_list_kind(full)) or procedural(full) and (
            len(said) <= FORMAL_SENTENCES or any(st.kind == "decision" for st in sts))
        if formal:
            for st in sts:
                st.tier = FORMAL
            said = []  # what the opening or the adjusters' election says is no news
        for rank, (s, e, _) in enumerate(sorted(said, key=lambda x: x[2])):
            sts.append(Statement(s, say.quoted(say.clip(text[s:e], SAID_CHARS), lang), view.span_passage(m, (s, e)),
                                 SAID, rank))
        out.append((heading, sts))
    if loose:
        for rank, st in enumerate(loose):
            st.rank = rank
        out.append(("", loose))
    return out


def _list_kind(heading: str):
    # Imported on use: index.parse (the whole parser) is loaded by a digest, not by every question.
    from index.parse.labels import list_kind

    return list_kind(heading)
