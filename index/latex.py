"""People in LaTeX minutes written as rows of a macro: ``\\förtroendevald{Kassör}{Anna Berg}{Ja}``,
``\\medlem{Erik Ek}``, ``\\ledamot{Anna Berg}{närvarande}`` — a document class's own roll.

No macro name is known in advance. A line that is one call of a macro with brace arguments is a
*row*; a document's rows of one macro are read like a table, column by column: the name column
is the argument that holds a person's name (two or more capitalised words) in most rows, the
presence column the one whose cells start with a presence word ("Ja", "Nej", "present";
index/vocab PRESENT_WORDS / ABSENT_WORDS), the role column a remaining short one ("Kassör").
Standard LaTeX commands (``\\author``, ``\\section``, ``\\textbf`` …) are never rows. The
organisation profile may name a macro's arguments (``[latex.macros]``, index/profile.py); then
that macro is read that way, whatever its rows look like."""
from __future__ import annotations

import re

from index.models import Person
from index.people import looks_like_name
from index.sections import _commented
from index.vocab import ABSENT_WORDS, PRESENT_WORDS

_ARG = r"\{((?:[^{}]|\{[^{}]*\})*)\}"
# A row: a line holding one macro call with one to six brace arguments (and maybe "\\" or a comment).
_ROW = re.compile(r"""(?mx)
    ^[ \t]*\\(?P<macro>[^\W\d_]+)               # \förtroendevald, \medlem (letters of any alphabet)
    (?P<args>(?:[ \t]*\{(?:[^{}\n]|\{[^{}\n]*\})*\}){1,6})   # {Kassör}{Anna Berg}{Ja}
    [ \t]*(?:\\\\)?[ \t]*(?:%.*)?$               # a line break or a comment may end it
""")
_ONE_ARG = re.compile(_ARG)
# Commands of LaTeX itself and its common packages: their arguments are titles, text or layout,
# never a roll ("\author{Anna Berg}" names who wrote the file, not who came).
STANDARD = frozenset("""
author title subtitle date section subsection subsubsection paragraph subparagraph chapter part
textbf textit emph underline textsc texttt textrm textsf textsl mbox text hbox vbox href url
label ref cite footnote caption item begin end input include usepackage documentclass newcommand
renewcommand setlength vspace hspace includegraphics KOMAoptions maketitle tableofcontents
signature signatures thanks large Large huge small footnotesize centering newpage
""".split())
_VACANT = {"vakant", "vacant", "", "-", "ingen", "none"}
_WORDS = lambda words: "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))  # noqa: E731
_PRESENT = re.compile(rf"(?i)^(?:{_WORDS(PRESENT_WORDS)})(?!\w)")
_ABSENT = re.compile(rf"(?i)^(?:{_WORDS(ABSENT_WORDS)})(?!\w)")


def untex(s: str) -> str:
    """A cell's text without inner macros ("\\textit{Anna}" -> "Anna") and with single spaces."""
    s = re.sub(r"\\[a-zA-Z]+\{((?:[^{}])*)\}", r"\1", s)
    return re.sub(r"\s+", " ", s).strip()


def _name_of(cell: str) -> str:
    return cell.split(",")[0].strip()  # "Alva Johansson, lämnade vid punkt 4.4"


def _full_name(cell: str) -> bool:
    name = _name_of(cell)
    return len(name.split()) >= 2 and looks_like_name(name)


def _presence_word(cell: str) -> bool:
    return bool(_PRESENT.match(cell) or _ABSENT.match(cell))


def _columns(rows: list[list[str]]) -> dict[str, int] | None:
    """Which argument (0-based) of a macro's rows is the name, the presence, the role; None when
    no argument holds names in most rows."""
    width = max(len(r) for r in rows)
    if width > 4:
        return None

    def share(test, i: int) -> float:
        cells = [r[i] for r in rows if i < len(r) and r[i].casefold() not in _VACANT]
        return sum(map(test, cells)) / len(cells) if cells else 0.0

    names = [share(_full_name, i) for i in range(width)]
    best = max(range(width), key=lambda i: names[i])
    if names[best] < 0.5:
        return None
    out = {"name": best}
    rest = [i for i in range(width) if i != best]
    presence = [i for i in rest if share(_presence_word, i) >= 0.5]
    if presence:
        out["present"] = presence[0]
        rest.remove(presence[0])
    roles = [i for i in rest if all(len(r[i].split()) <= 4 for r in rows if i < len(r))]
    if roles:
        out["role"] = roles[0]
    return out


def latex_people(text: str, macros: dict[str, dict[str, int]] | None = None) -> tuple[list[Person], list[Person]]:
    """(present, absent) from the rows of roll macros, skipping commented-out lines. ``macros``
    (the profile's ``[latex.macros]``: macro -> field -> 1-based argument) overrides the reading
    of the macros it names. A presence cell starting with an absence word ("Nej") is absent, any
    other text present, an empty one unknown (that row is skipped)."""
    rows: dict[str, list[tuple[tuple[int, int], list[str]]]] = {}
    for m in _ROW.finditer(text):
        macro = m.group("macro")
        if (macro in STANDARD and macro not in (macros or {})) or _commented(text, m.start()):
            continue
        start = m.start("macro") - 1
        cells = [untex(a.group(1)) for a in _ONE_ARG.finditer(m.group("args"))]
        rows.setdefault(macro, []).append(((start, m.end("args")), cells))
    present: list[Person] = []
    absent: list[Person] = []
    for macro, found in rows.items():
        given = (macros or {}).get(macro)
        cols = {k: n - 1 for k, n in given.items()} if given else _columns([c for _, c in found])
        if cols is None:
            continue
        for span, cells in found:
            got = {k: cells[i] for k, i in cols.items() if i < len(cells)}
            name = _name_of(got.get("name") or "")
            if name.casefold() in _VACANT or not looks_like_name(name):
                continue
            p = Person(name=name, detail=got.get("role") or None, span=span)
            status = got.get("present")
            if status is None:
                present.append(p)
            elif _ABSENT.match(status):
                absent.append(p)
            elif status:
                present.append(p)
    present.sort(key=lambda p: p.span)
    absent.sort(key=lambda p: p.span)
    return present, absent
