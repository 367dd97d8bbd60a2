"""A 10,000-character question is read by its meaningful part, with a note saying so."""
from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.long_question import MAX_CHARS, read_question
from bot.render_text import render_text
from index.build import build_generation
from index.store import load_index
from tests.conftest import CORPUS, FakeEmbedder

FILLER = " ".join(["lorem ipsum dolor sit amet, consectetur adipiscing elit"] * 180)  # ~10,000 characters


def test_short_questions_are_read_whole():
    r = read_question("  när är nästa möte?  ")
    assert (r.text, r.how, r.note("sv")) == ("när är nästa möte?", None, None)


def test_the_question_sentences_of_a_long_text_are_kept():
    text = "Hej! Jag har en fråga om förra året.\n\n" + FILLER + ".\n\nVad sades om hälsoekonomi?"
    r = read_question(text)
    assert len(text) > 10_000 and r.text == "Vad sades om hälsoekonomi?" and r.how == "questions"
    assert r.note("sv") == f"Frågan var {len(text)} tecken lång; jag läste bara dess frågor (26 tecken)."
    two = read_question("Who chaired? " + FILLER + ". When is the next meeting?")
    assert two.text == "Who chaired? When is the next meeting?"
    # a run-on "sentence" ending in a question mark keeps its end
    run_on = read_question(FILLER + " when is the next meeting?")
    assert run_on.text.endswith(" when is the next meeting?") and len(run_on.text) <= 200


def test_without_a_question_mark_the_beginning_is_kept_at_a_word_boundary():
    text = "what was said about hälsoekonomi " + FILLER
    r = read_question(text)
    assert r.how == "start" and len(r.text) <= MAX_CHARS and r.text.startswith("what was said about hälsoekonomi ")
    assert text.startswith(r.text) and text[len(r.text)] in " ,"  # cut between words
    assert r.note("en") == f"The question was {len(text)} characters long; I read only the first {len(r.text)}."


def test_one_endless_question_sentence_is_cut():
    r = read_question("what " + "and what " * 2000 + "?")
    assert r.how == "questions" and len(r.text) <= MAX_CHARS


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    idx = tmp_path_factory.mktemp("idx")
    build_generation(CORPUS, idx, FakeEmbedder())
    return Engine(load_index(idx), FakeEmbedder())


def test_the_noise_does_not_change_the_answer(engine):
    short = engine.ask("vad sades om hälsoekonomi?")
    long = engine.ask("Hej!\n" + FILLER + "\nVad sades om hälsoekonomi?")
    assert long.answer == short.answer and long.passages == short.passages
    assert short.notes == [] and len(long.notes) == 1 and "jag läste bara dess frågor" in long.notes[0]
    assert long.question == "Vad sades om hälsoekonomi?"
    assert f"({long.notes[0]})" in render_text(long).splitlines()


def test_the_note_is_in_the_json(engine):
    d = engine.ask("who attended in 2015? " + FILLER).to_json_dict()
    assert d["intent"] == "attendance" and d["notes"] and d["notes"][0].startswith("The question was ")
