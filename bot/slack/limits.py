"""Slack's Block Kit limits, in one place, and a checker for whole messages and views.

Slack rejects a message that breaks any of these (``invalid_blocks``); the renderers cut to
them, and tests run ``violations`` over the longest real answers."""
from __future__ import annotations

from .text import ELLIPSIS

MAX_BLOCKS = 50  # blocks in a message
MAX_HOME_BLOCKS = 100  # blocks in a Home tab view
SECTION_TEXT_LIMIT = 3000
CONTEXT_ELEMENTS_LIMIT = 10
CONTEXT_TEXT_LIMIT = 3000  # each element's text
HEADER_TEXT_LIMIT = 150
BUTTON_TEXT_LIMIT = 75
ACTION_ID_LIMIT = 255
BUTTON_VALUE_LIMIT = 2000
BUTTON_URL_LIMIT = 3000
ACTIONS_ELEMENTS_LIMIT = 25
BLOCK_ID_LIMIT = 255
TEXT_LIMIT = 40000  # the top-level fallback text


def cut_plain(text: str, limit: int) -> str:
    """Plain text (no escapes in it) cut to ``limit`` characters with "…"."""
    return text if len(text) <= limit else text[: limit - len(ELLIPSIS)].rstrip() + ELLIPSIS


def violations(message: dict, *, home: bool = False) -> list[str]:
    """Every limit ``message`` (a chat message or a Home view) breaks, one line each."""
    out: list[str] = []
    blocks = message.get("blocks") or []
    most = MAX_HOME_BLOCKS if home else MAX_BLOCKS
    if len(blocks) > most:
        out.append(f"{len(blocks)} blocks (at most {most})")
    if len(message.get("text") or "") > TEXT_LIMIT:
        out.append(f"fallback text of {len(message['text'])} chars (at most {TEXT_LIMIT})")
    ids: set[str] = set()
    for i, b in enumerate(blocks):
        where = f"block {i} ({b.get('type')})"
        if len(b.get("block_id") or "") > BLOCK_ID_LIMIT:
            out.append(f"{where}: block_id over {BLOCK_ID_LIMIT} chars")
        if b.get("block_id"):
            if b["block_id"] in ids:
                out.append(f"{where}: block_id {b['block_id']!r} repeated")
            ids.add(b["block_id"])
        kind = b.get("type")
        if kind == "section":
            out += _text(where, b.get("text"), SECTION_TEXT_LIMIT)
            for f in b.get("fields") or []:
                out += _text(where + " field", f, 2000)
        elif kind == "header":
            out += _text(where, b.get("text"), HEADER_TEXT_LIMIT)
        elif kind == "context":
            elements = b.get("elements") or []
            if len(elements) > CONTEXT_ELEMENTS_LIMIT:
                out.append(f"{where}: {len(elements)} elements (at most {CONTEXT_ELEMENTS_LIMIT})")
            for e in elements:
                out += _text(where, e, CONTEXT_TEXT_LIMIT)
        elif kind == "actions":
            elements = b.get("elements") or []
            if len(elements) > ACTIONS_ELEMENTS_LIMIT:
                out.append(f"{where}: {len(elements)} elements (at most {ACTIONS_ELEMENTS_LIMIT})")
            for e in elements:
                out += _button(where, e)
    return out


def _text(where: str, obj, limit: int) -> list[str]:
    text = (obj or {}).get("text") if isinstance(obj, dict) else None
    if not text:
        return [f"{where}: empty text"]
    if len(text) > limit:
        return [f"{where}: text of {len(text)} chars (at most {limit})"]
    return []


def _button(where: str, e: dict) -> list[str]:
    out = _text(where + " button", e.get("text"), BUTTON_TEXT_LIMIT)
    if len(e.get("action_id") or "") > ACTION_ID_LIMIT:
        out.append(f"{where}: action_id over {ACTION_ID_LIMIT} chars")
    if len(e.get("value") or "") > BUTTON_VALUE_LIMIT:
        out.append(f"{where}: value over {BUTTON_VALUE_LIMIT} chars")
    if len(e.get("url") or "") > BUTTON_URL_LIMIT:
        out.append(f"{where}: url over {BUTTON_URL_LIMIT} chars")
    return out
