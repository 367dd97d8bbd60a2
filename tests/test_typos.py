"""Typos in questions (bot/typos.py): read as the word the minutes or the questions use, said in
the answer's notes; a word the minutes never use and nothing is near stays as asked."""
from __future__ import annotations

import pytest

from .test_engine import engine_over_texts

FILES = {
    "2023-03-20.md": "# Årsmöte 2023\n\nDatum: 2023-03-20\n\nNärvarande: Anna Berg, Erik Lund\n\n"
                     "## § 1 Val av ordförande\n\nTill ordförande för mötet valdes Anna Berg.\n\n"
                     "## § 2 Bastun\n\nBeslut: bastun repareras före midsommar.\n",
    "2023-05-02.md": "# Board meeting\n\nDate: 2023-05-02\n\nAttendees: Tom Reed, Sara Hill\n\n"
                     "## Payment slip\n\nThe chair promised to change the payment slip.\n",
    "2023-11-06.md": "# Board meeting\n\nDate: 2023-11-06\n\nAttendees: Eva Ros, Leo Falk\n\n## Budget\n\nNo changes.\n",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory, "typos", FILES)[0]


def test_a_swedish_typo_is_read_as_the_minutes_word_and_said(engine):
    a = engine.ask("Vem var ordförnade på årsmötet 2023?")
    assert a.intent == "role" and a.found and "Anna Berg" in a.answer
    assert "Jag läste 'ordförnade' som 'ordförande'." in a.notes
    assert a.question == "Vem var ordförnade på årsmötet 2023?"


def test_an_english_cue_typo_is_read_as_the_cue(engine):
    a = engine.ask("Who atended the board meeting on 2 May 2023?")
    assert a.intent == "attendance" and a.found
    assert set(a.facts.people) == {"Tom Reed", "Sara Hill"}
    assert "I read 'atended' as 'attended'." in a.notes


def test_a_corpus_word_typo_finds_its_passage(engine):
    a = engine.ask("What did the chair promise to change on the paymnet slip?")
    assert a.found and "payment slip" in a.passages[0].quote
    assert any("'paymnet' as 'payment'" in n for n in a.notes)


def test_words_the_minutes_use_and_far_words_are_left_alone(engine):
    a = engine.ask("Vad beslutades om bastun?")
    assert not a.notes and a.found
    a = engine.ask("Vad beslutades om snöröjning?")
    assert not a.notes and not a.found


def test_a_hyphenated_word_is_read_part_by_part(engine):
    a = engine.ask("What did the chair promise about the slip-paymnet?")
    assert a.found and "payment slip" in a.passages[0].quote
    assert any("'paymnet' as 'payment'" in n for n in a.notes)


def test_a_month_typo_still_dates_the_question(engine):
    a = engine.ask("Who attended the board meeting on 2 Mya 2023?")  # four letters: left alone
    assert not any("Mya" in n for n in a.notes)
    a = engine.ask("Vilka deltog på mötet den 6 novembr?")
    assert a.intent == "attendance" and a.found and set(a.facts.people) == {"Eva Ros", "Leo Falk"}
    assert "Jag läste 'novembr' som 'november'." in a.notes


def test_a_word_of_the_language_is_no_typo(engine):
    a = engine.ask("Who is sending the invitations?")  # "sending" is English, not "pending" mistyped
    assert not any("sending" in n for n in a.notes)
    a = engine.ask("Vilka har deltagit i årsmötet 2023?")  # "deltagit" is Swedish
    assert not a.notes and a.intent == "attendance" and a.found


def test_a_word_of_the_language_the_minutes_do_not_use_stays_as_asked(engine):
    a = engine.ask("What happened to the website after the power outage?")  # not "outrage"
    assert not a.notes
