"""Keeps the Slack tokens and the signing secret out of every log line the process writes.

A log record is scrubbed when it is made (a record factory), before any handler formats it,
so no handler, however configured, can print a secret: its message, its arguments and its
traceback are rendered once and the secrets in them replaced. Token-shaped strings (xoxb-, xapp-,
...) are replaced even when they are not this bot's own."""
from __future__ import annotations

import logging
import re
import threading

MASK = "[secret]"
_TOKEN_SHAPE = re.compile(r"\bx(?:ox[abposre]|app)-[A-Za-z0-9-]{4,}")
_secrets: set[str] = set()
_lock = threading.Lock()
_installed = False


def scrub(text: str) -> str:
    if not text:
        return text
    for s in sorted(_secrets, key=len, reverse=True):
        if s in text:
            text = text.replace(s, MASK)
    return _TOKEN_SHAPE.sub(MASK, text)


def _scrubbing_factory(make):
    def factory(*args, **kwargs):
        record = make(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string is the logging module's to report
            return record
        record.msg, record.args = scrub(message), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return record
    return factory


def protect(*secrets: str | None) -> None:
    """Scrub these values (and anything token-shaped) from every log record from now on."""
    global _installed
    with _lock:
        # Short values would mask ordinary words; real tokens and secrets are far longer.
        _secrets.update(s.strip() for s in secrets if s and len(s.strip()) >= 8)
        if not _installed:
            logging.setLogRecordFactory(_scrubbing_factory(logging.getLogRecordFactory()))
            _installed = True
