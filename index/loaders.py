"""Reading minutes files into text. The text returned is what every quote is a substring of.

A file is read by what its bytes are (index/sniff.py), not only by its extension: a Word
document saved as .txt is read as DOCX, with a note saying so.

Line endings are normalised to "\n" (a quote must not carry a stray "\r"); nothing else is
changed, so offsets into this text are offsets into what the reader sees in the file."""
from __future__ import annotations

import io
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import sniff
from .html import html_text, looks_like_html
from .errors import UnreadableDocument, UnsupportedFormat

TEXT_EXTENSIONS = {".txt", ".md", ".markdown", ".tex"}
HTML_EXTENSIONS = {".html", ".htm"}
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | {".docx", ".pdf"}

# Limits on what one file may cost to read. Real minutes are far below each: a .docx of minutes
# unpacks to a few MB; a PDF of minutes has tens of pages.
MAX_DOCX_UNPACKED = 100_000_000  # bytes, summed over the zip's members as declared
MAX_DOCX_MEMBERS = 5_000
MAX_PDF_PAGES = 2_000
PDF_SECONDS = 30.0  # extraction stops (file refused) when this is spent, checked between pages

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _utf16(data: bytes) -> str | None:
    """The text of a UTF-16 file (what Windows Notepad saves as "Unicode"), or None.

    With a byte order mark; or without one, when every other byte is NUL in one position only,
    as in mostly-Latin text (Swedish included)."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if len(data) >= 4 and len(data) % 2 == 0:
        even, odd = data[0::2], data[1::2]
        for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
            if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) == 0:
                try:
                    return data.decode(codec)
                except UnicodeDecodeError:
                    return None
    return None


def decode_8bit(data: bytes) -> tuple[str, str]:
    """(text, codec) of bytes in UTF-8 (with or without BOM), else cp1252 as Windows writes it,
    else latin-1, which takes the five bytes cp1252 leaves undefined (so any bytes decode).
    For minutes files and for questions typed in a terminal that is not UTF-8."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def decode_text(data: bytes, file: str) -> str:
    wide = _utf16(data)
    if wide is not None:
        data = wide.encode("utf-8")
    if b"\x00" in data:
        raise UnreadableDocument(file, "binary content in a text file")
    text, _ = decode_8bit(data)
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(2, len(text) // 100):
        raise UnreadableDocument(file, "binary content in a text file")
    return text


def _docx_text(data: bytes, file: str) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    _check_zip(data, file)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - python-docx raises many kinds for a broken zip
        raise UnreadableDocument(file, "corrupt or unreadable DOCX file") from None
    lines: list[str] = []
    # Body order, tables included: attendee lists are often tables in Word minutes.
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(element, document).text)
        elif tag == "tbl":
            for row in Table(element, document).rows:
                cells = [c.text.strip() for c in row.cells]
                lines.append(", ".join(c for c in dict.fromkeys(cells) if c))
    return "\n".join(lines)


def _check_zip(data: bytes, file: str) -> None:
    """Refuse a decompression bomb before anything is unpacked: the members' declared sizes
    are summed (zipfile never inflates a member past its declared size, so a header that lies
    cannot get more out than it declares)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise UnreadableDocument(file, "corrupt or unreadable DOCX file") from None
    if len(members) > MAX_DOCX_MEMBERS or sum(m.file_size for m in members) > MAX_DOCX_UNPACKED:
        raise UnreadableDocument(file, f"DOCX file unpacks to more than {MAX_DOCX_UNPACKED // 1_000_000} MB; refused")


def _pdf_text(data: bytes, file: str, seconds: float | None = None) -> str:
    import logging

    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    deadline = time.monotonic() + (PDF_SECONDS if seconds is None else seconds)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        pages = []
        for n, page in enumerate(reader.pages):
            if n >= MAX_PDF_PAGES:
                raise UnreadableDocument(file, f"PDF file has more than {MAX_PDF_PAGES} pages; refused")
            if time.monotonic() > deadline:
                raise UnreadableDocument(file, "PDF file takes too long to read; refused")
            pages.append(page.extract_text() or "")
    except UnreadableDocument:
        raise
    except RecursionError:  # a page tree that refers to itself
        raise UnreadableDocument(file, "corrupt or unreadable PDF file") from None
    except Exception:  # noqa: BLE001 - pypdf raises many kinds for a damaged file
        raise UnreadableDocument(file, "corrupt or unreadable PDF file") from None
    return "\n\n".join(pages)


@dataclass(frozen=True)
class Loaded:
    text: str
    # The kind it was read as (index/sniff.py: docx, pdf, text) when its content is not what
    # its extension says; None when it is.
    read_as: str | None = None

    @property
    def note(self) -> str | None:
        """'read as DOCX (its content is a Word document)', or None."""
        return sniff.read_as_note(self.read_as) if self.read_as else None


def load_document(data: bytes, file: str) -> Loaded:
    """Turn a file's bytes into its text, read by what they are, or raise a DocumentError naming
    ``file``."""
    ext = Path(file).suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        raise UnsupportedFormat(file, f"unsupported file type {ext or '(none)'}; use .txt, .md, .tex, .html, .docx or .pdf")
    if not data.strip():
        raise UnreadableDocument(file, "empty file")
    named = sniff.kind_of_extension(ext)
    kind = sniff.binary_kind(data, named)
    text = None
    if kind is None:
        if sniff.is_zip(data):  # an .odt, .xlsx or broken zip: the named reader says what is wrong
            if named in (sniff.TEXT, sniff.HTML):
                raise UnreadableDocument(file, "a zip archive, not text nor a Word document; save it as .docx or .txt")
            kind = named
        elif named in (sniff.TEXT, sniff.HTML):
            kind = named
        else:  # named .docx or .pdf, but neither: text saved under that name, when it decodes as text
            try:
                text, kind = decode_text(data, file), sniff.TEXT
            except UnreadableDocument:
                kind = named  # binary: refused as the corrupt file it claims to be
    if kind in (sniff.TEXT, sniff.HTML):
        text = decode_text(data, file) if text is None else text
        # Markup is read as what it shows: an .html file, or a text file that is HTML inside.
        if kind == sniff.HTML or looks_like_html(text):
            text, kind = html_text(text), sniff.HTML
    else:
        text = _docx_text(data, file) if kind == sniff.DOCX else _pdf_text(data, file)
        # Extractors can hand back lone surrogates, which cannot be stored as UTF-8.
        text = text.encode("utf-8", "replace").decode("utf-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableDocument(file, "no text in file")
    return Loaded(text, kind if kind != named else None)


def load_bytes(data: bytes, file: str) -> str:
    """A file's text (see :func:`load_document`), or a DocumentError naming ``file``."""
    return load_document(data, file).text


def read_bytes(path: Path, file: str) -> bytes:
    """A file's bytes, or an UnreadableDocument naming ``file``."""
    try:
        return path.read_bytes()
    except PermissionError:
        raise UnreadableDocument(file, "cannot read file: permission denied") from None
    except OSError as e:
        raise UnreadableDocument(file, f"cannot read file: {e.strerror or e}") from None


def read_file(path: Path, file: str) -> tuple[bytes, str]:
    """Read ``path`` once: its bytes (for the content hash) and its text."""
    data = read_bytes(path, file)
    return data, load_bytes(data, file)
