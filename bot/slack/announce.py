"""``MINUTES_ANNOUNCE_CHANNEL``: when new minutes are indexed (uploaded through Slack, dropped
in the corpus folder and picked up by the watcher, or indexed by ``minutes index`` beside the
bot) the bot posts a digest of them there: the meeting, its date, how many attended, its
decisions and new action items with their owners, each quoted, and the source file.

Every index generation the service switches to is compared with what was announced before
(meeting source + content hash, in the bot's SQLite memory): only new or changed meetings are
announced, once each, across restarts. The first index the bot ever sees is taken as known,
so connecting the bot to an existing archive does not announce all of it.

With collections and access (bot/slack/scope.py), a meeting is announced in the announce channel
only when that channel sees its collection; otherwise in the channels mapped to its collection
(a private collection's minutes go only to a channel mapped to it), and nowhere when none is."""
from __future__ import annotations

import logging
import threading
from datetime import date

from slack_sdk.errors import SlackApiError

from bot.compose import human_date, one_line, quoted
from bot.phrases import PHRASES, say
from bot.registers import action_row, decision_row
from index.collections import collection_key
from index.models import Meeting

from .scope import CollectionAccess
from .state import BotState
from .text import cut, escape

log = logging.getLogger(__name__)

KIND = "announced"
PRIMED = ("announce-meta", "primed")
MAX_MEETINGS = 5  # per index update; a bulk import gets one line for the rest
MAX_ROWS = 10  # decisions, and action items, listed per meeting
SECTION_LIMIT = 3000


def source_ref(m: Meeting, link=None) -> str:
    """How the announcement names the file the minutes came from: a link when ``link``
    (bot/slack/links.py, MINUTES_SOURCE_URL or the upload's permalink) gives one."""
    url = link(m.source) if link is not None else None
    return f"<{escape(url)}|{escape(m.source)}>" if url else f"`{escape(m.source)}`"


def quote_text(row: dict, lang: str) -> str:
    """A row's quote as people read it (its ``text`` or ``task``: bot/registers.py), escaped."""
    return escape(quoted(row["text"] if "text" in row else row["task"], lang))


def section(mrkdwn: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": cut(mrkdwn, SECTION_LIMIT), "verbatim": True}}


def rows_text(lines: list[str], lang: str) -> str:
    shown = lines[:MAX_ROWS]
    if len(lines) > MAX_ROWS:
        shown.append(say("announce_more", lang, n=len(lines) - MAX_ROWS))
    return "\n".join(shown)


def outcome_note(row: dict, lang: str) -> str:
    """" (tabled)" after a decision whose outcome is not plainly "decided"/"approved"."""
    outcome = row.get("outcome")
    if not outcome or outcome in ("decided", "approved") or f"outcome_{outcome}" not in PHRASES:
        return ""
    return f" ({say('outcome_' + outcome, lang)})"


def action_line(row: dict, lang: str) -> str:
    owners = ", ".join(row["owners"]) or say("nobody", lang)
    due = say("action_due", lang, date=row["due"]) if row.get("due") else ""
    return f"• {escape(owners)}: {quote_text(row, lang)}{escape(due)}"


def digest_message(m: Meeting, today: date, link=None) -> dict:
    """The announcement of one meeting, in the language of its minutes, from the registers'
    rows (bot/registers.py): every decision and task quoted as written."""
    lang = m.language if m.language in ("en", "sv") else "en"
    head = say("announce_head", lang, title=escape(one_line(m.title or "") or say("no_title", lang)),
               date=escape(human_date(m.date, lang) if m.date else say("no_date", lang)))
    if m.attendees:
        head += " " + say("announce_attendees", lang, n=len(m.attendees))
    blocks = [section(head)]
    decisions = [decision_row(m, d) for d in m.decisions]
    actions = [action_row(m, a, today) for a in m.actions if not a.review]
    if decisions:
        lines = [f"• {quote_text(r, lang)}{outcome_note(r, lang)}" for r in decisions]
        blocks.append(section(say("announce_decisions", lang) + "\n" + rows_text(lines, lang)))
    if actions:
        blocks.append(section(say("announce_actions", lang) + "\n" + rows_text([action_line(r, lang) for r in actions], lang)))
    if not (decisions or actions):
        blocks.append(section(say("announce_nothing", lang)))
    blocks.append({"type": "context", "elements": [
        {"type": "mrkdwn", "text": say("announce_source", lang, source=source_ref(m, link)), "verbatim": True}]})
    text = "\n".join(b["text"]["text"] for b in blocks if b["type"] == "section")
    return {"text": cut(text, SECTION_LIMIT), "blocks": blocks}


class Announcer:
    """Posts new minutes to ``channel``. ``finish`` is what every message passes through on its
    way to Slack (the bot's masking of personal data); ``today`` is injectable for tests."""

    def __init__(self, client, channel: str, state: BotState, *, finish=lambda message, lang: message,
                 today=date.today, link=lambda: None, access: CollectionAccess | None = None):
        self.client = client
        self.channel = channel
        self.access = access if access is not None else CollectionAccess()
        self.state = state
        self.finish = finish
        self.today = today
        self.link = link  # () -> the link function for one message (bot/slack/links.py), or None
        self._lock = threading.Lock()  # one comparison at a time: two swaps in a row announce once

    @staticmethod
    def _key(snapshot, m: Meeting) -> str:
        return f"{m.source}\x1f{snapshot.hashes.get(m.source, '')}"

    def primed(self) -> bool:
        return self.state.has(*PRIMED)

    def start(self, snapshot) -> None:
        """Take the index the bot starts with as known, the first time the bot ever runs with
        an announce channel (later starts announce what came in while it was down)."""
        if snapshot is not None and snapshot.meetings and not self.primed():
            self._prime(snapshot)

    def _prime(self, snapshot) -> None:
        for m in snapshot.meetings.values():
            self.state.claim(KIND, self._key(snapshot, m))
        self.state.put(*PRIMED, "1")
        log.info("announcements: %d meetings already indexed taken as known", len(snapshot.meetings))

    def on_snapshot(self, snapshot) -> list[str]:
        """Announce the meetings of ``snapshot`` not announced before; the sources announced."""
        with self._lock:
            if not self.primed():
                self._prime(snapshot)  # the first index ever built: the archive, not news
                return []
            fresh = [m for m in sorted(snapshot.meetings.values(), key=lambda m: (m.date or "", m.source))
                     if self.state.claim(KIND, self._key(snapshot, m))]
        today = self.today()
        known = frozenset(collection_key(m.collection) for m in snapshot.meetings.values())
        by_channel: dict[str, list[Meeting]] = {}
        for m in fresh:
            channels = self.access.post_channels(collection_key(m.collection), self.channel, known)
            if not channels:
                log.info("announcements: no channel sees the collection of %s; not announced", m.source)
            for channel in channels:
                by_channel.setdefault(channel, []).append(m)
        for channel, meetings in by_channel.items():
            for m in meetings[:MAX_MEETINGS]:
                lang = m.language if m.language in ("en", "sv") else "en"
                self._post(channel, self.finish(digest_message(m, today, self.link()), lang))
            if len(meetings) > MAX_MEETINGS:
                lang = meetings[-1].language if meetings[-1].language in ("en", "sv") else "en"
                text = say("announce_others", lang, n=len(meetings) - MAX_MEETINGS)
                self._post(channel, self.finish({"text": text, "blocks": [section(text)]}, lang))
        return [m.source for m in fresh]

    def _post(self, channel: str, message: dict) -> None:
        post_to(self.client, channel, message, "new minutes")


def post_to(client, channel: str, message: dict, what: str) -> None:
    """Post to the announce channel; a refusal (not_in_channel, ...) is logged, as no one asked."""
    try:
        client.chat_postMessage(channel=channel, unfurl_links=False, unfurl_media=False, **message)
    except SlackApiError as e:
        log.error("could not post %s in %s: %s", what, channel, e.response.get("error"))
    except Exception as e:  # noqa: BLE001 - the network: the log says so
        log.error("could not post %s in %s: %s: %s", what, channel, type(e).__name__, e)
