"""Decisions, action items, role holders and digests: answered from the records parsed at index
time, in English and Swedish, every statement quoted verbatim; and the CLI registers."""
from __future__ import annotations

import json
from datetime import date

import pytest

import index.embed
from bot.cli import main
from tests.conftest import FakeEmbedder
from tests.test_engine import assert_verbatim, engine_over_texts

MARCH = """Protokoll styrelsemöte Föreningen Ekorren 2023-03-03

Närvarande: Anna Berg (ordförande), Erik Ek (kassör), Lisa Holm (sekreterare)

§ 1 Mötets öppnande
Anna Berg öppnade mötet.

§ 2 Val av justerare
Erik Ek väljs till protokolljusterare.

§ 3 Hyran
Styrelsen beslutade att hyran för lokalen höjs till 5000 kronor per månad.

§ 4 Loggan
Förslaget om en ny logga bordläggs till nästa möte.

§ 5 Studentkåren
Lisa kontaktar studentkåren om samarbete senast den 20 mars.
Erik ska ta fram en budget för våren.

§ 6 Nästa möte
Nästa möte är den 5 april 2023.
"""

APRIL = """Protokoll styrelsemöte Föreningen Ekorren 2023-04-05

Närvarande: Anna Berg (ordförande), Erik Ek (kassör), Lisa Holm (sekreterare)

§ 1 Mötets öppnande
Anna Berg öppnade mötet.

§ 2 Loggan
Styrelsen beslutade att den nya loggan godkänns.
"""


@pytest.fixture(scope="module")
def club(tmp_path_factory):
    return engine_over_texts(tmp_path_factory, "club", {"2023-03-03-styrelsemote.txt": MARCH,
                                                         "2023-04-05-styrelsemote.txt": APRIL})


def test_decision_about_a_topic_says_what_was_decided(club):
    engine, snap = club
    a = engine.ask("vad beslutades om hyran?", today=date(2023, 6, 1))
    assert a.intent == "decisions" and a.found
    assert "5000 kronor" in a.answer and "5000 kronor" in a.passages[0].quote
    row = a.facts.decisions[0]
    assert row["source"] == "2023-03-03-styrelsemote.txt" and row["outcome"] in ("approved", "decided")
    doc = snap.documents[row["source"]]
    assert doc[row["start"]:row["end"]] == row["text"]
    assert_verbatim(a, snap)


def test_tabled_decisions_and_english_questions(club):
    engine, snap = club
    a = engine.ask("what was tabled in March 2023?", today=date(2023, 6, 1))
    assert a.intent == "decisions" and a.found and "logga" in a.answer
    assert all(r["outcome"] == "tabled" for r in a.facts.decisions)
    assert_verbatim(a, snap)


def test_decisions_of_the_last_meeting(club):
    engine, snap = club
    a = engine.ask("what was decided at the last meeting?", today=date(2023, 6, 1))
    assert a.intent == "decisions" and a.found
    assert {r["source"] for r in a.facts.decisions} == {"2023-04-05-styrelsemote.txt"}
    assert "loggan godkänns" in a.answer


def test_actions_by_owner_by_topic_and_open(club):
    engine, snap = club
    a = engine.ask("what are Lisa's action items?", today=date(2023, 3, 10))
    assert a.intent == "actions" and a.found and "studentkåren" in a.answer
    assert a.facts.actions[0]["due"] == "2023-03-20" and a.facts.actions[0]["status"] == "open"
    a = engine.ask("who will contact the student union?", today=date(2023, 3, 10))
    assert a.found and any("Lisa" in r["owners"][0] for r in a.facts.actions)
    late = engine.ask("which actions are still open?", today=date(2023, 6, 1))
    assert late.found and {r["status"] for r in late.facts.actions} <= {"open", "overdue", "ongoing", "not_started"}
    assert any(r["status"] == "overdue" for r in late.facts.actions)  # due 20 March, nobody reported back
    assert_verbatim(a, snap)


def test_role_holders_now_and_then(club):
    engine, snap = club
    a = engine.ask("Vem är kassör?", today=date(2023, 6, 1))
    assert a.intent == "role" and a.found and a.facts.people == ["Erik Ek"]
    assert "2023-04-05" in [m.meeting_date for m in a.facts.meetings]  # the latest minutes
    a = engine.ask("who was the adjuster in March 2023?", today=date(2023, 6, 1))
    assert a.found and "Erik Ek" in a.facts.people
    assert_verbatim(a, snap)


def test_digest_of_a_meeting_quotes_each_statement(club):
    engine, snap = club
    a = engine.ask("sammanfatta mötet den 3 mars 2023", today=date(2023, 6, 1))
    assert a.intent == "digest" and a.found and len(a.answer) <= 1500
    assert "hyran" in a.answer.casefold() and "studentkåren" in a.answer
    assert a.facts.decisions and a.facts.actions
    assert_verbatim(a, snap)
    last = engine.ask("what happened at the last meeting?", today=date(2023, 6, 1))
    assert [m.source for m in last.facts.meetings] == ["2023-04-05-styrelsemote.txt"]


def test_question_fixes():
    from bot.understand import understand

    assert understand("vad sades om Agenda 2030?").time.year is None
    assert "2030" in understand("vad sades om Agenda 2030?").words
    assert understand("vad beslutades i maj?").time.month == 5
    q = understand("who attended the Life Science meeting in 2021?")
    assert q.intent == "attendance" and q.time.year == 2021


@pytest.fixture
def env(monkeypatch, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2023-03-03-styrelsemote.txt").write_text(MARCH, encoding="utf-8")
    (corpus / "2023-04-05-styrelsemote.txt").write_text(APRIL, encoding="utf-8")
    monkeypatch.setenv("MINUTES_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("MINUTES_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setattr(index.embed, "load_embedder", lambda model: FakeEmbedder(name=model))
    return corpus


def test_cli_decisions_register(env, capsys):
    assert main(["index"]) == 0
    capsys.readouterr()
    assert main(["decisions", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and rows[0]["meeting_date"] == "2023-04-05"  # newest first
    assert set(rows[0]) >= {"meeting_date", "source", "item", "text", "outcome", "quote", "start", "end"}
    assert main(["decisions", "--json", "--meeting", "2023-03-03"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and {r["meeting_date"] for r in rows} == {"2023-03-03"}
    assert main(["decisions", "--since", "not-a-date"]) == 2


def test_cli_actions_register(env, capsys):
    main(["index"])
    capsys.readouterr()
    assert main(["actions", "--json", "--open", "--owner", "Lisa", "--today", "2023-03-10"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 1 and rows[0]["due"] == "2023-03-20" and rows[0]["status"] == "open"
    assert set(rows[0]) >= {"meeting_date", "source", "item", "owners", "task", "due", "status", "quote", "start", "end"}
    assert main(["actions"]) == 0
    assert "studentkåren" in capsys.readouterr().out


TITLES = """Protokoll styrelsemöte Föreningen Ekorren 2019-09-04

Närvarande: Erik Mattfolk, Anna Berg (ordförande), Lisa Holm (eventansvarig)

§ 1 Samarbete
PR-ansvarig Erik nomineras som representant.
Olle Sten representerade föreningen på kårens möte.
"""


@pytest.fixture(scope="module")
def titled(tmp_path_factory):
    return engine_over_texts(tmp_path_factory, "titled", {"2019-09-04-styrelsemote.txt": TITLES})


@pytest.mark.parametrize("question, lang", [("vem var PR-ansvarig hösten 2019?", "sv"),
                                            ("who was the PR officer in 2019?", "en")])
def test_an_open_ended_title_finds_its_holder_in_either_language(titled, question, lang):
    engine, snap = titled
    a = engine.ask(question, today=date(2020, 1, 1))
    assert a.intent == "role" and a.found and a.facts.people == ["Erik"]
    assert "PR-ansvarig" in a.answer  # the post as the minutes write it
    assert_verbatim(a, snap)


def test_events_lead_and_a_representative_and_who_led_the_board(titled):
    engine, snap = titled
    a = engine.ask("who was the events lead?", today=date(2020, 1, 1))
    assert a.intent == "role" and a.facts.people == ["Lisa Holm"]
    a = engine.ask("vem var representant för föreningen?", today=date(2020, 1, 1))
    assert a.intent == "role" and a.facts.people == ["Olle Sten"]
    assert_verbatim(a, snap)
    a = engine.ask("vem ledde styrelsen 2019?", today=date(2020, 1, 1))
    assert a.intent == "role" and a.facts.people == ["Anna Berg"]
    a = engine.ask("who ran the board in 2019?", today=date(2020, 1, 1))
    assert a.intent == "role" and a.facts.people == ["Anna Berg"]
