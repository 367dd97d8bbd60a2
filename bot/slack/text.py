"""Slack mrkdwn text: escaping what we send, cleaning what we receive, cutting to limits."""
from __future__ import annotations

import re

ELLIPSIS = "…"

# Slack parses only these three as control characters; escaping them is enough to stop minutes
# text from pinging (<!channel>, <@U123>) or forging links (<http://x|y>).
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def escape(text: str) -> str:
    return re.sub(r"[&<>]", lambda m: _ESCAPES[m.group()], text)


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def cut(text: str, limit: int) -> str:
    """``text`` if it fits, else cut at the last whitespace before ``limit`` with "…" appended.

    Safe on escaped text: entities contain no whitespace, and a hard cut (one giant word) backs
    off an entity it would split. A link of ours (``<url|label>``: escaped text has no other
    ``<``) is kept whole or left out, never cut open."""
    if len(text) <= limit:
        return text
    room = limit - len(ELLIPSIS)
    head = text[:room]
    at = max(head.rfind(" "), head.rfind("\n"), head.rfind("\t"))
    if at > max(0, room - 500):  # a word boundary near the end; else it is one giant token
        head = head[:at]
    else:
        amp = head.rfind("&")
        if amp != -1 and ";" not in head[amp:]:
            head = head[:amp]
    if head.rfind("<") > head.rfind(">"):  # inside a link (its label may hold spaces)
        head = head[:head.rfind("<")]
    head = head.rstrip()
    if head.rsplit("\n", 1)[-1].count("*") % 2:  # cut inside *bold* (a line's own): close it
        head = head.rstrip("*").rstrip() + "*" if not head.endswith("*") else head[:-1].rstrip()
    return head + ELLIPSIS


def blockquote(text: str) -> str:
    """Escaped text as mrkdwn quote lines."""
    lines = escape(text.strip()).splitlines() or [""]
    return "\n".join(">" + (" " + line if line.strip() else "") for line in lines)


_USER = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")
_LINK = re.compile(r"<([^<>|]+)\|([^<>]*)>|<([^<>]+)>")


def question_from_slack(text: str | None, bot_user_id: str | None = None) -> str:
    """The plain question inside a Slack message: bot mention removed, links reduced to their
    labels, entities decoded, whitespace collapsed."""
    text = text or ""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    text = _USER.sub(lambda m: m.group()[2:-1].split("|")[-1], text)

    def link(m: re.Match) -> str:
        if m.group(2) is not None:
            return m.group(2)
        target = m.group(3)
        return "" if target.startswith("!") else target.removeprefix("mailto:")

    text = _LINK.sub(link, text)
    return " ".join(unescape(text).split())
