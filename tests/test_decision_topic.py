"""A decision question about a topic the minutes never decide (issue 17): its topic words must
match a decision, or a passage of the meetings asked about, well enough; otherwise it is
refused, never answered with an unrelated decision that shares one common word with it
(bot/intents/records.py ``most_of_topic``, bot/intents/fallback.py ``on_topic``). On minutes
written here: every passage says "HTTP", none says "QUIC"."""
from __future__ import annotations

import pytest

from tests.test_engine import assert_verbatim, engine_over_texts

JULY = """HTTP working group, 31 July 2012

HTTP/2.0 starting point

Discussion of the HTTP/2.0 proposals that came in.
There is clear consensus that the basis of our HTTP/2.0 work should be SPDY.

HTTP caching

Agreed: use method and URI as the cache key for HTTP caches.

HTTP header folding

Header folding in HTTP/1.1 messages was discussed at length.
"""
NOVEMBER = """HTTP working group, 5 November 2012

HTTP status codes

Agreed: the 451 status code goes into a separate HTTP draft.

HTTP documentation

The HTTP documentation editors reported progress on the message syntax draft.
"""


@pytest.fixture(scope="module")
def eng(tmp_path_factory):
    return engine_over_texts(tmp_path_factory, "decision-topic", {
        "2012-07-31-wg-minutes.txt": JULY, "2012-11-05-wg-minutes.txt": NOVEMBER})


def test_a_topic_the_minutes_never_use_is_refused_not_answered_with_a_decision(eng):
    engine, _ = eng
    for q in ("What did the working group decide about HTTP/3 over QUIC?",
              "Vad beslutade arbetsgruppen om HTTP/3 över QUIC?"):
        a = engine.ask(q)
        assert not a.found, q
        assert not a.passages and not a.facts.decisions, q


def test_one_shared_word_of_a_longer_topic_is_not_enough(eng):
    engine, _ = eng
    a = engine.ask("Did the group decide anything about translating the HTTP documentation into other languages?")
    assert not a.found
    assert not a.facts.decisions


def test_a_decision_on_the_topic_is_still_answered(eng):
    engine, snap = eng
    a = engine.ask("What did the working group decide about the HTTP cache key?")
    assert a.found and a.intent == "decisions"
    assert "method and URI as the cache key" in a.passages[0].quote
    assert_verbatim(a, snap)
    a = engine.ask("What was decided about the 451 status code?")
    assert a.found and "451 status code goes into a separate HTTP draft" in a.passages[0].quote


def test_a_named_meeting_is_searched_for_any_of_the_topic(eng):
    engine, snap = eng
    # nothing decided about header folding, but the meeting named has a passage on it
    a = engine.ask("What was decided about header folding in July 2012?")
    assert a.found
    assert "Header folding" in a.passages[0].quote
    assert_verbatim(a, snap)
