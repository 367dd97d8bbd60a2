from pathlib import Path

import pytest

from index.errors import UnreadableDocument, UnsupportedFormat
from index.loaders import load_bytes, read_file
from tests.helpers import make_docx, make_pdf


def test_utf8_with_bom_and_crlf():
    text = load_bytes("\ufeffNärvarande:\r\nAnna Öberg\r\n".encode("utf-8"), "a.txt")
    assert text == "Närvarande:\nAnna Öberg\n"


def test_cp1252_falls_back():
    raw = "Mötet öppnades – ”Nästa möte” den 4 februari".encode("cp1252")
    assert load_bytes(raw, "a.txt") == "Mötet öppnades – ”Nästa möte” den 4 februari"


def test_latin1_bytes_undefined_in_cp1252():
    assert load_bytes(b"M\xf6te \x81", "a.md") == "Möte \x81"


@pytest.mark.parametrize("data,reason", [
    (b"", "empty file"),
    (b"  \n\t\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content"),
    (bytes(range(1, 32)) * 20, "binary content"),
])
def test_bad_text_files(data, reason):
    with pytest.raises(UnreadableDocument) as e:
        load_bytes(data, "notes/bad.txt")
    assert str(e.value).startswith("notes/bad.txt: ")
    assert reason in str(e.value)
    assert "\n" not in str(e.value)


def test_unsupported_extension():
    with pytest.raises(UnsupportedFormat, match=r"^sheet\.xlsx: unsupported file type \.xlsx"):
        load_bytes(b"PK\x03\x04", "sheet.xlsx")


def test_docx_paragraphs_and_tables(tmp_path: Path):
    p = make_docx(tmp_path / "m.docx", ["Protokoll styrelsemöte 2023-03-01", "Närvarande:"],
                  table=[["Anna Berg", "ordförande"], ["Erik Ek", "sekreterare"]])
    _, text = read_file(p, "m.docx")
    assert "Protokoll styrelsemöte 2023-03-01\nNärvarande:" in text
    assert "Anna Berg, ordförande\nErik Ek, sekreterare" in text


def test_pdf_text(tmp_path: Path):
    p = make_pdf(tmp_path / "m.pdf", ["Minutes of the board meeting 2023-03-01", "Present: Anna Berg, Erik Ek"])
    _, text = read_file(p, "m.pdf")
    assert "Minutes of the board meeting 2023-03-01" in text
    assert "Present: Anna Berg, Erik Ek" in text


@pytest.mark.parametrize("name,data,reason", [
    ("x.pdf", b"%PDF-1.4\nthis is not really a pdf", "corrupt or unreadable PDF"),
    ("x.docx", b"PK\x03\x04 broken zip", "corrupt or unreadable DOCX"),
    ("x.docx", b"not a zip at all", "corrupt or unreadable DOCX"),
])
def test_corrupt_binary_formats(name, data, reason):
    with pytest.raises(UnreadableDocument, match=reason):
        load_bytes(data, name)


def test_unreadable_file(tmp_path: Path, monkeypatch):
    p = tmp_path / "locked.txt"
    p.write_text("Närvarande: Anna")

    def denied(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(UnreadableDocument, match="locked.txt: cannot read file: permission denied"):
        read_file(p, "locked.txt")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_is_read_not_refused_as_binary(encoding):
    # Windows Notepad's "Unicode" is UTF-16 LE with a byte order mark and CRLF line ends.
    text = "Protokoll styrelsemöte\r\nNärvarande: Åsa Öberg, Erik Ek\r\n§ 1 Budget godkändes.\r\n"
    assert load_bytes(text.encode(encoding), "notepad.txt") == text.replace("\r\n", "\n")


def test_binary_with_nul_bytes_is_still_refused():
    with pytest.raises(UnreadableDocument, match="binary"):
        load_bytes(b"\x00\x01\x02\x03PK\x03\x04" * 50, "x.txt")
