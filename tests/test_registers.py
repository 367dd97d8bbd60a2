"""The registers of issue 8 (`minutes decisions`, `minutes actions`): the JSON rows have the
issue's fields, newest meeting first, and each row's quote is the source text at its span."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot import registers
from tests.test_engine import engine_over

DATA = Path(__file__).parent / "data" / "records"
DECISION_FIELDS = {"meeting_date", "source", "item", "text", "outcome", "kind", "quote", "start", "end"}
ACTION_FIELDS = {"meeting_date", "source", "item", "owners", "task", "due", "status", "quote", "start", "end"}


@pytest.fixture(scope="module")
def snap(tmp_path_factory):
    return engine_over(DATA, tmp_path_factory.mktemp("reg-idx"))[1]


def _newest_first(rows):
    dates = [r["meeting_date"] or "" for r in rows]
    return dates == sorted(dates, reverse=True)


def test_decision_rows(snap):
    rows = registers.decisions(snap.meetings.values())
    assert rows and _newest_first(rows)
    for r in rows:
        assert set(r) >= DECISION_FIELDS
        assert snap.documents[r["source"]][r["start"]:r["end"]] == r["quote"]
        assert r["text"] == registers.as_text(r["quote"], r["source"]) and r["kind"] in ("business", "formality")
    since = registers.decisions(snap.meetings.values(), since="2024-01-01", until="2024-02-28")
    assert since and all("2024-01-01" <= r["meeting_date"] <= "2024-02-28" for r in since)
    one = registers.decisions(snap.meetings.values(), meeting="2024-02-20")
    assert one and {r["source"] for r in one} == {"2024-02-20-styrelsemote.md"}


def test_action_rows(snap):
    rows = registers.actions(snap.meetings.values(), today=date(2024, 2, 21))
    assert rows and _newest_first(rows)
    for r in rows:
        assert set(r) >= ACTION_FIELDS
        assert snap.documents[r["source"]][r["start"]:r["end"]] == r["quote"]
        assert r["task"] == registers.as_text(r["quote"], r["source"])
    tim = registers.actions(snap.meetings.values(), today=date(2024, 2, 21), owner="Tim")
    assert tim and all(any(o.startswith("Tim") for o in r["owners"]) for r in tim)
    late = registers.actions(snap.meetings.values(), today=date(2024, 3, 2), open_only=True)
    assert any(r["status"] == "overdue" and r["due"] == "2024-03-01" for r in late)  # "by 1 March"
