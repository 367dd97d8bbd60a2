"""Registers as people use them (issue 18): action owners resolved to the people of their
meeting (and of the corpus) and found by any of their names; actions closed by what later
minutes say; the forms of tasks that were missed, and rows that were no task. Minutes are
written here; one test reads dvd-goteborg-sv when ../shared/corpora is present."""
from __future__ import annotations

import json
from datetime import date

import pytest

import index.embed
from bot import registers
from bot.cli import main
from index.models import Meeting
from index.parse import parse_meeting
from index.records import extract_records, link_actions
from tests.conftest import FakeEmbedder
from tests.test_records import check_record_spans


def _meeting(text: str, source: str) -> Meeting:
    m = parse_meeting(text, source)
    r = extract_records(text, m)
    check_record_spans(text, r)
    return r.store_in(m)


def _tasks(text: str, source: str = "2024-03-04-styrelsemote.md") -> dict[str, object]:
    return {a.task: a for a in _meeting(text, source).actions if not a.review}


SV = "# Styrelsemöte\n\nDatum: {date}\n\n## Närvarande\n{people}\n\n## Övrigt\n\n{body}\n"


def _sv(date: str, body: str, people: str = "Tim Persson, Gustav Dalemo, Anna Berg") -> str:
    return SV.format(date=date, people=people, body=body)


# ------------------------------------------------------------------ owners and --owner

def test_owners_are_resolved_to_the_meetings_people():
    text = _sv("2024-03-04", "Tim kontaktar studentkåren.\nGustav Dalemo bokar lokalen.\n"
                             "Kassören ska betala fakturan.\n\n## Roller\n\nKassör: Anna Berg\n")
    got = _tasks(text)
    assert got["kontaktar studentkåren"].owners == ["Tim"]
    assert got["kontaktar studentkåren"].owner_names == ["Tim Persson"]
    assert got["bokar lokalen"].owner_names == ["Gustav Dalemo"]
    assert got["betala fakturan"].owner_names == ["Anna Berg"]  # the role's holder


def test_a_handle_and_an_ambiguous_first_name():
    text = ("# Minutes\n\nDate: 2024-05-02\n\nPresent:\n* Rod Vagg @rvagg (TSC)\n* Anna Berg\n* Anna Lind\n\n"
            "## Next steps\n\n- Action: @rvagg to review the release PR\n- Action: Anna to book the room\n")
    got = _tasks(text, "2024-05-02-tsc.md")
    assert got["review the release PR"].owner_names == ["Rod Vagg"]
    assert got["book the room"].owner_names == ["Anna"]  # two Annas: left as written


def test_owner_filter_matches_first_full_and_resolved_names():
    m = _meeting(_sv("2024-03-04", "Tim kontaktar studentkåren.\nGustav formulerar en punkt om loggan.\n"),
                 "2024-03-04-styrelsemote.md")
    today = date(2024, 4, 1)
    for who in ("Tim Persson", "Tim", "tim persson"):
        rows = registers.actions([m], today=today, owner=who)
        assert [r["task"] for r in rows] == ["kontaktar studentkåren"], who
        assert rows[0]["owners"] == ["Tim"] and rows[0]["owner_names"] == ["Tim Persson"]
    assert registers.actions([m], today=today, owner="Tim Lind") == []
    assert registers.actions([m], today=today, owner="Anna Berg") == []


def test_owners_the_meeting_does_not_list_are_resolved_from_the_corpus():
    first = _meeting(_sv("2023-01-10", "Albin Otterhäll bokar lokalen.",
                         people="Albin Otterhäll, Morgan Thowsen, Samuel Lund"), "2023-01-10-styrelsemote.md")
    second = _meeting(_sv("2023-01-31", "Lukas kontaktar Morgan och Albin om överlämningen.\n"
                                        "Albin och Morgan ska föra över ägandeskapet till Samuel och Lukas.",
                          people="Samuel Lund, Lukas Gartman"), "2023-01-31-styrelsemote.md")
    task = "föra över ägandeskapet till Samuel och Lukas"
    assert [a.owners for a in second.actions if a.task == task] == [["Albin", "Morgan"]]
    rows = registers.actions([first, second], today=date(2023, 2, 1), owner="Morgan Thowsen")
    assert [r["task"] for r in rows] == [task]
    assert rows[0]["owner_names"] == ["Albin Otterhäll", "Morgan Thowsen"]


# ------------------------------------------------------------------ status across meetings

def _linked(*metas: tuple[str, str]) -> list[Meeting]:
    ms = [_meeting(t, s) for t, s in metas]
    link_actions(ms)
    return ms


def test_a_later_sentence_closes_the_task_and_the_row_says_which_minutes():
    m1, m2 = _linked((_sv("2024-03-04", "Anna bokar lokalen till årsmötet.\nTim kontaktar studentkåren."),
                      "2024-03-04-styrelsemote.md"),
                     (_sv("2024-04-02", "Anna har bokat lokalen, punkten är klar.\nErik har kontaktat kåren, klart."),
                      "2024-04-02-styrelsemote.md"))
    a = {x.task: x for x in m1.actions}
    assert a["bokar lokalen till årsmötet"].status == "done"
    assert a["bokar lokalen till årsmötet"].status_source == "2024-04-02-styrelsemote.md"
    assert a["kontaktar studentkåren"].status == "open"  # Erik's report is not Tim's task
    rows = registers.actions([m1, m2], today=date(2024, 5, 1))
    row = next(r for r in rows if r["task"] == "bokar lokalen till årsmötet")
    assert row["status"] == "done"
    assert row["closed_by"]["source"] == "2024-04-02-styrelsemote.md"
    assert row["closed_by"]["meeting_date"] == "2024-04-02"
    assert "closed by 2024-04-02-styrelsemote.md (2024-04-02)" in registers.action_line(row)
    assert "Anna (Anna Berg)" in registers.action_line(row)
    assert next(r for r in rows if r["task"] == "kontaktar studentkåren")["closed_by"] is None
    assert not any(r["source"] == "2024-04-02-styrelsemote.md" for r in rows)  # reports are no new tasks


@pytest.mark.parametrize("report", [
    "- Tim kontaktar studentkåren. Klart.",
    "Tim har kontaktat studentkåren. Done!",
    "## Uppföljning\n\n| Åtgärd | Ansvarig | Status |\n|---|---|---|\n| Kontakta studentkåren | Tim | Klar |",
    "## Uppföljning från förra mötet\n\n- Tim: kontakta studentkåren – klart",
])
def test_reports_in_later_minutes_close_the_task(report):
    m1, _ = _linked((_sv("2024-03-04", "Tim kontaktar studentkåren.\nGustav formulerar en punkt om loggan."),
                     "a.md"), (_sv("2024-03-21", report), "b.md"))
    a = {x.task: x for x in m1.actions}
    assert a["kontaktar studentkåren"].status == "done", report
    assert a["kontaktar studentkåren"].status_source == "b.md"
    assert a["formulerar en punkt om loggan"].status == "open"


def test_every_earlier_copy_of_a_carried_task_follows_the_latest_report():
    m1, m2, _ = _linked((_sv("2024-01-10", "Anna bokar lokalen."), "a.md"),
                        (_sv("2024-02-10", "Anna bokar lokalen – pågår"), "b.md"),
                        (_sv("2024-03-10", "Anna har bokat lokalen, punkten är klar."), "c.md"))
    assert [a.status for a in m1.actions] == ["done"] and [a.status for a in m2.actions] == ["done"]
    assert m1.actions[0].status_source == m2.actions[0].status_source == "c.md"


# ------------------------------------------------------------------ forms of tasks

@pytest.mark.parametrize("body, owners, task", [
    # a group of owners the meeting does not list: proper nouns of the text
    ("Lukas kontaktar Morgan och Albin om överlämning.\nAlbin och Morgan ska föra över ägandeskapet till Lukas.",
     ["Albin", "Morgan"], "föra över ägandeskapet till Lukas"),
    # "Vi ska": the meeting's own task, nobody invented
    ("Vi ska kika på ett betalt system.", [], "kika på ett betalt system"),
    # a passive: a thing to be done, and only its clause
    ("Papperna ska skickas in till banken, behöver bara hitta en tid.", [], "Papperna ska skickas in till banken"),
    ("Stämmans protokoll ska påbörjas snart.", [], "Stämmans protokoll ska påbörjas snart"),
    # one clause, not the paragraph
    ("Tim ska ha ett möte med Karl om enkäterna, de har haft problem med tillgången.", ["Tim"],
     "ha ett möte med Karl om enkäterna"),
    # "detta" with its referent in the same sentence
    ("Incidenthanteringen ska in i stadgan, Tim förbereder detta.", ["Tim"],
     "Incidenthanteringen ska in i stadgan, Tim förbereder detta"),
])
def test_task_forms(body, owners, task):
    got = _tasks(_sv("2024-03-04", body))
    assert task in got, list(got)
    assert got[task].owners == owners


def test_two_we_tasks_in_one_sentence():
    got = _tasks(_sv("2024-03-04", "Vi ska ta reda på vilket datum kåren har bokat och vi ska lägga till styrelserummet."))
    assert set(got) == {"ta reda på vilket datum kåren har bokat", "lägga till styrelserummet"}


@pytest.mark.parametrize("body", [
    "Det ska finnas fika.",
    "Årsmötet ska hållas den 5 mars.",
    "Edvard ska avsättas som ordförande.",
    "Vi ska inte boka lokalen.",
    "Vi ska ha fika.",
    "We will adopt a security window policy.",
    # a decision, not a task: who represents the association
    "Styrelsen vill korrigera detta då Tim Persson och Anna Berg ska representera föreningen var för sig.",
    "Rod, How to make it more digestable",
])
def test_no_task(body):
    assert _tasks(_sv("2024-03-04", body, people="Tim Persson, Anna Berg, Edvard Ås, Rod Vagg")) == {}


def test_this_with_nothing_to_point_to_is_no_task():
    assert _tasks("Datum: 2024-03-04\nNärvarande: Samuel Berg, Anna Lind\n\nSamuel förbereder detta.\n") == {}
    # after a sentence that says what "detta" is, the task stays (and is quoted with it)
    got = _tasks("Datum: 2024-03-04\nNärvarande: Samuel Berg, Anna Lind\n\n"
                 "Vi tar upp loggan på stämman. Samuel förbereder detta.\n")
    assert list(got) == ["förbereder detta"]


TEX = r"""\documentclass{article}
\begin{document}
\date{2023-01-31}
\begin{närvarande_förtroendevalda}
    \förtroendevald{Kassör}{Olle Sten}{Ja}
    \förtroendevald{Ordförande}{Lukas Gartman}{Ja}
\end{närvarande_förtroendevalda}
\section{Rapporter}
\subsection{Kassör}
Mailat om rivning av väggen, jag ska kontakta fastighetsägaren
Mail har kommit tillbaka om knappen, den fungerar som den ska
\subsection{Ordförande}
Lukas kontaktar
Morgan och Karl om äskningarna.
\end{document}
"""


def test_latex_lines_without_full_stops_are_separate_sentences():
    got = _tasks(TEX, "2023-01-31-styrelsemote.tex")
    assert got["kontakta fastighetsägaren"].owners == ["Olle Sten"]  # "jag" under Kassör
    assert "kontaktar\nMorgan och Karl om äskningarna" in got  # a wrapped line stays in its task


# ------------------------------------------------------------------ the CLI

@pytest.fixture
def env(monkeypatch, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2024-03-04-styrelsemote.md").write_text(
        _sv("2024-03-04", "Tim kontaktar studentkåren.\nAnna bokar lokalen."), encoding="utf-8")
    (corpus / "2024-03-21-styrelsemote.md").write_text(
        _sv("2024-03-21", "Anna har bokat lokalen, punkten är klar."), encoding="utf-8")
    monkeypatch.setenv("MINUTES_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("MINUTES_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setattr(index.embed, "load_embedder", lambda model: FakeEmbedder(name=model))
    return corpus


def test_cli_actions_by_full_name_and_closed_by(env, capsys):
    assert main(["index"]) == 0
    capsys.readouterr()
    assert main(["actions", "--json", "--owner", "Tim Persson", "--today", "2024-04-01"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["owners"], r["owner_names"], r["task"]) for r in rows] == [(["Tim"], ["Tim Persson"],
                                                                           "kontaktar studentkåren")]
    assert main(["actions", "--owner", "Anna Berg", "--today", "2024-04-01"]) == 0
    out = capsys.readouterr().out
    assert "done" in out and "closed by 2024-03-21-styrelsemote.md (2024-03-21)" in out
    assert main(["actions", "--open", "--owner", "Anna Berg", "--today", "2024-04-01"]) == 0
    assert capsys.readouterr().out.strip() == ""


# ------------------------------------------------------------------ dvd-goteborg-sv

def test_dvd_registers(shared_corpora):
    folder = shared_corpora / "dvd-goteborg-sv"
    ms = []
    for p in sorted(folder.iterdir()):
        if p.suffix in (".tex", ".md"):
            ms.append(_meeting(p.read_text(encoding="utf-8"), p.name))
    rows = registers.actions(ms, today=date(2024, 4, 1))
    by_task = {" ".join(r["task"].split()): r for r in rows}
    own = by_task["föra över ägandeskapet till Samuel och Lukas"]
    assert own["owners"] == ["Albin", "Morgan"] and own["owner_names"] == ["Albin Otterhäll", "Morgan Thowsen"]
    assert by_task["Papperna ska skickas in till Swedbank ännu en gång"]["owners"] == []
    assert any(t.startswith("kika på ett betalt system") for t in by_task)
    assert "ha ett möte med Karl gällande studienämnden" in by_task  # one clause, not the paragraph
    assert not any("representera divisionen" in t for t in by_task)  # a decision, no task
    assert "Incidenthantering ska in i reglementet, Samuel förbereder detta" in by_task
    tim = registers.actions(ms, today=date(2024, 4, 1), owner="Tim Persson")
    assert "kontaktar studentkåren" in {r["task"] for r in tim}


def test_a_group_of_owners_is_not_split_at_its_och():
    got = _tasks(_sv("2024-03-04", "Lokalen är dyr, Anna Berg och Tim Persson ska boka en annan."))
    assert {k: a.owners for k, a in got.items()} == {"boka en annan": ["Anna Berg", "Tim Persson"]}


def test_asking_for_a_persons_actions_by_full_name(tmp_path_factory):
    from tests.test_engine import engine_over_texts

    engine, _ = engine_over_texts(tmp_path_factory, "people-ask", {
        "2024-03-04-styrelsemote.md": _sv("2024-03-04", "Tim kontaktar studentkåren.\nGustav bokar lokalen.")})
    a = engine.ask("vilka uppdrag har Tim Persson?", today=date(2024, 4, 1))
    assert a.intent == "actions" and a.found
    assert [r["task"] for r in a.facts.actions] == ["kontaktar studentkåren"]
