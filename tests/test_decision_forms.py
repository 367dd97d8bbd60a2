"""Decisions in further grammar of minutes (index/records/grammar.py): a heading of decisions in
other words ("Consented decisions", "Fattade beslut"), a passed vote whose decision is the
"We will …" after it or the proposal before it, and consensus that is only a condition or a
question. On minutes written here; every record's text is a verbatim slice of its document."""
from __future__ import annotations

from index.build import parse_document
from tests.test_engine import assert_verbatim, engine_over_texts


def _decided(text: str, name: str = "2023-06-15-minutes.md") -> dict[str, str]:
    m, _ = parse_document(text, name)
    for d in m.decisions:
        assert text[d.text_span[0]:d.text_span[1]] == d.text
    return {d.text: d.outcome for d in m.decisions}


def test_a_heading_of_decisions_in_other_words():
    got = _decided("""# Council meeting 2023-06-15

## Discussion

- Meetings could be weekly or every other week.

### Consented Decisions

- Meetings will be once a week for the time being
- Stream creation: one private and one public
""")
    assert got.get("Meetings will be once a week for the time being") == "decided"
    assert "Stream creation: one private and one public" in got
    assert not any("every other week" in t for t in got)
    sv = _decided("""# Styrelsemöte 2024-02-01

## Fattade beslut

- Föreningen byter bank till Sparbanken.
""", "2024-02-01-styrelsemote.md")
    assert any(t.startswith("Föreningen byter bank till Sparbanken") for t in sv)


def test_a_heading_that_names_a_topic_or_a_proposal_is_no_block_of_decisions():
    got = _decided("""# Stämma 2020-11-24

## Beslut om ansvarsfrihet

Revisorn har inte fått tillgång till kvittona ännu.

## Förslag till beslut

- Styrelsen får ansvarsfrihet.
""", "2020-11-24-stormote.md")
    assert not any("kvittona" in t for t in got)
    assert got.get("Styrelsen får ansvarsfrihet") != "decided"


def test_a_passed_vote_decides_the_we_will_after_it():
    got = _decided("""# TSC meeting 2021-02-01

## Future of the service manager

Max asked whether we should drop the 4.0.x branch.

We voted at this point, and the vote was unanimously in favor.
We will drop the existing 4.0.x branch, and recreate it from the 3.6.x branch.

## Changelog files

We did a vote, which passed unanimously.
We will start removing changelog files from packages.
""", "2021-02-01-tsc-minutes.md")
    assert got.get("drop the existing 4.0.x branch, and recreate it from the 3.6.x branch") == "approved"
    assert got.get("start removing changelog files from packages") == "approved"


def test_a_passed_vote_decides_the_proposal_before_it():
    got = _decided("""# Council 2023-11-10

- Team repo management (Jack)
    - Jack: pending decision - a separate team for merge rights?
    - Mark: Proposal - let's create a new marker team, add Jack to it.
        - Jonathan: Where does that sit in the org chart?
    - With no objections, motion passes.
""", "2023-11-10-council-meeting.md")
    assert got.get("let's create a new marker team, add Jack to it") == "approved"


def test_consensus_in_a_condition_or_a_question_decides_nothing():
    got = _decided("""HTTPbis minutes, 31 July 2012

The Working Group may request a re-charter to start work on such items, provided there is
consensus to do so.

Leif: do we want to call consensus on that last point?

Mark believes that there is clear consensus that the basis of our approach should be SPDY.
""", "2012-07-31-httpbis-minutes.txt")
    assert not any(t.startswith("do so") for t in got)
    assert not any("last point" in t for t in got)
    assert any(t.startswith("the basis of our approach should be SPDY") for t in got)


def test_a_question_naming_one_meeting_gets_its_decision_on_the_topic(tmp_path_factory):
    engine, snap = engine_over_texts(tmp_path_factory, "decision-forms", {
        "2023-06-15-council-meeting.md": """# Council meeting 2023-06-15

### Consented Decisions

- Shared history for the private channel
- Meetings will be once a week for the time being
""",
        "2023-06-22-council-meeting.md": """# Council meeting 2023-06-22

### Consented Decisions

- Documents go into a team repository
""",
    })
    a = engine.ask("How often did the council decide to meet at the first meeting?")
    assert a.found and a.intent == "decisions"
    assert "Meetings will be once a week" in a.passages[0].quote
    assert_verbatim(a, snap)


def test_a_decision_nested_in_a_list_is_found_by_its_entry_topic(tmp_path_factory):
    engine, snap = engine_over_texts(tmp_path_factory, "decision-nested", {
        "2023-08-03-council-meeting.md": """# Council meeting 2023-08-03

- Working group for the RFC
    - No objections to creating a WG.
- Social media: Expand to mastodon?
    - Proposal: set up our own mastodon instance for @rustlang.
    - Ryan: No objections.
    - No objections. **Decision:** Mara will help coordinate.
""",
    })
    a = engine.ask("Was the Mastodon instance for @rustlang approved?")
    assert a.found and a.intent == "decisions"
    assert "Mara will help coordinate" in a.passages[0].quote
    assert_verbatim(a, snap)


def test_a_passed_vote_on_the_list_above_decides_each_entry():
    got = _decided("""# TSC meeting 2020-09-07

## Commercial vendor program

Marco moved that we make the initial program as simple as possible. We boiled it down to this:

- Commercial vendors will provide $1000 yearly for a 3 year
  minimum to the project.

- Commercial vendors will adhere to the Code of Conduct
  (critically: they should not bring the project into disrepute).

At this point, we held a vote to accept the above, which passed unanimously.
""", "2020-09-07-tsc-minutes.md")
    assert got.get("Commercial vendors will provide $1000 yearly for a 3 year\n  minimum to the project") == "approved"
    assert any(t.startswith("Commercial vendors will adhere to the Code of Conduct") and o == "approved"
               for t, o in got.items())


def test_agreement_in_the_room_is_a_decision_label():
    got = _decided("""HTTPbis WG, 31 March 2011

Ticket 20: Default charset for text media types

Agreement in room: we should remove the specification of default charset of 8859-1.
""", "2011-03-31-httpbis-minutes.txt")
    assert any(t.startswith("we should remove the specification of default charset") for t in got)


def test_an_outcome_asked_of_one_meeting_is_its_decisions_of_that_outcome(tmp_path_factory):
    engine, snap = engine_over_texts(tmp_path_factory, "decision-outcome", {
        "2017-06-01-tsc-meeting.md": """# TSC Meeting 2017-06-01

### Issue 1201

No objections so James to move forward.

### rest of issues

We agreed to roll over the issues to the next meeting as we
ran out of time.
""",
        "2017-07-06-tsc-meeting.md": """# TSC Meeting 2017-07-06

### Issue 1202

The motion to add a code of conduct was tabled.
""",
    })
    a = engine.ask("were the remaining agenda items postponed at the June 2017 meeting?")
    assert a.found and a.intent == "decisions"
    assert "roll over the issues to the next meeting" in a.passages[0].quote
    assert {m.source for m in a.facts.meetings} == {"2017-06-01-tsc-meeting.md"}
    assert_verbatim(a, snap)


def test_a_body_concluding_is_a_decision():
    got = _decided("""# Höstmöte 2020-11-24

## Övriga frågor

Mötet diskuterar och kommer fram till att stadgarna bör låtas vara som de är.

The board agreed that the membership fee stays at 100 kr.
""", "2020-11-24-stormote.md")
    assert got.get("stadgarna bör låtas vara som de är") == "decided"
    assert got.get("the membership fee stays at 100 kr") == "decided"
