"""The app manifest asks for exactly what the bot uses; the dedupe memory is bounded."""
from __future__ import annotations

from pathlib import Path

import pytest


MANIFEST = Path(__file__).resolve().parents[2] / "slack-manifest.yaml"


def test_manifest_has_scopes_events_command_home_and_socket_mode():
    yaml = pytest.importorskip("yaml")
    m = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    scopes = set(m["oauth_config"]["scopes"]["bot"])
    assert {"app_mentions:read", "chat:write", "commands", "files:read", "im:history", "reactions:write",
            "users:read", "channels:history", "groups:history"} <= scopes
    # conversations.members, for the access to private collections (bot/slack/scope.py)
    assert {"channels:read", "groups:read"} <= scopes
    assert set(m["settings"]["event_subscriptions"]["bot_events"]) == {
        "app_mention", "message.im", "message.channels", "message.groups", "app_home_opened"}
    assert [c["command"] for c in m["features"]["slash_commands"]] == ["/minutes"]
    assert m["features"]["app_home"]["home_tab_enabled"] is True
    assert m["features"]["app_home"]["messages_tab_read_only_enabled"] is False
    assert m["settings"]["socket_mode_enabled"] is True
    assert m["settings"]["interactivity"]["is_enabled"] is True  # the answers' buttons
