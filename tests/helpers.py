"""Small builders of test documents."""
from __future__ import annotations

import io
from pathlib import Path


def make_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    d.save(str(path))
    return path


def make_pdf(path: Path, lines: list[str]) -> Path:
    """A minimal valid one-page PDF whose text layer holds ``lines`` (Latin-1 only)."""
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 11 Tf", "14 TL", "50 780 Td"]
    for line in lines:
        ops.append(f"({esc(line)}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    path.write_bytes(pdf_bytes(objects))
    return path


def pdf_bytes(objects: list[bytes]) -> bytes:
    """A PDF file of these numbered objects (object 1 the catalog), with its xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def run_cli(capsys, *argv) -> tuple[int, str, str]:
    """``minutes *argv`` in-process: (exit code, stdout, stderr)."""
    from bot.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def minutes_text(path: Path) -> str:
    """A minutes file's text as `minutes index` reads it: through the loaders, by what the file
    is (PDF, DOCX, HTML, text in UTF-8 or cp1252)."""
    from index.loaders import load_document

    return load_document(path.read_bytes(), path.name).text


def segment_of(gen: Path) -> Path:
    """The one segment (index/segments.py) of a generation a first build wrote."""
    import json

    names = [s["name"] for s in json.loads((gen / "params.json").read_text(encoding="utf-8"))["segments"]]
    assert len(names) == 1, names
    return gen / names[0]


def to_format_1(gen: Path) -> None:
    """Turn a generation of one segment into one as written before segments (format 1): every
    file at the top of the generation, a flat vectors.faiss beside vectors.npy."""
    import json

    import faiss
    import numpy as np

    seg = segment_of(gen)
    for f in seg.iterdir():
        f.rename(gen / f.name)
    seg.rmdir()
    matrix = np.load(gen / "vectors.npy")
    ann = faiss.IndexFlatIP(matrix.shape[1])
    ann.add(np.ascontiguousarray(matrix, dtype=np.float32))
    (gen / "vectors.faiss").write_bytes(faiss.serialize_index(ann).tobytes())
    params = json.loads((gen / "params.json").read_text(encoding="utf-8"))
    params.pop("segments")
    params["format"] = 1
    (gen / "params.json").write_text(json.dumps(params), encoding="utf-8")
