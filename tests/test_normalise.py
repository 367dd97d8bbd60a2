"""Documents normalised before parsing (issue 17): metadata read as metadata, HTML read as what it
shows, damaged letters read as the words they were. Minutes are written inside the tests."""
from __future__ import annotations

import pytest

from index.build import parse_document
from index.errors import UnsupportedFormat
from index.html import html_text, looks_like_html
from index.loaders import load_document
from index.normalise import normalise

YAML = """---
title: Styrelsemöte mars
date: 2019-03-14 18:00:00+01:00
tags: [styrelse]
---

# Protokoll

Närvarande: Anna Berg, Erik Ek

## Beslut

Styrelsen beslutade att köpa en ny kaffebryggare.
"""

TOML = """+++
title = "Board meeting"
date = "2021-05-02"
+++

Present: Anna Berg, Erik Ek

The board decided to renew the lease.
"""

NIKOLA = """<!--
.. title: Styrelsemöte 2016-02-29
.. slug: styrelsemote-2016-02-29
.. date: 2016-03-02 20:15:00 UTC+01:00
-->

Närvarande: Anna Berg, Erik Ek

<!-- utkast: glöm inte bilagorna -->
Mötet beslutade att anta budgeten.
"""


def test_yaml_front_matter_is_metadata_not_content():
    doc = normalise(YAML)
    assert len(doc.view) == len(doc.text)
    assert "title" not in doc.view and "tags" not in doc.view and "---" not in doc.view
    assert doc.fields["title"].value == "Styrelsemöte mars"
    m, chunks = parse_document(YAML, "m.md")
    assert m.title == "Styrelsemöte mars" and YAML[slice(*m.title_span)] == "Styrelsemöte mars"
    assert m.date == "2019-03-14"
    assert [p.name for p in m.attendees] == ["Anna Berg", "Erik Ek"]
    for c in chunks:  # no chunk holds the front matter, every chunk is the text as written
        assert "tags:" not in c.text and "---" not in c.text and c.text == YAML[c.start:c.end]


def test_a_date_the_text_states_wins_over_the_metadata_date():
    text = YAML.replace("# Protokoll", "# Protokoll 12 mars 2019")
    m, _ = parse_document(text, "m.md")
    assert m.date == "2019-03-12" and m.date_origin == "text"


def test_toml_front_matter():
    m, chunks = parse_document(TOML, "2020-01-01-x.md")
    assert m.title == "Board meeting"
    assert m.date == "2021-05-02" and m.date_origin == "metadata"  # before the file name's date
    assert not any('title = "' in c.text for c in chunks)


def test_nikola_comment_header_and_hidden_comments():
    m, chunks = parse_document(NIKOLA, "x.md")
    assert m.title == "Styrelsemöte 2016-02-29"
    assert m.date == "2016-02-29"  # the title states it; the metadata date is when it was posted
    assert [p.name for p in m.attendees] == ["Anna Berg", "Erik Ek"]
    assert all("utkast" not in c.text and "slug" not in c.text for c in chunks)
    assert any("anta budgeten" in c.text for c in chunks)


def test_a_generic_metadata_title_leaves_the_heading():
    text = "---\ntitle: Minutes\n---\n\n# Styrelsemöte 4 april 2022\n\nNärvarande: Anna Berg\n"
    m, _ = parse_document(text, "x.md")
    assert m.title == "Styrelsemöte 4 april 2022"


def test_latex_is_not_read_for_html_comments():
    text = "\\documentclass{article}\n\\begin{document}\nA <!-- b --> c\n\\end{document}\n"
    assert normalise(text).view == text


def test_damaged_letters_are_read_as_the_words_they_were():
    text = ("PROTOKOLL\n\nN\ufffdrvarande:\n- Anna Berg, ordf\ufffdrande\n- Erik Ek, kass\ufffdr\n\n"
            "\ufffd 1 M\ufffdtets \ufffdppnande\n")
    doc = normalise(text)
    assert len(doc.view) == len(text)
    assert "Närvarande" in doc.view and "ordförande" in doc.view and "kassör" in doc.view
    assert "§ 1 Mötets öppnande" in doc.view
    m, chunks = parse_document(text, "2020-01-01.txt")
    assert [p.name for p in m.attendees] == ["Anna Berg", "Erik Ek"]
    assert all(c.text == text[c.start:c.end] for c in chunks)  # quotes stay verbatim


def test_a_word_the_document_writes_undamaged_decides_the_repair():
    text = "Styrelsen för Tönsgård.\nT\ufffdnsg\ufffdrd har en ny styrelse.\n"
    assert "Tönsgård har" in normalise(text).view


W3C = """<!DOCTYPE html><html><head><title>WG Telco</title><style>p {color: red}</style>
<script>var x = 1;</script></head><body>
<h1>Working Group Telco</h1><h2>18 September 2025</h2>
<nav><a href="#x">Contents</a></nav>
<div id=attendees><h2>Attendees</h2><dl class=intro>
<dt>Present</dt><dd>AnnaB, erik, Karl&nbsp;Larsen</dd>
<dt>Regrets</dt><dd>olle</dd>
<dt>Chair</dt><dd>AnnaB</dd>
</dl></div>
<section><h3>Topic one</h3>
<p><cite>AnnaB:</cite> first line<br>
<span>&hellip; second &amp; last line</span></p>
<ul><li>one</li><li>two</li></ul>
<table><tr><th>Who</th><th>What</th></tr><tr><td>erik</td><td>write the spec</td></tr></table>
</section></body></html>
"""


def test_html_is_read_with_its_structure():
    text = html_text(W3C)
    assert "var x" not in text and "color: red" not in text and "Contents" not in text
    assert "# Working Group Telco" in text and "## 18 September 2025" in text
    assert "Present: AnnaB, erik, Karl Larsen" in text and "Regrets: olle" in text
    assert "AnnaB: first line\n… second & last line" in text
    assert "- one\n- two" in text
    assert "Who | What" in text and "erik | write the spec" in text


def test_html_minutes_are_indexed_as_their_text():
    loaded = load_document(W3C.encode(), "2025-09-18-telco.html")
    assert loaded.read_as is None and "<dt>" not in loaded.text
    m, chunks = parse_document(loaded.text, "2025-09-18-telco.html")
    assert m.title == "Working Group Telco" and m.date == "2025-09-18"
    # "Present: AnnaB, erik, Karl Larsen": handles are people in a roll; "Regrets:" right after it
    assert [p.name for p in m.attendees] == ["AnnaB", "erik", "Karl Larsen"]
    assert [p.name for p in m.absent] == ["olle"]
    assert m.chair is not None and m.chair.name == "AnnaB"
    assert all(c.text == loaded.text[c.start:c.end] for c in chunks)


def test_markdown_that_is_html_inside_is_read_as_html_with_a_note():
    md = ("---\ntitle: Årsmöte 2007\n---\n<h1>ÅRSMÖTESPROTOKOLL</h1>\n<strong>Datum:</strong> 2007-07-11\n"
          "<strong>Närvarande</strong>:\n<ul>\n <li>Anna Berg, ordförande</li>\n <li>Erik Ek, kassör</li>\n</ul>\n"
          "<strong>Inledning</strong>\nOrdföranden hälsade alla välkomna.\n")
    assert looks_like_html(md)
    loaded = load_document(md.encode(), "2007-07-11-arsmote.md")
    assert loaded.read_as == "html" and "HTML" in loaded.note
    m, _ = parse_document(loaded.text, "2007-07-11-arsmote.md")
    assert m.title == "Årsmöte 2007" and m.date == "2007-07-11"
    assert [p.name for p in m.attendees] == ["Anna Berg", "Erik Ek"]


def test_markdown_mentioning_a_tag_stays_markdown():
    md = "# Möte\n\nVi diskuterade om <br> ska användas i mallen.\n\nNärvarande: Anna Berg\n"
    assert not looks_like_html(md)
    assert load_document(md.encode(), "x.md").text == md


def test_unsupported_type_names_the_html_types():
    with pytest.raises(UnsupportedFormat, match=r"\.html"):
        load_document(b"x", "notes.odt")
