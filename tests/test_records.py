"""Meetings as records (index/records): agenda items, decisions with votes, action items and
their status across meetings, role holders, on whole minutes (a Swedish municipal protokoll,
English board minutes, LaTeX attsatser, DOCX and PDF). Every span of every record must quote
exactly what the record names (tests/records_checks.py). The forms one by one:
tests/test_records_forms.py; the shared corpora: tests/test_records_shared.py; storage and
hostile input: tests/test_records_robustness.py."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from index.loaders import load_bytes
from index.records import action_state, link_actions
from tests.helpers import make_docx, make_pdf
# the helpers other records tests import from here (records_of, check_record_spans, _fixture, _dvd)
from tests.records_checks import _dvd, _fixture, _quote, check_record_spans, records_of  # noqa: F401


# ---------------------------------------------------------------- a Swedish municipal protokoll

def test_protokoll_items_numbers_and_headings():
    _, _, r = _fixture("2024-09-12-kommunstyrelsen.txt")
    numbered = {it.number: it.heading for it in r.items if it.number}
    assert numbered["§ 42"] == "Budget 2025"
    assert numbered["§ 46"] == "Trafiksäkerhet"
    assert not any("justera" in it.heading for it in r.items if not it.number)  # a header field, no item


def test_protokoll_decisions_and_outcomes():
    text, _, r = _fixture("2024-09-12-kommunstyrelsen.txt")
    by_item = {}
    for d in r.decisions:
        by_item.setdefault(d.item, []).append(d)
    budget = by_item["Budget 2025"][0]
    assert budget.text == "budgeten för 2025 fastställs enligt bilaga 1"
    assert budget.outcome == "approved" and budget.proposal_span
    assert budget.vote.for_ == 4 and budget.vote.against == 2
    assert budget.vote.reservations == ["Erik Ek"]
    assert "reserverar sig" in _quote(text, budget.vote.reservation_spans[0])
    assert [(d.outcome, d.text) for d in by_item["Ny förskola i Norrby"]] == [("referred_back", "Ny förskola i Norrby")]
    assert "återremitteras" in _quote(text, by_item["Ny förskola i Norrby"][0].span)
    assert [(d.outcome, d.text) for d in by_item["Hyresavtal för Stadshuset"]] == [("tabled", "Hyresavtal för Stadshuset")]
    assert by_item["Information om sommarens verksamhet"][0].outcome == "noted"
    traffic = by_item["Trafiksäkerhet"]
    speed = next(d for d in traffic if "Storgatan" in d.text)
    assert speed.text == "hastigheten på Storgatan sänks till 30 km/h" and speed.vote.unanimous
    assert not any(d.text.startswith("Beslutet fattades") for d in traffic)  # a vote, not a decision


def test_protokoll_actions_owners_and_due_dates():
    _, _, r = _fixture("2024-09-12-kommunstyrelsen.txt")
    acts = {tuple(a.owners): a for a in r.actions}
    plan = acts[("förvaltningen",)]
    assert plan.task.startswith("ta fram en trafiksäkerhetsplan") and plan.due == "2024-12-15"
    assert acts[("Anna Berg",)].task == "kontaktar Trafikverket om cykelbanan"
    assert acts[("Erik Ek",)].due == "2024-10-01"  # "före 1 oktober", the meeting's year
    assert acts[("Lisa Holm",)].task == "Ta fram en kommunikationsplan"  # "… Ansvarig: Lisa Holm"
    assert all(a.item == "Övriga uppdrag" for a in r.actions if a.owners != ["förvaltningen"])


def test_protokoll_roles():
    _, _, r = _fixture("2024-09-12-kommunstyrelsen.txt")
    got = {(h.role, h.name) for h in r.roles}
    assert ("treasurer", "Karin Öberg") in got  # "Kassör Karin Öberg"
    assert ("co_opted", "Per Lind") in got  # "Per Lind, adjungerad"
    assert ("adjuster", "Erik Ek") in got  # "Utses att justera: Erik Ek"
    assert ("adjuster", "Lisa Holm") in got  # "Lisa Holm väljs till protokolljusterare"
    assert ("chair", "Anna Berg") in got  # "Till mötesordförande valdes Anna Berg"
    assert ("rapporteur", "Karin Öberg") in got  # "Föredragande: Karin Öberg"
    assert ("vice_chair", "Erik Ek") in got  # "Erik Ek (M), vice ordförande"
    meeting_chair = [h for h in r.roles if h.role == "chair" and h.scope == "meeting"]
    assert [h.name for h in meeting_chair] == ["Anna Berg"]


# ---------------------------------------------------------------- English board minutes

def test_english_decisions_votes():
    text, _, r = _fixture("2023-10-05-board.md")
    d = {x.text: x for x in r.decisions}
    assert d["the 2024 budget be adopted as presented"].item == "Budget"
    grant = d["increase the travel grant"]
    assert grant.outcome == "approved" and (grant.vote.for_, grant.vote.against) == (5, 2)
    assert d["close the office in July"].outcome == "rejected"
    assert "We use the MIT licence for the new library" in d  # "Decision: …"
    assert "the website moves to the new host in November" in d  # "Agreed: …"
    assert d["thank the volunteers"].vote.unanimous


def test_english_actions_labels_tables_handles():
    _, _, r = _fixture("2023-10-05-board.md")
    a = {x.task: x for x in r.actions}
    assert a["draft the grant application by 31 October"].owners == ["Priya"]
    assert a["draft the grant application by 31 October"].due == "2023-10-31"
    assert a["update the website"].due == "2023-11-30"  # "A1. Sam to … Due 30 November"
    assert a["archive the old mailing list"].owners == ["@jolee"]
    ins = a["Renew the insurance"]
    assert ins.owners == ["Sam Taylor"] and ins.due == "2023-12-01" and ins.status == "not_started"
    venue = a["Book the venue for the AGM"]
    assert venue.due == "2024-01-15" and venue.status == "ongoing"  # 15 January after October: next year


def test_status_across_meetings_and_state():
    t1, m1, r1 = _fixture("2023-10-05-board.md")
    t2, m2, r2 = _fixture("2023-11-09-board.md")
    r1.store_in(m1)
    r2.store_in(m2)
    assert all(a.review for a in m2.actions)
    link_actions([m2, m1])  # any order: linked by date
    a = {x.task: x for x in m1.actions}
    grant = a["draft the grant application by 31 October"]
    assert grant.status == "done" and grant.status_source == "2023-11-09-board.md"
    assert grant.status_date == "2023-11-09"
    s, e = grant.status_source_span
    assert "Done" in t2[s:e] and grant.status_quote == t2[m2.actions[0].task_span[0]:m2.actions[0].task_span[1]]
    assert a["update the website"].status == "ongoing"
    assert a["Renew the insurance"].status == "dropped"
    assert a["archive the old mailing list"].status == "open"  # nobody reported on it
    assert action_state(a["archive the old mailing list"], "2023-11-10") == "open"
    assert action_state(grant, "2024-01-01") == "closed"
    assert action_state(a["update the website"], dt.date(2023, 12, 1)) == "overdue"  # due 30 November


# ---------------------------------------------------------------- LaTeX attsatser

def test_latex_proposals_settled_by_reference():
    text, _, r = _fixture("2022-03-01-styrelsemote.tex")
    d = [(x.item, x.outcome, x.text, _quote(text, x.span)) for x in r.decisions]
    assert ("Val av protokolljusterare", "approved", "Kim Sand väljs till protokolljusterare",
            "förslaget till beslut bifalles") in d
    assert ("Inköp av kaffebryggare", "approved", "köpa en kaffebryggare för högst 800 kr",
            "första attsatsen bifalles") in d
    assert not any("espressomaskin" in x[2] for x in d)  # only the first att-sats was approved
    rejected = [x[2] for x in d if x[1] == "rejected"]
    assert rejected == ["styrelsen får i uppdrag att beställa en ny hemsida", "hemsidan lanseras 1 maj"]
    assert ("Sittning", "tabled", "Sittning", "punkten bordläggs") in d
    # a rejected proposal gives no task; a commented-out line gives nothing
    assert [(a.owners, a.task) for a in r.actions] == [
        (["Olle Nord"], "tar fram en budget för sittningen till nästa möte")]
    roles = {(h.role, h.scope, h.name) for h in r.roles}
    assert ("treasurer", "organisation", "Olle Nord") in roles
    assert ("adjuster", "meeting", "Kim Sand") in roles
    assert not any(h.name == "Vakant" for h in r.roles)


# ---------------------------------------------------------------- DOCX and PDF

def test_docx_protokoll_with_paragraph_items_and_action_table(tmp_path: Path):
    p = make_docx(tmp_path / "Protokoll 2024-02-01.docx", [
        "Protokoll styrelsemöte 2024-02-01",
        "Närvarande: Anna Berg, Erik Ek, Lisa Holm",
        "",
        "§ 1 Mötets öppnande",
        "Ordföranden öppnade mötet.",
        "",
        "§ 2 Val av justerare",
        "Erik Ek väljs till protokolljusterare.",
        "",
        "§ 3 Medlemsavgift",
        "Styrelsen beslutar att medlemsavgiften höjs till 200 kr.",
        "",
        "§ 4 Åtgärder",
    ], table=[["Åtgärd", "Ansvarig", "Klart senast", "Status"],
              ["Uppdatera medlemsregistret", "Lisa Holm", "15 mars", "Pågår"],
              ["Boka lokal till årsmötet", "Erik Ek", "1 april", "Klart"]])
    text = load_bytes(p.read_bytes(), p.name)
    m, r = records_of(text, p.name)
    check_record_spans(text, r)
    assert {it.number: it.heading for it in r.items}["§ 3"] == "Medlemsavgift"
    dec = next(d for d in r.decisions if d.item == "Medlemsavgift")
    assert dec.text == "medlemsavgiften höjs till 200 kr"
    acts = {a.task: a for a in r.actions}
    reg = acts["Uppdatera medlemsregistret"]
    assert reg.owners == ["Lisa Holm"] and reg.due == "2024-03-15" and reg.status == "ongoing"
    assert acts["Boka lokal till årsmötet"].status == "done"
    assert ("adjuster", "Erik Ek") in {(h.role, h.name) for h in r.roles}


def test_pdf_minutes(tmp_path: Path):
    p = make_pdf(tmp_path / "minutes.pdf", [
        "Minutes of the committee meeting 2023-05-04",
        "Present: Anna Berg, Erik Ek",
        "",
        "Decision: The annual report is approved.",
        "Action: Erik Ek to send the report to the members by 20 May.",
    ])
    text = load_bytes(p.read_bytes(), p.name)
    m, r = records_of(text, p.name)
    check_record_spans(text, r)
    assert any(d.text.startswith("The annual report is approved") for d in r.decisions)
    a = next(a for a in r.actions if a.owners == ["Erik Ek"])
    assert a.task.startswith("send the report") and a.due == "2023-05-20"


def test_swedish_review_updates_status_and_unreported_stay_open():
    t1 = ("# Styrelsemöte\n\nDatum: 2024-03-04\n\n## Närvarande\nTim Persson, Gustav Dalemo\n\n## Övrigt\n\n"
          "Tim kontaktar studentkåren.\nGustav formulerar en punkt om loggan.\n")
    t2 = ("# Styrelsemöte\n\nDatum: 2024-03-21\n\n## Närvarande\nTim Persson, Gustav Dalemo\n\n"
          "## Uppföljning från förra mötet\n\n- Tim kontaktar studentkåren – Klart\n")
    m1, r1 = records_of(t1, "a.md")
    m2, r2 = records_of(t2, "b.md")
    r1.store_in(m1)
    r2.store_in(m2)
    link_actions([m1, m2])
    st = {a.task: a for a in m1.actions}
    assert st["kontaktar studentkåren"].status == "done"
    assert st["kontaktar studentkåren"].status_source == "b.md"
    assert st["formulerar en punkt om loggan"].status == "open"
    assert action_state(st["formulerar en punkt om loggan"], "2030-01-01") == "open"  # no due date: never overdue


def test_decision_list_under_a_heading_and_inline_statuses():
    text = ("# Minutes\n\nPresent: Anna Berg, Erik Ek\n\n## Licence\n\n### Decisions\n- Use the MIT licence\n"
            "- Publish on GitHub\n\n## Other\n\n- Action: Anna to book the room – Done\n"
            "- Erik will renew the domain (in progress)\n")
    _, r = records_of(text, "2023-01-10.md")
    check_record_spans(text, r)
    assert [(d.item, d.text) for d in r.decisions] == [("Licence", "Use the MIT licence"), ("Licence", "Publish on GitHub")]
    assert [(a.owners, a.task, a.status) for a in r.actions] == [
        (["Anna"], "book the room", "done"), (["Erik"], "renew the domain", "ongoing")]
    done = r.actions[0]
    assert text[done.status_span[0]:done.status_span[1]] == "Done"
