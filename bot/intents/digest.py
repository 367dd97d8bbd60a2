"""What happened at a meeting ("what happened at the last meeting?", "sammanfatta mötet den
…"): who came, then its agenda items with their decisions and action items, extractive and at
most ``MAX_CHARS`` characters, every statement with its quote."""
from __future__ import annotations

from datetime import date

import re

from index.models import Meeting
from index.vocab import PROCEDURAL_ITEMS

from .. import compose as say
from ..answer import Answer, Facts
from ..question import Question
from .records import action_passage, action_row, action_status, decision_passage, decision_row
from .view import SnapshotView

MAX_CHARS = 1500
_PROCEDURAL = re.compile(r"(?i)\b(?:" + "|".join(PROCEDURAL_ITEMS) + r")")


def _procedural(item: str | None, text: str) -> bool:
    return bool(_PROCEDURAL.search(item or "")) or bool(_PROCEDURAL.search(text[:80]))


def _has_records(m: Meeting) -> bool:
    return bool(m.decisions or m.actions or m.items)


def answer(q: Question, view: SnapshotView, today: date, k: int) -> Answer | None:
    ms = view.select(q, today, _has_records)
    if not ms:
        return None  # none recorded (then): the search answers, or says there are no such minutes
    m = ms[-1]
    label = say.meeting_label(m.title, m.date, q.language)
    parts = [say.digest_head(label, len(m.attendees) or None, q.language)]
    passages, facts = [], Facts(meetings=[view.ref(m)], count=len(m.attendees) or None)
    if m.attendees_span:
        passages.append(view.span_passage(m, m.attendees_span))
    statements = []  # (position, text, passage, fact kind, row)
    for d in m.decisions:
        text = say.say("digest_decided", q.language, text=say.quoted(d.text, q.language))
        statements.append((d.text_span[0], d.item, text, decision_passage(view, m, d), "decision", decision_row(m, d)))
    for a in m.actions:
        if a.review:
            continue
        owners = say.join(a.owners, q.language) or say.say("nobody", q.language)
        text = say.say("digest_action", q.language, owners=owners, task=say.quoted(a.task, q.language))
        statements.append((a.span[0], a.item, text, action_passage(view, m, a), "action", action_row(m, a, today)))
    # the meeting's business first, in document order; its formalities after, if room is left
    statements.sort(key=lambda s: (_procedural(s[1], s[2]), s[0]))
    size = len(parts[0])
    by_item: dict[str, list[str]] = {}
    for _, item, text, passage, kind, row in statements:
        if size + len(text) + 4 > MAX_CHARS:
            continue
        size += len(text) + 4
        by_item.setdefault(say.one_line(item) or "", []).append(text)
        passages.append(passage)
        (facts.decisions if kind == "decision" else facts.actions).append(row)
    for item, texts in by_item.items():
        joined = "; ".join(texts)
        parts.append(say.say("digest_item", q.language, item=item, what=joined) + "." if item else joined + ".")
    # the business items with no decision or action recorded: named, so the digest covers the meeting
    covered = {say.one_line(s[1]) for s in statements}
    rest = [say.one_line(i.heading) for i in m.items
            if i.level == 1 and say.one_line(i.heading) not in covered and not _procedural(i.heading, "")]
    if statements and rest:
        also = say.say("digest_also", q.language, items="; ".join(rest))
        if size + len(also) <= MAX_CHARS:
            parts.append(also)
    if not statements:
        headings = [say.one_line(i.heading) for i in m.items][:12]
        if headings:
            parts = [say.say("digest_nothing", q.language, label=label, items="; ".join(headings))]
            passages += [view.span_passage(m, i.heading_span) for i in m.items[:5]]
        else:
            parts = [say.say("digest_empty", q.language, label=label)]
    return view.answer(q, " ".join(parts), found=True, passages=passages, facts=facts)
