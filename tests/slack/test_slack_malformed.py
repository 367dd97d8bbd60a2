"""Malformed Slack payloads against the HTTP endpoint: missing fields, wrong types, huge text,
odd Unicode, bad JSON, bad signatures and timestamps. Each gets a 4xx or a 2xx with a polite
reply (or none); never a 5xx, an error in a listener, or a server that stops answering.

A fixed list of cases, then hypothesis-generated JSON in every field of a signed event."""
from __future__ import annotations

import json
import logging
import time
import urllib.request
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.slack.messages import t
from tests.slack.conftest import command_payload, event_envelope, mention

ERROR_REPLIES = {t("error", "en"), t("error", "sv")}


def _event(event, **envelope) -> str:
    return json.dumps({**event_envelope(event, "EvM"), **envelope})


JSON_CASES = {
    "empty object": "{}",
    "list": "[1, 2]",
    "number": "5",
    "null": "null",
    "string": '"event_callback"',
    "bad json": '{"type": "event_callback", ',
    "deep nesting": "[" * 50_000 + "]" * 50_000,
    "no event": json.dumps({"type": "event_callback", "event_id": "Ev0"}),
    "event null": _event(None),
    "event list": _event([]),
    "event string": _event("app_mention"),
    "event without type": _event({"text": "hej"}),
    "mention without channel, ts, text": _event({"type": "app_mention"}),
    "mention with wrong types": _event({"type": "app_mention", "text": 123, "channel": 5, "ts": 1.5, "user": []}),
    "mention text a dict": _event({**mention("x"), "text": {"a": 1}}),
    "mention thread_ts a list": _event({**mention("vilka var med?", ts="1700000100.000001"), "thread_ts": [1]}),
    "lone surrogate": '{"type": "event_callback", "event_id": "EvS", "event": {"type": "app_mention", '
                      '"user": "U1", "channel": "C1", "ts": "1700000103.000001", "text": "<@UBOT> hej \\ud800 budget"}}',
    "dm files not a list": _event({"type": "message", "channel_type": "im", "subtype": "file_share", "user": "UADMIN",
                                   "channel": "D1", "ts": "1700000104.000001", "files": "x"}),
    "dm files of junk": _event({"type": "message", "channel_type": "im", "subtype": "file_share", "user": "UADMIN",
                                "channel": "D1", "ts": "1700000105.000001", "files": [None, 5, {"id": 5}, {}]}),
    "home with wrong types": _event({"type": "app_home_opened", "user": 7, "tab": ["home"]}),
    "unknown event type": _event({"type": "reaction_added", "user": "U1"}),
    "envelope of wrong types": _event(mention("hej", ts="1700000106.000001"), team_id=5, event_id=[], api_app_id=None),
    "url verification without challenge": json.dumps({"type": "url_verification"}),
    "block action without fields": "payload=" + json.dumps({"type": "block_actions"}),
    "form payload not json": "payload=%7Bnot-json",
    "form with nothing": "a=b",
}


# Well-formed but hostile questions: each must get an answer (waited for, below).
ANSWERED_CASES = {
    "huge mention": _event(mention("budget " * 120_000, ts="1700000101.000001")),
    "odd unicode": _event(mention("\u202evem\x00 var \ufeffordförande\u0301 😀\u2028?", ts="1700000102.000001")),
}


def _cmd(**changes):
    """A /minutes command body with ``changes`` (None drops a field), for the fake's response_url."""
    def body(base: str) -> str:
        payload = command_payload("vilka var med?", "UUSER", "C1", f"{base}/response/x")
        payload.update(changes)
        return urlencode({k: v for k, v in payload.items() if v is not None})
    return body


# (body, whether the command's work ends with a post to response_url)
FORM_CASES = {
    "command without text": (_cmd(text=None), False),  # the help, in the ack
    "command without user or channel": (_cmd(user_id=None, channel_id=None), True),
    "command huge text": (_cmd(text="ö" * 100_000), True),  # 600 KB encoded: under the 1 MB limit
    "another command": (_cmd(command="/other"), False),
    "command with control characters": (_cmd(text="\x00\x1b[31mstatus\u202e"), True),
}


@pytest.fixture
def listener_errors(caplog):
    caplog.set_level(logging.ERROR)
    yield lambda: [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR
                   and r.name.startswith(("bot", "slack_bolt"))]


def _alive(http_bot) -> None:
    base = http_bot.url.rsplit("/slack/events", 1)[0]
    with urllib.request.urlopen(base + "/healthz", timeout=5) as r:
        assert r.status == 200


@pytest.mark.parametrize("body", JSON_CASES.values(), ids=JSON_CASES.keys())
def test_malformed_json_events_get_4xx_or_a_polite_reply(http_bot, fake, listener_errors, body):
    ctype = "application/x-www-form-urlencoded" if body.startswith(("payload=", "a=")) else "application/json"
    status, _, _ = http_bot.post(body, ctype)
    assert status < 500
    fake.settle()
    assert not [c for c in fake.calls_to("chat.postMessage") if c.body.get("text") in ERROR_REPLIES]
    assert listener_errors() == []
    _alive(http_bot)


@pytest.mark.parametrize("case", FORM_CASES.values(), ids=FORM_CASES.keys())
def test_malformed_commands_get_4xx_or_a_polite_reply(http_bot, fake, listener_errors, case):
    body, responds = case
    status, text, _ = http_bot.post(body(fake.base), "application/x-www-form-urlencoded")
    assert status < 500
    assert t("error", "en") not in text and t("error", "sv") not in text
    if status == 200 and responds:
        [reply] = fake.wait_calls("response_url", timeout=60)
        assert reply.body.get("text") not in ERROR_REPLIES
    fake.settle()
    assert listener_errors() == []
    _alive(http_bot)


def test_huge_and_odd_mentions_are_answered(http_bot, fake):
    for body in ANSWERED_CASES.values():
        assert http_bot.post(body, "application/json")[0] == 200
    posts = fake.wait_calls("chat.postMessage", len(ANSWERED_CASES), timeout=60)
    assert all(p.body.get("text") and p.body["text"] not in ERROR_REPLIES for p in posts)


@pytest.mark.parametrize("headers", [
    {"X-Slack-Request-Timestamp": "not-a-number", "X-Slack-Signature": "v0=abc"},
    {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "abc"},
    {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": ""},
    {"X-Slack-Request-Timestamp": str(int(time.time()) + 3600), "X-Slack-Signature": "v0=" + "0" * 64},
    {"X-Slack-Request-Timestamp": "", "X-Slack-Signature": "v0=" + "0" * 64},
    {"X-Slack-Request-Timestamp": "9" * 40, "X-Slack-Signature": "v0=" + "0" * 64},
])
def test_bad_signature_headers_are_401(http_bot, fake, headers):
    status, _, _ = http_bot.post(_event(mention("vilka var med?", ts="1700000200.000001")), "application/json",
                                 headers=headers, sign=False)
    assert status == 401
    fake.settle()
    assert not fake.calls_to("chat.postMessage")


def test_signed_request_from_an_hour_ago_is_401(http_bot, fake):
    status, _, _ = http_bot.event(mention("vilka var med?"), timestamp=int(time.time()) - 3600)
    assert status == 401


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12)
FIELDS = ("type", "user", "text", "ts", "channel", "channel_type", "thread_ts", "subtype", "files", "bot_id", "tab")


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.sampled_from(["app_mention", "message", "app_home_opened"]),
       st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES, max_size=6))
def test_any_json_in_an_events_fields_is_never_a_5xx(http_bot, fake, listener_errors, kind, fields):
    event = {"type": kind, "user": "UADMIN", "channel": "D1", "channel_type": "im", "ts": "1700000300.000001",
             "text": "hej", **fields}
    status, _, _ = http_bot.post(json.dumps(event_envelope(event, "EvH")), "application/json")
    assert status < 500
    assert listener_errors() == []


@pytest.mark.parametrize("name", ["bad json", "list", "event string", "mention with wrong types", "lone surrogate",
                                  "deep nesting"])
def test_bodies_slack_never_sends_are_400(http_bot, name):
    assert http_bot.post(JSON_CASES[name], "application/json")[0] == 400
