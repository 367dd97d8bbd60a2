"""Meetings as records: agenda items, decisions (with votes), action items and role holders,
each with the span it was read from. :func:`extract_records` runs after ``parse_meeting``; the
records are stored with the meeting in the index. :func:`link_actions` lets later meetings'
reports update earlier actions' status; :func:`action_state` says open/overdue/closed.

The extractors never raise: each is guarded, and a failure loses only its own records."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from index.models import ActionItem, AgendaItem, Decision, Meeting, RoleHolder
from index.records.actions import find_actions
from index.records.status import action_state, link_actions
from index.records.agenda import ItemIndex, agenda_items
from index.records.decisions import find_decisions
from index.records.grammar import plus_one_rounds
from index.records.roles import find_roles
from index.records.text import units as _units
from index.sections import Heading, Line, headings as _headings, latex_body_start, lines as _lines

log = logging.getLogger(__name__)

__all__ = ["Records", "extract_records", "link_actions", "action_state"]


@dataclass
class Records:
    items: list[AgendaItem] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    roles: list[RoleHolder] = field(default_factory=list)

    def store_in(self, meeting: Meeting) -> Meeting:
        """Set the meeting's record fields to these records; returns the meeting."""
        meeting.items, meeting.decisions = self.items, self.decisions
        meeting.actions, meeting.roles = self.actions, self.roles
        return meeting


def extract_records(text: str, meeting: Meeting, lines: list[Line] | None = None,
                    headings: list[Heading] | None = None) -> Records:
    """All records of one meeting's text. ``lines``/``headings`` may be passed when the caller
    has them (index.sections); they are computed otherwise."""
    rec = Records()
    if not text or not text.strip():
        return rec
    try:
        ls = lines if lines is not None else _lines(text)
        hs = headings if headings is not None else _headings(text, ls)
        us = _units(text, ls, hs, latex_body_start(text))
    except Exception:  # noqa: BLE001 - a document we cannot even split has no records
        log.exception("records: splitting %s failed", meeting.source)
        return rec
    try:
        rec.items = agenda_items(text, meeting, hs)
    except Exception:  # noqa: BLE001
        log.exception("records: agenda items of %s failed", meeting.source)
    index = ItemIndex(rec.items)
    proposals: list[tuple[int, int]] = []
    try:
        rec.decisions, proposals = find_decisions(text, ls, hs, index, us)
    except Exception:  # noqa: BLE001
        log.exception("records: decisions of %s failed", meeting.source)
    try:
        plus_one_rounds(text, rec.decisions)  # "+1" rounds of scribe minutes: tallies and voters
    except Exception:  # noqa: BLE001
        log.exception("records: vote rounds of %s failed", meeting.source)
    settled = {d.text_span for d in rec.decisions if d.outcome in ("approved", "decided")}
    unsettled = [p for p in proposals if p not in settled]
    try:
        rec.roles = find_roles(text, meeting, us, unsettled, hs)
    except Exception:  # noqa: BLE001
        log.exception("records: roles of %s failed", meeting.source)
    try:
        rec.actions = find_actions(text, meeting, ls, hs, index, us, rec.decisions, proposals,
                                   [h.name for h in rec.roles], rec.roles)
    except Exception:  # noqa: BLE001
        log.exception("records: actions of %s failed", meeting.source)
    return rec
