"""Records (index/records) on the shared third-party corpora: every span of every record on every
file quotes what it names, and what dvd-goteborg-sv, lithekod-sv and nodejs-tsc-en minutes
decide and assign is read (skipped when ../shared/corpora is absent)."""
from __future__ import annotations

from pathlib import Path

from tests.records_checks import _dvd, _quote, check_record_spans, records_of


def _shared_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in (".md", ".tex", ".txt"))


def test_every_span_of_every_record_on_the_shared_corpora(shared_corpora):
    checked = 0
    for p in _shared_files(shared_corpora):
        text = p.read_text(encoding="utf-8")
        _, r = records_of(text, p.name)
        checked += check_record_spans(text, r)
    assert checked > 500


def test_dvd_decisions_say_what_was_decided(shared_corpora):
    text, _, r = _dvd(shared_corpora, "2021-10-11-styrelsemote.tex")
    rejected = [d for d in r.decisions if d.outcome == "rejected"]
    assert len(rejected) == 3 and all(_quote(text, d.span) == "attsatserna röstas ned" for d in rejected)
    assert rejected[0].text == "vi endast röstar på Monadenpaxxningar på fredagar varje vecka"
    assert ("tabled", "Låsa in brädspel") in {(d.outcome, d.text) for d in r.decisions}
    text, _, r = _dvd(shared_corpora, "2022-11-24-divisionsstamma.tex")
    logo = [d for d in r.decisions if d.item == "Proposition: ny logotyp"]
    assert logo[0].text.startswith("yrka för att upprätta en arbetsgrupp")
    assert logo[1].text.startswith("den arbetsgruppen har i uppdrag att ta fram minst 5")
    assert all(_quote(text, d.span) == "andra attsatsen bifalles" for d in logo)
    ukraine = [d for d in r.decisions if "Ukraina" in (d.item or "")]
    assert [d.outcome for d in ukraine] == ["rejected", "rejected"]
    assert not any("SAAB" in a.task for a in r.actions)  # a task voted down is no task
    for name in ("2024-03-04-styrelsemote.tex", "2024-03-21-styrelsemote.tex", "2023-08-15-styrelsemote.tex"):
        text, _, r = _dvd(shared_corpora, name)
        assert r.decisions and not any("bifalles" in d.text for d in r.decisions), name


def test_dvd_actions_and_roles(shared_corpora):
    _, _, r = _dvd(shared_corpora, "2024-03-21-styrelsemote.tex")
    assert (["Tim"], "kontaktar studentkåren") in [(a.owners, a.task) for a in r.actions]
    roles = {(h.role, h.name) for h in r.roles if h.scope == "organisation"}
    assert ("treasurer", "Lukas Gartman") in roles
    assert ("adjuster", "Josefin Kokkinakis") in {(h.role, h.name) for h in r.roles}
    _, _, r = _dvd(shared_corpora, "2022-10-31-styrelsemote.tex")
    assert ("treasurer", "Morgan Thowsen") in {(h.role, h.name) for h in r.roles}


def test_lithekod_and_nodejs(shared_corpora):
    p = shared_corpora / "lithekod-sv" / "2020-11-24-stormote.tex"
    text = p.read_text(encoding="utf-8")
    _, r = records_of(text, p.name)
    nekar = next(d for d in r.decisions if d.outcome == "rejected")
    assert nekar.text == "ansvarsfrihet" and (nekar.vote.for_, nekar.vote.against, nekar.vote.abstain) == (2, 3, 1)
    assert {("adjuster", "Annie"), ("adjuster", "Erik"), ("chair", "Edvard")} <= {(h.role, h.name) for h in r.roles}
    p = shared_corpora / "nodejs-tsc-en" / "2015-06-17-tsc-meeting.md"
    text = p.read_text(encoding="utf-8")
    _, r = records_of(text, p.name)
    assert [a.owners for a in r.actions] == [["Trevor"]]
    assert r.actions[0].task.startswith("email summary of potential security concern")
