"""The digest of one meeting: within 1,500 characters, the meeting's decisions and actions
first, what was said under each item after, every statement quoted verbatim. On minutes written
for it (tests/data/digest) and, when present, the shared corpora."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.compose import clip
from tests.test_engine import assert_verbatim, engine_over

DATA = Path(__file__).parent / "data" / "digest"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


@pytest.fixture(scope="module")
def club(tmp_path_factory):
    return engine_over(DATA, tmp_path_factory.mktemp("digest-idx"))


def _said(a) -> str:
    return a.answer + " " + " ".join(p.quote for p in a.passages)


def test_business_under_an_opening_heading_is_told(club):
    """Minutes that put everything under "Mötets öppnande": its bullets are the meeting's news."""
    engine, snap = club
    a = engine.ask("vad hände på senaste mötet?", today=date(2024, 5, 10))
    assert a.intent == "digest" and a.found and len(a.answer) <= 1500
    assert [m.source for m in a.facts.meetings] == ["2024-05-02-styrelsemote.md"]
    said = _said(a)
    for s in ("Banken har skrivit på avtalet", "Vi bokar festlokalen", "Nycklarna till förrådet"):
        assert s in said
    assert "Mötet avslutades" not in a.answer  # the closing formality says nothing
    assert_verbatim(a, snap)


def test_every_decision_of_a_long_meeting_fits(club):
    """Twelve motions, each decided: every decision is in the digest (its quote clipped, its
    passage whole), the actions too, within 1,500 characters."""
    engine, snap = club
    a = engine.ask("sammanfatta mötet den 10 mars 2024", today=date(2024, 5, 10))
    assert a.intent == "digest" and len(a.answer) <= 1500
    texts = [r["text"] for r in a.facts.decisions]
    for topic in ("hyran", "loggan", "biljarden", "medlemsavgiften"):
        assert any(t.startswith(topic) for t in texts), topic
        assert any(p.quote.startswith(f"Stämman beslutade att {topic}") for p in a.passages)
    assert {o for r in a.facts.actions for o in r["owners"]} >= {"Lisa Holm"}
    # "Erik förbereder detta" says nothing alone: the statement it stands in is quoted
    assert "Incidenthanteringen ska in i stadgan, Erik förbereder detta." in a.answer
    assert_verbatim(a, snap)


def test_clip_cuts_at_a_word():
    assert clip("kort text", 20) == "kort text"
    got = clip("en mycket lång mening som inte får plats", 20)
    assert got.endswith("…") and len(got) <= 21 and "en mycket lång mening".startswith(got[:-1])


@pytest.mark.skipif(not (SHARED / "lithekod-sv").is_dir(), reason="shared corpora absent")
def test_digest_over_the_shared_minutes(tmp_path):
    engine, snap = engine_over(SHARED / "lithekod-sv", tmp_path)
    a = engine.ask("what happened at the last board meeting?", today=date(2021, 8, 1))
    assert a.intent == "digest" and len(a.answer) <= 1500
    said = _said(a)
    assert "Sectra, Ida och Opera klara" in said and "Gamejam fakturor skickas till kassör" in said
    assert_verbatim(a, snap)
