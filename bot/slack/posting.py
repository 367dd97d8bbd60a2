"""Posting to Slack: a message (with a plain-text retry when Slack refuses its blocks) and the
hourglass reaction while the bot works on a question."""
from __future__ import annotations

import contextlib
import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from .blocks import text_message

log = logging.getLogger(__name__)

WORKING_REACTION = "hourglass_flowing_sand"


def post(client: WebClient, channel: str, thread_ts: str | None, message: dict) -> str | None:
    """Post ``message``; if Slack refuses it (``invalid_blocks``, ``msg_too_long``, ...), post its
    text once more as a plain section, so the user still gets an answer. A second refusal
    (``not_in_channel``) is logged: there is no one left to tell. Returns the posted message's
    ts (None if nothing was posted)."""
    try:
        return _post(client, channel, thread_ts, message)
    except SlackApiError as e:
        log.warning("chat.postMessage refused (%s); retrying as plain text", e.response.get("error"))
    except OSError as e:  # Slack unreachable (after the client's retries): nothing more to try
        log.error("could not post to %s: Slack unreachable (%s: %s)", channel, type(e).__name__, e)
        return None
    try:
        return _post(client, channel, thread_ts, text_message(message.get("text") or "…"))
    except Exception as e:  # noqa: BLE001 - the listener has done all it can
        error = e.response.get("error") if isinstance(e, SlackApiError) else f"{type(e).__name__}: {e}"
        log.error("could not post to %s even as plain text: %s", channel, error)
        return None


def _post(client: WebClient, channel: str, thread_ts: str | None, message: dict) -> str | None:
    resp = client.chat_postMessage(channel=channel, thread_ts=thread_ts, unfurl_links=False, unfurl_media=False,
                                   **message)
    ts = resp.get("ts") if hasattr(resp, "get") else None
    return ts if isinstance(ts, str) else None


@contextlib.contextmanager
def working(client: WebClient, channel: str, ts: str):
    """An hourglass on the question while the bot works on it; best effort."""
    added = _react(client.reactions_add, channel, ts)
    try:
        yield
    finally:
        if added:
            _react(client.reactions_remove, channel, ts)


def _react(method, channel: str, ts: str) -> bool:
    try:
        method(channel=channel, timestamp=ts, name=WORKING_REACTION)
        return True
    except SlackApiError as e:
        log.info("reaction %s failed: %s", method.__name__, e.response.get("error"))
        return False
    except Exception as e:  # noqa: BLE001 - the hourglass is decoration; never let it stop the answer
        log.warning("reaction %s failed: %s: %s", method.__name__, type(e).__name__, e)
        return False
