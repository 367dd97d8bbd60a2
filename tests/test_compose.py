"""Answer frames and highlights: verbatim, no headings, no markup at the ends, no doubled quotes."""
from bot.compose import meeting_label, quoted, search_sentence, single_line
from bot.highlight import first_body_sentence, highlight, is_heading_line, trim_markup
from index.lexical import concept_for


def _trim(t: str) -> str:
    s, e = trim_markup(t, 0, len(t))
    return t[s:e]


def test_markup_is_trimmed_from_the_ends_only():
    assert _trim("* **Apologies:** Hannah Cole") == "**Apologies:** Hannah Cole"
    assert _trim("**Decision:** approved **") == "**Decision:** approved"  # a stray closing mark goes
    assert _trim("\\item Budget approved \\\\") == "Budget approved"
    assert _trim("## Budget") == "Budget"
    assert _trim("__init__ file") == "__init__ file"


def test_highlight_is_verbatim_and_without_bullet_markup():
    text = "## Attendance\n\n* **Apologies:** Hannah Cole\n* **Present:** Alice Smith"
    hl = highlight(text, [concept_for("apologies")], "en", section="Attendance")
    assert hl == "**Apologies:** Hannah Cole"


def test_highlight_never_starts_or_ends_inside_an_emphasis_pair():
    t = "* **Apologies:** Hannah Cole"
    s, e = trim_markup(t, t.index("Apologies"), len(t))  # "Apologies:** Hannah Cole"
    assert t[s:e] == "**Apologies:** Hannah Cole"
    t = "1. **Decision:** The budget was approved."
    assert t[slice(*trim_markup(t, t.index("Decision"), len(t)))] == "**Decision:** The budget was approved."
    assert t[slice(*trim_markup(t, t.index("The"), len(t)))] == "The budget was approved."
    t = "- __Beslut. Budgeten__ godkändes."
    assert t[slice(*trim_markup(t, 2, t.index(" Budgeten")))] == "__Beslut. Budgeten__"  # extended to the close
    assert t[slice(*trim_markup(t, t.index("Budgeten"), len(t)))] == "__Beslut. Budgeten__ godkändes."
    text = "## Budget\n\n* **Decision:** The budget for seeds was approved at 300 pounds.\n"
    hl = highlight(text, [concept_for("budget"), concept_for("seeds")], "en", section="Budget")
    assert hl == "**Decision:** The budget for seeds was approved at 300 pounds."
    assert search_sentence(hl, "the meeting of 2 May 2023", "en").endswith(
        "“**Decision:** The budget for seeds was approved at 300 pounds.”")


def test_a_heading_is_never_the_highlight():
    text = "## § 3 Trädgårdsdag\n\nTrädgårdsdagen hålls lördagen den 22 april. Alla ska delta."
    hl = highlight(text, [concept_for("trädgårdsdag")], "sv", section="§ 3 Trädgårdsdag")
    assert hl and hl.startswith("Trädgårdsdagen hålls")
    # only the heading matches: the body under it is quoted
    text = "Journalsystemet\n\nDet nya systemet har införts för alla lotter."
    hl = highlight(text, [concept_for("journalsystemet")], "sv", section="Journalsystemet")
    assert hl == "Det nya systemet har införts för alla lotter."
    assert first_body_sentence("Syfte\n\nMötet syftade till att identifiera områden.", "Syfte").startswith("Mötet")
    assert is_heading_line("4 Internationell utblick\n\nText.", 0, 10, "4 Internationell utblick")


def test_no_doubled_quote_marks():
    assert quoted("”The Valley of Death”. Måste bli hanterbart", "sv").count("”") == 2
    assert quoted("plain", "en") == "“plain”"
    assert "““" not in search_sentence("“Quoted” text", "the meeting of 1 May 2023", "en")


def test_quote_in_a_sentence_is_verbatim():
    # tabs and runs of spaces stay as written: the quote must be a substring of the minutes
    assert quoted("28/6-5/7\tAlmedalsveckan  Gotland ", "en") == "“28/6-5/7\tAlmedalsveckan  Gotland”"
    # several lines: one line of it, verbatim (the one with the most words), never re-joined
    assert quoted("Nästa möte:\n  efter sommaren, datum bestäms senare\n", "sv") == "”efter sommaren, datum bestäms senare”"
    assert quoted("one line\n\n", "en") == "“one line”"
    assert single_line("") == "" and single_line("a b\nc d") == "a b"


def test_undated_meeting_label():
    assert meeting_label("Styrelsemöte", None, "en") == "an undated meeting (Styrelsemöte)"
    assert meeting_label(None, None, "sv") == "ett odaterat möte"
    s = search_sentence("x", meeting_label("T", None, "en"), "en")
    assert "the meeting of an undated" not in s and "of an undated meeting (T)" in s


def test_two_line_title_is_one_line_in_labels():
    from bot.compose import short_title
    assert short_title("Mötesprotokoll\nFöreningen X") == "Mötesprotokoll Föreningen X"
    assert meeting_label("Mötesprotokoll\r\nFöreningen  X", "2023-03-03", "sv") == \
        "mötet 3 mars 2023 (Mötesprotokoll Föreningen X)"
    assert "\n" not in meeting_label("Meeting minutes\n" + "Acme Rowing Club " * 5, None, "en")
