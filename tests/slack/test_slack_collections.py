"""Access to collections in Slack (issue 19), over the fake Slack: the board's minutes
(styrelsen, private, mapped to C0BOARD) reach only its channel's members, in that channel and
in a DM; nothing bypasses it (follow-ups, More, the Home tab, status, announcements, reminders);
Slack failing on conversations.members withholds them and says why."""
from __future__ import annotations

import json
import time
from datetime import date

import pytest

from bot.answer import Answer, Passage
from bot.service import MinutesService
from bot.slack.buttons import MORE
from bot.slack.reminders import Reminders
from bot.slack.state import BotState
from tests.collections_corpus import BOARD, BOARD_SECRET, CULTURE, write_corpus
from tests.conftest import FakeEmbedder
from tests.slack.conftest import click_payload, dm, mention, start_http_bot

MEMBER, OTHER = "UMEMBER", "UOTHER"
MAPPING = json.dumps({"C0BOARD": ["styrelsen"], "C0KULT": ["kultur"]})
# Words of the board's minutes only (its secret, its attendee, its decision): never posted to one
# who may not see them.
BOARD_WORDS = (BOARD_SECRET, "Olle Lind", "tysthet", "styrelsen/", "sälja den gamla flygeln", "Styrelsen")


@pytest.fixture
def service(tmp_path):
    s = MinutesService(write_corpus(tmp_path / "corpus"), tmp_path / "ix", FakeEmbedder())
    s.reindex()
    yield s
    s.stop()


@pytest.fixture
def board(fake, service):
    fake.members.update({"C0BOARD": [MEMBER], "C0KULT": [MEMBER, OTHER]})
    bot = start_http_bot(fake, service, channel_collections=MAPPING, private_collections="Styrelsen")
    yield bot
    bot.runner.stop()


def posted(call) -> str:
    return json.dumps(call.body, ensure_ascii=False)


def sees_board(text: str) -> bool:
    return any(w in text for w in BOARD_WORDS)


def ask(bot, fake, event) -> str:
    n = len(fake.calls_to("chat.postMessage"))
    bot.event(event, event_id=f"Ev{time.monotonic_ns()}")
    return posted(fake.wait_calls("chat.postMessage", n + 1)[n])


QUESTION = f"vad sades om {BOARD_SECRET}?"
WITHHELD = "Slack kunde inte svara just nu"  # the reply says why (in the question's language)


def test_a_member_in_the_mapped_channel_gets_the_board(board, fake):
    text = ask(board, fake, mention(QUESTION, channel="C0BOARD", ts="1700000001.000100", user=MEMBER))
    assert BOARD_SECRET in text and BOARD in text


def test_a_non_member_in_the_mapped_channel_gets_nothing_of_it(board, fake):
    text = ask(board, fake, mention(QUESTION, channel="C0BOARD", ts="1700000001.000200", user=OTHER))
    assert not sees_board(text.replace(QUESTION, "")) and "Det finns inga protokoll jag kan svara ur här" in text


def test_an_unmapped_channel_never_sees_a_private_collection(board, fake):
    for user, ts in ((MEMBER, "1700000002.000100"), (OTHER, "1700000002.000200")):
        text = ask(board, fake, mention(QUESTION, channel="C1", ts=ts, user=user))
        assert not sees_board(text.replace(QUESTION, "")), user
        # the unmapped channel sees the rest
        text = ask(board, fake, mention("vad beslutades om flygeln?", channel="C1", ts=ts[:-1] + "9", user=user))
        assert CULTURE in text and not sees_board(text), user


def test_a_mapped_channel_sees_only_its_collections(board, fake):
    text = ask(board, fake, mention("vad beslutades om flygeln?", channel="C0KULT", ts="1700000003.000100", user=OTHER))
    assert CULTURE in text and not sees_board(text) and "2024-02-01-arsmote" not in text


def test_in_a_dm_only_a_member_of_a_mapped_channel_gets_the_board(board, fake):
    text = ask(board, fake, dm(QUESTION, channel="D1", ts="1700000004.000100", user=MEMBER))
    assert BOARD_SECRET in text and BOARD in text
    text = ask(board, fake, dm(QUESTION, channel="D2", ts="1700000004.000200", user=OTHER))
    assert not sees_board(text.replace(QUESTION, ""))
    text = ask(board, fake, dm("when does the board meet next?", channel="D2", ts="1700000004.000300", user=OTHER))
    assert not sees_board(text) and "2024-04-10" not in text and "10 April 2024" not in text


def test_slack_failing_on_members_withholds_the_board_and_says_why(board, fake):
    fake.fail_with("conversations.members", "internal_error")
    text = ask(board, fake, dm(QUESTION, channel="D1", ts="1700000005.000100", user=MEMBER))
    assert not sees_board(text.replace(QUESTION, ""))
    assert WITHHELD in text
    # Slack unreachable (the connection dropped, retries too): the same
    fake.drop_next("conversations.members", times=5)
    text = ask(board, fake, dm(QUESTION, channel="D1", ts="1700000005.000200", user=MEMBER))
    assert not sees_board(text.replace(QUESTION, "")) and WITHHELD in text


def test_members_are_asked_once_for_a_few_minutes(board, fake):
    for i in range(3):
        ask(board, fake, dm(QUESTION, channel="D1", ts=f"1700000006.00010{i}", user=MEMBER))
    assert len(fake.calls_to("conversations.members")) == 1


def test_a_follow_up_by_a_non_member_in_the_board_thread(board, fake):
    ts = "1700000007.000100"
    first = ask(board, fake, mention("who attended the board meeting?", channel="C0BOARD", ts=ts, user=MEMBER))
    assert "Olle Lind" in first
    reply = {"type": "message", "channel": "C0BOARD", "channel_type": "channel", "user": OTHER,
             "text": "and who was absent?", "ts": "1700000007.000200", "thread_ts": ts, "event_ts": "1700000007.000200"}
    text = ask(board, fake, reply)
    assert not sees_board(text)


def _board_answer_message(board, service):
    """A remembered answer with more board passages than it shows, as the bot posts it."""
    bot = board.runner.app.minutes_bot
    doc = service.snapshot().documents[BOARD]
    spans = [(0, 30), (31, 80), (81, 140), (141, 200), (201, 260)]
    answer = Answer(question=QUESTION, answer="x", found=True, language="sv",
                    passages=[Passage(source=BOARD, quote=doc[s:e], start=s, end=e) for s, e in spans])
    return bot.answer_blocks(answer), doc[201:260]


def test_more_in_a_channel_that_may_not_see_the_answer(board, fake, service):
    message, last = _board_answer_message(board, service)
    board.action(click_payload(message, MORE, channel="C1", user=MEMBER, response_url=f"{fake.base}/response/m1"))
    [reply] = fake.wait_calls("response_url")
    assert "inga fler utdrag" in posted(reply) and last not in posted(reply)
    assert not [c for c in fake.calls_to("chat.postMessage") if last in posted(c)]
    # where it may be seen, the same click shows the rest
    board.action(click_payload(message, MORE, channel="C0BOARD", user=MEMBER))
    [post] = fake.wait_for(lambda calls: [c for c in fake.calls_to("chat.postMessage") if "C0BOARD" in posted(c)])
    assert json.dumps(last, ensure_ascii=False)[1:-1][:20] in posted(post)


def test_the_home_tab_is_each_users_own(board, fake):
    board.event({"type": "app_home_opened", "user": OTHER, "channel": "D2", "tab": "home", "event_ts": "1.2"})
    [view] = fake.wait_calls("views.publish")
    assert not sees_board(posted(view)) and "stämma flygeln" in posted(view)
    board.event({"type": "app_home_opened", "user": MEMBER, "channel": "D1", "tab": "home", "event_ts": "1.3"},
                event_id="Ev2")
    member_view = fake.wait_calls("views.publish", 2)[1]
    assert "sälja den gamla flygeln" in posted(member_view)


def test_the_home_tab_says_why_private_minutes_are_missing_when_slack_fails(board, fake):
    fake.fail_with("conversations.members", "internal_error")
    board.event({"type": "app_home_opened", "user": MEMBER, "channel": "D1", "tab": "home", "event_ts": "1.2"})
    [view] = fake.wait_calls("views.publish")
    assert not sees_board(posted(view)) and "Slack could not tell me just now" in posted(view)


def test_status_in_a_channel_lists_what_it_sees(board, fake):
    board.command("status", user=OTHER, channel="C0KULT")
    [reply] = fake.wait_calls("response_url")
    text = posted(reply)
    assert "Kulturutskottet" in text and "Styrelsen" not in text and "styrelsen" not in text
    assert "1 meetings" in text or "1 möten" in text or "*1*" in text


def test_a_private_collections_new_minutes_are_announced_only_in_its_channel(fake, service):
    fake.members.update({"C0BOARD": [MEMBER]})
    bot = start_http_bot(fake, service, channel_collections=MAPPING, private_collections="styrelsen",
                         announce_channel="C0ANNOUNCE")
    try:
        new_board = service.corpus_dir / "styrelsen" / "2024-04-10-styrelsemote.txt"
        new_board.write_text("Protokoll styrelsemöte 2024-04-10\n\nNärvarande: Anna Berg, Olle Lind\n\n"
                             "§ 1 Lönerna\nBeslut: Styrelsen beslutade att frysa lönerna.\n", encoding="utf-8")
        new_culture = service.corpus_dir / "kultur" / "2024-04-12-kultur.txt"
        new_culture.write_text("Protokoll kulturutskottet 2024-04-12\n\nNärvarande: Lisa Holm\n\n"
                               "§ 1 Konserten\nBeslut: Kulturutskottet beslutade att konserten hålls i maj.\n",
                               encoding="utf-8")
        service.check_corpus()
        assert service.wait_notified()
        fake.settle()
        posts = fake.calls_to("chat.postMessage")
        to = {c.body["channel"]: posted(c) for c in posts}
        assert "frysa lönerna" in to["C0BOARD"] and "frysa lönerna" not in to.get("C0ANNOUNCE", "")
        assert "konserten hålls i maj" in to["C0ANNOUNCE"] and "konserten" not in to["C0BOARD"]
        assert not any("frysa lönerna" in posted(c) for c in posts if c.body["channel"] != "C0BOARD")
    finally:
        bot.runner.stop()


class Recorder:
    def __init__(self):
        self.posted = []

    def chat_postMessage(self, **kw):
        self.posted.append(kw)


def test_reminders_per_collection_go_where_it_may_be_seen(fake, service, board):
    client = Recorder()
    access = board.runner.app.minutes_bot.collections
    rem = Reminders(client, "C0ANNOUNCE", BotState(), service, 3, today=lambda: date(2024, 4, 8), access=access)
    assert rem.check() == "2024-04-10"  # the board's: its own next meeting, its own actions
    [msg] = client.posted
    assert msg["channel"] == "C0BOARD" and "kontakta mäklaren" in posted_kw(msg) and "stämmaren" not in posted_kw(msg)
    client.posted.clear()
    rem.today = lambda: date(2024, 5, 18)
    assert rem.check() == "2024-05-20"  # the culture committee's, in the announce channel
    [msg] = client.posted
    assert msg["channel"] == "C0ANNOUNCE" and not sees_board(posted_kw(msg))


def posted_kw(kw: dict) -> str:
    return json.dumps(kw, ensure_ascii=False)


def test_the_access_settings_are_checked_and_compared_without_case():
    from bot.settings import load_settings
    from index.errors import ConfigError

    s = load_settings(channel_collections='{"C0BOARD": ["Styrelsen"], "C0KULT": "kultur"}',
                      private_collections=" STYRELSEN ,", _env_file=None)
    assert s.channel_collection_map == {"C0BOARD": frozenset({"styrelsen"}), "C0KULT": frozenset({"kultur"})}
    assert s.private_collection_keys == frozenset({"styrelsen"})
    for bad, said in (("{nope", "not valid JSON"), ('["styrelsen"]', "expected a JSON object"),
                      ('{"C1": [1]}', "channel 'C1': expected a list of collection names")):
        with pytest.raises(ConfigError, match="invalid setting MINUTES_CHANNEL_COLLECTIONS: .*" + said):
            load_settings(channel_collections=bad, _env_file=None)
