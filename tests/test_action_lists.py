"""Lists of action items (index/records/action_lists.py) and owners that scribe minutes name by
their handles (index/records/actions.py): every entry of a list under an action heading or an
action label alone is a task, with the owner the entry names in parentheses, after a dash or as
its subject; "ACTION: mnot to …" is owned by "mnot". On minutes written here; every task is a
verbatim slice of its document."""
from __future__ import annotations

from index.build import parse_document


def _actions(text: str, name: str = "2024-10-21-anteckningar.md") -> dict[str, list[str]]:
    m, _ = parse_document(text, name)
    for a in m.actions:
        assert text[a.task_span[0]:a.task_span[1]] == a.task
    return {a.task: a.owners for a in m.actions if not a.review}


def test_entries_under_an_action_heading_with_owners_in_parentheses():
    got = _actions("""# Sammanfattning 24-10-21

## Diskussion

- Flera tyckte att måndagar passar dåligt (alla var överens).

## Actionpoints inför nästa gång

1. Rensa upp i förslaget om roller och ta med det till nästa träff (Josef)).
2. Utkast på bantad version av användarvillkoren - (Maria)
3. En Doodle-undersökning om alternativa tider kommer att skickas ut (Josef).
4. Fundera på vilka frågor ni vill fokusera på nästa gång.
""")
    assert got["Rensa upp i förslaget om roller och ta med det till nästa träff"] == ["Josef"]
    assert got["Utkast på bantad version av användarvillkoren"] == ["Maria"]
    assert got["En Doodle-undersökning om alternativa tider kommer att skickas ut"] == ["Josef"]
    assert got["Fundera på vilka frågor ni vill fokusera på nästa gång"] == []  # a task nobody was named for
    # the discussion above the heading holds no task
    assert not any("måndagar" in t for t in got)


def test_entries_under_an_action_label_alone_with_owners_as_subjects():
    got = _actions("""# Council meeting 2023-10-27

- Moderation team recruiting
    - Carol: would you like help?
    - **Action items**:
        - Josh to draft email to all@
        - Eric Holk: collect the names of volunteers
- Meeting cadence
    - Proposal: every other week.
""", "2023-10-27-council-meeting.md")
    assert got["draft email to all@"] == ["Josh"]
    assert got["collect the names of volunteers"] == ["Eric Holk"]
    assert not any("every other week" in t for t in got)


def test_a_review_of_earlier_actions_is_no_list_of_new_ones():
    m, _ = parse_document("""# Board meeting 2024-05-02

## Review of action items

- Anna to book the room: done.
""", "2024-05-02-board.md")
    assert all(a.review for a in m.actions)


def test_an_action_label_then_a_handle_in_lower_case_owns_the_task():
    got = _actions("""HTTPbis WG minutes, IETF 85

Header folding

mnot: folding is rare in the wild.
ACTION: mnot to run some tests on folding to understand its interoperability
ACTION: we to look at it again later
""", "2012-11-05-httpbis-minutes.txt")
    assert got["run some tests on folding to understand its interoperability"] == ["mnot"]
    assert all(owners != ["we"] for owners in got.values())


def test_a_task_shared_with_someone_has_both_owners():
    got = _actions("""# TSC meeting 2021-02-01

Present: Abdul Malik, Max Berg, Matthew Weier

## Service manager

Abdul will work with Max to create a rector end-users can use.
Matthew will work on the release notes.
""", "2021-02-01-tsc-minutes.md")
    assert got["work with Max to create a rector end-users can use"] == ["Abdul", "Max"]
    assert got["work on the release notes"] == ["Matthew"]


def test_an_owner_after_a_topic_and_its_colon():
    got = _actions("""# Referensgrupp 2023-11-06

Närvarande: Frederik Pettersson, Martin Ek

Rekommendation 3 förtydliga att det kanske inte bara är att informera om.
Sektorsspecifikt/nationellt: Frederik P tittar extra på texten så att den motsvarar diskussionen.
""", "2023-11-06-referensgrupp.md")
    assert got["tittar extra på texten så att den motsvarar diskussionen"] == ["Frederik P"]
