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
