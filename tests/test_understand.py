import pytest

from index.names import NameIndex
from bot.understand import understand

NAMES = NameIndex([("Anna Sandström", "a"), ("Eva Tiensuu Janson", "b")])


@pytest.mark.parametrize("q,intent,lang", [
    ("who attended in 2015?", "attendance", "en"),
    ("vilka deltog på planeringsmötet?", "attendance", "sv"),
    ("how many people attended the 2021 meeting?", "attendance", "en"),
    ("which organisations were represented?", "attendance", "en"),
    ("which meetings did Anna Sandström attend?", "person", "en"),
    ("what did Eva Tiensuu Jansson present?", "person", "en"),
    ("when is the next meeting?", "next_meeting", "en"),
    ("när är nästa möte?", "next_meeting", "sv"),
    ("who chaired the meeting?", "role", "en"),
    ("vem var sekreterare?", "role", "sv"),
    ("what is the Valley of Death?", "search", "en"),
    ("vad sades om hälsoekonomi?", "search", "sv"),
])
def test_intent_and_language(q, intent, lang):
    u = understand(q, NAMES)
    assert (u.intent, u.language) == (intent, lang)


def test_time_filters():
    assert understand("who was at the meeting in November 2021?").time.month == 11
    t = understand("what was decided on 4 februari 2015?").time
    assert (t.year, t.month, t.day) == (2015, 2, 4)
    assert understand("vad sades på förra mötet?").time.last
    assert understand("who attended in 2015?").time.year == 2015


def test_flags_and_words():
    u = understand("how many people attended the 2021 meeting?")
    assert u.count and not u.organisations
    assert understand("which meetings did Anna Sandström attend?", NAMES).person_attended
    assert not understand("what did Eva Tiensuu Janson present?", NAMES).person_attended
    assert understand("what did Almi Invest propose?").words == ["almi", "invest", "propose"]


@pytest.mark.parametrize("q,lang", [
    ("did Helena Strigård attend?", "en"),
    ("did Björn Åkesson attend?", "en"),
    ("Vad sades om Linode?", "sv"),
    ("vem var sekreterare?", "sv"),
    ("Björn Åkesson, när kom han?", "sv"),
])
def test_names_do_not_decide_the_language(q, lang):
    assert understand(q, NameIndex([("Helena Strigård", "a")])).language == lang


@pytest.mark.parametrize("q", ["who was absent?", "who sent apologies?", "vilka var kallade men inte närvarande?",
                               "vilka var frånvarande?"])
def test_absence_intent(q):
    assert understand(q).intent == "absence"


def test_secretary_is_a_role_and_entities():
    assert understand("who was the secretary in 2015?").intent == "role"
    u = understand("what did Almi Invest propose in January?")
    assert u.entities == ["almi", "invest"]
    assert understand("did Björn Åkesson attend?").person == "Björn Åkesson"
