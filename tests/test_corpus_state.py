"""`ask` and `status` say when the corpus folder is gone; `status` lists the files not indexed."""
from __future__ import annotations

import json
import shutil

import pytest

from bot.slack.messages import status_text
from index.corpus_state import EMPTY, MISSING, NOT_A_FOLDER, OK, corpus_state, corpus_warning
from index.store import IndexStatus
from tests.helpers import run_cli as run


def test_corpus_states(tmp_path):
    assert corpus_state(tmp_path / "nope") == MISSING
    (tmp_path / "file").write_text("x")
    assert corpus_state(tmp_path / "file") == NOT_A_FOLDER
    (tmp_path / "empty" / ".hidden").mkdir(parents=True)
    (tmp_path / "empty" / ".hidden" / "a.txt").write_text("x")
    assert corpus_state(tmp_path / "empty") == EMPTY  # dot folders are not read by the index either
    (tmp_path / "full" / "sub").mkdir(parents=True)
    (tmp_path / "full" / "sub" / "a.txt").write_text("x")
    assert corpus_state(tmp_path / "full") == OK


def test_no_warning_for_an_empty_index_or_a_present_folder(tmp_path):
    assert corpus_warning(tmp_path / "nope", 0, None) is None
    (tmp_path / "a.txt").write_text("x")
    assert corpus_warning(tmp_path, 5, None) is None
    w = corpus_warning(tmp_path / "nope", 5, "2026-12-01T10:00:00+00:00")
    assert w == (f"corpus folder {tmp_path / 'nope'} does not exist (an unmounted share? MINUTES_CORPUS_DIR?); "
                 "answering from the index of 2026-12-01T10:00:00+00:00, 5 meetings")


@pytest.fixture
def env(cli_env):
    return cli_env




def test_ask_and_status_warn_when_the_corpus_folder_is_gone(env, capsys):
    run(capsys, "index")
    code, out, err = run(capsys, "ask", "--json", "who attended in 2015?")
    assert code == 0 and "warnings" not in json.loads(out) and err == ""
    shutil.rmtree(env)
    code, out, err = run(capsys, "ask", "--json", "who attended in 2015?")
    d = json.loads(out)
    assert code == 0 and d["found"]  # still answers, from the index as it was
    assert len(d["warnings"]) == 1 and "does not exist" in d["warnings"][0]
    assert err == f"minutes: warning: {d['warnings'][0]}\n"
    code, out, err = run(capsys, "ask", "who attended in 2015?")
    assert "Anna Sandström" in out and err.startswith("minutes: warning: corpus folder")
    code, out, err = run(capsys, "status", "--json")
    d = json.loads(out)
    assert d["corpus_state"] == "missing" and d["corpus_dir"] == str(env) and d["warnings"]
    assert "does not exist" in err


def test_status_lists_the_files_not_indexed(env, capsys):
    (env / "2023-05-10-styrelsemote.odt").write_bytes(b"PK\x03\x04 not really")
    (env / "empty.txt").write_text("")
    run(capsys, "index")
    code, out, _ = run(capsys, "status", "--json")
    d = json.loads(out)
    assert d["corpus_state"] == "ok" and d["warnings"] == []
    assert d["skipped"] == [{"file": "2023-05-10-styrelsemote.odt", "reason": "unsupported file type .odt"},
                            {"file": "empty.txt", "reason": "empty file"}]
    code, out, _ = run(capsys, "status")
    assert out.splitlines()[2:] == ["2 files not indexed:", "  2023-05-10-styrelsemote.odt: unsupported file type .odt",
                                    "  empty.txt: empty file"]


def test_a_new_unreadable_file_alone_updates_the_list(env, capsys):
    run(capsys, "index")
    (env / "notes.rtf").write_text("{\\rtf1 hej}")
    code, out, _ = run(capsys, "index", "--json")
    assert json.loads(out)["skipped"] == [{"file": "notes.rtf", "reason": "unsupported file type .rtf"}]
    code, out, _ = run(capsys, "status", "--json")
    assert [s["file"] for s in json.loads(out)["skipped"]] == ["notes.rtf"]
    (env / "notes.rtf").unlink()
    run(capsys, "index")
    code, out, _ = run(capsys, "status", "--json")
    assert json.loads(out)["skipped"] == []


def test_slack_status_lists_the_files_not_indexed():
    status = IndexStatus(3, 40, "2021-01-01", "2022-01-01", "2022-01-02", "m",
                         skipped=[{"file": "a.odt", "reason": "unsupported file type .odt"}])
    text = status_text(status, "en")
    assert text.splitlines()[-2:] == ["Not indexed (1, could not be read):",
                                      "• `a.odt`: unsupported file type .odt"]
    assert "Inte indexerat" in status_text(status, "sv")
    many = IndexStatus(3, 40, None, None, None, "m", skipped=[{"file": f"f{i}.odt", "reason": "r"} for i in range(12)])
    assert status_text(many).splitlines()[-1] == "…and 2 more."
    assert "Not indexed" not in status_text(IndexStatus(3, 40, None, None, None, "m"))
