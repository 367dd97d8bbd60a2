"""Records (index/records) form by form: decisions and their outcomes, vote counts, action
items and their owners, role holders, each written as a line of minutes. Every span quotes what
it names (tests/records_checks.py)."""
from __future__ import annotations

import pytest

from tests.records_checks import check_record_spans, records_of


@pytest.mark.parametrize("text, outcome, decided", [
    ("## 3 Hyra\n\nStyrelsen beslutade att hyran höjs med 2 %.\n", "decided", "hyran höjs med 2 %"),
    ("## 3 Hyra\n\nBeslutades att hyran höjs med 2 %.\n", "decided", "hyran höjs med 2 %"),
    ("## 3 Hyra\n\nBeslut: Hyran höjs med 2 %.\n", "decided", "Hyran höjs med 2 %"),
    ("## 3 Rent\n\nRESOLVED that the rent be raised by 2 %.\n", "decided", "the rent be raised by 2 %"),
    ("## 3 Hyra\n\nÄrendet bordläggs till nästa möte.\n", "tabled", "Hyra"),
    ("## 3 Hyra\n\nNämnden återremitterar ärendet till förvaltningen.\n", "referred_back", "Hyra"),
    ("## 3 Hyra\n\nStyrelsen lägger rapporten till handlingarna.\n", "noted", "Hyra"),
    ("## 3 Hyra\n\nAtt: höja hyran med 2 %\n\nBeslut: Attsats bifalles\n", "approved", "höja hyran med 2 %"),
    ("## 3 Hyra\n\nYrkande: att hyran höjs\n\nBeslut: yrkandet avslås\n", "rejected", "att hyran höjs"),
    ("## 3 Rent\n\nMotion: raise the rent by 2 %\n\nThe motion carried 5-2.\n", "approved", "raise the rent by 2 %"),
    ("## 3 Hyra\n\nAnna föreslår att hyran höjs. Inga motsättningar.\n", "approved", "hyran höjs"),
])
def test_decision_forms(text, outcome, decided):
    text = "# Protokoll\n\n" + text
    _, r = records_of(text, "2023-01-10-x.md")
    check_record_spans(text, r)
    assert [(d.outcome, d.text) for d in r.decisions] == [(outcome, decided)]


@pytest.mark.parametrize("line, counts", [
    ("Med 4 röster mot 2 beslutar styrelsen att hyran höjs.", (4, 2, None)),
    ("Styrelsen beslutar att hyran höjs med 6/1/0 röster för/emot/blankt.", (6, 1, 0)),
    ("Votering: 5 ja, 2 nej, 1 avstår. Styrelsen beslutar att hyran höjs.", (5, 2, 1)),
    ("The motion to raise the rent carried 5–2–1.", (5, 2, 1)),
])
def test_vote_counts(line, counts):
    text = "# Protokoll\n\n## Hyra\n\n" + line + "\n"
    _, r = records_of(text, "2023-01-10-x.md")
    check_record_spans(text, r)
    v = r.decisions[0].vote
    assert (v.for_, v.against, v.abstain) == counts


@pytest.mark.parametrize("line, owners, task", [
    ("Tim kontaktar studentkåren.", ["Tim"], "kontaktar studentkåren"),
    ("Anna ska boka lokalen.", ["Anna"], "boka lokalen"),
    ("Anna ska ha nyckeln.", None, None),
    ("Anna och Erik tar fram en budget.", ["Anna", "Erik"], "tar fram en budget"),
    ("Styrelsen ger Erik i uppdrag att ordna fika.", ["Erik"], "ordna fika"),
    ("Kansliet får i uppdrag att skicka ut kallelsen.", ["Kansliet"], "skicka ut kallelsen"),
    ("Action: Anna to book the room.", ["Anna"], "book the room"),
    ("ACTION: @erik to fix the build.", ["@erik"], "fix the build"),
    ("TODO: book the room (Anna)", ["Anna"], "book the room"),
    ("Anna will book the room.", ["Anna"], "book the room"),
])
def test_action_forms(line, owners, task):
    text = "## Närvarande\nAnna Berg, Erik Ek, Tim Lind\n\n## Övrigt\n\n" + line + "\n"
    _, r = records_of(text, "2023-01-10-x.md")
    check_record_spans(text, r)
    assert [(a.owners, a.task) for a in r.actions] == ([(owners, task)] if owners else [])


@pytest.mark.parametrize("line", [
    "Det ska finnas fika.",
    "Mötet kontaktar ingen.",
    "Ska vi boka lokalen?",
    "Edvard ska avsättas som ordförande.",
])
def test_no_owner_no_action(line):
    # "Vi ska boka lokalen." and "Papperna ska skickas in." are tasks with no owner named
    # (issue 18): tests/test_records_people.py
    text = "## Närvarande\nAnna Berg, Erik Ek, Edvard Ås\n\n## Övrigt\n\n" + line + "\n"
    _, r = records_of(text, "2023-01-10-x.md")
    assert r.actions == []


def test_due_date_before_the_meeting_rolls_forward():
    text = "Datum: 2023-11-20\n\n## Övrigt\n\nAction: Anna to renew the domain by 15 January.\n"
    _, r = records_of(text, "x.md")
    assert r.actions[0].due == "2024-01-15"


@pytest.mark.parametrize("line, role, name", [
    ("Anna Berg väljs till protokolljusterare.", "adjuster", "Anna Berg"),
    ("Till mötesordförande valdes Erik Ek.", "chair", "Erik Ek"),
    ("Utses att justera: Lisa Holm", "adjuster", "Lisa Holm"),
    ("Justerare: Lisa Holm", "adjuster", "Lisa Holm"),
    ("Föredragande: Per Lind", "rapporteur", "Per Lind"),
    ("Adjungerad: Per Lind", "co_opted", "Per Lind"),
    ("Minute taker: Jo Lee", "minute_taker", "Jo Lee"),
    ("Kassör Lukas Gartman", "treasurer", "Lukas Gartman"),
    ("Michael re-elected as Chair.", "chair", "Michael"),
])
def test_role_forms(line, role, name):
    text = "## Formalia\n\n" + line + "\n\nMötet avslutades.\n"
    _, r = records_of(text, "2023-01-10-x.md")
    check_record_spans(text, r)
    assert (role, name) in {(h.role, h.name) for h in r.roles}


def test_latex_forfroendevald_roles():
    text = ("\\begin{document}\n\\förtroendevald{Kassör}{Lukas Gartman}{Ja}\n"
            "\\förtroendevald{Vice ordförande}{Tim Persson}{Nej}\n\\section{Öppnande}\nMötet öppnas.\n\\end{document}\n")
    _, r = records_of(text, "2023-01-10-x.tex")
    check_record_spans(text, r)
    got = {(h.role, h.name, h.scope) for h in r.roles}
    assert ("treasurer", "Lukas Gartman", "organisation") in got
    assert ("vice_chair", "Tim Persson", "organisation") in got  # absent, but still vice chair
