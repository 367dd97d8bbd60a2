"""MINUTES_ANNOUNCE_CHANNEL and MINUTES_REMINDER_DAYS, over the fake Slack: new minutes are
announced once each (upload, folder, restart), reminders go out once before the next meeting."""
from __future__ import annotations

import json
import shutil
import threading
from datetime import date

import pytest

from bot.registers import actions
from bot.slack.announce import Announcer, digest_message
from bot.slack.reminders import Reminders, next_announced
from bot.slack.server import create_app, stop_background
from bot.slack.state import BotState
from index.errors import ConfigError
from tests.conftest import ROOT
from tests.slack.conftest import ADMIN, dm, make_settings, start_http_bot
from tests.slack.fake_slack import FakeFile

RECORDS = ROOT / "tests" / "data" / "records"
KS = "2024-09-12-kommunstyrelsen.txt"  # Swedish minutes with decisions, action items and a next meeting
CHANNEL = "CANNOUNCE"


def announcements(fake) -> list:
    return [c for c in fake.calls_to("chat.postMessage") if c.body.get("channel") == CHANNEL]


def body_text(call) -> str:
    return json.dumps(call.body.get("blocks"), ensure_ascii=False)


@pytest.fixture
def announcing(fake, service):
    bot = start_http_bot(fake, service, announce_channel=CHANNEL)
    yield bot
    bot.runner.stop()


def test_an_upload_is_announced_with_its_digest(announcing, fake, service):
    data = (RECORDS / KS).read_bytes()
    f = fake.add_file(FakeFile("F1", KS, data))
    announcing.event(dm("", ts="1700000400.000100", user=ADMIN, subtype="file_share",
                        files=[{"id": f.id, "name": f.name}]))
    [post] = fake.wait_for(lambda calls: announcements(fake), what="an announcement")
    text = body_text(post)
    m = service.snapshot().meetings[KS]
    doc = service.snapshot().documents[KS]
    assert "12 september 2024" in text and f"{len(m.attendees)} deltog" in text
    assert f"<https://fake.slack.com/files/UBOT/F1/{KS}|{KS}>" in text  # an upload links to its Slack file
    for d in m.decisions:
        assert d.text in doc and json.dumps(d.text, ensure_ascii=False)[1:-1] in text
    for a in m.actions:
        if not a.review:
            assert a.task in doc and json.dumps(a.task, ensure_ascii=False)[1:-1] in text
            assert all(o in text for o in a.owners)
    fake.settle()
    assert len(announcements(fake)) == 1  # the upload reply goes to the DM, the digest once to the channel


def test_minutes_dropped_in_the_folder_are_announced_once(announcing, fake, service):
    shutil.copy(RECORDS / "2023-10-05-board.md", service.corpus_dir / "2023-10-05-board.md")
    service.check_corpus()
    [post] = fake.wait_for(lambda calls: announcements(fake), what="an announcement")
    assert "New minutes" in body_text(post) and "2023-10-05-board.md" in body_text(post)
    service.check_corpus()  # nothing changed
    (service.corpus_dir / "2023-10-05-board.md").touch()  # touched, same content
    service.reindex()
    assert service.wait_notified()
    fake.settle()
    assert len(announcements(fake)) == 1


def test_a_changed_file_is_announced_again_and_a_restart_announces_nothing_twice(fake, service):
    bot = start_http_bot(fake, service, announce_channel=CHANNEL)
    try:
        target = service.corpus_dir / "2023-11-09-board.md"
        shutil.copy(RECORDS / "2023-11-09-board.md", target)
        service.reindex()
        fake.wait_for(lambda calls: len(announcements(fake)) == 1, what="the first announcement")
    finally:
        bot.runner.stop()
    again = start_http_bot(fake, service, announce_channel=CHANNEL)  # the memory is beside the index
    try:
        service.reindex()
        target.write_text(target.read_text(encoding="utf-8") + "\nAddendum: one more line.\n", encoding="utf-8")
        service.reindex()
        fake.wait_for(lambda calls: len(announcements(fake)) == 2, what="the changed file's announcement")
        assert service.wait_notified()
        fake.settle()
        assert len(announcements(fake)) == 2
    finally:
        again.runner.stop()


def test_the_archive_the_bot_starts_with_is_not_announced(fake, service):
    bot = start_http_bot(fake, service, announce_channel=CHANNEL)
    try:
        assert bot.runner.app.minutes_announcer.primed()
        fake.settle()
        assert not announcements(fake)
    finally:
        bot.runner.stop()


def test_the_first_index_ever_built_is_taken_as_known(service, fake):
    state = BotState()
    ann = Announcer(None, CHANNEL, state)
    ann.start(None)  # no index yet
    assert ann.on_snapshot(service.snapshot()) == []
    assert ann.primed() and ann.on_snapshot(service.snapshot()) == []


def test_a_bulk_import_gets_a_few_digests_and_one_line(service):
    posted = []

    class Client:
        def chat_postMessage(self, **kw):
            posted.append(kw)

    ann = Announcer(Client(), CHANNEL, BotState())
    ann._prime(type("Empty", (), {"meetings": {}, "hashes": {}})())
    from bot.slack import announce

    snap = service.snapshot()
    old, announce.MAX_MEETINGS = announce.MAX_MEETINGS, 1
    try:
        assert len(ann.on_snapshot(snap)) == len(snap.meetings) == 2
    finally:
        announce.MAX_MEETINGS = old
    from bot.phrases import say

    assert len(posted) == 2 and posted[1]["text"] in {say("announce_others", lang, n=1) for lang in ("en", "sv")}


def test_digest_message_fits_block_kit(service):
    for m in service.snapshot().meetings.values():
        msg = digest_message(m, date(2026, 1, 1))
        assert len(msg["blocks"]) <= 50 and all(len(b["text"]["text"]) <= 3000 for b in msg["blocks"] if "text" in b)
        assert m.source in json.dumps(msg["blocks"], ensure_ascii=False)


def test_announced_minutes_link_to_the_source_template(fake, service):
    bot = start_http_bot(fake, service, announce_channel=CHANNEL,
                         source_url="https://git.example/minutes/blob/main/{path}#L{line}")
    try:
        shutil.copy(RECORDS / "2023-10-05-board.md", service.corpus_dir / "2023-10-05-board.md")
        service.check_corpus()
        [post] = fake.wait_for(lambda calls: announcements(fake), what="an announcement")
        # The whole file: its first line.
        assert "<https://git.example/minutes/blob/main/2023-10-05-board.md#L1|2023-10-05-board.md>" in body_text(post)
    finally:
        bot.runner.stop()


def test_a_latex_digest_reads_as_text(tmp_path):
    from bot.service import MinutesService
    from tests.conftest import FakeEmbedder

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(RECORDS / "2022-03-01-styrelsemote.tex", corpus)
    svc = MinutesService(corpus, tmp_path / "index", embedder=FakeEmbedder())
    svc.reindex()
    [m] = svc.snapshot().meetings.values()
    assert m.decisions, "the LaTeX minutes have decisions"
    text = json.dumps(digest_message(m, date(2026, 1, 1))["blocks"], ensure_ascii=False)
    for raw in ("\\item", "\\begin", "\\textbf", "\\S "):
        assert raw not in text


# -- reminders -------------------------------------------------------------------------------------
@pytest.fixture
def ks_service(tmp_path):
    from bot.service import MinutesService
    from tests.conftest import FakeEmbedder

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(RECORDS / KS, corpus / KS)
    s = MinutesService(corpus, tmp_path / "index", FakeEmbedder())
    s.reindex()
    yield s
    s.stop()


class Recorder:
    def __init__(self):
        self.posted = []
        self.got = threading.Event()

    def chat_postMessage(self, **kw):
        self.posted.append(kw)
        self.got.set()


def test_a_reminder_goes_out_once_the_day_before(ks_service):
    snap = ks_service.snapshot()
    nxt, source = next_announced(list(snap.meetings.values()), date(2024, 9, 20))
    assert nxt == date(2024, 10, 10) and source.source == KS
    today = [date(2024, 10, 8)]
    client = Recorder()
    rem = Reminders(client, CHANNEL, BotState(), ks_service, 1, today=lambda: today[0])
    assert rem.check() is None and not client.posted  # two days before: not yet
    today[0] = date(2024, 10, 9)
    assert rem.check() == "2024-10-10"
    assert rem.check() is None  # once
    [msg] = client.posted
    text = json.dumps(msg["blocks"], ensure_ascii=False)
    assert msg["channel"] == CHANNEL and "10 oktober 2024" in text
    for row in actions(list(snap.meetings.values()), today=today[0], open_only=True):
        assert json.dumps(row["quote"], ensure_ascii=False)[1:-1] in text
    today[0] = date(2024, 10, 10)
    assert rem.check() is None  # the day itself: no longer "before"


def test_the_scheduler_thread_sends_and_stops(ks_service):
    client = Recorder()
    rem = Reminders(client, CHANNEL, BotState(), ks_service, 3, today=lambda: date(2024, 10, 8), interval=0.05)
    rem.start()
    try:
        assert client.got.wait(10)
    finally:
        rem.stop()
    assert len(client.posted) == 1 and rem._thread is None


def test_reminders_need_the_announce_channel(fake, service):
    with pytest.raises(ConfigError, match="MINUTES_REMINDER_DAYS needs MINUTES_ANNOUNCE_CHANNEL"):
        create_app(make_settings(fake, reminder_days=1), service)


def test_reminders_are_wired_when_asked_for(fake, service):
    app = create_app(make_settings(fake, announce_channel=CHANNEL, reminder_days=1), service)
    try:
        assert app.minutes_reminders is not None and app.minutes_reminders.days == 1
    finally:
        stop_background(type("R", (), {"app": app})())
    assert app.minutes_reminders._thread is None
