from bot.answer import Answer, Passage
from bot.render_text import render_text


def test_render_lists_passages_and_highlight():
    a = Answer(question="q", answer="According to the minutes: “Budget approved.”", found=True,
               passages=[Passage(source="a.md", meeting_date="2023-05-02", title="Board", quote="## Budget\nBudget approved.",
                                 highlight="Budget approved.")])
    out = render_text(a)
    assert out.startswith("According to the minutes")
    assert "[1] a.md · Board · 2023-05-02" in out and "  > Budget approved." in out
    assert "  > Budget\n" in out  # the Markdown heading as a line of its own, without its #
    # The answer's text already quotes the sentence that answers: no bare "* …" line repeats it.
    assert "Budget approved." not in out.split("  > Budget approved.")[1] and "  * " not in out


def test_the_sentence_that_answers_is_labelled_when_it_adds_something():
    quote = "Budget 2024 was discussed at length. The board approved the budget. Anna will publish it."
    a = Answer(question="q", answer="The minutes say something about the budget.", found=True, language="en",
               passages=[Passage(source="a.txt", quote=quote, highlight="The board approved the budget.")])
    assert render_text(a).rstrip().splitlines()[-1] == "  → answers: The board approved the budget."
    sv = a.model_copy(update={"language": "sv"})
    assert render_text(sv).rstrip().splitlines()[-1] == "  → svarar: The board approved the budget."
    whole = a.model_copy(update={"passages": [Passage(source="a.txt", quote="- The board approved the budget.",
                                                      highlight="The board approved the budget.")]})
    assert "→" not in render_text(whole)  # the passage is that sentence alone


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


def test_markdown_quote_and_highlight_are_shown_as_text():
    q = "* **Apologies:** Hannah Cole\n* **Present:** Alice Smith"
    a = Answer(question="q", answer="x", found=True,
               passages=[Passage(source="a.md", quote=q, highlight="**Apologies:** Hannah Cole")])
    out = render_text(a)
    assert "  > • Apologies: Hannah Cole\n  > • Present: Alice Smith\n" in out
    assert "  → answers: Apologies: Hannah Cole\n" in out and "**" not in out
    assert "  > • \x1b[1mApologies:\x1b[0m Hannah Cole" in render_text(a, ansi=True)
