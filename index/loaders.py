"""Reading minutes files into text. The text returned is what every quote is a substring of.

Line endings are normalised to "\n" (a quote must not carry a stray "\r"); nothing else is
changed, so offsets into this text are offsets into what the reader sees in the file."""
from __future__ import annotations

import io
from pathlib import Path

from .errors import UnreadableDocument, UnsupportedFormat

TEXT_EXTENSIONS = {".txt", ".md", ".markdown", ".tex"}
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS | {".docx", ".pdf"}


def decode_text(data: bytes, file: str) -> str:
    if b"\x00" in data:
        raise UnreadableDocument(file, "binary content in a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Windows-written minutes are cp1252; latin-1 takes the five bytes cp1252 leaves undefined.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(2, len(text) // 100):
        raise UnreadableDocument(file, "binary content in a text file")
    return text


def _docx_text(data: bytes, file: str) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

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


def _pdf_text(data: bytes, file: str) -> str:
    import logging

    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception:  # noqa: BLE001 - pypdf raises many kinds for a damaged file
        raise UnreadableDocument(file, "corrupt or unreadable PDF file") from None
    return "\n\n".join(pages)


def load_bytes(data: bytes, file: str) -> str:
    """Turn a file's bytes into its text, or raise a DocumentError naming ``file``."""
    ext = Path(file).suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        raise UnsupportedFormat(file, f"unsupported file type {ext or '(none)'}; use .txt, .md, .tex, .docx or .pdf")
    if not data.strip():
        raise UnreadableDocument(file, "empty file")
    if ext in (".docx", ".pdf"):
        text = _docx_text(data, file) if ext == ".docx" else _pdf_text(data, file)
        # Extractors can hand back lone surrogates, which cannot be stored as UTF-8.
        text = text.encode("utf-8", "replace").decode("utf-8")
    else:
        text = decode_text(data, file)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableDocument(file, "no text in file")
    return text


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
