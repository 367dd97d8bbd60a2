"""The last step before anything is sent to Slack: personal data masked (unless
``MINUTES_REDACT=off``) and the bot's own secrets scrubbed, in every text of a message."""
from __future__ import annotations

from bot.redact import masks_for, redact

from .secrets import scrub


def clean(message, lang: str = "en", *, mask: bool = True):
    """``message`` (a dict of ``text``/``blocks``/``view``, a list, or a str) with every text
    cleaned; other values are left as they are."""
    m = masks_for(lang) if mask else None

    def walk(value):
        if isinstance(value, str):
            value = scrub(value)
            return redact(value, m) if m is not None else value
        if isinstance(value, dict):
            return {k: walk(v) if k in ("text", "blocks", "elements", "fields", "view") or not isinstance(v, str)
                    else v for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    return walk(message)
