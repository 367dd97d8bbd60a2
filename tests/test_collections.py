"""Collections (issue 19): each first-level corpus folder is one, named by the organisation
profile; questions naming a body are answered from it; the CLI's --collection and status."""
from __future__ import annotations

import json
import sys
from datetime import date

import pytest

from bot.collections import Catalogue
from index.collections import DEFAULT, collection_of
from index.errors import ConfigError
from index.profile import load_profile
from tests.collections_corpus import ANNUAL, BOARD, BOARD_SECRET, CULTURE, write_corpus
from tests.helpers import run_cli as run


@pytest.fixture
def env(monkeypatch, tmp_path):
    from tests.conftest import use_cli

    corpus = write_corpus(tmp_path / "corpus")
    use_cli(monkeypatch, corpus, tmp_path)
    return corpus


@pytest.fixture
def indexed(env, capsys):
    assert run(capsys, "index")[0] == 0
    return env


def ask(capsys, *argv) -> dict:
    code, out, err = run(capsys, "ask", "--json", "--today", "2024-03-10", *argv)
    assert code == 0, err
    return json.loads(out)


def test_collection_of_a_source():
    assert collection_of("styrelsen/2024/x.txt") == "styrelsen"
    assert collection_of("x.txt") == DEFAULT


def test_status_lists_the_collections_with_their_meetings(indexed, capsys):
    code, out, _ = run(capsys, "status", "--json")
    d = json.loads(out)
    assert code == 0 and {(c["collection"], c["name"], c["meetings"]) for c in d["collections"]} == {
        ("default", "default", 1), ("kultur", "Kulturutskottet", 1), ("styrelsen", "Styrelsen", 1)}
    code, out, _ = run(capsys, "status")
    assert "3 collections:" in out and "styrelsen (Styrelsen): 1 meetings" in out and "kultur (Kulturutskottet)" in out


def test_every_passage_and_meeting_says_its_collection(indexed, capsys):
    d = ask(capsys, "vad beslutades om flygeln?")
    assert d["found"] and {p["collection"] for p in d["passages"]} == {"kultur", "styrelsen"}
    for p in d["passages"]:
        assert p["collection"] == collection_of(p["source"])
    assert {m["collection"] for m in d["facts"]["meetings"]} == {"kultur", "styrelsen"}
    assert {r["collection"] for r in d["facts"]["decisions"]} <= {"kultur", "styrelsen"}


def test_ask_collection_scopes_the_answer(indexed, capsys):
    d = ask(capsys, "--collection", "kultur", "vad beslutades om flygeln?")
    assert d["found"] and {p["source"] for p in d["passages"]} == {CULTURE}
    # by display name or alias too, and repeatable
    d = ask(capsys, "--collection", "The Board", "--collection", "default", "vilka var närvarande?")
    assert {p["source"] for p in d["passages"]} <= {BOARD, ANNUAL}
    d = ask(capsys, "--collection", "kultur", f"vad sades om {BOARD_SECRET}?")
    assert not d["found"] and all(BOARD_SECRET not in p["quote"] for p in d["passages"])


def test_an_unknown_collection_is_one_line_naming_the_known(indexed, capsys):
    code, out, err = run(capsys, "ask", "--json", "--collection", "finans", "vem var där?")
    assert code == 2 and "no collection 'finans'" in err and "styrelsen" in err
    assert json.loads(out)["type"] == "config_error"


def test_a_question_naming_a_body_is_answered_from_it_and_says_so(indexed, capsys):
    d = ask(capsys, "vad beslutade kulturutskottet om flygeln?")
    assert d["found"] and {p["source"] for p in d["passages"]} == {CULTURE}
    assert d["answer"].startswith("Ur protokollen för Kulturutskottet: ")
    assert d["question"] == "vad beslutade kulturutskottet om flygeln?"
    d = ask(capsys, "when does the board meet next?")
    assert d["intent"] == "next_meeting" and d["next_meeting"]["date"] == "2024-04-10"
    assert d["next_meeting"]["source"] == BOARD and d["answer"].startswith("From the minutes of Styrelsen: ")
    # without a body named, the next meeting is the latest minutes' announcement, whichever body
    d = ask(capsys, "when is the next meeting?")
    assert d["next_meeting"]["source"] == CULTURE


def test_a_follow_up_stays_with_the_body_its_question_named(indexed, capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("who attended the board meeting?\nand who was absent?\n"))
    code, out, _ = run(capsys, "ask", "--json", "--followups", "-")
    first, second = (json.loads(line) for line in out.splitlines())
    assert {p["source"] for p in first["passages"]} == {BOARD}
    assert all(p["source"] == BOARD for p in second["passages"])


def test_registers_by_collection(indexed, capsys):
    code, out, _ = run(capsys, "decisions", "--json", "--collection", "kultur")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and rows and {r["collection"] for r in rows} == {"kultur"}
    code, out, _ = run(capsys, "actions", "--json", "--open", "--today", "2024-03-10", "--collection", "styrelsen")
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and {(r["collection"], r["source"]) for r in rows} == {("styrelsen", BOARD)}
    code, out, _ = run(capsys, "decisions", "--json")
    assert {json.loads(line)["collection"] for line in out.splitlines()} == {"default", "kultur", "styrelsen"}


def test_the_profile_is_optional_and_checked(tmp_path):
    assert load_profile(tmp_path).collections == {}
    (tmp_path / "minutes.toml").write_text("[collections.kultur]\nname = 'Kultur'\naliases = 'kultur'\n")
    with pytest.raises(ConfigError, match=r"minutes.toml: collections.kultur.aliases must be a list"):
        load_profile(tmp_path)
    (tmp_path / "minutes.toml").write_text("[collections\n")
    with pytest.raises(ConfigError, match="minutes.toml: not valid TOML"):
        load_profile(tmp_path)
    (tmp_path / "minutes.toml").write_text("[other]\nx = 1\n[collections.kultur]\nname = 'Kultur'\n")
    assert load_profile(tmp_path).collections["kultur"].name == "Kultur"  # other tables left to others


def test_a_folder_named_like_a_year_is_not_read_out_of_a_question():
    cat = Catalogue(["2015/a.txt", "kultur/b.txt"], None)
    assert cat.named_in("who attended in 2015?", None) == (frozenset(), "who attended in 2015?")
    assert cat.named_in("vad beslutade kulturs möte?", None)[0] == {"kultur"}
    # a name outside what the reader may see is not recognised at all
    assert cat.named_in("vad beslutade kultur?", frozenset({"2015"}))[0] == frozenset()


def test_answering_does_not_import_the_parser():
    import subprocess

    code = ("import sys, bot.service, bot.cli; "
            "print(sorted(m for m in sys.modules if m.startswith(('index.build', 'index.parse', "
            "'index.records.actions', 'index.records.decisions', 'index.chunk'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_engine_scope_holds_no_other_collection(tmp_path):
    from bot.service import MinutesService
    from tests.conftest import FakeEmbedder

    service = MinutesService(write_corpus(tmp_path / "corpus"), tmp_path / "ix", FakeEmbedder())
    service.reindex()
    try:
        for q in ("vad sades om Zebraprojektet?", "vilka var närvarande?", "vem var ordförande?",
                  "vilka uppdrag är öppna?", "sammanfatta senaste mötet", "när är nästa möte?"):
            a, _ = service.converse(q, None, today=date(2024, 3, 10), collections=frozenset({"kultur", "default"}))
            assert all(p.collection in ("kultur", "default") for p in a.passages), q
            shown = json.dumps([a.answer, a.to_json_dict()["passages"], a.to_json_dict()["facts"]], ensure_ascii=False)
            assert "styrelse" not in shown.lower() and "Olle Lind" not in shown and "tysthet" not in shown, q
    finally:
        service.stop()
