"""An empty or unmounted corpus folder must not silently drop every meeting."""
from __future__ import annotations

import io
import json
import shutil
import sys

import pytest

from bot.cli import main
from index.build import build_generation
from index.errors import WouldDropMeetings
from index.guard import check_drop
from index.store import load_index
from tests.conftest import CORPUS, FakeEmbedder


def test_dropping_half_is_allowed_more_is_refused(tmp_path):
    check_drop(["a", "b"], {"a"}, tmp_path, prune=False)  # one of two: someone deleted a file
    with pytest.raises(WouldDropMeetings) as e:
        check_drop(["a", "b", "c"], {"a"}, tmp_path, prune=False)
    assert e.value.sources == ["b", "c"] and e.value.total == 3
    assert "lacks 2 of the 3 indexed files" in str(e.value) and "--prune" in str(e.value)
    check_drop(["a", "b", "c"], set(), tmp_path, prune=True)


def test_the_message_names_a_few_and_counts_the_rest(tmp_path):
    with pytest.raises(WouldDropMeetings) as e:
        check_drop([f"m{i}.txt" for i in range(10)], set(), tmp_path, prune=False)
    msg = str(e.value)
    assert f"corpus folder {tmp_path} is empty" in msg and "m0.txt, m1.txt, m2.txt and 7 more" in msg
    assert len(msg.splitlines()) == 1


@pytest.mark.parametrize("rebuild", [False, True])
def test_an_emptied_corpus_keeps_the_index(corpus_copy, tmp_path, rebuild):
    ix = tmp_path / "ix"
    build_generation(corpus_copy, ix, FakeEmbedder())
    for f in corpus_copy.iterdir():
        f.unlink()
    with pytest.raises(WouldDropMeetings):
        build_generation(corpus_copy, ix, FakeEmbedder(), rebuild=rebuild)
    assert len(load_index(ix).meetings) == 2  # still answering from both
    report = build_generation(corpus_copy, ix, FakeEmbedder(), rebuild=rebuild, prune=True)
    assert report.meetings == 0 and len(load_index(ix).meetings) == 0


@pytest.fixture
def env(cli_env):
    return cli_env


def _empty(folder):
    for f in folder.iterdir():
        f.unlink()


def test_cli_refuses_and_says_what_would_go(env, capsys):
    assert main(["index"]) == 0
    _empty(env)
    capsys.readouterr()
    assert main(["index", "--json"]) == 2
    out, err = capsys.readouterr()
    d = json.loads(out)
    assert d["type"] == "would_drop_meetings" and "2015-02-04-ikem-planeringsmote.txt" in d["error"]
    assert "would drop 2 of 2 meetings" in err
    assert main(["index", "--prune", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["removed"] == sorted(p.name for p in CORPUS.iterdir())


class _TTY:
    def __init__(self, stream):
        self.stream = stream

    def isatty(self):
        return True

    def __getattr__(self, name):
        return getattr(self.stream, name)


@pytest.mark.parametrize("reply,code,left", [("y", 0, 0), ("n", 2, 2), ("", 2, 2)])
def test_cli_asks_at_a_terminal(env, capsys, monkeypatch, reply, code, left):
    main(["index"])
    _empty(env)
    monkeypatch.setattr("sys.stdin", _TTY(io.StringIO()))
    monkeypatch.setattr("sys.stderr", _TTY(sys.stderr))
    asked = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or reply)
    assert main(["index"]) == code
    assert asked == ["Drop these 2 meetings from the index? [y/N] "]
    assert len(load_index(env.parent / "ix").meetings) == left


def test_the_watching_bot_keeps_its_index_when_the_share_goes(corpus_copy, tmp_path):
    from bot.service import MinutesService

    s = MinutesService(corpus_copy, tmp_path / "ix", FakeEmbedder())
    s.reindex()
    shutil.rmtree(corpus_copy)
    corpus_copy.mkdir()  # the mount point of an unmounted share: an empty folder
    with pytest.raises(WouldDropMeetings):
        s.check_corpus()
    assert s.status().meetings == 2
