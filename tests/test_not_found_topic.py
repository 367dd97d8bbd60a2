"""A question whose subject the minutes never mention is not answered from its cue words alone
("vad beslutades om X?" falls back to a search that counts "beslutades"), and the unknown word
is named short."""
from __future__ import annotations

import shutil

import pytest

from bot.engine import Engine
from index.build import build_generation
from index.store import load_index
from tests.conftest import CORPUS, FakeEmbedder

DECISIONS = ("Protokoll styrelsemöte 2023-06-01\n\nNärvarande: Anna Berg, Erik Ek\n\n"
             "§ 1 Budget\nBeslut: Budgeten för 2024 godkändes.\n\n"
             "§ 2 Lokalen\nBeslut: Styrelsen beslutade att säga upp förrådet.\n")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    root = tmp_path_factory.mktemp("topic")
    shutil.copytree(CORPUS, root / "corpus")
    (root / "corpus" / "2023-06-01-styrelsemote.txt").write_text(DECISIONS, encoding="utf-8")
    build_generation(root / "corpus", root / "ix", FakeEmbedder())
    return Engine(load_index(root / "ix"), FakeEmbedder())


@pytest.mark.parametrize("q, word", [
    ("vad beslutades om fotbollsturneringen?", "fotbollsturneringen"),
    ("vilka beslut fattades om kräftskivan?", "kräftskivan"),
])
def test_a_subject_the_minutes_never_mention_is_not_answered_by_the_cue_word(engine, q, word):
    a = engine.ask(q)
    assert not a.found and a.reason == "unknown_words" and not a.passages
    assert f"’{word}’" in a.answer


def test_a_subject_they_mention_is_answered(engine):
    a = engine.ask("vad beslutades om förrådet?")
    assert a.found and "förrådet" in a.passages[0].quote


def test_a_known_subject_beside_an_unknown_word_is_still_searched(engine):
    # one word the minutes use is enough for the search to try
    a = engine.ask("vad beslutades om budgeten och kräftskivan?")
    assert a.found and "Budgeten" in a.passages[0].quote


def test_an_endless_unknown_word_is_named_by_its_beginning(engine):
    a = engine.ask("x" * 10_000)
    assert a.reason == "unknown_words" and "‘" + "x" * 40 + "…’" in a.answer and len(a.answer) < 120
    assert a.notes  # and the question was cut, with a note
