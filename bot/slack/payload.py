"""What a request to the HTTP endpoint must look like before Bolt sees it.

Bolt assumes Slack's shapes: a body that is not a JSON object, an ``event`` that is not an
object, or a ``user`` that is a list fails inside Bolt or a listener (a 500, or an error logged
with a traceback). Slack never sends such bodies, so they are refused with 400 and one log
line. Checked before the signature because nothing here depends on trusting the sender, and
the body cannot be tidied instead: the signature covers its exact bytes."""
from __future__ import annotations

import json
from urllib.parse import parse_qs

# Event fields the listeners read as strings; Slack sends them as strings or leaves them out.
EVENT_STRINGS = ("type", "user", "text", "ts", "channel", "channel_type", "thread_ts", "subtype",
                 "bot_id", "tab", "event_ts", "team")
ENVELOPE_STRINGS = ("type", "team_id", "api_app_id", "event_id", "token")


def bad_timestamp(timestamp: str | None) -> bool:
    """A timestamp header Bolt's int() would fail on (a 500): refused as unsigned (401)."""
    return timestamp is not None and not (timestamp.isdigit() and len(timestamp) <= 12)


def problem(body: str, content_type: str | None) -> str | None:
    """Why this request's body is malformed, or None if Bolt may have it."""
    if (content_type or "").startswith("application/json") or body.lstrip().startswith(("{", "[")):
        return _json_problem(body)
    form = parse_qs(body, keep_blank_values=True)
    if "payload" in form:  # interactivity: the JSON object travels in one form field
        return _json_problem(form["payload"][0])
    return None


def _json_problem(text: str) -> str | None:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return "the body is not valid JSON"
    if not isinstance(data, dict):
        return "the body is not a JSON object"
    try:  # a lone surrogate ("\ud800") is valid JSON but no text: it fails every later encode
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return "the body holds a lone surrogate"
    if bad := _not_strings(data, ENVELOPE_STRINGS):
        return f"{bad} is not a string"
    if data.get("type") == "event_callback":
        event = data.get("event")
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            return "event is not an object with a type"
        if bad := _not_strings(event, EVENT_STRINGS):
            return f"event.{bad} is not a string"
    return None


def _not_strings(d: dict, keys) -> str | None:
    return next((k for k in keys if d.get(k) is not None and not isinstance(d[k], str)), None)
