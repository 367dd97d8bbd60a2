"""Checks shared by the records tests (tests/test_records*.py): a text's meeting and records,
the span invariant of every record (each span quotes exactly what it names), the fixtures in
tests/data/records and the shared dvd-goteborg-sv files."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from index.models import Meeting
from index.parse import parse_meeting
from index.records import Records, extract_records

DATA = Path(__file__).parent / "data" / "records"


def records_of(text: str, source: str) -> tuple[Meeting, Records]:
    m = parse_meeting(text, source)
    return m, extract_records(text, m)


def check_record_spans(text: str, r: Records) -> int:
    """Assert every span of every record quotes what it names; returns how many were checked."""
    n = 0

    def ok(span, value=None):
        nonlocal n
        s, e = span
        assert 0 <= s <= e <= len(text), span
        if value is not None:
            assert text[s:e] == value, (span, text[s:e], value)
        else:
            assert e > s and text[s:e] == text[s:e].strip(), (span, text[s:e])
        n += 1

    for it in r.items:
        ok(it.heading_span, it.heading)
        ok(it.span)
        assert it.span[0] <= it.heading_span[0] < it.span[1]
    for d in r.decisions:
        ok(d.text_span, d.text)
        ok(d.span)
        if d.proposal_span:
            ok(d.proposal_span)
        if d.vote:
            ok(d.vote.span)
            for sp in d.vote.reservation_spans:
                ok(sp)
        assert d.outcome in ("approved", "rejected", "tabled", "referred_back", "noted", "decided")
    for a in r.actions:
        ok(a.task_span, a.task)
        ok(a.span)
        assert a.span[0] <= a.task_span[0] and a.task_span[1] <= a.span[1] or a.task_span[1] <= a.span[0]
        if a.due_span:
            ok(a.due_span)
            assert a.due and dt.date.fromisoformat(a.due)
        if a.status_span:
            ok(a.status_span)
        assert a.status in ("open", "done", "ongoing", "dropped", "not_started")
        for o in a.owners:
            assert o and o == o.strip()
        if a.owner_from_span:
            ok(a.owner_from_span, a.owner_from)
    for h in r.roles:
        ok(h.name_span, h.name)
        ok(h.span)
        assert h.span[0] <= h.name_span[0] and h.name_span[1] <= h.span[1]
    return n


def _fixture(name: str) -> tuple[str, Meeting, Records]:
    text = (DATA / name).read_text(encoding="utf-8")
    m, r = records_of(text, name)
    check_record_spans(text, r)
    return text, m, r


def _quote(text: str, span) -> str:
    return " ".join(text[span[0]:span[1]].split())


def _dvd(shared_corpora, name):
    p = shared_corpora / "dvd-goteborg-sv" / name
    text = p.read_text(encoding="utf-8")
    m, r = records_of(text, name)
    return text, m, r
