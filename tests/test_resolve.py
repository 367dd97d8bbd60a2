"""The meeting resolver (bot/resolve.py): a question names its meeting by kind, season, place,
number, ordinal or relative, and every intent answers from the meeting it chose (facts.resolved)."""
from __future__ import annotations

import pytest

from bot.understand import understand

from .test_engine import assert_verbatim, engine_over_texts

FILES = {
    "2019-03-20-arsmote.md": "# Årsmöte 2019\n\nDatum: 2019-03-20\n\nNärvarande: Anna Berg, Erik Lund\n\n"
                             "## § 1 Val av ordförande\n\nTill mötesordförande valdes Anna Berg.\n\n"
                             "## § 2 Arvode\n\nBeslut: styrelsens arvode höjs till 500 kronor.\n",
    "2019-10-14-hostmote.md": "# Höstmöte\n\nDatum: 2019-10-14\n\nNärvarande: Karin Ek, Olof Sten\n\n"
                              "## § 1 Val av ordförande\n\nTill mötesordförande valdes Karin Ek.\n\n"
                              "## § 2 Bastun\n\nBeslut: bastun repareras före jul.\n",
    "2020-03-18-arsmote.md": "# Årsmöte 2020\n\nDatum: 2020-03-18\n\nNärvarande: Per Holm, Lisa Dahl\n\n"
                             "## § 1 Val av ordförande\n\nTill mötesordförande valdes Per Holm.\n\n"
                             "## § 2 Arvode\n\nBeslut: styrelsens arvode lämnas oförändrat.\n",
    "2020-06-02-extra.md": "# Extra årsmöte\n\nDatum: 2020-06-02\n\nNärvarande: Per Holm, Maja Lind\n\n"
                           "## § 1 Val av ordförande\n\nTill mötesordförande valdes Maja Lind.\n",
    "2012-03-27-ietf83.md": "# HTTPbis minutes, IETF 83, Paris\n\nDate: 2012-03-27\n\nChair: Mark Nottingham\n\n"
                            "Attendees: Mark Nottingham, Julian Reschke\n\n## Charter\n\nWe agreed to start from SPDY.\n",
    "2012-07-30-ietf84.md": "# HTTPbis minutes, IETF 84, Vancouver\n\nDate: 2012-07-30\n\nChair: Barry Leiba\n\n"
                            "Attendees: Barry Leiba, Roy Fielding\n\n## Charter\n\nWe agreed to adopt the draft.\n",
}


@pytest.fixture(scope="module")
def engine_snap(tmp_path_factory):
    return engine_over_texts(tmp_path_factory, "resolve", FILES)


@pytest.mark.parametrize("question, source, by", [
    ("Vem var ordförande på årsmötet 2020?", "2020-03-18-arsmote.md", "year+kind"),
    ("Vem var ordförande på höstmötet?", "2019-10-14-hostmote.md", "season"),
    ("Vem var ordförande på det extra årsmötet?", "2020-06-02-extra.md", "kind"),
    ("Who chaired the meeting at IETF 83?", "2012-03-27-ietf83.md", "number"),
    ("Who chaired the Vancouver meeting?", "2012-07-30-ietf84.md", "place"),
    ("Who chaired the first meeting of 2020?", "2020-03-18-arsmote.md", "year+ordinal"),
    ("Vem var ordförande på mötet i oktober?", "2019-10-14-hostmote.md", "month"),
])
def test_role_answer_comes_from_the_meeting_named(engine_snap, question, source, by):
    engine, snap = engine_snap
    a = engine.ask(question)
    assert a.found, a.answer
    assert [m.source for m in a.facts.meetings] == [source]
    assert a.facts.resolved["meetings"] == [source]
    assert a.facts.resolved["by"].startswith(by.split("+")[0]) and all(b in a.facts.resolved["by"] for b in by.split("+"))
    assert_verbatim(a, snap)


def test_attendance_of_a_kind_and_year(engine_snap):
    engine, snap = engine_snap
    a = engine.ask("Vilka var närvarande på årsmötet 2019?")
    assert a.intent == "attendance" and a.found
    assert set(a.facts.people) == {"Anna Berg", "Erik Lund"}
    assert "kind" in a.facts.resolved["by"]


def test_decision_at_a_kind_and_year(engine_snap):
    engine, snap = engine_snap
    a = engine.ask("Vad beslöts om styrelsens arvode på årsmötet 2020?")
    assert a.intent == "decisions" and a.found
    assert {m.source for m in a.facts.meetings} == {"2020-03-18-arsmote.md"}
    assert "oförändrat" in a.passages[0].quote
    assert_verbatim(a, snap)


def test_a_clue_no_meeting_shows_is_left_out_and_said(engine_snap):
    engine, _ = engine_snap
    a = engine.ask("Who chaired the Berlin meeting in 2012?")
    assert a.facts.resolved["unmatched"] == ["place"]


def test_parse_reads_each_clue_and_keeps_them_out_of_the_words():
    q = understand("Vad beslöts om arvodet på årsmötet 2023?")
    assert q.meeting.kind == "annual" and q.time.year == 2023 and q.meeting.said == {"kind": "årsmötet"}
    q = understand("Who took part in the HTTPbis session at IETF 86 in Orlando?")
    assert (q.meeting.number, q.meeting.number_word, q.meeting.place) == (86, "IETF", "Orlando")
    assert understand("the spring meeting in 2019").meeting.season == "spring"
    assert understand("Vad gäller för hundar på stranden på sommaren?").meeting.season is None
    assert understand("What was decided at the F2F?").meeting.kind == "face_to_face"
    assert understand("Vad beslutade stormötet om stadgarna?").meeting.kind == "general"
    assert understand("Who chaired the 7th meeting?").meeting.ordinal == 7
    assert understand("Who attended the second day of the face-to-face?").meeting.ordinal == 2
    assert understand("Who attended the second session on the budget?").meeting.ordinal == 2
    assert understand("What did the second speaker say?").meeting.ordinal is None
    assert understand("Is the HTML serialization going to be added to EPUB 3.4?").meeting.number is None
    assert understand("Who chaired the one before?").meeting.before


def test_a_follow_up_asks_for_the_meeting_before(engine_snap):
    engine, snap = engine_snap
    a, ctx = engine.converse("Vem var ordförande på årsmötet 2020?", None)
    assert [m.source for m in a.facts.meetings] == ["2020-03-18-arsmote.md"]
    b, _ = engine.converse("och mötet innan?", ctx)
    assert b.intent == "role" and [m.source for m in b.facts.meetings] == ["2019-10-14-hostmote.md"]
    assert b.facts.resolved["by"].endswith("before")
    assert_verbatim(b, snap)


def test_ask_json_says_why(engine_snap):
    engine, _ = engine_snap
    d = engine.ask("Vad beslutades om arvodet på årsmötet 2020?").to_json_dict()
    assert d["intent"] == "decisions" and d["intent_reasons"]["chosen"]["cues"] == ["decide"]
    assert d["facts"]["resolved"] == {"by": "year+kind", "meetings": ["2020-03-18-arsmote.md"]}


def test_a_day_and_month_without_a_year_names_that_day():
    q = understand("How many people took part in the reference group meeting on 2 October?")
    assert (q.intent, q.time.year, q.time.month, q.time.day) == ("attendance", None, 10, 2)
    q = understand("Vilka var närvarande på mötet den 30 september?")
    assert (q.time.month, q.time.day) == (9, 30)
    assert understand("Who was scribing at the 27 November meeting?").time.day == 27
    assert not understand("May 5 people attend?").time.day


def test_question_words_before_a_meeting_noun_are_no_place():
    assert understand("Vilka möten var Sambruk med på?").meeting.place is None
    assert understand("Which meetings did Rob attend?").meeting.place is None
    q = understand("Sammanfatta mötet på IETF 77.")
    assert (q.meeting.number, q.meeting.place, q.meeting.said["number"]) == (77, None, "IETF 77")


def test_a_kickoff_no_title_names_is_the_first_meeting(engine_snap):
    engine, _ = engine_snap
    a = engine.ask("Vem var ordförande på uppstartsmötet 2019?")
    assert [m.source for m in a.facts.meetings] == ["2019-03-20-arsmote.md"]
    assert a.facts.resolved["by"] == "year+first" and a.facts.resolved["unmatched"] == ["kind"]


def test_a_month_and_day_is_no_title_number():
    assert understand("How many people were at the OTC meeting on April 12, 2022?").meeting.number is None
    assert understand("Vem förde protokollet på OTC-mötet den 3 maj 2022?").meeting.place is None


def test_clue_words_stay_searched_when_no_meeting_shows_them(engine_snap):
    engine, _ = engine_snap
    q = understand("Vad beslutades på höstmötet om bastun?")
    assert "höstmötet" in q.words  # until a meeting shows it
    a = engine.ask("Vad beslutades på höstmötet om bastun?")
    assert a.facts.resolved["by"] == "season" and "bastun" in a.passages[0].quote
    a = engine.ask("Who chaired the Berlin meeting in 2012?")
    assert a.facts.resolved["unmatched"] == ["place"]


def test_a_kind_in_a_title_beats_one_in_opening_lines(tmp_path_factory):
    files = {
        "2025-10-30-telco.md": "# Telco\n\nDate: 2025-10-30\n\nAgenda: planning the face-to-face in Kobe.\n\n"
                               "Present: Ann Lee, Bo Ek\n\nChair: Ann Lee\n",
        "2025-11-10-f2f-day1.md": "# F2F, 1st day\n\nDate: 2025-11-10\n\nPresent: Ann Lee, Cy Dahl\n\nChair: Cy Dahl\n",
        "2025-11-11-f2f-day2.md": "# F2F, 2nd day\n\nDate: 2025-11-11\n\nPresent: Ann Lee, Di Berg\n\nChair: Di Berg\n",
        "2020-11-24-stormote.md": "# LiTHe höstmöte\n\nDatum: 2020-11-24\n\nNärvarande: Eva Ros, Leo Falk\n",
    }
    engine, _ = engine_over_texts(tmp_path_factory, "kinds", files)
    a = engine.ask("Who attended the second day of the face-to-face?")
    assert [m.source for m in a.facts.meetings] == ["2025-11-11-f2f-day2.md"]
    a = engine.ask("Vilka var på stormötet 2020?")  # "stormote" in the file name
    assert a.facts.resolved["by"] == "year" or "kind" in a.facts.resolved["by"]
    assert [m.source for m in a.facts.meetings] == ["2020-11-24-stormote.md"]
