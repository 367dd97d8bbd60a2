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


def test_prose_actions_name_their_owner():
    _, _, sv = _fixture("2024-02-20-styrelsemote.md")
    _, _, en = _fixture("2024-02-15-board.md")
    got = {(tuple(a.owners), a.task) for a in sv.actions + en.actions}
    assert (("Tim Persson",), "kontaktar studentkåren om lokalen") in got or (("Tim",), "kontaktar studentkåren om lokalen") in got
    assert any(o and o[0].startswith("Anna") and t.startswith("tar fram ett förslag") for o, t in got)
    assert any(o and o[0].startswith("Tom") and t.startswith("update the DNS records") for o, t in got)
