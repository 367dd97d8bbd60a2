"""Attendance as municipal and association minutes write it: deciding members and serving
substitutes, surname-first lists, first names only, and LaTeX presence flags."""
from index.parse import parse_meeting

MUNICIPAL = """PROTOKOLL
Kommunstyrelsen i Exempelby
Sammanträdesdatum: 2024-05-14

Beslutande ledamöter
Anna Berg (S), ordförande
Erik Ek (M)
Lisa Holm (C)

Tjänstgörande ersättare
Karin Öberg (S) ersätter Olle Lind (S)

Övriga närvarande
Per Nilsson, kommundirektör

Frånvarande
Olle Lind (S)

§ 41 Budget 2025
Kommunstyrelsen beslutar att anta förslaget till budget.
"""


def people(ps):
    return [(p.name, p.detail) for p in ps]


def spans_quote(text, ps):
    for p in ps:
        quoted = text[p.span[0]:p.span[1]]
        assert all(w in quoted for w in p.name.split()), (p, quoted)


def test_municipal_protokoll_deciding_members_substitutes_and_others():
    m = parse_meeting(MUNICIPAL, "2024-05-14-ks.txt")
    assert people(m.attendees) == [("Anna Berg", "S, ordförande"), ("Erik Ek", "M"), ("Lisa Holm", "C"),
                                   ("Karin Öberg", "S, ersätter Olle Lind (S)"), ("Per Nilsson", "kommundirektör")]
    assert [p.name for p in m.absent] == ["Olle Lind"]
    assert m.chair is not None and m.chair.name == "Anna Berg"
    spans_quote(MUNICIPAL, m.attendees)


def test_surname_first_list_and_first_names():
    text = "Protokoll styrelsemöte 2024-02-01\n\nNärvarande: Berg, Anna; Ek, Erik; Holm, Lisa\nFrånvarande: Anna, Erik, Lisa\n"
    m = parse_meeting(text, "x.txt")
    assert [p.name for p in m.attendees] == ["Anna Berg", "Erik Ek", "Lisa Holm"]
    assert [text[p.span[0]:p.span[1]] for p in m.attendees] == ["Berg, Anna", "Ek, Erik", "Holm, Lisa"]
    assert [p.name for p in m.absent] == ["Anna", "Erik", "Lisa"]


def test_latex_presence_flags_and_vacancies():
    text = ("\\begin{närvarande}\n\\förtroendevald{Ordförande}{Anna Berg}{Ja}\n"
            "\\förtroendevald{Kassör}{Erik Ek}{Nej}\n\\förtroendevald{Sekreterare}{Vakant}{Nej}\n"
            "\\förtroendevald{Ledamot}{Lisa Holm}{Ja, lämnade 13:00}\n\\end{närvarande}\n")
    m = parse_meeting(text, "2024-01-01-x.tex")
    assert [p.name for p in m.attendees] == ["Anna Berg", "Lisa Holm"]
    assert [p.name for p in m.absent] == ["Erik Ek"]
    assert not any(p.name.casefold() == "vakant" for p in [*m.attendees, *m.absent])


def test_an_inline_list_with_a_substitute_keeps_every_attendee():
    # index/people.py once quoted names that did not exist here (a NameError inside the parse
    # guard): the meeting was stored with no attendees at all.
    text = ("Protokoll styrelsemöte 2023-03-01\n\n"
            "Närvarande: Anna Berg (S), Karin Öberg (S) ersätter Olle Lind (S), Erik Ek (M)\n\n"
            "§ 1 Mötet öppnas\n")
    problems: list[dict] = []
    m = parse_meeting(text, "2023-03-01-styrelse.txt", problems=problems)
    assert problems == []
    assert people(m.attendees) == [("Anna Berg", "S"), ("Karin Öberg", "S, ersätter Olle Lind (S)"), ("Erik Ek", "M")]
    assert [text[p.span[0]:p.span[1]] for p in m.attendees] == [
        "Anna Berg (S)", "Karin Öberg (S) ersätter Olle Lind (S)", "Erik Ek (M)"]
