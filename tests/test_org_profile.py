"""The organisation profile's titles, people and LaTeX macros (issue 17 point 8), the aliases the
minutes themselves state (index/aliases.py), LaTeX rolls read as rows of any macro
(index/latex.py) and a body's own abbreviation as a deciding body. Minutes and profiles are
written here."""
from __future__ import annotations

import json

import pytest

from index.names import NameIndex
from bot.orgtitles import Titles, apply
from bot.understand import understand
from index.aliases import Aliases, learn, pairs_in, strip_title
from index.errors import ConfigError
from index.latex import latex_people
from index.profile import load_profile
from index.records import extract_records
from tests.helpers import run_cli as run

PROFILE = """[titles]
SAMO = "skyddsombud"
"PR-ansvarig" = "PR officer"

[people]
"Mark Nottingham" = ["mnot", "MN"]

[latex.macros]
person = { present = 1, name = 2, role = 3 }
"""

ROLL_TEX = r"""\documentclass{protokoll}
\author{Sara Sekreterare Lund}
\begin{document}
\textbf{Närvarande:}
\begin{roll}
    \rad{Ordförande}{Anna Berg}{Ja}
    \rad{Kassör}{Erik Ek}{Nej}
    \rad{SAMO}{Tekla Holm}{Lämnade innan punkt 4}
    \rad{Sekreterare}{Vakant}{}
\end{roll}
\gast{Olle Lind, lämnade vid punkt 2}
\section{Skyddsrond}
Skyddsronden är gjord.
\end{document}
"""


# ---- the profile file ---------------------------------------------------------------------------
def test_profile_reads_titles_people_and_macros(tmp_path):
    (tmp_path / "minutes.toml").write_text(PROFILE, encoding="utf-8")
    p = load_profile(tmp_path)
    assert p.titles == {"SAMO": "skyddsombud", "PR-ansvarig": "PR officer"}
    assert p.people == {"Mark Nottingham": ("mnot", "MN")}
    assert p.latex_macros == {"person": {"present": 1, "name": 2, "role": 3}}
    assert p.path == tmp_path / "minutes.toml" and len(p.parse_key()) == 12
    assert load_profile(tmp_path / "none").parse_key() == ""  # no file: nothing changes the parse


@pytest.mark.parametrize("text, names", [
    ('[titles]\nSAMO = 3\n', "titles.SAMO"),
    ('[people]\n"Anna Berg" = 5\n', "people.Anna Berg"),
    ('[people]\n"Anna Berg" = ["", "ab"]\n', "people.Anna Berg"),
    ('[latex.macros]\nrad = { role = 1 }\n', "latex.macros.rad"),
    ('[latex.macros]\nrad = { name = 0 }\n', "latex.macros.rad.name"),
    ('[latex.macros]\nrad = { name = 1, colour = 2 }\n', "latex.macros.rad.colour"),
    ('latex = 3\n', "[latex]"),
])
def test_a_wrong_value_is_one_line_naming_file_and_key(tmp_path, text, names):
    (tmp_path / "minutes.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_profile(tmp_path)
    msg = str(e.value)
    assert "\n" not in msg and "minutes.toml" in msg and names in msg


# ---- LaTeX rolls: rows of any macro -------------------------------------------------------------
def test_rows_of_an_unknown_macro_are_read_like_a_table():
    present, absent = latex_people(ROLL_TEX)
    assert [(p.name, p.detail) for p in present] == [
        ("Anna Berg", "Ordförande"), ("Tekla Holm", "SAMO"), ("Olle Lind", None)]
    assert [(p.name, p.detail) for p in absent] == [("Erik Ek", "Kassör")]
    assert all(ROLL_TEX[p.span[0]:p.span[1]].startswith("\\") for p in present + absent)
    # \author names who wrote the file, not who came; a vacant post and an empty cell name nobody
    assert "Sara Sekreterare Lund" not in {p.name for p in present + absent}


def test_the_profile_names_a_macros_arguments():
    text = "\\person{Ja}{Anna Berg}{Kassör}\n\\person{Nej}{Erik Ek}{Ledamot}\n"
    present, absent = latex_people(text, {"person": {"present": 1, "name": 2, "role": 3}})
    assert [(p.name, p.detail) for p in present] == [("Anna Berg", "Kassör")]
    assert [p.name for p in absent] == ["Erik Ek"]


def test_commented_rows_and_prose_macros_are_not_people():
    text = "% \\rad{Ordförande}{Anna Berg}{Ja}\n\\emph{Erik Ek}\nText om \\textbf{Lisa Holm} här.\n"
    assert latex_people(text) == ([], [])


def test_a_changed_macro_profile_reparses_and_status_names_the_profile(tmp_path, monkeypatch, capsys):
    from tests.conftest import use_cli

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2024-03-01-styrelsemote.tex").write_text(
        "\\title{Styrelsemöte 2024-03-01}\n\\person{Ja}{Anna Berg}{Kassör}\n\\person{Ja}{Erik Ek}{Ledamot}\n",
        encoding="utf-8")
    use_cli(monkeypatch, corpus, tmp_path)
    assert run(capsys, "index")[0] == 0
    code, out, _ = run(capsys, "status")
    assert "organisation profile" not in out  # none read: nothing to say
    assert json.loads(run(capsys, "status", "--json")[1])["profile"]["file"] is None
    (corpus / "minutes.toml").write_text('[latex.macros]\nperson = { present = 1, name = 2, role = 3 }\n',
                                         encoding="utf-8")
    code, out, _ = run(capsys, "status", "--json")
    d = json.loads(out)["profile"]
    assert d["file"].endswith("minutes.toml") and d["tables"]["LaTeX macros"] == 1 and d["stale"]
    code, out, _ = run(capsys, "index", "--json")
    assert code == 0 and json.loads(out)["reparsed"] == 1
    code, out, _ = run(capsys, "status")
    assert "organisation profile:" in out and "1 LaTeX macros" in out and "run `minutes index`" not in out
    code, out, _ = run(capsys, "ask", "--json", "vilka var närvarande?")
    assert {"Anna Berg", "Erik Ek"} <= set(json.loads(out)["facts"]["people"])


# ---- aliases the minutes state ------------------------------------------------------------------
MINUTES_WITH_HANDLES = """Present:
- mnot (Mark Nottingham)
- Rod Vagg @rvagg (TSC)
- Eric Huss (ehuss)
- Anna Berg (ordf.)
- Tommy Pauly (TP), Lisa Holm
"""


def test_handle_pairs_are_learned_and_roles_are_not_handles():
    pairs = [(h, n) for h, n, _ in pairs_in(MINUTES_WITH_HANDLES)]
    assert ("mnot", "Mark Nottingham") in pairs and ("rvagg", "Rod Vagg") in pairs
    assert ("ehuss", "Eric Huss") in pairs and ("TP", "Tommy Pauly") in pairs
    assert not any(h in ("ordf.", "ordf", "TSC") for h, _ in pairs)


def test_learned_aliases_first_names_and_titles():
    a = learn([MINUTES_WITH_HANDLES], ["Mark Nottingham", "Anna Berg", "Anna Svensson", "Kassör Lisa Holm"])
    assert a.canonical("mnot") == "Mark Nottingham" and "mnot" in a.aliases_of("Mark Nottingham")
    assert a.canonical("ehuss") == "ehuss"  # "Eric Huss (ehuss)": Eric Huss is in no list here
    assert learn([MINUTES_WITH_HANDLES], ["Eric Huss"]).canonical("ehuss") == "Eric Huss"
    # an abbreviation defined in the text is no person's
    assert learn(["The Technical Steering Committee (TSC) met."], []).canonical("TSC") == "TSC"
    assert a.canonical("Lisa") == "Lisa Holm"  # the only Lisa
    assert a.canonical("Anna") == "Anna"  # two Annas: neither
    assert a.canonical("Kassör Lisa Holm") == "Lisa Holm" and strip_title("Anna Berg, kassör") == "Anna Berg"
    # a handle claimed for two people names neither
    b = learn(["- ab (Anna Berg)\n- ab (Anders Bo)\n"], [])
    assert b.canonical("ab") == "ab"


def test_the_profile_overrides_what_the_minutes_suggest():
    learned = learn(["- mn (Maria Nilsson)\n"], ["Maria Nilsson"])
    assert learned.canonical("mn") == "Maria Nilsson"
    profiled = learned.with_profile(type("P", (), {"people": {"Mark Nottingham": ("mnot", "MN")}})())
    assert profiled.canonical("MN") == "Mark Nottingham" and profiled.canonical("Maria") == "Maria Nilsson"
    assert Aliases.from_rows(profiled.rows()).groups == profiled.groups


def test_a_question_naming_either_name_finds_the_other():
    names = NameIndex([("mnot", "a.md"), ("Lisa Holm", "b.md")])
    names.learned = names.aliases = learn([], ["Lisa Holm"])
    names.use_profile(type("P", (), {"people": {"Mark Nottingham": ("mnot", "MN")}})())
    assert [p.name for p in names.find("Mark Nottingham")] == ["mnot"]
    assert names.same("mnot", "Mark Nottingham") and names.same("MN", "mnot")
    assert names.mentions("which meetings did mnot attend?") == ["mnot"]
    assert names.full_name("mnot") == "Mark Nottingham" and names.full_name("Erik Ek") == "Erik Ek"


# ---- titles and abbreviations -------------------------------------------------------------------
def test_an_abbreviation_of_the_profile_asks_for_its_holder():
    titles = Titles({"SAMO": "skyddsombud", "PR-ansvarig": "PR officer"})
    q = apply(understand("vem är SAMO?"), titles)
    assert str(q.intent) == "role" and q.role == "SAMO" and "samo" not in q.words
    q = apply(understand("vad sades om SAMO på mötet?"), titles)
    assert str(q.intent) == "search" and "skyddsombud" in q.words and "samo" in q.words
    assert titles.names_of("skyddsombud") == {"samo", "skyddsombud"} and not titles.names_of("kassör")


def test_who_is_samo_end_to_end(tmp_path, monkeypatch, capsys):
    from tests.conftest import use_cli

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2024-03-01-styrelsemote.tex").write_text("\\title{Styrelsemöte 2024-03-01}\n" + ROLL_TEX,
                                                         encoding="utf-8")
    (corpus / "2024-04-01-fika.md").write_text("# Fika 2024-04-01\n\nSAMO bjuder på fika i köket.\n",
                                               encoding="utf-8")
    (corpus / "minutes.toml").write_text(PROFILE, encoding="utf-8")
    use_cli(monkeypatch, corpus, tmp_path)
    assert run(capsys, "index")[0] == 0
    code, out, err = run(capsys, "ask", "--json", "--today", "2024-05-01", "vem är SAMO?")
    d = json.loads(out)
    assert code == 0 and d["intent"] == "role" and "Tekla Holm" in d["answer"], d["answer"]
    assert all("fika" not in p["quote"] for p in d["passages"])
    code, out, err = run(capsys, "ask", "--json", "--today", "2024-05-01", "vem är skyddsombud?")
    assert "Tekla Holm" in json.loads(out)["answer"]


# ---- a body's own abbreviation ------------------------------------------------------------------
def _records(text: str):
    from index.parse import parse_meeting

    m = parse_meeting(text, "2024-03-01-otc-meeting.md")
    return extract_records(text, m)


def test_a_bodys_abbreviation_decides_and_its_members_are_asked():
    text = ("# OTC meeting 2024-03-01\n\nPresent: Anna Berg, Erik Ek\n\n## Release policy\n"
            "The OTC agreed to publish the release policy in April.\n\n"
            "## Reviews\nAll OTC members were asked to review the draft by Friday.\n")
    r = _records(text)
    assert any("publish the release policy" in text[d.span[0]:d.span[1]] for d in r.decisions)
    assert any("OTC members" in " ".join(a.owners) for a in r.actions)


def test_attendance_leaves_out_the_bodys_abbreviation_as_an_organisation():
    from bot.intents.attendance import organisations
    from index.parse import parse_meeting

    text = "# WG meeting 2024-03-01\n\nPresent:\n- Anna Berg (WG)\n- Erik Ek (Acme Corp)\n"
    m = parse_meeting(text, "2024-03-01-wg-meeting.md")
    assert organisations(m) == ["Acme Corp"]


def test_a_handle_finds_the_full_name_in_a_view_held_by_date(tmp_path, monkeypatch, capsys):
    from tests.conftest import use_cli

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "minutes.toml").write_text('[people]\n"Mark Nottingham" = ["mnot", "MN"]\n', encoding="utf-8")
    (corpus / "2024-03-01-wg.md").write_text("# WG call 2024-03-01\n\nPresent:\n- MN\n"
                                             "- Lisa Holm\n\n## Caching\nMN presented the caching draft.\n",
                                             encoding="utf-8")
    (corpus / "2024-04-01-wg.md").write_text("# WG call 2024-04-01\n\nPresent:\n- Mark Nottingham\n- Erik Ek\n",
                                             encoding="utf-8")
    use_cli(monkeypatch, corpus, tmp_path)
    assert run(capsys, "index")[0] == 0
    d = json.loads(run(capsys, "ask", "--json", "--today", "2024-05-01", "which meetings did mnot attend?")[1])
    assert {m["source"] for m in d["facts"]["meetings"]} == {"2024-03-01-wg.md", "2024-04-01-wg.md"}, d["answer"]
    # held by date (the April call not yet held): the alias still holds, and the full name is said
    d = json.loads(run(capsys, "ask", "--json", "--today", "2024-03-15", "who attended the WG call?")[1])
    assert "Mark Nottingham" in d["answer"] and "2024-04-01-wg.md" not in {p["source"] for p in d["passages"]}
