"""``MINUTES_REMINDER_DAYS`` (off by default): that many days before the next meeting (the rule
of the next-meeting answer, bot/intents/next_meeting.py ``announced``), a message in the announce
channel with its date and the open action items (bot/registers.py), each quoted with its owners.
Each collection (bot/collections.py) has its own next meeting and actions; its reminder goes
where its announcements go (bot/slack/scope.py ``post_channels``).

A small scheduler thread checks every ``interval`` seconds against an injectable clock; each
reminder is sent once (the bot's SQLite memory), even if the bot restarts on the day."""
from __future__ import annotations

import logging
import threading
from datetime import date, timedelta

from bot.compose import human_date, meeting_label
from bot.phrases import say
from bot.intents.next_meeting import announced
from bot.registers import actions
from index.collections import collection_key

from .announce import action_line, post_to, rows_text, section
from .scope import CollectionAccess
from .state import BotState

log = logging.getLogger(__name__)

KIND = "reminded"
INTERVAL = 900.0  # seconds between checks: a reminder goes out within a quarter of an hour


def next_announced(meetings, today: date):
    """(next meeting date, the meeting whose minutes announce it), as the next-meeting answer
    gives it; (None, None) when it gives no fixed date (none, a vague one, one in the past)."""
    m, upcoming = announced(meetings, today)
    if m is None or not upcoming or m.next_meeting.vague:
        return None, None
    return date.fromisoformat(m.next_meeting.date), m


def reminder_message(next_date: date, source_meeting, meetings, today: date) -> dict:
    lang = source_meeting.language if source_meeting.language in ("en", "sv") else "en"
    label = meeting_label(source_meeting.title, source_meeting.date, lang)
    head = say("reminder_head", lang, date=human_date(next_date.isoformat(), lang), label=label)
    open_rows = actions(meetings, today=today, open_only=True)
    if open_rows:
        body = say("reminder_actions", lang) + "\n" + rows_text([action_line(r, lang) for r in open_rows], lang)
    else:
        body = say("reminder_no_actions", lang)
    blocks = [section(head), section(body)]
    return {"text": head, "blocks": blocks}, lang


class Reminders:
    def __init__(self, client, channel: str, state: BotState, service, days: int, *,
                 finish=lambda message, lang: message, today=date.today, interval: float = INTERVAL,
                 access: CollectionAccess | None = None):
        self.client = client
        self.access = access if access is not None else CollectionAccess()
        self.channel = channel
        self.state = state
        self.service = service
        self.days = days
        self.finish = finish
        self.today = today
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def check(self) -> str | None:
        """Send today's reminders (one per collection) that are due and not yet sent; the next
        meeting's date of the last one sent."""
        today, sent = self.today(), None
        by_collection: dict[str, list] = {}
        for m in self.service.meetings():  # every collection: each reminder goes only where it may
            by_collection.setdefault(collection_key(m.collection), []).append(m)
        known = frozenset(by_collection)
        for key, meetings in sorted(by_collection.items()):
            next_date, source = next_announced(meetings, today)
            if next_date is None or not (next_date - timedelta(days=self.days) <= today < next_date):
                continue
            channels = self.access.post_channels(key, self.channel, known)
            if not channels or not self.state.claim(KIND, f"{next_date.isoformat()}\x1f{source.source}"):
                continue
            message, lang = reminder_message(next_date, source, meetings, today)
            for channel in channels:
                post_to(self.client, channel, self.finish(message, lang), "a reminder")
            sent = next_date.isoformat()
        return sent

    def start(self) -> None:
        if self._thread is not None:
            return

        def loop():
            while True:
                try:
                    self.check()
                except Exception:  # noqa: BLE001 - the scheduler must outlive one bad check
                    log.exception("checking for a meeting reminder failed")
                if self._stop.wait(self.interval):
                    return

        self._thread = threading.Thread(target=loop, name="minutes-reminders", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
