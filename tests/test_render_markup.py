"""LaTeX and Markdown quotes shown as text (bot.render_markup), and the JSON keeping quotes verbatim."""
from __future__ import annotations

import re

from bot.answer import Answer, Passage
from bot.render_markup import BOLD_OFF, BOLD_ON, marked, plain, render, render_inline, render_sentence

LATEX = r"""\section{Formalia}
% \textbf{Övriga medlemmar:}
\subsection{Styrelsens beslutbarhet}
\blockquote[7 kap. 5 \S~första stycket i stadgan][]{%
    Styrelsen är beslutsmässig.
}
\subsubsection*{Beslut}
\begin{attsatser}
    \item Styrelsen är beslutbar enligt 7 kap. 5 \S{} -- se stadgan.
    \item[a)] \textbf{Tekla Siesjö} väljs till justerare % sa ordföranden
\end{attsatser}
\newpage
\textbf{Datum:} \csname @date\endcsname\\
\textbf{Tid:} 15:15\\
\förtroendevald{Kassör}{Morgan Thowsen}{Ja}
"""

RAW = re.compile(r"\\[A-Za-z]|[{}%]|\*\*|^#", re.M)


def test_latex_becomes_text():
    out = marked(render(LATEX, "m.tex"), "*", "*")
    assert out.splitlines() == [
        "*Formalia*", "", "*Styrelsens beslutbarhet*", "", "Styrelsen är beslutsmässig.", "", "*Beslut*", "",
        "• Styrelsen är beslutbar enligt 7 kap. 5 § – se stadgan.",
        "• a) *Tekla Siesjö* väljs till justerare", "",
        "*Datum:*", "*Tid:* 15:15", "Kassör, Morgan Thowsen, Ja"]
    assert "Övriga" not in out and "sa ordföranden" not in out  # comments dropped


def test_markdown_becomes_text():
    md = "## Beslut\n- **Budgeten** godkänns\n  - med *tillägg*\n---\n<!-- intern -->\n#Nästa möte\nSe [kalendern](http://x)"
    out = marked(render(md, "m.md"), "*", "*")
    assert out.splitlines() == ["*Beslut*", "• *Budgeten* godkänns", " • med _tillägg_", "", "*Nästa möte*", "Se kalendern"]


def test_other_formats_and_cut_quotes():
    assert render("a -- b % c", "m.txt") == "a -- b % c"  # text files are shown as written
    # A quote may begin or end inside a command or a group: no exception, no raw markup.
    for cut in (r"bf{Datum:} text", r"\textbf{Dat", r"\item x \begin{itemi", "} y \\"):
        out = plain(render(cut, "m.tex"))
        assert not RAW.search(out), (cut, out)
    assert BOLD_ON not in plain(render(r"\section{X", "m.tex")) and BOLD_OFF not in plain(render("# X", "m.md"))


def test_slack_bold_never_has_inner_space_or_spans_lines():
    out = marked(BOLD_ON + " Beslut \nnästa" + BOLD_OFF, "*", "*")
    assert out == " *Beslut* \nnästa"


def test_sentence_quotes_rendered_by_the_first_passage_format():
    p = Passage(source="m.tex", quote=r"\item \textbf{Budgeten} godkänns")
    assert render_sentence("Enligt protokollet: “\\item \\textbf{Budgeten} godkänns”", [p]) == \
        f"Enligt protokollet: “{BOLD_ON}Budgeten{BOLD_OFF} godkänns”"
    assert render_inline("- a\n- b", "m.md") == "a b"


def test_json_keeps_quote_verbatim_with_offsets_and_adds_quote_text():
    a = Answer(question="q", answer="x", passages=[Passage(source="m.tex", quote=r"\item \S 3", start=10, end=20)])
    p = a.to_json_dict()["passages"][0]
    assert p["quote"] == r"\item \S 3" and (p["start"], p["end"]) == (10, 20) and p["quote_text"] == "• § 3"


def test_shared_latex_minutes_have_no_raw_markup(shared_corpora):
    for path in sorted((shared_corpora / "dvd-goteborg-sv").glob("*.tex")):
        out = plain(render(path.read_text(encoding="utf-8"), path.name))
        assert not RAW.search(out), (path.name, RAW.search(out).group())


def test_markdown_quote_cut_inside_bold_leaves_no_stray_markers():
    assert plain(render("godkänna** budgeten för 2025", "m.md")) == "godkänna budgeten för 2025"
    assert plain(render("Beslut: **godkänna", "m.md")) == "Beslut: godkänna"
    assert plain(render(r"fem \*\* stjärnor", "m.md")) == "fem ** stjärnor"  # escaped ones are text
    assert render("**Beslut:** ja", "m.md") == f"{BOLD_ON}Beslut:{BOLD_OFF} ja"
