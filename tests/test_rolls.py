"""Attendance and absence by what a section is (issue 17): handles in a roll, rolls split into
groups, organisations as attendees, nested lists, code blocks and tables, substitutes, and the
one person-name recogniser they share."""
import re

from index.person_names import handle_and_name, looks_like_handle, looks_like_name, name_regex, person_name
from index.parse import parse_meeting


def names(ps):
    return [p.name for p in ps]


def quotes(text, m):
    for p in m.attendees + m.absent + m.invited + [x for x in (m.chair, m.secretary) if x]:
        quoted = text[p.span[0]:p.span[1]]
        assert all(w in quoted for w in p.name.split()), (p, quoted)


# ---- the recogniser ----

def test_any_latin_capital_starts_a_name():
    for n in ("Łukasz Nowak", "Øystein Ødegård", "Ærø Berg", "Šárka Černá", "Đorđe Balašević", "Anna Berg"):
        assert looks_like_name(n), n
        assert re.fullmatch(name_regex(4), n), n
    assert not looks_like_name("łukasz nowak")


def test_name_regex_keeps_initials_and_particles_but_no_final_full_stop():
    rx = re.compile(name_regex(4))
    assert rx.search("asked Anna Berg. Then").group() == "Anna Berg"
    assert rx.search("Matthias St. Pierre said").group() == "Matthias St. Pierre"
    assert rx.search("by A.B. Berg").group() == "A.B. Berg"
    assert rx.search("Ludwig van Beethoven wrote").group() == "Ludwig van Beethoven"


def test_handles_only_where_the_context_is_a_roll():
    assert looks_like_handle("wendyreid") and looks_like_handle("gautierchomel_") and looks_like_handle("@rvagg")
    assert not looks_like_handle("the") and not looks_like_handle("alla")
    assert person_name("duga", roll=True) == "duga" and person_name("duga") is None
    assert handle_and_name("abc (Anna Berg)") == ("Anna Berg", "abc")
    assert handle_and_name("Anna (ordförande)") is None


# ---- rolls ----

def test_present_line_with_handles_and_the_regrets_line_after_it():
    text = ("# WG Telco\n\n## 18 September 2025\n\n## Attendees\n\n"
            "Present: AnnaB, erik, Karl Larsen, mnot\nRegrets: olle, Ann-Sofie Ek\nChair: wendy\n"
            "Scribe: duga, wendyreid\n\n## Minutes\n\nwendy: welcome\n")
    m = parse_meeting(text, "2025-09-18-telco.md")
    assert names(m.attendees) == ["AnnaB", "erik", "Karl Larsen", "mnot"]
    assert names(m.absent) == ["olle", "Ann-Sofie Ek"]
    assert m.chair.name == "wendy" and m.secretary.name == "duga"
    quotes(text, m)


def test_roll_call_split_by_kind():
    text = ("# 2023-11-10\n\n## Attendance\n\nCouncil: Carol, Mark, Eric Holk, Jonathan Pallant\n\n"
            "Observers: TC, Santiago\n\nUnavailable: JP, Khio\n\n## Notes\n\n- Check-in\n")
    m = parse_meeting(text, "2023-11-10-council.md")
    assert names(m.attendees) == ["Carol", "Mark", "Eric Holk", "Jonathan Pallant", "TC", "Santiago"]
    assert m.attendees[0].detail == "Council"
    assert names(m.absent) == ["JP", "Khio"]
    quotes(text, m)


def test_roll_call_split_by_kind_on_one_line():
    text = "Meeting 2023-08-03\n\nAttendance: Council: Carol, Mark; Observers: Ann Lee; Unavailable: Khio\n\n- Check-in\n"
    m = parse_meeting(text, "2023-08-03-council.md")
    assert names(m.attendees) == ["Carol", "Mark", "Ann Lee"]
    assert names(m.absent) == ["Khio"]


def test_roll_by_organisation_wrapped_over_lines_as_a_pdf_gives_it():
    text = ("Anteckningar referensgrupp, möte 4\nDigitalt möte 6 november 2023\nDeltagare\n"
            "Bolagsverket: Erik Mossing, Digg: Ulrika Berg Mattsson, Mats Palm, E-\n"
            "hälsomyndigheten: Rut Alm, Kungliga biblioteket: Martin \nMalm, SND: Ann Jern\n"
            "1. Snabb introduktion (Ulrika, Digg)\nVi gick igenom materialet.\n")
    m = parse_meeting(text, "2023-11-06-ref.pdf")
    assert [(p.name, p.detail) for p in m.attendees] == [
        ("Erik Mossing", "Bolagsverket"), ("Ulrika Berg Mattsson", "Digg"), ("Mats Palm", "Digg"),
        ("Rut Alm", None), ("Martin Malm", "Kungliga biblioteket"), ("Ann Jern", "SND")]
    quotes(text, m)


def test_organisations_as_attendees():
    text = ("# Sammanfattning 2024-10-21\n\nRepresenterade: Bolagsverket, Havs- och Vattenmyndigheten, "
            "Sambruk, (eSam - synk mellan mötena)\n\n* Genomgång av arbetet.\n")
    m = parse_meeting(text, "2024-10-21-mote.md")
    assert names(m.attendees) == ["Bolagsverket", "Havs- och Vattenmyndigheten", "Sambruk"]


def test_external_attendees_and_missing_under_their_own_labels():
    text = ("Meeting Date: 2022-05-10\nMinutes taken by: Tomáš\nAttendees:\n    Anna Berg\n    Tomas Mraz\n\n"
            "External attendees:\n    Hugo Landau\n    Dan Fiala\n\nMissing: Khio\n\nAgenda:\n\n    * Confirm agenda\n")
    m = parse_meeting(text, "2022-05-10-otc.txt")
    assert names(m.attendees) == ["Anna Berg", "Tomas Mraz", "Hugo Landau", "Dan Fiala"]
    assert names(m.absent) == ["Khio"]
    assert m.secretary.name == "Tomáš"


def test_nested_list_under_a_bulleted_label():
    text = "# TSC 2020-03-02\n\n- Attending:\n  - Adam Lund\n  - Aleksei Khud\n  - weierophinney\n\n## Agenda\n\n- One\n"
    m = parse_meeting(text, "2020-03-02-tsc.md")
    assert names(m.attendees) == ["Adam Lund", "Aleksei Khud", "weierophinney"]


def test_one_name_per_line_in_a_code_block_and_in_a_table():
    code = "# Möte 2024-01-10\n\n## Närvarande\n\n```\nAnna Berg\nErik Ek\nLisa Holm\n```\n\n## Beslut\n\nInga.\n"
    m = parse_meeting(code, "2024-01-10.md")
    assert names(m.attendees) == ["Anna Berg", "Erik Ek", "Lisa Holm"]
    table = ("# Möte 2024-01-10\n\n## Deltagare\n\n| Namn | Roll |\n|---|---|\n| Anna Berg | ordförande |\n"
             "| erik | sekreterare |\n\n## Beslut\n\nInga.\n")
    m = parse_meeting(table, "2024-01-10.md")
    assert names(m.attendees) == ["Anna Berg", "erik"]


def test_handle_with_the_full_name_in_brackets_and_substitutes():
    text = ("Möte 2024-02-01\n\nNärvarande:\n- abc (Anna Berg)\n- Karin Öberg ersätter Olle Lind\n"
            "- Per Ek standing in for Bo Lund\n\nFrånvarande: Olle Lind\n\n1. Öppnande\n")
    m = parse_meeting(text, "2024-02-01.md")
    assert [(p.name, p.detail) for p in m.attendees] == [
        ("Anna Berg", "abc"), ("Karin Öberg", "ersätter Olle Lind"), ("Per Ek", "standing in for Bo Lund")]
    assert names(m.absent) == ["Olle Lind"]


def test_attendance_all_names_nobody_and_reads_no_list_below():
    text = "# 2023-06-28\n\n## Minutes\n\nAttendance: all\n\n- Recording\n    - failed\n"
    m = parse_meeting(text, "2023-06-28.md")
    assert m.attendees == [] and m.attendees_span is not None


# ---- roles of the meeting ----

def roles(text, source="2023-07-20-x.md"):
    m = parse_meeting(text, source)
    return (m.chair.name if m.chair else None), (m.secretary.name if m.secretary else None)


def test_roles_labelled_in_a_nested_list_with_a_plus():
    assert roles("# 2023-07-20\n\n## Minutes\n\n- Assign roles\n    - Facilitator: Ryan, Notes: Carol + Eric Holk\n"
                 "\nAttendees: Ryan, Carol, Eric Holk\n") == ("Ryan", "Carol")
    assert roles("Möte 2024-03-01\n\n- Ordförande: Anna Berg\n- Sekreterare: Erik Ek\n") == ("Anna Berg", "Erik Ek")


def test_roles_as_verbs_when_roles_are_assigned():
    assert roles("# 2023-10-27\n\n## Minutes\n\n- Assign roles\n    - Carol facilitates\n    - Eric and Eric scribe\n"
                 "- Consent to agenda\n") == ("Carol", "Eric")
    assert roles("# 2023-07-13\n\n- Assign roles\n    - Ryan will facilitate\n    - Mark will scribe\n") == ("Ryan", "Mark")
    assert roles("# 2023-06-15\n\n- Designated note taker - Mark, Ryan facilitating\n") == ("Ryan", "Mark")


def test_by_lines_and_a_legend_of_speakers():
    assert roles("Minutes of the WG meeting in Vancouver, December 2007\n\nSubmitted by Mark Nottingham\n\n* First session\n",
                 "2007-12-03-wg.txt") == (None, "Mark Nottingham")
    assert roles("WG, IETF 83\n\nMN = Mark Nottingham (WG Chair)\nLE = Lars Eggert\n\n1. Charter Review\n",
                 "2012-03-27-wg.txt") == ("Mark Nottingham", None)
    assert roles("Meeting Date: 2022-03-15\nMinutes taken by: Tomáš\nAttendees:\n    Tomas Mraz\n",
                 "2022-03-15-otc.txt") == (None, "Tomáš")
    assert roles("Board meeting 2024-01-01\n\nNotes taken by Ann Lee\nChaired by Bob Stone\n\n1. Budget\n",
                 "2024-01-01.md") == ("Bob Stone", "Ann Lee")


def test_minutes_label_is_no_person_unless_an_attendee():
    assert roles("Möte 2024-03-01\n\nPresent: Sam Lee, Ann\n\nMinutes: Approved.\n") == (None, None)
    assert roles("Möte 2024-03-01\n\nPresent: Sam Lee, Ann Berg\n\nMinutes: Ann\n") == (None, "Ann")


def test_a_name_with_any_latin_capital_is_read_as_chair():
    assert roles("Möte 2024-03-01\n\nOrdförande: Łukasz Nowak\n") == ("Łukasz Nowak", None)


def test_one_recogniser_for_chair_role_holders_and_voters():
    from tests.test_records import records_of

    text = ("Årsmöte 2024-03-01\n\nOrdförande: Øystein Ødegård\n\n§ 3 Val\n"
            "Łukasz Nowak valdes till kassör.\n")
    m, r = records_of(text, "2024-03-01-arsmote.md")
    assert m.chair.name == "Øystein Ødegård"
    assert any(h.name == "Łukasz Nowak" for h in r.roles), r.roles


def test_an_action_owner_with_any_latin_capital():
    from tests.test_records import records_of

    text = "Board meeting 2024-03-01\n\nPresent: Łukasz Nowak, Ann Lee\n\n## Budget\n\nACTION: Łukasz Nowak to send the budget to the board.\n"
    _, r = records_of(text, "2024-03-01.md")
    assert any("Łukasz Nowak" in a.owners for a in r.actions), r.actions


def test_name_role_entries_whose_line_breaks_were_lost():
    text = ("ÅRSMÖTESPROTOKOLL 2013\nDatum: 2013-07-09\nNärvarande: Börje Berg, ordförande Maria Holm, sekreterare "
            "Astrid Ek, vice ordförande Göran Lind, kassör samt ytterligare 70-tal medlemmar i föreningen\n\n§ 1 Öppnande\n")
    m = parse_meeting(text, "2013-07-09-arsmote.md")
    assert [(p.name, p.detail) for p in m.attendees] == [
        ("Börje Berg", "ordförande"), ("Maria Holm", "sekreterare"), ("Astrid Ek", "vice ordförande"),
        ("Göran Lind", "kassör")]
    assert m.chair.name == "Börje Berg" and m.secretary.name == "Maria Holm"
    quotes(text, m)
    for p in m.attendees:
        assert p.detail in text[p.span[0]:p.span[1]]


def test_names_right_after_the_opening_are_a_roll():
    text = "# Styrelsemöte 2024-03-01\n\nAnna Berg, Erik Ek och Lisa Holm\n\n## 1. Öppnande\n\nMötet öppnades.\n"
    m = parse_meeting(text, "2024-03-01.md")
    assert names(m.attendees) == ["Anna Berg", "Erik Ek", "Lisa Holm"]
    text = "# Board meeting\n\n2024-03-01\n\n- Ann Lee\n- Bob Stone\n\n## Budget\n\nApproved.\n"
    assert names(parse_meeting(text, "2024-03-01.md").attendees) == ["Ann Lee", "Bob Stone"]
    # prose after the opening is no roll
    text = "# Board meeting 2024-03-01\n\nWe met at the office, Ann Lee opened.\n\n## Budget\n"
    assert parse_meeting(text, "2024-03-01.md").attendees == []


def test_questions_name_the_meeting_roles_as_the_minutes_do():
    from bot.understand import understand

    assert understand("Who facilitated the council meeting on 27 October 2023?").role == "chair"
    assert understand("Who was scribing at the 27 November meeting?").role == "secretary"
    assert understand("Vem förde anteckningarna på mötet den 6 juli 2023?").role == "secretary"
