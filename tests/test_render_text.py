from bot.answer import Answer, Passage
from bot.render_text import render_text


def test_render_lists_passages_and_highlight():
    a = Answer(question="q", answer="According to the minutes: “Budget approved.”", found=True,
               passages=[Passage(source="a.md", meeting_date="2023-05-02", title="Board", quote="## Budget\nBudget approved.",
                                 highlight="Budget approved.")])
    out = render_text(a)
    assert out.startswith("According to the minutes")
    assert "[1] a.md · Board · 2023-05-02" in out and "  > Budget approved." in out and "  * Budget approved." in out


def test_render_without_passages():
    out = render_text(Answer(question="", answer="Ask a question about the minutes.", found=False, intent="offtopic"))
    assert out == "Ask a question about the minutes.\n"


def test_two_line_title_is_one_line_in_the_source_line():
    a = Answer(question="q", answer="x", found=True,
               passages=[Passage(source="a.txt", meeting_date="2023-03-03", title="Mötesprotokoll\nFöreningen X",
                                 quote="Mötesprotokoll\nFöreningen X")])
    out = render_text(a)
    assert "[1] a.txt · Mötesprotokoll Föreningen X · 2023-03-03" in out
    assert "  > Mötesprotokoll\n  > Föreningen X" in out  # the quote keeps its lines


def test_highlight_with_emphasis_is_shown_as_is():
    q = "* **Apologies:** Hannah Cole\n* **Present:** Alice Smith"
    a = Answer(question="q", answer="x", found=True,
               passages=[Passage(source="a.md", quote=q, highlight="**Apologies:** Hannah Cole")])
    assert "  * **Apologies:** Hannah Cole\n" in render_text(a)
