"""Files built to hurt a reader: a zip whose members unpack to gigabytes, a PDF whose one page
keeps the text extractor busy, a PDF with a hundred thousand pages."""
from __future__ import annotations

import io
import struct
import zlib

from tests.helpers import pdf_bytes

GB = 1_000_000_000


def zip_bomb(members: int = 30, member_bytes: int = 100_000_000) -> bytes:
    """A .docx-shaped zip (``[Content_Types].xml``, ``word/document.xml``, ...) whose members
    each inflate to ``member_bytes`` of zeros: 3 GB from about 3 MB. The one deflate stream is
    computed once and written under every name, as a zip's format allows."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = b"\0" * 1_000_000
    crc = 0
    parts = []
    for _ in range(member_bytes // len(block)):
        parts.append(comp.compress(block))
        crc = zlib.crc32(block, crc)
    parts.append(comp.flush())
    data = b"".join(parts)
    names = ["[Content_Types].xml", "word/document.xml"] + [f"word/media/image{i}.bin" for i in range(members - 2)]
    out, central = io.BytesIO(), io.BytesIO()
    for name in names:
        n = name.encode()
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), member_bytes, len(n), 0))
        out.write(n)
        out.write(data)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data),
                                  member_bytes, len(n), 0, 0, 0, 0, 0, offset))
        central.write(n)
    cd = central.getvalue()
    start = out.tell()
    out.write(cd)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(names), len(names), len(cd), start, 0))
    return out.getvalue()


def _pdf(objects: list[bytes]) -> bytes:
    return pdf_bytes(objects)


_PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def slow_pdf(operators: int = 400_000) -> bytes:
    """One page of ``operators`` text moves: pypdf takes many seconds over it (14 s measured
    for 400 000 on the CI machine's kind) before its own limit stops it."""
    ops = b"BT /F1 11 Tf " + b"(x) Tj 1 0 Td " * operators + b"ET"
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", _PAGE,
                 b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"\nendstream", _FONT])


def many_pages_pdf(pages: int = 100_000) -> bytes:
    """``pages`` pages, all the same small one: endless for a reader without a page cap."""
    kids = b" ".join(b"3 0 R" for _ in range(pages))
    stream = b"BT /F1 11 Tf 50 780 Td (Protokoll) Tj ET"
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
                 _PAGE, b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream", _FONT])
