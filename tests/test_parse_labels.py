"""The parser on label forms of minutes: tables, role labels on one line, invitations that did
not come, a label followed by prose, emphasised labels, collective rolls, generic first-line
titles. Every case also checks the span invariant (tests/variants.py)."""
from __future__ import annotations

import pytest

from index.parse import parse_meeting
from tests.variants import check_spans, check_variant, who

# Each variant: (id, source, text, expectations): see tests/variants.py ``check_variant``.
VARIANTS = [
    ("sv-markdown-table", "tabell.md", """\
# Styrelsemöte 2023-04-04

## Närvarande

| Namn | Roll |
|------|------|
| Anna Berg | Ordförande |
| Erik Ek | Sekreterare |
| Lisa Holm | Ledamot |

## Nästa möte
Nästa möte hålls den 2 maj kl. 18.00.
""", dict(date="2023-04-04", title="Styrelsemöte 2023-04-04",
          attendees=[("Anna Berg", "Ordförande"), ("Erik Ek", "Sekreterare"), ("Lisa Holm", "Ledamot")],
          chair="Anna Berg", secretary="Erik Ek", next=("2023-05-02", False, False))),

    ("en-regrets-none-oxford-comma-facilitator", "sync.md", """\
Weekly sync – Minutes
Date: 2024-01-18

Present: Jane Doe, John Smith, and Mary Major
Regrets: None
Facilitator: Jane Doe | Note taker: John Smith

Next meeting: Thursday, January 25, 2024 at 10:00.
""", dict(date="2024-01-18", title="Weekly sync – Minutes", language="en",
          attendees=["Jane Doe", "John Smith", "Mary Major"], absent=[], chair="Jane Doe", secretary="John Smith",
          next=("2024-01-25", False, False))),

    ("en-in-two-weeks", "proj.txt", """\
Project meeting, 1 February 2024

Attendees: Jane Doe, John Smith

Notes: Jane Doe will send the report.
The next meeting will take place in two weeks.
""", dict(date="2024-02-01", attendees=["Jane Doe", "John Smith"], secretary=None, language="en",
          next=("2024-02-15", False, True))),

    ("sv-narvarande-ledamoter-ovriga-ej-narvarande", "nr4.txt", """\
Protokoll nr 4/2023, styrelsemöte
Tid: Måndag 8 maj 2023 kl. 18.30
Närvarande ledamöter: Anna Berg (ordf.), Erik Ek, Lisa Holm (sekr.)
Övriga närvarande: Karin Ek (revisor)
Ej närvarande: Olle Lind
""", dict(date="2023-05-08", date_text="8 maj 2023", title="Protokoll nr 4/2023, styrelsemöte",
          attendees=[("Anna Berg", "ordf."), "Erik Ek", ("Lisa Holm", "sekr."), ("Karin Ek", "revisor")],
          absent=["Olle Lind"], chair="Anna Berg", secretary="Lisa Holm")),

    ("sv-label-block-after-header-line", "block.txt", """\
Styrelsemöte i Föreningen Framtid
Datum: 2023-10-05
Närvarande:
Anna Berg
Erik Ek
Lisa Holm

Övriga Frågor
Inga övriga frågor.
""", dict(date="2023-10-05", attendees=["Anna Berg", "Erik Ek", "Lisa Holm"], chair=None)),

    ("sv-sign-off-vid-protokollet", "signatur.txt", """\
Protokoll styrelsemöte 2023-03-03
Närvarande: Anna Berg, Erik Ek

§ 1 Mötets öppnande
Mötet öppnades.

Vid protokollet

Anna Berg

Justeras
Erik Ek
""", dict(attendees=["Anna Berg", "Erik Ek"], chair=None, secretary="Anna Berg")),

    ("sv-roles-on-one-line", "roller.txt", """\
Protokoll styrelsemöte 2023-11-02
Närvarande: Anna Berg, Erik Ek, Lisa Holm
Ordförande: Anna Berg, sekreterare: Erik Ek, justerare: Lisa Holm
""", dict(date="2023-11-02", chair="Anna Berg", secretary="Erik Ek")),

    # Two role labels on one line, the first ended by a full stop (or ";" / "|").
    ("sv-roles-sentence-separated", "roller2.txt", """\
Protokoll styrelsemöte 2023-03-03
Mötesordförande: Karin Holm. Sekreterare: Oskar Berg.
""", dict(chair="Karin Holm", secretary="Oskar Berg")),
    ("en-roles-sentence-separated", "roles.txt", """\
Board meeting minutes 2023-03-03
Chair: Ann Lee. Minutes: Bob Stone.
The meeting was called to order at 7 pm.
""", dict(chair="Ann Lee", secretary="Bob Stone", language="en")),
    ("sv-roles-semicolon", "roller3.txt", """\
Protokoll styrelsemöte 2023-03-03
Ordförande: Karin Holm; Sekreterare: Oskar Berg
""", dict(chair="Karin Holm", secretary="Oskar Berg")),
    ("sv-roles-pipe", "roller4.txt", """\
Protokoll styrelsemöte 2023-03-03
Ordförande: Karin Holm | Sekreterare: Oskar Berg
""", dict(chair="Karin Holm", secretary="Oskar Berg")),

    # Invited but did not come: absent, neither invited-only nor attendees.
    ("sv-kallade-men-ej-narvarande", "kallade.txt", """\
Protokoll styrelsemöte 2023-03-03
Närvarande: Anna Berg, Erik Ek
Kallade men ej närvarande: Olle Lind, Per Ek
""", dict(attendees=["Anna Berg", "Erik Ek"], absent=["Olle Lind", "Per Ek"], invited=[])),
    ("sv-kallade-komma-ej-narvarande", "kallade2.txt", """\
Protokoll styrelsemöte 2023-03-03
Närvarande: Anna Berg, Erik Ek
Kallade, ej närvarande: Olle Lind och Per Ek
""", dict(attendees=["Anna Berg", "Erik Ek"], absent=["Olle Lind", "Per Ek"], invited=[])),
    ("en-invited-but-absent", "invited.txt", """\
Board meeting minutes 2023-03-03
Present: Anna Berg, Erik Ek
Invited but absent: Olle Lind, Per Ek
Invited: Karin Holm
""", dict(attendees=["Anna Berg", "Erik Ek"], absent=["Olle Lind", "Per Ek"], invited=["Karin Holm"],
          language="en")),
    ("sv-kallade-heading-ej-narvarande", "kallade3.txt", """\
Protokoll styrelsemöte 2023-03-03

Närvarande
Anna Berg
Erik Ek

Kallade men ej närvarande
Olle Lind
""", dict(attendees=["Anna Berg", "Erik Ek"], absent=["Olle Lind"], invited=[])),

    # A role label followed by a name and then prose on the same line.
    ("sv-chair-label-then-prose", "prosa.txt", """\
Protokoll styrelsemöte 2023-03-03
Ordförande: Anna Berg hälsade alla välkomna.
Sekreterare: Erik Ek för protokollet.
""", dict(chair="Anna Berg", secretary="Erik Ek")),
    ("sv-chair-label-one-word-then-prose", "prosa2.txt", """\
Protokoll styrelsemöte 2023-03-03
Ordförande: Ej utsedd ännu.
""", dict(chair=None)),
]


@pytest.mark.parametrize("source, text, want", [v[1:] for v in VARIANTS], ids=[v[0] for v in VARIANTS])
def test_variant(source, text, want):
    check_variant(source, text, want)


def test_chair_label_then_prose_quotes_label_and_name():
    text = "Protokoll 2023-03-03\nOrdförande: Anna Berg hälsade alla välkomna.\n"
    m = parse_meeting(text, "x.txt")
    assert text[slice(*m.chair.span)] == "Ordförande: Anna Berg"


@pytest.mark.parametrize("text, quoted", [
    ("Protokoll 2023-03-03\nNärvarande: Styrelsen\n\n§ 1 Öppnande\nMötet öppnades.\n", "Närvarande: Styrelsen"),
    ("Board minutes 2023-03-03\nPresent: Board\n\nNotes\nThe meeting was opened.\n", "Present: Board"),
    ("Board minutes 2023-03-03\nPresent: All members.\n", "Present: All members."),
    ("Protokoll 2023-03-03\nNärvarande: Samtliga ledamöter\n", "Närvarande: Samtliga ledamöter"),
    ("Protokoll 2023-03-03\n\nNärvarande\nHela styrelsen\n\nText.\n", "Närvarande\nHela styrelsen"),
])
def test_collective_attendee_list_names_nobody_but_keeps_its_span(text, quoted):
    m = parse_meeting(text, "x.txt")
    check_spans(text, m)
    assert m.attendees == []
    assert m.attendees_span and text[slice(*m.attendees_span)] == quoted


def test_collective_next_to_people_keeps_the_people():
    text = "Protokoll 2023-03-03\nNärvarande: Styrelsen samt Anna Berg (adjungerad)\n"
    m = parse_meeting(text, "x.txt")
    check_spans(text, m)
    assert who(m.attendees) == [("Anna Berg", "adjungerad")]


@pytest.mark.parametrize("text, present, quoted", [
    ("# Board meeting 2024-03-01\n\n* **Present:** Alice Smith, Bob Jones\n* **Apologies:** Hannah Cole\n\nText.\n",
     ["Alice Smith", "Bob Jones"], "**Present:** Alice Smith, Bob Jones"),
    ("Styrelsemöte 2024-03-01\n\n**Närvarande:** Anna Berg, Erik Ek\n**Ordförande:** Anna Berg\n",
     ["Anna Berg", "Erik Ek"], "**Närvarande:** Anna Berg, Erik Ek"),
    ("Board minutes 2024-03-01\n\n__Present__: Alice Smith, Bob Jones\n", ["Alice Smith", "Bob Jones"],
     "__Present__: Alice Smith, Bob Jones"),
    ("# Möte 2024-03-01\n\n- **Närvarande**: Anna Berg (ordf.), Erik Ek och Lisa Holm\n- **Frånvarande**: Olle Lind\n",
     ["Anna Berg", "Erik Ek", "Lisa Holm"], "**Närvarande**: Anna Berg (ordf.), Erik Ek och Lisa Holm"),
    # a list nested under a bulleted bold label
    ("# Board meeting 2024-03-01\n\n* **Present:**\n  * Alice Smith\n  * Bob Jones\n* **Apologies:** Hannah Cole\n",
     ["Alice Smith", "Bob Jones"], "**Present:**\n  * Alice Smith\n  * Bob Jones"),
])
def test_emphasised_labels(text, present, quoted):
    """Markdown emphasis around a label ("* **Present:** ...") does not hide it; the list's span
    starts at the label (after the bullet) and each person's span is just the entry."""
    m = parse_meeting(text, "x.md")
    check_spans(text, m)
    assert [p.name for p in m.attendees] == present
    assert text[slice(*m.attendees_span)] == quoted
    for p in m.attendees:
        assert text[slice(*p.span)].startswith(p.name)
    if "Apologies" in text or "Frånvarande" in text:
        assert [p.name for p in m.absent] in (["Hannah Cole"], ["Olle Lind"])


def test_emphasised_role_labels():
    text = "Styrelsemöte 2024-03-01\n\n* **Ordförande:** Anna Berg\n* **Sekreterare:** Erik Ek\n"
    m = parse_meeting(text, "x.md")
    check_spans(text, m)
    assert text[slice(*m.chair.span)] == "**Ordförande:** Anna Berg"
    assert text[slice(*m.secretary.span)] == "**Sekreterare:** Erik Ek"


@pytest.mark.parametrize("text, quoted", [
    ("Styrelsemöte 2024-03-01\n\n**Närvarande:** Styrelsen\n\n§ 1 Öppnande\n", "**Närvarande:** Styrelsen"),
    ("# Board 2024-03-01\n\n* **Present:** All board members\n* **Chair:** Alice Smith\n",
     "**Present:** All board members"),
])
def test_emphasised_group_attendance(text, quoted):
    m = parse_meeting(text, "x.md")
    check_spans(text, m)
    assert m.attendees == [] and text[slice(*m.attendees_span)] == quoted


@pytest.mark.parametrize("text, title", [
    # a generic first line joins the next line, the one naming the meeting or the body
    ("PROTOKOLL\nStyrelsemöte i Föreningen X 2023-03-03\n\nNärvarande: Anna Berg\n",
     "PROTOKOLL – Styrelsemöte i Föreningen X 2023-03-03"),
    ("Protokoll\nStyrelsemöte 12 mars\n", "Protokoll – Styrelsemöte 12 mars"),
    ("Mötesprotokoll\nFöreningen X\n\nDatum: 2023-03-03\n", "Mötesprotokoll – Föreningen X"),
    ("Meeting minutes\nAcme Rowing Club\nDate: 2023-03-03\n", "Meeting minutes – Acme Rowing Club"),
    # ...also across a blank line, and with markup and a colon on the generic line
    ("Minnesanteckningar\n\nStyrelsemöte 2023-03-03\n", "Minnesanteckningar – Styrelsemöte 2023-03-03"),
    ("Mötesprotokoll\n\nFöreningen X\n\nDatum: 2023-03-03\n", "Mötesprotokoll – Föreningen X"),
    ("**PROTOKOLL:**\n\nÅrsmöte i Båtklubben Vågen\n", "PROTOKOLL – Årsmöte i Båtklubben Vågen"),
    # a generic word that is no meeting word ("Agenda") above the line naming the meeting
    ("Agenda\nStyrelsemöte 12 mars 2023\n\n1. Mötets öppnande\n", "Agenda – Styrelsemöte 12 mars 2023"),
    ("Dagordning\n\nÅrsmöte i Föreningen X\n", "Dagordning – Årsmöte i Föreningen X"),
    # nothing more specific follows: a date line, a field or an agenda item is not a title
    ("Protokoll\nden 3 mars 2023\n", "Protokoll"),
    ("Protokoll\nDatum: 2023-03-03\nNärvarande: Anna Berg\n", "Protokoll"),
    ("Agenda\n1. Mötets öppnande\n2. Val av justerare\n", "Agenda"),
    ("Protokoll\n\nMinnesanteckningar\n", "Protokoll"),
    # a specific first line is kept
    ("Protokoll fört vid styrelsemöte\nFöreningen X\n", "Protokoll fört vid styrelsemöte"),
])
def test_generic_first_line_title(text, title):
    m = parse_meeting(text, "x.txt")
    check_spans(text, m)
    assert m.title == title
    quoted = text[slice(*m.title_span)]  # what an answer quotes: the lines as written
    if " – " in title:
        assert "\n" in quoted and quoted.endswith(title.split(" – ")[-1])
    else:
        assert quoted == title


def test_field_lines_stay_in_the_header_chunk_not_sections():
    from index.chunk import chunk_document
    from index.sections import headings
    text = ("Styrelsemöte i Föreningen X\n\nDatum: 2023-03-03\n\nPlats: Discord\n\nTid: 18.00\n\n"
            "Mötesform: Digitalt\n\n§ 1 Öppnande\nMötet öppnades.\n\nPunkt 3: Budget\n\nBudgeten godkändes.\n")
    titles = [h.title for h in headings(text)]
    assert titles == ["Styrelsemöte i Föreningen X", "§ 1 Öppnande", "Punkt 3: Budget"]
    cs = chunk_document(text, parse_meeting(text, "x.txt"))
    assert [c.section for c in cs] == titles
    assert "Plats: Discord" in cs[0].text and "Datum: 2023-03-03" in cs[0].text
    # an unknown label counts as a field when it sits among other "Label: value" lines
    text2 = "Protokoll\n\nDatum: 2023-03-03\n\nPlattform: Zoom\n\nÄrende\n\nText.\n"
    assert [h.title for h in headings(text2)] == ["Protokoll", "Ärende"]
