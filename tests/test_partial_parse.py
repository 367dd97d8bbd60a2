"""A parse step that odd text makes fail loses only its own facts and is recorded, with the step
and a one-line reason, for `minutes index` and `minutes status`; a programming error in a step is
never caught (it fails the test that meets it instead of becoming missing data)."""
from __future__ import annotations

import json

import pytest

import index.parse as parse
import index.records as records
from index.parse import parse_meeting
from index.partial import INPUT_ERRORS, reason_of
from index.records import extract_records
from tests.helpers import run_cli as run

TEXT = """Protokoll styrelsemöte 2023-03-01

Närvarande: Anna Berg, Erik Ek, Lisa Holm

§ 1 Budget
Styrelsen beslutar att anta budgeten.
Anna ska boka lokalen till nästa möte.
"""


def _failing(exc):
    def step(*args, **kwargs):
        raise exc
    return step


def _with_step(monkeypatch, name, exc):
    monkeypatch.setattr(parse, "STEPS", tuple((n, _failing(exc) if n == name else f) for n, f in parse.STEPS))


@pytest.mark.parametrize("exc", [ValueError("day is out of range for month"), OverflowError("date value out of range")])
def test_bad_input_in_one_step_loses_that_step_only(monkeypatch, exc):
    _with_step(monkeypatch, "attendees", exc)
    problems: list[dict] = []
    m = parse_meeting(TEXT, "2023-03-01-styrelse.txt", problems=problems)
    assert m.date == "2023-03-01" and m.title and m.attendees == []
    assert problems == [{"step": "attendees", "reason": f"{type(exc).__name__}: {exc}"}]


@pytest.mark.parametrize("exc", [NameError("name 's' is not defined"), TypeError("bad operand"),
                                 AttributeError("x"), KeyError("k"), IndexError("list index out of range")])
def test_a_programming_error_in_a_step_propagates(monkeypatch, exc):
    _with_step(monkeypatch, "attendees", exc)
    with pytest.raises(type(exc)):
        parse_meeting(TEXT, "2023-03-01-styrelse.txt", problems=[])


def test_records_bad_input_loses_one_extractor_a_bug_propagates(monkeypatch):
    m = parse_meeting(TEXT, "2023-03-01-styrelse.txt")
    whole = extract_records(TEXT, m)
    assert whole.decisions and whole.actions
    monkeypatch.setattr(records, "find_decisions", _failing(ValueError("month must be in 1..12")))
    problems: list[dict] = []
    rec = extract_records(TEXT, m, problems=problems)
    assert rec.decisions == [] and rec.items == whole.items
    assert problems == [{"step": "decisions", "reason": "ValueError: month must be in 1..12"}]
    monkeypatch.setattr(records, "find_decisions", _failing(TypeError("unsupported operand")))
    with pytest.raises(TypeError):
        extract_records(TEXT, m, problems=[])


def test_the_reason_is_one_short_line():
    assert reason_of(ValueError("first line\nsecond line")) == "ValueError: first line"
    assert reason_of(RecursionError()) == "RecursionError"
    long = reason_of(ValueError("x" * 500))
    assert len(long) <= 160 and long.endswith("…")
    assert not any(issubclass(e, (NameError, TypeError, AttributeError, LookupError)) for e in INPUT_ERRORS)


@pytest.fixture
def env(cli_env, monkeypatch):
    (cli_env / "2023-03-01-styrelse.txt").write_text(TEXT, encoding="utf-8")
    real = dict(parse.STEPS)["attendees"]

    def attendees(m, text, ls, hs):
        if m.source == "2023-03-01-styrelse.txt":
            raise ValueError("day is out of range for month")
        return real(m, text, ls, hs)

    monkeypatch.setattr(parse, "STEPS", tuple((n, attendees if n == "attendees" else f) for n, f in parse.STEPS))
    return cli_env


def test_index_and_status_list_the_files_parsed_in_part(env, capsys):
    code, out, err = run(capsys, "index", "--json")
    entry = {"file": "2023-03-01-styrelse.txt", "step": "attendees", "reason": "ValueError: day is out of range for month"}
    assert code == 0 and json.loads(out)["partial"] == [entry] and json.loads(out)["meetings"] == 3
    assert "parsed in part 2023-03-01-styrelse.txt: attendees failed (ValueError: day is out of range for month)" in err
    code, out, _ = run(capsys, "status", "--json")
    assert code == 0 and json.loads(out)["partial"] == [entry]
    code, out, _ = run(capsys, "status")
    lines = out.splitlines()
    assert "1 file parsed in part (the rest of each is indexed):" in lines
    assert "  2023-03-01-styrelse.txt: attendees failed (ValueError: day is out of range for month)" in lines
    # An update that keeps the file as it was indexed keeps what was said about it.
    code, out, _ = run(capsys, "index", "--json")
    assert json.loads(out)["unchanged"] == 3 and json.loads(out)["partial"] == [entry]
    (env / "2023-03-01-styrelse.txt").unlink()
    code, out, _ = run(capsys, "index", "--json")
    assert json.loads(out)["partial"] == []
    assert "parsed in part" not in run(capsys, "status")[1]
