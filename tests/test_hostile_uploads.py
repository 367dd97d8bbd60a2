"""Uploads built to hurt: decompression bombs, PDFs that never finish, wrong content behind a
right extension, hostile names. Each is refused or sanitised, nothing lands outside the corpus
folder, and the bot's own memory stays put (the readers run in a limited child)."""
from __future__ import annotations

import os
import time

import psutil
import pytest

from bot.sandbox import read_untrusted
from index.errors import UnreadableDocument
from index.loaders import load_bytes
from tests.hostile_files import many_pages_pdf, slow_pdf, zip_bomb

MINUTES = ("Protokoll styrelsemöte den 3 mars 2023\n\nNärvarande: Anna Berg, Erik Ek\n\n"
           "1 Budget\nBudgeten godkändes.\n").encode()
FIGURES: dict[str, str] = {}  # printed at the end of the module for docs/reliability.md


def _rss() -> int:
    return psutil.Process().memory_info().rss


def _files_under(root) -> set[str]:
    return {os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs}


def test_docx_bomb_is_refused_from_its_declared_sizes(service):
    bomb = zip_bomb()  # 3 GB declared, 2.9 MB on disk
    before, start = _rss(), time.monotonic()
    with pytest.raises(UnreadableDocument, match="unpacks to more than 100 MB"):
        load_bytes(bomb, "bomb.docx")
    result = service.add_file("bomb.docx", bomb)
    took, grown = time.monotonic() - start, _rss() - before
    assert result.error and "unpacks to more than" in result.error and result.stored_as is None
    assert grown < 100_000_000  # nothing was inflated
    FIGURES["docx bomb (3 GB declared)"] = f"refused in {took:.2f} s, RSS +{grown / 1e6:.0f} MB"


def test_pdf_that_keeps_the_reader_busy_is_cut_off(service, monkeypatch):
    import bot.sandbox

    data = slow_pdf()
    start = time.monotonic()
    with pytest.raises(UnreadableDocument, match="takes more than 2 s"):
        read_untrusted(data, "slow.pdf", seconds=2)
    took = time.monotonic() - start
    monkeypatch.setattr(bot.sandbox, "SECONDS", 2.0)
    result = service.add_file("slow.pdf", data)
    assert result.error and "takes more than 2 s" in result.error and result.stored_as is None
    FIGURES["PDF one slow page (pypdf alone: ~14 s)"] = f"child killed after {took:.1f} s (limit 2 s in the test, 20 s in the bot)"


def test_pdf_with_endless_pages_is_refused_by_the_page_cap():
    start = time.monotonic()
    with pytest.raises(UnreadableDocument, match="more than 2000 pages"):
        load_bytes(many_pages_pdf(), "endless.pdf")
    FIGURES["PDF with 100 000 pages"] = f"refused at page 2000 in {time.monotonic() - start:.1f} s"


def test_a_reader_that_exhausts_its_memory_limit_is_refused():
    # 200 MB of text is fine for the reader, but not in a child held to 150 MB of address space.
    with pytest.raises(UnreadableDocument, match="memory|stopped"):
        read_untrusted(b"Protokoll\n" + b"a " * 100_000_000, "huge.txt", memory=150_000_000)


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 200 + bytes(range(256))


@pytest.mark.parametrize("name,data,reason", [
    ("picture.txt", PNG, "binary content"),
    ("program.pdf", ELF, "corrupt or unreadable PDF"),
    ("program.docx", ELF, "corrupt or unreadable DOCX"),
    ("minutes.docx", b"%PDF-1.4\n" + MINUTES, "corrupt or unreadable DOCX"),
    ("minutes.pdf", MINUTES, "corrupt or unreadable PDF"),
])
def test_wrong_content_behind_a_right_extension_is_refused(service, name, data, reason):
    before = _files_under(service.corpus_dir)
    result = service.add_file(name, data)
    assert result.error and reason in result.error and "\n" not in result.error
    assert _files_under(service.corpus_dir) == before


@pytest.mark.parametrize("name", [
    "../../x.txt", "..\\..\\x.txt", "/etc/passwd.txt", ".env", ".bashrc.txt", "a\x00b.txt",
    "\x1b[31mred\x1b[0m.txt", "line\nbreak.txt", "\u202etxt.exe.txt", "CON.txt", "x" * 500 + ".txt",
    "....txt", "~$lock.txt", "  .txt",
])
def test_hostile_names_are_sanitised_or_refused_and_stay_in_the_corpus(service, tmp_path, name):
    outside_before = _files_under(tmp_path) - {os.path.join("corpus", f) for f in _files_under(service.corpus_dir)}
    result = service.add_file(name, MINUTES + repr(name).encode())  # unique content
    outside_after = _files_under(tmp_path) - {os.path.join("corpus", f) for f in _files_under(service.corpus_dir)}
    # Whatever the bot wrote outside the corpus folder is its index, nothing else.
    assert {f for f in outside_after - outside_before if not f.startswith("index")} == set()
    if result.stored_as is None:
        assert result.error and "unsupported file type" in result.error
        return
    stored = result.stored_as
    assert "/" not in stored and not stored.startswith((".", "~")) and stored.isprintable()
    assert len(stored) <= 110 and (service.corpus_dir / stored).is_file()


def test_figures():
    # Runs last in this module (pytest keeps file order): the figures, for docs/reliability.md.
    for k, v in FIGURES.items():
        print(f"FIGURE {k}: {v}")
    assert FIGURES
