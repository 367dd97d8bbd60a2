"""A Swedish question's hyphenated compound whose first part is a name or an abbreviation
("AVIF-bilder", "CI-körningar", "http-ändringen") asks about that name in English minutes too
(bot/retrieve.py ``_english``): the part is no Swedish word to translate, and English minutes
write it the same. On minutes written here."""
from __future__ import annotations

import pytest

from tests.test_engine import assert_verbatim, engine_over_texts

CALL = """Publishing WG telco, 2 October 2025

AVIF files in the package

<ivan> +1
<wendy> +1

RESOLUTION: Add AVIF to the EPUB package as a core media type.

Comics guidance

RESOLUTION: Write a best practices document for comics images in the EPUB spine.
"""
TSC = """TSC meeting, 10 March 2022

Triage permissions

Nobody voiced concerns with allowing triagers to re-run CI jobs.
Agreed: triagers may re-run failed CI jobs.
"""


@pytest.fixture(scope="module")
def eng(tmp_path_factory):
    return engine_over_texts(tmp_path_factory, "hyphen", {"2025-10-02-pmwg-telco.txt": CALL,
                                                           "2022-03-10-tsc-meeting.txt": TSC})


def test_the_name_before_the_hyphen_is_a_concept_of_its_own(eng):
    engine, _ = eng
    words = [a.term for c in engine.retriever.concepts(["avif-bilder"], "sv") for a in c.alternatives]
    assert "avif" in words
    # a Swedish word before the hyphen is translated, not taken as written
    words = [a.word for c in engine.retriever.concepts(["e-post"], "sv") for a in c.alternatives]
    assert "e" not in words


def test_a_swedish_decision_question_finds_the_english_resolution(eng):
    engine, snap = eng
    a = engine.ask("Beslutade gruppen att tillåta AVIF-bilder i EPUB?")
    assert a.found and a.intent == "decisions"
    assert "Add AVIF to the EPUB package" in a.passages[0].quote
    assert_verbatim(a, snap)
    a = engine.ask("Vad kom TSC fram till om att låta triagers köra om misslyckade CI-körningar?")
    assert a.found and a.intent == "decisions"
    assert "triagers" in a.passages[0].quote and "CI jobs" in a.passages[0].quote
