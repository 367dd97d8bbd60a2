"""Decisions and actions written in prose, not under a "Beslut" or "Action:" label: "we agreed
to …", "… we should not proceed with it", "Nobody voiced concerns with …", "No objections to
…", "It was agreed that …", "Vi väljer …", "X valdes till …", "Mötet godkände …", "Styrelsen
avslog …"; actions whose owner is the subject ("Tim kontaktar …", "X will …", "X tar fram …").
On minutes written for it (tests/data/records), every span checked."""
from __future__ import annotations

from tests.test_records import _fixture


def _decisions(name: str) -> dict[str, str]:
    _, _, r = _fixture(name)
    return {d.text: d.outcome for d in r.decisions}


def test_english_prose_decisions():
    got = _decisions("2024-02-15-board.md")
    # "we should not proceed with it": "it" is the topic the statement is nested under
    assert got.get("Adopt the new test runner") == "rejected"
    assert got.get("allowing triagers to re-run CI jobs") == "approved"
    assert got.get("the new bot user") == "approved"
    assert any(t.startswith("move the website to the new host") for t in got)
    assert any(t.startswith("the old domain stays for a year") for t in got)


def test_swedish_prose_decisions():
    got = _decisions("2024-02-20-styrelsemote.md")
    assert any(t.startswith("2 maj") and o == "decided" for t, o in got.items())
    assert got.get("Erik Ek valdes till kassör för resten av året") == "decided"
    assert got.get("budgeten för våren") == "approved"
    assert got.get("ansökan om bidrag till resan") == "rejected"


def test_a_role_in_apposition():
    _, _, r = _fixture("2024-02-20-styrelsemote.md")
    assert ("auditor", "Karin Lund") in {(h.role, h.name) for h in r.roles}
    assert ("kassör", "Erik Ek") in {(h.title, h.name) for h in r.roles}  # "Erik Ek valdes till kassör"


def test_prose_actions_name_their_owner():
    _, _, sv = _fixture("2024-02-20-styrelsemote.md")
    _, _, en = _fixture("2024-02-15-board.md")
    got = {(tuple(a.owners), a.task) for a in sv.actions + en.actions}
    assert any(o and o[0].startswith("Tim") and t == "kontaktar studentkåren om lokalen" for o, t in got)
    assert any(o and o[0].startswith("Anna") and t.startswith("tar fram ett förslag") for o, t in got)
    assert any(o and o[0].startswith("Tom") and t.startswith("update the DNS records") for o, t in got)


def test_a_task_that_points_back_comes_after_one_that_says_what(tmp_path):
    from datetime import date

    from tests.test_engine import assert_verbatim, engine_over

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2024-03-21-styrelsemote.txt").write_text(
        "Protokoll styrelsemöte 2024-03-21\n\nNärvarande: Tim Persson, Anna Berg\n\n§ 1 Loggan\n"
        "Vi tar upp loggan på stämman. Tim formulerar en punkt om detta.\nTim kontaktar studentkåren.\n",
        encoding="utf-8")
    engine, snap = engine_over(corpus, tmp_path / "index")
    a = engine.ask("vilka uppdrag har Tim?", today=date(2024, 3, 25))
    assert a.intent == "actions" and a.found
    assert [r["task"] for r in a.facts.actions][:2] == ["kontaktar studentkåren", "formulerar en punkt om detta"]
    assert_verbatim(a, snap)
