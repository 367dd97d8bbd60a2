"""Follow-ups read in the context of the question before them (bot/followup.py), and the
engine's ``converse`` that applies it."""
from __future__ import annotations

from datetime import date

import pytest

from bot.engine import Engine
from bot.followup import Context, is_elliptical, merge
from bot.question import Intent, Question, TimeFilter
from bot.understand import understand
from index.build import build_generation
from index.store import load_index
from tests.conftest import CORPUS, FakeEmbedder

TODAY = date(2026, 1, 1)
SGH_DATE = "2021-11-10"
IKEM_DATE = "2015-02-04"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    idx = tmp_path_factory.mktemp("idx")
    build_generation(CORPUS, idx, FakeEmbedder())
    return Engine(load_index(idx), FakeEmbedder())


def ctx(question: str, meeting: str | None = None) -> Context:
    return Context(question=understand(question), meeting=meeting)


# -- merge, on questions alone ------------------------------------------------------------------
def test_new_intent_keeps_the_meeting_of_the_answer_before():
    q = merge(understand("and who was absent?"), ctx("who attended in November 2021?", SGH_DATE))
    assert q.intent == Intent.ABSENCE
    assert (q.time.year, q.time.month, q.time.day) == (2021, 11, 10)


def test_a_year_alone_re_asks_the_question_before_for_that_year():
    before = ctx("vilka var frånvarande 2021?")
    q = merge(understand("och 2015?"), before)
    assert q.intent == Intent.ABSENCE
    assert q.time.year == 2015 and q.time.day is None
    assert q.language == "sv"


def test_a_bare_year_keeps_the_language_of_the_conversation():
    q = merge(understand("2015?"), ctx("vilka var frånvarande 2021?"))
    assert q.intent == Intent.ABSENCE and q.language == "sv"


def test_there_means_the_meeting_before():
    q = merge(understand("vad beslutades där?"), ctx("vilka deltog på förra mötet?", IKEM_DATE))
    assert q.intent == Intent.DECISIONS
    assert (q.time.year, q.time.month, q.time.day) == (2015, 2, 4)


def test_the_flags_of_the_intent_come_along():
    q = merge(understand("and in 2016?"), ctx("which action items are still open in 2015?"))
    assert q.intent == Intent.ACTIONS and q.open_only and q.time.year == 2016


def test_a_person_carries_over_to_a_question_about_them_but_not_to_a_list_of_people():
    before = Context(question=Question(text="what did Anna say in 2015?", language="en", intent=Intent.PERSON,
                                       time=TimeFilter(year=2015, text="2015"), person="Anna"))
    again = merge(understand("och 2016?"), before)
    assert again.intent == Intent.PERSON and again.person == "Anna" and again.time.year == 2016
    absent = merge(understand("and who was absent?"), before)
    assert absent.intent == Intent.ABSENCE and absent.person is None and absent.time.year == 2015


def test_a_follow_up_naming_its_own_meeting_does_not_inherit_the_date():
    q = merge(understand("who attended the planning meeting?"), ctx("who attended in November 2021?", SGH_DATE))
    assert not q.time


def test_open_action_items_are_open_now_whatever_the_meeting_before():
    q = merge(understand("which action items are still open?"), ctx("who attended in November 2021?", SGH_DATE))
    assert q.intent == Intent.ACTIONS and q.open_only and not q.time


def test_a_next_meeting_answer_is_about_no_meeting_of_the_minutes(engine):
    _, c = engine.converse("when is the next meeting?", None, today=TODAY)
    assert c.meeting is None


def test_an_office_alone_asks_who_held_it_at_the_same_meeting():
    q = merge(understand("and the chair?"), ctx("who attended in November 2021?", SGH_DATE))
    assert q.intent == Intent.ROLE and q.role == "chair" and q.time.day == 10 and "chair" not in q.words
    sv = merge(understand("och sekreteraren 2015?"), ctx("vilka deltog 2021?"))
    assert sv.intent == Intent.ROLE and sv.role == "secretary" and sv.time.year == 2015


def test_a_question_of_its_own_is_not_elliptical():
    assert is_elliptical(understand("och 2015?"))
    assert not is_elliptical(understand("what was decided about the budget?"))
    assert not is_elliptical(understand("tell me about the regional development strategy"))


def test_no_context_changes_nothing():
    q = understand("who attended in 2015?")
    assert merge(q, None) is q


def test_context_round_trips_through_json():
    c = ctx("which action items are still open in 2015?", IKEM_DATE)
    back = Context.from_json(c.to_json())
    assert back == c
    assert back.question.intent is Intent.ACTIONS
    assert Context.from_json("{not json") is None
    assert Context.from_json('{"question": {"intent": "no-such-intent"}}') is None


# -- the engine, over the sample corpus ------------------------------------------------------------
def test_conversation_keeps_the_meeting_and_switches_year(engine):
    a1, c1 = engine.converse("who attended the meeting in November 2021?", None, today=TODAY)
    assert a1.intent == "attendance" and c1.meeting == SGH_DATE
    a2, c2 = engine.converse("what about 2015?", c1, today=TODAY)
    assert a2.intent == "attendance" and a2.found
    assert a2.question == "what about 2015?"
    assert {m.meeting_date for m in a2.facts.meetings} == {IKEM_DATE}
    assert c2.meeting == IKEM_DATE
    a3, _ = engine.converse("vem var ordförande där?", c2, today=TODAY)
    assert a3.language == "sv"
    assert all(p.meeting_date == IKEM_DATE for p in a3.passages)


def test_fresh_question_is_answered_as_ask_does(engine):
    a, c = engine.converse("when is the next meeting?", None, today=TODAY)
    assert a.answer == engine.ask("when is the next meeting?", today=TODAY).answer
    assert c is not None and c.question.intent == Intent.NEXT_MEETING


def test_empty_question_leaves_no_context(engine):
    a, c = engine.converse("   ", ctx("who attended in 2015?"), today=TODAY)
    assert c is None and not a.found


# -- the CLI's batch mode ---------------------------------------------------------------------------
def test_cli_batch_keeps_context_with_followups(monkeypatch, capsys, corpus_copy, tmp_path):
    import io
    import json

    from bot.cli import main
    from tests.conftest import FakeEmbedder

    monkeypatch.setenv("MINUTES_CORPUS_DIR", str(corpus_copy))
    monkeypatch.setenv("MINUTES_INDEX_DIR", str(tmp_path / "ix"))
    monkeypatch.setenv("MINUTES_EMBEDDING_MODEL", "fake-embedder")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("index.embed.load_embedder", lambda name: FakeEmbedder(name=name))
    assert main(["index"]) == 0
    capsys.readouterr()
    lines = "who attended the meeting in November 2021?\nwhat about 2015?\n"

    def batch(*flags):
        monkeypatch.setattr("sys.stdin", io.StringIO(lines))
        assert main(["ask", "--json", "--today", "2026-01-01", *flags, "-"]) == 0
        return [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    with_context = batch("--followups")
    assert [a["intent"] for a in with_context] == ["attendance", "attendance"]
    assert {m["meeting_date"] for m in with_context[1]["facts"]["meetings"]} == {IKEM_DATE}
    without = batch()
    assert without[1]["intent"] != "attendance"  # alone, "what about 2015?" is no attendance question


# -- real minutes (../shared/corpora; skipped when absent) ------------------------------------------------
def _engine_over(folder, tmp_path):
    build_generation(folder, tmp_path / "idx", FakeEmbedder())
    return Engine(load_index(tmp_path / "idx"), FakeEmbedder())


def test_real_swedish_thread_keeps_the_meeting(shared_corpora, tmp_path):
    engine = _engine_over(shared_corpora / "lithekod-sv", tmp_path)
    a1, c1 = engine.converse("vilka var närvarande på mötet i november 2016?", None, today=TODAY)
    assert a1.intent == "attendance" and c1.meeting == "2016-11-15"
    a2, c2 = engine.converse("och vilka var frånvarande?", c1, today=TODAY)
    assert a2.intent == "absence" and a2.language == "sv"
    assert {m.meeting_date for m in a2.facts.meetings} <= {"2016-11-15"}
    assert all(p.meeting_date == "2016-11-15" for p in a2.passages)


def test_real_english_thread_switches_year(shared_corpora, tmp_path):
    engine = _engine_over(shared_corpora / "nodejs-tsc-en", tmp_path)
    _, c1 = engine.converse("what was decided in 2015?", None, today=TODAY)
    a2, _ = engine.converse("and in 2016?", c1, today=TODAY)
    assert a2.intent == "decisions" and a2.found
    assert a2.facts.decisions and all(r["meeting_date"].startswith("2016") for r in a2.facts.decisions)
