"""Socket Mode against a local WebSocket server speaking Slack's envelope protocol."""
from __future__ import annotations

from tests.slack.conftest import command_payload, event_envelope, mention


def test_events_api_envelope_is_acked_and_answered(socket_bot, fake):
    eid = socket_bot.send("events_api", event_envelope(mention("Vilka var med?", channel="C2", ts="1700000500.000100")))
    ack = socket_bot.wait_ack(eid)
    assert set(ack) == {"envelope_id"}
    [post] = fake.wait_calls("chat.postMessage")
    assert post.body["channel"] == "C2" and post.body["thread_ts"] == "1700000500.000100"
    assert post.body["blocks"] and post.body["text"]
    assert fake.calls_to("apps.connections.open")[0].headers["authorization"] == "Bearer xapp-test-token"


def test_slash_command_envelopes_are_acked_with_payload(socket_bot, fake):
    eid = socket_bot.send("slash_commands", command_payload("help", "U1", "C1", f"{fake.base}/response/s1"))
    ack = socket_bot.wait_ack(eid)
    assert "/minutes status" in ack["payload"]["text"]

    eid = socket_bot.send("slash_commands", command_payload("status", "U1", "C1", f"{fake.base}/response/s2"))
    socket_bot.wait_ack(eid)
    [reply] = fake.wait_for(lambda calls: [c for c in calls if c.method == "response_url"], what="status reply")
    assert "meetings indexed" in reply.body["text"]


def test_socket_mode_retry_is_not_answered_twice(socket_bot, fake):
    body = event_envelope(mention("budget", ts="1700000600.000100"))
    socket_bot.wait_ack(socket_bot.send("events_api", body))
    fake.wait_calls("chat.postMessage")
    socket_bot.wait_ack(socket_bot.send("events_api", body, retry_attempt=1, retry_reason="timeout"))
    fake.settle()
    assert len(fake.calls_to("chat.postMessage")) == 1
