"""The intent registry (bot/registry.py): an intent is one module, registered in one place; the
cue words are data in the shared vocabulary (index/vocab/cues.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot import registry
from bot.cues import PATTERNS, Signals
from bot.phrases import PHRASES
from bot.question import Intent
from bot.understand import understand
from index.vocab import ABSENT_LABELS
from index.vocab.cues import QUESTION_CUES
from tests import meeting_count_intent
from tests.test_engine import assert_verbatim, engine_over_texts

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def meeting_count():
    name = registry.register(meeting_count_intent)
    yield name
    registry.unregister(meeting_count_intent)


def test_a_new_intent_is_one_module_and_one_registration(meeting_count, tmp_path_factory):
    assert meeting_count == "meeting_count" and Intent("meeting_count") in list(Intent)
    q = understand("How many meetings were held in 2020?")
    assert q.intent == Intent.MEETING_COUNT and q.slots.year == 2020
    assert q.intent_reasons["chosen"] == {"intent": "meeting_count", "route": "meeting_count", "score": 106,
                                          "cues": ["count", "own cue"], "cued_in": "question"}
    engine, snap = engine_over_texts(tmp_path_factory, "count", {
        "a.txt": "Protokoll styrelsemöte\nDatum: 2020-03-01\nNärvarande: Anna Berg\n",
        "b.txt": "Protokoll styrelsemöte\nDatum: 2020-09-15\nNärvarande: Anna Berg\n",
        "c.txt": "Protokoll styrelsemöte\nDatum: 2021-02-01\nNärvarande: Anna Berg\n",
    })
    a = engine.ask("How many meetings were held in 2020?")
    assert a.intent == "meeting_count" and a.answer == "2 meetings were held in 2020." and a.facts.count == 2
    assert [p.quote for p in a.passages] == ["2020-03-01", "2020-09-15"]
    assert_verbatim(a, snap)
    sv = engine.ask("Hur många möten hölls 2021?")
    assert sv.intent == "meeting_count" and sv.answer == "1 möten hölls under 2021."


def test_unregistered_the_question_goes_where_it_went_before():
    assert "meeting_count" not in Intent and "meeting_count" not in PHRASES
    assert understand("How many meetings were held in 2020?").intent == "search"
    with pytest.raises(ValueError):
        Intent("meeting_count")


def test_registering_checks_the_module(meeting_count):
    with pytest.raises(ValueError, match="already registered"):
        registry.register(meeting_count_intent)
    import types
    from bot.router import Route
    bad = types.SimpleNamespace(__name__="bad", answer=lambda *a: None, ROUTE=Route("bad", 1, cues=("nonsense",)))
    with pytest.raises(ValueError, match="no cue named"):
        registry.register(bad)


def test_every_intent_the_code_spells_is_registered():
    """``Intent.X`` is any upper-case name; this is what keeps a misspelt one from passing silently."""
    spelled = {m.lower() for p in (ROOT / "bot").rglob("*.py")
               for m in re.findall(r"\bIntent\.([A-Z][A-Z_]+)\b", p.read_text(encoding="utf-8"))}
    assert spelled and spelled <= set(Intent)


def test_cue_words_are_data_in_both_languages():
    for concept, words in QUESTION_CUES.items():
        assert words.get("en") and words.get("sv"), concept
        for fragment in (f for group in words.values() for f in group):
            outside_classes = re.sub(r"\[[^\]]*\]", "", fragment)
            assert " " not in outside_classes, (concept, fragment)  # blanks are \s+
    assert set(PATTERNS) == set(QUESTION_CUES) and set(QUESTION_CUES) <= Signals.names()


@pytest.mark.parametrize("question", ["Who sent apologies?", "Vilka lämnade återbud?", "Who was excused?"])
def test_the_absence_cue_reads_the_parsers_roll_labels(question):
    assert {"återbud", "excused"} <= set(ABSENT_LABELS)  # the labels a roll of absentees is read by
    assert Signals.of(question).absent and understand(question).intent == "absence"


@pytest.mark.parametrize("question, intent, role", [
    ("Vem var ordf. på mötet?", "role", "chair"),  # the parser's chair label "Ordf." (CHAIR_LABELS)
    ("Who were the members present in 2021?", "attendance", None),  # its roll words (ATTENDANCE_WORDS)
])
def test_the_role_and_attendance_cues_read_the_parsers_labels(question, intent, role):
    q = understand(question)
    assert q.intent == intent and q.role == role
