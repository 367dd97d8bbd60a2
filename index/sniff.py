"""What a file's bytes are, whatever its name says: a Word document saved as `.txt`, text saved
as `.pdf`, a PDF named `.txt` are read by what they are (with a note), not refused.

Only the first bytes decide, as the formats define them: a DOCX is a zip archive (``PK\\x03\\x04``)
holding ``word/document.xml``; a PDF starts with ``%PDF-`` (readers accept it anywhere in the
first 1024 bytes, so a file named .pdf may have junk before it); anything else is text when it
decodes as text. Reading then goes through the reader of that kind, so its limits (the zip
bomb guard, the PDF page cap and time budget) hold whatever the extension."""
from __future__ import annotations

import io
import zipfile

DOCX, PDF, TEXT, HTML = "docx", "pdf", "text", "html"

ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"
PDF_HEADER_WINDOW = 1024  # where a PDF reader looks for the header
WORD_PART = "word/document.xml"

# For the notes: what the reader read it as, and what the content is.
KIND_LABELS = {DOCX: "DOCX", PDF: "PDF", TEXT: "text", HTML: "HTML"}
KIND_CONTENT = {DOCX: "a Word document", PDF: "a PDF document", TEXT: "plain text", HTML: "HTML markup"}


def kind_of_extension(ext: str) -> str:
    return {".docx": DOCX, ".pdf": PDF, ".html": HTML, ".htm": HTML}.get(ext, TEXT)


def is_word_zip(data: bytes) -> bool:
    """A zip archive with a Word body. Only the central directory is read (its size grows with
    the file's, so this costs what reading the file did); nothing is unpacked."""
    if not data.startswith(ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return WORD_PART in z.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return False


def is_zip(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


def binary_kind(data: bytes, ext_kind: str) -> str | None:
    """DOCX or PDF when the bytes say so, else None (text, or nothing recognised)."""
    if is_word_zip(data):
        return DOCX
    # Text starting with "%PDF-" is not minutes; junk before the header only in a file named .pdf.
    window = data[:PDF_HEADER_WINDOW]
    if data.lstrip()[:len(PDF_MAGIC)] == PDF_MAGIC or (ext_kind == PDF and PDF_MAGIC in window):
        return PDF
    return None


def read_as_note(kind: str) -> str:
    """The note for a file read by its content: 'read as DOCX (its content is a Word document)'."""
    return f"read as {KIND_LABELS[kind]} (its content is {KIND_CONTENT[kind]})"
