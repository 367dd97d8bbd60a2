"""Register rows as people read them: `text`/`task` without LaTeX or Markdown (the verbatim
`quote` keeps its offsets), decisions marked `business` or `formality` (`--business`), and
personal data masked wherever a person reads output (terminal answers, register lines) unless
MINUTES_REDACT=off; every `--json` stays verbatim."""
from __future__ import annotations

import json

import pytest

from index.models import Decision
from index.records.formality import decision_kind
from tests.helpers import run_cli as run

LATEX = r"""\documentclass[protokoll]{dvd}
\begin{document}
\title{Styrelsemöte 5}
\date{2024-03-05}

\section{Formalia}
\subsection{Mötets öppnande}
\subsubsection*{Beslut}
\begin{attsatser}
    \item mötet förklaras öppnat
\end{attsatser}
\subsection{Styrelsens beslutbarhet}
\subsubsection*{Beslut}
\begin{attsatser}
    \item styrelsen är därmed beslutbar
\end{attsatser}
\subsection{Val av protokolljusterare}
\subsubsection*{Beslut}
\begin{attsatser}
    \item Kim Sand väljs till protokolljusterare
\end{attsatser}

\section{Beslutsärenden}
\subsection{Fullmakt för banken}
\subsubsection*{Beslut}
\begin{attsatser}
    \item Maja Lund (850101-1234) och Olle Nord tecknar firman \textbf{var för sig}\newline från 1 april
\end{attsatser}
\end{document}
"""
MARKDOWN = """# Styrelsemöte 2024-03-19

Närvarande: Maja Lund, Olle Nord, Kim Sand

## 1. Godkännande av dagordningen

Beslut: Dagordningen godkänns.

## 2. Lokal

Beslut: Styrelsen hyr **stora salen** för årsmötet.

- Olle Nord ska boka lokalen via **lokal@example.org** eller 070-123 45 67 senast 1 april.
"""
TEX, MD = "2024-03-05-styrelsemote.tex", "2024-03-19-styrelsemote.md"


@pytest.fixture
def env(cli_env, capsys):
    (cli_env / TEX).write_text(LATEX, encoding="utf-8")
    (cli_env / MD).write_text(MARKDOWN, encoding="utf-8")
    assert run(capsys, "index")[0] == 0
    return cli_env


def _rows(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_decision_rows_are_text_for_people_and_quotes_stay_verbatim(env, capsys):
    rows = {r["source"]: r for r in _rows(run(capsys, "decisions", "--json", "--since", "2024-03-05")[1])
            if r["kind"] == "business"}
    tex, md = rows[TEX], rows[MD]
    assert tex["text"] == "Maja Lund (850101-1234) och Olle Nord tecknar firman var för sig från 1 april"
    assert tex["quote"] == r"Maja Lund (850101-1234) och Olle Nord tecknar firman \textbf{var för sig}\newline från 1 april"
    assert LATEX[tex["start"]:tex["end"]] == tex["quote"]  # --json verbatim: no masking either
    assert md["text"] == "Styrelsen hyr stora salen för årsmötet" and "**stora salen**" in md["quote"]
    assert MARKDOWN[md["start"]:md["end"]] == md["quote"]


def test_action_task_is_text_for_people(env, capsys):
    [row] = [r for r in _rows(run(capsys, "actions", "--json", "--today", "2024-03-20")[1]) if r["source"] == MD]
    assert row["task"] == "boka lokalen via lokal@example.org eller 070-123 45 67 senast 1 april"
    assert MARKDOWN[row["start"]:row["end"]] == row["quote"] and "**lokal@example.org**" in row["quote"]


def test_formalities_and_business(env, capsys):
    rows = _rows(run(capsys, "decisions", "--json", "--since", "2024-03-05")[1])
    kinds = {r["text"]: r["kind"] for r in rows}
    assert kinds == {
        "mötet förklaras öppnat": "formality", "styrelsen är därmed beslutbar": "formality",
        "Kim Sand väljs till protokolljusterare": "formality", "Dagordningen godkänns": "formality",
        "Styrelsen hyr stora salen för årsmötet": "business",
        "Maja Lund (850101-1234) och Olle Nord tecknar firman var för sig från 1 april": "business",
    }
    business = _rows(run(capsys, "decisions", "--json", "--since", "2024-03-05", "--business")[1])
    assert [r["text"] for r in business] == [r["text"] for r in rows if r["kind"] == "business"]
    code, out, _ = run(capsys, "decisions", "--business", "--since", "2024-03-05")
    assert code == 0 and len(out.splitlines()) == 2 and "protokolljusterare" not in out


@pytest.mark.parametrize("text,item,kind", [
    ("a quorum was present", None, "formality"),
    ("The agenda was adopted as circulated", None, "formality"),
    ("the minutes of the previous meeting were approved", None, "formality"),
    ("The meeting was adjourned at 21:10", None, "formality"),
    ("Anna Berg och Erik Ek utses till justeringspersoner", None, "formality"),
    ("välja Eva Ek till ordförande och Per Ås till sekreterare för årsmötet", None, "formality"),
    ("Erik Ek väljs till ordförande för föreningen", None, "business"),  # the association's chair
    ("att justera budgeten med 5 000 kr", None, "business"),  # "justera" is no adjuster
    ("lägga till länkar på hemsidan", None, "business"),
    ("Förslaget bifalles", "Val av justerare", "formality"),
    ("Förslaget bifalles", "Budget 2025", "business"),
])
def test_decision_kind(text, item, kind):
    assert decision_kind(Decision(text=text, text_span=(0, len(text)), span=(0, len(text)), item=item)) == kind


def test_registers_mask_personal_data_for_people_not_for_scripts(env, capsys, monkeypatch):
    out = run(capsys, "decisions", "--since", "2024-03-05")[1]
    assert "850101-1234" not in out and "Maja Lund ([personnummer]) och Olle Nord" in out
    out = run(capsys, "actions", "--today", "2024-03-20")[1]
    assert "lokal@example.org" not in out and "via [e-post] eller [telefon] senast" in out
    assert "850101-1234" in run(capsys, "decisions", "--json", "--since", "2024-03-05")[1]
    monkeypatch.setenv("MINUTES_REDACT", "off")
    assert "Maja Lund (850101-1234)" in run(capsys, "decisions", "--since", "2024-03-05")[1]
    assert "lokal@example.org eller 070-123 45 67" in run(capsys, "actions", "--today", "2024-03-20")[1]


def test_terminal_answers_mask_personal_data_json_stays_verbatim(env, capsys, monkeypatch):
    question = "vem tecknar firman?"
    out = run(capsys, "ask", question)[1]
    assert "850101-1234" not in out and "[personnummer]" in out
    assert "850101-1234" in run(capsys, "ask", "--json", question)[1]
    monkeypatch.setenv("MINUTES_REDACT", "off")
    assert "850101-1234" in run(capsys, "ask", question)[1]
