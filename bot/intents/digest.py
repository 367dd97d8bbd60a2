"""What happened at a meeting ("what happened at the last meeting?", "sammanfatta mötet den
…"): who came, then its agenda items in document order, each with its decisions, its action
items and what was said under it; extractive, at most ``MAX_CHARS`` characters, every
statement with its quote.

What fits is chosen in tiers, so a long meeting keeps what matters: first every decision and
action of the meeting's business, then one sentence of what was said under each item, then the
formalities' decisions (opening, adjusters, agenda), then further sentences, one per item per
round (an item's top-level lines and each paragraph's first sentence before the rest). The statements themselves (which
sentences, which records) come from ``digest_parts``."""
from __future__ import annotations

from datetime import date

from index.models import Meeting

from .. import compose as say
from ..answer import Answer, Facts, Passage
from ..phrases import say as phrase
from ..question import Intent, Question
from ..router import Route
from .digest_parts import Statement, item_statements
from .digest_text import text_statements
from .view import SnapshotView

MAX_CHARS = 1500


def _has_content(m: Meeting) -> bool:
    return bool(m.decisions or m.actions or m.items)


def _choose(head: str, groups: list[tuple[str, list[Statement]]]) -> set[int]:
    """ids of the statements that fit in ``MAX_CHARS`` with their items' headings, by tier."""
    tiers: dict[tuple[int, int], list[tuple[int, Statement]]] = {}
    for g, (_, sts) in enumerate(groups):
        for st in sts:
            tiers.setdefault(st.order, []).append((g, st))
    chosen: set[int] = set()
    opened: set[int] = set()  # items whose heading is already paid for
    size = len(head)
    for key in sorted(tiers):
        for g, st in tiers[key]:
            cost = len(st.text) + 2 + (0 if g in opened else len(groups[g][0]) + 2)
            if size + cost > MAX_CHARS:
                continue  # a shorter statement further on may still fit
            size += cost
            opened.add(g)
            chosen.add(id(st))
    return chosen


def answer(q: Question, view: SnapshotView, today: date, k: int) -> Answer | None:
    ms = view.select(q, today, _has_content)
    if not ms:
        # the meeting asked about has no records: its text still has items (digest_text.py)
        ms = view.select(q, today, lambda m: m.source in view.documents)
    if not ms:
        return None  # no such minutes: the search says so
    m = ms[-1]
    lang = q.language
    label = say.meeting_label(m.title, m.date, lang)
    head = say.digest_head(label, len(m.attendees) or None, lang)
    facts = Facts(meetings=[view.ref(m)], count=len(m.attendees) or None)
    passages: list[Passage] = []
    if m.attendees_span:
        passages.append(view.span_passage(m, m.attendees_span))

    groups = item_statements(view, m, lang, today, MAX_CHARS - len(head)) if _has_content(m) else []
    if not any(sts for _, sts in groups):
        groups = text_statements(view, m, lang)
    if not any(sts for _, sts in groups):
        return view.answer(q, phrase("digest_empty", lang, label=label), found=True, passages=passages,
                           facts=facts)
    chosen = _choose(head, groups)
    parts = [head]
    for heading, sts in groups:
        picked = sorted((st for st in sts if id(st) in chosen), key=lambda st: st.pos)
        if not picked:
            continue
        what = "; ".join(st.text for st in picked)
        text = phrase("digest_item", lang, item=heading, what=what) if heading else say.capital(what)
        parts.append(text if text.rstrip("”“\"’").endswith((".", "!", "?", ":")) else text + ".")
        for st in picked:
            passages.append(st.passage)
            if st.kind == "decision":
                facts.decisions.append(st.row)
            elif st.kind == "action":
                facts.actions.append(st.row)
    return view.answer(q, " ".join(parts), found=True, passages=passages, facts=facts)


# "what happened at the last meeting?", "sammanfatta mötet den 3 mars"; not "what happened at the
# summer party?" (a search): a time or a meeting is named
ROUTE = Route(Intent.DIGEST, 6, lambda s: s.digest and (s.time or s.meeting_word), ("digest", "time", "meeting_word"))
