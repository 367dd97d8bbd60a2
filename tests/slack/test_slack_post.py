"""post(): Slack unreachable is one logged line and no exception, so a listener never dies of it."""
from __future__ import annotations

import logging
import socket

from slack_sdk import WebClient

from bot.slack.app import post


def test_post_when_slack_is_unreachable_logs_one_line(caplog):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = WebClient(token="xoxb-test", base_url=f"http://127.0.0.1:{port}/api/", timeout=2)
    with caplog.at_level(logging.ERROR, logger="bot.slack.posting"):
        assert post(client, "C1", None, {"text": "hello", "blocks": []}) is None
    [record] = [r for r in caplog.records if r.name == "bot.slack.posting"]
    assert "Slack unreachable" in record.getMessage() and "xoxb" not in record.getMessage()
