"""The decision and action registers: rows of every decision and action item in the index, as
`minutes decisions` / `minutes actions` print them and as answers' ``facts`` carry them.

A row's ``text`` (decisions) and ``task`` (actions) are text for people: LaTeX and Markdown shown
as text, as an answer's ``quote_text`` is (bot/render_markup.py); ``quote`` stays verbatim at
``start``-``end`` of the source text. Read from the snapshot alone (the records were parsed at
index time): no model, no engine."""
from __future__ import annotations

from datetime import date

from index.models import ActionItem, Decision, Meeting
from index.records.formality import BUSINESS, decision_kind

from .render_markup import plain, render_inline

OPEN_STATES = ("open", "ongoing", "not_started")


def as_text(quote: str, source: str) -> str:
    """A record's verbatim text as people read it: markup shown as text, on one line."""
    return " ".join(plain(render_inline(quote, source)).split())


def decision_row(m: Meeting, d: Decision) -> dict:
    return {"meeting_date": m.date, "source": m.source, "collection": m.collection, "item": d.item,
            "text": as_text(d.text, m.source), "outcome": d.outcome, "kind": decision_kind(d), "quote": d.text,
            "start": d.text_span[0], "end": d.text_span[1],
            "reservations": list(d.vote.reservations) if d.vote else []}


def action_status(a: ActionItem, today: date) -> str:
    """The action's status as of ``today``: what the latest review said, else open; an open
    action past its due date is "overdue"."""
    status = a.status or "open"
    if status in OPEN_STATES and a.due and a.due < today.isoformat():
        return "overdue"
    return status


def is_open(a: ActionItem, today: date) -> bool:
    return action_status(a, today) in (*OPEN_STATES, "overdue")


def closed_by(m: Meeting, a: ActionItem) -> dict | None:
    """The minutes that closed the action (done or dropped): a later meeting's report (with its
    words), or the action's own minutes when they say so ("Action: … – Done"); None while open."""
    if a.status not in ("done", "dropped"):
        return None
    if a.status_source:
        return {"source": a.status_source, "meeting_date": a.status_date, "quote": a.status_quote}
    return {"source": m.source, "meeting_date": m.date, "quote": a.task}


def action_row(m: Meeting, a: ActionItem, today: date) -> dict:
    return {"meeting_date": m.date, "source": m.source, "collection": m.collection, "item": a.item,
            "owners": list(a.owners), "owner_names": list(a.owner_names or a.owners),
            "task": as_text(a.task, m.source), "due": a.due, "status": action_status(a, today),
            "closed_by": closed_by(m, a), "quote": a.task, "start": a.task_span[0], "end": a.task_span[1]}


def action_line(r: dict) -> str:
    """A row of `minutes actions` as a line of text: owners as resolved ("Tim (Tim Persson)"),
    and the minutes that closed it."""
    who = ", ".join(o if n == o else f"{o} ({n})" for o, n in zip(r["owners"], r["owner_names"], strict=True))
    closed = r["closed_by"]
    by = ""
    if closed and closed["source"] != r["source"]:
        by = f"  closed by {closed['source']}" + (f" ({closed['meeting_date']})" if closed["meeting_date"] else "")
    return (f"{r['meeting_date'] or '(undated)'}  {r['status']:<8} {who or '-'}: {' '.join(r['task'].split())}"
            f"{'  due ' + r['due'] if r['due'] else ''}  [{r['source']}]{by}")


def owned_by(a: ActionItem, who: str) -> bool:
    """``who`` owns ``a``: the name of an owner as resolved to the people of the minutes ("Tim
    Persson" for "Tim ska …", "Tim" for "Tim Persson"), or a body's name within the owner
    ("förvaltningen"); an owner nobody could resolve ("Tim" alone) is anyone of that name."""
    from index.names import names_match

    for o, n in zip(a.owners, a.owner_names or a.owners, strict=True):
        if names_match(who, n) or who.casefold() in n.casefold():
            return True
        if n == o and " " not in o.strip() and names_match(o, who):
            return True
    return False


def linked(meetings, today: date) -> list[Meeting]:
    """The meetings held by ``today``, oldest first, with each action's status as the later
    minutes (up to ``today``) report it: copies, so the snapshot's records stay as parsed."""
    from index.records import link_actions

    iso = today.isoformat()
    held = sorted((m.model_copy(deep=True) for m in meetings if not m.date or m.date <= iso),
                  key=lambda m: (m.date or "", m.source))
    link_actions(held)
    return held


def _newest_first(meetings) -> list[Meeting]:
    return sorted(meetings, key=lambda m: (m.date or "", m.source), reverse=True)


def decisions(meetings, *, since: str | None = None, until: str | None = None,
              meeting: str | None = None, business: bool = False) -> list[dict]:
    """Every decision, newest meeting first; ``since``/``until``/``meeting`` are ISO dates;
    ``business``: leave out the formalities (index/records/formality.py)."""
    rows = []
    for m in _newest_first(meetings):
        if meeting and m.date != meeting:
            continue
        if since and (not m.date or m.date < since):
            continue
        if until and (not m.date or m.date > until):
            continue
        rows.extend(decision_row(m, d) for d in m.decisions)
    return [r for r in rows if r["kind"] == BUSINESS] if business else rows


def actions(meetings, *, today: date, open_only: bool = False, owner: str | None = None) -> list[dict]:
    """Every action item (not the reviews of earlier ones), newest meeting first."""
    rows = []
    for m in _newest_first(linked(meetings, today)):
        for a in m.actions:
            if a.review or (open_only and not is_open(a, today)):
                continue
            if owner and not owned_by(a, owner):
                continue
            rows.append(action_row(m, a, today))
    return rows
