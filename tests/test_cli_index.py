"""`minutes index` and `minutes status` through the real entry point, asserting on parsed JSON."""
from __future__ import annotations

import json

import pytest

from bot.cli import main
from tests.helpers import run_cli as run


@pytest.fixture
def env(cli_env, monkeypatch):
    monkeypatch.setenv("MINUTES_EMBEDDING_MODEL", "fake-embedder")
    return cli_env




def test_index_json_summary(env, capsys):
    code, out, err = run(capsys, "index", "--json")
    assert code == 0
    summary = json.loads(out)
    assert {"added", "updated", "removed", "unchanged", "chunks_embedded", "skipped"} <= set(summary)
    assert len(summary["added"]) == 2 and summary["chunks_embedded"] > 0
    code, out, _ = run(capsys, "index", "--json")
    assert json.loads(out)["unchanged"] == 2 and json.loads(out)["chunks_embedded"] == 0


def test_skipped_files_are_one_line_each(env, capsys):
    (env / "broken.pdf").write_bytes(b"%PDF-1.4 nope")
    code, out, err = run(capsys, "index", "--json")
    assert code == 0
    assert json.loads(out)["skipped"] == [{"file": "broken.pdf", "reason": "corrupt or unreadable PDF file"}]
    assert err.strip() == "skipped broken.pdf: corrupt or unreadable PDF file"
    assert "Traceback" not in err


def test_status(env, capsys):
    run(capsys, "index")
    code, out, _ = run(capsys, "status", "--json")
    status = json.loads(out)
    assert code == 0 and status["meetings"] == 2 and status["model"] == "fake-embedder"
    assert status["first_date"] == "2015-02-04" and status["last_date"] == "2021-11-10"
    assert status["corpus_dir"] == str(env) and status["index_dir"] == str(env.parent / "ix")


def test_plain_status_names_the_folders_it_reads(env, capsys, tmp_path, monkeypatch):
    run(capsys, "index")
    code, out, _ = run(capsys, "status")
    assert code == 0
    assert out.splitlines()[0] == f"corpus {env}, index {env.parent / 'ix'} (MINUTES_CORPUS_DIR, MINUTES_INDEX_DIR)"
    monkeypatch.setenv("MINUTES_CORPUS_DIR", str(tmp_path / "gone"))
    code, out, _ = run(capsys, "status")
    assert code == 0 and out.splitlines()[0].startswith(f"corpus {tmp_path / 'gone'} (missing), index ")


def test_ask_without_index_is_one_clear_line(env, capsys):
    code, out, err = run(capsys, "ask", "who attended?")
    assert code == 2 and out == ""
    assert err.strip().startswith("minutes: error: no index in") and len(err.strip().splitlines()) == 1


def test_invalid_setting_is_one_clear_line(env, capsys, monkeypatch):
    monkeypatch.setenv("MINUTES_PORT", "not-a-port")
    code, _, err = run(capsys, "status")
    assert code == 2
    assert err.strip().splitlines() == [err.strip()]
    assert "MINUTES_PORT" in err


def test_bad_today_is_one_clear_line(env, capsys):
    run(capsys, "index")
    code, _, err = run(capsys, "ask", "--today", "tomorrow", "when is the next meeting?")
    assert code == 2 and "--today" in err


def test_empty_question_is_a_usage_error(env, capsys):
    run(capsys, "index")
    code, out, err = run(capsys, "ask", "  ")
    assert code == 2 and out == "" and "question is empty" in err


def test_status_without_index_says_how_to_build_one(env, capsys):
    code, out, err = run(capsys, "status")
    assert code == 2 and out == ""
    assert "run `minutes index` first" in err


def test_corpus_that_is_a_file(env, capsys, monkeypatch, tmp_path):
    f = tmp_path / "notes.txt"
    f.write_text("x")
    monkeypatch.setenv("MINUTES_CORPUS_DIR", str(f))
    code, _, err = run(capsys, "index")
    assert code == 2 and "is not a folder" in err and "MINUTES_CORPUS_DIR" in err


def test_a_missing_corpus_folder_is_corpus_missing_not_index_missing(env, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("MINUTES_CORPUS_DIR", str(tmp_path / "nope"))
    code, out, err = run(capsys, "index", "--json")
    d = json.loads(out)
    assert code == 2 and d["type"] == "corpus_missing"
    assert d["error"] == f"corpus folder {tmp_path / 'nope'} does not exist (MINUTES_CORPUS_DIR)"


def test_every_error_type_is_documented():
    import re

    import index.errors as errors
    from bot.cli import _error_type
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text()
    documented = set(re.findall(r"`([a-z_]+)`", readme[readme.index("error types"):][:1500]))
    kinds = {_error_type(c.__new__(c)) for c in vars(errors).values()
             if isinstance(c, type) and issubclass(c, errors.MinutesError)
             and not issubclass(c, errors.DocumentError) and c not in (errors.MinutesError, errors.IndexError_)}
    assert kinds | {"usage", "os_error"} <= documented, kinds - documented


@pytest.mark.model
def test_unknown_model_fails_fast_with_one_line(env, capsys, monkeypatch):
    monkeypatch.undo()  # the real loader, not the fake
    monkeypatch.setenv("MINUTES_CORPUS_DIR", str(env))
    monkeypatch.setenv("MINUTES_INDEX_DIR", str(env.parent / "ix2"))
    monkeypatch.setenv("MINUTES_EMBEDDING_MODEL", "no-such-org/no-such-model-xyz")
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    code, _, err = run(capsys, "index")
    assert code == 2
    assert "cannot load embedding model 'no-such-org/no-such-model-xyz'" in err
    assert len(err.strip().splitlines()) == 1  # no retry warnings around it


def test_index_dir_that_is_a_file_is_one_line(env, capsys, monkeypatch, tmp_path):
    f = tmp_path / "ix-file"
    f.write_text("x")
    monkeypatch.setenv("MINUTES_INDEX_DIR", str(f))
    for cmd in ("index", "status"):
        code, _, err = run(capsys, cmd)
        assert code == 2 and err.startswith("minutes: error: ") and len(err.strip().splitlines()) == 1
        assert "Traceback" not in err


def test_version_comes_from_the_package_metadata(capsys):
    from importlib.metadata import version

    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0
    assert capsys.readouterr().out.strip() == f"minutes {version('minutes')}"


def test_errors_under_json_are_one_json_object_on_stdout_too(env, capsys):
    code, out, err = run(capsys, "ask", "--json", "who attended?")  # no index yet
    assert code == 2
    d = json.loads(out)
    assert d["type"] == "index_missing" and d["error"].startswith("no index in")
    assert err.strip() == f"minutes: error: {d['error']}"


def test_text_errors_leave_stdout_empty(env, capsys):
    code, out, err = run(capsys, "status")
    assert code == 2 and out == "" and "no index in" in err


def test_usage_errors_under_json_are_json_too(env, capsys):
    code, out, err = run(capsys, "ask", "--json", "--today")  # --today needs a value
    assert code == 2
    assert "--today" in json.loads(out)["error"] and json.loads(out)["type"] == "usage"
    assert "usage: minutes ask" in err
    code, out, err = run(capsys, "ask", "--today")
    assert code == 2 and out == "" and "--today" in err


def test_config_errors_under_json(env, capsys):
    run(capsys, "index")
    code, out, _ = run(capsys, "ask", "--json", "--today", "tomorrow", "when is the next meeting?")
    assert code == 2 and json.loads(out)["type"] == "config_error" and "--today" in json.loads(out)["error"]


def test_a_reader_that_leaves_early_gets_no_traceback(env, capsys, monkeypatch):
    # `minutes index --json | head -c 100`: the pipe closes before the JSON is written.
    def closed(*a, **k):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("bot.cli.print", closed, raising=False)
    code = main(["index", "--json"])
    out, err = capsys.readouterr()
    assert code == 141 and err == "" and out == ""
