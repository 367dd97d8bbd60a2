"""Minutes uploaded to the bot in a DM: files.info, download with the bot token, add_file, reply."""
from __future__ import annotations

from tests.slack.conftest import ADMIN, USER, dm
from tests.slack.fake_slack import BOT_TOKEN, FakeFile

MINUTES = ("Protokoll styrelsemöte den 3 mars 2023\n\nNärvarande: Anna Berg, Erik Ek, Maja Lind\n\n"
           "1 Budget\nBudgeten godkändes.\n").encode()


def share(file: FakeFile, user: str = ADMIN, ts: str = "1700000400.000100") -> dict:
    return dm("", ts=ts, user=user, subtype="file_share", files=[{"id": file.id, "name": file.name}])


def _reply_text(fake, n=1) -> str:
    return fake.wait_calls("chat.postMessage", n=n)[n - 1].body["text"]


def _corpus_files(service) -> set[str]:
    return {p.relative_to(service.corpus_dir).as_posix() for p in service.corpus_dir.rglob("*") if p.is_file()}


def test_admin_upload_is_stored_indexed_and_described(http_bot, fake, service):
    before = service.status().meetings
    f = fake.add_file(FakeFile("F1", "2023-03-03 styrelse.txt", MINUTES))
    http_bot.event(share(f))
    text = _reply_text(fake)
    assert fake.calls_to("files.info")[0].body["file"] == "F1"
    assert fake.downloads == [{"path": "/files-pri/T1-F1/download/2023-03-03%20styrelse.txt",
                               "authorization": f"Bearer {BOT_TOKEN}"}]
    assert (service.corpus_dir / "2023-03-03_styrelse.txt").read_bytes() == MINUTES
    assert "2023-03-03" in text and "Attendees: 3" in text and "Passages indexed:" in text
    assert "styrelsemöte" in text.lower()
    assert service.status().meetings == before + 1
    post = fake.calls_to("chat.postMessage")[0]
    assert post.body["channel"] == "D1"
    fake.wait_calls("reactions.remove")
    assert [c.method for c in fake.calls if c.method.startswith("reactions")] == ["reactions.add", "reactions.remove"]


def test_duplicate_upload_is_reported(http_bot, fake, service):
    sample = sorted(service.corpus_dir.iterdir())[0]
    f = fake.add_file(FakeFile("F2", "copy.txt", sample.read_bytes()))
    before = _corpus_files(service)
    http_bot.event(share(f))
    text = _reply_text(fake)
    assert "already in the minutes" in text and sample.name in text
    assert _corpus_files(service) == before


def test_non_admin_is_refused_and_nothing_is_fetched_or_stored(http_bot, fake, service):
    f = fake.add_file(FakeFile("F3", "x.txt", MINUTES))
    before = _corpus_files(service)
    http_bot.event(share(f, user=USER))
    text = _reply_text(fake)
    assert "only the bot's admins" in text
    fake.settle()
    assert not fake.calls_to("files.info") and not fake.downloads
    assert _corpus_files(service) == before


def test_oversize_is_refused_before_download(http_bot, fake, service):
    f = fake.add_file(FakeFile("F4", "big.txt", MINUTES, size=5_000_000))  # limit is 1 MB in tests
    before = _corpus_files(service)
    http_bot.event(share(f))
    text = _reply_text(fake)
    assert "5.0 MB" in text and "limit is 1.0 MB" in text
    assert not fake.downloads and _corpus_files(service) == before


def test_body_larger_than_claimed_is_still_refused(http_bot, fake, service):
    f = fake.add_file(FakeFile("F4b", "liar.txt", b"a " * 600_000, size=10))
    before = _corpus_files(service)
    http_bot.event(share(f))
    assert "larger than the limit" in _reply_text(fake)
    assert _corpus_files(service) == before


def test_wrong_type_is_refused_before_download(http_bot, fake, service):
    f = fake.add_file(FakeFile("F5", "budget.xlsx", b"PK\x03\x04", filetype="xlsx"))
    http_bot.event(share(f))
    text = _reply_text(fake)
    assert text == "`budget.xlsx` is a .xlsx file; I can read .txt, .md, .tex, .html, .docx or .pdf minutes."
    assert not fake.downloads


def test_unreadable_file_gets_the_reason(http_bot, fake, service):
    # binary and no PDF (text saved as .pdf is read as text: tests/test_sniff.py)
    f = fake.add_file(FakeFile("F6", "broken.pdf", b"\x00\x01\x02 not a pdf at all" * 20, filetype="pdf"))
    before = _corpus_files(service)
    http_bot.event(share(f))
    text = _reply_text(fake)
    assert text.startswith("I could not add `broken.pdf`:")
    assert _corpus_files(service) == before


def test_path_traversal_name_is_stored_inside_the_corpus(http_bot, fake, service, tmp_path):
    f = fake.add_file(FakeFile("F7", "../../evil.txt", MINUTES))
    http_bot.event(share(f))
    text = _reply_text(fake)
    assert "as `evil.txt`" in text
    assert (service.corpus_dir / "evil.txt").read_bytes() == MINUTES
    assert not (tmp_path / "evil.txt").exists() and not (service.corpus_dir.parent.parent / "evil.txt").exists()


def test_token_is_never_sent_to_a_foreign_host(http_bot, fake, service):
    f = fake.add_file(FakeFile("F8", "x.txt", MINUTES, url="https://evil.example/steal"))
    http_bot.event(share(f))
    assert "not a Slack file host" in _reply_text(fake)
    assert not fake.downloads


def test_redirect_to_a_foreign_host_is_refused():
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    import pytest

    from bot.slack.uploads import UploadPolicy, UploadRefused, download

    class Redirect(BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def do_GET(self):
            self.send_response(302)
            self.send_header("Location", "http://evil.example/steal")
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = HTTPServer(("127.0.0.1", 0), Redirect)
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        policy = UploadPolicy(bot_token=BOT_TOKEN, api_url=base + "/api/", max_bytes=1000)
        with pytest.raises(UploadRefused, match="not a Slack file host"):
            download(base + "/files-pri/x", policy)
    finally:
        server.shutdown()
        server.server_close()


def test_plain_dm_text_with_a_file_from_non_admin_in_swedish(http_bot, fake):
    f = fake.add_file(FakeFile("F9", "x.txt", MINUTES))
    event = share(f, user=USER)
    event["text"] = "Här är protokollet från mötet"
    http_bot.event(event)
    assert "administratörer" in _reply_text(fake)


def test_latex_and_markdown_minutes_are_taken(http_bot, fake, service):
    tex = (b"\\section*{Protokoll styrelsem\xc3\xb6te den 4 april 2023}\n\nN\xc3\xa4rvarande: Anna Berg, Erik Ek\n\n"
           b"1 Budget\nBudgeten godk\xc3\xa4ndes.\n")
    f = fake.add_file(FakeFile("F10", "2023-04-04 styrelse.tex", tex))
    g = fake.add_file(FakeFile("F11", "2023-05-05 styrelse.markdown", MINUTES.replace(b"3 mars", b"5 maj")))
    http_bot.event(share(f, ts="1700000410.000100"))
    http_bot.event(share(g, ts="1700000411.000100"))
    texts = [c.body["text"] for c in fake.wait_calls("chat.postMessage", n=2)]
    assert any(t.startswith("Added `2023-04-04 styrelse.tex`") for t in texts), texts
    assert any(t.startswith("Added `2023-05-05 styrelse.markdown`") for t in texts), texts
    assert {"2023-04-04_styrelse.tex", "2023-05-05_styrelse.markdown"} <= _corpus_files(service)


def test_the_accepted_types_are_what_the_service_reads():
    from bot.slack.uploads import DEFAULT_EXTENSIONS, file_kinds
    from index.loaders import SUPPORTED_EXTENSIONS

    assert DEFAULT_EXTENSIONS == SUPPORTED_EXTENSIONS
    assert file_kinds() == ".txt, .md, .tex, .html, .docx or .pdf"  # .markdown, .htm are read too
    assert file_kinds(lang="sv") == ".txt, .md, .tex, .html, .docx eller .pdf"
    assert file_kinds({".txt", ".odt"}) == ".txt or .odt"


def test_pending_upload_is_reported_as_stored_not_failed():
    from bot.service import AddResult
    from bot.slack.uploads import result_text

    text = result_text("m.txt", AddResult(stored_as="m.txt", pending="another process is updating the index"))
    assert text.startswith("Added `m.txt` as `m.txt`.")
    assert "will be indexed as soon as" in text and "could not" not in text


def test_a_file_slack_will_not_describe_gets_slacks_reason(http_bot, fake, service):
    before = _corpus_files(service)
    http_bot.event(dm("", ts="1700000499.000100", user=ADMIN, subtype="file_share", files=[{"id": "F404", "name": "x.txt"}]))
    text = _reply_text(fake)
    assert "Slack would not describe the file" in text and "file_not_found" in text
    assert "something went wrong" not in text
    assert _corpus_files(service) == before


def test_uploaded_files_are_readable_by_others(http_bot, fake, service):
    import stat

    f = fake.add_file(FakeFile("F9", "2023-03-09 styrelse.txt", MINUTES))
    http_bot.event(share(f, ts="1700000498.000100"))
    _reply_text(fake)
    mode = stat.S_IMODE((service.corpus_dir / "2023-03-09_styrelse.txt").stat().st_mode)
    assert mode == 0o644


def test_a_decompression_bomb_upload_is_refused_quickly(fake, service):
    from tests.hostile_files import zip_bomb
    from tests.slack.conftest import start_http_bot

    bot = start_http_bot(fake, service, max_upload_mb=5.0)
    try:
        before = _corpus_files(service)
        f = fake.add_file(FakeFile("FB", "minutes.docx", zip_bomb(), filetype="docx"))
        bot.event(share(f))
        text = _reply_text(fake)
        assert text.startswith("I could not add `minutes.docx`:") and "unpacks to more than" in text
        assert _corpus_files(service) == before
    finally:
        bot.runner.stop()
