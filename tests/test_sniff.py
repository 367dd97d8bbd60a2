"""Content sniffing: a file is read by what its bytes are, with a note, whatever its extension."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.slack.messages import status_text
from index.errors import UnreadableDocument
from index.loaders import load_document
from index.store import IndexStatus
from tests.helpers import make_docx, make_pdf, run_cli as run
from tests.hostile_files import zip_bomb

MINUTES = "Protokoll styrelsemöte 2023-03-01\nNärvarande: Anna Berg, Erik Ek\n§ 1 Budgeten godkändes.\n"


def docx_bytes(tmp_path: Path) -> bytes:
    return make_docx(tmp_path / "w.docx", MINUTES.splitlines()).read_bytes()


def pdf_bytes_of(tmp_path: Path) -> bytes:
    return make_pdf(tmp_path / "p.pdf", ["Minutes of the board meeting 2023-03-01", "Present: Anna Berg"]).read_bytes()


def test_a_word_document_saved_as_txt_is_read_as_docx(tmp_path):
    got = load_document(docx_bytes(tmp_path), "x.txt")
    assert got.text.startswith("Protokoll styrelsemöte 2023-03-01\nNärvarande: Anna Berg")
    assert got.read_as == "docx" and got.note == "read as DOCX (its content is a Word document)"


def test_a_pdf_named_txt_or_md_is_read_as_pdf(tmp_path):
    for name in ("x.txt", "notes/y.md"):
        got = load_document(pdf_bytes_of(tmp_path), name)
        assert "Present: Anna Berg" in got.text and got.note == "read as PDF (its content is a PDF document)"


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-16"])
def test_text_saved_as_pdf_or_docx_is_read_as_text(encoding):
    for name in ("x.pdf", "x.docx"):
        got = load_document(MINUTES.encode(encoding), name)
        assert got.text == MINUTES and got.note == "read as text (its content is plain text)"


def test_files_that_are_what_they_say_have_no_note(tmp_path):
    assert load_document(MINUTES.encode(), "a.txt").note is None
    assert load_document(docx_bytes(tmp_path), "a.docx").note is None
    assert load_document(pdf_bytes_of(tmp_path), "a.pdf").note is None


def test_a_pdf_with_junk_before_its_header_is_still_a_pdf(tmp_path):
    # PDF readers look for the header in the first 1024 bytes; so does a file named .pdf.
    got = load_document(b"\r\n\x00junk\n" + pdf_bytes_of(tmp_path), "a.pdf")
    assert "Present: Anna Berg" in got.text and got.note is None


def test_text_mentioning_pdf_is_text():
    text = "Protokoll\nVi diskuterade %PDF-formatet och zip-filer (PK).\n"
    assert load_document(text.encode(), "a.txt").text == text


def test_the_zip_bomb_guard_holds_whatever_the_extension():
    bomb = zip_bomb()
    for name in ("bomb.docx", "bomb.txt", "bomb.pdf"):
        with pytest.raises(UnreadableDocument, match="unpacks to more than"):
            load_document(bomb, name)


def test_a_zip_that_is_no_word_document_named_txt_is_refused_in_one_line(tmp_path):
    import zipfile

    path = tmp_path / "sheet.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("content.xml", "<office:document/>")  # an .odt's body
    with pytest.raises(UnreadableDocument, match=r"^minutes\.txt: a zip archive, not text nor a Word document"):
        load_document(path.read_bytes(), "minutes.txt")


@pytest.mark.parametrize("name,data,reason", [
    ("x.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "corrupt or unreadable PDF"),  # binary, no header
    ("x.docx", b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "corrupt or unreadable DOCX"),
    ("x.txt", b"%PDF-1.4\nnot really a pdf", "corrupt or unreadable PDF"),  # it says it is one
    ("x.txt", b"PK\x03\x04 broken zip", "a zip archive"),
])
def test_what_is_neither_is_refused_as_before(name, data, reason):
    with pytest.raises(UnreadableDocument, match=reason):
        load_document(data, name)


@pytest.fixture
def env(cli_env, monkeypatch):
    monkeypatch.setenv("MINUTES_EMBEDDING_MODEL", "fake-embedder")
    return cli_env




def test_index_and_status_say_how_a_file_was_read(env, capsys, tmp_path):
    (env / "2023-03-01-styrelsemote.txt").write_bytes(docx_bytes(tmp_path))
    code, out, err = run(capsys, "index", "--json")
    report = json.loads(out)
    note = {"file": "2023-03-01-styrelsemote.txt", "read_as": "docx",
            "note": "read as DOCX (its content is a Word document)"}
    assert code == 0 and report["notes"] == [note] and report["skipped"] == []
    assert "2023-03-01-styrelsemote.txt" in report["added"]
    assert "note 2023-03-01-styrelsemote.txt: read as DOCX (its content is a Word document)" in err
    # kept across an update that does not read the file again
    code, out, _ = run(capsys, "index", "--json")
    assert json.loads(out)["notes"] == [note] and json.loads(out)["unchanged"] == 3
    code, out, _ = run(capsys, "status", "--json")
    assert json.loads(out)["notes"] == [note]
    code, out, _ = run(capsys, "status")
    assert out.splitlines()[-2:] == ["1 file read by content, not by extension:",
                                     "  2023-03-01-styrelsemote.txt: read as DOCX (its content is a Word document)"]
    code, out, _ = run(capsys, "ask", "--json", "vem var närvarande 2023-03-01?")
    assert "Anna Berg" in json.loads(out)["answer"]
    (env / "2023-03-01-styrelsemote.txt").write_text(MINUTES, encoding="utf-8")  # saved again as text
    code, out, _ = run(capsys, "index", "--json")
    assert json.loads(out)["notes"] == []


def test_slack_status_lists_the_files_read_by_their_content():
    status = IndexStatus(3, 40, "2021-01-01", "2022-01-01", "2022-01-02", "m",
                         notes=[{"file": "x.txt", "read_as": "docx", "note": "read as DOCX (…)"}])
    assert status_text(status, "en").splitlines()[-2:] == [
        "Read by their content, not their extension (1):",
        "• `x.txt`: read as DOCX (its content is a Word document)"]
    assert status_text(status, "sv").splitlines()[-1] == "• `x.txt`: läst som DOCX (innehållet är ett Word-dokument)"
    assert "Read by their content" not in status_text(IndexStatus(3, 40, None, None, None, "m"))
