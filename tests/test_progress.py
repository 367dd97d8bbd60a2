"""What `minutes index` shows while it works: stages reported by the build, drawn on a terminal."""
from __future__ import annotations

import io
import json

from bot.cli import main
from bot.progress import TerminalProgress, terminal_progress
from index.build import build_generation
from index.embed import LazyEmbedder
from index.progress import BuildProgress
from tests.conftest import FakeEmbedder


class Recorder(BuildProgress):
    def __init__(self):
        self.events = []

    def stage(self, name, total):
        self.events.append(("stage", name, total))

    def advance(self, done):
        self.events.append(("advance", done))

    def note(self, text):
        self.events.append(("note", text))

    def close(self):
        self.events.append(("close",))


class FakeTTY(io.StringIO):
    def isatty(self):
        return True


def test_the_build_reports_parsing_the_model_load_and_embedding(corpus_copy, tmp_path):
    rec = Recorder()
    lazy = LazyEmbedder("fake", loader=lambda name: FakeEmbedder(name=name))
    report = build_generation(corpus_copy, tmp_path / "ix", lazy, progress=rec)
    stages = [e for e in rec.events if e[0] == "stage"]
    assert stages == [("stage", "parsing", 2), ("stage", "embedding", report.chunks_embedded)]
    # The model is loaded while the first file is parsed: said before it happens, cleared after.
    notes = [e for e in rec.events if e[0] == "note"]
    assert notes == [("note", "loading the embedding model"), ("note", None)]
    assert rec.events.index(notes[0]) < rec.events.index(("stage", "embedding", report.chunks_embedded))
    assert rec.events[-2] == ("advance", report.chunks_embedded) and rec.events[-1] == ("close",)


def test_nothing_to_do_reports_only_the_scan(corpus_copy, tmp_path):
    build_generation(corpus_copy, tmp_path / "ix", FakeEmbedder())
    rec = Recorder()
    build_generation(corpus_copy, tmp_path / "ix", FakeEmbedder(), progress=rec)
    assert [e for e in rec.events if e[0] in ("stage", "note")] == [("stage", "parsing", 2)]


def test_a_plain_callable_still_gets_embedding_progress(corpus_copy, tmp_path):
    calls = []
    report = build_generation(corpus_copy, tmp_path / "ix", FakeEmbedder(), progress=lambda d, t: calls.append((d, t)))
    assert calls and calls[-1] == (report.chunks_embedded, report.chunks_embedded)


def test_terminal_progress_draws_bars_and_notes():
    out = FakeTTY()
    p = TerminalProgress(out, mininterval=0, ncols=120, dynamic_ncols=False)  # draw every update
    p.stage("parsing", 13)
    p.note("loading the embedding model")
    p.advance(13)
    p.stage("embedding", 427)
    p.advance(64)
    p.close()
    text = out.getvalue()
    assert "parsing" in text and "13/13" in text and "loading the embedding model" in text
    assert "embedding" in text and "64/427" in text


def test_a_terminal_without_a_size_still_gets_bars():
    # A pty of 0 x 0 (`script`, CI): tqdm would draw nothing; the bars get 80 x 24.
    out = FakeTTY()  # no fileno: no size known
    p = terminal_progress(json_output=False, stream=out)
    assert (p.options.get("ncols"), p.options.get("nrows")) == (80, 24) and "dynamic_ncols" not in p.options
    p.options["mininterval"] = 0
    p.stage("parsing", 2)
    p.advance(1)
    p.close()
    assert "parsing" in out.getvalue() and "1/2" in out.getvalue()


def test_no_bar_off_a_terminal_or_under_json():
    assert terminal_progress(json_output=False, stream=io.StringIO()) is None
    assert terminal_progress(json_output=True, stream=FakeTTY()) is None
    assert isinstance(terminal_progress(json_output=False, stream=FakeTTY()), TerminalProgress)


def test_index_prints_a_summary_line_and_json_alone(monkeypatch, corpus_copy, tmp_path, capsys):
    monkeypatch.setenv("MINUTES_CORPUS_DIR", str(corpus_copy))
    monkeypatch.setenv("MINUTES_INDEX_DIR", str(tmp_path / "ix"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("index.embed.load_embedder", lambda name: FakeEmbedder(name=name))
    assert main(["index"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("indexed 2 meetings") and out.rstrip().endswith(" s") and len(out.splitlines()) == 1
    assert err == ""
    assert main(["index", "--json", "--rebuild"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["meetings"] == 2 and err == ""
