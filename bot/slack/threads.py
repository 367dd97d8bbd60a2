"""The context of each Slack thread the bot answered in: thread -> the last question as it was
understood and the meeting its answer was about (bot/followup.py ``Context``), so a follow-up
in the thread ("and who was absent?") is answered in context, even after a restart.

Kept in the bot's SQLite memory (:mod:`bot.slack.state`) for ``ttl`` seconds after the last
answer in the thread."""
from __future__ import annotations

import re

from bot.followup import Context

from .state import BotState

KIND = "thread"
TTL = 7 * 24 * 3600.0  # a week: a thread picked up again after that starts afresh
_PURGE_EVERY = 200  # answers between deletions of expired threads


class ThreadMemory:
    def __init__(self, state: BotState, ttl: float = TTL):
        self.state = state
        self.ttl = ttl
        self._writes = 0

    @staticmethod
    def _key(channel: str, thread_ts: str) -> str:
        return f"{channel}:{thread_ts}"

    def context(self, channel: str, thread_ts: str | None) -> Context | None:
        if not thread_ts:
            return None
        raw = self.state.get(KIND, self._key(channel, thread_ts), ttl=self.ttl)
        return Context.from_json(raw) if raw else None

    def knows(self, channel: str, thread_ts: str | None) -> bool:
        """Whether the bot answered in this thread (within the TTL)."""
        return bool(thread_ts) and self.state.get(KIND, self._key(channel, thread_ts), ttl=self.ttl) is not None

    def remember(self, channel: str, thread_ts: str, context: Context) -> None:
        self._writes += 1
        if self._writes % _PURGE_EVERY == 1:
            self.state.purge(KIND, self.ttl)
        self.state.put(KIND, self._key(channel, thread_ts), context.to_json())


_MENTION = re.compile(r"<@([A-Z0-9]+)(?:\|[^>]*)?>")


def is_thread_reply(event: dict, threads: ThreadMemory, bot_user_id: str | None) -> bool:
    """Whether a ``message`` event is a person's reply in a channel thread the bot answered in:
    a follow-up to answer. Not a reply that mentions only other people (they are talking to
    each other), nor edits, bots, DMs (answered as DMs) or top-level messages."""
    if event.get("channel_type") not in ("channel", "group") or event.get("subtype") is not None:
        return False
    if event.get("bot_id") or not isinstance(event.get("user"), str):
        return False
    channel, ts, thread_ts = event.get("channel"), event.get("ts"), event.get("thread_ts")
    if not (isinstance(channel, str) and isinstance(ts, str) and isinstance(thread_ts, str)) or thread_ts == ts:
        return False
    mentioned = set(_MENTION.findall(event.get("text") or ""))
    if mentioned and bot_user_id not in mentioned:
        return False
    return threads.knows(channel, thread_ts)
