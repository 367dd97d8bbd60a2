"""The buttons under an answer, clicked through the fake Slack as signed ``block_actions``
payloads: "More" posts the rest in the thread, 👍 / 👎 are stored and counted in
`/minutes status`, a 👎 offers more passages."""
from __future__ import annotations

import pytest

from bot.answer import Answer, Passage
from bot.slack.buttons import MORE, MORE_AFTER_DOWN, VOTE_DOWN, VOTE_UP
from bot.slack.memory import FILENAME, BotMemory
from tests.slack.conftest import USER, click_payload, dm, mention, start_http_bot
from tests.slack.test_slack_blocks import CannedService

SAMPLE = "2021-11-10-samverkansgruppen-halsa-life-science.txt"


def long_answer(service, n: int = 7) -> Answer:
    """An answer of ``n`` verbatim passages from the sample minutes, as the engine would give."""
    text = service.snapshot().documents[SAMPLE]
    lines = [(i, line) for i, line in enumerate(text.splitlines(keepends=True)) if line.strip()]
    passages = []
    offsets = [0]
    for line in text.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))
    for i, line in lines[:n]:
        start = offsets[i]
        passages.append(Passage(source=SAMPLE, meeting_date="2021-11-10", title="Samverkansgruppen",
                                quote=line.rstrip("\n"), start=start, end=start + len(line.rstrip("\n"))))
    assert len(passages) == n
    return Answer(question="Vad hände på mötet?", answer="Så här står det i protokollet:", found=True,
                  language="sv", intent="search", passages=passages)


@pytest.fixture
def canned(fake, service):
    answer = long_answer(service)
    bot = start_http_bot(fake, CannedService(service, answer))
    yield bot, answer
    bot.runner.stop()


def _buttons(message: dict) -> dict[str, dict]:
    return {e["action_id"]: e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]}


def _quotes(message: dict) -> list[str]:
    return [b["text"]["text"] for b in message["blocks"] if b["type"] == "section" and b["text"]["text"].startswith(">")]


def test_long_answer_shows_three_passages_then_more_and_votes(canned, fake):
    bot, answer = canned
    bot.event(mention("Vad hände på mötet?", ts="1700000001.000100"))
    [post] = fake.wait_calls("chat.postMessage")
    assert len(_quotes(post.body)) == 3
    buttons = _buttons(post.body)
    assert list(buttons) == [MORE, VOTE_UP, VOTE_DOWN]
    assert buttons[MORE]["text"]["text"] == "Fler utdrag (4)"  # Swedish, as the question
    assert all(len(b["value"]) <= 2000 and len(b["text"]["text"]) <= 75 for b in buttons.values())


def test_more_posts_the_rest_in_the_thread_once(canned, fake):
    bot, answer = canned
    bot.event(mention("Vad hände på mötet?", ts="1700000001.000100"))
    [post] = fake.wait_calls("chat.postMessage")
    payload = click_payload(post.body, MORE, message_ts="1700000001.000200", response_url=f"{fake.base}/response/m")
    status, _, _ = bot.action(payload)
    assert status == 200
    posts = fake.wait_calls("chat.postMessage", 2)
    rest = posts[1].body
    assert rest["channel"] == "C1" and rest["thread_ts"] == "1700000001.000100"
    assert len(_quotes(rest)) == 4
    assert "Utdrag 4–7 av 7" in rest["blocks"][0]["elements"][0]["text"]
    shown = {q for p in posts for q in _quotes(p.body)}
    assert len(shown) == 7  # every passage once, none twice
    bot.action(payload)  # a double click
    fake.settle()
    assert len(fake.calls_to("chat.postMessage")) == 2


def test_more_in_a_dm_answer_is_posted_beside_it(canned, fake):
    bot, _ = canned
    bot.event(dm("Vad hände på mötet?", ts="1700000002.000100"))
    [post] = fake.wait_calls("chat.postMessage")
    assert post.body.get("thread_ts") in (None, "")
    bot.action(click_payload(post.body, MORE, channel="D1", message_ts="1700000002.000200"))
    rest = fake.wait_calls("chat.postMessage", 2)[1].body
    assert rest["channel"] == "D1" and rest.get("thread_ts") in (None, "")


def test_votes_are_stored_with_question_and_sources_and_counted_in_status(canned, fake, service):
    bot, answer = canned
    bot.event(mention("Vad hände på mötet?", ts="1700000001.000100"))
    [post] = fake.wait_calls("chat.postMessage")
    bot.action(click_payload(post.body, VOTE_UP, user="U1", response_url=f"{fake.base}/response/v1"))
    bot.action(click_payload(post.body, VOTE_UP, user="U2", response_url=f"{fake.base}/response/v2"))
    bot.action(click_payload(post.body, VOTE_DOWN, user="U2", response_url=f"{fake.base}/response/v3"))  # changes U2's
    replies = fake.wait_calls("response_url", 3)
    assert all(r.body["response_type"] == "ephemeral" and r.body["replace_original"] in (False, "false")
               for r in replies)
    assert "Tack för återkopplingen" in replies[0].body["text"]

    memory = BotMemory(service.index_dir / FILENAME)  # the file beside the index, as another process sees it
    rows = memory.vote_rows()
    assert sorted((r["user"], r["vote"]) for r in rows) == [("U1", "up"), ("U2", "down")]
    assert all(r["question"] == "Vad hände på mötet?" for r in rows)
    assert rows[0]["sources"] == [{"source": SAMPLE, "start": p.start, "end": p.end} for p in answer.passages]

    bot.command("status", response_id="st")
    status = fake.wait_for(lambda calls: [c for c in calls if c.method == "response_url" and "👍" in str(c.body)],
                           what="status with votes")[0]
    assert "1 👍, 1 👎" in status.body["text"]


def test_thumbs_down_offers_the_passages_left_out(canned, fake):
    bot, answer = canned
    bot.event(mention("Vad hände på mötet?", ts="1700000001.000100"))
    [post] = fake.wait_calls("chat.postMessage")
    bot.action(click_payload(post.body, VOTE_DOWN, response_url=f"{fake.base}/response/down"))
    [offer] = fake.wait_calls("response_url")
    assert "fler utdrag" in offer.body["text"] and "Vad hände på mötet?" in offer.body["text"]
    assert MORE_AFTER_DOWN in _buttons(offer.body)
    bot.action(click_payload(offer.body, MORE_AFTER_DOWN, ephemeral=True, response_url=f"{fake.base}/response/more"))
    shown = fake.wait_calls("response_url", 2)[1].body
    assert shown["response_type"] == "ephemeral" and shown["replace_original"] in (True, "true")
    assert len(_quotes(shown)) == 4  # the four the answer left out, to the voter alone
    assert len(fake.calls_to("chat.postMessage")) == 1


def _down_then_more(bot, fake, post_body) -> dict:
    bot.action(click_payload(post_body, VOTE_DOWN, response_url=f"{fake.base}/response/down"))
    [offer] = fake.wait_calls("response_url")
    bot.action(click_payload(offer.body, MORE_AFTER_DOWN, ephemeral=True, response_url=f"{fake.base}/response/more"))
    return fake.wait_calls("response_url", 2)[1].body


def test_thumbs_down_on_a_full_answer_searches_wider(fake, service):
    # An answer that showed all it had: "more" asks the real engine for more passages than it gave.
    full = service.converse("life science")[0]
    answer = full.model_copy(update={"passages": full.passages[:1]})
    bot = start_http_bot(fake, CannedService(service, answer))
    try:
        bot.event(mention("life science", ts="1700000001.000100"))
        [post] = fake.wait_calls("chat.postMessage")
        assert MORE not in _buttons(post.body)
        more = _down_then_more(bot, fake, post.body)
        extra = _quotes(more)
        assert extra and not set(extra) & set(_quotes(post.body))
        assert "Utdrag 2–" in more["blocks"][0]["elements"][0]["text"] or "Passages 2–" in more["blocks"][0]["elements"][0]["text"]
    finally:
        bot.runner.stop()


def test_thumbs_down_when_nothing_more_is_found_says_so(fake, service):
    answer = service.converse("projekt")[0]
    assert len(service.converse("projekt", k=10)[0].passages) == len(answer.passages)  # nothing more to find
    bot = start_http_bot(fake, CannedService(service, answer))
    try:
        bot.event(mention("projekt", ts="1700000001.000100"))
        [post] = fake.wait_calls("chat.postMessage")
        more = _down_then_more(bot, fake, post.body)
        assert not _quotes(more) and "no further passages" in more["text"]
    finally:
        bot.runner.stop()


def test_an_unknown_answer_reference_is_answered_not_crashed(canned, fake):
    bot, _ = canned
    bot.event(mention("Vad hände på mötet?", ts="1700000001.000100"))
    [post] = fake.wait_calls("chat.postMessage")
    payload = click_payload(post.body, MORE, response_url=f"{fake.base}/response/x")
    payload["actions"][0]["value"] = "0000000000000000:3"
    status, _, _ = bot.action(payload)
    assert status == 200
    [reply] = fake.wait_calls("response_url")
    assert "too old" in reply.body["text"]
    assert len(fake.calls_to("chat.postMessage")) == 1


def test_unsigned_clicks_are_refused(canned, fake):
    bot, _ = canned
    bot.event(mention("Vad hände på mötet?", ts="1700000001.000100"))
    [post] = fake.wait_calls("chat.postMessage")
    status, _, _ = bot.action(click_payload(post.body, MORE), sign=False)
    assert status == 401
    fake.settle()
    assert len(fake.calls_to("chat.postMessage")) == 1


def test_slash_command_answer_has_buttons_and_more_goes_to_the_clicker(fake, service):
    bot = start_http_bot(fake, CannedService(service, long_answer(service)))
    try:
        bot.command("Vad hände på mötet?", response_id="cmd")
        answer = fake.wait_for(lambda calls: [c for c in calls if c.method == "response_url" and c.body.get("blocks")],
                               what="the answer")[0].body
        bot.action(click_payload(answer, MORE, ephemeral=True, user=USER, response_url=f"{fake.base}/response/m"))
        more = fake.wait_for(lambda calls: [c for c in calls if c.method == "response_url"
                                            and "Utdrag 4–7" in str(c.body)], what="the rest")[0].body
        assert more["response_type"] == "ephemeral" and len(_quotes(more)) == 4
        assert not fake.calls_to("chat.postMessage")
    finally:
        bot.runner.stop()


def test_buttons_work_in_socket_mode(socket_bot, fake):
    from tests.slack.conftest import event_envelope

    socket_bot.wait_ack(socket_bot.send("events_api", event_envelope(mention("life science", ts="1700000700.000100"))))
    [post] = fake.wait_calls("chat.postMessage")
    assert MORE in _buttons(post.body)  # five passages: three shown
    eid = socket_bot.send("interactive", click_payload(post.body, MORE, response_url=f"{fake.base}/response/sm"))
    socket_bot.wait_ack(eid)
    rest = fake.wait_calls("chat.postMessage", 2)[1].body
    assert rest["thread_ts"] == "1700000700.000100" and _quotes(rest)


class _WiderFails(CannedService):
    """The search behind "more passages" fails with ``error`` once the answer is posted."""
    error: BaseException | None = None

    def converse(self, question, context=None, **kw):
        if "k" in kw and self.error is not None:
            raise self.error
        return super().converse(question, context, **kw)


def test_thumbs_down_when_the_wider_search_fails_says_why(fake, service):
    from index.errors import IndexBusy

    full, _ = service.converse("life science")
    canned = _WiderFails(service, full.model_copy(update={"passages": full.passages[:1]}))
    bot = start_http_bot(fake, canned)
    try:
        bot.event(mention("life science", ts="1700000001.000100"))
        [post] = fake.wait_calls("chat.postMessage")
        canned.error = IndexBusy("another process is updating the index")
        more = _down_then_more(bot, fake, post.body)
        assert "no further passages" not in more["text"] and "updat" in more["text"].lower()
    finally:
        bot.runner.stop()


def test_a_bug_in_the_wider_search_is_not_no_more_passages(fake, service, caplog):
    full, _ = service.converse("life science")
    canned = _WiderFails(service, full.model_copy(update={"passages": full.passages[:1]}))
    bot = start_http_bot(fake, canned)
    try:
        bot.event(mention("life science", ts="1700000001.000100"))
        [post] = fake.wait_calls("chat.postMessage")
        canned.error = TypeError("a bug")
        bot.action(click_payload(post.body, VOTE_DOWN, response_url=f"{fake.base}/response/down"))
        [offer] = fake.wait_calls("response_url")
        bot.action(click_payload(offer.body, MORE_AFTER_DOWN, ephemeral=True, response_url=f"{fake.base}/response/more"))
        fake.settle()
        assert not any("no further passages" in str(c.body) for c in fake.calls_to("response_url"))
        assert "unhandled error in a Slack listener" in caplog.text and "TypeError: a bug" in caplog.text
    finally:
        bot.runner.stop()
