"""The bot over real HTTP: request signing, URL verification, mentions and DMs, dedupe, retries."""
from __future__ import annotations

import json
import time

import pytest

from tests.slack.conftest import dm, mention


def _answers(fake):
    return fake.calls_to("chat.postMessage")


def test_url_verification_challenge(http_bot):
    status, body, _ = http_bot.post(json.dumps({"token": "t", "challenge": "abc123", "type": "url_verification"}),
                                    "application/json")
    assert status == 200 and "abc123" in body


def test_unsigned_forged_and_stale_requests_are_refused(http_bot):
    body = json.dumps({"token": "t", "challenge": "abc", "type": "url_verification"})
    assert http_bot.post(body, "application/json", sign=False)[0] == 401
    forged = {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v0=" + "0" * 64}
    assert http_bot.post(body, "application/json", headers=forged)[0] == 401
    assert http_bot.post(body, "application/json", timestamp=int(time.time()) - 6 * 60)[0] == 401
    http_bot.secret = "some-other-secret"
    assert http_bot.event(mention("Vilka var med?"))[0] == 401
    http_bot.fake.settle()
    assert not _answers(http_bot.fake)


def test_unknown_path_is_404_and_health_is_ok(http_bot):
    import urllib.error
    import urllib.request

    base = http_bot.url.rsplit("/slack/events", 1)[0]
    with urllib.request.urlopen(base + "/healthz", timeout=5) as r:
        assert r.status == 200
    try:
        urllib.request.urlopen(urllib.request.Request(base + "/other", data=b"{}", method="POST"), timeout=5)
        raise AssertionError("expected 404")
    except urllib.error.HTTPError as e:
        assert e.code == 404


def test_mention_is_answered_in_a_thread_with_quotes(http_bot, fake):
    status, _, _ = http_bot.event(mention("Vilka var närvarande på planeringsmötet?", ts="1700000001.000100"))
    assert status == 200
    [post] = fake.wait_calls("chat.postMessage")
    assert post.body["channel"] == "C1" and post.body["thread_ts"] == "1700000001.000100"
    blocks = post.body["blocks"]
    assert blocks[0]["type"] == "section" and post.body["text"]
    assert any(b["type"] == "section" and b["text"]["text"].startswith(">") for b in blocks[1:])
    assert any(b["type"] == "context" and ".txt`" in b["elements"][0]["text"] for b in blocks)
    assert len(blocks) <= 50


def test_mention_inside_a_thread_replies_in_that_thread(http_bot, fake):
    http_bot.event(mention("När är nästa möte?", ts="1700000005.000100", thread_ts="1700000000.000001"))
    [post] = fake.wait_calls("chat.postMessage")
    assert post.body["thread_ts"] == "1700000000.000001"


def test_work_in_progress_reaction_added_then_removed(http_bot, fake):
    http_bot.event(mention("budget", ts="1700000001.000200"))
    fake.wait_calls("reactions.remove")
    methods = [c.method for c in fake.calls if c.method.startswith(("reactions", "chat"))]
    assert methods == ["reactions.add", "chat.postMessage", "reactions.remove"]
    add = fake.calls_to("reactions.add")[0]
    assert add.body["name"] == "hourglass_flowing_sand" and add.body["timestamp"] == "1700000001.000200"


def test_direct_message_is_answered_in_the_dm(http_bot, fake):
    http_bot.event(dm("Vem var ordförande?", channel="D9"))
    [post] = fake.wait_calls("chat.postMessage")
    assert post.body["channel"] == "D9" and "thread_ts" not in post.body


def test_mention_that_also_arrives_as_a_message_is_answered_once(http_bot, fake):
    ts = "1700000003.000100"
    http_bot.event(mention("Vilka var med?", channel="D1", ts=ts), event_id="Ev1")
    http_bot.event(dm("<@UBOT> Vilka var med?", channel="D1", ts=ts), event_id="Ev2")
    fake.wait_calls("chat.postMessage")
    fake.settle()
    assert len(_answers(fake)) == 1


def test_slack_retry_never_produces_a_second_answer(http_bot, fake):
    event = mention("Vilka var med?", ts="1700000004.000100")
    assert http_bot.event(event)[0] == 200
    fake.wait_calls("chat.postMessage")
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert http_bot.event(event, headers=retry)[0] == 200
    fake.settle()
    assert len(_answers(fake)) == 1


def test_bot_messages_and_subtypes_are_ignored(http_bot, fake):
    http_bot.event(dm("from a bot", ts="1.1", bot_id="B2"), event_id="E1")
    http_bot.event(dm("edited", ts="1.2", subtype="message_changed"), event_id="E2")
    http_bot.event(dm("joined", ts="1.3", subtype="channel_join"), event_id="E3")
    http_bot.event(dm("my own", ts="1.4", user="UBOT"), event_id="E4")
    http_bot.event({**dm("in a channel", ts="1.5"), "channel_type": "channel", "channel": "C1"}, event_id="E5")
    fake.settle()
    assert not _answers(fake)


def test_empty_mention_gets_a_hint(http_bot, fake):
    http_bot.event(mention("", ts="1700000006.000100"))
    [post] = fake.wait_calls("chat.postMessage")
    assert "/minutes help" in post.body["text"]


def test_engine_failure_becomes_one_friendly_line(fake, service, monkeypatch):
    from tests.slack.conftest import start_http_bot

    def boom(*a, **k):
        raise RuntimeError("kaboom: internal detail")

    monkeypatch.setattr(service, "converse", boom)
    bot = start_http_bot(fake, service)
    try:
        bot.event(mention("What was decided?", ts="1700000007.000100"))
        [post] = fake.wait_calls("chat.postMessage")
        assert "Sorry, something went wrong" in post.body["text"] and "kaboom" not in post.body["text"]
    finally:
        bot.runner.stop()


SLACK_ACK_SECONDS = 3  # Slack's limit; a local ack takes milliseconds, so this is a wide margin


def test_ack_comes_before_slow_work_and_the_hourglass_shows_meanwhile(http_bot, fake, service, gate):
    held = gate(service, "converse")  # every answer waits until released, after both acks are in
    status, _, took = http_bot.event(mention("Vilka var med?", ts="1700000008.000100"))
    assert status == 200 and took < SLACK_ACK_SECONDS
    status, body, _ = http_bot.command("Vilka var med?")
    assert status == 200 and "Letar i protokollen" in body
    assert held.entered.wait(10)
    fake.wait_calls("reactions.add")
    assert not fake.calls_to("chat.postMessage")  # still working, hourglass showing
    held.release.set()
    fake.wait_calls("chat.postMessage")
    fake.wait_for(lambda calls: [c for c in calls if c.method == "response_url"], what="slash answer")
    fake.wait_calls("reactions.remove")


def test_missing_index_is_explained_not_a_generic_error(fake, tmp_path, corpus_copy):
    from bot.service import MinutesService
    from tests.conftest import FakeEmbedder
    from tests.slack.conftest import start_http_bot

    service = MinutesService(corpus_copy, tmp_path / "no-index", FakeEmbedder())  # never indexed
    bot = start_http_bot(fake, service)
    try:
        bot.event(mention("Vilka var med?", ts="1700000009.000100"))
        [post] = fake.wait_calls("chat.postMessage")
        assert "Inget är indexerat ännu" in post.body["text"] and "/minutes index" in post.body["text"]
        bot.command("status", response_id="st")
        [reply] = fake.wait_for(lambda calls: [c for c in calls if c.method == "response_url"], what="status")
        assert "Nothing is indexed yet" in reply.body["text"]
    finally:
        bot.runner.stop()


# -- malformed HTTP requests ------------------------------------------------------------------------

def _raw(bot, head: str, body: bytes = b"", timeout: float = 10) -> bytes:
    """Send a hand-made request on a raw socket; everything the server sends until it closes."""
    import socket

    import select

    data = head.replace("\n", "\r\n").encode("latin-1") + b"\r\n" + body
    with socket.create_connection(("127.0.0.1", bot.runner.port), timeout=timeout) as sock:
        # Sent piecewise, stopping as soon as the server answers: a server that refuses a body
        # early closes its end, and writing on would only earn a reset that loses its answer.
        for i in range(0, len(data), 65536):
            if select.select([sock], [], [], 0)[0]:
                break
            try:
                sock.sendall(data[i: i + 65536])
            except (BrokenPipeError, ConnectionResetError):
                break
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except ConnectionResetError:
            pass
    return b"".join(chunks)


def _status(response: bytes) -> int:
    return int(response.split(b" ", 2)[1]) if response else 0


def _still_answers(bot) -> None:
    body = json.dumps({"token": "t", "challenge": "still-here", "type": "url_verification"})
    status, text, _ = bot.post(body, "application/json")
    assert status == 200 and "still-here" in text


@pytest.mark.parametrize("length,expected", [
    ("-1", 400),        # read(-1) would wait for the client to close
    ("abc", 400),       # int() would raise: no response at all
    ("1_0", 400),       # int() accepts it; HTTP does not
    ("5, 7", 400),
    ("2000000", 413),   # over MAX_BODY_BYTES, left unread
])
def test_bad_content_length_is_refused_and_the_server_carries_on(http_bot, length, expected):
    response = _raw(http_bot, "POST /slack/events HTTP/1.1\nHost: x\nContent-Type: application/json\n"
                              f"Content-Length: {length}\nConnection: close\n", b"{}")
    assert _status(response) == expected
    _still_answers(http_bot)


def test_chunked_body_is_read_whole_then_checked_like_any_other(http_bot):
    # waitress de-chunks the body (within the size limit) before Bolt sees it: an unsigned one is
    # refused by the signature check, an endless one by the size limit.
    response = _raw(http_bot, "POST /slack/events HTTP/1.1\nHost: x\nContent-Type: application/json\n"
                              "Transfer-Encoding: chunked\nConnection: close\n", b"2\r\n{}\r\n0\r\n\r\n")
    assert _status(response) == 401
    big = b"".join(b"%x\r\n" % 100_000 + b"x" * 100_000 + b"\r\n" for _ in range(12)) + b"0\r\n\r\n"
    response = _raw(http_bot, "POST /slack/events HTTP/1.1\nHost: x\nContent-Type: application/json\n"
                              "Transfer-Encoding: chunked\nConnection: close\n", big)
    assert _status(response) == 413
    _still_answers(http_bot)


def test_body_that_is_not_utf8_fails_the_signature_check(http_bot, fake):
    import hashlib
    import hmac

    body = b'{"type": "url_verification", "challenge": "\xff\xfe"}'
    ts = str(int(time.time()))
    # Signed over the raw bytes, as Slack would: still refused, since the text Bolt checks is not them.
    signature = "v0=" + hmac.new(http_bot.secret.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256).hexdigest()
    response = _raw(http_bot, "POST /slack/events HTTP/1.1\nHost: x\nContent-Type: application/json\n"
                              f"Content-Length: {len(body)}\nX-Slack-Request-Timestamp: {ts}\n"
                              f"X-Slack-Signature: {signature}\nConnection: close\n", body)
    assert _status(response) == 401
    _still_answers(http_bot)


def test_a_client_that_stops_sending_is_dropped_without_holding_a_worker(fake, service):
    from bot.slack.http import CHANNEL_TIMEOUT, THREADS
    from tests.slack.conftest import start_http_bot

    assert CHANNEL_TIMEOUT == 30  # the default; shortened here so the test is quick
    bot = start_http_bot(fake, service, http_options={"channel_timeout": 1, "threads": 1})
    try:
        import socket

        # More stalled clients than workers (one here): waitress holds their half requests on
        # its I/O thread, so the one worker still serves everyone else meanwhile.
        stalled = []
        for _ in range(THREADS):
            s = socket.create_connection(("127.0.0.1", bot.runner.port), timeout=10)
            s.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      b"Content-Length: 100\r\n\r\n{\"type\": \"")
            stalled.append(s)
        _still_answers(bot)
        # Promised 100 bytes, sent 10, then silence: the server hangs up (the socket's own 10 s
        # timeout would fail this test with an exception instead of b"").
        for s in stalled:
            assert s.recv(65536) == b""
            s.close()
        _still_answers(bot)
    finally:
        bot.runner.stop()


# -- when Slack refuses the answer -----------------------------------------------------------------

def test_refused_answer_is_posted_again_as_plain_text(http_bot, fake):
    fake.fail_with("chat.postMessage", "invalid_blocks")
    http_bot.event(mention("Vilka var med?", ts="1700000010.000100"))
    first, second = fake.wait_calls("chat.postMessage", n=2)
    assert len(first.body["blocks"]) > 1  # the full answer, refused
    assert second.body["text"] == first.body["text"] and second.body["thread_ts"] == "1700000010.000100"
    assert second.body["blocks"] == [{"type": "section", "text": {"type": "mrkdwn", "text": first.body["text"],
                                                                  "verbatim": True}}]
    fake.wait_calls("reactions.remove")
    fake.settle()
    assert len(fake.calls_to("chat.postMessage")) == 2


def test_answer_refused_twice_is_logged_and_the_hourglass_still_goes(http_bot, fake, caplog):
    fake.fail_with("chat.postMessage", "not_in_channel", times=2)
    http_bot.event(mention("Vilka var med?", ts="1700000011.000100"))
    fake.wait_calls("reactions.remove")
    fake.settle()
    assert len(fake.calls_to("chat.postMessage")) == 2
    assert any("not_in_channel" in r.getMessage() and r.levelname == "ERROR" for r in caplog.records)


def test_reaction_connection_error_does_not_stop_the_answer(http_bot, fake):
    fake.drop_next("reactions.add", times=5)  # the client's own retry fails too
    http_bot.event(mention("Vilka var med?", ts="1700000012.000100"))
    [post] = fake.wait_calls("chat.postMessage")
    assert post.body["thread_ts"] == "1700000012.000100" and len(post.body["blocks"]) > 1
    fake.settle()
    assert not fake.calls_to("reactions.remove")  # nothing was added, so nothing to remove


# -- index errors, the Slack way -------------------------------------------------------------------

@pytest.mark.parametrize("lang,question,expected", [
    ("en", "What was decided?", "The index needs rebuilding: an admin can run `/minutes index rebuild`."),
    ("sv", "Vilka var med?", "Indexet behöver byggas om: en administratör kan köra `/minutes index rebuild`."),
])
def test_corrupt_index_is_explained_without_paths(http_bot, fake, service, monkeypatch, lang, question, expected):
    from index.errors import IndexCorrupt

    def corrupt(*a, **k):
        raise IndexCorrupt(f"index in {service.index_dir} is damaged (EOFError); run `minutes index --rebuild`")

    monkeypatch.setattr(service, "converse", corrupt)
    http_bot.event(mention(question, ts="1700000013.000100"))
    [post] = fake.wait_calls("chat.postMessage")
    assert post.body["text"] == expected


def test_a_mention_in_a_dm_is_answered_in_place(http_bot, fake):
    from tests.slack.conftest import mention

    http_bot.event(mention("who attended in 2015?", channel="D7", ts="1700000077.000100"))
    post = fake.wait_calls("chat.postMessage")[0]
    assert post.body["channel"] == "D7" and "thread_ts" not in post.body


def test_help_shows_the_placeholder_escaped(http_bot, fake):
    from bot.slack.messages import help_text

    for lang in ("en", "sv"):
        text = help_text(lang)
        assert "&lt;" in text and "<" not in text.replace("<@", "")
