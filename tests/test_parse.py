"""Parser tests on the user's samples, the shared real-minutes corpora and small synthetic texts."""
from __future__ import annotations

from pathlib import Path

import pytest

from index.normalise import normalise
from index.parse import parse_meeting
from index.parse.header import joined_title
from tests.helpers import minutes_text

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
SAMVERKAN = "2021-11-10-samverkansgruppen-halsa-life-science.txt"
IKEM = "2015-02-04-ikem-planeringsmote.txt"


def load(name: str):
    text = (CORPUS / name).read_text(encoding="utf-8")
    return text, parse_meeting(text, name)


def shared(rel: str):
    if not SHARED.is_dir():
        pytest.skip("../shared/corpora is not beside this checkout")
    text = (SHARED / rel).read_text(encoding="utf-8")
    return text, parse_meeting(text, rel)


def people(ps):
    return [(p.name, p.detail) for p in ps]


# ------------------------------------------------------------------ the user's samples

SAMVERKAN_ATTENDEES = [
    ("Anders Blanck", "ledamot"), ("Anna Nergårdh", "ledamot"), ("Anna Nilsson Vindefjärd", "ledamot"),
    ("Ann-Sofi Lodin", "ledamot"), ("Björn Eriksson", "ledamot"), ("Björn Odlander", "ledamot"),
    ("Britt Östlund", "ledamot"), ("Elisabeth Björk", "ledamot"), ("Eva Tiensuu Janson", "ledamot"),
    ("Hans Adolfsson", "ledamot"), ("Helena Strigård", "ledamot"), ("Lotta Ljungqvist", "ledamot"),
    ("Marie Morell", "ledamot"), ("Mats Björnemo", "ledamot"), ("Mats Ulfendahl", "ledamot"),
    ("Ole-Petter Ottersen", "ledamot"), ("Peter Carstedt", "ledamot"), ("Sara Riggare", "ledamot"),
    ("Jenni Nordborg", "ordförande och samordnare"),
    ("Jenny Carlsson Kraft", "Life science-kontoret"), ("Katarina Nordqvist", "Life science-kontoret"),
    ("Pontus Holm", "Life science-kontoret"),
    ("Marcus Hellquist", "Näringsdepartementet"), ("Linda Karlsson", "Näringsdepartementet"),
    ("Nora Myrne Widfors", "Näringsdepartementet"),
    ("Eva-Karin Anderman", "Vinnova"), ("Emilia Eldh", "Vinnova"), ("Eva Nyman", "Vinnova"),
    ("Karin Stenström", "Vinnova"), ("Anna Sandström", "AstraZeneca"), ("Frida Lundmark", "LIF"),
]

IKEM_ATTENDEES = [
    ("Anna Nilsson", "Ledarna"), ("Anna Sandström", "AstraZeneca"), ("Birgitta Karpesjö", "Apotekarsocieteten"),
    ("Christer Säfholm", "Acturum Development"), ("Daniel Forslund", "Stockholms Läns Landsting"),
    ("Ellen Hausel Heldahl", "Svenskt Näringsliv"), ("Ingrid Heath", "SwedenBIO"),
    ("Jan-Erik Nyström", "Alveiro LifeScience"), ("Johan Sittenfeld", "Sveriges Ingenjörer"),
    ("Maris Hartmanis", "ExVD Medivir"), ("Per Hamid Ghatan", "Karolinska Institutet"),
]


def test_samverkan_meta():
    text, m = load(SAMVERKAN)
    assert m.date == "2021-11-10" and m.date_origin == "text"
    assert text[slice(*m.date_span)] == "10 november 2021"
    assert m.title == ("Minnesanteckningar möte med samverkansgruppen för hälsa och life science "
                       "den 10 november 2021 (hybridmöte)")
    assert text[slice(*m.title_span)] == m.title
    assert m.language == "sv"


def test_samverkan_attendees():
    text, m = load(SAMVERKAN)
    assert people(m.attendees) == SAMVERKAN_ATTENDEES
    helena = m.attendees[10]
    assert text[slice(*helena.span)] == "11. Helena, Strigård, ledamot"
    block = text[slice(*m.attendees_span)]
    assert block.startswith("Deltagare") and block.endswith("31. Frida Lundmark, LIF")
    assert m.invited == [] and m.absent == []


def test_samverkan_chair_and_next_meeting():
    text, m = load(SAMVERKAN)
    assert m.chair is not None and m.chair.name == "Jenni Nordborg"
    assert text[slice(*m.chair.span)] == "19. Jenni Nordborg, ordförande och samordnare"
    assert m.secretary is None
    nm = m.next_meeting
    assert nm.quote == "Nästa möte med samverkansgruppen äger rum den 4 februari."
    assert text[slice(*nm.span)] == nm.quote
    assert nm.date == "2022-02-04" and not nm.vague and not nm.relative


def test_ikem():
    text, m = load(IKEM)
    assert m.date == "2015-02-04" and text[slice(*m.date_span)] == "4 februari 2015"
    assert m.title == "Planeringsmötet"
    assert people(m.attendees) == IKEM_ATTENDEES
    assert text[slice(*m.attendees[0].span)] == "Anna Nilsson- Ledarna"
    assert text[slice(*m.attendees_span)].startswith("Närvarande deltagare:")
    # the calendar of events ("4/3", "17/3", "28/6-5/7", "9-10/9") is neither the meeting date
    # nor a next meeting
    assert m.next_meeting is None
    assert m.chair is None and m.secretary is None


# ------------------------------------------------------------------ span invariant, all files

def all_files():
    files = sorted(p for p in CORPUS.iterdir() if p.is_file())
    if SHARED.is_dir():
        files += sorted(p for p in SHARED.glob("*/*") if p.name != "PROVENANCE.md")
    return files


@pytest.mark.parametrize("path", all_files(), ids=lambda p: p.name)
def test_every_span_quotes_what_it_names(path):
    # Read as a user's file is (PDF, HTML, damaged text), parsed from its normalised view: the
    # view is the text offset for offset, metadata blanked and damaged letters repaired.
    loaded = minutes_text(path)
    doc = normalise(loaded)
    assert len(doc.view) == len(doc.text) == len(loaded)
    text = doc.view
    m = parse_meeting(text, path.name, doc.fields)
    assert m.date is not None
    if m.title_span:  # a title from the metadata is quoted from the text, where it stands
        quoted = doc.text if any(s <= m.title_span[0] < e for s, e in doc.hidden) else text
        assert joined_title(quoted[slice(*m.title_span)]) == m.title
    if m.date_span:
        assert m.date_origin in ("text", "metadata")
        from index.dates import parse_date
        dated = doc.text if m.date_origin == "metadata" else text
        assert parse_date(dated[slice(*m.date_span)]).isoformat() == m.date
    for p in m.attendees + m.invited + m.absent + [x for x in (m.chair, m.secretary) if x]:
        quoted = text[slice(*p.span)]
        assert quoted == quoted.strip() and quoted
        # the name is in the entry (the stray-comma case joins two comma-separated words)
        assert all(w in quoted for w in p.name.split()), (p, quoted)
        if p.detail and "\\" not in quoted:
            assert p.detail in quoted
    if m.attendees:
        block = text[slice(*m.attendees_span)]
        for p in m.attendees:
            assert m.attendees_span[0] <= p.span[0] and p.span[1] <= m.attendees_span[1]
        assert block == block.strip()
    if m.next_meeting:
        nm = m.next_meeting
        assert text[slice(*nm.span)] == nm.quote and nm.quote.strip() == nm.quote
        assert len(nm.quote) <= 300
        assert (nm.date is None) == nm.vague


# ------------------------------------------------------------------ lithekod (Markdown)

@pytest.mark.parametrize("rel, date, n_invited, n_present", [
    ("lithekod-sv/2016-03-24-styrelsemote.md", "2016-03-24", 5, 5),
    ("lithekod-sv/2017-11-13-styrelsemote.md", "2017-11-13", 5, 4),
    ("lithekod-sv/2019-09-04-styrelsemote.md", "2019-09-04", 6, 6),
    ("lithekod-sv/2020-01-22-styrelsemote.md", "2020-01-22", 7, 5),
    ("lithekod-sv/2020-11-12-styrelsemote.md", "2020-11-12", 8, 7),
    ("lithekod-sv/2021-05-13-styrelsemote.md", "2021-05-13", 11, 9),
    ("lithekod-sv/2021-07-08-styrelsemote.md", "2021-07-08", 7, 6),
])
def test_lithekod_lists(rel, date, n_invited, n_present):
    text, m = shared(rel)
    assert m.date == date and m.date_origin == "text"
    assert len(m.invited) == n_invited and len(m.attendees) == n_present
    assert text[slice(*m.attendees_span)].startswith(("## Närvarande", "##Närvarande"))


def test_lithekod_kallade_vs_narvarande():
    _, m = shared("lithekod-sv/2019-09-04-styrelsemote.md")
    invited = {p.name for p in m.invited}
    present = {p.name for p in m.attendees}
    assert "Edvard Thörnros" in invited and "Edvard Thörnros" not in present
    assert "Hugo Hörnquist" in present and "Hugo Hörnquist" not in invited
    assert m.title == "Mötesprotokoll"
    assert m.date_span and m.date == "2019-09-04"


def test_lithekod_missing_comma_splits_two_people():
    text, m = shared("lithekod-sv/2016-03-24-styrelsemote.md")
    names = [p.name for p in m.attendees]
    assert names[-2:] == ["Dennis Lundberg", "Amanda Brodell"]
    assert all(len(n.split()) <= 3 for n in names)
    assert text[slice(*m.attendees[-1].span)] == "Amanda Brodell"


def test_lithekod_placeholder_date_falls_back_to_filename():
    _, m = shared("lithekod-sv/2016-11-15-styrelsemote.md")  # "##{DATUM}"
    assert m.date == "2016-11-15" and m.date_origin == "filename" and m.date_span is None


@pytest.mark.parametrize("rel, date, vague, relative", [
    ("lithekod-sv/2019-09-04-styrelsemote.md", "2019-09-11", False, False),  # "(Onsdag 11:e september ...)"
    ("lithekod-sv/2018-09-25-styrelsemote.md", "2018-10-02", False, True),  # "Tisdag nästa vecka."
    ("lithekod-sv/2019-04-01-styrelsemote.md", "2019-04-08", False, True),  # "Måndag nästa vecka."
    ("lithekod-sv/2020-11-12-styrelsemote.md", "2020-11-19", False, True),  # "Nästa vecka"
    ("lithekod-sv/2020-01-22-styrelsemote.md", "2020-01-29", False, False),
    ("lithekod-sv/2021-07-08-styrelsemote.md", None, True, False),  # "Om två-tre veckor."
    ("lithekod-sv/2018-06-08-styrelsemote.md", None, True, False),  # "22a eller 23e."
])
def test_lithekod_next_meeting(rel, date, vague, relative):
    _, m = shared(rel)
    nm = m.next_meeting
    assert nm is not None
    assert (nm.date, nm.vague, nm.relative) == (date, vague, relative)


def test_lithekod_next_meeting_quote():
    _, m = shared("lithekod-sv/2019-09-04-styrelsemote.md")
    assert m.next_meeting.quote == "Samma tid nästa vecka. (Onsdag 11:e september 12:15-13:00)"
    _, m = shared("lithekod-sv/2021-07-08-styrelsemote.md")
    assert m.next_meeting.quote == "Om två-tre veckor. Inte nödvändigt att det är torsdag."


def test_lithekod_latex_stormote():
    text, m = shared("lithekod-sv/2020-11-24-stormote.tex")
    assert m.date == "2020-11-24" and text[slice(*m.date_span)] == "2020--11--24"
    assert m.title == "LiTHe kod höstmöte 2020"
    assert m.chair.name == "Edvard" and m.secretary.name == "Gustav"  # "X utses till mötes..."
    assert m.attendees == []


# ------------------------------------------------------------------ dvd-goteborg (LaTeX)

def test_dvd_fortroendevalda_and_vacancies():
    text, m = shared("dvd-goteborg-sv/2022-02-09-styrelsemote.tex")
    assert m.date == "2022-02-09" and m.title == "Styrelsemöte 2"
    assert people(m.attendees) == [("Samuel Hammersberg", "Ordförande"), ("Morgan Thowsen", "Kassör"),
                                   ("Sebastian Selander", "Sekreterare"), ("Tekla Siesjö", "SAMO")]
    assert text[slice(*m.attendees[0].span)] == "\\förtroendevald{Ordförande}{Samuel Hammersberg}{Ja}"
    assert m.chair.name == "Samuel Hammersberg" and m.secretary.name == "Sebastian Selander"
    assert text[slice(*m.attendees_span)].startswith("\\textbf{Styrelsemedlemmar:}")
    assert m.next_meeting.date == "2022-03-02" and m.next_meeting.quote == "Preliminärt andra mars."


def test_dvd_absent_and_members():
    _, m = shared("dvd-goteborg-sv/2023-08-15-styrelsemote.tex")
    assert [p.name for p in m.attendees] == ["Samuel Otterhäll", "Lukas Gartman", "William Bodin"]
    assert [p.name for p in m.absent] == ["Tekla Siesjö"]  # {Nej}; "Vakant" is nobody
    assert m.secretary.name == "Lukas Gartman"  # "Lukas Gartman väljs till mötessekreterare"
    assert m.next_meeting.vague and m.next_meeting.date is None  # "31:a 10:00": no month


def test_dvd_divisionsstamma_members():
    _, m = shared("dvd-goteborg-sv/2022-11-24-divisionsstamma.tex")
    assert len(m.attendees) == 4 + 11
    names = [p.name for p in m.attendees]
    assert "Alva Johansson" in names and "Lukas Gartman" in names
    assert not any("Vakant" in n for n in names)


def test_dvd_commented_out_members_ignored():
    _, m = shared("dvd-goteborg-sv/2024-03-04-styrelsemote.tex")  # "%\medlem{Ingen}"
    assert len(m.attendees) == 5
    assert ("Lukas Gartman", "Kassör") in people(m.attendees)  # "{Ja på länk}" is present


@pytest.mark.parametrize("rel, date, vague", [
    ("dvd-goteborg-sv/2021-10-11-styrelsemote.tex", None, True),  # "bestämms i framtiden"
    ("dvd-goteborg-sv/2021-11-01-styrelsemote.tex", "2021-11-12", False),
    ("dvd-goteborg-sv/2022-03-22-styrelsemote.tex", "2022-04-07", False),
    ("dvd-goteborg-sv/2022-05-10-styrelsemote.tex", None, True),  # two alternative dates
    ("dvd-goteborg-sv/2022-05-26-styrelsemote.tex", None, True),  # "Efter sommaren"
    ("dvd-goteborg-sv/2023-01-31-styrelsemote.tex", "2023-02-07", False),  # "den 7/2"
    ("dvd-goteborg-sv/2024-03-21-styrelsemote.tex", "2024-03-25", False),
])
def test_dvd_next_meeting(rel, date, vague):
    _, m = shared(rel)
    assert (m.next_meeting.date, m.next_meeting.vague) == (date, vague)


def test_dvd_markdown_file():
    _, m = shared("dvd-goteborg-sv/2023-02-07-styrelsemote.md")
    assert m.date == "2023-02-07" and m.title == "Möte 2023-02-07"
    assert m.attendees == [] and m.next_meeting is None


# ------------------------------------------------------------------ nodejs TSC (English)

@pytest.mark.parametrize("rel, date, n_present", [
    ("nodejs-tsc-en/2015-06-17-tsc-meeting.md", "2015-06-17", 15),
    ("nodejs-tsc-en/2016-08-25-tsc-meeting.md", "2016-08-25", 11),
    ("nodejs-tsc-en/2019-10-16-tsc-meeting.md", "2019-10-16", 13),
    ("nodejs-tsc-en/2023-08-02-tsc-meeting.md", "2023-08-02", 17),
    ("nodejs-tsc-en/2025-05-07-tsc-meeting.md", "2025-05-07", 15),
])
def test_node_present(rel, date, n_present):
    _, m = shared(rel)
    assert m.date == date and m.language == "en" and len(m.attendees) == n_present


def test_node_entry_format():
    text, m = shared("nodejs-tsc-en/2019-10-16-tsc-meeting.md")
    a = m.attendees[0]
    assert (a.name, a.detail) == ("Anatoli Papirovski", "TSC")
    assert text[slice(*a.span)] == "Anatoli Papirovski @apapirovski (TSC)"
    assert ("Сковорода Никита Андреевич", "TSC") in people(m.attendees)
    assert m.title == "Node.js Foundation Technical Steering Committee (TSC) Meeting 2019-10-16"
    _, m = shared("nodejs-tsc-en/2025-05-07-tsc-meeting.md")
    assert ("Robin Ginn", "Guest - private session") in people(m.attendees)
    assert ("Antoine du Hamel", "voting member") in people(m.attendees)


def test_node_regrets_are_absent():
    _, m = shared("nodejs-tsc-en/2015-02-19-nodejs-core-team-meeting.md")
    assert len(m.attendees) == 9
    assert [p.name for p in m.absent] == ["James Snell", "Robert Kowalski"]
    assert m.next_meeting.date == "2015-02-26"


def test_node_next_meeting_section_wins():
    _, m = shared("nodejs-tsc-en/2017-06-01-tsc-meeting.md")
    assert m.next_meeting.date == "2017-06-15"
    assert m.next_meeting.quote.startswith("Next meeting: 2017-06-15")
    _, m = shared("nodejs-tsc-en/2015-06-17-tsc-meeting.md")
    assert (m.next_meeting.date, m.next_meeting.quote) == ("2015-06-24", "Next week, 2015-06-24")
    _, m = shared("nodejs-tsc-en/2022-03-10-tsc-meeting.md")  # only a calendar link
    assert m.next_meeting.vague and m.next_meeting.date is None


# ------------------------------------------------------------------ synthetic formats

def test_inline_present_line_and_labels():
    text = ("Protokoll styrelsemöte 2023-03-01\n\nNärvarande: Anna Svensson, Erik Berg, Lisa Ek\n"
            "Frånvarande: Olle Holm\nOrdförande: Anna Svensson\nSekreterare: Lisa Ek\n\n"
            "§ 1 Mötets öppnande\n\nMötet öppnades.\n\nNästa möte: om två veckor.\n")
    m = parse_meeting(text, "x.txt")
    assert [p.name for p in m.attendees] == ["Anna Svensson", "Erik Berg", "Lisa Ek"]
    assert [p.name for p in m.absent] == ["Olle Holm"]
    assert m.chair.name == "Anna Svensson" and m.secretary.name == "Lisa Ek"
    assert (m.next_meeting.date, m.next_meeting.relative) == ("2023-03-15", True)


def test_english_present_section_with_dash_and_role():
    text = ("# Board meeting\n\nDate: 22 June 2017\n\n## Present\n\n- Jane Doe – Acme Corp\n"
            "- John Smith (chair)\n- Mary Major, treasurer\n\n## Absent\n\n- Bob Stone\n\n"
            "## Notes\n\nThe next meeting will be on July 6.\n")
    m = parse_meeting(text, "board.md")
    assert m.date == "2017-06-22" and m.language == "en"
    assert people(m.attendees) == [("Jane Doe", "Acme Corp"), ("John Smith", "chair"),
                                   ("Mary Major", "treasurer")]
    assert [p.name for p in m.absent] == ["Bob Stone"]
    assert m.chair.name == "John Smith"
    assert m.next_meeting.date == "2017-07-06"


def test_opener_is_chair_when_nothing_better():
    text = "Styrelsemöte 2022-01-10\n\nMötet öppnas kl 12.00 av Kalle Anka.\n"
    m = parse_meeting(text, "x.txt")
    assert m.chair.name == "Kalle Anka"


def test_vague_words():
    for phrase in ("Nästa möte: TBD", "Nästa möte bestäms senare.", "Nästa möte efter sommaren."):
        m = parse_meeting(f"Möte 2022-05-01\n\n{phrase}\n", "x.txt")
        assert m.next_meeting.vague and m.next_meeting.date is None, phrase


def test_next_meeting_year_roll_with_filename_date():
    m = parse_meeting("Anteckningar\n\nNästa möte hålls den 15 januari.\n", "2021-12-01-x.txt")
    assert m.date_origin == "filename" and m.next_meeting.date == "2022-01-15"


@pytest.mark.parametrize("text", ["", "   \n\n", "\x00\x01garbage", "# \n##\n- \n1.", "\\title{", "Närvarande:\n,,,"])
def test_never_raises(text):
    m = parse_meeting(text, "odd-2020-01-01.txt")
    assert m.source == "odd-2020-01-01.txt" and m.date == "2020-01-01"
