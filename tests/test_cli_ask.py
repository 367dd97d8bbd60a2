import json

import pytest

import index.embed
from bot.cli import main

from tests.conftest import FakeEmbedder


@pytest.fixture
def env(monkeypatch, corpus_copy, tmp_path):
    monkeypatch.setenv("MINUTES_CORPUS_DIR", str(corpus_copy))
    monkeypatch.setenv("MINUTES_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setattr(index.embed, "load_embedder", lambda model: FakeEmbedder(name=model))
    return corpus_copy


def test_ask_json(env, capsys):
    assert main(["index"]) == 0
    capsys.readouterr()
    assert main(["ask", "--json", "--today", "2021-12-01", "när är nästa möte?"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["intent"] == "next_meeting" and d["found"]
    assert d["next_meeting"]["date"] == "2022-02-04" and d["next_meeting"]["upcoming"]
    assert set(d["passages"][0]) == {"source", "meeting_date", "title", "quote", "start", "end", "score", "highlight", "quote_text", "collection"}


def test_ask_text(env, capsys):
    main(["index"])
    capsys.readouterr()
    assert main(["ask", "who attended in 2015?"]) == 0
    out = capsys.readouterr().out
    assert "Anna Sandström" in out and "2015-02-04-ikem-planeringsmote.txt" in out


def _bytes_stdin(monkeypatch, data: bytes):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_a_batch_line_that_is_not_utf8_is_answered_and_the_batch_goes_on(env, capsys, monkeypatch):
    main(["index"])
    capsys.readouterr()
    # Latin-1 from an old terminal between two UTF-8 lines; a blank line is no question.
    _bytes_stdin(monkeypatch, "who chaired?\nvem var kass\xf6r?\n\nvad sades om hälsoekonomi?\n".encode("utf-8")
                 .replace("kass\xf6r".encode("utf-8"), b"kass\xf6r"))
    assert main(["ask", "--json", "-"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["question"] for r in rows] == ["who chaired?", "vem var kassör?", "vad sades om hälsoekonomi?"]
    assert rows[1]["intent"] == "role" and rows[1]["notes"] == ["Frågan var inte UTF-8; jag läste den som cp1252."]
    assert rows[0]["notes"] == [] and rows[2]["notes"] == []


def test_a_question_argument_that_is_not_utf8(env, capsys):
    import os

    main(["index"])
    capsys.readouterr()
    arg = os.fsdecode(b"vem var kass\xf6r?")  # how Python hands over argv bytes it cannot decode
    assert main(["ask", "--json", arg]) == 0
    assert json.loads(capsys.readouterr().out)["question"] == "vem var kassör?"


def test_a_failing_question_in_a_batch_is_its_own_json_line(env, capsys, monkeypatch):
    from bot.engine import Engine
    from index.errors import IndexCorrupt

    main(["index"])
    capsys.readouterr()
    real = Engine.converse

    def converse(self, question, context, **kw):
        if "broken" in question:
            raise IndexCorrupt("index damaged: run `minutes index --rebuild`")
        return real(self, question, context, **kw)

    monkeypatch.setattr(Engine, "converse", converse)
    _bytes_stdin(monkeypatch, b"who chaired?\nbroken question\nwho attended in 2015?\n")
    assert main(["ask", "--json", "-"]) == 2
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 3 and rows[1] == {"question": "broken question", "type": "index_corrupt",
                                          "error": "index damaged: run `minutes index --rebuild`"}
    assert rows[2]["found"]


def test_printf_bytes_into_ask_dash_through_a_real_pipe(env, tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    run_env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "tests.cli_child", "index"], cwd=tmp_path, env=run_env,
                   check=True, capture_output=True)
    done = subprocess.run([sys.executable, "-m", "tests.cli_child", "ask", "-"], cwd=tmp_path, env=run_env,
                          input=b"vem var kass\xf6r?\n", capture_output=True)
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
    assert "jag läste den som cp1252" in done.stdout.decode("utf-8")
