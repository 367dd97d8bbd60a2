"""'Not found' says which case it is: a file that could not be read, words the minutes never
use, a language the bot does not read, or nothing in the minutes answers."""
from __future__ import annotations

import json

import pytest

from bot.engine import Engine
from bot.foreign import unsupported_language
from index.build import build_generation
from index.store import load_index
from tests.conftest import FakeEmbedder


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    import shutil

    from tests.conftest import CORPUS

    root = tmp_path_factory.mktemp("nf")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "2023-05-10-styrelsemote.odt").write_bytes(b"PK\x03\x04 an OpenDocument file")
    (corpus / "sommarfest.rtf").write_text("{\\rtf1 Sommarfesten blev lyckad}")
    build_generation(corpus, root / "ix", FakeEmbedder())
    return Engine(load_index(root / "ix"), FakeEmbedder())


def test_a_question_dated_like_an_unreadable_file_names_it(engine):
    a = engine.ask("who attended in May 2023?")
    assert not a.found and a.reason == "skipped_file"
    assert a.answer == ("The minutes that may hold this, 2023-05-10-styrelsemote.odt, could not be read "
                        "(unsupported file type .odt).")
    sv = engine.ask("vad sades på mötet i maj 2023?")
    assert sv.reason == "skipped_file" and sv.answer.startswith("Protokollet som kan innehålla det, 2023-05-10")


def test_a_question_naming_an_unreadable_file_names_it(engine):
    a = engine.ask("what happened at the sommarfest?")
    assert not a.found and a.reason == "skipped_file" and "sommarfest.rtf" in a.answer


def test_a_time_without_minutes_or_files_is_said_as_before(engine):
    a = engine.ask("what was said about budget in 2013?")
    assert not a.found and a.reason == "not_in_minutes" and a.answer == "There are no minutes from 2013."


def test_words_the_minutes_never_use_are_named(engine):
    a = engine.ask("what did they say about the rent?")
    assert not a.found and a.reason == "unknown_words"
    assert a.answer == "The minutes never use the word ‘rent’, nor any translation of it I know."
    b = engine.ask("vad sades om melodifestivalen och bitcoin?")
    assert b.reason == "unknown_words" and "’melodifestivalen’ och ’bitcoin’" in b.answer


def test_nothing_to_search_for_is_not_in_the_minutes(engine):
    for q in ("what happened?", "vad sades om det?"):
        a = engine.ask(q)
        assert not a.found and a.reason == "not_in_minutes" and not a.passages
    assert engine.ask("vad sades om det?").answer == "Jag hittar inget om det i protokollen."


def test_found_answers_have_no_reason(engine):
    a = engine.ask("vad sades om hälsoekonomi?")
    assert a.found and a.reason is None
    assert json.loads(a.model_dump_json())["reason"] is None


@pytest.mark.parametrize("q,lang", [
    ("Wer hat an der Sitzung teilgenommen?", "German"),
    ("Wann ist die nächste Sitzung?", "German"),
    ("Quand est la prochaine réunion?", "French"),
    ("¿Quién asistió a la reunión?", "Spanish"),
    ("Kuka oli kokouksessa?", "Finnish"),
    # short role questions: the role word is the evidence
    ("Wer war Vorsitzender?", "German"),
    ("Qui était président?", "French"),
    ("Wie was voorzitter?", "Dutch"),
])
def test_other_languages_are_said_to_be_unsupported(engine, q, lang):
    assert unsupported_language(q) == lang
    a = engine.ask(q)
    assert not a.found and a.reason == "unsupported_language" and a.intent == "offtopic"
    assert a.answer == f"I answer questions in English or Swedish only, and this looks like {lang}."


@pytest.mark.parametrize("q", [
    "who attended?", "när är nästa möte?", "what was said about the Sitzung?", "who is Peter Van Der Berg?",
    "hvem var til stede på mødet?", "was the meeting in Göteborg?", "vad sa de om kassören", "wie viel?",
    "who was president?", "vem var president?",
])
def test_swedish_english_and_names_are_not_foreign(q):
    assert unsupported_language(q) is None
