"""Owners the task sentence does not name: the section a subjectless task sits in ("Ska förbereda
…" under "Kassör", "Will prepare …" under "Treasurer's report", "### Lisa", an "Anna:" line), and
requests in the passive ("Lisa ombads att …", "members were asked to …", "… efterfrågades
förslag på …"). On minutes written for it, every span checked; on the shared corpora when present."""
from __future__ import annotations

from tests.test_records import _dvd, check_record_spans, records_of

SV = """# Styrelsemöte 2024-04-11

## Närvarande
Anna Berg (ordförande), Erik Ek (kassör), Lisa Holm

## Rapporter
### Kassörens rapport
Har börjat med bokslutet.
Började arbetet med deklarationen.
Ska förbereda en redovisning för revisorn.

### Lisa
Tar fram ett förslag på nya tröjor.
Kommer att kontakta sponsorerna.

Anna:
- Ska boka lokalen till årsmötet.
- Har pratat med kåren.

Kvällens fika var god.
Ska bli roligt att ses igen.
Ska beställa fika till nästa möte.

### Sekreterare
Ska skicka ut kallelsen.

## Övrigt
Lisa ombads att sammanställa medlemslistan.
Alla uppmanas att svara på enkäten senast den 30 april.
Styrelsen ska ta fram en ny budget.
Till nästa möte efterfrågades förslag på aktiviteter under hösten.
Ska vi byta bank?
"""

EN = """# Board meeting 2024-04-10

Present: Ann Lee (treasurer), Bob Stone (chair), Cara Diaz

## Treasurer's report
The accounts for March are closed.
Will prepare the annual accounts for the auditor by 30 April.
Started the move to the new bank.

## Cara
To book the venue for the spring party.
Will we need a deposit?

## Other business
Members were asked to send their availability to Bob.
All members are encouraged to recruit one new member.
"""

TEX = r"""\documentclass{article}
\begin{document}
\title{Styrelsemöte 3}
\date{2024-02-01}
\begin{närvarande_förtroendevalda}
    \förtroendevald{Ordförande}{Karin Öberg}{Ja}
    \förtroendevald{Kassör}{Olle Sten}{Ja}
    \förtroendevald{Studiebevakare}{Maja Lind}{Ja}
\end{närvarande_förtroendevalda}
\section{Rapport}
\subsection{Kassör}
\subsubsection{Banken}
Väntar på svar från banken.
Ska byta till en billigare bank.
\subsection{Studiebevakare}
Skickat enkäten till kursledarna. Ska sammanställa svaren till nästa möte.
\section{Diskussion}
Ska gå att boka lokalen via webben.
\end{document}
"""


def _actions(text: str, source: str):
    _, r = records_of(text, source)
    assert check_record_spans(text, r) > 0
    return r.actions


def _by_task(actions) -> dict[str, object]:
    return {a.task: a for a in actions}


def test_a_subjectless_task_under_a_role_heading_is_the_holders():
    got = _by_task(_actions(SV, "2024-04-11-styrelsemote.md"))
    a = got["förbereda en redovisning för revisorn"]
    assert a.owners == ["Erik Ek"] and a.owner_from == "Kassörens rapport"
    assert SV[a.owner_from_span[0]:a.owner_from_span[1]] == "Kassörens rapport"
    assert SV[a.span[0]:a.span[1]] == "Ska förbereda en redovisning för revisorn."
    # a role nobody on record holds: the role as written owns it
    assert got["skicka ut kallelsen"].owners == ["Sekreterare"]


def test_reports_of_the_past_and_questions_are_no_tasks():
    tasks = {a.task for a in _actions(SV, "2024-04-11-styrelsemote.md")}
    assert not any(t.startswith(("Har börjat", "med bokslutet", "Började", "arbetet med", "Har pratat"))
                   for t in tasks)
    assert not any("byta bank" in t or "roligt" in t for t in tasks)


def test_a_person_heading_and_a_name_line_own_what_stands_under_them():
    got = _by_task(_actions(SV, "2024-04-11-styrelsemote.md"))
    assert got["Tar fram ett förslag på nya tröjor"].owners == ["Lisa"]
    assert got["kontakta sponsorerna"].owners == ["Lisa"]
    a = got["boka lokalen till årsmötet"]
    assert a.owners == ["Anna"] and a.owner_from == "Anna"
    # the "Anna:" block ends with its paragraph: after the blank line "### Lisa" holds again
    assert got["beställa fika till nästa möte"].owners == ["Lisa"]


def test_english_report_headings_and_subjectless_tasks():
    got = _by_task(_actions(EN, "2024-04-10-board.md"))
    a = got["prepare the annual accounts for the auditor by 30 April"]
    assert a.owners == ["Ann Lee"] and a.owner_from == "Treasurer's report" and a.due == "2024-04-30"
    assert got["book the venue for the spring party"].owners == ["Cara"]
    assert not any(t.startswith(("we need", "Started", "the move")) for t in got)


def test_latex_role_sections_and_a_role_only_an_attendee_detail_names():
    got = _by_task(_actions(TEX, "2024-02-01-styrelsemote.tex"))
    assert got["byta till en billigare bank"].owners == ["Olle Sten"]  # under a sub-heading of "Kassör"
    assert got["sammanställa svaren till nästa möte"].owners == ["Maja Lind"]
    assert got["sammanställa svaren till nästa möte"].owner_from == "Studiebevakare"
    assert not any("boka lokalen" in t for t in got)  # "Diskussion" names no one


def test_requests_in_the_passive_and_of_groups():
    got = _by_task(_actions(SV, "2024-04-11-styrelsemote.md"))
    assert got["sammanställa medlemslistan"].owners == ["Lisa"]
    a = got["svara på enkäten senast den 30 april"]
    assert a.owners == ["Alla"] and a.due == "2024-04-30"
    assert got["ta fram en ny budget"].owners == ["Styrelsen"]
    # asked of no one named: the task is what was asked for, and no owner is made up
    assert got["förslag på aktiviteter under hösten"].owners == []
    en = _by_task(_actions(EN, "2024-04-10-board.md"))
    assert en["send their availability to Bob"].owners == ["Members"]
    assert en["recruit one new member"].owners == ["All members"]


def test_the_sample_corpus_request_is_an_action():
    from pathlib import Path
    p = Path(__file__).resolve().parents[1] / "corpus" / "2021-11-10-samverkansgruppen-halsa-life-science.txt"
    text = p.read_text(encoding="utf-8")
    tasks = [a.task for a in _actions(text, p.name)]
    assert any(t.startswith("förslag på 3-5 andra satsningar eller initiativ") for t in tasks)


def test_dvd_report_sections_own_their_tasks(shared_corpora):
    text, _, r = _dvd(shared_corpora, "2024-03-21-styrelsemote.tex")
    got = _by_task(r.actions)
    a = got["förbereda en redovisning för vår revisor"]
    assert a.owners == ["Lukas Gartman"] and a.owner_from == "Kassör"
    assert not any(t.startswith(("ansluta oss", "arbetet med att måla")) for t in got)  # "Har börjat", "Började"
    _, _, r = _dvd(shared_corpora, "2022-05-10-styrelsemote.tex")
    samo = [a for a in r.actions if a.owner_from == "SAMO"]
    assert samo and samo[0].owners == ["Tekla Siesjö"] and samo[0].task.startswith("försöka boka möte")
