"""Slack's retries are answered once, also after the bot restarts: the event store is SQLite."""
from __future__ import annotations

import threading

from bot.slack.dedupe import FILENAME, Deduper
from tests.slack.conftest import mention, start_http_bot


def test_once_per_key_then_forgotten_after_the_ttl():
    now = [1000.0]
    d = Deduper(ttl=10, clock=lambda: now[0])
    assert d.first_time("C1", "1.0") and not d.first_time("C1", "1.0")
    assert d.first_time("C2", "1.0")
    now[0] += 11
    assert d.first_time("C1", "1.0")  # Slack stopped retrying long ago: a new message
    assert d.count() == 1


def test_keys_survive_a_restart(tmp_path):
    first = Deduper.beside_index(tmp_path / "index")
    assert first.first_time("C1", "1700000001.000100")
    first.close()
    again = Deduper.beside_index(tmp_path / "index")  # the bot came back up
    assert (tmp_path / "index" / FILENAME).is_file()
    assert not again.first_time("C1", "1700000001.000100")
    assert again.first_time("C1", "1700000002.000100")


def test_exactly_once_across_threads_and_two_stores_on_one_file(tmp_path):
    stores = [Deduper(tmp_path / "seen.sqlite3"), Deduper(tmp_path / "seen.sqlite3")]
    wins: list[int] = []
    start = threading.Barrier(8)

    def worker(n):
        start.wait()
        d = stores[n % 2]
        wins.extend(i for i in range(200) if d.first_time("C", str(i)))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(wins) == list(range(200))


def test_a_path_that_is_a_folder_falls_back_to_memory(tmp_path, caplog):
    (tmp_path / FILENAME).mkdir()  # works for root too: a folder cannot be opened as a database
    d = Deduper(tmp_path / FILENAME)
    assert d.path is None and d.first_time("a") and not d.first_time("a")
    assert any("in memory only" in r.getMessage() for r in caplog.records)


def test_a_retry_after_a_restart_gets_no_second_answer(fake, service):
    event = mention("Vilka var med?", ts="1700000400.000100")
    bot = start_http_bot(fake, service)
    try:
        assert bot.event(event, event_id="EvR")[0] == 200
        fake.wait_calls("chat.postMessage")
    finally:
        bot.runner.stop()
    bot = start_http_bot(fake, service)  # a new process would open the same file
    try:
        retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
        assert bot.event(event, event_id="EvR", headers=retry)[0] == 200
        fake.settle()
        assert len(fake.calls_to("chat.postMessage")) == 1
    finally:
        bot.runner.stop()
