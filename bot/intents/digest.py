"""What happened at a meeting ("what happened at the last meeting?", "sammanfatta mötet den
…"): who came, then its agenda items in order, each with its decisions and action items or,
when it records none, the first sentence of what was said under it; extractive, at most
``MAX_CHARS`` characters, every statement with its quote. The meeting's formalities (opening,
adjusters, agenda) come last, if room is left."""
from __future__ import annotations

import re
from datetime import date

from index.models import AgendaItem, Meeting
from index.parse.labels import list_kind
from index.sentences import sentence_spans
from index.vocab import PROCEDURAL_ITEMS

from .. import compose as say
from ..phrases import say as phrase
from ..answer import Answer, Facts, Passage
from ..question import Question
from .records import action_passage, action_row, decision_passage, decision_row
from .view import SnapshotView

MAX_CHARS = 1500
# A first sentence shorter than this says nothing ("Inget att rapportera." still does: 3 words).
MIN_WORDS = 3
# What an item with no decision or action gets: its first sentences, this much of them.
ITEM_CHARS = 160
ITEM_SENTENCES = 3
_PROCEDURAL = re.compile(r"(?i)\b(?:" + "|".join(PROCEDURAL_ITEMS) + r")")


def _procedural(heading: str | None) -> bool:
    """The meeting's formalities, and its attendance lists ("Närvarande", "Deltagare")."""
    return bool(_PROCEDURAL.search(heading or "")) or bool(heading and list_kind(heading))


def _has_content(m: Meeting) -> bool:
    return bool(m.decisions or m.actions or m.items)


def _opening(view: SnapshotView, m: Meeting, it: AgendaItem) -> list[tuple[int, int]]:
    """The first sentences under an item's heading that say something (not sub-headings, not
    markup), up to ``ITEM_CHARS`` characters or ``ITEM_SENTENCES`` sentences: a list item's
    first bullets, a discussion's opening."""
    text = view.documents[m.source]
    out, size = [], 0
    for s, e in sentence_spans(text, it.heading_span[1], it.span[1], skip_bullets=True):
        piece = text[s:e]
        if len(re.findall(r"\w+", piece)) < MIN_WORDS or piece.lstrip().startswith(("\\", "#", "%")):
            continue
        if out and size + len(piece) > ITEM_CHARS:
            break
        out.append((s, e))
        size += len(piece)
        if len(out) >= ITEM_SENTENCES:
            break
    return out


def _has_children(items: list[AgendaItem], it: AgendaItem) -> bool:
    """Whether sub-items follow under ``it``: then they, not it, are quoted."""
    return any(o is not it and o.level > it.level and it.span[0] <= o.span[0] < it.span[1] for o in items)


def _item_of(items: list[AgendaItem], pos: int) -> AgendaItem | None:
    """The innermost item whose span holds ``pos``."""
    best = None
    for it in items:
        if it.span[0] <= pos < it.span[1] and (best is None or it.span[0] >= best.span[0]):
            best = it
    return best


def answer(q: Question, view: SnapshotView, today: date, k: int) -> Answer | None:
    ms = view.select(q, today, _has_content)
    if not ms:
        return None  # nothing recorded (then): the search answers, or says there are no such minutes
    m = ms[-1]
    lang = q.language
    label = say.meeting_label(m.title, m.date, lang)
    head = say.digest_head(label, len(m.attendees) or None, lang)
    facts = Facts(meetings=[view.ref(m)], count=len(m.attendees) or None)
    passages: list[Passage] = []
    if m.attendees_span:
        passages.append(view.span_passage(m, m.attendees_span))

    # statements per item, in document order: (item, text, passage, fact kind, row)
    per_item: dict[int, list[tuple[str, Passage, str, dict]]] = {}
    loose: list[tuple[str, Passage, str, dict]] = []
    for d in m.decisions:
        st = (phrase("digest_decided", lang, text=say.quoted(d.text, lang)), decision_passage(view, m, d),
              "decision", decision_row(m, d))
        it = _item_of(m.items, d.span[0])
        (per_item.setdefault(id(it), []) if it else loose).append(st)
    for a in m.actions:
        if a.review:
            continue
        owners = say.join(a.owners, lang) or phrase("nobody", lang)
        st = (phrase("digest_action", lang, owners=owners, task=say.quoted(a.task, lang)), action_passage(view, m, a),
              "action", action_row(m, a, today))
        it = _item_of(m.items, a.span[0])
        (per_item.setdefault(id(it), []) if it else loose).append(st)

    entries: list[tuple[bool, str, list[Passage], list[tuple[str, dict]]]] = []  # (procedural, text, ...)
    for it in m.items:
        heading = say.one_line(it.heading) or ""
        statements = per_item.get(id(it), [])
        if statements:
            what = "; ".join(s[0] for s in statements)
            entries.append((_procedural(heading), phrase("digest_item", lang, item=heading, what=what),
                            [s[1] for s in statements], [(s[2], s[3]) for s in statements]))
        elif it.level <= 2 and not _procedural(heading) and not _has_children(m.items, it):
            spans = [sp for sp in _opening(view, m, it)
                     if not (m.title_span and sp[0] < m.title_span[1] and m.title_span[0] < sp[1])]
            if not spans:
                continue
            what = " ".join(say.quoted(view.span_text(m, sp), lang) for sp in spans)
            entries.append((False, phrase("digest_item", lang, item=heading, what=what),
                            [view.span_passage(m, (spans[0][0], spans[-1][1]))], []))
    for s in loose:
        entries.append((False, s[0], [s[1]], [(s[2], s[3])]))
    if not entries:
        return view.answer(q, phrase("digest_empty", lang, label=label), found=True, passages=passages,
                           facts=facts)

    parts, size = [head], len(head)
    # the meeting's business first, in document order; its formalities after, if room is left
    for procedural, text, ps, rows in sorted(entries, key=lambda e: e[0]):
        if size + len(text) + 2 > MAX_CHARS:
            continue
        size += len(text) + 2
        parts.append(text if text.rstrip("”“\"’").endswith((".", "!", "?", ":")) else text + ".")
        passages.extend(ps)
        for kind, row in rows:
            (facts.decisions if kind == "decision" else facts.actions).append(row)
    return view.answer(q, " ".join(parts), found=True, passages=passages, facts=facts)
