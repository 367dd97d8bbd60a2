"""The intent router (bot/router.py): every registered intent scores the question; a cue inside
the question's topic ("about the task force", "om nästa möte") is what it is about, not what it asks."""
from __future__ import annotations

import pytest

from bot.cues import Signals
from bot.intents import HANDLERS, INTENTS
from bot.question import Intent
from bot.registry import routes
from bot.understand import understand


@pytest.mark.parametrize("question, intent, runner_up, topic_word", [
    ("What was decided about the task force?", "decisions", "actions", "task"),
    ("Beslutades något om nästa möte?", "decisions", "next_meeting", "nästa"),
])
def test_a_cue_inside_the_topic_is_the_topic(question, intent, runner_up, topic_word):
    q = understand(question)
    assert q.intent == intent and topic_word in q.words
    assert q.intent_reasons["chosen"]["cued_in"] == "question"
    assert q.intent_reasons["runner_up"]["intent"] == runner_up
    assert q.intent_reasons["runner_up"]["cued_in"] == "topic"


@pytest.mark.parametrize("question, intent", [
    ("Vem ansvarar för budgeten?", "actions"),  # no topic word: the cues as before
    ("Vad beslutades om budgeten?", "decisions"),
    ("Vad sades om nästa möte?", "next_meeting"),  # only the topic has a cue: it still decides
    ("Who was absent at the meeting about the budget?", "absence"),
])
def test_questions_without_a_competing_cue_keep_their_intent(question, intent):
    assert understand(question).intent == intent


def test_every_intent_but_search_is_registered_with_a_route_and_a_handler():
    assert {r.intent for r in routes()} == set(Intent) - {Intent.SEARCH, Intent.OFFTOPIC}
    assert all(m.ROUTE.intent in HANDLERS for m in INTENTS)
    assert all(set(r.cues) <= Signals.names() for r in routes())


def test_a_question_without_cues_is_a_search_with_reasons():
    q = understand("Vad sades om bastun?")
    assert q.intent == "search" and q.intent_reasons["chosen"]["intent"] == "search"
    assert q.intent_reasons["runner_up"] is None
