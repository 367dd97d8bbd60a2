from __future__ import annotations

from pathlib import Path

import pytest

from index.chunk import chunk_document
from index.normalise import normalise
from index.parse import parse_meeting
from tests.helpers import minutes_text

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def files():
    out = sorted(p for p in CORPUS.iterdir() if p.is_file())
    if SHARED.is_dir():
        out += sorted(p for p in SHARED.glob("*/*") if p.name != "PROVENANCE.md")
    return out


def chunks_of(path: Path, **kw):
    """Chunks of a file read as a user's is: through the loaders and the normalised view."""
    doc = normalise(minutes_text(path))
    m = parse_meeting(doc.view, path.name, doc.fields)
    return doc.text, m, chunk_document(doc.view, m, source_text=doc.text, hidden=doc.hidden, **kw)


@pytest.mark.parametrize("path", files(), ids=lambda p: p.name)
def test_chunks_are_exact_slices_within_the_word_cap(path):
    text, m, cs = chunks_of(path)
    assert cs
    for n, c in enumerate(cs):
        assert c.text == text[c.start:c.end] and c.text == c.text.strip()
        assert len(c.text.split()) <= 90
        assert c.id == f"{path.name}#{n}" and c.source == path.name
        assert c.meeting_date == m.date and c.title == m.title
    starts = [c.start for c in cs]
    assert starts == sorted(starts) and all(a.end <= b.start for a, b in zip(cs, cs[1:]))


def test_samverkan_sections_and_attendee_list():
    text, m, cs = chunks_of(CORPUS / "2021-11-10-samverkansgruppen-halsa-life-science.txt")
    sections = [c.section for c in cs]
    assert "1 Mötets öppnande och inledning" in sections and "5 Avslutning" in sections
    closing = next(c for c in cs if c.section == "5 Avslutning")
    assert closing.text.startswith("5 Avslutning") and "4 februari" in closing.text
    # the 31-person list is split across chunks, at entry boundaries, all under "Deltagare"
    att = [c for c in cs if c.section == "Deltagare"]
    assert len(att) >= 2
    joined = " ".join(c.text for c in att)
    for p in m.attendees:
        assert text[p.span[0]:p.span[1]] in joined
    for c in att[1:]:
        assert c.text[0].isdigit()  # starts at an entry, not mid-line
    # the discussion questions stay together with their lead-in
    q = next(c for c in cs if "Gruppdiskussioner genomfördes" in c.text)
    assert "Vad kommer vara viktigt framåt" in q.text


def test_ikem_plain_headings():
    _, _, cs = chunks_of(CORPUS / "2015-02-04-ikem-planeringsmote.txt")
    sections = {c.section for c in cs}
    assert {"Bakgrund", "Syfte", "Kapital", "Samverkan", "Life Science Kalender 2015"} <= sections
    nar = [c for c in cs if "Anna Nilsson- Ledarna" in c.text]
    assert len(nar) == 1 and "Per Hamid Ghatan- Karolinska Institutet" in nar[0].text


def test_markdown_and_latex_sections():
    if not SHARED.is_dir():
        pytest.skip("../shared/corpora is not beside this checkout")
    _, _, cs = chunks_of(SHARED / "lithekod-sv" / "2019-09-04-styrelsemote.md")
    nxt = next(c for c in cs if c.section == "Nästa möte")
    assert nxt.text.startswith("## Nästa möte") and "11:e september" in nxt.text
    assert cs[0].section == "Mötesprotokoll"
    _, _, cs = chunks_of(SHARED / "dvd-goteborg-sv" / "2022-02-09-styrelsemote.tex")
    assert not any("\\documentclass" in c.text for c in cs)  # preamble skipped
    assert any(c.section == "Nästa möte" and "andra mars" in c.text for c in cs)


def test_long_paragraph_split_at_sentences_and_hard_cap():
    sent = "Detta är en mening med exakt tio ord i sig. "
    text = "# Rubrik\n\n" + sent * 30 + "\n\n" + " ".join(["ord"] * 250) + "\n"
    m = parse_meeting(text, "long.md")
    cs = chunk_document(text, m, max_words=40)
    assert all(len(c.text.split()) <= 40 for c in cs)
    assert all(c.text == text[c.start:c.end] for c in cs)
    prose = [c for c in cs if "mening" in c.text]
    assert all(c.text.endswith("i sig.") for c in prose)  # cut between sentences
    covered = sum(len(c.text.split()) for c in cs)
    assert covered == len(text.split())  # nothing lost


def test_small_pieces_merge_within_section_not_across():
    text = "## A\n\nEtt.\n\nTvå.\n\n## B\n\nTre.\n"
    m = parse_meeting(text, "s.md")
    cs = chunk_document(text, m)
    assert [(c.section, c.text) for c in cs] == [("A", "## A\n\nEtt.\n\nTvå."), ("B", "## B\n\nTre.")]


def test_text_before_first_heading_has_no_section():
    text = "Inledande rad utan rubrik här.\n\n# Rubrik\n\nText.\n"
    cs = chunk_document(text, parse_meeting(text, "p.md"))
    assert cs[0].section is None and cs[0].text == "Inledande rad utan rubrik här."


def test_empty_document():
    assert chunk_document("", parse_meeting("", "e.txt")) == []
