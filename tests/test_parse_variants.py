"""The parser on minutes it was not developed against: hand-written variants of what real Swedish
and English minutes look like (header forms, list layouts, date formats, next-meeting phrasings).
Every variant also checks the span invariant: each span quotes exactly what it names
(tests/variants.py). Label forms: tests/test_parse_labels.py; fuzzing and hostile input:
tests/test_parse_robustness.py."""
from __future__ import annotations

import pytest

from tests.variants import check_variant

# Each variant: (id, source, text, expectations): see tests/variants.py ``check_variant``.
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
]


@pytest.mark.parametrize("source, text, want", [v[1:] for v in VARIANTS], ids=[v[0] for v in VARIANTS])
def test_variant(source, text, want):
    check_variant(source, text, want)
