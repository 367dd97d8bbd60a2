"""The record grammar of issue 17 (index/records/grammar.py and the forms beside it): decisions
with the meeting or a group as subject in other grammar, votes, consensus, proposals withdrawn
or not accepted, "Proposed: X, seconded: Y", "AI: X to do Y", elections in the infinitive or
with the meeting as subject, Org-style outline headings and reviews of outstanding actions.
Each form on minutes written here; every record's text is a verbatim slice of its document."""
from __future__ import annotations

from index.build import parse_document
from index.records.grammar import decision_form
from index.sections import headings, lines


def _meeting(text: str, name: str = "2024-03-01-minutes.md"):
    m, _ = parse_document(text, name)
    for d in m.decisions:
        assert text[d.text_span[0]:d.text_span[1]] == d.text
    for a in m.actions:
        assert text[a.task_span[0]:a.task_span[1]] == a.task
    return m


def _decided(text: str) -> dict[str, str]:
    return {d.text: d.outcome for d in _meeting(text).decisions}


def _form(s: str):
    got = decision_form(s, 0, len(s))
    return (s[got[0]:got[1]], got[2]) if got else None


def test_a_body_deciding_with_words_before_att():
    got = _decided("# Årsmöte 2015\n\n## § 9 Hedersmedlem\n\nÅrsmötet beslutade på styrelsens förslag att utse "
                   "Anders Berg som hedersmedlem i föreningen.\n")
    assert got.get("utse Anders Berg som hedersmedlem i föreningen") == "decided"


def test_a_body_deciding_with_an_infinitive_and_no_att():
    m = _meeting("# Årsmöte 2008\n\n## § 6 Val av protokolljusterare\n\nÅrsmötet beslutar välja Rune Ek till "
                 "justerare tillsammans med ordföranden.\n")
    assert any(d.text.startswith("välja Rune Ek till justerare") for d in m.decisions)
    assert ("adjuster", "Rune Ek") in {(r.role, r.name) for r in m.roles}


def test_the_meeting_elected_someone_as_an_officer():
    m = _meeting("# Annual meeting 2020\n\n## Elections\n\nThe meeting elected Ann Lee as treasurer.\n")
    assert ("treasurer", "Ann Lee") in {(r.role, r.name) for r in m.roles}


def test_the_decision_named_as_a_noun():
    assert _form("OTC decision is to always report 0 for the stats in master. In addition") == (
        "always report 0 for the stats in master", "decided")
    assert _form("Beslutet blev att hyra lokalen.") == ("hyra lokalen", "decided")


def test_group_votes_and_a_voted_list():
    assert _form("In the end, **we voted to accept the results of the async vote held last\nmonth.** As such") == (
        "accept the results of the async vote held last\nmonth", "approved")
    assert _form("The TSC voted unanimously to archive the repository.") == ("archive the repository", "approved")
    text = "# TSC 2020-05-04\n\n## Case studies\n\nWe voted to:\n\n- Create an issue template\n  for case studies\n- Add a label\n\n## Next\n\nNothing.\n"
    got = _decided(text)
    assert got.get("Create an issue template\n  for case studies\n- Add a label") == "approved"
    # someone voting is no decision of the group
    assert _form("Those who voted to keep it were outnumbered.") is None


def test_consensus_and_agreement_without_a_subject():
    assert _form("There was rough consensus that the draft goes to last call.") == (
        "the draft goes to last call", "decided")
    assert _form("- Agreed to move the meeting to Tuesdays.") == ("move the meeting to Tuesdays", "decided")
    assert _form("There was no consensus on the naming of the package.") is None


def test_proposals_withdrawn_or_not_accepted():
    got = _decided("# Board 2024-03-01\n\n## Motions\n\nThe proposal to rename the club was withdrawn.\n\n"
                   "The motion to move the annual meeting to the new community hall was not accepted.\n\n"
                   "Förslaget om en ny logga för föreningens hemsida och tröjor antogs inte.\n")
    assert got.get("The proposal to rename the club") == "withdrawn"
    assert got.get("The motion to move the annual meeting to the new community hall") == "rejected"
    assert got.get("Förslaget om en ny logga för föreningens hemsida och tröjor") == "rejected"


def test_proposed_and_seconded_adopts_the_statement_before():
    got = _decided("Meeting Date: 2022-05-10\n\n** Agree minutes from previous meeting\n\n"
                   "Last week minutes were approved.\nProposed: Tomas, seconded: Pauli\n\n"
                   "** Timer API\n\nThe timer API goes in as proposed. Moved by Anna, seconded by Erik.\n")
    assert got.get("Last week minutes were approved") == "approved"
    assert got.get("The timer API goes in as proposed") == "approved"


def test_ai_lines_and_volunteers_are_action_items():
    m = _meeting("Meeting Date: 2022-03-08\n\n** Spectre\n\nAI: Pauli to write a blog post about SPECTRE\n\n"
                 "** Licences\n\nGeert has volunteered to add a rule to the coding standards.\n")
    got = {(tuple(a.owners), a.task) for a in m.actions}
    assert (("Pauli",), "write a blog post about SPECTRE") in got
    assert any(o == ("Geert",) and "add a rule to the coding standards" in t for o, t in got)


def test_org_outline_headings_and_a_review_of_outstanding_actions():
    text = ("Meeting Date: 2022-04-26\n\n** Review outstanding actions\n\nAI: Shane to raise an issue with the OMC.\n\n"
            "In progress\n\n** API Diffs\n\nAI: Shane to look at the PKEY documentation.\n")
    assert [h.title for h in headings(text, lines(text))] == ["Review outstanding actions", "API Diffs"]
    m = _meeting(text)
    review = {a.task: a.review for a in m.actions}
    assert review == {"raise an issue with the OMC": True, "look at the PKEY documentation": False}
    # a Markdown bullet or bold line is no outline heading
    md = "# Notes\n\n* one\n* two\n**Bold line**\n"
    assert [h.title for h in headings(md, lines(md))][0] == "Notes"


def test_a_plus_one_round_is_the_resolutions_tally_with_named_voters():
    text = ("Working group call, 2025-10-02\n\n### AVIF files in the package\n\n"
            "ivan: Let's do a formal proposal\n\nProposed: Add AVIF to the EPUB package\n\n"
            "<sueneu> +1\n\nivan: and I am happy to do the PR\n\n<ivan> +1\n\n<Hadrien> +1\n\n"
            "<duga> -1\n\n<duga> +1\n\nwendy: 0 for me\n\nRESOLUTION: Add AVIF to the EPUB package\n")
    m = _meeting(text)
    d = next(d for d in m.decisions if d.text == "Add AVIF to the EPUB package")
    assert d.vote is not None
    # a voter's later vote counts; "0" is an abstention; remarks are no votes
    assert (d.vote.for_, d.vote.against, d.vote.abstain) == (4, 0, 1)
    assert d.vote.voted_for == ["sueneu", "ivan", "Hadrien", "duga"] and d.vote.voted_against == []
    assert text[d.vote.span[0]:].startswith("Proposed: Add AVIF")


def test_acting_and_interim_officers_hold_the_role():
    m = _meeting("# Board meeting 2024-03-01\n\nPresent: Anna Berg, Erik Ek, Olle Sten\n\nActing chair: Erik Ek\n\n"
                 "## Elections\n\nOlle Sten was appointed interim secretary.\n\n"
                 "Styrelsen valde Anna Berg till tillförordnad kassör.\n")
    got = {(r.role, r.name, r.title) for r in m.roles}
    assert ("chair", "Erik Ek", "Acting chair") in got
    assert ("secretary", "Olle Sten", "interim secretary") in got
    assert ("treasurer", "Anna Berg", "tillförordnad kassör") in got


def test_a_decision_label_after_a_sentence_in_the_same_line():
    got = _decided("# 2023-08-03\n\n## Mastodon\n\n- Social media accounts\n"
                   "   - No objections. **Decision:** Mara will help coordinate.\n")
    assert got.get("Mara will help coordinate") == "decided"


def test_a_decision_reported_from_another_occasion_is_not_this_meetings():
    assert _form("Det beslutades även då att föreningen representeras av kassören.") is None
    assert _form("Styrelsen beslutade tidigare i år att hyra lokalen.") is None
    assert _form("Det beslutades efter diskussion att hyra lokalen.") == ("hyra lokalen", "decided")
