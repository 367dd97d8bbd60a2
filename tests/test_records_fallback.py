"""Graceful degradation (issue 17, bot/intents/fallback.py and digest_text.py): when the records
hold nothing for the meeting asked about, a structured question is answered from the passage
that holds the answer, quoted verbatim and marked ``facts.fallback == "passage"``; a digest of
minutes with no records names their main items from the text. On minutes written here."""
from __future__ import annotations

import pytest

from tests.test_engine import assert_verbatim, engine_over_texts

# Scribe minutes: no "Beslut", no "Action:", no roll the parser reads; plain paragraphs.
SCRIBE = """Working group call, 2025-11-10

Republishing the core spec

wendy: the errata are in, so we can republish the core spec in December.
makoto: I will be chair of the document schema committee shortly.

Spine images

ivan: comics need better guidance than the spec gives.
hadrien: a separate note on comics is the way to go.
"""
# The same kind of call with no blank line under its topics: no agenda item is read at all.
PLAIN = """Working group call, 2025-11-17

Test suite status
laurent: the stress test with image fallbacks is in the test suite now.
ivan: fourteen reading systems pass it.

Next publication
wendy: the next working draft goes out in January.
"""
# Swedish notes with a heading the records read nothing under.
NOTES = """# Anteckningar 2024-09-16

## Laget runt

Vi jobbar så öppet som möjligt och delar allt material på webben.

## Nästa steg

Ett öppet GitHub-repository för samverkan ska ordnas före nästa möte.
"""


@pytest.fixture(scope="module")
def eng(tmp_path_factory):
    return engine_over_texts(tmp_path_factory, "fallback", {
        "2025-11-10-wg-call.md": SCRIBE, "2025-11-17-wg-call.md": PLAIN, "2024-09-16-anteckningar.md": NOTES})


def test_a_role_question_names_who_the_passage_names(eng):
    engine, snap = eng
    a = engine.ask("Who will be chair of the document schema committee?")
    assert a.found and a.facts.fallback == "passage"
    assert "makoto" in a.facts.people
    assert any("chair of the document schema committee" in p.quote for p in a.passages)
    assert_verbatim(a, snap)


def test_a_decision_question_with_no_decisions_recorded_quotes_the_passage(eng):
    engine, snap = eng
    a = engine.ask("What was decided about republishing the core spec?")
    assert a.found and a.facts.fallback == "passage"
    assert "republish the core spec in December" in a.passages[0].quote
    assert_verbatim(a, snap)


def test_a_search_is_not_marked_as_a_fallback(eng):
    engine, _ = eng
    a = engine.ask("what did ivan say about comics?")
    assert a.facts.fallback is None


def test_nothing_found_stays_nothing_found(eng):
    engine, _ = eng
    a = engine.ask("What was decided about the parking garage?")
    assert not a.found and a.facts.fallback is None


def test_a_digest_of_minutes_without_records_names_their_items(eng):
    engine, snap = eng
    a = engine.ask("What happened at the call on 10 November 2025?")
    assert a.intent == "digest" and a.found
    assert "Republishing the core spec" in a.answer and "Spine images" in a.answer
    assert {m.source for m in a.facts.meetings} == {"2025-11-10-wg-call.md"}
    assert any("republish the core spec in December" in p.quote for p in a.passages)
    assert_verbatim(a, snap)


def test_a_digest_of_headed_notes_without_records_tells_each_heading(eng):
    engine, snap = eng
    a = engine.ask("Sammanfatta mötet den 16 september 2024.")
    assert a.intent == "digest" and a.found
    assert "Vi jobbar så öppet som möjligt" in a.answer
    assert "öppet GitHub-repository för samverkan" in a.answer
    assert_verbatim(a, snap)


def test_a_digest_of_minutes_with_no_item_read_names_each_paragraphs_topic(eng):
    engine, snap = eng
    m = snap.meetings["2025-11-17-wg-call.md"]
    assert not (m.items or m.decisions or m.actions)  # the records hold nothing
    a = engine.ask("What happened at the call on 17 November 2025?")
    assert a.intent == "digest" and a.found
    assert "Test suite status" in a.answer and "Next publication" in a.answer
    assert any("the next working draft goes out in January" in p.quote for p in a.passages)
    assert_verbatim(a, snap)


def test_an_action_question_with_no_action_recorded_names_the_passages_people(eng):
    engine, snap = eng
    a = engine.ask("Who is supposed to add the stress test with image fallbacks?")
    assert a.found and a.facts.fallback == "passage"
    assert "laurent" in a.facts.people
    assert_verbatim(a, snap)


def test_header_fields_are_never_told_as_said_even_when_damaged():
    from bot.intents.digest_parts import FIELD
    assert FIELD.match("Mötesform: Årsmöte") and FIELD.match("M\ufffdtesform: \ufffdrsm\ufffdte")
    assert FIELD.match("Meeting Date: 2022-05-10") and FIELD.match("**Plats:** Loge")
    assert not FIELD.match("Vi sa: det blir bra") and not FIELD.match("The board agreed: ship it")
