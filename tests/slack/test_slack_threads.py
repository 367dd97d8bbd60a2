"""Follow-ups in the bot's threads, over the fake Slack with signed requests: answered in the
thread, in the context of the thread's last question, even after a restart; fixed replies in
the user's Slack locale."""
from __future__ import annotations

import json

import pytest

from bot.slack.locale import LocaleCache, language_of_locale
from bot.slack.state import BotState
from bot.slack.threads import ThreadMemory, is_thread_reply
from tests.slack.conftest import USER, dm, mention, start_http_bot

ROOT_TS = "1700000100.000100"
SGH_DATE = "2021-11-10"
IKEM_DATE = "2015-02-04"


def reply(text: str, ts: str, thread_ts: str = ROOT_TS, channel: str = "C1", **extra) -> dict:
    """A plain message in a channel thread (the message.channels event), no mention."""
    return {"type": "message", "channel_type": "channel", "user": USER, "text": text, "ts": ts,
            "thread_ts": thread_ts, "channel": channel, "event_ts": ts, **extra}


def answers(fake) -> list:
    return fake.calls_to("chat.postMessage")


def answer_text(call) -> str:
    return json.dumps(call.body, ensure_ascii=False)


@pytest.fixture
def bot(fake, service):
    b = start_http_bot(fake, service)
    yield b
    b.runner.stop()


def test_a_mention_in_the_thread_is_answered_in_context(bot, fake):
    bot.event(mention("who attended the meeting in November 2021?", ts=ROOT_TS), event_id="E1")
    [first] = fake.wait_calls("chat.postMessage")
    assert first.body["thread_ts"] == ROOT_TS and SGH_DATE in answer_text(first)
    bot.event(mention("what about 2015?", ts="1700000101.000100", thread_ts=ROOT_TS), event_id="E2")
    second = fake.wait_calls("chat.postMessage", 2)[1]
    assert second.body["thread_ts"] == ROOT_TS
    text = answer_text(second)
    assert "11 people attended" in text and IKEM_DATE in text and SGH_DATE not in text


def test_a_plain_reply_in_the_thread_is_a_follow_up(bot, fake):
    bot.event(mention("vilka deltog på mötet 2015?", ts=ROOT_TS), event_id="E1")
    fake.wait_calls("chat.postMessage")
    bot.event(reply("vem var ordförande där?", ts="1700000102.000100"), event_id="E2")
    second = fake.wait_calls("chat.postMessage", 2)[1]
    assert second.body["thread_ts"] == ROOT_TS
    text = answer_text(second)
    assert "4 februari 2015" in text and "2021" not in text  # the meeting of the thread, by its date


def test_replies_the_bot_should_not_answer(bot, fake):
    # a thread the bot never answered in; a reply to someone else; an edit; a bot
    bot.event(reply("och 2015?", ts="1700000200.000100", thread_ts="1700000199.000100"), event_id="E1")
    bot.event(mention("who attended in 2015?", ts=ROOT_TS), event_id="E2")
    fake.wait_calls("chat.postMessage")
    bot.event(reply("<@U999> did you see this?", ts="1700000103.000100"), event_id="E3")
    bot.event(reply("och 2021?", ts="1700000104.000100", subtype="message_changed"), event_id="E4")
    bot.event(reply("och 2021?", ts="1700000105.000100", bot_id="B2"), event_id="E5")
    fake.settle()
    assert len(answers(fake)) == 1


def test_a_mention_arriving_as_both_events_is_answered_once(bot, fake):
    bot.event(mention("who attended in 2015?", ts=ROOT_TS), event_id="E1")
    fake.wait_calls("chat.postMessage")
    follow = "<@UBOT> and who was absent?"
    bot.event(mention("and who was absent?", ts="1700000106.000100", thread_ts=ROOT_TS), event_id="E2")
    bot.event(reply(follow, ts="1700000106.000100"), event_id="E3")
    fake.settle()
    assert len(answers(fake)) == 2


def test_the_thread_context_survives_a_restart(fake, service):
    first = start_http_bot(fake, service)
    try:
        first.event(mention("who attended the meeting in November 2021?", ts=ROOT_TS), event_id="E1")
        fake.wait_calls("chat.postMessage")
    finally:
        first.runner.stop()
    again = start_http_bot(fake, service)  # a new process would open the same file beside the index
    try:
        again.event(reply("what about 2015?", ts="1700000107.000100"), event_id="E2")
        second = fake.wait_calls("chat.postMessage", 2)[1]
        assert second.body["thread_ts"] == ROOT_TS and IKEM_DATE in answer_text(second)
    finally:
        again.runner.stop()


def test_a_dm_reply_in_the_thread_of_the_answer_has_context(bot, fake):
    bot.event(dm("who attended the meeting in November 2021?", ts="1700000300.000100"), event_id="E1")
    [first] = fake.wait_calls("chat.postMessage")
    assert first.body.get("thread_ts") is None  # a DM is answered in place
    bot_ts = "1700000000.000200"  # the first ts the fake hands out: that of the answer
    fake.wait_calls("reactions.remove")  # the answer's ts is remembered before the hourglass goes
    bot.event(dm("what about 2015?", ts="1700000301.000100", thread_ts=bot_ts), event_id="E2")
    second = fake.wait_calls("chat.postMessage", 2)[1]
    assert second.body["thread_ts"] == bot_ts and IKEM_DATE in answer_text(second)


# -- the locale -----------------------------------------------------------------------------------------
def test_help_follows_the_slack_locale_when_the_word_does_not_tell(bot, fake):
    fake.locales[USER] = "sv-SE"
    body = json.loads(bot.command("help")[1])["text"]
    assert "Jag svarar på frågor" in body
    english = json.loads(bot.command("help", user="UENGLISH")[1])["text"]  # no locale known: English
    assert "I answer questions" in english
    infos = fake.calls_to("users.info")
    assert infos and str(infos[0].body.get("include_locale")).lower() in ("1", "true")
    bot.command("status")
    fake.wait_calls("response_url")
    assert len([c for c in fake.calls_to("users.info") if c.body.get("user") == USER]) == 1  # cached


def test_the_question_language_beats_the_locale(bot, fake):
    fake.locales[USER] = "sv-SE"
    body = json.loads(bot.command("hjälp")[1])["text"]
    assert "Jag svarar" in body
    fake.locales["UEN"] = "en-GB"
    assert "Jag svarar" in json.loads(bot.command("hjälp", user="UEN")[1])["text"]


def test_home_tab_in_the_users_language(bot, fake):
    fake.locales["U7"] = "sv-SE"
    bot.event({"type": "app_home_opened", "user": "U7", "channel": "D7", "tab": "home", "event_ts": "1.0"})
    [pub] = fake.wait_calls("views.publish")
    text = json.dumps(pub.body["view"], ensure_ascii=False)
    assert "Fråga mig om mötesprotokollen" in text and "möten indexerade" in text


def test_locale_helpers():
    assert language_of_locale("sv-SE") == "sv" and language_of_locale("en-US") == "en"
    assert language_of_locale("de-DE") is None and language_of_locale(None) is None

    class Boom:
        calls = 0

        def users_info(self, **kw):
            Boom.calls += 1
            raise OSError("network down")

    cache = LocaleCache()
    assert cache.reply_language(Boom(), "U1", "") == "en"
    assert cache.reply_language(Boom(), "U1", "") == "en"
    assert Boom.calls == 1  # a failure is remembered for a while, not retried per message
    assert cache.reply_language(Boom(), "U1", "vilka var med?") == "sv"


def test_thread_memory_expires_and_ignores_damaged_rows(tmp_path):
    from bot.followup import Context
    from bot.understand import understand

    now = [1000.0]
    state = BotState(tmp_path / "s.sqlite3", clock=lambda: now[0])
    threads = ThreadMemory(state, ttl=60)
    threads.remember("C1", "1.0", Context(question=understand("who attended in 2015?"), meeting=IKEM_DATE))
    assert threads.context("C1", "1.0").meeting == IKEM_DATE
    assert threads.context("C1", None) is None and threads.context("C2", "1.0") is None
    now[0] += 61
    assert threads.context("C1", "1.0") is None and not threads.knows("C1", "1.0")
    state.put("thread", "C1:2.0", "{damaged")
    assert threads.context("C1", "2.0") is None


def test_state_falls_back_to_memory_when_the_folder_cannot_be_written(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    state = BotState(blocker / "sub" / "s.sqlite3")
    assert state.path is None
    assert state.claim("k", "a") and not state.claim("k", "a")


def test_is_thread_reply_rules():
    threads = ThreadMemory(BotState())
    from bot.followup import Context
    from bot.understand import understand

    threads.remember("C1", ROOT_TS, Context(question=understand("who attended?")))
    assert is_thread_reply(reply("och 2015?", ts="2.0"), threads, "UBOT")
    assert is_thread_reply(reply("<@UBOT> och 2015?", ts="2.0"), threads, "UBOT")
    assert not is_thread_reply(reply("<@U9> och 2015?", ts="2.0"), threads, "UBOT")
    assert not is_thread_reply(reply("och 2015?", ts=ROOT_TS), threads, "UBOT")  # the root itself
    assert not is_thread_reply({**reply("och 2015?", ts="2.0"), "channel_type": "im"}, threads, "UBOT")
    assert not is_thread_reply(reply("och 2015?", ts="2.0", thread_ts="9.9"), threads, "UBOT")



def test_upload_replies_follow_the_uploaders_locale(bot, fake, service):
    from tests.slack.conftest import ADMIN
    from tests.slack.fake_slack import FakeFile

    fake.locales[ADMIN] = "sv-SE"
    ok = fake.add_file(FakeFile("F1", "2023-03-03 styrelse.txt",
                                "Protokoll styrelsemöte den 3 mars 2023\n\nNärvarande: Anna Berg, Erik Ek\n".encode()))
    big = fake.add_file(FakeFile("F2", "big.txt", b"x", size=5_000_000))
    bot.event(dm("", ts="1700000400.000100", user=ADMIN, subtype="file_share",
                 files=[{"id": ok.id, "name": ok.name}, {"id": big.id, "name": big.name}]))
    [post] = fake.wait_calls("chat.postMessage")
    text = post.body["text"]
    assert "La till `2023-03-03 styrelse.txt`" in text and "Deltagare: 2" in text
    assert "`big.txt` är 5.0 MB; gränsen är 1.0 MB." in text
