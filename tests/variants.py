"""Checks shared by the parser tests (tests/test_parse_variants.py, test_parse_labels.py,
test_parse_robustness.py): the span invariant (each span quotes exactly what it names) and one
variant's expectations."""
from __future__ import annotations

from index.dates import find_dates
from index.models import Meeting
from index.parse import parse_meeting
from index.parse.header import joined_title


def check_spans(text: str, m: Meeting) -> None:
    """Every span in ``m`` quotes exactly what it names."""
    if m.title_span:  # a generic first line and the next one: both quoted, joined (header.joined_title)
        assert joined_title(text[slice(*m.title_span)]) == m.title
    if m.date_span:
        assert m.date_origin == "text"
        quoted = text[slice(*m.date_span)]
        assert quoted == quoted.strip()
        hits = find_dates(quoted)
        assert hits and hits[0][0].isoformat() == m.date, quoted
    elif m.date:
        assert m.date_origin == "filename"
    for p in m.attendees + m.invited + m.absent + [x for x in (m.chair, m.secretary) if x]:
        quoted = text[slice(*p.span)]
        assert quoted and quoted == quoted.strip(), (p, quoted)
        assert all(w in quoted for w in p.name.split()), (p, quoted)
        if p.detail:
            assert p.detail in quoted, (p, quoted)
    if m.attendees:
        s, e = m.attendees_span
        assert all(s <= p.span[0] and p.span[1] <= e for p in m.attendees)
        assert text[s:e] == text[s:e].strip()
    if m.next_meeting:
        nm = m.next_meeting
        assert text[slice(*nm.span)] == nm.quote and nm.quote == nm.quote.strip() and nm.quote
        assert (nm.date is None) == nm.vague


def who(ps):
    """[(name, detail)] with detail omitted when None, for compact expectations."""
    return [p.name if p.detail is None else (p.name, p.detail) for p in ps]


def check_variant(source: str, text: str, want: dict) -> None:
    """One variant (id, source, text, expectations) parsed and checked. Expectation keys: date,
    date_text (what date_span quotes), origin, title, language, attendees / invited / absent (see
    ``who``), chair, secretary (name or None), next = (date, vague, relative) or None, next_quote."""
    m = parse_meeting(text, source)
    check_spans(text, m)
    if "date" in want:
        assert m.date == want["date"]
    if "date_text" in want:
        assert text[slice(*m.date_span)] == want["date_text"]
    assert m.date_origin == want.get("origin", "text" if m.date else None)
    if "title" in want:
        assert m.title == want["title"]
    assert m.language == want.get("language", "sv")
    for key in ("attendees", "invited", "absent"):
        if key in want:
            assert who(getattr(m, key)) == want[key], key
    for key in ("chair", "secretary"):
        if key in want:
            p = getattr(m, key)
            assert (p.name if p else None) == want[key], key
    if "next" in want:
        nm = m.next_meeting
        if want["next"] is None:
            assert nm is None
        else:
            assert nm is not None and (nm.date, nm.vague, nm.relative) == want["next"], nm
    if "next_quote" in want:
        assert m.next_meeting.quote == want["next_quote"]

