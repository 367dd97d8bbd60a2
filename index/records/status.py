"""Action items across meetings: a later meeting's report on an earlier action ("Done", "Klart",
"Pågår", "Dropped", a table's Status cell) sets that action's status (:func:`link_actions`);
:func:`action_state` says open, overdue or closed against a day."""
from __future__ import annotations

import datetime as dt
import re

from index.models import ActionItem, Meeting

_TOKEN = re.compile(r"[\wåäöÅÄÖ]{4,}")
_STOP = {"till", "från", "med", "inte", "ska", "skall", "will", "with", "from", "that", "this", "about", "efter",
         "innan", "nästa", "möte", "mötet", "meeting", "next", "också", "även", "kolla", "check"}


def _words(s: str) -> set[str]:
    return {w.casefold() for w in _TOKEN.findall(s) if w.casefold() not in _STOP}


def _same_task(old: ActionItem, new: ActionItem) -> bool:
    ow = {o.casefold().split()[0] for o in old.owners}
    nw = {o.casefold().split()[0] for o in new.owners}
    if ow and nw and not (ow & nw):
        return False
    a, b = _words(old.task), _words(new.task)
    if not a or not b:
        return False
    shared = len(a & b)
    return shared >= 2 and shared / min(len(a), len(b)) >= 0.5 or (shared >= 1 and min(len(a), len(b)) == 1
                                                                   and bool(ow & nw))


def link_actions(meetings: list[Meeting]) -> None:
    """In date order, let a later meeting's report on an earlier action ("Done", "Klart",
    "Pågår", "Dropped", or the same task listed again with a status) set that action's status,
    with the source and quote of the report. An action nobody reports on keeps its status."""
    dated = sorted((m for m in meetings if m.date), key=lambda m: m.date)
    earlier: list[tuple[Meeting, ActionItem]] = []
    for m in dated:
        for new in m.actions:
            if new.status == "open":
                continue  # only a reported status changes an earlier action
            best = None
            for om, old in reversed(earlier):
                if om.date < m.date and old.status not in ("done", "dropped") and _same_task(old, new):
                    best = old
                    break
            if best is not None:
                best.status = new.status
                best.status_source = m.source
                best.status_source_span = new.span
                best.status_quote = new.task
                best.status_date = m.date
        earlier.extend((m, a) for a in m.actions if not a.review)


def action_state(action: ActionItem, today: dt.date | str) -> str:
    """"closed" (done or dropped), "overdue" (open and past its due date) or "open"."""
    if isinstance(today, str):
        today = dt.date.fromisoformat(today)
    if action.status in ("done", "dropped"):
        return "closed"
    if action.due and dt.date.fromisoformat(action.due) < today:
        return "overdue"
    return "open"

