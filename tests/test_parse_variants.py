"""The parser on minutes it was not developed against: hand-written variants of what real Swedish
and English minutes look like (label forms, list layouts, date formats, next-meeting phrasings),
plus fuzzing for robustness. Every variant also checks the span invariant: each span quotes
exactly what it names."""
from __future__ import annotations

import multiprocessing
import random
import time

import pytest

from index.dates import find_dates
from index.models import Meeting
from index.parse import parse_meeting
from index.parse.header import joined_title


def check_spans(text: str, m: Meeting) -> None:
    """Every span in ``m`` quotes exactly what it names."""
    if m.title_span:  # a generic first line and the next one: both quoted, joined (header.joined_title)
        assert joined_title(text[slice(*m.title_span)]) == m.title
    if m.date_span:
        assert m.date_origin == "text"
        quoted = text[slice(*m.date_span)]
        assert quoted == quoted.strip()
        hits = find_dates(quoted)
        assert hits and hits[0][0].isoformat() == m.date, quoted
    elif m.date:
        assert m.date_origin == "filename"
    for p in m.attendees + m.invited + m.absent + [x for x in (m.chair, m.secretary) if x]:
        quoted = text[slice(*p.span)]
        assert quoted and quoted == quoted.strip(), (p, quoted)
        assert all(w in quoted for w in p.name.split()), (p, quoted)
        if p.detail:
            assert p.detail in quoted, (p, quoted)
    if m.attendees:
        s, e = m.attendees_span
        assert all(s <= p.span[0] and p.span[1] <= e for p in m.attendees)
        assert text[s:e] == text[s:e].strip()
    if m.next_meeting:
        nm = m.next_meeting
        assert text[slice(*nm.span)] == nm.quote and nm.quote == nm.quote.strip() and nm.quote
        assert (nm.date is None) == nm.vague


def who(ps):
    """[(name, detail)] with detail omitted when None, for compact expectations."""
    return [p.name if p.detail is None else (p.name, p.detail) for p in ps]


# Each variant: (id, source, text, expectations). Expectation keys:
#   date, date_text (what date_span quotes), origin, title, language,
#   attendees / invited / absent (see ``who``), chair, secretary (name or None),
#   next = (date, vague, relative) or None, next_quote.
VARIANTS = [
    ("sv-inline-och", "protokoll.txt", """\
Protokoll fört vid styrelsemöte i Föreningen Framtid
Datum: den 3 mars 2023
Plats: Föreningslokalen
Närvarande: Anna Berg, Erik Ek och Lisa Holm
Frånvarande: Olle Lind

§ 1 Mötets öppnande
Ordförande Anna Berg öppnade mötet.

§ 2 Val av justerare
Till justerare valdes Erik Ek.

§ 3 Nästa möte
Nästa möte hålls den 12 april.
""", dict(date="2023-03-03", date_text="3 mars 2023",
          title="Protokoll fört vid styrelsemöte i Föreningen Framtid",
          attendees=["Anna Berg", "Erik Ek", "Lisa Holm"], absent=["Olle Lind"], invited=[],
          chair="Anna Berg", secretary=None, next=("2023-04-12", False, False),
          next_quote="Nästa möte hålls den 12 april.", language="sv")),

    ("sv-inline-roles-in-parens", "brf.txt", """\
Styrelsemöte BRF Eken
2023-03-03

Närvarande: Anna Berg (ordf.), Erik Ek (sekr.), Lisa Holm
Kallade: Anna Berg, Erik Ek, Lisa Holm, Olle Lind
""", dict(date="2023-03-03", date_text="2023-03-03", title="Styrelsemöte BRF Eken",
          attendees=[("Anna Berg", "ordf."), ("Erik Ek", "sekr."), "Lisa Holm"],
          invited=["Anna Berg", "Erik Ek", "Lisa Holm", "Olle Lind"], absent=[],
          chair="Anna Berg", secretary="Erik Ek", next=None)),

    ("sv-deltagare-en-dash-bullets", "natverk.txt", """\
Minnesanteckningar från nätverksträff
Tisdagen den 7 februari 2023 kl. 18.00

Deltagare:
– Anna Berg, Region Skåne
– Erik Ek, Malmö stad
– Lisa Holm, Lunds universitet

Anmält förhinder:
– Olle Lind, Region Halland

1. Inledning
Anna Berg hälsade alla välkomna.

Nästa möte: 2023-04-12 kl. 18
""", dict(date="2023-02-07", date_text="7 februari 2023", title="Minnesanteckningar från nätverksträff",
          attendees=[("Anna Berg", "Region Skåne"), ("Erik Ek", "Malmö stad"), ("Lisa Holm", "Lunds universitet")],
          absent=[("Olle Lind", "Region Halland")], chair=None, secretary=None,
          next=("2023-04-12", False, False), next_quote="Nästa möte: 2023-04-12 kl. 18")),

    ("sv-heading-without-blank-dash-and-parens", "arbetsgrupp.txt", """\
Protokoll arbetsgruppsmöte

Datum: 3/3 2023

Närvarande
Anna Berg – Region Skåne
Erik Ek (Malmö stad)
Lisa Holm – Lunds universitet

Mötesordförande: Anna Berg
Protokollförare: Erik Ek
Justerare: Lisa Holm
""", dict(date="2023-03-03", date_text="3/3 2023", title="Protokoll arbetsgruppsmöte",
          attendees=[("Anna Berg", "Region Skåne"), ("Erik Ek", "Malmö stad"), ("Lisa Holm", "Lunds universitet")],
          chair="Anna Berg", secretary="Erik Ek")),

    ("sv-docx-tab-table", "styrelse.txt",
     "PROTOKOLL\nStyrelsemöte 2023-03-15\n\nNärvarande:\nAnna Berg\tOrdförande\nErik Ek\tSekreterare\n"
     "Lisa Holm\tLedamot\n\nFrånvarande:\nOlle Lind\tLedamot\n",
     dict(date="2023-03-15", date_text="2023-03-15", title="PROTOKOLL – Styrelsemöte 2023-03-15",
          attendees=[("Anna Berg", "Ordförande"), ("Erik Ek", "Sekreterare"), ("Lisa Holm", "Ledamot")],
          absent=[("Olle Lind", "Ledamot")], chair="Anna Berg", secretary="Erik Ek")),

    ("sv-docx-comma-table-with-header-row", "samverkan.txt", """\
Minnesanteckningar – Samverkansmöte vård

Datum: 2023-05-10

Deltagare
Namn, Organisation
Anna Berg, Region Skåne
Erik Ek, Region Halland
Lisa Holm, Vinnova

Nästa möte: onsdag 14 juni
""", dict(date="2023-05-10", title="Minnesanteckningar – Samverkansmöte vård",
          attendees=[("Anna Berg", "Region Skåne"), ("Erik Ek", "Region Halland"), ("Lisa Holm", "Vinnova")],
          next=("2023-06-14", False, False))),

    ("en-present-apologies-chair-minutes", "board.txt", """\
Minutes of the Board Meeting
Thursday, 3 March 2022, 18:00

Present: Jane Doe, John Smith, Mary Major and Tom Brown
Apologies: Bob Stone, Alice Green
Chair: Jane Doe
Minutes: Mary Major

1. Welcome
The chair welcomed everyone.

Next meeting: TBD
""", dict(date="2022-03-03", date_text="3 March 2022", title="Minutes of the Board Meeting", language="en",
          attendees=["Jane Doe", "John Smith", "Mary Major", "Tom Brown"], absent=["Bob Stone", "Alice Green"],
          chair="Jane Doe", secretary="Mary Major", next=(None, True, False), next_quote="Next meeting: TBD")),

    ("en-markdown-attendees-regrets-note-taker", "steering.md", """\
# Steering group meeting

**Date:** June 22, 2017
**Note taker:** Sam Lee

## Attendees
* Jane Doe (Acme Corp)
* John Smith (Widgets Inc)
* Sam Lee (Acme Corp)

## Regrets
* Bob Stone (Foo Ltd)

## Notes
- Budget was approved.
- The next meeting will be held on July 6.
""", dict(date="2017-06-22", date_text="June 22, 2017", title="Steering group meeting", language="en",
          attendees=[("Jane Doe", "Acme Corp"), ("John Smith", "Widgets Inc"), ("Sam Lee", "Acme Corp")],
          absent=[("Bob Stone", "Foo Ltd")], chair=None, secretary="Sam Lee",
          next=("2017-07-06", False, False), next_quote="The next meeting will be held on July 6.")),

    ("en-in-attendance-absent-roll-forward", "council.txt", """\
Parish council: minutes of the meeting held on 22 June 2017

In attendance:
Jane Doe (Chair)
John Smith
Peter Clark (Clerk)

Absent:
Bob Stone

The next meeting will be held on April 12.
""", dict(date="2017-06-22", date_text="22 June 2017", language="en",
          attendees=[("Jane Doe", "Chair"), "John Smith", ("Peter Clark", "Clerk")], absent=["Bob Stone"],
          chair="Jane Doe", secretary="Peter Clark", next=("2018-04-12", False, False))),

    ("sv-kallade-narvarande-forhinder-labels", "styrelse-sept.txt", """\
Protokoll styrelsemöte
Datum: 2023-09-12
Kallade: Anna Berg, Erik Ek, Lisa Holm, Olle Lind, Karin Ek
Närvarande: Anna Berg, Erik Ek, Lisa Holm
Anmält förhinder: Olle Lind och Karin Ek
Ordförande: Anna Berg
Sekreterare: Lisa Holm
Justerare: Erik Ek

§ 1 Mötets öppnande
Mötet öppnades kl. 18.05.

§ 7 Nästa möte
Nästa sammanträde äger rum tisdag 3 oktober kl. 18.
""", dict(date="2023-09-12", title="Protokoll styrelsemöte", attendees=["Anna Berg", "Erik Ek", "Lisa Holm"],
          invited=["Anna Berg", "Erik Ek", "Lisa Holm", "Olle Lind", "Karin Ek"], absent=["Olle Lind", "Karin Ek"],
          chair="Anna Berg", secretary="Lisa Holm", next=("2023-10-03", False, False),
          next_quote="Nästa sammanträde äger rum tisdag 3 oktober kl. 18.")),

    ("sv-arsmote-elected-chair-and-secretary", "arsmote.txt", """\
Protokoll fört vid årsmöte i Båtklubben Vågen, söndagen den 19 mars 2023

Närvarande: 14 medlemmar enligt bilagd närvarolista.

§ 1 Mötets öppnande
Föreningens ordförande Karin Ek förklarade mötet öppnat.

§ 2 Val av mötesordförande
Till mötesordförande valdes Olle Lind.

§ 3 Val av sekreterare
Till sekreterare för mötet valdes Anna Berg.

§ 4 Val av justerare
Till justerare valdes Erik Ek och Lisa Holm.
""", dict(date="2023-03-19", date_text="19 mars 2023",
          title="Protokoll fört vid årsmöte i Båtklubben Vågen, söndagen den 19 mars 2023",
          attendees=[], chair="Olle Lind", secretary="Anna Berg", next=None)),

    ("sv-opener-is-chair-not-title-word", "oppning.txt", """\
Styrelsemöte 2023-01-20

§ 1 Mötets öppnande
Mötets ordförande Karin Ek öppnade mötet och hälsade alla välkomna.
""", dict(date="2023-01-20", chair="Karin Ek", secretary=None)),

    ("sv-dotted-date-relative-two-weeks", "ag.txt", """\
Arbetsgruppens möte 3.3.2023

Deltagare: Anna Berg, Erik Ek, Lisa Holm
Mötesordförande: Erik Ek
Sekreterare: Lisa Holm

Nästa möte om två veckor.
""", dict(date="2023-03-03", date_text="3.3.2023", title="Arbetsgruppens möte 3.3.2023",
          attendees=["Anna Berg", "Erik Ek", "Lisa Holm"], chair="Erik Ek", secretary="Lisa Holm",
          next=("2023-03-17", False, True))),

    ("sv-same-time-next-week-first-names", "alfa.txt", """\
Veckomöte projekt Alfa
Onsdag 15 mars 2023

Närvarande: Anna, Erik, Lisa

Nästa möte: samma tid nästa vecka.
""", dict(date="2023-03-15", attendees=["Anna", "Erik", "Lisa"], next=("2023-03-22", False, True))),

    ("sv-date-only-in-filename", "protokoll_2023-03-01.md", """\
Styrelsemöte

Närvarande:
- Anna Berg
- Erik Ek

Nästa möte: onsdag 15 mars
""", dict(date="2023-03-01", origin="filename", title="Styrelsemöte", attendees=["Anna Berg", "Erik Ek"],
          next=("2023-03-15", False, False))),

    ("sv-date-in-filename-words", "Styrelsemöte 15 mars 2023.txt", "Styrelsemöte\n\nNärvarande: Anna Berg\n",
     dict(date="2023-03-15", origin="filename", attendees=["Anna Berg"])),

    ("sv-no-date-anywhere", "anteckningar.txt", """\
Anteckningar från mötet

Närvarande: Anna Berg, Erik Ek

Nästa möte: 12 april
""", dict(date=None, origin=None, attendees=["Anna Berg", "Erik Ek"], next=(None, True, False))),

    ("sv-wrapped-inline-list", "wrap.txt", """\
Protokoll styrelsemöte 2023-01-10
Närvarande: Anna Berg, Erik Ek, Lisa Holm,
Olle Lind och Karin Ek
Ordförande: Karin Ek

Nästa möte: efter sommaren
""", dict(date="2023-01-10", attendees=["Anna Berg", "Erik Ek", "Lisa Holm", "Olle Lind", "Karin Ek"],
          chair="Karin Ek", next=(None, True, False), next_quote="Nästa möte: efter sommaren")),

    ("sv-duplicate-entries", "dubbel.txt", """\
Styrelsemöte 2023-02-01

Närvarande:
Anna Berg, ordförande
Erik Ek, kassör
Lisa Holm
Erik Ek, kassör
""", dict(attendees=[("Anna Berg", "ordförande"), ("Erik Ek", "kassör"), "Lisa Holm"], chair="Anna Berg")),

    ("sv-crlf-nbsp-tabs", "crlf.txt",
     "Protokoll\r\nDatum:\t2023-06-01\r\nNärvarande:\u00a0Anna Berg, Erik\u00a0Ek\r\nOrdförande:\tAnna Berg\r\n"
     "Sekreterare: Erik Ek\r\n\r\nNästa möte: 2023-06-15\r\n",
     dict(date="2023-06-01", title="Protokoll", attendees=["Anna Berg", "Erik Ek"], chair="Anna Berg",
          secretary="Erik Ek", next=("2023-06-15", False, False), next_quote="Nästa möte: 2023-06-15")),

    ("en-us-slash-dates", "team.txt", """\
Team meeting minutes
Date: 06/22/2017
Attendees: Jane Doe, John Smith
Next meeting: 07/06/2017
""", dict(date="2017-06-22", date_text="06/22/2017", language="en", attendees=["Jane Doe", "John Smith"],
          next=("2017-07-06", False, False))),

    ("sv-slash-dates-day-first", "slash.txt", """\
Protokoll styrelsemöte 03/04/2023
Närvarande: Anna Berg, Erik Ek
Nästa möte: 05/05/2023
""", dict(date="2023-04-03", attendees=["Anna Berg", "Erik Ek"], next=("2023-05-05", False, False))),

    ("sv-ordinal-suffix-and-roll-forward", "forening.txt", """\
Protokoll från föreningsmöte 15:e mars 2023

Närvarande: Anna Berg, Erik Ek

Nästa möte hålls den 10 februari.
""", dict(date="2023-03-15", date_text="15:e mars 2023", next=("2024-02-10", False, False))),

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
    m = parse_meeting(text, source)
    check_spans(text, m)
    if "date" in want:
        assert m.date == want["date"]
    if "date_text" in want:
        assert text[slice(*m.date_span)] == want["date_text"]
    assert m.date_origin == want.get("origin", "text" if m.date else None)
    if "title" in want:
        assert m.title == want["title"]
    assert m.language == want.get("language", "sv")
    for key in ("attendees", "invited", "absent"):
        if key in want:
            assert who(getattr(m, key)) == want[key], key
    for key in ("chair", "secretary"):
        if key in want:
            p = getattr(m, key)
            assert (p.name if p else None) == want[key], key
    if "next" in want:
        nm = m.next_meeting
        if want["next"] is None:
            assert nm is None
        else:
            assert nm is not None and (nm.date, nm.vague, nm.relative) == want["next"], nm
    if "next_quote" in want:
        assert m.next_meeting.quote == want["next_quote"]


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


# ------------------------------------------------------------------ robustness

def _random_text(rng: random.Random, n: int) -> str:
    alphabet = ("abcåäöABCÅÄÖ  \t\n\n:,.;-–—*#§()[]{}|\\/@%0123456789\u00a0\u200b\ufeff\r"
                "ÆØœßЖж中文😀\u2028\u0085\x0b\x0c")
    words = ["Närvarande:", "Deltagare", "Frånvarande:", "Nästa möte", "Next meeting", "Present:",
             "Ordförande:", "Chair:", "Anna Berg", "mars", "2023-03-03", "3/3", "om två veckor",
             "\\section{", "\\förtroendevald{", "## ", "- ", "1. ", "§ 4", "\n\n", "(", ")", "och"]
    out = []
    while sum(map(len, out)) < n:
        out.append(rng.choice(words) if rng.random() < 0.3 else rng.choice(alphabet))
    return "".join(out)


@pytest.mark.parametrize("seed", range(40))
def test_fuzz_never_raises_and_spans_hold(seed):
    rng = random.Random(seed)
    text = _random_text(rng, rng.choice([10, 200, 3000]))
    m = parse_meeting(text, f"fuzz-{seed}.txt")
    check_spans(text, m)


ADVERSARIAL = {
    "only-headings": "\n\n".join(f"## Rubrik {i}" for i in range(3000)),
    "only-labels": "\n".join(["Närvarande:", "Frånvarande:", "Kallade:", "Nästa möte:"] * 2000),
    "only-a-list": "\n".join(f"- Person Nummer{i}, Org {i}" for i in range(5000)),
    "huge-name-list": "Närvarande: " + ", ".join(f"Anna Berg{i}" for i in range(15000)),
    "capitalised-words": "Aaa " * 50000,
    "newlines": "Datum:" + "\n" * 200_000 + "Närvarande:" + "\n" * 100 + "Anna Berg",
    "spaces-in-a-line": "Anna" + " " * 200_000 + "Berg",
    "punctuation-lines": ("-.-.:;" * 30 + "\n") * 1000,
    "hash-spaces": "#" + " " * 100_000 + "x\n" + "# " * 50_000,
    "tabs": "\t" * 100_000 + "Närvarande:\t" + "\t" * 100_000 + "Anna\tBerg",
    "unclosed-latex": "\\title{" + "\\section{a" * 20_000,
    "dates": "2023-03-03 3/3 4 mars " * 10_000,
    "numbers": "1/2/3/4/5/6/7/8/9 " * 20_000,
    "paren-runs": "Närvarande: " + "(" * 50_000 + "Anna" + ")" * 50_000,
    "dash-runs": "- " + "Anna " + " –" * 60_000,
}


# A hang guard, not a speed target: a parse still running after this long is a regression to
# catastrophic backtracking (or worse), and fails instead of hanging the test run.
HANG_GUARD_SECONDS = 20.0


def _adversarial_worker(conn) -> None:
    """Child process: parse the named ADVERSARIAL inputs as they are asked for. The parse runs
    outside the test process because a regular expression stuck in backtracking never lets go
    of the interpreter: only a process can be stopped from outside."""
    while True:
        name = conn.recv()
        if name is None:
            return
        t0 = time.perf_counter()
        try:
            m = parse_meeting(ADVERSARIAL[name], "x-2020-01-01.txt")
        except Exception:  # noqa: BLE001 - reported in the test process
            import traceback

            conn.send((None, traceback.format_exc(), time.perf_counter() - t0))
        else:
            conn.send((m, None, time.perf_counter() - t0))


class _ParseWorker:
    """One child process parsing adversarial inputs for the whole module, replaced when a
    parse overruns the guard (it is killed then)."""

    def __init__(self):
        self.proc = None
        self.conn = None

    def _start(self) -> None:
        ctx = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_adversarial_worker, args=(child,), daemon=True)
        self.proc.start()
        child.close()

    def parse(self, name: str, timeout: float) -> tuple[Meeting, float]:
        if self.proc is None or not self.proc.is_alive():
            self._start()
        self.conn.send(name)
        if not self.conn.poll(timeout):
            self.close(kill=True)
            pytest.fail(f"{name}: the parse did not finish within {timeout:.0f} s (catastrophic backtracking?)")
        m, error, seconds = self.conn.recv()
        if error:
            pytest.fail(f"{name}: the parse raised\n{error}")
        return m, seconds

    def close(self, *, kill: bool = False) -> None:
        if self.proc is None:
            return
        if kill:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()
        self.proc = self.conn = None


@pytest.fixture(scope="module")
def parse_worker():
    worker = _ParseWorker()
    yield worker
    worker.close()


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_adversarial_inputs_parse_quickly(name, parse_worker):
    # Measured on the dev container after the fixes: every case parses in < 0.5 s (100-360 KB).
    # Before them "capitalised-words" did not finish in 20 s (an unbounded name pattern
    # backtracking over runs of capitalised words), "dates" took 6.5 s (quadratic overlap
    # check in find_dates) and "tabs" broke the span invariant. Timings are printed; only a
    # parse that overruns HANG_GUARD_SECONDS fails.
    text = ADVERSARIAL[name]
    m, seconds = parse_worker.parse(name, HANG_GUARD_SECONDS)
    print(f"{name}: {len(text)} chars in {seconds:.3f}s")
    check_spans(text, m)


def test_200kb_realistic_document():
    # Timing on the dev container: ~0.15 s for 200 KB (printed, not asserted).
    body = "\n\n".join(v[2] for v in VARIANTS)
    text = (body + "\n\n") * (200_000 // len(body) + 1)
    t0 = time.perf_counter()
    m = parse_meeting(text, "big.txt")
    print(f"200KB realistic: {len(text)} chars in {time.perf_counter() - t0:.3f}s")
    check_spans(text, m)
    assert m.date == "2023-03-03"
    # the same people listed again and again are listed once
    names = [p.name for p in m.attendees]
    assert len(names) == len(set(names))
