"""Open-ended role titles (index/records/titles.py): compounds and descriptions ("PR-ansvarig
Erik", "Erik, PR-ansvarig", "X väljs till sponsoransvarig", "ansvarig för arbetsgruppen", "PR
officer", "events lead"), representatives ("X representerade Y", "X (Y representative)"), and
the questions that ask for them in either language."""
from __future__ import annotations

from index.records.titles import asked_role, asked_title, parse_title, same_post
from tests.test_records import _dvd, check_record_spans, records_of

SV = """# Styrelsemöte 2019-10-02

## Närvarande
Erik Mattfolk, Anna Berg (eventansvarig), Lisa Holm, Tim Ek, Olle Sten

## Val
Lisa Holm väljs till sponsoransvarig.
Tim Ek väljs till ansvarig för arbetsgruppen.
Lisa Holm väljs till kassör för verksamhetsåret 2023.
PR-ansvarig Erik (tvångs?)-nomineras som representant.
Anna diskuterade med programansvarig Alex Gerdes om mottagningen.
Olle Sten representerade föreningen på kårens möte.

## Medlemmar
- Olle Sten, webbansvarig
"""

EN = """# Board meeting 2019-10-03

Present: Jane Roe (OpenJS Foundation representative), Sam Poe, Kim Loe

## Elections
Sam Poe was elected PR officer.
Kim Loe was appointed events lead.
Sam Poe represented the board at the fair.
"""


def _roles(text, source):
    _, r = records_of(text, source)
    assert check_record_spans(text, r) > 0
    return {(h.role, h.name, h.body) for h in r.roles}


def test_compound_swedish_titles_are_roles_with_their_own_key():
    got = _roles(SV, "2019-10-02-styrelsemote.md")
    assert ("eventansvarig", "Anna Berg", None) in got  # an attendee detail
    assert ("sponsoransvarig", "Lisa Holm", None) in got  # an election
    assert ("ansvarig för arbetsgruppen", "Tim Ek", "arbetsgruppen") in got
    assert ("pr-ansvarig", "Erik", None) in got  # title before the name, mid-statement
    assert ("programansvarig", "Alex Gerdes", None) in got
    assert ("webbansvarig", "Olle Sten", None) in got  # "Olle Sten, webbansvarig"
    assert ("representative", "Olle Sten", "föreningen") in got
    # a period is no body: "kassör för verksamhetsåret 2023" is the treasurer
    assert ("treasurer", "Lisa Holm", None) in got


def test_english_descriptive_titles_and_representatives():
    got = _roles(EN, "2019-10-03-board.md")
    assert ("pr officer", "Sam Poe", None) in got
    assert ("events lead", "Kim Loe", None) in got
    assert ("representative", "Jane Roe", "OpenJS Foundation") in got
    assert ("representative", "Sam Poe", "the board") in got


def test_a_title_names_the_same_post_across_languages():
    pr = parse_title("PR-ansvarig")
    assert same_post(pr, parse_title("PR officer")) and same_post(parse_title("eventansvarig"), parse_title("events lead"))
    assert same_post(parse_title("webbansvarig"), parse_title("web lead"))
    assert not same_post(pr, parse_title("eventansvarig"))
    assert not same_post(pr, parse_title("PR representative"))  # responsible for is not representing
    assert parse_title("ansvarig") is None and parse_title("lead") is None and parse_title("Kassör") is None


def test_questions_name_an_open_ended_title():
    assert asked_role("vem var PR-ansvarig hösten 2019?") == "pr-ansvarig"
    assert asked_role("who was the PR officer in 2019?") == "pr officer"
    assert asked_role("who is our events lead?") == "events lead"
    assert asked_role("vem var representant för LiTHe kod?") == "representative"
    assert asked_title("who was the social media officer?")[0] == "social media officer"
    # a verb, or who must do something, is no post
    assert asked_role("who will lead the effort?") is None
    assert asked_role("who is going to lead the release?") is None
    assert asked_role("vem är ansvarig för bokningen?") is None
    assert asked_role("vem är huvudansvarig för städningen?") is None


def test_lithekod_pr_ansvarig(shared_corpora):
    p = shared_corpora / "lithekod-sv" / "2019-09-04-styrelsemote.md"
    text = p.read_text(encoding="utf-8")
    _, r = records_of(text, p.name)
    check_record_spans(text, r)
    assert ("pr-ansvarig", "Erik") in {(h.role, h.name) for h in r.roles}


def test_dvd_ansvarig_for_arbetsgruppen_and_representatives(shared_corpora):
    _, _, r = _dvd(shared_corpora, "2022-11-24-divisionsstamma.tex")
    assert ("ansvarig för arbetsgruppen", "Tim Persson") in {(h.role, h.name) for h in r.roles}
    _, _, r = _dvd(shared_corpora, "2023-08-15-styrelsemote.tex")
    reps = {(h.name, h.body) for h in r.roles if h.role == "representative"}
    assert {("Samuel Hammersberg", "divisionen"), ("Lukas Gartman", "divisionen")} <= reps


def test_neighbouring_questions_keep_their_intent():
    from bot.understand import understand
    assert understand("vem var PR-ansvarig hösten 2019?").role == "pr-ansvarig"
    assert understand("vem ledde styrelsen 2022?").role == "chair"
    assert understand("who ran the board in 2022?").role == "chair"
    assert understand("vem är ansvarig för bokningen?").intent.value == "actions"
    assert understand("who will lead the effort?").intent.value == "actions"
    assert understand("which organisations were represented?").intent.value == "attendance"
    assert understand("vem är ekonomiansvarig?").role == "treasurer"  # a title the table knows
