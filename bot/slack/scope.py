"""Which collections (bot/collections.py) a reader in Slack may see: ``MINUTES_CHANNEL_COLLECTIONS``
and ``MINUTES_PRIVATE_COLLECTIONS``.

- A channel mapped in ``MINUTES_CHANNEL_COLLECTIONS`` sees only its collections; an unmapped
  channel sees every collection that is not private.
- A private collection is seen only in the channels mapped to it, and in a DM (or the Home tab)
  only by a member of one of those channels. In a channel, the asker must be a member of a
  channel mapped to it as well (an ephemeral /minutes answer goes to the asker alone).
- Membership is asked of Slack (``conversations.members``) and cached for ``TTL`` seconds. When
  Slack cannot say (unreachable, the bot not in the channel), the private collection is left
  out and the reply says why, without naming it.
- Announcements and reminders have no reader: a channel sees what its mapping says.

With neither setting, every reader sees everything (scope None), as before collections."""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)

TTL = 300.0  # seconds a channel's member list is trusted
PAGE = 1000  # members per conversations.members call (Slack's maximum)


@dataclass(frozen=True)
class Seen:
    """What one reader may see: collection keys (None: every collection), and whether private
    collections were left out because Slack could not confirm the reader's membership."""

    collections: frozenset[str] | None
    withheld: bool = False


class Members:
    """Channel members from ``conversations.members``, cached per channel for ``ttl`` seconds."""

    def __init__(self, ttl: float = TTL, clock=time.monotonic):
        self.ttl = ttl
        self.clock = clock
        self._cache: dict[str, tuple[float, frozenset[str]]] = {}
        self._lock = threading.Lock()

    def of(self, client, channel: str) -> frozenset[str] | None:
        """The members of ``channel``; None when Slack cannot say (never cached)."""
        now = self.clock()
        with self._lock:
            hit = self._cache.get(channel)
        if hit is not None and now - hit[0] < self.ttl:
            return hit[1]
        members: set[str] = set()
        cursor = None
        try:
            while True:
                resp = client.conversations_members(channel=channel, limit=PAGE, cursor=cursor)
                members.update(m for m in resp.get("members") or [] if isinstance(m, str))
                cursor = (resp.get("response_metadata") or {}).get("next_cursor")
                if not cursor:
                    break
        except SlackApiError as e:
            log.warning("conversations.members %s refused: %s (private minutes withheld)", channel,
                        e.response.get("error"))
            return None
        except OSError as e:  # Slack unreachable, after the client's retries
            log.warning("conversations.members %s failed: %s: %s (private minutes withheld)", channel,
                        type(e).__name__, e)
            return None
        found = frozenset(members)
        with self._lock:
            self._cache[channel] = (self.clock(), found)
        return found


class CollectionAccess:
    def __init__(self, channels: dict[str, frozenset[str]] | None = None, private: frozenset[str] = frozenset(),
                 members: Members | None = None):
        self.channels = dict(channels or {})  # channel id -> collection keys
        self.private = frozenset(private)
        self.members = members if members is not None else Members()

    @property
    def configured(self) -> bool:
        return bool(self.channels or self.private)

    def channels_of(self, key: str) -> list[str]:
        """The channels mapped to the collection ``key``, in the setting's order."""
        return [c for c, keys in self.channels.items() if key in keys]

    def for_channel(self, channel: str | None, known: frozenset[str]) -> frozenset[str] | None:
        """What ``channel`` sees, with no reader in it (announcements, reminders); ``known``:
        the collections of the index."""
        if not self.configured:
            return None
        if channel in self.channels:
            return self.channels[channel]
        return frozenset(known - self.private)

    def post_channels(self, key: str, home: str, known: frozenset[str]) -> list[str]:
        """Where news of collection ``key`` goes (announcements, reminders): the announce channel
        ``home`` when it sees the collection, else the channels mapped to it (none: nowhere)."""
        sees = self.for_channel(home, known | {key})
        if sees is None or key in sees:
            return [home]
        return self.channels_of(key)

    def for_reader(self, client, user: str | None, channel: str | None, *, is_dm: bool,
                   known: frozenset[str]) -> Seen:
        """What ``user`` may see when asking in ``channel`` (a DM when ``is_dm``; the Home tab
        is asked with ``is_dm`` and no channel)."""
        if not self.configured:
            return Seen(None)
        if is_dm:
            place = frozenset(known | self.private | {k for keys in self.channels.values() for k in keys})
        else:
            place = self.for_channel(channel, known)
        seen, withheld = set(place - self.private), False
        for key in sorted(place & self.private):
            channels = self.channels_of(key)
            if not is_dm and channel in channels:  # the channel asked in first: the likeliest
                channels = [channel] + [c for c in channels if c != channel]
            member = self._member_of_any(client, user, channels)
            if member:
                seen.add(key)
            elif member is None:
                withheld = True
        return Seen(frozenset(seen), withheld)

    def _member_of_any(self, client, user: str | None, channels: list[str]) -> bool | None:
        """True if ``user`` is in one of ``channels``; None if not found and Slack could not
        say for some of them; False otherwise."""
        if not user:
            return False
        unknown = False
        for channel in channels:
            members = self.members.of(client, channel)
            if members is None:
                unknown = True
            elif user in members:
                return True
        return None if unknown else False
