"""Fixtures for the Slack tests: a fake Slack and the bot running over real HTTP (signed requests)
or Socket Mode, in front of the real service over a tmp corpus with the fake embedder (the
shared ``service`` fixture in tests/conftest.py)."""
from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from slack_sdk.signature import SignatureVerifier

from bot.settings import Settings
from bot.slack.server import make_runner
from tests.slack.fake_slack import APP_TOKEN, BOT_TOKEN, FakeSlack, FakeSocketMode

SIGNING_SECRET = "test-signing-secret"
ADMIN = "UADMIN"
USER = "UUSER"


@pytest.fixture(autouse=True)
def _no_slack_env(monkeypatch):
    for var in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL",
                "MINUTES_ADMIN_USERS", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def fake():
    f = FakeSlack()
    yield f
    f.close()


def make_settings(fake: FakeSlack, **overrides) -> Settings:
    values = dict(slack_bot_token=BOT_TOKEN, slack_signing_secret=SIGNING_SECRET, slack_api_url=fake.api_url,
                  admin_users=ADMIN, max_upload_mb=1.0, watch_interval=0, _env_file=None)
    values.update(overrides)
    return Settings(**values)


@dataclass
class HttpBot:
    fake: FakeSlack
    runner: object
    url: str
    secret: str = SIGNING_SECRET

    def post(self, body: str, content_type: str, headers: dict | None = None, sign: bool = True,
             timestamp: int | None = None) -> tuple[int, str, float]:
        """POST to /slack/events; returns (status, body, seconds taken)."""
        ts = str(int(time.time()) if timestamp is None else timestamp)
        h = {"Content-Type": content_type}
        if sign:
            h["X-Slack-Request-Timestamp"] = ts
            h["X-Slack-Signature"] = SignatureVerifier(self.secret).generate_signature(timestamp=ts, body=body)
        h.update(headers or {})
        req = urllib.request.Request(self.url, data=body.encode("utf-8"), headers=h, method="POST")
        start = time.monotonic()
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return resp.status, resp.read().decode("utf-8"), time.monotonic() - start
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8"), time.monotonic() - start

    def event(self, event: dict, headers: dict | None = None, event_id: str = "Ev1", **kw):
        return self.post(json.dumps(event_envelope(event, event_id)), "application/json", headers, **kw)

    def command(self, text: str, user: str = USER, channel: str = "C1", response_id: str = "r1", **kw):
        body = urlencode(command_payload(text, user, channel, f"{self.fake.base}/response/{response_id}"))
        return self.post(body, "application/x-www-form-urlencoded", **kw)


    def action(self, payload: dict, **kw):
        """A signed interactive payload (``block_actions``), form-encoded as Slack sends it."""
        return self.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded", **kw)


def click_payload(message: dict, action_id: str, *, channel: str = "C1", user: str = USER,
                  message_ts: str = "1700000009.000100", ephemeral: bool = False, response_url: str = "",
                  thread_ts: str | None = None) -> dict:
    """The ``block_actions`` payload Slack sends when ``user`` clicks the button ``action_id`` of
    ``message`` (a chat.postMessage / respond body as the fake recorded it)."""
    button, block_id = next((e, b.get("block_id")) for b in message["blocks"] if b["type"] == "actions"
                            for e in b["elements"] if e["action_id"] == action_id)
    container = {"type": "message", "message_ts": message_ts, "channel_id": channel, "is_ephemeral": ephemeral}
    posted = {"type": "message", "ts": message_ts, "text": message.get("text"), "blocks": message["blocks"],
              "bot_id": "BBOT"}
    thread_ts = thread_ts or message.get("thread_ts")
    if thread_ts:
        container["thread_ts"] = posted["thread_ts"] = thread_ts
    payload = {"type": "block_actions", "token": "legacy", "api_app_id": "A1", "trigger_id": "trig",
               "team": {"id": "T1", "domain": "fake"}, "user": {"id": user, "name": user.lower(), "team_id": "T1"},
               "container": container, "channel": {"id": channel, "name": "general"}, "response_url": response_url,
               "actions": [{"type": "button", "action_id": action_id, "block_id": block_id, "value": button["value"],
                            "text": button["text"], "action_ts": "1700000010.000200"}]}
    if not ephemeral:
        payload["message"] = posted
    return payload


def event_envelope(event: dict, event_id: str = "Ev1") -> dict:
    return {"token": "legacy", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
            "event_id": event_id, "event_time": int(time.time()), "event": event}


def command_payload(text: str, user: str, channel: str, response_url: str) -> dict:
    return {"token": "legacy", "team_id": "T1", "team_domain": "fake", "channel_id": channel, "channel_name": "general",
            "user_id": user, "user_name": user.lower(), "command": "/minutes", "text": text,
            "api_app_id": "A1", "response_url": response_url, "trigger_id": "trig"}


def mention(text: str, channel: str = "C1", ts: str = "1700000001.000100", user: str = USER, **extra) -> dict:
    return {"type": "app_mention", "user": user, "text": f"<@UBOT> {text}", "ts": ts, "channel": channel,
            "event_ts": ts, **extra}


def dm(text: str, channel: str = "D1", ts: str = "1700000002.000100", user: str = USER, **extra) -> dict:
    return {"type": "message", "channel_type": "im", "user": user, "text": text, "ts": ts, "channel": channel,
            "event_ts": ts, **extra}


def start_http_bot(fake: FakeSlack, service, http_options: dict | None = None, **overrides) -> HttpBot:
    runner = make_runner(make_settings(fake, **overrides), service, host="127.0.0.1", port=0, **(http_options or {}))
    runner.start()
    return HttpBot(fake, runner, f"http://127.0.0.1:{runner.port}/slack/events")


@pytest.fixture
def http_bot(fake, service):
    bot = start_http_bot(fake, service)
    yield bot
    bot.runner.stop()


@pytest.fixture
def socket_bot(fake, service):
    sock = FakeSocketMode(fake)
    runner = make_runner(make_settings(fake, slack_app_token=APP_TOKEN, slack_signing_secret=None), service)
    runner.start()
    sock.wait_connected()
    yield sock
    runner.stop()


class Gate:
    """Holds calls to one method until ``release`` is set. Whatever a test sees before releasing
    happened while that work was still in progress: an ack that arrives then came first."""

    def __init__(self, obj, name: str, monkeypatch):
        self.entered = threading.Event()
        self.release = threading.Event()
        real = getattr(obj, name)

        def gated(*args, **kwargs):
            self.entered.set()
            assert self.release.wait(30), f"{name} was never released"
            return real(*args, **kwargs)

        monkeypatch.setattr(obj, name, gated)


@pytest.fixture
def gate(monkeypatch):
    """``gate(service, "converse")`` holds ``service.converse`` until ``.release.set()``; released at the
    end of the test in any case, so no listener thread is left waiting."""
    gates: list[Gate] = []

    def make(obj, name: str) -> Gate:
        gates.append(Gate(obj, name, monkeypatch))
        return gates[-1]

    yield make
    for g in gates:
        g.release.set()
