"""/minutes, the App Home tab, and rate-limit retries."""
from __future__ import annotations

import json

from tests.slack.conftest import ADMIN, dm, mention


def _reply(fake, response_id="r1"):
    [call] = fake.wait_for(lambda calls: [c for c in calls if c.method == "response_url"], what="a response_url post")
    return call.body


def test_help_is_answered_in_the_ack(http_bot, fake):
    status, body, _ = http_bot.command("help")
    assert status == 200
    data = json.loads(body)
    assert data["response_type"] == "ephemeral" and "/minutes status" in data["text"]
    assert "Upload minutes (.txt, .md, .tex, .html, .docx or .pdf)" in data["text"]
    status, body, _ = http_bot.command("")
    assert "/minutes index" in json.loads(body)["text"]
    sv = json.loads(http_bot.command("hjälp")[1])["text"]
    assert "Nämn mig" in sv and "(.txt, .md, .tex, .html, .docx eller .pdf)" in sv
    fake.settle()
    assert not fake.calls_to("response_url")  # the ack was the whole answer


def test_status_reports_meetings_dates_update_and_model(http_bot, fake, service, gate):
    held = gate(service, "status")
    status, _, _ = http_bot.command("status")
    assert status == 200  # acked while service.status() is still held
    assert held.entered.wait(10) and not fake.calls_to("response_url")
    held.release.set()
    reply = _reply(fake)
    text = reply["text"]
    st = service.status()
    assert f"*{st.meetings}* meetings" in text and st.first_date in text and st.last_date in text
    assert "fake-embedder" in text and "Last updated" in text
    assert reply["response_type"] == "ephemeral"


def test_question_via_slash_command(http_bot, fake, service, gate):
    held = gate(service, "converse")
    status, body, _ = http_bot.command("Vilka var med på mötet?")
    assert status == 200 and "Letar" in json.loads(body)["text"]  # acked while ask() is held
    assert held.entered.wait(10) and not fake.calls_to("response_url")
    held.release.set()
    reply = _reply(fake)
    assert reply["replace_original"] is True and reply["blocks"][0]["type"] == "section"
    assert any(b["type"] == "context" for b in reply["blocks"])


def test_index_is_for_admins_only(http_bot, fake, service, monkeypatch):
    calls = []
    monkeypatch.setattr(service, "reindex", lambda rebuild=False: calls.append(rebuild))
    status, body, _ = http_bot.command("index", user="USOMEONE")
    assert status == 200 and "only the bot's admins" in json.loads(body)["text"]
    fake.settle()
    assert calls == [] and not fake.calls_to("response_url")


def test_index_by_admin_reports_what_changed(http_bot, fake, service, gate):
    (service.corpus_dir / "2023-03-03-styrelse.txt").write_text(
        "Protokoll styrelsemöte den 3 mars 2023\n\nNärvarande: Anna Berg, Erik Ek\n\n1 Budget\nBudgeten godkändes.\n",
        encoding="utf-8")
    held = gate(service, "reindex")
    status, body, _ = http_bot.command("index", user=ADMIN)
    assert status == 200 and "Updating" in json.loads(body)["text"]  # acked while reindex() is held
    assert held.entered.wait(10) and not fake.calls_to("response_url")
    held.release.set()
    text = _reply(fake)["text"]
    assert "Index updated: 1 added, 0 updated, 0 removed, 2 unchanged" in text


def test_app_home_publishes_status_and_examples(http_bot, fake):
    http_bot.event({"type": "app_home_opened", "user": "U7", "channel": "D7", "tab": "home", "event_ts": "1.0"})
    [call] = fake.wait_calls("views.publish")
    assert call.body["user_id"] == "U7"
    view = call.body["view"]
    text = json.dumps(view, ensure_ascii=False)
    assert view["type"] == "home" and "meetings indexed" in text and "Vilka var med" in text


def test_messages_tab_does_not_publish(http_bot, fake):
    http_bot.event({"type": "app_home_opened", "user": "U7", "channel": "D7", "tab": "messages", "event_ts": "1.0"})
    fake.settle()
    assert not fake.calls_to("views.publish")


def test_rate_limited_post_is_retried_after_retry_after(http_bot, fake):
    fake.fail_next("chat.postMessage", 429, {"Retry-After": "1"})
    http_bot.event(dm("Vilka var med?", ts="1700000200.000100"))
    posts = fake.wait_calls("chat.postMessage", n=2, timeout=10)
    assert posts[1].at - posts[0].at >= 1.0  # honoured Retry-After
    assert posts[0].body == posts[1].body
    fake.settle()
    assert len(fake.calls_to("chat.postMessage")) == 2


def test_answer_language_for_fixed_strings(http_bot, fake):
    http_bot.event(mention("", ts="1700000300.000100", user="U5"))
    [post] = fake.wait_calls("chat.postMessage")
    assert "Ask me" in post.body["text"]


def test_slash_command_text_is_unescaped_like_messages(http_bot, fake, service, monkeypatch):
    asked = []
    real_ask = service.converse
    monkeypatch.setattr(service, "converse", lambda question, context=None, **kw: asked.append(question) or real_ask(question, context, **kw))
    http_bot.command("R&amp;D  budget &lt;2023&gt;")  # how Slack sends "R&D  budget <2023>"
    _reply(fake)
    assert asked == ["R&D budget <2023>"]


def test_index_busy_is_said_the_slack_way(http_bot, fake, service, monkeypatch):
    from index.errors import IndexBusy

    def busy(rebuild=False):
        raise IndexBusy(f"another process is updating the index in {service.index_dir}; try again when it is done")

    monkeypatch.setattr(service, "reindex", busy)
    http_bot.command("index", user=ADMIN)
    text = _reply(fake)["text"]
    assert text == "The index is being updated right now; try again in a minute."
