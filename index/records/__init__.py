"""Meetings as records: agenda items, decisions (with votes), action items and role holders,
each with the span it was read from. :func:`extract_records` runs after ``parse_meeting``; the
records are stored with the meeting in the index. :func:`link_actions` lets later meetings'
reports update earlier actions' status; :func:`action_state` says open/overdue/closed.

An extractor that odd text makes fail loses only its own records, and the failure is recorded
(index/partial.py); a programming error propagates."""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from index.models import ActionItem, AgendaItem, Decision, Meeting, RoleHolder
from index.partial import guarded
from index.records.status import action_state, link_actions
from index.records.text import units as _units
from index.sections import Heading, Line, headings as _headings, latex_body_start, lines as _lines


def _on_use(module: str, name: str):
    """``module.name``, imported when first called: answering a question reads this package's
    light parts (titles, status) and must not load every extractor with them."""
    def call(*args, **kwargs):
        return getattr(importlib.import_module(module), name)(*args, **kwargs)
    return call


find_actions = _on_use("index.records.actions", "find_actions")
ItemIndex = _on_use("index.records.agenda", "ItemIndex")
agenda_items = _on_use("index.records.agenda", "agenda_items")
find_decisions = _on_use("index.records.decisions", "find_decisions")
find_roles = _on_use("index.records.roles", "find_roles")
plus_one_rounds = _on_use("index.records.grammar", "plus_one_rounds")

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
                    headings: list[Heading] | None = None, problems: list[dict] | None = None) -> Records:
    """All records of one meeting's text. ``lines``/``headings`` may be passed when the caller
    has them (index.sections); they are computed otherwise. An extractor that ``text`` makes
    fail loses only its own records and is appended to ``problems`` (index/partial.py)."""
    rec = Records()
    if not text or not text.strip():
        return rec
    source = meeting.source
    us = None
    with guarded("sections", source, problems):
        ls = lines if lines is not None else _lines(text)
        hs = headings if headings is not None else _headings(text, ls)
        us = _units(text, ls, hs, latex_body_start(text))
    if us is None:  # a document we cannot even split has no records
        return rec
    with guarded("agenda items", source, problems):
        rec.items = agenda_items(text, meeting, hs)
    index = ItemIndex(rec.items)
    proposals: list[tuple[int, int]] = []
    with guarded("decisions", source, problems):
        rec.decisions, proposals = find_decisions(text, ls, hs, index, us)
    with guarded("vote rounds", source, problems):
        plus_one_rounds(text, rec.decisions)  # "+1" rounds of scribe minutes: tallies and voters
    settled = {d.text_span for d in rec.decisions if d.outcome in ("approved", "decided")}
    unsettled = [p for p in proposals if p not in settled]
    with guarded("role holders", source, problems):
        rec.roles = find_roles(text, meeting, us, unsettled, hs)
    with guarded("action items", source, problems):
        rec.actions = find_actions(text, meeting, ls, hs, index, us, rec.decisions, proposals, rec.roles)
    return rec
