"""The decision and action registers: rows of every decision and action item in the index, as
`minutes decisions` / `minutes actions` print them and as answers' ``facts`` carry them.

Read from the snapshot alone (the records were parsed at index time): no model, no engine."""
from __future__ import annotations

from datetime import date

from index.models import ActionItem, Decision, Meeting

OPEN_STATES = ("open", "ongoing", "not_started")


def decision_row(m: Meeting, d: Decision) -> dict:
    return {"meeting_date": m.date, "source": m.source, "item": d.item, "text": d.text, "outcome": d.outcome,
            "quote": d.text, "start": d.text_span[0], "end": d.text_span[1],
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


def action_row(m: Meeting, a: ActionItem, today: date) -> dict:
    return {"meeting_date": m.date, "source": m.source, "item": a.item, "owners": list(a.owners), "task": a.task,
            "due": a.due, "status": action_status(a, today), "quote": a.task, "start": a.task_span[0],
            "end": a.task_span[1]}


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
              meeting: str | None = None) -> list[dict]:
    """Every decision, newest meeting first; ``since``/``until``/``meeting`` are ISO dates."""
    rows = []
    for m in _newest_first(meetings):
        if meeting and m.date != meeting:
            continue
        if since and (not m.date or m.date < since):
            continue
        if until and (not m.date or m.date > until):
            continue
        rows.extend(decision_row(m, d) for d in m.decisions)
    return rows


def actions(meetings, *, today: date, open_only: bool = False, owner: str | None = None) -> list[dict]:
    """Every action item (not the reviews of earlier ones), newest meeting first."""
    from index.names import names_match

    rows = []
    for m in _newest_first(linked(meetings, today)):
        for a in m.actions:
            if a.review or (open_only and not is_open(a, today)):
                continue
            if owner and not any(names_match(owner, o) or owner.casefold() in o.casefold() for o in a.owners):
                continue
            rows.append(action_row(m, a, today))
    return rows
